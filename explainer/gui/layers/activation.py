"""The activation family: element-wise layers (ReLU, leaky ReLU, sigmoid, tanh), and dropout at inference.

Forward (``ReLUView``): the map before the layer sits on the left with its negative regions outlined, the
map after it on the right, and between them the function itself drawn from the real pixels: every (x, y)
pair of the map is a dot, so ReLU's hinge appears on its own. The animation walks the pixels in reading
order and prints ``max(0, x) = y`` for the current one; hovering a pixel jumps there.

Backward (``ActivationBackwardView``): ``dL/dZ = dL/dA ⊙ g′(Z)``, value by value; for ReLU g′ is the 0/1
mask. Dropout's backward pass only passes the gradient on (``base.ReshapeBackwardView``).

Run alone: ``python -m explainer.gui.layers.activation`` (``--backward`` for the backward view).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QMouseEvent, QPainter, QPen, QPolygonF, QRegion
from PySide6.QtWidgets import QWidget

from explainer.core import Trace
from explainer.core.layers import sigmoid_derivative, tanh_derivative
from explainer.core.trace import LayerRecord
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import Grid, blend, fit_cell, hatch_brush, paint_highlight, paint_values
from explainer.gui.kit.colorbar import paint_colorbar
from explainer.gui.kit.mapboard import Panel, fmt, wrap
from explainer.gui.kit.widgets import set_items
from explainer.gui.layers.base import (
    ChannelBackwardDetail,
    FamilyTexts,
    LayerFamily,
    MapCanvas,
    MapView,
    ReshapeBackwardView,
    run_family,
)

ACTIVATION_KINDS = ("relu", "leaky_relu", "sigmoid", "tanh")
"""The activation functions: each output value depends on the same input value only."""

DROPOUT_KINDS = ("dropout",)
"""Dropout, which at inference lets every value through: the same view explains it."""

ELEMENTWISE_KINDS = ACTIVATION_KINDS + DROPOUT_KINDS
"""Layer kinds ``ReLUView`` explains."""

# ---- texts --------------------------------------------------------------------------------------------


def activation_title(name: str, kind: str, channel: int, channels: int) -> str:
    """The heading of the activation view."""
    return tr("{name} ({kind}): map {channel} of {channels}").format(
        name=name, kind=kind, channel=channel, channels=channels
    )


def forward_paragraphs(kind: str) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining an element-wise layer of ``kind``."""
    why = (
        tr("Why a non-linear step"),
        tr(
            "A convolution only multiplies and adds. Two of them in a row are still just one bigger "
            "multiply-and-add, so without a bend in between, a deep network would be no better than a single "
            "layer. The activation bends the numbers, one pixel at a time, with no weights to learn."
        ),
    )
    if kind == "relu":
        return [
            (
                tr("ReLU: y = max(0, x)"),
                tr(
                    "ReLU keeps every positive value as it is and replaces every negative value by 0. A "
                    "positive value says how strongly the kernel's pattern was found; a negative one says "
                    "'not here', and ReLU turns that into plain silence."
                ),
            ),
            why,
        ]
    if kind == "leaky_relu":
        return [
            (
                tr("Leaky ReLU: y = x if x > 0, else α·x"),
                tr(
                    "Leaky ReLU keeps positive values and shrinks negative ones by a small factor α instead "
                    "of setting them to 0, so a neuron is never completely silent and can still learn."
                ),
            ),
            why,
        ]
    if kind == "sigmoid":
        return [
            (
                tr("Sigmoid: y = 1 / (1 + e^−x)"),
                tr(
                    "Sigmoid squeezes every value into the range 0 to 1: large negatives end near 0, large "
                    "positives near 1."
                ),
            ),
            why,
        ]
    if kind == "tanh":
        return [
            (
                tr("Tanh: y = (e^x − e^−x) / (e^x + e^−x)"),
                tr("Tanh squeezes every value into the range −1 to 1, keeping its sign."),
            ),
            why,
        ]
    return [
        (
            tr("Dropout: y = x when the network is used"),
            tr(
                "During training, dropout silences random values so the network cannot rely on any single "
                "one. When the network is used, as here, it lets every value through unchanged."
            ),
        )
    ]


