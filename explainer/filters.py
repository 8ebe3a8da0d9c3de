"""What each filter looks for, for a whole model: computed (``explainer.core.filters``), saved, bundled.

A :class:`FilterAtlas` holds, for every conv layer, the top images of each channel (indices, activation,
argmax position, receptive-field box) and the synthesised inputs. It ships for the bundled models as
``assets/filters_mnist.npz`` and ``assets/filters_fashion_mnist.npz`` (numbers and JSON only, never
pickles; ``benchmarks/bench_filters.py`` writes them)::

    <layer>/indices, values, positions, boxes   (C, 9) int32, (C, 9) float32, (C, 9, 2), (C, 9, 4) int16
    <layer>/synthesised                          (C, C_in, H, W) uint8 (0-255 for [0, 1])
    <layer>/start_means, final_means             (C,) float32
    images, image_indices                        the distinct top images only, uint8 (M, C_in, H, W), (M,)
    config                                       uint8 UTF-8 JSON: format, model_sha256, layers, data
                                                 (what the images are), command, settings

:func:`bundled_atlas_for` returns the bundled atlas whose ``model_sha256`` matches a model's weights.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from explainer.assets import asset_path
from explainer.atomic import atomic_writer
from explainer.core import Sequential
from explainer.core.filters import Synthesised, TopActivations, activation_maximisation, conv_layer_indices
from explainer.core.filters import top_activations as compute_top
from explainer.errors import BadInputError
from explainer.unusual import model_sha256

FORMAT = "mnist-cnn-explainer-filters/1"
BUNDLED_FILES = ("filters_mnist.npz", "filters_fashion_mnist.npz")
_KEYS = ("indices", "values", "positions", "boxes")


@dataclass(frozen=True, eq=False)
class LayerFilters:
    """One conv layer's results: its index and name, top images and synthesised inputs."""

    layer_index: int
    name: str
    top: TopActivations
    synthesised: Synthesised


@dataclass(frozen=True, eq=False)
class FilterAtlas:
    """Every conv layer's :class:`LayerFilters`, the images they index, and how it was made.

    Shape:
        images: ``{index: (C_in, H, W) float32 in [0, 1]}`` for every index the layers' tops name.
    """

    layers: tuple[LayerFilters, ...]
    images: dict[int, np.ndarray]
    config: dict[str, Any] = field(default_factory=dict)

    def layer(self, layer_index: int) -> LayerFilters | None:
        """The results of ``model.layers[layer_index]``, or None when it is no conv layer."""
        return next((item for item in self.layers if item.layer_index == layer_index), None)

    def save(self, path: str | Path) -> None:
        """Write the atlas as ``.npz`` (layout in the module docstring), atomically."""
        arrays: dict[str, np.ndarray] = {}
        config = {**self.config, "format": FORMAT, "layers": []}
        for item in self.layers:
            config["layers"].append({"index": item.layer_index, "name": item.name})
            arrays[f"{item.name}/indices"] = item.top.indices.astype(np.int32)
            arrays[f"{item.name}/values"] = item.top.values.astype(np.float32)
            arrays[f"{item.name}/positions"] = item.top.positions.astype(np.int16)
            arrays[f"{item.name}/boxes"] = item.top.boxes.astype(np.int16)
            arrays[f"{item.name}/synthesised"] = np.round(item.synthesised.images * 255).astype(np.uint8)
            arrays[f"{item.name}/start_means"] = item.synthesised.start_means.astype(np.float32)
            arrays[f"{item.name}/final_means"] = item.synthesised.final_means.astype(np.float32)
        indices = sorted(self.images)
        arrays["image_indices"] = np.asarray(indices, np.int32)
        arrays["images"] = np.round(np.stack([self.images[i] for i in indices]) * 255).astype(np.uint8)
        arrays["config"] = np.frombuffer(json.dumps(config).encode(), np.uint8)
        with atomic_writer(Path(path)) as file:
            np.savez_compressed(file, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> FilterAtlas:
        """Read an atlas written by :meth:`save`; BadInputError names the file and the problem."""
        try:
            with np.load(path, allow_pickle=False) as data:
                config = json.loads(bytes(data["config"]).decode())
                if config.get("format") != FORMAT:
                    raise ValueError(f"format {config.get('format')!r} is not {FORMAT!r}")
                layers = []
                for entry in config["layers"]:
                    name = str(entry["name"])
                    top = TopActivations(
                        *(np.asarray(data[f"{name}/{key}"]).astype(np.int64) for key in _KEYS)
                    )
                    top = TopActivations(
                        top.indices, np.asarray(data[f"{name}/values"]), top.positions, top.boxes
                    )
                    synthesised = Synthesised(
                        np.asarray(data[f"{name}/synthesised"], np.float32) / 255,
                        np.asarray(data[f"{name}/start_means"]),
                        np.asarray(data[f"{name}/final_means"]),
                    )
                    layers.append(LayerFilters(int(entry["index"]), name, top, synthesised))
                images = np.asarray(data["images"], np.float32) / 255
                indices = [int(i) for i in data["image_indices"]]
            if len(indices) != len(images):
                raise ValueError(f"{len(indices)} image indices for {len(images)} images")
            return cls(tuple(layers), dict(zip(indices, images, strict=True)), config)
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, EOFError) as error:
            raise BadInputError(f"cannot read the filter atlas {path}: {error}") from error


