"""A model opened from a file (``--model``, Model → Open) is checked against the data set in use."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

import explainer
from explainer.core import Dense, Flatten, Sequential, reference_net
from explainer.data import FASHION_MNIST, MNIST
from explainer.gui.app import create_window
from explainer.gui.mainwindow import MainWindow
from explainer.gui.mainwindow.datasets import model_dataset
from explainer.gui.state import Settings
from explainer.unusual import model_sha256

FASHION_FILE = "assets/fashion_mnist.npz"


def open_window(qtbot, **kwargs) -> MainWindow:
    window = MainWindow(settings=Settings(), **kwargs)
    qtbot.addWidget(window)
    return window


def draw(window: MainWindow) -> None:
    canvas = window.canvas
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 40))
    for y in range(40, 241, 20):
        QTest.mouseMove(canvas, QPoint(140, y))
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 240))
    window.trace_pending_input()


def animals(path: Path) -> Path:
    """A model file of the reference architecture whose ten classes are not any bundled data set's."""
    model = reference_net(np.random.default_rng(0))
    net = Sequential(
        model.layers,
        input_shape=model.input_shape,
        class_names=["cat", "dog", "emu", "gnu", "yak", "owl", "eel", "ant", "bee", "cow"],
    )
    explainer.save_model(net, path)
    return path


def test_models_are_matched_to_their_data_set_by_class_names_and_input() -> None:
    assert model_dataset(explainer.load_model()) is MNIST
    assert model_dataset(explainer.load_model(FASHION_FILE)) is FASHION_MNIST
    two = Sequential([Flatten(), Dense(784, 2)], input_shape=(1, 28, 28), class_names=["a", "b"])
    assert model_dataset(two) is None
    digits = list(MNIST.class_names)
    wrong_input = Sequential([Flatten(), Dense(3 * 32 * 32, 10)], input_shape=(3, 32, 32), class_names=digits)
    assert model_dataset(wrong_input) is None


def test_starting_with_a_fashion_model_switches_the_data_set_to_it(qtbot, settings) -> None:
    # What `cnn-explainer --model assets/fashion_mnist.npz` does, from an app remembering MNIST.
    window = create_window(model=Path(FASHION_FILE), settings=Settings())
    qtbot.addWidget(window)
    assert window.current_dataset() is FASHION_MNIST
    assert window.findChild(QAction, "dataset_fashion_mnist").isChecked()
    assert model_sha256(window.state.model) == model_sha256(explainer.load_model(FASHION_FILE))
    assert window.gallery.count_samples() == len(FASHION_MNIST.load_samples()[1])
    assert window.settings().dataset == FASHION_MNIST.name
    message = window.statusBar().currentMessage()
    assert "trained on Fashion-MNIST" in message and "instead of MNIST" in message
    assert window.last_error is None
    window.close()


def test_opening_a_fashion_model_in_mnist_mode_switches_and_keeps_the_drawing(qtbot, settings) -> None:
    window = open_window(qtbot)
    draw(window)
    pixels = window.canvas.pixels().copy()
    assert window.open_model(FASHION_FILE)
    assert window.current_dataset() is FASHION_MNIST
    # The opened file's weights, not the bundled model loaded again; the drawing stays and is traced.
    assert window.state.model.class_names == list(FASHION_MNIST.class_names)
    np.testing.assert_array_equal(window.canvas.pixels(), pixels)
    trace = window.current_trace()
    assert trace is not None
    np.testing.assert_allclose(trace.probs, window.state.model.predict_proba(trace.input), rtol=1e-5)
    assert "trained on Fashion-MNIST" in window.statusBar().currentMessage()
    # And back: the MNIST model file switches to MNIST again.
    assert window.open_model(MNIST.model_path)
    assert window.current_dataset() is MNIST
    window.close()


def test_a_model_that_fits_no_data_set_is_used_and_flagged(qtbot, settings, tmp_path: Path) -> None:
    window = open_window(qtbot)
    path = animals(tmp_path / "animals.npz")
    assert window.open_model(path)
    assert window.current_dataset() is MNIST
    assert list(window.state.model.class_names)[:2] == ["cat", "dog"]
    message = window.statusBar().currentMessage()
    assert "not those of MNIST" in message and "cat, dog" in message
    assert window.last_error is None
    window.close()
    # From the command line, the same note once the window is up.
    started = open_window(qtbot, model=path)
    assert started.current_dataset() is MNIST
    assert "not those of MNIST" in started.statusBar().currentMessage()
    started.close()


def test_a_model_of_the_data_set_in_use_says_nothing_more(qtbot, settings) -> None:
    window = open_window(qtbot)
    assert window.open_model(MNIST.model_path)
    assert window.follow_model_dataset() is None
    assert window.statusBar().currentMessage().startswith("Opened the model")
    window.close()
