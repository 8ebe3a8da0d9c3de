"""The main window: draw a digit on the left, watch every layer of the network react in the centre."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSlider,
    QSplitter,
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
from explainer.gui.i18n import tr
from explainer.gui.state import SCALE_MODES, AppState, Settings, signals_blocked
from explainer.gui.views.overview import OverviewView

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm *.pbm"
PREVIEW_SIZE = 112
THUMBNAIL_SIZE = 36
ZOOM_STEP = 1.15


class MainWindow(QMainWindow):
    """Canvas, input preview and sample gallery on the left; the live overview of every layer in the centre.

    ``model`` is a ``Sequential``, a path to a model file, or None for the bundled trained model. When the
    file cannot be loaded the window still opens (with the bundled model, or untrained weights as a last
    resort) and says why in a message box.
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

        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)
        self._update_timer.timeout.connect(self._run_update)

        self._apply_theme()
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self._load_gallery()
        self.setAcceptDrops(True)
        self._apply_settings()
        self.retranslate_ui()
        self.overview.set_model(network)
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

    def open_image(self, path: str | os.PathLike[str]) -> bool:
        """Load an image file into the canvas (undoable); on a bad file, show why and keep the canvas."""
        try:
            image = explainer.load_image(path)
            self.canvas.set_image(image)
        except BadInputError as error:
            self.show_error(tr("Cannot open this image"), str(error))
            return False
        self.statusBar().showMessage(tr("Opened {name}").format(name=Path(path).name), 5000)
        return True

    def export_view(self, path: str | os.PathLike[str]) -> Path | None:
        """Save the overview as a PNG at twice its screen resolution; returns the file written or None."""
        try:
            written = export_widget_png(self.overview, path)
        except BadInputError as error:
            self.show_error(tr("Cannot export the view"), str(error))
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

    def set_zoom(self, factor: float) -> None:
        """Scale fonts, the canvas and the maps (for projectors); clamped to theme's range."""
        theme.set_zoom(factor)
        self.state.settings.zoom = theme.zoom()

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
            self.shortcuts_action: (tr("&Keyboard shortcuts"), tr("List every keyboard shortcut")),
            self.about_action: (tr("&About"), tr("What this app is")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(_tooltip_with_shortcut(tip, action))
            action.setStatusTip(tip)
        self.file_menu.setTitle(tr("&File"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        self.scale_menu.setTitle(tr("Colour &scale"))
        self.help_menu.setTitle(tr("&Help"))
        self.timing_label.setToolTip(
            tr("Time of the last update: preprocessing, the forward pass and refreshing the views")
        )
        self._show_prediction(self.state.trace)

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
        top_bar = QHBoxLayout()
        top_bar.addStretch(1)
        top_bar.addWidget(self.scale_label)
        top_bar.addWidget(self.scale_combo)
        self.overview = OverviewView()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addLayout(top_bar)
        right_column.addWidget(self.overview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.prediction_label = QLabel()
        self.prediction_label.setObjectName("status_prediction")
        self.timing_label = QLabel()
        self.timing_label.setObjectName("status_timing")
        self.statusBar().addPermanentWidget(self.prediction_label)
        self.statusBar().addPermanentWidget(self.timing_label)

    def _build_actions(self) -> None:
        """Create every action with its shortcuts (menus, buttons and shortcuts share them)."""
        self.open_action = self._action("open_image", QKeySequence.StandardKey.Open, self._ask_open_image)
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

    def _build_menus(self) -> None:
        """Fill the menu bar."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_action, self.export_action])
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
        self.view_menu.addSeparator()
        self.scale_menu = self.view_menu.addMenu("")
        self.scale_menu.addActions(self.scale_group.actions())
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def _connect(self) -> None:
        """Wire the one-way data flow: canvas → state → views."""
        self.canvas.sigChanged.connect(self._schedule_update)
        self.brush_slider.valueChanged.connect(self._set_brush)
        self.scale_combo.currentIndexChanged.connect(lambda index: self.set_scale_mode(SCALE_MODES[index]))
        self.gallery.sigDigitChosen.connect(self._load_sample)
        self.state.sigModelChanged.connect(self.overview.set_model)
        self.state.sigInputChanged.connect(self.input_preview.set_input)
        self.state.sigTraceChanged.connect(self.overview.set_trace)
        self.state.sigTraceChanged.connect(self._show_prediction)
        self.state.sigTraceChanged.connect(self._follow_in_detail)
        self.overview.sigMapClicked.connect(self._open_map_detail)
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
        try:
            self.state.set_image(self.canvas.pixels())
        except BadInputError as error:
            self.show_error(tr("Cannot use this input"), str(error))
            return
        elapsed_ms = (time.perf_counter() - start) * 1000
        self.timing_label.setText(tr("update {ms:.1f} ms").format(ms=elapsed_ms))

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

    # ----------------------------------------------------------------- slots
    def _load_sample(self, image: object, label: int) -> None:
        """Put a gallery digit into the canvas, upscaled, so it takes the same path as a drawing."""
        self.canvas.set_image(image)  # type: ignore[arg-type]
        self.statusBar().showMessage(tr("Loaded a test digit labelled {label}").format(label=label), 5000)

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
        """Resize the canvas, preview and thumbnails for the current zoom."""
        self.canvas.set_display_size(theme.px(CANVAS_SIZE))
        self.input_preview.set_display_size(theme.px(PREVIEW_SIZE))
        self.gallery.set_thumbnail_size(theme.px(THUMBNAIL_SIZE))

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

    def _open_map_detail(self, layer: int, channel: int) -> None:
        """Show one feature map large, with its values."""
        trace = self.state.trace
        if trace is None:
            return
        # Imported on first use: the detail dialog is not needed for the first paint.
        from explainer.gui.views.mapdetail import MapDetailDialog

        if self._detail is not None:
            self._detail.close()
        self._detail = MapDetailDialog(trace, layer, channel, self)
        self._detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._detail.destroyed.connect(self._forget_detail)
        self._detail.show()

    def _follow_in_detail(self, trace: Trace | None) -> None:
        """Keep an open map detail in step with the drawing; after Clear it keeps the last map."""
        if self._detail is not None and trace is not None:
            self._detail.set_trace(trace)  # type: ignore[attr-defined]

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

    def changeEvent(self, event: QEvent) -> None:
        """Follow run-time language switches."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a pending update so it cannot run on a closing window."""
        self._update_timer.stop()
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
            errors.append(str(error))
    errors.append(tr("Using an untrained network with random weights: its predictions mean nothing."))
    return reference_net(), "\n\n".join(errors)


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