def activation_name(kind: str) -> str:
    """The function of an element-wise layer, written as a formula."""
    return {
        "relu": "y = max(0, x)",
        "leaky_relu": tr("y = x, or α·x when x ≤ 0"),
        "sigmoid": "y = 1 / (1 + e^−x)",
        "tanh": "y = tanh(x)",
        "batchnorm2d": "y = a·x + b",
    }.get(kind, "y = x")


def activation_formula(kind: str, x: str, y: str, positive: bool) -> str:
    """One pixel's computation with its numbers, e.g. ``max(0, −0.53) = 0.00``."""
    if kind == "relu":
        return f"max(0, {x}) = {y}"
    if kind == "leaky_relu":
        if positive:
            return tr("{x} > 0, so y = x = {y}").format(x=x, y=y)
        return tr("{x} ≤ 0, so y = α × {x} = {y}").format(x=x, y=y)
    if kind == "sigmoid":
        return f"1 / (1 + e^−({x})) = {y}"
    if kind == "tanh":
        return f"tanh({x}) = {y}"
    return f"y = x = {y}"


def relu_zeroed(zeroed: int, total: int) -> str:
    """How many values ReLU set to zero."""
    return tr("{n} of {total} values were ≤ 0 and became 0 ({pct:.1f} %).").format(
        n=zeroed, total=total, pct=100.0 * zeroed / max(total, 1)
    )


def activation_moved(kind: str, clicked: int, shown: int) -> str:
    """Why the activation view opened on another map than the one clicked: the layer left that one alone."""
    if kind == "leaky_relu":
        text = tr(
            "Map {clicked} has no negative value, so leaky ReLU leaves it unchanged: shown is map {shown}, "
            "where it scales the most values."
        )
    else:
        text = tr(
            "Map {clicked} has no value ≤ 0, so ReLU leaves it unchanged: shown is map {shown}, where "
            "it zeroes the most values."
        )
    return text.format(clicked=clicked, shown=shown)


def leaky_scaled(scaled: int, total: int) -> str:
    """How many values leaky ReLU scaled down."""
    return tr("{n} of {total} values were negative and were scaled by α ({pct:.1f} %).").format(
        n=scaled, total=total, pct=100.0 * scaled / max(total, 1)
    )


def pixel_caption(row: int, col: int, step: int, total: int) -> str:
    """Which pixel the activation animation is at."""
    return tr("pixel ({row}, {col})  ·  step {step} of {total}").format(
        row=row, col=col, step=step, total=total
    )


def backward_paragraphs(kind: str) -> list[tuple[str, str]]:
    """The plain-words explanation of an element-wise layer's backward pass."""
    if kind == "relu":
        return [
            (
                tr("The ReLU mask"),
                tr(
                    "ReLU passed positive inputs unchanged (slope 1) and zeroed the rest (slope 0). "
                    "Backward, the gradient flows through where the input was positive and stops elsewhere: "
                    "dL/dZ = dL/dA ⊙ 1[Z > 0]."
                ),
            ),
        ]
    return [
        (
            tr("Multiply by the local slope"),
            tr(
                "An element-wise activation scales each gradient by its own derivative at the input it saw: "
                "dL/dZ = dL/dA ⊙ g′(Z)."
            ),
        )
    ]


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What an element-wise layer does, in words, for the architecture editor's table."""
    if kind == "dropout":
        return tr("drops {p:.0%} of the values while training").format(p=config["p"])
    return {
        "relu": tr("max(0, x)"),
        "leaky_relu": tr("x, or 0.01·x below 0"),
        "tanh": tr("tanh(x), between −1 and 1"),
        "sigmoid": tr("1 / (1 + e^−x), between 0 and 1"),
    }.get(kind, kind)


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for an element-wise layer's forward (or backward) pass."""
    if kind != "relu":
        return tr("dL/dx = dL/dy ⊙ g′(x).") if backward else tr("y = g(x), value by value.")
    if backward:
        return tr("dL/dZ = dL/dA ⊙ 1[Z > 0]: the gradient passes only where the unit was on.")
    return tr("A = max(0, Z): negative values become 0.")


