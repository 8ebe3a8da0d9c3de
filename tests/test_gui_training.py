"""The training worker and panel: progress, snapshots, pause, stop, errors, settings; model files."""

from __future__ import annotations

import gc
import os
import threading
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from gates import GATE_TIMEOUT_S, Gate, GatedLoader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from explainer.architectures import ArchitectureSpec, build
from explainer.core import Sequential
from explainer.gui import training_worker
from explainer.gui.jobs import running_workers, stop_all_workers
from explainer.gui.mainwindow.modelfiles import read_model, write_model
from explainer.gui.pages import training as training_view
from explainer.gui.pages.training import DataFolderPicker, TrainingView, format_duration
from explainer.gui.state import DataSource
from explainer.gui.training_worker import TrainingConfig, TrainingResult, TrainingWorker
from explainer.modelio import load_model, save_model
from explainer.train import Progress

# A small network: steps take milliseconds, so pause and stop are checked at many step boundaries.
SMALL = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), kernel_size=3, padding="same")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every training step waits at this gate for the test to let it through (validation passes freely)."""
    gate = Gate()
    real = training_worker.train_iter

    def gated(*args: object, **kwargs: object) -> Iterator[Progress]:
        return gate.wrap(real(*args, **kwargs), free=lambda progress: progress.phase == "validate")

    monkeypatch.setattr(training_worker, "train_iter", gated)
    yield gate
    gate.open()  # a test that failed half-way leaves no worker waiting here


# QSettings of every test here live in its own temp folder, never in the user's.
pytestmark = pytest.mark.usefixtures("settings")


def synthetic_splits(n_train: int = 256, n_val: int = 64, seed: int = 0) -> tuple:
    """Learnable random digits: class k has a bright bar in row band k.

    Shape:
        train images ``(n_train, 28, 28)`` uint8, labels ``(n_train,)`` uint8; same for validation.
    """
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n_train + n_val).astype(np.uint8)
    images = rng.integers(0, 60, (n_train + n_val, 28, 28)).astype(np.uint8)
    for i, label in enumerate(labels):
        images[i, 2 + 2 * label : 4 + 2 * label, 4:24] = 255
    return (images[:n_train], labels[:n_train]), (images[n_train:], labels[n_train:])


def run_worker(qtbot: QtBot, worker: TrainingWorker, timeout: int = 60000) -> TrainingResult:
    """Start ``worker`` and wait for its result (sigFinished comes once its thread has ended)."""
    with qtbot.waitSignal(worker.sigFinished, timeout=timeout) as blocker:
        worker.start()
    assert worker.is_finished()
    return blocker.args[0]


def weights(model: Sequential) -> list[np.ndarray]:
    return [p.copy() for layer in model.layers for p in layer.params.values()]


def test_worker_trains_a_copy_and_reports_every_step(qtbot: QtBot) -> None:
    data = synthetic_splits()
    model = build(SMALL)
    before = weights(model)
    worker = TrainingWorker(model, lambda: data, TrainingConfig(batch_size=32, epochs=2, snapshot_every=3))
    progress: list[Progress] = []
    snapshots: list[Sequential] = []
    worker.sigProgress.connect(progress.append)
    worker.sigSnapshot.connect(snapshots.append)
    result = run_worker(qtbot, worker)

    steps = [p.step for p in progress if p.val_accuracy is None]
    assert steps == list(range(1, 17))  # 256 / 32 = 8 steps per epoch, 2 epochs
    epoch_ends = [p for p in progress if p.val_accuracy is not None]
    assert [p.epoch for p in epoch_ends] == [1, 2] and epoch_ends[-1].done
    assert all(0.0 <= p.val_accuracy <= 1.0 for p in epoch_ends)
    # Every 3 steps and at each epoch end (step 8 and 16), never twice for the same step.
    assert len(snapshots) == len({3, 6, 8, 9, 12, 15, 16})
    assert all(not s.training for s in snapshots) and len({id(s) for s in snapshots}) == len(snapshots)
    assert result.completed and not result.stopped and result.error is None
    assert result.val_accuracy == max(p.val_accuracy for p in epoch_ends)
    # The caller's model is untouched; the result is trained.
    assert all(np.array_equal(a, b) for a, b in zip(before, weights(model), strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(before, weights(result.model), strict=True))
    assert progress[-1].loss < progress[0].loss


class CountingLoader:
    """Returns ``data`` and counts the calls (the loading that a pause or stop before it must skip)."""

    def __init__(self, data: tuple) -> None:
        self.data = data
        self.calls = 0

    def __call__(self) -> tuple:
        self.calls += 1
        return self.data


def train_steps(progress: list[Progress]) -> list[int]:
    return [p.step for p in progress if p.phase == "train"]


def test_pause_holds_after_the_step_under_way_and_resume_goes_on(qtbot: QtBot, steps: Gate) -> None:
    loader = CountingLoader(synthetic_splits())
    worker = TrainingWorker(build(SMALL), loader, TrainingConfig(batch_size=16, epochs=1))  # 16 steps
    progress: list[Progress] = []
    worker.sigProgress.connect(progress.append)
    worker.pause()
    with qtbot.waitSignal(worker.sigHeld):
        worker.start()
    # Paused before it began: held before loading the data.
    assert loader.calls == 0 and progress == [] and worker.is_paused()
    worker.resume()
    steps.allow(3)
    steps.wait_at_gate()  # step 4 is under way
    with qtbot.waitSignal(worker.sigHeld):
        worker.pause()
        steps.allow(1)  # the step under way when Pause came ends
    assert train_steps(progress) == [1, 2, 3, 4] and steps.passed == 4
    steps.allow(100)
    QApplication.processEvents()
    assert steps.passed == 4 and len(progress) == 4, "a held worker takes no step, whatever the gate allows"
    with qtbot.waitSignal(worker.sigFinished) as blocker:
        worker.resume()
    assert blocker.args[0].completed and worker.is_finished()
    assert train_steps(progress) == list(range(1, 17)) and loader.calls == 1


def test_stop_ends_after_the_step_under_way_and_keeps_it(qtbot: QtBot, steps: Gate) -> None:
    data = synthetic_splits()
    model = build(SMALL)
    worker = TrainingWorker(model, lambda: data, TrainingConfig(batch_size=16, epochs=5, snapshot_every=5))
    progress: list[Progress] = []
    worker.sigProgress.connect(progress.append)
    steps.allow(8)
    worker.start()
    steps.wait_at_gate()  # step 9 is under way
    with qtbot.waitSignal(worker.sigFinished) as blocker:
        worker.stop()
        steps.allow(1)  # the step under way
    assert worker.is_finished()
    result: TrainingResult = blocker.args[0]
    assert result.stopped and not result.completed
    assert result.step == progress[-1].step == steps.passed == 9 < progress[-1].steps_total
    assert result.model is not None and not result.model.training
    assert all(np.all(np.isfinite(p)) for p in weights(result.model))
    x = data[1][0][:8].reshape(8, 1, 28, 28) / 255.0
    assert np.all(np.isfinite(result.model.predict_proba(x)))


def test_stop_while_paused_ends_the_pause(qtbot: QtBot) -> None:
    loader = CountingLoader(synthetic_splits())
    worker = TrainingWorker(build(SMALL), loader, TrainingConfig(epochs=3))
    worker.pause()
    with qtbot.waitSignal(worker.sigHeld):
        worker.start()
    with qtbot.waitSignal(worker.sigFinished) as blocker:
        worker.stop()
    result: TrainingResult = blocker.args[0]
    assert result.stopped and result.model is None and result.step == 0
    assert worker.is_finished() and loader.calls == 0


def test_stop_before_start_ends_at_once_and_a_worker_runs_once(qtbot: QtBot) -> None:
    loader = CountingLoader(synthetic_splits())
    worker = TrainingWorker(build(SMALL), loader, TrainingConfig())
    worker.stop()
    assert worker.wait(0) and not worker.is_finished()  # nothing to wait for yet
    with qtbot.waitSignal(worker.sigFinished) as blocker:
        worker.start()
    result: TrainingResult = blocker.args[0]
    assert result.stopped and result.model is None and result.step == 0 and loader.calls == 0
    with pytest.raises(RuntimeError, match="only once"):
        worker.start()


def test_every_signal_reaches_plain_callables_on_the_ui_thread(qtbot: QtBot) -> None:
    """Lambdas and pytest-qt's blocker run where the test runs: a signal delivered on the worker thread
    stopped the blocker's timer from the wrong thread and hung the test for good."""
    ui = threading.get_ident()
    (images, labels), val = synthetic_splits()
    good = TrainingWorker(build(SMALL), lambda: ((images, labels), val), TrainingConfig(snapshot_every=2))
    bad = TrainingWorker(build(SMALL), lambda: ((images, labels + 10), val), TrainingConfig())
    seen: dict[str, set[int]] = {}

    def record(name: str) -> Callable[..., None]:
        return lambda *_args: seen.setdefault(name, set()).add(threading.get_ident())

    for worker in (good, bad):
        for name in ("sigProgress", "sigSnapshot", "sigHeld", "sigError", "sigFinished"):
            getattr(worker, name).connect(record(name))
    good.pause()
    with qtbot.waitSignal(good.sigHeld):
        good.start()
    with qtbot.waitSignals([good.sigFinished, bad.sigFinished]):
        good.resume()
        bad.start()
    assert set(seen) == {"sigProgress", "sigSnapshot", "sigHeld", "sigError", "sigFinished"}
    assert all(threads == {ui} for threads in seen.values()), seen


