"""“Learn this example”: label your drawing, take one SGD step, and see exactly what changed.

:func:`explainer.core.passes.learn_step` updates a copy of the model, so the model before the step is the
undo snapshot: Undo puts it back object and weights untouched (bit for bit), Restore reloads the bundled
model. The view shows the loss before and after, the probabilities before and after, the gallery's
accuracy before and after (the step changes the model every view uses), the weight change ΔW of every layer
and one layer's feature maps before and after, and announces the new model with ``sigModelProduced`` so the
rest of the window follows.

Run alone: ``python -m explainer.gui.pages.learn``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from explainer.core.layers import ReLU
from explainer.core.network import Sequential
from explainer.core.passes import LearnResult, learn_step
from explainer.core.trace import Trace
from explainer.data import MNIST, Dataset, Split
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr, translate_error
from explainer.gui.kit.mapboard import MapBoard, Panel, as_image, fmt
from explainer.gui.kit.widgets import (
    TitleLabel,
    button,
    choice_box,
    column,
    label,
    page_column,
    row,
    set_items,
    side_by_side,
    translated,
)
from explainer.gui.layers import registry
from explainer.gui.network.prediction import PredictionPair
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.digit import DigitPage

DEFAULT_LR = 0.001
"""A learning rate that visibly lowers the loss of one digit without wrecking the others.

Measured on the bundled model, one step on each of 50 gallery digits labelled as the next class: at lr 0.05
(the old default) five such steps left 10-19 % of the 100 gallery digits right (a clean 0 read as "1"); at
0.002 the worst left 76 %; at 0.001 the worst leaves 98 % (median 99 %) while the digit's loss still
falls to about half (median x0.52).
"""


def learning_rate_box() -> QDoubleSpinBox:
    """The learning-rate spin box of one SGD step (objectName "lr"), at :data:`DEFAULT_LR`."""
    box = QDoubleSpinBox()
    box.setObjectName("lr")
    box.setDecimals(4)
    box.setRange(0.0001, 5.0)
    box.setSingleStep(0.001)
    box.setValue(DEFAULT_LR)
    return box


HISTORY_LIMIT = 50
"""Undo keeps at most this many earlier models (each is a full copy of the weights)."""


def bundled_model(dataset: Dataset = MNIST) -> Sequential:
    """The bundled model trained on ``dataset`` (``assets/model.npz`` for MNIST)."""
    from explainer.modelio import load_model

    return load_model(dataset.model_path)


def probability_text(probs: np.ndarray, k: int) -> str:
    """p_k as a percentage, or its exact value ("2.2e−10", "1 − 3e−09") where 0.0 % or 100.0 % hides it.

    Shape:
        probs: ``(K,)``.
    """
    p = float(probs[k])
    if 1e-3 <= p <= 1 - 1e-3:
        return f"{100 * p:.1f}%"
    return theme.format_probability(p, float(np.delete(probs, k).astype(np.float64).sum()))


def accuracy(model: Sequential, images: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of ``images`` (uint8 ``(N, H, W)``) that ``model`` classifies as ``labels``."""
    x = (images / np.float32(255)).reshape(len(images), *model.input_shape)
    return float(np.mean(model.predict_proba(x).argmax(axis=1) == labels))


