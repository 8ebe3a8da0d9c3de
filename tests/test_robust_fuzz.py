"""Fuzzing the model, image and IDX readers: only BadInputError may escape, and nothing hangs.

The full run (10,000 cases per reader) is ``benchmarks/fuzz.py``; this runs the same cases with a small
count so that ``make test`` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

COUNT = 200


@pytest.fixture(scope="module")
def fuzz(benchmark_module: Callable[[str], ModuleType]) -> ModuleType:
    """benchmarks/fuzz.py as a module."""
    return benchmark_module("fuzz.py")


def test_the_harness_reports_other_exceptions_hangs_and_crashes(fuzz: ModuleType) -> None:
    report = fuzz.run_target("selftest", 7, timeout=1.0)
    assert report.outcomes == {"loaded": 2, "BadInputError": 2, "KeyError": 1, "Hang": 1, "Crash": 1}
    assert [(record["i"], record["how"]) for record in report.failures] == [
        (2, "other"),
        (3, "hang"),
        (4, "crash"),
    ]


@pytest.fixture(params=["model", "onnx", "image", "idx"])
def target(request: pytest.FixtureRequest) -> str:
    """Each reader; the ONNX one when the onnx package is installed."""
    if request.param == "onnx":
        pytest.importorskip("onnx")
    return request.param


def test_cases_are_deterministic_and_varied(fuzz: ModuleType, target: str, tmp_path: Path) -> None:
    seeds = fuzz.image_seeds() if target == "image" else {}
    first = [fuzz.case_bytes(target, 0, i, tmp_path, seeds) for i in range(20)]
    again = [fuzz.case_bytes(target, 0, i, tmp_path, seeds) for i in range(20)]
    other_seed = [fuzz.case_bytes(target, 1, i, tmp_path, seeds) for i in range(20)]
    assert first == again
    assert first != other_seed
    # A few mutations can coincide (two ways to empty the layer list); most files differ.
    assert len({data for data, _ in first}) >= 17


def test_mutated_files_load_or_raise_bad_input_error(fuzz: ModuleType, target: str) -> None:
    report = fuzz.run_target(target, COUNT, seed=0, timeout=20.0)
    assert report.failures == [], report.summary()
    # Both outcomes occur: the mutations are neither all harmless nor all rejected at the first byte.
    assert report.outcomes["BadInputError"] >= COUNT // 4, report.summary()
    assert report.outcomes["loaded"] >= 1, report.summary()
