"""pyqtgraph, set up the way the app's plots expect it (the training curves)."""

from __future__ import annotations


def configure_pyqtgraph() -> None:
    """Row-major images (NumPy's ``(H, W)``) and anti-aliasing for every pyqtgraph item; safe to call again.

    ``main`` calls it before the window when pyqtgraph is already imported, else right after the first
    paint. A module that creates pyqtgraph items at import or window construction calls it first.
    """
    import pyqtgraph

    pyqtgraph.setConfigOptions(imageAxisOrder="row-major", antialias=True)