def title(kind: str) -> str:
    """An activation function's name, for the architecture editor's activation box."""
    names = {"relu": tr("ReLU"), "leaky_relu": tr("Leaky ReLU"), "tanh": tr("tanh"), "sigmoid": tr("sigmoid")}
    return names.get(kind, kind)


# ---- forward ------------------------------------------------------------------------------------------


def as_grid(values: np.ndarray) -> np.ndarray:
    """A map as a 2-D grid: images stay as they are, a vector is wrapped into a near-square grid.

    Cells past the end of a vector are NaN (drawn empty).

    Shape:
        values: ``(H, W)`` or ``(F,)``; returns ``(H, W)`` or ``(ceil(F / w), w)`` with ``w = ceil(sqrt(F))``.
    """
    values = np.asarray(values, np.float32)
    if values.ndim == 2:
        return values
    width = math.ceil(math.sqrt(values.size))
    grid = np.full(math.ceil(values.size / width) * width, np.nan, np.float32)
    grid[: values.size] = values
    return grid.reshape(-1, width)


def opening_channel(kind: str, maps: np.ndarray, clicked: int) -> int:
    """The map an explanation opens on: the clicked one, unless the layer changes nothing in it.

    A ReLU map with no value ≤ 0 (leaky ReLU: no negative value) would make the layer look as if it did
    nothing; the view then opens on the map where it changes the most values. Other kinds keep ``clicked``.

    Shape:
        maps: the layer's input for one sample, ``(C, H, W)``.
    """
    if kind not in ("relu", "leaky_relu"):
        return clicked
    changed = (maps <= 0) if kind == "relu" else (maps < 0)
    counts = changed.reshape(len(maps), -1).sum(axis=1)
    return clicked if counts[clicked] > 0 or counts.max() == 0 else int(np.argmax(counts))


class ActivationData:
    """One map before and after an element-wise layer.

    Shape:
        x, y: ``(H, W)`` float32, NaN where a wrapped vector has no value; ``count`` real values.
    """

    def __init__(self, kind: str, x: np.ndarray, y: np.ndarray) -> None:
        self.kind = kind
        self.count = int(np.asarray(x).size)
        self.x = as_grid(x)
        self.y = as_grid(y)
        valid = ~np.isnan(self.x)
        self.negative = (self.x < 0) & valid
        self.zeroed = int(((self.x <= 0) & valid).sum())
        self.scaled = int(self.negative.sum())
        shared = kind in ("relu", "leaky_relu", "dropout")
        finite = np.nan_to_num(self.x)
        self.x_levels = theme.symmetric_levels(finite)
        self.y_levels = self.x_levels if shared else theme.symmetric_levels(np.nan_to_num(self.y))

    @property
    def width(self) -> int:
        """Columns of the grid."""
        return self.x.shape[1]

    def position(self, step: int) -> tuple[int, int]:
        """(row, col) of the pixel at ``step`` (reading order)."""
        return divmod(step, self.width)

    def formula(self, step: int) -> str:
        """The current pixel's computation with its numbers, e.g. ``max(0, −0.53) = 0.00``."""
        x, y = (float(a[self.position(step)]) for a in (self.x, self.y))
        return activation_formula(self.kind, theme.format_value(x, 3), theme.format_value(y, 3), x > 0)