def test_a_dropped_worker_keeps_its_thread_until_it_has_finished(qtbot: QtBot) -> None:
    loader = GatedLoader(synthetic_splits())
    worker = TrainingWorker(build(SMALL), loader, TrainingConfig())
    finished: list[TrainingResult] = []
    worker.sigFinished.connect(finished.append)
    loader.gate.open_on_stop(worker)
    worker.start()
    assert loader.entered.wait(GATE_TIMEOUT_S)
    ref = weakref.ref(worker)
    del worker
    gc.collect()
    assert ref() in running_workers(), "the running worker must outlive its last user reference"
    assert stop_all_workers(5000)
    qtbot.waitUntil(lambda: len(finished) == 1)
    assert finished[0].stopped and finished[0].step == 0
    qtbot.waitUntil(lambda: ref() is None)  # released once its thread has ended


def test_bad_data_is_reported_not_raised(qtbot: QtBot) -> None:
    (images, labels), val = synthetic_splits()
    bad_labels = labels.astype(np.int64) + 10  # out of range for 10 classes
    worker = TrainingWorker(build(SMALL), lambda: ((images, bad_labels), val), TrainingConfig())
    errors: list[str] = []
    worker.sigError.connect(errors.append)
    result = run_worker(qtbot, worker)
    assert errors and "labels must be integers in 0..9" in errors[0]
    assert result.error == errors[0] and result.model is None and not result.completed


