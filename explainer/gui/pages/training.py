"""The training panel: train the current network on MNIST and watch the loss fall and the filters form.

The work runs in a :class:`~explainer.gui.training_worker.TrainingWorker` on its own thread; this view
only shows what the worker reports. Every few steps the worker sends a copy of the network, and the view
passes it on through ``sigModelProduced`` (at most one per event-loop turn, the newest), so the overview
and the kernels redraw while training goes on.

Also here: :class:`DataFolderPicker`, the MNIST folder chooser shared with the evaluation panel. Your own
images (a folder with one subfolder per class, or IDX files) are chosen and previewed in
:class:`~explainer.gui.pages.own_images.OwnImagesPanel`; Start then trains a new network for their
classes and the window switches to them (``sigDatasetProduced``).

pyqtgraph is imported when the panel is first shown, not at start-up (it takes about half a second).
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent, QTextLayout
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from explainer.architectures import ArchitectureSpec, build, spec_of
from explainer.core import Sequential
from explainer.data import MNIST, Dataset, UserDataset
from explainer.dbvae import DEFAULT_ALPHA
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.jobs import SHUTDOWN_TIMEOUT_MS
from explainer.gui.kit.plots import configure_pyqtgraph, style_plot
from explainer.gui.kit.widgets import (
    buddy_rows,
    choice_box,
    heading,
    label,
    name_items,
    page_column,
    row,
    set_row_texts,
    spin_box,
    translated,
)
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.job import PausableJobPage
from explainer.gui.pages.own_images import OwnImagesPanel
from explainer.gui.state import DataSource
from explainer.gui.training_worker import DataLoader, TrainingConfig, TrainingResult, TrainingWorker
from explainer.train import DEFAULT_LR, Progress

if TYPE_CHECKING:
    import pyqtgraph


PLOT_INTERVAL_MS = 250
"""The curves are redrawn at most four times a second, however fast the steps come (a redraw of both
plots costs a few milliseconds of the UI thread, far more while the training thread holds the GIL)."""

SMOOTHING = 0.9
"""Weight of the past in the exponential moving average drawn over the noisy per-batch curves."""

OPTIMIZERS = ("adam", "sgd")


def format_duration(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss`` for a duration in seconds (rounded up, so 0:00 means done).

    Shape:
        Not applicable.
    """
    total = math.ceil(max(seconds, 0.0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class DataFolderPicker(QWidget):
    """The folder of the data set's files: its path and a Choose button, for a :class:`DataSource`."""

    def __init__(self, source: DataSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_folder")
        self._source = source
        self._caption = QLabel()
        self._path = QLabel()
        self._path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._button = QToolButton()
        self._button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._caption)
        row.addWidget(self._path, 1)
        row.addWidget(self._button)
        source.sigFolderChanged.connect(self.refresh)
        self.retranslate_ui()

    def set_source(self, source: DataSource) -> None:
        """Show and choose the folder of ``source``."""
        self._source.sigFolderChanged.disconnect(self.refresh)
        self._source = source
        source.sigFolderChanged.connect(self.refresh)
        self.retranslate_ui()

    def choose(self) -> None:
        """Ask the user for the folder holding the four MNIST ``.gz`` files."""
        current = self._source.folder()
        chosen = QFileDialog.getExistingDirectory(
            self,
            tr("Folder with the {name} files").format(name=self._source.dataset.name),
            "" if current is None else str(current),
        )
        if chosen:
            self._source.set_folder(Path(chosen))

    def refresh(self) -> None:
        """Show the current folder (your own images stay in the folder they were read from)."""
        self._button.setEnabled(self._source.dataset.location is None)
        directory = self._source.folder()
        if directory is None:
            self._path.setText(tr("none chosen"))
            self._path.setToolTip("")
        else:
            self._path.setText(str(directory))
            self._path.setToolTip(str(directory))

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        own = self._source.dataset.location is not None
        name = self._source.dataset.name
        self._caption.setText(tr("Your images:") if own else tr("{name} folder:").format(name=name))
        self._button.setText(tr("Choose…"))
        self._button.setToolTip(
            tr("The folder with train-images-idx3-ubyte.gz and the three other {name} files").format(
                name=name
            )
        )
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Show the folder as it is now: the default one may have appeared since."""
        self.refresh()
        super().showEvent(event)


class _Curves:
    """Per-step loss and accuracy with their moving averages, and validation accuracy per epoch.

    Shape:
        Every array has one entry per step so far (``n``); ``val`` holds ``(epoch, accuracy)`` pairs.
    """

    def __init__(self, steps_total: int) -> None:
        self.x = np.zeros(steps_total, np.float64)
        self.loss = np.zeros(steps_total, np.float64)
        self.loss_avg = np.zeros(steps_total, np.float64)
        self.acc_avg = np.zeros(steps_total, np.float64)
        self.val: list[tuple[float, float]] = []
        self.n = 0
        self.drawn = (0, 0)

    def add(self, progress: Progress, steps_per_epoch: float) -> None:
        """Record one per-step or epoch-end report."""
        x = progress.step / steps_per_epoch
        if progress.val_accuracy is not None:
            self.val.append((x, progress.val_accuracy))
            return
        i = self.n
        if i == len(self.x):
            return
        previous_loss = self.loss_avg[i - 1] if i else progress.loss
        previous_acc = self.acc_avg[i - 1] if i else progress.batch_accuracy
        self.x[i] = x
        self.loss[i] = progress.loss
        self.loss_avg[i] = SMOOTHING * previous_loss + (1 - SMOOTHING) * progress.loss
        self.acc_avg[i] = SMOOTHING * previous_acc + (1 - SMOOTHING) * progress.batch_accuracy
        self.n = i + 1


class TrainingView(PausableJobPage):
    """Hyperparameters, Start/Pause/Stop, a progress bar with ETA and speed, and live loss/accuracy curves.

    Call :meth:`set_model` with the network to train (it is copied when training starts, so the caller's
    model never changes under it). Training uses the data set of its :class:`DataSource` (the app's, see
    :meth:`set_data_source`) from the folder in :class:`DataFolderPicker`, or the data of
    :meth:`set_data_loader`.

    Signals:
        sigModelProduced(object): a newer ``Sequential`` to show: a snapshot every N steps while training,
            and the kept model when a run ends. Each is a fresh copy the receiver may keep.
        sigRunningChanged(bool): a run started (True) or ended (False), e.g. to lock the architecture
            editor and File > Open model meanwhile.
        sigFinished(object): a run ended; the :class:`~explainer.gui.training_worker.TrainingResult`.
        sigDatasetProduced(object, object): Start on your own images: work on this ``Dataset`` with this
            new network for its classes (the window switches to them as for a change of data set).
    """

    sigModelProduced = Signal(object)
    sigRunningChanged = Signal(bool)
    sigFinished = Signal(object)
    sigDatasetProduced = Signal(object, object)

    def __init__(
        self, model: Sequential | None = None, data: DataSource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(data, parent)
        self.setObjectName("training")
        self._model = model
        self._curves: _Curves | None = None
        self._steps_per_epoch = 1.0
        self._pending: Sequential | None = None
        self._started_at = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._first_step: tuple[float, int] | None = None
        self._last_progress: Progress | None = None
        self._plots: tuple[pyqtgraph.PlotWidget, pyqtgraph.PlotWidget] | None = None
        self._plot_items: dict[str, pyqtgraph.PlotDataItem] = {}
        self._loss_top = 0.0

        self._plot_timer = QTimer(self)
        self._plot_timer.setInterval(PLOT_INTERVAL_MS)
        self._plot_timer.timeout.connect(self._redraw_curves)
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_pending)

        self._build_widgets()
        self.retranslate_ui()
        self._set_state("idle")
        self.set_model(model)
        theme.notifier().sigChanged.connect(self._apply_theme)

    # ----------------------------------------------------------------- public API
    def set_model(self, model: Sequential | None) -> None:
        """Train ``model`` on the next Start (a running training goes on with its own copy)."""
        self._model = model
        if model is None:
            self.model_label.setText(tr("No network to train."))
        else:
            self.model_label.setText(
                tr("Trains the current network: {layers} layers, {weights:,} weights.").format(
                    layers=len(model.layers), weights=model.param_count()
                )
            )
        self._update_buttons()

    def set_data_source(self, data: DataSource) -> None:
        """Train on the data set of ``data``, read from its folder."""
        if data.dataset != self._data.dataset:
            self._fit_image_count(data.dataset)
        self._data = data
        self.data_picker.set_source(data)
        self.retranslate_ui()  # the texts name the data set
        self._set_state(self._state)

    def own_data(self) -> UserDataset | None:
        """Your own images read in the panel, which the next Start trains on; None: the data set's."""
        return self.own_images.data()

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop the training and a reading of your images, and wait for their threads (bounded)."""
        return self.own_images.shutdown(timeout_ms) & super().shutdown(timeout_ms)

    def set_data_loader(self, loader: DataLoader | None) -> None:
        """Train on ``loader()``'s ``(train, validation)`` splits instead of the data source's (None: its
        splits again)."""
        super().set_data_loader(loader)
        self._set_state(self._state)

    def config(self) -> TrainingConfig:
        """The hyperparameters as the widgets show them."""
        return TrainingConfig(
            optimizer=OPTIMIZERS[self.optimizer_combo.currentIndex()],
            lr=self.lr_spin.value(),
            batch_size=self.batch_spin.value(),
            epochs=self.epochs_spin.value(),
            augment=self.augment_check.isChecked(),
            snapshot_every=self.refresh_spin.value(),
            seed=self.seed_spin.value(),
            debias_alpha=DEFAULT_ALPHA if self.debias_check.isChecked() and self._debias_applies() else None,
        )

    def set_config(self, config: TrainingConfig) -> None:
        """Show ``config`` in the widgets (used for the next Start)."""
        self.optimizer_combo.setCurrentIndex(OPTIMIZERS.index(config.optimizer))
        self.lr_spin.setValue(config.learning_rate())
        self.batch_spin.setValue(config.batch_size)
        self.epochs_spin.setValue(config.epochs)
        self.augment_check.setChecked(config.augment)
        self.refresh_spin.setValue(config.snapshot_every)
        self.seed_spin.setValue(config.seed)
        self.debias_check.setChecked(config.debias_alpha is not None)

    def is_running(self) -> bool:
        """True from Start until the run has ended (paused runs included)."""
        return self._worker is not None

    def start(self) -> bool:
        """Start training the current model; False (with the reason shown) when it cannot start."""
        if self._worker is not None or self._model is None:
            return False
        own = self.own_data()
        if own is not None and self._data.dataset is not own.dataset:
            self._switch_to(own.dataset)
        config = self.config()
        if config.debias_alpha is not None and self._loader is None and self._data.folder() is None:
            self._show_status(
                tr(
                    "Debiased sampling (DB-VAE) weighs every {name} training image by its code under the "
                    "bundled VAE, so it needs the training images: choose the folder that holds the {name} "
                    "files first."
                ).format(name=self._data.dataset.name),
                error=True,
            )
            return False
        loader = self._job_data(self._data.training_loader(self.images_spin.value()))
        if loader is None:
            return False
        self._ensure_plots()
        if self._plots is not None:
            for plot in self._plots:
                plot.setXRange(0.0, config.epochs, padding=0.02)
        self._loss_top = 0.0
        for item in self._plot_items.values():
            item.setData([], [])
        self._curves = None
        self._last_progress = None
        self._first_step = None
        self._paused_total = 0.0
        self._paused_at = None
        self._started_at = time.monotonic()
        self.speed_label.setText("")
        worker = TrainingWorker(self._model, loader, config)
        worker.sigSnapshot.connect(self._on_snapshot)
        debias = config.debias_alpha is not None
        loading = tr("loading the data and encoding it with the VAE…") if debias else tr("loading the data…")
        self._start(worker, loading, tr("Training…"))
        self._set_state("running")
        self._plot_timer.start()
        self.sigRunningChanged.emit(True)
        return True

    def _switch_to(self, dataset: Dataset) -> None:
        """Train on ``dataset`` (your own images) from now on, with a new network of the current one's
        architecture (the default one when it has none) and one output per class of ``dataset``."""
        model = self._model
        spec = None if model is None else spec_of(model, self._data.dataset)
        fresh = build(spec or ArchitectureSpec(), np.random.default_rng(self.seed_spin.value()), dataset)
        self.set_model(fresh)
        self.set_data_source(DataSource(dataset, parent=self))
        self.sigDatasetProduced.emit(dataset, fresh)

    def _own_loaded(self, data: UserDataset | None) -> None:
        """Your images were read (or forgotten): show how many the next Start trains on."""
        self._fit_image_count(self._data.dataset if data is None else data.dataset)
        if data is not None and self._data.dataset is not data.dataset:
            self._show_status(
                tr(
                    "Start trains a new network for these {classes} classes ({names}); the whole window "
                    "then works on your images."
                ).format(classes=len(data.class_names), names=", ".join(data.class_names))
            )
        else:
            self._show_status("")

    def _fit_image_count(self, dataset: Dataset) -> None:
        """The training-image count offers all the images ``dataset`` can train on."""
        most = dataset.max_training_images
        self.images_spin.setRange(min(100, most), most)
        self.images_spin.setValue(most)

    def _job_paused(self) -> None:
        self._paused_at = time.monotonic()
        self._show_status(tr("Paused. Resume goes on from here."))

    def _job_resumed(self) -> None:
        if self._paused_at is not None:
            self._paused_total += time.monotonic() - self._paused_at
        self._paused_at = None
        self._show_status(tr("Training…"))

    def _job_stopping(self) -> None:
        self._show_status(tr("Stopping after this step…"))

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        show_header(self, self.heading)
        self.hint.setText(
            tr(
                "Watch a network learn: the loss falls, the accuracy rises, and every few steps the "
                "overview and the kernels show the filters as they form. The last {count:,} {name} training "
                "images are kept aside to measure the validation accuracy after each epoch."
            ).format(count=self._data.dataset.validation_size, name=self._data.dataset.name)
        )
        self.data_picker.retranslate_ui()
        self.own_images.retranslate_ui()
        names = {"adam": tr("Adam"), "sgd": tr("SGD with momentum")}
        name_items(self.optimizer_combo, OPTIMIZERS, names)
        labels = {
            self.optimizer_combo: (tr("Optimizer"), tr("How the gradients change the weights")),
            self.lr_spin: (
                tr("Learning rate"),
                tr("Size of each step at the start; it decays to zero over the run (cosine schedule)"),
            ),
            self.batch_spin: (tr("Batch size"), tr("Images per step: the gradient is averaged over them")),
            self.epochs_spin: (tr("Epochs"), tr("Passes over the training images")),
            self.images_spin: (tr("Training images"), tr("How many training images one epoch uses")),
            self.refresh_spin: (
                tr("Refresh every"),
                tr("Show the network's current weights every this-many steps"),
            ),
            self.seed_spin: (tr("Seed"), tr("Seeds the order of the images and the augmentation")),
        }
        set_row_texts(self._labels, labels)
        self.refresh_spin.setSuffix(tr(" steps"))
        self._name_job_buttons(
            tr("Train the current network from its current weights"),
            tr("End after this step and keep the weights"),
        )
        if self._plots is not None:
            self._label_plots()

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        """Create the controls; the plots come later (see ``_ensure_plots``)."""
        self.heading = heading()
        self.hint = label(wrap=True)
        self.model_label = label("training_model")
        self.data_picker = DataFolderPicker(self._data)
        self.own_images = OwnImagesPanel()
        self.own_images.sigLoaded.connect(self._own_loaded)

        self.optimizer_combo = choice_box("optimizer", self._on_optimizer, ["", ""])
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("learning_rate")
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(1e-5, 1.0)
        self.lr_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setValue(DEFAULT_LR["adam"])
        self.batch_spin = spin_box("batch_size", 1, 1024, 64)
        self.epochs_spin = spin_box("epochs", 1, 100, 1)
        most = self._data.dataset.max_training_images
        self.images_spin = spin_box("training_images", 100, most, most)
        self.images_spin.setSingleStep(1000)
        self.images_spin.setGroupSeparatorShown(True)
        self.refresh_spin = spin_box("refresh_every", 1, 10000, 20)
        self.seed_spin = spin_box("seed", 0, 2**31 - 1, 0)
        self.augment_check = translated(
            QCheckBox(),
            text=lambda: tr("Augment (rotate, scale, shift, thicken)"),
            tip=lambda: tr(
                "Random changes to every training image so the network copes with drawings and photos"
            ),
        )
        self.augment_check.setObjectName("augment")
        self.debias_check = translated(
            QCheckBox(),
            text=lambda: tr("Debiased sampling (DB-VAE)"),
            tip=lambda: tr(
                "Draw rare digits more often: each training image with probability ∝ 1 / (density + α) of "
                "its code under the bundled VAE, α = {alpha} (Lessons › Debiasing). Needs the MNIST folder."
            ).format(alpha=DEFAULT_ALPHA),
        )
        self.debias_check.setObjectName("debias")

        self._labels: dict[QWidget, QLabel] = {}
        left = QFormLayout()
        right = QFormLayout()
        for form, widgets in (
            (left, (self.optimizer_combo, self.lr_spin, self.batch_spin, self.epochs_spin)),
            (right, (self.images_spin, self.refresh_spin, self.seed_spin)),
        ):
            self._labels.update(buddy_rows(form, widgets))
        # One row for both, so the plots below keep their height.
        right.addRow(row(self.augment_check, self.debias_check))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(theme.px(24))
        columns.addLayout(right, 1)

        buttons = self._job_buttons()
        buttons.addStretch(1)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("training_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(True)
        self.speed_label = _LineLabel()
        self.speed_label.setObjectName("training_speed")
        self.status_label = _LineLabel()
        self.status_label.setObjectName("training_status")
        self.status_label.setWordWrap(True)

        self.plot_area = QGridLayout()
        self.plot_area.setColumnStretch(0, 1)
        self.plot_area.setColumnStretch(1, 1)

        page_column(
            self,
            *(self.heading, self.hint, self.model_label, self.data_picker, self.own_images, columns, buttons),
            *(self.progress_bar, self.speed_label, self.status_label, self.plot_area),
        )

    def _ensure_plots(self) -> None:
        """Create the two plots on first need, importing pyqtgraph then rather than at start-up."""
        if self._plots is not None:
            return
        import pyqtgraph

        configure_pyqtgraph()
        plots = (pyqtgraph.PlotWidget(), pyqtgraph.PlotWidget())
        for column, (plot, name) in enumerate(zip(plots, ("loss_plot", "accuracy_plot"), strict=True)):
            plot.setObjectName(name)
            plot.setMenuEnabled(False)
            plot.showGrid(x=False, y=True, alpha=0.25)
            # Fixed ranges (see _fit_ranges) and cached axes: a new point repaints the curves, not the
            # axis texts and grid, which cost most of a redraw.
            plot.disableAutoRange()
            for side in ("left", "bottom"):
                plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.setMinimumHeight(theme.px(180))
            # Loss falls and accuracy rises: put each legend where its curve is not.
            plot.addLegend(offset=(-10, 10) if column == 0 else (-10, -10))
            self.plot_area.addWidget(plot, 0, column)
        loss_plot, accuracy_plot = plots
        accuracy_plot.setYRange(0.0, 100.0, padding=0.02)
        self._plot_items = {
            "loss": loss_plot.plot(),
            "loss_avg": loss_plot.plot(),
            "accuracy_avg": accuracy_plot.plot(),
            "validation": accuracy_plot.plot(symbol="o"),
        }
        for key in ("loss", "loss_avg", "accuracy_avg"):
            # Thousands of steps: draw only what is visible, one point per pixel column.
            self._plot_items[key].setDownsampling(auto=True, method="peak")
            self._plot_items[key].setClipToView(True)
        self._plots = plots
        self._apply_theme()

    def _label_plots(self) -> None:
        """Titles, axis labels and legend entries in the current language."""
        if self._plots is None:
            return
        loss_plot, accuracy_plot = self._plots
        color = theme.current().text
        size = f"{theme.BASE_FONT_PT * theme.zoom():.0f}pt"
        loss_plot.setTitle(tr("Loss (cross-entropy)"), color=color, size=size)
        accuracy_plot.setTitle(tr("Accuracy (%)"), color=color, size=size)
        for plot in self._plots:
            plot.setLabel("bottom", tr("epoch"))
        names = {
            "loss": tr("each batch"),
            "loss_avg": tr("moving average"),
            "accuracy_avg": tr("training batches (moving average)"),
            "validation": tr("validation, after each epoch"),
        }
        for plot in self._plots:
            legend = plot.getPlotItem().legend
            legend.clear()
        for key, item in self._plot_items.items():
            plot = loss_plot if key.startswith("loss") else accuracy_plot
            plot.getPlotItem().legend.addItem(item, names[key])

    def _apply_theme(self) -> None:
        """Colour the plots with the current palette."""
        if self._plots is None:
            return
        import pyqtgraph

        palette = theme.current()
        faint = QColor(palette.muted)
        faint.setAlpha(110)
        validation = theme.lut_color(theme.DIVERGING_LUT, 0.1)
        pens = {
            "loss": pyqtgraph.mkPen(faint, width=1),
            "loss_avg": pyqtgraph.mkPen(palette.accent, width=theme.px(2.5)),
            "accuracy_avg": pyqtgraph.mkPen(palette.accent, width=theme.px(2.5)),
            "validation": pyqtgraph.mkPen(validation, width=theme.px(2)),
        }
        for key, item in self._plot_items.items():
            item.setPen(pens[key])
        self._plot_items["validation"].setSymbolBrush(validation)
        self._plot_items["validation"].setSymbolPen(validation)
        self._plot_items["validation"].setSymbolSize(theme.px(8))
        self._label_plots()
        for plot in self._plots:
            style_plot(plot)

    # ----------------------------------------------------------------- worker reports
    def _on_progress(self, progress: Progress) -> None:
        """Record a step for the curves and update the progress bar, speed and ETA."""
        if self._worker is None:
            return
        epochs = self._worker.config.epochs
        if self._curves is None:
            self._curves = _Curves(progress.steps_total)
            self._steps_per_epoch = progress.steps_total / epochs
        self._curves.add(progress, self._steps_per_epoch)
        now = self._active_time()
        if self._first_step is None:
            self._first_step = (now, progress.step)
        first_time, first_step = self._first_step
        done = progress.step - first_step
        left = None
        if done > 0:
            left = (progress.steps_total - progress.step) * (now - first_time) / done
        self.progress_bar.setValue(round(1000 * progress.step / max(progress.steps_total, 1)))
        self.progress_bar.setFormat(
            tr("epoch {epoch}/{epochs} · step {step:,}/{total:,}").format(
                epoch=progress.epoch, epochs=epochs, step=progress.step, total=progress.steps_total
            )
        )
        self._last_progress = progress
        self._show_speed(progress, now, left)

    def _show_speed(self, progress: Progress, elapsed: float, left: float | None) -> None:
        """Images per second, time elapsed and left (None: unknown or finished), loss and accuracy."""
        eta = "" if left is None else tr(" · about {time} left").format(time=format_duration(left))
        text = tr("{rate:,.0f} images/s · {elapsed} elapsed{eta}").format(
            rate=progress.samples_per_s, elapsed=format_duration(elapsed), eta=eta
        )
        # An epoch-end record carries the epoch's mean loss, every other one the last batch's, which jumps
        # from batch to batch: the moving average (the bold curve) goes with it.
        curves = self._curves
        if progress.val_accuracy is None and curves is not None and curves.n:
            text += tr(" · loss of the last batch {loss:.3f}, moving average {average:.3f}").format(
                loss=progress.loss, average=curves.loss_avg[curves.n - 1]
            )
        elif progress.val_accuracy is None:
            text += tr(" · loss of the last batch {loss:.3f}").format(loss=progress.loss)
        else:
            text += tr(" · mean loss of epoch {epoch} {loss:.3f}").format(
                epoch=progress.epoch, loss=progress.loss
            )
        if self._curves is not None and self._curves.val:
            text += tr(" · validation accuracy {accuracy:.1%}").format(accuracy=self._curves.val[-1][1])
        self.speed_label.setText(text)

    def _on_snapshot(self, model: Sequential) -> None:
        """Keep the newest snapshot and pass it on at the next event-loop turn (older ones are dropped)."""
        self._pending = model
        self._emit_timer.start()

    def _emit_pending(self) -> None:
        model, self._pending = self._pending, None
        if model is not None:
            self.sigModelProduced.emit(model)

    def _failure_text(self) -> str:
        return tr("Training failed: {message}")

    def _on_finished(self, result: TrainingResult) -> None:
        """Show how the run ended and hand over the model it keeps."""
        self._plot_timer.stop()
        self._redraw_curves()
        if self._last_progress is not None:
            self._show_speed(self._last_progress, self._active_time(), None)
        self._pending = None
        self._emit_timer.stop()
        if result.model is not None:
            self._model = result.model
            self.sigModelProduced.emit(result.model)
        if result.error is not None:
            kept = (
                tr(" The network keeps the weights shown at step {step:,}.").format(step=result.step)
                if result.model is not None
                else tr(" The network is unchanged.")
            )
            self._show_status(
                tr("Training failed: {message}").format(message=result.error) + kept, error=True
            )
        elif result.stopped:
            self._show_status(
                tr("Stopped after step {step:,}; the network keeps the weights of that step.").format(
                    step=result.step
                )
                if result.model is not None
                else tr("Stopped before the first step; the network is unchanged.")
            )
        elif result.completed and result.val_accuracy is not None:
            self._show_status(
                tr(
                    "Done: {step:,} steps. The network keeps its best epoch "
                    "(validation accuracy {accuracy:.2%})."
                ).format(step=result.step, accuracy=result.val_accuracy)
            )
        self._set_state("idle")
        self.set_model(self._model)
        self.sigRunningChanged.emit(False)
        self.sigFinished.emit(result)

    def _redraw_curves(self) -> None:
        """Push the recorded points to the plots (called by a timer, at most ten times a second)."""
        curves = self._curves
        if curves is None or not self._plot_items or curves.drawn == (curves.n, len(curves.val)):
            return
        curves.drawn = (curves.n, len(curves.val))
        self._fit_ranges(curves)
        n = curves.n
        x = curves.x[:n]
        self._plot_items["loss"].setData(x, curves.loss[:n])
        self._plot_items["loss_avg"].setData(x, curves.loss_avg[:n])
        self._plot_items["accuracy_avg"].setData(x, 100.0 * curves.acc_avg[:n])
        if curves.val:
            epochs, accuracies = zip(*curves.val, strict=True)
            self._plot_items["validation"].setData(np.array(epochs), 100.0 * np.array(accuracies))
        else:
            self._plot_items["validation"].setData([], [])

    def _fit_ranges(self, curves: _Curves) -> None:
        """Loss from 0 to just above its highest value so far (changed only when that grows or halves)."""
        if self._plots is None or curves.n == 0:
            return
        top = float(curves.loss[: curves.n].max())
        if math.isfinite(top) and top > 0.0 and not 0.5 * self._loss_top < top <= self._loss_top:
            self._loss_top = 1.1 * top
            self._plots[0].setYRange(0.0, self._loss_top, padding=0.02)

    # ----------------------------------------------------------------- helpers
    def _active_time(self) -> float:
        """Seconds since Start, pauses excluded."""
        paused = self._paused_total
        if self._paused_at is not None:
            paused += time.monotonic() - self._paused_at
        return time.monotonic() - self._started_at - paused

    def _enable_settings(self, idle: bool) -> None:
        for widget in (*self._labels, self.augment_check):
            widget.setEnabled(idle)
        # The bundled VAE read digits: for another data set the option does not apply and is not shown.
        self.debias_check.setVisible(self._debias_applies())
        self.debias_check.setEnabled(idle)
        # With data from set_data_loader, the MNIST folder and image count do not apply; your own images
        # are in the folder they were read from.
        own_folder = self._data.dataset.location is not None
        self.data_picker.setEnabled(idle and self._loader is None and not own_folder)
        self.own_images.setEnabled(idle)
        self.images_spin.setEnabled(idle and self._loader is None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.start_button.setEnabled(self._state == "idle" and self._model is not None)

    def _pause_tips(self) -> tuple[str, str]:
        return tr("Go on training"), tr("Hold after this step; the thread sleeps meanwhile")

    def _debias_applies(self) -> bool:
        """DB-VAE's weights come from the bundled VAE, trained on MNIST: only MNIST can use them."""
        return self._data.dataset == MNIST

    def _on_optimizer(self, index: int) -> None:
        """Each optimizer starts from its own good learning rate."""
        self.lr_spin.setValue(DEFAULT_LR[OPTIMIZERS[index]])

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_plots()
        super().showEvent(event)


class _LineLabel(QLabel):
    """A label one text line high even when empty, so that a first message does not shift what is below.

    The plots below repaint in full when they move; at the start of training that took ~60 ms on the UI
    thread while the engine's threads had both cores (benchmarks/bench_training_ui.py).
    """

    PROBE = "Ag…训练"
    """Latin, punctuation and CJK: their fallback fonts can make a line taller than the label's own font."""

    def line_height(self) -> int:
        """The height of one line of text in this label's font, fallback fonts included."""
        layout = QTextLayout(self.PROBE, self.font())
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        margins = self.contentsMargins()
        return math.ceil(line.height()) + margins.top() + margins.bottom() + 2 * self.margin()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.line_height()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.line_height()))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.line_height())


if __name__ == "__main__":
    run_page(TrainingView)
