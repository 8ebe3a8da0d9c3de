"""The tour's stops, without any widget: what each stop says, which numbers it quotes and what it shows.

The tour walks from the drawing to one SGD step in twelve stops: draw → the 28x28 input → one kernel
sliding → the layer's feature maps → ReLU → pooling → deeper layers → flatten/dense → softmax → loss →
gradients flowing back → one SGD step. ``build_stops(problem)`` makes them for a ``TourProblem``: every
number quoted in a narration is a ``Number`` holding the exact value taken from the ``Trace`` (or the core's
step generators) and the text shown, so tests can check one against the other.

Layers are found by ``kind`` (never by name), so a loaded model of another shape gets the stops it has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice
from types import MappingProxyType

import numpy as np

from explainer.core import LayerRecord, Sequential, Trace, conv_steps
from explainer.data import FASHION_MNIST, MNIST, Dataset
from explainer.gui import theme
from explainer.gui.i18n import class_name, tr
from explainer.gui.layers import registry
from explainer.gui.layers.pool import pool_mode
from explainer.gui.layers.poolgrid import whole_windows
from explainer.gui.mainwindow.datasets import draw_heading

TOUR_LR = 0.05
"""Learning rate of the SGD step at the last stop (the same default as the Learn and Stepper views)."""

CONV_KINDS = registry.kinds("conv")
ACTIVATION_KINDS = registry.kinds("activation")
POOL_KINDS = registry.kinds("pool")


# ---- numbers and text helpers ------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A number quoted by a narration: the exact value it comes from and the text shown for it."""

    value: float
    text: str


def _fixed(value: float, decimals: int = 2) -> Number:
    """``value`` shown with fixed decimals and a true minus sign."""
    return Number(float(value), theme.format_value(value, decimals))


def _significant(value: float, digits: int = 3) -> Number:
    """``value`` with ``digits`` significant digits (gradients are often ~1e-3) and a true minus sign."""
    text = f"{float(value):.{digits}g}"
    return Number(float(value), "0" if text in ("0", "-0") else text.replace("-", "\u2212"))


def _percent(probability: float) -> Number:
    """A probability as a percentage, e.g. ``96.2%``; near certainty gets enough decimals not to read 100%.

    Shape:
        probability: a scalar in [0, 1].
    """
    p = float(probability)
    decimals = 1
    while decimals < 6 and p < 1.0 and f"{100 * p:.{decimals}f}" == f"{100:.{decimals}f}":
        decimals += 1
    return Number(p, f"{100 * p:.{decimals}f}%")


def _percent_pair(before: float, after: float) -> tuple[Number, Number]:
    """Two probabilities as percentages with as many decimals as it takes to tell them apart (up to 6).

    A step that moves a confident p from 99.9826% to 99.9840% would otherwise read "99.98% to 99.98%".
    """
    first, second = _percent(before), _percent(after)
    decimals = max(len(n.text.rstrip("%").partition(".")[2]) for n in (first, second))
    while decimals < 6 and first.text == second.text and before != after:
        decimals += 1
        first = Number(float(before), f"{100 * float(before):.{decimals}f}%")
        second = Number(float(after), f"{100 * float(after):.{decimals}f}%")
    return first, second


def _probability(probability: float) -> Number:
    """A probability with 4 decimals, or as many as it takes not to round a near-certain one to 1."""
    p = float(probability)
    decimals = 4
    while decimals < 9 and p < 1.0 and f"{p:.{decimals}f}" == f"{1:.{decimals}f}":
        decimals += 1
    return Number(p, f"{p:.{decimals}f}")


def _count(value: int) -> Number:
    """A whole number."""
    return Number(float(value), str(int(value)))


def _big(value: float) -> Number:
    """A positive number that may be huge (e^z): 4 significant digits, ×10ⁿ notation when large."""
    from explainer.gui.kit.mapboard import format_big

    return Number(float(value), format_big(float(value)))


def _shape(shape: tuple[int, ...]) -> str:
    """A shape as ``28×28`` or ``8×3×3``."""
    return "×".join(str(n) for n in shape)


def _sentences(*parts: str) -> str:
    """Translated sentences as one paragraph: a space after a Western full stop, none after a Chinese one."""
    text = ""
    for part in parts:
        if text and not text.endswith(("。", "！", "？", "：")):
            text += " "
        text += part
    return text


