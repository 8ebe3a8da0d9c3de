"""ONNX Conv with asymmetric pads and pools with pads, ceil_mode and count_include_pad (issue 18).

Each hand-built graph is checked against onnxruntime (within 1e-5, same argmax) and against the ``onnx``
package's reference evaluator layer by layer; export writes the settings back and re-imports bit-identically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_onnx_import import RNG, SIDE, agrees_with_onnxruntime, refused, weights, write

from explainer.core import AvgPool2D, Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential
from explainer.modelio import load_model, save_model
from explainer.onnxio import reference_differences

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import helper  # noqa: E402


def with_scores(path: Path, nodes: list, init: dict[str, np.ndarray]) -> Path:
    """``nodes`` (ending in "h") then Flatten and a Gemm to 3 scores, sized by what onnxruntime computes
    for "h" (so the test does not take the output size from the code it checks)."""
    probe = write(path, nodes, init, output="h")
    x = np.zeros((1, 1, SIDE, SIDE), np.float32)
    features = ort.InferenceSession(str(probe)).run(None, {"x": x})[0][0].size
    tail = [helper.make_node("Flatten", ["h"], ["f"]), helper.make_node("Gemm", ["f", "D"], ["y"], transB=1)]
    return write(path, [*nodes, *tail], {**init, "D": weights(3, features)})


def matches_reference_evaluator(path: Path) -> float:
    """The largest per-layer difference between our trace and ``onnx.reference`` on random images."""
    model = load_model(path)
    x = RNG.random((3, 1, SIDE, SIDE), dtype=np.float32)
    differences = [d for d in reference_differences(path.read_bytes(), model, x) if d is not None]
    return max(differences)


CONV_ATTRIBUTES = [
    ({"pads": [0, 0, 1, 1]}, 2, [0, 0, 1, 1]),
    ({"pads": [1, 2, 0, 1]}, 3, [1, 2, 0, 1]),
    ({"pads": [2, 1, 2, 1]}, 3, [2, 1, 2, 1]),
    ({"auto_pad": "SAME_UPPER"}, 2, [0, 0, 1, 1]),
    ({"auto_pad": "SAME_LOWER"}, 2, [1, 1, 0, 0]),
    ({"auto_pad": "SAME_UPPER"}, 4, [1, 1, 2, 2]),
    ({"auto_pad": "SAME_LOWER"}, 4, [2, 2, 1, 1]),
    ({"auto_pad": "SAME_UPPER"}, 3, 1),
    ({"auto_pad": "SAME_UPPER", "strides": [2, 2]}, 3, [0, 0, 1, 1]),
    ({"auto_pad": "SAME_LOWER", "strides": [2, 2]}, 3, [1, 1, 0, 0]),
    ({"pads": [1, 0, 2, 1], "strides": [2, 2]}, 3, [1, 0, 2, 1]),
]


@pytest.mark.parametrize(("attributes", "k", "padding"), CONV_ATTRIBUTES)
def test_conv_with_asymmetric_or_automatic_padding(
    tmp_path: Path, attributes: dict, k: int, padding: Any
) -> None:
    nodes = [
        helper.make_node("Conv", ["x", "W", "b"], ["c"], kernel_shape=[k, k], **attributes),
        helper.make_node("Relu", ["c"], ["h"]),
    ]
    path = with_scores(tmp_path / "m.onnx", nodes, {"W": weights(3, 1, k, k), "b": weights(3)})
    assert agrees_with_onnxruntime(path)[:2] == ["conv2d", "relu"]
    assert load_model(path).layers[0].get_config()["padding"] == padding
    assert matches_reference_evaluator(path) < 1e-5


POOL_ATTRIBUTES = [
    {"kernel_shape": [2, 2], "strides": [2, 2], "ceil_mode": 1},
    {"kernel_shape": [2, 2], "strides": [2, 2], "pads": [0, 0, 1, 1], "ceil_mode": 1},
    {"kernel_shape": [2, 2], "strides": [2, 2], "pads": [1, 1, 1, 1]},
    {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1], "ceil_mode": 1},
    {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 0, 2, 1], "ceil_mode": 1},
    {"kernel_shape": [3, 3], "strides": [3, 3], "pads": [2, 2, 0, 1]},
    {"kernel_shape": [3, 3], "strides": [1, 1], "pads": [1, 1, 1, 1]},
    {"kernel_shape": [2, 2], "strides": [2, 2], "auto_pad": "SAME_UPPER"},
    {"kernel_shape": [3, 3], "strides": [2, 2], "auto_pad": "SAME_LOWER"},
]


@pytest.mark.parametrize("attributes", POOL_ATTRIBUTES)
@pytest.mark.parametrize(("op", "extra"), [("MaxPool", {}), ("AveragePool", {}), ("AveragePool", {"cip": 1})])
def test_pools_with_padding_and_ceil_mode(tmp_path: Path, attributes: dict, op: str, extra: dict) -> None:
    if extra:
        attributes = {**attributes, "count_include_pad": 1}
    # The 2x2 conv makes the maps 7x7: odd, so that ceil mode makes a difference.
    nodes = [
        helper.make_node("Conv", ["x", "W", "b"], ["c"], kernel_shape=[2, 2]),
        helper.make_node(op, ["c"], ["h"], **attributes),
    ]
    init = {"W": weights(3, 1, 2, 2), "b": weights(3)}
    probe = write(tmp_path / "probe.onnx", nodes, init, output="h")
    # onnx's shape inference ignores the rule that drops a last window starting in the padding, so a
    # Gemm sized by the real output would not load in onnxruntime; a global pool takes any size.
    tail = [
        helper.make_node("GlobalAveragePool", ["h"], ["g"]),
        helper.make_node("Flatten", ["g"], ["f"]),
        helper.make_node("Gemm", ["f", "D"], ["y"], transB=1),
    ]
    path = write(tmp_path / "m.onnx", [*nodes, *tail], {**init, "D": weights(3, 3)})
    kinds = agrees_with_onnxruntime(path)
    assert kinds[1] == ("maxpool2d" if op == "MaxPool" else "avgpool2d")
    model = load_model(path)
    x = RNG.random((4, 1, SIDE, SIDE), dtype=np.float32)
    theirs = ort.InferenceSession(str(probe)).run(None, {"x": x})[0]
    ours = model.trace(x).layers[1].output
    assert ours.shape == theirs.shape
    assert np.abs(ours - theirs).max() < 1e-5
    config = model.layers[1].get_config()
    assert config.get("ceil_mode", False) == bool(attributes.get("ceil_mode", 0))
    assert config.get("count_include_pad", False) == bool(extra)
    if not (op == "MaxPool" and attributes.get("auto_pad") == "SAME_LOWER"):
        # onnx.reference's MaxPool gets SAME_LOWER wrong (3x3 where onnxruntime and the spec give 4x4).
        assert matches_reference_evaluator(path) < 1e-5


@pytest.mark.parametrize(
    ("op", "attributes", "words"),
    [
        ("MaxPool", {"pads": [0, 0, 2, 0]}, "at most 1 per side"),
        ("MaxPool", {"dilations": [2, 2]}, "dilated"),
        ("MaxPool", {"storage_order": 1}, "storage_order"),
        ("AveragePool", {"pads": [0, 0, 1]}, "four numbers"),
        ("AveragePool", {"auto_pad": "SAME"}, "auto_pad 'SAME'"),
        ("AveragePool", {"pads": [0, -1, 0, 0]}, "four numbers"),
    ],
)
def test_pool_settings_the_engine_lacks_are_refused(
    tmp_path: Path, op: str, attributes: dict, words: str
) -> None:
    node = helper.make_node(op, ["x"], ["h"], name="pool", kernel_shape=[2, 2], **attributes)
    tail = [helper.make_node("Flatten", ["h"], ["y"])]
    refused(write(tmp_path / "m.onnx", [node, *tail], {}), "'pool'", f"({op})", words)


def test_conv_pads_beyond_the_file_format_limit_are_refused(tmp_path: Path) -> None:
    node = helper.make_node("Conv", ["x", "W"], ["y"], name="wide", kernel_shape=[2, 2], pads=[0, 0, 0, 99])
    refused(write(tmp_path / "m.onnx", [node], {"W": weights(1, 1, 2, 2)}), "'wide' (Conv)", "from 0 to")


def test_a_maxpool_indices_output_is_refused(tmp_path: Path) -> None:
    node = helper.make_node("MaxPool", ["x"], ["h", "where"], name="pool", kernel_shape=[2, 2])
    refused(write(tmp_path / "m.onnx", [node], {}, output="h"), "'pool' (MaxPool)", "Indices")


def padded_model() -> Sequential:
    """A net using every new form, with weights that are not round numbers."""
    rng = np.random.default_rng(11)
    maps = [
        Conv2D(1, 4, 2, padding=[0, 0, 1, 1], rng=rng),
        ReLU(),
        MaxPool2D(2, ceil_mode=True),
        Conv2D(4, 5, 3, 2, padding=[1, 0, 2, 1], rng=rng),
        AvgPool2D(3, 2, padding=[1, 1, 0, 0], ceil_mode=True, count_include_pad=True),
        AvgPool2D(2, 1, padding=1),
        Flatten(),
    ]
    features = Sequential(maps, input_shape=(1, 28, 28)).output_shapes()[-1][0]
    model = Sequential(
        [*maps, Dense(features, 10, rng=rng)],
        input_shape=(1, 28, 28),
        input_mean=0.1307,
        input_std=0.3081,
    )
    for layer in model.layers:
        for value in layer.params.values():
            value += rng.normal(0, 0.05, value.shape).astype(value.dtype)
    return model


def test_export_writes_pads_and_ceil_mode_back_and_reimports_bit_identically(tmp_path: Path) -> None:
    model = padded_model()
    path = tmp_path / "padded.onnx"
    save_model(model, path)
    exported = onnx.load(path)
    assert exported.opset_import[0].version == 13
    nodes = {node.name: node for node in exported.graph.node}
    attributes = {
        name: {a.name: helper.get_attribute_value(a) for a in nodes[name].attribute} for name in nodes
    }
    assert attributes["conv2"]["pads"] == [1, 0, 2, 1]
    assert attributes["pool1"]["ceil_mode"] == 1
    assert attributes["pool2"]["count_include_pad"] == 1 and attributes["pool2"]["pads"] == [1, 1, 0, 0]
    x = RNG.random((4, 1, 28, 28), dtype=np.float32)
    logits = ort.InferenceSession(str(path)).run(None, {"x": x})[0]
    ours = model.forward(x)
    assert np.abs(logits - ours).max() < 1e-5
    assert (logits.argmax(axis=1) == ours.argmax(axis=1)).all()
    again = load_model(path)
    assert [layer.get_config() for layer in again.layers] == [layer.get_config() for layer in model.layers]
    for mine, theirs in zip(again.layers, model.layers, strict=True):
        for key, value in theirs.params.items():
            np.testing.assert_array_equal(mine.params[key], value)
    np.testing.assert_array_equal(again.forward(x), ours)
