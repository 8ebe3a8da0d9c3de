"""One channel's filter results drawn: its top test images with the patch outlined, and its synthesised input.

A passive painter: :meth:`FilterGallery.set_channel` takes plain arrays (the images, the receptive-field
boxes, the activations, the synthesised image). Each top image is drawn whole in grey with its box in the
accent colour and its activation under it; the synthesised image sits on the right, larger.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from explainer.gui import theme

COLUMNS = 3
"""The top images as a 3x3 grid."""


class FilterGallery(QWidget):
    """The top images of one channel (grid, patch outlined) and its synthesised input (objectName
    ``"filter_gallery"``).

    Shape:
        images ``(k, H, W)`` floats in [0, 1]; boxes ``(k, 4)`` (top, left, bottom, right) inclusive;
        values ``(k,)``; synthesised ``(H, W)`` in [0, 1] or None.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_gallery")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._images = np.zeros((0, 1, 1), np.float32)
        self._boxes = np.zeros((0, 4), np.int64)
        self._values = np.zeros(0, np.float32)
        self._synthesised: np.ndarray | None = None
        theme.notifier().sigChanged.connect(self.update)

    def set_channel(
        self, images: np.ndarray, boxes: np.ndarray, values: np.ndarray, synthesised: np.ndarray | None
    ) -> None:
        """Show these top images, their boxes and activations, and the synthesised image."""
        self._images = np.asarray(images, np.float32)
        self._boxes = np.asarray(boxes)
        self._values = np.asarray(values, np.float32)
        self._synthesised = None if synthesised is None else np.asarray(synthesised, np.float32)
        self.update()

    def boxes(self) -> np.ndarray:
        """The receptive-field boxes drawn, ``(k, 4)``."""
        return self._boxes

    def sizeHint(self) -> QSize:
        return QSize(theme.px(640), theme.px(420))

    def _layout(self) -> tuple[float, float, float]:
        """(thumbnail side, gap, label height) that fit the widget."""
        label = QFontMetricsF(theme.font(0.85)).height()
        gap = theme.px(8)
        rows = max(1, -(-len(self._images) // COLUMNS))
        # The grid takes 3 columns, the synthesised image as wide as 1.6 columns.
        side_w = (self.width() - gap * (COLUMNS + 2)) / (COLUMNS + 1.6)
        side_h = (self.height() - rows * (gap + label)) / rows
        return max(8.0, min(side_w, side_h)), gap, label

    def thumbnail_rect(self, index: int) -> QRectF:
        """Where top image ``index`` is drawn."""
        side, gap, label = self._layout()
        row, col = divmod(index, COLUMNS)
        return QRectF(col * (side + gap), row * (side + gap + label), side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = theme.current()
        side, gap, label = self._layout()
        with QPainter(self) as painter:
            painter.setFont(theme.font(0.85))
            for index, image in enumerate(self._images):
                rect = self.thumbnail_rect(index)
                painter.drawImage(rect, theme.array_to_qimage(image, (0.0, 1.0), theme.GREY_LUT))
                top, left, bottom, right = (int(v) for v in self._boxes[index])
                cell = side / image.shape[1]
                box = QRectF(
                    rect.left() + left * cell,
                    rect.top() + top * cell,
                    (right - left + 1) * cell,
                    (bottom - top + 1) * cell,
                )
                painter.setPen(QPen(palette.accent, max(2, theme.px(2))))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
                painter.setPen(palette.text)
                text_rect = QRectF(rect.left(), rect.bottom(), rect.width(), label)
                painter.drawText(
                    text_rect,
                    int(Qt.AlignmentFlag.AlignCenter),
                    theme.format_value(float(self._values[index]), 2),
                )
            if self._synthesised is not None:
                big = side * 1.6
                rect = QRectF(COLUMNS * (side + gap) + gap, 0, big, big)
                painter.drawImage(rect, theme.array_to_qimage(self._synthesised, (0.0, 1.0), theme.GREY_LUT))
                painter.setPen(QPen(palette.frame, 1))
                painter.drawRect(rect)


class FilterSide(QWidget):
    """What one channel's filter looks for, under a layer explanation (objectName ``"filter_side"``): a
    heading and a caption beside the :class:`FilterGallery`; :meth:`set_channel` as the gallery's."""

    def __init__(self, heading_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_side")
        self.heading = QLabel(heading_text)
        self.heading.setWordWrap(True)
        self.heading.setFont(theme.font(1.0, bold=True))
        self.gallery = FilterGallery()
        self.gallery.setFixedSize(theme.px(520), theme.px(330))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.caption)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.gallery)
