"""DB-VAE's density and resampling weights (explainer.core.debias), on examples worked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import debias
from explainer.errors import BadInputError

# Six codes in two dimensions. Dimension 0 with 2 bins: edges 0, 5, 10; the codes 0..4 share the first bin
# (5 of 6), the code 10 is alone in the second (1 of 6). Dimension 1: edges 0, 2, 4; three codes in each
# bin (the largest code, 4, belongs to the last bin). Density = product of the two shares.
CODES = np.array([[0, 0], [1, 0], [2, 0], [3, 4], [4, 4], [10, 4]], np.float64)


def test_shares_per_dimension_by_hand() -> None:
    index, edges = debias.histogram_bins(CODES, bins=2)
    np.testing.assert_array_equal(edges, [[0, 5, 10], [0, 2, 4]])
    np.testing.assert_array_equal(index, [[0, 0], [0, 0], [0, 0], [0, 1], [0, 1], [1, 1]])
    np.testing.assert_allclose(debias.dimension_shares(CODES, bins=2), [[5 / 6, 1 / 6], [1 / 2, 1 / 2]])


def test_density_is_the_product_of_the_shares() -> None:
    expected = [5 / 12, 5 / 12, 5 / 12, 5 / 12, 5 / 12, 1 / 12]
    np.testing.assert_allclose(debias.latent_density(CODES, bins=2), expected)


def test_weights_by_hand_without_and_with_alpha() -> None:
    # alpha 0: 1/density = 12/5 (five times) and 12; the sum is 24.
    np.testing.assert_allclose(debias.resampling_weights(CODES, alpha=0.0, bins=2), [0.1] * 5 + [0.5])
    # alpha 1/12: 1/(5/12 + 1/12) = 2 five times, 1/(1/12 + 1/12) = 6; the sum is 16.
    np.testing.assert_allclose(debias.resampling_weights(CODES, alpha=1 / 12, bins=2), [1 / 8] * 5 + [3 / 8])


def test_a_large_alpha_samples_almost_uniformly() -> None:
    weights = debias.resampling_weights(CODES, alpha=1e9, bins=2)
    np.testing.assert_allclose(weights, np.full(6, 1 / 6), rtol=1e-8)
    assert weights[-1] > weights[0]


def test_a_code_on_an_inner_edge_belongs_to_the_bin_above() -> None:
    # Edges 0, 1, 2: the code 1 starts the second bin, as in numpy.histogram.
    codes = np.array([[0.0], [1.0], [2.0]])
    np.testing.assert_array_equal(debias.histogram_bins(codes, bins=2)[0][:, 0], [0, 1, 1])
    np.testing.assert_array_equal(np.histogram(codes[:, 0], bins=2)[0], [1, 2])
    np.testing.assert_allclose(debias.latent_density(codes, bins=2), [1 / 3, 2 / 3, 2 / 3])


def test_one_bin_or_equal_codes_give_density_one() -> None:
    rng = np.random.default_rng(0)
    np.testing.assert_array_equal(debias.latent_density(rng.normal(size=(7, 3)), bins=1), np.ones(7))
    np.testing.assert_array_equal(debias.latent_density(np.full((4, 2), 3.0)), np.ones(4))


def test_weights_sum_to_one_and_rank_inversely_to_density() -> None:
    mu = np.random.default_rng(1).normal(size=(500, 2))
    density = debias.latent_density(mu)
    weights = debias.resampling_weights(mu, alpha=0.01)
    assert weights.sum() == pytest.approx(1.0)
    order = np.argsort(density)
    assert np.all(np.diff(weights[order]) <= 1e-15)


@pytest.mark.parametrize(
    ("mu", "alpha", "bins"),
    [
        (np.zeros((0, 2)), 0.1, 10),
        (np.zeros(5), 0.1, 10),
        (np.array([[0.0, np.nan]]), 0.1, 10),
        (np.zeros((3, 2)), -1.0, 10),
        (np.zeros((3, 2)), float("nan"), 10),
        (np.zeros((3, 2)), 0.1, 0),
    ],
)
def test_bad_codes_or_settings_are_refused(mu: np.ndarray, alpha: float, bins: int) -> None:
    with pytest.raises(BadInputError):
        debias.resampling_weights(mu, alpha=alpha, bins=bins)


def test_latent_means_encodes_in_batches_of_pixels_in_0_1() -> None:
    images = np.arange(5 * 28 * 28, dtype=np.int64).reshape(5, 28, 28) % 256
    images = images.astype(np.uint8)
    seen: list[np.ndarray] = []

    def encode(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        seen.append(x)
        mu = x.reshape(len(x), -1)[:, :2]
        return mu, np.zeros_like(mu)

    steps = list(debias.latent_means_steps(encode, images, batch_size=2))
    assert [done for done, _ in steps] == [2, 4, 5]
    assert [mu is None for _, mu in steps] == [True, True, False]
    assert [x.shape for x in seen] == [(2, 1, 28, 28), (2, 1, 28, 28), (1, 1, 28, 28)]
    assert all(x.dtype == np.float32 for x in seen)
    expected = images.reshape(5, -1)[:, :2].astype(np.float32) / 255
    np.testing.assert_allclose(steps[-1][1], expected)
    np.testing.assert_allclose(debias.latent_means(encode, images, batch_size=3), expected)
    with pytest.raises(BadInputError):
        debias.latent_means(encode, images[:0])
