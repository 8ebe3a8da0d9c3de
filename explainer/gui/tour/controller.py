"""The tour's controller: the stops, the current one, the spotlight over the window and the view of a stop.

``TourController`` runs the tour on a ``MainWindow`` through the window's API for controllers (see
``MainWindow``): it lights the parts of the window a stop names (``Spotlight``), opens the view that explains
the stop beside the window (``TourViewWindow``), follows the drawing (new numbers at the same stop) and the
language, and remembers the stop reached in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

from explainer.core import Trace
from explainer.gui import theme
from explainer.gui.kit.samples import sample_digit
from explainer.gui.state import Target
from explainer.gui.tour.quiz import Question, QuizScore, build_questions
from explainer.gui.tour.stops import TOUR_LR, Detail, Stop, TourProblem, build_stops
from explainer.gui.tour.vae_stops import vae_stops

if TYPE_CHECKING:
    from explainer.gui.mainwindow import MainWindow

STOP_KEY = "tour/stop"
"""QSettings key of the stop reached, so that the tour resumes there."""

REFRESH_DELAY_MS = 200
"""After the drawing changes, the narration waits this long, so a stroke does not rebuild it per move."""


# ---- the spotlight over the main window ---------------------------------------------------------------


class Spotlight(QWidget):
    """Dims the window's central area except the lit regions, which get an accent outline.

    A transparent child of the window on top of everything else; mouse events pass through, so the student
    can keep drawing and clicking. The regions are callables asked at every paint, so they follow any
    re-layout (resizing, zoom, a docked panel appearing).
    """

    def __init__(self, window: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__(window)
        self.setObjectName("tour_spotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._area = area
        self._regions: Callable[[], list[QRect]] = list
        self._focus: Callable[[], list[QRect]] = list
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.hide()

    def set_regions(self, regions: Callable[[], list[QRect]], focus: Callable[[], list[QRect]]) -> None:
        """Light ``regions()``, outline ``focus()`` more strongly (window coordinates) and show."""
        self._regions, self._focus = regions, focus
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.update()

    def regions(self) -> list[QRect]:
        """The lit regions now, in window coordinates."""
        return [rect for rect in self._regions() if not rect.isEmpty()]

    def watch(self, widget: QWidget) -> None:
        """Repaint whenever ``widget`` moves or is resized (its regions move with it)."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's size and the watched widgets' layout."""
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Move,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        ):
            if watched is self.parentWidget():
                self.setGeometry(self.parentWidget().rect())
            self.update()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Dim the area outside the regions, then outline the regions and the focus.

        Nothing is painted while no region is on screen (e.g. another tab is in front).
        """
        regions = self.regions()
        if not regions:
            return
        palette = theme.current()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pad = theme.px(4)
            lit = QRegion()
            for rect in regions:
                lit = lit.united(QRegion(rect.adjusted(-pad, -pad, pad, pad)))
            dim = QRegion(self._area()).subtracted(lit)
            painter.setClipRegion(dim)
            painter.fillRect(self.rect(), QColor(0, 0, 0, 120 if palette.dark else 80))
            painter.setClipping(False)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rects, width in ((regions, 2.5), (self._focus(), 4.0)):
                painter.setPen(QPen(palette.accent, theme.px(width)))
                for rect in rects:
                    if not rect.isEmpty():
                        painter.drawRoundedRect(rect.adjusted(-pad, -pad, pad, pad), pad, pad)


# ---- the window that shows each stop's view ------------------------------------------------------------


class _ViewScroll(QScrollArea):
    """A stop's view: never narrower than the view needs (the window widens with it), scrolling up and
    down when the view is taller than the window beside the lit region."""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.setObjectName("tour_view_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(view)

    def minimumSizeHint(self) -> QSize:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(self.widget().minimumSizeHint().width() + bar, super().minimumSizeHint().height())

    def event(self, event: QEvent) -> bool:
        """The view's least size changed (its parts laid out): tell the window, which then widens."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)


