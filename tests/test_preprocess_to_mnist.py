"""to_mnist: crop, scale into 20x20, centre of mass at pixel (14, 14), the way MNIST was made."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.data import load_mnist, mnist_dir
from explainer.data.preprocess import to_mnist
from explainer.errors import BadInputError


def centre_of_mass(img: np.ndarray) -> tuple[float, float]:
    """Centre of mass in pixel indices (pixel i's centre at i), the convention MNIST's digits follow."""
    mass = img.sum()
    return float(np.arange(img.shape[0]) @ img.sum(axis=1) / mass), float(
        np.arange(img.shape[1]) @ img.sum(axis=0) / mass
    )


def ink_box(img: np.ndarray) -> tuple[int, int]:
    rows = np.flatnonzero(img.any(axis=1))
    cols = np.flatnonzero(img.any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def canvas(h: int, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:h, 0:w]
    return np.zeros((h, w), np.float32), yy, xx


def disc(h: int, w: int, cy: float, cx: float, r: float) -> np.ndarray:
    img, yy, xx = canvas(h, w)
    img[(yy - cy) ** 2 + (xx - cx) ** 2 <= r * r] = 1.0
    return img


def shapes() -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    img, _, _ = canvas(280, 280)
    img[130:150, 40:240] = 1.0
    out["horizontal bar"] = img
    out["vertical bar (a 1)"] = np.ascontiguousarray(img.T)
    out["disc"] = disc(280, 280, 140, 140, 90)
    out["off-centre blob"] = disc(280, 280, 30, 250, 18)
    img, yy, xx = canvas(280, 280)
    ring = np.hypot(yy - 100, xx - 180)
    img[(ring > 50) & (ring < 70)] = 1.0
    out["ring (a 0)"] = img
    img, _, _ = canvas(280, 280)
    img[40:240, 60:80] = 1.0
    img[220:240, 60:200] = 1.0
    out["L shape"] = img
    img, _, _ = canvas(280, 280)
    img[200:203, 10:13] = 1.0
    out["tiny dot"] = img
    img, _, _ = canvas(10, 10)
    img[4, 6] = 1.0
    out["single pixel"] = img
    out["huge"] = disc(1500, 2000, 600, 1100, 500)
    img, _, _ = canvas(300, 200)
    img[::2, :] = 1.0  # one-pixel stripes: shrinking must average them, not alias
    out["stripes"] = img
    return out


SHAPES = shapes()


@pytest.mark.parametrize("name", list(SHAPES))
def test_centre_of_mass_and_box(name: str) -> None:
    out = to_mnist(SHAPES[name])
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    cy, cx = centre_of_mass(out)
    # Whole-pixel shifts: a symmetric shape can sit exactly 0.5 off, either way by float rounding.
    assert abs(cy - 14) <= 0.5 + 1e-4 and abs(cx - 14) <= 0.5 + 1e-4, (cy, cx)
    h, w = ink_box(out > 0)
    assert max(h, w) == 20, (h, w)


def test_aspect_ratio_is_kept() -> None:
    h, w = ink_box(to_mnist(SHAPES["horizontal bar"]) > 0)
    assert (h, w) == (2, 20)  # 20 x 200 -> 2 x 20
    h, w = ink_box(to_mnist(SHAPES["off-centre blob"]) > 0)
    assert h == w == 20


def test_shrinking_is_anti_aliased() -> None:
    out = to_mnist(SHAPES["stripes"])
    inside = out[out > 0]
    # 300 rows of alternating stripes in 20 rows: every output row averages 15 rows, about 0.5 each;
    # sampling instead of averaging would give rows of 0 and 1.
    assert inside.size == 20 * 13
    np.testing.assert_allclose(inside, 0.5, atol=0.04)


def test_same_shape_at_any_size_gives_the_same_digit() -> None:
    def blob(k: int) -> np.ndarray:
        """A disc with a tail and a notch (no symmetry, so no centre-of-mass tie), k times larger."""
        img = disc(100 * k, 100 * k, 50 * k, 40 * k, 30 * k)
        img[45 * k : 52 * k, 40 * k : 95 * k] = 1.0
        img[20 * k : 80 * k, 15 * k : 22 * k] = 0.0
        return img

    diff = np.abs(to_mnist(blob(1)) - to_mnist(blob(10)))
    # Only the rim differs (different partial coverage of edge pixels).
    assert diff.mean() < 0.02 and diff.max() < 0.3


def test_position_does_not_matter() -> None:
    img, _, _ = canvas(280, 280)
    img[50:150, 50:70] = 1.0
    img[50:70, 50:110] = 1.0
    moved = np.roll(img, (90, 120), axis=(0, 1))
    np.testing.assert_array_equal(to_mnist(img), to_mnist(moved))


def test_uint8_float_and_bool_inputs_agree() -> None:
    img = SHAPES["ring (a 0)"]
    as_float = to_mnist(img)
    np.testing.assert_allclose(to_mnist((img * 255).astype(np.uint8)), as_float, atol=1e-6)
    np.testing.assert_allclose(to_mnist(img.astype(np.float64)), as_float, atol=1e-6)
    np.testing.assert_allclose(to_mnist(img > 0.5), as_float, atol=1e-6)


def test_faint_ink_is_brought_to_full_strength() -> None:
    img = SHAPES["disc"]
    np.testing.assert_allclose(to_mnist(0.4 * img), to_mnist(img), atol=1e-6)
    assert to_mnist(img).max() == pytest.approx(1.0)


def test_faint_noise_outside_the_digit_is_ignored() -> None:
    img = SHAPES["L shape"].copy()
    noisy = img.copy()
    noise = np.random.default_rng(0).random(img.shape) < 0.02
    noise[30:250, 50:210] = False  # noise only around the digit, not on it
    noisy[noise] = 0.08
    np.testing.assert_array_equal(to_mnist(noisy), to_mnist(img))


def test_out_of_range_values_are_clipped() -> None:
    img = SHAPES["disc"]
    np.testing.assert_allclose(to_mnist(img * 3.0 - 0.5), to_mnist(img), atol=1e-6)


@pytest.mark.parametrize(
    "blank",
    [
        np.zeros((280, 280), np.uint8),
        np.zeros((280, 280), np.float32),
        np.full((50, 60), 0.03, np.float32),  # faint grey everywhere counts as blank
        np.full((5, 5), -1.0),
        np.zeros((1, 1), bool),
    ],
)
def test_blank_input_gives_zeros(blank: np.ndarray) -> None:
    with np.errstate(all="raise"):
        out = to_mnist(blank)
    assert out.shape == (28, 28) and out.dtype == np.float32 and not out.any()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (np.zeros((28, 28, 3)), "2-D"),
        (np.zeros(784), "2-D"),
        (np.zeros((0, 28)), "empty"),
        (np.array([[np.nan, 1.0], [0.0, 0.0]]), "NaN"),
        (np.array([[np.inf, 1.0], [0.0, 0.0]]), "NaN or infinity"),
        (np.array([["a", "b"]]), "dtype"),
    ],
)
def test_bad_input_raises(bad: np.ndarray, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        to_mnist(bad)


def test_mnist_digits_come_back_unchanged() -> None:
    """MNIST digits already went through this recipe, so to_mnist should (almost) reproduce them."""
    directory = mnist_dir()
    if directory is None or not directory.is_dir():
        pytest.skip("MNIST not found: set EXPLAINER_MNIST_DIR or put the IDX files in ../shared/data/mnist")
    images, _ = load_mnist(directory, "test")
    digits = images[:500]
    diff = np.array([np.abs(to_mnist(d) - d / 255.0).mean() for d in digits])
    assert np.median(diff) < 1e-6
    assert np.mean(diff < 0.005) > 0.97
    coms = np.array([centre_of_mass(d / 255.0) for d in digits])
    assert np.abs(coms - 14).max() <= 0.5 + 1e-4  # MNIST's own convention, which to_mnist follows
