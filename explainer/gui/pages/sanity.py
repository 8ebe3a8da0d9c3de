"""The sanity check of the Attribution tab (Adebayo et al., NeurIPS 2018): randomise the weights, compare.

:class:`SanityPanel` keeps a history of randomisation steps of its own: "Randomise the next layer" adds a
step with one more layer random, from the top down (cascading); "Randomise alone" one whose only random
layer is the chosen one; Undo drops the last step. Every step is a new model made by
:func:`explainer.core.sanity.randomise`; the window's model is never changed. Each method's map is
recomputed on each step's model on a worker thread (SmoothGrad and Integrated Gradients take a while)
and compared with the original map by Spearman's rank correlation: the maps of the step shown are drawn
under the original ones, and a plot follows ρ over the steps.

It is a tab of :class:`explainer.gui.pages.attribution.AttributionView` (run that page alone to see it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from explainer.core import sanity
from explainer.core.network import Sequential
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.jobs import SHUTDOWN_TIMEOUT_MS, StepWorker, stop_workers
from explainer.gui.kit.mapboard import MapBoard, Panel
from explainer.gui.kit.plots import configure_pyqtgraph, style_plot
from explainer.gui.kit.widgets import button, choice_box, column, hint, label, name_items, row

SEED = 0
"""Seed of the random weights (``explainer.core.sanity.layer_rng``): the same steps give the same maps."""

RANKS = ("absolute", "signed")
"""What ρ ranks: |map| (Adebayo et al.'s main figures, the default) or the signed values."""


def method_names() -> dict[str, str]:
    """The short name of every method (it titles a small map), in the current language."""
    return {
        "vanilla": tr("Gradient"),
        "smoothgrad": tr("SmoothGrad"),
        "ig": tr("IG"),
        "gradcam": tr("Grad-CAM"),
        "contrast": tr("A − B"),
        "loss": tr("−dL/dx"),
    }


@dataclass(frozen=True, eq=False)
class Step:
    """One randomisation: the layers whose weights are random (top down) and the model they make.

    ``alone``: made by "Randomise alone" (one layer), else by the cascade (the top layers).
    """

    layers: tuple[int, ...]
    model: Sequential
    alone: bool = False


class SanityWorker(StepWorker):
    """Computes every map of ``settings`` for each (layers, model) job, one method per step.

    Signals:
        sigStep(int, tuple, dict): generation, the step's layers and its maps (method -> ``(H, W)``).
        sigProgress(int, int): maps done, maps in all.
        sigHeld(), sigError(str), sigFinished(object): see :class:`~explainer.gui.jobs.StepWorker`.
    """

    sigStep = Signal(int, object, object)
    sigProgress = Signal(int, int)

    def __init__(
        self,
        generation: int,
        jobs: list[tuple[tuple[int, ...], Sequential]],
        x: np.ndarray,
        settings: sanity.MapSettings,
    ) -> None:
        super().__init__()
        self.generation = generation
        self._jobs = jobs
        self._x = x
        self._settings = settings

    def work(self) -> None:
        total = len(self._jobs) * len(self._settings.methods())
        done = 0
        for layers, model in self._jobs:
            maps = {}
            for method in self._settings.methods():
                if self.checkpoint():
                    return
                maps[method] = sanity.map_of(model, self._x, self._settings, method)
                done += 1
                self.post(self.sigProgress, done, total)
            self.post(self.sigStep, self.generation, layers, maps)


class SanityPanel(FollowsLanguage, QWidget):
    """Randomise the model's weights and see which attribution maps notice (objectName "sanity_check").

    Signals:
        sigComputed(): the maps of every step are there and shown.
        sigStopped(): a computation ended before all maps were there (hidden, or shut down).

    Shape:
        the digit is ``(1, C, H, W)``; every map ``(H, W)``.
    """

    sigComputed = Signal()
    sigStopped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sanity_check")
        self._model: Sequential | None = None
        self._x: np.ndarray | None = None
        self._settings: sanity.MapSettings | None = None
        self.steps: list[Step] = []
        self.maps: dict[tuple[int, ...], dict[str, np.ndarray]] = {}
        self._generation = 0
        self._worker: SanityWorker | None = None
        self._again = False

        self.intro = hint()
        self.cascade_button = button("sanity_cascade", self.randomise_next)
        self.layer_box = choice_box("sanity_layer")
        self.alone_button = button("sanity_alone", lambda: self.randomise_alone(self.layer_box.currentData()))
        self.undo_button = button("sanity_undo", self.undo)
        self.rank_box = choice_box("sanity_rank", self._refresh, RANKS)
        self.status = label("sanity_status", wrap=True)
        controls = row(
            self.cascade_button, self.layer_box, self.alone_button, self.undo_button, self.rank_box
        )
        self.board = MapBoard(columns=len(sanity.METHODS))
        self.board.setObjectName("sanity_board")
        import pyqtgraph

        configure_pyqtgraph()
        self.plot = pyqtgraph.PlotWidget()
        self.plot.setObjectName("sanity_plot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setYRange(-1.0, 1.0, padding=0.05)
        self.plot.addLegend(offset=(5, -5), colCount=2)  # bottom left: the curves start at the top
        self.curves = {method: self.plot.plot(connect="finite") for method in sanity.METHODS}
        self.note = hint()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        self.step_list = hint()
        self.step_list.setObjectName("sanity_steps")
        maps_and_plot = QHBoxLayout()
        maps_and_plot.addLayout(column(self.board, self.note), 5)
        maps_and_plot.addLayout(column(self.plot, self.step_list), 2)
        layout.addLayout(maps_and_plot, 1)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    # ---- public API

    def set_problem(
        self, model: Sequential | None, x: np.ndarray | None, settings: sanity.MapSettings | None
    ) -> None:
        """Check the maps of ``model`` on digit ``x`` with ``settings`` (None clears).

        A new model starts the history again; a new digit or setting keeps the steps and recomputes
        their maps.

        Shape:
            x: ``(1, C, H, W)`` raw pixels.
        """
        if model is not self._model:
            self._model = model
            self.steps = [] if model is None else [Step((), model)]
            self._fill_layers()
        elif (
            x is not None
            and self._x is not None
            and np.array_equal(x, self._x)
            and settings == self._settings
        ):
            return
        self._x = None if x is None else np.array(x)
        self._settings = settings
        self.maps = {}
        self._generation += 1
        self._request()

    def current(self) -> Step | None:
        """The step shown (the last one); the first step is the original model itself."""
        return self.steps[-1] if self.steps else None

    def randomise_next(self) -> None:
        """Add a cascading step: the layers random so far from the top, and the next one below them.

        After a "randomise alone" step the cascade starts again at the top layer.
        """
        step = self.current()
        following = self._next_cascade()
        if step is None or following is None:
            return
        self._add(Step(following, sanity.randomise(self._model, following, SEED)))

    def randomise_alone(self, layer_index: int | None) -> None:
        """Add a step whose only random layer is ``layer_index`` (one with weights)."""
        if self._model is None or layer_index is None:
            return
        self._add(Step((int(layer_index),), sanity.randomise(self._model, [layer_index], SEED), alone=True))

    def undo(self) -> None:
        """Drop the last step: the previous weights come back exactly (that step's model was kept)."""
        if len(self.steps) > 1:
            self.steps.pop()
            self._refresh()

    def absolute(self) -> bool:
        """True when ρ ranks |map| (the default), False for the signed maps."""
        return RANKS[max(0, self.rank_box.currentIndex())] == "absolute"

    def correlation(self, step: Step) -> dict[str, float] | None:
        """ρ of every method between the original map and ``step``'s (None until both are computed)."""
        original, maps = self.maps.get(()), self.maps.get(step.layers)
        if original is None or maps is None:
            return None
        return sanity.correlations(original, maps, absolute=self.absolute())

    def busy(self) -> bool:
        """True while maps are being computed."""
        return self._worker is not None

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop the computation and wait for its thread (bounded); True when none runs any more.

        ``busy()`` is False from then on; the stopped job's end is still reported (``sigStopped``).
        """
        self._again = False
        worker, self._worker = self._worker, None
        if worker is None:
            return True
        worker.sigFinished.connect(self.sigStopped)
        worker.sigStep.disconnect(self._on_step)
        worker.sigFinished.disconnect(self._on_finished)
        return stop_workers([worker], timeout_ms)

    # ---- computing

    def _next_cascade(self) -> tuple[int, ...] | None:
        """The layers of the next cascading step, or None when every layer is random already."""
        step = self.current()
        if step is None:
            return None
        top_down = sanity.parameter_layers(self._model)[::-1]
        done = 0 if step.alone else len(step.layers)
        return tuple(top_down[: done + 1]) if done < len(top_down) else None

    def _add(self, step: Step) -> None:
        self.steps.append(step)
        self._request()

    def _request(self) -> None:
        """Compute the maps the steps still lack, on a worker, while the panel is on screen."""
        self._refresh()
        if self._x is None or self._settings is None or not self.isVisible():
            return
        missing = {step.layers: step.model for step in self.steps if step.layers not in self.maps}
        if not missing:
            if self._worker is None:
                self.sigComputed.emit()  # e.g. a step whose model another step had already
            return
        if self._worker is not None:
            self._again = True  # after the current job, which stops at its next map
            self._worker.stop()
            return
        # Private copies: the UI thread may run the window's model at the same time, and layers keep
        # what backward needs between forward and backward.
        jobs = [(layers, model.copy()) for layers, model in missing.items()]
        worker = SanityWorker(self._generation, jobs, self._x.copy(), self._settings)
        worker.sigStep.connect(self._on_step)
        worker.sigProgress.connect(self._on_progress)
        worker.sigFinished.connect(self._on_finished)
        self._worker = worker
        worker.start()
        self._refresh()

    def _on_step(self, generation: int, layers: tuple[int, ...], maps: dict[str, np.ndarray]) -> None:
        if generation == self._generation:
            self.maps[layers] = maps
            self._refresh()

    def _on_progress(self, done: int, total: int) -> None:
        self.status.setText(tr("Computing the maps: {done} of {total}").format(done=done, total=total))

    def _on_finished(self, _result: object) -> None:
        self._worker = None
        again, self._again = self._again, False
        if again:
            self._request()
        self._refresh()
        if self.busy():
            return
        if all(step.layers in self.maps for step in self.steps):
            self.sigComputed.emit()
        else:
            self.sigStopped.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Compute only on screen: the checks cost a dozen passes of every method."""
        super().showEvent(event)
        self._request()

    def hideEvent(self, event: QHideEvent) -> None:
        """Off screen: stop after the current map (the rest is computed when the panel shows again)."""
        super().hideEvent(event)
        self._again = False
        if self._worker is not None:
            self._worker.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed as a window of its own: stop the computation first."""
        self.shutdown()
        super().closeEvent(event)

    # ---- showing

    def _fill_layers(self) -> None:
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        if self._model is not None:
            for index in sanity.parameter_layers(self._model)[::-1]:
                self.layer_box.addItem(self._model.layers[index].name, index)
        self.layer_box.blockSignals(False)

    def step_name(self, step: Step) -> str:
        """How a step is called under the plot: "original", the lowest random layer of a cascade (random
        from the top down to it), or "only conv2"."""
        if not step.layers:
            return tr("original")
        name = self._model.layers[step.layers[-1]].name
        return (
            tr("only {layer}").format(layer=name) if step.alone else tr("down to {layer}").format(layer=name)
        )

    def _refresh(self) -> None:
        step = self.current()
        following = self._next_cascade()
        layer = "" if following is None else self._model.layers[following[-1]].name
        self.cascade_button.setText(
            tr("Randomise {layer}").format(layer=layer) if layer else tr("All random")
        )
        self.cascade_button.setEnabled(following is not None)
        self.alone_button.setEnabled(self._model is not None and self.layer_box.count() > 0)
        self.undo_button.setEnabled(len(self.steps) > 1)
        if self._worker is None:
            self.status.setText("" if step is None or not step.layers else self._step_text(step))
        self._show_maps(step)
        self._show_plot()

    def _step_text(self, step: Step) -> str:
        names = ", ".join(self._model.layers[i].name for i in step.layers)
        return tr("Random weights: {layers}").format(layers=names)

    def _show_maps(self, step: Step | None) -> None:
        original = self.maps.get(())
        if step is None or original is None or self._settings is None:
            self.board.set_panels([])
            return
        names = method_names()
        methods = self._settings.methods()
        self.board.set_columns(len(methods))  # one row per model, whatever maps this model has
        under = self._x.reshape(self._x.shape[-2:])
        panels = [
            Panel(names[m], original[m], numbers=False, under=under, caption=tr("original")) for m in methods
        ]
        randomised = self.maps.get(step.layers)
        rho = self.correlation(step)
        if step.layers and randomised is not None and rho is not None:
            for method in methods:
                value = rho[method]
                caption = (
                    tr("ρ = {rho}").format(rho=theme.format_value(value, 2))
                    if np.isfinite(value)
                    else tr("ρ: a flat map")
                )
                panels.append(
                    Panel(names[method], randomised[method], numbers=False, under=under, caption=caption)
                )
        self.board.set_panels(panels)

    def curve_data(self) -> dict[str, np.ndarray]:
        """ρ per method over the steps computed so far, as the plot draws it (NaN: not computed or flat)."""
        rows = [self.correlation(step) for step in self.steps]
        return {
            method: np.array([np.nan if row is None else row.get(method, np.nan) for row in rows])
            for method in (self._settings.methods() if self._settings is not None else ())
        }

    def _show_plot(self) -> None:
        data = self.curve_data()
        for method, curve in self.curves.items():
            values = data.get(method)
            if values is None or not np.isfinite(values).any():
                curve.setData([], [])
            else:
                curve.setData(np.arange(len(values), dtype=float), values)
        # Numbered ticks (names would collide after a few steps); the names are listed under the plot.
        self.plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(len(self.steps))]])
        self.step_list.setText(
            "  ·  ".join(f"{i}: {self.step_name(step)}" for i, step in enumerate(self.steps))
        )
        # Room beside the first and last point for their tick labels, which pyqtgraph hides when cut.
        self.plot.setXRange(-0.4, max(1, len(self.steps) - 1) + 0.4, padding=0)
        self._label_curves()

    # ---- texts and theme

    def _label_curves(self) -> None:
        legend = self.plot.getPlotItem().legend
        legend.clear()
        names = method_names()
        shown = self.curve_data()
        for method, curve in self.curves.items():
            if method in shown:
                legend.addItem(curve, names[method])

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.intro.setText(
            tr(
                "Sanity check (Adebayo et al., 2018): replace the trained weights by random ones, from the "
                "top layer down or one layer alone, and recompute every map. A method whose map barely "
                "changes when the weights are random is not explaining the model: it shows the digit, not "
                "what the network learned. That is what these checks are for. The window's model is not "
                "changed."
            )
        )
        self.cascade_button.setToolTip(
            tr("Cascading: give the next layer from the top random weights, drawn as at initialisation")
        )
        self.layer_box.setToolTip(tr("The layer “Randomise alone” makes random"))
        self.alone_button.setText(tr("Randomise alone"))
        self.alone_button.setToolTip(tr("A step with only the chosen layer random, all others trained"))
        self.undo_button.setText(tr("Undo"))
        self.undo_button.setToolTip(tr("Back to the previous step, its weights exactly as they were"))
        name_items(self.rank_box, RANKS, {"absolute": tr("ρ of |map|"), "signed": tr("ρ of signed map")})
        self.rank_box.setToolTip(
            tr("Spearman's rank correlation of the magnitudes (as in the paper's figures) or signed values")
        )
        self.note.setText(
            tr(
                "ρ is Spearman's rank correlation between a method's map on the original model and on the "
                "randomised one, over all pixels (ties share their average rank): 1 means the same ranking "
                "of pixels, 0 none in common. Top row: the original maps; bottom row: the maps of the step "
                "shown. IG: Integrated Gradients; A − B: the contrast of the two classes. Integrated "
                "Gradients from a black image multiply by the pixel, so blank paper is 0 on any model: "
                "their |map| keeps ρ near 1 whatever the weights."
            )
        )
        self._title_plot()
        self.plot.setLabel("bottom", tr("step"))
        self._refresh()

    def _title_plot(self) -> None:
        self.plot.setTitle(
            tr("ρ with the original map"),
            color=theme.current().text,
            size=f"{theme.BASE_FONT_PT * theme.zoom():.0f}pt",
        )

    def _apply_theme(self) -> None:
        import pyqtgraph

        self.plot.setMinimumHeight(theme.px(200))
        self.plot.setMaximumHeight(theme.px(theme.SANITY_PLOT_MAX_PX))
        self._title_plot()
        style_plot(self.plot)
        for method, colour in zip(sanity.METHODS, theme.SERIES_COLOURS, strict=True):
            self.curves[method].setPen(pyqtgraph.mkPen(colour, width=theme.px(2)))
            self.curves[method].setSymbol("o")
            self.curves[method].setSymbolSize(theme.px(7))
            self.curves[method].setSymbolBrush(colour)
            self.curves[method].setSymbolPen(colour)
