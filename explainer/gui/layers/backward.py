"""Backward detail views: how each layer turns dL/d(output) into dL/d(input) and dL/d(weights), with numbers.

Every view is driven by the core's backward step generators (``conv_input_grad_steps``,
``conv_weight_grad_steps``, ``maxpool_grad_steps``) or by per-position records built here from the trace
(average pooling, activations, the dense layer), materialised once into a list and advanced by the shared
``StepPlayer``. What a view shows at the last step equals the trace's gradients; the tests check that.

The module also holds ``MapBoard``, the painted board of labelled heatmaps that the stepper, attribution,
learn and gradient-check views share: every map is one QImage from a LUT (never a ViewBox per map), on a
diverging map with symmetric levels and a colour bar under it.

Run alone: ``python -m explainer.gui.layers.backward``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolTip, QWidget

from explainer.core import conv_input_grad_steps, conv_weight_grad_steps, maxpool_grad_steps, pool_steps
from explainer.core.layers import sigmoid_derivative, tanh_derivative
from explainer.core.network import Sequential
from explainer.core.ops import output_size
from explainer.core.trace import LayerRecord, Trace
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import (
    DetailView,
    Grid,
    fit_cell,
    fit_number_font,
    paint_cell_lines,
    paint_highlight,
    paint_image,
    paint_padding,
    text_colours,
)
from explainer.gui.kit.colorbar import paint_gradient, paint_range_labels

# ---- numbers --------------------------------------------------------------------------------------------


def fmt(value: float, digits: int = 3) -> str:
    """:func:`theme.format_significant`: gradients need significant digits, not fixed decimals."""
    return theme.format_significant(value, digits)


def auto_decimals(values: np.ndarray) -> int:
    """Decimals that show about two significant digits of the largest value (0..4).

    Shape:
        values: any shape; NaN ignored.
    """
    finite = np.abs(values[np.isfinite(values)])
    m = float(finite.max()) if finite.size else 0.0
    return 2 if m == 0.0 else int(np.clip(1 - math.floor(math.log10(m)), 0, 4))


SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def number_exponent(values: np.ndarray) -> int:
    """The power of ten taken out of printed cell numbers: 0 when the largest |value| is in [0.01, 100).

    Gradients are often ~1e-6; printing them as "0.0000" says nothing, so such a panel prints
    ``value / 10^e`` and its title says "×10^e".

    Shape:
        values: any shape; NaN ignored.
    """
    finite = np.abs(values[np.isfinite(values)])
    m = float(finite.max()) if finite.size else 0.0
    return 0 if m == 0.0 or 0.01 <= m < 100 else math.floor(math.log10(m))


def scale_text(exponent: int) -> str:
    """The title suffix of a scaled panel, e.g. "  (×10⁻⁶)"."""
    return f"  (\u00d710{str(exponent).translate(SUPERSCRIPT)})"


def cell_text(value: float, decimals: int) -> str:
    """A cell's number with fixed decimals and a true minus sign; -0.00 shows as 0.00."""
    return theme.format_value(value, decimals)


# ---- arranging tensors as images -----------------------------------------------------------------------


def tile(maps: np.ndarray, columns: int | None = None) -> np.ndarray:
    """Lay out a stack of maps in a grid separated by one-cell NaN gaps (NaN is painted as background).

    Shape:
        maps: ``(C, h, w)`` laid out ``columns`` wide (default ``ceil(sqrt(C))``), or ``(A, B, h, w)`` as
        A rows of B maps; returns ``(rows*(h+1)-1, cols*(w+1)-1)`` float64.
    """
    maps = np.asarray(maps, dtype=np.float64)
    if maps.ndim == 4:
        rows, cols = maps.shape[:2]
        maps = maps.reshape(rows * cols, *maps.shape[2:])
    else:
        cols = columns or math.ceil(math.sqrt(maps.shape[0]))
        rows = math.ceil(maps.shape[0] / cols)
    h, w = maps.shape[1:]
    out = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), np.nan)
    for index, image in enumerate(maps):
        r, c = divmod(index, cols)
        out[r * (h + 1) : r * (h + 1) + h, c * (w + 1) : c * (w + 1) + w] = image
    return out


