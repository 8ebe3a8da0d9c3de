"""The NumPy GIF89a writer and the conv animation export, read back with Qt's own GIF reader."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

from explainer.core import reference_net
from explainer.gui.kit.animation import image_rgb
from explainer.gui.kit.gif import build_palette, encode_gif, lzw_encode, quantize, save_gif
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.layers.conv import ConvView


def read_frames(path: Path) -> tuple[list[np.ndarray], QImageReader]:
    """Every frame of a GIF as RGB arrays, decoded by Qt.

    Shape:
        each frame ``(H, W, 3)`` uint8.
    """
    reader = QImageReader(str(path))
    assert reader.canRead(), reader.errorString()
    frames = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        frames.append(image_rgb(image))
    return frames, reader


def test_frames_round_trip_exactly(qtbot, tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    colours = rng.integers(0, 256, (200, 3), dtype=np.uint8)
    first = colours[rng.integers(0, 200, (90, 130))]
    second = first.copy()
    second[10:30, 40:90] = colours[7]
    frames = [first, second, second.copy(), colours[rng.integers(0, 200, (90, 130))]]
    path = save_gif(tmp_path / "noise.gif", frames, delay_ms=70)
    decoded, reader = read_frames(path)
    assert len(decoded) == 4
    for original, back in zip(frames, decoded, strict=True):
        np.testing.assert_array_equal(back, original)
    assert reader.loopCount() == -1  # Qt's value for "loop forever"
    assert path.read_bytes()[:6] == b"GIF89a"
    assert b"NETSCAPE2.0" in path.read_bytes()


def test_more_than_255_colours_map_to_the_nearest(qtbot, tmp_path: Path) -> None:
    ramp = np.stack(np.meshgrid(np.arange(256), np.arange(64), indexing="xy"), -1)
    frame = np.concatenate([ramp[..., :1], ramp[..., 1:] * 4, ramp[..., :1]], axis=-1).astype(np.uint8)
    palette = build_palette([frame])
    assert len(palette) == 255
    indices = quantize(frame, palette)
    error = np.abs(palette[indices].astype(int) - frame.astype(int)).max()
    assert error <= 64
    decoded, _ = read_frames(save_gif(tmp_path / "ramp.gif", [frame]))
    np.testing.assert_array_equal(decoded[0], palette[indices])


def test_lzw_starts_with_a_clear_code_and_ends_with_stop() -> None:
    data = lzw_encode(np.zeros(10, np.uint8), 8)
    # 9-bit codes: clear (256) first; the stream ends with the end code (257).
    assert data[0] == 0 and data[1] & 1 == 1
    assert len(data) < 10


def test_empty_or_mismatched_frames_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        encode_gif([])
    with pytest.raises(ValueError, match="like the first"):
        encode_gif([np.zeros((4, 4, 3), np.uint8), np.zeros((5, 4, 3), np.uint8)])


def test_conv_animation_exports_as_gif(qtbot, tmp_path: Path) -> None:
    trace = reference_net(np.random.default_rng(0)).trace(synthetic_digit().reshape(1, 1, 28, 28))
    view = ConvView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_trace(trace, 0, 0)
    view.player.set_step(30)
    expected = image_rgb(view.stage.grab().toImage())
    view.player.set_step(3)
    path = view.export_gif(tmp_path / "conv.gif", range(30, 36))
    assert view.player.step() == 3
    decoded, _ = read_frames(path)
    assert len(decoded) == 6
    assert decoded[0].shape == expected.shape
    # Flat colours come back exactly; anti-aliased edges get a near palette colour.
    assert (decoded[0] == expected).all(axis=-1).mean() > 0.9
    assert np.abs(decoded[0].astype(int) - expected.astype(int)).mean() < 2.0
    assert not np.array_equal(decoded[0], decoded[5])
    assert QImage(str(path)).width() == expected.shape[1]
