"""The main window: live tracing while drawing, Clear/Undo, files in and out, shortcuts, errors, start-up."""

from __future__ import annotations

import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from explainer.core import reference_net
from explainer.data import Dataset
from explainer.gui import theme
from explainer.gui.app import (
    ErrorReporter,
    create_window,
    main,
    missing_xcb_packages,
    parse_args,
    window_system_problem,
)
from explainer.gui.mainwindow import MainWindow
from explainer.gui.state import DATA_DIR_KEY, AppState, Settings, load_settings, save_settings

MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "model.npz"
needs_trained_model = pytest.mark.skipif(
    not MODEL_PATH.exists(), reason=f"the trained bundled model {MODEL_PATH} does not exist yet"
)


def stroke(widget, points: list[tuple[float, float]], qtbot) -> None:
    """Draw one stroke with the left button, letting the event loop run between moves like a real user."""
    QTest.mousePress(widget, Qt.LeftButton, Qt.NoModifier, QPoint(*map(round, points[0])))
    for point in points[1:]:
        QTest.mouseMove(widget, QPoint(*map(round, point)))
        QApplication.processEvents()
    QTest.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, QPoint(*map(round, points[-1])))
    qtbot.wait(1)


def line(a: tuple[float, float], b: tuple[float, float], steps: int = 12) -> list[tuple[float, float]]:
    """Points from ``a`` to ``b``."""
    return [(a[0] + (b[0] - a[0]) * t / steps, a[1] + (b[1] - a[1]) * t / steps) for t in range(steps + 1)]


@pytest.fixture
def window(shown) -> MainWindow:
    return shown(create_window(settings=Settings()))


def close_message_boxes(window: MainWindow) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()


def test_the_window_opens_with_every_part(window: MainWindow) -> None:
    for name in ("canvas", "overview", "prediction", "gallery", "input_preview"):
        assert window.findChild(object, name) is not None, name
    clear = window.findChild(QAction, "clear")
    assert clear is not None and clear.shortcuts()
    assert window.current_trace() is None
    assert window.overview.prediction_view().predicted_class() is None


def test_the_overview_shows_every_layer_of_the_model(window: MainWindow) -> None:
    labels = window.overview.column_labels()
    names = [layer.name for layer in window.state.model.layers]
    assert len(labels) == len(names) + 1
    for label, name in zip(labels[1:], names, strict=True):
        assert label.startswith(name)


def test_drawing_updates_the_trace_and_prediction_while_the_button_is_down(window: MainWindow, qtbot) -> None:
    canvas = window.canvas
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 50))
    traces = []
    for y in range(60, 230, 10):
        QTest.mouseMove(canvas, QPoint(140, y))
        QApplication.processEvents()
        traces.append(window.current_trace())
    assert traces[0] is not None, "the first segment already produced a trace"
    assert len({id(t) for t in traces}) > 5, "the trace follows the pen, not only the release"
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 230))
    trace = window.current_trace()
    prediction = window.overview.prediction_view()
    assert prediction.predicted_class() == int(trace.prediction[0])
    np.testing.assert_allclose(prediction.probs(), trace.probs[0], rtol=1e-6)
    assert window.overview.current_trace() is trace
    assert window.input_preview.grab().toImage().pixelColor(56, 56).red() > 100
    assert "ms" in window.timing_label.text()
    assert str(int(trace.prediction[0])) in window.prediction_label.text()


def test_the_trace_is_of_the_preprocessed_canvas(window: MainWindow, qtbot) -> None:
    from explainer import to_mnist

    stroke(window.canvas, line((80, 80), (200, 200)), qtbot)
    trace = window.current_trace()
    np.testing.assert_array_equal(trace.input[0, 0], to_mnist(window.canvas.pixels()))
    np.testing.assert_array_equal(window.state.input, trace.input[0, 0])


def test_clear_resets_everything(window: MainWindow, qtbot) -> None:
    stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
    assert window.current_trace() is not None
    window.findChild(QAction, "clear").trigger()
    qtbot.waitUntil(lambda: window.current_trace() is None)
    assert window.canvas.is_blank()
    assert window.state.input is None
    assert window.overview.prediction_view().predicted_class() is None


def test_undo_restores_the_previous_canvas_and_trace(window: MainWindow, qtbot) -> None:
    stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
    first_pixels = window.canvas.pixels().copy()
    first_input = window.state.input.copy()
    stroke(window.canvas, line((60, 60), (220, 60)), qtbot)
    assert not np.array_equal(window.state.input, first_input)
    window.findChild(QAction, "undo").trigger()
    qtbot.waitUntil(lambda: np.array_equal(window.state.input, first_input))
    np.testing.assert_array_equal(window.canvas.pixels(), first_pixels)


