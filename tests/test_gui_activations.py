"""The "Activations and losses" page: curves from the engine, the digit's numbers on them, the loss table
against the chosen label, the saturated-softmax comparison, and its text in both languages."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from explainer.core import Sequential, output_losses, reference_net
from explainer.core.layers import sigmoid
from explainer.gui import i18n, textcheck
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.pages.activations import ActivationsView, activation_curve, loss_curve, softmax_curve


@pytest.fixture(scope="module")
def model() -> Sequential:
    return reference_net(np.random.default_rng(3))


def make_view(qtbot, model: Sequential, label: int | None = None) -> ActivationsView:
    view = ActivationsView()
    qtbot.addWidget(view)
    view.set_trace(model.trace(synthetic_digit()[None, None]), label, model.class_names)
    return view


def test_curves_and_derivatives_are_the_engines_and_the_correct_sigmoid_slope() -> None:
    x = np.linspace(-5, 5, 101)
    f, df = activation_curve("sigmoid", x)
    np.testing.assert_allclose(df, f * (1 - f), rtol=1e-6)  # f(1 - f), not the seed's f(1 - f)^2
    assert not np.allclose(df, f * (1 - f) ** 2)
    f, df = activation_curve("leaky_relu", np.array([-2.0, 3.0]))
    assert f.tolist() == [-0.02, 3.0] and df.tolist() == [0.01, 1.0]
    p, slope = softmax_curve(np.array([1.0, 2.0, 0.0]), 1, np.array([2.0]))
    assert p[0] == pytest.approx(np.exp(2) / (np.exp(1) + np.exp(2) + 1)) and slope[0] == pytest.approx(
        p[0] * (1 - p[0])
    )
    losses, grads = loss_curve("bce", np.array([0.25]))
    assert losses[0] == pytest.approx(-np.log(0.25)) and grads[0] == pytest.approx(-4.0)
    losses, grads = loss_curve("ce", np.array([0.0]), np.array([0.0, 0.0]), 0)
    assert losses[0] == pytest.approx(np.log(2)) and grads[0] == pytest.approx(-0.5)


def test_the_digits_pre_activations_are_marked_on_the_curve(qtbot, model: Sequential) -> None:
    view = make_view(qtbot, model)
    trace = view._trace
    view.set_activation("sigmoid")
    first_relu = next(record for record in trace.layers if record.kind == "relu")
    x, y = view.marks()
    inputs = first_relu.input[0].ravel()
    assert len(x) >= min(len(inputs), 2000) and set(x) <= set(inputs.astype(np.float64))
    np.testing.assert_allclose(y, sigmoid(x), rtol=1e-6)
    assert "f(x)(1 − f(x))²" in view.activation_note.text() and "0.25" in view.activation_note.text()
    view.layer_box.setCurrentIndex(2)
    third = [record for record in trace.layers if record.kind == "relu"][2]
    assert set(view.marks()[0]) <= set(third.input[0].ravel().astype(np.float64))
    negative = np.mean(third.input[0] < 0)
    view.set_activation("relu")
    assert f"{negative:.0%}" in view.activation_stats.text()
    view.set_activation("softmax")
    predicted = int(trace.prediction[0])
    x, y = view.marks()
    assert x.tolist() == [pytest.approx(float(trace.logits[0, predicted]))]
    assert y[0] == pytest.approx(float(trace.probs[0, predicted]), rel=1e-5)


def test_the_loss_table_measures_the_output_against_the_label_else_the_prediction(qtbot, model) -> None:
    view = make_view(qtbot, model)
    trace = view._trace
    predicted = int(trace.prediction[0])
    assert view.chosen_class() == predicted
    expected = output_losses(trace.logits[0], predicted)
    for name, result in expected.items():
        shown = float(view._table_cells[(name, 1)].text().replace("\u2212", "-"))
        assert shown == pytest.approx(result.loss, rel=5e-3)
    other = (predicted + 1) % 10
    view.set_trace(trace, other, model.class_names)
    assert view.chosen_class() == other
    ce = float(view._table_cells[("ce", 1)].text().replace("\u2212", "-"))
    assert ce == pytest.approx(-np.log(trace.probs[0, other]), rel=5e-3)


def test_the_saturated_output_shows_mse_vanishing_where_cross_entropy_does_not(qtbot, model) -> None:
    confident = reference_net(np.random.default_rng(3))
    confident.layers[-1].params["W"] *= 400  # a saturated softmax: one class near 1
    view = make_view(qtbot, confident)
    row = view._saturation_cells[2]
    mse, ce = (float(cell.text().replace("\u2212", "-")) for cell in row[2:])
    assert mse < 1e-3 and ce > 0.9
    assert row[2].text() in view.saturation_text.text() and "p(1 − p)" in view.saturation_text.text()


def test_without_a_digit_the_page_says_so(qtbot) -> None:
    view = ActivationsView()
    qtbot.addWidget(view)
    view.set_trace(None)
    assert (
        "Draw or pick an input" in view.activation_stats.text()
        and view._table_cells[("mse", 1)].text() == "–"
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_both_tabs_fit_their_text_in_both_languages(qtbot, settings, model, language: str) -> None:
    if language != "en" and not i18n.cjk_font_families():
        pytest.skip(f"no font with Chinese glyphs installed (install {i18n.CJK_FONT_PACKAGE})")
    app = QApplication.instance()
    i18n.set_language(app, language, settings, remember=False)
    try:
        view = make_view(qtbot, model)
        view.resize(1100, 640)
        view.show()
        qtbot.waitExposed(view)
        for tab in range(2):
            view.tabs.setCurrentIndex(tab)
            for name in ("sigmoid", "softmax") if tab == 0 else ("ce", "mape"):
                if tab == 0:
                    view.set_activation(name)
                else:
                    view.set_loss(name)
                app.processEvents()
                assert textcheck.problems(view) == [], (language, tab, name)
        if language != "en":
            assert view.tabs.tabText(1) != "Losses"
    finally:
        i18n.set_language(app, "en", settings, remember=False)
