"""Closing the window, a page or the app stops every worker and waits for it: no thread outlives its owner.

Each case drives the worker through a gate (tests/gates.py) to the moment it is meant to test: a step
under way, a pause, an evaluation batch, the data loading of the first step. The last two tests run the
real app in a process of its own and quit it the way a user does.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from gates import GATE_TIMEOUT_S, Gate, GatedLoader
from pytestqt.qtbot import QtBot
from test_gui_training import SMALL, synthetic_splits
from test_gui_training_evaluation import random_test_set

from explainer.architectures import build
from explainer.gui import training_worker
from explainer.gui.jobs import running_workers, stop_all_workers
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages import testset as evaluation_view
from explainer.gui.pages.testset import EvaluationView
from explainer.gui.pages.training import TrainingView
from explainer.gui.state import Settings
from explainer.gui.training_worker import TrainingConfig, TrainingResult, TrainingWorker

ROOT = Path(__file__).resolve().parent.parent


# QSettings of every test here live in its own temp folder, never in the user's.
pytestmark = pytest.mark.usefixtures("settings")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every training step and every evaluation batch waits at this gate for the test."""
    gate = Gate()
    train_iter, evaluate_iter = training_worker.train_iter, evaluation_view.evaluate_iter
    monkeypatch.setattr(
        training_worker,
        "train_iter",
        lambda *args, **kwargs: gate.wrap(train_iter(*args, **kwargs), lambda p: p.phase == "validate"),
    )
    monkeypatch.setattr(
        evaluation_view,
        "evaluate_iter",
        lambda *args, **kwargs: gate.wrap(evaluate_iter(*args, **kwargs), lambda r: r.result is not None),
    )
    yield gate
    gate.open()


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(model=build(SMALL), settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def start_training(window: MainWindow, loader: object) -> tuple[TrainingView, TrainingWorker]:
    view = window.show_page("training")
    assert isinstance(view, TrainingView)
    view.set_data_loader(loader)
    view.set_config(TrainingConfig(batch_size=16, epochs=3))
    assert view.start()
    worker = view.worker()
    assert worker is not None
    return view, worker


def closed_after_waiting(window: MainWindow, worker: TrainingWorker) -> list[object]:
    """Close ``window``; the worker's thread has ended when close() returns. Returns the results list."""
    results: list[object] = []
    worker.sigFinished.connect(results.append)
    assert window.close()
    assert worker.is_finished(), "closing returned while the worker's thread still ran"
    return results


def test_closing_the_window_while_training_runs(qtbot: QtBot, window: MainWindow, steps: Gate) -> None:
    _view, worker = start_training(window, lambda: synthetic_splits())
    steps.allow(3)
    steps.wait_at_gate()
    steps.open_on_stop(worker)  # step 4, under way, ends when the stop comes
    results = closed_after_waiting(window, worker)
    qtbot.waitUntil(lambda: len(results) == 1)
    result: TrainingResult = results[0]
    assert result.stopped and result.step == 4 == steps.passed
    qtbot.waitUntil(lambda: running_workers() == ())


def test_closing_the_window_while_training_is_paused(qtbot: QtBot, window: MainWindow, steps: Gate) -> None:
    view, worker = start_training(window, lambda: synthetic_splits())
    steps.allow(2)
    steps.wait_at_gate()
    with qtbot.waitSignal(worker.sigHeld):
        view.pause_button.click()
        steps.allow(1)
    results = closed_after_waiting(window, worker)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].stopped and results[0].step == 3 == steps.passed
    qtbot.waitUntil(lambda: running_workers() == ())


def test_closing_the_window_during_the_first_step(qtbot: QtBot, window: MainWindow, steps: Gate) -> None:
    loader = GatedLoader(synthetic_splits())
    _view, worker = start_training(window, loader)
    assert loader.entered.wait(GATE_TIMEOUT_S)
    loader.gate.open_on_stop(worker)  # the loading ends a moment after Close, as a real one does
    results = closed_after_waiting(window, worker)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].stopped and results[0].step == 0 and results[0].model is None
    assert steps.passed == 0, "no training step after the stop"


