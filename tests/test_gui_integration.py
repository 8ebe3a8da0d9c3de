"""The views wired into the main window: layer explanations, Backward mode, pages, models, languages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from explainer.core import reference_net
from explainer.errors import BadInputError
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages import PAGES
from explainer.gui.pages.base import PageSpec, page_alone
from explainer.gui.state import AppState, Target, same_architecture
from explainer.gui.workspace import Page


def has_module(name: str) -> bool:
    """True when ``name`` can be imported (views still being written may be missing)."""
    return importlib.util.find_spec(name) is not None


def stroke(widget, points: list[tuple[float, float]]) -> None:
    """Draw one stroke with the left button, running the event loop between moves like a real user."""
    QTest.mousePress(widget, Qt.LeftButton, Qt.NoModifier, QPoint(*map(round, points[0])))
    for point in points[1:]:
        QTest.mouseMove(widget, QPoint(*map(round, point)))
        QApplication.processEvents()
    QTest.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, QPoint(*map(round, points[-1])))
    QApplication.processEvents()


def line(a: tuple[float, float], b: tuple[float, float], steps: int = 10) -> list[tuple[float, float]]:
    """Points from ``a`` to ``b``."""
    return [(a[0] + (b[0] - a[0]) * t / steps, a[1] + (b[1] - a[1]) * t / steps) for t in range(steps + 1)]


def draw_a_one(window: MainWindow) -> None:
    stroke(window.canvas, line((140, 40), (140, 240)))
    assert window.current_trace() is not None


def click_map(window: MainWindow, layer: int, channel: int) -> None:
    rect = window.overview.map_rect(layer, channel)
    QTest.mouseClick(window.overview, Qt.LeftButton, Qt.NoModifier, rect.center())


@pytest.fixture
def window(shown, tmp_path: Path) -> MainWindow:
    # A model of our own keeps these tests independent of the bundled model's training.
    return shown(MainWindow(model=reference_net(np.random.default_rng(1))))


needs_details = pytest.mark.skipif(
    not has_module("explainer.gui.layers.registry"), reason="the forward explanation views do not exist yet"
)
needs_backward = pytest.mark.skipif(
    not has_module("explainer.gui.layers.registry"), reason="the backward views do not exist yet"
)


@needs_details
def test_clicking_a_conv_map_explains_it_in_place_and_it_follows_a_new_stroke(
    window: MainWindow, qtbot
) -> None:
    draw_a_one(window)
    click_map(window, 0, 3)
    view = window.detail_view()
    assert view is not None and view.objectName() == "conv_view" and view.isVisible()
    assert not window.overview.isVisible(), "the explanation takes the overview's place"
    assert "conv1" in window.detail_panel.heading.text()
    before = view.data().output.copy()
    np.testing.assert_array_equal(before, window.current_trace().layers[0].output[0, 3])
    stroke(window.canvas, line((60, 60), (220, 60)))
    # The explanation redraws at most every FOLLOW_INTERVAL_MS; the last trace always arrives.
    expected = window.current_trace().layers[0].output[0, 3]
    qtbot.waitUntil(lambda: np.array_equal(view.data().output, expected), timeout=2000)
    assert not np.array_equal(before, expected)
    window.findChild(QAction, "back_to_overview").trigger()
    assert window.detail_view() is None and window.overview.isVisible()


@needs_details
def test_every_layer_kind_opens_its_forward_view(window: MainWindow) -> None:
    draw_a_one(window)
    names = {"conv2d": "conv_view", "relu": "relu_view", "maxpool2d": "pool_view", "dense": "softmax_view"}
    kinds = [record.kind for record in window.current_trace().layers]
    for kind, name in names.items():
        click_map(window, kinds.index(kind), 0)
        assert window.detail_view().objectName() == name
        window.show_overview()


@needs_details
@needs_backward
def test_clicking_the_softmax_column_explains_softmax_forward_and_backward(window: MainWindow) -> None:
    draw_a_one(window)
    bars = window.overview.prediction_view()
    QTest.mouseClick(bars, Qt.LeftButton, Qt.NoModifier, bars.rows()[3].center().toPoint())
    view = window.detail_view()
    assert view is not None and view.objectName() == "softmax_view" and view.chosen_class() == 3
    window.show_overview()
    window.findChild(QAction, "backward_mode").trigger()
    title = window.overview.prediction_title_rect().center().toPoint()
    QTest.mouseClick(window.overview, Qt.LeftButton, Qt.NoModifier, title)
    view = window.detail_view()
    assert view is not None and view.objectName() == "backward_dense"
    assert view.channel() == int(window.current_trace().prediction[0])


@needs_details
def test_a_relu_map_relu_leaves_alone_opens_the_map_it_zeroes_most_and_keeps_it(qtbot) -> None:
    model = reference_net(np.random.default_rng(1))
    model.layers[0].params["b"][0] = 50.0  # conv1's map 0 is all positive: ReLU changes nothing there
    window = MainWindow(model=model)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    draw_a_one(window)
    click_map(window, 1, 0)
    view = window.detail_view()
    zeroed = (window.current_trace().layers[1].input[0] <= 0).sum(axis=(1, 2))
    assert view.objectName() == "relu_view" and view.channel() == int(np.argmax(zeroed)) != 0
    stroke(window.canvas, line((60, 60), (220, 60)))
    expected = window.current_trace().layers[1].input[0, view.channel()]
    qtbot.waitUntil(lambda: np.array_equal(view.data().x, expected), timeout=2000)
    window.close()


@needs_details
def test_the_open_explanation_has_the_player_keys(window: MainWindow, qtbot) -> None:
    draw_a_one(window)
    click_map(window, 0, 0)
    view = window.detail_view()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    stroke(window.canvas, line((100, 100), (120, 120)))
    assert view.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is view
    view.player.home()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Right)
    assert view.player.step() == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_End)
    assert view.player.step() == view.player.count() - 1


def test_backward_mode_traces_with_gradients_and_the_overview_shows_them(window: MainWindow) -> None:
    draw_a_one(window)
    assert not window.current_trace().has_gradients, "Forward mode traces without gradients"
    window.findChild(QAction, "backward_mode").trigger()
    trace = window.current_trace()
    assert window.mode() == "backward" and trace.has_gradients
    assert window.overview.current_quantity() == "gradient"
    predicted = int(trace.prediction[0])
    assert int(trace.target[0]) == predicted, "the default true label is the predicted class"
    assert trace.loss is not None and window.loss_label.text()
    stroke(window.canvas, line((60, 60), (220, 60)))
    assert window.current_trace() is not trace and window.current_trace().has_gradients
    window.findChild(QAction, "forward_mode").trigger()
    assert not window.current_trace().has_gradients
    assert window.overview.current_quantity() == "activation" and not window.loss_label.text()


def test_the_chosen_target_changes_the_loss_and_explaining_a_class_has_none(window: MainWindow) -> None:
    draw_a_one(window)
    window.set_mode("backward")
    predicted = int(window.current_trace().prediction[0])
    other = (predicted + 1) % 10
    loss_predicted = window.current_trace().loss
    window.target_bar.class_combo.setCurrentIndex(other + 1)
    trace = window.current_trace()
    assert int(trace.target[0]) == other and trace.loss > loss_predicted
    assert str(other) in window.loss_label.text()
    window.set_target(Target("class", 4))
    trace = window.current_trace()
    assert trace.loss is None and np.array_equal(trace.target[0], np.eye(10, dtype=np.float32)[4])
    np.testing.assert_allclose(trace.layers[-1].grad_output[0], np.eye(10)[4], atol=1e-6)
    assert window.target_bar.kind_combo.currentIndex() == 1


def test_the_target_rule_follows_the_prediction() -> None:
    model = reference_net(np.random.default_rng(2))
    batch = np.random.default_rng(0).random((1, 1, 28, 28)).astype(np.float32)
    predicted = int(model.predict_proba(batch)[0].argmax())
    assert Target("label").resolve(model, batch).tolist() == [predicted]
    assert Target("label", 3).resolve(model, batch).tolist() == [3]
    assert Target("label", 99).resolve(model, batch).tolist() == [predicted], "out of range: predicted"
    assert Target("class", 2).resolve(model, batch).argmax() == 2


@needs_backward
def test_in_backward_mode_a_click_opens_the_backward_view_it_follows_and_forward_switches_back(
    window: MainWindow, qtbot
) -> None:
    draw_a_one(window)
    window.set_mode("backward")
    click_map(window, 0, 2)
    view = window.detail_view()
    assert view is not None and view.objectName() == "backward_conv"
    assert "conv1" in window.detail_panel.heading.text()
    before = window.current_trace()
    stroke(window.canvas, line((60, 60), (220, 60)))
    assert window.current_trace() is not before
    if hasattr(view, "set_trace"):
        qtbot.waitUntil(lambda: view.trace is window.current_trace(), timeout=2000)
        assert window.detail_view() is view
    window.set_mode("forward")
    if has_module("explainer.gui.layers.registry"):
        assert window.detail_view().objectName() == "conv_view"


def test_a_new_architecture_lays_the_overview_out_again_but_a_snapshot_does_not(
    window: MainWindow, monkeypatch
) -> None:
    draw_a_one(window)
    calls = []
    original = window.overview.set_model
    monkeypatch.setattr(window.overview, "set_model", lambda model: (calls.append(model), original(model)))
    snapshot = window.state.model.copy()
    snapshot.layers[0].params["W"][...] *= 2
    window.state.set_model(snapshot)
    assert calls == []
    traced = window.current_trace().layers[0].params["W"]
    np.testing.assert_array_equal(traced, snapshot.layers[0].params["W"])
    from explainer.core import Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential

    small = Sequential([Conv2D(1, 4, 3, padding=1), ReLU(), MaxPool2D(2), Flatten(), Dense(4 * 14 * 14, 10)])
    assert not same_architecture(small, snapshot)
    window.state.set_model(small)
    assert calls == [small]
    assert len(window.overview.column_labels()) == len(small.layers) + 1


def test_opening_a_model_file_uses_it_and_a_bad_file_keeps_the_old_model(
    window: MainWindow, tmp_path: Path
) -> None:
    from explainer.modelio import save_model

    draw_a_one(window)
    other = reference_net(np.random.default_rng(7))
    path = tmp_path / "other.npz"
    save_model(other, path)
    assert window.open_model(path)
    np.testing.assert_array_equal(window.state.model.layers[0].params["W"], other.layers[0].params["W"])
    trace = window.current_trace()
    np.testing.assert_allclose(trace.probs, other.predict_proba(trace.input), rtol=1e-5)
    kept = window.state.model
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"not a model at all")
    assert not window.open_model(bad)
    assert window.state.model is kept
    assert "broken.npz" in (window.last_error or "")
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "broken.npz" in boxes[-1].text()
    for box in boxes:
        box.close()
    saved = tmp_path / "saved.npz"
    assert window.save_model(saved) and saved.exists()


def test_pages_are_built_only_when_shown_and_a_missing_view_fails_loudly(qtbot) -> None:
    spec = PageSpec(
        "nothing", "explainer.gui.pages.no_such_view", "NoView", lambda: "x", lambda: "y", "learn", "", print
    )
    page = Page(spec)
    qtbot.addWidget(page)
    assert page.view() is None
    with pytest.raises(ModuleNotFoundError, match="no_such_view"):
        page.ensure()


@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_declared_page_runs_alone(qtbot, spec) -> None:
    view_class = getattr(importlib.import_module(spec.module), spec.factory)
    view = page_alone(view_class)  # what python -m <page module> shows
    qtbot.addWidget(view)
    assert view.objectName() == spec.key


def test_every_declared_page_has_a_tab_a_menu_entry_and_a_view_class(window: MainWindow) -> None:
    for spec in PAGES:
        assert has_module(spec.module), spec.key
        page = window.findChild(Page, f"page_{spec.key}")
        assert page is not None, spec.key
        # A lesson is a tab of the Lessons tab; the others are main tabs.
        tabs = window.lesson_tabs if spec.menu == "lessons" else window.tabs
        assert tabs.indexOf(page) >= 0 and window.tabs.indexOf(page) != 0, spec.key
        action = window.findChild(QAction, f"show_{spec.key}")
        assert action is not None and action.text(), spec.key
        menus = {"learn": window.learn_menu, "lessons": window.lessons_menu, "model": window.model_menu}
        assert action in menus[spec.menu].actions()
        assert action.shortcut().toString() == spec.shortcut
        assert page.view() is None, "built on first show only"


def test_a_lesson_opens_inside_the_one_lessons_tab(window: MainWindow) -> None:
    lessons = [spec.key for spec in PAGES if spec.menu == "lessons"]
    assert len(lessons) >= 2
    assert window.tabs.count() == 1 + len(PAGES) - len(lessons) + 1, "one main tab holds every lesson"
    for key in lessons[:2]:
        window.findChild(QAction, f"show_{key}").trigger()
        page = window.findChild(Page, f"page_{key}")
        assert window.tabs.currentWidget() is window.lesson_tabs
        assert window.lesson_tabs.currentWidget() is page and window.current_page() is page
        assert page.view() is not None, "built when shown"
    window.show_page("network")
    assert window.current_page() is None
    window.lesson_tabs.setCurrentIndex(0)  # a click on another lesson's inner tab
    window.tabs.setCurrentWidget(window.lesson_tabs)
    assert window.current_page().spec.key == lessons[0]


def test_the_playground_is_reachable_from_the_learn_menu(window: MainWindow) -> None:
    action = window.findChild(QAction, "show_playground")
    assert action in window.learn_menu.actions()
    action.trigger()
    view = window.page_view("playground")
    assert view is not None and view.objectName() == "playground" and view.isVisible()


def test_a_learn_step_changes_the_model_everywhere_and_undo_restores_it(window: MainWindow, qtbot) -> None:
    draw_a_one(window)
    original = window.state.model
    weights = original.layers[0].params["W"].copy()
    view = window.show_page("learn")
    assert view is not None and view.objectName() == "learn"
    result = view.apply_step()
    assert result is not None
    assert window.state.model is view.model() and window.state.model is not original
    assert not np.array_equal(window.current_trace().layers[0].params["W"], weights)
    qtbot.wait(300)  # the page syncs with the state's new model and trace
    assert view.result is result, "the state's echo of the new model keeps the before/after display"
    assert view.label_box.currentIndex() == result.label  # not reset to the new prediction
    view.undo()
    assert window.state.model is original
    np.testing.assert_array_equal(window.current_trace().layers[0].params["W"], weights)


def test_a_digit_opened_from_the_test_set_goes_into_the_canvas_with_its_label(window: MainWindow) -> None:
    window.set_mode("backward")
    digit = np.zeros((28, 28), np.float32)
    digit[4:24, 12:16] = 1.0
    window.show_page("evaluation").sigOpenDigit.emit(digit, 7)
    QApplication.processEvents()
    assert window.tabs.currentIndex() == 0 and not window.canvas.is_blank()
    assert int(window.current_trace().target[0]) == 7


def test_a_page_on_screen_catches_up_once_the_strokes_pause(window: MainWindow, qtbot) -> None:
    view = window.show_page("stepper")
    assert view.steps() == []
    draw_a_one(window)
    qtbot.waitUntil(lambda: view.steps() != [], timeout=3000)


def test_the_language_menu_switches_the_window_and_is_remembered(window: MainWindow, qtbot, tmp_path) -> None:
    from explainer.gui import i18n

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    english = window.file_menu.title()
    stroke(window.canvas, line((140, 40), (140, 240)))
    qtbot.waitUntil(lambda: window.timing_label.text().startswith("update "))
    try:
        i18n.set_language(QApplication.instance(), "zh_CN", store)
        if i18n.tr("&File") == "&File":
            pytest.skip("the Chinese catalogue does not translate the menus yet")
        qtbot.waitUntil(lambda: window.file_menu.title() != english)
        assert store.value(i18n.SETTINGS_KEY) == "zh_CN"
        assert window.timing_label.text().startswith("更新 ")  # not left in English until the next stroke
    finally:
        i18n.set_language(QApplication.instance(), "en", store)
    qtbot.waitUntil(lambda: window.file_menu.title() == english)
    assert window.findChild(QAction, "language_zh_CN").text() == "简体中文"


def test_state_signals_the_target_before_the_new_trace(qtbot) -> None:
    state = AppState(reference_net(np.random.default_rng(3)))
    state.set_input(np.random.default_rng(0).random((28, 28)).astype(np.float32))
    order = []
    state.sigTargetChanged.connect(lambda target: order.append(("target", target)))
    state.sigTraceChanged.connect(lambda trace: order.append(("trace", trace.has_gradients)))
    state.set_target(Target("label", 2))
    assert order == [("target", Target("label", 2)), ("trace", True)]
    assert int(state.trace.target[0]) == 2


def test_state_refuses_an_input_of_the_wrong_shape_and_keeps_the_current_one(qtbot) -> None:
    state = AppState(reference_net(np.random.default_rng(3)))
    digit = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    state.set_input(digit)
    trace = state.trace
    with pytest.raises(BadInputError, match=r"one 28x28 image, got an array of shape \(1, 1, 28, 28\)"):
        state.set_input(digit[None, None])
    np.testing.assert_array_equal(state.input, digit)
    assert state.trace is trace


def gallery_digit(window: MainWindow, label: int) -> None:
    """Put a labelled vertical bar on the canvas through the gallery, as a user's click does."""
    digit = np.zeros((28, 28), np.uint8)
    digit[4:24, 12:16] = 255
    window.gallery.set_samples(digit[None], np.array([label]))
    window.gallery.choose(0)


