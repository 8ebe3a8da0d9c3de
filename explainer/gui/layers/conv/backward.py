"""The convolution backward view: dL/dA_prev as the full convolution of dL/dZ with the kernel rotated
180°, and dL/dW as the correlation of the input with dL/dZ, one output and input channel at a time.

Driven by the core's ``conv_input_grad_steps`` and ``conv_weight_grad_steps``; what the view has built at
its last step equals the trace's gradients (the tests check that).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PySide6.QtWidgets import QWidget

from explainer.core import conv_input_grad_steps, conv_weight_grad_steps
from explainer.core.layers import resolve_pads
from explainer.core.ops import output_size
from explainer.core.trace import LayerRecord, Trace
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.mapboard import Panel, fmt
from explainer.gui.kit.widgets import set_items
from explainer.gui.layers.base import BackwardDetail
from explainer.gui.layers.conv.texts import backward_paragraphs


def conv_geometry(record: LayerRecord) -> tuple[int, int, int | list[int]]:
    """(kernel size, stride, padding) of a convolution: the record's config when it has one, else the
    symmetric settings that reproduce output channel 0 exactly from its arrays. The padding is one number
    for every side, or ``[top, left, bottom, right]`` when the sides differ.

    Shape:
        record.input ``(N, C_in, H, W)``, record.params["W"] ``(C_out, C_in, k, k)``.
    """
    W, b = record.params["W"], record.params["b"]
    k = W.shape[-1]
    if "stride" in record.config and "padding" in record.config:
        return k, int(record.config["stride"]), resolve_pads(record.config["padding"], k).config()
    (H, Wd), (out_h, out_w) = record.input.shape[2:], record.output.shape[2:]
    x = record.input[0].astype(np.float64)
    for stride in range(1, k + 1):
        for padding in range(k):
            try:
                if (output_size(H, k, stride, padding), output_size(Wd, k, stride, padding)) != (
                    out_h,
                    out_w,
                ):
                    continue
            except ValueError:
                continue
            xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
            windows = sliding_window_view(xp, (k, k), axis=(1, 2))[:, ::stride, ::stride][:, :out_h, :out_w]
            z = np.einsum("chwij,cij->hw", windows, W[0].astype(np.float64)) + float(b[0])
            if np.allclose(z, record.output[0, 0], rtol=1e-4, atol=1e-4):
                return k, stride, padding
    raise BadInputError(f"cannot work out the stride and padding of {record.name} from its numbers")


def _blank(final: np.ndarray, filled: int) -> np.ndarray:
    """``final`` with only its first ``filled`` cells (row-major) shown, the rest blank (NaN).

    Shape:
        final: ``(H, W)``; returns ``(H, W)`` float64.
    """
    out = np.full(final.shape, np.nan)
    out.reshape(-1)[:filled] = final.reshape(-1)[:filled]
    return out


def _factor(value: float) -> str:
    """A factor of a product, in parentheses when negative so that "×−" never appears."""
    text = fmt(value)
    return f"({text})" if text.startswith("\u2212") else text


def _terms(a: np.ndarray, b: np.ndarray, limit: int = 9) -> str:
    """``a0×b0 + a1×b1 + …`` for a formula line, at most ``limit`` products then an ellipsis."""
    pairs = [f"{_factor(p)}\u00d7{_factor(q)}" for p, q in zip(a.reshape(-1), b.reshape(-1), strict=True)]
    text = " + ".join(pairs[:limit])
    return text + (" + \u2026" if len(pairs) > limit else "")


class ConvBackwardView(BackwardDetail):
    """Conv backward: dL/dA_prev as the full convolution of dL/dZ with the kernel rotated 180°, and dL/dW
    as the correlation of the input with dL/dZ; one output channel o and input channel c at a time.

    Shape:
        dL/dZ[o] ``(H_out, W_out)``, W[o, c] ``(k, k)``, A_prev[c] ``(H, W)``.
    """

    MODES = ("input", "weight")

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_conv", trace, layer_index, parent)
        self.mode_box = self._combo(
            "mode",
            tr("Which gradient to compute"),
            [tr("dL/dA_prev: full convolution with the kernel rotated 180°"), tr("dL/dW: input ⋆ dL/dZ")],
            0,
        )
        self.out_box = self._combo("out_channel", tr("Output channel o (a map of this layer)"), [], 0)
        self.in_box = self._combo("in_channel", tr("Input channel c (a map of the previous layer)"), [], 0)
        for widget in (self.mode_box, self.out_box, self.in_box):
            self.toolbar.addWidget(widget)
        self._open(channel)

    def _adopt(self) -> None:
        self.k, self.stride, padding = conv_geometry(self.record)
        self.padding = resolve_pads(padding, self.k)
        c_out, c_in = self.record.params["W"].shape[:2]
        set_items(self.out_box, [f"o = {o}" for o in range(c_out)])
        set_items(self.in_box, [f"c = {c}" for c in range(c_in)])

    def _select(self, channel: int) -> None:
        self._set_index(self.out_box, channel)

    def channel(self) -> int:
        """The output map o shown now."""
        return self.out_box.currentIndex()

    def retranslate_ui(self) -> None:
        """Also translate the mode names."""
        self.mode_box.setItemText(0, tr("dL/dA_prev: full convolution with the kernel rotated 180°"))
        self.mode_box.setItemText(1, tr("dL/dW: input ⋆ dL/dZ"))
        super().retranslate_ui()

    def _explanation(self) -> list[tuple[str, str]]:
        return backward_paragraphs(self.k, self.stride, self.padding)

    @property
    def mode(self) -> str:
        """ "input" (dL/dA_prev) or "weight" (dL/dW)."""
        return self.MODES[self.mode_box.currentIndex()]

    def set_mode(self, mode: str) -> None:
        """Animate dL/dA_prev ("input") or dL/dW ("weight")."""
        self.mode_box.setCurrentIndex(self.MODES.index(mode))

    def set_channels(self, out_channel: int, in_channel: int) -> None:
        """Choose the output channel o and the input channel c."""
        self.out_box.setCurrentIndex(out_channel)
        self.in_box.setCurrentIndex(in_channel)

    def _build(self) -> None:
        o, c = self.out_box.currentIndex(), self.in_box.currentIndex()
        dz = self.record.grad_output[0, o]
        if self.mode == "input":
            w = self.record.params["W"][o, c]
            shape = self.record.input.shape[2:]
            self.steps = list(conv_input_grad_steps(dz, w, self.stride, self.padding, input_shape=shape))
        else:
            x = self.record.input[0, c]
            self.steps = list(conv_weight_grad_steps(x, dz, self.k, self.k, self.stride, self.padding))

    def final(self) -> np.ndarray:
        """Input mode: map o's share of dL/dA_prev[c] ``(H, W)``; weight mode: dL/dW[o, c] ``(k, k)``."""
        shape = self.record.input.shape[2:] if self.mode == "input" else (self.k, self.k)
        return np.array([step.value for step in self.steps]).reshape(shape)

    def _full_dz(self) -> np.ndarray:
        """dL/dZ[o] dilated by the stride and zero-padded so that window (r, c) starts at cell (r, c).

        Shape:
            returns ``(H + k - 1, W + k - 1)``.
        """
        o = self.out_box.currentIndex()
        dz = self.record.grad_output[0, o].astype(np.float64)
        H, W = self.record.input.shape[2:]
        k, s, p = self.k, self.stride, self.padding
        dilated = np.zeros(((dz.shape[0] - 1) * s + 1, (dz.shape[1] - 1) * s + 1))
        dilated[::s, ::s] = dz
        # The full convolution over the padded input, cut where the input starts (P_top, P_left).
        full = np.pad(dilated, ((k - 1, H + k), (k - 1, W + k)))
        return full[p.top : p.top + H + k - 1, p.left : p.left + W + k - 1]

    def _dz_ring(self) -> tuple[int, int, int, int]:
        """The zero cells (top, left, bottom, right) around dL/dZ in :meth:`_full_dz`, to hatch."""
        k, s, p = self.k, self.stride, self.padding
        H, W = self.record.input.shape[2:]
        out_h, out_w = self.record.grad_output.shape[2:]
        top, left = max(k - 1 - p.top, 0), max(k - 1 - p.left, 0)
        rows = min((out_h - 1) * s + 1 - max(p.top - k + 1, 0), H + k - 1 - top)
        cols = min((out_w - 1) * s + 1 - max(p.left - k + 1, 0), W + k - 1 - left)
        return top, left, H + k - 1 - top - rows, W + k - 1 - left - cols

    def _show_step(self, index: int, step: Any) -> None:
        o, c = self.out_box.currentIndex(), self.in_box.currentIndex()
        final = self.final()
        levels = theme.symmetric_levels(final)
        built = _blank(final, index + 1)
        k = self.k
        self.player.set_caption(tr("step {i} of {n}").format(i=index + 1, n=len(self.steps)))
        if self.mode == "input":
            total = self.record.grad_input[0, c].astype(np.float64)
            self.board.set_panels(
                [
                    Panel(
                        tr("dL/dZ[{o}], zero-padded").format(o=o),
                        self._full_dz(),
                        highlight=(step.row, step.col, k, k),
                        hatch=self._dz_ring(),
                        caption=tr("the gradient arriving at this layer's output map o"),
                    ),
                    Panel(
                        tr("rot180(W[{o},{c}])").format(o=o, c=c),
                        np.asarray(step.kernel, np.float64),
                        caption=tr("the kernel turned upside down and mirrored"),
                    ),
                    Panel(
                        tr("share from map {o}").format(o=o),
                        built,
                        levels=levels,
                        highlight=(step.row, step.col, 1, 1),
                        caption=tr("Σ window ⊙ rot180(W), one cell per step"),
                    ),
                    Panel(
                        tr("dL/dA_prev[{c}]").format(c=c),
                        total,
                        highlight=(step.row, step.col, 1, 1),
                        caption=tr("sum of such maps over all {n} output channels").format(
                            n=self.record.grad_output.shape[1]
                        ),
                    ),
                ]
            )
            self.formula.setText(
                tr(
                    "dL/dA_prev[{c}][{r},{s}] (from map {o}) = Σ window ⊙ rot180(W) = {terms} = <b>{v}</b>"
                ).format(
                    c=c,
                    r=step.row,
                    s=step.col,
                    o=o,
                    terms=_terms(step.window, step.kernel),
                    v=fmt(step.value),
                )
            )
            return
        x = self.record.input[0, c].astype(np.float64)
        p, s = self.padding, self.stride
        xp = np.pad(x, ((p.top, p.bottom), (p.left, p.right)))
        marks = np.zeros(xp.shape, bool)
        marks[
            step.row : step.row + s * (step.window.shape[0] - 1) + 1 : s,
            step.col : step.col + s * (step.window.shape[1] - 1) + 1 : s,
        ] = True
        dz = self.record.grad_output[0, o].astype(np.float64)
        self.board.set_panels(
            [
                Panel(
                    tr("A_prev[{c}], padded").format(c=c),
                    xp,
                    highlight=(
                        step.row,
                        step.col,
                        (step.window.shape[0] - 1) * s + 1,
                        (step.window.shape[1] - 1) * s + 1,
                    ),
                    hatch=tuple(p),
                    caption=tr("the input pixels weight ({i},{j}) touched").format(i=step.row, j=step.col),
                ),
                Panel(tr("dL/dZ[{o}]").format(o=o), dz, caption=tr("the gradient at this layer's output")),
                Panel(
                    tr("dL/dW[{o},{c}]").format(o=o, c=c),
                    built,
                    levels=levels,
                    highlight=(step.row, step.col, 1, 1),
                    caption=tr("dL/db[{o}] = Σ dL/dZ[{o}] = {v}").format(
                        o=o, v=fmt(self.record.grads["b"][o])
                    ),
                ),
            ]
        )
        # Most of the H_out × W_out products are zero; show the ones that make up the sum.
        largest = np.argsort(np.abs(step.products).reshape(-1))[::-1][:4]
        self.formula.setText(
            tr(
                "dL/dW[{o},{c}][{i},{j}] = Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] over {n} positions = <b>{v}</b>"
                "<br>largest terms: {terms}"
            ).format(
                o=o,
                c=c,
                i=step.row,
                j=step.col,
                n=step.products.size,
                v=fmt(step.value),
                terms=_terms(step.window.reshape(-1)[largest], dz.reshape(-1)[largest]),
            )
        )
