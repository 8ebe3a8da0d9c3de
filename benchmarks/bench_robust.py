"""How well the bundled model reads digits drawn the way people draw: turned, small or large, off-centre,
thick or thin.

    .venv/bin/python benchmarks/bench_robust.py [--data DIR] [--model PATH] [--n 10000] [--seed 0]

Each MNIST test digit is placed in the middle of a 56x56 canvas (so nothing is cut off), then
``explainer.data.augment.augment_batch`` applies, per digit, a random rotation in [-20, 20] degrees, a zoom in
[0.6, 1.2], a shift of up to 6 pixels in x and y, and makes the strokes thicker or thinner (every digit,
either way with equal odds: a grey dilation or erosion by up to one pixel per side). The result goes
through ``explainer.to_mnist`` exactly as a drawing on the app's canvas does, and then into the model.
Prints the accuracy with all distortions together (goal >= 97%), then each distortion alone, and the
plain MNIST test accuracy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from explainer.core import Sequential
from explainer.data import add_data_argument, load_mnist, mnist_dir_or_say
from explainer.data.augment import distort_like_drawing
from explainer.modelio import load_model
from explainer.train import evaluate

IDENTITY: dict[str, Any] = {"rotation": 0.0, "scale": (1.0, 1.0), "shift": 0.0, "thickness": 0.0}
ONE_AT_A_TIME: dict[str, dict[str, Any]] = {
    "rotation +-20 deg only": {**IDENTITY, "rotation": 20.0},
    "scale 0.6-1.2 only": {**IDENTITY, "scale": (0.6, 1.2)},
    "shift +-6 px only": {**IDENTITY, "shift": 6.0},
    "thicker or thinner only": {**IDENTITY, "thickness": 1.0},
    "to_mnist only": IDENTITY,
}


def robust_accuracy(
    model: Sequential, images: np.ndarray, labels: np.ndarray, seed: int = 0, **distortion: Any
) -> float:
    """Accuracy of ``model`` on ``distort_like_drawing(images)`` with a seeded generator.

    Shape:
        images: ``(N, 28, 28)`` uint8; labels: ``(N,)``. Returns a float in [0, 1].
    """
    rng = np.random.default_rng(seed)
    accuracy = 0.0
    # In chunks, so a 10,000-digit run never holds all the 56x56 canvases at once.
    for start in range(0, len(images), 1000):
        chunk = slice(start, start + 1000)
        x = distort_like_drawing(images[chunk], rng, **distortion)
        accuracy += evaluate(model, x, labels[chunk]) * len(x)
    return accuracy / len(images)


def model_and_test_digits(
    parser: argparse.ArgumentParser, argv: list[str] | None
) -> tuple[argparse.Namespace, Sequential, np.ndarray, np.ndarray]:
    """The command line's arguments, the model of ``--model`` and the first ``--n`` MNIST test digits and
    labels of ``--data``; exit status 2, after saying where MNIST was looked for, when it is not there.

    Shape:
        images ``(n, 28, 28)`` uint8, labels ``(n,)``.
    """
    args = parser.parse_args(argv)
    directory = mnist_dir_or_say(args.data)
    if directory is None:
        parser.exit(2)
    images, labels = load_mnist(directory, "test")
    return args, load_model(args.model), images[: args.n], labels[: args.n]


def main(argv: list[str] | None = None) -> int:
    """Print the robustness figures; exit status 1 when the all-distortions accuracy is below 97%."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--model", type=Path, default=None, help="model file (default: the bundled one)")
    parser.add_argument("--n", type=int, default=10000, help="number of test digits (default all 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    args, model, images, labels = model_and_test_digits(parser, argv)
    start = time.perf_counter()
    overall = robust_accuracy(model, images, labels, args.seed)
    print(f"drawn-like, all distortions ({len(images):,} MNIST test digits): {overall:.2%} (goal >= 97%)")
    for name, distortion in ONE_AT_A_TIME.items():
        print(f"  {name:24s} {robust_accuracy(model, images, labels, args.seed, **distortion):.2%}")
    print(f"  {'plain MNIST test':24s} {evaluate(model, images, labels):.2%}")
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0 if overall >= 0.97 else 1


if __name__ == "__main__":
    sys.exit(main())
