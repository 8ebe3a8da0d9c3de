"""Activations and losses (seed 004's table, seed 003): every curve with its derivative, on your input.

The activations tab plots sigmoid, tanh, ReLU, leaky ReLU and softmax with their derivatives, and marks
where the current digit's pre-activations fall (the inputs of an activation layer of the trace; for
softmax the logits). It shows sigmoid's derivative as f(1 − f) and says the seed's table prints f(1 − f)²
by mistake. The losses tab plots the eight losses of seed 004 with their gradient w.r.t. the prediction,
lists what each would be for the network's output against the chosen label, and shows with the live
numbers why cross-entropy and not MSE trains the softmax.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from explainer.core import (
    LeakyReLU,
    ReLU,
    Sigmoid,
    Tanh,
    Trace,
    binary_cross_entropy,
    l1_loss,
    l2_loss,
    mae_loss,
    mape_loss,
    mse_loss,
    msle_loss,
    output_losses,
    softmax,
    softmax_cross_entropy,
)
from explainer.core.losses import OUTPUT_LOSSES
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr
from explainer.gui.kit.plotwidget import CompactPlot, apply_plot_palette
from explainer.gui.kit.widgets import choice_box, heading, hint, label, name_items, page_column, side_by_side
from explainer.gui.pages.base import run_page

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "softmax")
"""The activations of seed 004's table, in its order."""

ACTIVATION_KINDS = ("relu", "leaky_relu", "sigmoid", "tanh")
"""Layer kinds whose inputs are pre-activations the page can mark."""

LEAKY_SLOPE = 0.01
"""Leaky ReLU's slope for x < 0, as in the seed's table."""

MAX_MARKS = 3000
"""At most this many of the digit's pre-activations are drawn on a curve (an even subsample)."""

LOSS_FUNCTIONS = {
    "mse": mse_loss,
    "msle": msle_loss,
    "l1": l1_loss,
    "l2": l2_loss,
    "mae": mae_loss,
    "mape": mape_loss,
    "bce": binary_cross_entropy,
}
"""The ``(prediction, target)`` losses; "ce" (softmax cross-entropy) takes logits and is plotted apart."""


def activation_curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f'(x) of an elementwise activation, computed by the engine's layer (forward, backward).

    Shape:
        x: ``(M,)``; returns two ``(M,)`` arrays.
    """
    layer = {"sigmoid": Sigmoid(), "tanh": Tanh(), "relu": ReLU(), "leaky_relu": LeakyReLU(LEAKY_SLOPE)}[name]
    values = layer.forward(x)
    return values, layer.backward(np.ones_like(x))


def softmax_curve(logits: np.ndarray, cls: int, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Softmax's output for class ``cls`` as its logit takes the values ``x``, the others held, and its
    slope ``p (1 - p)``.

    Shape:
        logits: ``(K,)``; x: ``(M,)``; returns two ``(M,)`` arrays.
    """
    z = np.repeat(np.asarray(logits, np.float64)[None], len(x), axis=0)
    z[:, cls] = x
    p = softmax(z)[:, cls]
    return p, p * (1.0 - p)


def loss_curve(
    name: str, x: np.ndarray, logits: np.ndarray | None = None, cls: int = 0
) -> tuple[np.ndarray, ...]:
    """One loss and its gradient along ``x``: a single prediction against the target 1, or for "ce" the
    cross-entropy of ``logits`` with class ``cls``'s logit set to each x (the gradient is then dL/dz).

    Shape:
        x: ``(M,)``; logits: ``(K,)``; returns two ``(M,)`` arrays.
    """
    losses, grads = np.empty(len(x)), np.empty(len(x))
    for index, value in enumerate(x):
        if name == "ce":
            z = np.asarray(logits, np.float64).copy()[None]
            z[0, cls] = value
            loss, grad = softmax_cross_entropy(z, [cls])
            losses[index], grads[index] = loss, grad[0, cls]
        else:
            loss, grad = LOSS_FUNCTIONS[name](np.array([value]), np.array([1.0]))
            losses[index], grads[index] = loss, grad[0]
    return losses, grads


