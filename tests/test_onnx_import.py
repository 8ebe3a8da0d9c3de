"""Reading ONNX files: every supported operator form against onnxruntime, PyTorch's exporters, refusals."""

from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from explainer.core import Sequential
from explainer.errors import BadInputError
from explainer.modelio import load_model

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

SIDE = 8
RNG = np.random.default_rng(0)


def weights(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32) * 0.3


def tensor(name: str, value: np.ndarray) -> TensorProto:
    return numpy_helper.from_array(np.asarray(value), name)


def write(
    path: Path,
    nodes: Sequence,
    initializers: dict[str, np.ndarray],
    *,
    output: str = "y",
    input_shape: Sequence = ("n", 1, SIDE, SIDE),
    opset: int = 13,
) -> Path:
    """An ONNX file of ``nodes`` from input "x" to ``output``, with ``initializers``."""
    graph = helper.make_graph(
        list(nodes),
        "test",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(input_shape))],
        [helper.make_tensor_value_info(output, TensorProto.FLOAT, None)],
        [tensor(name, value) for name, value in initializers.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    onnx.save(model, path)
    return path


def agrees_with_onnxruntime(path: Path, channels: int = 1) -> list[str]:
    """Load ``path``; our probabilities equal onnxruntime's softmax of its output within 1e-5 and the
    argmax is the same; returns our layer kinds."""
    model = load_model(path)
    x = RNG.random((5, channels, SIDE, SIDE), dtype=np.float32)
    session = ort.InferenceSession(str(path))
    name = session.get_inputs()[0].name
    # A file with a fixed batch of 1 (what torch.export writes unless told otherwise) runs image by image.
    theirs = np.concatenate([session.run(None, {name: image[None]})[0] for image in x])
    if not np.allclose(theirs.sum(axis=1), 1, atol=1e-5):  # logits: make them probabilities
        theirs = np.exp(theirs - theirs.max(axis=1, keepdims=True))
        theirs /= theirs.sum(axis=1, keepdims=True)
    ours = model.predict_proba(x)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)
    assert (ours.argmax(axis=1) == theirs.argmax(axis=1)).all()
    return [layer.kind for layer in model.layers]


