"""Your own images: an image folder (one subfolder per class) or IDX files become a Dataset that trains;
bad folders are refused with the files named; a photo-like image is converted with its aspect kept."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

import explainer.data.own as own
from explainer import load_image
from explainer.architectures import ArchitectureSpec, build
from explainer.data import UserDataset, read_image_folder, read_user_data, to_input
from explainer.data.preprocess import fit_frame
from explainer.errors import BadInputError
from explainer.train import evaluate, make_optimizer, train_iter


def write_png(path: Path, pixels: np.ndarray) -> Path:
    """Save ``pixels`` (``(H, W)`` or ``(H, W, 3)`` uint8) as a PNG, making the folders on the way."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if pixels.ndim == 2 else QImage.Format.Format_RGB888
    assert QImage(pixels.tobytes(), w, h, pixels.strides[0], fmt).copy().save(str(path))
    return path


def shape_image(kind: str, h: int, w: int, shift: int) -> np.ndarray:
    """A white ``kind`` ("bar": a horizontal bar, "post": a vertical one) on black paper."""
    image = np.zeros((h, w), np.uint8)
    cy, cx = h // 2 + shift, w // 2 - shift
    if kind == "bar":
        image[cy - h // 10 : cy + h // 10, w // 6 : w - w // 6] = 255
    else:
        image[h // 6 : h - h // 6, cx - w // 10 : cx + w // 10] = 255
    return image


def shapes_folder(root: Path, per_class: int = 6) -> Path:
    """``root/bar`` and ``root/post``, ``per_class`` PNGs each, of several sizes."""
    for kind in ("post", "bar"):
        for i in range(per_class):
            h, w = (40 + 7 * i, 30 + 11 * i)
            write_png(root / kind / f"{i}.png", shape_image(kind, h, w, i % 3 - 1))
    return root


def test_an_image_folder_trains_and_evaluates(tmp_path: Path) -> None:
    data = read_image_folder(shapes_folder(tmp_path / "shapes", per_class=8), load_image)
    assert data.class_names == ("bar", "post")
    assert data.counts == (8, 8) and data.skipped == ()
    assert len(data.sizes) == 8  # mixed sizes, each scaled to 28x28
    inputs = data.inputs()
    assert inputs.shape == (16, 1, 28, 28) and inputs.dtype == np.float32
    assert inputs.min() >= 0.0 and inputs.max() <= 1.0

    dataset = data.dataset
    assert dataset.class_names == ("bar", "post") and dataset.directory() == tmp_path / "shapes"
    (train_x, train_y), (val_x, val_y) = dataset.splits(dataset.directory())
    assert len(val_x) == data.validation_size == 3 and len(train_x) == 13
    assert set(val_y.tolist()) == {0, 1}, "the validation set holds a share of every class"
    assert dataset.test_set(dataset.directory())[0].shape == (3, 28, 28)
    samples, sample_labels = dataset.load_samples()
    assert samples.dtype == np.uint8 and sorted(set(sample_labels.tolist())) == [0, 1]

    spec = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), dense=())
    model = build(spec, np.random.default_rng(0), dataset)
    assert list(model.class_names) == ["bar", "post"]
    before = evaluate(model, val_x, val_y)
    records = list(
        train_iter(
            model,
            (train_x, train_y),
            (val_x, val_y),
            epochs=15,
            batch_size=4,
            rng=np.random.default_rng(0),
            optimizer=make_optimizer(model, "adam", 0.01),
        )
    )
    assert records[-1].done and records[-1].val_accuracy is not None
    after = evaluate(model, np.concatenate([train_x, val_x]), np.concatenate([train_y, val_y]))
    assert after > max(before, 0.75), f"bars and posts should be told apart: {before:.2f} -> {after:.2f}"


def test_unreadable_files_are_skipped_and_listed(tmp_path: Path) -> None:
    root = shapes_folder(tmp_path / "shapes", per_class=2)
    (root / "bar" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    (root / "post" / "notes.txt").write_text("taken on Tuesday")
    (root / "post" / ".DS_Store").write_bytes(b"hidden")
    (root / "loose.png").write_bytes((root / "bar" / "0.png").read_bytes())
    data = read_image_folder(root, load_image)
    assert data.counts == (2, 2)
    skipped = {item.path.name: str(item.error) for item in data.skipped}
    assert set(skipped) == {"broken.png", "notes.txt", "loose.png"}
    assert all(name in message for name, message in skipped.items())
    assert "not an image file" in skipped["notes.txt"] and "not in a class folder" in skipped["loose.png"]


def test_huge_images_are_skipped_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shapes_folder(tmp_path / "shapes", per_class=2)
    write_png(root / "bar" / "huge.png", shape_image("bar", 300, 400, 0))
    monkeypatch.setattr(own, "MAX_PIXELS", 100_000)
    data = read_image_folder(root, load_image)
    assert data.counts == (2, 2)
    (item,) = data.skipped
    assert item.path.name == "huge.png" and "too large (400x300 pixels" in str(item.error)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda root: write_png(root / "only" / "a.png", shape_image("bar", 30, 30, 0)), "found 1: only"),
        (lambda root: root.mkdir(), "found 0"),
        (lambda root: (root / "empty").mkdir(parents=True), "without a usable image: empty"),
        (
            lambda root: (
                (root / "broken").mkdir(parents=True) or (root / "broken" / "x.jpg").write_bytes(b"no")
            ),
            "without a usable image: broken (files that cannot be used: x.jpg)",
        ),
    ],
    ids=["one class", "no class", "empty class", "nothing readable"],
)
def test_bad_folders_are_refused_naming_them(tmp_path: Path, make, expected: str) -> None:
    root = tmp_path / "mine"
    if expected != "found 1: only" and expected != "found 0":
        shapes_folder(root, per_class=1)
    make(root)
    with pytest.raises(BadInputError, match="mine") as caught:
        read_image_folder(root, load_image)
    assert expected in str(caught.value)


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    path = write_png(tmp_path / "a.png", shape_image("bar", 30, 30, 0))
    with pytest.raises(BadInputError, match=r"a\.png: not a folder"):
        read_image_folder(path, load_image)


