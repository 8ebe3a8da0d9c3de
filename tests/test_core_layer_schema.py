"""Each layer class describes itself from its config: the model-file schema, output shape, weight shapes,
work per sample and name, and what it says agrees with the layer it builds."""

from __future__ import annotations

import json

import numpy as np
import pytest

from explainer.core import Conv2D, Dense, Flatten, Layer, MaxPool2D, Sequential
from explainer.core.layers import Cost

# One layer of every registered kind, each with the input it takes.
EXAMPLES: list[tuple[Layer, tuple[int, ...]]] = [
    (Layer.from_config(kind, config), input_shape)
    for kind, config, input_shape in [
        (
            "conv2d",
            {"in_channels": 2, "out_channels": 3, "kernel_size": 5, "stride": 2, "padding": "same"},
            (2, 11, 9),
        ),
        ("conv2d", {"in_channels": 1, "out_channels": 4, "kernel_size": 3, "init": "glorot"}, (1, 6, 7)),
        ("maxpool2d", {"size": 3, "stride": 2}, (4, 9, 8)),
        ("avgpool2d", {"size": 2}, (4, 5, 5)),
        ("relu", {}, (4, 3, 3)),
        ("leaky_relu", {"alpha": 0.2}, (7,)),
        ("sigmoid", {}, (7,)),
        ("tanh", {}, (2, 3, 3)),
        ("flatten", {}, (2, 3, 3)),
        ("dense", {"in_features": 18, "out_features": 5, "init": "glorot"}, (18,)),
        ("dropout", {"p": 0.3}, (5,)),
        ("batchnorm2d", {"channels": 3, "eps": 1e-3, "momentum": 0.2}, (3, 4, 5)),
        ("globalavgpool2d", {}, (3, 4, 5)),
        ("reshape", {"shape": [2, 3, 3]}, (18,)),
        (
            "conv_transpose2d",
            {"in_channels": 2, "out_channels": 3, "kernel_size": 4, "stride": 2, "padding": 1},
            (2, 5, 6),
        ),
    ]
]


def test_the_examples_cover_every_registered_kind() -> None:
    assert {layer.kind for layer, _ in EXAMPLES} == set(Layer.registry)


@pytest.mark.parametrize(("layer", "input_shape"), EXAMPLES, ids=lambda v: getattr(v, "kind", ""))
def test_a_layer_described_from_its_config_is_the_layer_it_builds(
    layer: Layer, input_shape: tuple[int, ...]
) -> None:
    config = json.loads(json.dumps(layer.get_config()))
    cls = type(layer)
    # Every setting the layer saves is in its schema, and passes the schema's check.
    assert set(config) <= set(cls.schema)
    assert all(cls.schema[key].check(value) is None for key, value in config.items())
    assert all(key in config for key, setting in cls.schema.items() if setting.required)
    # The shape maths from the config is what forward produces.
    y = layer.forward(np.random.default_rng(0).random((2, *input_shape), np.float32))
    shape = cls.shape_from_config(config, input_shape)
    assert layer.output_shape(input_shape) == shape == y.shape[1:]
    assert cls.param_shapes(config) == {key: value.shape for key, value in layer.params.items()}
    assert cls.buffer_shapes(config) == {key: value.shape for key, value in layer.buffers.items()}
    # Only layers with weights do multiply-adds.
    assert (cls.cost(config, shape).multiply_adds > 0) == bool(layer.params)


def test_costs_count_multiply_adds_and_the_convolution_unfold() -> None:
    conv = Conv2D(3, 8, 5, padding=2).get_config()
    assert Conv2D.cost(conv, (8, 10, 12)) == Cost(8 * 3 * 25 * 120, 3 * 25 * 120)
    assert Dense.cost(Dense(30, 4).get_config(), (4,)) == Cost(120, 0)


@pytest.mark.parametrize(
    ("layer", "input_shape", "message"),
    [
        (Conv2D(1, 2, 5), (1, 3, 3), "kernel 5 is larger than the padded input"),
        (Conv2D(3, 2, 3), (1, 8, 8), "expects 3 input channels"),
        (MaxPool2D(2), (8,), r"needs \(C, H, W\) input"),
        (Dense(4, 2), (5,), r"needs input \(4,\)"),
    ],
)
def test_shapes_that_cannot_be_processed_say_why(
    layer: Layer, input_shape: tuple[int, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        type(layer).shape_from_config(layer.get_config(), input_shape)
    with pytest.raises(ValueError, match=message) as raised:
        layer.output_shape(input_shape)
    assert str(raised.value).startswith(repr(layer))


def test_default_names_are_the_names_sequential_gives() -> None:
    layers = [
        Layer.from_config(kind, config)
        for kind, config in [
            ("conv2d", {"in_channels": 1, "out_channels": 2, "kernel_size": 3}),
            ("relu", {}),
            ("maxpool2d", {"size": 2}),
            ("avgpool2d", {"size": 2}),
            ("flatten", {}),
            ("dense", {"in_features": 8, "out_features": 2}),
            ("dropout", {}),
            ("dense", {"in_features": 2, "out_features": 3}),
        ]
    ]
    classes = [type(layer) for layer in layers]
    names = ["conv1", "relu1", "pool1", "pool2", "flatten", "dense1", "dropout1", "dense2"]
    assert Sequential.default_names(classes) == names
    assert [layer.name for layer in Sequential(layers, input_shape=(1, 10, 10)).layers] == names
    assert Sequential.default_names([Flatten, Flatten, Dense]) == ["flatten1", "flatten2", "dense1"]


def test_from_config_draws_weights_from_the_generator_it_is_given() -> None:
    config = Conv2D(2, 3, 3).get_config()
    a = Layer.from_config("conv2d", config, np.random.default_rng(5))
    b = Layer.from_config("conv2d", config, np.random.default_rng(5))
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    assert not np.array_equal(a.params["W"], Layer.from_config("conv2d", config).params["W"])
    assert Layer.from_config("relu", {}, np.random.default_rng(5)).kind == "relu"
