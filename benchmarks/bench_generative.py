"""Latency of the Generative tab: a mouse move on the canvas to a repainted window, and hover decoding.

Drives the real MainWindow offscreen at 1440x900 with the Generative tab in front. For each of ~300 mouse
moves along digit-like strokes (the strokes of ``bench_latency``) it times the move event, the update it
causes (to_mnist → trace → state → the live page: encoder, sample, decoder, the map point and its
ellipses, the reconstruction, the numbers and the loss bars) and a forced repaint of the whole window, and
checks that the map point followed. Then it moves the mouse over the latent map and times each move to the
decoded digit repainted.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_generative.py
Bar: p95 <= 33 ms per canvas move (30 fps); hover decoding must keep up with the mouse (p95 well under
one move interval, 16 ms at 60 Hz).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_latency import REPO, measure_moves, open_window, percentile

sys.path.insert(0, str(REPO))

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def hover_moves(view: object, app: QApplication, moves: int) -> list[float]:
    """Milliseconds from a mouse move over the latent map to the decoded digit repainted, per move."""
    latent_map = view.latent_map  # type: ignore[attr-defined]
    viewport = latent_map.plot.viewport()
    width, height = viewport.width(), viewport.height()
    times = []
    for i in range(moves):
        # A Lissajous path over the plot, so every move lands somewhere new.
        x = width * (0.5 + 0.4 * math.sin(i * 0.07))
        y = height * (0.5 + 0.4 * math.sin(i * 0.11 + 1))
        start = time.perf_counter()
        event = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            QPointF(x, y),
            QPointF(viewport.mapToGlobal(QPoint(int(x), int(y)))),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)
        app.processEvents()  # the coalescing zero-delay timer decodes here
        latent_map.repaint()
        times.append((time.perf_counter() - start) * 1000)
    if latent_map.hovered() is None:
        raise RuntimeError("hovering the latent map decoded nothing")
    return times


def main() -> None:
    """Print the per-move latency of the canvas with the Generative tab open, and of hover decoding."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="times to draw the three digits")
    parser.add_argument("--hover-moves", type=int, default=300, help="mouse moves over the latent map")
    args = parser.parse_args()

    window, app = open_window((1440, 900))
    view = window.show_page("generative")
    app.processEvents()
    measure_moves(window, app)  # warm-up: caches, first layouts
    totals: list[float] = []
    cpus: list[float] = []
    # Count the page's updates with an input, to check that it follows every move, not only the pauses.
    followed = [0]
    set_input = view.set_input

    def counting(x: object) -> None:
        followed[0] += x is not None
        set_input(x)

    view.set_input = counting
    for _ in range(args.rounds):
        round_totals, _updates, round_cpus = measure_moves(window, app)
        totals += round_totals
        cpus += round_cpus
    print(
        f"canvas move -> repainted window, Generative tab open: median {statistics.median(totals):.1f} ms, "
        f"p95 {percentile(totals, 95):.1f} ms, max {max(totals):.1f} ms over {len(totals)} moves "
        f"(bar p95 <= 33 ms); the tab encoded the drawing {followed[0]} times"
    )
    print(f"  CPU time per move: median {statistics.median(cpus):.1f} ms, p95 {percentile(cpus, 95):.1f} ms")
    hover = hover_moves(view, app, args.hover_moves)
    print(
        f"hover over the latent map -> decoded digit repainted: median {statistics.median(hover):.2f} ms, "
        f"p95 {percentile(hover, 95):.2f} ms, max {max(hover):.2f} ms over {len(hover)} moves; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    window.close()


if __name__ == "__main__":
    main()
