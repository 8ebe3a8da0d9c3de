"""Learn mode: a guided tour through one whole training step on the student's own digit (objectName "tour").

The tour walks from the drawing to one SGD step in twelve stops: draw → the 28x28 input → one kernel
sliding → the layer's feature maps → ReLU → pooling → deeper layers → flatten/dense → softmax → loss →
gradients flowing back → one SGD step. At every stop the relevant part of the main window is lit by a
spotlight (``Spotlight``), the view that explains it opens beside the window (``TourViewWindow``), and a
short narration quotes the numbers of the current digit.

Layers are found by ``kind`` (never by name), so a loaded model of another shape gets the stops it has.

- ``build_stops(problem)`` makes the stops without any widget: every number quoted in a narration is a
  ``Number`` holding the exact value taken from the ``Trace`` (or the core's step generators) and the text
  shown, so tests can check one against the other.
- ``TourController`` holds the stops and the current one, lights the window and opens the views; it
  follows the drawing (new numbers) and the language.
- ``TourPanel`` is the narration with Back/Next, the progress ("Stop 3 of 12" and dots) and the keys
  (Right/PageDown, Left/PageUp, Esc leaves). The stop reached is remembered in QSettings, so leaving and
  coming back resumes there.

Wiring into the main window: ``install_tour(window)`` docks the panel and adds "Learn mode" to the Help
menu. Run alone: ``python -m explainer.gui.tour``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from explainer.core import LayerRecord, Sequential, Trace, conv_steps, pool_steps
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit.samples import sample_digit
from explainer.gui.layers import registry
from explainer.gui.state import Target

if TYPE_CHECKING:
    from explainer.gui.mainwindow import MainWindow

TOUR_LR = 0.05
"""Learning rate of the SGD step at the last stop (the same default as the Learn and Stepper views)."""

STOP_KEY = "tour/stop"
"""QSettings key of the stop reached, so that the tour resumes there."""

REFRESH_DELAY_MS = 200
"""After the drawing changes, the narration waits this long, so a stroke does not rebuild it per move."""

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
    """The digit the tour explains, its label and the full trace with gradients.

    Shape:
        x: ``(H, W)`` raw pixels in [0, 1] (the network input, as ``AppState.input``);
        trace: ``model.trace(x[None, None], [label])``, whose forward numbers equal the window's trace.
    """

    model: Sequential
    x: np.ndarray
    label: int
    from_sample: bool
    trace: Trace

    @classmethod
    def make(cls, model: Sequential, x: np.ndarray, label: int, from_sample: bool) -> TourProblem:
        """Trace ``x`` against ``label`` with ``model``."""
        x = np.asarray(x, np.float32)
        trace = model.trace(x.reshape(1, *model.input_shape), np.array([label]))
        return cls(model, x, int(label), from_sample, trace)


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
    stride, padding = int(record.config["stride"]), int(record.config["padding"])
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
    names = p.model.class_names
    k = int(p.trace.prediction[0])
    numbers = {"p": _percent(p.trace.probs[0, k])}
    if p.from_sample:
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
    words = {"label": names[p.label], "guess": names[k]}
    return _stop("draw", tr("Draw a digit"), text, numbers, words, widgets=("canvas",))


def _input_stop(p: TourProblem) -> Stop:
    x = p.trace.input[0]
    numbers = {"n": _count(x.size), "ink": _count(int((x > 0).sum())), "brightest": _fixed(float(x.max()), 3)}
    mean, std = float(p.model.input_mean), float(p.model.input_std)
    text = tr(
        "The canvas is cropped to the digit, scaled to fit 20×20 pixels and centred in a 28×28 image, "
        "like the MNIST digits: {n} numbers from 0 (black) to 1 (white). {ink} of them carry ink; the "
        "brightest is {brightest}."
    )
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
        {},
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
    return _stop(
        "conv",
        tr("One kernel slides over the image"),
        text,
        numbers,
        words,
        columns=(index,),
        maps=((index, c),),
        detail=Detail("layer", index, c, r * width + col),
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
    return _stop(
        "maps",
        tr("{layer}: the feature maps").format(layer=record.name),
        text,
        numbers,
        words,
        columns=(index,),
        maps=((index, c),),
        detail=Detail("map", index, c),
    )


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
    return _stop(
        "relu",
        title,
        text,
        numbers,
        words,
        columns=(index,),
        maps=((index, channel),),
        detail=Detail("layer", index, channel, r * width + col),
    )


def _pool_stop(p: TourProblem, index: int, channel: int, between: list[LayerRecord]) -> Stop:
    from explainer.gui.layers.pool import pool_mode

    record = p.trace.layers[index]
    size, stride = int(record.config["size"]), int(record.config["stride"])
    channel = min(channel, record.input.shape[1] - 1)
    mode = pool_mode(record.kind)
    steps = list(pool_steps(record.input[0, channel], size, stride, mode))
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
    if mode == "max":
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
    return _stop(
        "pool",
        tr("Pooling: smaller maps"),
        text,
        numbers,
        words,
        columns=(index,),
        maps=((index, channel),),
        detail=Detail("layer", index, channel, best.row * width + best.col),
    )


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
    text = tr(
        "The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at once, "
        "{c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine strokes into larger parts "
        "of a digit: in map {c} at row {r}, column {col} the window sums to {s}, plus bias {b} gives {v}. "
        "Along the way the maps go from {before} to {after}: smaller, but more of them."
    )
    width = record.output.shape[3]
    return _stop(
        "deeper",
        tr("Deeper layers: from strokes to parts"),
        text,
        numbers,
        words,
        columns=tuple(indices),
        maps=((conv, c),),
        detail=Detail("layer", conv, c, r * width + col),
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
    words = {"dense": record.name, "name": p.model.class_names[k]}
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
    return _stop(
        "dense",
        tr("Flatten and dense: one score per class"),
        text,
        numbers,
        words,
        columns=columns,
        maps=((dense, k),),
        detail=Detail("layer", dense, k),
    )


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
        {"name": p.model.class_names[k]},
        widgets=("prediction",),
        columns=(dense,),
        detail=Detail("layer", dense, k),
    )


def _loss_stop(p: TourProblem) -> Stop:
    y = p.model.class_names[p.label]
    numbers = {"p": _probability(p.trace.probs[0, p.label]), "L": _significant(float(p.trace.loss), 4)}
    if p.from_sample:
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
    words = {"y": p.model.class_names[p.label], "r": int(r), "col": int(col)}
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
            "After this one step the loss for your digit drops from {before} to {after}, and p({y}) goes "
            "from {pb} to {pa}."
        )
    else:
        change = tr(
            "After this one step the loss for your digit goes from {before} to {after} (the step was too "
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
    words = {"y": p.model.class_names[p.label], "layer": p.model.layers[where].name}
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


# ---- the spotlight over the main window ---------------------------------------------------------------


class Spotlight(QWidget):
    """Dims the window's central area except the lit regions, which get an accent outline.

    A transparent child of the window on top of everything else; mouse events pass through, so the student
    can keep drawing and clicking. The regions are callables asked at every paint, so they follow any
    re-layout (resizing, zoom, a docked panel appearing).
    """

    def __init__(self, window: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__(window)
        self.setObjectName("tour_spotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._area = area
        self._regions: Callable[[], list[QRect]] = list
        self._focus: Callable[[], list[QRect]] = list
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.hide()

    def set_regions(self, regions: Callable[[], list[QRect]], focus: Callable[[], list[QRect]]) -> None:
        """Light ``regions()``, outline ``focus()`` more strongly (window coordinates) and show."""
        self._regions, self._focus = regions, focus
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.update()

    def regions(self) -> list[QRect]:
        """The lit regions now, in window coordinates."""
        return [rect for rect in self._regions() if not rect.isEmpty()]

    def watch(self, widget: QWidget) -> None:
        """Repaint whenever ``widget`` moves or is resized (its regions move with it)."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's size and the watched widgets' layout."""
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Move,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        ):
            if watched is self.parentWidget():
                self.setGeometry(self.parentWidget().rect())
            self.update()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Dim the area outside the regions, then outline the regions and the focus.

        Nothing is painted while no region is on screen (e.g. another tab is in front).
        """
        regions = self.regions()
        if not regions:
            return
        palette = theme.current()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pad = theme.px(4)
            lit = QRegion()
            for rect in regions:
                lit = lit.united(QRegion(rect.adjusted(-pad, -pad, pad, pad)))
            dim = QRegion(self._area()).subtracted(lit)
            painter.setClipRegion(dim)
            painter.fillRect(self.rect(), QColor(0, 0, 0, 120 if palette.dark else 80))
            painter.setClipping(False)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rects, width in ((regions, 2.5), (self._focus(), 4.0)):
                painter.setPen(QPen(palette.accent, theme.px(width)))
                for rect in rects:
                    if not rect.isEmpty():
                        painter.drawRoundedRect(rect.adjusted(-pad, -pad, pad, pad), pad, pad)


# ---- the window that shows each stop's view ------------------------------------------------------------


class _ViewScroll(QScrollArea):
    """A stop's view: never narrower than the view needs (the window widens with it), scrolling up and
    down when the view is taller than the window beside the lit region."""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.setObjectName("tour_view_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(view)

    def minimumSizeHint(self) -> QSize:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(self.widget().minimumSizeHint().width() + bar, super().minimumSizeHint().height())

    def event(self, event: QEvent) -> bool:
        """The view's least size changed (its parts laid out): tell the window, which then widens."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)


