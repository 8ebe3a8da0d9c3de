"""The engine's hand-over of parallel parts to its helper threads (``ops.run_workers``): every part runs
once, errors reach the caller after all parts finished, and a second caller or a nested call runs its
parts itself instead of waiting for busy helpers."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from explainer import core
from explainer.core import ops


def test_every_part_runs_once_and_the_helpers_are_reused() -> None:
    lock = threading.Lock()
    for workers in (1, 2, 3):
        seen: list[int] = []

        def work(worker: int, seen: list[int] = seen) -> None:
            with lock:
                seen.append(worker)

        ops.run_workers(work, workers)
        helpers = list(ops._helpers)
        for _ in range(49):
            ops.run_workers(work, workers)
        assert sorted(seen) == sorted(list(range(workers)) * 50)
        assert ops._helpers == helpers and len(helpers) >= workers - 1


@pytest.mark.parametrize("failing", [0, 1])
def test_an_error_in_any_part_is_raised_after_every_part_finished(failing: int) -> None:
    finished: list[int] = []

    def work(worker: int) -> None:
        if worker == failing:
            raise ArithmeticError(f"part {worker}")
        finished.append(worker)

    with pytest.raises(ArithmeticError, match=f"part {failing}"):
        ops.run_workers(work, 2)
    assert finished == [1 - failing]
    ops.run_workers(lambda worker: finished.append(worker), 2)  # the helpers still work afterwards
    assert sorted(finished[1:]) == [0, 1]


def test_a_nested_region_runs_its_parts_in_the_calling_thread() -> None:
    inner: list[tuple[int, str]] = []

    def work(worker: int) -> None:
        ops.run_workers(lambda part: inner.append((part, threading.current_thread().name)), 2)

    ops.run_workers(work, 2)
    assert sorted(part for part, _ in inner) == [0, 0, 1, 1]


def test_training_in_two_threads_at_once_matches_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A training thread and the UI thread may both run the engine: neither waits for nor spoils the other."""
    monkeypatch.setattr(ops, "WORKERS", 2)
    rng = np.random.default_rng(0)
    x = rng.random((64, 1, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, 64)

    def grads() -> list[np.ndarray]:
        model = core.reference_net(np.random.default_rng(1)).train()
        for _ in range(3):
            _, dlogits = core.softmax_cross_entropy(model.forward(x), labels)
            model.backward(dlogits, input_grad=False)
        return [g for layer in model.layers for g in layer.grads.values()]

    alone = grads()
    results: list[list[np.ndarray]] = []
    threads = [threading.Thread(target=lambda: results.append(grads())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    for result in results:
        for mine, reference in zip(result, alone, strict=True):
            np.testing.assert_array_equal(mine, reference)
