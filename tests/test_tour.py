"""Learn mode: the tour visits every stop on the bundled model, quotes the trace's numbers, can be left."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import math
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explainer.core import Conv2D, Dense, Flatten, ReLU, Sequential
from explainer.core.passes import learn_step
from explainer.gui.mainwindow import MainWindow
from explainer.gui.state import Settings
from explainer.gui.tour import STOP_KEY, TOUR_LR, TourPanel, install_tour
from explainer.gui.tour.stops import _percent_pair

MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "model.npz"
pytestmark = pytest.mark.skipif(not MODEL_PATH.exists(), reason=f"the bundled model {MODEL_PATH} is missing")

STOP_KEYS = [
    "draw",
    "input",
    "conv",
    "maps",
    "relu",
    "pool",
    "deeper",
    "dense",
    "softmax",
    "loss",
    "backward",
    "update",
    "vae_encode",
    "vae_sample",
    "vae_loss",
]


def drawn_two(size: int = 280) -> np.ndarray:
    """A thick hand-drawn-looking "2" on a canvas-sized image, ink bright on dark.

    Shape:
        returns ``(size, size)`` float32 in [0, 1].
    """
    yy, xx = np.mgrid[0:size, 0:size] / size
    image = np.zeros((size, size), np.float32)
    t = np.linspace(0, 1, 400)
    arc = [(0.38 - 0.17 * np.cos(np.pi * s), 0.3 - 0.14 * np.sin(np.pi * s)) for s in t]
    diagonal = [(0.55 - 0.3 * s, 0.3 + 0.42 * s) for s in t]
    base = [(0.25 + 0.5 * s, 0.72) for s in t]
    for x, y in arc + diagonal + base:
        image[(xx - x) ** 2 + (yy - y) ** 2 < 0.035**2] = 1.0
    return image


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = MainWindow(settings=Settings())
    qtbot.addWidget(win)
    # The default window on a common screen: offscreen's 800x600 screen is too small for every column,
    # so the overview would scroll and a stop could light columns out of sight.
    win.resize(1440, 880)
    win.show()
    qtbot.waitExposed(win)
    return win


def tour_of(window: MainWindow) -> TourPanel:
    """The tour the window installed itself, else one installed here."""
    return window.findChild(TourPanel) or install_tour(window)


@pytest.fixture
def panel(window) -> TourPanel:
    tour = tour_of(window)
    yield tour
    tour.leave()


def draw(window: MainWindow, qtbot, image: np.ndarray) -> None:
    """Put ``image`` into the canvas through its public API and wait for the window's trace."""
    window.canvas.set_image(image)
    qtbot.waitUntil(lambda: window.current_trace() is not None)


def stop_position(panel: TourPanel, key: str) -> int:
    return [stop.key for stop in panel.controller.stops()].index(key)


def test_tour_visits_every_stop_on_a_drawn_digit(window, panel, qtbot) -> None:
    draw(window, qtbot, drawn_two())
    drawn_input = window.state.input.copy()
    panel.start(resume=False)
    controller = panel.controller
    dock = panel.parentWidget()
    assert panel.objectName() == "tour" and dock.isVisible()
    assert [stop.key for stop in controller.stops()] == STOP_KEYS
    assert not controller.problem().from_sample, "a drawn digit must be used as it is"
    expected_views = {
        "input": "MapDetailDialog",
        "conv": "ConvView",
        "maps": "MapDetailDialog",
        "relu": "ReLUView",
        "pool": "PoolView",
        "deeper": "ConvView",
        "dense": "SoftmaxView",
        "softmax": "SoftmaxView",
        "loss": "StepperView",
        "backward": "DenseBackwardView",
        "update": "LearnView",
        "vae_encode": "GenerativeView",
        "vae_sample": "GenerativeView",
        "vae_loss": "GenerativeView",
    }
    area = window.rect()
    for index, key in enumerate(STOP_KEYS):
        assert controller.index() == index
        assert panel.progress.text() == f"Stop {index + 1} of {len(STOP_KEYS)}"
        stop = controller.current()
        question = controller.question()
        if question is not None:
            # Predict, then reveal: the narration gives the answer away, so it waits for one.
            assert panel.narration.text() != stop.text and panel.quiz_box.isVisible()
            panel.choose(question.answer)
            QTest.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
        assert stop.key == key and panel.narration.text() == stop.text and panel.heading.text() == stop.title
        sentences = len(re.findall(r"[.?!](\s|$)", stop.text))
        assert 2 <= sentences <= 5, f"stop {key}: {sentences} sentences"
        regions = controller.spotlight.regions()
        assert controller.spotlight.isVisible() and regions, f"stop {key} lights nothing"
        assert all(area.contains(rect.center()) for rect in regions)
        view = controller.detail_view()
        assert (type(view).__name__ if view is not None else None) == expected_views.get(key)
        if view is not None:
            assert controller.view_window.isVisible()
        gradient = key == "backward"
        assert window.overview.current_quantity() == ("gradient" if gradient else "activation")
        assert (window.state.target is not None) == gradient
        QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert not controller.is_active() and not dock.isVisible() and not controller.spotlight.isVisible()
    assert controller.detail_view() is None and not controller.view_window.isVisible()
    assert window.state.target is None and window.overview.current_quantity() == "activation"
    assert np.array_equal(window.state.input, drawn_input), "the tour must not change the drawing"
    assert controller.saved_index() == 0, "a finished tour starts from the beginning next time"


