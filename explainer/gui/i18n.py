"""Translation of user-visible strings through Qt's own machinery (QTranslator + .qm files)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "explainer"


def tr(text: str) -> str:
    """Translate ``text`` for the current language; the English source string is the key."""
    return QCoreApplication.translate(CONTEXT, text)
