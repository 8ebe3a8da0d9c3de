"""The data set the window works on, and switching it (Model → Data set): the whole window follows.

Switching gives the state the other :class:`~explainer.data.Dataset` (its files, with the folder the
settings keep for it, and its preprocessing) and that data set's bundled model; the gallery shows its
samples, and the overview, the prediction bars, the target bar and every page follow the new model and
data source through the state's signals. The canvas stays.

A model opened from a file (``--model`` or Model → Open) is checked against the data set: a model whose
class names and input are another bundled data set's switches the window to that data set (keeping the
model and the drawing); one that fits none keeps the data set, and the status bar says what does not fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from explainer.data import DATASETS, FASHION_MNIST, MNIST, Dataset, dataset_named
from explainer.errors import BadInputError
from explainer.gui.i18n import shown_class_names, tr, translate_error
from explainer.gui.mainwindow.modelfiles import read_model

if TYPE_CHECKING:
    from explainer.core import Sequential


def dataset_titles() -> dict[str, str]:
    """The Data set menu's entries, by data set name, in the current language."""
    return {"MNIST": tr("&MNIST digits"), "Fashion-MNIST": tr("&Fashion-MNIST clothes")}


def dataset_tips() -> dict[str, str]:
    """The Data set menu's tooltips, by data set name, in the current language."""
    return {
        "MNIST": tr("Handwritten digits 0-9, with the network trained on them"),
        "Fashion-MNIST": tr(
            "Photos of clothes, shoes and bags in ten classes, with the network trained on them"
        ),
    }


MODEL_NOTE_MS = 15000
"""How long the status bar says that an opened model belongs to another data set, or to none."""


def model_dataset(model: Sequential) -> Dataset | None:
    """The bundled data set ``model`` was made for, judged by its class names and input shape; None when
    it fits none of them (e.g. a model trained on a folder of one's own images)."""
    names = tuple(str(name) for name in model.class_names)
    return next(
        (
            dataset
            for dataset in DATASETS.values()
            if dataset.class_names == names and tuple(model.input_shape) == dataset.input_shape
        ),
        None,
    )


def window_title(dataset: Dataset) -> str:
    """The window's title: the app's name, which names the data set it works on."""
    if dataset.name == MNIST.name:
        return tr("MNIST CNN Explainer")
    return tr("CNN Explainer: {name}").format(name=dataset.name)


def draw_heading(dataset: Dataset) -> str:
    """The heading over the canvas: what there is to draw for ``dataset`` (your own images: anything)."""
    if dataset.name == MNIST.name:
        return tr("Draw a digit")
    if dataset.name == FASHION_MNIST.name:
        return tr("Draw a piece of clothing")
    return tr("Draw or open an image")


class DatasetSwitching:
    """Mixin of ``MainWindow``: the Data set menu and :meth:`set_dataset`."""

    def _build_dataset_actions(self) -> None:
        """One exclusive, checkable action per bundled data set (objectName "dataset_<name>")."""
        self.dataset_group = QActionGroup(self)
        self.dataset_group.setExclusive(True)
        current = self.state.dataset.name
        for name in DATASETS:
            action = QAction(self)
            action.setObjectName(f"dataset_{name.lower().replace('-', '_')}")
            action.setData(name)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _checked=False, name=name: self.set_dataset(name))
            self.dataset_group.addAction(action)

    def _retranslate_datasets(self) -> None:
        """The Data set menu's texts in the current language."""
        titles, tips = dataset_titles(), dataset_tips()
        for action in self.dataset_group.actions():
            name = action.data()
            action.setText(titles.get(name, name))
            action.setToolTip(tips.get(name, ""))
            action.setStatusTip(tips.get(name, ""))

    def current_dataset(self) -> Dataset:
        """The data set the window works on now."""
        return self.state.dataset

    def set_dataset(self, dataset: str | Dataset, model: Sequential | None = None) -> bool:
        """Work on ``dataset`` (a :class:`Dataset` or the name of a bundled one, e.g. "Fashion-MNIST") with
        ``model``, else its bundled model; on an unknown name or a model that cannot be read, say why and
        keep the current one. Your own images (a data set without a bundled model) come with the network
        the Train page built for them.
        """
        if isinstance(dataset, str):
            try:
                dataset = dataset_named(dataset)
            except BadInputError as error:
                self.show_error(tr("Cannot switch the data set"), str(error))
                self._check_dataset_action()
                return False
        if model is None:
            try:
                model = read_model(dataset.model_path, self.show_error)
            except BadInputError as error:
                self.show_error(tr("Cannot switch the data set"), translate_error(error))
            if model is None:
                self._check_dataset_action()
                return False
        self._use_dataset(dataset, model)
        bundled = dataset.name in DATASETS
        self.statusBar().showMessage(
            (
                tr("Now working on {name}, with its bundled model")
                if bundled
                else tr("Now working on your images in {name}: {classes}")
            ).format(name=dataset.name, classes=", ".join(dataset.class_names)),
            5000,
        )
        return True

    def follow_model_dataset(self) -> str | None:
        """Check the model in use against the data set: switch to the bundled data set the model was made
        for, or say that it fits none. Returns what the status bar was told (None: the model fits)."""
        model, current = self.state.model, self.state.dataset
        made_for = model_dataset(model)
        if made_for is not None and made_for.name == current.name:
            return None
        if made_for is not None:
            self._use_dataset(made_for, model)
            note = tr(
                "This model was trained on {model_data}, so the window now works on {model_data} instead of "
                "{old}. Model → Data set switches back."
            ).format(model_data=made_for.name, old=current.name)
        else:
            classes = shown_class_names(model.class_names)
            note = tr(
                "This model's {count} classes ({classes}) are not those of {name}, and it fits no bundled "
                "data set. The window stays on {name}: the gallery, training and the test set use {name}'s "
                "images and labels."
            ).format(count=len(classes), classes=tr(", ").join(classes), name=current.name)
        self.statusBar().showMessage(note, MODEL_NOTE_MS)
        return note

    def _use_dataset(self, dataset: Dataset, model: Sequential) -> None:
        """Work on ``dataset`` with ``model`` from now on: the state, the menu, the gallery and the texts."""
        self.state.set_dataset(dataset, model)
        self._check_dataset_action()
        self._load_gallery()
        self.retranslate_ui()
        # A one-off change, not a stroke: the page on screen follows now rather than after a pause.
        self._page_timer.stop()
        self._sync_current_page()

    def _check_dataset_action(self) -> None:
        """Tick the Data set menu's entry of the data set in use."""
        current = self.state.dataset.name
        for action in self.dataset_group.actions():
            action.setChecked(action.data() == current)
