"""Softmax and the losses, with their gradients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by each row's maximum so large logits cannot overflow.

    Shape:
        logits: ``(N, K)``; returns ``(N, K)``, each row summing to 1.
    """
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


def check_labels(labels: ArrayLike, n: int, k: int) -> np.ndarray:
    """Validate class indices and return them as an int array ``(N,)``; ValueError names the problem."""
    labels = np.asarray(labels)
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},) to match the logits, got {labels.shape}")
    if labels.dtype.kind not in "iu":
        if labels.dtype.kind != "f" or not np.all(labels == np.round(labels)):
            raise ValueError(f"labels must be integer class indices, got dtype {labels.dtype}")
        labels = labels.astype(np.int64)
    if n and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"labels must lie in [0, {k}), got values from {labels.min()} to {labels.max()}")
    return labels


def softmax_cross_entropy(
    logits: np.ndarray, labels: ArrayLike, probs: np.ndarray | None = None
) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of softmax(logits) against class indices, and its gradient.

    Shape:
        logits: ``(N, K)``; labels: ``(N,)`` ints in ``[0, K)``; probs: ``softmax(logits)`` when the caller
        has it already (a trace), else None; returns (loss, dlogits ``(N, K)``).

    Notes:
        ``loss_n = logsumexp(z_n) - z_n[label_n]`` evaluated with the max shifted out, so it stays exact for
        huge logits (``[1000, 0]`` against label 1 gives 1000, not a clamped value). The loss itself is
        summed in float64 as ``log1p`` of the other classes' terms, so a confident right answer reports its
        tiny loss to full precision (``[20, 0]`` against label 0 gives 2.1e-9, ``[30, 0]`` 9.4e-14) rather
        than the 0 of a float32 ``1 + 2e-9``, or the few digits left of a float64 ``log(1 + 9.4e-14)``. The
        gradient check's central differences need those digits.
        ``dlogits = (softmax(z) - onehot(labels)) / N``, with the true class's entry written as
        ``-sum_{k != label} p_k`` rather than ``p_label - 1``: for a confident digit ``p_label`` rounds to 1
        in float32, so ``p - 1`` is 0 (or a multiple of 6e-8) while the other classes' gradients are 1e-9.
        The sum has no cancellation, so it is 0 only when every other ``p_k`` underflows the dtype (a loss
        below float32's smallest subnormal, 1.4e-45), and it sums to zero with the rest of the row.
    """
    N, K = logits.shape
    labels = check_labels(labels, N, K)
    shifted = logits - logits.max(axis=1, keepdims=True)
    rows = np.arange(N)
    # log(1 + sum of the others) through log1p: log(1 + 1e-12) would keep only ~4 digits of a tiny loss.
    others = np.exp(shifted, dtype=np.float64)
    others[rows, shifted.argmax(axis=1)] = 0.0
    loss = float((np.log1p(others.sum(axis=1)) - shifted[rows, labels]).sum() / N)  # the mean, as np.mean
    dlogits = softmax(logits) if probs is None else probs.copy()
    dlogits[rows, labels] = 0
    dlogits[rows, labels] = -dlogits.sum(axis=1)
    dlogits /= N
    return loss, dlogits


def mse_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """Mean squared error over all elements, and its gradient.

    Shape:
        pred, target: the same shape; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = mean((pred - target)**2)``, ``dpred = 2 (pred - target) / pred.size``.
    """
    target = np.asarray(target)
    if target.shape != pred.shape:
        raise ValueError(f"mse_loss needs pred and target of one shape, got {pred.shape} and {target.shape}")
    diff = pred - target.astype(pred.dtype, copy=False)
    return float(np.mean(np.square(diff, dtype=np.float64))), diff * (2.0 / diff.size)


def _pair(name: str, pred: np.ndarray, target: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """``pred`` and ``target`` as arrays of one shape and pred's float dtype; ValueError otherwise."""
    pred = np.asarray(pred)
    if pred.dtype.kind != "f":
        pred = pred.astype(np.float64)
    target = np.asarray(target)
    if target.shape != pred.shape:
        raise ValueError(f"{name} needs pred and target of one shape, got {pred.shape} and {target.shape}")
    return pred, target.astype(pred.dtype, copy=False)


def msle_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """Mean squared logarithmic error over all elements, and its gradient.

    Shape:
        pred, target: the same shape, every value above -1; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = mean((log(1 + pred) - log(1 + target))**2)``,
        ``dpred = 2 (log(1 + pred) - log(1 + target)) / ((1 + pred) pred.size)``. It compares ratios rather
        than differences, so a miss of 10 on a target of 1000 costs as little as a miss of 0.01 on 1.
    """
    pred, target = _pair("msle_loss", pred, target)
    if pred.size and (pred.min() <= -1 or target.min() <= -1):
        raise ValueError("msle_loss needs pred and target above -1 (it takes log(1 + value))")
    diff = np.log1p(pred) - np.log1p(target)
    return float(np.mean(np.square(diff, dtype=np.float64))), diff * 2.0 / ((1.0 + pred) * diff.size)


def l1_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """L1 loss: the sum of absolute differences, and its gradient.

    Shape:
        pred, target: the same shape; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = sum(|pred - target|)``, ``dpred = sign(pred - target)``: 0 where pred equals target, the
        subgradient PyTorch also takes at the kink.
    """
    pred, target = _pair("l1_loss", pred, target)
    diff = pred - target
    return float(np.sum(np.abs(diff), dtype=np.float64)), np.sign(diff)


def l2_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """L2 loss: the sum of squared differences, and its gradient.

    Shape:
        pred, target: the same shape; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = sum((pred - target)**2)``, ``dpred = 2 (pred - target)``: ``pred.size`` times MSE.
    """
    pred, target = _pair("l2_loss", pred, target)
    diff = pred - target
    return float(np.sum(np.square(diff, dtype=np.float64))), 2.0 * diff


def mae_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """Mean absolute error over all elements, and its gradient.

    Shape:
        pred, target: the same shape; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = mean(|pred - target|)``, ``dpred = sign(pred - target) / pred.size`` (0 where they are
        equal): the L1 loss divided by the number of elements.
    """
    pred, target = _pair("mae_loss", pred, target)
    diff = pred - target
    return float(np.mean(np.abs(diff), dtype=np.float64)), np.sign(diff) / diff.size


def mape_loss(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """Mean absolute percentage error, and its gradient.

    Shape:
        pred, target: the same shape; returns (loss, dpred of pred's shape).

    Notes:
        ``loss = mean(100 |pred - target| / |target|)`` over the elements whose target is not 0,
        ``dpred = 100 sign(pred - target) / (|target| n)`` there, with n the number of such elements.
        A target of 0 has no percentage error (100 |p| / 0 is infinite for any p != 0), so those elements
        are left out of the mean and get a zero gradient: against a one-hot target only the labelled
        class counts. ValueError when every target is 0.
    """
    pred, target = _pair("mape_loss", pred, target)
    counted = target != 0
    n = int(np.count_nonzero(counted))
    if n == 0:
        raise ValueError("mape_loss is undefined when every target is 0 (it divides by |target|)")
    scale = np.where(counted, 100.0 / np.where(counted, np.abs(target), 1.0), 0.0).astype(pred.dtype)
    diff = pred - target
    loss = float(np.sum(np.abs(diff) * scale, dtype=np.float64) / n)
    return loss, np.sign(diff) * scale / n


def binary_cross_entropy(pred: np.ndarray, target: ArrayLike) -> tuple[float, np.ndarray]:
    """Binary cross-entropy, the mean over all elements, and its gradient.

    Shape:
        pred: probabilities strictly inside (0, 1); target: the same shape, values in [0, 1]; returns
        (loss, dpred of pred's shape).

    Notes:
        ``loss = -mean(target log(pred) + (1 - target) log(1 - pred))`` (seed 004's Eq. 2.14),
        ``dpred = (pred - target) / (pred (1 - pred) pred.size)``. A prediction of exactly 0 or 1 has an
        infinite loss or gradient, so it is refused (ValueError) rather than clamped.
    """
    pred, target = _pair("binary_cross_entropy", pred, target)
    if pred.size and (pred.min() <= 0 or pred.max() >= 1):
        raise ValueError("binary_cross_entropy needs every prediction strictly between 0 and 1")
    if target.size and (target.min() < 0 or target.max() > 1):
        raise ValueError("binary_cross_entropy needs targets in [0, 1]")
    p64, t64 = pred.astype(np.float64), target.astype(np.float64)
    loss = float(-np.mean(t64 * np.log(p64) + (1.0 - t64) * np.log1p(-p64)))
    return loss, (pred - target) / (pred * (1.0 - pred) * pred.size)


def softmax_backward(probs: np.ndarray, dprobs: np.ndarray) -> np.ndarray:
    """Carry dL/d(probabilities) back through softmax to dL/d(logits).

    Shape:
        probs: ``(N, K)`` softmax outputs; dprobs: ``(N, K)``; returns dlogits ``(N, K)``.

    Notes:
        ``dz_i = p_i (dp_i - sum_k p_k dp_k)``: the Jacobian ``diag(p) - p p^T`` applied to dprobs. Every
        term carries a factor p_i, and for a saturated output (one p near 1, the rest near 0) the bracket
        is near 0 for the big one too, which is why MSE on softmax outputs learns slowly from a confident
        mistake.
    """
    return probs * (dprobs - np.sum(probs * dprobs, axis=1, keepdims=True))


PredictionLoss = Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]
"""``loss(pred, target) -> (value, dL/dpred)``, pred and target of one shape."""

PREDICTION_LOSSES: dict[str, PredictionLoss] = {
    "mse": mse_loss,
    "msle": msle_loss,
    "l1": l1_loss,
    "l2": l2_loss,
    "mae": mae_loss,
    "mape": mape_loss,
    "bce": binary_cross_entropy,
}
"""The losses of a prediction against a target, by the names of :data:`OUTPUT_LOSSES` ("ce", softmax
cross-entropy, takes logits and labels instead)."""

OUTPUT_LOSSES = ("mse", "msle", "l1", "l2", "mae", "mape", "bce", "ce")
"""The losses :func:`output_losses` computes, in the order of seed 004 (cross-entropy last)."""

PROBABILITY_FLOOR = 1e-12
"""Binary cross-entropy needs every probability strictly inside (0, 1): :func:`output_losses` clips to
``[floor, 1 - floor]`` (a float64 softmax of a confident digit rounds its top class to exactly 1)."""


@dataclass(frozen=True)
class OutputLoss:
    """One loss of a network's output against a one-hot label, with its gradients.

    Attributes:
        name: one of :data:`OUTPUT_LOSSES`.
        loss: the value.
        dprobs: dL/d(probabilities) ``(K,)``; for "ce" that of ``-log p_label``, i.e. ``-1/p`` at the label.
        dlogits: dL/d(logits) ``(K,)``, carried back through softmax (:func:`softmax_backward`); for "ce"
            exactly ``softmax_cross_entropy``'s ``p - onehot``.
    """

    name: str
    loss: float
    dprobs: np.ndarray
    dlogits: np.ndarray


def output_losses(logits: ArrayLike, label: int) -> dict[str, OutputLoss]:
    """Every loss of :data:`OUTPUT_LOSSES` for one output: softmax(logits) against one-hot(label), in float64.

    Shape:
        logits: ``(K,)``; returns one :class:`OutputLoss` per name, its arrays ``(K,)``.

    Notes:
        The regression losses compare the probabilities with the one-hot target; MAPE therefore counts the
        labelled class only (the other targets are 0, see :func:`mape_loss`). Binary cross-entropy uses the
        probabilities clipped to :data:`PROBABILITY_FLOOR`. Cross-entropy is :func:`softmax_cross_entropy`
        of the logits.
    """
    z = np.asarray(logits, np.float64).reshape(1, -1)
    probs = softmax(z)
    target = np.zeros_like(probs)
    target[0, label] = 1.0
    clipped = np.clip(probs, PROBABILITY_FLOOR, 1.0 - PROBABILITY_FLOOR)
    results = {}
    for name, function in PREDICTION_LOSSES.items():
        loss, dprobs = function(clipped if name == "bce" else probs, target)
        results[name] = OutputLoss(name, loss, dprobs[0], softmax_backward(probs, dprobs)[0])
    loss, dlogits = softmax_cross_entropy(z, [label])
    dprobs = np.zeros(z.shape[1])
    dprobs[label] = -1.0 / max(float(probs[0, label]), np.finfo(np.float64).tiny)
    results["ce"] = OutputLoss("ce", loss, dprobs, dlogits[0])
    return results
