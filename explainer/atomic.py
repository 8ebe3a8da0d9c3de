"""Write files atomically: readers, and the next run after a crash, see the old file or the new one.

The data goes to a hidden temp file beside the target (``.<name>.<random>.tmp``, so a glob for ``*.npz`` or
``*.png`` never picks it up), is flushed and fsynced, then renamed over the target with ``os.replace``
(atomic on POSIX and Windows), and the folder is fsynced so the rename itself survives a power cut. If the
writer raises (or Ctrl-C arrives) the temp file is removed and the target is untouched. A process killed
with SIGKILL cannot clean up: the old target is intact and only the hidden temp file remains.

Unlike ``tempfile.mkstemp`` (always mode 0600) the new file gets the usual permissions: those of the file it
replaces, or 0666 minus the umask for a new file, so an exported image can be shared like any other.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_write_bytes", "atomic_writer", "temp_name_for"]


def temp_name_for(path: str | os.PathLike[str]) -> Path:
    """A fresh hidden temp path in ``path``'s folder: ``.<name>.<16 hex digits>.tmp``."""
    target = Path(path)
    return target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` when the ``with`` block ends without an exception.

    A symlink at ``path`` is followed: the file it points to is replaced and the link is kept. OSError
    (missing folder, no permission, disk full) propagates unchanged; the caller turns it into a message.
    """
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    fd, temp = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as file:
            if mode is not None:
                os.fchmod(file.fileno(), mode)
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException:
        # BaseException too: Ctrl-C or a generator closed mid-write must not leave the temp file behind.
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as file:
        file.write(data)


def _mode_for(target: Path) -> int | None:
    """The permission bits to give the new file: the replaced file's, or None to let the umask decide."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _create_temp(target: Path) -> tuple[int, Path]:
    """Create a new, empty temp file beside ``target`` (mode 0666 minus the umask); returns (fd, path)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temp = temp_name_for(target)
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; a no-op where folders cannot be opened or synced (e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
