"""Backward mode's target chooser: the loss against a true label, or the score of one class."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit.widgets import choice_box
from explainer.gui.state import Target, signals_blocked

KINDS = ("label", "class")
"""The target kinds, in the order of the kind combo box."""


class TargetBar(FollowsLanguage, QWidget):
    """The toolbar's "Gradient of [the loss for the true label | the score of one class] [predicted | 0…9]".

    The class combo box starts with "predicted", which follows the network's answer for each new drawing;
    typing a digit while it has the focus picks that class.

    Signals:
        sigTargetChanged(target): the user chose another ``Target``.
    """

    sigTargetChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_bar")
        self.kind_label = QLabel()
        self.kind_combo = choice_box("target_kind", self._changed, ["", ""])
        self.class_label = QLabel()
        self.class_combo = choice_box("target_class", self._changed, [""])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind_label, self.kind_combo, self.class_label, self.class_combo):
            layout.addWidget(widget)
        self.retranslate_ui()

    def set_class_names(self, names: list[str]) -> None:
        """Offer ``names`` (the model's classes) after "predicted"; keeps the choice when it still exists."""
        current = self.target()
        with signals_blocked(self.class_combo):
            while self.class_combo.count() > 1:
                self.class_combo.removeItem(1)
            self.class_combo.addItems([str(name) for name in names])
            keep = current.cls is not None and current.cls < len(names)
            self.class_combo.setCurrentIndex(current.cls + 1 if keep else 0)  # type: ignore[operator]

    def target(self) -> Target:
        """The target the widgets show."""
        index = self.class_combo.currentIndex()
        return Target(KINDS[max(self.kind_combo.currentIndex(), 0)], index - 1 if index > 0 else None)

    def set_target(self, target: Target) -> None:
        """Show ``target`` without announcing it (the caller already knows)."""
        with signals_blocked(self.kind_combo), signals_blocked(self.class_combo):
            self.kind_combo.setCurrentIndex(KINDS.index(target.kind))
            in_range = target.cls is not None and 0 <= target.cls < self.class_combo.count() - 1
            self.class_combo.setCurrentIndex(target.cls + 1 if in_range else 0)  # type: ignore[operator]
        self._label_class()

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self.kind_label.setText(tr("Gradient of"))
        self.kind_combo.setItemText(0, tr("the loss for the true label"))
        self.kind_combo.setItemText(1, tr("the score of one class"))
        self.kind_combo.setToolTip(
            tr(
                "Loss: how every value should change so the network is less wrong about the true label. "
                "Score: what makes the network say this class, whatever the true label is."
            )
        )
        self.class_combo.setItemText(0, tr("predicted"))
        self.class_combo.setToolTip(
            tr('Pick a class or type its name; "predicted" follows what the network answers')
        )
        self._label_class()

    def _label_class(self) -> None:
        """Name the class combo box after what it means for the chosen kind."""
        self.class_label.setText(tr("true label y:") if self.target().kind == "label" else tr("class k:"))

    def _changed(self) -> None:
        """Relabel and announce the new target."""
        self._label_class()
        self.sigTargetChanged.emit(self.target())
