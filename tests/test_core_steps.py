"""Every teaching step generator's numbers equal the fast path's output."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from explainer.core import (
    AvgPool2D,
    Conv2D,
    MaxPool2D,
    conv_input_grad_steps,
    conv_steps,
    conv_weight_grad_steps,
    maxpool_grad_steps,
    pool_steps,
)

CONV_SETTINGS = [(3, 1, 0), (3, 1, 1), (3, 1, "same"), (3, 2, 1), (2, 2, 0), (5, 1, 2), (3, 3, 1), (4, 3, 2)]


def single_filter_conv(
    rng: np.random.Generator, c_in: int, k: int, stride: int, padding: int | str
) -> Conv2D:
    layer = Conv2D(c_in, 1, k, stride, padding, rng=rng)
    layer.params = {"W": layer.params["W"].astype(np.float64), "b": rng.standard_normal(1)}
    return layer


@pytest.mark.parametrize(("k", "stride", "padding"), CONV_SETTINGS)
def test_conv_steps_equal_the_fast_forward(k: int, stride: int, padding: int | str) -> None:
    rng = np.random.default_rng(k + 10 * stride)
    layer = single_filter_conv(rng, 2, k, stride, padding)
    x = rng.standard_normal((2, 9, 8))
    y = layer.forward(x[None])[0, 0]
    steps = list(conv_steps(x, layer.params["W"][0], float(layer.params["b"][0]), stride, padding))
    assert [(s.row, s.col) for s in steps] == [(r, c) for r in range(y.shape[0]) for c in range(y.shape[1])]
    np.testing.assert_allclose([s.value for s in steps], y.ravel(), rtol=1e-12, atol=1e-12)
    for step in steps:
        assert step.window.shape == step.products.shape == (2, k, k)
        np.testing.assert_allclose(step.products, step.window * layer.params["W"][0])


@pytest.mark.parametrize(("size", "stride"), [(2, None), (3, 2), (2, 1), (3, 3)])
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_pool_steps_equal_the_fast_pooling(size: int, stride: int | None, mode: str) -> None:
    rng = np.random.default_rng(size)
    x = rng.integers(0, 4, (7, 8)).astype(np.float64)  # ties on purpose
    layer = MaxPool2D(size, stride) if mode == "max" else AvgPool2D(size, stride)
    y = layer.forward(x[None, None])[0, 0]
    steps = list(pool_steps(x, size, stride, mode))
    np.testing.assert_allclose([s.value for s in steps], y.ravel(), rtol=1e-12)
    for step in steps:
        if mode == "max":
            flat = int(np.argmax(step.window))  # first maximum in row-major order
            assert step.index == divmod(flat, size) and step.window[step.index] == step.value
        else:
            assert step.index is None


@pytest.mark.parametrize(("k", "stride", "padding"), CONV_SETTINGS)
def test_input_grad_steps_equal_the_fast_backward(k: int, stride: int, padding: int | str) -> None:
    rng = np.random.default_rng(k * stride)
    layer = single_filter_conv(rng, 1, k, stride, padding)
    x = rng.standard_normal((1, 1, 9, 8))
    y = layer.forward(x)
    dz = rng.standard_normal(y.shape)
    dx = layer.backward(dz)[0, 0]
    steps = list(
        conv_input_grad_steps(dz[0, 0], layer.params["W"][0, 0], stride, padding, input_shape=(9, 8))
    )
    assert len(steps) == 9 * 8
    np.testing.assert_allclose([s.value for s in steps], dx.ravel(), rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(steps[0].kernel, layer.params["W"][0, 0][::-1, ::-1])


def test_input_grad_steps_default_input_shape_is_the_smallest_consistent_one() -> None:
    dz = np.ones((4, 4))
    assert len(list(conv_input_grad_steps(dz, np.ones((3, 3))))) == 36  # 6x6 valid -> 4x4
    assert len(list(conv_input_grad_steps(dz, np.ones((3, 3)), 2, 1))) == 7 * 7  # (4-1)*2 + 3 - 2
    with pytest.raises(ValueError, match="does not give dz"):
        list(conv_input_grad_steps(dz, np.ones((3, 3)), input_shape=(5, 5)))


@pytest.mark.parametrize(("k", "stride", "padding"), CONV_SETTINGS)
def test_weight_grad_steps_equal_the_fast_backward(k: int, stride: int, padding: int | str) -> None:
    rng = np.random.default_rng(k + stride)
    layer = single_filter_conv(rng, 1, k, stride, padding)
    x = rng.standard_normal((1, 1, 9, 8))
    dz = rng.standard_normal(layer.forward(x).shape)
    layer.backward(dz)
    steps = list(conv_weight_grad_steps(x[0, 0], dz[0, 0], k, k, stride, padding))
    assert [(s.row, s.col) for s in steps] == [(i, j) for i in range(k) for j in range(k)]
    np.testing.assert_allclose([s.value for s in steps], layer.grads["W"].ravel(), rtol=1e-12, atol=1e-12)
    assert steps[0].window.shape == dz.shape[2:]


@pytest.mark.parametrize(("size", "stride"), [(2, None), (3, 2), (2, 1)])
def test_maxpool_grad_steps_rebuild_the_fast_backward(size: int, stride: int | None) -> None:
    rng = np.random.default_rng(size)
    x = rng.integers(0, 3, (7, 8)).astype(np.float64)
    layer = MaxPool2D(size, stride)
    dy = rng.standard_normal(layer.forward(x[None, None]).shape)
    dx = np.zeros_like(x)
    for step in maxpool_grad_steps(x, dy[0, 0], size, stride):
        assert step.value == dy[0, 0, step.row, step.col]
        assert x[step.input_index] == step.window.max()
        dx[step.input_index] += step.value
    np.testing.assert_allclose(dx, layer.backward(dy)[0, 0], rtol=1e-12)


def test_step_records_are_frozen_and_read_only() -> None:
    step = next(conv_steps(np.ones((1, 3, 3)), np.ones((1, 3, 3))))
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.value = 0.0  # type: ignore[misc]
    assert not step.window.flags.writeable and not step.products.flags.writeable
    assert isinstance(step.value, float)


def test_steps_reject_inconsistent_inputs() -> None:
    with pytest.raises(ValueError, match="channels"):
        next(conv_steps(np.ones((2, 5, 5)), np.ones((3, 3, 3))))
    with pytest.raises(ValueError, match="larger than the padded input"):
        next(conv_steps(np.ones((1, 2, 2)), np.ones((1, 3, 3))))
    with pytest.raises(ValueError, match=r"\(H, W\)"):
        next(pool_steps(np.ones((1, 4, 4)), 2))
    with pytest.raises(ValueError, match="mode"):
        next(pool_steps(np.ones((4, 4)), 2, mode="min"))
    with pytest.raises(ValueError, match="does not give dy"):
        next(maxpool_grad_steps(np.ones((4, 4)), np.ones((3, 3)), 2))
    with pytest.raises(ValueError, match="does not give dz"):
        next(conv_weight_grad_steps(np.ones((6, 6)), np.ones((3, 3)), 3, 3))