def as_image(tensor: np.ndarray, flat_shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Arrange one tensor of a pass as a 2-D image for a heatmap.

    Maps become a tiled grid, conv kernels a grid of ``C_out`` rows by ``C_in`` columns, a vector that is a
    flattened stack of maps (``flat_shape``) becomes those maps, a dense ``W (in, out)`` one row of maps per
    output; other vectors are wrapped into rows.

    Shape:
        tensor: ``(1, C, H, W)``, ``(1, F)``, ``(C_out, C_in, k, k)``, ``(F, K)`` or ``(K,)``;
        flat_shape: the ``(C, H, W)`` a Flatten turned into F values, if any. Returns ``(rows, cols)``.
    """
    tensor = np.asarray(tensor, dtype=np.float64)
    flat = flat_shape is not None and len(flat_shape) == 3
    if tensor.ndim == 4 and tensor.shape[0] == 1:
        return tile(tensor[0])
    if tensor.ndim == 4 and tensor.shape[1] == 1:
        return tile(tensor[:, 0])  # kernels on a single input channel: a compact grid
    if tensor.ndim == 4:
        return tile(tensor)
    if tensor.ndim == 3:
        return tile(tensor)
    if tensor.ndim == 2 and tensor.shape[0] == 1:
        vector = tensor[0]
        if flat and vector.size == math.prod(flat_shape):
            return tile(vector.reshape(flat_shape))
        return wrap(vector)
    if tensor.ndim == 2:
        if flat and tensor.shape[0] == math.prod(flat_shape):
            return tile(tensor.T.reshape(tensor.shape[1], *flat_shape))
        return tensor.T
    return wrap(tensor.reshape(-1))


def wrap(vector: np.ndarray, width: int = 32) -> np.ndarray:
    """A vector as rows of ``width`` values (one row when shorter), the last row padded with NaN.

    Shape:
        vector: ``(F,)``; returns ``(ceil(F / width), min(F, width))``.
    """
    width = min(width, vector.size)
    rows = math.ceil(vector.size / width)
    out = np.full(rows * width, np.nan)
    out[: vector.size] = vector
    return out.reshape(rows, width)


# ---- painting -------------------------------------------------------------------------------------------


def fitted_title_font(title: str, width: float) -> QFont:
    """The bold panel font, shrunk (to 75% at most) so that ``title`` fits in ``width`` pixels."""
    font = theme.font(bold=True)
    needed = QFontMetricsF(font).horizontalAdvance(title)
    if needed > width > 0:
        font.setPointSizeF(font.pointSizeF() * max(0.75, width / needed))
    return font


@dataclass
class Panel:
    """One labelled heatmap on a :class:`MapBoard`.

    Shape:
        values: ``(H, W)``; NaN cells are gaps (not drawn). marks: bool ``(H, W)`` cells to outline thinly
        in the accent colour; highlight: one (row, col, rows, cols) block outlined thickly.
        under: ``(H, W)`` ink in [0, 1] (the digit) that darkens the colours, so the map reads over it.
        levels: ``(lo, hi)``; None means ``±max|values|``.
    """

    title: str
    values: np.ndarray
    levels: tuple[float, float] | None = None
    lut: np.ndarray = field(default_factory=lambda: theme.DIVERGING_LUT)
    numbers: bool = True
    highlight: tuple[int, int, int, int] | None = None
    marks: np.ndarray | None = None
    under: np.ndarray | None = None
    hatch: int = 0
    caption: str = ""
    colorbar: bool = True

    def resolved_levels(self) -> tuple[float, float]:
        """The levels used: given, or symmetric around zero from the finite values."""
        if self.levels is not None:
            return self.levels
        finite = self.values[np.isfinite(self.values)]
        return theme.symmetric_levels(finite)


OVERLAY_INK = 0.45
"""How much full ink darkens a map drawn over the digit (0: invisible digit, 1: black strokes)."""


def panel_image(panel: Panel) -> tuple[QImage, np.ndarray]:
    """Colour a panel's values (NaN transparent; mixed over ``under`` when given) into an ARGB32 image.

    Shape:
        returns the image (one pixel per cell) and the LUT indices ``(H, W)`` uint8 (for text contrast).
    """
    values = np.asarray(panel.values, dtype=np.float64)
    gaps = ~np.isfinite(values)
    lo, hi = panel.resolved_levels()
    indices = theme.to_indices(np.where(gaps, 0.0, values), (lo, hi))
    rgb = panel.lut[indices, :3].astype(np.float32)
    if panel.under is not None:
        # Overlay: the ink darkens the map like a pencil stroke under tracing paper, so the colours stay
        # readable and the digit shows through as grey where the values are near zero.
        rgb = rgb * (1.0 - OVERLAY_INK * np.clip(panel.under, 0.0, 1.0))[..., None]
    words = (
        np.uint32(0xFF000000)
        | (rgb[..., 0].astype(np.uint32) << 16)
        | (rgb[..., 1].astype(np.uint32) << 8)
        | rgb[..., 2].astype(np.uint32)
    )
    words[gaps] = 0
    words = np.ascontiguousarray(words, dtype=np.uint32)
    height, width = words.shape
    image = QImage(words.data, width, height, width * 4, QImage.Format.Format_ARGB32).copy()
    return image, indices


class MapBoard(QWidget):
    """Labelled heatmaps side by side, each with its colour bar; painted in one pass with QPainter.

    Cells print their numbers when they are large enough; hovering shows a cell's value, a click reports it.

    Signals:
        sigCellClicked(panel_index, row, col): a map cell was clicked.
    """

    sigCellClicked = Signal(int, int, int)

    def __init__(self, columns: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_board")
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._columns = columns
        self._panels: list[Panel] = []
        self._images: list[tuple[QImage, np.ndarray]] = []
        theme.notifier().sigChanged.connect(self.update)

    def set_panels(self, panels: Sequence[Panel]) -> None:
        """Show ``panels`` (left to right, wrapping after ``columns``)."""
        shapes = [panel.values.shape for panel in self._panels]
        self._panels = list(panels)
        self._images = [panel_image(panel) for panel in self._panels]
        if shapes != [panel.values.shape for panel in self._panels]:
            self.updateGeometry()
        self.update()

    def panels(self) -> list[Panel]:
        """The panels shown now (their ``values`` are the numbers on screen)."""
        return list(self._panels)

    def sizeHint(self) -> QSize:
        width = theme.px(880)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Room for each panel's title, colour bar and wrapped caption at this width, and a small map."""
        if not self._panels:
            return QSize(theme.px(240), theme.px(160))
        width = max(theme.px(240), math.ceil(max(map(self._least_slot, self._panels))) + 2 * theme.px(6))
        return QSize(width, self._least_height(max(self.width(), width)))

    def _least_height(self, width: float) -> int:
        """The height the panels' text needs at ``width``, with maps 24 pixels tall."""
        columns, rows = self._grid_shape(width)
        margin, gap = theme.px(6), theme.px(14)
        slot_w = (width - 2 * margin - (columns - 1) * gap) / columns
        total = 2 * margin + (rows - 1) * gap + rows * theme.px(24)
        for r in range(rows):
            total += max(
                self._chrome(panel, slot_w) for panel in self._panels[r * columns : (r + 1) * columns]
            )
        return max(theme.px(160), math.ceil(total))

    def hasHeightForWidth(self) -> bool:
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The minimum height follows the width: panels wrap onto more rows when the board narrows."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def heightForWidth(self, width: int) -> int:
        """The height at which each map is as large as its slot's width allows (at most ``MAX_HEIGHT_PX``)."""
        if not self._panels:
            return theme.px(160)
        columns, rows = self._grid_shape(width)
        margin, gap = theme.px(6), theme.px(14)
        slot_w = (width - 2 * margin - (columns - 1) * gap) / columns
        total = 2 * margin + (rows - 1) * gap
        for r in range(rows):
            total += max(
                self._chrome(panel, slot_w) + slot_w * panel.values.shape[0] / panel.values.shape[1]
                for panel in self._panels[r * columns : (r + 1) * columns]
            )
        # Never less than the text needs: layouts with height-for-width items give them this height.
        return max(min(round(total), theme.px(self.MAX_HEIGHT_PX)), self._least_height(width))

    MAX_HEIGHT_PX = 720
    """Tallest natural height of a board, before zoom."""

    # ---- layout

    def _grid_shape(self, width: float | None = None) -> tuple[int, int]:
        """(panels per row, rows) at ``width`` (default: the board's): the ``columns`` asked for, else as
        many as fit with every slot wide enough for its colour bar's label and its caption's widest word."""
        n = len(self._panels)
        if self._columns:
            columns = min(self._columns, n)
            return columns, math.ceil(n / columns)
        width = self.width() if width is None else width
        margin, gap = theme.px(6), theme.px(14)
        least = max(self._least_slot(panel) for panel in self._panels)
        columns = max(1, min(n, int((width - 2 * margin + gap) // (least + gap))))
        return columns, math.ceil(n / columns)

    @staticmethod
    def _least_slot(panel: Panel) -> float:
        """The narrowest slot that holds the panel's colour-bar label (collapsed to ±m) and caption words."""
        metrics = QFontMetricsF(theme.font(0.9))
        lo, hi = panel.resolved_levels()
        least = metrics.horizontalAdvance("\u00b1" + fmt(max(abs(lo), abs(hi)), 2)) if panel.colorbar else 0.0
        if panel.caption:
            wrap = int(Qt.TextFlag.TextWordWrap)
            least = max(least, metrics.boundingRect(QRectF(0, 0, 1, 1e6), wrap, panel.caption).width())
        return least + theme.px(4)

    @staticmethod
    def _caption_height(panel: Panel, width: float) -> float:
        """Height of the panel's caption wrapped to ``width`` (at least two lines when there is one)."""
        if not panel.caption:
            return 0.0
        metrics = QFontMetricsF(theme.font(0.9))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        wrapped = metrics.boundingRect(QRectF(0, 0, max(width, 1.0), 1e6), flags, panel.caption).height()
        lines = max(round(wrapped / metrics.lineSpacing()), 2)
        # A line of Chinese is as tall as its fallback font's line, taller than the UI font's.
        line = max(
            metrics.lineSpacing(), metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, panel.caption).height()
        )
        return lines * line + 2

    @classmethod
    def _chrome(cls, panel: Panel, width: float) -> float:
        """Height a panel ``width`` wide needs besides its map: title, colour bar with labels, caption."""
        small = QFontMetricsF(theme.font(0.9)).lineSpacing()
        bar_h = theme.px(theme.COLORBAR_HEIGHT_PX) + small + 2 if panel.colorbar else 0.0
        return cls._title_line(panel) + 2 + bar_h + cls._caption_height(panel, width) + 6

    @staticmethod
    def _title_line(panel: Panel) -> float:
        """Height of the title's line (a Chinese title's fallback font makes it taller than the UI font's)."""
        metrics = QFontMetricsF(theme.font(bold=True))
        return max(
            metrics.lineSpacing(), metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, panel.title).height()
        )

    def _layout(self) -> list[tuple[QRectF, Grid, QRectF, QRectF]]:
        """Per panel: its slot, the map grid, the colour bar and the caption rectangle."""
        if not self._panels:
            return []
        columns, rows = self._grid_shape()
        margin, gap = theme.px(6), theme.px(14)
        width = (self.width() - 2 * margin - (columns - 1) * gap) / columns
        # Each row gets the height its text needs, and an equal share of what is left for the maps.
        chrome = [
            max(self._chrome(panel, width) for panel in self._panels[r * columns : (r + 1) * columns])
            for r in range(rows)
        ]
        maps_h = max((self.height() - 2 * margin - (rows - 1) * gap - sum(chrome)) / rows, 4.0)
        tops = [margin + sum(chrome[:r]) + r * (maps_h + gap) for r in range(rows)]
        line = max(map(self._title_line, self._panels))
        small = QFontMetricsF(theme.font(0.9)).lineSpacing()
        out = []
        for index, panel in enumerate(self._panels):
            r, c = divmod(index, columns)
            slot = QRectF(margin + c * (width + gap), tops[r], width, chrome[r] + maps_h)
            bar_h = theme.px(theme.COLORBAR_HEIGHT_PX) + small + 2 if panel.colorbar else 0.0
            area_h = max(slot.height() - self._chrome(panel, slot.width()), 4.0)
            rows_, cols_ = panel.values.shape
            cell = fit_cell(slot.width(), area_h, rows_, cols_)
            left = slot.left() + (slot.width() - cell * cols_) / 2
            grid = Grid(left, slot.top() + line + 2, cell, rows_, cols_)
            map_rect = grid.rect()
            bar_w = min(slot.width() * 0.9, max(map_rect.width(), theme.px(120)))
            bar = QRectF(
                slot.center().x() - bar_w / 2,
                map_rect.bottom() + 4,
                bar_w,
                theme.px(theme.COLORBAR_HEIGHT_PX),
            )
            caption_h = self._caption_height(panel, slot.width())
            caption = QRectF(slot.left(), map_rect.bottom() + 4 + bar_h, slot.width(), caption_h)
            out.append((slot, grid, bar, caption))
        return out

    def cell_rect(self, panel_index: int, row: int, col: int) -> QRectF:
        """Where cell (row, col) of a panel is painted now (for tests and click simulation)."""
        return self._layout()[panel_index][1].cells(row, col)

    # ---- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = theme.current()
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), palette.background)
            for panel, (image, indices), (slot, grid, bar, caption) in zip(
                self._panels, self._images, self._layout(), strict=True
            ):
                number_format = self._number_format(painter, panel, grid)
                exponent = number_format[0] if number_format else 0
                title = panel.title + (scale_text(exponent) if exponent else "")
                painter.setFont(fitted_title_font(title, slot.width()))
                painter.setPen(palette.text)
                painter.drawText(
                    QRectF(slot.left(), slot.top(), slot.width(), grid.top - slot.top()),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, round(slot.width())),
                )
                paint_image(painter, grid, image)
                paint_padding(painter, grid, panel.hatch, palette.muted)
                gaps = ~np.isfinite(panel.values)
                if not gaps.any():
                    paint_cell_lines(painter, grid, palette.frame, min_cell=12.0)
                if number_format is not None:
                    self._paint_numbers(painter, panel, grid, indices, gaps, number_format)
                if panel.marks is not None:
                    painter.setPen(QPen(palette.accent, max(1.5, grid.cell * 0.08)))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    for row, col in zip(*np.nonzero(panel.marks), strict=True):
                        painter.drawRect(grid.cells(int(row), int(col)).adjusted(1, 1, -1, -1))
                if panel.highlight is not None:
                    paint_highlight(
                        painter, grid.cells(*panel.highlight), palette.accent, max(2.0, grid.cell * 0.12)
                    )
                if panel.colorbar:
                    paint_bar(painter, bar, panel.lut, panel.resolved_levels())
                if panel.caption:
                    painter.setFont(theme.font(0.9))
                    painter.setPen(palette.muted)
                    painter.drawText(
                        caption, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, panel.caption
                    )

    @staticmethod
    def _number_format(painter: QPainter, panel: Panel, grid: Grid) -> tuple[int, int] | None:
        """(power of ten, decimals) of the cell numbers, with the number font set; None: no numbers."""
        if not panel.numbers or grid.cell < 14:
            return None
        exponent = number_exponent(panel.values)
        decimals = 2 if exponent else auto_decimals(panel.values)
        sample = "\u2212" + "0." + "0" * decimals if decimals else "\u221200"
        return (exponent, decimals) if fit_number_font(painter, grid.cell, sample, 0.85) else None

    @staticmethod
    def _paint_numbers(
        painter: QPainter,
        panel: Panel,
        grid: Grid,
        indices: np.ndarray,
        gaps: np.ndarray,
        number_format: tuple[int, int],
    ) -> None:
        """Print every finite value (divided by 10^exponent) in its cell, dark or light for contrast."""
        exponent, decimals = number_format
        sample = "\u2212" + "0." + "0" * decimals if decimals else "\u221200"
        fit_number_font(painter, grid.cell, sample, 0.85)
        dark_text = text_colours(panel.lut, indices)
        dark, light = QColor("#111111"), QColor("#ffffff")
        scale = 10.0**-exponent
        for row, col in zip(*np.nonzero(~gaps), strict=True):
            painter.setPen(dark if dark_text[row, col] else light)
            painter.drawText(
                grid.cells(int(row), int(col)),
                Qt.AlignmentFlag.AlignCenter,
                cell_text(panel.values[row, col] * scale, decimals),
            )

    # ---- mouse

    def _hit(self, point: QPointF) -> tuple[int, int, int] | None:
        for index, (_, grid, _, _) in enumerate(self._layout()):
            cell = grid.cell_at(point)
            if cell is not None and np.isfinite(self._panels[index].values[cell]):
                return index, cell[0], cell[1]
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit is None:
            QToolTip.hideText()
            return
        index, row, col = hit
        panel = self._panels[index]
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{panel.title} [{row}, {col}] = {fmt(panel.values[row, col], 4)}",
            self,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sigCellClicked.emit(*hit)


