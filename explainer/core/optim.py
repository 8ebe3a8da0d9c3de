"""Optimizers that update layer parameters in place from the gradients of the last backward pass."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from explainer.core.layers import Layer
from explainer.core.trace import writable


def _layers_of(model_or_layers: Any) -> list[Layer]:
    layers = getattr(model_or_layers, "layers", model_or_layers)
    if isinstance(layers, Layer):
        layers = [layers]
    layers = list(layers)
    if not all(isinstance(layer, Layer) for layer in layers):
        raise TypeError("an optimizer needs a Sequential, a Layer or an iterable of Layers")
    return layers


class Optimizer:
    """Holds the (layer, key) pairs it updates; subclasses implement ``step``."""

    def __init__(self, model_or_layers: Any | Iterable[Layer], lr: float, weight_decay: float) -> None:
        if lr <= 0 or weight_decay < 0:
            raise ValueError(f"need lr > 0 and weight_decay >= 0, got lr={lr}, weight_decay={weight_decay}")
        self.layers = _layers_of(model_or_layers)
        self.slots = [(layer, key) for layer in self.layers for key in layer.params]
        self.lr = float(lr)
        self.weight_decay = float(weight_decay)

    def _gradient(self, layer: Layer, key: str) -> np.ndarray:
        grad = layer.grads[key]
        if self.weight_decay:
            grad = grad + self.weight_decay * layer.params[key]
        return grad

    def step(self) -> None:
        """Update every parameter in place from its gradient."""
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        """Copy of the optimizer's state (hyperparameters and per-parameter buffers)."""
        raise NotImplementedError

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore a state made by :meth:`state_dict` for the same parameters."""
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent with optional (heavy-ball) momentum and L2 weight decay.

    Notes
    -----
    ``g = dL/dp + weight_decay * p``; ``v = momentum * v + g``; ``p -= lr * v`` (``v = g`` without momentum).
    """

    def __init__(
        self, model_or_layers: Any, lr: float, momentum: float = 0.0, weight_decay: float = 0.0
    ) -> None:
        super().__init__(model_or_layers, lr, weight_decay)
        if not 0.0 <= momentum < 1.0:
            raise ValueError(f"momentum must be in [0, 1), got {momentum}")
        self.momentum = float(momentum)
        self.velocity = [np.zeros_like(layer.params[key]) for layer, key in self.slots]

    def step(self) -> None:
        for (layer, key), velocity in zip(self.slots, self.velocity, strict=True):
            grad = self._gradient(layer, key)
            if self.momentum:
                velocity *= self.momentum
                velocity += grad
                grad = velocity
            writable(layer.params, key)[...] -= self.lr * grad

    def state_dict(self) -> dict[str, Any]:
        return {
            "lr": self.lr,
            "momentum": self.momentum,
            "weight_decay": self.weight_decay,
            "velocity": [v.copy() for v in self.velocity],
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.lr, self.momentum, self.weight_decay = state["lr"], state["momentum"], state["weight_decay"]
        self.velocity = [np.array(v, dtype=v.dtype) for v in state["velocity"]]


class Adam(Optimizer):
    """Adam with bias correction; ``weight_decay`` adds an L2 term to the gradient (not AdamW).

    Notes
    -----
    ``m = b1 m + (1 - b1) g``; ``v = b2 v + (1 - b2) g**2``;
    ``p -= lr * (m / (1 - b1**t)) / (sqrt(v / (1 - b2**t)) + eps)``.
    """

    def __init__(
        self,
        model_or_layers: Any,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(model_or_layers, lr, weight_decay)
        if not all(0.0 <= beta < 1.0 for beta in betas) or eps <= 0:
            raise ValueError(f"Adam needs betas in [0, 1) and eps > 0, got betas={betas}, eps={eps}")
        self.betas = (float(betas[0]), float(betas[1]))
        self.eps = float(eps)
        self.t = 0
        self.m = [np.zeros_like(layer.params[key]) for layer, key in self.slots]
        self.v = [np.zeros_like(layer.params[key]) for layer, key in self.slots]

    def step(self) -> None:
        self.t += 1
        b1, b2 = self.betas
        step_size = self.lr * (1 - b2**self.t) ** 0.5 / (1 - b1**self.t)
        eps_hat = self.eps * (1 - b2**self.t) ** 0.5
        for (layer, key), m, v in zip(self.slots, self.m, self.v, strict=True):
            grad = self._gradient(layer, key)
            m *= b1
            m += (1 - b1) * grad
            v *= b2
            v += (1 - b2) * grad * grad
            # Same update as the Notes with both bias corrections folded into step_size and eps_hat.
            writable(layer.params, key)[...] -= step_size * m / (np.sqrt(v) + eps_hat)

    def state_dict(self) -> dict[str, Any]:
        return {
            "lr": self.lr,
            "betas": self.betas,
            "eps": self.eps,
            "weight_decay": self.weight_decay,
            "t": self.t,
            "m": [m.copy() for m in self.m],
            "v": [v.copy() for v in self.v],
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.lr, self.eps, self.weight_decay, self.t = (
            state["lr"],
            state["eps"],
            state["weight_decay"],
            state["t"],
        )
        self.betas = tuple(state["betas"])
        self.m = [np.array(m) for m in state["m"]]
        self.v = [np.array(v) for v in state["v"]]
