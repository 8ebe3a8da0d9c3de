"""Compare mode: pin a trace (P), change something, and every map shows now − pinned; Esc unpins."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from explainer.gui.mainwindow import MainWindow
from explainer.gui.network.overview import INPUT_INDEX


@pytest.fixture
def window(shown, settings):
    from explainer.gui.state import load_settings

    return shown(MainWindow(settings=load_settings(settings)))


def digit(shift: int = 0) -> np.ndarray:
    image = np.zeros((280, 280), np.float32)
    image[60:220, 120 + shift : 150 + shift] = 1.0
    image[60:90, 80:200] = 1.0
    return image


def assert_differences(window, now, pinned) -> None:
    overview = window.overview
    gradient = overview.current_quantity() == "gradient"
    pixels = (now.input_grad[0] - pinned.input_grad[0]) if gradient else now.input[0] - pinned.input[0]
    assert np.array_equal(overview.shown_values(INPUT_INDEX), pixels)
    for index, (a, b) in enumerate(zip(now.layers, pinned.layers, strict=True)):
        shown = overview.shown_values(index)
        expected = (a.grad_output if gradient else a.output)[0] - (b.grad_output if gradient else b.output)[0]
        assert np.array_equal(shown, expected), a.name
    change = overview.prediction_view().change()
    np.testing.assert_allclose(change, now.probs[0].astype(np.float64) - pinned.probs[0], atol=1e-12)


def test_pinned_maps_show_the_difference_for_a_stroke_a_digit_and_a_learn_step(window) -> None:
    window.canvas.set_image(digit())
    window.trace_pending_input()
    assert window.pin_trace()
    pinned = window.current_trace()
    window.canvas.set_image(digit(shift=30))  # another stroke
    window.trace_pending_input()
    now = window.current_trace()
    assert now is not pinned and window.overview.difference_shown()
    assert_differences(window, now, pinned)
    assert np.abs(window.overview.shown_values(0)).max() > 0
    # A Learn step: a new model of the same architecture, the same input.
    learn = window.show_page("learn")
    learn.set_lr(0.05)
    learn.apply_step()
    window.show_network_overview()
    assert window.overview.reference() is not None
    assert_differences(window, window.current_trace(), pinned)
    # Backward mode: the pinned input is traced again against the same target, gradients compared.
    window.set_mode("backward")
    assert window.pinned_trace().has_gradients
    assert_differences(window, window.current_trace(), window.pinned_trace())
    # The toggle shows the maps now.
    window.set_difference_shown(False)
    assert np.array_equal(window.overview.shown_values(0), window.current_trace().layers[0].grad_output[0])
    assert window.overview.prediction_view().change() is None


def test_escape_unpins_first_then_clears(window) -> None:
    escape = QKeySequence(Qt.Key.Key_Escape)
    window.canvas.set_image(digit())
    window.trace_pending_input()
    window.pin_trace()
    assert escape in window.unpin_action.shortcuts() and escape not in window.clear_action.shortcuts()
    window.unpin_action.trigger()
    assert window.overview.reference() is None and window.overview.shown_values(0) is not None
    assert escape in window.clear_action.shortcuts() and not window.unpin_action.shortcuts()
    window.pin_trace()
    window.set_presenting(True)
    assert escape in window.unpin_action.shortcuts() and escape not in window.present_action.shortcuts()
    window.unpin_trace()
    assert escape in window.present_action.shortcuts() and escape not in window.clear_action.shortcuts()
    window.set_presenting(False)
    assert escape in window.clear_action.shortcuts()


def test_editing_one_kernel_weight_makes_a_new_model_that_spreads_through_later_layers(window) -> None:
    window.canvas.set_image(digit())
    window.trace_pending_input()
    window.pin_trace()
    before = window.state.model
    window._open_map_detail(2, 3)  # conv2, output map 3
    view = window.detail_view()
    assert view.objectName() == "conv_view"
    view.canvas.sigWeightClicked.emit(5, 0, 2)
    old = float(before.layers[2].params["W"][3, 5, 0, 2])
    assert view.weight_editor.box.value() == pytest.approx(old, abs=1e-3)
    view.weight_editor.box.setValue(old + 1.0)
    model = window.state.model
    assert model is not before
    changed = model.layers[2].params["W"] != before.layers[2].params["W"]
    assert changed.sum() == 1 and changed[3, 5, 0, 2]
    assert before.layers[2].params["W"][3, 5, 0, 2] == np.float32(old)  # the old model is untouched
    window.show_overview()
    now, pinned = window.current_trace(), window.pinned_trace()
    assert_differences(window, now, pinned)
    assert not window.overview.shown_values(0).any()  # conv1 is before the edit: no change
    changed_maps = np.abs(window.overview.shown_values(2)).reshape(8, -1).max(axis=1) > 0
    assert changed_maps.tolist() == [c == 3 for c in range(8)]  # conv2: only output map 3
    assert np.abs(window.overview.shown_values(5)).max() > 0  # and it spreads to conv3
