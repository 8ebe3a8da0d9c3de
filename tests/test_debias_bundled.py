"""The bundled DB-VAE table (assets/debias_mnist.npz) is of the bundled VAE and the MNIST training digits."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import explainer
from explainer.data import MNIST
from explainer.dbvae import SHOWN, load_rarity_table


def test_the_table_is_of_the_bundled_vae_codes() -> None:
    table = load_rarity_table()
    assert table.count == MNIST.max_training_images == 55_000
    assert len(table.rare_images) == len(table.common_images) == SHOWN
    vae = explainer.load_vae()
    for images, mu in ((table.rare_images, table.rare_mu), (table.common_images, table.common_mu)):
        codes, _logvar = vae.encode(images[:, None].astype(np.float32) / 255)
        # A table made with another VAE (retrained, not re-made) has other codes for these digits.
        np.testing.assert_allclose(codes, mu, atol=1e-4)
    # Each shown density is the product of the shares of its code's bins.
    for mu, density in ((table.rare_mu, table.rare_density), (table.common_mu, table.common_density)):
        bins = [
            np.searchsorted(edges[1:-1], column, side="right")
            for edges, column in zip(table.edges, mu.T, strict=True)
        ]
        shares = np.prod([table.shares[j, index] for j, index in enumerate(bins)], axis=0)
        np.testing.assert_allclose(shares, density)
    assert table.rare_density.max() <= table.common_density.min()
    np.testing.assert_allclose(table.shares.sum(axis=1), 1.0)


def test_the_shown_digits_are_the_training_digits_they_name(mnist_directory: Path) -> None:
    table = load_rarity_table()
    (images, labels), _validation = MNIST.splits(mnist_directory)
    np.testing.assert_array_equal(table.rare_images, images[table.rare_indices])
    np.testing.assert_array_equal(table.common_labels, labels[table.common_indices])