def test_training_view_runs_and_hands_over_snapshots(qtbot: QtBot) -> None:
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    assert view.objectName() == "training"
    view.set_data_loader(lambda: synthetic_splits())
    view.set_config(TrainingConfig(optimizer="sgd", lr=0.05, batch_size=32, epochs=2, snapshot_every=4))
    view.show()
    updates: list[Sequential] = []
    running: list[bool] = []
    view.sigModelProduced.connect(updates.append)
    view.sigRunningChanged.connect(running.append)
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        assert view.start()
        assert not view.start_button.isEnabled() and view.stop_button.isEnabled()
        assert not view.batch_spin.isEnabled()
    result: TrainingResult = blocker.args[0]
    assert result.completed
    assert running == [True, False] and not view.is_running()
    assert updates and updates[-1] is result.model
    assert view.progress_bar.value() == 1000
    assert "2/2" in view.progress_bar.format()
    assert "Done" in view.status_label.text()
    curves = view._curves
    assert curves is not None and curves.n == 16 and len(curves.val) == 2
    assert view.start_button.isEnabled() and view.batch_spin.isEnabled()
    # The next run starts from the kept model.
    assert view._model is result.model


def test_training_view_pause_and_stop_buttons(qtbot: QtBot, steps: Gate) -> None:
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view.set_data_loader(lambda: synthetic_splits())
    view.set_config(TrainingConfig(batch_size=16, epochs=5))
    progress: list[int] = []
    steps.allow(2)
    view.start()
    worker = view.worker()
    assert worker is not None
    worker.sigProgress.connect(lambda p: progress.append(p.step))
    steps.wait_at_gate()  # step 3 is under way
    with qtbot.waitSignal(worker.sigHeld):
        view.pause_button.click()
        assert worker.is_paused() and view.pause_button.text() == "Resume"
        steps.allow(1)
    view.pause_button.click()
    assert not worker.is_paused() and view.pause_button.text() == "Pause"
    steps.wait_at_gate()  # step 4 is under way
    with qtbot.waitSignal(view.sigFinished) as blocker:
        view.stop_button.click()
        steps.allow(1)
    assert blocker.args[0].stopped and blocker.args[0].step == 4 == progress[-1]
    assert "Stopped after step" in view.status_label.text() and not view.is_running()


