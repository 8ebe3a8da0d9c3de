"""DB-VAE's adaptive resampling: draw rare training examples more often, by the density of their latent code.

Seed 002 ("自适应重采样"): the encoder's codes approximate q(z|x); "we can approximate q(z|x) by the
frequency distribution of each learned latent variable" (通过每个学习到的潜变量的频率分布对 qϕ(z∣x) 进行
近似), take from it the share of occurrences of each code (出现频率占比), invert it so that rare samples
are drawn more often, and normalise the result into the resampling distribution.

Here, for latent dimension ``j`` a histogram of ``bins`` equal bins spans the codes' range, and
``share_j(i)`` is the fraction of all N codes that fall in the bin of code ``i``. Approximating the joint
q(z|x) by the per-variable distributions means treating the variables as independent, so the shares
multiply: ``density(i) = prod_j share_j(i)``, the share a grid cell of the histograms would hold. (This is
also Amini et al. 2019's Q(z) = prod_j Q_j(z_j).) The resampling weight is then
``w(i) = 1 / (density(i) + alpha) / sum_k 1 / (density(k) + alpha)``: ``alpha`` caps how much more often a
rare code is drawn; ``alpha -> infinity`` gives uniform sampling.

NumPy only; the codes come from any encoder (``explainer.load_vae().encode``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from explainer.errors import BadInputError

DEFAULT_BINS = 10
"""Histogram bins per latent dimension (the DB-VAE lab's choice)."""

DEFAULT_ALPHA = 0.001
"""The default ``alpha``: a code's weight grows as its density falls, up to about ``1 / alpha``."""


def histogram_bins(mu: np.ndarray, bins: int = DEFAULT_BINS) -> tuple[np.ndarray, np.ndarray]:
    """The bin of every code in every dimension, and the bin edges.

    Each dimension has ``bins`` equal bins from its smallest to its largest code (``numpy.histogram``'s
    edges; the largest code falls in the last bin).

    Shape:
        mu: ``(N, d)``. Returns ``(N, d)`` int bin indices in ``0..bins-1`` and ``(d, bins + 1)`` edges.
    """
    mu = _check_codes(mu)
    if bins < 1:
        raise BadInputError(f"the histograms need at least one bin, not {bins}")
    edges = np.stack([np.histogram_bin_edges(column, bins) for column in mu.T])
    index = np.stack(
        [
            np.searchsorted(column_edges[1:-1], column, side="right")
            for column_edges, column in zip(edges, mu.T, strict=True)
        ],
        axis=1,
    )
    return index, edges


def dimension_shares(mu: np.ndarray, bins: int = DEFAULT_BINS) -> np.ndarray:
    """Per dimension, the share of all codes in each histogram bin (each row sums to 1).

    Shape:
        mu: ``(N, d)``. Returns ``(d, bins)`` float64.
    """
    index, _edges = histogram_bins(mu, bins)
    counts = np.stack([np.bincount(column, minlength=bins) for column in index.T])
    return counts / len(index)


def latent_density(mu: np.ndarray, bins: int = DEFAULT_BINS) -> np.ndarray:
    """Each code's density from per-dimension histograms: the product over dimensions of the share of all
    codes that fall in its bin (see the module docstring).

    Shape:
        mu: ``(N, d)`` codes (the encoder's means). Returns ``(N,)`` float64 in ``(0, 1]``.
    """
    index, _edges = histogram_bins(mu, bins)
    shares = dimension_shares(mu, bins)
    return np.prod(np.take_along_axis(shares.T, index, axis=0), axis=1)


def resampling_weights(mu: np.ndarray, alpha: float = DEFAULT_ALPHA, bins: int = DEFAULT_BINS) -> np.ndarray:
    """Sampling probabilities proportional to ``1 / (latent_density + alpha)``, summing to 1.

    Shape:
        mu: ``(N, d)``. Returns ``(N,)`` float64.
    """
    if not np.isfinite(alpha) or alpha < 0:
        raise BadInputError(f"alpha must be a number >= 0, not {alpha}")
    inverse = 1.0 / (latent_density(mu, bins) + alpha)
    return inverse / inverse.sum()


def latent_means_steps(
    encode: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]],
    images: np.ndarray,
    batch_size: int = 1000,
) -> Iterator[tuple[int, np.ndarray | None]]:
    """Encode ``images`` a batch at a time, so a caller can report progress and stop between batches.

    Yields ``(done, None)`` after every batch but the last, then ``(N, mu)`` with every code.

    Shape:
        images: ``(N, 28, 28)`` uint8 0-255 or float in [0, 1]; ``encode`` takes ``(n, 1, 28, 28)``
        float32 in [0, 1] and returns ``(mu, logvar)``, each ``(n, d)``. The final mu is ``(N, d)`` float32.
    """
    parts = []
    for start in range(0, len(images), batch_size):
        chunk = np.asarray(images[start : start + batch_size])
        pixels = chunk.astype(np.float32) / np.float32(255.0) if chunk.dtype == np.uint8 else chunk
        mu, _logvar = encode(pixels.astype(np.float32, copy=False).reshape(len(chunk), 1, 28, 28))
        parts.append(np.asarray(mu, np.float32))
        done = start + len(chunk)
        yield (done, np.concatenate(parts)) if done == len(images) else (done, None)


def latent_means(
    encode: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]], images: np.ndarray, batch_size: int = 1000
) -> np.ndarray:
    """Every image's code, encoded in batches (:func:`latent_means_steps` without the steps).

    Shape:
        images: ``(N, 28, 28)``; returns ``(N, d)`` float32.
    """
    mu = None
    for _done, codes in latent_means_steps(encode, images, batch_size):
        mu = codes
    if mu is None:
        raise BadInputError("no images to encode")
    return mu


def _check_codes(mu: np.ndarray) -> np.ndarray:
    """``mu`` as a float64 ``(N, d)`` array of finite numbers, N >= 1."""
    codes = np.asarray(mu, dtype=np.float64)
    if codes.ndim != 2 or codes.shape[0] == 0 or codes.shape[1] == 0:
        raise BadInputError(f"latent codes must be an (N, d) array with N, d >= 1, not shape {codes.shape}")
    if not np.all(np.isfinite(codes)):
        raise BadInputError("latent codes must be finite numbers")
    return codes
