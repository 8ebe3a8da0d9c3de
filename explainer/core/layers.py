"""Layers: one protocol (``forward`` caches, ``backward`` fills ``grads``) and every layer the app teaches.

Every layer takes and returns NCHW arrays (``(N, F)`` after Flatten). Layers with weights compute in their
parameters' dtype (float32 unless :meth:`Sequential.astype` changed it); parameter-free layers keep the
dtype of their input.

A layer class also describes itself from its config alone, without weights: its model-file ``schema``,
its output shape (:meth:`Layer.shape_from_config`), its weight shapes (:meth:`Layer.param_shapes`) and its
work per sample (:meth:`Layer.cost`), so model files and the architecture editor ask the layer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

import numpy as np

from explainer.core import ops
from explainer.core import schema as checks
from explainer.core.init import initialise
from explainer.core.schema import Setting

Shape = tuple[int, ...]


class Cost(NamedTuple):
    """The work of one layer per sample: multiply-adds, and the numbers a convolution unfolds its input
    into (im2col memory; 0 for other layers)."""

    multiply_adds: int
    unfolded: int


class Layer:
    """Base class of all layers; subclasses set ``kind`` and are registered under it for ``from_config``.

    Attributes
    ----------
    kind : str
        What the layer is ("conv2d", "relu", ...); views decide what to draw from it.
    prefix : str
        How :class:`Sequential` names it, numbered per prefix ("conv" gives "conv1"); the kind by default.
    named_alone : bool
        A single layer of this prefix in a network is named by the prefix alone ("flatten").
    schema : mapping of str to Setting
        The settings its config may hold in a model file, each with its check (see ``core.schema``).
    random : bool
        The constructor takes an ``rng`` (initial weights or dropout masks).
    name : str or None
        Set by :class:`Sequential` ("conv1", "pool2", ...).
    params, grads : dict[str, ndarray]
        Weights and dL/d(weights) under the same keys; empty for parameter-free layers.
    buffers : dict[str, ndarray]
        State saved with the weights but not trained (BatchNorm's running statistics); usually empty.
    training : bool
        Training mode; Dropout and BatchNorm2D behave differently in it.
    exact : bool
        In eval mode, sum float32 products in float64 where the layer has sums to order (Conv2D), so that
        equal windows give bit-equal outputs (see ``ops.LANES``). Set for gradient passes by
        :meth:`Sequential.eval` with ``exact=True``; predictions alone do not need it and run at full speed.
    """

    kind: ClassVar[str] = ""
    prefix: ClassVar[str] = ""
    named_alone: ClassVar[bool] = False
    schema: ClassVar[Mapping[str, Setting]] = {}
    random: ClassVar[bool] = False
    registry: ClassVar[dict[str, type[Layer]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            Layer.registry[cls.kind] = cls
            cls.prefix = cls.prefix or cls.kind

    def __init__(self) -> None:
        self.name: str | None = None
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}
        self.training = False
        self.exact = False

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Compute the output and keep what ``backward`` needs."""
        raise NotImplementedError

    def backward(self, dy: np.ndarray) -> np.ndarray:
        """Return dL/dx for dL/dy of the last ``forward``; overwrite ``grads``."""
        raise NotImplementedError

    def param_backward(self, dy: np.ndarray) -> None:
        """Fill ``grads`` only, skipping dL/dx where that saves work (used for a network's first layer)."""
        self.backward(dy)

    def output_shape(self, input_shape: Shape) -> Shape:
        """Per-sample output shape (no batch axis); ValueError when the input cannot be processed."""
        try:
            return self.shape_from_config(self.get_config(), input_shape)
        except ValueError as error:
            raise ValueError(f"{self!r} {error}") from None

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        """Per-sample output shape of the layer ``config`` (as :meth:`get_config` gives it) would build,
        computed without building it; ValueError says why the input cannot be processed."""
        return tuple(input_shape)

    @classmethod
    def param_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        """The shape of every parameter the layer ``config`` describes, under its ``params`` key."""
        return {}

    @classmethod
    def buffer_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        """The shape of every buffer the layer ``config`` describes, under its ``buffers`` key."""
        return {}

    @classmethod
    def cost(cls, config: Mapping[str, Any], output_shape: Shape) -> Cost:
        """The work per sample of the layer ``config`` describes, given its output shape."""
        return Cost(0, 0)

    def get_config(self) -> dict[str, Any]:
        """JSON-able constructor arguments; ``Layer.from_config(kind, config)`` rebuilds the layer."""
        return {}

    def state_problem(self) -> str | None:
        """Why the weights and buffers cannot be used (a model file's numbers), or None when they can."""
        return None

    def trace_config(self) -> dict[str, Any]:
        """Hyperparameters as views need them: :meth:`get_config` with every value resolved to a number."""
        return self.get_config()

    @staticmethod
    def from_config(kind: str, config: Mapping[str, Any], rng: np.random.Generator | None = None) -> Layer:
        """Build a layer of ``kind`` from :meth:`get_config` output (weights freshly initialised, from
        ``rng`` for layers that draw random numbers)."""
        if kind not in Layer.registry:
            raise ValueError(f"unknown layer kind {kind!r}; known kinds are {sorted(Layer.registry)}")
        cls = Layer.registry[kind]
        return cls(**config, rng=rng) if cls.random and rng is not None else cls(**config)

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.get_config().items())
        return f"{type(self).__name__}({args})"


def _check_image_shape(input_shape: Shape, channels: int | None = None) -> tuple[int, int, int]:
    if len(input_shape) != 3:
        raise ValueError(f"needs (C, H, W) input, got {tuple(input_shape)}")
    C, H, W = input_shape
    if channels is not None and channels != C:
        raise ValueError(f"expects {channels} input channels, got {C} (input shape {tuple(input_shape)})")
    return C, H, W


def kernel_schema(padding: checks.Check) -> dict[str, Setting]:
    """The model-file settings of a layer of square kernels (:class:`Conv2D`, ``ConvTranspose2D``), its
    ``padding`` checked by ``padding``."""
    return {
        "in_channels": Setting(checks.COUNT, True),
        "out_channels": Setting(checks.COUNT, True),
        "kernel_size": Setting(checks.WINDOW, True),
        "stride": Setting(checks.WINDOW, False),
        "padding": Setting(padding, False),
        "init": Setting(checks.INIT, False),
    }


