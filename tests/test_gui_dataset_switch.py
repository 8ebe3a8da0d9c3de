"""Model → Data set: the whole window follows a switch to Fashion-MNIST and back, and remembers it."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from explainer.data import FASHION_MNIST, FASHION_MNIST_CLASSES, MNIST
from explainer.data.preprocess import to_fashion_mnist
from explainer.gui import i18n
from explainer.gui.app import create_window
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages import PAGES
from explainer.gui.state import DATA_DIR_KEY, Settings, data_dir_key, load_settings, save_settings
from explainer.gui.tour.panel import TourPanel
from explainer.modelio import load_model
from explainer.unusual import model_sha256

DIGITS = [str(k) for k in range(10)]


@pytest.fixture
def window(shown, settings) -> MainWindow:
    """The app's window on its bundled models, with throw-away QSettings."""
    return shown(MainWindow(settings=Settings()))


def draw(window: MainWindow) -> None:
    """A vertical stroke (a one, or a trouser leg), traced at once."""
    canvas = window.canvas
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 40))
    for y in range(40, 241, 20):
        QTest.mouseMove(canvas, QPoint(140, y))
        QApplication.processEvents()
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(140, 240))
    window.trace_pending_input()
    assert window.current_trace() is not None


def test_the_data_set_menu_offers_both_data_sets_with_mnist_ticked(window: MainWindow) -> None:
    mnist = window.findChild(QAction, "dataset_mnist")
    fashion = window.findChild(QAction, "dataset_fashion_mnist")
    assert mnist is not None and fashion is not None
    assert mnist in window.dataset_menu.actions() and fashion in window.dataset_menu.actions()
    assert window.dataset_menu.menuAction() in window.model_menu.actions()
    assert mnist.isChecked() and not fashion.isChecked() and window.dataset_group.isExclusive()
    assert mnist.text() and fashion.text() and fashion.toolTip()
    assert window.current_dataset() is MNIST


def test_switching_to_fashion_mnist_changes_the_model_gallery_and_bars_and_back(
    window: MainWindow, qtbot
) -> None:
    draw(window)
    window.findChild(QAction, "dataset_fashion_mnist").trigger()
    assert window.current_dataset() is FASHION_MNIST
    assert window.findChild(QAction, "dataset_fashion_mnist").isChecked()
    assert not window.findChild(QAction, "dataset_mnist").isChecked()
    assert list(window.state.model.class_names) == list(FASHION_MNIST_CLASSES)
    # The bundled Fashion-MNIST network, weights and all.
    assert model_sha256(window.state.model) == model_sha256(load_model("assets/fashion_mnist.npz"))
    # The canvas stays and its drawing is traced by the new model.
    assert window.canvas.pixels().any()
    trace = window.current_trace()
    assert trace is not None and trace.probs.shape == (1, 10)
    np.testing.assert_allclose(trace.probs, window.state.model.predict_proba(trace.input), rtol=1e-5)
    # The gallery shows the Fashion-MNIST samples, named in the tooltips.
    _, labels = FASHION_MNIST.load_samples()
    assert window.gallery.count_samples() == len(labels)
    window.gallery.choose(0)
    assert window.state.label == int(labels[0])
    assert FASHION_MNIST_CLASSES[int(labels[0])] in window.gallery.item(0).toolTip()
    assert window.statusBar().currentMessage().endswith(f"labelled {FASHION_MNIST_CLASSES[int(labels[0])]}")
    # The prediction bars, the target bar and the status bar name the clothes.
    assert window.overview.prediction_view().class_names() == list(FASHION_MNIST_CLASSES)
    combo = window.target_bar.class_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == list(FASHION_MNIST_CLASSES)
    predicted = FASHION_MNIST_CLASSES[int(window.current_trace().prediction[0])]
    assert predicted in window.prediction_label.text()
    assert "clothing" in window.draw_heading.text()
    # The unusual-input statistics are the MNIST model's: no hint for the Fashion-MNIST one.
    assert window._unusual_stats is None and window.unusual_label.isHidden()

    assert window.set_dataset("MNIST")
    assert window.current_dataset() is MNIST
    assert window.findChild(QAction, "dataset_mnist").isChecked()
    assert list(window.state.model.class_names) == DIGITS
    assert window.overview.prediction_view().class_names() == DIGITS
    _, mnist_labels = MNIST.load_samples()
    window.gallery.choose(3)
    assert window.state.label == int(mnist_labels[3])
    assert window.statusBar().currentMessage().endswith(f"labelled {int(mnist_labels[3])}")
    assert "digit" in window.draw_heading.text()


