"""The VAE: KL against its closed form and a Monte-Carlo estimate, the reconstruction terms against a direct
computation from decode, the ELBO gradient with eps fixed against central differences, and the trace."""

from __future__ import annotations

import numpy as np
import pytest
from test_core_gradients import central_difference

from explainer.core import VAE, vae_net
from explainer.core.vae import kl_divergence, reparameterize
from explainer.errors import BadInputError

STEP = 1e-6


def small_vae(seed: int = 0, beta: float = 1.0) -> VAE:
    """The bundled architecture, narrow, in float64 (fast, and exact enough for central differences)."""
    rng = np.random.default_rng(seed)
    vae = vae_net(2, width=4, hidden=6, decoder_hidden=5, rng=rng).astype(np.float64)
    for layer in vae.layers:
        if "b" in layer.params:
            # Biases away from zero: where a ReLU's inputs are all 0 the output would sit on its kink.
            size = layer.params["b"].shape
            layer.params["b"] = rng.uniform(0.05, 0.2, size) * rng.choice([-1.0, 1.0], size)
    vae.beta = beta
    return vae


def digits(n: int, seed: int = 1) -> np.ndarray:
    """Grey images in [0, 1] with ink in the middle, ``(n, 1, 28, 28)`` float64."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 1, 28, 28)) * 0.2
    x[:, :, 8:20, 10:18] = rng.uniform(0.5, 1.0, (n, 1, 12, 8))
    return x


def test_kl_is_the_closed_form_of_a_monte_carlo_estimate() -> None:
    rng = np.random.default_rng(2)
    mu, logvar = np.array([[0.7, -1.2]]), np.array([[-0.6, 0.4]])
    sigma = np.exp(0.5 * logvar)
    # The textbook form: sum_j log(1 / sigma_j) + (sigma_j**2 + mu_j**2) / 2 - 1/2.
    closed = np.sum(-np.log(sigma) + (sigma**2 + mu**2) / 2 - 0.5)
    assert kl_divergence(mu, logvar)[0] == pytest.approx(closed, rel=1e-12)
    # E_q[log q(z) - log p(z)] with z ~ q, from 400,000 draws.
    z = mu + sigma * rng.standard_normal((400_000, 2))
    log_q = np.sum(-0.5 * ((z - mu) / sigma) ** 2 - np.log(sigma), axis=1)
    log_p = np.sum(-0.5 * z**2, axis=1)
    assert np.mean(log_q - log_p) == pytest.approx(closed, abs=0.01)
    assert kl_divergence(np.zeros((1, 2)), np.zeros((1, 2)))[0] == 0.0


def test_the_reconstruction_terms_are_those_of_the_decoded_image() -> None:
    vae = small_vae()
    x = digits(3)
    eps = np.random.default_rng(3).standard_normal((3, 2))
    mu, logvar = vae.encode(x)
    z = vae.reparameterize(mu, logvar, eps)
    np.testing.assert_allclose(z, mu + np.exp(logvar / 2) * eps)
    x_hat = vae.decode(z)
    assert x_hat.shape == (3, 1, 28, 28) and np.all((x_hat > 0) & (x_hat < 1))
    bce, kl = vae.losses(x, eps)
    direct = -np.sum(x * np.log(x_hat) + (1 - x) * np.log(1 - x_hat), axis=(1, 2, 3))
    np.testing.assert_allclose(bce, direct, rtol=1e-10)
    np.testing.assert_allclose(kl, kl_divergence(mu, logvar))
    l1, kl_again = vae.losses(x, eps, recon="l1")
    np.testing.assert_allclose(l1, np.sum(np.abs(x - x_hat), axis=(1, 2, 3)), rtol=1e-12)
    np.testing.assert_array_equal(kl, kl_again)
    with pytest.raises(BadInputError, match="reconstruction term"):
        vae.losses(x, eps, recon="l2")  # type: ignore[arg-type]
    with pytest.raises(BadInputError, match=r"eps must have shape \(N, 2\)"):
        vae.losses(x, eps[:, :1])


@pytest.mark.parametrize(("recon", "beta"), [("bce", 1.0), ("bce", 3.5), ("l1", 0.5)])
def test_the_elbo_gradient_with_eps_fixed_matches_central_differences(recon: str, beta: float) -> None:
    vae = small_vae(seed=4)
    x = digits(2, seed=5)
    eps = np.random.default_rng(6).standard_normal((2, 2))

    def loss() -> float:
        recon_n, kl_n = vae.losses(x, eps, recon=recon)  # type: ignore[arg-type]
        return float(np.mean(recon_n + beta * kl_n))

    vae.train()
    recon_n, kl_n = vae.elbo_backward(x, eps, beta=beta, recon=recon)  # type: ignore[arg-type]
    assert float(np.mean(recon_n + beta * kl_n)) == pytest.approx(loss(), rel=1e-12)
    rng = np.random.default_rng(7)
    checked = 0
    for layer in vae.layers:
        for key, value in layer.params.items():
            flat, grad = value.reshape(-1), layer.grads[key].reshape(-1)
            for i in rng.choice(flat.size, min(6, flat.size), replace=False):
                numeric = central_difference(loss, flat, i, STEP)
                assert grad[i] == pytest.approx(numeric, rel=1e-5, abs=1e-7), (layer.name, key)
                checked += 1
    assert checked > 60


def test_the_gradient_reaches_the_encoder_only_through_mu_and_sigma() -> None:
    """With eps = 0 the code is mu: logvar's gradient is then the KL's alone, beta (sigma**2 - 1) / 2."""
    vae = small_vae(seed=8, beta=2.0)
    x = digits(1)
    trace = vae.trace(x, np.zeros((1, 2)), gradients=True)
    head = trace.encoder.layers[-1]
    sigma = np.asarray(trace.sigma)
    np.testing.assert_allclose(head.grad_output[:, 2:], 2.0 * (sigma**2 - 1) / 2, rtol=1e-10)


def test_the_trace_records_every_layer_and_agrees_with_the_four_steps() -> None:
    vae = small_vae(seed=9, beta=1.5)
    x = digits(2, seed=10)
    eps = np.random.default_rng(11).standard_normal((2, 2))
    t = vae.trace(x, eps)
    assert [r.name for r in t.encoder.layers] == [layer.name for layer in vae.encoder.layers]
    assert [r.kind for r in t.decoder.layers] == [layer.kind for layer in vae.decoder.layers]
    assert "conv_transpose2d" in {r.kind for r in t.decoder.layers}
    mu, logvar = vae.encode(x)
    np.testing.assert_allclose(t.mu, mu)
    np.testing.assert_allclose(t.logvar, logvar)
    np.testing.assert_allclose(t.sigma, np.exp(logvar / 2))
    np.testing.assert_allclose(t.z, reparameterize(mu, logvar, eps))
    np.testing.assert_allclose(t.x_hat, vae.decode(t.z))
    np.testing.assert_allclose(t.decoder.layers[-1].output.reshape(2, 1, 28, 28), t.x_hat)
    recon, kl = vae.losses(x, eps)
    np.testing.assert_allclose(t.recon_bce, recon)
    np.testing.assert_allclose(t.recon_l1, vae.losses(x, eps, recon="l1")[0])
    np.testing.assert_allclose(t.kl, kl)
    assert not t.encoder.has_gradients and not t.mu.flags.writeable
    # With gradients, one image's trace holds the gradients of its recon + beta KL, as training sees them.
    one = vae.trace(x[:1], eps[:1], gradients=True)
    vae.train()
    vae.elbo_backward(x[:1], eps[:1])
    for network, traced in ((vae.encoder, one.encoder), (vae.decoder, one.decoder)):
        for layer, record in zip(network.layers, traced.layers, strict=True):
            for key in layer.params:
                np.testing.assert_allclose(record.grads[key], layer.grads[key], rtol=1e-7, atol=1e-10)


def test_the_vae_refuses_parts_that_do_not_fit() -> None:
    vae = small_vae()
    with pytest.raises(ValueError, match="decoder must take a code"):
        VAE(vae.encoder, vae.encoder)
    with pytest.raises(ValueError, match="2d"):
        VAE(vae_net(3).encoder, vae.decoder)
    with pytest.raises(BadInputError, match=r"\(N, 1, 28, 28\)"):
        vae.encode(np.zeros((2, 27, 28)))


def test_a_copy_is_independent_and_computes_the_same() -> None:
    vae = small_vae(seed=12, beta=2.5)
    vae.test_mu, vae.test_labels = np.zeros((3, 2), np.float32), np.arange(3)
    twin = vae.copy()
    x, eps = digits(2), np.random.default_rng(13).standard_normal((2, 2))
    np.testing.assert_array_equal(twin.losses(x, eps)[0], vae.losses(x, eps)[0])
    assert twin.beta == 2.5 and twin.test_mu is not vae.test_mu
    twin.decoder.layers[0].params["b"] += 1.0
    assert not np.array_equal(twin.decode(np.zeros((1, 2))), vae.decode(np.zeros((1, 2))))
