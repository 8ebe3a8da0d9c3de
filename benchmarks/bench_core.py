"""Speed of the NumPy engine against PyTorch CPU on the reference net, measured side by side in one run.

    .venv/bin/python benchmarks/bench_core.py [--rounds 5] [--layers]

(a) one training step (forward + loss + backward + SGD) on a batch of 64 28x28 float32 images;
(b) one single-image ``trace`` with every gradient, against torch forward + backward with ``retain_grad`` on
    every layer output and the input.
Both sides use 2 threads: torch.set_num_threads(2); the engine splits large convolutions, ReLUs and
poolings between 2 threads of its own (``explainer.core.ops.WORKERS``), with NumPy's OpenBLAS kept to one
thread per call (OPENBLAS_NUM_THREADS=1 unless set; OpenBLAS threads that busy-wait are what makes a shared
2-core machine crawl). Rounds alternate ours/torch so background load hits both; the table shows the median
over all timed calls, the ratio ours / torch, and the per-round ratios. ``--layers`` adds our per-layer
forward/backward medians for the training batch.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from explainer.core import SGD, Sequential, ops, reference_net, softmax_cross_entropy

if TYPE_CHECKING:
    import torch


def timed(fn: Callable[[], object], calls: int) -> list[float]:
    """Wall times in ms of ``calls`` calls of ``fn``."""
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def torch_twin(model: Sequential) -> torch.nn.Sequential:
    """A torch.nn.Sequential with the same layers and weights as the reference net."""
    import torch

    modules = []
    for layer in model.layers:
        if layer.kind == "conv2d":
            conv = torch.nn.Conv2d(
                layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, layer.pad
            )
            conv.weight.data = torch.from_numpy(layer.params["W"].copy())
            conv.bias.data = torch.from_numpy(layer.params["b"].copy())
            modules.append(conv)
        elif layer.kind == "relu":
            modules.append(torch.nn.ReLU())
        elif layer.kind == "maxpool2d":
            modules.append(torch.nn.MaxPool2d(layer.size, layer.stride))
        elif layer.kind == "flatten":
            modules.append(torch.nn.Flatten())
        elif layer.kind == "dense":
            dense = torch.nn.Linear(layer.in_features, layer.out_features)
            dense.weight.data = torch.from_numpy(layer.params["W"].T.copy())
            dense.bias.data = torch.from_numpy(layer.params["b"].copy())
            modules.append(dense)
        else:
            raise ValueError(f"no torch twin for {layer.kind}")
    return torch.nn.Sequential(*modules)


def layer_table(model: Sequential, x: np.ndarray, labels: np.ndarray, calls: int) -> None:
    """Print our per-layer forward and backward medians for one batch."""
    forward: dict[str, list[float]] = {layer.name or "": [] for layer in model.layers}
    backward: dict[str, list[float]] = {layer.name or "": [] for layer in model.layers}
    for _ in range(calls):
        h = model.normalise(x)
        for layer in model.layers:
            start = time.perf_counter()
            h = layer.forward(h)
            forward[layer.name or ""].append((time.perf_counter() - start) * 1e3)
        _, d = softmax_cross_entropy(h, labels)
        for layer in reversed(model.layers[1:]):
            start = time.perf_counter()
            d = layer.backward(d)
            backward[layer.name or ""].append((time.perf_counter() - start) * 1e3)
        start = time.perf_counter()
        model.layers[0].param_backward(d)  # as in the training step: no dL/dx for the first layer
        backward[model.layers[0].name or ""].append((time.perf_counter() - start) * 1e3)
    print(f"\nours per layer, batch {x.shape[0]}, as in the training step (median ms)")
    print(f"{'layer':10s} {'forward':>8s} {'backward':>9s}")
    for name in forward:
        print(f"{name:10s} {np.median(forward[name]):8.3f} {np.median(backward[name]):9.3f}")
    total_f = sum(np.median(v) for v in forward.values())
    total_b = sum(np.median(v) for v in backward.values())
    print(f"{'total':10s} {total_f:8.3f} {total_b:9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per benchmark")
    parser.add_argument("--train-calls", type=int, default=20, help="training steps per round and side")
    parser.add_argument("--trace-calls", type=int, default=200, help="traces per round and side")
    parser.add_argument("--layers", action="store_true", help="also print our per-layer timings")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(2)
    rng = np.random.default_rng(0)
    ours = reference_net(rng).train()
    theirs = torch_twin(ours)
    x = rng.random((64, 1, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, 64)
    xt, yt = torch.from_numpy(x), torch.from_numpy(labels)
    optimizer = SGD(ours, lr=1e-3)
    torch_optimizer = torch.optim.SGD(theirs.parameters(), lr=1e-3)

    def our_step() -> None:
        _, dlogits = softmax_cross_entropy(ours.forward(x), labels)
        ours.backward(dlogits, input_grad=False)
        optimizer.step()

    def torch_step() -> None:
        torch_optimizer.zero_grad()
        torch.nn.functional.cross_entropy(theirs(xt), yt).backward()
        torch_optimizer.step()

    one = x[:1]
    one_t = torch.from_numpy(one.copy())
    target = [int(labels[0])]
    target_t = yt[:1]

    def our_trace() -> None:
        ours.trace(one, target)

    def torch_trace() -> None:
        h = one_t.clone().requires_grad_(True)
        outputs = [h]
        for module in theirs:
            h = module(h)
            h.retain_grad()
            outputs.append(h)
        theirs.zero_grad()
        torch.nn.functional.cross_entropy(h, target_t).backward()

    results = {}
    for name, mine, ref, calls in (
        ("training step, batch 64", our_step, torch_step, args.train_calls),
        ("single-image trace + all grads", our_trace, torch_trace, args.trace_calls),
    ):
        timed(mine, max(3, calls // 4))
        timed(ref, max(3, calls // 4))
        mine_times: list[float] = []
        ref_times: list[float] = []
        round_ratios = []
        for _ in range(args.rounds):
            m, r = timed(mine, calls), timed(ref, calls)
            mine_times += m
            ref_times += r
            round_ratios.append(np.median(m) / np.median(r))
        results[name] = (np.median(mine_times), np.median(ref_times), round_ratios)

    print(
        f"numpy {np.__version__}, torch {torch.__version__}, torch threads {torch.get_num_threads()}, "
        f"engine workers {ops.WORKERS}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'benchmark':34s} {'ours ms':>8s} {'torch ms':>9s} {'ratio':>6s}  per-round ratios")
    for name, (mine_ms, ref_ms, ratios) in results.items():
        per_round = " ".join(f"{r:.2f}" for r in ratios)
        print(f"{name:34s} {mine_ms:8.3f} {ref_ms:9.3f} {mine_ms / ref_ms:6.2f}  {per_round}")
    if args.layers:
        layer_table(ours, x, labels, args.train_calls)


if __name__ == "__main__":
    main()
