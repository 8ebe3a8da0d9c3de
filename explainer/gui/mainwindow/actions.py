"""The main window's actions and menus: every command with its shortcuts and texts, in one place each.

Menus, buttons and shortcuts share the actions. Each action is made by ``_action`` with its objectName,
shortcut, slot, text and tip; the texts are functions, set again on every language switch, and the
tooltip names the shortcut. The Keyboard shortcuts and About dialogs live here too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QMessageBox, QStyle, QVBoxLayout

from explainer.gui.i18n import LanguageMenu, tr
from explainer.gui.theme import SCALE_MODES

ZOOM_STEP = 1.15

Text = Callable[[], str]
"""Returns a text in the current language."""

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def scale_names() -> dict[str, str]:
    """The colour-scale modes' names, in the current language."""
    return {"layer": tr("Per layer"), "block": tr("Per block"), "global": tr("Whole network")}


def scale_tips() -> dict[str, str]:
    """What each colour-scale mode does, in the current language."""
    return {
        "layer": tr("Each layer's colours span its own range: every layer's pattern is visible"),
        "block": tr("Layers of one conv-ReLU-pool block share a range"),
        "global": tr("One range for the whole network: compare magnitudes between layers"),
    }


def tooltip_with_shortcut(tip: str, action: QAction) -> str:
    """``tip`` followed by the action's shortcut, e.g. "Erase the canvas (Esc)"."""
    sequence = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({sequence})" if sequence else tip


