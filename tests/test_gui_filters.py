"""The Filters page: the bundled model's stored results, and the worker for any other model."""

from __future__ import annotations

import numpy as np
import pytest

import explainer
from explainer.core import reference_net
from explainer.filters import bundled_atlas_for
from explainer.gui.pages.filters import FiltersView
from tests.gates import GatedLoader


def test_the_page_shows_the_stored_results_for_the_bundled_model(qtbot) -> None:
    model = explainer.load_model()
    stored = bundled_atlas_for(model)
    if stored is None:
        pytest.skip("the filter atlases are not built (python benchmarks/bench_filters.py)")
    view = FiltersView()
    qtbot.addWidget(view)
    view.set_model(model)
    assert view.atlas() is stored and view.worker() is None
    assert "bench_filters.py" in view.source_label.text()
    assert [view.layer_box.itemText(i) for i in range(view.layer_box.count())] == [
        "conv1",
        "conv2",
        "conv3",
        "conv4",
    ]
    view.layer_box.setCurrentIndex(2)
    view.channel_box.setValue(5)
    layer = stored.layers[2]
    assert np.array_equal(view.gallery.boxes(), layer.top.boxes[5])
    assert view.channel_box.maximum() == 15
    assert "plain" not in view.caption.text()
    # conv1's channel 0 (all its weights add up above zero) synthesises to plain white: said, not a blank box.
    view.layer_box.setCurrentIndex(0)
    view.channel_box.setValue(0)
    assert np.ptp(stored.layers[0].synthesised.images[0, 0]) <= 0.02
    assert view.caption.text().startswith("The synthesised input is plain white")


def test_another_model_is_computed_in_a_worker_with_progress(qtbot) -> None:
    model = reference_net(np.random.default_rng(5))
    images = np.random.default_rng(6).uniform(0, 255, (30, 28, 28)).astype(np.uint8)
    view = FiltersView()
    qtbot.addWidget(view)
    view.set_model(model)
    assert view.atlas() is None and "Compute" in view.source_label.text()
    loader = GatedLoader(images)
    view.set_data_loader(loader)
    progress: list[int] = []
    view.compute()
    worker = view.worker()
    assert worker is not None and not view.compute_button.isEnabled()
    worker.sigProgress.connect(lambda done, total: progress.append(done))
    assert loader.entered.wait(30)
    assert view.atlas() is None  # held at the gate: nothing yet
    with qtbot.waitSignal(worker.sigFinished, timeout=60000):
        loader.gate.allow()
    atlas = view.atlas()
    assert atlas is not None and view.worker() is None and view.compute_button.isEnabled()
    assert progress == list(range(9))
    assert [item.layer_index for item in atlas.layers] == [0, 2, 5, 7]
    assert set(atlas.images) <= set(range(30))
    view.set_model(explainer.load_model())
    view.set_model(model)
    assert view.atlas() is atlas  # remembered for these weights


def test_clicking_a_conv_map_shows_its_filters_top_patches_with_it(qtbot) -> None:
    from explainer.gui.app import create_window
    from explainer.gui.kit.samples import sample_digit
    from explainer.gui.state import Settings

    window = create_window(settings=Settings())
    qtbot.addWidget(window)
    stored = bundled_atlas_for(window.state.model)
    if stored is None:
        pytest.skip("the filter atlases are not built (python benchmarks/bench_filters.py)")
    image, _label = sample_digit()
    window.canvas.set_image(image)
    window.state.set_image(window.canvas.pixels())
    window.overview.sigMapClicked.emit(5, 3)  # conv3, channel 3
    side = window.detail_panel.side()
    assert side is not None and "conv3" in side.heading.text() and side.isVisibleTo(window.detail_panel)
    assert np.array_equal(side.gallery.boxes(), stored.layer(5).top.boxes[3])
    window.overview.sigMapClicked.emit(4, 0)  # a pool layer: no filter of its own
    assert window.detail_panel.side() is None
    window.overview.sigMapClicked.emit(6, 2)  # conv3's ReLU: the same filter
    assert np.array_equal(window.detail_panel.side().gallery.boxes(), stored.layer(5).top.boxes[2])
    window.show_overview()
    assert window.detail_panel.side() is None
