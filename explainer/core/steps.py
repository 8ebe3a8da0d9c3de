"""Step-by-step generators for the teaching views: one frozen record per position, with the numbers used.

The GUI advances these with a timer; tests check that every ``value`` equals the fast path's output.
All arrays in the records are read-only copies; ``value`` is a Python float.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from explainer.core.layers import AvgPool2D, MaxPool2D, Padding, pad_sides, resolve_pads
from explainer.core.ops import output_size
from explainer.core.trace import frozen


@dataclass(frozen=True, eq=False)
class ProductStep:
    """A window of numbers times another array, element by element (``products``), and their sum
    (``value``, plus the bias for a convolution); ``row``, ``col`` say where the sum goes.

    The subclasses say what the window and the other array are.
    """

    row: int
    col: int
    window: np.ndarray
    products: np.ndarray
    value: float


class ConvStep(ProductStep):
    """One output position of a convolution: window ⊙ kernel, summed, plus bias.

    Shape: window, products ``(C_in, kH, kW)``.
    """


@dataclass(frozen=True, eq=False)
class PoolStep:
    """One pooling window; ``index`` is the (i, j) of the max inside it (first in row-major order on ties),
    None for average pooling; ``count`` is what an average divides by (None for max pooling).

    A window over padding holds the padded cells as the layer sees them: -inf for max pooling, 0 for
    average pooling.

    Shape: window ``(size, size)``.
    """

    row: int
    col: int
    window: np.ndarray
    index: tuple[int, int] | None
    value: float
    count: int | None = None


@dataclass(frozen=True, eq=False)
class InputGradStep:
    """One position of dL/dA_prev: the rotated kernel over the zero-padded (and, for stride > 1, dilated) dZ.

    Shape: window, kernel, products ``(kH, kW)``.
    """

    row: int
    col: int
    window: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    value: float


class WeightGradStep(ProductStep):
    """One kernel weight's gradient dL/dW[row, col]: the input samples it touched ⊙ dZ, summed.

    Shape: window, products ``(H_out, W_out)``.
    """


@dataclass(frozen=True, eq=False)
class MaxPoolGradStep:
    """One pooling window's gradient: ``value`` (= dy[row, col]) goes to ``input_index`` of x, nowhere else.

    Shape: window ``(size, size)``; ``index`` is inside the window, ``input_index`` in x.
    """

    row: int
    col: int
    window: np.ndarray
    index: tuple[int, int]
    input_index: tuple[int, int]
    value: float


def _windows(padded: np.ndarray, kh: int, kw: int, stride: int, rows: int, cols: int) -> np.ndarray:
    """A read-only view of the ``rows x cols`` windows a ``(kh, kw)`` kernel visits with ``stride``.

    Made once for the whole generator: a step then costs two views instead of two array copies.

    Shape:
        padded ``(..., H, W)``; returns ``(rows, cols, ..., kh, kw)``.
    """
    view = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(-2, -1))
    view = view[..., : (rows - 1) * stride + 1 : stride, : (cols - 1) * stride + 1 : stride, :, :]
    return np.moveaxis(view, (-4, -3), (0, 1))


def _sealed_products(windows: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Every window times the kernel at once, read-only (the steps hand out views of it)."""
    products = windows * kernel
    products.setflags(write=False)
    return products


def _check_ndim(name: str, array: np.ndarray, ndim: int, shape_text: str) -> None:
    if array.ndim != ndim:
        raise ValueError(f"{name} must have shape {shape_text}, got {array.shape}")


def _padded(x: np.ndarray, pads: Padding, fill: float = 0.0) -> np.ndarray:
    """A map ``(H, W)`` or maps ``(C, H, W)`` with ``pads`` added around each (as floats when the fill
    is not a whole number); ``x`` itself without padding."""
    if not any(pads):
        return x
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    return pad_sides(x.reshape(1, -1, *x.shape[-2:]), pads, fill).reshape(
        *x.shape[:-2], x.shape[-2] + pads.top + pads.bottom, x.shape[-1] + pads.left + pads.right
    )


Pads = int | str | Sequence[int]
"""A padding as the layers take it: one number, 'valid', 'same' or (top, left, bottom, right)."""


