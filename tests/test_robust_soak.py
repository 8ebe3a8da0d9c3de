"""A short soak of the main window: random strokes, clears, gallery picks, view switches and detail views.

The full run (2,000 actions) is ``make soak`` (benchmarks/soak.py); this runs the same driver with 150
actions so that ``make test`` stays quick.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ACTIONS = 150


@pytest.fixture(scope="module")
def soak(benchmark_module: Callable[[str], ModuleType]) -> ModuleType:
    """benchmarks/soak.py as a module."""
    return benchmark_module("soak.py")


def test_random_use_raises_nothing_and_leaks_nothing(soak: ModuleType, qapp) -> None:
    report = soak.run_soak(ACTIONS, seed=1)
    summary = report.summary()
    assert report.exceptions == [], summary
    assert report.rss_growth_mb() < soak.MAX_RSS_GROWTH_MB, summary
    assert report.grown() == {}, summary
    # The soak really exercised the window: the core actions ran and had effects.
    assert {"stroke", "clear", "gallery", "scale", "zoom", "palette", "map_detail"} <= set(report.actions), (
        summary
    )
    assert report.traces > ACTIONS // 3, summary
    assert report.windows_closed > 0, summary


def test_the_soak_notices_a_leak_and_an_exception(soak: ModuleType, qapp) -> None:
    """The checks can fail: a window that keeps a new timer per stroke and raises on Clear is caught."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

    def leaky_window() -> MainWindow:
        window = MainWindow(settings=Settings())
        window.canvas.sigChanged.connect(lambda: QTimer(window))

        def fail() -> None:
            raise RuntimeError("clear failed")

        window.findChild(QAction, "clear").triggered.connect(fail)
        return window

    report = soak.run_soak(60, seed=2, window_factory=leaky_window)
    assert any("clear failed" in text for text in report.exceptions)
    assert "timers" in report.grown()
    assert not report.healthy()


def test_the_soak_notices_memory_that_stays_held(soak: ModuleType, qapp) -> None:
    """Freed heap is handed back before measuring, but memory a window keeps still counts as growth."""
    import numpy as np

    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

    held: list[np.ndarray] = []

    def hoarding_window() -> MainWindow:
        window = MainWindow(settings=Settings())
        window.canvas.sigChanged.connect(lambda: held.append(np.ones(2**20, np.float32)))
        return window

    report = soak.run_soak(60, seed=2, window_factory=hoarding_window, only={"stroke"})
    assert report.rss_growth_mb() > soak.MAX_RSS_GROWTH_MB, report.summary()
    assert not report.healthy()
    held.clear()