def test_forward_stops_show_the_forward_maps_even_when_the_window_was_in_backward_mode(
    window, panel, qtbot
) -> None:
    draw(window, qtbot, drawn_two())
    window.set_mode("backward")
    saved = window.state.target
    assert window.overview.current_quantity() == "gradient"
    panel.start(resume=False)
    controller = panel.controller
    for stop in controller.stops():
        controller.go(stop_position(panel, stop.key))
        gradient = stop.key == "backward"
        assert window.overview.current_quantity() == ("gradient" if gradient else "activation"), stop.key
        assert window.mode() == ("backward" if gradient else "forward"), stop.key
    controller.leave()
    assert window.mode() == "backward" and window.state.target == saved
    assert window.overview.current_quantity() == "gradient"


def numbers_in(text: str) -> set[str]:
    """Every number written in ``text`` (true minus signs, decimals, percentages, ×10ⁿ and e-notation)."""
    return set(re.findall(r"−?\d+(?:\.\d+)?(?:e[−+]\d+|×10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?%?", text))


def test_a_step_on_a_confident_digit_is_not_narrated_as_no_change() -> None:
    before, after = _percent_pair(0.99982606, 0.9998396)  # the bundled model on a gallery 0, lr 0.05
    assert (before.text, after.text) == ("99.983%", "99.984%")
    assert [n.text for n in _percent_pair(0.5, 0.7)] == ["50.0%", "70.0%"]
    assert [n.text for n in _percent_pair(0.25, 0.25)] == ["25.0%", "25.0%"]


def test_narration_numbers_equal_the_trace(window, panel, qtbot) -> None:
    draw(window, qtbot, drawn_two())
    panel.start(resume=False)
    problem = panel.controller.problem()
    trace, model, label = problem.trace, problem.model, problem.label
    shown = window.current_trace()
    # The tour's trace carries gradients, but its forward numbers are the window's exactly.
    for mine, theirs in zip(trace.layers, shown.layers, strict=True):
        assert np.array_equal(mine.output, theirs.output)
    assert np.array_equal(trace.probs, shown.probs)
    stops = {stop.key: stop for stop in panel.controller.stops()}
    for stop in stops.values():
        written = numbers_in(stop.text)
        for name, number in stop.numbers.items():
            assert number.text in written, f"{stop.key}: {name} = {number.text} not in {stop.text!r}"
    close = {"rel": 1e-6, "abs": 1e-6}

    def value(key: str, name: str) -> float:
        return stops[key].numbers[name].value

    for key in ("conv", "deeper"):
        detail = stops[key].detail
        record = trace.layers[detail.layer_index]
        row, col = divmod(detail.step, record.output.shape[3])
        padded = np.pad(record.input[0].astype(np.float64), ((0, 0), (1, 1), (1, 1)))
        k = record.params["W"].shape[-1]
        window_sum = float(
            (padded[:, row : row + k, col : col + k] * record.params["W"][detail.channel]).sum()
        )
        assert value(key, "s") == pytest.approx(window_sum, rel=1e-4, abs=1e-4)
        assert value(key, "b") == float(record.params["b"][detail.channel])
        assert value(key, "v") == float(record.output[0, detail.channel, row, col])
        assert value(key, "s") + value(key, "b") == pytest.approx(value(key, "v"), abs=1e-4)
        assert value(key, "v") == float(record.output[0].max()), "the strongest response is explained"
    conv = trace.layers[stops["maps"].maps[0][0]].output[0, stops["maps"].maps[0][1]]
    assert (value("maps", "low"), value("maps", "high")) == (float(conv.min()), float(conv.max()))
    relu = stops["relu"].detail
    record = trace.layers[relu.layer_index]
    row, col = divmod(relu.step, record.input.shape[3])
    assert value("relu", "x") == float(record.input[0, relu.channel, row, col]) < 0
    assert value("relu", "y") == float(record.output[0, relu.channel, row, col]) == 0.0
    assert value("relu", "neg") == int((record.input < 0).sum())
    pool = stops["pool"].detail
    record = trace.layers[pool.layer_index]
    row, col = divmod(pool.step, record.output.shape[3])
    window_values = [number.value for name, number in stops["pool"].numbers.items() if name.startswith("w")]
    assert (
        window_values
        == record.input[0, pool.channel, 2 * row : 2 * row + 2, 2 * col : 2 * col + 2].ravel().tolist()
    )
    assert value("pool", "v") == float(record.output[0, pool.channel, row, col]) == max(window_values)
    k = int(trace.prediction[0])
    assert value("dense", "z") == float(trace.logits[0, k])
    assert value("softmax", "p") == float(trace.probs[0, k])
    assert value("softmax", "e") / value("softmax", "total") == pytest.approx(value("softmax", "p"), rel=1e-5)
    # p is float32: near 1 its spacing (6e-8) bounds how well -log p can match the float64 loss.
    assert (
        value("loss", "L")
        == float(trace.loss)
        == pytest.approx(-math.log(value("loss", "p")), rel=1e-4, abs=1e-7)
    )
    assert value("loss", "p") == float(trace.probs[0, label])
    assert value("backward", "d") == float(trace.layers[-1].grad_output[0, label])
    assert value("backward", "d") == pytest.approx(value("backward", "p") - 1, **close)
    assert abs(value("backward", "g")) == float(np.abs(trace.input_grad).max())
    result = learn_step(model, problem.x.reshape(1, 1, 28, 28), label, TOUR_LR)
    assert value("update", "before") == result.loss_before == float(trace.loss)
    assert value("update", "after") == result.loss_after
    assert value("update", "pa") == float(result.probs_after[label])
    assert value("update", "lr") == TOUR_LR


