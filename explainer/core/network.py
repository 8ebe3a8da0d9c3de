"""Sequential: a stack of layers with input normalisation, training helpers and the views' ``trace``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from explainer.core import ops
from explainer.core.layers import Conv2D, Dense, Flatten, Layer, MaxPool2D, ReLU
from explainer.core.losses import softmax, softmax_cross_entropy
from explainer.core.trace import (
    EMPTY,
    LayerRecord,
    Trace,
    frozen,
    frozen_dict,
    sealed,
    sealed_dict,
    shared_dict,
)
from explainer.errors import BadInputError


class Sequential:
    """A classifier made of layers applied in order, on inputs normalised by ``(x - input_mean) / input_std``.

    Parameters
    ----------
    layers : iterable of Layer
        Unnamed layers are named per kind: "conv1", "relu1", "pool1", ..., "dense1", "dropout1"; a single
        Flatten is called "flatten" (several are numbered); see :meth:`default_names`. Names already set are
        kept (they must be unique).
    input_shape : tuple
        Per-sample input shape ``(C, H, W)``.
    input_mean, input_std : float
        Normalisation applied to raw pixels before the first layer.
    class_names : list of str, optional
        One per output; defaults to "0", "1", ...

    Shape
    -----
    - x: ``(N, C, H, W)`` raw pixels; logits and probabilities ``(N, K)``.

    Raises
    ------
    ValueError
        When the layers cannot process ``input_shape`` (the message names the layer) or the last layer's
        output is not a vector of class scores.
    """

    def __init__(
        self,
        layers: Iterable[Layer],
        input_shape: Sequence[int] = (1, 28, 28),
        input_mean: float = 0.0,
        input_std: float = 1.0,
        class_names: Sequence[str] | None = None,
    ) -> None:
        self.layers: list[Layer] = list(layers)
        if not self.layers or not all(isinstance(layer, Layer) for layer in self.layers):
            raise ValueError("Sequential needs a non-empty list of Layer objects")
        if not input_std > 0:
            raise ValueError(f"input_std must be > 0, got {input_std}")
        self.input_shape = tuple(int(d) for d in input_shape)
        self.input_mean = float(input_mean)
        self.input_std = float(input_std)
        self.metadata: dict[str, Any] = {}
        self._ran: list[Layer] | None = None  # the order the last forward ran the layers in
        self._name_layers()
        shapes = self.output_shapes()
        if len(shapes[-1]) != 1:
            raise ValueError(
                f"the last layer must output class scores (K,), got {shapes[-1]}; add Flatten/Dense"
            )
        n_classes = shapes[-1][0]
        self.class_names = [str(i) for i in range(n_classes)] if class_names is None else list(class_names)
        if len(self.class_names) != n_classes:
            raise ValueError(f"{len(self.class_names)} class names for {n_classes} outputs")
        self.training = False
        self.eval()

    def _name_layers(self) -> None:
        for layer, name in zip(
            self.layers, self.default_names([type(layer) for layer in self.layers]), strict=True
        ):
            if layer.name is None:
                layer.name = name
        names = [layer.name for layer in self.layers]
        if len(set(names)) != len(names):
            raise ValueError(f"layer names must be unique, got {names}")

    @staticmethod
    def default_names(classes: Sequence[type[Layer]]) -> list[str]:
        """The names unnamed layers of these classes get, in order: each class's ``prefix`` numbered per
        prefix ("conv1", "relu1", "conv2", "pool1", ...), or the prefix alone for a single layer of a
        ``named_alone`` class ("flatten").

        Shape:
            Not applicable.
        """
        totals = Counter(cls.prefix for cls in classes)
        counts: Counter[str] = Counter()
        names = []
        for cls in classes:
            counts[cls.prefix] += 1
            alone = cls.named_alone and totals[cls.prefix] == 1
            names.append(cls.prefix if alone else f"{cls.prefix}{counts[cls.prefix]}")
        return names

    # -- structure ---------------------------------------------------------------------------------------

    def output_shapes(self) -> list[tuple[int, ...]]:
        """Per-sample output shape of every layer, in order; ValueError names the first layer that fails."""
        shapes = []
        shape: tuple[int, ...] = self.input_shape
        for layer in self.layers:
            try:
                shape = tuple(layer.output_shape(shape))
            except ValueError as error:
                hint = ""
                channels = getattr(layer, "in_channels", None)
                if shape == self.input_shape and len(shape) == 3 and channels not in (None, shape[0]):
                    # The network's own input has the wrong channels: most often input_shape was left at
                    # MNIST's (1, 28, 28).
                    hint = f"; pass input_shape=({channels}, H, W) to Sequential for {channels}-channel input"
                raise ValueError(
                    f"layer {layer.name} {layer!r} cannot take input {shape}: {error}{hint}"
                ) from None
            shapes.append(shape)
        return shapes

    def param_count(self) -> int:
        """Number of trainable numbers (weights and biases)."""
        return sum(int(p.size) for layer in self.layers for p in layer.params.values())

    @property
    def dtype(self) -> np.dtype:
        """The dtype computations run in: that of the parameters (float32 unless cast)."""
        for layer in self.layers:
            for value in layer.params.values():
                return value.dtype
        return np.dtype(np.float32)

    def astype(self, dtype: DTypeLike) -> Sequential:
        """Cast all parameters, gradients and buffers to ``dtype`` in place; returns self."""
        for layer in self.layers:
            layer.params = {key: value.astype(dtype) for key, value in layer.params.items()}
            layer.grads = {key: value.astype(dtype) for key, value in layer.grads.items()}
            layer.buffers = {key: value.astype(dtype) for key, value in layer.buffers.items()}
        return self

    def copy(self) -> Sequential:
        """An independent model with the same layers, names, weights, settings and mode."""
        layers = []
        for layer in self.layers:
            twin = Layer.from_config(layer.kind, layer.get_config())
            twin.name = layer.name
            twin.params = {key: value.copy() for key, value in layer.params.items()}
            twin.grads = {key: value.copy() for key, value in layer.grads.items()}
            twin.buffers = {key: value.copy() for key, value in layer.buffers.items()}
            layers.append(twin)
        model = Sequential(layers, self.input_shape, self.input_mean, self.input_std, self.class_names)
        model.metadata = dict(self.metadata)
        model.train(self.training)
        return model

    def train(self, mode: bool = True) -> Sequential:
        """Switch every layer to training mode (or eval mode with ``mode=False``), not exact; returns self."""
        self.training = bool(mode)
        for layer in self.layers:
            layer.training, layer.exact = self.training, False
        return self

    def eval(self, exact: bool = False) -> Sequential:
        """Switch to eval mode (Dropout off, BatchNorm on its running statistics); returns self.

        ``exact``: for a gradient pass, float32 convolutions sum in float64 (``Layer.exact``), so max-pool
        ties route the gradient as exact arithmetic does whatever the BLAS; it halves their speed.
        """
        self.training = False
        for layer in self.layers:
            layer.training, layer.exact = False, exact
        return self

    # -- computing -----------------------------------------------------------------------------------------

    def normalise(self, x: ArrayLike) -> np.ndarray:
        """Check the input shape and return ``(x - input_mean) / input_std`` in the model's dtype.

        Shape:
            x: ``(N, C, H, W)`` with ``(C, H, W) == input_shape``; returns the same shape.
        """
        x = np.asarray(x)
        if x.ndim != len(self.input_shape) + 1 or x.shape[1:] != self.input_shape:
            raise BadInputError(
                f"input must have shape (N, {', '.join(map(str, self.input_shape))}), got {x.shape}"
            )
        dtype = self.dtype
        if self.input_mean == 0.0 and self.input_std == 1.0:
            return x.astype(dtype, copy=False)
        return (x.astype(dtype, copy=False) - dtype.type(self.input_mean)) / dtype.type(self.input_std)

    def forward(self, x: ArrayLike) -> np.ndarray:
        """Logits for raw inputs, caching what ``backward`` needs.

        Shape:
            x: ``(N, C, H, W)``; returns ``(N, K)``.
        """
        h = self.normalise(x)
        self._ran = self.forward_order()
        for layer in self._ran:
            h = layer.forward(h)
        return h

    def forward_order(self) -> list[Layer]:
        """The layers in the order :meth:`forward` runs them: a ReLU just before a 2-D max pool runs after it.

        Both orders give the same numbers, forward and backward: the max of the rectified window is the
        rectified max, and where that max is not positive both route a zero gradient. After the pool the
        ReLU reads and writes a quarter of the values (for the Keras preset's 2x2 pools). Each layer still
        sees the input it computes from, so its own backward stays right; :meth:`backward` runs them in
        reverse of this order. (``trace`` runs the plain order: it records every layer's own output.)
        """
        order = list(self.layers)
        for i in range(len(order) - 1):
            if type(order[i]) is ReLU and type(order[i + 1]) is MaxPool2D:
                order[i], order[i + 1] = order[i + 1], order[i]
        return order

    def backward(self, dlogits: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        """Back-propagate dL/dlogits of the last forward; fills every layer's ``grads``.

        With ``input_grad=False`` (training) the work for dL/dx below the first layer with parameters is
        skipped and None is returned.

        Shape:
            dlogits: ``(N, K)``; returns dL/d(raw input) ``(N, C, H, W)``.
        """
        d = dlogits
        ran = self._ran if self._ran is not None else self.forward_order()
        with ops.deferring():  # weight gradients of single images beside dL/dx
            if input_grad:
                for layer in reversed(ran):
                    d = layer.backward(d)
                return d / self.dtype.type(self.input_std)
            first = next((i for i, layer in enumerate(ran) if layer.params), len(ran))
            for layer in reversed(ran[first + 1 :]):
                d = layer.backward(d)
            if first < len(ran):
                ran[first].param_backward(d)
        return None

    def predict_proba(self, x: ArrayLike) -> np.ndarray:
        """Class probabilities in eval mode (the previous mode is restored).

        Shape:
            x: ``(N, C, H, W)``; returns ``(N, K)``.
        """
        previous = self.training
        self.eval()
        try:
            return softmax(self.forward(x))
        finally:
            self.train(previous)

    def trace(self, x: ArrayLike, target: ArrayLike | None = None) -> Trace:
        """Run the inputs through the network in eval mode and record every layer (read-only copies).

        Parameters
        ----------
        x : array ``(N, C, H, W)``
            Raw pixels.
        target : None, int array ``(N,)`` or float array ``(N, K)``
            None: forward only. Class indices: back-propagate the mean cross-entropy against them.
            Floats: used as dL/dlogits directly (one-hot row k explains class k); ``loss`` is None.

        Returns
        -------
        Trace
            The previous training/eval mode is restored afterwards. The trace shares the layers' weight
            arrays and marks them read-only rather than copying them: to change weights in place afterwards,
            go through :func:`explainer.core.writable` (the optimizers do), which swaps in a writable copy
            first, or bind new arrays; the trace keeps the numbers it saw.
        """
        raw = np.asarray(x)
        previous = self.training
        self.eval(exact=True)
        try:
            # The weight gradients only the records need are made beside the passes (ops.deferring). Every
            # layer returns fresh arrays, so they are sealed in place (copied only when strided), and the
            # weights are shared with the layers rather than copied.
            with ops.deferring():
                states = self._saved_states()
                h = self.normalise(raw)
                outputs = [frozen(h) if np.may_share_memory(h, raw) else sealed(h)]
                for layer in self.layers:
                    h = sealed(layer.forward(h))  # the next layer reads the contiguous copy too
                    outputs.append(h)
                logits = outputs[-1]
                probs = sealed(softmax(logits))
                if target is not None:
                    target_array, loss, dlogits = self._target(target, logits, probs)
                    grads = [sealed(dlogits)]
                    for layer in reversed(self.layers):
                        grads.append(sealed(layer.backward(grads[-1])))
            if target is None:
                records = tuple(
                    self._record(layer, states[i], outputs[i], outputs[i + 1])
                    for i, layer in enumerate(self.layers)
                )
                return Trace(frozen(raw), records, logits, probs)
            grads.reverse()  # grads[i] = dL/d(input of layer i); grads[-1] = dL/dlogits
            records = tuple(
                self._record(layer, states[i], outputs[i], outputs[i + 1], grads[i + 1], grads[i])
                for i, layer in enumerate(self.layers)
            )
            input_grad = sealed(grads[0] / self.dtype.type(self.input_std))
            return Trace(frozen(raw), records, logits, probs, frozen(target_array), loss, input_grad)
        finally:
            self.train(previous)

    def _saved_states(self) -> list[tuple[Mapping[str, np.ndarray], Mapping[str, np.ndarray]]]:
        """Per layer, its weights and buffers as they are now, read-only: the weights shared with the layer
        (:func:`shared`: the optimizers take a writable copy before they change them), the buffers
        (a few numbers) copied."""
        return [(shared_dict(layer.params), frozen_dict(layer.buffers)) for layer in self.layers]

    @staticmethod
    def _record(
        layer: Layer,
        state: tuple[Mapping[str, np.ndarray], Mapping[str, np.ndarray]],
        x: np.ndarray,
        y: np.ndarray,
        dy: np.ndarray | None = None,
        dx: np.ndarray | None = None,
    ) -> LayerRecord:
        """The record of one layer, its weights and buffers those ``state`` holds (see
        :meth:`_saved_states`); the grads of this backward pass are sealed as they are: every backward binds
        new arrays to ``grads`` and nothing writes into them (for the Keras preset that is 3 MB not copied
        per trace)."""
        grads = sealed_dict(layer.grads) if dy is not None else EMPTY
        config = MappingProxyType(layer.trace_config())
        params, buffers = state
        return LayerRecord(layer.name or "", layer.kind, x, y, params, dy, dx, grads, config, buffers)

    def _target(
        self, target: ArrayLike, logits: np.ndarray, probs: np.ndarray
    ) -> tuple[np.ndarray, float | None, np.ndarray]:
        """(target array, loss or None, dL/dlogits) for a class-index or explicit-gradient target; ``probs``
        is ``softmax(logits)``."""
        target = np.asarray(target)
        if target.ndim == 2:
            if target.shape != logits.shape:
                raise BadInputError(f"a dL/dlogits target must have shape {logits.shape}, got {target.shape}")
            return target, None, target.astype(logits.dtype)
        try:
            loss, dlogits = softmax_cross_entropy(logits, target, probs)
        except ValueError as error:
            raise BadInputError(f"bad trace target: {error}") from None
        return target, loss, dlogits

    def __repr__(self) -> str:
        inner = ",\n".join(f"  {layer.name}: {layer!r}" for layer in self.layers)
        return (
            f"Sequential(input_shape={self.input_shape}, input_mean={self.input_mean}, "
            f"input_std={self.input_std}, [\n{inner}\n])"
        )


def reference_net(rng: np.random.Generator | None = None) -> Sequential:
    """The reference Tiny-VGG for 28x28 digits (12,002 weights and biases).

    ``[Conv 8@3x3 pad 1, ReLU, Conv 8@3x3 pad 1, ReLU, MaxPool 2, Conv 16@3x3 pad 1, ReLU,
    Conv 16@3x3 pad 1, ReLU, MaxPool 2, Flatten, Dense 784->10]``.

    Shape:
        input ``(N, 1, 28, 28)``; logits ``(N, 10)``.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    return Sequential(
        [
            Conv2D(1, 8, 3, padding=1, rng=rng),
            ReLU(),
            Conv2D(8, 8, 3, padding=1, rng=rng),
            ReLU(),
            MaxPool2D(2),
            Conv2D(8, 16, 3, padding=1, rng=rng),
            ReLU(),
            Conv2D(16, 16, 3, padding=1, rng=rng),
            ReLU(),
            MaxPool2D(2),
            Flatten(),
            Dense(784, 10, rng=rng),
        ]
    )
