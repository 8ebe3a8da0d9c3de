"""Hand-computed cases from the tutorials in ../shared/seeds (000: the math of CNNs, 001: basics,
003: the CNN Explainer walkthrough)."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.core import AvgPool2D, Conv2D, MaxPool2D, conv_steps, pool_steps
from explainer.core.ops import output_size

# 003: "对应相乘再相加" on the 5x5 binary image with the 3x3 kernel [[1,0,1],[0,1,0],[1,0,1]].
IMAGE = np.array(
    [[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]], np.float32
)
KERNEL = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]], np.float32)


def conv_layer(kernel: np.ndarray, padding: int | str = 0, stride: int = 1, bias: float = 0.0) -> Conv2D:
    """A single-filter Conv2D holding ``kernel`` (C_in, k, k) and ``bias``."""
    layer = Conv2D(kernel.shape[0], 1, kernel.shape[-1], stride, padding)
    layer.params["W"][...] = kernel[None]
    layer.params["b"][...] = bias
    return layer


def test_worked_example_top_left_is_4() -> None:
    # 1×1+1×0+1×1+0×0+1×1+1×0+0×1+0×0+1×1 = 4, exactly as written in 003.
    first = next(conv_steps(IMAGE[None], KERNEL[None]))
    np.testing.assert_array_equal(first.window[0], [[1, 1, 1], [0, 1, 1], [0, 0, 1]])
    np.testing.assert_array_equal(first.products[0], [[1, 0, 1], [0, 1, 0], [0, 0, 1]])
    assert (first.row, first.col, first.value) == (0, 0, 4.0)


def test_worked_example_full_feature_map() -> None:
    # The feature map of the same figure, each entry counted by hand.
    y = conv_layer(KERNEL[None]).forward(IMAGE[None, None])
    np.testing.assert_array_equal(y[0, 0], [[4, 3, 4], [2, 4, 3], [2, 3, 4]])


def test_6x6_with_3x3_valid_gives_4x4_from_16_positions() -> None:
    # 000: "3x3 的卷积核在 6x6 的图像上 ... 得到了 4x4 的特征图 ... 只有 16 个独特的位置".
    x = np.arange(36, dtype=np.float32).reshape(1, 1, 6, 6)
    layer = conv_layer(np.ones((1, 3, 3), np.float32), padding="valid")
    y = layer.forward(x)
    assert y.shape == (1, 1, 4, 4) and layer.output_shape((1, 6, 6)) == (1, 4, 4)
    assert len(list(conv_steps(x[0], np.ones((1, 3, 3))))) == 16
    # Each window of consecutive integers sums to 9 times its centre: centre (r+1, c+1) -> 6(r+1) + (c+1).
    np.testing.assert_array_equal(y[0, 0], 9 * (6 * (np.arange(4)[:, None] + 1) + np.arange(4) + 1))


@pytest.mark.parametrize(("size", "padding"), [(6, 1), (5, 1), (28, "same"), (7, 2)])
def test_same_padding_keeps_the_size(size: int, padding: int | str) -> None:
    # 000: 6x6 padded by 1 is 8x8 and the 3x3 output is 6x6 again; 003: 5x5 padded to 7x7 gives 5x5.
    k = 5 if padding == 2 else 3
    layer = Conv2D(1, 2, k, padding=padding)
    assert layer.output_shape((1, size, size)) == (2, size, size)
    assert layer.forward(np.ones((1, 1, size, size), np.float32)).shape == (1, 2, size, size)


def test_same_padding_zero_border_values() -> None:
    # Corner of the padded 5x5 image: only the 2x2 in-image part of the window counts.
    y = conv_layer(KERNEL[None], padding="same").forward(IMAGE[None, None])
    assert y.shape == (1, 1, 5, 5)
    assert y[0, 0, 0, 0] == IMAGE[0, 0] * 1 + IMAGE[1, 1] * 1  # kernel centre and its lower-right corner


@pytest.mark.parametrize(
    ("n", "f", "p", "s", "expected"),
    [
        (7, 3, 0, 2, 3),  # 001: 7x7x3 input, two 3x3x3 kernels, stride 2 -> 3x3x2
        (500, 3, 0, 1, 498),  # 001: 500x500, F=3, p=0, s=1 -> 498x498
        (6, 3, 1, 1, 6),
        (6, 3, 0, 1, 4),
        (5, 3, 1, 2, 3),
        (28, 5, 2, 3, 10),  # floor((28 + 4 - 5) / 3) + 1
        (8, 2, 0, 2, 4),
    ],
)
def test_output_size_formula(n: int, f: int, p: int, s: int, expected: int) -> None:
    # 000: n_out = floor((n + 2p - f) / s) + 1.
    assert output_size(n, f, s, p) == expected
    assert Conv2D(3, 2, f, s, p).output_shape((3, n, n)) == (2, expected, expected)


def test_stride_2_volume_convolution_matches_the_formula_and_sums_channels() -> None:
    # 001: a 7x7x3 volume, two 3x3x3 filters at stride 2 -> two 3x3 maps, each the sum over channels + bias.
    rng = np.random.default_rng(0)
    x = rng.integers(0, 3, (1, 3, 7, 7)).astype(np.float32)
    layer = Conv2D(3, 2, 3, stride=2, rng=rng)
    layer.params["b"][:] = [1.0, 0.0]
    y = layer.forward(x)
    assert y.shape == (1, 2, 3, 3)
    window = x[0, :, 2:5, 4:7]  # output (1, 2) starts at row 1*2, column 2*2
    assert y[0, 0, 1, 2] == pytest.approx(float(np.sum(window * layer.params["W"][0])) + 1.0, rel=1e-6)


def test_max_and_average_pooling_2x2() -> None:
    # 003: 2x2 windows at stride 2; max keeps the largest, average the mean, and in backward average pooling
    # gives every position 1/4 of the gradient while max pooling sends it only to the maximum.
    x = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]], np.float32)[None, None]
    mx, avg = MaxPool2D(2), AvgPool2D(2)
    np.testing.assert_array_equal(mx.forward(x)[0, 0], [[6, 8], [3, 4]])
    np.testing.assert_array_equal(avg.forward(x)[0, 0], [[3.25, 5.25], [2, 2]])
    dy = np.array([[[[4.0, 8.0], [12.0, 16.0]]]], np.float32)
    np.testing.assert_array_equal(
        mx.backward(dy)[0, 0], [[0, 0, 0, 0], [0, 4, 0, 8], [12, 0, 0, 0], [0, 0, 0, 16]]
    )
    np.testing.assert_array_equal(
        avg.backward(dy)[0, 0], [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]
    )
    steps = list(pool_steps(x[0, 0], 2))
    assert [(s.row, s.col, s.index, s.value) for s in steps] == [
        (0, 0, (1, 1), 6.0),
        (0, 1, (1, 1), 8.0),
        (1, 0, (0, 0), 3.0),
        (1, 1, (1, 1), 4.0),
    ]


def test_multichannel_sum_plus_bias() -> None:
    # 003: a 3-channel convolution is the three per-channel results added together, plus the bias.
    x = np.stack([IMAGE, 2 * IMAGE, np.zeros_like(IMAGE)])[None]
    kernel = np.stack([KERNEL, KERNEL, KERNEL])
    y = conv_layer(kernel, bias=0.5).forward(x)
    np.testing.assert_array_equal(y[0, 0], 3 * np.array([[4, 3, 4], [2, 4, 3], [2, 3, 4]]) + 0.5)
