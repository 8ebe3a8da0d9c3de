"""What each filter looks for: the test images that excite a channel most, and an input made to excite it.

- :func:`top_activations`: for every channel of one conv layer, the ``k`` images whose largest activation
  in that channel is highest, where it is (the argmax, first in row-major order on ties) and the patch
  of the input that position sees (:func:`explainer.core.receptive.receptive_field`).
- :func:`activation_maximisation`: an input synthesised by gradient ascent on the channel's mean
  activation from a grey start (Erhan et al. 2009; Yosinski et al. 2015 for the regularisers), using the
  engine's own backward pass, with a small L2 penalty on the distance from grey, a Gaussian blur every few
  steps so it stays readable, and clipping to [0, 1].

Both read the conv layer's own output (before its ReLU): the ReLU is monotone, so the ranking and the
argmax are the same wherever the channel fires, and the mean before the ReLU still has a gradient where
the ReLU would be dead on the grey start. Pooling is left out: it would only blur where the unit is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explainer.core.network import Sequential
from explainer.core.receptive import receptive_field

TOP_K = 9
"""Images per channel, as the Deep Visualization Toolbox shows them."""


@dataclass(frozen=True, eq=False)
class TopActivations:
    """The ``k`` most exciting images of every channel of one layer, best first.

    Shape:
        indices: ``(C, k)`` int, into the images given; values: ``(C, k)`` float32, the channel's largest
        activation in each; positions: ``(C, k, 2)`` (row, col) of that activation in the layer's output;
        boxes: ``(C, k, 4)`` its receptive field (top, left, bottom, right), inclusive, in input pixels.
    """

    indices: np.ndarray
    values: np.ndarray
    positions: np.ndarray
    boxes: np.ndarray


def inclusive_field(model: Sequential, layer_index: int, row: int, col: int) -> tuple[int, int, int, int]:
    """:func:`~explainer.core.receptive.receptive_field` with inclusive bounds, as the atlases store boxes:
    ``(top, left, bottom, right)`` with ``bottom`` and ``right`` the last rows and columns seen."""
    top, left, bottom, right = receptive_field(model, layer_index, row, col)
    return top, left, bottom - 1, right - 1


def conv_layer_indices(model: Sequential) -> list[int]:
    """The indices of the model's conv layers, in order."""
    return [i for i, layer in enumerate(model.layers) if layer.kind == "conv2d"]


def _as_input(model: Sequential, images: np.ndarray) -> np.ndarray:
    """Raw pixels ``(N, C, H, W)`` float32 in [0, 1] from uint8 or float images ``(N, H, W)`` or NCHW."""
    images = np.asarray(images)
    scale = np.float32(1 / 255) if images.dtype == np.uint8 else np.float32(1)
    x = images.astype(np.float32) * scale
    return x.reshape(len(x), *model.input_shape)


def channel_maxima(
    model: Sequential, images: np.ndarray, layer_index: int, chunk: int = 500
) -> tuple[np.ndarray, np.ndarray]:
    """Each image's largest activation per channel of ``model.layers[layer_index]`` and its flat position.

    Shape:
        images ``(N, H, W)`` or ``(N, C, H, W)``; returns values ``(N, C)`` float32 and positions
        ``(N, C)`` int (row * W_out + col, the first maximum in row-major order).
    """
    work = model.copy().eval()
    values, positions = [], []
    for start in range(0, len(images), chunk):
        h = work.normalise(_as_input(work, images[start : start + chunk]))
        for layer in work.layers[: layer_index + 1]:
            h = layer.forward(h)
        flat = h.reshape(h.shape[0], h.shape[1], -1)
        where = flat.argmax(axis=2)
        positions.append(where)
        values.append(np.take_along_axis(flat, where[..., None], axis=2)[..., 0])
    return np.concatenate(values).astype(np.float32), np.concatenate(positions)


def top_activations(
    model: Sequential, images: np.ndarray, layer_index: int, k: int = TOP_K
) -> TopActivations:
    """The ``k`` images that excite each channel of layer ``layer_index`` most (ties: lower index first).

    Shape:
        images ``(N, H, W)`` or ``(N, C, H, W)``, uint8 or floats in [0, 1]; see :class:`TopActivations`.
    """
    values, positions = channel_maxima(model, images, layer_index)
    k = min(k, len(values))
    width = model.output_shapes()[layer_index][2]
    order = np.argsort(-values, axis=0, kind="stable")[:k].T  # (C, k)
    channels = np.arange(values.shape[1])[:, None]
    best = values[order, channels]
    rows, cols = np.divmod(positions[order, channels], width)
    boxes = np.array(
        [
            [inclusive_field(model, layer_index, int(r), int(c)) for r, c in zip(rr, cc, strict=True)]
            for rr, cc in zip(rows, cols, strict=True)
        ],
        dtype=np.int64,
    ).reshape(*order.shape, 4)
    return TopActivations(order, best, np.stack([rows, cols], axis=-1), boxes)


