"""The data set the window works on, and switching it (Model → Data set): the whole window follows.

Switching gives the state the other :class:`~explainer.data.Dataset` (its files, with the folder the
settings keep for it, and its preprocessing) and that data set's bundled model; the gallery shows its
samples, and the overview, the prediction bars, the target bar and every page follow the new model and
data source through the state's signals. The canvas stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from explainer.data import DATASETS, Dataset, dataset_named
from explainer.errors import BadInputError
from explainer.gui.i18n import tr, translate_error
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
        self.state.set_dataset(dataset, model)
        self._check_dataset_action()
        self._load_gallery()
        self.retranslate_ui()
        # A one-off change, not a stroke: the page on screen follows now rather than after a pause.
        self._page_timer.stop()
        self._sync_current_page()
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

    def _check_dataset_action(self) -> None:
        """Tick the Data set menu's entry of the data set in use."""
        current = self.state.dataset.name
        for action in self.dataset_group.actions():
            action.setChecked(action.data() == current)
