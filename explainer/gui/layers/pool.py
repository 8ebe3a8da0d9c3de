"""The pooling family: max and average pooling.

Forward (``PoolView``): the input map is on the left with the window tiling drawn on it, the current
window enlarged in the middle with every number and the maximum ringed, and the output map on the right.
The animation, driven by the core's ``pool_steps``, walks the windows in reading order; hovering either map
jumps to a window.

Backward (``PoolBackwardView``): max pooling routes each gradient to its window's argmax (the mask);
average pooling spreads it evenly, 1/k² to every cell of the window.

Run alone: ``python -m explainer.gui.layers.pool`` (``--backward`` for the backward view).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPen, QRegion
from PySide6.QtWidgets import QWidget

from explainer.core import Trace, maxpool_grad_steps, pool_steps
from explainer.core.steps import PoolStep
from explainer.core.trace import LayerRecord
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import (
    Grid,
    blend,
    fit_cell,
    paint_band,
    paint_highlight,
    paint_uncovered,
    paint_value_tag,
)
from explainer.gui.kit.colorbar import paint_colorbar, range_texts
from explainer.gui.kit.mapboard import MapBoard, Panel, fmt, wrap
from explainer.gui.kit.widgets import label, set_items
from explainer.gui.layers.base import (
    ChannelBackwardDetail,
    FamilyTexts,
    LayerFamily,
    MapCanvas,
    MapView,
    RecordView,
    run_family,
)
from explainer.gui.layers.padding import output_size_paragraph, padding_words, uneven_padding_paragraph
from explainer.gui.layers.poolgrid import INPUT, PoolData, paint_map, pool_layer, pool_options

POOL_KINDS = ("maxpool2d", "avgpool2d")
"""The pooling layers."""

GLOBAL_POOL_KINDS = ("globalavgpool2d",)
"""Global average pooling: one window the size of the whole map."""

VECTOR_ROW = 32
"""Values per row when a layer's output vector is drawn as a map."""


def pool_mode(kind: str) -> str:
    """ "max" for max pooling, "avg" for average pooling (as ``pool_steps`` takes it)."""
    return "max" if kind == "maxpool2d" else "avg"


# ---- texts --------------------------------------------------------------------------------------------


def pool_title(name: str, mode: str, channel: int, channels: int, size: int, stride: int) -> str:
    """The heading of the pooling view."""
    kind = tr("max pooling") if mode == "max" else tr("average pooling")
    return tr(
        "{name} ({kind}): map {channel} of {channels}  ·  {size}×{size} windows, stride {stride}"
    ).format(name=name, kind=kind, channel=channel, channels=channels, size=size, stride=stride)


def forward_paragraphs(mode: str, size: int, stride: int) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining pooling."""
    shrink = size * size if size == stride else None
    if mode == "max":
        first = (
            tr("Max pooling"),
            tr(
                "The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by "
                "its largest value. After ReLU the largest value is the place where the pattern matched "
                "best, so keeping it keeps what matters and drops the rest."
            ).format(k=size, s=stride),
        )
    else:
        first = (
            tr("Average pooling"),
            tr(
                "The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by "
                "the mean of its values: the map is smoothed and shrunk, and no value is singled out."
            ).format(k=size, s=stride),
        )
    why = tr(
        "Pooling has no weights to learn and treats every channel on its own. It makes the maps smaller, "
        "so later layers are cheaper and each of their pixels sees a larger part of the image, and a "
        "stroke that moves by a pixel still gives almost the same result."
    )
    texts = [first, (tr("Why pool"), why)]
    if shrink is not None:
        texts.append(
            (
                tr("Size"),
                tr("Each window of {n} values becomes 1 value: the map has {n} times fewer values.").format(
                    n=shrink
                ),
            )
        )
    return texts


def pool_scale(peak: str, maps: int) -> str:
    """Which colour scale the pooling view uses: the one of the overview's "Per layer" setting."""
    return tr(
        "Colours: one scale, {peak}, for all {n} maps of this layer, as in the overview with the colour "
        "scale “Per layer” (“Per block” and “Whole network” can span more)."
    ).format(peak=peak, n=maps)


def pool_dropped(dropped: int, total: int) -> str:
    """How many input values max pooling threw away."""
    return tr(
        "{n} of {total} values are not the maximum of any window and are dropped ({pct:.1f} %)."
    ).format(n=dropped, total=total, pct=100.0 * dropped / max(total, 1))


