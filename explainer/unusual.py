"""How unlike the training digits an input looks to the bundled model: the "unusual input" score.

Two signs that an input is no digit, each standardised on held-out digits and added::

    score = (E - mean E) / sd E  +  (log d - mean log d) / sd log d
    E     = -log sum_k exp(z_k)                        the energy of the logits z: low when no class fits
    d     = min_k sqrt((f - mu_k)^T (Sigma + eps I)^-1 (f - mu_k))   Mahalanobis distance of the dense
            layer's input f (the 784 flattened pool2 values) to the nearest class mean mu_k

``mu_k`` and the pooled within-class covariance ``Sigma`` come from MNIST training images 1-55,000 (the
bundled model's training images); ``eps`` shrinks the smallest directions. The means and spreads of E and
log d come from images 55,001-60,000 (the training run's validation set). The threshold is the 99th
percentile of the score on those digits and on the same digits redrawn the way people draw
(``explainer.data.augment.distort_like_drawing``), whichever is higher, so about 1 sloppy digit in 100 is
flagged. Why the sum: ``benchmarks/bench_unusual.py`` measures each part alone and the baseline. The
distance tells Fashion-MNIST images as they come (AUROC 0.997) but hardly the same images cropped and
centred by ``to_mnist`` as the app would see them (0.59); the energy does the opposite on hand-drawn
digits; the sum is at 0.9995 against Fashion-MNIST, where the maximum softmax probability is at 0.936.

The fitted numbers ship as ``assets/unusual.npz`` (numbers and JSON only, never pickles)::

    means       float32 (K, F)  class means mu_k
    whitening   float16 (F, F)  lower-triangular L with L L^T = (Sigma + eps I)^-1, so d^2 = |(f - mu) L|^2
    config      uint8 UTF-8 JSON: format, layer (whose input is f), model_sha256 (the weights they were
                fitted for), shrinkage, the means and spreads of E and log d, threshold, how it was fitted

They belong to one set of weights: for any other model (one trained in the app, a loaded file)
:func:`statistics_for` returns None, because the numbers would mean nothing there.
NumPy and the standard library only; no Qt.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import zipfile
from functools import cache
from pathlib import Path

import numpy as np

from explainer.assets import asset_path
from explainer.atomic import atomic_writer
from explainer.core import Sequential, Trace
from explainer.errors import BadInputError

FORMAT = "mnist-cnn-explainer-unusual/2"
UNUSUAL_PATH = asset_path("unusual.npz")
SHRINKAGE = 1e-3
THRESHOLD_QUANTILE = 0.99
FIT_IMAGES = 55000
"""Training images 1-55,000 fit the statistics; the rest (the validation set) calibrate them."""

__all__ = [
    "UnusualStatistics",
    "energy",
    "fit_statistics",
    "fit_unusual",
    "layer_input",
    "model_sha256",
    "statistics_for",
    "unusual_score",
]


def model_sha256(model: Sequential) -> str:
    """A fingerprint of the model's layers and weights (float32 bytes), to tie statistics to one network."""
    digest = hashlib.sha256()
    for layer in model.layers:
        digest.update(layer.kind.encode())
        for key in sorted(layer.params):
            digest.update(key.encode())
            digest.update(np.ascontiguousarray(layer.params[key], np.float32).tobytes())
    return digest.hexdigest()


def energy(logits: np.ndarray) -> np.ndarray:
    """``-log sum_k exp(z_k)`` of each row: high when no class has a large score.

    Shape:
        logits ``(N, K)``; returns ``(N,)`` float64.
    """
    z = np.asarray(logits, np.float64)
    top = z.max(axis=1)
    return -(top + np.log(np.exp(z - top[:, None]).sum(axis=1)))


