"""Training a VAE in the Generative tab, driven step by step through a gate: live curves, the map redrawn
every N steps, pause, stop, save and use; and the tab in the window, live while drawing."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from gates import Gate

import explainer
from explainer.gui.pages import generative_train
from explainer.gui.pages.generative import GenerativeView
from explainer.gui.pages.generative_train import VaeTrainingPanel
from explainer.gui.state import DataSource


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every VAE training step waits at this gate for the test to let it through."""
    gate = Gate()
    real = generative_train.train_vae_iter
    monkeypatch.setattr(generative_train, "train_vae_iter", lambda *a, **k: gate.wrap(real(*a, **k)))
    yield gate
    gate.open()  # a test that failed half-way leaves no worker waiting here


def synthetic_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """32 training images (two batches of 16 per epoch) and 40 test images of 10 classes."""
    rng = np.random.default_rng(3)
    train = (rng.random((32, 28, 28)) < 0.2).astype(np.uint8) * 255
    test = (rng.random((40, 28, 28)) < 0.2).astype(np.uint8) * 255
    return train, test, np.arange(40) % 10


@pytest.fixture
def panel(qtbot) -> VaeTrainingPanel:
    made = VaeTrainingPanel()
    qtbot.addWidget(made)
    made.set_data_loader(synthetic_data)
    made.epochs_spin.setValue(2)
    made.batch_spin.setValue(16)
    made.map_spin.setValue(2)
    yield made
    assert made.shutdown(), "the worker thread did not end"


def test_training_in_the_tab_draws_curves_and_redraws_the_map_every_n_steps(
    qtbot, panel, steps, tmp_path
) -> None:
    codes: list[np.ndarray] = []
    assert panel.start()
    panel.worker().sigCodes.connect(lambda mu, _labels: codes.append(mu))
    steps.allow(2)
    steps.wait_at_gate()  # step 3 is under way
    qtbot.waitUntil(lambda: panel.steps() == [1, 2])
    assert not panel.save_button.isEnabled() and not panel.start_button.isEnabled()
    panel.toggle_pause()
    steps.allow(1)
    with qtbot.waitSignal(panel.worker().sigHeld):
        pass
    assert panel.steps() == [1, 2, 3] and panel.pause_button.text() == "Resume"
    assert len(panel.map_codes()) == 40, "the live map shows the test images' codes"
    panel.toggle_pause()
    with qtbot.waitSignal(panel.worker().sigFinished):
        steps.allow(1)
    assert panel.steps() == [1, 2, 3, 4] and len(codes) >= 1
    vae = panel.trained()
    assert vae.test_mu.shape == (40, 2) and np.allclose(
        vae.encode(synthetic_data()[1][:, None] / 255.0)[0], vae.test_mu, atol=1e-5
    )
    assert panel.save_button.isEnabled() and panel.save(str(tmp_path / "mine.npz"))
    assert np.allclose(explainer.load_vae(tmp_path / "mine.npz").test_mu, vae.test_mu)


def test_stop_ends_after_the_step_under_way_and_keeps_that_vae(qtbot, panel, steps) -> None:
    assert panel.start()
    steps.allow(1)
    steps.wait_at_gate()
    qtbot.waitUntil(lambda: panel.steps() == [1])
    steps.open_on_stop(panel.worker())
    with qtbot.waitSignal(panel.worker().sigFinished) as finished:
        panel.stop()
    result = finished.args[0]
    assert result.stopped and not result.completed and result.step == 2 and panel.trained() is not None


def test_use_puts_the_trained_vae_into_the_tab(qtbot, panel, steps) -> None:
    view = GenerativeView()
    qtbot.addWidget(view)
    panel.sigTrained.connect(view.use_vae)
    steps.open()
    assert panel.start()
    with qtbot.waitSignal(panel.worker().sigFinished, timeout=60000):
        pass
    panel.use()
    assert view.vae() is panel.trained() and "your VAE" in view.model_label.text()
    assert np.array_equal(view.latent_map.codes(), panel.trained().test_mu)


def test_without_a_data_folder_the_panel_says_so(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(DataSource, "folder", lambda self: None)
    made = VaeTrainingPanel()
    qtbot.addWidget(made)
    assert not made.start() and "folder" in made.status_label.text() and made.worker() is None
