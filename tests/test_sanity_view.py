"""The Attribution tab's sanity check: its own randomised copies, Undo, and the numbers it shows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import Sequential, sanity
from explainer.gui import theme
from explainer.gui.pages.attribution import AttributionView
from explainer.gui.pages.sanity import SanityPanel

WAIT_MS = 20000


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


def params_bytes(model: Sequential) -> list[dict[str, bytes]]:
    return [{key: value.tobytes() for key, value in layer.params.items()} for layer in model.layers]


def quick_view(qtbot, model: Sequential) -> AttributionView:
    """The tab on a smooth digit with quick settings, not shown yet."""
    view = AttributionView()
    qtbot.addWidget(view)
    view.ig_steps.setValue(16)
    view.samples.setValue(4)
    view.set_model(model)
    view.set_input(smooth_digit()[0, 0])
    return view


def checked_view(qtbot, model: Sequential) -> AttributionView:
    """The tab on a smooth digit with quick settings, its sanity check on screen and computed."""
    view = quick_view(qtbot, model)
    view.show()
    with qtbot.waitSignal(view.sanity.sigComputed, timeout=WAIT_MS):
        view.show_sanity_check()
    return view


def step(qtbot, panel: SanityPanel, action) -> None:
    """Take a step and wait until its maps are computed and shown."""
    with qtbot.waitSignal(panel.sigComputed, timeout=WAIT_MS):
        action()
    assert not panel.busy()


def test_randomising_changes_one_layer_of_a_copy_and_undo_restores_it(qtbot, model: Sequential) -> None:
    before = params_bytes(model)
    view = checked_view(qtbot, model)
    panel = view.sanity
    top_down = sanity.parameter_layers(model)[::-1]
    assert panel.current().model is model
    assert panel.cascade_button.text() == f"Randomise {model.layers[-1].name}"
    step(qtbot, panel, panel.randomise_next)
    first = panel.current().model
    assert panel.current().layers == (top_down[0],)
    changed = [i for i, layer in enumerate(first.layers) if params_bytes(first)[i] != before[i]]
    assert changed == [top_down[0]]  # every other layer bit-identical
    step(qtbot, panel, panel.randomise_next)
    second = panel.current().model
    changed = [i for i in range(len(model.layers)) if params_bytes(second)[i] != before[i]]
    assert changed == sorted(top_down[:2])
    assert params_bytes(second)[top_down[0]] == params_bytes(first)[top_down[0]]  # same seed, same draw
    alone = top_down[2]
    panel.layer_box.setCurrentIndex(panel.layer_box.findData(alone))
    step(qtbot, panel, panel.alone_button.click)
    third = panel.current().model
    assert [i for i in range(len(model.layers)) if params_bytes(third)[i] != before[i]] == [alone]
    panel.undo_button.click()
    assert panel.current().model is second and params_bytes(second) == params_bytes(panel.current().model)
    panel.undo_button.click()
    panel.undo_button.click()
    assert panel.current().model is model and not panel.undo_button.isEnabled()
    assert params_bytes(panel.current().model) == before
    # The window's model (the tab's) was never touched, and the tab still explains it.
    assert params_bytes(model) == before and view._model is model
    np.testing.assert_array_equal(view.results["vanilla"], panel.maps[()]["vanilla"])


def test_the_correlations_shown_are_those_of_the_maps_shown(qtbot, model: Sequential) -> None:
    view = checked_view(qtbot, model)
    panel = view.sanity
    for _ in range(3):
        step(qtbot, panel, panel.randomise_next)
    methods = view.map_settings().methods()
    assert methods == sanity.METHODS
    panels = panel.board.panels()
    assert len(panels) == 2 * len(methods)
    top, bottom = panels[: len(methods)], panels[len(methods) :]
    # The original row is the tab's own maps, as its Maps tab draws them (the loss map negated there too).
    for method, original in zip(methods, top, strict=True):
        expected = -view.results["loss"] if method == "loss" else view.results[method]
        np.testing.assert_array_equal(original.values, expected)
    curves = panel.curve_data()
    for absolute in (True, False):
        panel.rank_box.setCurrentIndex(0 if absolute else 1)
        bottom = panel.board.panels()[len(methods) :]
        for method, original, randomised in zip(methods, top, bottom, strict=True):
            rho = sanity.spearman(original.values, randomised.values, absolute=absolute)
            assert randomised.caption == f"ρ = {theme.format_value(rho, 2)}", method
            assert panel.curve_data()[method][-1] == rho
            x, y = panel.curves[method].getData()
            assert y[-1] == rho and len(x) == len(panel.steps)
    assert all(curves[m][0] == pytest.approx(1.0) for m in methods)
    assert (
        panel.step_name(panel.current())
        == f"down to {model.layers[sanity.cascade_layers(model, 3)[-1]].name}"
    )
    assert panel.step_list.text().startswith("0: original  ·  1: down to ")


def test_a_new_setting_recomputes_every_step_and_a_new_model_starts_again(qtbot, model: Sequential) -> None:
    view = checked_view(qtbot, model)
    panel = view.sanity
    step(qtbot, panel, panel.randomise_next)
    old = panel.maps[panel.current().layers]["smoothgrad"]
    with qtbot.waitSignal(panel.sigComputed, timeout=WAIT_MS):
        view.set_smoothgrad(0.3, 5)
    settings = view.map_settings()
    assert settings.sigma == pytest.approx(0.3) and settings.samples == 5
    expected = sanity.map_of(panel.current().model, view.batch(), settings, "smoothgrad")
    np.testing.assert_array_equal(panel.maps[panel.current().layers]["smoothgrad"], expected)
    assert not np.array_equal(old, expected)
    other = model.copy()
    with qtbot.waitSignal(panel.sigComputed, timeout=WAIT_MS):
        view.set_model(other)
    assert len(panel.steps) == 1 and panel.current().model is other


def test_the_sanity_check_waits_until_it_is_on_screen_and_stops_on_shutdown(qtbot, model: Sequential) -> None:
    view = quick_view(qtbot, model)
    view.sanity.randomise_next()
    assert not view.sanity.busy() and not view.sanity.maps  # hidden: nothing computed
    view.show()
    view.show_sanity_check()
    assert view.sanity.busy()
    with qtbot.waitSignal(view.sanity.sigStopped, timeout=WAIT_MS):
        view.tabs.setCurrentIndex(0)  # hidden again: the job stops after its current map
    assert not view.sanity.busy()
    with qtbot.waitSignal(view.sanity.sigComputed, timeout=WAIT_MS):
        view.show_sanity_check()  # and starts again when shown
    assert set(view.sanity.maps) == {(), view.sanity.current().layers}
    view.sanity.randomise_next()
    assert view.sanity.shutdown() and not view.sanity.busy()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_sanity_tab_has_no_cut_or_overlapping_text(qtbot, settings, language: str) -> None:
    from PySide6.QtWidgets import QApplication
    from test_gui_text_layout import _cjk_or_skip, window_in

    from explainer.gui import textcheck
    from explainer.gui.kit.samples import sample_digit

    _cjk_or_skip(language)
    with window_in(qtbot, settings, language, (1280, 720)) as window:
        window.canvas.set_image(sample_digit()[0])
        window.state.set_image(window.canvas.pixels())
        window.show_page("attribution")
        view = window.findChild(AttributionView)
        view.ig_steps.setValue(16)
        view.samples.setValue(4)
        with qtbot.waitSignal(view.sanity.sigComputed, timeout=WAIT_MS):
            view.show_sanity_check()
        for _ in range(2):
            step(qtbot, view.sanity, view.sanity.randomise_next)
        step(qtbot, view.sanity, view.sanity.alone_button.click)  # dense1 alone: the maps of step 1
        assert len(view.sanity.board.panels()) == 12
        for _ in range(3):  # let the layout follow the second row of maps
            QApplication.instance().processEvents()
        assert textcheck.problems(window) == []


def test_a_model_without_conv_layers_is_checked_without_grad_cam(qtbot) -> None:
    from explainer.core import Dense, Flatten, ReLU

    rng = np.random.default_rng(0)
    mlp = Sequential([Flatten(), Dense(784, 16, rng=rng), ReLU(), Dense(16, 10, rng=rng)])
    view = checked_view(qtbot, mlp)
    panel = view.sanity
    assert [panel.layer_box.itemData(i) for i in range(panel.layer_box.count())] == [3, 1]
    step(qtbot, panel, panel.randomise_next)
    titles = [p.title for p in panel.board.panels()]
    assert len(titles) == 10 and titles[:5] == titles[5:] and "Grad-CAM" not in titles
    assert panel.board._grid_shape() == (5, 2)  # originals above, randomised below
    step(qtbot, panel, panel.randomise_next)
    assert panel.cascade_button.text() == "All random" and not panel.cascade_button.isEnabled()
