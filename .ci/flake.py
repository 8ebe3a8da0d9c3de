"""Run test files many times in a row and report every run that hangs, aborts or fails (``make flake``).

Each run is a fresh ``pytest`` process under its own time limit. A run counts as
- a hang when it outlives that limit, or when pytest-timeout stopped a test (its "Timeout" banner);
- an abort when the process died from a signal (SIGABRT from Qt's "QThread: Destroyed while thread is
  still running", SIGSEGV, ...) or Qt printed that message at all;
- a failure when pytest reported failed or erroring tests.
The output of every bad run is kept in a folder named at the end. Exit status 1 when any run was bad.

    python .ci/flake.py --runs 50 tests/test_gui_training.py tests/test_gui_training_evaluation.py
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def classify(returncode: int | None, output: str) -> str:
    """The verdict on one run ("passed", "hang", "abort" or "failure"); returncode None: timed out."""
    if returncode is None or "+++ Timeout +++" in output:
        return "hang"
    if returncode < 0 or "Destroyed while thread" in output:
        return "abort"
    return "passed" if returncode == 0 else "failure"


def run_once(files: list[str], limit_s: float) -> tuple[str, float, str]:
    """One pytest run of ``files``: its verdict, seconds taken and output."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.monotonic()
    # A session of its own, so a hung run is killed with every child process it started.
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=limit_s)
        returncode: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        returncode = None
    return classify(returncode, output), time.monotonic() - start, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="test files (or node ids) to run each time")
    parser.add_argument("--runs", type=int, default=50, help="how many runs in a row (default 50)")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds one run may take (default 600)")
    args = parser.parse_args(argv)

    logs = Path(tempfile.mkdtemp(prefix="flake-"))
    counts = {"passed": 0, "hang": 0, "abort": 0, "failure": 0}
    durations: list[float] = []
    for run in range(1, args.runs + 1):
        verdict, seconds, output = run_once(args.files, args.limit)
        counts[verdict] += 1
        durations.append(seconds)
        note = ""
        if verdict != "passed":
            log = logs / f"run{run:03d}-{verdict}.log"
            log.write_text(output, encoding="utf-8")
            note = f"  (output: {log})"
        print(f"run {run}/{args.runs}: {verdict} in {seconds:.1f} s{note}", flush=True)

    bad = args.runs - counts["passed"]
    print(
        f"\n{args.runs} runs of {' '.join(args.files)}\n"
        f"passed {counts['passed']}, hangs {counts['hang']}, aborts {counts['abort']}, "
        f"failures {counts['failure']}; {min(durations):.1f}-{max(durations):.1f} s per run"
    )
    if bad:
        print(f"output of the bad runs: {logs}")
    else:
        logs.rmdir()
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
