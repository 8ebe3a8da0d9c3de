"""The architecture editor: design a VGG-like network, see every layer's shape and weights, then build it.

The fields edit an :class:`~explainer.architectures.ArchitectureSpec`. On every change the table is
recomputed with :func:`~explainer.architectures.describe` (numbers only, no weights), so the shapes and
parameter counts are shown before anything is built. A network that cannot exist is explained in red,
with the layers up to the one that fails; Build stays disabled until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from explainer.architectures import (
    ACTIVATIONS,
    MAX_CONV_BLOCKS,
    MAX_CONVS_PER_BLOCK,
    MAX_DENSE_LAYERS,
    MAX_STRIDE,
    POOLINGS,
    PRESETS,
    ArchitectureError,
    ArchitectureSpec,
    LayerInfo,
    build,
    describe,
    spec_of,
)
from explainer.core import Layer, Sequential
from explainer.core.receptive import field_sizes
from explainer.data import MNIST, Dataset
from explainer.gui import theme
from explainer.gui.i18n import tr, translate_error
from explainer.gui.kit.widgets import (
    buddy_rows,
    button,
    choice_box,
    heading,
    label,
    name_items,
    page_column,
    set_row_texts,
    side_by_side,
    spin_box,
)
from explainer.gui.layers import registry
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.state import signals_blocked
from explainer.modelio import MAX_CHANNELS, MAX_FEATURES, MAX_WINDOW

CUSTOM = "custom"
"""The preset combo's entry for a spec that matches no preset."""

PADDING_CHOICES = ("same", "valid", "number")
"""The padding combo: named paddings, or a number of pixels from the spin box beside it."""

COLUMNS = ("layer", "output", "weights", "field", "multiply_adds", "what")
"""The table's columns, in order; "what" (the description) takes the spare width."""

NUMBER_COLUMNS = ("weights", "field", "multiply_adds")
"""Columns of numbers, aligned right."""

NEW_CHANNELS = 16
NEW_UNITS = 128


def shape_text(shape: tuple[int, ...]) -> str:
    """``8×28×28`` for a map stack, ``784`` for a vector.

    Shape:
        shape: ``(C, H, W)`` or ``(F,)``.
    """
    return "×".join(str(n) for n in shape)


def layer_text(row: LayerInfo) -> str:
    """What a layer does, in words, from its kind and settings (e.g. "8 filters 3×3, stride 1, pad 1")."""
    return registry.family(row.kind).texts.describe(row.kind, row.config)


class _SpinRow(QWidget):
    """A row of integer spin boxes whose count can change (channels per block, units per dense layer).

    Signals:
        sigChanged(): a value changed, or the count did.
    """

    sigChanged = Signal()

    def __init__(self, name: str, maximum: int, default: int) -> None:
        super().__init__()
        self.setObjectName(name)
        self._maximum = maximum
        self._default = default
        self._spins: list[QSpinBox] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel()
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)

    def values(self) -> tuple[int, ...]:
        """The numbers, left to right."""
        return tuple(spin.value() for spin in self._spins)

    def set_values(self, values: tuple[int, ...]) -> None:
        """Show exactly ``values`` (one spin box each)."""
        self.set_count(len(values))
        for spin, value in zip(self._spins, values, strict=True):
            with signals_blocked(spin):
                spin.setValue(value)

    def set_count(self, count: int) -> None:
        """Add spin boxes (each starting at the last value) or remove them from the right."""
        while len(self._spins) > count:
            spin = self._spins.pop()
            # Out of the layout and hidden now; deleteLater alone would leave it on screen until idle.
            self._layout.removeWidget(spin)
            spin.hide()
            spin.deleteLater()
        while len(self._spins) < count:
            spin = QSpinBox()
            spin.setRange(1, self._maximum)
            spin.setValue(self._spins[-1].value() if self._spins else self._default)
            spin.setGroupSeparatorShown(True)
            spin.valueChanged.connect(self.sigChanged)
            self._layout.insertWidget(len(self._spins), spin)
            self._spins.append(spin)
        self._empty.setVisible(not self._spins)

    def set_empty_text(self, text: str) -> None:
        """What to show when there are no spin boxes."""
        self._empty.setText(text)

    def set_tooltips(self, make: Callable[[int], str]) -> None:
        """Tool tip of the i-th spin box (1-based) from ``make(i)``."""
        for index, spin in enumerate(self._spins, start=1):
            spin.setToolTip(make(index))


