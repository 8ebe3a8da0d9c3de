"""What a page is: its declaration (``PageSpec``), what it works on (``Problem``) and how it runs alone.

A page is declared once, in :data:`explainer.gui.pages.PAGES`: its key (the view's objectName), where its
view class lives (imported when its tab is first shown), its title and tip, its menu and shortcut, and the
function that brings the view up to date. The window builds every page from its spec and wires every view
the same way, by the signals the view offers:

- ``sigModelProduced(model)``: the page produced a new ``Sequential`` (a Learn step, a training snapshot,
  a freshly built architecture); the window uses it from then on.
- ``sigLabelChosen(label)``: the user named the digit's true class; the window's one target follows.
- ``sigOpenDigit(image, label)``: put this digit into the canvas (image ``(28, 28)`` float32 in [0, 1]).
- ``sigRunningChanged(running)``: a job that replaces the model (training) started or ended.
- ``sigDatasetProduced(dataset, model)``: work on this :class:`~explainer.data.Dataset` (your own images)
  with this network for it, as a switch of the data set does.
- ``sigShowInNetwork(clean, changed, label)``: pin the clean digit's maps and show the changed digit in
  the overview (compare mode); digits ``(28, 28)`` float32 in [0, 1].

What a new page reuses instead of writing it again:

- its heading and intro: declared in its spec (``heading``, ``intro``); ``retranslate_ui`` shows them with
  :func:`show_header` (``show_header(self, self.heading, self.intro)``);
- a job in a worker: :class:`explainer.gui.pages.job.JobPage` (data, start-up, failure text, shutdown), or
  :class:`~explainer.gui.pages.job.PausableJobPage` with its Start / Pause / Stop row (``_job_buttons``,
  ``_name_job_buttons``, ``_enable_settings``, ``_pause_tips``), or
  :class:`~explainer.gui.pages.job.WorkerPage` for a worker the page wires itself;
- one digit under one model: :class:`explainer.gui.pages.digit.DigitPage` (``_model``, ``_x``, ``batch()``);
- its fixed texts: declared where each widget is made with :func:`explainer.gui.kit.widgets.translated`
  (``translated(button("clear", self.clear), text=lambda: tr("Clear"), tip=...)``), which sets them again
  on every language switch, so ``retranslate_ui`` keeps only what it computes (headers, numbers, names
  of the data set in use);
- widgets from :mod:`explainer.gui.kit.widgets`: ``TitleLabel`` (a big title that follows the zoom),
  ``heading``, ``hint``, ``button``, ``choice_box``, ``spin_box``, ``check_box``, ``captioned_row`` and
  ``buddy_rows`` (given each field with its caption text, or filled by ``set_row_texts`` with captions
  and tooltips), ``page_column``, ``row`` and ``column`` (parts with the spare room after the last);
  :func:`explainer.gui.theme.follow` to apply fonts now and after every zoom or palette change;
  :func:`explainer.gui.kit.plots.style_plot` for a pyqtgraph plot in the palette;
  :class:`explainer.gui.network.prediction.PredictionPair` for probabilities before and after a change;
  :func:`explainer.gui.state.signals_blocked` to set several controls without their signals.

Every page module runs alone on a sample digit: ``python -m explainer.gui.pages.<module>`` calls
:func:`run_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from explainer.gui.state import DataSource, Target, same_architecture

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from explainer.core import Sequential, Trace

PAGE_SIGNALS = (
    "sigModelProduced",
    "sigLabelChosen",
    "sigOpenDigit",
    "sigRunningChanged",
    "sigDatasetProduced",
    "sigShowInNetwork",
)
"""The signals a page view may offer (see the module docstring); the window connects those it has."""


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
"""``sync(view, new, old)``: call the view's setters whose inputs changed since ``old`` (None: first sync)."""


