"""Your own images on the Train page: choose a folder, see what the network will see, then train on it.

:class:`OwnImagesPanel` reads a folder with one subfolder per class, or a folder holding IDX files
(:func:`explainer.data.read_user_data`), in steps between events (:class:`FolderReading`), and previews
the result before any training: a few converted images of every class with its name and count, the
files skipped and why, the sizes met, and what the conversion does to a photo. The Train page then trains
on its
:attr:`~explainer.data.UserDataset.dataset` with the existing machinery.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

import explainer
from explainer.data import UserDataset
from explainer.data.own import user_data_steps
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr, translate_error
from explainer.gui.kit.widgets import button, check_box, label, translated

PREVIEW_PER_CLASS = 6
"""Converted images shown per class in the preview."""

PREVIEW_CLASSES = 12
"""Classes shown in the preview; the counts line names them all."""

SKIPPED_SHOWN = 6
"""Skipped files listed under the preview; the tooltip lists every one."""

THUMBNAIL_PX = 56
"""Side of a preview image at zoom 1: the 28x28 input at twice its size."""


STEP_BUDGET_S = 0.025
"""Reading time per event-loop turn: the window keeps drawing at about 30 frames a second."""


class FolderReading(QObject):
    """Reads and converts a folder of your own images on the UI thread, a few files per event-loop turn.

    Qt's image decoders must not run on a worker thread here: a damaged file makes a decoder warn while
    it holds the image reader's lock, and the warning's handler (Python) then waits for the interpreter
    while the UI thread, holding it, waits for that lock to draw an icon: a deadlock (seen once in the
    full test run). Reading in steps between events keeps the window responsive without a second thread.

    Signals:
        sigProgress(object): ``(done, total)`` files read so far.
        sigError(str): the folder was refused; the message names it and says why.
        sigFinished(object): the :class:`~explainer.data.UserDataset`, or None (refused or stopped).
    """

    sigProgress = Signal(object)
    sigError = Signal(str)
    sigFinished = Signal(object)

    def __init__(self, folder: Path, *, invert: bool, centre: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = user_data_steps(folder, explainer.load_image, invert=invert, centre=centre)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """Begin reading at the next turn of the event loop."""
        self._timer.start()

    def stop(self) -> None:
        """Stop reading now; ``sigFinished(None)`` follows at once (nothing runs in the background)."""
        if self._timer.isActive():
            self._timer.stop()
            self._steps.close()
            self.sigFinished.emit(None)

    def is_running(self) -> bool:
        """True until the reading has ended or been stopped."""
        return self._timer.isActive()

    def _step(self) -> None:
        """Read files for up to :data:`STEP_BUDGET_S`, then give the event loop its turn."""
        deadline = time.perf_counter() + STEP_BUDGET_S
        report = None
        try:
            while time.perf_counter() < deadline:
                report = next(self._steps)
        except StopIteration as finished:
            self._end(finished.value)
            return
        except BadInputError as error:
            self.sigError.emit(translate_error(error))
            self._end(None)
            return
        if report is not None:
            self.sigProgress.emit(report)

    def _end(self, result: UserDataset | None) -> None:
        self._timer.stop()
        self.sigFinished.emit(result)


def recipe_text(centre: bool, invert: bool) -> str:
    """What the conversion does to a photo of a shirt, in the current language."""
    text = (
        tr(
            "A photo of a shirt on a white table becomes a bright grey shirt on black: the background, "
            "judged from the picture's border, turns black, the picture is cropped to the shirt, its longer "
            "side scaled to 28 pixels with its shape kept, and it is centred in the 28x28 frame."
        )
        if centre
        else tr(
            "A photo of a shirt on a white table becomes a bright grey shirt on black: the background, "
            "judged from the picture's border, turns black, and the whole picture, not cropped, is scaled "
            "so its longer side is 28 pixels, its shape kept, with black bars on the shorter side."
        )
    )
    if invert:
        text += " " + tr("Invert then swaps black and white, for pictures where that guess goes wrong.")
    return text


def _thumbnail(image: np.ndarray, side: int) -> QPixmap:
    """A 28x28 uint8 image as a pixmap of ``side`` pixels, pixels kept square and sharp."""
    pixels = np.ascontiguousarray(image)
    qimage = QImage(pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(side, side, mode=Qt.TransformationMode.FastTransformation)


class OwnImagesPanel(QWidget):
    """Choose a folder of your own images and preview them as the network will see them.

    Signals:
        sigLoaded(object): a :class:`~explainer.data.UserDataset` was read, or None when it was forgotten
            (or the folder was refused).
    """

    sigLoaded = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("own_images")
        self._data: UserDataset | None = None
        self._folder: Path | None = None
        self._worker: FolderReading | None = None
        self._error = ""

        self.choose_button = translated(
            button("choose_own_images", self.choose),
            text=lambda: tr("Your own images…"),
            tip=lambda: tr(
                "Train on a folder with one subfolder of images per class (the subfolder names become "
                "the class names), or on a folder with IDX files"
            ),
        )
        self.forget_button = translated(
            button("forget_own_images", self.forget),
            text=lambda: tr("Forget them"),
            tip=lambda: tr("Train on the data set's own images again"),
        )
        self.invert_check = translated(
            check_box("invert_images", lambda _on: self._options_changed()),
            text=lambda: tr("Invert"),
            tip=lambda: tr("Swap black and white: for pictures whose background the app guesses wrong"),
        )
        self.centre_check = translated(
            check_box("centre_images", lambda _on: self._options_changed(), checked=True),
            text=lambda: tr("Crop and centre"),
            tip=lambda: tr("Crop each picture to its object and centre it; off: scale the whole picture"),
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("own_images_progress")
        self.progress_bar.setVisible(False)
        self.status_label = label("own_images_status", wrap=True)
        self.preview_caption = label("own_images_preview_caption", wrap=True)
        self.recipe_label = label("own_images_recipe", wrap=True)
        self.sizes_label = label("own_images_sizes", wrap=True)
        self.skipped_label = label("own_images_skipped", wrap=True)
        self.preview = QWidget()
        self.preview.setObjectName("own_images_preview")
        self._grid = QGridLayout(self.preview)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(theme.px(4))
        self._grid.setVerticalSpacing(theme.px(4))

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        for widget in (self.choose_button, self.invert_check, self.centre_check, self.forget_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(controls)
        for widget in (
            self.progress_bar,
            self.status_label,
            self.preview_caption,
            self.preview,
            self.sizes_label,
            self.skipped_label,
            self.recipe_label,
        ):
            column.addWidget(widget)
        self.retranslate_ui()

    # ----------------------------------------------------------------- public API
    def data(self) -> UserDataset | None:
        """The images read last, or None."""
        return self._data

    def worker(self) -> FolderReading | None:
        """The reading under way, or None."""
        return self._worker

    def choose(self) -> None:
        """Ask for the folder (one subfolder per class, or IDX files) and read it."""
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Folder with one subfolder of images per class, or with IDX files")
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, folder: Path) -> None:
        """Read ``folder`` between events (a reading under way is stopped first); the preview follows."""
        self.shutdown()
        self._folder = folder
        self._error = ""
        worker = FolderReading(
            folder, invert=self.invert_check.isChecked(), centre=self.centre_check.isChecked(), parent=self
        )
        worker.sigProgress.connect(self._on_progress)
        worker.sigError.connect(self._on_error)
        worker.sigFinished.connect(lambda result, worker=worker: self._on_finished(worker, result))
        self._worker = worker
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.status_label.setText(tr("Reading {folder}…").format(folder=folder))
        self.choose_button.setEnabled(False)
        worker.start()

    def forget(self) -> None:
        """Leave the images read; the Train page trains on the data set again."""
        self.shutdown()
        self._folder = None
        self._error = ""
        self._show(None)
        self.sigLoaded.emit(None)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop a reading under way (at once: it has no thread, so ``timeout_ms`` is never needed); True."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
        return True

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self._show(self._data)

    # ----------------------------------------------------------------- reports
    def _options_changed(self) -> None:
        """Invert or centre changed: read the folder again that way (the preview shows the new inputs)."""
        self._show_recipe()
        if self._folder is not None:
            self.load(self._folder)

    def _on_progress(self, report: tuple[int, int]) -> None:
        done, total = report
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.status_label.setText(tr("Reading image {done:,} of {total:,}…").format(done=done, total=total))

    def _on_error(self, message: str) -> None:
        self._error = message

    def _on_finished(self, worker: FolderReading, result: UserDataset | None) -> None:
        if worker is not self._worker:
            return  # a reading replaced by a newer one
        self._worker = None
        self.progress_bar.setVisible(False)
        self.choose_button.setEnabled(True)
        if result is None and not self._error:
            self._show(self._data)
            return
        self._show(result)
        self.sigLoaded.emit(result)

    # ----------------------------------------------------------------- preview
    def _show(self, data: UserDataset | None) -> None:
        """Show ``data`` (None: the message of a refused folder, or nothing)."""
        self._data = data
        self.forget_button.setEnabled(data is not None or self._folder is not None)
        self._fill_preview(data)
        self._show_recipe()
        role = QPalette.ColorRole.BrightText if data is None else QPalette.ColorRole.WindowText
        self.status_label.setForegroundRole(role)
        if data is None:
            self.status_label.setText(
                tr("Cannot use this folder: {message}").format(message=self._error) if self._error else ""
            )
            self.status_label.setVisible(bool(self._error))
            self.sizes_label.setVisible(False)
            self.skipped_label.setVisible(False)
            return
        counts = " · ".join(
            f"{name} {count:,}" for name, count in zip(data.class_names, data.counts, strict=True)
        )
        self.status_label.setVisible(True)
        self.status_label.setText(
            tr(
                "{images:,} images in {classes} classes from {folder}: {counts}. The last {validation:,} "
                "(a fair share of every class) measure the validation accuracy."
            ).format(
                images=len(data.labels),
                classes=len(data.class_names),
                folder=data.source.name,
                counts=counts,
                validation=data.validation_size,
            )
        )
        self._show_sizes(data)
        self._show_skipped(data)

    def _show_recipe(self) -> None:
        """Say what the conversion does to a photo, under the preview (hidden until there is one)."""
        self.recipe_label.setVisible(self._data is not None)
        self.recipe_label.setText(recipe_text(self.centre_check.isChecked(), self.invert_check.isChecked()))

    def _show_sizes(self, data: UserDataset) -> None:
        """Say that images of different sizes were all scaled (mixed sizes are fine, but not silent)."""
        sizes = sorted(data.sizes, key=lambda size: size[0] * size[1])
        self.sizes_label.setVisible(len(sizes) > 1)
        if len(sizes) > 1:
            (h0, w0), (h1, w1) = sizes[0], sizes[-1]
            self.sizes_label.setText(
                tr(
                    "The images come in {count} sizes, from {small} to {large} pixels; each is scaled to "
                    "fit 28x28, its shape kept."
                ).format(count=len(sizes), small=f"{w0}x{h0}", large=f"{w1}x{h1}")
            )

    def _show_skipped(self, data: UserDataset) -> None:
        """List the files left out and why: the first few here, every one in the tooltip."""
        skipped = data.skipped
        self.skipped_label.setVisible(bool(skipped))
        if not skipped:
            return
        reasons = [translate_error(item.error) for item in skipped]
        lines = [tr("Skipped {count} files that could not be used:").format(count=len(skipped))]
        lines += [f"• {reason}" for reason in reasons[:SKIPPED_SHOWN]]
        if len(skipped) > SKIPPED_SHOWN:
            more = len(skipped) - SKIPPED_SHOWN
            lines.append(tr("… and {count} more (see the tooltip)").format(count=more))
        self.skipped_label.setText("\n".join(lines))
        self.skipped_label.setToolTip("\n".join(reasons))

    def _fill_preview(self, data: UserDataset | None) -> None:
        """A row per class: its name and count, then a few of its images as the network will see them."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.preview.setVisible(data is not None)
        self.preview_caption.setVisible(data is not None)
        if data is None:
            return
        self.preview_caption.setText(
            tr("Before training, the first images of each class as the network will see them (28x28):")
        )
        images, labels = data.preview(PREVIEW_PER_CLASS)
        side = theme.px(THUMBNAIL_PX)
        for row, (name, count) in enumerate(zip(data.class_names, data.counts, strict=True)):
            if row == PREVIEW_CLASSES:
                more = QLabel(tr("… and {count} more classes").format(count=len(data.class_names) - row))
                self._grid.addWidget(more, row, 0, 1, PREVIEW_PER_CLASS + 1)
                break
            caption = QLabel(tr("{name}\n{count:,} images").format(name=name, count=count))
            caption.setObjectName(f"own_class_{row}")
            self._grid.addWidget(caption, row, 0)
            for column, image in enumerate(images[labels == row]):
                thumbnail = QLabel()
                thumbnail.setPixmap(_thumbnail(image, side))
                thumbnail.setFixedSize(side, side)
                self._grid.addWidget(thumbnail, row, column + 1)
        self._grid.setColumnStretch(PREVIEW_PER_CLASS + 1, 1)
