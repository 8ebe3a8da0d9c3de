"""Zoom, the present layout (F11) and keeping the main window on its screen.

Zoomed in (for projectors) the texts, the canvas and the maps grow; the window then gives up canvas and
preview height rather than grow past the screen, and takes the last zoom step back when even that is not
enough. Presenting is full screen with only what a projector needs.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from explainer.gui import theme
from explainer.gui.canvas import CANVAS_SIZE
from explainer.gui.i18n import tr
from explainer.gui.mainwindow.parts import single_shot
from explainer.gui.state import signals_blocked

PREVIEW_SIZE = 112
THUMBNAIL_SIZE = 36


class ScreenFit:
    """Mixin of ``MainWindow``: its zoom, the present layout and fitting it into its screen."""

    def _init_screen_fit(self) -> None:
        """The fitting state, before any widget is laid out."""
        self._screen_fit_timer = single_shot(self, 0, self._fit_into_screen)
        self._fitting_zoom = 1.0  # the largest zoom seen to fit the screen
        self._fitted_zoom = 1.0  # the zoom the window was last fitted to the screen for
        # While presenting: what the present layout hid (and whether it was shown), and the old geometry.
        self._presented: tuple[dict[QWidget, bool], QRect] | None = None

    def is_presenting(self) -> bool:
        """True in the full-screen present layout (F11)."""
        return self._presented is not None

    def set_presenting(self, presenting: bool) -> None:
        """Enter or leave the present layout: full screen, and only what a projector needs.

        The menus, the status bar, the explanatory hints, the input preview and the gallery are hidden
        (their shortcuts keep working), so the canvas and the maps get the screen. Esc then leaves, as
        F11 does; C still clears the canvas.
        """
        presenting = bool(presenting)
        with signals_blocked(self.present_action):
            self.present_action.setChecked(presenting)
        if presenting == self.is_presenting():
            return
        if presenting:
            hidden = self._unneeded_when_presenting()
            self._presented = ({widget: widget.isVisibleTo(self) for widget in hidden}, self.geometry())
            for widget in hidden:
                widget.hide()
            self._route_escape()
            self.showFullScreen()
            screen = self.screen()
            if screen is not None and self.geometry() != screen.geometry():
                self.setGeometry(screen.geometry())  # no window manager (a bare X server) ignores full screen
            return
        shown, geometry = self._presented  # type: ignore[misc]
        self._presented = None
        self.showNormal()
        self.setGeometry(geometry)
        for widget, visible in shown.items():
            widget.setVisible(visible)
        self._show_overview_controls(self.network_stack.currentWidget() is not self.detail_panel)
        self._route_escape()
        self._screen_fit_timer.start()

    def _unneeded_when_presenting(self) -> list[QWidget]:
        """What the present layout hides."""
        return [
            self.menuBar(),
            self.statusBar(),
            self.draw_hint,
            self.input_preview,
            self.input_heading,
            self.input_hint,
            self.gallery_heading,
            self.gallery,
            self.quantity_hint,
        ]

    def set_zoom(self, factor: float) -> None:
        """Scale fonts, the canvas and the maps (for projectors); clamped to theme's range."""
        theme.set_zoom(factor)
        self.state.settings.zoom = theme.zoom()

    def _step_zoom(self, factor: float) -> None:
        """Multiply the zoom by ``factor``."""
        self.set_zoom(theme.zoom() * factor)

    def _apply_zoom_sizes(self) -> None:
        """Resize the canvas, preview and thumbnails for the current zoom, then fit the window on screen."""
        self.canvas.set_display_size(theme.px(CANVAS_SIZE))
        self.input_preview.set_display_size(theme.px(PREVIEW_SIZE))
        self.gallery.set_thumbnail_size(theme.px(THUMBNAIL_SIZE))
        if theme.zoom() != self._fitted_zoom:  # a new palette alone changes no size
            self._fitted_zoom = theme.zoom()
            # Once the new font has reached every label and the layouts have taken it in.
            self._screen_fit_timer.start()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Resize to ``width`` x ``height``, or to most of the screen when that is smaller."""
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, round(available.width() * 0.96))
            height = min(height, round(available.height() * 0.94))
        self.resize(width, height)

    def _fit_into_screen(self) -> None:
        """Zoomed in, the canvas and the preview give up the height the window would need beyond the
        screen's available area (the maps scroll instead, see OverviewScrollArea); the window stays on it."""
        available = self._available()
        if available is None:
            return
        canvas, preview = self.canvas.width(), self.input_preview.width()
        for _attempt in range(3):  # wrapped labels change height with width: measure again after a shrink
            QApplication.sendPostedEvents()
            self.layout().activate()
            frame = self.frameGeometry().height() - self.height()
            excess = self.minimumSizeHint().height() + frame - available.height()
            if excess <= 0:
                break
            shrink = max(min(excess, canvas - round(CANVAS_SIZE * 0.6)), 0)
            canvas -= shrink
            preview = max(preview - (excess - shrink), PREVIEW_SIZE // 2)
            self.canvas.set_display_size(canvas)
            self.input_preview.set_display_size(preview)
        least = self.minimumSizeHint()
        if theme.zoom() > self._fitting_zoom and (
            least.width() > available.width() or least.height() > available.height()
        ):
            # Texts this large no longer fit the screen: take the last zoom step back.
            self.statusBar().showMessage(tr("The window cannot grow any larger on this screen"), 5000)
            self.set_zoom(self._fitting_zoom)
            return
        self._fitting_zoom = theme.zoom()
        self._keep_on_screen()

    def _available(self) -> QRect | None:
        """The part of the window's screen that the window may use (all of it when presenting), or None."""
        screen = self.screen()
        if screen is None:
            return None
        return screen.geometry() if self.is_presenting() else screen.availableGeometry()

    def _keep_on_screen(self) -> None:
        """Shrink and move the window back onto its screen's available area if it grew past it."""
        available = self._available()
        if available is None or self.isFullScreen():
            return
        frame = self.frameGeometry()
        extra_width, extra_height = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), available.width() - extra_width)
        height = min(self.height(), available.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.left(), available.left()), available.right() + 1 - frame.width())
        y = min(max(frame.top(), available.top()), available.bottom() + 1 - frame.height())
        if (x, y) != (frame.left(), frame.top()):
            self.move(x, y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Zoomed in, the layouts' larger texts can push the window past its screen after the zoom step
        was fitted (their requests arrive in turns): fit it again then."""
        super().resizeEvent(event)
        available = self._available()
        if available is None or self.isFullScreen() or theme.zoom() <= 1.0:
            return
        least = self.minimumSize()
        if least.width() > available.width() or least.height() > available.height():
            self._screen_fit_timer.start()
