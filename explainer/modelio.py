"""Save and load networks as ``.npz`` files that hold only numbers and JSON, never pickled objects.

File layout (format ``mnist-cnn-explainer/1``)::

    layer{i}.{key}   float32/float64 weights of layer i, e.g. "layer0.W" (C_out, C_in, kH, kW), "layer0.b"
    config           uint8 array of UTF-8 JSON:
                     {"format": "mnist-cnn-explainer/1",
                      "layers": [{"kind": "conv2d", "config": {...constructor kwargs...}}, ...],
                      "input_shape": [1, 28, 28], "input_mean": 0.0, "input_std": 1.0,
                      "class_names": ["0", ..., "9"], "metadata": {...free-form JSON...}}

A variational autoencoder (:class:`~explainer.core.vae.VAE`, :func:`save_vae`, :func:`load_vae`) is one
file of the same kind (format ``mnist-cnn-explainer-vae/1``), its two networks checked as above::

    encoder.layer{i}.{key}   the encoder's weights, as a classifier file stores "layer{i}.{key}"
    decoder.layer{i}.{key}   the decoder's weights (its input is a code [d], not an image)
    test_mu                  float32 (M, d): the test set's codes (optional, with test_labels)
    test_labels              uint8 (M,): their digits 0-9 (int64 once loaded)
    config                   {"format": "mnist-cnn-explainer-vae/1", "beta": 1.0,
                              "encoder": {a classifier file's config}, "decoder": {...},
                              "metadata": {command, seed, beta, test_elbo, test_recon, test_kl, ...}}

Loading checks every part before it builds the network (sizes are bounded, so no file can exhaust memory
or time), then runs the network once on plain inputs to make sure its outputs are finite. A damaged or
hostile file raises ``BadInputError`` naming the file and the problem; nothing from the file is executed.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from explainer.assets import asset_path, bundled
from explainer.atomic import atomic_writer
from explainer.core import Layer, Sequential
from explainer.core.schema import MAX_CHANNELS as MAX_CHANNELS
from explainer.core.schema import MAX_FEATURES as MAX_FEATURES
from explainer.core.schema import MAX_WINDOW as MAX_WINDOW
from explainer.core.schema import is_int
from explainer.core.vae import VAE
from explainer.errors import BadInputError, bad_input, regular_file_size

FORMAT = "mnist-cnn-explainer/1"
DEFAULT_MODEL_PATH = asset_path("model.npz")

# Generous for a teaching net (the bundled one is ~60 kB) yet small enough that no file can exhaust memory.
MAX_FILE_BYTES = 64 * 2**20
MAX_ARRAY_BYTES = 64 * 2**20
MAX_CONFIG_BYTES = 2**20
MAX_LAYERS = 64
# MAX_CHANNELS, MAX_FEATURES and MAX_WINDOW bound the layers' settings (explainer.core.schema).
MAX_INPUT_SIDE = 256
MAX_INPUT_CHANNELS = 4
# Sum of all per-sample activations; keeps a trace of any loadable network within a few hundred MB.
MAX_ACTIVATIONS = 2**24
# About a second per sample in NumPy; the bundled net needs 1.2 million.
MAX_MULTIPLY_ADDS = 2**30
MAX_NORMALISATION = 1e6
ZIP_MAGIC = b"PK\x03\x04"


def save_model(
    model: Sequential | VAE, path: str | os.PathLike[str], metadata: Mapping[str, Any] | None = None
) -> None:
    """Write ``model`` to ``path`` atomically with :func:`explainer.atomic.atomic_writer`: an ``.npz``, or
    an opset-13 ONNX file when ``path`` ends in ``.onnx`` (see :func:`explainer.onnxio.onnx_bytes`).
    A :class:`~explainer.core.vae.VAE` is written by :func:`save_vae` (``.npz`` only).

    ``metadata`` is merged over ``model.metadata`` (it does not change the model). If anything fails,
    the file previously at ``path`` is left untouched and the temp file is removed.

    Shape:
        Each layer's params and buffers are stored as-is, e.g. Conv2D ``W (C_out, C_in, kH, kW)``,
        ``b (C_out,)``; Dense ``W (in, out)``, ``b (out,)``; BatchNorm2D ``gamma``, ``beta``,
        ``running_mean``, ``running_var`` ``(C,)``; the config is a 1-D uint8 array.

    Raises:
        BadInputError: a weight is NaN or infinite, or the metadata is not JSON-able.
        OSError: the folder is missing or not writable, or the disk is full (the old file stays).
    """
    path = Path(path)
    if isinstance(model, VAE):
        save_vae(model, path, metadata)
        return
    if path.suffix.lower() == ".onnx":
        _save_onnx(model, path, metadata)
        return
    arrays = {name: np.ascontiguousarray(value) for name, value in _saved_arrays(model, path).items()}
    write_npz(path, arrays, model_document(model, metadata))


def model_document(model: Sequential, metadata: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON ``config`` of a model file for ``model``: its layers, input, classes and metadata
    (``metadata`` merged over ``model.metadata``)."""
    return {
        "format": FORMAT,
        "layers": [{"kind": layer.kind, "config": layer.get_config()} for layer in model.layers],
        "input_shape": [int(n) for n in model.input_shape],
        "input_mean": float(model.input_mean),
        "input_std": float(model.input_std),
        "class_names": [str(name) for name in model.class_names],
        "metadata": {**model.metadata, **(metadata or {})},
    }


