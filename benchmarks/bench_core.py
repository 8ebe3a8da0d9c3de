"""Speed and memory of the NumPy engine against PyTorch CPU, measured side by side in one run.

    .venv/bin/python benchmarks/bench_core.py [--quick] [--rounds 5] [--layers] [--threads 2]
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python benchmarks/bench_core.py

Every run prints a scaling table for two nets, the reference net (:func:`explainer.core.reference_net`,
12,002 weights) and the Design tab's Keras preset (``architectures.KERAS_MNIST``: conv 32, 64, 64 at 5x5
"same", dense 576 -> 1024, dropout 0.5; 755,658 weights), each with the same weights on both sides:

- **training step** at batch 1, 64 and 256: forward in training mode (dropout on), softmax cross-entropy,
  backward (no dL/dx below the first layer on either side) and one SGD step;
- **single-image trace** with every gradient: our ``Sequential.trace(x, [label])`` in eval mode against torch
  forward + backward with ``retain_grad`` on every layer output and the input.

Both sides use 2 threads (``--threads``): ``torch.set_num_threads(2)``; the engine splits large
convolutions, dense layers, ReLUs and poolings between 2 threads of its own
(``explainer.core.ops.WORKERS``), with NumPy's OpenBLAS kept to one thread per call
(OPENBLAS_NUM_THREADS=1 unless set; OpenBLAS threads that busy-wait are what makes a shared 2-core
machine crawl). Each benchmark runs in rounds that alternate ours and torch (who goes first
alternates too), so background load hits both; a round times enough calls for ~``--round-seconds`` per
side. The table shows the median over all timed calls, the ratio ours / torch of those medians, and the
ratio of every round (judge a loaded machine by the per-round ratios, never by the absolute times). On a
machine loaded beyond its cores torch's 2 OpenMP threads stall at every barrier (a batch-1 step takes
hundreds of ms), so the 2-thread ratios mean nothing there; ``--threads 1`` still compares the work.

**Peak memory of a training step** (MB), each measured in a fresh process after two warm-up steps:

- *ours*: ``tracemalloc`` (NumPy reports its buffers to it): the peak of traced memory during one step,
  above what was allocated before the warm-up. It counts the step's temporaries and the buffers the layers
  keep between steps (activations, the unfolded convolution inputs), not the weights or the input batch.
- *torch*: torch's CPU allocator does not keep statistics, so it is the growth of the process's resident
  set: the peak RSS (``VmHWM`` of ``/proc/self/status``, its high-water mark reset through
  ``/proc/self/clear_refs`` once the model and batch are built) over two warm-up steps and one step, minus
  the RSS at that reset. The same RSS measure is given for ours (``ours RSS``) to compare like with like;
  RSS counts whole pages and what malloc keeps cached, so small figures are coarse.

``--layers`` adds a per-layer profile at batch 64 for both nets: each layer's forward and backward (as in
the training step: no dL/dx for the first layer) against torch's same module, alternating rounds.
The environment line shows OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE: run it once with them as the machine
sets them and once with both unset (the second command above), and report both tables.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer.architectures import KERAS_MNIST, build
from explainer.core import SGD, Sequential, ops, reference_net, softmax_cross_entropy

if TYPE_CHECKING:
    import torch

NETS: dict[str, Callable[[], Sequential]] = {
    "reference": lambda: reference_net(np.random.default_rng(0)),
    "keras": lambda: build(KERAS_MNIST, np.random.default_rng(0)),
}
BATCHES = (1, 64, 256)
THREADS = [2]
"""Threads of each side (``--threads``), shared with the memory probes."""


def timed(fn: Callable[[], object], calls: int) -> list[float]:
    """Wall times in ms of ``calls`` calls of ``fn``."""
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def torch_module(layer: object) -> torch.nn.Module:
    """The torch module computing what one of our layers computes, with a copy of its weights."""
    import torch

    kind = layer.kind
    if kind == "conv2d":
        pad = layer.pads.uniform
        if pad is None:
            raise ValueError("the benchmark twin needs equal padding on every side")
        conv = torch.nn.Conv2d(layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, pad)
        conv.weight.data = torch.from_numpy(layer.params["W"].copy())
        conv.bias.data = torch.from_numpy(layer.params["b"].copy())
        return conv
    if kind == "dense":
        dense = torch.nn.Linear(layer.in_features, layer.out_features)
        dense.weight.data = torch.from_numpy(layer.params["W"].T.copy())
        dense.bias.data = torch.from_numpy(layer.params["b"].copy())
        return dense
    simple = {
        "relu": lambda: torch.nn.ReLU(),
        "maxpool2d": lambda: torch.nn.MaxPool2d(layer.size, layer.stride),
        "flatten": lambda: torch.nn.Flatten(),
        "dropout": lambda: torch.nn.Dropout(layer.p),
    }
    if kind not in simple:
        raise ValueError(f"no torch twin for {kind}")
    return simple[kind]()


def torch_twin(model: Sequential) -> torch.nn.Sequential:
    """A torch.nn.Sequential with the same layers and weights as ``model``."""
    import torch

    return torch.nn.Sequential(*(torch_module(layer) for layer in model.layers))


class Pair:
    """Our model and its torch twin with a batch, and the training steps and traces of both."""

    def __init__(self, net: str, batch: int) -> None:
        import torch

        rng = np.random.default_rng(1)
        self.ours = NETS[net]().train()
        self.theirs = torch_twin(self.ours).train()
        self.x = rng.random((batch, *self.ours.input_shape), dtype=np.float32)
        self.labels = rng.integers(0, len(self.ours.class_names), batch)
        self.xt, self.yt = torch.from_numpy(self.x), torch.from_numpy(self.labels)
        self.optimizer = SGD(self.ours, lr=1e-3)
        self.torch_optimizer = torch.optim.SGD(self.theirs.parameters(), lr=1e-3)

    def our_step(self) -> None:
        _, dlogits = softmax_cross_entropy(self.ours.forward(self.x), self.labels)
        self.ours.backward(dlogits, input_grad=False)
        self.optimizer.step()

    def torch_step(self) -> None:
        import torch

        self.torch_optimizer.zero_grad()
        torch.nn.functional.cross_entropy(self.theirs(self.xt), self.yt).backward()
        self.torch_optimizer.step()

    def our_trace(self) -> None:
        self.ours.trace(self.x[:1], self.labels[:1])

    def torch_trace(self) -> None:
        import torch

        h = self.xt[:1].clone().requires_grad_(True)
        for module in self.theirs:
            h = module(h)
            h.retain_grad()
        self.theirs.zero_grad()
        torch.nn.functional.cross_entropy(h, self.yt[:1]).backward()


def side_by_side(
    mine: Callable[[], object], ref: Callable[[], object], rounds: int, seconds: float
) -> tuple[float, float, list[float]]:
    """(our median ms, torch median ms, ratio per round) over alternating rounds."""
    timed(mine, 2)
    timed(ref, 2)
    calls = max(2, int(seconds * 1e3 / max(np.median(timed(mine, 3)), np.median(timed(ref, 3)), 1e-3)))
    mine_times: list[float] = []
    ref_times: list[float] = []
    ratios = []
    for r in range(rounds):
        if r % 2:
            theirs_now = timed(ref, calls)
            ours_now = timed(mine, calls)
        else:
            ours_now = timed(mine, calls)
            theirs_now = timed(ref, calls)
        mine_times += ours_now
        ref_times += theirs_now
        ratios.append(float(np.median(ours_now) / np.median(theirs_now)))
    return float(np.median(mine_times)), float(np.median(ref_times)), ratios


def memory_probe(side: str, net: str, batch: int) -> dict[str, float]:
    """Peak memory (MB) of one training step in this process; see the module docstring."""
    import torch

    torch.set_num_threads(THREADS[0])
    pair = Pair(net, batch)
    step = pair.our_step if side == "ours" else pair.torch_step
    rss_before = reset_peak_rss()
    result = {}
    if side == "ours":
        tracemalloc.start()
        step()
        step()
        tracemalloc.reset_peak()
        step()
        result["traced"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    else:
        for _ in range(3):
            step()
    result["rss"] = (status_kb("VmHWM") - rss_before) / 1024
    return result


def status_kb(field: str) -> int:
    """A ``kB`` field of ``/proc/self/status`` ("VmRSS", "VmHWM")."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def reset_peak_rss() -> int:
    """Reset the peak resident set to the current one (Linux ``clear_refs`` 5); return it in kB."""
    Path("/proc/self/clear_refs").write_text("5")
    return status_kb("VmRSS")


