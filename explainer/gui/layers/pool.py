"""The pooling detail view: one map cut into windows, each window reduced to its maximum (or mean).

The input map is on the left with the window tiling drawn on it, the current window enlarged in the middle
with every number and the maximum ringed, and the output map on the right. The animation, driven by the
core's ``pool_steps``, walks the windows in reading order; hovering either map jumps to a window.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPen, QRegion
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from explainer.core import Trace, pool_steps
from explainer.core.steps import PoolStep
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import (
    CachedCanvas,
    DetailView,
    Grid,
    MapChoice,
    blend,
    fit_cell,
    fit_number_font,
    paint_band,
    paint_cell_lines,
    paint_highlight,
    paint_image,
    paint_numbers,
    paint_uncovered,
    paint_value_tag,
    preview,
    text_colours,
)
from explainer.gui.kit.colorbar import paint_colorbar, range_texts
from explainer.gui.layers import texts as explain_text
from explainer.gui.state import signals_blocked


class PoolData:
    """One map through a pooling layer; the window list is built on first use.

    Shape:
        x: ``(H, W)``; output: ``(H_out, W_out)``.
    """

    def __init__(
        self, x: np.ndarray, size: int, stride: int, mode: str, levels: tuple[float, float] | None = None
    ) -> None:
        self.x = np.asarray(x, np.float32)
        self.size, self.stride, self.mode = int(size), int(stride), mode
        height, width = self.x.shape
        self.out_shape = ((height - size) // stride + 1, (width - size) // stride + 1)
        # A trace's map is coloured on the scale of all the layer's maps, the overview's "Per layer" one.
        self.levels = theme.symmetric_levels(self.x) if levels is None else levels

    @property
    def count(self) -> int:
        """Number of windows."""
        return self.out_shape[0] * self.out_shape[1]

    @cached_property
    def steps(self) -> list[PoolStep]:
        """The core's pool_steps, materialised once."""
        return list(pool_steps(self.x, self.size, self.stride, self.mode))

    @cached_property
    def output(self) -> np.ndarray:
        """The output map, from the steps' values."""
        return np.array([s.value for s in self.steps], np.float32).reshape(self.out_shape)

    @cached_property
    def kept(self) -> int:
        """How many input values are the maximum of at least one window (all of them for average pooling)."""
        if self.mode != "max":
            return self.x.size
        winners = {
            (s.row * self.stride + s.index[0], s.col * self.stride + s.index[1])
            for s in self.steps
            if s.index
        }
        return len(winners)

    @property
    def uncovered(self) -> tuple[int, int]:
        """Rows and columns at the bottom/right that no window reaches."""
        height, width = self.x.shape
        reach_h = (self.out_shape[0] - 1) * self.stride + self.size
        reach_w = (self.out_shape[1] - 1) * self.stride + self.size
        return height - reach_h, width - reach_w

    def formula(self, step: PoolStep) -> str:
        """``max(a, b, c, d) = m`` or ``(a + b + c + d) / 4 = m`` with the window's numbers."""
        numbers = [theme.format_value(v, 2) for v in step.window.ravel().tolist()]
        result = theme.format_value(step.value, 2)
        if self.mode == "max":
            return f"max({', '.join(numbers)}) = {result}"
        return f"({' + '.join(numbers)}) / {step.window.size} = {result}"


