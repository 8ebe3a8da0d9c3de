"""Shared test set-up: headless Qt and the location of the real MNIST files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never open real windows; the real-window check lives in .ci/real_window.sh.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def mnist_directory() -> Path:
    """The real MNIST folder (EXPLAINER_MNIST_DIR or ../shared/data/mnist); skips when absent."""
    from explainer.data import mnist_dir

    directory = mnist_dir()
    if directory is None:
        pytest.skip("MNIST not found: set EXPLAINER_MNIST_DIR or place the IDX files in ../shared/data/mnist")
    return directory
