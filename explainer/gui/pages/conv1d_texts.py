"""The plain words of the 1-D convolution page and of the convolution-or-correlation toggle (seeds 002, 004).

Functions, not constants, so that tr() runs after the translator is installed; placeholders in braces are
filled with ``str.format`` after translation. The playground uses the toggle's texts too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explainer.gui import theme
from explainer.gui.i18n import tr


def number(value: float) -> str:
    """A kernel weight or sample, short: at most three significant digits, a true minus sign."""
    return theme.format_significant(value, 3)


def vector(values: Sequence[float] | np.ndarray) -> str:
    """``[1, −2, 1]``."""
    return "[" + ", ".join(number(v) for v in np.asarray(values).ravel()) + "]"


def matrix(values: np.ndarray) -> str:
    """``[1 0 −1; 1 0 −1; 1 0 −1]``: a small kernel, row by row."""
    return "[" + "; ".join(" ".join(number(v) for v in row) for row in np.asarray(values)) + "]"


# ---- the toggle, shared with the playground ------------------------------------------------------------


def operation_names() -> dict[str, str]:
    """The two choices of the toggle."""
    return {
        "correlation": tr("correlation (what libraries compute)"),
        "convolution": tr("true convolution (kernel rotated by π)"),
    }


def why_no_flip() -> tuple[str, str]:
    """Why every library computes the correlation and still calls it convolution."""
    return (
        tr("Convolution or correlation?"),
        tr(
            "True convolution rotates the kernel by π (turns it end to end) before sliding it; correlation "
            "slides it as it is. They differ only by that flip: w ⊗ x = rot(w) ∗ x. Libraries skip the "
            "flip because the kernel is learned: a network trained with correlation simply learns the "
            "flipped kernel, computes the same outputs, and its gradients are the same numbers, flipped. "
            "The flip would cost work and change nothing, so 'convolution' in deep learning means "
            "correlation."
        ),
    )


def symmetric_note() -> str:
    """Said when rot(w) = w, so the toggle changes nothing."""
    return tr("This kernel is symmetric, rot(w) = w: both give the same output. Try an edge kernel.")


def identity_1d(operation: str, w: np.ndarray, t: int, left: float, right: float) -> str:
    """The identity on the current numbers of the 1-D page: kernel, rotated kernel and the two values."""
    rotated = vector(w[::-1])
    if operation == "convolution":
        return tr(
            "w ∗ x = rot(w) ⊗ x: the kernel w = {w} is turned end to end, rot(w) = {r}, and then slides "
            "as it is. Here (w ∗ x)[{t}] = {a} and (rot(w) ⊗ x)[{t}] = {b}."
        ).format(w=vector(w), r=rotated, t=t, a=theme.format_value(left, 3), b=theme.format_value(right, 3))
    return tr(
        "w ⊗ x = rot(w) ∗ x: the kernel w = {w} slides as it is; a true convolution with rot(w) = {r} "
        "gives the same numbers. Here (w ⊗ x)[{t}] = {a} and (rot(w) ∗ x)[{t}] = {b}."
    ).format(w=vector(w), r=rotated, t=t, a=theme.format_value(left, 3), b=theme.format_value(right, 3))


def identity_2d(operation: str, w: np.ndarray, row: int, col: int, left: float, right: float) -> str:
    """The identity on the current numbers of the playground."""
    shown = matrix(np.rot90(w, 2)) if w.shape[0] <= 5 else tr("w turned upside down and left to right")
    values = {
        "r": shown,
        "row": row,
        "col": col,
        "a": theme.format_value(left, 3),
        "b": theme.format_value(right, 3),
    }
    if operation == "convolution":
        return tr(
            "w ∗ x = rot(w) ⊗ x: the kernel is rotated by π before it slides, so the grid shown is "
            "rot(w) = {r}. At output ({row}, {col}): (w ∗ x) = {a} and (rot(w) ⊗ x) = {b}."
        ).format(**values)
    return tr(
        "w ⊗ x = rot(w) ∗ x: the kernel slides as it is; a true convolution with rot(w) = {r} gives the "
        "same numbers. At output ({row}, {col}): (w ⊗ x) = {a} and (rot(w) ∗ x) = {b}."
    ).format(**values)


# ---- the 1-D page ----------------------------------------------------------------------------------------


def signal_names() -> dict[str, str]:
    """The signal choices."""
    return {
        "sine": tr("noisy sine"),
        "step": tr("step"),
        "row": tr("a row of your input"),
        "column": tr("a column of your input"),
        "drawn": tr("drawn with the mouse"),
    }


def kernel_names() -> dict[str, str]:
    """The kernel choices."""
    return {
        "average": tr("moving average [1/k … 1/k]"),
        "second": tr("second difference [1, −2, 1]"),
        "own": tr("your own values"),
    }


def padding_names() -> dict[str, str]:
    """The padding choices: the seed's three kinds of convolution and a number."""
    return {
        "narrow": tr("narrow (P = 0)"),
        "wide": tr("wide (P = K − 1)"),
        "same": tr("equal-width (P = (K − 1) / 2)"),
        "number": tr("number"),
    }


