"""The Generative tab's arithmetic, Qt-free: the inverse normal CDF, the manifold grid, the morph line and
the σ ellipses of a diagonal Gaussian.

NumPy only (no SciPy at run time): the inverse normal CDF is Acklam's rational approximation, refined by
one Halley step, which brings its relative error from 1.15e-9 to about machine precision.
"""

from __future__ import annotations

import math

import numpy as np

_A = (
    -3.969683028665376e01,
    2.209460984245205e02,
    -2.759285104469687e02,
    1.383577518672690e02,
    -3.066479806614716e01,
    2.506628277459239e00,
)
_B = (
    -5.447609879822406e01,
    1.615858368580409e02,
    -1.556989798598866e02,
    6.680131188771972e01,
    -1.328068155288572e01,
    1.0,
)
_C = (
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e00,
    -2.549732539343734e00,
    4.374664141464968e00,
    2.938163982698783e00,
)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00, 1.0)
"""Acklam's coefficients: central numerator and denominator (A, B), tail numerator and denominator (C, D)."""

_P_LOW = 0.02425
"""Below this p (and above 1 − it) Acklam's tail formula is used, between them the central one."""


def _polynomial(coefficients: tuple[float, ...], t: np.ndarray) -> np.ndarray:
    """Horner's rule: ``coefficients[0] t^(n-1) + ... + coefficients[-1]``."""
    result = np.full_like(t, coefficients[0])
    for c in coefficients[1:]:
        result = result * t + c
    return result


def _erfc(x: np.ndarray) -> np.ndarray:
    """The complementary error function, elementwise (``math.erfc``; the grids are small)."""
    return np.vectorize(math.erfc, otypes=[np.float64])(x)


def inverse_normal_cdf(p: np.ndarray | float) -> np.ndarray:
    """Φ⁻¹(p): the z with P(Z ≤ z) = p for Z ~ N(0, 1).

    Acklam's rational approximation (central region |p − ½| ≤ ½ − 0.02425, tails beyond), then one
    Halley step on Φ(z) − p. ``p`` of 0 and 1 give −inf and +inf; outside [0, 1], NaN.

    Shape:
        p: any shape, float in [0, 1] -> the same shape, float64.
    """
    p = np.asarray(p, np.float64)
    z = np.full(p.shape, np.nan)
    low = (p > 0) & (p < _P_LOW)
    high = (p < 1) & (p > 1 - _P_LOW)
    mid = (p >= _P_LOW) & (p <= 1 - _P_LOW)
    q = np.sqrt(-2 * np.log(p[low]))
    z[low] = _polynomial(_C, q) / _polynomial(_D, q)
    q = np.sqrt(-2 * np.log(1 - p[high]))
    z[high] = -_polynomial(_C, q) / _polynomial(_D, q)
    q = p[mid] - 0.5
    r = q * q
    z[mid] = _polynomial(_A, r) * q / _polynomial(_B, r)
    finite = low | high | mid
    # One Halley step: e = Φ(z) − p, u = e·√(2π)·exp(z²/2), z ← z − u / (1 + z·u/2). Above ½, Φ(z) − p
    # is computed as (1 − p) − Q(z) with the upper tail Q, which keeps its digits where Φ(z) rounds to 1.
    zf, pf = z[finite], p[finite]
    upper = pf > 0.5
    e = np.where(upper, (1 - pf) - 0.5 * _erfc(zf / math.sqrt(2)), 0.5 * _erfc(-zf / math.sqrt(2)) - pf)
    u = e * math.sqrt(2 * math.pi) * np.exp(zf**2 / 2)
    z[finite] = zf - u / (1 + zf * u / 2)
    z[p == 0] = -np.inf
    z[p == 1] = np.inf
    return z


def manifold_latents(n: int) -> np.ndarray:
    """The latent points of Kingma & Welling's Fig. 4: an ``n``×``n`` grid of equally spaced probabilities
    in (0, 1), mapped through Φ⁻¹ on each axis, so that every cell holds the same prior mass.

    Row 0 is the top of the grid (the largest z₂), as the latent map shows it.

    Shape:
        returns ``(n * n, 2)`` float32, row-major over the grid: point ``r * n + c`` is cell (r, c).
    """
    if n < 1:
        raise ValueError(f"a manifold grid needs at least one cell per side, got {n}")
    z = inverse_normal_cdf((np.arange(n) + 0.5) / n)
    z1, z2 = np.meshgrid(z, z[::-1])
    return np.stack([z1.ravel(), z2.ravel()], axis=1).astype(np.float32)


def morph_latents(start: np.ndarray, end: np.ndarray, steps: int) -> np.ndarray:
    """``steps`` points on the straight line from ``start`` to ``end``, both ends included.

    Shape:
        start, end: ``(d,)``; returns ``(steps, d)`` float32.
    """
    if steps < 2:
        raise ValueError(f"a morph needs at least its two ends, got {steps} steps")
    t = np.linspace(0.0, 1.0, steps)[:, None]
    start = np.asarray(start, np.float64)
    return ((1 - t) * start + t * np.asarray(end, np.float64)).astype(np.float32)


def sigma_ellipse(mu: np.ndarray, sigma: np.ndarray, k: float, points: int = 73) -> np.ndarray:
    """The ``k``σ contour of the diagonal Gaussian N(μ, diag σ²) on its first two dimensions, closed.

    Shape:
        mu, sigma: ``(d,)`` with d ≥ 2; returns ``(points, 2)`` float64, first point = last point.
    """
    angle = np.linspace(0.0, 2 * np.pi, points)
    return np.stack([mu[0] + k * sigma[0] * np.cos(angle), mu[1] + k * sigma[1] * np.sin(angle)], axis=1)
