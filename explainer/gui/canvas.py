"""The drawing canvas where a student writes a digit, and the 28x28 preview of what the network sees."""

from __future__ import annotations

from collections import deque

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from explainer.errors import BadInputError
from explainer.gui.i18n import FollowsLanguage, tr

CANVAS_SIZE = 280
"""Side of the canvas image in pixels: ten image pixels per MNIST pixel."""

UNDO_LIMIT = 50
"""Strokes kept for Undo; each snapshot is CANVAS_SIZE² bytes, so 50 cost about 4 MB."""

BRUSH_MIN, BRUSH_MAX, BRUSH_DEFAULT = 6, 60, 24

ERASER_MARGIN = 2
"""The eraser is this many canvas pixels wider than the brush, to cover the brush's anti-aliased rim."""


class _SquareView(FollowsLanguage, QWidget):
    """A fixed-size square widget shown ``side`` logical pixels wide; zooming changes the side only."""

    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._display_size = side
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_display_size(self, side: int) -> None:
        """Show the widget ``side`` logical pixels wide (zoom); the image resolution stays the same."""
        self._display_size = int(side)
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        """The zoomed side, square."""
        return QSize(self._display_size, self._display_size)


class DrawingCanvas(_SquareView):
    """A square canvas with an anti-aliased round brush: white ink on black, like MNIST.

    Left button draws, right button (or eraser mode) erases. Every stroke segment emits ``sigChanged``
    while the mouse moves, so the network can follow the pen live. The image has a fixed resolution
    (``CANVAS_SIZE`` square) and is shown scaled to the widget, so zooming the UI does not change the input.

    Signals:
        sigChanged(): the pixels changed (a stroke segment, Clear, Undo or ``set_image``).
        sigStrokeFinished(): the mouse button was released after a stroke.

    Shape:
        ``image()`` and ``set_image()`` use ``(H, W)`` arrays; the canvas itself is
        ``(CANVAS_SIZE, CANVAS_SIZE)``.
    """

    sigChanged = Signal()
    sigStrokeFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CANVAS_SIZE, parent)
        self.setObjectName("canvas")
        self._image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        # A view of the QImage's own buffer, which lives (and never moves) as long as the canvas.
        self._pixels = np.frombuffer(self._image.constBits(), np.uint8).reshape(CANVAS_SIZE, CANVAS_SIZE)
        self._undo: deque[bytes] = deque(maxlen=UNDO_LIMIT)
        self._brush = BRUSH_DEFAULT
        self._eraser = False
        self._painter: QPainter | None = None
        self._last: QPointF | None = None
        self._hover: QPointF | None = None
        self._hint_shown = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.retranslate_ui()

    # ----------------------------------------------------------------- public API
    def image(self) -> np.ndarray:
        """The canvas as floats in [0, 1], ink bright on dark (a fresh array).

        Shape:
            ``(CANVAS_SIZE, CANVAS_SIZE)`` float32.
        """
        return self._pixels * np.float32(1.0 / 255.0)

    def pixels(self) -> np.ndarray:
        """A read-only zero-copy view of the canvas bytes, valid for the canvas' lifetime.

        Shape:
            ``(CANVAS_SIZE, CANVAS_SIZE)`` uint8, 0 = black background, 255 = full ink.
        """
        return self._pixels

    def is_blank(self) -> bool:
        """True when nothing is drawn."""
        return not self._pixels.any()

    def set_image(self, array: np.ndarray) -> None:
        """Replace the drawing with ``array`` (undoable), scaled to fit and centred.

        Shape:
            ``array``: ``(H, W)`` float in [0, 1] or uint8 in [0, 255], ink bright on dark.
        """
        source = _to_qimage(np.asarray(array))
        self._end_stroke()
        self._push_undo()
        if source.width() != CANVAS_SIZE or source.height() != CANVAS_SIZE:
            source = source.scaled(
                CANVAS_SIZE,
                CANVAS_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self._image.fill(0)
        with QPainter(self._image) as painter:
            painter.drawImage(
                QPoint((CANVAS_SIZE - source.width()) // 2, (CANVAS_SIZE - source.height()) // 2), source
            )
        self._changed()

    def clear(self) -> None:
        """Erase everything (undoable); does nothing on an empty canvas."""
        self._end_stroke()
        if self.is_blank():
            return
        self._push_undo()
        self._image.fill(0)
        self._changed()

    def undo(self) -> bool:
        """Restore the canvas as it was before the last stroke, Clear or image load; False if none."""
        self._end_stroke()
        if not self._undo:
            return False
        np.frombuffer(self._image.bits(), np.uint8)[:] = np.frombuffer(self._undo.pop(), np.uint8)
        self._changed()
        return True

    def can_undo(self) -> bool:
        """True when Undo has something to restore."""
        return bool(self._undo)

    def brush_size(self) -> int:
        """Brush diameter in canvas pixels (ten per MNIST pixel)."""
        return self._brush

    def set_brush_size(self, size: int) -> None:
        """Set the brush diameter in canvas pixels, clamped to [BRUSH_MIN, BRUSH_MAX]."""
        self._brush = int(min(max(size, BRUSH_MIN), BRUSH_MAX))
        self.update()

    def eraser(self) -> bool:
        """True when the left button erases instead of drawing."""
        return self._eraser

    def set_eraser(self, on: bool) -> None:
        """Make the left button erase (True) or draw (False)."""
        self._eraser = bool(on)
        self.update()

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.setToolTip(
            tr("Draw with the left mouse button. The right button erases. Ctrl+Z undoes a stroke.")
        )

    # ----------------------------------------------------------------- Qt overrides
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a stroke: left draws (or erases in eraser mode), right erases."""
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return super().mousePressEvent(event)
        self._end_stroke()
        self._push_undo()
        erase = self._eraser or button == Qt.MouseButton.RightButton
        self._painter = QPainter(self._image)
        # An anti-aliased eraser only scales the ink at its rim by (1 - coverage), so erasing a stroke left
        # a grey halo that to_mnist then blew up to the whole 28x28 box. A hard eraser one pixel wider on
        # each side than the brush's anti-aliased rim sets everything it touches to exactly 0.
        self._painter.setRenderHint(QPainter.RenderHint.Antialiasing, not erase)
        self._painter.setPen(
            QPen(
                QColor(0, 0, 0) if erase else QColor(255, 255, 255),
                self._pen_width(erase),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        point = self._to_image(event.position())
        self._last = point
        # A click without a move still leaves a round dot.
        self._paint_segment(point, point)
        event.accept()
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the stroke to the pointer, or move the brush outline when no button is down."""
        position = event.position()
        old_hover = self._hover
        self._hover = position
        if self._painter is not None and self._last is not None:
            point = self._to_image(position)
            self._paint_segment(self._last, point)
            self._last = point
        else:
            self._update_hover(old_hover)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Finish the stroke."""
        if self._painter is None:
            return super().mouseReleaseEvent(event)
        self._end_stroke()
        self.sigStrokeFinished.emit()
        event.accept()
        return None

    def hideEvent(self, event: QHideEvent) -> None:
        """End a stroke cut short by hiding or closing the window, so no painter outlives the canvas."""
        self._end_stroke()
        super().hideEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """Hide the brush outline when the pointer leaves."""
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the image scaled to the widget, a hint while empty, and the brush outline."""
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self._image)
            self._hint_shown = self.is_blank()
            if self._hint_shown:
                painter.setPen(QColor(150, 150, 150))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Draw here"))
            if self._hover is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(QColor(255, 120, 60) if self._eraser else QColor(90, 160, 255), 1.5))
                radius = self._pen_width() * self._scale() / 2
                painter.drawEllipse(self._hover, radius, radius)
            painter.setPen(QColor(110, 110, 110))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    # ----------------------------------------------------------------- helpers
    def _scale(self) -> float:
        """Widget pixels per image pixel."""
        return self.width() / CANVAS_SIZE if self.width() else 1.0

    def _to_image(self, position: QPointF) -> QPointF:
        """Map a widget position to image coordinates, at the centre of the pixel under the pointer."""
        scale = self._scale()
        return QPointF((position.x() + 0.5) / scale, (position.y() + 0.5) / scale)

    def _paint_segment(self, a: QPointF, b: QPointF) -> None:
        """Draw one stroke segment and repaint only the part of the widget it touched."""
        assert self._painter is not None
        self._painter.drawLine(a, b)
        if self._hint_shown:
            # The first ink removes the "draw here" hint, wherever it is.
            self._changed()
            return
        scale = self._scale()
        margin = self._brush / 2 + 2
        dirty = QRectF(a, b).normalized().adjusted(-margin, -margin, margin, margin)
        self.update(
            QRectF(dirty.x() * scale, dirty.y() * scale, dirty.width() * scale, dirty.height() * scale)
            .toAlignedRect()
            .united(self._outline_rect(self._hover))
        )
        self.sigChanged.emit()

    def _pen_width(self, erase: bool | None = None) -> int:
        """The stroke width in canvas pixels: the brush, or the slightly wider eraser."""
        erase = self._eraser if erase is None else erase
        return self._brush + ERASER_MARGIN if erase else self._brush

    def _outline_rect(self, position: QPointF | None) -> QRect:
        """The widget area covered by the brush outline at ``position`` (empty for None)."""
        if position is None:
            return QRect()
        radius = self._pen_width() * self._scale() / 2 + 3
        return QRectF(position.x() - radius, position.y() - radius, 2 * radius, 2 * radius).toAlignedRect()

    def _update_hover(self, old: QPointF | None) -> None:
        """Repaint where the brush outline was and where it is now."""
        self.update(self._outline_rect(old).united(self._outline_rect(self._hover)))

    def _end_stroke(self) -> None:
        """Close the stroke's painter (also when a release was lost, e.g. to a focus change)."""
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        self._last = None

    def _push_undo(self) -> None:
        """Remember the current pixels for Undo."""
        self._undo.append(self._pixels.tobytes())

    def _changed(self) -> None:
        """Repaint everything and announce the change."""
        self.update()
        self.sigChanged.emit()


