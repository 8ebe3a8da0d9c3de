"""Colour bars painted with QPainter, shared by the overview and the map detail view.

A colour bar is a handful of painter calls, so it is drawn inside the view that owns the heatmap rather
than as a separate widget; that keeps it in the same paint pass (no extra widget repaint per frame).
It comes in two halves so that a live view can cache the gradient, which never changes, and paint only
the range labels, which change with every trace.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPen

from explainer.gui import theme

_gradients: dict[tuple[bytes, bool], QImage] = {}
_font_sizes: dict[str, tuple[float, float]] = {}


def gradient_image(lut: np.ndarray, vertical: bool = False) -> QImage:
    """The LUT as a 256x1 (or 1x256, low at the bottom when vertical) image, cached per LUT.

    Shape:
        lut: ``(256, 4)`` uint8 RGBA.
    """
    key = (lut.tobytes(), vertical)
    if key not in _gradients:
        words = theme.lut_argb32(lut)
        pixels = np.ascontiguousarray(words[::-1, None] if vertical else words[None, :])
        height, width = pixels.shape
        _gradients[key] = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32).copy()
    return _gradients[key]


def paint_gradient(painter: QPainter, rect: QRectF, lut: np.ndarray, vertical: bool = False) -> None:
    """The colour ramp of ``lut`` in ``rect`` with a thin frame (the unchanging half of a colour bar).

    Shape:
        lut: ``(256, 4)`` uint8 RGBA.
    """
    painter.drawImage(rect, gradient_image(lut, vertical))
    painter.setPen(QPen(theme.current().frame, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def range_texts(levels: tuple[float, float], decimals: int | None = None) -> tuple[str, str]:
    """The low and high labels of a colour bar (see :func:`paint_range_labels` for ``decimals``)."""
    lo, hi = levels
    largest = max(abs(lo), abs(hi))
    if decimals is None and 0.0 < largest < 0.01:
        # Fixed decimals would print ±0.00 for the tiny gradients of a confident prediction.
        return theme.format_significant(lo, 2), theme.format_significant(hi, 2)
    if decimals is None:
        decimals = 2 if largest < 10 else 1 if largest < 100 else 0
    return theme.format_value(lo, decimals), theme.format_value(hi, decimals)


def paint_range_labels(
    painter: QPainter,
    rect: QRectF,
    levels: tuple[float, float],
    *,
    vertical: bool = False,
    decimals: int | None = None,
    texts: tuple[str, str] | None = None,
) -> None:
    """The range of a colour bar in ``rect``: low, zero (symmetric levels) and high, in the painter's font.

    Horizontal bars get the labels below; when they do not fit they collapse to one centred label
    (``±m`` for symmetric levels, ``lo … hi`` otherwise). Vertical bars get them to the right, high on top.
    ``decimals`` None keeps about three significant digits (2.19, 17.7, 123; 2.5e−08 for tiny gradients);
    ``texts`` gives the low and high labels ready-made instead.

    Shape:
        levels: ``(lo, hi)``.
    """
    lo, hi = levels
    symmetric = abs(lo + hi) <= 1e-9 * max(abs(lo), abs(hi), 1.0)
    low_text, high_text = texts if texts is not None else range_texts(levels, decimals)
    painter.setPen(theme.current().muted)
    font = painter.font()
    key = font.key()
    if key not in _font_sizes:
        metrics = QFontMetricsF(font)
        _font_sizes[key] = metrics.horizontalAdvance("0"), metrics.height()
    digit, line = _font_sizes[key]
    if vertical:
        x, width, middle = (
            rect.right() + digit / 2,
            digit * (max(len(low_text), len(high_text)) + 2),
            Qt.AlignmentFlag.AlignVCenter,
        )
        painter.drawText(QRectF(x, rect.top() - line / 2, width, line), middle, high_text)
        painter.drawText(QRectF(x, rect.bottom() - line / 2, width, line), middle, low_text)
        if symmetric:
            painter.drawText(QRectF(x, rect.center().y() - line / 2, width, line), middle, "0")
        return
    area = QRectF(rect.left(), rect.bottom() + 2, rect.width(), line)
    top = Qt.AlignmentFlag.AlignTop
    if not _collapsed(QFontMetricsF(font), rect, low_text, high_text, symmetric):
        painter.drawText(area, top | Qt.AlignmentFlag.AlignLeft, low_text)
        painter.drawText(area, top | Qt.AlignmentFlag.AlignRight, high_text)
        if symmetric:
            painter.drawText(area, top | Qt.AlignmentFlag.AlignHCenter, "0")
        return
    text = "\u00b1" + high_text if symmetric else f"{low_text} \u2026 {high_text}"
    # Centred under the bar and free to be wider than it: whoever places bars leaves room for this label.
    painter.drawText(area, top | Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextDontClip, text)


def _collapsed(metrics: QFontMetricsF, rect: QRectF, low_text: str, high_text: str, symmetric: bool) -> bool:
    """True when low, 0 and high do not fit side by side under ``rect`` (a digit's width between them)."""
    digit = metrics.horizontalAdvance("0")
    needed = metrics.horizontalAdvance(low_text) + metrics.horizontalAdvance(high_text)
    return needed + digit * (3 if symmetric else 1) > rect.width()


def range_label_span(
    font: QFont, rect: QRectF, levels: tuple[float, float], decimals: int | None = None
) -> tuple[float, float]:
    """Left and right x of what ``paint_range_labels`` writes under the horizontal bar ``rect``."""
    lo, hi = levels
    symmetric = abs(lo + hi) <= 1e-9 * max(abs(lo), abs(hi), 1.0)
    low_text, high_text = range_texts(levels, decimals)
    metrics = QFontMetricsF(font)
    if not _collapsed(metrics, rect, low_text, high_text, symmetric):
        return rect.left(), rect.right()
    width = metrics.horizontalAdvance("\u00b1" + high_text if symmetric else f"{low_text} \u2026 {high_text}")
    return rect.center().x() - width / 2, rect.center().x() + width / 2


def paint_colorbar(
    painter: QPainter,
    rect: QRectF,
    lut: np.ndarray,
    levels: tuple[float, float],
    *,
    vertical: bool = False,
    decimals: int | None = None,
) -> None:
    """A whole colour bar: ``lut`` in ``rect`` with its range labels (see ``paint_range_labels``).

    Shape:
        lut: ``(256, 4)`` uint8 RGBA; levels ``(lo, hi)``.
    """
    paint_gradient(painter, rect, lut, vertical)
    paint_range_labels(painter, rect, levels, vertical=vertical, decimals=decimals)