def test_too_many_images_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(own, "MAX_IMAGES", 3)
    with pytest.raises(BadInputError, match="4 files, more than the 3"):
        read_image_folder(shapes_folder(tmp_path / "shapes", per_class=2), load_image)


def photo(path: Path) -> Path:
    """A photo-like picture: a bright, lit ellipse (twice as wide as high) off-centre on grey, 160x240."""
    yy, xx = np.mgrid[0:160, 0:240].astype(np.float32)
    inside = ((yy - 60) / 25) ** 2 + ((xx - 140) / 50) ** 2 <= 1.0
    rng = np.random.default_rng(1)
    grey = 100 + rng.normal(0, 3, (160, 240))
    shade = 200 + 40 * (xx - 90) / 100
    pixels = np.clip(np.where(inside, shade, grey), 0, 255).astype(np.uint8)
    return write_png(path, np.repeat(pixels[..., None], 3, axis=2))


def box(image: np.ndarray, level: float = 0.3) -> tuple[int, int, int, int]:
    rows = np.flatnonzero((image > level).any(axis=1))
    cols = np.flatnonzero((image > level).any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def test_a_photo_is_converted_with_its_aspect_kept_and_centred(tmp_path: Path) -> None:
    ink = load_image(photo(tmp_path / "photo.png"))
    x = to_input(ink)
    assert x.shape == (28, 28) and x.dtype == np.float32 and x.min() >= 0.0 and x.max() <= 1.0
    top, bottom, left, right = box(x)
    assert (left, right) == (0, 28), "the longer side fills the frame"
    assert abs((bottom - top) - 14) <= 1, "the ellipse is twice as wide as high"
    assert abs((top + bottom) / 2 - 14) <= 1, "its box is centred"
    assert x.max() > 0.95 and x[0, :].max() < 0.05, "grey background is black"

    whole = to_input(ink, centre=False)
    top, bottom, left, right = box(whole, 0.1)
    assert (top + bottom) / 2 < 12.5 and (left + right) / 2 > 15.5, "not centred: it stays up and right"

    inverted = to_input(ink, invert=True, centre=False)
    np.testing.assert_allclose(inverted, fit_frame(1.0 - ink), atol=1e-6)
    assert inverted[:4].max() < 1e-6 and inverted[14, 2] > 0.9, "padding black, the grey backdrop bright"


def write_idx(path: Path, array: np.ndarray) -> Path:
    """``array`` (uint8) as an IDX file."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())
    return path


def test_idx_files_are_a_data_set(tmp_path: Path) -> None:
    images = np.stack([shape_image("bar" if i % 2 else "post", 32, 20, 0) for i in range(10)])
    labels = np.array([3 if i % 2 else 7 for i in range(10)], np.uint8)
    write_idx(tmp_path / "mine-images-idx3-ubyte", images)
    write_idx(tmp_path / "mine-labels-idx1-ubyte", labels)
    data = read_user_data(tmp_path, load_image)
    assert isinstance(data, UserDataset) and data.class_names == ("3", "7") and data.counts == (5, 5)
    assert data.images.shape == (10, 28, 28) and data.sizes == {(32, 20): 10}
    assert data.dataset.splits(tmp_path)[1][0].shape == (2, 28, 28)

    write_idx(tmp_path / "mine-labels-idx1-ubyte", np.full(10, 4, np.uint8))
    with pytest.raises(BadInputError, match="needs at least 2 classes, but every label is 4"):
        read_user_data(tmp_path, load_image)


def test_a_folder_named_like_a_bundled_data_set_gets_another_name(tmp_path: Path) -> None:
    data = read_image_folder(shapes_folder(tmp_path / "photos" / "MNIST", per_class=1), load_image)
    assert data.dataset.name == "MNIST (photos)" and data.dataset is data.dataset