class ArchitectureEditor(QWidget):
    """The spec's fields, a preset combo, a live table of layer shapes and weights, and a Build button.

    The networks are for the images and classes of ``dataset``.

    Signals:
        sigModelProduced(object): a freshly initialised ``Sequential`` built from the spec (untrained).
    """

    sigModelProduced = Signal(object)

    def __init__(
        self, spec: ArchitectureSpec | None = None, parent: QWidget | None = None, *, dataset: Dataset = MNIST
    ) -> None:
        super().__init__(parent)
        self.setObjectName("arch_editor")
        self._dataset = dataset
        self._rows: list[LayerInfo] = []
        self._error: str | None = None
        self._build_widgets()
        self.retranslate_ui()
        self.set_spec(PRESETS["tiny_vgg"] if spec is None else spec)

    # ----------------------------------------------------------------- public API
    def spec(self) -> ArchitectureSpec:
        """The spec the fields describe now."""
        padding_choice = PADDING_CHOICES[self.padding_combo.currentIndex()]
        padding: int | str = self.padding_spin.value() if padding_choice == "number" else padding_choice
        return ArchitectureSpec(
            conv_blocks=self.blocks_spin.value(),
            convs_per_block=self.convs_spin.value(),
            channels=self.channels_row.values(),
            kernel_size=self.kernel_spin.value(),
            padding=padding,
            stride=self.stride_spin.value(),
            pooling=POOLINGS[self.pooling_combo.currentIndex()],
            pool_size=self.pool_size_spin.value(),
            activation=ACTIVATIONS[self.activation_combo.currentIndex()],
            dense=self.dense_row.values(),
            dropout=round(self.dropout_spin.value(), 4),
            batch_norm=self.batch_norm_box.isChecked(),
        )

    def set_spec(self, spec: ArchitectureSpec) -> None:
        """Show ``spec`` in the fields (values out of the widgets' ranges are clipped) and describe it."""
        widgets = (
            self.blocks_spin,
            self.convs_spin,
            self.kernel_spin,
            self.padding_combo,
            self.padding_spin,
            self.stride_spin,
            self.pooling_combo,
            self.pool_size_spin,
            self.activation_combo,
            self.dense_count_spin,
            self.dropout_spin,
            self.batch_norm_box,
            self.channels_row,
            self.dense_row,
        )
        with signals_blocked(*widgets):
            self.blocks_spin.setValue(spec.conv_blocks)
            self.convs_spin.setValue(spec.convs_per_block)
            self.channels_row.set_values(spec.channels)
            self.kernel_spin.setValue(spec.kernel_size)
            if isinstance(spec.padding, str) and spec.padding in PADDING_CHOICES:
                self.padding_combo.setCurrentIndex(PADDING_CHOICES.index(spec.padding))
            else:
                self.padding_combo.setCurrentIndex(PADDING_CHOICES.index("number"))
                self.padding_spin.setValue(int(spec.padding))
            self.stride_spin.setValue(spec.stride)
            self.pooling_combo.setCurrentIndex(POOLINGS.index(spec.pooling))
            self.pool_size_spin.setValue(spec.pool_size)
            self.activation_combo.setCurrentIndex(ACTIVATIONS.index(spec.activation))
            self.dense_count_spin.setValue(len(spec.dense))
            self.dense_row.set_values(spec.dense)
            self.dropout_spin.setValue(spec.dropout)
            self.batch_norm_box.setChecked(spec.batch_norm)
        self._refresh()

    def set_preset(self, key: str) -> None:
        """Show the preset ``key`` (a key of :data:`explainer.architectures.PRESETS`)."""
        self.set_spec(PRESETS[key])

    def set_dataset(self, dataset: Dataset) -> None:
        """Build networks for the images and classes of ``dataset`` from now on."""
        if dataset != self._dataset:
            self._dataset = dataset
            self._refresh()

    def set_model(self, model: Sequential) -> None:
        """Show the spec ``model`` was built from, if known (:func:`explainer.architectures.spec_of`)."""
        spec = spec_of(model, self._dataset)
        # Training snapshots keep the architecture: leave the fields (and the user's seed) alone.
        if spec is not None and spec != self.spec():
            self.set_spec(spec)

    def rows(self) -> list[LayerInfo]:
        """The layers of the table: all of them, or those before the failing one."""
        return list(self._rows)

    def error(self) -> str | None:
        """Why the spec cannot be built, or None when it can."""
        return self._error

    def build_model(self) -> Sequential | None:
        """Build a network with fresh weights from the seed and emit it; None when it cannot be built."""
        if self._error is not None:
            return None
        try:
            model = build(self.spec(), np.random.default_rng(self.seed_spin.value()), self._dataset)
        except ArchitectureError as error:
            self._show(error.rows, translate_error(error))
            return None
        self.status_label.setText(
            tr(
                "Built a new, untrained network with {weights:,} weights. Train it in the training panel."
            ).format(weights=model.param_count())
        )
        self.sigModelProduced.emit(model)
        return model

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        show_header(self, self.heading, self.hint)
        self.preset_label.setText(tr("Start from:"))
        preset_names = {
            "tiny_vgg": tr("Tiny-VGG (the app's reference network)"),
            "keras_mnist": tr("Keras MNIST tutorial (seed 001)"),
            CUSTOM: tr("Custom"),
        }
        name_items(self.preset_combo, (*PRESETS, CUSTOM), preset_names)
        padding_names = {"same": tr("same"), "valid": tr("valid (none)"), "number": tr("pixels:")}
        name_items(self.padding_combo, PADDING_CHOICES, padding_names)
        pooling_names = {"max": tr("max"), "avg": tr("average"), "none": tr("none")}
        name_items(self.pooling_combo, POOLINGS, pooling_names)
        for index, key in enumerate(ACTIVATIONS):
            self.activation_combo.setItemText(index, registry.family(key).texts.title(key))
        fields = {
            self.blocks_spin: (tr("Conv blocks"), tr("Each block: convolutions, then pooling")),
            self.convs_spin: (
                tr("Convs per block"),
                tr("Convolutions (each with the activation) in a block"),
            ),
            self.channels_row: (tr("Channels"), tr("Filters of the convolutions in each block")),
            self.kernel_spin: (tr("Kernel size"), tr("Side of every square kernel")),
            self.padding_box: (
                tr("Padding"),
                tr("Zeros around the input: 'same' keeps the size at stride 1, 'valid' adds none"),
            ),
            self.stride_spin: (tr("Stride"), tr("Step of every convolution; 2 halves the size")),
            self.pooling_box: (tr("Pooling"), tr("After each block: window side and step")),
            self.activation_combo: (tr("Activation"), tr("After every convolution and hidden dense layer")),
            self.dense_box: (
                tr("Hidden dense layers"),
                tr("Units of each fully connected layer before the output"),
            ),
            self.dropout_spin: (
                tr("Dropout"),
                tr("Share of values dropped while training, after each hidden dense layer"),
            ),
            self.batch_norm_box: (
                tr("BatchNorm"),
                tr("A batch normalisation after every convolution, before its activation"),
            ),
            self.seed_spin: (tr("Seed"), tr("Seeds the random initial weights")),
        }
        set_row_texts(self._labels, fields)
        self.channels_row.set_tooltips(lambda i: tr("Filters in block {i}").format(i=i))
        self.channels_row.set_empty_text(tr("no conv blocks"))
        self.dense_row.set_empty_text(tr("none"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("Layer"),
                tr("Output"),
                tr("Weights"),
                tr("Receptive field"),
                tr("Multiply-adds"),
                tr("What it does"),
            ]
        )
        field_tip = tr("Side of the square of input pixels one unit of the layer sees (all: the whole input)")
        self.table.horizontalHeaderItem(3).setToolTip(field_tip)
        self.table.horizontalHeaderItem(4).setToolTip(tr("Multiplications (each with an addition) per image"))
        self.build_button.setText(tr("Build network"))
        self.build_button.setToolTip(tr("Make this network with fresh random weights and use it"))
        self._refresh()

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        self.heading = heading()
        self.hint = label(wrap=True)
        self.preset_label = QLabel()
        self.preset_combo = _combo("preset", len(PRESETS) + 1)
        self.preset_combo.activated.connect(self._on_preset)
        preset_row = side_by_side(self.preset_label, self.preset_combo, stretch=1)

        self.blocks_spin = spin_box("conv_blocks", 0, MAX_CONV_BLOCKS)
        self.blocks_spin.valueChanged.connect(self._on_blocks)
        self.convs_spin = spin_box("convs_per_block", 1, MAX_CONVS_PER_BLOCK)
        self.channels_row = _SpinRow("channels", MAX_CHANNELS, NEW_CHANNELS)
        self.kernel_spin = spin_box("kernel_size", 1, MAX_WINDOW)
        self.padding_combo = _combo("padding", len(PADDING_CHOICES))
        self.padding_combo.currentIndexChanged.connect(self._on_padding)
        self.padding_spin = spin_box("padding_pixels", 0, MAX_WINDOW)
        self.padding_box = _row(self.padding_combo, self.padding_spin)
        self.stride_spin = spin_box("stride", 1, MAX_STRIDE)
        self.pooling_combo = _combo("pooling", len(POOLINGS))
        self.pool_size_spin = spin_box("pool_size", 1, MAX_WINDOW)
        self.pooling_box = _row(self.pooling_combo, self.pool_size_spin)
        self.activation_combo = _combo("activation", len(ACTIVATIONS))
        self.dense_count_spin = spin_box("dense_layers", 0, MAX_DENSE_LAYERS)
        self.dense_count_spin.valueChanged.connect(self._on_dense_count)
        self.dense_row = _SpinRow("dense_units", MAX_FEATURES, NEW_UNITS)
        self.dense_box = _row(self.dense_count_spin, self.dense_row, stretch_last=True)
        self.dropout_spin = QDoubleSpinBox()
        self.dropout_spin.setObjectName("dropout")
        self.dropout_spin.setRange(0.0, 0.95)
        self.dropout_spin.setSingleStep(0.05)
        self.dropout_spin.setDecimals(2)
        self.batch_norm_box = QCheckBox()
        self.batch_norm_box.setObjectName("batch_norm")
        self.seed_spin = spin_box("seed", 0, 2**31 - 1)

        for signal in (
            self.convs_spin.valueChanged,
            self.channels_row.sigChanged,
            self.kernel_spin.valueChanged,
            self.padding_spin.valueChanged,
            self.stride_spin.valueChanged,
            self.pooling_combo.currentIndexChanged,
            self.pool_size_spin.valueChanged,
            self.activation_combo.currentIndexChanged,
            self.dense_row.sigChanged,
            self.dropout_spin.valueChanged,
            self.batch_norm_box.toggled,
        ):
            signal.connect(self._refresh)

        self._labels: dict[QWidget, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        for form, widgets in (
            (
                left,
                (
                    self.blocks_spin,
                    self.convs_spin,
                    self.channels_row,
                    self.kernel_spin,
                    self.padding_box,
                    self.batch_norm_box,
                ),
            ),
            (
                right,
                (
                    self.stride_spin,
                    self.pooling_box,
                    self.activation_combo,
                    self.dense_box,
                    self.dropout_spin,
                    self.seed_spin,
                ),
            ),
        ):
            self._labels.update(buddy_rows(form, widgets))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(theme.px(24))
        columns.addLayout(right, 1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("layer_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + theme.px(8))
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.total_label = label("total_weights")
        self.error_label = label("arch_error", wrap=True)
        self.error_label.setForegroundRole(QPalette.ColorRole.BrightText)
        self.status_label = label(wrap=True)
        self.build_button = button("build", self.build_model)
        bottom = side_by_side(self.total_label, self.build_button)

        parts = (self.heading, self.hint, preset_row, columns, self.table, self.error_label, bottom)
        page_column(self, *parts, self.status_label, stretch=4)

    # ----------------------------------------------------------------- updates
    def _on_preset(self, index: int) -> None:
        keys = list(PRESETS)
        if index < len(keys):
            self.set_preset(keys[index])

    def _on_blocks(self, count: int) -> None:
        self.channels_row.set_count(count)
        self.channels_row.set_tooltips(lambda i: tr("Filters in block {i}").format(i=i))
        self._refresh()

    def _on_dense_count(self, count: int) -> None:
        self.dense_row.set_count(count)
        self._refresh()

    def _on_padding(self, index: int) -> None:
        self.padding_spin.setVisible(PADDING_CHOICES[index] == "number")
        self._refresh()

    def _refresh(self) -> None:
        """Describe the spec again, show the table or the reason it cannot exist, and sync the preset."""
        spec = self.spec()
        self.padding_spin.setVisible(PADDING_CHOICES[self.padding_combo.currentIndex()] == "number")
        self.pool_size_spin.setEnabled(spec.pooling != "none")
        try:
            self._show(describe(spec, self._dataset), None)
        except ArchitectureError as error:
            self._show(error.rows, translate_error(error))
        keys = [key for key, preset in PRESETS.items() if preset == spec]
        with signals_blocked(self.preset_combo):
            self.preset_combo.setCurrentIndex(list(PRESETS).index(keys[0]) if keys else len(PRESETS))
        self.status_label.setText("")

    def _show(self, rows: list[LayerInfo], error: str | None) -> None:
        """Fill the table with the input and ``rows``; show ``error`` (None: the network can be built)."""
        self._rows = list(rows)
        self._error = error
        self.table.setRowCount(len(rows) + 1)
        shape = shape_text(self._dataset.input_shape)
        self._set_row(0, (tr("input"), shape, "", "1×1", "", tr("the 28×28 image, one grey channel")))
        fields = field_sizes([(row.kind, row.config) for row in rows])
        for index, (row, field) in enumerate(zip(rows, fields, strict=True), start=1):
            params = f"{row.params:,}" if row.params else ""
            size = tr("all") if field.size is None else f"{field.size}×{field.size}"
            work = Layer.registry[row.kind].cost(row.config, row.shape).multiply_adds
            texts = (
                row.name,
                shape_text(row.shape),
                params,
                size,
                f"{work:,}" if work else "",
                layer_text(row),
            )
            self._set_row(index, texts)
        self.error_label.setText(
            "" if error is None else tr("This network cannot be built: {reason}").format(reason=error)
        )
        self.error_label.setVisible(error is not None)
        self.build_button.setEnabled(error is None)
        if error is None:
            self.total_label.setText(
                tr("{layers} layers, {weights:,} weights to learn, {work:,} multiply-adds per image").format(
                    layers=len(rows),
                    weights=sum(row.params for row in rows),
                    work=sum(
                        Layer.registry[row.kind].cost(row.config, row.shape).multiply_adds for row in rows
                    ),
                )
            )
        else:
            self.total_label.setText("")

    def _set_row(self, index: int, texts: tuple[str, ...]) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if COLUMNS[column] in NUMBER_COLUMNS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, column, item)


def _combo(name: str, count: int) -> QComboBox:
    """A combo box with ``count`` items whose texts ``retranslate_ui`` sets."""
    return choice_box(name, items=[""] * count)


def _row(*widgets: QWidget, stretch_last: bool = False) -> QWidget:
    """Widgets side by side, as one form field."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        stretch = 1 if stretch_last and index == len(widgets) - 1 else 0
        layout.addWidget(widget, stretch)
    if not stretch_last:
        layout.addStretch(1)
    return box


if __name__ == "__main__":
    run_page(ArchitectureEditor)
