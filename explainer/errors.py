"""The one exception users see for bad files and values, and the check every file reader starts with."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class BadInputError(ValueError):
    """A file or value the app cannot use; the message names it and says what is wrong."""


def regular_file_size(path: Path, kind: str) -> int:
    """The size in bytes of ``path``, which must be a regular file; ``kind`` names it in messages ("image").

    A named pipe would block the reader forever and a device such as /dev/zero never ends, so both are
    refused before anything opens them.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise BadInputError(f"{path}: does not exist") from exc
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read {kind} file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise BadInputError(f"{path}: is a directory ({kind} file expected)")
    if not stat.S_ISREG(info.st_mode):
        raise BadInputError(
            f"{path}: is not a regular file (a pipe, device or socket?); {kind} file expected"
        )
    return info.st_size