def loss_range(name: str) -> np.ndarray:
    """Where a loss is plotted: predictions around the target 1 (inside (0, 1) for binary cross-entropy)."""
    if name == "bce":
        return np.linspace(0.002, 0.998, 400)
    return np.linspace(-0.5 if name != "msle" else -0.45, 2.0, 401)


def preactivation_layers(trace: Trace | None) -> list[int]:
    """Indices of the trace's activation layers, whose inputs are the pre-activations."""
    if trace is None:
        return []
    return [index for index, record in enumerate(trace.layers) if record.kind in ACTIVATION_KINDS]


def fmt(value: float) -> str:
    return theme.format_significant(value, 3)


class ActivationsView(FollowsLanguage, QWidget):
    """Activation functions and losses with their derivatives, on the current digit (objectName
    ``"activations"``); ``set_trace(trace, label, class_names)`` brings it up to date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activations")
        self._trace: Trace | None = None
        self._label: int | None = None
        self._class_names: list[str] = [str(k) for k in range(10)]
        self._build()
        theme.notifier().sigChanged.connect(self._redraw)
        self.retranslate_ui()

    # ----------------------------------------------------------------- construction
    def _build(self) -> None:
        self.heading = heading("activations_heading")
        self.intro = hint()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activation_tabs")
        self.tabs.addTab(self._build_activations(), "")
        self.tabs.addTab(self._build_losses(), "")
        page_column(self, self.heading, self.intro, self.tabs)

    def _plot(self, name: str) -> pyqtgraph.PlotWidget:
        plot = CompactPlot(name, 200)
        plot.showGrid(x=True, y=True, alpha=0.2)
        # Activations rise to the right (room top left); losses fall towards their minimum (bottom right).
        plot.addLegend(offset=(10, 10) if name == "activation_plot" else (-10, -10))
        return plot

    def _build_activations(self) -> QWidget:
        page = QWidget()
        self.activation_box = choice_box("activation", self._redraw_activation, ["" for _ in ACTIVATIONS])
        self.layer_box = choice_box("preactivation_layer", self._redraw_activation)
        self._activation_caption, self._layer_caption = QLabel(), QLabel()
        controls = side_by_side(
            self._activation_caption, self.activation_box, self._layer_caption, self.layer_box, stretch=-1
        )
        controls.addStretch(1)
        self.activation_plot = self._plot("activation_plot")
        self._f_item = self.activation_plot.plot()
        self._df_item = self.activation_plot.plot()
        self._marks_item = self.activation_plot.plot(pen=None, symbol="o")
        self._rug_item = self.activation_plot.plot(pen=None, symbol="|")  # softmax: every logit on the x axis
        self.activation_formula = label("activation_formula", wrap=True)
        self.activation_note = label("activation_note", wrap=True)
        self.activation_stats = label("activation_stats", wrap=True)
        column = QVBoxLayout(page)
        column.addLayout(controls)
        column.addWidget(self.activation_plot, 1)
        for part in (self.activation_formula, self.activation_note, self.activation_stats):
            column.addWidget(part)
        return page

    def _build_losses(self) -> QWidget:
        page = QWidget()
        self.loss_box = choice_box("loss", self._redraw_loss, ["" for _ in OUTPUT_LOSSES])
        self._loss_caption = QLabel()
        controls = side_by_side(self._loss_caption, self.loss_box, stretch=-1)
        controls.addStretch(1)
        self.loss_plot = self._plot("loss_plot")
        self._loss_item = self.loss_plot.plot()
        self._dloss_item = self.loss_plot.plot()
        self._loss_mark = self.loss_plot.plot(pen=None, symbol="o")
        self.loss_formula = label("loss_formula", wrap=True)
        left = QVBoxLayout()
        left.addLayout(controls)
        left.addWidget(self.loss_plot, 1)
        left.addWidget(self.loss_formula)

        self.table_title = heading("loss_table_title")
        self.table_title.setWordWrap(True)
        self.table = QGridLayout()
        self._table_heads = [label(f"loss_table_head_{column}", wrap=True) for column in range(5)]
        for column, head in enumerate(self._table_heads):
            self.table.addWidget(head, 0, column)
        self._table_cells: dict[tuple[str, int], QLabel] = {}
        for row, name in enumerate(OUTPUT_LOSSES, start=1):
            for column in range(5):
                cell = label(f"loss_{name}_{column}")
                if column:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._table_cells[(name, column)] = cell
                self.table.addWidget(cell, row, column)
        self.saturation_title = heading("saturation_title")
        self.saturation_title.setWordWrap(True)
        self.saturation = QGridLayout()
        self._saturation_cells = [
            [label(f"saturation_{r}_{c}", wrap=c == 0) for c in range(4)] for r in range(3)
        ]
        for r, row in enumerate(self._saturation_cells):
            for c, cell in enumerate(row):
                if c and r:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.saturation.addWidget(cell, r, c)
        self.saturation_text = label("saturation_text", wrap=True)
        self.table_note = label("loss_table_note", wrap=True)
        right = QVBoxLayout()
        right.addWidget(self.table_title)
        right.addLayout(self.table)
        right.addWidget(self.table_note)
        right.addSpacing(theme.px(8))
        right.addWidget(self.saturation_title)
        right.addLayout(self.saturation)
        right.addWidget(self.saturation_text)
        right.addStretch(1)
        row = QHBoxLayout(page)
        row.addLayout(left, 5)
        row.addSpacing(theme.px(16))
        row.addLayout(right, 6)
        return page

    # ----------------------------------------------------------------- public API
    def set_trace(
        self, trace: Trace | None, label: int | None = None, class_names: Sequence[object] | None = None
    ) -> None:
        """Show ``trace``'s digit against ``label`` (None: the class the network predicts)."""
        self._trace = trace
        self._label = label
        if class_names is not None:
            self._class_names = [str(name) for name in class_names]
        self._fill_layers()
        self._redraw()

    def chosen_class(self) -> int | None:
        """The class the losses are measured against: the label, else the predicted class (None: no digit)."""
        if self._trace is None:
            return None
        return self._label if self._label is not None else int(self._trace.prediction[0])

    def activation(self) -> str:
        """The activation on show."""
        return ACTIVATIONS[max(0, self.activation_box.currentIndex())]

    def set_activation(self, name: str) -> None:
        self.activation_box.setCurrentIndex(ACTIVATIONS.index(name))

    def loss_name(self) -> str:
        """The loss on show, one of OUTPUT_LOSSES."""
        return OUTPUT_LOSSES[max(0, self.loss_box.currentIndex())]

    def set_loss(self, name: str) -> None:
        self.loss_box.setCurrentIndex(OUTPUT_LOSSES.index(name))

    def preactivations(self) -> np.ndarray | None:
        """The values marked on the activation curve: the chosen layer's inputs (softmax: the logits)."""
        trace = self._trace
        if trace is None:
            return None
        if self.activation() == "softmax":
            return np.asarray(trace.logits[0], np.float64)
        layers = preactivation_layers(trace)
        if not layers:
            return np.asarray(trace.logits[0], np.float64)
        index = layers[min(max(0, self.layer_box.currentIndex()), len(layers) - 1)]
        return np.asarray(trace.layers[index].input[0], np.float64).ravel()

    def marks(self) -> tuple[np.ndarray, np.ndarray]:
        """The (x, y) points drawn on the activation curve."""
        x, y = self._marks_item.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (np.asarray(x), np.asarray(y))

    # ----------------------------------------------------------------- texts
    def retranslate_ui(self) -> None:
        """Every text again in the current language."""
        self.heading.setText(tr("Activations and losses"))
        self.intro.setText(
            tr(
                "Seed 004's table of activation functions and its losses, each with its derivative, and "
                "where your input's numbers fall on them."
            )
        )
        self.tabs.setTabText(0, tr("Activations"))
        self.tabs.setTabText(1, tr("Losses"))
        self._activation_caption.setText(tr("Activation"))
        self._layer_caption.setText(tr("Pre-activations of"))
        name_items(
            self.activation_box,
            ACTIVATIONS,
            {
                "sigmoid": tr("sigmoid"),
                "tanh": tr("tanh"),
                "relu": tr("ReLU"),
                "leaky_relu": tr("leaky ReLU"),
                "softmax": tr("softmax"),
            },
        )
        self._loss_caption.setText(tr("Loss"))
        name_items(self.loss_box, OUTPUT_LOSSES, self.loss_names())
        heads = (
            tr("loss"),
            tr("value"),
            tr("∂L/∂p of the class"),
            tr("∂L/∂z of the class"),
            tr("largest |∂L/∂z|"),
        )
        for head, text in zip(self._table_heads, heads, strict=True):
            head.setText(text)
        self._fill_layers()
        self._redraw()

    def loss_names(self) -> dict[str, str]:
        return {
            "mse": tr("MSE (mean squared error)"),
            "msle": tr("MSLE (mean squared log error)"),
            "l1": tr("L1 (sum of |p − t|)"),
            "l2": tr("L2 (sum of squares)"),
            "mae": tr("MAE (mean absolute error)"),
            "mape": tr("MAPE (mean absolute % error)"),
            "bce": tr("binary cross-entropy"),
            "ce": tr("softmax cross-entropy"),
        }

    def _fill_layers(self) -> None:
        """The activation layers of the trace in the layer choice (kept when they stay the same)."""
        layers = preactivation_layers(self._trace)
        names = [self._trace.layers[i].name for i in layers] if self._trace is not None else []
        if not names:
            names = [tr("the logits (no activation layer)")]
        current = [self.layer_box.itemText(i) for i in range(self.layer_box.count())]
        if current != names:
            self.layer_box.blockSignals(True)
            keep = self.layer_box.currentIndex()
            self.layer_box.clear()
            self.layer_box.addItems(names)
            self.layer_box.setCurrentIndex(keep if 0 <= keep < len(names) else 0)
            self.layer_box.blockSignals(False)

    # ----------------------------------------------------------------- drawing
    def _pens(self) -> tuple[object, object, QColor]:
        palette = theme.current()
        # The map's dark ends read on white; on the dark palette its lighter shades do.
        end = 0.8 if palette.dark else 0.97
        curve = theme.lut_color(theme.DIVERGING_LUT, end)
        slope = theme.lut_color(theme.DIVERGING_LUT, 1.0 - end)
        marks = QColor(palette.text)
        marks.setAlpha(90)
        return (
            pyqtgraph.mkPen(curve, width=theme.px(2.5)),
            pyqtgraph.mkPen(slope, width=theme.px(2), style=Qt.PenStyle.DashLine),
            marks,
        )

    def _style(self, plot: pyqtgraph.PlotWidget) -> None:
        apply_plot_palette(plot)

    def _redraw(self) -> None:
        self._redraw_activation()
        self._redraw_loss()
        self._fill_table()

    def _redraw_activation(self) -> None:
        """The chosen activation, its derivative and the digit's pre-activations on it."""
        name = self.activation()
        self.layer_box.setEnabled(name != "softmax" and bool(preactivation_layers(self._trace)))
        values = self.preactivations()
        f_pen, df_pen, mark_colour = self._pens()
        plot = self.activation_plot
        self._style(plot)
        spread = 6.0 if values is None or not len(values) else float(np.percentile(np.abs(values), 99.5))
        half = min(max(6.0, 1.1 * spread), 40.0)
        x = np.linspace(-half, half, 801)
        cls = self.chosen_class() or 0
        if name == "softmax":
            logits = values if values is not None else np.zeros(10)
            f, df = softmax_curve(logits, cls, x)
            marks_x = np.array([logits[cls]])
            marks_y = softmax_curve(logits, cls, marks_x)[0]
        else:
            f, df = activation_curve(name, x)
            marks_x = np.zeros(0) if values is None else values[:: max(1, len(values) // MAX_MARKS)]
            marks_y = activation_curve(name, marks_x)[0]
        self._f_item.setData(x, f)
        self._df_item.setData(x, df)
        self._f_item.setPen(f_pen)
        self._df_item.setPen(df_pen)
        self._marks_item.setData(marks_x, marks_y)
        self._marks_item.setSymbolBrush(mark_colour)
        self._marks_item.setSymbolPen(None)
        self._marks_item.setSymbolSize(theme.px(12 if name == "softmax" else 6))
        logits = values if name == "softmax" and values is not None else np.zeros(0)
        self._rug_item.setData(logits, np.zeros_like(logits))
        self._rug_item.setSymbolPen(pyqtgraph.mkPen(theme.current().muted, width=theme.px(2)))
        self._rug_item.setSymbolSize(theme.px(16))
        legend = plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self._f_item, "f(x)")
        legend.addItem(self._df_item, "f′(x)")
        legend.addItem(self._marks_item, tr("your input") if name != "softmax" else tr("your input's class"))
        if name == "softmax":
            legend.addItem(self._rug_item, tr("all its logits"))
        plot.setLabel("bottom", tr("pre-activation x") if name != "softmax" else tr("logit z of the class"))
        self.activation_formula.setText(self._activation_formula(name))
        self.activation_formula.setFont(theme.font(1.2, bold=True))
        note = self._activation_note(name)
        self.activation_note.setText(note)
        self.activation_note.setVisible(bool(note))
        self.activation_stats.setText(self._activation_stats(name, values, cls))

    def _activation_formula(self, name: str) -> str:
        return {
            "sigmoid": tr("f(x) = 1 / (1 + e⁻ˣ)      f′(x) = f(x) (1 − f(x))"),
            "tanh": tr("f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)      f′(x) = 1 − f(x)²"),
            "relu": tr("f(x) = max(0, x)      f′(x) = 0 for x < 0, 1 for x > 0"),
            "leaky_relu": tr("f(x) = x for x ≥ 0, 0.01 x for x < 0      f′(x) = 1 or 0.01"),
            "softmax": tr("fᵢ(z) = e^zᵢ / Σⱼ e^zⱼ      ∂fᵢ/∂zᵢ = fᵢ (1 − fᵢ),  ∂fᵢ/∂zⱼ = −fᵢ fⱼ"),
        }[name]

    def _activation_note(self, name: str) -> str:
        if name == "sigmoid":
            f0 = float(activation_curve("sigmoid", np.zeros(1))[0][0])
            slope = float(activation_curve("sigmoid", np.zeros(1))[1][0])
            return tr(
                "Seed 004's table prints sigmoid's derivative as f(x)(1 − f(x))²: a typo. At x = 0, "
                "f = {f0} and the slope (the dashed curve, the engine's backward) is {slope} = f(1 − f), "
                "not f(1 − f)² = {typo}."
            ).format(f0=fmt(f0), slope=fmt(slope), typo=fmt(f0 * (1 - f0) ** 2))
        if name == "softmax":
            return tr(
                "Drawn for class {cls} as its logit moves, the other logits held at your input's values; "
                "the seed's eˣ/Σ − (eˣ)²/Σ² is the same slope f(1 − f)."
            ).format(cls=self._class_text(self.chosen_class() or 0))
        return ""

    def _activation_stats(self, name: str, values: np.ndarray | None, cls: int) -> str:
        if values is None or not len(values):
            return tr("Draw or pick an input to see where its pre-activations fall.")
        if name == "softmax":
            p = float(softmax(values[None])[0, cls])
            return tr(
                "Your input's logits run from {lo} to {hi}. Class {cls} has z = {z}, p = {p}, and slope "
                "p(1 − p) = {slope}: near 0 once the output is saturated (p close to 0 or 1)."
            ).format(
                lo=fmt(values.min()),
                hi=fmt(values.max()),
                cls=self._class_text(cls),
                z=fmt(values[cls]),
                p=fmt(p),
                slope=fmt(p * (1 - p)),
            )
        slopes = activation_curve(name, values)[1]
        negative = float(np.mean(values < 0))
        text = tr("{n:,} pre-activations of your input, from {lo} to {hi}; {neg:.0%} are negative.").format(
            n=len(values), lo=fmt(values.min()), hi=fmt(values.max()), neg=negative
        )
        if name == "relu":
            return text + " " + tr("ReLU outputs 0 there and passes no gradient back (f′ = 0).")
        if name == "leaky_relu":
            return text + " " + tr("Leaky ReLU passes 1% of the gradient back there instead of none.")
        saturated = float(np.mean(slopes < 0.01))
        return (
            text
            + " "
            + tr(
                "Through {name}, the mean slope would be {mean} (at most {top}); {sat:.0%} of them lie where "
                "the slope is below 0.01 (saturated)."
            ).format(
                name=self.activation_box.currentText(),
                mean=fmt(slopes.mean()),
                top=fmt(slopes.max()),
                sat=saturated,
            )
        )

    def _class_text(self, cls: int) -> str:
        names = shown_class_names(self._class_names)
        return names[cls] if 0 <= cls < len(names) else str(cls)

    def _redraw_loss(self) -> None:
        """The chosen loss and its gradient, with the digit's output marked."""
        name = self.loss_name()
        plot = self.loss_plot
        self._style(plot)
        trace, cls = self._trace, self.chosen_class()
        logits = np.asarray(trace.logits[0], np.float64) if trace is not None else np.zeros(10)
        cls = 0 if cls is None else cls
        if name == "ce":
            x = np.linspace(min(-10.0, logits[cls] - 2), max(10.0, logits[cls] + 2), 401)
        else:
            x = loss_range(name)
        losses, grads = loss_curve(name, x, logits, cls)
        f_pen, df_pen, _marks = self._pens()
        self._loss_item.setData(x, losses)
        self._dloss_item.setData(x, grads)
        self._loss_item.setPen(f_pen)
        self._dloss_item.setPen(df_pen)
        if trace is not None:
            here = np.array([logits[cls] if name == "ce" else softmax(logits[None])[0, cls]])
            self._loss_mark.setData(here, loss_curve(name, here, logits, cls)[0])
        else:
            self._loss_mark.setData([], [])
        self._loss_mark.setSymbolBrush(theme.current().accent)
        self._loss_mark.setSymbolPen(None)
        self._loss_mark.setSymbolSize(theme.px(12))
        values = np.concatenate([losses, grads])
        low, high = min(float(np.percentile(values, 3)), 0.0), max(float(np.percentile(values, 97)), 0.5)
        plot.setYRange(low - 0.1 * (high - low), high + 0.1 * (high - low), padding=0.02)
        legend = plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self._loss_item, tr("loss L"))
        legend.addItem(self._dloss_item, tr("gradient ∂L/∂z") if name == "ce" else tr("gradient ∂L/∂p"))
        legend.addItem(self._loss_mark, tr("your input"))
        plot.setLabel(
            "bottom",
            tr("logit z of the class, the others held")
            if name == "ce"
            else tr("prediction p (target t = 1)"),
        )
        self.loss_formula.setText(self._loss_formula(name))
        self.loss_formula.setFont(theme.font(1.1, bold=True))

    def _loss_formula(self, name: str) -> str:
        return {
            "mse": tr("L = (1/n) Σ (p − t)²      ∂L/∂p = 2 (p − t) / n"),
            "msle": tr(
                "L = (1/n) Σ (ln(1 + p) − ln(1 + t))²      ∂L/∂p = 2 (ln(1 + p) − ln(1 + t)) / (n (1 + p))"
            ),
            "l1": tr("L = Σ |p − t|      ∂L/∂p = sign(p − t)"),
            "l2": tr("L = Σ (p − t)²      ∂L/∂p = 2 (p − t)"),
            "mae": tr("L = (1/n) Σ |p − t|      ∂L/∂p = sign(p − t) / n"),
            "mape": tr(
                "L = (1/n) Σ 100 |p − t| / |t|      ∂L/∂p = 100 sign(p − t) / (n |t|); t = 0 is left out"
            ),
            "bce": tr("L = −(1/n) Σ (t ln p + (1 − t) ln(1 − p))      ∂L/∂p = (p − t) / (n p (1 − p))"),
            "ce": tr("L = −ln softmax(z)ₜ      ∂L/∂z = softmax(z) − onehot(t)"),
        }[name]

    def _fill_table(self) -> None:
        """Every loss of the digit's output against the chosen class, and the saturated comparison."""
        trace, cls = self._trace, self.chosen_class()
        names = self.loss_names()
        if trace is None or cls is None:
            self.table_title.setText(tr("On your input: draw or pick an input to fill this table."))
            for (loss, column), cell in self._table_cells.items():
                cell.setText(names[loss] if column == 0 else "–")
            for row in self._saturation_cells:
                for cell in row:
                    cell.setText("")
            self.table_note.setText("")
            self.saturation_title.setText("")
            self.saturation_text.setText("")
            return
        logits = np.asarray(trace.logits[0], np.float64)
        results = output_losses(logits, cls)
        self.table_title.setText(
            tr("On your input: the network's output p against class {cls} (t = 1 there, 0 elsewhere)").format(
                cls=self._class_text(cls)
            )
        )
        for loss, result in results.items():
            values = (
                names[loss],
                fmt(result.loss),
                fmt(result.dprobs[cls]),
                fmt(result.dlogits[cls]),
                fmt(np.abs(result.dlogits).max()),
            )
            for column, text in enumerate(values):
                self._table_cells[(loss, column)].setText(text)
        self.table_note.setText(
            tr(
                "∂L/∂z is the gradient carried back through softmax to the logits, what training uses. "
                "MAPE counts only class {cls}: the other targets are 0 and have no percentage error. Binary "
                "cross-entropy clips p to [1e−12, 1 − 1e−12]."
            ).format(cls=self._class_text(cls))
        )
        self._fill_saturation(logits, cls)

    def _fill_saturation(self, logits: np.ndarray, cls: int) -> None:
        """Why cross-entropy, not MSE: against the least likely class the output is saturated and wrong."""
        probs = softmax(logits[None])[0]
        unlikely = int(np.argmin(probs))
        self.saturation_title.setText(tr("Why cross-entropy and not MSE trains the softmax"))
        heads = ("", tr("p of the label"), tr("MSE: largest |∂L/∂z|"), tr("cross-entropy: largest |∂L/∂z|"))
        for cell, text in zip(self._saturation_cells[0], heads, strict=True):
            cell.setText(text)
        rows = (
            (tr("label {cls} (chosen)").format(cls=self._class_text(cls)), cls),
            (tr("label {cls} (least likely)").format(cls=self._class_text(unlikely)), unlikely),
        )
        gradients = []
        for cells, (caption, target) in zip(self._saturation_cells[1:], rows, strict=True):
            results = output_losses(logits, target)
            mse, ce = np.abs(results["mse"].dlogits).max(), np.abs(results["ce"].dlogits).max()
            gradients.append((mse, ce))
            for cell, text in zip(cells, (caption, fmt(probs[target]), fmt(mse), fmt(ce)), strict=True):
                cell.setText(text)
        mse, ce = gradients[1]
        self.saturation_text.setText(
            tr(
                "Were the label {cls}, the network would be confidently wrong (p = {p}). MSE's gradient "
                "reaches the logits through softmax's slope p(1 − p), nearly 0 for a saturated output: at "
                "most {mse}, so the mistake is barely corrected. Cross-entropy's log cancels that slope, "
                "∂L/∂z = p − t, so its gradient is {ce}: learning is fastest when the mistake is worst."
            ).format(cls=self._class_text(unlikely), p=fmt(probs[unlikely]), mse=fmt(mse), ce=fmt(ce))
        )


if __name__ == "__main__":
    run_page(ActivationsView)
