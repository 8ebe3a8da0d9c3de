"""Train a network on MNIST (or Fashion-MNIST) with mini-batch gradient descent; the loop is a generator of
progress records.

``train_iter`` does the work and yields a :class:`Progress` after every batch, so a GUI worker thread can
drive it, show progress and stop at any step. The command line wraps it::

    python -m explainer.train --data DIR --epochs 20 --out assets/model.npz --seed 0
    python -m explainer.train --dataset fashion-mnist --out assets/fashion_mnist.npz ...

The last 5,000 training images are held out for validation (``--val-size``); the best epoch by validation
accuracy is saved atomically at each epoch end, and the 10,000 test images are only used once, at the
end, to report the test accuracy that goes into the model file's metadata (with the exact command).

Learning-rate schedule: cosine decay per batch from the base rate to zero over the whole run,
``lr(t) = lr * (1 + cos(pi * t / T)) / 2`` (t = batches done, T = all batches), or constant.
"""

from __future__ import annotations

import argparse
import math
import shlex
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy as np

from explainer.architectures import ArchitectureSpec, build
from explainer.atomic import atomic_writer
from explainer.core import (
    SGD,
    Adam,
    Optimizer,
    Sequential,
    reference_net,
    softmax_cross_entropy,
)
from explainer.data import FASHION_MNIST, MNIST, Dataset
from explainer.data.augment import augment_batch
from explainer.dbvae import DEFAULT_ALPHA, sample_weights
from explainer.errors import BadInputError
from explainer.modelio import load_model, save_model

AugmentFn = Callable[[np.ndarray, np.random.Generator], np.ndarray]
Schedule = Literal["cosine", "constant"]


@dataclass(frozen=True)
class Progress:
    """One report from :func:`train_iter`: after every batch, and once more at the end of each epoch.

    Attributes:
        epoch: the epoch being trained, 1-based.
        step: batches done so far in the whole run, 1..steps_total.
        steps_total: epochs times batches per epoch.
        loss: mean cross-entropy of the last batch; on an epoch-end record, the mean over the epoch.
        batch_accuracy: training accuracy of the last batch; on an epoch-end record, over the epoch
            (on augmented images, in training mode).
        samples_per_s: training images per second in this epoch so far, augmentation included.
        val_accuracy: validation accuracy, set only on epoch-end records (None on all others).
        done: True on the final record of the run.
        phase: "train" after a training batch; "validate" after each validation batch (loss and
            batch_accuracy are then the epoch's) and on the epoch-end record, so a caller can also
            stop during validation.
    """

    epoch: int
    step: int
    steps_total: int
    loss: float
    batch_accuracy: float
    samples_per_s: float
    val_accuracy: float | None = None
    done: bool = False
    phase: Literal["train", "validate"] = "train"


# Digits as people draw them: turned, larger or smaller, off-centre, thick or thin. Mild enough that the
# small net still reaches >= 99.3% on plain MNIST; see explainer.data.augment.augment_batch for the meanings.
DEFAULT_AUGMENT: dict[str, Any] = {"rotation": 18.0, "scale": [0.85, 1.15], "shift": 2.0, "thickness": 0.5}


