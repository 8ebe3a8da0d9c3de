"""The Generative tab's arithmetic: the inverse normal CDF (Acklam + one Halley step), the manifold grid,
the morph line and the σ ellipses."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from explainer.gui.pages.generative_math import (
    inverse_normal_cdf,
    manifold_latents,
    morph_latents,
    sigma_ellipse,
)


def test_the_inverse_normal_cdf_matches_the_standard_librarys_in_both_tails_and_the_centre() -> None:
    p = np.concatenate(
        [[1e-300, 1e-12, 1e-5, 0.02425, 1 - 0.02425, 1 - 1e-5], np.linspace(1e-3, 1 - 1e-3, 999)]
    )
    expected = np.array([statistics.NormalDist().inv_cdf(float(v)) for v in p])
    assert np.abs(inverse_normal_cdf(p) - expected).max() < 1e-12


def test_the_inverse_normal_cdf_inverts_the_cdf_and_is_odd_about_one_half() -> None:
    z = inverse_normal_cdf(np.linspace(0.01, 0.99, 99))
    cdf = 0.5 * np.array([math.erfc(-v / math.sqrt(2)) for v in z])
    assert np.allclose(cdf, np.linspace(0.01, 0.99, 99), atol=1e-15, rtol=0)
    assert np.allclose(z, -z[::-1], atol=1e-14) and inverse_normal_cdf(0.5) == 0


def test_the_inverse_normal_cdf_ends_at_infinity_and_refuses_what_is_no_probability() -> None:
    z = inverse_normal_cdf(np.array([0.0, 1.0, -0.1, 1.1, np.nan]))
    assert z[0] == -np.inf and z[1] == np.inf and np.isnan(z[2:]).all()


def test_the_manifold_grid_gives_every_cell_the_same_prior_mass_with_row_zero_on_top() -> None:
    n = 5
    z = manifold_latents(n).astype(np.float64)
    assert z.shape == (n * n, 2)
    cdf = 0.5 * np.vectorize(math.erfc)(-z / math.sqrt(2))
    expected = (np.arange(n) + 0.5) / n
    assert np.allclose(cdf[:n, 0], expected, atol=1e-6), "columns run left to right through Φ⁻¹"
    assert np.allclose(cdf[::n, 1], expected[::-1], atol=1e-6), "row 0 is the largest z₂"
    with pytest.raises(ValueError):
        manifold_latents(0)


def test_the_morph_line_starts_and_ends_at_the_two_codes_in_equal_steps() -> None:
    start, end = np.array([1.0, -2.0]), np.array([-3.0, 4.0])
    line = morph_latents(start, end, 5)
    assert np.allclose(line[0], start) and np.allclose(line[-1], end)
    assert np.allclose(np.diff(line, axis=0), (end - start) / 4)
    with pytest.raises(ValueError):
        morph_latents(start, end, 1)


def test_the_k_sigma_ellipse_is_closed_and_at_k_standard_deviations() -> None:
    mu, sigma = np.array([0.5, -1.0]), np.array([0.2, 0.7])
    contour = sigma_ellipse(mu, sigma, 2.0)
    assert np.allclose(contour[0], contour[-1])
    assert np.allclose((((contour - mu) / sigma) ** 2).sum(axis=1), 4.0)
