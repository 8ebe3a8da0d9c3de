"""The normalisation family: batch normalisation (``BatchNorm2D``) at inference.

Forward (``BatchNormView``): at inference a BatchNorm channel is one straight line,
``y = γ · (x − μ) / √(σ² + ε) + β`` with the running mean μ and variance σ² it learnt in training. The view
shows the map before and after with that line drawn from the real pixels between them (the activation
family's canvas), the channel's μ, σ², γ and β, and the histograms of the map before and after. The
animation walks the pixels and prints the formula with the current pixel's numbers.

Backward (``BatchNormBackwardView``): the line's slope scales every gradient,
``dL/dx = dL/dy · γ / √(σ² + ε)``; and ``dL/dγ = Σ dL/dy · z``, ``dL/dβ = Σ dL/dy`` with the normalised
``z = (x − μ) / √(σ² + ε)``.

Run alone: ``python -m explainer.gui.layers.norm`` (``--backward`` for the backward view).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from explainer.core import Trace
from explainer.core.trace import LayerRecord
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.mapboard import fmt
from explainer.gui.layers.activation import (
    ActivationBackwardView,
    ActivationCanvas,
    ActivationData,
    pixel_caption,
)
from explainer.gui.layers.base import FamilyTexts, LayerFamily, MapView, run_family

NORM_KINDS = ("batchnorm2d",)
"""The normalisation layers."""

HISTOGRAM_BINS = 24


def channel_constants(record: LayerRecord, channel: int) -> dict[str, float]:
    """μ, σ², γ, β and ε of one channel, and the line they make: ``y = scale · x + shift``."""
    mean = float(record.buffers["running_mean"][channel])
    var = float(record.buffers["running_var"][channel])
    gamma = float(record.params["gamma"][channel])
    beta = float(record.params["beta"][channel])
    eps = float(record.config["eps"])
    scale = gamma / np.sqrt(var + eps)
    return {
        "mean": mean,
        "var": var,
        "gamma": gamma,
        "beta": beta,
        "eps": eps,
        "scale": scale,
        "shift": beta - scale * mean,
    }


# ---- texts --------------------------------------------------------------------------------------------


def forward_paragraphs() -> list[tuple[str, str]]:
    """(heading, body) pairs explaining batch normalisation at inference."""
    return [
        (
            tr("Batch normalisation: y = γ · (x − μ) / √(σ² + ε) + β"),
            tr(
                "While training, each channel is shifted to mean 0 and scaled to variance 1 over the batch, "
                "then given a learnt scale γ and offset β. That keeps every layer's input on the same scale, "
                "so training can take larger steps."
            ),
        ),
        (
            tr("At inference: one straight line per channel"),
            tr(
                "To answer for one image, the layer uses the mean μ and variance σ² it averaged during "
                "training instead of the batch's. Every pixel of a channel then goes through the same "
                "straight line, drawn here from the real pixels."
            ),
        ),
    ]


def backward_paragraphs() -> list[tuple[str, str]]:
    """The plain-words explanation of batch normalisation's backward pass at inference."""
    return [
        (
            tr("Multiply by the line's slope"),
            tr(
                "With the running statistics fixed, each channel is the line y = a·x + b with slope "
                "a = γ / √(σ² + ε), so every gradient is scaled by the same a: dL/dx = dL/dy · a. With the "
                "normalised z = (x − μ) / √(σ² + ε), the learnt numbers get dL/dγ = Σ dL/dy · z and "
                "dL/dβ = Σ dL/dy over the channel's pixels."
            ),
        ),
        (
            tr("In training"),
            tr(
                "With batch statistics, μ and σ² depend on every input of the batch, so the gradient also "
                "flows through them: dL/dx = a/n · (n·dL/dy − Σ dL/dy − z · Σ dL/dy · z)."
            ),
        ),
    ]


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a BatchNorm layer does, in words, for the architecture editor's table."""
    return tr("normalises each of {c} channels, then scales by γ and shifts by β").format(
        c=config["channels"]
    )


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for batch normalisation's forward (or backward) pass."""
    if backward:
        return tr("dL/dx = dL/dy · γ / √(σ² + ε), channel by channel.")
    return tr("y = γ · (x − μ) / √(σ² + ε) + β, channel by channel.")


def title(kind: str) -> str:
    """The layer's name in a picker."""
    return tr("BatchNorm")


# ---- forward ------------------------------------------------------------------------------------------


class NormData(ActivationData):
    """One channel before and after BatchNorm, with the constants of its line.

    Shape:
        x, y: ``(H, W)`` float32.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray, constants: Mapping[str, float]) -> None:
        super().__init__("batchnorm2d", x, y)
        self.constants = dict(constants)

    def formula(self, step: int) -> str:
        """``γ · (x − μ) / √(σ² + ε) + β = y`` with the current pixel's numbers."""
        x, y = (float(a[self.position(step)]) for a in (self.x, self.y))
        k = self.constants
        return "{g} × ({x} − {m}) / √({v} + {e}) + {b} = {y}".format(
            g=fmt(k["gamma"]),
            x=fmt(x),
            m=fmt(k["mean"]),
            v=fmt(k["var"]),
            e=f"{k['eps']:g}",
            b=fmt(k["beta"]),
            y=fmt(y),
        )


