"""The main window: draw a digit on the left, watch every layer of the network react on the right.

The right side is a row of tabs. "Network" holds the live overview; clicking a map replaces it with the
explanation of that layer (forward, or backward in Backward mode) until "Back to the overview". The other
tabs (step-through, attribution, learn this digit, gradient check, playground, training, architecture,
test set) are built on first show and follow the state only while on screen (``explainer.gui.workspace``).
Data flows one way: canvas → ``AppState`` (to_mnist → model.trace(x, target)) → views.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import explainer
from explainer.core import Sequential, Trace, reference_net
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.canvas import BRUSH_MAX, BRUSH_MIN, CANVAS_SIZE, DrawingCanvas, InputPreview
from explainer.gui.export import export_widget_png
from explainer.gui.gallery import SampleGallery, load_samples
from explainer.gui.i18n import FollowsLanguage, LanguageMenu, tr, translate_error
from explainer.gui.jobs import stop_all_workers
from explainer.gui.network.overview import OverviewScrollArea, OverviewView
from explainer.gui.pages import PAGES
from explainer.gui.pages.base import PAGE_SIGNALS, Problem
from explainer.gui.state import SCALE_MODES, AppState, Settings, Target, same_architecture, signals_blocked
from explainer.gui.targetbar import TargetBar
from explainer.gui.workspace import DetailPanel, Page
from explainer.unusual import statistics_for

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm *.pbm"
PREVIEW_SIZE = 112
THUMBNAIL_SIZE = 36
ZOOM_STEP = 1.15
MODEL_FILTER = "*.npz"

PAGE_SYNC_DELAY_MS = 150
"""A page on screen catches up with the drawing once the strokes pause this long (its work is heavy)."""

REBUILD_DELAY_MS = 150
"""A detail view that cannot follow a new trace in place is rebuilt once the strokes pause this long."""

FOLLOW_INTERVAL_MS = 100
"""An open layer explanation redraws at most this often while you draw (10 fps; the last trace always
arrives): it is a large view (a conv4 redraw costs 20-40 ms here), and redrawing it on every mouse move
would make the strokes themselves lag (benchmarks/bench_integration.py)."""


class MainWindow(FollowsLanguage, QMainWindow):
    """Canvas, input preview and sample gallery on the left; the live overview and the other pages right.

    Forward mode traces without gradients (the fast live path); Backward mode traces against a ``Target``
    (true label or explained class, chosen above the overview) so the overview shows dL/d(activation) and the
    status bar the loss.

    ``model`` is a ``Sequential``, a path to a model file, or None for the bundled trained model. When the
    file cannot be loaded the window still opens (with the bundled model, or untrained weights as a last
    resort) and says why in a message box.

    API for window controllers (the guided tour, ``explainer.gui.tour``, which ``explainer.gui.app``
    installs): they read and drive the app through ``state`` (the ``AppState``: model, input, label,
    target and their signals), light and watch ``canvas``, ``input_preview``, ``overview`` (its
    ``map_rect``, ``column_title_rects``, ``prediction_view`` and ``reveal``) and ``centralWidget()``, and
    call ``show_network_overview``, ``trace_pending_input``, ``put_digit`` and ``add_tour``. Nothing else
    of the window is theirs to touch.
    """

    def __init__(
        self,
        model: Sequential | str | os.PathLike[str] | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        network, model_error = _load_initial_model(model)
        self.state = AppState(network, settings if settings is not None else Settings(), self)
        self.last_error: str | None = None
        self._message_box: QMessageBox | None = None
        self._detail: QDialog | None = None
        # The layer explained in the detail panel: (direction "forward"/"backward", layer index, channel).
        self._explained: tuple[str, int, int] | None = None
        self._laid_out_model = network
        self._unusual_stats = statistics_for(network)

        self._update_timer = _single_shot(self, 0, self._run_update)
        self._page_timer = _single_shot(self, PAGE_SYNC_DELAY_MS, self._sync_current_page)
        self._rebuild_timer = _single_shot(self, REBUILD_DELAY_MS, self._rebuild_detail)
        self._follow_timer = _single_shot(self, 0, self._follow_now)
        self._screen_fit_timer = _single_shot(self, 0, self._fit_into_screen)
        self._fitting_zoom = 1.0  # the largest zoom seen to fit the screen
        self._fitted_zoom = 1.0  # the zoom the window was last fitted to the screen for
        # While presenting: what the present layout hid (and whether it was shown), and the old geometry.
        self._presented: tuple[dict[QWidget, bool], QRect] | None = None
        self._followed_at = 0.0
        self._overview_stale = False
        # The label of a gallery or test-set digit just put on the canvas, for the update that traces it.
        self._input_label: int | None = None
        self._loading_sample = False

        self._apply_theme()
        self._build_widgets()
        self._build_actions()
        self._build_pages()
        self._build_menus()
        self._build_mode_row()
        self._connect()
        self._load_gallery()
        self.setAcceptDrops(True)
        self._apply_settings()
        self.retranslate_ui()
        self.overview.set_model(network)
        self.target_bar.set_class_names([str(name) for name in network.class_names])
        self._target_changed(None)
        self._show_prediction(None)
        self._fit_to_screen(theme.px(1440), theme.px(880))
        self.undo_action.setEnabled(False)
        if model_error is not None:
            self.last_error = model_error
            # Once the window is up, so that the message box opens over it rather than before it.
            title = tr("The model could not be loaded")
            QTimer.singleShot(0, self, lambda: self.show_error(title, model_error))

    # ----------------------------------------------------------------- public API
    def current_trace(self) -> Trace | None:
        """The Trace shown now, or None before any input (and after Clear)."""
        return self.state.trace

    def settings(self) -> Settings:
        """The user's settings as the window has them now."""
        return self.state.settings

    def mode(self) -> str:
        """The mode: "forward" (activations, no gradients) or "backward" (traced against a target)."""
        return "forward" if self.state.target is None else "backward"

    def set_mode(self, mode: str) -> None:
        """Switch between Forward and Backward mode; Backward traces against the chosen target."""
        if mode not in ("forward", "backward"):
            raise BadInputError(f"unknown mode {mode!r}; expected 'forward' or 'backward'")
        if mode != self.mode():
            self.state.set_target(self.state.chosen_target if mode == "backward" else None)

    def set_target(self, target: Target) -> None:
        """Trace against ``target`` (a true label's loss, or one class's score); switches to Backward."""
        self.state.set_target(target)

    def open_model(self, path: str | os.PathLike[str]) -> bool:
        """Use the model file at ``path``; on a bad file, show why and keep the current model."""
        try:
            model = explainer.load_model(path)
        except (BadInputError, OSError) as error:
            self.show_error(tr("Cannot open the model"), translate_error(error))
            return False
        self.state.set_model(model)
        self.statusBar().showMessage(
            tr("Opened the model {name}: {layers} layers, {params:,} weights").format(
                name=Path(path).name, layers=len(model.layers), params=model.param_count()
            ),
            5000,
        )
        return True

    def save_model(self, path: str | os.PathLike[str]) -> bool:
        """Save the model in use to ``path`` (atomically); on failure, show why."""
        try:
            explainer.save_model(self.state.model, path)
        except (BadInputError, OSError) as error:
            self.show_error(tr("Cannot save the model"), translate_error(error))
            return False
        self.statusBar().showMessage(tr("Saved the model to {path}").format(path=path), 5000)
        return True

    def restore_bundled_model(self) -> bool:
        """Use the bundled trained model again (after Learn steps or training); on failure, say why."""
        try:
            model = explainer.load_model()
        except (BadInputError, OSError) as error:
            self.show_error(tr("Cannot open the model"), translate_error(error))
            return False
        self.state.set_model(model)
        self.statusBar().showMessage(tr("The bundled model is back."), 5000)
        return True

    def open_digit(self, image: object, label: int) -> None:
        """Put a digit (e.g. a misclassified test digit) into the canvas; ``label`` becomes the true label.

        Shape:
            ``image``: ``(H, W)`` float in [0, 1] or uint8, ink bright on dark.
        """
        self.put_digit(image, label)
        self.show_page("network")
        self.show_overview()
        self.statusBar().showMessage(tr("Opened a digit labelled {label}").format(label=label), 5000)

    def show_page(self, key: str) -> QWidget | None:
        """Bring tab ``key`` to the front ("network" or a page key such as "stepper"); returns its view."""
        if key == "network":
            self.tabs.setCurrentWidget(self.network_page)
            return self.overview
        page = self._pages.get(key)
        if page is None:
            return None
        self.tabs.setCurrentWidget(page)
        return page.ensure()

    def page_view(self, key: str) -> QWidget | None:
        """The view of page ``key`` if it has been built, else None (it is built on first show)."""
        page = self._pages.get(key)
        return None if page is None else page.view()

    def detail_view(self) -> QWidget | None:
        """The layer explanation shown in place of the overview, or None."""
        return self.detail_panel.view()

    def show_overview(self) -> None:
        """Close the layer explanation and show the overview again."""
        self._explained = None
        self._rebuild_timer.stop()
        self._follow_timer.stop()
        self.detail_panel.set_view(None)
        self.network_stack.setCurrentIndex(0)
        self._show_overview_controls(True)
        self._catch_up_overview()

    def open_image(self, path: str | os.PathLike[str]) -> bool:
        """Load an image file into the canvas (undoable); on a bad file, show why and keep the canvas."""
        try:
            image = explainer.load_image(path)
            self.canvas.set_image(image)
        except BadInputError as error:
            self.show_error(tr("Cannot open this image"), translate_error(error))
            return False
        self.statusBar().showMessage(tr("Opened {name}").format(name=Path(path).name), 5000)
        return True

    def export_view(self, path: str | os.PathLike[str]) -> Path | None:
        """Save the overview as a PNG at twice its screen resolution; returns the file written or None."""
        try:
            written = export_widget_png(self.overview, path)
        except BadInputError as error:
            self.show_error(tr("Cannot export the view"), translate_error(error))
            return None
        self.statusBar().showMessage(tr("Saved {path}").format(path=written), 5000)
        return written

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong in a message box and the status bar; never raises."""
        self.last_error = message
        self.statusBar().showMessage(message, 10000)
        if self._message_box is not None:
            self._message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_message_box)
        box.open()
        self._message_box = box

    def set_scale_mode(self, mode: str) -> None:
        """Colour the maps per layer, per block or over the whole network."""
        if mode not in SCALE_MODES:
            raise BadInputError(f"unknown scale mode {mode!r}; expected one of {SCALE_MODES}")
        self.state.settings.scale_mode = mode
        self.overview.set_scale_mode(mode)
        with signals_blocked(self.scale_combo):
            self.scale_combo.setCurrentIndex(SCALE_MODES.index(mode))
        for action in self.scale_group.actions():
            with signals_blocked(action):
                action.setChecked(action.data() == mode)

    def set_dark(self, dark: bool) -> None:
        """Switch between the light and the dark palette."""
        self.state.settings.dark = bool(dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_palette(app, dark)
        with signals_blocked(self.dark_action):
            self.dark_action.setChecked(dark)

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
            self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_C)])
            self.present_action.setShortcuts([QKeySequence(Qt.Key.Key_F11), QKeySequence(Qt.Key.Key_Escape)])
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
        self.present_action.setShortcuts([QKeySequence(Qt.Key.Key_F11)])
        self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(Qt.Key.Key_C)])
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

    # ----------------------------------------------------------------- API for window controllers
    def show_network_overview(self) -> None:
        """The Network tab with the overview (not a layer explanation) in front."""
        self.show_page("network")
        self.show_overview()

    def trace_pending_input(self) -> None:
        """Trace a canvas change now that the window would trace on the next event-loop turn."""
        if self._update_timer.isActive():
            self._update_timer.stop()
            self._run_update()

    def put_digit(self, image: object, label: int) -> None:
        """Put a digit of known class into the canvas and trace it now, its label becoming the window's
        target (also when the same digit comes again after another label was picked).

        Shape:
            ``image``: ``(H, W)`` float in [0, 1] or uint8, ink bright on dark.
        """
        self._input_label = int(label)
        self.canvas.set_image(image)  # type: ignore[arg-type]
        self._update_timer.stop()
        self._run_update()
        self.state.choose_target(Target(self.state.chosen_target.kind, int(label)))

    def add_tour(self, action: QAction, dock: QDockWidget) -> None:
        """Give the guided tour (``explainer.gui.tour``) its place: ``dock`` at the bottom, hidden until the
        tour shows it, and ``action`` (which starts the tour) heading the Help menu, first in the Learn menu
        and as a button beside the tabs (objectName "tour_button"); triggering it shows the overview."""
        self.addAction(action)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        first = self.help_menu.actions()[0] if self.help_menu.actions() else None
        self.help_menu.insertAction(first, action)
        if first is not None:
            self.help_menu.insertSeparator(first)
        self.learn_menu.insertAction(self.network_action, action)
        self.learn_menu.insertSeparator(self.network_action)
        button = QToolButton()
        button.setObjectName("tour_button")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tabs.setCornerWidget(button, Qt.Corner.TopRightCorner)
        # While the tour runs its button is no use, and the tabs need its room in a 1280-pixel window.
        dock.visibilityChanged.connect(lambda shown: button.setVisible(not shown))
        # The tour lights up parts of the overview, so it must be on screen.
        action.triggered.connect(self.show_network_overview)

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self.setWindowTitle(tr("MNIST CNN Explainer"))
        self.draw_heading.setText(tr("Draw a digit"))
        self.draw_hint.setText(tr("Left button draws, right button erases. The network updates as you draw."))
        self.brush_label.setText(tr("Brush"))
        self.brush_slider.setToolTip(tr("Brush size: thicker strokes look more like MNIST digits"))
        self.input_heading.setText(tr("What the network sees"))
        self.input_hint.setText(
            tr("Your drawing, cropped, scaled to 20x20 and centred in 28x28 pixels, like the MNIST digits.")
        )
        self.gallery_heading.setText(tr("Or pick a test digit"))
        self.scale_label.setText(tr("Colour scale:"))
        self.scale_combo.setToolTip(
            tr(
                "How colours are scaled: each layer on its own, each block (conv, ReLU, pool) together, "
                "or one scale for the whole network so layers can be compared."
            )
        )
        scale_names = {"layer": tr("Per layer"), "block": tr("Per block"), "global": tr("Whole network")}
        scale_tips = {
            "layer": tr("Each layer's colours span its own range: every layer's pattern is visible"),
            "block": tr("Layers of one conv-ReLU-pool block share a range"),
            "global": tr("One range for the whole network: compare magnitudes between layers"),
        }
        for index, mode in enumerate(SCALE_MODES):
            self.scale_combo.setItemText(index, scale_names[mode])
            self.scale_combo.setItemData(index, scale_tips[mode], Qt.ItemDataRole.ToolTipRole)
        for action in self.scale_group.actions():
            action.setText(scale_names[action.data()])
            action.setToolTip(_tooltip_with_shortcut(scale_tips[action.data()], action))
            action.setStatusTip(scale_tips[action.data()])

        texts = {
            self.open_action: (
                tr("&Open image…"),
                tr("Load a picture of a digit (PNG, JPEG, …) into the canvas"),
            ),
            self.open_model_action: (
                tr("Open &model…"),
                tr("Use a network saved as a model file (.npz) instead of the current one"),
            ),
            self.save_model_action: (
                tr("&Save model…"),
                tr("Save the network in use, with its weights, as a model file (.npz)"),
            ),
            self.restore_model_action: (
                tr("&Restore bundled model"),
                tr("Use the trained model that comes with the app again, undoing Learn steps and training"),
            ),
            self.forward_action: (
                tr("&Forward"),
                tr("Show what every layer computes from your digit (activations)"),
            ),
            self.backward_action: (
                tr("&Backward"),
                tr("Show the gradients flowing back from the loss: how every value should change"),
            ),
            self.back_action: (tr("Back to the &overview"), tr("Close the explanation and show every layer")),
            self.network_action: (
                tr("&Network overview"),
                tr("Every layer of the network, live, as you draw"),
            ),
            self.export_action: (tr("&Export view as PNG…"), tr("Save the overview as a PNG image")),
            self.quit_action: (tr("&Quit"), tr("Close the app")),
            self.undo_action: (tr("&Undo"), tr("Undo the last stroke, Clear or loaded image")),
            self.clear_action: (tr("&Clear"), tr("Erase the canvas")),
            self.eraser_action: (tr("&Eraser"), tr("The left button erases while this is on")),
            self.brush_bigger_action: (tr("&Bigger brush"), tr("Make the brush thicker")),
            self.brush_smaller_action: (tr("&Smaller brush"), tr("Make the brush thinner")),
            self.dark_action: (tr("&Dark palette"), tr("Switch between light and dark colours")),
            self.zoom_in_action: (tr("Zoom &in"), tr("Larger fonts and maps, for projectors")),
            self.zoom_out_action: (tr("Zoom &out"), tr("Smaller fonts and maps")),
            self.zoom_reset_action: (tr("&Reset zoom"), tr("Normal size")),
            self.present_action: (
                tr("&Present"),
                tr("Full screen for a projector: large maps, no menus or hints; F11 or Esc leaves"),
            ),
            self.shortcuts_action: (tr("&Keyboard shortcuts"), tr("List every keyboard shortcut")),
            self.about_action: (tr("&About"), tr("What this app is")),
        }
        for page in self._pages.values():
            texts[self._page_actions[page.spec.key]] = (page.spec.title(), page.spec.tip())
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(_tooltip_with_shortcut(tip, action))
            action.setStatusTip(tip)
        self.tabs.setTabText(0, tr("Network"))
        self.tabs.setTabToolTip(0, self.network_action.toolTip())
        for page in self._pages.values():
            index = self.tabs.indexOf(page)
            self.tabs.setTabText(index, page.spec.title())
            self.tabs.setTabToolTip(index, self._page_actions[page.spec.key].toolTip())
        for action in self.language_menu.actions():
            action.setToolTip(tr("Show the app in {language}").format(language=action.text()))
        self.file_menu.setTitle(tr("&File"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        self.scale_menu.setTitle(tr("Colour &scale"))
        self.learn_menu.setTitle(tr("&Learn"))
        self.model_menu.setTitle(tr("&Model"))
        self.help_menu.setTitle(tr("&Help"))
        self.mode_label.setText(tr("Mode:"))
        self.model_changed_label.setText(tr("Model changed by Learn this digit:"))
        self.model_changed_undo.setText(tr("Undo"))
        self.model_changed_undo.setToolTip(tr("Put back the weights from before the last Learn step"))
        self._show_quantity_hint()
        self._show_loss(self.state.trace)
        self.detail_panel.heading.setText(self._detail_heading())
        self.timing_label.setToolTip(
            tr("Time of the last update: preprocessing, the forward pass and refreshing the views")
        )
        self._show_update_time()
        self._show_prediction(self.state.trace)
        self._show_unusual(self.state.trace)

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        """Create the left panel, the overview and the status bar."""
        self.canvas = DrawingCanvas()
        self.draw_heading = _heading()
        self.draw_hint = _hint()
        self.brush_label = QLabel()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setObjectName("brush_size")
        self.brush_slider.setRange(BRUSH_MIN, BRUSH_MAX)
        # Longer button texts (other languages, zoom) must not squeeze the slider to nothing.
        self.brush_slider.setMinimumWidth(theme.px(60))
        self.eraser_button = QToolButton()
        self.undo_button = QToolButton()
        self.clear_button = QToolButton()

        tools = QHBoxLayout()
        tools.addWidget(self.brush_label)
        tools.addWidget(self.brush_slider, 1)
        for button in (self.eraser_button, self.undo_button, self.clear_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tools.addWidget(button)

        self.input_preview = InputPreview()
        self.input_heading = _heading()
        self.input_hint = _hint()
        input_text = QVBoxLayout()
        input_text.addWidget(self.input_heading)
        input_text.addWidget(self.input_hint)
        input_text.addStretch(1)
        input_row = QHBoxLayout()
        input_row.addWidget(self.input_preview, 0, Qt.AlignmentFlag.AlignTop)
        input_row.addLayout(input_text, 1)

        self.gallery_heading = _heading()
        self.gallery = SampleGallery()

        left = QWidget()
        left.setObjectName("left_panel")
        column = QVBoxLayout(left)
        column.addWidget(self.draw_heading)
        column.addWidget(self.draw_hint)
        column.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(tools)
        column.addSpacing(6)
        column.addLayout(input_row)
        column.addSpacing(6)
        column.addWidget(self.gallery_heading)
        column.addWidget(self.gallery, 1)
        self.left_panel = left

        self.scale_label = QLabel()
        self.scale_combo = QComboBox()
        self.scale_combo.setObjectName("scale_mode")
        self.scale_combo.addItems(["", "", ""])
        self.quantity_hint = _hint()
        self.quantity_hint.setObjectName("quantity_hint")
        self.mode_row = QHBoxLayout()
        self.overview = OverviewView()
        # The overview and a layer's explanation take turns in the same place, under the mode row.
        self.network_stack = QStackedWidget()
        self.network_stack.setObjectName("network_stack")
        self.network_stack.addWidget(OverviewScrollArea(self.overview))
        self.network_page = QWidget()
        self.network_page.setObjectName("network_page")
        network_column = QVBoxLayout(self.network_page)
        network_column.addLayout(self.mode_row)
        network_column.addWidget(self.quantity_hint)
        network_column.addWidget(self.network_stack, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        # Zoomed in, the tab texts are shortened before any tab hides behind the scroll arrows.
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.addTab(self.network_page, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_ColumnScroll(left))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.prediction_label = QLabel()
        self.prediction_label.setObjectName("status_prediction")
        self.loss_label = QLabel()
        self.loss_label.setObjectName("status_loss")
        self.timing_label = QLabel()
        self._update_ms: float | None = None
        self.timing_label.setObjectName("status_timing")
        # Shown while the model in use is one that "Learn this digit" changed, until Undo or Restore.
        self.model_changed = QWidget()
        self.model_changed.setObjectName("model_changed")
        self.model_changed_label = QLabel()
        self.model_changed_undo = QToolButton()
        self.model_changed_undo.setObjectName("model_changed_undo")
        self.model_changed_undo.clicked.connect(self._undo_learn_step)
        self.model_changed_restore = QToolButton()
        self.model_changed_restore.setObjectName("model_changed_restore")
        row = QHBoxLayout(self.model_changed)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.model_changed_label, self.model_changed_undo, self.model_changed_restore):
            row.addWidget(widget)
        self.model_changed.hide()
        self.statusBar().addPermanentWidget(self.model_changed)
        self.unusual_label = QLabel()
        self.unusual_label.setObjectName("status_unusual")
        self.unusual_label.hide()
        self.statusBar().addPermanentWidget(self.unusual_label)
        self.statusBar().addPermanentWidget(self.prediction_label)
        self.statusBar().addPermanentWidget(self.loss_label)
        self.statusBar().addPermanentWidget(self.timing_label)

    def _build_actions(self) -> None:
        """Create every action with its shortcuts (menus, buttons and shortcuts share them)."""
        self.open_action = self._action("open_image", QKeySequence.StandardKey.Open, self._ask_open_image)
        self.open_model_action = self._action(
            "open_model", QKeySequence("Ctrl+Shift+O"), self._ask_open_model
        )
        self.save_model_action = self._action(
            "save_model", QKeySequence.StandardKey.Save, self._ask_save_model
        )
        self.restore_model_action = self._action(
            "restore_bundled_model", QKeySequence(), self.restore_bundled_model
        )
        self.export_action = self._action("export_png", QKeySequence("Ctrl+E"), self._ask_export)
        self.quit_action = self._action("quit", QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self._action("undo", QKeySequence.StandardKey.Undo, self.canvas.undo)
        self.clear_action = self._action("clear", QKeySequence(Qt.Key.Key_Escape), self.canvas.clear)
        self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(Qt.Key.Key_C)])
        self.eraser_action = self._action("eraser", QKeySequence(Qt.Key.Key_E), None)
        self.eraser_action.setCheckable(True)
        self.eraser_action.toggled.connect(self.canvas.set_eraser)
        self.brush_bigger_action = self._action(
            "brush_bigger", QKeySequence(Qt.Key.Key_BracketRight), lambda: self._step_brush(+4)
        )
        self.brush_smaller_action = self._action(
            "brush_smaller", QKeySequence(Qt.Key.Key_BracketLeft), lambda: self._step_brush(-4)
        )
        self.dark_action = self._action("dark", QKeySequence("Ctrl+D"), None)
        self.dark_action.setCheckable(True)
        self.dark_action.toggled.connect(self.set_dark)
        self.zoom_in_action = self._action(
            "zoom_in", QKeySequence("Ctrl+="), lambda: self._step_zoom(ZOOM_STEP)
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(
            "zoom_out", QKeySequence("Ctrl+-"), lambda: self._step_zoom(1 / ZOOM_STEP)
        )
        self.zoom_reset_action = self._action(
            "zoom_reset", QKeySequence("Ctrl+0"), lambda: self.set_zoom(1.0)
        )
        self.present_action = self._action("present", QKeySequence(Qt.Key.Key_F11), None)
        self.present_action.setCheckable(True)
        self.present_action.toggled.connect(self.set_presenting)
        self.shortcuts_action = self._action("shortcuts", QKeySequence(Qt.Key.Key_F1), self.show_shortcuts)
        self.about_action = self._action("about", QKeySequence(), self.show_about)

        self.scale_group = QActionGroup(self)
        self.scale_group.setExclusive(True)
        for index, mode in enumerate(SCALE_MODES):
            action = QAction(self)
            action.setObjectName(f"scale_{mode}")
            action.setData(mode)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            self.scale_group.addAction(action)
            self.addAction(action)
        self.scale_group.triggered.connect(lambda action: self.set_scale_mode(action.data()))

        self.forward_action = self._action("forward_mode", QKeySequence(Qt.Key.Key_F), None)
        self.backward_action = self._action("backward_mode", QKeySequence(Qt.Key.Key_B), None)
        self.mode_group = QActionGroup(self)
        self.mode_group.setExclusive(True)
        for action, mode in ((self.forward_action, "forward"), (self.backward_action, "backward")):
            action.setCheckable(True)
            action.setData(mode)
            self.mode_group.addAction(action)
        self.mode_group.triggered.connect(lambda action: self.set_mode(action.data()))
        self.back_action = self._action("back_to_overview", QKeySequence("Alt+Left"), self.show_overview)
        self.back_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.network_action = self._action(
            "show_network", QKeySequence("Alt+1"), lambda: self.show_page("network")
        )

        self.eraser_button.setDefaultAction(self.eraser_action)
        self.undo_button.setDefaultAction(self.undo_action)
        self.clear_button.setDefaultAction(self.clear_action)

    def _action(
        self, name: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object] | None
    ) -> QAction:
        """A window-wide action called ``name`` with ``shortcut``, triggering ``slot`` (if any)."""
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_pages(self) -> None:
        """The detail panel in the Network tab, then one tab per declared page."""
        self.detail_panel = DetailPanel(self.back_action)
        self.network_stack.addWidget(self.detail_panel)
        self._pages: dict[str, Page] = {}
        self._page_actions: dict[str, QAction] = {}
        for spec in PAGES:
            page = Page(spec)
            page.sigCreated.connect(self._wire_page)
            self.tabs.addTab(page, "")
            self._pages[spec.key] = page
            self._page_actions[spec.key] = self._action(
                f"show_{spec.key}", QKeySequence(spec.shortcut), lambda key=spec.key: self.show_page(key)
            )

    def _build_menus(self) -> None:
        """Fill the menu bar."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_action, self.open_model_action, self.save_model_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.clear_action, self.eraser_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.brush_bigger_action, self.brush_smaller_action])
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.dark_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.view_menu.addAction(self.present_action)
        self.view_menu.addSeparator()
        self.scale_menu = self.view_menu.addMenu("")
        self.scale_menu.addActions(self.scale_group.actions())
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.mode_group.actions())
        self.view_menu.addAction(self.back_action)
        self.learn_menu = bar.addMenu("")
        self.learn_menu.addAction(self.network_action)
        self.model_menu = bar.addMenu("")
        for page in self._pages.values():
            menu = self.learn_menu if page.spec.menu == "learn" else self.model_menu
            menu.addAction(self._page_actions[page.spec.key])
        self.model_menu.addSeparator()
        self.model_menu.addActions(
            [self.open_model_action, self.save_model_action, self.restore_model_action]
        )
        self.model_changed_restore.setDefaultAction(self.restore_model_action)
        self.language_menu = LanguageMenu(self)
        bar.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_mode_row(self) -> None:
        """Above the overview: Forward/Backward, the target, what the colours mean, the colour scale."""
        self.mode_label = QLabel()
        self.mode_row.addWidget(self.mode_label)
        for action in self.mode_group.actions():
            button = QToolButton()
            button.setObjectName(f"{action.data()}_button")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.mode_row.addWidget(button)
        self.mode_row.addSpacing(theme.px(8))
        self.target_bar = TargetBar()
        self.mode_row.addWidget(self.target_bar)
        self.mode_row.addStretch(1)
        self.mode_row.addWidget(self.scale_label)
        self.mode_row.addWidget(self.scale_combo)

    def _connect(self) -> None:
        """Wire the one-way data flow: canvas → state → views."""
        self.canvas.sigChanged.connect(self._schedule_update)
        self.canvas.sigChanged.connect(self._canvas_changed)
        self.brush_slider.valueChanged.connect(self._set_brush)
        self.scale_combo.currentIndexChanged.connect(lambda index: self.set_scale_mode(SCALE_MODES[index]))
        self.gallery.sigDigitChosen.connect(self._load_sample)
        self.canvas.sigStrokeFinished.connect(self._focus_detail)
        self.state.sigModelChanged.connect(self._model_changed)
        self.state.sigInputChanged.connect(self.input_preview.set_input)
        self.state.sigTargetChanged.connect(self._target_changed)
        self.state.sigChosenTargetChanged.connect(self._chosen_target_changed)
        self.state.sigTraceChanged.connect(self._show_in_overview)
        self.state.sigTraceChanged.connect(self._show_prediction)
        self.state.sigTraceChanged.connect(self._show_unusual)
        self.state.sigTraceChanged.connect(self._show_loss)
        self.state.sigTraceChanged.connect(self._follow_in_detail)
        self.state.sigTraceChanged.connect(self._schedule_page_sync)
        self.overview.sigMapClicked.connect(self._open_map_detail)
        self.target_bar.sigTargetChanged.connect(self._target_chosen)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.language_menu.sigWarning.connect(lambda text: self.statusBar().showMessage(text, 10000))
        theme.notifier().sigChanged.connect(self._apply_zoom_sizes)

    def _apply_theme(self) -> None:
        """Set the palette and zoom from the settings, before any widget is laid out with them."""
        settings = self.state.settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_palette(app, settings.dark)
        theme.set_zoom(settings.zoom)
        settings.zoom = theme.zoom()

    def _apply_settings(self) -> None:
        """Bring the widgets in line with the settings (signals blocked so nothing echoes back)."""
        settings = self.state.settings
        with signals_blocked(self.dark_action):
            self.dark_action.setChecked(settings.dark)
        with signals_blocked(self.brush_slider):
            self.brush_slider.setValue(settings.brush_size)
        self.canvas.set_brush_size(settings.brush_size)
        self.set_scale_mode(settings.scale_mode)
        self._apply_zoom_sizes()

    def _load_gallery(self) -> None:
        """Fill the gallery with the bundled sample digits; without them it is hidden, not shown empty."""
        try:
            images, labels = load_samples()
        except BadInputError:
            self.gallery_heading.hide()
            self.gallery.hide()
            self.left_panel.layout().addStretch(1)
            return
        self.gallery.set_samples(images, labels)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Resize to ``width`` x ``height``, or to most of the screen when that is smaller."""
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, round(available.width() * 0.96))
            height = min(height, round(available.height() * 0.94))
        self.resize(width, height)

    # ----------------------------------------------------------------- live update
    def _schedule_update(self) -> None:
        """Coalesce changes: one update per event-loop turn, however many mouse moves arrived."""
        self.undo_action.setEnabled(self.canvas.can_undo())
        if not self._update_timer.isActive():
            self._update_timer.start()

    def _run_update(self) -> None:
        """Preprocess the canvas, trace it and let the views redraw; report the time it took."""
        start = time.perf_counter()
        label, self._input_label = self._input_label, None
        try:
            self.state.set_image(self.canvas.pixels(), label)
        except BadInputError as error:
            self.show_error(tr("Cannot use this input"), translate_error(error))
            return
        self._update_ms = (time.perf_counter() - start) * 1000
        self._show_update_time()

    def _show_update_time(self) -> None:
        """Show how long the last update took (nothing before the first)."""
        if self._update_ms is not None:
            self.timing_label.setText(tr("update {ms:.1f} ms").format(ms=self._update_ms))

    def _show_prediction(self, trace: Trace | None) -> None:
        """Put the predicted class and its probability in the status bar."""
        if trace is None:
            self.prediction_label.setText(tr("Draw a digit to see what the network thinks"))
            return
        k = int(trace.prediction[0])
        names = self.state.model.class_names
        name = names[k] if k < len(names) else str(k)
        self.prediction_label.setText(
            tr("Prediction: {name} ({percent:.1f} %)").format(
                name=name, percent=100 * float(trace.probs[0, k])
            )
        )

    def _show_unusual(self, trace: Trace | None) -> None:
        """Warn in the status bar and under the bars when the input is unlike the training digits.

        Only for a model the shipped statistics were fitted for (the bundled one); the score reads the
        dense layer's input and the logits from the trace: about 0.05 ms per update, a fifth of the trace.
        """
        stats = self._unusual_stats
        score = None if trace is None or stats is None else float(stats.score_trace(trace)[0])
        threshold = 0.0 if stats is None else stats.threshold
        prediction = self.overview.prediction_view()
        prediction.set_unusual(score, threshold)
        unusual = score is not None and score > threshold
        self.unusual_label.setVisible(unusual)
        if unusual:
            text = tr("⚠ This does not look like the digits the network was trained on (score {score:.1f})")
            self.unusual_label.setText(text.format(score=score))
            self.unusual_label.setToolTip(prediction.unusual_text())

    def _show_loss(self, trace: Trace | None) -> None:
        """In Backward mode, put the loss (or the explained class's score) in the status bar."""
        if trace is None or not trace.has_gradients or trace.target is None:
            self.loss_label.setText("")
            return
        names = self.state.model.class_names
        if trace.loss is not None:
            k = int(np.asarray(trace.target).reshape(-1)[0])
            # Three significant digits: a confident right answer has a loss like 2.3e-05, not 0.000.
            text = (
                tr("Loss L = {loss} for the target {name} (the predicted class)")
                if self.state.label is None
                else tr("Loss L = {loss} for the true label {name}")
            )
            self.loss_label.setText(
                text.format(loss=f"{trace.loss:.3g}", name=names[k] if k < len(names) else k)
            )
            return
        k = int(np.argmax(np.asarray(trace.target)[0]))
        self.loss_label.setText(
            tr("Explaining class {name}: its score z = {score}").format(
                name=names[k] if k < len(names) else k, score=theme.format_value(float(trace.logits[0, k]), 3)
            )
        )

    def _show_quantity_hint(self) -> None:
        """Say above the overview what its colours mean now and what a click does."""
        if self.overview.current_quantity() == "gradient":
            text = tr(
                "Backward: each map shows ∂L/∂a, how the loss changes when that value grows (red: the loss "
                "rises, blue: it falls). Click a map to see the gradient flow back through its layer."
            )
        else:
            text = tr(
                "Forward: each map shows what its layer computed from your digit (red: positive, blue: "
                "negative). Click any map to see how it was computed."
            )
        self.quantity_hint.setText(text)

    # ----------------------------------------------------------------- mode, target and model
    def _target_chosen(self, target: Target) -> None:
        """The user chose a target in the bar: it becomes the window's one target."""
        self.state.choose_target(target)

    def _chosen_target_changed(self, target: Target) -> None:
        """The window's one target changed (a choice, or a new input resetting it): show it everywhere."""
        self.target_bar.set_target(target)
        self._schedule_page_sync()

    def _target_changed(self, target: object) -> None:
        """Mirror the state's target in the mode buttons, the target bar and the overview's quantity."""
        backward = target is not None
        for action in self.mode_group.actions():
            with signals_blocked(action):
                action.setChecked((action.data() == "backward") == backward)
        if isinstance(target, Target):
            self.target_bar.set_target(target)
        self.target_bar.setVisible(backward)
        self.overview.set_quantity("gradient" if backward else "activation")
        self._show_quantity_hint()

    def _model_changed(self, model: Sequential) -> None:
        """A new model: lay the overview out again only for a new architecture (not per training snapshot)."""
        if not same_architecture(model, self._laid_out_model):
            self.show_overview()
            self.overview.set_model(model)
            self.target_bar.set_class_names([str(name) for name in model.class_names])
        self._laid_out_model = model
        self._show_model_changed()
        self._unusual_stats = statistics_for(model)
        self._schedule_page_sync()

    def _show_model_changed(self) -> None:
        """Show the "model changed" indicator while the model in use is one Learn steps made."""
        learn = self.page_view("learn")
        changed = learn is not None and learn.model() is self.state.model and learn.can_undo()  # type: ignore[attr-defined]
        self.model_changed.setVisible(changed)

    def _undo_learn_step(self) -> None:
        """The indicator's Undo: the Learn page's Undo, which announces the model before the step."""
        learn = self.page_view("learn")
        if learn is not None:
            learn.undo()  # type: ignore[attr-defined]

    def _training_running(self, running: bool) -> None:
        """While training runs, its snapshots replace the model: nothing else may replace it meanwhile."""
        self.open_model_action.setEnabled(not running)
        self.restore_model_action.setEnabled(not running)
        self.statusBar().showMessage(
            tr("Training: the network updates every few steps") if running else tr("Training ended"), 5000
        )
        for page in self._pages.values():
            view = page.view()
            if page.spec.locked_while_training and view is not None:
                view.setEnabled(not running)

    # ----------------------------------------------------------------- pages
    def _problem(self) -> Problem:
        """What the pages work on now."""
        state = self.state
        return Problem(state.model, state.input, state.trace, state.chosen_target)

    def _tab_changed(self, index: int) -> None:
        """A page came to the front: build its view if needed and bring it up to date now."""
        self._catch_up_overview()
        page = self.tabs.widget(index)
        if isinstance(page, Page):
            view = page.ensure()
            page.sync(self._problem())
            if view is not None:
                self._give_keys(view)
        elif self.network_stack.currentWidget() is self.detail_panel and self.detail_panel.view() is not None:
            self._give_keys(self.detail_panel.view())

    def _give_keys(self, view: QWidget) -> None:
        """Focus ``view`` so that its keys (space, arrows, Home/End) work at once, without a click first.

        The guided tour's panel keeps the focus it has: its arrow keys turn the tour's pages.
        """
        focus = QApplication.focusWidget()
        while focus is not None and not isinstance(focus, QDockWidget):
            focus = focus.parentWidget()
        if focus is None:
            view.setFocus()

    def _schedule_page_sync(self) -> None:
        """Let the page on screen catch up once the strokes pause (pages off screen catch up when shown)."""
        if isinstance(self.tabs.currentWidget(), Page):
            self._page_timer.start()

    def _sync_current_page(self) -> None:
        """Bring the page on screen up to date."""
        page = self.tabs.currentWidget()
        if isinstance(page, Page):
            page.sync(self._problem())

    def _wire_page(self, view: QWidget) -> None:
        """Connect the signals a page's view offers (``explainer.gui.pages.base``) the moment it is built."""
        slots = {
            "sigModelProduced": self.state.set_model,
            "sigLabelChosen": lambda label: self.state.choose_target(Target("label", int(label))),
            "sigOpenDigit": self.open_digit,
            "sigRunningChanged": self._training_running,
        }
        for name in PAGE_SIGNALS:
            signal = getattr(view, name, None)
            if signal is not None:
                signal.connect(slots[name])

    # ----------------------------------------------------------------- slots
    def _load_sample(self, image: object, label: int) -> None:
        """Put a gallery digit into the canvas, upscaled, so it takes the same path as a drawing."""
        self._loading_sample = True
        try:
            self.put_digit(image, label)
        finally:
            self._loading_sample = False
        self.statusBar().showMessage(tr("Loaded a test digit labelled {label}").format(label=label), 5000)

    def _canvas_changed(self) -> None:
        """Anything but a gallery pick (a stroke, Clear, Undo, an opened file) un-highlights the sample."""
        if not self._loading_sample:
            self.gallery.forget_choice()

    def _set_brush(self, size: int) -> None:
        """Follow the brush slider."""
        self.canvas.set_brush_size(size)
        self.state.settings.brush_size = self.canvas.brush_size()

    def _step_brush(self, delta: int) -> None:
        """Change the brush size by ``delta`` canvas pixels."""
        self.brush_slider.setValue(self.brush_slider.value() + delta)

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

    def _ask_open_image(self) -> None:
        """Ask for an image file and load it."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open image"), "", tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER)
        )
        if path:
            self.open_image(path)

    def _ask_open_model(self) -> None:
        """Ask for a model file and use it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Open model"),
            "",
            tr("Model files ({patterns});;All files (*)").format(patterns=MODEL_FILTER),
        )
        if path:
            self.open_model(path)

    def _ask_save_model(self) -> None:
        """Ask where to save the model in use and save it (".npz" is added when missing)."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save model"), "model.npz", tr("Model files ({patterns})").format(patterns=MODEL_FILTER)
        )
        if path:
            self.save_model(path if path.lower().endswith(".npz") else f"{path}.npz")

    def _ask_export(self) -> None:
        """Ask where to save the overview and save it."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export view as PNG"), "cnn-explainer.png", tr("PNG images (*.png)")
        )
        if path:
            self.export_view(path)

    def _open_map_detail(self, layer: int, channel: int) -> None:
        """Explain a clicked map's layer in place of the overview; the input image opens large instead."""
        trace = self.state.trace
        if trace is None:
            return
        view = None if layer < 0 else _make_explanation(trace, layer, channel)
        if view is None:
            self._open_map_dialog(trace, layer, channel)
            return
        self._show_explanation(view, trace, layer, channel)

    def _show_explanation(self, view: QWidget, trace: Trace, layer: int, channel: int) -> None:
        """Put ``view`` (explaining ``layer``) in place of the overview and give it the keys."""
        direction = "backward" if trace.has_gradients else "forward"
        self._explained = (direction, layer, channel)
        self.detail_panel.set_view(view, self._detail_heading())
        self.network_stack.setCurrentWidget(self.detail_panel)
        self._show_overview_controls(False)
        self.tabs.setCurrentWidget(self.network_page)
        view.setFocus()

    def _show_overview_controls(self, shown: bool) -> None:
        """The colour-scale choice and the hint on the colours only concern the overview."""
        for widget in (self.scale_label, self.scale_combo):
            widget.setVisible(shown)
        self.quantity_hint.setVisible(shown and not self.is_presenting())

    def _detail_heading(self) -> str:
        """The line above the layer explanation: which pass, which layer."""
        if self._explained is None:
            return ""
        direction, layer, _channel = self._explained
        name = self.state.model.layers[layer].name
        if direction == "backward":
            return tr("Backward pass through {name}").format(name=name)
        return tr("Forward pass: {name}").format(name=name)

    def _open_map_dialog(self, trace: Trace, layer: int, channel: int) -> None:
        """Show one map large, with its values, in a dialog (the input image, or a layer no view explains)."""
        # Imported on first use: the detail dialog is not needed for the first paint.
        from explainer.gui.network.mapdetail import MapDetailDialog

        if self._detail is not None:
            self._detail.close()
        quantity = "gradient" if trace.has_gradients else "activation"
        self._detail = MapDetailDialog(trace, layer, channel, self, quantity=quantity)
        self._detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._detail.destroyed.connect(self._forget_detail)
        self._detail.show()

    def _follow_in_detail(self, trace: Trace | None) -> None:
        """Keep the open map dialog and layer explanation in step with the drawing.

        A view that can take the new trace gets it at most every ``FOLLOW_INTERVAL_MS`` (the latest one
        always arrives); one that cannot is rebuilt when the strokes pause, and at once when the trace
        switches between forward and backward. After Clear the dialog keeps the last map and a backward
        view its last numbers.
        """
        if self._detail is not None and trace is not None:
            self._detail.set_trace(trace)  # type: ignore[attr-defined]
        view = self.detail_panel.view()
        if self._explained is None or view is None:
            return
        direction, layer, channel = self._explained
        channel = _view_channel(view, channel)
        self._explained = (direction, layer, channel)
        if trace is None:
            if direction == "forward":
                view.set_trace(None, layer, channel)  # type: ignore[attr-defined]
            return
        if ("backward" if trace.has_gradients else "forward") != direction:
            self._rebuild_detail()
        elif not hasattr(view, "set_trace"):
            self._rebuild_timer.start()
        elif not self._follow_timer.isActive():
            wait_ms = FOLLOW_INTERVAL_MS - (time.perf_counter() - self._followed_at) * 1000
            if wait_ms <= 0:
                self._follow_now()
            else:
                self._follow_timer.start(round(wait_ms))

    def _follow_now(self) -> None:
        """Give the open layer explanation the current trace."""
        view, trace = self.detail_panel.view(), self.state.trace
        if self._explained is None or view is None or trace is None:
            return
        _direction, layer, channel = self._explained
        self._followed_at = time.perf_counter()
        view.set_trace(trace, layer, channel)  # type: ignore[attr-defined]

    def _show_in_overview(self, trace: Trace | None) -> None:
        """Show a new trace in the overview, or only note it while a layer explanation or page hides it."""
        if self.overview.isVisibleTo(self):
            self.overview.set_trace(trace)
            self._overview_stale = False
        else:
            self._overview_stale = True

    def _catch_up_overview(self) -> None:
        """Give the overview the trace it missed while hidden, once it is on screen again."""
        if self._overview_stale and self.overview.isVisibleTo(self):
            self._show_in_overview(self.state.trace)

    def _rebuild_detail(self) -> None:
        """Build the explanation of the explained layer anew from the current trace, at the same step."""
        trace, old = self.state.trace, self.detail_panel.view()
        if self._explained is None or trace is None:
            return
        _direction, layer, channel = self._explained
        view = _make_explanation(trace, layer, channel)
        if view is None:
            self.show_overview()
            return
        player, old_player = getattr(view, "player", None), getattr(old, "player", None)
        if player is not None and old_player is not None and player.count() == old_player.count():
            player.set_step(old_player.step())
        self._show_explanation(view, trace, layer, channel)

    def _focus_detail(self) -> None:
        """After a stroke, hand the keys (space, arrows) back to the open explanation's player."""
        view = self.detail_panel.view()
        if view is not None and self.network_stack.currentWidget() is self.detail_panel:
            view.setFocus()

    def _forget_detail(self) -> None:
        """The detail dialog was closed."""
        self._detail = None

    def _forget_message_box(self) -> None:
        """The message box was closed."""
        self._message_box = None

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut and mouse gesture in a dialog."""
        rows = [
            (tr("Left mouse button"), tr("Draw")),
            (tr("Right mouse button"), tr("Erase")),
        ]
        for action in self.findChildren(QAction):
            sequences = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            sequences = [s for s in sequences if s]
            if sequences and action.text():
                what = action.text().replace("&", "").rstrip("…")
                if action.actionGroup() is self.scale_group:
                    what = tr("Colour scale: {mode}").format(mode=what)
                rows.append((" / ".join(sequences), what))
        html = "".join(
            f"<tr><td style='padding-right:18px'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in rows
        )
        dialog = QDialog(self)
        dialog.setObjectName("shortcuts_dialog")
        dialog.setWindowTitle(tr("Keyboard shortcuts"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        table = QLabel(f"<table>{html}</table>")
        table.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.close)
        layout.addWidget(buttons)
        dialog.open()

    def show_about(self) -> None:
        """Say what the app is and which model is loaded."""
        model = self.state.model
        box = QMessageBox(self)
        box.setObjectName("about_dialog")
        box.setWindowTitle(tr("About MNIST CNN Explainer"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            tr(
                "<h3>MNIST CNN Explainer</h3><p>Draw a digit and watch a convolutional neural network read "
                "it: every layer's feature maps, live, with the real numbers.</p><p>Inspired by CNN "
                "Explainer (Polo Club of Data Science), rebuilt natively on MNIST with a NumPy network.</p>"
                "<p>Model: {layers} layers, {params:,} parameters.</p>"
            ).format(layers=len(model.layers), params=model.param_count())
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ----------------------------------------------------------------- Qt overrides
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged files."""
        if _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Load the first dropped file, the same way File → Open image does."""
        files = _local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_image(files[0])

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

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop pending updates and any training or evaluation thread before the window goes."""
        for timer in (self._update_timer, self._page_timer, self._rebuild_timer, self._follow_timer):
            timer.stop()
        # Training, evaluation and any other job: one bounded wait for all, so quitting stays quick.
        stop_all_workers()
        super().closeEvent(event)


