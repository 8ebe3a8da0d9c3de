"""FGSM and PGD: the definition on a tiny net, and the same attack computed by torch on the bundled model."""

from __future__ import annotations

import numpy as np
import pytest

import explainer
from explainer.core import Conv2D, Dense, Flatten, ReLU, Sequential, attack_accuracy, fgsm, pgd
from explainer.core.adversarial import loss_input_gradient
from explainer.errors import BadInputError

TORCH_DIGITS = 300
"""Test digits of the torch comparison: enough for an accuracy to 0.5 points, and fast."""


def tiny_net() -> Sequential:
    rng = np.random.default_rng(3)
    return Sequential(
        [Conv2D(1, 2, 3, padding=1, rng=rng), ReLU(), Flatten(), Dense(2 * 6 * 6, 3, rng=rng)],
        input_shape=(1, 6, 6),
        class_names=["a", "b", "c"],
    ).astype(np.float64)


def test_fgsm_is_one_signed_step_of_the_input_gradient_clipped_to_the_pixel_range() -> None:
    model = tiny_net()
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (4, 1, 6, 6))
    labels = np.array([0, 1, 2, 1])
    grad = model.trace(x[1:2], [1]).input_grad  # the trace's own dL/dx of sample 1
    assert np.array_equal(np.sign(loss_input_gradient(model, x, labels)[1:2]), np.sign(grad))
    adv = fgsm(model, x, labels, 0.1)
    expected = np.clip(x + 0.1 * np.sign(loss_input_gradient(model, x, labels)), 0, 1)
    assert np.array_equal(adv, expected)
    assert np.abs(adv - x).max() <= 0.1 + 1e-12 and adv.min() >= 0 and adv.max() <= 1
    assert np.array_equal(fgsm(model, x, labels, 0.0), x)
    # The attack raises every sample's loss (a small step on a smooth enough net).
    before = [model.trace(x[i : i + 1], [labels[i]]).loss for i in range(4)]
    small = fgsm(model, x, labels, 1e-3)
    after = [model.trace(small[i : i + 1], [labels[i]]).loss for i in range(4)]
    assert all(a > b for a, b in zip(after, before, strict=True))


def test_pgd_stays_in_the_epsilon_ball_and_one_full_step_is_fgsm() -> None:
    model = tiny_net()
    x = np.random.default_rng(1).uniform(0, 1, (5, 1, 6, 6))
    labels = np.array([0, 1, 2, 0, 1])
    assert np.array_equal(pgd(model, x, labels, 0.2, 0.2, 1), fgsm(model, x, labels, 0.2))
    adv = pgd(model, x, labels, 0.1, 0.04, 8, rng=np.random.default_rng(2))
    assert np.abs(adv - x).max() <= 0.1 + 1e-12 and adv.min() >= 0 and adv.max() <= 1
    loss = model.trace(x, labels).loss
    assert model.trace(adv, labels).loss > model.trace(fgsm(model, x, labels, 0.1), labels).loss > loss


def test_bad_arguments_are_named() -> None:
    model = tiny_net()
    x = np.zeros((2, 1, 6, 6))
    with pytest.raises(BadInputError, match="epsilon"):
        fgsm(model, x, [0, 1], -0.1)
    with pytest.raises(BadInputError, match="labels"):
        fgsm(model, x, [0, 3], 0.1)
    with pytest.raises(BadInputError, match="shape"):
        fgsm(model, np.zeros((2, 6, 6)), [0, 1], 0.1)
    with pytest.raises(BadInputError, match="steps"):
        pgd(model, x, [0, 1], 0.1, 0.01, -1)


