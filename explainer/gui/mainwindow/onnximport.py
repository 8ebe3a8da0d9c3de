"""After an ONNX file is opened: how its input is scaled, and a check that our numbers are the file's.

ONNX does not record the normalisation a model was trained with. When the file scales its input itself
(Sub/Div/Mul nodes at the start) the reader has taken that over; otherwise :class:`OnnxImportDialog` asks
which scaling it is, showing for each choice how many of the gallery's images the model then gets right,
so the student sees which one makes sense. The same dialog runs the file through the ``onnx`` package's
own reference evaluator on a few gallery images and shows, per layer, the largest difference from our
engine and which ONNX node became which layer. Model → Check ONNX import reopens it.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explainer.core import Sequential, softmax_cross_entropy
from explainer.data.preprocess import resize_input
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr, translate_error
from explainer.gui.mainwindow.modelfiles import ask_model_to_save
from explainer.onnxio import reference_differences

CHECKED_IMAGES = 4
"""Gallery images the reference evaluator runs (it is slow: a loop over every output value)."""


class Scaling(NamedTuple):
    """One way a file may expect its pixels: ``(pixel - mean) / std`` of the app's [0, 1] pixels."""

    key: str
    mean: float
    std: float


SCALINGS = (
    Scaling("unit", 0.0, 1.0),
    Scaling("byte", 0.0, 1 / 255),
    Scaling("mnist", 0.1307, 0.3081),
    Scaling("custom", 0.5, 0.5),
)


def scaling_name(key: str) -> str:
    """A scaling's name in the current language."""
    return {
        "unit": tr("pixels in [0, 1] (the default)"),
        "byte": tr("pixels in [0, 255]"),
        "mnist": tr("MNIST's mean 0.1307 and std 0.3081"),
        "custom": tr("custom mean and std"),
    }[key]


def needs_scaling(model: Sequential) -> bool:
    """True when ``model`` came from an ONNX file that does not scale its input itself."""
    metadata = model.metadata
    return metadata.get("source") == "onnx" and not (
        metadata.get("onnx_input_scaled") or metadata.get("onnx_input_chosen")
    )


class GalleryScore(NamedTuple):
    """How a model does on the gallery with one scaling: the share it gets right and its mean loss."""

    accuracy: float
    loss: float


def gallery_score(
    model: Sequential, images: np.ndarray, labels: np.ndarray, mean: float, std: float
) -> GalleryScore:
    """The share of ``images`` the model gets right with the input scaled by ``mean`` and ``std``, and
    the mean cross-entropy (a wrong scale often keeps the argmax of a ReLU net but not its confidence).

    Shape:
        images: ``(N, 1, H, W)`` in [0, 1]; labels ``(N,)``.
    """
    trial = model.copy()
    trial.input_mean, trial.input_std = mean, std
    with np.errstate(all="ignore"):
        loss, _ = softmax_cross_entropy(trial.forward(images).astype(np.float64), labels)
        right = (trial.predict_proba(images).argmax(axis=1) == labels).mean()
    return GalleryScore(float(right), float(loss))


