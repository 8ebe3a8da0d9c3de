"""load_image: every common kind of image file comes out grey, ink bright on dark; bad files raise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from explainer.errors import BadInputError
from explainer.imageio import MAX_SIDE, load_image


def seven(h: int = 40, w: int = 30) -> np.ndarray:
    """A boolean '7': a top bar and a slanted stroke, away from the border."""
    yy, xx = np.mgrid[0:h, 0:w]
    top = (yy >= h * 0.15) & (yy < h * 0.27) & (xx >= w * 0.2) & (xx < w * 0.8)
    stem = (np.abs(xx - (w * 0.75 - (yy - h * 0.15) * 0.35)) < w * 0.08) & (yy >= h * 0.15) & (yy < h * 0.85)
    return top | stem


MASK = seven()


def qimage(pixels: np.ndarray, fmt: QImage.Format) -> QImage:
    """A QImage owning a copy of ``pixels`` (rows, columns[, channels])."""
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    return QImage(pixels.tobytes(), w, h, pixels.strides[0], fmt).copy()


def grey(ink: float, background: float, mask: np.ndarray = MASK) -> np.ndarray:
    return np.where(mask, ink, background).astype(np.float32)


def colour(ink: tuple[int, int, int], background: tuple[int, int, int]) -> np.ndarray:
    return np.where(MASK[..., None], np.array(ink, np.uint8), np.array(background, np.uint8)).astype(np.uint8)


def gif_bytes(indices: np.ndarray, palette: np.ndarray, transparent: int | None = None) -> bytes:
    """A minimal GIF89a (Qt cannot write GIFs): 8-bit palette, 'uncompressed' LZW with 9-bit codes.

    Every pixel is sent as a literal code and a clear code follows every 254 of them, so the decoder's
    code table never grows past 9 bits.
    """
    h, w = indices.shape
    out = bytearray(b"GIF89a")
    out += w.to_bytes(2, "little") + h.to_bytes(2, "little") + bytes([0xF7, 0, 0])
    out += palette.astype(np.uint8).tobytes()
    if transparent is not None:
        out += bytes([0x21, 0xF9, 4, 1, 0, 0, transparent, 0])
    out += b"\x2c" + bytes(4) + w.to_bytes(2, "little") + h.to_bytes(2, "little") + b"\x00"
    codes: list[int] = []
    flat = indices.ravel().tolist()
    for start in range(0, len(flat), 254):
        codes += [256, *flat[start : start + 254]]
    codes.append(257)
    bits = sum(code << (9 * i) for i, code in enumerate(codes))
    stream = bits.to_bytes((9 * len(codes) + 7) // 8, "little")
    out += b"\x08"
    for start in range(0, len(stream), 255):
        chunk = stream[start : start + 255]
        out += bytes([len(chunk)]) + chunk
    out += b"\x00\x3b"
    return bytes(out)


GREY_PALETTE = np.repeat(np.arange(256)[:, None], 3, axis=1)


def save(img: QImage, path: Path, quality: int = -1) -> Path:
    assert img.save(str(path), None, quality), f"Qt could not write {path}"
    return path


def save_progressive_jpeg(img: QImage, path: Path) -> Path:
    """A progressive JPEG: many scans, each with its own header, which the truncation check must walk."""
    writer = QImageWriter(str(path))
    writer.setProgressiveScanWrite(True)
    writer.setQuality(95)
    assert writer.write(img), writer.errorString()
    assert path.read_bytes().count(b"\xff\xda") > 1
    return path


# name -> (writer, expected ink level on the mask)
Writer = Callable[[Path], Path]
CASES: dict[str, tuple[Writer, float]] = {
    "8-bit grey PNG, white on black": (
        lambda d: save(
            qimage((grey(1, 0) * 255).astype(np.uint8), QImage.Format.Format_Grayscale8), d / "a.png"
        ),
        1.0,
    ),
    "8-bit grey PNG, black on white paper": (
        lambda d: save(
            qimage((grey(0, 1) * 255).astype(np.uint8), QImage.Format.Format_Grayscale8), d / "a.png"
        ),
        1.0,
    ),
    "RGB PNG, blue ink on white": (
        lambda d: save(
            qimage(colour((0, 0, 255), (255, 255, 255)), QImage.Format.Format_RGB888), d / "a.png"
        ),
        1.0,
    ),
    "RGB PNG, yellow ink on white": (
        lambda d: save(
            qimage(colour((255, 230, 0), (255, 255, 255)), QImage.Format.Format_RGB888), d / "a.png"
        ),
        1.0,
    ),
    "RGB PNG, red chalk on a dark board": (
        lambda d: save(qimage(colour((230, 40, 40), (20, 30, 25)), QImage.Format.Format_RGB888), d / "a.png"),
        (230 - 20) / 255,
    ),
    "RGBA PNG, black ink on transparent black": (
        lambda d: save(
            qimage(
                np.dstack([np.zeros((*MASK.shape, 3), np.uint8), MASK * np.uint8(255)]),
                QImage.Format.Format_RGBA8888,
            ),
            d / "a.png",
        ),
        1.0,
    ),
    "RGBA PNG, black ink on transparent white": (
        lambda d: save(
            qimage(
                np.dstack([colour((0, 0, 0), (255, 255, 255)), MASK * np.uint8(255)]),
                QImage.Format.Format_RGBA8888,
            ),
            d / "a.png",
        ),
        1.0,
    ),
    "16-bit grey PNG": (
        lambda d: save(
            qimage((grey(40000, 0)).astype(np.uint16), QImage.Format.Format_Grayscale16), d / "a.png"
        ),
        40000 / 65535,
    ),
    "palette PNG, blue ink": (
        lambda d: save(
            qimage(colour((0, 0, 255), (255, 255, 255)), QImage.Format.Format_RGB888).convertToFormat(
                QImage.Format.Format_Indexed8
            ),
            d / "a.png",
        ),
        1.0,
    ),
    "grey JPEG, pencil on paper": (
        lambda d: save(
            qimage((grey(0.2, 0.9) * 255).astype(np.uint8), QImage.Format.Format_Grayscale8), d / "a.jpg", 95
        ),
        0.7,
    ),
    "progressive JPEG": (
        lambda d: save_progressive_jpeg(
            qimage(colour((0, 0, 0), (255, 255, 255)), QImage.Format.Format_RGB888), d / "a.jpg"
        ),
        1.0,
    ),
    "CMYK JPEG": (
        lambda d: save(
            qimage(colour((0, 0, 0), (255, 255, 255)), QImage.Format.Format_RGB888).convertToFormat(
                QImage.Format.Format_CMYK8888
            ),
            d / "a.jpg",
            95,
        ),
        1.0,
    ),
    "BMP": (
        lambda d: save(qimage(colour((0, 0, 0), (255, 255, 255)), QImage.Format.Format_RGB888), d / "a.bmp"),
        1.0,
    ),
    "GIF, black on white": (
        lambda d: _write(d / "a.gif", gif_bytes(np.where(MASK, 0, 255).astype(np.uint8), GREY_PALETTE)),
        1.0,
    ),
    "GIF, transparent background": (
        lambda d: _write(d / "a.gif", gif_bytes(np.where(MASK, 0, 7).astype(np.uint8), GREY_PALETTE, 7)),
        1.0,
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(CASES))
def test_each_kind_loads_ink_bright(tmp_path: Path, name: str) -> None:
    writer, level = CASES[name]
    out = load_image(writer(tmp_path))
    assert out.shape == MASK.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    lossy = writer(tmp_path).suffix == ".jpg"
    # JPEG rings around edges, so judge it on the pixels away from the stroke edges.
    core = MASK & ~_grow(~MASK) if lossy else MASK
    far = ~_grow(MASK) if lossy else ~MASK
    tolerance = 0.06 if lossy else 1e-3
    assert np.abs(out[core] - level).max() < tolerance, name
    assert out[far].max() < tolerance, name


def _grow(mask: np.ndarray) -> np.ndarray:
    """The mask grown by one pixel in all eight directions."""
    padded = np.pad(mask, 1)
    return np.any(
        [padded[dy : dy + mask.shape[0], dx : dx + mask.shape[1]] for dy in range(3) for dx in range(3)], 0
    )


def test_the_files_really_are_of_the_kind_named(tmp_path: Path) -> None:
    """Guard the cases above: 16-bit, palette and CMYK files were written as such, the GIF is a GIF."""
    expected = {
        "16-bit grey PNG": QImage.Format.Format_Grayscale16,
        "palette PNG, blue ink": QImage.Format.Format_Indexed8,
        "CMYK JPEG": QImage.Format.Format_CMYK8888,
    }
    for name, fmt in expected.items():
        assert QImageReader(str(CASES[name][0](tmp_path))).imageFormat() == fmt, name
    assert QImageReader(str(CASES["GIF, black on white"][0](tmp_path))).format().data() == b"gif"


def test_photo_of_paper_with_uneven_light(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    paper = 0.75 + 0.1 * np.linspace(0, 1, MASK.shape[1])[None, :] + rng.normal(0, 0.01, MASK.shape)
    photo = np.where(MASK, 0.15, paper)
    out = load_image(
        save(qimage((photo * 255).astype(np.uint8), QImage.Format.Format_Grayscale8), tmp_path / "p.png")
    )
    assert out[MASK].min() > 0.5 and out[~MASK].max() < 0.15


def test_huge_image_is_shrunk(tmp_path: Path) -> None:
    big = np.kron(MASK, np.ones((75, 75), bool))  # 3000 x 2250
    path = save(
        qimage(np.where(big, 0, 255).astype(np.uint8), QImage.Format.Format_Grayscale8), tmp_path / "big.png"
    )
    out = load_image(path)
    assert out.shape == (MAX_SIDE, 768)
    rows = np.linspace(0, MAX_SIDE - 1, 40).astype(int)
    cols = np.linspace(0, 767, 30).astype(int)
    sampled = out[np.ix_(rows, cols)]
    assert np.mean((sampled > 0.5) == MASK) > 0.9


def test_qt_allocation_limit_is_raised_once_and_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Formats that decode at full size first (PNG) may need more than Qt's limit; the read is retried."""
    big = np.kron(MASK, np.ones((25, 25), bool))  # 1000 x 750 RGBA: about 3 MB to decode
    rgba = np.dstack([np.zeros((*big.shape, 3), np.uint8), big * np.uint8(255)])
    path = save(qimage(rgba, QImage.Format.Format_RGBA8888), tmp_path / "big.png")
    old = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(1)  # megabytes: stands in for 256 MB vs an 8000x8000 16-bit file
    try:
        out = load_image(path)
        assert QImageReader.allocationLimit() == 1
        monkeypatch.setattr("explainer.imageio.MAX_DECODE_MB", 2)
        with pytest.raises(BadInputError, match=r"big\.png: image too large to decode \(750x1000 pixels"):
            load_image(path)
    finally:
        QImageReader.setAllocationLimit(old)
    assert out.shape == big.shape and out[big].min() == 1.0 and out[~big].max() == 0.0


