"""Labels every view makes the same way: a bold heading, and a short hint that wraps."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy


def heading(name: str = "") -> QLabel:
    """A bold section heading called ``name``; only the weight is set, so its size follows the app's font
    (zoom)."""
    label = QLabel()
    label.setObjectName(name)
    font = QFont()
    font.setBold(True)
    label.setFont(font)
    return label


def hint() -> QLabel:
    """A short explanatory text that wraps (as tall as its lines, never squeezed)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label
