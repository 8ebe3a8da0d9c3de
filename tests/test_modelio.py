"""Model files: save/load round trips, atomic saves, and a clear BadInputError for every kind of bad file."""

from __future__ import annotations

import io
import json
import os
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer import core
from explainer.errors import BadInputError
from explainer.modelio import FORMAT, load_model, save_model


def trained_looking(model: core.Sequential, seed: int = 1) -> core.Sequential:
    """Give every weight, bias and running statistic a random non-zero value so round trips compare real
    numbers."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        for value in (*layer.params.values(), *layer.buffers.values()):
            value += rng.uniform(0.01, 0.05, value.shape).astype(value.dtype)
    return model


def all_kinds_net() -> core.Sequential:
    """A net that uses every layer kind and non-default settings.

    Shape:
        input ``(N, 3, 12, 10)``; logits ``(N, 4)``.
    """
    rng = np.random.default_rng(3)
    return core.Sequential(
        [
            core.Conv2D(3, 4, 3, stride=2, padding="same", rng=rng, init="glorot"),
            core.BatchNorm2D(4, eps=1e-3, momentum=0.2),
            core.LeakyReLU(0.2),
            core.Conv2D(4, 5, 2, padding="valid", rng=rng),
            core.Tanh(),
            core.AvgPool2D(2, stride=1),
            core.MaxPool2D(2),
            core.Sigmoid(),
            core.Flatten(),
            core.Dropout(0.3, rng=rng),
            core.Dense(10, 6, rng=rng),
            core.ReLU(),
            core.Dense(6, 4, rng=rng, init="glorot"),
        ],
        input_shape=(3, 12, 10),
        input_mean=0.25,
        input_std=0.5,
        class_names=["cat", "dog", "emu", "gnu"],
    )


@pytest.fixture
def images() -> np.ndarray:
    """Random MNIST-shaped inputs, ``(8, 1, 28, 28)`` float32 in [0, 1]."""
    return np.random.default_rng(0).random((8, 1, 28, 28), dtype=np.float32)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A valid model file of the reference net with random weights."""
    path = tmp_path / "good.npz"
    save_model(trained_looking(core.reference_net()), path)
    return path


# -- round trips ---------------------------------------------------------------------------------------


def test_round_trip_gives_identical_predictions_and_settings(tmp_path: Path, images: np.ndarray) -> None:
    model = trained_looking(core.reference_net())
    model.metadata = {"note": "from the model"}
    path = tmp_path / "model.npz"
    save_model(model, path, metadata={"test_accuracy": 0.9931, "command": "python -m explainer.train"})

    loaded = load_model(path)

    np.testing.assert_array_equal(loaded.predict_proba(images), model.predict_proba(images))
    assert [(layer.kind, layer.name, layer.get_config()) for layer in loaded.layers] == [
        (layer.kind, layer.name, layer.get_config()) for layer in model.layers
    ]
    assert loaded.metadata == {
        "note": "from the model",
        "test_accuracy": 0.9931,
        "command": "python -m explainer.train",
    }
    assert model.metadata == {"note": "from the model"}, "save_model must not change the model"
    assert loaded.training is False
    assert all(value.dtype == np.float32 for layer in loaded.layers for value in layer.params.values())


def test_round_trip_of_every_layer_kind_in_float64(tmp_path: Path) -> None:
    model = trained_looking(all_kinds_net()).astype(np.float64)
    x = np.random.default_rng(1).random((5, 3, 12, 10))
    path = tmp_path / "all.npz"
    save_model(model, path)

    loaded = load_model(path)

    assert loaded.input_shape == (3, 12, 10)
    assert (loaded.input_mean, loaded.input_std) == (0.25, 0.5)
    assert loaded.class_names == ["cat", "dog", "emu", "gnu"]
    assert loaded.layers[0].params["W"].dtype == np.float64
    for mine, theirs in zip(loaded.layers[1].buffers.values(), model.layers[1].buffers.values(), strict=True):
        assert mine.dtype == np.float64
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_array_equal(loaded.forward(x), model.eval().forward(x))


def test_a_negative_running_variance_is_refused_by_name(tmp_path: Path) -> None:
    model = all_kinds_net()
    model.layers[1].buffers["running_var"][2] = -0.5
    path = tmp_path / "negative.npz"
    save_model(model, path)
    with pytest.raises(
        BadInputError, match=r"layer 1 \(batchnorm2d\): running_var is negative for channels \[2\]"
    ):
        load_model(path)


