"""Side by side: the bundled MNIST and Fashion-MNIST networks' conv1 kernels and maps, compared."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest

from explainer.data import FASHION_MNIST, MNIST
from explainer.gui import theme
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages.sidebyside import SideBySideView, kernel_correlations
from explainer.gui.state import Settings
from explainer.modelio import load_model


@pytest.fixture
def view(qtbot) -> SideBySideView:
    made = SideBySideView()
    qtbot.addWidget(made)
    return made


def conv1(path: str) -> np.ndarray:
    return load_model(path).layers[0].params["W"]


def test_it_shows_both_bundled_networks_kernels_on_one_symmetric_scale(view: SideBySideView) -> None:
    mnist, fashion = view.networks()
    assert (mnist.dataset, fashion.dataset) == (MNIST, FASHION_MNIST)
    np.testing.assert_array_equal(mnist.kernels, conv1("assets/model.npz"))
    np.testing.assert_array_equal(fashion.kernels, conv1("assets/fashion_mnist.npz"))
    panels = view.kernel_board.panels()
    assert len(panels) == 2
    both = np.concatenate([mnist.kernels.ravel(), fashion.kernels.ravel()])
    m = float(np.abs(both).max())
    for panel, weights in zip(panels, (mnist.kernels, fashion.kernels), strict=True):
        assert panel.levels == pytest.approx((-m, m)) and panel.colorbar
        assert panel.lut is theme.DIVERGING_LUT
        # Every weight is on the panel (the tile's gaps are NaN).
        shown = panel.values[np.isfinite(panel.values)]
        np.testing.assert_array_equal(np.sort(shown), np.sort(weights.ravel().astype(np.float64)))


def test_the_quoted_correlations_are_those_of_the_real_kernels(view: SideBySideView) -> None:
    mnist, fashion = view.networks()
    r = view.correlations()
    pairs = zip(mnist.kernels, fashion.kernels, strict=True)
    expected = [np.corrcoef(a.ravel(), b.ravel())[0, 1] for a, b in pairs]
    np.testing.assert_allclose(r, expected, atol=1e-9)
    text = view.comparison.text()
    assert theme.format_value(float(np.median(r)), 2) in text
    assert f"kernel {int(np.argmin(r))} " in text
    assert kernel_correlations(np.zeros((2, 1, 3, 3)), np.zeros((3, 1, 3, 3))) is None


def test_the_drawing_is_read_by_both_networks_and_a_blank_canvas_says_what_to_do(
    view: SideBySideView,
) -> None:
    assert view.source() == "drawing"
    view.set_input(None)
    assert not view.message.isHidden() and view.map_board.isHidden()
    x = np.zeros((28, 28), np.float32)
    x[4:24, 13:16] = 1.0
    view.set_input(x)
    assert view.message.isHidden() and not view.map_board.isHidden()
    panels = view.map_board.panels()
    assert len(panels) == 3  # the input, then one panel per network
    maps = view.feature_maps()
    for network, feature in zip(view.networks(), maps, strict=True):
        trace = network.model.trace(x.reshape(1, 1, 28, 28))
        np.testing.assert_array_equal(feature, trace.layers[0].output[0])
    m = max(float(np.abs(feature).max()) for feature in maps)
    assert all(panel.levels == pytest.approx((-m, m)) for panel in panels[1:])
    assert "It answers" in panels[2].caption


def test_a_test_image_of_either_data_set_can_be_the_input(view: SideBySideView) -> None:
    view.set_input(None)
    view.set_source(FASHION_MNIST.name)
    assert view.class_box.isEnabled() and view.class_box.itemText(1) == "Trouser"
    view.class_box.setCurrentIndex(1)
    images, labels = FASHION_MNIST.load_samples()
    first_trouser = images[int(np.flatnonzero(labels == 1)[0])]
    np.testing.assert_allclose(view.current_input(), first_trouser / 255.0, atol=1e-6)
    assert view.map_board.panels(), "a test image needs no drawing"
    view.set_source(MNIST.name)
    assert view.class_box.itemText(1) == "1"
    view.set_source("drawing")
    assert not view.class_box.isEnabled() and view.current_input() is None


def test_in_the_window_it_compares_both_networks_whatever_the_data_set(qtbot, settings) -> None:
    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.set_dataset("Fashion-MNIST")
    view = window.show_page("side_by_side")
    assert isinstance(view, SideBySideView)
    assert [n.model is not None for n in view.networks()] == [True, True]
    captions = [panel.caption for panel in view.kernel_board.panels()]
    assert captions == ["", "The window works on this data set now"]
    window.set_dataset("MNIST")
    captions = [panel.caption for panel in view.kernel_board.panels()]
    assert captions == ["The window works on this data set now", ""]
    window.close()
