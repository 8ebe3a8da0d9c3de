"""The convolution detail view: CNN Explainer's "elastic" view of one output map, animated step by step.

Every input channel is a lane: the padded input with the kernel's window on it, the channel's kernel slice,
and the intermediate map it makes. The intermediate maps meet in a Σ + bias node that produces the output
map. The window slides over all lanes and the output in sync, driven by the core's ``conv_steps``; the
formula panel underneath prints the focused channel's window ⊙ kernel with the numbers, the sum over the
channels and the bias, which equals the output pixel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPen, QRegion, QStaticText
from PySide6.QtWidgets import QLabel, QSpinBox, QToolTip, QWidget

from explainer.core import Trace, conv_steps
from explainer.core.layers import resolve_pads
from explainer.core.ops import output_size
from explainer.core.steps import ConvStep
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import (
    CachedCanvas,
    DetailView,
    Grid,
    ask_gif_path,
    blend,
    fit_cell,
    hatch_brush,
    no_input,
    paint_band,
    paint_cell_lines,
    paint_highlight,
    paint_image,
    paint_padding,
    paint_uncovered,
    paint_value_tag,
    paint_values,
    record_gif,
)
from explainer.gui.kit.colorbar import paint_colorbar
from explainer.gui.kit.widgets import button
from explainer.gui.layers.conv.texts import (
    click_channel_hint,
    conv_caption,
    conv_title,
    forward_paragraphs,
    kernel_tooltip,
)
from explainer.gui.layers.conv.weightedit import WeightEditor
from explainer.gui.state import signals_blocked

CONV_KINDS = ("conv2d",)
"""The 2-D convolution."""

GIF_MAX_FRAMES = 120
"""At most this many steps go into an exported GIF (from the current step on), to keep files small."""


class ConvData:
    """One output map of a convolution and everything drawn for it.

    Each animation step is a record of the core's ``conv_steps``, made when first shown and kept, so
    scrubbing is O(1) and a new input (the student drawing) costs no more than the maps: the step list is
    not rebuilt for positions nobody looks at. The intermediate maps come from the core's Conv2D.

    Shape:
        x: ``(C_in, H, W)`` the layer's input; kernel: ``(C_in, k, k)``;
        padded: ``(C_in, H + P_top + P_bottom, W + P_left + P_right)``;
        output: ``(H_out, W_out)``; partial: ``(C_in, H_out, W_out)`` each channel's window·kernel sums.
    """

    def __init__(
        self,
        x: np.ndarray,
        kernel: np.ndarray,
        bias: float,
        stride: int,
        padding: int | Sequence[int],
        *,
        image_input: bool = False,
        output: np.ndarray | None = None,
    ) -> None:
        self.x = np.asarray(x, np.float32)
        self.kernel = np.asarray(kernel, np.float32)
        self.bias = float(bias)
        self.stride = int(stride)
        self.image_input = image_input
        self.k = self.kernel.shape[-1]
        self.pads = resolve_pads(padding, self.k)
        self.out_shape = (
            output_size(self.x.shape[1], self.k, self.stride, self.pads.top, self.pads.bottom),
            output_size(self.x.shape[2], self.k, self.stride, self.pads.left, self.pads.right),
        )
        self._output = None if output is None else np.asarray(output, np.float32)
        self._steps: dict[int, ConvStep] = {}

    @property
    def padding(self) -> int | list[int]:
        """The padding: one number for every side, or ``[top, left, bottom, right]``."""
        return self.pads.config()

    @property
    def channels(self) -> int:
        """Number of input channels."""
        return self.x.shape[0]

    @property
    def count(self) -> int:
        """Number of kernel positions (output pixels)."""
        return self.out_shape[0] * self.out_shape[1]

    def step(self, index: int) -> ConvStep:
        """The conv_steps record of output position ``index`` (row-major), made on first use."""
        record = self._steps.get(index)
        if record is None:
            row, col = divmod(index, self.out_shape[1])
            top, left = row * self.stride, col * self.stride
            window = self.padded[:, top : top + self.k, left : left + self.k]
            # conv_steps over exactly this window yields the one record of this position.
            record = replace(next(conv_steps(window, self.kernel, self.bias)), row=row, col=col)
            self._steps[index] = record
        return record

    @cached_property
    def output(self) -> np.ndarray:
        """The output map: the traced layer's own, else the intermediate maps summed, plus bias."""
        return self._output if self._output is not None else self.partial.sum(axis=0) + np.float32(self.bias)

    @cached_property
    def partial(self) -> np.ndarray:
        """Each channel's intermediate map: Σ window ⊙ kernel slice at every position, no bias.

        These are the per-channel sums of the steps' ``products``, taken for all positions at once (the
        steps themselves are only made for the positions shown; a test checks the maps against the trace).
        """
        s, k = self.stride, self.k
        windows = sliding_window_view(self.padded, (k, k), axis=(1, 2))[:, ::s, ::s]
        windows = windows[:, : self.out_shape[0], : self.out_shape[1]]
        return np.einsum("chwij,cij->chw", windows, self.kernel, dtype=np.float32)

    @cached_property
    def padded(self) -> np.ndarray:
        """The input with its zeros on each side."""
        p = self.pads
        return np.pad(self.x, ((0, 0), (p.top, p.bottom), (p.left, p.right)))

    @cached_property
    def input_levels(self) -> tuple[float, float]:
        """Colour levels of the input: its range for an image, symmetric around zero otherwise."""
        if self.image_input:
            lo, hi = float(self.x.min()), float(self.x.max())
            return (lo, hi) if hi > lo else (lo, lo + 1.0)
        return theme.symmetric_levels(self.x)

    @cached_property
    def product_levels(self) -> tuple[float, float]:
        """Fixed colour levels for window ⊙ kernel products, so colours compare across steps."""
        return theme.symmetric_levels(np.array([np.abs(self.x).max() * np.abs(self.kernel).max()]))

    @cached_property
    def uncovered(self) -> tuple[int, int]:
        """Rows and columns at the bottom/right of the padded input that no window reaches."""
        pad_h, pad_w = self.padded.shape[1:]
        out_h, out_w = self.out_shape
        return pad_h - ((out_h - 1) * self.stride + self.k), pad_w - ((out_w - 1) * self.stride + self.k)

    @property
    def input_lut(self) -> np.ndarray:
        """Grey for an image input, diverging for feature maps."""
        return theme.GREY_LUT if self.image_input else theme.DIVERGING_LUT


