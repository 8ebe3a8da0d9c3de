"""The overview: every layer's feature maps side by side, updated live (CNN Explainer's main view).

Design, driven by the live-drawing budget (a whole-window repaint per mouse move, p95 <= 33 ms):

- One QWidget paints everything with QPainter; pyqtgraph is not used here. A ViewBox per map measured
  38 ms median per update and one scene item per layer 14-20 ms; a painter with one ``drawImage`` per map
  is a few milliseconds.
- ``set_model`` and ``resizeEvent`` compute the layout once (a rectangle per map, per label, per colour
  bar) and render the static parts (background, labels, frames, faint connections) into a cached pixmap.
- ``set_trace`` writes every column's values into one preallocated float32 buffer, scaled in place by the
  column's levels, then converts the whole buffer to LUT indices and gathers packed RGB32 colours into one
  preallocated uint32 buffer. Each column's QImage wraps its slice of that buffer (made once in
  ``set_model``), so a new trace creates no Qt objects, only new pixel values; then ``update()``.
- ``paintEvent`` draws the cached pixmap, one nearest-neighbour ``drawImage`` per map (pixelated is honest
  for a 7x7 map), the colour bars with their ranges, and only while hovering, the connections of the
  hovered map and its min/max.

Columns are decided by ``layer.kind`` (never by name): 3-D outputs are drawn as a grid of heatmaps, a short
vector (the logits) as one cell per value aligned with the class rows of ``PredictionView``, a long vector
(flatten) as a thin strip whose rows are the previous maps' rows stacked, so flatten visibly keeps every
number of the maps before it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QWidget

from explainer.core.trace import Trace
from explainer.errors import BadInputError
from explainer.gui import textcheck, theme
from explainer.gui.i18n import tr
from explainer.gui.kit.colorbar import paint_gradient, paint_range_labels, range_label_span
from explainer.gui.layers import registry
from explainer.gui.network.prediction import ROW_GAP_PX, ROW_MAX_PX, PredictionView, row_rects

QUANTITIES = ("activation", "gradient")
"""What the maps show: each layer's output, or dL/d(output) when the trace carries gradients."""

INPUT_INDEX = -1
"""The ``layer_index`` reported for the input column in signals and accepted by the accessors."""

# A layer of these kinds reads only the same channel of its input; all other kinds read every channel.
CHANNELWISE_KINDS = registry.kinds_where(reads_own_channel=True)
# A block (scale mode "block") starts at one of these once the running block has been closed by a pool,
# a flatten or a dense layer.
BLOCK_START_KINDS = registry.kinds_where(starts_block=True)
BLOCK_CLOSING_KINDS = registry.kinds_where(closes_block=True)
FLATTEN_KINDS = registry.kinds("flatten")
DENSE_KINDS = registry.kinds("dense")

HOVER_FADE = 0.3
"""Opacity of the maps that are not involved while a map is hovered."""

STAGGER_GAIN = 1.1
"""Column titles are staggered over two rows when that gives the maps at least this much more area."""

VECTOR_CELLS_MAX = 32
"""Vectors up to this length get one cell per value; longer ones are drawn as a strip."""


class Model(Protocol):
    """What the overview needs from a model (``explainer.core.Sequential`` satisfies it)."""

    layers: Sequence[Any]  # each with ``kind: str`` and ``name: str | None``
    input_shape: tuple[int, ...]
    class_names: Sequence[str]

    def output_shapes(self) -> list[tuple[int, ...]]:
        """The per-sample output shape of every layer."""
        ...


def _line_height(font: QFont, texts: Sequence[str]) -> float:
    """The height of the tallest of ``texts`` as one line in ``font`` (fallback fonts included)."""
    metrics = QFontMetricsF(font)
    room = QRectF(0, 0, 1e6, 1e6)
    return max([metrics.height()] + [metrics.boundingRect(room, 0, text).height() for text in texts])


def shape_text(shape: Sequence[int]) -> str:
    """A per-sample shape as ``8x28x28``.

    Shape:
        shape: ``(C, H, W)`` or ``(F,)``.
    """
    return "x".join(str(n) for n in shape)


@dataclass
class _Column:
    """One column of the overview: the input or one layer, its layout and its slice of the pixel buffer.

    Shape:
        shape: per-sample ``(C, H, W)`` or ``(F,)``; the column image is ``image_shape`` = (rows, cols):
        maps stacked vertically ``(C*H, W)``, a flatten strip ``(C*H, W)`` of the previous maps, or a
        plain vector ``(F, 1)``.
    """

    layer_index: int
    name: str
    kind: str
    shape: tuple[int, ...]
    image_shape: tuple[int, int]
    offset: int
    cells: list[QRectF] = field(default_factory=list)
    sources: list[QRectF] = field(default_factory=list)
    box: QRectF = field(default_factory=QRectF)
    image: QImage | None = None
    faded: QImage | None = None

    @property
    def spatial(self) -> bool:
        """True for maps ``(C, H, W)``, False for vectors."""
        return len(self.shape) == 3

    @property
    def size(self) -> int:
        """Number of values in the column."""
        return math.prod(self.shape)

    @property
    def strip(self) -> bool:
        """True for a long vector drawn as one strip image."""
        return not self.spatial and self.size > VECTOR_CELLS_MAX

    @property
    def units(self) -> int:
        """Number of hoverable items: channels for maps, values for vectors."""
        return self.shape[0] if self.spatial else self.size

    @property
    def label(self) -> str:
        """The column title as painted, e.g. ``conv1 8x28x28``."""
        return f"{self.name} {shape_text(self.shape)}"


