"""The drawing canvas, the 28x28 preview and the sample gallery, driven by synthetic mouse and keys."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from explainer.data import MNIST
from explainer.errors import BadInputError
from explainer.gui.canvas import BRUSH_MAX, BRUSH_MIN, CANVAS_SIZE, UNDO_LIMIT, DrawingCanvas, InputPreview
from explainer.gui.gallery import SampleGallery


def stroke(
    canvas: DrawingCanvas, points: list[tuple[int, int]], button: Qt.MouseButton = Qt.LeftButton
) -> None:
    """Press at the first point, move through the others, release at the last."""
    QTest.mousePress(canvas, button, Qt.NoModifier, QPoint(*points[0]))
    for point in points[1:]:
        QTest.mouseMove(canvas, QPoint(*point))
    QTest.mouseRelease(canvas, button, Qt.NoModifier, QPoint(*points[-1]))


@pytest.fixture
def canvas(qtbot) -> DrawingCanvas:
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_canvas_starts_black_with_the_contract_names(canvas: DrawingCanvas) -> None:
    assert canvas.objectName() == "canvas"
    assert canvas.is_blank()
    assert canvas.image().shape == (CANVAS_SIZE, CANVAS_SIZE)
    assert canvas.image().dtype == np.float32
    assert not canvas.can_undo()


def test_a_stroke_paints_white_antialiased_ink_along_its_path(canvas: DrawingCanvas) -> None:
    stroke(canvas, [(60, 140), (140, 140), (220, 140)])
    image = canvas.image()
    assert image[140, 60:221].min() == pytest.approx(1.0)  # solid on the path
    assert image[20, 140] == 0.0 and image[260, 140] == 0.0  # untouched far away
    edge = image[140 - canvas.brush_size() // 2 - 1 : 140 - canvas.brush_size() // 2 + 2, 140]
    assert ((edge > 0) & (edge < 1)).any(), "the brush edge should be anti-aliased (grey levels)"
    assert float(image.max()) <= 1.0 and float(image.min()) >= 0.0


def test_sig_changed_fires_during_the_stroke_not_only_on_release(canvas: DrawingCanvas) -> None:
    changes: list[int] = []
    finished: list[int] = []
    canvas.sigChanged.connect(lambda: changes.append(1))
    canvas.sigStrokeFinished.connect(lambda: finished.append(1))
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(50, 50))
    for x in range(60, 200, 20):
        QTest.mouseMove(canvas, QPoint(x, 100))
    assert len(changes) >= 7 and not finished
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(200, 100))
    assert finished == [1]


def test_pixels_is_a_zero_copy_view_that_follows_the_drawing(canvas: DrawingCanvas) -> None:
    view = canvas.pixels()
    assert view.dtype == np.uint8 and not view.flags.writeable
    stroke(canvas, [(100, 100), (180, 180)])
    assert view[140, 140] == 255
    assert view is canvas.pixels()
    np.testing.assert_allclose(canvas.image(), view / 255.0, atol=1e-6)


def test_right_button_and_eraser_mode_erase(canvas: DrawingCanvas) -> None:
    stroke(canvas, [(40, 140), (240, 140)])
    stroke(canvas, [(100, 140), (120, 140)], Qt.RightButton)
    assert canvas.image()[140, 110] == 0.0 and canvas.image()[140, 200] == 1.0
    canvas.set_eraser(True)
    stroke(canvas, [(190, 140), (210, 140)])
    assert canvas.image()[140, 200] == 0.0 and canvas.image()[140, 60] == 1.0


@pytest.mark.parametrize("brush", [BRUSH_MIN, 24, BRUSH_MAX])
def test_erasing_along_a_stroke_leaves_no_grey_halo(canvas: DrawingCanvas, brush: int) -> None:
    # The anti-aliased eraser left up to 63/255 on the stroke's rim, a halo to_mnist blew up to the box.
    canvas.set_brush_size(brush)
    path = [(60 + 10 * i, 100 + 3 * i) for i in range(16)]
    stroke(canvas, path)
    assert canvas.pixels().max() == 255
    stroke(canvas, path, Qt.RightButton)
    assert canvas.is_blank(), f"left {int((canvas.pixels() > 0).sum())} pixels, max {canvas.pixels().max()}"


def test_undo_restores_each_previous_stroke_exactly(canvas: DrawingCanvas) -> None:
    stroke(canvas, [(50, 50), (200, 50)])
    after_first = canvas.pixels().copy()
    stroke(canvas, [(50, 200), (200, 200)])
    assert not np.array_equal(canvas.pixels(), after_first)
    assert canvas.undo()
    np.testing.assert_array_equal(canvas.pixels(), after_first)
    assert canvas.undo()
    assert canvas.is_blank()
    assert not canvas.undo()


def test_undo_history_is_bounded(canvas: DrawingCanvas) -> None:
    for i in range(UNDO_LIMIT + 10):
        stroke(canvas, [(10 + i * 4 % 260, 20), (10 + i * 4 % 260, 260)])
    undone = 0
    while canvas.undo():
        undone += 1
    assert undone == UNDO_LIMIT
    assert not canvas.is_blank(), "the oldest strokes are beyond the history"


def test_clear_is_undoable_and_a_no_op_on_a_blank_canvas(canvas: DrawingCanvas) -> None:
    canvas.clear()
    assert not canvas.can_undo()
    stroke(canvas, [(100, 100), (150, 150)])
    drawn = canvas.pixels().copy()
    canvas.clear()
    assert canvas.is_blank()
    canvas.undo()
    np.testing.assert_array_equal(canvas.pixels(), drawn)


def test_set_image_fits_keeps_aspect_and_centres(canvas: DrawingCanvas) -> None:
    wide = np.zeros((10, 40), np.float32)
    wide[:, :] = 1.0
    canvas.set_image(wide)
    image = canvas.image()
    rows = np.flatnonzero(image.max(axis=1) > 0.5)
    cols = np.flatnonzero(image.max(axis=0) > 0.5)
    assert cols.min() == 0 and cols.max() == CANVAS_SIZE - 1
    assert rows.max() - rows.min() + 1 == pytest.approx(CANVAS_SIZE / 4, abs=2)
    assert (rows.min() + rows.max()) / 2 == pytest.approx(CANVAS_SIZE / 2, abs=2)
    canvas.undo()
    assert canvas.is_blank()


def test_set_image_accepts_uint8_and_rejects_non_images(canvas: DrawingCanvas) -> None:
    digit = np.zeros((28, 28), np.uint8)
    digit[4:24, 12:16] = 255
    canvas.set_image(digit)
    assert canvas.image()[140, 140] == pytest.approx(1.0)
    with pytest.raises(BadInputError, match="2-D"):
        canvas.set_image(np.zeros((3, 28, 28)))
    with pytest.raises(BadInputError):
        canvas.set_image(np.zeros((0, 5)))
    assert canvas.image()[140, 140] == pytest.approx(1.0), "a rejected image leaves the canvas as it was"


def test_brush_size_is_clamped_and_changes_the_stroke_width(canvas: DrawingCanvas) -> None:
    canvas.set_brush_size(1000)
    assert canvas.brush_size() == BRUSH_MAX
    canvas.set_brush_size(0)
    assert canvas.brush_size() == BRUSH_MIN
    stroke(canvas, [(40, 100), (240, 100)])
    thin = int((canvas.pixels()[:, 140] > 127).sum())
    canvas.set_brush_size(40)
    stroke(canvas, [(40, 200), (240, 200)])
    thick = int((canvas.pixels()[150:, 140] > 127).sum())
    assert thin == pytest.approx(BRUSH_MIN, abs=2) and thick == pytest.approx(40, abs=2)


def test_display_size_scales_the_widget_not_the_image(canvas: DrawingCanvas) -> None:
    canvas.set_display_size(560)
    assert canvas.width() == 560
    stroke(canvas, [(280, 100), (280, 460)])
    assert canvas.pixels().shape == (CANVAS_SIZE, CANVAS_SIZE)
    assert canvas.pixels()[140, 140] == 255  # widget (280, 280) is image (140, 140)


def test_input_preview_shows_values_and_clears(qtbot) -> None:
    preview = InputPreview()
    qtbot.addWidget(preview)
    x = np.zeros((28, 28), np.float32)
    x[10, 3] = 0.5
    preview.set_input(x)
    image = preview.grab().toImage()
    # 112 px for 28 pixels: 4 screen pixels per input pixel, nearest-neighbour.
    assert image.pixelColor(3 * 4 + 2, 10 * 4 + 2).red() == pytest.approx(128, abs=2)
    assert image.pixelColor(20 * 4 + 2, 20 * 4 + 2).red() == 0
    preview.set_input(None)
    assert preview.grab().toImage().pixelColor(3 * 4 + 2, 10 * 4 + 2).red() == 0


def write_samples(path, images: np.ndarray, labels: np.ndarray) -> None:
    np.savez(path, images=images, labels=labels)


def test_load_samples_checks_the_file(tmp_path) -> None:
    images = np.arange(3 * 28 * 28, dtype=np.uint32).reshape(3, 28, 28).astype(np.uint8)
    write_samples(tmp_path / "ok.npz", images, np.array([7, 2, 1]))
    loaded, labels = MNIST.load_samples(tmp_path / "ok.npz")
    np.testing.assert_array_equal(loaded, images)
    assert labels.tolist() == [7, 2, 1]
    write_samples(tmp_path / "shape.npz", images[:, :20], np.array([7, 2, 1]))
    with pytest.raises(BadInputError, match="28, 28"):
        MNIST.load_samples(tmp_path / "shape.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip at all")
    with pytest.raises(BadInputError, match=r"junk\.npz"):
        MNIST.load_samples(tmp_path / "junk.npz")
    with pytest.raises(BadInputError, match=r"missing\.npz"):
        MNIST.load_samples(tmp_path / "missing.npz")


def test_gallery_click_and_enter_pick_a_digit(qtbot) -> None:
    gallery = SampleGallery()
    qtbot.addWidget(gallery)
    images = np.zeros((4, 28, 28), np.uint8)
    for i in range(4):
        images[i, i + 5, :] = 200
    gallery.set_samples(images, np.array([3, 1, 4, 1]))
    gallery.resize(300, 200)
    gallery.show()
    qtbot.waitExposed(gallery)
    assert gallery.count_samples() == 4 and gallery.item(2).text() == "4"
    picked: list[tuple[np.ndarray, int]] = []
    gallery.sigDigitChosen.connect(lambda image, label: picked.append((image, label)))
    rect = gallery.visualItemRect(gallery.item(2))
    QTest.mouseClick(gallery.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    assert len(picked) == 1 and picked[0][1] == 4
    np.testing.assert_array_equal(picked[0][0], images[2])
    gallery.setCurrentRow(1)
    QTest.keyClick(gallery, Qt.Key_Return)
    assert picked[-1][1] == 1
    np.testing.assert_array_equal(picked[-1][0], images[1])
