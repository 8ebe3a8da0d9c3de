"""Training a VAE in the app: :class:`VaeTrainingWorker` runs :func:`explainer.train_vae.train_vae_iter` on a
worker thread, and :class:`VaeTrainingPanel` shows the live KL and reconstruction curves and the latent map
of the test images, redrawn every N steps as it organises, with Start, Pause, Stop, Save and Use.

The worker trains its own fresh 2-D VAE (the bundled architecture) and never shares it while it runs: the
map is drawn from codes it posts (the encoder's μ of the first test images), and the VAE itself is handed
over only with ``sigFinished``, after its thread has ended.
"""

from __future__ import annotations

import html
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

import explainer
from explainer.core.vae import vae_net
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, class_name, tr, translate_error
from explainer.gui.jobs import StepWorker
from explainer.gui.kit.plots import style_plot
from explainer.gui.kit.plotwidget import CompactPlot
from explainer.gui.kit.widgets import (
    buddy_rows,
    button,
    heading,
    hint,
    label,
    page_column,
    row,
    side_by_side,
    spin_box,
    translated,
)
from explainer.gui.pages.generative_map import class_scatters, view_range
from explainer.gui.pages.job import JobPage
from explainer.gui.pages.training import DataFolderPicker
from explainer.gui.state import DataSource
from explainer.train_vae import VaeProgress, pixels, train_vae_iter

VaeData = tuple[np.ndarray, np.ndarray, np.ndarray]
"""Training images ``(N, 28, 28)``, test images ``(M, 28, 28)`` and their labels ``(M,)``."""

MAP_IMAGES = 2000
"""Test images whose μ the live map shows while training (all of them are encoded at the end)."""


@dataclass(frozen=True)
class VaeTrainingConfig:
    """Settings of one VAE training run in the app.

    Attributes:
        epochs: passes over the training images.
        beta: the weight c (β) of the KL term.
        images: training images used.
        map_every: post the test images' μ every this-many steps.
        batch_size, lr, seed: as :func:`explainer.train_vae.train_vae_iter` takes them.

    Shape:
        Not applicable.
    """

    epochs: int = 2
    beta: float = 1.0
    images: int = 10000
    map_every: int = 25
    batch_size: int = 128
    lr: float = 1e-3
    seed: int = 0


@dataclass(frozen=True)
class VaeTrainingResult:
    """How a run ended: the VAE it leaves (None when no step ran), whether it completed or was stopped,
    the steps done and the error message, if any."""

    vae: object | None
    completed: bool
    stopped: bool
    step: int
    error: str | None = None


def encode_codes(vae: object, images: np.ndarray) -> np.ndarray:
    """The encoder's μ of ``images`` in batches of 1,000.

    Shape:
        images: ``(M, 28, 28)`` uint8 or float; returns ``(M, d)`` float32.
    """
    parts = [vae.encode(pixels(images[i : i + 1000]))[0] for i in range(0, len(images), 1000)]  # type: ignore[attr-defined]
    return np.concatenate(parts).astype(np.float32)


