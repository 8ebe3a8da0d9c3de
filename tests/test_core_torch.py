"""Optional: forward values and every gradient against PyTorch in float64 (skipped without torch)."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import (
    AvgPool2D,
    Conv2D,
    Dense,
    Flatten,
    Layer,
    LeakyReLU,
    MaxPool2D,
    ReLU,
    Sequential,
    Sigmoid,
    Tanh,
    reference_net,
)

torch = pytest.importorskip("torch")


def torch_layer(layer: Layer) -> torch.nn.Module:
    """The torch module computing what ``layer`` computes, holding the same (float64) weights."""
    if isinstance(layer, Conv2D):
        module = torch.nn.Conv2d(
            layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, layer.pad
        )
        module.weight.data = torch.from_numpy(layer.params["W"].astype(np.float64))
        module.bias.data = torch.from_numpy(layer.params["b"].astype(np.float64))
        return module
    if isinstance(layer, Dense):
        module = torch.nn.Linear(layer.in_features, layer.out_features)
        module.weight.data = torch.from_numpy(layer.params["W"].T.astype(np.float64))
        module.bias.data = torch.from_numpy(layer.params["b"].astype(np.float64))
        return module
    simple = {
        MaxPool2D: lambda: torch.nn.MaxPool2d(layer.size, layer.stride),
        AvgPool2D: lambda: torch.nn.AvgPool2d(layer.size, layer.stride),
        ReLU: torch.nn.ReLU,
        LeakyReLU: lambda: torch.nn.LeakyReLU(layer.alpha),
        Sigmoid: torch.nn.Sigmoid,
        Tanh: torch.nn.Tanh,
        Flatten: torch.nn.Flatten,
    }
    return simple[type(layer)]()


def compare(model: Sequential, x: np.ndarray, labels: np.ndarray) -> None:
    """Trace ours; run torch with retain_grad everywhere; every output, dL/d(output) and dL/d(param) agree."""
    model.astype(np.float64)
    for layer in model.layers:
        if "b" in layer.params:
            layer.params["b"][:] = np.random.default_rng(0).uniform(-0.1, 0.1, layer.params["b"].shape)
    trace = model.trace(x, labels)
    modules = [torch_layer(layer) for layer in model.layers]
    h = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    inputs, outputs = [h], []
    for module in modules:
        h = module(h)
        h.retain_grad()
        outputs.append(h)
        inputs.append(h)
    loss = torch.nn.functional.cross_entropy(h, torch.from_numpy(labels))
    loss.backward()
    assert trace.loss == pytest.approx(loss.item(), rel=1e-12)
    np.testing.assert_allclose(trace.input_grad, inputs[0].grad.numpy(), rtol=1e-9, atol=1e-12)
    for record, module, out in zip(trace.layers, modules, outputs, strict=True):
        mine_vs = f"{record.name} ({record.kind}): mine vs torch"
        np.testing.assert_allclose(
            record.output, out.detach().numpy(), rtol=1e-9, atol=1e-12, err_msg=mine_vs
        )
        np.testing.assert_allclose(
            record.grad_output, out.grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=mine_vs
        )
        if record.kind == "conv2d":
            np.testing.assert_allclose(record.grads["W"], module.weight.grad.numpy(), rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(record.grads["b"], module.bias.grad.numpy(), rtol=1e-9, atol=1e-12)
        if record.kind == "dense":
            np.testing.assert_allclose(record.grads["W"], module.weight.grad.numpy().T, rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(record.grads["b"], module.bias.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_reference_net_matches_torch() -> None:
    rng = np.random.default_rng(0)
    compare(reference_net(rng), rng.random((4, 1, 28, 28)), rng.integers(0, 10, 4))


def test_every_layer_kind_matches_torch() -> None:
    rng = np.random.default_rng(1)
    model = Sequential(
        [
            Conv2D(2, 4, 3, stride=2, padding=1, rng=rng),
            LeakyReLU(0.1),
            Conv2D(4, 4, 5, padding="same", rng=rng),
            Sigmoid(),
            MaxPool2D(3, 2),
            Conv2D(4, 3, 2, rng=rng),
            Tanh(),
            AvgPool2D(2, 1),
            Flatten(),
            Dense(3, 6, rng=rng),
            ReLU(),
            Dense(6, 4, rng=rng),
        ],
        input_shape=(2, 15, 13),
    )
    compare(model, rng.standard_normal((3, 2, 15, 13)), rng.integers(0, 4, 3))