def pool_averaged(total: int, outputs: int) -> str:
    """What average pooling does to the number of values."""
    return tr(
        "{total} values are averaged into {out}: nothing is dropped, but {pct:.1f} % fewer numbers remain."
    ).format(total=total, out=outputs, pct=100.0 * (1 - outputs / max(total, 1)))


def pool_uncovered(rows: int, cols: int) -> str:
    """Cells at the bottom/right that no whole window reaches."""
    return tr(
        "The last {r} row(s) and {c} column(s) do not fill a whole window and are ignored (hatched)."
    ).format(r=rows, c=cols)


def pool_padding_note(padding: str, mode: str, count_include_pad: bool) -> str:
    """What the hatched padding cells of a pooling layer hold and how they count."""
    if mode == "max":
        return tr(
            "Padding {p} (hatched) holds −∞: it never wins, so every maximum is an input value."
        ).format(p=padding)
    if count_include_pad:
        return tr(
            "Padding {p} (hatched) holds 0 and counts in the divisor (count_include_pad): windows at the "
            "edge come out smaller."
        ).format(p=padding)
    return tr(
        "Padding {p} (hatched) holds 0 and is left out of the divisor: a window at the edge divides by "
        "its input values only."
    ).format(p=padding)


def ceil_note() -> str:
    """What ceil mode does to the windows."""
    return tr(
        "Ceil mode: the output size is rounded up, so a last window may hang over the edge; the cells it "
        "reaches there are hatched and never count."
    )


def window_caption(row: int, col: int, step: int, total: int) -> str:
    """Which window the pooling animation is at."""
    return tr("window ({row}, {col})  ·  step {step} of {total}").format(
        row=row, col=col, step=step, total=total
    )


def backward_paragraphs(is_max: bool, size: int, padded: bool = False) -> list[tuple[str, str]]:
    """The plain-words explanation of a pooling layer's backward pass."""
    if is_max:
        return [
            (
                tr("Only the maximum gets the gradient"),
                tr(
                    "In the forward pass only the largest value of each {k}×{k} window reached the output, "
                    "so only it can change the loss. The backward pass remembers where each maximum was (the "
                    "mask) and routes the gradient there; the other cells get zero."
                ).format(k=size),
            ),
            (tr("No weights"), tr("Pooling has nothing to learn: it only passes gradients back.")),
        ]
    return [
        (
            tr("Spread evenly"),
            tr(
                "Every cell of a {k}×{k} window counted 1/{n} towards the average, so each receives 1/{n} of "
                "the window's gradient."
            ).format(k=size, n=size * size)
            + (
                " "
                + tr(
                    "A window over the padding divides by fewer cells, so each of its input cells receives "
                    "a larger share; what falls on the padding goes nowhere."
                )
                if padded
                else ""
            ),
        ),
    ]


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a pooling layer does, in words, for the architecture editor's table."""
    text = tr("max of each {k}×{k} window") if kind == "maxpool2d" else tr("mean of each {k}×{k} window")
    return text.format(k=config["size"])


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for a pooling layer's forward (or backward) pass."""
    lines = {
        (True, False): tr("Each window keeps only its largest value."),
        (False, False): tr("Each window is replaced by its average."),
        (True, True): tr("Each gradient goes back to the position of its window's maximum; the rest get 0."),
        (False, True): tr("Each gradient is spread evenly, 1/k² to every cell of its window."),
    }
    return lines[pool_mode(kind) == "max", backward]


# ---- forward ------------------------------------------------------------------------------------------


