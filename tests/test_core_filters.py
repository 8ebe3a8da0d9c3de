"""What each filter looks for: receptive fields, top images, activation maximisation and the atlas file."""

from __future__ import annotations

import numpy as np
import pytest

import explainer
from explainer.core import Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential
from explainer.core.filters import (
    activation_maximisation,
    conv_layer_indices,
    inclusive_field,
    top_activations,
)
from explainer.filters import FilterAtlas, bundled_atlas_for, compute_atlas


def _positive_net(blocks: list, size: int) -> Sequential:
    """A net of the given conv/pool geometry with positive weights and biases, so every ReLU passes and a
    large enough bump on any pixel the unit sees changes it (max-pool then picks the bumped value)."""
    rng = np.random.default_rng(1)
    layers, channels, shape = [], 1, size
    for block in blocks:
        if block[0] == "conv":
            _, k, s, p = block
            conv = Conv2D(channels, 2, k, stride=s, padding=p)
            conv.params["W"] = rng.uniform(0.1, 1.0, conv.params["W"].shape).astype(np.float32)
            conv.params["b"] = np.full(2, 0.1, np.float32)
            layers += [conv, ReLU()]
            channels, shape = 2, (shape + 2 * p - k) // s + 1
        else:
            _, k, s = block
            layers.append(MaxPool2D(k, stride=s))
            shape = (shape - k) // s + 1
    layers += [Flatten(), Dense(channels * shape * shape, 2)]
    return Sequential(layers, input_shape=(1, size, size))


def _brute_force_field(model: Sequential, layer_index: int, row: int, col: int) -> tuple[int, int, int, int]:
    """The bounding box of the input pixels whose bump changes the unit (one forward of every bump)."""
    _, height, width = model.input_shape
    base = np.random.default_rng(2).uniform(0.0, 0.5, (1, 1, height, width)).astype(np.float32)
    bumped = np.repeat(base, height * width, axis=0)
    bumped.reshape(height * width, -1)[np.arange(height * width), np.arange(height * width)] += 1000.0
    outputs = []
    for x in (base, bumped):
        h = model.normalise(x)
        for layer in model.layers[: layer_index + 1]:
            h = layer.forward(h)
        outputs.append(h[:, 0, row, col])
    changed = np.argwhere((outputs[1] != outputs[0][0]).reshape(height, width))
    (top, left), (bottom, right) = changed.min(axis=0), changed.max(axis=0)
    return int(top), int(left), int(bottom), int(right)


