"""The import rules in pyproject.toml ([tool.importlinter]) hold: the engine and the data sets never import
Qt, the engine imports no other part of the app, only the entry point imports the GUI, and sibling modules
import each other without cycles, and the GUI packages stay in their layers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_lint_imports_keeps_every_contract() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which(
        "lint-imports"
    )
    if lint_imports is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.replace("\n", " ")
    assert "Contracts: 5 kept, 0 broken." in summary, result.stdout
    assert "ignored" not in summary, result.stdout  # no import is let through the rules
