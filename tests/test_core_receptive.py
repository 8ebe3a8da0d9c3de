"""Receptive fields, pixel influence and a unit's effective weight, against brute force.

The oracle perturbs one input pixel at a time and records which units change. With positive weights,
positive inputs and a large push, every unit whose field holds the pixel really changes (a max-pool
window's maximum rises too), so the changed units are exactly the field, nothing less.
"""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import AvgPool2D, Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential, reference_net
from explainer.core.attribution import vanilla_gradient
from explainer.core.receptive import field_sizes, pixel_influence, receptive_field, unit_gradient
from explainer.errors import BadInputError

PUSH = 1e3


def positive_net(layers: list, shape: tuple[int, int, int]) -> Sequential:
    """A float64 net whose conv weights are all positive, ending in a small Dense so it is a classifier."""
    body = Sequential([*layers, Flatten(), Dense(_flat_size(layers, shape), 2)], input_shape=shape)
    body.astype(np.float64)
    rng = np.random.default_rng(1)
    for layer in body.layers:
        if "W" in layer.params and layer.kind == "conv2d":
            layer.params["W"] = rng.uniform(0.5, 1.5, layer.params["W"].shape)
    return body


def _flat_size(layers: list, shape: tuple[int, int, int]) -> int:
    current = shape
    for layer in layers:
        current = layer.output_shape(current)
    return int(np.prod(current))


def brute_force_fields(model: Sequential, layer_index: int) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """For every unit (row, col) of the layer's output, the input pixels whose push changes it."""
    _, height, width = model.input_shape
    x = np.random.default_rng(2).uniform(0.1, 1.0, (1, *model.input_shape))

    def output(image: np.ndarray) -> np.ndarray:
        h = model.normalise(image)
        for layer in model.layers[: layer_index + 1]:
            h = layer.forward(h)
        return h[0]

    base = output(x)
    fields: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for i in range(height):
        for j in range(width):
            pushed = x.copy()
            pushed[0, :, i, j] += PUSH
            changed = (output(pushed) != base).any(axis=0)
            for row, col in zip(*np.nonzero(changed), strict=True):
                fields.setdefault((int(row), int(col)), set()).add((i, j))
    return fields


STACKS = [
    ([Conv2D(1, 2, 3)], (1, 9, 8)),
    ([Conv2D(1, 2, 3, padding=1), ReLU(), Conv2D(2, 2, 3, padding=1)], (1, 10, 9)),
    ([Conv2D(1, 2, 4, stride=3, padding=2), ReLU(), MaxPool2D(2)], (1, 13, 11)),
    ([Conv2D(2, 3, 5, stride=2, padding="same"), AvgPool2D(3, stride=2), Conv2D(3, 2, 2)], (2, 17, 15)),
    (
        [Conv2D(1, 2, 3, stride=2), MaxPool2D(3, stride=1), ReLU(), Conv2D(2, 2, 3, padding=2, stride=2)],
        (1, 16, 14),
    ),
]


@pytest.mark.parametrize("stack", STACKS, ids=lambda s: " ".join(type(layer).__name__ for layer in s[0]))
def test_receptive_field_is_exactly_the_pixels_that_change_the_unit(stack):
    layers, shape = stack
    model = positive_net(layers, shape)
    for layer_index in range(len(layers)):
        fields = brute_force_fields(model, layer_index)
        out_h, out_w = model.output_shapes()[layer_index][1:]
        assert len(fields) == out_h * out_w, "every unit depends on some pixel"
        for (row, col), pixels in fields.items():
            top, left, bottom, right = receptive_field(model, layer_index, row, col)
            rectangle = {(i, j) for i in range(top, bottom) for j in range(left, right)}
            assert pixels == rectangle, (layer_index, row, col, (top, left, bottom, right))


def test_receptive_field_of_the_reference_net_by_hand():
    model = reference_net()
    # conv1 3×3 pad 1: the corner unit sees the 2×2 corner, an inner one its 3×3 neighbourhood.
    assert receptive_field(model, 0, 0, 0) == (0, 0, 2, 2)
    assert receptive_field(model, 0, 5, 7) == (4, 6, 7, 9)
    # pool2 (index 9): 16×16 fields, 4 pixels apart; each pad-1 conv shifts the start back by its jump
    # (1 + 1 + 2 + 2), so unit (3, 3) starts at 3*4 - 6 = 6.
    assert receptive_field(model, 9, 3, 3) == (6, 6, 22, 22)
    assert receptive_field(model, -1, 4, 5) == (4, 5, 5, 6)
    assert receptive_field(model, 11, 0, 0) == (0, 0, 28, 28), "a logit sees every pixel"
    with pytest.raises(BadInputError):
        receptive_field(model, 9, 7, 0)


