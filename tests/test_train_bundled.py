"""The bundled model and gallery: small, documented, accurate on MNIST, and the samples it gets right."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explainer.core import Sequential
from explainer.data import load_mnist
from explainer.modelio import DEFAULT_MODEL_PATH, load_model
from explainer.train import evaluate, pick_samples, predict

SAMPLES_PATH = DEFAULT_MODEL_PATH.with_name("samples.npz")


@pytest.fixture(scope="module")
def bundled() -> Sequential:
    return load_model()


@pytest.fixture(scope="module")
def samples() -> dict[str, np.ndarray]:
    with np.load(SAMPLES_PATH, allow_pickle=False) as npz:
        return {key: npz[key] for key in npz.files}


def test_bundled_model_is_small_and_every_layer_fits_on_screen(bundled: Sequential) -> None:
    assert DEFAULT_MODEL_PATH.stat().st_size <= 1_000_000
    assert bundled.input_shape == (1, 28, 28)
    assert (bundled.input_mean, bundled.input_std) == (0.0, 1.0), "students see raw pixel values"
    channels = [layer.params["W"].shape[0] for layer in bundled.layers if layer.kind == "conv2d"]
    assert channels and max(channels) <= 16


def test_bundled_model_records_how_it_was_trained(bundled: Sequential) -> None:
    meta = bundled.metadata
    assert meta["command"].startswith("python -m explainer.train ")
    assert f"--seed {meta['seed']}" in meta["command"]
    assert f"--epochs {meta['epochs']}" in meta["command"]
    assert meta["wall_time_s"] > 0 and meta["interrupted"] is False
    assert {"training_data", "test_data", "date", "validation_accuracy", "augment"} <= set(meta)


def test_bundled_model_accuracy_on_the_full_mnist_test_set(
    bundled: Sequential, mnist_directory: Path
) -> None:
    images, labels = load_mnist(mnist_directory, "test")

    accuracy = evaluate(bundled, images, labels)

    assert len(images) == 10_000
    assert accuracy >= 0.993
    assert accuracy == bundled.metadata["test_accuracy"], "the recorded figure must be the real one"


def test_samples_are_ten_correctly_classified_digits_per_class(
    bundled: Sequential, samples: dict[str, np.ndarray]
) -> None:
    images, labels = samples["images"], samples["labels"]
    assert set(samples) == {"images", "labels", "indices"}
    assert images.dtype == np.uint8 and images.shape == (100, 28, 28)
    assert labels.dtype == np.uint8 and labels.tolist() == [k for k in range(10) for _ in range(10)]
    assert images.max() == 255
    np.testing.assert_array_equal(predict(bundled, images), labels)


def test_samples_are_the_first_correct_mnist_test_digits(
    bundled: Sequential, samples: dict[str, np.ndarray], mnist_directory: Path
) -> None:
    images, labels = load_mnist(mnist_directory, "test")

    np.testing.assert_array_equal(samples["indices"], pick_samples(bundled, images, labels))
    np.testing.assert_array_equal(samples["images"], images[samples["indices"]])
