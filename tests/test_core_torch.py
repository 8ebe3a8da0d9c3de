"""Optional: forward values and every gradient against PyTorch in float64 (skipped without torch)."""

from __future__ import annotations

import numpy as np
import pytest

from explainer import core

torch = pytest.importorskip("torch")


def torch_layer(layer: core.Layer) -> torch.nn.Module:
    """The torch module computing what ``layer`` computes, holding the same (float64) weights."""
    if isinstance(layer, core.Conv2D):
        module = torch.nn.Conv2d(
            layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, layer.pad
        )
        module.weight.data = torch.from_numpy(layer.params["W"].astype(np.float64))
        module.bias.data = torch.from_numpy(layer.params["b"].astype(np.float64))
        return module
    if isinstance(layer, core.BatchNorm2D):
        module = torch.nn.BatchNorm2d(layer.channels, layer.eps, layer.momentum).double()
        module.weight.data = torch.from_numpy(layer.params["gamma"].astype(np.float64))
        module.bias.data = torch.from_numpy(layer.params["beta"].astype(np.float64))
        module.running_mean.data = torch.from_numpy(layer.buffers["running_mean"].astype(np.float64))
        module.running_var.data = torch.from_numpy(layer.buffers["running_var"].astype(np.float64))
        return module.train(layer.training)
    if isinstance(layer, core.Dense):
        module = torch.nn.Linear(layer.in_features, layer.out_features)
        module.weight.data = torch.from_numpy(layer.params["W"].T.astype(np.float64))
        module.bias.data = torch.from_numpy(layer.params["b"].astype(np.float64))
        return module
    simple = {
        core.MaxPool2D: lambda: torch.nn.MaxPool2d(layer.size, layer.stride),
        core.AvgPool2D: lambda: torch.nn.AvgPool2d(layer.size, layer.stride),
        core.ReLU: torch.nn.ReLU,
        core.LeakyReLU: lambda: torch.nn.LeakyReLU(layer.alpha),
        core.Sigmoid: torch.nn.Sigmoid,
        core.Tanh: torch.nn.Tanh,
        core.Flatten: torch.nn.Flatten,
        core.GlobalAvgPool2D: lambda: torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()),
    }
    return simple[type(layer)]()


def torch_pass(model: core.Sequential, x: np.ndarray, labels: np.ndarray) -> tuple[float, list, list, list]:
    """Torch in float64 with the model's weights: (loss, [dL/dx, dL/d(output)...], outputs, modules).

    The loss is written as ``softplus(logsumexp_{k != y}(z_k - z_y))``, the same cross-entropy without a
    ``p_y - 1``: torch's own ``cross_entropy`` subtracts 1 from p_y, which in float64 keeps only ~6 digits
    of a confident digit's gradient (loss 1e-10), so it cannot serve as the reference for those.
    """
    modules = [torch_layer(layer) for layer in model.layers]
    h = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    inputs, outputs = [h], []
    for module in modules:
        h = module(h)
        h.retain_grad()
        outputs.append(h)
        inputs.append(h)
    target = torch.from_numpy(labels)[:, None]
    others = (h - h.gather(1, target)).scatter(1, target, float("-inf"))
    loss = torch.nn.functional.softplus(torch.logsumexp(others, dim=1), threshold=50).mean()
    loss.backward()
    grads = [inputs[0].grad.numpy()] + [out.grad.numpy() for out in outputs]
    return loss.item(), grads, [out.detach().numpy() for out in outputs], modules


