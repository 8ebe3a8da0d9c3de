"""1-D convolution and cross-correlation (seed 002), with the sliding kernel as step records.

Cross-correlation slides the kernel as it is: ``y[t] = Σ_k w[k] · x̃[t·S + k]``, where ``x̃`` is the
signal with ``P`` zeros added at each end. True convolution first rotates the kernel by π (for a 1-D
kernel: reverses it), so ``w ∗ x = rot(w) ⊗ x``. Libraries call the correlation "convolution".

Padding is a number of zeros per end, or a name from the seed's three kinds of convolution:

- ``"narrow"``: P = 0, output length M − K + 1 (np.correlate/np.convolve ``mode="valid"``);
- ``"wide"``: P = K − 1, output length M + K − 1 (``mode="full"``);
- ``"same"`` (equal-width): P = (K − 1) / 2, output length M at stride 1 (``mode="same"`` when K ≤ M).
  An even K would need half a zero at each end, so ``"same"`` refuses it with a ValueError, as
  ``Conv2D(padding="same")`` does (NumPy instead pads one zero more at one end).

The output length is ``(M − K + 2P) // S + 1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from explainer.core.trace import frozen

PADDING_NAMES = ("narrow", "wide", "same")
"""The named paddings: narrow (P = 0), wide (P = K − 1) and same / equal-width (P = (K − 1) / 2)."""


def resolve_padding_1d(padding: int | str, kernel_size: int) -> int:
    """Zeros per end for ``padding`` (an int ≥ 0, ``"narrow"``, ``"wide"`` or ``"same"``) and a kernel of
    ``kernel_size`` taps; ValueError for anything else, and for ``"same"`` with an even kernel."""
    if padding == "narrow":
        return 0
    if padding == "wide":
        return kernel_size - 1
    if padding == "same":
        if kernel_size % 2 == 0:
            raise ValueError(
                f"padding='same' needs an odd kernel: P = (K - 1) / 2 = {(kernel_size - 1) / 2:g} zeros "
                f"per end is not a whole number for K = {kernel_size}; give the padding as an int"
            )
        return (kernel_size - 1) // 2
    if isinstance(padding, (str, bool)) or not isinstance(padding, (int, np.integer)):
        raise ValueError(f"padding must be an int >= 0, 'narrow', 'wide' or 'same', got {padding!r}")
    if padding < 0:
        raise ValueError(f"padding must be >= 0, got {padding}")
    return int(padding)


def output_length(m: int, k: int, stride: int, padding: int) -> int:
    """``(M − K + 2P) // S + 1``: the output length for a signal of M samples and a kernel of K taps.

    ValueError when the kernel is longer than the padded signal (there is no position for it).
    """
    if k > m + 2 * padding:
        raise ValueError(
            f"the kernel ({k} taps) is longer than the padded signal {m} + 2*{padding} = {m + 2 * padding}"
        )
    return (m - k + 2 * padding) // stride + 1


def _checked(
    x: np.ndarray, w: np.ndarray, stride: int, padding: int | str
) -> tuple[np.ndarray, np.ndarray, int]:
    """The signal and kernel as float arrays and the padding in zeros per end, or a clear ValueError."""
    x, w = np.asarray(x), np.asarray(w)
    for name, array in (("x", x), ("w", w)):
        if array.ndim != 1:
            raise ValueError(f"{name} must be 1-D (a signal of shape (M,), a kernel (K,)), got {array.shape}")
        if array.size == 0:
            raise ValueError(f"{name} is empty")
        if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.complexfloating):
            raise ValueError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError(f"stride must be an int >= 1, got {stride!r}")
    p = resolve_padding_1d(padding, w.size)
    output_length(x.size, w.size, int(stride), p)
    dtype = np.result_type(x.dtype, w.dtype, np.float32)
    return x.astype(dtype, copy=False), w.astype(dtype, copy=False), p


def correlate1d(x: np.ndarray, w: np.ndarray, stride: int = 1, padding: int | str = 0) -> np.ndarray:
    """Cross-correlation, what every library computes: ``y[t] = Σ_k w[k] · x̃[t·S + k]``.

    Shape:
        x ``(M,)``, w ``(K,)``; returns ``((M − K + 2P) // S + 1,)`` in x's float type (float32 at least).

    Equals ``np.correlate(x, w, mode)[::S]`` for "narrow" ("valid"), "wide" ("full") and "same" (odd K ≤ M).
    """
    x, w, p = _checked(x, w, stride, padding)
    windows = np.lib.stride_tricks.sliding_window_view(np.pad(x, p), w.size)[::stride]
    return windows @ w


def convolve1d(x: np.ndarray, w: np.ndarray, stride: int = 1, padding: int | str = 0) -> np.ndarray:
    """True convolution: the kernel rotated by π (reversed), then correlated, ``w ∗ x = rot(w) ⊗ x``.

    ``y[t] = Σ_k w[k] · x̃[t·S + K − 1 − k]``, the seed's ``y_t = Σ_k w_k x_{t−k+1}`` on the padded signal.

    Shape:
        x ``(M,)``, w ``(K,)``; returns ``((M − K + 2P) // S + 1,)``.

    Equals ``np.convolve(x, w, mode)[::S]`` for "narrow", "wide" and "same" (odd K ≤ M).
    """
    return correlate1d(x, np.asarray(w)[::-1], stride, padding)


@dataclass(frozen=True, eq=False)
class Conv1DStep:
    """One output sample: the window of the padded signal under the kernel, times the kernel as applied
    (reversed for a true convolution), summed into ``value``.

    ``index`` is t, the output sample; ``start`` = t·S, where the window begins in the padded signal.

    Shape: window, kernel, products ``(K,)``.
    """

    index: int
    start: int
    window: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    value: float


def conv1d_steps(
    x: np.ndarray, w: np.ndarray, stride: int = 1, padding: int | str = 0, *, flip: bool = False
) -> Iterator[Conv1DStep]:
    """The kernel sliding along the signal, one record per output sample; ``flip``: true convolution.

    Shape:
        x ``(M,)``, w ``(K,)``; yields ``(M − K + 2P) // S + 1`` records whose values are
        ``correlate1d`` (``convolve1d`` with ``flip``).
    """
    x, w, p = _checked(x, w, stride, padding)
    kernel = frozen(w[::-1] if flip else w)
    padded = np.pad(x, p)
    for t in range(output_length(x.size, w.size, stride, p)):
        start = t * stride
        window = frozen(padded[start : start + w.size])
        products = frozen(window * kernel)
        yield Conv1DStep(t, start, window, kernel, products, float(products.sum()))