@dataclasses.dataclass(frozen=True, eq=False)
class UnusualStatistics:
    """Class means, the shared whitening of one model's features, the calibration and the threshold.

    Shape:
        means: ``(K, F)`` float32; whitening: ``(F, F)`` float32 lower-triangular; F = the size of the
        input of layer ``layer``. ``calibration``: mean and spread of the energy and of log d on held-out
        digits, keys ``energy_mean``, ``energy_sd``, ``log_distance_mean``, ``log_distance_sd``.
    """

    layer: str
    means: np.ndarray
    whitening: np.ndarray
    calibration: dict[str, float]
    threshold: float
    distance_threshold: float
    model_sha256: str = ""
    shrinkage: float = SHRINKAGE
    fitted_on: str = ""

    def __post_init__(self) -> None:
        # The means are whitened once, so each distance costs one (N, F) x (F, F) product.
        object.__setattr__(self, "_white_means", self.means @ self.whitening)

    def distance(self, features: np.ndarray) -> np.ndarray:
        """Mahalanobis distance d of each feature vector to the nearest class mean.

        Shape:
            features: ``(N, ...)`` reshaped to ``(N, F)``; returns ``(N,)`` float64.
        """
        f = np.asarray(features, np.float32).reshape(len(features), -1)
        if f.shape[1] != self.means.shape[1]:
            raise BadInputError(f"expected {self.means.shape[1]} features per input, got {f.shape[1]}")
        z = f @ self.whitening
        white_means: np.ndarray = self._white_means  # type: ignore[attr-defined]
        # |z - m|^2 = |z|^2 - 2 z.m + |m|^2, for all classes at once.
        squared = (
            (z * z).sum(1, dtype=np.float64)[:, None]
            - 2.0 * (z @ white_means.T).astype(np.float64)
            + (white_means * white_means).sum(1, dtype=np.float64)[None, :]
        )
        return np.sqrt(np.maximum(squared.min(axis=1), 1e-12))

    def combine(self, distance: np.ndarray, logits: np.ndarray) -> np.ndarray:
        """The score from the distances and the logits (module docstring).

        Shape:
            distance ``(N,)``, logits ``(N, K)``; returns ``(N,)`` float64.
        """
        c = self.calibration
        return (energy(logits) - c["energy_mean"]) / c["energy_sd"] + (
            np.log(distance) - c["log_distance_mean"]
        ) / c["log_distance_sd"]

    def score_trace(self, trace: Trace) -> np.ndarray:
        """The score of every sample of ``trace``, read from what it recorded (no extra pass).

        Shape:
            returns ``(N,)``.
        """
        return self.combine(self.distance(trace.layer(self.layer).input), trace.logits)

    def score(self, model: Sequential, x: np.ndarray, chunk: int = 500) -> np.ndarray:
        """Run ``model`` on raw pixels and score them, in chunks (eval mode).

        Shape:
            x: ``(N, 1, 28, 28)`` or ``(N, 28, 28)`` float in [0, 1]; returns ``(N,)``.
        """
        x = np.asarray(x, np.float32)
        x = x[:, None] if x.ndim == 3 else x
        return np.concatenate(
            [self.score_trace(model.trace(x[start : start + chunk])) for start in range(0, len(x), chunk)]
            or [np.zeros(0)]
        )

    def save(self, path: str | Path) -> None:
        """Write the statistics as ``.npz`` (layout in the module docstring), atomically."""
        config = {
            "format": FORMAT,
            "layer": self.layer,
            "calibration": self.calibration,
            "threshold": self.threshold,
            "distance_threshold": self.distance_threshold,
            "model_sha256": self.model_sha256,
            "shrinkage": self.shrinkage,
            "fitted_on": self.fitted_on,
        }
        arrays = {
            "means": self.means.astype(np.float32),
            "whitening": self.whitening.astype(np.float16),
            "config": np.frombuffer(json.dumps(config).encode(), np.uint8),
        }
        with atomic_writer(Path(path)) as file:
            np.savez_compressed(file, **arrays)

    @classmethod
    def load(cls, path: str | Path = UNUSUAL_PATH) -> UnusualStatistics:
        """Read statistics written by :meth:`save`; BadInputError names the file and the problem."""
        try:
            with np.load(path, allow_pickle=False) as data:
                means = np.asarray(data["means"], np.float32)
                whitening = np.asarray(data["whitening"], np.float32)
                config = json.loads(bytes(data["config"]).decode())
            if config.get("format") != FORMAT:
                raise ValueError(f"format {config.get('format')!r} is not {FORMAT!r}")
            features = means.shape[1] if means.ndim == 2 else -1
            if whitening.shape != (features, features) or not np.all(np.isfinite(whitening)):
                raise ValueError(f"means {means.shape} and whitening {whitening.shape} do not fit")
            calibration = {key: float(config["calibration"][key]) for key in _CALIBRATION_KEYS}
            if calibration["energy_sd"] <= 0 or calibration["log_distance_sd"] <= 0:
                raise ValueError("a spread in the calibration is not positive")
            return cls(
                layer=str(config["layer"]),
                means=means,
                whitening=whitening,
                calibration=calibration,
                threshold=float(config["threshold"]),
                distance_threshold=float(config["distance_threshold"]),
                model_sha256=str(config["model_sha256"]),
                shrinkage=float(config["shrinkage"]),
                fitted_on=str(config["fitted_on"]),
            )
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, EOFError) as error:
            raise BadInputError(f"cannot read the unusual-input statistics {path}: {error}") from error


