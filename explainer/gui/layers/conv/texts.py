"""The plain words of the convolution views and the playground, as English source strings for tr().

The texts retell the seed tutorials (../shared/seeds): multiply element-wise then add, local connectivity
and weight sharing, why padding, what stride does, and how large the output becomes. They are functions,
not constants, so that tr() runs after the translator is installed. Placeholders in braces are filled with
``str.format`` after translation so translators see and keep them.
"""

from __future__ import annotations

from explainer.core.layers import Padding, resolve_pads
from explainer.gui.i18n import tr
from explainer.gui.layers.padding import output_size_paragraph, padding_words, uneven_padding_paragraph


def conv_title(name: str, channel: int, channels: int, k: int, stride: int, padding: int | Padding) -> str:
    """The heading of the convolution view (``padding`` per side when the sides differ)."""
    padding = padding_words(resolve_pads(padding, k))
    return tr(
        "{name}: output map {channel} of {channels}  ·  {k}×{k} kernel, stride {stride}, padding {padding}"
    ).format(name=name, channel=channel, channels=channels, k=k, stride=stride, padding=padding)


def forward_paragraphs(
    k: int, c_in: int, stride: int, padding: int | Padding, size: tuple[int, int] | None = None
) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining a convolution with these settings, for the side panel; with the
    input's ``size`` (H, W) the output-size formula is filled in with the numbers."""
    pads = resolve_pads(padding, k)
    padding = max(pads)
    weights = c_in * k * k
    texts = [
        (
            tr("Multiply, then add"),
            tr(
                "A small grid of weights, the kernel, slides over the input. At each position every input "
                "value is multiplied by the weight lying on it, and the products are added up. That sum, "
                "plus one number called the bias, is one pixel of the output map."
            ),
        ),
        (
            tr("Local connectivity"),
            tr(
                "Each output pixel looks only at the {k}×{k} window under the kernel, never at the whole "
                "image. Neighbouring pixels belong together, so a small window is enough to find an edge, "
                "a stroke or a corner. Deeper layers combine these small findings into larger shapes."
            ).format(k=k),
        ),
        (
            tr("Weight sharing"),
            tr(
                "The same kernel is used at every position, so this output map needs only {n} weights and "
                "1 bias, however large the image is. A pattern is recognised wherever it appears."
            ).format(n=weights),
        ),
    ]
    if c_in > 1:
        texts.append(
            (
                tr("Many input channels"),
                tr(
                    "The input has {c} channels and the kernel has one {k}×{k} slice for each. Every slice "
                    "makes its own intermediate map; the {c} intermediate maps are added together and the "
                    "bias is added once. Each output map has its own set of kernels."
                ).format(c=c_in, k=k),
            )
        )
    if pads.uniform is None:
        texts.append(uneven_padding_paragraph(pads, tr("zeros")))
    texts.append(
        (
            tr("Why padding"),
            tr(
                "Without padding the output loses {lost} pixels in each direction at every layer, and "
                "border pixels fall under fewer windows than central ones. Here {p} ring(s) of zeros, drawn "
                "hatched, surround the input, so edges count as much as the centre."
            ).format(lost=k - 1, p=padding)
            if pads.uniform
            else tr(
                "Without padding the output loses {lost} pixels in each direction at every layer, and "
                "border pixels fall under fewer windows than central ones. The zeros added around the "
                "input make up for that."
            ).format(lost=k - 1)
            if padding > 0
            else tr(
                "This layer uses no padding ('valid'): the kernel stays inside the image, so the output "
                "is {lost} pixels smaller in each direction than the input, and border pixels are seen less "
                "often."
            ).format(lost=k - 1),
        )
    )
    texts.append(
        (
            tr("What stride does"),
            tr(
                "The stride is how far the kernel jumps between positions. Here it moves {s} pixel at a "
                "time, so neighbouring windows overlap and the output keeps the full resolution."
            ).format(s=stride)
            if stride == 1
            else tr(
                "The stride is how far the kernel jumps between positions. Here it moves {s} pixels at a "
                "time, skipping positions in between: the output is about {s} times smaller in each "
                "direction and neighbouring windows overlap less."
            ).format(s=stride),
        )
    )
    if size is None:
        texts.append((tr("Output size"), output_size_rule()))
    else:
        texts.append(output_size_paragraph(size[0], size[1], k, stride, pads))
    return texts


def output_size_rule() -> str:
    """The output-size formula in words."""
    return tr(
        "Output size = (H + 2P − K) / S + 1, rounded down, for an input of H pixels, padding P, kernel K "
        "and stride S."
    )


