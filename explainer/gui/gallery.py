"""A gallery of sample digits (the data set's bundled test digits); picking one loads it into the canvas."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from explainer.gui.i18n import FollowsLanguage, class_name, tr


class SampleGallery(FollowsLanguage, QListWidget):
    """Thumbnails of sample digits with their true labels; a click or Enter picks one.

    Signals:
        sigDigitChosen(image, label): ``image (28, 28)`` uint8, ``label`` the true class index.
    """

    sigDigitChosen = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._images = np.zeros((0, 28, 28), np.uint8)
        self._labels = np.zeros(0, np.int64)
        self._class_names: list[str] | None = None
        self._thumb = 36
        self.itemClicked.connect(self._pick)
        self.retranslate_ui()

    def set_samples(
        self, images: np.ndarray, labels: np.ndarray, class_names: Sequence[str] | None = None
    ) -> None:
        """Show ``images`` with their ``labels``; tooltips name the class (``class_names``, else the label).

        Shape:
            ``images (N, 28, 28)`` uint8, ``labels (N,)`` integers.
        """
        self._images = np.ascontiguousarray(images, np.uint8)
        self._labels = np.asarray(labels, np.int64)
        self._class_names = None if class_names is None else [str(name) for name in class_names]
        self._rebuild()

    def set_thumbnail_size(self, side: int) -> None:
        """Draw thumbnails ``side`` logical pixels wide (zoom)."""
        self._thumb = int(side)
        self._rebuild()

    def count_samples(self) -> int:
        """How many digits the gallery shows."""
        return len(self._labels)

    def choose(self, index: int) -> None:
        """Pick sample ``index`` as if it was clicked."""
        self.setCurrentRow(index)
        self.sigDigitChosen.emit(self._images[index].copy(), int(self._labels[index]))

    def chosen(self) -> int | None:
        """The row of the highlighted sample, or None when none is."""
        rows = self.selectedIndexes()
        return rows[0].row() if rows else None

    def forget_choice(self) -> None:
        """Highlight no sample: the canvas shows something else now."""
        self.clearSelection()
        self.setCurrentRow(-1)

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.setToolTip(
            tr(
                "Images from the data set's test set, which the network never saw in training. "
                "Click one to load it."
            )
        )
        for row in range(self.count()):
            self.item(row).setToolTip(self._item_tooltip(row))
            self.item(row).setText(self._tile_text(int(self._labels[row])))
        self._fit_grid()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space picks the current thumbnail."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentRow() >= 0:
            self.choose(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)

    def _pick(self, item: QListWidgetItem) -> None:
        """Emit the clicked digit."""
        self.choose(self.row(item))

    def _item_tooltip(self, row: int) -> str:
        """The tooltip of thumbnail ``row``."""
        label = int(self._labels[row])
        names = self._class_names
        name = class_name(names[label]) if names is not None and label < len(names) else label
        return tr("Test image #{index}, true label {label}. Click to load it.").format(index=row, label=name)

    def _tile_text(self, label: int) -> str:
        """The text under a thumbnail: its class name in the current language (a digit's is the digit)."""
        names = self._class_names
        return class_name(names[label]) if names is not None and label < len(names) else str(label)

    def _fit_grid(self) -> None:
        """Tiles as wide as a thumbnail, or as the longest class name under one."""
        side = self._thumb
        labels = range(int(self._labels.max()) + 1) if self.count_samples() else range(0)
        longest = max((self.fontMetrics().horizontalAdvance(self._tile_text(k)) for k in labels), default=0)
        grid = QSize(max(side + 10, longest + 18), side + self.fontMetrics().height() + 8)
        self.setGridSize(grid)
        # Each tile as wide as its grid cell: left to the style, a CJK name was cut to the icon's width.
        tile = QSize(grid.width() - 4, grid.height() - 4)
        for row in range(self.count()):
            self.item(row).setSizeHint(tile)

    def _rebuild(self) -> None:
        """Recreate the thumbnails at the current size."""
        self.clear()
        side = self._thumb
        self.setIconSize(QSize(side, side))
        for row, (image, label) in enumerate(zip(self._images, self._labels, strict=True)):
            qimage = QImage(image.data, 28, 28, 28, QImage.Format.Format_Grayscale8)
            pixmap = QPixmap.fromImage(qimage).scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            icon = QIcon(pixmap)
            # The same pixmap when selected: the default tints the digit with the highlight colour.
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
            item = QListWidgetItem(icon, self._tile_text(int(label)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setToolTip(self._item_tooltip(row))
            self.addItem(item)
        self._fit_grid()
