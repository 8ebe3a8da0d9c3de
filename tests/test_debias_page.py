"""The "Debiasing (DB-VAE)" lesson: the shown digits and weights, α, computing in a worker, no table."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from debias_codes import brightness_code, codes, gated_encoder
from gates import Gate
from pytestqt.qtbot import QtBot

from explainer.core.debias import resampling_weights
from explainer.data import FASHION_MNIST
from explainer.dbvae import RarityTable, rarity_table, save_rarity_table
from explainer.errors import BadInputError
from explainer.gui.pages import debias as page
from explainer.gui.pages.debias import DebiasView, alpha_of, position_of
from explainer.gui.state import DataSource

pytestmark = pytest.mark.usefixtures("settings")


def splits(n: int = 1500, seed: int = 0) -> tuple:
    rng = np.random.default_rng(seed)
    images = (rng.beta(2, 5, (n, 28, 28)) * 255).astype(np.uint8)
    labels = rng.integers(0, 10, n).astype(np.uint8)
    return (images, labels), (images[:10], labels[:10])


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RarityTable:
    """A table the page takes for the bundled one; the page encodes with :func:`brightness_code`."""
    (images, labels), _ = splits(600, seed=1)
    table = rarity_table(images, labels, codes(images), source="bundled stand-in")
    save_rarity_table(table, tmp_path / "table.npz")
    real = page.load_rarity_table
    monkeypatch.setattr(page, "load_rarity_table", lambda path=None: real(tmp_path / "table.npz"))
    monkeypatch.setattr(page, "bundled_encoder", lambda: brightness_code)
    monkeypatch.setattr(page, "_COMPUTED", {})
    return table


def test_the_page_shows_the_rarest_and_commonest_with_their_weights(
    qtbot: QtBot, bundled: RarityTable
) -> None:
    view = DebiasView()
    qtbot.addWidget(view)
    assert view.objectName() == "debias"
    rare, common = view.shown_weights()
    (images, _labels), _ = splits(600, seed=1)
    full = 600 * resampling_weights(codes(images), view.alpha())
    np.testing.assert_allclose(rare, full[bundled.rare_indices])
    np.testing.assert_allclose(common, full[bundled.common_indices])
    captions = view.rare_grid.captions()
    assert len(captions) == 32 == len(view.common_grid.captions())
    assert captions[0] == f"×{page._multiple(rare[0])}"
    np.testing.assert_array_equal(view.histograms.shares(), bundled.shares)
    assert "bundled" in view.source_label.text()


def test_a_larger_alpha_brings_every_weight_closer_to_uniform(qtbot: QtBot, bundled: RarityTable) -> None:
    view = DebiasView()
    qtbot.addWidget(view)
    view.set_alpha(1e-4)
    rare_small, common_small = view.shown_weights()
    summary = view.summary.text()
    view.set_alpha(0.1)
    assert view.alpha() == pytest.approx(0.1)
    rare_large, common_large = view.shown_weights()
    assert np.all(rare_large < rare_small) and np.all(common_large > common_small)
    assert view.summary.text() != summary and "0.1" in view.alpha_label.text()
    assert alpha_of(position_of(0.001)) == pytest.approx(0.001)


@pytest.fixture
def gated_view(
    qtbot: QtBot, bundled: RarityTable, monkeypatch: pytest.MonkeyPatch
) -> tuple[DebiasView, Gate]:
    """The page computing from :func:`splits` with an encoder that waits at the gate before every batch."""
    gate = Gate()
    monkeypatch.setattr(page, "bundled_encoder", lambda: gated_encoder(gate))
    view = DebiasView()
    qtbot.addWidget(view)
    view.set_data_loader(splits)
    return view, gate


def test_compute_runs_in_a_worker_and_replaces_the_table(qtbot: QtBot, gated_view: tuple) -> None:
    view, gate = gated_view
    data = splits()
    assert view.compute()
    # compute() returned while the worker waits to encode its first batch: the UI thread is free.
    gate.wait_at_gate()
    assert view.table().source == "bundled stand-in"
    assert not view.compute_button.isEnabled() and view.progress_bar.isVisibleTo(view)
    with qtbot.waitSignal(view.worker().sigFinished, timeout=60000):
        gate.open()
    table = view.table()
    assert table is not None and table.count == 1500 and gate.passed == 2
    expected = rarity_table(*data[0], codes(data[0][0]))
    np.testing.assert_array_equal(table.rare_indices, expected.rare_indices)
    np.testing.assert_array_equal(view.histograms.shares(), expected.shares)
    assert "computed" in view.source_label.text() and view.compute_button.isEnabled()


def test_closing_stops_the_computation_and_keeps_the_table(qtbot: QtBot, gated_view: tuple) -> None:
    view, gate = gated_view
    view.compute()
    worker = view.worker()
    gate.open_on_stop(worker)
    gate.wait_at_gate()
    with qtbot.waitSignal(worker.sigFinished, timeout=60000):
        assert view.shutdown()
    assert view.table().source == "bundled stand-in" and view.worker() is None


def test_without_a_table_the_page_says_why(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(path: object = None) -> RarityTable:
        raise BadInputError("assets/debias_mnist.npz is missing")

    monkeypatch.setattr(page, "load_rarity_table", missing)
    view = DebiasView()
    qtbot.addWidget(view)
    assert view.table() is None and view.rare_grid.captions() == []
    assert "missing" in view.source_label.text()
    view.set_alpha(0.01)  # nothing to weigh, nothing breaks


def test_another_data_set_keeps_mnist_and_says_so(qtbot: QtBot, bundled: RarityTable) -> None:
    view = DebiasView()
    qtbot.addWidget(view)
    view.set_data_source(DataSource(FASHION_MNIST, parent=view))
    assert not view.compute_button.isEnabled() and not view.compute()
    assert "MNIST" in view.source_label.text() and view.table() is not None
