"""MNIST on disk: the IDX file format, loading a split, and :data:`MNIST`, the digits as a Dataset.

IDX (the format MNIST ships in) is a 4-byte magic number ``00 00 <dtype> <ndim>``, then ``ndim``
big-endian uint32 sizes, then the values in C order, big-endian. Files may be gzip-compressed.
Fashion-MNIST ships in the same files; :mod:`explainer.data.fashion` is one more :class:`Dataset` over
:func:`load_mnist`.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np

from explainer.data.dataset import Dataset
from explainer.data.preprocess import to_mnist
from explainer.errors import BadInputError, bad_input, regular_file_size, unreadable

__all__ = ["MNIST", "add_data_argument", "load_mnist", "mnist_dir", "mnist_dir_or_say", "read_idx"]

# IDX dtype code -> big-endian NumPy dtype.
_IDX_DTYPES: dict[int, str] = {
    0x08: ">u1",
    0x09: ">i1",
    0x0B: ">i2",
    0x0C: ">i4",
    0x0D: ">f4",
    0x0E: ">f8",
}
_GZIP_MAGIC = b"\x1f\x8b"
# Deflate cannot compress better than about 1032:1, so a header that promises more data than that is
# corrupt; checking before reading keeps a damaged or hostile header from asking for gigabytes.
_MAX_DEFLATE_RATIO = 1032
_CHUNK = 1 << 20

_SPLIT_PREFIX = {"train": "train", "test": "t10k"}


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an IDX file (raw or gzip-compressed, judged from its first bytes) into a NumPy array.

    The declared sizes must match the data exactly; anything else raises ``BadInputError`` naming the
    file and the problem (missing file, not gzip, wrong magic, unknown dtype, truncated, extra bytes).

    Shape:
        The array has the sizes declared in the header, e.g. ``(N, 28, 28)`` for images, ``(N,)`` for
        labels, in native byte order with the file's element type (uint8 for MNIST).
    """
    path = Path(path)
    regular_file_size(path, "IDX")
    try:
        with path.open("rb") as raw:
            compressed_size = os.fstat(raw.fileno()).st_size
            is_gzip = raw.read(2) == _GZIP_MAGIC
            raw.seek(0)
            if is_gzip:
                with gzip.GzipFile(fileobj=raw) as stream:
                    limit = compressed_size * _MAX_DEFLATE_RATIO
                    return _parse_idx(stream, path, limit, f"{compressed_size} compressed bytes can hold")
            return _parse_idx(raw, path, compressed_size, f"the file's {compressed_size} bytes hold")
    except BadInputError:
        raise
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise BadInputError(f"{path}: corrupt gzip data ({exc})") from exc
    except OSError as exc:
        raise unreadable(path, "IDX", exc) from exc


def _parse_idx(stream: BinaryIO, path: Path, max_bytes: int, capacity: str) -> np.ndarray:
    """Parse the header and data of an IDX stream positioned at its first byte.

    ``max_bytes`` bounds the whole stream's length (``capacity`` says why, for the message), so a
    corrupt header is rejected before any large read.

    Shape:
        Returns the array with the header's sizes.
    """
    magic = stream.read(4)
    if len(magic) < 4:
        raise BadInputError(f"{path}: truncated IDX header ({len(magic)} bytes, expected at least 4)")
    if magic[:2] != b"\x00\x00":
        hint = " (named .gz but not gzip data)" if path.suffix == ".gz" else ""
        raise bad_input(
            "{path}: not an IDX file, wrong magic number {magic}", path=path, magic=f"0x{magic.hex()}{hint}"
        )
    code, ndim = magic[2], magic[3]
    if code not in _IDX_DTYPES:
        raise BadInputError(f"{path}: unknown IDX element type 0x{code:02x}")
    if ndim == 0:
        raise BadInputError(f"{path}: IDX header declares 0 dimensions")
    dims_raw = stream.read(4 * ndim)
    if len(dims_raw) < 4 * ndim:
        raise BadInputError(f"{path}: truncated IDX header (expected {ndim} dimension sizes)")
    shape = tuple(int(d) for d in np.frombuffer(dims_raw, dtype=">u4"))
    dtype = np.dtype(_IDX_DTYPES[code])
    expected = int(np.prod(shape, dtype=object)) * dtype.itemsize
    header = 4 + 4 * ndim
    if header + expected > max_bytes:
        raise BadInputError(
            f"{path}: truncated or corrupt: header declares shape {shape} ({header} + {expected} bytes), "
            f"more than {capacity}"
        )
    data = bytearray()
    while len(data) < expected:
        chunk = stream.read(min(_CHUNK, expected - len(data)))
        if not chunk:
            raise BadInputError(
                f"{path}: truncated: header declares shape {shape} ({expected} data bytes), "
                f"file has only {len(data)}"
            )
        data += chunk
    if stream.read(1):
        raise BadInputError(
            f"{path}: size mismatch: extra bytes after the {expected} declared by shape {shape}"
        )
    return np.frombuffer(data, dtype=dtype).reshape(shape).astype(dtype.newbyteorder("="), copy=False)


