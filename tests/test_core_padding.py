"""Asymmetric convolution padding and pooling with padding, ceil_mode and count_include_pad (issue 18).

Every form is checked four ways: central differences in float64, the loop oracle in ``core.naive``, torch
(forward and backward), and a model file round trip; bad values are refused with a message saying why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_core_gradients import as_float64, distinct, numeric_grad

from explainer.core import AvgPool2D, Conv2D, Dense, Flatten, Layer, MaxPool2D, ReLU, Sequential, naive, ops
from explainer.core import layers as core_layers
from explainer.core import schema as checks
from explainer.core.receptive import receptive_field, unit_gradient
from explainer.core.steps import (
    conv_input_grad_steps,
    conv_steps,
    conv_weight_grad_steps,
    maxpool_grad_steps,
    pool_steps,
)
from explainer.errors import BadInputError
from explainer.modelio import load_model, save_model

CONV_FORMS = [
    # (kernel, stride, (top, left, bottom, right))
    (2, 1, (0, 0, 1, 1)),  # what SAME_UPPER gives an even kernel
    (2, 1, (1, 1, 0, 0)),  # SAME_LOWER
    (3, 1, (1, 0, 2, 1)),
    (3, 2, (0, 1, 1, 0)),
    (2, 2, (0, 0, 1, 1)),
    (3, 1, (1, 2, 1, 2)),  # symmetric per axis, different between axes
    (3, 1, (4, 0, 0, 3)),  # more padding than k - 1 on one side
]

POOL_FORMS = [
    # (size, stride, padding, ceil_mode)
    (2, 2, 0, True),
    (2, 2, 1, False),
    (2, 2, (0, 0, 1, 1), False),
    (3, 2, 1, True),
    (3, 2, (1, 0, 2, 1), True),
    (3, 1, (0, 2, 1, 0), False),
    (3, 3, 2, True),
]


TORCH_POOLS = [
    # torch pads symmetrically, at most size // 2
    (2, 2, 0, True),
    (2, 2, 1, False),
    (2, 2, 1, True),
    (3, 2, 1, True),
    (3, 2, 1, False),
    (3, 1, 1, True),
    (3, 3, 1, True),
    (4, 3, 2, True),
]


def conv_layer(k: int, s: int, pads: Any, rng: np.random.Generator, channels: int = 2) -> Conv2D:
    layer = Conv2D(channels, 3, k, s, padding=list(pads), rng=rng)
    as_float64(layer, rng)
    return layer


def conv_pass(
    k: int, s: int, pads: Any, seed: int, hw: tuple[int, int], batch: int = 2
) -> tuple[Conv2D, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A float64 Conv2D with these settings, run forward and backward on random numbers.

    Returns (layer, x ``(batch, 2, *hw)``, y, dy, dx).
    """
    rng = np.random.default_rng(seed)
    layer = conv_layer(k, s, pads, rng)
    x = rng.standard_normal((batch, 2, *hw))
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    return layer, x, y, dy, layer.backward(dy)


def pool_layer(kind: type[Layer], size: int, stride: int, padding: Any, ceil: bool, include: bool) -> Layer:
    padding = padding if isinstance(padding, int) else list(padding)
    if kind is AvgPool2D:
        return AvgPool2D(size, stride, padding, ceil, count_include_pad=include)
    return MaxPool2D(size, stride, padding, ceil)


def check_gradients(layer: Layer, x: np.ndarray, rng: np.random.Generator) -> float:
    """The largest difference between backward and central differences of ``sum(y * weights)``."""
    y = layer.forward(x)
    weights = rng.standard_normal(y.shape)
    dx = layer.backward(weights.copy())
    analytic = {"x": dx, **{key: value.copy() for key, value in layer.grads.items()}}

    def loss() -> float:
        return float(np.sum(layer.forward(x) * weights))

    numeric = {"x": numeric_grad(loss, x), **{key: numeric_grad(loss, p) for key, p in layer.params.items()}}
    return max(float(np.abs(analytic[key] - numeric[key]).max()) for key in numeric)


