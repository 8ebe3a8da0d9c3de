"""Sanity checks for attribution maps: randomising weights and Spearman's rank correlation (core)."""

from __future__ import annotations

import numpy as np
import pytest
from test_backward_passes import bundled_or_reference, smooth_digit

from explainer.core import Sequential, reference_net, sanity
from explainer.core import attribution as A
from explainer.errors import BadInputError


@pytest.fixture(scope="module")
def model() -> Sequential:
    return bundled_or_reference()


def weights(model: Sequential) -> list[dict[str, np.ndarray]]:
    return [{key: value.copy() for key, value in layer.params.items()} for layer in model.layers]


def same_bits(first: np.ndarray, second: np.ndarray) -> bool:
    return first.dtype == second.dtype and first.shape == second.shape and first.tobytes() == second.tobytes()


# ---- randomising -------------------------------------------------------------------------------------


def test_parameter_layers_are_the_conv_and_dense_layers(model: Sequential) -> None:
    kinds = [model.layers[i].kind for i in sanity.parameter_layers(model)]
    assert kinds == ["conv2d", "conv2d", "conv2d", "conv2d", "dense"]
    assert sanity.cascade_layers(model, 2) == sanity.parameter_layers(model)[::-1][:2]


@pytest.mark.parametrize("position", range(5))
def test_randomising_a_layer_changes_exactly_that_layer(model: Sequential, position: int) -> None:
    before = weights(model)
    index = sanity.parameter_layers(model)[position]
    random = sanity.randomise(model, [index], seed=3)
    assert random is not model
    for i, (layer, original) in enumerate(zip(random.layers, before, strict=True)):
        for key, value in original.items():
            if i == index and key == "W":
                assert not np.array_equal(layer.params[key], value)
                assert layer.params[key].dtype == value.dtype
            elif i == index:  # the bias starts at zero, as the initialiser makes it
                assert not layer.params[key].any()
            else:
                assert same_bits(layer.params[key], value), (i, key)
    # The given model is untouched, bit for bit.
    for layer, original in zip(model.layers, before, strict=True):
        assert all(same_bits(layer.params[key], value) for key, value in original.items())


def test_random_weights_follow_the_layers_initialiser(model: Sequential) -> None:
    """He normal: std sqrt(2 / fan_in); a Glorot layer stays inside its uniform limit."""
    dense = sanity.parameter_layers(model)[-1]
    random = sanity.randomise(model, [dense], seed=0)
    w = random.layers[dense].params["W"]
    assert w.std() == pytest.approx(np.sqrt(2.0 / w.shape[0]), rel=0.05)
    from explainer.core import Conv2D, Dense, Flatten

    glorot = Sequential([Conv2D(1, 2, 3, init="glorot"), Flatten(), Dense(2 * 26 * 26, 10, init="glorot")])
    conv = sanity.randomise(glorot, [0], seed=1).layers[0].params["W"]
    limit = np.sqrt(6.0 / (9 + 2 * 9))
    assert np.abs(conv).max() <= limit and np.abs(conv).max() > 0.8 * limit


def test_randomising_is_reproducible_and_the_same_in_a_cascade_and_alone(model: Sequential) -> None:
    steps = sanity.cascading_randomisations(model, seed=5)
    alone = dict(sanity.independent_randomisations(model, seed=5))
    top_down = sanity.parameter_layers(model)[::-1]
    assert [index for index, _ in steps] == top_down
    for k, (index, cascade) in enumerate(steps):
        again = sanity.randomise(model, top_down[: k + 1], seed=5)
        for layer, twin in zip(cascade.layers, again.layers, strict=True):
            assert all(same_bits(layer.params[key], twin.params[key]) for key in layer.params)
        # Layer `index` has the same random weights in the cascade as when randomised alone.
        assert same_bits(cascade.layers[index].params["W"], alone[index].layers[index].params["W"])
        for i in top_down[k + 1 :]:  # the layers below the cascade are still the trained ones
            assert same_bits(cascade.layers[i].params["W"], model.layers[i].params["W"])
    other_seed = sanity.randomise(model, [top_down[0]], seed=6).layers[top_down[0]].params["W"]
    assert not np.array_equal(other_seed, alone[top_down[0]].layers[top_down[0]].params["W"])


def test_randomise_refuses_a_layer_without_weights(model: Sequential) -> None:
    with pytest.raises(BadInputError, match="no weights"):
        sanity.randomise(model, [1])


# ---- Spearman ------------------------------------------------------------------------------------------


def naive_ranks(values: np.ndarray) -> np.ndarray:
    """Average ranks by definition: 1 + (number smaller) + (number of equal others) / 2."""
    flat = np.asarray(values, np.float64).reshape(-1)
    return np.array([1 + (flat < v).sum() + ((flat == v).sum() - 1) / 2 for v in flat])


