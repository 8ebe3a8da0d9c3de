"""Editing one kernel weight by hand: pick a weight (click it in a lane's kernel) and set its value.

The view only asks for the edit (``sigEdited``); the window makes the new model through its normal model
path, so the change spreads through every later layer and compare mode (P) shows where.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from explainer.gui.i18n import tr
from explainer.gui.state import signals_blocked

WEIGHT_LIMIT = 5.0
"""The spin box spans ±this; the bundled model's weights lie within ±1.5."""


class WeightEditor(QWidget):
    """A label naming the chosen weight and a spin box holding its value (objectName "kernel_weight").

    Signals:
        sigEdited(in_channel, row, col, value): the student set the chosen weight to ``value``.
    """

    sigEdited = Signal(int, int, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weight_editor")
        self.text = QLabel()
        self.box = QDoubleSpinBox()
        self.box.setObjectName("kernel_weight")
        self.box.setDecimals(3)
        self.box.setRange(-WEIGHT_LIMIT, WEIGHT_LIMIT)
        self.box.setSingleStep(0.05)
        self.box.setKeyboardTracking(False)  # one new model per finished value, not per typed digit
        self.box.valueChanged.connect(self._edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.box)
        self._chosen = (0, 0, 0)
        self.retranslate_ui()

    def chosen(self) -> tuple[int, int, int]:
        """(input channel, row, col) of the weight being edited."""
        return self._chosen

    def show_weight(self, in_channel: int, row: int, col: int, value: float) -> None:
        """Edit weight (row, col) of input channel ``in_channel``'s kernel slice, whose value is ``value``."""
        self._chosen = (int(in_channel), int(row), int(col))
        with signals_blocked(self.box):
            self.box.setValue(float(value))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Name the chosen weight in the current language."""
        c, r, k = self._chosen
        self.text.setText(tr("Edit weight w[{c}][{r},{k}]:").format(c=c, r=r, k=k))
        self.box.setToolTip(
            tr(
                "Set this kernel weight by hand (click a weight in a kernel to choose it). The window uses "
                "the edited model, so the change spreads through every later layer; P pins the maps first "
                "to see where. Model → Restore bundled model undoes it."
            )
        )

    def _edited(self, value: float) -> None:
        self.sigEdited.emit(*self._chosen, float(value))
