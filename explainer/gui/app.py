"""Start the desktop app: check the window system, set up Qt and pyqtgraph, catch errors, open the window.

Launch with ``python main.py``, ``python -m explainer`` or the ``cnn-explainer`` command.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from explainer.assets import asset_path
from explainer.gui import APP_NAME
from explainer.gui.i18n import install_saved_language, tr
from explainer.gui.jobs import stop_all_workers
from explainer.gui.kit.plots import configure_pyqtgraph

if TYPE_CHECKING:
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

EXIT_WAIT_MS = 500
"""After the event loop: how much longer quitting waits for a job still running (closing waited already)."""

# Shared libraries the xcb window-system plugin of Qt 6 loads, with the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
}


_IMPORTED_AT = time.monotonic()


def process_start_time() -> float:
    """The process start as a ``time.monotonic()`` value, from /proc on Linux (10 ms resolution).

    Elsewhere it falls back to the moment this module was imported, which is later than the real start.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        # Field 22 counts clock ticks since boot; fields after the parenthesised command name are spaced.
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        started_since_boot = ticks / os.sysconf("SC_CLK_TCK")
        now_since_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return time.monotonic() - (now_since_boot - started_since_boot)
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED_AT


def missing_xcb_packages(load: Callable[[str], object] | None = None) -> list[str]:
    """Debian packages whose libraries the xcb plugin needs but the dynamic loader cannot find.

    ``load`` opens one shared library by soname and raises OSError when it is missing (default: ctypes).
    """
    loader = load if load is not None else (lambda name: ctypes.CDLL(name, mode=os.RTLD_LAZY))
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            loader(library)
        except OSError:
            missing.append(package)
    return missing


def window_system_problem(
    argv: Sequence[str], environ: dict[str, str] | None = None, load: Callable[[str], object] | None = None
) -> str | None:
    """A clear message when Qt will fail to open a window on Linux, or None when it should work.

    Only the default xcb platform is checked: an explicit ``QT_QPA_PLATFORM`` or ``-platform`` is the
    user's choice, and Wayland sessions use another plugin.
    """
    env = dict(os.environ) if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM") or "-platform" in argv:
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return tr(
            "MNIST CNN Explainer cannot open a window: no display was found (DISPLAY is not set).\n"
            "Run it inside a desktop session, start a virtual one with `Xvfb :1 & export DISPLAY=:1`, "
            "or run headless with QT_QPA_PLATFORM=offscreen."
        )
    missing = missing_xcb_packages(load)
    if missing:
        return tr(
            "MNIST CNN Explainer cannot open a window: Qt's xcb platform needs system libraries that are "
            "not installed.\nInstall them with:\n\n"
            "    sudo apt-get install -y {packages}\n\n"
            "(On Fedora or Arch, install the matching xcb-util packages, e.g. xcb-util-cursor.)"
        ).format(packages=" ".join(missing))
    return None


