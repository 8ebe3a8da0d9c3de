"""Attribution methods (explainer.core.attribution) against their definitions."""

from __future__ import annotations

import numpy as np
import pytest
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import Dense, Flatten, Sequential
from explainer.core import attribution as A
from explainer.errors import BadInputError


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


def test_vanilla_gradient_is_the_logit_gradient(model: Sequential) -> None:
    x = smooth_digit()
    saliency = A.vanilla_gradient(model, x, 3)
    eps = 1e-6  # float64 differences; small enough not to cross a ReLU kink
    x64 = model.copy().astype(np.float64)
    for i, j in [(9, 19), (14, 14), (19, 10)]:
        plus, minus = x.astype(np.float64), x.astype(np.float64)
        plus[0, 0, i, j] += eps
        minus[0, 0, i, j] -= eps
        numeric = (x64.forward(plus)[0, 3] - x64.forward(minus)[0, 3]) / (2 * eps)
        assert saliency[i, j] == pytest.approx(numeric, rel=1e-4, abs=1e-5)


def test_smoothgrad_without_noise_is_the_gradient_and_noise_changes_it(model: Sequential) -> None:
    x = smooth_digit()
    vanilla = A.vanilla_gradient(model, x, 2)
    np.testing.assert_allclose(
        A.smoothgrad(model, x, 2, 0.0, 5, np.random.default_rng(0)), vanilla, rtol=1e-5, atol=1e-6
    )
    noisy = A.smoothgrad(model, x, 2, 0.2, 16, np.random.default_rng(0))
    again = A.smoothgrad(model, x, 2, 0.2, 16, np.random.default_rng(0))
    np.testing.assert_array_equal(noisy, again)
    assert not np.allclose(noisy, vanilla)


def test_integrated_gradients_is_exact_for_a_linear_model() -> None:
    model = Sequential([Flatten(), Dense(784, 10, rng=np.random.default_rng(3))])
    model.layers[1].params["b"][:] = 0.7
    x = smooth_digit()
    attributions, delta = A.integrated_gradients(model, x, 4, steps=8)
    expected = (x[0, 0].reshape(-1) * model.layers[1].params["W"][:, 4]).reshape(28, 28)
    np.testing.assert_allclose(attributions, expected, rtol=1e-5, atol=1e-7)
    # float32 logits: the shared bias 0.7 cancels in f(x) - f(0) up to rounding
    assert delta == pytest.approx(float(x.reshape(-1) @ model.layers[1].params["W"][:, 4]), abs=1e-6)
    path = A.integrated_gradients_path(model, x, 4, steps=8)
    assert path.swing == pytest.approx(abs(path.delta), rel=1e-5)  # a straight line never turns back


def test_integrated_gradients_path_keeps_the_scores_it_met(model: Sequential) -> None:
    x = smooth_digit()
    path = A.integrated_gradients_path(model, x, 3, steps=16)
    assert len(path.alphas) == len(path.scores) == 2 * 16 + 1  # both ends and the middle of every piece
    assert path.alphas[0] == 0.0 and path.alphas[-1] == 1.0 and np.all(np.diff(path.alphas) > 0)
    along = model.forward((path.alphas.reshape(-1, 1, 1, 1) * x).astype(np.float32))[:, 3]
    np.testing.assert_allclose(path.scores, along, rtol=1e-5, atol=1e-5)
    attributions, delta = A.integrated_gradients(model, x, 3, steps=16)
    np.testing.assert_array_equal(path.attributions, attributions)
    assert path.delta == delta
    assert path.completeness_error == pytest.approx(abs(attributions.sum() - delta) / abs(delta))
    assert path.swing == pytest.approx(np.abs(np.diff(along)).sum(), rel=1e-4)
    assert path.swing >= abs(path.delta)


