"""Receptive fields: how many outputs each pixel feeds (seed 000, Fig. 5), and what one unit sees.

Top: for an input size, kernel size and stride of your choosing, two heatmaps count how many output
positions each input pixel feeds, without padding ("valid") and with "same" padding, on one colour scale,
so the border pixels that count less without padding stand out. Bottom: pick a layer and a channel of the
current network and click a unit of its map; its receptive field (exact through every conv and pool) is
outlined on the digit, and its effective weight, d(unit)/d(pixel) back-propagated by the engine, is shown
as a diverging map. Numbers come from :mod:`explainer.core.receptive`.

Run alone: ``python -m explainer.gui.pages.receptive``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QFormLayout, QGridLayout, QSizePolicy, QWidget

from explainer.core.network import Sequential
from explainer.core.receptive import field_sizes, pixel_influence, receptive_field, unit_gradient
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit.widgets import (
    buddy_rows,
    choice_box,
    heading,
    hint,
    label,
    page_column,
    set_items,
    set_row_texts,
    spin_box,
)
from explainer.gui.network.mapdetail import MapDetailView
from explainer.gui.pages.base import run_page, show_header

MAP_MIN_PX = 160
"""The smallest side of a map on this page, so a 7×7 count stays readable on a small window."""


def same_padding(kernel: int) -> int:
    """The zeros per side that keep the size at stride 1: ``(K - 1) / 2``, rounded down for an even K."""
    return (kernel - 1) // 2


class ReceptiveFieldView(FollowsLanguage, QWidget):
    """The "Receptive fields" page (objectName ``"receptive"``): pixel influence and one unit's field.

    ``set_problem(model, x, label)`` gives the network and the digit ``x`` ``(28, 28)`` (None: blank).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receptive")
        self._model: Sequential | None = None
        self._x: np.ndarray | None = None
        self._unit = (0, 0)
        self._build_widgets()
        self.retranslate_ui()
        self._refresh_influence()

    # ----------------------------------------------------------------- public API
    def set_problem(self, model: Sequential, x: np.ndarray | None, label: int | None = None) -> None:
        """Explore ``model`` on the digit ``x`` ``(H, W)`` (None: a blank image)."""
        del label  # the field does not depend on the label
        self._x = x
        if model is not self._model:
            self._model = model
            self._fill_layers()  # starts on the strongest unit of the digit's first map
        self._refresh_unit()

    def select_unit(self, layer_index: int, channel: int, row: int, col: int) -> None:
        """Show the field of unit ``(row, col)`` of ``channel`` in ``model.layers[layer_index]``."""
        self.layer_combo.setCurrentIndex(self._map_layers().index(layer_index))
        self.channel_spin.setValue(channel)
        self._unit = (row, col)
        self._refresh_unit()

    def influence_maps(self) -> tuple[np.ndarray, np.ndarray]:
        """The valid and same counts shown, each ``(size, size)``."""
        return self.valid_map.values(), self.same_map.values()

    def field(self) -> tuple[int, int, int, int]:
        """The outlined field on the input, half-open ``(top, left, bottom, right)``."""
        return self.input_map.outline()  # type: ignore[return-value]

    def effective_weight(self) -> np.ndarray:
        """The effective weight shown, ``(H, W)`` (channels summed)."""
        return self.weight_map.values()

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        self.heading = heading("receptive_heading")
        self.intro = hint()
        self.influence_heading = heading()
        self.size_spin = spin_box("influence_size", 3, 28, 6)
        self.kernel_spin = spin_box("influence_kernel", 1, 9, 3)
        self.stride_spin = spin_box("influence_stride", 1, 4, 1)
        for spin in (self.size_spin, self.kernel_spin, self.stride_spin):
            spin.valueChanged.connect(self._refresh_influence)
        form = QFormLayout()
        self._influence_rows = buddy_rows(form, (self.size_spin, self.kernel_spin, self.stride_spin))
        self.valid_title, self.same_title = label("valid_title"), label("same_title")
        self.valid_map, self.same_map = MapDetailView(), MapDetailView()
        self.valid_map.setObjectName("valid_influence")
        self.same_map.setObjectName("same_influence")
        self.influence_summary = label("influence_summary", wrap=True)
        influence = QGridLayout()
        influence.addLayout(form, 0, 0, 2, 1)
        for column, (title, view) in enumerate(
            ((self.valid_title, self.valid_map), (self.same_title, self.same_map)), 1
        ):
            influence.addWidget(title, 0, column)
            influence.addWidget(view, 1, column)
            influence.setColumnStretch(column, 1)
        influence.setRowStretch(1, 1)

        self.unit_heading = heading()
        self.layer_combo = choice_box("field_layer", self._on_layer)
        self.channel_spin = spin_box("field_channel", 0, 0, 0)
        self.channel_spin.valueChanged.connect(self._refresh_unit)
        unit_form = QFormLayout()
        self._unit_rows = buddy_rows(unit_form, (self.layer_combo, self.channel_spin))
        self.layer_title, self.input_title, self.weight_title = label(), label(), label()
        self.layer_map, self.input_map, self.weight_map = MapDetailView(), MapDetailView(), MapDetailView()
        self.layer_map.setObjectName("field_layer_map")
        self.input_map.setObjectName("field_input_map")
        self.weight_map.setObjectName("field_weight_map")
        self.layer_map.sigCellClicked.connect(self._on_unit_clicked)
        self.field_summary = label("field_summary", wrap=True)
        unit = QGridLayout()
        unit.addLayout(unit_form, 0, 0, 2, 1)
        views = (
            (self.layer_title, self.layer_map),
            (self.input_title, self.input_map),
            (self.weight_title, self.weight_map),
        )
        for column, (title, view) in enumerate(views, 1):
            title.setWordWrap(True)
            unit.addWidget(title, 0, column)
            unit.addWidget(view, 1, column)
            unit.setColumnStretch(column, 1)
        unit.setRowStretch(1, 1)
        column = page_column(
            self,
            self.heading,
            self.intro,
            self.influence_heading,
            influence,
            self.influence_summary,
            self.unit_heading,
            unit,
            self.field_summary,
            stretch=6,
        )
        # The maps share the height by the stretch factors, not by their (large) size hints.
        for view in (self.valid_map, self.same_map, self.layer_map, self.input_map, self.weight_map):
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            view.setMinimumSize(theme.px(MAP_MIN_PX), theme.px(MAP_MIN_PX))
        column.setStretch(3, 1)
        column.setStretch(6, 1)

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        show_header(self, self.heading, self.intro)
        self.influence_heading.setText(tr("How many outputs each pixel feeds"))
        set_row_texts(
            self._influence_rows,
            {
                self.size_spin: (tr("Input size"), tr("Side of the square input, in pixels")),
                self.kernel_spin: (tr("Kernel size"), tr("Side of the square kernel")),
                self.stride_spin: (tr("Stride"), tr("Step of the kernel")),
            },
        )
        self.unit_heading.setText(tr("What one unit sees"))
        set_row_texts(
            self._unit_rows,
            {
                self.layer_combo: (tr("Layer"), tr("A layer of the current network with feature maps")),
                self.channel_spin: (tr("Channel"), tr("Which feature map of the layer")),
            },
        )
        self.input_title.setText(tr("Its receptive field on the input (outlined)"))
        self.weight_title.setText(tr("Its effective weight: d(unit)/d(pixel)"))
        self._refresh_influence()
        self._refresh_unit()

    # ----------------------------------------------------------------- influence
    def _refresh_influence(self) -> None:
        """Count the outputs each pixel feeds, valid and same, on one colour scale."""
        size, kernel, stride = self.size_spin.value(), self.kernel_spin.value(), self.stride_spin.value()
        kernel = min(kernel, size)
        pad = same_padding(kernel)
        valid = pixel_influence(size, size, kernel, stride, 0)
        same = pixel_influence(size, size, kernel, stride, pad)
        levels = (0.0, float(max(valid.max(), same.max())))
        lut = theme.current().sequential_lut
        self.valid_map.set_values(valid.astype(np.float32), levels, lut)
        self.same_map.set_values(same.astype(np.float32), levels, lut)
        out_valid = (size - kernel) // stride + 1
        out_same = (size + 2 * pad - kernel) // stride + 1
        self.valid_title.setText(tr("valid (P = 0): {n}×{n} outputs").format(n=out_valid))
        self.same_title.setText(tr("same (P = {p}): {n}×{n} outputs").format(p=pad, n=out_same))
        middle = size // 2
        self.influence_summary.setText(
            tr(
                "Corner pixel: feeds {vc} output(s) without padding, {sc} with. Middle pixel: {vm} and {sm}. "
                "Border pixels count less without padding; padding gives them more outputs to feed."
            ).format(vc=valid[0, 0], sc=same[0, 0], vm=valid[middle, middle], sm=same[middle, middle])
        )

    # ----------------------------------------------------------------- one unit
    def _map_layers(self) -> list[int]:
        """Indices of the layers whose output is a stack of maps."""
        if self._model is None:
            return []
        return [i for i, shape in enumerate(self._model.output_shapes()) if len(shape) == 3]

    def _fill_layers(self) -> None:
        names = [self._model.layers[i].name or "" for i in self._map_layers()]  # type: ignore[union-attr]
        set_items(self.layer_combo, names, 0)
        self._on_layer(0)

    def _on_layer(self, _index: int) -> None:
        if self._model is None or not self._map_layers():
            return
        channels = self._model.output_shapes()[self._current_layer()][0]
        self.channel_spin.blockSignals(True)
        self.channel_spin.setMaximum(channels - 1)
        self.channel_spin.blockSignals(False)
        # Start on the strongest unit of the map: a unit that is zero after ReLU has a zero gradient.
        activation = self._activation()
        self._unit = tuple(int(i) for i in np.unravel_index(np.argmax(activation), activation.shape))
        self._refresh_unit()

    def _input(self) -> np.ndarray:
        """The digit as one sample ``(1, C, H, W)``; zeros while the canvas is blank."""
        shape = self._model.input_shape  # type: ignore[union-attr]
        return np.zeros((1, *shape), np.float32) if self._x is None else self._x.reshape(1, *shape)

    def _activation(self) -> np.ndarray:
        """The current layer's map of the current channel on the digit, ``(H', W')``."""
        trace = self._model.trace(self._input())  # type: ignore[union-attr]
        return trace.layers[self._current_layer()].output[0, self.channel_spin.value()]

    def _current_layer(self) -> int:
        return self._map_layers()[max(self.layer_combo.currentIndex(), 0)]

    def _on_unit_clicked(self, row: int, col: int) -> None:
        self._unit = (row, col)
        self._refresh_unit()

    def _refresh_unit(self) -> None:
        """Show the layer's map, the clicked unit's field on the digit and its effective weight."""
        model = self._model
        if model is None or not self._map_layers():
            return
        layer, channel = self._current_layer(), self.channel_spin.value()
        row, col = self._unit
        x = self._input()
        activation = self._activation()
        self.layer_map.set_values(activation, theme.symmetric_levels(activation), highlight=(row, col))
        field = receptive_field(model, layer, row, col)
        self.input_map.set_values(x[0].mean(axis=0), (0.0, 1.0), theme.GREY_LUT)
        self.input_map.set_outline(field)
        weight = unit_gradient(model, x, layer, channel, row, col).sum(axis=0)
        self.weight_map.set_values(weight, theme.symmetric_levels(weight))
        self.weight_map.set_outline(field)
        name = model.layers[layer].name
        self.layer_title.setText(
            tr("{name}, channel {c}: click a unit (now row {r}, col {k})").format(
                name=name, c=channel, r=row, k=col
            )
        )
        top, left, bottom, right = field
        nominal = field_sizes([(item.kind, item.get_config()) for item in model.layers])[layer].size
        dead = (
            tr(" Here the unit is 0 behind a ReLU, so its effective weight is zero everywhere.")
            if not np.any(weight)
            else ""
        )
        self.field_summary.setText(
            tr(
                "Unit ({r}, {k}) of {name} sees rows {top}–{bottom} and columns {left}–{right} of the input: "
                "{h}×{w} pixels (a field of {n}×{n} where no border cuts it). Outside it the effective "
                "weight is exactly zero."
            ).format(
                r=row,
                k=col,
                name=name,
                top=top,
                bottom=bottom - 1,
                left=left,
                right=right - 1,
                h=bottom - top,
                w=right - left,
                n=nominal,
            )
            + dead
        )


if __name__ == "__main__":
    run_page(ReceptiveFieldView)