@dataclass(frozen=True)
class PageSpec:
    """One page, declared: everything the window needs to give it a tab, a menu entry and the state.

    Attributes:
        key: the view's objectName; the tab is "page_<key>" and its action "show_<key>".
        module, factory: the view class ``module.factory``, imported when the tab is first shown.
        title, tip: return the tab's title and tooltip in the current language.
        menu: "learn" (pages that explain the current digit), "lessons" (lessons beside the network: the
            seeds' curriculum and the what-if experiments) or "model" (pages about the model itself).
        shortcut: the key that shows the page, e.g. "Alt+2".
        sync: brings the view up to a new ``Problem``.
        locked_while_training: the page is disabled while a training run replaces the model.
        heading, intro: return the page's own heading (at its top) and the paragraph below it in the
            current language; the page shows them with :func:`show_header`. None: the page has none (or
            words it itself, e.g. naming the data set in use).
        live: the page follows every stroke as it is drawn, not once the strokes pause (its per-move
            work is small: the Generative tab's one encoder and decoder pass).
    """

    key: str
    module: str
    factory: str
    title: Callable[[], str]
    tip: Callable[[], str]
    menu: str
    shortcut: str
    sync: SyncFunction
    locked_while_training: bool = False
    heading: Callable[[], str] | None = None
    intro: Callable[[], str] | None = None
    live: bool = False


def _new_digit(new: Problem, old: Problem | None) -> bool:
    """True when the digit (the network input) differs from the last sync."""
    if old is None or new.x is None or old.x is None:
        return old is None or new.x is not old.x
    return not np.array_equal(new.x, old.x)


def _new_data_set(new: Problem, old: Problem | None) -> bool:
    """True when the data set differs from the last sync (the window switched it)."""
    return old is None or new.data.dataset != old.data.dataset


def _digit_changed(new: Problem, old: Problem | None) -> bool:
    """True when the model object or the digit differs from the last sync."""
    return old is None or new.model is not old.model or _new_digit(new, old)


def sync_problem_view(view: Any, new: Problem, old: Problem | None) -> None:
    """Views taking ``set_problem(model, x, label)`` (the step-through and the gradient check)."""
    if _digit_changed(new, old) or old is None or new.label != old.label:
        view.set_problem(new.model, new.x, new.label)


def sync_attribution(view: Any, new: Problem, old: Problem | None) -> None:
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


def _send_model(view: Any, new: Problem, old: Problem | None) -> None:
    """``view.set_model`` when the model object differs from the last sync."""
    if old is None or new.model is not old.model:
        view.set_model(new.model)


def _send_input(view: Any, new: Problem, old: Problem | None) -> None:
    """``view.set_input`` when the digit differs from the last sync."""
    if _new_digit(new, old):
        view.set_input(new.x)


def _send_dataset(view: Any, new: Problem, old: Problem | None) -> None:
    """``view.set_dataset`` when the data set differs from the last sync."""
    if _new_data_set(new, old):
        view.set_dataset(new.data.dataset)


def _send_data_source(view: Any, new: Problem, old: Problem | None) -> None:
    """``view.set_data_source`` when the data source (the data set or its folder) differs."""
    if old is None or new.data is not old.data:
        view.set_data_source(new.data)


def sync_learn(view: Any, new: Problem, old: Problem | None) -> None:
    """The "Learn this example" view: the model it steps from, the digit and its label.

    The model the view announced itself comes back here unchanged, and the digit is then the same, so its
    before/after display survives the round trip through the state.
    """
    _send_dataset(view, new, old)
    view.set_model(new.model)
    _send_input(view, new, old)
    if new.label is not None and (old is None or new.label != old.label or _new_digit(new, old)):
        view.set_label(new.label)


def sync_adversarial(view: Any, new: Problem, old: Problem | None) -> None:
    """The adversarial page: the model it attacks, the digit and its label."""
    _send_model(view, new, old)
    _send_input(view, new, old)
    if old is None or new.label != old.label:
        view.set_label(new.label)


