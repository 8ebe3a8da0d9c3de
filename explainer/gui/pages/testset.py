"""The evaluation panel: how the current network does on the 10,000 MNIST test digits.

A worker runs the network over the test set in batches (with progress, Stop honoured between batches)
and fills a confusion matrix (true class per row, predicted class per column, each cell a count) with
the accuracy of every class beside it, and a browser of the misclassified digits, most confident
mistakes first. Clicking a cell shows only its mistakes; clicking a digit opens it in the explainer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explainer.core import Sequential, softmax
from explainer.data import MNIST, Split
from explainer.gui import theme
from explainer.gui.i18n import class_name, shown_class_names, tr, translate_error
from explainer.gui.jobs import StepWorker
from explainer.gui.kit.widgets import button, heading, label, page_column, side_by_side
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.job import JobPage
from explainer.gui.pages.training import DataFolderPicker
from explainer.gui.state import DataSource

EVAL_BATCH = 250
"""Test images per forward pass (and per progress report)."""

THUMB_PX = 56
"""Side of a misclassified-digit thumbnail, before zoom (28 pixels doubled)."""

TestLoader = Callable[[], Split]
"""Returns the test images ``(N, 28, 28)`` uint8 and labels ``(N,)``; called on the worker thread."""


@dataclass(frozen=True)
class EvaluationResult:
    """Predictions of one network on a labelled test set.

    Attributes:
        images: the test digits.
        labels: their true classes.
        predictions: the predicted classes.
        confidence: the probability the network gave its prediction.
        confusion: ``confusion[t, p]`` counts digits of true class t predicted as p.
        class_names: the network's class names, in label order (empty: the labels' numbers).

    Shape:
        images ``(N, 28, 28)`` uint8; labels, predictions ``(N,)`` int64; confidence ``(N,)`` float32;
        confusion ``(K, K)`` int64 summing to N.
    """

    images: np.ndarray
    labels: np.ndarray
    predictions: np.ndarray
    confidence: np.ndarray
    confusion: np.ndarray
    class_names: tuple[str, ...] = ()

    def class_label(self, label: int) -> str:
        """Class ``label`` as the page names it: its class name in the current language, or its number."""
        names = self.class_names
        return class_name(names[label]) if 0 <= label < len(names) else str(int(label))

    @property
    def accuracy(self) -> float:
        """Fraction of digits classified correctly."""
        return float(np.trace(self.confusion)) / max(int(self.confusion.sum()), 1)

    def class_accuracy(self) -> np.ndarray:
        """Per true class, the fraction classified correctly (NaN for a class with no digits).

        Shape:
            returns ``(K,)`` float64.
        """
        totals = self.confusion.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.confusion) / totals, np.nan)

    def mistakes(self, true: int | None = None, predicted: int | None = None) -> np.ndarray:
        """Indices of the misclassified digits, most confident first; optionally one confusion cell only.

        Shape:
            returns ``(M,)`` int64 indices into ``images``.
        """
        wrong = self.predictions != self.labels
        if true is not None:
            wrong &= self.labels == true
        if predicted is not None:
            wrong &= self.predictions == predicted
        indices = np.flatnonzero(wrong)
        return indices[np.argsort(-self.confidence[indices], kind="stable")]


@dataclass(frozen=True)
class EvaluationProgress:
    """Digits done so far, and the finished result on the last report.

    Shape:
        Not applicable.
    """

    done: int
    total: int
    result: EvaluationResult | None = None


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray, n_classes: int) -> np.ndarray:
    """Count digits per (true class, predicted class).

    Shape:
        labels, predictions ``(N,)`` integers in ``[0, n_classes)``; returns ``(n_classes, n_classes)``
        int64 summing to N.
    """
    flat = np.asarray(labels, np.int64) * n_classes + np.asarray(predictions, np.int64)
    return np.bincount(flat, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def evaluate_iter(
    model: Sequential, images: np.ndarray, labels: np.ndarray, batch_size: int = EVAL_BATCH
) -> Iterator[EvaluationProgress]:
    """Classify ``images`` in batches (eval mode), reporting after each; the last report has the result.

    Shape:
        images ``(N, 28, 28)`` uint8 0-255 (or float in [0, 1]); labels ``(N,)`` integers.
    """
    n = len(images)
    predictions = np.zeros(n, np.int64)
    confidence = np.zeros(n, np.float32)
    previous = model.training
    model.eval()
    try:
        for start in range(0, n, batch_size):
            batch = images[start : start + batch_size]
            x = batch.astype(np.float32) / np.float32(255.0) if batch.dtype == np.uint8 else batch
            probs = softmax(model.forward(x.reshape(len(batch), *model.input_shape)))
            predictions[start : start + len(batch)] = probs.argmax(axis=1)
            confidence[start : start + len(batch)] = probs.max(axis=1)
            done = start + len(batch)
            if done < n:
                yield EvaluationProgress(done, n)
    finally:
        model.train(previous)
    labels = np.asarray(labels, np.int64)
    confusion = confusion_matrix(labels, predictions, len(model.class_names))
    names = tuple(str(name) for name in model.class_names)
    result = EvaluationResult(np.asarray(images), labels, predictions, confidence, confusion, names)
    yield EvaluationProgress(n, n, result)


class EvaluationWorker(StepWorker):
    """Runs :func:`evaluate_iter` on a copy of the model on a worker thread.

    Signals:
        sigProgress(int, int): digits done, digits in all.
        sigHeld(), sigError(str), sigFinished(object): see
            :class:`~explainer.gui.jobs.StepWorker`; the payload is the
            :class:`EvaluationResult`, or None when stopped or failed.
    """

    sigProgress = Signal(int, int)

    def __init__(self, model: Sequential, load_test: TestLoader) -> None:
        super().__init__()
        self._source = model
        self._load_test = load_test

    def work(self) -> EvaluationResult | None:
        """Load the test set and classify it; None when stopped or failed (after sigError)."""
        try:
            if self.checkpoint():  # paused or stopped before it began
                return None
            images, labels = self._load_test()
            model = self._source.copy()
            for progress in evaluate_iter(model, images, labels):
                if progress.result is not None:
                    return progress.result
                self.post(self.sigProgress, progress.done, progress.total)
                if self.checkpoint():
                    return None
        except Exception as error:
            # Bad files give a BadInputError naming the file; anything else is reported the same way.
            self.post(self.sigError, translate_error(error))
        return None


class ConfusionMatrixView(QWidget):
    """A K x K heatmap of counts (true class per row, prediction per column) and each class's accuracy.

    Cells are coloured by their share of the row with the theme's sequential map (square-rooted, so a
    handful of mistakes still shows); the diagonal holds the digits classified correctly.

    Signals:
        sigCellClicked(int, int): the true and the predicted class of a clicked cell.
    """

    sigCellClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusion_matrix")
        self.setMinimumSize(theme.px(380), theme.px(340))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._confusion: np.ndarray | None = None
        self._class_names: list[str] = []
        self._selected: tuple[int, int] | None = None
        theme.notifier().sigChanged.connect(self.update)

    def set_confusion(self, confusion: np.ndarray | None, class_names: list[str]) -> None:
        """Show ``confusion`` (None: empty); its axes name the classes ``class_names`` (in the current
        language, see :func:`~explainer.gui.i18n.class_name`).

        Shape:
            confusion ``(K, K)`` integer counts, ``len(class_names) == K``.
        """
        self._confusion = None if confusion is None else np.asarray(confusion, np.int64)
        self._class_names = list(class_names)
        self._selected = None
        self.update()

    def set_selected(self, cell: tuple[int, int] | None) -> None:
        """Outline ``(true, predicted)`` (None: no cell)."""
        self._selected = cell
        self.update()

    def cell_rect(self, true: int, predicted: int) -> QRectF:
        """Where the cell ``(true, predicted)`` is drawn, in widget coordinates."""
        left, top, cell = self._geometry()
        return QRectF(left + predicted * cell, top + true * cell, cell, cell)

    def sizeHint(self) -> QSize:
        return QSize(theme.px(520), theme.px(460))

    def axis_labels(self) -> list[str]:
        """The class names on both axes, as painted (in the current language)."""
        return shown_class_names(self._class_names)

    def _label_extent(self) -> float:
        """The width of the longest class name, in pixels."""
        metrics = QFontMetricsF(theme.font())
        return max((metrics.horizontalAdvance(name) for name in self.axis_labels()), default=0.0)

    def _upright_columns(self) -> bool:
        """Column labels stand upright when they are short (digits); longer names are written upwards."""
        return self._label_extent() <= QFontMetricsF(theme.font()).height() * 1.4

    def _geometry(self) -> tuple[float, float, float]:
        """Left and top of the grid and a cell's side, leaving room for the labels and the accuracy column."""
        k = max(len(self._class_names), 1)
        metrics = QFontMetricsF(theme.font())
        short = metrics.height() * 2.6
        names = metrics.height() * 1.4 + self._label_extent() + theme.px(6)
        left = max(short, names)
        top = short if self._upright_columns() else left
        accuracy = metrics.horizontalAdvance("100.0%") + theme.px(70)
        cell = max(min((self.width() - left - accuracy) / k, (self.height() - top - theme.px(8)) / k), 4.0)
        return left, top, cell

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = theme.current()
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), palette.background)
            confusion = self._confusion
            if confusion is None:
                painter.setPen(palette.muted)
                painter.setFont(theme.font())
                painter.drawText(
                    QRectF(self.rect()),
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    tr("Press Evaluate to classify the test images."),
                )
                return
            k = len(confusion)
            left, top, cell = self._geometry()
            totals = confusion.sum(axis=1)
            shares = confusion / np.maximum(totals, 1)[:, None]
            lut = palette.sequential_lut
            count_font = theme.font(min(1.0, cell / theme.px(34)))
            painter.setFont(count_font)
            for t in range(k):
                for p in range(k):
                    rect = self.cell_rect(t, p)
                    if not confusion[t, p]:
                        painter.fillRect(rect, palette.surface)
                        continue
                    colour = theme.lut_color(lut, math.sqrt(float(shares[t, p])))
                    painter.fillRect(rect, colour)
                    # Light text on dark cells and dark text on light ones, whatever the palette.
                    dark_cell = colour.lightnessF() < 0.5
                    painter.setPen(theme.LIGHT.background if dark_cell else theme.LIGHT.text)
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"{int(confusion[t, p]):,}")
            painter.setPen(QPen(palette.frame, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left, top, k * cell, k * cell))
            if self._selected is not None:
                painter.setPen(QPen(palette.accent, theme.px(3)))
                painter.drawRect(self.cell_rect(*self._selected))

            painter.setFont(theme.font())
            painter.setPen(palette.text)
            metrics = QFontMetricsF(theme.font())
            centred = int(Qt.AlignmentFlag.AlignCenter)
            upright = self._upright_columns()
            extent = self._label_extent()
            row_labels = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for i, name in enumerate(self.axis_labels()):
                if upright:
                    painter.drawText(
                        QRectF(left + i * cell, top - metrics.height() * 1.2, cell, metrics.height()),
                        centred,
                        name,
                    )
                else:
                    # Written upwards, ending just above its column, so long names need no room across.
                    painter.save()
                    painter.translate(QPointF(left + i * cell, top - theme.px(4)))
                    painter.rotate(-90)
                    painter.drawText(
                        QRectF(0, 0, extent + theme.px(2), cell),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                        name,
                    )
                    painter.restore()
                painter.drawText(
                    QRectF(
                        metrics.height() * 1.3,
                        top + i * cell,
                        left - metrics.height() * 1.3 - theme.px(4),
                        cell,
                    ),
                    row_labels,
                    name,
                )
            painter.setPen(palette.muted)
            painter.drawText(
                QRectF(left, 0, k * cell, metrics.height() * 1.2), centred, tr("predicted class")
            )
            painter.save()
            painter.translate(QPointF(metrics.height() * 0.1, top + k * cell / 2))
            painter.rotate(-90)
            painter.drawText(
                QRectF(-k * cell / 2, 0, k * cell, metrics.height() * 1.2), centred, tr("true class")
            )
            painter.restore()

            accuracy_left = left + k * cell + theme.px(12)
            bar_width = theme.px(46)
            painter.setPen(palette.muted)
            painter.drawText(
                QRectF(
                    accuracy_left,
                    top - metrics.height() * 1.2,
                    self.width() - accuracy_left,
                    metrics.height(),
                ),
                int(Qt.AlignmentFlag.AlignLeft),
                tr("right"),
            )
            with np.errstate(invalid="ignore", divide="ignore"):
                accuracy = np.diag(confusion) / totals
            for t in range(k):
                rect = self.cell_rect(t, 0)
                track = QRectF(accuracy_left, rect.center().y() - theme.px(4), bar_width, theme.px(8))
                painter.fillRect(track, palette.surface)
                if totals[t]:
                    filled = QRectF(track.left(), track.top(), bar_width * float(accuracy[t]), track.height())
                    painter.fillRect(filled, palette.accent)
                    painter.setPen(palette.text)
                    painter.drawText(
                        QRectF(track.right() + theme.px(6), rect.top(), self.width(), cell),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                        f"{100.0 * float(accuracy[t]):.1f}%",
                    )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._confusion is None:
            return
        left, top, cell = self._geometry()
        k = len(self._confusion)
        col = math.floor((event.position().x() - left) / cell)
        row = math.floor((event.position().y() - top) / cell)
        if 0 <= row < k and 0 <= col < k:
            self.set_selected((row, col))
            self.sigCellClicked.emit(row, col)