def _join(names: list[str]) -> str:
    """Names as a list in the current language ("conv3, relu3" / "conv3、relu3")."""
    return tr(", ").join(names)


# ---- the problem and its stops (no widgets) -------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TourProblem:
    """The digit the tour explains, its label, the full trace with gradients and the data set the window
    works on (the narration's words and its account of the preprocessing follow it).

    Shape:
        x: ``(H, W)`` raw pixels in [0, 1] (the network input, as ``AppState.input``);
        trace: ``model.trace(x[None, None], [label])``, whose forward numbers equal the window's trace.
    """

    model: Sequential
    x: np.ndarray
    label: int
    from_sample: bool
    trace: Trace
    dataset: Dataset = MNIST

    @classmethod
    def make(
        cls, model: Sequential, x: np.ndarray, label: int, from_sample: bool, dataset: Dataset = MNIST
    ) -> TourProblem:
        """Trace ``x`` against ``label`` with ``model``; ``dataset`` is the data set the window works on."""
        x = np.asarray(x, np.float32)
        trace = model.trace(x.reshape(1, *model.input_shape), np.array([label]))
        return cls(model, x, int(label), from_sample, trace, dataset)

    @property
    def digits(self) -> bool:
        """True when the window works on MNIST's digits (the narration then speaks of digits)."""
        return self.dataset.name == MNIST.name

    def name(self, label: int) -> str:
        """Class ``label`` of the model, in the current language."""
        return class_name(str(self.model.class_names[label]))


@dataclass(frozen=True)
class Detail:
    """The view a stop opens: ``kind`` picks it, the others say what it shows first.

    ``kind`` is one of "map" (one map, large, with its numbers), "layer" (the detail view of
    ``views.details.make_detail_view``), "stepper" (the training step at stage ``step``), "backward" (the
    backward view of the layer) and "learn" (one SGD step on the digit). ``step`` is the animation step
    to show (the kernel position for a conv, the pixel for ReLU, the window for pooling), or None.
    """

    kind: str
    layer_index: int
    channel: int = 0
    step: int | None = None


@dataclass(frozen=True)
class Stop:
    """One stop of the tour: what to say and what to show.

    Attributes:
        key: which stop ("draw", "input", "conv", "maps", "relu", "pool", "deeper", "dense", "softmax",
            "loss", "backward", "update").
        title, text: the heading and the narration, in the current language.
        numbers: every number the narration quotes, by name.
        columns: overview columns to light (layer indices; -1 is the input).
        maps: single maps to outline, as (layer index, channel).
        widgets: other parts of the window to light: "canvas", "input_preview", "prediction".
        quantity: what the overview shows at this stop, "activation" or "gradient".
        detail: the view to open, or None.
    """

    key: str
    title: str
    text: str
    numbers: Mapping[str, Number] = field(default_factory=lambda: MappingProxyType({}))
    columns: tuple[int, ...] = ()
    maps: tuple[tuple[int, int], ...] = ()
    widgets: tuple[str, ...] = ()
    quantity: str = "activation"
    detail: Detail | None = None


def _say(template: str, numbers: dict[str, Number], **words: object) -> str:
    """Fill a translated template with the numbers' texts and the other words."""
    return template.format(**{name: number.text for name, number in numbers.items()}, **words)


def _stop(
    key: str, title: str, template: str, numbers: dict[str, Number], words: dict, **show: object
) -> Stop:
    """A stop whose narration is ``template`` filled with ``numbers`` and ``words``."""
    return Stop(key, title, _say(template, numbers, **words), MappingProxyType(numbers), **show)  # type: ignore[arg-type]


def _map_stop(
    key: str,
    title: str,
    template: str,
    numbers: dict[str, Number],
    words: dict,
    at: tuple[int, int],
    step: int | None = None,
    *,
    view: str = "layer",
    columns: tuple[int, ...] | None = None,
) -> Stop:
    """A stop about one map, ``at`` = (layer index, channel): it lights that layer's column (or ``columns``),
    outlines the map and opens ``view`` on it at ``step``."""
    lit = at[:1] if columns is None else columns
    return _stop(
        key, title, template, numbers, words, columns=lit, maps=(at,), detail=Detail(view, *at, step)
    )


