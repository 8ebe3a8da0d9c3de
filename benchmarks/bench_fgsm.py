"""The bundled MNIST model's accuracy on the 10,000 test digits under FGSM (and PGD), stored in its metadata.

    .venv/bin/python benchmarks/bench_fgsm.py [--data DIR] [--model PATH] [--no-save]

Each test digit (pixels in [0, 1]) is attacked with ``explainer.core.fgsm`` against its true label at
ε = 0.05, 0.1, 0.2 and 0.3, and with ``explainer.core.pgd`` (10 steps of ε/4 from the clean digit) at the
same radii on the first PGD_DIGITS test digits (PGD costs ten passes). The table goes into the model
file's metadata under ``"adversarial"`` (the weights and the rest of the metadata are written back
unchanged).
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

import numpy as np

from explainer.core import attack_accuracy, fgsm, pgd
from explainer.data import MNIST, add_data_argument, mnist_dir_or_say
from explainer.modelio import DEFAULT_MODEL_PATH, load_model, save_model

EPSILONS = (0.05, 0.1, 0.2, 0.3)
PGD_STEPS = 10
PGD_DIGITS = 1000


def main(argv: list[str] | None = None) -> int:
    """Print the table and store it in the model's metadata."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_argument(parser)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--no-save", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    directory = mnist_dir_or_say(args.data)
    if directory is None:
        return 2
    model = load_model(args.model)
    images, labels = MNIST.test_set(directory)
    x = (images / np.float32(255)).reshape(len(images), *model.input_shape)
    labels = labels.astype(np.int64)
    start = time.perf_counter()
    clean = attack_accuracy(model, x, labels)
    rows = []
    print(f"clean accuracy {100 * clean:.2f} %")
    for epsilon in EPSILONS:
        under_fgsm = attack_accuracy(model, fgsm(model, x, labels, epsilon), labels)
        attacked = pgd(model, x[:PGD_DIGITS], labels[:PGD_DIGITS], epsilon, epsilon / 4, PGD_STEPS)
        under_pgd = attack_accuracy(model, attacked, labels[:PGD_DIGITS])
        rows.append(
            {"epsilon": epsilon, "fgsm_accuracy": round(under_fgsm, 4), "pgd_accuracy": round(under_pgd, 4)}
        )
        print(f"eps {epsilon:<4}  FGSM {100 * under_fgsm:6.2f} %   PGD-{PGD_STEPS} {100 * under_pgd:6.2f} %")
    print(f"{time.perf_counter() - start:.1f} s")
    if not args.no_save:
        table = {
            "test_data": "MNIST test set (10,000 images)",
            "clean_accuracy": round(clean, 4),
            "pgd": f"{PGD_STEPS} steps of epsilon/4 from the clean digit, projected onto the L-inf ball, "
            f"on the first {PGD_DIGITS} test digits",
            "rows": rows,
            "command": "python benchmarks/bench_fgsm.py",
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
        save_model(model, args.model, {"adversarial": table})
        print(f"stored in the metadata of {args.model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
