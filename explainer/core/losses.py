"""Softmax and the losses, with their gradients."""

from __future__ import annotations

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


def softmax_cross_entropy(logits: np.ndarray, labels: ArrayLike) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of softmax(logits) against class indices, and its gradient.

    Shape:
        logits: ``(N, K)``; labels: ``(N,)`` ints in ``[0, K)``; returns (loss, dlogits ``(N, K)``).

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
    e = np.exp(shifted)
    sums = e.sum(axis=1, keepdims=True)
    rows = np.arange(N)
    # log(1 + sum of the others) through log1p: log(1 + 1e-12) would keep only ~4 digits of a tiny loss.
    others = np.exp(shifted, dtype=np.float64)
    others[rows, shifted.argmax(axis=1)] = 0.0
    loss = float(np.mean(np.log1p(others.sum(axis=1)) - shifted[rows, labels]))
    dlogits = e / sums
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