def paint_bar(painter: QPainter, rect: QRectF, lut: np.ndarray, levels: tuple[float, float]) -> None:
    """A horizontal colour bar with its range under it in significant digits (gradients can be ~1e-7).

    The labels collapse to one ``±m`` when the bar is too short for low, 0 and high side by side.

    Shape:
        lut: ``(256, 4)`` uint8 RGBA; levels ``(lo, hi)``.
    """
    paint_gradient(painter, rect, lut)
    painter.setFont(theme.font(0.9))
    paint_range_labels(painter, rect, levels, texts=(fmt(levels[0], 2), fmt(levels[1], 2)))


# ---- layer geometry -------------------------------------------------------------------------------------


def conv_geometry(record: LayerRecord) -> tuple[int, int, int]:
    """(kernel size, stride, padding) of a convolution, read from its shapes and checked on its numbers.

    A LayerRecord holds arrays only, so the settings are the ones that reproduce output channel 0 exactly.

    Shape:
        record.input ``(N, C_in, H, W)``, record.params["W"] ``(C_out, C_in, k, k)``.
    """
    W, b = record.params["W"], record.params["b"]
    k = W.shape[-1]
    (H, Wd), (out_h, out_w) = record.input.shape[2:], record.output.shape[2:]
    x = record.input[0].astype(np.float64)
    for stride in range(1, k + 1):
        for padding in range(k):
            try:
                if (output_size(H, k, stride, padding), output_size(Wd, k, stride, padding)) != (
                    out_h,
                    out_w,
                ):
                    continue
            except ValueError:
                continue
            xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
            windows = sliding_window_view(xp, (k, k), axis=(1, 2))[:, ::stride, ::stride][:, :out_h, :out_w]
            z = np.einsum("chwij,cij->hw", windows, W[0].astype(np.float64)) + float(b[0])
            if np.allclose(z, record.output[0, 0], rtol=1e-4, atol=1e-4):
                return k, stride, padding
    raise BadInputError(f"cannot work out the stride and padding of {record.name} from its numbers")