class PoolCanvas(CachedCanvas):
    """Input map with its windows, the current window enlarged, the output map.

    Signals:
        sigHoverWindow(int): the mouse is over the window of this step.
    """

    sigHoverWindow = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pool_canvas")
        self.setMinimumSize(theme.px(480), theme.px(260))
        self._data: PoolData | None = None
        self._step = 0
        self.input = Grid(0, 0, 1, 1, 1)
        self.output = Grid(0, 0, 1, 1, 1)
        self.zoom = Grid(0, 0, 1, 1, 1)
        self._formula = QRectF()
        self._legend_top = 0.0

    def sizeHint(self) -> QSize:
        """Two maps and the enlarged window side by side."""
        return QSize(theme.px(900), theme.px(460))

    def has_content(self) -> bool:
        """True once there is data."""
        return self._data is not None

    def set_data(self, data: PoolData | None) -> None:
        """Show ``data`` (None: the placeholder)."""
        self._data = data
        self.invalidate()

    def set_step(self, step: int) -> None:
        """Show the window at ``step``."""
        self._step = step
        self.update_dynamic()

    def dynamic_region(self) -> QRegion:
        """The window, the enlarged window, the output pixel with its value tag, and the formula line."""
        data = self._data
        assert data is not None
        step = data.steps[min(self._step, data.count - 1)]
        pad = theme.px(4)
        window = self.input.cells(step.row * data.stride, step.col * data.stride, data.size, data.size)
        target = self.output.cells(step.row, step.col)
        tag = QFontMetricsF(theme.font(1.0, bold=True))
        tag_w, tag_h = tag.horizontalAdvance("\u22120.00") + 4 * pad, tag.height() + 2 * pad
        region = QRegion(
            window.united(self.zoom.rect()).united(target).adjusted(-pad, -pad, pad, pad).toAlignedRect()
        )
        region = region.united(target.adjusted(-tag_w - pad, -tag_h, tag_w + pad, tag_h).toAlignedRect())
        return region.united(self._formula.toAlignedRect())

    def _layout(self, data: PoolData) -> None:
        margin, gap = theme.px(10), theme.px(36)
        header = QFontMetricsF(theme.font(0.9)).height() * 2 + theme.px(10)
        formula_h = QFontMetricsF(theme.font(1.5, bold=True)).height() * 2 + theme.px(16)
        width = self.width() - 2 * margin
        height = self.height() - 2 * margin - header - formula_h
        rows, cols = data.x.shape
        out_h, out_w = data.out_shape
        zoom_side = min(max(width * 0.2, theme.px(120)), theme.px(240), height)
        # Input and output share one cell size when the output fits, so the shrinking is visible.
        cell = fit_cell(width - zoom_side - 2 * gap, height, rows, cols + out_w)
        top = margin + header + (height - cell * rows) / 2
        self._legend_top = top - header + theme.px(6)
        self.input = Grid(margin, top, cell, rows, cols)
        zoom_left = margin + cell * cols + gap
        self.zoom = Grid(
            zoom_left, top + (cell * rows - zoom_side) / 2, zoom_side / data.size, data.size, data.size
        )
        self.output = Grid(zoom_left + zoom_side + gap, top + (rows - out_h) * cell / 2, cell, out_h, out_w)
        self._formula = QRectF(margin, top + cell * rows + theme.px(6), width, formula_h)

    def paint_static(self, painter: QPainter) -> None:
        """Both maps, the window tiling, cells no window reaches, and the legend."""
        data = self._data
        assert data is not None
        self._layout(data)
        palette = theme.current()
        small = theme.font(0.9)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        for grid, values, title in (
            (self.input, data.x, tr("input")),
            (self.output, data.output, tr("output")),
        ):
            indices = theme.to_indices(values, data.levels)
            paint_image(painter, grid, theme.array_to_qimage(values, data.levels, theme.DIVERGING_LUT))
            paint_cell_lines(painter, grid, palette.frame)
            if fit_number_font(painter, grid.cell):
                paint_numbers(painter, grid, values, text_colours(theme.DIVERGING_LUT, indices))
            painter.setFont(small)
            painter.setPen(palette.text)
            painter.drawText(QPointF(grid.left, self._legend_top + metrics.ascent()), title)
        bar_left = self.input.left + metrics.horizontalAdvance(tr("input")) + theme.px(10)
        bar = QRectF(
            bar_left, self._legend_top + theme.px(3), theme.px(110), theme.px(theme.COLORBAR_HEIGHT_PX)
        )
        paint_colorbar(painter, bar, theme.DIVERGING_LUT, data.levels)
        paint_uncovered(painter, self.input, *data.uncovered, palette.muted)
        if data.stride >= data.size:
            # Non-overlapping windows: draw the tiling, so the student sees the blocks.
            painter.setPen(QPen(palette.text, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for row in range(data.out_shape[0]):
                for col in range(data.out_shape[1]):
                    painter.drawRect(
                        self.input.cells(row * data.stride, col * data.stride, data.size, data.size)
                    )

    def paint_dynamic(self, painter: QPainter) -> None:
        """The current window on the input, enlarged with its numbers, and its output pixel."""
        data = self._data
        assert data is not None
        step = data.steps[min(self._step, data.count - 1)]
        palette = theme.current()
        window = self.input.cells(step.row * data.stride, step.col * data.stride, data.size, data.size)
        zoom = self.zoom.rect()
        band = blend(palette.accent, palette.background, 0.55)
        target = self.output.cells(step.row, step.col)
        paint_band(painter, window, zoom, band)
        paint_band(painter, zoom, target, band)
        indices = theme.to_indices(step.window, data.levels)
        paint_image(painter, self.zoom, theme.array_to_qimage(step.window, data.levels, theme.DIVERGING_LUT))
        paint_cell_lines(painter, self.zoom, palette.frame, min_cell=4)
        if fit_number_font(painter, self.zoom.cell, scale=1.3):
            paint_numbers(painter, self.zoom, step.window, text_colours(theme.DIVERGING_LUT, indices))
        paint_highlight(painter, window, palette.accent, 3.0)
        paint_highlight(painter, zoom, palette.accent, 3.0)
        paint_highlight(painter, target, palette.accent, 3.0)
        if step.index is not None:
            ring = QPen(palette.text, 3.0)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for grid, origin in (
                (self.zoom, (0, 0)),
                (self.input, (step.row * data.stride, step.col * data.stride)),
            ):
                cell = grid.cells(origin[0] + step.index[0], origin[1] + step.index[1])
                inset = max(cell.width() * 0.12, 1.5)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.drawEllipse(cell.adjusted(inset, inset, -inset, -inset))
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_value_tag(painter, target, theme.format_value(step.value, 2), QRectF(self.rect()))
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.5, bold=True))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self._formula, flags, data.formula(step))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hovering the output jumps to that window; hovering the input to the window holding the cell."""
        data = self._data
        if data is None or not self.ensure_layout():
            return
        point = event.position()
        hit = self.output.cell_at(point)
        cell = self.input.cell_at(point) if hit is None else None
        if cell is not None:
            row = min(cell[0] // data.stride, data.out_shape[0] - 1)
            col = min(cell[1] // data.stride, data.out_shape[1] - 1)
            hit = (row, col)
        if hit is not None:
            self.sigHoverWindow.emit(hit[0] * data.out_shape[1] + hit[1])


class PoolView(MapChoice, DetailView):
    """The explanation of a max or average pooling layer (objectName ``"pool_view"``).

    Shape:
        set_arrays: x ``(H, W)``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pool_view", parent)
        self.channel_box = QSpinBox()
        self.channel_box.setObjectName("channel")
        self.channel_box.valueChanged.connect(self._channel_chosen)
        self.toolbar.addWidget(self.channel_box)
        self.finish_toolbar()
        self.canvas = PoolCanvas()
        self.stats = QLabel()
        self.stats.setObjectName("stats")
        self.stats.setWordWrap(True)
        self.stage_layout.addWidget(self.canvas, 1)
        self.stage_layout.addWidget(self.stats)
        self.canvas.sigHoverWindow.connect(self._hovered)
        self.player.sigStepChanged.connect(self._show_step)
        self._trace: Trace | None = None
        self._layer_index = 0
        self._data: PoolData | None = None
        self._name = ""
        self._apply_fonts()
        theme.notifier().sigChanged.connect(self._apply_fonts)
        self.retranslate_ui()

    def _apply_fonts(self) -> None:
        self.stats.setFont(theme.font(1.2))

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain map ``channel`` of pooling layer ``layer_index`` of ``trace`` (None: no input yet)."""
        self._trace, self._layer_index = trace, layer_index
        if trace is None:
            self._set_data(None, "", 0, 1)
            return
        record = trace.layers[layer_index]
        if record.kind not in ("maxpool2d", "avgpool2d"):
            raise ValueError(f"layer {layer_index} ({record.name}) is a {record.kind}, not a pooling layer")
        channels = record.input.shape[1]
        channel = min(max(channel, 0), channels - 1)
        size, stride = int(record.config["size"]), int(record.config["stride"])
        with signals_blocked(self.channel_box):
            self.channel_box.setRange(0, channels - 1)
            self.channel_box.setValue(channel)
        mode = "max" if record.kind == "maxpool2d" else "avg"
        levels = theme.symmetric_levels(record.input[0])
        data = PoolData(record.input[0, channel], size, stride, mode, levels)
        self._set_data(data, record.name, channel, channels)
        scale = explain_text.pool_scale("±" + range_texts(levels)[1], channels)
        self.stats.setText(f"{self.stats.text()}\n{scale}")

    def set_arrays(
        self, x: np.ndarray, size: int, stride: int | None = None, mode: str = "max", *, name: str = "pool"
    ) -> None:
        """Explain pooling of one plain map.

        Shape:
            x: ``(H, W)``.
        """
        self._trace = None
        with signals_blocked(self.channel_box):
            self.channel_box.setRange(0, 0)
        self._set_data(PoolData(x, size, size if stride is None else stride, mode), name, 0, 1)

    def _set_data(self, data: PoolData | None, name: str, channel: int, channels: int) -> None:
        self._data, self._name = data, name
        self.canvas.set_data(data)
        if data is None:
            self.title.setText(explain_text.no_input())
            self.stats.setText("")
            self.set_paragraphs([])
            self.player.set_count(0)
            return
        self.title.setText(
            explain_text.pool_title(name, data.mode, channel, channels, data.size, data.stride)
        )
        self.set_paragraphs(explain_text.pool_paragraphs(data.mode, data.size, data.stride))
        lines = []
        if data.mode == "max":
            lines.append(explain_text.pool_dropped(data.x.size - data.kept, data.x.size))
        else:
            lines.append(explain_text.pool_averaged(data.x.size, data.count))
        if any(data.uncovered):
            lines.append(explain_text.pool_uncovered(*data.uncovered))
        self.stats.setText("\n".join(lines))
        self.player.set_count(data.count)
        self._show_step(self.player.step())

    def _channel_chosen(self, channel: int) -> None:
        if self._trace is not None:
            self.set_trace(self._trace, self._layer_index, channel)

    def _show_step(self, step: int) -> None:
        data = self._data
        if data is None:
            return
        self.canvas.set_step(step)
        record = data.steps[step]
        self.player.set_caption(explain_text.window_caption(record.row, record.col, step + 1, data.count))

    def _hovered(self, step: int) -> None:
        self.player.pause()
        self.player.set_step(step)

    def data(self) -> PoolData | None:
        """What the view shows now."""
        return self._data

    def channel(self) -> int:
        """The map shown now (the main window keeps it when a new stroke arrives)."""
        return self.channel_box.value()

    def current(self) -> PoolStep | None:
        """The window shown now."""
        return self._data.steps[self.player.step()] if self._data is not None else None


if __name__ == "__main__":

    def _make(trace: Trace) -> PoolView:
        view = PoolView()
        view.set_trace(trace, 4, 0)
        return view

    preview(_make)