_CALIBRATION_KEYS = ("energy_mean", "energy_sd", "log_distance_mean", "log_distance_sd")


def fit_statistics(
    features: np.ndarray,
    labels: np.ndarray,
    held_out: list[tuple[np.ndarray, np.ndarray]],
    classes: int = 10,
    shrinkage: float = SHRINKAGE,
) -> UnusualStatistics:
    """Class means and pooled covariance of ``features``; calibration and thresholds from ``held_out``.

    ``held_out`` holds (features, logits) of digits not in the fit: the calibration uses the first set,
    each threshold is the highest 99th percentile over all sets. The result names no layer or model:
    :func:`fit_unusual` fills those in.

    Shape:
        features: ``(N, F)``; labels: ``(N,)`` in 0..classes-1; held_out: ``[((M, F), (M, K)), ...]``.
    """
    features = np.asarray(features, np.float64)
    labels = np.asarray(labels)
    means = np.stack([features[labels == k].mean(axis=0) for k in range(classes)])
    centred = features - means[labels]
    covariance = centred.T @ centred / len(features)
    precision = np.linalg.inv(covariance + shrinkage * np.eye(len(covariance)))
    # Rounded as it will be stored (float16), so the thresholds match the file's distances.
    whitening = np.linalg.cholesky((precision + precision.T) / 2).astype(np.float16).astype(np.float32)
    calibration = dict.fromkeys(_CALIBRATION_KEYS, 1.0) | {"energy_mean": 0.0, "log_distance_mean": 0.0}
    stats = UnusualStatistics("", means.astype(np.float32), whitening, calibration, 0.0, 0.0, "", shrinkage)
    distances = [stats.distance(f) for f, _ in held_out]
    energies = [energy(z) for _, z in held_out]
    log_distance = np.log(distances[0])
    calibration = {
        "energy_mean": float(energies[0].mean()),
        "energy_sd": float(energies[0].std()),
        "log_distance_mean": float(log_distance.mean()),
        "log_distance_sd": float(log_distance.std()),
    }
    stats = dataclasses.replace(stats, calibration=calibration)
    scores = [stats.combine(d, z) for d, (_, z) in zip(distances, held_out, strict=True)]
    return dataclasses.replace(
        stats,
        threshold=max(float(np.quantile(s, THRESHOLD_QUANTILE)) for s in scores),
        distance_threshold=max(float(np.quantile(d, THRESHOLD_QUANTILE)) for d in distances),
    )


def fit_unusual(
    model: Sequential,
    images: np.ndarray,
    labels: np.ndarray,
    held_out_images: list[np.ndarray],
    layer: str = "dense1",
    shrinkage: float = SHRINKAGE,
    fitted_on: str = "",
) -> UnusualStatistics:
    """Fit the statistics of the input of ``layer`` of ``model`` (see :func:`fit_statistics`).

    Shape:
        images: ``(N, 28, 28)`` uint8 or floats in [0, 1]; labels: ``(N,)`` class indices;
        held_out_images: ``[(M, 28, 28), ...]`` digits not used for the fit.
    """
    held_out = []
    for x in held_out_images:
        f = layer_input(model, x, layer)
        held_out.append((f, _logits_from(model, f, layer)))
    stats = fit_statistics(
        layer_input(model, images, layer), labels, held_out, len(model.class_names), shrinkage
    )
    return dataclasses.replace(stats, layer=layer, model_sha256=model_sha256(model), fitted_on=fitted_on)


def _logits_from(model: Sequential, features: np.ndarray, layer: str) -> np.ndarray:
    """Run the layers from ``layer`` on to the logits (eval mode).

    Shape:
        features ``(N, F)`` as :func:`layer_input` returns them; returns ``(N, K)``.
    """
    names = [record.name for record in model.layers]
    h = features
    for record in model.layers[names.index(layer) :]:
        h = record.forward(h)
    return h


