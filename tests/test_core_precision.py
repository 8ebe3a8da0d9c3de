"""The float32 trace of the model as loaded against a float64 trace of the same weights (issue 14).

A clearly drawn digit makes p(label) round to 1 in float32; ``p - 1`` then gave the true class dL/dz = 0
and bent every gradient below it (saliency cosine 0.19 against float64 on the worst of these digits).
"""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import Sequential, Sigmoid, Tanh, softmax_cross_entropy
from explainer.core.layers import sigmoid

COSINE = 0.999


@pytest.fixture(scope="module")
def model() -> Sequential:
    import explainer

    return explainer.load_model()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    a, b = np.ravel(a).astype(np.float64), np.ravel(b).astype(np.float64)
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        return 1.0 if na == nb else 0.0
    return float(a @ b / (na * nb))


def precision_report(model: Sequential, images: np.ndarray, labels: np.ndarray) -> tuple[int, float, str]:
    """(digits whose true class dL/dz is exactly 0, the worst cosine, where it was) over the digits.

    Shape:
        images: ``(N, 28, 28)`` uint8; labels ``(N,)``.
    """
    reference = model.copy().astype(np.float64)
    zeros, worst, where = 0, 1.0, ""
    for i, (image, label) in enumerate(zip(images, labels, strict=True)):
        x = (image / np.float32(255))[None, None]
        shown, exact = model.trace(x, [int(label)]), reference.trace(x, [int(label)])
        zeros += bool(shown.layers[-1].grad_output[0, label] == 0)
        pairs = [("dL/dx", shown.input_grad, exact.input_grad)]
        for a, b in zip(shown.layers, exact.layers, strict=True):
            pairs.append((f"dL/d({a.name} output)", a.grad_output, b.grad_output))
            pairs += [(f"dL/d{a.name}.{key}", a.grads[key], b.grads[key]) for key in a.grads]
        for name, a, b in pairs:
            c = cosine(a, b)
            if c < worst:
                worst, where = c, f"{name} on digit {i}"
    return zeros, worst, where


def test_gallery_digits_trace_like_float64(model: Sequential) -> None:
    from explainer.assets import asset_path

    samples = np.load(asset_path("samples.npz"))
    assert model.dtype == np.float32
    confident = (model.predict_proba((samples["images"] / np.float32(255))[:, None]) == 1.0).any(axis=1)
    assert confident.sum() >= 10  # the digits this is about: p rounds to 1 in float32
    zeros, worst, where = precision_report(model, samples["images"], samples["labels"])
    assert zeros == 0
    assert worst >= COSINE, where


def test_mnist_test_digits_trace_like_float64(model: Sequential, mnist_directory) -> None:
    from explainer.data import load_mnist

    images, labels = load_mnist(mnist_directory, "test")
    zeros, worst, where = precision_report(model, images[:300], labels[:300])
    assert zeros == 0
    assert worst >= COSINE, where


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("gap", [5.0, 20.0, 40.0, 80.0])
def test_true_class_gradient_is_minus_the_other_probabilities(dtype: type, gap: float) -> None:
    logits = np.array([[gap, 0.0, -1.0], [0.5, gap, 0.0]], dtype)
    loss, dlogits = softmax_cross_entropy(logits, [0, 1])
    z = logits.astype(np.float64)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    others = p * (1 - np.eye(3)[[0, 1]])
    exact = (others - np.eye(3)[[0, 1]] * others.sum(axis=1, keepdims=True)) / 2
    assert dlogits.dtype == dtype and loss > 0
    assert np.all(dlogits[[0, 1], [0, 1]] < 0)  # never 0 while the loss is positive
    np.testing.assert_allclose(dlogits, exact, rtol=1e-5 if dtype == np.float32 else 1e-12)


@pytest.mark.parametrize("layer", [Sigmoid(), Tanh()])
def test_saturated_activations_pass_on_their_tiny_gradient(layer) -> None:
    x = np.array([[-40.0, -20.0, -3.0, 0.0, 3.0, 20.0, 40.0]], np.float32)
    y = layer.forward(x)
    dx = layer.backward(np.ones_like(x))
    x64 = x.astype(np.float64)
    if isinstance(layer, Sigmoid):
        exact_y, exact_dx = 1 / (1 + np.exp(-x64)), np.exp(-x64) / (1 + np.exp(-x64)) ** 2
    else:
        exact_y, exact_dx = np.tanh(x64), 1 / np.cosh(x64) ** 2
    assert y.dtype == dx.dtype == np.float32
    np.testing.assert_allclose(y, exact_y, rtol=1e-6, atol=1e-7 if isinstance(layer, Tanh) else 0)
    np.testing.assert_allclose(dx, exact_dx, rtol=1e-5)
    assert np.all(dx > 0)


def test_sigmoid_never_overflows() -> None:
    x = np.array([-1e4, -800.0, 0.0, 800.0, 1e4], np.float32)
    with np.errstate(over="raise", invalid="raise"):
        y = sigmoid(x)
    np.testing.assert_array_equal(y, [0.0, 0.0, 0.5, 1.0, 1.0])


def test_the_trace_follows_weights_an_optimizer_changed_in_place(model: Sequential) -> None:
    """No cached copy of the weights: after an in-place SGD step the trace shows the new weights' numbers."""
    from explainer.core import SGD

    work = model.copy()
    x = np.random.default_rng(0).random((1, 1, 28, 28), dtype=np.float32)
    before = work.trace(x, [3])
    SGD(work, 0.01).step()  # updates every params array in place, keeping its identity
    after = work.trace(x, [3])
    fresh = work.copy().trace(x, [3])
    assert not np.array_equal(after.layers[0].params["W"], before.layers[0].params["W"])
    np.testing.assert_array_equal(after.input_grad, fresh.input_grad)
    np.testing.assert_array_equal(after.logits, fresh.logits)
