"""Architecture specs: presets, the shape table computed before building, and impossible networks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from explainer.architectures import (
    KERAS_MNIST,
    PRESETS,
    TINY_VGG,
    ArchitectureError,
    ArchitectureSpec,
    build,
    describe,
    param_count,
    spec_of,
)
from explainer.core import reference_net
from explainer.errors import BadInputError


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_preset_describe_matches_the_built_model(key: str) -> None:
    spec = PRESETS[key]
    rows = describe(spec)
    model = build(spec, np.random.default_rng(0))
    assert [row.shape for row in rows] == model.output_shapes()
    assert [row.name for row in rows] == [layer.name for layer in model.layers]
    assert [row.kind for row in rows] == [layer.kind for layer in model.layers]
    assert [row.params for row in rows] == [
        sum(p.size for p in layer.params.values()) for layer in model.layers
    ]
    assert param_count(rows) == model.param_count()
    logits = model.forward(np.zeros((2, 1, 28, 28), np.float32))
    assert logits.shape == (2, 10)


def test_tiny_vgg_is_the_reference_net() -> None:
    reference = reference_net()
    built = build(TINY_VGG)
    assert [(layer.name, layer.kind, layer.get_config()) for layer in built.layers] == [
        (layer.name, layer.kind, layer.get_config()) for layer in reference.layers
    ]
    assert built.param_count() == 12002


def test_keras_preset_follows_the_seed_tutorial() -> None:
    rows = {row.name: row for row in describe(KERAS_MNIST)}
    # The seed's comments: 28*28, 14*14, 14*14, 7*7, 7*7, 3*3, then Flatten 64*3*3.
    assert rows["conv1"].shape == (32, 28, 28)
    assert rows["pool1"].shape == (32, 14, 14)
    assert rows["conv2"].shape == (64, 14, 14)
    assert rows["pool2"].shape == (64, 7, 7)
    assert rows["conv3"].shape == (64, 7, 7)
    assert rows["pool3"].shape == (64, 3, 3)
    assert rows["flatten"].shape == (576,)
    assert rows["dense1"].shape == (1024,)
    assert rows["dropout1"].config == {"p": 0.5}
    assert rows["dense2"].shape == (10,)
    # conv 5x5: 32*25+32, 64*32*25+64, 64*64*25+64; dense 576*1024+1024, 1024*10+10.
    assert param_count(list(rows.values())) == 832 + 51264 + 102464 + 590848 + 10250
    assert all(row.config["padding"] == "same" for row in rows.values() if row.kind == "conv2d")


@pytest.mark.parametrize(
    ("spec", "layer", "reason"),
    [
        (ArchitectureSpec(stride=2), "pool2", "window does not fit its 1x1 input"),
        (
            ArchitectureSpec(
                conv_blocks=3, convs_per_block=2, channels=(4, 4, 4), kernel_size=5, padding="valid"
            ),
            "conv5",
            "kernel is larger than its input",
        ),
        (
            ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(256,), pooling="none", dense=(64,)),
            "dense1",
            "Flatten gives 200,704 numbers",
        ),
    ],
)
def test_impossible_networks_name_the_layer_and_the_reason(
    spec: ArchitectureSpec, layer: str, reason: str
) -> None:
    with pytest.raises(BadInputError) as caught:
        describe(spec)
    message = str(caught.value)
    assert message.startswith(f"{layer}:")
    assert reason in message
    # The layers before the failing one are still described (the editor shows them).
    assert isinstance(caught.value, ArchitectureError)
    assert caught.value.rows and layer not in [row.name for row in caught.value.rows]
    with pytest.raises(BadInputError):
        build(spec)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"kernel_size": 4, "padding": "same"}, "odd kernel size"),
        ({"padding": 3}, "padding must be"),
        ({"channels": (8,)}, "one channel count per conv block"),
        ({"pooling": "median"}, "pooling must be one of"),
        ({"dropout": 1.0}, "dropout must be"),
    ],
)
def test_bad_settings_are_refused(changes: dict[str, object], words: str) -> None:
    spec = ArchitectureSpec(**{**TINY_VGG.to_dict(), **changes})
    with pytest.raises(BadInputError, match=words):
        describe(spec)


def test_valid_padding_shrinks_and_stride_halves() -> None:
    spec = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), kernel_size=5, padding="valid")
    assert describe(spec)[0].shape == (4, 24, 24)
    strided = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), stride=2, pooling="none")
    assert describe(strided)[0].shape == (4, 14, 14)


def test_spec_round_trips_through_json() -> None:
    spec = ArchitectureSpec(
        conv_blocks=1,
        channels=(6,),
        padding=2,
        kernel_size=5,
        activation="tanh",
        dense=(32, 16),
        dropout=0.25,
    )
    assert ArchitectureSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    with pytest.raises(BadInputError, match="unknown fields"):
        ArchitectureSpec.from_dict({"layers": 3})
    with pytest.raises(BadInputError, match="channels must be a list"):
        ArchitectureSpec.from_dict({"channels": "8,16"})


def test_tanh_networks_use_glorot_and_dropout_follows_dense_layers() -> None:
    spec = ArchitectureSpec(
        conv_blocks=1, convs_per_block=1, channels=(4,), activation="tanh", dense=(16,), dropout=0.3
    )
    kinds = [row.kind for row in describe(spec)]
    assert kinds == ["conv2d", "tanh", "maxpool2d", "flatten", "dense", "tanh", "dropout", "dense"]
    model = build(spec)
    assert model.layers[0].get_config()["init"] == "glorot"


def test_spec_of_finds_the_spec_of_a_model() -> None:
    assert spec_of(reference_net()) == TINY_VGG
    custom = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(3,), pooling="avg")
    assert spec_of(build(custom)) == custom
    assert build(custom).metadata["architecture"] == custom.to_dict()
    model = build(custom)
    model.metadata.clear()
    assert spec_of(model) is None


def test_batch_norm_follows_every_convolution_and_the_spec_is_found_again() -> None:
    spec = ArchitectureSpec(conv_blocks=2, convs_per_block=1, channels=(4, 6), batch_norm=True)
    rows = describe(spec)
    kinds = [row.kind for row in rows]
    assert kinds[:7] == ["conv2d", "batchnorm2d", "relu", "maxpool2d", "conv2d", "batchnorm2d", "relu"]
    assert [row.params for row in rows if row.kind == "batchnorm2d"] == [8, 12], "gamma and beta only"
    model = build(spec)
    assert spec_of(model) == spec
    assert ArchitectureSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    with pytest.raises(BadInputError, match="batch_norm must be true or false"):
        ArchitectureSpec.from_dict({"batch_norm": 1})
