"""The explanation views (conv, activation, pooling, softmax, playground) on real traces, offscreen.

Every number a view shows is checked against the trace the core computed, at every animation step.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from explainer.core import Trace, reference_net
from explainer.core.ops import output_size
from explainer.gui import theme
from explainer.gui.kit.animation import StepPlayer, image_rgb
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.layers.activation import ReLUView
from explainer.gui.layers.conv import ConvView
from explainer.gui.layers.dense.forward import SoftmaxView, formula_lines
from explainer.gui.layers.pool import PoolView
from explainer.gui.layers.registry import make_detail_view
from explainer.gui.pages.playground import Playground

MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "model.npz"

OBJECT_NAMES = {
    "conv2d": "conv_view",
    "relu": "relu_view",
    "maxpool2d": "pool_view",
    "flatten": "softmax_view",
    "dense": "softmax_view",
}


@pytest.fixture(scope="module")
def trace() -> Trace:
    """The reference network (fixed random weights) on a hand-made 7."""
    return reference_net(np.random.default_rng(0)).trace(synthetic_digit().reshape(1, 1, 28, 28))


def hover(widget: QWidget, point: QPointF) -> None:
    """Send a mouse move (no button) to ``widget`` at ``point``."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        widget.mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def shown(qtbot, view: QWidget) -> QWidget:
    """Register, size and show ``view`` as the active window with focus, and paint it once.

    Paint errors fail the test (pytest-qt captures exceptions raised in Qt's virtual methods).
    """
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.isActiveWindow)
    view.grab()
    return view


def shown_at(qtbot, view: QWidget, trace: Trace, layer_index: int, channel: int) -> QWidget:
    """:func:`shown` ``view``, then set to map ``channel`` of layer ``layer_index`` of ``trace``."""
    shown(qtbot, view).set_trace(trace, layer_index, channel)
    return view


# ---- every layer gets the right view ----


@pytest.mark.parametrize("layer_index", range(12))
def test_every_layer_opens_its_view(qtbot, trace: Trace, layer_index: int) -> None:
    view = shown(qtbot, make_detail_view(trace, layer_index, 1))
    assert view.objectName() == OBJECT_NAMES[trace.layers[layer_index].kind]
    assert view.player.count() > 0


def test_every_layer_of_the_bundled_model_opens(qtbot) -> None:
    if not MODEL_PATH.exists():
        pytest.skip(f"no bundled model at {MODEL_PATH}")
    import explainer

    model = explainer.load_model()
    bundled = model.trace(synthetic_digit().reshape(1, 1, 28, 28))
    for index, record in enumerate(bundled.layers):
        view = make_detail_view(bundled, index)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        assert view.grab().width() > 0
        assert view.objectName() == OBJECT_NAMES.get(record.kind, "relu_view")


def test_unknown_kind_is_refused(trace: Trace) -> None:
    record = trace.layers[0]
    odd = Trace(
        trace.input,
        (type(record)("odd", "mystery", record.input, record.output, {}),),
        trace.logits,
        trace.probs,
    )
    with pytest.raises(ValueError, match="mystery"):
        make_detail_view(odd, 0)


@pytest.mark.parametrize("view_type", [ConvView, ReLUView, PoolView, SoftmaxView])
def test_views_wait_for_input_without_crashing(qtbot, view_type: type) -> None:
    view = view_type()
    view.set_trace(None, 0, 0)
    shown(qtbot, view)
    assert view.player.count() == 0


# ---- convolution ----


@pytest.mark.parametrize(("layer_index", "channel"), [(0, 2), (5, 7)])
def test_conv_formula_equals_trace_at_every_step(qtbot, trace: Trace, layer_index: int, channel: int) -> None:
    view = ConvView()
    qtbot.addWidget(view)
    view.set_trace(trace, layer_index, channel)
    record = trace.layers[layer_index]
    weights, bias = record.params["W"][channel], float(record.params["b"][channel])
    padded = np.pad(record.input[0], ((0, 0), (1, 1), (1, 1)))
    out_h, out_w = record.output.shape[2:]
    assert view.player.count() == out_h * out_w
    focus = record.input.shape[1] - 1
    view.set_focus(focus)
    for step in range(view.player.count()):
        view.player.set_step(step)
        row, col = view.position()
        assert (row, col) == divmod(step, out_w)
        formula = view.formula
        window = padded[:, row : row + 3, col : col + 3]
        assert formula.result == pytest.approx(float(record.output[0, channel, row, col]), rel=1e-4, abs=1e-5)
        assert formula.result == pytest.approx(float((window * weights).sum() + bias), rel=1e-4, abs=1e-5)
        assert float(formula.terms.sum()) + formula.bias == pytest.approx(formula.result, rel=1e-4, abs=1e-5)
        term = float((window[focus] * weights[focus]).sum())
        assert formula.terms[focus] == pytest.approx(term, rel=1e-4, abs=1e-5)


