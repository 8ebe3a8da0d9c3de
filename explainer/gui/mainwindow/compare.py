"""Compare mode: pin the trace on screen (P), change anything, and the overview shows now − pinned.

Every later change (a stroke, Clear and a new drawing, another gallery digit, a Learn step, a trained or
edited model of the same architecture) is shown against the pinned trace; the toggle (D) switches between
the difference and the maps now, and Esc unpins (before it clears or leaves the present layout). The
pinned trace is traced again against the current target when Backward mode needs its gradients, so the
difference of dL/da is taken for the same target.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from explainer.core import Sequential, Trace
from explainer.gui.i18n import tr
from explainer.gui.state import same_architecture


class CompareMode:
    """Mixin of ``MainWindow``: the pin, difference and unpin actions and the pinned trace."""

    def _build_compare_actions(self) -> None:
        """P pins, D toggles difference / now, Esc unpins (only while pinned)."""
        self._pinned: tuple[Sequential, np.ndarray, Trace] | None = None
        self.pin_action = self._action(
            "compare_pin",
            Qt.Key.Key_P,
            self.pin_trace,
            lambda: tr("&Pin to compare"),
            lambda: tr("Pin the maps now; every change then shows as the difference from them (Esc unpins)"),
        )
        self.difference_action = self._action(
            "compare_difference",
            Qt.Key.Key_D,
            self.set_difference_shown,
            lambda: tr("Show the &difference from the pinned maps"),
            lambda: tr("While pinned: the change since pinning (on) or the maps now (off)"),
            checkable=True,
        )
        self.difference_action.setChecked(True)
        self.unpin_action = self._action(
            "compare_unpin",
            "",
            self.unpin_trace,
            lambda: tr("&Unpin"),
            lambda: tr("Stop comparing with the pinned maps"),
        )
        self.state.sigTraceChanged.connect(self._compare_follow)
        self.state.sigModelChanged.connect(self._compare_model_changed)
        self._show_pinned()

    # ---- public API

    def pin_trace(self) -> bool:
        """Pin the trace on screen (again, if one is pinned); False when there is nothing to pin."""
        trace = self.state.trace
        if trace is None or self.state.input is None:
            self.statusBar().showMessage(tr("Draw something first: there is nothing to pin."), 5000)
            return False
        batch = self.state.input.reshape(1, *self.state.model.input_shape)
        self._pinned = (self.state.model, batch, trace)
        self.overview.set_reference(trace)
        self._show_pinned()
        self.statusBar().showMessage(
            tr("Pinned. Change anything: the maps show the difference. D: difference / now, Esc: unpin."),
            8000,
        )
        return True

    def unpin_trace(self) -> None:
        """Stop comparing."""
        self._pinned = None
        self.overview.set_reference(None)
        self._show_pinned()

    def pinned_trace(self) -> Trace | None:
        """The trace the overview compares with (traced against the current target), or None."""
        return self.overview.reference()

    def set_difference_shown(self, shown: bool) -> None:
        """While pinned: the difference from the pinned maps (True) or the maps now (False)."""
        self.difference_action.setChecked(bool(shown))
        self.overview.set_difference_shown(bool(shown))
        self._show_quantity_hint()

    # ---- following the state

    def _compare_follow(self, trace: Trace | None) -> None:
        """Keep the pinned trace's target the same as the one traced now (its gradients are compared)."""
        if self._pinned is None or trace is None:
            return
        model, batch, pinned = self._pinned
        same = (trace.target is None and pinned.target is None) or (
            trace.target is not None
            and pinned.target is not None
            and np.array_equal(np.asarray(trace.target), np.asarray(pinned.target))
        )
        if not same:
            pinned = model.trace(batch, None if trace.target is None else np.asarray(trace.target))
            self._pinned = (model, batch, pinned)
        if self.overview.reference() is not pinned:
            self.overview.set_reference(pinned)

    def _compare_model_changed(self, model: Sequential) -> None:
        """Another architecture (or data set) cannot be compared with the pinned maps: unpin."""
        if self._pinned is not None and not same_architecture(model, self._pinned[0]):
            self.unpin_trace()

    def _show_pinned(self) -> None:
        """Esc unpins while pinned (else it clears, or leaves the present layout); the toggle's state."""
        pinned = self._pinned is not None
        self.unpin_action.setEnabled(pinned)
        self.difference_action.setEnabled(pinned)
        self._route_escape()
        self._show_quantity_hint()

    def _route_escape(self) -> None:
        """Give Esc to exactly one action: Unpin while pinned, else Present while presenting, else Clear."""
        escape = QKeySequence(Qt.Key.Key_Escape)
        pinned = getattr(self, "_pinned", None) is not None
        presenting = self.is_presenting()
        self.unpin_action.setShortcuts([escape] if pinned else [])
        self.present_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_F11)] + ([escape] if presenting and not pinned else [])
        )
        clear = [QKeySequence(Qt.Key.Key_C)]
        self.clear_action.setShortcuts(clear if presenting or pinned else [escape, *clear])

    def _compare_hint(self) -> str:
        """The line above the overview while pinned ("" when not)."""
        if self._pinned is None:
            return ""
        if self.overview.difference_shown():
            return tr(
                "Compare: each map shows now − pinned (red: grew, blue: shrank); the bars show the change of "
                "each probability in points. D shows the maps now, Esc unpins."
            )
        return tr("Compare: a trace is pinned; D shows the difference from it again, Esc unpins.")