def pool_geometry(record: LayerRecord) -> tuple[int, int]:
    """(window size, stride) of a pooling layer, read from its shapes and checked on its numbers.

    Shape:
        record.input ``(N, C, H, W)``, record.output ``(N, C, H_out, W_out)``.
    """
    H, out_h = record.input.shape[2], record.output.shape[2]
    mode = "max" if record.kind == "maxpool2d" else "avg"
    x, y = record.input[0, 0], record.output[0, 0]
    candidates = [(s, s) for s in range(1, H + 1)] + [(z, s) for z in range(1, H + 1) for s in range(1, z)]
    for size, stride in candidates:
        if (H - size) // stride + 1 != out_h or (record.input.shape[3] - size) // stride + 1 != y.shape[1]:
            continue
        values = np.array([step.value for step in pool_steps(x, size, stride, mode)]).reshape(y.shape)
        if np.allclose(values, y, rtol=1e-5, atol=1e-6):
            return size, stride
    raise BadInputError(f"cannot work out the window and stride of {record.name} from its numbers")


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


# ---- the detail views -----------------------------------------------------------------------------------


def _check(trace: Trace, layer_index: int) -> LayerRecord:
    if not trace.has_gradients:
        raise BadInputError("this trace has no gradients: trace the input with a target (a label or a class)")
    if not 0 <= layer_index < len(trace.layers):
        raise BadInputError(f"layer_index must be in [0, {len(trace.layers)}), got {layer_index}")
    return trace.layers[layer_index]


def _blank(final: np.ndarray, filled: int) -> np.ndarray:
    """``final`` with only its first ``filled`` cells (row-major) shown, the rest blank (NaN).

    Shape:
        final: ``(H, W)``; returns ``(H, W)`` float64.
    """
    out = np.full(final.shape, np.nan)
    out.reshape(-1)[:filled] = final.reshape(-1)[:filled]
    return out


def _factor(value: float) -> str:
    """A factor of a product, in parentheses when negative so that "×−" never appears."""
    text = fmt(value)
    return f"({text})" if text.startswith("\u2212") else text


def _terms(a: np.ndarray, b: np.ndarray, limit: int = 9) -> str:
    """``a0×b0 + a1×b1 + …`` for a formula line, at most ``limit`` products then an ellipsis."""
    pairs = [f"{_factor(p)}\u00d7{_factor(q)}" for p, q in zip(a.reshape(-1), b.reshape(-1), strict=True)]
    text = " + ".join(pairs[:limit])
    return text + (" + \u2026" if len(pairs) > limit else "")