class _KernelLayer(Layer):
    """What :class:`Conv2D` and ``ConvTranspose2D`` share: C_in and C_out maps, a square kernel of side k
    moved S cells at a time, weights from an initialiser and biases starting at zero.

    A subclass checks its arguments, calls this constructor, keeps its own ``padding`` and sets its
    weights with :meth:`_set_weights` (from :meth:`_drawn_kernels`); :meth:`get_config` gives back the
    settings of :func:`kernel_schema`.
    """

    random = True
    weight_axes: ClassVar[tuple[str, str]] = ("out_channels", "in_channels")
    """The settings that count the first two axes of ``W`` (a convolution's ``(C_out, C_in, k, k)``)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int, init: str) -> None:
        super().__init__()
        self.in_channels = int(in_channels)
        self.out_channels = int(out_channels)
        self.kernel_size = int(kernel_size)
        self.stride = int(stride)
        self.init = init

    @classmethod
    def param_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        k = config["kernel_size"]
        first, second = (config[axis] for axis in cls.weight_axes)
        return {"W": (first, second, k, k), "b": (config["out_channels"],)}

    def _drawn_kernels(self, rng: np.random.Generator | None) -> np.ndarray:
        """Initial kernels drawn for the convolution ``(C_out, C_in, k, k)`` (fan-in ``C_in*k*k``), from
        ``rng`` (``default_rng(0)`` when None)."""
        rng = np.random.default_rng(0) if rng is None else rng
        k = self.kernel_size
        return initialise(self.init, (self.out_channels, self.in_channels, k, k), rng)

    def _set_weights(self, W: np.ndarray) -> None:
        """Take ``W`` as the kernels, zero biases ``(C_out,)`` and zero gradients."""
        self.params = {"W": W, "b": np.zeros(self.out_channels, np.float32)}
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}

    def get_config(self) -> dict[str, Any]:
        settings = ("in_channels", "out_channels", "kernel_size", "stride", "padding")
        config: dict[str, Any] = {key: getattr(self, key) for key in settings}
        if self.init != "he":
            config["init"] = self.init
        return config


class Conv2D(_KernelLayer):
    """2-D convolution (cross-correlation, as in every deep-learning library) over many channels and filters.

    Parameters
    ----------
    in_channels, out_channels : int
        C_in and C_out (the number of filters).
    kernel_size : int
        Square kernel side k.
    stride : int
        Step S of the kernel.
    padding : int, {"valid", "same"} or sequence of 4 ints
        Zeros added on each side: "valid" is 0, "same" is (k - 1) // 2 (odd k only), which keeps the size
        at stride 1; four numbers ``(top, left, bottom, right)`` pad each side on its own, as ONNX's
        ``pads`` do.
    rng : numpy.random.Generator, optional
        Source of the initial weights (``default_rng(0)`` when None).
    init : {"he", "glorot"}
        Weight initialiser; biases start at zero.

    Shape
    -----
    - x: ``(N, C_in, H, W)``
    - y: ``(N, C_out, H_out, W_out)``
    - W: ``(C_out, C_in, k, k)``, b: ``(C_out,)``

    Notes
    -----
    ``y[n, o] = sum_c x_padded[n, c] ⋆ W[o, c] + b[o]`` with
    ``H_out = (H + P_top + P_bottom - k) // S + 1`` (likewise W_out, with P_left + P_right); rows or
    columns that do not fill a whole window at the end are skipped, as in PyTorch.
    """

    kind = "conv2d"
    prefix = "conv"
    schema: ClassVar[Mapping[str, Setting]] = kernel_schema(checks.padding)

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int,
        stride: int = 1,
        padding: int | str | Sequence[int] = 0,
        *,
        rng: np.random.Generator | None = None,
        init: str = "he",
    ) -> None:
        if min(in_channels, out_channels, kernel_size, stride) < 1:
            raise ValueError(
                f"Conv2D needs in_channels, out_channels, kernel_size and stride >= 1, got "
                f"{in_channels}, {out_channels}, {kernel_size}, {stride}"
            )
        super().__init__(in_channels, out_channels, kernel_size, stride, init)
        self.pads = resolve_pads(padding, self.kernel_size)
        self.padding = padding if isinstance(padding, int | str) else list(self.pads)
        # The kernels pad every side alike; unequal sides are padded onto the input beforehand (a copy).
        self._extra = None if self.pads.uniform is not None else self.pads
        self.pad = self.pads.top if self._extra is None else 0
        self._set_weights(self._drawn_kernels(rng))
        self._x_shape: tuple[int, int, int, int] = (0, 0, 0, 0)
        self._flat: ops.FlatConv | None = (
            None  # stride 1: buffers reused while the input shape stays the same
        )
        self._cols = np.empty((0, 0), np.float32)  # stride > 1: the unfolded input of the last forward
        self._dy2 = np.empty((0, 0), np.float32)

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        _, H, W = _check_image_shape(input_shape, config["in_channels"])
        k, s = config["kernel_size"], config["stride"]
        top, left, bottom, right = resolve_pads(config["padding"], k)
        out_h, out_w = ops.output_size(H, k, s, top, bottom), ops.output_size(W, k, s, left, right)
        return (config["out_channels"], out_h, out_w)

    @classmethod
    def cost(cls, config: Mapping[str, Any], output_shape: Shape) -> Cost:
        windows = config["in_channels"] * config["kernel_size"] ** 2 * math.prod(output_shape[1:])
        return Cost(config["out_channels"] * windows, windows)

    def forward(self, x: np.ndarray) -> np.ndarray:
        N, C, H, W = x.shape
        if self.in_channels != C:
            raise ValueError(f"{self!r} expects {self.in_channels} input channels, got input {x.shape}")
        if self._extra is not None:
            x = pad_sides(x, self._extra)
            N, C, H, W = x.shape
        k, s, p = self.kernel_size, self.stride, self.pad
        self._x_shape = (N, C, H, W)
        if s == 1 and p < k:
            return self._forward_flat(x)
        self._flat = None
        out_h, out_w = ops.output_size(H, k, s, p), ops.output_size(W, k, s, p)
        dtype = self.params["W"].dtype
        self._cols = ops.im2col(ops.pad_cnhw(x, p, dtype), k, k, s, out_h, out_w)
        kernels = self.params["W"].reshape(self.out_channels, -1)
        if self._exact_sums():
            out = (ops.exact_product(kernels, self._cols) + self.params["b"][:, None]).astype(dtype)
        else:
            out = kernels @ self._cols
            out += self.params["b"][:, None]
        return ops.nchw(out.reshape(self.out_channels, N, out_h, out_w))

    def _exact_sums(self) -> bool:
        """Whether this forward sums its products in float64: a float32 gradient pass in eval mode (what the
        views show; ``exact``), so that equal windows give bit-equal outputs and max-pool ties break as in
        float64 on every BLAS (see ``ops.LANES``). Training and predictions keep float32 sums (twice as
        fast): a tie's side changes no prediction, and does not matter to a training step."""
        return self.exact and not self.training and self.params["W"].dtype == np.float32

    def _forward_flat(self, x: np.ndarray) -> np.ndarray:
        """Stride 1 on the flattened padded grid (see ``ops.FlatConv``), the bias folded into the matmul."""
        Wt = self.params["W"]
        if self._flat is None or self._flat.key != (x.shape, Wt.dtype):
            self._flat = ops.FlatConv(x.shape, self.kernel_size, self.pad, self.out_channels, Wt.dtype)
        return self._flat.forward(x, Wt, self.params["b"], self._exact_sums())

    def backward(self, dy: np.ndarray) -> np.ndarray:
        dx = self._input_grad(dy)
        return dx if self._extra is None else crop_sides(dx, self._extra)

    def _input_grad(self, dy: np.ndarray) -> np.ndarray:
        """dL/dx of the input the kernels saw (padded beforehand when the sides differ)."""
        self.param_backward(dy)
        Wt = self.params["W"]
        if self._flat is not None:
            # dL/dx is the full convolution of dy with the kernel rotated 180 degrees: no scatter needed.
            return self._flat.input_grad(Wt)
        N, C, H, W = self._x_shape
        k, s, p = self.kernel_size, self.stride, self.pad
        dcols = Wt.reshape(self.out_channels, -1).T @ self._dy2
        dxp = ops.col2im(dcols, (C, N, H + 2 * p, W + 2 * p), k, k, s, dy.shape[2], dy.shape[3])
        return ops.nchw(dxp[:, :, p : p + H, p : p + W])

    def param_backward(self, dy: np.ndarray) -> None:
        Wt = self.params["W"]
        if self._flat is not None:
            flat = self._flat
            flat.load_dy(dy)

            def weight_grad() -> None:
                dW, db = flat.loaded_weight_grad()
                self.grads = {"W": dW, "b": db}

            # A single block's weight gradient (one image) may run beside dL/dx (see ops.deferring).
            ops.defer(weight_grad, flat.weight_grad_size if flat.workers == 1 else 0)
            return
        self._dy2 = np.ascontiguousarray(ops.cnhw(dy), dtype=Wt.dtype).reshape(self.out_channels, -1)
        # (cols @ dy.T).T rather than dy @ cols.T: OpenBLAS is several times faster with the long axis inside.
        dW = np.ascontiguousarray((self._cols @ self._dy2.T).T)
        self.grads = {"W": dW.reshape(Wt.shape), "b": self._dy2.sum(axis=1)}

    def trace_config(self) -> dict[str, Any]:
        """:meth:`get_config` with ``padding`` resolved to the zero rows/columns added: one number for
        every side when they are equal, else ``[top, left, bottom, right]`` (:func:`resolve_pads` reads
        either)."""
        return {**self.get_config(), "padding": self.pads.config()}

    def __repr__(self) -> str:
        extra = f", init={self.init!r}" if self.init != "he" else ""
        return (
            f"Conv2D({self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding={self.padding!r}{extra})"
        )


