"""1-D convolution (seed 002): a kernel sliding along a signal, with the products and sums in real numbers.

The signal is a noisy sine, a step, a row or a column of the current digit (it follows the canvas), or one
drawn with the mouse; the kernel a moving average, the second difference [1, −2, 1] (drawn against the
sine's exact second derivative) or typed weights. Narrow, wide and equal-width padding and the stride give
the output length (M − K + 2P) / S + 1, worked out on screen; a toggle switches between correlation (what
libraries compute) and true convolution, with the identity w ⊗ x = rot(w) ∗ x on the current numbers.
Every number comes from the engine's ``correlate1d``, ``convolve1d`` and ``conv1d_steps``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from explainer.core import Trace, conv1d_steps, convolve1d, correlate1d
from explainer.core.conv1d import Conv1DStep, output_length, resolve_padding_1d
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import (
    CachedCanvas,
    DetailView,
    Grid,
    hatch_brush,
    paint_highlight,
    paint_values,
)
from explainer.gui.kit.colorbar import paint_colorbar
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.kit.widgets import captioned_row, label, spin_box
from explainer.gui.pages import conv1d_texts as texts
from explainer.gui.pages.base import run_page
from explainer.gui.state import signals_blocked

SINE_PERIOD = 16
"""Samples per period of the sine: slow enough for a moving average to keep it, fast enough to curve."""

MAX_KERNEL_TAPS = 15
"""The longest kernel a student may type."""

BAR_PX = 90
"""Length of a colour bar beside the zoomed rows (before zoom)."""

DRAW_RANGE = 1.2
"""A drawn signal lives in [−DRAW_RANGE, DRAW_RANGE]; the plot keeps that range while the mouse draws."""


def make_signal(kind: str, length: int, noise: float, digit: np.ndarray, index: int) -> np.ndarray:
    """The signal of a named kind ("sine", "step", "row", "column"); a row or column is of ``digit``.

    Shape:
        digit ``(H, W)``; returns ``(length,)`` float64 (``(W,)`` for a row, ``(H,)`` for a column).
    """
    t = np.arange(length)
    if kind == "sine":
        noise_samples = np.random.default_rng(0).standard_normal(length)  # the same noise every time
        return np.sin(2 * np.pi * t / SINE_PERIOD) + noise * noise_samples
    if kind == "step":
        return (t >= length // 2).astype(np.float64)
    if kind == "row":
        return np.asarray(digit[min(index, digit.shape[0] - 1)], np.float64)
    return np.asarray(digit[:, min(index, digit.shape[1] - 1)], np.float64)


def sine_second_derivative(u: np.ndarray) -> np.ndarray:
    """x″(u) of the clean sine ``sin(2πu / SINE_PERIOD)``: ``−ω² sin(ωu)``, ω = 2π / SINE_PERIOD."""
    omega = 2 * np.pi / SINE_PERIOD
    return -(omega**2) * np.sin(omega * u)


def make_kernel(kind: str, k: int, typed: str) -> np.ndarray | None:
    """The kernel of a named kind ("average" of ``k`` taps, "second", "own" read from ``typed``).

    Shape:
        returns ``(K,)`` float64; None when the typed text is not 1 to MAX_KERNEL_TAPS numbers.
    """
    if kind == "average":
        return np.full(k, 1.0 / k)
    if kind == "second":
        return np.array([1.0, -2.0, 1.0])
    parts = [part for part in re.split(r"[,\s;]+", typed.replace("−", "-").strip()) if part]
    try:
        values = np.array([float(part) for part in parts])
    except ValueError:
        return None
    if not 1 <= values.size <= MAX_KERNEL_TAPS or not np.all(np.isfinite(values)):
        return None
    return values


@dataclass(frozen=True, eq=False)
class Conv1DData:
    """One 1-D convolution as shown: the signal, the kernel, the settings and every step.

    Shape:
        x ``(M,)``, w ``(K,)`` (as typed; ``steps[t].kernel`` is the kernel as applied), output ``(N,)``;
        derivative: ``(2, n)`` positions in signal samples and x″ there, or None.
    """

    x: np.ndarray
    w: np.ndarray
    stride: int
    padding: int
    operation: str
    steps: tuple[Conv1DStep, ...]
    output: np.ndarray
    derivative: np.ndarray | None
    drawing: bool

    @property
    def k(self) -> int:
        """Kernel taps."""
        return self.w.size

    @property
    def padded(self) -> np.ndarray:
        """The signal with its P zeros at each end."""
        return np.pad(self.x, self.padding)

    def centre(self, t: int) -> float:
        """Where output sample ``t`` sits, in padded-signal samples: the centre of its window."""
        return t * self.stride + (self.k - 1) / 2

    @cached_property
    def levels(self) -> tuple[float, float]:
        """One symmetric colour scale for the signal and the window's samples."""
        return theme.symmetric_levels(self.x)

    @cached_property
    def output_levels(self) -> tuple[float, float]:
        """One symmetric colour scale for every product and output sample (a second difference is small)."""
        products = np.concatenate([step.products for step in self.steps]) if self.steps else self.output
        return theme.symmetric_levels(np.concatenate([products, self.output]))