class BackwardDetail(DetailView):
    """Shared frame of the backward views: a MapBoard, a formula line with the real numbers, the player.

    Subclasses fill ``steps`` in ``_build`` and draw one of them in ``_show_step``; ``final()`` returns what
    the animation has built at its last step (tests compare it with the trace).
    """

    def __init__(
        self, object_name: str, trace: Trace, layer_index: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(object_name, parent)
        self.trace = trace
        self.layer_index = layer_index
        self.record = _check(trace, layer_index)
        self.steps: list = []
        self.board = MapBoard()
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_layout.addWidget(self.board)
        self.stage_layout.addWidget(self.formula)
        self.stage_layout.addStretch(1)
        self.player.sigStepChanged.connect(self._show)
        self._apply_formula_font()
        theme.notifier().sigChanged.connect(self._apply_formula_font)

    def _apply_formula_font(self) -> None:
        self.formula.setFont(theme.font(1.05, mono=True))

    def _combo(self, name: str, tip: str, items: Sequence[str], current: int) -> QComboBox:
        """A toolbar combo box with a label; its index changes rebuild the steps."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.addItems(list(items))
        combo.setCurrentIndex(min(max(current, 0), len(items) - 1))
        combo.currentIndexChanged.connect(self._rebuild)
        return combo

    def _rebuild(self) -> None:
        """New steps (a new view, or another mode or map chosen): the animation starts at its first step."""
        self._build()
        self.player.set_count(len(self.steps))
        self.player.set_step(0)
        self._show(self.player.step())

    def set_trace(self, trace: Trace, layer_index: int | None = None, channel: int | None = None) -> None:
        """Follow a new trace (the student keeps drawing) without rebuilding the view.

        The mode, channels and animation step stay as the student left them when still valid; ``channel``
        (as in :func:`make_backward_view`) selects another map. Raises BadInputError for a trace without
        gradients or a layer of another kind (that needs a new view).
        """
        index = self.layer_index if layer_index is None else layer_index
        record = _check(trace, index)
        if record.kind != self.record.kind:
            raise BadInputError(
                f"layer {index} is a {record.kind}, but this view explains a {self.record.kind}"
            )
        self.trace, self.layer_index, self.record = trace, index, record
        self._adopt()
        if channel is not None:
            self._select(channel)
        step = self.player.step()
        self._build()
        previous = self.player.blockSignals(True)  # one redraw below, not one per player change
        self.player.set_count(len(self.steps))
        self.player.set_step(step)
        self.player.blockSignals(previous)
        self.title.setText(self._title())
        self.set_paragraphs(self._explanation())
        self._show(self.player.step())

    def channel(self) -> int:
        """The map (or class) shown now, as ``channel`` of :func:`make_backward_view`."""
        return 0

    def _adopt(self) -> None:
        """Read the layer's settings from ``self.record`` and size the combo boxes (keeping choices)."""

    def _select(self, channel: int) -> None:
        """Show map (or class) ``channel``."""

    @staticmethod
    def _set_items(combo: QComboBox, items: Sequence[str]) -> None:
        """Replace a combo's items silently, keeping its current index when it still exists."""
        keep = combo.currentIndex()
        previous = combo.blockSignals(True)
        if [combo.itemText(i) for i in range(combo.count())] != list(items):
            combo.clear()
            combo.addItems(list(items))
        combo.setCurrentIndex(min(max(keep, 0), len(items) - 1))
        combo.blockSignals(previous)

    @staticmethod
    def _set_index(combo: QComboBox, index: int) -> None:
        """Select ``index`` (clipped) without triggering a rebuild."""
        previous = combo.blockSignals(True)
        combo.setCurrentIndex(min(max(index, 0), combo.count() - 1))
        combo.blockSignals(previous)

    def _build(self) -> None:
        raise NotImplementedError

    def _show(self, index: int) -> None:
        """Show step ``index`` (clipped to the steps there are; nothing when there are none)."""
        if self.steps:
            index = min(max(index, 0), len(self.steps) - 1)
            self._show_step(index, self.steps[index])

    def _show_step(self, index: int, step: Any) -> None:
        """Draw step ``step``, number ``index``, with its numbers."""
        raise NotImplementedError

    def final(self) -> np.ndarray:
        """What the animation has built after its last step."""
        raise NotImplementedError

    def step_count(self) -> int:
        """Number of animation steps."""
        return len(self.steps)

    def retranslate_ui(self) -> None:
        """Set the title and the explanation in the current language and redraw the current step."""
        self.title.setText(self._title())
        self.set_paragraphs(self._explanation())
        if self.steps:
            self._show(self.player.step())

    def _title(self) -> str:
        return tr("Backward through {name}").format(name=self.record.name)

    def _explanation(self) -> list[tuple[str, str]]:
        raise NotImplementedError


class ChannelBackwardDetail(BackwardDetail):
    """A backward view of a layer that works on each map alone, shown one at a time ("channel" box)."""

    def __init__(
        self, object_name: str, tip: str, trace: Trace, layer_index: int, channel: int, parent: QWidget | None
    ) -> None:
        super().__init__(object_name, trace, layer_index, parent)
        self.channel_box = self._combo("channel", tip, [], 0)
        self.toolbar.addWidget(self.channel_box)
        self.finish_toolbar()
        self._adopt()
        self._select(channel)
        self._rebuild()
        self.retranslate_ui()

    def _select(self, channel: int) -> None:
        self._set_index(self.channel_box, channel)

    def channel(self) -> int:
        """The map shown now (0 for a vector)."""
        return self.channel_box.currentIndex()


class ConvBackwardView(BackwardDetail):
    """Conv backward: dL/dA_prev as the full convolution of dL/dZ with the kernel rotated 180°, and dL/dW
    as the correlation of the input with dL/dZ; one output channel o and input channel c at a time.

    Shape:
        dL/dZ[o] ``(H_out, W_out)``, W[o, c] ``(k, k)``, A_prev[c] ``(H, W)``.
    """

    MODES = ("input", "weight")

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_conv", trace, layer_index, parent)
        self.mode_box = self._combo(
            "mode",
            tr("Which gradient to compute"),
            [tr("dL/dA_prev: full convolution with the kernel rotated 180°"), tr("dL/dW: input ⋆ dL/dZ")],
            0,
        )
        self.out_box = self._combo("out_channel", tr("Output channel o (a map of this layer)"), [], 0)
        self.in_box = self._combo("in_channel", tr("Input channel c (a map of the previous layer)"), [], 0)
        for widget in (self.mode_box, self.out_box, self.in_box):
            self.toolbar.addWidget(widget)
        self.finish_toolbar()
        self._adopt()
        self._select(channel)
        self._rebuild()
        self.retranslate_ui()

    def _adopt(self) -> None:
        self.k, self.stride, self.padding = conv_geometry(self.record)
        c_out, c_in = self.record.params["W"].shape[:2]
        self._set_items(self.out_box, [f"o = {o}" for o in range(c_out)])
        self._set_items(self.in_box, [f"c = {c}" for c in range(c_in)])

    def _select(self, channel: int) -> None:
        self._set_index(self.out_box, channel)

    def channel(self) -> int:
        """The output map o shown now."""
        return self.out_box.currentIndex()

    def retranslate_ui(self) -> None:
        """Also translate the mode names."""
        self.mode_box.setItemText(0, tr("dL/dA_prev: full convolution with the kernel rotated 180°"))
        self.mode_box.setItemText(1, tr("dL/dW: input ⋆ dL/dZ"))
        super().retranslate_ui()

    def _explanation(self) -> list[tuple[str, str]]:
        return conv_paragraphs(self.k, self.stride, self.padding)

    @property
    def mode(self) -> str:
        """ "input" (dL/dA_prev) or "weight" (dL/dW)."""
        return self.MODES[self.mode_box.currentIndex()]

    def set_mode(self, mode: str) -> None:
        """Animate dL/dA_prev ("input") or dL/dW ("weight")."""
        self.mode_box.setCurrentIndex(self.MODES.index(mode))

    def set_channels(self, out_channel: int, in_channel: int) -> None:
        """Choose the output channel o and the input channel c."""
        self.out_box.setCurrentIndex(out_channel)
        self.in_box.setCurrentIndex(in_channel)

    def _build(self) -> None:
        o, c = self.out_box.currentIndex(), self.in_box.currentIndex()
        dz = self.record.grad_output[0, o]
        if self.mode == "input":
            w = self.record.params["W"][o, c]
            shape = self.record.input.shape[2:]
            self.steps = list(conv_input_grad_steps(dz, w, self.stride, self.padding, input_shape=shape))
        else:
            x = self.record.input[0, c]
            self.steps = list(conv_weight_grad_steps(x, dz, self.k, self.k, self.stride, self.padding))

    def final(self) -> np.ndarray:
        """Input mode: map o's share of dL/dA_prev[c] ``(H, W)``; weight mode: dL/dW[o, c] ``(k, k)``."""
        shape = self.record.input.shape[2:] if self.mode == "input" else (self.k, self.k)
        return np.array([step.value for step in self.steps]).reshape(shape)

    def _full_dz(self) -> np.ndarray:
        """dL/dZ[o] dilated by the stride and zero-padded so that window (r, c) starts at cell (r, c).

        Shape:
            returns ``(H + k - 1, W + k - 1)``.
        """
        o = self.out_box.currentIndex()
        dz = self.record.grad_output[0, o].astype(np.float64)
        H, W = self.record.input.shape[2:]
        k, s, p = self.k, self.stride, self.padding
        dilated = np.zeros(((dz.shape[0] - 1) * s + 1, (dz.shape[1] - 1) * s + 1))
        dilated[::s, ::s] = dz
        ring = k - 1 - p
        out = np.zeros((H + k - 1, W + k - 1))
        top = max(ring, 0)
        block = dilated[max(-ring, 0) :, max(-ring, 0) :][: H + k - 1 - top, : W + k - 1 - top]
        out[top : top + block.shape[0], top : top + block.shape[1]] = block
        return out

    def _show_step(self, index: int, step: Any) -> None:
        o, c = self.out_box.currentIndex(), self.in_box.currentIndex()
        final = self.final()
        levels = theme.symmetric_levels(final)
        built = _blank(final, index + 1)
        k = self.k
        self.player.set_caption(tr("step {i} of {n}").format(i=index + 1, n=len(self.steps)))
        if self.mode == "input":
            total = self.record.grad_input[0, c].astype(np.float64)
            self.board.set_panels(
                [
                    Panel(
                        tr("dL/dZ[{o}], zero-padded").format(o=o),
                        self._full_dz(),
                        highlight=(step.row, step.col, k, k),
                        hatch=max(k - 1 - self.padding, 0),
                        caption=tr("the gradient arriving at this layer's output map o"),
                    ),
                    Panel(
                        tr("rot180(W[{o},{c}])").format(o=o, c=c),
                        np.asarray(step.kernel, np.float64),
                        caption=tr("the kernel turned upside down and mirrored"),
                    ),
                    Panel(
                        tr("share from map {o}").format(o=o),
                        built,
                        levels=levels,
                        highlight=(step.row, step.col, 1, 1),
                        caption=tr("Σ window ⊙ rot180(W), one cell per step"),
                    ),
                    Panel(
                        tr("dL/dA_prev[{c}]").format(c=c),
                        total,
                        highlight=(step.row, step.col, 1, 1),
                        caption=tr("sum of such maps over all {n} output channels").format(
                            n=self.record.grad_output.shape[1]
                        ),
                    ),
                ]
            )
            self.formula.setText(
                tr(
                    "dL/dA_prev[{c}][{r},{s}] (from map {o}) = Σ window ⊙ rot180(W) = {terms} = <b>{v}</b>"
                ).format(
                    c=c,
                    r=step.row,
                    s=step.col,
                    o=o,
                    terms=_terms(step.window, step.kernel),
                    v=fmt(step.value),
                )
            )
            return
        x = self.record.input[0, c].astype(np.float64)
        p, s = self.padding, self.stride
        xp = np.pad(x, p)
        marks = np.zeros(xp.shape, bool)
        marks[
            step.row : step.row + s * (step.window.shape[0] - 1) + 1 : s,
            step.col : step.col + s * (step.window.shape[1] - 1) + 1 : s,
        ] = True
        dz = self.record.grad_output[0, o].astype(np.float64)
        self.board.set_panels(
            [
                Panel(
                    tr("A_prev[{c}], padded").format(c=c),
                    xp,
                    highlight=(
                        step.row,
                        step.col,
                        (step.window.shape[0] - 1) * s + 1,
                        (step.window.shape[1] - 1) * s + 1,
                    ),
                    hatch=p,
                    caption=tr("the input pixels weight ({i},{j}) touched").format(i=step.row, j=step.col),
                ),
                Panel(tr("dL/dZ[{o}]").format(o=o), dz, caption=tr("the gradient at this layer's output")),
                Panel(
                    tr("dL/dW[{o},{c}]").format(o=o, c=c),
                    built,
                    levels=levels,
                    highlight=(step.row, step.col, 1, 1),
                    caption=tr("dL/db[{o}] = Σ dL/dZ[{o}] = {v}").format(
                        o=o, v=fmt(self.record.grads["b"][o])
                    ),
                ),
            ]
        )
        # Most of the H_out × W_out products are zero; show the ones that make up the sum.
        largest = np.argsort(np.abs(step.products).reshape(-1))[::-1][:4]
        self.formula.setText(
            tr(
                "dL/dW[{o},{c}][{i},{j}] = Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] over {n} positions = <b>{v}</b>"
                "<br>largest terms: {terms}"
            ).format(
                o=o,
                c=c,
                i=step.row,
                j=step.col,
                n=step.products.size,
                v=fmt(step.value),
                terms=_terms(step.window.reshape(-1)[largest], dz.reshape(-1)[largest]),
            )
        )


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
        self.max = self.record.kind == "maxpool2d"
        self._set_items(self.channel_box, [f"c = {c}" for c in range(self.record.input.shape[1])])

    def _explanation(self) -> list[tuple[str, str]]:
        return pool_paragraphs(self.max, self.size)

    def _build(self) -> None:
        c = self.channel_box.currentIndex()
        x, dy = self.record.input[0, c], self.record.grad_output[0, c]
        if self.max:
            self.steps = list(maxpool_grad_steps(x, dy, self.size, self.stride))
        else:
            self.steps = list(pool_steps(x, self.size, self.stride, "avg"))

    def _accumulate(self, count: int) -> np.ndarray:
        """dL/dA after the first ``count`` windows have sent their gradient back.

        Shape:
            returns ``(H, W)`` float64.
        """
        c = self.channel_box.currentIndex()
        dy = self.record.grad_output[0, c].astype(np.float64)
        dx = np.zeros(self.record.input.shape[2:])
        s, z = self.stride, self.size
        for step in self.steps[:count]:
            if self.max:
                dx[step.input_index] += step.value
            else:
                dx[step.row * s : step.row * s + z, step.col * s : step.col * s + z] += (
                    dy[step.row, step.col] / z**2
                )
        return dx

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

    def _show_step(self, index: int, step: Any) -> None:
        c = self.channel_box.currentIndex()
        s, z = self.stride, self.size
        window = (step.row * s, step.col * s, z, z)
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
            ).format(r=step.row, s=step.col, n=z * z, g=fmt(g), v=fmt(g / z**2))
        self.formula.setText(text)


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
        self._set_items(self.channel_box, [f"c = {c}" for c in range(channels)])  # one for a vector

    def _explanation(self) -> list[tuple[str, str]]:
        return activation_paragraphs(self.record.kind)

    def _slice(self, array: np.ndarray) -> np.ndarray:
        """The chosen channel as a 2-D map (vectors become one row per 32 values)."""
        if self.spatial:
            return np.asarray(array[0, self.channel_box.currentIndex()], np.float64)
        return wrap(np.asarray(array[0], np.float64))

    def _build(self) -> None:
        x = self._slice(self.record.input)
        derivative = self._slice(activation_derivative(self.record))
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
                    tr("mask 1[Z > 0]") if relu else tr("g′(Z)"),
                    self._slice(activation_derivative(self.record)),
                    levels=(-1.0, 1.0) if relu else None,
                    highlight=cell,
                    caption=tr("the local slope of the activation"),
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
                    caption=tr("zero wherever the unit was off"),
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