def _load_initial_model(model: Sequential | str | os.PathLike[str] | None) -> tuple[Sequential, str | None]:
    """The network to start with, and an error message when the requested one could not be loaded.

    A path that fails falls back to the bundled model; a missing bundled model falls back to untrained
    weights so that the app still opens and can explain why.
    """
    if isinstance(model, Sequential):
        return model, None
    errors = []
    candidates = [None] if model is None else [model, None]
    for path in candidates:
        try:
            return explainer.load_model(path), ("\n\n".join(errors) or None)
        except (BadInputError, OSError) as error:
            errors.append(translate_error(error))
    errors.append(tr("Using an untrained network with random weights: its predictions mean nothing."))
    return reference_net(), "\n\n".join(errors)


def _make_explanation(trace: Trace, layer: int, channel: int) -> QWidget | None:
    """The view explaining ``trace.layers[layer]``: backward when the trace has gradients, else forward.

    None when the view's module is missing (still being written) or no view explains this layer's kind.
    """
    try:
        if trace.has_gradients:
            from explainer.gui.layers.backward import make_backward_view

            return make_backward_view(trace, layer, channel)
        from explainer.gui.layers.registry import make_detail_view

        return make_detail_view(trace, layer, channel)
    except (ImportError, ValueError):  # BadInputError is a ValueError
        return None


