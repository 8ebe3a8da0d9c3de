"""The hyperparameter playground: choose input size, kernel size, padding and stride, and watch a convolution.

The input is the student's digit (resized) or the small 0/1 grid of the tutorial (../shared/seeds, the
"multiply element-wise, then add" example whose top-left output is 4). The output-size formula is worked
out with the chosen numbers; settings that cannot work are explained in words instead of drawn.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from explainer.core import Trace
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.kit.widgets import label, spin_box
from explainer.gui.layers.conv import texts as explain_text
from explainer.gui.layers.conv.forward import ConvData, SlidingKernelView
from explainer.gui.pages import conv1d_texts as flip_texts
from explainer.gui.pages.base import run_page

SEED_GRID = np.array(
    [
        [1, 1, 1, 0, 0],
        [0, 1, 1, 1, 0],
        [0, 0, 1, 1, 1],
        [0, 0, 1, 1, 0],
        [0, 1, 1, 0, 0],
    ],
    np.float32,
)
"""The 5x5 image of the tutorial's worked example (seed 003); with the X kernel its top-left output is 4."""

KERNELS = ("x", "vertical", "horizontal", "blur")
"""Kernel patterns on offer; "x" is the tutorial's [[1,0,1],[0,1,0],[1,0,1]] at size 3."""


def make_kernel(pattern: str, k: int) -> np.ndarray:
    """A k×k kernel of a named pattern.

    Shape:
        returns ``(k, k)`` float32.
    """
    index = np.arange(k)
    if pattern == "x":
        return ((index[:, None] == index[None, :]) | (index[:, None] + index[None, :] == k - 1)).astype(
            np.float32
        )
    edge = np.sign((k - 1) / 2 - index).astype(np.float32)
    if pattern == "vertical":
        return np.repeat(edge[None, :], k, axis=0)
    if pattern == "horizontal":
        return np.repeat(edge[:, None], k, axis=1)
    return np.full((k, k), 1.0 / (k * k), np.float32)


