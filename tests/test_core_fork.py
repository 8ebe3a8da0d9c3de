"""A process forked after the engine's helper threads exist (``multiprocessing`` with "fork", a script
that forks after a trace) can still trace and run parallel work: the child makes helpers of its own."""

from __future__ import annotations

import os
import signal
import time
import warnings

import numpy as np
import pytest

from explainer.architectures import KERAS_MNIST, build
from explainer.core import ops

CHILD_SECONDS = 120
"""How long the child may take before it counts as hung (it needs well under a second)."""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_traces_and_runs_parallel_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "WORKERS", 2)
    model = build(KERAS_MNIST, np.random.default_rng(0))
    x = np.random.default_rng(1).random((1, 1, 28, 28), dtype=np.float32)
    before = model.trace(x, [3])  # starts the background helper (Keras' weight gradients are deferred)
    ops.run_workers(lambda worker: None, 2)  # and a parallel-region helper
    assert ops._helpers and ops._background is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "multi-threaded process forks" on 3.12+
        pid = os.fork()
    if pid == 0:
        status = 1
        try:
            parts: list[int] = []
            ops.run_workers(parts.append, 2)
            again = model.trace(x, [3])
            same = all(
                np.array_equal(a.grads["W"], b.grads["W"])
                for a, b in zip(before.layers, again.layers, strict=True)
                if a.grads
            )
            status = 0 if sorted(parts) == [0, 1] and same else 1
        finally:
            os._exit(status)
    deadline = time.monotonic() + CHILD_SECONDS
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail(f"the forked child hung for {CHILD_SECONDS} s")
    assert os.waitstatus_to_exitcode(done[1]) == 0