def write_npz(path: Path, arrays: Mapping[str, np.ndarray], document: Mapping[str, Any]) -> None:
    """Write ``arrays`` and ``document`` (as the uint8 JSON ``config`` entry) to ``path`` atomically.

    Raises:
        BadInputError: the document is not plain JSON (NaN, or objects JSON cannot hold).
    """
    try:
        text = json.dumps(document, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise BadInputError(
            f"refusing to save {path}: the config or metadata is not plain JSON ({exc})"
        ) from exc
    entries = {**arrays, "config": np.frombuffer(text.encode("utf-8"), dtype=np.uint8)}
    with atomic_writer(path) as file:
        np.savez(file, **entries)


def _saved_arrays(model: Sequential, path: Path) -> dict[str, np.ndarray]:
    """Every weight and buffer of ``model`` under its file name "layer{i}.{key}", refusing NaN or inf
    (a file that could never be read back)."""
    arrays: dict[str, np.ndarray] = {}
    for i, layer in enumerate(model.layers):
        for key, value in {**layer.params, **layer.buffers}.items():
            if not np.all(np.isfinite(value)):
                raise BadInputError(f"refusing to save {path}: layer {i} ({layer.kind}) {key} has NaN or inf")
            arrays[f"layer{i}.{key}"] = value
    return arrays


def _save_onnx(model: Sequential, path: Path, metadata: Mapping[str, Any] | None) -> None:
    """Write ``model`` as ONNX, atomically; refuses NaN weights and metadata that is not JSON."""
    from explainer.onnxio import onnx_bytes

    _saved_arrays(model, path)
    try:
        data = onnx_bytes(model, dict(metadata or {}))
    except (TypeError, ValueError) as exc:
        raise BadInputError(f"refusing to save {path}: the metadata is not plain JSON ({exc})") from exc
    with atomic_writer(path) as file:
        file.write(data)


def load_model(path: str | os.PathLike[str] | None = None) -> Sequential:
    """Read a network saved by :func:`save_model`, or an ONNX file (see :mod:`explainer.onnxio`), told
    apart by their content; ``None`` means the bundled ``assets/model.npz``.

    A relative ``assets/<name>`` that does not exist in the working folder is the bundled file ``name``
    (see :func:`explainer.assets.bundled`), e.g. ``load_model("assets/fashion_mnist.npz")``.

    Shape:
        The returned model maps ``(N, *input_shape)`` pixels to ``(N, K)`` logits,
        ``K = len(class_names)``.

    Raises:
        BadInputError: the file is missing, empty, not an ``.npz``, damaged, holds pickled objects, or its
            architecture, weights or metadata are invalid. The message names the file and the problem.
    """
    path = DEFAULT_MODEL_PATH if path is None else bundled(path)
    head = _check_file(path)
    if head != ZIP_MAGIC:
        if _is_onnx(path, head):
            from explainer.onnxio import onnx_document

            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _bad(path, f"cannot be read ({_describe(exc)})") from exc
            document, weights = onnx_document(path, data)
            return build_checked(path, {"format": FORMAT, **document}, weights)
        # np.load would also accept a bare .npy or a pickle; only a zip archive can be an .npz model.
        raise bad_input(
            "model file {path} is neither an .npz (zip) archive nor an ONNX file; it may be another kind "
            "of file or random bytes",
            path=_quoted(path),
        )
    with open_npz(path) as npz:
        members = _list_members(path, npz)
        document = _read_config(path, npz, members)
        doc = _Document(path, document)
        expected = doc.expected_weights()
        weights = _read_weights(path, npz, members, expected)
    return doc.build(weights)


def open_npz(path: Path) -> Any:
    """Open an ``.npz`` archive without pickles (``np.load(..., allow_pickle=False)``), for a ``with``.

    Raises:
        BadInputError: the archive cannot be read (truncated or damaged).
    """
    try:
        return np.load(path, allow_pickle=False)
    except Exception as exc:
        # zipfile and numpy raise a zoo of types (BadZipFile, OSError, ValueError, EOFError, ...).
        raise bad_input(
            "model file {path} is not a readable .npz archive; it may be truncated or damaged ({reason})",
            path=_quoted(path),
            reason=_describe(exc),
        ) from exc


def build_checked(path: Path, document: Mapping[str, Any], weights: Mapping[str, np.ndarray]) -> Sequential:
    """Build a network from a model-file ``document`` and its weight arrays with every check a ``.npz``
    gets (settings, shapes, sizes, finite weights and outputs); other readers (ONNX) end here.

    Shape:
        ``weights`` maps "layer{i}.{key}" to float32 or float64 arrays of the shapes the layers need.
    """
    doc = _Document(path, document)
    expected = doc.expected_weights()
    if set(weights) != set(expected):
        raise _bad(path, f"gives weights {sorted(weights)} where the layers need {sorted(expected)}")
    for name, shape in expected.items():
        if weights[name].shape != shape:
            raise _bad(path, f"weight {name!r} has shape {weights[name].shape}; the layer needs {shape}")
        if not np.all(np.isfinite(weights[name])):
            raise bad_input(
                "model file {path} weight {name} contains NaN or infinite values",
                path=_quoted(path),
                name=repr(name),
            )
    return doc.build(weights)


def _bad(path: Path, problem: str) -> BadInputError:
    """The error for ``path``: the file name first, then what is wrong with it (a technical detail that
    the app shows untranslated after a translated "model file ..." prefix)."""
    return bad_input("model file {path} {problem}", path=_quoted(path), problem=problem)


def _quoted(path: Path) -> str:
    """The file name as the messages show it, quoted."""
    return repr(str(path))


def _describe(exc: BaseException) -> str:
    """A one-line description of a low-level exception for an error message."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _check_file(path: Path) -> bytes:
    """Reject what cannot be a model file before a parser opens it; returns the first bytes."""
    size = regular_file_size(path, "model")
    try:
        with path.open("rb") as f:
            head = f.read(len(ZIP_MAGIC))
    except OSError as exc:
        raise _bad(path, f"cannot be read ({_describe(exc)})") from exc
    if size == 0:
        raise bad_input("model file {path} is empty", path=_quoted(path))
    if size > MAX_FILE_BYTES:
        raise _bad(path, f"is {size:,} bytes; model files are at most {MAX_FILE_BYTES:,}")
    return head


def _is_onnx(path: Path, head: bytes) -> bool:
    """An ONNX file by content: a protobuf ModelProto starts with its ir_version (field 1, a varint, tag
    byte 0x08); the suffix ``.onnx`` also counts, so that a damaged one gets the ONNX reader's message."""
    return head[:1] == b"\x08" or path.suffix.lower() == ".onnx"


def _list_members(path: Path, npz: Any) -> dict[str, int]:
    """Map each array name in the archive to its uncompressed size, rejecting odd or oversized entries."""
    members: dict[str, int] = {}
    total = 0
    for info in npz.zip.infolist():
        if not info.filename.endswith(".npy"):
            raise _bad(path, f"holds {info.filename!r}, which is not a .npy array")
        name = info.filename[: -len(".npy")]
        if name in members:
            raise _bad(path, f"holds the array {name!r} twice")
        total += info.file_size
        if info.file_size > MAX_ARRAY_BYTES or total > MAX_FILE_BYTES:
            raise _bad(
                path, f"declares {total:,} bytes of arrays; model files hold at most {MAX_FILE_BYTES:,}"
            )
        members[name] = info.file_size
    if "config" not in members:
        raise bad_input(
            "model file {path} has no 'config' entry; it is an .npz, but not a saved model",
            path=_quoted(path),
        )
    return members


def _array_header(path: Path, npz: Any, name: str, stored_bytes: int) -> tuple[tuple[int, ...], np.dtype]:
    """Read an array's shape and dtype from its .npy header without reading (or unpickling) the data."""
    try:
        with npz.zip.open(f"{name}.npy") as f:
            version = np.lib.format.read_magic(f)
            if version == (1, 0):
                shape, _, dtype = np.lib.format.read_array_header_1_0(f)
            elif version == (2, 0):
                shape, _, dtype = np.lib.format.read_array_header_2_0(f)
            else:
                raise _bad(path, f"array {name!r} uses .npy version {version}, which this app does not read")
    except BadInputError:
        raise
    except Exception as exc:
        raise _bad(path, f"array {name!r} has a damaged header ({_describe(exc)})") from exc
    if dtype.hasobject:
        raise bad_input(
            "model file {path} array {name} holds pickled Python objects, which are never loaded",
            path=_quoted(path),
            name=repr(name),
        )
    if math.prod(shape) * dtype.itemsize > stored_bytes:
        raise _bad(
            path, f"array {name!r} claims shape {shape} but its data is shorter; the file is truncated"
        )
    return shape, dtype


def _read_array(path: Path, npz: Any, name: str) -> np.ndarray:
    """Read one array's data (the header has already been checked)."""
    try:
        return npz[name]
    except Exception as exc:
        raise _bad(path, f"array {name!r} cannot be read; the file is damaged ({_describe(exc)})") from exc


def _read_config(path: Path, npz: Any, members: Mapping[str, int]) -> dict[str, Any]:
    """Decode the ``config`` entry: a 1-D uint8 array of UTF-8 JSON holding an object."""
    shape, dtype = _array_header(path, npz, "config", members["config"])
    if dtype != np.uint8 or len(shape) != 1:
        raise _bad(path, f"has a 'config' entry of {dtype} {shape}; it must be 1-D uint8 JSON bytes")
    if shape[0] > MAX_CONFIG_BYTES:
        raise _bad(path, f"has a {shape[0]:,}-byte 'config'; at most {MAX_CONFIG_BYTES:,} are allowed")
    raw = _read_array(path, npz, "config").tobytes()
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad(path, f"has a 'config' that is not valid UTF-8 JSON ({_describe(exc)})") from exc
    if not isinstance(document, dict):
        raise _bad(path, f"has a 'config' holding a JSON {type(document).__name__}, not an object")
    return document


def _reject_constant(name: str) -> Any:
    """JSON has no NaN or Infinity; Python's parser accepts them unless told not to."""
    raise ValueError(f"{name} is not allowed in the config")


def _read_weights(
    path: Path,
    npz: Any,
    members: Mapping[str, int],
    expected: Mapping[str, tuple[int, ...]],
    others: set[str] | frozenset[str] = frozenset(),
) -> dict[str, np.ndarray]:
    """Every weight array ``expected`` names, checked; refuses missing arrays and any array that is neither
    a weight, the config nor one of ``others``.

    Shape:
        ``expected`` maps array names to the shapes the layers need; returns the arrays by those names.
    """
    missing = sorted(set(expected) - set(members))
    extra = sorted(set(members) - set(expected) - {"config", *others})
    if missing:
        raise _bad(path, f"is missing weight arrays {missing}")
    if extra:
        raise _bad(path, f"has unexpected arrays {extra} that the architecture does not use")
    return {name: _read_weight(path, npz, name, shape, members[name]) for name, shape in expected.items()}


def _read_weight(path: Path, npz: Any, name: str, shape: tuple[int, ...], stored_bytes: int) -> np.ndarray:
    """Read one weight array, checking shape, dtype and finiteness."""
    file_shape, dtype = _array_header(path, npz, name, stored_bytes)
    if dtype not in (np.float32, np.float64):
        raise _bad(path, f"weight {name!r} has dtype {dtype}; weights must be float32 or float64")
    if file_shape != shape:
        raise bad_input(
            "model file {path} weight {name} has shape {shape} but the architecture needs {needed}",
            path=_quoted(path),
            name=repr(name),
            shape=file_shape,
            needed=shape,
        )
    array = _read_array(path, npz, name)
    if not np.all(np.isfinite(array)):
        raise bad_input(
            "model file {path} weight {name} contains NaN or infinite values",
            path=_quoted(path),
            name=repr(name),
        )
    return array


class _Document:
    """The validated JSON of a model file: architecture, normalisation, class names and metadata."""

    def __init__(self, path: Path, document: Mapping[str, Any]) -> None:
        self.path = path
        fmt = document.get("format")
        if fmt is None:
            raise bad_input(
                "model file {path} has no 'format' field; it was not saved by this app ({format})",
                path=_quoted(path),
                format=repr(FORMAT),
            )
        if fmt == VAE_FORMAT:
            raise _bad(path, "is a variational autoencoder, not a classifier; open it with load_vae")
        if fmt != FORMAT:
            raise _bad(path, f"has format {fmt!r:.100}; this app reads {FORMAT!r}")
        known = {"format", "layers", "input_shape", "input_mean", "input_std", "class_names", "metadata"}
        unknown = sorted(set(document) - known)
        if unknown:
            raise self._invalid(f"unknown fields {unknown}")
        self.input_shape = self._input_shape(document.get("input_shape"))
        self.input_mean = self._number(document.get("input_mean"), "input_mean")
        self.input_std = self._number(document.get("input_std"), "input_std")
        # Pixels are divided by input_std in float32: keep both far from overflow and underflow.
        if abs(self.input_mean) > MAX_NORMALISATION:
            raise self._invalid(f"input_mean must be within +-{MAX_NORMALISATION:g}, not {self.input_mean}")
        if not 1 / MAX_NORMALISATION <= self.input_std <= MAX_NORMALISATION:
            raise self._invalid(
                f"input_std must be between {1 / MAX_NORMALISATION:g} and {MAX_NORMALISATION:g}, "
                f"not {self.input_std}"
            )
        self.class_names = self._class_names(document.get("class_names"))
        metadata = document.get("metadata", {})
        if not isinstance(metadata, dict):
            raise self._invalid(f"metadata must be a JSON object, not {type(metadata).__name__}")
        self.metadata: dict[str, Any] = metadata
        self.layers = self._layers(document.get("layers"))

    def _invalid(self, problem: str) -> BadInputError:
        """The error for a problem in the JSON config."""
        return _bad(self.path, f"has an invalid config: {problem}")

    def _input_shape(self, value: Any) -> tuple[int, int, int]:
        """``[C, H, W]`` with small positive integers."""
        limits = (MAX_INPUT_CHANNELS, MAX_INPUT_SIDE, MAX_INPUT_SIDE)
        if not (isinstance(value, list) and len(value) == 3 and all(is_int(n) for n in value)) or not all(
            1 <= n <= limit for n, limit in zip(value, limits, strict=True)
        ):
            raise _bad(
                self.path,
                f"input_shape must be [C, H, W] with C <= {MAX_INPUT_CHANNELS} and "
                f"H, W <= {MAX_INPUT_SIDE}, not {value!r}",
            )
        return value[0], value[1], value[2]

    def _number(self, value: Any, field: str) -> float:
        """A finite JSON number."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self._invalid(f"{field} must be a finite number, not {value!r}")
        return float(value)

    def _class_names(self, value: Any) -> list[str]:
        """A non-empty list of distinct strings."""
        if not (isinstance(value, list) and value and all(isinstance(n, str) for n in value)):
            raise self._invalid(f"class_names must be a non-empty list of strings, not {value!r:.200}")
        if len(set(value)) != len(value):
            raise self._invalid(f"class_names has duplicates: {value!r:.200}")
        return value

    def _layers(self, value: Any) -> list[tuple[str, dict[str, Any]]]:
        """The list of ``(kind, config)`` pairs, each checked against its layer class's ``schema``."""
        if not (isinstance(value, list) and 1 <= len(value) <= MAX_LAYERS):
            raise self._invalid(f"layers must be a list of 1 to {MAX_LAYERS} layers, not {value!r:.200}")
        layers = []
        for i, entry in enumerate(value):
            if not (isinstance(entry, dict) and set(entry) == {"kind", "config"}):
                raise _bad(
                    self.path, f"layer {i} must be {{'kind': ..., 'config': {{...}}}}, not {entry!r:.200}"
                )
            kind, config = entry["kind"], entry["config"]
            if not isinstance(kind, str) or kind not in Layer.registry:
                raise _bad(
                    self.path,
                    f"layer {i} has unknown kind {kind!r:.100}; known kinds are {sorted(Layer.registry)}",
                )
            if not isinstance(config, dict):
                raise self._invalid(f"layer {i} ({kind}) config must be an object, not {config!r:.200}")
            schema = Layer.registry[kind].schema
            unexpected = sorted(set(config) - set(schema))
            if unexpected:
                raise self._invalid(f"layer {i} ({kind}) has unknown settings {unexpected}")
            for key, (check, required) in schema.items():
                if key not in config:
                    if required:
                        raise self._invalid(f"layer {i} ({kind}) is missing the setting {key!r}")
                    continue
                problem = check(config[key])
                if problem:
                    raise _bad(
                        self.path,
                        f"layer {i} ({kind}) setting {key}={config[key]!r:.100} is invalid: {problem}",
                    )
            layers.append((kind, config))
        return layers

    def expected_weights(self) -> dict[str, tuple[int, ...]]:
        """The array name and shape of every parameter the architecture needs."""
        expected: dict[str, tuple[int, ...]] = {}
        for i, (kind, config) in enumerate(self.layers):
            cls = Layer.registry[kind]
            for key, shape in {**cls.param_shapes(config), **cls.buffer_shapes(config)}.items():
                expected[f"layer{i}.{key}"] = shape
        return expected

    def build(self, weights: Mapping[str, np.ndarray]) -> Sequential:
        """Construct the network, check that its layers chain from ``input_shape`` to one score per class,
        and copy the weights in (a file of float64 weights gives a float64 model).

        Shape:
            ``weights`` maps "layer{i}.{key}" to arrays already checked against :meth:`expected_weights`.
        """
        try:
            layers = [Layer.from_config(kind, config) for kind, config in self.layers]
            model = Sequential(
                layers,
                input_shape=self.input_shape,
                input_mean=self.input_mean,
                input_std=self.input_std,
                class_names=self.class_names,
            )
        except ValueError as exc:
            raise self._invalid(f"describes a network that does not fit together: {exc}") from exc
        self._check_size(model)
        if weights and all(w.dtype == np.float64 for w in weights.values()):
            model.astype(np.float64)
        for i, layer in enumerate(model.layers):
            for key, value in {**layer.params, **layer.buffers}.items():
                np.copyto(value, weights[f"layer{i}.{key}"], casting="same_kind")
            problem = layer.state_problem()
            if problem:
                raise _bad(self.path, f"layer {i} ({layer.kind}): {problem}")
        model.metadata = self.metadata
        # Weights that are each finite can still overflow float32 together (or with a tiny input_std);
        # such a model would answer NaN for everything, so refuse it now rather than in the views.
        with np.errstate(all="ignore"):
            for value in (0.0, 0.5, 1.0):
                if not np.all(
                    np.isfinite(model.forward(np.full((1, *self.input_shape), value, model.dtype)))
                ):
                    raise bad_input(
                        "model file {path} gives NaN or infinite outputs for an input of all {value}s",
                        path=_quoted(self.path),
                        value=value,
                    )
        return model

    def _check_size(self, model: Sequential) -> None:
        """Refuse networks too large for the app: per-sample feature maps, convolution unfolds (im2col
        memory) and multiply-adds (time, as each layer's ``cost`` counts them) are bounded.

        Shape:
            Reads ``model.output_shapes()``, per-sample ``(C, H, W)`` or ``(F,)``.
        """
        shapes = model.output_shapes()
        activations = math.prod(self.input_shape) + sum(math.prod(shape) for shape in shapes)
        if activations > MAX_ACTIVATIONS:
            raise _bad(
                self.path,
                f"describes feature maps of {activations:,} numbers per sample; "
                f"at most {MAX_ACTIVATIONS:,} are allowed",
            )
        costs = [
            type(layer).cost(layer.get_config(), shape)
            for layer, shape in zip(model.layers, shapes, strict=True)
        ]
        unfold = max(cost.unfolded for cost in costs)
        multiply_adds = sum(cost.multiply_adds for cost in costs)
        if unfold > MAX_ACTIVATIONS:
            raise _bad(
                self.path,
                f"has a convolution that unfolds into {unfold:,} numbers per sample; "
                f"at most {MAX_ACTIVATIONS:,} are allowed",
            )
        if multiply_adds > MAX_MULTIPLY_ADDS:
            raise _bad(
                self.path,
                f"needs {multiply_adds:,} multiply-adds per sample; "
                f"at most {MAX_MULTIPLY_ADDS:,} are allowed",
            )


# ---- variational autoencoders -------------------------------------------------------------------------

VAE_FORMAT = "mnist-cnn-explainer-vae/1"
DEFAULT_VAE_PATH = asset_path("vae.npz")
BUNDLED_VAES: dict[float, str] = {0.5: "vae_beta0.5.npz", 1.0: "vae.npz", 4.0: "vae_beta4.npz"}
"""The shipped VAEs by the c (beta) they were trained with, as ``assets/`` names."""
MAX_LATENT = 64
MAX_TEST_CODES = 100_000
PARTS = ("encoder", "decoder")


def bundled_vaes() -> dict[float, Path]:
    """``{beta: path}`` of the shipped VAE files that are present, in increasing beta.

    Shape:
        Not applicable.
    """
    paths = {beta: asset_path(name) for beta, name in sorted(BUNDLED_VAES.items())}
    return {beta: path for beta, path in paths.items() if path.is_file()}


def save_vae(vae: VAE, path: str | os.PathLike[str], metadata: Mapping[str, Any] | None = None) -> None:
    """Write ``vae`` to ``path`` atomically (``metadata`` merged over ``vae.metadata``).

    Shape:
        Each part's weights as :func:`explainer.save_model` stores them; ``test_mu (M, d)`` float32
        and ``test_labels (M,)`` int64 when the VAE has them.

    Raises:
        BadInputError: a weight is NaN or infinite, the path is not an ``.npz``, or the metadata is not JSON.
        OSError: the folder is missing or not writable (the old file stays).
    """
    path = Path(path)
    if path.suffix.lower() == ".onnx":
        raise BadInputError(f"refusing to save {path}: a VAE is saved as .npz, not ONNX")
    arrays: dict[str, np.ndarray] = {}
    for part in PARTS:
        network = getattr(vae, part)
        for name, value in _saved_arrays(network, path).items():
            arrays[f"{part}.{name}"] = np.ascontiguousarray(value)
    if vae.test_mu is not None and vae.test_labels is not None:
        if not np.all(np.isfinite(vae.test_mu)):
            raise BadInputError(f"refusing to save {path}: test_mu has NaN or inf")
        arrays["test_mu"] = np.ascontiguousarray(vae.test_mu, np.float32)
        arrays["test_labels"] = np.ascontiguousarray(vae.test_labels, np.uint8)  # digits: 10 kB, not 80
    document = {
        "format": VAE_FORMAT,
        "beta": vae.beta,
        "encoder": model_document(vae.encoder, {}),
        "decoder": model_document(vae.decoder, {}),
        "metadata": {**vae.metadata, **(metadata or {})},
    }
    write_npz(path, arrays, document)


class _CodeInputDocument(_Document):
    """A decoder's document: its input is a code vector ``[d]``, not an image."""

    def _input_shape(self, value: Any) -> tuple[int, ...]:  # type: ignore[override]
        if not (
            isinstance(value, list) and len(value) == 1 and is_int(value[0]) and 1 <= value[0] <= MAX_LATENT
        ):
            raise _bad(
                self.path, f"decoder input_shape must be [d] with 1 <= d <= {MAX_LATENT}, not {value!r:.100}"
            )
        return (value[0],)


def load_vae(path: str | os.PathLike[str] | None = None) -> VAE:
    """Read a VAE saved by :func:`save_vae`; ``None`` means the bundled ``assets/vae.npz`` (beta 1).

    Shape:
        The VAE maps ``(N, 1, 28, 28)`` pixels to codes ``(N, d)`` and back.

    Raises:
        BadInputError: the file is missing, empty, not an ``.npz``, damaged, holds pickles, is a classifier
            rather than a VAE, or its architecture, weights, codes or metadata are invalid; the message
            names the file and the problem.
    """
    path = DEFAULT_VAE_PATH if path is None else bundled(path)
    if _check_file(path) != ZIP_MAGIC:
        raise _bad(path, "is not an .npz (zip) archive; it may be another kind of file or random bytes")
    with open_npz(path) as npz:
        members = _list_members(path, npz)
        document = _read_config(path, npz, members)
        fmt = document.get("format")
        if fmt == FORMAT:
            raise _bad(path, "is a classifier, not a VAE; open it with load_model")
        if fmt != VAE_FORMAT:
            raise _bad(path, f"has format {fmt!r:.100}; a VAE file has {VAE_FORMAT!r}")
        unknown = sorted(set(document) - {"format", "beta", "encoder", "decoder", "metadata"})
        if unknown:
            raise _bad(path, f"has an invalid config: unknown fields {unknown}")
        beta = document.get("beta")
        if isinstance(beta, bool) or not isinstance(beta, int | float) or not 0 <= beta <= 1e6:
            raise _bad(path, f"has an invalid config: beta must be a number in [0, 1e6], not {beta!r:.100}")
        metadata = document.get("metadata", {})
        if not isinstance(metadata, dict):
            raise _bad(
                path, f"has an invalid config: metadata must be a JSON object, not {type(metadata).__name__}"
            )
        parts = {}
        expected: dict[str, tuple[int, ...]] = {}
        for part, kind in zip(PARTS, (_Document, _CodeInputDocument), strict=True):
            sub = document.get(part)
            if not isinstance(sub, dict):
                raise _bad(path, f"has an invalid config: {part} must be a JSON object, not {sub!r:.100}")
            parts[part] = doc = kind(path, sub)
            expected.update({f"{part}.{name}": shape for name, shape in doc.expected_weights().items()})
        codes = {"test_mu", "test_labels"} & set(members)
        weights = _read_weights(path, npz, members, expected, {"test_mu", "test_labels"})
        test_mu = test_labels = None
        if codes:
            test_mu, test_labels = _read_codes(path, npz, members, codes)
    networks = {
        part: doc.build(
            {name.split(".", 1)[1]: w for name, w in weights.items() if name.startswith(part + ".")}
        )
        for part, doc in parts.items()
    }
    try:
        vae = VAE(networks["encoder"], networks["decoder"], float(beta))
    except ValueError as exc:
        raise _bad(path, f"has an encoder and decoder that do not make a VAE: {exc}") from exc
    if test_mu is not None and test_mu.shape[1] != vae.latent_dim:
        raise _bad(path, f"has test_mu of shape {test_mu.shape}; the codes have d = {vae.latent_dim}")
    vae.metadata = metadata
    vae.test_mu, vae.test_labels = test_mu, test_labels
    return vae


def _read_codes(
    path: Path, npz: Any, members: Mapping[str, int], present: set[str]
) -> tuple[np.ndarray, np.ndarray]:
    """The test set's codes and labels: both or neither, ``(M, d)`` finite floats and ``(M,)`` digits."""
    if present != {"test_mu", "test_labels"}:
        raise _bad(path, f"has {sorted(present)} without {sorted({'test_mu', 'test_labels'} - present)}")
    mu_shape, mu_dtype = _array_header(path, npz, "test_mu", members["test_mu"])
    label_shape, label_dtype = _array_header(path, npz, "test_labels", members["test_labels"])
    if (
        mu_dtype not in (np.float32, np.float64)
        or len(mu_shape) != 2
        or not 1 <= mu_shape[0] <= MAX_TEST_CODES
    ):
        raise _bad(
            path, f"has test_mu of {mu_dtype} {mu_shape}; it must be float (M, d), M <= {MAX_TEST_CODES:,}"
        )
    if label_dtype.kind not in "iu" or label_shape != mu_shape[:1]:
        raise _bad(
            path, f"has test_labels of {label_dtype} {label_shape}; they must be integers ({mu_shape[0]},)"
        )
    mu = _read_array(path, npz, "test_mu")
    labels = _read_array(path, npz, "test_labels")
    if not np.all(np.isfinite(mu)):
        raise _bad(path, "has test_mu with NaN or infinite values")
    if labels.size and (labels.min() < 0 or labels.max() > 9):
        raise _bad(path, f"has test_labels from {labels.min()} to {labels.max()}; digits are 0-9")
    return mu.astype(np.float32), labels.astype(np.int64)
