"""DB-VAE's resampling of a set of digits: the bundled VAE's codes, the weights, the rarest and commonest.

:func:`sample_weights` gives the training images' resampling probabilities for
``explainer.train.train_iter(..., sample_weights=...)`` (the math is :mod:`explainer.core.debias`'s).
:class:`RarityTable` is what the "Debiasing (DB-VAE)" lesson shows: the :data:`SHOWN` rarest and most
common training digits, the per-dimension histograms, and everything needed to give each shown digit its
weight for any ``alpha`` without the other codes. ``assets/debias_mnist.npz`` holds the table of the
MNIST training images (the first 55,000; the last 5,000 are the validation set) under the bundled VAE, so
the lesson works without the data folder; ``python -m explainer.dbvae --data DIR`` writes it.

Qt-free; never pickles.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from explainer.assets import asset_path, bundled
from explainer.atomic import atomic_writer
from explainer.core.debias import (
    DEFAULT_ALPHA,
    DEFAULT_BINS,
    dimension_shares,
    histogram_bins,
    latent_density,
    latent_means,
    latent_means_steps,
    resampling_weights,
)
from explainer.errors import BadInputError

SHOWN = 32
"""Rarest and most common digits the lesson shows, each."""

RARITY_ASSET = "debias_mnist.npz"
"""The bundled table of the MNIST training images (``assets/``)."""

Encode = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
"""A VAE's ``encode``: ``(N, 1, 28, 28)`` in [0, 1] -> ``(mu, logvar)``, each ``(N, d)``."""


def bundled_encoder() -> Encode:
    """The bundled VAE's ``encode`` (``explainer.load_vae()``)."""
    import explainer

    return explainer.load_vae().encode


def sample_weights(
    images: np.ndarray,
    alpha: float = DEFAULT_ALPHA,
    bins: int = DEFAULT_BINS,
    encode: Encode | None = None,
) -> np.ndarray:
    """DB-VAE's resampling probability of every image, from its code under ``encode`` (the bundled VAE's
    when None).

    Shape:
        images: ``(N, 28, 28)`` uint8 or float in [0, 1]; returns ``(N,)`` float64 summing to 1.
    """
    mu = latent_means(encode or bundled_encoder(), images)
    return resampling_weights(mu, alpha, bins)


@dataclass(frozen=True)
class RarityTable:
    """The rarest and most common digits of a data set by latent density, and its histograms.

    Attributes:
        rare_images, common_images: ``(k, 28, 28)`` uint8, rarest first / most common first.
        rare_labels, common_labels: ``(k,)`` their classes.
        rare_indices, common_indices: ``(k,)`` their positions in the data set.
        rare_density, common_density: ``(k,)`` their densities (``explainer.core.debias.latent_density``).
        rare_mu, common_mu: ``(k, d)`` their codes.
        shares: ``(d, bins)`` per dimension, the share of all codes in each bin.
        edges: ``(d, bins + 1)`` the bins' edges.
        density_values, density_counts: ``(m,)`` every distinct density among the N codes and how many
            codes have it, which is all the normalisation of the weights needs.
        source: what the codes are of, e.g. "MNIST training images 1-55,000, bundled VAE".
    """

    rare_images: np.ndarray
    rare_labels: np.ndarray
    rare_indices: np.ndarray
    rare_density: np.ndarray
    rare_mu: np.ndarray
    common_images: np.ndarray
    common_labels: np.ndarray
    common_indices: np.ndarray
    common_density: np.ndarray
    common_mu: np.ndarray
    shares: np.ndarray
    edges: np.ndarray
    density_values: np.ndarray
    density_counts: np.ndarray
    source: str

    @property
    def count(self) -> int:
        """N, the number of codes."""
        return int(self.density_counts.sum())

    def weights(self, density: np.ndarray, alpha: float = DEFAULT_ALPHA) -> np.ndarray:
        """The resampling probability of codes with these densities among all N codes.

        Equals :func:`~explainer.core.debias.resampling_weights` of the full set at those codes.

        Shape:
            density: ``(k,)``; returns ``(k,)``.
        """
        if not np.isfinite(alpha) or alpha < 0:
            raise BadInputError(f"alpha must be a number >= 0, not {alpha}")
        total = float(np.sum(self.density_counts / (self.density_values + alpha)))
        return 1.0 / (np.asarray(density, np.float64) + alpha) / total

    def relative_weights(self, density: np.ndarray, alpha: float = DEFAULT_ALPHA) -> np.ndarray:
        """How many times more (or less) often than in uniform sampling: ``N * weight``.

        Shape:
            density: ``(k,)``; returns ``(k,)``.
        """
        return self.count * self.weights(density, alpha)


