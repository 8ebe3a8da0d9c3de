"""IDX reading (raw and gzip), corrupt files, MNIST discovery and loading."""

from __future__ import annotations

import gzip
import re
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer import data
from explainer.data import load_mnist, mnist_dir, read_idx
from explainer.errors import BadInputError

CODES = {
    np.dtype("u1"): 0x08,
    np.dtype("i1"): 0x09,
    np.dtype("i2"): 0x0B,
    np.dtype("i4"): 0x0C,
    np.dtype("f4"): 0x0D,
    np.dtype("f8"): 0x0E,
}


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode an array as IDX: magic 00 00 <type> <ndim>, big-endian uint32 sizes, big-endian data."""
    header = bytes([0, 0, CODES[array.dtype], array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(array.dtype.newbyteorder(">")).tobytes()


def write(path: Path, payload: bytes, *, compress: bool = False) -> Path:
    path.write_bytes(gzip.compress(payload) if compress else payload)
    return path


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("dtype", list(CODES))
def test_round_trip(tmp_path: Path, dtype: np.dtype, compress: bool) -> None:
    rng = np.random.default_rng(0)
    array = (rng.normal(size=(3, 4, 5)) * 100).astype(dtype)
    path = write(tmp_path / ("a.idx.gz" if compress else "a.idx"), idx_bytes(array), compress=compress)
    out = read_idx(path)
    assert out.dtype == dtype and out.dtype.isnative
    np.testing.assert_array_equal(out, array)


def test_gzip_is_detected_from_content_not_name(tmp_path: Path) -> None:
    array = np.arange(6, dtype=np.uint8)
    np.testing.assert_array_equal(read_idx(write(tmp_path / "plain", idx_bytes(array), compress=True)), array)
    np.testing.assert_array_equal(read_idx(write(tmp_path / "x.gz", idx_bytes(array))), array)


def test_uint8_result_is_writable(tmp_path: Path) -> None:
    out = read_idx(write(tmp_path / "a", idx_bytes(np.zeros((2, 2), np.uint8))))
    out[0, 0] = 1
    assert out[0, 0] == 1


GOOD = idx_bytes(np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4))


@pytest.mark.parametrize(
    ("payload", "compress", "message"),
    [
        pytest.param(b"", False, "truncated IDX header", id="empty"),
        pytest.param(b"\x00\x00", False, "truncated IDX header", id="half a magic number"),
        pytest.param(b"\x00\x00\x08\x03\x00\x00\x00\x02", False, "truncated IDX header", id="sizes missing"),
        pytest.param(b"\x01\x02\x08\x03" + GOOD[4:], False, "wrong magic", id="wrong magic"),
        pytest.param(b"hello world, not an idx file", False, "wrong magic", id="text"),
        pytest.param(b"\x00\x00\x07\x03" + GOOD[4:], False, "unknown IDX element type 0x07", id="bad type"),
        pytest.param(b"\x00\x00\x08\x00", False, "0 dimensions", id="no dimensions"),
        pytest.param(GOOD[:-1], False, "truncated", id="truncated"),
        pytest.param(GOOD + b"\x00", False, "extra bytes", id="extra byte"),
        pytest.param(GOOD[:-5], True, "truncated: header declares shape (2, 3, 4)", id="gz truncated data"),
        pytest.param(GOOD + b"xyz", True, "extra bytes", id="gz extra bytes"),
        # Sizes that would need terabytes: rejected from the header alone, without trying to read them.
        pytest.param(b"\x00\x00\x08\x02" + b"\xff" * 8, False, "more than the file's", id="huge sizes"),
        pytest.param(
            b"\x00\x00\x08\x02" + b"\xff" * 8, True, "compressed bytes can hold", id="gz huge sizes"
        ),
    ],
)
def test_corrupt_files_raise(tmp_path: Path, payload: bytes, compress: bool, message: str) -> None:
    path = write(tmp_path / "bad-images-idx3-ubyte", payload, compress=compress)
    with pytest.raises(BadInputError, match="bad-images-idx3-ubyte") as info:
        read_idx(path)
    assert message in str(info.value)


def test_bad_gzip_raises(tmp_path: Path) -> None:
    payload = idx_bytes((np.arange(3000) % 251).astype(np.uint8).reshape(3, 1000))
    packed = bytearray(gzip.compress(payload))
    packed[len(packed) // 2 : len(packed) // 2 + 8] = b"\xff" * 8  # damage the deflate stream
    with pytest.raises(BadInputError, match=r"x\.gz: corrupt gzip data"):
        read_idx(write(tmp_path / "x.gz", bytes(packed)))
    with pytest.raises(BadInputError, match=r"y\.gz: corrupt gzip data"):
        read_idx(write(tmp_path / "y.gz", gzip.compress(payload)[:-4]))  # CRC and length cut off
    with pytest.raises(BadInputError, match=r"z\.gz: corrupt gzip data"):
        read_idx(write(tmp_path / "z.gz", b"\x1f\x8b" + bytes(30)))  # gzip magic, then garbage


def test_named_gz_but_not_gzip(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match=r"named \.gz but not gzip"):
        read_idx(write(tmp_path / "t10k-images-idx3-ubyte.gz", b"PK\x03\x04 a zip file really"))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match=r"nope\.idx"):
        read_idx(tmp_path / "nope.idx")
    with pytest.raises(BadInputError, match=re.escape(str(tmp_path))):
        read_idx(tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_files_only_raise_bad_input(tmp_path: Path, fuzz: st.DataObject) -> None:
    compress = fuzz.draw(st.booleans())
    blob = bytearray(gzip.compress(GOOD) if compress else GOOD)
    for _ in range(fuzz.draw(st.integers(1, 4))):
        blob[fuzz.draw(st.integers(0, len(blob) - 1))] = fuzz.draw(st.integers(0, 255))
    blob = blob[: fuzz.draw(st.integers(0, len(blob)))]
    path = write(tmp_path / "fuzz.idx", bytes(blob))
    try:
        out = read_idx(path)
    except BadInputError:
        return
    assert isinstance(out, np.ndarray)


def fake_mnist(directory: Path, prefix: str, n_images: int, n_labels: int, *, gz: bool = True) -> None:
    directory.mkdir(exist_ok=True)
    images = np.random.default_rng(1).integers(0, 256, (n_images, 28, 28), dtype=np.uint8)
    labels = (np.arange(n_labels) % 10).astype(np.uint8)
    ext = ".gz" if gz else ""
    write(directory / f"{prefix}-images-idx3-ubyte{ext}", idx_bytes(images), compress=gz)
    write(directory / f"{prefix}-labels-idx1-ubyte{ext}", idx_bytes(labels), compress=gz)


@pytest.mark.parametrize("gz", [True, False])
def test_load_mnist_synthetic(tmp_path: Path, gz: bool) -> None:
    fake_mnist(tmp_path, "t10k", 12, 12, gz=gz)
    images, labels = load_mnist(tmp_path, "test")
    assert images.shape == (12, 28, 28) and images.dtype == np.uint8
    np.testing.assert_array_equal(labels, np.arange(12) % 10)


def test_load_mnist_errors(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="does not exist"):
        load_mnist(tmp_path / "missing", "test")
    with pytest.raises(BadInputError, match="t10k-images-idx3-ubyte"):
        load_mnist(tmp_path, "test")
    with pytest.raises(BadInputError, match="unknown MNIST split"):
        load_mnist(tmp_path, "validation")  # type: ignore[arg-type]
    fake_mnist(tmp_path, "train", 5, 4)
    with pytest.raises(BadInputError, match=r"5 images .* but 4 labels"):
        load_mnist(tmp_path, "train")
    write(tmp_path / "train-images-idx3-ubyte.gz", idx_bytes(np.zeros((4, 28, 27), np.uint8)), compress=True)
    with pytest.raises(BadInputError, match=r"\(N, 28, 28\)"):
        load_mnist(tmp_path, "train")
    write(tmp_path / "train-images-idx3-ubyte.gz", idx_bytes(np.zeros((4, 28, 28), np.uint8)), compress=True)
    write(
        tmp_path / "train-labels-idx1-ubyte.gz", idx_bytes(np.array([1, 2, 3, 12], np.uint8)), compress=True
    )
    with pytest.raises(BadInputError, match="label 12"):
        load_mnist(tmp_path, "train")


def test_mnist_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_MNIST_DIR", str(tmp_path / "env"))
    assert mnist_dir(tmp_path / "cli") == tmp_path / "cli"
    assert mnist_dir() == tmp_path / "env"
    monkeypatch.delenv("EXPLAINER_MNIST_DIR")
    shared = Path(data.__file__).resolve().parents[3] / "shared" / "data" / "mnist"
    assert mnist_dir() == (shared if shared.is_dir() else None)


def real_mnist() -> Path:
    directory = mnist_dir()
    if directory is None or not directory.is_dir():
        pytest.skip("MNIST not found: set EXPLAINER_MNIST_DIR or put the IDX files in ../shared/data/mnist")
    return directory


@pytest.mark.parametrize(
    ("split", "count", "first"), [("test", 10_000, [7, 2, 1, 0, 4]), ("train", 60_000, [5, 0, 4, 1, 9])]
)
def test_real_mnist(split: str, count: int, first: list[int]) -> None:
    images, labels = load_mnist(real_mnist(), split)  # type: ignore[arg-type]
    assert images.shape == (count, 28, 28) and labels.shape == (count,)
    assert images.dtype == np.uint8 and labels.dtype == np.uint8
    assert labels[:5].tolist() == first
    assert images.max() == 255 and 30 < images.mean() < 37  # white ink on black, mean pixel about 33
    counts = np.bincount(labels, minlength=10)
    assert len(counts) == 10 and counts.min() > count // 15
