"""The tour's panel: the narration with Back/Next, the progress and the keys, docked under the window.

``TourPanel`` shows the current stop ("Stop 3 of 12" and dots) and takes the keys (Right/PageDown,
Left/PageUp, Esc leaves); ``TourDock`` holds it; ``install_tour(window)`` gives a window the tour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit.widgets import button, hint, label
from explainer.gui.tour.controller import TourController

if TYPE_CHECKING:
    from explainer.gui.mainwindow import MainWindow


# ---- the panel ------------------------------------------------------------------------------------------


class StopDots(QWidget):
    """One dot per stop: the current one large in the accent colour, visited ones filled; click to jump.

    Signals:
        sigClicked(index): a dot was clicked.
    """

    sigClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tour_dots")
        self._count, self._current = 0, 0
        self._titles: list[str] = []
        self.setMouseTracking(True)
        theme.notifier().sigChanged.connect(self.updateGeometry)

    def set_stops(self, titles: list[str], current: int) -> None:
        """Show ``len(titles)`` dots with ``current`` highlighted; titles become the tooltips."""
        self._titles, self._count, self._current = titles, len(titles), current
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """Room for every dot."""
        return QSize(self._pitch() * max(self._count, 1), theme.px(18))

    def _pitch(self) -> int:
        """Distance between dot centres."""
        return theme.px(16)

    def _index_at(self, x: float) -> int | None:
        """The dot under horizontal position ``x``, or None."""
        index = int(x // self._pitch())
        return index if 0 <= index < self._count else None

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the dots."""
        palette = theme.current()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pitch, middle = self._pitch(), self.height() / 2
            for index in range(self._count):
                centre = QPointF(index * pitch + pitch / 2, middle)
                radius = pitch * (0.36 if index == self._current else 0.24)
                if index == self._current:
                    colour = palette.accent
                elif index < self._current:
                    colour = palette.muted
                else:
                    colour = palette.frame
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(colour if index <= self._current else Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius, radius)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Name the stop under the pointer."""
        index = self._index_at(event.position().x())
        self.setToolTip("" if index is None else self._titles[index])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Jump to the clicked stop."""
        index = self._index_at(event.position().x())
        if index is not None:
            self.sigClicked.emit(index)


NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
CHOICE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
"""Keys 1 to 4 choose an answer of an open question; Enter checks it."""
CHECK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
QUIZ_CHOICES_MAX = len(CHOICE_KEYS)


