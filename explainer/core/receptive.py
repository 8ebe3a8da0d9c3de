"""Receptive fields and pixel influence: which input pixels a unit sees, and how many units a pixel feeds.

Seed 000 (Fig. 5): sliding a kernel over an image without padding visits the border pixels fewer times
than the centre ones, so a "valid" convolution loses what the border holds; "same" padding evens it out.
Through a stack of convolutions and poolings a unit sees a rectangle of the input, its receptive field,
that grows by ``(k - 1) * jump`` per layer, where ``jump`` is the product of the strides below it.

Bounds are **half-open**, like Python slices: ``(top, left, bottom, right)`` covers the input rows
``top .. bottom - 1`` and columns ``left .. right - 1``, so ``x[..., top:bottom, left:right]`` is the field.
They are clipped to the input: padding zeros are not pixels. Every conv and pool is exact (kernel, stride,
padding, floor mode); element-wise layers (activations, dropout) keep the field; a Flatten or Dense unit
sees the whole input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from explainer.core.layers import resolve_padding, resolve_pads
from explainer.core.network import Sequential
from explainer.errors import BadInputError

WINDOW_KINDS = ("conv2d", "maxpool2d", "avgpool2d")
"""Layers that slide a window: they grow the receptive field."""

WHOLE_INPUT_KINDS = ("flatten", "dense", "globalavgpool2d")
"""Layers whose every output depends on every input value."""


class Window(NamedTuple):
    """The sliding window of one layer along each spatial axis: side, step, and the padding added before
    the first row (``padding``) and the first column (``padding_left``; the same as ``padding`` unless the
    sides differ). The trailing padding moves no window, so it is not needed here."""

    kernel: int
    stride: int
    padding: int
    padding_left: int | None = None


IDENTITY = Window(1, 1, 0)


class FieldSize(NamedTuple):
    """The nominal receptive field of a layer's units (before clipping to the input) and their spacing.

    ``size`` is the side of the square of input pixels one unit sees, None when it sees the whole input
    (after a Flatten or Dense); ``jump`` is how many input pixels apart neighbouring units' fields start.
    """

    size: int | None
    jump: int


def layer_window(kind: str, config: Mapping[str, Any]) -> Window | None:
    """The window of a layer of ``kind`` with ``config`` (``get_config`` or ``trace_config``).

    Returns IDENTITY for element-wise layers and None for layers that see their whole input.
    """
    if kind == "conv2d":
        kernel = int(config["kernel_size"])
        pads = resolve_pads(config.get("padding", 0), kernel)
        return Window(kernel, int(config.get("stride", 1)), pads.top, pads.left)
    if kind in ("maxpool2d", "avgpool2d"):
        size = int(config["size"])
        stride = config.get("stride")
        pads = resolve_pads(config.get("padding", 0), size)
        return Window(size, size if stride is None else int(stride), pads.top, pads.left)
    if kind in WHOLE_INPUT_KINDS:
        return None
    return IDENTITY


def _windows(model: Sequential, layer_index: int) -> list[Window | None]:
    if not -1 <= layer_index < len(model.layers):
        raise BadInputError(f"layer_index must be in [-1, {len(model.layers)}), got {layer_index}")
    return [layer_window(layer.kind, layer.get_config()) for layer in model.layers[: layer_index + 1]]


def receptive_field(model: Sequential, layer_index: int, row: int, col: int) -> tuple[int, int, int, int]:
    """The input pixels unit ``(row, col)`` of ``model.layers[layer_index]``'s output depends on.

    ``layer_index`` -1 is the input itself. The bounds are half-open and clipped to the input (see the
    module docstring); the channel does not matter, since every channel of a conv sees all channels below.
    A unit of a vector layer (Flatten, Dense, the logits) sees the whole input, whatever ``row`` and ``col``.

    Shape:
        the input is ``model.input_shape`` ``(C, H, W)``; returns ``(top, left, bottom, right)`` with
        ``0 <= top < bottom <= H`` and ``0 <= left < right <= W``.
    """
    windows = _windows(model, layer_index)
    _, height, width = model.input_shape
    if any(window is None for window in windows):
        return 0, 0, height, width
    shapes = [model.input_shape, *model.output_shapes()[: layer_index + 1]]
    out_h, out_w = shapes[-1][1:]
    if not (0 <= row < out_h and 0 <= col < out_w):
        raise BadInputError(f"unit ({row}, {col}) is outside the {out_h}×{out_w} map of layer {layer_index}")
    # Inclusive bounds while walking down; clipped at every layer because padding zeros feed nothing below.
    top, bottom, left, right = row, row, col, col
    for window, below in zip(reversed(windows), reversed(shapes[:-1]), strict=True):
        k, s, p, q = window  # type: ignore[misc]
        q = p if q is None else q
        size_h, size_w = below[1:]
        top, bottom = max(top * s - p, 0), min(bottom * s - p + k - 1, size_h - 1)
        left, right = max(left * s - q, 0), min(right * s - q + k - 1, size_w - 1)
    return top, left, bottom + 1, right + 1


def field_sizes(kinds_and_configs: Sequence[tuple[str, Mapping[str, Any]]]) -> list[FieldSize]:
    """The nominal receptive field of every layer of a stack, from the kinds and configs alone.

    ``r_out = r_in + (k - 1) * jump_in`` and ``jump_out = jump_in * s``, starting from one pixel; the
    first Flatten or Dense makes every later unit see the whole input (``size`` None). Works on an
    architecture before it is built (the Design tab).

    Shape:
        Not applicable; one FieldSize per layer.
    """
    sizes = []
    size: int | None = 1
    jump = 1
    for kind, config in kinds_and_configs:
        window = layer_window(kind, config)
        if window is None or size is None:
            size = None
        else:
            size += (window.kernel - 1) * jump
            jump *= window.stride
        sizes.append(FieldSize(size, jump))
    return sizes


def pixel_influence(
    height: int, width: int, kernel_size: int, stride: int = 1, padding: int | str = 0
) -> np.ndarray:
    """How many output positions of one convolution (or pooling) each input pixel feeds (seed 000, Fig. 5).

    ``padding`` is a number of zero rows/columns per side, ``'valid'`` (0) or ``'same'`` ((k - 1) / 2, odd
    k). Without padding the corners feed one position and the centre up to ``ceil(k / s)²``.

    Shape:
        returns ``(height, width)`` int64.
    """
    pad = resolve_padding(padding, int(kernel_size))
    if min(height, width, kernel_size, stride) < 1:
        raise BadInputError(
            f"height, width, kernel_size and stride must be >= 1, got {height}, {width}, {kernel_size}, "
            f"{stride}"
        )
    return np.outer(
        _influence_1d(height, kernel_size, stride, pad), _influence_1d(width, kernel_size, stride, pad)
    )


def _influence_1d(size: int, kernel: int, stride: int, padding: int) -> np.ndarray:
    """How many windows along one axis cover each position; rows and columns multiply."""
    if kernel > size + 2 * padding:
        raise BadInputError(f"kernel {kernel} is larger than the padded input {size} + 2*{padding}")
    count = np.zeros(size + 2 * padding, np.int64)
    for start in range(0, size + 2 * padding - kernel + 1, stride):
        count[start : start + kernel] += 1
    return count[padding : padding + size]


def unit_gradient(
    model: Sequential, x: np.ndarray, layer_index: int, channel: int, row: int = 0, col: int = 0
) -> np.ndarray:
    """The effective weight of one unit: d(its activation) / d(input pixels), back-propagated by the engine.

    The unit is channel ``channel`` at ``(row, col)`` of ``model.layers[layer_index]``'s output (for a
    vector layer, value ``channel``; ``row`` and ``col`` are ignored). It is zero outside the unit's
    :func:`receptive_field`. Eval mode; the previous mode is restored.

    Shape:
        x: ``(1, C, H, W)`` raw pixels; returns ``(C, H, W)``.
    """
    _windows(model, layer_index)
    if layer_index < 0:
        raise BadInputError("the input has no unit to differentiate; pick a layer")
    x = np.asarray(x)
    if x.shape != (1, *model.input_shape):
        raise BadInputError(
            f"unit_gradient needs one sample of shape (1, {model.input_shape}), got {x.shape}"
        )
    layers = model.layers[: layer_index + 1]
    previous = model.training
    model.eval(exact=True)
    try:
        h = model.normalise(x)
        for layer in layers:
            h = layer.forward(h)
        seed = np.zeros_like(h)
        unit = (0, channel) if h.ndim == 2 else (0, channel, row, col)
        if min(unit) < 0:
            raise BadInputError(f"unit {unit[1:]} must have indices >= 0")
        try:
            seed[unit] = 1
        except IndexError:
            raise BadInputError(
                f"unit {unit[1:]} is outside layer {layer_index}'s output {h.shape[1:]}"
            ) from None
        d = seed
        for layer in reversed(layers):
            d = layer.backward(d)
        return d[0] / model.dtype.type(model.input_std)
    finally:
        model.train(previous)
