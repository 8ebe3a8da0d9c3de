"""Shared test set-up: headless Qt and the location of the real MNIST files."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"

# Tests never open real windows; the real-window check lives in .ci/real_window.sh.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings(tmp_path):
    """The default QSettings, redirected to a throw-away folder so the tests never touch the user's."""
    from PySide6.QtCore import QSettings, QStandardPaths  # imported here: the core tests run without Qt

    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path))
    yield QSettings()
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, home)


@pytest.fixture
def shown(qtbot) -> Iterator[Callable[[Any], Any]]:
    """``shown(window)``: the window added to qtbot, shown and exposed as the user sees it, and returned;
    every window it showed is closed after the test (before qtbot deletes it)."""
    opened = []

    def show(window: Any) -> Any:
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield show
    for window in opened:
        window.close()


@pytest.fixture(autouse=True)
def no_worker_left_running():
    """A test that leaves a worker thread running fails; the worker is stopped and waited for, so it
    cannot run on into later tests or abort the interpreter at exit ("Destroyed while thread")."""
    yield
    jobs = sys.modules.get("explainer.gui.jobs")  # never imported: no worker ever ran
    if jobs is None:
        return
    left = [worker for worker in jobs.running_workers() if not worker.is_finished()]
    if left:
        ended = jobs.stop_workers(left, 10000)
        names = ", ".join(type(worker).__name__ for worker in left)
        pytest.fail(f"the test left {names} running ({'stopped now' if ended else 'still running'})")


@pytest.fixture(scope="session")
def mnist_directory() -> Path:
    """The real MNIST folder (EXPLAINER_MNIST_DIR or ../shared/data/mnist); skips when absent."""
    from explainer.data import mnist_dir

    directory = mnist_dir()
    if directory is None:
        pytest.skip("MNIST not found: set EXPLAINER_MNIST_DIR or place the IDX files in ../shared/data/mnist")
    return directory


@pytest.fixture(scope="session")
def fashion_mnist_directory() -> Path:
    """The real Fashion-MNIST folder (EXPLAINER_FASHION_MNIST_DIR or ../shared/data/fashion-mnist); skips
    when absent."""
    from explainer.data import FASHION_MNIST

    directory = FASHION_MNIST.directory()
    if directory is None:
        pytest.skip(
            "Fashion-MNIST not found: set EXPLAINER_FASHION_MNIST_DIR or place the IDX files in "
            "../shared/data/fashion-mnist"
        )
    return directory


@pytest.fixture
def kill_at_marker() -> Callable[[str, str], None]:
    """``kill(script, marker)``: run a Python script in a child process (importing this checkout's
    ``explainer``) and SIGKILL it the moment it prints the line ``marker``, as a crash would."""

    def kill(script: str, marker: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == marker
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL

    return kill


@cache
def _load_benchmark(script: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{Path(script).stem}", BENCHMARKS / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def benchmark_module() -> Callable[[str], ModuleType]:
    """Import a script of benchmarks/ by file name (e.g. ``"fuzz.py"``), once per test session."""
    return _load_benchmark
