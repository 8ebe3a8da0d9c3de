"""The fast layers against the naive loop oracle, on random shapes, strides and paddings (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.core import AvgPool2D, Conv2D, MaxPool2D, ReLU, ops
from explainer.core.naive import conv2d_naive, conv2d_naive_backward, pool_naive, pool_naive_backward

SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def conv_cases(draw: st.DrawFn) -> tuple:
    k = draw(st.integers(1, 4))
    stride = draw(st.integers(1, 3))
    padding = draw(st.integers(0, 4))  # beyond k - 1 too: that case leaves the flat-grid path
    h = draw(st.integers(max(1, k - 2 * padding), 9))
    w = draw(st.integers(max(1, k - 2 * padding), 9))
    n, c_in, c_out = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**16))
    return n, c_in, c_out, h, w, k, stride, padding, seed


@SETTINGS
@given(conv_cases())
def test_conv_matches_naive(case: tuple) -> None:
    n, c_in, c_out, h, w, k, stride, padding, seed = case
    rng = np.random.default_rng(seed)
    layer = Conv2D(c_in, c_out, k, stride, padding, rng=rng)
    layer.params["b"][:] = rng.standard_normal(c_out)
    x = rng.standard_normal((n, c_in, h, w)).astype(np.float32)
    W, b = layer.params["W"].astype(np.float64), layer.params["b"].astype(np.float64)

    y = layer.forward(x)
    expected = conv2d_naive(x.astype(np.float64), W, b, stride, padding)
    assert y.shape == expected.shape == (n, c_out, *layer.output_shape((c_in, h, w))[1:])
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-5)

    dy = rng.standard_normal(y.shape).astype(np.float32)
    dx = layer.backward(dy)
    dx_ref, dW_ref, db_ref = conv2d_naive_backward(
        x.astype(np.float64), W, dy.astype(np.float64), stride, padding
    )
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.grads["W"], dW_ref, rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(layer.grads["b"], db_ref, rtol=1e-5, atol=1e-4)
    assert y.dtype == dx.dtype == layer.grads["W"].dtype == np.float32


@st.composite
def pool_cases(draw: st.DrawFn) -> tuple:
    size = draw(st.integers(1, 3))
    stride = draw(st.one_of(st.none(), st.integers(1, 3)))
    h, w = draw(st.integers(size, 9)), draw(st.integers(size, 9))
    n, c = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    return n, c, h, w, size, stride, draw(st.integers(0, 2**16))


@SETTINGS
@given(pool_cases())
def test_pools_match_naive_including_ties(case: tuple) -> None:
    n, c, h, w, size, stride, seed = case
    rng = np.random.default_rng(seed)
    # Small integers make ties common, so the first-maximum rule is exercised.
    x = rng.integers(0, 3, (n, c, h, w)).astype(np.float32)
    for layer, average in ((MaxPool2D(size, stride), False), (AvgPool2D(size, stride), True)):
        y = layer.forward(x)
        np.testing.assert_allclose(y, pool_naive(x, size, stride, average=average), rtol=1e-6)
        dy = rng.standard_normal(y.shape).astype(np.float32)
        dx = pool_naive_backward(x, dy, size, stride, average=average)
        np.testing.assert_allclose(layer.backward(dy), dx, rtol=1e-6, atol=1e-6)


def test_maxpool_tie_sends_the_whole_gradient_to_the_first_maximum() -> None:
    x = np.array([[[[5.0, 5.0], [5.0, 5.0]]]], np.float32)
    layer = MaxPool2D(2)
    layer.forward(x)
    dx = layer.backward(np.array([[[[3.0]]]], np.float32))
    np.testing.assert_array_equal(dx[0, 0], [[3.0, 0.0], [0.0, 0.0]])
    x = np.array([[[[1.0, 4.0], [4.0, 0.0]]]], np.float32)
    layer.forward(x)
    np.testing.assert_array_equal(layer.backward(np.ones((1, 1, 1, 1), np.float32))[0, 0], [[0, 1], [0, 0]])


def test_batches_split_between_threads_match_naive() -> None:
    """A batch of 64 is large enough that ReLU and 2x2 max pooling split it between the worker threads."""
    rng = np.random.default_rng(3)
    x = rng.integers(-2, 3, (64, 8, 27, 29)).astype(np.float32)  # odd sizes: the last row/column is dropped
    pool = MaxPool2D(2)
    np.testing.assert_array_equal(pool.forward(x), pool_naive(x, 2))
    dy = rng.standard_normal((64, 8, 13, 14)).astype(np.float32)
    np.testing.assert_array_equal(pool.backward(dy), pool_naive_backward(x, dy, 2))
    relu = ReLU()
    np.testing.assert_array_equal(relu.forward(x), np.maximum(x, 0))
    np.testing.assert_array_equal(relu.backward(x), np.where(x > 0, x, 0))


def test_layers_accept_non_contiguous_inputs() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((6, 3, 8, 10)).astype(np.float32)[::2, :, :, ::2]  # (3, 3, 8, 5), strided
    layer = Conv2D(3, 2, 3, padding=1, rng=rng)
    W, b = layer.params["W"], layer.params["b"]
    np.testing.assert_allclose(layer.forward(x), conv2d_naive(x, W, b, 1, 1), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(MaxPool2D(2).forward(x), pool_naive(x, 2), rtol=0)


@pytest.mark.parametrize("block", [256, 2048])
def test_conv_split_into_column_blocks_and_threads_matches_naive(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A batch big enough for several cache blocks shared by worker threads, including a ragged last block.
    monkeypatch.setattr(ops.FlatConv, "BLOCK", block)
    rng = np.random.default_rng(block)
    layer = Conv2D(2, 3, 3, padding=1, rng=rng)
    layer.params["b"][:] = rng.standard_normal(3)
    x = rng.standard_normal((10, 2, 20, 19)).astype(np.float32)
    y = layer.forward(x)
    assert layer._flat is not None and layer._flat.blocks >= 2
    W, b = layer.params["W"].astype(np.float64), layer.params["b"].astype(np.float64)
    np.testing.assert_allclose(y, conv2d_naive(x.astype(np.float64), W, b, 1, 1), rtol=1e-5, atol=1e-5)
    dy = rng.standard_normal(y.shape).astype(np.float32)
    dx = layer.backward(dy)
    dx_ref, dW_ref, db_ref = conv2d_naive_backward(x.astype(np.float64), W, dy.astype(np.float64), 1, 1)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.grads["W"], dW_ref, rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(layer.grads["b"], db_ref, rtol=1e-5, atol=1e-3)
