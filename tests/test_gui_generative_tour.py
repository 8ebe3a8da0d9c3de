"""The tour's VAE chapter quotes the bundled VAE's exact numbers for the tour's digit, the ones the
Generative tab shows beside it."""

from __future__ import annotations

import numpy as np

import explainer
from explainer.gui.kit.samples import sample_problem
from explainer.gui.pages.generative import GenerativeView, first_eps
from explainer.gui.tour.stops import TourProblem
from explainer.gui.tour.vae_stops import vae_stops


def test_the_vae_chapter_quotes_mu_sigma_eps_z_and_the_loss_terms(qtbot) -> None:
    model, x, label = sample_problem()
    stops = vae_stops(TourProblem.make(model, x, label, from_sample=True))
    assert [stop.key for stop in stops] == ["vae_encode", "vae_sample", "vae_loss"]
    vae = explainer.load_vae()
    t = vae.trace(x[None, None], first_eps(vae.latent_dim))
    numbers = {name: number for stop in stops for name, number in stop.numbers.items()}
    quoted = {
        "mu1": t.mu[0, 0],
        "mu2": t.mu[0, 1],
        "s1": t.sigma[0, 0],
        "s2": t.sigma[0, 1],
        "e1": t.eps[0, 0],
        "e2": t.eps[0, 1],
        "z1": t.z[0, 0],
        "z2": t.z[0, 1],
        "bce": t.recon_bce[0],
        "l1": t.recon_l1[0],
        "kl": t.kl[0],
        "L": t.recon_bce[0] + t.kl[0],
    }
    for name, value in quoted.items():
        assert numbers[name].value == float(value), name
    for stop in stops:
        assert all(number.text in stop.text for number in stop.numbers.values()), stop.key
    view = GenerativeView()
    qtbot.addWidget(view)
    view.set_input(x)
    shown = view.reparam.values("mu") + view.reparam.values("sigma") + view.reparam.values("eps")
    assert shown == [numbers[n].text for n in ("mu1", "mu2", "s1", "s2", "e1", "e2")]
    assert view.loss_bars.value_texts()[:3] == [numbers[n].text for n in ("bce", "l1", "kl")]


def test_an_input_the_vae_cannot_read_gets_no_chapter() -> None:
    model, x, label = sample_problem()
    problem = TourProblem.make(model, x, label, from_sample=True)
    object.__setattr__(problem, "x", np.zeros((32, 32), np.float32))
    assert vae_stops(problem) == []


def test_on_another_data_set_the_tour_leaves_the_mnist_vae_out() -> None:
    from explainer.data import FASHION_MNIST

    model, x, label = sample_problem()
    assert vae_stops(TourProblem.make(model, x, label, from_sample=True, dataset=FASHION_MNIST)) == []
