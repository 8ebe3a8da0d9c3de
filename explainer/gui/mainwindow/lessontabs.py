"""The lesson pages share one tab, "Lessons", with a tab bar of their own, so the main tab bar stays
readable.

The Learn and Model pages each have a main tab. The Lessons menu's pages (the seeds' curriculum, the
what-if experiments) would double the main tab bar and shrink every title to a letter, so they sit in an
inner tab widget inside one main tab. ``show_page`` (the menu, the shortcuts) brings the Lessons tab and
the lesson to the front. Mixed into ``MainWindow`` (it uses ``tabs``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from explainer.gui.workspace import Page


def is_lesson(page: Page) -> bool:
    """True for a page of the Lessons menu (a tab of the Lessons tab)."""
    return page.spec.menu == "lessons"


class LessonTabs:
    """The Lessons tab and its inner tabs, one per lesson page."""

    lesson_tabs: QTabWidget

    def build_lesson_tabs(self, pages: Sequence[Page]) -> None:
        """Put the lesson ``pages`` into one inner tab widget, the last main tab (none without lessons)."""
        self.lesson_tabs = QTabWidget()
        self.lesson_tabs.setObjectName("lessons")
        self.lesson_tabs.setDocumentMode(True)
        # More lessons than fit a small window's width: every title shortens a little ("Gradient des…")
        # rather than the last ones being cut off behind scroll arrows.
        self.lesson_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.lesson_tabs.setUsesScrollButtons(False)
        for page in pages:
            self.lesson_tabs.addTab(page, "")
        if pages:
            self.tabs.addTab(self.lesson_tabs, "")  # type: ignore[attr-defined]
        self.lesson_tabs.currentChanged.connect(self._lesson_changed)

    def tab_widget_of(self, page: Page) -> QTabWidget:
        """The tab widget holding ``page``: the inner one for a lesson, else the main one."""
        return self.lesson_tabs if is_lesson(page) else self.tabs  # type: ignore[attr-defined]

    def current_page(self) -> Page | None:
        """The page in front: a main tab's, or the lesson in front when the Lessons tab is; None for the
        Network tab."""
        widget = self.tabs.currentWidget()  # type: ignore[attr-defined]
        if widget is self.lesson_tabs:
            widget = self.lesson_tabs.currentWidget()
        return widget if isinstance(widget, Page) else None

    def bring_to_front(self, page: Page) -> None:
        """Show ``page``'s tab (for a lesson: the Lessons tab, then the lesson's own)."""
        if is_lesson(page):
            self.lesson_tabs.setCurrentWidget(page)
            self.tabs.setCurrentWidget(self.lesson_tabs)  # type: ignore[attr-defined]
        else:
            self.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]

    def _lesson_changed(self, _index: int) -> None:
        """Another lesson came to the front inside the Lessons tab."""
        if self.tabs.currentWidget() is self.lesson_tabs:  # type: ignore[attr-defined]
            self._page_to_front()  # type: ignore[attr-defined]