def test_average_ranks_of_hand_cases_with_ties() -> None:
    np.testing.assert_array_equal(sanity.average_ranks(np.array([5, 1, 5])), [2.5, 1, 2.5])
    np.testing.assert_array_equal(sanity.average_ranks(np.array([3, 3, 3, 3])), [2.5, 2.5, 2.5, 2.5])
    np.testing.assert_array_equal(
        sanity.average_ranks(np.array([[0.0, 2.0], [0.0, 1.0], [2.0, 0.0]])), [2, 5.5, 2, 4, 5.5, 2]
    )


def test_spearman_of_hand_cases() -> None:
    a = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    assert sanity.spearman(a, a**3, absolute=False) == pytest.approx(1.0)
    assert sanity.spearman(a, -a, absolute=False) == pytest.approx(-1.0)
    assert sanity.spearman(a, -a, absolute=True) == pytest.approx(1.0)  # |−a| ranks like a
    # Ranks [1, 2, 3, 4] against tied [1.5, 1.5, 3.5, 3.5]: rho = 4 / sqrt(5 * 4) = 0.894427...
    assert sanity.spearman(np.array([1, 2, 3, 4]), np.array([7, 7, 9, 9]), absolute=False) == pytest.approx(
        2 / np.sqrt(5)
    )
    # Signed [-2, -1, 0, 1, 2] against [4, 1, 0, 1, 4]: signed rho 0; by magnitude identical, rho 1.
    b, c = np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), np.array([4.0, 1.0, 0.0, 1.0, 4.0])
    assert sanity.spearman(b, c, absolute=False) == pytest.approx(0.0)
    assert sanity.spearman(b, c, absolute=True) == pytest.approx(1.0)
    assert np.isnan(sanity.spearman(np.zeros(4), a[:4]))


def test_spearman_matches_the_definition_on_maps_with_many_ties() -> None:
    rng = np.random.default_rng(0)
    for _ in range(20):
        first = np.round(rng.normal(size=(28, 28)), 1) * (rng.random((28, 28)) > 0.5)  # many exact zeros
        second = np.round(first + rng.normal(scale=0.5, size=(28, 28)), 1)
        for absolute in (False, True):
            f, s = (np.abs(first), np.abs(second)) if absolute else (first, second)
            np.testing.assert_array_equal(sanity.average_ranks(f), naive_ranks(f))
            expected = np.corrcoef(naive_ranks(f), naive_ranks(s))[0, 1]
            assert sanity.spearman(first, second, absolute=absolute) == pytest.approx(expected, abs=1e-12)


def test_spearman_without_ties_matches_the_textbook_formula_and_torch() -> None:
    rng = np.random.default_rng(1)
    first, second = rng.normal(size=200), rng.normal(size=200)
    second += first
    d = sanity.average_ranks(first) - sanity.average_ranks(second)
    n = first.size
    textbook = 1 - 6 * (d**2).sum() / (n * (n * n - 1))
    rho = sanity.spearman(first, second, absolute=False)
    assert rho == pytest.approx(textbook, abs=1e-12)
    torch = pytest.importorskip("torch")
    ranks = [torch.argsort(torch.argsort(torch.from_numpy(v))).double() for v in (first, second)]
    assert rho == pytest.approx(float(torch.corrcoef(torch.stack(ranks))[0, 1]), abs=1e-12)


def test_spearman_refuses_maps_of_different_shapes() -> None:
    with pytest.raises(BadInputError, match="shapes"):
        sanity.spearman(np.zeros((2, 2)), np.zeros(4))


# ---- the maps ------------------------------------------------------------------------------------------


def test_maps_are_the_attribution_modules_and_the_check_separates_the_methods() -> None:
    """On the original model every map is what explainer.core.attribution gives; randomising the top
    layer moves the gradient far from it (a random model, a different map)."""
    model = reference_net(np.random.default_rng(1))
    x = smooth_digit()
    settings = sanity.MapSettings(cls=3, other=5, label=3, samples=4, ig_steps=8, gradcam_layer=8)
    maps = dict(sanity.iter_maps(model, x, settings))
    assert tuple(maps) == sanity.METHODS
    np.testing.assert_array_equal(maps["vanilla"], A.vanilla_gradient(model, x, 3))
    np.testing.assert_array_equal(maps["ig"], A.integrated_gradients(model, x, 3, steps=8)[0])
    np.testing.assert_array_equal(maps["gradcam"], A.grad_cam(model, x, 3, 8).upsampled)
    np.testing.assert_array_equal(maps["loss"], -model.trace(x, [3]).input_grad[0, 0])
    same = sanity.correlations(maps, maps)
    assert all(value == pytest.approx(1.0) for value in same.values())
    random = sanity.randomise(model, sanity.parameter_layers(model), seed=0)
    rho = sanity.correlations(maps, dict(sanity.iter_maps(random, x, settings)))
    assert rho["vanilla"] < 0.9
    no_cam = sanity.MapSettings(cls=3, other=5, label=3)
    assert "gradcam" not in no_cam.methods()
