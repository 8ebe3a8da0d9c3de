"""Batch, stochastic and mini-batch gradient descent, raced side by side from one initialisation (seed 003).

Full-batch gradient descent (BGD) averages the gradient over every example before one update; stochastic
gradient descent (SGD) updates after each single example; mini-batch descent after each ``b`` examples.
:class:`DescentRace` runs the three on copies of one network with the same initial weights, the same data,
the same learning rate and, for SGD and mini-batch, the same shuffled order. Its :meth:`DescentRace.steps`
always advances the run that has seen the fewest examples, so the three curves stay level on an axis of
examples seen, and it clocks each run's own computing time for the wall-time axis.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from explainer.core.layers import Conv2D, Dense, Flatten, MaxPool2D, ReLU
from explainer.core.losses import softmax_cross_entropy
from explainer.core.network import Sequential
from explainer.core.optim import SGD

METHODS = ("batch", "sgd", "minibatch")
"""The three runs: full batch, one example per update, ``b`` examples per update."""


def descent_net(rng: np.random.Generator | None = None) -> Sequential:
    """The small CNN the race trains: Conv 4@3x3 pad 1, ReLU, MaxPool 2, Flatten, Dense 784->10.

    Small enough (3,186 weights) that a thousand single-example steps take a few seconds.

    Shape:
        input ``(N, 1, 28, 28)``; logits ``(N, 10)``.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    layers = [Conv2D(1, 4, 3, padding=1, rng=rng), ReLU(), MaxPool2D(2), Flatten(), Dense(784, 10, rng=rng)]
    return Sequential(layers)


@dataclass(frozen=True)
class DescentPoint:
    """One report of a run: its start (step 0) or one update.

    Attributes:
        method: "batch", "sgd" or "minibatch".
        step: updates done so far by this run.
        examples: examples this run has seen so far (the sum of its batch sizes).
        seconds: this run's own computing time in its updates so far (measuring the loss on the whole
            subset is not counted: the runs would not pay it).
        batch_loss: cross-entropy on the batch of this update, before it (None at step 0).
        full_loss: cross-entropy on the whole subset after this update, when it was measured (at step 0
            and each time the run passes a multiple of ``eval_every`` examples), else None.
    """

    method: str
    step: int
    examples: int
    seconds: float
    batch_loss: float | None
    full_loss: float | None


@dataclass
class _Run:
    """One of the three runs: its model, optimizer, batch size and where it is."""

    method: str
    model: Sequential
    optimizer: SGD
    batch_size: int
    rng: np.random.Generator
    order: np.ndarray = field(default_factory=lambda: np.zeros(0, np.intp))
    position: int = 0
    step: int = 0
    examples: int = 0
    seconds: float = 0.0


class DescentRace:
    """Full-batch, SGD (batch 1) and mini-batch (batch ``batch_size``) descent from one initialisation.

    Each run trains its own copy of ``model`` (never changed itself) with plain SGD at learning rate ``lr``
    on the mean cross-entropy of its batch. SGD and mini-batch reshuffle the subset every epoch with a
    generator seeded by ``seed``, the same for both.

    Shape:
        images: ``(N, 1, H, W)`` float in [0, 1] matching ``model.input_shape``; labels ``(N,)`` ints.
    """

    def __init__(
        self,
        model: Sequential,
        images: np.ndarray,
        labels: np.ndarray,
        *,
        batch_size: int = 10,
        lr: float = 0.05,
        seed: int = 0,
        eval_every: int | None = None,
    ) -> None:
        if len(images) == 0 or len(images) != len(labels):
            raise ValueError(f"need as many labels as images (> 0), got {len(images)} and {len(labels)}")
        if not 1 <= batch_size <= len(images):
            raise ValueError(f"the mini-batch size must be 1 to {len(images)}, got {batch_size}")
        self.images = np.asarray(images, np.float32)
        self.labels = np.asarray(labels, np.intp)
        self.size = len(self.images)
        self.eval_every = max(1, self.size // 4) if eval_every is None else int(eval_every)
        sizes = {"batch": self.size, "sgd": 1, "minibatch": int(batch_size)}
        self.runs: dict[str, _Run] = {}
        for method in METHODS:
            twin = model.copy().train()
            self.runs[method] = _Run(method, twin, SGD(twin, lr), sizes[method], np.random.default_rng(seed))

    def full_loss(self, model: Sequential, chunk: int = 500) -> float:
        """Mean cross-entropy of ``model`` on the whole subset."""
        total = 0.0
        for start in range(0, self.size, chunk):
            logits = model.forward(self.images[start : start + chunk])
            loss, _dlogits = softmax_cross_entropy(logits, self.labels[start : start + chunk])
            total += loss * len(logits)
        return total / self.size

    def _next_batch(self, run: _Run) -> np.ndarray:
        """The indices of ``run``'s next batch; a new shuffled epoch starts when the last one is used up
        (its final batch may be smaller). Full batch takes every example, in order."""
        if run.method == "batch":
            return np.arange(self.size)
        if run.position >= len(run.order):
            run.order = run.rng.permutation(self.size)
            run.position = 0
        batch = run.order[run.position : run.position + run.batch_size]
        run.position += len(batch)
        return batch

    def update(self, method: str) -> DescentPoint:
        """One update of run ``method``: forward and backward on its next batch, then the SGD step.

        Raises:
            FloatingPointError: the loss is NaN or infinite (the learning rate is too high).
        """
        run = self.runs[method]
        started = time.perf_counter()
        batch = self._next_batch(run)
        logits = run.model.forward(self.images[batch])
        loss, dlogits = softmax_cross_entropy(logits, self.labels[batch])
        if not math.isfinite(loss):
            raise FloatingPointError(
                f"the {method} run's loss became {loss} at update {run.step + 1}; lower the learning rate"
            )
        run.model.backward(dlogits, input_grad=False)
        run.optimizer.step()
        run.seconds += time.perf_counter() - started
        passed = (run.examples + len(batch)) // self.eval_every > run.examples // self.eval_every
        run.step += 1
        run.examples += len(batch)
        full = self.full_loss(run.model) if passed else None
        return DescentPoint(method, run.step, run.examples, run.seconds, float(loss), full)

    def steps(self, epochs: int = 3) -> Iterator[DescentPoint]:
        """The three starting points, then one update at a time until every run has seen ``epochs``
        times the subset; always the run with the fewest examples seen goes next (ties in METHODS order).

        A full-batch update sees the whole subset at once, so between two of them SGD makes ``N`` updates
        and mini-batch ``ceil(N / b)``.
        """
        for method in METHODS:
            run = self.runs[method]
            yield DescentPoint(method, 0, 0, 0.0, None, self.full_loss(run.model))
        goal = epochs * self.size
        while True:
            behind = [method for method in METHODS if self.runs[method].examples < goal]
            if not behind:
                return
            yield self.update(min(behind, key=lambda method: self.runs[method].examples))

    def updates_per_epoch(self, method: str) -> int:
        """How many updates run ``method`` makes per pass over the subset."""
        return math.ceil(self.size / self.runs[method].batch_size)
