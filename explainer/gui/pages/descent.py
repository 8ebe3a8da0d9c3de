"""Gradient descent three ways (seed 003): full batch, SGD (batch 1) and mini-batch, raced side by side.

The three runs train copies of one small CNN from the same initial weights on the same subset (the first
training images of the data folder, else the bundled samples), at the same learning rate, on a worker
thread (:class:`DescentWorker`, Pause and Stop between updates). Two plots show the loss of each update's
own batch (SGD's noise) and the loss on the whole subset, against examples seen or against each run's
computing time; the table below puts a number on the cost of one full-batch update.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from explainer.core.descent import METHODS, DescentPoint, DescentRace, descent_net
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr, translate_error
from explainer.gui.jobs import StepWorker
from explainer.gui.kit.plots import style_plot
from explainer.gui.kit.plotwidget import CompactPlot
from explainer.gui.kit.widgets import (
    captioned_row,
    choice_box,
    heading,
    hint,
    label,
    name_items,
    page_column,
    set_row_texts,
    spin_box,
)
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.job import PausableJobPage
from explainer.gui.state import DataSource


@dataclass(frozen=True)
class DescentData:
    """The subset the race trains on and where it came from.

    Shape:
        images ``(N, H, W)`` uint8 0-255 or float in [0, 1]; labels ``(N,)``.
    """

    images: np.ndarray
    labels: np.ndarray
    from_folder: bool


DataLoader = Callable[[], DescentData]
"""Returns the subset; called on the worker thread."""


@dataclass(frozen=True)
class DescentConfig:
    """The race's settings: subset size, mini-batch size, learning rate, epochs and shuffling seed."""

    subset: int = 500
    batch_size: int = 10
    lr: float = 0.05
    epochs: int = 3
    seed: int = 0


@dataclass(frozen=True)
class DescentResult:
    """How a race ended: every run finished (``completed``), was stopped, or failed (``error``)."""

    completed: bool
    stopped: bool
    error: str | None = None


class DescentWorker(StepWorker):
    """Runs a :class:`explainer.core.descent.DescentRace` on a fresh :func:`descent_net`, one update per step.

    Signals:
        sigData(object): the :class:`DescentData` loaded, before the first update.
        sigProgress(object): a :class:`explainer.core.descent.DescentPoint` per start and per update.
        sigHeld(), sigError(str), sigFinished(object): see :class:`~explainer.gui.jobs.StepWorker`; the
            payload is a :class:`DescentResult`.
    """

    sigData = Signal(object)
    sigProgress = Signal(object)

    def __init__(self, load_data: DataLoader, config: DescentConfig) -> None:
        super().__init__()
        self._load_data = load_data
        self.config = config

    def work(self) -> DescentResult:
        """Load the subset and race; never raises (a failure is reported and ends the run)."""
        config = self.config
        try:
            if self.checkpoint():
                return DescentResult(False, True)
            data = self._load_data()
            self.post(self.sigData, data)
            pixels = np.asarray(data.images, np.float32)
            if data.images.dtype == np.uint8:
                pixels /= np.float32(255.0)
            race = DescentRace(
                descent_net(np.random.default_rng(config.seed)),
                pixels[:, None],
                data.labels,
                batch_size=min(config.batch_size, len(pixels)),
                lr=config.lr,
                seed=config.seed,
            )
            for point in race.steps(config.epochs):
                self.post(self.sigProgress, point)
                if self.checkpoint():
                    return DescentResult(False, True)
        except (BadInputError, ValueError, FloatingPointError, MemoryError) as error:
            message = translate_error(error)
            self.post(self.sigError, message)
            return DescentResult(False, False, message)
        except Exception:
            message = traceback.format_exc(limit=3)
            self.post(self.sigError, message)
            return DescentResult(False, False, message)
        return DescentResult(True, False)


