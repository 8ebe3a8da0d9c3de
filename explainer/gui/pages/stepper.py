"""The step-through controller: one whole training step, forward → loss → backward → update, stage by stage.

The core's :func:`explainer.core.passes.pass_steps` records every stage with its tensors once per input;
this view only shows one record at a time. A strip of boxes (one per layer, then the loss) lights up the
active layer in the colour of the phase; below it, the tensors involved are small heatmaps on a diverging
map with symmetric levels; the ``StepPlayer`` gives buttons, keys (←/→, space, Home/End), a speed slider
and a scrubbing timeline.

Run alone: ``python -m explainer.gui.pages.stepper``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QWidget,
)

from explainer.core.network import Sequential
from explainer.core.passes import PassStep, pass_steps
from explainer.core.trace import Trace
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr, translate_error
from explainer.gui.kit.animation import StepPlayer
from explainer.gui.kit.mapboard import MapBoard, Panel, as_image, fmt
from explainer.gui.kit.widgets import (
    TitleLabel,
    button,
    choice_box,
    label,
    page_column,
    set_items,
    side_by_side,
    translated,
)
from explainer.gui.layers import registry
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.learn import learning_rate_box
from explainer.gui.state import signals_blocked


def phase_colour(phase: str) -> QColor:
    """The colour a phase lights its layer with: forward blue, backward red, loss and update the accent."""
    if phase == "forward":
        return theme.lut_color(theme.DIVERGING_LUT, 0.12)
    if phase == "backward":
        return theme.lut_color(theme.DIVERGING_LUT, 0.88)
    return theme.current().accent


def phase_name(phase: str) -> str:
    """The translated name of a phase."""
    return {
        "forward": tr("Forward"),
        "loss": tr("Loss"),
        "backward": tr("Backward"),
        "update": tr("Update"),
    }[phase]


class PassStrip(QWidget):
    """A row of boxes, one per layer and one for the loss, the active one filled in its phase colour.

    Signals:
        sigBoxClicked(layer_index): a box was clicked; -1 is the loss box.
    """

    sigBoxClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pass_strip")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._names: list[str] = []
        self._shapes: list[str] = []
        self._active: tuple[str, int | None] | None = None
        theme.notifier().sigChanged.connect(self._zoomed)

    def _zoomed(self) -> None:
        self.updateGeometry()
        self.update()

    def set_layers(self, names: list[str], shapes: list[str]) -> None:
        """The layer names and output shapes (e.g. "8×28×28"), in order; the loss box is added after them."""
        self._names, self._shapes = list(names), list(shapes)
        self.updateGeometry()
        self.update()

    def set_active(self, phase: str, layer_index: int | None) -> None:
        """Light ``layer_index`` (None: the loss box) in the colour of ``phase``."""
        self._active = (phase, layer_index)
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(theme.font()).lineSpacing()
        return QSize(theme.px(900), round(3 * line + theme.px(24)))

    def minimumSizeHint(self) -> QSize:
        """Boxes just wide enough for their names and shapes (wrapped after a ×), with narrow gaps."""
        n = len(self._names) + 1
        return QSize(round(n * self._least_box() + (n - 1) * theme.px(6)) + 2, self.sizeHint().height())

    def _least_box(self) -> float:
        """The narrowest box that holds every name (bold, as when lit) and every shape's widest piece."""
        names = QFontMetricsF(theme.font(0.95, bold=True)).horizontalAdvance
        shapes = QFontMetricsF(theme.font(0.8)).horizontalAdvance
        pieces = [piece for shape in self._shapes for piece in _breakable(shape).split("\u200b")]
        return max([names(name) for name in [*self._names, tr("loss")]] + [shapes(p) for p in pieces]) + 4

    def _boxes(self) -> list[QRectF]:
        n = len(self._names) + 1
        gap = theme.px(16)
        if (self.width() - (n - 1) * gap - 2) / n < self._least_box():
            gap = theme.px(6)  # a narrow strip gives the room between boxes to their text
        width = (self.width() - (n - 1) * gap - 2) / n
        height = self.height() - theme.px(16)
        return [QRectF(1 + i * (width + gap), theme.px(8), width, height) for i in range(n)]

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = theme.current()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            boxes = self._boxes()
            phase, active = self._active if self._active is not None else ("forward", -2)
            active_box = len(self._names) if active is None else active
            colour = phase_colour(phase)
            names = [*self._names, tr("loss")]
            shapes = [*self._shapes, "L"]
            for i, box in enumerate(boxes):
                lit = i == active_box or (phase == "loss" and i == len(self._names))
                painter.setPen(QPen(colour if lit else palette.frame, 2 if lit else 1))
                painter.setBrush(colour if lit else palette.surface)
                painter.drawRoundedRect(box, 5, 5)
                painter.setPen(QColor("#ffffff") if lit else palette.text)
                painter.setFont(theme.font(0.95, bold=lit))
                top = QRectF(box.left(), box.top() + 2, box.width(), box.height() / 2)
                painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, names[i])
                painter.setFont(theme.font(0.8))
                painter.setPen(QColor("#ffffff") if lit else palette.muted)
                bottom = QRectF(box.left(), box.center().y() + 2, box.width(), box.height() / 2 - 2)
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
                painter.drawText(bottom, flags, _breakable(shapes[i]))
                if i + 1 < len(boxes):
                    self._arrow(painter, box, boxes[i + 1], phase == "backward", palette.muted)

    @staticmethod
    def _arrow(painter: QPainter, left: QRectF, right: QRectF, backward: bool, colour: QColor) -> None:
        """A small arrow between two boxes, pointing the way the data flows in this phase."""
        y = left.center().y()
        start, end = QPointF(left.right() + 2, y), QPointF(right.left() - 2, y)
        if backward:
            start, end = end, start
        painter.setPen(QPen(colour, 1.5))
        painter.drawLine(start, end)
        head = 4.0 if not backward else -4.0
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF([end, QPointF(end.x() - head, y - 3.5), QPointF(end.x() - head, y + 3.5)])
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for i, box in enumerate(self._boxes()):
            if box.contains(event.position()):
                self.sigBoxClicked.emit(i if i < len(self._names) else -1)
                return


