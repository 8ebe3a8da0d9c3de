"""Run every speed benchmark one after the other and print their reports (``make bench``).

    .venv/bin/python benchmarks/run_all.py [--only NAME ...]

The engine against PyTorch (skipped with a note when torch is missing: ``make torch-reference``), the
data path, the overview, the live window (plain, with an explanation open, in Backward mode), animation
frames, the backward features and the UI while training. The robustness runs have their own targets
(``make soak``, ``make fuzz``); ``bench_robust.py`` measures accuracy, not speed, and needs MNIST.
Exit status 1 when any benchmark failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "core": ["bench_core.py", "--layers"],
    "data": ["bench_data.py"],
    "overview": ["bench_overview.py"],
    "latency": ["bench_latency.py"],
    "integration": ["bench_integration.py"],
    "animation": ["bench_animation.py"],
    "backward": ["bench_backward.py"],
    "training_ui": ["bench_training_ui.py"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), help="run only these")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for name in args.only or BENCHMARKS:
        script, *options = BENCHMARKS[name]
        print(f"\n===== {name}: {script} {' '.join(options)}", flush=True)
        if name == "core" and importlib.util.find_spec("torch") is None:
            print("skipped: PyTorch is not installed (make torch-reference)")
            continue
        start = time.perf_counter()
        status = subprocess.run(
            [sys.executable, str(HERE / script), *options], env=env, check=False
        ).returncode
        print(f"----- {name}: exit {status}, {time.perf_counter() - start:.0f} s", flush=True)
        if status:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