class Padding(NamedTuple):
    """Zero rows and columns added around a map, in ONNX's ``pads`` order."""

    top: int
    left: int
    bottom: int
    right: int

    @property
    def uniform(self) -> int | None:
        """The padding of every side when all four are equal, else None."""
        return self.top if self.top == self.left == self.bottom == self.right else None

    def config(self) -> int | list[int]:
        """As a config value: one number when every side is equal, else ``[top, left, bottom, right]``."""
        return self.top if self.uniform is not None else list(self)


def resolve_pads(padding: int | str | Sequence[int], kernel_size: int) -> Padding:
    """The padding of each side for an int, ``"valid"``, ``"same"`` or ``(top, left, bottom, right)``."""
    if isinstance(padding, str) or not isinstance(padding, Sequence):
        return Padding(*[resolve_padding(padding, kernel_size)] * 4)
    sides = list(padding)
    if len(sides) != 4 or not all(isinstance(p, int | np.integer) and p >= 0 for p in sides):
        raise ValueError(
            f"padding must be an int >= 0, 'valid', 'same' or four ints (top, left, bottom, right) >= 0, "
            f"got {padding!r}"
        )
    return Padding(*(int(p) for p in sides))


def resolve_padding(padding: int | str | Sequence[int], kernel_size: int) -> int:
    """Padding in pixels per side for an int, ``"valid"`` (0) or ``"same"`` ((k - 1) // 2, odd k only),
    or four equal sides; unequal sides need :func:`resolve_pads`."""
    if isinstance(padding, Sequence) and not isinstance(padding, str):
        uniform = resolve_pads(padding, kernel_size).uniform
        if uniform is None:
            raise ValueError(f"padding {list(padding)} differs between sides; one number per side is needed")
        return uniform
    if padding == "valid":
        return 0
    if padding == "same":
        if kernel_size % 2 == 0:
            raise ValueError(
                f"padding='same' needs an odd kernel_size so both sides match, got {kernel_size}"
            )
        return (kernel_size - 1) // 2
    if isinstance(padding, str) or int(padding) != padding or padding < 0:
        raise ValueError(f"padding must be an int >= 0, 'valid' or 'same', got {padding!r}")
    return int(padding)


