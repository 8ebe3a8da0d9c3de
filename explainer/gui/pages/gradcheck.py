"""Gradient check in the app: back-propagation against central differences, for pixels and weights you pick.

Click pixels of the digit, or add a few weights of a layer; each row of the table compares dL/dθ of the
trace the views show (``model.trace`` in the model's own dtype, float32 as loaded) with
``(L(θ + ε) − L(θ − ε)) / 2ε`` of the same weights in float64, computed by
:func:`explainer.core.passes.gradient_check`, and shows the relative error. Where the loss has a corner
inside ±ε (a ReLU input at 0, a max-pool tie) the two one-sided slopes differ and the row says so.

Run alone: ``python -m explainer.gui.pages.gradcheck``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explainer.core.network import Sequential
from explainer.core.passes import CHECK_EPS, GradCheck, gradient_check
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr, translate_error
from explainer.gui.kit.mapboard import MapBoard, Panel, fmt
from explainer.gui.kit.widgets import (
    TitleLabel,
    button,
    check_box,
    choice_box,
    column,
    label,
    page_column,
    set_items,
    side_by_side,
    translated,
)
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.digit import DigitPage

EPSILONS = (1e-3, 1e-4, 1e-5, 1e-6, 1e-7)
"""Difference steps offered; too large and the secant misses curvature, too small and rounding wins."""

GOOD_ERROR = {np.dtype(np.float64): 1e-6, np.dtype(np.float32): 1e-4}
"""Relative errors below this are agreement to the precision of the checked trace's dtype (green).

Measured on the bundled model (float32), 710 measurable entries of 25 gallery digits against float64
central differences: median 2.2e-6, 99th percentile 1.4e-5, largest 8.8e-5 (there the difference quotient
itself only resolves ~1e-4).
"""

FAIR_ERROR = 1e-3
"""Relative errors below this are agreement with some rounding or curvature (amber); above: red."""

TIE_NOISE = 1e-3
"""Amplitude of the uniform noise that breaks the exact ties of a black background (pixel units)."""

WEIGHTS_PER_CLICK = 4
"""How many random weights "Add weights" picks."""


def good_error(dtype: np.dtype) -> float:
    """The relative error below which backprop in ``dtype`` agrees to that dtype's precision."""
    return GOOD_ERROR.get(np.dtype(dtype), GOOD_ERROR[np.dtype(np.float32)])


def error_colour(error: float, dtype: np.typing.DTypeLike = np.float64) -> QColor:
    """Green, amber or red for a relative error of backprop computed in ``dtype``."""
    if error < good_error(dtype):
        return QColor("#2f9e44")
    if error < FAIR_ERROR:
        return QColor("#f08c00")
    return QColor("#e03131")


def describe(entry: tuple, model: Sequential) -> str:
    """A readable name for a checked entry: "pixel (5, 12)" or "conv2.W[3, 1, 0, 2]"."""
    if entry[0] == "input":
        return tr("pixel ({i}, {j})").format(i=entry[1][0], j=entry[1][1])
    index = ", ".join(str(i) for i in np.atleast_1d(entry[2]))
    return f"{model.layers[entry[0]].name}.{entry[1]}[{index}]"