class TourViewWindow(QWidget):
    """A tool window beside the main window holding the view of the current stop (objectName "tour_view").

    It is shown without taking the keyboard focus, so the tour's keys keep working, and placed on the side
    of the main window away from the lit region.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, Qt.WindowType.Tool)
        self.setObjectName("tour_view")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: QWidget | None = None
        self._scroll = QWidget()

    def view(self) -> QWidget | None:
        """The view shown now."""
        return self._view

    def set_view(self, view: QWidget | None, title: str) -> None:
        """Show ``view`` (None: hide the window); the previous view is deleted."""
        if self._view is not None:
            self._layout.removeWidget(self._scroll)
            self._scroll.deleteLater()  # and the view in it
        self._view = view
        if view is None:
            self.hide()
            return
        if isinstance(view, QDialog):
            view.setWindowFlags(Qt.WindowType.Widget)  # a dialog's content, embedded here
        # The window is placed beside the lit region, at most its height: a taller view scrolls.
        self._scroll = _ViewScroll(view)
        self._layout.addWidget(self._scroll)
        self._scroll.show()
        view.show()
        self.setWindowTitle(title)

    def place(self, main: QWidget, lit: QRect, bottom: int) -> None:
        """Size and move to the side of ``main`` with more room beside ``lit`` (window coordinates).

        The window takes the free width beside the lit region (at least what the view needs) and ends at
        ``bottom`` (the bottom of the main window's central area, so the tour's dock stays readable) unless
        the view needs more height than there is above it.
        """
        frame = main.geometry()
        # The view's own least size, its layout brought up to date: the window is at least as wide (a
        # view taller than the room scrolls).
        least = self.minimumSizeHint()
        if self._view is not None:
            least = least.expandedTo(self._view.minimumSizeHint())
        room_left, room_right = (
            (main.width(), 0) if lit.isEmpty() else (lit.left(), main.width() - lit.right())
        )
        on_right = room_right > room_left
        wanted = min(round(frame.width() * 0.56), max(room_left, room_right) - theme.px(12))
        width = min(max(least.width(), theme.px(520), wanted), frame.width())
        height = max(least.height(), theme.px(360), round(frame.height() * 0.6))
        x = frame.right() + 1 - width if on_right else frame.left()
        y = max(frame.top(), frame.top() + bottom - height)
        self.setGeometry(x, y, width, height)
        if not self.isVisible():
            self.show()


# ---- the controller -------------------------------------------------------------------------------------


class TourController(QObject):
    """Runs the tour on a ``MainWindow``: the stops, the current one, the spotlight and the open view.

    The window is used only through its public widgets (``state``, ``canvas``, ``input_preview``,
    ``overview``). While the tour runs it follows the drawing: a new digit gives new numbers at the same
    stop. At the gradient stop it traces the window's input against the label (``state.set_target``, i.e.
    Backward mode) so the overview shows gradients; leaving that stop puts the window's target back.

    Signals:
        sigStopChanged(index): the stop shown changed (also when its numbers or language changed).
        sigLeft(): the tour was left (Esc, Leave, or Finish at the last stop).
    """

    sigStopChanged = Signal(int)
    sigLeft = Signal()

    def __init__(
        self, window: MainWindow, settings: QSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._settings = settings if settings is not None else QSettings()
        self._problem: TourProblem | None = None
        self._stops: list[Stop] = []
        self._index = 0
        self._active = False
        self._chosen_label: int | None = None
        self._saved_target: Target | np.ndarray | None = None
        self._target_set = False
        self._detail: Detail | None = None
        self.spotlight = Spotlight(window, self._central_area)
        for widget in (window.centralWidget(), window.overview, window.canvas):
            self.spotlight.watch(widget)
        window.centralWidget().installEventFilter(self)
        self.view_window = TourViewWindow(window)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._follow_drawing)
        window.state.sigTraceChanged.connect(self._trace_changed)
        theme.notifier().sigChanged.connect(self.spotlight.update)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the view window beside the central area when it changes size (e.g. the dock appears)."""
        if event.type() == QEvent.Type.Resize and self._active and self.view_window.view() is not None:
            self._place_view()
        return False

    # ---- public API

    def is_active(self) -> bool:
        """True while the tour runs."""
        return self._active

    def stops(self) -> list[Stop]:
        """Every stop, in order (empty before ``start``)."""
        return list(self._stops)

    def index(self) -> int:
        """The index of the stop shown (0-based)."""
        return self._index

    def current(self) -> Stop | None:
        """The stop shown, or None before ``start``."""
        return self._stops[self._index] if self._stops else None

    def problem(self) -> TourProblem | None:
        """The digit, label and trace the narration is about."""
        return self._problem

    def saved_index(self) -> int:
        """The stop the tour resumes at (0 when never left midway)."""
        value = self._settings.value(STOP_KEY, 0, type=int)
        return value if isinstance(value, int) and value >= 0 else 0

    def start(self, resume: bool = True) -> None:
        """Begin (or resume at the remembered stop); a blank canvas first gets a sample digit."""
        window = self.window
        # The tour lights up the overview, so the Network tab with the overview (not a layer view) goes first.
        window.show_page("network")
        window.show_overview()
        self._restore_target()  # started again while running: the window's own target comes back first
        from_sample = False
        if window.state.input is None and not window.canvas.is_blank():
            window.state.set_image(window.canvas.pixels())  # a stroke the window has not traced yet
        if window.state.input is None:
            image, label = sample_digit(window.state.dataset)
            window.canvas.set_image(image)
            # Trace now rather than on the window's next update, so the first stop has its numbers.
            window.state.set_image(window.canvas.pixels(), label)
            self._chosen_label, from_sample = label, True
        else:
            # The window's one target: a known or chosen true label is the tour's label; else the prediction.
            self._chosen_label = window.state.label
        self._saved_target = window.state.target
        self._active = True
        self._rebuild(from_sample)
        self.go(min(self.saved_index(), len(self._stops) - 1) if resume else 0)

    def set_label(self, label: int) -> None:
        """Use ``label`` as the true class y from the loss on (the narration's numbers follow)."""
        if self._problem is None or label == self._problem.label:
            return
        self._chosen_label = int(label)
        self._rebuild(self._problem.from_sample)
        self._show()

    def go(self, index: int) -> None:
        """Show stop ``index`` (clamped) and remember it; nothing happens while the tour is not running."""
        if not self._active or not self._stops:
            return
        self._index = min(max(int(index), 0), len(self._stops) - 1)
        self._settings.setValue(STOP_KEY, self._index)
        self._show()

    def next(self) -> None:
        """The next stop; after the last one the tour ends (and starts from the beginning next time)."""
        if self._index + 1 < len(self._stops):
            self.go(self._index + 1)
        else:
            self._settings.setValue(STOP_KEY, 0)
            self.leave(remember=False)

    def back(self) -> None:
        """The previous stop."""
        self.go(self._index - 1)

    def leave(self, remember: bool = True) -> None:
        """End the tour, putting the window back as it was; ``remember`` keeps the stop for resuming."""
        if not self._active:
            return
        if remember:
            self._settings.setValue(STOP_KEY, self._index)
        self._active = False
        self._refresh_timer.stop()
        self.spotlight.hide()
        self._restore_target()
        self._detail = None
        self.view_window.set_view(None, "")
        self.sigLeft.emit()

    def retranslate(self) -> None:
        """Rebuild the texts in the current language (the numbers stay), the open view included."""
        if self._problem is not None:
            self._stops = build_stops(self._problem)
            if self._active:
                self._detail = None  # views set their texts when built, so build it again
                self._show()

    def detail_view(self) -> QWidget | None:
        """The view opened for the current stop, or None."""
        return self.view_window.view()

    # ---- building and showing

    def _rebuild(self, from_sample: bool) -> None:
        """Make the problem from the window's current input and the label, and the stops from it."""
        state = self.window.state
        model, x = state.model, state.input
        batch = x.reshape(1, *model.input_shape)
        label = (
            self._chosen_label
            if self._chosen_label is not None
            else int(model.predict_proba(batch)[0].argmax())
        )
        self._problem = TourProblem.make(model, x, label, from_sample)
        self._stops = build_stops(self._problem)
        self._index = min(self._index, len(self._stops) - 1)

    def _show(self) -> None:
        """Light the window, set the overview's quantity and open the view of the current stop."""
        stop = self._stops[self._index]
        self._set_gradients(stop.quantity == "gradient")
        self._reveal(stop)
        self.spotlight.set_regions(lambda: self._regions(stop), lambda: self._focus(stop))
        if stop.detail != self._detail:
            self._detail = stop.detail
            self.view_window.set_view(self._make_view(stop.detail), stop.title)
        elif stop.detail is not None:
            self.view_window.setWindowTitle(stop.title)
        if stop.detail is not None:
            self._place_view()
        self.sigStopChanged.emit(self._index)

    def _place_view(self) -> None:
        """Put the view window away from the lit region, above the tour's dock if there is one."""
        window = self.window
        lit = QRect()
        for rect in self.spotlight.regions():
            lit = lit.united(rect)
        area = self._central_area()
        self.view_window.place(window, lit, area.bottom())

    def _set_gradients(self, on: bool) -> None:
        """Trace against the tour's label at a backward stop, and without a target at a forward one.

        The window's mode follows the target, so the overview shows dL/d(output) or the forward maps
        whatever mode the window was in before the tour; ``_restore_target`` puts that mode back.
        """
        state = self.window.state
        target = Target("label", self._problem.label) if on and self._problem is not None else None
        if target is None:
            same = state.target is None
        else:
            same = isinstance(state.target, Target) and state.target == target
        if not same:
            self._target_set = True
            state.set_target(target)

    def _restore_target(self) -> None:
        """Give the window back the target (and so the mode) it had before the tour."""
        if self._target_set:
            self._target_set = False
            self.window.state.set_target(self._saved_target)

    def _make_view(self, detail: Detail | None) -> QWidget | None:
        """The view a stop asks for, showing the tour's digit."""
        if detail is None or self._problem is None:
            return None
        problem = self._problem
        trace = problem.trace
        if detail.kind == "map":
            from explainer.gui.network.mapdetail import MapDetailDialog

            return MapDetailDialog(trace, detail.layer_index, detail.channel)
        if detail.kind == "layer":
            from explainer.gui.layers.registry import make_detail_view

            view = make_detail_view(trace, detail.layer_index, detail.channel)
            if detail.step is not None:
                view.player.set_step(detail.step)
            return view
        if detail.kind == "stepper":
            from explainer.gui.pages.stepper import StepperView

            stepper = StepperView()
            stepper.set_problem(problem.model, problem.x, problem.label)
            stepper.player.set_step(detail.step or 0)
            return stepper
        if detail.kind == "backward":
            from explainer.gui.layers.registry import make_backward_view

            return make_backward_view(trace, detail.layer_index, detail.channel)
        from explainer.gui.pages.learn import LearnView

        learn = LearnView(load_bundled=lambda: problem.model)
        learn.set_model(problem.model)
        learn.set_input(problem.x)
        learn.set_label(problem.label)
        learn.set_lr(TOUR_LR)
        learn.apply_step()
        return learn

    # ---- where things are in the window

    def _to_window(self, widget: QWidget, rect: QRect) -> QRect:
        """``rect`` in ``widget`` coordinates, mapped into the window."""
        return QRect(widget.mapTo(self.window, rect.topLeft()), rect.size())

    def _central_area(self) -> QRect:
        """The window's central widget (what the spotlight may dim), in window coordinates."""
        central = self.window.centralWidget()
        return self._to_window(central, central.rect())

    def _column(self, layer_index: int) -> list[QRect]:
        """The overview column of ``layer_index``: its title and its maps, in window coordinates."""
        overview = self.window.overview
        trace = self._problem.trace
        array = trace.input if layer_index == -1 else trace.layers[layer_index].output
        units = array.shape[1]
        # Maps of a column lie in a grid; a long vector is a strip, spanned by its first and last cell.
        channels = range(units) if array.ndim == 4 or units <= 64 else (0, units - 1)
        rect = QRect()
        for channel in channels:
            rect = rect.united(overview.map_rect(layer_index, channel))
        rects = [rect]
        titles = overview.column_title_rects()
        position = layer_index + 1
        if position < len(titles):
            rects.append(titles[position].toAlignedRect())
        return [self._to_window(overview, r) for r in rects]

    def _regions(self, stop: Stop) -> list[QRect]:
        """Every region a stop lights that is on screen now, in window coordinates."""
        window = self.window
        rects = []
        if window.overview.isVisible():
            for index in stop.columns:
                rects += self._column(index)
        named = {
            "canvas": window.canvas,
            "input_preview": window.input_preview,
            "prediction": window.overview.prediction_view(),
        }
        for name in stop.widgets:
            widget = named[name]
            if widget.isVisible():
                rects.append(self._to_window(widget, widget.rect()))
        return rects

    def _reveal(self, stop: Stop) -> None:
        """Scroll a zoomed (or cramped) overview so that what the stop lights in it is in sight."""
        overview = self.window.overview
        if not overview.isVisible():
            return
        rects = [rect for index in stop.columns for rect in self._column(index)] + self._focus(stop)
        if "prediction" in stop.widgets:
            prediction = overview.prediction_view()
            rects.append(self._to_window(prediction, prediction.rect()))
        lit = QRect()
        for rect in rects:
            lit = lit.united(rect)
        overview.reveal(QRect(overview.mapFrom(self.window, lit.topLeft()), lit.size()))

    def _focus(self, stop: Stop) -> list[QRect]:
        """The single maps a stop outlines, in window coordinates (none while the overview is hidden)."""
        overview = self.window.overview
        if not overview.isVisible():
            return []
        return [self._to_window(overview, overview.map_rect(layer, channel)) for layer, channel in stop.maps]

    # ---- following the drawing

    def _trace_changed(self, trace: Trace | None) -> None:
        """A new drawing (or label, or model): rebuild the narration once the strokes pause."""
        if self._active and trace is not None:
            self._refresh_timer.start()

    def _follow_drawing(self) -> None:
        """Rebuild the stops when the input or the model changed (not for the tour's own target change).

        A new model (e.g. a training snapshot) keeps the digit and its label; a new digit takes its
        prediction.
        """
        state, problem = self.window.state, self._problem
        if not self._active or state.input is None or problem is None:
            return
        same_input = bool(np.array_equal(problem.x, state.input))
        if problem.model is state.model and same_input:
            return
        if not same_input:
            self._chosen_label = None  # a new digit: its label is the new prediction until one is chosen
        self._detail = None  # the open view shows the old digit or weights
        self._rebuild(from_sample=problem.from_sample and same_input)
        self._show()


