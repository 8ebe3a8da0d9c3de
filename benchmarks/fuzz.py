"""Fuzz the four file readers: a mutated file loads or raises BadInputError, nothing else, and never hangs.

    .venv/bin/python benchmarks/fuzz.py [--count 10000] [--seed 0] [--timeout 10] [--targets model onnx ...]
    .venv/bin/python benchmarks/fuzz.py --write-case model 1234 /tmp/case.npz   # one case, for a bug report

Targets: ``model`` (explainer.modelio.load_model on .npz files), ``onnx`` (the same on ONNX files),
``image`` (explainer.imageio.load_image, followed by
explainer.data.preprocess.to_mnist on what it returns) and ``idx`` (explainer.data.read_idx). Case ``i`` of a
target is built from a small valid seed file with ``random.Random(f"{seed}/{target}/{i}")``, so any case
can be rebuilt alone. The mutations:

- every target: 1-4 byte-level edits: bit flips, "interesting" 8/16/32-bit values, truncation, insertion
  and deletion of bytes, chunk duplication and chunk overwrite, trailing junk;
- model (.npz): zip-member tampering (a member's bytes mutated under a valid CRC, .npy headers with odd
  dtypes/shapes/versions, members renamed, dropped, duplicated, added, recompressed, swapped; size and
  offset fields of the zip directory set to odd values), a pickled object array whose unpickling would
  create a marker file (checked after every case), JSON-config mutation (wrong kinds, wrong or negative
  settings, huge dims, odd input shapes, NaN/inf numbers, reordered/duplicated/removed layers, random
  JSON, raw text damage, deep nesting) with the weights kept or rebuilt to match the new config, and
  weight damage (NaN/inf, other dtypes, other shapes, Fortran order, big-endian);
- onnx: a small valid Conv/BatchNorm/pool/Gemm graph, mutated as bytes or as a protobuf: attributes set to
  odd values (pads, strides, kernels, groups, dilations, axes), tensors with other dims, short or long raw
  data, other data types, NaN weights or external-data locations, nodes dropped, duplicated, reordered or
  given another operator, inputs rewired, the input shape and the opset changed, subgraph attributes added;
- image: seeds in PNG (grey 8/16-bit, RGBA, palette, 1-bit), JPEG (baseline, progressive, CMYK), BMP,
  GIF, TIFF and WebP; PNG chunks edited with their CRC recomputed (IHDR sizes, depths and colour types,
  chunks dropped, duplicated, reordered, split), JPEG frame sizes and BMP/GIF header fields;
- idx: IDX header fields (type code, number of dimensions, sizes), raw or gzip-compressed, and gzip
  container damage (flags, trailer, concatenated members, compressible "bombs").

Each target runs in a worker process; a case that takes longer than ``--timeout`` seconds is a hang (the
worker is killed and restarted after it) and a worker that dies is a crash. Prints, per target: outcome
counts, every exception type other than BadInputError with an example, hangs, crashes, the slowest case,
the largest growth of the worker's resident memory in one case, and the total time. Exit status 1 when
anything but "loaded" or BadInputError happened.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import queue
import random
import struct
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
TARGETS = ("model", "onnx", "image", "idx")
# The harness checking itself: cases that load, raise BadInputError, raise KeyError, hang and crash.
SELFTEST = ("loaded", "bad", "other", "hang", "crash")
SUFFIX = {"model": ".npz", "onnx": ".onnx", "idx": ".idx"}
GZIP_MAGIC = b"\x1f\x8b"
INTERESTING_8 = [0x00, 0x01, 0x7F, 0x80, 0xFF]
INTERESTING_32 = [
    0,
    1,
    2,
    3,
    0x7F,
    0x80,
    0xFF,
    0x100,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x10000,
    0x7FFFFFFF,
    0x80000000,
    0xFFFFFFFF,
]
INTERESTING_INTS = [-(10**30), -(2**31), -1, 0, 1, 2, 3, 7, 255, 256, 2**16, 2**31 - 1, 2**31, 2**63, 10**30]


# ----------------------------------------------------------------------------------------------- bytes


def mutate_bytes(rng: random.Random, data: bytes, rounds: int | None = None) -> tuple[bytes, str]:
    """Apply 1-4 random byte-level edits; returns the new bytes and a short description."""
    out = bytearray(data)
    names = []
    for _ in range(rounds if rounds is not None else rng.randint(1, 4)):
        name = rng.choice(
            ["flip", "interesting", "truncate", "insert", "delete", "duplicate", "overwrite", "append"]
        )
        names.append(name)
        n = len(out)
        pos = rng.randrange(n) if n else 0
        if name == "flip" and n:
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif name == "interesting" and n:
            width = rng.choice([1, 2, 4])
            value = rng.choice(INTERESTING_32) & ((1 << (8 * width)) - 1)
            out[pos : pos + width] = value.to_bytes(width, rng.choice(["big", "little"]))
        elif name == "truncate":
            del out[rng.randrange(n + 1) :]
        elif name == "insert":
            out[pos:pos] = rng.randbytes(rng.randint(1, 64))
        elif name == "delete" and n:
            del out[pos : pos + rng.randint(1, 256)]
        elif name == "duplicate" and n:
            start = rng.randrange(n)
            out[pos:pos] = out[start : start + rng.randint(1, 512)]
        elif name == "overwrite" and n:
            start = rng.randrange(n)
            chunk = out[start : start + rng.randint(1, 512)]
            out[pos : pos + len(chunk)] = chunk
        elif name == "append":
            out += rng.randbytes(rng.randint(1, 256))
    return bytes(out), "bytes:" + "+".join(names)


# ----------------------------------------------------------------------------------------------- model


class PicklePayload:
    """An object whose unpickling creates ``marker``: proof that a loader executed pickled data."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def npy_bytes(array: np.ndarray) -> bytes:
    """The .npy encoding of ``array`` (object arrays are pickled, as a hostile file would be)."""
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def zip_bytes(members: list[tuple[str, bytes, int]]) -> bytes:
    """A zip archive of ``(name, data, compression)`` members with fixed timestamps (deterministic)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate member names are a mutation, not a mistake
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data, compression in members:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = compression
                archive.writestr(info, data)
    return buffer.getvalue()


def model_parts() -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The weights and JSON document of a valid reference-net model file.

    Shape:
        Weights as stored: conv ``W (C_out, C_in, 3, 3)``, ``b (C_out,)``; dense ``W (784, 10)``, ``b (10,)``.
    """
    from explainer.core import reference_net
    from explainer.modelio import FORMAT

    model = reference_net(np.random.default_rng(0))
    arrays = {f"layer{i}.{k}": v for i, layer in enumerate(model.layers) for k, v in layer.params.items()}
    document = {
        "format": FORMAT,
        "layers": [{"kind": layer.kind, "config": layer.get_config()} for layer in model.layers],
        "input_shape": [int(n) for n in model.input_shape],
        "input_mean": 0.1307,
        "input_std": 0.3081,
        "class_names": [str(i) for i in range(10)],
        "metadata": {"note": "fuzz seed"},
    }
    return arrays, document