@dataclass(frozen=True)
class ClassStep:
    """One output unit k of a dense layer and its gradient dy_k (its weight-gradient column is x · dy_k)."""

    unit: int
    dy: float


class DenseBackwardView(BackwardDetail):
    """Dense backward; for the last layer first the softmax cross-entropy gradient ``dL/dz = p − y``.

    Steps go through the output units k: ``dL/dW[:, k] = x · dy_k`` (a column per unit), ``dL/db_k = dy_k``,
    and ``dL/dx = W · dy`` once all units have contributed.

    Shape:
        x ``(F,)``, W ``(F, K)``, dy ``(K,)``.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_dense", trace, layer_index, parent)
        self.table = QLabel()
        self.table.setObjectName("softmax_table")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.stage_layout.insertWidget(0, self.table)
        self.finish_toolbar()
        self._adopt()
        self._rebuild()
        self._select(channel)
        self.retranslate_ui()

    def _adopt(self) -> None:
        self.flat_shape = _flat_shape(self.trace, self.layer_index)
        self.last = self.layer_index == len(self.trace.layers) - 1

    def _select(self, channel: int) -> None:
        previous = self.player.blockSignals(True)  # the caller redraws
        self.player.set_step(min(max(channel, 0), len(self.steps) - 1))
        self.player.blockSignals(previous)

    def channel(self) -> int:
        """The class (output unit) shown now."""
        return self.player.step()

    def _title(self) -> str:
        if self.last:
            return tr("Softmax cross-entropy and {name} backward").format(name=self.record.name)
        return super()._title()

    def _explanation(self) -> list[tuple[str, str]]:
        return dense_paragraphs(self.last, self.trace.loss is not None)

    def _build(self) -> None:
        dy = self.record.grad_output[0].astype(np.float64)
        self.steps = [ClassStep(k, float(dy[k])) for k in range(dy.size)]

    def final(self) -> np.ndarray:
        """dL/dW ``(F, K)`` as built column by column: x · dy_k."""
        x = self.record.input[0].astype(np.float64)
        return np.outer(x, [step.dy for step in self.steps])

    def onehot(self) -> np.ndarray:
        """The label y as a one-hot vector ``(K,)`` (zeros for an explicit dL/dlogits target)."""
        y = np.zeros(self.record.output.shape[1])
        if self.trace.loss is not None:
            y[int(np.asarray(self.trace.target)[0])] = 1.0
        return y

    def _show_step(self, index: int, step: Any) -> None:
        self._show_table(step.unit)
        x = self.record.input[0].astype(np.float64)
        final = self.final()
        column = final[:, step.unit]
        dx = self.record.grad_input[0].astype(np.float64)
        # Name the class itself: "class 8 of 10" beside the highlighted class 7 read as class 8.
        self.player.set_caption(
            tr("class {k} (classes 0–{last})").format(k=step.unit, last=len(self.steps) - 1)
        )
        self.board.set_panels(
            [
                Panel(
                    tr("x (input of {name})").format(name=self.record.name),
                    as_image(x[None], self.flat_shape),
                    numbers=False,
                    caption=tr("what the layer received"),
                ),
                Panel(
                    tr("dL/dW[:, {k}] = x · dL/dz_{k}").format(k=step.unit),
                    as_image(column[None], self.flat_shape),
                    levels=theme.symmetric_levels(final),
                    numbers=False,
                    caption=tr("the weights into class {k} move by −lr times this").format(k=step.unit),
                ),
                Panel(
                    tr("dL/dx = W · dL/dz"),
                    as_image(dx[None], self.flat_shape),
                    numbers=False,
                    caption=tr("sent back to the previous layer"),
                ),
            ]
        )
        self.formula.setText(
            tr("dL/dW[i, {k}] = x[i] · dL/dz_{k} = x[i] × {g};   dL/db_{k} = dL/dz_{k} = <b>{g}</b>").format(
                k=step.unit, g=fmt(step.dy)
            )
        )

    def _show_table(self, unit: int) -> None:
        """The per-class table: logit z, probability p, label y and p − y (or the explicit target)."""
        names = [str(k) for k in range(self.record.output.shape[1])]
        z = self.trace.logits[0]
        p = self.trace.probs[0]
        y = self.onehot()
        g = self.record.grad_output[0]
        # 1 − p_k as the sum of the others: a confident class's float32 p is exactly 1.
        rest = [float(np.delete(p, k).astype(np.float64).sum()) for k in range(len(names))]
        probs = [theme.format_probability(float(p[k]), rest[k]) for k in range(len(names))]
        accent = theme.current().accent.name()
        header = [tr("class"), tr("logit z"), tr("p = softmax(z)")]
        if self.last and self.trace.loss is not None:
            header += [tr("label y"), tr("dL/dz = p − y")]
            rows = [[names[k], fmt(z[k]), probs[k], f"{y[k]:g}", fmt(g[k])] for k in range(len(names))]
        else:
            header += [tr("dL/dz (given)")]
            rows = [[names[k], fmt(z[k]), probs[k], fmt(g[k])] for k in range(len(names))]
        cells = "".join(f"<th style='padding:0 8px'>{h}</th>" for h in header)
        body = "".join(
            "<tr{style}>{cells}</tr>".format(
                style=f" style='background:{accent}'" if k == unit else "",
                cells="".join(f"<td align='right' style='padding:0 8px'>{v}</td>" for v in row),
            )
            for k, row in enumerate(rows)
        )
        loss = (
            tr("loss = −log p[label] = {v}").format(v=fmt(self.trace.loss, 4))
            if self.trace.loss is not None
            else ""
        )
        self.table.setText(f"<table cellspacing='0'><tr>{cells}</tr>{body}</table><p>{loss}</p>")


class ReshapeBackwardView(BackwardDetail):
    """Flatten (and Dropout in eval mode) backward: the gradient passes through unchanged, only reshaped.

    Shape:
        dy ``(F,)`` becomes dx ``(C, H, W)`` for Flatten.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_reshape", trace, layer_index, parent)
        self.finish_toolbar()
        self._rebuild()
        self.retranslate_ui()

    def _explanation(self) -> list[tuple[str, str]]:
        return [
            (
                tr("Nothing to compute"),
                tr(
                    "This layer only moves numbers around, so its gradient is the "
                    "incoming gradient put back in the original layout."
                ),
            )
        ]

    def _build(self) -> None:
        self.steps = [0]

    def final(self) -> np.ndarray:
        """dL/dx, identical in value to dL/dy."""
        return np.asarray(self.record.grad_input, np.float64)

    def _show(self, index: int) -> None:
        shape = self.record.input.shape[1:]
        flat = shape if len(shape) == 3 else None
        self.board.set_panels(
            [
                Panel(tr("dL/dy"), as_image(self.record.grad_output, flat), numbers=False),
                Panel(tr("dL/dx"), as_image(self.record.grad_input, flat), numbers=False),
            ]
        )
        self.formula.setText(tr("dL/dx = dL/dy, reshaped to {shape}").format(shape="×".join(map(str, shape))))