class OverviewView(QWidget):
    """Every layer of the model as a column of heatmaps, input to prediction (objectName "overview").

    Signals:
        sigMapClicked(layer_index, channel): a map (or vector value) was clicked. ``layer_index`` indexes
            ``trace.layers``; the input column is ``INPUT_INDEX`` (-1). For vectors ``channel`` is the index
            of the value. A click on the softmax column (or its title) reports the last dense layer, whose
            scores the softmax turns into probabilities, and the class clicked (the predicted one for the
            title).
        sigMapHovered(layer_index, channel): the pointer entered a map; ``(-1, -1)`` when it left the maps.

    Shape:
        traces are read at sample 0: ``trace.input (N, C, H, W)``, ``trace.layers[i].output (N, ...)``.
    """

    sigMapClicked = Signal(int, int)
    sigMapHovered = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._prediction = PredictionView(self)
        self._columns: list[_Column] = []
        self._class_names: list[str] = []
        self._blocks: list[list[int]] = []
        self._trace: Trace | None = None
        self._mode = "layer"
        self._quantity = "activation"
        self._values = np.zeros(0, dtype=np.float32)
        self._indices = np.zeros(0, dtype=np.uint8)
        self._pixels = np.zeros(0, dtype=np.uint32)
        self._faded_pixels = np.zeros(0, dtype=np.uint32)
        self._levels: list[tuple[float, float]] = []
        self._shown: list[bool] = []
        self._bars: list[tuple[QRectF, list[int]]] = []
        self._header: QRectF = QRectF()
        self._prediction_label: QRectF = QRectF()
        self._strip_height = 0.0
        self._name_font, self._shape_font, self._bar_font = self._fonts()
        self._title_widths: list[float] = []
        self._title_height = 0.0
        self._name_height = 0.0
        self._stagger = False
        self._scrollable = False
        self._needed_width = 0.0
        self._needed_height = 0.0  # zoomed in a scroll area: the height its enlarged maps need (else 0)
        self._unzoomed: tuple[int, list[int]] | None = None  # map sides at zoom 1.0: all, each column's
        self._static: QPixmap | None = None
        self._hover_static: QPixmap | None = None
        self._lit: set[tuple[int, int]] = set()
        self._hover: tuple[int, int] | None = None
        self._diverging_argb = theme.lut_argb32(theme.DIVERGING_LUT)
        self._grey_argb = theme.lut_argb32(theme.GREY_LUT)
        self._faded_diverging_argb = self._diverging_argb
        self._faded_grey_argb = self._grey_argb
        theme.notifier().sigChanged.connect(self._relayout)

    # ---- public interface -------------------------------------------------------------------------

    def set_model(self, model: Model) -> None:
        """Lay out one column per layer of ``model`` (plus the input and the prediction); clears the trace."""
        shapes = [tuple(int(n) for n in s) for s in model.output_shapes()]
        columns = [_Column(INPUT_INDEX, tr("input"), "input", tuple(model.input_shape), (0, 0), 0)]
        columns[0].image_shape = self._image_shape(columns[0].shape, columns[0].shape)
        for index, (layer, shape) in enumerate(zip(model.layers, shapes, strict=True)):
            name = layer.name or f"{layer.kind}{index}"
            image_shape = self._image_shape(shape, columns[-1].shape)
            columns.append(_Column(index, name, layer.kind, shape, image_shape, 0))
        offset = 0
        for column in columns:
            column.offset = offset
            offset += column.size
        self._columns = columns
        self._class_names = [str(name) for name in model.class_names]
        self._blocks = self._find_blocks()
        self._values = np.zeros(offset, dtype=np.float32)
        self._indices = np.zeros(offset, dtype=np.uint8)
        self._pixels = np.zeros(offset, dtype=np.uint32)
        self._faded_pixels = np.zeros(offset, dtype=np.uint32)
        for column in columns:
            rows, cols = column.image_shape
            span = slice(column.offset, column.offset + column.size)
            # The QImages read straight from the pixel buffers, which live (and are only written in
            # place) as long as these columns.
            column.image = QImage(self._pixels[span].data, cols, rows, cols * 4, QImage.Format.Format_RGB32)
            column.faded = QImage(
                self._faded_pixels[span].data, cols, rows, cols * 4, QImage.Format.Format_RGB32
            )
        self._trace = None
        self._hover = None
        self._unzoomed = None
        self._refresh_pixels()
        self._prediction.set_probs(None, self._class_names)
        self._relayout()

    def set_trace(self, trace: Trace | None) -> None:
        """Show ``trace`` (sample 0), or blank maps for None.

        Raises BadInputError when the trace's shapes differ from the model given to ``set_model``.
        """
        if trace is not None:
            self._check(trace)
        self._trace = trace
        self._refresh_pixels()
        probs = None if trace is None else trace.probs[0]
        self._prediction.set_probs(probs, self._class_names)
        self.update()

    def current_trace(self) -> Trace | None:
        """The trace shown now, or None."""
        return self._trace

    def set_scale_mode(self, mode: str) -> None:
        """Choose the colour range: "layer", "block" (conv..pool) or "global", always symmetric ±max|v|."""
        if mode not in theme.SCALE_MODES:
            raise BadInputError(f"scale mode {mode!r} is not one of {', '.join(theme.SCALE_MODES)}")
        self._mode = mode
        self._place_bars()
        self._static = None  # the colour bars' gradients live there
        self._refresh_pixels()
        self.update()

    def current_scale_mode(self) -> str:
        """The scale mode in use: "layer", "block" or "global"."""
        return self._mode

    def set_quantity(self, quantity: str) -> None:
        """Show each layer's "activation" (output) or "gradient" (dL/d output; blank without gradients)."""
        if quantity not in QUANTITIES:
            raise BadInputError(f"quantity {quantity!r} is not one of {', '.join(QUANTITIES)}")
        self._quantity = quantity
        self._static = None  # the input's colour bar turns diverging for gradients
        self._refresh_pixels()
        self.update()

    def current_quantity(self) -> str:
        """What the maps show now: "activation" or "gradient"."""
        return self._quantity

    def levels(self, layer_index: int) -> tuple[float, float]:
        """The colour range ``(lo, hi)`` of a layer's column now (``INPUT_INDEX`` for the input)."""
        return self._levels[self._position(layer_index)]

    def column_labels(self) -> list[str]:
        """Every column title as painted, input first: ``["input 1x28x28", "conv1 8x28x28", ...]``."""
        return [column.label for column in self._columns]

    def map_rect(self, layer_index: int, channel: int) -> QRect:
        """Where the map ``channel`` (or vector value) of a column is painted, in widget coordinates."""
        column = self._columns[self._position(layer_index)]
        if column.strip:
            return self._strip_cell(column, channel).toAlignedRect()
        return column.cells[channel].toAlignedRect()

    def prediction_title_rect(self) -> QRectF:
        """Where the softmax column's title ("softmax" over "probability") is painted."""
        return QRectF(self._prediction_label)

    def hovered(self) -> tuple[int, int] | None:
        """``(layer_index, channel)`` under the pointer, or None."""
        if self._hover is None:
            return None
        return self._columns[self._hover[0]].layer_index, self._hover[1]

    def hover_text(self) -> str:
        """The information shown for the hovered map (name, channel, min and max), or "" when none."""
        return "\n".join(self._hover_lines())

    def prediction_view(self) -> PredictionView:
        """The class-probability bars in the last column."""
        return self._prediction

    def set_scrollable(self, scrollable: bool) -> None:
        """Say that the overview is the widget of a QScrollArea: it then fits its maps into the scroll
        area's viewport, and when zoom makes them larger than that, it grows wider and scrolls."""
        self._scrollable = bool(scrollable)
        if not scrollable:
            self.setMinimumWidth(0)
        self._relayout()

    def reveal(self, rect: QRect) -> None:
        """In a scroll area (``set_scrollable``), scroll so that ``rect`` (our coordinates) is in sight.

        A rectangle wider than the view is shown from its left edge.
        """
        area = self.parentWidget().parentWidget() if self._scrollable and self.parentWidget() else None
        if not isinstance(area, QScrollArea) or rect.isEmpty():
            return
        bar, width = area.horizontalScrollBar(), area.viewport().width()
        if rect.width() >= width or rect.left() < bar.value():
            bar.setValue(rect.left())
        elif rect.right() >= bar.value() + width:
            bar.setValue(rect.right() - width + 1)

    def map_side(self) -> int:
        """Side in pixels of the smallest feature map drawn now (0 before ``set_model`` lays them out)."""
        sides = [round(cell.width()) for column in self._columns if column.spatial for cell in column.cells]
        return min(sides, default=0)

    def _map_area(self) -> float:
        """Pixels covered by all feature maps now: what a layout gives the maps in all."""
        return sum(cell.width() * cell.height() for c in self._columns if c.spatial for cell in c.cells)

    def sizeHint(self) -> QSize:
        """A comfortable size for the reference network."""
        return QSize(theme.px(1200), theme.px(560))

    def minimumSizeHint(self) -> QSize:
        """Below this the maps of the reference network get too small to read."""
        return QSize(theme.px(700), theme.px(320))

    # ---- model structure --------------------------------------------------------------------------

    @staticmethod
    def _image_shape(shape: tuple[int, ...], previous: tuple[int, ...]) -> tuple[int, int]:
        """Rows and columns of a column's image: maps stacked, or a vector folded like the maps before it."""
        if len(shape) == 3:
            return shape[0] * shape[1], shape[2]
        size = math.prod(shape)
        if size > VECTOR_CELLS_MAX and len(previous) == 3 and math.prod(previous) == size:
            return previous[0] * previous[1], previous[2]
        return size, 1

    def _find_blocks(self) -> list[list[int]]:
        """Column positions in blocks: a conv/dense starts a new block after a pool, flatten or dense."""
        blocks: list[list[int]] = []
        for position, column in enumerate(self._columns[1:], start=1):
            closed = bool(blocks) and any(self._columns[p].kind in BLOCK_CLOSING_KINDS for p in blocks[-1])
            if not blocks or (column.kind in BLOCK_START_KINDS and closed):
                blocks.append([])
            blocks[-1].append(position)
        return blocks

    def _groups(self) -> list[list[int]]:
        """Column positions that share one colour range in the current mode (the input is always alone)."""
        layers = list(range(1, len(self._columns)))
        if self._mode == "global":
            groups = [layers] if layers else []
        elif self._mode == "block":
            groups = self._blocks
        else:
            groups = [[p] for p in layers]
        return [[0], *groups] if self._columns else []

    def _position(self, layer_index: int) -> int:
        """Column position of ``layer_index`` (the input is position 0)."""
        position = layer_index + 1
        if not 0 <= position < len(self._columns):
            raise IndexError(f"no layer {layer_index}; the model has {len(self._columns) - 1} layers")
        return position

    def _check(self, trace: Trace) -> None:
        """Raise BadInputError unless ``trace`` has the layers and shapes the overview was laid out for."""
        if not self._columns:
            raise BadInputError("set_model must be called before set_trace")
        shapes = [tuple(trace.input.shape[1:])] + [tuple(r.output.shape[1:]) for r in trace.layers]
        expected = [column.shape for column in self._columns]
        if shapes != expected:
            raise BadInputError(
                f"trace shapes {shapes} do not match the model laid out in the overview {expected}; "
                "call set_model with the trace's model first"
            )

    # ---- pixels -----------------------------------------------------------------------------------

    def _source(self, position: int) -> np.ndarray | None:
        """Sample 0 of what column ``position`` shows now, or None when there is nothing to show.

        Shape:
            returns the column's per-sample shape.
        """
        trace = self._trace
        if trace is None:
            return None
        gradient = self._quantity == "gradient"
        if position == 0:
            array = trace.input_grad if gradient else trace.input
        else:
            record = trace.layers[position - 1]
            array = record.grad_output if gradient else record.output
        return None if array is None else array[0]

    def _refresh_pixels(self) -> None:
        """Recompute levels and colours of every column from the current trace, in a few vectorised passes."""
        if not self._columns:
            return
        sources = [self._source(p) for p in range(len(self._columns))]
        peaks = [0.0 if s is None else float(max(s.max(), -s.min())) for s in sources]
        levels: list[tuple[float, float]] = [(-1.0, 1.0)] * len(self._columns)
        for group in self._groups():
            peak = max(peaks[p] for p in group)
            peak = peak if math.isfinite(peak) and peak > 0.0 else 1.0
            for p in group:
                levels[p] = (-peak, peak)
        grey_input = self._quantity == "activation"
        if grey_input:
            levels[0] = (0.0, 1.0)
        self._levels = levels
        self._shown = [s is not None for s in sources]
        values = self._values
        for column, source, (lo, hi) in zip(self._columns, sources, levels, strict=True):
            target = values[column.offset : column.offset + column.size]
            if source is None:
                target.fill(0.0)
                continue
            np.multiply(source.reshape(-1), np.float32(255.0 / (hi - lo)), out=target)
            # + 0.5 so that the cast to uint8 rounds, as theme.to_indices does.
            target -= np.float32(255.0 * lo / (hi - lo) - 0.5)
        np.clip(values, 0.0, 255.0, out=values)
        np.copyto(self._indices, values, casting="unsafe")
        split = self._columns[0].size
        input_argb = self._grey_argb if grey_input else self._diverging_argb
        # mode="clip" skips the bounds check (uint8 indices are always valid): twice as fast.
        np.take(input_argb, self._indices[:split], out=self._pixels[:split], mode="clip")
        np.take(self._diverging_argb, self._indices[split:], out=self._pixels[split:], mode="clip")
        if self._hover is not None:
            self._refresh_faded()

    def _refresh_faded(self) -> None:
        """Colours of the maps faded toward the background, for the maps not involved in a hover.

        Fading through a second LUT costs two gathers; painting with QPainter opacity instead costs
        about 5x more per map.
        """
        split = self._columns[0].size
        input_argb = self._faded_grey_argb if self._quantity == "activation" else self._faded_diverging_argb
        np.take(input_argb, self._indices[:split], out=self._faded_pixels[:split], mode="clip")
        np.take(
            self._faded_diverging_argb, self._indices[split:], out=self._faded_pixels[split:], mode="clip"
        )

    # ---- layout -----------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the columns out again for the new size."""
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        """Compute every rectangle for the current size and zoom, then re-render the static layer.

        Titles sit on one line of columns; when neighbouring titles would touch (a narrow window or a
        big zoom), or when staggered titles would give the maps STAGGER_GAIN times their area (titles on
        one line keep each column at least as wide as its title), every other title drops one title
        height lower instead of shrinking the fonts.
        """
        self._static = None
        background = theme.current().background
        self._faded_diverging_argb = self._fade(theme.DIVERGING_LUT, background)
        self._faded_grey_argb = self._fade(theme.GREY_LUT, background)
        if self._hover is not None:
            self._refresh_faded()
        if not self._columns or self.width() <= 0 or self.height() <= 0:
            self.update()
            return
        self._name_font, self._shape_font, self._bar_font = self._fonts()
        name_metrics, shape_metrics = QFontMetricsF(self._name_font), QFontMetricsF(self._shape_font)
        self._title_widths = [
            max(name_metrics.horizontalAdvance(c.name), shape_metrics.horizontalAdvance(shape_text(c.shape)))
            for c in self._columns
        ]
        names = [c.name for c in self._columns] + [tr("softmax")]
        shapes = [shape_text(c.shape) for c in self._columns] + [tr("probability")]
        # Chinese glyphs come from a fallback font with taller lines than the UI font's own.
        self._name_height = _line_height(self._name_font, names)
        self._title_height = self._name_height + _line_height(self._shape_font, shapes)
        self._stagger = False
        self._arrange()
        rects = self.column_title_rects()
        overlap = any(a.right() + theme.px(4) > b.left() for a, b in pairwise(rects))
        level_area = self._map_area()
        self._stagger = True
        self._arrange()
        if not overlap and self._map_area() < level_area * STAGGER_GAIN:
            # Titles on one line fit, and staggering them would not make the maps visibly larger.
            self._stagger = False
            self._arrange()
        self._place_bars()
        if self._scrollable:
            self.setMinimumWidth(math.ceil(self._needed_width))
            area = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
            if isinstance(area, QAbstractScrollArea):
                area.updateGeometry()  # its minimum height follows needed_height()
        self.update()

    @staticmethod
    def _fade(lut: np.ndarray, background: QColor) -> np.ndarray:
        """``lut`` blended toward ``background``, keeping HOVER_FADE of each colour, packed as RGB32.

        Shape:
            lut: ``(256, 4)`` uint8 RGBA; returns ``(256,)`` uint32.
        """
        back = np.array([background.red(), background.green(), background.blue(), 255], dtype=np.float64)
        faded = np.round(lut * HOVER_FADE + back * (1.0 - HOVER_FADE)).astype(np.uint8)
        return theme.lut_argb32(faded)

    @staticmethod
    def _fonts() -> tuple[QFont, QFont, QFont]:
        """Fonts of the column names, the shapes under them and the colour bar labels, at the current zoom."""
        return (
            theme.font(1.0, bold=True),
            theme.font(theme.CAPTION_FONT_SCALE),
            theme.font(theme.LABEL_FONT_SCALE),
        )

    def _bar_line_height(self) -> float:
        """Height of one line of colour bar labels."""
        return QFontMetricsF(self._bar_font).height()

    def column_title_rects(self) -> list[QRectF]:
        """Where each column's title (name over shape) is painted, input first, in widget coordinates."""
        rects = []
        for position, (column, width) in enumerate(zip(self._columns, self._title_widths, strict=True)):
            top = self._header.top() + (self._title_height if self._stagger and position % 2 else 0.0)
            rects.append(QRectF(column.box.center().x() - width / 2, top, width, self._title_height))
        return rects

    def _arrange(self) -> None:
        """Choose the map size, place every column, bar row and the prediction.

        The maps fill the box the overview is shown in (``_box``); width left over enlarges the maps of
        short columns (8 maps beside columns of 16) so they use the height too. In a scroll area
        (``set_scrollable``) a zoomed-in overview's maps are also at least the zoom times their size at
        the last layout at zoom 1.0, column by column, so zooming in never makes them smaller; the
        overview then grows wider and scrolls, and asks for the height its largest map needs
        (``needed_height``).
        """
        box_width, box_height = self._box()
        side, avail, fixed, widths = self._fit(box_width, box_height, titles=True)
        sides = self._grown_sides(side, avail, box_width - fixed - sum(widths(side)))
        self._needed_height = 0.0
        if self._scrollable and theme.zoom() == 1.0:
            # The reference of zooming in: the maps at zoom 1.0, before larger texts around take room.
            self._unzoomed = (side, sides)
        elif self._scrollable and theme.zoom() > 1.0:
            if self._unzoomed is None:
                with theme.zoom_as(1.0):
                    reference = self._fit(box_width, box_height, titles=False)[0]
                self._unzoomed = (reference, [reference] * len(self._columns))
            largest = theme.px(theme.MAP_MAX_PX)
            unzoomed_side, unzoomed_sides = self._unzoomed
            side = max(side, min(round(unzoomed_side * theme.zoom()), largest))
            sides = [max(side, min(round(unzoomed * theme.zoom()), largest)) for unzoomed in unzoomed_sides]
            tallest = max(
                (self._map_side(c, s, 2 * s) for c, s in zip(self._columns, sides, strict=True) if c.spatial),
                default=0,
            )
            avail = max(avail, float(tallest))
            self._needed_height = self._chrome_height() + tallest
        least_widths = widths(0)  # what the titles ask for
        column_widths = [
            max(self._content_width(c, s, avail), least)
            for c, s, least in zip(self._columns, sides, least_widths, strict=True)
        ]
        self._needed_width = fixed + sum(column_widths)
        margin = theme.px(theme.MARGIN_PX)
        top = margin + self._header_height()
        self._header = QRectF(0, margin, self.width(), self._header_height())
        least_prediction = self._least_prediction_width()
        best_prediction = max(float(theme.px(theme.PREDICTION_WIDTH_PX)), least_prediction)
        count = len(self._columns)
        min_gap = float(theme.px(theme.COLUMN_GAP_PX))
        spare = self.width() - fixed - sum(column_widths)
        prediction_width = least_prediction + min(max(spare, 0.0), best_prediction - least_prediction)
        spare -= prediction_width - least_prediction
        # Spare room widens the gaps (within reason); a window too small for everything narrows them.
        gap = min(min_gap + spare / count, max(3 * min_gap, 1.2 * side))
        gap = max(gap, float(theme.px(6)))
        used = 2 * margin + prediction_width + count * gap + sum(column_widths)
        x = max((self.width() - used) / 2, 0.0) + margin
        x += max(0.0, (self._title_widths[0] - column_widths[0]) / 2)
        self._strip_height = self._tallest_grid(sides, avail)
        for column, width, column_side in zip(self._columns, column_widths, sides, strict=True):
            column.box = QRectF(x, top, width, avail)
            self._place(column, column_side, avail)
            x += width + gap
        self._prediction.setGeometry(QRectF(x, top, prediction_width, avail).toAlignedRect())
        self._prediction_label = QRectF(x, margin, prediction_width, self._title_height)

    def _box(self) -> tuple[float, float]:
        """The width and height the maps are fitted into: the scroll area's (set_scrollable), else ours."""
        if self._scrollable:
            area = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
            if isinstance(area, QAbstractScrollArea):
                # Room is kept for the horizontal scroll bar, so that showing it changes nothing here.
                size = area.maximumViewportSize()
                bar = area.horizontalScrollBar().sizeHint().height()
                return float(size.width()), float(size.height() - bar)
        return float(self.width()), float(self.height())

    def _header_height(self) -> float:
        """Height of the column titles (two rows of them when staggered) and the space under them."""
        return self._title_height * (2 if self._stagger else 1) + theme.px(10)

    def _chrome_height(self) -> float:
        """Height of everything above and below the maps: margins, column titles and colour bars."""
        margin = theme.px(theme.MARGIN_PX)
        bar_lines = 2  # range labels too wide for their bar drop to a second line (_bar_label_lines)
        footer = theme.px(10) + theme.px(theme.COLORBAR_HEIGHT_PX) + bar_lines * self._bar_line_height()
        return 2 * margin + self._header_height() + footer + theme.px(4)

    def colour_bar_rects(self) -> list[QRectF]:
        """Where the colour bars under the maps are painted, left to right, in widget coordinates."""
        return [rect for rect, _group in self._bars]

    def needed_height(self) -> float:
        """Zoomed in a scroll area: the height the overview needs for its enlarged maps; else 0."""
        return self._needed_height

    def _least_prediction_width(self) -> float:
        """The class bars may narrow from their preferred width to this, to leave room for bigger maps."""
        name_width = QFontMetricsF(self._name_font).horizontalAdvance(tr("softmax"))
        return max(float(theme.px(120)), name_width)

    def _fit(
        self, box_width: float, box_height: float, *, titles: bool
    ) -> tuple[int, float, float, Callable[[int], list[float]]]:
        """The largest map side whose columns fit ``box_width`` at the current zoom.

        Returns the side, the height the maps have, the width taken by margins, gaps and the class bars,
        and the function giving every column's width for a side. Without ``titles`` the column titles
        may be as wide as they like (the zoom 1.0 reference of ``_arrange``).
        """
        margin = theme.px(theme.MARGIN_PX)
        avail = max(box_height - self._chrome_height(), float(theme.px(theme.MAP_MIN_PX)))
        count = len(self._columns)
        min_gap = float(theme.px(theme.COLUMN_GAP_PX))
        fixed = 2 * margin + self._least_prediction_width() + count * min_gap
        # A title may be wider than its maps by this much: it spills into the gaps on either side.
        # Staggered titles have a whole neighbour's width to spill into.
        spill = min_gap - theme.px(6) if titles and not self._stagger else float("inf")

        def widths(side: int) -> list[float]:
            pairs = zip(self._columns, self._title_widths, strict=True)
            return [max(self._content_width(c, side, avail), title - spill) for c, title in pairs]

        side = theme.px(theme.MAP_MIN_PX)
        for candidate in range(theme.px(theme.MAP_MAX_PX), theme.px(theme.MAP_MIN_PX) - 1, -1):
            if fixed + sum(widths(candidate)) <= box_width:
                side = candidate
                break
        return side, avail, fixed, widths

    def _grown_sides(self, side: int, avail: float, spare: float) -> list[int]:
        """Each column's map side: ``side``, or larger for grids shorter than ``avail`` while ``spare`` lasts.

        The maps of a short column grow together up to the height its rows have; the input keeps its
        own (double) size.
        """
        gap = theme.px(theme.MAP_GAP_PX)
        short = []
        for position, column in enumerate(self._columns):
            if column.spatial and column.shape[0] > 1:
                rows = self._grid(column, side, avail)[0]
                short.append((position, int((avail + gap) // rows) - gap))
        sides = [side] * len(self._columns)
        best = side
        for grown in range(side + 1, theme.px(theme.MAP_MAX_PX) + 1):
            extra = sum(
                self._content_width(self._columns[p], min(grown, cap), avail)
                - self._content_width(self._columns[p], side, avail)
                for p, cap in short
            )
            if extra > spare:
                break
            best = grown
        for position, cap in short:
            sides[position] = max(side, min(best, cap))
        return sides

    def _place_bars(self) -> None:
        """One colour bar under each group of columns sharing a range (depends on the scale mode)."""
        self._bars = []
        if not self._columns or self._columns[0].box.isNull():
            return
        bar_top = self._columns[0].box.bottom() + theme.px(10)
        for group in self._groups():
            left = self._columns[group[0]].box.left()
            right = self._columns[group[-1]].box.right()
            rect = QRectF(left, bar_top, right - left, theme.px(theme.COLORBAR_HEIGHT_PX))
            self._bars.append((rect, group))

    @staticmethod
    def _map_side(column: _Column, side: int, avail: float) -> int:
        """Side of each map of a spatial column: a lone map (the input image) gets twice the room."""
        return min(2 * side, int(avail)) if column.shape[0] == 1 else side

    def _grid(self, column: _Column, side: int, avail: float) -> tuple[int, int]:
        """Rows and columns of the map grid of a spatial column for maps of ``side`` pixels."""
        gap = theme.px(theme.MAP_GAP_PX)
        side = self._map_side(column, side, avail)
        rows_max = max(1, int((avail + gap) // (side + gap)))
        cols = math.ceil(column.shape[0] / rows_max)
        return math.ceil(column.shape[0] / cols), cols

    def _tallest_grid(self, sides: list[int], avail: float) -> float:
        """Height of the tallest grid of maps (``sides``: each column's); strips are drawn this tall."""
        gap = theme.px(theme.MAP_GAP_PX)
        heights = [float(theme.px(60))]
        for column, side in zip(self._columns, sides, strict=True):
            if column.spatial:
                rows = self._grid(column, side, avail)[0]
                heights.append(rows * self._map_side(column, side, avail) + (rows - 1) * gap)
        return min(max(heights), avail)

    def _content_width(self, column: _Column, side: int, avail: float) -> float:
        """Width of a column's maps (or vector) for maps of ``side`` pixels."""
        if column.spatial:
            cols = self._grid(column, side, avail)[1]
            return cols * self._map_side(column, side, avail) + (cols - 1) * theme.px(theme.MAP_GAP_PX)
        if column.strip:
            return float(min(max(theme.px(12), column.image_shape[1] * theme.px(3)), side))
        return float(min(max(theme.px(14), side // 2), theme.px(36)))

    def _place(self, column: _Column, side: int, avail: float) -> None:
        """Fill ``column.cells`` and ``column.sources`` (image sub-rectangles) for maps of ``side`` pixels."""
        box = column.box
        width = self._content_width(column, side, avail)
        left = round(box.left() + (box.width() - width) / 2)
        column.cells, column.sources = [], []
        if column.spatial:
            channels, height, map_width = column.shape
            rows, cols = self._grid(column, side, avail)
            side = self._map_side(column, side, avail)
            gap = theme.px(theme.MAP_GAP_PX)
            top = round(box.top() + (avail - (rows * side + (rows - 1) * gap)) / 2)
            for c in range(channels):
                row, col = divmod(c, cols)
                column.cells.append(QRectF(left + col * (side + gap), top + row * (side + gap), side, side))
                column.sources.append(QRectF(0, c * height, map_width, height))
        elif column.strip:
            rows, cols = column.image_shape
            top = round(box.top() + (avail - self._strip_height) / 2)
            column.cells.append(QRectF(left, top, width, self._strip_height))
            column.sources.append(QRectF(0, 0, cols, rows))
        else:
            area = QRectF(left, box.top(), width, avail)
            column.cells = row_rects(area, column.size, theme.px(ROW_GAP_PX), theme.px(ROW_MAX_PX))
            column.sources = [QRectF(0, k, 1, 1) for k in range(column.size)]

    def _strip_cell(self, column: _Column, element: int) -> QRectF:
        """The rectangle of one value inside a strip column."""
        rows, cols = column.image_shape
        strip = column.cells[0]
        row, col = divmod(element, cols)
        w, h = strip.width() / cols, strip.height() / rows
        return QRectF(strip.left() + col * w, strip.top() + row * h, w, h)

    # ---- painting ---------------------------------------------------------------------------------

    def _render_static(self) -> QPixmap:
        """Background, column titles, map frames and faint connections, drawn once per layout."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(theme.current().background)
        with QPainter(pixmap) as painter:
            self._paint_static(painter)
        return pixmap

    def _paint_static(self, painter: QPainter) -> None:
        """What ``_render_static`` caches: connections, column titles, map frames and colour bars."""
        palette = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        faint = QColor(palette.frame)
        faint.setAlpha(90)
        painter.setPen(QPen(faint, 1))
        for position in range(1, len(self._columns)):
            for target, sources in self._all_connections(position):
                for source in sources:
                    painter.drawPath(self._curve(source, target))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        centred = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        name_height = self._name_height
        titles = [
            (r, c.name, shape_text(c.shape))
            for r, c in zip(self.column_title_rects(), self._columns, strict=True)
        ]
        titles.append((self._prediction_label, tr("softmax"), tr("probability")))
        for rect, name, shape in titles:
            painter.setFont(self._name_font)
            painter.setPen(palette.text)
            painter.drawText(rect, centred, name)
            painter.setFont(self._shape_font)
            painter.setPen(palette.muted)
            painter.drawText(rect.adjusted(0, name_height, 0, 0), centred, shape)
        painter.setPen(QPen(palette.frame, 1))
        painter.setBrush(palette.surface)
        for column in self._columns:
            for cell in column.cells:
                painter.drawRect(cell.adjusted(-1, -1, 0, 0))
        for rect, group in self._bars:
            grey = group == [0] and self._quantity == "activation"
            paint_gradient(painter, rect, theme.GREY_LUT if grey else theme.DIVERGING_LUT)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Cached background, one image per map, colour bars, then the hover information.

        While a map is hovered the background is the cached hover layer (veiled, with the connections
        drawn once per hover change) and the maps that are not involved are painted faded.
        """
        if self._static is None or self._static.deviceIndependentSize().toSize() != self.size():
            self._static = self._render_static()
            self._hover_static = None
        hovering = self._hover is not None
        if hovering and self._hover_static is None:
            self._hover_static = self._render_hover_static()
        with QPainter(self) as painter:
            painter.drawPixmap(0, 0, self._hover_static if hovering else self._static)  # type: ignore[arg-type]
            if textcheck.recording():
                painter.save()
                self._paint_static(painter)  # the cached layer's text, where the recorder sees it
                painter.restore()
            lit = self._lit if hovering else set()
            for position, (column, shown) in enumerate(zip(self._columns, self._shown, strict=True)):
                if shown:
                    image = column.faded if hovering else column.image
                    for index, (cell, source) in enumerate(zip(column.cells, column.sources, strict=True)):
                        if (position, index) not in lit:
                            painter.drawImage(cell, image, source)
            painter.setOpacity(HOVER_FADE if hovering else 1.0)
            painter.setFont(self._bar_font)
            drop = self._bar_line_height()
            for rect, group, line in self._bar_label_lines():
                paint_range_labels(painter, rect.translated(0, drop * line), self._levels[group[0]])
            painter.setOpacity(1.0)
            for position, index in lit:
                column = self._columns[position]
                if self._shown[position]:
                    painter.drawImage(column.cells[index], column.image, column.sources[index])
            if self._hover is not None:
                self._paint_info(painter, self._unit_cell(*self._hover))

    def _bar_label_lines(self) -> list[tuple[QRectF, list[int], int]]:
        """The shown colour bars and the line (0 or 1) of each one's range labels: the second line when
        the labels would run into the previous bar's on the first (e.g. ±0.00022 under narrow bars)."""
        gap = QFontMetricsF(self._bar_font).horizontalAdvance(" ")
        ends = [-math.inf, -math.inf]
        out = []
        for rect, group in self._bars:
            if not self._shown[group[0]]:
                continue
            left, right = range_label_span(self._bar_font, rect, self._levels[group[0]])
            line = 0 if left > ends[0] + gap else 1 if left > ends[1] + gap else 0
            ends[line] = right
            out.append((rect, group, line))
        return out

    @staticmethod
    def _curve(start: QPointF, end: QPointF) -> QPainterPath:
        """A smooth S-shaped connection from the right edge of a source to the left edge of a target."""
        path = QPainterPath(start)
        middle = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
        return path

    def _inputs_of(self, position: int, unit: int) -> list[tuple[int, int]]:
        """The (column position, unit) pairs that unit ``unit`` of column ``position`` reads from."""
        column, previous = self._columns[position], self._columns[position - 1]
        if column.kind in FLATTEN_KINDS and previous.spatial:
            per_map = previous.size // previous.shape[0]
            return [(position - 1, unit // per_map)]
        if column.kind in CHANNELWISE_KINDS and previous.units == column.units:
            return [(position - 1, unit)]
        return [(position - 1, u) for u in range(previous.units)]

    def _anchor(self, position: int, unit: int, right: bool) -> QPointF:
        """Where a connection meets a map or value: the middle of its right (or left) edge."""
        column = self._columns[position]
        # A strip's values are too thin to aim at: connections meet the strip's edge at the value's height.
        cell = column.cells[0] if column.strip else column.cells[unit]
        y = self._unit_cell(position, unit).center().y()
        return QPointF(cell.right() if right else cell.left(), y)

    def _all_connections(self, position: int) -> list[tuple[QPointF, list[QPointF]]]:
        """For the faint background wiring: each unit's left anchor and the right anchors it reads.

        Strips are wired once per previous map rather than per value, which would be a solid block.
        """
        column, previous = self._columns[position], self._columns[position - 1]
        if column.strip or previous.strip:
            top = QPointF(column.cells[0].left(), column.cells[0].center().y())
            if column.strip:
                sources = [self._anchor(position - 1, u, True) for u in range(previous.units)]
                return [(top, sources)]
            sources = [QPointF(previous.cells[0].right(), previous.cells[0].center().y())]
            return [(self._anchor(position, u, False), sources) for u in range(column.units)]
        wiring = []
        for u in range(column.units):
            sources = [self._anchor(p, s, True) for p, s in self._inputs_of(position, u)]
            wiring.append((self._anchor(position, u, False), sources))
        return wiring

    def _unit_cell(self, position: int, unit: int) -> QRectF:
        """The painted rectangle of one map or value."""
        column = self._columns[position]
        return self._strip_cell(column, unit) if column.strip else column.cells[unit]

    def _lit_cells(self, position: int, unit: int) -> set[tuple[int, int]]:
        """(column position, cell index) of a hovered map and of every map it reads, drawn unfaded."""
        lit = {(position, 0 if self._columns[position].strip else unit)}
        if position > 0:
            if self._columns[position - 1].strip:
                lit.add((position - 1, 0))
            else:
                lit |= set(self._inputs_of(position, unit))
        return lit

    def _render_hover_static(self) -> QPixmap:
        """The static layer veiled, with the hovered map's connections and outlines: drawn once per hover.

        Antialiased curves cost about 0.3 ms each, too much to redraw on every trace while hovering.
        """
        palette = theme.current()
        position, unit = self._hover  # type: ignore[misc]
        pixmap = QPixmap(self._static)  # type: ignore[arg-type]
        with QPainter(pixmap) as painter:
            veil = QColor(palette.background)
            veil.setAlphaF(1.0 - HOVER_FADE)
            painter.fillRect(QRectF(0, self._header.bottom(), self.width(), self.height()), veil)
            starts, outlines = self._hover_links(position, unit)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(palette.connection, theme.px(1.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            end = self._anchor(position, unit, False)
            for start in starts:
                painter.drawPath(self._curve(start, end))
            painter.setPen(QPen(palette.accent, theme.px(2)))
            for outline in outlines:
                painter.drawRect(outline.adjusted(-1, -1, 1, 1))
            painter.setPen(QPen(palette.accent, theme.px(3)))
            painter.drawRect(self._unit_cell(position, unit).adjusted(-2, -2, 2, 2))
            return pixmap

    def _hover_links(self, position: int, unit: int) -> tuple[list[QPointF], list[QRectF]]:
        """Start points of the hovered unit's connections and the outlines of what it reads.

        A unit that reads a whole strip (a dense unit reading flatten's 784 values) gets one outline and
        one line per strip segment instead of hundreds.
        """
        if position == 0:
            return [], []
        inputs = self._inputs_of(position, unit)
        previous = self._columns[position - 1]
        if previous.strip and len(inputs) > VECTOR_CELLS_MAX:
            strip = previous.cells[0]
            segments = min(16, previous.image_shape[0])
            starts = [
                QPointF(strip.right(), strip.top() + (i + 0.5) * strip.height() / segments)
                for i in range(segments)
            ]
            return starts, [strip]
        return [self._anchor(p, u, True) for p, u in inputs], [self._unit_cell(p, u) for p, u in inputs]

    def _paint_info(self, painter: QPainter, anchor: QRectF) -> None:
        """The hovered map's name and range in a small box beside it (flipped left near the right edge)."""
        palette = theme.current()
        lines = self._hover_lines()
        title_font, body_font = theme.font(0.95, bold=True), theme.font(0.9)
        title_metrics, body_metrics = QFontMetricsF(title_font), QFontMetricsF(body_font)
        pad = theme.px(8)
        width = max(
            title_metrics.horizontalAdvance(lines[0]), *(body_metrics.horizontalAdvance(t) for t in lines[1:])
        )
        height = title_metrics.height() + body_metrics.height() * (len(lines) - 1)
        box = QRectF(anchor.right() + theme.px(10), anchor.top(), width + 2 * pad, height + 2 * pad)
        # The class bars are a child widget painted over this one: keep the box clear of them.
        if box.right() > self.width() - theme.px(4) or box.intersects(QRectF(self._prediction.geometry())):
            box.moveRight(anchor.left() - theme.px(10))
        box.moveTop(min(max(box.top(), self._header.bottom()), self.height() - box.height() - theme.px(4)))
        painter.setPen(QPen(palette.frame, 1))
        painter.setBrush(palette.surface)
        painter.drawRoundedRect(box, theme.px(6), theme.px(6))
        y = box.top() + pad + title_metrics.ascent()
        painter.setFont(title_font)
        painter.setPen(palette.text)
        painter.drawText(QPointF(box.left() + pad, y), lines[0])
        painter.setFont(body_font)
        y += title_metrics.descent() + body_metrics.ascent()
        for line in lines[1:]:
            painter.drawText(QPointF(box.left() + pad, y), line)
            y += body_metrics.height()

    def _hover_lines(self) -> list[str]:
        """Title and value lines for the hovered map or value."""
        if self._hover is None:
            return []
        position, unit = self._hover
        column = self._columns[position]
        source = self._source(position)
        if column.spatial:
            title = tr("{name} · channel {c} of {n}").format(name=column.name, c=unit, n=column.shape[0])
        elif position == len(self._columns) - 1 and column.size == len(self._class_names):
            title = tr("{name} · logit of class {k}").format(name=column.name, k=self._class_names[unit])
        else:
            title = tr("{name} · value {i} of {n}").format(name=column.name, i=unit, n=column.size)
        if source is None:
            reason = tr("no gradient (no target)") if self._trace is not None else tr("no input yet")
            return [title, reason]
        if not column.spatial:
            lines = [title, tr("value {v}").format(v=theme.format_value(source[unit], 3))]
            if column.kind in FLATTEN_KINDS and self._columns[position - 1].spatial:
                previous = self._columns[position - 1]
                channel, rest = divmod(unit, previous.shape[1] * previous.shape[2])
                row, col = divmod(rest, previous.shape[2])
                origin = tr("= {name} channel {c}, row {r}, col {k}")
                lines.append(origin.format(name=previous.name, c=channel, r=row, k=col))
            return lines
        values = source[unit]
        return [
            title,
            tr("min {lo}   max {hi}").format(
                lo=theme.format_value(values.min(), 3), hi=theme.format_value(values.max(), 3)
            ),
        ]

    # ---- mouse ------------------------------------------------------------------------------------

    def _hit(self, point: QPointF) -> tuple[int, int] | None:
        """The (column position, unit) under ``point``, or None."""
        for position, column in enumerate(self._columns):
            if not column.box.adjusted(-2, -2, 2, 2).contains(point):
                continue
            if column.strip:
                strip = column.cells[0]
                if not strip.contains(point):
                    return None
                rows, cols = column.image_shape
                row = min(int((point.y() - strip.top()) / strip.height() * rows), rows - 1)
                col = min(int((point.x() - strip.left()) / strip.width() * cols), cols - 1)
                return position, row * cols + col
            for unit, cell in enumerate(column.cells):
                if cell.contains(point):
                    return position, unit
            return None
        return None

    def _set_hover(self, hit: tuple[int, int] | None) -> None:
        """Update the hover state and emit sigMapHovered when it changes."""
        if hit == self._hover:
            return
        self._hover = hit
        self._hover_static = None
        if hit is not None:
            self._lit = self._lit_cells(*hit)
            self._refresh_faded()
        if hit is None:
            self.sigMapHovered.emit(-1, -1)
        else:
            self.sigMapHovered.emit(self._columns[hit[0]].layer_index, hit[1])
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hover: highlight the map under the pointer and its connections."""
        self._set_hover(self._hit(event.position()))

    def leaveEvent(self, event: Any) -> None:
        """The pointer left the view: nothing is hovered."""
        self._set_hover(None)
        super().leaveEvent(event)

    def _softmax_hit(self, point: QPointF) -> tuple[int, int] | None:
        """(last dense layer, class) for a point on the softmax column or its title, else None.

        The class bars are a child widget: a click on them reaches this view because they ignore it.
        """
        dense = [c.layer_index for c in self._columns if c.kind in DENSE_KINDS]
        bars = QRectF(self._prediction.geometry())
        if not dense or not self._class_names:
            return None
        if bars.contains(point):
            y = point.y() - bars.top()
            rows = self._prediction.rows()
            return dense[-1], min(range(len(rows)), key=lambda k: abs(rows[k].center().y() - y))
        if self._prediction_label.contains(point):
            predicted = self._prediction.predicted_class()
            return dense[-1], 0 if predicted is None else predicted
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A left click on a map (or the softmax column) emits sigMapClicked(layer_index, channel)."""
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._hit(event.position())
            clicked = (
                self._softmax_hit(event.position())
                if hit is None
                else (self._columns[hit[0]].layer_index, hit[1])
            )
            if clicked is not None:
                self.sigMapClicked.emit(*clicked)
                return
        super().mousePressEvent(event)


class OverviewScrollArea(QScrollArea):
    """The overview in a frameless scroll area: zoomed in, its maps grow past the window and it scrolls.

    The overview fits its maps into this area's viewport (``OverviewView.set_scrollable``), so it lays
    itself out again whenever the area changes size, even while it is wider than the area.
    """

    def __init__(self, overview: OverviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(overview)
        overview.set_scrollable(True)

    def minimumSizeHint(self) -> QSize:
        """Zoomed in, tall enough for the overview's enlarged maps (the window grows, or the zoom stops)."""
        least = super().minimumSizeHint()
        overview = self.widget()
        if isinstance(overview, OverviewView) and overview.needed_height() > 0:
            bar = self.horizontalScrollBar().sizeHint().height()
            least.setHeight(max(least.height(), math.ceil(overview.needed_height()) + bar))
        return least

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the overview to the new viewport."""
        super().resizeEvent(event)
        overview = self.widget()
        if isinstance(overview, OverviewView):
            overview._relayout()


def main() -> None:
    """Open the overview alone on the bundled network and a sample digit."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui.kit.samples import sample_problem

    app = QApplication.instance() or QApplication(sys.argv)
    view = OverviewView()
    model, digit, label = sample_problem()
    view.set_model(model)
    view.set_trace(model.trace(digit.reshape(1, *model.input_shape), target=np.array([label])))
    view.setWindowTitle(tr("Overview"))
    view.resize(1400, 640)
    view.show()
    app.exec()


if __name__ == "__main__":
    main()
