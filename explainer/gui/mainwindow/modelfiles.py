"""Model files in the app, one way: ask for a path, then read or write the file and say what went wrong.

The Open and Save dialogs start in the folder last used for a model file (remembered in QSettings under
:data:`MODEL_DIR_KEY`). Reading and writing report a failure (a damaged file, a missing folder, a full disk)
through ``report(title, message)`` with a message naming the file, and return None or False instead of
raising.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

import explainer
from explainer.core import Sequential, reference_net
from explainer.data import MNIST, Dataset
from explainer.errors import BadInputError
from explainer.gui.i18n import tr, translate_error
from explainer.modelio import DEFAULT_MODEL_PATH

MODEL_DIR_KEY = "models/last_dir"
"""QSettings key of the folder last used to open or save a model."""

MODEL_FILTER = "*.npz *.onnx"

Report = Callable[[str, str], None]
"""``report(title, message)``: tell the user why a model file could not be read or written."""

ModelSource = Sequential | str | os.PathLike[str] | None
"""A model, a model file, or None for the bundled model."""


def ask_model_to_open(parent: QWidget | None) -> str | None:
    """Ask for a model file to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tr("Open model"),
        _last_folder(),
        tr("Model files ({patterns});;All files (*)").format(patterns=MODEL_FILTER),
    )
    return _remembered(path)


def ask_model_to_save(parent: QWidget | None, suffix: str = ".npz") -> str | None:
    """Ask where to save a model; ``suffix`` (".npz", or ".onnx" to export) is added unless the name ends
    in one of the two; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save model"),
        str(Path(_last_folder()) / f"model{suffix}"),
        tr("Model files ({patterns})").format(patterns=f"*{suffix}"),
    )
    if path and not path.lower().endswith((".npz", ".onnx")):
        path += suffix
    return _remembered(path)


def read_model(path: str | os.PathLike[str] | None, report: Report) -> Sequential | None:
    """The model in the file at ``path`` (None: the bundled one); None after reporting why it cannot be."""
    try:
        return explainer.load_model(path)
    except (BadInputError, OSError) as error:
        report(tr("Cannot open the model"), file_problem(DEFAULT_MODEL_PATH if path is None else path, error))
        return None


def write_model(model: Sequential, path: str | os.PathLike[str], report: Report) -> bool:
    """Save ``model`` to ``path`` atomically (an old file survives any failure); False after reporting why."""
    try:
        explainer.save_model(model, path)
    except (BadInputError, OSError) as error:
        report(tr("Cannot save the model"), file_problem(path, error))
        return False
    return True


def file_problem(path: str | os.PathLike[str], error: BadInputError | OSError) -> str:
    """What went wrong with the model file ``path``, in the current language, naming the file."""
    if isinstance(error, BadInputError):
        return translate_error(error)  # its message names the file already
    return tr("{file}: {problem}").format(file=path, problem=error.strerror or error)


def load_initial_model(model: ModelSource, dataset: Dataset = MNIST) -> tuple[Sequential, str | None]:
    """The network to start with, and an error message when the requested one could not be loaded.

    None, and a path that fails, mean the bundled model of ``dataset``; a missing bundled model falls back
    to untrained weights so that the app still opens and can explain why.
    """
    if isinstance(model, Sequential):
        return model, None
    errors: list[str] = []
    candidates = [dataset.model_path] if model is None else [model, dataset.model_path]
    for path in candidates:
        loaded = read_model(path, lambda _title, message: errors.append(message))
        if loaded is not None:
            return loaded, ("\n\n".join(errors) or None)
    errors.append(tr("Using an untrained network with random weights: its predictions mean nothing."))
    return reference_net(), "\n\n".join(errors)


def _last_folder() -> str:
    """The folder last used for model files (empty: the dialog's default)."""
    value = QSettings().value(MODEL_DIR_KEY, "", type=str)
    return value if isinstance(value, str) else ""


def _remembered(path: str) -> str | None:
    """``path`` (None when empty, i.e. cancelled), its folder remembered for the next dialog."""
    if not path:
        return None
    QSettings().setValue(MODEL_DIR_KEY, str(Path(path).parent))
    return path


class ModelFiles:
    """The main window's model-file commands: open, save, restore the bundled model, and their dialogs.
    Mixed into ``MainWindow`` (it uses ``state``, ``show_error`` and the status bar)."""

    def open_model(self, path: str | os.PathLike[str]) -> bool:
        """Use the model file at ``path``; on a bad file, show why and keep the current model. A model of
        another bundled data set switches the window to that data set (see ``follow_model_dataset``)."""
        model = read_model(path, self.show_error)
        if model is None:
            return False
        self.state.set_model(model)
        self.statusBar().showMessage(
            tr("Opened the model {name}: {layers} layers, {params:,} weights").format(
                name=Path(path).name, layers=len(model.layers), params=model.param_count()
            ),
            5000,
        )
        # Said after "Opened": a model of another data set switches the window to it, or is flagged.
        self.follow_model_dataset()
        self.opened_model_file(str(path), model)
        return True

    def save_model(self, path: str | os.PathLike[str]) -> bool:
        """Save the model in use to ``path`` (atomically); on failure, show why."""
        if not write_model(self.state.model, path, self.show_error):
            return False
        self.statusBar().showMessage(tr("Saved the model to {path}").format(path=path), 5000)
        return True

    def restore_bundled_model(self) -> bool:
        """Use the data set's bundled trained model again (after Learn steps or training); on failure, say
        why."""
        try:
            model = read_model(self.state.dataset.model_path, self.show_error)
        except BadInputError as error:
            self.show_error(tr("Cannot restore the bundled model"), translate_error(error))
            return False
        if model is None:
            return False
        self.state.set_model(model)
        self.statusBar().showMessage(tr("The bundled model is back."), 5000)
        return True

    def _ask_open_model(self) -> None:
        """Ask for a model file and use it."""
        path = ask_model_to_open(self)
        if path is not None:
            self.open_model(path)

    def _ask_save_model(self) -> None:
        """Ask where to save the model in use and save it."""
        path = ask_model_to_save(self)
        if path is not None:
            self.save_model(path)
