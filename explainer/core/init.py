"""Weight initialisers: He (Kaiming) normal for ReLU nets, Glorot (Xavier) uniform for tanh/sigmoid nets."""

from __future__ import annotations

import numpy as np
from numpy.typing import DTypeLike


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """Fan-in and fan-out of a weight array.

    Shape:
        Conv ``(C_out, C_in, kH, kW)``: fan_in = C_in*kH*kW, fan_out = C_out*kH*kW.
        Dense ``(in, out)``: fan_in = in, fan_out = out.
    """
    if len(shape) == 4:
        receptive = shape[2] * shape[3]
        return shape[1] * receptive, shape[0] * receptive
    if len(shape) == 2:
        return shape[0], shape[1]
    raise ValueError(f"weights must be 2-D (dense) or 4-D (conv), got shape {shape}")


def he_normal(shape: tuple[int, ...], rng: np.random.Generator, dtype: DTypeLike = np.float32) -> np.ndarray:
    """He normal: N(0, 2 / fan_in), keeps the activation variance constant through ReLU layers."""
    fan_in, _ = fans(shape)
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(dtype)


def glorot_uniform(
    shape: tuple[int, ...], rng: np.random.Generator, dtype: DTypeLike = np.float32
) -> np.ndarray:
    """Glorot uniform: U(-l, l) with l = sqrt(6 / (fan_in + fan_out))."""
    fan_in, fan_out = fans(shape)
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(dtype)


INITIALISERS = {"he": he_normal, "glorot": glorot_uniform}


def initialise(
    name: str, shape: tuple[int, ...], rng: np.random.Generator, dtype: DTypeLike = np.float32
) -> np.ndarray:
    """Weights of ``shape`` drawn by the initialiser called ``name`` ("he" or "glorot")."""
    if name not in INITIALISERS:
        raise ValueError(f"unknown initialiser {name!r}; choose one of {sorted(INITIALISERS)}")
    return INITIALISERS[name](shape, rng, dtype)
