"""Batch, stochastic and mini-batch gradient descent: one initialisation, x axes that count examples, and
the page's worker driven through gates (never sleeps)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from gates import Gate
from pytestqt.qtbot import QtBot

from explainer.core.descent import METHODS, DescentRace, descent_net
from explainer.errors import BadInputError
from explainer.gui.pages.descent import DescentData, DescentResult, DescentView, subset_loader
from explainer.gui.state import DataSource


def tiny_subset(n: int = 23, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.random((n, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, n)


def weights(model) -> list[np.ndarray]:
    return [value for layer in model.layers for _key, value in sorted(layer.params.items())]


def test_the_three_runs_start_from_bit_identical_weights_and_leave_the_model_alone() -> None:
    net = descent_net(np.random.default_rng(5))
    before = [w.copy() for w in weights(net)]
    images, labels = tiny_subset()
    race = DescentRace(net, images, labels, batch_size=4, lr=0.1)
    for method in METHODS:
        for mine, theirs in zip(weights(race.runs[method].model), before, strict=True):
            assert mine.tobytes() == theirs.tobytes()
    starts = list(race.steps(1))[:3]
    assert [point.method for point in starts] == list(METHODS)
    assert len({point.full_loss for point in starts}) == 1  # one loss: the same weights
    list(race.steps(1))
    assert all(a.tobytes() == b.tobytes() for a, b in zip(weights(net), before, strict=True))
    moved = [weights(race.runs[method].model)[0] for method in METHODS]
    assert not np.array_equal(moved[0], moved[1]) and not np.array_equal(moved[1], moved[2])


def test_examples_seen_count_every_batch_and_the_runs_stay_level() -> None:
    images, labels = tiny_subset(23)
    race = DescentRace(descent_net(), images, labels, batch_size=5, lr=0.05, eval_every=23)
    points = list(race.steps(2))
    by_method = {method: [p for p in points if p.method == method] for method in METHODS}
    assert [p.examples for p in by_method["batch"]] == [0, 23, 46]
    assert [p.examples for p in by_method["sgd"]] == list(range(47))
    # 23 = 5 + 5 + 5 + 5 + 3: the last batch of each pass is smaller, and each pass reshuffles.
    assert [p.examples for p in by_method["minibatch"]] == [0, 5, 10, 15, 20, 23, 28, 33, 38, 43, 46]
    assert [p.step for p in by_method["minibatch"]] == list(range(11))
    assert race.updates_per_epoch("minibatch") == 5 and race.updates_per_epoch("sgd") == 23
    # Always the run furthest behind goes next, so no run is ever more than one update ahead of the rest.
    seen = dict.fromkeys(METHODS, 0)
    for point in points[3:]:
        assert seen[point.method] == min(seen.values())
        seen[point.method] = point.examples
    # The whole-subset loss is measured at the start and at each pass; seconds only grow.
    assert [p.examples for p in by_method["sgd"] if p.full_loss is not None] == [0, 23, 46]
    for run in by_method.values():
        assert np.all(np.diff([p.seconds for p in run]) >= 0)


def test_sgd_and_mini_batch_see_the_images_in_the_same_shuffled_order() -> None:
    images, labels = tiny_subset(12)
    race = DescentRace(descent_net(), images, labels, batch_size=4)
    sgd = np.concatenate([race._next_batch(race.runs["sgd"]) for _ in range(12)])
    mini = np.concatenate([race._next_batch(race.runs["minibatch"]) for _ in range(3)])
    assert np.array_equal(sgd, mini) and sorted(sgd) == list(range(12))


def test_bad_settings_are_refused() -> None:
    images, labels = tiny_subset(5)
    with pytest.raises(ValueError, match="mini-batch size"):
        DescentRace(descent_net(), images, labels, batch_size=6)
    with pytest.raises(ValueError, match="as many labels"):
        DescentRace(descent_net(), images, labels[:3])


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every update of the race waits for the test's go (the starting points pass freely)."""
    gate = Gate()
    real = DescentRace.steps
    monkeypatch.setattr(
        DescentRace, "steps", lambda race, epochs=3: gate.wrap(real(race, epochs), free=lambda p: p.step == 0)
    )
    yield gate
    gate.open()  # a test that failed half-way leaves no worker waiting here