def _first(kinds: list[str], wanted: frozenset[str] | set[str], start: int = 0) -> int | None:
    """Index of the first layer at or after ``start`` whose kind is in ``wanted``."""
    return next((i for i in range(start, len(kinds)) if kinds[i] in wanted), None)


def _strongest(maps: np.ndarray) -> tuple[int, int, int]:
    """(channel, row, col) of the largest value of a stack of maps.

    Shape:
        maps: ``(C, H, W)``.
    """
    channel, row, col = np.unravel_index(int(np.argmax(maps)), maps.shape)
    return int(channel), int(row), int(col)


def _conv_step(trace: Trace, index: int, channel: int, row: int, col: int) -> tuple[Number, Number, Number]:
    """The window sum, the bias and the output of one conv position, from the core's ``conv_steps``.

    The output is the trace's own number; sum and bias are the step record's.
    """
    record = trace.layers[index]
    stride, padding = int(record.config["stride"]), record.config["padding"]
    width = record.output.shape[3]
    bias = float(record.params["b"][channel])
    steps = conv_steps(record.input[0], record.params["W"][channel], bias, stride, padding)
    step = next(islice(steps, row * width + col, None))
    return (
        _fixed(float(step.products.sum())),
        _fixed(bias),
        _fixed(float(record.output[0, channel, row, col])),
    )


def _draw_stop(p: TourProblem) -> Stop:
    k = int(p.trace.prediction[0])
    numbers = {"p": _percent(p.trace.probs[0, k])}
    if p.from_sample and not p.digits:
        text = tr(
            "The canvas was empty, so the tour put a test image labelled {label} on it. The network reads "
            "it as {guess} with probability {p}. Draw your own at any time: every stop follows it."
        )
    elif not p.digits:
        text = tr(
            "Everything starts with your drawing: bright on black, like the {dataset} images the network "
            "learned from. It reads your drawing as {guess} with probability {p}. Keep drawing at any "
            "time: every stop follows the new drawing."
        )
    elif p.from_sample:
        text = tr(
            "The canvas was empty, so the tour put a test digit labelled {label} on it. The network reads "
            "it as {guess} with probability {p}. Draw your own digit at any time: every stop follows it."
        )
    else:
        text = tr(
            "Everything starts with your drawing: white ink on black, like the MNIST digits the network "
            "learned from. It reads your digit as {guess} with probability {p}. Keep drawing at any time: "
            "every stop follows the new digit."
        )
    words = {"label": p.name(p.label), "guess": p.name(k), "dataset": p.dataset.name}
    return _stop("draw", draw_heading(p.dataset), text, numbers, words, widgets=("canvas",))


def _input_text(dataset: Dataset) -> str:
    """How the canvas becomes the input for ``dataset`` (a template with ``{n}``, ``{ink}``,
    ``{brightest}`` and ``{dataset}``)."""
    if dataset.preprocess is MNIST.preprocess:
        return tr(
            "The canvas is cropped to the digit, scaled to fit 20×20 pixels and centred in a 28×28 image, "
            "like the MNIST digits: {n} numbers from 0 (black) to 1 (white). {ink} of them carry ink; the "
            "brightest is {brightest}."
        )
    if dataset.preprocess is FASHION_MNIST.preprocess:
        return tr(
            "The canvas is cropped to the object, its longer side scaled to 28 pixels and its box centred "
            "in a 28×28 image, like the {dataset} photos: {n} numbers from 0 (black) to 1 (white). {ink} "
            "of them are not black; the brightest is {brightest}."
        )
    return tr(
        "The canvas becomes a 28×28 image the way the {dataset} images were made: {n} numbers from 0 "
        "(black) to 1 (white). {ink} of them are not black; the brightest is {brightest}."
    )