class OnnxImportDialog(QDialog):
    """The scaling choice (when the file leaves it open) and the per-layer check against the reference.

    objectName ``"onnx_import"``. ``sigScaling(mean, std)`` announces a choice the user accepted.

    Shape:
        images: gallery images ``(N, 1, H, W)`` in [0, 1] at the model's input size; labels ``(N,)``.
    """

    sigScaling = Signal(float, float)

    def __init__(
        self,
        model: Sequential,
        data: bytes,
        images: np.ndarray,
        labels: np.ndarray,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onnx_import")
        self.setWindowTitle(tr("ONNX import"))
        self.model = model
        layout = QVBoxLayout(self)
        self.buttons = QButtonGroup(self)
        self.scores: dict[str, GalleryScore] = {}
        if needs_scaling(model):
            layout.addWidget(self._scaling_box(images, labels))
        self.table = self._check_table(data, images[:CHECKED_IMAGES])
        layout.addWidget(
            QLabel(
                tr("The file's numbers against ours, on {n} gallery images:").format(
                    n=min(CHECKED_IMAGES, len(images))
                )
            )
        )
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
        self.accepted.connect(self._announce)
        self.resize(theme.px(760), theme.px(560))

    def _scaling_box(self, images: np.ndarray, labels: np.ndarray) -> QGroupBox:
        group = QGroupBox(tr("The file does not say how its input is scaled. Which is it?"))
        rows = QVBoxLayout(group)
        for index, scaling in enumerate(SCALINGS):
            button = QRadioButton()
            button.setObjectName(f"scaling_{scaling.key}")
            self.buttons.addButton(button, index)
            if scaling.key == "custom":
                self.mean_box, self.std_box = QDoubleSpinBox(), QDoubleSpinBox()
                for spin, value, low in (
                    (self.mean_box, scaling.mean, -1e3),
                    (self.std_box, scaling.std, 1e-4),
                ):
                    spin.setDecimals(4)
                    spin.setRange(low, 1e3)
                    spin.setValue(value)
                row = QHBoxLayout()
                row.addWidget(button)
                row.addWidget(QLabel(tr("mean")))
                row.addWidget(self.mean_box)
                row.addWidget(QLabel(tr("std")))
                row.addWidget(self.std_box)
                row.addStretch(1)
                rows.addLayout(row)
                button.setText(scaling_name(scaling.key))
                continue
            score = gallery_score(self.model, images, labels, scaling.mean, scaling.std)
            self.scores[scaling.key] = score
            button.setText(
                tr("{name}: {right:.0%} of the {n} gallery images right, mean loss {loss:.3g}").format(
                    name=scaling_name(scaling.key), right=score.accuracy, n=len(labels), loss=score.loss
                )
            )
            rows.addWidget(button)
        self.buttons.button(0).setChecked(True)
        hint = QLabel(
            tr(
                "The scaling the model was trained with gets the gallery right with the smallest loss; a "
                "wrong one often keeps the answers but makes the model wildly over- or under-confident."
            )
        )
        hint.setWordWrap(True)
        rows.addWidget(hint)
        return group

    def _check_table(self, data: bytes, images: np.ndarray) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName("onnx_check_table")
        table.setHorizontalHeaderLabels([tr("Layer"), tr("ONNX nodes"), tr("Largest difference")])
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        try:
            self.differences: list[float | None] = reference_differences(data, self.model, images)
        except (BadInputError, ValueError, RuntimeError) as error:
            message = translate_error(error) if isinstance(error, BadInputError) else str(error)
            self.differences = [None] * len(self.model.layers)
            table.setToolTip(
                tr("The reference evaluator could not run this file: {error}").format(error=message)
            )
        nodes: dict[int, list[str]] = {}
        for name, op, index in self.model.metadata.get("onnx_nodes", []):
            if index is not None:
                nodes.setdefault(int(index), []).append(f"{name} ({op})")
        for i, (layer, difference) in enumerate(zip(self.model.layers, self.differences, strict=True)):
            table.insertRow(i)
            shown = "—" if difference is None else f"{difference:.2g}"
            for column, text in enumerate((layer.name or "", ", ".join(nodes.get(i, [])), shown)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(i, column, item)
        table.resizeColumnsToContents()
        return table

    def chosen(self) -> tuple[float, float] | None:
        """The (mean, std) chosen, or None when the file scales its input itself."""
        if not needs_scaling(self.model):
            return None
        scaling = SCALINGS[self.buttons.checkedId()]
        if scaling.key == "custom":
            return self.mean_box.value(), self.std_box.value()
        return scaling.mean, scaling.std

    def _announce(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.sigScaling.emit(*chosen)


class OnnxFiles:
    """The main window's part for ONNX files: the import dialog after opening one, its reopening from the
    Model menu, and Model → Export ONNX. Mixed into ``MainWindow`` (it uses ``state`` and ``show_error``)."""

    _onnx_file: bytes | None = None
    onnx_dialog: OnnxImportDialog | None = None

    def opened_model_file(self, path: str, model: Sequential) -> None:
        """Keep an ONNX file's bytes for the check and show the import dialog (a no-op for ``.npz``)."""
        if model.metadata.get("source") != "onnx" or not model.metadata.get("onnx_layer_outputs"):
            self._onnx_file = None
            return
        try:
            with open(path, "rb") as file:
                self._onnx_file = file.read()
        except OSError:
            self._onnx_file = None
            return
        self.check_onnx_import()

    def check_onnx_import(self) -> OnnxImportDialog | None:
        """Show the import dialog for the ONNX file the model in use came from; None when there is none."""
        model = self.state.model  # type: ignore[attr-defined]
        if self._onnx_file is None or model.metadata.get("source") != "onnx":
            self.show_error(  # type: ignore[attr-defined]
                tr("ONNX import"), tr("The model in use was not opened from an ONNX file in this session.")
            )
            return None
        images, labels = self._gallery_at(model.input_shape)
        dialog = OnnxImportDialog(model, self._onnx_file, images, labels, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sigScaling.connect(self._use_scaling)
        dialog.destroyed.connect(functools.partial(self._forget_onnx_dialog, dialog))
        dialog.open()
        self.onnx_dialog = dialog
        return dialog

    def _gallery_at(self, input_shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The data set's gallery images as ``(N, 1, H, W)`` in [0, 1] at the model's size, and labels."""
        images, labels = self.state.dataset.load_samples()  # type: ignore[attr-defined]
        pixels = np.asarray(images, np.float32) / (255.0 if images.dtype == np.uint8 else 1.0)
        size = tuple(input_shape[1:])
        fitted = [image if image.shape == size else resize_input(image, size) for image in pixels]
        return np.stack(fitted)[:, None], np.asarray(labels)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The import dialog is a window of its own: it goes with the main window."""
        if self.onnx_dialog is not None:
            self.onnx_dialog.close()
        super().closeEvent(event)  # type: ignore[misc]

    def _forget_onnx_dialog(self, dialog: OnnxImportDialog) -> None:
        """``dialog`` is gone (an earlier one may go after a newer one opened)."""
        if self.onnx_dialog is dialog:
            self.onnx_dialog = None

    def _ask_export_onnx(self) -> None:
        """Ask where to write the model in use as ONNX and write it."""
        path = ask_model_to_save(self, suffix=".onnx")  # type: ignore[arg-type]
        if path is not None:
            self.save_model(path)  # type: ignore[attr-defined]

    def _use_scaling(self, mean: float, std: float) -> None:
        """Use the scaling chosen in the import dialog (a new model, so Undo and the views follow)."""
        model = self.state.model.copy()  # type: ignore[attr-defined]
        model.input_mean, model.input_std = mean, std
        model.metadata["onnx_input_chosen"] = True
        self.state.set_model(model)  # type: ignore[attr-defined]
