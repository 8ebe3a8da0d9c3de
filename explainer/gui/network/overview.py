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
from collections.abc import Sequence
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
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QWidget

from explainer.core.trace import Trace
from explainer.errors import BadInputError
from explainer.gui import textcheck, theme
from explainer.gui.i18n import FollowsLanguage, class_name, tr
from explainer.gui.kit.colorbar import paint_gradient, paint_range_labels, range_label_span
from explainer.gui.layers import registry
from explainer.gui.network.layout import (
    FLATTEN_KINDS,
    VECTOR_CELLS_MAX,
    Column,
    ColumnLayout,
    line_height,
    shape_text,
)
from explainer.gui.network.prediction import PredictionView

QUANTITIES = ("activation", "gradient")
"""What the maps show: each layer's output, or dL/d(output) when the trace carries gradients."""

INPUT_INDEX = -1
"""The ``layer_index`` reported for the input column in signals and accepted by the accessors."""

# A block (scale mode "block") starts at one of these once the running block has been closed by a pool,
# a flatten or a dense layer.
BLOCK_START_KINDS = registry.kinds_where(starts_block=True)
BLOCK_CLOSING_KINDS = registry.kinds_where(closes_block=True)
DENSE_KINDS = registry.kinds("dense")

HOVER_FADE = 0.3
"""Opacity of the maps that are not involved while a map is hovered."""

STAGGER_GAIN = 1.1
"""Column titles are staggered over two rows when that gives the maps at least this much more area."""


class Model(Protocol):
    """What the overview needs from a model (``explainer.core.Sequential`` satisfies it)."""

    layers: Sequence[Any]  # each with ``kind: str`` and ``name: str | None``
    input_shape: tuple[int, ...]
    class_names: Sequence[str]

    def output_shapes(self) -> list[tuple[int, ...]]:
        """The per-sample output shape of every layer."""
        ...