def conv_net(
    path: Path, *, separate_bias: bool = False, constants: bool = False, scaling=(), tail=()
) -> Path:
    """Conv 3@3x3 pad 1 → Relu → MaxPool 2 → Flatten → Gemm 48→4, with variations."""
    W, b, D, c = weights(3, 1, 3, 3), weights(3), weights(4, 48), weights(4)
    nodes, init, data = [], {}, "x"
    for i, (op, value) in enumerate(scaling):
        nodes.append(helper.make_node(op, [data, f"s{i}"], [f"scaled{i}"]))
        init[f"s{i}"], data = np.float32(value), f"scaled{i}"
    conv_inputs = [data, "W"] if separate_bias else [data, "W", "b"]
    nodes.append(helper.make_node("Conv", conv_inputs, ["c"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]))
    if separate_bias:
        nodes.append(helper.make_node("Add", ["c", "b"], ["cb"]))
    nodes += [
        helper.make_node("Relu", ["cb" if separate_bias else "c"], ["r"]),
        helper.make_node("MaxPool", ["r"], ["p"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["p"], ["f"]),
        helper.make_node("Gemm", ["f", "D", "c2"], ["g" if tail else "y"], transB=1),
    ]
    nodes += tail
    values = {"W": W, "b": b.reshape(3, 1, 1) if separate_bias else b, "D": D, "c2": c}
    if constants:
        nodes = [
            helper.make_node("Constant", [], [name], value=tensor(name, value))
            for name, value in values.items()
        ] + nodes
    else:
        init.update(values)
    return write(path, nodes, init)


def test_conv_relu_pool_flatten_gemm(tmp_path: Path) -> None:
    kinds = agrees_with_onnxruntime(conv_net(tmp_path / "m.onnx"))
    assert kinds == ["conv2d", "relu", "maxpool2d", "flatten", "dense"]


def test_bias_free_conv_then_add_and_weights_as_constant_nodes(tmp_path: Path) -> None:
    kinds = agrees_with_onnxruntime(conv_net(tmp_path / "m.onnx", separate_bias=True, constants=True))
    assert kinds == ["conv2d", "relu", "maxpool2d", "flatten", "dense"]


def test_input_scaling_becomes_the_models_normalisation(tmp_path: Path) -> None:
    path = conv_net(tmp_path / "m.onnx", scaling=[("Sub", 0.1307), ("Div", 0.3081)])
    agrees_with_onnxruntime(path)
    model = load_model(path)
    assert (model.input_mean, model.input_std) == pytest.approx((0.1307, 0.3081))
    agrees_with_onnxruntime(conv_net(tmp_path / "m255.onnx", scaling=[("Mul", 255.0)]))
    assert load_model(tmp_path / "m255.onnx").input_std == pytest.approx(1 / 255)


@pytest.mark.parametrize("op", ["Softmax", "LogSoftmax"])
def test_a_trailing_softmax_is_absorbed(tmp_path: Path, op: str) -> None:
    tail = [helper.make_node(op, ["g"], ["y"], axis=1)]
    assert agrees_with_onnxruntime(conv_net(tmp_path / "m.onnx", tail=tail))[-1] == "dense"


def test_matmul_add_gemm_options_and_vector_activations(tmp_path: Path) -> None:
    A, a, B, c = weights(64, 6), weights(6), weights(5, 6), weights(5)
    nodes = [
        helper.make_node("Flatten", ["x"], ["f"]),
        helper.make_node("MatMul", ["f", "A"], ["m"]),
        helper.make_node("Add", ["m", "a"], ["ma"]),
        helper.make_node("Sigmoid", ["ma"], ["s"]),
        helper.make_node("Dropout", ["s"], ["d"]),
        helper.make_node("Identity", ["d"], ["i"]),
        helper.make_node("Gemm", ["i", "B", "c"], ["g"], transB=1, alpha=0.5, beta=2.0),
        helper.make_node("Tanh", ["g"], ["t"]),
        helper.make_node("LeakyRelu", ["t"], ["y"], alpha=0.2),
    ]
    kinds = agrees_with_onnxruntime(write(tmp_path / "m.onnx", nodes, {"A": A, "a": a, "B": B, "c": c}))
    assert kinds == ["flatten", "dense", "sigmoid", "dense", "tanh", "leaky_relu"]


def test_batchnorm_average_and_global_pools_and_reshapes(tmp_path: Path) -> None:
    W = weights(4, 1, 3, 3)
    scale, bias = RNG.uniform(0.5, 1.5, 4).astype(np.float32), weights(4)
    mean, var = weights(4), RNG.uniform(0.5, 2, 4).astype(np.float32)
    D, c = weights(4, 3), weights(3)
    nodes = [
        helper.make_node("Conv", ["x", "W"], ["conv"], kernel_shape=[3, 3], auto_pad="SAME_UPPER"),
        helper.make_node(
            "BatchNormalization", ["conv", "scale", "bias", "mean", "var"], ["bn"], epsilon=1e-3
        ),
        helper.make_node("AveragePool", ["bn"], ["ap"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("GlobalAveragePool", ["ap"], ["gap"]),
        helper.make_node("Shape", ["gap"], ["shape"]),
        helper.make_node("Gather", ["shape", "zero"], ["batch"], axis=0),
        helper.make_node("Unsqueeze", ["batch", "axes"], ["batch1"]),
        helper.make_node("Concat", ["batch1", "minus_one"], ["target"], axis=0),
        helper.make_node("Reshape", ["gap", "target"], ["flat"]),
        helper.make_node("MatMul", ["flat", "D"], ["m"]),
        helper.make_node("Add", ["m", "c"], ["y"]),
    ]
    init = {"W": W, "scale": scale, "bias": bias, "mean": mean, "var": var, "D": D, "c": c}
    init |= {
        "zero": np.array(0, np.int64),
        "axes": np.array([0], np.int64),
        "minus_one": np.array([-1], np.int64),
    }
    kinds = agrees_with_onnxruntime(write(tmp_path / "m.onnx", nodes, init))
    assert kinds == ["conv2d", "batchnorm2d", "avgpool2d", "globalavgpool2d", "dense"]
    norm = load_model(tmp_path / "m.onnx").layers[1]
    np.testing.assert_array_equal(norm.buffers["running_var"], var)
    assert norm.eps == pytest.approx(1e-3)


def test_reshape_with_a_shape_initializer(tmp_path: Path) -> None:
    D = weights(64, 3)
    nodes = [
        helper.make_node("Reshape", ["x", "target"], ["f"]),
        helper.make_node("MatMul", ["f", "D"], ["y"]),
    ]
    init = {"target": np.array([-1, 64], np.int64), "D": D}
    assert agrees_with_onnxruntime(write(tmp_path / "m.onnx", nodes, init)) == ["flatten", "dense"]


def test_onnx_is_imported_only_when_an_onnx_file_is_read(tmp_path: Path) -> None:
    path = conv_net(tmp_path / "m.onnx")
    code = (
        "import sys, explainer, explainer.core; explainer.load_model(); print('onnx' in sys.modules); "
        f"explainer.load_model({str(path)!r}); print('onnx' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_an_onnx_file_is_read_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = conv_net(tmp_path / "m.onnx")
    renamed = path.rename(tmp_path / "looks_like.npz")
    assert load_model(renamed).layers[0].kind == "conv2d"


@pytest.mark.parametrize("opset", [11, 13, 15, 17])
def test_pytorch_torchscript_exporter(tmp_path: Path, opset: int) -> None:
    torch = pytest.importorskip("torch")
    torch.manual_seed(opset)
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3, padding=1),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(4 * 4 * 4, 10),
    ).eval()
    path = tmp_path / "torch.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            net,
            torch.rand(1, 1, SIDE, SIDE),
            path,
            opset_version=opset,
            dynamo=False,
            input_names=["x"],
            dynamic_axes={"x": {0: "n"}},
        )
    assert agrees_with_onnxruntime(path) == ["conv2d", "relu", "maxpool2d", "flatten", "dense"]


def test_pytorch_export_based_exporter_at_opset_18(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("onnxscript", reason="torch.onnx.export(dynamo=True) needs onnxscript")
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3), torch.nn.Tanh(), torch.nn.Flatten(), torch.nn.Linear(4 * 6 * 6, 10)
    ).eval()
    path = tmp_path / "dynamo.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        program = torch.onnx.export(
            net,
            (torch.rand(1, 1, SIDE, SIDE),),
            dynamo=True,
            opset_version=18,
            input_names=["x"],
            verbose=False,
        )
        program.save(str(path), external_data=False)
    assert agrees_with_onnxruntime(path) == ["conv2d", "tanh", "flatten", "dense"]


