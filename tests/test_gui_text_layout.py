"""No overlapping or cut-off text: every view and every tour stop, at three window sizes, in both languages.

``explainer.gui.textcheck`` records every run of text a window paints (its own ``paintEvent`` code and
the text of Qt's labels, buttons and tabs) and reports runs that overlap or do not fit in their widget.
The first test shows the check can fail on a made-up view; the others walk the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QVBoxLayout, QWidget

from explainer.gui import i18n, textcheck
from explainer.gui.app import create_window
from explainer.gui.kit.samples import sample_digit
from explainer.gui.mainwindow import MainWindow
from explainer.gui.state import Settings
from explainer.gui.tour import TourPanel

SIZES = [(1280, 720), (1440, 880), (1920, 1080)]
LANGUAGES = ["en", "zh_CN"]


class _Crowded(QWidget):
    """Two titles painted on top of each other, a number cut by its rect, text under an image, text
    under a filled tag (meant: hidden, not a fault), and a label too short."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(300, 120)
        label = QLabel("a long explanation that has to wrap over several lines in this narrow label", self)
        label.setObjectName("short")
        label.setWordWrap(True)
        label.setGeometry(0, 96, 120, 20)

    def paintEvent(self, event: object) -> None:
        with QPainter(self) as painter:
            painter.drawText(QPointF(10, 20), "16 maps of 7×7 = 784 values")
            painter.drawText(QPointF(60, 22), "weights into the class")
            painter.drawText(QRectF(10, 40, 14, 20), Qt.AlignmentFlag.AlignLeft, "±1.13")
            painter.drawText(QPointF(280, 70), "off the edge")
            painter.drawText(QPointF(150, 40), "under a map")
            opaque = QImage(8, 4, QImage.Format.Format_RGB32)
            opaque.fill(Qt.GlobalColor.red)
            painter.drawImage(QRectF(140, 25, 60, 30), opaque)
            painter.drawText(QPointF(150, 110), "under a tag")
            painter.fillRect(QRectF(140, 95, 90, 20), Qt.GlobalColor.white)
            painter.drawText(QPointF(160, 110), "the tag")


def test_the_check_finds_overlaps_cut_text_and_short_labels(qtbot) -> None:
    widget = _Crowded()
    qtbot.addWidget(widget)
    widget.show()
    boxes = textcheck.record(widget)
    texts = {box.text for box in boxes}
    assert {"16 maps of 7×7 = 784 values", "weights into the class", "±1.13", "off the edge"} <= texts
    pairs = {(a.text, b.text) for a, b in textcheck.overlaps(boxes)}
    assert pairs == {("16 maps of 7×7 = 784 values", "weights into the class")}
    cut = {(box.owner, box.text) for box in textcheck.clipped(boxes) if box.owner != "short"}
    assert cut == {("_Crowded", "±1.13"), ("_Crowded", "off the edge")}
    assert {box.text for box in boxes if box.covered} == {"under a map"}
    assert {box.text for box in boxes if box.hidden} == {"under a tag"}
    assert [label.objectName() for label in textcheck.short_labels(widget)] == ["short"]
    # Laid out with room, the same texts pass.
    layout = QVBoxLayout()
    fine = QWidget()
    fine.setLayout(layout)
    for text in ("16 maps of 7×7 = 784 values", "weights into the class", "±1.13"):
        layout.addWidget(QLabel(text))
    qtbot.addWidget(fine)
    fine.show()
    assert textcheck.problems(fine) == []


def test_a_list_row_half_out_of_its_scrolling_view_is_not_cut_text(qtbot) -> None:
    rows = QListWidget()
    rows.addItems([f"digit {i}" for i in range(40)])
    rows.setFixedSize(120, 75)  # the last visible row sticks out of the viewport: it scrolls there
    qtbot.addWidget(rows)
    rows.show()
    boxes = textcheck.record(rows)
    assert any(not box.visible.contains(box.rect) for box in boxes), "no row reaches the viewport's edge"
    assert textcheck.clipped(boxes) == []


def _settle(app: QApplication) -> None:
    """Let layouts, timers of 0 ms and deferred deletes (views replaced by others) run."""
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _scenes(window: MainWindow, app: QApplication) -> Iterator[tuple[str, QWidget]]:
    """Bring every view of ``window`` on screen in turn; yields (what is shown, a window to check)."""
    image, _label = sample_digit()
    window.canvas.set_image(image)
    window.state.set_image(window.canvas.pixels())
    _settle(app)
    yield "overview", window
    layers = len(window.current_trace().layers)
    for mode in ("forward", "backward"):
        window.set_mode(mode)
        _settle(app)
        yield f"{mode} overview", window
        for layer in range(layers):
            window.overview.sigMapClicked.emit(layer, 0)
            _settle(app)
            if window.detail_view() is not None:
                yield f"{mode} {window.current_trace().layers[layer].name}", window
            window.show_overview()
    window.set_mode("forward")
    window.overview.sigMapClicked.emit(-1, 0)  # the input opens large in a pop-up
    _settle(app)
    from explainer.gui.network.mapdetail import MapDetailDialog

    for dialog in window.findChildren(MapDetailDialog):
        if dialog.isVisible():
            yield "input pop-up", dialog
            dialog.close()
    _settle(app)
    for key in window._pages:
        window.show_page(key)
        _settle(app)
        yield f"page {key}", window
    window.show_page("network")
    panel = window.findChild(TourPanel)
    panel.start(resume=False)
    controller = panel.controller
    for index in range(len(controller.stops())):
        controller.go(index)
        _settle(app)
        yield f"tour stop {index + 1}", window
        if controller.view_window.isVisible():
            yield f"tour stop {index + 1} view", controller.view_window
    panel.leave()


def _cjk_or_skip(language: str) -> None:
    if language != "en" and not i18n.cjk_font_families():
        pytest.skip(f"no font with Chinese glyphs installed (install {i18n.CJK_FONT_PACKAGE})")


@contextmanager
def window_in(qtbot, settings, language: str, size: tuple[int, int]) -> Iterator[MainWindow]:
    """The app's window as it opens, shown at ``size`` in ``language``; English again afterwards."""
    app = QApplication.instance()
    i18n.set_language(app, language, settings, remember=False)
    try:
        window = create_window(settings=Settings())
        qtbot.addWidget(window)
        window.show()
        window.resize(*size)
        qtbot.waitExposed(window)
        yield window
    finally:
        i18n.set_language(app, "en", settings, remember=False)


def text_problems(qtbot, settings, language: str, size: tuple[int, int]) -> dict[str, list[str]]:
    """Every text problem of every view at ``size`` in ``language``, by the view shown."""
    with window_in(qtbot, settings, language, size) as window:
        found = {}
        for name, widget in _scenes(window, QApplication.instance()):
            problems = textcheck.problems(widget)
            if window.size() != QSize(*size):
                problems.append(f"the window grew to {window.width()}x{window.height()}")
            if problems:
                found[name] = problems
        return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_overlaps_or_is_cut_off(qtbot, settings, language: str, size: tuple[int, int]) -> None:
    _cjk_or_skip(language)
    found = text_problems(qtbot, settings, language, size)
    report = "\n".join(f"{name}:\n  " + "\n  ".join(problems) for name, problems in found.items())
    assert not found, f"{sum(map(len, found.values()))} text problems at {size} in {language}:\n{report}"