class MistakeListModel(QAbstractListModel):
    """The misclassified digits as list items: a thumbnail made on first display, and "true → predicted".

    Shape:
        Holds indices ``(M,)`` into the result's ``images (N, 28, 28)``.
    """

    def __init__(self) -> None:
        super().__init__()
        self._result: EvaluationResult | None = None
        self._indices = np.zeros(0, np.int64)
        self._icons: dict[int, QPixmap] = {}
        self.thumb = THUMB_PX

    def set_mistakes(self, result: EvaluationResult | None, indices: np.ndarray) -> None:
        """Show the digits ``result.images[indices]``."""
        self.beginResetModel()
        self._result = result
        self._indices = np.asarray(indices, np.int64)
        self._icons.clear()
        self.endResetModel()

    def indices(self) -> np.ndarray:
        """The test-set indices shown, in list order.

        Shape:
            ``(M,)`` int64.
        """
        return self._indices

    def index_of(self, row: int) -> int:
        """The test-set index of list row ``row``."""
        return int(self._indices[row])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._indices)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        result = self._result
        if result is None or not index.isValid():
            return None
        i = int(self._indices[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            true, predicted = (result.class_label(int(a[i])) for a in (result.labels, result.predictions))
            return f"{true} → {predicted}"
        if role == Qt.ItemDataRole.DecorationRole:
            if i not in self._icons:
                image = np.ascontiguousarray(result.images[i], np.uint8)
                qimage = QImage(image.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
                self._icons[i] = QPixmap.fromImage(qimage).scaled(
                    self.thumb,
                    self.thumb,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            return self._icons[i]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(
                "Test image #{index}: truly {label}, the network said {predicted} ({confidence:.0%} sure). "
                "Click to open it in the explainer."
            ).format(
                index=i,
                label=result.class_label(int(result.labels[i])),
                predicted=result.class_label(int(result.predictions[i])),
                confidence=float(result.confidence[i]),
            )
        return None


class EvaluationView(JobPage):
    """Evaluate the current network on the MNIST test set: confusion matrix, per-class accuracy, mistakes.

    Signals:
        sigOpenDigit(object, int): a misclassified digit was clicked: image ``(28, 28)`` float32 in
            [0, 1] (ink bright on dark) and its true label.
        sigFinished(object): an evaluation ended; the :class:`EvaluationResult` or None (stopped, failed).
    """

    sigOpenDigit = Signal(object, int)
    sigFinished = Signal(object)

    def __init__(
        self, model: Sequential | None = None, data: DataSource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(data, parent)
        self.setObjectName("evaluation")
        self._model = model
        self._result: EvaluationResult | None = None
        self._failed = False
        self._build_widgets()
        self.retranslate_ui()
        self._set_running(False)

    # ----------------------------------------------------------------- public API
    def set_model(self, model: Sequential | None) -> None:
        """Evaluate ``model`` next; results of an earlier network stay, marked as such."""
        changed = model is not self._model
        self._model = model
        if changed and self._result is not None:
            self._show_status(
                tr("These results are for the previous network. Press Evaluate to update them.")
            )
        self.evaluate_button.setEnabled(self._worker is None and model is not None)

    def set_data_source(self, data: DataSource) -> None:
        """Evaluate on the test set of ``data``, read from its folder."""
        self._data = data
        self.data_picker.set_source(data)
        self.retranslate_ui()  # the hint names the data set

    def set_data_loader(self, loader: TestLoader | None) -> None:
        """Evaluate on ``loader()``'s ``(images, labels)`` instead of the data source's test set (None: its
        test set again)."""
        super().set_data_loader(loader)
        self.data_picker.setEnabled(loader is None)

    def result(self) -> EvaluationResult | None:
        """The last finished evaluation, or None."""
        return self._result

    def evaluate(self) -> bool:
        """Start evaluating the current model; False (with the reason shown) when it cannot start."""
        if self._worker is not None or self._model is None:
            return False
        loader = self._job_data(self._data.test_loader())
        if loader is None:
            return False
        self._failed = False
        self._start(
            EvaluationWorker(self._model, loader),
            tr("loading the test set…"),
            tr("Classifying the test images…"),
        )
        self._set_running(True)
        return True

    def stop(self) -> None:
        """Stop the evaluation after the current batch."""
        if self._worker is not None:
            self._worker.stop()

    def show_cell(self, true: int | None, predicted: int | None) -> None:
        """List the mistakes of one confusion cell (both None: every mistake)."""
        result = self._result
        if result is None:
            return
        cell = None if true is None or predicted is None else (true, predicted)
        self.matrix.set_selected(cell)
        indices = result.mistakes(true, predicted)
        self.mistakes_model.set_mistakes(result, indices)
        if cell is None:
            text = tr("Misclassified: {count:,}, the most confident mistakes first").format(
                count=len(indices)
            )
        elif true == predicted:
            text = tr("Class {label} classified correctly: {count:,} (only mistakes are listed)").format(
                count=int(result.confusion[true, predicted]), label=result.class_label(true)
            )
        else:
            text = tr("True class {label}, predicted {predicted}: {count:,}").format(
                count=len(indices), label=result.class_label(true), predicted=result.class_label(predicted)
            )
        self.mistakes_label.setText(text)
        self.all_button.setEnabled(cell is not None)

    def open_mistake(self, row: int) -> None:
        """Emit ``sigOpenDigit`` for row ``row`` of the mistakes list."""
        result = self._result
        if result is None:
            return
        i = self.mistakes_model.index_of(row)
        image = result.images[i]
        pixels = (
            image.astype(np.float32) / np.float32(255.0)
            if image.dtype == np.uint8
            else image.astype(np.float32)
        )
        self.sigOpenDigit.emit(pixels, int(result.labels[i]))

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        show_header(self, self.heading)
        self.hint.setText(
            tr(
                "Classify the 10,000 MNIST test digits, which the network never saw while training. Each row "
                "of the matrix is a true class, each column the class the network chose. Click a cell to "
                "see its digits, and a digit to open it in the explainer."
            )
            if self._data is None or self._data.dataset.name == MNIST.name
            else tr(
                "Classify the test images of {name}, which the network never saw while training. Each row "
                "of the matrix is a true class, each column the class the network chose. Click a cell to "
                "see its images, and an image to open it in the explainer."
            ).format(name=self._data.dataset.name)
        )
        self.data_picker.retranslate_ui()
        self.evaluate_button.setText(tr("Evaluate"))
        self.evaluate_button.setToolTip(tr("Classify every test image with the current network"))
        self.stop_button.setText(tr("Stop"))
        self.all_button.setText(tr("All mistakes"))
        self.all_button.setToolTip(tr("List every misclassified image again"))
        self.matrix.update()

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        self.heading = heading()
        self.hint = label(wrap=True)
        self.data_picker = DataFolderPicker(self._data)
        self.evaluate_button = button("evaluate", self.evaluate)
        self.stop_button = button("stop_evaluation", self.stop)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("evaluation_progress")
        buttons = side_by_side(self.evaluate_button, self.stop_button, self.progress_bar, stretch=-1)
        self.summary_label = label("evaluation_summary")
        summary_font = QFont()
        summary_font.setBold(True)
        self.summary_label.setFont(summary_font)
        self.status_label = label(wrap=True)

        self.matrix = ConfusionMatrixView()
        self.matrix.sigCellClicked.connect(self.show_cell)
        self.mistakes_model = MistakeListModel()
        self.mistakes_view = QListView()
        self.mistakes_view.setObjectName("mistakes")
        self.mistakes_view.setModel(self.mistakes_model)
        self.mistakes_view.setViewMode(QListView.ViewMode.IconMode)
        self.mistakes_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.mistakes_view.setMovement(QListView.Movement.Static)
        self.mistakes_view.setUniformItemSizes(True)
        # Class names longer than a digit wrap onto a second line under the thumbnail.
        self.mistakes_view.setWordWrap(True)
        self.mistakes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mistakes_view.clicked.connect(lambda index: self.open_mistake(index.row()))
        self.mistakes_view.activated.connect(lambda index: self.open_mistake(index.row()))
        self.mistakes_label = label(wrap=True)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(lambda: self.show_cell(None, None))
        theme.follow(self._apply_thumb_size)

        mistakes_header = side_by_side(self.mistakes_label, self.all_button)
        mistakes_column = QVBoxLayout()
        mistakes_column.addLayout(mistakes_header)
        mistakes_column.addWidget(self.mistakes_view, 1)
        results = QHBoxLayout()
        results.addWidget(self.matrix, 3)
        results.addLayout(mistakes_column, 2)

        parts = (self.heading, self.hint, self.data_picker, buttons, self.summary_label, self.status_label)
        page_column(self, *parts, results)

    def _apply_thumb_size(self) -> None:
        side = theme.px(THUMB_PX)
        self.mistakes_model.thumb = side
        self.mistakes_view.setIconSize(QSize(side, side))
        metrics = self.fontMetrics()
        result = self._result
        names = [result.class_label(k) for k in range(len(result.confusion))] if result is not None else []
        longest = max((metrics.horizontalAdvance(f"{name} →") for name in names), default=0)
        lines = 2 if any(len(name) > 2 for name in names) else 1
        self.mistakes_view.setGridSize(
            QSize(
                max(side + theme.px(14), longest + theme.px(22)),
                side + lines * metrics.height() + theme.px(10),
            )
        )
        self.mistakes_model.set_mistakes(self._result, self.mistakes_model.indices())

    # ----------------------------------------------------------------- worker reports
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(round(1000 * done / max(total, 1)))
        self.progress_bar.setFormat(tr("{done:,} of {total:,} images").format(done=done, total=total))

    def _failure_text(self) -> str:
        return tr("Evaluation failed: {message}")

    def _on_error(self, message: str) -> None:
        self._failed = True
        super()._on_error(message)

    def _on_finished(self, result: EvaluationResult | None) -> None:
        self._set_running(False)
        if result is not None:
            self._result = result
            n = len(result.labels)
            self.progress_bar.setValue(1000)
            self.progress_bar.setFormat(tr("{total:,} images").format(total=n))
            wrong = n - int(np.trace(result.confusion))
            self.summary_label.setText(
                tr("{accuracy:.2%} right: {right:,} of {total:,} test images, {wrong:,} wrong").format(
                    accuracy=result.accuracy, right=n - wrong, total=n, wrong=wrong
                )
            )
            self._show_status("")
            names = result.class_names or tuple(str(i) for i in range(len(result.confusion)))
            self.matrix.set_confusion(result.confusion, list(names))
            self._apply_thumb_size()  # room for the class names under the thumbnails
            self.show_cell(None, None)
        elif not self._failed:
            self._show_status(tr("Stopped; the results shown are from before."))
        self.sigFinished.emit(result)

    def _set_running(self, running: bool) -> None:
        self.evaluate_button.setEnabled(not running and self._model is not None)
        self.stop_button.setEnabled(running)
        self.data_picker.setEnabled(not running and self._loader is None)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the status line, which hides while it has nothing to say."""
        super()._show_status(text, error=error)
        self.status_label.setVisible(bool(text))


if __name__ == "__main__":
    run_page(EvaluationView)
