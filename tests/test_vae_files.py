"""VAE files: the contract on the bundled VAEs, save/load round trips, and the refusal of bad files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

import explainer
from explainer.core import VAE, VAETrace, vae_net
from explainer.errors import BadInputError
from explainer.modelio import VAE_FORMAT, load_vae, model_document, save_model, save_vae


@pytest.fixture(scope="module")
def bundled() -> VAE:
    return explainer.load_vae()


def test_the_bundled_vae_keeps_the_contract(bundled: VAE) -> None:
    vae = bundled
    assert vae.latent_dim == 2 and vae.beta == 1.0
    x = np.zeros((3, 1, 28, 28), np.float32)
    x[:, :, 6:22, 12:16] = 1.0
    mu, logvar = vae.encode(x)
    assert mu.shape == logvar.shape == (3, 2)
    x_hat = vae.decode(mu)
    assert x_hat.shape == (3, 1, 28, 28) and np.all((x_hat >= 0) & (x_hat <= 1))
    eps = np.random.default_rng(0).standard_normal((3, 2))
    recon, kl = vae.losses(x, eps)
    assert recon.shape == kl.shape == (3,) and np.all(kl >= 0) and np.all(recon > 0)
    assert vae.losses(x, eps, recon="l1")[0].shape == (3,)
    t = vae.trace(x, eps)
    assert isinstance(t, VAETrace) and t.x_hat.shape == (3, 1, 28, 28)
    assert vae.encoder.output_shapes()[-1] == (4,) and vae.decoder.layers[-1].kind == "sigmoid"
    for key in ("command", "seed", "beta", "test_elbo", "test_recon", "test_kl", "train_seconds", "dataset"):
        assert key in vae.metadata, key
    assert vae.metadata["command"].startswith("python -m explainer.train_vae ")
    assert vae.metadata["test_elbo"] == pytest.approx(vae.metadata["test_recon"] + vae.metadata["test_kl"])
    assert vae.test_mu is not None and vae.test_labels is not None
    assert vae.test_mu.shape == (10000, 2) and vae.test_mu.dtype == np.float32
    assert vae.test_labels.shape == (10000,) and set(np.unique(vae.test_labels)) == set(range(10))


def test_the_bundled_vae_meets_the_bar(bundled: VAE) -> None:
    """-ELBO = BCE + KL on the 10,000 test digits, as training measured it: at most 155 nats."""
    assert bundled.metadata["test_elbo"] <= 155.0


def test_the_shipped_vaes_are_listed_by_their_beta() -> None:
    files = explainer.bundled_vaes()
    assert 1.0 in files and list(files) == sorted(files)
    assert set(files) == {0.5, 1.0, 4.0}
    for beta, path in files.items():
        vae = load_vae(path)
        assert vae.beta == beta == vae.metadata["beta"]
        assert path.stat().st_size < 600_000


def test_the_map_points_are_the_encoders_mu(bundled: VAE, mnist_directory: Path) -> None:
    from explainer.data import MNIST

    images, labels = MNIST.test_set(mnist_directory)
    mu, _ = bundled.encode(images[:200, None].astype(np.float32) / 255)
    np.testing.assert_allclose(bundled.test_mu[:200], mu, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(bundled.test_labels, labels)


def saved(tmp_path: Path, beta: float = 0.5) -> tuple[VAE, Path]:
    vae = vae_net(2, width=4, hidden=5, decoder_hidden=6, rng=np.random.default_rng(1))
    vae.beta = beta
    vae.metadata = {"command": "test", "seed": 1}
    vae.test_mu = np.random.default_rng(2).standard_normal((20, 2)).astype(np.float32)
    vae.test_labels = np.arange(20) % 10
    path = tmp_path / "v.npz"
    explainer.save_model(vae, path)
    return vae, path


def test_a_saved_vae_loads_back_the_same(tmp_path: Path) -> None:
    vae, path = saved(tmp_path)
    loaded = load_vae(path)
    assert loaded.beta == 0.5 and loaded.metadata == {"command": "test", "seed": 1}
    np.testing.assert_array_equal(loaded.test_mu, vae.test_mu)
    np.testing.assert_array_equal(loaded.test_labels, vae.test_labels)
    for a, b in zip(vae.layers, loaded.layers, strict=True):
        assert (a.kind, a.name) == (b.kind, b.name)
        for key in a.params:
            np.testing.assert_array_equal(a.params[key], b.params[key])
    with np.load(path, allow_pickle=False) as npz:
        assert all(npz[name].dtype != object for name in npz.files)
    vae.test_mu = vae.test_labels = None
    save_vae(vae, path, {"extra": True})
    again = load_vae(path)
    assert again.test_mu is None and again.metadata["extra"] is True
    assert vae.metadata == {"command": "test", "seed": 1}, "saving must not change the VAE"


def rewrite(path: Path, change) -> None:
    """Rewrite the .npz at ``path`` after ``change(arrays, document)`` edits its entries in place."""
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    document = json.loads(arrays.pop("config").tobytes())
    change(arrays, document)
    arrays["config"] = np.frombuffer(json.dumps(document).encode(), np.uint8)
    np.savez(path, **arrays)


def another_decoder(arrays: dict, document: dict) -> None:
    """Swap in the decoder of a VAE with 3-D codes: both networks are sound, but they do not fit."""
    other = vae_net(3, width=4, hidden=5, decoder_hidden=6).decoder
    document["decoder"] = model_document(other)
    for name in [name for name in arrays if name.startswith("decoder.")]:
        del arrays[name]
    for i, layer in enumerate(other.layers):
        arrays.update({f"decoder.layer{i}.{key}": value for key, value in layer.params.items()})


def drop(name: str):
    return lambda arrays, document: arrays.pop(name)


def put(name: str, value):
    return lambda arrays, document: arrays.__setitem__(name, value)


def edit(change):
    return lambda arrays, document: change(document)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (drop("test_labels"), "without"),
        (put("test_mu", np.full((20, 2), np.nan, np.float32)), "NaN"),
        (put("test_mu", np.zeros((20, 3), np.float32)), "d = 2"),
        (put("test_labels", np.full(20, 12)), "digits are 0-9"),
        (put("test_labels", np.zeros(20, np.float32)), "must be integers"),
        (drop("decoder.layer0.W"), "missing weight arrays"),
        (put("decoder.layer0.W", np.zeros((3, 4), np.float32)), "shape"),
        (put("spare", np.zeros(2)), "unexpected arrays"),
        (edit(lambda d: d.update(format="other/9")), "has format 'other/9'"),
        (edit(lambda d: d.update(beta=-1)), "beta must be"),
        (edit(lambda d: d.update(surprise=1)), "unknown fields"),
        (edit(lambda d: d.update(encoder=[])), "encoder must be a JSON object"),
        (edit(lambda d: d["decoder"].update(input_shape=[1, 28, 28])), "decoder input_shape must be"),
        (edit(lambda d: d["decoder"]["layers"][4]["config"].update(shape=[4, 7, 8])), "cannot reshape"),
        (another_decoder, "do not make a VAE"),
    ],
)
def test_bad_vae_files_are_refused_naming_the_problem(tmp_path: Path, change, message: str) -> None:
    _, path = saved(tmp_path)
    rewrite(path, change)
    with pytest.raises(BadInputError, match=message):
        load_vae(path)


def test_other_files_are_refused_as_vaes_and_vaes_as_classifiers(tmp_path: Path) -> None:
    _, path = saved(tmp_path)
    with pytest.raises(BadInputError, match="is a variational autoencoder, not a classifier"):
        explainer.load_model(path)
    with pytest.raises(BadInputError, match="is a classifier, not a VAE"):
        load_vae(explainer.modelio.DEFAULT_MODEL_PATH)
    truncated = tmp_path / "cut.npz"
    truncated.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(BadInputError, match=r"not a readable \.npz"):
        load_vae(truncated)
    noise = tmp_path / "noise.npz"
    noise.write_bytes(b"\x00" * 100)
    with pytest.raises(BadInputError, match=r"is not an \.npz"):
        load_vae(noise)
    with pytest.raises(BadInputError, match="does not exist"):
        load_vae(tmp_path / "missing.npz")
    pickled = tmp_path / "pickled.npz"
    np.save(tmp_path / "obj.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with zipfile.ZipFile(pickled, "w") as archive, zipfile.ZipFile(path) as source:
        for name in source.namelist():
            if name != "test_mu.npy":
                archive.writestr(name, source.read(name))
        archive.write(tmp_path / "obj.npy", "test_mu.npy")
    with pytest.raises(BadInputError, match="pickled Python objects, which are never loaded"):
        load_vae(pickled)
    with pytest.raises(BadInputError, match="not ONNX"):
        save_model(load_vae(path), tmp_path / "v.onnx")
    assert VAE_FORMAT == "mnist-cnn-explainer-vae/1"
