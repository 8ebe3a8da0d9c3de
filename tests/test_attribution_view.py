"""The attribution view shows exactly what explainer.core.attribution computes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import Dense, Flatten, ReLU, Sequential, writable
from explainer.core import attribution as A
from explainer.gui.pages.attribution import METHODS, SWING_NOTE_RATIO, AttributionView, gradcam_layers


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


def small_view(qtbot) -> AttributionView:
    """A view with few SmoothGrad samples and IG steps, to keep the tests quick."""
    view = AttributionView()
    qtbot.addWidget(view)
    view.ig_steps.setValue(IG_STEPS)
    view.samples.setValue(4)
    return view


IG_STEPS = 16


def test_attribution_view_shows_the_core_maps(qtbot, model: Sequential) -> None:
    view = small_view(qtbot)
    assert view.objectName() == "attribution"
    x = smooth_digit()
    view.set_model(model)
    view.set_input(x[0, 0])
    predicted = int(model.predict_proba(x)[0].argmax())
    assert view.class_box.currentIndex() == predicted == view.label_box.currentIndex()
    np.testing.assert_array_equal(view.results["vanilla"], A.vanilla_gradient(model, x, predicted))
    attributions, delta = A.integrated_gradients(model, x, predicted, steps=IG_STEPS)
    np.testing.assert_array_equal(view.results["ig"], attributions)
    assert view.ig.delta == delta
    panels = view.board.panels()
    assert len(panels) == len(METHODS)
    np.testing.assert_array_equal(panels[0].values, view.results["vanilla"].astype(np.float64))
    assert panels[2].caption.startswith("Σ = ")
    np.testing.assert_array_equal(panels[0].under, x[0, 0])  # drawn over the digit
    np.testing.assert_array_equal(
        panels[5].values, -model.trace(x, [predicted]).input_grad[0, 0].astype(np.float64)
    )
    assert view.loss == pytest.approx(model.trace(x, [predicted]).loss)


def test_settings_recompute_only_their_map(qtbot, model: Sequential) -> None:
    view = small_view(qtbot)
    x = smooth_digit()
    view.set_model(model)
    view.set_input(x[0, 0])
    vanilla = view.results["vanilla"]
    with qtbot.waitSignal(view.sigComputed, timeout=5000):
        view.set_smoothgrad(0.3, 6)
    expected = A.smoothgrad(model, x, view.class_box.currentIndex(), 0.3, 6, np.random.default_rng(0))
    np.testing.assert_array_equal(view.results["smoothgrad"], expected)
    assert view.results["vanilla"] is vanilla
    layers = gradcam_layers(model)
    view.set_gradcam_layer(layers[0][1])
    cam = A.grad_cam(model, x, view.class_box.currentIndex(), layers[0][1])
    np.testing.assert_array_equal(view.results["gradcam"], cam.upsampled)
    assert view.results["gradcam"].min() >= 0.0
    view.set_target(4)
    other = view.other_box.currentIndex()
    np.testing.assert_array_equal(view.results["contrast"], A.contrast(model, x, 4, other))
    np.testing.assert_array_equal(view.results["vanilla"], A.vanilla_gradient(model, x, 4))


def test_gradcam_layers_read_after_the_activation(model: Sequential) -> None:
    layers = gradcam_layers(model)
    assert len(layers) == sum(layer.kind == "conv2d" for layer in model.layers)
    for label, index in layers:
        assert model.layers[index].kind in ("relu", "conv2d")
        assert model.layers[index].name in label


def test_empty_view_has_no_maps(qtbot, model: Sequential) -> None:
    view = AttributionView()
    qtbot.addWidget(view)
    view.set_model(model)
    view.set_input(None)
    assert view.results == {} and view.board.panels() == []


def dense_net(hidden: int) -> Sequential:
    """A net with no conv layer (the Design tab builds one with zero conv blocks)."""
    rng = np.random.default_rng(5)
    return Sequential([Flatten(), Dense(784, hidden, rng=rng), ReLU(), Dense(hidden, 10, rng=rng)])


def test_a_model_without_conv_layers_gets_every_map_but_grad_cam(qtbot) -> None:
    view = small_view(qtbot)
    view.set_model(dense_net(16))
    view.set_input(smooth_digit()[0, 0])
    titles = [panel.title for panel in view.board.panels()]
    assert len(titles) == len(METHODS) - 1 and not any("Grad-CAM" in title for title in titles)
    assert not view.layer_box.isEnabled()
    view.set_model(bundled_or_reference())  # and back: Grad-CAM returns
    assert len(view.board.panels()) == len(METHODS) and view.layer_box.isEnabled()


def test_a_score_that_dips_on_the_path_explains_the_completeness_miss(qtbot) -> None:
    x = smooth_digit()
    model = dense_net(2)
    hidden, out = model.layers[1].params, model.layers[3].params
    # Along alpha * x: hidden units alpha and relu(alpha - 0.5); z_0 = -4 alpha + 8.4 relu(alpha - 0.5)
    # falls from 0 to -2 at alpha = 0.5 and climbs to 0.2: a swing of 4.2 for a net change of 0.2.
    hidden["W"][:] = 1.0 / x.sum()
    hidden["b"][:] = [0.0, -0.5]
    out["W"][:] = 0.0
    out["W"][:, 0] = [-4.0, 8.4]
    out["b"][:] = 0.0
    view = small_view(qtbot)
    view.set_model(model)
    view.set_input(x[0, 0])
    view.set_target(0)
    assert view.ig.delta == pytest.approx(0.2, abs=1e-5)
    assert view.ig.swing == pytest.approx(4.2, abs=1e-4)
    assert not view.path_note.isHidden()
    assert "−2" in view.path_note.text() and "4.2" in view.path_note.text()
    writable(hidden, "b")[:] = 0.0  # z_0 = 4.4 alpha now climbs straight: nothing to explain
    view.set_model(model)
    view.set_input(x[0, 0] * 0.9)
    view.set_target(0)
    assert view.ig.swing < SWING_NOTE_RATIO * abs(view.ig.delta)
    assert view.path_note.isHidden()


def test_grad_cam_share_on_blank_cells_is_measured_and_explained(qtbot) -> None:
    from explainer.data import MNIST
    from explainer.gui.pages.attribution import cam_share_without_ink
    from explainer.modelio import load_model

    cam = np.zeros((14, 14))
    x = np.zeros((28, 28))
    x[0:2, 0:2] = 1.0
    cam[0, 0], cam[5, 5] = 1.0, 3.0
    assert cam_share_without_ink(cam, x) == pytest.approx(0.75)
    assert cam_share_without_ink(np.zeros((14, 14)), x) == 0.0
    images, labels = MNIST.load_samples()
    seven = images[int(np.nonzero(labels == 7)[0][0])] / np.float32(255)
    model = load_model()
    relu4 = {label.split()[-1]: index for label, index in gradcam_layers(model)}["relu4"]
    measured = cam_share_without_ink(A.grad_cam(model, seven[None, None], 7, relu4).cam, seven)
    # The issue's observation: on a gallery 7 relu4's Grad-CAM lies off the ink (measured 100%).
    assert measured > 0.5
    view = small_view(qtbot)
    view.set_model(model)
    view.set_input(seven)
    view.set_gradcam_layer(relu4)
    assert "empty paper" in view.note.text()
    captions = [panel.caption for panel in view.board.panels()]
    assert any(f"{100 * measured:.0f}% on cells with no ink" in caption for caption in captions)