def mnist_dir(cli_value: str | os.PathLike[str] | None = None) -> Path | None:
    """Where the MNIST IDX files are: ``--data``, else ``$EXPLAINER_MNIST_DIR``, else the shared copy.

    The same as ``MNIST.directory(cli_value)``; see :meth:`Dataset.directory`.

    Shape:
        Not applicable (returns a path or None).
    """
    return MNIST.directory(cli_value)


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """Give a script's command line the ``--data DIR`` option that :func:`mnist_dir_or_say` reads."""
    parser.add_argument("--data", help="MNIST folder (default: $EXPLAINER_MNIST_DIR or ../shared/data/mnist)")


def mnist_dir_or_say(cli_value: str | os.PathLike[str] | None = None) -> Path | None:
    """:func:`mnist_dir`, telling stderr how to point at the data when there is none (for scripts).

    Shape:
        Not applicable (returns a path or None).
    """
    directory = mnist_dir(cli_value)
    if directory is None:
        print("MNIST not found: pass --data DIR or set EXPLAINER_MNIST_DIR", file=sys.stderr)
    return directory


def _find(directory: Path, prefix: str, kind: str, idx: str) -> Path:
    """The first existing standard file name for one MNIST file, with or without ``.gz``."""
    candidates = [f"{prefix}-{kind}-{idx}-ubyte", f"{prefix}-{kind}.{idx}-ubyte"]
    for name in candidates:
        for suffix in (".gz", ""):
            path = directory / (name + suffix)
            if path.is_file():
                return path
    raise bad_input(
        "{directory}: no MNIST file {name} found", directory=directory, name=f"{candidates[0]}[.gz]"
    )


def load_mnist(
    directory: str | os.PathLike[str], split: Literal["train", "test"]
) -> tuple[np.ndarray, np.ndarray]:
    """Load one MNIST split (``'train'``: 60,000 digits, ``'test'``: 10,000) from the standard IDX files.

    Looks for ``train-*``/``t10k-*`` ``images-idx3-ubyte`` and ``labels-idx1-ubyte``, gzip-compressed or
    not, and checks their types, shapes and that the counts agree.

    Shape:
        Returns images ``(N, 28, 28)`` uint8 (0 = background, 255 = ink) and labels ``(N,)`` uint8 in 0..9.
    """
    if split not in _SPLIT_PREFIX:
        raise BadInputError(f"unknown MNIST split {split!r}; expected 'train' or 'test'")
    directory = Path(directory)
    if not directory.is_dir():
        raise bad_input("{directory}: MNIST directory does not exist", directory=directory)
    prefix = _SPLIT_PREFIX[split]
    image_path = _find(directory, prefix, "images", "idx3")
    label_path = _find(directory, prefix, "labels", "idx1")
    images = read_idx(image_path)
    labels = read_idx(label_path)
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (28, 28):
        raise BadInputError(
            f"{image_path}: expected uint8 images of shape (N, 28, 28), got {images.dtype} {images.shape}"
        )
    if labels.dtype != np.uint8 or labels.ndim != 1:
        raise BadInputError(
            f"{label_path}: expected uint8 labels of shape (N,), got {labels.dtype} {labels.shape}"
        )
    if len(images) != len(labels):
        raise BadInputError(
            f"{directory}: {len(images)} images in {image_path.name} "
            f"but {len(labels)} labels in {label_path.name}"
        )
    if labels.size and labels.max() > 9:
        raise BadInputError(f"{label_path}: label {int(labels.max())} is not a digit 0-9")
    return images, labels


MNIST = Dataset(
    name="MNIST",
    input_shape=(1, 28, 28),
    class_names=tuple(str(k) for k in range(10)),
    load=load_mnist,
    preprocess=to_mnist,
    folder="mnist",
    env_var="EXPLAINER_MNIST_DIR",
    train_size=60000,
    validation_size=5000,
    samples="samples.npz",
    model="model.npz",
)
"""The handwritten digits: 60,000 training images (the last 5,000 of them for validation) and 10,000 test
images of 28x28 grey pixels, classes "0" to "9"; drawings become inputs through :func:`to_mnist`."""
