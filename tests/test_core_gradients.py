"""Central-difference gradient checks in float64 for every layer and for a whole network."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from explainer import core
from explainer.core.passes import nudge

EPS = 1e-6


def central_difference(f: Callable[[], float], flat: np.ndarray, i: int, step: float = EPS) -> float:
    """dF/d(flat[i]) as ``(F(+step) - F(-step)) / (2 step)``, by the engine's ``passes.nudge`` (which
    test_core_nudge checks against derivatives known in closed form)."""
    up, down = nudge(f, flat, i, step)
    return (up - down) / (2 * step)


def numeric_grad(f: Callable[[], float], array: np.ndarray) -> np.ndarray:
    """dF/d(array) by central differences, perturbing ``array`` in place one element at a time."""
    grad = np.zeros_like(array)
    flat, gflat = array.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        gflat[i] = central_difference(f, flat, i)
    return grad


def away_from_zero(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Values with |v| in [0.1, 1]: no ReLU kink within reach of EPS."""
    return rng.uniform(0.1, 1.0, shape) * rng.choice([-1.0, 1.0], shape)


def distinct(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """A permutation of well separated values: no pooling ties, even after an EPS nudge."""
    return rng.permutation(np.arange(int(np.prod(shape)), dtype=np.float64)).reshape(shape) * 0.01 - 1.0


def as_float64(layer: core.Layer, rng: np.random.Generator) -> core.Layer:
    """Cast the layer's parameters to float64 and give biases non-zero values, so they are checked too."""
    layer.params = {key: value.astype(np.float64) for key, value in layer.params.items()}
    if "b" in layer.params:
        layer.params["b"] = rng.standard_normal(layer.params["b"].shape)
    return layer


def check_layer(layer: core.Layer, x: np.ndarray, rng: np.random.Generator) -> None:
    """Compare backward's dx and every dparam with central differences of L = sum(y * g)."""
    y = layer.forward(x)
    g = rng.standard_normal(y.shape)

    def loss() -> float:
        return float(np.sum(layer.forward(x) * g))

    layer.forward(x)
    dx = layer.backward(g)
    analytic = {key: value.copy() for key, value in layer.grads.items()}
    assert dx.shape == x.shape and dx.dtype == np.float64
    np.testing.assert_allclose(dx, numeric_grad(loss, x), rtol=1e-6, atol=1e-7, err_msg=f"{layer!r} dx")
    for key, value in layer.params.items():
        np.testing.assert_allclose(
            analytic[key], numeric_grad(loss, value), rtol=1e-6, atol=1e-7, err_msg=f"{layer!r} d{key}"
        )


CONV_CASES = [
    (2, 3, 3, 1, 1, (2, 2, 6, 5)),
    (2, 3, 3, 1, "valid", (2, 2, 6, 6)),
    (2, 3, 3, 1, "same", (1, 2, 5, 7)),
    (1, 2, 3, 2, 1, (2, 1, 7, 6)),
    (3, 2, 2, 2, 0, (1, 3, 6, 6)),
    (2, 2, 5, 1, 2, (1, 2, 6, 6)),
    (2, 2, 3, 3, 2, (1, 2, 7, 8)),
    (2, 2, 1, 1, 0, (2, 2, 3, 3)),
]


@pytest.mark.parametrize(("c_in", "c_out", "k", "stride", "padding", "shape"), CONV_CASES)
def test_conv2d_gradients(
    c_in: int, c_out: int, k: int, stride: int, padding: int | str, shape: tuple[int, ...]
) -> None:
    rng = np.random.default_rng(k * 10 + stride)
    layer = as_float64(core.Conv2D(c_in, c_out, k, stride, padding, rng=rng), rng)
    check_layer(layer, rng.standard_normal(shape), rng)


@pytest.mark.parametrize(
    ("size", "stride", "shape"),
    [(2, 2, (2, 3, 6, 6)), (2, 2, (1, 2, 5, 7)), (3, 2, (1, 2, 7, 6)), (2, 1, (1, 2, 4, 5))],
)
@pytest.mark.parametrize("pool", [core.MaxPool2D, core.AvgPool2D])
def test_pool_gradients(pool: type[core.Layer], size: int, stride: int, shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(size + stride)
    check_layer(pool(size, stride), distinct(rng, shape), rng)


@pytest.mark.parametrize(
    "layer", [core.ReLU(), core.LeakyReLU(0.1), core.Sigmoid(), core.Tanh(), core.Flatten()], ids=repr
)
def test_activation_and_flatten_gradients(layer: core.Layer) -> None:
    rng = np.random.default_rng(1)
    check_layer(layer, away_from_zero(rng, (2, 3, 4, 4)), rng)


def test_global_average_pool_gradients() -> None:
    rng = np.random.default_rng(3)
    check_layer(core.GlobalAvgPool2D(), rng.standard_normal((2, 3, 4, 5)), rng)


@pytest.mark.parametrize("training", [True, False], ids=["batch statistics", "running statistics"])
def test_batchnorm_gradients(training: bool) -> None:
    """Through the batch mean and variance in training mode; the affine map of the running ones in eval."""
    rng = np.random.default_rng(4)
    layer = as_float64(core.BatchNorm2D(3), rng)
    layer.params = {key: rng.uniform(0.5, 1.5, value.shape) for key, value in layer.params.items()}
    layer.buffers = {"running_mean": rng.standard_normal(3), "running_var": rng.uniform(0.5, 2.0, 3)}
    layer.training = training
    check_layer(layer, rng.standard_normal((2, 3, 3, 4)), rng)


def test_dense_gradients() -> None:
    rng = np.random.default_rng(2)
    check_layer(as_float64(core.Dense(7, 4, rng=rng), rng), rng.standard_normal((3, 7)), rng)


def test_dropout_gradient_uses_the_same_mask_in_training() -> None:
    rng = np.random.default_rng(3)
    layer = core.Dropout(0.4, rng=np.random.default_rng(0))
    layer.training = True
    x = rng.standard_normal((4, 6))
    y = layer.forward(x)
    dy = rng.standard_normal(x.shape)
    dx = layer.backward(dy)
    kept = y != 0
    assert 0 < kept.sum() < kept.size
    np.testing.assert_allclose(dx[kept], dy[kept] / 0.6)
    assert np.all(dx[~kept] == 0)


def test_whole_network_gradients() -> None:
    """Every parameter and the input of a mixed net, through the mean cross-entropy."""
    rng = np.random.default_rng(4)
    model = core.Sequential(
        [
            core.Conv2D(1, 3, 3, padding=1, rng=rng),
            core.ReLU(),
            core.MaxPool2D(2),
            core.Conv2D(3, 4, 3, stride=2, padding=1, rng=rng),
            core.Tanh(),
            core.AvgPool2D(2),
            core.Flatten(),
            core.Dense(4, 5, rng=rng),
            core.LeakyReLU(0.05),
            core.Dense(5, 3, rng=rng),
        ],
        input_shape=(1, 8, 8),
        input_mean=0.2,
        input_std=0.5,
    ).astype(np.float64)
    for layer in model.layers:
        if "b" in layer.params:
            layer.params["b"][:] = rng.uniform(-0.5, 0.5, layer.params["b"].shape)
    x = rng.random((2, 1, 8, 8))
    labels = np.array([0, 2])

    # The check only means something away from ReLU kinks and pooling near-ties.
    pre_relu = model.layers[0].forward(model.normalise(x))
    assert np.abs(pre_relu).min() > 1e-4

    def loss() -> float:
        return core.softmax_cross_entropy(model.forward(x), labels)[0]

    _, dlogits = core.softmax_cross_entropy(model.forward(x), labels)
    dx = model.backward(dlogits)
    analytic = [{key: value.copy() for key, value in layer.grads.items()} for layer in model.layers]
    np.testing.assert_allclose(dx, numeric_grad(loss, x), rtol=1e-5, atol=1e-9)
    for layer, grads in zip(model.layers, analytic, strict=True):
        for key, value in layer.params.items():
            np.testing.assert_allclose(
                grads[key], numeric_grad(loss, value), rtol=1e-5, atol=1e-9, err_msg=f"{layer.name}.{key}"
            )


def test_backward_without_input_grad_fills_the_same_parameter_grads() -> None:
    rng = np.random.default_rng(5)
    model = core.Sequential(
        [core.Conv2D(1, 2, 3, padding=1, rng=rng), core.ReLU(), core.Flatten(), core.Dense(32, 3, rng=rng)],
        input_shape=(1, 4, 4),
    )
    x = rng.random((3, 1, 4, 4), dtype=np.float32)
    _, dlogits = core.softmax_cross_entropy(model.forward(x), [0, 1, 2])
    model.backward(dlogits)
    full = [dict(layer.grads) for layer in model.layers]
    model.forward(x)
    assert model.backward(dlogits, input_grad=False) is None
    for layer, grads in zip(model.layers, full, strict=True):
        for key in layer.params:
            np.testing.assert_array_equal(layer.grads[key], grads[key])