def _flat_shape(trace: Trace, layer_index: int) -> tuple[int, ...] | None:
    """The ``(C, H, W)`` of the maps that a Flatten before this layer turned into a vector, if any."""
    for record in reversed(trace.layers[:layer_index]):
        if record.kind == "flatten":
            return tuple(record.input.shape[1:])
    return None


VIEWS = {
    "conv2d": ConvBackwardView,
    "maxpool2d": PoolBackwardView,
    "avgpool2d": PoolBackwardView,
    "relu": ActivationBackwardView,
    "leaky_relu": ActivationBackwardView,
    "sigmoid": ActivationBackwardView,
    "tanh": ActivationBackwardView,
    "dense": DenseBackwardView,
    "flatten": ReshapeBackwardView,
    "dropout": ReshapeBackwardView,
}
"""Which backward view explains each layer kind."""


def make_backward_view(
    trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
) -> BackwardDetail:
    """The backward detail view for layer ``layer_index`` of ``trace`` (which must carry gradients).

    ``channel`` is the map to start on: the output channel of a conv, the channel of a pool or activation,
    the class of a dense layer.
    """
    record = _check(trace, layer_index)
    if record.kind not in VIEWS:
        raise BadInputError(f"no backward view for layer kind {record.kind!r}")
    return VIEWS[record.kind](trace, layer_index, channel, parent)


