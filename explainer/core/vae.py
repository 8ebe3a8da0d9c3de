"""The variational autoencoder: an encoder to a Gaussian code, the reparameterization, a decoder, the losses.

Seed 002's VAE, with the numbers exact::

    [mu | logvar] = encoder(x)                       q(z|x) = N(mu, diag(sigma**2)), sigma = exp(logvar / 2)
    z = mu + sigma * eps,  eps ~ N(0, I)             the reparameterization: eps is an explicit input
    x_hat = decoder(z)                               ends in a sigmoid: pixel probabilities in (0, 1)
    KL = 1/2 sum_j (sigma_j**2 + mu_j**2 - 1 - log sigma_j**2)      KL(q(z|x) || N(0, I)), closed form
    BCE = -sum_pixels (x log x_hat + (1 - x) log(1 - x_hat))         the standard reconstruction term
    L1 = sum_pixels |x - x_hat|                                      the seed's reconstruction term
    loss = recon + c * KL                                            c is beta; recon is BCE or L1

All per image, in nats. ``-ELBO = BCE + KL`` (c = 1) is the figure published VAEs report. The BCE is
computed from the decoder's logits l (the sigmoid's input), ``softplus(l) - x l``, so it stays exact where
``x_hat`` rounds to 0 or 1. With eps held fixed everything is a deterministic function of the weights,
and :meth:`VAE.elbo_backward` gives its exact gradient.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from explainer.core.generative import ConvTranspose2D, Reshape
from explainer.core.layers import Conv2D, Dense, Flatten, Layer, ReLU, Sigmoid, sigmoid, sigmoid_derivative
from explainer.core.network import Sequential
from explainer.core.trace import Trace, sealed
from explainer.errors import BadInputError

Recon = Literal["bce", "l1"]
RECONS: tuple[str, ...] = ("bce", "l1")
IMAGE_SHAPE = (1, 28, 28)


def reparameterize(mu: np.ndarray, logvar: np.ndarray, eps: np.ndarray) -> np.ndarray:
    """``z = mu + exp(logvar / 2) * eps``: a sample of N(mu, sigma**2) that is a smooth function of mu, sigma.

    Shape:
        mu, logvar, eps: ``(N, d)``; returns ``(N, d)``.
    """
    return mu + np.exp(0.5 * logvar) * eps


def kl_divergence(mu: np.ndarray, logvar: np.ndarray) -> np.ndarray:
    """``KL(N(mu, sigma**2) || N(0, I)) = 1/2 sum_j (sigma_j**2 + mu_j**2 - 1 - logvar_j)`` per image.

    Computed in float64.

    Shape:
        mu, logvar: ``(N, d)``; returns ``(N,)``.
    """
    mu, logvar = np.asarray(mu, np.float64), np.asarray(logvar, np.float64)
    return 0.5 * np.sum(np.exp(logvar) + mu * mu - 1.0 - logvar, axis=1)


def bce_from_logits(x: np.ndarray, logits: np.ndarray) -> np.ndarray:
    """Binary cross-entropy of ``sigmoid(logits)`` against pixels ``x``, summed per image, float64.

    ``-x log s - (1 - x) log(1 - s) = softplus(l) - x l`` with ``softplus(l) = max(l, 0) + log1p(exp(-|l|))``.

    Shape:
        x, logits: ``(N, ...)`` of one size per image; returns ``(N,)``.
    """
    x = np.asarray(x, np.float64).reshape(len(x), -1)
    l = np.asarray(logits, np.float64).reshape(len(logits), -1)  # noqa: E741 - the formula's l
    return np.sum(np.maximum(l, 0.0) + np.log1p(np.exp(-np.abs(l))) - x * l, axis=1)


def l1_reconstruction(x: np.ndarray, x_hat: np.ndarray) -> np.ndarray:
    """The seed's reconstruction term ``sum |x - x_hat|`` per image, float64.

    Shape:
        x, x_hat: ``(N, ...)``; returns ``(N,)``.
    """
    diff = np.asarray(x, np.float64).reshape(len(x), -1) - np.asarray(x_hat, np.float64).reshape(len(x), -1)
    return np.sum(np.abs(diff), axis=1)


@dataclass(frozen=True, eq=False)
class VAETrace:
    """Everything one pass through the VAE computed, read-only, for the views.

    Attributes:
        encoder: the encoder's :class:`Trace` (its ``logits`` are ``[mu | logvar]``; ignore its ``probs``).
        decoder: the decoder's :class:`Trace` on z (its ``logits`` are x_hat flattened).
        With ``gradients=True`` both carry the gradients of the per-image loss ``recon_bce + beta * kl``
        (the encoder's from dL/d[mu | logvar], the decoder's from dL/dx_hat), so backward views work too.

    Shape:
        mu, logvar, sigma, eps, z: ``(N, d)``; x_hat: ``(N, 1, 28, 28)``; recon_bce, recon_l1, kl: ``(N,)``.
    """

    encoder: Trace
    decoder: Trace
    mu: np.ndarray
    logvar: np.ndarray
    sigma: np.ndarray
    eps: np.ndarray
    z: np.ndarray
    x_hat: np.ndarray
    recon_bce: np.ndarray
    recon_l1: np.ndarray
    kl: np.ndarray


class VAE:
    """A variational autoencoder made of two :class:`Sequential` networks.

    Parameters
    ----------
    encoder : Sequential
        Input ``(1, 28, 28)`` pixels in [0, 1]; output ``(2d,)``, the first d numbers mu, the last d logvar.
    decoder : Sequential
        Input ``(d,)``; output ``(784,)``, its last layer a :class:`Sigmoid` (x_hat, flattened).
    beta : float
        The c (beta) it was or will be trained with: the weight of the KL term.

    Attributes
    ----------
    metadata : dict
        Saved with the model: command, seed, beta, test_elbo, test_recon, test_kl, train_seconds, dataset...
    test_mu, test_labels : ndarray or None
        The test set's codes ``(10000, d)`` float32 and their labels ``(10000,)``, shipped in the file so the
        latent map needs no data folder; None when the file has none.

    Shape
    -----
    x ``(N, 1, 28, 28)`` float in [0, 1]; mu, logvar, eps, z ``(N, d)``; x_hat ``(N, 1, 28, 28)``.
    """

    def __init__(self, encoder: Sequential, decoder: Sequential, beta: float = 1.0) -> None:
        d = decoder.input_shape
        if len(d) != 1:
            raise ValueError(f"the decoder must take a code vector (d,), got input shape {d}")
        self.latent_dim = d[0]
        if encoder.input_shape != IMAGE_SHAPE:
            raise ValueError(f"the encoder must take {IMAGE_SHAPE} images, got {encoder.input_shape}")
        if encoder.output_shapes()[-1] != (2 * self.latent_dim,):
            raise ValueError(
                f"the encoder must output (2d,) = ({2 * self.latent_dim},) numbers [mu | logvar] for the "
                f"decoder's d = {self.latent_dim}, got {encoder.output_shapes()[-1]}"
            )
        if not isinstance(decoder.layers[-1], Sigmoid) or decoder.output_shapes()[-1] != (784,):
            raise ValueError("the decoder must end in a Sigmoid giving 784 pixel probabilities")
        if not beta >= 0:
            raise ValueError(f"beta must be >= 0, got {beta}")
        self.encoder = encoder
        self.decoder = decoder
        self.beta = float(beta)
        self.metadata: dict[str, Any] = {}
        self.test_mu: np.ndarray | None = None
        self.test_labels: np.ndarray | None = None

    # -- structure -----------------------------------------------------------------------------------------

    @property
    def layers(self) -> list[Layer]:
        """The encoder's layers, then the decoder's: everything an optimizer updates."""
        return [*self.encoder.layers, *self.decoder.layers]

    @property
    def dtype(self) -> np.dtype:
        """The dtype computations run in (the parameters')."""
        return self.encoder.dtype

    def param_count(self) -> int:
        """Number of trainable numbers in the encoder and the decoder."""
        return self.encoder.param_count() + self.decoder.param_count()

    def astype(self, dtype: DTypeLike) -> VAE:
        """Cast every parameter to ``dtype`` in place (float64 for gradient checks); returns self."""
        self.encoder.astype(dtype)
        self.decoder.astype(dtype)
        return self

    def copy(self) -> VAE:
        """An independent VAE with the same weights, beta, metadata and test codes (a training snapshot)."""
        twin = VAE(self.encoder.copy(), self.decoder.copy(), self.beta)
        twin.metadata = dict(self.metadata)
        twin.test_mu = None if self.test_mu is None else self.test_mu.copy()
        twin.test_labels = None if self.test_labels is None else self.test_labels.copy()
        return twin

    def train(self, mode: bool = True) -> VAE:
        """Put both networks in training mode (eval mode with ``mode=False``); returns self."""
        self.encoder.train(mode)
        self.decoder.train(mode)
        return self

    # -- the four steps ------------------------------------------------------------------------------------

    def _images(self, x: ArrayLike) -> np.ndarray:
        x = np.asarray(x)
        if x.ndim == 3:
            x = x[:, None]
        if x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
            raise BadInputError(f"VAE input must have shape (N, 1, 28, 28), got {x.shape}")
        return x.astype(self.dtype, copy=False)

    def _codes(self, z: ArrayLike, what: str = "z") -> np.ndarray:
        z = np.asarray(z)
        if z.ndim != 2 or z.shape[1] != self.latent_dim:
            raise BadInputError(f"{what} must have shape (N, {self.latent_dim}), got {z.shape}")
        return z.astype(self.dtype, copy=False)

    def _split(self, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        d = self.latent_dim
        return np.ascontiguousarray(h[:, :d]), np.ascontiguousarray(h[:, d:])

    def encode(self, x: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """The code distribution q(z|x) of each image: its mean and log-variance (eval mode).

        Shape:
            x: ``(N, 1, 28, 28)`` in [0, 1]; returns mu ``(N, d)`` and logvar ``(N, d)``.
        """
        self.encoder.eval()
        return self._split(self.encoder.forward(self._images(x)))

    @staticmethod
    def reparameterize(mu: np.ndarray, logvar: np.ndarray, eps: np.ndarray) -> np.ndarray:
        """``z = mu + exp(logvar / 2) * eps`` (see :func:`reparameterize`).

        Shape:
            mu, logvar, eps: ``(N, d)``; returns ``(N, d)``.
        """
        return reparameterize(mu, logvar, eps)

    def _decoder_logits(self, z: np.ndarray) -> np.ndarray:
        """The decoder's output before its final sigmoid, caching what :meth:`_decoder_backward` needs.

        Shape:
            z: ``(N, d)``; returns ``(N, 784)``.
        """
        h = self.decoder.normalise(z)
        for layer in self.decoder.layers[:-1]:
            h = layer.forward(h)
        return h

    def _decoder_backward(self, dlogits: np.ndarray) -> np.ndarray:
        """dL/dz from dL/d(logits) of the last :meth:`_decoder_logits`; fills the decoder's grads."""
        d = dlogits
        for layer in reversed(self.decoder.layers[:-1]):
            d = layer.backward(d)
        return d

    def decode(self, z: ArrayLike) -> np.ndarray:
        """The image each code stands for: pixel probabilities (eval mode).

        Shape:
            z: ``(N, d)``; returns x_hat ``(N, 1, 28, 28)`` in (0, 1).
        """
        self.decoder.eval()
        logits = self._decoder_logits(self._codes(z))
        return sigmoid(logits).reshape(len(logits), *IMAGE_SHAPE)

    def losses(self, x: ArrayLike, eps: ArrayLike, recon: Recon = "bce") -> tuple[np.ndarray, np.ndarray]:
        """The reconstruction term and the KL term of each image, in nats, with the noise ``eps`` given.

        Parameters
        ----------
        x : ``(N, 1, 28, 28)`` pixels in [0, 1]
        eps : ``(N, d)`` the standard normal draw of the reparameterization
        recon : "bce" (binary cross-entropy summed over pixels) or "l1" (the seed's sum of |x - x_hat|)

        Returns
        -------
        recon ``(N,)`` and kl ``(N,)``, float64; ``recon + kl`` is -ELBO for "bce".
        """
        x = self._images(x)
        mu, logvar = self.encode(x)
        z = reparameterize(mu, logvar, self._codes(eps, "eps"))
        self.decoder.eval()
        logits = self._decoder_logits(z)
        return self._recon(x, logits, _check_recon(recon)), kl_divergence(mu, logvar)

    @staticmethod
    def _recon(x: np.ndarray, logits: np.ndarray, recon: str) -> np.ndarray:
        if recon == "bce":
            return bce_from_logits(x, logits)
        return l1_reconstruction(x, sigmoid(logits))

    # -- training --------------------------------------------------------------------------------------------

    def elbo_backward(
        self, x: ArrayLike, eps: ArrayLike, *, beta: float | None = None, recon: Recon = "bce"
    ) -> tuple[np.ndarray, np.ndarray]:
        """Forward in the current mode and back-propagate the batch's mean loss ``recon + beta * KL``.

        Fills every layer's ``grads`` with the exact gradient of ``mean_n(recon_n + beta * KL_n)`` for
        this fixed ``eps`` (``beta`` defaults to :attr:`beta`). Through the reparameterization
        ``z = mu + sigma * eps``: ``dL/dmu = dL/dz + beta mu / N`` and
        ``dL/dlogvar = dL/dz * eps * sigma / 2 + beta (sigma**2 - 1) / (2N)``. At the logits l the BCE's
        gradient is ``x_hat - x``; the L1's is ``sign(x_hat - x) * sigmoid'(l)``.

        Shape:
            x: ``(N, 1, 28, 28)``; eps: ``(N, d)``. Returns recon ``(N,)`` and kl ``(N,)`` (float64).
        """
        recon = _check_recon(recon)
        beta = self.beta if beta is None else float(beta)
        x = self._images(x)
        eps = self._codes(eps, "eps")
        n = len(x)
        mu, logvar = self._split(self.encoder.forward(x))
        sigma = np.exp(0.5 * logvar)
        z = mu + sigma * eps
        logits = self._decoder_logits(z)
        x_hat = sigmoid(logits)
        x_flat = x.reshape(n, -1)
        # At the logits the BCE's gradient is plain x_hat - x: no division by x_hat (1 - x_hat) that rounds.
        dlogits = x_hat - x_flat if recon == "bce" else np.sign(x_hat - x_flat) * sigmoid_derivative(logits)
        dz = self._decoder_backward(dlogits / self.dtype.type(n))
        self.encoder.backward(code_gradients(dz, mu, sigma, eps, beta / n), input_grad=False)
        return self._recon(x_flat, logits, recon), kl_divergence(mu, logvar)

    # -- the views' record -----------------------------------------------------------------------------------

    def trace(self, x: ArrayLike, eps: ArrayLike, *, gradients: bool = False) -> VAETrace:
        """Run ``x`` through the encoder, the reparameterization with ``eps`` and the decoder, recording
        every layer (eval mode) as :class:`Trace` objects the layer views read.

        With ``gradients=True`` the traces also carry the gradients of each image's
        ``recon_bce + beta * kl``: the decoder's back from dL/dx_hat, the encoder's back from
        dL/d[mu | logvar] (dL/dz through the reparameterization plus the KL's own gradient).

        Shape:
            x: ``(N, 1, 28, 28)``; eps: ``(N, d)``; see :class:`VAETrace`.
        """
        x = self._images(x)
        eps = self._codes(eps, "eps")
        encoder = self.encoder.trace(x)
        mu, logvar = self._split(np.asarray(encoder.logits))
        sigma = np.exp(0.5 * logvar)
        z = mu + sigma * eps
        decoder = self.decoder.trace(z)
        logits = np.asarray(decoder.layers[-1].input)
        x_hat = np.asarray(decoder.logits)
        if gradients:
            decoder = self.decoder.trace(z, self._dloss_dx_hat(x, logits).astype(self.dtype))
            dz = np.asarray(decoder.input_grad)
            encoder = self.encoder.trace(x, code_gradients(dz, mu, sigma, eps, self.beta))
        return VAETrace(
            encoder=encoder,
            decoder=decoder,
            mu=sealed(mu),
            logvar=sealed(logvar),
            sigma=sealed(sigma),
            eps=sealed(np.array(eps)),
            z=sealed(z),
            x_hat=sealed(x_hat.reshape(len(x), *IMAGE_SHAPE).copy()),
            recon_bce=sealed(bce_from_logits(x, logits)),
            recon_l1=sealed(l1_reconstruction(x, x_hat)),
            kl=sealed(kl_divergence(mu, logvar)),
        )

    @staticmethod
    def _dloss_dx_hat(x: np.ndarray, logits: np.ndarray) -> np.ndarray:
        """dBCE/dx_hat ``= (1 - x) / (1 - x_hat) - x / x_hat`` per pixel, with ``1 - x_hat = sigmoid(-l)``
        computed directly so a saturated pixel gets its large but finite value (float64).

        Shape:
            x: ``(N, 1, 28, 28)``; logits ``(N, 784)``; returns ``(N, 784)``.
        """
        l = np.asarray(logits, np.float64)  # noqa: E741 - the formula's l
        x_flat = np.asarray(x, np.float64).reshape(l.shape)
        return (1 - x_flat) / sigmoid(-l) - x_flat / sigmoid(l)


def code_gradients(
    dz: np.ndarray, mu: np.ndarray, sigma: np.ndarray, eps: np.ndarray, kl_weight: float
) -> np.ndarray:
    """dL/d[mu | logvar] for ``L = f(z) + kl_weight * KL`` from dL/dz, through ``z = mu + sigma * eps``.

    ``dL/dmu = dz + w mu`` and ``dL/dlogvar = dz * eps * sigma / 2 + w (sigma**2 - 1) / 2``, since
    ``dz/dlogvar = eps * sigma / 2`` and ``dKL/dlogvar = (sigma**2 - 1) / 2``.

    Shape:
        dz, mu, sigma, eps: ``(N, d)``; returns ``(N, 2d)`` in dz's dtype.
    """
    w = dz.dtype.type(kl_weight)
    half = dz.dtype.type(0.5)
    return np.concatenate([dz + w * mu, half * (dz * eps * sigma + w * (sigma * sigma - 1))], axis=1)


def _check_recon(recon: str) -> str:
    if recon not in RECONS:
        raise BadInputError(f"unknown reconstruction term {recon!r}; use 'bce' or 'l1'")
    return recon


def vae_net(
    latent_dim: int = 2,
    width: int = 32,
    hidden: int = 24,
    decoder_hidden: int = 64,
    rng: np.random.Generator | None = None,
) -> VAE:
    """The bundled VAE's architecture: a small convolutional encoder and a transposed-convolution decoder,
    about 107,000 weights (a ~430 kB file) with the defaults.

    Encoder: ``Conv 1->w 3x3 stride 2 pad 1 (14x14), ReLU, Conv w->w 3x3 stride 2 pad 1 (7x7), ReLU, Flatten,
    Dense 49w->hidden, ReLU, Dense hidden->2d`` ([mu | logvar]).
    Decoder: ``Dense d->decoder_hidden, ReLU, Dense decoder_hidden->49(w/2), ReLU, Reshape (w/2, 7, 7),
    ConvTranspose w/2->w 4x4 stride 2 pad 1 (14x14), ReLU, ConvTranspose w->1 4x4 stride 2 pad 1 (28x28),
    Flatten, Sigmoid``. With a 2-D code most of the decoder's work is bending the plane: the hidden dense
    layer does that for 100,000 multiply-adds, where a wider 7x7 stage would cost millions. The last layer
    stamps one 4x4 kernel per 14x14 pixel, so the full-size image costs 16 multiply-adds a channel per pixel.

    Shape:
        encoder ``(N, 1, 28, 28) -> (N, 2d)``; decoder ``(N, d) -> (N, 784)``.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    half = max(1, width // 2)
    encoder = Sequential(
        [
            Conv2D(1, width, 3, stride=2, padding=1, rng=rng),
            ReLU(),
            Conv2D(width, width, 3, stride=2, padding=1, rng=rng),
            ReLU(),
            Flatten(),
            Dense(width * 49, hidden, rng=rng),
            ReLU(),
            Dense(hidden, 2 * latent_dim, rng=rng, init="glorot"),
        ],
        input_shape=IMAGE_SHAPE,
    )
    decoder = Sequential(
        [
            Dense(latent_dim, decoder_hidden, rng=rng),
            ReLU(),
            Dense(decoder_hidden, half * 49, rng=rng),
            ReLU(),
            Reshape((half, 7, 7)),
            ConvTranspose2D(half, width, 4, stride=2, padding=1, rng=rng),
            ReLU(),
            ConvTranspose2D(width, 1, 4, stride=2, padding=1, rng=rng, init="glorot"),
            Flatten(),
            Sigmoid(),
        ],
        input_shape=(latent_dim,),
    )
    return VAE(encoder, decoder)
