"""ONNX files in the window: the import dialog's scaling choice and per-layer check, and Export ONNX."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QRadioButton

import explainer
from explainer.gui.mainwindow import MainWindow
from explainer.gui.mainwindow.onnximport import OnnxImportDialog
from explainer.gui.state import Settings

onnx = pytest.importorskip("onnx")


@pytest.fixture
def window(shown, settings) -> MainWindow:
    """The app's window on its bundled model, with throw-away QSettings."""
    return shown(MainWindow(settings=Settings()))


@pytest.fixture
def unscaled_onnx(tmp_path: Path) -> Path:
    """The bundled model exported to ONNX, with the note of its input scaling taken out (as a file from
    PyTorch would come: nothing says how its pixels were scaled)."""
    path = tmp_path / "bundled.onnx"
    explainer.save_model(explainer.load_model(), path)
    model = onnx.load(path)
    kept = [prop for prop in model.metadata_props if prop.key != "input_normalisation"]
    del model.metadata_props[:]
    model.metadata_props.extend(kept)
    onnx.save(model, path)
    return path


def test_opening_an_onnx_file_asks_for_its_scaling_with_the_gallery_as_evidence(
    window: MainWindow, unscaled_onnx: Path
) -> None:
    assert window.open_model(unscaled_onnx)
    dialog = window.onnx_dialog
    assert isinstance(dialog, OnnxImportDialog) and dialog.isVisible()
    # The bundled model was trained on [0, 1] pixels: that choice gets the gallery right, [0, 255] does not.
    scores = dialog.scores
    assert scores["unit"].accuracy > 0.95
    assert scores["unit"].loss < min(scores["byte"].loss, scores["mnist"].loss) / 2, scores
    assert dialog.findChild(type(dialog.buttons.button(0)), "scaling_unit").isChecked()
    # Every layer has its ONNX node and agrees with the reference evaluator.
    assert dialog.table.rowCount() == len(window.state.model.layers)
    assert all(d is not None and d < 1e-5 for d in dialog.differences), dialog.differences
    assert "Conv" in dialog.table.item(0, 1).text()
    dialog.findChild(type(dialog.buttons.button(0)), "scaling_byte").setChecked(True)
    dialog.accept()
    assert window.state.model.input_std == pytest.approx(1 / 255)
    assert window.state.model.metadata["onnx_input_chosen"] is True


def test_the_check_reopens_from_the_model_menu_and_export_writes_onnx(
    window: MainWindow, unscaled_onnx: Path, tmp_path: Path
) -> None:
    window.findChild(QAction, "onnx_check").trigger()
    assert window.onnx_dialog is None and "not opened from an ONNX file" in window.last_error
    assert window.open_model(unscaled_onnx)
    window.onnx_dialog.accept()
    window.findChild(QAction, "onnx_check").trigger()
    assert window.onnx_dialog.isVisible() and not window.onnx_dialog.scores, "scaling already chosen"
    out = tmp_path / "again.onnx"
    assert window.save_model(out)
    x = np.random.default_rng(0).random((2, 1, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(
        explainer.load_model(out).forward(x), window.state.model.forward(x), rtol=1e-6, atol=1e-6
    )


def test_the_bundled_lenet5_demo_asks_for_mnist_scaling_and_gets_it(window: MainWindow) -> None:
    from explainer.assets import asset_path

    assert window.open_model(asset_path("lenet5.onnx"))
    dialog = window.onnx_dialog
    scores = dialog.scores
    # Trained on (x - 0.1307) / 0.3081 outside the file: that choice has the smallest loss on the gallery.
    assert min(scores, key=lambda key: scores[key].loss) == "mnist", scores
    assert scores["mnist"].accuracy >= 0.95
    assert all(d is not None and d < 1e-4 for d in dialog.differences), dialog.differences
    assert window.state.model.metadata["test_accuracy"] > 0.98


def test_every_page_works_on_an_imported_model(window: MainWindow) -> None:
    """The overview, Backward mode, every page and a Learn step on the LeNet-5 from PyTorch."""
    from explainer.assets import asset_path
    from explainer.gui.pages import PAGES

    window.open_model(asset_path("lenet5.onnx"))
    window.onnx_dialog.findChild(QRadioButton, "scaling_mnist").setChecked(True)
    window.onnx_dialog.accept()
    images, labels = window.state.dataset.load_samples()
    window.put_digit(images[7], int(labels[7]))
    window.set_mode("backward")
    trace = window.current_trace()
    assert trace is not None and trace.has_gradients and len(trace.layers) == 12
    assert int(trace.prediction[0]) == int(labels[7])
    for spec in PAGES:
        assert window.show_page(spec.key) is not None, spec.key
    learn = window.show_page("learn")
    before = learn.model()
    result = learn.apply_step()
    assert result is not None and learn.model() is not before
    assert window.state.model.metadata["source"] == "onnx"


def test_a_32x32_model_gets_the_drawing_resampled_to_its_size(window: MainWindow, tmp_path: Path) -> None:
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(1)
    init = {"W": rng.standard_normal((2, 1, 3, 3)).astype(np.float32), "D": rng.standard_normal((1800, 10))}
    nodes = [
        helper.make_node("Conv", ["x", "W"], ["c"], kernel_shape=[3, 3]),
        helper.make_node("Relu", ["c"], ["r"]),
        helper.make_node("Flatten", ["r"], ["f"]),
        helper.make_node("MatMul", ["f", "D"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes,
        "lenet32",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 32, 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 10])],
        [numpy_helper.from_array(value.astype(np.float32), name) for name, value in init.items()],
    )
    path = tmp_path / "thirty_two.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    images, labels = window.state.dataset.load_samples()
    window.put_digit(images[3], int(labels[3]))
    drawn = window.state.input.copy()
    assert window.open_model(path)
    window.onnx_dialog.accept()
    assert window.current_trace().input.shape == (1, 1, 32, 32)
    from explainer.data.preprocess import resize_input

    np.testing.assert_array_equal(window.state.input, resize_input(drawn, (32, 32)))
    window.put_digit(images[4], int(labels[4]))
    assert window.current_trace().input.shape == (1, 1, 32, 32)