def length_worked(m: int, k: int, p: int, s: int, out: int, exact: bool) -> str:
    """The output length with the current numbers."""
    if exact:
        return tr("(M − K + 2P) / S + 1  =  ({m} − {k} + 2×{p}) / {s} + 1  =  {out}").format(
            m=m, k=k, p=p, s=s, out=out
        )
    return tr("(M − K + 2P) / S + 1  =  ⌊({m} − {k} + 2×{p}) / {s}⌋ + 1  =  {out}").format(
        m=m, k=k, p=p, s=s, out=out
    )


def length_impossible(m: int, k: int, p: int) -> str:
    """Why the kernel has no position."""
    return tr(
        "Impossible: the kernel has {k} taps but the padded signal only {m} + 2×{p} = {mp} samples, so "
        "there is no position for it and no output. Choose a shorter kernel, more padding or a wide "
        "convolution."
    ).format(k=k, m=m, p=p, mp=m + 2 * p)


def same_even(k: int) -> str:
    """Why equal width needs an odd kernel."""
    return tr(
        "Impossible: equal width needs P = (K − 1) / 2 = {half} zeros at each end, and half a zero "
        "cannot be added. Choose an odd kernel or type the padding as a number."
    ).format(half=f"{(k - 1) / 2:g}")


def bad_kernel(text: str) -> str:
    """Why the typed kernel cannot be read."""
    return tr(
        "Type 1 to 15 numbers separated by commas or spaces, e.g. 1, 0, −1 (could not read “{text}”)."
    ).format(text=text)


def step_caption(t: int, step: int, total: int) -> str:
    """Where the kernel is, for the step player."""
    return tr("output y[{t}]  ·  step {step} of {total}").format(t=t, step=step, total=total)


def row_labels() -> dict[str, str]:
    """The names painted beside the canvas's rows."""
    return {
        "signal": tr("signal x"),
        "padded": tr("x with P zeros"),
        "output": tr("output y"),
        "window": tr("window"),
        "products": tr("products"),
        "derivative": tr("second derivative x″ (dashed)"),
        "draw": tr("drag here to draw"),
    }


def kernel_row_label(operation: str) -> str:
    """The row of the kernel as it is applied."""
    return tr("rot(w)") if operation == "convolution" else tr("w")


def paragraphs(kernel: str, k: int, m: int, p: int, s: int, derivative_shown: bool) -> list[tuple[str, str]]:
    """The side panel: what 1-D convolution is, the chosen kernel, the three widths, stride, the flip."""
    texts = [
        (
            tr("1-D convolution"),
            tr(
                "A kernel of K weights slides along the signal. At each position the K samples under it are "
                "multiplied by the weights and added up: one output sample. The seed writes it "
                "y_t = Σ_k w_k · x_(t−k+1)."
            ),
        )
    ]
    if kernel == "average":
        texts.append(
            (
                tr("Moving average"),
                tr(
                    "With w = [1/k, …, 1/k] each output is the mean of {k} neighbouring samples: random "
                    "wiggles cancel out and slow changes stay. Time series are smoothed this way."
                ).format(k=k),
            )
        )
    elif kernel == "second":
        texts.append(
            (
                tr("Second difference"),
                tr(
                    "x(t − 1) − 2x(t) + x(t + 1) ≈ x″(t) with step h = 1, from Taylor's formula: "
                    "w = [1, −2, 1] measures curvature. {where} It also amplifies noise: set the noise "
                    "to 0 % and the two curves meet."
                ).format(
                    where=tr("The dashed curve is the sine's exact second derivative.")
                    if derivative_shown
                    else tr("The exact second derivative is drawn for the sine only.")
                ),
            )
        )
    else:
        texts.append(
            (
                tr("Your own kernel"),
                tr("Type any weights; try 1, 0, −1 (an edge detector) and compare the two operations."),
            )
        )
    texts.append(
        (
            tr("Narrow, wide, equal width"),
            tr(
                "With M = {m} samples and K = {k} taps: narrow (P = 0) gives M − K + 1 = {narrow} outputs, "
                "the kernel always inside the signal; wide (P = K − 1 = {wide_p}) gives M + K − 1 = {wide} "
                "and every sample meets every weight; equal width (P = (K − 1) / 2) keeps M = {m} for an "
                "odd K. (The seed's text says equal width gives K outputs; it gives M.) Added zeros are "
                "hatched."
            ).format(m=m, k=k, narrow=m - k + 1, wide_p=k - 1, wide=m + k - 1),
        )
    )
    texts.append(
        (
            tr("Stride"),
            tr(
                "The stride S = {s} is how far the kernel jumps between outputs, so the output has "
                "(M − K + 2P) / S + 1 samples, rounded down (here P = {p})."
            ).format(s=s, p=p),
        )
    )
    texts.append(why_no_flip())
    return texts
