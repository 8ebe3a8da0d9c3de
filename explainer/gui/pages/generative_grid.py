"""The manifold grid: what the decoder makes of an n×n grid of the latent plane, spaced through the inverse
normal CDF so that every cell holds the same prior mass (Kingma & Welling 2014, Fig. 4).

The grid is decoded when it is first shown after a change of model or size, not on every stroke: it does
not depend on the drawing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.mapboard import tile
from explainer.gui.kit.widgets import hint, label, page_column, row, spin_box, translated
from explainer.gui.pages.generative_math import manifold_latents
from explainer.gui.pages.generative_parts import DigitImage

Decoder = Callable[[np.ndarray], np.ndarray]
"""``(N, d)`` latent points -> ``(N, 1, H, W)`` images in [0, 1]."""

GRID_SIDE_PX = 460
"""Side of the decoded grid (before zoom)."""


class _GridImage(DigitImage):
    """The tiled grid; hovering a cell says which z it decodes."""

    def __init__(self, owner: ManifoldGrid) -> None:
        super().__init__("manifold_image", GRID_SIDE_PX)
        self._owner = owner
        self.setMouseTracking(True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        n = self._owner.cells()
        col = int(event.position().x() * n / max(self.width(), 1))
        row = int(event.position().y() * n / max(self.height(), 1))
        latents = self._owner.latents()
        if latents is not None and 0 <= row < n and 0 <= col < n:
            z = latents[row * n + col]
            self.setToolTip(
                tr("cell ({row}, {col}) decodes z = ({z1}, {z2})").format(
                    row=row,
                    col=col,
                    z1=theme.format_value(float(z[0]), 2),
                    z2=theme.format_value(float(z[1]), 2),
                )
            )
        super().mouseMoveEvent(event)


class ManifoldGrid(QWidget):
    """An n×n grid of decoded latent points through Φ⁻¹, with a choice of n."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manifold_grid")
        self._decode: Decoder | None = None
        self._dims = 2
        self._latents: np.ndarray | None = None
        self._images: np.ndarray | None = None
        self._stale = True
        self.size_box = spin_box("manifold_size", 3, 25, 15, self._changed)
        self.size_label = translated(label(), text=lambda: tr("Cells per side"))
        self.size_label.setBuddy(self.size_box)
        self.image = _GridImage(self)
        self.explanation = translated(
            hint(),
            text=lambda: tr(
                "The decoder's output over the latent plane. Cell (r, c) decodes z = (Φ⁻¹((c + ½)/n), "
                "Φ⁻¹(1 − (r + ½)/n)), where Φ⁻¹ is the inverse of the normal distribution's CDF: every cell "
                "holds the same share of the prior N(0, I), as in Kingma and Welling's Fig. 4. Hover a cell "
                "to read its z."
            ),
        )
        self.explanation.setObjectName("manifold_hint")
        column = page_column(
            self, row(self.size_label, self.size_box), self.image, self.explanation, stretch=1
        )
        column.addStretch(1)
        theme.notifier().sigChanged.connect(self.apply_zoom)
        self.apply_zoom()

    def cells(self) -> int:
        """Cells per side."""
        return self.size_box.value()

    def latents(self) -> np.ndarray | None:
        """The decoded latent points ``(n * n, d)``, row-major, or None before the first decoding."""
        return self._latents

    def images(self) -> np.ndarray | None:
        """The decoded images ``(n * n, 1, H, W)``, or None."""
        return self._images

    def set_decoder(self, decode: Decoder | None, dims: int) -> None:
        """Decode with ``decode`` from now on (a new model); ``dims`` is its latent size."""
        self._decode = decode
        self._dims = dims
        self._changed()

    def refresh(self) -> None:
        """Decode the grid now if the model or the size changed since it was last decoded."""
        if not self._stale:
            return
        self._stale = False
        if self._decode is None:
            self._latents = self._images = None
            self.image.set_image(None)
            return
        n = self.cells()
        plane = manifold_latents(n)
        latents = np.zeros((n * n, self._dims), np.float32)
        latents[:, :2] = plane
        images = np.asarray(self._decode(latents))
        self._latents, self._images = latents, images
        tiled = np.nan_to_num(tile(images[:, 0].reshape(n, n, *images.shape[2:])))
        self.image.set_image(tiled)
        self.apply_zoom()

    def apply_zoom(self) -> None:
        """The grid (and the text under it, as wide) at the app's zoom."""
        self.image.setFixedSize(theme.px(GRID_SIDE_PX), theme.px(GRID_SIDE_PX))
        self.explanation.setMaximumWidth(theme.px(GRID_SIDE_PX))

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