def test_restore_bundled_model_means_the_data_sets_model(window: MainWindow) -> None:
    window.set_dataset(FASHION_MNIST)
    window.state.set_model(load_model())  # say, a model opened from a file
    assert window.restore_bundled_model()
    assert list(window.state.model.class_names) == list(FASHION_MNIST_CLASSES)


def test_an_unknown_data_set_is_refused_and_changes_nothing(window: MainWindow) -> None:
    model = window.state.model
    assert not window.set_dataset("CIFAR-10")
    assert window.current_dataset() is MNIST and window.state.model is model
    assert "CIFAR-10" in window.last_error
    assert window.findChild(QAction, "dataset_mnist").isChecked()


def test_a_drawing_after_the_switch_is_preprocessed_the_fashion_mnist_way(window: MainWindow) -> None:
    window.set_dataset("Fashion-MNIST")
    draw(window)
    expected = to_fashion_mnist(window.canvas.pixels())
    np.testing.assert_array_equal(window.state.input, expected)
    # Fashion-MNIST centres the object's box and fills 28 pixels, unlike MNIST's 20x20 by mass.
    rows = np.flatnonzero(window.state.input.any(axis=1))
    assert rows[-1] - rows[0] + 1 > 20


@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_declared_page_follows_a_data_set_switch(window: MainWindow, spec) -> None:
    draw(window)
    view = window.show_page(spec.key)
    assert view is not None
    window.set_dataset("Fashion-MNIST")
    QApplication.processEvents()
    model, data = window.state.model, window.state.data
    assert data.dataset is FASHION_MNIST
    if spec.key in ("playground", "conv1d"):
        # The playground and the 1-D lesson work on the digit alone: they take the new input.
        np.testing.assert_array_equal(view._digit, window.current_trace().input[0, 0])
    elif spec.key == "side_by_side":
        # It compares both bundled networks whatever the data set, and marks the one in use.
        assert view._dataset is FASHION_MNIST
        np.testing.assert_array_equal(view.current_input(), window.state.input)
    elif spec.key == "arch_editor":
        assert view._dataset is FASHION_MNIST
        assert list(view.build_model().class_names) == list(FASHION_MNIST_CLASSES)
    elif spec.key == "activations":
        # It reads the new model's trace and names its classes.
        assert view._trace is window.current_trace() and view._class_names == list(FASHION_MNIST_CLASSES)
    elif spec.key == "generative":
        # Its VAEs learned MNIST digits: it encodes the new input all the same and says so above it all.
        assert view._data is data and view.notice.isVisible() and "Fashion-MNIST" in view.notice.text()
        np.testing.assert_array_equal(view.drawing.image(), window.state.input)
    elif spec.key == "descent":
        # It races its own fresh network on the data set's images.
        assert view._data is data and "Fashion-MNIST" in view.data_label.text()
    elif spec.key == "debias":
        # DB-VAE's rarity comes from the bundled VAE of digits: it keeps MNIST and says why.
        assert view._data is data and "MNIST digits" in view.source_label.text()
    else:
        assert view._model is model, spec.key
    if spec.key in ("training", "evaluation"):
        assert view._data is data and view._data.dataset is FASHION_MNIST
    if spec.key == "learn":
        assert view.model() is model
        view.reset()  # the bundled model of the data set in use
        assert list(view.model().class_names) == list(FASHION_MNIST_CLASSES)
    if spec.key in ("stepper", "gradcheck", "attribution", "learn"):
        box = view.label_box
        assert box.itemText(int(FASHION_MNIST_CLASSES.index("Trouser"))) == "Trouser"


