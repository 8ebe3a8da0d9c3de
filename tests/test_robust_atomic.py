"""Atomic writes: a failure or a kill during a write leaves the old file intact and no look-alike file."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.atomic import atomic_write_bytes, atomic_writer

TEMP_PATTERN = re.compile(r"^\.target\.bin\.[0-9a-f]{16}\.tmp$")


def current_umask() -> int:
    """The process umask (read without changing it where /proc allows)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_writes_new_file_and_replaces_old_one(tmp_path: Path) -> None:
    target = tmp_path / "target.bin"
    atomic_write_bytes(target, b"first")
    assert target.read_bytes() == b"first"
    with atomic_writer(target) as file:
        file.write(b"sec")
        file.write(b"ond")
        assert target.read_bytes() == b"first", "the target must not change before the block ends"
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["target.bin"]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_error_in_the_block_keeps_old_file_and_removes_temp(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "target.bin"
    target.write_bytes(b"old contents")
    with pytest.raises(type(error)), atomic_writer(target) as file:
        file.write(b"half of the new")
        raise error
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["target.bin"]


def test_new_file_follows_umask_and_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.png"
    atomic_write_bytes(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~current_umask(), "not mkstemp's 0600"

    shared = tmp_path / "shared.npz"
    shared.write_bytes(b"old")
    shared.chmod(0o640)
    atomic_write_bytes(shared, b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640


def test_symlink_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.ini"
    real.write_bytes(b"old")
    link = tmp_path / "link.ini"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_missing_folder_raises_oserror_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "no" / "such" / "file.bin", b"data")
    assert list(tmp_path.iterdir()) == []


def test_directory_as_target_raises_and_leaves_no_temp(tmp_path: Path) -> None:
    folder = tmp_path / "target.bin"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write_bytes(folder, b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["target.bin"] and folder.is_dir()


def test_process_killed_mid_write_leaves_old_file_intact(
    tmp_path: Path, kill_at_marker: Callable[[str, str], None]
) -> None:
    """A child writes 64 MB through the helper, 1 MB at a time; SIGKILL arrives after 8 MB."""
    target = tmp_path / "target.bin"
    old = os.urandom(3 * 2**20)
    target.write_bytes(old)
    script = textwrap.dedent(
        f"""
        import sys, time
        from explainer.atomic import atomic_writer

        with atomic_writer({str(target)!r}) as file:
            for i in range(64):
                file.write(bytes([i % 251 + 1]) * 2**20)
                if i == 7:
                    file.flush()
                    print("8 MB written", flush=True)
                    time.sleep(60)
        """
    )
    kill_at_marker(script, "8 MB written")

    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(old).digest()
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    # The kill really hit mid-write: the half-written temp file is there, hidden and named *.tmp.
    assert len(leftovers) == 1 and TEMP_PATTERN.match(leftovers[0].name), leftovers
    assert leftovers[0].stat().st_size == 8 * 2**20
    assert sorted(tmp_path.glob("*.bin")) == [target], "nothing else looks like the target"