def test_field_sizes_grow_by_kernel_minus_one_times_the_jump():
    model = reference_net()
    sizes = field_sizes([(layer.kind, layer.get_config()) for layer in model.layers])
    assert [s.size for s in sizes] == [3, 3, 5, 5, 6, 10, 10, 14, 14, 16, None, None]
    assert [s.jump for s in sizes] == [1, 1, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4]
    top, left, bottom, right = receptive_field(model, 9, 3, 3)
    assert bottom - top == right - left == sizes[9].size


def test_pixel_influence_of_seed_000_valid_and_same():
    valid = pixel_influence(6, 6, 3)
    assert valid[0].tolist() == [1, 2, 3, 3, 2, 1]
    assert valid[0, 0] == 1 and valid[2, 3] == 9
    assert valid.sum() == 16 * 9, "16 positions of a 3×3 kernel on 6×6"
    same = pixel_influence(6, 6, 3, padding="same")
    assert same[0].tolist() == [4, 6, 6, 6, 6, 4], (
        "padding lifts the border, though the corner still counts 4"
    )
    assert (same >= valid).all()


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding"),
    [(7, 3, 1, 0), (8, 3, 2, 1), (9, 5, 2, "same"), (10, 2, 3, 0), (7, 4, 1, 3), (11, 3, 3, "valid")],
)
def test_pixel_influence_counts_the_outputs_a_pushed_pixel_changes(size, kernel, stride, padding):
    conv = Conv2D(1, 1, kernel, stride=stride, padding=padding)
    conv.params["W"] = np.ones_like(conv.params["W"], dtype=np.float64)
    x = np.zeros((1, 1, size, size + 1))
    base = conv.forward(x)
    counts = np.zeros((size, size + 1), np.int64)
    for i in range(size):
        for j in range(size + 1):
            pushed = x.copy()
            pushed[0, 0, i, j] = 1.0
            counts[i, j] = int((conv.forward(pushed) != base).sum())
    assert pixel_influence(size, size + 1, kernel, stride, padding).tolist() == counts.tolist()


def test_unit_gradient_lives_in_the_receptive_field_and_matches_central_differences():
    model = positive_net([Conv2D(1, 2, 3, stride=2, padding=1), ReLU(), MaxPool2D(2)], (1, 12, 12))
    x = np.random.default_rng(3).uniform(0.1, 1.0, (1, 1, 12, 12))
    grad = unit_gradient(model, x, 2, channel=1, row=1, col=2)
    top, left, bottom, right = receptive_field(model, 2, 1, 2)
    outside = np.ones((12, 12), bool)
    outside[top:bottom, left:right] = False
    assert grad.shape == (1, 12, 12) and (grad[0][outside] == 0).all() and np.abs(grad).sum() > 0

    def unit(image: np.ndarray) -> float:
        h = model.normalise(image)
        for layer in model.layers[:3]:
            h = layer.forward(h)
        return float(h[0, 1, 1, 2])

    eps = 1e-6
    numeric = np.zeros((12, 12))
    for i in range(top, bottom):
        for j in range(left, right):
            step = np.zeros_like(x)
            step[0, 0, i, j] = eps
            numeric[i, j] = (unit(x + step) - unit(x - step)) / (2 * eps)
    np.testing.assert_allclose(grad[0], numeric, atol=1e-6)


def test_unit_gradient_of_a_logit_is_the_saliency_map():
    model = reference_net().astype(np.float64)
    model.input_mean, model.input_std = 0.1, 0.3
    x = np.random.default_rng(4).uniform(0, 1, (1, 1, 28, 28))
    np.testing.assert_allclose(unit_gradient(model, x, 11, 7)[0], vanilla_gradient(model, x, 7), rtol=1e-9)
    with pytest.raises(BadInputError):
        unit_gradient(model, x, 0, 8)
    with pytest.raises(BadInputError):
        unit_gradient(model, x, -1, 0)


def test_batch_norm_keeps_the_field_and_a_global_average_sees_everything():
    from explainer.core import BatchNorm2D, GlobalAvgPool2D

    model = Sequential(
        [Conv2D(1, 2, 3), BatchNorm2D(2), ReLU(), GlobalAvgPool2D(), Dense(2, 3)], input_shape=(1, 9, 9)
    )
    assert receptive_field(model, 1, 2, 4) == receptive_field(model, 0, 2, 4) == (2, 4, 5, 7)
    assert receptive_field(model, 3, 0, 0) == (0, 0, 9, 9)
    assert [
        field.size for field in field_sizes([(layer.kind, layer.get_config()) for layer in model.layers])
    ][:4] == [3, 3, 3, None]