def conv_steps(
    x: np.ndarray, w: np.ndarray, b: float = 0.0, stride: int = 1, padding: Pads = 0
) -> Iterator[ConvStep]:
    """The kernel sliding over the input, row-major: one record per output position.

    Shape:
        x ``(C_in, H, W)``, w ``(C_in, kH, kW)`` (one filter); yields windows ``(C_in, kH, kW)`` over
        ``H_out x W_out`` positions with ``H_out = (H + P_top + P_bottom - kH) // S + 1``.
    """
    x, w = np.asarray(x), np.asarray(w)
    _check_ndim("x", x, 3, "(C_in, H, W)")
    _check_ndim("w", w, 3, "(C_in, kH, kW)")
    if x.shape[0] != w.shape[0]:
        raise ValueError(f"x has {x.shape[0]} channels but the kernel has {w.shape[0]}")
    _, kh, kw = w.shape
    p = resolve_pads(padding, kh)
    out_h = output_size(x.shape[1], kh, stride, p.top, p.bottom)
    out_w = output_size(x.shape[2], kw, stride, p.left, p.right)
    xp = _padded(x, p)
    windows = _windows(xp, kh, kw, stride, out_h, out_w)  # (out_h, out_w, C_in, kH, kW)
    products = _sealed_products(windows, w)
    values = products.reshape(out_h, out_w, -1).sum(axis=2) + b
    for r in range(out_h):
        for c in range(out_w):
            yield ConvStep(r, c, windows[r, c], products[r, c], float(values[r, c]))


def pool_steps(
    x: np.ndarray,
    size: int,
    stride: int | None = None,
    mode: str = "max",
    *,
    padding: int | Sequence[int] = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = False,
) -> Iterator[PoolStep]:
    """The pooling window sliding over one channel, row-major, with the layer's padding and ceil mode.

    Shape:
        x ``(H, W)``; yields windows ``(size, size)`` over ``H_out x W_out`` positions, as
        :class:`~explainer.core.layers.MaxPool2D` (or AvgPool2D) counts them.
    """
    x = np.asarray(x)
    _check_ndim("x", x, 2, "(H, W)")
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    stride = size if stride is None else stride
    layer = (
        MaxPool2D(size, stride, padding, ceil_mode)
        if mode == "max"
        else AvgPool2D(size, stride, padding, ceil_mode, count_include_pad)
    )
    H, W = x.shape
    _, out_h, out_w = layer.output_shape((1, H, W))
    grid = _padded(x, layer.grid_padding(H, W), layer.fill)
    counts = layer.counts(H, W) if isinstance(layer, AvgPool2D) else None
    for r in range(out_h):
        for c in range(out_w):
            window = grid[r * stride : r * stride + size, c * stride : c * stride + size]
            if counts is None:
                i, j = np.unravel_index(int(np.argmax(window)), window.shape)
                yield PoolStep(r, c, frozen(window), (int(i), int(j)), float(window[i, j]))
            elif counts[r, c] == window.size:
                yield PoolStep(r, c, frozen(window), None, float(window.mean()), window.size)
            else:
                count = int(counts[r, c])
                yield PoolStep(r, c, frozen(window), None, float(window.sum() / count), count)