def test_training_view_without_data_folder_explains(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DataSource, "folder", lambda self: None)
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    assert not view.start()
    assert "MNIST" in view.status_label.text() and not view.is_running()


def test_the_data_folder_is_shared_by_the_panels(qtbot: QtBot, tmp_path: Path) -> None:
    source = DataSource()
    training = TrainingView(build(SMALL))
    qtbot.addWidget(training)
    training.set_data_source(source)
    chosen: list[Path] = []
    source.sigFolderChanged.connect(chosen.append)
    picker = DataFolderPicker(source)
    qtbot.addWidget(picker)
    source.set_folder(tmp_path / "mnist")
    assert chosen == [tmp_path / "mnist"] and source.folder() == tmp_path / "mnist"
    assert str(tmp_path / "mnist") in picker._path.text()
    assert str(tmp_path / "mnist") in training.data_picker._path.text()


def test_saved_model_reloads_with_identical_predictions(qtbot: QtBot, tmp_path: Path) -> None:
    model = build(ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(3,), dense=(8,), dropout=0.2))
    path = tmp_path / "mine.npz"
    assert write_model(model, path, pytest.fail)
    loaded = read_model(path, pytest.fail)
    assert loaded is not None
    x = np.random.default_rng(1).random((5, 1, 28, 28), dtype=np.float32)
    np.testing.assert_array_equal(loaded.predict_proba(x), model.predict_proba(x))
    assert [layer.name for layer in loaded.layers] == [layer.name for layer in model.layers]


def test_bad_model_file_names_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    warnings: list[tuple[str, str]] = []
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file at all")
    assert read_model(path, lambda title, text: warnings.append((title, text))) is None
    assert len(warnings) == 1 and "broken.npz" in warnings[0][1]


def test_failed_save_keeps_the_old_file(qtbot: QtBot, tmp_path: Path) -> None:
    warnings: list[tuple[str, str]] = []

    def report(title: str, text: str) -> None:
        warnings.append((title, text))

    good = build(SMALL)
    path = tmp_path / "model.npz"
    save_model(good, path)
    broken = good.copy()
    broken.layers[0].params["W"][0, 0, 0, 0] = np.nan
    assert not write_model(broken, path, report)
    assert len(warnings) == 1 and "model.npz" in warnings[0][1] and "NaN" in warnings[0][1]
    x = np.ones((1, 1, 28, 28), np.float32)
    np.testing.assert_array_equal(load_model(path).predict_proba(x), good.predict_proba(x))
    assert not write_model(good, tmp_path / "no such folder" / "model.npz", report)
    assert len(warnings) == 2 and "no such folder" in warnings[1][1], "the message names the file"


def test_format_duration() -> None:
    assert format_duration(0) == "0:00"
    assert format_duration(59.2) == "1:00"
    assert format_duration(61) == "1:01"
    assert format_duration(3725) == "1:02:05"


def test_starting_does_not_shift_the_plots(qtbot: QtBot) -> None:
    """The status line keeps its height from empty to a message, in either script, so the plots stay put
    (moving them repainted both in full and stalled the UI as training began)."""
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view.set_data_loader(lambda: synthetic_splits())
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view._plots is not None and view._plots[0].y() > 0)  # created and laid out
    geometry = [plot.geometry() for plot in view._plots]
    for text in ("Training…", "训练中…"):
        view.status_label.setText(text)
        qtbot.wait(20)  # the layout settles
        assert [plot.geometry() for plot in view._plots] == geometry, text


def test_the_status_line_says_which_loss_it_shows(qtbot: QtBot) -> None:
    # The last batch's loss and the epoch's mean are different numbers: each is labelled as what it is.
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view._show_speed(Progress(1, 7, 20, 0.0604, 0.98, 500.0), 3.0, None)
    assert "loss of the last batch 0.060" in view.speed_label.text()
    view._show_speed(Progress(1, 10, 20, 0.1851, 0.94, 500.0, 0.95, False, "validate"), 5.0, None)
    assert "mean loss of epoch 1 0.185" in view.speed_label.text()
    view._curves = training_view._Curves(20)
    for step, loss in enumerate((0.5, 0.1), start=1):
        view._curves.add(Progress(1, step, 20, loss, 0.9, 500.0), 20.0)
    view._show_speed(Progress(1, 2, 20, 0.1, 0.9, 500.0), 1.0, None)
    average = view._curves.loss_avg[1]
    assert 0.1 < average < 0.5
    assert f"loss of the last batch 0.100, moving average {average:.3f}" in view.speed_label.text()
