"""Soak the main window: thousands of random user actions offscreen, then check nothing leaked or failed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py [--actions 2000] [--seed 0]

Drives ``MainWindow`` the way a class would, at random: strokes drawn with QTest mouse events (left
button draws, right erases), Clear, Undo, gallery picks (clicks on a thumbnail), colour-scale switches,
zoom in/out/reset, the dark palette, brush size and eraser, Forward/Backward mode, hovering and clicking
feature maps (a layer's explanation opens in place and its step animation is played, scrubbed and left;
the input opens in a dialog), the other tabs (stepper, attribution, training, ...), the guided tour, the
language menu, window resizes, and the About and Shortcuts dialogs. Actions whose widgets do not exist
are left out and listed. Uncaught exceptions (``sys.excepthook``, ``threading.excepthook`` and any
raised out of event processing) and Qt warnings are recorded. Settings go to a temporary folder.

Warm-up: every action kind twice, every page and language once (pages, dialogs and views are built on
first use and kept), then a tenth of the actions at random (at least 20). After it and again at the end,
transient dialogs are closed, deferred deletions and the garbage collector run; then resident memory
(/proc/self/statm), live QGraphicsItems (in every QGraphicsScene under the window or a top-level
widget), the QTimers under the window and every top-level widget, and the application's top-level
widgets are counted. Prints the figures and exits with status 1 when an exception occurred, memory grew
by 30 MB or more, or an object count grew.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import gc
import os
import random
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGraphicsScene,
    QGraphicsView,
    QStatusBar,
    QWidget,
)

MAX_RSS_GROWTH_MB = 30.0
# Qt messages that the offscreen platform prints for every window; they say nothing about the app.
BENIGN_QT_MESSAGES = ("This plugin does not support",)


@dataclass
class Counts:
    """What is alive at one moment."""

    rss_mb: float
    graphics_items: int
    scenes: int
    timers: int
    top_level_widgets: int


@dataclass
class SoakReport:
    """The outcome of a soak run."""

    actions: Counter[str] = field(default_factory=Counter)
    unavailable: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    traces: int = 0
    animations: int = 0
    windows_closed: int = 0
    exceptions: list[str] = field(default_factory=list)
    qt_warnings: Counter[str] = field(default_factory=Counter)
    baseline: Counts | None = None
    final: Counts | None = None
    peak_rss_mb: float = 0.0
    rss_trend: list[tuple[int, float]] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0

    def rss_growth_mb(self) -> float:
        """Resident memory growth from the end of the warm-up to the end."""
        assert self.baseline is not None and self.final is not None
        return self.final.rss_mb - self.baseline.rss_mb

    def grown(self) -> dict[str, tuple[int, int]]:
        """Object counts that are higher at the end than after the warm-up: name -> (before, after)."""
        assert self.baseline is not None and self.final is not None
        names = ("graphics_items", "scenes", "timers", "top_level_widgets")
        pairs = {name: (getattr(self.baseline, name), getattr(self.final, name)) for name in names}
        return {name: pair for name, pair in pairs.items() if pair[1] > pair[0]}

    def healthy(self) -> bool:
        """No exception, memory growth under the limit, no object count grown."""
        return not self.exceptions and self.rss_growth_mb() < MAX_RSS_GROWTH_MB and not self.grown()

    def summary(self) -> str:
        """Lines for the terminal."""
        assert self.baseline is not None and self.final is not None
        total = sum(self.actions.values())
        lines = [f"soak: {total:,} actions in {self.seconds:.0f} s"]
        lines.append("  actions: " + ", ".join(f"{name} {n}" for name, n in sorted(self.actions.items())))
        if self.unavailable:
            lines.append("  not available (left out): " + ", ".join(self.unavailable))
        lines.extend(f"  note: {note}" for note in self.notes)
        lines.append(
            f"  new traces shown: {self.traces:,}; explanations animated: {self.animations:,}; "
            f"dialogs closed: {self.windows_closed:,}"
        )
        lines.append(
            f"  resident memory: {self.baseline.rss_mb:.1f} MB after warm-up, {self.final.rss_mb:.1f} MB at "
            f"the end (growth {self.rss_growth_mb():+.1f} MB, limit {MAX_RSS_GROWTH_MB:.0f}), "
            f"peak {self.peak_rss_mb:.1f} MB"
        )
        lines.append("  RSS by action: " + ", ".join(f"{i}: {mb:.0f} MB" for i, mb in self.rss_trend))
        for name in ("graphics_items", "scenes", "timers", "top_level_widgets"):
            lines.append(f"  {name}: {getattr(self.baseline, name)} -> {getattr(self.final, name)}")
        lines.append(f"  slowest action: {self.slowest[0] * 1000:.0f} ms ({self.slowest[1]})")
        lines.append(f"  uncaught exceptions: {len(self.exceptions)}")
        lines.extend("    " + text.strip().replace("\n", "\n    ") for text in self.exceptions[:5])
        if self.qt_warnings:
            lines.append(
                "  Qt warnings: " + "; ".join(f"{n}x {m[:120]}" for m, n in self.qt_warnings.items())
            )
        lines.append("  verdict: " + ("healthy" if self.healthy() else "PROBLEMS"))
        return "\n".join(lines)


def release_free_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere).

    Qt and NumPy free what a closed view held, but glibc keeps those pages mapped, so a process that has
    opened a large view once stays that much bigger. Trimmed, the resident memory counts what is still
    held, which is what a leak is.
    """
    name = ctypes.util.find_library("c")
    if name is None or sys.platform != "linux":
        return
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None)
    if trim is not None:
        trim(0)


