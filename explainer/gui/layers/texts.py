"""Every plain-words explanation the detail views show, in one place, as English source strings for tr().

The texts retell the seed tutorials (../shared/seeds): multiply element-wise then add, local connectivity
and weight sharing, why padding, what stride does, why max pooling, ReLU, and what softmax means. They are
functions, not constants, so that tr() runs after the translator is installed. Placeholders in braces are
filled with ``str.format`` after translation so translators see and keep them.
"""

from __future__ import annotations

from explainer.gui.i18n import tr


def keys_hint() -> str:
    """The keyboard help line under every animation."""
    return tr("Space: play / pause  ·  ← →: one step  ·  Home / End: first / last  ·  hover a map to jump")


def no_input() -> str:
    """Shown by a view before there is a digit to explain."""
    return tr("Draw a digit (or pick a sample) to see how this layer computes its output.")


# ---- Convolution ------------------------------------------------------------------------------------


def conv_title(name: str, channel: int, channels: int, k: int, stride: int, padding: int) -> str:
    """The heading of the convolution view."""
    return tr(
        "{name}: output map {channel} of {channels}  ·  {k}×{k} kernel, stride {stride}, padding {padding}"
    ).format(name=name, channel=channel, channels=channels, k=k, stride=stride, padding=padding)


def conv_paragraphs(k: int, c_in: int, stride: int, padding: int) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining a convolution with these settings, for the side panel."""
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
    texts.append(
        (
            tr("Why padding"),
            tr(
                "Without padding the output loses {lost} pixels in each direction at every layer, and "
                "border pixels fall under fewer windows than central ones. Here {p} ring(s) of zeros, drawn "
                "hatched, surround the input, so edges count as much as the centre."
            ).format(lost=k - 1, p=padding)
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
    texts.append((tr("Output size"), output_size_rule()))
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


# ---- Element-wise activations -------------------------------------------------------------------------


def activation_title(name: str, kind: str, channel: int, channels: int) -> str:
    """The heading of the activation view."""
    return tr("{name} ({kind}): map {channel} of {channels}").format(
        name=name, kind=kind, channel=channel, channels=channels
    )


def activation_paragraphs(kind: str) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining an element-wise layer of ``kind``."""
    why = (
        tr("Why a non-linear step"),
        tr(
            "A convolution only multiplies and adds. Two of them in a row are still just one bigger "
            "multiply-and-add, so without a bend in between, a deep network would be no better than a single "
            "layer. The activation bends the numbers, one pixel at a time, with no weights to learn."
        ),
    )
    if kind == "relu":
        return [
            (
                tr("ReLU: y = max(0, x)"),
                tr(
                    "ReLU keeps every positive value as it is and replaces every negative value by 0. A "
                    "positive value says how strongly the kernel's pattern was found; a negative one says "
                    "'not here', and ReLU turns that into plain silence."
                ),
            ),
            why,
        ]
    if kind == "leaky_relu":
        return [
            (
                tr("Leaky ReLU: y = x if x > 0, else α·x"),
                tr(
                    "Leaky ReLU keeps positive values and shrinks negative ones by a small factor α instead "
                    "of setting them to 0, so a neuron is never completely silent and can still learn."
                ),
            ),
            why,
        ]
    if kind == "sigmoid":
        return [
            (
                tr("Sigmoid: y = 1 / (1 + e^−x)"),
                tr(
                    "Sigmoid squeezes every value into the range 0 to 1: large negatives end near 0, large "
                    "positives near 1."
                ),
            ),
            why,
        ]
    if kind == "tanh":
        return [
            (
                tr("Tanh: y = (e^x − e^−x) / (e^x + e^−x)"),
                tr("Tanh squeezes every value into the range −1 to 1, keeping its sign."),
            ),
            why,
        ]
    return [
        (
            tr("Dropout: y = x when the network is used"),
            tr(
                "During training, dropout silences random values so the network cannot rely on any single "
                "one. When the network is used, as here, it lets every value through unchanged."
            ),
        )
    ]


