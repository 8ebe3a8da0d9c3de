"""Every inner tab of the Generative tab, in both languages, with nothing overlapping or cut off (the
window-wide layout check shows only the tab that opens first)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from explainer.gui import i18n, textcheck
from explainer.gui.kit.samples import sample_digit
from explainer.gui.pages.generative import GenerativeView


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_inner_tab_lays_its_text_out_whole(qtbot, settings, language: str) -> None:
    if language != "en" and not i18n.cjk_font_families():
        pytest.skip(f"no font with Chinese glyphs installed (install {i18n.CJK_FONT_PACKAGE})")
    app = QApplication.instance()
    i18n.set_language(app, language, settings, remember=False)
    try:
        view = GenerativeView()
        qtbot.addWidget(view)
        view.set_input(sample_digit()[0])
        view.resize(1100, 720)  # the tab's room in a 1440x900 window beside the drawing column
        view.show()
        qtbot.waitExposed(view)
        found = {}
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            app.processEvents()
            problems = textcheck.problems(view)
            if problems:
                found[view.tabs.tabText(index)] = problems
        assert not found, found
    finally:
        i18n.set_language(app, "en", settings, remember=False)
