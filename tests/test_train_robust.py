"""Drawn-like digits (turned, rescaled, shifted, thicker or thinner, then to_mnist): the benchmark's
distortion and the bundled model's accuracy on a smaller sample than benchmarks/bench_robust.py uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from explainer.data import load_mnist
from explainer.data.preprocess import to_mnist
from explainer.modelio import load_model


@pytest.fixture(scope="module")
def bench(benchmark_module: Callable[[str], ModuleType]) -> ModuleType:
    """benchmarks/bench_robust.py as a module."""
    return benchmark_module("bench_robust.py")


def digit_like(n: int) -> np.ndarray:
    """``n`` synthetic uint8 "digits": a filled bar at a random place, ``(n, 28, 28)``."""
    rng = np.random.default_rng(0)
    images = np.zeros((n, 28, 28), np.uint8)
    for image in images:
        top, left = rng.integers(4, 12, 2)
        image[top : top + 12, left : left + 4] = 255
    return images


def test_without_distortion_it_is_plain_to_mnist(bench: ModuleType) -> None:
    images = digit_like(4)

    out = bench.distort_like_drawing(images, np.random.default_rng(0), **bench.IDENTITY)

    expected = np.stack([to_mnist(image) for image in images])
    np.testing.assert_allclose(out, expected, atol=1e-6)


def test_distortion_is_seeded_and_changes_the_digits(bench: ModuleType) -> None:
    images = digit_like(6)

    first = bench.distort_like_drawing(images, np.random.default_rng(1))
    again = bench.distort_like_drawing(images, np.random.default_rng(1))
    plain = bench.distort_like_drawing(images, np.random.default_rng(1), **bench.IDENTITY)

    assert first.shape == (6, 28, 28) and first.dtype == np.float32
    assert first.min() >= 0 and first.max() <= 1
    np.testing.assert_array_equal(first, again)
    assert all(np.abs(a - b).max() > 0.1 for a, b in zip(first, plain, strict=True))


def test_bundled_model_reads_drawn_like_digits(bench: ModuleType, mnist_directory: Path) -> None:
    images, labels = load_mnist(mnist_directory, "test")

    accuracy = bench.robust_accuracy(load_model(), images[:1000], labels[:1000], seed=0)

    assert accuracy >= 0.97
