"""The "Filters" page: what each filter of every conv layer looks for (objectName ``"filters"``).

For the chosen channel: the 9 test images that excite it most, each with the patch its strongest unit
sees outlined (its receptive field), and an input synthesised by gradient ascent on the channel's mean
activation from grey (``explainer.core.filters``). The bundled models' results ship in ``assets/``; for
any other model (trained or opened) "Compute" runs them in a worker on the data set's test images, or on
the bundled gallery samples when there is no data folder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from explainer.core import Sequential
from explainer.filters import FilterAtlas, atlas_for, atlas_steps, remember
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.jobs import StepWorker
from explainer.gui.kit.filtergallery import FilterGallery
from explainer.gui.kit.widgets import button, choice_box, heading, hint, row, set_items, spin_box, translated
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.job import WorkerPage
from explainer.gui.state import DataSource
from explainer.unusual import model_sha256


def uniform_note(synthesised: np.ndarray) -> str:
    """A sentence for a synthesised input that came out one flat colour (it looks like an empty box), else "".

    Shape:
        synthesised: ``(H, W)`` in [0, 1].
    """
    if float(np.ptp(synthesised)) > 0.02:
        return ""
    if float(synthesised.mean()) > 0.5:
        return tr(
            "The synthesised input is plain white: ink anywhere raises this channel, so a page full of ink "
            "excites it most. "
        )
    return tr(
        "The synthesised input is plain black: ink anywhere lowers this channel, so an empty page "
        "excites it most. "
    )


class FilterWorker(StepWorker):
    """Computes a :class:`FilterAtlas` on a worker thread, one stage per step.

    Signals:
        sigProgress(done, total): a stage (one layer's top images or synthesised inputs) is done.
    """

    sigProgress = Signal(int, int)

    def __init__(self, model: Sequential, loader: Callable[[], np.ndarray], data: str) -> None:
        super().__init__()
        self._model, self._loader, self._data = model, loader, data

    def work(self) -> FilterAtlas | None:
        if self.checkpoint():
            return None
        try:
            images = self._loader()
            for done, total, atlas in atlas_steps(self._model, images, {"data": self._data}):
                self.post(self.sigProgress, done, total)
                if atlas is not None:
                    return atlas
                if self.checkpoint():
                    return None
        except (OSError, ValueError) as error:
            self.post(self.sigError, str(error))
        return None


class FiltersView(FollowsLanguage, WorkerPage):
    """Browse every channel of every conv layer: top images with their patch, and the synthesised input.

    A loader given with :meth:`set_data_loader` returns the images to rank.

    Shape:
        the loader's images: ``(N, H, W)`` or ``(N, C, H, W)``, uint8 or floats in [0, 1].
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("filters")
        self._model: Sequential | None = None
        self._atlas: FilterAtlas | None = None
        self.title = heading("filters_title")
        self.intro = hint()
        self.layer_box = choice_box("filters_layer", self._show_channel)
        # Qt's default range until a layer is shown (_show_channel narrows it to its channels).
        self.channel_box = spin_box("filters_channel", 0, 99, slot=self._show_channel)
        self.compute_button = translated(
            button("filters_compute", self.compute),
            text=lambda: tr("Compute for this model"),
            tip=lambda: tr("Rank the test images and synthesise the inputs in the background"),
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("filters_progress")
        self.progress_bar.hide()
        self.source_label = hint()
        self.source_label.setObjectName("filters_source")
        self.gallery = FilterGallery()
        self.caption = hint()
        controls = row(self.layer_box, self.channel_box, self.compute_button, self.progress_bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(controls)
        layout.addWidget(self.source_label)
        layout.addWidget(self.gallery, 1)
        layout.addWidget(self.caption)
        self.retranslate_ui()

    # ---- inputs

    def set_data_source(self, data: DataSource) -> None:
        """Compute on this data set's test images (its folder) from now on."""
        self._data = data
        self.retranslate_ui()

    def set_model(self, model: Sequential) -> None:
        """Show the results for ``model``: bundled, computed earlier in this session, or none yet."""
        self.shutdown()
        self._model = model
        self._atlas = atlas_for(model)
        self._fill_layers()
        self.retranslate_ui()

    def atlas(self) -> FilterAtlas | None:
        """The results shown, or None."""
        return self._atlas

    # ---- the job

    def compute(self) -> None:
        """Compute the results for the model in a worker, with progress."""
        if self._model is None or self._worker is not None:
            return
        loader, data = self._job_loader()
        worker = FilterWorker(self._model.copy(), loader, data)
        worker.sigProgress.connect(self._on_progress)
        worker.sigError.connect(self._on_error)
        worker.sigFinished.connect(self._on_finished)
        self._worker = worker
        self.compute_button.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.source_label.setText(tr("Computing on {data}…").format(data=data))
        worker.start()

    def _job_loader(self) -> tuple[Callable[[], Any], str]:
        """The images to rank and what they are: the test set, else the bundled gallery samples."""
        dataset = self._data.dataset
        if self._loader is not None:
            return self._loader, tr("the given images")
        loader = self._data.test_loader()
        if loader is not None:
            return (lambda: loader()[0]), tr("the {name} test set").format(name=dataset.name)
        return (lambda: dataset.load_samples()[0]), tr(
            "the 100 bundled gallery samples (no data folder: choose one in Train or Test set to use "
            "the test set)"
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)

    def _on_error(self, message: str) -> None:
        self.source_label.setText(tr("Could not compute: {why}").format(why=message))

    def _on_finished(self, atlas: FilterAtlas | None) -> None:
        self._worker = None
        self.compute_button.setEnabled(True)
        self.progress_bar.hide()
        if atlas is None or self._model is None or atlas.config["model_sha256"] != model_sha256(self._model):
            self.retranslate_ui()
            return
        remember(atlas)
        self._atlas = atlas
        self._fill_layers()
        self.retranslate_ui()

    # ---- display

    def _fill_layers(self) -> None:
        names = [item.name for item in self._atlas.layers] if self._atlas is not None else []
        set_items(self.layer_box, names, 0)
        self.layer_box.setEnabled(bool(names))
        self.channel_box.setEnabled(bool(names))
        self._show_channel()

    def _show_channel(self) -> None:
        atlas = self._atlas
        item = atlas.layers[self.layer_box.currentIndex()] if atlas is not None and atlas.layers else None
        if item is None:
            self.gallery.set_channel(np.zeros((0, 1, 1)), np.zeros((0, 4)), np.zeros(0), None)
            return
        channels = len(item.top.indices)
        self.channel_box.blockSignals(True)
        self.channel_box.setRange(0, channels - 1)
        self.channel_box.blockSignals(False)
        c = self.channel_box.value()
        images = np.stack([atlas.images[int(i)][0] for i in item.top.indices[c]])
        synthesised = item.synthesised.images[c, 0]
        self.gallery.set_channel(images, item.top.boxes[c], item.top.values[c], synthesised)
        self.caption.setText(
            uniform_note(synthesised)
            + tr(
                "Left: the {k} test images whose strongest {name} unit of channel {c} is highest (its value "
                "under each); the outlined patch is all that unit sees. Right: grey, changed by gradient "
                "ascent until channel {c}'s mean activation rose from {start} to {end}."
            ).format(
                k=len(images),
                name=item.name,
                c=c,
                start=theme.format_value(float(item.synthesised.start_means[c]), 2),
                end=theme.format_value(float(item.synthesised.final_means[c]), 2),
            )
        )

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title, self.intro)
        self.channel_box.setPrefix(tr("channel "))
        if self._worker is not None:
            return
        atlas = self._atlas
        if atlas is None:
            self.source_label.setText(tr("Not computed for this model yet: press “Compute for this model”."))
            self.caption.setText("")
        elif "command" in atlas.config:
            self.source_label.setText(
                tr("The bundled model's results, precomputed on {n} test images by {command}.").format(
                    n=atlas.config.get("image_count", 0), command=atlas.config["command"]
                )
            )
        else:
            self.source_label.setText(
                tr("Computed for this model on {data} ({n} images).").format(
                    data=atlas.config.get("data", ""), n=atlas.config.get("image_count", 0)
                )
            )
        self._show_channel()


if __name__ == "__main__":
    run_page(FiltersView)