GEOMETRIES = [
    ([("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 2, 2), ("conv", 3, 1, 1), ("pool", 2, 2)], 28),
    ([("conv", 5, 2, 2), ("pool", 3, 2), ("conv", 3, 1, 0)], 29),
    ([("conv", 3, 1, 0), ("pool", 3, 2), ("conv", 3, 2, 1)], 20),
]


@pytest.mark.parametrize(("blocks", "size"), GEOMETRIES)
def test_the_receptive_field_is_what_a_perturbation_reaches(blocks: list, size: int) -> None:
    model = _positive_net(blocks, size)
    shapes = model.output_shapes()
    checked = 0
    for index, layer in enumerate(model.layers):
        if layer.kind not in ("relu", "maxpool2d"):
            continue
        _, out_h, out_w = shapes[index]
        for row, col in {(0, 0), (out_h - 1, out_w - 1), (out_h // 2, out_w // 3), (out_h - 1, 0)}:
            assert inclusive_field(model, index, row, col) == _brute_force_field(model, index, row, col)
            checked += 1
    assert checked >= 8


def test_the_bundled_model_sees_growing_windows() -> None:
    model = explainer.load_model()
    convs = conv_layer_indices(model)
    # conv1 3x3, conv2 5x5, conv3 (after a pool) 10x10, conv4 14x14, in the middle of the image.
    sides = [inclusive_field(model, i, 3, 3) for i in convs]
    assert [(b - t + 1) for t, _l, b, _r in sides] == [3, 5, 10, 14]
    assert inclusive_field(model, 0, 0, 0) == (0, 0, 1, 1)  # the padding sees nothing


def test_top_activations_match_a_brute_force_argmax() -> None:
    model = explainer.load_model()
    images = np.random.default_rng(3).uniform(0, 1, (40, 28, 28)).astype(np.float32)
    layer_index = conv_layer_indices(model)[1]
    top = top_activations(model, images, layer_index, k=5)
    outputs = np.stack([model.trace(image[None, None]).layers[layer_index].output[0] for image in images])
    for channel in range(outputs.shape[1]):
        maxima = [float(outputs[n, channel].max()) for n in range(len(images))]
        expected = sorted(range(len(images)), key=lambda n: (-maxima[n], n))[:5]
        assert top.indices[channel].tolist() == expected
        for rank, n in enumerate(expected):
            row, col = np.unravel_index(outputs[n, channel].argmax(), outputs.shape[2:])
            assert tuple(top.positions[channel, rank]) == (row, col)
            assert np.isclose(top.values[channel, rank], maxima[n], rtol=1e-5)
            assert tuple(top.boxes[channel, rank]) == inclusive_field(model, layer_index, row, col)


def test_activation_maximisation_raises_every_channels_mean_from_grey() -> None:
    model = explainer.load_model()
    for layer_index in conv_layer_indices(model)[:2]:
        result = activation_maximisation(model, layer_index, steps=24)
        assert result.images.min() >= 0 and result.images.max() <= 1
        assert np.all(result.final_means > result.start_means), (result.start_means, result.final_means)
        start = np.full((1, 1, 28, 28), 0.5, np.float32)
        again = model.trace(start).layers[layer_index].output[0].mean(axis=(1, 2))
        assert np.allclose(again, result.start_means, atol=1e-5)


def test_an_atlas_survives_saving_and_names_its_model(tmp_path) -> None:
    model = _positive_net([("conv", 3, 1, 1), ("pool", 2, 2), ("conv", 3, 1, 1)], 12)
    images = (np.random.default_rng(4).uniform(0, 255, (12, 12, 12))).astype(np.uint8)
    steps = []
    atlas = compute_atlas(model, images, {"data": "noise"}, progress=lambda done, total: steps.append(done))
    assert steps == sorted(steps) and steps[-1] == 4
    atlas.save(tmp_path / "atlas.npz")
    back = FilterAtlas.load(tmp_path / "atlas.npz")
    assert [item.name for item in back.layers] == ["conv1", "conv2"]
    for before, after in zip(atlas.layers, back.layers, strict=True):
        assert np.array_equal(before.top.indices, after.top.indices)
        assert np.array_equal(before.top.boxes, after.top.boxes)
        assert np.abs(before.synthesised.images - after.synthesised.images).max() <= 0.5 / 255 + 1e-6
    assert set(back.images) == {int(i) for item in atlas.layers for i in item.top.indices.ravel()}
    assert np.array_equal(
        np.round(back.images[int(atlas.layers[0].top.indices[0, 0])][0] * 255),
        images[atlas.layers[0].top.indices[0, 0]],
    )
    assert bundled_atlas_for(model) is None


def test_the_bundled_models_have_their_atlas() -> None:
    for path in ("assets/model.npz", "assets/fashion_mnist.npz"):
        model = explainer.load_model(path)
        atlas = bundled_atlas_for(model)
        if atlas is None:
            pytest.skip("the filter atlases are not built yet (python benchmarks/bench_filters.py)")
        assert [item.layer_index for item in atlas.layers] == conv_layer_indices(model)
        assert atlas.config["command"] == "python benchmarks/bench_filters.py"
        assert atlas.config["image_count"] == 10000
        for item in atlas.layers:
            assert np.all(item.synthesised.final_means > item.synthesised.start_means)
