"""A small animated-GIF (GIF89a) writer in NumPy: shared palette, LZW, delta frames, endless loop.

The app has no Pillow, so the conv animation export writes GIF files itself. Frames share one global palette
of at most 255 colours taken from the frames themselves (every colour when they fit, else the frequent ones
exactly plus a median cut of the others; a pixel without an exact entry gets the nearest palette colour).
Index 255 is reserved for "transparent": each frame after the first stores only the bounding box of what
changed, with unchanged pixels transparent, so the sliding-kernel animation stays small and fast to encode.
"""

from __future__ import annotations

import itertools
import struct
from array import array
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MAX_COLOURS = 255
"""Palette entries available for colours; the 256th is the transparent index of the delta frames."""

TRANSPARENT = 255
"""Palette index meaning "keep the previous frame's pixel"."""


def _pack(rgb: np.ndarray) -> np.ndarray:
    """Pack RGB triplets into one int32 each.

    Shape:
        rgb: ``(..., 3)`` uint8 -> ``(...)`` int32.
    """
    rgb = rgb.astype(np.int32)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def _unpack(packed: np.ndarray) -> np.ndarray:
    """Inverse of ``_pack``.

    Shape:
        packed: ``(P,)`` int32 -> ``(P, 3)`` uint8.
    """
    return np.stack([(packed >> 16) & 255, (packed >> 8) & 255, packed & 255], axis=-1).astype(np.uint8)


def build_palette(frames: Sequence[np.ndarray]) -> np.ndarray:
    """The shared palette: every colour of the pixels when there are at most 255, else a reduced set.

    A reduced palette keeps the frequent colours exactly (flat backgrounds, map cells: up to half the
    entries, each covering at least 0.1 % of the pixels) and fills the rest by median cut over the other
    colours (anti-aliased edges, gradients).

    Shape:
        frames: each ``(..., 3)`` uint8 (whole frames or just the pixels that matter). Returns ``(P, 3)``
        uint8 with ``1 <= P <= 255``.
    """
    return _palette(*_count_colours([_pack(f) for f in frames]))


