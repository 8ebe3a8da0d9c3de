"""The bundled Fashion-MNIST model and gallery: named classes, recorded training, accuracy on the test set."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

import explainer
from explainer.assets import asset_path
from explainer.core import Sequential
from explainer.data import FASHION_MNIST, FASHION_MNIST_CLASSES
from explainer.train import evaluate, pick_samples, predict


@pytest.fixture(scope="module")
def model() -> Sequential:
    return explainer.load_model("assets/fashion_mnist.npz")


def test_the_public_path_loads_the_model_with_its_class_names(
    model: Sequential, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The names the model was trained under, recorded in its file: the data set's, in label order.
    assert model.class_names == list(FASHION_MNIST_CLASSES)
    assert model.input_shape == (1, 28, 28) and (model.input_mean, model.input_std) == (0.0, 1.0)
    monkeypatch.chdir(tmp_path)  # from any folder, as after a non-editable install
    assert explainer.load_model("assets/fashion_mnist.npz").class_names == model.class_names
    assert os.path.getsize(asset_path("fashion_mnist.npz")) <= 1_000_000


def test_the_model_records_how_it_was_trained(model: Sequential) -> None:
    meta = model.metadata
    assert meta["command"].startswith("python -m explainer.train --dataset fashion-mnist ")
    assert f"--seed {meta['seed']}" in meta["command"]
    assert f"--epochs {meta['epochs']}" in meta["command"]
    assert meta["interrupted"] is False and meta["wall_time_s"] > 0
    assert meta["training_data"].startswith("Fashion-MNIST training images 1-55,000")
    assert meta["test_data"] == "Fashion-MNIST test set (10,000 images)"


def test_the_model_reaches_the_bar_on_the_full_test_set(
    model: Sequential, fashion_mnist_directory: Path
) -> None:
    images, labels = FASHION_MNIST.test_set(fashion_mnist_directory)

    accuracy = evaluate(model, images, labels)

    assert len(images) == 10_000
    assert accuracy >= 0.91
    assert accuracy == model.metadata["test_accuracy"], "the recorded figure must be the real one"


def test_the_samples_are_ten_correctly_classified_images_per_class(model: Sequential) -> None:
    images, labels = FASHION_MNIST.load_samples()

    assert FASHION_MNIST.samples_path == asset_path("fashion_samples.npz")
    assert images.dtype == np.uint8 and images.shape == (100, 28, 28)
    assert labels.tolist() == [k for k in range(10) for _ in range(10)]
    np.testing.assert_array_equal(predict(model, images), labels)


def test_the_samples_are_the_first_correct_test_images(
    model: Sequential, fashion_mnist_directory: Path
) -> None:
    images, labels = FASHION_MNIST.test_set(fashion_mnist_directory)
    with np.load(FASHION_MNIST.samples_path, allow_pickle=False) as npz:
        indices, samples = npz["indices"], npz["images"]

    np.testing.assert_array_equal(indices, pick_samples(model, images, labels))
    np.testing.assert_array_equal(samples, images[indices])


def test_the_class_names_have_chinese_translations(qapp, settings) -> None:
    from explainer.gui.i18n import class_name, set_language

    chinese = ["T恤/上衣", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"]
    try:
        set_language(qapp, "zh_CN", settings, remember=False)
        assert [class_name(name) for name in FASHION_MNIST_CLASSES] == chinese
        assert class_name("7") == "7", "digits need no translation"
    finally:
        set_language(qapp, "en", settings, remember=False)
    assert [class_name(name) for name in FASHION_MNIST_CLASSES] == list(FASHION_MNIST_CLASSES)


def test_the_app_preprocessing_keeps_the_accuracy_where_the_digit_recipe_loses_it(
    model: Sequential, fashion_mnist_directory: Path
) -> None:
    from explainer.data.preprocess import to_mnist

    images, labels = FASHION_MNIST.test_set(fashion_mnist_directory)
    images, labels = images[:1000], labels[:1000]
    as_the_app_sees_them = np.stack([FASHION_MNIST.preprocess(image) for image in images])
    as_digits = np.stack([to_mnist(image) for image in images])

    # Measured on all 10,000: 91.63 % raw, 91.24 % through to_fashion_mnist, 56.81 % through to_mnist.
    assert evaluate(model, as_the_app_sees_them, labels) >= evaluate(model, images, labels) - 0.01
    assert evaluate(model, as_digits, labels) < 0.7