def activation_name(kind: str) -> str:
    """The function of an element-wise layer, written as a formula."""
    return {
        "relu": "y = max(0, x)",
        "leaky_relu": tr("y = x, or α·x when x ≤ 0"),
        "sigmoid": "y = 1 / (1 + e^−x)",
        "tanh": "y = tanh(x)",
    }.get(kind, "y = x")


def activation_formula(kind: str, x: str, y: str, positive: bool) -> str:
    """One pixel's computation with its numbers, e.g. ``max(0, −0.53) = 0.00``."""
    if kind == "relu":
        return f"max(0, {x}) = {y}"
    if kind == "leaky_relu":
        if positive:
            return tr("{x} > 0, so y = x = {y}").format(x=x, y=y)
        return tr("{x} ≤ 0, so y = α × {x} = {y}").format(x=x, y=y)
    if kind == "sigmoid":
        return f"1 / (1 + e^−({x})) = {y}"
    if kind == "tanh":
        return f"tanh({x}) = {y}"
    return f"y = x = {y}"


def relu_zeroed(zeroed: int, total: int) -> str:
    """How many values ReLU set to zero."""
    return tr("{n} of {total} values were ≤ 0 and became 0 ({pct:.1f} %).").format(
        n=zeroed, total=total, pct=100.0 * zeroed / max(total, 1)
    )


def pool_scale(peak: str, maps: int) -> str:
    """Which colour scale the pooling view uses: the one of the overview's "Per layer" setting."""
    return tr(
        "Colours: one scale, {peak}, for all {n} maps of this layer, as in the overview with the colour "
        "scale “Per layer” (“Per block” and “Whole network” can span more)."
    ).format(peak=peak, n=maps)


def activation_moved(kind: str, clicked: int, shown: int) -> str:
    """Why the activation view opened on another map than the one clicked: the layer left that one alone."""
    if kind == "leaky_relu":
        text = tr(
            "Map {clicked} has no negative value, so leaky ReLU leaves it unchanged: shown is map {shown}, "
            "where it scales the most values."
        )
    else:
        text = tr(
            "Map {clicked} has no value ≤ 0, so ReLU leaves it unchanged: shown is map {shown}, where "
            "it zeroes the most values."
        )
    return text.format(clicked=clicked, shown=shown)


def leaky_scaled(scaled: int, total: int) -> str:
    """How many values leaky ReLU scaled down."""
    return tr("{n} of {total} values were negative and were scaled by α ({pct:.1f} %).").format(
        n=scaled, total=total, pct=100.0 * scaled / max(total, 1)
    )


def pixel_caption(row: int, col: int, step: int, total: int) -> str:
    """Which pixel the activation animation is at."""
    return tr("pixel ({row}, {col})  ·  step {step} of {total}").format(
        row=row, col=col, step=step, total=total
    )


# ---- Pooling -------------------------------------------------------------------------------------------


def pool_title(name: str, mode: str, channel: int, channels: int, size: int, stride: int) -> str:
    """The heading of the pooling view."""
    kind = tr("max pooling") if mode == "max" else tr("average pooling")
    return tr(
        "{name} ({kind}): map {channel} of {channels}  ·  {size}×{size} windows, stride {stride}"
    ).format(name=name, kind=kind, channel=channel, channels=channels, size=size, stride=stride)


