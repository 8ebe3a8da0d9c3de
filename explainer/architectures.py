"""Network architectures as plain, JSON-able specs: the editor's model, the presets and the builder.

An :class:`ArchitectureSpec` describes a VGG-like classifier for the images of a
:class:`~explainer.data.Dataset` (``(1, 28, 28)`` digits and 10 classes for :data:`~explainer.data.MNIST`,
the default)::

    [Conv -> (BatchNorm) -> activation] x convs_per_block -> pooling   (one block; conv_blocks of them)
    Flatten -> [Dense -> activation -> Dropout] x len(dense) -> Dense (one score per class)

:func:`describe` computes every layer's name, output shape and parameter count from the spec alone,
without allocating weights, and raises :class:`~explainer.errors.BadInputError` naming the layer and
the reason when the network cannot exist (a kernel larger than its padded input, a pooling window larger
than its input, a layer too large to save). :func:`build` turns a valid spec into a
:class:`~explainer.core.Sequential` with fresh weights. The names, output shapes and weight shapes come
from the layer classes (``Sequential.default_names``, ``Layer.shape_from_config``,
``Layer.param_shapes``), so they are the built network's. NumPy and the core only; no Qt.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple

import numpy as np

from explainer import core
from explainer.core import Layer, Sequential
from explainer.core.layers import resolve_padding
from explainer.data import MNIST, Dataset
from explainer.errors import BadInputError, bad_input
from explainer.modelio import MAX_ACTIVATIONS, MAX_ARRAY_BYTES, MAX_CHANNELS, MAX_FEATURES, MAX_WINDOW

PADDINGS = ("valid", "same")
"""Named paddings; an int >= 0 is also allowed (pixels of zeros on each side)."""

POOLINGS = ("max", "avg", "none")
"""Pooling after each block: max, average or none."""

_ACTIVATION_LAYER: dict[str, type[Layer]] = {
    cls.kind: cls for cls in (core.ReLU, core.LeakyReLU, core.Tanh, core.Sigmoid)
}
ACTIVATIONS = tuple(_ACTIVATION_LAYER)
"""Activation after every convolution and hidden dense layer: the kinds "relu", "leaky_relu", "tanh" and
"sigmoid"."""

MAX_CONV_BLOCKS = 6
MAX_CONVS_PER_BLOCK = 4
MAX_DENSE_LAYERS = 4
MAX_STRIDE = 4

# ReLU-like activations keep He initialisation; saturating ones train better from Glorot's smaller weights.
_GLOROT_ACTIVATIONS = (core.Tanh, core.Sigmoid)
_POOL_LAYER: dict[str, type[Layer]] = {"max": core.MaxPool2D, "avg": core.AvgPool2D}
_FLOAT32_BYTES = 4


@dataclass(frozen=True)
class ArchitectureSpec:
    """A VGG-like network in a few numbers; ``to_dict``/``from_dict`` round-trip it through JSON.

    Attributes:
        conv_blocks: number of blocks of convolutions followed by pooling (0 gives a dense-only net).
        convs_per_block: convolutions (each followed by the activation) in every block.
        channels: filters of the convolutions of each block; one entry per block.
        kernel_size: side k of every square kernel.
        padding: "valid" (0), "same" ((k - 1) // 2, odd k only) or an int of zero pixels per side.
        stride: step of every convolution.
        pooling: "max", "avg" or "none", after each block.
        pool_size: side and stride of the pooling window.
        activation: "relu", "leaky_relu", "tanh" or "sigmoid".
        dense: units of each hidden dense layer between Flatten and the class scores.
        dropout: drop probability of the Dropout after every hidden dense layer (after Flatten when there
            is none); 0 adds no Dropout.
        batch_norm: a BatchNorm2D after every convolution, before its activation.

    Shape:
        The network maps ``(N, *dataset.input_shape)`` pixels to ``(N, K)`` logits, K classes; for MNIST
        ``(N, 1, 28, 28)`` to ``(N, 10)``.
    """

    conv_blocks: int = 2
    convs_per_block: int = 2
    channels: tuple[int, ...] = (8, 16)
    kernel_size: int = 3
    padding: int | str = 1
    stride: int = 1
    pooling: str = "max"
    pool_size: int = 2
    activation: str = "relu"
    dense: tuple[int, ...] = ()
    dropout: float = 0.0
    batch_norm: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The spec as plain JSON types (tuples become lists).

        Shape:
            Not applicable.
        """
        data = asdict(self)
        data["channels"] = list(self.channels)
        data["dense"] = list(self.dense)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArchitectureSpec:
        """Rebuild a spec from :meth:`to_dict` output; missing keys take the defaults.

        Only the types are checked here; :func:`describe` checks that the network can exist.

        Shape:
            Not applicable.

        Raises:
            BadInputError: unknown keys or values of the wrong type.
        """
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise BadInputError(
                f"architecture spec has unknown fields {unknown}; known fields are {sorted(known)}"
            )
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in ("channels", "dense"):
                if not isinstance(value, list | tuple) or not all(_is_int(v) for v in value):
                    raise BadInputError(
                        f"architecture spec: {name} must be a list of integers, not {value!r}"
                    )
                values[name] = tuple(int(v) for v in value)
            elif name == "padding":
                if not (_is_int(value) or value in PADDINGS):
                    raise BadInputError(
                        f"architecture spec: padding must be an integer, 'valid' or 'same', not {value!r}"
                    )
                values[name] = value
            elif name in ("pooling", "activation"):
                if not isinstance(value, str):
                    raise BadInputError(f"architecture spec: {name} must be a string, not {value!r}")
                values[name] = value
            elif name == "batch_norm":
                if not isinstance(value, bool):
                    raise BadInputError(f"architecture spec: batch_norm must be true or false, not {value!r}")
                values[name] = value
            elif name == "dropout":
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise BadInputError(f"architecture spec: dropout must be a number, not {value!r}")
                values[name] = float(value)
            else:
                if not _is_int(value):
                    raise BadInputError(f"architecture spec: {name} must be an integer, not {value!r}")
                values[name] = int(value)
        return cls(**values)


TINY_VGG = ArchitectureSpec()
"""The reference Tiny-VGG of :func:`explainer.core.reference_net`: two blocks of two 3x3 convs (8 and 16
filters, padding 1), ReLU, 2x2 max pooling, then one dense layer 784 -> 10 (12,002 weights)."""

KERAS_MNIST = ArchitectureSpec(
    conv_blocks=3,
    convs_per_block=1,
    channels=(32, 64, 64),
    kernel_size=5,
    padding="same",
    stride=1,
    pooling="max",
    pool_size=2,
    activation="relu",
    dense=(1024,),
    dropout=0.5,
)
"""The Keras model of the seed tutorial (../shared/seeds/001): Conv 32@5x5 "same", pool, Conv 64@5x5 "same",
pool, Conv 64@5x5 "same", pool, Flatten, Dense 1024 ReLU, Dropout 0.5, Dense 10 (softmax in the loss).

The tutorial's comments give the sizes 28, 14, 7, 3 and a 64*3*3 flatten, which is what our unpadded
(floor) pooling computes; Keras' ``MaxPool2D(2, 2, 'same')`` as written would round 7/2 up to 4 instead.
755,658 weights."""

PRESETS: dict[str, ArchitectureSpec] = {"tiny_vgg": TINY_VGG, "keras_mnist": KERAS_MNIST}
"""Named presets offered by the architecture editor."""


class ArchitectureError(BadInputError):
    """A network that cannot exist; ``rows`` are the layers that could be computed before the failing one.

    Shape:
        Not applicable.
    """

    def __init__(self, error: BadInputError, rows: Sequence[LayerInfo] = ()) -> None:
        super().__init__(str(error), template=error.template, fields=error.fields)
        self.rows = list(rows)


class LayerInfo(NamedTuple):
    """One row of :func:`describe`: a layer as it will be built.

    Shape:
        shape: per-sample output shape, ``(C, H, W)`` or ``(F,)``.
    """

    name: str
    shape: tuple[int, ...]
    params: int
    kind: str
    config: dict[str, Any]


def _layer_configs(spec: ArchitectureSpec, dataset: Dataset) -> list[tuple[type[Layer], dict[str, Any]]]:
    """The ``(layer class, constructor kwargs)`` of every layer of ``spec``, in order (weights not created).

    Shape:
        Not applicable; see :func:`describe` for the shapes.

    Raises:
        BadInputError: a setting is out of range (the message names it and the allowed range).
    """
    _check_settings(spec)
    activation_layer = _ACTIVATION_LAYER[spec.activation]
    activation: tuple[type[Layer], dict[str, Any]] = (activation_layer, {})
    extra = {"init": "glorot"} if activation_layer in _GLOROT_ACTIVATIONS else {}
    configs: list[tuple[type[Layer], dict[str, Any]]] = []
    in_channels = dataset.input_shape[0]
    for out_channels in spec.channels:
        for _ in range(spec.convs_per_block):
            conv = {
                "in_channels": in_channels,
                "out_channels": out_channels,
                "kernel_size": spec.kernel_size,
                "stride": spec.stride,
                "padding": spec.padding,
                **extra,
            }
            configs.append((core.Conv2D, conv))
            if spec.batch_norm:
                configs.append((core.BatchNorm2D, core.BatchNorm2D(out_channels).get_config()))
            configs.append(activation)
            in_channels = out_channels
        if spec.pooling != "none":
            configs.append((_POOL_LAYER[spec.pooling], {"size": spec.pool_size, "stride": spec.pool_size}))
    configs.append((core.Flatten, {}))
    # Dense in_features are filled in by describe(), which knows the flattened size.
    for units in spec.dense:
        configs += [(core.Dense, {"in_features": 0, "out_features": units, **extra}), activation]
        if spec.dropout > 0:
            configs.append((core.Dropout, {"p": spec.dropout}))
    if not spec.dense and spec.dropout > 0:
        configs.append((core.Dropout, {"p": spec.dropout}))
    configs.append((core.Dense, {"in_features": 0, "out_features": len(dataset.class_names)}))
    return configs


def describe(spec: ArchitectureSpec, dataset: Dataset = MNIST) -> list[LayerInfo]:
    """Name, output shape and parameter count of every layer ``build(spec, dataset=dataset)`` would create.

    Computed from the numbers alone, so the editor can show it live while the user types.

    Shape:
        Each row's ``shape`` is the per-sample output, ``(C, H, W)`` for image layers and ``(F,)`` after
        Flatten; the last row is ``(K,)``, one score per class of ``dataset``.

    Raises:
        ArchitectureError: the network cannot exist; the message names the layer and says why and what to
            change, and ``rows`` holds the layers before it (empty when a setting itself is out of range).
    """
    try:
        configs = _layer_configs(spec, dataset)
    except BadInputError as error:
        raise ArchitectureError(error) from None
    names = Sequential.default_names([cls for cls, _ in configs])
    rows: list[LayerInfo] = []
    shape: tuple[int, ...] = dataset.input_shape
    activations = math.prod(shape)
    for name, (cls, config) in zip(names, configs, strict=True):
        try:
            if cls is core.Dense:
                config["in_features"] = shape[0]
                _check_dense_inputs(name, shape[0])
            shape = _output_shape(name, cls, config, shape)
            arrays = cls.param_shapes(config)
            _check_array_sizes(name, arrays)
        except BadInputError as error:
            raise ArchitectureError(error, rows) from None
        activations += math.prod(shape)
        params = sum(math.prod(array) for array in arrays.values())
        rows.append(LayerInfo(name, shape, params, cls.kind, config))
    if activations > MAX_ACTIVATIONS:
        error = bad_input(
            "the feature maps would hold {n} numbers per image, more than the {max} a model file allows; "
            "use fewer channels or more pooling",
            n=f"{activations:,}",
            max=f"{MAX_ACTIVATIONS:,}",
        )
        raise ArchitectureError(error, rows)
    return rows


def build(
    spec: ArchitectureSpec, rng: np.random.Generator | None = None, dataset: Dataset = MNIST
) -> Sequential:
    """A fresh network for ``spec`` and ``dataset`` with weights drawn from ``rng`` (``default_rng(0)``
    when None).

    The spec is stored in ``model.metadata["architecture"]`` (it travels with a saved model).

    Shape:
        The model maps ``(N, *dataset.input_shape)`` pixels in [0, 1] to ``(N, K)`` logits, K classes
        (``(N, 1, 28, 28)`` to ``(N, 10)`` for MNIST); its ``output_shapes()`` equal the shapes of
        :func:`describe`.

    Raises:
        BadInputError: the network cannot exist (see :func:`describe`).
    """
    rows = describe(spec, dataset)
    rng = np.random.default_rng(0) if rng is None else rng
    layers = []
    for row in rows:
        layer = Layer.from_config(row.kind, row.config, rng)
        layer.name = row.name
        layers.append(layer)
    model = Sequential(layers, input_shape=dataset.input_shape, class_names=dataset.class_names)
    model.metadata["architecture"] = spec.to_dict()
    return model


def spec_of(model: Sequential, dataset: Dataset = MNIST) -> ArchitectureSpec | None:
    """The spec ``model`` was built from for ``dataset``: its ``metadata["architecture"]``, else a preset
    with exactly its layers (e.g. :func:`explainer.core.reference_net` is :data:`TINY_VGG`); None when
    neither fits.

    Shape:
        Not applicable.
    """
    candidates = []
    stored = model.metadata.get("architecture")
    if isinstance(stored, dict):
        with contextlib.suppress(BadInputError):
            candidates.append(ArchitectureSpec.from_dict(stored))
    candidates += PRESETS.values()
    layers = [(layer.kind, layer.get_config()) for layer in model.layers]
    for spec in candidates:
        try:
            rows = describe(spec, dataset)
        except BadInputError:
            continue
        if tuple(model.input_shape) == dataset.input_shape and layers == [
            (row.kind, row.config) for row in rows
        ]:
            return spec
    return None


def param_count(rows: Sequence[LayerInfo]) -> int:
    """Total trainable numbers of the rows of :func:`describe`.

    Shape:
        Not applicable.
    """
    return sum(row.params for row in rows)


def _is_int(value: Any) -> bool:
    """An integer that is not a bool."""
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _check_settings(spec: ArchitectureSpec) -> None:
    """Range checks on each setting, before any shape is computed."""

    def need(ok: bool, message: str) -> None:
        if not ok:
            raise BadInputError(message)

    need(
        0 <= spec.conv_blocks <= MAX_CONV_BLOCKS,
        f"conv blocks must be 0 to {MAX_CONV_BLOCKS}, not {spec.conv_blocks}",
    )
    need(
        1 <= spec.convs_per_block <= MAX_CONVS_PER_BLOCK,
        f"convs per block must be 1 to {MAX_CONVS_PER_BLOCK}, not {spec.convs_per_block}",
    )
    need(
        len(spec.channels) == spec.conv_blocks,
        f"give one channel count per conv block: {spec.conv_blocks} blocks, channels {list(spec.channels)}",
    )
    for block, channels in enumerate(spec.channels, start=1):
        need(
            1 <= channels <= MAX_CHANNELS,
            f"block {block}: channels must be 1 to {MAX_CHANNELS}, not {channels}",
        )
    need(
        1 <= spec.kernel_size <= MAX_WINDOW, f"kernel size must be 1 to {MAX_WINDOW}, not {spec.kernel_size}"
    )
    need(1 <= spec.stride <= MAX_STRIDE, f"stride must be 1 to {MAX_STRIDE}, not {spec.stride}")
    if spec.padding == "same":
        need(
            spec.kernel_size % 2 == 1,
            f"padding 'same' needs an odd kernel size (equal padding on both sides), not {spec.kernel_size}",
        )
    elif spec.padding != "valid":
        need(
            _is_int(spec.padding) and 0 <= int(spec.padding) < spec.kernel_size,
            f"padding must be 'valid', 'same' or 0 to {spec.kernel_size - 1} pixels for a "
            f"{spec.kernel_size}x{spec.kernel_size} kernel (more would add outputs that see only zeros), "
            f"not {spec.padding!r}",
        )
    need(spec.pooling in POOLINGS, f"pooling must be one of {list(POOLINGS)}, not {spec.pooling!r}")
    need(1 <= spec.pool_size <= MAX_WINDOW, f"pool size must be 1 to {MAX_WINDOW}, not {spec.pool_size}")
    need(
        spec.activation in ACTIVATIONS,
        f"activation must be one of {list(ACTIVATIONS)}, not {spec.activation!r}",
    )
    need(
        len(spec.dense) <= MAX_DENSE_LAYERS,
        f"at most {MAX_DENSE_LAYERS} hidden dense layers, not {len(spec.dense)}",
    )
    for units in spec.dense:
        need(1 <= units <= MAX_FEATURES, f"dense layers need 1 to {MAX_FEATURES} units, not {units}")
    need(0.0 <= spec.dropout < 1.0, f"dropout must be at least 0 and below 1, not {spec.dropout}")


def _output_shape(
    name: str, cls: type[Layer], config: Mapping[str, Any], shape: tuple[int, ...]
) -> tuple[int, ...]:
    """The layer's output shape (its own maths), or why its kernel or window does not fit, and what to
    change in the editor."""
    try:
        return cls.shape_from_config(config, shape)
    except ValueError as error:
        if cls not in (core.Conv2D, core.MaxPool2D, core.AvgPool2D) or len(shape) != 3:
            raise BadInputError(f"{name}: {error}") from None
        _, height, width = shape
        if cls is core.Conv2D:
            k = config["kernel_size"]
            pad = resolve_padding(config["padding"], k)
            raise bad_input(
                "{name}: its {k}x{k} kernel is larger than its input {h}x{w} padded to {ph}x{pw} (padding "
                "{pad}); use fewer blocks, a smaller kernel, more padding or stride 1",
                name=name,
                k=k,
                h=height,
                w=width,
                ph=height + 2 * pad,
                pw=width + 2 * pad,
                pad=pad,
            ) from None
        raise bad_input(
            "{name}: its {size}x{size} window does not fit its {h}x{w} input; use fewer blocks, a "
            "smaller pool size, stride 1 or no pooling",
            name=name,
            size=config["size"],
            h=height,
            w=width,
        ) from None


def _check_dense_inputs(name: str, in_features: int) -> None:
    """Refuse dense layers with more inputs than a model file allows (and far too slow for NumPy)."""
    if in_features > MAX_FEATURES:
        raise bad_input(
            "{name}: Flatten gives {n} numbers, more than the {max} inputs a dense layer may have; add "
            "pooling, a block or a larger stride",
            name=name,
            n=f"{in_features:,}",
            max=f"{MAX_FEATURES:,}",
        )


def _check_array_sizes(name: str, arrays: Mapping[str, tuple[int, ...]]) -> None:
    """Refuse a layer with a weight array too large for a model file."""
    for shape in arrays.values():
        weights = math.prod(shape)
        if weights * _FLOAT32_BYTES > MAX_ARRAY_BYTES:
            raise BadInputError(
                f"{name}: {' x '.join(f'{n:,}' for n in shape)} = {weights:,} weights are more than a model "
                f"file can hold in one layer ({MAX_ARRAY_BYTES // _FLOAT32_BYTES:,}); use fewer channels, "
                "a smaller kernel or fewer units"
            )
