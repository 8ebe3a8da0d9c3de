"""Training with DB-VAE's sample weights: batches drawn with those probabilities; the default unchanged."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import SGD, Dense, Flatten, Sequential
from explainer.errors import BadInputError
from explainer.train import train_iter


def numbered_images(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Image ``i`` is filled with the value ``i``, so a batch tells which images it holds."""
    images = np.repeat(np.arange(n, dtype=np.uint8), 28 * 28).reshape(n, 28, 28)
    return images, (np.arange(n) % 10).astype(np.uint8)


def drawn_images(
    n: int, *, epochs: int, batch_size: int, seed: int, sample_weights: np.ndarray | None = None
) -> list[np.ndarray]:
    """The image numbers of every training batch of a run, in order."""
    model = Sequential([Flatten(), Dense(28 * 28, 10)])
    batches: list[np.ndarray] = []
    forward = model.forward

    def spy(x: np.ndarray) -> np.ndarray:
        if model.training:
            batches.append(np.rint(x[:, 0, 0, 0] * 255).astype(int))
        return forward(x)

    model.forward = spy  # type: ignore[method-assign]
    run = train_iter(
        model,
        numbered_images(n),
        numbered_images(2),
        epochs=epochs,
        optimizer=SGD(model, lr=1e-9),
        rng=np.random.default_rng(seed),
        batch_size=batch_size,
        sample_weights=sample_weights,
    )
    for _ in run:
        pass
    return batches


def test_default_path_visits_each_epoch_in_the_permutation_order_of_the_seed() -> None:
    # Exactly what train_iter did before sample_weights existed: one rng.permutation per epoch, in slices.
    batches = drawn_images(10, epochs=3, batch_size=4, seed=7)
    rng = np.random.default_rng(7)
    expected = [
        order[start : start + 4] for order in (rng.permutation(10) for _ in range(3)) for start in (0, 4, 8)
    ]
    assert len(batches) == len(expected) == 9
    for batch, want in zip(batches, expected, strict=True):
        np.testing.assert_array_equal(batch, want)


def test_weighted_draws_follow_the_weights() -> None:
    weights = np.array([8, 4, 2, 1, 1, 0, 2, 14], np.float64)  # not normalised; image 5 never drawn
    p = weights / weights.sum()
    batches = drawn_images(8, epochs=250, batch_size=8, seed=0, sample_weights=weights)
    draws = np.concatenate(batches)
    assert len(batches) == 250 and len(draws) == 2000  # same steps per epoch as uniform epochs
    counts = np.bincount(draws, minlength=8)
    # Six binomial standard deviations: a correct sampler leaves it about once in 10^8 seeds.
    bound = 6 * np.sqrt(len(draws) * p * (1 - p)) + 1
    assert np.all(np.abs(counts - len(draws) * p) <= bound), counts
    assert counts[5] == 0
    # The bound is tight enough to tell these draws from uniform epochs (each image 250 times).
    assert np.any(np.abs(np.full(8, 250) - len(draws) * p) > bound)


def test_weighted_draws_depend_on_the_seed_only() -> None:
    weights = np.arange(1.0, 11.0)
    first = drawn_images(10, epochs=2, batch_size=5, seed=3, sample_weights=weights)
    again = drawn_images(10, epochs=2, batch_size=5, seed=3, sample_weights=weights)
    other = drawn_images(10, epochs=2, batch_size=5, seed=4, sample_weights=weights)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(first, other, strict=True))


@pytest.mark.parametrize(
    "weights",
    [np.ones(5), np.zeros(6), np.array([1, 1, 1, -1, 1, 1.0]), np.array([1, 1, np.inf, 1, 1, 1.0])],
)
def test_unusable_weights_are_refused(weights: np.ndarray) -> None:
    with pytest.raises(BadInputError):
        drawn_images(6, epochs=1, batch_size=6, seed=0, sample_weights=weights)
