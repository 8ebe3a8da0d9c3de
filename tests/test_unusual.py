"""The unusual-input score: it tells Fashion-MNIST images and blobs from digits, and the app shows its hint
only over the threshold."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest

import explainer
from explainer.data import load_mnist
from explainer.data.preprocess import to_mnist
from explainer.errors import BadInputError
from explainer.unusual import UnusualStatistics, model_sha256, statistics_for

CANVAS = 280


def two_blobs() -> np.ndarray:
    """Two filled discs side by side on the canvas: the issue's non-digit, read as a digit with no hint.

    Shape:
        returns ``(CANVAS, CANVAS)`` float32 in [0, 1].
    """
    yy, xx = np.mgrid[:CANVAS, :CANVAS]
    left = (yy - 140) ** 2 + (xx - 110) ** 2 < 40**2
    right = (yy - 140) ** 2 + (xx - 190) ** 2 < 40**2
    return (left | right).astype(np.float32)


def test_the_score_has_one_value_per_input_in_both_shapes() -> None:
    x = np.zeros((3, 28, 28), np.float32)
    x[:, 8:20, 13:15] = 1.0
    flat = explainer.unusual_score(x)
    assert flat.shape == (3,)
    np.testing.assert_allclose(explainer.unusual_score(x[:, None]), flat)
    with pytest.raises(BadInputError, match="shape"):
        explainer.unusual_score(x[0])


def test_fashion_images_score_above_digits(mnist_directory: Path, fashion_mnist_directory: Path) -> None:
    digits, _ = load_mnist(mnist_directory, "test")
    fashion, _ = load_mnist(fashion_mnist_directory, "test")
    threshold = UnusualStatistics.load().threshold
    digit_scores = explainer.unusual_score(digits[:200] / np.float32(255))
    fashion_scores = explainer.unusual_score(fashion[:200] / np.float32(255))
    # Every one of 200 x 200 pairs ordered right would be AUROC 1; the benchmark gives 0.9995 on all.
    auroc = (fashion_scores[:, None] > digit_scores[None, :]).mean()
    assert auroc > 0.98
    assert np.mean(digit_scores > threshold) < 0.05
    assert np.mean(fashion_scores > threshold) > 0.9


def test_two_blobs_score_above_the_threshold_and_a_neat_digit_below() -> None:
    stats = UnusualStatistics.load()
    one = np.zeros((CANVAS, CANVAS), np.float32)
    one[40:240, 130:150] = 1.0
    scores = explainer.unusual_score(np.stack([to_mnist(two_blobs()), to_mnist(one)]))
    assert scores[0] > stats.threshold > scores[1]


def test_the_statistics_belong_to_the_bundled_weights_only() -> None:
    model = explainer.load_model()
    stats = statistics_for(model)
    assert stats is not None and stats.model_sha256 == model_sha256(model)
    changed = model.copy()
    changed.layers[0].params["W"][0, 0, 0, 0] += 1e-3
    assert statistics_for(changed) is None


def test_a_damaged_statistics_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "unusual.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(BadInputError, match=r"unusual\.npz"):
        UnusualStatistics.load(path)


def test_saving_and_loading_keeps_the_scores(tmp_path: Path) -> None:
    stats = UnusualStatistics.load()
    stats.save(tmp_path / "copy.npz")
    again = UnusualStatistics.load(tmp_path / "copy.npz")
    model = explainer.load_model()
    x = np.random.default_rng(0).random((4, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(again.score(model, x), stats.score(model, x))
    assert again.threshold == stats.threshold and again.calibration == stats.calibration


# ---- the hint in the window ---------------------------------------------------------------------------


@pytest.fixture
def window(qtbot):
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

    win = MainWindow(settings=Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_two_blobs_show_the_hint_and_a_gallery_digit_does_not(window, qtbot) -> None:
    prediction = window.overview.prediction_view()
    window.canvas.set_image(two_blobs())
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert window.unusual_label.isVisible()
    assert "does not look like the digits" in window.unusual_label.text()
    assert "does not look like the digits" in prediction.unusual_text()
    window.gallery.choose(0)
    qtbot.waitUntil(lambda: not window.unusual_label.isVisible())
    assert prediction.unusual_text() == ""
    assert window.current_trace() is not None


def test_no_hint_for_a_model_the_statistics_were_not_fitted_for(window, qtbot) -> None:
    from explainer.core import reference_net

    window.state.set_model(reference_net(np.random.default_rng(0)))
    window.canvas.set_image(two_blobs())
    qtbot.waitUntil(lambda: window.current_trace() is not None)
    assert not window.unusual_label.isVisible()
    assert window.overview.prediction_view().unusual_text() == ""