def fixed_data() -> DescentData:
    rng = np.random.default_rng(1)
    return DescentData(rng.integers(0, 256, (20, 28, 28), dtype=np.uint8), rng.integers(0, 10, 20), False)


def make_view(qtbot: QtBot) -> DescentView:
    view = DescentView()
    qtbot.addWidget(view)
    view.set_data_loader(fixed_data)
    view.batch_spin.setValue(4)
    view.epochs_spin.setValue(1)
    return view


def test_the_page_draws_each_update_as_the_gate_lets_it_through(qtbot: QtBot, updates: Gate) -> None:
    view = make_view(qtbot)
    assert view.start()
    updates.wait_at_gate()
    qtbot.waitUntil(lambda: all(len(view.points(method)) == 1 for method in METHODS))
    assert "20 bundled sample images" in view.data_label.text()
    updates.allow(3)  # full batch (20 examples), then SGD and mini-batch (both at 0) go next
    updates.wait_at_gate()
    qtbot.waitUntil(lambda: sum(len(view.points(method)) for method in METHODS) == 6)
    view.redraw()
    assert view.curve("batch", "batch")[0].tolist() == [20.0]
    assert view.curve("sgd", "batch")[0].tolist() == [1.0]
    assert view.curve("minibatch", "batch")[0].tolist() == [4.0]
    assert view.curve("batch", "full")[0].tolist() == [0.0, 20.0]
    view.set_axis("seconds")
    seconds, _losses = view.curve("batch", "full")
    assert seconds[0] == 0.0 and seconds[1] == view.points("batch")[-1].seconds > 0
    assert view._summary_cells[("updates", "sgd")].text() == "1"
    with qtbot.waitSignal(view.sigFinished) as finished:
        updates.open()
    assert finished.args[0] == DescentResult(True, False)
    assert [p.examples for p in view.points("sgd")] == list(range(21))
    assert "20 images" in view.cost_label.text() and not view.is_running()


def test_pause_holds_after_the_update_under_way_and_stop_ends_the_race(qtbot: QtBot, updates: Gate) -> None:
    view = make_view(qtbot)
    view.start()
    updates.allow(2)
    updates.wait_at_gate()
    view.pause()
    assert view.pause_button.text() == "Resume"
    updates.allow(1)  # the update under way when Pause came still finishes, then the worker holds
    with qtbot.waitSignal(view.worker().sigHeld):
        pass
    qtbot.waitUntil(lambda: sum(len(view.points(method)) for method in METHODS) == 6)
    assert view.worker().is_paused()
    view.resume()
    updates.allow(1)
    updates.wait_at_gate()
    updates.open_on_stop(view.worker())
    with qtbot.waitSignal(view.sigFinished) as finished:
        view.stop()
    assert finished.args[0] == DescentResult(False, True)
    assert sum(len(view.points(method)) for method in METHODS) == 8  # the update at the gate finished
    assert view.start_button.isEnabled() and "Stopped" in view.status_label.text()


def test_without_a_data_folder_the_bundled_samples_are_used(tmp_path) -> None:
    source = DataSource(folder=tmp_path)  # an empty folder: the training files are missing
    data = subset_loader(source, 30)()
    assert not data.from_folder and len(data.images) == 30 and data.images.shape[1:] == (28, 28)


def test_a_diverging_run_stops_with_the_reason() -> None:
    images, labels = tiny_subset(8)
    images[5, 0, 3, 3] = np.inf  # what weights blown up by too large a step give: a loss that is not finite
    race = DescentRace(descent_net(), images, labels, batch_size=2)
    with pytest.raises(FloatingPointError, match="lower the learning rate"), np.errstate(invalid="ignore"):
        race.update("batch")


def test_a_failed_load_is_reported_and_the_page_can_start_again(qtbot: QtBot) -> None:
    view = make_view(qtbot)

    def broken() -> DescentData:
        raise BadInputError("samples.npz: cannot read sample file (truncated)")

    view.set_data_loader(broken)
    with qtbot.waitSignal(view.sigFinished) as finished:
        view.start()
    assert finished.args[0].error is not None and not finished.args[0].completed
    assert "truncated" in view.status_label.text() and view.start_button.isEnabled()
