"""Train a variational autoencoder on MNIST with Adam; the loop is a generator of progress records.

``train_vae_iter`` yields a :class:`VaeProgress` after every batch, so a GUI worker can drive it, draw the
curves and stop at any step. The command line wraps it and writes the VAE file with its test figures::

    python -m explainer.train_vae --data DIR --beta 1 --epochs N --out assets/vae.npz

Each batch draws its own eps ~ N(0, I) from the run's generator, so the same seed, data and settings give
the same weights. The whole 60,000-image training file is used (a VAE has no labels to validate); the
10,000 test digits give the reported -ELBO (one eps per image, drawn from a fixed seed) and the codes
``test_mu`` shipped in the file.
"""

from __future__ import annotations

import argparse
import math
import shlex
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np

from explainer.core import Adam
from explainer.core.vae import VAE, Recon, vae_net
from explainer.data import MNIST
from explainer.errors import BadInputError
from explainer.modelio import save_vae

Schedule = Literal["constant", "cosine"]
RUNNING_STEPS = 50
"""VaeProgress.recon and .kl are means over this many most recent batches."""


@dataclass(frozen=True)
class VaeProgress:
    """One report from :func:`train_vae_iter`, after every batch.

    Attributes:
        step: batches done so far, 1..steps.
        steps: epochs times batches per epoch.
        epoch: the epoch being trained, 1-based.
        recon: the reconstruction term per image (BCE or L1, nats), mean over the last
            :data:`RUNNING_STEPS` batches.
        kl: the KL term per image (nats), likewise.
        done: True on the last record of the run.
    """

    step: int
    steps: int
    epoch: int
    recon: float
    kl: float
    done: bool = False


def pixels(images: np.ndarray) -> np.ndarray:
    """Images as float32 ``(N, 1, 28, 28)`` in [0, 1] (uint8 is divided by 255).

    Shape:
        images: ``(N, 28, 28)`` or ``(N, 1, 28, 28)``, uint8 or float; returns ``(N, 1, 28, 28)``.
    """
    images = np.asarray(images)
    x = images.astype(np.float32) / np.float32(255.0) if images.dtype == np.uint8 else images
    return x.reshape(len(images), 1, 28, 28).astype(np.float32, copy=False)


def train_vae_iter(
    vae: VAE,
    images: np.ndarray,
    *,
    epochs: int,
    batch_size: int = 128,
    lr: float = 1e-3,
    beta: float = 1.0,
    seed: int = 0,
    recon: Recon = "bce",
    schedule: Schedule = "constant",
) -> Iterator[VaeProgress]:
    """Train ``vae`` in place on ``images`` with Adam, minimising ``mean(recon + beta * KL)``.

    Sets ``vae.beta = beta``. Each epoch visits the images once in an order drawn from ``seed``'s generator,
    which also draws every batch's eps. ``schedule="cosine"`` decays the rate from ``lr`` to zero over the
    run, ``lr * (1 + cos(pi t / T)) / 2`` after t of T batches. Stopping early is not asking for the next
    record; the VAE then holds the weights of the last finished step, in eval mode only after the last.
    Between records the caller may encode and decode with it (a latent map redrawn every N steps).

    Shape:
        images: ``(N, 28, 28)`` or ``(N, 1, 28, 28)``, uint8 0-255 or float in [0, 1].

    Raises:
        BadInputError: the images or settings cannot be used.
        FloatingPointError: the loss became NaN or infinite (learning rate too high).
    """
    images = np.asarray(images)
    if images.ndim not in (3, 4) or images.shape[-2:] != (28, 28) or len(images) == 0:
        raise BadInputError(f"VAE training needs images (N, 28, 28), got {images.shape}")
    if epochs < 1 or batch_size < 1 or not lr > 0 or not beta >= 0:
        raise BadInputError(
            f"need epochs, batch_size >= 1, lr > 0 and beta >= 0; got {epochs}, {batch_size}, {lr}, {beta}"
        )
    if schedule not in ("constant", "cosine"):
        raise BadInputError(f"unknown learning-rate schedule {schedule!r}; use 'constant' or 'cosine'")
    vae.beta = float(beta)
    rng = np.random.default_rng(seed)
    optimizer = Adam(vae.layers, lr=lr)
    steps_per_epoch = math.ceil(len(images) / batch_size)
    steps = epochs * steps_per_epoch
    recent: deque[tuple[float, float]] = deque(maxlen=RUNNING_STEPS)
    step = 0
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(images))
        for start in range(0, len(images), batch_size):
            x = pixels(images[np.sort(order[start : start + batch_size])])
            eps = rng.standard_normal((len(x), vae.latent_dim)).astype(vae.dtype)
            if schedule == "cosine":
                optimizer.lr = lr * 0.5 * (1.0 + math.cos(math.pi * step / steps))
            vae.train()  # again each step: encode() or decode() between records switch to eval mode
            recon_n, kl_n = vae.elbo_backward(x, eps, beta=beta, recon=recon)
            batch_recon, batch_kl = float(recon_n.mean()), float(kl_n.mean())
            if not math.isfinite(batch_recon + batch_kl):
                raise FloatingPointError(
                    f"the loss became NaN or infinite at step {step + 1}; lower the rate"
                )
            optimizer.step()
            step += 1
            recent.append((batch_recon, batch_kl))
            done = step == steps
            if done:
                vae.train(False)
            running = np.mean(recent, axis=0)
            yield VaeProgress(step, steps, epoch, float(running[0]), float(running[1]), done)