def test_no_qt_until_an_image_is_loaded() -> None:
    code = (
        "import explainer.imageio, explainer.data.preprocess, explainer.data, explainer.data.augment, sys; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def _png(tmp_path: Path) -> bytes:
    return CASES["8-bit grey PNG, black on white paper"][0](tmp_path).read_bytes()


def _jpeg(tmp_path: Path) -> bytes:
    return CASES["grey JPEG, pencil on paper"][0](tmp_path).read_bytes()


def _progressive(tmp_path: Path) -> bytes:
    return CASES["progressive JPEG"][0](tmp_path).read_bytes()


def _bmp(tmp_path: Path) -> bytes:
    return CASES["BMP"][0](tmp_path).read_bytes()


def _gif(tmp_path: Path) -> bytes:
    return CASES["GIF, black on white"][0](tmp_path).read_bytes()


BAD: dict[str, Callable[[Path], bytes]] = {
    "empty": lambda d: b"",
    "text": lambda d: b"this is not an image\n" * 20,
    "random bytes": lambda d: np.random.default_rng(0).integers(0, 256, 4000, dtype=np.uint8).tobytes(),
    "PNG signature then garbage": lambda d: _png(d)[:16] + bytes(200),
    "truncated PNG": lambda d: _png(d)[: len(_png(d)) * 6 // 10],
    "PNG without its end chunk": lambda d: _png(d)[:-12],
    "truncated JPEG": lambda d: _jpeg(d)[: len(_jpeg(d)) * 9 // 10],
    "JPEG without its end marker": lambda d: _jpeg(d)[:-2],
    "truncated progressive JPEG": lambda d: _progressive(d)[: len(_progressive(d)) * 7 // 10],
    "truncated BMP": lambda d: _bmp(d)[: len(_bmp(d)) * 9 // 10],
    "truncated GIF": lambda d: _gif(d)[: len(_gif(d)) * 9 // 10],
    "GIF without its trailer": lambda d: _gif(d)[:-1],
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_files_raise(tmp_path: Path, name: str) -> None:
    path = tmp_path / "digit.png"
    path.write_bytes(BAD[name](tmp_path))
    with pytest.raises(BadInputError, match=r"digit\.png"):
        load_image(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match=r"nothing\.png: does not exist"):
        load_image(tmp_path / "nothing.png")
    with pytest.raises(BadInputError, match="is a directory"):
        load_image(tmp_path)


def test_misnamed_file_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "really-a-jpeg.png"
    path.write_bytes(_jpeg(tmp_path))
    assert load_image(path).shape == MASK.shape


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_files_only_raise_bad_input(tmp_path: Path, fuzz: st.DataObject) -> None:
    source = fuzz.draw(st.sampled_from([_png, _jpeg, _progressive, _bmp, _gif]))
    blob = bytearray(source(tmp_path))
    for _ in range(fuzz.draw(st.integers(1, 6))):
        blob[fuzz.draw(st.integers(0, len(blob) - 1))] = fuzz.draw(st.integers(0, 255))
    blob = blob[: fuzz.draw(st.integers(0, len(blob)))]
    path = tmp_path / "fuzz.img"
    path.write_bytes(bytes(blob))
    try:
        out = load_image(path)
    except BadInputError:
        return
    assert out.ndim == 2 and out.dtype == np.float32 and 0.0 <= out.min() <= out.max() <= 1.0
