"""What a class meets: a language switch reaching open views, keys that work as a tab shows, and colours
that can be read in both palettes (WCAG AA, 4.5:1)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from explainer.data import MNIST
from explainer.gui import theme
from explainer.gui.app import create_window
from explainer.gui.i18n import set_language, tr
from explainer.gui.kit.animation import StepPlayer
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages import PAGES
from explainer.gui.state import Settings
from explainer.gui.workspace import Page

CJK = re.compile("[\u4e00-\u9fff]")
AA = 4.5


@pytest.fixture
def window(shown, settings) -> MainWindow:
    win = shown(create_window(settings=Settings()))
    win.activateWindow()
    images, labels = MNIST.load_samples()
    win.open_digit(images[30], int(labels[30]))
    yield win
    set_language(QApplication.instance(), "en", settings)
    win.set_dark(False)


def open_conv1(window: MainWindow) -> QWidget:
    """Click conv1's first map in the overview, as a student would; returns the explanation."""
    rect = window.overview.map_rect(0, 0)
    QTest.mouseClick(
        window.overview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    view = window.detail_view()
    assert view is not None and view.objectName() == "conv_view"
    return view


def texts(root: QWidget) -> list[str]:
    """Every text and tooltip a person can read on ``root`` and its children."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        if isinstance(widget, QAbstractSpinBox):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(index) for index in range(widget.count())]
        found.append(widget.toolTip())
    return [text for text in found if text]


def test_a_language_switch_reaches_an_explanation_on_a_hidden_tab(window: MainWindow, settings) -> None:
    app = QApplication.instance()
    set_language(app, "zh_CN", settings)
    view = open_conv1(window)
    assert any(CJK.search(text) for text in texts(view))
    window.show_page("stepper")
    set_language(app, "en", settings)
    QApplication.processEvents()
    window.show_page("network")
    assert window.file_menu.title() == "&File"
    assert window.detail_view() is view
    chinese = [text for text in texts(view) if CJK.search(text)]
    assert chinese == []
    assert view.title.text().startswith("conv1") and "output map" in view.channel_box.text()
    # And back: switching while the explanation is on screen reaches it too.
    set_language(app, "zh_CN", settings)
    QApplication.processEvents()
    assert CJK.search(view.title.text()) and CJK.search(view.text.text())
    assert CJK.search(view.findChild(QPushButton, "export_png").text())


def test_the_playground_page_follows_the_language_while_hidden(window: MainWindow, settings) -> None:
    app = QApplication.instance()
    set_language(app, "zh_CN", settings)
    playground = window.show_page("playground")
    assert any(CJK.search(text) for text in texts(playground))
    window.show_page("network")
    set_language(app, "en", settings)
    QApplication.processEvents()
    assert [text for text in texts(playground) if CJK.search(text)] == []
    assert not CJK.search(playground.text.text()) and not CJK.search(playground.title.text())


def test_the_class_subscript_survives_the_chinese_title(settings) -> None:
    set_language(QApplication.instance(), "zh_CN", settings)
    try:
        title = tr("Gradient ∂z{c}/∂x").format(c=theme.subscript("6"))
        contrast = tr("gradient of z{a} − z{b}").format(a=theme.subscript("3"), b=theme.subscript("8"))
    finally:
        set_language(QApplication.instance(), "en", settings)
    assert "∂z₆/∂x" in title and CJK.search(title)
    assert "z₃ − z₈" in contrast
    assert theme.subscript("12") == "₁₂" and theme.subscript("cat") == "_cat"


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` where the keyboard focus is, as a real keyboard would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)


def test_step_through_takes_end_and_left_right_after_alt_2(window: MainWindow, qtbot) -> None:
    window.canvas.setFocus()
    press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    view = window.page_view("stepper")
    assert view is not None and window.tabs.currentWidget().spec.key == "stepper"
    player = view.findChild(StepPlayer)
    assert player.count() > 2
    press(Qt.Key.Key_End)
    assert player.step() == player.count() - 1
    press(Qt.Key.Key_Left)
    assert player.step() == player.count() - 2
    press(Qt.Key.Key_Home)
    assert player.step() == 0


def test_every_tab_has_the_keys_as_soon_as_it_shows(window: MainWindow) -> None:
    window.canvas.setFocus()
    for spec in PAGES:
        page = window.findChild(Page, f"page_{spec.key}")
        # Each page's own shortcut: Alt+N for the main tabs, Alt+Shift+N for the lessons inside theirs.
        combination = QKeySequence(spec.shortcut)[0]
        press(combination.key(), combination.keyboardModifiers())
        assert window.current_page() is page, spec.key
        view = page.view()
        focus = QApplication.focusWidget()
        assert view is not None and focus is not None
        assert focus is view or view.isAncestorOf(focus), (spec.key, focus)
    # Back on the Network tab, an open explanation has the keys again.
    conv = open_conv1(window)
    press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    press(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    press(Qt.Key.Key_End)
    assert conv.player.step() == conv.player.count() - 1


def _role_pairs(widget: QWidget) -> list[tuple[QPalette.ColorRole, QPalette.ColorRole]]:
    """(text, background) palette roles a widget of this kind is drawn with (Fusion style)."""
    role = QPalette.ColorRole
    if isinstance(widget, QToolButton) and widget.autoRaise():
        return [(role.ButtonText, role.Window)]
    if isinstance(widget, (QCheckBox, QRadioButton, QLabel, QGroupBox)):
        return [(role.WindowText, role.Window)]
    if isinstance(widget, (QPushButton, QToolButton)):
        return [(role.ButtonText, role.Button)]
    if isinstance(widget, QComboBox):
        return [(role.ButtonText, role.Button), (role.Text, role.Base)]
    if isinstance(widget, (QAbstractSpinBox, QLineEdit)):
        return [(role.Text, role.Base), (role.PlaceholderText, role.Base)]
    if isinstance(widget, QAbstractItemView):
        return [(role.Text, role.Base), (role.HighlightedText, role.Highlight)]
    if isinstance(widget, (QTabBar, QMenuBar)):
        return [(role.WindowText, role.Window), (role.ButtonText, role.Button)]
    return []


def _icon_colour(button: QAbstractButton) -> QColor | None:
    """The mean colour of an icon's opaque pixels (None: no icon)."""
    if button.icon().isNull():
        return None
    image = button.icon().pixmap(button.iconSize()).toImage()
    image = image.convertToFormat(image.Format.Format_ARGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    opaque = pixels[..., 3] > 200
    if not opaque.any():
        return None
    blue, green, red = (float(pixels[..., channel][opaque].mean()) for channel in range(3))
    return QColor(round(red), round(green), round(blue))


def contrast_failures(root: QWidget) -> list[str]:
    """Every visible control under ``root`` whose text (or icon) is below 4.5:1 on its background."""
    failures = []
    colour = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        palette = widget.palette()
        groups = [QPalette.ColorGroup.Active]
        if not widget.isEnabled():
            groups.append(QPalette.ColorGroup.Disabled)
        for group in groups:
            for text_role, back_role in _role_pairs(widget):
                ratio = theme.contrast_ratio(palette.color(group, text_role), palette.color(group, back_role))
                if ratio < AA:
                    failures.append(
                        f"{type(widget).__name__} {widget.objectName()!r} {text_role.name}: {ratio:.2f}"
                    )
        for match in colour.finditer(widget.styleSheet()):
            ratio = theme.contrast_ratio(QColor(match.group(1)), palette.color(QPalette.ColorRole.Window))
            if ratio < AA:
                failures.append(f"{type(widget).__name__} {widget.objectName()!r} style sheet: {ratio:.2f}")
        if isinstance(widget, QAbstractButton) and not widget.text():
            icon = _icon_colour(widget)
            back = (
                QPalette.ColorRole.Window
                if isinstance(widget, QToolButton) and widget.autoRaise()
                else (QPalette.ColorRole.Button)
            )
            if icon is not None and (ratio := theme.contrast_ratio(icon, palette.color(back))) < AA:
                failures.append(f"{type(widget).__name__} {widget.toolTip()!r} icon: {ratio:.2f}")
    return failures


def test_the_step_player_is_unreadable_with_the_style_s_own_icons_on_the_dark_palette(window) -> None:
    """The check itself can fail: the style's dark grey icons, as before, fail on the dark palette."""
    window.set_dark(True)
    QApplication.processEvents()
    view = open_conv1(window)
    assert contrast_failures(view.player) == []
    button = view.player.findChild(QToolButton, "play")
    button.setIcon(button.style().standardIcon(button.style().StandardPixmap.SP_MediaPlay))
    assert any("icon" in failure for failure in contrast_failures(view.player))


@pytest.mark.parametrize("dark", [False, True])
def test_every_control_meets_wcag_aa_in_both_palettes(window: MainWindow, dark: bool) -> None:
    window.set_dark(dark)
    QApplication.processEvents()  # the new palette reaches the widgets through posted events
    palette = theme.current()
    for text in (palette.text, palette.muted, palette.link):
        for back in (palette.background, palette.surface):
            assert theme.contrast_ratio(text, back) >= AA, (palette.name, text.name(), back.name())
    failures = contrast_failures(window)
    open_conv1(window)
    failures += contrast_failures(window)
    for key in window._pages:
        window.show_page(key)
        QApplication.processEvents()
        failures += contrast_failures(window.tabs.currentWidget())
    assert failures == [], "\n".join(sorted(set(failures)))


def test_contrast_ratio_matches_wcag() -> None:
    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio(QColor("#123456"), QColor("#123456")) == pytest.approx(1.0)
