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
from explainer.gui.layers.base import FamilyTexts, LayerFamily, ReshapeBackwardView
from explainer.gui.layers.dense.backward import DenseBackwardView
from explainer.gui.layers.dense.forward import DENSE_KINDS, FLATTEN_KINDS, SoftmaxView


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a flatten or dense layer does, in words, for the architecture editor's table."""
    if kind in FLATTEN_KINDS:
        return tr("maps laid out as one vector")
    return tr("{inputs:,} → {outputs:,}, every input to every output").format(
        inputs=config["in_features"], outputs=config["out_features"]
    )


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for a flatten or dense layer's forward (or backward) pass."""
    if kind in FLATTEN_KINDS:
        return (
            tr("The gradient vector is folded back into maps.")
            if backward
            else tr("The maps are laid out as one long vector; no numbers change.")
        )
    if backward:
        return tr("dL/dW = xᵀ · dL/dz;  dL/db = dL/dz;  dL/dx = dL/dz · Wᵀ.")
    return tr("z = x · W + b: one score per class.")


TEXTS = FamilyTexts(describe, rule)

FLATTEN = LayerFamily("flatten", FLATTEN_KINDS, SoftmaxView, ReshapeBackwardView, TEXTS, closes_block=True)
DENSE = LayerFamily(
    "dense", DENSE_KINDS, SoftmaxView, DenseBackwardView, TEXTS, starts_block=True, closes_block=True
)