def param_grads(record, module) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(name, mine, torch's) for the weight and bias gradients of a conv or dense record."""
    if record.kind == "conv2d":
        return [
            ("W", record.grads["W"], module.weight.grad.numpy()),
            ("b", record.grads["b"], module.bias.grad.numpy()),
        ]
    if record.kind == "dense":
        return [
            ("W", record.grads["W"], module.weight.grad.numpy().T),
            ("b", record.grads["b"], module.bias.grad.numpy()),
        ]
    if record.kind == "batchnorm2d":
        return [
            ("gamma", record.grads["gamma"], module.weight.grad.numpy()),
            ("beta", record.grads["beta"], module.bias.grad.numpy()),
        ]
    return []


def compare(model: core.Sequential, x: np.ndarray, labels: np.ndarray, *, random_biases: bool = True) -> None:
    """Trace ours in float64; every output, dL/d(output) and dL/d(param) agrees with torch's.

    ``atol`` is 1e-12 of each gradient's largest entry, so a confident digit's gradients of order 1e-9
    are compared to 9 digits too, not swallowed by an absolute tolerance.
    """
    model.astype(np.float64)
    if random_biases:
        for layer in model.layers:
            if "b" in layer.params:
                layer.params["b"][:] = np.random.default_rng(0).uniform(-0.1, 0.1, layer.params["b"].shape)
    trace = model.trace(x, labels)
    loss, grads, outputs, modules = torch_pass(model, x, labels)

    def close(mine: np.ndarray, theirs: np.ndarray, what: str) -> None:
        atol = 1e-12 * max(float(np.abs(theirs).max()), 1e-300)
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=atol, err_msg=f"{what}: mine vs torch")

    assert trace.loss == pytest.approx(loss, rel=1e-12)
    close(trace.input_grad, grads[0], "dL/dx")
    for record, module, out, grad in zip(trace.layers, modules, outputs, grads[1:], strict=True):
        close(record.output, out, f"{record.name} ({record.kind}) output")
        close(record.grad_output, grad, f"{record.name} ({record.kind}) dL/d(output)")
        for key, mine, theirs in param_grads(record, module):
            close(mine, theirs, f"{record.name} dL/d{key}")


