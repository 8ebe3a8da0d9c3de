"""Turn a drawing or a loaded image into a 28x28 network input, the way MNIST digits were made
(:func:`to_mnist`) or the way Fashion-MNIST's product photos were (:func:`to_fashion_mnist`).

MNIST's recipe (LeCun et al.): each digit was scaled to fit a 20x20 box keeping its aspect ratio, with
anti-aliasing (hence the grey levels), then placed in a 28x28 frame so that its centre of mass lies at
the centre of the frame. Coordinates here are pixel indices (pixel ``i``'s centre is at ``i``) and a centre
of mass is ``sum(i * v) / sum(v)``. Measured on the 10,000 MNIST test digits this lands at (14.0, 14.0) on
average, always within +-0.5 of it (MNIST shifted by whole pixels), so the target is row 14, column 14:
half a pixel below and right of the frame's geometric centre (13.5, 13.5), where the network saw its
digits. Like MNIST we shift by whole pixels, which keeps strokes as sharp as the training digits.

Resampling is separable (rows, then columns) and done with a few whole-array NumPy reductions, so a
280x280 canvas converts in a fraction of a millisecond and can run on every mouse move.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from explainer.errors import BadInputError

__all__ = [
    "BLANK_LEVEL",
    "BOX",
    "CENTRE",
    "FRAME",
    "INK_THRESHOLD",
    "fit_frame",
    "to_fashion_mnist",
    "to_mnist",
]

FRAME = 28
BOX = 20
CENTRE = 14.0
# A pixel counts as ink for the bounding box when brighter than this fraction of the brightest pixel,
# so faint noise and scanner grey do not inflate the box.
INK_THRESHOLD = 0.1
# An image whose brightest pixel is at most this level (on the 0-1 scale) is blank.
BLANK_LEVEL = 0.05


def to_mnist(img: np.ndarray) -> np.ndarray:
    """Crop to the ink, scale into 20x20 (aspect kept, anti-aliased), centre the mass in a 28x28 frame.

    ``img`` holds ink bright on a dark background: uint8 (or any integer type) on the 0-255 scale, bool,
    or float on the 0-1 scale; values outside the scale are clipped. Steps:

    1. Bounding box of the pixels brighter than ``INK_THRESHOLD`` times the brightest pixel (and than
       ``BLANK_LEVEL``). If the brightest pixel is at most ``BLANK_LEVEL`` the input is blank: zeros.
    2. The crop is divided by its brightest value, so faint ink (a pencil photo) becomes full-strength
       ink like MNIST's bilevel source scans.
    3. Resample so the longer side is 20 pixels: area averaging (box filter) when shrinking, bilinear
       when growing, separately per axis.
    4. Shift by whole pixels so the centre of mass lands within 0.5 pixel of index (14, 14) (``CENTRE``,
       see the module docstring); a digit whose far side would leave the frame is clipped, as in MNIST.

    Shape:
        img: ``(H, W)``, any size >= 1x1. Returns ``(28, 28)`` float32 in [0, 1].

    Raises:
        BadInputError: not 2-D, empty, not numeric, or containing NaN/infinity.
    """
    return _framed(img, "to_mnist", _centre_mass)


def to_fashion_mnist(img: np.ndarray) -> np.ndarray:
    """Crop to the object, scale its longer side to 28 (aspect kept, anti-aliased), centre its box.

    Fashion-MNIST was made from product photos on white: trimmed to the product, the longer side resized
    to 28 pixels, placed in the middle of a 28x28 frame (by its bounding box, not its centre of mass) and
    negated, so the garment is bright on black. ``img`` is as for :func:`to_mnist` (ink or garment bright
    on a dark background; :func:`explainer.load_image` turns a photo on a light background into that).
    Steps:

    1. Bounding box and brightness stretch exactly as steps 1-2 of :func:`to_mnist`: a blank input gives
       zeros, and the brightest pixel of the object becomes 1.
    2. Resample so the longer side is 28 pixels (area averaging when shrinking, bilinear when growing).
    3. Place the box in the middle of the 28x28 frame, the shorter side padded equally on both sides
       (the odd pixel goes below or right).

    So a photo of a shirt on a white table becomes a bright shirt filling the frame from top to bottom or
    side to side, its fabric shading kept as grey levels; a drawing on the canvas is likewise blown up to
    the frame's edges (draw the whole garment, not a detail).

    Shape:
        img: ``(H, W)``, any size >= 1x1. Returns ``(28, 28)`` float32 in [0, 1].

    Raises:
        BadInputError: not 2-D, empty, not numeric, or containing NaN/infinity.
    """
    return _framed(img, "to_fashion_mnist", _fit)


def _framed(img: np.ndarray, name: str, place: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``img`` cropped to its ink (:func:`_ink_crop`; ``name`` is the caller, for the messages) and put in
    the frame by ``place``; zeros when blank.

    Shape:
        img: ``(H, W)``; ``place`` takes the crop ``(h, w)`` float64 in [0, 1]. Returns ``(28, 28)`` float32.
    """
    crop = _ink_crop(img, name)
    return np.zeros((FRAME, FRAME), np.float32) if crop is None else place(crop)