def test_one_target_resets_on_each_new_input_to_its_label_or_the_prediction(window: MainWindow) -> None:
    window.set_mode("backward")
    gallery_digit(window, 3)
    state = window.state
    assert state.chosen_target == Target("label", 3) and int(window.current_trace().target[0]) == 3
    assert window.target_bar.target() == Target("label", 3)
    assert "for the true label 3" in window.loss_label.text()
    window.target_bar.class_combo.setCurrentIndex(5 + 1)  # the user picks another label for this digit
    assert state.chosen_target == Target("label", 5) and int(window.current_trace().target[0]) == 5
    stroke(window.canvas, line((60, 60), (220, 60)))  # a new drawing: no known label
    trace = window.current_trace()
    predicted = int(trace.prediction[0])
    assert state.chosen_target == Target("label", None) and window.target_bar.target() == Target("label")
    assert int(trace.target[0]) == predicted
    text = window.loss_label.text()
    assert "true label" not in text and f"for the target {predicted} (the predicted class)" in text
    gallery_digit(window, 3)  # the same digit again: its label again, not the 5 picked before
    assert state.chosen_target == Target("label", 3)


def test_the_pages_read_the_one_target_in_forward_mode_too(window: MainWindow, qtbot) -> None:
    gallery_digit(window, 4)
    assert window.mode() == "forward" and window.state.label == 4
    view = window.show_page("learn")
    assert view.label_box.currentIndex() == 4, "the Learn tab takes the gallery label"
    view.label_box.activated.emit(6)  # the user says it is a 6 in the Learn tab
    assert window.state.chosen_target == Target("label", 6)
    window.set_mode("backward")
    assert int(window.current_trace().target[0]) == 6


def test_a_learn_step_shows_the_model_changed_until_undo_and_restore_brings_the_bundled_model(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    import explainer

    draw_a_one(window)
    original = window.state.model
    view = window.show_page("learn")
    assert not window.model_changed.isVisibleTo(window)
    view.apply_step()
    assert window.model_changed.isVisibleTo(window) and window.state.model is view.model()
    window.model_changed_undo.click()
    assert window.state.model is original and not window.model_changed.isVisibleTo(window)
    view.apply_step()
    bundled = reference_net(np.random.default_rng(5))
    monkeypatch.setattr(explainer, "load_model", lambda path=None: bundled)
    action = window.findChild(QAction, "restore_bundled_model")
    assert action in window.model_menu.actions()
    action.trigger()
    assert window.state.model is bundled and not window.model_changed.isVisibleTo(window)
