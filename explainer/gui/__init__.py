"""The desktop app (PySide6). ``MainWindow`` is imported lazily so that small modules stay cheap to import."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["APP_NAME", "MainWindow", "main"]

APP_NAME = "mnist-cnn-explainer"
"""The app's name: its QSettings (organisation and application) and its cache folder."""

_LAZY = {"MainWindow": "explainer.gui.mainwindow", "main": "explainer.gui.app"}


def __getattr__(name: str) -> Any:
    # Lazy: `import explainer.gui.theme` must not build the whole window machinery.
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'explainer.gui' has no attribute {name!r}")
