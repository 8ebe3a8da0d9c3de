"""Latency of the live view: from a mouse move on the canvas to a fully repainted main window.

Drives the real MainWindow offscreen. For each of ~300 mouse moves along digit-like strokes it times:
the move event (which paints the stroke segment and schedules the coalesced update), the update itself
(to_mnist → trace → state → views) run by the event loop, and a forced repaint of the whole window.
It also measures the first paint of ``python main.py`` (process start to the first paint event).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_latency.py
Bar: p95 <= 33 ms per move (30 fps); goal: p95 <= 16 ms (60 fps). First paint < 1.5 s.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explainer.gui.kit.plots import configure_pyqtgraph  # noqa: E402


def digit_strokes() -> list[list[tuple[float, float]]]:
    """Strokes of a 7, a 0 and a 4 in canvas coordinates (280x280), about 300 points in all.

    Shape:
        a list of strokes, each a list of ``(x, y)`` points.
    """
    seven = [(70 + 2.6 * i, 60.0) for i in range(50)] + [(200 - 1.6 * i, 60 + 3.4 * i) for i in range(50)]
    zero = [
        (140 + 60 * math.cos(2 * math.pi * i / 100), 140 + 90 * math.sin(2 * math.pi * i / 100))
        for i in range(101)
    ]
    four = [(180 - 2.0 * i, 50 + 3.0 * i) for i in range(40)] + [(100 + 3.0 * i, 170.0) for i in range(40)]
    return [seven, zero, four]


def send_mouse(
    widget: object, kind: QMouseEvent.Type, point: tuple[float, float], buttons: Qt.MouseButton
) -> None:
    """Deliver a synthetic mouse event to ``widget`` the way the window system would."""
    position = QPointF(*point)
    global_position = QPointF(widget.mapToGlobal(QPoint(int(point[0]), int(point[1]))))  # type: ignore[attr-defined]
    button = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, position, global_position, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def measure_moves(window: object, app: QApplication) -> tuple[list[float], list[float], list[float]]:
    """Per-move milliseconds: wall-clock to a repainted window, to the end of the update, and CPU time.

    CPU time (move to repainted window) is what an idle machine would take; wall-clock also counts the
    time spent waiting for other processes on a busy machine.
    """
    canvas = window.canvas  # type: ignore[attr-defined]
    totals: list[float] = []
    updates: list[float] = []
    cpus: list[float] = []
    for stroke in digit_strokes():
        send_mouse(canvas, QMouseEvent.Type.MouseButtonPress, stroke[0], Qt.MouseButton.LeftButton)
        app.processEvents()
        for point in stroke[1:]:
            start, cpu_start = time.perf_counter(), time.process_time()
            send_mouse(canvas, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
            # The zero-delay update timer fires on this turn of the event loop.
            app.processEvents()
            updated = time.perf_counter()
            window.repaint()  # type: ignore[attr-defined]
            end, cpu_end = time.perf_counter(), time.process_time()
            totals.append((end - start) * 1000)
            updates.append((updated - start) * 1000)
            cpus.append((cpu_end - cpu_start) * 1000)
        send_mouse(canvas, QMouseEvent.Type.MouseButtonRelease, stroke[-1], Qt.MouseButton.NoButton)
        app.processEvents()
        window.canvas.clear()  # type: ignore[attr-defined]
        app.processEvents()
    return totals, updates, cpus


def first_paint_seconds(runs: int) -> list[tuple[float, float]]:
    """Wall-clock and CPU seconds from process start to the first paint of ``python main.py``'s window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, str(REPO / "main.py"), "--measure-startup"],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("first paint")]
        if result.returncode != 0 or not lines:
            raise RuntimeError(f"main.py --measure-startup failed: {result.stderr.strip()}")
        words = lines[-1].replace("(", " ").split()  # "first paint 0.812 s (cpu 0.640 s)"
        times.append((float(words[2]), float(words[5])))
    return times


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def open_window(size: tuple[int, int] | None = None) -> tuple[Any, QApplication]:
    """The real MainWindow (``size`` ``(width, height)`` in pixels, else its own), shown and laid out, and the
    application it runs in."""
    configure_pyqtgraph()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from explainer.gui.mainwindow import MainWindow

    window = MainWindow()
    if size is not None:
        window.resize(*size)
    window.show()
    app.processEvents()
    return window, app