def convolution_data(
    x: np.ndarray,
    w: np.ndarray,
    stride: int,
    padding: int,
    operation: str,
    *,
    derivative: bool,
    drawing: bool,
) -> Conv1DData:
    """Compute what the page shows with the engine (ValueError for settings that cannot work)."""
    flip = operation == "convolution"
    steps = tuple(conv1d_steps(x, w, stride, padding, flip=flip))
    output = (convolve1d if flip else correlate1d)(x, w, stride, padding)
    curve = None
    if derivative:
        u = np.linspace(0, x.size - 1, 8 * x.size)
        curve = np.stack([u, sine_second_derivative(u)])
    return Conv1DData(x, w, stride, padding, operation, steps, output, curve, drawing)


class Conv1DCanvas(CachedCanvas):
    """The painted page: the signal plot over its padded cells, the window zoomed (window, kernel,
    products, Σ), the output cells under their windows' centres and the output plot.

    Signals:
        sigHoverStep(int): the mouse is over the cell of this output sample (or a window reaching it).
        sigDrawn(int, float): in drawing mode the mouse set signal sample ``index`` to ``value``.
    """

    sigHoverStep = Signal(int)
    sigDrawn = Signal(int, float)
    SIZE_HINT_PX = (900, 300)
    MINIMUM_PX = (420, 240)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("conv1d_canvas", parent)
        self._strip = Grid(0, 0, 1, 1, 1)
        self._signal_plot = QRectF()
        self._output_plot = QRectF()
        self._zoom_top = 0.0
        self._zoom_cell = 1.0
        self._label_width = 0.0
        self._output_top = 0.0
        self._strip_h = 1.0
        self._bars_left = 0.0
        self._last_drawn: int | None = None

    # ---- layout ----

    def lay_out(self, data: Conv1DData) -> None:
        """Place the plots, the padded strip, the zoom rows and the output strip for the widget's size."""
        font = theme.font(1.0)
        metrics = QFontMetricsF(font)
        names = texts.row_labels()
        words = [names["padded"], names["output"], names["window"], names["products"]]
        words.append(texts.kernel_row_label(data.operation))
        gap = theme.px(6)
        self._label_width = max(metrics.horizontalAdvance(word) for word in words) + theme.px(10)
        n = data.padded.size
        width, height = self.width() - self._label_width - gap, self.height()
        cell = max(4.0, min(width / n, theme.px(44)))
        line = metrics.height()
        strip_h = cell
        sum_width = metrics.horizontalAdvance("Σ = −00.000") + theme.px(12)
        # The colour bars of the zoomed rows stand at the right of their band; the zoom stays left of them.
        self._bars_left = self.width() - metrics.horizontalAdvance("y") - theme.px(BAR_PX + 14)
        zoom_space = self._bars_left - self._label_width - sum_width - gap
        self._zoom_cell = max(8.0, min(theme.px(46), zoom_space / data.k, (height * 0.3) / 3))
        fixed = line + 2 * strip_h + 3 * self._zoom_cell + 6 * gap
        plot_h = max((height - fixed) / 2, theme.px(30))
        top = line + gap
        self._signal_plot = QRectF(self._label_width, top, cell * n, plot_h)
        self._strip = Grid(self._label_width, top + plot_h, cell, 1, n)
        self._strip_h = strip_h
        self._zoom_top = top + plot_h + strip_h + 2 * gap
        self._output_top = self._zoom_top + 3 * self._zoom_cell + 2 * gap
        self._output_plot = QRectF(self._label_width, self._output_top + strip_h + gap, cell * n, plot_h)

    def _x(self, position: float) -> float:
        """The widget x of a padded-signal position (sample centres at whole numbers)."""
        return self._strip.left + (position + 0.5) * self._strip.cell

    def _strip_rect(self, start: float, count: float, top: float) -> QRectF:
        return QRectF(
            self._strip.left + start * self._strip.cell, top, count * self._strip.cell, self._strip_h
        )

    def _output_rect(self, data: Conv1DData, t: int) -> QRectF:
        """The output cell of sample ``t``, centred under its window."""
        return self._strip_rect(data.centre(t) - 0.5, 1, self._output_top)

    # ---- painting ----

    def paint_static(self, painter: QPainter, data: Conv1DData) -> None:
        """Legend, both plots, the padded strip and the output strip with their numbers."""
        palette = theme.current()
        names = texts.row_labels()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(theme.font(1.0))
        metrics = QFontMetricsF(painter.font())
        legend = [(names["signal"], palette.text), (names["output"], palette.link)]
        if data.derivative is not None:
            legend.append((names["derivative"], palette.muted))
        if data.drawing:
            legend.append((names["draw"], palette.link))
        left = self._label_width
        for text, colour in legend:
            painter.setPen(colour)
            painter.drawText(QPointF(left, metrics.ascent()), text)
            left += metrics.horizontalAdvance(text) + theme.px(24)
        p, m = data.padding, data.x.size
        signal_range = (-DRAW_RANGE, DRAW_RANGE) if data.drawing else _range(data.x)
        self._paint_plot(painter, self._signal_plot, signal_range, data, p)
        positions = np.arange(m) + p
        self._paint_curve(
            painter, self._signal_plot, signal_range, positions, data.x, palette.text, dots=True
        )
        levels = data.levels
        padded = data.padded[None]
        self._paint_cells(painter, self._strip, padded, levels)
        self._hatch(painter, data, self._strip.top)
        self._paint_row_label(painter, names["padded"], self._strip.top, self._strip_h)
        self._paint_row_label(painter, names["output"], self._output_top, self._strip_h)
        for t, value in enumerate(data.output):
            rect = self._output_rect(data, t)
            grid = Grid(rect.left(), rect.top(), rect.width(), 1, 1)
            self._paint_cells(painter, grid, np.array([[value]]), data.output_levels)
        output_values = [data.output]
        if data.derivative is not None:
            output_values.append(data.derivative[1])
        output_range = _range(np.concatenate(output_values))
        self._paint_plot(painter, self._output_plot, output_range, data, p)
        if data.derivative is not None:
            self._paint_curve(
                painter,
                self._output_plot,
                output_range,
                data.derivative[0] + p,
                data.derivative[1],
                palette.muted,
                dots=False,
                dashed=True,
            )
        self._paint_bars(painter, data)
        centres = np.array([data.centre(t) for t in range(data.output.size)])
        self._paint_curve(
            painter, self._output_plot, output_range, centres, data.output, palette.link, dots=True
        )

    def _paint_bars(self, painter: QPainter, data: Conv1DData) -> None:
        """The colour bars of the zoomed rows: x (window and strip), w (kernel), y (products and output)."""
        metrics = QFontMetricsF(theme.font(1.0))
        bar_h = theme.px(theme.COLORBAR_HEIGHT_PX)
        if self._zoom_cell < bar_h + metrics.height() + theme.px(2):
            return  # no room for a bar and its range under it
        kernel = data.w[::-1] if data.operation == "convolution" else data.w
        levels = [data.levels, theme.symmetric_levels(kernel), data.output_levels]
        for row, (name, level) in enumerate(zip(("x", "w", "y"), levels, strict=True)):
            top = self._zoom_top + row * self._zoom_cell + theme.px(2)
            painter.setFont(theme.font(1.0))
            painter.setPen(theme.current().text)
            painter.drawText(QPointF(self._bars_left, top + (bar_h + metrics.ascent()) / 2 - 1), name)
            bar = QRectF(
                self._bars_left + metrics.horizontalAdvance(name) + theme.px(6), top, theme.px(BAR_PX), bar_h
            )
            paint_colorbar(painter, bar, theme.DIVERGING_LUT, level)

    def _paint_row_label(self, painter: QPainter, text: str, top: float, height: float) -> None:
        painter.setPen(theme.current().muted)
        painter.setFont(theme.font(1.0))
        rect = QRectF(0, top, self._label_width - theme.px(6), height)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)

    def _paint_cells(
        self,
        painter: QPainter,
        grid: Grid,
        values: np.ndarray,
        levels: tuple[float, float],
    ) -> None:
        """A row of cells coloured on the diverging map, with their numbers when they fit."""
        paint_values(painter, grid, values, levels, min_cell=4, scale=0.95)

    def _hatch(self, painter: QPainter, data: Conv1DData, top: float) -> None:
        """Hatch the padding zeros of the strip."""
        if data.padding == 0:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hatch_brush(theme.current().muted))
        n = data.padded.size
        for start in (0, n - data.padding):
            painter.drawRect(self._strip_rect(start, data.padding, top))

    def _paint_plot(
        self, painter: QPainter, rect: QRectF, value_range: tuple[float, float], data: Conv1DData, p: int
    ) -> None:
        """A plot's frame, its zero line and the hatched padding columns."""
        palette = theme.current()
        painter.setPen(QPen(palette.frame, 1))
        painter.setBrush(palette.surface)
        painter.drawRect(rect)
        if p:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hatch_brush(palette.frame))
            cell = self._strip.cell
            painter.drawRect(QRectF(rect.left(), rect.top(), p * cell, rect.height()))
            painter.drawRect(QRectF(rect.right() - p * cell, rect.top(), p * cell, rect.height()))
        zero = _y(rect, value_range, 0.0)
        painter.setPen(QPen(palette.muted, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(rect.left(), zero), QPointF(rect.right(), zero))

    def _paint_curve(
        self,
        painter: QPainter,
        rect: QRectF,
        value_range: tuple[float, float],
        positions: np.ndarray,
        values: np.ndarray,
        colour: QColor,
        *,
        dots: bool,
        dashed: bool = False,
    ) -> None:
        """A line through ``(position, value)`` pairs (padded-signal positions); ``dots`` marks each."""
        points = [
            QPointF(self._x(float(pos)), _y(rect, value_range, float(v)))
            for pos, v in zip(positions, values, strict=True)
        ]
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(points))
        if dots:
            painter.setBrush(colour)
            radius = min(theme.px(3.5), self._strip.cell / 3)
            for point in points:
                painter.drawEllipse(point, radius, radius)

    def paint_dynamic(self, painter: QPainter, data: Conv1DData) -> None:
        """The current window on the plot and the strip, the zoomed rows with Σ, and the output cell."""
        if not data.steps:
            return
        step = data.steps[min(self._step, len(data.steps) - 1)]
        palette = theme.current()
        window = self._strip_rect(step.start, data.k, self._strip.top)
        band = QRectF(window.left(), self._signal_plot.top(), window.width(), self._signal_plot.height())
        paint_highlight(painter, band, palette.accent, 2.0)
        paint_highlight(painter, window, palette.accent, 3.0)
        out_cell = self._output_rect(data, step.index)
        paint_highlight(painter, out_cell, palette.accent, 3.0)
        # The zoomed rows sit under the window, inside the widget.
        metrics = QFontMetricsF(theme.font(1.0))
        sum_text = f"Σ = {theme.format_value(step.value, 3)}"
        zc = self._zoom_cell
        zoom_width = data.k * zc
        sum_width = metrics.horizontalAdvance(sum_text) + theme.px(12)
        left = window.center().x() - zoom_width / 2
        left = min(max(left, self._label_width), self._bars_left - zoom_width - sum_width)
        painter.setPen(QPen(palette.accent, 1))
        painter.drawLine(window.bottomLeft(), QPointF(left, self._zoom_top))
        painter.drawLine(window.bottomRight(), QPointF(left + zoom_width, self._zoom_top))
        rows = [
            (texts.row_labels()["window"], step.window),
            (texts.kernel_row_label(data.operation), step.kernel),
            (texts.row_labels()["products"], step.products),
        ]
        levels = [data.levels, theme.symmetric_levels(step.kernel), data.output_levels]
        for row, (name, values) in enumerate(rows):
            top = self._zoom_top + row * zc
            grid = Grid(left, top, zc, 1, data.k)
            self._paint_cells(painter, grid, values[None], levels[row])
            painter.setPen(palette.muted)
            painter.setFont(theme.font(1.0))
            label_rect = QRectF(left - self._label_width, top, self._label_width - theme.px(6), zc)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
        products_rect = QRectF(left + zoom_width + theme.px(6), self._zoom_top + 2 * zc, sum_width, zc)
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.0, bold=True))
        painter.drawText(products_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, sum_text)
        painter.setPen(QPen(palette.accent, 1))
        painter.drawLine(
            QPointF(left + zoom_width / 2, self._zoom_top + 3 * zc),
            QPointF(out_cell.center().x(), out_cell.top()),
        )

    # ---- mouse ----

    def _position_at(self, x: float) -> int | None:
        """The padded-signal sample under widget x, or None."""
        position = math.floor((x - self._strip.left) / self._strip.cell)
        return position if 0 <= position < self._strip.cols else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start drawing in the signal plot (drawing mode)."""
        self._last_drawn = None
        self._draw(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Draw while the left button is down; otherwise jump to the output under the mouse."""
        data = self._data
        if data is None or not self.ensure_layout():
            return
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._draw(event)
            return
        position = self._position_at(event.position().x())
        y = event.position().y()
        if position is None or not (self._strip.top <= y <= self._output_top + self._strip_h):
            return
        if data.steps:
            centres = np.array([data.centre(t) for t in range(len(data.steps))])
            self.sigHoverStep.emit(int(np.argmin(np.abs(centres - position))))

    def _draw(self, event: QMouseEvent) -> None:
        data = self._data
        if data is None or not data.drawing or not self.ensure_layout():
            return
        point = event.position()
        if not self._signal_plot.adjusted(0, -theme.px(8), 0, theme.px(8)).contains(point):
            return
        position = self._position_at(point.x())
        if position is None:
            return
        index = position - data.padding
        if not 0 <= index < data.x.size:
            return
        rect = self._signal_plot
        value = DRAW_RANGE - 2 * DRAW_RANGE * (point.y() - rect.top()) / rect.height()
        value = float(np.clip(value, -DRAW_RANGE, DRAW_RANGE))
        # A fast stroke skips samples: fill the ones in between on a straight line.
        last = self._last_drawn if self._last_drawn is not None else index
        self._last_drawn = index
        for between in range(min(last, index), max(last, index) + 1):
            self.sigDrawn.emit(between, value)


