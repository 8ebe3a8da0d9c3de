"""Pick the detail view that explains a layer: ``make_detail_view(trace, layer_index, channel)``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explainer.core import Trace
from explainer.gui.layers.activation import ELEMENTWISE_KINDS, ReLUView
from explainer.gui.layers.conv import ConvView
from explainer.gui.layers.dense import SoftmaxView
from explainer.gui.layers.pool import PoolView

VIEW_FOR_KIND: dict[str, type[ConvView | ReLUView | PoolView | SoftmaxView]] = {
    "conv2d": ConvView,
    **dict.fromkeys(ELEMENTWISE_KINDS, ReLUView),
    "maxpool2d": PoolView,
    "avgpool2d": PoolView,
    "flatten": SoftmaxView,
    "dense": SoftmaxView,
}
"""Which view explains each layer kind (the kind decides, never the layer's name)."""


def make_detail_view(
    trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
) -> ConvView | ReLUView | PoolView | SoftmaxView:
    """The view explaining ``trace.layers[layer_index]``, chosen by its ``kind`` and showing ``channel``.

    ``channel`` is the output map for conv, the map for activations and pooling, and the class for
    flatten/dense. Keep the view in sync with new input through its
    ``set_trace(trace, layer_index, channel)``.

    Raises:
        ValueError: no view explains this layer's kind.
    """
    kind = trace.layers[layer_index].kind
    if kind not in VIEW_FOR_KIND:
        raise ValueError(f"no detail view explains layers of kind {kind!r}")
    view = VIEW_FOR_KIND[kind](parent)
    view.set_trace(trace, layer_index, channel)
    return view
