"""Sanity checks for attribution maps (Adebayo et al., "Sanity Checks for Saliency Maps", NeurIPS 2018).

If a method explains the model, its map must change when the model's weights are replaced by random ones.
The check re-initialises the weights from the top layer down, one layer more at each step (cascading), or
one layer alone (independent), recomputes every map and measures how much of the original ranking of
pixels survives with Spearman's rank correlation. A method whose map stays the same on a random model
shows the input (edges, ink), not what the model learned.

Randomised layers are drawn the way the layer was first initialised (its ``init``, He or Glorot, biases
zero; see :mod:`explainer.core.init`), from a generator seeded by ``(seed, layer index)``: a layer gets
the same random weights in a cascade and alone, and every run gives the same numbers. The given model is
never changed; every function returns new models.

Spearman's ρ is Pearson's correlation of the ranks, ties ranked by their average rank. Adebayo et al.
report it on the absolute values of the maps (``absolute=True``: the app's default, since a map drawn
as |map| and one with flipped signs look alike) and on the signed maps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from explainer.core import attribution
from explainer.core.layers import Layer
from explainer.core.network import Sequential
from explainer.errors import BadInputError

METHODS = ("vanilla", "smoothgrad", "ig", "gradcam", "contrast", "loss")
"""The maps the Attribution tab shows, in its order; :func:`iter_maps` computes them."""


# ---- randomising weights ------------------------------------------------------------------------------


def parameter_layers(model: Sequential) -> list[int]:
    """Indices of the layers that have weights, bottom (input side) to top (the class scores)."""
    return [i for i, layer in enumerate(model.layers) if layer.params]


def layer_rng(seed: int, layer_index: int) -> np.random.Generator:
    """The generator that draws layer ``layer_index``'s random weights: one per (seed, layer)."""
    return np.random.default_rng((int(seed), int(layer_index)))


def randomise(model: Sequential, layer_indices: Iterable[int], seed: int = 0) -> Sequential:
    """A copy of ``model`` whose layers ``layer_indices`` are re-initialised; the others are bit-identical.

    Each chosen layer gets fresh parameters as its constructor makes them (same config, so the same
    initialiser; biases zero), drawn from :func:`layer_rng` and cast to the layer's dtype.

    Shape:
        every parameter keeps its shape, e.g. conv ``W (C_out, C_in, kH, kW)``, dense ``W (in, out)``.
    """
    chosen = sorted(set(int(i) for i in layer_indices))
    with_weights = set(parameter_layers(model))
    for index in chosen:
        if index not in with_weights:
            raise BadInputError(
                f"layer {index} has no weights to randomise; choose one of {sorted(with_weights)}"
            )
    twin = model.copy()
    for index in chosen:
        layer = twin.layers[index]
        fresh = Layer.from_config(layer.kind, layer.get_config(), layer_rng(seed, index))
        layer.params = {key: fresh.params[key].astype(value.dtype) for key, value in layer.params.items()}
        layer.grads = {key: np.zeros_like(value) for key, value in layer.params.items()}
    return twin


def cascade_layers(model: Sequential, steps: int) -> list[int]:
    """The layers random after ``steps`` cascading steps: the top ``steps`` layers with weights."""
    top_down = parameter_layers(model)[::-1]
    if not 0 <= steps <= len(top_down):
        raise BadInputError(f"a cascade of this model has 0..{len(top_down)} steps, got {steps}")
    return top_down[:steps]


def cascading_randomisations(model: Sequential, seed: int = 0) -> list[tuple[int, Sequential]]:
    """(layer randomised last, model) for every cascading step, from the top layer down.

    Step k has the top k layers with weights random (``cascade_layers(model, k)``).
    """
    top_down = parameter_layers(model)[::-1]
    return [(index, randomise(model, top_down[: k + 1], seed)) for k, index in enumerate(top_down)]


def independent_randomisations(model: Sequential, seed: int = 0) -> list[tuple[int, Sequential]]:
    """(layer, model with that layer alone random) for every layer with weights, from the top down."""
    return [(index, randomise(model, [index], seed)) for index in parameter_layers(model)[::-1]]


