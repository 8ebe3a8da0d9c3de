"""Predict, then reveal: every quiz answer comes from the trace, the score counts first answers, and the
questions are answered through the panel's widgets and keys."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explainer.core import Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential, pool_steps, reference_net
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.tour.quiz import QuizScore, build_questions, pool_question, relu_question, size_question
from explainer.gui.tour.stops import TourProblem, build_stops
from tests.test_tour import draw, drawn_two, panel, stop_position, window  # noqa: F401 (fixtures)


def problem_of(model: Sequential, x: np.ndarray | None = None) -> TourProblem:
    return TourProblem.make(model, synthetic_digit() if x is None else x, 3, from_sample=False)


def test_the_size_answer_is_the_recorded_output_shape(qapp) -> None:
    for padding, expected in ((1, "8×28×28"), (0, "8×26×26"), (2, "8×30×30")):
        side = (28 + 2 * padding - 2) // 2
        model = Sequential(
            [Conv2D(1, 8, 3, padding=padding), ReLU(), MaxPool2D(2), Flatten(), Dense(8 * side**2, 10)]
        )
        question = size_question(problem_of(model), 0)
        assert question.choices[question.answer] == expected
        assert len(set(question.choices)) == len(question.choices) >= 3


def test_the_relu_answer_is_whether_the_recorded_gradient_is_zero(qapp) -> None:
    answers = []
    for bias in (5.0, -5.0):
        model = Sequential([Conv2D(1, 2, 3, padding=1), ReLU(), Flatten(), Dense(2 * 28 * 28, 10)])
        model.layers[0].params["b"][:] = bias
        problem = problem_of(model)
        question = relu_question(problem, 1, 1)
        gradient = problem.trace.layers[1].grad_input[0, 1, 14, 14]
        assert question.answer == (0 if gradient == 0 else 1)
        answers.append(question.answer)
    assert answers == [1, 0], "a positive input passes the gradient (not zero), a negative one stops it"


def test_the_pool_answer_is_the_window_that_pools_to_the_value(qapp) -> None:
    model = Sequential([Conv2D(1, 4, 3, padding=1), ReLU(), MaxPool2D(2), Flatten(), Dense(4 * 14 * 14, 10)])
    seen = set()
    for x in (synthetic_digit(), synthetic_digit().T.copy(), np.roll(synthetic_digit(), 5, axis=1)):
        problem = problem_of(model, x)
        question = pool_question(problem, 2, 1)
        record = problem.trace.layers[2]
        value = record.output[0, 1].max()
        windows = {
            ", ".join(f"{v:.2f}".replace("-", "\u2212") for v in step.window.ravel()): step.window.max()
            for step in pool_steps(record.input[0, 1], 2, 2, "max")
        }
        pooled = [windows[choice] for choice in question.choices]
        assert np.isclose(pooled[question.answer], value)
        assert sum(np.isclose(p, value) for p in pooled) == 1, "exactly one window gives the value"
        seen.add(question.choices[question.answer])
    assert len(seen) == 3, "another digit, another window"


def test_questions_sit_at_the_maps_relu_and_pool_stops(qapp) -> None:
    problem = problem_of(reference_net())
    assert set(build_questions(problem, build_stops(problem))) == {"maps", "relu", "pool"}


def test_the_score_counts_the_first_answer_of_each_question() -> None:
    score = QuizScore()
    score.record("maps", False)
    score.record("maps", True)
    score.record("pool", True)
    assert (score.right, score.answered) == (1, 2)


def test_answering_through_the_panel(window, panel, qtbot) -> None:  # noqa: F811
    draw(window, qtbot, drawn_two())
    panel.start(resume=False)
    controller = panel.controller
    assert panel.score_label.text() == "Score: 0 of 0 right"

    controller.go(stop_position(panel, "maps"))
    question = controller.question()
    stop = controller.current()
    assert panel.quiz_box.isVisible() and panel.question_label.text() == question.prompt
    assert panel.narration.text() != stop.text, "the narration waits for the answer"
    assert controller.detail_view() is None, "so does the view that shows it"
    wrong = (question.answer + 1) % len(question.choices)
    QTest.mouseClick(panel.choice_buttons[wrong], Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert panel.result_label.text().startswith("Not quite")
    assert question.choices[question.answer] in panel.result_label.text()
    assert panel.narration.text() == stop.text and not panel.check_button.isEnabled()
    assert type(controller.detail_view()).__name__ == "MapDetailDialog"
    assert panel.score_label.text() == "Score: 0 of 1 right"

    # Keyboard only, as a teacher at a projector: the digit key chooses, Enter checks, Right goes on.
    QTest.keyClick(panel, Qt.Key.Key_Right)
    while controller.current().key != "relu":
        QTest.keyClick(panel, Qt.Key.Key_Right)
    question = controller.question()
    panel.setFocus()
    QTest.keyClick(panel, Qt.Key.Key_1 + question.answer)
    assert panel.choice_buttons[question.answer].isChecked()
    QTest.keyClick(panel, Qt.Key.Key_Return)
    assert panel.result_label.text().startswith("Right!")
    assert panel.score_label.text() == "Score: 1 of 2 right"
    assert controller.answer(1 - question.answer) is None, "a question is scored once"

    panel.start(resume=False)
    assert panel.score_label.text() == "Score: 0 of 0 right", "each run of the tour keeps its own score"
