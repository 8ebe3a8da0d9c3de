"""The decoder's layers, Reshape and ConvTranspose2D: the loop oracle, central differences in float64, the
adjoint of Conv2D, PyTorch (skipped without it), shapes, costs and the model file."""

from __future__ import annotations

import numpy as np
import pytest
from test_core_gradients import numeric_grad

from explainer.core import Conv2D, ConvTranspose2D, Dense, Flatten, ReLU, Reshape, Sequential
from explainer.core.generative import transposed_output_size
from explainer.core.layers import Cost
from explainer.core.naive import conv_transpose2d_naive, conv_transpose2d_naive_backward
from explainer.modelio import load_model, save_model

# (C_in, C_out, k, stride, padding, H, W): the bundled decoder's 4x4 stride-2 pad-1, and odd cases.
SETTINGS = [
    (3, 2, 4, 2, 1, 4, 5),
    (2, 3, 3, 1, 0, 3, 3),
    (1, 2, 3, 2, 1, 4, 3),
    (2, 1, 2, 3, 0, 2, 4),
    (2, 2, 5, 2, 2, 3, 3),
]


def deconv(c_in: int, c_out: int, k: int, s: int, p: int, seed: int = 0) -> ConvTranspose2D:
    """A float64 ConvTranspose2D with random weights and biases."""
    rng = np.random.default_rng(seed)
    layer = ConvTranspose2D(c_in, c_out, k, stride=s, padding=p, rng=rng)
    layer.params = {"W": rng.standard_normal((c_in, c_out, k, k)), "b": rng.standard_normal(c_out)}
    return layer


@pytest.mark.parametrize("setting", SETTINGS, ids=str)
def test_transposed_conv_stamps_the_kernel_as_the_loop_oracle_does(setting) -> None:
    c_in, c_out, k, s, p, H, W = setting
    layer = deconv(c_in, c_out, k, s, p)
    x = np.random.default_rng(1).standard_normal((2, c_in, H, W))
    y = layer.forward(x)
    expected = conv_transpose2d_naive(x, layer.params["W"], layer.params["b"], s, p)
    assert y.shape == (2, c_out, transposed_output_size(H, k, s, p), transposed_output_size(W, k, s, p))
    np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-12)
    dy = np.random.default_rng(2).standard_normal(y.shape)
    dx = layer.backward(dy)
    dx_naive, dW_naive, db_naive = conv_transpose2d_naive_backward(x, layer.params["W"], dy, s, p)
    np.testing.assert_allclose(dx, dx_naive, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], dW_naive, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["b"], db_naive, rtol=1e-12, atol=1e-12)


def test_one_pixel_stamps_its_value_times_the_kernel() -> None:
    """The picture the view draws: a single 2 at (1, 0) leaves 2 W at rows 2-5, columns 0-3 (stride 2)."""
    layer = deconv(1, 1, 4, 2, 0)
    layer.params["b"][:] = 0
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 0] = 2.0
    y = layer.forward(x)[0, 0]
    expected = np.zeros((8, 8))
    expected[2:6, 0:4] = 2.0 * layer.params["W"][0, 0]
    np.testing.assert_array_equal(y, expected)


@pytest.mark.parametrize("setting", SETTINGS[:3], ids=str)
def test_transposed_conv_gradients_match_central_differences(setting) -> None:
    c_in, c_out, k, s, p, H, W = setting
    layer = deconv(c_in, c_out, k, s, p, seed=3)
    rng = np.random.default_rng(4)
    x = rng.standard_normal((2, c_in, H, W))
    weights = rng.standard_normal(layer.forward(x).shape)

    def loss() -> float:
        return float(np.sum(layer.forward(x) * weights))

    layer.forward(x)
    dx = layer.backward(weights.copy())
    grads = {key: value.copy() for key, value in layer.grads.items()}
    np.testing.assert_allclose(dx, numeric_grad(loss, x), rtol=1e-6, atol=1e-8)
    for key in ("W", "b"):
        np.testing.assert_allclose(grads[key], numeric_grad(loss, layer.params[key]), rtol=1e-6, atol=1e-8)


