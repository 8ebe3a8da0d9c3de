"""``MapBoard``: labelled heatmaps painted in one pass, with their numbers, colour bars and captions.

The stepper, attribution, learn and gradient-check pages and every backward view share it: each map is
one QImage from a LUT (never a ViewBox per map), on a diverging map with symmetric levels and a colour bar
under it. Also here: formatting of gradient-sized numbers and the arrangement of a tensor as an image.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
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
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from explainer.gui import theme
from explainer.gui.kit.animation import (
    Grid,
    fit_cell,
    fit_number_font,
    longest_word,
    paint_cell_lines,
    paint_highlight,
    paint_image,
    paint_padding,
    text_colours,
    wrapped_height,
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


def format_big(value: float) -> str:
    """A positive number in at most 4 significant digits, scientific when very large or small (e^z)."""
    if value == 0.0:
        return "0"
    if 1e-3 <= abs(value) < 1e5:
        return f"{value:.4g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa}\u00d710{str(int(exponent)).translate(SUPERSCRIPT)}"


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


def atlas(maps: np.ndarray, levels: tuple[float, float], columns: int, gap: int = 1) -> QImage:
    """Tile maps into one image (``gap`` background pixels between them) coloured with the diverging map.

    Shape:
        maps: ``(C, H, W)``, NaN cells drawn as background; returns a
        ``rows·(H+gap)−gap`` x ``columns·(W+gap)−gap`` RGB32 image, ``rows = ceil(C / columns)``.
    """
    count, height, width = maps.shape
    rows = math.ceil(count / columns)
    background = theme.current().background.rgb() & 0xFFFFFFFF
    words = np.full((rows * (height + gap) - gap, columns * (width + gap) - gap), background, np.uint32)
    colours = theme.lut_argb32(theme.DIVERGING_LUT)[theme.to_indices(np.nan_to_num(maps), levels)]
    colours[np.isnan(maps)] = background
    for index in range(count):
        row, col = divmod(index, columns)
        top, left = row * (height + gap), col * (width + gap)
        words[top : top + height, left : left + width] = colours[index]
    return QImage(
        words.data, words.shape[1], words.shape[0], words.shape[1] * 4, QImage.Format.Format_RGB32
    ).copy()


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
        levels: ``(lo, hi)``; None means ``±max|values|``. hatch: padding cells to hatch, one number for
        every side or ``(top, left, bottom, right)``.
    """

    title: str
    values: np.ndarray
    levels: tuple[float, float] | None = None
    lut: np.ndarray = field(default_factory=lambda: theme.DIVERGING_LUT)
    numbers: bool = True
    highlight: tuple[int, int, int, int] | None = None
    marks: np.ndarray | None = None
    under: np.ndarray | None = None
    hatch: int | tuple[int, int, int, int] = 0
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

    def set_columns(self, columns: int | None) -> None:
        """Wrap after ``columns`` panels from now on (None: as many as fit)."""
        if columns != self._columns:
            self._columns = columns
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
        return max(least, longest_word(metrics, panel.caption)) + theme.px(4)

    @staticmethod
    def _caption_height(panel: Panel, width: float) -> float:
        """Height of the panel's caption wrapped to ``width`` (at least two lines when there is one)."""
        if not panel.caption:
            return 0.0
        metrics = QFontMetricsF(theme.font(0.9))
        lines = max(round(wrapped_height(metrics, width, panel.caption) / metrics.lineSpacing()), 2)
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
