"""Receptive fields: which input pixels one unit of a layer can see, from the layer geometry alone.

Walking back from the unit, every conv or pool layer maps an output range ``[a, b]`` to the input range
``[a * S - P, b * S - P + k - 1]`` (stride S, padding P, window k), clipped to the layer's input: rows in
the padding are zeros that depend on nothing, and rows a floor-mode window never reaches stay unseen.
Element-wise layers keep the range. NumPy-free geometry; tested against a perturbation check.
"""

from __future__ import annotations

from explainer.core.layers import Conv2D, Layer, _Pool2D
from explainer.core.network import Sequential

ELEMENTWISE_KINDS = frozenset({"relu", "leaky_relu", "sigmoid", "tanh", "dropout"})
"""Layers whose output pixel depends on the same input pixel only."""


def _window(layer: Layer) -> tuple[int, int, int]:
    """(kernel, stride, padding) of a spatial layer; (1, 1, 0) for an element-wise one."""
    if isinstance(layer, Conv2D):
        return layer.kernel_size, layer.stride, layer.pad
    if isinstance(layer, _Pool2D):
        return layer.size, layer.stride, 0
    if layer.kind in ELEMENTWISE_KINDS:
        return 1, 1, 0
    raise ValueError(f"layer {layer.name} ({layer.kind}) has no spatial receptive field")


def receptive_field(model: Sequential, layer_index: int, row: int, col: int) -> tuple[int, int, int, int]:
    """The input pixels unit ``(row, col)`` of ``model.layers[layer_index]``'s output depends on.

    Returns ``(top, left, bottom, right)``, inclusive, in input pixel coordinates, through every conv and
    pool layer up to and including ``layer_index`` (padding, stride and floor mode accounted for).

    Shape:
        the model's input ``(C, H, W)``; the box lies inside ``[0, H - 1] x [0, W - 1]``.
    """
    if not 0 <= layer_index < len(model.layers):
        raise ValueError(f"layer_index must be in [0, {len(model.layers)}), got {layer_index}")
    shapes = [model.input_shape, *model.output_shapes()]
    out_h, out_w = shapes[layer_index + 1][1:]
    if not (0 <= row < out_h and 0 <= col < out_w):
        raise ValueError(f"unit ({row}, {col}) is outside the {out_h}x{out_w} output of layer {layer_index}")
    top, bottom, left, right = row, row, col, col
    for index in range(layer_index, -1, -1):
        k, s, p = _window(model.layers[index])
        in_h, in_w = shapes[index][1:]
        top, bottom = max(0, top * s - p), min(in_h - 1, bottom * s - p + k - 1)
        left, right = max(0, left * s - p), min(in_w - 1, right * s - p + k - 1)
    return top, left, bottom, right