def _centre_mass(crop: np.ndarray) -> np.ndarray:
    """Steps 3-4 of :func:`to_mnist`: scale ``crop`` into the 20x20 box and shift its centre of mass to
    ``CENTRE``.

    Shape:
        crop: ``(h, w)`` float64 in [0, 1]. Returns ``(28, 28)`` float32 in [0, 1].
    """
    h, w = crop.shape
    scale = BOX / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = _resample_rows(_resample_rows(crop, nh).T, nw).T

    mass = small.sum()
    oy = round(CENTRE - float(np.arange(nh) @ small.sum(axis=1)) / mass)
    ox = round(CENTRE - float(np.arange(nw) @ small.sum(axis=0)) / mass)
    # Paste at the offset, dropping whatever would fall outside the frame.
    out = np.zeros((FRAME, FRAME), np.float32)
    y0, y1 = max(oy, 0), min(oy + nh, FRAME)
    x0, x1 = max(ox, 0), min(ox + nw, FRAME)
    out[y0:y1, x0:x1] = small[y0 - oy : y1 - oy, x0 - ox : x1 - ox]
    return np.clip(out, 0.0, 1.0, out=out)


def fit_frame(img: np.ndarray) -> np.ndarray:
    """Scale the whole image so its longer side is 28 (aspect kept, anti-aliased) and centre it.

    Nothing is cropped and the brightness is kept: the picture is shrunk (or grown) as it is and the
    shorter side padded with black equally on both sides, as in step 3 of :func:`to_fashion_mnist`.
    ``img`` is float on the 0-1 scale (values outside are clipped), ink bright on dark.

    Shape:
        img: ``(H, W)``, any size >= 1x1. Returns ``(28, 28)`` float32 in [0, 1].

    Raises:
        BadInputError: not 2-D, empty, not float, or containing NaN/infinity.
    """
    a = np.asarray(img)
    if a.ndim != 2 or a.size == 0 or a.dtype.kind != "f":
        raise BadInputError(f"fit_frame expects a non-empty 2-D float image, got {a.dtype} {a.shape}")
    if not np.isfinite(a).all():
        raise BadInputError("fit_frame got an image containing NaN or infinity")
    return _fit(np.clip(a, 0.0, 1.0).astype(np.float64))


def _fit(crop: np.ndarray) -> np.ndarray:
    """Resample ``crop`` so its longer side is 28 and place it in the middle of a black 28x28 frame.

    Shape:
        crop: ``(h, w)`` float64 in [0, 1]. Returns ``(28, 28)`` float32 in [0, 1].
    """
    out = np.zeros((FRAME, FRAME), np.float32)
    h, w = crop.shape
    scale = FRAME / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    y0, x0 = (FRAME - nh) // 2, (FRAME - nw) // 2
    out[y0 : y0 + nh, x0 : x0 + nw] = _resample_rows(_resample_rows(crop, nh).T, nw).T
    return np.clip(out, 0.0, 1.0, out=out)


