"""The "What if: adversarial" page: the FGSM digit it shows, compare mode in the network, one learn step."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import fgsm
from explainer.gui.mainwindow import MainWindow
from explainer.gui.network.overview import INPUT_INDEX


@pytest.fixture
def window(shown, settings):
    from explainer.gui.state import load_settings

    return shown(MainWindow(settings=load_settings(settings)))


def test_the_page_shows_the_fgsm_digit_and_the_network_compares_it_with_the_clean_one(window) -> None:
    images, labels = window.state.dataset.load_samples()
    window.put_digit(images[7], int(labels[7]))
    clean = window.state.input.copy()
    page = window.show_page("adversarial")
    page.set_epsilon(0.2)
    model = window.state.model
    expected = fgsm(model, clean[None, None], [int(labels[7])], 0.2)[0, 0]
    assert np.array_equal(page.adversarial, expected)
    shown = [panel.values for panel in page.maps.panels()]
    assert np.array_equal(shown[1], expected - clean) and np.array_equal(shown[2], expected)
    np.testing.assert_allclose(page.after.probs(), model.predict_proba(expected[None, None])[0], rtol=1e-6)
    assert "0.2" in page.table.text() and "FGSM" in page.table.text()  # the measured table, from metadata
    page.show_button.click()
    assert window.overview.reference() is not None
    assert np.array_equal(window.overview.shown_values(INPUT_INDEX)[0], expected - clean)
    # Back on the page, the digit the page sent is not attacked again.
    window.show_page("adversarial")
    assert np.array_equal(page.adversarial, expected)
    page.learn_button.click()
    assert window.state.model is not model
    loss = model.trace(expected[None, None], [int(labels[7])]).loss
    assert window.state.model.trace(expected[None, None], [int(labels[7])]).loss < loss
