"""Equal windows give bit-equal outputs in a float32 evaluation, on every BLAS.

OpenBLAS's float32 kernels on Haswell/Zen round a GEMM's first and last 8 columns differently from the
others, so a background of equal windows came out 1 ulp apart and max pooling routed the gradient to
whichever rounded up (the float32 trace of a gallery digit against float64: cosine 0.87). A trace or an
input-gradient pass sums the products in float64 (``Layer.exact``), so only real differences survive the
rounding; predictions and training keep float32 sums.
"""

from __future__ import annotations

import numpy as np
import pytest

import explainer
from explainer.core import Conv2D


def interior_values(layer: Conv2D, x: np.ndarray) -> list[np.ndarray]:
    """Per output channel, the distinct values away from the zero padding's reach."""
    y = layer.forward(x)
    reach = layer.kernel_size
    return [np.unique(y[:, c, reach:-reach, reach:-reach]) for c in range(y.shape[1])]


@pytest.mark.parametrize(
    ("c_in", "c_out", "k", "stride", "batch"),
    [(8, 8, 3, 1, 1), (8, 16, 3, 1, 4), (32, 64, 5, 1, 2), (16, 16, 3, 2, 3)],
)
def test_equal_windows_give_one_value_in_evaluation(c_in, c_out, k, stride, batch) -> None:
    rng = np.random.default_rng(1)
    layer = Conv2D(c_in, c_out, k, stride=stride, padding=k // 2, rng=rng)
    layer.params["b"] = rng.standard_normal(c_out).astype(np.float32)
    layer.training, layer.exact = False, True
    level = rng.random((1, c_in, 1, 1)).astype(np.float32)
    x = np.broadcast_to(level, (batch, c_in, 28, 28)).copy()
    values = interior_values(layer, x)
    assert all(len(v) == 1 for v in values), [len(v) for v in values]
    # The one value is the float64 sum rounded once.
    exact = layer.params["W"].astype(np.float64).sum(axis=(2, 3)) @ level[0, :, 0, 0].astype(np.float64)
    exact += layer.params["b"]
    np.testing.assert_array_equal(np.concatenate(values), exact.astype(np.float32))


def test_only_gradient_passes_are_exact() -> None:
    rng = np.random.default_rng(2)
    layer = Conv2D(8, 8, 3, padding=1, rng=rng)
    x = rng.random((2, 8, 14, 14)).astype(np.float32)
    layer.training = True
    trained = layer.forward(x)
    assert not layer._exact_sums()
    layer.training = False
    assert not layer._exact_sums()
    layer.exact = True
    assert layer._exact_sums()
    evaluated = layer.forward(x)
    assert trained.dtype == evaluated.dtype == np.float32
    np.testing.assert_allclose(trained, evaluated, rtol=1e-5, atol=1e-6)


def test_trace_is_exact_and_leaves_the_model_as_it_was() -> None:
    model = explainer.load_model()
    convs = [layer for layer in model.layers if isinstance(layer, Conv2D)]
    seen = []
    forward = Conv2D.forward

    def spy(self: Conv2D, x: np.ndarray) -> np.ndarray:
        seen.append(self._exact_sums())
        return forward(self, x)

    x = np.zeros((1, 1, 28, 28), np.float32)
    for training in (True, False):
        model.train(training)
        Conv2D.forward = spy
        try:
            model.trace(x, [3])
            model.predict_proba(x)
        finally:
            Conv2D.forward = forward
        assert seen == [True] * len(convs) + [False] * len(convs)
        assert model.training is training and not any(layer.exact for layer in model.layers)
        seen.clear()