class InputPreview(_SquareView):
    """The 28x28 input as the network sees it: big square pixels, no smoothing.

    Shape:
        ``set_input(x)`` takes ``(28, 28)`` float in [0, 1], or None for an empty input.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(112, parent)
        self.setObjectName("input_preview")
        self._array = np.zeros((28, 28), np.uint8)
        self._image = QImage()
        self.setMouseTracking(True)
        self.set_input(None)
        self.retranslate_ui()

    def set_input(self, x: np.ndarray | None) -> None:
        """Show ``x`` (None shows an empty input)."""
        if x is None:
            self._array = np.zeros((28, 28), np.uint8)
        else:
            scaled = np.clip(np.asarray(x, np.float32) * 255 + 0.5, 0, 255)
            self._array = np.ascontiguousarray(scaled, np.uint8)
        height, width = self._array.shape
        self._image = QImage(self._array.data, width, height, width, QImage.Format.Format_Grayscale8)
        self.update()

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.setToolTip(
            tr(
                "What the network sees: your drawing or image made into the 28x28 input the network reads, "
                "the way its training images were made."
            )
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show the hovered pixel's row, column and value in the tooltip."""
        height, width = self._array.shape
        col = int(event.position().x() * width / max(self.width(), 1))
        row = int(event.position().y() * height / max(self.height(), 1))
        if 0 <= row < height and 0 <= col < width:
            self.setToolTip(
                tr("pixel ({row}, {col}) = {value:.2f}").format(
                    row=row, col=col, value=self._array[row, col] / 255
                )
            )
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the pixels enlarged without smoothing, with a thin frame."""
        with QPainter(self) as painter:
            painter.drawImage(QRectF(self.rect()), self._image)
            painter.setPen(QColor(110, 110, 110))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


def _to_qimage(array: np.ndarray) -> QImage:
    """Convert a 2-D image array to a grayscale QImage that owns its bytes.

    Shape:
        ``array``: ``(H, W)`` float in [0, 1] or uint8.
    """
    if array.ndim != 2 or array.size == 0:
        raise BadInputError(f"expected a non-empty 2-D image, got an array of shape {array.shape}")
    if array.dtype != np.uint8:
        array = np.clip(np.nan_to_num(array.astype(np.float32)) * 255 + 0.5, 0, 255).astype(np.uint8)
    array = np.ascontiguousarray(array)
    height, width = array.shape
    return QImage(array.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