def evaluate_vae(
    vae: VAE, images: np.ndarray, *, seed: int = 0, batch_size: int = 500
) -> tuple[dict[str, float], np.ndarray]:
    """Mean BCE, L1 and KL per image and the -ELBO (BCE + KL) on ``images``, one eps each from ``seed``;
    also every image's mu.

    Shape:
        images: ``(N, 28, 28)`` or ``(N, 1, 28, 28)``; returns the figures and mu ``(N, d)`` float32.
    """
    rng = np.random.default_rng(seed)
    sums = {"bce": 0.0, "l1": 0.0, "kl": 0.0}
    codes = []
    for start in range(0, len(images), batch_size):
        x = pixels(images[start : start + batch_size])
        eps = rng.standard_normal((len(x), vae.latent_dim))
        for recon in ("bce", "l1"):
            recon_n, kl_n = vae.losses(x, eps, recon=recon)  # type: ignore[arg-type]
            sums[recon] += float(recon_n.sum())
        sums["kl"] += float(kl_n.sum())
        codes.append(vae.encode(x)[0].astype(np.float32))
    n = len(images)
    figures = {
        "test_elbo": (sums["bce"] + sums["kl"]) / n,
        "test_recon": sums["bce"] / n,
        "test_recon_l1": sums["l1"] / n,
        "test_kl": sums["kl"] / n,
    }
    return figures, np.concatenate(codes)


def build_parser() -> argparse.ArgumentParser:
    """The command-line options of ``python -m explainer.train_vae``."""
    parser = argparse.ArgumentParser(
        prog="python -m explainer.train_vae",
        description="Train a variational autoencoder on MNIST and save it as a VAE file the app can load.",
    )
    parser.add_argument(
        "--data", help="MNIST folder (default: $EXPLAINER_MNIST_DIR, else ../shared/data/mnist)"
    )
    parser.add_argument("--beta", type=float, default=1.0, help="c, the weight of the KL term (default 1)")
    parser.add_argument("--epochs", type=int, default=30, help="passes over the training set (default 30)")
    parser.add_argument("--out", type=Path, default=Path("vae.npz"), help="VAE file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed for weights, shuffling and eps")
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--schedule", choices=["constant", "cosine"], default="constant")
    parser.add_argument(
        "--recon", choices=["bce", "l1"], default="bce", help="reconstruction term trained on"
    )
    parser.add_argument("--latent", type=int, default=2, help="code dimensions d (default 2)")
    parser.add_argument("--width", type=int, default=32, help="channels of the conv layers (default 32)")
    parser.add_argument(
        "--hidden", type=int, default=24, help="the encoder's hidden dense width (default 24)"
    )
    parser.add_argument(
        "--decoder-hidden", type=int, default=64, help="the decoder's hidden dense width (default 64)"
    )
    parser.add_argument(
        "--train-images",
        type=int,
        default=None,
        help="train on only the first this-many images (quick trials)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; saves after every epoch, so Ctrl-C (exit status 130) keeps the last one."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    directory = MNIST.directory(args.data)
    if directory is None:
        print("MNIST not found: pass --data DIR or set EXPLAINER_MNIST_DIR", file=sys.stderr)
        return 1
    try:
        images, _ = MNIST.load(directory, "train")
        test_images, test_labels = MNIST.test_set(directory)
    except BadInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    images = images[: args.train_images]
    vae = vae_net(
        args.latent, args.width, args.hidden, args.decoder_hidden, rng=np.random.default_rng(args.seed)
    )
    settings: dict[str, Any] = {
        "command": "python -m explainer.train_vae " + shlex.join(argv),
        "seed": args.seed,
        "beta": args.beta,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "schedule": args.schedule,
        "recon": args.recon,
        "optimizer": "adam",
        "dataset": MNIST.name,
        "training_data": f"{MNIST.name} training images 1-{len(images):,}",
        "test_data": f"the {len(test_images):,} {MNIST.name} test images, one eps each (seed 0)",
        "arch": f"vae_net(latent_dim={args.latent}, width={args.width}, hidden={args.hidden}, "
        f"decoder_hidden={args.decoder_hidden})",
        "numpy": np.__version__,
    }
    print(f"training a VAE ({vae.param_count():,} weights) on {len(images):,} images; saving to {args.out}")
    steps_per_epoch = math.ceil(len(images) / args.batch_size)
    started = epoch_started = time.perf_counter()
    testing_seconds = 0.0  # the test passes after each epoch are not training time
    try:
        for progress in train_vae_iter(
            vae,
            images,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            beta=args.beta,
            seed=args.seed,
            recon=args.recon,
            schedule=args.schedule,
        ):
            if progress.step % steps_per_epoch and not progress.done:
                continue
            test_started = time.perf_counter()
            train_seconds = test_started - started - testing_seconds
            vae.train(False)
            figures, vae.test_mu = evaluate_vae(vae, test_images)
            vae.test_labels = test_labels.astype(np.int64)
            vae.train(not progress.done)
            testing_seconds += time.perf_counter() - test_started
            save_vae(
                vae,
                args.out,
                {
                    **settings,
                    **figures,
                    "epochs_done": progress.epoch,
                    "train_seconds": round(train_seconds, 1),
                    "date": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
            print(
                f"epoch {progress.epoch}: train recon {progress.recon:.2f} kl {progress.kl:.2f} | test -ELBO "
                f"{figures['test_elbo']:.2f} (BCE {figures['test_recon']:.2f} + KL {figures['test_kl']:.2f}) "
                f"| {time.perf_counter() - epoch_started:.0f} s",
                flush=True,
            )
            epoch_started = time.perf_counter()
    except KeyboardInterrupt:
        print(f"stopped; {args.out} holds the last finished epoch", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