class PoolCanvas(MapCanvas):
    """Input map with its windows, the current window enlarged, the output map.

    Signals:
        sigHoverStep(int): the mouse is over the window of this step.
    """

    _data: PoolData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pool_canvas", parent)
        self.input = Grid(0, 0, 1, 1, 1)
        self.output = Grid(0, 0, 1, 1, 1)
        self.zoom = Grid(0, 0, 1, 1, 1)

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

    def lay_out(self, data: PoolData) -> None:
        gap = theme.px(36)
        formula_h = QFontMetricsF(theme.font(1.5, bold=True)).height() * 2 + theme.px(16)
        margin, header, width, height = self._frame(formula_h)
        rows, cols = data.grid.shape
        out_h, out_w = data.out_shape
        zoom_side = min(max(width * 0.2, theme.px(120)), theme.px(240), height)
        # Input and output share one cell size when the output fits, so the shrinking is visible.
        cell = fit_cell(width - zoom_side - 2 * gap, height, rows, cols + out_w)
        top = self._place(margin, header, height, cell * rows, width, formula_h)
        self.input = Grid(margin, top, cell, rows, cols)
        zoom_left = margin + cell * cols + gap
        self.zoom = Grid(
            zoom_left, top + (cell * rows - zoom_side) / 2, zoom_side / data.size, data.size, data.size
        )
        self.output = Grid(zoom_left + zoom_side + gap, top + (rows - out_h) * cell / 2, cell, out_h, out_w)

    def paint_static(self, painter: QPainter, data: PoolData) -> None:
        """Both maps, the window tiling, cells no window reaches, and the legend."""
        palette = theme.current()
        small, metrics = self._legend_font(painter)
        for grid, values, title, cells in (
            (self.input, data.grid, tr("input"), data.cells),
            (self.output, data.output, tr("output"), None),
        ):
            paint_map(painter, grid, values, data.levels, cells, data.pad_text())
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

    def paint_dynamic(self, painter: QPainter, data: PoolData) -> None:
        """The current window on the input, enlarged with its numbers, and its output pixel."""
        step = data.steps[min(self._step, data.count - 1)]
        palette = theme.current()
        window = self.input.cells(step.row * data.stride, step.col * data.stride, data.size, data.size)
        zoom = self.zoom.rect()
        band = blend(palette.accent, palette.background, 0.55)
        target = self.output.cells(step.row, step.col)
        paint_band(painter, window, zoom, band)
        paint_band(painter, zoom, target, band)
        cells = data.window_cells(step)
        shown = np.where(cells == INPUT, step.window, 0.0)
        paint_map(painter, self.zoom, shown, data.levels, cells, data.pad_text(), min_cell=4, scale=1.3)
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
            self.sigHoverStep.emit(hit[0] * data.out_shape[1] + hit[1])


class PoolView(MapView):
    """The explanation of a max or average pooling layer (objectName ``"pool_view"``).

    Shape:
        set_arrays: x ``(H, W)``.
    """

    canvas: PoolCanvas
    _data: PoolData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pool_view", PoolCanvas(), parent)

    def _explain(self, record: LayerRecord, layer_index: int, channel: int) -> None:
        """Show map ``channel`` of a pooling layer, coloured on the scale of all its maps."""
        if record.kind not in POOL_KINDS:
            raise ValueError(f"layer {layer_index} ({record.name}) is a {record.kind}, not a pooling layer")
        channels = record.input.shape[1]
        channel = min(max(channel, 0), channels - 1)
        size, stride = int(record.config["size"]), int(record.config["stride"])
        self._show_channels(channel, channels)
        mode = pool_mode(record.kind)
        levels = theme.symmetric_levels(record.input[0])
        options = pool_options(record.config)
        data = PoolData(record.input[0, channel], size, stride, mode, levels, options=options)
        self._set_data(data, record.name, channel, channels)
        scale = pool_scale("±" + range_texts(levels)[1], channels)
        self.stats.setText(f"{self.stats.text()}\n{scale}")

    def set_arrays(
        self,
        x: np.ndarray,
        size: int,
        stride: int | None = None,
        mode: str = "max",
        *,
        name: str = "pool",
        options: Mapping[str, Any] | None = None,
    ) -> None:
        """Explain pooling of one plain map (``options``: padding, ceil_mode, count_include_pad).

        Shape:
            x: ``(H, W)``.
        """
        self._trace = None
        self._show_channels(0, 1)
        stride = size if stride is None else stride
        self._set_data(PoolData(x, size, stride, mode, options=options), name, 0, 1)

    def _write_texts(self, data: PoolData, name: str, channel: int, channels: int) -> None:
        title = pool_title(name, data.mode, channel, channels, data.size, data.stride)
        if any(data.pads):
            title += tr(", padding {p}").format(p=padding_words(data.pads))
        if data.ceil_mode:
            title += tr(", ceil mode")
        self.title.setText(title)
        paragraphs = forward_paragraphs(data.mode, data.size, data.stride)
        if data.pads.uniform is None:
            filler = tr("−∞, so they never win") if data.mode == "max" else tr("zeros")
            paragraphs.append(uneven_padding_paragraph(data.pads, filler))
        height, width = data.x.shape
        paragraphs.append(
            output_size_paragraph(height, width, data.size, data.stride, data.pads, data.ceil_mode)
        )
        self.set_paragraphs(paragraphs)
        lines = []
        if any(data.pads):
            include = data.options["count_include_pad"]
            lines.append(pool_padding_note(padding_words(data.pads), data.mode, include))
        if data.ceil_mode:
            lines.append(ceil_note())
        if data.mode == "max":
            lines.append(pool_dropped(data.x.size - data.kept, data.x.size))
        else:
            lines.append(pool_averaged(data.x.size, data.count))
        if any(data.uncovered):
            lines.append(pool_uncovered(*data.uncovered))
        self.stats.setText("\n".join(lines))

    def _caption(self, step: int) -> str:
        assert self._data is not None
        record = self._data.steps[step]
        return window_caption(record.row, record.col, step + 1, self._data.count)

    def current(self) -> PoolStep | None:
        """The window shown now."""
        return self._data.steps[self.player.step()] if self._data is not None else None


