"""Time the backward features: the whole-pass steps, attribution, one learn step, the gradient check, and
one animation frame of the backward views and the stepper.

Each figure is the median and p95 over ``--repeat`` runs in milliseconds, wall clock and this process's CPU
time (the CPU figure stays meaningful when other work shares the cores). Runs offscreen on the bundled model
when ``assets/model.npz`` exists, else on the reference network, with a sample digit.

    .venv/bin/python benchmarks/bench_backward.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

from explainer.core import attribution
from explainer.core.passes import gradient_check, learn_step, pass_steps
from explainer.gui import theme
from explainer.gui.kit.samples import sample_problem
from explainer.gui.layers.registry import make_backward_view
from explainer.gui.pages.stepper import StepperView


def measure(name: str, work: Callable[[], object], repeat: int) -> None:
    """Run ``work`` ``repeat`` times (after one warm-up) and print wall and CPU median / p95 in ms."""
    work()
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        work()
        wall.append(1e3 * (time.perf_counter() - w))
        cpu.append(1e3 * (time.process_time() - c))
    print(
        f"{name:46s} wall {np.median(wall):8.1f} / {np.percentile(wall, 95):8.1f} ms   "
        f"cpu {np.median(cpu):8.1f} / {np.percentile(cpu, 95):8.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    theme.apply_palette(app, dark=False)
    model, digit, label = sample_problem()
    x = digit[None, None]
    print(f"model: {len(model.layers)} layers, {model.param_count()} parameters; figures: median / p95")
    n = args.repeat
    measure("trace with gradients (reference point)", lambda: model.trace(x, [label]), n)
    measure("pass_steps (whole pass, 30 stages)", lambda: pass_steps(model, x, label, 0.05), n)
    measure("vanilla gradient", lambda: attribution.vanilla_gradient(model, x, label), n)
    rng = np.random.default_rng(0)
    measure("SmoothGrad N=25", lambda: attribution.smoothgrad(model, x, label, 0.15, 25, rng), n)
    measure(
        "Integrated Gradients, 64 steps",
        lambda: attribution.integrated_gradients(model, x, label, steps=64),
        n,
    )
    relu = max(i for i, layer in enumerate(model.layers) if layer.kind == "relu")
    measure("Grad-CAM", lambda: attribution.grad_cam(model, x, label, relu), n)
    measure("learn_step (copy + 2 traces + SGD)", lambda: learn_step(model, x, label, 0.05), n)
    entries = [("input", (14, 14)), ("input", (10, 12)), (0, "W", (0, 0, 1, 1)), (0, "b", (3,))]
    measure("gradient_check, 4 entries (float64)", lambda: gradient_check(model, x, label, entries), n)

    trace = model.trace(x, [label])
    for index, layer in enumerate(model.layers):
        if layer.kind not in ("conv2d", "maxpool2d") or index > 5:
            continue
        view = make_backward_view(trace, index)
        view.resize(1400, 860)
        view.show()
        app.processEvents()
        count = view.step_count()
        steps = iter(range(10**9))

        def frame(view: object = view, count: int = count, steps: object = steps) -> None:
            view.player.set_step(next(steps) % count)
            view.repaint()

        measure(f"frame: backward view of {layer.name} ({count} steps)", frame, n)
        measure(
            f"build: backward view of {layer.name}", lambda index=index: make_backward_view(trace, index), 3
        )
        view.close()

    stepper = StepperView()
    stepper.resize(1400, 860)
    stepper.show()
    stepper.set_problem(model, digit, label)
    app.processEvents()
    stages = iter(range(10**9))

    def stage() -> None:
        stepper.player.set_step(next(stages) % len(stepper.steps()))
        stepper.repaint()

    measure("frame: stepper stage", stage, n)
    measure(
        "stepper: new digit (pass_steps + trace + show)", lambda: stepper.set_problem(model, digit, label), n
    )


if __name__ == "__main__":
    main()