def pool_paragraphs(mode: str, size: int, stride: int) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining pooling."""
    shrink = size * size if size == stride else None
    if mode == "max":
        first = (
            tr("Max pooling"),
            tr(
                "The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by "
                "its largest value. After ReLU the largest value is the place where the pattern matched "
                "best, so keeping it keeps what matters and drops the rest."
            ).format(k=size, s=stride),
        )
    else:
        first = (
            tr("Average pooling"),
            tr(
                "The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by "
                "the mean of its values: the map is smoothed and shrunk, and no value is singled out."
            ).format(k=size, s=stride),
        )
    why = tr(
        "Pooling has no weights to learn and treats every channel on its own. It makes the maps smaller, "
        "so later layers are cheaper and each of their pixels sees a larger part of the digit, and a "
        "stroke that moves by a pixel still gives almost the same result."
    )
    texts = [first, (tr("Why pool"), why)]
    if shrink is not None:
        texts.append(
            (
                tr("Size"),
                tr("Each window of {n} values becomes 1 value: the map has {n} times fewer values.").format(
                    n=shrink
                ),
            )
        )
    return texts


def pool_dropped(dropped: int, total: int) -> str:
    """How many input values max pooling threw away."""
    return tr(
        "{n} of {total} values are not the maximum of any window and are dropped ({pct:.1f} %)."
    ).format(n=dropped, total=total, pct=100.0 * dropped / max(total, 1))


def pool_averaged(total: int, outputs: int) -> str:
    """What average pooling does to the number of values."""
    return tr(
        "{total} values are averaged into {out}: nothing is dropped, but {pct:.1f} % fewer numbers remain."
    ).format(total=total, out=outputs, pct=100.0 * (1 - outputs / max(total, 1)))


def pool_uncovered(rows: int, cols: int) -> str:
    """Cells at the bottom/right that no whole window reaches."""
    return tr(
        "The last {r} row(s) and {c} column(s) do not fill a whole window and are ignored (hatched)."
    ).format(r=rows, c=cols)


def window_caption(row: int, col: int, step: int, total: int) -> str:
    """Which window the pooling animation is at."""
    return tr("window ({row}, {col})  ·  step {step} of {total}").format(
        row=row, col=col, step=step, total=total
    )


# ---- Flatten, dense, softmax --------------------------------------------------------------------------


def softmax_title(name: str, class_name: str) -> str:
    """The heading of the dense/softmax view."""
    return tr("{name}: from feature maps to the score of class '{k}'").format(name=name, k=class_name)


def softmax_paragraphs(
    channels: int, height: int, width: int, features: int, classes: int
) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining flatten, the dense layer and softmax."""
    if channels > 0:
        flatten = tr(
            "The last {c} maps of {h}×{w} values are laid end to end into one list of {n} numbers. No "
            "number changes; only the arrangement does."
        ).format(c=channels, h=height, w=width, n=features)
    else:
        flatten = tr("The layer receives a list of {n} numbers.").format(n=features)
    return [
        (tr("Flatten"), flatten),
        (
            tr("Fully connected"),
            tr(
                "Every one of the {n} numbers is connected to every class. A class's score (its logit) is "
                "each number times its own weight, all added up, plus a bias."
            ).format(n=features),
        ),
        (
            tr("What a class looks for"),
            tr(
                "The weights into one class, drawn as images in the shape of the maps, show what that class "
                "looks for: red where activity raises its score, blue where activity lowers it."
            ),
        ),
        (
            tr("Softmax: scores become probabilities"),
            tr(
                "Softmax raises e to the power of each of the {k} scores, which makes them all positive and "
                "stretches the gaps between them, then divides each by their sum. The results are between 0 "
                "and 1 and add up to 1: the network's confidence in each class."
            ).format(k=classes),
        ),
    ]


def features_title(maps_shape: tuple[int, int, int] | None, features: int) -> str:
    """Title of the panel with the dense layer's input."""
    if maps_shape is None:
        return tr("input: {n} values").format(n=features)
    c, h, w = maps_shape
    return tr("{c} maps of {h}×{w} = {n} values").format(c=c, h=h, w=w, n=features)


def logit_line(name: str, evidence: str, bias: str, score: str) -> str:
    """The chosen class's score worked out."""
    return tr("score of '{k}':  z = Σ value × weight + bias = {e} + ({b}) = {z}").format(
        k=name, e=evidence, b=bias, z=score
    )


def probability_line(name: str, exp: str, total: str, probability: str) -> str:
    """The chosen class's probability worked out."""
    return tr("probability of '{k}':  e^z / Σ e^z = {e} / {s} = {p}").format(
        k=name, e=exp, s=total, p=probability
    )


def class_caption(name: str, step: int, total: int) -> str:
    """Which class the softmax view shows, for the step player (``step`` counts from 1).

    Classes named by their index (the digits) get no ordinal: "8 of 10" beside class '7' read as class 8.
    """
    if name == str(step - 1):
        return tr("class {k} (classes 0–{last})").format(k=name, last=total - 1)
    return tr("class '{k}'  ·  {step} of {total}").format(k=name, step=step, total=total)


# ---- Playground ----------------------------------------------------------------------------------------


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