def _breakable(shape: str) -> str:
    """``shape`` ("16×14×14") with a zero-width space after each ×, where a narrow box may wrap it."""
    return shape.replace("\u00d7", "\u00d7\u200b")


def _shape_text(shape: tuple[int, ...]) -> str:
    return "\u00d7".join(str(n) for n in shape)


class StepperView(FollowsLanguage, QWidget):
    """Step through one training step of the network on one digit (objectName "stepper").

    Signals:
        sigStepChanged(step): the :class:`PassStep` now shown.
        sigActiveLayer(layer_index, phase): the highlighted layer (-1 for the loss), so the window can
            highlight it elsewhere too.

    Shape:
        the digit ``x`` is ``(28, 28)`` (or the model's ``(H, W)``), raw pixels in [0, 1].
    """

    sigStepChanged = Signal(object)
    sigActiveLayer = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepper")
        self._model: Sequential | None = None
        self._x: np.ndarray | None = None
        self._steps: list[PassStep] = []
        self._trace: Trace | None = None
        self._flat_shape: tuple[int, ...] | None = None
        self._details: list[QWidget] = []

        self.title = TitleLabel("title")
        self.label_text = translated(QLabel(), text=lambda: tr("True label y"))
        self.label_box = translated(
            choice_box("label", self._recompute),
            tip=lambda: tr("The class the loss compares with (default: the predicted class)"),
        )
        self.lr_text = translated(QLabel(), text=lambda: tr("Learning rate"))
        self.lr_box = translated(
            learning_rate_box(), tip=lambda: tr("Step size of the update: W ← W − lr · dL/dW")
        )
        self.lr_box.valueChanged.connect(self._recompute)
        self.detail_button = translated(
            button("details", self.open_detail),
            text=lambda: tr("Show the numbers…"),
            tip=lambda: tr("Open this layer's backward pass with every number (backward stages)"),
        )
        toolbar = side_by_side(
            self.title, self.label_text, self.label_box, self.lr_text, self.lr_box, self.detail_button
        )

        self.strip = PassStrip()
        self.strip.sigBoxClicked.connect(self._jump_to_layer)
        self.phase = label("phase")
        self.loss = label("loss")
        self.loss.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading = side_by_side(self.phase, self.loss)
        self.board = MapBoard()
        self.formula = label("formula", wrap=True, rich=True)
        self.player = StepPlayer()
        self.player.bind_keys(self)
        self.player.sigStepChanged.connect(self._show)

        layout = page_column(self, toolbar, self.strip, heading, self.board, self.formula, stretch=None)
        layout.addStretch(1)
        layout.addWidget(self.player)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    # ---- public API

    def set_problem(self, model: Sequential | None, x: np.ndarray | None, label: int | None = None) -> None:
        """Step through the training step of ``model`` on digit ``x`` against ``label`` (None: predicted).

        None for the model or the digit clears the view.

        Shape:
            x: ``(H, W)`` or ``(1, C, H, W)`` raw pixels.
        """
        self._model = model
        self._x = (
            None if x is None or model is None else np.asarray(x, np.float32).reshape(1, *model.input_shape)
        )
        names = [] if model is None else shown_class_names(model.class_names)
        set_items(self.label_box, names, 0)
        if model is not None and self._x is not None:
            predicted = int(model.predict_proba(self._x)[0].argmax())
            with signals_blocked(self.label_box):
                self.label_box.setCurrentIndex(predicted if label is None else int(label))
        if model is not None:
            shapes = model.output_shapes()
            self.strip.set_layers(
                [layer.name or "" for layer in model.layers], [_shape_text(s) for s in shapes]
            )
            flattens = [i for i, layer in enumerate(model.layers) if layer.kind in registry.kinds("flatten")]
            self._flat_shape = (
                (shapes[flattens[0] - 1] if flattens[0] > 0 else model.input_shape) if flattens else None
            )
        self._recompute()

    def set_label(self, label: int) -> None:
        """Use ``label`` as the true class y of the loss."""
        self.label_box.setCurrentIndex(int(label))

    def set_lr(self, lr: float) -> None:
        """Use learning rate ``lr`` for the update stage."""
        self.lr_box.setValue(float(lr))

    def steps(self) -> list[PassStep]:
        """Every stage of the pass, in order (empty without a problem)."""
        return list(self._steps)

    def current(self) -> PassStep | None:
        """The stage shown now."""
        return self._steps[self.player.step()] if self._steps else None

    def trace(self) -> Trace | None:
        """``model.trace(x, [label])`` of the current problem (what the backward detail views show)."""
        return self._trace

    def open_detail(self) -> QWidget | None:
        """Open the backward detail view of the active layer in its own window (backward stages only)."""
        step = self.current()
        if step is None or step.phase != "backward" or self._trace is None:
            return None
        view = registry.make_backward_view(self._trace, step.layer_index)
        view.setWindowTitle(tr("Backward through {name}").format(name=step.layer_name))
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda: self._details.remove(view) if view in self._details else None)
        self._details.append(view)
        view.resize(theme.px(1300), theme.px(760))
        view.show()
        return view

    # ---- computing and showing

    def _recompute(self) -> None:
        if self._model is None or self._x is None or self.label_box.currentIndex() < 0:
            self._steps, self._trace = [], None
            self.player.set_count(0)
            self.board.set_panels([])
            self.phase.setText(tr("Draw or pick an image to step through a training step."))
            self.loss.setText("")
            self.formula.setText("")
            return
        label = self.label_box.currentIndex()
        try:
            self._steps = pass_steps(self._model, self._x, label, self.lr_box.value())
        except BadInputError as error:
            self.phase.setText(translate_error(error))
            return
        self._trace = self._model.trace(self._x, [label])
        keep = self.player.step()
        self.player.set_count(len(self._steps))
        self.player.set_step(keep)
        self._show(self.player.step())

    def _show(self, index: int) -> None:
        if not self._steps:
            return
        step = self._steps[min(max(index, 0), len(self._steps) - 1)]
        n_layers = len(self._model.layers)
        self.strip.set_active(step.phase, step.layer_index)
        self.detail_button.setEnabled(step.phase == "backward")
        position = {
            "forward": (step.layer_index or 0) + 1,
            "loss": 1,
            "backward": n_layers - (step.layer_index or 0),
            "update": sum(s.phase == "update" and s.index <= step.index for s in self._steps),
        }[step.phase]
        total = sum(s.phase == step.phase for s in self._steps)
        where = "" if step.phase == "loss" else f" · {step.layer_name}"
        colour = phase_colour(step.phase).name()
        self.phase.setText(
            f"<span style='color:{colour}'><b>{phase_name(step.phase)}</b></span> "
            + tr("{i} of {n}").format(i=position, n=total)
            + where
        )
        self.loss.setText(
            tr("loss L = {v}").format(v=fmt(step.loss, 4))
            if step.loss is not None
            else tr("loss: not yet computed")
        )
        self.player.set_caption(tr("stage {i} of {n}").format(i=step.index + 1, n=len(self._steps)))
        self.board.set_panels(self._panels(step))
        self.formula.setText(self._formula(step))
        self.sigStepChanged.emit(step)
        self.sigActiveLayer.emit(-1 if step.layer_index is None else step.layer_index, step.phase)

    def _image(self, tensor: np.ndarray) -> np.ndarray:
        return as_image(tensor, self._flat_shape)

    def _panels(self, step: PassStep) -> list[Panel]:
        """The tensors of a stage as heatmaps, each on its own symmetric levels."""
        t = step.tensors
        if step.phase == "forward":
            panels = [Panel(tr("input x"), self._image(t["x"])), Panel(tr("output y"), self._image(t["y"]))]
            if "W" in t:
                panels.insert(
                    1,
                    Panel(tr("weights W"), self._image(t["W"]), caption=self._weight_layout(t["W"])),
                )
            return panels
        if step.phase == "loss":
            y = int(np.argmax(t["onehot"][0]))
            return [
                Panel(tr("logits z"), t["logits"].astype(np.float64)),
                Panel(
                    tr("p = softmax(z)"),
                    t["probs"].astype(np.float64),
                    levels=(0.0, 1.0),
                    lut=theme.current().sequential_lut,
                ),
                Panel(
                    tr("label y (one-hot, class {y})").format(y=y),
                    t["onehot"].astype(np.float64),
                    levels=(0.0, 1.0),
                    lut=theme.current().sequential_lut,
                ),
                Panel(tr("dL/dz = p − y"), t["dlogits"].astype(np.float64)),
            ]
        if step.phase == "backward":
            panels = [Panel(tr("dL/dy (arrives)"), self._image(t["dy"]))]
            if "dW" in t:
                panels.append(
                    Panel(
                        tr("dL/dW"),
                        self._image(t["dW"]),
                        caption=tr("laid out like W; dL/db: largest |value| {v}").format(
                            v=fmt(np.abs(t["db"]).max())
                        ),
                    )
                )
            panels.append(Panel(tr("dL/dx (sent back)"), self._image(t["dx"])))
            return panels
        delta = t["W_new"].astype(np.float64) - t["W"].astype(np.float64)
        layout = self._weight_layout(t["W"])
        return [
            Panel(tr("W before"), self._image(t["W"]), caption=layout),
            Panel(tr("ΔW = −lr · dL/dW"), self._image(delta), caption=layout),
            Panel(tr("W after"), self._image(t["W_new"]), caption=layout),
        ]

    def _weight_layout(self, weights: np.ndarray) -> str:
        """How a weight array is laid out in its heatmap."""
        if weights.ndim == 4 and weights.shape[1] > 1:
            return tr("row o, column c: the kernel from input map c to output map o")
        if weights.ndim == 4:
            return tr("one kernel per output map")
        if (
            weights.ndim == 2
            and self._flat_shape is not None
            and weights.shape[0] == np.prod(self._flat_shape)
        ):
            return tr("row k: the weights into class k, one map per input map")
        return tr("rows: outputs, columns: inputs")

    def _formula(self, step: PassStep) -> str:
        """One line saying what the stage computes, with its key numbers."""
        t, kind = step.tensors, step.kind
        if step.phase == "forward":
            return registry.family(kind).texts.rule(kind, False)
        if step.phase == "loss":
            y = int(np.argmax(t["onehot"][0]))
            probs = t["probs"][0].astype(np.float64)
            rest = float(np.delete(probs, y).sum())  # 1 − p[y] without cancellation
            text = tr("p = softmax(z);  L = −log p[y] = −log {p} = <b>{L}</b>;  dL/dz = p − y").format(
                p=theme.format_probability(float(probs[y]), rest, 4), L=fmt(step.loss, 4)
            )
            if step.loss is not None and step.loss < 0.01:
                text += "<br>" + tr(
                    "The network is already sure of this label, so every gradient below is tiny; "
                    "pick another label to see a big correction."
                )
            return text
        if step.phase == "backward":
            return registry.family(kind).texts.rule(kind, True)
        lr = self.lr_box.value()
        change = float(np.abs(t["W_new"].astype(np.float64) - t["W"]).max())
        return tr("W ← W − lr · dL/dW with lr = {lr}: the largest weight change is <b>{d}</b>.").format(
            lr=fmt(lr, 4), d=fmt(change)
        )

    def _jump_to_layer(self, layer_index: int) -> None:
        """Go to the clicked layer's stage in the current phase (its forward stage from the loss)."""
        current = self.current()
        if current is None:
            return
        target = None if layer_index < 0 else layer_index
        for phase in (current.phase, "forward", "loss"):
            for step in self._steps:
                if step.phase == phase and step.layer_index == target:
                    self.player.pause()
                    self.player.set_step(step.index)
                    return

    # ---- texts and theme

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title)
        if self._steps:
            self._show(self.player.step())
        else:
            self._recompute()

    def _apply_theme(self) -> None:
        self.phase.setFont(theme.font(1.3))
        self.loss.setFont(theme.font(1.3, bold=True))
        self.formula.setFont(theme.font(1.05, mono=True))


if __name__ == "__main__":
    run_page(StepperView)