def _input_stop(p: TourProblem) -> Stop:
    x = p.trace.input[0]
    numbers = {"n": _count(x.size), "ink": _count(int((x > 0).sum())), "brightest": _fixed(float(x.max()), 3)}
    mean, std = float(p.model.input_mean), float(p.model.input_std)
    text = _input_text(p.dataset)
    if mean == 0.0 and std == 1.0:
        text = _sentences(text, tr("This network takes the pixel values just as they are."))
    else:
        first = p.trace.layers[0].input[0].reshape(-1)
        darkest = int(np.argmin(x.reshape(-1)))
        numbers.update(mean=_fixed(mean, 3), std=_fixed(std, 3), black=_fixed(float(first[darkest]), 3))
        text = _sentences(
            text,
            tr(
                "Before the first layer every pixel is normalised, x′ = (x − {mean}) / {std}, so black "
                "enters as {black}."
            ),
        )
    return _stop(
        "input",
        tr("The 28×28 input"),
        text,
        numbers,
        {"dataset": p.dataset.name},
        columns=(-1,),
        widgets=("input_preview",),
        detail=Detail("map", -1, 0),
    )


def _conv_stop(p: TourProblem, index: int) -> Stop:
    record = p.trace.layers[index]
    c, r, col = _strongest(record.output[0])
    s, b, v = _conv_step(p.trace, index, c, r, col)
    k = int(record.config["kernel_size"])
    c_in = record.input.shape[1]
    window = _shape((k, k) if c_in == 1 else (c_in, k, k))
    numbers = {"s": s, "b": b, "v": v, "count": _count(record.output.shape[1]), "kk": _count(c_in * k * k)}
    text = tr(
        "{layer} slides {count} small kernels over the image, each a {k}×{k} grid of weights. Here "
        "kernel {c} sits at row {r}, column {col}: each of the {kk} values under it is multiplied by the "
        "weight on top of it. This {window} window sums to {s}, plus bias {b} gives {v}, one pixel of "
        "output map {c}."
    )
    words = {"layer": record.name, "k": k, "c": c, "r": r, "col": col, "window": window}
    width = record.output.shape[3]
    return _map_stop(
        "conv", tr("One kernel slides over the image"), text, numbers, words, (index, c), r * width + col
    )


def _maps_stop(p: TourProblem, index: int) -> Stop:
    record = p.trace.layers[index]
    c, r, col = _strongest(record.output[0])
    n, height, width = record.output.shape[1:]
    chosen = record.output[0, c]
    numbers = {"n": _count(n), "low": _fixed(float(chosen.min())), "high": _fixed(float(chosen.max()))}
    text = tr(
        "Sliding each of the {n} kernels over every position gives {n} feature maps of {size}, one per "
        "kernel: each lights up where its pattern appears (red positive, blue negative, white zero). "
        "Map {c} ranges from {low} to {high}; its strongest response is at row {r}, column {col}, where "
        "the kernel sat at the previous stop."
    )
    words = {"size": _shape((height, width)), "c": c, "r": r, "col": col}
    title = tr("{layer}: the feature maps").format(layer=record.name)
    return _map_stop("maps", title, text, numbers, words, (index, c), view="map")


def _activation_stop(p: TourProblem, index: int, channel: int) -> Stop:
    from explainer.gui.layers.activation import opening_channel

    record = p.trace.layers[index]
    x, y = record.input[0], record.output[0]
    # The map the ReLU view opens on, so that the narration and the view speak of the same map.
    channel = opening_channel(record.kind, x, min(channel, x.shape[0] - 1))
    r, col = np.unravel_index(int(np.argmin(x[channel])), x[channel].shape)
    r, col = int(r), int(col)
    numbers = {
        "x": _fixed(float(x[channel, r, col])),
        "y": _fixed(float(y[channel, r, col])),
        "neg": _count(int((x < 0).sum())),
        "total": _count(x.size),
        "share": _percent(float((x < 0).mean())),
    }
    words = {"layer": record.name, "c": channel, "r": r, "col": col}
    if record.kind == "relu":
        title = tr("ReLU: negatives become zero")
        text = tr(
            "{layer} applies ReLU(x) = max(0, x) to every value of every map: positive values pass "
            "unchanged, negative ones become 0. Across all its maps, {neg} of {total} values ({share}) were "
            "negative. The most negative one in map {c}, {x} at row {r}, column {col}, is now {y}. Without "
            "this bend, all the layers together could only compute one linear function."
        )
    else:
        title = tr("The activation function")
        text = tr(
            "{layer} bends every value of every map with the same function, so that the layers together "
            "can compute more than one linear function. Across all its maps, {neg} of {total} values "
            "({share}) came in negative. The smallest one in map {c}, {x} at row {r}, column {col}, comes "
            "out as {y}."
        )
    width = x.shape[2]
    return _map_stop("relu", title, text, numbers, words, (index, channel), r * width + col)