def subset_loader(data: DataSource, count: int) -> DataLoader:
    """Loads the first ``count`` training images of ``data``'s folder, else the bundled samples."""
    from_folder = data.training_loader(count)
    dataset = data.dataset

    def load() -> DescentData:
        if from_folder is not None:
            try:
                (images, labels), _validation = from_folder()
                return DescentData(images[:count], labels[:count], True)
            except BadInputError:
                pass  # a missing or damaged folder: the samples below, and the page says so
        images, labels = dataset.load_samples()
        return DescentData(images[:count], labels[:count], False)

    return load


def method_colours() -> dict[str, QColor]:
    """One colour per run, from the palette's maps: full batch red, SGD blue, mini-batch green."""
    palette = theme.current()
    end = 0.8 if palette.dark else 0.97  # the lighter shades read on the dark palette
    return {
        "batch": theme.lut_color(theme.DIVERGING_LUT, end),
        "sgd": theme.lut_color(theme.DIVERGING_LUT, 1.0 - end),
        "minibatch": theme.lut_color(palette.sequential_lut, 0.5 if palette.dark else 0.85),
    }


SUMMARY_ROWS = ("per_update", "updates", "examples", "seconds", "per_update_ms", "loss")
"""The rows of the cost table, one column per run."""


class DescentView(FollowsLanguage, PausableJobPage):
    """Full-batch, stochastic and mini-batch gradient descent side by side (objectName ``"descent"``).

    A loader given with :meth:`set_data_loader` is a :data:`DataLoader`: it returns the subset to race on.

    Signals:
        sigFinished(object): a race ended (the :class:`DescentResult`).
    """

    sigFinished = Signal(object)

    def __init__(self, data: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(data, parent)
        self.setObjectName("descent")
        self.data_picker = None
        self._points: dict[str, list[DescentPoint]] = {method: [] for method in METHODS}
        self._source: DescentData | None = None
        self._dirty = False
        self._build()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(100)
        self._redraw_timer.timeout.connect(self.redraw)
        theme.notifier().sigChanged.connect(self._apply_theme)
        self.retranslate_ui()
        self._apply_theme()
        self._set_state("idle")

    # ----------------------------------------------------------------- construction
    def _build(self) -> None:
        self.heading = heading("descent_heading")
        self.intro = hint()
        self.subset_spin = spin_box("subset", 10, 5000, DescentConfig.subset)
        self.subset_spin.setSingleStep(100)
        self.batch_spin = spin_box("minibatch_size", 2, 100, DescentConfig.batch_size)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("learning_rate")
        self.lr_spin.setDecimals(3)
        self.lr_spin.setRange(0.001, 1.0)
        self.lr_spin.setSingleStep(0.01)
        self.lr_spin.setValue(DescentConfig.lr)
        self.epochs_spin = spin_box("epochs", 1, 20, DescentConfig.epochs)
        self.axis_box = choice_box("x_axis", self._on_axis, ["", ""])
        # One row of settings and one of buttons and progress: the plots get the height.
        self._captions = {}
        fields = (self.subset_spin, self.batch_spin, self.lr_spin, self.epochs_spin, self.axis_box)
        controls = captioned_row(fields, self._captions, 12)
        buttons = self._job_buttons()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("descent_progress")
        self.progress_bar.setRange(0, 1000)
        buttons.addWidget(self.progress_bar, 1)
        self.data_label = label("descent_data", wrap=True)
        self.status_label = label("descent_status", wrap=True)
        messages = QHBoxLayout()
        messages.addWidget(self.data_label, 1)
        messages.addWidget(self.status_label, 1)
        self.batch_plot = CompactPlot("batch_loss_plot", 160)
        self.subset_plot = CompactPlot("full_loss_plot", 160)
        self._items: dict[tuple[str, str], pyqtgraph.PlotDataItem] = {}
        plots = QGridLayout()
        for column, (plot, which) in enumerate(((self.batch_plot, "batch"), (self.subset_plot, "full"))):
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.addLegend(offset=(-10, 10))
            plot.getAxis("bottom").enableAutoSIPrefix(False)  # seconds stay seconds, not "(x0.001)"
            plots.addWidget(plot, 0, column)
            for method in METHODS:
                symbol = "o" if which == "full" or method == "batch" else None
                self._items[(method, which)] = plot.plot(symbol=symbol)
        self.summary = QGridLayout()
        self._summary_cells: dict[tuple[str, str], QLabel] = {}
        self._summary_heads = [label(f"summary_{method}") for method in METHODS]
        self._summary_captions = [label(f"summary_row_{row}") for row in SUMMARY_ROWS]
        for column, head in enumerate(self._summary_heads, start=1):
            self.summary.addWidget(head, 0, column)
        for row_index, (row, caption) in enumerate(zip(SUMMARY_ROWS, self._summary_captions, strict=True)):
            self.summary.addWidget(caption, row_index + 1, 0)
            for column, method in enumerate(METHODS, start=1):
                cell = label(f"summary_{row}_{method}")
                self._summary_cells[(row, method)] = cell
                self.summary.addWidget(cell, row_index + 1, column)
        self.cost_label = hint()
        self.cost_label.setObjectName("descent_cost")
        costs = QHBoxLayout()
        costs.addLayout(self.summary)
        costs.addSpacing(theme.px(24))
        costs.addWidget(self.cost_label, 1)
        page_column(self, self.heading, self.intro, controls, buttons, messages, plots, costs, stretch=5)

    # ----------------------------------------------------------------- texts
    def retranslate_ui(self) -> None:
        """Every text again in the current language."""
        show_header(self, self.heading, self.intro)
        set_row_texts(
            self._captions,
            {
                self.subset_spin: (tr("Images"), tr("How many training images the three runs share")),
                self.batch_spin: (tr("Mini-batch size b"), tr("Examples per update of the mini-batch run")),
                self.lr_spin: (tr("Learning rate"), tr("The same step size for all three runs")),
                self.epochs_spin: (tr("Epochs"), tr("Passes over the images, for every run")),
                self.axis_box: (tr("Plot against"), tr("Compare the runs per example seen or per second")),
            },
        )
        name_items(
            self.axis_box,
            ("examples", "seconds"),
            {"examples": tr("examples seen"), "seconds": tr("computing time (s)")},
        )
        self._name_job_buttons(
            tr("Start the three runs from one fresh initialisation"), tr("End after this update")
        )
        for head, method in zip(self._summary_heads, METHODS, strict=True):
            head.setText(self.method_name(method))
        captions = {
            "per_update": tr("examples per update"),
            "updates": tr("updates"),
            "examples": tr("examples seen"),
            "seconds": tr("computing time"),
            "per_update_ms": tr("time per update"),
            "loss": tr("loss on all images"),
        }
        for caption, row in zip(self._summary_captions, SUMMARY_ROWS, strict=True):
            caption.setText(captions[row])
        self._label_plots()
        self._show_source()
        self._fill_summary()

    def method_name(self, method: str) -> str:
        """The run's name in the current language."""
        if method == "batch":
            return tr("full batch")
        if method == "sgd":
            return tr("SGD (batch 1)")
        return tr("mini-batch (b = {b})").format(b=self._batch_size())

    def _batch_size(self) -> int:
        worker = self._worker
        return worker.config.batch_size if isinstance(worker, DescentWorker) else self.batch_spin.value()

    def _label_plots(self) -> None:
        palette = theme.current()
        size = f"{theme.BASE_FONT_PT * theme.zoom():.0f}pt"
        self.batch_plot.setTitle(tr("Loss of each update's own batch"), color=palette.text, size=size)
        self.subset_plot.setTitle(tr("Loss on all the images"), color=palette.text, size=size)
        axis = tr("examples seen") if self.axis() == "examples" else tr("computing time (s)")
        for plot in (self.batch_plot, self.subset_plot):
            plot.setLabel("bottom", axis)
            legend = plot.getPlotItem().legend
            legend.clear()
        for (method, which), item in self._items.items():
            plot = self.batch_plot if which == "batch" else self.subset_plot
            plot.getPlotItem().legend.addItem(item, self.method_name(method))

    def _apply_theme(self) -> None:
        colours = method_colours()
        for (method, which), item in self._items.items():
            colour = QColor(colours[method])
            if which == "batch" and method != "batch":
                colour.setAlpha(150)  # the noisy per-update curves stay readable where they cross
            width = theme.px(2.5 if which == "full" or method == "batch" else 1)
            item.setPen(pyqtgraph.mkPen(colour, width=width))
            item.setSymbolBrush(colour)
            item.setSymbolPen(colour)
            item.setSymbolSize(theme.px(7))
        for plot in (self.batch_plot, self.subset_plot):
            style_plot(plot)
        self._label_plots()

    def _show_source(self) -> None:
        source = self._source
        if source is None:
            folder = self._data.folder()
            self.data_label.setText(
                tr("Uses the first training images of the {dataset} folder.").format(
                    dataset=self._data.dataset.name
                )
                if folder is not None
                else tr("No {dataset} data folder: the runs use the bundled sample images.").format(
                    dataset=self._data.dataset.name
                )
            )
        elif source.from_folder:
            self.data_label.setText(
                tr("Training on the first {n:,} training images of the {dataset} folder.").format(
                    n=len(source.images), dataset=self._data.dataset.name
                )
            )
        else:
            self.data_label.setText(
                tr("No {dataset} data folder found: training on the {n} bundled sample images.").format(
                    n=len(source.images), dataset=self._data.dataset.name
                )
            )

    # ----------------------------------------------------------------- public API
    def set_data_source(self, data: DataSource) -> None:
        """Race on the data set of ``data`` (its folder, else its bundled samples)."""
        self._data = data
        if self._worker is None:
            self._source = None
            self._show_source()

    def config(self) -> DescentConfig:
        """The settings as the widgets show them."""
        return DescentConfig(
            subset=self.subset_spin.value(),
            batch_size=self.batch_spin.value(),
            lr=self.lr_spin.value(),
            epochs=self.epochs_spin.value(),
        )

    def axis(self) -> str:
        """What the plots' x axis counts: "examples" (seen) or "seconds" (each run's computing time)."""
        return "seconds" if self.axis_box.currentIndex() == 1 else "examples"

    def set_axis(self, axis: str) -> None:
        """Plot against "examples" or "seconds"."""
        self.axis_box.setCurrentIndex(1 if axis == "seconds" else 0)

    def points(self, method: str) -> list[DescentPoint]:
        """The reports of run ``method`` received so far (step 0 first)."""
        return list(self._points[method])

    def curve(self, method: str, which: str) -> tuple[np.ndarray, np.ndarray]:
        """The (x, y) of a curve as plotted: ``which`` "batch" (each update's loss) or "full" (all images)."""
        points = [
            point
            for point in self._points[method]
            if (point.batch_loss if which == "batch" else point.full_loss) is not None
        ]
        x = [point.examples if self.axis() == "examples" else point.seconds for point in points]
        y = [point.batch_loss if which == "batch" else point.full_loss for point in points]
        return np.asarray(x, np.float64), np.asarray(y, np.float64)

    def is_running(self) -> bool:
        """True from Start until the race has ended (paused included)."""
        return self._worker is not None

    def start(self) -> bool:
        """Start the three runs; False when a race is already under way."""
        if self._worker is not None:
            return False
        config = self.config()
        loader = self._loader if self._loader is not None else subset_loader(self._data, config.subset)
        self._points = {method: [] for method in METHODS}
        self._source = None
        self._dirty = True
        worker = DescentWorker(loader, config)
        worker.sigData.connect(self._on_data)
        worker.sigHeld.connect(lambda: self._show_status(tr("Paused.")))
        self._start(worker, tr("loading the images…"), tr("Racing…"))
        self._set_state("running")
        self._redraw_timer.start()
        self.redraw()
        return True

    def _job_resumed(self) -> None:
        self._show_status(tr("Racing…"))

    # ----------------------------------------------------------------- worker reports
    def _on_data(self, data: DescentData) -> None:
        self._source = data
        self._show_source()

    def _on_progress(self, point: DescentPoint) -> None:
        self._points[point.method].append(point)
        self._dirty = True
        worker = self._worker
        if isinstance(worker, DescentWorker) and self._source is not None:
            goal = 3 * worker.config.epochs * len(self._source.images)
            seen = sum(points[-1].examples for points in self._points.values() if points)
            self.progress_bar.setValue(round(1000 * seen / max(goal, 1)))
            self.progress_bar.setFormat(tr("{seen:,} of {goal:,} examples").format(seen=seen, goal=goal))

    def _failure_text(self) -> str:
        return tr("The race failed: {message}")

    def _on_finished(self, result: DescentResult) -> None:
        self._redraw_timer.stop()
        self.redraw()
        if result.stopped:
            self._show_status(tr("Stopped; the curves show the updates made so far."))
        elif result.completed:
            self._show_status(tr("Done: every run has seen the images the same number of times."))
        self._set_state("idle")
        self.sigFinished.emit(result)

    def redraw(self) -> None:
        """Push the points received to the plots and the table (a timer calls it ten times a second)."""
        if not self._dirty:
            return
        self._dirty = False
        for (method, which), item in self._items.items():
            x, y = self.curve(method, which)
            item.setData(x, y)
        starts = [points[0].full_loss for points in self._points.values() if points and points[0].full_loss]
        if starts:
            top = 1.3 * max(starts)
            for plot in (self.batch_plot, self.subset_plot):
                plot.setYRange(0.0, top, padding=0.02)
        self._fill_summary()

    def _fill_summary(self) -> None:
        """The cost table: what each run has paid so far, and the sentence that reads it."""
        size = len(self._source.images) if self._source is not None else None
        for method in METHODS:
            points = self._points[method]
            last = points[-1] if points else None
            losses = [point.full_loss for point in points if point.full_loss is not None]
            per_update = {"batch": size, "sgd": 1, "minibatch": self._batch_size()}[method]
            per_ms = 1000 * last.seconds / last.step if last is not None and last.step else None
            values = {
                "per_update": "–" if per_update is None else f"{per_update:,}",
                "updates": "–" if last is None else f"{last.step:,}",
                "examples": "–" if last is None else f"{last.examples:,}",
                "seconds": "–" if last is None else tr("{s:.2f} s").format(s=last.seconds),
                "per_update_ms": "–" if per_ms is None else tr("{ms:.2f} ms").format(ms=per_ms),
                "loss": f"{losses[-1]:.3f}" if losses else "–",
            }
            for row in SUMMARY_ROWS:
                self._summary_cells[(row, method)].setText(values[row])
        batch, sgd = self._points["batch"], self._points["sgd"]
        if size is None or len(batch) < 2 or len(sgd) < 2:
            self.cost_label.setText(
                tr(
                    "Left: every update's loss on its own batch; SGD's jumps from one example to the next. "
                    "Right: the loss on all the images, measured every quarter pass."
                )
            )
            return
        batch_ms = 1000 * batch[-1].seconds / batch[-1].step
        sgd_ms = 1000 * sgd[-1].seconds / max(sgd[-1].step, 1)
        self.cost_label.setText(
            tr(
                "One full-batch update reads all {n:,} images and takes {batch_ms:.1f} ms; with the same "
                "{n:,} examples SGD makes {n:,} updates of {sgd_ms:.2f} ms each. Per example SGD moves "
                "furthest but noisiest, full batch smoothest but slowest; the mini-batch sits between."
            ).format(n=size, batch_ms=batch_ms, sgd_ms=sgd_ms)
        )

    # ----------------------------------------------------------------- helpers
    def _on_axis(self, _index: int) -> None:
        self._dirty = True
        self._label_plots()
        self.redraw()
        for plot in (self.batch_plot, self.subset_plot):
            plot.enableAutoRange(axis="x")

    def _enable_settings(self, idle: bool) -> None:
        for widget in (self.start_button, self.subset_spin, self.batch_spin, self.lr_spin, self.epochs_spin):
            widget.setEnabled(idle)

    def _pause_tips(self) -> tuple[str, str]:
        return tr("Go on"), tr("Hold after this update")

    def showEvent(self, event: QShowEvent) -> None:
        self._show_source()
        super().showEvent(event)


if __name__ == "__main__":
    run_page(DescentView)
