"""The immutable record of one pass through a network, the only thing views read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np


def frozen(array: np.ndarray | None) -> np.ndarray | None:
    """Return a read-only C-contiguous copy of ``array`` (None stays None)."""
    if array is None:
        return None
    copy = np.array(array, copy=True, order="C")
    copy.setflags(write=False)
    return copy


def sealed(array: np.ndarray) -> np.ndarray:
    """Mark a freshly computed array read-only in place, copying only to make it C-contiguous.

    For arrays nothing else holds for writing (a layer's fresh output or gradient); anything the caller or
    the engine may still change later (inputs, weights) must go through :func:`frozen` instead.
    """
    if not array.flags.c_contiguous:
        array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array


def shared(array: np.ndarray) -> np.ndarray:
    """A layer's weight array itself, marked read-only, for a record that shares it until the weights
    change: whatever changes them afterwards first takes a writable copy (:func:`writable`), so the record
    keeps the numbers it saw. An array that is a view of other memory is copied instead (:func:`frozen`):
    that memory could still change under it.

    For the Keras preset that is 3 MB not copied per trace.
    """
    if array.base is not None or not array.flags.c_contiguous:
        return frozen(array)
    array.setflags(write=False)
    return array


def writable(arrays: dict[str, np.ndarray], key: str) -> np.ndarray:
    """``arrays[key]`` to change in place: first replaced by a writable copy when a trace shares it
    (:func:`shared` made it read-only)."""
    array = arrays[key]
    if not array.flags.writeable:
        array = arrays[key] = array.copy()
    return array


EMPTY: Mapping[str, np.ndarray] = MappingProxyType({})
"""The read-only empty mapping, shared (most layers have no weights or buffers)."""


def frozen_dict(arrays: Mapping[str, np.ndarray]) -> Mapping[str, np.ndarray]:
    """Return a read-only mapping of read-only copies."""
    return MappingProxyType({key: frozen(value) for key, value in arrays.items()}) if arrays else EMPTY


def shared_dict(arrays: Mapping[str, np.ndarray]) -> Mapping[str, np.ndarray]:
    """Return a read-only mapping of the arrays, each :func:`shared`."""
    return MappingProxyType({key: shared(value) for key, value in arrays.items()}) if arrays else EMPTY


def sealed_dict(arrays: Mapping[str, np.ndarray]) -> Mapping[str, np.ndarray]:
    """Return a read-only mapping of the arrays themselves, each :func:`sealed` (for fresh arrays only)."""
    return MappingProxyType({key: sealed(value) for key, value in arrays.items()}) if arrays else EMPTY


@dataclass(frozen=True, eq=False)
class LayerRecord:
    """What one layer saw and produced during a trace.

    Shape:
        input: ``(N, C, H, W)`` or ``(N, F)``, as the layer received it.
        output: the layer's output, same batch size N.
        params: ``{"W": ..., "b": ...}`` the weights at trace time, read-only (shared with the layer until
            something changes them through :func:`writable`; empty for parameter-free layers); Conv2D
            ``W (C_out, C_in, kH, kW)``, Dense ``W (in, out)``.
        grad_output: dL/d(output), same shape as ``output``; None without a target.
        grad_input: dL/d(input), same shape as ``input``; None without a target.
        grads: dL/d(param) keyed like ``params``; empty without a target.
        config: the layer's hyperparameters (``Layer.trace_config()``: kernel_size, stride, padding as an
            int, or ``[top, left, bottom, right]`` when the sides differ, pool size, ...), so views can
            show how the output was computed.
        buffers: copies of the layer's untrained state at trace time (BatchNorm2D ``running_mean`` and
            ``running_var``, ``(C,)``); empty for most layers.
    """

    name: str
    kind: str
    input: np.ndarray
    output: np.ndarray
    params: Mapping[str, np.ndarray]
    grad_output: np.ndarray | None = None
    grad_input: np.ndarray | None = None
    grads: Mapping[str, np.ndarray] = field(default_factory=lambda: MappingProxyType({}))
    config: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    buffers: Mapping[str, np.ndarray] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, eq=False)
class Trace:
    """A frozen record of every layer's input, output, parameters and (with a target) gradients.

    Shape:
        input: ``(N, C, H, W)`` the pixels given to the network, before any normalisation.
        logits, probs: ``(N, K)``.
        target: ``(N,)`` class indices, or ``(N, K)`` explicit dL/dlogits; None for a forward-only trace.
        loss: mean cross-entropy against class-index targets; None otherwise.
        input_grad: dL/d(input pixels) ``(N, C, H, W)``; None without a target.
    """

    input: np.ndarray
    layers: tuple[LayerRecord, ...]
    logits: np.ndarray
    probs: np.ndarray
    target: np.ndarray | None = None
    loss: float | None = None
    input_grad: np.ndarray | None = None

    @property
    def has_gradients(self) -> bool:
        """True when the trace was made with a target and so carries gradients."""
        return self.input_grad is not None

    @property
    def prediction(self) -> np.ndarray:
        """The most probable class of each sample, ``(N,)``."""
        return self.probs.argmax(axis=1)

    def layer(self, name: str) -> LayerRecord:
        """The record of the layer called ``name``; KeyError when there is none."""
        for record in self.layers:
            if record.name == name:
                return record
        raise KeyError(f"no layer named {name!r} in this trace; layers are {[r.name for r in self.layers]}")
