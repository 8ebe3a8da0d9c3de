"""Sanity checks for the attribution maps (Adebayo et al., NeurIPS 2018), measured on MNIST test digits.

    .venv/bin/python benchmarks/bench_sanity.py [--data DIR] [--model PATH] [--n 100] [--seed 0]

For each of the first ``n`` test digits every map of the Attribution tab is computed on the bundled model
and again after randomising its weights (``explainer.core.sanity``): cascading from the top layer down
(step k: the top k layers with weights random) and each layer alone. The table gives the mean Spearman
rank correlation with the original map, on absolute values (the app's default) and signed. A method that
explains the model falls towards 0 as soon as its top layer is random.

Settings are the tab's defaults: the class explained is the digit's label, contrasted with the original
model's runner-up, SmoothGrad σ = 0.15 with 25 copies, Integrated Gradients with 64 steps, Grad-CAM at the
last conv layer's ReLU. A map that is constant (Grad-CAM can be all zero on a random model) has no
ranking; such digits are left out of that mean and counted under the table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from bench_robust import model_and_test_digits

from explainer.core import Sequential, sanity
from explainer.data import add_data_argument

NAMES = {
    "vanilla": "Gradient",
    "smoothgrad": "SmoothGrad",
    "ig": "Integrated Gradients",
    "gradcam": "Grad-CAM",
    "contrast": "Contrast (A − B)",
    "loss": "−dL/dx",
}

ACTIVATIONS = {"relu", "leaky_relu", "sigmoid", "tanh"}


def last_conv_activation(model: Sequential) -> int:
    """The layer the tab's Grad-CAM reads by default: the last conv layer's ReLU (or the conv itself)."""
    conv = [i for i, layer in enumerate(model.layers) if layer.kind == "conv2d"][-1]
    following = model.layers[conv + 1] if conv + 1 < len(model.layers) else None
    return conv + 1 if following is not None and following.kind in ACTIVATIONS else conv


def run(model: Sequential, images: np.ndarray, labels: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    """Spearman's ρ per variant, digit and method: ``{"cascade"|"alone": (2, steps, N, methods)}`` with
    axis 0 absolute / signed."""
    layer = last_conv_activation(model)
    variants = {
        "cascade": [m for _, m in sanity.cascading_randomisations(model, seed)],
        "alone": [m for _, m in sanity.independent_randomisations(model, seed)],
    }
    steps = len(variants["cascade"])
    methods = sanity.METHODS
    out = {key: np.full((2, steps, len(images), len(methods)), np.nan) for key in variants}
    for n, (image, label) in enumerate(zip(images, labels, strict=True)):
        x = (image.astype(np.float32) / 255.0)[None, None]
        runner_up = int(np.argsort(model.predict_proba(x)[0])[-2])
        other = runner_up if runner_up != int(label) else int(np.argsort(model.predict_proba(x)[0])[-1])
        settings = sanity.MapSettings(int(label), other, int(label), gradcam_layer=layer)
        original = dict(sanity.iter_maps(model, x, settings))
        for key, models in variants.items():
            for step, random in enumerate(models):
                maps = dict(sanity.iter_maps(random, x, settings))
                for a, absolute in enumerate((True, False)):
                    rho = sanity.correlations(original, maps, absolute=absolute)
                    out[key][a, step, n] = [rho[m] for m in methods]
        if (n + 1) % 10 == 0:
            print(f"  {n + 1}/{len(images)} digits", file=sys.stderr, flush=True)
    return out


def table(model: Sequential, rho: np.ndarray, cascade: bool) -> str:
    """A markdown table: one row per step, one column per method, "abs / signed" mean ρ."""
    top_down = sanity.parameter_layers(model)[::-1]
    head = "| randomised | " + " | ".join(NAMES[m] for m in sanity.METHODS) + " |"
    lines = [head, "|" + "---|" * (len(sanity.METHODS) + 1)]
    for step, index in enumerate(top_down):
        name = model.layers[index].name
        row = f"from {name} up" if cascade else f"{name} alone"
        cells = []
        for m in range(len(sanity.METHODS)):
            absolute, signed = np.nanmean(rho[0, step, :, m]), np.nanmean(rho[1, step, :, m])
            cells.append(f"{absolute:.2f} / {signed:.2f}")
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    undefined = np.isnan(rho[0]).sum(axis=1)  # (steps, methods)
    notes = [
        f"{model.layers[top_down[s]].name}: {NAMES[sanity.METHODS[m]]} constant on {undefined[s, m]} digits"
        for s, m in zip(*np.nonzero(undefined), strict=True)
    ]
    return "\n".join(lines) + ("\n\nLeft out (no ranking): " + "; ".join(notes) if notes else "")


def main(argv: list[str] | None = None) -> int:
    """Print the two tables (cascading, each layer alone) in markdown."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--model", type=Path, default=None, help="model file (default: the bundled one)")
    parser.add_argument("--n", type=int, default=100, help="number of test digits (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random weights")
    args, model, images, labels = model_and_test_digits(parser, argv)
    start = time.perf_counter()
    rho = run(model, images, labels, args.seed)
    print(f"Mean Spearman rank correlation with the original map, |map| / signed, {args.n} MNIST test digits")
    print("\nCascading, from the top layer down:\n")
    print(table(model, rho["cascade"], cascade=True))
    print("\nEach layer alone:\n")
    print(table(model, rho["alone"], cascade=False))
    print(f"\n({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