def pad_sides(x: np.ndarray, pads: Padding, fill: float = 0.0) -> np.ndarray:
    """A new array holding ``x`` with ``fill`` rows and columns added on each side.

    Shape:
        x ``(N, C, H, W)``; returns ``(N, C, H + top + bottom, W + left + right)``.
    """
    N, C, H, W = x.shape
    padded = np.full((N, C, H + pads.top + pads.bottom, W + pads.left + pads.right), fill, x.dtype)
    padded[:, :, pads.top : pads.top + H, pads.left : pads.left + W] = x
    return padded


def crop_sides(x: np.ndarray, pads: Padding) -> np.ndarray:
    """The inside of a padded map (a view): the adjoint of :func:`pad_sides` for gradients.

    Shape:
        x ``(N, C, Hp, Wp)``; returns ``(N, C, Hp - top - bottom, Wp - left - right)``.
    """
    _, _, Hp, Wp = x.shape
    return x[:, :, pads.top : Hp - pads.bottom, pads.left : Wp - pads.right]


class _Pool2D(Layer):
    """Shared shape logic and padding of max and average pooling.

    ``padding`` (one number, or ``(top, left, bottom, right)``) and ``ceil_mode`` are ONNX's and PyTorch's:
    ``H_out = floor or ceil((H + P_top + P_bottom - size) / stride) + 1``, where in ceil mode a last window
    that would start in the trailing padding is dropped. Each side pads at most ``size - 1``, so every
    window holds at least one input value. The windows run over a grid padded with ``fill`` (what a padded
    cell holds for the subclass), which in ceil mode reaches past the trailing padding where a last, partial
    window needs it.
    """

    prefix = "pool"
    fill: ClassVar[float] = 0.0
    schema: ClassVar[Mapping[str, Setting]] = {
        "size": Setting(checks.WINDOW, True),
        "stride": Setting(checks.optional(checks.WINDOW), False),
        "padding": Setting(checks.pool_padding, False),
        "ceil_mode": Setting(checks.boolean, False),
    }

    def __init__(
        self, size: int, stride: int | None = None, padding: int | Sequence[int] = 0, ceil_mode: bool = False
    ) -> None:
        super().__init__()
        stride = size if stride is None else stride
        if size < 1 or stride < 1:
            raise ValueError(
                f"{type(self).__name__} needs size and stride >= 1, got size={size}, stride={stride}"
            )
        self.size = int(size)
        self.stride = int(stride)
        self.pads = _pool_pads(type(self).__name__, padding, self.size)
        self.padding = padding if isinstance(padding, int) else list(self.pads)
        self.ceil_mode = bool(ceil_mode)
        self._x_shape: tuple[int, int, int, int] = (0, 0, 0, 0)
        self._grid = Padding(0, 0, 0, 0)
        self._input_hw = (0, 0)
        self._padded = False

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        C, H, W = _check_image_shape(input_shape)
        return (C, *cls._output_hw(config, H, W))

    @classmethod
    def _output_hw(cls, config: Mapping[str, Any], H: int, W: int) -> tuple[int, int]:
        size, stride = config["size"], config["stride"]
        pads = _pool_pads(cls.__name__, config.get("padding", 0), size)
        return _pool_hw(H, W, size, size if stride is None else stride, pads, bool(config.get("ceil_mode")))

    def grid_padding(self, H: int, W: int) -> Padding:
        """The padding of the grid the windows run over for an ``H x W`` input: the leading padding, and
        after the input the rows and columns the last window reaches (less than the trailing padding when
        no window reaches all of it, more in ceil mode when a last window reaches past it)."""
        out_h, out_w = _pool_hw(H, W, self.size, self.stride, self.pads, self.ceil_mode)
        top, left = self.pads.top, self.pads.left
        bottom = max((out_h - 1) * self.stride + self.size - H - top, 0)
        right = max((out_w - 1) * self.stride + self.size - W - left, 0)
        return Padding(top, left, bottom, right)

    def forward(self, x: np.ndarray) -> np.ndarray:
        _, _, H, W = x.shape
        if self._input_hw != (H, W):  # the live path keeps one size: work the grid out once
            self._grid, self._input_hw = self.grid_padding(H, W), (H, W)
            self._padded = any(self._grid)
        return self._pool(pad_sides(x, self._grid, self.fill) if self._padded else x)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        dx = self._pool_backward(dy)
        return crop_sides(dx, self._grid) if self._padded else dx

    def _pool(self, grid: np.ndarray) -> np.ndarray:
        """Pool the padded grid (floor mode, no padding: the grid holds exactly the windows)."""
        raise NotImplementedError

    def _pool_backward(self, dy: np.ndarray) -> np.ndarray:
        """dL/d(grid) for dL/dy of the last :meth:`_pool`."""
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"size": self.size, "stride": self.stride}
        if self.padding != 0:
            config["padding"] = self.padding
        if self.ceil_mode:
            config["ceil_mode"] = True
        return config

    def __repr__(self) -> str:
        extra = "".join(f", {key}={value!r}" for key, value in self.get_config().items() if key != "size")
        return f"{type(self).__name__}({self.size}{extra})"


def _pool_hw(H: int, W: int, size: int, stride: int, pads: Padding, ceil_mode: bool) -> tuple[int, int]:
    """A pool's output height and width."""
    return (
        ops.output_size(H, size, stride, pads.top, pads.bottom, ceil_mode=ceil_mode),
        ops.output_size(W, size, stride, pads.left, pads.right, ceil_mode=ceil_mode),
    )


def _pool_pads(name: str, padding: int | Sequence[int], size: int) -> Padding:
    """A pool's padding per side, each at most ``size - 1`` so that no window is padding only."""
    if isinstance(padding, str):
        raise ValueError(
            f"{name} padding must be an int or four ints (top, left, bottom, right), got {padding!r}"
        )
    pads = resolve_pads(padding, size)
    if max(pads) > size - 1:
        raise ValueError(
            f"{name} padding {list(pads)} must be at most size - 1 = {size - 1} on every side, so that "
            "every window holds an input value"
        )
    return pads