def test_the_tour_follows_a_new_drawing_and_label(window, panel, qtbot) -> None:
    draw(window, qtbot, drawn_two())
    panel.start(resume=False)
    controller = panel.controller
    controller.go(stop_position(panel, "conv"))
    before = controller.current().numbers["v"].value
    shifted = np.roll(drawn_two(), 40, axis=1)
    window.canvas.set_image(np.maximum(shifted, drawn_two()[::-1]))
    qtbot.waitUntil(lambda: controller.current().numbers["v"].value != before, timeout=3000)
    assert controller.current().key == "conv", "the tour stays at its stop"
    record = window.current_trace().layers[controller.current().detail.layer_index]
    assert controller.current().numbers["v"].value == float(record.output[0].max())
    other = (controller.problem().label + 1) % 10
    controller.go(stop_position(panel, "loss"))
    panel.label_box.activated.emit(other)
    assert controller.problem().label == other and panel.label_box.currentIndex() == other
    x = window.state.input.reshape(1, 1, 28, 28)
    assert controller.current().numbers["L"].value == float(window.state.model.trace(x, [other]).loss)


def test_keys_leave_and_resume(window, panel, settings, qtbot) -> None:
    draw(window, qtbot, drawn_two())
    panel.start(resume=False)
    controller = panel.controller
    for key, expected in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_Right, 3)):
        QTest.keyClick(panel, key)
        assert controller.index() == expected
    QTest.keyClick(panel, Qt.Key.Key_Left)
    QTest.keyClick(panel, Qt.Key.Key_PageUp)
    assert controller.index() == 1
    panel.next_button.setFocus()
    QTest.keyClick(panel.next_button, Qt.Key.Key_Right)
    assert controller.index() == 2, "the keys work while a button of the panel has the focus"
    controller.go(4)
    QTest.keyClick(panel.next_button, Qt.Key.Key_Escape)
    assert not controller.is_active() and not panel.parentWidget().isVisible()
    assert not window.canvas.is_blank(), "Esc in the tour leaves it; it must not clear the canvas"
    assert settings.value(STOP_KEY, type=int) == 4
    panel.action.trigger()  # the menu and toolbar entry
    assert controller.is_active() and controller.index() == 4, "the tour resumes where it was left"
    assert panel.parentWidget().isVisible()
    QTest.mouseClick(panel.restart_button, Qt.MouseButton.LeftButton)
    assert controller.index() == 0
    panel.parentWidget().close()
    assert not controller.is_active()


def test_blank_canvas_gets_a_sample_digit(window, panel) -> None:
    assert window.current_trace() is None
    window.show_page("playground")
    panel.start(resume=False)
    assert window.overview.isVisible() and panel.controller.spotlight.regions(), "the tour shows the overview"
    problem = panel.controller.problem()
    assert problem.from_sample and window.state.input is not None and not window.canvas.is_blank()
    assert np.array_equal(problem.x, window.state.input)
    assert panel.controller.current().key == "draw"
    assert window.state.model.class_names[problem.label] in panel.narration.text()


def test_a_model_without_pooling_gets_the_stops_it_has(qtbot, settings) -> None:
    rng = np.random.default_rng(1)
    model = Sequential(
        [Conv2D(1, 4, 3, padding=1, rng=rng), ReLU(), Flatten(), Dense(4 * 28 * 28, 10, rng=rng)]
    )
    win = MainWindow(model=model, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    tour = tour_of(win)
    draw(win, qtbot, drawn_two())
    tour.start(resume=False)
    keys = [stop.key for stop in tour.controller.stops()]
    assert keys == [
        *("draw", "input", "conv", "maps", "relu", "dense", "softmax", "loss", "backward", "update"),
        *("vae_encode", "vae_sample", "vae_loss"),
    ]
    for index in range(len(keys)):
        tour.controller.go(index)
        assert tour.progress.text() == f"Stop {index + 1} of {len(keys)}"
    tour.leave()