def test_saved_file_is_plain_npz_without_pickles(saved: Path) -> None:
    with np.load(saved, allow_pickle=False) as npz:
        names = set(npz.files)
        document = json.loads(npz["config"].tobytes().decode("utf-8"))
    assert names == {"config"} | {f"layer{i}.{k}" for i in (0, 2, 5, 7, 11) for k in ("W", "b")}
    assert document["format"] == FORMAT
    assert [layer["kind"] for layer in document["layers"]][:3] == ["conv2d", "relu", "conv2d"]


def test_default_path_is_the_bundled_model() -> None:
    model = load_model()
    assert model.input_shape == (1, 28, 28)
    assert model.class_names == [str(i) for i in range(10)]


# -- bad files -----------------------------------------------------------------------------------------


def valid_parts() -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The arrays and JSON document of a valid reference-net file, ready to be damaged."""
    model = core.reference_net()
    arrays = {f"layer{i}.{k}": v for i, layer in enumerate(model.layers) for k, v in layer.params.items()}
    document = {
        "format": FORMAT,
        "layers": [{"kind": layer.kind, "config": layer.get_config()} for layer in model.layers],
        "input_shape": [1, 28, 28],
        "input_mean": 0.0,
        "input_std": 1.0,
        "class_names": [str(i) for i in range(10)],
        "metadata": {},
    }
    return arrays, document


def write_npz(
    path: Path, arrays: dict[str, np.ndarray], document: Any = None, raw_config: bytes | None = None
) -> Path:
    """Write an .npz of ``arrays`` plus a config entry from ``document`` (JSON) or ``raw_config`` bytes."""
    entries = dict(arrays)
    if document is not None or raw_config is not None:
        text = raw_config if raw_config is not None else json.dumps(document).encode("utf-8")
        entries["config"] = np.frombuffer(text, dtype=np.uint8)
    np.savez(path, **entries)
    return path


def damaged(change: Callable[[dict[str, np.ndarray], dict[str, Any]], None]) -> Callable[[Path], Path]:
    """A bad-file maker: a valid file's arrays and document, altered in place by ``change``."""

    def make(path: Path) -> Path:
        arrays, document = valid_parts()
        change(arrays, document)
        return write_npz(path, arrays, document)

    return make


def layer_setting(index: int, key: str, value: Any) -> Callable[[Path], Path]:
    """A file whose layer ``index`` has ``config[key] = value``."""
    return damaged(lambda arrays, doc: doc["layers"][index]["config"].__setitem__(key, value))


def field(key: str, value: Any) -> Callable[[Path], Path]:
    """A file whose top-level JSON field ``key`` is ``value``."""
    return damaged(lambda arrays, doc: doc.__setitem__(key, value))


def array(name: str, value: np.ndarray) -> Callable[[Path], Path]:
    """A file whose array ``name`` is replaced by ``value``."""
    return damaged(lambda arrays, doc: arrays.__setitem__(name, value))


def drop_layer_weights_and_resize(arrays: dict[str, np.ndarray], doc: dict[str, Any]) -> None:
    """Dense 784->10 claimed as 100->10, with matching weights, so only the chain check can catch it."""
    doc["layers"][11]["config"]["in_features"] = 100
    arrays["layer11.W"] = np.zeros((100, 10), np.float32)


def write_bytes(data: bytes) -> Callable[[Path], Path]:
    """A file holding exactly ``data``."""

    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


def truncated(fraction: float) -> Callable[[Path], Path]:
    """A valid model file cut to ``fraction`` of its length."""

    def make(path: Path) -> Path:
        good = path.with_name("whole.npz")
        save_model(core.reference_net(), good)
        data = good.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])
        return path

    return make


def zip_with(name: str, data: bytes) -> Callable[[Path], Path]:
    """A zip archive holding one member ``name``."""

    def make(path: Path) -> Path:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(name, data)
        return path

    return make


def huge_header(path: Path) -> Path:
    """A file whose weight header promises a 10^12-element array backed by a few bytes."""
    arrays, document = valid_parts()
    write_npz(path, {}, document)
    header = {"descr": "<f4", "fortran_order": False, "shape": (10**6, 10**6)}
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    with zipfile.ZipFile(path, "a") as archive:
        for name, value in arrays.items():
            data = buffer.getvalue() + b"\0" * 16 if name == "layer0.W" else _npy_bytes(value)
            archive.writestr(f"{name}.npy", data)
    return path


def _npy_bytes(value: np.ndarray) -> bytes:
    """The .npy encoding of ``value``."""
    buffer = io.BytesIO()
    np.save(buffer, value, allow_pickle=False)
    return buffer.getvalue()