# ---- backward -----------------------------------------------------------------------------------------


def pool_geometry(record: LayerRecord) -> tuple[int, int]:
    """(window size, stride) of a pooling layer: the record's config when it has one, else read from its
    shapes and checked on its numbers (unpadded, floor mode).

    Shape:
        record.input ``(N, C, H, W)``, record.output ``(N, C, H_out, W_out)``.
    """
    if "size" in record.config and "stride" in record.config:
        return int(record.config["size"]), int(record.config["stride"])
    H, out_h = record.input.shape[2], record.output.shape[2]
    mode = pool_mode(record.kind)
    x, y = record.input[0, 0], record.output[0, 0]
    candidates = [(s, s) for s in range(1, H + 1)] + [(z, s) for z in range(1, H + 1) for s in range(1, z)]
    for size, stride in candidates:
        if (H - size) // stride + 1 != out_h or (record.input.shape[3] - size) // stride + 1 != y.shape[1]:
            continue
        values = np.array([step.value for step in pool_steps(x, size, stride, mode)]).reshape(y.shape)
        if np.allclose(values, y, rtol=1e-5, atol=1e-6):
            return size, stride
    raise BadInputError(f"cannot work out the window and stride of {record.name} from its numbers")


class PoolBackwardView(ChannelBackwardDetail):
    """Pooling backward: max pooling routes each gradient to its window's argmax (the mask); average
    pooling spreads it evenly, 1/k² to every cell of the window.

    Shape:
        A (pool input) ``(H, W)``, dL/dY ``(H_out, W_out)`` for one channel.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        tip = tr("Channel (pooling works on each map alone)")
        super().__init__("backward_pool", tip, trace, layer_index, channel, parent)

    def _adopt(self) -> None:
        self.size, self.stride = pool_geometry(self.record)
        self.max = pool_mode(self.record.kind) == "max"
        self.options = pool_options(self.record.config)
        layer = pool_layer(self.size, self.stride, pool_mode(self.record.kind), self.options)
        self.grid_pads = layer.grid_padding(*self.record.input.shape[2:])
        set_items(self.channel_box, [f"c = {c}" for c in range(self.record.input.shape[1])])

    def _explanation(self) -> list[tuple[str, str]]:
        return backward_paragraphs(self.max, self.size, any(self.grid_pads))

    def _build(self) -> None:
        c = self.channel_box.currentIndex()
        x, dy = self.record.input[0, c], self.record.grad_output[0, c]
        options = self.options
        if self.max:
            geometry = {"padding": options["padding"], "ceil_mode": options["ceil_mode"]}
            self.steps = list(maxpool_grad_steps(x, dy, self.size, self.stride, **geometry))
        else:
            self.steps = list(pool_steps(x, self.size, self.stride, "avg", **options))

    def _accumulate(self, count: int) -> np.ndarray:
        """dL/dA after the first ``count`` windows have sent their gradient back.

        Shape:
            returns ``(H, W)`` float64.
        """
        c = self.channel_box.currentIndex()
        dy = self.record.grad_output[0, c].astype(np.float64)
        H, W = self.record.input.shape[2:]
        g = self.grid_pads
        # Average pooling adds onto the padded grid; what lands on padding is dropped at the end.
        dx = np.zeros((H + g.top + g.bottom, W + g.left + g.right))
        s, z = self.stride, self.size
        for step in self.steps[:count]:
            if self.max:
                dx[step.input_index[0] + g.top, step.input_index[1] + g.left] += step.value
            else:
                dx[step.row * s : step.row * s + z, step.col * s : step.col * s + z] += (
                    dy[step.row, step.col] / step.count
                )
        return dx[g.top : g.top + H, g.left : g.left + W]

    def final(self) -> np.ndarray:
        """dL/dA of the channel ``(H, W)`` once every window is done."""
        return self._accumulate(len(self.steps))

    def mask(self) -> np.ndarray:
        """Max pooling's mask: 1 where a window's maximum sits, else 0; ``(H, W)``."""
        mask = np.zeros(self.record.input.shape[2:])
        for step in self.steps:
            mask[step.input_index] = 1.0
        return mask

    def _max_mark(self, step: object, shape: tuple[int, int]) -> np.ndarray | None:
        """Max pooling: a mask with only the current window's maximum, to outline it."""
        if not self.max:
            return None
        mark = np.zeros(shape, bool)
        mark[step.input_index] = True
        return mark

    def _window(self, step: Any) -> tuple[int, int, int, int]:
        """The step's window on the input (row, col, rows, cols), without the padding it covers."""
        H, W = self.record.input.shape[2:]
        top = step.row * self.stride - self.grid_pads.top
        left = step.col * self.stride - self.grid_pads.left
        bottom, right = min(top + self.size, H), min(left + self.size, W)
        top, left = max(top, 0), max(left, 0)
        return top, left, bottom - top, right - left

    def _show_step(self, index: int, step: Any) -> None:
        c = self.channel_box.currentIndex()
        z = self.size
        window = self._window(step)
        x = self.record.input[0, c].astype(np.float64)
        dy = self.record.grad_output[0, c].astype(np.float64)
        built = self._accumulate(index + 1)
        levels = theme.symmetric_levels(self.final())
        self.player.set_caption(tr("window {i} of {n}").format(i=index + 1, n=len(self.steps)))
        panels = [
            Panel(
                tr("A[{c}] (pool input)").format(c=c),
                x,
                highlight=window,
                marks=self._max_mark(step, x.shape),
                caption=tr("outlined: the window's maximum") if self.max else tr("the window"),
            ),
        ]
        if self.max:
            panels.append(
                Panel(
                    tr("mask"),
                    self.mask(),
                    levels=(-1.0, 1.0),
                    highlight=window,
                    numbers=False,
                    caption=tr("1 where the max was, 0 elsewhere"),
                )
            )
        panels += [
            Panel(
                tr("dL/dY[{c}]").format(c=c),
                dy,
                highlight=(step.row, step.col, 1, 1),
                caption=tr("gradient arriving at the pooled map"),
            ),
            Panel(
                tr("dL/dA[{c}]").format(c=c),
                built,
                levels=levels,
                highlight=window,
                caption=tr("built window by window"),
            ),
        ]
        self.board.set_panels(panels)
        if self.max:
            i, j = step.input_index
            text = tr(
                "window ({r},{s}): max {m} at ({i},{j}) → dL/dA[{i},{j}] += dL/dY[{r},{s}] = <b>{v}</b>; "
                "the other {n} cells get 0"
            ).format(r=step.row, s=step.col, m=fmt(x[i, j]), i=i, j=j, v=fmt(step.value), n=z * z - 1)
        else:
            g = dy[step.row, step.col]
            text = tr(
                "window ({r},{s}): each of the {n} cells gets dL/dY[{r},{s}] / {n} = {g} / {n} = <b>{v}</b>"
            ).format(r=step.row, s=step.col, n=step.count, g=fmt(g), v=fmt(g / step.count))
        self.formula.setText(text)