# -- refusals ------------------------------------------------------------------------------------------


def refused(path: Path, *words: str) -> None:
    with pytest.raises(BadInputError) as raised:
        load_model(path)
    for word in words:
        assert word in str(raised.value), (word, str(raised.value))


def simple(path: Path, node, init: dict[str, np.ndarray] | None = None, **kwargs) -> Path:
    """``node`` (output "h") then Flatten and a Gemm to 2 scores."""
    D = weights(2, 3 * SIDE * SIDE)
    rest = [helper.make_node("Flatten", ["h"], ["f"]), helper.make_node("Gemm", ["f", "D"], ["y"], transB=1)]
    return write(path, [node, *rest], {"D": D, **(init or {})}, **kwargs)


def test_a_branching_graph_is_refused_naming_the_node(tmp_path: Path) -> None:
    nodes = [
        helper.make_node("Relu", ["x"], ["r"], name="relu_a"),
        helper.make_node("Add", ["r", "x"], ["y"], name="residual"),
    ]
    refused(write(tmp_path / "m.onnx", nodes, {}), "'residual' (Add)", "branching")


@pytest.mark.parametrize(
    ("attributes", "words"),
    [({"group": 3}, "grouped"), ({"dilations": [2, 2]}, "dilated")],
)
def test_convolutions_the_engine_lacks_are_refused(tmp_path: Path, attributes: dict, words: str) -> None:
    W = weights(3, 1, 3, 3)
    x_channels = 3 if "group" in attributes else 1
    node = helper.make_node("Conv", ["x", "W"], ["h"], name="conv", kernel_shape=[3, 3], **attributes)
    path = simple(tmp_path / "m.onnx", node, {"W": W}, input_shape=["n", x_channels, SIDE, SIDE])
    refused(path, words) if x_channels == 1 else refused(path, "channels")


def test_unsupported_quantized_and_subgraph_operators_are_refused(tmp_path: Path) -> None:
    refused(
        simple(tmp_path / "elu.onnx", helper.make_node("Elu", ["x"], ["h"], name="e")), "'e' (Elu)", "Relu"
    )
    q = helper.make_node("QuantizeLinear", ["x", "s"], ["h"], name="q")
    refused(simple(tmp_path / "q.onnx", q, {"s": np.float32(0.1)}), "quantized")
    branch = helper.make_graph([], "b", [], [helper.make_tensor_value_info("x", TensorProto.FLOAT, None)])
    cond = helper.make_node("If", ["c"], ["h"], name="if", then_branch=branch, else_branch=branch)
    refused(simple(tmp_path / "if.onnx", cond, {"c": np.array(True)}), "subgraphs")


def test_inputs_that_are_not_one_channel_images_are_refused(tmp_path: Path) -> None:
    refused(
        simple(tmp_path / "rgb.onnx", helper.make_node("Relu", ["x"], ["h"]), input_shape=["n", 3, 8, 8]),
        "3 channels",
    )


