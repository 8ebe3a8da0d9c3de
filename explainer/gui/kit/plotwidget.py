"""A pyqtgraph plot for the pages that lay out around it (imports pyqtgraph: import this module lazily).

Its preferred size is small, so a page's height for its width (what a scroll area gives a page with
wrapping text) stays within the window and the plot takes the room that is left by its stretch.
"""

from __future__ import annotations

import pyqtgraph
from PySide6.QtCore import QSize

from explainer.gui import theme
from explainer.gui.kit.plots import configure_pyqtgraph


class CompactPlot(pyqtgraph.PlotWidget):
    """A ``PlotWidget`` called ``name``, at least ``min_height`` px (zoomed) tall and preferring no more,
    its context menu off."""

    def __init__(self, name: str, min_height: float) -> None:
        configure_pyqtgraph()
        super().__init__()
        self.setObjectName(name)
        self.setMenuEnabled(False)
        self._min_height = min_height
        self.setMinimumHeight(theme.px(min_height))

    def sizeHint(self) -> QSize:
        return QSize(theme.px(320), theme.px(self._min_height))