# ---- the panel ------------------------------------------------------------------------------------------


class StopDots(QWidget):
    """One dot per stop: the current one large in the accent colour, visited ones filled; click to jump.

    Signals:
        sigClicked(index): a dot was clicked.
    """

    sigClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tour_dots")
        self._count, self._current = 0, 0
        self._titles: list[str] = []
        self.setMouseTracking(True)
        theme.notifier().sigChanged.connect(self.updateGeometry)

    def set_stops(self, titles: list[str], current: int) -> None:
        """Show ``len(titles)`` dots with ``current`` highlighted; titles become the tooltips."""
        self._titles, self._count, self._current = titles, len(titles), current
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """Room for every dot."""
        return QSize(self._pitch() * max(self._count, 1), theme.px(18))

    def _pitch(self) -> int:
        """Distance between dot centres."""
        return theme.px(16)

    def _index_at(self, x: float) -> int | None:
        """The dot under horizontal position ``x``, or None."""
        index = int(x // self._pitch())
        return index if 0 <= index < self._count else None

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the dots."""
        palette = theme.current()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pitch, middle = self._pitch(), self.height() / 2
            for index in range(self._count):
                centre = QPointF(index * pitch + pitch / 2, middle)
                radius = pitch * (0.36 if index == self._current else 0.24)
                if index == self._current:
                    colour = palette.accent
                elif index < self._current:
                    colour = palette.muted
                else:
                    colour = palette.frame
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(colour if index <= self._current else Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius, radius)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Name the stop under the pointer."""
        index = self._index_at(event.position().x())
        self.setToolTip("" if index is None else self._titles[index])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Jump to the clicked stop."""
        index = self._index_at(event.position().x())
        if index is not None:
            self.sigClicked.emit(index)


NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


class TourPanel(FollowsLanguage, QWidget):
    """The tour's narration and controls (objectName "tour"), meant for a dock at the bottom of the window.

    Keys while the panel has the focus: Right or PageDown next, Left or PageUp back, Esc leaves.
    PageDown/PageUp also work anywhere in the main window while the tour runs. ``action`` (objectName
    "tour_action", F2) starts the tour; put it in a menu.

    Signals:
        sigLeft(): the tour ended; hide the panel's dock.
    """

    sigLeft = Signal()

    def __init__(
        self, window: MainWindow, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tour")
        self.controller = TourController(window, settings, self)
        self.controller.sigStopChanged.connect(self._show_stop)
        self.controller.sigLeft.connect(self._left)

        self.heading = QLabel()
        self.heading.setObjectName("tour_title")
        self.narration = QLabel()
        self.narration.setObjectName("tour_narration")
        self.narration.setWordWrap(True)
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        self.narration.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.narration.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.narration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QLabel()
        self.progress.setObjectName("tour_progress")
        self.dots = StopDots()
        self.dots.sigClicked.connect(self.controller.go)
        self.label_text = QLabel()
        self.label_box = QComboBox()
        self.label_box.setObjectName("tour_label")
        self.label_box.activated.connect(self.controller.set_label)
        self.restart_button = QPushButton()
        self.restart_button.setObjectName("tour_restart")
        self.restart_button.clicked.connect(lambda: self.controller.go(0))
        self.back_button = QPushButton()
        self.back_button.setObjectName("tour_back")
        self.back_button.clicked.connect(self.controller.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("tour_next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.controller.next)
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("tour_leave")
        self.leave_button.clicked.connect(self.leave)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.progress)
        top.addWidget(self.dots)
        controls = QHBoxLayout()
        controls.addWidget(self.label_text)
        controls.addWidget(self.label_box)
        controls.addStretch(1)
        for button in (self.restart_button, self.leave_button, self.back_button, self.next_button):
            controls.addWidget(button)
            # A focused button would take the arrows to move the focus; the tour's keys come first.
            button.installEventFilter(self)
        layout = QVBoxLayout(self)
        margin = theme.px(theme.MARGIN_PX) // 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addLayout(top)
        layout.addWidget(self.narration, 1)
        layout.addLayout(controls)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.action = QAction(self)
        self.action.setObjectName("tour_action")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.action.triggered.connect(lambda _checked=False: self.start())
        window.addAction(self.action)
        self._page_keys: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_PageDown, self.controller.next),
            (Qt.Key.Key_PageUp, self.controller.back),
        ):
            for host in (window, self.controller.view_window):
                shortcut = QShortcut(QKeySequence(key), host)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setEnabled(False)
                shortcut.activated.connect(slot)
                self._page_keys.append(shortcut)
        self.retranslate_ui()
        self._apply_theme()
        theme.notifier().sigChanged.connect(self._apply_theme)

    def sizeHint(self) -> QSize:
        """Room for the title, about four lines of narration and the buttons."""
        lines = QFontMetrics(self.narration.font()).lineSpacing() * 4
        base = super().sizeHint()
        return QSize(
            base.width(),
            self.heading.sizeHint().height()
            + lines
            + self.next_button.sizeHint().height()
            + theme.px(theme.MARGIN_PX) * 2,
        )

    def start(self, resume: bool = True) -> None:
        """Start the tour (resuming at the remembered stop unless ``resume`` is False) and take the focus."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
        self.show()
        self.controller.start(resume)
        for shortcut in self._page_keys:
            shortcut.setEnabled(True)
        self.setFocus()

    def leave(self) -> None:
        """Leave the tour; the stop is remembered for next time."""
        self.controller.leave()

    def _left(self) -> None:
        """The tour ended: PageDown/PageUp belong to the window again; tell the dock."""
        for shortcut in self._page_keys:
            shortcut.setEnabled(False)
        self.sigLeft.emit()

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language, narration included."""
        self.action.setText(tr("&Learn mode: a guided tour"))
        self.action.setToolTip(
            tr("Walk through one forward and backward pass on your digit, stop by stop (F2)")
        )
        self.action.setStatusTip(self.action.toolTip())
        self.label_text.setText(tr("True label y:"))
        self.label_box.setToolTip(tr("The class your digit really is; the loss and gradients follow it"))
        self.restart_button.setText(tr("Start over"))
        self.restart_button.setToolTip(tr("Go back to the first stop"))
        self.back_button.setText(tr("◀ Back"))
        self.back_button.setToolTip(tr("Previous stop (Left or Page Up)"))
        self.leave_button.setText(tr("Leave"))
        self.leave_button.setToolTip(tr("Leave the tour; it resumes at this stop next time (Esc)"))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Learn mode"))
        self.controller.retranslate()
        self._show_stop(self.controller.index())

    def event(self, event: QEvent) -> bool:
        """Claim the tour's keys before the window's shortcuts (Esc would otherwise clear the canvas)."""
        if event.type() == QEvent.Type.ShortcutOverride and self._tour_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Give the tour's keys to the panel while one of its buttons has the focus."""
        if event.type() == QEvent.Type.KeyPress and self._tour_key(event):  # type: ignore[arg-type]
            self.keyPressEvent(event)  # type: ignore[arg-type]
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Right/PageDown next, Left/PageUp back, Esc leaves."""
        key = event.key()
        if key in NEXT_KEYS:
            self.controller.next()
        elif key in BACK_KEYS:
            self.controller.back()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)

    def _tour_key(self, event: QKeyEvent) -> bool:
        """True for an unmodified key the tour handles."""
        keys = (*NEXT_KEYS, *BACK_KEYS, Qt.Key.Key_Escape)
        return event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in keys

    def _show_stop(self, index: int) -> None:
        """Show the narration, progress and buttons of stop ``index``."""
        stops = self.controller.stops()
        last = index + 1 >= len(stops)
        self.next_button.setText(tr("Finish") if last else tr("Next ▶"))
        self.next_button.setToolTip(
            tr("End the tour (Right or Page Down)") if last else tr("Next stop (Right or Page Down)")
        )
        if not stops:
            self.heading.setText(tr("Learn mode"))
            return
        stop = stops[index]
        self.heading.setText(stop.title)
        self.narration.setText(stop.text)
        self.progress.setText(tr("Stop {i} of {n}").format(i=index + 1, n=len(stops)))
        self.dots.set_stops([s.title for s in stops], index)
        self.back_button.setEnabled(index > 0)
        self.restart_button.setEnabled(index > 0)
        problem = self.controller.problem()
        if problem is not None:
            names = [str(name) for name in problem.model.class_names]
            if [self.label_box.itemText(i) for i in range(self.label_box.count())] != names:
                self.label_box.clear()
                self.label_box.addItems(names)
            self.label_box.setCurrentIndex(problem.label)

    def _apply_theme(self) -> None:
        self.heading.setFont(theme.font(1.3, bold=True))
        self.narration.setFont(theme.font(1.15))
        self.progress.setFont(theme.font(0.95))


class TourDock(QDockWidget):
    """The dock holding the ``TourPanel`` (objectName "tour_dock"); closing it leaves the tour."""

    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.setObjectName("tour_dock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        self.panel = TourPanel(window, settings, self)
        self.setWidget(self.panel)
        self.setWindowTitle(tr("Learn mode"))
        self.panel.sigLeft.connect(self.hide)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The dock's close button leaves the tour (the stop is remembered)."""
        self.panel.leave()
        super().closeEvent(event)


def install_tour(window: MainWindow, settings: QSettings | None = None) -> TourPanel:
    """Dock a ``TourPanel`` at the bottom of ``window`` (hidden until started) and add it to the Help menu.

    The panel's action ("Learn mode", F2) goes first in ``window.help_menu``; starting the tour shows the
    dock, leaving the tour hides it, and closing the dock leaves the tour.
    """
    dock = TourDock(window, settings)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, dock.panel.action)
    if first is not None:
        window.help_menu.insertSeparator(first)
    return dock.panel


def start(window: MainWindow, settings: QSettings | None = None) -> TourPanel:
    """Start the tour on ``window``, installing its dock on first use; returns the panel."""
    panel = window.findChild(TourPanel)
    if panel is None:
        panel = install_tour(window, settings)
    panel.start()
    return panel


def main() -> None:
    """Open the main window with the tour running: ``python -m explainer.gui.tour``."""
    from PySide6.QtWidgets import QApplication

    from explainer.gui.i18n import install_saved_language
    from explainer.gui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    install_saved_language(app)
    window = MainWindow()
    window.show()
    start(window)
    app.exec()


if __name__ == "__main__":
    main()
