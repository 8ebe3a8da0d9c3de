"""Loop implementations of convolution and pooling, written straight from the formulas: the test oracle.

Slow on purpose; the fast kernels in ``ops``/``layers`` must agree with these on every shape.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from explainer.core.layers import resolve_padding
from explainer.core.ops import output_size


def _pad(x: np.ndarray, p: int) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))


def conv2d_naive(
    x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, padding: int | str = 0
) -> np.ndarray:
    """Convolution by looping over samples, filters and output positions.

    Shape:
        x ``(N, C_in, H, W)``, W ``(C_out, C_in, k, k)``, b ``(C_out,)``; returns
        ``(N, C_out, (H + 2P - k) // S + 1, (W + 2P - k) // S + 1)``.
    """
    N, _, H, Wd = x.shape
    C_out, _, kh, kw = W.shape
    p = resolve_padding(padding, kh)
    out_h, out_w = output_size(H, kh, stride, p), output_size(Wd, kw, stride, p)
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
    x: np.ndarray, W: np.ndarray, dy: np.ndarray, stride: int = 1, padding: int | str = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of :func:`conv2d_naive`: every output position sends ``dy`` back along its window.

    Shape:
        x, W as in the forward; dy ``(N, C_out, H_out, W_out)``;
        returns (dx like x, dW like W, db ``(C_out,)``).
    """
    N, _, H, Wd = x.shape
    C_out, _, kh, kw = W.shape
    p = resolve_padding(padding, kh)
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
    return dxp[:, :, p : p + H, p : p + Wd], dW, db


def _pool_grid(x: np.ndarray, size: int, stride: int | None) -> tuple[int, int, int]:
    stride = size if stride is None else stride
    return stride, output_size(x.shape[2], size, stride, 0), output_size(x.shape[3], size, stride, 0)


def _pool_naive(
    x: np.ndarray, size: int, stride: int | None, reduce: Callable[..., np.ndarray]
) -> np.ndarray:
    """``reduce`` (np.max or np.mean) over every window, one window position at a time."""
    stride, out_h, out_w = _pool_grid(x, size, stride)
    y = np.zeros((*x.shape[:2], out_h, out_w), x.dtype)
    for r in range(out_h):
        for c in range(out_w):
            window = x[:, :, r * stride : r * stride + size, c * stride : c * stride + size]
            y[:, :, r, c] = reduce(window, axis=(2, 3))
    return y


def maxpool_naive(x: np.ndarray, size: int, stride: int | None = None) -> np.ndarray:
    """Max pooling by looping over windows.

    Shape:
        x ``(N, C, H, W)``; returns ``(N, C, (H - size) // stride + 1, (W - size) // stride + 1)``.
    """
    return _pool_naive(x, size, stride, np.max)


def maxpool_naive_backward(x: np.ndarray, dy: np.ndarray, size: int, stride: int | None = None) -> np.ndarray:
    """Max-pool gradient: each window's ``dy`` goes to its first (row-major) maximum.

    Shape:
        x ``(N, C, H, W)``, dy ``(N, C, H_out, W_out)``; returns dx like x.
    """
    stride, out_h, out_w = _pool_grid(x, size, stride)
    dx = np.zeros_like(x, dtype=dy.dtype)
    for n in range(x.shape[0]):
        for ch in range(x.shape[1]):
            for r in range(out_h):
                for c in range(out_w):
                    window = x[n, ch, r * stride : r * stride + size, c * stride : c * stride + size]
                    i, j = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, ch, r * stride + i, c * stride + j] += dy[n, ch, r, c]
    return dx


def avgpool_naive(x: np.ndarray, size: int, stride: int | None = None) -> np.ndarray:
    """Average pooling by looping over windows.

    Shape:
        x ``(N, C, H, W)``; returns ``(N, C, (H - size) // stride + 1, (W - size) // stride + 1)``.
    """
    return _pool_naive(x, size, stride, np.mean)


def avgpool_naive_backward(x: np.ndarray, dy: np.ndarray, size: int, stride: int | None = None) -> np.ndarray:
    """Average-pool gradient: each window's ``dy`` is shared equally, ``dy / size**2`` per position.

    Shape:
        x ``(N, C, H, W)``, dy ``(N, C, H_out, W_out)``; returns dx like x.
    """
    stride, out_h, out_w = _pool_grid(x, size, stride)
    dx = np.zeros_like(x, dtype=dy.dtype)
    for r in range(out_h):
        for c in range(out_w):
            share = dy[:, :, r, c, None, None] / (size * size)
            dx[:, :, r * stride : r * stride + size, c * stride : c * stride + size] += share
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
