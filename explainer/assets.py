"""Where the bundled files are: the trained models, the sample images and the app icon.

In a checkout or an editable install they sit in ``assets/`` beside the package; ``pip install .`` copies
them to ``<prefix>/share/mnist-cnn-explainer/assets`` (pyproject ``data-files``), since the fixed project
layout keeps ``assets/`` outside the package.
"""

from __future__ import annotations

import os
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


def bundled(path: str | os.PathLike[str]) -> Path:
    """``path`` itself, or the bundled file when it is spelled ``assets/<name>`` and no such file is here.

    So ``load_model("assets/fashion_mnist.npz")`` finds the bundled model from any working folder and
    after a non-editable install; every other path is returned unchanged.
    """
    path = Path(path)
    if path.is_absolute() or path.exists() or len(path.parts) < 2 or path.parts[0] != "assets":
        return path
    return asset_path(Path(*path.parts[1:]).as_posix())
