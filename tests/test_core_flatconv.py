"""The flat-grid convolution's two GEMM formulations, the layouts it hands on, and Dense's split products,
each against the naive oracles in float64."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import Conv2D, Dense, MaxPool2D, ReLU, ops
from explainer.core.naive import conv2d_naive, conv2d_naive_backward, pool_naive, pool_naive_backward

SHAPES = [
    # (N, C, H, W, C_out, k, padding): odd and non-square maps, no padding, less than "same", even kernels
    (3, 7, 9, 6, 5, 5, 2),
    (2, 20, 6, 5, 3, 3, 2),
    (1, 40, 5, 6, 7, 5, 1),
    (4, 9, 7, 11, 6, 4, 3),
    (2, 33, 8, 7, 4, 3, 0),
    (1, 3, 4, 4, 2, 1, 0),
]


def _check_conv(N: int, C: int, H: int, W: int, C_out: int, k: int, p: int, seed: int) -> Conv2D:
    rng = np.random.default_rng(seed)
    layer = Conv2D(C, C_out, k, padding=p, rng=rng)
    layer.params = {key: value.astype(np.float64) for key, value in layer.params.items()}
    layer.params["b"][:] = rng.standard_normal(C_out)
    x = rng.standard_normal((N, C, H, W))
    Wt, b = layer.params["W"], layer.params["b"]
    y = layer.forward(x)
    np.testing.assert_allclose(y, conv2d_naive(x, Wt, b, 1, p), rtol=1e-12, atol=1e-12)
    dy = rng.standard_normal(y.shape)
    dx = layer.backward(dy)
    dx_ref, dW_ref, db_ref = conv2d_naive_backward(x, Wt, dy, 1, p)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["W"], dW_ref, rtol=1e-12, atol=1e-11)
    np.testing.assert_allclose(layer.grads["b"], db_ref, rtol=1e-12, atol=1e-11)
    assert layer.grads["W"].flags.c_contiguous and layer.grads["W"].shape == Wt.shape
    return layer


@pytest.mark.parametrize("whole", [True, False], ids=["whole windows", "rows"])
@pytest.mark.parametrize("shape", SHAPES)
def test_both_formulations_match_the_naive_convolution(
    shape: tuple[int, ...], whole: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Force one formulation for the input and for dy, whatever the window size would choose.
    monkeypatch.setattr(ops.Unfolded, "WHOLE_WINDOWS", 10**9 if whole else 0)
    layer = _check_conv(*shape, seed=sum(shape))
    assert layer._flat is not None and layer._flat.dy_cols is not None
    k = shape[5]
    assert layer._flat.x_cols.whole == layer._flat.dy_cols.whole == (whole or k == 1)


@pytest.mark.parametrize("whole", [True, False], ids=["whole windows", "rows"])
def test_many_blocks_shared_by_the_workers_match_the_naive_convolution(
    whole: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Blocks of 32 columns, a ragged last block and both worker threads.
    monkeypatch.setattr(ops.Unfolded, "WHOLE_WINDOWS", 10**9 if whole else 0)
    monkeypatch.setattr(ops.FlatConv, "BLOCK", 32)
    layer = _check_conv(5, 6, 7, 9, 4, 3, 1, seed=7)
    assert layer._flat is not None and layer._flat.blocks >= 4 and layer._flat.workers == ops.WORKERS


@pytest.mark.parametrize("channels", [3, 8, 16])
def test_equal_windows_give_bit_equal_outputs(channels: int) -> None:
    # The windows along the bottom row of a constant image (away from the corners) are all the same, so
    # their outputs must be the same float64 bit for bit: max-pool ties then break as in torch. The last
    # GEMM columns are that row; rounding the column count to ops.LANES keeps them out of BLAS's
    # remainder micro-kernel, which sums in another order (1 ulp off with one column per output).
    for N, H, W in [(1, 28, 28), (2, 7, 9)]:
        layer = Conv2D(channels, 4, 3, padding=1, rng=np.random.default_rng(H))
        layer.params = {key: value.astype(np.float64) for key, value in layer.params.items()}
        x = np.broadcast_to(
            np.random.default_rng(channels).standard_normal((channels, 1, 1)), (N, channels, H, W)
        )
        bottom = layer.forward(x)[:, :, -1, 1:-1]
        assert (bottom == bottom[:1, :, :1]).all()
        assert layer._flat is not None and layer._flat.columns % ops.LANES == 0


@pytest.mark.parametrize("corners", ["copied out", "strided views"])
def test_convolution_output_memory_is_row_interleaved_and_pooling_keeps_it(
    corners: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Conv2D -> ReLU -> MaxPool2D -> Conv2D as in a network: the views between layers are (C, H, N, W)
    # memory, and pooling the same values laid out as plain NCHW gives the same numbers. Small maps copy
    # the window corners out first; large ones (PARALLEL_SIZE) pool the strided views of them.
    monkeypatch.setattr(ops, "PARALLEL_SIZE", 10**9 if corners == "copied out" else 0)
    rng = np.random.default_rng(0)
    conv, relu, pool = Conv2D(3, 4, 3, padding=1, rng=rng), ReLU(), MaxPool2D(2)
    x = rng.integers(-2, 3, (5, 3, 9, 8)).astype(np.float64)
    conv.params = {key: value.astype(np.float64) for key, value in conv.params.items()}
    h = relu.forward(conv.forward(x))
    assert ops.chnw(h).strides[3] == h.itemsize and ops.chnw(h).strides[2] < ops.chnw(h).strides[1]
    y = pool.forward(h)
    assert ops.chnw(y).flags.c_contiguous
    np.testing.assert_array_equal(y, pool_naive(np.ascontiguousarray(h), 2))
    dy = rng.standard_normal(y.shape)
    np.testing.assert_array_equal(pool.backward(dy), pool_naive_backward(np.ascontiguousarray(h), dy, 2))
    plain = MaxPool2D(2)
    np.testing.assert_array_equal(plain.forward(np.ascontiguousarray(h)), y)


@pytest.mark.parametrize("split", [False, True], ids=["one thread", "split between workers"])
@pytest.mark.parametrize("n", [1, 2, 7])
def test_dense_products_match_plain_matmul(n: int, split: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Dense, "PARALLEL_MACS", 0 if split else 10**12)
    rng = np.random.default_rng(n)
    layer = Dense(13, 9, rng=rng)
    layer.params = {key: rng.standard_normal(value.shape) for key, value in layer.params.items()}
    x, dy = rng.standard_normal((n, 13)), rng.standard_normal((n, 9))
    W, b = layer.params["W"], layer.params["b"]
    np.testing.assert_allclose(layer.forward(x), x @ W + b, rtol=1e-13)
    np.testing.assert_allclose(layer.backward(dy), dy @ W.T, rtol=1e-13)
    np.testing.assert_allclose(layer.grads["W"], np.einsum("ni,nj->ij", x, dy), rtol=1e-13)
    np.testing.assert_allclose(layer.grads["b"], dy.sum(axis=0), rtol=1e-13)


@pytest.mark.parametrize("whole", [True, False], ids=["whole windows", "rows"])
def test_an_exact_block_split_between_two_threads_keeps_its_bits(
    whole: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One image's exact (float64) GEMM is split by rows between two threads: the outputs must be the bits
    # the whole GEMM gives, and the split must really happen.
    monkeypatch.setattr(ops.Unfolded, "WHOLE_WINDOWS", 10**9 if whole else 0)
    monkeypatch.setattr(ops, "WORKERS", 2)
    rng = np.random.default_rng(3)
    layer = Conv2D(32, 64, 5, padding=2, rng=rng)
    layer.exact = True
    x = rng.random((1, 32, 14, 14)).astype(np.float32)
    monkeypatch.setattr(ops, "SPLIT_SIZE", 10**15)
    unsplit = layer.forward(x).copy()
    run_workers, parts = ops.run_workers, []

    def spy(work, workers: int) -> None:
        parts.append(workers)
        run_workers(work, workers)

    monkeypatch.setattr(ops, "run_workers", spy)
    monkeypatch.setattr(ops, "SPLIT_SIZE", 0)
    split = layer.forward(x)
    assert parts == [2]  # unsplit, the block would go to run_workers with 1 worker
    np.testing.assert_array_equal(split, unsplit)


def _layouts(rng: np.random.Generator, N: int) -> dict[str, np.ndarray]:
    """(N, 3, 5, 4) arrays in the memory orders the engine meets, views with gaps, reversed and broadcast."""
    values = rng.standard_normal((N, 3, 5, 4)).astype(np.float32)
    values.flat[::7] = 0.0
    values.flat[3] = np.nan
    grid = np.zeros((3, 5, N, 6), np.float32)  # a convolution's output: (C, H, N, W) between junk columns
    grid[..., :4] = ops.chnw(values)
    padded = np.zeros((N, 3, 5, 6), np.float32)
    padded[..., 1:5] = values
    return {
        "C order": values.copy(),
        "convolution (C, H, N, W)": ops.from_chnw(np.ascontiguousarray(ops.chnw(values))),
        "convolution between junk columns": ops.from_chnw(grid[..., :4]),
        "Fortran": np.asfortranarray(values),
        "gaps": padded[..., 1:5],
        "reversed": values[:, ::-1].copy()[:, ::-1],
        "broadcast": np.broadcast_to(values[:1], values.shape),
        "overlapping": np.lib.stride_tricks.as_strided(
            values, values.shape, (*values.strides[:2], values.itemsize, values.itemsize), writeable=False
        ),
    }


@pytest.mark.parametrize("N", [1, 6])
def test_relu_sweeps_every_layout_flat_in_blocks_and_halves(N: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tiny blocks and split thresholds make the block loop and the two workers' halves run here.
    monkeypatch.setattr(ops, "ZERO_BLOCK", 7)
    monkeypatch.setattr(ops, "_zero_blocks", {})
    monkeypatch.setattr(ops, "PARALLEL_SIZE", 0)
    monkeypatch.setattr(ops, "WORKERS", 2)
    rng = np.random.default_rng(N)
    for name, x in _layouts(rng, N).items():
        y = ops.relu(x)
        np.testing.assert_array_equal(y, np.maximum(x, 0), err_msg=name)
        assert np.shares_memory(y.ravel(order="K"), y), name  # dense, so the flat sweep wrote y itself
        for dy_name, dy in _layouts(rng, N).items():
            dx = ops.relu_backward(dy, y)
            np.testing.assert_array_equal(dx, dy * (y > 0), err_msg=f"{name}, dy {dy_name}")
    assert ops._zero_blocks[np.dtype(np.float32)].size == 7