def conv_input_grad_steps(
    dz: np.ndarray,
    w: np.ndarray,
    stride: int = 1,
    padding: Pads = 0,
    *,
    input_shape: tuple[int, int] | None = None,
) -> Iterator[InputGradStep]:
    """dL/dA_prev as the *full* convolution of dZ with the kernel rotated 180°, one record per input pixel.

    dZ is dilated by ``stride - 1`` zeros between its entries, padded with ``k - 1`` zeros on each side
    (plus the rows/columns the forward pass skipped at the end), then correlated with ``rot180(w)``; the
    outer rows and columns of that result (``padding`` on each side) belong to the zero padding and are
    not yielded.

    Shape:
        dz ``(H_out, W_out)``, w ``(kH, kW)``; yields ``H x W`` records, where ``input_shape = (H, W)``
        defaults to the smallest input giving dz's size: ``(H_out - 1) * S + kH - P_top - P_bottom``.
    """
    dz, w = np.asarray(dz), np.asarray(w)
    _check_ndim("dz", dz, 2, "(H_out, W_out)")
    _check_ndim("w", w, 2, "(kH, kW)")
    kh, kw = w.shape
    p = resolve_pads(padding, kh)
    out_h, out_w = dz.shape
    if input_shape is None:
        input_shape = (
            (out_h - 1) * stride + kh - p.top - p.bottom,
            (out_w - 1) * stride + kw - p.left - p.right,
        )
    H, W = input_shape
    if (output_size(H, kh, stride, p.top, p.bottom), output_size(W, kw, stride, p.left, p.right)) != (
        out_h,
        out_w,
    ):
        raise ValueError(
            f"an input of {input_shape} does not give dz of shape {dz.shape} with these settings"
        )
    dilated = np.zeros(((out_h - 1) * stride + 1, (out_w - 1) * stride + 1), dz.dtype)
    dilated[::stride, ::stride] = dz
    extra_h = H + p.top + p.bottom - kh - (out_h - 1) * stride
    extra_w = W + p.left + p.right - kw - (out_w - 1) * stride
    full = np.pad(dilated, ((kh - 1, kh - 1 + extra_h), (kw - 1, kw - 1 + extra_w)))
    kernel = frozen(w[::-1, ::-1])
    windows = _windows(full[p.top :, p.left :], kh, kw, 1, H, W)  # (H, W, kH, kW)
    products = _sealed_products(windows, kernel)
    values = products.reshape(H, W, -1).sum(axis=2)
    for r in range(H):
        for c in range(W):
            yield InputGradStep(r, c, windows[r, c], kernel, products[r, c], float(values[r, c]))


def conv_weight_grad_steps(
    x: np.ndarray, dz: np.ndarray, kh: int, kw: int, stride: int = 1, padding: Pads = 0
) -> Iterator[WeightGradStep]:
    """dL/dW as the correlation of the (padded) input with dZ, one record per kernel weight.

    Shape:
        x ``(H, W)``, dz ``(H_out, W_out)``; yields ``kh x kw`` records whose windows are the
        ``(H_out, W_out)`` input samples each weight multiplied (every ``stride``-th pixel).
    """
    x, dz = np.asarray(x), np.asarray(dz)
    _check_ndim("x", x, 2, "(H, W)")
    _check_ndim("dz", dz, 2, "(H_out, W_out)")
    p = resolve_pads(padding, kh)
    out_h, out_w = dz.shape
    sizes = (
        output_size(x.shape[0], kh, stride, p.top, p.bottom),
        output_size(x.shape[1], kw, stride, p.left, p.right),
    )
    if sizes != (out_h, out_w):
        raise ValueError(f"x of shape {x.shape} does not give dz of shape {dz.shape} with these settings")
    xp = _padded(x, p)
    for i in range(kh):
        for j in range(kw):
            window = xp[i : i + stride * (out_h - 1) + 1 : stride, j : j + stride * (out_w - 1) + 1 : stride]
            products = window * dz
            yield WeightGradStep(i, j, frozen(window), frozen(products), float(products.sum()))


def maxpool_grad_steps(
    x: np.ndarray,
    dy: np.ndarray,
    size: int,
    stride: int | None = None,
    *,
    padding: int | Sequence[int] = 0,
    ceil_mode: bool = False,
) -> Iterator[MaxPoolGradStep]:
    """The max-pool gradient routed through the argmax mask, one record per window.

    The maximum is always an input value (padding holds -inf), so ``input_index`` lies in x.

    Shape:
        x ``(H, W)``, dy ``(H_out, W_out)``. Summing each ``value`` into ``input_index`` gives dL/dx.
    """
    x, dy = np.asarray(x), np.asarray(dy)
    _check_ndim("x", x, 2, "(H, W)")
    _check_ndim("dy", dy, 2, "(H_out, W_out)")
    s = size if stride is None else stride
    layer = MaxPool2D(size, s, padding, ceil_mode)
    if layer.output_shape((1, *x.shape))[1:] != dy.shape:
        raise ValueError(
            f"x of shape {x.shape} does not give dy of shape {dy.shape} with size {size}, stride {s}"
        )
    top, left = layer.pads.top, layer.pads.left
    for step in pool_steps(x, size, s, "max", padding=padding, ceil_mode=ceil_mode):
        i, j = step.index or (0, 0)
        yield MaxPoolGradStep(
            step.row,
            step.col,
            step.window,
            (i, j),
            (step.row * s + i - top, step.col * s + j - left),
            float(dy[step.row, step.col]),
        )