def default_augment(images: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Apply :data:`DEFAULT_AUGMENT` with :func:`explainer.data.augment.augment_batch`.

    Shape:
        images: ``(N, H, W)`` float32 in [0, 1]; returns the same shape.
    """
    return augment_batch(images, rng, **DEFAULT_AUGMENT)


def train_iter(
    model: Sequential,
    train_data: tuple[np.ndarray, np.ndarray],
    val_data: tuple[np.ndarray, np.ndarray],
    *,
    epochs: int,
    optimizer: Optimizer,
    rng: np.random.Generator,
    batch_size: int = 64,
    augment: bool | AugmentFn = False,
    schedule: Schedule = "cosine",
    eval_batch_size: int = 500,
    sample_weights: np.ndarray | None = None,
) -> Iterator[Progress]:
    """Train ``model`` in place, yielding a :class:`Progress` after every training and validation batch.

    Each epoch visits the training images once in an order drawn from ``rng`` (which also drives the
    augmentation), so the same seed, data and settings give the same weights. ``augment`` is False, True
    (:func:`default_augment`) or a function ``(images, rng) -> images``. The optimizer's ``lr`` is the
    base rate of the schedule (see the module docstring) and is updated before every step. After each
    epoch the validation accuracy is measured in eval mode, ``eval_batch_size`` images per record, and
    announced by the epoch-end record (the only one with ``val_accuracy`` set). With ``sample_weights``
    (DB-VAE's resampling, :func:`explainer.core.debias.resampling_weights`) an epoch is instead as many
    draws, with replacement from ``rng``, as there are training images, image ``i`` drawn with
    probability ``sample_weights[i] / sum(sample_weights)``; the number of steps is the same.
    Stopping early is just not asking for the next record (or ``close()``); the model then holds the
    weights of the last finished step. The model is left in eval mode when the run completes.

    Shape:
        train_data, val_data: images ``(N, H, W)`` uint8 0-255 or float in [0, 1] with
        ``model.input_shape == (1, H, W)``, and labels ``(N,)`` integer class indices.
        sample_weights: ``(N,)`` non-negative, not all zero, one per training image.

    Raises:
        BadInputError: the data or settings cannot be used.
        FloatingPointError: the loss became NaN or infinite (learning rate too high).
    """
    images, labels = _check_data(model, train_data, "training")
    val_data = _check_data(model, val_data, "validation")
    if epochs < 1 or batch_size < 1:
        raise BadInputError(f"epochs ({epochs}) and batch_size ({batch_size}) must be at least 1")
    if schedule not in ("cosine", "constant"):
        raise BadInputError(f"unknown learning-rate schedule {schedule!r}; use 'cosine' or 'constant'")
    augment_fn = default_augment if augment is True else augment or None
    probabilities = None if sample_weights is None else _probabilities(sample_weights, len(images))
    steps_per_epoch = math.ceil(len(images) / batch_size)
    steps_total = epochs * steps_per_epoch
    base_lr = optimizer.lr
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        if probabilities is None:
            order = rng.permutation(len(images))
        else:
            order = rng.choice(len(images), size=len(images), p=probabilities)
        start_time = time.perf_counter()
        seen = correct = 0
        loss_sum = 0.0
        for start in range(0, len(images), batch_size):
            batch = order[start : start + batch_size]
            x = _pixels(images[batch])
            if augment_fn is not None:
                x = augment_fn(x, rng)
            y = labels[batch].astype(np.intp)
            if schedule == "cosine":
                optimizer.lr = base_lr * 0.5 * (1.0 + math.cos(math.pi * step / steps_total))
            logits = model.forward(x.reshape(len(batch), *model.input_shape))
            loss, dlogits = softmax_cross_entropy(logits, y)
            if not math.isfinite(loss):
                raise FloatingPointError(
                    f"the loss became {loss} at step {step + 1}; lower the learning rate"
                )
            model.backward(dlogits, input_grad=False)
            optimizer.step()
            step += 1
            hits = int((logits.argmax(axis=1) == y).sum())
            seen += len(batch)
            correct += hits
            loss_sum += loss * len(batch)
            rate = seen / max(time.perf_counter() - start_time, 1e-9)
            yield Progress(epoch, step, steps_total, float(loss), hits / len(batch), rate)
        rate = seen / max(time.perf_counter() - start_time, 1e-9)
        epoch_loss, epoch_accuracy = loss_sum / seen, correct / seen
        val_images, val_labels = val_data
        val_correct = 0
        for start in range(0, len(val_images), eval_batch_size):
            chunk = slice(start, start + eval_batch_size)
            val_correct += int(np.sum(predict(model, val_images[chunk]) == val_labels[chunk]))
            yield Progress(epoch, step, steps_total, epoch_loss, epoch_accuracy, rate, phase="validate")
        if epoch == epochs:
            model.eval()
        yield Progress(
            epoch,
            step,
            steps_total,
            epoch_loss,
            epoch_accuracy,
            rate,
            val_correct / len(val_images),
            epoch == epochs,
            "validate",
        )


def evaluate(model: Sequential, images: np.ndarray, labels: np.ndarray, batch_size: int = 500) -> float:
    """Fraction of ``images`` the model classifies as ``labels`` (eval mode, in batches; mode restored).

    Shape:
        images: ``(N, H, W)`` uint8 0-255 or float in [0, 1] (or already ``(N, *model.input_shape)``);
        labels: ``(N,)``. Returns a float in [0, 1].
    """
    if len(images) == 0:
        raise BadInputError("cannot evaluate on an empty set of images")
    return float(np.mean(predict(model, images, batch_size) == np.asarray(labels)))


def predict(model: Sequential, images: np.ndarray, batch_size: int = 500) -> np.ndarray:
    """The most probable class of every image, computed in eval mode in batches (the mode is restored).

    Shape:
        images: ``(N, H, W)`` uint8 0-255 or float in [0, 1] (or already ``(N, *model.input_shape)``);
        returns ``(N,)`` int class indices.
    """
    previous = model.training
    model.eval()
    try:
        classes = [
            model.forward(_pixels(chunk).reshape(len(chunk), *model.input_shape)).argmax(axis=1)
            for chunk in (images[start : start + batch_size] for start in range(0, len(images), batch_size))
        ]
    finally:
        model.train(previous)
    return np.concatenate(classes) if classes else np.zeros(0, np.intp)


def pick_samples(
    model: Sequential, images: np.ndarray, labels: np.ndarray, per_class: int = 10
) -> np.ndarray:
    """Indices of the first ``per_class`` images of each class that ``model`` classifies correctly.

    Ordered class by class (all 0s, then all 1s, ...), each class in data order; this is how
    ``assets/samples.npz`` was chosen from the MNIST test set.

    Shape:
        images: ``(N, H, W)``; labels: ``(N,)``. Returns ``(K * per_class,)`` int64.
    """
    correct = predict(model, images) == labels
    chosen = []
    for k in range(len(model.class_names)):
        found = np.flatnonzero((labels == k) & correct)[:per_class]
        if len(found) < per_class:
            raise BadInputError(
                f"only {len(found)} correctly classified images of class {k}; need {per_class}"
            )
        chosen.append(found)
    return np.concatenate(chosen).astype(np.int64)


def save_samples(path: str | Path, images: np.ndarray, labels: np.ndarray, indices: np.ndarray) -> None:
    """Write the gallery file of ``images``, ``labels`` and their source ``indices`` (atomic, no pickle).

    Shape:
        images: ``(N, 28, 28)`` uint8 (the whole source set); labels: ``(N,)``; indices: ``(M,)``.
        The file holds ``images (M, 28, 28)``, ``labels (M,)``, ``indices (M,)``.
    """
    arrays = {
        "images": np.ascontiguousarray(images[indices], dtype=np.uint8),
        "labels": np.ascontiguousarray(labels[indices], dtype=np.uint8),
        "indices": np.asarray(indices, dtype=np.int64),
    }
    with atomic_writer(path) as file:
        np.savez(file, **arrays)


def _pixels(images: np.ndarray) -> np.ndarray:
    """Images as float32 in [0, 1] (uint8 is divided by 255).

    Shape:
        Same shape as ``images``.
    """
    if images.dtype == np.uint8:
        return images.astype(np.float32) / np.float32(255.0)
    return images.astype(np.float32, copy=False)


def _probabilities(weights: np.ndarray, count: int) -> np.ndarray:
    """``weights`` scaled to sum to 1, after checking there is one finite weight >= 0 per image.

    Shape:
        weights: ``(count,)``; returns ``(count,)`` float64.
    """
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != (count,):
        raise BadInputError(
            f"sample_weights has shape {weights.shape}; need one per training image, ({count},)"
        )
    if not np.all(np.isfinite(weights)) or np.any(weights < 0) or weights.sum() <= 0:
        raise BadInputError("sample_weights must be finite, >= 0 and not all zero")
    return weights / weights.sum()


def _check_data(
    model: Sequential, data: tuple[np.ndarray, np.ndarray], what: str
) -> tuple[np.ndarray, np.ndarray]:
    """Check that images and labels agree in count and fit the model; returns them as arrays."""
    images, labels = np.asarray(data[0]), np.asarray(data[1])
    if len(images) == 0 or len(images) != len(labels):
        raise BadInputError(
            f"{what} data: {len(images)} images but {len(labels)} labels (need the same, > 0)"
        )
    if math.prod(images.shape[1:]) != math.prod(model.input_shape):
        raise BadInputError(
            f"{what} images of shape {images.shape[1:]} do not fit the model's input {model.input_shape}"
        )
    if labels.dtype.kind not in "ui" or labels.min() < 0 or labels.max() >= len(model.class_names):
        raise BadInputError(f"{what} labels must be integers in 0..{len(model.class_names) - 1}")
    return images, labels


ARCHITECTURES: dict[str, Callable[[np.random.Generator], Sequential]] = {
    "reference": reference_net,
    # The reference net with 16 channels in every conv layer and a 64-unit hidden dense layer.
    "wide": partial(build, ArchitectureSpec(channels=(16, 16), dense=(64,), dropout=0.25)),
}
DEFAULT_LR = {"adam": 2e-3, "sgd": 0.05}
DATASETS: dict[str, Dataset] = {"mnist": MNIST, "fashion-mnist": FASHION_MNIST}
"""The data sets ``--dataset`` names."""


def make_optimizer(model: Sequential, name: str, lr: float | None = None) -> Optimizer:
    """Adam (``"adam"``) or SGD with momentum 0.9 (``"sgd"``), with the default rate when ``lr`` is None."""
    lr = DEFAULT_LR[name] if lr is None else lr
    return Adam(model, lr=lr) if name == "adam" else SGD(model, lr=lr, momentum=0.9)


class _Reporter:
    """Training progress: a tqdm bar when tqdm is installed, else a plain line every tenth of an epoch."""

    def __init__(self, steps_total: int, steps_per_epoch: int) -> None:
        try:
            from tqdm import tqdm
        except ImportError:
            self.bar = None
        else:
            # When logging to a file, redraw rarely so the log stays readable.
            interval = 0.5 if sys.stderr.isatty() else 60.0
            self.bar = tqdm(total=steps_total, unit="batch", mininterval=interval, dynamic_ncols=True)
        self.every = max(1, steps_per_epoch // 10)

    def step(self, progress: Progress) -> None:
        """Advance by one batch."""
        if self.bar is not None:
            self.bar.update(1)
            if progress.step % 20 == 0:
                self.bar.set_postfix(loss=f"{progress.loss:.3f}", epoch=progress.epoch, refresh=False)
        elif progress.step % self.every == 0:
            print(
                f"  step {progress.step}/{progress.steps_total}  loss {progress.loss:.4f}  "
                f"{progress.samples_per_s:,.0f} img/s",
                flush=True,
            )

    def write(self, line: str) -> None:
        """Print a line without breaking the bar."""
        if self.bar is not None:
            self.bar.write(line)
        else:
            print(line, flush=True)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.close()


def build_parser() -> argparse.ArgumentParser:
    """The command-line options of ``python -m explainer.train``."""
    parser = argparse.ArgumentParser(
        prog="python -m explainer.train",
        description="Train a CNN on MNIST or Fashion-MNIST and save it as a model file the app can load.",
    )
    parser.add_argument(
        "--dataset",
        choices=sorted(DATASETS),
        default="mnist",
        help="the data set, which also names the classes (default mnist)",
    )
    parser.add_argument(
        "--data",
        help="folder with the IDX files (default: $EXPLAINER_MNIST_DIR, else ../shared/data/mnist; "
        "for fashion-mnist: $EXPLAINER_FASHION_MNIST_DIR, else ../shared/data/fashion-mnist)",
    )
    parser.add_argument("--epochs", type=int, default=20, help="passes over the training set (default 20)")
    parser.add_argument("--out", type=Path, default=Path("model.npz"), help="model file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed for weights, shuffling, augmentation")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--lr",
        type=float,
        default=None,
        help=f"base learning rate (default {DEFAULT_LR['adam']} for adam, {DEFAULT_LR['sgd']} for sgd)",
    )
    parser.add_argument("--optimizer", choices=sorted(DEFAULT_LR), default="adam")
    parser.add_argument("--schedule", choices=["cosine", "constant"], default="cosine")
    parser.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="random rotation, scaling, shifts and stroke thickness (default on)",
    )
    augment = parser.add_argument_group("augmentation (see explainer.data.augment.augment_batch)")
    augment.add_argument("--rotation", type=float, default=DEFAULT_AUGMENT["rotation"], help="max degrees")
    augment.add_argument(
        "--scale", type=float, nargs=2, default=DEFAULT_AUGMENT["scale"], metavar=("LOW", "HIGH")
    )
    augment.add_argument("--shift", type=float, default=DEFAULT_AUGMENT["shift"], help="max pixels")
    augment.add_argument(
        "--thickness", type=float, default=DEFAULT_AUGMENT["thickness"], help="probability of thicker/thinner"
    )
    augment.add_argument(
        "--flip", type=float, default=0.0, help="probability of a left-right mirror (clothes, not digits)"
    )
    parser.add_argument("--arch", choices=sorted(ARCHITECTURES), default="reference")
    parser.add_argument(
        "--init",
        type=Path,
        default=None,
        help="start from the weights of this model file (fine-tuning) instead of a fresh --arch net",
    )
    parser.add_argument(
        "--val-size",
        type=int,
        default=None,
        help="the last this-many training images are the validation set (default: the data set's, "
        f"{MNIST.validation_size} for both)",
    )
    parser.add_argument(
        "--debias",
        action="store_true",
        help="DB-VAE's resampling: draw the training images with probability 1 / (density + alpha) of "
        "their code under the bundled VAE (explainer.core.debias), rare digits more often",
    )
    parser.add_argument(
        "--debias-alpha",
        type=float,
        default=DEFAULT_ALPHA,
        help=f"alpha of --debias: larger is closer to uniform sampling (default {DEFAULT_ALPHA})",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="train on only the first this-many training images (for quick trials)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (130 after Ctrl-C, with the best epoch kept)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    command = "python -m explainer.train " + shlex.join(argv)
    dataset = DATASETS[args.dataset]
    # What reads the data folder and the files named on the command line; any of it may be bad input.
    try:
        (train_images, train_labels), (val_images, val_labels), test_data = _load_splits(dataset, args)
        weights = sample_weights(train_images, args.debias_alpha) if args.debias else None
        init_rng, train_rng = np.random.default_rng(args.seed).spawn(2)
        parent: dict[str, Any] = {}
        if args.init is None:
            model, arch = ARCHITECTURES[args.arch](init_rng), args.arch
            # The architectures are built for ten classes; the names are the data set's.
            model.class_names = list(dataset.class_names)
        else:
            model = load_model(args.init)
            parent, model.metadata = model.metadata, {}
            arch = f"{parent.get('arch', 'custom')}, fine-tuned from {args.init}"
    except BadInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    optimizer = make_optimizer(model, args.optimizer, args.lr)
    augmentation = {
        "rotation": args.rotation,
        "scale": list(args.scale),
        "shift": args.shift,
        "thickness": args.thickness,
        **({"flip": args.flip} if args.flip else {}),
    }
    settings = {
        "command": command,
        "seed": args.seed,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "optimizer": args.optimizer,
        "lr": optimizer.lr,
        "schedule": args.schedule,
        "augment": augmentation if args.augment else None,
        "arch": arch,
        "training_data": f"{dataset.name} training images 1-{len(train_images):,} "
        f"(the last {len(val_images):,} of the training file are the validation set)",
        "numpy": np.__version__,
    }
    if args.debias:
        settings["debias"] = {"alpha": args.debias_alpha, "vae": "bundled (assets/vae.npz)"}
    if parent:
        settings["fine_tuned_from"] = {key: parent.get(key) for key in ("command", "epochs", "test_accuracy")}
    print(
        f"training {arch} ({model.param_count():,} weights) on {len(train_images):,} images, "
        f"validating on {len(val_images):,}; saving the best epoch to {args.out}",
        flush=True,
    )
    run = train_iter(
        model,
        (train_images, train_labels),
        (val_images, val_labels),
        epochs=args.epochs,
        optimizer=optimizer,
        rng=train_rng,
        batch_size=args.batch_size,
        augment=partial(augment_batch, **augmentation) if args.augment else False,
        schedule=args.schedule,
        sample_weights=weights,
    )
    steps_per_epoch = math.ceil(len(train_images) / args.batch_size)
    reporter = _Reporter(args.epochs * steps_per_epoch, steps_per_epoch)
    started = time.perf_counter()
    best: Sequential | None = None
    best_info: dict[str, Any] = {}
    interrupted = False
    try:
        for progress in run:
            if progress.phase == "train":
                reporter.step(progress)
            if progress.val_accuracy is None:
                continue
            note = ""
            if best is None or progress.val_accuracy > best_info["validation_accuracy"]:
                best = model.copy()
                best_info = {"best_epoch": progress.epoch, "validation_accuracy": progress.val_accuracy}
                save_model(best, args.out, metadata={**settings, **best_info, "date": _now()})
                note = "  -> saved (best so far)"
            reporter.write(
                f"epoch {progress.epoch}/{args.epochs}: loss {progress.loss:.4f}, "
                f"train acc {progress.batch_accuracy:.2%}, val acc {progress.val_accuracy:.2%}, "
                f"{progress.samples_per_s:,.0f} img/s, {time.perf_counter() - started:,.0f} s{note}"
            )
    except KeyboardInterrupt:
        run.close()
        interrupted = True
    finally:
        reporter.close()
    wall_time = time.perf_counter() - started
    if best is None:
        print("stopped before the first epoch ended; nothing was saved", file=sys.stderr)
        return 130
    if interrupted:
        print(f"interrupted; keeping epoch {best_info['best_epoch']} in {args.out}", file=sys.stderr)
    test_accuracy = evaluate(best, *test_data)
    save_model(
        best,
        args.out,
        metadata={
            **settings,
            **best_info,
            "date": _now(),
            "test_data": f"{dataset.name} test set ({len(test_data[0]):,} images)",
            "test_accuracy": test_accuracy,
            "wall_time_s": round(wall_time, 1),
            "interrupted": interrupted,
        },
    )
    print(
        f"test accuracy {test_accuracy:.2%} on {len(test_data[0]):,} {dataset.name} test images "
        f"(epoch {best_info['best_epoch']}, val acc {best_info['validation_accuracy']:.2%}); "
        f"wrote {args.out} in {wall_time / 60:.1f} min",
        flush=True,
    )
    return 130 if interrupted else 0


def _now() -> str:
    """The current UTC time, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _load_splits(
    dataset: Dataset, args: argparse.Namespace
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Training, validation (the last ``--val-size`` training images) and test sets of ``dataset``.

    Shape:
        Each is images ``(N, 28, 28)`` uint8 and labels ``(N,)`` uint8.
    """
    directory = dataset.directory(args.data)
    if directory is None:
        raise BadInputError(f"no {dataset.name} folder: pass --data DIR or set {dataset.env_var}")
    if args.limit is not None and args.limit < 1:
        raise BadInputError(f"--limit must be at least 1, not {args.limit}")
    train, validation = dataset.splits(directory, args.limit, args.val_size)
    return train, validation, dataset.test_set(directory)


if __name__ == "__main__":
    sys.exit(main())