class TourPanel(FollowsLanguage, QWidget):
    """The tour's narration and controls (objectName "tour"), meant for a dock at the bottom of the window.

    Keys while the panel has the focus: Right or PageDown next, Left or PageUp back, Esc leaves.
    PageDown/PageUp also work anywhere in the main window while the tour runs. ``action`` (objectName
    "tour_action", F2) starts the tour; put it in a menu.

    Signals:
        sigLeft(): the tour ended; hide the panel's dock.
    """

    sigLeft = Signal()

    def __init__(
        self, window: MainWindow, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tour")
        self.controller = TourController(window, settings, self)
        self.controller.sigStopChanged.connect(self._show_stop)
        self.controller.sigLeft.connect(self._left)

        self.heading = label("tour_title")
        self.narration = label("tour_narration", wrap=True)
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        self.narration.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.narration.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.narration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = label("tour_progress")
        self.dots = StopDots()
        self.dots.sigClicked.connect(self.controller.go)
        self.label_text = QLabel()
        self.label_box = QComboBox()
        self.label_box.setObjectName("tour_label")
        self.label_box.activated.connect(self.controller.set_label)
        self.restart_button = button("tour_restart", lambda: self.controller.go(0))
        self.back_button = button("tour_back", self.controller.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("tour_next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.controller.next)
        self.leave_button = button("tour_leave", self.leave)
        self._build_quiz()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.score_label)
        top.addWidget(self.progress)
        top.addWidget(self.dots)
        controls = QHBoxLayout()
        controls.addWidget(self.label_text)
        controls.addWidget(self.label_box)
        controls.addStretch(1)
        for control in (self.restart_button, self.leave_button, self.back_button, self.next_button):
            controls.addWidget(control)
        for control in (
            self.restart_button,
            self.leave_button,
            self.back_button,
            self.next_button,
            self.check_button,
            *self.choice_buttons,
        ):
            # A focused button would take the arrows to move the focus; the tour's keys come first.
            control.installEventFilter(self)
        layout = QVBoxLayout(self)
        margin = theme.px(theme.MARGIN_PX) // 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addLayout(top)
        layout.addWidget(self.quiz_box)
        layout.addWidget(self.narration, 1)
        layout.addLayout(controls)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.action = QAction(self)
        self.action.setObjectName("tour_action")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.action.triggered.connect(lambda _checked=False: self.start())
        self._page_keys: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_PageDown, self.controller.next),
            (Qt.Key.Key_PageUp, self.controller.back),
        ):
            for host in (window, self.controller.view_window):
                shortcut = QShortcut(QKeySequence(key), host)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setEnabled(False)
                shortcut.activated.connect(slot)
                self._page_keys.append(shortcut)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    def sizeHint(self) -> QSize:
        """Room for the title, about four lines of narration and the buttons."""
        lines = QFontMetrics(self.narration.font()).lineSpacing() * 4
        base = super().sizeHint()
        return QSize(
            base.width(),
            self.heading.sizeHint().height()
            + lines
            + self.next_button.sizeHint().height()
            + theme.px(theme.MARGIN_PX) * 2,
        )

    def _build_quiz(self) -> None:
        """The question of a stop: its prompt, up to four choices, Check, and the result once answered."""
        self.score_label = label("tour_score")
        # hint(): a wrapped label that keeps the height of all its lines when the dock is short.
        self.question_label = hint()
        self.question_label.setObjectName("tour_question")
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: list[QRadioButton] = []
        choices = QHBoxLayout()
        for index in range(QUIZ_CHOICES_MAX):
            choice = QRadioButton()
            choice.setObjectName(f"tour_choice_{index}")
            self.choice_group.addButton(choice, index)
            self.choice_buttons.append(choice)
            choices.addWidget(choice)
        choices.addStretch(1)
        self.check_button = button("tour_check", self.check_answer)
        choices.addWidget(self.check_button)
        self.result_label = hint()
        self.result_label.setObjectName("tour_result")
        self.quiz_box = QWidget()
        self.quiz_box.setObjectName("tour_quiz")
        box = QVBoxLayout(self.quiz_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.question_label)
        box.addLayout(choices)
        box.addWidget(self.result_label)

    def choose(self, index: int) -> None:
        """Select choice ``index`` of the open question (keys 1 to 4)."""
        if 0 <= index < len(self.choice_buttons) and self.choice_buttons[index].isVisible():
            self.choice_buttons[index].setChecked(True)

    def check_answer(self) -> None:
        """Check the selected choice against the live numbers and reveal the answer (Enter)."""
        choice = self.choice_group.checkedId()
        if choice >= 0:
            self.controller.answer(choice)

    def _question_open(self) -> bool:
        return self.controller.question() is not None and self.controller.given() is None

    def _show_question(self, narration: str) -> None:
        """Ask the stop's question and hold its narration back, or show the verdict and the narration."""
        question, given = self.controller.question(), self.controller.given()
        score = self.controller.score
        self.score_label.setVisible(bool(self.controller.questions()))
        self.score_label.setText(
            tr("Score: {right} of {answered} right").format(right=score.right, answered=score.answered)
        )
        self.quiz_box.setVisible(question is not None)
        if question is None:
            self.narration.setText(narration)
            return
        self.question_label.setText(question.prompt)
        self.choice_group.setExclusive(False)
        for index, choice in enumerate(self.choice_buttons):
            choice.setVisible(index < len(question.choices))
            if index < len(question.choices):
                choice.setText(f"{index + 1}. {question.choices[index]}")
            choice.setChecked(index == given)
            choice.setEnabled(given is None)
        self.choice_group.setExclusive(True)
        self.check_button.setEnabled(given is None)
        if given is None:
            self.result_label.setText("")
            self.narration.setText(
                tr("Choose an answer (keys 1 to {n}) and check it (Enter); the explanation follows.").format(
                    n=len(question.choices)
                )
            )
            return
        if given == question.answer:
            verdict = tr("Right!")
        else:
            verdict = tr("Not quite: the answer is {choice}.").format(
                choice=question.choices[question.answer]
            )
        self.result_label.setText(f"{verdict} {question.explanation}")
        self.narration.setText(narration)

    def start(self, resume: bool = True) -> None:
        """Start the tour (resuming at the remembered stop unless ``resume`` is False) and take the focus."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
        self.show()
        self.controller.start(resume)
        for shortcut in self._page_keys:
            shortcut.setEnabled(True)
        self.setFocus()

    def leave(self) -> None:
        """Leave the tour; the stop is remembered for next time."""
        self.controller.leave()

    def _left(self) -> None:
        """The tour ended: PageDown/PageUp belong to the window again; tell the dock."""
        for shortcut in self._page_keys:
            shortcut.setEnabled(False)
        self.sigLeft.emit()

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language, narration included."""
        self.action.setText(tr("&Guided tour"))
        self.action.setToolTip(
            tr("Learn mode: walk through one forward and backward pass on your input, stop by stop (F2)")
        )
        self.action.setStatusTip(self.action.toolTip())
        self.label_text.setText(tr("True label y:"))
        self.label_box.setToolTip(tr("The class your input really is; the loss and gradients follow it"))
        self.restart_button.setText(tr("Start over"))
        self.restart_button.setToolTip(tr("Go back to the first stop"))
        self.back_button.setText(tr("◀ Back"))
        self.back_button.setToolTip(tr("Previous stop (Left or Page Up)"))
        self.leave_button.setText(tr("Leave"))
        self.check_button.setText(tr("Check"))
        self.check_button.setToolTip(tr("Check your answer against the numbers of your input (Enter)"))
        self.score_label.setToolTip(tr("Questions answered right in this run of the tour"))
        self.leave_button.setToolTip(tr("Leave the tour; it resumes at this stop next time (Esc)"))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Learn mode"))
        self.controller.retranslate()
        self._show_stop(self.controller.index())

    def event(self, event: QEvent) -> bool:
        """Claim the tour's keys before the window's shortcuts (Esc would otherwise clear the canvas)."""
        if event.type() == QEvent.Type.ShortcutOverride and self._tour_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Give the tour's keys to the panel while one of its buttons has the focus."""
        if event.type() == QEvent.Type.KeyPress and self._tour_key(event):  # type: ignore[arg-type]
            self.keyPressEvent(event)  # type: ignore[arg-type]
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Right/PageDown next, Left/PageUp back, Esc leaves."""
        key = event.key()
        if key in CHOICE_KEYS and self._question_open():
            self.choose(CHOICE_KEYS.index(key))
        elif key in CHECK_KEYS and self._question_open():
            self.check_answer()
        elif key in NEXT_KEYS:
            self.controller.next()
        elif key in BACK_KEYS:
            self.controller.back()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)

    def _tour_key(self, event: QKeyEvent) -> bool:
        """True for an unmodified key the tour handles."""
        keys = (*NEXT_KEYS, *BACK_KEYS, Qt.Key.Key_Escape)
        if self._question_open():
            keys = (*keys, *CHOICE_KEYS, *CHECK_KEYS)
        # Enter comes from the keypad with the keypad modifier.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return modifiers == Qt.KeyboardModifier.NoModifier and event.key() in keys

    def _show_stop(self, index: int) -> None:
        """Show the narration, progress and buttons of stop ``index``."""
        stops = self.controller.stops()
        last = index + 1 >= len(stops)
        self.next_button.setText(tr("Finish") if last else tr("Next ▶"))
        self.next_button.setToolTip(
            tr("End the tour (Right or Page Down)") if last else tr("Next stop (Right or Page Down)")
        )
        if not stops:
            self.heading.setText(tr("Learn mode"))
            return
        stop = stops[index]
        self.heading.setText(stop.title)
        self._show_question(stop.text)
        self.progress.setText(tr("Stop {i} of {n}").format(i=index + 1, n=len(stops)))
        self.dots.set_stops([s.title for s in stops], index)
        self.back_button.setEnabled(index > 0)
        self.restart_button.setEnabled(index > 0)
        problem = self.controller.problem()
        if problem is not None:
            names = [str(name) for name in problem.model.class_names]
            if [self.label_box.itemText(i) for i in range(self.label_box.count())] != names:
                self.label_box.clear()
                self.label_box.addItems(names)
            self.label_box.setCurrentIndex(problem.label)

    def _apply_theme(self) -> None:
        self.heading.setFont(theme.font(1.3, bold=True))
        self.narration.setFont(theme.font(1.15))
        self.progress.setFont(theme.font(0.95))
        self.score_label.setFont(theme.font(0.95, bold=True))
        self.question_label.setFont(theme.font(1.15, bold=True))
        for widget in (*self.choice_buttons, self.result_label):
            widget.setFont(theme.font(1.15))


class TourDock(QDockWidget):
    """The dock holding the ``TourPanel`` (objectName "tour_dock"); closing it leaves the tour."""

    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.setObjectName("tour_dock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        self.panel = TourPanel(window, settings, self)
        self.setWidget(self.panel)
        self.setWindowTitle(tr("Learn mode"))
        self.panel.sigLeft.connect(self.hide)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The dock's close button leaves the tour (the stop is remembered)."""
        self.panel.leave()
        super().closeEvent(event)


def install_tour(window: MainWindow, settings: QSettings | None = None) -> TourPanel:
    """Give ``window`` the guided tour: a ``TourDock``, hidden until the tour starts, and the panel's action
    ("Learn mode", F2) in the window's menus and beside its tabs (``MainWindow.add_tour``)."""
    dock = TourDock(window, settings)
    window.add_tour(dock.panel.action, dock)
    return dock.panel


def start(window: MainWindow, settings: QSettings | None = None) -> TourPanel:
    """Start the tour on ``window``, installing its dock on first use; returns the panel."""
    panel = window.findChild(TourPanel)
    if panel is None:
        panel = install_tour(window, settings)
    panel.start()
    return panel
