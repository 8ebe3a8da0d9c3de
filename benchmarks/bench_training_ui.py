"""How responsive the app stays while it trains, and how fast Stop takes effect.

Runs the training panel offscreen for ``--seconds`` on a few thousand MNIST images (random digits when
MNIST is missing), with every snapshot passed to the main window's state, as the app wires it: each one
re-traces the current digit and redraws the overview. Meanwhile a 10 ms QTimer on the UI thread records
the gaps between its ticks; a gap is the longest the UI thread could not react (its longest "frame").
Then it starts and stops training ``--stops`` times at random moments and times Stop → ``sigFinished``.

    .venv/bin/python benchmarks/bench_training_ui.py [--seconds 20] [--arch tiny_vgg|keras_mnist]
        [--batch-size 64] [--refresh 10] [--stops 5] [--snapshots state|retrace|none]

Prints the same gaps for an idle UI first (what the machine's other load alone causes), then the longest
UI stall while training, the 99th percentile gap, the number of gaps above 50 ms, the steps done, and
the stop latencies (max and median).
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One BLAS thread, as explainer.gui sets for the app (before NumPy is imported).
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explainer.architectures import PRESETS, build  # noqa: E402
from explainer.core import Sequential  # noqa: E402
from explainer.data import Split  # noqa: E402
from explainer.gui import theme  # noqa: E402
from explainer.gui.pages.training import TrainingView  # noqa: E402
from explainer.gui.training_worker import TrainingResult  # noqa: E402

TICK_MS = 10
FRAME_BUDGET_MS = 50.0


def bench_data(count: int, rng: np.random.Generator) -> tuple[Split, Split]:
    """``count`` MNIST training images and 500 validation images (random pixels without MNIST).

    Shape:
        images ``(N, 28, 28)`` uint8, labels ``(N,)`` uint8.
    """
    from explainer.data import load_mnist, mnist_dir

    directory = mnist_dir()
    if directory is None:
        print("MNIST not found: training on random pixels (the timing is the same)")
        images = rng.integers(0, 256, (count + 500, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, count + 500).astype(np.uint8)
    else:
        images, labels = load_mnist(directory, "train")
    return (images[:count], labels[:count]), (images[-500:], labels[-500:])


class GapMeter:
    """A QTimer ticking every 10 ms on the UI thread; records the time between ticks.

    Shape:
        ``gaps_ms()`` returns ``(ticks - 1,)`` float milliseconds.
    """

    def __init__(self) -> None:
        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

    def start(self) -> None:
        self.stamps.clear()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def gaps_ms(self) -> np.ndarray:
        return np.diff(np.array(self.stamps)) * 1000.0


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_finished(view: TrainingView, timeout_s: float = 60.0) -> TrainingResult | None:
    """Run the event loop until the view reports the end of its run; the result or None on timeout."""
    results: list[TrainingResult] = []
    loop = QEventLoop()

    def finished(result: TrainingResult) -> None:
        results.append(result)
        loop.quit()

    view.sigFinished.connect(finished)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    loop.exec()
    view.sigFinished.disconnect(finished)
    return results[0] if results else None


def connect_window(view: TrainingView, model: Sequential, how: str) -> object | None:
    """Show snapshots in a main window with a digit drawn; None when the window cannot be built.

    ``how`` is "state" (``AppState.set_model``, which also lays the overview out again) or "retrace"
    (trace the digit with the snapshot and hand the overview only the new trace, the cost of a
    same-architecture fast path).
    """
    try:
        from explainer.gui.mainwindow import MainWindow
    except ImportError as error:
        print(f"no main window ({error}); measuring the training panel alone")
        return None
    window = MainWindow(model)
    digit = np.zeros((28, 28), np.float32)
    digit[6:22, 12:16] = 1.0
    window.state.set_input(digit)
    if how == "state":
        view.sigModelProduced.connect(window.state.set_model)
    else:
        batch = digit.reshape(1, 1, 28, 28)
        view.sigModelProduced.connect(lambda snapshot: window.overview.set_trace(snapshot.trace(batch)))
    window.resize(1440, 880)
    window.show()
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--arch", choices=sorted(PRESETS), default="tiny_vgg")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--refresh", type=int, default=10, help="snapshot every this-many steps")
    parser.add_argument("--images", type=int, default=3000)
    parser.add_argument("--stops", type=int, default=5)
    parser.add_argument(
        "--snapshots",
        choices=["state", "retrace", "none"],
        default="state",
        help="what a snapshot redraws: the main window through AppState.set_model (as wired today), "
        "only a new trace of the overview (a same-architecture fast path), or nothing",
    )
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("mnist-cnn-explainer-bench")
    theme.apply_palette(app, dark=False)
    rng = np.random.default_rng(0)
    train, val = bench_data(args.images, rng)
    model = build(PRESETS[args.arch], rng)
    view = TrainingView(model)
    view.set_data_loader(lambda: (train, val))
    view.batch_spin.setValue(args.batch_size)
    view.refresh_spin.setValue(args.refresh)
    view.epochs_spin.setValue(100)
    view.resize(1100, 760)
    view.show()
    window = None if args.snapshots == "none" else connect_window(view, model, args.snapshots)
    snapshots: list[float] = []
    view.sigModelProduced.connect(lambda _model: snapshots.append(time.perf_counter()))

    spin(1.0)  # let the windows be painted before measuring
    meter = GapMeter()
    meter.start()
    spin(min(args.seconds, 5.0))
    idle = meter.gaps_ms()
    load = os.getloadavg()[0]
    print(
        f"idle UI thread (machine noise, load average {load:.1f} on {os.cpu_count()} cores): "
        f"longest gap {idle.max():.1f} ms, p99 {np.percentile(idle, 99):.1f} ms"
    )
    meter.start()
    spin(0.5)
    steps: list[int] = []
    view.sigFinished.connect(lambda result: steps.append(result.step))
    view.start()
    spin(args.seconds)
    view.stop()
    wait_finished(view)
    meter.stop()
    gaps = meter.gaps_ms()
    print(
        f"{args.arch}, batch {args.batch_size}, snapshot every {args.refresh} steps, "
        f"snapshots shown by {args.snapshots if window is not None else 'nothing'}: "
        f"{steps[0] if steps else 0} steps and {len(snapshots)} snapshots in {args.seconds:.0f} s"
    )
    print(
        f"UI thread: longest gap {gaps.max():.1f} ms (stall {gaps.max() - TICK_MS:.1f} ms), "
        f"p99 {np.percentile(gaps, 99):.1f} ms, median {np.median(gaps):.1f} ms, "
        f"{int((gaps > FRAME_BUDGET_MS).sum())} of {len(gaps)} gaps above {FRAME_BUDGET_MS:.0f} ms"
    )

    latencies = []
    for _ in range(args.stops):
        view.start()
        spin(rng.uniform(1.0, 3.0))
        begin = time.perf_counter()
        view.stop()
        if wait_finished(view) is None:
            print("a stop did not finish within 60 s")
            continue
        latencies.append((time.perf_counter() - begin) * 1000.0)
    if latencies:
        print(
            f"stop latency over {len(latencies)} stops: max {max(latencies):.0f} ms, "
            f"median {np.median(latencies):.0f} ms"
        )


if __name__ == "__main__":
    main()