def custom_net(
    input_shape: list[int], convs: list[tuple[int, int, int, int]], features: int
) -> Callable[[Path], Path]:
    """A file of convolutions ``(out, in, kernel, padding)``, a 32x32 max pool, Flatten and Dense to 10."""

    def make(path: Path) -> Path:
        layers: list[dict[str, Any]] = []
        arrays: dict[str, np.ndarray] = {}
        for i, (out, inp, k, pad) in enumerate(convs):
            layers.append(
                {
                    "kind": "conv2d",
                    "config": {"in_channels": inp, "out_channels": out, "kernel_size": k, "padding": pad},
                }
            )
            arrays[f"layer{i}.W"] = np.zeros((out, inp, k, k), np.float32)
            arrays[f"layer{i}.b"] = np.zeros(out, np.float32)
        layers += [
            {"kind": "maxpool2d", "config": {"size": 32}},
            {"kind": "flatten", "config": {}},
            {"kind": "dense", "config": {"in_features": features, "out_features": 10}},
        ]
        arrays[f"layer{len(layers) - 1}.W"] = np.zeros((features, 10), np.float32)
        arrays[f"layer{len(layers) - 1}.b"] = np.zeros(10, np.float32)
        document = {**valid_parts()[1], "layers": layers, "input_shape": input_shape}
        return write_npz(path, arrays, document)

    return make


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _missing(path: Path) -> Path:
    return path


def _directory(path: Path) -> Path:
    path.mkdir()
    return path


