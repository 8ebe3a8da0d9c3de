"""The pages beside the overview: each view is imported and built the first time it is shown, then kept in
step with the app state only while it is the page on screen.

Heavy views (the step-through, attribution, gradient check) must not recompute on every mouse move, nor
slow the start. So a ``Page`` holds the ``PageSpec`` declaring its view (``explainer.gui.pages.PAGES``) and
imports and builds the view on first show. The window calls ``Page.sync(problem)`` when the page is shown
and when the state changes while it is shown (after the strokes pause); each spec's sync function compares
the new ``Problem`` with the last one it was given and calls only the setters whose inputs changed.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QToolButton, QVBoxLayout, QWidget

from explainer.gui.kit.widgets import label, scrolling
from explainer.gui.pages.base import PageSpec, Problem


class Page(QWidget):
    """A tab page that builds its view on first show and syncs it with ``sync(problem)``.

    Signals:
        sigCreated(view): the view was built (once); the window connects its signals then.
    """

    sigCreated = Signal(object)

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{spec.key}")
        self.spec = spec
        self._view: QWidget | None = None
        self._synced: Problem | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def view(self) -> QWidget | None:
        """The page's view, or None before it was built."""
        return self._view

    def ensure(self) -> QWidget:
        """The view, imported and built on the first call."""
        if self._view is not None:
            return self._view
        view = getattr(importlib.import_module(self.spec.module), self.spec.factory)()
        self._view = view
        # A view taller or wider than the window scrolls inside its tab rather than pushing the window
        # past the screen (the playground needs 628 px: with the tour's dock that is more than 720).
        scroll = scrolling(view)
        self._layout.addWidget(scroll)
        scroll.show()
        view.show()
        self.sigCreated.emit(view)
        return view

    def sync(self, problem: Problem) -> None:
        """Bring the view up to ``problem``, calling only the setters whose inputs changed."""
        if self._view is None:
            return
        self.spec.sync(self._view, problem, self._synced)
        self._synced = problem


class DetailPanel(QWidget):
    """The explanation of one layer, shown in place of the overview under a bar with the way back.

    ``back`` is the window's action that returns to the overview; its button heads the panel.
    """

    def __init__(self, back: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_panel")
        self.back_button = QToolButton()
        self.back_button.setObjectName("detail_back")
        self.back_button.setDefaultAction(back)
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading = label("detail_heading")
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.heading, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._view: QWidget | None = None
        self._scroll: QScrollArea | None = None
        self._row: QVBoxLayout | None = None  # the view and the widget under it, scrolled together
        self._side: QWidget | None = None

    def side(self) -> QWidget | None:
        """The widget under the view (what the explained filter looks for), or None."""
        return self._side

    def set_side(self, widget: QWidget | None) -> None:
        """Show ``widget`` under the view, scrolled with it (the previous one is deleted); None removes it.
        A new view (``set_view``) starts without one."""
        if self._side is not None:
            self._side.hide()
            self._side.deleteLater()
        self._side = widget if self._row is not None else None
        if self._side is not None:
            self._row.addWidget(self._side)  # type: ignore[union-attr]
            self._side.show()

    def view(self) -> QWidget | None:
        """The view shown now, or None."""
        return self._view

    def set_view(self, view: QWidget | None, heading: str = "") -> None:
        """Show ``view`` (the previous one is deleted) under ``heading``; None empties the panel."""
        if self._view is not None:
            self._scroll.hide()
            self._scroll.deleteLater()  # and the view and the widget under it
        self._view, self._row, self._side = view, None, None
        self.heading.setText(heading)
        if view is not None:
            # Taller than the room under the mode row (a 1280x720 window): it scrolls, nothing is cut.
            row = QWidget()
            self._row = QVBoxLayout(row)
            self._row.setContentsMargins(0, 0, 0, 0)
            self._row.addWidget(view, 1)
            self._scroll = scrolling(row)
            self._layout.addWidget(self._scroll, 1)
            self._scroll.show()
            view.show()
