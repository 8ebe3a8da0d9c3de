"""Sequential, Trace, losses, optimizers, the layer registry and the engine's rules (dtype, modes, no Qt)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from collections.abc import Callable

import numpy as np
import pytest

from explainer import core
from explainer.errors import BadInputError


@pytest.fixture
def model() -> core.Sequential:
    return core.reference_net(np.random.default_rng(7))


@pytest.fixture
def digits() -> np.ndarray:
    return np.random.default_rng(8).random((3, 1, 28, 28), dtype=np.float32)


# -- structure ------------------------------------------------------------------------------------------


def test_reference_net_structure(model: core.Sequential) -> None:
    assert [layer.name for layer in model.layers] == [
        "conv1",
        "relu1",
        "conv2",
        "relu2",
        "pool1",
        "conv3",
        "relu3",
        "conv4",
        "relu4",
        "pool2",
        "flatten",
        "dense1",
    ]
    assert model.output_shapes() == [
        (8, 28, 28),
        (8, 28, 28),
        (8, 28, 28),
        (8, 28, 28),
        (8, 14, 14),
        (16, 14, 14),
        (16, 14, 14),
        (16, 14, 14),
        (16, 14, 14),
        (16, 7, 7),
        (784,),
        (10,),
    ]
    assert model.param_count() == (8 * 9 + 8) + (8 * 72 + 8) + (16 * 72 + 16) + (16 * 144 + 16) + (7840 + 10)
    assert model.class_names == [str(i) for i in range(10)]
    assert all(value.dtype == np.float32 for layer in model.layers for value in layer.params.values())


def test_names_count_per_kind_and_pools_share_a_counter() -> None:
    model = core.Sequential(
        [
            core.Conv2D(1, 2, 3),
            core.Sigmoid(),
            core.AvgPool2D(2),
            core.Conv2D(2, 2, 3),
            core.LeakyReLU(),
            core.MaxPool2D(2),
            core.Flatten(),
            core.Dense(2, 4),
            core.Tanh(),
            core.Dropout(0.5),
            core.Dense(4, 3),
        ],
        input_shape=(1, 12, 12),
    )
    assert [layer.name for layer in model.layers] == [
        "conv1",
        "sigmoid1",
        "pool1",
        "conv2",
        "leaky_relu1",
        "pool2",
        "flatten",
        "dense1",
        "tanh1",
        "dropout1",
        "dense2",
    ]


def test_impossible_networks_raise_value_error_naming_the_layer() -> None:
    with pytest.raises(ValueError, match="conv2"):
        core.Sequential(
            [core.Conv2D(1, 2, 3), core.Conv2D(2, 2, 5), core.Flatten(), core.Dense(4, 2)],
            input_shape=(1, 6, 6),
        )
    with pytest.raises(ValueError, match="expects 3 input channels"):
        core.Sequential([core.Conv2D(3, 2, 3), core.Flatten(), core.Dense(32, 2)], input_shape=(1, 6, 6))
    # Built without input_shape (MNIST's (1, 28, 28)): the message says how to fix it.
    with pytest.raises(ValueError, match=re.escape("pass input_shape=(3, H, W) to Sequential for 3-channel")):
        core.Sequential([core.Conv2D(3, 5, 3), core.Flatten(), core.Dense(5 * 26 * 26, 2)])
    # A mismatch inside the network is not about input_shape: no such hint.
    with pytest.raises(ValueError, match="expects 4 input channels") as inner:
        core.Sequential(
            [core.Conv2D(1, 2, 3), core.Conv2D(4, 2, 3), core.Flatten(), core.Dense(2 * 24 * 24, 2)]
        )
    assert "input_shape=" not in str(inner.value)
    with pytest.raises(ValueError, match="class scores"):
        core.Sequential([core.Conv2D(1, 2, 3)], input_shape=(1, 6, 6))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: core.Conv2D(1, 1, 0), "kernel_size"),
        (lambda: core.Conv2D(1, 1, 3, stride=0), "stride"),
        (lambda: core.Conv2D(1, 1, 4, padding="same"), "odd kernel_size"),
        (lambda: core.Conv2D(1, 1, 3, padding=-1), "padding"),
        (lambda: core.Conv2D(1, 1, 3, padding="full"), "padding"),
        (lambda: core.MaxPool2D(0), "size and stride"),
        (lambda: core.AvgPool2D(2, stride=0), "size and stride"),
        (lambda: core.Dropout(1.0), r"\[0, 1\)"),
        (lambda: core.Dense(0, 3), "features"),
        (lambda: core.Layer.from_config("conv3d", {}), "unknown layer kind"),
    ],
)
def test_impossible_settings_raise_value_error(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_kernel_larger_than_the_padded_input_raises() -> None:
    with pytest.raises(ValueError, match="larger than the padded input"):
        core.Conv2D(1, 1, 5, padding=1).output_shape((1, 2, 2))
    with pytest.raises(ValueError, match="larger than the padded input"):
        core.MaxPool2D(3).output_shape((1, 2, 8))


def test_repr_shows_hyperparameters() -> None:
    assert repr(core.Conv2D(1, 8, 3, padding=1)) == "Conv2D(1, 8, kernel_size=3, stride=1, padding=1)"
    assert repr(core.Conv2D(2, 4, 5, 2, "same")) == "Conv2D(2, 4, kernel_size=5, stride=2, padding='same')"
    assert repr(core.MaxPool2D(2)) == "MaxPool2D(2, stride=2)"
    assert repr(core.AvgPool2D(3, 1)) == "AvgPool2D(3, stride=1)"
    assert repr(core.LeakyReLU(0.2)) == "LeakyReLU(alpha=0.2)"
    assert repr(core.Dense(784, 10)) == "Dense(784, 10)"
    assert repr(core.Dropout(0.25)) == "Dropout(p=0.25)"
    assert repr(core.ReLU()) == "ReLU()"


def test_config_round_trip_through_json(model: core.Sequential) -> None:
    for layer in [
        *model.layers,
        core.LeakyReLU(0.3),
        core.Dropout(0.2),
        core.AvgPool2D(3, 2),
        core.Conv2D(2, 3, 5, 2, "same"),
        core.Dense(3, 4, init="glorot"),
        core.Sigmoid(),
        core.Tanh(),
    ]:
        config = json.loads(json.dumps(layer.get_config()))
        twin = core.Layer.from_config(layer.kind, config)
        assert type(twin) is type(layer) and repr(twin) == repr(layer)
        assert {k: v.shape for k, v in twin.params.items()} == {k: v.shape for k, v in layer.params.items()}


def test_init_takes_an_explicit_generator() -> None:
    a, b = (
        core.Conv2D(4, 8, 3, rng=np.random.default_rng(1)),
        core.Conv2D(4, 8, 3, rng=np.random.default_rng(1)),
    )
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    assert not np.array_equal(a.params["W"], core.Conv2D(4, 8, 3, rng=np.random.default_rng(2)).params["W"])
    big = core.Dense(2000, 500, rng=np.random.default_rng(0)).params["W"]
    assert big.std() == pytest.approx(np.sqrt(2 / 2000), rel=0.02)  # He: var 2 / fan_in
    glorot = core.Dense(2000, 500, rng=np.random.default_rng(0), init="glorot").params["W"]
    assert np.abs(glorot).max() <= np.sqrt(6 / 2500) and glorot.std() == pytest.approx(
        np.sqrt(2 / 2500), rel=0.02
    )
    assert np.all(core.Conv2D(1, 3, 3).params["b"] == 0)


# -- computing ------------------------------------------------------------------------------------------


def test_forward_normalises_and_predict_proba_sums_to_one(digits: np.ndarray) -> None:
    rng = np.random.default_rng(0)
    plain = core.reference_net(np.random.default_rng(1))
    shifted = core.Sequential(plain.copy().layers, input_mean=0.5, input_std=0.25)
    np.testing.assert_allclose(
        shifted.forward(digits), plain.forward((digits - 0.5) / 0.25), rtol=1e-5, atol=1e-5
    )
    probs = plain.predict_proba(digits)
    assert probs.shape == (3, 10) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-6)
    assert plain.forward(rng.integers(0, 2, (1, 1, 28, 28))).dtype == np.float32  # ints are cast


def test_bad_input_shape_raises_bad_input_error(model: core.Sequential) -> None:
    with pytest.raises(BadInputError, match=r"\(N, 1, 28, 28\)"):
        model.forward(np.zeros((28, 28)))
    with pytest.raises(BadInputError):
        model.trace(np.zeros((1, 1, 27, 28)))
    with pytest.raises(BadInputError, match="labels"):
        model.trace(np.zeros((1, 1, 28, 28)), target=[10])
    with pytest.raises(BadInputError, match="dL/dlogits"):
        model.trace(np.zeros((1, 1, 28, 28)), target=np.zeros((1, 9)))


def test_dtype_follows_the_parameters_and_parameter_free_layers_keep_it(digits: np.ndarray) -> None:
    model = core.reference_net().astype(np.float64)
    assert model.forward(digits).dtype == np.float64
    assert model.backward(np.ones((3, 10))).dtype == np.float64
    assert all(g.dtype == np.float64 for layer in model.layers for g in layer.grads.values())
    for layer in (
        core.ReLU(),
        core.LeakyReLU(),
        core.Sigmoid(),
        core.Tanh(),
        core.MaxPool2D(2),
        core.AvgPool2D(2),
        core.Flatten(),
        core.Dropout(0.5),
    ):
        assert layer.forward(np.ones((1, 1, 4, 4), np.float32)).dtype == np.float32
        assert layer.forward(np.ones((1, 1, 4, 4), np.float64)).dtype == np.float64


def test_dropout_only_in_training_mode() -> None:
    layer = core.Dropout(0.5, rng=np.random.default_rng(0))
    x = np.ones((50, 40), np.float32)
    assert layer.forward(x) is x  # eval is the default
    layer.training = True
    y = layer.forward(x)
    assert set(np.unique(y)) == {0.0, 2.0} and 0.4 < (y == 0).mean() < 0.6
    model = core.Sequential(
        [core.Flatten(), core.Dropout(0.5), core.Dense(4, 2)], input_shape=(1, 2, 2)
    ).train()
    a, b = model.forward(np.ones((8, 1, 2, 2))), model.forward(np.ones((8, 1, 2, 2)))
    assert not np.array_equal(a, b)
    t1, t2 = model.trace(np.ones((8, 1, 2, 2))), model.trace(np.ones((8, 1, 2, 2)))
    np.testing.assert_array_equal(t1.logits, t2.logits)
    assert model.training  # restored after trace
    model.eval()
    np.testing.assert_array_equal(model.forward(np.ones((8, 1, 2, 2))), t1.logits)


def test_copy_is_independent_and_astype_returns_self(model: core.Sequential, digits: np.ndarray) -> None:
    twin = model.copy()
    np.testing.assert_array_equal(twin.forward(digits), model.forward(digits))
    twin.layers[0].params["W"] += 1
    assert not np.array_equal(twin.forward(digits), model.forward(digits))
    assert [layer.name for layer in twin.layers] == [layer.name for layer in model.layers]
    assert model.astype(np.float64) is model


# -- trace ----------------------------------------------------------------------------------------------


def test_trace_without_target_records_forward_only(model: core.Sequential, digits: np.ndarray) -> None:
    trace = model.trace(digits)
    assert not trace.has_gradients and trace.loss is None and trace.input_grad is None
    assert len(trace.layers) == 12
    np.testing.assert_array_equal(trace.logits, model.eval(exact=True).forward(digits))
    np.testing.assert_allclose(trace.probs, core.softmax(trace.logits))
    np.testing.assert_array_equal(trace.prediction, trace.probs.argmax(axis=1))
    np.testing.assert_array_equal(trace.layers[0].input, digits)
    for before, after in zip(trace.layers, trace.layers[1:], strict=False):
        np.testing.assert_array_equal(before.output, after.input)
    np.testing.assert_array_equal(trace.layer("conv2").params["W"], model.layers[2].params["W"])
    assert trace.layer("pool1").kind == "maxpool2d" and trace.layer("pool1").grad_output is None
    assert dict(trace.layer("conv1").config) == {
        "in_channels": 1,
        "out_channels": 8,
        "kernel_size": 3,
        "stride": 1,
        "padding": 1,
    }
    assert dict(trace.layer("pool2").config) == {"size": 2, "stride": 2}
    with pytest.raises(TypeError):
        trace.layer("conv1").config["stride"] = 2  # type: ignore[index]
    with pytest.raises(KeyError, match="no layer named"):
        trace.layer("conv9")


def test_trace_with_class_targets_equals_a_direct_forward_backward(
    model: core.Sequential, digits: np.ndarray
) -> None:
    labels = np.array([3, 1, 4])
    trace = model.trace(digits, target=labels)
    loss, dlogits = core.softmax_cross_entropy(model.eval(exact=True).forward(digits), labels)
    dx = model.backward(dlogits)
    assert trace.has_gradients and trace.loss == pytest.approx(loss)
    np.testing.assert_array_equal(trace.target, labels)
    np.testing.assert_allclose(trace.input_grad, dx, rtol=1e-6)
    np.testing.assert_allclose(trace.layers[-1].grad_output, dlogits, rtol=1e-6)
    for record, layer in zip(trace.layers, model.layers, strict=True):
        assert (
            record.grad_input.shape == record.input.shape and record.grad_output.shape == record.output.shape
        )
        assert set(record.grads) == set(layer.params)
        for key in layer.params:
            np.testing.assert_allclose(record.grads[key], layer.grads[key], rtol=1e-6)
    for before, after in zip(trace.layers, trace.layers[1:], strict=False):
        np.testing.assert_array_equal(before.grad_output, after.grad_input)


def test_trace_with_explicit_dlogits_explains_one_class(model: core.Sequential, digits: np.ndarray) -> None:
    onehot = np.zeros((3, 10), np.float32)
    onehot[:, 7] = 1
    trace = model.trace(digits, target=onehot)
    assert trace.loss is None and trace.has_gradients
    model.forward(digits)
    np.testing.assert_allclose(trace.input_grad, model.backward(onehot), rtol=1e-6)
    # d logit_7 / d dense weights is the flattened input in column 7 and zero elsewhere.
    dense = trace.layer("dense1")
    np.testing.assert_allclose(dense.grads["W"][:, 7], dense.input.sum(axis=0), rtol=1e-5)
    assert np.all(dense.grads["W"][:, :7] == 0)


def test_trace_input_grad_accounts_for_normalisation(digits: np.ndarray) -> None:
    model = core.Sequential(core.reference_net().layers, input_mean=0.1307, input_std=0.3081)
    trace = model.trace(digits, target=[0, 1, 2])
    np.testing.assert_allclose(trace.layers[0].input, (digits - 0.1307) / 0.3081, rtol=1e-5)
    np.testing.assert_array_equal(trace.input, digits)
    np.testing.assert_allclose(trace.input_grad, trace.layers[0].grad_input / 0.3081, rtol=1e-6)


def test_trace_is_immutable_and_detached(model: core.Sequential, digits: np.ndarray) -> None:
    trace = model.trace(digits, target=[1, 2, 3])
    arrays = [trace.input, trace.logits, trace.probs, trace.target, trace.input_grad]
    for record in trace.layers:
        arrays += [record.input, record.output, record.grad_output, record.grad_input]
        arrays += [*record.params.values(), *record.grads.values()]
    for array in arrays:
        assert not array.flags.writeable and array.flags.c_contiguous
        with pytest.raises(ValueError, match="read-only"):
            array.flat[0] = 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        trace.loss = 0.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        trace.layers[0].name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        trace.layers[0].params["W"] = np.zeros(1)  # type: ignore[index]
    before = trace.layer("conv1").params["W"].copy()
    # The trace shares the weights read-only: an in-place write says so, and one through writable() (what
    # the optimizers do) changes a copy, never a trace already taken.
    with pytest.raises(ValueError, match="read-only"):
        model.layers[0].params["W"] += 1
    core.writable(model.layers[0].params, "W")[...] += 1
    assert model.layers[0].params["W"].flags.writeable
    assert not np.array_equal(model.layers[0].params["W"], before)
    digits[:] = 0
    np.testing.assert_array_equal(trace.layer("conv1").params["W"], before)
    assert trace.input.any()


# -- losses ---------------------------------------------------------------------------------------------


def test_softmax_cross_entropy_is_exact_for_huge_logits() -> None:
    loss, dlogits = core.softmax_cross_entropy(np.array([[1000.0, 0.0]]), [1])
    assert loss == pytest.approx(1000.0, rel=1e-12)
    np.testing.assert_allclose(dlogits, [[1.0, -1.0]])
    loss, _ = core.softmax_cross_entropy(np.array([[1e4, -1e4, 0.0]], np.float32), [2])
    assert loss == pytest.approx(1e4)
    assert np.all(np.isfinite(core.softmax(np.array([[1e30, -1e30]], np.float32))))


def test_a_confident_right_answer_reports_its_tiny_loss_in_float32() -> None:
    """float32 rounds 1 + 9e-9 to 1; the loss must still be log(1 + 9 e^-20), not 0."""
    loss, _ = core.softmax_cross_entropy(np.array([[20.0] + [0.0] * 9], np.float32), [0])
    assert loss == pytest.approx(np.log1p(9 * np.exp(-20.0)), rel=1e-6) and loss > 0


def test_a_confident_right_answer_keeps_every_digit_of_its_loss_in_float64() -> None:
    """log(1 + 9.4e-14) in float64 keeps about 3 digits; central differences of the loss need all of them."""
    loss, _ = core.softmax_cross_entropy(np.array([[30.0, 0.0, -5.0]]), [0])
    assert loss == pytest.approx(np.log1p(np.exp(-30.0) + np.exp(-35.0)), rel=1e-14, abs=0)
    tied, _ = core.softmax_cross_entropy(
        np.array([[3.0, 3.0, -40.0]]), [1]
    )  # two maxima: only one is the log1p 1
    assert tied == pytest.approx(np.log1p(1.0 + np.exp(-43.0)), rel=1e-14, abs=0)


def test_softmax_cross_entropy_values_and_gradient() -> None:
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    loss, dlogits = core.softmax_cross_entropy(logits, [2, 0])
    expected = (np.log(np.exp(logits[0]).sum()) - 3.0 + np.log(3.0)) / 2
    assert loss == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(dlogits.sum(axis=1), 0, atol=1e-15)
    np.testing.assert_allclose(dlogits[1], [(1 / 3 - 1) / 2, 1 / 6, 1 / 6])
    with pytest.raises(ValueError, match="integer class indices"):
        core.softmax_cross_entropy(logits, [0.5, 1])
    with pytest.raises(ValueError, match="shape"):
        core.softmax_cross_entropy(logits, [0])


def test_mse_loss() -> None:
    loss, dpred = core.mse_loss(np.array([[1.0, 2.0]]), np.array([[0.0, 4.0]]))
    assert loss == pytest.approx(2.5)
    np.testing.assert_allclose(dpred, [[1.0, -2.0]])
    with pytest.raises(ValueError, match="one shape"):
        core.mse_loss(np.zeros(2), np.zeros(3))


# -- optimizers -----------------------------------------------------------------------------------------


def test_sgd_momentum_and_weight_decay_follow_the_formula() -> None:
    layer = core.Dense(2, 1)
    layer.params = {"W": np.array([[1.0], [2.0]]), "b": np.array([0.5])}
    layer.grads = {"W": np.array([[0.1], [0.2]]), "b": np.array([1.0])}
    opt = core.SGD([layer], lr=0.1, momentum=0.9, weight_decay=0.01)
    opt.step()
    g = np.array([[0.1 + 0.01], [0.2 + 0.02]])
    np.testing.assert_allclose(layer.params["W"], [[1.0], [2.0]] - 0.1 * g)
    w1 = layer.params["W"].copy()
    opt.step()
    g2 = layer.grads["W"] + 0.01 * w1
    np.testing.assert_allclose(layer.params["W"], w1 - 0.1 * (0.9 * g + g2))
    opt.lr = 0.5
    assert opt.state_dict()["lr"] == 0.5


def test_adam_first_step_moves_each_weight_by_lr() -> None:
    layer = core.Dense(3, 2)
    start = {k: v.copy() for k, v in layer.params.items()}
    layer.grads = {"W": np.full((3, 2), 0.3, np.float32), "b": np.array([-2.0, 5.0], np.float32)}
    core.Adam(layer, lr=0.01).step()
    np.testing.assert_allclose(layer.params["W"], start["W"] - 0.01, rtol=1e-5)
    np.testing.assert_allclose(layer.params["b"], start["b"] + [0.01, -0.01], atol=1e-6)


@pytest.mark.parametrize(
    "make", [lambda m: core.SGD(m, lr=0.01, momentum=0.9), lambda m: core.Adam(m, lr=3e-3)]
)
def test_optimizers_fit_a_small_batch(
    make: Callable[[core.Sequential], core.Optimizer], digits: np.ndarray
) -> None:
    model = core.reference_net(np.random.default_rng(0)).train()
    optimizer = make(model)
    labels = np.array([0, 5, 9])
    first = core.softmax_cross_entropy(model.forward(digits), labels)[0]
    for _ in range(30):
        loss, dlogits = core.softmax_cross_entropy(model.forward(digits), labels)
        model.backward(dlogits, input_grad=False)
        optimizer.step()
    assert loss < 0.1 * first
    assert np.array_equal(model.predict_proba(digits).argmax(axis=1), labels)


def test_optimizer_state_round_trip() -> None:
    layer = core.Dense(2, 2)
    layer.grads = {"W": np.ones((2, 2), np.float32), "b": np.ones(2, np.float32)}
    opt = core.Adam(layer)
    opt.step()
    state = opt.state_dict()
    twin_layer = core.Dense(2, 2)
    twin_layer.params = {k: v.copy() for k, v in layer.params.items()}
    twin_layer.grads = layer.grads
    twin = core.Adam(twin_layer)
    twin.load_state_dict(state)
    opt.step()
    twin.step()
    np.testing.assert_array_equal(twin_layer.params["W"], layer.params["W"])


# -- isolation ------------------------------------------------------------------------------------------


def test_import_core_does_not_import_qt() -> None:
    code = (
        "import sys, explainer.core, explainer.core.naive, explainer.core.steps; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
