"""Your own images as a :class:`~explainer.data.Dataset`: a folder with one subfolder per class, or IDX files.

:func:`read_image_folder` reads the common image-folder layout (``root/<class>/<image>``, as torchvision's
``ImageFolder`` and Keras's ``image_dataset_from_directory`` expect it): the subfolder names, sorted, are
the class names, and every image becomes a ``(28, 28)`` network input. :func:`read_idx_images` takes a
pair of IDX files (images and labels, MNIST's format). Both return a :class:`UserDataset`: the converted
images, what was skipped and why, and :attr:`UserDataset.dataset`, a ``Dataset`` that trains with the
existing machinery (its training/validation split is :meth:`Dataset.splits`).

This package never imports Qt, so the image decoder is passed in: ``read_image(path, max_pixels)`` returns
``(H, W)`` float ink in [0, 1], bright on dark, and raises :class:`~explainer.errors.BadInputError` for a
file it cannot use; :func:`explainer.load_image` (Qt's image plugins) is the one the app uses.

How an image becomes an input (:func:`to_input`): the decoder already turns it grey with the object bright
on a dark background, judging the background from the picture's border (a photo on a white table is
negated, as Fashion-MNIST's product photos were); ``invert`` flips that when the guess is wrong. With
``centre`` the picture is cropped to the object, its longer side scaled to 28 pixels with its aspect kept
and its box centred (:func:`~explainer.data.preprocess.to_fashion_mnist`); without, the whole picture is
scaled that way (:func:`~explainer.data.preprocess.fit_frame`). Images of different sizes are all scaled
like this; :attr:`UserDataset.sizes` counts the sizes met so the preview can say so.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explainer.data.dataset import Dataset, FilePart, Split
from explainer.data.fashion import FASHION_MNIST
from explainer.data.mnist import MNIST, read_idx
from explainer.data.preprocess import FRAME, fit_frame, to_fashion_mnist
from explainer.errors import BadInputError, bad_input

__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_IMAGES",
    "MAX_PIXELS",
    "VALIDATION_FRACTION",
    "ImageReader",
    "SkippedFile",
    "UserDataset",
    "read_idx_images",
    "read_image_folder",
    "read_user_data",
    "to_input",
]

ImageReader = Callable[[Path, int], np.ndarray]
"""``read_image(path, max_pixels)``: ``(H, W)`` float ink in [0, 1], bright on dark; raises
``BadInputError`` for a file it cannot use, and for one of more than ``max_pixels`` pixels (before
decoding it, where the format allows). :func:`explainer.load_image` is one."""

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm", ".pbm"}
)
"""File name endings read as images (in any case); other files are skipped, and listed, unread."""

MAX_PIXELS = 50_000_000
"""An image of more pixels (a 50-megapixel photo) is skipped and listed rather than decoded: its 28x28
input needs a thousandth of them, and decoding one takes seconds and hundreds of megabytes."""

MAX_IMAGES = 100_000
"""A data set of more images is refused (decoding them all would take many minutes)."""

VALIDATION_FRACTION = 0.2
"""The share of each class kept aside to measure the validation accuracy."""

SPLIT_SEED = 0
"""Seeds which images of each class go to the validation set, so the split is the same every time."""


@dataclass(frozen=True)
class SkippedFile:
    """A file left out, and why (``error`` names the file and the reason; the app translates it)."""

    path: Path
    error: BadInputError


@dataclass(frozen=True, eq=False)
class UserDataset:
    """Images of your own, converted to network inputs, with what was left out.

    Attributes:
        source: the folder they came from (for IDX files, the folder that holds them).
        class_names: one per class, in label order (the subfolder names, sorted).
        images: the converted images ``(N, 28, 28)`` uint8, 0 = background, 255 = brightest, in the
            training order: each class's images spread evenly over the whole set, so the last
            :attr:`validation_size` of them (the validation set) hold about :data:`VALIDATION_FRACTION`
            of every class.
        labels: ``(N,)`` int64 class indices.
        skipped: the files that could not be used, with the reason.
        sizes: how many images had each ``(height, width)`` as decoded (the decoder may shrink huge
            ones, :func:`explainer.load_image` to at most 1024 pixels a side).
        invert, centre: the conversion used (see :func:`to_input`).
        validation_size: how many images (the last ones) form the validation set.

    Shape:
        images ``(N, 28, 28)``, labels ``(N,)``; :meth:`inputs` gives the model's ``(N, 1, 28, 28)``.
    """

    source: Path
    class_names: tuple[str, ...]
    images: np.ndarray
    labels: np.ndarray
    skipped: tuple[SkippedFile, ...]
    sizes: Counter[tuple[int, int]]
    invert: bool
    centre: bool
    validation_size: int

    @property
    def counts(self) -> tuple[int, ...]:
        """Images per class, in label order."""
        return tuple(np.bincount(self.labels, minlength=len(self.class_names)).tolist())

    def inputs(self) -> np.ndarray:
        """All images as the model's input.

        Shape:
            ``(N, 1, 28, 28)`` float32 in [0, 1].
        """
        return (self.images[:, None].astype(np.float32) / np.float32(255.0)).astype(np.float32)

    def preview(self, per_class: int = 4) -> Split:
        """The first ``per_class`` images of each class (fewer when a class has fewer), class by class.

        Shape:
            images ``(M, 28, 28)`` uint8 and labels ``(M,)``, M <= ``per_class * len(class_names)``.
        """
        keep = np.concatenate(
            [np.flatnonzero(self.labels == k)[:per_class] for k in range(len(self.class_names))]
        )
        return self.images[keep], self.labels[keep]

    @functools.cached_property
    def dataset(self) -> Dataset:
        """These images as a :class:`Dataset` located at :attr:`source` (the same object every time).

        Its ``splits`` are the training and validation sets (the validation set is the last
        :attr:`validation_size` images); it has no separate test set, so its ``test_set`` is the
        validation set again. A drawing or an opened image becomes an input the way these were (without
        the inversion, which is about the files). It has no bundled samples or model. Its name is the
        folder's, with the parent folder's added when it would be a bundled data set's ("MNIST").
        """
        name = self.source.name or str(self.source)
        if name.casefold() in {bundled.casefold() for bundled in (MNIST.name, FASHION_MNIST.name)}:
            name = f"{name} ({self.source.parent.name or self.source.parent})"
        return Dataset(
            name=name,
            input_shape=(1, FRAME, FRAME),
            class_names=self.class_names,
            load=self._load,
            preprocess=to_fashion_mnist if self.centre else fit_frame,
            folder="",
            env_var="",
            train_size=len(self.images),
            validation_size=self.validation_size,
            location=self.source,
        )

    def _load(self, directory: Path, part: FilePart) -> Split:
        """``Dataset.load``: all images for "train", the validation set for "test" (see :attr:`dataset`)."""
        if Path(directory) != self.source:
            raise bad_input(
                "{directory}: these images were read from {source}", directory=directory, source=self.source
            )
        if part == "train":
            return self.images, self.labels
        cut = len(self.images) - self.validation_size
        return self.images[cut:], self.labels[cut:]


def to_input(ink: np.ndarray, *, invert: bool = False, centre: bool = True) -> np.ndarray:
    """One decoded image as a network input (see the module docstring).

    ``invert`` replaces every value ``v`` by ``1 - v`` first; ``centre`` crops to the object and centres
    its box (:func:`~explainer.data.preprocess.to_fashion_mnist`), else the whole picture is fitted
    (:func:`~explainer.data.preprocess.fit_frame`). Either way the longer side becomes 28 pixels and the
    aspect ratio is kept.

    Shape:
        ink: ``(H, W)`` float in [0, 1], bright on dark. Returns ``(28, 28)`` float32 in [0, 1].
    """
    ink = np.asarray(ink, np.float32)
    if invert:
        ink = np.float32(1.0) - ink
    return to_fashion_mnist(ink) if centre else fit_frame(ink)


Reading = Generator[tuple[int, int], None, "UserDataset"]
"""A reading in steps: it yields ``(done, total)`` after each file and returns the :class:`UserDataset`."""


def run_reading(steps: Reading, progress: Callable[[int, int], None] | None = None) -> UserDataset:
    """Run a reading to its end, calling ``progress(done, total)`` after each file (it may raise to
    cancel)."""
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value
        if progress is not None:
            progress(done, total)


def read_image_folder(
    path: str | os.PathLike[str],
    read_image: ImageReader,
    *,
    invert: bool = False,
    centre: bool = True,
    validation_fraction: float = VALIDATION_FRACTION,
    progress: Callable[[int, int], None] | None = None,
) -> UserDataset:
    """Read ``path/<class>/<image>`` (images in deeper folders count for their class) as a data set.

    Hidden files and folders (their names start with ".") are ignored. Files that are not images by
    their name, cannot be read or are larger than :data:`MAX_PIXELS` are skipped and listed in
    :attr:`UserDataset.skipped`. ``progress(done, total)`` is called after each file (for a progress bar;
    it may raise to cancel). :func:`image_folder_steps` is the same reading in steps.

    Shape:
        See :class:`UserDataset`: images ``(N, 28, 28)`` uint8, labels ``(N,)``.

    Raises:
        BadInputError: ``path`` is not a folder; fewer than 2 class folders; a class without a usable
            image (naming the folders, and the files skipped there); more than :data:`MAX_IMAGES` images.
    """
    steps = image_folder_steps(
        path, read_image, invert=invert, centre=centre, validation_fraction=validation_fraction
    )
    return run_reading(steps, progress)


def image_folder_steps(
    path: str | os.PathLike[str],
    read_image: ImageReader,
    *,
    invert: bool = False,
    centre: bool = True,
    validation_fraction: float = VALIDATION_FRACTION,
) -> Reading:
    """:func:`read_image_folder` in steps, one file each: a caller with an event loop reads a folder
    between its events, on its own thread (the app does, so Qt's image decoding never runs on two threads).

    Raises:
        BadInputError: as :func:`read_image_folder`, when the step that finds the problem runs.
    """
    root = Path(path)
    if not root.is_dir():
        raise bad_input("{path}: not a folder", path=root)
    classes = sorted(entry.name for entry in _visible(root) if entry.is_dir())
    loose = [entry for entry in _visible(root) if not entry.is_dir()]
    if len(classes) < 2:
        raise bad_input(
            "{path}: needs at least 2 class folders (one subfolder per class), found {count}{names}",
            path=root,
            count=len(classes),
            names=f": {', '.join(classes)}" if classes else "",
        )
    files = [(label, sorted(_images_under(root / name))) for label, name in enumerate(classes)]
    total = sum(len(found) for _, found in files)
    if total > MAX_IMAGES:
        raise bad_input(
            "{path}: {count:,} files, more than the {limit:,} images a data set may have",
            path=root,
            count=total,
            limit=MAX_IMAGES,
        )
    skipped = [SkippedFile(entry, bad_input("{path}: not in a class folder", path=entry)) for entry in loose]
    images: list[np.ndarray] = []
    labels: list[int] = []
    sizes: Counter[tuple[int, int]] = Counter()
    done = 0
    for label, found in files:
        for file in found:
            try:
                if file.suffix.lower() not in IMAGE_SUFFIXES:
                    raise bad_input("{path}: not an image file (by its name)", path=file)
                ink = read_image(file, MAX_PIXELS)
                images.append(to_input(ink, invert=invert, centre=centre))
                labels.append(label)
                sizes[ink.shape[:2]] += 1
            except BadInputError as error:
                skipped.append(SkippedFile(file, error))
            done += 1
            yield done, total
    counts = np.bincount(np.array(labels, np.int64), minlength=len(classes))
    empty = [classes[k] for k in range(len(classes)) if counts[k] == 0]
    if empty:
        lost = ", ".join(item.path.name for item in skipped if item.path.parent.name in empty)
        if lost:
            raise bad_input(
                "{path}: class folders without a usable image: {names} (files that cannot be used: {lost})",
                path=root,
                names=", ".join(empty),
                lost=lost,
            )
        raise bad_input(
            "{path}: class folders without a usable image: {names}", path=root, names=", ".join(empty)
        )
    stacked = np.round(np.stack(images) * 255.0).astype(np.uint8)
    return _assemble(
        root, tuple(classes), stacked, np.array(labels), skipped, sizes, invert, centre, validation_fraction
    )


def read_idx_images(
    images_path: str | os.PathLike[str],
    labels_path: str | os.PathLike[str],
    *,
    invert: bool = False,
    centre: bool = True,
    validation_fraction: float = VALIDATION_FRACTION,
) -> UserDataset:
    """Read a pair of IDX files (images ``(N, H, W)`` and integer labels ``(N,)``) as a data set.

    The class names are the labels that occur, as text ("0", "3", ...), in increasing order; the labels
    become their indices. Images of 28x28 are used as they are (inverted when asked): they are usually
    prepared already, as MNIST's are. Other sizes are converted like folder images (:func:`to_input`).

    Shape:
        See :class:`UserDataset`.

    Raises:
        BadInputError: a damaged file, shapes or types that do not fit, fewer than 2 distinct labels, or
            more than :data:`MAX_IMAGES` images.
    """
    images_path, labels_path = Path(images_path), Path(labels_path)
    raw = read_idx(images_path)
    raw_labels = read_idx(labels_path)
    if raw.ndim != 3 or raw.shape[0] == 0 or raw.dtype.kind not in "uif":
        raise bad_input(
            "{path}: expected images (N, H, W), got {dtype} {shape}",
            path=images_path,
            dtype=raw.dtype,
            shape=raw.shape,
        )
    if raw_labels.shape != (raw.shape[0],) or raw_labels.dtype.kind not in "ui":
        raise bad_input(
            "{path}: expected {count} integer labels, got {dtype} {shape}",
            path=labels_path,
            count=raw.shape[0],
            dtype=raw_labels.dtype,
            shape=raw_labels.shape,
        )
    if len(raw) > MAX_IMAGES:
        raise bad_input(
            "{path}: {count:,} images, more than the {limit:,} a data set may have",
            path=images_path,
            count=len(raw),
            limit=MAX_IMAGES,
        )
    present, labels = np.unique(raw_labels, return_inverse=True)
    if len(present) < 2:
        raise bad_input(
            "{path}: needs at least 2 classes, but every label is {label}",
            path=labels_path,
            label=int(present[0]),
        )
    # Integer images are on the 0-255 scale (MNIST's uint8), float ones on 0-1.
    full = 255.0 if raw.dtype.kind in "ui" else 1.0
    ink = np.clip(raw.astype(np.float32) / np.float32(full), 0.0, 1.0)
    if raw.shape[1:] == (FRAME, FRAME):
        converted = 1.0 - ink if invert else ink
    else:
        converted = np.stack([to_input(image, invert=invert, centre=centre) for image in ink])
    sizes: Counter[tuple[int, int]] = Counter({(int(raw.shape[1]), int(raw.shape[2])): len(raw)})
    images = np.round(converted * 255.0).astype(np.uint8)
    names = tuple(str(int(label)) for label in present)
    return _assemble(
        images_path.parent, names, images, labels, [], sizes, invert, centre, validation_fraction
    )


def read_user_data(
    path: str | os.PathLike[str],
    read_image: ImageReader,
    *,
    invert: bool = False,
    centre: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> UserDataset:
    """A folder of your own: the IDX files in it when it holds a pair, else its class subfolders.

    A pair is ``<prefix>-images-idx3-ubyte`` with ``<prefix>-labels-idx1-ubyte`` (``.gz`` or not, ``-`` or
    ``.`` before ``idx``); with several, the ``train`` pair is used.

    Shape:
        See :class:`UserDataset`.

    Raises:
        BadInputError: as :func:`read_idx_images` or :func:`read_image_folder`; several IDX pairs and none
            named ``train``.
    """
    return run_reading(user_data_steps(path, read_image, invert=invert, centre=centre), progress)


def user_data_steps(
    path: str | os.PathLike[str], read_image: ImageReader, *, invert: bool = False, centre: bool = True
) -> Reading:
    """:func:`read_user_data` in steps (see :func:`image_folder_steps`); IDX files are read in one."""
    root = Path(path)
    pairs = _idx_pairs(root) if root.is_dir() else {}
    if not pairs:
        return (yield from image_folder_steps(root, read_image, invert=invert, centre=centre))
    prefix = "train" if "train" in pairs else next(iter(pairs)) if len(pairs) == 1 else None
    if prefix is None:
        raise bad_input(
            "{path}: several sets of IDX files ({prefixes}) and none named train",
            path=root,
            prefixes=", ".join(sorted(pairs)),
        )
    images_path, labels_path = pairs[prefix]
    return read_idx_images(images_path, labels_path, invert=invert, centre=centre)


def _assemble(
    source: Path,
    class_names: tuple[str, ...],
    images: np.ndarray,
    labels: np.ndarray,
    skipped: list[SkippedFile],
    sizes: Counter[tuple[int, int]],
    invert: bool,
    centre: bool,
    validation_fraction: float,
) -> UserDataset:
    """Order the images for :meth:`Dataset.splits` and wrap them up.

    Each class's images are shuffled (seeded by :data:`SPLIT_SEED`) and the ``i``-th of ``n`` gets the
    position ``(i + 0.5) / n``; sorting by position spreads every class evenly over the set, so the last
    images (the validation set) are a fair share of each class.

    Shape:
        images ``(N, 28, 28)``, labels ``(N,)``.
    """
    if not 0.0 < validation_fraction < 1.0:
        raise BadInputError(f"the validation fraction must be between 0 and 1, not {validation_fraction}")
    rng = np.random.default_rng(SPLIT_SEED)
    position = np.empty(len(labels), np.float64)
    for k in range(len(class_names)):
        members = np.flatnonzero(labels == k)
        position[members[rng.permutation(len(members))]] = (np.arange(len(members)) + 0.5) / len(members)
    order = np.lexsort((labels, position))
    validation = min(max(1, round(validation_fraction * len(labels))), len(labels) - 1)
    return UserDataset(
        source=source,
        class_names=class_names,
        images=np.ascontiguousarray(images[order]),
        labels=labels[order].astype(np.int64),
        skipped=tuple(skipped),
        sizes=sizes,
        invert=invert,
        centre=centre,
        validation_size=validation,
    )


def _visible(folder: Path) -> list[Path]:
    """The entries of ``folder`` whose names do not start with "." (hidden files such as .DS_Store)."""
    return sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))


def _images_under(folder: Path) -> list[Path]:
    """Every visible file under ``folder``, deeper folders included (hidden ones are not entered)."""
    found: list[Path] = []
    for entry in _visible(folder):
        if entry.is_dir():
            found.extend(_images_under(entry))
        else:
            found.append(entry)
    return found


def _idx_pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The IDX image/label file pairs in ``folder``, by prefix ("train", "t10k", ...)."""
    found: dict[tuple[str, str], Path] = {}
    for entry in _visible(folder):
        name = entry.name.removesuffix(".gz")
        for kind, idx in (("images", "idx3"), ("labels", "idx1")):
            for separator in ("-", "."):
                tail = f"-{kind}{separator}{idx}-ubyte"
                if name.endswith(tail) and entry.is_file():
                    found[(name.removesuffix(tail), kind)] = entry
    prefixes = sorted({prefix for prefix, _ in found})
    return {
        prefix: (found[(prefix, "images")], found[(prefix, "labels")])
        for prefix in prefixes
        if (prefix, "images") in found and (prefix, "labels") in found
    }
