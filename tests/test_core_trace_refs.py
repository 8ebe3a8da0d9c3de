"""What a trace holds by reference rather than by copy, and why that stays safe: the gradients of its own
backward pass are sealed as they are, and the weights are shared read-only (training takes a copy before it
changes them, :func:`core.writable`)."""

from __future__ import annotations

import numpy as np
import pytest

from explainer import core
from explainer.architectures import KERAS_MNIST, build


@pytest.fixture(params=["reference", "keras"])
def model(request: pytest.FixtureRequest) -> core.Sequential:
    rng = np.random.default_rng(3)
    return core.reference_net(rng) if request.param == "reference" else build(KERAS_MNIST, rng)


def test_trace_grads_are_the_layers_own_arrays_sealed_and_training_goes_on(model: core.Sequential) -> None:
    rng = np.random.default_rng(4)
    x = rng.random((2, 1, 28, 28), dtype=np.float32)
    trace = model.trace(x, [3, 5])
    kept = {}
    for record, layer in zip(trace.layers, model.layers, strict=True):
        for key, grad in record.grads.items():
            assert grad is layer.grads[key] and not grad.flags.writeable
            assert grad is not layer.params[key] and not np.shares_memory(grad, layer.params[key])
            kept[record.name, key] = grad.copy()
        for key, weight in record.params.items():
            assert weight is layer.params[key] and not weight.flags.writeable
            kept[record.name, key, "weight"] = weight.copy()
    # Training on binds new gradient arrays and updates a writable copy of the shared weights: the trace
    # keeps what it saw, and the layer goes on from the updated copy.
    optimizer = core.SGD(model, lr=0.1, momentum=0.9)
    model.train()
    for _ in range(2):
        _, dlogits = core.softmax_cross_entropy(model.forward(x), [1, 2])
        model.backward(dlogits, input_grad=False)
        optimizer.step()
    model.eval()
    again = model.trace(x, [3, 5])
    for record, layer in zip(trace.layers, model.layers, strict=True):
        for key, grad in record.grads.items():
            np.testing.assert_array_equal(grad, kept[record.name, key])
            assert not np.array_equal(grad, again.layer(record.name).grads[key])
        for key, weight in record.params.items():
            np.testing.assert_array_equal(weight, kept[record.name, key, "weight"])
            assert not np.shares_memory(weight, layer.params[key])
            assert not np.array_equal(weight, layer.params[key])


def every_kind_with_weights(rng: np.random.Generator) -> core.Sequential:
    """Every layer with weights, and both convolution paths (flat grid and strided im2col)."""
    return core.Sequential(
        [
            core.Conv2D(1, 4, 3, padding=1, rng=rng),
            core.BatchNorm2D(4),
            core.ReLU(),
            core.Conv2D(4, 6, 3, stride=2, padding=1, rng=rng),
            core.ConvTranspose2D(6, 3, 2, stride=2, rng=rng),
            core.MaxPool2D(2),
            core.Flatten(),
            core.Dense(3 * 14 * 14, 10, rng=rng),
        ]
    )


@pytest.mark.parametrize("make", [lambda rng: build(KERAS_MNIST, rng), every_kind_with_weights])
def test_every_layer_binds_fresh_gradients_in_backward(make) -> None:
    """The premise of sealing: no layer writes its gradients into arrays of an earlier backward pass."""
    rng = np.random.default_rng(5)
    net = make(rng)
    x = rng.random((3, 1, 28, 28), dtype=np.float32)
    first = net.trace(x, [0, 1, 2])
    second = net.trace(x[::-1], [2, 1, 0])
    for a, b in zip(first.layers, second.layers, strict=True):
        for key in a.grads:
            assert not np.shares_memory(a.grads[key], b.grads[key])


def test_weights_that_view_other_memory_are_copied_and_adam_copies_before_it_writes() -> None:
    rng = np.random.default_rng(6)
    net = core.Sequential([core.Flatten(), core.Dense(784, 10, rng=rng)])
    dense = net.layers[1]
    memory = np.concatenate([dense.params["W"].ravel(), np.zeros(7, np.float32)])
    dense.params["W"] = memory[:-7].reshape(784, 10)  # a view: its memory can change under a shared array
    x = rng.random((2, 1, 28, 28), dtype=np.float32)
    trace = net.trace(x, [1, 2])
    weight, bias = trace.layers[1].params["W"], trace.layers[1].params["b"]
    assert not np.shares_memory(weight, memory) and dense.params["W"].flags.writeable
    assert bias is dense.params["b"] and not bias.flags.writeable
    memory[:] = 0
    assert weight.any()
    kept = bias.copy()
    optimizer = core.Adam(net, lr=0.1)
    net.train()
    _, dlogits = core.softmax_cross_entropy(net.forward(x), [1, 2])
    net.backward(dlogits, input_grad=False)
    optimizer.step()
    np.testing.assert_array_equal(bias, kept)
    assert dense.params["b"] is not bias and not np.array_equal(dense.params["b"], kept)


def test_a_trace_reuses_its_gemm_weights_only_while_the_weights_cannot_have_changed() -> None:
    rng = np.random.default_rng(7)
    net = core.Sequential(
        [core.Conv2D(1, 4, 5, padding=2, rng=rng), core.Flatten(), core.Dense(4 * 28 * 28, 10, rng=rng)]
    )
    conv = net.layers[0]
    x = rng.random((1, 1, 28, 28), dtype=np.float32)
    first = net.trace(x, [1])
    forward, backward = conv._flat.x_cols, conv._flat.dy_cols
    kept = forward._kept[2], backward._kept[2]
    net.trace(x, [1])
    assert (forward._kept[2], backward._kept[2]) == kept  # the same read-only weights: made once

    # Changed through writable(): new arrays, so the GEMM weights are made again, forward and backward.
    core.writable(conv.params, "W")[0] += 1
    again, fresh = net.trace(x, [1]), net.copy().trace(x, [1])
    for array in ("output", "grad_input"):
        np.testing.assert_array_equal(getattr(again.layers[0], array), getattr(fresh.layers[0], array))
        assert not np.array_equal(getattr(again.layers[0], array), getattr(first.layers[0], array))
    # Writable weights changed in place between exact passes are never taken from what was kept.
    conv.params = {key: value.copy() for key, value in conv.params.items()}
    conv.exact, conv.training = True, False
    conv.forward(x)
    conv.params["b"] += 1
    np.testing.assert_array_equal(conv.forward(x), net.copy().trace(x).layers[0].output)
