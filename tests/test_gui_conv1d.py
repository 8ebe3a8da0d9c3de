"""The 1-D convolution page and the convolution/correlation toggle: what they show is the engine's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from explainer.core import Trace, convolve1d, correlate1d, reference_net
from explainer.core.conv1d import resolve_padding_1d
from explainer.gui import textcheck, theme
from explainer.gui.pages.conv1d import Conv1DView, sine_second_derivative
from explainer.gui.pages.playground import Playground


def shown(qtbot, view: QWidget) -> QWidget:
    qtbot.addWidget(view)
    view.resize(1300, 860)
    view.show()
    qtbot.waitExposed(view)
    view.grab()
    return view


def shown_length(view: Conv1DView) -> int:
    """The output length the worked-out formula ends with."""
    return int(view.size_formula.text().split("=")[-1])


@pytest.mark.parametrize("padding", ["narrow", "wide", "same", 2])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("operation", ["correlation", "convolution"])
def test_the_shown_length_and_outputs_are_the_engines_on_the_shown_signal_and_kernel(
    qtbot, padding: int | str, stride: int, operation: str
) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(
        signal="sine", length=21, kernel="own", weights="1, 0, -2", padding=padding, stride=stride
    )
    view.set_settings(operation=operation)
    data = view.data()
    assert data is not None
    x, w = view.signal(), data.w
    np.testing.assert_array_equal(w, [1.0, 0.0, -2.0])
    engine = convolve1d if operation == "convolution" else correlate1d
    expected = engine(x, w, stride, padding)
    p = resolve_padding_1d(padding, 3)
    assert shown_length(view) == expected.size == (21 - 3 + 2 * p) // stride + 1 == view.player.count()
    assert f"({21} − 3 + 2×{p}) / {stride}" in view.size_formula.text()
    np.testing.assert_allclose(data.output, expected)
    np.testing.assert_allclose([step.value for step in data.steps], expected)


def test_the_numbers_painted_under_each_window_are_the_engines(qtbot) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(signal="step", length=10, kernel="second", padding="wide", stride=1)
    view.player.set_step(4)
    view.grab()
    canvas = view.canvas
    expected = correlate1d(view.signal(), [1, -2, 1], padding="wide")
    boxes = textcheck.record(canvas)
    strip_top = canvas._output_top
    row = sorted(
        (
            box
            for box in boxes
            if strip_top <= box.rect.center().y() <= strip_top + canvas._strip_h
            and box.rect.left() >= canvas._label_width
        ),
        key=lambda box: box.rect.left(),
    )
    assert [box.text for box in row] == [theme.format_value(v) for v in expected]
    assert f"Σ = {theme.format_value(expected[4], 3)}" in {box.text for box in boxes}
    assert view.player.caption().startswith("output y[4]")


@pytest.mark.parametrize("operation", ["correlation", "convolution"])
def test_the_identity_holds_on_the_displayed_numbers(qtbot, operation: str) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(signal="sine", length=16, kernel="own", weights="3, 1, -1, 0.5", operation=operation)
    view.player.set_step(5)
    x, w = view.signal(), np.array([3.0, 1.0, -1.0, 0.5])
    left, right = view.identity_values()
    if operation == "correlation":  # w ⊗ x = rot(w) ∗ x
        assert left == pytest.approx(correlate1d(x, w)[5]) and right == pytest.approx(
            convolve1d(x, w[::-1])[5]
        )
    else:  # w ∗ x = rot(w) ⊗ x
        assert left == pytest.approx(convolve1d(x, w)[5]) and right == pytest.approx(
            correlate1d(x, w[::-1])[5]
        )
    assert left == pytest.approx(right)
    assert theme.format_value(left, 3) in view.identity.text()
    assert "[0.5, −1, 1, 3]" in view.identity.text()  # rot(w), the kernel turned end to end
    assert view.message.text() == ""  # not symmetric: the toggle changes the output
    kernel_shown = view.data().steps[5].kernel
    np.testing.assert_array_equal(kernel_shown, w[::-1] if operation == "convolution" else w)


def test_the_toggle_changes_an_asymmetric_kernels_output_and_says_a_symmetric_one_does_not_care(
    qtbot,
) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(signal="step", length=12, kernel="own", weights="1, 0, -1", operation="correlation")
    correlated = view.data().output
    view.set_settings(operation="convolution")
    np.testing.assert_allclose(view.data().output, -correlated)
    view.set_settings(kernel="second")
    assert "symmetric" in view.message.text()


def test_a_row_or_column_of_the_digit_follows_the_trace(qtbot) -> None:
    view = shown(qtbot, Conv1DView())
    net = reference_net(np.random.default_rng(0))
    digits = np.random.default_rng(0).random((2, 1, 1, 28, 28)).astype(np.float32)
    view.set_settings(signal="row", index=9, kernel="average", taps=5, padding="same")
    for digit in digits:
        trace: Trace = net.trace(digit)
        view.set_trace(trace)
        np.testing.assert_array_equal(view.signal(), trace.input[0, 0, 9])
        assert shown_length(view) == 28
    view.set_settings(signal="column", index=3)
    np.testing.assert_array_equal(view.signal(), digits[-1, 0, 0, :, 3])
    np.testing.assert_allclose(view.data().output, correlate1d(digits[-1, 0, 0, :, 3], np.full(5, 0.2), 1, 2))


def test_the_mouse_draws_the_signal_and_the_output_follows(qtbot) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_drawn_signal(np.zeros(12))
    view.set_settings(kernel="average", taps=3, padding="narrow")
    canvas = view.canvas
    canvas.ensure_layout()
    plot = canvas._signal_plot
    sample = 6  # narrow padding: sample 6 is cell 6
    x = round(canvas._x(sample))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, round(plot.top() + 1)))
    signal = view.signal()
    assert signal[sample] == pytest.approx(1.2, abs=0.05) and np.count_nonzero(signal) == 1
    np.testing.assert_allclose(view.data().output, correlate1d(signal, np.full(3, 1 / 3)))


def test_the_second_difference_approximates_the_sines_second_derivative(qtbot) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(signal="sine", length=32, noise=0, kernel="second", padding="narrow")
    data = view.data()
    assert data.derivative is not None
    exact = sine_second_derivative(np.arange(1, 31))  # narrow: y[t] is centred on sample t + 1
    np.testing.assert_allclose(data.output, exact, atol=0.004)
    view.set_settings(noise=20)  # differences amplify noise: the match is lost
    assert np.abs(view.data().output - exact).max() > 0.3


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"kernel": "own", "weights": "1, 2", "padding": "same"}, "odd kernel"),
        ({"kernel": "average", "taps": 9, "length": 6, "padding": "narrow"}, "no position"),
        ({"kernel": "own", "weights": "1, x"}, "could not read"),
    ],
)
def test_settings_that_cannot_work_are_explained(qtbot, settings: dict, words: str) -> None:
    view = shown(qtbot, Conv1DView())
    view.set_settings(signal="step", **settings)
    assert view.data() is None and words in view.message.text()
    assert view.player.count() == 0 and view.canvas.isHidden()
    assert "no output" in view.size_formula.text()
    view.grab()
    view.set_settings(kernel="average", taps=3, length=12, padding="wide")
    assert shown_length(view) == 14 and not view.canvas.isHidden()


# ---- the playground's toggle ----


def true_convolution_2d(x: np.ndarray, w: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """y[r, c] = Σ w[i, j] · x̃[r·S + k−1−i, c·S + k−1−j], written out as the definition."""
    k = w.shape[0]
    xp = np.pad(x.astype(np.float64), padding)
    n = (xp.shape[0] - k) // stride + 1
    y = np.zeros((n, n))
    for r in range(n):
        for c in range(n):
            for i in range(k):
                for j in range(k):
                    y[r, c] += w[i, j] * xp[r * stride + k - 1 - i, c * stride + k - 1 - j]
    return y


@pytest.mark.parametrize("operation", ["correlation", "convolution"])
def test_the_playground_toggle_shows_the_identity_on_its_numbers(qtbot, operation: str) -> None:
    view = shown(qtbot, Playground())
    view.set_settings(source="grid", size=7, kernel=3, pattern="vertical", padding=1, stride=2)
    view.set_operation(operation)
    view.player.set_step(5)
    data = view.data()
    w = np.repeat(np.array([[1.0, 0.0, -1.0]]), 3, axis=0)
    x = data.x[0]
    rotated = np.rot90(w, 2)
    if operation == "convolution":
        np.testing.assert_array_equal(data.kernel[0], rotated)  # the grid shown is rot(w)
        np.testing.assert_allclose(data.output, true_convolution_2d(x, w, 2, 1))
    else:
        np.testing.assert_array_equal(data.kernel[0], w)
        np.testing.assert_allclose(data.output, true_convolution_2d(x, rotated, 2, 1))  # = rot(w) ∗ x
    left, right = view.identity_values()
    row, col = divmod(5, data.out_shape[1])
    assert left == pytest.approx(right) == pytest.approx(float(data.output[row, col]))
    assert view.formula.result == pytest.approx(left)
    text = view.identity.text()
    assert theme.format_value(left, 3) in text and f"({row}, {col})" in text
    assert "rot(w) = [−1 0 1; −1 0 1; −1 0 1]" in text  # w = vertical edges [1 0 −1] per row, rotated


def test_the_playground_toggle_flips_an_edge_kernel_and_explains_why_libraries_do_not(qtbot) -> None:
    view = shown(qtbot, Playground())
    view.set_settings(source="grid", size=7, kernel=3, pattern="vertical", padding=0, stride=1)
    correlated = view.data().output.copy()
    view.set_operation("convolution")
    np.testing.assert_allclose(view.data().output, -correlated)
    assert "learn" in view.text.text() and "rot(w)" in view.text.text()
    view.set_settings(source="grid", size=7, kernel=3, pattern="x", padding=0, stride=1)
    assert "symmetric" in view.explanation()
