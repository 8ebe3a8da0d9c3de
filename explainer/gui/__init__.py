"""The desktop app (PySide6). ``MainWindow`` is imported lazily so that small modules stay cheap to import."""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

# The GUI runs a tiny network on one sample per mouse move: its matrices are far too small for BLAS
# threads to pay off, and on a 2-core machine they fight the GUI thread (a trace took 0.5 ms on one thread,
# 2-36 ms on two under load). Takes effect when NumPy is imported after this package, as in every launch.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__all__ = ["MainWindow", "main"]

_LAZY = {"MainWindow": "explainer.gui.mainwindow", "main": "explainer.gui.app"}


def __getattr__(name: str) -> Any:
    # Lazy: `import explainer.gui.theme` must not build the whole window machinery.
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'explainer.gui' has no attribute {name!r}")