def test_the_choice_and_each_data_sets_folder_survive_a_restart(qtbot, settings, tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=Settings(data_dir=tmp_path / "digits"))
    qtbot.addWidget(win)
    win.set_dataset("Fashion-MNIST")
    assert win.state.data.folder() != tmp_path / "digits"  # the digits' folder is not the clothes'
    win.state.data.set_folder(tmp_path / "clothes")
    save_settings(win.settings(), store)
    win.close()
    assert store.value(data_dir_key("Fashion-MNIST")) == str(tmp_path / "clothes")
    assert store.value(DATA_DIR_KEY) == str(tmp_path / "digits")

    restored = load_settings(store)
    assert restored.dataset == "Fashion-MNIST" and restored.data_dir == tmp_path / "clothes"
    again = MainWindow(settings=restored)
    qtbot.addWidget(again)
    assert again.current_dataset() is FASHION_MNIST
    assert again.findChild(QAction, "dataset_fashion_mnist").isChecked()
    assert list(again.state.model.class_names) == list(FASHION_MNIST_CLASSES)
    assert again.gallery.count_samples() == len(FASHION_MNIST.load_samples()[1])
    assert again.state.data.folder() == tmp_path / "clothes"
    again.set_dataset("MNIST")
    assert again.state.data.folder() == tmp_path / "digits"
    again.close()


