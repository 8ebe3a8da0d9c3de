"""One training step taken apart: the whole pass as steps, "learn this digit", and the gradient check.

- :func:`pass_steps` records forward layer by layer → loss → backward layer by layer → SGD update, so the
  stepper can show each stage with the tensors involved.
- :func:`learn_step` applies one SGD step to a copy of the model and reports what changed.
- :func:`gradient_check` compares the back-propagated gradients of a trace with float64 central differences
  (each taken by :func:`nudge`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from explainer.core.losses import softmax, softmax_cross_entropy
from explainer.core.network import Sequential
from explainer.core.optim import SGD
from explainer.core.trace import Trace, frozen, frozen_dict
from explainer.errors import BadInputError

PHASES = ("forward", "loss", "backward", "update")
"""The four phases of a training step, in order."""


@dataclass(frozen=True, eq=False)
class PassStep:
    """One stage of a training step, with read-only copies of the tensors involved.

    ``tensors`` keys per phase:
        - forward: ``x`` (the layer's input), ``y`` (its output) and its parameters (``W``, ``b``).
        - loss: ``logits``, ``probs``, ``onehot`` (the label y) and ``dlogits`` (= (p - y) / N).
        - backward: ``x``, ``y``, ``dy`` (dL/d output), ``dx`` (dL/d input), the parameters and their
          gradients (``dW``, ``db``).
        - update: per parameter ``W`` (before), ``dW``, ``W_new`` = W - lr * dW (likewise ``b``).

    Shape:
        Image tensors ``(N, C, H, W)``, vectors ``(N, F)``, ``logits``/``probs`` ``(N, K)``; parameters as in
        the layer (Conv2D ``W (C_out, C_in, kH, kW)``, Dense ``W (in, out)``).

    Attributes:
        index: position of this step in the pass (0-based).
        phase: one of :data:`PHASES`.
        layer_index: the active layer, None for the loss step.
        layer_name, kind: the active layer's name and kind ("loss" / "softmax_cross_entropy" for the loss).
        loss: the mean cross-entropy once it is known (None during the forward phase).
    """

    index: int
    phase: str
    layer_index: int | None
    layer_name: str
    kind: str
    tensors: Mapping[str, np.ndarray]
    loss: float | None


def _labels(model: Sequential, label: int | Sequence[int] | np.ndarray, n: int) -> np.ndarray:
    """Class indices ``(n,)`` from one label or one per sample; BadInputError for anything else."""
    labels = np.atleast_1d(np.asarray(label))
    if labels.shape == (1,) and n > 1:
        labels = np.repeat(labels, n)
    k = len(model.class_names)
    if labels.shape != (n,) or labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= k:
        raise BadInputError(f"label must be one class index in [0, {k}) per sample, got {label!r}")
    return labels


def _check_lr(lr: float) -> float:
    if not (np.isfinite(lr) and lr > 0):
        raise BadInputError(f"the learning rate must be a positive number, got {lr!r}")
    return float(lr)


def pass_steps(model: Sequential, x: np.ndarray, label: int | Sequence[int], lr: float) -> list[PassStep]:
    """The whole training step on ``x`` as a list of stages; ``model`` itself is not changed.

    The pass runs on a copy of the model in eval mode (as :meth:`Sequential.trace` does), calling each
    layer's ``forward`` and ``backward`` in turn, then the core :class:`SGD` optimizer. So the forward and
    backward tensors equal ``model.trace(x, label)``'s and the ``*_new`` parameters are one SGD step.

    Shape:
        x: ``(N, C, H, W)`` raw pixels; label: one int or ``(N,)``. Returns
        ``L`` forward + 1 loss + ``L`` backward + one update step per layer with parameters.
    """
    lr = _check_lr(lr)
    work = model.copy().eval(exact=True)
    h = work.normalise(x)
    labels = _labels(model, label, h.shape[0])
    steps: list[PassStep] = []

    def add(phase: str, index: int | None, tensors: dict[str, np.ndarray], loss: float | None) -> None:
        layer = work.layers[index] if index is not None else None
        name, kind = (layer.name or "", layer.kind) if layer else ("loss", "softmax_cross_entropy")
        steps.append(PassStep(len(steps), phase, index, name, kind, frozen_dict(tensors), loss))

    for i, layer in enumerate(work.layers):
        y = layer.forward(h)
        add("forward", i, {"x": h, "y": y, **layer.params}, None)
        h = y
    loss, dlogits = softmax_cross_entropy(h, labels)
    onehot = np.eye(len(work.class_names), dtype=h.dtype)[labels]
    add("loss", None, {"logits": h, "probs": softmax(h), "onehot": onehot, "dlogits": dlogits}, loss)
    d = dlogits
    for i in reversed(range(len(work.layers))):
        layer, forward = work.layers[i], steps[i].tensors
        dy = frozen(d)
        d = layer.backward(d)
        grads = {f"d{key}": value for key, value in layer.grads.items()}
        add(
            "backward",
            i,
            {"x": forward["x"], "y": forward["y"], "dy": dy, "dx": d, **layer.params, **grads},
            loss,
        )
    before = [{key: value.copy() for key, value in layer.params.items()} for layer in work.layers]
    SGD(work, lr).step()
    for i, layer in enumerate(work.layers):
        if layer.params:
            tensors = {}
            for key, value in layer.params.items():
                tensors.update({key: before[i][key], f"d{key}": layer.grads[key], f"{key}_new": value})
            add("update", i, tensors, loss)
    return steps


@dataclass(frozen=True, eq=False)
class LearnResult:
    """What one SGD step on one labelled digit changed.

    Shape:
        probs_before, probs_after: ``(K,)``; deltas: per layer index with parameters, ``{key: ΔW}`` shaped
        like the parameter (ΔW = W_after - W_before = -lr * dW).

    Attributes:
        model: the updated copy (the model passed in is unchanged, so it is the undo snapshot).
        before, after: traces of x against the label with the old and new weights.
    """

    model: Sequential
    label: int
    lr: float
    before: Trace
    after: Trace
    deltas: Mapping[int, Mapping[str, np.ndarray]]

    @property
    def loss_before(self) -> float:
        """Cross-entropy of the label before the step."""
        return float(self.before.loss)

    @property
    def loss_after(self) -> float:
        """Cross-entropy of the label after the step."""
        return float(self.after.loss)

    @property
    def probs_before(self) -> np.ndarray:
        """Class probabilities before the step, ``(K,)``."""
        return self.before.probs[0]

    @property
    def probs_after(self) -> np.ndarray:
        """Class probabilities after the step, ``(K,)``."""
        return self.after.probs[0]


def learn_step(model: Sequential, x: np.ndarray, label: int, lr: float) -> LearnResult:
    """Apply one plain SGD step for ``x`` labelled ``label`` to a copy of ``model``.

    Shape:
        x: ``(1, C, H, W)`` raw pixels; label: a class index.
    """
    lr = _check_lr(lr)
    x = np.asarray(x)
    if x.shape != (1, *model.input_shape):
        raise BadInputError(f"learn_step needs one sample of shape (1, {model.input_shape}), got {x.shape}")
    label = int(_labels(model, label, 1)[0])
    updated = model.copy().eval()
    before = updated.trace(x, [label])  # fills every layer's grads for the optimizer
    SGD(updated, lr).step()
    after = updated.trace(x, [label])
    deltas = {
        i: frozen_dict({key: new.params[key] - old.params[key] for key in old.params})
        for i, (old, new) in enumerate(zip(model.layers, updated.layers, strict=True))
        if old.params
    }
    return LearnResult(updated, label, lr, before, after, MappingProxyType(deltas))


@dataclass(frozen=True)
class GradCheck:
    """Back-propagation against a central difference for one number.

    Attributes:
        which: the entry checked, as given to :func:`gradient_check`.
        backprop: dL/dθ as the checked trace holds it (the model's dtype).
        numeric: ``(L(θ + ε) - L(θ - ε)) / 2ε`` in float64 (the mean of the two one-sided slopes).
        rel_error: ``|backprop - numeric| / max(|backprop|, |numeric|, 1e-12)``.
        slope_left, slope_right: ``(L(θ) - L(θ - ε)) / ε`` and ``(L(θ + ε) - L(θ)) / ε``.
        resolution: the rounding error of the difference quotient, ``u·|L| / ε`` with u the float64
            machine epsilon; gradients not far above it cannot be measured this way.
    """

    which: tuple
    backprop: float
    numeric: float
    rel_error: float
    slope_left: float
    slope_right: float
    resolution: float

    @property
    def measurable(self) -> bool:
        """True above ``MEASURABLE_FACTOR`` × resolution, where a relative error is meaningful."""
        return max(abs(self.backprop), abs(self.numeric)) > MEASURABLE_FACTOR * self.resolution

    @property
    def kink(self) -> bool:
        """True when the loss has a corner within ±ε (a ReLU input crossing 0 or a max-pool tie).

        There the derivative does not exist: backprop takes one side (ReLU'(0) = 0, the first maximum of a
        tie) and the central difference averages both, so a large relative error is expected, not a bug.
        Smooth stretches make the one-sided slopes differ only by about ε·L'' (plus rounding), far below
        this threshold.
        """
        left, right = self.slope_left, self.slope_right
        return abs(right - left) > KINK_TOLERANCE * max(abs(left), abs(right)) + 4 * self.resolution


CHECK_EPS = 1e-5
"""Step ε of the central differences: small enough to stay between ReLU kinks, large enough for float64."""

KINK_TOLERANCE = 1e-3
"""Relative disagreement of the one-sided slopes that marks a corner of the loss."""

MEASURABLE_FACTOR = 1e3
"""A gradient this many times the difference quotient's rounding error is measured to about 1e-3 or better."""


def gradient_check(
    model: Sequential,
    x: np.ndarray,
    label: int,
    which: Sequence[tuple],
    eps: float = CHECK_EPS,
    trace: Trace | None = None,
) -> list[GradCheck]:
    """Compare the back-propagated gradients of ``model.trace`` with central differences in float64.

    The backprop side is the trace the views show: ``trace`` when given (it must hold ``x`` against
    ``label``), else ``model.trace(x, [label])`` in the model's own dtype (float32 as loaded). The numeric
    side differentiates the same function, the cross-entropy of a float64 copy of the same weights, so the
    check measures the shown numbers' error, including float32 rounding.

    Each entry of ``which`` is ``("input", (i, j))`` for pixel (i, j) (channel 0) or
    ``(layer_index, key, index)`` for ``model.layers[layer_index].params[key][index]``.

    Shape:
        x: ``(1, C, H, W)`` raw pixels; returns one :class:`GradCheck` per entry.
    """
    if not (np.isfinite(eps) and eps > 0):
        raise BadInputError(f"the difference step must be a positive number, got {eps!r}")
    shown_input = np.asarray(x)
    x = np.array(x, dtype=np.float64)  # a copy: its pixels are perturbed in place
    if x.shape != (1, *model.input_shape):
        raise BadInputError(
            f"gradient_check needs one sample of shape (1, {model.input_shape}), got {x.shape}"
        )
    labels = _labels(model, label, 1)
    if trace is None:
        trace = model.trace(shown_input, labels)
    elif trace.loss is None or trace.target is None or not np.array_equal(trace.target, labels):
        raise BadInputError(f"the trace to check must be of the cross-entropy against label {int(labels[0])}")
    work = model.copy().astype(np.float64).eval()
    centre = softmax_cross_entropy(work.forward(x), labels)[0]

    def loss() -> float:
        return softmax_cross_entropy(work.forward(x), labels)[0]

    results = []
    for entry in which:
        array, index, backprop = _locate(work, trace, x, entry)
        plus, minus = nudge(loss, array, index, eps)
        numeric = (plus - minus) / (2 * eps)
        error = abs(backprop - numeric) / max(abs(backprop), abs(numeric), 1e-12)
        resolution = float(np.finfo(np.float64).eps) * max(abs(plus), abs(minus), abs(centre)) / eps
        results.append(
            GradCheck(
                tuple(entry),
                backprop,
                numeric,
                error,
                (centre - minus) / eps,
                (plus - centre) / eps,
                resolution,
            )
        )
    return results


def nudge(f: Callable[[], float], array: np.ndarray, index: int | tuple, step: float) -> tuple[float, float]:
    """``f()`` with ``array[index]`` raised by ``step`` and with it lowered by ``step``, then put back: the
    two sides of the central difference ``(plus - minus) / (2 step)``.

    Shape:
        ``array`` any shape, changed in place while ``f`` runs; ``index`` one of its elements.
    """
    original = array[index]
    array[index] = original + step
    plus = f()
    array[index] = original - step
    minus = f()
    array[index] = original
    return plus, minus


def _locate(work: Sequential, trace: Trace, x: np.ndarray, entry: tuple) -> tuple[np.ndarray, tuple, float]:
    """The array to perturb, the index inside it and the back-propagated gradient of ``entry``."""
    if len(entry) == 2 and entry[0] == "input":
        index = (0, 0, *entry[1])
        if len(index) != 4 or not all(0 <= i < n for i, n in zip(index, x.shape, strict=True)):
            raise BadInputError(f"pixel {entry[1]!r} is outside the input of shape {x.shape[2:]}")
        return x, index, float(trace.input_grad[index])
    if len(entry) == 3 and isinstance(entry[0], int | np.integer) and 0 <= entry[0] < len(work.layers):
        layer = work.layers[entry[0]]
        key, index = entry[1], tuple(np.atleast_1d(entry[2]).tolist())
        if key in layer.params:
            array = layer.params[key]
            if len(index) == array.ndim and all(0 <= i < n for i, n in zip(index, array.shape, strict=True)):
                return array, index, float(trace.layers[entry[0]].grads[key][index])
    raise BadInputError(
        f"cannot check {entry!r}: use ('input', (i, j)) or (layer_index, key, index) of a parameter"
    )