def _npy_not_npz(path: Path) -> Path:
    np.save(path.with_suffix(".npy"), np.zeros(3))
    path.with_suffix(".npy").rename(path)
    return path


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (_missing, "does not exist"),
    "directory": (_directory, "is a directory"),
    **({"named pipe": (_fifo, "not a regular file")} if hasattr(os, "mkfifo") else {}),
    "empty": (write_bytes(b""), "is empty"),
    "random bytes": (write_bytes(np.random.default_rng(0).bytes(5000)), "neither an .npz"),
    "random bytes after zip magic": (
        write_bytes(b"PK\x03\x04" + np.random.default_rng(1).bytes(5000)),
        "npz",
    ),
    "plain .npy": (_npy_not_npz, "neither an .npz"),
    "truncated to 5%": (truncated(0.05), "npz|damaged|truncated"),
    "truncated to 50%": (truncated(0.5), "npz|damaged|truncated"),
    "truncated to 99%": (truncated(0.99), "npz|damaged|truncated"),
    "zip of a text file": (zip_with("readme.txt", b"hello"), "not a .npy array"),
    "npz without config": (lambda p: write_npz(p, valid_parts()[0]), "no 'config'"),
    "config not JSON": (lambda p: write_npz(p, {}, raw_config=b"{not json"), "not valid UTF-8 JSON"),
    "config not UTF-8": (lambda p: write_npz(p, {}, raw_config=b"\xff\xfe{}"), "not valid UTF-8 JSON"),
    "config NaN constant": (lambda p: write_npz(p, {}, raw_config=b'{"input_mean": NaN}'), "NaN"),
    "config is a list": (lambda p: write_npz(p, {}, document=[1, 2]), "JSON list, not an object"),
    "config float array": (lambda p: write_npz(p, {"config": np.zeros(4)}), "1-D uint8"),
    "unknown format version": (field("format", "mnist-cnn-explainer/2"), "format"),
    "no format": (damaged(lambda a, d: d.pop("format")), "no .format. field"),
    "unknown top-level field": (field("code", "import os"), "unknown fields"),
    "unknown layer kind": (
        damaged(lambda a, d: d["layers"][1].__setitem__("kind", "lambda")),
        "unknown kind",
    ),
    "layer entry not a dict": (damaged(lambda a, d: d["layers"].__setitem__(1, "relu")), "layer 1"),
    "layer config not a dict": (damaged(lambda a, d: d["layers"][1].__setitem__("config", [])), "object"),
    "layers empty": (field("layers", []), "layers must be"),
    "kernel_size a string": (layer_setting(0, "kernel_size", "3"), "kernel_size.*integer"),
    "kernel_size a float": (layer_setting(0, "kernel_size", 3.5), "kernel_size.*integer"),
    "kernel_size a bool": (layer_setting(0, "kernel_size", True), "kernel_size.*integer"),
    "kernel_size zero": (layer_setting(0, "kernel_size", 0), "kernel_size.*between"),
    "negative channels": (layer_setting(0, "out_channels", -8), "out_channels.*between"),
    "absurd channels": (layer_setting(0, "out_channels", 10**9), "out_channels.*between"),
    "stride zero": (layer_setting(4, "stride", 0), "stride.*between"),
    "padding unknown word": (layer_setting(0, "padding", "full"), "padding"),
    "even kernel with same padding": (
        damaged(
            lambda a, d: (
                d["layers"][0]["config"].update(kernel_size=4, padding="same"),
                a.__setitem__("layer0.W", np.zeros((8, 1, 4, 4), np.float32)),
            )
        ),
        "odd kernel_size",
    ),
    "unknown setting": (layer_setting(0, "activation", "relu"), "unknown settings"),
    "missing setting": (damaged(lambda a, d: d["layers"][0]["config"].pop("in_channels")), "in_channels"),
    "unknown initialiser": (layer_setting(0, "init", "os.system"), "init"),
    "dropout p out of range": (
        damaged(lambda a, d: d["layers"].insert(11, {"kind": "dropout", "config": {"p": 1.5}})),
        "p=1.5",
    ),
    "missing weight": (damaged(lambda a, d: a.pop("layer2.b")), "missing weight arrays.*layer2.b"),
    "extra weight": (array("layer1.W", np.zeros(3, np.float32)), "unexpected arrays.*layer1.W"),
    "transposed weight": (array("layer11.W", np.zeros((10, 784), np.float32)), "shape \\(10, 784\\)"),
    "int weights": (array("layer0.W", np.zeros((8, 1, 3, 3), np.int32)), "dtype int32"),
    "float16 weights": (array("layer0.W", np.zeros((8, 1, 3, 3), np.float16)), "dtype float16"),
    "complex weights": (array("layer0.W", np.zeros((8, 1, 3, 3), np.complex64)), "dtype complex64"),
    "NaN weight": (array("layer0.b", np.array([0, 0, np.nan, 0, 0, 0, 0, 0], np.float32)), "NaN"),
    "infinite weight": (array("layer11.b", np.full(10, np.inf, np.float32)), "infinite"),
    "huge array header": (huge_header, "truncated"),
    "dense does not fit the flattened maps": (
        damaged(drop_layer_weights_and_resize),
        "does not fit together",
    ),
    "conv channels do not chain": (
        damaged(
            lambda a, d: (
                d["layers"][2]["config"].__setitem__("in_channels", 4),
                a.__setitem__("layer2.W", np.zeros((8, 4, 3, 3), np.float32)),
            )
        ),
        "does not fit together",
    ),
    "outputs do not match class names": (field("class_names", list("abcdefghi")), "does not fit together"),
    "class names not strings": (field("class_names", list(range(10))), "class_names"),
    "duplicate class names": (field("class_names", ["a"] * 10), "duplicates"),
    "input_shape too short": (field("input_shape", [28, 28]), "input_shape"),
    "input_shape zero": (field("input_shape", [1, 0, 28]), "input_shape"),
    "input_shape strings": (field("input_shape", ["1", "28", "28"]), "input_shape"),
    "input_std zero": (field("input_std", 0), "input_std must be between"),
    "input_std tiny": (field("input_std", 1e-300), "input_std must be between"),
    "input_mean huge": (field("input_mean", 1e30), "input_mean must be within"),
    "weights overflow float32 together": (
        array("layer11.W", np.full((784, 10), 3e38, np.float32)),
        "NaN or inf",
    ),
    "too many multiply-adds": (
        custom_net([1, 64, 64], [(256, 1, 3, 1), (256, 256, 3, 1)], 1024),
        "multiply-adds",
    ),
    "huge convolution unfold": (custom_net([4, 256, 256], [(1, 4, 32, 16)], 64), "unfolds into"),
    "input_mean a string": (field("input_mean", "0"), "input_mean must be a finite number"),
    "metadata a list": (field("metadata", [1]), "metadata must be"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_every_bad_file_raises_bad_input_error_naming_file_and_problem(tmp_path: Path, case: str) -> None:
    make, problem = BAD_FILES[case]
    path = make(tmp_path / "bad.npz")

    with pytest.raises(BadInputError, match=problem) as raised:
        load_model(path)

    assert str(path) in str(raised.value)


def test_pickled_object_array_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Payload:
        """Unpickling this creates ``marker``."""

        def __reduce__(self) -> tuple[Any, tuple[str, str]]:
            return (open, (str(marker), "w"))

    for entry in ("layer0.W", "config"):
        arrays, document = valid_parts()
        arrays["config"] = _config_array(document)
        arrays[entry] = np.array([Payload()], dtype=object)
        path = tmp_path / f"pickle-{entry}.npz"
        np.savez(path, **arrays)

        with pytest.raises(BadInputError, match="pickled Python objects"):
            load_model(path)
        assert not marker.exists()

    # The payload is real: loading with pickles allowed does run it.
    with np.load(path, allow_pickle=True) as npz:
        npz["config"]
    assert marker.exists()


def _config_array(document: dict[str, Any]) -> np.ndarray:
    return np.frombuffer(json.dumps(document).encode("utf-8"), dtype=np.uint8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_raise_only_bad_input_error(tmp_path: Path, saved: Path, data: st.DataObject) -> None:
    raw = bytearray(saved.read_bytes())
    for _ in range(data.draw(st.integers(1, 8), label="mutations")):
        position = data.draw(st.integers(0, len(raw) - 1), label="position")
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]), label="action")
        if action == "flip":
            raw[position] ^= data.draw(st.integers(1, 255), label="xor")
        elif action == "cut":
            del raw[position : position + data.draw(st.integers(1, 64), label="length")]
        else:
            raw[position:position] = data.draw(st.binary(min_size=1, max_size=16), label="bytes")
        if not raw:
            break
    path = tmp_path / "mutant.npz"
    path.write_bytes(bytes(raw))
    try:
        load_model(path)
    except BadInputError as error:
        assert str(path) in str(error)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_configs_raise_only_bad_input_error(tmp_path: Path, data: st.DataObject) -> None:
    arrays, document = valid_parts()
    index = data.draw(st.integers(0, len(document["layers"]) - 1), label="layer")
    target = data.draw(st.sampled_from(["top", "layer", "setting"]), label="where")
    value = data.draw(JSON, label="value")
    if target == "top":
        document[data.draw(st.sampled_from([*document, "extra"]), label="field")] = value
    elif target == "layer":
        document["layers"][index][data.draw(st.sampled_from(["kind", "config"]), label="key")] = value
    else:
        config = document["layers"][index]["config"]
        config[data.draw(st.sampled_from([*config, "extra"]), label="key")] = value
    path = write_npz(tmp_path / "mutant.npz", arrays, document)
    try:
        load_model(path)
    except BadInputError as error:
        assert str(path) in str(error)


