"""1-D correlation and convolution (seed 002) against NumPy's np.correlate and np.convolve."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.core import conv1d_steps, convolve1d, correlate1d
from explainer.core.conv1d import output_length, resolve_padding_1d

NUMPY_MODE = {"narrow": "valid", "wide": "full", "same": "same"}
"""The seed's kind of convolution and the NumPy mode giving the same samples at stride 1."""


@pytest.mark.parametrize("padding", ["narrow", "wide", "same"])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("k", [1, 3, 5])
def test_every_padding_mode_and_stride_matches_numpy(padding: str, stride: int, k: int) -> None:
    rng = np.random.default_rng(k * 10 + stride)
    x, w = rng.standard_normal(17), rng.standard_normal(k)
    mode = NUMPY_MODE[padding]
    np.testing.assert_allclose(correlate1d(x, w, stride, padding), np.correlate(x, w, mode)[::stride])
    np.testing.assert_allclose(convolve1d(x, w, stride, padding), np.convolve(x, w, mode)[::stride])


@given(
    m=st.integers(1, 30),
    k=st.integers(1, 9),
    stride=st.integers(1, 5),
    padding=st.one_of(st.integers(0, 8), st.sampled_from(["narrow", "wide", "same"])),
    seed=st.integers(0, 2**16),
)
@settings(max_examples=150, deadline=None)
def test_any_padding_number_is_numpy_on_the_zero_padded_signal(
    m: int, k: int, stride: int, padding: int | str, seed: int
) -> None:
    if padding == "same" and k % 2 == 0:
        k += 1
    p = resolve_padding_1d(padding, k)
    if k > m + 2 * p:
        with pytest.raises(ValueError, match="longer than the padded signal"):
            correlate1d(np.ones(m), np.ones(k), stride, padding)
        return
    rng = np.random.default_rng(seed)
    x, w = rng.standard_normal(m), rng.standard_normal(k)
    padded = np.pad(x, p)
    expected_corr = np.correlate(padded, w, "valid")[::stride]
    expected_conv = np.convolve(padded, w, "valid")[::stride]
    out = correlate1d(x, w, stride, padding)
    assert out.shape == ((m - k + 2 * p) // stride + 1,) == (output_length(m, k, stride, p),)
    np.testing.assert_allclose(out, expected_corr, atol=1e-12)
    np.testing.assert_allclose(convolve1d(x, w, stride, padding), expected_conv, atol=1e-12)
    steps = list(conv1d_steps(x, w, stride, padding, flip=True))
    np.testing.assert_allclose([step.value for step in steps], expected_conv, atol=1e-12)


def test_the_seed_kernels_smooth_and_take_second_differences() -> None:
    x = np.array([0.0, 1.0, 4.0, 9.0, 16.0, 25.0])  # t², whose second derivative is 2
    np.testing.assert_allclose(convolve1d(x, [1, -2, 1]), [2, 2, 2, 2])
    np.testing.assert_allclose(correlate1d([3.0, 6.0, 9.0, 0.0], np.full(3, 1 / 3)), [6, 5])


def test_convolution_is_correlation_with_the_rotated_kernel_and_differs_from_it() -> None:
    x, w = np.array([1.0, 2.0, 0.0, -1.0, 3.0]), np.array([1.0, 0.0, -1.0])
    np.testing.assert_allclose(convolve1d(x, w), correlate1d(x, w[::-1]))
    np.testing.assert_allclose(convolve1d(x, w), [-1, -3, 3])  # x[t+2] - x[t]
    np.testing.assert_allclose(correlate1d(x, w), [1, 3, -3])  # x[t] - x[t+2]


def test_steps_show_the_window_the_kernel_as_applied_and_the_sum() -> None:
    x, w = np.array([1.0, 2.0, 3.0, 4.0]), np.array([10.0, 1.0])
    steps = list(conv1d_steps(x, w, stride=2, padding=1, flip=True))
    assert [(s.index, s.start) for s in steps] == [(0, 0), (1, 2), (2, 4)]
    np.testing.assert_array_equal(steps[1].window, [2.0, 3.0])
    np.testing.assert_array_equal(steps[1].kernel, [1.0, 10.0])
    np.testing.assert_array_equal(steps[1].products, [2.0, 30.0])
    assert steps[1].value == 32.0
    with pytest.raises(ValueError):
        steps[1].window[0] = 5.0  # read-only


def test_even_kernels_refuse_same_padding_and_take_a_number() -> None:
    with pytest.raises(ValueError, match="odd kernel"):
        correlate1d(np.ones(8), np.ones(4), padding="same")
    assert correlate1d(np.ones(8), np.ones(4), padding=2).shape == (9,)


@pytest.mark.parametrize(
    ("x", "w", "stride", "padding", "message"),
    [
        (np.ones((2, 3)), np.ones(3), 1, 0, "x must be 1-D"),
        (np.ones(5), np.ones((1, 3)), 1, 0, "w must be 1-D"),
        (np.ones(0), np.ones(3), 1, 0, "x is empty"),
        (np.ones(5), np.ones(0), 1, 0, "w is empty"),
        (np.array(["a", "b"]), np.ones(1), 1, 0, "real numbers"),
        (np.ones(5), np.ones(3), 0, 0, "stride must be an int >= 1"),
        (np.ones(5), np.ones(3), 1.5, 0, "stride must be an int >= 1"),
        (np.ones(5), np.ones(3), 1, -1, "padding must be >= 0"),
        (np.ones(5), np.ones(3), 1, 1.5, "padding must be an int"),
        (np.ones(5), np.ones(3), 1, "valid", "'narrow', 'wide' or 'same'"),
        (np.ones(2), np.ones(5), 1, "narrow", "longer than the padded signal"),
    ],
)
def test_bad_arguments_say_what_is_wrong(x, w, stride, padding, message: str) -> None:
    for function in (correlate1d, convolve1d):
        with pytest.raises(ValueError, match=message):
            function(x, w, stride, padding)


def test_integers_give_floats_and_float32_stays_float32() -> None:
    assert correlate1d(np.arange(5), np.ones(2, np.int64)).dtype == np.float64
    assert correlate1d(np.ones(5, np.float32), np.ones(2, np.float32)).dtype == np.float32
