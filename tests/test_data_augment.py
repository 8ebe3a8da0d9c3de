"""Augmentation: geometry of the affine warp, morphology, elastic fields, determinism and ranges."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.data.augment import (
    affine_matrices,
    augment_batch,
    elastic_fields,
    grey_dilate,
    grey_erode,
    warp,
)
from explainer.errors import BadInputError

IDENTITY = {"rotation": 0.0, "scale": (1.0, 1.0), "shift": 0.0}


def digits(n: int = 16, seed: int = 0) -> np.ndarray:
    """Blurry random strokes on a 28x28 black frame, ink in [0, 1] like MNIST."""
    rng = np.random.default_rng(seed)
    out = np.zeros((n, 28, 28), np.float32)
    for img in out:
        y, x = rng.integers(6, 22, 2)
        img[y - 5 : y + 5, x - 1 : x + 2] = 1.0
        img[y - 5 : y - 3, x - 4 : x + 4] = rng.uniform(0.5, 1.0)
    return out


def matrix(a: np.ndarray, t: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    m = np.zeros((1, 2, 3))
    m[0, :, :2] = a
    m[0, :, 2] = t
    return m


def test_shape_dtype_range_with_every_option() -> None:
    x = digits(32)
    options = {"rotation": 30.0, "scale": (0.6, 1.3), "shift": 4.0, "stretch": 0.3, "shear": 15.0}
    out = augment_batch(x, np.random.default_rng(0), thickness=1.0, elastic=1.0, **options)
    assert out.shape == x.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    assert not np.allclose(out, x)


def test_seeded_rng_is_deterministic_and_input_untouched() -> None:
    x = digits()
    before = x.copy()
    options = {"thickness": 0.5, "elastic": 0.5, "shear": 10.0, "stretch": 0.2}
    a = augment_batch(x, np.random.default_rng(7), **options)
    b = augment_batch(x, np.random.default_rng(7), **options)
    c = augment_batch(x, np.random.default_rng(8), **options)
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)
    np.testing.assert_array_equal(x, before)


def test_identity_parameters_give_the_identity() -> None:
    x = digits()
    np.testing.assert_allclose(augment_batch(x, np.random.default_rng(0), **IDENTITY), x, atol=1e-6)


def test_integer_shift_moves_pixels_and_fills_zeros() -> None:
    x = digits(1)
    out = warp(x, matrix(np.eye(2), t=(2.0, -3.0)))[0]
    expected = np.zeros_like(x[0])
    expected[2:, :-3] = x[0, :-2, 3:]
    np.testing.assert_allclose(out, expected, atol=1e-6)


def test_rotation_by_90_degrees_is_counter_clockwise_on_screen() -> None:
    x = digits(1)
    quarter = matrix(np.array([[0.0, -1.0], [1.0, 0.0]]))  # (y, x) -> (-x, y)
    np.testing.assert_allclose(warp(x, quarter)[0], np.rot90(x[0]), atol=1e-5)


def test_random_rotation_matches_a_hand_built_matrix() -> None:
    rng = np.random.default_rng(3)
    m = affine_matrices(4, rng, rotation=40.0, scale=(1.0, 1.0), shift=0.0)
    angle = np.deg2rad(np.random.default_rng(3).uniform(-40, 40, 4))
    for a, theta in zip(m, angle, strict=True):
        np.testing.assert_allclose(
            a[:, :2], [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]]
        )


def test_scaling_about_the_centre_doubles_the_size() -> None:
    x = np.zeros((1, 28, 28), np.float32)
    x[0, 11:17, 12:16] = 1.0  # 6 x 4 block centred on (13.5, 13.5)
    out = warp(x, matrix(2 * np.eye(2)))[0]
    rows = np.flatnonzero(out.max(axis=1) > 0.5)
    cols = np.flatnonzero(out.max(axis=0) > 0.5)
    assert rows.size == 12 and cols.size == 8
    assert rows.mean() == pytest.approx(13.5) and cols.mean() == pytest.approx(13.5)


def test_stretch_and_shear_change_the_shape_as_documented() -> None:
    rng = np.random.default_rng(0)
    wide = affine_matrices(200, rng, rotation=0, scale=(1, 1), shift=0, stretch=0.5)
    ratio = wide[:, 1, 1] / wide[:, 0, 0]  # width factor / height factor = a
    assert ratio.min() >= 0.5 - 1e-9 and ratio.max() <= 1.5 + 1e-9 and ratio.std() > 0.2
    slanted = affine_matrices(200, rng, rotation=0, scale=(1, 1), shift=0, shear=20)
    slant = slanted[:, 1, 0]  # x moves by slant * y
    assert np.abs(slant).max() <= np.tan(np.deg2rad(20)) + 1e-9 and slant.std() > 0.1


def test_rotation_and_scale_keep_the_centre_of_mass_of_a_centred_digit() -> None:
    x = np.zeros((1, 28, 28), np.float32)
    yy, xx = np.mgrid[0:28, 0:28]
    x[0][np.hypot(yy - 13.5, xx - 13.5) < 6] = 1.0
    x[0, 13:15, 13:22] = 1.0
    out = augment_batch(
        np.repeat(x, 20, axis=0), np.random.default_rng(0), rotation=180, scale=(0.8, 1.2), shift=0
    )
    mass = out.sum(axis=(1, 2))
    cy = (out.sum(axis=2) @ np.arange(28)) / mass
    assert np.abs(cy - 13.5).max() < 1.0
    ratio = mass / x.sum()
    assert ratio.min() > 0.55 and ratio.max() < 1.6  # area scales with zoom squared


def test_flip_mirrors_the_chosen_images_and_costs_no_draws_when_off() -> None:
    x = digits(64)
    flipped = augment_batch(x, np.random.default_rng(3), **IDENTITY, flip=0.5)
    mirrored = [np.array_equal(out, img[:, ::-1]) for out, img in zip(flipped, x, strict=True)]
    unchanged = [np.array_equal(out, img) for out, img in zip(flipped, x, strict=True)]
    assert all(m or u for m, u in zip(mirrored, unchanged, strict=True))
    assert 16 < sum(mirrored) < 48
    # flip=0 leaves the random stream as it was, so older seeds give the same batches.
    np.testing.assert_array_equal(
        augment_batch(x, np.random.default_rng(4), flip=0.0), augment_batch(x, np.random.default_rng(4))
    )


def test_grey_morphology() -> None:
    x = np.zeros((1, 7, 7), np.float32)
    x[0, 3, 3] = 0.8
    square = grey_dilate(x, "square")[0]
    cross = grey_dilate(x, "cross")[0]
    assert (square > 0).sum() == 9 and square.max() == pytest.approx(0.8)
    assert (cross > 0).sum() == 5 and cross[2, 2] == 0 and cross[2, 3] == pytest.approx(0.8)
    np.testing.assert_array_equal(grey_erode(square[None], "square")[0], x[0])
    block = np.zeros((1, 7, 7), np.float32)
    block[0, :, 2:5] = 1.0  # a 3-wide stroke touching the top and bottom border
    thin = grey_erode(block, "cross")[0]
    assert thin[1:-1, 3].all() and thin[:, [2, 4]].sum() == 0 and thin[0, 3] == 0
    with pytest.raises(BadInputError, match="structuring element"):
        grey_dilate(x, "disc")


def test_thickness_thickens_or_thins_every_chosen_image() -> None:
    x = digits(40)
    out = augment_batch(x, np.random.default_rng(1), thickness=1.0, **IDENTITY)
    change = out.sum(axis=(1, 2)) / x.sum(axis=(1, 2))
    assert (change > 1.05).sum() > 5 and (change < 0.95).sum() > 5
    assert np.all((change > 1.05) | (change < 0.95))
    thinner = change < 0.95
    # A thin pen still draws full-strength ink: thinned strokes are not just dimmed.
    assert np.all(out[thinner].max(axis=(1, 2)) > 0.9 * x[thinner].max(axis=(1, 2)))
    untouched = augment_batch(x, np.random.default_rng(1), thickness=0.0, **IDENTITY)
    np.testing.assert_allclose(untouched, x, atol=1e-6)


def test_elastic_fields_are_smooth_and_sized_by_alpha() -> None:
    fields = elastic_fields(50, (28, 28), np.random.default_rng(0), alpha=34.0, sigma=4.0)
    assert fields.shape == (50, 2, 28, 28) and fields.dtype == np.float32
    rms = np.sqrt((fields**2).mean())
    assert 0.5 < rms < 3.0
    step = np.abs(np.diff(fields, axis=-1)).mean()
    assert step < 0.25 * np.abs(fields).mean()  # neighbours move together: smooth, not jitter
    rough = elastic_fields(50, (28, 28), np.random.default_rng(0), alpha=34.0, sigma=0.5)
    assert np.abs(np.diff(rough, axis=-1)).mean() > 0.5 * np.abs(rough).mean()


def test_elastic_distortion_moves_ink_but_keeps_most_of_it() -> None:
    x = digits(20)
    out = augment_batch(x, np.random.default_rng(2), elastic=1.0, **IDENTITY)
    assert np.abs(out - x).mean() > 0.01

    def com(a: np.ndarray) -> np.ndarray:
        mass = a.sum(axis=(1, 2))
        return (
            np.stack([a.sum(axis=2) @ np.arange(28), a.sum(axis=1) @ np.arange(28)], axis=1) / mass[:, None]
        )

    # Local stretching and squeezing change the amount of ink, but the digit stays where it was.
    ratio = out.sum(axis=(1, 2)) / x.sum(axis=(1, 2))
    assert ratio.min() > 0.5 and ratio.max() < 2.0
    moved = np.abs(com(out) - com(x))
    assert moved.mean() < 1.0 and moved.max() < 4.0


def test_bad_shape_raises() -> None:
    with pytest.raises(BadInputError, match=r"\(N, H, W\)"):
        augment_batch(np.zeros((28, 28), np.float32), np.random.default_rng(0))