class LearnView(FollowsLanguage, DigitPage):
    """One SGD step on your labelled drawing, with everything that changed (objectName "learn").

    Signals:
        sigModelProduced(model): the model changed here (a step, Undo or Reset); the window should use it.
        sigLabelChosen(label): the user picked the digit's true class; the window's one target follows.

    Shape:
        the digit ``x`` is ``(H, W)`` raw pixels in [0, 1].
    """

    sigModelProduced = Signal(object)
    sigLabelChosen = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        load_bundled: Callable[[], Sequential] = bundled_model,
        load_gallery: Callable[[], Split] = MNIST.load_samples,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("learn")
        self._load_bundled = load_bundled
        self._load_gallery = load_gallery
        self._gallery: tuple[np.ndarray, np.ndarray] | None = None
        self.gallery_accuracy: tuple[float, float] | None = None
        self._history: list[Sequential] = []
        self.result: LearnResult | None = None
        self._current_trace: Trace | None = None

        self.title = TitleLabel("title")
        self.label_text = translated(QLabel(), text=lambda: tr("It is a"))
        self.label_box = translated(
            choice_box("label", self._show_current),
            tip=lambda: tr("The true class of your drawing (starts at the network's guess)"),
        )
        self.label_box.activated.connect(self.sigLabelChosen.emit)
        self.lr_text = translated(QLabel(), text=lambda: tr("Learning rate"))
        self.lr_box = translated(
            learning_rate_box(), tip=lambda: tr("Step size: every weight moves by −lr · dL/dW")
        )
        self.step_button = translated(
            button("apply_step", self.apply_step),
            text=lambda: tr("Apply one SGD step"),
            tip=lambda: tr("Compute dL/dW for this input and label, and move every weight once"),
        )
        self.undo_button = translated(
            button("undo", self.undo),
            text=lambda: tr("Undo"),
            tip=lambda: tr("Put back the weights from before the last step"),
        )
        self.reset_button = translated(
            button("reset", self.reset),
            text=lambda: tr("Restore bundled model"),
            tip=lambda: tr("Reload the bundled trained model"),
        )
        top = side_by_side(
            self.title,
            self.label_text,
            self.label_box,
            self.lr_text,
            self.lr_box,
            self.step_button,
            self.undo_button,
            self.reset_button,
        )

        self.loss_label = label("loss")
        self.status = label("status", wrap=True)
        self.effect = label("gallery_effect", wrap=True)
        self.probs = PredictionPair("probs_before", "probs_after")
        self.before, self.after = self.probs.before, self.probs.after

        self.delta_text = translated(
            QLabel(), text=lambda: tr("How each layer's weights changed (ΔW = −lr · dL/dW)")
        )
        self.deltas = MapBoard()
        self.deltas.setObjectName("delta_board")
        self.maps_text = translated(QLabel(), text=lambda: tr("Feature maps of"))
        self.layer_box = choice_box("maps_layer", self._show_maps)
        self.maps = MapBoard()
        self.maps.setObjectName("maps_board")

        body = QHBoxLayout()
        left = column(self.loss_label, self.probs, self.status, self.effect)
        right = column(self.delta_text, self.deltas, row(self.maps_text, self.layer_box), self.maps)
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        page_column(self, top, body)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    # ---- public API

    def model(self) -> Sequential | None:
        """The model in use now."""
        return self._model

    def set_dataset(self, dataset: Dataset) -> None:
        """Reset to ``dataset``'s bundled model and measure the effect of a step on its samples."""
        self._load_bundled = functools.partial(bundled_model, dataset)
        self._load_gallery = dataset.load_samples
        self._gallery = None

    def set_model(self, model: Sequential | None) -> None:
        """Work on ``model`` (from the window); a different model than the current one clears the history.

        The model this view announced itself is recognised, so the window echoing it back changes nothing.
        """
        if model is not self._model:
            self._start_over(model)

    def _start_over(self, model: Sequential | None) -> None:
        """Use ``model`` with no history and no last step to show."""
        self._model = model
        self._history.clear()
        self.result = None
        self._fill_combos()
        self._show_current()

    def set_input(self, x: np.ndarray | None) -> None:
        """Learn on digit ``x`` (None: nothing to learn); the label resets to the predicted class.

        Shape:
            x: ``(H, W)`` raw pixels in [0, 1].
        """
        self._x = None if x is None else np.asarray(x, np.float32)
        self.result = None
        batch = self.batch()
        if batch is not None:
            self.label_box.blockSignals(True)
            self.label_box.setCurrentIndex(int(self._model.predict_proba(batch)[0].argmax()))
            self.label_box.blockSignals(False)
        self._show_current()

    def set_label(self, label: int) -> None:
        """The class your drawing really is."""
        self.label_box.setCurrentIndex(int(label))

    def set_lr(self, lr: float) -> None:
        """Learning rate of the next step."""
        self.lr_box.setValue(float(lr))

    def can_undo(self) -> bool:
        """True when there is an earlier model to go back to."""
        return bool(self._history)

    def apply_step(self) -> LearnResult | None:
        """Take one SGD step on the digit against the chosen label; returns what changed."""
        batch = self.batch()
        if batch is None or self.label_box.currentIndex() < 0:
            return None
        try:
            result = learn_step(self._model, batch, self.label_box.currentIndex(), self.lr_box.value())
        except BadInputError as error:
            self.status.setText(translate_error(error))
            return None
        self._history.append(self._model)
        del self._history[:-HISTORY_LIMIT]
        gallery = self._gallery_samples()
        self.gallery_accuracy = (
            None if gallery is None else (accuracy(self._model, *gallery), accuracy(result.model, *gallery))
        )
        self._model = result.model
        self.result = result
        self._show_result()
        self.sigModelProduced.emit(self._model)
        return result

    def undo(self) -> None:
        """Go back to the model before the last step (the very same weights)."""
        if not self._history:
            return
        self._model = self._history.pop()
        self.result = None
        self._show_current()
        self.status.setText(tr("Undone: the weights are back to what they were before that step."))
        self.sigModelProduced.emit(self._model)

    def reset(self) -> None:
        """Reload the bundled model (history cleared)."""
        try:
            model = self._load_bundled()
        except (OSError, BadInputError) as error:
            self.status.setText(tr("Cannot reload the bundled model: {e}").format(e=translate_error(error)))
            return
        self._start_over(model)
        self.status.setText(tr("The bundled model is back."))
        self.sigModelProduced.emit(self._model)

    # ---- showing

    def _gallery_samples(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The gallery digits, read once; None when they cannot be (the effect is then not shown)."""
        if self._gallery is None:
            try:
                images, labels = self._load_gallery()
            except (OSError, BadInputError):
                return None
            if self._model is None or (1, *images.shape[1:]) != tuple(self._model.input_shape):
                return None
            self._gallery = (images, labels)
        return self._gallery

    def _fill_combos(self) -> None:
        model = self._model
        for combo, items in (
            (self.label_box, [] if model is None else shown_class_names(model.class_names)),
            (self.layer_box, [] if model is None else [layer.name or "" for layer in model.layers]),
        ):
            set_items(combo, items)
        if model is not None and self.layer_box.currentIndex() <= 0:
            first = next((i for i, layer in enumerate(model.layers) if isinstance(layer, ReLU)), 0)
            self.layer_box.setCurrentIndex(first)

    def _update_buttons(self) -> None:
        ready = self.batch() is not None
        self.step_button.setEnabled(ready)
        self.undo_button.setEnabled(bool(self._history))
        self.reset_button.setEnabled(self._model is not None)

    def _show_current(self) -> None:
        """Before a step (or after a label change): the current model's view of the digit, nothing after."""
        self.result = None
        self.gallery_accuracy = None
        self.status.setText("")  # the last step's "p(y) went from ..." was about another digit or label
        self.effect.setText("")
        batch = self.batch()
        self._update_buttons()
        names = None if self._model is None else shown_class_names(self._model.class_names)
        self.after.set_probs(None, names)
        self.deltas.set_panels([])
        if batch is None:
            self.before.set_probs(None, names)
            self.loss_label.setText(
                tr("Draw or pick an image, say which class it is, and teach the network.")
            )
            self.maps.set_panels([])
            return
        trace = self._model.trace(batch, [self.label_box.currentIndex()])
        self.before.set_probs(trace.probs[0], names)
        self.loss_label.setText(tr("Loss now: L = {L}").format(L=fmt(trace.loss, 4)))
        self._current_trace = trace
        self._show_maps()

    def _show_result(self) -> None:
        result = self.result
        self._update_buttons()
        names = shown_class_names(self._model.class_names)
        self.before.set_probs(result.probs_before, names)
        self.after.set_probs(result.probs_after, names)
        change = result.loss_after - result.loss_before
        self.loss_label.setText(
            tr("Loss: {a} → <b>{b}</b> ({d})").format(
                a=fmt(result.loss_before, 4),
                b=fmt(result.loss_after, 4),
                d=("+" if change > 0 else "") + fmt(change),
            )
        )
        label = names[result.label]
        self.status.setText(
            tr("p({y}) went from {a} to {b}. Every weight moved by −lr · dL/dW, lr = {lr}.").format(
                y=label,
                a=probability_text(result.probs_before, result.label),
                b=probability_text(result.probs_after, result.label),
                lr=fmt(result.lr, 4),
            )
        )
        self._show_effect()
        flat = self._flat_shape()
        panels = []
        for index, delta in result.deltas.items():
            layer = self._model.layers[index]
            db = delta.get("b")
            caption = "" if db is None else tr("Δb: largest |change| {v}").format(v=fmt(np.abs(db).max()))
            panels.append(
                Panel(
                    tr("ΔW {name}").format(name=layer.name),
                    as_image(delta["W"], flat),
                    numbers=False,
                    caption=caption,
                )
            )
        self.deltas.set_panels(panels)
        self._current_trace = result.after
        self._show_maps()

    def _show_effect(self) -> None:
        """What the step did to the model every view uses: the gallery's accuracy before and after."""
        if self.gallery_accuracy is None:
            self.effect.setText("")
            return
        before, after = self.gallery_accuracy
        n = len(self._gallery[1]) if self._gallery is not None else 0
        text = tr(
            "This step changed the model the whole window uses: on the {n} gallery images it gets "
            "{a} → <b>{b}</b> right."
        ).format(n=n, a=f"{100 * before:.0f}%", b=f"{100 * after:.0f}%")
        if after < before:
            text += " " + tr("Undo or Model → Restore bundled model puts the old weights back.")
            text = f'<span style="color:{theme.current().accent.name()}">{text}</span>'
        self.effect.setText(text)

    def _flat_shape(self) -> tuple[int, ...] | None:
        shapes = self._model.output_shapes()
        for i, layer in enumerate(self._model.layers):
            if layer.kind in registry.kinds("flatten"):
                return shapes[i - 1] if i > 0 else self._model.input_shape
        return None

    def _show_maps(self) -> None:
        """The chosen layer's output: before, after and after − before (only "now" before any step)."""
        index = self.layer_box.currentIndex()
        if self.batch() is None or index < 0:
            self.maps.set_panels([])
            return
        flat = self._flat_shape()
        if self.result is None:
            output = self._current_trace.layers[index].output
            self.maps.set_panels([Panel(tr("feature maps now"), as_image(output, flat), numbers=False)])
            return
        before = self.result.before.layers[index].output.astype(np.float64)
        after = self.result.after.layers[index].output.astype(np.float64)
        levels = theme.symmetric_levels(np.concatenate([before.reshape(-1), after.reshape(-1)]))
        self.maps.set_panels(
            [
                Panel(tr("before"), as_image(before, flat), levels=levels, numbers=False),
                Panel(tr("after"), as_image(after, flat), levels=levels, numbers=False),
                Panel(tr("after − before"), as_image(after - before, flat), numbers=False),
            ]
        )

    # ---- texts and theme

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title)
        self.probs.set_captions(tr("Probabilities before"), tr("after the step"))
        if self.result is not None:
            self._show_result()
        else:
            self._show_current()

    def _apply_theme(self) -> None:
        self.loss_label.setFont(theme.font(1.3))


if __name__ == "__main__":
    run_page(LearnView)
