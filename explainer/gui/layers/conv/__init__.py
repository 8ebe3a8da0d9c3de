"""The convolution family: CNN Explainer's "elastic" view of one output map, and the gradients through it.

Forward (``forward.ConvView``): every input channel is a lane with its window, kernel slice and
intermediate map, summed with the bias into the output map. Backward (``backward.ConvBackwardView``):
dL/dA_prev as a full convolution with the rotated kernel, and dL/dW as the input correlated with dL/dZ.
Their words, and the playground's, are in ``texts``.

Run alone: ``python -m explainer.gui.layers.conv`` (``--backward`` for the backward view).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explainer.core.layers import resolve_pads
from explainer.gui.i18n import tr
from explainer.gui.layers.base import FamilyTexts, LayerFamily
from explainer.gui.layers.conv.backward import ConvBackwardView
from explainer.gui.layers.conv.forward import CONV_KINDS, ConvView
from explainer.gui.layers.padding import padding_words


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a convolution does, in words, for the architecture editor's table (e.g. "8 filters 3×3, ...")."""
    k = config["kernel_size"]
    padding = config["padding"]
    if padding == "same":
        padding = tr("same ({p})").format(p=(k - 1) // 2)
    elif padding == "valid":
        padding = tr("valid (0)")
    elif not isinstance(padding, int):
        padding = padding_words(resolve_pads(padding, k))
    return tr("{n} filters {k}×{k}, stride {s}, padding {p}").format(
        n=config["out_channels"], k=k, s=config["stride"], p=padding
    )


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for a convolution's forward (or backward) pass."""
    if not backward:
        return tr("Z = W ⋆ A_prev + b: every kernel slides over all input maps.")
    return tr(
        "dL/dA_prev = full convolution of dL/dZ with rot180(W);  dL/dW = A_prev ⋆ dL/dZ;  "
        "dL/db = Σ dL/dZ.  Click “Show the numbers” to watch it."
    )


TEXTS = FamilyTexts(describe, rule)

CONV = LayerFamily("conv", CONV_KINDS, ConvView, ConvBackwardView, TEXTS, starts_block=True)
