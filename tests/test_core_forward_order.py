"""Sequential.forward runs a ReLU that comes just before a max pool after it: the same numbers, forward and
backward, bit for bit, as the layers in their own order (and as the trace, which keeps that order)."""

from __future__ import annotations

import numpy as np
import pytest

from explainer import core
from explainer.architectures import KERAS_MNIST, build


def odd_pools(rng: np.random.Generator) -> core.Sequential:
    """Overlapping, padded and ceil-mode pools after ReLUs, an odd map size, and a ReLU before a conv."""
    return core.Sequential(
        [
            core.Conv2D(1, 4, 3, padding=1, rng=rng),
            core.ReLU(),
            core.MaxPool2D(3, stride=2, padding=1),
            core.Conv2D(4, 5, 2, rng=rng),
            core.ReLU(),
            core.MaxPool2D(2, ceil_mode=True),
            core.ReLU(),
            core.Flatten(),
            core.Dense(5 * 7 * 7, 10, rng=rng),
        ]
    )


NETS = {
    "reference": lambda rng: core.reference_net(rng),
    "keras": lambda rng: build(KERAS_MNIST, rng),
    "odd pools": odd_pools,
}


def test_the_order_moves_only_relus_before_max_pools() -> None:
    model = core.reference_net()
    names = [layer.name for layer in model.forward_order()]
    assert names == [
        *["conv1", "relu1", "conv2", "pool1", "relu2"],
        *["conv3", "relu3", "conv4", "pool2", "relu4", "flatten", "dense1"],
    ]
    model = odd_pools(np.random.default_rng(0))
    assert [layer.name for layer in model.forward_order()][:6] == [
        *["conv1", "pool1", "relu1", "conv2", "pool2", "relu2"]
    ]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", list(NETS))
def test_the_moved_relu_gives_the_plain_order_bit_for_bit(
    name: str, dtype: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(7)
    # Negative inputs too, so some windows hold no positive value (their gradient must be 0 either way).
    x = (rng.random((5, 1, 28, 28)) - 0.6).astype(dtype)
    labels = rng.integers(0, 10, 5)
    runs = []
    for plain in (False, True):
        model = NETS[name](np.random.default_rng(8)).astype(dtype).train(name != "keras")
        if plain:
            monkeypatch.setattr(model, "forward_order", lambda model=model: list(model.layers))
        logits = model.forward(x)
        _, dlogits = core.softmax_cross_entropy(logits, labels)
        dx = model.backward(dlogits)
        grads = [g for layer in model.layers for g in layer.grads.values()]
        model.forward(x)
        model.backward(dlogits, input_grad=False)
        grads += [g for layer in model.layers for g in layer.grads.values()]
        runs.append((logits, dx, grads))
    (logits, dx, grads), (plain_logits, plain_dx, plain_grads) = runs
    np.testing.assert_array_equal(logits, plain_logits)
    np.testing.assert_array_equal(dx, plain_dx)
    for mine, plain in zip(grads, plain_grads, strict=True):
        np.testing.assert_array_equal(mine, plain)
    assert np.any(dx != 0)


def test_forward_and_backward_match_the_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(9)
    model = core.reference_net(rng)
    x = rng.random((3, 1, 28, 28), dtype=np.float32) - 0.3
    trace = model.trace(x, [1, 2, 3])
    np.testing.assert_array_equal(model.eval(exact=True).forward(x), trace.logits)
    _, dlogits = core.softmax_cross_entropy(trace.logits, [1, 2, 3])
    np.testing.assert_array_equal(model.backward(dlogits), trace.input_grad)
    for record, layer in zip(trace.layers, model.layers, strict=True):
        for key in record.grads:
            np.testing.assert_array_equal(record.grads[key], layer.grads[key])
