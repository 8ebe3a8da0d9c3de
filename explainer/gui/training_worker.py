"""Workers that run long NumPy jobs (training, evaluation) on a QThread, built on generators.

They are :class:`explainer.gui.jobs.StepWorker` subclasses: Pause and Stop take effect after the current
step (one batch), signals arrive on the UI thread, and closing a window stops and waits for them.

:class:`TrainingWorker` drives :func:`explainer.train.train_iter` on a private copy of the model and
emits copies of it ("snapshots") every N steps, so the views can redraw the filters as they form
while the worker keeps training its own copy.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal

from explainer.core import Sequential
from explainer.core.debias import latent_means_steps, resampling_weights
from explainer.data import Split
from explainer.dbvae import bundled_encoder
from explainer.errors import BadInputError
from explainer.gui.i18n import translate_error
from explainer.gui.jobs import StepWorker
from explainer.train import DEFAULT_LR, make_optimizer, train_iter

DataLoader = Callable[[], tuple[Split, Split]]
"""Returns the training and validation splits; called on the worker thread (loading takes a while)."""


@dataclass(frozen=True)
class TrainingConfig:
    """Hyperparameters of one training run in the app.

    Attributes:
        optimizer: "adam" or "sgd" (with momentum 0.9), as in :func:`explainer.train.make_optimizer`.
        lr: base learning rate of the cosine schedule; None takes the optimizer's default.
        batch_size: images per step.
        epochs: passes over the training images.
        augment: random rotation, scaling, shifts and stroke thickness (``explainer.train.DEFAULT_AUGMENT``).
        snapshot_every: emit a copy of the model every this-many steps.
        seed: seeds the shuffling and augmentation.
        debias_alpha: None for uniform epochs; a number for DB-VAE's resampling with this ``alpha``: each
            training image drawn with probability ∝ 1 / (density + alpha) of its code under the bundled
            VAE (:mod:`explainer.core.debias`).

    Shape:
        Not applicable.
    """

    optimizer: str = "adam"
    lr: float | None = None
    batch_size: int = 64
    epochs: int = 1
    augment: bool = False
    snapshot_every: int = 20
    seed: int = 0
    debias_alpha: float | None = None

    def learning_rate(self) -> float:
        """The base learning rate actually used."""
        return DEFAULT_LR[self.optimizer] if self.lr is None else self.lr


@dataclass(frozen=True)
class TrainingResult:
    """How a run ended and the model it leaves behind.

    Attributes:
        model: the last good model, in eval mode: after a complete run the epoch with the best validation
            accuracy; after Stop the weights of the last finished step; after an error the last snapshot.
            None only when nothing was trained (stopped or failed before the first step).
        completed: every epoch ran.
        stopped: the user stopped the run.
        step: steps finished.
        val_accuracy: validation accuracy of ``model`` when it was measured, else None.
        error: what went wrong, else None.

    Shape:
        Not applicable.
    """

    model: Sequential | None
    completed: bool
    stopped: bool
    step: int
    val_accuracy: float | None = None
    error: str | None = None


class TrainingWorker(StepWorker):
    """Trains a copy of a model with :func:`explainer.train.train_iter`, reporting every step.

    ``load_data`` runs on the worker thread and returns ``(train, validation)`` splits. The model given
    is copied when the run starts and never modified.

    Validation: ``train_iter`` yields after every validation chunk, so Stop and Pause are honoured during
    it; only the epoch-end records (which carry the accuracy) are emitted.

    Signals:
        sigProgress(object): a :class:`explainer.train.Progress` after every step and at each epoch end.
        sigSnapshot(object): a copy of the model (eval mode) every ``snapshot_every`` steps and at each
            epoch end; the receiver owns it.
        sigHeld(), sigError(str), sigFinished(object): see :class:`~explainer.gui.jobs.StepWorker`; the
            payload is a :class:`TrainingResult`.
    """

    sigProgress = Signal(object)
    sigSnapshot = Signal(object)

    def __init__(self, model: Sequential, load_data: DataLoader, config: TrainingConfig) -> None:
        super().__init__()
        self._source = model
        self._load_data = load_data
        self.config = config

    def work(self) -> TrainingResult:
        """Load the data, train, and return how it ended (never raises)."""
        config = self.config
        snapshot: Sequential | None = None
        best: tuple[Sequential, float] | None = None
        step = snapshot_step = 0
        try:
            # Before the first step (a pause or stop that came before the thread ran) and after loading.
            if self.checkpoint():
                return TrainingResult(None, False, True, 0)
            train_data, val_data = self._load_data()
            if self.checkpoint():
                return TrainingResult(None, False, True, 0)
            weights = None
            if config.debias_alpha is not None:
                weights = self._debias_weights(train_data[0], config.debias_alpha)
                if weights is None:
                    return TrainingResult(None, False, True, 0)
            model = self._source.copy()
            optimizer = make_optimizer(model, config.optimizer, config.learning_rate())
            run = train_iter(
                model,
                train_data,
                val_data,
                epochs=config.epochs,
                optimizer=optimizer,
                rng=np.random.default_rng(config.seed),
                batch_size=config.batch_size,
                augment=config.augment,
                sample_weights=weights,
            )
            for progress in run:
                step = progress.step
                epoch_end = progress.val_accuracy is not None
                if progress.phase == "validate" and not epoch_end:
                    # A validation chunk: nothing to plot, but Stop and Pause must act within it.
                    if self.checkpoint():
                        break
                    continue
                if epoch_end and (best is None or progress.val_accuracy >= best[1]):
                    best = (_eval_copy(model), progress.val_accuracy)
                self.post(self.sigProgress, progress)
                if step != snapshot_step and (epoch_end or step % config.snapshot_every == 0):
                    snapshot, snapshot_step = _eval_copy(model), step
                    self.post(self.sigSnapshot, snapshot)
                if progress.done or self.checkpoint():
                    break
            run.close()
        except (BadInputError, FloatingPointError) as error:
            return self._failed(translate_error(error), snapshot, step)
        except Exception as error:
            # A bug, but the user gets a message and the last snapshot rather than a silent dead thread.
            detail = "".join(traceback.format_exception_only(error)).strip()
            return self._failed(f"training failed: {detail}", snapshot, step)
        if self._stop.is_set():
            return TrainingResult(_eval_copy(model) if step else None, False, True, step)
        if best is None:
            return TrainingResult(snapshot, False, False, step)
        return TrainingResult(best[0], True, False, step, best[1])

    def _debias_weights(self, images: np.ndarray, alpha: float) -> np.ndarray | None:
        """DB-VAE's resampling weights of ``images`` ``(N, 28, 28)``, encoded a batch at a time so Stop
        acts meanwhile; None when stopped."""
        mu = None
        for _done, codes in latent_means_steps(bundled_encoder(), images):
            if self.checkpoint():
                return None
            mu = codes
        return resampling_weights(mu, alpha)

    def _failed(self, message: str, snapshot: Sequential | None, step: int) -> TrainingResult:
        """Report ``message`` and keep the last snapshot."""
        self.post(self.sigError, message)
        return TrainingResult(snapshot, False, self._stop.is_set(), step, error=message)


def _eval_copy(model: Sequential) -> Sequential:
    """An independent copy of ``model`` in eval mode (snapshots are only looked at)."""
    return model.copy().eval()
