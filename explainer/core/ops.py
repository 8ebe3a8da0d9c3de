"""Fast array kernels behind the layers: padding, im2col, the flat-grid convolution, pooling windows, threads.

The layers take and return NCHW arrays, but the kernels here keep the data channel-major and hand back
NCHW-shaped transposed views of it: a convolution is a ``(C_out*k, K) @ (K, H*N*W)`` product whose result is
already *CHNW memory* (the image rows of all samples interleaved, see :class:`FlatConv`), and max pooling
keeps that order, so no layer pays for a transpose copy between layers. ``chnw(x)`` and ``cnhw(x)`` give the
channel-major views of an NCHW-shaped array (contiguous when the memory is laid out that way).

Large batches are split between ``WORKERS`` threads (NumPy releases the GIL inside copies, ufuncs and
matmuls). Of a single image, only the exact (float64) forward GEMMs are split, by rows (``SPLIT_SIZE``): a
float32 GEMM split by rows rounds differently, and the backward pass already computes the weight gradients
beside dL/dx (:func:`deferring`).
"""

from __future__ import annotations

import _thread
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

WORKERS = min(2, os.cpu_count() or 1)
"""Threads that share the blocks of a large convolution (the caller's thread is one of them)."""


class _Helper:
    """A thread that runs one part of a parallel region, woken and waited for through two bare locks.

    A training step hands work over ~30 times; through a ``ThreadPoolExecutor`` (a queue, a future and its
    condition) each hand-over took 25-80 us on the 2-core machine, through two locks 17-30 us.
    """

    def __init__(self) -> None:
        self._go, self._done = _thread.allocate_lock(), _thread.allocate_lock()
        self._go.acquire()
        self._done.acquire()
        self._job: Callable[[], None] = lambda: None
        self._error: BaseException | None = None
        threading.Thread(target=self._loop, name="explainer-core", daemon=True).start()

    def _loop(self) -> None:
        while True:
            self._go.acquire()
            try:
                self._job()
            except BaseException as error:  # handed to the caller by wait()
                self._error = error
            self._done.release()

    def start(self, job: Callable[[], None]) -> None:
        self._job, self._error = job, None
        self._go.release()

    def wait(self) -> BaseException | None:
        """Block until the job has finished; return what it raised, if anything."""
        self._done.acquire()
        return self._error


_helpers: list[_Helper] = []
_in_use = _thread.allocate_lock()
"""Held while a parallel region runs: a second caller (another thread, or a part calling back in) runs
all its parts itself rather than wait for helpers that are busy."""


def run_workers(work: Callable[[int], None], workers: int) -> None:
    """Call ``work(0)`` in this thread and ``work(1..workers-1)`` in helper threads; wait for all of them.

    An exception in any part is raised here once every part has finished.
    """
    if workers <= 1:
        work(0)
        return
    if not _in_use.acquire(blocking=False):
        for worker in range(workers):
            work(worker)
        return
    try:
        while len(_helpers) < workers - 1:
            _helpers.append(_Helper())
        helpers = _helpers[: workers - 1]
        for worker, helper in enumerate(helpers, 1):
            helper.start(lambda worker=worker: work(worker))
        try:
            work(0)
        finally:
            errors = [helper.wait() for helper in helpers]
        for error in errors:
            if error is not None:
                raise error
    finally:
        _in_use.release()