def layer_input(model: Sequential, images: np.ndarray, layer: str, chunk: int = 1000) -> np.ndarray:
    """What ``layer`` receives for every image, flattened, in chunks (eval mode).

    Shape:
        images ``(N, 28, 28)`` or ``(N, 1, 28, 28)``, uint8 or floats in [0, 1]; returns ``(N, F)`` float32.
    """
    names = [record.name for record in model.layers]
    if layer not in names:
        raise BadInputError(f"the model has no layer {layer!r}")
    stop = names.index(layer)
    images = np.asarray(images)
    if images.ndim == 3:
        images = images[:, None]
    scale = np.float32(1 / 255) if images.dtype == np.uint8 else np.float32(1)
    out = []
    previous = model.training
    model.eval()
    try:
        for start in range(0, len(images), chunk):
            h = model.normalise(np.asarray(images[start : start + chunk], np.float32) * scale)
            for record in model.layers[:stop]:
                h = record.forward(h)
            out.append(h.reshape(len(h), -1))
    finally:
        model.train(previous)
    return np.concatenate(out)


@cache
def _bundled_statistics() -> UnusualStatistics:
    return UnusualStatistics.load(UNUSUAL_PATH)


def statistics_for(model: Sequential) -> UnusualStatistics | None:
    """The bundled statistics when ``model`` has the weights they were fitted for, else None.

    None also when the statistics file is missing or damaged: the hint is then simply not shown.
    """
    try:
        stats = _bundled_statistics()
    except BadInputError:
        return None
    return stats if stats.model_sha256 == model_sha256(model) else None


@cache
def _bundled_model() -> Sequential:
    from explainer.modelio import load_model

    return load_model()


def unusual_score(x: np.ndarray) -> np.ndarray:
    """How unlike the MNIST training digits each input looks to the bundled model; higher = less digit-like.

    Standard deviations above a typical digit, summed over two signs (module docstring): digits score
    about -2 to 2; ``UnusualStatistics.load().threshold`` (about 3.8) flags about 1 digit in 100.

    Shape:
        x: ``(N, 1, 28, 28)`` or ``(N, 28, 28)`` raw pixels in [0, 1], ink bright on black, as
        ``explainer.to_mnist`` returns them; returns ``(N,)`` float64.
    """
    x = np.asarray(x)
    if x.ndim not in (3, 4) or x.shape[-2:] != (28, 28) or (x.ndim == 4 and x.shape[1] != 1):
        raise BadInputError(f"input must have shape (N, 1, 28, 28) or (N, 28, 28), got {x.shape}")
    return _bundled_statistics().score(_bundled_model(), x)


def main(argv: list[str] | None = None) -> int:
    """Fit the statistics of the bundled model on MNIST and write them (``assets/unusual.npz``)."""
    from explainer.data import add_data_argument, load_mnist, mnist_dir_or_say
    from explainer.data.augment import distort_like_drawing
    from explainer.modelio import load_model

    parser = argparse.ArgumentParser(description="Fit the unusual-input statistics of a model.")
    add_data_argument(parser)
    parser.add_argument("--model", type=Path, default=None, help="model file (default: the bundled one)")
    parser.add_argument("--out", type=Path, default=UNUSUAL_PATH)
    args = parser.parse_args(argv)
    directory = mnist_dir_or_say(args.data)
    if directory is None:
        return 2
    try:
        model = load_model(args.model)
        images, labels = load_mnist(directory, "train")
    except BadInputError as error:
        print(error, file=sys.stderr)
        return 2
    held_out = images[FIT_IMAGES:]
    drawn = distort_like_drawing(held_out, np.random.default_rng(1))
    stats = fit_unusual(
        model,
        images[:FIT_IMAGES],
        labels[:FIT_IMAGES],
        [held_out, drawn],
        fitted_on=f"means and covariance: MNIST training images 1-{FIT_IMAGES:,}; calibration: "
        f"{FIT_IMAGES + 1:,}-{len(images):,}; threshold: {THRESHOLD_QUANTILE:.0%} of those and of the same "
        "redrawn by explainer.data.augment.distort_like_drawing (seed 1) below it",
    )
    stats.save(args.out)
    print(f"wrote {args.out}: threshold {stats.threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
