"""Open the main window with the tour running: ``python -m explainer.gui.tour``."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from explainer.gui.i18n import install_saved_language
from explainer.gui.mainwindow import MainWindow
from explainer.gui.tour import start

app = QApplication.instance() or QApplication(sys.argv)
install_saved_language(app)
window = MainWindow()
window.show()
start(window)
app.exec()
