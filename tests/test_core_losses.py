"""Every loss of seed 004 and its gradient w.r.t. the prediction: hand-computed values, central differences
in float64, and PyTorch (its built-in loss where it has one, else the formula through autograd)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

import explainer.core as core

Loss = Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]
LOSSES: dict[str, Loss] = core.PREDICTION_LOSSES


def pair(name: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A float64 (pred, target) pair of shape (3, 4) valid for loss ``name``, every |p - t| above 0.05
    (no kink of |.| between the central-difference points)."""
    rng = np.random.default_rng(seed)
    target = rng.uniform(0.05, 0.95, (3, 4))
    if name == "mape":
        target[0, 1] = 0.0  # the element MAPE leaves out
    step = rng.choice([-1.0, 1.0], target.shape) * rng.uniform(0.05, 0.3, target.shape)
    pred = np.clip(target + step, 0.01, 0.99) if name == "bce" else target + step
    return pred, target


def central_differences(loss: Loss, pred: np.ndarray, target: np.ndarray, h: float = 1e-6) -> np.ndarray:
    grad = np.zeros_like(pred)
    for index in np.ndindex(pred.shape):
        up, down = pred.copy(), pred.copy()
        up[index] += h
        down[index] -= h
        grad[index] = (loss(up, target)[0] - loss(down, target)[0]) / (2 * h)
    return grad


def test_the_losses_are_exported_from_explainer_core() -> None:
    for name in ("msle_loss", "l1_loss", "l2_loss", "mae_loss", "mape_loss", "binary_cross_entropy"):
        assert name in core.__all__ and callable(getattr(core, name))


def test_hand_computed_values() -> None:
    pred, target = np.array([0.5, 2.0, -1.0]), np.array([1.0, 1.0, 1.0])
    assert core.l1_loss(pred, target)[0] == pytest.approx(0.5 + 1.0 + 2.0)
    assert core.l2_loss(pred, target)[0] == pytest.approx(0.25 + 1.0 + 4.0)
    assert core.mae_loss(pred, target)[0] == pytest.approx(3.5 / 3)
    assert core.mse_loss(pred, target)[0] == pytest.approx(5.25 / 3)
    assert core.mape_loss(pred, np.array([1.0, 4.0, -2.0]))[0] == pytest.approx((50 + 50 + 50) / 3)
    assert core.msle_loss(np.array([np.e - 1]), np.array([0.0]))[0] == pytest.approx(1.0)
    assert core.binary_cross_entropy(np.array([0.5, 0.9]), np.array([1.0, 0.0]))[0] == pytest.approx(
        -(np.log(0.5) + np.log(0.1)) / 2
    )
    # L1 and L2 are the sums, MAE and MSE the means: n times apart, gradients too.
    assert np.allclose(core.l2_loss(pred, target)[1], 3 * core.mse_loss(pred, target)[1])
    assert np.allclose(core.l1_loss(pred, target)[1], [-1.0, 1.0, -1.0])


