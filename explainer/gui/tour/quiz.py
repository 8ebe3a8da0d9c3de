"""Predict, then reveal: the questions the tour asks at some stops, and the score of one run.

At the feature maps it asks the size of the layer's output, at ReLU whether a value's gradient will be
zero, at pooling which window gives a pooled value. Every question is made from the tour's ``Trace``: its
choices and the index of the right one are computed from the recorded numbers (the output's shape, the
recorded dL/dx, the windows of the recorded input), so the answer checked is the live one. The stop's
narration, which gives the answer away, is shown once the question is answered.

No widget here; ``build_questions(problem, stops)`` gives one :class:`Question` per stop key that has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from explainer.core.ops import output_size
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.layers.pool import pool_mode
from explainer.gui.layers.poolgrid import whole_windows
from explainer.gui.tour.stops import Stop, TourProblem

POOL_CHOICES = 4
"""Windows offered at the pooling question: the right one and the next strongest others."""


@dataclass(frozen=True)
class Question:
    """One question of the tour: its prompt, the choices, which is right, and the answer explained.

    Attributes:
        key: the stop it belongs to ("maps", "relu", "pool").
        prompt, choices, explanation: texts in the current language.
        answer: the index of the right choice, computed from the trace.
    """

    key: str
    prompt: str
    choices: tuple[str, ...]
    answer: int
    explanation: str


@dataclass
class QuizScore:
    """The answers of one run of the tour, by stop key (the first answer counts; a run starts with F2)."""

    answers: dict[str, bool] = field(default_factory=dict)

    def record(self, key: str, right: bool) -> None:
        """Count the first answer given at stop ``key``; later ones do not change the score."""
        self.answers.setdefault(key, right)

    @property
    def right(self) -> int:
        """Questions answered right."""
        return sum(self.answers.values())

    @property
    def answered(self) -> int:
        """Questions answered."""
        return len(self.answers)


def _number(value: float) -> str:
    """Three significant digits with a true minus sign: a value near zero must not read as 0.00."""
    return f"{value:.3g}".replace("-", "\u2212")


def _shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(int(n)) for n in shape)


def size_question(problem: TourProblem, layer_index: int) -> Question | None:
    """What size is the conv layer's output? From its recorded input shape, settings and output."""
    record = problem.trace.layers[layer_index]
    if record.kind != "conv2d":
        return None
    channels_in, height, width = record.input.shape[1:]
    channels, out_h, out_w = record.output.shape[1:]
    if not isinstance(record.config["padding"], int):
        return None  # the sides are padded differently: the wrong answers below assume one padding
    k, s, p = (int(record.config[key]) for key in ("kernel_size", "stride", "padding"))
    right = (channels, out_h, out_w)
    other_padding = 0 if p > 0 else (k - 1) // 2
    candidates = [
        right,
        (channels, output_size(height, k, s, other_padding), output_size(width, k, s, other_padding)),
        (channels_in, out_h, out_w),
        (channels, height + 2 * p, width + 2 * p),
        (1, out_h, out_w),
        (channels, out_h + k - 1, out_w + k - 1),
    ]
    shapes = sorted([right, *[c for c in dict.fromkeys(candidates) if c != right][:3]])
    choices = tuple(_shape(shape) for shape in shapes)
    prompt = tr(
        "Predict first: {layer} slides {n} kernels of {k}×{k} with stride {s} and padding {p} over an "
        "input of {shape}. What size is its output?"
    ).format(layer=record.name, n=channels, k=k, s=s, p=p, shape=_shape((channels_in, height, width)))
    explanation = tr(
        "(H + 2P − K) / S + 1 = ({h} + 2·{p} − {k}) / {s} + 1 = {out}, and one map per kernel: {answer}."
    ).format(h=height, p=p, k=k, s=s, out=out_h, answer=_shape(right))
    return Question("maps", prompt, choices, shapes.index(right), explanation)


