"""The Dataset object: the one training/validation split, the test set, and its sizes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from explainer.data import MNIST, Dataset
from explainer.errors import BadInputError


def counting(n_train: int, n_test: int) -> Dataset:
    """MNIST's description over made-up files: image ``i`` of the training file is all ``i % 256``."""

    def load(directory: Path, part: str) -> tuple[np.ndarray, np.ndarray]:
        n = n_train if part == "train" else n_test
        images = np.broadcast_to((np.arange(n) % 256).astype(np.uint8)[:, None, None], (n, 28, 28))
        return images, np.arange(n) % 10

    return dataclasses.replace(MNIST, load=load, train_size=n_train, validation_size=20)


def test_the_validation_set_is_the_end_of_the_training_file(tmp_path: Path) -> None:
    data = counting(100, 30)
    (train_x, train_y), (val_x, val_y) = data.splits(tmp_path)
    assert len(train_x) == data.max_training_images == 80 and len(val_x) == 20
    assert train_x[:, 0, 0].tolist() == list(range(80)) and val_x[:, 0, 0].tolist() == list(range(80, 100))
    assert train_y.tolist() == [i % 10 for i in range(80)] and val_y.tolist() == [
        i % 10 for i in range(80, 100)
    ]
    (fewer, _), (same_val, _) = data.splits(tmp_path, train_images=10)
    assert len(fewer) == 10 and np.array_equal(same_val, val_x)
    (capped, _), _ = data.splits(tmp_path, train_images=1000)
    assert len(capped) == 80
    assert len(data.test_set(tmp_path)[0]) == 30


@pytest.mark.parametrize(("train_images", "validation_size"), [(0, None), (None, 0), (None, 100)])
def test_splits_that_leave_a_set_empty_are_refused(tmp_path: Path, train_images, validation_size) -> None:
    with pytest.raises(BadInputError, match="set must be"):
        counting(100, 30).splits(tmp_path, train_images, validation_size)


def test_mnist_sizes_match_its_files(mnist_directory: Path) -> None:
    (train_x, _), (val_x, _) = MNIST.splits(mnist_directory)
    assert len(train_x) == MNIST.max_training_images == 55_000 and len(val_x) == MNIST.validation_size
    assert len(train_x) + len(val_x) == MNIST.train_size
    assert MNIST.test_set(mnist_directory)[0].shape[1:] == MNIST.input_shape[1:]
    assert len(MNIST.class_names) == 10
