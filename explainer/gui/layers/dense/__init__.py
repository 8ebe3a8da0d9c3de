"""The flatten and dense families: how the last feature maps become class scores and probabilities.

Forward (``forward.SoftmaxView``, for flatten and dense alike): the maps, flattened, times the weights into
each class, and softmax over the scores. Backward: ``backward.DenseBackwardView`` (for the last layer first
the softmax cross-entropy gradient p − y); flatten only folds the gradient back into maps
(``base.ReshapeBackwardView``). Their words are in ``texts``.

Run alone: ``python -m explainer.gui.layers.dense`` (``--backward`` for the backward view).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explainer.gui.i18n import tr
from explainer.gui.layers.base import LayerFamily, ReshapeBackwardView
from explainer.gui.layers.dense.backward import DenseBackwardView
from explainer.gui.layers.dense.forward import DENSE_KINDS, FLATTEN_KINDS, SoftmaxView


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a flatten or dense layer does, in words, for the architecture editor's table."""
    if kind in FLATTEN_KINDS:
        return tr("maps laid out as one vector")
    return tr("{inputs:,} → {outputs:,}, every input to every output").format(
        inputs=config["in_features"], outputs=config["out_features"]
    )


def forward_rule(kind: str) -> str:
    """The step-through page's line for the forward pass."""
    if kind in FLATTEN_KINDS:
        return tr("The maps are laid out as one long vector; no numbers change.")
    return tr("z = x · W + b: one score per class.")


def backward_rule(kind: str) -> str:
    """The step-through page's line for the backward pass."""
    if kind in FLATTEN_KINDS:
        return tr("The gradient vector is folded back into maps.")
    return tr("dL/dW = xᵀ · dL/dz;  dL/db = dL/dz;  dL/dx = dL/dz · Wᵀ.")


FLATTEN = LayerFamily(
    name="flatten",
    kinds=FLATTEN_KINDS,
    forward_view=SoftmaxView,
    backward_view=ReshapeBackwardView,
    describe=describe,
    forward_rule=forward_rule,
    backward_rule=backward_rule,
    closes_block=True,
)

DENSE = LayerFamily(
    name="dense",
    kinds=DENSE_KINDS,
    forward_view=SoftmaxView,
    backward_view=DenseBackwardView,
    describe=describe,
    forward_rule=forward_rule,
    backward_rule=backward_rule,
    starts_block=True,
    closes_block=True,
)