def test_hostile_tensors_are_refused_before_they_are_used(tmp_path: Path) -> None:
    path = conv_net(tmp_path / "m.onnx")
    model = onnx.load(path)
    model.graph.initializer[0].raw_data = model.graph.initializer[0].raw_data[:8]
    onnx.save(model, tmp_path / "short.onnx")
    refused(tmp_path / "short.onnx", "values in the file")
    model = onnx.load(path)
    nan = numpy_helper.to_array(model.graph.initializer[0]).copy()
    nan.flat[0] = np.nan
    model.graph.initializer[0].CopyFrom(tensor(model.graph.initializer[0].name, nan))
    onnx.save(model, tmp_path / "nan.onnx")
    refused(tmp_path / "nan.onnx", "NaN")
    model = onnx.load(path)
    external = model.graph.initializer[0]
    external.data_location = TensorProto.EXTERNAL
    external.external_data.add(key="location", value="../../etc/passwd")
    (tmp_path / "external.onnx").write_bytes(model.SerializeToString())  # onnx.save would refuse the path
    refused(tmp_path / "external.onnx", "external data", "never opened")


def test_opsets_out_of_range_and_garbage_are_refused(tmp_path: Path) -> None:
    refused(simple(tmp_path / "new.onnx", helper.make_node("Relu", ["x"], ["h"]), opset=30), "opset 30")
    (tmp_path / "junk.onnx").write_bytes(b"\x08" + bytes(RNG.integers(0, 256, 300, dtype=np.uint8)))
    refused(tmp_path / "junk.onnx", "ONNX")


# -- export --------------------------------------------------------------------------------------------


def every_exportable_net() -> Sequential:
    """The bundled model's layers and the ones it lacks: BatchNorm, leaky ReLU, tanh, average and global
    pooling, dropout."""
    from explainer.core import (
        AvgPool2D,
        BatchNorm2D,
        Conv2D,
        Dense,
        Dropout,
        GlobalAvgPool2D,
        LeakyReLU,
        Sigmoid,
        Tanh,
    )

    rng = np.random.default_rng(5)
    model = Sequential(
        [
            Conv2D(1, 4, 3, stride=2, padding=1, rng=rng),
            BatchNorm2D(4),
            LeakyReLU(0.2),
            AvgPool2D(2),
            Conv2D(4, 6, 3, padding="same", rng=rng),
            Tanh(),
            GlobalAvgPool2D(),
            Dropout(0.3),
            Dense(6, 5, rng=rng),
            Sigmoid(),
            Dense(5, 3, rng=rng),
        ],
        input_shape=(1, 28, 28),
        input_mean=0.2,
        input_std=0.4,
        class_names=["a", "b", "c"],
    )
    norm = model.layers[1]
    norm.buffers = {
        "running_mean": rng.standard_normal(4).astype(np.float32),
        "running_var": np.full(4, 1.5, np.float32),
    }
    norm.params["gamma"][:] = [0.5, 1.0, 1.5, 2.0]
    return model


@pytest.mark.parametrize("which", ["bundled", "every layer"])
def test_export_runs_in_onnxruntime_and_reimports_bit_identically(tmp_path: Path, which: str) -> None:
    import explainer

    model = explainer.load_model() if which == "bundled" else every_exportable_net()
    path = tmp_path / "exported.onnx"
    explainer.save_model(model, path, metadata={"test_accuracy": 0.99})
    exported = onnx.load(path)
    onnx.checker.check_model(exported)
    assert exported.opset_import[0].version == 13
    if model.input_std != 1.0:
        assert exported.graph.node[1].op_type == "Div", "the normalisation is part of the file"
    props = {prop.key: prop.value for prop in exported.metadata_props}
    assert props["test_accuracy"] == "0.99" and "class_names" in props
    x = RNG.random((6, 1, 28, 28), dtype=np.float32)
    logits = ort.InferenceSession(str(path)).run(None, {"x": x})[0]
    np.testing.assert_allclose(logits, model.eval().forward(x), atol=1e-5, rtol=1e-5)
    again = load_model(path)
    assert again.class_names == model.class_names
    assert (again.input_mean, again.input_std) == (model.input_mean, model.input_std)
    kept = [layer for layer in model.layers if layer.kind != "dropout"]
    assert [layer.kind for layer in again.layers] == [layer.kind for layer in kept]
    for mine, theirs in zip(again.layers, kept, strict=True):
        for key, value in {**theirs.params, **theirs.buffers}.items():
            np.testing.assert_array_equal({**mine.params, **mine.buffers}[key], value)
    assert again.metadata["test_accuracy"] == 0.99