def make_input(source: str, size: int, digit: np.ndarray) -> np.ndarray:
    """The playground input: the digit resampled to size×size, or the tutorial grid tiled to that size.

    Shape:
        digit ``(28, 28)``; returns ``(size, size)`` float32.
    """
    if source == "grid":
        reps = -(-size // SEED_GRID.shape[0])
        return np.tile(SEED_GRID, (reps, reps))[:size, :size].copy()
    index = ((np.arange(size) + 0.5) * digit.shape[0] / size).astype(int)
    return digit[np.ix_(index, index)].astype(np.float32)


class Playground(SlidingKernelView):
    """Convolution with settings of the student's choosing (objectName ``"playground"``).

    ``set_trace`` takes the digit from a trace's input (the layer and channel are not used).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("playground", parent, reveal=True)
        self._digit = synthetic_digit()
        self._kernel = np.ones((1, 1), np.float32)
        self._identity = (0.0, 0.0)
        # The toggle sits beside the title: it changes what the whole playground computes.
        self.operation_caption = QLabel()
        self.operation_box = self._combo("operation", list(flip_texts.operation_names()))
        self.operation_caption.setBuddy(self.operation_box)
        self.toolbar.addWidget(self.operation_caption)
        self.toolbar.addWidget(self.operation_box)
        self.finish_toolbar()
        self.source_box = self._combo("source", ["digit", "grid"])
        self.size_box = spin_box("input_size", 3, 28, 7, self._update)
        self.kernel_box = spin_box("kernel_size", 1, 9, 3, self._update)
        self.pattern_box = self._combo("kernel_pattern", ["x", "vertical", "horizontal", "blur"])
        self.padding_mode_box = self._combo("padding_mode", ["valid", "same", "number"])
        self.padding_box = spin_box("padding", 0, 6, 1, self._update)
        self.stride_box = spin_box("stride", 1, 5, 1, self._update)
        controls = QGridLayout()
        widgets = [
            self.source_box,
            self.size_box,
            self.kernel_box,
            self.pattern_box,
            self.padding_mode_box,
            self.padding_box,
            self.stride_box,
        ]
        self._labels = [QLabel() for _widget in widgets]
        for column, (caption, widget) in enumerate(zip(self._labels, widgets, strict=True)):
            controls.addWidget(caption, 0, column)
            controls.addWidget(widget, 1, column)
        controls.setColumnStretch(len(widgets), 1)
        self.size_formula = label("size_formula")
        self.message = label("message", wrap=True)
        self.identity = label("identity", wrap=True)
        self.stage_layout.addLayout(controls)
        self.stage_layout.addWidget(self.size_formula)
        self.stage_layout.addWidget(self.identity)
        self.stage_layout.addWidget(self.message)
        self.stage_layout.addWidget(self.canvas, 1)
        self.stage_layout.addWidget(self.formula)
        # Takes the canvas's room while the settings are impossible, so the explanation stays on top.
        self.stage_layout.addStretch(0)
        theme.follow(self._apply_fonts)
        self._write_texts()
        self.set_settings(source="grid", size=7, kernel=3, pattern="x", padding=0, stride=1)

    def _write_texts(self) -> None:
        """The title, the control labels and the choices in the current language."""
        self.title.setText(tr("Playground: try your own convolution settings"))
        labels = [
            tr("Input"),
            tr("Input size"),
            tr("Kernel size"),
            tr("Kernel"),
            tr("Padding"),
            "",
            tr("Stride"),
        ]
        for caption, text in zip(self._labels, labels, strict=True):
            caption.setText(text)
        self.operation_caption.setText(tr("Operation"))
        choices = {
            "digit": tr("your input"),
            "grid": tr("0/1 grid of the tutorial"),
            "x": tr("X (tutorial)"),
            "vertical": tr("vertical edges"),
            "horizontal": tr("horizontal edges"),
            "blur": tr("blur"),
            "valid": tr("valid (no padding)"),
            "same": tr("same"),
            "number": tr("number"),
            **flip_texts.operation_names(),
        }
        for box in (self.source_box, self.pattern_box, self.padding_mode_box, self.operation_box):
            for index in range(box.count()):
                box.setItemText(index, choices[box.itemData(index)])

    def retranslate_ui(self) -> None:
        """Write every text again in the current language, the worked-out sizes and explanation too."""
        self._write_texts()
        self._update()

    def _combo(self, name: str, keys: list[str]) -> QComboBox:
        """A choice between ``keys`` (its item data); ``_write_texts`` names them."""
        box = QComboBox()
        box.setObjectName(name)
        # As wide as its longest choice in the current language, never squeezed below it.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in keys:
            box.addItem("", key)
        box.currentIndexChanged.connect(self._update)
        return box

    def _apply_fonts(self) -> None:
        self.size_formula.setFont(theme.font(1.4, bold=True))
        self.message.setFont(theme.font(1.15))
        self.identity.setFont(theme.font(1.1))

    def set_trace(self, trace: Trace | None, layer_index: int = 0, channel: int = 0) -> None:
        """Use the digit of ``trace`` (its raw input pixels) as "your digit"; None keeps the current one."""
        if trace is not None:
            self._digit = np.asarray(trace.input[0, 0], np.float32)
            self._update()

    def set_settings(
        self,
        *,
        source: str = "grid",
        size: int = 5,
        kernel: int = 3,
        pattern: str = "x",
        padding: int | str = 0,
        stride: int = 1,
    ) -> None:
        """Set every control at once (padding: a number, "valid" or "same")."""
        widgets = (self.source_box, self.size_box, self.kernel_box, self.pattern_box, self.padding_mode_box)
        for widget in (*widgets, self.padding_box, self.stride_box):
            widget.blockSignals(True)
        self.source_box.setCurrentIndex(self.source_box.findData(source))
        self.size_box.setValue(size)
        self.kernel_box.setValue(kernel)
        self.pattern_box.setCurrentIndex(self.pattern_box.findData(pattern))
        mode = padding if isinstance(padding, str) else "number"
        self.padding_mode_box.setCurrentIndex(self.padding_mode_box.findData(mode))
        if isinstance(padding, int):
            self.padding_box.setValue(padding)
        self.stride_box.setValue(stride)
        for widget in (*widgets, self.padding_box, self.stride_box):
            widget.blockSignals(False)
        self._update()

    def _update(self) -> None:
        """Recompute everything from the controls; explain, instead of drawing, settings that cannot work."""
        size, k, stride = self.size_box.value(), self.kernel_box.value(), self.stride_box.value()
        mode = self.padding_mode_box.currentData()
        self.padding_box.setEnabled(mode == "number")
        notes: list[str] = []
        problem = None
        padding = 0
        if mode == "number":
            padding = self.padding_box.value()
        elif mode == "same":
            if k % 2 == 0:
                problem = explain_text.impossible_same(k)
            else:
                padding = (k - 1) // 2
                notes.append(explain_text.same_note(stride))
        if problem is None and k > size + 2 * padding:
            problem = explain_text.impossible_kernel(size, padding, k)
        if problem is not None:
            self._data = None
            self.size_formula.setText(tr("(H + 2P − K) / S + 1  =  no output"))
            self.message.setText(problem)
            self.message.setStyleSheet(f"color: {theme.current().link.name()}")
            self.identity.setText("")
            self.canvas.hide()
            self.formula.hide()
            self.stage_layout.setStretch(self.stage_layout.count() - 1, 1)
            self.player.set_count(0)
            self.player.set_caption("")
            return
        x = make_input(self.source_box.currentData(), size, self._digit)
        kernel = make_kernel(self.pattern_box.currentData(), k)
        self._kernel = kernel
        # True convolution slides the kernel rotated by π: the grid on screen is the one multiplied.
        applied = np.rot90(kernel, 2).copy() if self.operation() == "convolution" else kernel
        data = ConvData(x[None], applied[None], 0.0, stride, padding, image_input=True)
        out = data.out_shape[0]
        leftover = (size + 2 * padding - k) % stride
        if leftover:
            self.size_formula.setText(explain_text.output_size_rounded(size, padding, k, stride, out))
            notes.append(explain_text.rounding_note(leftover))
        else:
            self.size_formula.setText(explain_text.output_size_worked(size, padding, k, stride, out))
        self.message.setStyleSheet("")
        if np.array_equal(kernel, np.rot90(kernel, 2)):
            notes.append(flip_texts.symmetric_note())
        self.message.setText("\n".join(notes))
        self._data = data
        self.stage_layout.setStretch(self.stage_layout.count() - 1, 0)
        self.canvas.show()
        self.formula.show()
        self.canvas.set_data(data)
        paragraphs = [(tr("Playground"), explain_text.playground_intro())]
        paragraphs += explain_text.forward_paragraphs(k, 1, stride, padding)
        self.set_paragraphs([*paragraphs, flip_texts.why_no_flip()])
        self.player.set_count(data.count)
        self._show_step(self.player.step())

    def operation(self) -> str:
        """ "correlation" (the kernel slides as it is) or "convolution" (rotated by π first)."""
        return self.operation_box.currentData()

    def set_operation(self, operation: str) -> None:
        """Choose "correlation" or "convolution"."""
        self.operation_box.setCurrentIndex(self.operation_box.findData(operation))

    def _show_step(self, step: int) -> None:
        """The step, and the identity w ⊗ x = rot(w) ∗ x on its numbers."""
        super()._show_step(step)
        data = self._data
        if data is None:
            return
        record = data.step(step)
        # The sum on screen is one side; the other side comes from the definition of true convolution.
        convolved = self._true_convolution(data, record.row, record.col)
        shown = record.value
        self._identity = (convolved, shown) if self.operation() == "convolution" else (shown, convolved)
        self.identity.setText(
            flip_texts.identity_2d(self.operation(), self._kernel, record.row, record.col, *self._identity)
        )

    def _true_convolution(self, data: ConvData, row: int, col: int) -> float:
        """True convolution at (row, col) by its definition, Σ v[i, j] x̃[top + k−1−i, left + k−1−j], of
        the kernel v it pairs with on screen: w for convolution (w ∗ x), rot(w) for correlation
        (rot(w) ∗ x)."""
        k, top, left = data.k, row * data.stride, col * data.stride
        window = data.padded[0, top : top + k, left : left + k].astype(np.float64)
        kernel = self._kernel if self.operation() == "convolution" else np.rot90(self._kernel, 2)
        return float(np.sum(kernel.astype(np.float64) * window[::-1, ::-1]))

    def identity_values(self) -> tuple[float, float] | None:
        """(left, right) of the identity at the current step, as shown; None without output."""
        return self._identity if self._data is not None else None

    def output_shape(self) -> tuple[int, int] | None:
        """(H_out, W_out) for the current settings; None when impossible."""
        return self._data.out_shape if self._data is not None else None

    def explanation(self) -> str:
        """The notes or the reason the settings are impossible, as shown."""
        return self.message.text()


if __name__ == "__main__":
    run_page(Playground)