def test_a_damaged_data_set_setting_falls_back_to_mnist(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("data/dataset", "no such data")
    assert load_settings(store).dataset == "MNIST"


def test_class_names_are_shown_in_chinese(window: MainWindow, qtbot, tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window.set_dataset("Fashion-MNIST")
    draw(window)
    try:
        i18n.set_language(QApplication.instance(), "zh_CN", store)
        if i18n.tr("Trouser") == "Trouser":
            pytest.skip("the Chinese catalogue does not name the clothes yet")
        names = [i18n.class_name(name) for name in FASHION_MNIST_CLASSES]
        qtbot.waitUntil(lambda: window.overview.prediction_view().class_names() == names)
        combo = window.target_bar.class_combo
        assert [combo.itemText(i) for i in range(1, combo.count())] == names
    finally:
        i18n.set_language(QApplication.instance(), "en", store)
    qtbot.waitUntil(lambda: window.overview.prediction_view().class_names() == list(FASHION_MNIST_CLASSES))


# ---- in Fashion-MNIST mode no shown text speaks of digits or of MNIST as the data -----------------------

DATA_WORDS = re.compile(r"\bdigits?\b|数字|(?<!Fashion-)\bMNIST\b")
"""Words that name MNIST's data: "digit(s)", "数字" and MNIST (but not in the name Fashion-MNIST)."""

ON_PURPOSE = {"dataset_mnist", "about", "side_by_side", "generative_notice", "generative_model", "debias"}
"""objectNames whose texts name MNIST on purpose: the Data set menu's MNIST entry, About (the app's name),
the side-by-side page, which compares the MNIST network with the Fashion-MNIST one, the Generative
tab's notice and model line, which say that its bundled VAE learned MNIST, and the DB-VAE lesson, whose
rarity comes from the bundled VAE of digits."""


NAMES = ("Keras MNIST tutorial",)
"""Proper names that contain "MNIST" without meaning the data in use (an architecture preset's source)."""


def speaks_of_digits(texts: dict[str, str]) -> dict[str, str]:
    """The texts (by where they are shown) that still name MNIST's data."""
    found = {}
    for where, text in texts.items():
        for name in NAMES:
            text = text.replace(name, "")
        if DATA_WORDS.search(text):
            found[where] = text
    return found


def on_purpose(widget: QWidget) -> bool:
    """True for a widget inside one of the :data:`ON_PURPOSE` parts."""
    while widget is not None:
        if widget.objectName() in ON_PURPOSE:
            return True
        widget = widget.parentWidget()
    return False


def shown_texts(window: MainWindow) -> dict[str, str]:
    """Every text the window shows now: its title, its actions (menus, tab tips), the visible widgets'
    texts, tooltips and combo box items, and the status bar."""
    texts = {"window title": window.windowTitle(), "status": window.statusBar().currentMessage()}
    texts["display name"] = QApplication.applicationDisplayName()
    for i in range(window.tabs.count()):
        if window.tabs.widget(i).objectName() == "page_side_by_side":
            continue
        texts[f"tab {i}"] = window.tabs.tabText(i)
        texts[f"tab {i} tip"] = window.tabs.tabToolTip(i)
    for action in window.findChildren(QAction):
        if action.objectName() not in ON_PURPOSE and action.objectName() != "show_side_by_side":
            for kind in ("text", "toolTip", "statusTip"):
                texts[f"action {action.objectName()} {kind}"] = getattr(action, kind)()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or on_purpose(widget):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        texts[f"{name} tip"] = widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            texts[name] = widget.text()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts[f"{name} item {i}"] = widget.itemText(i)
    return texts


@pytest.fixture
def fashion_window(shown, settings) -> MainWindow:
    """The app's window as it opens, with the tour installed, switched to Fashion-MNIST."""
    win = shown(create_window(settings=Settings()))
    assert win.set_dataset("Fashion-MNIST")
    return win


def test_the_detector_finds_the_texts_that_mean_mnist() -> None:
    found = speaks_of_digits(
        {
            "a": "Draw a digit",
            "b": "10,000 MNIST test digits",
            "c": "CNN Explainer: Fashion-MNIST",
            "d": "数字",
        }
    )
    assert set(found) == {"a", "b", "d"}


def test_in_fashion_mode_the_window_and_every_page_speak_of_the_data_in_use(fashion_window) -> None:
    window = fashion_window
    assert "Fashion-MNIST" in window.windowTitle()
    assert speaks_of_digits(shown_texts(window)) == {}
    draw(window)
    assert speaks_of_digits(shown_texts(window)) == {}
    for spec in PAGES:
        window.show_page(spec.key)
        QApplication.processEvents()
        assert speaks_of_digits(shown_texts(window)) == {}, spec.key
    window.gallery.choose(0)
    assert speaks_of_digits(shown_texts(window)) == {}
    tooltips = {f"sample {i}": window.gallery.item(i).toolTip() for i in range(window.gallery.count())}
    assert speaks_of_digits({"gallery": window.gallery.toolTip(), **tooltips}) == {}
    assert FASHION_MNIST_CLASSES[int(FASHION_MNIST.load_samples()[1][0])] in tooltips["sample 0"]
    # The tiles are named by class, not by label number.
    labels = FASHION_MNIST.load_samples()[1]
    assert [window.gallery.item(i).text() for i in range(3)] == [FASHION_MNIST_CLASSES[k] for k in labels[:3]]


@pytest.mark.parametrize("blank", [True, False], ids=["sample", "drawing"])
def test_in_fashion_mode_every_tour_stop_speaks_of_the_data_in_use(fashion_window, blank: bool) -> None:
    window = fashion_window
    if not blank:
        draw(window)
    panel = window.findChild(TourPanel)
    panel.start(resume=False)
    controller = panel.controller
    assert controller.problem().from_sample is blank
    stops = controller.stops()
    assert len(stops) >= 10
    texts = {f"{stop.key} title": stop.title for stop in stops} | {stop.key: stop.text for stop in stops}
    assert speaks_of_digits(texts) == {}
    assert "Fashion-MNIST" in texts["input"] and "box centred" in texts["input"]
    label = FASHION_MNIST_CLASSES[controller.problem().label]
    assert f"y = {label}" in texts["loss"]
    for index in range(len(stops)):
        controller.go(index)
        QApplication.processEvents()
        assert speaks_of_digits(shown_texts(window)) == {}, stops[index].key
    panel.leave()


def test_the_test_set_page_names_the_clothes_on_its_axes_and_mistakes(fashion_window, qtbot) -> None:
    view = fashion_window.show_page("evaluation")
    images, labels = FASHION_MNIST.load_samples()
    # The samples are all classified right: labelled one class on, every one is a mistake to name.
    view.set_data_loader(lambda: (images, (labels + 1) % 10))
    with qtbot.waitSignal(view.sigFinished, timeout=20000) as finished:
        assert view.evaluate()
    result = finished.args[0]
    assert result is not None
    assert view.matrix.axis_labels() == list(FASHION_MNIST_CLASSES)
    assert speaks_of_digits(shown_texts(fashion_window)) == {}
    wrong = result.mistakes()
    assert len(wrong) > 0
    model = view.mistakes_model
    first = model.index(0, 0)
    true, predicted = (FASHION_MNIST_CLASSES[int(a[wrong[0]])] for a in (result.labels, result.predictions))
    assert model.data(first) == f"{true} → {predicted}"
    tip = model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert true in tip and predicted in tip and not DATA_WORDS.search(tip)
    view.show_cell(int(result.labels[wrong[0]]), int(result.predictions[wrong[0]]))
    assert true in view.mistakes_label.text() and predicted in view.mistakes_label.text()


def test_in_mnist_mode_the_texts_still_speak_of_digits(window: MainWindow) -> None:
    assert window.windowTitle() == "MNIST CNN Explainer"
    assert "digit" in window.prediction_label.text()
    window.set_dataset("Fashion-MNIST")
    window.set_dataset("MNIST")
    assert window.windowTitle() == "MNIST CNN Explainer"
