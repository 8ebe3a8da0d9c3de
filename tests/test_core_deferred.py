"""Weight gradients computed beside dL/dx (``ops.deferring`` / ``ops.defer``): the same numbers bit for
bit, every gradient in place when the pass returns, errors raised at the end of the block, and the
work done at once wherever deferring cannot apply."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from explainer import core
from explainer.architectures import KERAS_MNIST, build
from explainer.core import ops


def _gradients(model: core.Sequential, x: np.ndarray, labels: np.ndarray) -> list[np.ndarray]:
    """Every gradient of a trace, then those of a training step's backward (with and without dL/dx)."""
    trace = model.trace(x, labels)
    arrays = [trace.input_grad] + [a for r in trace.layers for a in (r.grad_input, *r.grads.values())]
    model.train()
    _, dlogits = core.softmax_cross_entropy(model.forward(x), labels)
    arrays.append(model.backward(dlogits))
    arrays += [g for layer in model.layers for g in layer.grads.values()]
    model.backward(dlogits, input_grad=False)
    return arrays + [g for layer in model.layers for g in layer.grads.values()]


@pytest.mark.parametrize("net", ["reference", "keras"])
@pytest.mark.parametrize("batch", [1, 3])
def test_deferred_weight_gradients_are_bit_equal(
    monkeypatch: pytest.MonkeyPatch, net: str, batch: int
) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    rng = np.random.default_rng(3)
    x = rng.random((batch, 1, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, batch)
    results = []
    for size in (10**18, 1):  # never deferred, then everything deferred
        monkeypatch.setattr(ops, "DEFER_SIZE", size)
        weights = np.random.default_rng(0)
        model = core.reference_net(weights) if net == "reference" else build(KERAS_MNIST, weights)
        results.append(_gradients(model, x, labels))
    assert len(results[0]) == len(results[1]) > 20
    for plain, deferred in zip(*results, strict=True):
        assert plain.dtype == deferred.dtype and np.array_equal(plain, deferred)


def test_jobs_run_off_the_calling_thread_and_are_done_when_the_block_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    gate = threading.Event()
    done: list[str] = []

    def job(name: str) -> None:
        gate.wait(5)
        done.append(threading.current_thread().name)

    with ops.deferring():
        ops.defer(lambda: job("first"), ops.DEFER_SIZE)
        ops.defer(lambda: job("second"), ops.DEFER_SIZE)
        assert done == []  # both wait for the gate, off this thread
        gate.set()
    assert done == ["explainer-core-background"] * 2


def test_small_work_and_work_outside_a_block_run_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    ran: list[str] = []
    here = threading.current_thread().name
    ops.defer(lambda: ran.append(threading.current_thread().name), ops.DEFER_SIZE)
    with ops.deferring():
        ops.defer(lambda: ran.append(threading.current_thread().name), ops.DEFER_SIZE - 1)
        with ops.deferring():  # nested: still the outer block's
            pass
        assert ran == [here, here]
    monkeypatch.setattr(ops, "WORKERS", 1)
    with ops.deferring():
        ops.defer(lambda: ran.append(threading.current_thread().name), ops.DEFER_SIZE)
        assert ran == [here] * 3


def test_a_second_thread_defers_nothing_while_one_is_deferring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    names: list[str] = []

    def other() -> None:
        with ops.deferring():
            ops.defer(lambda: names.append(threading.current_thread().name), ops.DEFER_SIZE)

    with ops.deferring():
        thread = threading.Thread(target=other, name="other")
        thread.start()
        thread.join()
    assert names == ["other"]


def test_an_error_in_a_job_is_raised_when_the_block_ends_after_every_job() -> None:
    if ops.WORKERS < 2:
        pytest.skip("deferring needs two workers")
    finished: list[int] = []

    def failing() -> None:
        raise ArithmeticError("job 1")

    with pytest.raises(ArithmeticError, match="job 1"), ops.deferring():
        ops.defer(failing, ops.DEFER_SIZE)
        ops.defer(lambda: finished.append(2), ops.DEFER_SIZE)
    assert finished == [2]
    with ops.deferring():  # the helper still works afterwards
        ops.defer(lambda: finished.append(3), ops.DEFER_SIZE)
    assert finished == [2, 3]


def test_a_trace_keeps_the_weights_it_saw_when_their_copies_are_deferred(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    monkeypatch.setattr(ops, "DEFER_SIZE", 1)  # every copy and weight gradient on the helper
    model = core.reference_net(np.random.default_rng(0))
    rng = np.random.default_rng(4)
    x, labels = rng.random((2, 1, 28, 28), dtype=np.float32), np.array([1, 7])
    before = [{key: value.copy() for key, value in layer.params.items()} for layer in model.layers]
    trace = model.trace(x, labels)
    optimizer = core.SGD(model, lr=0.5)
    optimizer.step()  # in place, right after the trace returned
    for record, saved, layer in zip(trace.layers, before, model.layers, strict=True):
        for key, value in saved.items():
            assert np.array_equal(record.params[key], value)
            assert not np.array_equal(layer.params[key], value)
        arrays = [record.input, record.output, record.grad_output, record.grad_input, *record.params.values()]
        assert all(a.flags.c_contiguous and not a.flags.writeable for a in arrays)
