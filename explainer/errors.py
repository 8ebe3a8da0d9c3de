"""The one exception users see for bad files and values, and the check every file reader starts with."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path


class BadInputError(ValueError):
    """A file or value the app cannot use; the message names it and says what is wrong.

    Raised through :func:`bad_input`, it also keeps the English ``template`` and its ``fields`` so that the
    app can show the message in the user's language (``explainer.gui.i18n.translate_error``) while this
    package never imports Qt.
    """

    def __init__(
        self, message: str, *, template: str | None = None, fields: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.template = template
        self.fields = dict(fields or {})


def bad_input(template: str, **fields: object) -> BadInputError:
    """A :class:`BadInputError` saying ``template.format(**fields)``, translatable by the app.

    ``template`` must be written out as a string literal: ``python -m explainer.i18n.extract`` collects it
    for the catalogue like a ``tr()`` text.
    """
    return BadInputError(template.format(**fields), template=template, fields=fields)


def unreadable(path: Path, kind: str, error: OSError) -> BadInputError:
    """The error for a ``kind`` file ("image", "IDX", "model") the system refused to read."""
    return bad_input(
        "{path}: cannot read {kind} file ({reason})",
        path=path,
        kind=kind,
        reason=error.strerror or str(error),
    )


def regular_file_size(path: Path, kind: str) -> int:
    """The size in bytes of ``path``, which must be a regular file; ``kind`` names it in messages ("image").

    A named pipe would block the reader forever and a device such as /dev/zero never ends, so both are
    refused before anything opens them.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise bad_input("{path}: does not exist", path=path) from exc
    except OSError as exc:
        raise unreadable(path, kind, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise bad_input("{path}: is a directory ({kind} file expected)", path=path, kind=kind)
    if not stat.S_ISREG(info.st_mode):
        raise bad_input(
            "{path}: is not a regular file (a pipe, device or socket?); {kind} file expected",
            path=path,
            kind=kind,
        )
    return info.st_size
