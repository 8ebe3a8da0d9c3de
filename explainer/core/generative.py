"""The layers a decoder needs to grow an image from a short code: :class:`Reshape` and
:class:`ConvTranspose2D`.

Why a transposed convolution rather than ``Upsample2D`` followed by a convolution: it is one layer that
learns its own upsampling, and it is exactly the operation the app already teaches as the backward pass
of a convolution (dL/dx of a stride-S conv is a transposed conv of dL/dy), so the same numbers can be
shown twice. Each input pixel stamps the kernel, scaled by its value, onto the larger output; where
stamps overlap they add. It also costs less: the multiply-adds are counted at the small input's pixels
rather than at the upsampled grid's (a 2x upsample-then-conv does four times the work for the same
kernel). Its known flaw, the checkerboard where stamps overlap unevenly, disappears when the kernel side
is a multiple of the stride (the bundled VAE uses k = 4, S = 2).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np

from explainer.core import ops
from explainer.core import schema as checks
from explainer.core.layers import Cost, Layer, Shape, _check_image_shape, _KernelLayer, kernel_schema
from explainer.core.schema import Setting


def _shape_check(value: Any) -> str | None:
    """A per-sample shape: a list of 1 to 3 positive integers, none above ``MAX_FEATURES``."""
    if not isinstance(value, list | tuple) or not 1 <= len(value) <= 3:
        return "must be a list of 1 to 3 sizes"
    problems = [checks.FEATURES(size) for size in value]
    return next((problem for problem in problems if problem), None)


class Reshape(Layer):
    """Give each sample a new shape with the same numbers in the same C order (a Dense output becomes maps).

    Parameters
    ----------
    shape : sequence of int
        The per-sample output shape, e.g. ``(32, 7, 7)``.

    Shape
    -----
    - x: ``(N, *in_shape)``; y: ``(N, *shape)`` with ``prod(shape) == prod(in_shape)``.
    """

    kind = "reshape"
    schema: ClassVar[Mapping[str, Setting]] = {"shape": Setting(_shape_check, True)}

    def __init__(self, shape: tuple[int, ...] | list[int]) -> None:
        super().__init__()
        problem = _shape_check(list(shape))
        if problem:
            raise ValueError(f"Reshape shape {shape!r} {problem}")
        self.shape = tuple(int(size) for size in shape)
        self._x_shape: tuple[int, ...] = ()

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        shape = tuple(config["shape"])
        if math.prod(shape) != math.prod(input_shape):
            raise ValueError(
                f"cannot reshape {tuple(input_shape)} ({math.prod(input_shape)} numbers) to {shape} "
                f"({math.prod(shape)} numbers)"
            )
        return shape

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x_shape = x.shape
        return np.ascontiguousarray(x).reshape(x.shape[0], *self.shape)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(dy).reshape(self._x_shape)

    def get_config(self) -> dict[str, Any]:
        return {"shape": list(self.shape)}


def transposed_output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    """Output length of a transposed convolution along one axis: ``(size - 1) * stride - 2*padding + kernel``.

    The inverse of :func:`explainer.core.ops.output_size`: a stride-S conv with the same kernel and padding
    maps this length back to ``size``. Raises ValueError when nothing would be left after the padding is cut.
    """
    if size < 1 or kernel < 1 or stride < 1 or padding < 0:
        raise ValueError(
            f"size ({size}), kernel ({kernel}) and stride ({stride}) must be >= 1 "
            f"and padding ({padding}) >= 0"
        )
    full = (size - 1) * stride + kernel
    if full - 2 * padding < 1:
        raise ValueError(f"padding {padding} cuts away the whole output of length {full}")
    return full - 2 * padding


class ConvTranspose2D(_KernelLayer):
    """Transposed 2-D convolution: every input pixel stamps its kernels, scaled by its value, onto the output.

    Parameters
    ----------
    in_channels, out_channels : int
        C_in and C_out.
    kernel_size : int
        Square kernel side k.
    stride : int
        Distance S between the stamps of neighbouring input pixels (the upsampling factor).
    padding : int
        Rows and columns P cut from each side of the full stamped output (as in PyTorch).
    rng : numpy.random.Generator, optional
        Source of the initial weights (``default_rng(0)`` when None).
    init : {"he", "glorot"}
        Weight initialiser, with the fan-in an output pixel really has, ``C_in * k**2 / S**2`` (the input
        values whose stamps reach it); biases start at zero.

    Shape
    -----
    - x: ``(N, C_in, H, W)``
    - y: ``(N, C_out, H_out, W_out)``, ``H_out = (H - 1) * S - 2P + k`` (likewise W_out)
    - W: ``(C_in, C_out, k, k)`` as in PyTorch: ``W[c, o]`` is the stamp input channel c leaves on output
      channel o; b: ``(C_out,)``

    Notes
    -----
    ``full[n, o, S*r + i, S*c + j] += x[n, c, r, w] * W[c, o, i, j]`` summed over c, r, w, then
    ``y = full[:, :, P:-P, P:-P] + b``. It is the adjoint of a Conv2D with weights W (C_out = this layer's
    C_in), stride S and padding P: the forward here is that conv's dL/dx, and this layer's dL/dx is that
    conv's forward applied to dy. So ``dx = conv(dy, W)``, ``dW[c, o] = sum over n, r, w of
    x[n, c, r, w] * dy_padded[n, o, window at (r, w)]`` and ``db = sum(dy)``.
    """

    kind = "conv_transpose2d"
    prefix = "deconv"
    weight_axes = ("in_channels", "out_channels")  # W[c, o], as in PyTorch
    schema: ClassVar[Mapping[str, Setting]] = kernel_schema(checks.int_in(0, checks.MAX_WINDOW))

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int,
        stride: int = 1,
        padding: int = 0,
        *,
        rng: np.random.Generator | None = None,
        init: str = "he",
    ) -> None:
        if min(in_channels, out_channels, kernel_size, stride) < 1 or padding < 0:
            raise ValueError(
                f"ConvTranspose2D needs in_channels, out_channels, kernel_size and stride >= 1 and "
                f"padding >= 0, got {in_channels}, {out_channels}, {kernel_size}, {stride}, {padding}"
            )
        super().__init__(in_channels, out_channels, kernel_size, stride, init)
        self.padding = int(padding)
        # Drawn as the (C_out, C_in, k, k) conv it is the adjoint of (fan-in C_in*k*k), then scaled by S so
        # the fan-in is the C_in*k*k/S**2 stamps that overlap on one output pixel.
        drawn = self._drawn_kernels(rng)
        self._set_weights(np.ascontiguousarray(drawn.transpose(1, 0, 2, 3) * np.float32(self.stride)))
        self._x2 = np.empty((0, 0), np.float32)
        self._x_shape: tuple[int, int, int, int] = (0, 0, 0, 0)

    @classmethod
    def shape_from_config(cls, config: Mapping[str, Any], input_shape: Shape) -> Shape:
        _, H, W = _check_image_shape(input_shape, config["in_channels"])
        k, s, p = config["kernel_size"], config.get("stride", 1), config.get("padding", 0)
        return (
            config["out_channels"],
            transposed_output_size(H, k, s, p),
            transposed_output_size(W, k, s, p),
        )

    @classmethod
    def cost(cls, config: Mapping[str, Any], output_shape: Shape) -> Cost:
        k, s, p = config["kernel_size"], config.get("stride", 1), config.get("padding", 0)
        # Recover the input size from the output: (H_out + 2P - k) / S + 1 input rows.
        rows = (output_shape[1] + 2 * p - k) // s + 1
        cols = (output_shape[2] + 2 * p - k) // s + 1
        stamps = config["out_channels"] * k * k * rows * cols
        return Cost(config["in_channels"] * stamps, stamps)

    def forward(self, x: np.ndarray) -> np.ndarray:
        N, C, H, W = x.shape
        if self.in_channels != C:
            raise ValueError(f"{self!r} expects {self.in_channels} input channels, got input {x.shape}")
        Wt = self.params["W"]
        k, s, p = self.kernel_size, self.stride, self.padding
        out_h, out_w = transposed_output_size(H, k, s, p), transposed_output_size(W, k, s, p)
        self._x_shape = (N, C, H, W)
        self._x2 = np.ascontiguousarray(ops.cnhw(x), dtype=Wt.dtype).reshape(C, N * H * W)
        # One column of stamps per input pixel, then col2im adds the overlapping stamps onto the full grid.
        stamps = Wt.reshape(C, -1).T @ self._x2
        full = ops.col2im(stamps, (self.out_channels, N, out_h + 2 * p, out_w + 2 * p), k, k, s, H, W)
        out = full[:, :, p : p + out_h, p : p + out_w] + self.params["b"][:, None, None, None]
        return ops.nchw(out)

    def backward(self, dy: np.ndarray) -> np.ndarray:
        dcols = self._dy_columns(dy)
        self._weight_grads(dy, dcols)
        N, C, H, W = self._x_shape
        dx = self.params["W"].reshape(C, -1) @ dcols
        return ops.nchw(dx.reshape(C, N, H, W))

    def param_backward(self, dy: np.ndarray) -> None:
        self._weight_grads(dy, self._dy_columns(dy))

    def _dy_columns(self, dy: np.ndarray) -> np.ndarray:
        """dy zero-padded back to the full stamped grid and unfolded into one window per input pixel.

        Shape:
            dy ``(N, C_out, H_out, W_out)``; returns ``(C_out*k*k, N*H*W)``.
        """
        _, _, H, W = self._x_shape
        padded = ops.pad_cnhw(dy, self.padding, self.params["W"].dtype)
        return ops.im2col(padded, self.kernel_size, self.kernel_size, self.stride, H, W)

    def _weight_grads(self, dy: np.ndarray, dcols: np.ndarray) -> None:
        Wt = self.params["W"]
        self.grads = {
            # (dcols @ x2.T).T, not x2 @ dcols.T: with the long N*H*W axis inside, OpenBLAS is ~10x faster.
            "W": np.ascontiguousarray((dcols @ self._x2.T).T).reshape(Wt.shape),
            "b": dy.sum(axis=(0, 2, 3), dtype=Wt.dtype),
        }