@dataclass(frozen=True)
class Lane:
    """Where one input channel's padded input, kernel slice and intermediate map sit on the canvas."""

    channel: int
    rect: QRectF
    input: Grid
    kernel: Grid
    intermediate: Grid | None


class ConvCanvas(CachedCanvas):
    """The painted elastic view: lanes of (input, kernel, intermediate), the Σ + b node and the output map.

    Static content (maps, kernels, legend) is cached; each animation frame only draws the windows,
    highlighted cells and connecting lines. With ``reveal`` on (the playground), output pixels the kernel
    has not reached yet are hidden, so the output fills in as the kernel slides.

    Signals:
        sigHoverCell(int, int): the mouse is over output position (row, col) (or a map cell mapping to it).
        sigFocusChannel(int): the student clicked the lane of this input channel.
        sigWeightClicked(int, int, int): the student clicked weight (row, col) of this channel's kernel.
    """

    sigHoverCell = Signal(int, int)
    sigFocusChannel = Signal(int)
    sigWeightClicked = Signal(int, int, int)
    SIZE_HINT_PX = (900, 440)
    MINIMUM_PX = (420, 240)
    _data: ConvData | None

    def __init__(self, parent: QWidget | None = None, *, reveal: bool = False) -> None:
        super().__init__("conv_canvas", parent)
        self.reveal = reveal
        self._focus = 0
        self._lanes: list[Lane] = []
        self._output = Grid(0, 0, 1, 1, 1)
        self._node = QPointF()
        self._node_radius = 0.0

    def set_data(self, data: ConvData | None) -> None:
        """Show ``data`` (None: the placeholder) and rebuild the static layer."""
        self._focus = min(self._focus, data.channels - 1) if data is not None else 0
        super().set_data(data)

    def set_focus(self, channel: int) -> None:
        """Mark the lane of ``channel`` as the one the formula panel shows."""
        self._focus = channel
        self.update()

    def lanes(self) -> list[Lane]:
        """The lanes as laid out for the current size."""
        self.ensure_layout()
        return self._lanes

    def output_grid(self) -> Grid:
        """Where the output map is drawn."""
        self.ensure_layout()
        return self._output

    # ---- layout ----

    def lay_out(self, data: ConvData) -> None:
        """Place lanes, the Σ node and the output map to use the widget's area well."""
        margin = theme.px(8)
        gap = theme.px(10)
        small = QFontMetricsF(theme.font(0.9))
        rows = 1 + max(row for row, _x in self._legend_places(data))
        header = rows * (small.height() * 2 + theme.px(4)) + theme.px(6)
        width = self.width() - 2 * margin
        height = self.height() - 2 * margin - header
        top = margin + header
        out_h, out_w = data.out_shape
        pad_h, pad_w = data.padded.shape[1:]
        n = data.channels
        node_w = theme.px(64)
        out_cell = fit_cell(min(height, width * 0.3), height, out_h, out_w)
        out_left = margin + width - out_cell * out_w
        self._output = Grid(out_left, top + (height - out_cell * out_h) / 2, out_cell, out_h, out_w)
        lanes_width = out_left - node_w - gap - margin
        label_h = small.height()
        cells_w = pad_w + (out_w if n > 1 else 0)

        def lane_cell(columns: int) -> float:
            lane_w = lanes_width / columns - gap
            lane_h = height / math.ceil(n / columns) - gap - label_h
            kernel_side = min(max(lane_h * 0.45, theme.px(24)), theme.px(110))
            return min((lane_w - kernel_side - 2 * gap) / cells_w, lane_h / max(pad_h, out_h))

        columns = max(range(1, min(n, 6) + 1), key=lane_cell)
        cell = max(lane_cell(columns), 1.0)
        lane_w, lane_h = lanes_width / columns, height / math.ceil(n / columns)
        self._lanes = []
        for channel in range(n):
            row, col = divmod(channel, columns)
            left = margin + col * lane_w
            lane_top = top + row * lane_h
            map_top = lane_top + label_h
            map_h = lane_h - gap - label_h
            side = min(max(map_h * 0.45, theme.px(24)), theme.px(110), map_h)
            input_grid = Grid(left, map_top + (map_h - cell * pad_h) / 2, cell, pad_h, pad_w)
            kernel_left = left + cell * pad_w + gap
            kernel_grid = Grid(kernel_left, map_top + (map_h - side) / 2, side / data.k, data.k, data.k)
            intermediate = None
            if n > 1:
                inter_top = map_top + (map_h - cell * out_h) / 2
                intermediate = Grid(kernel_left + side + gap, inter_top, cell, out_h, out_w)
            right = (intermediate or kernel_grid).rect().right()
            rect = QRectF(left - 3, lane_top, right - left + 6, lane_h - gap + 3)
            self._lanes.append(Lane(channel, rect, input_grid, kernel_grid, intermediate))
        self._node_radius = theme.px(22)
        self._node = QPointF(out_left - gap - node_w / 2, top + height / 2)

    # ---- painting ----

    def paint_static(self, painter: QPainter, data: ConvData) -> None:
        """Lay out, then paint the maps, kernels, hatching and legend."""
        palette = theme.current()
        kernel_levels = theme.symmetric_levels(data.kernel)
        inter_levels = theme.symmetric_levels(data.partial)
        out_levels = theme.symmetric_levels(data.output)
        small = theme.font(0.9)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        uncovered = data.uncovered
        for lane in self._lanes:
            c = lane.channel
            painter.setPen(palette.muted)
            label = tr("channel {c}").format(c=c) if data.channels > 1 else tr("input, padded")
            painter.drawText(QPointF(lane.input.left, lane.input.top - metrics.descent() - 2), label)
            image = theme.array_to_qimage(data.padded[c], data.input_levels, data.input_lut)
            paint_image(painter, lane.input, image)
            paint_padding(painter, lane.input, data.pads, palette.accent)
            if uncovered[0] or uncovered[1]:
                paint_uncovered(painter, lane.input, *uncovered, palette.muted)
            paint_cell_lines(painter, lane.input, palette.frame)
            paint_values(painter, lane.kernel, data.kernel[c], kernel_levels, min_cell=4, scale=0.9)
            painter.setFont(small)
            if lane.intermediate is not None:
                image = theme.array_to_qimage(data.partial[c], inter_levels, theme.DIVERGING_LUT)
                paint_image(painter, lane.intermediate, image)
                paint_cell_lines(painter, lane.intermediate, palette.frame)
        self._paint_legend(painter, data, kernel_levels, inter_levels, out_levels)
        paint_values(painter, self._output, data.output, out_levels, scale=1.2)
        self._paint_node(painter, data)

    def _paint_legend(
        self,
        painter: QPainter,
        data: ConvData,
        kernel_levels: tuple[float, float],
        inter_levels: tuple[float, float],
        out_levels: tuple[float, float],
    ) -> None:
        """The legend along the top: each kind of map with its colour bar and range, in rows as needed."""
        palette = theme.current()
        metrics = QFontMetricsF(painter.font())
        bar_h = theme.px(theme.COLORBAR_HEIGHT_PX)
        luts = [data.input_lut, theme.DIVERGING_LUT, theme.DIVERGING_LUT, theme.DIVERGING_LUT]
        levels = [data.input_levels, kernel_levels, inter_levels, out_levels]
        if data.channels == 1:
            del luts[2], levels[2]
        row_h = metrics.height() * 2 + theme.px(4)
        places = self._legend_places(data)
        for title, (row, x), lut, level in zip(self._legend_titles(data), places, luts, levels, strict=True):
            top = theme.px(8) + row * row_h
            painter.setPen(palette.text)
            painter.drawText(QPointF(x, top + metrics.ascent()), title)
            x += metrics.horizontalAdvance(title) + theme.px(8)
            bar = QRectF(x, top + (metrics.height() - bar_h) / 2, theme.px(self.LEGEND_BAR_PX), bar_h)
            paint_colorbar(painter, bar, lut, level)

    LEGEND_BAR_PX = 96
    """Length of a legend colour bar (before zoom)."""

    @staticmethod
    def _legend_titles(data: ConvData) -> list[str]:
        """The legend's entries: each kind of map shown."""
        titles = [tr("input"), tr("kernel")]
        if data.channels > 1:
            titles.append(tr("window · kernel"))
        return [*titles, tr("output")]

    def _legend_places(self, data: ConvData) -> list[tuple[int, float]]:
        """(row, left) of every legend entry: left to right, on a new row when the next would not fit."""
        advance = QFontMetricsF(theme.font(0.9)).horizontalAdvance
        right = self.width() - theme.px(8)
        row, x, places = 0, float(theme.px(8)), []
        for title in self._legend_titles(data):
            width = advance(title) + theme.px(8) + theme.px(self.LEGEND_BAR_PX)
            if x + width > right and x > theme.px(8):
                row, x = row + 1, float(theme.px(8))
            places.append((row, x))
            x += width + theme.px(28)
        return places

    def _paint_node(self, painter: QPainter, data: ConvData) -> None:
        """The fixed wires from every lane into the Σ + b node, and the node itself."""
        palette = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(blend(palette.accent, palette.background, 0.55), 1))
        for lane in self._lanes:
            # Each channel's contribution leaves its intermediate map (one channel: its kernel) for the sum.
            source = (lane.intermediate or lane.kernel).rect()
            painter.drawLine(QPointF(source.right(), source.center().y()), self._node)
        painter.setPen(QPen(palette.accent, 2.5))
        painter.setBrush(palette.background)
        painter.drawEllipse(self._node, self._node_radius, self._node_radius)
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.0, bold=True))
        painter.drawText(
            self._node_rect(), Qt.AlignmentFlag.AlignCenter, "Σ + b" if data.channels > 1 else "+ b"
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _node_rect(self) -> QRectF:
        r = self._node_radius
        return QRectF(self._node.x() - r, self._node.y() - r, 2 * r, 2 * r)

    def _targets(self, data: ConvData, step: ConvStep, lane: Lane) -> tuple[QRectF, QRectF]:
        """(window on the padded input, where it leads: its intermediate cell, or the kernel if 1 channel)."""
        window = lane.input.cells(step.row * data.stride, step.col * data.stride, data.k, data.k)
        if lane.intermediate is not None:
            return window, lane.intermediate.cells(step.row, step.col)
        return window, lane.kernel.rect()

    def dynamic_region(self) -> QRegion:
        """The windows, their bands and cells, the output pixel with its wire and value tag."""
        data = self._data
        assert data is not None
        step = data.step(min(self._step, data.count - 1))
        pad = theme.px(4)
        region = QRegion()
        for lane in self._lanes:
            window, target = self._targets(data, step, lane)
            region = region.united(window.united(target).adjusted(-pad, -pad, pad, pad).toAlignedRect())
        cell = self._output.cells(step.row, step.col)
        tag = QFontMetricsF(theme.font(1.0, bold=True))
        tag_w, tag_h = tag.horizontalAdvance("\u22120.000") + 4 * pad, tag.height() + 2 * pad
        region = region.united(cell.adjusted(-tag_w - pad, -tag_h, tag_w + pad, tag_h).toAlignedRect())
        region = region.united(
            QRectF(self._node, cell.center()).normalized().adjusted(-pad, -pad, pad, pad).toAlignedRect()
        )
        if self.reveal:
            region = region.united(self._output.rect().toAlignedRect())
        return region

    def paint_dynamic(self, painter: QPainter, data: ConvData) -> None:
        """The kernel window on every lane, the cells it produced, and the output pixel."""
        step = data.step(min(self._step, data.count - 1))
        palette = theme.current()
        accent = palette.accent
        band = blend(accent, palette.background, 0.45)
        if self.reveal:
            self._hide_future(painter, step)
        for lane in self._lanes:
            window, target = self._targets(data, step, lane)
            paint_band(painter, window, target, band)
            if lane.intermediate is not None:
                paint_highlight(painter, target, accent, 2.0)
            paint_highlight(painter, window, accent, 2.5)
            if lane.channel == self._focus and data.channels > 1:
                painter.setPen(QPen(accent, 2.0, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(lane.rect)
        cell = self._output.cells(step.row, step.col)
        painter.setPen(QPen(accent, 2.5))
        painter.drawLine(self._node + QPointF(self._node_radius, 0), QPointF(cell.left(), cell.center().y()))
        paint_highlight(painter, cell, accent, 3.0)
        paint_value_tag(painter, cell, theme.format_value(step.value, 3), QRectF(self.rect()))

    def _hide_future(self, painter: QPainter, step: ConvStep) -> None:
        """Cover the output pixels after ``step``: the rest of its row and the rows below."""
        grid = self._output
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.current().surface)
        if step.col + 1 < grid.cols:
            painter.drawRect(grid.cells(step.row, step.col + 1, 1, grid.cols - step.col - 1))
        if step.row + 1 < grid.rows:
            painter.drawRect(grid.cells(step.row + 1, 0, grid.rows - step.row - 1, grid.cols))

    # ---- interaction ----

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hovering an output or intermediate cell jumps there; hovering a kernel weight shows its value."""
        data = self._data
        if data is None or not self.ensure_layout():
            return
        point = event.position()
        hit = self._output.cell_at(point)
        for lane in self._lanes:
            if hit is None and lane.intermediate is not None:
                hit = lane.intermediate.cell_at(point)
            cell = lane.input.cell_at(point) if hit is None else None
            if cell is not None:
                # The window whose centre is nearest the hovered input cell.
                half = (data.k - 1) / 2
                hit = (
                    min(max(round((cell[0] - half) / data.stride), 0), data.out_shape[0] - 1),
                    min(max(round((cell[1] - half) / data.stride), 0), data.out_shape[1] - 1),
                )
            weight = lane.kernel.cell_at(point)
            if weight is not None:
                value = theme.format_value(data.kernel[lane.channel][weight], 4)
                tip = kernel_tooltip(lane.channel, *weight, value)
                QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        if hit is not None:
            self.sigHoverCell.emit(*hit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking a lane focuses that channel in the formula panel."""
        for lane in self._lanes:
            if lane.rect.contains(event.position()):
                self.sigFocusChannel.emit(lane.channel)
                weight = lane.kernel.cell_at(event.position())
                if weight is not None:
                    self.sigWeightClicked.emit(lane.channel, *weight)
                return


class FormulaPanel(CachedCanvas):
    """The focused channel's window ⊙ kernel = products with every number, then the sum + bias = output.

    The kernel grid and the labels are cached; each step paints the window, the products and the sums.
    Attributes (read by tests): ``result`` is the output pixel of the current step, ``terms`` the
    per-channel sums and ``bias`` the bias, so ``sum(terms) + bias == result``.
    """

    SIZE_HINT_PX = (900, 230)
    _data: ConvData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("formula", parent)
        self.setMouseTracking(False)
        self._record: ConvStep | None = None
        self._focus = 0
        self.result = 0.0
        self.bias = 0.0
        self.terms: np.ndarray = np.zeros(0, np.float32)
        self._grids: list[Grid] = []
        self._symbol_w = 0.0
        self._sum_rect = QRectF()
        self.setMinimumHeight(theme.px(170))
        self.setMaximumHeight(theme.px(250))

    def has_content(self) -> bool:
        """True once a step is shown."""
        return self._data is not None and self._record is not None

    def set_state(self, data: ConvData | None, step: ConvStep | None, focus: int) -> None:
        """Show ``step`` of ``data`` for input channel ``focus``."""
        if data is not self._data or focus != self._focus:
            self.invalidate()
        self._data, self._record, self._focus = data, step, focus
        if step is not None and data is not None:
            self.terms = step.products.sum(axis=(1, 2))
            self.bias = data.bias
            self.result = step.value
        self.update()

    def paint_static(self, painter: QPainter, data: ConvData) -> None:
        """Background, labels, the kernel grid with its numbers and the ⊙ and = signs."""
        palette = theme.current()
        painter.fillRect(self.rect(), palette.surface)
        margin = theme.px(10)
        text_font = theme.font(1.15)
        big = QFontMetricsF(text_font)
        # The sum line's height: its longest form (every term negative, 3 decimals) wrapped to the panel.
        longest = " + ".join(["(−0.000)"] * data.channels) + " + " + tr("bias {b}").format(b="−0.000")
        widest = QStaticText(f"{longest} = <b>−0.000</b>")
        widest.setTextFormat(Qt.TextFormat.RichText)
        widest.setTextWidth(self.width() - 2 * margin)
        widest.prepare(font=text_font)
        sum_h = max(widest.size().height(), big.height()) + theme.px(8)
        c = self._focus
        labels = [
            tr("window of channel {c}").format(c=c) if data.channels > 1 else tr("window"),
            tr("kernel"),
            tr("products"),
        ]
        small = QFontMetricsF(theme.font(0.9))
        wrap = int(Qt.TextFlag.TextWordWrap)
        self._symbol_w = big.horizontalAdvance(" ⊙ ")
        label_h = small.height()
        for _ in range(2):  # each label wraps within its grid and the sign after it, above the grid
            side = min(self.height() - 2 * margin - sum_h - label_h - 4, (self.width() - 2 * margin) / 4.2)
            pitch = max(side + self._symbol_w, 1.0)
            label_h = max(
                small.boundingRect(QRectF(0, 0, pitch, 1e6), wrap, text).height() for text in labels
            )
        cell = side / data.k
        top = margin + label_h + 4
        self._grids = [Grid(margin + i * pitch, top, cell, data.k, data.k) for i in range(3)]
        self._sum_rect = QRectF(margin, top + side + theme.px(6), self.width() - 2 * margin, sum_h)
        for grid, label, symbol in zip(self._grids, labels, (" ⊙ ", " = ", ""), strict=True):
            painter.setPen(palette.muted)
            painter.setFont(theme.font(0.9))
            painter.drawText(
                QRectF(grid.left, margin, pitch, label_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
                label,
            )
            painter.setFont(text_font)
            painter.setPen(palette.text)
            rect = grid.rect()
            painter.drawText(
                QRectF(rect.right(), rect.top(), self._symbol_w, rect.height()),
                Qt.AlignmentFlag.AlignCenter,
                symbol,
            )
        self._paint_grid(
            painter, self._grids[1], data.kernel[c], theme.symmetric_levels(data.kernel), theme.DIVERGING_LUT
        )

    def _paint_grid(
        self, painter: QPainter, grid: Grid, values: np.ndarray, levels: tuple[float, float], lut: np.ndarray
    ) -> None:
        """One k×k grid: colours, cell lines and the numbers."""
        paint_values(painter, grid, values, levels, lut, min_cell=4, scale=1.2)

    def paint_dynamic(self, painter: QPainter, data: ConvData) -> None:
        """The window and products of the current step, the channel's sum, and the sum line."""
        step = self._record
        assert step is not None
        c = self._focus
        window, products = self._grids[0], self._grids[2]
        self._paint_grid(painter, window, step.window[c], data.input_levels, data.input_lut)
        self._hatch_window_padding(painter, window, data, step)
        self._paint_grid(painter, products, step.products[c], data.product_levels, theme.DIVERGING_LUT)
        painter.setPen(theme.current().text)
        painter.setFont(theme.font(1.3, bold=True))
        rect = products.rect()
        painter.drawText(
            QRectF(rect.right(), rect.top(), self.width() - rect.right(), rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"  → Σ = {theme.format_value(self.terms[c], 3)}",
        )
        self._paint_sum_line(painter, data, self._sum_rect)

    def _hatch_window_padding(self, painter: QPainter, grid: Grid, data: ConvData, step: ConvStep) -> None:
        """Hatch the cells of the window that lie on padding zeros."""
        p = data.pads
        if not any(p):
            return
        top, left = step.row * data.stride, step.col * data.stride
        height, width = data.x.shape[1:]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hatch_brush(theme.current().accent))
        for i in range(data.k):
            for j in range(data.k):
                row, col = top + i, left + j
                if row < p.top or col < p.left or row >= p.top + height or col >= p.left + width:
                    painter.drawRect(grid.cells(i, j))

    def _paint_sum_line(self, painter: QPainter, data: ConvData, rect: QRectF) -> None:
        """'s0 + s1 + … + b = result', the focused channel's term highlighted, wrapped to ``rect``."""
        palette = theme.current()
        terms = []
        for c, term in enumerate(self.terms):
            text = theme.format_value(term, 3)
            if term < 0 and c > 0:
                text = f"({text})"
            if c == self._focus and data.channels > 1:
                text = f"<b style='color:{palette.accent.name()}'>{text}</b>"
            terms.append(text)
        bias = tr("bias {b}").format(b=theme.format_value(self.bias, 3))
        html = f"{' + '.join(terms)} + {bias} = <b>{theme.format_value(self.result, 3)}</b>"
        # One rich-text layout per frame, wrapped to the panel, instead of one drawText per term.
        text = QStaticText(html)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextWidth(rect.width())
        painter.setFont(theme.font(1.15))
        painter.setPen(palette.text)
        painter.drawStaticText(rect.topLeft(), text)


class SlidingKernelView(DetailView):
    """A frame in which one kernel slides over its input: ``canvas`` and ``formula`` follow the step player,
    and hovering an output cell jumps there. ``ConvView`` and the convolution playground are both one.

    Subclasses put ``canvas`` and ``formula`` into ``stage_layout`` and set ``_data``; ``_focus`` is the
    input channel whose numbers the formula shows.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None, *, reveal: bool = False) -> None:
        super().__init__(object_name, parent)
        self._data: ConvData | None = None
        self._focus = 0
        self.canvas = ConvCanvas(reveal=reveal)
        self.formula = FormulaPanel()
        self.canvas.sigHoverCell.connect(self._hovered)
        self.player.sigStepChanged.connect(self._show_step)

    def data(self) -> ConvData | None:
        """The convolution shown now; None when there is none (no input, or settings that cannot work)."""
        return self._data

    def _show_step(self, step: int) -> None:
        data = self._data
        if data is None:
            return
        record = data.step(step)
        self.canvas.set_step(step)
        self.formula.set_state(data, record, self._focus)
        self.player.set_caption(conv_caption(record.row, record.col, step + 1, data.count))

    def _hovered(self, row: int, col: int) -> None:
        if self._data is None:
            return
        self.player.pause()
        self.player.set_step(row * self._data.out_shape[1] + col)


class ConvView(SlidingKernelView):
    """The convolution explanation for one output map of a conv layer (objectName ``"conv_view"``).

    Use ``set_trace(trace, layer_index, channel)`` for a layer of a traced network, or ``set_arrays`` for
    plain arrays. ``channel`` is the output map.

    Signals:
        sigWeightEdited(layer_index, out_channel, in_channel, row, col, value): the student set one weight
            of the traced layer by hand (the window makes the new model).

    Shape:
        set_arrays: x ``(C_in, H, W)``, w ``(C_in, k, k)``, b scalar.
    """

    sigWeightEdited = Signal(int, int, int, int, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("conv_view", parent)
        self.channel_box = QSpinBox()
        self.channel_box.setObjectName("channel")
        self.channel_box.valueChanged.connect(self._channel_chosen)
        self.gif_button = button("export_gif", self._ask_gif)
        self.weight_editor = WeightEditor()
        self.weight_editor.sigEdited.connect(self._weight_edited)
        self.toolbar.addWidget(self.channel_box)
        self.toolbar.addWidget(self.weight_editor)
        self.toolbar.addWidget(self.gif_button)
        self.finish_toolbar()

        self.hint = QLabel()
        self.stage_layout.addWidget(self.canvas, 1)
        self.stage_layout.addWidget(self.hint)
        self.stage_layout.addWidget(self.formula)
        self.canvas.sigFocusChannel.connect(self.set_focus)
        self.canvas.sigWeightClicked.connect(self._weight_clicked)
        self._trace: Trace | None = None
        self._layer_index = 0
        self._name = "conv"
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Write the controls' texts, the title and the explanation in the current language."""
        self.channel_box.setPrefix(tr("output map "))
        self.weight_editor.retranslate_ui()
        self.gif_button.setText(tr("Save GIF…"))
        self.gif_button.setToolTip(
            tr("Save the sliding kernel as an animated GIF (up to {n} steps from here)").format(
                n=GIF_MAX_FRAMES
            )
        )
        if self._data is not None:
            self._set_data(self._data, self._name, self.channel_box.value())

    # ---- input ----

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain output map ``channel`` of conv layer ``layer_index`` of ``trace`` (None: no input yet)."""
        self._trace, self._layer_index = trace, layer_index
        if trace is None:
            self._set_data(None, "", channel)
            return
        record = trace.layers[layer_index]
        if record.kind not in CONV_KINDS:
            raise ValueError(f"layer {layer_index} ({record.name}) is a {record.kind}, not a conv2d layer")
        channels = record.params["W"].shape[0]
        channel = min(max(channel, 0), channels - 1)
        stride, padding = int(record.config["stride"]), record.config["padding"]
        data = ConvData(
            record.input[0],
            record.params["W"][channel],
            float(record.params["b"][channel]),
            stride,
            padding,
            image_input=layer_index == 0,
            output=record.output[0, channel],
        )
        with signals_blocked(self.channel_box):
            self.channel_box.setRange(0, channels - 1)
            self.channel_box.setValue(channel)
        self.weight_editor.setVisible(True)
        self._set_data(data, record.name, channel)
        self._weight_clicked(*self.weight_editor.chosen())

    def set_arrays(
        self,
        x: np.ndarray,
        w: np.ndarray,
        b: float,
        stride: int = 1,
        padding: int | Sequence[int] = 0,
        *,
        name: str = "conv",
    ) -> None:
        """Explain one filter on plain arrays.

        Shape:
            x ``(C_in, H, W)``, w ``(C_in, k, k)``.
        """
        self._trace = None
        self.weight_editor.setVisible(False)  # plain arrays: no model to edit
        with signals_blocked(self.channel_box):
            self.channel_box.setRange(0, 0)
        self._set_data(ConvData(x, w, b, stride, padding), name, 0)

    def _set_data(self, data: ConvData | None, name: str, channel: int) -> None:
        self._data, self._name = data, name
        self.canvas.set_data(data)
        if data is None:
            self.title.setText(no_input())
            self.player.set_count(0)
            self.formula.set_state(None, None, 0)
            self.set_paragraphs([])
            return
        self._focus = min(self._focus, data.channels - 1)
        self.canvas.set_focus(self._focus)
        self.title.setText(
            conv_title(name, channel, self.channel_box.maximum() + 1, data.k, data.stride, data.pads)
        )
        self.hint.setText(click_channel_hint() if data.channels > 1 else "")
        size = data.x.shape[1:]
        self.set_paragraphs(forward_paragraphs(data.k, data.channels, data.stride, data.pads, size))
        self.player.set_count(data.count)
        self._show_step(self.player.step())

    def _weight_clicked(self, in_channel: int, row: int, col: int) -> None:
        """Choose the weight the editor sets (clamped to this kernel)."""
        data = self._data
        if data is None:
            return
        c = min(in_channel, data.channels - 1)
        r, k = min(row, data.k - 1), min(col, data.k - 1)
        self.weight_editor.show_weight(c, r, k, float(data.kernel[c, r, k]))

    def _weight_edited(self, in_channel: int, row: int, col: int, value: float) -> None:
        if self._trace is not None:
            out = self.channel_box.value()
            self.sigWeightEdited.emit(self._layer_index, out, in_channel, row, col, value)

    def _channel_chosen(self, channel: int) -> None:
        if self._trace is not None:
            self.set_trace(self._trace, self._layer_index, channel)

    # ---- animation ----

    def set_focus(self, channel: int) -> None:
        """Show input channel ``channel``'s numbers in the formula panel."""
        if self._data is None:
            return
        self._focus = min(max(channel, 0), self._data.channels - 1)
        self.canvas.set_focus(self._focus)
        self._show_step(self.player.step())

    def position(self) -> tuple[int, int]:
        """The output (row, col) the kernel is at."""
        if self._data is None:
            return (0, 0)
        return divmod(self.player.step(), self._data.out_shape[1])

    # ---- export ----

    def export_gif(self, path: str | Path, steps: range | None = None) -> Path:
        """Save the animation of ``steps`` (default: up to GIF_MAX_FRAMES from the current step) as a GIF."""
        if self._data is None:
            raise ValueError("there is nothing to animate: the view has no input")
        if steps is None:
            start = self.player.step()
            steps = range(start, min(self._data.count, start + GIF_MAX_FRAMES))
        return record_gif(self.stage, self.player, steps, path)

    def _ask_gif(self) -> None:
        path = ask_gif_path(self, self._name)
        if path:
            self.setCursor(Qt.CursorShape.WaitCursor)
            try:
                self.export_gif(path)
            finally:
                self.unsetCursor()
