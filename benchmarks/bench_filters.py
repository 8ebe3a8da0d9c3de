"""Precompute what each filter looks for, for both bundled models, into assets/filters_*.npz.

For every channel of every conv layer: the 9 test images that excite it most (with the receptive field
of the argmax) and an input synthesised by activation maximisation (``explainer.core.filters``).

    python benchmarks/bench_filters.py            # both models, on the test sets in /work/shared/data
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainer.assets import asset_path
from explainer.core.filters import activation_maximisation
from explainer.data import FASHION_MNIST, MNIST
from explainer.filters import compute_atlas
from explainer.modelio import load_model

COMMAND = "python benchmarks/bench_filters.py"
JOBS = (
    (MNIST, "model.npz", "filters_mnist.npz"),
    (FASHION_MNIST, "fashion_mnist.npz", "filters_fashion_mnist.npz"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    defaults = activation_maximisation.__defaults__
    for dataset, model_file, out_file in JOBS:
        folder = dataset.directory()
        if folder is None:
            print(f"{dataset.name}: no data folder, skipped")
            continue
        images, _labels = dataset.test_set(folder)
        model = load_model(asset_path(model_file))
        start = time.perf_counter()
        atlas = compute_atlas(
            model,
            images,
            {
                "command": COMMAND,
                "model_file": f"assets/{model_file}",
                "data": f"{dataset.name} test set ({len(images)} images)",
                "activation_maximisation": dict(
                    zip(
                        ("steps", "step_size", "l2", "blur_sigma", "blur_every", "grey"),
                        defaults,
                        strict=True,
                    )
                ),
            },
        )
        atlas.save(asset_path(out_file))
        size = asset_path(out_file).stat().st_size
        print(f"{dataset.name}: {time.perf_counter() - start:.0f} s, {size} bytes")
        for item in atlas.layers:
            s, best = item.synthesised, item.top.values[:, 0]
            print(
                f"  {item.name}: top activation {best.min():.2f}..{best.max():.2f}; mean activation grey "
                f"{s.start_means.mean():+.2f} -> synthesised {s.final_means.mean():+.2f}, "
                f"raised in {(s.final_means > s.start_means).sum()}/{len(s.final_means)} channels"
            )


if __name__ == "__main__":
    main()
