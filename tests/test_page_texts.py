"""Texts declared where a widget is made (``kit.widgets.translated``) follow a run-time language switch."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib
import re

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from explainer.gui.i18n import set_language, tr
from explainer.gui.kit.widgets import WidgetTexts, translated
from explainer.gui.pages import PAGES

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_after(qapp, settings):
    """Whatever a test switches to, the next test runs in English again."""
    yield qapp
    set_language(qapp, "en", settings)


def shown_text(widget: QWidget, setter: str) -> str:
    """What ``widget`` shows through ``setter``: ``setToolTip`` is read back with ``toolTip()``."""
    return getattr(widget, setter[3].lower() + setter[4:])()


def stale_texts(root: QWidget) -> list[str]:
    """Every text declared under ``root`` that differs from its source in the current language."""
    stale = []
    for texts in root.findChildren(WidgetTexts):
        widget = texts.parent()
        for setter, source in texts.sources.items():
            if shown_text(widget, setter) != source():
                stale.append(f"{type(widget).__name__} {widget.objectName()!r}.{setter}: {source()!r}")
    return stale


def test_translated_sets_the_texts_now_and_after_every_switch(english_after, settings, qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    group = translated(QGroupBox(), title=lambda: tr("Learning rate"))
    button = translated(QPushButton(), text=lambda: tr("Clear"), tip=lambda: tr("Learning rate"))
    QVBoxLayout(group).addWidget(button)
    QVBoxLayout(page).addWidget(group)
    alone = translated(QLabel(), text=lambda: tr("Clear"))  # a window of its own
    qtbot.addWidget(alone)
    assert (button.text(), button.toolTip(), group.title(), alone.text()) == (
        "Clear",
        "Learning rate",
        "Learning rate",
        "Clear",
    )
    assert translated(button, text=lambda: tr("Learning rate")) is button
    assert len(button.findChildren(WidgetTexts)) == 1 and button.text() == "Learning rate"

    set_language(english_after, "zh_CN", settings)
    qtbot.waitUntil(lambda: bool(CJK.search(alone.text())))
    assert all(CJK.search(text) for text in (button.text(), button.toolTip(), group.title()))
    assert not stale_texts(page)
    set_language(english_after, "en", settings)
    qtbot.waitUntil(lambda: alone.text() == "Clear")
    assert (button.text(), group.title()) == ("Learning rate", "Learning rate")


def test_every_page_keeps_its_declared_texts_in_the_current_language(english_after, settings, qtbot) -> None:
    views = {}
    for spec in PAGES:
        view = getattr(importlib.import_module(spec.module), spec.factory)()
        qtbot.addWidget(view)
        views[spec.key] = view
    declared = {key: view.findChildren(WidgetTexts) for key, view in views.items()}
    assert sum(map(len, declared.values())) > 50, "the pages declare suspiciously few texts"

    def all_follow() -> None:
        stale = {key: found for key, view in views.items() if (found := stale_texts(view))}
        assert not stale, stale

    all_follow()
    set_language(english_after, "zh_CN", settings)
    qtbot.waitUntil(all_follow)
    for key, holders in declared.items():
        shown = [shown_text(texts.parent(), setter) for texts in holders for setter in texts.sources]
        assert not shown or any(CJK.search(text) for text in shown), f"{key} shows no Chinese"
