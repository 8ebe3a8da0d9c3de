"""The evaluation panel: confusion matrix, per-class accuracy, misclassified digits, the test set."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from gates import Gate
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from explainer.architectures import ArchitectureSpec, build
from explainer.core import Dense, Flatten, Sequential
from explainer.gui.pages import testset as evaluation_view
from explainer.gui.pages.testset import (
    EVAL_BATCH,
    EvaluationProgress,
    EvaluationResult,
    EvaluationView,
    EvaluationWorker,
    confusion_matrix,
    evaluate_iter,
)
from explainer.gui.state import DataSource


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every batch of an evaluation waits at this gate for the test to let it through."""
    gate = Gate()
    real = evaluation_view.evaluate_iter

    def gated(*args: object, **kwargs: object) -> Iterator[EvaluationProgress]:
        return gate.wrap(real(*args, **kwargs), free=lambda report: report.result is not None)

    monkeypatch.setattr(evaluation_view, "evaluate_iter", gated)
    yield gate
    gate.open()  # a test that failed half-way leaves no worker waiting here


# QSettings of every test here live in its own temp folder, never in the user's.
pytestmark = pytest.mark.usefixtures("settings")


def random_test_set(n: int = 300, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random digits and labels (the counts, not the accuracy, are what these tests check).

    Shape:
        images ``(n, 28, 28)`` uint8, labels ``(n,)`` uint8.
    """
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 28, 28)).astype(np.uint8), rng.integers(0, 10, n).astype(np.uint8)


def linear_model() -> Sequential:
    """A one-layer classifier: fast enough for the whole MNIST test set in a test."""
    return Sequential([Flatten(), Dense(784, 10, rng=np.random.default_rng(0))])


def test_confusion_matrix_counts_pairs() -> None:
    labels = np.array([0, 0, 1, 2, 2, 2])
    predictions = np.array([0, 1, 1, 2, 0, 2])
    expected = np.array([[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    np.testing.assert_array_equal(confusion_matrix(labels, predictions, 3), expected)


def test_evaluate_iter_reports_batches_and_matches_the_model() -> None:
    images, labels = random_test_set(130)
    model = build(ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(3,)))
    reports = list(evaluate_iter(model, images, labels, batch_size=50))
    assert [r.done for r in reports] == [50, 100, 130] and reports[-1].result is not None
    result = reports[-1].result
    expected = model.predict_proba(images.reshape(130, 1, 28, 28) / 255.0).argmax(axis=1)
    np.testing.assert_array_equal(result.predictions, expected)
    assert result.confusion.sum() == 130
    assert result.accuracy == pytest.approx(np.mean(expected == labels))
    per_class = result.class_accuracy()
    for k in range(10):
        assert per_class[k] == pytest.approx(np.mean(expected[labels == k] == k))
    wrong = result.mistakes()
    assert set(wrong) == set(np.flatnonzero(expected != labels))
    assert np.all(np.diff(result.confidence[wrong]) <= 0)  # most confident first
    assert all(result.labels[i] == 3 and result.predictions[i] == 5 for i in result.mistakes(3, 5))


def test_view_evaluates_and_opens_a_mistake(qtbot: QtBot) -> None:
    images, labels = random_test_set()
    view = EvaluationView(build(ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(3,))))
    qtbot.addWidget(view)
    assert view.objectName() == "evaluation"
    view.set_data_loader(lambda: (images, labels))
    view.resize(1100, 760)
    view.show()
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        assert view.evaluate()
    result: EvaluationResult = blocker.args[0]
    assert result.confusion.sum() == len(labels) == 300
    assert view.result() is result
    assert "of 300 test images" in view.summary_label.text()
    assert view.mistakes_model.rowCount() == len(result.mistakes())

    opened: list[tuple[np.ndarray, int]] = []
    view.sigOpenDigit.connect(lambda image, label: opened.append((image, label)))
    index = view.mistakes_model.index(0, 0)
    rect = view.mistakes_view.visualRect(index)
    qtbot.mouseClick(view.mistakes_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    first = int(result.mistakes()[0])
    assert len(opened) == 1
    image, label = opened[0]
    assert image.dtype == np.float32 and image.shape == (28, 28)
    np.testing.assert_allclose(image, images[first] / 255.0, rtol=1e-6)
    assert label == labels[first]


def test_clicking_a_cell_lists_its_mistakes(qtbot: QtBot) -> None:
    images, labels = random_test_set()
    view = EvaluationView(build(ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(3,))))
    qtbot.addWidget(view)
    view.set_data_loader(lambda: (images, labels))
    view.resize(1100, 760)
    view.show()
    with qtbot.waitSignal(view.sigFinished, timeout=60000):
        view.evaluate()
    result = view.result()
    assert result is not None
    true, predicted = np.argwhere((result.confusion > 0) & ~np.eye(10, dtype=bool))[0]
    centre = view.matrix.cell_rect(int(true), int(predicted)).center()
    qtbot.mouseClick(view.matrix, Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y())))
    assert view.mistakes_model.rowCount() == result.confusion[true, predicted]
    assert view.all_button.isEnabled()
    view.all_button.click()
    assert view.mistakes_model.rowCount() == len(result.mistakes())


def test_stopped_evaluation_gives_no_result(qtbot: QtBot) -> None:
    images, labels = random_test_set(2000)
    worker = EvaluationWorker(linear_model(), lambda: (images, labels))
    worker.pause()
    with qtbot.waitSignal(worker.sigHeld):
        worker.start()
    with qtbot.waitSignal(worker.sigFinished) as blocker:
        worker.stop()
    assert blocker.args[0] is None and worker.is_finished()


def test_stop_keeps_the_results_shown_before(qtbot: QtBot, batches: Gate) -> None:
    images, labels = random_test_set(2000)
    view = EvaluationView(linear_model())
    qtbot.addWidget(view)
    view.set_data_loader(lambda: (images, labels))
    batches.allow(2000 // EVAL_BATCH - 1)  # the last batch's report carries the result and passes freely
    with qtbot.waitSignal(view.sigFinished) as first:
        assert view.evaluate()
    assert first.args[0] is not None
    batches.allow(1)
    assert view.evaluate() and not view.evaluate_button.isEnabled()
    batches.wait_at_gate()  # the second batch is under way
    qtbot.waitUntil(lambda: view.progress_bar.format() == f"{EVAL_BATCH} of 2,000 images")
    with qtbot.waitSignal(view.sigFinished) as second:
        view.stop_button.click()
        batches.allow(1)
    assert second.args[0] is None and batches.passed == 2000 // EVAL_BATCH - 1 + 2
    assert view.result() is first.args[0] and "Stopped" in view.status_label.text()
    assert view.evaluate_button.isEnabled() and not view.stop_button.isEnabled()


def test_missing_test_files_are_reported(qtbot: QtBot, tmp_path: Path) -> None:
    view = EvaluationView(linear_model(), DataSource(folder=tmp_path))  # an empty folder
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sigFinished, timeout=10000) as blocker:
        assert view.evaluate()
    assert blocker.args[0] is None
    assert str(tmp_path) in view.status_label.text() and "failed" in view.status_label.text()


def test_confusion_matrix_of_the_whole_mnist_test_set(qtbot: QtBot, mnist_directory: Path) -> None:
    view = EvaluationView(linear_model(), DataSource(folder=mnist_directory))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        assert view.evaluate()
    result: EvaluationResult = blocker.args[0]
    assert result.confusion.sum() == 10000
    np.testing.assert_array_equal(result.confusion.sum(axis=1), np.bincount(result.labels, minlength=10))
    assert "of 10,000 test images" in view.summary_label.text()
