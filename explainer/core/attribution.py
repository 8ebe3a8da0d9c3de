"""Attribution: which input pixels a class score depends on (saliency, SmoothGrad, IG, Grad-CAM, contrast).

Every method asks :meth:`Sequential.trace` for gradients with an explicit dL/dlogits target: a one-hot row
``e_k`` makes the back-propagated "loss" the logit of class ``k`` itself, and ``e_a - e_b`` makes it the
difference of two logits. All methods explain **logits** (pre-softmax class scores), so Integrated
Gradients' completeness holds for exactly the number shown: ``sum(attributions) ≈ f(x) - f(baseline)``
with ``f`` the class logit. Input pixels are raw (before the model's normalisation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explainer.core.network import Sequential
from explainer.core.trace import Trace, frozen, sealed
from explainer.errors import BadInputError


def _check_input(model: Sequential, x: np.ndarray) -> np.ndarray:
    """Validate one sample; BadInputError names the expected shape.

    Shape:
        x: ``(1, C, H, W)`` with ``(C, H, W) == model.input_shape``.
    """
    x = np.asarray(x)
    if x.shape != (1, *model.input_shape):
        raise BadInputError(f"attribution needs one sample of shape (1, {model.input_shape}), got {x.shape}")
    return x


def _check_class(model: Sequential, cls: int, what: str = "class") -> int:
    """Validate a class index against the model's number of classes."""
    k = len(model.class_names)
    if not (isinstance(cls, int | np.integer) and 0 <= int(cls) < k):
        raise BadInputError(f"{what} must be an integer in [0, {k}), got {cls!r}")
    return int(cls)


def class_target(model: Sequential, weights: dict[int, float], n: int = 1) -> np.ndarray:
    """dL/dlogits rows that make the back-propagated quantity ``sum_k weights[k] * logit_k``.

    ``{k: 1}`` explains class k; ``{a: 1, b: -1}`` explains "a rather than b".

    Shape:
        returns ``(n, K)`` in the model's dtype, every row equal.
    """
    target = np.zeros((n, len(model.class_names)), model.dtype)
    for cls, weight in weights.items():
        target[:, _check_class(model, cls)] += weight
    return target


def explain_trace(model: Sequential, x: np.ndarray, cls: int) -> Trace:
    """The trace whose gradients are those of the logit of ``cls`` (no loss; ``trace.loss`` is None).

    Shape:
        x: ``(1, C, H, W)``; every ``grad_output`` is d logit_cls / d(that layer's output).
    """
    return model.trace(_check_input(model, x), class_target(model, {cls: 1.0}))


def _pixels(grad: np.ndarray) -> np.ndarray:
    """Sum a pixel gradient over channels (MNIST has one).

    Shape:
        grad: ``(C, H, W)``; returns ``(H, W)``.
    """
    return grad.sum(axis=0)


def vanilla_gradient(model: Sequential, x: np.ndarray, cls: int) -> np.ndarray:
    """Saliency: d logit_cls / d pixel, the plain gradient of the class score.

    Shape:
        x: ``(1, C, H, W)``; returns ``(H, W)`` (channels summed).
    """
    return _pixels(explain_trace(model, x, cls).input_grad[0])


def smoothgrad(
    model: Sequential, x: np.ndarray, cls: int, sigma: float, n: int, rng: np.random.Generator
) -> np.ndarray:
    """SmoothGrad: the gradient averaged over ``n`` copies of x with Gaussian noise of std ``sigma``.

    The noisy copies go through one batched trace. ``sigma`` is in pixel units (pixels are in [0, 1], so it
    is also the fraction of the pixel range); sigma = 0 gives the vanilla gradient.

    Shape:
        x: ``(1, C, H, W)``; returns ``(H, W)``.
    """
    x = _check_input(model, x)
    if not (sigma >= 0 and n >= 1):
        raise BadInputError(f"SmoothGrad needs sigma >= 0 and n >= 1, got sigma={sigma}, n={n}")
    noisy = x + rng.normal(0.0, sigma, size=(n, *x.shape[1:]))
    trace = model.trace(noisy, class_target(model, {cls: 1.0}, n))
    return _pixels(trace.input_grad.mean(axis=0))


@dataclass(frozen=True, eq=False)
class _Interval:
    """A piece ``[a, b]`` of the straight path, its gradient at the midpoint and the score at a, mid and b.

    Shape:
        grad: ``(C, H, W)`` float64, d f / d x at the midpoint.
    """

    a: float
    b: float
    f_a: float
    f_b: float
    grad: np.ndarray
    f_mid: float

    def error(self, diff: np.ndarray) -> float:
        """How far the midpoint rule misses this piece's exact score change ``f(b) - f(a)``."""
        return abs(float((diff * self.grad).sum()) * (self.b - self.a) - (self.f_b - self.f_a))