def atlas_steps(
    model: Sequential, images: np.ndarray, config: dict[str, Any] | None = None
) -> Iterator[tuple[int, int, FilterAtlas | None]]:
    """Compute the atlas layer by layer: yields ``(done, total, None)`` after each stage, then
    ``(total, total, atlas)``; stop iterating to cancel.

    Shape:
        images ``(N, H, W)`` or ``(N, C_in, H, W)``, uint8 or floats in [0, 1].
    """
    convs = conv_layer_indices(model)
    total = 2 * len(convs)
    layers = []
    done = 0
    yield done, total, None
    for index in convs:
        top = compute_top(model, images, index)
        done += 1
        yield done, total, None
        synthesised = activation_maximisation(model, index)
        done += 1
        layers.append(LayerFilters(index, model.layers[index].name or "", top, synthesised))
        if done < total:
            yield done, total, None
    raw = np.asarray(images)
    scale = 1 / 255 if raw.dtype == np.uint8 else 1.0
    wanted = sorted({int(i) for item in layers for i in item.top.indices.ravel()})
    kept = {i: (raw[i].astype(np.float32) * scale).reshape(model.input_shape) for i in wanted}
    full = {**(config or {}), "model_sha256": model_sha256(model), "image_count": len(raw)}
    yield total, total, FilterAtlas(tuple(layers), kept, full)


def compute_atlas(
    model: Sequential,
    images: np.ndarray,
    config: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FilterAtlas:
    """:func:`atlas_steps` run to the end."""
    for done, total, atlas in atlas_steps(model, images, config):
        if progress is not None:
            progress(done, total)
        if atlas is not None:
            return atlas
    raise AssertionError("atlas_steps ended without an atlas")


_BUNDLED: dict[str, FilterAtlas] = {}
_COMPUTED: dict[str, FilterAtlas] = {}
"""Atlases computed in this session (the app's worker), by the weights they belong to."""


def remember(atlas: FilterAtlas) -> None:
    """Keep an atlas computed in this session, so every view finds it for its model."""
    _COMPUTED[str(atlas.config["model_sha256"])] = atlas


def atlas_for(model: Any) -> FilterAtlas | None:
    """The bundled or remembered atlas of these weights; ``model`` is a Sequential or a Trace (anything
    whose ``layers`` have ``kind`` and ``params``)."""
    return bundled_atlas_for(model) or _COMPUTED.get(model_sha256(model))


def bundled_atlas_for(model: Any) -> FilterAtlas | None:
    """The bundled atlas computed for exactly these weights, or None (another model, or a missing file)."""
    sha = model_sha256(model)
    if sha in _BUNDLED:
        return _BUNDLED[sha]
    for name in BUNDLED_FILES:
        try:
            atlas = FilterAtlas.load(asset_path(name))
        except BadInputError:
            continue
        _BUNDLED[str(atlas.config.get("model_sha256"))] = atlas
    return _BUNDLED.get(sha)