class ActivationCanvas(MapCanvas):
    """Before map, the function drawn from the pixels, after map; the current pixel highlighted in all three.

    Signals:
        sigHoverStep(int): the mouse is over the pixel of this step (reading order).
    """

    _data: ActivationData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("activation_canvas", parent)
        self.before = Grid(0, 0, 1, 1, 1)
        self.after = Grid(0, 0, 1, 1, 1)
        self._plot = QRectF()
        self._plot_caption_h = 0.0

    def dynamic_region(self) -> QRegion:
        """Both highlighted pixels, the plot, the wires between them and the formula line."""
        data = self._data
        assert data is not None
        row, col = data.position(self._step)
        pad = theme.px(4)
        source, target = self.before.cells(row, col), self.after.cells(row, col)
        area = source.united(target).united(self._plot).adjusted(-pad, -pad, pad, pad)
        return QRegion(area.toAlignedRect()).united(self._formula.toAlignedRect())

    def lay_out(self, data: ActivationData) -> None:
        gap = theme.px(28)
        formula_h = QFontMetricsF(theme.font(1.6, bold=True)).height() + theme.px(16)
        margin, header, width, height = self._frame(formula_h)
        rows, cols = data.x.shape
        plot_w = min(max(width * 0.26, theme.px(160)), theme.px(320))
        cell = fit_cell((width - plot_w - 2 * gap) / 2, height, rows, cols)
        top = self._place(margin, header, height, cell * rows, width, formula_h)
        self.before = Grid(margin, top, cell, rows, cols)
        plot_left = margin + cell * cols + gap
        # The plot and its name under it stay within the maps' height, above the formula.
        self._plot_caption_h = QFontMetricsF(theme.font(1.0, bold=True)).height() + theme.px(4)
        plot_w = max(min(plot_w, cell * rows - self._plot_caption_h), theme.px(40))
        plot_top = top + (cell * rows - plot_w - self._plot_caption_h) / 2
        self._plot = QRectF(plot_left, plot_top, plot_w, plot_w)
        self.after = Grid(plot_left + plot_w + gap, top, cell, rows, cols)

    def paint_static(self, painter: QPainter, data: ActivationData) -> None:
        """Both maps with the negative regions outlined, the legend, and the dots of the function plot."""
        palette = theme.current()
        small, metrics = self._legend_font(painter)
        for grid, values, levels, title in (
            (self.before, data.x, data.x_levels, tr("before: x")),
            (self.after, data.y, data.y_levels, tr("after: y")),
        ):
            cells = [tuple(i) for i in np.argwhere(~np.isnan(values))]
            paint_values(painter, grid, np.nan_to_num(values), levels, cells=cells)
            painter.setFont(small)
            painter.setPen(palette.text)
            top = self._legend_top
            painter.drawText(QPointF(grid.left, top + metrics.ascent()), title)
            bar = QRectF(
                grid.left + metrics.horizontalAdvance(title) + theme.px(10),
                top + theme.px(3),
                theme.px(110),
                theme.px(theme.COLORBAR_HEIGHT_PX),
            )
            paint_colorbar(painter, bar, theme.DIVERGING_LUT, levels)
        paint_mask(painter, self.before, data.negative, hatch_brush(palette.accent))
        paint_outline(painter, self.before, data.negative, QPen(palette.accent, 1.5))
        self._paint_plot(painter, data)

    def _paint_plot(self, painter: QPainter, data: ActivationData) -> None:
        """Axes and one dot per pixel at (x, y): the activation function as the data shows it."""
        palette = theme.current()
        rect = self._plot
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(palette.frame, 1))
        painter.setBrush(palette.surface)
        painter.drawRect(rect)
        origin = self._to_plot(0.0, 0.0)
        painter.setPen(QPen(palette.muted, 1))
        painter.drawLine(QPointF(rect.left(), origin.y()), QPointF(rect.right(), origin.y()))
        painter.drawLine(QPointF(origin.x(), rect.top()), QPointF(origin.x(), rect.bottom()))
        painter.setFont(theme.font(0.9))
        painter.drawText(QPointF(rect.right() - theme.px(12), origin.y() - theme.px(4)), "x")
        painter.drawText(QPointF(origin.x() + theme.px(4), rect.top() + theme.px(14)), "y")
        # All pixels as square dots in one call (opaque: blended shapes are slow to rasterise).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(blend(palette.text, palette.surface, 0.5), theme.px(4))
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        painter.setPen(pen)
        valid = ~np.isnan(data.x)
        dots = [
            self._to_plot(x, y) for x, y in zip(data.x[valid].tolist(), data.y[valid].tolist(), strict=True)
        ]
        painter.drawPoints(QPolygonF(dots))
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.0, bold=True))
        painter.drawText(
            QRectF(rect.left(), rect.bottom() + theme.px(4), rect.width(), self._plot_caption_h),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            activation_name(data.kind),
        )

    def _to_plot(self, x: float, y: float) -> QPointF:
        """Widget position of the point (x, y) in the function plot."""
        data = self._data
        assert data is not None
        rect = self._plot.adjusted(theme.px(8), theme.px(8), -theme.px(8), -theme.px(8))
        x_lo, x_hi = data.x_levels
        y_lo, y_hi = data.y_levels
        return QPointF(
            rect.left() + (x - x_lo) / (x_hi - x_lo) * rect.width(),
            rect.bottom() - (y - y_lo) / (y_hi - y_lo) * rect.height(),
        )

    def paint_dynamic(self, painter: QPainter, data: ActivationData) -> None:
        """The current pixel in both maps, its point on the plot and its formula."""
        palette = theme.current()
        row, col = data.position(self._step)
        source, target = self.before.cells(row, col), self.after.cells(row, col)
        x, y = float(data.x[row, col]), float(data.y[row, col])
        point = self._to_plot(x, y)
        wire = blend(palette.accent, palette.background, 0.65)
        painter.setPen(QPen(wire, 1, Qt.PenStyle.DashLine))
        origin = self._to_plot(0.0, 0.0)
        painter.drawLine(QPointF(point.x(), origin.y()), point)
        painter.drawLine(QPointF(origin.x(), point.y()), point)
        painter.setPen(QPen(wire, 1))
        painter.drawLine(QPointF(source.right(), source.center().y()), point)
        painter.drawLine(point, QPointF(target.left(), target.center().y()))
        painter.setPen(QPen(palette.accent, 2))
        painter.setBrush(palette.accent)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.drawEllipse(point, theme.px(6), theme.px(6))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_highlight(painter, source, palette.accent, 3.0)
        paint_highlight(painter, target, palette.accent, 3.0)
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.6, bold=True))
        painter.drawText(self._formula, Qt.AlignmentFlag.AlignCenter, data.formula(self._step))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hovering a pixel of either map jumps the animation there."""
        data = self._data
        if data is None or not self.ensure_layout():
            return
        hit = self.before.cell_at(event.position()) or self.after.cell_at(event.position())
        if hit is not None:
            step = hit[0] * data.width + hit[1]
            if step < data.count:
                self.sigHoverStep.emit(step)


def paint_mask(painter: QPainter, grid: Grid, mask: np.ndarray, brush: QBrush) -> None:
    """Fill the cells where ``mask`` is True with ``brush``, one rectangle per run of cells in a row.

    Shape:
        mask: ``(grid.rows, grid.cols)`` bool.
    """
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    padded = np.pad(mask, ((0, 0), (1, 1))).astype(np.int8)
    edges = np.diff(padded, axis=1)
    for row in range(mask.shape[0]):
        starts, ends = np.flatnonzero(edges[row] == 1), np.flatnonzero(edges[row] == -1)
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            painter.drawRect(grid.cells(row, start, 1, end - start))


def paint_outline(painter: QPainter, grid: Grid, mask: np.ndarray, pen: QPen) -> None:
    """Outline the regions where ``mask`` is True: a line on every edge between a True and a False cell.

    Shape:
        mask: ``(grid.rows, grid.cols)`` bool.
    """
    padded = np.pad(mask, 1)
    painter.setPen(pen)
    # Vertical edges: a True cell next to a False one along a row.
    for row, col in np.argwhere(padded[1:-1, 1:] != padded[1:-1, :-1]).tolist():
        x = grid.left + col * grid.cell
        painter.drawLine(QPointF(x, grid.top + row * grid.cell), QPointF(x, grid.top + (row + 1) * grid.cell))
    for row, col in np.argwhere(padded[1:, 1:-1] != padded[:-1, 1:-1]).tolist():
        y = grid.top + row * grid.cell
        painter.drawLine(
            QPointF(grid.left + col * grid.cell, y), QPointF(grid.left + (col + 1) * grid.cell, y)
        )


class ReLUView(MapView):
    """The explanation of an element-wise layer: ReLU, leaky ReLU, sigmoid, tanh or dropout at inference.

    objectName ``"relu_view"``. ``channel`` picks the feature map of a conv-shaped layer.

    Shape:
        set_arrays: x and y ``(H, W)`` or ``(F,)``, the same shape.
    """

    canvas: ActivationCanvas
    _data: ActivationData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("relu_view", ActivationCanvas(), parent)
        self._opened = False  # the first trace picks the map to open on

    def _explain(self, record: LayerRecord, layer_index: int, channel: int) -> None:
        """Show map ``channel`` of an element-wise layer; the first trace opens on :func:`opening_channel`,
        later ones keep the map asked for."""
        if record.kind not in ELEMENTWISE_KINDS:
            raise ValueError(
                f"layer {layer_index} ({record.name}) is a {record.kind}, not an element-wise layer"
            )
        moved = ""
        if record.input.ndim == 4:
            channels = record.input.shape[1]
            channel = min(max(channel, 0), channels - 1)
            if not self._opened:
                shown = opening_channel(record.kind, record.input[0], channel)
                if shown != channel:
                    moved, channel = activation_moved(record.kind, channel, shown), shown
            x, y = record.input[0, channel], record.output[0, channel]
        else:
            channels, channel = 1, 0
            x, y = record.input[0], record.output[0]
        self._opened = True
        self._show_channels(channel, channels)
        self._set_data(ActivationData(record.kind, x, y), record.name, channel, channels)
        if moved:
            self.stats.setText(f"{self.stats.text()}\n{moved}")

    def set_arrays(self, kind: str, x: np.ndarray, y: np.ndarray, *, name: str = "activation") -> None:
        """Explain plain arrays: ``y`` is layer ``kind`` applied to ``x``.

        Shape:
            x, y: ``(H, W)`` or ``(F,)``.
        """
        self._trace = None
        self._show_channels(0, 1)
        self._set_data(ActivationData(kind, x, y), name, 0, 1)

    def _write_texts(self, data: ActivationData, name: str, channel: int, channels: int) -> None:
        self.title.setText(activation_title(name, data.kind, channel, channels))
        self.set_paragraphs(forward_paragraphs(data.kind))
        if data.kind == "relu":
            self.stats.setText(relu_zeroed(data.zeroed, data.count))
        elif data.kind == "leaky_relu":
            self.stats.setText(leaky_scaled(data.scaled, data.count))
        else:
            self.stats.setText("")

    def _caption(self, step: int) -> str:
        assert self._data is not None
        row, col = self._data.position(step)
        return pixel_caption(row, col, step + 1, self._data.count)

    def position(self) -> tuple[int, int]:
        """(row, col) of the current pixel."""
        return self._data.position(self.player.step()) if self._data is not None else (0, 0)


# ---- backward -----------------------------------------------------------------------------------------


def activation_derivative(record: LayerRecord) -> np.ndarray:
    """g'(x) of an element-wise layer at its recorded input (for ReLU the 0/1 mask).

    Shape:
        returns the shape of ``record.input``.
    """
    x = record.input.astype(np.float64)
    y = record.output.astype(np.float64)
    if record.kind == "relu":
        return (x > 0).astype(np.float64)
    if record.kind == "leaky_relu":
        negative = x < 0
        alpha = float(np.mean(y[negative] / x[negative])) if negative.any() else 0.0
        return np.where(x > 0, 1.0, alpha)
    if record.kind == "sigmoid":
        return sigmoid_derivative(x)
    if record.kind == "tanh":
        return tanh_derivative(x)
    return np.ones_like(x)  # dropout in eval mode, and any identity-like layer


@dataclass(frozen=True)
class PixelStep:
    """One element of an element-wise backward: ``dx = dy · g'(x)`` at (row, col)."""

    row: int
    col: int
    x: float
    derivative: float
    dy: float
    value: float