class VaeTrainingWorker(StepWorker):
    """Trains a fresh VAE with ``train_vae_iter``, reporting every step and the map every N steps.

    Signals:
        sigProgress(object): a :class:`~explainer.train_vae.VaeProgress` after every step.
        sigCodes(object, object): μ ``(M, d)`` of the first ``MAP_IMAGES`` test images and their labels
            ``(M,)``, before the first step, every ``map_every`` steps and at the end.
        sigHeld(), sigError(str), sigFinished(object): see :class:`~explainer.gui.jobs.StepWorker`; the
            payload is a :class:`VaeTrainingResult`.
    """

    sigProgress = Signal(object)
    sigCodes = Signal(object, object)

    def __init__(self, load_data: Callable[[], VaeData], config: VaeTrainingConfig) -> None:
        super().__init__()
        self._load_data = load_data
        self.config = config

    def work(self) -> VaeTrainingResult:
        """Load the data, train, and return how it ended (never raises)."""
        config = self.config
        vae = None
        step = 0
        try:
            if self.checkpoint():
                return VaeTrainingResult(None, False, True, 0)
            train_images, test_images, test_labels = self._load_data()
            if self.checkpoint():
                return VaeTrainingResult(None, False, True, 0)
            vae = vae_net(latent_dim=2, rng=np.random.default_rng(config.seed))
            shown = test_images[:MAP_IMAGES], np.asarray(test_labels[:MAP_IMAGES])
            self.post(self.sigCodes, encode_codes(vae, shown[0]), shown[1])
            run = train_vae_iter(
                vae,
                train_images[: config.images],
                epochs=config.epochs,
                batch_size=config.batch_size,
                lr=config.lr,
                beta=config.beta,
                seed=config.seed,
            )
            for progress in run:
                step = progress.step
                self.post(self.sigProgress, progress)
                if progress.done or step % config.map_every == 0:
                    self.post(self.sigCodes, encode_codes(vae, shown[0]), shown[1])
                if progress.done or self.checkpoint():
                    break
            run.close()
            vae.train(False)  # type: ignore[attr-defined]
            if step:
                vae.test_mu = encode_codes(vae, test_images)  # type: ignore[attr-defined]
                vae.test_labels = np.asarray(test_labels).astype(np.int64)  # type: ignore[attr-defined]
        except (BadInputError, FloatingPointError) as error:
            return self._failed(translate_error(error), step)
        except Exception as error:
            # A bug, but the user gets a message rather than a silent dead thread.
            return self._failed(
                "training failed: " + "".join(traceback.format_exception_only(error)).strip(), step
            )
        stopped = self._stop.is_set()
        return VaeTrainingResult(vae if step else None, not stopped and step > 0, stopped, step)

    def _failed(self, message: str, step: int) -> VaeTrainingResult:
        self.post(self.sigError, message)
        return VaeTrainingResult(None, False, self._stop.is_set(), step, message)


def data_loader(data: DataSource, images: int) -> Callable[[], VaeData] | None:
    """Loads ``images`` training images and the test set of ``data`` (on the worker thread); None without a
    folder."""
    training, test = data.training_loader(images), data.test_loader()
    if training is None or test is None:
        return None

    def load() -> VaeData:
        (train_images, _labels), _validation = training()
        test_images, test_labels = test()
        return train_images, test_images, test_labels

    return load


