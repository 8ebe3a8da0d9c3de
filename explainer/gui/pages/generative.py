"""The Generative tab: a variational autoencoder you draw into, live.

Left, the current drawing: its reconstruction, the reparameterization z = μ + σ ⊙ ε with its numbers (a
Resample button draws a new ε) and the loss terms as bars (BCE and the seed's L1 for the reconstruction,
the KL term), with a c (β) slider that switches among the bundled VAEs trained at different c. Right, four
tabs: the latent map (the test digits' μ, the drawing's Gaussian, the decoded point under the mouse), the
manifold grid, the morph between two inputs and training a VAE in the app.

The bundled VAEs were trained on MNIST digits. On another data set the tab keeps working on the same
digit models and says so above everything: the drawing is then encoded as if it were a digit, which shows
what a VAE does with an input unlike its training data. The Train tab trains a VAE on the data set in use.

Every setter does the per-move work (one encoder and decoder pass on one image, about a millisecond):
the page follows the pen (its spec is ``live``). The manifold grid is decoded only when shown.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QSlider, QTabWidget, QVBoxLayout, QWidget

import explainer
from explainer.data import DATASETS, MNIST, Dataset
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, class_name, tr, translate_error
from explainer.gui.kit.widgets import button, column, heading, hint, label, scrolling, translated
from explainer.gui.pages.base import run_page
from explainer.gui.pages.generative_grid import ManifoldGrid
from explainer.gui.pages.generative_map import LatentMap
from explainer.gui.pages.generative_morph import MorphPanel
from explainer.gui.pages.generative_parts import DigitImage, LossBars, ReparamTable
from explainer.gui.pages.generative_train import VaeTrainingPanel
from explainer.gui.state import DataSource

LEFT_COLUMN_PX = 380
"""Width (before zoom) of the column with the drawing, its numbers and its loss bars."""

SMALL_DIGIT_PX = 96
"""Side (before zoom) of the drawing and its reconstruction."""

BAR_COLOURS = {"bce": "#0072b2", "l1": "#56b4e9", "kl": "#e69f00", "total": "#009e73"}
"""The loss bars' colours (from ``theme.SERIES_COLOURS``): reconstruction terms blue, KL orange."""

EPS_SEED = 0
"""Seed of the first ε, so the tab opens the same way every time; Resample draws from the same stream."""


def first_eps(dims: int) -> np.ndarray:
    """The first ε the tab draws for a VAE of ``dims`` latent dimensions (the tour quotes the same).

    Shape:
        returns ``(1, dims)`` float32.
    """
    return np.random.default_rng(EPS_SEED).standard_normal((1, dims)).astype(np.float32)


def vae_dataset(vae: object, fallback: Dataset) -> Dataset:
    """The data set a VAE was trained on (its metadata's ``dataset``), else ``fallback``."""
    name = str(getattr(vae, "metadata", {}).get("dataset", "")).lower()
    return next((d for key, d in DATASETS.items() if name in (key.lower(), d.name.lower())), fallback)


