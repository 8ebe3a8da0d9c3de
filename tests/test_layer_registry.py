"""The layer registry: every layer kind the core knows has a view family, and each family's views open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import Sequential
from explainer.core import layers as core
from explainer.core.layers import Layer
from explainer.gui.layers import registry

LABEL = 3


def every_kind_model() -> Sequential:
    """A small network holding a layer of every kind the core knows (hidden dense and dropout included;
    the global average pool's vector goes through Flatten unchanged; a decoder's Reshape and transposed
    convolution grow the hidden vector back into maps)."""
    return Sequential(
        [
            core.Conv2D(1, 3, 3, padding=1),
            core.BatchNorm2D(3),
            core.Sigmoid(),
            core.AvgPool2D(2),
            core.Conv2D(3, 4, 3),
            core.LeakyReLU(),
            core.MaxPool2D(2),
            core.ReLU(),
            core.GlobalAvgPool2D(),
            core.Flatten(),
            core.Dense(4, 12),
            core.Tanh(),
            core.Dropout(0.5),
            Layer.from_config("reshape", {"shape": [3, 2, 2]}),
            Layer.from_config(
                "conv_transpose2d",
                {"in_channels": 3, "out_channels": 2, "kernel_size": 4, "stride": 2, "padding": 1},
            ),
            core.Flatten(),
            core.Dense(32, 10),
        ],
        input_shape=(1, 28, 28),
    )


def test_every_layer_kind_of_the_core_has_a_view_family() -> None:
    missing = sorted(kind for kind in Layer.registry if kind not in registry.kinds_where())
    assert not missing, f"layer kinds without a view family in explainer.gui.layers: {missing}"
    for kind in Layer.registry:
        assert kind in registry.family(kind).kinds


def test_families_name_only_kinds_the_core_knows_and_each_kind_once() -> None:
    kinds = [kind for family in registry.FAMILIES for kind in family.kinds]
    assert len(kinds) == len(set(kinds))
    assert set(kinds) <= set(Layer.registry)
    assert len({family.name for family in registry.FAMILIES}) == len(registry.FAMILIES)


def test_the_registry_refuses_what_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="mystery"):
        registry.family("mystery")
    with pytest.raises(ValueError, match="mystery"):
        registry.kinds("mystery")


def test_the_overview_groups_come_from_the_families() -> None:
    own_channel = registry.kinds("activation", "dropout", "norm", "pool")
    assert registry.kinds_where(reads_own_channel=True) == own_channel
    assert registry.kinds_where(starts_block=True) == registry.kinds("conv", "dense")
    closing = registry.kinds("pool", "global_pool", "flatten", "dense")
    assert registry.kinds_where(closes_block=True) == closing


def open_both_views(qtbot, model: Sequential) -> set[str]:
    """Open the forward and the backward view of every layer of ``model`` on a digit, paint them, and
    check each is its family's view; returns the names of the families seen."""
    forward = model.trace(smooth_digit())
    backward = model.trace(smooth_digit(), [LABEL])
    seen = set()
    for index, record in enumerate(forward.layers):
        family = registry.family(record.kind)
        for view, expected in (
            (registry.make_detail_view(forward, index), family.forward_view),
            (registry.make_view(backward, index), family.backward_view),
        ):
            qtbot.addWidget(view)
            view.resize(1200, 800)
            assert type(view) is expected, (record.name, type(view), expected)
            assert view.grab().width() > 0
            assert view.player.count() > 0, record.name
        seen.add(family.name)
    return seen


def test_each_family_opens_its_views_on_the_bundled_model(qtbot) -> None:
    model = bundled_or_reference()
    seen = open_both_views(qtbot, model)
    assert seen == {registry.family(layer.kind).name for layer in model.layers}


def test_every_family_opens_its_views_on_a_layer_of_each_of_its_kinds(qtbot) -> None:
    model = every_kind_model()
    assert {layer.kind for layer in model.layers} == set(Layer.registry), (
        "add the new kind to every_kind_model"
    )
    assert open_both_views(qtbot, model) == {family.name for family in registry.FAMILIES}
