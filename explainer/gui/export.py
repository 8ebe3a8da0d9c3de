"""Save any widget as a PNG, atomically: a kill during the write leaves the old file intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from explainer.errors import BadInputError


def render_widget(widget: QWidget, scale: float = 2.0) -> QPixmap:
    """Render ``widget`` into a pixmap ``scale`` times its logical size (crisp on projectors and print)."""
    size = widget.size()
    pixmap = QPixmap(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(widget.palette().window().color())
    widget.render(pixmap)
    return pixmap


def save_png(pixmap: QPixmap, path: str | os.PathLike[str]) -> Path:
    """Write ``pixmap`` to ``path`` as PNG via a temp file in the same folder, fsync and rename.

    Raises:
        BadInputError: the folder does not exist or is not writable, or the image cannot be encoded.
    """
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_name(target.name + ".png")
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BadInputError(f"cannot write {target}: {error.strerror or error}") from error
    os.close(handle)
    try:
        if not pixmap.save(temp_name, "PNG"):
            raise BadInputError(f"cannot encode the image as PNG for {target}")
        with open(temp_name, "rb+") as file:
            os.fsync(file.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        raise BadInputError(f"cannot write {target}: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
    return target


def export_widget_png(widget: QWidget, path: str | os.PathLike[str], scale: float = 2.0) -> Path:
    """Render ``widget`` at ``scale`` and save it atomically as a PNG; returns the path written."""
    return save_png(render_widget(widget, scale), path)
