"""The whole pass as steps, one SGD step on a digit, and the gradient check (explainer.core.passes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explainer.core import SGD, Dense, Flatten, MaxPool2D, Sequential, reference_net
from explainer.core.passes import PHASES, gradient_check, learn_step, pass_steps
from explainer.errors import BadInputError

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def bundled_or_reference() -> Sequential:
    """The bundled model when it exists, else the reference net with non-zero biases (no degenerate ties)."""
    if (ASSETS / "model.npz").exists():
        import explainer

        return explainer.load_model()
    model = reference_net(np.random.default_rng(1))
    for layer in model.layers:
        if "b" in layer.params:
            layer.params["b"][:] = np.random.default_rng(2).normal(0.0, 0.1, layer.params["b"].shape)
    return model


def smooth_digit() -> np.ndarray:
    """A soft, anti-aliased '3'-like stroke, so no two pixels or pooling candidates tie.

    Shape:
        returns ``(1, 1, 28, 28)`` float32 in [0, 1].
    """
    rows, cols = np.mgrid[0:28, 0:28].astype(np.float64)
    ink = np.zeros((28, 28))
    for centre_r, centre_c in [(9, 14), (19, 14)]:
        radius = np.hypot(rows - centre_r, cols - centre_c)
        ink += np.exp(-((radius - 5.0) ** 2) / 2.0) * (cols > centre_c - 3)
    ink += np.random.default_rng(0).uniform(0.0, 0.02, ink.shape)
    return np.clip(ink, 0.0, 1.0).astype(np.float32)[None, None]


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


def test_pass_ends_in_the_state_of_a_direct_trace_plus_sgd(model: Sequential) -> None:
    x, label, lr = smooth_digit(), 3, 0.05
    before = [{k: v.copy() for k, v in layer.params.items()} for layer in model.layers]
    steps = pass_steps(model, x, label, lr)
    trace = model.trace(x, [label])
    n = len(model.layers)
    n_params = sum(bool(layer.params) for layer in model.layers)
    assert [s.phase for s in steps] == ["forward"] * n + ["loss"] + ["backward"] * n + ["update"] * n_params
    assert [s.index for s in steps] == list(range(len(steps)))
    assert {s.phase for s in steps} == set(PHASES)
    for step in steps[:n]:
        record = trace.layers[step.layer_index]
        np.testing.assert_array_equal(step.tensors["x"], record.input)
        np.testing.assert_array_equal(step.tensors["y"], record.output)
        assert step.loss is None
    loss = steps[n]
    assert loss.layer_index is None and loss.loss == pytest.approx(trace.loss, rel=1e-12)
    np.testing.assert_array_equal(loss.tensors["logits"], trace.logits)
    p_minus_y = trace.probs.copy()
    p_minus_y[0, label] -= 1.0
    np.testing.assert_allclose(loss.tensors["dlogits"], p_minus_y, rtol=1e-5, atol=1e-7)
    backward = steps[n + 1 : 2 * n + 1]
    assert [s.layer_index for s in backward] == list(reversed(range(n)))
    for step in backward:
        record = trace.layers[step.layer_index]
        np.testing.assert_array_equal(step.tensors["dy"], record.grad_output)
        np.testing.assert_array_equal(step.tensors["dx"], record.grad_input)
        for key, grad in record.grads.items():
            np.testing.assert_array_equal(step.tensors[f"d{key}"], grad)
    np.testing.assert_array_equal(backward[-1].tensors["dx"] / model.input_std, trace.input_grad)
    # The update equals SGD on a copy after the same trace, and W - lr * dW from the trace's gradients.
    reference = model.copy()
    reference.trace(x, [label])
    SGD(reference, lr).step()
    for step in steps[2 * n + 1 :]:
        record = trace.layers[step.layer_index]
        for key in record.params:
            np.testing.assert_array_equal(
                step.tensors[f"{key}_new"], reference.layers[step.layer_index].params[key]
            )
            np.testing.assert_allclose(
                step.tensors[f"{key}_new"], record.params[key] - lr * record.grads[key], rtol=1e-6, atol=1e-7
            )
    # The model itself was not touched.
    for layer, saved in zip(model.layers, before, strict=True):
        for key, value in saved.items():
            np.testing.assert_array_equal(layer.params[key], value)


def test_pass_tensors_are_read_only(model: Sequential) -> None:
    step = pass_steps(model, smooth_digit(), 1, 0.1)[0]
    with pytest.raises(ValueError):
        step.tensors["x"][0, 0, 0, 0] = 1.0


@pytest.mark.parametrize(
    ("label", "lr", "x_shape"),
    [(10, 0.1, (1, 1, 28, 28)), (-1, 0.1, (1, 1, 28, 28)), (3, 0.0, (1, 1, 28, 28))],
)
def test_pass_rejects_bad_label_and_lr(model: Sequential, label: int, lr: float, x_shape: tuple) -> None:
    with pytest.raises(BadInputError):
        pass_steps(model, np.zeros(x_shape, np.float32), label, lr)


def test_learn_step_lowers_the_loss_and_leaves_the_original(model: Sequential) -> None:
    x = smooth_digit()
    label = int(np.argsort(model.predict_proba(x)[0])[-2])  # the runner-up: a real correction is needed
    snapshot = [{k: v.copy() for k, v in layer.params.items()} for layer in model.layers]
    result = learn_step(model, x, label, 0.01)
    assert result.loss_after < result.loss_before
    assert result.probs_after[label] > result.probs_before[label]
    assert result.model is not model
    for i, (old, new, saved) in enumerate(zip(model.layers, result.model.layers, snapshot, strict=True)):
        for key, value in saved.items():
            np.testing.assert_array_equal(old.params[key], value)  # bit-exact: the undo snapshot
            np.testing.assert_array_equal(result.deltas[i][key], new.params[key] - value)
    assert set(result.deltas) == {i for i, layer in enumerate(model.layers) if layer.params}
    assert result.before.loss == pytest.approx(model.trace(x, [label]).loss)


def test_gradient_check_agrees_to_1e6_in_float64(model: Sequential) -> None:
    """The engine's math: a float64 model's backprop against float64 central differences."""
    model = model.copy().astype(np.float64)
    x = smooth_digit()
    label = int(np.argsort(model.predict_proba(x)[0])[-2])  # a real loss, so gradients are measurable
    trace = model.trace(x, [label])
    which: list[tuple] = [("input", (9, 19)), ("input", (19, 10)), ("input", (14, 14))]
    for index, record in enumerate(trace.layers):
        for key, grad in record.grads.items():
            # the largest gradient of every parameter array, and one from its middle
            which.append((index, key, np.unravel_index(int(np.abs(grad).argmax()), grad.shape)))
            which.append((index, key, tuple(n // 2 for n in grad.shape)))
    results = gradient_check(model, x, label, which)
    assert [r.which for r in results] == [tuple(w) for w in which]
    measured = [r for r in results if r.measurable]
    assert len(measured) >= len(results) - 4
    for result in measured:
        assert not result.kink, result
        assert result.rel_error < 1e-6, result


def checked_entries(model: Sequential, trace) -> list[tuple]:
    """Two pixels, the largest gradient of every parameter array and every bias of the last dense layer."""
    which: list[tuple] = [("input", (8, 19)), ("input", (14, 14))]
    for index, record in enumerate(trace.layers):
        for key, grad in record.grads.items():
            which.append((index, key, np.unravel_index(int(np.abs(grad).argmax()), grad.shape)))
    dense = max(i for i, layer in enumerate(model.layers) if layer.kind == "dense")
    which += [(dense, "b", k) for k in range(len(model.class_names))]
    return which


@pytest.mark.parametrize("case", ["confident", "ambiguous"])
def test_gradient_check_holds_for_the_float32_trace_the_views_show(model: Sequential, case: str) -> None:
    """The model as loaded (float32) against float64 differences, on a gallery digit the net is sure of
    (p of its label rounds to 1 in float32, where p - 1 gave dL/db = 0) and on a digit it hesitates over."""
    from explainer.assets import asset_path

    samples = np.load(asset_path("samples.npz"))
    xs = (samples["images"] / np.float32(255))[:, None]
    probs = model.predict_proba(xs)
    top = np.sort(probs, axis=1)[:, -2:]
    i = int(np.argmax(top[:, 1])) if case == "confident" else int(np.argmax(top[:, 0]))
    x, label = xs[i : i + 1], int(probs[i].argmax())
    trace = model.trace(x, [label])
    assert trace.input_grad.dtype == np.float32
    assert (trace.probs[0, label] == 1.0) == (case == "confident")
    which = checked_entries(model, trace)
    results = gradient_check(model, x, label, which, trace=trace)
    measured = [r for r in results if r.measurable and not r.kink]
    assert len(measured) >= len(which) // 2
    dense = which[-1][0]
    true_bias = next(r for r in results if r.which == (dense, "b", label))
    assert true_bias in measured and true_bias.backprop < 0  # -sum of the other p_k, never 0
    for result in measured:
        assert result.rel_error < 1e-4, result


def test_gradient_check_refuses_a_trace_of_another_label(model: Sequential) -> None:
    x = smooth_digit()
    with pytest.raises(BadInputError):
        gradient_check(model, x, 3, [("input", (9, 9))], trace=model.trace(x, [4]))


def test_gradient_check_holds_for_a_confident_prediction(model: Sequential, mnist_directory) -> None:
    """A tiny loss (the predicted label of a clear digit): central differences need all its digits."""
    from explainer.data import load_mnist

    images, labels = load_mnist(mnist_directory, "test")
    x = (images[:1] / 255.0)[:, None]
    label = int(labels[0])
    trace = model.trace(x, [label])
    assert trace.loss < 1e-4  # the case this test is about
    which: list[tuple] = [("input", (8, 19)), ("input", (14, 14))]
    for index, record in enumerate(trace.layers):
        for key, grad in record.grads.items():
            which.append((index, key, np.unravel_index(int(np.abs(grad).argmax()), grad.shape)))
    measured = [r for r in gradient_check(model, x, label, which) if r.measurable and not r.kink]
    assert len(measured) >= len(which) // 2
    for result in measured:
        assert result.rel_error < 1e-4, result


def test_gradient_check_says_when_a_gradient_is_too_small_to_measure(model: Sequential) -> None:
    x = smooth_digit()
    probs = model.predict_proba(x)[0]
    label, unlikely = int(probs.argmax()), int(probs.argmin())
    dense = max(i for i, layer in enumerate(model.layers) if layer.kind == "dense")
    (tiny,) = gradient_check(model, x, label, [(dense, "b", unlikely)])
    # dL/db_k = p_k, far below what a difference of losses can resolve when the net is sure
    assert tiny.backprop == pytest.approx(
        float(model.copy().astype(np.float64).predict_proba(x)[0, unlikely])
    )
    assert tiny.backprop < 1e3 * tiny.resolution and not tiny.measurable


def test_gradient_check_flags_a_max_pool_tie() -> None:
    """A 2x2 window of equal values: nudging one pixel up makes it the max (slope w), down leaves 0."""
    model = Sequential(
        [MaxPool2D(2), Flatten(), Dense(4, 3, rng=np.random.default_rng(0))], input_shape=(1, 4, 4)
    )
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, :2, :2] = 0.5  # tie in the top-left window
    x[0, 0, 2:, 2:] = [[0.1, 0.9], [0.3, 0.2]]  # a clear maximum in the bottom-right window
    tie, clear_max, clear_other = gradient_check(
        model, x, 1, [("input", (0, 1)), ("input", (2, 3)), ("input", (3, 2))]
    )
    assert tie.kink and tie.slope_left == pytest.approx(0.0, abs=1e-9) and abs(tie.slope_right) > 1e-3
    assert not clear_max.kink and clear_max.rel_error < 1e-8
    assert not clear_other.kink and clear_other.backprop == 0.0


@pytest.mark.parametrize("entry", [("input", (28, 0)), (0, "Q", (0, 0, 0, 0)), (99, "W", 0), ("pixel", 3)])
def test_gradient_check_rejects_bad_entries(model: Sequential, entry: tuple) -> None:
    with pytest.raises(BadInputError):
        gradient_check(model, smooth_digit(), 0, [entry])