TEXTS = FamilyTexts(describe, rule)


# ---- global average pooling -----------------------------------------------------------------------------


def global_paragraphs(backward: bool) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining global average pooling forward (or backward)."""
    if backward:
        return [
            (
                tr("Spread over the whole map"),
                tr(
                    "Every one of the map's H·W cells counted 1/(H·W) towards its channel's mean, so each "
                    "receives 1/(H·W) of that channel's gradient."
                ),
            )
        ]
    return [
        (
            tr("Global average pooling"),
            tr(
                "Each map is replaced by one number, the mean of all its values: a window as large as the "
                "map. The network then has one number per channel, however large the image, so no Flatten "
                "and far fewer dense weights are needed."
            ),
        )
    ]


def vector_cell(index: int) -> tuple[int, int, int, int]:
    """The highlight of entry ``index`` of a vector drawn with :func:`wrap` at :data:`VECTOR_ROW`."""
    row, col = divmod(index, VECTOR_ROW)
    return row, col, 1, 1


class GlobalPoolView(RecordView):
    """Global average pooling forward: each map, the mean it becomes, and the vector of all the means.

    objectName ``"global_pool_view"``; the animation walks the channels (``channel`` starts it on one).

    Shape:
        record.input ``(N, C, H, W)``, record.output ``(N, C)``.
    """

    KINDS = GLOBAL_POOL_KINDS
    WHAT = "a global pooling layer"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("global_pool_view", parent)
        self.finish_toolbar()
        self.board = MapBoard()
        self.formula = label("formula", wrap=True)
        self.stage_layout.addWidget(self.board, 1)
        self.stage_layout.addWidget(self.formula)
        self.player.sigStepChanged.connect(self._show_step)

    def _map_count(self, record: LayerRecord) -> int:
        return record.input.shape[1]

    def _write_texts(self, record: LayerRecord) -> None:
        self.title.setText(
            tr("{name} (global average pooling): {c} maps become {c} numbers").format(
                name=record.name, c=record.input.shape[1]
            )
        )
        self.set_paragraphs(global_paragraphs(backward=False))

    def _show_step(self, step: int) -> None:
        if self.record is None:
            return
        x = self.record.input[0, step].astype(np.float64)
        means = self.record.output[0].astype(np.float64)
        self.player.set_caption(tr("map {c} of {n}").format(c=step, n=len(means)))
        self.board.set_panels(
            [
                Panel(tr("map {c}").format(c=step), x, caption=tr("every value of the map")),
                Panel(
                    tr("output: one mean per map"),
                    wrap(means, VECTOR_ROW),
                    highlight=vector_cell(step),
                    caption=tr("the mean of map {c}").format(c=step),
                ),
            ]
        )
        self.formula.setText(
            tr("y[{c}] = (sum of the {n} values) / {n} = {s} / {n} = {y}").format(
                c=step, n=x.size, s=fmt(float(x.sum())), y=fmt(float(means[step]))
            )
        )


class GlobalPoolBackwardView(ChannelBackwardDetail):
    """Global average pooling backward: each channel's gradient spread evenly, 1/(H·W), over its map.

    Shape:
        dL/dy ``(C,)``; dL/dx of one channel ``(H, W)``.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_global_pool", tr("Channel"), trace, layer_index, channel, parent)

    def _adopt(self) -> None:
        set_items(self.channel_box, [f"c = {c}" for c in range(self.record.input.shape[1])])

    def _explanation(self) -> list[tuple[str, str]]:
        return global_paragraphs(backward=True)

    def _build(self) -> None:
        self.steps = [self.channel_box.currentIndex()]

    def final(self) -> np.ndarray:
        """dL/dx of the chosen channel ``(H, W)``."""
        c = self.channel_box.currentIndex()
        H, W = self.record.input.shape[2:]
        return np.full((H, W), float(self.record.grad_output[0, c]) / (H * W))

    def _show_step(self, index: int, step: Any) -> None:
        dy = self.record.grad_output[0].astype(np.float64)
        dx = self.final()
        self.player.set_caption(tr("map {c}").format(c=step))
        self.board.set_panels(
            [
                Panel(
                    tr("dL/dy (from above)"),
                    wrap(dy, VECTOR_ROW),
                    highlight=vector_cell(step),
                    caption=tr("one gradient per map"),
                ),
                Panel(
                    tr("dL/dx[{c}]").format(c=step),
                    dx,
                    levels=theme.symmetric_levels(dy / dx.size),
                    caption=tr("the same share in every cell"),
                ),
            ]
        )
        self.formula.setText(
            tr("each of the {n} cells gets dL/dy[{c}] / {n} = {g} / {n} = <b>{v}</b>").format(
                n=dx.size, c=step, g=fmt(float(dy[step])), v=fmt(float(dx.flat[0]))
            )
        )


def global_describe(kind: str, config: Mapping[str, Any]) -> str:
    """What global average pooling does, for the architecture editor's table."""
    return tr("mean of each whole map: one number per channel")


def global_rule(kind: str, backward: bool) -> str:
    """The step-through page's line for global average pooling."""
    if backward:
        return tr("Each channel's gradient is spread evenly, 1/(H·W), over its map.")
    return tr("Each map is replaced by its mean.")


GLOBAL_POOL = LayerFamily(
    "global_pool",
    GLOBAL_POOL_KINDS,
    GlobalPoolView,
    GlobalPoolBackwardView,
    FamilyTexts(global_describe, global_rule),
    closes_block=True,
)

POOL = LayerFamily(
    "pool", POOL_KINDS, PoolView, PoolBackwardView, TEXTS, reads_own_channel=True, closes_block=True
)


if __name__ == "__main__":
    run_family(POOL)
