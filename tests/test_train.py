"""The trainer: progress records, determinism, early stop, a real MNIST smoke run and the command line."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

from explainer.core import Adam, Sequential, reference_net
from explainer.data import load_mnist
from explainer.errors import BadInputError
from explainer.modelio import load_model, save_model
from explainer.train import ARCHITECTURES, Progress, _Reporter, evaluate, main, train_iter


def write_idx(path: Path, array: np.ndarray) -> None:
    """Write a uint8 array as a raw IDX file (magic 0x0000080N, then the dimensions, big-endian)."""
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())


@pytest.fixture(scope="module")
def small_mnist_directory(mnist_directory: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 1,000 training and 500 test digits of the real MNIST, in IDX files, so the CLI runs fast."""
    directory = tmp_path_factory.mktemp("small_mnist")
    for split, prefix, count in (("train", "train", 1000), ("test", "t10k", 500)):
        images, labels = load_mnist(mnist_directory, split)
        write_idx(directory / f"{prefix}-images-idx3-ubyte", images[:count])
        write_idx(directory / f"{prefix}-labels-idx1-ubyte", labels[:count])
    return directory


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random uint8 "digits" and labels, ``(n, 28, 28)`` and ``(n,)``."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), rng.integers(0, 10, n).astype(np.uint8)


def run_steps(seed: int, steps: int) -> Sequential:
    """Train a fresh reference net for ``steps`` augmented batches from ``seed``."""
    model = reference_net(np.random.default_rng(seed))
    data = synthetic(96)
    run = train_iter(
        model,
        data,
        synthetic(10, 1),
        epochs=2,
        optimizer=Adam(model, 1e-3),
        rng=np.random.default_rng(seed),
        batch_size=16,
        augment=True,
    )
    for _ in itertools.islice(run, steps):
        pass
    return model


def params(model: Sequential) -> list[np.ndarray]:
    return [value for layer in model.layers for value in layer.params.values()]


def test_same_seed_gives_same_weights_and_other_seed_does_not() -> None:
    first, again, other = run_steps(3, 5), run_steps(3, 5), run_steps(4, 5)

    for a, b in zip(params(first), params(again), strict=True):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(params(first), params(other), strict=True))


def test_progress_records_per_batch_and_epoch_end() -> None:
    model = reference_net()
    optimizer = Adam(model, lr=1e-3)
    records = list(
        train_iter(
            model,
            synthetic(40),
            synthetic(12, 1),
            epochs=2,
            optimizer=optimizer,
            rng=np.random.default_rng(0),
            batch_size=16,
            eval_batch_size=6,
        )
    )

    batches = [r for r in records if r.phase == "train"]
    validating = [r for r in records if r.phase == "validate" and r.val_accuracy is None]
    ends = [r for r in records if r.val_accuracy is not None]
    assert [r.step for r in batches] == [1, 2, 3, 4, 5, 6]
    assert [(r.epoch, r.step) for r in validating] == [(1, 3), (1, 3), (2, 6), (2, 6)], "12 images, 2 chunks"
    assert [(r.epoch, r.step, r.done, r.phase) for r in ends] == [
        (1, 3, False, "validate"),
        (2, 6, True, "validate"),
    ]
    assert records[5] is ends[0] and records[-1] is ends[1]
    assert all(r.loss == ends[0].loss for r in validating[:2]), "validation records carry the epoch's loss"
    assert all(r.steps_total == 6 and r.loss > 0 and r.samples_per_s > 0 for r in records)
    assert all(0 <= r.batch_accuracy <= 1 for r in records)
    assert ends[-1].val_accuracy == evaluate(model, *synthetic(12, 1))
    assert model.training is False
    # Cosine schedule: the rate of the last step is lr * (1 + cos(pi * 5/6)) / 2.
    assert optimizer.lr == pytest.approx(1e-3 * (1 + np.cos(np.pi * 5 / 6)) / 2)


def test_stopping_early_keeps_the_finished_steps() -> None:
    model = reference_net()
    before = [p.copy() for p in params(model)]
    run = train_iter(
        model,
        synthetic(64),
        synthetic(8, 1),
        epochs=3,
        optimizer=Adam(model),
        rng=np.random.default_rng(0),
        batch_size=16,
    )
    last = next(itertools.islice(run, 2, None))
    run.close()

    assert last.step == 3 and last.epoch == 1
    assert all(not np.array_equal(a, b) for a, b in zip(before, params(model), strict=True))


def test_evaluate_counts_correct_answers_and_restores_the_mode() -> None:
    model = reference_net().train()
    images, _ = synthetic(30)
    predictions = model.predict_proba(images[:, None] / np.float32(255)).argmax(axis=1)
    labels = predictions.copy()
    labels[:6] = (labels[:6] + 1) % 10

    assert evaluate(model, images, labels, batch_size=7) == pytest.approx(24 / 30)
    assert model.training is True


@pytest.mark.parametrize(
    ("train", "val", "message"),
    [
        (synthetic(10), (synthetic(5)[0], synthetic(4)[1]), "5 images but 4 labels"),
        ((np.zeros((4, 20, 20), np.uint8), np.zeros(4, np.uint8)), synthetic(2), "do not fit"),
        (
            (synthetic(4)[0], np.array([0, 1, 2, 10], np.uint8)),
            synthetic(2),
            "labels must be integers in 0..9",
        ),
    ],
)
def test_unusable_data_raises_bad_input_error(
    train: tuple[np.ndarray, np.ndarray], val: tuple[np.ndarray, np.ndarray], message: str
) -> None:
    model = reference_net()
    with pytest.raises(BadInputError, match=message):
        next(train_iter(model, train, val, epochs=1, optimizer=Adam(model), rng=np.random.default_rng(0)))


