"""``MainWindow``: the canvas, preview and gallery on the left, the overview and the pages' tabs on the right,
the status bar, and the one-way flow canvas → ``AppState`` → views (see ``explainer.gui.mainwindow``)."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import explainer
from explainer.core import Sequential, Trace
from explainer.data import MNIST, dataset_named
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.canvas import BRUSH_MAX, BRUSH_MIN, DrawingCanvas, InputPreview
from explainer.gui.export import export_widget_png
from explainer.gui.gallery import SampleGallery
from explainer.gui.i18n import FollowsLanguage, class_name, tr, translate_error
from explainer.gui.jobs import stop_all_workers
from explainer.gui.kit.widgets import heading, hint
from explainer.gui.mainwindow.actions import WindowActions, scale_names, scale_tips
from explainer.gui.mainwindow.compare import CompareMode
from explainer.gui.mainwindow.datasets import DatasetSwitching, draw_heading, window_title
from explainer.gui.mainwindow.detail import LayerExplanation
from explainer.gui.mainwindow.lessontabs import LessonTabs, is_lesson
from explainer.gui.mainwindow.modelfiles import (
    ModelFiles,
    ModelSource,
    load_initial_model,
)
from explainer.gui.mainwindow.onnximport import OnnxFiles
from explainer.gui.mainwindow.parts import ColumnScroll, local_files, single_shot
from explainer.gui.mainwindow.screen import ScreenFit
from explainer.gui.network.overview import OverviewScrollArea, OverviewView
from explainer.gui.pages import PAGES
from explainer.gui.pages.base import PAGE_SIGNALS, Problem
from explainer.gui.state import AppState, Settings, Target, same_architecture, signals_blocked
from explainer.gui.targetbar import TargetBar
from explainer.gui.theme import SCALE_MODES
from explainer.gui.workspace import DetailPanel, Page
from explainer.unusual import statistics_for

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm *.pbm"

PAGE_SYNC_DELAY_MS = 150
"""A page on screen catches up with the drawing once the strokes pause this long (its work is heavy)."""


class MainWindow(
    ScreenFit,
    WindowActions,
    CompareMode,
    DatasetSwitching,
    LayerExplanation,
    ModelFiles,
    OnnxFiles,
    LessonTabs,
    FollowsLanguage,
    QMainWindow,
):
    """Canvas, input preview and sample gallery on the left; the live overview and the other pages right.

    Forward mode traces without gradients (the fast live path); Backward mode traces against a ``Target``
    (true label or explained class, chosen above the overview) so the overview shows dL/d(activation) and the
    status bar the loss.

    ``model`` is a ``Sequential``, a path to a model file, or None for the bundled trained model of the
    data set in the settings (``set_dataset`` switches both). When the file cannot be loaded the window
    still opens (with the bundled model, or untrained weights as a last resort) and says why in a message
    box.

    API for window controllers (the guided tour, ``explainer.gui.tour``, which ``explainer.gui.app``
    installs): they read and drive the app through ``state`` (the ``AppState``: model, input, label,
    target and their signals), light and watch ``canvas``, ``input_preview``, ``overview`` (its
    ``map_rect``, ``column_title_rects``, ``prediction_view`` and ``reveal``) and ``centralWidget()``, and
    call ``show_network_overview``, ``trace_pending_input``, ``put_digit`` and ``add_tour``. Nothing else
    of the window is theirs to touch.

    The window's other rooms: its actions and menus (``actions``), zoom, presenting and screen fitting
    (``screen``), the layer explanation in place of the overview (``detail``) and model files
    (``modelfiles``), all in ``explainer.gui.mainwindow``.
    """

    def __init__(
        self,
        model: ModelSource = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        settings = settings if settings is not None else Settings()
        network, model_error = load_initial_model(model, dataset_named(settings.dataset))
        self.state = AppState(network, settings, self)
        self.last_error: str | None = None
        self._message_box: QMessageBox | None = None
        self._laid_out_model = network
        self._unusual_stats = statistics_for(network)

        self._update_timer = single_shot(self, 0, self._run_update)
        self._page_timer = single_shot(self, PAGE_SYNC_DELAY_MS, self._sync_current_page)
        self._init_explanation()
        self._init_screen_fit()
        # The label of a gallery or test-set digit just put on the canvas, for the update that traces it.
        self._input_label: int | None = None
        self._loading_sample = False

        self._apply_theme()
        self._build_widgets()
        self._build_actions()
        self._build_compare_actions()
        self._build_dataset_actions()
        self._build_pages()
        self._build_menus()
        self._build_mode_row()
        self._connect()
        self._load_gallery()
        self.setAcceptDrops(True)
        self._apply_settings()
        self.retranslate_ui()
        self.overview.set_model(network)
        self._target_changed(None)
        self._show_prediction(None)
        self._fit_to_screen(theme.px(1440), theme.px(880))
        self.undo_action.setEnabled(False)
        if model is not None and model_error is None:
            # A model from a file or from the caller may be another data set's (``--model``).
            self.follow_model_dataset()
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

    def open_digit(self, image: object, label: int) -> None:
        """Put a digit (e.g. a misclassified test digit) into the canvas; ``label`` becomes the true label.

        Shape:
            ``image``: ``(H, W)`` float in [0, 1] or uint8, ink bright on dark.
        """
        self.put_digit(image, label)
        self.show_page("network")
        self.show_overview()
        self.statusBar().showMessage(
            tr("Opened an image labelled {label}").format(label=self._label_text(label)), 5000
        )

    def show_page(self, key: str) -> QWidget | None:
        """Bring tab ``key`` to the front ("network" or a page key such as "stepper"); returns its view."""
        if key == "network":
            self.tabs.setCurrentWidget(self.network_page)
            return self.overview
        page = self._pages.get(key)
        if page is None:
            return None
        self.bring_to_front(page)
        return page.ensure()

    def page_view(self, key: str) -> QWidget | None:
        """The view of page ``key`` if it has been built, else None (it is built on first show)."""
        page = self._pages.get(key)
        return None if page is None else page.view()

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
        mnist = self.state.dataset.name == MNIST.name
        self.setWindowTitle(window_title(self.state.dataset))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Qt shows "title — display name" on most desktops: both name the data set in use.
            app.setApplicationDisplayName(self.windowTitle())
        self.draw_heading.setText(draw_heading(self.state.dataset))
        self.draw_hint.setText(tr("Left button draws, right button erases. The network updates as you draw."))
        self.brush_label.setText(tr("Brush"))
        self.brush_slider.setToolTip(
            tr("Brush size: thicker strokes look more like MNIST digits")
            if mnist
            else tr("Brush size: thick strokes fill large shapes quickly")
        )
        self.input_heading.setText(tr("What the network sees"))
        self.input_hint.setText(
            tr("Your drawing, cropped, scaled to 20x20 and centred in 28x28 pixels, like the MNIST digits.")
            if mnist
            else tr(
                "Your drawing or photo, cropped to the object, its longer side scaled to 28 pixels and its "
                "box centred, like the Fashion-MNIST photos."
            )
        )
        self.gallery_heading.setText(tr("Or pick a test digit") if mnist else tr("Or pick a test image"))
        self.scale_label.setText(tr("Colour scale:"))
        self.scale_combo.setToolTip(
            tr(
                "How colours are scaled: each layer on its own, each block (conv, ReLU, pool) together, "
                "or one scale for the whole network so layers can be compared."
            )
        )
        names, tips = scale_names(), scale_tips()
        for index, mode in enumerate(SCALE_MODES):
            self.scale_combo.setItemText(index, names[mode])
            self.scale_combo.setItemData(index, tips[mode], Qt.ItemDataRole.ToolTipRole)
        self._retranslate_actions()
        self._retranslate_datasets()
        self.target_bar.set_class_names([class_name(str(name)) for name in self.state.model.class_names])
        self.mode_label.setText(tr("Mode:"))
        self.model_changed_label.setText(tr("Model changed by Learn this example:"))
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
        self.draw_heading = heading("heading")
        self.draw_hint = hint()
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
        self.input_heading = heading("heading")
        self.input_hint = hint()
        input_text = QVBoxLayout()
        input_text.addWidget(self.input_heading)
        input_text.addWidget(self.input_hint)
        input_text.addStretch(1)
        input_row = QHBoxLayout()
        input_row.addWidget(self.input_preview, 0, Qt.AlignmentFlag.AlignTop)
        input_row.addLayout(input_text, 1)

        self.gallery_heading = heading("heading")
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
        # Takes the gallery's room only when a data set has no samples and the gallery is hidden.
        column.addStretch(0)
        self.left_panel = left

        self.scale_label = QLabel()
        self.scale_combo = QComboBox()
        self.scale_combo.setObjectName("scale_mode")
        self.scale_combo.addItems(["", "", ""])
        self.quantity_hint = hint()
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
        splitter.addWidget(ColumnScroll(left))
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
        # Shown while the model in use is one that "Learn this example" changed, until Undo or Restore.
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

    def _build_pages(self) -> None:
        """The detail panel in the Network tab, then one tab per declared page."""
        self.detail_panel = DetailPanel(self.back_action)
        self.network_stack.addWidget(self.detail_panel)
        self._pages: dict[str, Page] = {}
        self._page_actions: dict[str, QAction] = {}
        for spec in PAGES:
            page = Page(spec)
            page.sigCreated.connect(self._wire_page)
            if not is_lesson(page):
                self.tabs.addTab(page, "")
            self._pages[spec.key] = page
            show = functools.partial(self.show_page, spec.key)
            self._page_actions[spec.key] = self._action(
                f"show_{spec.key}", spec.shortcut, show, spec.title, spec.tip
            )
        self.build_lesson_tabs([page for page in self._pages.values() if is_lesson(page)])

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
        # A new trace is shown in this order: the overview first (the live path), the pages last.
        for show in (
            self._show_in_overview,
            self._show_prediction,
            self._show_unusual,
            self._show_loss,
            self._follow_in_detail,
            self._schedule_page_sync,
        ):
            self.state.sigTraceChanged.connect(show)
        self.overview.sigMapClicked.connect(self._open_map_detail)
        self.overview.sigUnitClicked.connect(self.show_unit_field)
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
        """Fill the gallery with the data set's samples; without them it is hidden, not shown empty."""
        dataset = self.state.dataset
        try:
            images, labels = dataset.load_samples()
        except BadInputError:
            images, labels = np.zeros((0, *dataset.input_shape[1:]), np.uint8), np.zeros(0, np.int64)
        self.gallery.set_samples(images, labels, dataset.class_names)
        self.gallery_heading.setVisible(len(labels) > 0)
        self.gallery.setVisible(len(labels) > 0)

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
            self.prediction_label.setText(
                tr("Draw a digit to see what the network thinks")
                if self.state.dataset.name == MNIST.name
                else tr("Draw or pick an image to see what the network thinks")
            )
            return
        k = int(trace.prediction[0])
        self.prediction_label.setText(
            tr("Prediction: {name} ({percent:.1f} %)").format(
                name=self._label_text(k), percent=100 * float(trace.probs[0, k])
            )
        )

    def _show_unusual(self, trace: Trace | None) -> None:
        """Warn in the status bar and under the bars when the input is unlike the training digits.

        Only for a model the shipped statistics were fitted for (the bundled MNIST one); for another data
        set's model there are no statistics, and the hint is hidden rather than shown wrong. The score reads
        the dense layer's input and the logits from the trace: about 0.05 ms per update, a fifth of the
        trace.
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
        if trace.loss is not None:
            k = int(np.asarray(trace.target).reshape(-1)[0])
            # Three significant digits: a confident right answer has a loss like 2.3e-05, not 0.000.
            text = (
                tr("Loss L = {loss} for the target {name} (the predicted class)")
                if self.state.label is None
                else tr("Loss L = {loss} for the true label {name}")
            )
            self.loss_label.setText(text.format(loss=f"{trace.loss:.3g}", name=self._label_text(k)))
            return
        k = int(np.argmax(np.asarray(trace.target)[0]))
        self.loss_label.setText(
            tr("Explaining class {name}: its score z = {score}").format(
                name=self._label_text(k), score=theme.format_value(float(trace.logits[0, k]), 3)
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
                "Forward: each map shows what its layer computed from your input (red: positive, blue: "
                "negative). Click any map to see how it was computed; right-click a point of it to see which "
                "pixels that unit sees."
            )
        compare = self._compare_hint() if hasattr(self, "_pinned") else ""
        self.quantity_hint.setText(compare or text)

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
            self.target_bar.set_class_names([class_name(str(name)) for name in model.class_names])
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
        self.dataset_group.setEnabled(not running)
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
        return Problem(state.model, state.input, state.trace, state.chosen_target, state.data)

    def _tab_changed(self, _index: int) -> None:
        """A main tab came to the front."""
        self._page_to_front()

    def _page_to_front(self) -> None:
        """A page came to the front: build its view if needed and bring it up to date now."""
        self._catch_up_overview()
        page = self.current_page()
        if page is not None:
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
        """Let the page on screen catch up once the strokes pause (pages off screen catch up when shown);
        a live page catches up at once."""
        page = self.current_page()
        if page is not None and page.spec.live:
            page.sync(self._problem())
        elif page is not None:
            self._page_timer.start()

    def _sync_current_page(self) -> None:
        """Bring the page on screen up to date."""
        page = self.current_page()
        if page is not None:
            page.sync(self._problem())

    def _wire_page(self, view: QWidget) -> None:
        """Connect the signals a page's view offers (``explainer.gui.pages.base``) the moment it is built."""
        slots = {
            "sigModelProduced": self.state.set_model,
            "sigLabelChosen": lambda label: self.state.choose_target(Target("label", int(label))),
            "sigOpenDigit": self.open_digit,
            "sigRunningChanged": self._training_running,
            "sigDatasetProduced": self.set_dataset,
            "sigShowInNetwork": self._show_changed_digit,
        }
        for name in PAGE_SIGNALS:
            signal = getattr(view, name, None)
            if signal is not None:
                signal.connect(slots[name])

    def _show_changed_digit(self, clean: np.ndarray, changed: np.ndarray, label: int) -> None:
        """Pin the clean digit's trace and show the changed one in the overview (compare mode)."""
        self.state.set_input(clean, label)
        self.pin_trace()
        self.state.set_input(changed, label)
        self.show_network_overview()

    # ----------------------------------------------------------------- slots
    def _load_sample(self, image: object, label: int) -> None:
        """Put a gallery digit into the canvas, upscaled, so it takes the same path as a drawing."""
        self._loading_sample = True
        try:
            self.put_digit(image, label)
        finally:
            self._loading_sample = False
        text = tr("Loaded a test image labelled {label}").format(label=self._label_text(label))
        self.statusBar().showMessage(text, 5000)

    def _label_text(self, label: int) -> str:
        """Class ``label`` as the status bar names it: the model's class name in the current language (one
        name is translated, not all of them: the prediction and the loss are named on every update)."""
        names = self.state.model.class_names
        return class_name(str(names[label])) if 0 <= label < len(names) else str(label)

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

    def _ask_open_image(self) -> None:
        """Ask for an image file and load it."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open image"), "", tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER)
        )
        if path:
            self.open_image(path)

    def _ask_export(self) -> None:
        """Ask where to save the overview and save it."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export view as PNG"), "cnn-explainer.png", tr("PNG images (*.png)")
        )
        if path:
            self.export_view(path)

    def _forget_message_box(self) -> None:
        """The message box was closed."""
        self._message_box = None

    # ----------------------------------------------------------------- Qt overrides
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged files."""
        if local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Load the first dropped file, the same way File → Open image does."""
        files = local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_image(files[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop pending updates and any training or evaluation thread before the window goes; a message
        box still open goes with it."""
        if self._message_box is not None:
            self._message_box.close()
        for timer in (self._update_timer, self._page_timer, self._rebuild_timer, self._follow_timer):
            timer.stop()
        # Training, evaluation and any other job: one bounded wait for all, so quitting stays quick.
        stop_all_workers()
        super().closeEvent(event)
