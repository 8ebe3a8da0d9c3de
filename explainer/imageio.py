"""Load any common image file as a grey (H, W) array with the ink bright on a dark background.

Decoding uses Qt's image plugins (PNG, JPEG, BMP, GIF and whatever else the installed Qt reads), imported
inside ``load_image`` so that ``import explainer`` stays free of Qt. QImage and QImageReader need no
QGuiApplication or QCoreApplication: Qt finds its image-format plugins without one, so none is created.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from explainer.errors import BadInputError, bad_input, regular_file_size, unreadable

__all__ = ["MAX_DECODE_MB", "MAX_FILE_BYTES", "MAX_SIDE", "load_image"]

# Larger images are shrunk while decoding (JPEG decodes straight at 1/2, 1/4 or 1/8 size); 1024 px is
# far more than the 20x20 box a digit ends up in.
MAX_SIDE = 1024
MAX_FILE_BYTES = 1 << 30
# Largest full-size decode allowed for formats that cannot shrink while decoding.
MAX_DECODE_MB = 2048
# Rec. 601 luma weights, as in most image tools' "convert to grey".
_LUMA = np.array([0.299, 0.587, 0.114], np.float32)


def load_image(path: str | os.PathLike[str], max_pixels: int | None = None) -> np.ndarray:
    """Read an image file as ink brightness in [0, 1]: ink bright, background dark.

    - Transparent background (the border is mostly transparent): the alpha channel is the ink.
    - Otherwise the background colour is the median of the border pixels. On a light background
      (luma > 0.5, e.g. paper) ink is how much darker than the paper a pixel is, on a dark background how
      much brighter, taking the largest difference over R, G, B, so coloured ink counts fully (blue ink on
      white paper gives 1.0 where plain luma would give 0.89, yellow gives 1.0 instead of 0.11). For
      grey images on black or white this is the grey value or its inverse. Partly transparent pixels
      count in proportion to their alpha.
    - Images with a side over ``MAX_SIDE`` are shrunk while decoding (aspect ratio kept): on an idle
      2-core machine an 8000x8000 JPEG loads in about 0.1-0.2 s, an 8000x8000 PNG in 0.5-1.6 s (about
      4 s at 16 bits per channel, which needs a one-off raise of Qt's allocation limit, see ``_decode``).
    - 8- and 16-bit grey, RGB, RGBA, palette and CMYK images are supported (16-bit precision is kept);
      EXIF orientation is applied; an animated GIF gives its first frame.
    - ``max_pixels``: an image with more pixels (width x height) is refused, from its header before any
      decoding when the format declares its size (all common ones do); None: no such limit.

    Shape:
        Returns ``(H, W)`` float32 in [0, 1] (H, W at most ``MAX_SIDE``).

    Raises:
        BadInputError: missing file, directory, unreadable, empty, too big, truncated, or not an image
        Qt can decode; the message names the file.
    """
    path = Path(path)
    data = _read_bytes(path)
    _check_complete(path, data)
    rgb, alpha = _decode(path, data, max_pixels)
    return _ink(rgb, alpha)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, with a ``BadInputError`` for anything that is not a readable, non-empty file."""
    size = regular_file_size(path, "image")
    if size > MAX_FILE_BYTES:
        raise bad_input("{path}: file too large for an image ({size} bytes)", path=path, size=size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(path, "image", exc) from exc
    if not data:
        raise bad_input("{path}: empty file, not an image", path=path)
    return data


def _decode(path: Path, data: bytes, max_pixels: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Decode with Qt, shrinking huge images while decoding, and return straight (non-premultiplied) RGBA;
    images over ``max_pixels`` pixels are refused (see :func:`load_image`).

    Shape:
        Returns rgb ``(H, W, 3)`` and alpha ``(H, W)``, float32 in [0, 1].
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
    from PySide6.QtGui import QImage, QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)

    def reader_at(scaled: QSize) -> QImageReader:
        buffer.seek(0)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        if scaled.isValid():
            reader.setScaledSize(scaled)
        return reader

    reader = reader_at(QSize())
    if not reader.canRead():
        raise bad_input("{path}: not an image in a format Qt can read", path=path)
    size, image_format = reader.size(), reader.imageFormat()
    if max_pixels is not None and size.isValid():
        _check_pixels(path, size.width(), size.height(), max_pixels)
    scaled = QSize()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        scaled = size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(scaled)
    image = reader.read()
    limit = QImageReader.allocationLimit()
    depth = QImage(1, 1, image_format).depth() if size.isValid() else 0
    megabytes = size.width() * size.height() * depth / 8 / 2**20
    if image.isNull() and megabytes > limit > 0:
        # Qt refuses to allocate more than its limit (256 MB by default) to stop decompression bombs.
        # Readers that cannot shrink while decoding (PNG, BMP) need the full size first, e.g. 488 MB for
        # an 8000x8000 16-bit RGB PNG; allow that for this one read, up to MAX_DECODE_MB. The limit is
        # process-wide, so it is restored right after.
        if megabytes > MAX_DECODE_MB:
            raise BadInputError(
                f"{path}: image too large to decode ({size.width()}x{size.height()} pixels at {depth} bits "
                f"need {megabytes:.0f} MB, more than {MAX_DECODE_MB} MB)"
            )
        reader = reader_at(scaled)
        QImageReader.setAllocationLimit(int(megabytes) + 1)
        try:
            image = reader.read()
        finally:
            QImageReader.setAllocationLimit(limit)
    if image.isNull():
        raise bad_input("{path}: cannot decode image ({reason})", path=path, reason=reader.errorString())
    if max_pixels is not None and not size.isValid():
        _check_pixels(path, image.width(), image.height(), max_pixels)
    if max(image.width(), image.height()) > MAX_SIDE:
        # The size was unknown before decoding (rare formats); shrink afterwards.
        image = image.scaled(
            MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    # RGBA64: 16 bits per channel in R, G, B, A memory order, not premultiplied; every format (grey16,
    # palette, CMYK, ...) converts to it without losing precision.
    image = image.convertToFormat(QImage.Format.Format_RGBA64)
    h, w = image.height(), image.width()
    stride = image.bytesPerLine() // 2
    pixels = np.frombuffer(image.constBits(), np.uint16, count=h * stride).reshape(h, stride)
    rgba = pixels[:, : 4 * w].reshape(h, w, 4).astype(np.float32)
    rgba *= np.float32(1 / 65535)
    return rgba[..., :3], rgba[..., 3]


def _check_pixels(path: Path, width: int, height: int, max_pixels: int) -> None:
    """Refuse an image of ``width`` x ``height`` pixels when that is more than ``max_pixels``."""
    if width * height > max_pixels:
        raise bad_input(
            "{path}: image too large ({width}x{height} pixels, more than {limit:,})",
            path=path,
            width=width,
            height=height,
            limit=max_pixels,
        )


def _ink(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Ink brightness from colour and alpha, judged against the background seen on the border.

    Shape:
        rgb: ``(H, W, 3)``, alpha: ``(H, W)``, float32 in [0, 1]. Returns ``(H, W)`` float32 in [0, 1].
    """
    h, w = alpha.shape
    # A frame a few pixels wide is robust to ink touching the edge and to JPEG ringing.
    band = max(1, min(h, w) // 50)
    border = np.ones((h, w), bool)
    border[band:-band, band:-band] = False
    if np.median(alpha[border]) < 0.5:
        return np.ascontiguousarray(alpha)
    background = np.median(rgb[border], axis=0)
    if float(background @ _LUMA) > 0.5:
        ink = (background - rgb).max(axis=2)
    else:
        ink = (rgb - background).max(axis=2)
    ink *= alpha
    return np.clip(ink, 0.0, 1.0, out=ink)


# JPEG: after a scan's header comes entropy-coded data in which 0xFF is followed only by 0x00 (stuffing)
# or a restart marker 0xD0-0xD7; any other byte after 0xFF is the next marker.
_JPEG_NEXT_MARKER = re.compile(rb"\xff(?=[^\x00\xd0-\xd7])")


def _check_complete(path: Path, data: bytes) -> None:
    """Reject files cut short that Qt would decode anyway, filling the missing part with grey or black.

    Qt (libpng) already fails on truncated PNGs; JPEG, BMP and GIF readers silently accept them, so
    their structure is walked here to see that the file reaches its end marker or declared size.
    """
    if data[:2] == b"\xff\xd8":
        complete = _jpeg_complete(data)
    elif data[:2] == b"BM":
        complete = _bmp_complete(data)
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        complete = _gif_complete(data)
    else:
        return
    if not complete:
        raise bad_input("{path}: truncated image file (ends before the image data does)", path=path)


def _jpeg_complete(data: bytes) -> bool:
    """True when the JPEG's marker segments and scans reach an end-of-image (EOI) marker."""
    n = len(data)
    pos = 2
    while True:
        pos = data.find(b"\xff", pos)
        while 0 <= pos < n - 1 and data[pos + 1] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos < 0 or pos + 1 >= n:
            return False
        marker = data[pos + 1]
        pos += 2
        if marker == 0xD9:
            return True
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            continue
        if pos + 2 > n:
            return False
        pos += int.from_bytes(data[pos : pos + 2], "big")
        if pos > n:
            return False
        if marker == 0xDA:  # start of scan: skip the entropy-coded data
            match = _JPEG_NEXT_MARKER.search(data, pos)
            if match is None:
                return False
            pos = match.start()


def _bmp_complete(data: bytes) -> bool:
    """True when a BMP holds all the pixel data its header describes."""
    if len(data) < 26:
        return False
    offset = int.from_bytes(data[10:14], "little")
    header_size = int.from_bytes(data[14:18], "little")
    if header_size == 12:  # OS/2 BITMAPCOREHEADER
        width = int.from_bytes(data[18:20], "little")
        height = int.from_bytes(data[20:22], "little")
        bits = int.from_bytes(data[24:26], "little")
        compression, image_size = 0, 0
    elif header_size >= 40 and len(data) >= 38:
        width = int.from_bytes(data[18:22], "little", signed=True)
        height = int.from_bytes(data[22:26], "little", signed=True)
        bits = int.from_bytes(data[28:30], "little")
        compression = int.from_bytes(data[30:34], "little")
        image_size = int.from_bytes(data[34:38], "little")
    else:
        return len(data) >= offset
    if compression in (0, 3, 6):  # uncompressed (RGB, BITFIELDS, ALPHABITFIELDS): rows of 4-byte words
        image_size = (abs(width) * bits + 31) // 32 * 4 * abs(height)
    return len(data) >= offset + image_size


def _gif_complete(data: bytes) -> bool:
    """True when the GIF's blocks (extensions and images with their data sub-blocks) reach the trailer."""
    n = len(data)
    if n < 13:
        return False
    pos = 13
    if data[10] & 0x80:  # global colour table
        pos += 3 << ((data[10] & 0x07) + 1)
    while pos < n:
        block = data[pos]
        if block == 0x3B:  # trailer
            return True
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
        elif block == 0x2C:  # image descriptor, optional local colour table, LZW code size, sub-blocks
            if pos + 10 > n:
                return False
            flags = data[pos + 9]
            pos += 10
            if flags & 0x80:
                pos += 3 << ((flags & 0x07) + 1)
            pos += 1
        else:
            return True  # not a block we know: leave the verdict to the decoder
        while pos < n and data[pos] != 0:  # data sub-blocks, each a length byte then that many bytes
            pos += data[pos] + 1
        pos += 1
    return False