def _pool_stop(p: TourProblem, index: int, channel: int, between: list[LayerRecord]) -> Stop:
    record = p.trace.layers[index]
    size, stride = int(record.config["size"]), int(record.config["stride"])
    channel = min(channel, record.input.shape[1] - 1)
    mode = pool_mode(record.kind)
    steps = whole_windows(record.input[0, channel], size, stride, mode, record.config)
    best = max(steps, key=lambda step: step.value)
    values = [_fixed(v) for v in best.window.ravel().tolist()]
    numbers = {f"w{i}": value for i, value in enumerate(values)}
    numbers["v"] = _fixed(float(record.output[0, channel, best.row, best.col]))
    words = {
        "layer": record.name,
        "size": size,
        "before": _shape(record.input.shape[2:]),
        "after": _shape(record.output.shape[2:]),
        "c": channel,
        "r": best.row,
        "col": best.col,
        "values": _join([value.text for value in values]),
    }
    text = ""
    if between:
        words["names"] = _join([layer.name for layer in between])
        if all(layer.kind in CONV_KINDS | ACTIVATION_KINDS for layer in between):
            text = tr("First {names} repeat convolution and activation on these maps.")
        else:
            text = tr("First the maps pass through {names}.")
    if mode == "max" and not p.digits:
        pooling = tr(
            "Then {layer} cuts every map into {size}×{size} windows and keeps only the largest value of "
            "each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column "
            "{col} holds {values}: {v} goes on. The strongest responses survive, and a slightly shifted "
            "input gives almost the same result."
        )
    elif mode == "max":
        pooling = tr(
            "Then {layer} cuts every map into {size}×{size} windows and keeps only the largest value of "
            "each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column "
            "{col} holds {values}: {v} goes on. The strongest responses survive, and a slightly shifted "
            "digit gives almost the same result."
        )
    else:
        pooling = tr(
            "Then {layer} cuts every map into {size}×{size} windows and keeps the average of each, so the "
            "maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds "
            "{values}: their average {v} goes on."
        )
    text = _sentences(text, pooling)
    width = record.output.shape[3]
    step = best.row * width + best.col
    return _map_stop("pool", tr("Pooling: smaller maps"), text, numbers, words, (index, channel), step)


def _deeper_stop(p: TourProblem, indices: list[int]) -> Stop:
    layers = p.trace.layers
    names = [layers[i].name for i in indices]
    before, after = layers[indices[0]].input.shape[1:], layers[indices[-1]].output.shape[1:]
    words = {
        "names": _join(names),
        "before": _shape(before),
        "after": _shape(after),
    }
    conv = next((i for i in indices if layers[i].kind in CONV_KINDS), None)
    if conv is None:
        text = tr("Then come {names}. The maps change from {before} to {after}: smaller, but more abstract.")
        return _stop("deeper", tr("Deeper layers"), text, {}, words, columns=tuple(indices))
    record = layers[conv]
    c, r, col = _strongest(record.output[0])
    s, b, v = _conv_step(p.trace, conv, c, r, col)
    k = int(record.config["kernel_size"])
    c_in = record.input.shape[1]
    numbers = {"s": s, "b": b, "v": v, "weights": _count(c_in * k * k)}
    words.update(conv=record.name, c_in=c_in, k=k, c=c, r=r, col=col)
    if p.digits:
        text = tr(
            "The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at "
            "once, {c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine strokes into "
            "larger parts of a digit: in map {c} at row {r}, column {col} the window sums to {s}, plus "
            "bias {b} gives {v}. Along the way the maps go from {before} to {after}: smaller, but more of "
            "them."
        )
        title = tr("Deeper layers: from strokes to parts")
    else:
        text = tr(
            "The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at "
            "once, {c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine edges into "
            "larger parts of the object: in map {c} at row {r}, column {col} the window sums to {s}, plus "
            "bias {b} gives {v}. Along the way the maps go from {before} to {after}: smaller, but more of "
            "them."
        )
        title = tr("Deeper layers: from edges to parts")
    width = record.output.shape[3]
    return _map_stop(
        "deeper", title, text, numbers, words, (conv, c), r * width + col, columns=tuple(indices)
    )