class GenerativeView(FollowsLanguage, QWidget):
    """The Generative tab (see the module docstring). Training a VAE here leaves the window's classifier
    alone, so the page offers none of the window's signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generative")
        self._data = DataSource(parent=self)
        self._x: np.ndarray | None = None
        self._rng = np.random.default_rng(EPS_SEED)
        self._eps: np.ndarray | None = None
        self._trace = None
        self._loaded: dict[float, object] = {}
        self._vae: object | None = None
        self._own_vae = False
        self._error = ""
        try:
            self._betas = sorted(explainer.bundled_vaes())
        except BadInputError as error:
            self._betas = []
            self._error = translate_error(error)

        self.notice = hint()
        self.notice.setObjectName("generative_notice")
        self.notice.setForegroundRole(QPalette.ColorRole.BrightText)
        self.drawing_heading = translated(
            heading(), text=lambda: tr("Your drawing and what the VAE makes of it")
        )
        self.drawing = DigitImage("generative_input", SMALL_DIGIT_PX)
        self.reconstruction = DigitImage("generative_reconstruction", SMALL_DIGIT_PX)
        self.drawing_caption = translated(label("generative_input_caption"), text=lambda: tr("x (input)"))
        self.reconstruction_caption = translated(
            label("generative_reconstruction_caption"), text=lambda: tr("x′ = decoder(z)")
        )
        self.reparam_heading = translated(heading(), text=lambda: tr("Reparameterization"))
        self.reparam = ReparamTable()
        self.resample_button = translated(
            button("resample", self.resample),
            text=lambda: tr("Resample ε"),
            tip=lambda: tr("Draw a new ε ~ N(0, I): z moves inside the ellipse, x′ changes"),
        )
        self.loss_heading = translated(heading(), text=lambda: tr("Loss terms for your drawing (nats)"))
        self.loss_bars = LossBars()
        self.beta_slider = QSlider(Qt.Orientation.Horizontal)
        self.beta_slider.setObjectName("beta_slider")
        self.beta_slider.setRange(0, max(0, len(self._betas) - 1))
        self.beta_slider.setPageStep(1)
        self.beta_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.beta_slider.setEnabled(len(self._betas) > 1)
        translated(
            self.beta_slider, tip=lambda: tr("Switch among the bundled VAEs, trained with different c (β)")
        )
        self.beta_label = label("beta_value")
        self.beta_label.setBuddy(self.beta_slider)
        self.loss_hint = translated(
            hint(),
            text=lambda: tr(
                "The VAE minimises L = c·KL + reconstruction. A larger c pulls every q(z|x) towards N(0, I): "
                "the KL term falls, the reconstruction gets blurrier and its loss rises."
            ),
        )
        self.model_label = hint()
        self.model_label.setObjectName("generative_model")

        self.latent_map = LatentMap()
        self.grid = ManifoldGrid()
        self.morph = MorphPanel()
        self.training = VaeTrainingPanel(self._data)
        self.training.sigTrained.connect(self.use_vae)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("generative_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.latent_map, "")
        for widget in (self.grid, self.morph, self.training):
            # These scroll inside their tab: the tallest must not make the whole page taller than a
            # 720-pixel-high window.
            self.tabs.addTab(scrolling(widget), "")
        self._layout()
        if self._betas:
            self.beta_slider.setValue(self._betas.index(1.0) if 1.0 in self._betas else 0)
        self.beta_slider.valueChanged.connect(self._beta_chosen)
        self._beta_chosen(self.beta_slider.value())
        theme.notifier().sigChanged.connect(self._apply_zoom)
        self.retranslate_ui()

    def _apply_zoom(self) -> None:
        """Follow the app's zoom: the images and the left column grow with the fonts."""
        for image in (self.drawing, self.reconstruction, self.morph.frame, self.morph.strip):
            image.apply_zoom()
        self._column.setFixedWidth(theme.px(LEFT_COLUMN_PX))

    def _layout(self) -> None:
        images = QHBoxLayout()
        for image, caption in (
            (self.drawing, self.drawing_caption),
            (self.reconstruction, self.reconstruction_caption),
        ):
            pair = QVBoxLayout()
            pair.addWidget(image)
            pair.addWidget(caption)
            images.addLayout(pair)
        images.addStretch(1)
        # The Resample button beside its heading: the column fits a 720-pixel-high window in Chinese.
        reparam_row = QHBoxLayout()
        reparam_row.addWidget(self.reparam_heading, 1)
        reparam_row.addWidget(self.resample_button)
        beta_row = QHBoxLayout()
        beta_row.addWidget(self.beta_label)
        beta_row.addWidget(self.beta_slider, 1)
        left = column(
            self.drawing_heading,
            images,
            reparam_row,
            self.reparam,
            self.loss_heading,
            self.loss_bars,
            beta_row,
            self.loss_hint,
            self.model_label,
        )
        self._column = QWidget()
        self._column.setObjectName("generative_column")
        self._column.setLayout(left)
        self._column.setFixedWidth(theme.px(LEFT_COLUMN_PX))
        row = QHBoxLayout()
        row.addWidget(self._column)
        row.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        margin = theme.px(theme.MARGIN_PX)
        outer.setContentsMargins(margin, margin, margin, margin)
        outer.addWidget(self.notice)
        outer.addLayout(row, 1)

    # ---------------------------------------------------------------- inputs
    def vae(self) -> object | None:
        """The VAE in use, or None when none could be loaded."""
        return self._vae

    def betas(self) -> list[float]:
        """The c (β) values of the bundled VAEs, in the slider's order."""
        return list(self._betas)

    def trace(self) -> object | None:
        """The VAE trace of the current drawing (``VAETrace``), or None."""
        return self._trace

    def eps(self) -> np.ndarray | None:
        """The noise ε of the current sample, ``(1, d)``, or None without a VAE."""
        return self._eps

    def set_input(self, x: np.ndarray | None) -> None:
        """Encode and reconstruct ``x`` (the preprocessed drawing, ``(28, 28)`` in [0, 1]; None: blank)."""
        self._x = None if x is None else np.asarray(x, np.float32)
        self.morph.set_drawing(self._x)
        self._update()

    def set_data_source(self, data: DataSource) -> None:
        """Work with ``data``'s data set: its gallery for the morph, its files for training."""
        self._data = data
        self.training.set_data_source(data)
        try:
            images, labels = data.dataset.load_samples()
        except BadInputError:
            images, labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
        self.morph.set_samples(images, labels, data.dataset)
        self._show_notice()

    def resample(self) -> None:
        """Draw a new ε ~ N(0, I): the sample z and the reconstruction change, μ and σ do not."""
        if self._vae is not None:
            self._eps = self._rng.standard_normal((1, self._vae.latent_dim)).astype(np.float32)  # type: ignore[attr-defined]
        self._update()

    def use_vae(self, vae: object) -> None:
        """Use ``vae`` (e.g. one trained in the app) instead of a bundled one, until the slider moves."""
        self._own_vae = True
        self._set_vae(vae)

    def _beta_chosen(self, index: int) -> None:
        if not self._betas:
            self._set_vae(None)
            return
        beta = self._betas[index]
        if beta not in self._loaded:
            try:
                self._loaded[beta] = explainer.load_vae(explainer.bundled_vaes()[beta])
            except BadInputError as error:
                self._error = translate_error(error)
                self._set_vae(None)
                return
        self._own_vae = False
        self._set_vae(self._loaded[beta])

    def _set_vae(self, vae: object | None) -> None:
        self._vae = vae
        if vae is None:
            self._eps = None
            self.latent_map.set_codes(None, None, ())
            self.latent_map.set_decoder(None, 2)
            self.grid.set_decoder(None, 2)
            self.morph.set_vae(None)
        else:
            dims = int(vae.latent_dim)  # type: ignore[attr-defined]
            if self._eps is None or self._eps.shape[1] != dims:
                # The first draw of a fresh stream is first_eps(dims); Resample goes on from there.
                self._rng = np.random.default_rng(EPS_SEED)
                self._eps = self._rng.standard_normal((1, dims)).astype(np.float32)
            names = [class_name(str(n)) for n in vae_dataset(vae, MNIST).class_names]
            self.latent_map.set_codes(vae.test_mu, vae.test_labels, names)  # type: ignore[attr-defined]
            self.latent_map.set_decoder(vae.decode, dims)  # type: ignore[attr-defined]
            self.grid.set_decoder(vae.decode, dims)  # type: ignore[attr-defined]
            self.morph.set_vae(vae)
        self._show_model()
        self._show_notice()
        self._update()

    # ---------------------------------------------------------------- the drawing
    def _update(self) -> None:
        """Encode, sample and decode the drawing and show every number (the per-move work)."""
        vae, x = self._vae, self._x
        usable = vae is not None and x is not None and x.shape == (28, 28) and self._eps is not None
        self.drawing.set_image(x if x is not None and x.ndim == 2 else None)
        self.resample_button.setEnabled(vae is not None)
        if not usable:
            self._trace = None
            self.reconstruction.set_image(None)
            self.reparam.set_values(None)
            self.latent_map.set_drawing(None, None, None)
            self.loss_bars.set_bars([])
            return
        t = vae.trace(x[None, None], self._eps)  # type: ignore[union-attr]
        self._trace = t
        self.reconstruction.set_image(t.x_hat[0, 0])
        self.reparam.set_values(t.mu[0], t.sigma[0], t.eps[0], t.z[0])
        self.latent_map.set_drawing(t.mu[0], t.sigma[0], t.z[0])
        self._show_losses()

    def _show_losses(self) -> None:
        t = self._trace
        if t is None:
            return
        beta = float(self._vae.beta)  # type: ignore[union-attr]
        bce, l1, kl = float(t.recon_bce[0]), float(t.recon_l1[0]), float(t.kl[0])
        self.loss_bars.set_bars(
            [
                (tr("BCE (reconstruction)"), bce, BAR_COLOURS["bce"]),
                (tr("L1 (the seed's)"), l1, BAR_COLOURS["l1"]),
                (tr("KL(q(z|x) ‖ N(0, I))"), kl, BAR_COLOURS["kl"]),
                (tr("L = c·KL + BCE"), beta * kl + bce, BAR_COLOURS["total"]),
            ]
        )

    def _show_model(self) -> None:
        vae = self._vae
        if vae is None:
            self.beta_label.setText(tr("c (β)"))
            self.model_label.setText(self._error or tr("No VAE is bundled with this copy of the app."))
            return
        beta = theme.format_significant(float(vae.beta))  # type: ignore[attr-defined]
        self.beta_label.setText(tr("c (β) = {beta}").format(beta=beta))
        meta = getattr(vae, "metadata", {}) or {}
        elbo = meta.get("test_elbo")
        which = tr("your VAE from the Train a VAE tab") if self._own_vae else tr("a bundled VAE")
        text = tr("In use: {which}, trained with c = {beta} on {dataset}.").format(
            which=which, beta=beta, dataset=vae_dataset(vae, self._data.dataset).name
        )
        if elbo is not None:
            space = "" if text.endswith("。") else " "  # no space after a Chinese full stop
            text += space + tr("Mean −ELBO on its test images: {elbo} nats.").format(
                elbo=f"{float(elbo):.1f}"
            )
        self.model_label.setText(text)

    def _show_notice(self) -> None:
        """Say above everything when the VAE was trained on another data set than the one in use."""
        if self._vae is None:
            self.notice.setText(self._error or tr("No VAE is bundled with this copy of the app."))
            self.notice.show()
            return
        trained_on = vae_dataset(self._vae, MNIST)
        in_use = self._data.dataset
        if trained_on.name == in_use.name:
            self.notice.hide()
            return
        self.notice.setText(
            tr(
                "This VAE was trained on {trained}, not on {dataset}: it encodes your image as if it were "
                "one of its {trained} images, so the reconstruction looks like one. Train a VAE on "
                "{dataset} in the Train a VAE tab to explore its own latent space."
            ).format(trained=trained_on.name, dataset=in_use.name)
        )
        self.notice.show()

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        for index, title in enumerate(
            (tr("Latent map"), tr("Manifold grid"), tr("Morph"), tr("Train a VAE"))
        ):
            self.tabs.setTabText(index, title)
        self._show_model()
        self._show_notice()
        self._show_losses()


if __name__ == "__main__":
    run_page(GenerativeView)
