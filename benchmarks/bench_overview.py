"""Time the overview's live update: ``set_trace`` plus a forced full repaint, as while a student draws.

Runs offscreen on the reference network with 200 traces of different inputs (a digit drawn a stroke at a
time, so every frame differs like live drawing) and prints median and p95 in milliseconds, per scale
mode, also with a map hovered (connections and info box drawn).

    .venv/bin/python benchmarks/bench_overview.py [--frames 200] [--width 1120] [--height 790]

The default size is what the overview gets in the 1440x880 main window.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from bench_latency import frame_options
from PySide6.QtTest import QTest

from explainer.core import reference_net
from explainer.core.trace import Trace
from explainer.gui.network.overview import OverviewView


def stroke_traces(frames: int, rng: np.random.Generator) -> list[Trace]:
    """Traces of a digit growing one brush dab per frame, like the canvas sends them.

    Shape:
        each trace has input ``(1, 1, 28, 28)``.
    """
    model = reference_net(rng)
    image = np.zeros((28, 28), dtype=np.float32)
    rows, cols = np.mgrid[0:28, 0:28]
    traces = []
    for frame in range(frames):
        angle = 2 * np.pi * frame / frames
        y, x = 14 + 8 * np.sin(angle), 14 + 6 * np.cos(angle)
        image = np.maximum(image, np.exp(-((rows - y) ** 2 + (cols - x) ** 2) / 3.0).astype(np.float32))
        traces.append(model.trace(image[None, None].copy(), target=np.array([frame % 10])))
    return traces


def measure(view: OverviewView, traces: list[Trace]) -> np.ndarray:
    """Wall-clock and CPU milliseconds of set_trace + repaint for each trace.

    CPU time is this process's own, so it stays meaningful when other work shares the two cores.

    Shape:
        returns ``(2, len(traces))``: wall, CPU.
    """
    times = np.empty((2, len(traces)))
    for i, trace in enumerate(traces):
        wall, cpu = time.perf_counter(), time.process_time()
        view.set_trace(trace)
        view.repaint()
        times[:, i] = (time.perf_counter() - wall) * 1000.0, (time.process_time() - cpu) * 1000.0
    return times


def report(label: str, times: np.ndarray) -> None:
    """Print median and p95 of wall and CPU time.

    Shape:
        times: ``(2, frames)``.
    """
    wall, cpu = times
    print(
        f"  {label:17s} wall median {np.median(wall):6.2f}  p95 {np.percentile(wall, 95):6.2f}"
        f"   | cpu median {np.median(cpu):6.2f}  p95 {np.percentile(cpu, 95):6.2f}"
    )


def main() -> None:
    """Print median and p95 of set_trace + repaint per scale mode, without and with a hovered map."""
    args, app = frame_options(__doc__, 200, (1120, 790))
    rng = np.random.default_rng(0)
    traces = stroke_traces(args.frames, rng)
    view = OverviewView()
    view.set_model(reference_net(rng))
    view.resize(args.width, args.height)
    view.show()
    app.processEvents()
    measure(view, traces[:20])  # warm-up: caches, first static render
    print(f"overview {args.width}x{args.height}, {args.frames} traces: set_trace + repaint (ms)")
    for mode in ("layer", "block", "global"):
        view.set_scale_mode(mode)
        report(mode, measure(view, traces))
    view.set_scale_mode("layer")
    QTest.mouseMove(view, view.map_rect(7, 3).center())  # conv4: 16 connections drawn
    report("layer + hover", measure(view, traces))
    QTest.mouseMove(view, view.map_rect(11, 3).center())  # dense1: reads all of flatten
    report("dense hover", measure(view, traces))
    view.set_quantity("gradient")
    report("gradient + hover", measure(view, traces))


if __name__ == "__main__":
    main()
