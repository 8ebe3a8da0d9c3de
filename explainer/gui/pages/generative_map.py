"""The latent map: the test digits' μ as points coloured by class, the current drawing as its μ with its 1σ
and 2σ ellipses and its sample z, and the digit the decoder makes of any point under the mouse.

The 10,000 points are drawn once into the scatter's cache (``DeviceCoordinateCache``): the view range is
fixed, so a mouse move repaints only the cached picture and the few items that move. Hovering decodes one
point; moves that arrive faster than that are coalesced (the latest point is decoded on the next turn of
the event loop), so decoding keeps up with the mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QVBoxLayout, QWidget

from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit.plots import style_plot
from explainer.gui.kit.plotwidget import CompactPlot
from explainer.gui.kit.widgets import hint, label
from explainer.gui.pages.generative_math import sigma_ellipse
from explainer.gui.pages.generative_parts import DigitImage

MAP_MIN_WIDTH_PX = 280
"""Least width of the latent plot (before zoom)."""

SIGMA_LEVELS = (1.0, 2.0)
"""The ellipses drawn around the drawing's μ, in standard deviations."""


def view_range(codes: np.ndarray) -> tuple[float, float, float, float]:
    """The latent map's fixed range: the codes' 0.5 to 99.5 percentiles, widened by a tenth and to at least
    ±3 (the prior's 3σ), as (x0, x1, y0, y1).

    Shape:
        codes: ``(N, d)`` with d ≥ 2.
    """
    lo = np.minimum(np.percentile(codes[:, :2], 0.5, axis=0), -3.0)
    hi = np.maximum(np.percentile(codes[:, :2], 99.5, axis=0), 3.0)
    pad = 0.1 * (hi - lo)
    return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])


def class_scatters(
    plot: pyqtgraph.PlotWidget, codes: np.ndarray, labels: np.ndarray, names: Sequence[str]
) -> list[pyqtgraph.ScatterPlotItem]:
    """Add one scatter per class to ``plot`` (and its legend, if it has one): the first two coordinates of
    ``codes``, coloured by class.

    Shape:
        codes: ``(N, d)``; labels: ``(N,)`` int in ``range(len(names))``.
    """
    size = theme.px(theme.LATENT_POINT_PX)
    scatters = []
    for k, name in enumerate(names):
        chosen = codes[labels == k]
        colour = QColor(theme.CLASS_COLOURS[k % len(theme.CLASS_COLOURS)])
        scatter = pyqtgraph.ScatterPlotItem(
            chosen[:, 0], chosen[:, 1], size=size, pen=None, brush=colour, name=str(name)
        )
        # The points never move while the mouse does: paint them from a cached picture.
        scatter.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(scatter)
        scatters.append(scatter)
    return scatters


