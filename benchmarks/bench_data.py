"""Speed of the data path: to_mnist per call, augment_batch per 64 digits, load_image on 8000x8000 files.

Run: .venv/bin/python benchmarks/bench_data.py [--no-images]   (prints figures; about a minute)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def best_of(fn, repeats: int, rounds: int = 5) -> str:
    """Best mean wall and CPU time per call over several rounds, in ms (the least disturbed by other load).

    On a shared machine the CPU time (this process only) is the better estimate of an idle machine's
    wall time for single-threaded code.
    """
    fn()
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(repeats):
            fn()
        wall.append((time.perf_counter() - start) / repeats * 1e3)
        cpu.append((time.process_time() - start_cpu) / repeats * 1e3)
    return f"{min(wall):.3f} ms wall, {min(cpu):.3f} ms CPU"


def bench_to_mnist() -> None:
    from explainer.data.preprocess import to_mnist

    canvas = np.zeros((280, 280), np.uint8)
    yy, xx = np.mgrid[0:280, 0:280]
    canvas[np.abs(np.hypot(yy - 140, xx - 130) - 80) < 10] = 255  # a drawn 0, 20 px pen
    print(f"to_mnist 280x280 uint8:    {best_of(lambda: to_mnist(canvas), 500)} per call")
    as_float = canvas.astype(np.float32) / 255
    print(f"to_mnist 280x280 float32:  {best_of(lambda: to_mnist(as_float), 500)} per call")


def bench_augment() -> None:
    from explainer.data.augment import augment_batch

    rng = np.random.default_rng(0)
    batch = np.zeros((64, 28, 28), np.float32)
    batch[:, 6:22, 12:16] = 1.0
    # Inside training, multi-MB activations are allocated and freed every step, so glibc keeps freed
    # memory in its heap; do the same here, or every temporary is a fresh mmap with page faults.
    warm = np.ones(4_000_000)
    del warm
    for label, options in [
        ("default (rotation, scale, shift)", {}),
        ("+ thickness 0.5", {"thickness": 0.5}),
        ("+ elastic 0.5", {"elastic": 0.5}),
        ("all options", {"thickness": 0.5, "elastic": 0.5, "shear": 10.0, "stretch": 0.2}),
    ]:
        timing = best_of(lambda o=options: augment_batch(batch, rng, **o), 200)
        print(f"augment_batch 64 digits, {label}: {timing}")


def bench_load_image() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    from explainer.imageio import load_image

    n = 8000
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in [
            ("big-grey.png", QImage.Format.Format_Grayscale8),
            ("big-rgb.png", QImage.Format.Format_RGB32),
            ("big-rgba.png", QImage.Format.Format_ARGB32),
            ("big-rgb.jpg", QImage.Format.Format_RGB32),
            ("big-rgba16.png", QImage.Format.Format_RGBA64),
        ]:
            image = QImage(n, n, fmt)
            image.fill(QColor(255, 255, 255))
            painter = QPainter(image)
            painter.setPen(QPen(QColor(0, 0, 0), n / 30, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(n // 4, n // 4, 3 * n // 4, 3 * n // 4)
            painter.end()
            path = Path(tmp) / name
            image.save(str(path))
            del image, painter
            start, start_cpu = time.perf_counter(), time.process_time()
            out = load_image(path)
            wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            size = path.stat().st_size / 1e6
            print(
                f"load_image {n}x{n} {name:15s} ({size:4.1f} MB): {wall:.2f} s wall, {cpu:.2f} s CPU",
                out.shape,
            )


if __name__ == "__main__":
    bench_to_mnist()
    bench_augment()
    if "--no-images" not in sys.argv:
        bench_load_image()
