"""A data set as one object: what its images are, where its files live, how it splits, how inputs are made.

Everything that knows "this is MNIST" asks a :class:`Dataset` (``explainer.data.MNIST``): the input shape
and class names a network is built for, the folder of its files (``--data``, an environment variable, or
the shared copy), the training/validation split, the test set, how a drawing becomes an input, and the
bundled sample images. Another data set with the same kind of files is one more instance; another file
format brings its own ``load`` function. NumPy only; no Qt.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from explainer.assets import asset_path
from explainer.errors import BadInputError, bad_input

Split = tuple[np.ndarray, np.ndarray]
"""Images ``(N, H, W)`` uint8 (or float in [0, 1]) and labels ``(N,)`` integer class indices."""

FilePart = Literal["train", "test"]
"""The two parts a data set ships as: the training file (split again for validation) and the test file."""

SAMPLES_PER_CLASS = 10
"""The gallery of a data set without bundled samples shows this many training images per class."""

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
"""The team's shared copy of the data sets: ``<repo>/../shared/data/<folder>``."""


@dataclass(frozen=True)
class Dataset:
    """One image-classification data set.

    Attributes:
        name: what messages and model metadata call it ("MNIST").
        input_shape: per-sample network input ``(C, H, W)``.
        class_names: one name per class, in label order.
        load: ``load(directory, part)`` reads the training or test images and labels from a folder.
        preprocess: turns a drawn or loaded image ``(h, w)`` into one input image ``(H, W)`` in [0, 1].
        folder: the folder name under :data:`SHARED_DATA`, the fallback location of the files.
        env_var: the environment variable that names the folder of the files.
        train_size: images in the training file, the validation images included.
        validation_size: the last this-many training images are the validation set.
        samples: the bundled file of sample images (an ``assets/`` name), shown in the gallery; None for a
            data set of your own (its gallery shows its first training images of each class).
        model: the bundled model trained on this data set (an ``assets/`` name), the app's starting model;
            None when there is none (your own images: a network is trained for them).
        location: where the files are when the data set is one particular folder (your own images);
            :meth:`directory` then returns it. None for the shared data sets.

    Shape:
        Splits are images ``(N, H, W)`` and labels ``(N,)``; see :data:`Split`.
    """

    name: str
    input_shape: tuple[int, int, int]
    class_names: tuple[str, ...]
    load: Callable[[Path, FilePart], Split]
    preprocess: Callable[[np.ndarray], np.ndarray]
    folder: str
    env_var: str
    train_size: int
    validation_size: int
    samples: str | None = None
    model: str | None = None
    location: Path | None = None

    def directory(self, cli_value: str | os.PathLike[str] | None = None) -> Path | None:
        """Where the files are: ``cli_value`` (``--data``), else ``$env_var``, else the shared copy.

        An explicit value (argument or environment) is returned as given, even if it does not exist, so the
        caller reports the user's mistake instead of silently using other data. A data set of one folder
        returns its :attr:`location`. The shared copy ``<repo>/../shared/data/<folder>`` is returned only
        when it is a directory; otherwise None.

        Shape:
            Not applicable (returns a path or None).
        """
        if cli_value:
            return Path(cli_value).expanduser()
        if self.location is not None:
            return self.location
        env = os.environ.get(self.env_var) if self.env_var else None
        if env:
            return Path(env).expanduser()
        fallback = SHARED_DATA / self.folder
        return fallback if self.folder and fallback.is_dir() else None

    @property
    def max_training_images(self) -> int:
        """The most images the training set can have: those of the training file not kept for validation."""
        return self.train_size - self.validation_size

    def splits(
        self,
        directory: str | os.PathLike[str],
        train_images: int | None = None,
        validation_size: int | None = None,
    ) -> tuple[Split, Split]:
        """The training and validation sets: the first ``train_images`` training images (all that are not
        for validation when None) and the last ``validation_size`` (default :attr:`validation_size`).

        Shape:
            Each split is images ``(N, H, W)`` and labels ``(N,)``, as :attr:`load` returns them.

        Raises:
            BadInputError: the files are missing or damaged, or the sizes leave an empty set.
        """
        images, labels = self.load(Path(directory), "train")
        size = self.validation_size if validation_size is None else validation_size
        if not 0 < size < len(images):
            raise BadInputError(f"the validation set must be 1 to {len(images) - 1} images, not {size}")
        cut = len(images) - size
        count = cut if train_images is None else min(train_images, cut)
        if count < 1:
            raise BadInputError(f"the training set must be at least 1 image, not {train_images}")
        return (images[:count], labels[:count]), (images[cut:], labels[cut:])

    def test_set(self, directory: str | os.PathLike[str]) -> Split:
        """The test images and labels, used only to report a trained model's accuracy.

        Shape:
            images ``(N, H, W)`` and labels ``(N,)`` (10,000 28x28 digits for MNIST).
        """
        return self.load(Path(directory), "test")

    @property
    def samples_path(self) -> Path:
        """The bundled sample images file (see :func:`explainer.assets.asset_path`).

        Raises:
            BadInputError: the data set has no bundled samples (:attr:`samples` is None).
        """
        if self.samples is None:
            raise bad_input("{name} has no bundled sample images", name=self.name)
        return asset_path(self.samples)

    @property
    def model_path(self) -> Path:
        """The bundled trained model file (see :func:`explainer.assets.asset_path`).

        Raises:
            BadInputError: the data set has no bundled model (:attr:`model` is None).
        """
        if self.model is None:
            raise bad_input(
                "{name} has no bundled model: train one on the Train page or open a model file",
                name=self.name,
            )
        return asset_path(self.model)

    def load_samples(self, path: str | os.PathLike[str] | None = None) -> Split:
        """The bundled sample images (or those in ``path``), checked against :attr:`input_shape`.

        A data set of one folder without bundled samples (your own images) gives the first
        :data:`SAMPLES_PER_CLASS` training images of each class instead.

        Shape:
            See :func:`read_samples`.
        """
        if path is None and self.samples is None and self.location is not None:
            images, labels = self.load(self.location, "train")
            keep = np.concatenate(
                [np.flatnonzero(labels == k)[:SAMPLES_PER_CLASS] for k in range(len(self.class_names))]
            )
            return images[np.sort(keep)], labels[np.sort(keep)].astype(np.int64)
        return read_samples(self.samples_path if path is None else path, self.input_shape[1:])


def read_samples(path: str | os.PathLike[str], image_shape: tuple[int, int] = (28, 28)) -> Split:
    """Read a sample images file (numbers only, never pickles): arrays ``images`` and ``labels``.

    Shape:
        returns ``images (N, H, W)`` uint8 with ``(H, W) == image_shape`` and ``labels (N,)`` int64.

    Raises:
        BadInputError: the file is missing, damaged or holds arrays of the wrong shape.
    """
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            images = np.asarray(data["images"])
            labels = np.asarray(data["labels"])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as error:
        raise BadInputError(f"cannot read sample digits from {path}: {error}") from error
    if images.ndim != 3 or images.shape[1:] != image_shape or labels.shape != (images.shape[0],):
        expected = ", ".join(map(str, image_shape))
        raise BadInputError(
            f"{path}: expected images (N, {expected}) and labels (N,), got {images.shape} and {labels.shape}"
        )
    if images.dtype != np.uint8 or not np.issubdtype(labels.dtype, np.integer):
        raise BadInputError(
            f"{path}: expected uint8 images and integer labels, got {images.dtype} and {labels.dtype}"
        )
    return images, labels.astype(np.int64)
