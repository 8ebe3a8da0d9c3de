"""The plain words of the flatten/dense views, as English source strings for tr().

Functions, not constants, so that tr() runs after the translator is installed. Placeholders in braces are
filled with ``str.format`` after translation so translators see and keep them.
"""

from __future__ import annotations

from explainer.gui.i18n import tr


def softmax_title(name: str, class_name: str) -> str:
    """The heading of the dense/softmax view."""
    return tr("{name}: from feature maps to the score of class '{k}'").format(name=name, k=class_name)


def forward_paragraphs(
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


def backward_paragraphs(last: bool, has_loss: bool) -> list[tuple[str, str]]:
    """The plain-words explanation of a dense layer's backward pass (with the loss for the last layer)."""
    out = []
    if last and has_loss:
        out.append(
            (
                tr("Softmax with cross-entropy"),
                tr(
                    "The loss is L = −log p[label]. Its gradient with respect to the logits is remarkably "
                    "simple: dL/dz = p − y, the probabilities minus the one-hot label. The true class gets "
                    "p − 1 (negative: raise it), every other class gets p (positive: lower it)."
                ),
            )
        )
    elif last:
        out.append(
            (
                tr("Explaining one class"),
                tr(
                    "Here the gradient at the logits is given: 1 for the class being explained, 0 elsewhere. "
                    "Every gradient below then says how each number changes that class's score."
                ),
            )
        )
    out.append(
        (
            tr("The dense layer"),
            tr("z = x·W + b, so dL/dW[i, k] = x[i] · dL/dz_k, dL/db = dL/dz and dL/dx = W · dL/dz."),
        )
    )
    return out
