"""Train a LeNet-5 in PyTorch on MNIST and export it as ONNX: the app's demo of "bring your own model".

    .venv/bin/python benchmarks/make_lenet5_onnx.py [--data DIR] [--epochs 2] [--seed 0] [--out FILE]

It trains the way a student's script would: pixels normalised *outside* the network with MNIST's mean
0.1307 and std 0.3081, so the file itself does not say how its input is scaled and the app's import dialog
asks (the right answer, MNIST's mean and std, gets the gallery right with the smallest loss). The file is
written by ``torch.onnx.export`` (TorchScript exporter, opset 13) with the command, seed and test accuracy
in its ``metadata_props``. torch is a reference tool here, never a runtime dependency of the app.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from explainer.data import MNIST  # noqa: E402

MEAN, STD = 0.1307, 0.3081


def lenet5() -> Any:
    """LeNet-5 with ReLU and max pooling: conv 6@5x5 pad 2, pool, conv 16@5x5, pool, 120, 84, 10."""
    import torch

    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120),
        nn.ReLU(),
        nn.Linear(120, 84),
        nn.ReLU(),
        nn.Linear(84, 10),
    )


def main() -> int:
    import onnx
    import torch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder of the MNIST IDX files")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(REPO / "assets" / "lenet5.onnx"))
    args = parser.parse_args()
    directory = MNIST.directory(args.data)
    if directory is None:
        raise SystemExit("no MNIST folder: pass --data or set EXPLAINER_MNIST_DIR")
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    images, labels = MNIST.load(directory, "train")
    test_images, test_labels = MNIST.test_set(directory)

    def tensor(pixels: np.ndarray) -> torch.Tensor:
        return (torch.from_numpy(pixels.astype(np.float32) / 255.0)[:, None] - MEAN) / STD

    x, y = tensor(images), torch.from_numpy(labels.astype(np.int64))
    net = lenet5()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    began = time.perf_counter()
    for epoch in range(args.epochs):
        net.train()
        order = torch.randperm(len(x))
        for start in range(0, len(x), 64):
            batch = order[start : start + 64]
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch + 1}: last batch loss {loss.item():.4f}")
    net.eval()
    with torch.no_grad():
        predicted = net(tensor(test_images)).argmax(dim=1).numpy()
    accuracy = float((predicted == test_labels).mean())
    print(f"test accuracy {accuracy:.4f} after {time.perf_counter() - began:.0f} s")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            net,
            torch.zeros(1, 1, 28, 28),
            args.out,
            opset_version=13,
            dynamo=False,
            input_names=["x"],
            output_names=["logits"],
            dynamic_axes={"x": {0: "N"}, "logits": {0: "N"}},
        )
    model = onnx.load(args.out)
    command = f"python benchmarks/make_lenet5_onnx.py --epochs {args.epochs} --seed {args.seed}"
    properties = {
        "command": command,
        "test_accuracy": accuracy,
        "trained_on": f"MNIST, pixels normalised outside the file: (x - {MEAN}) / {STD}",
    }
    onnx.helper.set_model_props(model, {key: json.dumps(value) for key, value in properties.items()})
    onnx.save(model, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