# ---- explanation texts ----------------------------------------------------------------------------------


def conv_paragraphs(k: int, stride: int, padding: int) -> list[tuple[str, str]]:
    """The plain-words explanation of a conv layer's backward pass."""
    return [
        (
            tr("Where the gradient comes from"),
            tr(
                "dL/dZ is the gradient at this layer's output before the activation: the ReLU after it has "
                "already multiplied by its mask, dZ = dA ⊙ g′(Z)."
            ),
        ),
        (
            tr("dL/dA_prev: a full convolution"),
            tr(
                "Every input pixel helped make up to {n} outputs, one per kernel position. Collecting their "
                "gradients is a convolution of dL/dZ, padded with k − 1 − P = {ring} zeros, with the kernel "
                "rotated by 180°. Summing over every output channel gives dL/dA_prev."
            ).format(n=k * k, ring=k - 1 - padding),
        ),
        (
            tr("dL/dW: the input correlated with dL/dZ"),
            tr(
                "Each weight W[i, j] was used at every output position, always on the pixel (i, j) steps "
                "away, so its gradient is the sum of those pixels times dL/dZ: the input ⋆ dL/dZ. "
                "dL/db is simply the sum of dL/dZ (stride {s}, padding {p})."
            ).format(s=stride, p=padding),
        ),
    ]


def pool_paragraphs(is_max: bool, size: int) -> list[tuple[str, str]]:
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
            ).format(k=size, n=size * size),
        ),
    ]


def activation_paragraphs(kind: str) -> list[tuple[str, str]]:
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


def dense_paragraphs(last: bool, has_loss: bool) -> list[tuple[str, str]]:
    """The plain-words explanation of a dense layer's backward pass (with the loss for the last layer)."""
    out = []
    if last and has_loss:
        out.append(
            (
                tr("Softmax with cross-entropy"),
                tr(
                    "The loss is L = −log p[label]. Its gradient with respect to the logits is remarkably "
                    "simple: dL/dz = p − y, the probabilities minus the one-hot label. The true class gets "
                    "p − 1 (negative: raise it), every other class gets p (positive: lower it)."
                ),
            )
        )
    elif last:
        out.append(
            (
                tr("Explaining one class"),
                tr(
                    "Here the gradient at the logits is given: 1 for the class being explained, 0 elsewhere. "
                    "Every gradient below then says how each number changes that class's score."
                ),
            )
        )
    out.append(
        (
            tr("The dense layer"),
            tr("z = x·W + b, so dL/dW[i, k] = x[i] · dL/dz_k, dL/db = dL/dz and dL/dx = W · dL/dz."),
        )
    )
    return out


def run_alone(make: Callable[[Sequential, np.ndarray, int], QWidget]) -> None:
    """Open ``make(model, x, label)`` on :func:`~explainer.gui.kit.samples.sample_problem` in its own window
    and run the event loop."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui.kit.samples import sample_problem

    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply_palette(app, dark=False)
    view = make(*sample_problem())
    view.resize(theme.px(1400), theme.px(860))
    view.show()
    app.exec()


def main() -> None:
    """Open the backward view of the second conv on a sample digit."""

    def make(model: Sequential, x: np.ndarray, label: int) -> QWidget:
        trace = model.trace(x[None, None], [label])
        convs = [i for i, layer in enumerate(model.layers) if layer.kind == "conv2d"]
        return make_backward_view(trace, convs[min(1, len(convs) - 1)])

    run_alone(make)


if __name__ == "__main__":
    main()