def sync_playground(view: Any, new: Problem, old: Problem | None) -> None:
    """The playground takes the digit from the trace (None keeps the one it has)."""
    if old is None or new.trace is not old.trace:
        view.set_trace(new.trace)


def sync_side_by_side(view: Any, new: Problem, old: Problem | None) -> None:
    """The side-by-side comparison: the digit both bundled networks read and the data set in use."""
    _send_dataset(view, new, old)
    _send_input(view, new, old)


def sync_model_and_data(view: Any, new: Problem, old: Problem | None) -> None:
    """Views that need the model and the data set, not the digit (training, evaluation)."""
    _send_data_source(view, new, old)
    _send_model(view, new, old)


def sync_trace_and_label(view: Any, new: Problem, old: Problem | None) -> None:
    """Views that read the digit's trace and the chosen label (None: the predicted class), e.g. the
    activations and losses page."""
    if old is None or new.trace is not old.trace or new.label != old.label or new.model is not old.model:
        view.set_trace(new.trace, new.label, new.model.class_names)


def sync_data_source(view: Any, new: Problem, old: Problem | None) -> None:
    """Views that need only the data set and its folder (the gradient-descent race)."""
    _send_data_source(view, new, old)


def sync_architecture(view: Any, new: Problem, old: Problem | None) -> None:
    """The architecture editor shows the spec of a new architecture, not of every training snapshot, and
    builds networks for the data set."""
    _send_dataset(view, new, old)
    if old is None or not same_architecture(new.model, old.model):
        view.set_model(new.model)


def sync_input_and_data(view: Any, new: Problem, old: Problem | None) -> None:
    """Views that read the digit and the data set, not the classifier (the Generative tab)."""
    _send_data_source(view, new, old)
    _send_input(view, new, old)


def spec_for(view_class: type) -> PageSpec:
    """The declared page whose view is ``view_class``."""
    from explainer.gui.pages import PAGES

    return next(spec for spec in PAGES if spec.factory == view_class.__name__)


def show_header(view: QWidget, heading: QLabel, intro: QLabel | None = None) -> None:
    """Set ``view``'s heading label (and its intro label) to the texts its :class:`PageSpec` declares,
    in the current language: the page's ``retranslate_ui`` calls this instead of writing them again."""
    spec = spec_for(type(view))
    assert spec.heading is not None, f"{spec.key} declares no heading"
    heading.setText(spec.heading())
    if intro is not None:
        assert spec.intro is not None, f"{spec.key} declares no intro"
        intro.setText(spec.intro())


def page_alone(view_class: type[QWidget]) -> QWidget:
    """The page of ``view_class`` as its tab would show it, on the sample problem (the bundled model and
    a sample digit) and the data folder saved by the app (else the data set's default); what it sends the
    window is printed."""
    from PySide6.QtCore import QSettings

    from explainer.gui.kit.samples import sample_problem
    from explainer.gui.state import load_settings

    model, x, label = sample_problem()
    trace = model.trace(x.reshape(1, *model.input_shape))
    view = view_class()
    data = DataSource(folder=load_settings(QSettings()).data_dir, parent=view)
    problem = Problem(model, x, trace, Target("label", label), data)
    spec_for(view_class).sync(view, problem, None)
    for name in PAGE_SIGNALS:
        signal = getattr(view, name, None)
        if signal is not None:
            signal.connect(lambda *args, name=name: print(name, *args))
    return view


def run_page(view_class: type[QWidget]) -> None:
    """Open :func:`page_alone` in its own window and run the event loop (``python -m`` a page module)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui import APP_NAME, theme

    app = QApplication.instance() or QApplication(sys.argv)
    # The app's own settings, so that a page alone finds e.g. the data folder chosen in the app.
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    theme.apply_palette(app, dark=False)
    view = page_alone(view_class)
    view.resize(theme.px(1400), theme.px(860))
    view.show()
    app.exec()
