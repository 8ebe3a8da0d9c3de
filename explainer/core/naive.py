"""Loop implementations of convolution and pooling, written straight from the formulas: the test oracle.

Slow on purpose; the fast kernels in ``ops``/``layers`` must agree with these on every shape.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from explainer.core.layers import Padding, resolve_pads
from explainer.core.ops import output_size


def _pad(x: np.ndarray, p: Padding) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), (p.top, p.bottom), (p.left, p.right)))


def conv2d_naive(
    x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, padding: int | str | Sequence[int] = 0
) -> np.ndarray:
    """Convolution by looping over samples, filters and output positions.

    ``padding`` as :class:`~explainer.core.layers.Conv2D` takes it (four numbers: top, left, bottom, right).

    Shape:
        x ``(N, C_in, H, W)``, W ``(C_out, C_in, k, k)``, b ``(C_out,)``; returns
        ``(N, C_out, (H + P_top + P_bottom - k) // S + 1, (W + P_left + P_right - k) // S + 1)``.
    """
    N, _, H, Wd = x.shape
    C_out, _, kh, kw = W.shape
    p = resolve_pads(padding, kh)
    out_h = output_size(H, kh, stride, p.top, p.bottom)
    out_w = output_size(Wd, kw, stride, p.left, p.right)
    xp = _pad(x, p)
    y = np.zeros((N, C_out, out_h, out_w), np.result_type(x, W))
    for n in range(N):
        for o in range(C_out):
            for r in range(out_h):
                for c in range(out_w):
                    window = xp[n, :, r * stride : r * stride + kh, c * stride : c * stride + kw]
                    y[n, o, r, c] = np.sum(window * W[o]) + b[o]
    return y


def conv2d_naive_backward(
    x: np.ndarray, W: np.ndarray, dy: np.ndarray, stride: int = 1, padding: int | str | Sequence[int] = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of :func:`conv2d_naive`: every output position sends ``dy`` back along its window.

    Shape:
        x, W as in the forward; dy ``(N, C_out, H_out, W_out)``;
        returns (dx like x, dW like W, db ``(C_out,)``).
    """
    N, _, H, Wd = x.shape
    C_out, _, kh, kw = W.shape
    p = resolve_pads(padding, kh)
    xp = _pad(x, p)
    dxp = np.zeros_like(xp, dtype=np.result_type(x, W))
    dW = np.zeros_like(W)
    _, _, out_h, out_w = dy.shape
    for n in range(N):
        for o in range(C_out):
            for r in range(out_h):
                for c in range(out_w):
                    rows = slice(r * stride, r * stride + kh)
                    cols = slice(c * stride, c * stride + kw)
                    dW[o] += dy[n, o, r, c] * xp[n, :, rows, cols]
                    dxp[n, :, rows, cols] += dy[n, o, r, c] * W[o]
    db = dy.sum(axis=(0, 2, 3))
    return dxp[:, :, p.top : p.top + H, p.left : p.left + Wd], dW, db


class _PoolWindow:
    """Where each pooling window lies in the input (in input coordinates, clipped to it), and its divisor.

    A window starting at ``r * stride - P_top`` covers the input rows it overlaps; padded cells are left
    out of a max (they hold -inf) and, unless ``count_include_pad``, of an average's divisor.
    """

    def __init__(
        self,
        x: np.ndarray,
        size: int,
        stride: int | None,
        padding: int | Sequence[int] = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = False,
    ) -> None:
        self.size, self.stride = size, size if stride is None else stride
        self.pads, self.count_include_pad = resolve_pads(padding, size), count_include_pad
        self.H, self.W = x.shape[2:]
        p = self.pads
        self.out_h = output_size(self.H, size, self.stride, p.top, p.bottom, ceil_mode=ceil_mode)
        self.out_w = output_size(self.W, size, self.stride, p.left, p.right, ceil_mode=ceil_mode)

    def rows(self, r: int) -> range:
        start = r * self.stride - self.pads.top
        return range(max(start, 0), min(start + self.size, self.H))

    def cols(self, c: int) -> range:
        start = c * self.stride - self.pads.left
        return range(max(start, 0), min(start + self.size, self.W))

    def count(self, r: int, c: int) -> int:
        if not self.count_include_pad:
            return len(self.rows(r)) * len(self.cols(c))
        top, left = r * self.stride - self.pads.top, c * self.stride - self.pads.left
        height = min(top + self.size, self.H + self.pads.bottom) - top
        width = min(left + self.size, self.W + self.pads.right) - left
        return height * width

    def positions(self) -> Iterator[tuple[int, int, slice, slice]]:
        """Every output ``(r, c)`` with the input rows and columns its window covers."""
        for r in range(self.out_h):
            for c in range(self.out_w):
                rows, cols = self.rows(r), self.cols(c)
                yield r, c, slice(rows.start, rows.stop), slice(cols.start, cols.stop)


# The pools take ``padding`` (int or (top, left, bottom, right)), ``ceil_mode`` and, for averages,
# ``count_include_pad`` as keywords, as MaxPool2D and AvgPool2D do.


def pool_naive(
    x: np.ndarray, size: int, stride: int | None = None, *, average: bool = False, **settings: Any
) -> np.ndarray:
    """Max pooling (padded cells never win), or with ``average`` the window's sum over its divisor, by
    looping over windows.

    Shape:
        x ``(N, C, H, W)``; returns ``(N, C, H_out, W_out)`` as ``ops.output_size`` gives them.
    """
    grid = _PoolWindow(x, size, stride, **settings)
    y = np.zeros((*x.shape[:2], grid.out_h, grid.out_w), x.dtype)
    for r, c, rows, cols in grid.positions():
        window = x[:, :, rows, cols]
        y[:, :, r, c] = window.sum(axis=(2, 3)) / grid.count(r, c) if average else window.max(axis=(2, 3))
    return y


def pool_naive_backward(
    x: np.ndarray,
    dy: np.ndarray,
    size: int,
    stride: int | None = None,
    *,
    average: bool = False,
    **settings: Any,
) -> np.ndarray:
    """Gradient of :func:`pool_naive`: each window's ``dy`` goes to its first (row-major) maximum, or with
    ``average`` is shared equally, ``dy / divisor`` per input value; one window position at a time.

    Shape:
        x ``(N, C, H, W)``, dy ``(N, C, H_out, W_out)``; returns dx like x.
    """
    grid = _PoolWindow(x, size, stride, **settings)
    dx = np.zeros_like(x, dtype=dy.dtype)
    for r, c, rows, cols in grid.positions():
        if average:
            dx[:, :, rows, cols] += dy[:, :, r, c, None, None] / grid.count(r, c)
            continue
        for n, ch in np.ndindex(*x.shape[:2]):
            window = x[n, ch, rows, cols]
            i, j = np.unravel_index(np.argmax(window), window.shape)
            dx[n, ch, rows.start + i, cols.start + j] += dy[n, ch, r, c]
    return dx


def conv_transpose2d_naive(
    x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """Transposed convolution by stamping: every input pixel adds its value times the kernel onto the output.

    Shape:
        x ``(N, C_in, H, W)``, W ``(C_in, C_out, k, k)``, b ``(C_out,)``; returns
        ``(N, C_out, (H - 1) * S - 2P + k, (W - 1) * S - 2P + k)``.
    """
    N, C_in, H, Wd = x.shape
    _, C_out, k, _ = W.shape
    full = np.zeros((N, C_out, (H - 1) * stride + k, (Wd - 1) * stride + k), np.result_type(x, W))
    for n in range(N):
        for c in range(C_in):
            for r in range(H):
                for w in range(Wd):
                    full[n, :, r * stride : r * stride + k, w * stride : w * stride + k] += (
                        x[n, c, r, w] * W[c]
                    )
    out_h, out_w = full.shape[2] - 2 * padding, full.shape[3] - 2 * padding
    return full[:, :, padding : padding + out_h, padding : padding + out_w] + b[None, :, None, None]


def conv_transpose2d_naive_backward(
    x: np.ndarray, W: np.ndarray, dy: np.ndarray, stride: int = 1, padding: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of :func:`conv_transpose2d_naive`: each stamp reads back the dy under it.

    Shape:
        x, W as in the forward; dy ``(N, C_out, H_out, W_out)``; returns (dx like x, dW like W,
        db ``(C_out,)``).
    """
    N, C_in, H, Wd = x.shape
    k = W.shape[2]
    dfull = np.pad(dy, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dx = np.zeros_like(x, dtype=np.result_type(x, W, dy))
    dW = np.zeros_like(W, dtype=dx.dtype)
    for n in range(N):
        for c in range(C_in):
            for r in range(H):
                for w in range(Wd):
                    under = dfull[n, :, r * stride : r * stride + k, w * stride : w * stride + k]
                    dx[n, c, r, w] = np.sum(under * W[c])
                    dW[c] += x[n, c, r, w] * under
    return dx, dW, dy.sum(axis=(0, 2, 3))
