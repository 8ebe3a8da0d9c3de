"""Small pieces of the Generative tab: a digit shown large, the reparameterization's numbers and the loss
bars.

They are passive: each shows the arrays it is given and computes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr


def gray_image(x: np.ndarray) -> QImage:
    """A grayscale QImage owning its bytes.

    Shape:
        x: ``(H, W)`` float in [0, 1].
    """
    pixels = np.ascontiguousarray(np.clip(np.nan_to_num(x) * 255 + 0.5, 0, 255).astype(np.uint8))
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class DigitImage(QWidget):
    """An image shown ``side`` px (zoomed) square, its pixels large and unsmoothed, with a thin frame.

    Shape:
        ``set_image(x)`` takes ``(H, W)`` float in [0, 1] (a strip of digits may be wider than tall), or
        None for an empty box.
    """

    def __init__(self, name: str, side: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._side = side
        self._image: QImage | None = None
        self._array: np.ndarray | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        aspect = 1.0 if self._array is None else self._array.shape[1] / self._array.shape[0]
        return QSize(theme.px(self._side * aspect), theme.px(self._side))

    def image(self) -> np.ndarray | None:
        """The array shown, or None."""
        return self._array

    def set_image(self, x: np.ndarray | None) -> None:
        """Show ``x`` (None: an empty box)."""
        reshape = x is None or self._array is None or x.shape != self._array.shape
        self._array = None if x is None else np.asarray(x, np.float32)
        self._image = None if x is None else gray_image(self._array)
        if reshape:
            self.setFixedSize(self.sizeHint())
        self.update()

    def apply_zoom(self) -> None:
        """Follow the app's zoom."""
        self.setFixedSize(self.sizeHint())

    def paintEvent(self, _event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), QColor(0, 0, 0))
            if self._image is not None:
                painter.drawImage(QRectF(self.rect()), self._image)
            painter.setPen(theme.current().frame)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


def loss_text(value: float) -> str:
    """A loss term in nats as the tab and the tour print it: one decimal, two below 10 (a small KL)."""
    return theme.format_value(value, 2 if abs(value) < 10 else 1)


def _latent_text(value: float) -> str:
    """A latent coordinate with three decimals and a true minus sign."""
    return theme.format_value(value, 3)


class ReparamTable(FollowsLanguage, QWidget):
    """μ, σ, ε and z = μ + σ ⊙ ε of one input, one column per latent dimension.

    Shape:
        ``set_values(mu, sigma, eps, z)``: each ``(d,)``; None clears the numbers.
    """

    ROWS = ("mu", "sigma", "eps", "z")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reparam_table")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(theme.px(12))
        self._names = {row: QLabel() for row in self.ROWS}
        self._cells: dict[str, list[QLabel]] = {row: [] for row in self.ROWS}
        self._headers: list[QLabel] = []
        for index, row in enumerate(self.ROWS, start=1):
            self._grid.addWidget(self._names[row], index, 0)
        self._dims = 0
        self._set_dims(2)
        self.retranslate_ui()

    def _set_dims(self, dims: int) -> None:
        """Give the table ``dims`` columns of numbers."""
        if dims == self._dims:
            return
        for widget in self._headers + [cell for row in self._cells.values() for cell in row]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._headers = []
        self._cells = {row: [] for row in self.ROWS}
        for j in range(dims):
            header = QLabel(f"z{theme.subscript(str(j + 1))}")
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._grid.addWidget(header, 0, j + 1)
            self._headers.append(header)
            for index, row in enumerate(self.ROWS, start=1):
                cell = QLabel("—")
                cell.setObjectName(f"reparam_{row}_{j}")
                cell.setFont(theme.font(mono=True))
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._grid.addWidget(cell, index, j + 1)
                self._cells[row].append(cell)
        self._dims = dims

    def values(self, row: str) -> list[str]:
        """The texts of row ``row`` ("mu", "sigma", "eps" or "z")."""
        return [cell.text() for cell in self._cells[row]]

    def set_values(
        self,
        mu: np.ndarray | None,
        sigma: np.ndarray | None = None,
        eps: np.ndarray | None = None,
        z: np.ndarray | None = None,
    ) -> None:
        """Show the numbers (None: dashes)."""
        if mu is None or sigma is None or eps is None or z is None:
            for cells in self._cells.values():
                for cell in cells:
                    cell.setText("—")
            return
        self._set_dims(len(mu))
        for row, values in zip(self.ROWS, (mu, sigma, eps, z), strict=True):
            for cell, value in zip(self._cells[row], values, strict=True):
                cell.setText(_latent_text(float(value)))

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        texts = {
            "mu": (tr("μ (mean)"), tr("The encoder's mean of q(z|x): the centre of the ellipse on the map")),
            "sigma": (
                tr("σ = exp(½ log σ²)"),
                tr("The encoder's standard deviation of q(z|x): the ellipse's half-axes are 1σ and 2σ"),
            ),
            "eps": (tr("ε ~ N(0, I)"), tr("The noise drawn for this sample; Resample draws a new one")),
            "z": (
                tr("z = μ + σ ⊙ ε"),
                tr("The sampled latent code the decoder turns into the reconstruction"),
            ),
        }
        for row, (name, tip) in texts.items():
            self._names[row].setText(name)
            self._names[row].setToolTip(tip)


class LossBars(FollowsLanguage, QWidget):
    """Horizontal bars with their values: the loss terms of one input (nats), on one shared scale.

    ``set_bars([(name, value, colour), ...])``; the scale is the largest value's, rounded up to a round
    number, so bars of the same size mean the same number.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loss_bars")
        self._bars: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(theme.px(260))
        self.setFixedHeight(self.sizeHint().height())
        self.retranslate_ui()

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.6

    def sizeHint(self) -> QSize:
        return QSize(theme.px(320), round(self._row_height() * max(len(self._bars), 4)) + 2)

    def bars(self) -> list[tuple[str, float, str]]:
        """The bars shown: (name, value, colour)."""
        return list(self._bars)

    def value_texts(self) -> list[str]:
        """The value printed at each bar."""
        return [loss_text(value) for _name, value, _colour in self._bars]

    def set_bars(self, bars: Sequence[tuple[str, float, str]]) -> None:
        """Show ``bars``, each (name, value in nats, colour); an empty list clears them."""
        self._bars = [(name, float(value), colour) for name, value, colour in bars]
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def retranslate_ui(self) -> None:
        """Set the text shown without bars (the bar names come translated with the values)."""
        self._empty_text = tr("Draw to see the loss terms of your drawing")
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = theme.current()
        metrics = QFontMetricsF(self.font())
        row = self._row_height()
        names = max((metrics.horizontalAdvance(name) for name, _v, _c in self._bars), default=0.0) + 8
        values = metrics.horizontalAdvance("0000.0") + 8
        width = max(1.0, self.width() - names - values - 2)
        top = max((value for _n, value, _c in self._bars), default=1.0)
        scale = _round_up(top)
        with QPainter(self) as painter:
            if not self._bars:
                painter.setPen(colours.muted)
                painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            for index, (name, value, colour) in enumerate(self._bars):
                y = index * row
                painter.setPen(colours.text)
                text_rect = QRectF(0, y, names - 4, row)
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
                length = width * max(0.0, value) / scale
                bar = QRectF(names, y + row * 0.2, length, row * 0.6)
                painter.fillRect(bar, QColor(colour))
                painter.drawText(
                    QRectF(names + length + 4, y, values, row),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    loss_text(value),
                )


def _round_up(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten at or above ``value`` (1 for nothing positive)."""
    if value <= 0:
        return 1.0
    power = 10 ** np.floor(np.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))