# ---- rank correlation ---------------------------------------------------------------------------------


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n of the values, equal values sharing the average of their ranks (``[5, 1, 5]`` ->
    ``[2.5, 1, 2.5]``).

    Shape:
        values: any shape, flattened; returns ``(n,)`` float64.
    """
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    if not np.isfinite(flat).all():
        raise BadInputError("ranks need finite values")
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    starts_group = np.concatenate([[True], ordered[1:] != ordered[:-1]])
    starts = np.flatnonzero(starts_group)
    ends = np.append(starts[1:], flat.size)  # one past each group's last position
    group_rank = (starts + ends - 1) / 2.0 + 1.0  # mean of the 1-based positions start+1 .. end
    ranks = np.empty(flat.size)
    ranks[order] = group_rank[np.cumsum(starts_group) - 1]
    return ranks


def spearman(first: np.ndarray, second: np.ndarray, *, absolute: bool = True) -> float:
    """Spearman's rank correlation of two maps, in [-1, 1]; NaN when either map is constant (no ranking).

    ``absolute=True`` ranks ``|map|`` (how strongly each pixel matters), ``False`` the signed values.

    Shape:
        first, second: the same shape, e.g. ``(H, W)``.
    """
    first, second = np.asarray(first), np.asarray(second)
    if first.shape != second.shape:
        raise BadInputError(f"maps of different shapes: {first.shape} and {second.shape}")
    if absolute:
        first, second = np.abs(first), np.abs(second)
    a = average_ranks(first)
    b = average_ranks(second)
    a -= a.mean()
    b -= b.mean()
    norm = np.sqrt((a * a).sum() * (b * b).sum())
    if norm == 0.0:
        return float("nan")
    return float(np.clip((a * b).sum() / norm, -1.0, 1.0))


# ---- the maps -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSettings:
    """What the maps explain and how: the Attribution tab's settings.

    Attributes:
        cls: the class whose logit is explained; other: class B of "cls rather than B"; label: the true
        label of the loss map. sigma, samples: SmoothGrad's noise (pixel units) and copies, its noise drawn
        from ``default_rng(0)`` for every model. ig_steps: Integrated Gradients' steps from a black image.
        gradcam_layer: the layer Grad-CAM reads (None: no Grad-CAM map).
    """

    cls: int
    other: int
    label: int
    sigma: float = 0.15
    samples: int = 25
    ig_steps: int = 64
    gradcam_layer: int | None = None

    def methods(self) -> tuple[str, ...]:
        """The maps these settings give: :data:`METHODS`, without Grad-CAM when it has no layer."""
        return tuple(m for m in METHODS if m != "gradcam" or self.gradcam_layer is not None)


def map_of(model: Sequential, x: np.ndarray, settings: MapSettings, method: str) -> np.ndarray:
    """One method's map, as the Attribution tab shows it ("loss" is −dL/dx: red helps the true label).

    Shape:
        x: ``(1, C, H, W)``; returns ``(H, W)`` float64 (Grad-CAM enlarged to the input).
    """
    cls = settings.cls
    if method == "vanilla":
        values = attribution.vanilla_gradient(model, x, cls)
    elif method == "smoothgrad":
        rng = np.random.default_rng(0)
        values = attribution.smoothgrad(model, x, cls, settings.sigma, settings.samples, rng)
    elif method == "ig":
        values = attribution.integrated_gradients_path(model, x, cls, steps=settings.ig_steps).attributions
    elif method == "gradcam" and settings.gradcam_layer is not None:
        values = attribution.grad_cam(model, x, cls, settings.gradcam_layer).upsampled
    elif method == "contrast":
        values = attribution.contrast(model, x, cls, settings.other)
    elif method == "loss":
        values = -model.trace(x, [settings.label]).input_grad[0].sum(axis=0)
    else:
        raise BadInputError(f"unknown attribution method {method!r}; choose one of {settings.methods()}")
    return np.asarray(values, dtype=np.float64)


def iter_maps(model: Sequential, x: np.ndarray, settings: MapSettings) -> Iterator[tuple[str, np.ndarray]]:
    """(method, map) for every method of ``settings``, one at a time (a worker can stop between them).

    Shape:
        x: ``(1, C, H, W)``; every map ``(H, W)`` float64.
    """
    for method in settings.methods():
        yield method, map_of(model, x, settings, method)


def correlations(
    original: dict[str, np.ndarray], randomised: dict[str, np.ndarray], *, absolute: bool = True
) -> dict[str, float]:
    """Spearman's ρ between each method's original and randomised map (the methods both have)."""
    return {
        method: spearman(original[method], randomised[method], absolute=absolute)
        for method in original
        if method in randomised
    }
