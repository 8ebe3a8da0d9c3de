"""Stand-in encoders for the DB-VAE tests: fast, exact codes, and one that waits at a gate per batch."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from gates import Gate

Encode = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


def brightness_code(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The code of ``x`` ``(N, 1, 28, 28)``: the mean of its top and of its bottom half, ``(N, 2)``."""
    mu = np.stack([x[:, 0, :14].mean(axis=(1, 2)), x[:, 0, 14:].mean(axis=(1, 2))], axis=1)
    return mu, np.zeros_like(mu)


def codes(images: np.ndarray) -> np.ndarray:
    """:func:`brightness_code` of uint8 images ``(N, 28, 28)``: ``(N, 2)``."""
    return brightness_code(images[:, None].astype(np.float32) / 255)[0]


def gated_encoder(gate: Gate) -> Encode:
    """:func:`brightness_code` that waits at ``gate`` before every batch."""

    def encode(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        gate.pass_one()
        return brightness_code(x)

    return encode