class TourViewWindow(QWidget):
    """A tool window beside the main window holding the view of the current stop (objectName "tour_view").

    It is shown without taking the keyboard focus, so the tour's keys keep working, and placed on the side
    of the main window away from the lit region.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, Qt.WindowType.Tool)
        self.setObjectName("tour_view")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: QWidget | None = None
        self._scroll = QWidget()

    def view(self) -> QWidget | None:
        """The view shown now."""
        return self._view

    def set_view(self, view: QWidget | None, title: str) -> None:
        """Show ``view`` (None: hide the window); the previous view is deleted."""
        if self._view is not None:
            self._layout.removeWidget(self._scroll)
            self._scroll.deleteLater()  # and the view in it
        self._view = view
        if view is None:
            self.hide()
            return
        if isinstance(view, QDialog):
            view.setWindowFlags(Qt.WindowType.Widget)  # a dialog's content, embedded here
        # The window is placed beside the lit region, at most its height: a taller view scrolls.
        self._scroll = _ViewScroll(view)
        self._layout.addWidget(self._scroll)
        self._scroll.show()
        view.show()
        self.setWindowTitle(title)

    def place(self, main: QWidget, lit: QRect, bottom: int) -> None:
        """Size and move to the side of ``main`` with more room beside ``lit`` (window coordinates).

        The window takes the free width beside the lit region (at least what the view needs) and ends at
        ``bottom`` (the bottom of the main window's central area, so the tour's dock stays readable) unless
        the view needs more height than there is above it.
        """
        frame = main.geometry()
        # The view's own least size, its layout brought up to date: the window is at least as wide (a
        # view taller than the room scrolls).
        least = self.minimumSizeHint()
        if self._view is not None:
            least = least.expandedTo(self._view.minimumSizeHint())
        room_left, room_right = (
            (main.width(), 0) if lit.isEmpty() else (lit.left(), main.width() - lit.right())
        )
        on_right = room_right > room_left
        wanted = min(round(frame.width() * 0.56), max(room_left, room_right) - theme.px(12))
        width = min(max(least.width(), theme.px(520), wanted), frame.width())
        height = max(least.height(), theme.px(360), round(frame.height() * 0.6))
        x = frame.right() + 1 - width if on_right else frame.left()
        y = max(frame.top(), frame.top() + bottom - height)
        self.setGeometry(x, y, width, height)
        if not self.isVisible():
            self.show()


# ---- the controller -------------------------------------------------------------------------------------


class TourController(QObject):
    """Runs the tour on a ``MainWindow``: the stops, the current one, the spotlight and the open view.

    The window is used only through its API for controllers (see ``MainWindow``). While the tour runs it
    follows the drawing: a new digit gives new numbers at the same stop. At the gradient stop it traces the
    window's input against the label (``state.set_target``, i.e. Backward mode) so the overview shows
    gradients; leaving that stop puts the window's target back.

    Signals:
        sigStopChanged(index): the stop shown changed (also when its numbers or language changed).
        sigLeft(): the tour was left (Esc, Leave, or Finish at the last stop).
    """

    sigStopChanged = Signal(int)
    sigLeft = Signal()

    def __init__(
        self, window: MainWindow, settings: QSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._settings = settings if settings is not None else QSettings()
        self._problem: TourProblem | None = None
        self._stops: list[Stop] = []
        self._questions: dict[str, Question] = {}
        # This run's answers: the choice given at each stop key, and the score.
        self._given: dict[str, int] = {}
        self.score = QuizScore()
        self._index = 0
        self._active = False
        self._chosen_label: int | None = None
        self._saved_target: Target | np.ndarray | None = None
        self._target_set = False
        self._detail: Detail | None = None
        self.spotlight = Spotlight(window, self._central_area)
        for widget in (window.centralWidget(), window.overview, window.canvas):
            self.spotlight.watch(widget)
        window.centralWidget().installEventFilter(self)
        self.view_window = TourViewWindow(window)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._follow_drawing)
        window.state.sigTraceChanged.connect(self._trace_changed)
        theme.notifier().sigChanged.connect(self.spotlight.update)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the view window beside the central area when it changes size (e.g. the dock appears)."""
        if event.type() == QEvent.Type.Resize and self._active and self.view_window.view() is not None:
            self._place_view()
        return False

    # ---- public API

    def is_active(self) -> bool:
        """True while the tour runs."""
        return self._active

    def stops(self) -> list[Stop]:
        """Every stop, in order (empty before ``start``)."""
        return list(self._stops)

    def index(self) -> int:
        """The index of the stop shown (0-based)."""
        return self._index

    def current(self) -> Stop | None:
        """The stop shown, or None before ``start``."""
        return self._stops[self._index] if self._stops else None

    def problem(self) -> TourProblem | None:
        """The digit, label and trace the narration is about."""
        return self._problem

    def saved_index(self) -> int:
        """The stop the tour resumes at (0 when never left midway)."""
        value = self._settings.value(STOP_KEY, 0, type=int)
        return value if isinstance(value, int) and value >= 0 else 0

    def start(self, resume: bool = True) -> None:
        """Begin (or resume at the remembered stop); a blank canvas first gets a sample digit."""
        window = self.window
        # The tour lights up the overview, so the Network tab with the overview (not a layer view) goes first.
        window.show_network_overview()
        self._restore_target()  # started again while running: the window's own target comes back first
        from_sample = False
        window.trace_pending_input()  # a stroke the window has not traced yet
        if window.state.input is None:
            # Traced at once rather than on the window's next update, so the first stop has its numbers.
            window.put_digit(*sample_digit(window.state.dataset))
            self._chosen_label, from_sample = window.state.label, True
        else:
            # The window's one target: a known or chosen true label is the tour's label; else the prediction.
            self._chosen_label = window.state.label
        self._saved_target = window.state.target
        self._active = True
        self._given = {}
        self.score = QuizScore()
        self._rebuild(from_sample)
        self.go(min(self.saved_index(), len(self._stops) - 1) if resume else 0)

    def question(self) -> Question | None:
        """The question of the stop shown (made from the live trace), or None where the stop asks none."""
        stop = self.current()
        return self._questions.get(stop.key) if stop is not None else None

    def questions(self) -> dict[str, Question]:
        """Every question of this tour, by stop key."""
        return dict(self._questions)

    def given(self) -> int | None:
        """The choice given at the stop shown in this run, or None while its question is open."""
        stop = self.current()
        return self._given.get(stop.key) if stop is not None else None

    def answer(self, choice: int) -> bool | None:
        """Answer the stop's question with ``choice``: True when right; the first answer is scored and the
        narration (the answer) is then revealed. None where the stop asks nothing or was answered already."""
        question = self.question()
        if question is None or question.key in self._given or not 0 <= choice < len(question.choices):
            return None
        self._given[question.key] = int(choice)
        right = choice == question.answer
        self.score.record(question.key, right)
        self._show()
        return right

    def set_label(self, label: int) -> None:
        """Use ``label`` as the true class y from the loss on (the narration's numbers follow)."""
        if self._problem is None or label == self._problem.label:
            return
        self._chosen_label = int(label)
        self._rebuild(self._problem.from_sample)
        self._show()

    def go(self, index: int) -> None:
        """Show stop ``index`` (clamped) and remember it; nothing happens while the tour is not running."""
        if not self._active or not self._stops:
            return
        self._index = min(max(int(index), 0), len(self._stops) - 1)
        self._settings.setValue(STOP_KEY, self._index)
        self._show()

    def next(self) -> None:
        """The next stop; after the last one the tour ends (and starts from the beginning next time)."""
        if self._index + 1 < len(self._stops):
            self.go(self._index + 1)
        else:
            self._settings.setValue(STOP_KEY, 0)
            self.leave(remember=False)

    def back(self) -> None:
        """The previous stop."""
        self.go(self._index - 1)

    def leave(self, remember: bool = True) -> None:
        """End the tour, putting the window back as it was; ``remember`` keeps the stop for resuming."""
        if not self._active:
            return
        if remember:
            self._settings.setValue(STOP_KEY, self._index)
        self._active = False
        self._refresh_timer.stop()
        self.spotlight.hide()
        self._restore_target()
        self._detail = None
        self.view_window.set_view(None, "")
        self.sigLeft.emit()

    def retranslate(self) -> None:
        """Rebuild the texts in the current language (the numbers stay), the open view included."""
        if self._problem is not None:
            self._stops = build_stops(self._problem) + vae_stops(self._problem)
            self._questions = build_questions(self._problem, self._stops)
            if self._active:
                self._detail = None  # views set their texts when built, so build it again
                self._show()

    def detail_view(self) -> QWidget | None:
        """The view opened for the current stop, or None."""
        return self.view_window.view()

    # ---- building and showing

    def _rebuild(self, from_sample: bool) -> None:
        """Make the problem from the window's current input and the label, and the stops from it."""
        state = self.window.state
        model, x = state.model, state.input
        batch = x.reshape(1, *model.input_shape)
        label = (
            self._chosen_label
            if self._chosen_label is not None
            else int(model.predict_proba(batch)[0].argmax())
        )
        self._problem = TourProblem.make(model, x, label, from_sample, state.dataset)
        self._stops = build_stops(self._problem) + vae_stops(self._problem)
        self._questions = build_questions(self._problem, self._stops)
        self._index = min(self._index, len(self._stops) - 1)

    def _show(self) -> None:
        """Light the window, set the overview's quantity and open the view of the current stop."""
        stop = self._stops[self._index]
        self._set_gradients(stop.quantity == "gradient")
        self._reveal(stop)
        self.spotlight.set_regions(lambda: self._regions(stop), lambda: self._focus(stop))
        # The stop's view shows the answer of its open question, so it waits for the answer too.
        detail = None if self.question() is not None and self.given() is None else stop.detail
        if detail != self._detail:
            self._detail = detail
            self.view_window.set_view(self._make_view(detail), stop.title)
        elif detail is not None:
            self.view_window.setWindowTitle(stop.title)
        if detail is not None:
            self._place_view()
        self.sigStopChanged.emit(self._index)

    def _place_view(self) -> None:
        """Put the view window away from the lit region, above the tour's dock if there is one."""
        window = self.window
        lit = QRect()
        for rect in self.spotlight.regions():
            lit = lit.united(rect)
        area = self._central_area()
        self.view_window.place(window, lit, area.bottom())

    def _set_gradients(self, on: bool) -> None:
        """Trace against the tour's label at a backward stop, and without a target at a forward one.

        The window's mode follows the target, so the overview shows dL/d(output) or the forward maps
        whatever mode the window was in before the tour; ``_restore_target`` puts that mode back.
        """
        state = self.window.state
        target = Target("label", self._problem.label) if on and self._problem is not None else None
        if target is None:
            same = state.target is None
        else:
            same = isinstance(state.target, Target) and state.target == target
        if not same:
            self._target_set = True
            state.set_target(target)

    def _restore_target(self) -> None:
        """Give the window back the target (and so the mode) it had before the tour."""
        if self._target_set:
            self._target_set = False
            self.window.state.set_target(self._saved_target)

    def _make_view(self, detail: Detail | None) -> QWidget | None:
        """The view a stop asks for, showing the tour's digit."""
        if detail is None or self._problem is None:
            return None
        problem = self._problem
        trace = problem.trace
        if detail.kind == "map":
            from explainer.gui.network.mapdetail import MapDetailDialog

            return MapDetailDialog(trace, detail.layer_index, detail.channel)
        if detail.kind == "layer":
            from explainer.gui.layers.registry import make_detail_view

            view = make_detail_view(trace, detail.layer_index, detail.channel)
            if detail.step is not None:
                view.player.set_step(detail.step)
            return view
        if detail.kind == "stepper":
            from explainer.gui.pages.stepper import StepperView

            stepper = StepperView()
            stepper.set_problem(problem.model, problem.x, problem.label)
            stepper.player.set_step(detail.step or 0)
            return stepper
        if detail.kind == "backward":
            from explainer.gui.layers.registry import make_backward_view

            return make_backward_view(trace, detail.layer_index, detail.channel)
        if detail.kind == "generative":
            from explainer.gui.pages.generative import GenerativeView

            generative = GenerativeView()
            generative.set_data_source(self.window.state.data)
            generative.set_input(problem.x)
            return generative
        from explainer.gui.pages.learn import LearnView

        learn = LearnView(load_bundled=lambda: problem.model)
        learn.set_model(problem.model)
        learn.set_input(problem.x)
        learn.set_label(problem.label)
        learn.set_lr(TOUR_LR)
        learn.apply_step()
        return learn

    # ---- where things are in the window

    def _to_window(self, widget: QWidget, rect: QRect) -> QRect:
        """``rect`` in ``widget`` coordinates, mapped into the window."""
        return QRect(widget.mapTo(self.window, rect.topLeft()), rect.size())

    def _central_area(self) -> QRect:
        """The window's central widget (what the spotlight may dim), in window coordinates."""
        central = self.window.centralWidget()
        return self._to_window(central, central.rect())

    def _column(self, layer_index: int) -> list[QRect]:
        """The overview column of ``layer_index``: its title and its maps, in window coordinates."""
        overview = self.window.overview
        trace = self._problem.trace
        array = trace.input if layer_index == -1 else trace.layers[layer_index].output
        units = array.shape[1]
        # Maps of a column lie in a grid; a long vector is a strip, spanned by its first and last cell.
        channels = range(units) if array.ndim == 4 or units <= 64 else (0, units - 1)
        rect = QRect()
        for channel in channels:
            rect = rect.united(overview.map_rect(layer_index, channel))
        rects = [rect]
        titles = overview.column_title_rects()
        position = layer_index + 1
        if position < len(titles):
            rects.append(titles[position].toAlignedRect())
        return [self._to_window(overview, r) for r in rects]

    def _regions(self, stop: Stop) -> list[QRect]:
        """Every region a stop lights that is on screen now, in window coordinates."""
        window = self.window
        rects = []
        if window.overview.isVisible():
            for index in stop.columns:
                rects += self._column(index)
        named = {
            "canvas": window.canvas,
            "input_preview": window.input_preview,
            "prediction": window.overview.prediction_view(),
        }
        for name in stop.widgets:
            widget = named[name]
            if widget.isVisible():
                rects.append(self._to_window(widget, widget.rect()))
        return rects

    def _reveal(self, stop: Stop) -> None:
        """Scroll a zoomed (or cramped) overview so that what the stop lights in it is in sight."""
        overview = self.window.overview
        if not overview.isVisible():
            return
        rects = [rect for index in stop.columns for rect in self._column(index)] + self._focus(stop)
        if "prediction" in stop.widgets:
            prediction = overview.prediction_view()
            rects.append(self._to_window(prediction, prediction.rect()))
        lit = QRect()
        for rect in rects:
            lit = lit.united(rect)
        overview.reveal(QRect(overview.mapFrom(self.window, lit.topLeft()), lit.size()))

    def _focus(self, stop: Stop) -> list[QRect]:
        """The single maps a stop outlines, in window coordinates (none while the overview is hidden)."""
        overview = self.window.overview
        if not overview.isVisible():
            return []
        return [self._to_window(overview, overview.map_rect(layer, channel)) for layer, channel in stop.maps]

    # ---- following the drawing

    def _trace_changed(self, trace: Trace | None) -> None:
        """A new drawing (or label, or model): rebuild the narration once the strokes pause."""
        if self._active and trace is not None:
            self._refresh_timer.start()

    def _follow_drawing(self) -> None:
        """Rebuild the stops when the input or the model changed (not for the tour's own target change).

        A new model (e.g. a training snapshot) keeps the digit and its label; a new digit takes its
        prediction.
        """
        state, problem = self.window.state, self._problem
        if not self._active or state.input is None or problem is None:
            return
        same_input = bool(np.array_equal(problem.x, state.input))
        if problem.model is state.model and same_input:
            return
        if not same_input:
            self._chosen_label = None  # a new digit: its label is the new prediction until one is chosen
        self._detail = None  # the open view shows the old digit or weights
        self._rebuild(from_sample=problem.from_sample and same_input)
        self._show()
