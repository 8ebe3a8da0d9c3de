"""Training a VAE: the progress generator's records, determinism, early stopping, bad settings, learning on
real digits, and the command line's file with its recorded command and test figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explainer.core import vae_net
from explainer.errors import BadInputError
from explainer.modelio import load_vae
from explainer.train_vae import RUNNING_STEPS, VaeProgress, main, train_vae_iter


def tiny():
    return vae_net(2, width=4, hidden=6, decoder_hidden=6, rng=np.random.default_rng(0))


def blobs(n: int) -> np.ndarray:
    """``n`` uint8 images of a bright bar at one of four places, ``(n, 28, 28)``."""
    images = np.zeros((n, 28, 28), np.uint8)
    for i in range(n):
        row = 4 + 6 * (i % 4)
        images[i, row : row + 5, 6:22] = 255
    return images


def test_progress_counts_steps_and_ends_with_done() -> None:
    records = list(train_vae_iter(tiny(), blobs(40), epochs=2, batch_size=16, beta=2.0, seed=1))
    assert all(isinstance(p, VaeProgress) for p in records)
    assert [p.step for p in records] == list(range(1, 7))
    assert {p.steps for p in records} == {6}
    assert [p.epoch for p in records] == [1, 1, 1, 2, 2, 2]
    assert [p.done for p in records] == [False] * 5 + [True]
    assert all(p.recon > 0 and p.kl >= 0 for p in records)
    assert RUNNING_STEPS > 6


def test_the_same_seed_gives_the_same_weights_and_another_seed_others() -> None:
    def trained(seed: int):
        vae = tiny()
        for _ in train_vae_iter(vae, blobs(32), epochs=1, batch_size=8, seed=seed):
            pass
        return vae

    a, b, c = trained(3), trained(3), trained(4)
    np.testing.assert_array_equal(a.decoder.layers[0].params["W"], b.decoder.layers[0].params["W"])
    assert not np.array_equal(a.decoder.layers[0].params["W"], c.decoder.layers[0].params["W"])
    assert a.beta == 1.0


def test_stopping_early_leaves_the_weights_of_the_last_step() -> None:
    vae = tiny()
    before = vae.encoder.layers[0].params["W"].copy()
    run = train_vae_iter(vae, blobs(64), epochs=3, batch_size=8, recon="l1")
    first = next(run)
    after_one = vae.encoder.layers[0].params["W"].copy()
    run.close()
    assert first.step == 1 and not first.done
    assert not np.array_equal(before, after_one)
    np.testing.assert_array_equal(after_one, vae.encoder.layers[0].params["W"])


@pytest.mark.parametrize(
    ("images", "settings", "message"),
    [
        (np.zeros((0, 28, 28)), {}, "needs images"),
        (np.zeros((4, 27, 28)), {}, "needs images"),
        (blobs(4), {"epochs": 0}, "epochs"),
        (blobs(4), {"beta": -1.0}, "beta"),
        (blobs(4), {"schedule": "step"}, "schedule"),
        (blobs(4), {"recon": "l2"}, "reconstruction term"),
    ],
)
def test_bad_settings_are_refused(images: np.ndarray, settings: dict, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        list(train_vae_iter(tiny(), images, **{"epochs": 1, **settings}))


def test_training_on_real_digits_lowers_the_loss(mnist_directory: Path) -> None:
    from explainer.data import MNIST

    images, _ = MNIST.load(mnist_directory, "train")
    vae = vae_net(2, width=4, hidden=8, decoder_hidden=8, rng=np.random.default_rng(0))
    x = images[:256, None].astype(np.float32) / 255
    eps = np.random.default_rng(1).standard_normal((256, 2))
    before = np.mean(np.sum(vae.losses(x, eps), axis=0))
    for _ in train_vae_iter(vae, images[:1024], epochs=2, batch_size=32, lr=3e-3, schedule="cosine"):
        pass
    after = np.mean(np.sum(vae.losses(x, eps), axis=0))
    assert after < before - 120, (before, after)


def test_the_command_line_writes_a_vae_with_its_command_and_test_figures(
    tmp_path: Path, mnist_directory: Path
) -> None:
    out = tmp_path / "v.npz"
    argv = ["--data", str(mnist_directory), "--epochs", "1", "--train-images", "128", "--width", "4"]
    assert main([*argv, "--beta", "2", "--hidden", "4", "--out", str(out)]) == 0
    vae = load_vae(out)
    assert vae.beta == 2.0 and vae.metadata["beta"] == 2.0
    assert vae.metadata["command"] == "python -m explainer.train_vae " + " ".join(
        [*argv, "--beta", "2", "--hidden", "4", "--out", str(out)]
    )
    figures = vae.metadata
    assert figures["test_elbo"] == pytest.approx(figures["test_recon"] + figures["test_kl"])
    assert figures["dataset"] == "MNIST" and figures["seed"] == 0 and figures["train_seconds"] >= 0
    assert vae.test_mu.shape == (10000, 2)


def test_the_command_line_says_where_the_data_is_missing(tmp_path: Path, capsys) -> None:
    assert main(["--data", str(tmp_path / "none"), "--out", str(tmp_path / "v.npz")]) == 1
    assert "does not exist" in capsys.readouterr().err
