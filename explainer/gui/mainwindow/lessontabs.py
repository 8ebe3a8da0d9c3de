"""Lesson pages get a tab only while they are open, so the tab bar stays short enough to read.

The Learn and Model pages have a tab from the start. The Lessons menu's pages (the seeds' curriculum, the
what-if experiments) would double the tab bar, so each gets its tab when it is first shown (from the menu
or its shortcut) and loses it with the tab's close button or ``Ctrl+W``; the page keeps its view, so
opening it again finds it as it was left. Mixed into ``MainWindow`` (it uses ``tabs`` and ``_pages``).
"""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QTabBar, QToolButton

from explainer.gui.i18n import tr
from explainer.gui.workspace import Page


def is_lesson(page: Page) -> bool:
    """True for a page of the Lessons menu (a tab only while open)."""
    return page.spec.menu == "lessons"


class LessonTabs:
    """Opening and closing the tabs of lesson pages."""

    def open_lesson_tab(self, page: Page) -> None:
        """Give lesson ``page`` a tab at the end of the bar, with a close button, unless it has one."""
        tabs = self.tabs  # type: ignore[attr-defined]
        if tabs.indexOf(page) >= 0:
            return
        index = tabs.addTab(page, page.spec.title())
        tabs.setTabToolTip(index, self._page_actions[page.spec.key].toolTip())  # type: ignore[attr-defined]
        close = QToolButton()
        close.setObjectName(f"close_{page.spec.key}")
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Close this lesson's tab (Ctrl+W); the Lessons menu opens it again"))
        close.clicked.connect(functools.partial(self.close_lesson_tab, page.spec.key))
        tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)

    def close_lesson_tab(self, key: str | None = None) -> bool:
        """Remove the tab of lesson ``key`` (None: the current tab, if it is a lesson); True if one went."""
        tabs = self.tabs  # type: ignore[attr-defined]
        page = self._pages.get(key) if key is not None else tabs.currentWidget()  # type: ignore[attr-defined]
        if not isinstance(page, Page) or not is_lesson(page) or tabs.indexOf(page) < 0:
            return False
        tabs.removeTab(tabs.indexOf(page))
        return True

    def open_lessons(self) -> list[str]:
        """The keys of the lesson pages that have a tab now, in tab order."""
        tabs = self.tabs  # type: ignore[attr-defined]
        pages = [tabs.widget(i) for i in range(tabs.count())]
        return [page.spec.key for page in pages if isinstance(page, Page) and is_lesson(page)]
