"""An uncaught exception in the GUI shows a dialog with the message, is logged, and the app keeps working.

tests/test_gui_app.py checks ``ErrorReporter`` on its own and with a QTimer callback; these check
it inside the real window: a failing slot in the middle of the live-update chain, and a failure while a
view paints (in a child process, because a painter left open by the exception can crash Python).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explainer.gui.app import ErrorReporter
from explainer.gui.mainwindow import MainWindow
from explainer.gui.state import Settings

REPO = Path(__file__).resolve().parent.parent


def draw(canvas, x: int, qtbot) -> None:
    """A vertical stroke at ``x``, with the event loop running between moves like a real drag."""
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 40))
    for y in range(40, 241, 20):
        QTest.mouseMove(canvas, QPoint(x, y))
        QApplication.processEvents()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 240))
    qtbot.wait(5)


def test_a_failing_slot_in_the_window_shows_a_dialog_logs_and_the_window_keeps_working(
    qtbot, tmp_path: Path
) -> None:
    log = tmp_path / "cache" / "errors.log"
    reporter = ErrorReporter(log)
    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    failures = [RuntimeError("a view could not follow the new trace")]

    def fail_once(_trace: object) -> None:
        if failures:
            raise failures.pop()

    # A slot on the live-update chain (canvas -> state -> views) that fails on the first new trace.
    window.state.sigTraceChanged.connect(fail_once)
    reporter.install()  # over pytest-qt's own hook, for this test only
    try:
        draw(window.canvas, 140, qtbot)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    finally:
        reporter.uninstall()
    assert "a view could not follow the new trace" in reporter.dialog.text()
    assert str(log) in reporter.dialog.informativeText()
    assert "RuntimeError: a view could not follow the new trace" in log.read_text()
    assert "Traceback" in reporter.dialog.detailedText()
    reporter.dialog.close()

    # The app keeps working: the next stroke gives a new trace that reaches the views and the status bar.
    first = window.current_trace()
    assert first is not None and window.overview.current_trace() is first
    draw(window.canvas, 90, qtbot)
    qtbot.waitUntil(lambda: window.current_trace() is not first)
    assert window.overview.current_trace() is window.current_trace()
    assert window.isVisible() and not failures


PAINT_FAILURE = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from explainer.gui import theme
    from explainer.gui.app import ErrorReporter
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

    log = Path(sys.argv[1])
    reporter = ErrorReporter(log)
    reporter.install()
    real_lut_color, failures = theme.lut_color, ["painting the prediction failed"]

    def lut_color(lut, t):
        # Fails once while the prediction view paints (its QPainter is open), as a NaN probability does.
        if failures:
            raise ValueError(failures.pop())
        return real_lut_color(lut, t)

    theme.lut_color = lut_color
    window = MainWindow(settings=Settings())
    window.resize(1440, 880)  # the default window: on offscreen's 800x600 screen the class bars scroll away
    window.show()
    result = {}

    def stroke(x):
        canvas = window.canvas
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 40))
        for y in range(40, 241, 20):
            QTest.mouseMove(canvas, QPoint(x, y))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 240))

    def check_dialog():
        result["dialog"] = reporter.dialog is not None and reporter.dialog.isVisible()
        result["message"] = reporter.dialog.text() if reporter.dialog is not None else ""
        if reporter.dialog is not None:
            reporter.dialog.close()
        result["first"] = window.prediction_label.text()
        stroke(90)

    def finish():
        result["second"] = window.prediction_label.text()
        result["visible"] = window.isVisible()
        window.close()
        app.quit()

    QTimer.singleShot(300, lambda: stroke(140))
    QTimer.singleShot(900, check_dialog)
    QTimer.singleShot(1500, finish)
    result["exec"] = app.exec()
    reporter.uninstall()
    del window
    print(json.dumps(result), flush=True)
    """
)


def test_an_exception_while_a_view_paints_is_reported_and_the_app_exits_cleanly(tmp_path: Path) -> None:
    log = tmp_path / "errors.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    child = subprocess.run(
        [sys.executable, "-c", PAINT_FAILURE, str(log)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    # Reported while the app ran, and the app kept working...
    assert result.get("dialog") and "painting the prediction failed" in result.get("message", ""), (
        child.stderr[-2000:]
    )
    assert "ValueError: painting the prediction failed" in log.read_text()
    assert result["exec"] == 0 and result["visible"] and result["second"] != result["first"]
    # ...and it ends normally, not with a segmentation fault.
    assert child.returncode == 0, f"exit status {child.returncode}: {child.stderr[-1000:]}"