class _Background:
    """A helper thread that runs jobs one after another, in the order they come, off the caller's path."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._results: queue.SimpleQueue[BaseException | None] = queue.SimpleQueue()
        self.pending = 0
        threading.Thread(target=self._loop, name="explainer-core-background", daemon=True).start()

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except BaseException as error:  # handed to the caller by wait()
                self._results.put(error)
            else:
                self._results.put(None)

    def submit(self, job: Callable[[], None]) -> None:
        self.pending += 1
        self._jobs.put(job)

    def wait(self) -> None:
        """Block until every job has finished; raise the first error one of them raised."""
        errors = [self._results.get() for _ in range(self.pending)]
        self.pending = 0
        for error in errors:
            if error is not None:
                raise error


_background: _Background | None = None
_background_lock = _thread.allocate_lock()
"""Held by the thread whose :func:`deferring` block hands jobs to the background helper."""
_deferring = threading.local()


@contextmanager
def deferring() -> Iterator[None]:
    """Within this block, work given to :func:`defer` may run on a helper thread while the caller goes on;
    all of it has finished when the block ends (an error in it is raised then).

    For a backward pass through one image: a layer's weight gradients are off the path that carries dL/dx
    down, so they are computed beside it, and every GEMM stays the same one (bit-equal results). One
    thread at a time defers (another's block runs its work at once), and never with a single worker.
    """
    global _background
    if WORKERS < 2 or getattr(_deferring, "active", False) or not _background_lock.acquire(blocking=False):
        yield
        return
    try:
        if _background is None:
            _background = _Background()
        _deferring.active = True
        try:
            yield
        finally:
            _deferring.active = False
            _background.wait()
    finally:
        _background_lock.release()


DEFER_SIZE = 1_000_000
"""Work of at least this many multiply-adds is worth deferring (~40 us of float32 GEMM), where handing a
job over costs 5-30 us, and the helper must also get the GIL: smaller jobs (the reference net's) wait for
it while the caller runs small NumPy calls that keep it, and in the end run after the pass instead."""

SPLIT_SIZE = 2_000_000
"""An exact (float64) GEMM of one block with at least this many multiply-adds (~100 us) is split by rows
between two threads: it is a single image's forward pass, where nothing else runs beside it."""

COPY_COST = 20
"""The multiply-adds one copied element costs, roughly (a copy moves ~10 GB/s, a GEMM ~45 GMAC/s): the
size :func:`defer` is given for a copy of n elements is ``COPY_COST * n``."""


def defer(job: Callable[[], None], size: int) -> None:
    """Run ``job`` on the background helper inside a :func:`deferring` block when its ``size`` pays for the
    hand-over, else now. The job must only touch what nothing else uses until the block ends."""
    if size >= DEFER_SIZE and _background is not None and getattr(_deferring, "active", False):
        _background.submit(job)
    else:
        job()


def _forget_threads() -> None:
    """In a forked child: only the forking thread exists there, so the parent's helpers (and locks they
    may have held) are dropped; the child makes its own when it first needs them, instead of hanging."""
    global _in_use, _background, _background_lock, _deferring
    _helpers.clear()
    _in_use = _thread.allocate_lock()
    _background, _background_lock, _deferring = None, _thread.allocate_lock(), threading.local()


os.register_at_fork(after_in_child=_forget_threads)


PARALLEL_SIZE = 100_000
"""Arrays with at least this many elements are split over the batch among the worker threads."""


def parallel_slices(part: Callable[[slice], None], n: int, workers: int) -> None:
    """Run ``part(s)`` for ``workers`` equal slices s of ``range(n)``, one per worker thread."""
    workers = min(workers, n)
    if workers <= 1:
        part(slice(0, n))
        return
    bounds = [n * w // workers for w in range(workers + 1)]
    run_workers(lambda w: part(slice(bounds[w], bounds[w + 1])), workers)


def batch_parallel(part: Callable[[slice], None], n: int, size: int) -> None:
    """Run ``part(batch_slice)`` over the batch, split among the workers when ``size`` elements pay for it.

    ``part`` must only write its own samples; NumPy releases the GIL inside the calls, so the halves overlap.
    """
    if size < PARALLEL_SIZE or WORKERS < 2:
        part(slice(0, n))  # the common case of one image, without the slicing's calls
        return
    parallel_slices(part, n, WORKERS)


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


def chnw(x: np.ndarray) -> np.ndarray:
    """The ``(C, H, N, W)`` view of an ``(N, C, H, W)`` array: the memory order of ``FlatConv``'s output,
    where the image rows of all samples are interleaved (a view, never a copy)."""
    return x.transpose(1, 2, 0, 3)


def from_chnw(x: np.ndarray) -> np.ndarray:
    """The ``(N, C, H, W)`` view of a ``(C, H, N, W)`` array."""
    return x.transpose(2, 0, 1, 3)


ZERO_BLOCK = 65_536
"""Elements of the zeros :func:`relu` compares against per call: 256 KB of float32, which stays in cache."""

_zero_blocks: dict[np.dtype, np.ndarray] = {}


def relu(x: np.ndarray) -> np.ndarray:
    """``max(x, 0)`` in a new dense array in x's axis order, split among the workers when it is large.

    NumPy's ``maximum`` against a scalar 0 runs an unvectorised loop, about twice as slow as against an
    array of zeros, and over a convolution's ``(C, H, N, W)`` memory seen as NCHW it makes a call per image
    row. So x is swept as one flat array in its memory order (``ravel(order="K")``, which lists y's
    elements in the same order; a view with gaps, such as a convolution's output between its junk columns,
    is copied into that order first), block by block against a cached block of zeros.
    """
    y = np.empty_like(x)
    if not x.flags.c_contiguous:
        steps = [stride for stride, n in zip(x.strides, x.shape, strict=True) if n > 1]
        if 0 in steps or len(set(steps)) < len(steps):  # a broadcast or overlapping view: no memory order
            np.maximum(x, 0, out=y)
            return y
    flat_x, flat_y = x.ravel(order="K"), y.ravel(order="K")
    zeros = _zero_blocks.get(x.dtype)
    if zeros is None:
        zeros = _zero_blocks[x.dtype] = np.zeros(ZERO_BLOCK, x.dtype)
        zeros.setflags(write=False)
    size, block = flat_x.size, zeros.size
    if size <= block:  # one image's maps: one call
        np.maximum(flat_x, zeros[:size], out=flat_y)
        return y

    def part(s: slice) -> None:
        for start in range(s.start, s.stop, block):
            stop = min(start + block, s.stop)
            np.maximum(flat_x[start:stop], zeros[: stop - start], out=flat_y[start:stop])

    batch_parallel(part, size, size)
    return y


def relu_backward(dy: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``dy`` where the ReLU output ``y`` (from :func:`relu`, so dense) is positive, else 0, in a new array
    laid out as y: swept flat like :func:`relu` when dy is laid out as y too (what a pooling's or the
    loss's gradient is), else elementwise as it lies (copying a view with gaps, such as a convolution's
    dL/dx, into order first would cost more than it saves)."""
    dx = np.empty_like(y)
    if dy.strides == y.strides or (dy.flags.c_contiguous and y.flags.c_contiguous):
        flat_dy, flat_y, flat_dx = dy.ravel(order="K"), y.ravel(order="K"), dx.ravel(order="K")
        if flat_dy.size < PARALLEL_SIZE:  # one image's maps: without the slicing's calls
            np.multiply(flat_dy, flat_y > 0, out=flat_dx)
            return dx

        def part(s: slice) -> None:
            np.multiply(flat_dy[s], flat_y[s] > 0, out=flat_dx[s])

        batch_parallel(part, flat_dy.size, flat_dy.size)
        return dx

    def strided(s: slice) -> None:
        np.multiply(dy[s], y[s] > 0, out=dx[s])

    batch_parallel(strided, dy.shape[0], dy.size)
    return dx


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


def shifted_windows(
    source: np.ndarray, rows: int, cols: int, row_shift: int, length: int, flipped: bool = False
) -> np.ndarray:
    """The windows of a flat-grid convolution as a read-only strided view of ``source``.

    ``view[c, i, j, u] = source[c, u + i*row_shift + j]`` for ``rows`` kernel rows i and ``cols`` kernel
    columns j, so copying the view into a matrix unfolds the convolution with one contiguous copy per
    matrix row. ``flipped`` reverses i and j (``source[c, u + (rows-1-i)*row_shift + cols-1-j]``): the
    windows of the 180-degree rotated kernel, so the kernel itself need not be rotated (a copy through
    reversed strides is ~6x slower than a plain one).

    Shape:
        source: ``(C, >= length + (rows-1)*row_shift + cols-1)``; returns ``(C, rows, cols, length)``.
    """
    sc, se = source.strides
    steps = (row_shift * se, se)
    if flipped:
        source = source[:, (rows - 1) * row_shift + cols - 1 :]
        steps = (-steps[0], -steps[1])
    return as_strided(source, (source.shape[0], rows, cols, length), (sc, *steps, se), writeable=False)


LANES = 16
"""GEMM column counts are multiples of this, so every output column goes through the same BLAS
micro-kernel where a library has one per group of lanes (OpenBLAS's AVX-512 kernels; its float64 ones):
equal windows then give bit-equal outputs, and max-pool ties break as in PyTorch. Not every kernel works
so: OpenBLAS's float32 Haswell/Zen kernels round the first and last 8 columns of a GEMM differently from
the rest, so a float32 gradient pass sums its products in float64 (``exact`` in :meth:`Unfolded.apply`,
set through ``Sequential.eval(exact=True)``)."""


def exact_product(weights: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``weights @ matrix`` with the products summed in float64, whatever the inputs' dtype.

    Equal columns of ``matrix`` give equal float64 sums up to the last few bits, which float32 rounding
    then removes: equal windows of a float32 convolution stay bit-equal on every BLAS (the float32 kernel
    orders its sums by column position), so max-pool ties break the same way as in exact arithmetic.
    """
    return np.matmul(weights.astype(np.float64, copy=False), matrix.astype(np.float64, copy=False))


def lanes(columns: int) -> int:
    """``columns`` rounded up to a multiple of :data:`LANES`."""
    return -(-columns // LANES) * LANES


class Unfolded:
    """The unfolded columns of a flat grid and the GEMMs of a convolution over them (see :class:`FlatConv`).

    The convolution is ``out[m, u] = sum over (c, i, j) of kernel[m, c, i, j] source[c, start + u + i*R + j]``
    with two formulations, by the numbers in one window (C*k*k):

    - **Whole windows** (at most ``WHOLE_WINDOWS``): rows ``(c, i, j)`` hold
      ``source[c, start + u + i*R + j]`` and one GEMM with K = C*k*k does it.
    - **Rows** (bigger windows): only the kernel rows are unfolded, rows ``(c, i)`` holding
      ``source[c, start + u + i*R]``, and the kernel columns are moved to the output side: one GEMM gives
      ``part[(j, m), u] = sum over (c, i) of kernel[m, c, i, j] rows[(c, i), u]`` and
      ``out[m, u] = sum over j of part[(j, m), u + j]`` (each ``part[j]`` is one contiguous block, so the
      shifted sum is k flat additions). The unfold copies k times the input instead of
      k*k times (~130 MB less memory traffic per training step for a 5x5 kernel over 32 channels, batch
      64), and the GEMM has M = C_out*k rows, where OpenBLAS runs ~40% faster than with C_out.

    Either way the columns are unfolded one block at a time into a per-worker scratch matrix that stays in
    cache, never as a whole, so a layer holds no unfolded copy of its input between steps (a rows
    unfold is cheap enough to do again for the weight gradient). ``bias`` adds a last row of ones: the
    bias rides in the GEMM. ``flipped`` unfolds the windows of the 180-degree rotated kernel.

    Shape:
        source: ``(C, L)``; kernels ``(M, C, k, k)``; outputs and dL/d(outputs) ``(M, columns)``.
    """

    WHOLE_WINDOWS = 160
    """Unfold whole windows when a window holds at most this many numbers (C*k*k): their K is small."""

    def __init__(
        self,
        source: np.ndarray,
        k: int,
        row_shift: int,
        start: int,
        columns: int,
        block: int,
        workers: int,
        bias: bool,
        flipped: bool = False,
    ) -> None:
        channels, dtype = source.shape[0], source.dtype
        self.k, self.columns, self.block, self.workers, self.bias = k, columns, block, workers, bias
        self.whole = k == 1 or channels * k * k <= self.WHOLE_WINDOWS
        self.channels = channels
        # Rows: kernel column j's partial sums are added in from shifts[j] columns on, so a block's
        # partial sums reach `spare` columns beyond it.
        self.shifts = [k - 1 - j for j in range(k)] if flipped else list(range(k))
        self.spare = 0 if self.whole else lanes(k - 1)
        cols = k if self.whole else 1  # kernel columns unfolded into the matrix
        self.depth = channels * k * cols  # K of the GEMM, the bias row aside
        self.matrices, self.targets = self._scratch(dtype)
        self._exact_scratch: tuple[list[np.ndarray], list[np.ndarray]] | None = None  # float64, when used
        self._kept: tuple[np.ndarray, np.ndarray | None, np.ndarray] | None = None  # see kept()
        # Views of a buffer that lives as long as this object are made once: a strided view costs ~25 us.
        source = source[:, start:]
        self.windows = {
            t: shifted_windows(
                source[:, t:], k, cols, row_shift, min(block, columns - t) + self.spare, flipped
            )
            for t in range(0, columns, block)
        }

    def gemm_weights(
        self, kernel: np.ndarray, bias: np.ndarray | None = None, dtype: np.dtype | None = None
    ) -> np.ndarray:
        """The GEMM's weight matrix from ``kernel`` ``(M, C, k, k)`` (any strides, e.g. a transposed view)
        and the bias, in ``dtype`` (the kernel's when None), made with one copy.

        Shape:
            returns ``(M, K + bias)`` for whole windows (columns (c, i, j)), ``(k*M, K + bias)`` for rows
            (rows (j, m), columns (c, i); the bias in the rows j = 0).
        """
        M, C, k = kernel.shape[0], self.channels, self.k
        dtype = kernel.dtype if dtype is None else dtype
        if self.whole:
            weights = np.empty((M, self.depth + self.bias), dtype)
            np.copyto(weights[:, : self.depth].reshape(M, C, k, k), kernel)
            if self.bias:
                weights[:, -1] = 0 if bias is None else bias
            return weights
        weights = np.empty((k, M, self.depth + self.bias), dtype)
        np.copyto(weights[:, :, : self.depth].reshape(k, M, C, k), kernel.transpose(3, 0, 1, 2))
        if self.bias:
            weights[:, :, -1] = 0
            if bias is not None:
                weights[0, :, -1] = bias
        return weights.reshape(k * M, -1)

    def kept(self, kernel: np.ndarray, bias: np.ndarray | None, make: Callable[[], np.ndarray]) -> np.ndarray:
        """``make()``, GEMM weights made from ``kernel`` and ``bias``, kept while those are the same read-only
        arrays: a trace shares the weights read-only (``trace.shared``), and whatever changes them
        afterwards swaps in new arrays first (``trace.writable``), so the same read-only arrays hold the
        same numbers and the next trace reuses what was made (~80 us per trace for the Keras preset's 5x5
        convolutions forward, ~50 us backward). Training's writable weights are made again every time.
        """
        read_only = not kernel.flags.writeable and (bias is None or not bias.flags.writeable)
        kept = self._kept
        if read_only and kept is not None and kept[0] is kernel and kept[1] is bias:
            return kept[2]
        weights = make()
        self._kept = (kernel, bias, weights) if read_only else None
        return weights

    def _blocks(self, worker: int) -> range:
        return range(worker * self.block, self.columns, self.workers * self.block)

    def _scratch(self, dtype: np.dtype) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Per worker, a matrix to unfold blocks into (its bias row of ones set) and its view by window."""
        span, channels, cols = self.block + self.spare, self.channels, self.k if self.whole else 1
        matrices = [np.empty((self.depth + self.bias, span), dtype) for _ in range(self.workers)]
        for matrix in matrices:
            if self.bias:
                matrix[-1] = 1
        return matrices, [m[: self.depth].reshape(channels, self.k, cols, span) for m in matrices]

    def _unfold(self, worker: int, t: int, exact: bool = False) -> tuple[int, np.ndarray]:
        """Unfold the block at column t into the worker's scratch: (its width, the matrix with spare).

        ``exact`` unfolds into float64 scratch (the copy converts), for :func:`exact_product` sums.
        """
        matrices, targets = self.matrices, self.targets
        if exact and self.matrices[0].dtype != np.float64:
            if self._exact_scratch is None:
                self._exact_scratch = self._scratch(np.dtype(np.float64))
            matrices, targets = self._exact_scratch
        window = self.windows[t]
        np.copyto(targets[worker][..., : window.shape[-1]], window)
        return window.shape[-1] - self.spare, matrices[worker][:, : window.shape[-1]]

    def apply(self, weights: np.ndarray, out: np.ndarray, exact: bool = False) -> None:
        """The convolution into ``out`` ``(M, columns)``, column blocks shared by the workers.

        ``exact`` sums in float64 (:func:`exact_product`) and rounds once into ``out`` (one image's block
        goes through :meth:`exact_sums` instead: see :meth:`FlatConv.forward`).
        """
        if exact:
            weights = weights.astype(np.float64, copy=False)

        def work(worker: int) -> None:
            part = (
                None if self.whole else np.empty(weights.shape[0] * (self.block + self.spare), weights.dtype)
            )
            for t in self._blocks(worker):
                width, matrix = self._unfold(worker, t, exact)
                target = out[:, t : t + width]
                if part is None:
                    if exact:
                        np.copyto(target, weights @ matrix)
                    else:
                        np.matmul(weights, matrix, out=target)
                    continue
                product = part[: weights.shape[0] * matrix.shape[1]].reshape(weights.shape[0], -1)
                np.copyto(target, self._sums(np.matmul(weights, matrix, out=product))[:, :width])

        if self.workers == 1:
            work(0)  # one image: the common case, without a parallel region's calls
            return
        run_workers(work, self.workers)

    def exact_sums(self, weights: np.ndarray) -> np.ndarray:
        """The convolution of the single block (one image) summed in float64 and not yet rounded, for the
        caller to round once into the layout it needs. A block of at least ``SPLIT_SIZE`` multiply-adds is
        shared by two threads by rows (see :meth:`_row_bounds`).

        Shape:
            returns ``(M, columns + spare)`` float64; the first ``columns`` of each row are the outputs.
        """
        weights = weights.astype(np.float64, copy=False)
        _, matrix = self._unfold(0, 0, exact=True)
        split = WORKERS > 1 and weights.size * self.block >= SPLIT_SIZE
        bounds = self._row_bounds(weights.shape[0]) if split else None
        if bounds is None:
            return self._sums(weights @ matrix)
        product = np.empty((weights.shape[0], matrix.shape[1]), weights.dtype)

        def half(worker: int) -> None:
            rows = slice(bounds[worker], bounds[worker + 1])
            np.matmul(weights[rows], matrix, out=product[rows])

        run_workers(half, 2)
        return self._sums(product)

    @staticmethod
    def _row_bounds(rows: int) -> tuple[int, int, int] | None:
        """Where two threads split the GEMM ``rows`` of one block: at a multiple of 8 near the middle, where
        OpenBLAS's float64 kernels give the same bits as for the whole product (float32 ones do not, so
        only exact sums are split); None when there is no such row."""
        middle = round(rows / 16) * 8
        return (0, middle, rows) if 0 < middle < rows else None

    def _sums(self, product: np.ndarray) -> np.ndarray:
        """The outputs ``(M, columns of product)`` from one block's C-contiguous GEMM ``product`` (spare
        columns included): the product itself for whole windows, else the sum over kernel columns j of rows
        (j, m) shifted by ``shifts[j]``, as k flat additions (the last k - 1 columns of the last row, never
        read, are left unset)."""
        if self.whole:
            return product
        shifts, columns = self.shifts, product.shape[1]
        M = product.shape[0] // self.k
        by_column = product.reshape(self.k, M * columns)
        # total[m*columns + u] = sum over j of part[j, m, u + shifts[j]]; the spare columns (>= k - 1) keep
        # every wanted u + shifts[j] inside row m.
        length = M * columns - (self.k - 1)
        total = np.empty(M * columns, product.dtype)
        np.add(
            by_column[0, shifts[0] : shifts[0] + length],
            by_column[1, shifts[1] : shifts[1] + length],
            out=total[:length],
        )
        for j in range(2, self.k):
            total[:length] += by_column[j, shifts[j] : shifts[j] + length]
        return total.reshape(M, columns)

    def correlate(self, buffer: np.ndarray, start: int) -> np.ndarray:
        """dL/d(GEMM weights) for ``dy[m, u] = buffer[m, start + u]`` (``(M, columns)``), transposed:
        ``(K + bias, M)`` for whole windows, ``(K + bias, k*M)`` for rows (columns (j, m)); read it with
        :meth:`kernel_of` and :meth:`bias_of`.

        Rows: ``dW[(j, m), (c, i)] = sum over u of dy[m, u - j] rows[(c, i), u]``, one GEMM per block of
        columns with M = k*C_out, its dy unfolded by j on the fly (``buffer`` needs k-1 zeros before
        ``start``): ~25% faster than k GEMMs ``dy @ rows[:, j:].T``. The products are ``cols @ dy.T``
        rather than ``dy @ cols.T``: OpenBLAS is ~20% faster with the long axis inside, and rows (c, i)
        by columns (j, m) is the kernel gradient's (c, i, j) by m, so it needs one plain transpose.
        """
        M, workers, k = buffer.shape[0], self.workers, self.k
        outputs = M if self.whole else k * M
        partial = np.empty((workers, self.depth + self.bias, outputs), buffer.dtype)
        if self.whole:
            dy = buffer[:, start : start + self.columns]
        else:
            # dy_by_column[j, 0, m, u] = dy[m, u - j]
            dy_by_column = shifted_windows(buffer[:, start - (k - 1) :], 1, k, 0, self.columns, True)
            dy_by_column = dy_by_column.transpose(2, 1, 0, 3)

        def work(worker: int) -> None:
            scratch = None if self.whole else np.empty((k, 1, M, self.block), buffer.dtype)
            for n, t in enumerate(self._blocks(worker)):
                width, matrix = self._unfold(worker, t)
                cols = matrix[:, :width]
                if self.whole:
                    dys = dy[:, t : t + width]
                else:
                    np.copyto(scratch[..., :width], dy_by_column[..., t : t + width])
                    dys = scratch.reshape(outputs, -1)[:, :width]
                if n:
                    partial[worker] += cols @ dys.T
                else:
                    np.matmul(cols, dys.T, out=partial[worker])

        if workers == 1:
            work(0)
            return partial[0]
        run_workers(work, workers)
        return partial.sum(axis=0)

    def kernel_of(self, grads: np.ndarray) -> np.ndarray:
        """The ``(M, C, k, k)`` kernel gradient from :meth:`correlate`'s result."""
        k, C = self.k, self.channels
        by_window = grads[: self.depth].reshape(C * k * k, -1)  # rows (c, i, j), columns m
        return np.ascontiguousarray(by_window.T).reshape(-1, C, k, k)

    def bias_of(self, grads: np.ndarray) -> np.ndarray:
        """The bias gradient ``(M,)`` from :meth:`correlate`'s result (for rows: the columns j = 0)."""
        return grads[-1, : grads.shape[1] // (1 if self.whole else self.k)].copy()


class FlatConv:
    """A stride-1 convolution computed with a few large GEMMs on a flat, row-interleaved padded grid.

    Each channel is one flat row of the buffer holding the zero-padded input with the image rows of all
    samples interleaved: ``x[n, c, h, w]`` sits at column ``((P + h)*N + n)*Wg + P + w``, ``Wg = W + P``
    (each grid row starts with P zeros; a window that runs off a row's right end reads the next row's left
    zeros) and P zero rows at the top and bottom. Then the kernel offset (i, j) is the constant shift
    ``i*R + j`` with ``R = N*Wg`` for every output at once, and the columns are unfolded with contiguous
    copies (:class:`Unfolded`). Outputs are computed at ``t = (h*N + n)*Wg + w`` for every ``w < Wg``; the
    last ``Wg - W_out`` columns of a row are junk and cut off. Only ``P / W`` of the work is wasted (a
    sample-major grid wastes both rows and columns: 65% for 7x7 maps and a 5x5 kernel).

    dL/dx is the full convolution of dy with the rotated kernel: dy is loaded into a grid of the same row
    length behind a zero margin (its junk columns kept zero, so nothing leaks), and it is the same kind of
    flat convolution (P <= k - 1), read through flipped windows. The grids and the blocks' scratch
    matrices live as long as this object, so a training loop allocates nothing large for them per step.
    Column blocks (``BLOCK``) are shared among ``workers`` threads.

    Shape:
        x: ``(N, C, H, W)``; W: ``(C_out, C, k, k)``, b: ``(C_out,)``;
        y: ``(N, C_out, H + 2P - k + 1, W + 2P - k + 1)`` (an NCHW view of ``(C_out, H_out, N, Wg)`` memory).
    """

    BLOCK = 2048

    def __init__(self, x_shape: tuple[int, ...], k: int, padding: int, c_out: int, dtype: np.dtype) -> None:
        N, C, H, W = x_shape
        self.key = (tuple(x_shape), np.dtype(dtype))
        self.k, self.p, self.c_out = k, padding, c_out
        self.N, self.C, self.H, self.W = N, C, H, W
        if padding > k - 1:
            raise ValueError(f"FlatConv needs padding <= kernel_size - 1, got {padding} for k={k}")
        self.out_h, self.out_w = H + 2 * padding - k + 1, W + 2 * padding - k + 1
        self.Wg = W + padding
        self.R = N * self.Wg
        self.length = self.out_h * self.R
        self.columns = lanes(self.length)  # GEMM columns: the outputs and a few junk ones
        # Equal blocks of at most ~BLOCK columns, their count a multiple of the workers so they share evenly.
        blocks = -(-self.columns // self.BLOCK)
        if blocks > 1:
            blocks = -(-blocks // WORKERS) * WORKERS
        self.blocks = blocks
        self.block = lanes(-(-self.columns // blocks))
        self.workers = min(WORKERS, blocks)
        reach = (k - 1) * self.R + lanes(k - 1)  # the farthest shift i*R + j read past the columns
        self.x = np.zeros((C, self.columns + reach), dtype)
        # dy sits behind a zero margin, so the full convolution (which looks up to `margin` columns back)
        # reads zeros before the first row; the tail covers the rows below the last output row.
        self.margin = (k - 1) * (self.R + 1)
        self.dx_columns = lanes(H * self.R)
        self.dy = np.zeros(
            (c_out, max(padding * self.R + self.dx_columns, self.margin + self.columns) + reach), dtype
        )
        self.x_cols = Unfolded(self.x, k, self.R, 0, self.columns, self.block, self.workers, True)
        self.dy_cols: Unfolded | None = None  # made by the first input_grad (a first layer never needs it)
        # Where x and dy are loaded: (C, H, N, W) views of the grids, made once (a view costs a few us).
        self.x_inside = self._grid(self.x, 0, H + 2 * padding)[
            :, padding : padding + H, :, padding : padding + W
        ]
        self.dy_inside = self._grid(self.dy, self.margin, self.out_h)[:, :, :, : self.out_w]

    def _grid(self, buf: np.ndarray, start: int, rows: int) -> np.ndarray:
        """``buf[:, start:]`` as the ``(channels, rows, N, Wg)`` grid."""
        return buf[:, start : start + rows * self.R].reshape(buf.shape[0], rows, self.N, self.Wg)

    def forward(self, x: np.ndarray, kernel: np.ndarray, bias: np.ndarray, exact: bool = False) -> np.ndarray:
        """Load x into the grid, unfold it and return the convolution plus bias, NCHW view (``exact``: the
        sums in float64, see :meth:`Unfolded.apply`)."""
        inside, rows = self.x_inside, chnw(x)

        def load(s: slice) -> None:
            np.copyto(inside[s], rows[s])

        batch_parallel(load, self.C, x.size)
        unfolded = self.x_cols
        if exact:  # float64 weights, the same for every trace of the same weights
            weights = unfolded.kept(
                kernel, bias, lambda: unfolded.gemm_weights(kernel, bias, np.dtype(np.float64))
            )
        else:
            weights = unfolded.gemm_weights(kernel, bias)
        if exact and self.blocks == 1:
            # One image: its float64 sums are rounded once straight into a compact (C, H, N, W) array, so
            # nothing copies the outputs out between the junk columns afterwards (a trace seals them).
            sums = unfolded.exact_sums(weights)
            out = np.empty((self.c_out, self.out_h, self.N, self.out_w), kernel.dtype)
            np.copyto(out, self._grid(sums, 0, self.out_h)[:, :, :, : self.out_w])
            return from_chnw(out)
        out = np.empty((self.c_out, self.columns), kernel.dtype)
        unfolded.apply(weights, out, exact)
        return from_chnw(self._grid(out, 0, self.out_h)[:, :, :, : self.out_w])

    def weight_grad(self, dy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Load dy onto its grid and return dL/dW ``(C_out, C, k, k)`` and dL/db ``(C_out,)``."""
        self.load_dy(dy)
        return self.loaded_weight_grad()

    def load_dy(self, dy: np.ndarray) -> None:
        """Load dy onto its grid, for :meth:`loaded_weight_grad` and :meth:`input_grad`."""
        inside, rows = self.dy_inside, chnw(dy)

        def load(s: slice) -> None:
            np.copyto(inside[s], rows[s])

        batch_parallel(load, self.c_out, dy.size)

    def loaded_weight_grad(self) -> tuple[np.ndarray, np.ndarray]:
        """dL/dW ``(C_out, C, k, k)`` and dL/db ``(C_out,)`` of the loaded dy. It reads the grids and writes
        only scratch of its own, so it may run beside :meth:`input_grad` (see :func:`deferring`)."""
        grads = self.x_cols.correlate(self.dy, self.margin)
        return self.x_cols.kernel_of(grads), self.x_cols.bias_of(grads)

    @property
    def weight_grad_size(self) -> int:
        """The multiply-adds of :meth:`loaded_weight_grad`'s GEMMs."""
        rows = self.x_cols.depth + 1
        return rows * self.c_out * (1 if self.x_cols.whole else self.k) * self.columns

    def input_grad(self, kernel: np.ndarray) -> np.ndarray:
        """dL/dx of the dy loaded by :meth:`weight_grad`, as an NCHW view.

        ``dx[c, s] = sum over (o, i, j) of kernel[o, c, i, j] dy_buffer[o, s + (k-1-i)*R + k-1-j]`` for the
        grid positions s of x, which start P rows into the grid: the flipped windows of :class:`Unfolded`.
        """
        if self.dy_cols is None:
            # dx has its own column count, so its blocks are cut anew (about BLOCK columns each).
            blocks = -(-self.dx_columns // self.block)
            block = lanes(-(-self.dx_columns // blocks))
            self.dy_cols = Unfolded(
                self.dy,
                self.k,
                self.R,
                self.p * self.R,
                self.dx_columns,
                block,
                min(self.workers, blocks),
                bias=False,
                flipped=True,
            )
        dx = np.empty((self.C, self.dx_columns), kernel.dtype)
        unfolded = self.dy_cols

        def make() -> np.ndarray:
            swapped = np.ascontiguousarray(kernel.transpose(1, 0, 2, 3))  # then reordered from near memory
            return unfolded.gemm_weights(swapped)

        unfolded.apply(unfolded.kept(kernel, None, make), dx)
        return from_chnw(self._grid(dx, 0, self.H)[:, :, :, self.p : self.p + self.W])


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
