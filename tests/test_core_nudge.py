"""passes.nudge, the one central difference that gradient_check and the tests' gradient checks take, against
derivatives known in closed form."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core.passes import CHECK_EPS, nudge


@pytest.mark.parametrize("step", [1e-6, CHECK_EPS, 1e-4])
def test_the_central_difference_gives_the_closed_form_derivative(step: float) -> None:
    x = np.random.default_rng(0).uniform(-2.0, 2.0, (3, 4))

    def f() -> float:
        return float(np.sum(np.exp(x) + x**3 - np.sin(2 * x)))

    for index in np.ndindex(x.shape):
        plus, minus = nudge(f, x, index, step)
        expected = np.exp(x[index]) + 3 * x[index] ** 2 - 2 * np.cos(2 * x[index])
        assert (plus - minus) / (2 * step) == pytest.approx(expected, rel=1e-7, abs=1e-7)


def test_it_moves_one_element_each_way_then_puts_it_back_exactly() -> None:
    x = np.array([0.125, 0.5, -0.375])  # binary fractions: the sums below are exact
    before = x.copy()
    seen: list[np.ndarray] = []

    def f() -> float:
        seen.append(x.copy())
        return float(x[1])

    plus, minus = nudge(f, x, 1, 0.25)

    assert (plus, minus) == (0.75, 0.25)
    np.testing.assert_array_equal(seen, [[0.125, 0.75, -0.375], [0.125, 0.25, -0.375]])
    np.testing.assert_array_equal(x, before)