# -- output sizes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "begin", "end", "ceil", "expected"),
    [
        # ceil((28 + 0 + 1 - 2) / 2) + 1 = 15, but the 15th window would start at row 28, in the padding
        (28, 2, 2, 0, 1, True, 14),
        (29, 2, 2, 0, 1, True, 15),
        (28, 2, 2, 0, 1, False, 14),
        (5, 2, 2, 1, 1, True, 3),  # ceil gives 4, but the 4th window would start in the bottom padding
        (5, 2, 2, 0, 0, True, 3),
        (7, 3, 2, 1, 1, True, 4),
        (6, 3, 2, 1, 1, True, 4),
        (7, 3, 1, 4, 0, False, 9),
    ],
)
def test_output_size_follows_the_floor_and_ceil_formula(
    size: int, kernel: int, stride: int, begin: int, end: int, ceil: bool, expected: int
) -> None:
    assert ops.output_size(size, kernel, stride, begin, end, ceil_mode=ceil) == expected


def test_output_size_names_both_paddings_when_the_kernel_does_not_fit() -> None:
    with pytest.raises(ValueError, match=r"padded input 2 \+ 0 \+ 1 = 3"):
        ops.output_size(2, 4, 1, 0, 1)


def test_output_sizes_match_torch() -> None:
    torch = pytest.importorskip("torch")
    for size, stride, padding, ceil in TORCH_POOLS:
        for H in range(size, 14):
            torch_size = torch.nn.MaxPool2d(size, stride, padding, ceil_mode=ceil)(torch.zeros(1, 1, H, H))
            ours = ops.output_size(H, size, stride, padding, padding, ceil_mode=ceil)
            assert ours == torch_size.shape[2], (size, stride, padding, ceil, H)


# -- central differences ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "s", "pads"), CONV_FORMS)
def test_asymmetric_conv_gradients_match_central_differences(k: int, s: int, pads: tuple) -> None:
    rng = np.random.default_rng(1)
    layer = conv_layer(k, s, pads, rng)
    assert check_gradients(layer, rng.standard_normal((2, 2, 5, 6)), rng) < 1e-7


@pytest.mark.parametrize(("size", "stride", "padding", "ceil"), POOL_FORMS)
@pytest.mark.parametrize(("kind", "include"), [(MaxPool2D, False), (AvgPool2D, False), (AvgPool2D, True)])
def test_padded_pool_gradients_match_central_differences(
    kind: type[Layer], include: bool, size: int, stride: int, padding: Any, ceil: bool
) -> None:
    rng = np.random.default_rng(2)
    layer = pool_layer(kind, size, stride, padding, ceil, include)
    assert check_gradients(layer, distinct(rng, (2, 2, 7, 8)), rng) < 1e-7


# -- the loop oracle --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "s", "pads"), CONV_FORMS)
def test_asymmetric_conv_matches_the_loop_oracle(k: int, s: int, pads: tuple) -> None:
    layer, x, y, dy, dx = conv_pass(k, s, pads, 3, (6, 5))
    W, b = layer.params["W"], layer.params["b"]
    expected_dx, expected_dW, expected_db = naive.conv2d_naive_backward(x, W, dy, s, list(pads))
    np.testing.assert_allclose(y, naive.conv2d_naive(x, W, b, s, list(pads)), atol=1e-12)
    np.testing.assert_allclose(dx, expected_dx, atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], expected_dW, atol=1e-12)
    np.testing.assert_allclose(layer.grads["b"], expected_db, atol=1e-12)


