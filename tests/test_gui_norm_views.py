"""The views of BatchNorm2D and GlobalAvgPool2D show the numbers the trace holds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from explainer.core import BatchNorm2D, Conv2D, Dense, GlobalAvgPool2D, ReLU, Sequential, Trace
from explainer.gui.kit.mapboard import fmt
from explainer.gui.layers import registry
from explainer.gui.layers.norm import BatchNormBackwardView, BatchNormView
from explainer.gui.layers.pool import GlobalPoolBackwardView, GlobalPoolView

CHANNEL = 2


@pytest.fixture(scope="module")
def traces() -> tuple[Trace, Trace]:
    """Forward and backward traces of a conv → BatchNorm → ReLU → global average → dense net whose
    BatchNorm has running statistics from a few training batches."""
    rng = np.random.default_rng(0)
    model = Sequential(
        [
            Conv2D(1, 4, 3, padding=1, rng=rng),
            BatchNorm2D(4),
            ReLU(),
            GlobalAvgPool2D(),
            Dense(4, 3, rng=rng),
        ],
        input_shape=(1, 10, 10),
    )
    model.layers[1].params["gamma"][:] = [0.5, 1.5, 2.0, 0.8]
    model.train()
    for _ in range(3):
        model.forward(rng.random((8, 1, 10, 10), np.float32))
    model.eval()
    x = rng.random((1, 1, 10, 10), np.float32)
    return model.trace(x), model.trace(x, [1])


def test_the_batch_norm_view_shows_the_channel_statistics_and_its_line(qtbot: QtBot, traces) -> None:
    forward, _ = traces
    view = registry.make_detail_view(forward, 1, CHANNEL)
    qtbot.addWidget(view)
    assert isinstance(view, BatchNormView)
    record = forward.layers[1]
    constants = view.data().constants
    assert constants["mean"] == pytest.approx(float(record.buffers["running_mean"][CHANNEL]))
    assert constants["var"] == pytest.approx(float(record.buffers["running_var"][CHANNEL]))
    assert constants["gamma"] == 2.0
    # The line the view states gives the recorded output for every pixel.
    line = constants["scale"] * record.input[0, CHANNEL] + constants["shift"]
    np.testing.assert_allclose(line, record.output[0, CHANNEL], rtol=1e-5, atol=1e-6)
    assert [int(counts.sum()) for counts in view.histograms.counts()] == [100, 100]
    assert f"γ = {fmt(2.0)}, β = {fmt(0.0)}" in view.stats.text()


def test_the_batch_norm_backward_view_builds_the_traced_gradient(qtbot: QtBot, traces) -> None:
    _, backward = traces
    view = registry.make_backward_view(backward, 1, CHANNEL)
    qtbot.addWidget(view)
    assert isinstance(view, BatchNormBackwardView)
    np.testing.assert_allclose(view.final(), backward.layers[1].grad_input[0, CHANNEL], rtol=1e-5, atol=1e-9)


def test_the_global_pool_views_show_each_mean_and_its_spread_gradient(qtbot: QtBot, traces) -> None:
    forward, backward = traces
    view = registry.make_detail_view(forward, 3, CHANNEL)
    qtbot.addWidget(view)
    assert isinstance(view, GlobalPoolView) and view.channel() == CHANNEL
    mean = forward.layers[3].output[0, CHANNEL]
    assert view.formula.text().endswith(f"= {fmt(float(mean))}")
    back = registry.make_backward_view(backward, 3, CHANNEL)
    qtbot.addWidget(back)
    assert isinstance(back, GlobalPoolBackwardView)
    np.testing.assert_allclose(back.final(), backward.layers[3].grad_input[0, CHANNEL], rtol=1e-5, atol=1e-9)