def test_conv_intermediate_maps_add_up_to_the_output(qtbot, trace: Trace) -> None:
    view = ConvView()
    qtbot.addWidget(view)
    view.set_trace(trace, 2, 4)
    data = view.data()
    assert data is not None
    np.testing.assert_allclose(
        data.partial.sum(axis=0) + data.bias, trace.layers[2].output[0, 4], rtol=1e-4, atol=1e-5
    )
    assert data.padded.shape == (8, 30, 30)
    assert (data.stride, data.padding) == (1, 1)


def test_conv_keyboard_and_scrubbing_move_the_kernel(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, ConvView(), trace, 0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.position() == (0, 2)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.position() == (0, 1)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.position() == (27, 27)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.position() == (0, 0)
    view.player.findChild(QWidget, "scrub").setValue(28 * 5 + 6)
    assert view.position() == (5, 6)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.player.is_playing()
    qtbot.waitUntil(lambda: view.player.step() > 28 * 5 + 6, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not view.player.is_playing()


def test_conv_hovering_the_output_jumps_there(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, ConvView(), trace, 2, 0)
    grid = view.canvas.output_grid()
    hover(view.canvas, grid.cells(9, 13).center())
    assert view.position() == (9, 13)
    lane = view.canvas.lanes()[5]
    assert lane.intermediate is not None
    hover(view.canvas, lane.intermediate.cells(20, 3).center())
    assert view.position() == (20, 3)


def test_conv_channel_box_and_lane_click_change_what_is_explained(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, ConvView(), trace, 2, 0)
    view.channel_box.setValue(6)
    data = view.data()
    assert data is not None
    np.testing.assert_array_equal(data.kernel, trace.layers[2].params["W"][6])
    view.canvas.sigFocusChannel.emit(5)
    view.player.set_step(100)
    row, col = view.position()
    window = np.pad(trace.layers[2].input[0, 5], 1)[row : row + 3, col : col + 3]
    assert view.formula.terms[5] == pytest.approx(float((window * data.kernel[5]).sum()), rel=1e-4, abs=1e-5)


def test_conv_view_follows_a_new_trace(qtbot, trace: Trace) -> None:
    view = ConvView()
    qtbot.addWidget(view)
    view.set_trace(trace, 0, 0)
    view.player.set_step(200)
    blank = reference_net(np.random.default_rng(0)).trace(np.zeros((1, 1, 28, 28), np.float32))
    view.set_trace(blank, 0, 0)
    assert view.player.step() == 200
    row, col = view.position()
    assert view.formula.result == pytest.approx(float(blank.layers[0].output[0, 0, row, col]), abs=1e-6)


def test_conv_plain_arrays_with_stride_and_padding(qtbot) -> None:
    view = ConvView()
    qtbot.addWidget(view)
    x = np.arange(2 * 7 * 7, dtype=np.float32).reshape(2, 7, 7) / 50
    w = np.ones((2, 3, 3), np.float32)
    view.set_arrays(x, w, 0.5, stride=2, padding=1)
    data = view.data()
    assert data is not None
    assert data.out_shape == (output_size(7, 3, 2, 1),) * 2
    assert data.uncovered == (0, 0)
    view.player.set_step(5)
    row, col = view.position()
    window = np.pad(x, ((0, 0), (1, 1), (1, 1)))[:, 2 * row : 2 * row + 3, 2 * col : 2 * col + 3]
    assert view.formula.result == pytest.approx(float(window.sum() + 0.5), rel=1e-5)
    view.set_arrays(x, w, 0.0, stride=2, padding=0)
    assert view.data().uncovered == (0, 0)
    view.set_arrays(x[:, :6, :6], w, 0.0, stride=2, padding=0)
    assert view.data().uncovered == (1, 1)


def test_pool_view_colours_on_the_overview_per_layer_scale_and_says_so(qtbot, trace: Trace) -> None:
    from explainer.gui.network.overview import OverviewView

    model = reference_net(np.random.default_rng(0))
    overview = OverviewView()
    qtbot.addWidget(overview)
    overview.set_model(model)
    overview.set_trace(trace)
    assert overview.current_scale_mode() == "layer"
    pool = [record.kind for record in trace.layers].index("maxpool2d")
    peaks = np.abs(trace.layers[pool].input[0]).max(axis=(1, 2))
    channel = int(np.argmin(peaks))  # a map whose own range is narrower than the layer's
    assert peaks[channel] < peaks.max()
    view = shown_at(qtbot, PoolView(), trace, pool, channel)
    lo, hi = view.data().levels
    assert (lo, hi) == pytest.approx(overview.levels(pool)) and (lo, hi) == pytest.approx(
        overview.levels(pool - 1)
    )
    assert f"±{hi:.2f}" in view.stats.text() and "Per layer" in view.stats.text()
    other = (channel + 1) % len(peaks)
    view.channel_box.setValue(other)  # the map the main window keeps when a stroke arrives
    assert view.channel() == other and view.data().levels == (lo, hi)


# ---- activations ----


@pytest.mark.parametrize(("layer_index", "channel"), [(1, 0), (8, 5)])
def test_relu_counts_and_numbers_equal_the_trace(qtbot, trace: Trace, layer_index: int, channel: int) -> None:
    view = shown_at(qtbot, ReLUView(), trace, layer_index, channel)
    record = trace.layers[layer_index]
    x, y = record.input[0, channel], record.output[0, channel]
    data = view.data()
    assert data is not None
    zeroed = int((x <= 0).sum())
    assert data.zeroed == zeroed
    assert str(zeroed) in view.stats.text()
    np.testing.assert_array_equal(data.y, y)
    for step in range(view.player.count()):
        view.player.set_step(step)
        row, col = view.position()
        assert data.formula(step).endswith(theme.format_value(float(y[row, col]), 3))
    negative = tuple(np.argwhere(x < 0)[0])
    view.player.set_step(negative[0] * x.shape[1] + negative[1])
    assert data.formula(view.player.step()).startswith("max(0, \u2212")


def test_relu_opens_on_the_map_it_zeroes_most_when_the_clicked_one_has_nothing_to_zero(qtbot) -> None:
    model = reference_net(np.random.default_rng(0))
    model.layers[0].params["b"][0] = 50.0  # conv1's map 0 is all positive: ReLU leaves it as it is
    trace = model.trace(synthetic_digit().reshape(1, 1, 28, 28))
    before = trace.layers[1].input[0]
    zeroed = (before <= 0).sum(axis=(1, 2))
    assert zeroed[0] == 0 and zeroed.max() > 0
    view = shown_at(qtbot, ReLUView(), trace, 1, 0)
    assert view.channel() == int(np.argmax(zeroed)) == view.channel_box.value()
    assert view.data().zeroed == zeroed.max()
    assert "Map 0 has no value ≤ 0" in view.stats.text()
    view.set_trace(trace, 1, 3)  # a later trace keeps the map asked for
    assert view.channel() == 3
    view.channel_box.setValue(0)  # and the student may still look at map 0
    assert view.channel() == 0 and view.data().zeroed == 0
    fresh = shown_at(qtbot, ReLUView(), trace, 1, 5)  # a map with zeros opens as clicked
    assert fresh.channel() == 5 and "Map" not in fresh.stats.text()


def test_relu_hover_jumps_to_the_pixel(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, ReLUView(), trace, 3, 2)
    view.canvas.ensure_layout()
    hover(view.canvas, view.canvas.after.cells(12, 17).center())
    assert view.position() == (12, 17)
    hover(view.canvas, view.canvas.before.cells(3, 4).center())
    assert view.position() == (3, 4)


@pytest.mark.parametrize("kind", ["leaky_relu", "sigmoid", "tanh", "dropout"])
def test_other_elementwise_layers_on_plain_arrays(qtbot, kind: str) -> None:
    view = shown(qtbot, ReLUView())
    x = np.linspace(-2, 2, 30, dtype=np.float32)
    y = {
        "leaky_relu": np.where(x > 0, x, 0.01 * x),
        "sigmoid": 1 / (1 + np.exp(-x)),
        "tanh": np.tanh(x),
        "dropout": x,
    }[kind]
    view.set_arrays(kind, x, y)
    assert view.player.count() == 30
    data = view.data()
    assert data is not None
    assert data.x.shape == (5, 6)
    assert np.isnan(data.x).sum() == 0
    view.player.set_step(29)
    assert view.position() == (4, 5)
    assert data.formula(29).endswith(theme.format_value(float(y[-1]), 3))


# ---- pooling ----


@pytest.mark.parametrize(("layer_index", "channel"), [(4, 3), (9, 11)])
def test_pool_windows_equal_the_trace(qtbot, trace: Trace, layer_index: int, channel: int) -> None:
    view = shown_at(qtbot, PoolView(), trace, layer_index, channel)
    record = trace.layers[layer_index]
    x, out = record.input[0, channel], record.output[0, channel]
    winners = set()
    for step in range(view.player.count()):
        view.player.set_step(step)
        current = view.current()
        assert current is not None
        assert current.value == pytest.approx(float(out[current.row, current.col]))
        window = x[2 * current.row : 2 * current.row + 2, 2 * current.col : 2 * current.col + 2]
        assert current.index == np.unravel_index(np.argmax(window), window.shape)
        assert window[current.index] == current.value
        winners.add((2 * current.row + current.index[0], 2 * current.col + current.index[1]))
    data = view.data()
    assert data is not None
    assert data.kept == len(winners)
    assert str(x.size - len(winners)) in view.stats.text()


def test_pool_average_and_uncovered_cells(qtbot) -> None:
    view = shown(qtbot, PoolView())
    x = np.arange(49, dtype=np.float32).reshape(7, 7)
    view.set_arrays(x, 2, mode="avg")
    data = view.data()
    assert data is not None
    assert data.out_shape == (3, 3)
    assert data.uncovered == (1, 1)
    view.player.set_step(4)
    current = view.current()
    assert current is not None and current.index is None
    assert current.value == pytest.approx(float(x[2:4, 2:4].mean()))
    assert data.formula(current).endswith(theme.format_value(float(x[2:4, 2:4].mean()), 2))


def test_pool_hover_jumps_to_the_window(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, PoolView(), trace, 4, 0)
    view.canvas.ensure_layout()
    hover(view.canvas, view.canvas.input.cells(9, 20).center())
    current = view.current()
    assert (current.row, current.col) == (4, 10)
    hover(view.canvas, view.canvas.output.cells(13, 1).center())
    current = view.current()
    assert (current.row, current.col) == (13, 1)


# ---- flatten, dense, softmax ----


@pytest.mark.parametrize("layer_index", [10, 11])
def test_softmax_numbers_equal_the_trace(qtbot, trace: Trace, layer_index: int) -> None:
    view = shown_at(qtbot, SoftmaxView(), trace, layer_index, 4)
    data = view.data()
    assert data is not None
    dense = trace.layers[11]
    assert data.maps_shape == (16, 7, 7)
    np.testing.assert_allclose(data.probs, trace.probs[0])
    np.testing.assert_allclose(data.exp / data.exp_sum, trace.probs[0], rtol=1e-5, atol=1e-9)
    for k in range(10):
        contribution = data.contributions(k)
        assert float(contribution.sum() + data.bias[k]) == pytest.approx(
            float(trace.logits[0, k]), rel=1e-4, abs=1e-4
        )
        np.testing.assert_array_equal(
            data.maps(dense.params["W"][:, k]), dense.params["W"][:, k].reshape(16, 7, 7)
        )
    assert view.chosen_class() == 4
    assert f"{trace.probs[0, 4]:.4f}" in formula_lines(data, 4)[1]


def test_softmax_hover_and_click_choose_a_class(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, SoftmaxView(), trace, 11, 0)
    rows = view.canvas.rows()
    hover(view.canvas, rows[6].center())
    assert view.canvas._step == 6
    assert view.chosen_class() == 0
    hover(view.canvas, QPointF(2, 2))
    assert view.canvas._step == 0
    view.canvas.sigClickClass.emit(8)
    assert view.chosen_class() == 8
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.chosen_class() == 9


# ---- playground ----


def test_playground_reproduces_the_tutorial_example(qtbot) -> None:
    view = shown(qtbot, Playground())
    view.set_settings(source="grid", size=5, kernel=3, pattern="x", padding="valid", stride=1)
    data = view.data()
    assert data is not None
    np.testing.assert_array_equal(data.output, [[4, 3, 4], [2, 4, 3], [2, 3, 4]])
    assert view.formula.result == 4.0


@pytest.mark.parametrize(
    ("size", "kernel", "padding", "stride"),
    [(7, 3, 0, 1), (28, 5, 2, 2), (10, 4, 1, 3), (6, 3, "same", 2), (9, 1, 0, 4)],
)
def test_playground_output_size_matches_the_formula(
    qtbot, size: int, kernel: int, padding: int | str, stride: int
) -> None:
    view = shown(qtbot, Playground())
    view.set_settings(
        source="digit", size=size, kernel=kernel, pattern="vertical", padding=padding, stride=stride
    )
    p = (kernel - 1) // 2 if padding == "same" else padding
    expected = output_size(size, kernel, stride, p)
    assert view.output_shape() == (expected, expected)
    assert view.size_formula.text().split("=")[-1].strip() == str(expected)
    assert view.player.count() == expected * expected
    if (size + 2 * p - kernel) % stride:
        assert "\u230a" in view.size_formula.text()


@pytest.mark.parametrize(("size", "kernel", "padding"), [(3, 9, 0), (4, 7, 1), (8, 4, "same")])
def test_playground_explains_impossible_settings(qtbot, size: int, kernel: int, padding: int | str) -> None:
    view = shown(qtbot, Playground())
    view.set_settings(source="grid", size=size, kernel=kernel, pattern="blur", padding=padding, stride=1)
    assert view.output_shape() is None
    assert view.explanation().startswith("Impossible")
    assert view.player.count() == 0
    assert view.canvas.isHidden()
    view.grab()
    view.set_settings(source="grid", size=8, kernel=3, pattern="blur", padding=1, stride=1)
    assert view.output_shape() == (8, 8)
    assert not view.canvas.isHidden()


def test_playground_uses_the_digit_of_the_trace(qtbot, trace: Trace) -> None:
    view = shown(qtbot, Playground())
    view.set_trace(trace)
    view.set_settings(source="digit", size=28, kernel=3, pattern="blur", padding=0, stride=1)
    data = view.data()
    assert data is not None
    np.testing.assert_array_equal(data.x[0], trace.input[0, 0])


# ---- player, export, theme ----


def test_player_stops_at_the_end_and_restarts(qtbot) -> None:
    player = StepPlayer()
    qtbot.addWidget(player)
    player.set_count(3)
    player.set_step(2)
    player.play()
    assert player.step() == 0
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=5000)
    assert player.step() == 2
    player.set_count(0)
    assert player.count() == 0


def test_png_export_writes_the_view(qtbot, trace: Trace, tmp_path: Path) -> None:
    view = shown(qtbot, make_detail_view(trace, 4, 0))
    path = view.export_png(tmp_path / "pool.png")
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= view.width()


def test_views_repaint_in_the_dark_palette(qtbot, trace: Trace) -> None:
    app = QApplication.instance()
    views = [shown(qtbot, make_detail_view(trace, index, 0)) for index in (0, 1, 4, 11)]
    try:
        theme.apply_palette(app, dark=True)
        app.processEvents()
        for view in views:
            image = view.grab().toImage()
            assert QImage(image).pixelColor(5, image.height() // 2).lightness() < 100
    finally:
        theme.apply_palette(app, dark=False)


@pytest.mark.parametrize("layer_index", [0, 2, 1, 4])
def test_partial_repaints_leave_no_trace_of_earlier_steps(qtbot, trace: Trace, layer_index: int) -> None:
    # Steps repaint only the regions they change; what is on screen must equal a fresh full paint.
    view = shown(qtbot, make_detail_view(trace, layer_index, 0))
    for step in (1, 2, 3, 30, 31, 100, 57, 58):
        view.player.set_step(step)
        QApplication.processEvents()
    on_screen = image_rgb(QApplication.primaryScreen().grabWindow(view.winId()).toImage())
    np.testing.assert_array_equal(on_screen, image_rgb(view.grab().toImage()))


def test_kernel_weights_show_their_value_on_hover(qtbot, trace: Trace) -> None:
    view = shown_at(qtbot, ConvView(), trace, 2, 1)
    lane = view.canvas.lanes()[4]
    hover(view.canvas, lane.kernel.cells(2, 0).center())
    weight = trace.layers[2].params["W"][1, 4, 2, 0]
    qtbot.waitUntil(lambda: theme.format_value(weight, 4) in QToolTip.text(), timeout=2000)