def gallery_digits(model: core.Sequential) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bundled gallery as ``(100, 1, 28, 28)`` float32, its labels, and which digits are confident
    (p of the label rounds to 1 in float32, where ``p - 1`` used to give dL/dz = 0)."""
    from explainer.assets import asset_path

    samples = np.load(asset_path("samples.npz"))
    x = (samples["images"] / np.float32(255))[:, None]
    labels = samples["labels"].astype(np.int64)
    confident = model.predict_proba(x)[np.arange(len(x)), labels] == 1.0
    return x, labels, confident


@pytest.fixture(scope="module")
def bundled() -> core.Sequential:
    import explainer

    return explainer.load_model()


def test_bundled_model_on_confident_digits_matches_torch(bundled: core.Sequential) -> None:
    """The bundled weights in float64, one confident digit at a time (their gradients are ~1e-9)."""
    x, labels, confident = gallery_digits(bundled)
    chosen = np.flatnonzero(confident)[:6]
    assert len(chosen) == 6
    for i in chosen:
        compare(bundled.copy(), x[i : i + 1], labels[i : i + 1], random_biases=False)
    compare(bundled.copy(), x[~confident][:4], labels[~confident][:4], random_biases=False)


def test_float32_trace_of_confident_digits_matches_torch_in_float64(bundled: core.Sequential) -> None:
    """The trace of the model as loaded (float32, what the views show) against torch in float64: every
    gradient within 1e-4 in norm, and the true class's dL/dz is -sum of the others' p, not 0."""
    x, labels, confident = gallery_digits(bundled)
    reference = bundled.copy().astype(np.float64)
    for i in np.flatnonzero(confident)[:6]:
        trace = bundled.trace(x[i : i + 1], labels[i : i + 1])
        assert trace.input_grad.dtype == np.float32
        _, grads, _, modules = torch_pass(reference, x[i : i + 1], labels[i : i + 1])
        pairs = [("dL/dx", trace.input_grad, grads[0])]
        for record, module, grad in zip(trace.layers, modules, grads[1:], strict=True):
            pairs.append((f"{record.name} dL/d(output)", record.grad_output, grad))
            pairs += [
                (f"{record.name} dL/d{key}", mine, theirs)
                for key, mine, theirs in param_grads(record, module)
            ]
        for what, mine, theirs in pairs:
            error = np.linalg.norm(mine - theirs) / np.linalg.norm(theirs)
            assert error < 1e-4, f"{what} on gallery digit {i}: mine vs torch, relative error {error:.2e}"
        true_dz = trace.layers[-1].grad_output[0, labels[i]]
        assert true_dz == pytest.approx(grads[-1][0, labels[i]], rel=1e-4) and true_dz < 0


def test_reference_net_matches_torch() -> None:
    rng = np.random.default_rng(0)
    compare(core.reference_net(rng), rng.random((4, 1, 28, 28)), rng.integers(0, 10, 4))


def test_every_layer_kind_matches_torch() -> None:
    rng = np.random.default_rng(1)
    model = core.Sequential(
        [
            core.Conv2D(2, 4, 3, stride=2, padding=1, rng=rng),
            core.LeakyReLU(0.1),
            core.Conv2D(4, 4, 5, padding="same", rng=rng),
            core.Sigmoid(),
            core.MaxPool2D(3, 2),
            core.Conv2D(4, 3, 2, rng=rng),
            core.Tanh(),
            core.AvgPool2D(2, 1),
            core.Flatten(),
            core.Dense(3, 6, rng=rng),
            core.ReLU(),
            core.Dense(6, 4, rng=rng),
        ],
        input_shape=(2, 15, 13),
    )
    compare(model, rng.standard_normal((3, 2, 15, 13)), rng.integers(0, 4, 3))


def batchnorm_with_statistics(rng: np.random.Generator, channels: int) -> core.BatchNorm2D:
    """A float64 BatchNorm2D with non-trivial gamma, beta and running statistics."""
    layer = core.BatchNorm2D(channels, eps=1e-3, momentum=0.3)
    layer.params = {"gamma": rng.uniform(0.5, 1.5, channels), "beta": rng.uniform(-0.5, 0.5, channels)}
    layer.buffers = {
        "running_mean": rng.standard_normal(channels),
        "running_var": rng.uniform(0.5, 2, channels),
    }
    return layer


def test_batchnorm_and_global_average_pool_in_a_network_match_torch() -> None:
    """Eval mode, as every trace runs: BatchNorm on its running statistics, then a global average."""
    rng = np.random.default_rng(2)
    model = core.Sequential(
        [
            core.Conv2D(1, 4, 3, padding=1, rng=rng),
            batchnorm_with_statistics(rng, 4),
            core.ReLU(),
            core.Conv2D(4, 5, 3, rng=rng),
            batchnorm_with_statistics(rng, 5),
            core.GlobalAvgPool2D(),
            core.Dense(5, 3, rng=rng),
        ],
        input_shape=(1, 9, 8),
    )
    compare(model, rng.standard_normal((3, 1, 9, 8)), rng.integers(0, 3, 3))


def test_batchnorm_training_step_matches_torch() -> None:
    """Training mode: batch statistics forward, backward through them, and the running statistics' update
    (torch keeps the unbiased variance there)."""
    rng = np.random.default_rng(3)
    layer = batchnorm_with_statistics(rng, 3)
    layer.training = True
    module = torch_layer(layer)
    x = rng.standard_normal((4, 3, 5, 6)) * 2 + 1
    dy = rng.standard_normal(x.shape)
    y = layer.forward(x)
    dx = layer.backward(dy)
    tx = torch.tensor(x, requires_grad=True)
    ty = module(tx)
    ty.backward(torch.from_numpy(dy))
    np.testing.assert_allclose(y, ty.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(layer.grads["gamma"], module.weight.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(layer.grads["beta"], module.bias.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(layer.buffers["running_mean"], module.running_mean.numpy(), rtol=1e-12)
    np.testing.assert_allclose(layer.buffers["running_var"], module.running_var.numpy(), rtol=1e-12)