@pytest.mark.parametrize(("size", "stride", "padding", "ceil"), POOL_FORMS)
def test_padded_pools_match_the_loop_oracle(size: int, stride: int, padding: Any, ceil: bool) -> None:
    rng = np.random.default_rng(4)
    x = rng.standard_normal((2, 3, 7, 9)).astype(np.float32)
    settings = {"padding": padding, "ceil_mode": ceil}
    layer = pool_layer(MaxPool2D, size, stride, padding, ceil, False)
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape).astype(np.float32)
    np.testing.assert_array_equal(y, naive.pool_naive(x, size, stride, **settings))
    # Overlapping windows add into the same cell in another order: float32 rounding only.
    np.testing.assert_allclose(
        layer.backward(dy), naive.pool_naive_backward(x, dy, size, stride, **settings), atol=1e-6
    )
    for include in (False, True):
        layer = pool_layer(AvgPool2D, size, stride, padding, ceil, include)
        y = layer.forward(x)
        expected = naive.pool_naive(x, size, stride, average=True, count_include_pad=include, **settings)
        np.testing.assert_allclose(y, expected, rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(
            layer.backward(dy),
            naive.pool_naive_backward(
                x, dy, size, stride, average=True, count_include_pad=include, **settings
            ),
            rtol=1e-6,
            atol=1e-7,
        )


def test_max_pool_padding_holds_minus_infinity_so_it_never_wins() -> None:
    x = -np.ones((1, 1, 3, 3), np.float32)
    y = MaxPool2D(2, 2, padding=1).forward(x)
    np.testing.assert_array_equal(y, -np.ones((1, 1, 2, 2), np.float32))


def test_average_pool_divides_by_input_values_unless_padding_is_counted() -> None:
    x = np.ones((1, 1, 3, 3))
    # Corner window of a 2x2 pool with padding 1 holds one input value and three padded zeros.
    assert AvgPool2D(2, 2, padding=1).forward(x)[0, 0, 0, 0] == 1.0
    assert AvgPool2D(2, 2, padding=1, count_include_pad=True).forward(x)[0, 0, 0, 0] == 0.25
    # Ceil mode: the last window reaches past the input (no padding there), which is never counted.
    last = AvgPool2D(2, 2, ceil_mode=True, count_include_pad=True).forward(x)[0, 0, 1, 1]
    assert last == 1.0


# -- torch ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "s", "pads"), CONV_FORMS)
def test_asymmetric_conv_matches_torch_forward_and_backward(k: int, s: int, pads: tuple) -> None:
    torch = pytest.importorskip("torch")
    layer, x, y, dy, dx = conv_pass(k, s, pads, 5, (7, 6))
    xt = torch.tensor(x, requires_grad=True)
    Wt = torch.tensor(layer.params["W"], requires_grad=True)
    bt = torch.tensor(layer.params["b"], requires_grad=True)
    top, left, bottom, right = pads
    yt = torch.nn.functional.conv2d(torch.nn.functional.pad(xt, (left, right, top, bottom)), Wt, bt, s)
    yt.backward(torch.tensor(dy))
    np.testing.assert_allclose(y, yt.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(dx, xt.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], Wt.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(layer.grads["b"], bt.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize(("size", "stride", "padding", "ceil"), TORCH_POOLS)
@pytest.mark.parametrize(("kind", "include"), [(MaxPool2D, False), (AvgPool2D, False), (AvgPool2D, True)])
@pytest.mark.parametrize("hw", [(7, 8), (6, 9)])
def test_padded_pools_match_torch_forward_and_backward(
    kind: type[Layer], include: bool, size: int, stride: int, padding: int, ceil: bool, hw: tuple
) -> None:
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, *hw))
    layer = pool_layer(kind, size, stride, padding, ceil, include)
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    dx = layer.backward(dy)
    xt = torch.tensor(x, requires_grad=True)
    if kind is MaxPool2D:
        yt = torch.nn.functional.max_pool2d(xt, size, stride, padding, ceil_mode=ceil)
    else:
        yt = torch.nn.functional.avg_pool2d(xt, size, stride, padding, ceil, count_include_pad=include)
    yt.backward(torch.tensor(dy))
    assert y.shape == tuple(yt.shape)
    np.testing.assert_allclose(y, yt.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(dx, xt.grad.numpy(), atol=1e-12)


def test_asymmetric_max_pool_matches_torch_on_an_explicitly_padded_input() -> None:
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(7)
    x = rng.standard_normal((1, 2, 7, 7))
    y = MaxPool2D(3, 2, padding=[1, 0, 2, 1]).forward(x)
    padded = torch.nn.functional.pad(torch.tensor(x), (0, 1, 1, 2), value=-np.inf)
    np.testing.assert_array_equal(y, torch.nn.functional.max_pool2d(padded, 3, 2).numpy())


# -- the common case stays fast, and the float32 layers keep their dtype ---------------------------------


def test_equal_padding_on_every_side_takes_the_existing_path_without_a_copy(monkeypatch) -> None:
    def no_copy(*args: Any) -> None:
        raise AssertionError("an equal padding must not be padded beforehand")

    monkeypatch.setattr(core_layers, "pad_sides", no_copy)
    x = np.ones((1, 1, 6, 6), np.float32)
    for layer in (Conv2D(1, 2, 3, padding=[1, 1, 1, 1]), Conv2D(1, 2, 3, 2, padding=1), MaxPool2D(2)):
        layer.backward(np.ones_like(layer.forward(x)))
    assert Conv2D(1, 2, 3, padding=[1, 1, 1, 1]).forward(x).dtype == np.float32


def test_asymmetric_layers_keep_float32() -> None:
    x = np.ones((1, 1, 6, 6), np.float32)
    for layer in (Conv2D(1, 2, 2, padding=[0, 0, 1, 1]), MaxPool2D(3, 2, 1, True), AvgPool2D(3, 2, 1, True)):
        y = layer.forward(x)
        assert y.dtype == np.float32 and layer.backward(np.ones_like(y)).dtype == np.float32


# -- configs, model files and refusals ----------------------------------------------------------------


def test_configs_keep_their_form_and_shapes_come_from_the_config() -> None:
    assert Conv2D(1, 2, 3, padding=1).get_config()["padding"] == 1
    assert Conv2D(1, 2, 3, padding="same").trace_config()["padding"] == 1
    conv = Conv2D(1, 2, 2, padding=(0, 0, 1, 1))
    assert conv.get_config()["padding"] == [0, 0, 1, 1]
    assert conv.trace_config()["padding"] == [0, 0, 1, 1]
    assert MaxPool2D(2).get_config() == {"size": 2, "stride": 2}
    pool = AvgPool2D(3, 2, [0, 1, 1, 0], True, count_include_pad=True)
    assert pool.get_config() == {
        "size": 3,
        "stride": 2,
        "padding": [0, 1, 1, 0],
        "ceil_mode": True,
        "count_include_pad": True,
    }
    assert Layer.from_config("avgpool2d", pool.get_config()).get_config() == pool.get_config()
    assert conv.output_shape((1, 5, 5)) == (2, 5, 5)
    assert pool.output_shape((1, 28, 28)) == (1, 14, 14)
    assert MaxPool2D(2, ceil_mode=True).output_shape((1, 7, 7)) == (1, 4, 4)


def padded_net() -> Sequential:
    rng = np.random.default_rng(8)
    model = Sequential(
        [
            Conv2D(1, 3, 2, padding=[0, 0, 1, 1], rng=rng),
            ReLU(),
            MaxPool2D(2, ceil_mode=True),
            Conv2D(3, 4, 3, 2, padding=[1, 0, 2, 1], rng=rng),
            AvgPool2D(3, 2, padding=[1, 1, 0, 0], ceil_mode=True, count_include_pad=True),
            Flatten(),
            Dense(4 * 2 * 1, 10, rng=rng),
        ],
        input_shape=(1, 9, 9),
    )
    for layer in model.layers:
        for value in layer.params.values():
            value += rng.standard_normal(value.shape).astype(value.dtype) * 0.1
    return model


def test_model_file_round_trip_keeps_four_sided_padding_and_ceil_mode(tmp_path: Path) -> None:
    model = padded_net()
    x = np.random.default_rng(9).random((3, 1, 9, 9), np.float32)
    save_model(model, tmp_path / "padded.npz")
    loaded = load_model(tmp_path / "padded.npz")
    assert [layer.get_config() for layer in loaded.layers] == [layer.get_config() for layer in model.layers]
    np.testing.assert_array_equal(loaded.forward(x), model.forward(x))


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ([1, 2, 3], "four integers"),
        ([1, 2, 3, "4"], "four integers"),
        ([1, 2, 3, 4.0], "four integers"),
        ([1, -1, 0, 0], "between 0 and"),
        ([0, 0, 0, 10**6], "between 0 and"),
        ({"top": 1}, "list of four integers"),
        (True, "list of four integers"),
    ],
)
def test_model_files_refuse_bad_conv_padding(tmp_path: Path, value: Any, problem: str) -> None:
    assert problem in (checks.padding(value) or "")
    path = tmp_path / "good.npz"
    save_model(padded_net(), path)
    bad = rewrite_config(path, tmp_path / "bad.npz", 0, "padding", value)
    with pytest.raises(BadInputError, match=f"padding=.*is invalid: .*{problem}"):
        load_model(bad)


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("padding", "same", "integer or a list"),
        ("padding", [0, 1], "four integers"),
        ("ceil_mode", 1, "true or false"),
        ("count_include_pad", "yes", "true or false"),
        ("padding", [0, 0, 3, 0], "at most size - 1"),
    ],
)
def test_model_files_refuse_bad_pool_settings(tmp_path: Path, key: str, value: Any, problem: str) -> None:
    path = tmp_path / "good.npz"
    save_model(padded_net(), path)
    with pytest.raises(BadInputError, match=problem):
        load_model(rewrite_config(path, tmp_path / "bad.npz", 4, key, value))