def rarity_table(
    images: np.ndarray,
    labels: np.ndarray,
    mu: np.ndarray,
    bins: int = DEFAULT_BINS,
    shown: int = SHOWN,
    source: str = "",
) -> RarityTable:
    """The :data:`SHOWN` rarest and most common of ``images`` by the density of their codes ``mu``.

    Ties in density (codes in one histogram cell) keep the data set's order.

    Shape:
        images: ``(N, 28, 28)`` uint8; labels: ``(N,)``; mu: ``(N, d)``.
    """
    if len(images) != len(mu) or len(labels) != len(mu):
        raise BadInputError(f"{len(images)} images, {len(labels)} labels and {len(mu)} codes must agree")
    density = latent_density(mu, bins)
    order = np.argsort(density, kind="stable")
    rare = order[:shown]
    common = np.argsort(-density, kind="stable")[:shown]
    values, counts = np.unique(density, return_counts=True)
    _index, edges = histogram_bins(mu, bins)

    def pick(chosen: np.ndarray) -> tuple[np.ndarray, ...]:
        pixels = np.asarray(images[chosen])
        if pixels.dtype != np.uint8:
            pixels = np.rint(np.clip(pixels, 0.0, 1.0) * 255).astype(np.uint8)
        return (
            pixels,
            np.asarray(labels[chosen], np.int64),
            chosen.astype(np.int64),
            density[chosen],
            np.asarray(mu[chosen], np.float32),
        )

    return RarityTable(
        *pick(rare),
        *pick(common),
        dimension_shares(mu, bins),
        edges,
        values,
        counts.astype(np.int64),
        source,
    )


def rarity_steps(
    images: np.ndarray,
    labels: np.ndarray,
    encode: Encode,
    bins: int = DEFAULT_BINS,
    source: str = "",
    batch_size: int = 1000,
) -> Iterator[tuple[int, int, RarityTable | None]]:
    """Encode ``images`` a batch at a time, then build their :class:`RarityTable`.

    Yields ``(done, N, None)`` after every batch, then ``(N, N, table)``, so a worker can report progress
    and stop between batches.

    Shape:
        images: ``(N, 28, 28)``; labels: ``(N,)``.
    """
    for done, mu in latent_means_steps(encode, images, batch_size):
        yield done, len(images), None
        if mu is not None:
            yield done, len(images), rarity_table(images, labels, mu, bins, source=source)


_ARRAYS = (
    "rare_images",
    "rare_labels",
    "rare_indices",
    "rare_density",
    "rare_mu",
    "common_images",
    "common_labels",
    "common_indices",
    "common_density",
    "common_mu",
    "shares",
    "edges",
    "density_values",
    "density_counts",
)


def save_rarity_table(table: RarityTable, path: str | Path) -> None:
    """Write ``table`` as a plain ``.npz`` (atomic; the source is a unicode array, no pickle)."""
    arrays: dict[str, Any] = {name: getattr(table, name) for name in _ARRAYS}
    with atomic_writer(path) as file:
        np.savez_compressed(file, **arrays, source=np.array(table.source))


def load_rarity_table(path: str | Path | None = None) -> RarityTable:
    """Read a table written by :func:`save_rarity_table` (the bundled one when ``path`` is None).

    Raises:
        BadInputError: the file is missing, not such a table, or inconsistent.
    """
    path = asset_path(RARITY_ASSET) if path is None else bundled(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            fields = {name: data[name] for name in _ARRAYS}
            source = str(data["source"])
    except (OSError, KeyError, ValueError) as error:
        raise BadInputError(f"{path} is not a DB-VAE rarity table: {error}") from error
    table = RarityTable(**fields, source=source)
    shown = len(table.rare_images)
    if (
        table.rare_images.shape != (shown, 28, 28)
        or table.common_images.shape != (shown, 28, 28)
        or table.rare_mu.shape != table.common_mu.shape
        or table.rare_mu.shape != (shown, table.shares.shape[0])
        or table.edges.shape != (table.shares.shape[0], table.shares.shape[1] + 1)
        or table.density_values.shape != table.density_counts.shape
        or not np.all(table.density_values > 0)
    ):
        raise BadInputError(f"{path}: the arrays of the DB-VAE rarity table do not fit together")
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Write the bundled rarity table from the MNIST training images and the bundled VAE."""
    from explainer.data import MNIST

    parser = argparse.ArgumentParser(
        prog="python -m explainer.dbvae",
        description="Write the DB-VAE lesson's table of the rarest and most common MNIST training digits.",
    )
    parser.add_argument("--data", help="folder with the MNIST IDX files (default: the data set's)")
    parser.add_argument("--out", type=Path, default=asset_path(RARITY_ASSET))
    parser.add_argument("--bins", type=int, default=DEFAULT_BINS)
    args = parser.parse_args(argv)
    directory = MNIST.directory(args.data)
    if directory is None:
        print("error: no MNIST folder: pass --data DIR", file=sys.stderr)
        return 1
    (images, labels), _validation = MNIST.splits(directory)
    import explainer

    vae = explainer.load_vae()
    mu = latent_means(vae.encode, images)
    source = f"MNIST training images 1-{len(images):,}, bundled VAE ({vae.metadata.get('command')})"
    save_rarity_table(rarity_table(images, labels, mu, args.bins, source=source), args.out)
    print(f"wrote {args.out} from {len(images):,} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
