"""DB-VAE's resampling against uniform epochs: accuracy on the rarest 10% of the MNIST test digits.

    nice -n 5 .venv/bin/python benchmarks/bench_debias.py [--data DIR] [--seeds 0 1] [--steps 430]
        [--alpha 0.001]

A table of results, not a timing. Rarity: every test digit is encoded by the bundled VAE
(``explainer.load_vae()``) and its density is :func:`explainer.core.debias.latent_density` of the test
codes (per-dimension histograms of 10 bins, shares multiplied); the rarest 10% are the 1,000 with the
lowest density. For each seed, two reference nets (``explainer.core.reference_net``) start from the same
initial weights and train for the same number of steps (batch 64, Adam 2e-3 with the cosine schedule, no
augmentation) on the 55,000 MNIST training images: one with uniform epochs (a shuffle per epoch), one
drawing each batch with DB-VAE's weights (:func:`explainer.dbvae.sample_weights`, alpha as given). Prints
the accuracy on the rarest 10%, on the most common 10%, and on all 10,000 test digits, per seed and as
mean ± standard deviation, in a Markdown table.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence

import numpy as np

import explainer
from explainer.core import Adam, reference_net
from explainer.core.debias import DEFAULT_ALPHA, latent_density, latent_means, resampling_weights
from explainer.data import MNIST, add_data_argument, mnist_dir_or_say
from explainer.train import evaluate, train_iter

BATCH_SIZE = 64
RARE_SHARE = 0.10


def train_net(
    images: np.ndarray,
    labels: np.ndarray,
    validation: tuple[np.ndarray, np.ndarray],
    *,
    seed: int,
    steps: int,
    weights: np.ndarray | None,
) -> explainer.core.Sequential:
    """A reference net from ``seed``'s initial weights after ``steps`` batches (uniform or weighted).

    Shape:
        images: ``(N, 28, 28)`` uint8; labels, weights: ``(N,)``.
    """
    init_rng, train_rng = np.random.default_rng(seed).spawn(2)
    model = reference_net(init_rng)
    per_epoch = math.ceil(len(images) / BATCH_SIZE)
    run = train_iter(
        model,
        (images, labels),
        validation,
        epochs=math.ceil(steps / per_epoch),
        optimizer=Adam(model, lr=2e-3),
        rng=train_rng,
        batch_size=BATCH_SIZE,
        sample_weights=weights,
    )
    for progress in run:
        if progress.step >= steps and progress.phase == "train":
            break
    run.close()
    return model.eval()


def mean_sd(values: Sequence[float]) -> str:
    """ "98.12 ± 0.10" in percent (the sample standard deviation; ± 0 for one value)."""
    sd = float(np.std(values, ddof=1)) if len(values) > 1 else 0.0
    return f"{100 * np.mean(values):.2f} ± {100 * sd:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--steps", type=int, default=430, help="batches per run (860: one epoch)")
    parser.add_argument("--alpha", type=float, default=DEFAULT_ALPHA)
    args = parser.parse_args(argv)
    directory = mnist_dir_or_say(args.data)
    if directory is None:
        return 1
    started = time.process_time()
    (train_images, train_labels), (val_images, val_labels) = MNIST.splits(directory)
    test_images, test_labels = MNIST.test_set(directory)
    vae = explainer.load_vae()
    weights = resampling_weights(latent_means(vae.encode, train_images), args.alpha)
    test_density = latent_density(latent_means(vae.encode, test_images))
    order = np.argsort(test_density, kind="stable")
    tenth = round(RARE_SHARE * len(order))
    rare, common = order[:tenth], order[-tenth:]
    validation = (val_images[:500], val_labels[:500])
    print(
        f"VAE: {vae.metadata.get('command')} (test -ELBO {vae.metadata.get('test_elbo', float('nan')):.1f}); "
        f"alpha {args.alpha}; {args.steps} steps of {BATCH_SIZE}; rarest 10%: test density <= "
        f"{test_density[rare].max():.2e}; classes of the rarest 10%: "
        f"{np.bincount(test_labels[rare], minlength=10).tolist()}",
        flush=True,
    )
    print(
        f"weights x N: min {weights.min() * len(weights):.3f}, max {weights.max() * len(weights):.2f}; "
        f"the rarest 10% of training codes get {np.sort(weights)[::-1][: len(weights) // 10].sum():.1%} "
        "of the draws",
        flush=True,
    )
    results: dict[str, dict[str, list[float]]] = {
        name: {"rare": [], "common": [], "all": []} for name in ("uniform", "debiased")
    }
    rows = []
    for seed in args.seeds:
        for name, sampling in (("uniform", None), ("debiased", weights)):
            model = train_net(
                train_images, train_labels, validation, seed=seed, steps=args.steps, weights=sampling
            )
            scores = {
                "rare": evaluate(model, test_images[rare], test_labels[rare]),
                "common": evaluate(model, test_images[common], test_labels[common]),
                "all": evaluate(model, test_images, test_labels),
            }
            for key, value in scores.items():
                results[name][key].append(value)
            rows.append(
                f"| {seed} | {name} | {100 * scores['rare']:.2f} | {100 * scores['common']:.2f} | "
                f"{100 * scores['all']:.2f} |"
            )
            print(rows[-1], flush=True)
    print()
    print("| seed | sampling | rarest 10% (%) | most common 10% (%) | all 10,000 (%) |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    for name, scores in results.items():
        print(
            f"| mean ± sd | {name} | {mean_sd(scores['rare'])} | {mean_sd(scores['common'])} | "
            f"{mean_sd(scores['all'])} |"
        )
    print(f"\nCPU time of the whole run: {time.process_time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