def _range(values: np.ndarray) -> tuple[float, float]:
    """A plot's value range: the values and zero, with a margin."""
    lo, hi = min(float(values.min()), 0.0), max(float(values.max()), 0.0)
    margin = 0.1 * (hi - lo) if hi > lo else 1.0
    return lo - margin, hi + margin


def _y(rect: QRectF, value_range: tuple[float, float], value: float) -> float:
    lo, hi = value_range
    return rect.bottom() - (value - lo) / (hi - lo) * rect.height()


class Conv1DView(DetailView):
    """The 1-D convolution lesson (objectName ``"conv1d"``): choose a signal, a kernel, the padding, the
    stride and the operation, and step the kernel along the signal.

    ``set_trace`` takes the digit whose row or column can be the signal; ``set_settings`` sets every control.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("conv1d", parent)
        self._digit = synthetic_digit()
        self._drawn = np.zeros(32)
        self._data: Conv1DData | None = None
        self._rotated_output = np.zeros(0)
        self._signal = np.zeros(0)
        self.signal_box = self._combo("signal", list(texts.signal_names()), self._signal_chosen)
        self.index_box = spin_box("index", 0, 27, 14, self._update)
        self.length_box = spin_box("length", 4, 48, 32, self._update)
        self.noise_box = spin_box("noise", 0, 100, 20, self._update)
        self.kernel_box = self._combo("kernel", list(texts.kernel_names()))
        self.taps_box = spin_box("taps", 1, 9, 3, self._update)
        self.weights_edit = QLineEdit("1, 0, −1")
        self.weights_edit.setObjectName("weights")
        self.weights_edit.setMinimumWidth(theme.px(130))
        self.weights_edit.editingFinished.connect(self._update)
        self.padding_mode_box = self._combo("padding_mode", list(texts.padding_names()))
        self.padding_box = spin_box("padding", 0, 10, 1, self._update)
        self.stride_box = spin_box("stride", 1, 5, 1, self._update)
        self.operation_box = self._combo("operation", list(texts.operation_names()))
        # The toggle sits beside the title: it changes what the whole page computes.
        self.toolbar.addLayout(captioned_row({self.operation_box: lambda: tr("Operation")}, None, 10))
        self.finish_toolbar()
        rows = [
            {
                self.signal_box: lambda: tr("Signal"),
                self.index_box: lambda: tr("Row / column"),
                self.length_box: lambda: tr("Length M"),
                self.noise_box: lambda: tr("Noise"),
            },
            {
                self.kernel_box: lambda: tr("Kernel"),
                self.taps_box: lambda: tr("k"),
                self.weights_edit: lambda: tr("Weights"),
            },
            {
                self.padding_mode_box: lambda: tr("Padding"),
                self.padding_box: lambda: tr("P"),
                self.stride_box: lambda: tr("Stride S"),
            },
        ]
        controls = QVBoxLayout()
        for widgets in rows:
            controls.addLayout(captioned_row(widgets, None, 10))
        self.size_formula = label("size_formula")
        self.identity = label("identity", wrap=True)
        self.message = label("message", wrap=True)
        self.canvas = Conv1DCanvas()
        self.canvas.sigHoverStep.connect(self._hovered)
        self.canvas.sigDrawn.connect(self._drawn_at)
        self.player.sigStepChanged.connect(self._show_step)
        self.stage_layout.addLayout(controls)
        self.stage_layout.addWidget(self.size_formula)
        self.stage_layout.addWidget(self.identity)
        self.stage_layout.addWidget(self.message)
        self.stage_layout.addWidget(self.canvas, 1)
        self.stage_layout.addStretch(0)  # takes the canvas's room while the settings are impossible
        theme.follow(self._apply_fonts)
        self._write_texts()
        self._update()

    # ---- controls ----

    def _combo(self, name: str, keys: list[str], slot: Callable[[], None] | None = None) -> QComboBox:
        """A choice between ``keys`` (its item data) calling ``slot`` (default: recompute); ``_write_texts``
        names them."""
        box = QComboBox()
        box.setObjectName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in keys:
            box.addItem("", key)
        box.currentIndexChanged.connect(slot or self._update)
        return box

    def _signal_chosen(self) -> None:
        """Drawing starts from the signal on screen, so the student reshapes what they see."""
        if self.signal_box.currentData() == "drawn" and self._signal.size:
            self._drawn = np.clip(self._signal, -DRAW_RANGE, DRAW_RANGE)
            with signals_blocked(self.length_box):
                self.length_box.setValue(self._drawn.size)
        self._update()

    def _apply_fonts(self) -> None:
        self.size_formula.setFont(theme.font(1.3, bold=True))
        self.identity.setFont(theme.font(1.1))
        self.message.setFont(theme.font(1.1))
        self.message.setStyleSheet(f"color: {theme.current().link.name()}")

    def _write_texts(self) -> None:
        """The title, the captions and the choices in the current language."""
        self.title.setText(tr("1-D convolution: a kernel sliding along a signal"))
        self.noise_box.setSuffix(" %")
        self.weights_edit.setToolTip(tr("Up to {n} weights separated by commas").format(n=MAX_KERNEL_TAPS))
        for box, names in (
            (self.signal_box, texts.signal_names()),
            (self.kernel_box, texts.kernel_names()),
            (self.padding_mode_box, texts.padding_names()),
            (self.operation_box, texts.operation_names()),
        ):
            for index in range(box.count()):
                box.setItemText(index, names[box.itemData(index)])

    def retranslate_ui(self) -> None:
        """Every text again in the current language, the worked-out numbers too."""
        self._write_texts()
        self._update()

    # ---- input ----

    def set_trace(self, trace: Trace | None, layer_index: int = 0, channel: int = 0) -> None:
        """Take the digit of ``trace`` (its input pixels) for the row and column signals; None keeps it."""
        if trace is None:
            return
        self._digit = np.asarray(trace.input[0, 0], np.float64)
        self.index_box.setMaximum(max(self._digit.shape) - 1)
        if self.signal_box.currentData() in ("row", "column"):
            self._update()

    def set_settings(
        self,
        *,
        signal: str | None = None,
        length: int | None = None,
        noise: int | None = None,
        index: int | None = None,
        kernel: str | None = None,
        taps: int | None = None,
        weights: str | None = None,
        padding: int | str | None = None,
        stride: int | None = None,
        operation: str | None = None,
    ) -> None:
        """Set the given controls at once (padding: a number, "narrow", "wide" or "same")."""
        boxes = (
            self.signal_box,
            self.length_box,
            self.noise_box,
            self.index_box,
            self.kernel_box,
            self.taps_box,
            self.padding_mode_box,
            self.padding_box,
            self.stride_box,
            self.operation_box,
        )
        with signals_blocked(*boxes):
            for box, value in (
                (self.signal_box, signal),
                (self.kernel_box, kernel),
                (self.operation_box, operation),
            ):
                if value is not None:
                    box.setCurrentIndex(box.findData(value))
            for box, value in (
                (self.length_box, length),
                (self.noise_box, noise),
                (self.index_box, index),
                (self.taps_box, taps),
                (self.stride_box, stride),
            ):
                if value is not None:
                    box.setValue(value)
            if padding is not None:
                mode = padding if isinstance(padding, str) else "number"
                self.padding_mode_box.setCurrentIndex(self.padding_mode_box.findData(mode))
                if not isinstance(padding, str):
                    self.padding_box.setValue(padding)
        if weights is not None:
            self.weights_edit.setText(weights)
        if signal == "drawn":
            self._signal_chosen()
        else:
            self._update()

    def set_drawn_signal(self, values: np.ndarray) -> None:
        """Show ``values`` as the drawn signal (clipped to ±DRAW_RANGE).

        Shape:
            values ``(M,)``.
        """
        self._drawn = np.clip(np.asarray(values, np.float64), -DRAW_RANGE, DRAW_RANGE)
        with signals_blocked(self.signal_box), signals_blocked(self.length_box):
            self.signal_box.setCurrentIndex(self.signal_box.findData("drawn"))
            self.length_box.setValue(self._drawn.size)
        self._update()

    def _drawn_at(self, index: int, value: float) -> None:
        self._drawn[index] = value
        self._update()

    def _current_signal(self) -> np.ndarray:
        kind, length = self.signal_box.currentData(), self.length_box.value()
        if kind == "drawn":
            if self._drawn.size != length:
                self._drawn = np.resize(
                    np.append(self._drawn, np.zeros(max(0, length - self._drawn.size))), length
                )
            return self._drawn.copy()
        return make_signal(kind, length, self.noise_box.value() / 100, self._digit, self.index_box.value())

    # ---- computing ----

    def _update(self) -> None:
        """Recompute everything from the controls; explain, instead of drawing, settings that cannot work."""
        kind = self.signal_box.currentData()
        self.length_box.setEnabled(kind in ("sine", "step", "drawn"))
        self.index_box.setEnabled(kind in ("row", "column"))
        self.noise_box.setEnabled(kind == "sine")
        kernel_kind = self.kernel_box.currentData()
        self.taps_box.setEnabled(kernel_kind == "average")
        self.weights_edit.setEnabled(kernel_kind == "own")
        mode = self.padding_mode_box.currentData()
        self.padding_box.setEnabled(mode == "number")
        x = self._current_signal()
        self._signal = x
        w = make_kernel(kernel_kind, self.taps_box.value(), self.weights_edit.text())
        stride, operation = self.stride_box.value(), self.operation_box.currentData()
        problem = None
        if w is None:
            problem = texts.bad_kernel(self.weights_edit.text())
        elif mode == "same" and w.size % 2 == 0:
            problem = texts.same_even(w.size)
        if problem is None:
            assert w is not None
            p = resolve_padding_1d(self.padding_box.value() if mode == "number" else mode, w.size)
            if w.size > x.size + 2 * p:
                problem = texts.length_impossible(x.size, w.size, p)
        if problem is not None:
            self._show_problem(problem, x, w)
            return
        assert w is not None
        derivative = kind == "sine" and kernel_kind == "second"
        data = convolution_data(x, w, stride, p, operation, derivative=derivative, drawing=kind == "drawn")
        # The other side of the identity, computed the other way round by the engine.
        rotated = w[::-1]
        other = correlate1d if operation == "convolution" else convolve1d
        self._rotated_output = other(x, rotated, stride, p)
        self._data = data
        n = output_length(x.size, w.size, stride, p)
        self.size_formula.setText(
            texts.length_worked(x.size, w.size, p, stride, n, (x.size - w.size + 2 * p) % stride == 0)
        )
        self._say(texts.symmetric_note() if np.array_equal(w, rotated) else "")
        self.stage_layout.setStretch(self.stage_layout.count() - 1, 0)
        self.canvas.show()
        self.canvas.set_data(data)
        self.set_paragraphs(texts.paragraphs(kernel_kind, w.size, x.size, p, stride, derivative))
        self.player.set_count(len(data.steps))
        self._show_step(self.player.step())

    def _say(self, text: str) -> None:
        """Show a note or a problem under the formula; an empty one takes no room."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_problem(self, problem: str, x: np.ndarray, w: np.ndarray | None) -> None:
        self._data = None
        self.size_formula.setText(tr("(M − K + 2P) / S + 1  =  no output"))
        self._say(problem)
        self.identity.setText("")
        self.canvas.hide()
        self.canvas.set_data(None)
        self.stage_layout.setStretch(self.stage_layout.count() - 1, 1)
        self.player.set_count(0)
        self.player.set_caption("")
        self.set_paragraphs(
            texts.paragraphs(self.kernel_box.currentData(), 3 if w is None else w.size, x.size, 0, 1, False)
        )

    def _show_step(self, step: int) -> None:
        data = self._data
        if data is None or not data.steps:
            return
        step = min(step, len(data.steps) - 1)
        record = data.steps[step]
        self.canvas.set_step(step)
        self.player.set_caption(texts.step_caption(record.index, step + 1, len(data.steps)))
        left, right = float(data.output[step]), float(self._rotated_output[step])
        self.identity.setText(texts.identity_1d(data.operation, data.w, record.index, left, right))

    def _hovered(self, step: int) -> None:
        self.player.pause()
        self.player.set_step(step)

    # ---- what is shown, for scripts and tests ----

    def data(self) -> Conv1DData | None:
        """The convolution shown; None when the settings cannot work."""
        return self._data

    def signal(self) -> np.ndarray:
        """The signal shown (M,)."""
        return self._signal.copy()

    def identity_values(self) -> tuple[float, float] | None:
        """The two sides of the identity at the current step, as shown; None without output."""
        if self._data is None or not self._data.steps:
            return None
        step = min(self.player.step(), len(self._data.steps) - 1)
        return float(self._data.output[step]), float(self._rotated_output[step])


if __name__ == "__main__":
    run_page(Conv1DView)
