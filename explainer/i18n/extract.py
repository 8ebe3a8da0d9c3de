"""Keep the translation catalogue in step with the code: collect tr() strings, update the .ts, build the .qm.

Usage (from the repository root)::

    python -m explainer.i18n.extract           # update explainer_zh_CN.ts, then compile explainer_zh_CN.qm
    python -m explainer.i18n.extract --check   # change nothing; exit 1 listing every untranslated string
    python -m explainer.i18n.extract --prune   # also drop translations whose English source is gone

The tool walks ``explainer/`` with Python's ``ast`` and collects every string literal passed to ``tr(...)``
or ``translate("explainer", ...)`` (implicit concatenation of literals included). Existing translations are
kept; new strings are added as ``unfinished``; translations whose source disappeared are marked
``vanished`` (kept for when the string comes back, ignored by lrelease) unless ``--prune`` drops them.

Why not ``pyside6-lupdate``: it does find a module-level ``tr("...")`` call, but files it under an empty
context, while the app translates in the context ``"explainer"`` (``QCoreApplication.translate``), so those
entries would never be used. Compiling still uses Qt's own ``pyside6-lrelease``.

``--check`` reports, besides missing and unfinished translations, a ``tr()`` call on something other than
a literal (its text cannot be catalogued) and translations that do not keep the source's ``{placeholders}``
(``str.format`` would fail), HTML tags or ``&`` menu accelerator.

This module imports no Qt.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

CONTEXT = "explainer"
"""The one translation context of the app (``explainer.gui.i18n.CONTEXT``)."""

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``explainer`` package, whose sources are scanned."""

CATALOGUE_DIR = Path(__file__).resolve().parent
"""Where the ``.ts`` and ``.qm`` files live."""

LANGUAGES = ("zh_CN",)
"""The languages with a catalogue (English is the source language)."""

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ACCELERATOR = re.compile(r"&(?=[^&\s])")


@dataclass
class Entry:
    """One message of a catalogue: the translation and its state.

    ``status`` is ``""`` for a finished translation, else ``"unfinished"``, ``"vanished"`` or
    ``"obsolete"`` (the ``type`` attribute of the TS ``<translation>`` element).
    """

    translation: str = ""
    status: str = "unfinished"


