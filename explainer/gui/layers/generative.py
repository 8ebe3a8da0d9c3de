"""The generative families: the layers a decoder grows an image with, ``Reshape`` and ``ConvTranspose2D``.

Transposed convolution forward (``ConvTransposeView``): one input pixel at a time, its value times the
kernel ``W[c, o]`` is stamped onto the larger output, S cells further along for each step along the input;
where stamps overlap they add. The panels show input map c with the pixel, the kernel, the stamp (value ×
kernel), the stamps of map c added up on the full grid (the P-cell border that is cut away hatched), and
the layer's real output map o: the sum of such maps over every input channel, plus the bias.

Backward (``ConvTransposeBackwardView``): each input pixel reads back the gradient under its stamp,
``dL/dx[c, r, w] = Σ_o Σ_ij W[c, o, i, j] · dL/dy_full[o, S·r + i, S·w + j]``, a plain convolution of
dL/dy with the same kernel; ``dL/dW[c, o] = Σ_rw x[c, r, w] · (the window under its stamp)``.

Reshape forward (``ReshapeView``): the vector cut into maps in reading order, one map per step; backward:
the gradient reshaped back (``base.ReshapeBackwardView``).

Run alone: ``python -m explainer.gui.layers.generative`` (``--backward`` for the backward view); a
classifier has none of these layers, so alone it opens them on a small decoder-like network.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from explainer.core import Trace
from explainer.core.trace import LayerRecord
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import DetailView
from explainer.gui.kit.mapboard import MapBoard, Panel, fmt, wrap
from explainer.gui.kit.widgets import label, set_items
from explainer.gui.layers.base import (
    BackwardDetail,
    FamilyTexts,
    LayerFamily,
    RecordView,
    ReshapeBackwardView,
)

DECONV_KINDS = ("conv_transpose2d",)
"""The transposed convolutions."""

RESHAPE_KINDS = ("reshape",)
"""Reshape: a vector becomes maps (or any other shape) with the same numbers."""

VECTOR_ROW = 32
"""Values per row when a vector is drawn as a map."""


# ---- the stamps --------------------------------------------------------------------------------------


def geometry(record: LayerRecord) -> tuple[int, int, int]:
    """(kernel size k, stride S, padding P) of a transposed convolution's record."""
    config = record.config
    return int(config["kernel_size"]), int(config.get("stride", 1)), int(config.get("padding", 0))


def stamps_added(record: LayerRecord, c: int, o: int, count: int | None = None) -> np.ndarray:
    """The full stamped grid of output map o after the first ``count`` pixels (reading order; None: all)
    of input map c.

    Shape:
        returns ``((H - 1)·S + k, (W - 1)·S + k)`` float64; the layer's output is its centre, P cells in.
    """
    k, s, _ = geometry(record)
    x = record.input[0, c].astype(np.float64)
    kernel = record.params["W"][c, o].astype(np.float64)
    H, W = x.shape
    full = np.zeros(((H - 1) * s + k, (W - 1) * s + k))
    for index in range(H * W if count is None else min(count, H * W)):
        r, w = divmod(index, W)
        full[r * s : r * s + k, w * s : w * s + k] += x[r, w] * kernel
    return full


def gradient_under_stamps(record: LayerRecord, o: int) -> np.ndarray:
    """dL/dy[o] zero-padded by P back onto the full stamped grid: the window of input pixel (r, w) starts
    at (S·r, S·w).

    Shape:
        returns ``((H - 1)·S + k, (W - 1)·S + k)`` float64.
    """
    _, _, p = geometry(record)
    assert record.grad_output is not None
    return np.pad(record.grad_output[0, o].astype(np.float64), p)


def _channel_boxes(view: QWidget, record: LayerRecord) -> tuple[QComboBox, QComboBox]:
    """The input-map and output-map pickers, sized for ``record`` ("c = 0", "o = 0", ...)."""
    boxes = []
    for name, letter, count in (
        ("in_channel", "c", record.input.shape[1]),
        ("out_channel", "o", record.output.shape[1]),
    ):
        box = view.findChild(QComboBox, name)
        items = [f"{letter} = {i}" for i in range(count)]
        set_items(box, items)
        boxes.append(box)
    return boxes[0], boxes[1]


