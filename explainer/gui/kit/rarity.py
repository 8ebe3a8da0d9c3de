"""Painters for DB-VAE's lesson: a grid of digits with a caption under each, and per-dimension histograms.

:class:`DigitGrid` draws ``(k, 28, 28)`` uint8 digits in rows of :data:`COLUMNS`, a short caption (the
weight) under each and a tooltip per digit. :class:`ShareHistograms` draws one bar chart per latent
dimension: the share of the codes in each bin, the share printed over each bar and the range under it.
Both only paint what they are given.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from explainer.gui import theme

COLUMNS = 8
"""Digits per row: 32 digits make four rows."""

CAPTION_SCALE = 0.85
"""Font scale of the captions under the digits and the numbers on the bars."""

MIN_DIGIT_PX = 30
"""The smallest side of a drawn digit at zoom 1."""


def _caption_font_metrics() -> QFontMetricsF:
    return QFontMetricsF(theme.font(CAPTION_SCALE))


class DigitGrid(QWidget):
    """Digits in rows of :data:`COLUMNS`, each with a caption under it and a tooltip.

    Shape:
        images: ``(k, 28, 28)`` uint8; captions and tooltips: k strings each.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._images = np.zeros((0, 28, 28), np.uint8)
        self._captions: list[str] = []
        self._tooltips: list[str] = []
        theme.notifier().sigChanged.connect(self.update)

    def set_digits(self, images: np.ndarray, captions: Sequence[str], tooltips: Sequence[str]) -> None:
        """Show ``images`` with one caption and one tooltip each."""
        self._images = np.asarray(images, np.uint8)
        self._captions = list(captions)
        self._tooltips = list(tooltips)
        self.updateGeometry()
        self.update()

    def captions(self) -> list[str]:
        """The captions drawn, in order."""
        return list(self._captions)

    def _rows(self) -> int:
        return max(1, -(-len(self._images) // COLUMNS))

    def _caption_height(self) -> float:
        return _caption_font_metrics().height() + theme.px(2)

    def _min_side(self) -> float:
        """A digit at least as wide as its widest caption."""
        metrics = _caption_font_metrics()
        widest = max((metrics.horizontalAdvance(text) for text in self._captions), default=0.0)
        return max(float(theme.px(MIN_DIGIT_PX)), widest + theme.px(4))

    def _gap(self) -> float:
        return float(theme.px(6))

    def minimumSizeHint(self) -> QSize:
        side, gap = self._min_side(), self._gap()
        rows = self._rows()
        return QSize(
            int(COLUMNS * side + (COLUMNS - 1) * gap) + 1,
            int(rows * (side + self._caption_height()) + (rows - 1) * gap) + 1,
        )

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(int(hint.width() * 1.6), int(hint.height() * 1.6))

    def _side(self) -> float:
        gap, rows = self._gap(), self._rows()
        by_width = (self.width() - (COLUMNS - 1) * gap) / COLUMNS
        by_height = (self.height() - (rows - 1) * gap) / rows - self._caption_height()
        return max(self._min_side(), min(by_width, by_height))

    def digit_rect(self, index: int) -> QRectF:
        """Where digit ``index`` is drawn."""
        side, gap = self._side(), self._gap()
        row, col = divmod(index, COLUMNS)
        return QRectF(col * (side + gap), row * (side + gap + self._caption_height()), side, side)

    def index_at(self, point: QPoint) -> int | None:
        """The digit under ``point`` (its caption included), or None."""
        for index in range(len(self._images)):
            rect = self.digit_rect(index).adjusted(0, 0, 0, self._caption_height())
            if rect.contains(point.toPointF()):
                return index
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos())
            if index is None or index >= len(self._tooltips):
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tooltips[index], self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = theme.current()
        caption_height = self._caption_height()
        with QPainter(self) as painter:
            painter.setFont(theme.font(CAPTION_SCALE))
            for index, image in enumerate(self._images):
                rect = self.digit_rect(index)
                painter.drawImage(
                    rect, theme.array_to_qimage(image.astype(np.float32), (0.0, 255.0), theme.GREY_LUT)
                )
                painter.setPen(palette.frame)
                painter.drawRect(rect)
                if index < len(self._captions):
                    painter.setPen(palette.text)
                    text_rect = QRectF(
                        rect.left() - self._gap() / 2,
                        rect.bottom(),
                        rect.width() + self._gap(),
                        caption_height,
                    )
                    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), self._captions[index])


