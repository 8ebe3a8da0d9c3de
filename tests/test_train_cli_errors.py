"""``python -m explainer.train`` ends a run with bad input as ``error: …`` and exit status 1, writing no
model file: a missing data folder, a bad ``--limit``, a bad ``--debias-alpha`` and an ``--init`` file that
is not a model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explainer.train import main
from tests.test_train import write_idx


@pytest.fixture(scope="module")
def tiny_mnist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MNIST folder of 40 random training and 10 test "digits"."""
    directory = tmp_path_factory.mktemp("tiny_mnist")
    rng = np.random.default_rng(0)
    for prefix, count in (("train", 40), ("t10k", 10)):
        write_idx(directory / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (count, 28, 28), np.uint8))
        write_idx(directory / f"{prefix}-labels-idx1-ubyte", rng.integers(0, 10, count).astype(np.uint8))
    return directory


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--data", "{missing}"], "error: "),
        (["--limit", "0"], "error: --limit must be at least 1, not 0"),
        (["--debias", "--debias-alpha", "-1"], "error: alpha must be a number >= 0, not -1.0"),
        (["--init", "{not_a_model}"], "error: "),
    ],
)
def test_bad_input_ends_the_run_with_status_1(
    tiny_mnist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    not_a_model = tmp_path / "notes.npz"
    not_a_model.write_text("not a model")
    names = {"missing": tmp_path / "missing", "not_a_model": not_a_model}
    out = tmp_path / "m.npz"
    argv = ["--data", str(tiny_mnist), "--val-size", "10", "--epochs", "1", "--out", str(out)]

    status = main([*argv, *(option.format(**names) for option in options)])

    assert status == 1
    error = capsys.readouterr().err
    assert error.startswith(message) and error.count("\n") == 1
    assert not out.exists()