def rewrite_config(path: Path, out: Path, layer: int, key: str, value: Any) -> Path:
    """A copy of the model file ``path`` with layer ``layer``'s ``config[key] = value``."""
    import json

    with np.load(path) as arrays:
        entries = dict(arrays)
    document = json.loads(entries["config"].tobytes())
    document["layers"][layer]["config"][key] = value
    entries["config"] = np.frombuffer(json.dumps(document).encode(), np.uint8)
    np.savez(out, **entries)
    return out


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Conv2D(1, 1, 3, padding=[1, 1, 1]), "four ints"),
        (lambda: Conv2D(1, 1, 3, padding=[1, 1, 1, -1]), "four ints"),
        (lambda: Conv2D(1, 1, 3, padding=[1, 1.5, 1, 1]), "four ints"),
        (lambda: MaxPool2D(2, padding=2), "at most size - 1 = 1"),
        (lambda: AvgPool2D(3, padding=[0, 0, 0, 3]), "at most size - 1 = 2"),
        (lambda: MaxPool2D(3, padding="same"), "int or four ints"),
    ],
)
def test_constructors_refuse_bad_padding(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_resolve_padding_refuses_unequal_sides_where_one_number_is_needed() -> None:
    assert core_layers.resolve_padding([2, 2, 2, 2], 3) == 2
    with pytest.raises(ValueError, match="differs between sides"):
        core_layers.resolve_padding([0, 0, 1, 1], 2)


# -- the teaching steps ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "s", "pads"), CONV_FORMS)
def test_conv_steps_with_asymmetric_padding_equal_the_layer(k: int, s: int, pads: tuple) -> None:
    layer, x, y, dy, dx = conv_pass(k, s, pads, 12, (6, 5), batch=1)
    W, b = layer.params["W"], layer.params["b"]
    values = [step.value for step in conv_steps(x[0], W[1], b[1], s, list(pads))]
    np.testing.assert_allclose(np.reshape(values, y.shape[2:]), y[0, 1], atol=1e-12)
    # One input and one output channel at a time: dx sums over output channels, dW over positions.
    one = [
        list(conv_input_grad_steps(dy[0, o], W[o, 0], s, list(pads), input_shape=(6, 5))) for o in range(3)
    ]
    dx0 = sum(np.reshape([step.value for step in steps], (6, 5)) for steps in one)
    np.testing.assert_allclose(dx0, dx[0, 0], atol=1e-12)
    dw = [step.value for step in conv_weight_grad_steps(x[0, 1], dy[0, 2], k, k, s, list(pads))]
    np.testing.assert_allclose(np.reshape(dw, (k, k)), layer.grads["W"][2, 1], atol=1e-12)


@pytest.mark.parametrize(("size", "stride", "padding", "ceil"), POOL_FORMS)
def test_pool_steps_with_padding_and_ceil_mode_equal_the_layers(
    size: int, stride: int, padding: Any, ceil: bool
) -> None:
    rng = np.random.default_rng(13)
    x = distinct(rng, (1, 1, 7, 8))
    settings = {"padding": padding, "ceil_mode": ceil}
    layer = pool_layer(MaxPool2D, size, stride, padding, ceil, False)
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    steps = list(pool_steps(x[0, 0], size, stride, "max", **settings))
    np.testing.assert_array_equal(np.reshape([s.value for s in steps], y.shape[2:]), y[0, 0])
    routed = np.zeros((7, 8))
    for step in maxpool_grad_steps(x[0, 0], dy[0, 0], size, stride, **settings):
        routed[step.input_index] += step.value
    np.testing.assert_allclose(routed, layer.backward(dy)[0, 0], atol=1e-12)
    for include in (False, True):
        y = pool_layer(AvgPool2D, size, stride, padding, ceil, include).forward(x)
        steps = list(pool_steps(x[0, 0], size, stride, "avg", count_include_pad=include, **settings))
        np.testing.assert_allclose(np.reshape([s.value for s in steps], y.shape[2:]), y[0, 0], atol=1e-12)


def test_pool_step_windows_show_padding_as_the_layer_sees_it() -> None:
    x = np.arange(9.0).reshape(3, 3)
    first = next(pool_steps(x, 2, 2, "max", padding=1))
    np.testing.assert_array_equal(first.window, [[-np.inf, -np.inf], [-np.inf, 0.0]])
    assert first.value == 0.0 and first.index == (1, 1)
    first = next(pool_steps(x, 2, 2, "avg", padding=1))
    np.testing.assert_array_equal(first.window, [[0.0, 0.0], [0.0, 0.0]])
    assert first.count == 1
    last = list(pool_steps(x, 2, 2, "avg", ceil_mode=True))[-1]
    assert last.window.shape == (2, 2) and last.count == 1 and last.value == 8.0


def test_receptive_fields_follow_the_leading_padding_of_each_axis() -> None:
    rng = np.random.default_rng(14)
    model = Sequential(
        [
            Conv2D(1, 2, 3, padding=[2, 0, 1, 1], rng=rng),
            AvgPool2D(3, 2, padding=[1, 0, 0, 2], ceil_mode=True),
            Flatten(),
        ],
        input_shape=(1, 9, 8),
    )
    for layer in model.layers[:1]:
        layer.params["W"][:] = rng.uniform(0.5, 1.0, layer.params["W"].shape)
    x = rng.random((1, 1, 9, 8), np.float32)
    for index in (0, 1):
        _, rows, cols = model.output_shapes()[index]
        for row in range(rows):
            for col in range(cols):
                top, left, bottom, right = receptive_field(model, index, row, col)
                support = np.argwhere(unit_gradient(model, x, index, 1, row, col)[0] != 0)
                assert (support.min(axis=0).tolist(), (support.max(axis=0) + 1).tolist()) == (
                    [top, left],
                    [bottom, right],
                ), (index, row, col)


@settings(max_examples=40, deadline=None)
@given(
    size=st.integers(1, 4),
    stride=st.integers(1, 3),
    sides=st.lists(st.integers(0, 3), min_size=4, max_size=4),
    ceil=st.booleans(),
    include=st.booleans(),
    hw=st.tuples(st.integers(1, 7), st.integers(1, 7)),
    seed=st.integers(0, 1000),
)
def test_random_pool_settings_match_the_loop_oracle(
    size: int, stride: int, sides: list[int], ceil: bool, include: bool, hw: tuple[int, int], seed: int
) -> None:
    sides = [min(side, size - 1) for side in sides]
    top, left, bottom, right = sides
    assume(hw[0] + top + bottom >= size and hw[1] + left + right >= size)  # else refused (tested above)
    x = np.random.default_rng(seed).permutation(np.arange(2 * hw[0] * hw[1], dtype=np.float64))
    x = x.reshape(1, 2, *hw)
    layers = [MaxPool2D(size, stride, sides, ceil), AvgPool2D(size, stride, sides, ceil, include)]
    oracles = [
        naive.pool_naive(x, size, stride, padding=sides, ceil_mode=ceil),
        naive.pool_naive(
            x, size, stride, average=True, padding=sides, ceil_mode=ceil, count_include_pad=include
        ),
    ]
    for layer, expected in zip(layers, oracles, strict=True):
        y = layer.forward(x)
        np.testing.assert_allclose(y, expected, atol=1e-12)
        assert y.shape[1:] == layer.output_shape(x.shape[1:])


@settings(max_examples=30, deadline=None)
@given(
    k=st.integers(1, 4),
    stride=st.integers(1, 3),
    sides=st.lists(st.integers(0, 4), min_size=4, max_size=4),
    hw=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    seed=st.integers(0, 1000),
)
def test_random_conv_paddings_match_the_loop_oracle(
    k: int, stride: int, sides: list[int], hw: tuple[int, int], seed: int
) -> None:
    top, left, bottom, right = sides
    assume(hw[0] + top + bottom >= k and hw[1] + left + right >= k)
    rng = np.random.default_rng(seed)
    layer = Conv2D(2, 2, k, stride, sides, rng=rng)
    as_float64(layer, rng)
    x = rng.standard_normal((2, 2, *hw))
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    W = layer.params["W"]
    np.testing.assert_allclose(y, naive.conv2d_naive(x, W, layer.params["b"], stride, sides), atol=1e-12)
    expected_dx, expected_dW, _ = naive.conv2d_naive_backward(x, W, dy, stride, sides)
    np.testing.assert_allclose(layer.backward(dy), expected_dx, atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], expected_dW, atol=1e-12)
