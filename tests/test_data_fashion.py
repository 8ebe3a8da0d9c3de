"""Fashion-MNIST as a Dataset: its files, its folder, its class names and how a picture becomes an input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import explainer.data.dataset as dataset_module
from explainer.data import FASHION_MNIST, FASHION_MNIST_CLASSES, MNIST, load_mnist
from explainer.data.preprocess import to_fashion_mnist


def test_the_reader_gives_the_documented_sizes_and_balanced_classes(fashion_mnist_directory: Path) -> None:
    (train_x, train_y), (val_x, val_y) = FASHION_MNIST.splits(fashion_mnist_directory)
    test_x, test_y = FASHION_MNIST.test_set(fashion_mnist_directory)

    assert train_x.shape == (55_000, 28, 28) and val_x.shape == (5_000, 28, 28)
    assert test_x.shape == (10_000, 28, 28) and train_x.dtype == test_x.dtype == np.uint8
    assert np.bincount(np.concatenate([train_y, val_y])).tolist() == [6_000] * 10
    assert np.bincount(test_y).tolist() == [1_000] * 10
    # Not the digits: the same file names hold other pictures.
    if (mnist := MNIST.directory()) is not None:
        assert not np.array_equal(load_mnist(mnist, "test")[0][:10], test_x[:10])


def test_the_class_names_are_the_authors_in_label_order() -> None:
    # The whole list is held against records made from it: the bundled model's names and their Chinese
    # translations (test_fashion_bundled).
    assert FASHION_MNIST.class_names == FASHION_MNIST_CLASSES and len(FASHION_MNIST_CLASSES) == 10
    assert (FASHION_MNIST_CLASSES[0], FASHION_MNIST_CLASSES[9]) == ("T-shirt/top", "Ankle boot")
    assert FASHION_MNIST.input_shape == (1, 28, 28) and FASHION_MNIST.name == "Fashion-MNIST"
    assert FASHION_MNIST.preprocess is to_fashion_mnist


def test_the_folder_is_the_argument_then_the_environment_then_the_shared_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPLAINER_FASHION_MNIST_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("EXPLAINER_MNIST_DIR", str(tmp_path / "digits"))
    assert FASHION_MNIST.directory(tmp_path / "cli") == tmp_path / "cli"
    assert FASHION_MNIST.directory() == tmp_path / "env", "a missing folder is returned so it can be reported"
    assert MNIST.directory() == tmp_path / "digits", "each data set has its own variable"

    monkeypatch.delenv("EXPLAINER_FASHION_MNIST_DIR")
    monkeypatch.setattr(dataset_module, "SHARED_DATA", tmp_path / "shared")
    assert FASHION_MNIST.directory() is None
    (tmp_path / "shared" / "fashion-mnist").mkdir(parents=True)
    assert FASHION_MNIST.directory() == tmp_path / "shared" / "fashion-mnist"


def test_the_environment_folder_is_read(
    fashion_mnist_directory: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        (tmp_path / name).symlink_to(fashion_mnist_directory / name)
    monkeypatch.setenv("EXPLAINER_FASHION_MNIST_DIR", str(tmp_path))
    images, labels = FASHION_MNIST.test_set(FASHION_MNIST.directory())
    assert images.shape == (10_000, 28, 28) and labels[:3].tolist() == [9, 2, 1]


def test_a_photo_of_a_shirt_fills_the_frame_centred_by_its_box() -> None:
    # A "photo" after load_image: a bright, shaded garment, wider than tall, off-centre on a dark ground.
    photo = np.zeros((300, 400), np.float32)
    cols = np.arange(240)[None, :]
    photo[40:160, 100:340] = 0.3 + 0.4 * (cols / 240)  # fabric shading, brightest 0.7
    x = to_fashion_mnist(photo)

    assert x.shape == (28, 28) and x.dtype == np.float32
    ink_rows = np.flatnonzero(x.max(axis=1) > 0.1)
    ink_cols = np.flatnonzero(x.max(axis=0) > 0.1)
    assert (ink_cols[0], ink_cols[-1]) == (0, 27), "the longer side spans the whole frame"
    assert (ink_rows[0], ink_rows[-1]) == (7, 20), "the shorter side, 14 pixels, is centred"
    assert x.max() > 0.98, "the brightest part of the garment becomes (area-averaged) full strength"
    assert x[14, 3] < x[14, 24], "the shading is kept, not thresholded"


def test_fashion_images_are_almost_unchanged_by_their_preprocessing(fashion_mnist_directory: Path) -> None:
    images, _ = FASHION_MNIST.test_set(fashion_mnist_directory)
    sample = images[:500]
    remade = np.stack([to_fashion_mnist(image) for image in sample])
    assert np.abs(remade - sample / 255.0).mean() < 0.07


def test_a_blank_picture_is_all_zeros() -> None:
    np.testing.assert_array_equal(to_fashion_mnist(np.full((50, 40), 3, np.uint8)), np.zeros((28, 28)))