class GradCheckView(FollowsLanguage, DigitPage):
    """Backprop against central differences for chosen pixels and weights (objectName "gradcheck").

    Signals:
        sigChecked(): the table was recomputed.

    Shape:
        the digit ``x`` is ``(H, W)`` raw pixels in [0, 1].
    """

    sigChecked = Signal()

    COLUMNS = ("entry", "backprop", "numeric", "error", "note")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradcheck")
        self._entries: list[tuple] = []
        self.results: list[GradCheck] = []
        self._rng = np.random.default_rng(0)

        self.title = TitleLabel("title")
        self.label_text = translated(QLabel(), text=lambda: tr("Label"))
        self.label_box = translated(
            choice_box("label", self.check), tip=lambda: tr("The class the loss L is computed against")
        )
        self.eps_text = translated(QLabel(), text=lambda: tr("ε"))
        self.eps_box = translated(
            choice_box("eps", items=[f"{eps:.0e}" for eps in EPSILONS]),
            tip=lambda: tr("How far each number is nudged"),
        )
        self.eps_box.setCurrentIndex(EPSILONS.index(CHECK_EPS))
        self.eps_box.currentIndexChanged.connect(self.check)
        # Off: the table checks exactly the numbers the views show.
        self.noise = translated(
            check_box("tie_noise", self.check),
            text=lambda: tr("Break ties"),
            tip=lambda: tr("Check on the input plus ±0.001 of fixed noise, so max-pool windows do not tie"),
        )
        top = side_by_side(
            self.title, self.label_text, self.label_box, self.eps_text, self.eps_box, self.noise
        )

        self.board = MapBoard()
        self.board.sigCellClicked.connect(self._clicked)
        self.layer_box = translated(
            choice_box("weight_layer"), tip=lambda: tr("Layer whose weights “Add weights” picks from")
        )
        self.add_button = translated(
            button("add_weights", self.add_random_weights),
            text=lambda: tr("Add weights"),
            tip=lambda: tr("Check a few random weights of the chosen layer"),
        )
        self.clear_button = translated(button("clear", self.clear), text=lambda: tr("Clear"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.layer_box)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.clear_button)
        left = column(self.board, buttons)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.text = label("explanation", wrap=True, rich=True)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.text)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        page_column(self, top, body)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    # ---- public API

    def set_problem(self, model: Sequential | None, x: np.ndarray | None, label: int | None = None) -> None:
        """Check gradients of ``model`` on digit ``x`` against ``label`` (None: the predicted class).

        Starts with the three pixels of largest |dL/dx| on the stroke and a few weights of the first layer.

        Shape:
            x: ``(H, W)`` raw pixels in [0, 1].
        """
        self._model = model
        self._x = None if x is None or model is None else np.asarray(x, np.float32)
        self._entries = []
        for combo, items in (
            (self.label_box, [] if model is None else shown_class_names(model.class_names)),
            (
                self.layer_box,
                [] if model is None else [layer.name or "" for layer in model.layers if layer.params],
            ),
        ):
            set_items(combo, items, 0)
        batch = self.batch()
        if batch is not None:
            predicted = int(model.predict_proba(batch)[0].argmax())
            self.label_box.blockSignals(True)
            self.label_box.setCurrentIndex(predicted if label is None else int(label))
            self.label_box.blockSignals(False)
            saliency = np.abs(model.trace(batch, [self.label_box.currentIndex()]).input_grad[0, 0])
            saliency = np.where(batch[0, 0] > 0.5, saliency, -1.0)
            for flat in np.argsort(saliency.reshape(-1))[::-1][:3]:
                i, j = np.unravel_index(int(flat), saliency.shape)
                self._entries.append(("input", (int(i), int(j))))
            self.add_random_weights(check=False)
        self._show_digit()
        self.check()

    def entries(self) -> list[tuple]:
        """What is checked: ``("input", (i, j))`` or ``(layer_index, key, index)`` entries."""
        return list(self._entries)

    def add_entries(self, entries: list[tuple]) -> None:
        """Check these entries too (see :func:`explainer.core.passes.gradient_check`)."""
        self._entries.extend(entries)
        self._show_digit()
        self.check()

    def add_random_weights(self, check: bool = True) -> None:
        """Add a few random weights of the layer chosen in the combo box."""
        if self._model is None or self.layer_box.currentIndex() < 0:
            return
        layers = [i for i, layer in enumerate(self._model.layers) if layer.params]
        index = layers[self.layer_box.currentIndex()]
        weights = self._model.layers[index].params["W"]
        for _ in range(WEIGHTS_PER_CLICK):
            position = tuple(int(self._rng.integers(n)) for n in weights.shape)
            self._entries.append((index, "W", position))
        if check:
            self.check()

    def clear(self) -> None:
        """Remove every entry."""
        self._entries = []
        self._show_digit()
        self.check()

    def eps(self) -> float:
        """The difference step ε in use."""
        return EPSILONS[self.eps_box.currentIndex()]

    def checked_input(self) -> np.ndarray | None:
        """What the check runs on: the digit, plus ±``TIE_NOISE`` fixed noise when "break ties" is on.

        Shape:
            ``(1, C, H, W)`` float64.
        """
        batch = self.batch()
        if batch is None:
            return None
        x = batch.astype(np.float64)
        if self.noise.isChecked():
            x = x + np.random.default_rng(0).uniform(-TIE_NOISE, TIE_NOISE, x.shape)
        return x

    def check(self) -> None:
        """Recompute every row of the table."""
        x = self.checked_input()
        self.results = []
        if x is not None and self._entries and self.label_box.currentIndex() >= 0:
            try:
                self.results = gradient_check(
                    self._model, x, self.label_box.currentIndex(), self._entries, self.eps()
                )
            except BadInputError as error:
                self.text.setText(translate_error(error))
        self._fill_table()
        self.sigChecked.emit()

    # ---- showing

    def _clicked(self, panel: int, row: int, col: int) -> None:
        self.add_entries([("input", (row, col))])

    def _show_digit(self) -> None:
        if self._x is None:
            self.board.set_panels([])
            return
        image = self._x.reshape(self._x.shape[-2:]).astype(np.float64)
        marks = np.zeros(image.shape, bool)
        for entry in self._entries:
            if entry[0] == "input":
                marks[entry[1]] = True
        self.board.set_panels(
            [
                Panel(
                    tr("click pixels to check them"),
                    image,
                    levels=(0.0, 1.0),
                    lut=theme.GREY_LUT,
                    numbers=False,
                    marks=marks,
                    colorbar=False,
                    caption=tr("outlined: pixels in the table"),
                ),
            ]
        )

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.results))
        for row, result in enumerate(self.results):
            note = (
                tr("corner: slopes {l} | {r}").format(l=fmt(result.slope_left), r=fmt(result.slope_right))
                if result.kink
                else ""
            )
            cells = (
                describe(result.which, self._model),
                fmt(result.backprop, 8),
                fmt(result.numeric, 8),
                f"{result.rel_error:.1e}",
                note,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 3:
                    item.setForeground(error_colour(result.rel_error, self._model.dtype))
                self.table.setItem(row, col, item)
        worst = max((r.rel_error for r in self.results if not r.kink), default=None)
        summary = (
            tr("Largest relative error away from corners: <b>{e}</b>").format(e=f"{worst:.1e}")
            if worst is not None
            else ""
        )
        self.text.setText(summary + self._explanation())

    def _explanation(self) -> str:
        dtype = np.dtype(np.float32) if self._model is None else self._model.dtype
        return tr(
            "<p>Back-propagation gives every dL/dθ in one backward pass. The backprop column is the trace "
            "every view shows, computed in {dtype}. The check nudges one number θ by ±ε and measures the "
            "loss of the same weights in float64: <i>(L(θ+ε) − L(θ−ε)) / 2ε</i>, so rounding stays far "
            "below the difference. Relative error = |backprop − numeric| / max(|backprop|, |numeric|); "
            "below {good} the shown numbers are right to the precision of {dtype}.</p>"
        ).format(dtype=dtype.name, good=f"{good_error(dtype):.0e}") + tr(
            "<p>A <b>corner</b> means a ReLU input or a max-pool tie sits within ±ε: the slope differs on "
            "the two sides, the derivative does not exist there, and backprop takes one side. A black "
            "background makes every pooling window there an exact tie, so nudging a pixel beside the "
            "stroke may break one; “break ties” checks the input plus ±0.001 of fixed noise instead, so "
            "that the derivative exists (that input is then not quite the one the views show).</p>"
        )

    # ---- texts and theme

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title)
        self.table.setHorizontalHeaderLabels(
            [tr("number θ"), tr("backprop dL/dθ"), tr("central difference"), tr("relative error"), tr("note")]
        )
        self._show_digit()
        self._fill_table()

    def _apply_theme(self) -> None:
        self.table.setFont(theme.font(1.0, mono=True))


if __name__ == "__main__":
    run_page(GradCheckView)
