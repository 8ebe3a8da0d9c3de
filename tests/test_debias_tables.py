"""DB-VAE on a data set (explainer.dbvae): weights, the rarity table and its file, and ``train --debias``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from debias_codes import brightness_code, codes

import explainer.train
from explainer import dbvae
from explainer.core.debias import latent_density, resampling_weights
from explainer.data import MNIST
from explainer.dbvae import (
    load_rarity_table,
    rarity_steps,
    rarity_table,
    sample_weights,
    save_rarity_table,
)
from explainer.errors import BadInputError
from explainer.modelio import load_model
from tests.test_train import small_mnist_directory  # noqa: F401 (fixture)


def digits(n: int = 300) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random images, labels and their codes under :func:`brightness_code`."""
    rng = np.random.default_rng(2)
    images = (rng.beta(2, 5, (n, 28, 28)) * 255).astype(np.uint8)
    labels = rng.integers(0, 10, n)
    mu = codes(images)
    return images, labels, mu


def test_sample_weights_are_the_resampling_weights_of_the_codes() -> None:
    images, _labels, mu = digits()
    weights = sample_weights(images, alpha=0.01, encode=brightness_code)
    np.testing.assert_allclose(weights, resampling_weights(mu, alpha=0.01), rtol=1e-6)


def test_the_table_shows_the_rarest_and_commonest_with_their_full_set_weights() -> None:
    images, labels, mu = digits()
    table = rarity_table(images, labels, mu, shown=8)
    density = latent_density(mu)
    assert table.count == 300
    assert np.all(table.rare_density <= np.sort(density)[7])
    assert np.all(table.common_density >= np.sort(density)[-8])
    np.testing.assert_array_equal(table.rare_images, images[table.rare_indices])
    np.testing.assert_array_equal(table.common_labels, labels[table.common_indices])
    for alpha in (0.0, 0.001, 0.3):
        full = resampling_weights(mu, alpha)
        np.testing.assert_allclose(table.weights(table.rare_density, alpha), full[table.rare_indices])
        np.testing.assert_allclose(
            table.relative_weights(table.common_density, alpha), 300 * full[table.common_indices]
        )
    assert table.shares.shape == (2, 10) and table.edges.shape == (2, 11)
    np.testing.assert_allclose(table.shares.sum(axis=1), 1.0)


def test_rarity_steps_report_progress_then_the_table() -> None:
    images, labels, mu = digits(2500)
    reports = list(rarity_steps(images, labels, brightness_code))
    assert [(done, total) for done, total, _ in reports] == [
        (1000, 2500),
        (2000, 2500),
        (2500, 2500),
        (2500, 2500),
    ]
    table = reports[-1][2]
    assert table is not None and all(report[2] is None for report in reports[:-1])
    np.testing.assert_array_equal(table.rare_indices, rarity_table(images, labels, mu).rare_indices)


def test_the_table_file_round_trips_and_bad_files_are_refused(tmp_path: Path) -> None:
    images, labels, mu = digits()
    table = rarity_table(images, labels, mu, source="test digits")
    path = tmp_path / "table.npz"
    save_rarity_table(table, path)
    again = load_rarity_table(path)
    assert again.source == "test digits" and again.count == table.count
    for name in ("rare_images", "common_indices", "shares", "density_values"):
        np.testing.assert_array_equal(getattr(again, name), getattr(table, name))
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(BadInputError):
        load_rarity_table(tmp_path / "junk.npz")
    np.savez(tmp_path / "partial.npz", rare_images=table.rare_images)
    with pytest.raises(BadInputError):
        load_rarity_table(tmp_path / "partial.npz")


def test_command_line_debias_trains_with_the_weights_and_records_them(
    small_mnist_directory: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given: list[np.ndarray] = []
    real = explainer.train.train_iter

    def spy(*args: object, **kwargs: object) -> object:
        given.append(kwargs["sample_weights"])
        return real(*args, **kwargs)

    monkeypatch.setattr(explainer.train, "train_iter", spy)
    monkeypatch.setattr(dbvae, "bundled_encoder", lambda: brightness_code)
    out = tmp_path / "m.npz"
    argv = ["--data", str(small_mnist_directory), "--epochs", "1", "--out", str(out), "--limit", "160"]
    argv += ["--val-size", "32", "--no-augment", "--debias", "--debias-alpha", "0.01"]
    assert explainer.train.main(argv) == 0
    images = MNIST.splits(small_mnist_directory, 160, 32)[0][0]
    expected = resampling_weights(codes(images), 0.01)
    np.testing.assert_allclose(given[0], expected, rtol=1e-6)
    assert load_model(out).metadata["debias"]["alpha"] == 0.01