# -- saving --------------------------------------------------------------------------------------------


def test_failed_save_leaves_old_file_intact(
    tmp_path: Path, saved: Path, images: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = load_model(saved).predict_proba(images)
    real_savez = np.savez

    def savez_then_fail(file: Any, **arrays: np.ndarray) -> None:
        real_savez(file, **arrays)
        file.truncate(file.tell() // 2)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", savez_then_fail)
    with pytest.raises(OSError, match="No space left"):
        save_model(trained_looking(core.reference_net(), seed=7), saved)
    monkeypatch.undo()

    np.testing.assert_array_equal(load_model(saved).predict_proba(images), before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.npz"], "the temp file must be removed"


def test_interrupted_save_leaves_old_file_intact(
    tmp_path: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = saved.read_bytes()

    def interrupted(file: Any, **arrays: np.ndarray) -> None:
        file.write(b"PK\x03\x04 partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_model(core.reference_net(), saved)

    assert saved.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.npz"]


def test_process_killed_mid_save_leaves_old_file_intact(
    tmp_path: Path, saved: Path, images: np.ndarray, kill_at_marker: Callable[[str, str], None]
) -> None:
    before = load_model(saved).predict_proba(images)
    script = textwrap.dedent(
        f"""
        import sys, time
        import numpy as np
        from explainer.core import reference_net
        from explainer.modelio import save_model

        real_savez = np.savez

        def slow_savez(file, **arrays):
            real_savez(file, **arrays)
            file.truncate(file.tell() // 2)
            file.flush()
            print("writing", flush=True)
            time.sleep(60)

        np.savez = slow_savez
        save_model(reference_net(np.random.default_rng(5)), {str(saved)!r})
        """
    )
    kill_at_marker(script, "writing")

    np.testing.assert_array_equal(load_model(saved).predict_proba(images), before)
    leftovers = [p for p in tmp_path.iterdir() if p != saved]
    assert all(p.name.startswith(".good.npz.") and p.name.endswith(".tmp") for p in leftovers), leftovers


def test_save_refuses_nan_weights_and_non_json_metadata(tmp_path: Path) -> None:
    model = core.reference_net()
    path = tmp_path / "m.npz"
    with pytest.raises(BadInputError, match="not plain JSON"):
        save_model(model, path, metadata={"when": object()})
    model.layers[0].params["W"][0, 0, 0, 0] = np.nan
    with pytest.raises(BadInputError, match=r"layer 0 .*NaN"):
        save_model(model, path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    save_model(core.reference_net(), path)
    path.chmod(0o640)

    save_model(core.reference_net(), path)

    assert path.stat().st_mode & 0o777 == 0o640