class ShareHistograms(QWidget):
    """One bar chart per latent dimension: the share of the codes in each histogram bin.

    Shape:
        shares: ``(d, bins)`` in [0, 1]; edges: ``(d, bins + 1)``; titles: d strings.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debias_histograms")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._shares = np.zeros((0, 1))
        self._edges = np.zeros((0, 2))
        self._titles: list[str] = []
        theme.notifier().sigChanged.connect(self.update)

    def set_histograms(self, shares: np.ndarray, edges: np.ndarray, titles: Sequence[str]) -> None:
        """Show the shares of every dimension's bins, the bins' range under them and a title over each."""
        self._shares = np.asarray(shares, np.float64)
        self._edges = np.asarray(edges, np.float64)
        self._titles = list(titles)
        self.updateGeometry()
        self.update()

    def shares(self) -> np.ndarray:
        """The shares drawn, ``(d, bins)``."""
        return self._shares

    @staticmethod
    def share_text(share: float) -> str:
        """A share as a percentage: "23%", "4.5%", "0.3%"."""
        percent = 100.0 * share
        return f"{percent:.0f}%" if percent >= 9.5 else f"{percent:.1f}%"

    def _bar_width_min(self) -> float:
        metrics = _caption_font_metrics()
        return metrics.horizontalAdvance("99.9%") + theme.px(4)

    def _line(self) -> float:
        return _caption_font_metrics().height()

    def minimumSizeHint(self) -> QSize:
        dims, bins = self._shares.shape if self._shares.size else (1, 1)
        metrics = QFontMetricsF(theme.font())
        title = max((metrics.horizontalAdvance(text) for text in self._titles), default=0.0)
        panel = max(bins * self._bar_width_min(), title)
        gap = theme.px(24)
        return QSize(
            int(dims * panel + (dims - 1) * gap) + 1, int(metrics.height() + 3 * self._line() + theme.px(90))
        )

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(hint.width(), int(hint.height() * 1.3))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._shares.size:
            return
        palette = theme.current()
        dims, bins = self._shares.shape
        gap = theme.px(24)
        panel_width = (self.width() - (dims - 1) * gap) / dims
        title_height = QFontMetricsF(theme.font()).height()
        line = self._line()
        top = title_height + line  # a title, then the numbers over the tallest bar
        bottom = self.height() - line - theme.px(2)  # room for the range under the bars
        tallest = float(self._shares.max()) or 1.0
        with QPainter(self) as painter:
            for dim in range(dims):
                left = dim * (panel_width + gap)
                painter.setFont(theme.font())
                painter.setPen(palette.text)
                title = self._titles[dim] if dim < len(self._titles) else ""
                painter.drawText(
                    QRectF(left, 0, panel_width, title_height), int(Qt.AlignmentFlag.AlignLeft), title
                )
                painter.setFont(theme.font(CAPTION_SCALE))
                bar_width = panel_width / bins
                for index, share in enumerate(self._shares[dim]):
                    height = (bottom - top) * share / tallest
                    bar = QRectF(left + index * bar_width + 1, bottom - height, bar_width - 2, height)
                    painter.fillRect(bar, palette.accent)
                    painter.setPen(palette.text)
                    painter.drawText(
                        QRectF(bar.left() - 1, bar.top() - line, bar_width, line),
                        int(Qt.AlignmentFlag.AlignCenter),
                        self.share_text(float(share)),
                    )
                painter.setPen(palette.muted)
                painter.drawLine(int(left), int(bottom), int(left + panel_width), int(bottom))
                low, high = self._edges[dim, 0], self._edges[dim, -1]
                below = QRectF(left, bottom + theme.px(2), panel_width, line)
                painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft), theme.format_value(low, 2))
                painter.drawText(below, int(Qt.AlignmentFlag.AlignRight), theme.format_value(high, 2))