def relu_question(problem: TourProblem, layer_index: int, channel: int) -> Question | None:
    """Will dL/dx of the ReLU's input be zero at the middle of map ``channel``? From the recorded gradient."""
    record = problem.trace.layers[layer_index]
    if record.kind != "relu" or record.grad_input is None or record.input.ndim != 4:
        return None
    height, width = record.input.shape[2:]
    row, col = height // 2, width // 2
    x = float(record.input[0, channel, row, col])
    gradient = float(record.grad_input[0, channel, row, col])
    zero = gradient == 0.0
    words = {"layer": record.name, "c": channel, "r": row, "col": col, "x": _number(x)}
    prompt = tr(
        "Predict first: going into {layer}, map {c} holds {x} at row {r}, column {col}. Once the loss is "
        "back-propagated, will dL/dx be zero there?"
    ).format(**words)
    choices = (tr("Yes, zero"), tr("No, not zero"))
    if x <= 0:
        explanation = tr("ReLU passes no gradient where its input is ≤ 0: dL/dx = 0.")
    elif zero:
        explanation = tr(
            "The input is positive, so ReLU passes the gradient on unchanged; but what comes back from "
            "above is 0 here (pooling did not pick this value), so dL/dx = 0."
        )
    else:
        explanation = tr(
            "The input is positive, so ReLU passes the gradient on unchanged: dL/dx = {g}."
        ).format(g=f"{gradient:.3g}".replace("-", "\u2212"))
    return Question("relu", prompt, choices, 0 if zero else 1, explanation)


def pool_question(problem: TourProblem, layer_index: int, channel: int) -> Question | None:
    """Which window of the pooling layer's input gives its strongest output? From the recorded maps."""
    record = problem.trace.layers[layer_index]
    if record.kind not in ("maxpool2d", "avgpool2d"):
        return None
    mode = pool_mode(record.kind)
    size, stride = int(record.config["size"]), int(record.config["stride"])
    steps = whole_windows(record.input[0, channel], size, stride, mode, record.config)
    output = record.output[0, channel]
    best = max(steps, key=lambda step: float(output[step.row, step.col]))
    value = float(output[best.row, best.col])
    reduce = np.max if mode == "max" else np.mean
    # The other windows pool to different values, the closest ones first, so the question is fair.
    others = sorted(
        (step for step in steps if not np.isclose(float(reduce(step.window)), value)),
        key=lambda step: -float(output[step.row, step.col]),
    )
    offered = sorted([best, *others[: POOL_CHOICES - 1]], key=lambda step: (step.row, step.col))
    choices = tuple(", ".join(theme.format_value(v, 2) for v in step.window.ravel()) for step in offered)
    answer = next(i for i, step in enumerate(offered) if np.isclose(float(reduce(step.window)), value))
    words = {
        "layer": record.name,
        "c": channel,
        "r": best.row,
        "col": best.col,
        "v": theme.format_value(value, 2),
    }
    if mode == "max":
        prompt = tr(
            "Predict first: {layer} keeps the largest value of each window. Its map {c} holds {v} at row "
            "{r}, column {col}. Which of these windows of its input gives that value?"
        ).format(**words)
        explanation = tr("The window at row {r}, column {col}: its largest value is {v}.").format(**words)
    else:
        prompt = tr(
            "Predict first: {layer} keeps the average of each window. Its map {c} holds {v} at row {r}, "
            "column {col}. Which of these windows of its input gives that value?"
        ).format(**words)
        explanation = tr("The window at row {r}, column {col}: its average is {v}.").format(**words)
    return Question("pool", prompt, choices, answer, explanation)


def build_questions(problem: TourProblem, stops: list[Stop]) -> dict[str, Question]:
    """The questions for the stops that have one, by stop key, made from ``problem.trace``."""
    questions: dict[str, Question] = {}
    for stop in stops:
        if not stop.maps:
            continue
        layer_index, channel = stop.maps[0]
        question = None
        if stop.key == "maps":
            question = size_question(problem, layer_index)
        elif stop.key == "relu":
            question = relu_question(problem, layer_index, channel)
        elif stop.key == "pool":
            question = pool_question(problem, layer_index, channel)
        if question is not None:
            questions[stop.key] = question
    return questions
