"""pyqtgraph, set up the way the app's plots expect it (the training curves), and plots in the palette.

This module does not import pyqtgraph at import time (it takes about half a second).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explainer.gui import theme

if TYPE_CHECKING:
    import pyqtgraph


def configure_pyqtgraph() -> None:
    """Row-major images (NumPy's ``(H, W)``) and anti-aliasing for every pyqtgraph item; safe to call again.

    ``main`` calls it before the window when pyqtgraph is already imported, else right after the first
    paint. A module that creates pyqtgraph items at import or window construction calls it first.
    """
    import pyqtgraph

    pyqtgraph.setConfigOptions(imageAxisOrder="row-major", antialias=True)


def style_plot(plot: pyqtgraph.PlotWidget) -> None:
    """Paint ``plot`` in the current palette: its background, both axes and its legend's text."""
    palette = theme.current()
    plot.setBackground(palette.background)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(palette.muted)
        axis.setTextPen(palette.text)
    if item.legend is not None:
        item.legend.setLabelTextColor(palette.text)