def activate(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_escape_and_c_clear_and_ctrl_z_undoes(window: MainWindow, qtbot) -> None:
    close_message_boxes(window)
    activate(window, qtbot)
    for key in (Qt.Key_Escape, Qt.Key_C):
        stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
        drawn = window.canvas.pixels().copy()
        QTest.keyClick(window.canvas, key)
        qtbot.waitUntil(lambda: window.current_trace() is None)
        assert window.canvas.is_blank()
        QTest.keyClick(window.canvas, Qt.Key_Z, Qt.ControlModifier)
        qtbot.waitUntil(lambda: window.current_trace() is not None)
        np.testing.assert_array_equal(window.canvas.pixels(), drawn)


def write_digit_png(path: Path, black_on_white: bool = False) -> None:
    """A 1-like bar as an 8-bit grayscale PNG (ink bright on dark unless ``black_on_white``)."""
    pixels = np.zeros((64, 48), np.uint8)
    pixels[8:56, 20:28] = 255
    if black_on_white:
        pixels = 255 - pixels
    image = QImage(pixels.data, 48, 64, 48, QImage.Format.Format_Grayscale8).copy()
    assert image.save(str(path))


def test_open_image_loads_the_file_into_the_canvas(window: MainWindow, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "digit.png"
    write_digit_png(path, black_on_white=True)
    assert window.open_image(path)
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert window.canvas.pixels()[140, 140] > 200, "the bar is in the middle of the canvas, as white ink"
    assert window.canvas.pixels()[140, 20] == 0


def test_the_gallery_stops_highlighting_a_sample_once_something_else_is_loaded(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    window.gallery.choose(3)
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert window.gallery.chosen() == 3, "the sample just picked stays highlighted"
    path = tmp_path / "digit.png"
    write_digit_png(path)
    assert window.open_image(path)
    assert window.gallery.chosen() is None
    window.gallery.choose(5)
    assert window.gallery.chosen() == 5
    stroke(window.canvas, line((40, 40), (60, 60)), qtbot)
    assert window.gallery.chosen() is None, "a stroke makes the canvas no longer the sample"


def test_dropping_an_image_file_loads_it(window: MainWindow, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "dropped.png"
    write_digit_png(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(400, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window accepts dragged files"
    drop = QDropEvent(QPointF(400, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert window.canvas.pixels()[140, 140] > 200


def test_a_bad_image_file_shows_a_message_and_keeps_the_canvas(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    close_message_boxes(window)
    stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
    drawn = window.canvas.pixels().copy()
    trace = window.current_trace()
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a png")
    assert not window.open_image(bad)
    qtbot.wait(1)
    np.testing.assert_array_equal(window.canvas.pixels(), drawn)
    assert window.current_trace() is trace
    assert "broken.png" in (window.last_error or "")
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "broken.png" in boxes[-1].text()
    assert "broken.png" in window.statusBar().currentMessage()


def test_export_writes_a_png_atomically(window: MainWindow, tmp_path: Path, qtbot) -> None:
    stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
    written = window.export_view(tmp_path / "view")
    assert written == tmp_path / "view.png"
    image = QImage(str(written))
    assert image.width() == 2 * window.overview.width()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.png"], "no temp file is left behind"
    close_message_boxes(window)
    assert window.export_view(tmp_path / "no" / "such" / "folder.png") is None
    assert "folder.png" in window.last_error


def test_gallery_pick_goes_through_the_canvas(window: MainWindow, qtbot) -> None:
    digit = np.zeros((28, 28), np.uint8)
    digit[4:24, 12:16] = 255
    window.gallery.set_samples(digit[None], np.array([1]))
    window.gallery.choose(0)
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert window.canvas.pixels()[140, 140] == 255
    assert window.canvas.can_undo()


def test_scale_mode_menu_combo_and_overview_stay_in_sync(window: MainWindow) -> None:
    window.findChild(QAction, "scale_global").trigger()
    assert window.overview.current_scale_mode() == "global"
    assert window.scale_combo.currentIndex() == 2
    window.scale_combo.setCurrentIndex(1)
    assert window.overview.current_scale_mode() == "block"
    assert window.findChild(QAction, "scale_block").isChecked()
    assert window.settings().scale_mode == "block"


def test_zoom_scales_the_canvas_and_resets(window: MainWindow) -> None:
    side = window.canvas.width()
    window.findChild(QAction, "zoom_in").trigger()
    assert window.canvas.width() > side
    assert theme.zoom() > 1.0
    assert window.settings().zoom == pytest.approx(theme.zoom())
    window.findChild(QAction, "zoom_reset").trigger()
    assert window.canvas.width() == side and theme.zoom() == 1.0


def test_dark_palette_toggles(window: MainWindow) -> None:
    window.findChild(QAction, "dark").trigger()
    assert theme.current().dark and window.settings().dark
    window.findChild(QAction, "dark").trigger()
    assert not theme.current().dark


def test_shortcuts_dialog_lists_every_shortcut(window: MainWindow) -> None:
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcuts_dialog")
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString() in text, action.objectName()
    dialog.close()


def test_every_action_has_a_tooltip(window: MainWindow) -> None:
    for action in window.findChildren(QAction):
        if action.objectName():
            assert action.toolTip() and action.toolTip() != action.text(), action.objectName()


def test_a_model_file_that_fails_opens_the_window_anyway_and_says_why(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "model.npz"
    bad.write_bytes(b"garbage")
    win = MainWindow(model=bad, settings=Settings())
    qtbot.addWidget(win)
    assert win.state.model is not None
    assert "model.npz" in (win.last_error or "")


def test_an_explicit_model_is_used(qtbot) -> None:
    model = reference_net(np.random.default_rng(3))
    win = MainWindow(model=model, settings=Settings())
    qtbot.addWidget(win)
    assert win.state.model is model and win.last_error is None


def test_error_reporter_logs_shows_a_dialog_and_returns(qtbot, tmp_path: Path) -> None:
    log = tmp_path / "cache" / "errors.log"
    reporter = ErrorReporter(log)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        reporter.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "boom in a slot" in reporter.dialog.text()
    assert "RuntimeError: boom in a slot" in log.read_text()
    assert "Traceback" in reporter.dialog.detailedText()
    reporter.dialog.close()


def test_error_reporter_catches_exceptions_raised_in_qt_callbacks(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer

    def fail() -> None:
        raise ValueError("raised inside the event loop")

    reporter = ErrorReporter(tmp_path / "errors.log")
    reporter.install()  # over pytest-qt's own hook, for this test only
    try:
        QTimer.singleShot(0, fail)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    finally:
        reporter.uninstall()
    assert "raised inside the event loop" in (tmp_path / "errors.log").read_text()
    assert "raised inside the event loop" in reporter.dialog.text()
    reporter.dialog.close()


def test_missing_xcb_libraries_are_named_with_an_apt_get_line() -> None:
    def load(name: str) -> object:
        if name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    assert missing_xcb_packages(load) == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    message = window_system_problem([], {"DISPLAY": ":0"}, load)
    if message is None:
        pytest.skip("the window-system check only runs on Linux")
    assert "apt-get install -y libxcb-cursor0 libxkbcommon-x11-0" in message
    assert window_system_problem([], {"DISPLAY": ":0"}, lambda name: object()) is None
    assert window_system_problem([], {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, load) is None
    assert window_system_problem(["-platform", "vnc"], {"DISPLAY": ":0"}, load) is None
    assert "DISPLAY" in window_system_problem([], {}, load)


def test_main_exits_with_code_1_and_the_message_when_qt_cannot_open_a_window(monkeypatch, capsys) -> None:
    monkeypatch.setattr("explainer.gui.app.window_system_problem", lambda argv: "install libxcb-cursor0")
    assert main(["cnn-explainer"]) == 1
    assert "libxcb-cursor0" in capsys.readouterr().err


def test_command_line_options() -> None:
    args, rest = parse_args(["--model", "m.npz", "--data", "/data/mnist", "-style", "fusion"])
    assert args.model == Path("m.npz") and args.data == Path("/data/mnist")
    assert rest == ["-style", "fusion"]


def test_settings_round_trip_and_survive_damage(tmp_path: Path) -> None:
    path = str(tmp_path / "settings.ini")
    store = QSettings(path, QSettings.Format.IniFormat)
    save_settings(Settings(dark=True, zoom=1.5, brush_size=30, scale_mode="global"), store)
    assert load_settings(QSettings(path, QSettings.Format.IniFormat)) == Settings(
        dark=True, zoom=1.5, brush_size=30, scale_mode="global"
    )
    store.setValue("zoom", "huge")
    store.setValue("scale_mode", "rainbow")
    damaged = load_settings(store)
    assert damaged.zoom == 1.0 and damaged.scale_mode == "layer"


def test_the_chosen_data_folder_is_kept_in_the_settings_and_saved(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue(DATA_DIR_KEY, str(tmp_path))
    settings = load_settings(store)
    assert settings.data_dir == tmp_path
    state = AppState(reference_net(), settings)
    assert state.data.folder() == tmp_path
    state.data.set_folder(tmp_path / "chosen")  # as a panel's Choose button does
    save_settings(state.settings, store)
    assert load_settings(store).data_dir == tmp_path / "chosen"


def test_the_training_and_test_panels_read_the_windows_data_folder(qtbot, tmp_path: Path) -> None:
    win = MainWindow(settings=Settings(data_dir=tmp_path))
    qtbot.addWidget(win)
    training, evaluation = win.show_page("training"), win.show_page("evaluation")
    assert str(tmp_path) in training.data_picker._path.text()
    win.state.data.set_folder(tmp_path / "other")
    assert str(tmp_path / "other") in evaluation.data_picker._path.text()
    assert str(tmp_path / "other") in training.data_picker._path.text()
    assert win.settings().data_dir == tmp_path / "other"


def digit_strokes(name: str) -> list[list[tuple[float, float]]]:
    """Strokes of a hand-drawn digit at realistic positions on the 280x280 canvas."""
    if name == "1":
        return [line((150, 45), (132, 235), 20)]
    if name == "7":
        return [line((75, 60), (205, 55), 14) + line((205, 55), (120, 235), 20)[1:]]
    ring = [
        (140 + 58 * math.sin(2 * math.pi * t / 40), 140 - 88 * math.cos(2 * math.pi * t / 40))
        for t in range(42)
    ]
    return [ring]


@needs_trained_model
@pytest.mark.parametrize("digit", ["1", "7", "0"])
def test_mouse_drawn_digits_are_classified_right(window: MainWindow, qtbot, digit: str) -> None:
    for points in digit_strokes(digit):
        stroke(window.canvas, points, qtbot)
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    trace = window.current_trace()
    assert str(window.state.model.class_names[int(trace.prediction[0])]) == digit, trace.probs[0].round(3)


def test_clicking_the_input_opens_it_large_and_it_follows_the_drawing(window: MainWindow, qtbot) -> None:
    # Layer maps open their layer's explanation (tests/test_gui_integration.py); the input opens large.
    stroke(window.canvas, line((140, 40), (140, 240)), qtbot)
    rect = window.overview.map_rect(-1, 0)
    QTest.mouseClick(window.overview, Qt.LeftButton, Qt.NoModifier, rect.center())
    dialog = window._detail
    assert dialog is not None and dialog.isVisible()
    assert "input" in dialog.title_text()
    before = dialog.summary_text()
    stroke(window.canvas, line((60, 60), (220, 60)), qtbot)
    assert dialog.summary_text() != before
    dialog.close()


SAMPLES_PATH = Path(__file__).resolve().parent.parent / "assets" / "samples.npz"


@pytest.mark.skipif(not SAMPLES_PATH.exists(), reason=f"the sample digits {SAMPLES_PATH} do not exist yet")
def test_the_bundled_samples_fill_the_gallery_and_load(window: MainWindow, qtbot) -> None:
    assert window.gallery.isVisibleTo(window) and window.gallery.count_samples() == 100
    window.gallery.choose(0)
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert not window.canvas.is_blank()


def test_without_sample_digits_the_gallery_is_hidden_not_empty(qtbot, monkeypatch) -> None:
    from explainer.errors import BadInputError

    def missing() -> None:
        raise BadInputError("cannot read sample digits from samples.npz: no such file")

    monkeypatch.setattr(Dataset, "load_samples", lambda self, path=None: missing())
    win = MainWindow(settings=Settings())
    qtbot.addWidget(win)
    win.show()
    assert not win.gallery.isVisible() and not win.gallery_heading.isVisible()
    assert win.canvas.isVisible()


REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("launch", ["main.py", "-m explainer", "cnn-explainer"])
def test_every_launch_path_opens_and_paints_the_window(launch: str, tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    if launch == "cnn-explainer":
        script = shutil.which("cnn-explainer", path=str(Path(sys.executable).parent))
        if script is None:
            pytest.skip("the cnn-explainer script is not installed (pip install -e .)")
        command = [script]
    else:
        command = [sys.executable, *launch.split()]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    result = subprocess.run(
        [*command, "--measure-startup"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "first paint" in result.stdout
