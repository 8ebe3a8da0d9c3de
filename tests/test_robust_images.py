"""Unusual but valid images give the same network input as a plain white-on-black PNG of the same digit.

tests/test_imageio_load.py checks what ``load_image`` returns for most kinds; this checks the whole
path the app takes, ``to_mnist(load_image(file))``, and adds the kinds not covered there: 8000x8000
pixels, 16-bit RGBA, grey + alpha, 1-bit, palette with a transparent entry, TIFF, WebP and a JPEG whose
EXIF orientation says "rotate 90 degrees".
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PySide6.QtGui import QImage

from explainer.data.preprocess import to_mnist
from explainer.imageio import MAX_SIDE, load_image

LOSSY = ("jpeg", "webp")


@pytest.fixture(scope="module")
def fuzz(benchmark_module: Callable[[str], ModuleType]) -> ModuleType:
    """benchmarks/fuzz.py as a module: it builds the same digit in every file kind (its seed files)."""
    return benchmark_module("fuzz.py")


@pytest.fixture(scope="module")
def reference(fuzz: ModuleType) -> np.ndarray:
    """The network input for the digit given directly as a float array.

    Shape:
        ``(28, 28)`` float32.
    """
    return to_mnist(fuzz.digit_mask().astype(np.float32))


def assert_same_digit(got: np.ndarray, want: np.ndarray, lossy: bool) -> None:
    """Equal network inputs: to within rounding for lossless files, closely for lossy ones."""
    assert got.shape == (28, 28) and got.dtype == np.float32
    if lossy:
        assert np.abs(got - want).mean() < 0.03 and np.abs(got - want).max() < 0.35
    else:
        np.testing.assert_allclose(got, want, atol=0.02)


KINDS = [
    "png-grey8",
    "png-grey16",
    "png-rgba",
    "png-grey-alpha",
    "png-1bit",
    "png-palette",
    "jpeg",
    "jpeg-progressive",
    "jpeg-cmyk",
    "bmp",
    "gif",
    "tiff",
    "webp",
]


def test_the_seed_files_cover_every_kind(fuzz: ModuleType) -> None:
    assert sorted(fuzz.image_seeds()) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gives_the_same_network_input(
    fuzz: ModuleType, reference: np.ndarray, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"digit.{kind}"
    path.write_bytes(fuzz.image_seeds()[kind])
    assert_same_digit(to_mnist(load_image(path)), reference, kind.startswith(LOSSY))


def test_16_bit_rgba_with_coloured_ink_on_a_transparent_background(
    fuzz: ModuleType, reference: np.ndarray, tmp_path: Path
) -> None:
    mask = fuzz.digit_mask()
    alpha = np.where(mask, 65535, 0).astype(np.uint16)
    # Red ink; the transparent background holds white, which must not count as ink.
    rgba = np.dstack([np.full_like(alpha, 60000), np.where(mask, 0, 65535), np.where(mask, 0, 65535), alpha])
    path = tmp_path / "rgba64.png"
    path.write_bytes(fuzz.qt_encode(rgba.astype(np.uint16), QImage.Format.Format_RGBA64, "png"))
    assert_same_digit(to_mnist(load_image(path)), reference, lossy=False)


def test_coloured_ink_on_coloured_paper(fuzz: ModuleType, reference: np.ndarray, tmp_path: Path) -> None:
    mask = fuzz.digit_mask()
    paper = np.array([250, 235, 160])  # yellowish notepad
    ink = np.array([20, 90, 40])  # green felt pen
    rgb = np.where(mask[..., None], ink, paper).astype(np.uint8)
    path = tmp_path / "notepad.png"
    path.write_bytes(fuzz.qt_encode(rgb, QImage.Format.Format_RGB888, "png"))
    got = to_mnist(load_image(path))
    # Ink counts by its largest channel difference from the paper (230 of 255 here), then to_mnist
    # rescales the crop to full strength: the same input as pure black on white.
    assert_same_digit(got, reference, lossy=False)


def exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """``jpeg`` with an EXIF APP1 segment holding only the orientation tag, right after SOI."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def test_exif_rotated_phone_photo_is_turned_upright(
    fuzz: ModuleType, reference: np.ndarray, tmp_path: Path
) -> None:
    upright = np.where(fuzz.digit_mask(), 0, 255).astype(np.uint8)
    # Orientation 6: the stored pixels are the scene turned 90 degrees anticlockwise.
    stored = np.ascontiguousarray(np.rot90(upright, 1))
    jpeg = fuzz.qt_encode(stored, QImage.Format.Format_Grayscale8, "jpeg", quality=95)
    path = tmp_path / "phone.jpg"
    path.write_bytes(exif_orientation(jpeg, 6))
    loaded = load_image(path)
    assert loaded.shape == upright.shape
    assert_same_digit(to_mnist(loaded), reference, lossy=True)


def huge_png(mask: np.ndarray, factor: int) -> bytes:
    """A grey PNG of ``mask`` (black ink on white) blown up ``factor`` times, compressed row by row.

    Shape:
        mask: ``(h, w)`` bool; the image is ``(h * factor, w * factor)``.
    """
    h, w = mask.shape
    rows = [b"\x00" + np.repeat(np.where(row, 0, 255).astype(np.uint8), factor).tobytes() for row in mask]
    stream = zlib.compressobj(1)
    idat = b"".join(stream.compress(row) for row in rows for _ in range(factor)) + stream.flush()
    header = struct.pack(">IIBBBBB", w * factor, h * factor, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_8000_by_8000_photo_is_shrunk_while_loading_and_reads_the_same(
    fuzz: ModuleType, reference: np.ndarray, tmp_path: Path
) -> None:
    mask = np.pad(fuzz.digit_mask(), ((0, 0), (5, 5)))  # 40x40, so the image is 8000x8000
    path = tmp_path / "scan.png"
    path.write_bytes(huge_png(mask, 200))
    loaded = load_image(path)
    assert loaded.shape == (MAX_SIDE, MAX_SIDE)
    assert_same_digit(to_mnist(loaded), to_mnist(mask.astype(np.float32)), lossy=True)
