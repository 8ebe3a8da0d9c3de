"""Random distortions of digit batches for training, in NumPy, so hand-drawn digits are recognised.

People draw digits rotated, shifted, stretched, larger or smaller, with thick or thin pens, and wobbly.
Training on MNIST digits randomly distorted the same ways (rotation, translation, stretching and scaling,
as the seed texts describe; plus stroke thickness and Simard et al.'s 2003 elastic distortion) teaches
the network that these changes do not change the digit.

All geometric changes of one image are combined into a single resampling: for every output pixel we
compute where it comes from in the input (inverse mapping) and interpolate bilinearly there, so the image
is blurred once, not once per distortion. Coordinates are pixel indices (row ``y``, column ``x``), and
the image turns and scales about its centre ``((H - 1) / 2, (W - 1) / 2)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explainer.data.preprocess import to_mnist
from explainer.errors import BadInputError

__all__ = ["affine_matrices", "augment_batch", "elastic_fields", "grey_dilate", "grey_erode", "warp"]

# 3x3 structuring elements for grey morphology: the full square and the plus-shaped cross.
_SQUARE = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
_CROSS = [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)]


DRAWING_CANVAS = 56
"""Side of the canvas :func:`distort_like_drawing` places a 28x28 digit on, so nothing is cut off."""

DRAWN: dict[str, Any] = {"rotation": 20.0, "scale": (0.6, 1.2), "shift": 6.0, "thickness": 1.0}
"""Distortions of a digit drawn by hand: rotation +-20 deg, scale 0.6-1.2, shifts, thicker or thinner."""


def distort_like_drawing(images: np.ndarray, rng: np.random.Generator, **distortion: Any) -> np.ndarray:
    """Distort MNIST digits on a larger canvas and bring them back with ``to_mnist``.

    ``distortion`` holds ``augment_batch`` keyword arguments; the default is :data:`DRAWN`.

    Shape:
        images: ``(N, 28, 28)`` uint8 0-255; returns ``(N, 28, 28)`` float32 in [0, 1].
    """
    n = len(images)
    canvas = np.zeros((n, DRAWING_CANVAS, DRAWING_CANVAS), np.float32)
    top = (DRAWING_CANVAS - 28) // 2
    canvas[:, top : top + 28, top : top + 28] = images / np.float32(255.0)
    drawn = augment_batch(canvas, rng, **(distortion or DRAWN))
    return np.stack([to_mnist(image) for image in drawn])


def augment_batch(
    images: np.ndarray,
    rng: np.random.Generator,
    *,
    rotation: float = 15.0,
    scale: tuple[float, float] = (0.85, 1.15),
    shift: float = 2.5,
    stretch: float = 0.0,
    shear: float = 0.0,
    flip: float = 0.0,
    thickness: float = 0.0,
    elastic: float = 0.0,
    elastic_alpha: float = 34.0,
    elastic_sigma: float = 4.0,
) -> np.ndarray:
    """Randomly distort every image of a batch; each image gets its own random draw.

    Parameters:
        images: digits, ink bright (1) on dark (0).
        rng: the only source of randomness, so a seeded generator gives the same batch every time.
        rotation: maximum turn in degrees; each image turns by an angle drawn uniformly from
            ``[-rotation, rotation]`` (positive = counter-clockwise on screen).
        scale: ``(low, high)`` range of the zoom factor, drawn uniformly; 1.2 makes the digit 20% larger.
        shift: maximum translation in pixels, drawn uniformly from ``[-shift, shift]`` for x and y
            separately.
        stretch: maximum change of aspect ratio; width is multiplied by ``sqrt(a)`` and height divided by
            it, with ``a`` drawn uniformly from ``[1 - stretch, 1 + stretch]`` (0 = keep proportions).
        shear: maximum horizontal shear (slant) in degrees, drawn uniformly from ``[-shear, shear]``.
        flip: probability that an image is mirrored left-right (for clothes and shoes; a mirrored digit
            is another shape). 0 draws no random numbers for it, so other settings give the batches
            they gave before the option existed.
        thickness: probability that an image's strokes get thicker or thinner (each equally likely):
            the image is blended with its grey dilation or erosion by a random amount in [0.5, 1], using a
            3x3 square or a plus-shaped cross (chosen at random), i.e. up to one pixel per side. Eroded
            strokes are brightened back to the original's typical ink level (a thin pen still draws
            full-strength ink).
        elastic: probability that an image also gets an elastic distortion (see ``elastic_fields``).
        elastic_alpha: strength of the elastic displacement (Simard et al.: 34 for MNIST).
        elastic_sigma: smoothness of the elastic displacement in pixels (Simard et al.: 4).

    With ``rotation=0, scale=(1, 1), shift=0`` (and the other options at 0) the output equals the input.

    Shape:
        images: ``(N, H, W)`` float in [0, 1] (MNIST: ``(N, 28, 28)``). Returns ``(N, H, W)`` float32
        in [0, 1].
    """
    x = np.asarray(images, dtype=np.float32)
    if x.ndim != 3:
        raise BadInputError(f"augment_batch expects images of shape (N, H, W), got {x.shape}")
    n, h, w = x.shape
    if thickness > 0:
        x = _random_thickness(x, rng, thickness)
    matrices = affine_matrices(
        n, rng, rotation=rotation, scale=scale, shift=shift, stretch=stretch, shear=shear, flip=flip
    )
    displacement = None
    if elastic > 0:
        chosen = rng.random(n) < elastic
        displacement = np.zeros((n, 2, h, w), np.float32)
        displacement[chosen] = elastic_fields(int(chosen.sum()), (h, w), rng, elastic_alpha, elastic_sigma)
    return warp(x, matrices, displacement)


def affine_matrices(
    n: int,
    rng: np.random.Generator,
    *,
    rotation: float,
    scale: tuple[float, float],
    shift: float,
    stretch: float = 0.0,
    shear: float = 0.0,
    flip: float = 0.0,
) -> np.ndarray:
    """Draw ``n`` random forward affine maps (about the image centre) with the ranges of ``augment_batch``.

    Each map is ``[[A, t]]``: a point ``p = (y, x)`` relative to the image centre moves to ``A @ p + t``,
    with ``A = R(angle) @ Shear @ diag(s / sqrt(a), s * sqrt(a)) @ M`` and ``t`` the shift in pixels;
    ``M`` is ``diag(1, -1)`` (mirror left-right) with probability ``flip``, else the identity.

    Shape:
        Returns ``(n, 2, 3)`` float64: ``[..., :2]`` is ``A`` acting on ``(y, x)``, ``[..., 2]`` is ``t``.
    """
    angle = np.deg2rad(rng.uniform(-rotation, rotation, n))
    zoom = rng.uniform(scale[0], scale[1], n)
    aspect = np.sqrt(rng.uniform(1 - stretch, 1 + stretch, n))
    slant = np.tan(np.deg2rad(rng.uniform(-shear, shear, n)))
    t = rng.uniform(-shift, shift, (n, 2))
    sy, sx = zoom / aspect, zoom * aspect
    # Counter-clockwise on screen with y pointing down: y' = cos*y - sin*x, x' = sin*y + cos*x.
    cos, sin = np.cos(angle), np.sin(angle)
    # Shear (slant) moves x in proportion to y: x' = x + slant * y.
    a = np.empty((n, 2, 3))
    a[:, 0, 0] = (cos - sin * slant) * sy
    a[:, 0, 1] = -sin * sx
    a[:, 1, 0] = (sin + cos * slant) * sy
    a[:, 1, 1] = cos * sx
    a[:, :, 2] = t
    if flip > 0:
        a[rng.random(n) < flip, :, 1] *= -1.0
    return a


def elastic_fields(
    n: int, size: tuple[int, int], rng: np.random.Generator, alpha: float = 34.0, sigma: float = 4.0
) -> np.ndarray:
    """Random smooth displacement fields for elastic distortion (Simard, Steinkraus & Platt, 2003).

    Every pixel gets a random displacement uniform in [-1, 1] per axis; the field is smoothed with a
    Gaussian of standard deviation ``sigma`` pixels (separable: a 1-D Gaussian convolution along rows,
    then along columns, with zeros beyond the border) and multiplied by ``alpha``. Small ``sigma`` gives
    random jitter, large ``sigma`` almost a translation; in between it looks like a wobbly hand.

    Shape:
        Returns ``(n, 2, H, W)`` float32: displacement ``(dy, dx)`` in pixels for every output pixel.
    """
    h, w = size
    field = rng.uniform(-1.0, 1.0, (n, 2, h, w))
    smooth = _gaussian_matrix(h, sigma) @ field @ _gaussian_matrix(w, sigma).T
    return (alpha * smooth).astype(np.float32)


def _gaussian_matrix(n: int, sigma: float) -> np.ndarray:
    """1-D Gaussian convolution over ``n`` samples (zero padding) written as a matrix, ``G @ v``.

    Shape:
        Returns ``(n, n)``; row ``i`` holds the normalised Gaussian centred on sample ``i``.
    """
    radius = max(1, int(np.ceil(3 * sigma)))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    offsets = np.arange(n)[None, :] - np.arange(n)[:, None]
    inside = np.abs(offsets) <= radius
    return np.where(inside, taps[np.clip(offsets + radius, 0, 2 * radius)], 0.0)


def warp(images: np.ndarray, matrices: np.ndarray, displacement: np.ndarray | None = None) -> np.ndarray:
    """Apply per-image affine maps (and optional displacement fields) by inverse mapping + bilinear sampling.

    Output pixel ``q`` (relative to the centre) is read from input position ``A^-1 (q - t) + d(q)``;
    positions outside the input read as 0 (background).

    Shape:
        images: ``(N, H, W)``; matrices: ``(N, 2, 3)`` as from ``affine_matrices``; displacement:
        ``(N, 2, H, W)`` ``(dy, dx)`` or None. Returns ``(N, H, W)`` float32.
    """
    x = np.asarray(images, dtype=np.float32)
    n, h, w = x.shape
    a, t = matrices[:, :, :2], matrices[:, :, 2]
    det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
    inv = np.stack([a[:, 1, 1], -a[:, 0, 1], -a[:, 1, 0], a[:, 0, 0]], axis=1).reshape(n, 2, 2)
    inv /= det[:, None, None]
    # src = inv @ (q - centre - t) + centre = inv @ q + offset, evaluated per axis by broadcasting
    # (only the final (N, H, W) arrays are full size; this runs on every training batch).
    centre = np.array([(h - 1) / 2, (w - 1) / 2])
    offset = centre - np.einsum("nij,nj->ni", inv, centre + t)
    inv = inv.astype(np.float32)[:, :, :, None, None]
    offset = offset.astype(np.float32)[:, :, None, None]
    gy = np.arange(h, dtype=np.float32)[:, None]
    gx = np.arange(w, dtype=np.float32)[None, :]
    sy = (inv[:, 0, 0] * gy + offset[:, 0]) + inv[:, 0, 1] * gx
    sx = (inv[:, 1, 0] * gy + offset[:, 1]) + inv[:, 1, 1] * gx
    if displacement is not None:
        sy += displacement[:, 0]
        sx += displacement[:, 1]
    return _bilinear(x, sy, sx)


def _bilinear(x: np.ndarray, sy: np.ndarray, sx: np.ndarray) -> np.ndarray:
    """Sample every image at fractional positions with bilinear interpolation, zero outside.

    ``sy`` and ``sx`` are float32 scratch arrays and are overwritten (in-place steps keep the number of
    large temporaries, and with them the page faults, down).

    Shape:
        x: ``(N, H, W)``; sy, sx: ``(N, H_out, W_out)`` row/column positions. Returns ``(N, H_out, W_out)``.
    """
    n, h, w = x.shape
    # A 2-pixel zero border: positions clipped into it read zeros, so no per-corner bounds masks.
    pad = 2
    ph, pw = h + 2 * pad, w + 2 * pad
    padded = np.zeros((n, ph, pw), np.float32)
    padded[:, pad:-pad, pad:-pad] = x
    np.clip(sy, -1.5, h + 0.5, out=sy)
    np.clip(sx, -1.5, w + 0.5, out=sx)
    sy += pad
    sx += pad
    # Positions are now >= 0.5, so truncation is floor.
    index = sy.astype(np.intp)
    x0 = sx.astype(np.intp)
    sy -= index  # now the fractional part fy
    sx -= x0  # now fx
    index *= pw
    index += x0
    index += (np.arange(n) * (ph * pw))[:, None, None]
    flat = padded.ravel()
    top_left = flat.take(index)
    index += 1
    top = flat.take(index)
    index += pw
    bottom = flat.take(index)
    index -= 1
    bottom_left = flat.take(index)
    top -= top_left
    top *= sx
    top += top_left
    bottom -= bottom_left
    bottom *= sx
    bottom += bottom_left
    bottom -= top
    bottom *= sy
    bottom += top
    return np.clip(bottom, 0.0, 1.0, out=bottom)


def grey_dilate(images: np.ndarray, element: str = "square") -> np.ndarray:
    """Grey-level dilation: each pixel becomes the maximum over a 3x3 ``'square'`` or plus ``'cross'``.

    Thickens bright strokes by one pixel per side.

    Shape:
        images: ``(N, H, W)``. Returns ``(N, H, W)`` float32.
    """
    return _morphology(images, element, np.maximum)


def grey_erode(images: np.ndarray, element: str = "square") -> np.ndarray:
    """Grey-level erosion: each pixel becomes the minimum over a 3x3 ``'square'`` or plus ``'cross'``.

    Thins bright strokes by one pixel per side (outside the image counts as background).

    Shape:
        images: ``(N, H, W)``. Returns ``(N, H, W)`` float32.
    """
    return _morphology(images, element, np.minimum)


def _morphology(images: np.ndarray, element: str, op: np.ufunc) -> np.ndarray:
    """Reduce every pixel's neighbourhood with ``op`` over the structuring element's offsets.

    Pixels beyond the border count as background (0).

    Shape:
        images: ``(N, H, W)``. Returns ``(N, H, W)`` float32.
    """
    offsets = {"square": _SQUARE, "cross": _CROSS}.get(element)
    if offsets is None:
        raise BadInputError(f"unknown structuring element {element!r}; expected 'square' or 'cross'")
    x = np.asarray(images, dtype=np.float32)
    _, h, w = x.shape
    padded = np.pad(x, ((0, 0), (1, 1), (1, 1)))
    out = x.copy()
    for dy, dx in offsets:
        op(out, padded[:, 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w], out=out)
    return out


def _random_thickness(x: np.ndarray, rng: np.random.Generator, probability: float) -> np.ndarray:
    """Make the strokes of a random subset of images thicker or thinner by a random amount.

    Shape:
        x: ``(N, H, W)``. Returns ``(N, H, W)`` float32.
    """
    n = len(x)
    chosen = rng.random(n) < probability
    thicken = rng.random(n) < 0.5
    cross = rng.random(n) < 0.5
    amount = rng.uniform(0.5, 1.0, n).astype(np.float32)
    target = x.copy()
    for is_cross, element in ((False, "square"), (True, "cross")):
        for grow, morph in ((True, grey_dilate), (False, grey_erode)):
            pick = chosen & (cross == is_cross) & (thicken == grow)
            if pick.any():
                target[pick] = morph(x[pick], element)
    # Erosion also dims what is left of an anti-aliased stroke (a 2-3 pixel MNIST stroke keeps only its
    # minimum), but a thin pen still draws full-strength ink: brighten each eroded image so its median
    # ink pixel is as bright as the original's, at most 3x. Erosion that leaves no ink is not used.
    thinned = chosen & ~thicken
    usable = np.ones(n, bool)
    if thinned.any():
        before = _median_ink(x[thinned])
        after = _median_ink(target[thinned])
        usable[thinned] = after > 0
        gain = np.clip(before / np.maximum(after, 1e-6), 1.0, 3.0).astype(np.float32)
        target[thinned] = np.minimum(target[thinned] * gain[:, None, None], 1.0)
    weight = np.where(chosen & usable, amount, np.float32(0))[:, None, None]
    return x + weight * (target - x)


def _median_ink(x: np.ndarray, level: float = 0.05) -> np.ndarray:
    """Median of each image's ink pixels (those above ``level``); 0 for an image without ink.

    Shape:
        x: ``(N, H, W)``. Returns ``(N,)``.
    """
    flat = np.sort(x.reshape(len(x), -1), axis=1)
    count = (flat > level).sum(axis=1)
    middle = flat[np.arange(len(x)), flat.shape[1] - 1 - count // 2]
    return np.where(count > 0, middle, 0.0)
