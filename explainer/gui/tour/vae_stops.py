"""The tour's last chapter: the variational autoencoder of the Generative tab, on the tour's digit.

Three stops after the SGD step: the encoder's Gaussian (μ and σ), the reparameterization (ε and z, and
the reconstruction), and the two loss terms. Every number is the bundled VAE's (c = 1) on the tour's
input with the first ε the Generative tab draws, so the tab opened beside the tour shows the same ones.
Without a bundled VAE, or when the window works on another data set than the VAE learned (the tour
speaks of the data in use), the chapter is left out.
"""

from __future__ import annotations

import numpy as np

import explainer
from explainer.data import MNIST
from explainer.errors import BadInputError
from explainer.gui.i18n import tr
from explainer.gui.tour.stops import Detail, Number, Stop, TourProblem, _fixed, _sentences, _stop

VAE_DETAIL = Detail("generative", -1)
"""The view the chapter opens: the Generative tab on the tour's digit (one view for all three stops)."""


def _pair(values: np.ndarray, name: str) -> dict[str, Number]:
    """The first two coordinates of ``values`` as numbers ``name1`` and ``name2``, three decimals."""
    return {f"{name}{j + 1}": _fixed(float(values[j]), 3) for j in range(2)}


def _vae_stop(key: str, title: str, template: str, numbers: dict[str, Number]) -> Stop:
    """A stop of the chapter: it lights the canvas and the input preview and opens :data:`VAE_DETAIL`."""
    return _stop(key, title, template, numbers, {}, widgets=("canvas", "input_preview"), detail=VAE_DETAIL)


def vae_stops(problem: TourProblem) -> list[Stop]:
    """The VAE chapter for ``problem``'s input (empty when no bundled VAE can be read or the input is not
    28×28)."""
    from explainer.gui.pages.generative import first_eps, vae_dataset
    from explainer.gui.pages.generative_parts import loss_text

    x = np.asarray(problem.x, np.float32)
    if x.shape != (28, 28):
        return []
    try:
        vae = explainer.load_vae()
    except BadInputError:
        return []
    if vae_dataset(vae, MNIST).name != problem.dataset.name:
        # The tour speaks of the data in use; a VAE of another data set is the Generative tab's to show.
        return []
    t = vae.trace(x[None, None], first_eps(vae.latent_dim))
    numbers = {**_pair(t.mu[0], "mu"), **_pair(t.sigma[0], "s")}
    encode = _vae_stop(
        "vae_encode",
        tr("A generative model: your drawing as a Gaussian"),
        _sentences(
            tr(
                "A variational autoencoder (VAE) reads the same 28×28 input. Its encoder does not give one "
                "point but a Gaussian q(z|x) in a 2-D latent space: mean μ = ({mu1}, {mu2}) and standard "
                "deviation σ = ({s1}, {s2})."
            ),
            tr("On the map, the dot is μ and the rings are 1σ and 2σ; they move as you draw."),
        ),
        numbers,
    )
    numbers = {**_pair(t.eps[0], "e"), **_pair(t.z[0], "z")}
    sample = _vae_stop(
        "vae_sample",
        tr("Reparameterization: a sample you can differentiate"),
        _sentences(
            tr(
                "To decode, the VAE samples z = μ + σ ⊙ ε with noise ε ~ N(0, I): here ε = ({e1}, {e2}) "
                "gives z = ({z1}, {z2})."
            ),
            tr(
                "The randomness sits in ε alone, so the loss can be differentiated with respect to μ and σ. "
                "The decoder turns z into the reconstruction x′; Resample draws a new ε."
            ),
        ),
        numbers,
    )
    bce, l1, kl = float(t.recon_bce[0]), float(t.recon_l1[0]), float(t.kl[0])
    numbers = {
        name: Number(value, loss_text(value)) for name, value in (("bce", bce), ("l1", l1), ("kl", kl))
    }
    numbers["L"] = Number(bce + kl, loss_text(bce + kl))
    loss = _vae_stop(
        "vae_loss",
        tr("The VAE's loss: reconstruction and KL"),
        _sentences(
            tr(
                "The VAE learns by minimising two terms. The reconstruction term compares x′ with your "
                "drawing: binary cross-entropy {bce} nats (the seed's L1 distance: {l1})."
            ),
            tr(
                "The KL term, {kl} nats, measures how far q(z|x) is from N(0, I): "
                "½ Σ (σ² + μ² − 1 − ln σ²). With c = 1 the loss is L = KL + BCE = {L} nats."
            ),
        ),
        numbers,
    )
    return [encode, sample, loss]