def test_transposed_conv_is_the_adjoint_of_the_conv_with_the_same_weights() -> None:
    """<conv(a), b> = <a, conv_transpose(b)>: the forward here is a conv's dL/dx (biases zero)."""
    rng = np.random.default_rng(5)
    conv = Conv2D(3, 2, 4, stride=2, padding=1)
    conv.params = {"W": rng.standard_normal((2, 3, 4, 4)), "b": np.zeros(2)}
    layer = ConvTranspose2D(2, 3, 4, stride=2, padding=1)
    layer.params = {"W": conv.params["W"], "b": np.zeros(3)}
    a = rng.standard_normal((2, 3, 8, 8))
    b = rng.standard_normal((2, 2, 4, 4))
    assert np.isclose(np.sum(conv.forward(a) * b), np.sum(a * layer.forward(b)))
    conv.forward(a)
    np.testing.assert_allclose(conv.backward(b), layer.forward(b), rtol=1e-12, atol=1e-12)


def test_reshape_moves_numbers_and_its_gradient_back() -> None:
    layer = Reshape((2, 3, 4))
    x = np.arange(48, dtype=np.float64).reshape(2, 24)
    y = layer.forward(x)
    assert y.shape == (2, 2, 3, 4)
    np.testing.assert_array_equal(y.reshape(2, -1), x)
    dy = np.random.default_rng(6).standard_normal(y.shape)
    weights = dy.copy()
    np.testing.assert_array_equal(layer.backward(dy), dy.reshape(2, 24))
    small = np.random.default_rng(7).standard_normal(x.shape)
    np.testing.assert_allclose(
        layer.backward(weights), numeric_grad(lambda: float(np.sum(layer.forward(small) * weights)), small)
    )
    with pytest.raises(ValueError, match="cannot reshape"):
        Reshape.shape_from_config({"shape": [5, 5]}, (24,))
    with pytest.raises(ValueError, match="1 to 3 sizes"):
        Reshape((1, 2, 3, 4))


def test_shapes_costs_and_refusals_come_from_the_config() -> None:
    config = ConvTranspose2D(32, 16, 4, stride=2, padding=1).get_config()
    assert ConvTranspose2D.shape_from_config(config, (32, 7, 7)) == (16, 14, 14)
    # Each of the 7x7 input pixels stamps 16 maps of 4x4, each the sum over 32 input channels.
    assert ConvTranspose2D.cost(config, (16, 14, 14)) == Cost(32 * 16 * 16 * 49, 16 * 16 * 49)
    assert ConvTranspose2D.param_shapes(config) == {"W": (32, 16, 4, 4), "b": (16,)}
    with pytest.raises(ValueError, match="expects 32 input channels"):
        ConvTranspose2D.shape_from_config(config, (8, 7, 7))
    with pytest.raises(ValueError, match="cuts away the whole output"):
        transposed_output_size(1, 2, 1, 1)


def test_a_network_with_the_new_layers_round_trips_through_a_model_file(tmp_path) -> None:
    rng = np.random.default_rng(7)
    model = Sequential(
        [
            Flatten(),
            Dense(16, 18, rng=rng),
            ReLU(),
            Reshape((2, 3, 3)),
            ConvTranspose2D(2, 2, 4, stride=2, padding=1, rng=rng),
            Flatten(),
            Dense(72, 10, rng=rng),
        ],
        input_shape=(1, 4, 4),
    )
    save_model(model, tmp_path / "m.npz")
    loaded = load_model(tmp_path / "m.npz")
    x = rng.random((3, 1, 4, 4))
    assert [layer.kind for layer in loaded.layers] == [layer.kind for layer in model.layers]
    np.testing.assert_allclose(loaded.forward(x), model.forward(x), rtol=1e-6)


torch = pytest.importorskip("torch")


@pytest.mark.parametrize("setting", SETTINGS, ids=str)
def test_transposed_conv_matches_torch_values_and_gradients(setting) -> None:
    c_in, c_out, k, s, p, H, W = setting
    layer = deconv(c_in, c_out, k, s, p, seed=8)
    rng = np.random.default_rng(9)
    x = rng.standard_normal((2, c_in, H, W))
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    dx = layer.backward(dy)
    tx = torch.tensor(x, requires_grad=True)
    tW = torch.tensor(layer.params["W"], requires_grad=True)
    tb = torch.tensor(layer.params["b"], requires_grad=True)
    ty = torch.nn.functional.conv_transpose2d(tx, tW, tb, stride=s, padding=p)
    ty.backward(torch.tensor(dy))
    np.testing.assert_allclose(y, ty.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], tW.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.grads["b"], tb.grad.numpy(), rtol=1e-10, atol=1e-12)