def frame_options(doc: str, frames: int, size: tuple[int, int]) -> tuple[argparse.Namespace, QApplication]:
    """The options of a benchmark that times ``--frames`` updates of one view of ``--width`` x ``--height``
    pixels (defaults ``frames`` and ``size``), with the first line of ``doc`` as its help, and the
    application the view runs in."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--frames", type=int, default=frames)
    parser.add_argument("--width", type=int, default=size[0])
    parser.add_argument("--height", type=int, default=size[1])
    return parser.parse_args(), QApplication.instance() or QApplication([])


def main() -> None:
    """Print first-paint and per-move latency figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startup-runs", type=int, default=3, help="launches of main.py to time")
    parser.add_argument("--rounds", type=int, default=2, help="times to draw the three digits")
    parser.add_argument(
        "--model",
        help="a model file (.npz or .onnx) to draw on instead of the bundled one, e.g. an imported ONNX "
        "model of the seed 001 Keras net's size (see --keras-onnx)",
    )
    parser.add_argument(
        "--keras-onnx",
        action="store_true",
        help="export the Design tab's Keras preset (755,658 weights) to ONNX, import it and draw on it",
    )
    args = parser.parse_args()

    if args.startup_runs:
        starts = first_paint_seconds(args.startup_runs)
        walls = [wall for wall, _ in starts]
        cpus = [cpu for _, cpu in starts]
        print(
            f"first paint: median {statistics.median(walls):.3f} s, worst {max(walls):.3f} s "
            f"(CPU time median {statistics.median(cpus):.3f} s) over {len(starts)} launches (bar < 1.5 s); "
            f"load average {os.getloadavg()[0]:.1f}"
        )

    window, app = open_window()
    model_path = args.model
    if args.keras_onnx:
        import tempfile

        import explainer
        from explainer.architectures import KERAS_MNIST, build

        model_path = str(Path(tempfile.mkdtemp()) / "keras_preset.onnx")
        explainer.save_model(build(KERAS_MNIST), model_path)
    if model_path is not None:
        if not window.open_model(model_path):
            raise SystemExit(f"cannot open {model_path}: {window.last_error}")
        if window.onnx_dialog is not None:
            window.onnx_dialog.accept()
        model = window.state.model
        print(f"model {Path(model_path).name}: {len(model.layers)} layers, {model.param_count():,} weights")
    measure_moves(window, app)  # warm-up: caches, first layouts
    totals: list[float] = []
    updates: list[float] = []
    cpus: list[float] = []
    for _ in range(args.rounds):
        round_totals, round_updates, round_cpus = measure_moves(window, app)
        totals += round_totals
        updates += round_updates
        cpus += round_cpus
    print(
        f"move -> repainted window: median {statistics.median(totals):.1f} ms, "
        f"p95 {percentile(totals, 95):.1f} ms, max {max(totals):.1f} ms over {len(totals)} moves "
        f"(bar p95 <= 33 ms, goal <= 16 ms)"
    )
    print(
        f"  of which move + coalesced update: median {statistics.median(updates):.1f} ms, "
        f"p95 {percentile(updates, 95):.1f} ms"
    )
    print(
        f"  CPU time per move (wall-clock on an idle machine): median {statistics.median(cpus):.1f} ms, "
        f"p95 {percentile(cpus, 95):.1f} ms; load average {os.getloadavg()[0]:.1f}"
    )
    window.close()


if __name__ == "__main__":
    main()