def model_file(arrays: dict[str, np.ndarray], config: bytes | None) -> bytes:
    """An .npz like ``save_model`` writes: one .npy member per array plus the config bytes."""
    members = [(f"{name}.npy", npy_bytes(value), zipfile.ZIP_STORED) for name, value in arrays.items()]
    if config is not None:
        members.append(("config.npy", npy_bytes(np.frombuffer(config, np.uint8)), zipfile.ZIP_STORED))
    return zip_bytes(members)


def expected_shapes(document: Any) -> dict[str, tuple[int, ...]] | None:
    """Weight shapes the (possibly mutated) config asks for, or None when it cannot say or they are big."""
    try:
        shapes: dict[str, tuple[int, ...]] = {}
        for i, entry in enumerate(document["layers"]):
            config = entry["config"]
            if entry["kind"] == "conv2d":
                k = config["kernel_size"]
                shapes[f"layer{i}.W"] = (config["out_channels"], config["in_channels"], k, k)
                shapes[f"layer{i}.b"] = (config["out_channels"],)
            elif entry["kind"] == "dense":
                shapes[f"layer{i}.W"] = (config["in_features"], config["out_features"])
                shapes[f"layer{i}.b"] = (config["out_features"],)
        sizes = [math.prod(shape) for shape in shapes.values()]
        if (
            all(type(n) is int and 0 <= n < 2**31 for shape in shapes.values() for n in shape)
            and sum(sizes) < 2**22
        ):
            return shapes
    except (KeyError, TypeError, IndexError, AttributeError, ValueError):
        pass
    return None


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value: odd scalars, and small lists and objects."""
    choice = rng.randrange(8 if depth < 3 else 5)
    if choice == 0:
        return None
    if choice == 1:
        return rng.random() < 0.5
    if choice == 2:
        return rng.choice(INTERESTING_INTS)
    if choice == 3:
        return rng.choice([0.0, -0.0, 0.5, -1.5, 1e-310, 1e308, 3.0])
    if choice == 4:
        return rng.choice(["", "conv2d", "same", "valid", "he", "x" * 300, "\u0000", "\ud7ff", "7"])
    if choice in (5, 6):
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(5))]
    return {
        rng.choice(["kind", "config", "p", "size", "shape"]): random_json(rng, depth + 1) for _ in range(2)
    }


def mutate_document(rng: random.Random, document: dict[str, Any]) -> str:
    """Change the JSON config in place in one of many ways; returns a description."""
    layers = document["layers"]
    i = rng.randrange(len(layers))
    op = rng.choice(
        [
            "kind",
            "setting",
            "negative",
            "huge",
            "input_shape",
            "numbers",
            "layers",
            "top",
            "class_names",
            "drop_setting",
        ]
    )
    if op == "kind":
        layers[i]["kind"] = rng.choice(
            [
                "",
                "Conv2D",
                "lambda",
                "__import__",
                "conv2d",
                "dense",
                "maxpool2d",
                "avgpool2d",
                "dropout",
                "flatten",
                "relu",
                "tanh",
                5,
                None,
                ["relu"],
            ]
        )
    elif op in ("setting", "negative", "huge"):
        config = layers[i]["config"]
        key = rng.choice([*config, "kernel_size", "stride", "padding", "size", "p", "alpha", "in_features"])
        if op == "setting":
            config[key] = random_json(rng)
        elif op == "negative":
            config[key] = rng.choice([-1, -3, -(2**31), -0.5])
        else:
            config[key] = rng.choice([256, 257, 2**16, 2**16 + 1, 2**31, 10**9, 10**30])
    elif op == "input_shape":
        document["input_shape"] = rng.choice(
            [
                [1, 28, 28],
                [1, 1, 1],
                [4, 256, 256],
                [1, 10**9, 28],
                [-1, 28, 28],
                [0, 28, 28],
                [1, 28],
                [1, 28, 28, 1],
                "1x28x28",
                [1.0, 28, 28],
                [3, 28, 28],
                [1, 27, 28],
                [1, 2**31, 2**31],
            ]
        )
    elif op == "numbers":
        document[rng.choice(["input_mean", "input_std"])] = rng.choice(
            [0, -1.0, 1e-320, 1e308, "NaN", None, [], "__nan__", "__inf__", "__-inf__"]
        )
    elif op == "layers":
        how = rng.choice(["delete", "duplicate", "swap", "reverse", "many", "empty", "not a list"])
        if how == "delete":
            del layers[i]
        elif how == "duplicate":
            layers.insert(i, json.loads(json.dumps(layers[i])))
        elif how == "swap":
            j = rng.randrange(len(layers))
            layers[i], layers[j] = layers[j], layers[i]
        elif how == "reverse":
            layers.reverse()
        elif how == "many":
            document["layers"] = layers * rng.choice([6, 100])
        elif how == "empty":
            document["layers"] = []
        else:
            document["layers"] = {"0": layers[0]}
        return f"config:layers-{how}"
    elif op == "top":
        document[rng.choice([*document, "extra"])] = random_json(rng)
    elif op == "class_names":
        document["class_names"] = rng.choice(
            [
                [str(k) for k in range(9)],
                [str(k) for k in range(11)],
                list(range(10)),
                ["a"] * 10,
                [],
                ["x" * 10**5] * 10,
                "0123456789",
            ]
        )
    else:
        config = layers[i]["config"]
        if config:
            del config[rng.choice(list(config))]
    return f"config:{op}"


def config_text(rng: random.Random, document: dict[str, Any]) -> tuple[bytes, str]:
    """Serialise a (mutated) document, sometimes with NaN/Infinity tokens, raw damage or deep nesting."""
    text = json.dumps(document)
    for token, literal in (('"__nan__"', "NaN"), ('"__inf__"', "Infinity"), ('"__-inf__"', "-Infinity")):
        text = text.replace(token, literal)
    roll = rng.random()
    if roll < 0.1:
        raw, how = mutate_bytes(rng, text.encode("utf-8"))
        return raw, "+raw-" + how
    if roll < 0.13:
        depth = rng.choice([1000, 100000])
        return text.replace(
            '"metadata": {', '"metadata": {"deep": ' + "[" * depth + "]" * depth + ", ", 1
        ).encode(), f"+nesting-{depth}"
    if roll < 0.16:
        return text.encode("utf-16"), "+utf16"
    return text.encode("utf-8"), ""


def damage_weights(rng: random.Random, arrays: dict[str, np.ndarray], marker: Path) -> str:
    """Damage one weight array in place; returns a description."""
    name = rng.choice(sorted(arrays))
    value = arrays[name]
    op = rng.choice(["nan", "dtype", "shape", "fortran", "bigendian", "remove", "extra", "pickle", "huge"])
    if op == "nan":
        value = value.copy()
        value.flat[rng.randrange(value.size)] = rng.choice([np.nan, np.inf, -np.inf])
        arrays[name] = value
    elif op == "dtype":
        arrays[name] = value.astype(
            rng.choice([np.float16, np.float64, np.int32, np.int8, np.complex64, np.bool_, np.uint8, ">f8"])
        )
    elif op == "shape":
        arrays[name] = rng.choice(
            [
                value.T,
                value[None],
                value.ravel(),
                np.float32(1.0),
                value[..., :1],
                np.zeros((0, *value.shape[1:]), value.dtype),
            ]
        )
    elif op == "fortran":
        arrays[name] = np.asfortranarray(value)
    elif op == "bigendian":
        arrays[name] = value.astype(">f4")
    elif op == "remove":
        del arrays[name]
    elif op == "extra":
        arrays[f"layer{rng.choice([0, 1, 99])}.{rng.choice(['W', 'b', 'gamma'])}"] = np.zeros(3, np.float32)
    elif op == "pickle":
        arrays[name] = np.array([PicklePayload(marker), 1.0], dtype=object)
    else:
        arrays[name] = np.full(value.shape, rng.choice([3e38, -3e38, 1e-45]), value.dtype)
    return f"weights:{op}"


def tamper_zip(
    rng: random.Random, arrays: dict[str, np.ndarray], config: bytes, marker: Path
) -> tuple[bytes, str]:
    """Build the archive, damaging the member list or one member; returns the bytes and a label."""
    members = [(f"{name}.npy", npy_bytes(value), zipfile.ZIP_STORED) for name, value in arrays.items()]
    members.append(("config.npy", npy_bytes(np.frombuffer(config, np.uint8)), zipfile.ZIP_STORED))
    i = rng.randrange(len(members))
    name, data, compression = members[i]
    op = rng.choice(
        [
            "member-bytes",
            "npy-header",
            "npy-version",
            "compress",
            "rename",
            "drop",
            "duplicate",
            "extra",
            "swap",
            "pickle-config",
            "directory-fields",
            "prefix-suffix",
        ]
    )
    if op == "member-bytes":
        members[i] = (name, mutate_bytes(rng, data)[0], compression)
    elif op == "npy-header":
        header = {
            "descr": rng.choice(
                [
                    "<f4",
                    ">f4",
                    "<f8",
                    "|O",
                    "<i4",
                    "|u1",
                    "<c8",
                    "<U3",
                    "|V8",
                    "|b1",
                    [("a", "<f4")],
                    "<f2",
                    "bogus",
                ]
            ),
            "fortran_order": rng.choice([False, True]),
            "shape": rng.choice(
                [(), (0,), (-1,), (10**12,), (2**63,), (3, 3), (8, 1, 3, 3), (784, 10), (10,), (10, -10)]
            ),
        }
        body = data[len(data) - rng.randint(0, 64) :]
        prefix = b"\x93NUMPY\x01\x00"
        text = repr(header).encode("latin1")
        text += b" " * ((-(len(prefix) + 2 + len(text) + 1)) % 64) + b"\n"
        members[i] = (name, prefix + struct.pack("<H", len(text)) + text + body, compression)
    elif op == "npy-version":
        members[i] = (
            name,
            data[:6] + bytes([rng.choice([0, 2, 3, 9, 255]), rng.choice([0, 1])]) + data[8:],
            compression,
        )
    elif op == "compress":
        members[i] = (name, data, rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    elif op == "rename":
        new = rng.choice(
            [
                name[:-4],
                name.upper(),
                "dir/" + name,
                "../" + name,
                "/" + name,
                name + ".npy",
                "config.npy",
                "layer0.W.npy",
                "",
                "\u00e9.npy",
                "x" * 300 + ".npy",
            ]
        )
        members[i] = (new, data, compression)
    elif op == "drop":
        del members[i]
    elif op == "duplicate":
        members.insert(rng.randrange(len(members) + 1), members[i])
    elif op == "extra":
        members.append(
            rng.choice(
                [
                    ("readme.txt", b"hello", zipfile.ZIP_STORED),
                    ("extra.npy", npy_bytes(np.zeros((2, 2))), zipfile.ZIP_STORED),
                    ("bomb.npy", npy_bytes(np.zeros(2**24, np.uint8)), zipfile.ZIP_DEFLATED),
                    (
                        "evil.npy",
                        npy_bytes(np.array([PicklePayload(marker)], dtype=object)),
                        zipfile.ZIP_STORED,
                    ),
                ]
            )
        )
    elif op == "swap":
        j = rng.randrange(len(members))
        members[i], members[j] = (name, members[j][1], compression), (members[j][0], data, members[j][2])
    elif op == "pickle-config":
        members[-1] = (
            "config.npy",
            npy_bytes(np.array([PicklePayload(marker)], dtype=object)),
            zipfile.ZIP_STORED,
        )
    raw = zip_bytes(members)
    if op == "directory-fields":
        raw = tamper_zip_fields(rng, raw)
    elif op == "prefix-suffix":
        junk = rng.randbytes(rng.randint(1, 100))
        raw = rng.choice([junk + raw, raw + junk, raw[:4] + junk + raw[4:]])
    return raw, f"zip:{op}"


def tamper_zip_fields(rng: random.Random, raw: bytes) -> bytes:
    """Set a size, count, length or offset field of a local header, the central directory or its end."""
    fields = {
        b"PK\x03\x04": [(18, 4), (22, 4), (26, 2), (28, 2), (8, 2)],
        b"PK\x01\x02": [(20, 4), (24, 4), (28, 2), (30, 2), (42, 4), (10, 2)],
        b"PK\x05\x06": [(8, 2), (10, 2), (12, 4), (16, 4), (20, 2)],
    }
    signature = rng.choice(list(fields))
    starts = [k for k in range(len(raw) - 3) if raw[k : k + 4] == signature]
    if not starts:
        return raw
    start = rng.choice(starts)
    offset, width = rng.choice(fields[signature])
    value = rng.choice(INTERESTING_32) & ((1 << (8 * width)) - 1)
    out = bytearray(raw)
    out[start + offset : start + offset + width] = value.to_bytes(width, "little")
    return bytes(out)


def model_case(rng: random.Random, marker: Path) -> tuple[bytes, str]:
    """One mutated model file."""
    arrays, document = model_parts()
    roll = rng.random()
    if roll < 0.3:
        return mutate_bytes(rng, model_file(arrays, json.dumps(document).encode()))
    if roll < 0.55:
        return tamper_zip(rng, arrays, json.dumps(document).encode(), marker)
    if roll < 0.85:
        how = mutate_document(rng, document)
        shapes = expected_shapes(document)
        if shapes is not None and rng.random() < 0.6:
            # Weights that fit the mutated config, so the mutation reaches the architecture checks.
            arrays = {name: np.zeros(shape, np.float32) for name, shape in shapes.items()}
            how += "+fitted-weights"
        text, extra = config_text(rng, document)
        return model_file(arrays, text), how + extra
    how = damage_weights(rng, arrays, marker)
    return model_file(arrays, json.dumps(document).encode()), how


# ----------------------------------------------------------------------------------------------- onnx

ONNX_OPS = (
    "Relu",
    "Add",
    "Conv",
    "Gemm",
    "MatMul",
    "Reshape",
    "Elu",
    "If",
    "QLinearConv",
    "Softmax",
    "Shape",
)


def onnx_seed() -> Any:
    """A valid ONNX model: Sub → Conv → BatchNormalization → Relu → MaxPool → Flatten → Gemm → Softmax."""
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    init = {
        "mean": np.float32(0.1),
        "W": rng.standard_normal((3, 1, 3, 3)).astype(np.float32),
        "b": np.zeros(3, np.float32),
        "scale": np.ones(3, np.float32),
        "shift": np.zeros(3, np.float32),
        "rmean": np.zeros(3, np.float32),
        "rvar": np.ones(3, np.float32),
        "D": rng.standard_normal((10, 3 * 14 * 14)).astype(np.float32),
        "c": np.zeros(10, np.float32),
    }
    nodes = [
        helper.make_node("Sub", ["x", "mean"], ["s"], name="sub"),
        helper.make_node(
            "Conv", ["s", "W", "b"], ["conv"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]
        ),
        helper.make_node(
            "BatchNormalization", ["conv", "scale", "shift", "rmean", "rvar"], ["bn"], name="bn"
        ),
        helper.make_node("Relu", ["bn"], ["r"], name="relu"),
        helper.make_node("MaxPool", ["r"], ["p"], name="pool", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "D", "c"], ["g"], name="gemm", transB=1),
        helper.make_node("Softmax", ["g"], ["y"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes,
        "seed",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 1, 28, 28])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", 10])],
        [numpy_helper.from_array(value, name) for name, value in init.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    return model


def mutate_onnx(rng: random.Random, model: Any) -> str:
    """Change ``model`` in place at the protobuf level; returns what was done."""
    from onnx import helper

    graph, names = model.graph, []
    for _ in range(rng.randint(1, 3)):
        choice = rng.choice(
            [
                "attribute",
                "dims",
                "raw",
                "dtype",
                "external",
                "nan",
                "drop",
                "duplicate",
                "reorder",
                "op",
                "rewire",
                "input",
                "opset",
                "subgraph",
            ]
        )
        names.append(choice)
        node = rng.choice(graph.node) if len(graph.node) else None
        tensor = rng.choice(graph.initializer) if len(graph.initializer) else None
        value = rng.choice(INTERESTING_32) - 2**31 if rng.random() < 0.3 else rng.randint(-3, 40)
        if choice == "attribute" and node is not None:
            name = rng.choice(
                [
                    "pads",
                    "strides",
                    "kernel_shape",
                    "group",
                    "dilations",
                    "axis",
                    "transB",
                    "alpha",
                    "auto_pad",
                    "ceil_mode",
                    "count_include_pad",
                    "storage_order",
                ]
            )
            del node.attribute[: rng.randint(0, len(node.attribute))]
            if name in ("pads", "strides", "kernel_shape", "dilations"):
                node.attribute.append(helper.make_attribute(name, [value] * rng.choice([1, 2, 4])))
            elif name == "auto_pad":
                mode = rng.choice(["SAME_UPPER", "SAME_LOWER", "VALID", "X"])
                node.attribute.append(helper.make_attribute(name, mode))
            else:
                node.attribute.append(helper.make_attribute(name, value))
        elif choice == "dims" and tensor is not None:
            tensor.dims[:] = [abs(value) % 70000 for _ in range(rng.randint(0, 5))]
        elif choice == "raw" and tensor is not None:
            tensor.raw_data = tensor.raw_data[: rng.randrange(len(tensor.raw_data) + 1)] + rng.randbytes(
                rng.randint(0, 8)
            )
        elif choice == "dtype" and tensor is not None:
            tensor.data_type = rng.randint(0, 17)
        elif choice == "external" and tensor is not None:
            tensor.data_location = 1
            tensor.external_data.add(
                key="location", value=rng.choice(["../../etc/passwd", "/dev/zero", "w.bin"])
            )
        elif choice == "nan" and tensor is not None and tensor.data_type == 1 and tensor.raw_data:
            raw = bytearray(tensor.raw_data)
            raw[:4] = struct.pack("<f", rng.choice([math.nan, math.inf, -math.inf, 1e38]))
            tensor.raw_data = bytes(raw)
        elif choice == "drop" and node is not None:
            graph.node.remove(node)
        elif choice == "duplicate" and node is not None:
            graph.node.insert(rng.randrange(len(graph.node) + 1), node)
        elif choice == "reorder" and len(graph.node) > 1:
            moved = graph.node.pop(rng.randrange(len(graph.node)))
            graph.node.insert(rng.randrange(len(graph.node) + 1), moved)
        elif choice == "op" and node is not None:
            node.op_type = rng.choice(ONNX_OPS)
        elif choice == "rewire" and node is not None and len(node.input):
            others = (
                [n.output[0] for n in graph.node] + [t.name for t in graph.initializer] + ["x", "nowhere"]
            )
            node.input[rng.randrange(len(node.input))] = rng.choice(others)
        elif choice == "input":
            dims = graph.input[0].type.tensor_type.shape.dim
            dims[rng.randrange(len(dims))].dim_value = abs(value) % 5000
        elif choice == "opset":
            model.opset_import[0].version = rng.choice([1, 6, 7, 11, 18, 21, 22, 99, value])
        elif choice == "subgraph" and node is not None:
            node.attribute.append(helper.make_attribute("body", helper.make_graph([], "g", [], [])))
    return "onnx:" + "+".join(names)


def onnx_case(rng: random.Random) -> tuple[bytes, str]:
    """One mutated ONNX file."""
    model = onnx_seed()
    if rng.random() < 0.35:
        return mutate_bytes(rng, model.SerializeToString())
    how = mutate_onnx(rng, model)
    return model.SerializeToString(), how


# ----------------------------------------------------------------------------------------------- image


def digit_mask() -> np.ndarray:
    """A 40x30 boolean '7' away from the border.

    Shape:
        ``(40, 30)`` bool.
    """
    mask = np.zeros((40, 30), bool)
    mask[8:12, 6:24] = True
    for row in range(12, 34):
        col = 21 - (row - 12) * 10 // 22
        mask[row, col - 2 : col + 2] = True
    return mask


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk with its CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(pixels: np.ndarray, colour_type: int, bit_depth: int = 8, extra: bytes = b"") -> bytes:
    """A PNG written by hand (for layouts Qt does not write, e.g. grey + alpha).

    Shape:
        pixels: ``(H, W)`` or ``(H, W, C)`` unsigned integers matching ``colour_type`` and ``bit_depth``.
    """
    h, w = pixels.shape[:2]
    if bit_depth == 16:
        rows = pixels.astype(">u2").reshape(h, -1).view(np.uint8)
    elif bit_depth == 1:
        rows = np.packbits(pixels.reshape(h, w).astype(bool), axis=1)
    else:
        rows = pixels.astype(np.uint8).reshape(h, -1)
    raw = np.hstack([np.zeros((h, 1), np.uint8), rows]).tobytes()
    header = struct.pack(">IIBBBBB", w, h, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + extra
        + png_chunk(b"IDAT", zlib.compress(raw))
        + png_chunk(b"IEND", b"")
    )


def qt_encode(
    pixels: np.ndarray, image_format: Any, file_format: str, quality: int = -1, progressive: bool = False
) -> bytes:
    """Encode ``pixels`` with Qt's writers.

    Shape:
        pixels: ``(H, W)`` or ``(H, W, C)`` uint8/uint16 laid out as ``image_format`` expects.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QImageWriter

    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    image = QImage(pixels.data, w, h, pixels.strides[0], image_format).copy()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, file_format.encode())
    writer.setQuality(quality)
    writer.setProgressiveScanWrite(progressive)
    if not writer.write(image):
        raise RuntimeError(f"Qt cannot write {file_format}: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def gif_bytes(indices: np.ndarray) -> bytes:
    """A GIF89a with a grey palette and 'uncompressed' 9-bit LZW (Qt cannot write GIFs).

    Shape:
        indices: ``(H, W)`` uint8 palette indices.
    """
    h, w = indices.shape
    out = bytearray(b"GIF89a" + struct.pack("<HH", w, h) + bytes([0xF7, 0, 0]))
    out += bytes(np.repeat(np.arange(256, dtype=np.uint8), 3))
    out += b"\x2c" + struct.pack("<HHHH", 0, 0, w, h) + b"\x00\x08"
    codes: list[int] = []
    for start in range(0, indices.size, 254):
        codes += [256, *indices.ravel()[start : start + 254].tolist()]
    codes.append(257)
    stream = sum(code << (9 * k) for k, code in enumerate(codes)).to_bytes(
        (9 * len(codes) + 7) // 8, "little"
    )
    for start in range(0, len(stream), 255):
        block = stream[start : start + 255]
        out += bytes([len(block)]) + block
    return bytes(out + b"\x00\x3b")


def image_seeds() -> dict[str, bytes]:
    """Small valid files of every kind the image loader reads, all showing the same digit."""
    from PySide6.QtGui import QImage

    mask = digit_mask()
    ink = np.where(mask, 255, 0).astype(np.uint8)
    paper = 255 - ink
    rgb = np.dstack([paper, paper, np.full_like(paper, 255)])
    rgba = np.dstack([ink * 0, ink * 0, ink * 0, ink])
    cmyk = np.dstack([ink, ink, ink * 0, ink // 2])
    fmt = QImage.Format
    return {
        "png-grey8": qt_encode(ink, fmt.Format_Grayscale8, "png"),
        "png-grey16": qt_encode(ink.astype(np.uint16) * 257, fmt.Format_Grayscale16, "png"),
        "png-rgba": qt_encode(rgba, fmt.Format_RGBA8888, "png"),
        "png-grey-alpha": png_bytes(np.dstack([ink, ink]), colour_type=4),
        "png-1bit": png_bytes(mask, colour_type=0, bit_depth=1),
        "png-palette": png_bytes(
            mask.astype(np.uint8),
            colour_type=3,
            extra=png_chunk(b"PLTE", b"\xff\xff\xff\x00\x00\xc0") + png_chunk(b"tRNS", b"\x00"),
        ),
        "jpeg": qt_encode(rgb, fmt.Format_RGB888, "jpeg", quality=90),
        "jpeg-progressive": qt_encode(paper, fmt.Format_Grayscale8, "jpeg", quality=80, progressive=True),
        "jpeg-cmyk": qt_encode(cmyk, fmt.Format_CMYK8888, "jpeg", quality=90),
        "bmp": qt_encode(rgb, fmt.Format_RGB888, "bmp"),
        "gif": gif_bytes(paper),
        "tiff": qt_encode(rgb, fmt.Format_RGB888, "tiff"),
        "webp": qt_encode(rgb, fmt.Format_RGB888, "webp", quality=100),
    }


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """The (type, data) chunks of a PNG, or None when it is not one."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    chunks, pos = [], 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return chunks


def mutate_png(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Edit PNG chunks and recompute their CRCs, so the damage gets past libpng's checksums."""
    chunks = png_chunks(data)
    assert chunks is not None
    op = rng.choice(
        ["ihdr", "chunk-bytes", "drop", "duplicate", "reorder", "split-idat", "unknown", "length"]
    )
    i = rng.randrange(len(chunks))
    if op == "ihdr":
        header = bytearray(chunks[0][1])
        offset, width = rng.choice([(0, 4), (4, 4), (8, 1), (9, 1), (10, 1), (11, 1), (12, 1)])
        if width == 4:
            value = rng.choice([0, 1, 2**15, 2**16, 8000, 20000, 40000, 2**31 - 1, 2**31, 2**32 - 1])
        else:
            value = rng.choice([0, 1, 2, 3, 4, 6, 8, 16, 32, 255])
        header[offset : offset + width] = value.to_bytes(width, "big")
        chunks[0] = (b"IHDR", bytes(header))
    elif op == "chunk-bytes":
        chunks[i] = (chunks[i][0], mutate_bytes(rng, chunks[i][1])[0])
    elif op == "drop":
        del chunks[i]
    elif op == "duplicate":
        chunks.insert(rng.randrange(len(chunks) + 1), chunks[i])
    elif op == "reorder":
        rng.shuffle(chunks)
    elif op == "split-idat":
        k = next(n for n, chunk in enumerate(chunks) if chunk[0] == b"IDAT")
        body = chunks[k][1]
        cut = rng.randrange(len(body) + 1)
        chunks[k : k + 1] = [(b"IDAT", body[:cut]), (b"IDAT", body[cut:])]
    elif op == "unknown":
        chunks.insert(
            rng.randrange(1, len(chunks)),
            (
                rng.choice([b"tEXt", b"zTXt", b"iCCP", b"eXIf", b"sBIT", b"gAMA", b"abcd", b"PLTE", b"tRNS"]),
                rng.randbytes(rng.randint(0, 300)),
            ),
        )
    body = b"\x89PNG\r\n\x1a\n" + b"".join(png_chunk(kind, payload) for kind, payload in chunks)
    if op == "length":
        # A chunk that declares far more data than the file holds.
        body = body[:33] + struct.pack(">I", rng.choice([2**31 - 1, 2**31, 2**32 - 1, 10**6])) + body[37:]
    return body, f"png:{op}"


def mutate_header_field(rng: random.Random, data: bytes, kind: str) -> tuple[bytes, str]:
    """Set a size or layout field of a JPEG frame header, a BMP header or a GIF screen/image descriptor."""
    out = bytearray(data)
    if kind.startswith("jpeg"):
        frames = [k for k in range(len(out) - 1) if out[k] == 0xFF and out[k + 1] in (0xC0, 0xC1, 0xC2)]
        if not frames:
            return mutate_bytes(rng, data)
        start = rng.choice(frames)
        offset, width = rng.choice(
            [(4, 1), (5, 2), (7, 2), (9, 1), (11, 1), (12, 1)]
        )  # precision, H, W, Nf, ...
        endian = "big"
    elif kind == "bmp":
        start = 0
        offset, width = rng.choice(
            [(2, 4), (10, 4), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2), (30, 4), (34, 4), (46, 4)]
        )
        endian = "little"
    else:
        start = 0
        offset, width = rng.choice(
            [
                (6, 2),
                (8, 2),
                (10, 1),
                (11, 1),
                (0x30E, 2),
                (0x310, 2),
                (0x312, 2),
                (0x314, 2),
                (0x316, 1),
                (0x317, 1),
            ]
        )
        endian = "little"
    value = rng.choice(INTERESTING_32) & ((1 << (8 * width)) - 1)
    out[start + offset : start + offset + width] = value.to_bytes(width, endian)
    return bytes(out), f"{kind}:field@{offset}"


def image_case(rng: random.Random, seeds: dict[str, bytes]) -> tuple[bytes, str]:
    """One mutated image file."""
    kind = rng.choice(sorted(seeds))
    data = seeds[kind]
    if rng.random() < 0.5:
        mutated, how = mutate_bytes(rng, data)
    elif kind.startswith("png"):
        mutated, how = mutate_png(rng, data)
    elif kind.startswith(("jpeg", "bmp", "gif")):
        mutated, how = mutate_header_field(rng, data, kind)
    else:
        mutated, how = mutate_bytes(rng, data, rounds=1)
    return mutated, f"{kind}/{how}"


# ----------------------------------------------------------------------------------------------- idx


IDX_CODES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def idx_bytes(array: np.ndarray, code: int) -> bytes:
    """The IDX encoding of ``array`` with element type ``code``.

    Shape:
        array: any shape with at most 255 dimensions.
    """
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(IDX_CODES[code]).tobytes()


def idx_case(rng: random.Random) -> tuple[bytes, str]:
    """One mutated IDX file, raw or gzip-compressed."""
    code = rng.choice(sorted(IDX_CODES))
    shape = rng.choice([(20, 28, 28), (20,), (3, 4, 5, 6), (0, 28, 28)])
    values = np.random.default_rng(rng.randrange(2**32)).integers(0, 100, shape)
    data = idx_bytes(values, code)
    compress = rng.random() < 0.5
    roll = rng.random()
    if roll < 0.4:
        data, how = mutate_bytes(rng, data)
    elif roll < 0.75:
        out = bytearray(data)
        field = rng.choice(["code", "ndim", "dim", "magic"])
        if field == "code":
            out[2] = rng.choice([0, 0x07, 0x08, 0x0A, 0x0D, 0x0E, 0x0F, 0xFF])
        elif field == "ndim":
            out[3] = rng.choice([0, 1, 2, 4, 100, 255])
        elif field == "dim":
            k = rng.randrange(len(shape))
            out[4 + 4 * k : 8 + 4 * k] = struct.pack(">I", rng.choice([*INTERESTING_32, 19, 21, 27, 29]))
        else:
            out[:2] = rng.choice([b"\x00\x01", b"\xff\xff", b"\x1f\x8b", b"PK"])
        data, how = bytes(out), f"header:{field}"
    else:
        how = "plain"
    if not compress:
        return data, how
    gz = gzip_bytes(data)
    if rng.random() < 0.5:
        return gz, how + "+gzip"
    op = rng.choice(["bytes", "flags", "trailer", "concatenate", "trailing-junk", "bomb"])
    if op == "bytes":
        gz = mutate_bytes(rng, gz)[0]
    elif op == "flags":
        gz = gz[:3] + bytes([rng.choice([0x04, 0x08, 0x10, 0x02, 0xE0, 0xFF])]) + gz[4:]
    elif op == "trailer":
        gz = gz[:-8] + rng.randbytes(8)
    elif op == "concatenate":
        cut = rng.randrange(len(data) + 1)
        gz = gzip_bytes(data[:cut]) + gzip_bytes(data[cut:])
    elif op == "trailing-junk":
        gz += rng.choice([b"\x00" * rng.randint(1, 100), rng.randbytes(rng.randint(1, 100))])
    else:
        # A header that promises 2^k zero bytes, and (mostly) the zeros to match: compresses ~1000:1.
        count = rng.choice([2**20, 2**24, 2**26])
        gz = gzip_bytes(
            bytes([0, 0, 8, 1]) + struct.pack(">I", count) + bytes(count - rng.choice([0, 1, 4096]))
        )
    return gz, f"{how}+gzip-{op}"


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip (mtime 0)."""
    import gzip

    return gzip.compress(data, compresslevel=6, mtime=0)


# ----------------------------------------------------------------------------------------------- worker


def case_bytes(
    target: str, seed: int, index: int, workdir: Path, seeds: dict[str, bytes]
) -> tuple[bytes, str]:
    """Case ``index`` of ``target``: the mutated file's bytes and a description of the mutation."""
    rng = random.Random(f"{seed}/{target}/{index}")
    if target == "selftest":
        return bytes([index % len(SELFTEST)]), SELFTEST[index % len(SELFTEST)]
    if target == "model":
        return model_case(rng, workdir / "pickle-was-executed")
    if target == "onnx":
        return onnx_case(rng)
    if target == "image":
        return image_case(rng, seeds)
    return idx_case(rng)


def load(target: str, path: Path) -> None:
    """Run the reader under test (for images also ``to_mnist`` on the result, as the app does)."""
    if target in ("model", "onnx"):
        from explainer.modelio import load_model

        load_model(path)
    elif target == "image":
        from explainer.data.preprocess import to_mnist
        from explainer.imageio import load_image

        image = load_image(path)
        if image.ndim != 2 or image.dtype != np.float32 or not (0.0 <= image.min() <= image.max() <= 1.0):
            raise AssertionError(f"load_image returned {image.dtype} {image.shape} outside [0, 1]")
        to_mnist(image)
    elif target == "idx":
        from explainer.data import read_idx

        read_idx(path)
    else:
        _selftest(SELFTEST[path.read_bytes()[0]])


def _selftest(behaviour: str) -> None:
    """Behave as one of :data:`SELFTEST` says."""
    from explainer.errors import BadInputError

    if behaviour == "bad":
        raise BadInputError("self-test: a clear message")
    if behaviour == "other":
        raise KeyError("self-test: an exception a reader must not let escape")
    if behaviour == "hang":
        time.sleep(3600)
    if behaviour == "crash":
        os._exit(3)


def resident_mb() -> float:
    """Resident memory of this process in MB (Linux; 0 elsewhere)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def worker(target: str, seed: int, start: int, stop: int) -> None:
    """Run cases ``start..stop-1`` and print one JSON line per case to stdout."""
    from explainer.errors import BadInputError

    seeds = image_seeds() if target == "image" else {}
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as folder:
        workdir = Path(folder)
        marker = workdir / "pickle-was-executed"
        for index in range(start, stop):
            try:
                data, how = case_bytes(target, seed, index, workdir, seeds)
            except Exception as error:  # a bug in this fuzzer, reported like a failure rather than a crash
                record = {"i": index, "how": "?", "outcome": "FuzzerError", "message": repr(error), "s": 0.0}
                print(json.dumps(record), flush=True)
                continue
            gzipped = target == "idx" and data[:2] == GZIP_MAGIC
            path = workdir / f"case-{index}{'.gz' if gzipped else SUFFIX.get(target, '.img')}"
            path.write_bytes(data)
            before = resident_mb()
            began = time.perf_counter()
            outcome, message = "loaded", ""
            try:
                load(target, path)
            except BadInputError as error:
                outcome, message = "BadInputError", str(error)
            except Exception as error:  # anything else is exactly what the fuzzer looks for
                outcome, message = type(error).__name__, str(error)
            seconds = time.perf_counter() - began
            if marker.exists():
                outcome, message = "PickleExecuted", "unpickling ran code from the file"
                marker.unlink()
            path.unlink()
            record = {
                "i": index,
                "how": how,
                "outcome": outcome,
                "message": message[:300],
                "s": seconds,
                "rss_growth": resident_mb() - before,
            }
            print(json.dumps(record), flush=True)


# ----------------------------------------------------------------------------------------------- driver


@dataclass
class Report:
    """What happened to one target's cases."""

    target: str
    count: int
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)
    slowest: dict[str, Any] = field(default_factory=dict)
    largest_rss_growth: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, record: dict[str, Any]) -> None:
        """Count one finished case."""
        self.outcomes[record["outcome"]] += 1
        if record["outcome"] not in ("loaded", "BadInputError"):
            self.failures.append(record)
        if record.get("s", 0.0) > self.slowest.get("s", -1.0):
            self.slowest = record
        if record.get("rss_growth", 0.0) > self.largest_rss_growth.get("rss_growth", -1.0):
            self.largest_rss_growth = record

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"{self.target}: {self.count:,} cases in {self.seconds:.0f} s"]
        for outcome, n in self.outcomes.most_common():
            lines.append(f"  {outcome:<16} {n:>7,}")
        if self.slowest:
            lines.append(
                f"  slowest: {self.slowest['s']:.3f} s, case {self.slowest['i']} ({self.slowest['how']}, "
                f"{self.slowest['outcome']})"
            )
        if self.largest_rss_growth:
            lines.append(
                f"  largest RSS growth in one case: {self.largest_rss_growth['rss_growth']:.1f} MB, case "
                f"{self.largest_rss_growth['i']} ({self.largest_rss_growth['how']})"
            )
        for record in self.failures[:20]:
            lines.append(
                f"  FAIL case {record['i']} ({record['how']}): {record['outcome']}: {record['message']}"
            )
        if len(self.failures) > 20:
            lines.append(f"  ... and {len(self.failures) - 20} more failures")
        return "\n".join(lines)


