"""Gates through which a test drives a worker thread step by step: no sleeps, no machine speed.

A :class:`Gate` lets one step through per token the test grants with :meth:`Gate.allow`; the worker
waits at the gate otherwise, so the test knows exactly how many steps have run, and
:meth:`Gate.wait_at_gate` tells when the worker waits there (not between two steps, where a pause or a
stop would take effect before the step the test means). :meth:`Gate.open_on_stop`
opens the gate once the worker is asked to stop: the step under way then ends by itself, as a real
one does, even while the UI thread is blocked waiting for the worker (closing a window).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from explainer.gui.jobs import StepWorker

T = TypeVar("T")

GATE_TIMEOUT_S = 60.0
"""A step nobody lets through fails the test after this long instead of hanging it."""


class Gate:
    """Lets steps through one per token; ``passed`` counts them."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._tokens = 0
        self._open = False
        self._waiting = False
        self.passed = 0

    def allow(self, steps: int = 1) -> None:
        """Let ``steps`` more steps through."""
        with self._condition:
            self._tokens += steps
            self._condition.notify_all()

    def open(self) -> None:
        """Let every later step through."""
        with self._condition:
            self._open = True
            self._condition.notify_all()

    def open_on_stop(self, worker: StepWorker) -> None:
        """Open the gate the moment ``worker.stop()`` is called (by the test, a view or closing)."""
        stop = type(worker).stop
        owner = weakref.ref(worker)  # no cycle through the worker's own attribute

        def stop_and_open() -> None:
            stopped = owner()
            if stopped is not None:
                stop(stopped)
            self.open()

        worker.stop = stop_and_open  # type: ignore[method-assign]

    def wait_at_gate(self) -> None:
        """Block until the worker has used every token and waits at the gate for the next step."""
        with self._condition:
            blocked = self._condition.wait_for(
                lambda: self._waiting and not self._tokens and not self._open, GATE_TIMEOUT_S
            )
        assert blocked, "the worker never reached the gate"

    def pass_one(self) -> None:
        """On the worker thread: wait for a token (or the open gate) and take it."""
        with self._condition:
            self._waiting = True
            self._condition.notify_all()
            let_through = self._condition.wait_for(lambda: self._open or self._tokens > 0, GATE_TIMEOUT_S)
            self._waiting = False
            if not let_through:
                raise AssertionError("the test never let this step through")
            if not self._open:
                self._tokens -= 1
            self.passed += 1

    def wrap(self, steps: Iterable[T], free: Callable[[T], bool] = lambda _item: False) -> Iterator[T]:
        """Hand on the items of ``steps``, each one through the gate unless ``free(item)``."""
        for item in steps:
            if not free(item):
                self.pass_one()
            yield item


class GatedLoader:
    """A data loader that returns ``data`` once its gate lets the call through; ``entered`` tells it began."""

    def __init__(self, data: object) -> None:
        self.data = data
        self.gate = Gate()
        self.entered = threading.Event()

    def __call__(self) -> object:
        self.entered.set()
        self.gate.pass_one()
        return self.data
