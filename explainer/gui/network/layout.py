"""Where the overview puts everything: one column per layer, the map size for the room it has, and the
connections between columns.

``ColumnLayout`` is the geometry half of :class:`~explainer.gui.network.overview.OverviewView`; the view
holds the columns (``_columns``), their titles' sizes and the fonts, and calls ``_arrange`` from its
``_relayout``. Everything here is computed from those and the current zoom (``theme.px``), never painted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainterPath
from PySide6.QtWidgets import QAbstractScrollArea

from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.layers import registry
from explainer.gui.network.prediction import ROW_GAP_PX, ROW_MAX_PX, row_rects

VECTOR_CELLS_MAX = 32
"""Vectors up to this length get one cell per value; longer ones are drawn as a strip."""


# A layer of these kinds reads only the same channel of its input; all other kinds read every channel.
CHANNELWISE_KINDS = registry.kinds_where(reads_own_channel=True)
FLATTEN_KINDS = registry.kinds("flatten")


def line_height(font: QFont, texts: Sequence[str]) -> float:
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
class Column:
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


class ColumnLayout:
    """The overview's geometry: map sizes, column boxes, title and colour-bar rectangles, connections.

    Mixed into ``OverviewView``, which provides ``_columns``, ``_title_widths``, ``_title_height``,
    ``_stagger``, ``_scrollable``, ``_bars``, ``_prediction`` and the fonts; the results land in the columns'
    ``box``/``cells``/``sources`` and in ``_header``, ``_prediction_label``, ``_strip_height``,
    ``_needed_width`` and ``_needed_height``.
    """

    def map_side(self) -> int:
        """Side in pixels of the smallest feature map drawn now (0 before ``set_model`` lays them out)."""
        sides = [round(cell.width()) for column in self._columns if column.spatial for cell in column.cells]
        return min(sides, default=0)

    def _map_area(self) -> float:
        """Pixels covered by all feature maps now: what a layout gives the maps in all."""
        return sum(cell.width() * cell.height() for c in self._columns if c.spatial for cell in c.cells)

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
    def _map_side(column: Column, side: int, avail: float) -> int:
        """Side of each map of a spatial column: a lone map (the input image) gets twice the room."""
        return min(2 * side, int(avail)) if column.shape[0] == 1 else side

    def _grid(self, column: Column, side: int, avail: float) -> tuple[int, int]:
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

    def _content_width(self, column: Column, side: int, avail: float) -> float:
        """Width of a column's maps (or vector) for maps of ``side`` pixels."""
        if column.spatial:
            cols = self._grid(column, side, avail)[1]
            return cols * self._map_side(column, side, avail) + (cols - 1) * theme.px(theme.MAP_GAP_PX)
        if column.strip:
            return float(min(max(theme.px(12), column.image_shape[1] * theme.px(3)), side))
        return float(min(max(theme.px(14), side // 2), theme.px(36)))

    def _place(self, column: Column, side: int, avail: float) -> None:
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

    def _strip_cell(self, column: Column, element: int) -> QRectF:
        """The rectangle of one value inside a strip column."""
        rows, cols = column.image_shape
        strip = column.cells[0]
        row, col = divmod(element, cols)
        w, h = strip.width() / cols, strip.height() / rows
        return QRectF(strip.left() + col * w, strip.top() + row * h, w, h)

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

    # ---- hit testing -----------------------------------------------------------------------------

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

    def unit_at(self, point: QPointF) -> tuple[int, int, int, int] | None:
        """``(layer_index, channel, row, col)`` of the map unit under ``point``, or None (not on a layer's
        map: the input, a vector, the softmax column, a gap)."""
        hit = self._hit(point)
        if hit is None:
            return None
        column = self._columns[hit[0]]
        if column.layer_index < 0 or column.strip or len(column.shape) != 3:
            return None
        cell = column.cells[hit[1]]
        _, height, width = column.shape
        row = min(int((point.y() - cell.top()) / cell.height() * height), height - 1)
        col = min(int((point.x() - cell.left()) / cell.width() * width), width - 1)
        return column.layer_index, hit[1], max(row, 0), max(col, 0)
