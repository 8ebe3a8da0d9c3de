"""One feature map shown large with its numbers: what the overview opens when a map is clicked.

The map is drawn as one nearest-neighbour image (each value a crisp square), the values are printed in
the cells when the map is small enough to read them (at most ``theme.DETAIL_NUMBERS_MAX`` on a side), and
hovering a cell shows its exact value. A vertical colour bar gives the range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from explainer.core.trace import Trace
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.colorbar import paint_colorbar
from explainer.gui.layers import registry
from explainer.gui.network.layout import VECTOR_CELLS_MAX, shape_text


class MapDetailView(QWidget):
    """A 2-D array as large square cells, numbers printed when small, hover reporting the cell.

    Signals:
        sigCellHovered(row, col): the pointer entered a cell; ``(-1, -1)`` when it left the map.
        sigCellClicked(row, col): a cell was clicked with the left button.

    Shape:
        values ``(H, W)``; NaN cells (padding of a folded vector) are left blank.
    """

    sigCellHovered = Signal(int, int)
    sigCellClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self._values = np.zeros((1, 1), dtype=np.float32)
        self._levels = (-1.0, 1.0)
        self._lut = theme.DIVERGING_LUT
        self._image = theme.array_to_qimage(self._values, self._levels, self._lut)
        self._highlight: tuple[int, int] | None = None
        self._hover: tuple[int, int] | None = None
        self._outline: tuple[int, int, int, int] | None = None
        self._decimals = 2
        theme.notifier().sigChanged.connect(self.update)

    def set_values(
        self,
        values: np.ndarray,
        levels: tuple[float, float],
        lut: np.ndarray = theme.DIVERGING_LUT,
        highlight: tuple[int, int] | None = None,
    ) -> None:
        """Show ``values`` coloured by ``lut`` between ``levels``, outlining the cell ``highlight``.

        Shape:
            values: ``(H, W)``; lut ``(256, 4)`` uint8 RGBA.
        """
        array = np.asarray(values, dtype=np.float32)
        if array.ndim != 2 or array.size == 0:
            raise BadInputError(f"a map must be a non-empty 2-D array, got shape {array.shape}")
        self._values = array
        finite = array[np.isfinite(array)]
        # Counts (how many outputs a pixel feeds) read as counts: "4", not "4.00".
        self._decimals = 0 if finite.size and np.all(finite == np.round(finite)) and np.any(finite) else 2
        self._levels = levels
        self._lut = lut
        self._image = theme.array_to_qimage(np.nan_to_num(array, nan=levels[0]), levels, lut)
        self._highlight = highlight
        self.updateGeometry()
        self.update()

    def values(self) -> np.ndarray:
        """The array shown, ``(H, W)``."""
        return self._values

    def set_outline(self, bounds: tuple[int, int, int, int] | None) -> None:
        """Outline the block of cells ``(top, left, bottom, right)`` (half-open, like a slice), e.g. a
        receptive field; None removes it."""
        self._outline = bounds
        self.update()

    def outline(self) -> tuple[int, int, int, int] | None:
        """The outlined block of cells, half-open, or None."""
        return self._outline

    def cell_text(self, row: int, col: int) -> str:
        """The number printed in (and hovered over) a cell: the value with two decimals (none when every
        value is a whole number, as counts are); "" for NaN."""
        value = float(self._values[row, col])
        return "" if math.isnan(value) else theme.format_value(value, self._decimals)

    def numbers_shown(self) -> bool:
        """True when the values are printed in the cells (small map and cells wide enough)."""
        rows, cols = self._values.shape
        if max(rows, cols) > theme.DETAIL_NUMBERS_MAX:
            return False
        return self._cell_side() >= QFontMetricsF(theme.font(0.7)).horizontalAdvance("\u22120.00") + 4

    def cell_rect(self, row: int, col: int) -> QRect:
        """Where a cell is painted, in widget coordinates."""
        side = self._cell_side()
        origin = self._origin()
        return QRectF(origin.x() + col * side, origin.y() + row * side, side, side).toAlignedRect()

    def hovered_cell(self) -> tuple[int, int] | None:
        """``(row, col)`` under the pointer, or None."""
        return self._hover

    def sizeHint(self) -> QSize:
        """Big enough to read the numbers of a 14x14 map, or about 560 pixels for larger ones."""
        rows, cols = self._values.shape
        numbers = max(rows, cols) <= theme.DETAIL_NUMBERS_MAX
        side = theme.px(theme.DETAIL_CELL_PX) if numbers else max(4, theme.px(560) // max(rows, cols))
        # A single row still gets room for a readable colour bar.
        return QSize(
            cols * side + self._bar_room(), max(rows * side + round(self._label_room()), theme.px(140))
        )

    def _bar_room(self) -> int:
        """Width kept on the right for the colour bar and its labels."""
        return theme.px(90)

    @staticmethod
    def _label_room() -> float:
        """Height kept free above and below the map: the colour bar's end labels sit centred on its ends."""
        return QFontMetricsF(theme.font(0.85)).height()

    def _cell_side(self) -> float:
        """Side of one square cell for the current widget size."""
        rows, cols = self._values.shape
        height = self.height() - self._label_room()
        return max(1.0, min((self.width() - self._bar_room()) / cols, height / rows))

    def _origin(self) -> QPointF:
        """Top-left corner of the map, centred vertically."""
        rows, _ = self._values.shape
        return QPointF(0.0, (self.height() - rows * self._cell_side()) / 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The map, its numbers (dark or light by cell brightness), outlines, and the colour bar."""
        palette = theme.current()
        rows, cols = self._values.shape
        side = self._cell_side()
        origin = self._origin()
        target = QRectF(origin.x(), origin.y(), cols * side, rows * side)
        with QPainter(self) as painter:
            painter.drawImage(target, self._image)
            missing = np.argwhere(np.isnan(self._values))
            for row, col in missing:
                painter.fillRect(
                    QRectF(origin.x() + col * side, origin.y() + row * side, side, side), palette.background
                )
            if self.numbers_shown():
                self._paint_numbers(painter, origin, side)
            painter.setPen(QPen(palette.frame, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)
            for cell, color, width in ((self._highlight, palette.text, 2), (self._hover, palette.accent, 3)):
                if cell is not None:
                    painter.setPen(QPen(color, theme.px(width)))
                    painter.drawRect(QRectF(self.cell_rect(*cell)))
            if self._outline is not None:
                top, left, bottom, right = self._outline
                painter.setPen(QPen(palette.accent, theme.px(3)))
                painter.drawRect(
                    QRectF(
                        origin.x() + left * side,
                        origin.y() + top * side,
                        (right - left) * side,
                        (bottom - top) * side,
                    )
                )
            painter.setFont(theme.font(0.85))
            bar = QRectF(target.right() + theme.px(14), target.top(), theme.px(14), target.height())
            paint_colorbar(painter, bar, self._lut, self._levels, vertical=True)

    def _paint_numbers(self, painter: QPainter, origin: QPointF, side: float) -> None:
        """Print every value in its cell, black on light colours and white on dark ones."""
        painter.setFont(theme.font(min(1.0, side / theme.px(46))))
        lo, hi = self._levels
        rows, cols = self._values.shape
        for row in range(rows):
            for col in range(cols):
                text = self.cell_text(row, col)
                if not text:
                    continue
                color = theme.lut_color(self._lut, (float(self._values[row, col]) - lo) / (hi - lo))
                painter.setPen(Qt.GlobalColor.black if color.lightnessF() > 0.55 else Qt.GlobalColor.white)
                rect = QRectF(origin.x() + col * side, origin.y() + row * side, side, side)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The (row, col) under ``point``, or None outside the map."""
        side = self._cell_side()
        origin = self._origin()
        rows, cols = self._values.shape
        row = math.floor((point.y() - origin.y()) / side)
        col = math.floor((point.x() - origin.x()) / side)
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Track the hovered cell and report it."""
        cell = self._cell_at(event.position())
        if cell != self._hover:
            self._hover = cell
            self.sigCellHovered.emit(*(cell if cell is not None else (-1, -1)))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A left click on a cell reports it."""
        cell = self._cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sigCellClicked.emit(*cell)
        else:
            super().mousePressEvent(event)

    def leaveEvent(self, event: object) -> None:
        """No cell is hovered once the pointer leaves."""
        if self._hover is not None:
            self._hover = None
            self.sigCellHovered.emit(-1, -1)
            self.update()


class MapDetailDialog(QDialog):
    """One map of a trace, large: title (layer, channel, shape), min/max, the map and the hovered value.

    Open it with what the overview reported in ``sigMapClicked(layer_index, channel)``; ``layer_index``
    -1 is the input image. A flatten value is shown inside the map it came from, other vector values
    within their whole vector, the clicked value outlined. Call ``set_trace`` to follow a new trace live.

    Shape:
        reads sample 0 of the trace.
    """

    def __init__(
        self,
        trace: Trace,
        layer_index: int,
        channel: int,
        parent: QWidget | None = None,
        *,
        quantity: str = "activation",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("map_detail")
        self._layer_index, self._channel, self._quantity = layer_index, channel, quantity
        self._first_index: int | None = None
        self._title = QLabel()
        self._title.setObjectName("map_detail_title")
        self._summary = QLabel()
        self._summary.setObjectName("map_detail_summary")
        self._value = QLabel()
        self._value.setObjectName("map_detail_value")
        self.view = MapDetailView(self)
        layout = QVBoxLayout(self)
        for widget in (self._title, self._summary):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._value)
        self.view.sigCellHovered.connect(self._show_value)
        theme.notifier().sigChanged.connect(self._apply_fonts)
        self._apply_fonts()
        self.set_trace(trace)
        self.adjustSize()

    def set_trace(self, trace: Trace) -> None:
        """Show the same map (layer and channel) of ``trace``, e.g. while the student keeps drawing.

        A gradient dialog shows the activation while the traces carry no gradients (Forward mode), and the
        gradient again once they do.
        """
        quantity = self._quantity if trace.has_gradients else "activation"
        detail = detail_of(trace, self._layer_index, self._channel, quantity)
        values = np.asarray(detail.values, dtype=np.float32)
        finite = values[np.isfinite(values)]
        levels = detail.levels if detail.levels is not None else theme.symmetric_levels(finite)
        self._first_index = detail.first_index
        self.view.set_values(values, levels, detail.lut, detail.highlight)
        self._title.setText(detail.title)
        self.setWindowTitle(detail.title)
        self._summary.setText(
            tr("{shape} values · min {lo} · max {hi}").format(
                shape=shape_text(values.shape),
                lo=theme.format_value(finite.min(), 4),
                hi=theme.format_value(finite.max(), 4),
            )
        )
        hovered = self.view.hovered_cell()
        self._show_value(*(hovered if hovered is not None else (-1, -1)))

    def title_text(self) -> str:
        """The title line (layer, channel, shape)."""
        return self._title.text()

    def summary_text(self) -> str:
        """The line with the map's size, min and max."""
        return self._summary.text()

    def value_text(self) -> str:
        """The hovered cell and its value, or the hint to hover."""
        return self._value.text()

    def _apply_fonts(self) -> None:
        """Fonts for the current zoom."""
        self._title.setFont(theme.font(1.3, bold=True))
        self._summary.setFont(theme.font(1.0))
        self._value.setFont(theme.font(1.0, mono=True))

    def _show_value(self, row: int, col: int) -> None:
        """Show the hovered cell's position and exact value."""
        if row < 0:
            self._value.setText(tr("Hover a cell to read its value."))
            return
        values = self.view.values()
        value = values[row, col]
        text = theme.format_value(value, 4) if np.isfinite(value) else "-"
        if self._first_index is None:
            self._value.setText(tr("row {r}, col {c}: {v}").format(r=row, c=col, v=text))
        else:
            index = self._first_index + row * values.shape[1] + col
            self._value.setText(tr("value {i}: {v}").format(i=index, v=text))


@dataclass(frozen=True)
class MapDetail:
    """What the detail dialog shows for one clicked map or value.

    Shape:
        values ``(H, W)`` (NaN pads a folded vector); ``first_index`` is the vector index of cell (0, 0)
        for vectors (cell (r, c) is value ``first_index + r * W + c``), None for maps.
    """

    values: np.ndarray
    title: str
    lut: np.ndarray
    levels: tuple[float, float] | None = None
    highlight: tuple[int, int] | None = None
    first_index: int | None = None


def detail_of(trace: Trace, layer_index: int, channel: int, quantity: str = "activation") -> MapDetail:
    """What to show for the map (or vector value) the overview reported as (layer_index, channel).

    Shape:
        reads sample 0 of ``trace``; ``layer_index`` -1 is the input image.
    """
    gradient = quantity == "gradient"
    if gradient and not trace.has_gradients:
        raise BadInputError("this trace has no gradients: trace the model with a target to see them")
    if layer_index == -1:
        array = (trace.input_grad if gradient else trace.input)[0]  # type: ignore[index]
        title = tr("input · channel {c} · {shape}").format(c=channel, shape=shape_text(array.shape))
        if gradient:
            return MapDetail(array[channel], tr("dL/d ") + title, theme.DIVERGING_LUT)
        return MapDetail(array[channel], title, theme.GREY_LUT, (0.0, 1.0))
    record = trace.layers[layer_index]
    array = (record.grad_output if gradient else record.output)[0]  # type: ignore[index]
    prefix = tr("dL/d ") if gradient else ""
    if array.ndim == 3:
        title = tr("{p}{name} · channel {c} of {n} · {shape}").format(
            p=prefix, name=record.name, c=channel, n=array.shape[0], shape=shape_text(array.shape)
        )
        return MapDetail(array[channel], title, theme.DIVERGING_LUT)
    before = trace.layers[layer_index - 1] if layer_index > 0 else None
    previous = before.output[0] if before is not None else trace.input[0]
    if record.kind in registry.kinds("flatten") and previous.ndim == 3 and previous.size == array.size:
        _, height, width = previous.shape
        source, offset = divmod(channel, height * width)
        start = source * height * width
        title = tr("{p}{name} · values {a}-{b} of {n} (= {before} channel {c})").format(
            p=prefix,
            name=record.name,
            a=start,
            b=start + height * width - 1,
            n=array.size,
            before=before.name if before is not None else tr("input"),
            c=source,
        )
        values = array[start : start + height * width].reshape(height, width)
        return MapDetail(values, title, theme.DIVERGING_LUT, None, divmod(offset, width), start)
    # Short vectors (the logits) as one row, like their cells in the overview; long ones folded square.
    width = array.size if array.size <= VECTOR_CELLS_MAX else math.ceil(math.sqrt(array.size))
    padded = np.full(math.ceil(array.size / width) * width, np.nan, dtype=np.float32)
    padded[: array.size] = array
    if layer_index == len(trace.layers) - 1 and array.size == trace.probs.shape[1]:
        title = tr("{p}{name} · the {n} logits, class {i} outlined").format(
            p=prefix, name=record.name, i=channel, n=array.size
        )
    else:
        title = tr("{p}{name} · value {i} of {n}").format(p=prefix, name=record.name, i=channel, n=array.size)
    return MapDetail(padded.reshape(-1, width), title, theme.DIVERGING_LUT, None, divmod(channel, width), 0)


def main() -> None:
    """Open the detail of one pool2 map of the sample digit alone."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui.kit.samples import sample_problem

    app = QApplication.instance() or QApplication(sys.argv)
    model, digit, label = sample_problem()
    trace = model.trace(digit.reshape(1, *model.input_shape), target=np.array([label]))
    dialog = MapDetailDialog(trace, layer_index=len(trace.layers) - 3, channel=0)
    dialog.show()
    app.exec()


if __name__ == "__main__":
    main()
