"""``kit.animation.paint_values``: a grid of values in LUT colours with its cell lines and numbers, as the
conv, ReLU and 1-D convolution views paint their maps."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter

from explainer.gui import theme
from explainer.gui.kit.animation import Grid, paint_values

VALUES = np.array([[-1.0, 0.0], [0.5, 1.0]])
LEVELS = (-1.0, 1.0)


def _paint(cell: float, **options) -> QImage:
    """``VALUES`` painted on a 2×2 grid of ``cell``-pixel cells at (10, 10) on a mid-grey image."""
    image = QImage(int(2 * cell + 20), int(2 * cell + 20), QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    with QPainter(image) as painter:
        paint_values(painter, Grid(10, 10, cell, 2, 2), VALUES, LEVELS, **options)
    return image


def _colours(image: QImage, cell: float, row: int, col: int) -> set[int]:
    """The colours inside cell (row, col), its lines left out."""
    left, top = int(10 + col * cell) + 2, int(10 + row * cell) + 2
    size = int(cell) - 4
    return {image.pixel(x, y) for x in range(left, left + size) for y in range(top, top + size)}


def test_indices_to_qimage_is_array_to_qimage_of_the_indices(qapp) -> None:
    values = np.linspace(-2.0, 2.0, 12).reshape(3, 4)
    made = theme.indices_to_qimage(theme.to_indices(values, LEVELS), theme.DIVERGING_LUT)
    assert made == theme.array_to_qimage(values, LEVELS, theme.DIVERGING_LUT)


def test_small_cells_show_only_their_colours(qapp) -> None:
    image = _paint(6.0)
    indices = theme.to_indices(VALUES, LEVELS)
    for row, col in np.ndindex(VALUES.shape):
        rgb = theme.DIVERGING_LUT[indices[row, col], :3]
        assert _colours(image, 6.0, row, col) == {QColor(*map(int, rgb)).rgb()}


def test_large_cells_print_their_numbers_only_where_asked(qapp) -> None:
    image = _paint(60.0, cells=[(0, 0)])
    assert len(_colours(image, 60.0, 0, 0)) > 1  # the number's glyphs
    assert len(_colours(image, 60.0, 1, 1)) == 1
    everywhere = _paint(60.0)
    assert all(len(_colours(everywhere, 60.0, r, c)) > 1 for r, c in np.ndindex(VALUES.shape))