def test_integrated_gradients_from_the_input_itself_is_zero(model: Sequential) -> None:
    x = smooth_digit()
    attributions, delta = A.integrated_gradients(model, x, 1, baseline=x, steps=8)
    assert delta == pytest.approx(0.0, abs=1e-4)  # the same image at two batch positions, float32
    np.testing.assert_array_equal(attributions, 0.0)


def test_integrated_gradients_completeness_on_mnist_digits(model: Sequential, mnist_directory) -> None:
    """64 steps: the attributions add up to z(x) - z(black) within 1% on average, 2% at worst."""
    from explainer.data import load_mnist

    images, _ = load_mnist(mnist_directory, "test")
    errors = []
    for image in images[:6]:
        x = (image / 255.0).astype(np.float32)[None, None]
        predicted = int(model.predict_proba(x)[0].argmax())
        attributions, delta = A.integrated_gradients(model, x, predicted, steps=64)
        errors.append(abs(attributions.sum() - delta) / abs(delta))
    assert np.mean(errors) < 0.01 and max(errors) < 0.02, errors


def test_integrated_gradients_completeness_on_a_smooth_digit(model: Sequential) -> None:
    x = smooth_digit()
    predicted = int(model.predict_proba(x)[0].argmax())
    attributions, delta = A.integrated_gradients(model, x, predicted, steps=64)
    assert abs(attributions.sum() - delta) < 0.01 * abs(delta)
    coarse, _ = A.integrated_gradients(model, x, predicted, steps=4)
    assert abs(attributions.sum() - delta) < abs(coarse.sum() - delta)  # more steps, smaller error


def test_grad_cam_matches_its_formula(model: Sequential) -> None:
    x = smooth_digit()
    layers = [i for i, layer in enumerate(model.layers) if layer.kind == "relu"]
    for index in (layers[0], layers[-1]):
        cam = A.grad_cam(model, x, 5, index)
        record = A.explain_trace(model, x, 5).layers[index]
        weights = record.grad_output[0].astype(np.float64).mean(axis=(1, 2))
        expected = np.maximum(np.tensordot(weights, record.output[0].astype(np.float64), axes=1), 0.0)
        np.testing.assert_allclose(cam.cam, expected, rtol=1e-6, atol=1e-9)
        assert cam.cam.shape == record.output.shape[2:]
        assert cam.upsampled.shape == (28, 28)
        assert cam.cam.min() >= 0.0 and cam.upsampled.min() >= 0.0
        assert cam.layer_name == record.name


def test_grad_cam_rejects_a_vector_layer(model: Sequential) -> None:
    flatten = next(i for i, layer in enumerate(model.layers) if layer.kind == "flatten")
    with pytest.raises(BadInputError, match="feature maps"):
        A.grad_cam(model, smooth_digit(), 0, flatten)


def test_upsample_bilinear_matches_torch() -> None:
    torch = pytest.importorskip("torch")
    image = np.random.default_rng(0).normal(size=(7, 7))
    mine = A.upsample_bilinear(image, (28, 28))
    theirs = torch.nn.functional.interpolate(
        torch.from_numpy(image)[None, None], size=(28, 28), mode="bilinear", align_corners=False
    )[0, 0].numpy()
    np.testing.assert_allclose(mine, theirs, atol=1e-12)


def test_contrast_is_the_difference_of_two_gradients(model: Sequential) -> None:
    x = smooth_digit()
    difference = A.vanilla_gradient(model, x, 3) - A.vanilla_gradient(model, x, 8)
    np.testing.assert_allclose(A.contrast(model, x, 3, 8), difference, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("cls", [10, -1, 2.5])
def test_bad_class_is_rejected(model: Sequential, cls: object) -> None:
    with pytest.raises(BadInputError):
        A.vanilla_gradient(model, smooth_digit(), cls)


def test_bad_input_shape_is_rejected(model: Sequential) -> None:
    with pytest.raises(BadInputError, match="one sample"):
        A.integrated_gradients(model, np.zeros((2, 1, 28, 28)), 0)