def _new_box(name: str, tip: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setToolTip(tip)
    return box


def _stage(view: DetailView, columns: int | None) -> tuple[MapBoard, QLabel]:
    """Finish ``view``'s toolbar and give it a map board and a formula line; steps call ``_show_step``."""
    view.finish_toolbar()
    board, formula = MapBoard(columns), label("formula", wrap=True)
    view.stage_layout.addWidget(board, 1)
    view.stage_layout.addWidget(formula)
    view.player.sigStepChanged.connect(view._show_step)  # type: ignore[attr-defined]
    return board, formula


def _cells(top: int, left: int, rows: int, cols: int) -> str:
    """``rows a–b, columns c–d`` of a block, for a caption."""
    return tr("rows {a}–{b}, columns {c}–{d}").format(a=top, b=top + rows - 1, c=left, d=left + cols - 1)


# ---- texts --------------------------------------------------------------------------------------------


def deconv_paragraphs(k: int, s: int, p: int) -> list[tuple[str, str]]:
    """(heading, body) pairs explaining a transposed convolution with these settings."""
    return [
        (
            tr("Transposed convolution: each pixel stamps the kernel"),
            tr(
                "A decoder has to grow a small grid into a larger image. Here every input pixel leaves a "
                "copy of the {k}×{k} kernel, multiplied by its value, on the output; the stamps of "
                "neighbouring pixels land {s} cells apart, so the output is about {s} times larger. Where "
                "stamps overlap, they add up."
            ).format(k=k, s=s),
        ),
        (
            tr("Channels, bias and the cut border"),
            tr(
                "Every input map stamps its own kernel onto every output map, and an output map is the sum "
                "of the stamps from all input maps plus its bias. Finally {p} rows and columns are cut from "
                "each side (hatched): out = (in − 1) × {s} − 2 × {p} + {k}."
            ).format(k=k, s=s, p=p),
        ),
        (
            tr("The same numbers as a convolution's backward pass"),
            tr(
                "A convolution's gradient dL/dx is exactly this operation applied to dL/dy: a transposed "
                "convolution runs a convolution backwards. That is why it is also called a "
                "'fractionally strided' convolution (not a 'deconvolution': it does not undo one)."
            ),
        ),
    ]


def deconv_backward_paragraphs() -> list[tuple[str, str]]:
    """(heading, body) pairs explaining a transposed convolution's backward pass."""
    return [
        (
            tr("Each pixel reads back what its stamp touched"),
            tr(
                "An input pixel changed the output only where its stamp landed, by its value times the "
                "kernel. So its gradient is the sum, over the cells of its stamp, of dL/dy times the kernel "
                "weight there, added over all output maps: dL/dx[c, r, w] = Σ_o Σ_ij W[c, o, i, j] · "
                "dL/dy[o, S·r + i, S·w + j]. That is an ordinary convolution of dL/dy with the kernel."
            ),
        ),
        (
            tr("The kernel and the bias"),
            tr(
                "Weight W[c, o, i, j] scaled every input pixel's stamp, so dL/dW[c, o] adds each input "
                "value times the gradient window under its stamp; dL/db[o] is the sum of dL/dy[o]."
            ),
        ),
    ]


def reshape_paragraphs() -> list[tuple[str, str]]:
    """(heading, body) pairs explaining Reshape."""
    return [
        (
            tr("Reshape: the same numbers, laid out as maps"),
            tr(
                "A decoder starts from a short code, and a dense layer turns it into a long vector. Reshape "
                "cuts that vector into maps in reading order, so the transposed convolutions after it can "
                "treat it as a small image. No number changes; it undoes a Flatten."
            ),
        )
    ]


def describe(kind: str, config: Mapping[str, Any]) -> str:
    """What a Reshape or transposed convolution does, in words, for the architecture editor's table."""
    if kind in RESHAPE_KINDS:
        return tr("the vector laid out as {shape}").format(shape="×".join(map(str, config["shape"])))
    return tr("{c_out} maps, each input pixel stamps a {k}×{k} kernel every {s} cells").format(
        c_out=config["out_channels"], k=config["kernel_size"], s=config.get("stride", 1)
    )


def rule(kind: str, backward: bool) -> str:
    """The step-through page's line for a Reshape or transposed convolution's forward (or backward) pass."""
    if kind in RESHAPE_KINDS:
        return (
            tr("The gradient is laid out back as the input vector.")
            if backward
            else tr("The vector is cut into maps; no numbers change.")
        )
    if backward:
        return tr("dL/dx[c, r, w] = Σ over the stamp of dL/dy × W; dL/db = Σ dL/dy.")
    return tr("Each input pixel adds value × kernel onto the output, S cells apart; then + b.")


def title(kind: str) -> str:
    """The layer's name in a picker."""
    return tr("Reshape") if kind in RESHAPE_KINDS else tr("Transposed convolution")


# ---- forward: transposed convolution --------------------------------------------------------------------


class ConvTransposeView(RecordView):
    """How a transposed convolution grows its output: input pixel by pixel, value × kernel stamped on.

    objectName ``"deconv_view"``; ``channel`` is the output map o; the "c" box picks the input map.

    Shape:
        record.input ``(N, C_in, H, W)``, W ``(C_in, C_out, k, k)``,
        record.output ``(N, C_out, H_out, W_out)``.
    """

    KINDS = DECONV_KINDS
    WHAT = "a transposed convolution"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("deconv_view", parent)
        self.in_box = _new_box("in_channel", tr("Input channel c (a map this layer reads)"))
        self.out_box = _new_box("out_channel", tr("Output channel o (a map this layer makes)"))
        for box in (self.in_box, self.out_box):
            box.currentIndexChanged.connect(self._refresh)
            self.toolbar.addWidget(box)
        self.board, self.formula = _stage(self, columns=3)

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain output map ``channel`` of layer ``layer_index`` of ``trace`` (None: no input yet)."""
        self._take(trace, layer_index)
        if self.record is not None:
            _, out_box = _channel_boxes(self, self.record)
            previous = out_box.blockSignals(True)
            out_box.setCurrentIndex(min(max(channel, 0), out_box.count() - 1))
            out_box.blockSignals(previous)
        self._refresh()

    def channel(self) -> int:
        """The output map o shown now."""
        return self.out_box.currentIndex()

    def _refresh(self) -> None:
        count = 0 if self.record is None else math.prod(self.record.input.shape[2:])
        self.player.set_count(count)
        self.retranslate_ui()

    def _write_texts(self, record: LayerRecord) -> None:
        self.title.setText(
            tr("{name} (transposed convolution): {h}×{w} grows to {oh}×{ow}").format(
                name=record.name,
                h=record.input.shape[2],
                w=record.input.shape[3],
                oh=record.output.shape[2],
                ow=record.output.shape[3],
            )
        )
        self.set_paragraphs(deconv_paragraphs(*geometry(record)))

    def final(self) -> np.ndarray:
        """What the stamps of input map c add up to on the output map o, once every pixel is stamped.

        Shape:
            ``(H_out, W_out)``: the full grid with the P-cell border cut.
        """
        assert self.record is not None
        _, _, p = geometry(self.record)
        full = stamps_added(self.record, self.in_box.currentIndex(), self.out_box.currentIndex())
        return full[p : full.shape[0] - p, p : full.shape[1] - p]

    def _show_step(self, step: int) -> None:
        if self.record is None or not self.player.count():
            return
        record, c, o = self.record, self.in_box.currentIndex(), self.out_box.currentIndex()
        k, s, p = geometry(record)
        x = record.input[0, c].astype(np.float64)
        kernel = record.params["W"][c, o].astype(np.float64)
        r, w = divmod(step, x.shape[1])
        value = float(x[r, w])
        total = stamps_added(record, c, o)
        self.player.set_caption(
            tr("pixel ({r}, {w}) of map {c}  ·  step {i} of {n}").format(r=r, w=w, c=c, i=step + 1, n=x.size)
        )
        output = record.output[0, o].astype(np.float64)
        top, left = r * s - p, w * s - p
        self.board.set_panels(
            [
                Panel(
                    tr("input map {c}").format(c=c),
                    x,
                    highlight=(r, w, 1, 1),
                    caption=tr("pixel ({r}, {w}) = {v}").format(r=r, w=w, v=fmt(value)),
                ),
                Panel(
                    tr("kernel W[{c},{o}]").format(c=c, o=o),
                    kernel,
                    caption=tr("what map {c} stamps onto map {o}").format(c=c, o=o),
                ),
                Panel(
                    tr("stamp = {v} × kernel").format(v=fmt(value)),
                    value * kernel,
                    levels=theme.symmetric_levels(total),
                    caption=tr("added {s} cells further for each input step").format(s=s),
                ),
                Panel(
                    tr("stamps of map {c} added up").format(c=c),
                    stamps_added(record, c, o, step + 1),
                    levels=theme.symmetric_levels(total),
                    highlight=(r * s, w * s, k, k),
                    hatch=p,
                    caption=tr("hatched: the {p}-cell border that is cut away").format(p=p),
                ),
                Panel(
                    tr("output map {o}").format(o=o),
                    output,
                    caption=tr("Σ over {n} input maps + b = {b}").format(
                        n=record.input.shape[1], b=fmt(float(record.params["b"][o]))
                    ),
                ),
            ]
        )
        # The part of the stamp inside the output, once the P-cell border is cut (none at all is possible).
        rows = range(max(top, 0), min(top + k, output.shape[0]))
        cols = range(max(left, 0), min(left + k, output.shape[1]))
        visible = _cells(rows.start, cols.start, len(rows), len(cols)) if rows and cols else tr("nothing")
        self.formula.setText(
            tr(
                "x[{c}][{r},{w}] = {v}: the stamp {v} × W[{c},{o}] lands on the full grid at {full}; "
                "{visible} of the output. Its corner: {v} × {w0} = {s0}"
            ).format(
                c=c,
                r=r,
                w=w,
                v=fmt(value),
                o=o,
                full=_cells(r * s, w * s, k, k),
                visible=visible,
                w0=fmt(float(kernel[0, 0])),
                s0=fmt(value * float(kernel[0, 0])),
            )
        )


# ---- backward: transposed convolution --------------------------------------------------------------------


class ConvTransposeBackwardView(BackwardDetail):
    """Transposed convolution backward: each input pixel's gradient is the sum of dL/dy × W under its stamp.

    Shape:
        dL/dy[o] ``(H_out, W_out)``, W[c, o] ``(k, k)``, dL/dx[c] ``(H, W)``.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_deconv", trace, layer_index, parent)
        self.board.set_columns(3)
        self.in_box = _new_box("in_channel", tr("Input channel c (a map this layer reads)"))
        self.out_box = _new_box("out_channel", tr("Output channel o (a map this layer makes)"))
        for box in (self.in_box, self.out_box):
            box.currentIndexChanged.connect(self._rebuild)
            self.toolbar.addWidget(box)
        self._open(channel)

    def _adopt(self) -> None:
        _channel_boxes(self, self.record)

    def _select(self, channel: int) -> None:
        self._set_index(self.out_box, channel)

    def channel(self) -> int:
        """The output map o shown now."""
        return self.out_box.currentIndex()

    def _explanation(self) -> list[tuple[str, str]]:
        return deconv_backward_paragraphs()

    def _build(self) -> None:
        self.steps = list(range(math.prod(self.record.input.shape[2:])))

    def final(self) -> np.ndarray:
        """Map o's share of dL/dx[c]: every input pixel's Σ window ⊙ W[c, o].

        Shape:
            ``(H, W)``; summed over the output maps o it is the trace's dL/dx[c].
        """
        k, s, _ = geometry(self.record)
        c, o = self.in_box.currentIndex(), self.out_box.currentIndex()
        full = gradient_under_stamps(self.record, o)
        kernel = self.record.params["W"][c, o].astype(np.float64)
        H, W = self.record.input.shape[2:]
        share = np.empty((H, W))
        for r in range(H):
            for w in range(W):
                share[r, w] = np.sum(full[r * s : r * s + k, w * s : w * s + k] * kernel)
        return share

    def _show_step(self, index: int, step: Any) -> None:
        k, s, p = geometry(self.record)
        c, o = self.in_box.currentIndex(), self.out_box.currentIndex()
        H, W = self.record.input.shape[2:]
        r, w = divmod(index, W)
        full = gradient_under_stamps(self.record, o)
        kernel = self.record.params["W"][c, o].astype(np.float64)
        window = full[r * s : r * s + k, w * s : w * s + k]
        share = self.final()
        built = np.full(share.shape, np.nan)
        built.reshape(-1)[: index + 1] = share.reshape(-1)[: index + 1]
        assert self.record.grad_input is not None
        self.player.set_caption(tr("step {i} of {n}").format(i=index + 1, n=H * W))
        self.board.set_panels(
            [
                Panel(
                    tr("dL/dy[{o}], padded by {p}").format(o=o, p=p),
                    full,
                    highlight=(r * s, w * s, k, k),
                    hatch=p,
                    caption=tr("the cells the stamp of pixel ({r}, {w}) touched").format(r=r, w=w),
                ),
                Panel(tr("kernel W[{c},{o}]").format(c=c, o=o), kernel, caption=tr("its weights")),
                Panel(
                    tr("window ⊙ kernel"),
                    window * kernel,
                    caption=tr("sum = {v}").format(v=fmt(float(np.sum(window * kernel)))),
                ),
                Panel(
                    tr("share from map {o}").format(o=o),
                    built,
                    levels=theme.symmetric_levels(share),
                    highlight=(r, w, 1, 1),
                    caption=tr("one pixel per step"),
                ),
                Panel(
                    tr("dL/dx[{c}]").format(c=c),
                    self.record.grad_input[0, c].astype(np.float64),
                    highlight=(r, w, 1, 1),
                    caption=tr("Σ of such shares over all {n} output maps").format(
                        n=self.record.output.shape[1]
                    ),
                ),
            ]
        )
        self.formula.setText(
            tr(
                "dL/dx[{c}][{r},{w}] (from map {o}) = Σ window ⊙ W[{c},{o}] = <b>{v}</b>; dL/db[{o}] = {b}"
            ).format(
                c=c,
                r=r,
                w=w,
                o=o,
                v=fmt(float(share[r, w])),
                b=fmt(float(self.record.grads["b"][o])),
            )
        )


# ---- reshape ------------------------------------------------------------------------------------------


class ReshapeView(RecordView):
    """Reshape forward: the input vector cut into maps in reading order, one map per step.

    objectName ``"reshape_view"``; ``channel`` is the map shown first.

    Shape:
        record.input ``(N, F)``, record.output ``(N, C, H, W)`` (or another shape of F numbers).
    """

    KINDS = RESHAPE_KINDS
    WHAT = "a Reshape"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("reshape_view", parent)
        self.board, self.formula = _stage(self, columns=None)

    def _map_count(self, record: LayerRecord) -> int:
        return self._maps().shape[0]

    def _maps(self) -> np.ndarray:
        """The output as a stack of maps ``(C, H, W)`` (a vector output is one row of one map)."""
        assert self.record is not None
        y = self.record.output[0].astype(np.float64)
        return y if y.ndim == 3 else y.reshape(1, 1, -1)

    def _write_texts(self, record: LayerRecord) -> None:
        self.title.setText(
            tr("{name} (reshape): {n} numbers become {shape}").format(
                name=record.name,
                n=record.input[0].size,
                shape="×".join(map(str, record.output.shape[1:])),
            )
        )
        self.set_paragraphs(reshape_paragraphs())

    def _show_step(self, step: int) -> None:
        if self.record is None:
            return
        maps = self._maps()
        size = maps[0].size
        vector = self.record.input[0].reshape(-1).astype(np.float64)
        marks = np.zeros(math.ceil(vector.size / VECTOR_ROW) * VECTOR_ROW, bool)
        marks[step * size : (step + 1) * size] = True
        grid = wrap(vector, VECTOR_ROW)
        self.player.set_caption(tr("map {c} of {n}").format(c=step, n=len(maps)))
        self.board.set_panels(
            [
                Panel(
                    tr("input vector"),
                    grid,
                    marks=marks[: grid.size].reshape(grid.shape),
                    numbers=False,
                    caption=tr("outlined: numbers {a}–{b}").format(a=step * size, b=(step + 1) * size - 1),
                ),
                Panel(
                    tr("map {c}").format(c=step),
                    maps[step],
                    caption=tr("the same numbers, row by row"),
                ),
            ]
        )
        self.formula.setText(
            tr("map {c}[i, j] = input[{c} × {size} + i × {w} + j]").format(c=step, size=size, w=maps.shape[2])
        )


TEXTS = FamilyTexts(describe, rule, title)

RESHAPE = LayerFamily("reshape", RESHAPE_KINDS, ReshapeView, ReshapeBackwardView, TEXTS)
DECONV = LayerFamily("deconv", DECONV_KINDS, ConvTransposeView, ConvTransposeBackwardView, TEXTS)


def demo_trace(backward: bool) -> Trace:
    """A trace through a small decoder-like classifier (a digit's 49 numbers reshaped and stamped up),
    for running the views alone: no bundled classifier has these layers.

    Shape:
        input ``(1, 1, 28, 28)``.
    """
    from explainer.core import ConvTranspose2D, Dense, Flatten, MaxPool2D, Reshape, Sequential
    from explainer.gui.kit.samples import sample_problem

    rng = np.random.default_rng(0)
    model = Sequential(
        [
            MaxPool2D(4),
            Flatten(),
            Dense(49, 2 * 49, rng=rng),
            Reshape((2, 7, 7)),
            ConvTranspose2D(2, 3, 4, stride=2, padding=1, rng=rng),
            Flatten(),
            Dense(3 * 14 * 14, 10, rng=rng),
        ]
    )
    _, x, digit = sample_problem()
    return model.trace(x[None, None], [digit] if backward else None)


def main(argv: list[str]) -> None:
    """``python -m explainer.gui.layers.generative [--backward] [--reshape]``."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    theme.apply_palette(app, dark=False)
    backward = "--backward" in argv
    trace = demo_trace(backward)
    family = RESHAPE if "--reshape" in argv else DECONV
    index = next(i for i, record in enumerate(trace.layers) if record.kind in family.kinds)
    if backward:
        view: QWidget = family.backward_view(trace, index, 0)
    else:
        view = family.forward_view()
        view.set_trace(trace, index, 0)  # type: ignore[attr-defined]
    view.resize(theme.px(1400), theme.px(860))
    view.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv)