def test_training_smoke_on_real_mnist_reaches_90_percent(mnist_directory: Path) -> None:
    images, labels = load_mnist(mnist_directory, "train")
    test_images, test_labels = load_mnist(mnist_directory, "test")
    model = reference_net(np.random.default_rng(0))
    run = train_iter(
        model,
        (images[:6400], labels[:6400]),
        (images[-500:], labels[-500:]),
        epochs=1,
        optimizer=Adam(model, lr=2e-3),
        rng=np.random.default_rng(0),
        batch_size=32,
    )
    final = list(run)[-1]

    assert final.step == 200 and final.done
    assert evaluate(model, test_images[:2000], test_labels[:2000]) > 0.90


def small_run(data: Path, out: Path, *options: str) -> list[str]:
    """The command line of a quick run on ``data`` saving to ``out``: 300 validation images, then
    ``options`` (flag, value, ...)."""
    return ["--data", str(data), "--out", str(out), "--val-size", "300", *options]


def test_command_line_trains_saves_and_records_metadata(
    small_mnist_directory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.npz"
    argv = small_run(
        small_mnist_directory, out, "--epochs", "1", "--seed", "5", "--limit", "640", "--batch-size", "32"
    )

    assert main(argv) == 0

    model = load_model(out)
    meta = model.metadata
    assert meta["command"] == "python -m explainer.train " + " ".join(argv)
    assert (meta["seed"], meta["epochs"], meta["best_epoch"], meta["interrupted"]) == (5, 1, 1, False)
    assert meta["test_accuracy"] == evaluate(model, *load_mnist(small_mnist_directory, "test"))
    assert meta["wall_time_s"] > 0
    assert "MNIST training images 1-640" in meta["training_data"]
    captured = capsys.readouterr()
    assert "epoch 1/1: loss" in captured.out
    assert "test accuracy" in captured.out


def test_ctrl_c_keeps_best_checkpoint_without_tqdm(
    small_mnist_directory: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails: plain progress lines
    real_step = _Reporter.step

    def press_ctrl_c_in_epoch_2(self: _Reporter, progress: Progress) -> None:
        real_step(self, progress)
        if progress.epoch == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(_Reporter, "step", press_ctrl_c_in_epoch_2)
    out = tmp_path / "m.npz"

    status = main(
        small_run(small_mnist_directory, out, "--epochs", "3", "--limit", "320", "--batch-size", "32")
    )

    assert status == 130
    meta = load_model(out).metadata
    assert (meta["best_epoch"], meta["interrupted"]) == (1, True)
    assert "test_accuracy" in meta
    captured = capsys.readouterr()
    assert "step 10/30" in captured.out and "epoch 1/3" in captured.out
    assert "interrupted; keeping epoch 1" in captured.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]


def test_command_line_fine_tunes_a_saved_model(small_mnist_directory: Path, tmp_path: Path) -> None:
    start = tmp_path / "start.npz"
    save_model(reference_net(), start, metadata={"command": "first", "epochs": 3, "test_accuracy": 0.5})
    out = tmp_path / "tuned.npz"

    options = ("--epochs", "1", "--init", str(start), "--limit", "320", "--lr", "1e-4", "--rotation", "5")
    status = main(small_run(small_mnist_directory, out, *options))

    assert status == 0
    tuned = load_model(out)
    meta = tuned.metadata
    assert meta["fine_tuned_from"] == {"command": "first", "epochs": 3, "test_accuracy": 0.5}
    assert meta["arch"] == f"custom, fine-tuned from {start}"
    assert meta["augment"]["rotation"] == 5.0 and meta["lr"] == 1e-4
    assert not np.array_equal(tuned.layers[0].params["W"], reference_net().layers[0].params["W"])


def test_every_architecture_keeps_maps_on_one_screen_and_outputs_ten_scores() -> None:
    for name, build in ARCHITECTURES.items():
        model = build(np.random.default_rng(0))
        convs = [layer.params["W"].shape[0] for layer in model.layers if layer.kind == "conv2d"]
        assert max(convs) <= 16, name
        assert model.predict_proba(np.zeros((2, 1, 28, 28), np.float32)).shape == (2, 10), name


def test_training_a_batch_norm_network_learns_its_scales_and_running_statistics() -> None:
    from explainer.architectures import ArchitectureSpec, build

    model = build(ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(4,), batch_norm=True))
    norm = model.layers[1]
    before = {key: value.copy() for key, value in {**norm.params, **norm.buffers}.items()}
    run = train_iter(
        model,
        synthetic(64),
        synthetic(10, 1),
        epochs=1,
        optimizer=Adam(model, 1e-2),
        rng=np.random.default_rng(0),
        batch_size=16,
    )
    for _ in run:
        pass
    for key, value in {**norm.params, **norm.buffers}.items():
        assert not np.array_equal(value, before[key]), key
    assert norm.buffers["running_var"].min() > 0 and not model.training
