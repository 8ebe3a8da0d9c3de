"""Read ONNX files from PyTorch, Keras or a model zoo into a :class:`~explainer.core.Sequential`.

The ``onnx`` package is imported here only, when an ``.onnx`` file is read, so ``import explainer.core``
stays NumPy-only. A file from a stranger is handled as hostile:

- it is parsed from bytes already read and capped in size, never with external data: a tensor stored
  outside the file is refused and no path named inside the file is ever opened;
- every tensor's element count is checked against the bytes it really carries before it is converted;
- subgraphs (If, Loop, Scan), quantized operators and opsets outside :data:`OPSETS` are refused;
- what it gives, a model-file document and weights, is built and checked by ``explainer.modelio`` like a
  ``.npz`` model: settings, sizes, finite weights and finite outputs.

The graph must be a chain: one image input of one channel, each operator taking the previous one's output
(plus constants). The supported operators are listed in :data:`LAYER_OPS`, :data:`NO_OPS`,
:data:`SCALING_OPS` and :data:`CONSTANT_OPS`; anything else raises ``BadInputError`` naming the node, its
operator and what is supported. Folded into neighbours: a bias-free Conv followed by ``Add`` of a
``(C, 1, 1)`` bias, MatMul followed by Add, Reshape/Flatten after a global pool, Shape/Gather/Concat chains
that compute a Reshape's target. A ``Sub``, ``Div``, ``Mul`` or ``Add`` of the input by a scalar before the
first layer becomes ``input_mean``/``input_std``; a trailing Softmax or LogSoftmax is absorbed (our models
output logits).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from explainer.core import Layer, Sequential
from explainer.core.layers import Padding, resolve_pads
from explainer.core.schema import MAX_WINDOW
from explainer.errors import BadInputError, bad_input

OPSETS = range(7, 22)
"""The default-domain opsets read (PyTorch writes 11 to 18; model-zoo files start at 7)."""

LAYER_OPS = (
    "Conv",
    "Gemm",
    "MatMul",
    "Add",
    "BatchNormalization",
    "Relu",
    "LeakyRelu",
    "Sigmoid",
    "Tanh",
    "MaxPool",
    "AveragePool",
    "GlobalAveragePool",
    "Flatten",
    "Reshape",
    "Softmax",
    "LogSoftmax",
)
"""Operators that become (or fold into) a layer."""

NO_OPS = ("Dropout", "Identity")
"""Operators that do nothing at inference."""

SCALING_OPS = ("Sub", "Div", "Mul", "Add")
"""Operators on the input by a scalar, before any layer: the input normalisation."""

CONSTANT_OPS = ("Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Cast", "Slice")
"""Operators folded while reading, when their inputs are constants (or the shape of the chain)."""

QUANTIZED_OPS = frozenset(
    {"QLinearConv", "QLinearMatMul", "QuantizeLinear", "DequantizeLinear", "ConvInteger", "MatMulInteger"}
)
SUBGRAPH_OPS = frozenset({"If", "Loop", "Scan"})

TENSOR_DTYPES = {1: np.float32, 6: np.int32, 7: np.int64, 11: np.float64}
"""ONNX TensorProto data types read as constants: FLOAT, INT32, INT64, DOUBLE."""


def _supported() -> str:
    return ", ".join(sorted({*LAYER_OPS, *NO_OPS, *SCALING_OPS}))


@dataclass
class _Chain:
    """What the reader has built so far: the layers as (kind, config, weights), the data tensor's name and
    its per-sample shape, and the input normalisation; ``mapping`` says which layer each chain node became
    (None: folded into the normalisation or absorbed), ``layer_outputs`` the file's tensor holding each
    layer's output."""

    layers: list[tuple[str, dict[str, Any], dict[str, np.ndarray]]] = field(default_factory=list)
    tensor: str = ""
    shape: tuple[int, ...] = ()
    input_mean: float = 0.0
    input_std: float = 1.0
    absorbed_softmax: bool = False
    scaled_input: bool = False
    mapping: list[tuple[str, str, int | None]] = field(default_factory=list)
    layer_outputs: list[str] = field(default_factory=list)


