"""The Train page's "Debiased sampling (DB-VAE)" option: weights reach train_iter; stop while encoding."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import numpy as np
import pytest
from debias_codes import brightness_code, codes, gated_encoder
from gates import Gate
from pytestqt.qtbot import QtBot

import explainer
from explainer.architectures import ArchitectureSpec, build
from explainer.core.debias import resampling_weights
from explainer.data import FASHION_MNIST
from explainer.dbvae import DEFAULT_ALPHA
from explainer.gui import training_worker
from explainer.gui.pages.training import TrainingView
from explainer.gui.state import DataSource
from explainer.gui.training_worker import TrainingConfig
from explainer.train import Progress

pytestmark = pytest.mark.usefixtures("settings")

SMALL = ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), kernel_size=3, padding="same")


def splits(n_train: int = 1200, n_val: int = 32) -> tuple:
    """Random digits, ``(n, 28, 28)`` uint8 with labels; more than one encoding batch (1,000) to train on."""
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (n_train + n_val, 28, 28)).astype(np.uint8)
    labels = rng.integers(0, 10, n_train + n_val).astype(np.uint8)
    return (images[:n_train], labels[:n_train]), (images[n_train:], labels[n_train:])


@pytest.fixture
def given_weights(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The sample_weights every training run is given."""
    seen: list[object] = []
    real = training_worker.train_iter

    def spy(*args: object, **kwargs: object) -> Iterator[Progress]:
        seen.append(kwargs["sample_weights"])
        return real(*args, **kwargs)

    monkeypatch.setattr(training_worker, "train_iter", spy)
    return seen


@pytest.fixture
def stand_in_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Train page encodes with :func:`brightness_code`, not the bundled VAE."""
    monkeypatch.setattr(training_worker, "bundled_encoder", lambda: brightness_code)


def run_view(qtbot: QtBot, view: TrainingView) -> object:
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        assert view.start()
    return blocker.args[0]


@pytest.mark.usefixtures("stand_in_codes")
def test_debiased_training_draws_with_the_weights_of_the_codes(qtbot: QtBot, given_weights: list) -> None:
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    data = splits()
    view.set_data_loader(lambda: data)
    view.set_config(TrainingConfig(batch_size=400, epochs=1, debias_alpha=DEFAULT_ALPHA))
    assert view.debias_check.isChecked() and view.debias_check.isEnabled()
    assert view.config().debias_alpha == DEFAULT_ALPHA
    assert run_view(qtbot, view).completed
    expected = resampling_weights(codes(data[0][0]), DEFAULT_ALPHA)
    np.testing.assert_allclose(given_weights[-1], expected, rtol=1e-6)

    view.debias_check.setChecked(False)
    assert view.config().debias_alpha is None
    assert run_view(qtbot, view).completed
    assert given_weights[-1] is None


def test_stop_while_encoding_ends_before_any_step(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate()
    monkeypatch.setattr(training_worker, "bundled_encoder", lambda: gated_encoder(gate))
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view.set_data_loader(splits)
    view.set_config(TrainingConfig(batch_size=400, epochs=1, debias_alpha=DEFAULT_ALPHA))
    gate.allow(1)
    view.start()
    assert "VAE" in view.progress_bar.format()
    worker = view.worker()
    gate.open_on_stop(worker)
    gate.wait_at_gate()  # the second batch of 1,000 codes is under way
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        view.stop()
    result = blocker.args[0]
    assert result.stopped and result.step == 0 and result.model is None
    assert gate.passed == 2


def test_without_the_data_folder_the_option_says_what_it_needs(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DataSource, "folder", lambda self: None)
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view.debias_check.setChecked(True)
    assert not view.start() and not view.is_running()
    assert "DB-VAE" in view.status_label.text() and "MNIST" in view.status_label.text()


def test_the_option_is_off_for_other_data_sets(qtbot: QtBot) -> None:
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    view.debias_check.setChecked(True)
    view.set_data_source(DataSource(FASHION_MNIST, parent=view))
    assert view.debias_check.isHidden()
    assert view.config().debias_alpha is None
    view.set_data_source(DataSource(parent=view))
    assert not view.debias_check.isHidden() and view.config().debias_alpha == DEFAULT_ALPHA


def test_the_option_uses_the_bundled_vae(qtbot: QtBot, given_weights: list) -> None:
    view = TrainingView(build(SMALL))
    qtbot.addWidget(view)
    data = splits(300)
    view.set_data_loader(lambda: data)
    view.set_config(TrainingConfig(batch_size=300, epochs=1, debias_alpha=DEFAULT_ALPHA))
    assert run_view(qtbot, view).completed
    mu, _logvar = explainer.load_vae().encode(data[0][0][:, None].astype(np.float32) / 255)
    np.testing.assert_allclose(given_weights[-1], resampling_weights(mu, DEFAULT_ALPHA), rtol=1e-5)
