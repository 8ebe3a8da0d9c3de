"""Fuzz the model loader: mutated model files must load or raise BadInputError, nothing else, and fast.

    .venv/bin/python benchmarks/bench_robust_fuzz_model.py [--n 10000] [--seed 0]

Each round damages a valid reference-net file one of four ways, chosen at random:
bytes (1-8 flips, cuts or insertions anywhere in the archive), truncation (cut at a random length),
config (a random JSON value replaces a top-level field, a layer entry, or a layer setting), or arrays
(a weight gets a random dtype, shape or NaN/inf, or an array is removed or added). Prints how many
files loaded, how many raised BadInputError, any other exception (the test fails if there is one), and
the slowest load. Exit status 1 when anything other than BadInputError escaped.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from explainer.core import reference_net
from explainer.errors import BadInputError
from explainer.modelio import load_model, save_model


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value: scalars of every type, and small lists and objects up to depth 3."""
    choice = rng.randrange(9 if depth < 3 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.random() < 0.5
    if choice == 2:
        return rng.choice([0, 1, -1, 2, 3, 16, 784, 10**9, -(10**12)])
    if choice == 3:
        return rng.choice([0.0, 0.5, -1.5, 1e300, 3.0])
    if choice == 4:
        return rng.choice(["", "conv2d", "same", "valid", "relu", "x" * 50, "mnist-cnn-explainer/1"])
    if choice == 5:
        return rng.choice([[1, 28, 28], [28, 28], [], ["0"] * 10])
    if choice in (6, 7):
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["kind", "config", "p", "size", "a"]): random_json(rng, depth + 1) for _ in range(3)}


def parts() -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Arrays and JSON document of a valid file."""
    model = reference_net()
    arrays = {f"layer{i}.{k}": v for i, layer in enumerate(model.layers) for k, v in layer.params.items()}
    document = {
        "format": "mnist-cnn-explainer/1",
        "layers": [{"kind": layer.kind, "config": layer.get_config()} for layer in model.layers],
        "input_shape": [1, 28, 28],
        "input_mean": 0.0,
        "input_std": 1.0,
        "class_names": [str(i) for i in range(10)],
        "metadata": {},
    }
    return arrays, document


def write(path: Path, arrays: dict[str, np.ndarray], document: Any) -> None:
    """An .npz of ``arrays`` plus ``document`` as the config entry."""
    config = np.frombuffer(json.dumps(document).encode("utf-8"), dtype=np.uint8)
    np.savez(path, **arrays, config=config)


def mutate_config(rng: random.Random, path: Path) -> None:
    """Replace one part of the JSON document with a random value."""
    arrays, document = parts()
    layer = rng.choice(document["layers"])
    where = rng.randrange(3)
    if where == 0:
        document[rng.choice([*document, "extra"])] = random_json(rng)
    elif where == 1:
        layer[rng.choice(["kind", "config"])] = random_json(rng)
    else:
        layer["config"][rng.choice([*layer["config"], "stride", "extra"])] = random_json(rng)
    write(path, arrays, document)


def mutate_arrays(rng: random.Random, path: Path) -> None:
    """Damage one weight array (dtype, shape, values) or the set of arrays."""
    arrays, document = parts()
    name = rng.choice(sorted(arrays))
    value = arrays[name]
    action = rng.randrange(5)
    if action == 0:
        arrays[name] = value.astype(
            rng.choice([np.int8, np.uint8, np.float16, np.float64, np.complex64, bool])
        )
    elif action == 1:
        arrays[name] = np.zeros(tuple(rng.randrange(1, 20) for _ in range(rng.randrange(0, 5))), np.float32)
    elif action == 2:
        arrays[name] = value.copy()
        arrays[name].flat[rng.randrange(value.size)] = rng.choice([np.nan, np.inf, -np.inf])
    elif action == 3:
        del arrays[name]
    else:
        arrays[f"layer{rng.randrange(20)}.{rng.choice('Wbx')}"] = np.zeros(3, np.float32)
    write(path, arrays, document)


def mutate_bytes(rng: random.Random, path: Path, good: bytes) -> None:
    """Flip, cut or insert bytes 1-8 times."""
    raw = bytearray(good)
    for _ in range(rng.randrange(1, 9)):
        if not raw:
            break
        position = rng.randrange(len(raw))
        action = rng.randrange(3)
        if action == 0:
            raw[position] ^= rng.randrange(1, 256)
        elif action == 1:
            del raw[position : position + rng.randrange(1, 65)]
        else:
            raw[position:position] = rng.randbytes(rng.randrange(1, 17))
    path.write_bytes(bytes(raw))


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print the outcome counts and the slowest load."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    escaped: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        good_path = Path(folder) / "good.npz"
        save_model(reference_net(), good_path)
        good = good_path.read_bytes()
        path = Path(folder) / "mutant.npz"
        for _ in range(args.n):
            kind = rng.choice(["bytes", "truncate", "config", "arrays"])
            kinds[kind] += 1
            if kind == "bytes":
                mutate_bytes(rng, path, good)
            elif kind == "truncate":
                path.write_bytes(good[: rng.randrange(len(good))])
            elif kind == "config":
                mutate_config(rng, path)
            else:
                mutate_arrays(rng, path)
            start = time.perf_counter()
            try:
                load_model(path)
                outcomes["loaded"] += 1
            except BadInputError:
                outcomes["BadInputError"] += 1
            except Exception as exc:  # the point of the fuzzer: anything else is a bug to report
                outcomes[f"OTHER {type(exc).__name__}"] += 1
                escaped.append(f"{kind}: {type(exc).__name__}: {exc}")
            slowest = max(slowest, time.perf_counter() - start)
    total = time.perf_counter() - started
    print(f"model-file fuzz: {args.n:,} mutated files ({dict(kinds)}), seed {args.seed}")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:16s} {count:6,}")
    print(f"  slowest load {slowest * 1e3:.1f} ms; whole run {total:.0f} s")
    for line in escaped[:10]:
        print(f"  escaped: {line}")
    return 1 if escaped else 0


if __name__ == "__main__":
    sys.exit(main())