class HistogramPair(QWidget):
    """The histograms of a channel's values before and after the layer, side by side on one count axis.

    Shape:
        set_values: two arrays of any shape (NaN ignored).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("histograms")
        self.setMinimumHeight(theme.px(120))
        self._counts: list[tuple[str, np.ndarray, tuple[float, float]]] = []

    def set_values(self, before: np.ndarray, after: np.ndarray) -> None:
        """Count ``before`` and ``after`` into :data:`HISTOGRAM_BINS` bins each and repaint."""
        self._counts = []
        for name, values in ((tr("before"), before), (tr("after"), after)):
            finite = np.asarray(values, np.float64)
            finite = finite[np.isfinite(finite)]
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            counts, _ = np.histogram(finite, HISTOGRAM_BINS, (low, max(high, low + 1e-9)))
            self._counts.append((name, counts, (low, high)))
        self.update()

    def counts(self) -> list[np.ndarray]:
        """The bin counts shown, before then after."""
        return [counts for _, counts, _ in self._counts]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._counts:
            return
        palette = theme.current()
        painter = QPainter(self)
        painter.setFont(theme.font(0.9))
        line = painter.fontMetrics().height()
        tallest = max(int(counts.max()) for _, counts, _ in self._counts) or 1
        width = self.width() / len(self._counts)
        for i, (name, counts, (low, high)) in enumerate(self._counts):
            area = QRectF(i * width + theme.px(8), line, width - theme.px(16), self.height() - 2.5 * line)
            bar = area.width() / len(counts)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.accent)
            for j, count in enumerate(counts):
                height = area.height() * count / tallest
                painter.drawRect(QRectF(area.left() + j * bar, area.bottom() - height, bar * 0.9, height))
            painter.setPen(palette.text)
            painter.drawText(QRectF(area.left(), 0, area.width(), line), Qt.AlignmentFlag.AlignCenter, name)
            below = QRectF(area.left(), area.bottom() + 0.2 * line, area.width(), line)
            painter.drawText(below, Qt.AlignmentFlag.AlignLeft, fmt(low))
            painter.drawText(below, Qt.AlignmentFlag.AlignRight, fmt(high))
        painter.end()


class BatchNormView(MapView):
    """The explanation of a BatchNorm channel at inference: the line, its constants and the histograms.

    objectName ``"batchnorm_view"``. ``channel`` picks the feature map.
    """

    canvas: ActivationCanvas
    _data: NormData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("batchnorm_view", ActivationCanvas(), parent)
        self.histograms = HistogramPair()
        self.stage_layout.addWidget(self.histograms)

    def _explain(self, record: LayerRecord, layer_index: int, channel: int) -> None:
        if record.kind not in NORM_KINDS:
            raise ValueError(f"layer {layer_index} ({record.name}) is a {record.kind}, not a BatchNorm layer")
        channels = record.input.shape[1]
        channel = min(max(channel, 0), channels - 1)
        x, y = record.input[0, channel], record.output[0, channel]
        self._show_channels(channel, channels)
        self.histograms.set_values(x, y)
        self._set_data(NormData(x, y, channel_constants(record, channel)), record.name, channel, channels)

    def _write_texts(self, data: NormData, name: str, channel: int, channels: int) -> None:
        k = data.constants
        self.title.setText(
            tr("{name} (BatchNorm): map {channel} of {channels}").format(
                name=name, channel=channel, channels=channels
            )
        )
        self.set_paragraphs(forward_paragraphs())
        self.stats.setText(
            tr(
                "This channel: μ = {m}, σ² = {v}, γ = {g}, β = {b}, so y = {a} · x + {c}.\n"
                "This image's map: mean {xm}, std {xs} before; mean {ym}, std {ys} after."
            ).format(
                m=fmt(k["mean"]),
                v=fmt(k["var"]),
                g=fmt(k["gamma"]),
                b=fmt(k["beta"]),
                a=fmt(k["scale"]),
                c=fmt(k["shift"]),
                xm=fmt(float(np.nanmean(data.x))),
                xs=fmt(float(np.nanstd(data.x))),
                ym=fmt(float(np.nanmean(data.y))),
                ys=fmt(float(np.nanstd(data.y))),
            )
        )

    def _caption(self, step: int) -> str:
        assert self._data is not None
        row, col = self._data.position(step)
        return pixel_caption(row, col, step + 1, self._data.count)


# ---- backward -----------------------------------------------------------------------------------------


class BatchNormBackwardView(ActivationBackwardView):
    """BatchNorm backward at inference: every gradient of a channel times the line's slope γ / √(σ² + ε).

    Shape:
        one channel ``(H, W)``.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(trace, layer_index, channel, parent)
        self.setObjectName("backward_batchnorm")

    def _explanation(self) -> list[tuple[str, str]]:
        return backward_paragraphs()

    def derivative(self) -> np.ndarray:
        """The slope of each channel's line, broadcast to the input's shape."""
        constants = [channel_constants(self.record, c)["scale"] for c in range(self.record.input.shape[1])]
        return np.broadcast_to(np.array(constants)[None, :, None, None], self.record.input.shape)

    def slope_title(self) -> str:
        return tr("slope a = γ / √(σ² + ε)")

    def slope_caption(self) -> str:
        return tr("the same slope for every pixel of the channel")

    def result_caption(self) -> str:
        c = self.channel_box.currentIndex()
        return tr("dL/dγ = {g}, dL/dβ = {b} for this channel").format(
            g=fmt(float(self.record.grads["gamma"][c])), b=fmt(float(self.record.grads["beta"][c]))
        )


TEXTS = FamilyTexts(describe, rule, title)

NORM = LayerFamily("norm", NORM_KINDS, BatchNormView, BatchNormBackwardView, TEXTS, reads_own_channel=True)


if __name__ == "__main__":
    run_family(NORM)
