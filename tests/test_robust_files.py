"""Odd things handed to the three file readers: pipes, devices, pickles, absurd sizes, models that give NaN.

Complements tests/test_modelio.py, tests/test_imageio_load.py and tests/test_data_idx.py,
which cover empty, truncated, random, damaged and mis-described files; the cases here are the ones they
do not.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from explainer.core import reference_net
from explainer.data import read_idx
from explainer.errors import BadInputError
from explainer.imageio import load_image
from explainer.modelio import MAX_ACTIVATIONS, load_model, save_model

REPO = Path(__file__).resolve().parent.parent
LOADERS: dict[str, Callable[[Path], Any]] = {"model": load_model, "image": load_image, "idx": read_idx}


class Payload:
    """Unpickling this creates ``marker``: proof that the loader ran code from the file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def returns_without_a_writer(load: Callable[[Path], Any], fifo: Path) -> bool:
    """Call ``load(fifo)``; True when it returned on its own, False when it blocked on the pipe.

    A loader that blocks is released after a second by a thread that opens the pipe's other end and
    writes a few junk bytes, so the test ends either way.
    """
    done = threading.Event()
    rescued = threading.Event()

    def rescue() -> None:
        if done.wait(1.0):
            return
        rescued.set()
        while not done.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader has the pipe open yet
                done.wait(0.01)
                continue
            os.write(fd, b"junk, not a file")
            os.close(fd)
            return

    helper = threading.Thread(target=rescue, daemon=True)
    helper.start()
    try:
        load(fifo)
    except BadInputError:
        pass
    finally:
        done.set()
        helper.join()
    return not rescued.is_set()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
@pytest.mark.parametrize(
    "kind",
    ["model", "image", "idx"],
)
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / "digit.fifo"
    os.mkfifo(fifo)
    assert returns_without_a_writer(LOADERS[kind], fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(
    "kind",
    ["model", "image", "idx"],
)
def test_an_endless_device_is_refused_without_reading_it_all(kind: str) -> None:
    """In a child process capped at 1 GB of address space, so a reader that slurps cannot hurt the machine."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))\n"
        "from explainer.errors import BadInputError\n"
        f"from {LOADERS[kind].__module__} import {LOADERS[kind].__name__} as load\n"
        "try:\n"
        "    load('/dev/zero')\n"
        "except BadInputError as error:\n"
        "    print('BadInputError', error)\n"
        "except BaseException as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.stdout.startswith("BadInputError /dev/zero") or "'/dev/zero'" in result.stdout, (
        result.stdout + result.stderr[-500:]
    )


@pytest.mark.parametrize("container", ["pickle file", "npy of objects"])
def test_a_pickle_given_as_model_is_refused_and_never_run(tmp_path: Path, container: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "model.npz"
    if container == "pickle file":
        path.write_bytes(pickle.dumps(Payload(marker)))
    else:
        with path.open("wb") as file:
            np.save(file, np.array([Payload(marker)], dtype=object), allow_pickle=True)
    with pytest.raises(BadInputError, match=r"model\.npz"):
        load_model(path)
    assert not marker.exists()
    # The payload is real: unpickling it does create the marker.
    pickle.loads(pickle.dumps(Payload(marker)))
    assert marker.exists()


def test_feature_maps_too_large_for_memory_are_refused(tmp_path: Path) -> None:
    """Every setting is within its own limit, but one trace would hold 16.9 million numbers per sample."""
    layers = [
        {"kind": "conv2d", "config": {"in_channels": 1, "out_channels": 256, "kernel_size": 3, "padding": 1}},
        {"kind": "maxpool2d", "config": {"size": 32}},
        {"kind": "flatten", "config": {}},
        {"kind": "dense", "config": {"in_features": 256 * 8 * 8, "out_features": 10}},
    ]
    document = {
        "format": "mnist-cnn-explainer/1",
        "layers": layers,
        "input_shape": [1, 256, 256],
        "input_mean": 0.0,
        "input_std": 1.0,
        "class_names": [str(k) for k in range(10)],
        "metadata": {},
    }
    path = tmp_path / "wide.npz"
    np.savez(
        path,
        **{
            "layer0.W": np.zeros((256, 1, 3, 3), np.float32),
            "layer0.b": np.zeros(256, np.float32),
            "layer3.W": np.zeros((256 * 8 * 8, 10), np.float32),
            "layer3.b": np.zeros(10, np.float32),
            "config": np.frombuffer(json.dumps(document).encode(), np.uint8),
        },
    )
    assert MAX_ACTIVATIONS < 256 * 256 * 256 + 256 * 256
    with pytest.raises(BadInputError, match=r"wide\.npz.*feature maps of 16,\d{3},\d{3} numbers"):
        load_model(path)
    # The same network on 28x28 inputs is fine: only the size was wrong.
    document["input_shape"] = [1, 32, 32]
    layers[3]["config"]["in_features"] = 256
    np.savez(
        path,
        **{
            "layer0.W": np.zeros((256, 1, 3, 3), np.float32),
            "layer0.b": np.zeros(256, np.float32),
            "layer3.W": np.zeros((256, 10), np.float32),
            "layer3.b": np.zeros(10, np.float32),
            "config": np.frombuffer(json.dumps(document).encode(), np.uint8),
        },
    )
    assert load_model(path).output_shapes()[-1] == (10,)


@pytest.mark.parametrize("damage", ["input_std 1e-300", "weights 3e38"])
def test_a_model_whose_outputs_are_not_finite_is_refused(tmp_path: Path, damage: str) -> None:
    model = reference_net(np.random.default_rng(0))
    if damage == "input_std 1e-300":
        model.input_std = 1e-300
    else:
        model.layers[-1].params["W"][:] = 3e38
    path = tmp_path / "overflow.npz"
    save_model(model, path)
    with pytest.raises(BadInputError, match=r"overflow\.npz"):
        load_model(path)