class MaxPool2D(_Pool2D):
    """Max pooling: each output is the largest value of its ``size x size`` window, per channel.

    Parameters
    ----------
    size : int
        Window side.
    stride : int, optional
        Step between windows; defaults to ``size`` (non-overlapping windows).
    padding : int or sequence of 4 ints
        Cells added on each side (``(top, left, bottom, right)``), holding -inf so they never win.
    ceil_mode : bool
        Round the output size up (see :class:`_Pool2D`).

    Shape
    -----
    - x: ``(N, C, H, W)``; y: ``(N, C, H_out, W_out)``, the sizes :class:`_Pool2D` gives.

    Notes
    -----
    Backward routes each output's gradient to the single position of its window's maximum (the "mask");
    everything else gets zero. **Ties:** when several positions hold the maximum, the first one in row-major
    order inside the window gets the whole gradient (``argmax`` rule), so gradients are never duplicated.
    """

    kind = "maxpool2d"
    fill = -math.inf

    def _pool(self, x: np.ndarray) -> np.ndarray:
        self._x_shape = x.shape
        if self.size == self.stride == 2:
            return self._forward_2x2(x)
        windows = ops.pool_windows(x, self.size, self.stride)
        self._index = windows.argmax(axis=-1)
        y = np.take_along_axis(windows, self._index[..., None], axis=-1)[..., 0]
        return ops.nchw(y)

    def _forward_2x2(self, x: np.ndarray) -> np.ndarray:
        """2x2 windows by their four corners (strided views, or contiguous copies of them for one image's
        maps); three comparisons record the row-major-first max.

        It works on the ``(C, H, N, W)`` view, the memory order of a convolution's output
        (``ops.FlatConv``), and its output and masks are laid out the same way, so the next convolution
        and the backward pass read whole rows (a CNHW order would read the rows of one image in 64 strides).
        """
        N, C, H, W = x.shape
        rows = ops.chnw(x)[:, : H - H % 2, :, : W - W % 2]
        q = rows.reshape(C, H // 2, 2, N, W // 2, 2, copy=False)
        y = np.empty((C, H // 2, N, W // 2), x.dtype)
        # One mask per corner (a b / c d) marking the window's winner, so backward is four multiplies.
        # Ties go to the upper row, then to the left column: the first maximum in row-major order.
        self._masks = masks = np.empty((4, *y.shape), bool)
        if x.size < ops.PARALLEL_SIZE:
            # One image: a NumPy call on a strided corner view costs ~3 us, on a contiguous one ~0.6 us, so
            # the four corners are first copied out contiguously, in one call.
            corners = np.empty((2, 2, *y.shape), x.dtype)
            np.copyto(corners, q.transpose(2, 5, 0, 1, 3, 4))
            self._winners(corners[0, 0], corners[0, 1], corners[1, 0], corners[1, 1], masks, y)
            return ops.from_chnw(y)

        def part(s: slice) -> None:
            a, b, c, d = q[s, :, 0, :, :, 0], q[s, :, 0, :, :, 1], q[s, :, 1, :, :, 0], q[s, :, 1, :, :, 1]
            self._winners(a, b, c, d, masks[:, s], y[s])

        ops.batch_parallel(part, C, x.size)
        return ops.from_chnw(y)

    @staticmethod
    def _winners(
        a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, masks: np.ndarray, y: np.ndarray
    ) -> None:
        """Into ``y`` the maximum of the corners ``a b / c d`` of every window, into ``masks`` ``(4, ...)``
        the corner that holds it (ties go to the upper row, then to the left column)."""
        upper, lower = np.maximum(a, b), np.maximum(c, d)
        upper_wins, a_wins, b_wins, c_wins, d_wins = upper >= lower, *masks
        np.logical_and(upper_wins, a >= b, out=a_wins)
        np.greater(upper_wins, a_wins, out=b_wins)  # upper row won, a did not
        np.logical_and(c >= d, ~upper_wins, out=c_wins)
        np.logical_not(upper_wins | c_wins, out=d_wins)
        np.maximum(upper, lower, out=y)

    def _pool_backward(self, dy: np.ndarray) -> np.ndarray:
        N, C, H, W = self._x_shape
        if self.size == self.stride == 2:
            masks, dyc = self._masks, ops.chnw(dy)
            # Every element of the even part is written below; an odd last row/column gets no gradient.
            dx = (np.zeros if H % 2 or W % 2 else np.empty)((C, H, N, W), dy.dtype)
            q = dx[:, : H - H % 2, :, : W - W % 2].reshape(C, H // 2, 2, N, W // 2, 2, copy=False)

            def part(s: slice) -> None:
                dys = dyc[s]
                np.multiply(dys, masks[0, s], out=q[s, :, 0, :, :, 0])
                np.multiply(dys, masks[1, s], out=q[s, :, 0, :, :, 1])
                np.multiply(dys, masks[2, s], out=q[s, :, 1, :, :, 0])
                np.multiply(dys, masks[3, s], out=q[s, :, 1, :, :, 1])

            ops.batch_parallel(part, C, dx.size)
            return ops.from_chnw(dx)
        dyc = ops.cnhw(dy)
        zero = np.zeros((), dy.dtype)
        parts = [np.where(self._index == k, dyc, zero) for k in range(self.size * self.size)]
        return ops.nchw(ops.scatter_windows(parts, (C, N, H, W), self.size, self.stride))


class AvgPool2D(_Pool2D):
    """Average pooling: each output is the mean of its ``size x size`` window, per channel.

    Parameters
    ----------
    size : int
        Window side.
    stride : int, optional
        Step between windows; defaults to ``size``.
    padding : int or sequence of 4 ints
        Cells added on each side (``(top, left, bottom, right)``), holding 0.
    ceil_mode : bool
        Round the output size up (see :class:`_Pool2D`).
    count_include_pad : bool
        Divide by the padded cells too (ONNX's attribute of that name; by default, as in ONNX, a window
        divides by the input values it holds only).

    Shape
    -----
    - x: ``(N, C, H, W)``; y: ``(N, C, H_out, W_out)``, the sizes :class:`_Pool2D` gives.

    Notes
    -----
    ``y = sum(window) / count``: ``count`` is ``size**2`` for a window inside the input; at a padded edge it
    is the number of input values in the window, or with ``count_include_pad`` the number of cells inside
    the padded input (never the cells a ceil-mode window reaches past the padding, as in PyTorch and ONNX).
    Backward spreads each output's gradient evenly, ``dy / count``, over its window.
    """

    kind = "avgpool2d"
    schema: ClassVar[Mapping[str, Setting]] = {
        **_Pool2D.schema,
        "count_include_pad": Setting(checks.boolean, False),
    }

    def __init__(
        self,
        size: int,
        stride: int | None = None,
        padding: int | Sequence[int] = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = False,
    ) -> None:
        super().__init__(size, stride, padding, ceil_mode)
        self.count_include_pad = bool(count_include_pad)
        self._count: np.ndarray | None = None
        self._counts_of: tuple[tuple[int, int], np.dtype, np.ndarray | None] | None = None

    def counts(self, H: int, W: int) -> np.ndarray:
        """The divisor of every output position for an ``H x W`` input.

        Shape:
            returns ``(H_out, W_out)`` int64.
        """
        out_h, out_w = _pool_hw(H, W, self.size, self.stride, self.pads, self.ceil_mode)
        rows = self._counts_1d(H, out_h, self.pads.top, self.pads.bottom)
        cols = self._counts_1d(W, out_w, self.pads.left, self.pads.right)
        return np.outer(rows, cols)

    def _counts_1d(self, size: int, out: int, begin: int, end: int) -> np.ndarray:
        starts = np.arange(out) * self.stride - begin
        stops = starts + self.size
        if self.count_include_pad:
            return np.minimum(stops, size + end) - starts
        return np.minimum(stops, size) - np.maximum(starts, 0)

    def _pool(self, x: np.ndarray) -> np.ndarray:
        self._x_shape = x.shape
        windows = ops.pool_windows(x, self.size, self.stride)
        if self._counts_of is None or self._counts_of[:2] != (self._input_hw, x.dtype):
            count = self.counts(*self._input_hw)
            whole = np.all(count == self.size**2)
            self._counts_of = (self._input_hw, x.dtype, None if whole else count.astype(x.dtype))
        self._count = self._counts_of[2]
        if self._count is None:
            return ops.nchw(windows.mean(axis=-1, dtype=x.dtype))
        return ops.nchw(windows.sum(axis=-1, dtype=x.dtype) / self._count)

    def _pool_backward(self, dy: np.ndarray) -> np.ndarray:
        N, C, H, W = self._x_shape
        share = ops.cnhw(dy) / (self.size * self.size if self._count is None else self._count)
        return ops.nchw(ops.scatter_windows([share] * self.size**2, (C, N, H, W), self.size, self.stride))

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        if self.count_include_pad:
            config["count_include_pad"] = True
        return config


class GlobalAvgPool2D(Layer):
    """Global average pooling: each channel's mean over the whole map, one number per channel.

    Shape
    -----
    - x: ``(N, C, H, W)``; y: ``(N, C)``.

    Notes
    -----
    ``y[n, c] = mean over (i, j) of x[n, c, i, j]``; backward spreads ``dy / (H W)`` over the map.
    """

    kind = "globalavgpool2d"
    prefix = "gap"
    named_alone = True

    def __init__(self) -> None:
        super().__init__()
        self._x_shape: tuple[int, int, int, int] = (0, 0, 0, 0)

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        C, _, _ = _check_image_shape(input_shape)
        return (C,)

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x_shape = x.shape
        return x.mean(axis=(2, 3), dtype=x.dtype)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        N, C, H, W = self._x_shape
        share = dy / dy.dtype.type(H * W)
        return np.ascontiguousarray(np.broadcast_to(share[:, :, None, None], (N, C, H, W)))


class BatchNorm2D(Layer):
    """Batch normalisation per channel: ``y = gamma * (x - mean) / sqrt(var + eps) + beta``.

    In training mode ``mean`` and ``var`` are the batch's (over N, H and W; the biased variance), and the
    running statistics move towards them by ``momentum``, the variance unbiased (``n / (n - 1)``), as in
    PyTorch. In eval mode (the default, and always inside ``Sequential.trace``) the running statistics are
    used, so one image's output does not depend on the others.

    Parameters
    ----------
    channels : int
        C, the number of channels (features) normalised.
    eps : float
        Added to the variance before the square root.
    momentum : float
        ``running = (1 - momentum) * running + momentum * batch``.

    Shape
    -----
    - x, y: ``(N, C, H, W)``
    - gamma, beta (params), running_mean, running_var (buffers): ``(C,)``

    Notes
    -----
    With batch statistics, backward goes through the mean and variance too:
    ``dx = gamma / (n sqrt(var + eps)) * (n dy - sum(dy) - x_hat * sum(dy x_hat))`` per channel, with
    ``n = N H W``. With running statistics the layer is affine: ``dx = dy * gamma / sqrt(var + eps)``.
    """

    kind = "batchnorm2d"
    prefix = "bn"
    schema: ClassVar[Mapping[str, Setting]] = {
        "channels": Setting(checks.COUNT, True),
        "eps": Setting(checks.float_in(1e-12, 1.0), False),
        "momentum": Setting(checks.float_in(0.0, 1.0), False),
    }

    def __init__(self, channels: int, eps: float = 1e-5, momentum: float = 0.1) -> None:
        super().__init__()
        if channels < 1 or not eps > 0 or not 0.0 <= momentum <= 1.0:
            raise ValueError(
                f"BatchNorm2D needs channels >= 1, eps > 0 and momentum in [0, 1], got {channels}, {eps}, "
                f"{momentum}"
            )
        self.channels = int(channels)
        self.eps = float(eps)
        self.momentum = float(momentum)
        self.params = {
            "gamma": np.ones(self.channels, np.float32),
            "beta": np.zeros(self.channels, np.float32),
        }
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}
        self.buffers = {
            "running_mean": np.zeros(self.channels, np.float32),
            "running_var": np.ones(self.channels, np.float32),
        }
        self._x_hat = np.empty((0, self.channels, 0, 0), np.float32)
        self._inv_std = np.ones(self.channels, np.float32)
        self._batch_statistics = False

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        _check_image_shape(input_shape, config["channels"])
        return tuple(input_shape)

    @classmethod
    def param_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        return {"gamma": (config["channels"],), "beta": (config["channels"],)}

    @classmethod
    def buffer_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        return {"running_mean": (config["channels"],), "running_var": (config["channels"],)}

    @classmethod
    def cost(cls, config: Mapping[str, Any], output_shape: Shape) -> Cost:
        return Cost(math.prod(output_shape), 0)

    def statistics(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The per-channel mean and biased variance of a batch, in the parameters' dtype.

        Shape:
            x: ``(N, C, H, W)``; returns two ``(C,)`` arrays.
        """
        dtype = self.params["gamma"].dtype
        mean = x.mean(axis=(0, 2, 3), dtype=np.float64)
        var = ((x - mean[None, :, None, None].astype(x.dtype)) ** 2).mean(axis=(0, 2, 3), dtype=np.float64)
        return mean.astype(dtype), var.astype(dtype)

    def forward(self, x: np.ndarray) -> np.ndarray:
        N, C, H, W = x.shape
        if self.channels != C:
            raise ValueError(f"{self!r} expects {self.channels} channels, got input {x.shape}")
        gamma, beta = self.params["gamma"], self.params["beta"]
        dtype = gamma.dtype
        self._batch_statistics = self.training
        if self.training:
            n = N * H * W
            if n < 2:
                raise ValueError(f"{self!r} needs more than one value per channel in training, got {x.shape}")
            mean, var = self.statistics(x)
            m = dtype.type(self.momentum)
            for key, batch in (("running_mean", mean), ("running_var", var * dtype.type(n / (n - 1)))):
                running = self.buffers[key]
                self.buffers[key] = ((1 - m) * running + m * batch).astype(running.dtype)
        else:
            mean, var = self.buffers["running_mean"].astype(dtype), self.buffers["running_var"].astype(dtype)
        self._inv_std = (1 / np.sqrt(var + dtype.type(self.eps))).astype(dtype)
        self._x_hat = (x.astype(dtype, copy=False) - mean[None, :, None, None]) * self._inv_std[
            None, :, None, None
        ]
        return self._x_hat * gamma[None, :, None, None] + beta[None, :, None, None]

    def backward(self, dy: np.ndarray) -> np.ndarray:
        x_hat, gamma = self._x_hat, self.params["gamma"]
        dbeta = dy.sum(axis=(0, 2, 3))
        dgamma = (dy * x_hat).sum(axis=(0, 2, 3))
        self.grads = {"gamma": dgamma, "beta": dbeta}
        scale = (gamma * self._inv_std)[None, :, None, None]
        if not self._batch_statistics:
            return dy * scale
        N, _, H, W = dy.shape
        n = dy.dtype.type(N * H * W)
        return scale / n * (n * dy - dbeta[None, :, None, None] - x_hat * dgamma[None, :, None, None])

    def get_config(self) -> dict[str, Any]:
        return {"channels": self.channels, "eps": self.eps, "momentum": self.momentum}

    def state_problem(self) -> str | None:
        negative = np.flatnonzero(self.buffers["running_var"] < 0)
        if negative.size:
            return (
                f"running_var is negative for channels {negative[:8].tolist()}; a variance is never below 0"
            )
        return None

    def __repr__(self) -> str:
        return f"BatchNorm2D({self.channels}, eps={self.eps:g}, momentum={self.momentum:g})"


class ReLU(Layer):
    """Rectified linear unit ``max(0, x)``; its derivative is 1 where x > 0 and 0 elsewhere (also at 0).

    Shape
    -----
    Any; y has the shape of x.
    """

    kind = "relu"

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = y = ops.relu(x)  # dense, in x's axis order
        return y

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return ops.relu_backward(dy, self._y)


class LeakyReLU(Layer):
    """Leaky ReLU ``x if x > 0 else alpha * x``.

    Shape
    -----
    Any; y has the shape of x.
    """

    kind = "leaky_relu"
    schema: ClassVar[Mapping[str, Setting]] = {"alpha": Setting(checks.float_in(0.0, 1.0), False)}

    def __init__(self, alpha: float = 0.01) -> None:
        super().__init__()
        self.alpha = float(alpha)

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._positive = x > 0
        return np.where(self._positive, x, self.alpha * x)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return np.where(self._positive, dy, self.alpha * dy)

    def get_config(self) -> dict[str, Any]:
        return {"alpha": self.alpha}


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Logistic sigmoid ``1 / (1 + exp(-x))`` from ``e = exp(-|x|)``, so it never overflows and keeps its
    relative precision in both tails (``(1 + tanh(x/2)) / 2`` cancels to 0 in float32 below x = -17).

    Shape:
        any; returns x's shape and dtype.
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    """``sigmoid'(x) = y (1 - y) = e / (1 + e)**2`` with ``e = exp(-|x|)``: no ``1 - y`` that rounds to 0.

    Shape:
        any; returns x's shape and dtype.
    """
    e = np.exp(-np.abs(x))
    return e / np.square(1 + e)


def tanh_derivative(x: np.ndarray) -> np.ndarray:
    """``tanh'(x) = 1 - tanh(x)**2 = 4e / (1 + e)**2`` with ``e = exp(-2|x|)``: exact where tanh rounds to ±1.

    Shape:
        any; returns x's shape and dtype.
    """
    e = np.exp(-2 * np.abs(x))
    return 4 * e / np.square(1 + e)


class Sigmoid(Layer):
    """Logistic sigmoid ``1 / (1 + exp(-x))`` (see :func:`sigmoid`).

    Shape
    -----
    Any; y has the shape of x. Derivative ``y (1 - y)``, computed from x (:func:`sigmoid_derivative`) so a
    saturated unit passes on its tiny gradient instead of 0.
    """

    kind = "sigmoid"

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x = x
        return sigmoid(x)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return dy * sigmoid_derivative(self._x)


class Tanh(Layer):
    """Hyperbolic tangent.

    Shape
    -----
    Any; y has the shape of x. Derivative ``1 - y**2``, computed from x (:func:`tanh_derivative`) so a
    saturated unit passes on its tiny gradient instead of 0.
    """

    kind = "tanh"

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x = x
        return np.tanh(x)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return dy * tanh_derivative(self._x)


class Flatten(Layer):
    """Flatten each sample to a vector, in C order (channel, then row, then column).

    Shape
    -----
    - x: ``(N, C, H, W)``; y: ``(N, C*H*W)``.
    """

    kind = "flatten"
    named_alone = True

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        return (math.prod(input_shape),)

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return dy.reshape(self._x_shape)


class Dense(Layer):
    """Fully connected layer ``y = x @ W + b``.

    Parameters
    ----------
    in_features, out_features : int
    rng : numpy.random.Generator, optional
        Source of the initial weights (``default_rng(0)`` when None).
    init : {"he", "glorot"}

    Shape
    -----
    - x: ``(N, in_features)``; y: ``(N, out_features)``
    - W: ``(in_features, out_features)``, b: ``(out_features,)``
    """

    kind = "dense"
    random = True
    schema: ClassVar[Mapping[str, Setting]] = {
        "in_features": Setting(checks.FEATURES, True),
        "out_features": Setting(checks.FEATURES, True),
        "init": Setting(checks.INIT, False),
    }

    def __init__(
        self, in_features: int, out_features: int, *, rng: np.random.Generator | None = None, init: str = "he"
    ) -> None:
        super().__init__()
        if in_features < 1 or out_features < 1:
            raise ValueError(f"Dense needs in/out features >= 1, got {in_features}, {out_features}")
        self.in_features = int(in_features)
        self.out_features = int(out_features)
        self.init = init
        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {
            "W": initialise(init, (self.in_features, self.out_features), rng),
            "b": np.zeros(self.out_features, np.float32),
        }
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        if tuple(input_shape) != (config["in_features"],):
            raise ValueError(f"needs input ({config['in_features']},), got {tuple(input_shape)}")
        return (config["out_features"],)

    @classmethod
    def param_shapes(cls, config: Mapping[str, Any]) -> dict[str, Shape]:
        return {"W": (config["in_features"], config["out_features"]), "b": (config["out_features"],)}

    @classmethod
    def cost(cls, config: Mapping[str, Any], output_shape: Shape) -> Cost:
        return Cost(config["in_features"] * config["out_features"], 0)

    PARALLEL_MACS = 2_000_000
    """A batch with at least this many multiply-adds is shared by the worker threads."""

    def _workers(self, n: int) -> int:
        return ops.WORKERS if n * self.params["W"].size >= self.PARALLEL_MACS else 1

    def forward(self, x: np.ndarray) -> np.ndarray:
        W, b = self.params["W"], self.params["b"]
        self._x = x.astype(W.dtype, copy=False)
        workers = self._workers(x.shape[0])
        if workers == 1:
            return self._x @ W + b
        y = np.empty((x.shape[0], W.shape[1]), W.dtype)

        def part(s: slice) -> None:  # a share of the output features
            np.add(np.matmul(self._x, W[:, s], out=y[:, s]), b[s], out=y[:, s])

        ops.parallel_slices(part, W.shape[1], workers)
        return y

    def backward(self, dy: np.ndarray) -> np.ndarray:
        dy = dy.astype(self.params["W"].dtype, copy=False)
        if self._workers(dy.shape[0]) == 1:
            self.param_backward(dy)
            return dy @ self.params["W"].T
        dx = np.empty((dy.shape[0], self.in_features), dy.dtype)

        def part(worker: int) -> None:  # dL/dW and dL/dx side by side
            if worker == 0:
                self.param_backward(dy)
            else:
                np.matmul(dy, self.params["W"].T, out=dx)

        ops.run_workers(part, 2)
        return dx

    def param_backward(self, dy: np.ndarray) -> None:
        dy = dy.astype(self.params["W"].dtype, copy=False)
        x = self._x

        def weight_grad() -> None:
            # One sample's x.T @ dy is an outer product; NumPy's matmul would take a slow loop for K = 1.
            dW = x.T * dy if x.shape[0] == 1 else x.T @ dy
            self.grads = {"W": dW, "b": dy.sum(axis=0)}

        # A small batch's weight gradient may run beside dL/dx (see ops.deferring); a large one is shared.
        # One sample's is an outer product, as slow as a copy of dW.
        size = max(x.shape[0], ops.COPY_COST) * self.params["W"].size
        ops.defer(weight_grad, size if self._workers(x.shape[0]) == 1 else 0)

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"in_features": self.in_features, "out_features": self.out_features}
        if self.init != "he":
            config["init"] = self.init
        return config

    def __repr__(self) -> str:
        extra = f", init={self.init!r}" if self.init != "he" else ""
        return f"Dense({self.in_features}, {self.out_features}{extra})"


class Dropout(Layer):
    """Inverted dropout: in training mode zero each value with probability p and scale the rest by 1/(1-p).

    In eval mode (the default, and always inside ``Sequential.trace``) it is the identity.

    Parameters
    ----------
    p : float
        Drop probability, ``0 <= p < 1``.
    rng : numpy.random.Generator, optional
        Source of the masks (``default_rng(0)`` when None).

    Shape
    -----
    Any; y has the shape of x.
    """

    kind = "dropout"
    random = True
    schema: ClassVar[Mapping[str, Setting]] = {"p": Setting(checks.float_in(0.0, 1.0, hi_open=True), False)}

    def __init__(self, p: float = 0.5, *, rng: np.random.Generator | None = None) -> None:
        super().__init__()
        if not 0.0 <= p < 1.0:
            raise ValueError(f"Dropout probability must be in [0, 1), got {p}")
        self.p = float(p)
        self.rng = np.random.default_rng(0) if rng is None else rng
        self._scale: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        if not self.training or self.p == 0.0:
            self._scale = None
            return x
        keep = self.rng.random(x.shape) >= self.p
        self._scale = keep.astype(x.dtype) / np.asarray(1.0 - self.p, x.dtype)
        return x * self._scale

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return dy if self._scale is None else dy * self._scale

    def get_config(self) -> dict[str, Any]:
        return {"p": self.p}