def _lines(stream: Any, sink: queue.Queue[str | None]) -> None:
    """Forward a worker's stdout lines to ``sink``; None marks the end of the stream."""
    for line in stream:
        sink.put(line)
    sink.put(None)


def run_target(
    target: str,
    count: int,
    seed: int = 0,
    timeout: float = 10.0,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Run ``count`` cases of ``target`` in worker processes, restarting a worker after a hang or crash."""
    report = Report(target, count)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "QT_LOGGING_RULES": "qt.gui.imageio*=false",
    }
    began = time.perf_counter()
    index = 0
    while index < count:
        with tempfile.TemporaryFile("w+") as stderr:
            process = subprocess.Popen(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--worker",
                    target,
                    "--seed",
                    str(seed),
                    "--start",
                    str(index),
                    "--stop",
                    str(count),
                ],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env=env,
            )
            lines: queue.Queue[str | None] = queue.Queue()
            threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
            # The first case also pays for the worker's imports and seed files.
            wait, stalled = timeout + 60, False
            while True:
                try:
                    line = lines.get(timeout=wait)
                except queue.Empty:
                    stalled = True
                    break
                if line is None:
                    break
                record = json.loads(line)
                report.add(record)
                index, wait = record["i"] + 1, timeout
                if progress is not None:
                    progress(index)
            if stalled:
                process.kill()
                process.wait()
                outcome, message = "Hang", f"no result after {wait:.0f} s"
            else:
                if process.wait() == 0 and index >= count:
                    break
                stderr.seek(0)
                outcome = "Crash"
                message = f"worker exited with {process.returncode}: {stderr.read()[-300:]}"
            how = _describe_case(target, seed, index)
            report.add({"i": index, "how": how, "outcome": outcome, "message": message, "s": 0.0})
            index += 1
    report.seconds = time.perf_counter() - began
    return report


def _describe_case(target: str, seed: int, index: int) -> str:
    """The mutation description of a case (rebuilt here for hangs and crashes)."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = image_seeds() if target == "image" else {}
        try:
            return case_bytes(target, seed, index, Path(folder), seeds)[1]
        except Exception as error:
            return f"? (the case cannot be built: {error!r})"


def main() -> int:
    """Command line: run the fuzzer, a worker, or write one case to a file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="cases per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a case counts as a hang")
    parser.add_argument("--targets", nargs="+", choices=TARGETS, default=list(TARGETS))
    parser.add_argument("--worker", choices=[*TARGETS, "selftest"], help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--stop", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--write-case",
        nargs=3,
        metavar=("TARGET", "INDEX", "PATH"),
        help="write case INDEX of TARGET (with --seed) to PATH and print its mutation",
    )
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.seed, args.start, args.stop)
        return 0
    if args.write_case:
        target, index, path = args.write_case
        with tempfile.TemporaryDirectory() as folder:
            seeds = image_seeds() if target == "image" else {}
            data, how = case_bytes(target, args.seed, int(index), Path(folder), seeds)
        Path(path).write_bytes(data)
        print(f"{target} case {index} (seed {args.seed}): {how}, {len(data):,} bytes -> {path}")
        return 0
    failed = False
    for target in args.targets:

        def show(done: int, target: str = target) -> None:
            if done % 500 == 0:
                print(f"  {target}: {done:,}/{args.count:,}", file=sys.stderr, flush=True)

        report = run_target(target, args.count, args.seed, args.timeout, show)
        print(report.summary(), flush=True)
        failed |= bool(report.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