@pytest.mark.parametrize("name", LOSSES)
def test_gradient_against_central_differences(name: str) -> None:
    pred, target = pair(name)
    loss, grad = LOSSES[name](pred, target)
    assert grad.shape == pred.shape and grad.dtype == np.float64 and np.isfinite(loss)
    np.testing.assert_allclose(grad, central_differences(LOSSES[name], pred, target), rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("name", LOSSES)
def test_float32_predictions_keep_their_dtype(name: str) -> None:
    pred, target = pair(name, seed=1)
    loss32, grad32 = LOSSES[name](pred.astype(np.float32), target.astype(np.float32))
    loss64, grad64 = LOSSES[name](pred, target)
    assert grad32.dtype == np.float32
    assert loss32 == pytest.approx(loss64, rel=1e-5)
    np.testing.assert_allclose(grad32, grad64, rtol=1e-4, atol=1e-6)


def test_mape_leaves_out_zero_targets_and_refuses_all_zero() -> None:
    loss, grad = core.mape_loss(np.array([0.3, 0.2, 0.5]), np.array([0.0, 0.0, 1.0]))
    assert loss == pytest.approx(50.0)  # only the third element counts: 100 * |0.5 - 1| / 1
    assert grad[0] == 0.0 and grad[1] == 0.0 and grad[2] == pytest.approx(-100.0)
    with pytest.raises(ValueError, match="every target is 0"):
        core.mape_loss(np.array([0.1, 0.2]), np.zeros(2))


def test_bad_inputs_are_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        core.binary_cross_entropy(np.array([0.0, 0.5]), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="targets in"):
        core.binary_cross_entropy(np.array([0.2, 0.5]), np.array([0.0, 2.0]))
    with pytest.raises(ValueError, match="above -1"):
        core.msle_loss(np.array([-1.0]), np.array([0.0]))
    with pytest.raises(ValueError, match="one shape"):
        core.l1_loss(np.zeros(3), np.zeros(4))


def test_softmax_backward_is_the_jacobian_of_softmax() -> None:
    rng = np.random.default_rng(2)
    logits, dprobs = rng.normal(size=(2, 5)), rng.normal(size=(2, 5))
    numeric = np.zeros_like(logits)
    for index in np.ndindex(logits.shape):
        up, down = logits.copy(), logits.copy()
        up[index] += 1e-6
        down[index] -= 1e-6
        numeric[index] = np.sum((core.softmax(up) - core.softmax(down)) * dprobs) / 2e-6
    np.testing.assert_allclose(
        core.softmax_backward(core.softmax(logits), dprobs), numeric, rtol=1e-6, atol=1e-9
    )


def test_mse_after_a_saturated_softmax_barely_moves_the_logits_cross_entropy_does() -> None:
    logits = np.array([[12.0, 0.0, 0.0]])  # sure of class 0; the label says 2
    probs = core.softmax(logits)
    _loss, dprobs = core.mse_loss(probs, np.array([[0.0, 0.0, 1.0]]))
    mse_dlogits = core.softmax_backward(probs, dprobs)
    _loss, ce_dlogits = core.softmax_cross_entropy(logits, np.array([2]))
    assert np.abs(mse_dlogits).max() < 1e-4
    assert ce_dlogits[0, 2] == pytest.approx(-1.0, abs=1e-4)


class TestAgainstTorch:
    @staticmethod
    def reference(name: str, pred: np.ndarray, target: np.ndarray) -> tuple[float, np.ndarray]:
        torch = pytest.importorskip("torch")
        functional = torch.nn.functional
        p = torch.tensor(pred, dtype=torch.float64, requires_grad=True)
        t = torch.tensor(target, dtype=torch.float64)
        if name == "mse":
            loss = functional.mse_loss(p, t)
        elif name == "msle":  # no built-in: MSE of log1p through autograd
            loss = functional.mse_loss(torch.log1p(p), torch.log1p(t))
        elif name == "l1":
            loss = functional.l1_loss(p, t, reduction="sum")
        elif name == "l2":
            loss = functional.mse_loss(p, t, reduction="sum")
        elif name == "mae":
            loss = functional.l1_loss(p, t)
        elif name == "mape":  # no built-in: the formula over the non-zero targets
            mask = t != 0
            loss = torch.mean(100 * torch.abs(p[mask] - t[mask]) / torch.abs(t[mask]))
        else:
            loss = functional.binary_cross_entropy(p, t)
        loss.backward()
        return float(loss.detach()), p.grad.numpy()

    @pytest.mark.parametrize("name", LOSSES)
    def test_loss_and_gradient_match_torch(self, name: str) -> None:
        pred, target = pair(name, seed=3)
        mine_loss, mine_grad = LOSSES[name](pred, target)
        theirs_loss, theirs_grad = self.reference(name, pred, target)
        assert mine_loss == pytest.approx(theirs_loss, rel=1e-12), f"mine {mine_loss} vs torch {theirs_loss}"
        np.testing.assert_allclose(mine_grad, theirs_grad, rtol=1e-12, atol=1e-15)

    def test_softmax_cross_entropy_matches_torch(self) -> None:
        torch = pytest.importorskip("torch")
        logits = np.random.default_rng(4).normal(size=(4, 10)) * 3
        labels = np.array([1, 7, 0, 9])
        z = torch.tensor(logits, requires_grad=True)
        reference = torch.nn.functional.cross_entropy(z, torch.tensor(labels))
        reference.backward()
        loss, dlogits = core.softmax_cross_entropy(logits, labels)
        assert loss == pytest.approx(float(reference.detach()), rel=1e-12)
        np.testing.assert_allclose(dlogits, z.grad.numpy(), rtol=1e-10, atol=1e-15)


def test_output_losses_of_one_digit_agree_with_the_loss_functions() -> None:
    logits = np.array([2.0, -1.0, 0.5, 4.0])
    results = core.output_losses(logits, 3)
    assert list(results) == ["mse", "msle", "l1", "l2", "mae", "mape", "bce", "ce"]
    probs = core.softmax(logits[None])
    onehot = np.eye(4)[[3]]
    assert results["mse"].loss == pytest.approx(core.mse_loss(probs, onehot)[0])
    assert results["mape"].loss == pytest.approx(100 * (1 - probs[0, 3]))  # only the label's target is not 0
    assert results["ce"].loss == pytest.approx(-np.log(probs[0, 3]))
    assert results["ce"].dprobs[3] == pytest.approx(-1 / probs[0, 3])
    np.testing.assert_allclose(results["ce"].dlogits, probs[0] - onehot[0], atol=1e-15)
    for name in ("mse", "l2", "bce", "ce"):  # dL/dz by central differences through softmax
        function = {"mse": core.mse_loss, "l2": core.l2_loss, "bce": core.binary_cross_entropy}.get(name)

        def of_logits(z: np.ndarray, function=function) -> float:
            if function is None:
                return core.softmax_cross_entropy(z[None], [3])[0]
            return function(core.softmax(z[None]), onehot)[0]

        numeric = [(of_logits(logits + h) - of_logits(logits - h)) / 2e-6 for h in np.eye(4) * 1e-6]
        np.testing.assert_allclose(results[name].dlogits, numeric, rtol=1e-5, atol=1e-9)


def test_output_losses_show_mse_vanishing_on_a_saturated_wrong_output() -> None:
    results = core.output_losses(np.array([15.0, 0.0, 0.0]), 1)  # confident in class 0, labelled 1
    assert np.abs(results["mse"].dlogits).max() < 1e-5
    assert np.abs(results["ce"].dlogits).max() == pytest.approx(1.0, abs=1e-5)
    assert np.isfinite(results["bce"].loss)  # the top probability rounds to 1 and is clipped


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_given_the_probabilities_gives_the_same_bits(dtype: type) -> None:
    # A trace hands in the softmax it already made; the loss and the gradient must not change by a bit,
    # and the probabilities handed in must stay as they were.
    rng = np.random.default_rng(4)
    logits = (rng.standard_normal((6, 10)) * 12).astype(dtype)
    labels = rng.integers(0, 10, 6)
    loss, grad = core.softmax_cross_entropy(logits, labels)
    probs = core.softmax(logits)
    kept = probs.copy()
    given_loss, given_grad = core.softmax_cross_entropy(logits, labels, probs)
    assert given_loss == loss
    assert given_grad.tobytes() == grad.tobytes()
    np.testing.assert_array_equal(probs, kept)