def _dense_stop(p: TourProblem, dense: int, flatten: int | None) -> Stop:
    layers = p.trace.layers
    record = layers[dense]
    k = int(p.trace.prediction[0])
    numbers = {
        "n": _count(record.input.shape[1]),
        "z": _fixed(float(p.trace.logits[0, k])),
        "classes": _count(record.output.shape[1]),
    }
    words = {"dense": record.name, "name": p.name(k)}
    text = ""
    if flatten is not None:
        words.update(flatten=layers[flatten].name, maps=_shape(layers[flatten].input.shape[1:]))
        text = tr(
            "{flatten} lays the {maps} numbers of the last maps out in one row of {n} values: nothing is "
            "lost, only rearranged."
        )
    scores = tr(
        "{dense} gives every class a score from all {n} values, one weight per value and class plus a "
        "bias: z_k = Σ_i x_i·W_ik + b_k. Class {name} gets z = {z}, the highest of the {classes} scores."
    )
    text = _sentences(text, scores)
    columns = (dense,) if flatten is None else (flatten, dense)
    title = tr("Flatten and dense: one score per class")
    return _map_stop("dense", title, text, numbers, words, (dense, k), columns=columns)


def _softmax_stop(p: TourProblem, dense: int) -> Stop:
    k = int(p.trace.prediction[0])
    logits = p.trace.logits[0].astype(np.float64)
    exps = np.exp(logits)
    numbers = {
        "z": _fixed(float(logits[k])),
        "e": _big(float(exps[k])),
        "total": _big(float(exps.sum())),
        "p": _percent(float(p.trace.probs[0, k])),
    }
    text = tr(
        "Softmax turns the scores into probabilities, positive and adding up to 1: "
        "p_k = exp(z_k) / Σ_j exp(z_j). For class {name}, exp({z}) = {e} out of a total of {total}, so "
        "p = {p}. The answer is the class with the largest probability: {name}."
    )
    return _stop(
        "softmax",
        tr("Softmax: scores become probabilities"),
        text,
        numbers,
        {"name": p.name(k)},
        widgets=("prediction",),
        columns=(dense,),
        detail=Detail("layer", dense, k),
    )


def _loss_stop(p: TourProblem) -> Stop:
    y = p.name(p.label)
    numbers = {"p": _probability(p.trace.probs[0, p.label]), "L": _significant(float(p.trace.loss), 4)}
    if p.from_sample and not p.digits:
        first = tr(
            "To learn, the network needs the true answer: this test image is labelled y = {y}. Pick "
            "another label below to see how the loss reacts."
        )
    elif p.from_sample:
        first = tr(
            "To learn, the network needs the true answer: this test digit is labelled y = {y}. Pick "
            "another label below to see how the loss reacts."
        )
    else:
        first = tr(
            "To learn, the network needs the true answer y. The tour takes its own answer, y = {y}; pick "
            "another label below to see what changes."
        )
    text = _sentences(
        first,
        tr(
            "The cross-entropy loss punishes a low probability for the true class: "
            "L = −ln p_y = −ln {p} = {L}. A sure and correct answer would give L = 0."
        ),
    )
    return _stop(
        "loss",
        tr("The loss: how wrong was the answer?"),
        text,
        numbers,
        {"y": y},
        widgets=("prediction",),
        detail=Detail("stepper", -1, p.label, len(p.trace.layers)),
    )