def peak_memory(side: str, net: str, batch: int) -> dict[str, float]:
    """:func:`memory_probe` in a fresh Python process, so earlier benchmarks leave no high-water mark."""
    out = subprocess.run(
        [sys.executable, __file__, "--threads", str(THREADS[0]), "--memory-probe", side, net, str(batch)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def scaling_table(rounds: int, seconds: float, memory: bool) -> None:
    """Print the nets x batches x (training step, trace) table, ours against torch."""
    print(
        f"{'net':9s} {'benchmark':17s} {'batch':>5s} {'ours ms':>8s} {'torch ms':>9s} {'ratio':>6s}  "
        f"{'ours MB':>7s} {'ours RSS':>8s} {'torch RSS':>9s}  per-round ratios"
    )
    for net in NETS:
        rows = [("training step", batch) for batch in BATCHES] + [("trace + all grads", 1)]
        for name, batch in rows:
            pair = Pair(net, batch)
            if name == "training step":
                mine, ref = pair.our_step, pair.torch_step
            else:
                pair.ours.eval()
                pair.theirs.eval()
                mine, ref = pair.our_trace, pair.torch_trace
            mine_ms, ref_ms, ratios = side_by_side(mine, ref, rounds, seconds)
            mem = ""
            if memory and name == "training step":
                ours, theirs = peak_memory("ours", net, batch), peak_memory("torch", net, batch)
                mem = f"{ours['traced']:7.1f} {ours['rss']:8.1f} {theirs['rss']:9.1f}"
            per_round = " ".join(f"{r:.2f}" for r in ratios)
            print(
                f"{net:9s} {name:17s} {batch:5d} {mine_ms:8.2f} {ref_ms:9.2f} {mine_ms / ref_ms:6.2f}  "
                f"{mem:26s}  {per_round}",
                flush=True,
            )


def layer_profile(net: str, batch: int, rounds: int, calls: int) -> None:
    """Print each layer's forward and backward, ours against torch's module, at one batch size."""
    import torch

    pair = Pair(net, batch)
    model = pair.ours
    inputs, h = [], model.normalise(pair.x)
    for layer in model.layers:
        inputs.append(h)
        h = layer.forward(h)
    _, d = softmax_cross_entropy(h, pair.labels)
    douts: list[np.ndarray] = [d] * len(model.layers)
    for i in reversed(range(1, len(model.layers))):
        douts[i] = d
        d = model.layers[i].backward(d)
    douts[0] = d
    print(f"\n{net}: per layer, batch {batch}, as in the training step (median ms; backward = fw+bw - fw)")
    heads = ("fw ours", "fw torch", "ratio", "bw ours", "bw torch", "ratio")
    print(f"{'layer':10s} " + " ".join(f"{h:>8s}" for h in heads))
    totals = np.zeros(4)
    for i, layer in enumerate(model.layers):
        module = pair.theirs[i]
        xt = torch.from_numpy(np.ascontiguousarray(inputs[i])).requires_grad_(i > 0)
        dyt = torch.from_numpy(np.ascontiguousarray(douts[i]))
        wrt = ([xt] if i > 0 else []) + list(module.parameters())

        def torch_forward(module: torch.nn.Module = module, xt: torch.Tensor = xt) -> None:
            with torch.no_grad():
                module(xt)

        def torch_both(module=module, xt=xt, dyt=dyt, wrt=wrt) -> None:
            y = module(xt)
            if wrt:
                torch.autograd.grad(y, wrt, dyt)

        def our_forward(layer=layer, x=inputs[i]) -> None:
            layer.forward(x)

        def our_both(layer=layer, x=inputs[i], dy=douts[i], first=i == 0) -> None:
            layer.forward(x)
            (layer.param_backward if first else layer.backward)(dy)

        sides = (our_forward, torch_forward, our_both, torch_both)
        medians = [[np.median(timed(f, calls)) for f in sides] for _ in range(rounds)]
        of, tf, ob, tb = np.median(np.array(medians), axis=0)
        row = np.array([of, tf, max(ob - of, 0.0), max(tb - tf, 0.0)])
        totals += row
        print(
            f"{layer.name or '':10s} {row[0]:8.3f} {row[1]:8.3f} {row[0] / max(row[1], 1e-3):8.2f} "
            f"{row[2]:8.3f} {row[3]:8.3f} {row[2] / max(row[3], 1e-3):8.2f}"
        )
    print(
        f"{'total':10s} {totals[0]:8.3f} {totals[1]:8.3f} {totals[0] / totals[1]:8.2f} "
        f"{totals[2]:8.3f} {totals[3]:8.3f} {totals[2] / totals[3]:8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="3 short rounds per benchmark")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per benchmark")
    parser.add_argument("--round-seconds", type=float, default=0.4, help="time per side and round")
    parser.add_argument("--layers", action="store_true", help="also print the per-layer profiles")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    parser.add_argument("--threads", type=int, default=2, help="threads of each side (default 2)")
    parser.add_argument("--memory-probe", nargs=3, metavar=("SIDE", "NET", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    ops.WORKERS = THREADS[0] = args.threads  # before the engine builds its thread pool or any layer buffer
    if args.memory_probe:
        side, net, batch = args.memory_probe
        print(json.dumps(memory_probe(side, net, int(batch))))
        return
    rounds, seconds = (3, 0.15) if args.quick else (args.rounds, args.round_seconds)

    import torch

    torch.set_num_threads(args.threads)
    print(
        f"numpy {np.__version__}, torch {torch.__version__}, torch threads {torch.get_num_threads()}, "
        f"engine workers {ops.WORKERS}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}, "
        f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')}, "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    scaling_table(rounds, seconds, not args.no_memory)
    if args.layers:
        for net in NETS:
            layer_profile(net, 64, rounds, 3 if args.quick else 10)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