class LatentMap(FollowsLanguage, QWidget):
    """The scatter of latent codes and the drawing's Gaussian, with the hovered point decoded beside it.

    ``set_codes`` gives the points (the encoder's μ of the test digits); ``set_drawing`` the drawing's μ, σ
    and z; ``set_decoder`` the function that turns latent points into images (the VAE's ``decode``).

    Signals:
        sigHovered(object): the latent point ``(d,)`` under the mouse was decoded (after coalescing).
    """

    sigHovered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("latent_map")
        self._decode = None
        self._dims = 2
        self._pending: np.ndarray | None = None
        self._hovered: np.ndarray | None = None
        self._codes: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self.plot = CompactPlot("latent_plot", 300)
        # Narrower, the tick labels run into each other (the tour's view window sizes itself by this).
        self.plot.setMinimumWidth(theme.px(MAP_MIN_WIDTH_PX))
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setAspectLocked(True)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.addLegend(offset=(-6, 6), colCount=2)
        self._scatters: list[pyqtgraph.ScatterPlotItem] = []
        self._ellipses = [pyqtgraph.PlotCurveItem() for _k in SIGMA_LEVELS]
        self._mu_point = pyqtgraph.ScatterPlotItem(size=14, symbol="o")
        self._z_point = pyqtgraph.ScatterPlotItem(size=12, symbol="x")
        self._hover_point = pyqtgraph.ScatterPlotItem(size=18, symbol="+")
        for z_value, item in enumerate(
            (*self._ellipses, self._mu_point, self._z_point, self._hover_point), 20
        ):
            item.setZValue(z_value)
            self.plot.addItem(item)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self._decode_timer = QTimer(self)
        self._decode_timer.setSingleShot(True)
        self._decode_timer.setInterval(0)
        self._decode_timer.timeout.connect(self._decode_pending)

        self.heading = label("latent_decoded_heading")
        self.decoded = DigitImage("latent_decoded", theme.GENERATIVE_DIGIT_PX)
        self.decoded_caption = label("latent_decoded_z")
        self.decoded_caption.setFont(theme.font(mono=True))
        self.explanation = hint()
        self.explanation.setObjectName("latent_map_hint")
        side = QVBoxLayout()
        side.addWidget(self.heading)
        side.addWidget(self.decoded)
        side.addWidget(self.decoded_caption)
        side.addWidget(self.explanation)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.plot, 1)
        row.addLayout(side)
        self.explanation.setFixedWidth(theme.px(theme.GENERATIVE_DIGIT_PX + 40))
        theme.notifier().sigChanged.connect(self._apply_theme)
        self._apply_theme()
        self.retranslate_ui()

    def _apply_theme(self) -> None:
        """Colours and sizes from the palette and the zoom: the plot, the rings and the markers."""
        palette = theme.current()
        style_plot(self.plot)
        for ellipse, (width, style) in zip(
            self._ellipses, ((2.5, Qt.PenStyle.SolidLine), (1.5, Qt.PenStyle.DashLine)), strict=True
        ):
            ellipse.setPen(pyqtgraph.mkPen(palette.text, width=theme.px(width), style=style))
        self._mu_point.setBrush(palette.accent)
        self._mu_point.setPen(pyqtgraph.mkPen(palette.text, width=theme.px(2)))
        self._mu_point.setSize(theme.px(14))
        self._z_point.setBrush(palette.text)
        self._z_point.setPen(pyqtgraph.mkPen(palette.text, width=theme.px(1)))
        self._z_point.setSize(theme.px(12))
        self._hover_point.setPen(pyqtgraph.mkPen(palette.accent, width=theme.px(2)))
        self._hover_point.setSize(theme.px(18))
        self.decoded.apply_zoom()
        self.plot.setMinimumWidth(theme.px(MAP_MIN_WIDTH_PX))

    # ---------------------------------------------------------------- inputs
    def set_decoder(self, decode: Callable[[np.ndarray], np.ndarray] | None, dims: int) -> None:
        """Decode hovered points with ``decode`` (``(N, d)`` -> ``(N, 1, H, W)``) of a ``dims``-dimensional
        latent space; None decodes nothing."""
        self._decode = decode
        self._dims = dims
        if decode is not None:
            # Until the mouse comes, the box shows the prior's centre, z = 0.
            self.hover((0.0, 0.0) if self._hovered is None else self._hovered[:2])

    def set_codes(self, codes: np.ndarray | None, labels: np.ndarray | None, names: Sequence[str]) -> None:
        """Show ``codes`` coloured by ``labels``, one legend entry per class name; None clears the map.

        Shape:
            codes: ``(N, d)``; labels: ``(N,)`` int in ``range(len(names))``.
        """
        for scatter in self._scatters:
            self.plot.removeItem(scatter)
        self._scatters = []
        self.plot.plotItem.legend.clear()
        self._codes = None if codes is None else np.asarray(codes, np.float32)
        self._labels = None if labels is None else np.asarray(labels)
        if self._codes is None or self._labels is None:
            return
        self._scatters = class_scatters(self.plot, self._codes, self._labels, names)
        x0, x1, y0, y1 = view_range(self._codes)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def codes(self) -> np.ndarray | None:
        """The points shown, ``(N, d)``, or None."""
        return self._codes

    def scatter_points(self) -> np.ndarray:
        """Every point the scatters draw, class by class, ``(N, 2)`` (for tests and the benchmark)."""
        parts = [np.stack(scatter.getData(), axis=1) for scatter in self._scatters]
        return np.concatenate(parts) if parts else np.zeros((0, 2))

    def set_drawing(self, mu: np.ndarray | None, sigma: np.ndarray | None, z: np.ndarray | None) -> None:
        """Mark the drawing's μ, its 1σ and 2σ ellipses and its sample z (None hides them).

        Shape:
            mu, sigma, z: ``(d,)``.
        """
        if mu is None or sigma is None or z is None:
            for item in (self._mu_point, self._z_point):
                item.setData([], [])
            for ellipse in self._ellipses:
                ellipse.setData([], [])
            return
        self._mu_point.setData([float(mu[0])], [float(mu[1])])
        self._z_point.setData([float(z[0])], [float(z[1])])
        for ellipse, k in zip(self._ellipses, SIGMA_LEVELS, strict=True):
            contour = sigma_ellipse(mu, sigma, k)
            ellipse.setData(contour[:, 0], contour[:, 1])

    def drawing_point(self) -> tuple[float, float] | None:
        """The μ marked on the map, or None."""
        xs, ys = self._mu_point.getData()
        return (float(xs[0]), float(ys[0])) if len(xs) else None

    def ellipse(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """The points of ellipse ``index`` (0: 1σ, 1: 2σ)."""
        return self._ellipses[index].getData()

    # ---------------------------------------------------------------- hover
    def hover(self, point: Sequence[float]) -> None:
        """Decode the latent point ``point`` (its first two coordinates) on the next turn of the event loop;
        later calls before then replace it."""
        z = np.zeros(self._dims, np.float32)
        z[:2] = point[:2]
        self._pending = z
        self._decode_timer.start()

    def decode_now(self) -> None:
        """Decode the pending hovered point at once (tests, benchmarks)."""
        self._decode_timer.stop()
        self._decode_pending()

    def hovered(self) -> np.ndarray | None:
        """The last decoded point ``(d,)``, or None."""
        return self._hovered

    def _mouse_moved(self, position: QPointF) -> None:
        view = self.plot.getViewBox()
        if not view.sceneBoundingRect().contains(position):
            return
        point = view.mapSceneToView(position)
        self.hover((point.x(), point.y()))

    def _decode_pending(self) -> None:
        z, self._pending = self._pending, None
        if z is None or self._decode is None:
            return
        image = self._decode(z[None])
        self._hovered = z
        self.decoded.set_image(np.asarray(image)[0, 0])
        self._hover_point.setData([float(z[0])], [float(z[1])])
        self.decoded_caption.setText(
            "z = (" + ", ".join(theme.format_value(float(v), 2) for v in z[:2]) + ")"
        )
        self.sigHovered.emit(z)

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.plot.setLabel("bottom", "z₁")
        self.plot.setLabel("left", "z₂")
        self.heading.setText(tr("Decoded under the mouse"))
        self.explanation.setText(
            tr(
                "Each dot is one test image's μ, coloured by its class. The large dot is your drawing's μ; "
                "the rings are 1σ and 2σ of q(z|x); × is the sample z. Move the mouse over the map: the "
                "decoder turns the point under it into the image above."
            )
        )
        self.plot.setToolTip(tr("Hover or drag anywhere to decode that point"))