def _backward_stop(p: TourProblem, dense: int) -> Stop:
    trace = p.trace
    dz = trace.layers[-1].grad_output[0]
    grad = trace.input_grad[0, 0]
    r, col = np.unravel_index(int(np.argmax(np.abs(grad))), grad.shape)
    numbers = {
        "p": _probability(trace.probs[0, p.label]),
        "d": _significant(float(dz[p.label]), 4),
        "g": _significant(float(grad[r, col])),
    }
    text = tr(
        "Back-propagation applies the chain rule from the loss back to the input, one layer at a time. "
        "It starts at the scores with dL/dz_k = p_k − y_k: for the true class {y} that is {p} − 1 = {d}. "
        "The maps now show dL/d(output) of every layer: red where a larger value would raise the loss, "
        "blue where it would lower it. At the input, pixel (row {r}, column {col}) has the largest "
        "gradient, {g}."
    )
    words = {"y": p.name(p.label), "r": int(r), "col": int(col)}
    columns = (-1, *range(len(trace.layers)))
    return _stop(
        "backward",
        tr("Gradients flow back"),
        text,
        numbers,
        words,
        columns=columns,
        quantity="gradient",
        detail=Detail("backward", dense, p.label),
    )


def _update_stop(p: TourProblem) -> Stop:
    from explainer.core.passes import learn_step

    result = learn_step(p.model, p.x.reshape(1, *p.model.input_shape), p.label, TOUR_LR)
    largest = {
        index: max(float(np.abs(delta).max()) for delta in deltas.values())
        for index, deltas in result.deltas.items()
    }
    where = max(largest, key=largest.__getitem__)
    p_before, p_after = _percent_pair(float(result.probs_before[p.label]), float(result.probs_after[p.label]))
    numbers = {
        "lr": Number(TOUR_LR, f"{TOUR_LR:g}"),
        "before": _significant(result.loss_before, 4),
        "after": _significant(result.loss_after, 4),
        "pb": p_before,
        "pa": p_after,
        "dw": _significant(largest[where]),
    }
    if result.loss_after <= result.loss_before:
        change = tr(
            "After this one step the loss for this input drops from {before} to {after}, and p({y}) goes "
            "from {pb} to {pa}."
        )
    else:
        change = tr(
            "After this one step the loss for this input goes from {before} to {after} (the step was too "
            "large and overshot), and p({y}) goes from {pb} to {pa}."
        )
    text = _sentences(
        tr(
            "Gradient descent moves every weight a little against its gradient: W ← W − lr · dL/dW, "
            "with lr = {lr}."
        ),
        change,
        tr(
            "The largest change of a single weight, {dw}, is in {layer}. The tour works on a copy: your "
            "network stays as it was."
        ),
    )
    words = {"y": p.name(p.label), "layer": p.model.layers[where].name}
    return _stop(
        "update",
        tr("One SGD step: what changed"),
        text,
        numbers,
        words,
        columns=tuple(sorted(result.deltas)),
        widgets=("prediction",),
        detail=Detail("learn", -1, p.label),
    )


def build_stops(problem: TourProblem) -> list[Stop]:
    """Every stop of the tour for ``problem``, in order; stops for layer kinds the model lacks are left out.

    The reference network gives twelve stops. Texts are in the current language.
    """
    kinds = [record.kind for record in problem.trace.layers]
    stops = [_draw_stop(problem), _input_stop(problem)]
    conv = _first(kinds, CONV_KINDS)
    channel = 0
    after = 0
    if conv is not None:
        stops += [_conv_stop(problem, conv), _maps_stop(problem, conv)]
        channel = _strongest(problem.trace.layers[conv].output[0])[0]
        after = conv + 1
    activation = _first(kinds, ACTIVATION_KINDS, after)
    if activation is not None:
        stops.append(_activation_stop(problem, activation, channel))
        after = activation + 1
    pool = _first(kinds, POOL_KINDS, after)
    if pool is not None:
        between = list(problem.trace.layers[after:pool])
        stops.append(_pool_stop(problem, pool, channel, between))
        after = pool + 1
    flatten = _first(kinds, registry.kinds("flatten"), after)
    denses = [i for i, kind in enumerate(kinds) if kind in registry.kinds("dense")]
    dense = denses[-1] if denses else None
    end = next((i for i in (flatten, dense) if i is not None), len(kinds))
    if end > after:
        stops.append(_deeper_stop(problem, list(range(after, end))))
    if dense is not None:
        stops.append(_dense_stop(problem, dense, flatten))
    scores = dense if dense is not None else len(kinds) - 1
    stops += [
        _softmax_stop(problem, scores),
        _loss_stop(problem),
        _backward_stop(problem, scores),
        _update_stop(problem),
    ]
    return stops
