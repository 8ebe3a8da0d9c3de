"""The generative families' views: what the stamping animation builds is the layer's output, what the
backward animation builds is the trace's gradient, and Reshape's maps are the vector's numbers."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest

from explainer.core import Trace, vae_net
from explainer.core.trace import LayerRecord
from explainer.gui.layers import registry
from explainer.gui.layers.generative import (
    ConvTransposeBackwardView,
    ConvTransposeView,
    ReshapeView,
    demo_trace,
)


@pytest.fixture(scope="module")
def decoder_traces() -> tuple[Trace, Trace]:
    """A decoder's forward and backward traces (a small VAE, one code)."""
    vae = vae_net(2, width=6, hidden=4, decoder_hidden=5, rng=np.random.default_rng(0))
    x = np.random.default_rng(1).random((1, 1, 28, 28)).astype(np.float32)
    traced = vae.trace(x, np.array([[0.4, -0.8]]), gradients=True)
    return vae.trace(x, np.array([[0.4, -0.8]])).decoder, traced.decoder


def index_of(trace: Trace, kind: str) -> int:
    return next(i for i, record in enumerate(trace.layers) if record.kind == kind)


def showing(qtbot, view: Any, trace: Trace, kind: str, channel: int) -> tuple[Any, LayerRecord]:
    """The forward ``view`` (added to qtbot) set to map ``channel`` of the first ``kind`` layer of
    ``trace``, and that layer's record."""
    index = index_of(trace, kind)
    qtbot.addWidget(view)
    view.set_trace(trace, index, channel=channel)
    return view, trace.layers[index]


def test_the_stamps_of_every_input_map_add_up_to_the_output(qtbot, decoder_traces) -> None:
    trace, _ = decoder_traces
    view, record = showing(qtbot, ConvTransposeView(), trace, "conv_transpose2d", channel=2)
    assert view.channel() == 2 and view.player.count() == 49
    total = np.zeros(record.output.shape[2:])
    for c in range(record.input.shape[1]):
        view.in_box.setCurrentIndex(c)
        total += view.final()
    np.testing.assert_allclose(total + record.params["b"][2], record.output[0, 2], rtol=1e-5, atol=1e-5)
    view.player.set_step(8)  # pixel (1, 1) stamps its kernel at rows 2-5, columns 2-5 of the full grid
    stamped = view.board.panels()[3]
    assert stamped.highlight == (2, 2, 4, 4) and stamped.hatch == 1
    x = record.input[0, c, 1, 1]
    np.testing.assert_allclose(view.board.panels()[2].values, x * record.params["W"][c, 2], rtol=1e-6)
    assert "rows 2–5, columns 2–5" in view.formula.text()
    view.set_trace(None, 0)
    assert view.player.count() == 0


def test_each_input_pixel_reads_its_gradient_back_from_under_its_stamp(qtbot, decoder_traces) -> None:
    _, trace = decoder_traces
    index = index_of(trace, "conv_transpose2d")
    record = trace.layers[index]
    view = ConvTransposeBackwardView(trace, index, channel=0)
    qtbot.addWidget(view)
    view.in_box.setCurrentIndex(1)
    total = np.zeros(record.input.shape[2:])
    for o in range(record.output.shape[1]):
        view.out_box.setCurrentIndex(o)
        total += view.final()
    np.testing.assert_allclose(total, record.grad_input[0, 1], rtol=1e-4, atol=1e-6)
    assert view.step_count() == 49


def test_reshape_shows_each_map_as_its_slice_of_the_vector(qtbot, decoder_traces) -> None:
    trace, _ = decoder_traces
    view, record = showing(qtbot, ReshapeView(), trace, "reshape", channel=1)
    assert view.player.count() == record.output.shape[1] == 3
    view.player.set_step(2)
    np.testing.assert_array_equal(view.board.panels()[1].values, record.input[0, 98:147].reshape(7, 7))
    assert view.board.panels()[0].marks.sum() == 49


def test_the_registry_opens_them_for_the_decoder_and_the_demo(qtbot, decoder_traces) -> None:
    forward, backward = decoder_traces
    for trace in (forward, backward, demo_trace(backward=False), demo_trace(backward=True)):
        for index, record in enumerate(trace.layers):
            if record.kind in ("reshape", "conv_transpose2d"):
                view = registry.make_view(trace, index)
                qtbot.addWidget(view)
                assert view.player.count() > 0
                assert registry.family(record.kind).texts.describe(record.kind, record.config)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_text_overlaps_or_is_cut_in_either_language(qtbot, settings, decoder_traces, language) -> None:
    from PySide6.QtWidgets import QApplication

    from explainer.gui import i18n, textcheck

    app = QApplication.instance()
    i18n.set_language(app, language, settings, remember=False)
    try:
        forward, backward = decoder_traces
        deconv, reshape = index_of(forward, "conv_transpose2d"), index_of(forward, "reshape")
        views = [
            registry.make_detail_view(forward, deconv),
            registry.make_view(backward, deconv),
            registry.make_detail_view(forward, reshape),
        ]
        for view in views:
            qtbot.addWidget(view)
            view.resize(1280, 720)
            view.show()
            view.player.set_step(9)
            app.processEvents()
            assert textcheck.problems(view) == [], (language, view.objectName())
    finally:
        i18n.set_language(app, "en", settings, remember=False)
