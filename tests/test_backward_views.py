"""Backward detail views, stepper, "Learn this example" and gradient check show the core's numbers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import SGD, Sequential
from explainer.core.passes import pass_steps
from explainer.errors import BadInputError
from explainer.gui.kit.mapboard import as_image
from explainer.gui.layers.conv.backward import ConvBackwardView, conv_geometry
from explainer.gui.layers.dense.backward import DenseBackwardView
from explainer.gui.layers.pool import PoolBackwardView, pool_geometry
from explainer.gui.layers.registry import make_backward_view
from explainer.gui.pages.gradcheck import GradCheckView
from explainer.gui.pages.learn import LearnView
from explainer.gui.pages.stepper import StepperView

LABEL = 2


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


@pytest.fixture(scope="module")
def trace(model: Sequential):
    return model.trace(smooth_digit(), [LABEL])


def index_of(model: Sequential, kind: str, nth: int = 0) -> int:
    return [i for i, layer in enumerate(model.layers) if layer.kind == kind][nth]


def test_every_layer_has_a_backward_view_with_its_object_name(qtbot, model: Sequential, trace) -> None:
    names = {
        "conv2d": "backward_conv",
        "relu": "backward_activation",
        "maxpool2d": "backward_pool",
        "flatten": "backward_reshape",
        "dense": "backward_dense",
    }
    for index, layer in enumerate(model.layers):
        view = make_backward_view(trace, index)
        qtbot.addWidget(view)
        assert view.objectName() == names[layer.kind]
        assert view.step_count() > 0


def test_a_trace_without_gradients_is_refused(model: Sequential) -> None:
    with pytest.raises(BadInputError, match="no gradients"):
        make_backward_view(model.trace(smooth_digit()), 0)


def test_geometry_is_read_from_the_numbers(model: Sequential, trace) -> None:
    for index, layer in enumerate(model.layers):
        if layer.kind == "conv2d":
            assert conv_geometry(trace.layers[index]) == (layer.kernel_size, layer.stride, layer.pad)
        if layer.kind in ("maxpool2d", "avgpool2d"):
            assert pool_geometry(trace.layers[index]) == (layer.size, layer.stride)


def test_conv_input_gradient_is_the_full_convolution_summed_over_output_maps(qtbot, model, trace) -> None:
    index = index_of(model, "conv2d", 1)
    record = trace.layers[index]
    view = ConvBackwardView(trace, index)
    qtbot.addWidget(view)
    c_out, c_in = record.params["W"].shape[:2]
    for c in (0, c_in - 1):
        total = np.zeros(record.input.shape[2:])
        for o in range(c_out):
            view.set_channels(o, c)
            total += view.final()
            # the step's kernel is the 180-degree rotation of W[o, c]
            np.testing.assert_array_equal(view.steps[0].kernel, record.params["W"][o, c][::-1, ::-1])
        np.testing.assert_allclose(total, record.grad_input[0, c], rtol=1e-4, atol=1e-6)
        shown = view.board.panels()[3].values  # dL/dA_prev[c], summed over every output map
        np.testing.assert_array_equal(shown, record.grad_input[0, c].astype(np.float64))


def test_conv_weight_gradient_is_the_correlation_of_input_and_dz(qtbot, model, trace) -> None:
    index = index_of(model, "conv2d", 1)
    record = trace.layers[index]
    view = ConvBackwardView(trace, index, channel=3)
    qtbot.addWidget(view)
    view.set_mode("weight")
    for o, c in [(3, 0), (0, 5)]:
        view.set_channels(o, c)
        np.testing.assert_allclose(view.final(), record.grads["W"][o, c], rtol=1e-4, atol=1e-7)
    view.player.end()
    built = view.board.panels()[2].values  # dL/dW[o, c], complete at the last step
    np.testing.assert_allclose(built, record.grads["W"][0, 5], rtol=1e-4, atol=1e-7)
    assert "dL/db[0]" in view.board.panels()[2].caption


def test_animation_builds_cell_by_cell(qtbot, model, trace) -> None:
    view = ConvBackwardView(trace, index_of(model, "conv2d"))
    qtbot.addWidget(view)
    view.player.set_step(9)
    built = view.board.panels()[2].values
    assert np.isfinite(built).sum() == 10
    assert view.board.panels()[2].highlight == (0, 9, 1, 1)
    assert "<b>" in view.formula.text()
    # The padded dL/dZ on screen holds exactly the window each core step multiplies with rot180(W).
    for index in (0, 9, 100, view.step_count() - 1):
        view.player.set_step(index)
        step, shown = view.steps[index], view.board.panels()[0]
        r, c, k = step.row, step.col, view.k
        np.testing.assert_array_equal(shown.values[r : r + k, c : c + k], step.window)
        assert shown.highlight == (r, c, k, k)


def test_step_by_step_views_open_and_restart_at_their_first_step(qtbot, model, trace) -> None:
    # A student who opens a backward view (or picks another map) watches it build from the first step.
    for kind in ("conv2d", "relu", "maxpool2d"):
        view = make_backward_view(trace, index_of(model, kind), 1)
        qtbot.addWidget(view)
        assert view.step_count() > 1 and view.player.step() == 0, kind
        assert view.player.caption().startswith(("step 1 of", "value 1 of", "window 1 of")), kind
    view = ConvBackwardView(trace, index_of(model, "conv2d"))
    qtbot.addWidget(view)
    view.player.set_step(9)
    view.mode_box.setCurrentIndex(1)
    assert view.player.step() == 0


def test_max_pool_routes_each_gradient_to_its_argmax(qtbot, model, trace) -> None:
    index = index_of(model, "maxpool2d")
    record = trace.layers[index]
    view = PoolBackwardView(trace, index, channel=1)
    qtbot.addWidget(view)
    np.testing.assert_allclose(view.final(), record.grad_input[0, 1], rtol=1e-6, atol=1e-9)
    mask = view.mask()
    assert mask.sum() == record.output.shape[2] * record.output.shape[3]  # one maximum per window
    assert np.all(view.final()[mask == 0] == 0.0)


def test_activation_backward_is_the_mask_times_dy(qtbot, model, trace) -> None:
    index = index_of(model, "relu", 1)
    record = trace.layers[index]
    view = make_backward_view(trace, index, channel=2)
    qtbot.addWidget(view)
    np.testing.assert_allclose(view.final(), record.grad_input[0, 2], rtol=1e-6, atol=1e-9)
    mask = view.board.panels()[1].values
    np.testing.assert_array_equal(mask, (record.input[0, 2] > 0).astype(np.float64))


def test_dense_view_shows_p_minus_y_and_dW(qtbot, model, trace) -> None:
    index = index_of(model, "dense")
    record = trace.layers[index]
    view = DenseBackwardView(trace, index)
    qtbot.addWidget(view)
    np.testing.assert_allclose(view.final(), record.grads["W"], rtol=1e-5, atol=1e-8)
    expected = trace.probs[0].astype(np.float64) - np.eye(10)[LABEL]
    np.testing.assert_allclose([step.dy for step in view.steps], expected, rtol=1e-5, atol=1e-7)
    assert "p − y" in view.table.text()


def test_reshape_view_passes_the_gradient_through(qtbot, model, trace) -> None:
    index = index_of(model, "flatten")
    view = make_backward_view(trace, index)
    qtbot.addWidget(view)
    np.testing.assert_array_equal(view.final(), trace.layers[index].grad_input)


def test_stepper_walks_the_whole_pass_with_keys(qtbot, model: Sequential) -> None:
    view = StepperView()
    qtbot.addWidget(view)
    assert view.objectName() == "stepper"
    x = smooth_digit()[0, 0]
    view.set_problem(model, x, LABEL)
    view.set_lr(0.02)
    steps = view.steps()
    assert len(steps) == len(pass_steps(model, x[None, None], LABEL, 0.02))
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current().index == len(steps) - 1 and view.current().phase == "update"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current().index == 0
    with qtbot.waitSignal(view.sigStepChanged) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert blocker.args[0].index == 1 and view.current().phase == "forward"
    # Every update stage shows W - lr * dW of a direct trace, as SGD computes it.
    reference = model.copy()
    reference.trace(x[None, None], [LABEL])
    SGD(reference, 0.02).step()
    for step in view.steps():
        if step.phase == "update":
            view.player.set_step(step.index)
            after = view.board.panels()[2].values
            expected = as_image(reference.layers[step.layer_index].params["W"], view._flat_shape)
            np.testing.assert_array_equal(after, expected)
    # A backward stage shows dL/dy and dL/dx of the trace.
    trace = view.trace()
    stage = next(s for s in view.steps() if s.phase == "backward" and s.kind == "maxpool2d")
    view.player.set_step(stage.index)
    panels = view.board.panels()
    np.testing.assert_array_equal(panels[0].values, as_image(trace.layers[stage.layer_index].grad_output))
    np.testing.assert_array_equal(panels[-1].values, as_image(trace.layers[stage.layer_index].grad_input))
    detail = view.open_detail()
    qtbot.addWidget(detail)
    assert detail.objectName() == "backward_pool"


def test_learn_step_lowers_the_loss_and_undo_restores_every_weight(qtbot, model: Sequential) -> None:
    view = LearnView(load_bundled=bundled_or_reference)
    qtbot.addWidget(view)
    assert view.objectName() == "learn"
    x = smooth_digit()[0, 0]
    view.set_model(model)
    view.set_input(x)
    runner_up = int(np.argsort(model.predict_proba(x[None, None])[0])[-2])
    view.set_label(runner_up)
    view.set_lr(0.01)
    snapshot = [{k: v.copy() for k, v in layer.params.items()} for layer in model.layers]
    with qtbot.waitSignal(view.sigModelProduced) as changed:
        result = view.apply_step()
    assert changed.args[0] is view.model() is result.model
    assert result.loss_after < result.loss_before
    np.testing.assert_array_equal(view.after.probs(), result.probs_after)
    first = next(iter(result.deltas))
    np.testing.assert_array_equal(
        view.deltas.panels()[0].values, as_image(result.deltas[first]["W"], view._flat_shape())
    )
    view.set_model(result.model)  # the window echoing the model back changes nothing
    assert view.can_undo()
    with qtbot.waitSignal(view.sigModelProduced) as undone:
        view.undo()
    assert undone.args[0] is model
    for layer, saved in zip(view.model().layers, snapshot, strict=True):
        for key, value in saved.items():
            assert layer.params[key].tobytes() == value.tobytes()  # bit-exact
    view.apply_step()
    with qtbot.waitSignal(view.sigModelProduced) as reset:
        view.reset()
    assert reset.args[0] is not model and not view.can_undo()


def test_gradcheck_view_agrees_and_adds_clicked_pixels(qtbot, model: Sequential) -> None:
    view = GradCheckView()
    qtbot.addWidget(view)
    assert view.objectName() == "gradcheck"
    view.resize(1200, 700)
    view.show()
    view.set_problem(model, smooth_digit()[0, 0], LABEL)
    assert view.results and view.table.rowCount() == len(view.results)
    for result in view.results:
        if result.measurable:
            assert result.rel_error < 1e-6, result
    centre = view.board.cell_rect(0, 20, 7).center().toPoint()
    with qtbot.waitSignal(view.sigChecked):
        qtbot.mouseClick(view.board, Qt.MouseButton.LeftButton, pos=centre)
    assert view.entries()[-1] == ("input", (20, 7))
    assert view.table.item(view.table.rowCount() - 1, 0).text() == "pixel (20, 7)"


def test_views_follow_a_language_change_and_accept_no_input(qtbot, model: Sequential, trace) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from explainer.gui.pages.attribution import AttributionView

    stepper, learn, check, attribution = StepperView(), LearnView(), GradCheckView(), AttributionView()
    attribution.ig_steps.setValue(8)
    attribution.samples.setValue(2)
    detail = make_backward_view(trace, index_of(model, "conv2d"))
    for view in (stepper, learn, check, attribution, detail):
        qtbot.addWidget(view)
    x = smooth_digit()[0, 0]
    stepper.set_problem(model, x)
    learn.set_model(model)
    learn.set_input(x)
    check.set_problem(model, x)
    attribution.set_model(model)
    attribution.set_input(x)
    titles = [view.title.text() for view in (stepper, learn, check, attribution, detail)]
    for view in (stepper, learn, check, attribution, detail):
        QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert [view.title.text() for view in (stepper, learn, check, attribution, detail)] == titles
    assert detail.title.text() == "Backward through conv1" and "rotated 180°" in detail.mode_box.itemText(0)
    stepper.set_problem(None, None)
    assert stepper.steps() == [] and stepper.board.panels() == []
    learn.set_input(None)
    assert not learn.step_button.isEnabled() and learn.apply_step() is None
    check.set_problem(model, None)
    assert check.results == [] and check.table.rowCount() == 0


def test_set_trace_follows_the_drawing_and_keeps_the_choices(qtbot, model: Sequential, trace) -> None:
    index = index_of(model, "conv2d", 1)
    view = ConvBackwardView(trace, index, channel=2)
    qtbot.addWidget(view)
    view.set_mode("weight")
    view.set_channels(2, 4)
    view.player.set_step(3)
    other = model.trace(np.clip(smooth_digit()[:, :, ::-1] * 0.8, 0.0, 1.0), [5])
    view.set_trace(other)
    assert (view.mode, view.channel(), view.in_box.currentIndex(), view.player.step()) == ("weight", 2, 4, 3)
    np.testing.assert_allclose(view.final(), other.layers[index].grads["W"][2, 4], rtol=1e-4, atol=1e-7)
    view.set_trace(trace, channel=5)
    assert view.channel() == 5
    np.testing.assert_allclose(view.final(), trace.layers[index].grads["W"][5, 4], rtol=1e-4, atol=1e-7)
    with pytest.raises(BadInputError, match="explains a conv2d"):
        view.set_trace(trace, index_of(model, "relu"))
    dense = make_backward_view(trace, index_of(model, "dense"), channel=7)
    qtbot.addWidget(dense)
    assert dense.channel() == 7
    dense.set_trace(other)
    assert dense.channel() == 7
    np.testing.assert_allclose(dense.final(), other.layers[-1].grads["W"], rtol=1e-5, atol=1e-8)


def test_a_panel_title_too_wide_for_its_map_is_shrunk_to_fit(qapp) -> None:
    from PySide6.QtGui import QFontMetricsF

    from explainer.gui import theme
    from explainer.gui.kit.mapboard import fitted_title_font

    title = "the share of dL/dA_prev[0] from map 1"
    full = QFontMetricsF(theme.font(bold=True)).horizontalAdvance(title)
    assert fitted_title_font(title, full + 10).pointSizeF() == theme.font(bold=True).pointSizeF()
    assert QFontMetricsF(fitted_title_font(title, 0.85 * full)).horizontalAdvance(title) <= 0.85 * full + 1


def gallery_case(model: Sequential, case: str) -> tuple[np.ndarray, int]:
    """A gallery digit ``(28, 28)`` and its label: "confident" (p of the label rounds to 1 in float32) or
    "ambiguous" (the largest runner-up probability)."""
    from explainer.assets import asset_path

    samples = np.load(asset_path("samples.npz"))
    images = samples["images"] / np.float32(255)
    probs = model.predict_proba(images[:, None])
    top = np.sort(probs, axis=1)
    i = int(np.argmax(top[:, -1])) if case == "confident" else int(np.argmax(top[:, -2]))
    return images[i], int(samples["labels"][i])


def test_dense_view_shows_a_confident_digits_tiny_numbers_and_names_the_class(qtbot, model) -> None:
    from explainer.gui import theme

    x, label = gallery_case(model, "confident")
    trace = model.trace(x[None, None], [label])
    assert trace.probs[0, label] == 1.0  # float32 p rounds to 1: the case that showed dL/dz = 0
    view = DenseBackwardView(trace, index_of(model, "dense"), channel=label)
    qtbot.addWidget(view)
    dy = view.steps[label].dy
    others = float(np.delete(trace.probs[0], label).astype(np.float64).sum())
    assert dy < 0 and dy == pytest.approx(-others, rel=1e-5)
    table = view.table.text()
    assert theme.format_significant(dy) in table and "e−" in theme.format_significant(dy)
    assert theme.format_probability(1.0, others) in table and "1 − " in table
    assert f"dL/db_{label} = dL/dz_{label} = <b>{theme.format_significant(dy)}</b>" in view.formula.text()
    assert view.player.caption() == f"class {label} (classes 0–9)"


@pytest.mark.parametrize("case", ["confident", "ambiguous"])
def test_gradcheck_view_checks_the_float32_trace_the_views_show(qtbot, model, case: str) -> None:
    from explainer.gui.pages.gradcheck import good_error

    view = GradCheckView()
    qtbot.addWidget(view)
    x, label = gallery_case(model, case)
    dense = index_of(model, "dense")
    view.set_problem(model, x, label)
    view.add_entries([(dense, "b", label)])
    shown = model.trace(x[None, None], [label])  # what the window traces for this digit and label
    assert not view.noise.isChecked() and model.dtype == np.float32
    for result in view.results:
        if result.which[0] == "input":
            assert result.backprop == float(shown.input_grad[(0, 0, *result.which[1])])
        if result.measurable and not result.kink:
            assert result.rel_error < good_error(np.float32), result
    bias = view.results[-1]
    assert bias.backprop == float(shown.layers[dense].grads["b"][label]) and bias.backprop < 0
    assert bias.measurable and bias.rel_error < good_error(np.float32)
    assert "float32" in view.text.text()


def test_learn_clears_the_last_steps_text_for_a_new_digit_and_reports_the_gallery(qtbot, model) -> None:
    from explainer.gui.pages.learn import DEFAULT_LR

    view = LearnView(load_bundled=bundled_or_reference)
    qtbot.addWidget(view)
    view.set_model(model)
    x, label = gallery_case(model, "confident")
    view.set_input(x)
    view.set_label((label + 1) % 10)
    assert view.lr_box.value() == DEFAULT_LR
    result = view.apply_step()
    assert "went from" in view.status.text() and "e−" in view.status.text()  # not "0.0%"
    before, after = view.gallery_accuracy
    assert before == 1.0 and after >= 0.95, "one default step on a wrongly labelled digit wrecked the gallery"
    assert f"{100 * before:.0f}%" in view.effect.text() and f"{100 * after:.0f}%" in view.effect.text()
    view.set_model(result.model)
    view.set_input(gallery_case(model, "ambiguous")[0])
    assert view.status.text() == "" and view.effect.text() == "" and view.gallery_accuracy is None