@dataclass
class Collected:
    """What a scan of the sources found.

    ``messages`` maps each source string to where it occurs (path relative to the repository, line), in the
    order first seen; ``problems`` lists calls whose text cannot be collected.
    """

    messages: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _literal(node: ast.expr) -> str | None:
    """The value of a string literal node, or None for anything else (f-strings, names, calls)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _marked_text(call: ast.Call) -> tuple[bool, ast.expr | None]:
    """Whether ``call`` is a translation call, and the node holding its text.

    Recognises ``tr(text)``, ``bad_input(text, ...)`` (a translatable error, see explainer.errors) and
    ``<anything>.translate("explainer", text)``; a ``tr`` method of an object
    (``self.tr``) is not the app's ``tr`` and would use another context, so it is reported too.
    """
    func = call.func
    if isinstance(func, ast.Name) and func.id in ("tr", "bad_input"):
        return True, call.args[0] if call.args else None
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return True, None
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and len(call.args) >= 2
        and _literal(call.args[0]) == CONTEXT
    ):
        return True, call.args[1]
    return False, None


def collect(package_dir: Path = PACKAGE_DIR) -> Collected:
    """Every string marked for translation in the ``.py`` files under ``package_dir``."""
    found = Collected()
    base = package_dir.parent
    for path in sorted(package_dir.rglob("*.py")):
        relative = path.relative_to(base).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        calls = sorted(
            (node for node in ast.walk(tree) if isinstance(node, ast.Call)),
            key=lambda node: (node.lineno, node.col_offset),
        )
        for call in calls:
            marked, text_node = _marked_text(call)
            if not marked:
                continue
            text = None if text_node is None else _literal(text_node)
            if text is None:
                found.problems.append(
                    f"{relative}:{call.lineno}: tr() needs one string literal (use explainer.gui.i18n.tr "
                    "with the English text written out, and .format() for the variable parts)"
                )
                continue
            found.messages.setdefault(text, []).append((relative, call.lineno))
    return found


def ts_path(code: str, directory: Path = CATALOGUE_DIR) -> Path:
    """The catalogue source of language ``code``."""
    return directory / f"explainer_{code}.ts"


def qm_path(code: str, directory: Path = CATALOGUE_DIR) -> Path:
    """The compiled catalogue of language ``code``."""
    return directory / f"explainer_{code}.qm"


def read_ts(path: Path) -> dict[str, Entry]:
    """The messages of context ``"explainer"`` in a TS file (empty when the file does not exist)."""
    if not path.exists():
        return {}
    entries: dict[str, Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name", "") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source", "")
            element = message.find("translation")
            if element is None:
                entries[source] = Entry()
                continue
            entries[source] = Entry(element.text or "", element.get("type", ""))
    return entries


def merge(collected: Collected, existing: dict[str, Entry], prune: bool = False) -> dict[str, Entry]:
    """The catalogue for the collected strings: existing translations kept, new ones unfinished.

    A source that is back after having vanished gets its old translation back, marked unfinished so that
    a translator looks at it again. Sources no longer in the code are kept as vanished unless ``prune``.
    """
    merged: dict[str, Entry] = {}
    for source in collected.messages:
        old = existing.get(source)
        if old is None:
            merged[source] = Entry()
        elif old.status in ("vanished", "obsolete"):
            merged[source] = Entry(old.translation, "unfinished")
        else:
            merged[source] = Entry(old.translation, old.status)
    if not prune:
        for source, old in existing.items():
            if source not in merged and old.translation:
                merged[source] = Entry(old.translation, "vanished")
    return merged


def write_ts(path: Path, code: str, entries: dict[str, Entry], collected: Collected) -> None:
    """Write ``entries`` as a TS 2.1 file for language ``code``, with each string's source locations."""
    root = ET.Element("TS", {"version": "2.1", "language": code, "sourcelanguage": "en"})
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, entry in entries.items():
        message = ET.SubElement(context, "message")
        for filename, line in collected.messages.get(source, []):
            ET.SubElement(message, "location", {"filename": f"../../{filename}", "line": str(line)})
        ET.SubElement(message, "source").text = source
        attributes = {"type": entry.status} if entry.status else {}
        ET.SubElement(message, "translation", attributes).text = entry.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def lrelease_command() -> str:
    """The ``lrelease`` to run: PySide6's beside this Python (the venv), else one on PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found is not None:
            return found
    raise FileNotFoundError("neither pyside6-lrelease nor lrelease was found; install PySide6 (Essentials)")


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with Qt's lrelease (unfinished and vanished entries are left out)."""
    result = subprocess.run(
        [lrelease_command(), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed on {ts}:\n{result.stdout}{result.stderr}")


def _placeholders(text: str) -> set[tuple[str, str]] | None:
    """The ``str.format`` fields of ``text`` as (name, format spec); None when it is not a format string.

    A set, not a count: a translation may need to name a value twice, or once where English repeats it.
    """
    try:
        return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def translation_problems(source: str, translation: str) -> list[str]:
    """What a finished translation breaks: placeholders, HTML tags or the menu accelerator of ``source``."""
    problems = []
    expected = _placeholders(source)
    if expected is not None and _placeholders(translation) != expected:
        problems.append(f"placeholders differ: {sorted(expected)} expected")
    if Counter(_TAG.findall(source)) != Counter(_TAG.findall(translation)):
        problems.append("HTML tags differ")
    if _ACCELERATOR.search(source) and not _ACCELERATOR.search(translation):
        problems.append("the & menu accelerator is missing (write e.g. 文件(&F))")
    return problems


def check(collected: Collected, entries: dict[str, Entry]) -> list[str]:
    """Every reason the catalogue is incomplete or wrong for the collected strings (empty when complete)."""
    problems = list(collected.problems)
    for source, locations in collected.messages.items():
        where = ", ".join(f"{name}:{line}" for name, line in locations)
        entry = entries.get(source)
        if entry is None:
            problems.append(f"{where}: not in the catalogue: {source!r}")
        elif entry.status or not entry.translation.strip():
            problems.append(f"{where}: untranslated ({entry.status or 'empty'}): {source!r}")
        else:
            problems.extend(
                f"{where}: {problem}: {source!r}"
                for problem in translation_problems(source, entry.translation)
            )
    return problems


def update(code: str, *, prune: bool = False, package_dir: Path = PACKAGE_DIR) -> tuple[int, int]:
    """Refresh the catalogue of ``code`` from the sources and compile it; returns (strings, translated)."""
    collected = collect(package_dir)
    ts = ts_path(code)
    entries = merge(collected, read_ts(ts), prune)
    write_ts(ts, code, entries, collected)
    compile_qm(ts, qm_path(code))
    translated = sum(
        1 for source in collected.messages if not entries[source].status and entries[source].translation
    )
    return len(collected.messages), translated


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit code (1 when ``--check`` finds problems)."""
    parser = argparse.ArgumentParser(
        prog="python -m explainer.i18n.extract", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="change nothing; fail on untranslated strings")
    parser.add_argument("--prune", action="store_true", help="drop translations whose source string is gone")
    args = parser.parse_args(argv)
    status = 0
    for code in LANGUAGES:
        if args.check:
            problems = check(collect(), read_ts(ts_path(code)))
            for problem in problems:
                print(f"{code}: {problem}")
            print(f"{code}: {len(problems)} problem(s)")
            status |= bool(problems)
        else:
            total, translated = update(code, prune=args.prune)
            print(f"{code}: {total} strings, {translated} translated, {total - translated} to do")
    return status


if __name__ == "__main__":
    sys.exit(main())