class ActivationBackwardView(ChannelBackwardDetail):
    """ReLU (and other element-wise layers) backward: ``dL/dZ = dL/dA ⊙ g'(Z)``; for ReLU g' is the 0/1 mask.

    Shape:
        one channel ``(H, W)``, or a vector drawn as rows.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_activation", tr("Channel"), trace, layer_index, channel, parent)

    def _adopt(self) -> None:
        self.spatial = self.record.input.ndim == 4
        channels = self.record.input.shape[1] if self.spatial else 1
        set_items(self.channel_box, [f"c = {c}" for c in range(channels)])  # one for a vector

    def _explanation(self) -> list[tuple[str, str]]:
        return backward_paragraphs(self.record.kind)

    def derivative(self) -> np.ndarray:
        """The local slope dy/dx of every input value, shaped like the record's input."""
        return activation_derivative(self.record)

    def slope_title(self) -> str:
        """The heading of the slope panel."""
        return tr("mask 1[Z > 0]") if self.record.kind == "relu" else tr("g′(Z)")

    def slope_caption(self) -> str:
        """The caption under the slope panel."""
        return tr("the local slope of the activation")

    def result_caption(self) -> str:
        """The caption under the built dL/dZ."""
        return tr("zero wherever the unit was off")

    def _slice(self, array: np.ndarray) -> np.ndarray:
        """The chosen channel as a 2-D map (vectors become one row per 32 values)."""
        if self.spatial:
            return np.asarray(array[0, self.channel_box.currentIndex()], np.float64)
        return wrap(np.asarray(array[0], np.float64))

    def _build(self) -> None:
        x = self._slice(self.record.input)
        derivative = self._slice(self.derivative())
        dy = self._slice(self.record.grad_output)
        self.steps = [
            PixelStep(int(r), int(c), x[r, c], derivative[r, c], dy[r, c], dy[r, c] * derivative[r, c])
            for r, c in zip(*np.nonzero(np.isfinite(x)), strict=True)
        ]

    def final(self) -> np.ndarray:
        """dL/d(input) of the channel as built by the steps (NaN gaps for wrapped vectors)."""
        out = np.full(self._slice(self.record.input).shape, np.nan)
        for step in self.steps:
            out[step.row, step.col] = step.value
        return out

    def _show_step(self, index: int, step: Any) -> None:
        final = self.final()
        built = np.full(final.shape, np.nan)
        for done in self.steps[: index + 1]:
            built[done.row, done.col] = done.value
        cell = (step.row, step.col, 1, 1)
        relu = self.record.kind == "relu"
        self.player.set_caption(tr("value {i} of {n}").format(i=index + 1, n=len(self.steps)))
        self.board.set_panels(
            [
                Panel(
                    tr("Z (input)"),
                    self._slice(self.record.input),
                    highlight=cell,
                    caption=tr("what the layer received in the forward pass"),
                ),
                Panel(
                    self.slope_title(),
                    self._slice(self.derivative()),
                    levels=(-1.0, 1.0) if relu else None,
                    highlight=cell,
                    caption=self.slope_caption(),
                ),
                Panel(
                    tr("dL/dA (from above)"),
                    self._slice(self.record.grad_output),
                    highlight=cell,
                    caption=tr("gradient arriving at the output"),
                ),
                Panel(
                    tr("dL/dZ = dL/dA ⊙ g′(Z)"),
                    built,
                    levels=theme.symmetric_levels(final[np.isfinite(final)]),
                    highlight=cell,
                    caption=self.result_caption(),
                ),
            ]
        )
        self.formula.setText(
            tr("dL/dZ[{r},{c}] = dL/dA · g′(Z) = {dy} × {d} = <b>{v}</b>   (Z = {x})").format(
                r=step.row,
                c=step.col,
                dy=fmt(step.dy),
                d=fmt(step.derivative),
                v=fmt(step.value),
                x=fmt(step.x),
            )
        )


# ---- the families -------------------------------------------------------------------------------------

TEXTS = FamilyTexts(describe, rule, title)

ACTIVATION = LayerFamily(
    "activation", ACTIVATION_KINDS, ReLUView, ActivationBackwardView, TEXTS, reads_own_channel=True
)
DROPOUT = LayerFamily("dropout", DROPOUT_KINDS, ReLUView, ReshapeBackwardView, TEXTS, reads_own_channel=True)


if __name__ == "__main__":
    run_family(ACTIVATION)