def test_closing_the_window_during_evaluation(qtbot: QtBot, window: MainWindow, steps: Gate) -> None:
    view = window.show_page("evaluation")
    assert isinstance(view, EvaluationView)
    images, labels = random_test_set(2000)
    view.set_data_loader(lambda: (images, labels))
    steps.allow(1)
    assert view.evaluate()
    worker = view.worker()
    assert worker is not None
    steps.wait_at_gate()
    steps.open_on_stop(worker)
    results = closed_after_waiting(window, worker)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0] is None and steps.passed == 2


def test_closing_a_page_of_its_own_stops_its_worker(qtbot: QtBot) -> None:
    for view in (TrainingView(build(SMALL)), EvaluationView(build(SMALL))):
        qtbot.addWidget(view)
        loader = GatedLoader(synthetic_splits() if isinstance(view, TrainingView) else random_test_set())
        view.set_data_loader(loader)
        assert view.start() if isinstance(view, TrainingView) else view.evaluate()
        worker = view.worker()
        assert worker is not None and loader.entered.wait(GATE_TIMEOUT_S)
        loader.gate.open_on_stop(worker)
        view.show()
        assert view.close() and worker.is_finished()


def test_a_job_stuck_in_one_step_is_waited_for_only_so_long_and_never_destroyed(qtbot: QtBot) -> None:
    loader = GatedLoader(synthetic_splits())
    worker = TrainingWorker(build(SMALL), loader, TrainingConfig())
    results: list[TrainingResult] = []
    worker.sigFinished.connect(results.append)
    worker.start()
    assert loader.entered.wait(GATE_TIMEOUT_S)
    assert not stop_all_workers(timeout_ms=20), "the loading has not ended: the bounded wait gives up"
    assert worker in running_workers() and not worker.is_finished()
    loader.gate.open()
    assert worker.wait(10000)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].stopped and results[0].step == 0


# The real app, quit as a user does, in a process of its own: the exit status and Qt's messages show
# whether a thread was destroyed while running (Qt aborts the process then).
DRIVER = textwrap.dedent(
    """
    import sys, threading
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from explainer.gui import app as app_module
    from explainer.gui.mainwindow import MainWindow
    from test_gui_training import synthetic_splits

    CASE = sys.argv[1]
    qt = QApplication(["cnn-explainer"])
    never = threading.Event()

    def stuck_loader():
        never.wait()  # a disk that never answers

    def drive():
        window = next(w for w in qt.topLevelWidgets() if isinstance(w, MainWindow))
        view = window.show_page("training")
        view.set_data_loader(stuck_loader if CASE == "stuck" else synthetic_splits)
        assert view.start()
        worker = view.worker()
        if CASE == "stuck":
            QTimer.singleShot(0, window.quit_action.trigger)
            return
        def pause_once(_progress):
            worker.sigProgress.disconnect(pause_once)
            view.pause()
        worker.sigProgress.connect(pause_once)
        worker.sigHeld.connect(window.quit_action.trigger)  # Ctrl+Q while paused

    QTimer.singleShot(0, drive)
    sys.exit(app_module.main(["cnn-explainer"]))
    """
)


@pytest.mark.parametrize("case", ["paused", "stuck"])
def test_quitting_the_app_exits_cleanly(tmp_path: Path, case: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), str(ROOT), env.get("PYTHONPATH", "")])
    process = subprocess.run(
        [sys.executable, "-c", DRIVER, case], env=env, capture_output=True, text=True, timeout=90
    )
    assert process.returncode == 0, process.stderr
    assert "Destroyed while thread" not in process.stderr and "QThread" not in process.stderr
    stuck_message = "did not stop in time" in process.stderr
    assert stuck_message == (case == "stuck"), process.stderr
