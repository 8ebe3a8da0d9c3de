"""Fast array kernels behind the layers: padding, im2col, the flat-grid convolution, pooling windows, threads.

The layers take and return NCHW arrays, but the kernels here keep the data in *CNHW memory* and hand back
NCHW-shaped transposed views of it: a convolution is a ``(C_out, K) @ (K, N*H*W)`` product whose result is
already CNHW, so no layer ever pays for a transpose copy between layers. ``cnhw(x)`` gives the CNHW view of
an NCHW-shaped array (contiguous when the memory is already laid out that way).

Large batches are split between ``WORKERS`` threads (NumPy releases the GIL inside copies, ufuncs and
matmuls); a single image stays on the calling thread, where handing work over would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

WORKERS = min(2, os.cpu_count() or 1)
"""Threads that share the blocks of a large convolution (the caller's thread is one of them)."""

_pool: ThreadPoolExecutor | None = None


def run_workers(work: Callable[[int], None], workers: int) -> None:
    """Call ``work(0)`` in this thread and ``work(1..workers-1)`` in pool threads; wait for all of them."""
    global _pool
    if workers <= 1:
        work(0)
        return
    if _pool is None:
        _pool = ThreadPoolExecutor(WORKERS - 1, thread_name_prefix="explainer-core")
    futures = [_pool.submit(work, worker) for worker in range(1, workers)]
    work(0)
    for future in futures:
        future.result()


PARALLEL_SIZE = 100_000
"""Arrays with at least this many elements are split over the batch among the worker threads."""


def batch_parallel(part: Callable[[slice], None], n: int, size: int) -> None:
    """Run ``part(batch_slice)`` over the batch, split among the workers when ``size`` elements pay for it.

    ``part`` must only write its own samples; NumPy releases the GIL inside the calls, so the halves overlap.
    """
    workers = min(WORKERS, n) if size >= PARALLEL_SIZE else 1
    if workers == 1:
        part(slice(0, n))
        return
    bounds = [n * w // workers for w in range(workers + 1)]
    run_workers(lambda w: part(slice(bounds[w], bounds[w + 1])), workers)


def output_size(
    size: int,
    kernel: int,
    stride: int,
    padding: int,
    end_padding: int | None = None,
    *,
    ceil_mode: bool = False,
) -> int:
    """Output length along one axis: ``floor((size + P_begin + P_end - kernel) / stride) + 1``.

    ``padding`` is added before the input and ``end_padding`` after it (``padding`` again when None).
    With ``ceil_mode`` the division rounds up, so a last, partial window counts, but (the PyTorch and ONNX
    rule) only while that window starts inside the input or its leading padding.

    Raises ValueError when the kernel does not fit in the padded input or the settings make no sense.
    """
    end = padding if end_padding is None else end_padding
    if kernel < 1 or stride < 1 or padding < 0 or end < 0:
        raise ValueError(
            f"kernel ({kernel}) and stride ({stride}) must be >= 1 and padding ({padding}, {end}) >= 0"
        )
    padded = size + padding + end
    if kernel > padded:
        sides = f"2*{padding}" if end == padding else f"{padding} + {end}"
        raise ValueError(f"kernel {kernel} is larger than the padded input {size} + {sides} = {padded}")
    span = padded - kernel
    if not ceil_mode:
        return span // stride + 1
    return -(-span // stride) + 1 - ceil_drops_last(size, kernel, stride, padding, end)


def ceil_drops_last(size: int, kernel: int, stride: int, padding: int, end_padding: int) -> bool:
    """True when rounding up adds a last window that would start in the trailing padding, which ceil mode
    drops: then the output is one less than ``ceil((size + P_begin + P_end - kernel) / stride) + 1``."""
    span = size + padding + end_padding - kernel
    return span >= 0 and -(-span // stride) * stride >= size + padding


def cnhw(x: np.ndarray) -> np.ndarray:
    """The ``(C, N, H, W)`` view of an ``(N, C, H, W)`` array (a transposed view, never a copy)."""
    return x.transpose(1, 0, 2, 3)


def nchw(x: np.ndarray) -> np.ndarray:
    """The ``(N, C, H, W)`` view of a ``(C, N, H, W)`` array."""
    return x.transpose(1, 0, 2, 3)


def pad_cnhw(x: np.ndarray, padding: int, dtype: np.dtype) -> np.ndarray:
    """Copy ``x`` into a new zero-bordered CNHW array of ``dtype``.

    Shape:
        x: ``(N, C, H, W)``; returns ``(C, N, H + 2P, W + 2P)`` C-contiguous.
    """
    N, C, H, W = x.shape
    padded = np.zeros((C, N, H + 2 * padding, W + 2 * padding), dtype)
    padded[:, :, padding : padding + H, padding : padding + W] = cnhw(x)
    return padded


def im2col(xp: np.ndarray, kh: int, kw: int, stride: int, out_h: int, out_w: int) -> np.ndarray:
    """Unfold every receptive field of a padded CNHW array into the columns of one matrix.

    Shape:
        xp: ``(C, N, Hp, Wp)``; returns ``(C*kh*kw, N*out_h*out_w)``, rows ordered (c, i, j) like a
        reshaped conv weight ``(C_out, C, kh, kw) -> (C_out, C*kh*kw)``.
    """
    C, N, _, _ = xp.shape
    sc, sn, sh, sw = xp.strides
    windows = as_strided(
        xp, (C, kh, kw, N, out_h, out_w), (sc, sh, sw, sn, sh * stride, sw * stride), writeable=False
    )
    cols = np.empty((C, kh, kw, N, out_h, out_w), xp.dtype)
    np.copyto(cols, windows)
    return cols.reshape(C * kh * kw, N * out_h * out_w)


def flat_windows(buf: np.ndarray, k: int, row_len: int, length: int) -> np.ndarray:
    """The stride-1 convolution windows over a *flattened* padded grid, as a read-only strided view.

    ``view[c, i, j, t] = buf[c, t + i*row_len + j]``: with every sample's padded ``(Hp, Wp)`` plane laid out
    flat, the window offset (i, j) is one constant shift, so copying the view into a ``(C*k*k, length)``
    matrix unfolds the convolution with one contiguous copy per row. Columns t whose row or column lies in
    the last k-1 of a plane are junk and must be ignored (or fed zeros).

    Shape:
        buf: ``(C, >= length + (k-1)*(row_len+1))``; returns ``(C, k, k, length)``.
    """
    C = buf.shape[0]
    sc, se = buf.strides
    return as_strided(buf, (C, k, k, length), (sc, row_len * se, se, se), writeable=False)


class FlatConv:
    """Buffers and loops of a stride-1 convolution computed on the flattened, zero-padded input grid.

    Every sample's zero-padded plane is laid out flat, one row per channel, so the kernel offset (i, j) is
    the constant shift ``i*Wp + j`` and the unfolded columns are plain contiguous copies
    (:func:`flat_windows`). Neighbouring rows and samples share their padding: a plane is ``(H+P, W+P)``
    with P zero rows on top and P zero columns on the left, and a window running off the right (bottom) edge
    reads the next row's left (next sample's top) zeros. Outputs are computed at every grid position; those
    outside ``(H_out, W_out)`` are junk and are cut off (their dy is kept at zero, so they add nothing to dW
    and cannot leak into dx, which needs P <= k - 1).

    The columns are unfolded ``BLOCK`` at a time into a small scratch matrix that stays in cache, instead of
    materialising the whole ``(C*k*k, N*Hp*Wp)`` matrix (~15 MB for a batch of 64). Blocks are shared among
    ``workers`` threads (NumPy releases the GIL in copies and matmuls), each with its own scratch.

    Shape:
        x: ``(N, C, H, W)``; weights ``(C_out, C*k*k + 1)`` (bias last);
        y: ``(N, C_out, H + 2P - k + 1, W + 2P - k + 1)``.
    """

    BLOCK = 4096

    def __init__(self, x_shape: tuple[int, ...], k: int, padding: int, c_out: int, dtype: np.dtype) -> None:
        N, C, H, W = x_shape
        self.key = (tuple(x_shape), np.dtype(dtype))
        self.k, self.p, self.c_out = k, padding, c_out
        self.N, self.C, self.H, self.W = N, C, H, W
        if padding > k - 1:
            raise ValueError(f"FlatConv needs padding <= kernel_size - 1, got {padding} for k={k}")
        self.Hp, self.Wp = H + padding, W + padding
        self.out_h, self.out_w = H + 2 * padding - k + 1, W + 2 * padding - k + 1
        self.length = N * self.Hp * self.Wp
        # Equal blocks of at most ~BLOCK columns, their count a multiple of the workers so they share evenly.
        blocks = -(-self.length // self.BLOCK)
        if blocks > 1:
            blocks = -(-blocks // WORKERS) * WORKERS
        self.block = -(-self.length // blocks)
        self.padded_length = blocks * self.block
        self.workers = min(WORKERS, blocks)
        self.margin = (k - 1) * (self.Wp + 1)
        # x sits at the start of its buffer; dy sits after a zero margin, so the full convolution of dy
        # (which looks up to `margin` columns back) reads zeros before the first sample.
        self.x = np.zeros((C, self.padded_length + self.margin), dtype)
        self.dy = np.zeros((c_out, self.margin + self.padded_length), dtype)
        self.cols = [np.empty((C * k * k + 1, self.block), dtype) for _ in range(self.workers)]
        for cols in self.cols:
            cols[-1] = 1  # the bias row
        self.dycols = [np.empty((c_out * k * k, self.block), dtype) for _ in range(self.workers)]
        # The buffers live as long as this object, so their window views are made once: building a strided
        # view costs ~25 us, a third of a single-image conv layer.
        starts = range(0, self.padded_length, self.block)
        self.x_windows = {t: flat_windows(self.x[:, t:], k, self.Wp, self.block) for t in starts}
        self.dy_windows = {t: flat_windows(self.dy[:, t:], k, self.Wp, self.block) for t in starts}
        self.cols_targets = [cols[: C * k * k].reshape(C, k, k, self.block) for cols in self.cols]
        self.dycols_targets = [cols.reshape(c_out, k, k, self.block) for cols in self.dycols]

    def _grid(self, buf: np.ndarray, channels: int) -> np.ndarray:
        return buf[:, : self.length].reshape(channels, self.N, self.Hp, self.Wp)

    def _starts(self, worker: int) -> range:
        return range(worker * self.block, self.padded_length, self.workers * self.block)

    def forward(self, x: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Load x into the grid and return ``weights @ columns`` cut to the valid outputs, NCHW view."""
        p, block = self.p, self.block
        grid, xc = self._grid(self.x, self.C), cnhw(x)

        def load(s: slice) -> None:
            grid[:, s, p : p + self.H, p : p + self.W] = xc[:, s]

        batch_parallel(load, self.N, x.size)
        out = np.empty((self.c_out, self.padded_length), weights.dtype)

        def work(worker: int) -> None:
            cols, target = self.cols[worker], self.cols_targets[worker]
            for t in self._starts(worker):
                np.copyto(target, self.x_windows[t])
                np.matmul(weights, cols, out=out[:, t : t + block])

        run_workers(work, self.workers)
        return nchw(self._grid(out, self.c_out)[:, :, : self.out_h, : self.out_w])

    def weight_grad(self, dy: np.ndarray) -> np.ndarray:
        """Load dy onto the grid and return dL/d(weights) ``(C_out, C*k*k + 1)``, the bias gradient last."""
        block = self.block
        grid = self.dy[:, self.margin :]
        dy_grid, dyc = self._grid(grid, self.c_out), cnhw(dy)

        def load(s: slice) -> None:
            dy_grid[:, s, : self.out_h, : self.out_w] = dyc[:, s]

        batch_parallel(load, self.N, dy.size)
        partial = np.zeros((self.workers, self.c_out, self.cols[0].shape[0]), self.x.dtype)

        def work(worker: int) -> None:
            cols, target = self.cols[worker], self.cols_targets[worker]
            for t in self._starts(worker):
                np.copyto(target, self.x_windows[t])
                # (cols @ dy.T).T rather than dy @ cols.T: OpenBLAS is ~20% faster with the long axis inside.
                partial[worker] += (cols @ grid[:, t : t + block].T).T

        run_workers(work, self.workers)
        return partial.sum(axis=0)

    def input_grad(self, rotated: np.ndarray) -> np.ndarray:
        """dx as the full convolution of the loaded dy with the rotated, channel-swapped kernel, NCHW view.

        ``rotated`` is ``W[:, :, ::-1, ::-1]`` with in/out channels swapped, flattened to ``(C, C_out*k*k)``.
        """
        block = self.block
        dx = np.empty((self.C, self.padded_length), rotated.dtype)

        def work(worker: int) -> None:
            dycols, target = self.dycols[worker], self.dycols_targets[worker]
            for t in self._starts(worker):
                np.copyto(target, self.dy_windows[t])
                np.matmul(rotated, dycols, out=dx[:, t : t + block])

        run_workers(work, self.workers)
        p = self.p
        return nchw(self._grid(dx, self.C)[:, :, p : p + self.H, p : p + self.W])


def col2im(
    dcols: np.ndarray, shape: tuple[int, int, int, int], kh: int, kw: int, stride: int, out_h: int, out_w: int
) -> np.ndarray:
    """Sum column gradients back onto the padded input they were unfolded from (the adjoint of im2col).

    Shape:
        dcols: ``(C*kh*kw, N*out_h*out_w)``; shape: the padded ``(C, N, Hp, Wp)``; returns that shape.

    One strided slice-add per kernel offset, so overlapping windows accumulate without ``np.add.at``.
    """
    C, N, _, _ = shape
    blocks = dcols.reshape(C, kh, kw, N, out_h, out_w)
    dxp = np.zeros(shape, dcols.dtype)
    for i in range(kh):
        for j in range(kw):
            dxp[
                :, :, i : i + stride * (out_h - 1) + 1 : stride, j : j + stride * (out_w - 1) + 1 : stride
            ] += blocks[:, i, j]
    return dxp


def pool_windows(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Every pooling window of ``x``, flattened row-major into the last axis.

    Shape:
        x: ``(N, C, H, W)``; returns ``(C, N, H_out, W_out, size*size)`` (a copy, CNHW order).
    """
    windows = sliding_window_view(cnhw(x), (size, size), axis=(2, 3))[:, :, ::stride, ::stride]
    C, N, out_h, out_w = windows.shape[:4]
    return windows.reshape(C, N, out_h, out_w, size * size)


def scatter_windows(
    parts: list[np.ndarray], shape: tuple[int, int, int, int], size: int, stride: int
) -> np.ndarray:
    """Add per-offset window gradients back onto the input grid (adjoint of ``pool_windows``).

    Shape:
        parts: ``size*size`` arrays ``(C, N, H_out, W_out)``, one per window offset, row-major;
        shape: the CNHW input shape ``(C, N, H, W)``; returns that shape.
    """
    out_h, out_w = parts[0].shape[2:]
    dx = np.zeros(shape, parts[0].dtype)
    for k, part in enumerate(parts):
        i, j = divmod(k, size)
        dx[:, :, i : i + stride * (out_h - 1) + 1 : stride, j : j + stride * (out_w - 1) + 1 : stride] += part
    return dx
