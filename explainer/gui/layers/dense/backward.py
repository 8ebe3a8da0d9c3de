"""The dense backward view: for the last layer first the softmax cross-entropy gradient ``dL/dz = p − y``,
then ``dL/dW``, ``dL/db`` and ``dL/dx``, one output unit at a time, with the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from explainer.core import Trace
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.mapboard import Panel, as_image, fmt
from explainer.gui.layers.base import BackwardDetail
from explainer.gui.layers.dense.forward import FLATTEN_KINDS
from explainer.gui.layers.dense.texts import backward_paragraphs, class_caption


@dataclass(frozen=True)
class ClassStep:
    """One output unit k of a dense layer and its gradient dy_k (its weight-gradient column is x · dy_k)."""

    unit: int
    dy: float


class DenseBackwardView(BackwardDetail):
    """Dense backward; for the last layer first the softmax cross-entropy gradient ``dL/dz = p − y``.

    Steps go through the output units k: ``dL/dW[:, k] = x · dy_k`` (a column per unit), ``dL/db_k = dy_k``,
    and ``dL/dx = W · dy`` once all units have contributed.

    Shape:
        x ``(F,)``, W ``(F, K)``, dy ``(K,)``.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_dense", trace, layer_index, parent)
        self.table = QLabel()
        self.table.setObjectName("softmax_table")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.stage_layout.insertWidget(0, self.table)
        self.finish_toolbar()
        self._adopt()
        self._rebuild()
        self._select(channel)
        self.retranslate_ui()

    def _adopt(self) -> None:
        self.flat_shape = _flat_shape(self.trace, self.layer_index)
        self.last = self.layer_index == len(self.trace.layers) - 1

    def _select(self, channel: int) -> None:
        previous = self.player.blockSignals(True)  # the caller redraws
        self.player.set_step(min(max(channel, 0), len(self.steps) - 1))
        self.player.blockSignals(previous)

    def channel(self) -> int:
        """The class (output unit) shown now."""
        return self.player.step()

    def _title(self) -> str:
        if self.last:
            return tr("Softmax cross-entropy and {name} backward").format(name=self.record.name)
        return super()._title()

    def _explanation(self) -> list[tuple[str, str]]:
        return backward_paragraphs(self.last, self.trace.loss is not None)

    def _build(self) -> None:
        dy = self.record.grad_output[0].astype(np.float64)
        self.steps = [ClassStep(k, float(dy[k])) for k in range(dy.size)]

    def final(self) -> np.ndarray:
        """dL/dW ``(F, K)`` as built column by column: x · dy_k."""
        x = self.record.input[0].astype(np.float64)
        return np.outer(x, [step.dy for step in self.steps])

    def onehot(self) -> np.ndarray:
        """The label y as a one-hot vector ``(K,)`` (zeros for an explicit dL/dlogits target)."""
        y = np.zeros(self.record.output.shape[1])
        if self.trace.loss is not None:
            y[int(np.asarray(self.trace.target)[0])] = 1.0
        return y

    def _show_step(self, index: int, step: Any) -> None:
        self._show_table(step.unit)
        x = self.record.input[0].astype(np.float64)
        final = self.final()
        column = final[:, step.unit]
        dx = self.record.grad_input[0].astype(np.float64)
        self.player.set_caption(class_caption(str(step.unit), step.unit + 1, len(self.steps)))
        self.board.set_panels(
            [
                Panel(
                    tr("x (input of {name})").format(name=self.record.name),
                    as_image(x[None], self.flat_shape),
                    numbers=False,
                    caption=tr("what the layer received"),
                ),
                Panel(
                    tr("dL/dW[:, {k}] = x · dL/dz_{k}").format(k=step.unit),
                    as_image(column[None], self.flat_shape),
                    levels=theme.symmetric_levels(final),
                    numbers=False,
                    caption=tr("the weights into class {k} move by −lr times this").format(k=step.unit),
                ),
                Panel(
                    tr("dL/dx = W · dL/dz"),
                    as_image(dx[None], self.flat_shape),
                    numbers=False,
                    caption=tr("sent back to the previous layer"),
                ),
            ]
        )
        self.formula.setText(
            tr("dL/dW[i, {k}] = x[i] · dL/dz_{k} = x[i] × {g};   dL/db_{k} = dL/dz_{k} = <b>{g}</b>").format(
                k=step.unit, g=fmt(step.dy)
            )
        )

    def _show_table(self, unit: int) -> None:
        """The per-class table: logit z, probability p, label y and p − y (or the explicit target).

        A hidden dense layer's outputs are no class scores: its table holds its own z and dL/dz only.
        """
        names = [str(k) for k in range(self.record.output.shape[1])]
        g = self.record.grad_output[0]
        if not self.last:
            z = self.record.output[0]
            header = [tr("class"), "z", tr("dL/dz (given)")]
            rows = [[names[k], fmt(z[k]), fmt(g[k])] for k in range(len(names))]
        else:
            z = self.trace.logits[0]
            p = self.trace.probs[0]
            y = self.onehot()
            # 1 − p_k as the sum of the others: a confident class's float32 p is exactly 1.
            rest = [float(np.delete(p, k).astype(np.float64).sum()) for k in range(len(names))]
            probs = [theme.format_probability(float(p[k]), rest[k]) for k in range(len(names))]
            header = [tr("class"), tr("logit z"), tr("p = softmax(z)")]
            if self.trace.loss is not None:
                header += [tr("label y"), tr("dL/dz = p − y")]
                rows = [[names[k], fmt(z[k]), probs[k], f"{y[k]:g}", fmt(g[k])] for k in range(len(names))]
            else:
                header += [tr("dL/dz (given)")]
                rows = [[names[k], fmt(z[k]), probs[k], fmt(g[k])] for k in range(len(names))]
        accent = theme.current().accent.name()
        cells = "".join(f"<th style='padding:0 8px'>{h}</th>" for h in header)
        body = "".join(
            "<tr{style}>{cells}</tr>".format(
                style=f" style='background:{accent}'" if k == unit else "",
                cells="".join(f"<td align='right' style='padding:0 8px'>{v}</td>" for v in row),
            )
            for k, row in enumerate(rows)
        )
        loss = (
            tr("loss = −log p[label] = {v}").format(v=fmt(self.trace.loss, 4))
            if self.trace.loss is not None
            else ""
        )
        self.table.setText(f"<table cellspacing='0'><tr>{cells}</tr>{body}</table><p>{loss}</p>")


def _flat_shape(trace: Trace, layer_index: int) -> tuple[int, ...] | None:
    """The ``(C, H, W)`` of the maps that a Flatten before this layer turned into a vector, if any."""
    for record in reversed(trace.layers[:layer_index]):
        if record.kind in FLATTEN_KINDS:
            return tuple(record.input.shape[1:])
    return None