def torch_fgsm(model: Sequential, x: np.ndarray, labels: np.ndarray, epsilon: float) -> tuple:
    """The same attack written in torch on the bundled model's weights: x_adv (float32), dL/dx, and per
    sample whether torch's float64 max pooling saw a rounding-split tie.

    A split tie is a window whose two largest values differ by under 1e-12 of their size but not by 0:
    equal windows that torch's float64 convolution rounded differently by position (seen on an AMD EPYC
    with OpenBLAS's Zen kernels), where exact arithmetic, and our engine, tie and route the gradient to the
    first. Such a digit's torch gradient is not the reference.

    The gradient is computed in float64 with the cross-entropy written as
    ``softplus(logsumexp_{k != y}(z_k - z_y))``: torch's ``cross_entropy`` forms ``p_y - 1``, which for a
    confident digit (loss 1e-8) leaves only rounding noise of the input gradient's sign.
    """
    torch = pytest.importorskip("torch")
    f = torch.nn.functional
    params = [
        {key: torch.from_numpy(np.array(v, np.float64)) for key, v in layer.params.items()}
        for layer in model.layers
    ]
    xt = torch.from_numpy(x.astype(np.float64)).requires_grad_(True)
    h = xt
    split_tie = np.zeros(len(x), bool)
    for layer, weights in zip(model.layers, params, strict=True):
        if layer.kind == "conv2d":
            h = f.conv2d(h, weights["W"], weights["b"], layer.stride, layer.pad)
        elif layer.kind == "relu":
            h = f.relu(h)
        elif layer.kind == "maxpool2d":
            windows = f.unfold(h.detach().flatten(0, 1)[:, None], layer.size, stride=layer.stride)
            top = windows.topk(2, dim=1).values.numpy().reshape(len(x), -1, 2, windows.shape[-1])
            gap = top[:, :, 0] - top[:, :, 1]
            split_tie |= ((gap > 0) & (gap <= 1e-12 * np.abs(top[:, :, 0]))).any(axis=(1, 2))
            h = f.max_pool2d(h, layer.size, layer.stride)
        elif layer.kind == "flatten":
            h = h.flatten(1)
        else:
            h = h @ weights["W"] + weights["b"]
    target = torch.from_numpy(labels)[:, None]
    others = (h - h.gather(1, target)).scatter(1, target, float("-inf"))
    f.softplus(torch.logsumexp(others, dim=1), threshold=50).sum().backward()
    grad = xt.grad.numpy()
    step = np.float32(epsilon) * np.sign(grad).astype(np.float32)
    return np.clip(x.astype(np.float32) + step, 0, 1), grad, split_tie


@pytest.fixture(scope="module")
def test_digits(mnist_directory):
    from explainer.data import MNIST

    images, labels = MNIST.test_set(mnist_directory)
    return (images[:TORCH_DIGITS] / np.float32(255))[:, None], labels[:TORCH_DIGITS].astype(np.int64)


@pytest.mark.parametrize("epsilon", [0.1, 0.25])
def test_fgsm_matches_torch_on_the_bundled_model(test_digits, epsilon) -> None:
    pytest.importorskip("torch")
    model = explainer.load_model()
    x, labels = test_digits
    mine = fgsm(model, x, labels, epsilon)
    theirs, grad, split_tie = torch_fgsm(model, x, labels, epsilon)
    assert split_tie.mean() < 0.05
    # Where the gradient is not tiny (next to its own sample's largest), the sign and so x_adv agree.
    peak = np.abs(grad).reshape(len(x), -1).max(axis=1)[:, None, None, None]
    clear = (np.abs(grad) > 1e-4 * peak) & ~split_tie[:, None, None, None]
    assert clear.mean() > 0.5
    assert np.array_equal(mine[clear], theirs[clear])
    # Where it is tiny a pixel may differ by its sign: the attack's result barely depends on it.
    ours, torch_accuracy = attack_accuracy(model, mine, labels), attack_accuracy(model, theirs, labels)
    assert abs(ours - torch_accuracy) <= 0.005
    assert ours < attack_accuracy(model, x, labels) - 0.2  # and it is an attack: accuracy falls