class OnnxReader:
    """Turns one parsed ONNX model into a model-file document and weights (see :func:`read_onnx`)."""

    def __init__(self, path: Path, model: Any) -> None:
        self.path = path
        self.model = model
        self.graph = model.graph
        self.constants: dict[str, np.ndarray] = {}
        self.chain = _Chain()

    def _bad(self, problem: str) -> BadInputError:
        return bad_input("ONNX file {path} {problem}", path=repr(str(self.path)), problem=problem)

    def _node_bad(self, node: Any, problem: str) -> BadInputError:
        return self._bad(f"node {node.name or node.output[0]!r} ({node.op_type}): {problem}")

    # -- checks before anything is converted -------------------------------------------------------------

    def check_header(self) -> None:
        """Opsets in range, no subgraphs, no quantized operators, no external data, honest tensor sizes."""
        for opset in self.model.opset_import:
            if opset.domain in ("", "ai.onnx") and opset.version not in OPSETS:
                raise self._bad(
                    f"uses opset {opset.version}; opsets {OPSETS.start} to {OPSETS.stop - 1} are read"
                )
        for node in self.graph.node:
            if node.op_type in SUBGRAPH_OPS or any(attribute.type in (5, 10) for attribute in node.attribute):
                raise self._node_bad(node, "subgraphs (If, Loop, Scan) are not read")
            if node.op_type in QUANTIZED_OPS:
                raise self._node_bad(node, "this is a quantized graph; export the float model instead")
            if node.domain not in ("", "ai.onnx"):
                raise self._node_bad(node, f"operators of domain {node.domain!r} are not read")
        for tensor in self.graph.initializer:
            self.constants[tensor.name] = self._tensor(tensor, f"initializer {tensor.name!r}")

    def _tensor(self, tensor: Any, what: str) -> np.ndarray:
        """A TensorProto as an array, after checking that it lives in the file and carries its bytes."""
        from onnx import numpy_helper

        if tensor.data_location == 1 or tensor.external_data:
            raise self._bad(f"stores {what} as external data in another file, which is never opened")
        if tensor.data_type not in TENSOR_DTYPES:
            raise self._bad(f"has {what} of data type {tensor.data_type}; float, double and int are read")
        if any(d < 0 for d in tensor.dims):
            raise self._bad(f"has {what} with a negative dimension {list(tensor.dims)}")
        count = math.prod(tensor.dims)
        dtype = np.dtype(TENSOR_DTYPES[tensor.data_type])
        if tensor.raw_data:
            carried = len(tensor.raw_data) // dtype.itemsize
        else:
            carried = len(tensor.float_data) + len(tensor.double_data) + len(tensor.int32_data)
            carried += len(tensor.int64_data)
        if carried != count:
            raise self._bad(f"has {what} of shape {list(tensor.dims)} but {carried:,} values in the file")
        array = numpy_helper.to_array(tensor)
        if array.dtype.kind == "f" and not np.all(np.isfinite(array)):
            raise self._bad(f"has {what} with NaN or infinite values")
        return array

    # -- the chain -------------------------------------------------------------------------------------

    def read(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """The model-file document and weights of the graph."""
        self.check_header()
        inputs = [value for value in self.graph.input if value.name not in self.constants]
        if len(inputs) != 1:
            raise self._bad(f"has {len(inputs)} inputs {[v.name for v in inputs]}; one image input is read")
        dims = [
            d.dim_value if d.HasField("dim_value") else None for d in inputs[0].type.tensor_type.shape.dim
        ]
        if len(dims) == 3:
            dims = [None, *dims]
        if len(dims) != 4 or None in dims[1:]:
            raise self._bad(f"has input {inputs[0].name!r} of shape {dims}; (N, 1, H, W) is read")
        if dims[1] != 1:
            raise self._bad(
                f"has input {inputs[0].name!r} with {dims[1]} channels; the app reads one-channel images"
            )
        self.chain.tensor, self.chain.shape = inputs[0].name, tuple(dims[1:])
        input_shape = self.chain.shape
        for node in self.graph.node:
            self._node(node)
        outputs = [value.name for value in self.graph.output]
        if outputs != [self.chain.tensor]:
            raise self._bad(f"has outputs {outputs}, but the chain ends at {self.chain.tensor!r}")
        if len(self.chain.shape) != 1:
            raise self._bad(f"ends with shape {self.chain.shape}; a vector of class scores is read")
        return self._document(input_shape)

    def _node(self, node: Any) -> None:
        """Fold a constant node, or append the layer a chain node stands for."""
        inputs = [name for name in node.input if name]
        if node.op_type == "Constant":
            attribute = node.attribute[0] if node.attribute else None
            if attribute is None or attribute.name != "value":
                raise self._node_bad(node, "only a Constant with a tensor 'value' is read")
            self.constants[node.output[0]] = self._tensor(attribute.t, f"constant {node.output[0]!r}")
            return
        if node.op_type == "Shape" and inputs == [self.chain.tensor]:
            self.constants[node.output[0]] = np.array([1, *self.chain.shape], np.int64)
            return
        if all(name in self.constants for name in inputs):
            self.constants[node.output[0]] = self._fold(node, [self.constants[name] for name in inputs])
            return
        data = [name for name in inputs if name not in self.constants]
        if data != [self.chain.tensor] or node.input[0] != self.chain.tensor:
            raise self._node_bad(
                node,
                f"takes {data}, but the chain is at {self.chain.tensor!r}; branching graphs (such as a "
                "residual Add) are not read",
            )
        constants = [self.constants.get(name) for name in node.input]
        chain, before = self.chain, len(self.chain.layers)
        self._layer(node, constants[1:])
        chain.tensor = node.output[0]
        if len(chain.layers) > before:
            chain.layer_outputs.append(node.output[0])
        elif chain.layers and not chain.absorbed_softmax:
            chain.layer_outputs[-1] = node.output[0]  # a bias, a no-op or a flatten of a vector: same numbers
        index = len(chain.layers) - 1 if chain.layers and not chain.absorbed_softmax else None
        chain.mapping.append((node.name or node.output[0], node.op_type, index))

    def _fold(self, node: Any, values: list[np.ndarray]) -> np.ndarray:
        """Evaluate a constant-only node of :data:`CONSTANT_OPS` (or arithmetic on constants)."""
        op, attrs = node.op_type, self._attributes(node)
        if op == "Identity":
            return values[0]
        if op == "Gather":
            return np.take(values[0], values[1], axis=int(attrs.get("axis", 0)))
        if op == "Unsqueeze":
            axes = attrs.get("axes", values[1] if len(values) > 1 else [])
            return np.expand_dims(values[0], tuple(int(a) for a in axes))
        if op == "Squeeze":
            axes = attrs.get("axes", values[1] if len(values) > 1 else None)
            return np.squeeze(values[0], None if axes is None else tuple(int(a) for a in axes))
        if op == "Concat":
            return np.concatenate([np.atleast_1d(v) for v in values], axis=int(attrs.get("axis", 0)))
        if op == "Cast":
            return values[0].astype(TENSOR_DTYPES.get(int(attrs["to"]), np.float32))
        if op == "Slice" and len(values) >= 3:
            axes = values[3] if len(values) > 3 else range(len(values[1]))
            steps = values[4] if len(values) > 4 else [1] * len(values[1])
            index = [slice(None)] * values[0].ndim
            for axis, start, end, step in zip(axes, values[1], values[2], steps, strict=False):
                index[int(axis)] = slice(int(start), int(end), int(step))
            return values[0][tuple(index)]
        arithmetic = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}
        if op in arithmetic and len(values) == 2:
            return arithmetic[op](values[0], values[1])
        raise self._node_bad(node, f"cannot be folded; constant operators read: {', '.join(CONSTANT_OPS)}")

    @staticmethod
    def _attributes(node: Any) -> dict[str, Any]:
        from onnx import helper

        return {attribute.name: helper.get_attribute_value(attribute) for attribute in node.attribute}

    def _append(
        self, kind: str, config: dict[str, Any], weights: dict[str, np.ndarray], shape: tuple
    ) -> None:
        self.chain.layers.append((kind, config, weights))
        self.chain.shape = shape

    def _layer(self, node: Any, constants: list[np.ndarray | None]) -> None:
        """Append the layer(s) ``node`` stands for; ``constants`` are its inputs after the data tensor."""
        op, attrs, shape = node.op_type, self._attributes(node), self.chain.shape
        if op in NO_OPS:
            return
        if op in SCALING_OPS and not self.chain.layers:
            self._scale_input(node, constants)
            return
        if self.chain.absorbed_softmax:
            raise self._node_bad(node, "comes after a Softmax; only a trailing Softmax is read")
        if op == "Conv":
            self._conv(node, attrs, constants)
        elif op == "Add":
            self._bias(node, constants)
        elif op in ("Gemm", "MatMul"):
            self._dense(node, attrs, constants)
        elif op == "BatchNormalization":
            self._batchnorm(node, attrs, constants)
        elif op in ("Relu", "Sigmoid", "Tanh"):
            self._append({"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh"}[op], {}, {}, shape)
        elif op == "LeakyRelu":
            self._append("leaky_relu", {"alpha": float(attrs.get("alpha", 0.01))}, {}, shape)
        elif op in ("MaxPool", "AveragePool"):
            self._pool(node, attrs)
        elif op == "GlobalAveragePool":
            self._image_shape(node)
            self._append("globalavgpool2d", {}, {}, (shape[0],))
        elif op in ("Flatten", "Reshape"):
            self._flatten(node, attrs, constants)
        elif op in ("Softmax", "LogSoftmax"):
            if len(shape) != 1:
                raise self._node_bad(node, f"a Softmax over shape {shape} is not read; only over the scores")
            self.chain.absorbed_softmax = True
        elif op in SCALING_OPS:
            raise self._node_bad(node, "scaling by a constant is read only on the input, before any layer")
        else:
            raise self._node_bad(node, f"this operator is not supported; supported are {_supported()}")

    def _image_shape(self, node: Any) -> tuple[int, int, int]:
        if len(self.chain.shape) != 3:
            raise self._node_bad(node, f"needs (C, H, W) maps, but the chain has shape {self.chain.shape}")
        return self.chain.shape  # type: ignore[return-value]

    def _scalar(self, node: Any, value: np.ndarray | None) -> float:
        if value is None or value.size != 1:
            shape = None if value is None else list(value.shape)
            raise self._node_bad(node, f"scales the input by a tensor of shape {shape}; one number is read")
        return float(value.reshape(-1)[0])

    def _scale_input(self, node: Any, constants: list[np.ndarray | None]) -> None:
        """``x' = (x - mean) / std`` absorbs one more Sub, Add, Div or Mul by a scalar."""
        value, chain = self._scalar(node, constants[0]), self.chain
        chain.scaled_input = True
        if node.op_type == "Sub":
            chain.input_mean += value * chain.input_std
        elif node.op_type == "Add":
            chain.input_mean -= value * chain.input_std
        elif value == 0:
            raise self._node_bad(node, "scales the input by 0")
        elif node.op_type == "Div":
            chain.input_std *= value
        else:
            chain.input_std /= value
        if chain.input_std < 0:
            raise self._node_bad(node, "flips the input's sign, which the app's normalisation cannot hold")

    def _conv(self, node: Any, attrs: dict[str, Any], constants: list[np.ndarray | None]) -> None:
        C, H, W = self._image_shape(node)
        weight = constants[0]
        if weight is None or weight.ndim != 4:
            raise self._node_bad(node, "needs its weights as a 4-D constant")
        out_channels, in_channels, kh, kw = weight.shape
        if int(attrs.get("group", 1)) != 1:
            raise self._node_bad(node, f"grouped convolutions (group={attrs['group']}) are not supported")
        if any(int(d) != 1 for d in attrs.get("dilations", [1, 1])):
            raise self._node_bad(
                node, f"dilated convolutions (dilations={attrs['dilations']}) are not supported"
            )
        if kh != kw:
            raise self._node_bad(node, f"has a {kh}x{kw} kernel; square kernels are read")
        strides = [int(s) for s in attrs.get("strides", [1, 1])]
        if strides[0] != strides[1]:
            raise self._node_bad(node, f"has strides {strides}; equal strides are read")
        pads = self._pads(node, attrs, kh, strides[0], (H, W))
        if in_channels != C:
            raise self._node_bad(node, f"expects {in_channels} input channels, the chain has {C}")
        bias = constants[1] if len(constants) > 1 and constants[1] is not None else np.zeros(out_channels)
        config = {
            "in_channels": int(in_channels),
            "out_channels": int(out_channels),
            "kernel_size": int(kh),
            "stride": strides[0],
            "padding": pads.config(),
        }
        shape = self._shape_of("conv2d", config, node)
        self._append("conv2d", config, {"W": weight, "b": bias.reshape(-1)}, shape)

    def _shape_of(self, kind: str, config: dict[str, Any], node: Any) -> tuple[int, ...]:
        """The output shape the layer's own maths gives, or why the node's window does not fit."""
        try:
            return Layer.registry[kind].shape_from_config(config, self.chain.shape)
        except ValueError as error:
            raise self._node_bad(node, str(error)) from None

    def _pads(
        self, node: Any, attrs: dict[str, Any], kernel: int, stride: int, size: tuple[int, int]
    ) -> Padding:
        """The padding of a Conv or pool per side, from ``pads`` or ``auto_pad``: SAME_UPPER puts an odd
        total's extra row and column at the end (bottom, right), SAME_LOWER at the start."""
        auto = attrs.get("auto_pad", b"NOTSET")
        auto = auto.decode() if isinstance(auto, bytes) else str(auto)
        if auto in ("SAME_UPPER", "SAME_LOWER"):
            totals = [max((math.ceil(n / stride) - 1) * stride + kernel - n, 0) for n in size]
            small = [total // 2 for total in totals]
            large = [total - total // 2 for total in totals]
            pads = [*small, *large] if auto == "SAME_UPPER" else [*large, *small]
        elif auto in ("VALID", "NOTSET"):
            pads = [int(p) for p in attrs.get("pads", [0, 0, 0, 0])] if auto == "NOTSET" else [0, 0, 0, 0]
        else:
            raise self._node_bad(
                node, f"has auto_pad {auto!r}; NOTSET, VALID, SAME_UPPER and SAME_LOWER are read"
            )
        if len(pads) != 4 or not all(0 <= p <= MAX_WINDOW for p in pads):
            raise self._node_bad(
                node,
                f"has pads {pads}; four numbers (top, left, bottom, right) from 0 to {MAX_WINDOW} are read",
            )
        return Padding(*pads)

    def _bias(self, node: Any, constants: list[np.ndarray | None]) -> None:
        """Add of a constant after a Conv (``(C, 1, 1)``) or a Dense (``(F,)``): folded into its bias."""
        bias = constants[0]
        previous = self.chain.layers[-1] if self.chain.layers else None
        if bias is None or previous is None or previous[0] not in ("conv2d", "dense"):
            raise self._node_bad(
                node, "an Add is read only as the bias of the Conv, Gemm or MatMul before it"
            )
        channels = self.chain.shape[0]
        if bias.size != channels or (
            previous[0] == "conv2d" and bias.ndim >= 3 and bias.shape[-2:] != (1, 1)
        ):
            raise self._node_bad(
                node, f"adds a tensor of shape {list(bias.shape)}; a bias of {channels} is read"
            )
        previous[2]["b"] = previous[2]["b"] + bias.reshape(-1)

    def _dense(self, node: Any, attrs: dict[str, Any], constants: list[np.ndarray | None]) -> None:
        if len(self.chain.shape) != 1:
            raise self._node_bad(
                node, f"needs a vector, but the chain has shape {self.chain.shape}; add Flatten"
            )
        weight = constants[0]
        if weight is None or weight.ndim != 2:
            raise self._node_bad(node, "needs its weights as a 2-D constant")
        if node.op_type == "Gemm":
            if int(attrs.get("transA", 0)):
                raise self._node_bad(node, "transA=1 is not read")
            weight = weight.T if int(attrs.get("transB", 0)) else weight
            weight = weight * float(attrs.get("alpha", 1.0))
            bias = (
                constants[1] if len(constants) > 1 and constants[1] is not None else np.zeros(weight.shape[1])
            )
            bias = np.broadcast_to(bias * float(attrs.get("beta", 1.0)), (weight.shape[1],))
        else:
            bias = np.zeros(weight.shape[1])
        if weight.shape[0] != self.chain.shape[0]:
            raise self._node_bad(
                node, f"expects {weight.shape[0]} inputs, the chain has {self.chain.shape[0]}"
            )
        config = {"in_features": int(weight.shape[0]), "out_features": int(weight.shape[1])}
        self._append("dense", config, {"W": weight, "b": np.array(bias)}, (int(weight.shape[1]),))

    def _batchnorm(self, node: Any, attrs: dict[str, Any], constants: list[np.ndarray | None]) -> None:
        C = self._image_shape(node)[0]
        if len(constants) < 4 or any(value is None or value.shape != (C,) for value in constants[:4]):
            raise self._node_bad(node, f"needs scale, bias, mean and variance as constants of shape ({C},)")
        gamma, beta, mean, var = constants[:4]
        config = {
            "channels": C,
            "eps": float(attrs.get("epsilon", 1e-5)),
            "momentum": 1 - float(attrs.get("momentum", 0.9)),
        }
        weights = {"gamma": gamma, "beta": beta, "running_mean": mean, "running_var": var}
        self._append("batchnorm2d", config, weights, self.chain.shape)

    def _pool(self, node: Any, attrs: dict[str, Any]) -> None:
        _, H, W = self._image_shape(node)
        kernel = [int(k) for k in attrs.get("kernel_shape", [])]
        strides = [int(s) for s in attrs.get("strides", kernel)]
        if len(kernel) != 2 or kernel[0] != kernel[1] or strides[0] != strides[1]:
            raise self._node_bad(node, f"has window {kernel} and strides {strides}; square ones are read")
        if any(int(d) != 1 for d in attrs.get("dilations", [1, 1])):
            raise self._node_bad(node, f"dilated pooling (dilations={attrs['dilations']}) is not supported")
        if int(attrs.get("storage_order", 0)):
            raise self._node_bad(node, "storage_order=1 (column-major indices) is not supported")
        if len(node.output) > 1 and node.output[1]:
            raise self._node_bad(node, "the Indices output of a MaxPool is not read")
        pads = self._pads(node, attrs, kernel[0], strides[0], (H, W))
        if max(pads) > kernel[0] - 1:
            raise self._node_bad(
                node,
                f"pads {list(pads)} on a {kernel[0]}x{kernel[0]} window: at most {kernel[0] - 1} per side "
                "is read, so that no window holds padding only",
            )
        config: dict[str, Any] = {"size": kernel[0], "stride": strides[0]}
        if any(pads):
            config["padding"] = pads.config()
        if int(attrs.get("ceil_mode", 0)):
            config["ceil_mode"] = True
        kind = "maxpool2d" if node.op_type == "MaxPool" else "avgpool2d"
        if kind == "avgpool2d" and int(attrs.get("count_include_pad", 0)):
            config["count_include_pad"] = True
        self._append(kind, config, {}, self._shape_of(kind, config, node))

    def _flatten(self, node: Any, attrs: dict[str, Any], constants: list[np.ndarray | None]) -> None:
        """Flatten (axis 1), or a Reshape to (N, F): a vector stays as it is, maps become one vector."""
        features = math.prod(self.chain.shape)
        if node.op_type == "Reshape":
            target = constants[0]
            if target is None or target.ndim != 1 or len(target) != 2 or int(target[1]) not in (-1, features):
                raise self._node_bad(
                    node,
                    f"reshapes to {None if target is None else target.tolist()}; only "
                    f"a reshape to (N, {features}) is read",
                )
        elif int(attrs.get("axis", 1)) != 1:
            raise self._node_bad(node, f"flattens from axis {attrs['axis']}; axis 1 is read")
        if len(self.chain.shape) != 1:
            self._append("flatten", {}, {}, (features,))

    def _exact_normalisation(self, stored: Any) -> None:
        """This app's export writes the normalisation in float32 nodes and, exactly, in the metadata: use
        the exact numbers when they are what the nodes hold."""
        chain = self.chain
        if (
            isinstance(stored, list)
            and len(stored) == 2
            and _same_float32(stored[0], chain.input_mean)
            and _same_float32(stored[1], chain.input_std)
        ):
            chain.input_mean, chain.input_std = float(stored[0]), float(stored[1])
            chain.scaled_input = True

    def _document(self, input_shape: tuple[int, ...]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        chain = self.chain
        weights = {
            f"layer{i}.{key}": np.ascontiguousarray(value, np.float32)
            for i, (_, _, arrays) in enumerate(chain.layers)
            for key, value in arrays.items()
        }
        classes = chain.shape[0]
        metadata = {
            "source": "onnx",
            "producer": f"{self.model.producer_name} {self.model.producer_version}".strip(),
            "opset": max(
                (o.version for o in self.model.opset_import if o.domain in ("", "ai.onnx")), default=0
            ),
            "onnx_nodes": [list(entry) for entry in chain.mapping],
            "onnx_layer_outputs": chain.layer_outputs,
            "onnx_input_scaled": chain.scaled_input,
        }
        for prop in self.model.metadata_props:
            metadata.setdefault(prop.key, _json_or_text(prop.value))
        self._exact_normalisation(metadata.pop("input_normalisation", None))
        metadata["onnx_input_scaled"] = chain.scaled_input
        class_names = metadata.pop("class_names", None)
        if not (
            isinstance(class_names, list)
            and len(class_names) == classes
            and all(isinstance(name, str) for name in class_names)
        ):
            class_names = [str(i) for i in range(classes)]
        document = {
            "layers": [{"kind": kind, "config": config} for kind, config, _ in chain.layers],
            "input_shape": list(input_shape),
            "input_mean": chain.input_mean,
            "input_std": chain.input_std,
            "class_names": class_names,
            "metadata": metadata,
        }
        return document, weights


def _same_float32(a: Any, b: float) -> bool:
    return isinstance(a, int | float) and not isinstance(a, bool) and np.float32(a) == np.float32(b)


def _json_or_text(text: str) -> Any:
    """A metadata value: the JSON it holds (as this app writes them), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def onnx_document(path: Path, data: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The model-file document (without its "format") and the weights of the ONNX file ``path``, whose
    bytes ``data`` the caller has read and capped in size; ``explainer.load_model`` builds the network.

    Shape:
        The file's input ``(N, 1, H, W)`` (N may be dynamic) becomes ``input_shape = [1, H, W]``; the
        weights are keyed "layer{i}.{key}" like a ``.npz`` model's.

    Raises:
        BadInputError: the file is not ONNX, is hostile, or holds something this reader does not support;
            the message names the node, its operator and the reason.
    """
    try:
        import onnx
    except ImportError as exc:
        raise bad_input(
            "reading {path} needs the onnx package: pip install onnx", path=repr(str(path))
        ) from exc
    try:
        model = onnx.load_model_from_string(data)
    except Exception as exc:
        # protobuf raises DecodeError, RuntimeError or ValueError depending on the damage.
        raise bad_input("ONNX file {path} is damaged or not ONNX ({reason})", **_failure(path, exc)) from exc
    try:
        return OnnxReader(path, model).read()
    except BadInputError:
        raise
    except Exception as exc:
        # A well-formed protobuf can still hold nonsense (wrong attribute types, huge ranks).
        raise bad_input(
            "ONNX file {path} holds a graph this reader cannot follow ({reason})", **_failure(path, exc)
        ) from exc


def _failure(path: Path, exc: Exception) -> dict[str, str]:
    """The ``path`` and ``reason`` of an error about the ONNX file ``path`` that ``exc`` stopped: the
    exception's type and text, cut to 200 characters."""
    return {"path": repr(str(path)), "reason": f"{type(exc).__name__}: {exc}"[:200]}


def reference_differences(data: bytes, model: Sequential, x: np.ndarray) -> list[float | None]:
    """Check an imported model against the ``onnx`` package's own reference runtime.

    ``data`` is the ONNX file ``model`` was read from; ``x`` are images in the app's [0, 1] pixels. Returns,
    per layer of ``model``, the largest absolute difference between our trace's output and the file's tensor
    for that layer (None for a layer with no tensor of its own, such as a Dropout).

    Shape:
        x: ``(N, 1, H, W)``; returns ``len(model.layers)`` numbers.
    """
    import onnx
    from onnx.reference import ReferenceEvaluator

    outputs = model.metadata.get("onnx_layer_outputs")
    if not isinstance(outputs, list) or len(outputs) != len(model.layers):
        raise bad_input("this model was not read from an ONNX file, so there is nothing to check it against")
    file_model = onnx.load_model_from_string(data)
    constants = {tensor.name for tensor in file_model.graph.initializer}
    input_name = next(value.name for value in file_model.graph.input if value.name not in constants)
    evaluator = ReferenceEvaluator(file_model)
    # The file sees raw pixels when its own nodes scale them; otherwise what the app's normalisation gives.
    pixels = x if model.metadata.get("onnx_input_scaled") else model.normalise(x)
    theirs = [evaluator.run(outputs, {input_name: np.asarray(image[None], np.float32)}) for image in pixels]
    trace = model.trace(x)
    differences: list[float | None] = []
    for i, record in enumerate(trace.layers):
        file_output = np.concatenate([np.asarray(result[i]).reshape(1, -1) for result in theirs])
        ours = record.output.reshape(len(x), -1)
        differences.append(
            float(np.abs(file_output - ours).max()) if file_output.shape == ours.shape else None
        )
    return differences


# -- export -------------------------------------------------------------------------------------------

EXPORT_OPSET = 13


def onnx_bytes(model: Sequential, metadata: dict[str, Any] | None = None) -> bytes:
    """``model`` as an opset-13 ONNX file: input ``x`` ``(N, *input_shape)`` pixels as the app takes them,
    the normalisation as Sub/Div nodes at the front, output ``logits`` ``(N, K)``; the model's metadata
    (merged with ``metadata``) and class names in ``metadata_props`` as JSON; checked by ``onnx.checker``.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    initializers: list[Any] = []
    current = "x"

    def constant(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def add(op: str, inputs: list[str], name: str, **attributes: Any) -> None:
        nonlocal current
        nodes.append(helper.make_node(op, [current, *inputs], [name], name=name, **attributes))
        current = name

    dtype = np.float32
    if model.input_mean != 0.0:
        add("Sub", [constant("input_mean", np.array(model.input_mean, dtype))], "centred")
    if model.input_std != 1.0:
        add("Div", [constant("input_std", np.array(model.input_std, dtype))], "normalised")
    for layer in model.layers:
        name, config = layer.name or layer.kind, layer.trace_config()
        weights = {key: constant(f"{name}.{key}", value.astype(dtype)) for key, value in layer.params.items()}
        buffers = {
            key: constant(f"{name}.{key}", value.astype(dtype)) for key, value in layer.buffers.items()
        }
        if layer.kind == "conv2d":
            k, s = config["kernel_size"], config["stride"]
            pads = list(resolve_pads(config["padding"], k))
            add("Conv", [weights["W"], weights["b"]], name, kernel_shape=[k, k], strides=[s, s], pads=pads)
        elif layer.kind == "dense":
            add("Gemm", [weights["W"], weights["b"]], name)
        elif layer.kind == "batchnorm2d":
            inputs = [weights["gamma"], weights["beta"], buffers["running_mean"], buffers["running_var"]]
            add("BatchNormalization", inputs, name, epsilon=config["eps"], momentum=1 - config["momentum"])
        elif layer.kind in ("maxpool2d", "avgpool2d"):
            op = "MaxPool" if layer.kind == "maxpool2d" else "AveragePool"
            size, stride = config["size"], config["stride"]
            pool: dict[str, Any] = {"kernel_shape": [size, size], "strides": [stride, stride]}
            pool["pads"] = list(resolve_pads(config.get("padding", 0), size))
            pool["ceil_mode"] = int(config.get("ceil_mode", False))
            if op == "AveragePool":
                pool["count_include_pad"] = int(config.get("count_include_pad", False))
            add(op, [], name, **pool)
        elif layer.kind == "globalavgpool2d":
            add("GlobalAveragePool", [], f"{name}.maps")
            add("Flatten", [], name)
        elif layer.kind == "flatten":
            add("Flatten", [], name)
        elif layer.kind == "leaky_relu":
            add("LeakyRelu", [], name, alpha=config["alpha"])
        elif layer.kind in ("relu", "sigmoid", "tanh"):
            add({"relu": "Relu", "sigmoid": "Sigmoid", "tanh": "Tanh"}[layer.kind], [], name)
        elif layer.kind != "dropout":
            raise bad_input("cannot export a {kind} layer to ONNX", kind=layer.kind)
    nodes.append(helper.make_node("Identity", [current], ["logits"], name="logits"))
    graph = helper.make_graph(
        nodes,
        "mnist-cnn-explainer",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", *model.input_shape])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", len(model.class_names)])],
        initializers,
    )
    exported = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", EXPORT_OPSET)], producer_name="mnist-cnn-explainer"
    )
    exported.ir_version = 8
    props = {
        **model.metadata,
        **(metadata or {}),
        "class_names": list(model.class_names),
        "input_normalisation": [model.input_mean, model.input_std],
    }
    helper.set_model_props(
        exported, {key: json.dumps(value, ensure_ascii=False) for key, value in props.items()}
    )
    onnx.checker.check_model(exported)
    return exported.SerializeToString()
