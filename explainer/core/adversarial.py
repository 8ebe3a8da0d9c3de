"""Adversarial examples: the fast gradient sign method (FGSM) and its iterated form (PGD).

Both move every pixel a fixed amount in the direction that raises the loss of the true label, using the
engine's exact input gradient (the same dL/dx as ``Trace.input_grad``). FGSM (Goodfellow, Shlens and
Szegedy 2015) takes one step of size ε; PGD (Madry et al. 2018) takes ``steps`` smaller steps and after
each one projects back into the L∞ ball of radius ε around the clean digit. Pixels stay in [0, 1].
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from explainer.core.losses import softmax_cross_entropy
from explainer.core.network import Sequential
from explainer.errors import BadInputError

ATTACK_BATCH = 500
"""Digits per forward/backward pass, so 10,000 test digits never hold all their activations at once."""


def _check(model: Sequential, x: ArrayLike, labels: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The inputs in the model's dtype and the labels as ints; BadInputError names what is wrong.

    Shape:
        x: ``(N, C, H, W)`` raw pixels; labels: ``(N,)``.
    """
    x = np.asarray(x)
    if x.ndim != 4 or x.shape[1:] != tuple(model.input_shape):
        raise BadInputError(f"an attack needs inputs of shape (N, {model.input_shape}), got {x.shape}")
    labels = np.asarray(labels).reshape(-1)
    k = len(model.class_names)
    in_range = labels.size == 0 or (labels.min() >= 0 and labels.max() < k)
    if labels.shape != (len(x),) or labels.dtype.kind not in "iu" or not in_range:
        raise BadInputError(f"labels must be {len(x)} class indices in [0, {k}), got {labels!r}")
    return x.astype(model.dtype, copy=False), labels.astype(np.int64)


def _check_epsilon(value: float, what: str = "epsilon") -> float:
    """A finite, non-negative step or radius."""
    value = float(value)
    if not (np.isfinite(value) and value >= 0):
        raise BadInputError(f"{what} must be a finite number >= 0, got {value}")
    return value


def loss_input_gradient(model: Sequential, x: ArrayLike, labels: ArrayLike) -> np.ndarray:
    """dL_n/dx_n of each sample's own cross-entropy against its label, in eval mode.

    Each row is the gradient of that sample's loss alone (the summed loss, not the mean, so a confident
    digit's tiny gradient is not divided by the batch size as well). The model's mode is restored.

    Shape:
        x: ``(N, C, H, W)`` raw pixels; labels: ``(N,)``; returns ``(N, C, H, W)`` in the model's dtype.
    """
    x, labels = _check(model, x, labels)
    previous = model.training
    model.eval(exact=True)
    try:
        grads = np.empty_like(x)
        for start in range(0, len(x), ATTACK_BATCH):
            chunk = slice(start, start + ATTACK_BATCH)
            logits = model.forward(x[chunk])
            _, dlogits = softmax_cross_entropy(logits, labels[chunk])
            grads[chunk] = model.backward(dlogits * dlogits.dtype.type(len(logits)))
        return grads
    finally:
        model.train(previous)


def fgsm(model: Sequential, x: ArrayLike, labels: ArrayLike, epsilon: float) -> np.ndarray:
    """The fast gradient sign attack: ``clip(x + ε · sign(∇ₓ L(x, label)), 0, 1)``.

    Every pixel moves by ε (or not at all where the gradient is exactly zero) in the direction that raises
    the loss of the true label; ε = 0 returns x.

    Shape:
        x: ``(N, C, H, W)`` raw pixels in [0, 1]; labels: ``(N,)``; returns ``(N, C, H, W)`` in the model's
        dtype.
    """
    epsilon = _check_epsilon(epsilon)
    x, labels = _check(model, x, labels)
    step = np.sign(loss_input_gradient(model, x, labels)) * x.dtype.type(epsilon)
    return np.clip(x + step, 0, 1).astype(x.dtype, copy=False)


def pgd(
    model: Sequential,
    x: ArrayLike,
    labels: ArrayLike,
    epsilon: float,
    step: float,
    steps: int,
    *,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Projected gradient descent on the loss: ``steps`` FGSM steps of size ``step``, each followed by a
    projection onto the L∞ ball of radius ε around x and onto the pixel range [0, 1].

    With ``rng`` the attack starts from a uniformly random point of the ball (Madry et al.), else from x.
    One step of size ε is exactly :func:`fgsm`.

    Shape:
        x: ``(N, C, H, W)`` raw pixels in [0, 1]; labels: ``(N,)``; returns ``(N, C, H, W)``.
    """
    epsilon, step = _check_epsilon(epsilon), _check_epsilon(step, "step")
    if not (isinstance(steps, int | np.integer) and steps >= 0):
        raise BadInputError(f"steps must be an integer >= 0, got {steps!r}")
    x, labels = _check(model, x, labels)
    dtype = x.dtype.type
    lower, upper = np.clip(x - dtype(epsilon), 0, 1), np.clip(x + dtype(epsilon), 0, 1)
    adv = x.copy()
    if rng is not None:
        adv = np.clip(x + rng.uniform(-epsilon, epsilon, x.shape).astype(x.dtype), lower, upper)
    for _ in range(int(steps)):
        adv = adv + np.sign(loss_input_gradient(model, adv, labels)) * dtype(step)
        adv = np.clip(adv, lower, upper)
    return adv


def attack_accuracy(model: Sequential, x: ArrayLike, labels: ArrayLike) -> float:
    """The fraction of ``x`` that ``model`` classifies as ``labels`` (e.g. after an attack).

    Shape:
        x: ``(N, C, H, W)``; labels: ``(N,)``.
    """
    x, labels = _check(model, x, labels)
    right = 0
    for start in range(0, len(x), ATTACK_BATCH):
        chunk = slice(start, start + ATTACK_BATCH)
        right += int((model.predict_proba(x[chunk]).argmax(axis=1) == labels[chunk]).sum())
    return right / max(len(x), 1)
