"""The grid a pooling window runs over, as the pooling views draw it: the input, the layer's padding, and in
ceil mode the cells a last, partial window reaches past it.

Max pooling pads with -inf (a padded cell never wins) and average pooling with 0 (left out of the divisor
unless ``count_include_pad``); the maps label those cells "−∞" or "0" and hatch them. The grid's shape and
the output size come from the core layers.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter

from explainer.core import AvgPool2D, MaxPool2D, pool_steps
from explainer.core.steps import PoolStep
from explainer.gui import theme
from explainer.gui.kit.animation import (
    Grid,
    fit_number_font,
    hatch_brush,
    paint_cell_lines,
    paint_image,
    paint_numbers,
    static_text,
    text_colours,
)


def pool_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """A pool config's padding, ceil mode and count_include_pad, as ``pool_steps`` takes them."""
    return {
        "padding": config.get("padding", 0),
        "ceil_mode": bool(config.get("ceil_mode", False)),
        "count_include_pad": bool(config.get("count_include_pad", False)),
    }


def pool_layer(size: int, stride: int, mode: str, options: Mapping[str, Any]) -> MaxPool2D | AvgPool2D:
    """The core layer with these settings, whose maths says the output size and the padded grid."""
    if mode == "max":
        return MaxPool2D(size, stride, options["padding"], options["ceil_mode"])
    return AvgPool2D(size, stride, options["padding"], options["ceil_mode"], options["count_include_pad"])


MINUS_INFINITY = "\u2212\u221e"
"""How a max-pool padding cell is labelled: it holds -inf, so it never wins."""

INPUT, PADDING, BEYOND = 0, 1, 2
"""What a cell of the pooling grid is: an input value, padding, or past the padding (ceil mode only)."""


class PoolData:
    """One map through a pooling layer; the window list is built on first use.

    The windows run over ``grid``: the input with the layer's padding, and in ceil mode the cells a last,
    partial window reaches past it; ``cells`` says which is which (INPUT, PADDING, BEYOND).

    Shape:
        x: ``(H, W)``; grid, cells: ``(H + top + bottom, W + left + right)`` of ``grid_pads``;
        output: ``(H_out, W_out)``.
    """

    def __init__(
        self,
        x: np.ndarray,
        size: int,
        stride: int,
        mode: str,
        levels: tuple[float, float] | None = None,
        *,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.x = np.asarray(x, np.float32)
        self.size, self.stride, self.mode = int(size), int(stride), mode
        self.options = dict(options or pool_options({}))
        layer = pool_layer(self.size, self.stride, mode, self.options)
        height, width = self.x.shape
        self.out_shape = layer.output_shape((1, height, width))[1:]
        self.pads, self.ceil_mode = layer.pads, layer.ceil_mode
        self.grid_pads = g = layer.grid_padding(height, width)
        self.cells = np.full((height + g.top + g.bottom, width + g.left + g.right), BEYOND, np.int8)
        self.cells[: g.top + height + self.pads.bottom, : g.left + width + self.pads.right] = PADDING
        self.cells[g.top : g.top + height, g.left : g.left + width] = INPUT
        # Padding is drawn in the colour of 0 and labelled with what it holds.
        self.grid = np.zeros(self.cells.shape, np.float32)
        self.grid[self.cells == INPUT] = self.x.ravel()
        # A trace's map is coloured on the scale of all the layer's maps, the overview's "Per layer" one.
        self.levels = theme.symmetric_levels(self.x) if levels is None else levels

    @property
    def count(self) -> int:
        """Number of windows."""
        return self.out_shape[0] * self.out_shape[1]

    @cached_property
    def steps(self) -> list[PoolStep]:
        """The core's pool_steps, materialised once."""
        return list(pool_steps(self.x, self.size, self.stride, self.mode, **self.options))

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
        """Rows and columns at the bottom/right of the grid that no window reaches."""
        height, width = self.grid.shape
        reach_h = (self.out_shape[0] - 1) * self.stride + self.size
        reach_w = (self.out_shape[1] - 1) * self.stride + self.size
        return height - reach_h, width - reach_w

    def window_cells(self, step: PoolStep) -> np.ndarray:
        """What each cell of the step's window is (INPUT, PADDING, BEYOND), ``(size, size)``."""
        top, left = step.row * self.stride, step.col * self.stride
        return self.cells[top : top + self.size, left : left + self.size]

    def formula(self, step: PoolStep) -> str:
        """``max(a, b, −∞, d) = m`` or ``(a + b + 0 + d) / 4 = m`` with the window's numbers; an average
        lists only the cells its divisor counts."""
        cells = self.window_cells(step).ravel().tolist()
        values = step.window.ravel().tolist()
        result = theme.format_value(step.value, 2)
        if self.mode == "max":
            numbers = [
                theme.format_value(v, 2) if c == INPUT else MINUS_INFINITY
                for v, c in zip(values, cells, strict=True)
            ]
            return f"max({', '.join(numbers)}) = {result}"
        counted = {INPUT, PADDING} if self.options["count_include_pad"] else {INPUT}
        numbers = [theme.format_value(v, 2) for v, c in zip(values, cells, strict=True) if c in counted]
        return f"({' + '.join(numbers)}) / {step.count} = {result}"

    def pad_text(self) -> str:
        """What a padded cell shows: −∞ for max pooling, 0 for average pooling."""
        return MINUS_INFINITY if self.mode == "max" else "0"


def paint_map(
    painter: QPainter,
    grid: Grid,
    values: np.ndarray,
    levels: tuple[float, float],
    cells: np.ndarray | None,
    pad_text: str,
    *,
    min_cell: float = 9.0,
    scale: float = 1.0,
) -> None:
    """A map in the diverging colours with its numbers; cells that are not INPUT are hatched and labelled
    ``pad_text`` (what padding holds: −∞ or 0).

    Shape:
        values, cells: ``(grid.rows, grid.cols)``.
    """
    palette = theme.current()
    indices = theme.to_indices(values, levels)
    paint_image(painter, grid, theme.array_to_qimage(values, levels, theme.DIVERGING_LUT))
    padded = np.zeros(values.shape, bool) if cells is None else cells != INPUT
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(hatch_brush(palette.muted))
    for row, col in zip(*np.nonzero(padded), strict=True):
        painter.drawRect(grid.cells(int(row), int(col)))
    paint_cell_lines(painter, grid, palette.frame, min_cell=min_cell)
    if not fit_number_font(painter, grid.cell, scale=scale):
        return
    dark = text_colours(theme.DIVERGING_LUT, indices)
    paint_numbers(painter, grid, values, dark, cells=zip(*np.nonzero(~padded), strict=True))
    label = static_text(pad_text, painter.font())
    size = label.size()
    painter.setPen(palette.text)
    for row, col in zip(*np.nonzero(padded), strict=True):
        centre = grid.cells(int(row), int(col)).center()
        painter.drawStaticText(QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), label)


def whole_windows(
    x: np.ndarray, size: int, stride: int, mode: str, config: Mapping[str, Any]
) -> list[PoolStep]:
    """The ``pool_steps`` of the windows that lie wholly on the input, touching no padding (all of them
    unless the layer pads or rounds up), or every window when none does.

    Shape:
        x: ``(H, W)``.
    """
    data = PoolData(x, size, stride, mode, options=pool_options(config))
    whole = [step for step in data.steps if (data.window_cells(step) == INPUT).all()]
    return whole or data.steps