class OverviewView(FollowsLanguage, ColumnLayout, QWidget):
    """Every layer of the model as a column of heatmaps, input to prediction (objectName "overview").

    Signals:
        sigMapClicked(layer_index, channel): a map (or vector value) was clicked. ``layer_index`` indexes
            ``trace.layers``; the input column is ``INPUT_INDEX`` (-1). For vectors ``channel`` is the index
            of the value. A click on the softmax column (or its title) reports the last dense layer, whose
            scores the softmax turns into probabilities, and the class clicked (the predicted one for the
            title).
        sigMapHovered(layer_index, channel): the pointer entered a map; ``(-1, -1)`` when it left the maps.
        sigUnitClicked(layer_index, channel, row, col): a right click on unit ``(row, col)`` of a layer's map
            (maps only, not vectors or the input): show which pixels that unit sees.

    Shape:
        traces are read at sample 0: ``trace.input (N, C, H, W)``, ``trace.layers[i].output (N, ...)``.
    """

    sigMapClicked = Signal(int, int)
    sigMapHovered = Signal(int, int)
    sigUnitClicked = Signal(int, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._prediction = PredictionView(self)
        self._columns: list[Column] = []
        # The model's class names, and as shown (in the current language; see ``class_name``).
        self._model_class_names: list[str] = []
        self._class_names: list[str] = []
        self._blocks: list[list[int]] = []
        self._trace: Trace | None = None
        # Compare mode: the pinned trace, and whether the maps show now − pinned (else "now").
        self._reference: Trace | None = None
        self._difference = True
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
        columns = [Column(INPUT_INDEX, tr("input"), "input", tuple(model.input_shape), (0, 0), 0)]
        columns[0].image_shape = self._image_shape(columns[0].shape, columns[0].shape)
        for index, (layer, shape) in enumerate(zip(model.layers, shapes, strict=True)):
            name = layer.name or f"{layer.kind}{index}"
            image_shape = self._image_shape(shape, columns[-1].shape)
            columns.append(Column(index, name, layer.kind, shape, image_shape, 0))
        offset = 0
        for column in columns:
            column.offset = offset
            offset += column.size
        self._columns = columns
        self._model_class_names = [str(name) for name in model.class_names]
        self._class_names = [class_name(name) for name in self._model_class_names]
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
        self._reference = None
        self._hover = None
        self._unzoomed = None
        self._refresh_pixels()
        self._prediction.set_probs(None, self._class_names)
        self._prediction.set_change(None)
        self._relayout()

    def retranslate_ui(self) -> None:
        """Name the classes of the prediction bars in the current language."""
        self._class_names = [class_name(name) for name in self._model_class_names]
        self._show_probs()

    def set_trace(self, trace: Trace | None) -> None:
        """Show ``trace`` (sample 0), or blank maps for None.

        Raises BadInputError when the trace's shapes differ from the model given to ``set_model``.
        """
        if trace is not None:
            self._check(trace)
        self._trace = trace
        self._refresh_pixels()
        self._show_probs()
        self.update()

    def current_trace(self) -> Trace | None:
        """The trace shown now, or None."""
        return self._trace

    def set_reference(self, trace: Trace | None) -> None:
        """Compare mode: pin ``trace`` (None unpins); while pinned and ``difference_shown()``, every map
        shows now − pinned on the diverging scale and the class bars the change of each probability."""
        if trace is not None:
            self._check(trace)
        self._reference = trace
        self._refresh_compare()

    def reference(self) -> Trace | None:
        """The pinned trace, or None."""
        return self._reference

    def set_difference_shown(self, shown: bool) -> None:
        """While pinned: show the difference from the pinned trace (True) or the trace now (False)."""
        self._difference = bool(shown)
        self._refresh_compare()

    def difference_shown(self) -> bool:
        """True when the maps show now − pinned (a trace is pinned and the difference is chosen)."""
        return self._reference is not None and self._difference

    def shown_values(self, layer_index: int) -> np.ndarray | None:
        """Sample 0 of the values a column paints now (``INPUT_INDEX`` for the input), or None.

        Shape:
            the column's per-sample shape, e.g. ``(8, 28, 28)``.
        """
        return self._source(self._position(layer_index))

    def _refresh_compare(self) -> None:
        self._static = None  # the input's colour bar turns diverging for a difference
        self._refresh_pixels()
        self._show_probs()
        self.update()

    def _show_probs(self) -> None:
        """The class bars: the probabilities now, and their change while a difference is shown."""
        probs = None if self._trace is None else self._trace.probs[0]
        change = None
        if probs is not None and self.difference_shown():
            change = probs.astype(np.float64) - self._reference.probs[0]  # type: ignore[union-attr]
        self._prediction.set_probs(probs, self._class_names)
        self._prediction.set_change(change)

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
        now = self._quantity_of(self._trace, position)
        if now is None or not self.difference_shown():
            return now
        pinned = self._quantity_of(self._reference, position)
        return None if pinned is None else now.astype(np.float32) - pinned.astype(np.float32)

    def _quantity_of(self, trace: Trace | None, position: int) -> np.ndarray | None:
        """Sample 0 of the activation or gradient of column ``position`` in ``trace``, or None."""
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
        grey_input = self._quantity == "activation" and not self.difference_shown()
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
        grey = self._quantity == "activation" and not self.difference_shown()
        input_argb = self._faded_grey_argb if grey else self._faded_diverging_argb
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
        self._name_height = line_height(self._name_font, names)
        self._title_height = self._name_height + line_height(self._shape_font, shapes)
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
            grey = group == [0] and self._quantity == "activation" and not self.difference_shown()
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
        """A left click on a map (or the softmax column) emits sigMapClicked(layer_index, channel); a right
        click on a unit of a layer's map emits sigUnitClicked(layer_index, channel, row, col)."""
        if event.button() == Qt.MouseButton.RightButton:
            unit = self.unit_at(event.position())
            if unit is not None:
                self.sigUnitClicked.emit(*unit)
                return
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
