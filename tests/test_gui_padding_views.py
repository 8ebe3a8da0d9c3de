"""The conv and pooling views of a model with four-sided conv padding and padded, ceil-mode pools (issue 18):
the padded grid as the layer sees it, the output-size formula with the real numbers, and the numbers the
views build equal the trace's."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from test_backward_passes import smooth_digit

from explainer.core import AvgPool2D, Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential
from explainer.core.layers import Padding
from explainer.gui.layers.conv import ConvBackwardView, ConvView
from explainer.gui.layers.conv.texts import backward_paragraphs, conv_title
from explainer.gui.layers.padding import output_size_lines
from explainer.gui.layers.pool import PoolBackwardView, PoolView
from explainer.gui.layers.poolgrid import BEYOND, INPUT, PADDING, PoolData, whole_windows

LABEL = 3
CONV, POOL_MAX, POOL_AVG, POOL_SMALL = 0, 4, 5, 6


@pytest.fixture(scope="module")
def trace():
    rng = np.random.default_rng(0)
    maps = [
        Conv2D(1, 3, 2, padding=[0, 0, 1, 1], rng=rng),  # 28 -> 28
        ReLU(),
        Conv2D(3, 3, 2, rng=rng),  # 28 -> 27: odd, so ceil mode counts
        ReLU(),
        MaxPool2D(2, ceil_mode=True),  # 27 -> 14
        AvgPool2D(3, 2, padding=1, ceil_mode=True),  # 14 -> 8
        AvgPool2D(2, 2, padding=[1, 0, 0, 1], count_include_pad=True),  # 8 -> 4
        Flatten(),
    ]
    model = Sequential([*maps, Dense(3 * 4 * 4, 10, rng=rng)], input_shape=(1, 28, 28))
    return model.trace(smooth_digit(), [LABEL])


def paragraphs(view) -> str:
    return " ".join(f"{head} {body}" for head, body in view._paragraphs)


def test_output_size_formula_is_filled_in_and_says_when_ceil_mode_drops_a_window() -> None:
    lines = output_size_lines(29, 28, 2, 2, Padding(0, 0, 1, 1), ceil_mode=True)
    assert "H_out = ⌈(29 + 0 + 1 − 2) / 2⌉ + 1 = 15" in lines
    # For 28 the 15th window would start at row 28, on the padding: it is dropped.
    assert "W_out = ⌈(28 + 0 + 1 − 2) / 2⌉ + 1 = 15 − 1 = 14" in lines
    assert "⌊(28 + 1 + 1 − 3) / 1⌋ + 1 = 28" in output_size_lines(28, 28, 3, 1, Padding(1, 1, 1, 1))


def test_conv_view_draws_the_asymmetric_padding_and_says_it(qtbot, trace) -> None:
    view = ConvView()
    qtbot.addWidget(view)
    view.set_trace(trace, CONV, 1)
    data = view.data()
    assert data is not None and data.padded.shape == (1, 29, 29)
    assert data.padded[0, -1].sum() == 0 and data.padded[0, :, -1].sum() == 0
    np.testing.assert_allclose(
        data.partial.sum(axis=0) + data.bias, trace.layers[CONV].output[0, 1], rtol=1e-4, atol=1e-5
    )
    assert "padding 0 top, 0 left, 1 bottom, 1 right" in view.title.text()
    text = paragraphs(view)
    assert "Padding per side" in text
    assert "H_out = ⌊(28 + 0 + 1 − 2) / 1⌋ + 1 = 28" in text
    view.player.end()  # the last window sits on the bottom-right padding
    step = data.step(data.count - 1)
    assert step.window[0, 1].tolist() == [0.0, 0.0] and step.window[0, :, 1].tolist() == [0.0, 0.0]


def test_conv_backward_view_builds_the_trace_gradients_with_asymmetric_padding(qtbot, trace) -> None:
    record = trace.layers[CONV]
    view = ConvBackwardView(trace, CONV)
    qtbot.addWidget(view)
    total = sum(view.set_channels(o, 0) or view.final() for o in range(3))
    np.testing.assert_allclose(total, record.grad_input[0, 0], rtol=1e-4, atol=1e-6)
    for index in (0, 27, view.step_count() - 1):
        view.player.set_step(index)
        step, shown = view.steps[index], view.board.panels()[0]
        np.testing.assert_array_equal(
            shown.values[step.row : step.row + 2, step.col : step.col + 2], step.window
        )
    assert shown.hatch == (1, 1, 0, 0)  # k - 1 - P per side: the padding below and right needs none
    view.set_mode("weight")
    view.set_channels(2, 0)
    np.testing.assert_allclose(view.final(), record.grads["W"][2, 0], rtol=1e-4, atol=1e-7)
    assert view.board.panels()[0].hatch == (0, 0, 1, 1)
    assert "(top / left / bottom / right)" in backward_paragraphs(2, 1, Padding(0, 0, 1, 1))[1][1]
    assert "1 bottom" in conv_title("c", 0, 1, 2, 1, Padding(0, 0, 1, 1))


@pytest.mark.parametrize("index", [POOL_MAX, POOL_AVG, POOL_SMALL])
def test_pool_view_walks_the_padded_grid_and_matches_the_trace(qtbot, trace, index: int) -> None:
    record = trace.layers[index]
    view = PoolView()
    qtbot.addWidget(view)
    view.set_trace(trace, index, 2)
    data = view._data
    np.testing.assert_allclose(data.output, record.output[0, 2], rtol=1e-5, atol=1e-6)
    assert data.out_shape == record.output.shape[2:]
    text = paragraphs(view)
    assert "H_out = " in text and "W_out = " in text
    if index == POOL_MAX:
        assert "H_out = ⌈(27 + 0 + 0 − 2) / 2⌉ + 1 = 14" in text
        assert "ceil mode" in view.title.text()
        last = data.steps[-1]
        assert data.formula(last).count("−∞") == 3  # the window hangs over the bottom-right corner
    if index == POOL_SMALL:
        assert "padding 1 top, 0 left, 0 bottom, 1 right" in view.title.text()
        assert "counts in the divisor" in view.stats.text()
        assert data.formula(data.steps[0]).endswith(f"/ 4 = {data.formula(data.steps[0]).split()[-1]}")


def test_pool_grid_marks_input_padding_and_the_cells_past_it() -> None:
    x = np.arange(25, dtype=np.float32).reshape(5, 5)
    data = PoolData(
        x, 3, 2, "avg", options={"padding": [1, 0, 1, 1], "ceil_mode": True, "count_include_pad": False}
    )
    assert data.grid.shape == (7, 7)  # 1 + 5 + 1 rows; 5 + 1 columns of padding + 1 a ceil window reaches
    assert (data.cells[1:6, :5] == INPUT).all()
    assert data.cells[0, 0] == PADDING and data.cells[6, 5] == PADDING
    assert (data.cells[:, 6] == BEYOND).all()
    first = data.steps[0]
    assert first.count == 6 and data.formula(first) == "(0.00 + 1.00 + 2.00 + 5.00 + 6.00 + 7.00) / 6 = 3.50"
    assert all((data.window_cells(s) == INPUT).all() for s in whole_windows(x, 3, 2, "avg", {"padding": 1}))


@pytest.mark.parametrize("index", [POOL_MAX, POOL_AVG, POOL_SMALL])
def test_pool_backward_view_builds_the_trace_gradient(qtbot, trace, index: int) -> None:
    record = trace.layers[index]
    view = PoolBackwardView(trace, index, channel=1)
    qtbot.addWidget(view)
    np.testing.assert_allclose(view.final(), record.grad_input[0, 1], rtol=1e-5, atol=1e-9)
    view.player.set_step(0)
    top, left, rows, cols = view.board.panels()[0].highlight
    assert top >= 0 and left >= 0 and rows <= view.size and cols <= view.size


def test_every_layer_of_the_padded_model_opens_forward_and_backward(qtbot, trace) -> None:
    from explainer.gui.layers.registry import make_backward_view, make_view

    for index in range(len(trace.layers)):
        backward = make_backward_view(trace, index, 1)
        for view in (make_view(trace, index, 1), backward):
            qtbot.addWidget(view)
            view.resize(1200, 800)
            assert not view.grab().isNull()  # paints every part once
        assert backward.step_count() > 0
