"""Small parts of the main window: its timers, the drag-and-drop helper and the scrolling left column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

from explainer.gui import theme


def single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer calling ``slot`` ``interval_ms`` after its last (re)start."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def local_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local file paths carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class ColumnScroll(QScrollArea):
    """A column that scrolls up and down when the window is shorter than its content (objectName
    "left_scroll"): at 1280x720 with the tour's dock open the drawing column would otherwise push the
    window past the screen and squeeze the narration. It is never narrower than the column (plus the
    scroll bar while it shows)."""

    def __init__(self, column: QWidget) -> None:
        super().__init__()
        self.setObjectName("left_scroll")
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scrolls = False
        # The scroll area itself decides when the column needs its bar (word-wrapped labels are taller
        # when narrow, which the column's minimum size does not tell); the column then gets the bar's width.
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        """Widen the column by the scroll bar's width while it shows, so that it covers none of the column."""
        scrolls = maximum > 0
        if scrolls != self._scrolls:
            self._scrolls = scrolls
            self.updateGeometry()

    def _bar(self) -> int:
        """Width of the vertical scroll bar when the column is taller than the room it has, else 0."""
        if not self._scrolls:
            return 0
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def minimumSizeHint(self) -> QSize:
        column = self.widget().minimumSizeHint()
        return QSize(column.width() + self._bar(), min(column.height(), theme.px(200)))

    def sizeHint(self) -> QSize:
        column = self.widget().sizeHint()
        return QSize(column.width() + self._bar(), column.height())