@dataclass(frozen=True, eq=False)
class IntegratedGradients:
    """Integrated Gradients of one class logit, with the scores met on the path from the baseline.

    Shape:
        attributions: ``(H, W)``; alphas: ``(M,)`` increasing from 0 to 1, every path point whose score is
        known; scores: ``(M,)`` the logit at ``baseline + alpha * (x - baseline)``.
    """

    attributions: np.ndarray
    alphas: np.ndarray
    scores: np.ndarray

    @property
    def delta(self) -> float:
        """``f(x) - f(baseline)``, what the attributions should add up to."""
        return float(self.scores[-1] - self.scores[0])

    @property
    def completeness_error(self) -> float:
        """``|sum(attributions) - delta| / |delta|``, the relative miss of completeness."""
        return abs(float(self.attributions.sum()) - self.delta) / max(abs(self.delta), 1e-12)

    @property
    def swing(self) -> float:
        """How far the score travels along the path: the sum of its ups and downs between the traced points.

        It is a lower bound of the true travel, and ``>= |delta|``. When it is many times ``|delta|``, large
        positive and negative contributions cancel, and a small quadrature error in them is a large share of
        ``delta``.
        """
        return float(np.abs(np.diff(self.scores)).sum())


def integrated_gradients_path(
    model: Sequential, x: np.ndarray, cls: int, baseline: np.ndarray | None = None, steps: int = 64
) -> IntegratedGradients:
    """Integrated Gradients of the logit of ``cls`` along the straight path from ``baseline`` to x.

    ``attr = (x - x0) * ∫_0^1 ∂f/∂x(x0 + α (x - x0)) dα``; ``f`` is the class logit and the baseline ``x0``
    defaults to a black image (all zeros). Completeness: ``attr.sum() ≈ f(x) - f(x0)``.

    The integral is a midpoint rule on ``steps`` pieces of the path, placed adaptively. The score is traced
    at both ends of every piece as well, so each piece's error ``|(x - x0)·∇f(mid)·Δα - Δf|`` is known.
    The path starts as ``steps // 4`` equal pieces; the worst are halved, ``steps // 16`` per batched trace,
    until there are ``steps`` pieces (about ``2 * steps`` path points traced in all). Most ReLUs switch
    while the digit is still faint, so that is where the pieces become short. On MNIST test digits 64 steps
    leave about 0.3% error on average. A digit whose score dips far on the way and comes back (``swing``
    many times ``delta``) can miss by several percent, because large positive and negative parts cancel.

    Shape:
        x, baseline: ``(1, C, H, W)``; the result's attributions are ``(H, W)``.
    """
    x = _check_input(model, x)
    x0 = np.zeros_like(x, dtype=np.float64) if baseline is None else _check_input(model, baseline)
    if steps < 1:
        raise BadInputError(f"Integrated Gradients needs steps >= 1, got {steps}")
    diff = (x - x0)[0].astype(np.float64)

    def sample(alphas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gradients ``(n, C, H, W)`` and scores ``(n,)`` at path points ``alphas`` (one trace)."""
        path = x0 + alphas.reshape(-1, 1, 1, 1) * (x - x0)
        trace = model.trace(path, class_target(model, {cls: 1.0}, len(alphas)))
        return trace.input_grad.astype(np.float64), trace.logits[:, cls].astype(np.float64)

    start = max(1, steps // 4)
    edges = np.linspace(0.0, 1.0, start + 1)
    grads, scores = sample(np.concatenate([(edges[:-1] + edges[1:]) / 2, edges]))
    pieces = [
        _Interval(edges[i], edges[i + 1], scores[start + i], scores[start + i + 1], grads[i], scores[i])
        for i in range(start)
    ]
    per_round = max(1, steps // 16)
    while len(pieces) < steps:
        errors = np.array([piece.error(diff) for piece in pieces])
        worst = sorted(np.argsort(errors)[-min(per_round, steps - len(pieces)) :], reverse=True)
        quarters = [((3 * pieces[j].a + pieces[j].b) / 4, (pieces[j].a + 3 * pieces[j].b) / 4) for j in worst]
        grads, scores = sample(np.array(quarters).reshape(-1))
        for n, j in enumerate(worst):  # from the back, so earlier indices stay valid
            p = pieces[j]
            c = (p.a + p.b) / 2
            pieces[j : j + 1] = [
                _Interval(p.a, c, p.f_a, p.f_mid, grads[2 * n], scores[2 * n]),
                _Interval(c, p.b, p.f_mid, p.f_b, grads[2 * n + 1], scores[2 * n + 1]),
            ]
    mean_grad = sum(piece.grad * (piece.b - piece.a) for piece in pieces)
    alphas = np.array([pieces[0].a] + [value for p in pieces for value in ((p.a + p.b) / 2, p.b)])
    scores = np.array([pieces[0].f_a] + [value for p in pieces for value in (p.f_mid, p.f_b)])
    return IntegratedGradients(sealed(_pixels(diff * mean_grad)), sealed(alphas), sealed(scores))


def integrated_gradients(
    model: Sequential, x: np.ndarray, cls: int, baseline: np.ndarray | None = None, steps: int = 64
) -> tuple[np.ndarray, float]:
    """Integrated Gradients as (attributions, ``f(x) - f(baseline)``); see :func:`integrated_gradients_path`.

    Shape:
        x, baseline: ``(1, C, H, W)``; returns (attributions ``(H, W)``, float).
    """
    result = integrated_gradients_path(model, x, cls, baseline, steps)
    return result.attributions, result.delta


@dataclass(frozen=True, eq=False)
class GradCam:
    """Grad-CAM at one layer: ``relu(sum_k alpha_k A_k)`` with ``alpha_k`` the mean gradient over map k.

    Shape:
        weights: ``(C,)`` the alphas; cam: ``(H_l, W_l)`` at the layer's resolution, >= 0;
        upsampled: ``(H, W)`` bilinearly resized to the input.
    """

    layer_index: int
    layer_name: str
    weights: np.ndarray
    cam: np.ndarray
    upsampled: np.ndarray


def grad_cam(model: Sequential, x: np.ndarray, cls: int, layer_index: int) -> GradCam:
    """Grad-CAM of the logit of ``cls`` at the output of layer ``layer_index``.

    Use a convolution's ReLU (the rectified maps, as in the Grad-CAM paper) or the convolution itself; any
    layer with image-shaped output works.

    Shape:
        x: ``(1, C, H, W)``; the layer output must be ``(1, C_l, H_l, W_l)``.
    """
    if not 0 <= layer_index < len(model.layers):
        raise BadInputError(f"layer_index must be in [0, {len(model.layers)}), got {layer_index}")
    trace = explain_trace(model, x, cls)
    record = trace.layers[layer_index]
    if record.output.ndim != 4:
        raise BadInputError(
            f"Grad-CAM needs a layer with feature maps; {record.name} outputs shape {record.output.shape}"
        )
    activations = record.output[0].astype(np.float64)
    weights = record.grad_output[0].astype(np.float64).mean(axis=(1, 2))
    cam = np.maximum(np.tensordot(weights, activations, axes=1), 0.0)
    return GradCam(
        layer_index,
        record.name,
        frozen(weights),
        frozen(cam),
        frozen(upsample_bilinear(cam, model.input_shape[1:])),
    )


def _interpolation_matrix(size_out: int, size_in: int) -> np.ndarray:
    """Rows of bilinear weights mapping ``size_in`` samples to ``size_out`` (pixel centres aligned).

    Shape:
        returns ``(size_out, size_in)``, each row summing to 1.
    """
    src = np.clip((np.arange(size_out) + 0.5) * size_in / size_out - 0.5, 0.0, size_in - 1)
    low = np.floor(src).astype(int)
    high = np.minimum(low + 1, size_in - 1)
    frac = src - low
    matrix = np.zeros((size_out, size_in))
    rows = np.arange(size_out)
    np.add.at(matrix, (rows, low), 1.0 - frac)
    np.add.at(matrix, (rows, high), frac)
    return matrix


def upsample_bilinear(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Resize a map bilinearly with pixel centres aligned (PyTorch's ``align_corners=False``).

    Shape:
        image: ``(h, w)``; returns ``shape = (H, W)``.
    """
    rows = _interpolation_matrix(shape[0], image.shape[0])
    cols = _interpolation_matrix(shape[1], image.shape[1])
    return rows @ image @ cols.T


def contrast(model: Sequential, x: np.ndarray, cls_a: int, cls_b: int) -> np.ndarray:
    """The gradient of ``logit_a - logit_b``: pixels that make the net say a rather than b.

    Shape:
        x: ``(1, C, H, W)``; returns ``(H, W)``.
    """
    _check_class(model, cls_a, "class A")
    _check_class(model, cls_b, "class B")
    target = class_target(model, {cls_a: 1.0}) - class_target(model, {cls_b: 1.0})
    return _pixels(model.trace(_check_input(model, x), target).input_grad[0])