class WindowActions:
    """Mixin of ``MainWindow``: its actions, menus and their texts, and the Shortcuts and About dialogs."""

    def _build_actions(self) -> None:
        """Create every action with its shortcuts, slot and texts."""
        self._texts: list[tuple[QAction | QMenu, Text, Text | None]] = []
        action = self._action
        self.open_action = action(
            "open_image",
            QKeySequence.StandardKey.Open,
            self._ask_open_image,
            lambda: tr("&Open image…"),
            lambda: tr("Load a picture (PNG, JPEG, …) into the canvas"),
        )
        self.open_model_action = action(
            "open_model",
            "Ctrl+Shift+O",
            self._ask_open_model,
            lambda: tr("Open &model…"),
            lambda: tr("Use a network saved as a model file (.npz or .onnx) instead of the current one"),
        )
        self.save_model_action = action(
            "save_model",
            QKeySequence.StandardKey.Save,
            self._ask_save_model,
            lambda: tr("&Save model…"),
            lambda: tr("Save the network in use, with its weights, as a model file (.npz)"),
        )
        self.restore_model_action = action(
            "restore_bundled_model",
            "",
            self.restore_bundled_model,
            lambda: tr("&Restore bundled model"),
            lambda: tr(
                "Use the trained model that comes with the app again, undoing Learn steps and training"
            ),
        )
        self.export_onnx_action = action(
            "export_onnx",
            "",
            self._ask_export_onnx,
            lambda: tr("Export &ONNX…"),
            lambda: tr("Save the network in use as an ONNX file for PyTorch, onnxruntime or Netron"),
        )
        self.onnx_check_action = action(
            "onnx_check",
            "",
            self.check_onnx_import,
            lambda: tr("&Check ONNX import…"),
            lambda: tr("Compare the opened ONNX file's numbers with the app's, layer by layer"),
        )
        self.export_action = action(
            "export_png",
            "Ctrl+E",
            self._ask_export,
            lambda: tr("&Export view as PNG…"),
            lambda: tr("Save the overview as a PNG image"),
        )
        self.quit_action = action(
            "quit",
            QKeySequence.StandardKey.Quit,
            self.close,
            lambda: tr("&Quit"),
            lambda: tr("Close the app"),
        )
        self.undo_action = action(
            "undo",
            QKeySequence.StandardKey.Undo,
            self.canvas.undo,
            lambda: tr("&Undo"),
            lambda: tr("Undo the last stroke, Clear or loaded image"),
        )
        self.clear_action = action(
            "clear",
            Qt.Key.Key_Escape,
            self.canvas.clear,
            lambda: tr("&Clear"),
            lambda: tr("Erase the canvas"),
        )
        self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(Qt.Key.Key_C)])
        self.eraser_action = action(
            "eraser",
            Qt.Key.Key_E,
            self.canvas.set_eraser,
            lambda: tr("&Eraser"),
            lambda: tr("The left button erases while this is on"),
            checkable=True,
        )
        self.brush_bigger_action = action(
            "brush_bigger",
            Qt.Key.Key_BracketRight,
            lambda: self._step_brush(+4),
            lambda: tr("&Bigger brush"),
            lambda: tr("Make the brush thicker"),
        )
        self.brush_smaller_action = action(
            "brush_smaller",
            Qt.Key.Key_BracketLeft,
            lambda: self._step_brush(-4),
            lambda: tr("&Smaller brush"),
            lambda: tr("Make the brush thinner"),
        )
        self.dark_action = action(
            "dark",
            "Ctrl+D",
            self.set_dark,
            lambda: tr("&Dark palette"),
            lambda: tr("Switch between light and dark colours"),
            checkable=True,
        )
        self.zoom_in_action = action(
            "zoom_in",
            "Ctrl+=",
            lambda: self._step_zoom(ZOOM_STEP),
            lambda: tr("Zoom &in"),
            lambda: tr("Larger fonts and maps, for projectors"),
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = action(
            "zoom_out",
            "Ctrl+-",
            lambda: self._step_zoom(1 / ZOOM_STEP),
            lambda: tr("Zoom &out"),
            lambda: tr("Smaller fonts and maps"),
        )
        self.zoom_reset_action = action(
            "zoom_reset",
            "Ctrl+0",
            lambda: self.set_zoom(1.0),
            lambda: tr("&Reset zoom"),
            lambda: tr("Normal size"),
        )
        self.present_action = action(
            "present",
            Qt.Key.Key_F11,
            self.set_presenting,
            lambda: tr("&Present"),
            lambda: tr("Full screen for a projector: large maps, no menus or hints; F11 or Esc leaves"),
            checkable=True,
        )
        self.shortcuts_action = action(
            "shortcuts",
            Qt.Key.Key_F1,
            self.show_shortcuts,
            lambda: tr("&Keyboard shortcuts"),
            lambda: tr("List every keyboard shortcut"),
        )
        self.about_action = action(
            "about", "", self.show_about, lambda: tr("&About"), lambda: tr("What this app is")
        )

        self.scale_group = QActionGroup(self)
        self.scale_group.setExclusive(True)
        for index, mode in enumerate(SCALE_MODES):
            scale = action(
                f"scale_{mode}",
                f"Ctrl+{index + 1}",
                None,
                lambda mode=mode: scale_names()[mode],
                lambda mode=mode: scale_tips()[mode],
                checkable=True,
            )
            scale.setData(mode)
            self.scale_group.addAction(scale)
        self.scale_group.triggered.connect(lambda chosen: self.set_scale_mode(chosen.data()))

        self.forward_action = action(
            "forward_mode",
            Qt.Key.Key_F,
            None,
            lambda: tr("&Forward"),
            lambda: tr("Show what every layer computes from your input (activations)"),
            checkable=True,
        )
        self.backward_action = action(
            "backward_mode",
            Qt.Key.Key_B,
            None,
            lambda: tr("&Backward"),
            lambda: tr("Show the gradients flowing back from the loss: how every value should change"),
            checkable=True,
        )
        self.mode_group = QActionGroup(self)
        self.mode_group.setExclusive(True)
        for mode_action, mode in ((self.forward_action, "forward"), (self.backward_action, "backward")):
            mode_action.setData(mode)
            self.mode_group.addAction(mode_action)
        self.mode_group.triggered.connect(lambda chosen: self.set_mode(chosen.data()))
        self.back_action = action(
            "back_to_overview",
            "Alt+Left",
            self.show_overview,
            lambda: tr("Back to the &overview"),
            lambda: tr("Close the explanation and show every layer"),
        )
        self.back_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.network_action = action(
            "show_network",
            "Alt+1",
            lambda: self.show_page("network"),
            lambda: tr("&Network overview"),
            lambda: tr("Every layer of the network, live, as you draw"),
        )

        self.eraser_button.setDefaultAction(self.eraser_action)
        self.undo_button.setDefaultAction(self.undo_action)
        self.clear_button.setDefaultAction(self.clear_action)

    def _action(
        self,
        name: str,
        shortcut: Shortcut | Qt.Key,
        slot: Callable[..., object] | None,
        text: Text,
        tip: Text,
        *,
        checkable: bool = False,
    ) -> QAction:
        """A window-wide action called ``name`` with ``shortcut``, triggering ``slot`` (if any), whose
        ``text`` and ``tip`` are set now and after every language switch. A ``checkable`` action gives
        ``slot`` its new state instead."""
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        if slot is not None and checkable:
            action.toggled.connect(slot)
        elif slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self._texts.append((action, text, tip))
        return action

    def _menu(self, parent: QMenu | None, title: Text, *actions: QAction | None) -> QMenu:
        """A menu in the menu bar (or in ``parent``) titled ``title()``, holding ``actions`` (None: a
        separator)."""
        menu = (parent or self.menuBar()).addMenu("")
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self._texts.append((menu, title, None))
        return menu

    def _build_menus(self) -> None:
        """Fill the menu bar; each page's action goes to the menu its declaration names."""
        menu = self._menu
        self.file_menu = menu(None, lambda: tr("&File"), self.open_action, self.open_model_action)
        self.file_menu.addActions([self.save_model_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu(
            None, lambda: tr("&Edit"), self.undo_action, self.clear_action, self.eraser_action
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.brush_bigger_action, self.brush_smaller_action])
        self.view_menu = menu(None, lambda: tr("&View"), self.dark_action, None, self.zoom_in_action)
        self.view_menu.addActions([self.zoom_out_action, self.zoom_reset_action, self.present_action])
        self.view_menu.addSeparator()
        self.scale_menu = menu(self.view_menu, lambda: tr("Colour &scale"), *self.scale_group.actions())
        self.view_menu.addSeparator()
        self.view_menu.addActions([*self.mode_group.actions(), self.back_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.pin_action, self.difference_action, self.unpin_action])
        pages = {
            name: [self._page_actions[key] for key, page in self._pages.items() if page.spec.menu == name]
            for name in ("learn", "lessons", "model")
        }
        self.learn_menu = menu(None, lambda: tr("&Learn"), self.network_action, *pages["learn"])
        self.lessons_menu = menu(None, lambda: tr("Le&ssons"), *pages["lessons"])
        self.lessons_menu.menuAction().setVisible(bool(pages["lessons"]))
        self.model_menu = menu(None, lambda: tr("&Model"), *pages["model"], None, self.open_model_action)
        self.model_menu.addActions([self.save_model_action, self.restore_model_action])
        self.model_menu.addActions([self.export_onnx_action, self.onnx_check_action])
        self.model_menu.addSeparator()
        self.dataset_menu = menu(self.model_menu, lambda: tr("&Data set"), *self.dataset_group.actions())
        self.dataset_menu.setObjectName("dataset_menu")
        self.model_changed_restore.setDefaultAction(self.restore_model_action)
        self.language_menu = LanguageMenu(self)
        self.menuBar().addMenu(self.language_menu)
        self.help_menu = menu(None, lambda: tr("&Help"), self.shortcuts_action, self.about_action)

    def _retranslate_actions(self) -> None:
        """Set the texts of every action and menu, and of the tabs, in the current language."""
        for target, text, tip in self._texts:
            if isinstance(target, QMenu):
                target.setTitle(text())
                continue
            target.setText(text())
            if tip is not None:
                target.setToolTip(tooltip_with_shortcut(tip(), target))
                target.setStatusTip(tip())
        self.tabs.setTabText(0, tr("Network"))
        self.tabs.setTabToolTip(0, self.network_action.toolTip())
        for page in self._pages.values():
            tabs = self.tab_widget_of(page)
            index = tabs.indexOf(page)
            tabs.setTabText(index, page.spec.title())
            tabs.setTabToolTip(index, self._page_actions[page.spec.key].toolTip())
        lessons = self.tabs.indexOf(self.lesson_tabs)
        self.tabs.setTabText(lessons, tr("Lessons"))
        self.tabs.setTabToolTip(
            lessons, tr("The seeds' other lessons and the what-if experiments, one tab each")
        )
        for language in self.language_menu.actions():
            language.setToolTip(tr("Show the app in {language}").format(language=language.text()))

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut and mouse gesture in a dialog."""
        rows = [
            (tr("Left mouse button"), tr("Draw")),
            (tr("Right mouse button"), tr("Erase")),
            (tr("Click a map"), tr("How its layer computed it")),
            (tr("Right-click a map"), tr("Which pixels that unit sees (Receptive fields)")),
        ]
        for action in self.findChildren(QAction):
            sequences = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            sequences = [s for s in sequences if s]
            if sequences and action.text():
                what = action.text().replace("&", "").rstrip("…")
                if action.actionGroup() is self.scale_group:
                    what = tr("Colour scale: {mode}").format(mode=what)
                rows.append((" / ".join(sequences), what))
        if not self.unpin_action.shortcuts():
            rows.append((tr("Esc (while pinned)"), tr("Unpin, before Esc clears the canvas")))
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