def resident_mb() -> float:
    """This process's resident memory in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class Recorder:
    """Collects uncaught exceptions and Qt warnings while installed."""

    def __init__(self, report: SoakReport) -> None:
        self.report = report
        self._previous: tuple[Any, Any] | None = None

    def install(self) -> None:
        """Hook sys.excepthook, threading.excepthook and Qt's message handler."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        """Restore the previous hooks."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        qInstallMessageHandler(None)

    def excepthook(
        self, kind: type[BaseException], value: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Record one uncaught exception."""
        self.report.exceptions.append("".join(traceback.format_exception(kind, value, tb)))

    def _qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        """Record warnings and worse, except the platform's own chatter."""
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message.startswith(BENIGN_QT_MESSAGES)
        if not quiet:
            self.report.qt_warnings[message] += 1


class Soak:
    """Random user actions on one window."""

    def __init__(
        self, window: QWidget, rng: random.Random, report: SoakReport, only: set[str] | None = None
    ) -> None:
        self.window = window
        self.only = only
        self.rng = rng
        self.report = report
        self.canvas: QWidget = window.findChild(QWidget, "canvas")
        self.gallery: Any = window.findChild(QWidget, "gallery")
        self.overview: Any = window.findChild(QWidget, "overview")
        self.available = self._available_actions()
        state = getattr(window, "state", None)
        if state is not None and hasattr(state, "sigTraceChanged"):
            state.sigTraceChanged.connect(self._count_trace)

    def _count_trace(self, trace: object) -> None:
        if trace is not None:
            self.report.traces += 1

    # --------------------------------------------------------------------------------- feature detection
    def _action(self, name: str) -> QAction | None:
        """The window's QAction called ``name``, if it has one."""
        return self.window.findChild(QAction, name)

    def _available_actions(self) -> dict[str, Callable[[], None]]:
        """Every action kind this window supports; the others are listed in ``report.unavailable``."""
        pages = [
            a.objectName() for a in self.window.findChildren(QAction) if a.objectName().startswith("show_")
        ]
        self.pages = [name for name in pages if name != "show_network"]
        self.languages = [
            a.objectName()
            for a in self.window.findChildren(QAction)
            if a.objectName().startswith("language_")
        ]
        table: dict[str, tuple[bool, Callable[[], None]]] = {
            "stroke": (self.canvas is not None, self.stroke),
            "clear": (self._action("clear") is not None, lambda: self._trigger("clear")),
            "undo": (self._action("undo") is not None, lambda: self._trigger("undo")),
            "gallery": (self._gallery_ready(), self.pick_sample),
            "scale": (self._action("scale_layer") is not None, self.switch_scale),
            "zoom": (self._action("zoom_in") is not None, self.zoom),
            "palette": (self._action("dark") is not None, lambda: self._trigger("dark")),
            "brush": (self._action("brush_bigger") is not None, self.brush),
            "eraser": (self._action("eraser") is not None, self.eraser_stroke),
            "hover": (self.overview is not None, self.hover),
            "map_detail": (hasattr(self.overview, "map_rect"), self.map_detail),
            "mode": (self._action("forward_mode") is not None, self.switch_mode),
            "page": (bool(self.pages) and self._action("show_network") is not None, self.visit_page),
            "tour": (self._action("tour_action") is not None, self.tour),
            "language": (len(self.languages) > 1, self.switch_language),
            "resize": (True, self.resize),
            "dialogs": (
                self._action("about") is not None and self._action("shortcuts") is not None,
                self.dialogs,
            ),
        }
        self.report.unavailable = [name for name, (ok, _) in table.items() if not ok]
        wanted = set(table) if self.only is None else self.only
        return {name: run for name, (ok, run) in table.items() if ok and name in wanted}

    def _gallery_ready(self) -> bool:
        """True when there is a gallery; without the bundled samples it is filled with MNIST test digits."""
        if self.gallery is None:
            return False
        if self.gallery.count() == 0:
            digits = _mnist_test_digits(60)
            if digits is None:
                return False
            self.gallery.set_samples(*digits)
            self.report.notes.append("gallery filled with 60 MNIST test digits (no bundled samples)")
        return True

    def sweep(self) -> None:
        """Warm-up: every action kind twice, every page and every language once, the whole tour once.

        Pages, dialogs and views are built on first use and kept; building them all before the baseline
        count means the soak measures what repeated use adds, not what first use creates.
        """
        for name, run in self.available.items():
            for _ in range(2):
                self._run(name, run)
        for page in self.pages if "page" in self.available else []:
            self._run(page, lambda page=page: (self._trigger(page), wait(30), self._trigger("show_network")))
        for language in self.languages if "language" in self.available else []:
            self._run(language, lambda language=language: self._trigger(language))
        if "tour" in self.available:
            # Random tours reach the last stops only now and then; their views are built here once.
            self._run("tour", self.whole_tour)

    def _run(self, name: str, run: Callable[[], object]) -> None:
        """Run one action, recording what it raises, then let the events it caused be handled."""
        try:
            run()
        except Exception:
            # Raised straight out of a slot or method the action called: in the app it would be uncaught.
            sys.excepthook(*sys.exc_info())
        process_events()

    def random_action(self) -> str:
        """Run one random action (strokes most often, like a real user); returns its name."""
        weights = {"stroke": 8, "clear": 2, "gallery": 2, "hover": 2}
        names = list(self.available)
        name = self.rng.choices(names, weights=[weights.get(n, 1) for n in names])[0]
        self._run(name, self.available[name])
        return name

    # --------------------------------------------------------------------------------- actions
    def _trigger(self, name: str) -> None:
        action = self._action(name)
        assert action is not None
        action.trigger()

    def _point(self, widget: QWidget, margin: int = 2) -> QPoint:
        """A random point inside ``widget``."""
        return QPoint(
            self.rng.randint(margin, max(margin, widget.width() - 1 - margin)),
            self.rng.randint(margin, max(margin, widget.height() - 1 - margin)),
        )

    def stroke(self, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        """Press, wander 2-30 steps (processing events like a real drag), release."""
        canvas = self.canvas
        point = self._point(canvas)
        QTest.mousePress(canvas, button, Qt.KeyboardModifier.NoModifier, point)
        for step in range(self.rng.randint(2, 30)):
            point = QPoint(
                min(max(point.x() + self.rng.randint(-25, 25), -10), canvas.width() + 10),
                min(max(point.y() + self.rng.randint(-25, 25), -10), canvas.height() + 10),
            )
            QTest.mouseMove(canvas, point)
            if step % 3 == 0:
                process_events()
        QTest.mouseRelease(canvas, button, Qt.KeyboardModifier.NoModifier, point)

    def eraser_stroke(self) -> None:
        """Erase with the right button, or with the eraser tool switched on for one stroke."""
        if self.rng.random() < 0.5:
            self.stroke(Qt.MouseButton.RightButton)
            return
        self._trigger("eraser")
        self.stroke()
        self._trigger("eraser")

    def pick_sample(self) -> None:
        """Click a random gallery thumbnail (or choose it, when the window keeps the gallery hidden)."""
        gallery = self.gallery
        index = self.rng.randrange(gallery.count())
        if not gallery.isVisible():
            gallery.choose(index)
            return
        item = gallery.item(index)
        gallery.scrollToItem(item)
        process_events()
        QTest.mouseClick(
            gallery.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            gallery.visualItemRect(item).center(),
        )

    def switch_scale(self) -> None:
        self._trigger(self.rng.choice(["scale_layer", "scale_block", "scale_global"]))

    def zoom(self) -> None:
        """Zoom in or out, and back to normal now and then so the window stays a sensible size."""
        self._trigger(self.rng.choice(["zoom_in", "zoom_out", "zoom_reset"]))

    def brush(self) -> None:
        self._trigger(self.rng.choice(["brush_bigger", "brush_smaller"]))

    def hover(self) -> None:
        """Move the mouse over a few random places of the overview, then out of it."""
        for _ in range(self.rng.randint(1, 6)):
            QTest.mouseMove(self.overview, self._point(self.overview))
            process_events()
        QApplication.sendEvent(self.overview, QEvent(QEvent.Type.Leave))

    def map_detail(self) -> None:
        """Click a random map: a layer's explanation opens in place (its animation is played a little and
        scrubbed), the input opens in a dialog; half of the time go back to the overview afterwards."""
        trace = self.overview.current_trace()
        if trace is None or not self.overview.isVisible():
            return
        layer = self.rng.randrange(-1, len(trace.layers))
        maps = trace.input.shape[1] if layer < 0 else trace.layers[layer].output.shape[1]
        rect = self.overview.map_rect(layer, self.rng.randrange(maps))
        if rect.isEmpty():
            return
        QTest.mouseClick(
            self.overview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
        )
        process_events()
        view = self.window.detail_view() if hasattr(self.window, "detail_view") else None
        player = view.findChild(QWidget, "step_player") if view is not None else None
        if player is not None and player.count() > 0:
            self.report.animations += 1
            player.play()
            wait(self.rng.randint(30, 150))
            player.step_by(self.rng.randint(-3, 3))
            player.set_step(self.rng.randrange(player.count()))
        if self.rng.random() < 0.5:
            self.report.windows_closed += close_transient_windows(self.window)
            if self._action("back_to_overview") is not None:
                self._trigger("back_to_overview")

    def switch_mode(self) -> None:
        """Forward (activations) or Backward (gradients against the toolbar's target)."""
        self._trigger(self.rng.choice(["forward_mode", "backward_mode"]))

    def visit_page(self) -> None:
        """Open a random tab (stepper, attribution, training, ...), look at it, go back to the network."""
        self._trigger(self.rng.choice(self.pages))
        wait(self.rng.randint(10, 60))
        self._trigger("show_network")

    def tour(self) -> None:
        """Start the guided tour, go forward (and sometimes back) a few stops, leave it."""
        self._trigger("tour_action")
        process_events()
        for _ in range(self.rng.randint(1, 5)):
            self._press("tour_back" if self.rng.random() < 0.25 else "tour_next")
        self._press("tour_leave")

    def whole_tour(self) -> None:
        """Start the guided tour, walk it to its last stop and leave it."""
        self._trigger("tour_action")
        process_events()
        while self._press("tour_next"):
            pass
        self._press("tour_leave")

    def _press(self, name: str) -> bool:
        """Click the window's button ``name`` when it is there, enabled and shown; True when it was."""
        button = self.window.findChild(QAbstractButton, name)
        if button is None or not button.isEnabled() or not button.isVisible():
            return False
        button.click()
        process_events()
        return True

    def switch_language(self) -> None:
        """Pick a language from the Language menu (the whole window is retranslated)."""
        self._trigger(self.rng.choice(self.languages))

    def resize(self) -> None:
        self.window.resize(self.rng.randint(900, 1600), self.rng.randint(600, 1000))

    def dialogs(self) -> None:
        """Open About or the shortcut list, and close it."""
        self._trigger(self.rng.choice(["about", "shortcuts"]))
        process_events()
        self.report.windows_closed += close_transient_windows(self.window)


def _mnist_test_digits(count: int) -> tuple[Any, Any] | None:
    """The first ``count`` MNIST test digits and labels, or None without the MNIST files."""
    from explainer.data import load_mnist, mnist_dir
    from explainer.errors import BadInputError

    directory = mnist_dir()
    if directory is None:
        return None
    try:
        images, labels = load_mnist(directory, "test")
    except BadInputError:
        return None
    return images[:count], labels[:count]


def _optional_module(name: str) -> Any:
    """Import ``name`` when it exists (a feature still being written is simply left out)."""
    try:
        return __import__(name, fromlist=["_"])
    except ImportError:
        return None


def process_events() -> None:
    """Run pending events and deferred deletions, as the app's event loop does between two user events.

    ``QApplication.processEvents`` alone never runs ``deleteLater``: without the second step every view
    the app replaces would stay alive here although the real app frees it. PySide re-raises some
    exceptions from callbacks here; they count as uncaught.
    """
    try:
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    except Exception:
        sys.excepthook(*sys.exc_info())


def wait(milliseconds: int) -> None:
    """Let timers and animations run for ``milliseconds``."""
    deadline = time.perf_counter() + milliseconds / 1000
    while time.perf_counter() < deadline:
        process_events()
        time.sleep(0.005)


def close_transient_windows(window: QWidget) -> int:
    """Close every visible window other than ``window`` (dialogs, message boxes, detail views); how many."""
    closed = 0
    for widget in [*window.findChildren(QDialog), *QApplication.topLevelWidgets()]:
        if widget is not window and widget.isWindow() and widget.isVisible():
            widget.close()
            closed += 1
    process_events()
    return closed


def settle(window: QWidget) -> None:
    """Close transient windows and any open explanation, end status messages, run deferred deletions and
    the garbage collector.

    A status message shown with a timeout owns a QTimer until it expires; clearing it makes the timer
    counts before and after comparable.
    """
    close_transient_windows(window)
    for name in ("back_to_overview", "show_network"):
        action = window.findChild(QAction, name)
        if action is not None:
            action.trigger()
    for status_bar in window.findChildren(QStatusBar):
        status_bar.clearMessage()
    for _ in range(3):
        process_events()
        gc.collect()
    release_free_heap()


def count_alive(window: QWidget) -> Counts:
    """Memory and object counts now."""
    scenes: dict[int, QGraphicsScene] = {}
    roots = [window, *QApplication.topLevelWidgets()]
    for root in roots:
        for scene in root.findChildren(QGraphicsScene):
            scenes[id(scene)] = scene
        for view in root.findChildren(QGraphicsView):
            if view.scene() is not None:
                scenes[id(view.scene())] = view.scene()
    return Counts(
        rss_mb=resident_mb(),
        graphics_items=sum(len(scene.items()) for scene in scenes.values()),
        scenes=len(scenes),
        timers=sum(len(root.findChildren(QTimer)) for root in {id(r): r for r in roots}.values()),
        top_level_widgets=len(QApplication.topLevelWidgets()),
    )


def run_soak(
    actions: int,
    seed: int = 0,
    window_factory: Callable[[], QWidget] | None = None,
    only: set[str] | None = None,
) -> SoakReport:
    """Build a window, run ``actions`` random actions on it, and report (see the module docstring).

    ``only`` restricts the actions to those kinds (e.g. {"stroke", "tour"}), to find what leaks.
    The app's settings (language, tour progress, folders) go to a temporary folder meanwhile.
    """
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    report = SoakReport()
    recorder = Recorder(report)
    recorder.install()
    began = time.perf_counter()
    with isolated_settings():
        window = window_factory() if window_factory is not None else _main_window()
        language = _checked_language(window)
        try:
            window.show()
            QTest.qWaitForWindowExposed(window)
            _configure_pyqtgraph()
            soak = Soak(window, random.Random(seed), report, only)
            soak.sweep()
            warmup = max(20, actions // 10)
            for index in range(actions):
                if index == warmup:
                    settle(window)
                    report.baseline = count_alive(window)
                start = time.perf_counter()
                name = soak.random_action()
                elapsed = time.perf_counter() - start
                report.actions[name] += 1
                report.slowest = max(report.slowest, (elapsed, name))
                if index % 25 == 0:
                    report.peak_rss_mb = max(report.peak_rss_mb, resident_mb())
                if index % max(1, actions // 10) == 0:
                    report.rss_trend.append((index, resident_mb()))
            settle(window)
            report.final = count_alive(window)
            report.peak_rss_mb = max(report.peak_rss_mb, report.final.rss_mb)
        finally:
            _restore_shared_state(window, language)
            close_transient_windows(window)
            window.close()
            window.deleteLater()
            for _ in range(3):
                process_events()
                gc.collect()
            recorder.uninstall()
    report.seconds = time.perf_counter() - began
    return report


@contextlib.contextmanager
def isolated_settings() -> Iterator[None]:
    """Point every default-constructed QSettings at a temporary folder, then back where it was."""
    scope = QSettings.Scope.UserScope
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    previous = {fmt: Path(QSettings(fmt, scope, "o", "a").fileName()).parent.parent for fmt in formats}
    with tempfile.TemporaryDirectory(prefix="soak-settings-") as folder:
        for fmt in formats:
            QSettings.setPath(fmt, scope, folder)
        try:
            yield
        finally:
            for fmt, path in previous.items():
                QSettings.setPath(fmt, scope, str(path))


def _configure_pyqtgraph() -> None:
    """What the app does right after its first paint (views that use pyqtgraph rely on it)."""
    app_module = _optional_module("explainer.gui.app")
    if app_module is not None and hasattr(app_module, "configure_pyqtgraph"):
        app_module.configure_pyqtgraph()


def _main_window() -> QWidget:
    """The app's main window (with the tour) with default settings and the bundled model."""
    from explainer.gui.app import create_window
    from explainer.gui.state import Settings

    return create_window(settings=Settings())


def _checked_language(window: QWidget) -> QAction | None:
    """The Language menu's entry for the language in use, if the window has that menu."""
    for action in window.findChildren(QAction):
        if action.objectName().startswith("language_") and action.isChecked():
            return action
    return None


def _restore_shared_state(window: QWidget, language: QAction | None) -> None:
    """Back to the starting language, the light palette and normal zoom (shared by every window)."""
    if language is not None and not language.isChecked():
        language.trigger()
    dark = window.findChild(QAction, "dark")
    if dark is not None and dark.isChecked():
        dark.trigger()
    reset = window.findChild(QAction, "zoom_reset")
    if reset is not None:
        reset.trigger()


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", help="comma-separated action kinds to run (default: all), to find a leak")
    args = parser.parse_args()
    report = run_soak(args.actions, args.seed, only=set(args.only.split(",")) if args.only else None)
    print(report.summary())
    return 0 if report.healthy() else 1


if __name__ == "__main__":
    sys.exit(main())