def conv_caption(row: int, col: int, step: int, total: int) -> str:
    """Where the kernel is, for the step player."""
    return tr("output ({row}, {col})  ·  step {step} of {total}").format(
        row=row, col=col, step=step, total=total
    )


def kernel_tooltip(channel: int, row: int, col: int, value: str) -> str:
    """Tooltip over one kernel weight."""
    return tr("kernel for channel {c}, weight ({row}, {col}) = {v}").format(
        c=channel, row=row, col=col, v=value
    )


def click_channel_hint() -> str:
    """How to choose which channel the formula shows."""
    return tr("Click a channel to show its numbers below.")


def backward_paragraphs(k: int, stride: int, padding: int | Padding) -> list[tuple[str, str]]:
    """The plain-words explanation of a conv layer's backward pass."""
    pads = resolve_pads(padding, k)
    if pads.uniform is None:
        ring = " / ".join(str(k - 1 - p) for p in pads) + " " + tr("(top / left / bottom / right)")
        padding = padding_words(pads)
    else:
        ring, padding = str(k - 1 - pads.uniform), str(pads.uniform)
    return [
        (
            tr("Where the gradient comes from"),
            tr(
                "dL/dZ is the gradient at this layer's output before the activation: the ReLU after it has "
                "already multiplied by its mask, dZ = dA ⊙ g′(Z)."
            ),
        ),
        (
            tr("dL/dA_prev: a full convolution"),
            tr(
                "Every input pixel helped make up to {n} outputs, one per kernel position. Collecting their "
                "gradients is a convolution of dL/dZ, padded with k − 1 − P = {ring} zeros, with the kernel "
                "rotated by 180°. Summing over every output channel gives dL/dA_prev."
            ).format(n=k * k, ring=ring),
        ),
        (
            tr("dL/dW: the input correlated with dL/dZ"),
            tr(
                "Each weight W[i, j] was used at every output position, always on the pixel (i, j) steps "
                "away, so its gradient is the sum of those pixels times dL/dZ: the input ⋆ dL/dZ. "
                "dL/db is simply the sum of dL/dZ (stride {s}, padding {p})."
            ).format(s=stride, p=padding),
        ),
    ]


# ---- the playground -----------------------------------------------------------------------------------


def playground_intro() -> str:
    """The playground's one-paragraph introduction."""
    return tr(
        "Try your own settings: choose the input size, the kernel size, the padding and the stride, then "
        "watch the kernel slide and see how large the output becomes."
    )


def output_size_worked(h: int, p: int, k: int, s: int, out: int) -> str:
    """The output-size formula with the numbers filled in."""
    return tr("(H + 2P − K) / S + 1  =  ({h} + 2×{p} − {k}) / {s} + 1  =  {out}").format(
        h=h, p=p, k=k, s=s, out=out
    )


def output_size_rounded(h: int, p: int, k: int, s: int, out: int) -> str:
    """The output-size formula when the division does not come out even."""
    return tr("(H + 2P − K) / S + 1  =  ⌊({h} + 2×{p} − {k}) / {s}⌋ + 1  =  {out}").format(
        h=h, p=p, k=k, s=s, out=out
    )


def rounding_note(leftover: int) -> str:
    """What the rounding down means for the last rows and columns."""
    return tr(
        "The division is not exact: the last {n} row(s) and column(s) of the padded input are never under "
        "the kernel (drawn hatched), because the kernel would stick out of the image."
    ).format(n=leftover)


def same_note(stride: int) -> str:
    """What 'same' padding did."""
    if stride == 1:
        return tr(
            "'Same' padding adds (K − 1) / 2 zeros on each side so the output is as large as the input."
        )
    return tr(
        "'Same' padding adds (K − 1) / 2 zeros on each side; with stride {s} the output is still about {s} "
        "times smaller, because 'same' keeps the size only at stride 1."
    ).format(s=stride)


def impossible_kernel(h: int, p: int, k: int) -> str:
    """Why a kernel larger than the padded input cannot work."""
    return tr(
        "Impossible: the {k}×{k} kernel does not fit inside the padded input, which is only {h} + 2×{p} = "
        "{hp} pixels wide. There is no position where it lies completely on the image, so the output would "
        "have no pixels. Choose a smaller kernel or more padding."
    ).format(k=k, h=h, p=p, hp=h + 2 * p)


def impossible_same(k: int) -> str:
    """Why 'same' padding needs an odd kernel."""
    return tr(
        "Impossible: 'same' padding puts (K − 1) / 2 = {half} zeros on each side, and half a pixel cannot "
        "be added. Choose an odd kernel size or type the padding as a number."
    ).format(half=f"{(k - 1) / 2:g}")
