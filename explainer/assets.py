"""Where the bundled files are: the trained model, the sample digits and the app icon.

In a checkout or an editable install they sit in ``assets/`` beside the package; ``pip install .`` copies
them to ``<prefix>/share/mnist-cnn-explainer/assets`` (pyproject ``data-files``), since the fixed project
layout keeps ``assets/`` outside the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ASSETS = Path(__file__).resolve().parent.parent / "assets"
INSTALLED_ASSETS = Path(sys.prefix) / "share" / "mnist-cnn-explainer" / "assets"


def asset_path(name: str) -> Path:
    """The path of the bundled file ``name`` (e.g. ``"model.npz"``); the checkout's copy when both exist."""
    source = SOURCE_ASSETS / name
    if source.exists() or not (INSTALLED_ASSETS / name).exists():
        return source
    return INSTALLED_ASSETS / name