def gaussian_blur(x: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur of the last two axes (edges repeated).

    Shape:
        x ``(..., H, W)``; returns the same shape.
    """
    radius = max(1, round(3 * sigma))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps = (taps / taps.sum()).astype(x.dtype)
    pad = [(0, 0)] * (x.ndim - 2)
    out = np.pad(x, [*pad, (radius, radius), (0, 0)], mode="edge")
    out = sum(taps[i] * out[..., i : i + x.shape[-2], :] for i in range(len(taps)))
    out = np.pad(out, [*pad, (0, 0), (radius, radius)], mode="edge")
    return sum(taps[i] * out[..., i : i + x.shape[-1]] for i in range(len(taps)))


def channel_mean_and_grad(
    model: Sequential, x: np.ndarray, layer_index: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sample c's mean activation of channel c of layer ``layer_index``, and its gradient w.r.t. the pixels.

    ``model`` must be a copy the caller owns (its layers' caches are used). Sample ``c`` is scored on
    channel ``c``, so one batch maximises every channel at once.

    Shape:
        x ``(C, C_in, H, W)`` raw pixels, C the layer's channels; returns ``(C,)``, ``(C, C_in, H, W)``.
    """
    h = model.normalise(x)
    for layer in model.layers[: layer_index + 1]:
        h = layer.forward(h)
    channels = np.arange(len(x))
    means = h[channels, channels].reshape(len(x), -1).mean(axis=1)
    d = np.zeros_like(h)
    d[channels, channels] = 1.0 / (h.shape[2] * h.shape[3])
    for layer in reversed(model.layers[: layer_index + 1]):
        d = layer.backward(d)
    return means, d / model.dtype.type(model.input_std)


@dataclass(frozen=True, eq=False)
class Synthesised:
    """Inputs made by activation maximisation for every channel of one layer.

    Shape:
        images ``(C, C_in, H, W)`` float32 in [0, 1]; start_means, final_means ``(C,)``: each channel's
        mean activation on the grey start and on its image.
    """

    images: np.ndarray
    start_means: np.ndarray
    final_means: np.ndarray


def activation_maximisation(
    model: Sequential,
    layer_index: int,
    steps: int = 64,
    step_size: float = 0.05,
    l2: float = 0.01,
    blur_sigma: float = 0.7,
    blur_every: int = 3,
    grey: float = 0.5,
) -> Synthesised:
    """Gradient ascent on each channel's mean activation from a grey image (module docstring).

    Each step moves every pixel by ``step_size`` times the gradient of the mean divided by its root mean
    square (so the step does not depend on the layer's scale), then shrinks the distance from grey by the
    factor ``1 - l2`` (the L2 penalty as weight decay, so it stays small beside a normalised step) and
    clips to [0, 1]; every ``blur_every`` steps the image is blurred with ``blur_sigma`` pixels. A
    normalised step can overshoot in deep layers: a channel whose mean fell shrinks its step by 0.7, and each
    channel keeps the best image of the ascent.
    """
    work = model.copy().eval()
    channels = work.output_shapes()[layer_index][0]
    x = np.full((channels, *work.input_shape), grey, np.float32)
    start, grad = channel_mean_and_grad(work, x, layer_index)
    best, best_means, last = x.copy(), start.copy(), start
    sizes = np.full((channels, 1, 1, 1), step_size, np.float32)
    for step in range(steps):
        rms = np.sqrt((grad.reshape(channels, -1) ** 2).mean(axis=1)).reshape(-1, 1, 1, 1)
        x = grey + (1 - l2) * (x + sizes * grad / (rms + 1e-12) - grey)
        if blur_every and (step + 1) % blur_every == 0:
            x = gaussian_blur(x, blur_sigma)
        x = np.clip(x, 0.0, 1.0).astype(np.float32)
        means, grad = channel_mean_and_grad(work, x, layer_index)
        sizes[means < last] *= 0.7  # overshot: smaller steps for that channel
        last = means
        better = means > best_means
        best[better], best_means[better] = x[better], means[better]
    return Synthesised(best, start.astype(np.float32), best_means.astype(np.float32))