def default_log_path() -> Path:
    """The uncaught-error log: ``$XDG_CACHE_HOME`` (or ``~/.cache``)/mnist-cnn-explainer/errors.log."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / APP_NAME / "errors.log"


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Parse our options; everything unknown is left for Qt (e.g. ``-platform``, ``-style``)."""
    parser = argparse.ArgumentParser(
        prog="cnn-explainer", description=tr("See how a convolutional network reads your handwriting.")
    )
    parser.add_argument("--model", type=Path, help=tr("a model file (.npz) to use, not the bundled one"))
    parser.add_argument(
        "--data", type=Path, help=tr("the folder with the IDX files of the data set in use, for training")
    )
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help=tr("print the time from process start to the window's first paint, then quit"),
    )
    return parser.parse_known_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code (1 when no window can be opened)."""
    argv = list(sys.argv if argv is None else argv)
    args, qt_args = parse_args(argv[1:])
    problem = window_system_problem(qt_args)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1

    if "pyqtgraph" in sys.modules:
        configure_pyqtgraph()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([argv[0] if argv else APP_NAME, *qt_args])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(asset_path("icon.png"))))
    # Before any text is set: the remembered language (or the system's) from the first paint on.
    install_saved_language(app)
    # The window keeps it up to date from then on: it names the data set in use, in the current language.
    app.setApplicationDisplayName(tr("MNIST CNN Explainer"))
    # Ctrl+C in the terminal quits instead of being swallowed by Qt's event loop.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    reporter = ErrorReporter(default_log_path())
    reporter.install()

    # Imported here so that the window-system check and --help answer without loading the window code.
    from explainer.gui.state import load_settings, save_settings

    settings = load_settings(QSettings())
    if args.data is not None:
        # The state's data set reads its files from here; remembered like a folder chosen in the app.
        settings.data_dir = args.data.expanduser().resolve()
    window = create_window(model=args.model, settings=settings)
    # A chosen data folder or data set is saved at once, so a crash or Ctrl+C does not forget it.
    window.state.sigDataChanged.connect(lambda _data: save_settings(window.settings(), QSettings()))
    probe = FirstPaintProbe(window, process_start_time())
    if args.measure_startup:

        def report(seconds: float) -> None:
            # CPU time too: on a busy machine it shows what the wall-clock time would be on an idle one.
            print(f"first paint {seconds:.3f} s (cpu {time.process_time():.3f} s)", flush=True)
            app.quit()

        probe.sigPainted.connect(report)
    else:
        # Nothing on the first screen uses pyqtgraph and importing it takes ~0.5 s: do it once the window
        # has been painted.
        probe.sigPainted.connect(lambda _seconds: QTimer.singleShot(0, configure_pyqtgraph))
    window.show()
    # A window manager gives a new window the keyboard; without one (a bare X server, a kiosk) X leaves the
    # focus on the root window, so Ctrl+O and every other key did nothing until the first click. Asking
    # for activation makes Qt set the X input focus itself when no window manager answers.
    window.activateWindow()
    code = app.exec()
    if not args.measure_startup:
        save_settings(window.settings(), QSettings())
    reporter.uninstall()
    # Closing the window has stopped every job; quitting another way (app.quit()) gets the same here.
    if not stop_all_workers(EXIT_WAIT_MS):
        # A job stuck inside one long step (e.g. reading a slow disk): Python would destroy its
        # running QThread on the way out, and Qt aborts the process then. Nothing of the job is kept.
        print(tr("A background job did not stop in time; quitting without it."), file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def create_window(model: Path | None = None, settings: Settings | None = None) -> MainWindow:
    """The main window as the app opens it: with the guided tour installed (``explainer.gui.tour``).

    ``model`` is a model file (None: the bundled model).
    """
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.tour import install_tour

    window = MainWindow(model=model, settings=settings)
    install_tour(window)
    return window


class ErrorReporter(QObject):
    """Turns uncaught exceptions into a dialog and a log entry; the app keeps running.

    Installed as ``sys.excepthook`` and ``threading.excepthook``. Exceptions from other threads reach
    the dialog through a queued signal, and the dialog opens on the next event-loop turn, never inside
    the paint or mouse handler that failed. While one dialog is open, further errors are only logged.

    Signals:
        sigError(summary, details): emitted for each uncaught exception (summary is one line).
    """

    sigError = Signal(str, str)

    def __init__(self, log_path: Path) -> None:
        super().__init__()
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self._previous_hooks: tuple[object, object] | None = None
        self.sigError.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become the process' excepthook (and the threads' one)."""
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        """Restore the hooks that were there before ``install``."""
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Log the exception and queue a dialog; Ctrl+C still interrupts."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        summary = f"{kind.__name__}: {value}"
        self._log(details)
        print(details, file=sys.stderr, end="")
        self.sigError.emit(summary, details)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """Route an exception from a worker thread to ``excepthook``."""
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _log(self, details: str) -> None:
        """Append a time-stamped entry to the log; a log that cannot be written is not an error."""
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp}\n{details}\n")
        except OSError as error:
            print(f"cannot write the error log {self.log_path}: {error}", file=sys.stderr)

    def _show(self, summary: str, details: str) -> None:
        """Open the error dialog (not modal to the app's event loop), unless one is already open."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        dialog = QMessageBox()
        dialog.setIcon(QMessageBox.Icon.Critical)
        dialog.setWindowTitle(tr("Something went wrong"))
        dialog.setText(
            tr("An unexpected error happened; the app keeps running.\n\n{summary}").format(summary=summary)
        )
        dialog.setInformativeText(tr("Details were saved to {path}").format(path=self.log_path))
        dialog.setDetailedText(details)
        dialog.open()
        self.dialog = dialog


class FirstPaintProbe(QObject):
    """Reports the seconds from ``start`` (a ``time.monotonic()`` value) until ``widget`` is first painted.

    Signals:
        sigPainted(seconds): emitted once, right after the paint pass that first painted the widget and
            its children.
    """

    sigPainted = Signal(float)

    def __init__(self, widget: QWidget, start: float) -> None:
        super().__init__(widget)
        self._start = start
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint event, stop watching and report once the paint pass is over."""
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # The children paint in the same pass, after the window itself: report when it is over.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        """Emit the elapsed time."""
        self.sigPainted.emit(time.monotonic() - self._start)