def _count_colours(packed: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct packed colours of all the arrays and how many pixels have each.

    Shape:
        packed: any shapes, int32; returns ``(U,)`` colours and ``(U,)`` counts.
    """
    parts = [np.unique(values, return_counts=True) for values in packed]
    colours, inverse = np.unique(np.concatenate([c for c, _ in parts]), return_inverse=True)
    counts = np.bincount(inverse, weights=np.concatenate([n for _, n in parts]), minlength=colours.size)
    return colours, counts.astype(np.int64)


def _palette(colours: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Choose at most 255 palette colours from distinct packed colours and their pixel counts.

    Shape:
        colours, counts: ``(U,)``; returns ``(P, 3)`` uint8.
    """
    if colours.size <= MAX_COLOURS:
        return _unpack(colours)
    order = np.argsort(counts, kind="stable")[::-1]
    frequent = order[: MAX_COLOURS // 2]
    frequent = frequent[counts[frequent] >= counts.sum() / 1000]
    rest = np.setdiff1d(order, frequent)
    cut = _median_cut(_unpack(colours[rest]).astype(np.float64), counts[rest], MAX_COLOURS - frequent.size)
    return np.concatenate([_unpack(colours[frequent]), cut]).astype(np.uint8)


def _median_cut(rgb: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Split the colours into ``n`` boxes at weighted medians of their widest channel; one mean per box.

    Shape:
        rgb: ``(U, 3)`` float; weights ``(U,)``. Returns ``(min(n, U), 3)`` uint8.
    """

    def span(box: np.ndarray) -> float:
        return float(np.ptp(rgb[box], axis=0).max()) if box.size > 1 else -1.0

    boxes = [np.arange(len(rgb))]
    spans = [span(boxes[0])]
    while len(boxes) < n:
        widest = int(np.argmax(spans))
        if spans[widest] <= 0:
            break
        box = boxes.pop(widest)
        spans.pop(widest)
        channel = int(np.ptp(rgb[box], axis=0).argmax())
        box = box[np.argsort(rgb[box, channel], kind="stable")]
        cumulative = np.cumsum(weights[box])
        split = int(np.clip(np.searchsorted(cumulative, cumulative[-1] / 2), 1, box.size - 1))
        for half in (box[:split], box[split:]):
            boxes.append(half)
            spans.append(span(half))
    means = [np.average(rgb[box], axis=0, weights=weights[box]) for box in boxes]
    return np.round(np.array(means)).astype(np.uint8)


class Quantizer:
    """Maps packed colours to palette indices through a table over all 2**24 colours, filled as needed.

    The nearest palette entry is searched once per distinct colour over the whole animation; every
    later pixel of that colour is a table lookup.
    """

    def __init__(self, palette: np.ndarray) -> None:
        self.palette = palette
        # 255 marks "not looked up yet" (it is never a colour entry: those are 0..254).
        self.table = np.full(1 << 24, TRANSPARENT, np.uint8)
        packed = _pack(palette)
        self.table[packed] = np.arange(len(palette), dtype=np.uint8)

    def __call__(self, packed: np.ndarray) -> np.ndarray:
        """Palette indices of packed colours.

        Shape:
            packed: any shape, int32 from ``_pack``; returns the same shape, uint8.
        """
        indices = self.table[packed]
        unknown = indices == TRANSPARENT
        if unknown.any():
            colours = np.unique(packed[unknown])
            rgb = _unpack(colours).astype(np.int32)
            reference = self.palette.astype(np.int32)
            for start in range(0, colours.size, 4096):
                block = rgb[start : start + 4096, None, :] - reference[None]
                self.table[colours[start : start + 4096]] = (block * block).sum(-1).argmin(axis=1)
            indices = self.table[packed]
        return indices


def quantize(frame: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Palette index of every pixel: exact where the colour is in the palette, else the nearest one.

    Shape:
        frame: ``(..., 3)`` uint8; palette ``(P, 3)`` uint8. Returns ``(...)`` uint8.
    """
    return Quantizer(palette)(_pack(frame))


def lzw_encode(indices: np.ndarray, min_code_size: int) -> bytes:
    """GIF-flavoured LZW of a stream of palette indices (variable code width, clear code when full).

    Runs of one value (flat backgrounds, the transparent pixels of delta frames) are consumed a whole
    table entry at a time instead of pixel by pixel: the strings "v", "vv", "vvv", ... in the table are
    tracked, so the greedy match through a run is known without looking each pixel up.

    Shape:
        indices: ``(N,)`` uint8 values below ``2 ** min_code_size``, N >= 1.
    """
    clear = 1 << min_code_size
    end = clear + 1
    out = bytearray()
    bits = 0
    n_bits = 0

    def emit(code: int, width: int) -> None:
        nonlocal bits, n_bits
        bits |= code << n_bits
        n_bits += width
        while n_bits >= 8:
            out.append(bits & 255)
            bits >>= 8
            n_bits -= 8

    def fresh() -> tuple[dict[int, int], list[list[int]], dict[int, tuple[int, int]]]:
        # The string table, the codes of "v" repeated 1, 2, ... times, and (value, length) of those codes.
        return {}, [[v] for v in range(clear)], {v: (v, 1) for v in range(clear)}

    pixels = np.ascontiguousarray(indices, np.uint8).ravel()
    starts = np.flatnonzero(np.diff(pixels)) + 1
    bounds = np.concatenate([starts, [pixels.size]])
    # Where the run holding each pixel ends; bytes and array index to Python ints without conversion.
    run_end = array("q", np.repeat(bounds, np.diff(np.concatenate([[0], bounds]))).astype(np.int64).tobytes())
    stream = pixels.tobytes()
    width = min_code_size + 1
    table, runs, pure = fresh()
    next_code = end + 1
    emit(clear, width)
    prefix = stream[0]
    i = 1
    n = len(stream)
    while i < n:
        pixel = stream[i]
        run = pure.get(prefix)
        if run is not None and run[0] == pixel:
            known = len(runs[pixel])
            available = run_end[i] - i
            if run[1] + available <= known:
                prefix = runs[pixel][run[1] + available - 1]
                i += available
                continue
            # Match the longest known run; the next pixel of the run is a miss, handled below.
            i += known - run[1]
            prefix = runs[pixel][known - 1]
        key = (prefix << 8) | pixel
        code = table.get(key)
        if code is not None:
            prefix = code
            i += 1
            continue
        emit(prefix, width)
        if next_code < 4096:
            table[key] = next_code
            if pure.get(prefix) == (pixel, len(runs[pixel])):
                runs[pixel].append(next_code)
                pure[next_code] = (pixel, len(runs[pixel]))
            # The decoder widens one code later than the encoder adds it, hence the strict comparison.
            if next_code == (1 << width) and width < 12:
                width += 1
            next_code += 1
        else:
            emit(clear, width)
            table, runs, pure = fresh()
            width = min_code_size + 1
            next_code = end + 1
        prefix = pixel
        i += 1
    emit(prefix, width)
    emit(end, width)
    if n_bits:
        out.append(bits & 255)
    return bytes(out)


def _sub_blocks(data: bytes) -> bytes:
    """Split ``data`` into GIF data sub-blocks of at most 255 bytes, ended by a zero-length block."""
    parts = [bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)]
    return b"".join(parts) + b"\x00"


def encode_gif(frames: Sequence[np.ndarray], delay_ms: int = 100, loop: int = 0) -> bytes:
    """Encode RGB frames as an animated GIF89a that loops ``loop`` times (0 = forever).

    Shape:
        frames: a non-empty sequence of ``(H, W, 3)`` uint8 arrays, all the same size.
    """
    if not frames:
        raise ValueError("encode_gif needs at least one frame")
    height, width = frames[0].shape[:2]
    if any(f.shape != (height, width, 3) for f in frames):
        raise ValueError(f"every GIF frame must be ({height}, {width}, 3) uint8 like the first one")
    # Each frame after the first keeps only the box around the pixels that changed; only those pixels
    # need palette entries and quantising, which keeps a long animation cheap.
    packed = [_pack(frame) for frame in frames]
    patches: list[tuple[int, int, np.ndarray, np.ndarray | None]] = [(0, 0, packed[0], None)]
    for before, frame in itertools.pairwise(packed):
        changed = frame != before
        rows, cols = np.nonzero(changed)
        if rows.size == 0:
            patches.append((0, 0, frame[:1, :1], np.zeros((1, 1), bool)))
            continue
        box = (slice(int(rows.min()), int(rows.max()) + 1), slice(int(cols.min()), int(cols.max()) + 1))
        patches.append((box[0].start, box[1].start, frame[box], changed[box]))
    palette = _palette(*_count_colours([c if m is None else c[m] for _, _, c, m in patches]))
    to_index = Quantizer(palette)
    table = np.zeros((256, 3), np.uint8)
    table[: len(palette)] = palette
    delay = max(1, round(delay_ms / 10))
    out = bytearray(b"GIF89a")
    # Logical screen: global colour table of 2**8 entries (flag 0x80, colour resolution 7, size field 7).
    out += struct.pack("<HHBBB", width, height, 0xF7, 0, 0)
    out += table.tobytes()
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", loop) + b"\x00"
    for top, left, colours, mask in patches:
        indices = to_index(colours)
        if mask is not None:
            # Unchanged pixels show the frame below (same colour, so the same palette entry).
            indices[~mask] = TRANSPARENT
        # Graphic control: disposal 1 (keep this frame under the next), transparent index on.
        out += b"\x21\xf9\x04" + struct.pack("<BHBB", (1 << 2) | 1, delay, TRANSPARENT, 0)
        out += b"\x2c" + struct.pack("<HHHHB", left, top, indices.shape[1], indices.shape[0], 0)
        out += b"\x08" + _sub_blocks(lzw_encode(indices.ravel(), 8))
    out += b"\x3b"
    return bytes(out)


def save_gif(path: str | Path, frames: Sequence[np.ndarray], delay_ms: int = 100, loop: int = 0) -> Path:
    """Write ``encode_gif(frames, delay_ms, loop)`` to ``path`` and return the path.

    Shape:
        frames: each ``(H, W, 3)`` uint8.
    """
    path = Path(path)
    path.write_bytes(encode_gif(frames, delay_ms, loop))
    return path