def _ink_crop(img: np.ndarray, name: str) -> np.ndarray | None:
    """Check ``img``, crop it to its ink and scale the ink's brightest pixel to 1; None when blank.

    Steps 1-2 of :func:`to_mnist`; ``name`` is the caller, for the messages.

    Shape:
        img: ``(H, W)``. Returns the crop ``(h, w)`` float64 in [0, 1], or None.

    Raises:
        BadInputError: not 2-D, empty, not numeric, or containing NaN/infinity.
    """
    a = np.asarray(img)
    if a.ndim != 2:
        raise BadInputError(f"{name} expects a 2-D (H, W) image, got shape {a.shape}")
    if a.size == 0:
        raise BadInputError(f"{name} got an empty image of shape {a.shape}")
    if a.dtype == bool:
        a = a.view(np.uint8)
        full = 1.0
    elif a.dtype.kind in "ui":
        full = 255.0
    elif a.dtype.kind == "f":
        if not np.isfinite(a).all():
            raise BadInputError(f"{name} got an image containing NaN or infinity")
        full = 1.0
    else:
        raise BadInputError(f"{name} expects an integer or float image, got dtype {a.dtype}")

    peak = min(float(a.max()), full)
    if peak <= BLANK_LEVEL * full:
        return None
    threshold = max(INK_THRESHOLD * peak, BLANK_LEVEL * full)
    # Bounding box from row/column projections, computed in the input's own dtype (no full-size copy).
    mask = a > threshold
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    crop = a[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1].astype(np.float64)
    np.clip(crop, 0.0, peak, out=crop)
    crop *= 1.0 / peak
    return crop


def _resample_rows(a: np.ndarray, n_out: int) -> np.ndarray:
    """Resample along the first axis to ``n_out`` rows covering the same extent.

    Shrinking uses area averaging: output row ``i`` averages input interval ``[e_i, e_(i+1))`` with
    ``e_i = i * n_in / n_out``, so no input row is skipped (no aliasing). With ``k = floor(e)`` and
    ``f = e - k`` that is the whole rows ``k_i .. k_(i+1) - 1`` plus ``f_(i+1)`` of row ``k_(i+1)`` minus
    ``f_i`` of row ``k_i``, divided by ``n_in / n_out``. Growing (or equal size) uses bilinear
    interpolation at the output pixel centres, edges clamped. Plain NumPy reductions and indexing, no
    matrix products: BLAS would start threads for these sizes, which costs milliseconds when training
    runs at the same time.

    Shape:
        a: ``(n_in, W)``. Returns ``(n_out, W)`` float64.
    """
    n_in = a.shape[0]
    ratio = n_in / n_out
    if n_out < n_in:
        edges = np.arange(n_out + 1) * ratio
        edges[-1] = n_in  # exact, so the last interval ends at the last row
        k = edges.astype(np.intp)
        # The last edge has k = n_in and f = 0: any row will do for it.
        part = (edges - k)[:, None] * a[np.minimum(k, n_in - 1)]
        # k is strictly increasing (ratio > 1), so reduceat sums exactly rows k_i .. k_(i+1) - 1.
        whole = np.add.reduceat(a, k[:-1], axis=0)
        return (whole + part[1:] - part[:-1]) / ratio
    src = np.clip((np.arange(n_out) + 0.5) * ratio - 0.5, 0.0, n_in - 1)
    i0 = src.astype(np.intp)
    i1 = np.minimum(i0 + 1, n_in - 1)
    frac = (src - i0)[:, None]
    return a[i0] * (1 - frac) + a[i1] * frac


def resize_input(x: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A preprocessed input resampled to another model's ``(H, W)`` (area averaging to shrink, bilinear to
    grow), for networks whose input is not 28x28, such as a 32x32 LeNet from a model zoo.

    Shape:
        x: ``(h, w)`` in [0, 1]; returns ``shape`` float32 in [0, 1].
    """
    height, width = shape
    resized = _resample_rows(_resample_rows(np.asarray(x, np.float64), height).T, width).T
    return np.clip(resized, 0.0, 1.0).astype(np.float32)