class VaeTrainingPanel(FollowsLanguage, JobPage):
    """Settings, Start/Pause/Stop/Save/Use, the progress, the loss curves and the live latent map.

    A loader given with :meth:`set_data_loader` returns the :class:`VaeData` to train on.

    Signals:
        sigTrained(object): the user chose to use the VAE trained here in the Generative tab.
        sigRunningChanged(bool): a run started or ended.
    """

    sigTrained = Signal(object)
    sigRunningChanged = Signal(bool)

    def __init__(self, data: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(data, parent)
        self.setObjectName("vae_training")
        self._vae: object | None = None
        self._steps: list[int] = []
        self._recon: list[float] = []
        self._kl: list[float] = []
        self._names: list[str] = []
        self.heading = heading()
        self.hint = translated(
            hint(),
            text=lambda: tr(
                "A fresh VAE with a 2-D latent space learns from the training images: the curves show the "
                "reconstruction term (BCE) and the KL term per image, and every few steps the map shows "
                "where the encoder puts the test images, as the classes sort themselves out."
            ),
        )
        self.data_picker = DataFolderPicker(self._data)
        self.epochs_spin = spin_box("vae_epochs", 1, 50, VaeTrainingConfig.epochs)
        self.beta_spin = QDoubleSpinBox()
        self.beta_spin.setObjectName("vae_beta")
        self.beta_spin.setRange(0.0, 20.0)
        self.beta_spin.setSingleStep(0.5)
        self.beta_spin.setValue(VaeTrainingConfig.beta)
        self.images_spin = spin_box("vae_images", 500, 60000, VaeTrainingConfig.images)
        self.images_spin.setSingleStep(1000)
        self.batch_spin = spin_box("vae_batch", 1, 1024, VaeTrainingConfig.batch_size)
        self.map_spin = spin_box("vae_map_every", 1, 1000, VaeTrainingConfig.map_every)
        form = QFormLayout()
        self._captions = buddy_rows(
            form,
            {
                self.epochs_spin: lambda: tr("Epochs"),
                self.beta_spin: lambda: tr("c (β)"),
                self.images_spin: lambda: tr("Training images"),
                self.batch_spin: lambda: tr("Batch size"),
                self.map_spin: lambda: tr("Redraw the map every (steps)"),
            },
        )
        self.start_button = translated(button("vae_start", self.start), text=lambda: tr("Start"))
        self.pause_button = button("vae_pause", self.toggle_pause)
        self.stop_button = translated(button("vae_stop", self.stop), text=lambda: tr("Stop"))
        self.save_button = translated(button("vae_save", self._ask_save), text=lambda: tr("Save…"))
        self.use_button = translated(button("vae_use", self.use), text=lambda: tr("Use in this tab"))
        buttons = row(
            self.start_button, self.pause_button, self.stop_button, self.save_button, self.use_button
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("vae_progress")
        self.status_label = QLabel()
        self.status_label.setObjectName("vae_status")
        self.status_label.setWordWrap(True)
        # The curves' key sits above the plot: inside, a legend would cover the reconstruction curve.
        self.curves_key = label("vae_curves_key", rich=True)
        self.curves = CompactPlot("vae_curves", 200)
        self.curves.setLogMode(y=True)  # the KL term is some 30 times smaller than the reconstruction
        # Before the first step, 1 to 1,000 nats: an empty log plot's one decade would label 2…9 in a pile.
        self.curves.setYRange(-0.25, 3.25, padding=0)
        self._recon_curve = self.curves.plot(
            pen=pyqtgraph.mkPen(theme.SERIES_COLOURS[0], width=2), name="recon"
        )
        self._kl_curve = self.curves.plot(pen=pyqtgraph.mkPen(theme.SERIES_COLOURS[1], width=2), name="KL")
        self.map_plot = CompactPlot("vae_map", 200)
        self.map_plot.setMouseEnabled(False, False)
        self.map_plot.hideButtons()
        self.map_plot.setAspectLocked(True)
        x0, x1, y0, y1 = view_range(np.zeros((1, 2)))  # the prior's ±3σ until the first codes come
        self.map_plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._scatters: list[object] = []
        page_column(
            self,
            self.heading,
            self.hint,
            self.data_picker,
            form,
            buttons,
            self.progress_bar,
            self.status_label,
            self.curves_key,
            side_by_side(self.curves, self.map_plot, stretch=0),
            stretch=8,
        )
        self._set_running(False)
        theme.notifier().sigChanged.connect(self._apply_theme)
        self._apply_theme()
        self.retranslate_ui()

    def _apply_theme(self) -> None:
        """Paint both plots in the current palette."""
        for plot in (self.curves, self.map_plot):
            style_plot(plot)

    # ---------------------------------------------------------------- public
    def set_data_source(self, data: DataSource) -> None:
        """Train on ``data``'s data set, read from its folder."""
        self._data = data
        self.data_picker.set_source(data)
        self._names = [class_name(str(n)) for n in data.dataset.class_names]
        self.retranslate_ui()

    def config(self) -> VaeTrainingConfig:
        """The settings shown."""
        return VaeTrainingConfig(
            epochs=self.epochs_spin.value(),
            beta=self.beta_spin.value(),
            images=self.images_spin.value(),
            batch_size=self.batch_spin.value(),
            map_every=self.map_spin.value(),
        )

    def trained(self) -> object | None:
        """The VAE the last run left, or None."""
        return self._vae

    def start(self) -> bool:
        """Start training; False (with a message) when no data can be found or a run is under way."""
        if self._worker is not None:
            return False
        loader = self._job_data(data_loader(self._data, self.images_spin.value()))
        if loader is None:
            return False
        self._steps, self._recon, self._kl = [], [], []
        self._recon_curve.setData([], [])
        self._kl_curve.setData([], [])
        worker = VaeTrainingWorker(loader, self.config())
        worker.sigCodes.connect(self._on_codes)
        worker.sigHeld.connect(lambda: self._show_status(tr("Paused. Resume goes on from here.")))
        self._start(worker, tr("loading the data…"), tr("Training…"))
        self._set_running(True)
        self.sigRunningChanged.emit(True)
        return True

    def toggle_pause(self) -> None:
        """Pause after the current step, or resume."""
        worker = self._worker
        if worker is None:
            return
        if worker.is_paused():
            worker.resume()
            self._show_status(tr("Training…"))
        else:
            worker.pause()
        self.retranslate_ui()

    def stop(self) -> None:
        """End the run after the current step; the VAE keeps the weights of that step."""
        if self._worker is not None:
            self._worker.stop()
            self._show_status(tr("Stopping after this step…"))

    def save(self, path: str) -> bool:
        """Write the trained VAE to ``path`` (``.npz``); False with a message when it cannot."""
        if self._vae is None:
            return False
        try:
            explainer.save_model(self._vae, path)
        except (BadInputError, OSError) as error:
            self._show_status(translate_error(error), error=True)
            return False
        self._show_status(tr("Saved {path}").format(path=path))
        return True

    def use(self) -> None:
        """Use the trained VAE in the Generative tab."""
        if self._vae is not None:
            self.sigTrained.emit(self._vae)

    def steps(self) -> list[int]:
        """The steps whose losses the curves show."""
        return list(self._steps)

    # ---------------------------------------------------------------- reports
    def _on_progress(self, progress: VaeProgress) -> None:
        self._steps.append(progress.step)
        self._recon.append(progress.recon)
        self._kl.append(progress.kl)
        self._recon_curve.setData(self._steps, self._recon)
        self._kl_curve.setData(self._steps, self._kl)
        self.progress_bar.setRange(0, progress.steps)
        self.progress_bar.setValue(progress.step)
        self.progress_bar.setFormat(
            tr("step {step} of {steps}, epoch {epoch}").format(
                step=progress.step, steps=progress.steps, epoch=progress.epoch
            )
        )
        self._show_status(
            tr("Reconstruction {recon} nats, KL {kl} nats per image").format(
                recon=f"{progress.recon:.1f}", kl=f"{progress.kl:.2f}"
            )
        )

    def _on_codes(self, codes: np.ndarray, labels: np.ndarray) -> None:
        for scatter in self._scatters:
            self.map_plot.removeItem(scatter)
        names = self._names or [str(k) for k in range(int(labels.max()) + 1 if labels.size else 0)]
        self._scatters = class_scatters(self.map_plot, codes, labels, names)
        x0, x1, y0, y1 = view_range(codes)
        self.map_plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def map_codes(self) -> np.ndarray:
        """The points the live map shows, ``(M, 2)``."""
        parts = [np.stack(s.getData(), axis=1) for s in self._scatters]  # type: ignore[attr-defined]
        return np.concatenate(parts) if parts else np.zeros((0, 2))

    def _on_error(self, message: str) -> None:
        self._show_status(message, error=True)

    def _on_finished(self, result: VaeTrainingResult) -> None:
        self._worker = None
        if result.vae is not None:
            self._vae = result.vae
        if result.error is None:
            text = (
                tr("Trained {step} steps. Save the VAE or use it in this tab.")
                if result.completed
                else tr("Stopped after {step} steps. Save the VAE or use it in this tab.")
            )
            self._show_status(
                text.format(step=result.step) if result.step else tr("Stopped before the first step.")
            )
        self._set_running(False)
        self.sigRunningChanged.emit(False)

    def _set_running(self, running: bool) -> None:
        idle = not running
        for widget in (*self._captions, self.data_picker):
            widget.setEnabled(idle)
        self.start_button.setEnabled(idle)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.save_button.setEnabled(idle and self._vae is not None)
        self.use_button.setEnabled(idle and self._vae is not None)
        self.retranslate_ui()

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the VAE"), "vae.npz", tr("VAE (*.npz)"))
        if path:
            self.save(path)

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.heading.setText(tr("Train a VAE on {dataset}").format(dataset=self._data.dataset.name))
        paused = self._worker is not None and self._worker.is_paused()
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        self.curves.setLabel("bottom", tr("training step"))
        self.curves.setLabel("left", tr("nats per image"))
        key = (
            (theme.SERIES_COLOURS[0], tr("reconstruction (BCE)")),
            (theme.SERIES_COLOURS[1], tr("KL")),
        )
        self.curves_key.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{colour}">━━</span> {html.escape(text)}' for colour, text in key
            )
        )
        self.map_plot.setLabel("bottom", "μ₁")
        self.map_plot.setLabel("left", "μ₂")
