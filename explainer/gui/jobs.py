"""Long jobs on worker threads: :class:`StepWorker`, the base of the training and evaluation workers.

A job is a loop over steps (a generator's yields) that calls :meth:`StepWorker.checkpoint` between them,
so Pause and Stop take effect after the current step; pausing waits on a ``threading.Event`` and uses no
CPU. The worker object lives in the UI thread and only its job runs on a QThread: the job posts its
reports through a queued connection, so every signal of a worker is emitted on the UI thread, whatever
is connected to it (a slot, a lambda, a test helper). A started worker keeps itself and its thread alive
until the thread has finished, so no running QThread is ever garbage-collected ("QThread: Destroyed
while thread is still running" would abort the process). :func:`stop_all_workers` stops them all and
waits, bounded, for closing the window and quitting.

Only the standard library and QtCore: the main window imports it at start-up.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, SignalInstance, Slot


class _JobThread(QThread):
    """A QThread whose ``run`` calls one function once; it holds no reference to it afterwards."""

    def __init__(self, job: Callable[[], None], name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._job: Callable[[], None] | None = job

    def run(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job()


_RUNNING: set[StepWorker] = set()
"""Every started worker until its thread has finished: nothing can garbage-collect a running QThread."""

SHUTDOWN_TIMEOUT_MS = 1000
"""How long closing a window or a page waits for the step under way to end."""


class StepWorker(QObject):
    """Base of the workers: pause, resume and stop checked between the steps of a generator.

    The worker object lives in the UI thread; only :meth:`work` runs on its own QThread. Every signal is
    emitted on the UI thread (the job posts them through a queued connection, :meth:`post`), so any slot,
    lambda or test helper connected to them runs in the UI thread, in the order the job reported.
    A started worker and its thread stay alive until the thread has finished, even when the caller
    drops them. ``pause``, ``resume`` and ``stop`` may be called from any thread (they only set events);
    ``stop`` before ``start`` makes the job end at once without doing anything.

    Subclasses implement :meth:`work`, calling :meth:`checkpoint` before the first step and after every
    step, and reporting through :meth:`post`.

    Signals:
        sigHeld(): the job has reached a pause and waits (the step under way when Pause came is done).
        sigError(str): the job failed; the message says why (already phrased for the user).
        sigFinished(object): the job ended (completed, stopped or failed) and its thread has finished;
            the payload is the subclass's result. Always the last signal.
    """

    sigHeld = Signal()
    sigError = Signal(str)
    sigFinished = Signal(object)
    _sigPosted = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._thread: QThread | None = None
        self._result: object = None
        self._sigPosted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> QThread:
        """Run :meth:`work` on a new QThread (once per worker); ``sigFinished`` follows its end."""
        if self._thread is not None:
            raise RuntimeError(f"{type(self).__name__} runs only once")
        thread = _JobThread(self._run, type(self).__name__)
        thread.finished.connect(self._on_thread_finished, Qt.ConnectionType.QueuedConnection)
        self._thread = thread
        _RUNNING.add(self)
        thread.start()
        return thread

    def pause(self) -> None:
        """Hold before the next step (the current one finishes first)."""
        self._running.clear()

    def resume(self) -> None:
        """Continue after :meth:`pause`."""
        self._running.set()

    def stop(self) -> None:
        """End after the current step; also ends a pause, and skips the job if it has not started."""
        self._stop.set()
        self._running.set()

    def is_paused(self) -> bool:
        """True between :meth:`pause` and :meth:`resume`."""
        return not self._running.is_set()

    def is_finished(self) -> bool:
        """True once the job's thread has ended (False before :meth:`start`)."""
        return self._thread is not None and self._thread.isFinished()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the thread has finished (for shutdown and tests); True when it has or never ran.

        ``sigFinished`` is still delivered by the event loop afterwards.
        """
        return self._thread is None or self._thread.wait(max(0, timeout_ms))

    def checkpoint(self) -> bool:
        """On the worker thread: wait while paused (after ``sigHeld``); then True when the job should stop."""
        if not self._running.is_set() and not self._stop.is_set():
            self.post(self.sigHeld)
            self._running.wait()
        return self._stop.is_set()

    def post(self, signal: SignalInstance, *args: object) -> None:
        """On the worker thread: emit ``signal`` (one of this worker's) with ``args`` on the UI thread.

        Emitting directly from the worker thread would call plain Python callables connected to the
        signal on the worker thread.
        """
        self._sigPosted.emit(signal, args)

    @Slot(object, object)
    def _deliver(self, signal: SignalInstance, args: tuple[object, ...]) -> None:
        signal.emit(*args)

    def _run(self) -> None:
        """The job, on the worker thread; ``sigFinished`` goes out once the thread has ended."""
        try:
            self._result = self.work()
        except Exception:
            # work() reports its own failures; this is a bug, shown by the app's error dialog.
            sys.excepthook(*sys.exc_info())

    @Slot()
    def _on_thread_finished(self) -> None:
        """UI thread, after the job's last posted signal: report the end, then let the objects go."""
        self.sigFinished.emit(self._result)
        # Released on the next event-loop turn, not inside this slot of the object itself.
        QTimer.singleShot(0, functools.partial(_RUNNING.discard, self))

    def work(self) -> object:
        """Do the job on the worker thread; returns the payload of ``sigFinished``."""
        raise NotImplementedError


def running_workers() -> tuple[StepWorker, ...]:
    """The workers started and not yet released (their thread may have just finished)."""
    return tuple(_RUNNING)


def stop_workers(workers: Iterable[StepWorker], timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
    """Stop ``workers`` and wait for their threads, ``timeout_ms`` in all; True when every one has ended."""
    workers = list(workers)
    for worker in workers:
        worker.stop()
    deadline = time.monotonic() + timeout_ms / 1000
    ended = [worker.wait(round(1000 * (deadline - time.monotonic()))) for worker in workers]
    return all(ended)


def stop_all_workers(timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
    """Stop every running worker and wait for them (bounded); True when every thread has ended."""
    return stop_workers(running_workers(), timeout_ms)