def _view_channel(view: QWidget, clicked: int) -> int:
    """The map (or class) ``view`` shows now, when it can say; else the one that was clicked."""
    channel = getattr(view, "channel", None)
    return int(channel()) if callable(channel) else clicked


def _single_shot(parent: QWidget, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer calling ``slot`` ``interval_ms`` after its last (re)start."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local file paths carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def _tooltip_with_shortcut(tip: str, action: QAction) -> str:
    """``tip`` followed by the action's shortcut, e.g. "Erase the canvas (Esc)"."""
    sequence = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({sequence})" if sequence else tip


class _ColumnScroll(QScrollArea):
    """A column that scrolls up and down when the window is shorter than its content (objectName
    "left_scroll"): at 1280x720 with the tour's dock open the drawing column would otherwise push the
    window past the screen and squeeze the narration. It is never narrower than the column (plus the
    scroll bar while it shows)."""

    def __init__(self, column: QWidget) -> None:
        super().__init__()
        self.setObjectName("left_scroll")
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scrolls = False
        # The scroll area itself decides when the column needs its bar (word-wrapped labels are taller
        # when narrow, which the column's minimum size does not tell); the column then gets the bar's width.
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        """Widen the column by the scroll bar's width while it shows, so that it covers none of the column."""
        scrolls = maximum > 0
        if scrolls != self._scrolls:
            self._scrolls = scrolls
            self.updateGeometry()

    def _bar(self) -> int:
        """Width of the vertical scroll bar when the column is taller than the room it has, else 0."""
        if not self._scrolls:
            return 0
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def minimumSizeHint(self) -> QSize:
        column = self.widget().minimumSizeHint()
        return QSize(column.width() + self._bar(), min(column.height(), theme.px(200)))

    def sizeHint(self) -> QSize:
        column = self.widget().sizeHint()
        return QSize(column.width() + self._bar(), column.height())


def _heading() -> QLabel:
    """A bold section heading."""
    label = QLabel()
    label.setObjectName("heading")
    # Only the weight is set, so the size still follows the application font (zoom).
    font = QFont()
    font.setBold(True)
    label.setFont(font)
    return label


def _hint() -> QLabel:
    """A short explanatory text that wraps."""
    label = QLabel()
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label
