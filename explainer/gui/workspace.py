"""The pages beside the overview: each view is imported and built the first time it is shown, then kept in
step with the app state only while it is the page on screen.

Heavy views (the step-through, attribution, gradient check) must not recompute on every mouse move, and
views still being written must not stop the app from starting. So a ``Page`` holds a ``PageSpec`` naming the
module and class of its view; ``page_available`` only asks whether the module exists, and the import happens
on first show, a failure there becomes a message on the page instead of an error. The window calls
``Page.sync(problem)`` when the page is shown and when the state changes while it is shown (after the
strokes pause); each spec's sync function compares the new ``Problem`` with the last one it was given
and calls only the setters whose inputs changed.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from explainer.gui.i18n import tr
from explainer.gui.state import DataSource, Target, same_architecture

if TYPE_CHECKING:
    from explainer.core import Sequential, Trace


@dataclass(frozen=True)
class Problem:
    """What the pages work on: the model, the digit, its trace, the Backward target (None: Forward) and
    the data set with the folder of its files.

    Shape:
        x: ``(28, 28)`` float32 in [0, 1] (the network input), or None when the canvas is blank.
    """

    model: Sequential
    x: np.ndarray | None
    trace: Trace | None
    target: Target | None
    data: DataSource

    @property
    def label(self) -> int | None:
        """The true label chosen for the loss, or None (the pages then use the predicted class)."""
        target = self.target
        return target.cls if target is not None and target.kind == "label" else None

    @property
    def explained_class(self) -> int | None:
        """The class whose score Backward mode explains, or None."""
        target = self.target
        return target.cls if target is not None and target.kind == "class" else None


SyncFunction = Callable[[Any, Problem, "Problem | None"], None]


@dataclass(frozen=True)
class PageSpec:
    """One page: its key (the view's objectName), where its view class lives, its texts and its sync.

    ``follows_input``: the page shows the current digit, so it goes stale when the input or the target
    changes (otherwise only a new model concerns it). ``title`` and ``tip`` return translated texts.
    """

    key: str
    module: str
    factory: str
    title: Callable[[], str]
    tip: Callable[[], str]
    sync: SyncFunction
    follows_input: bool = True


def _new_digit(new: Problem, old: Problem | None) -> bool:
    """True when the digit (the network input) differs from the last sync."""
    if old is None or new.x is None or old.x is None:
        return old is None or new.x is not old.x
    return not np.array_equal(new.x, old.x)


def _digit_changed(new: Problem, old: Problem | None) -> bool:
    """True when the model object or the digit differs from the last sync."""
    return old is None or new.model is not old.model or _new_digit(new, old)


def _sync_problem_view(view: Any, new: Problem, old: Problem | None) -> None:
    """Views taking ``set_problem(model, x, label)`` (the step-through and the gradient check)."""
    if _digit_changed(new, old) or old is None or new.label != old.label:
        view.set_problem(new.model, new.x, new.label)


def _sync_attribution(view: Any, new: Problem, old: Problem | None) -> None:
    """The attribution view: model, digit, the explained class and the true label."""
    if old is None or new.model is not old.model:
        # Every setter recomputes all six maps at once: clear the digit first so they are computed once.
        view.set_input(None)
        view.set_model(new.model)
        view.set_input(new.x)
    elif _digit_changed(new, old):
        view.set_input(new.x)
    if new.explained_class is not None:
        view.set_target(new.explained_class)
    if new.label is not None:
        view.set_label(new.label)


def _sync_learn(view: Any, new: Problem, old: Problem | None) -> None:
    """The "Learn this digit" view: the model it steps from, the digit and its label.

    The model the view announced itself comes back here unchanged, and the digit is then the same, so its
    before/after display survives the round trip through the state.
    """
    view.set_model(new.model)
    if _new_digit(new, old):
        view.set_input(new.x)
    if new.label is not None and (old is None or new.label != old.label or _new_digit(new, old)):
        view.set_label(new.label)


def _sync_playground(view: Any, new: Problem, old: Problem | None) -> None:
    """The playground takes the digit from the trace (None keeps the one it has)."""
    if old is None or new.trace is not old.trace:
        view.set_trace(new.trace)


def _sync_model_and_data(view: Any, new: Problem, old: Problem | None) -> None:
    """Views that need the model and the data set, not the digit (training, evaluation)."""
    if old is None or new.data is not old.data:
        view.set_data_source(new.data)
    if old is None or new.model is not old.model:
        view.set_model(new.model)


def _sync_architecture(view: Any, new: Problem, old: Problem | None) -> None:
    """The architecture editor shows the spec of a new architecture, not of every training snapshot."""
    if old is None or not same_architecture(new.model, old.model):
        view.set_model(new.model)


LEARN_PAGES = (
    PageSpec(
        "stepper",
        "explainer.gui.pages.stepper",
        "StepperView",
        lambda: tr("Step through"),
        lambda: tr("One training step on your digit, stage by stage: forward, loss, backward, update"),
        _sync_problem_view,
    ),
    PageSpec(
        "attribution",
        "explainer.gui.pages.attribution",
        "AttributionView",
        lambda: tr("Attribution"),
        lambda: tr("Which pixels of your digit the score depends on: gradients, SmoothGrad, IG, Grad-CAM"),
        _sync_attribution,
    ),
    PageSpec(
        "learn",
        "explainer.gui.pages.learn",
        "LearnView",
        lambda: tr("Learn this digit"),
        lambda: tr("Label your digit, take one SGD step and see what changed; Undo puts the weights back"),
        _sync_learn,
    ),
    PageSpec(
        "gradcheck",
        "explainer.gui.pages.gradcheck",
        "GradCheckView",
        lambda: tr("Gradient check"),
        lambda: tr("Compare back-propagation with central differences for pixels and weights you pick"),
        _sync_problem_view,
    ),
    PageSpec(
        "playground",
        "explainer.gui.pages.playground",
        "Playground",
        lambda: tr("Playground"),
        lambda: tr("Try input size, kernel size, padding and stride, and see the output size worked out"),
        _sync_playground,
    ),
)
"""Pages that explain the current digit (the Learn menu)."""

MODEL_PAGES = (
    PageSpec(
        "training",
        "explainer.gui.pages.training",
        "TrainingView",
        lambda: tr("Train"),
        lambda: tr("Train the network on MNIST and watch the loss fall and the filters form"),
        _sync_model_and_data,
        follows_input=False,
    ),
    PageSpec(
        "arch_editor",
        "explainer.gui.pages.design",
        "ArchitectureEditor",
        lambda: tr("Design"),
        lambda: tr("Design your own network: blocks, channels, kernels, pooling, dense layers"),
        _sync_architecture,
        follows_input=False,
    ),
    PageSpec(
        "evaluation",
        "explainer.gui.pages.testset",
        "EvaluationView",
        lambda: tr("Test set"),
        lambda: tr("Accuracy on the 10,000 MNIST test digits, the confusion matrix and the mistakes"),
        _sync_model_and_data,
        follows_input=False,
    ),
)
"""Pages about the model itself (the Model menu)."""


def page_available(spec: PageSpec) -> bool:
    """True when the page's module exists (it is imported only when the page is first shown)."""
    try:
        return importlib.util.find_spec(spec.module) is not None
    except (ImportError, ValueError):
        return False


def _scrolling(view: QWidget) -> QScrollArea:
    """``view`` in a frameless scroll area that gives it all its room and scrolls when that is too little."""
    scroll = QScrollArea()
    scroll.setObjectName("view_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(view)
    return scroll


class Page(QWidget):
    """A tab page that builds its view on first show and syncs it with ``sync(problem)``.

    Signals:
        sigCreated(view): the view was built (once); the window connects its signals then.
    """

    sigCreated = Signal(object)

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{spec.key}")
        self.spec = spec
        self._view: QWidget | None = None
        self._failure: str | None = None
        self._synced: Problem | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def view(self) -> QWidget | None:
        """The page's view, or None before it was built (or when it cannot be)."""
        return self._view

    def failure(self) -> str | None:
        """Why the view could not be built, or None."""
        return self._failure

    def ensure(self) -> QWidget | None:
        """Import and build the view if that has not been tried yet; a failure is shown on the page."""
        if self._view is not None or self._failure is not None:
            return self._view
        try:
            module = importlib.import_module(self.spec.module)
            view = getattr(module, self.spec.factory)()
        # Any failure: a view still being written must not take the app down.
        except Exception as error:
            self._failure = f"{type(error).__name__}: {error}"
            message = QLabel(
                tr("This view is not available in this version:\n{reason}").format(reason=self._failure)
            )
            message.setObjectName("page_failure")
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.setWordWrap(True)
            self._layout.addWidget(message)
            return None
        self._view = view
        # A view taller or wider than the window scrolls inside its tab rather than pushing the window
        # past the screen (the playground needs 628 px: with the tour's dock that is more than 720).
        scroll = _scrolling(view)
        self._layout.addWidget(scroll)
        scroll.show()
        view.show()
        self.sigCreated.emit(view)
        return view

    def sync(self, problem: Problem) -> None:
        """Bring the view up to ``problem``, calling only the setters whose inputs changed."""
        if self._view is None:
            return
        self.spec.sync(self._view, problem, self._synced)
        self._synced = problem


class DetailPanel(QWidget):
    """The explanation of one layer, shown in place of the overview under a bar with the way back.

    ``back`` is the window's action that returns to the overview; its button heads the panel.
    """

    def __init__(self, back: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_panel")
        self.back_button = QToolButton()
        self.back_button.setObjectName("detail_back")
        self.back_button.setDefaultAction(back)
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading = QLabel()
        self.heading.setObjectName("detail_heading")
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.heading, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._view: QWidget | None = None
        self._scroll: QScrollArea | None = None

    def view(self) -> QWidget | None:
        """The view shown now, or None."""
        return self._view

    def set_view(self, view: QWidget | None, heading: str = "") -> None:
        """Show ``view`` (the previous one is deleted) under ``heading``; None empties the panel."""
        if self._view is not None:
            self._scroll.hide()
            self._scroll.deleteLater()  # and the view in it
        self._view = view
        self.heading.setText(heading)
        if view is not None:
            # Taller than the room under the mode row (a 1280x720 window): it scrolls, nothing is cut.
            self._scroll = _scrolling(view)
            self._layout.addWidget(self._scroll, 1)
            self._scroll.show()
            view.show()
