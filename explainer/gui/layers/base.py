"""What every layer family shares: its declaration (``LayerFamily``), the frame of its backward view
(``BackwardDetail``) and of a one-map forward view (``MapView``), and the runner that opens a family alone.

A family module (``conv/``, ``activation.py``, ``pool.py``, ``dense/``) holds a family's forward
view, backward view and texts, and declares them in a ``LayerFamily`` that ``layers.registry`` collects.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from explainer.core.network import Sequential
from explainer.core.trace import LayerRecord, Trace
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import CachedCanvas, DetailView, no_input, run_alone
from explainer.gui.kit.mapboard import MapBoard, Panel, as_image
from explainer.gui.kit.widgets import label
from explainer.gui.state import signals_blocked


def _kind_itself(kind: str) -> str:
    return kind


@dataclass(frozen=True)
class FamilyTexts:
    """The words about a family's layers that other parts of the app ask for (each takes the kind).

    Attributes:
        describe: ``describe(kind, config)``: what a layer with this config does, in words (the
            architecture editor's table).
        rule: ``rule(kind, backward)``: one line saying what the layer's forward (or backward) pass
            computes (the step-through page).
        title: ``title(kind)``: the layer's name in a picker (the architecture editor's activation box);
            the kind itself by default.
    """

    describe: Callable[[str, Mapping[str, Any]], str]
    rule: Callable[[str, bool], str]
    title: Callable[[str], str] = _kind_itself


@dataclass(frozen=True)
class LayerFamily:
    """A family of layer kinds and everything the GUI knows about it, declared once in its module.

    ``layers.registry`` collects the families; the overview, the pages, the tour and the main window ask
    it instead of listing kinds.

    Attributes:
        name: what the GUI calls the family ("conv", "activation", "pool", ...).
        kinds: the core's layer kinds (``Layer.kind``) it explains.
        forward_view: the forward explanation, built as ``forward_view(parent)`` and given a layer with
            ``set_trace(trace, layer_index, channel)``.
        backward_view: the backward explanation, built as ``backward_view(trace, layer_index, channel,
            parent)`` from a trace with gradients.
        texts: its words for the rest of the app.
        reads_own_channel: each output map is computed from the same input map only, so the overview draws
            one connection per map instead of one from every input map.
        starts_block, closes_block: the overview's "Per block" colour ranges start a new block at a layer
            that starts one, once a layer that closes one has ended the running block.
    """

    name: str
    kinds: tuple[str, ...]
    forward_view: type[DetailView]
    backward_view: type[BackwardDetail]
    texts: FamilyTexts
    reads_own_channel: bool = False
    starts_block: bool = False
    closes_block: bool = False


def backward_record(trace: Trace, layer_index: int) -> LayerRecord:
    """The record a backward view explains; BadInputError for a trace without gradients or a bad index."""
    if not trace.has_gradients:
        raise BadInputError("this trace has no gradients: trace the input with a target (a label or a class)")
    if not 0 <= layer_index < len(trace.layers):
        raise BadInputError(f"layer_index must be in [0, {len(trace.layers)}), got {layer_index}")
    return trace.layers[layer_index]


class BackwardDetail(DetailView):
    """Shared frame of the backward views: a MapBoard, a formula line with the real numbers, the player.

    Subclasses fill ``steps`` in ``_build`` and draw one of them in ``_show_step``; ``final()`` returns what
    the animation has built at its last step (tests compare it with the trace).
    """

    def __init__(
        self, object_name: str, trace: Trace, layer_index: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(object_name, parent)
        self.trace = trace
        self.layer_index = layer_index
        self.record = backward_record(trace, layer_index)
        self.steps: list = []
        self.board = MapBoard()
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_layout.addWidget(self.board)
        self.stage_layout.addWidget(self.formula)
        self.stage_layout.addStretch(1)
        self.player.sigStepChanged.connect(self._show)
        self._apply_formula_font()
        theme.notifier().sigChanged.connect(self._apply_formula_font)

    def _apply_formula_font(self) -> None:
        self.formula.setFont(theme.font(1.05, mono=True))

    def _open(self, channel: int) -> None:
        """Finish the toolbar, read the layer, select map ``channel`` and show the first step in the current
        language: the end of a subclass's constructor, once its toolbar widgets are added."""
        self.finish_toolbar()
        self._adopt()
        self._select(channel)
        self._rebuild()
        self.retranslate_ui()

    def _combo(self, name: str, tip: str, items: Sequence[str], current: int) -> QComboBox:
        """A toolbar combo box with a label; its index changes rebuild the steps."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.addItems(list(items))
        combo.setCurrentIndex(min(max(current, 0), len(items) - 1))
        combo.currentIndexChanged.connect(self._rebuild)
        return combo

    def _rebuild(self) -> None:
        """New steps (a new view, or another mode or map chosen): the animation starts at its first step."""
        self._build()
        self.player.set_count(len(self.steps))
        self.player.set_step(0)
        self._show(self.player.step())

    def set_trace(self, trace: Trace, layer_index: int | None = None, channel: int | None = None) -> None:
        """Follow a new trace (the student keeps drawing) without rebuilding the view.

        The mode, channels and animation step stay as the student left them when still valid; ``channel``
        (as in ``registry.make_backward_view``) selects another map. Raises BadInputError for a trace without
        gradients or a layer of another kind (that needs a new view).
        """
        index = self.layer_index if layer_index is None else layer_index
        record = backward_record(trace, index)
        if record.kind != self.record.kind:
            raise BadInputError(
                f"layer {index} is a {record.kind}, but this view explains a {self.record.kind}"
            )
        self.trace, self.layer_index, self.record = trace, index, record
        self._adopt()
        if channel is not None:
            self._select(channel)
        step = self.player.step()
        self._build()
        previous = self.player.blockSignals(True)  # one redraw below, not one per player change
        self.player.set_count(len(self.steps))
        self.player.set_step(step)
        self.player.blockSignals(previous)
        self.title.setText(self._title())
        self.set_paragraphs(self._explanation())
        self._show(self.player.step())

    def channel(self) -> int:
        """The map (or class) shown now, as ``channel`` of ``registry.make_backward_view``."""
        return 0

    def _adopt(self) -> None:
        """Read the layer's settings from ``self.record`` and size the combo boxes (keeping choices)."""

    def _select(self, channel: int) -> None:
        """Show map (or class) ``channel``."""

    @staticmethod
    def _set_index(combo: QComboBox, index: int) -> None:
        """Select ``index`` (clipped) without triggering a rebuild."""
        previous = combo.blockSignals(True)
        combo.setCurrentIndex(min(max(index, 0), combo.count() - 1))
        combo.blockSignals(previous)

    def _build(self) -> None:
        raise NotImplementedError

    def _show(self, index: int) -> None:
        """Show step ``index`` (clipped to the steps there are; nothing when there are none)."""
        if self.steps:
            index = min(max(index, 0), len(self.steps) - 1)
            self._show_step(index, self.steps[index])

    def _show_step(self, index: int, step: Any) -> None:
        """Draw step ``step``, number ``index``, with its numbers."""
        raise NotImplementedError

    def final(self) -> np.ndarray:
        """What the animation has built after its last step."""
        raise NotImplementedError

    def step_count(self) -> int:
        """Number of animation steps."""
        return len(self.steps)

    def retranslate_ui(self) -> None:
        """Set the title and the explanation in the current language and redraw the current step."""
        self.title.setText(self._title())
        self.set_paragraphs(self._explanation())
        if self.steps:
            self._show(self.player.step())

    def _title(self) -> str:
        return tr("Backward through {name}").format(name=self.record.name)

    def _explanation(self) -> list[tuple[str, str]]:
        raise NotImplementedError


class ChannelBackwardDetail(BackwardDetail):
    """A backward view of a layer that works on each map alone, shown one at a time ("channel" box)."""

    def __init__(
        self, object_name: str, tip: str, trace: Trace, layer_index: int, channel: int, parent: QWidget | None
    ) -> None:
        super().__init__(object_name, trace, layer_index, parent)
        self.channel_box = self._combo("channel", tip, [], 0)
        self.toolbar.addWidget(self.channel_box)
        self._open(channel)

    def _select(self, channel: int) -> None:
        self._set_index(self.channel_box, channel)

    def channel(self) -> int:
        """The map shown now (0 for a vector)."""
        return self.channel_box.currentIndex()


class ReshapeBackwardView(BackwardDetail):
    """Flatten (and Dropout in eval mode) backward: the gradient passes through unchanged, only reshaped.

    Shape:
        dy ``(F,)`` becomes dx ``(C, H, W)`` for Flatten.
    """

    def __init__(
        self, trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__("backward_reshape", trace, layer_index, parent)
        self._open(channel)

    def _explanation(self) -> list[tuple[str, str]]:
        return [
            (
                tr("Nothing to compute"),
                tr(
                    "This layer only moves numbers around, so its gradient is the "
                    "incoming gradient put back in the original layout."
                ),
            )
        ]

    def _build(self) -> None:
        self.steps = [0]

    def final(self) -> np.ndarray:
        """dL/dx, identical in value to dL/dy."""
        return np.asarray(self.record.grad_input, np.float64)

    def _show(self, index: int) -> None:
        shape = self.record.input.shape[1:]
        flat = shape if len(shape) == 3 else None
        self.board.set_panels(
            [
                Panel(tr("dL/dy"), as_image(self.record.grad_output, flat), numbers=False),
                Panel(tr("dL/dx"), as_image(self.record.grad_input, flat), numbers=False),
            ]
        )
        self.formula.setText(tr("dL/dx = dL/dy, reshaped to {shape}").format(shape="×".join(map(str, shape))))


class RecordView(DetailView):
    """The frame of a forward view that explains one traced layer from its record (None before any input):
    global pooling, Reshape and the transposed convolution.

    A subclass sets ``KINDS``, the layer kinds it explains, and ``WHAT``, how a message names them ("a
    Reshape"); it writes its title and explanation (``_write_texts``) and draws a step (``_show_step``). By
    default the animation walks the layer's maps, one per step (``_map_count`` of them, ``channel`` the map
    shown); a subclass that walks something else replaces ``set_trace`` and ``channel``.
    """

    KINDS: tuple[str, ...] = ()
    WHAT = ""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self.record: LayerRecord | None = None

    def _take(self, trace: Trace | None, layer_index: int) -> None:
        """Keep layer ``layer_index`` of ``trace`` (None: no input yet); ValueError for another kind."""
        self.record = None if trace is None else trace.layers[layer_index]
        if self.record is not None and self.record.kind not in self.KINDS:
            raise ValueError(f"layer {layer_index} is a {self.record.kind}, not {self.WHAT}")

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain layer ``layer_index`` of ``trace`` starting at map ``channel`` (None: no input yet)."""
        self._take(trace, layer_index)
        count = 0 if self.record is None else self._map_count(self.record)
        self.player.set_count(count)
        self.player.set_step(min(max(channel, 0), max(count - 1, 0)))
        self.retranslate_ui()

    def channel(self) -> int:
        """The map shown now."""
        return self.player.step()

    def _map_count(self, record: LayerRecord) -> int:
        """How many maps the animation walks."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """The title, the explanation and the current step in the current language."""
        if self.record is None:
            self.title.setText(no_input())
            self.set_paragraphs([])
            return
        self._write_texts(self.record)
        self._show_step(self.player.step())

    def _write_texts(self, record: LayerRecord) -> None:
        """Set the title and the explanation."""
        raise NotImplementedError

    def _show_step(self, step: int) -> None:
        raise NotImplementedError


class MapCanvas(CachedCanvas):
    """The canvas of a :class:`MapView`: a legend line, the maps under it and a formula line under them,
    the three centred as one block between margins.

    Signals:
        sigHoverStep(int): the mouse is over the cell (or window) of this step.
    """

    sigHoverStep = Signal(int)
    MINIMUM_PX = (480, 260)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self._formula = QRectF()
        self._legend_top = 0.0

    def _frame(self, formula_h: float) -> tuple[float, float, float, float]:
        """The margin, the legend line's height, and the width and height left for the maps above a formula
        line ``formula_h`` high."""
        margin = theme.px(10)
        header = QFontMetricsF(theme.font(0.9)).height() * 2 + theme.px(10)
        return margin, header, self.width() - 2 * margin, self.height() - 2 * margin - header - formula_h

    def _place(
        self, margin: float, header: float, height: float, maps_h: float, width: float, formula_h: float
    ) -> float:
        """Centre legend, maps (``maps_h`` high) and formula vertically in ``height`` (from :meth:`_frame`),
        keeping where the legend and the formula go; returns the maps' top."""
        top = margin + header + (height - maps_h) / 2
        self._legend_top = top - header + theme.px(6)
        self._formula = QRectF(margin, top + maps_h + theme.px(6), width, formula_h)
        return top

    @staticmethod
    def _legend_font(painter: QPainter) -> tuple[QFont, QFontMetricsF]:
        """Set the legend's font on ``painter``; returns it and its metrics."""
        small = theme.font(0.9)
        painter.setFont(small)
        return small, QFontMetricsF(small)


class MapView(DetailView):
    """The frame of a forward view that shows one map at a time (the activation and pooling views).

    A spin box ``channel_box`` picks the map, ``canvas`` animates it and ``stats`` under it counts what
    the layer did. The canvas reports the step under the mouse with ``sigHoverStep(int)``; the data it
    draws has a ``count`` of steps. Subclasses implement ``_explain`` (a traced layer becomes data),
    ``_write_texts`` (the title, the explanation and the stats) and ``_caption`` (the player's caption).
    """

    def __init__(self, object_name: str, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self.channel_box = QSpinBox()
        self.channel_box.setObjectName("channel")
        self.channel_box.valueChanged.connect(self._channel_chosen)
        self.toolbar.addWidget(self.channel_box)
        self.finish_toolbar()
        self.canvas = canvas
        self.stats = label("stats", wrap=True)
        self.stage_layout.addWidget(self.canvas, 1)
        self.stage_layout.addWidget(self.stats)
        canvas.sigHoverStep.connect(self._hovered)
        self.player.sigStepChanged.connect(self._show_step)
        self._trace: Trace | None = None
        self._layer_index = 0
        self._data: Any = None
        self._name = ""
        self._apply_fonts()
        theme.notifier().sigChanged.connect(self._apply_fonts)
        self.retranslate_ui()

    def _apply_fonts(self) -> None:
        self.stats.setFont(theme.font(1.2))

    def retranslate_ui(self) -> None:
        """Write the spin box's prefix, the title and the explanation in the current language."""
        self.channel_box.setPrefix(tr("map "))
        if self._data is not None:
            self._set_data(self._data, self._name, self.channel_box.value(), self.channel_box.maximum() + 1)

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain map ``channel`` of layer ``layer_index`` of ``trace`` (None: no input yet)."""
        self._trace, self._layer_index = trace, layer_index
        if trace is None:
            self._set_data(None, "", 0, 1)
            return
        self._explain(trace.layers[layer_index], layer_index, channel)

    def _explain(self, record: LayerRecord, layer_index: int, channel: int) -> None:
        """Show map ``channel`` of ``record`` (ValueError for a layer this view does not explain)."""
        raise NotImplementedError

    def _set_data(self, data: Any, name: str, channel: int, channels: int) -> None:
        """Show ``data`` (None: the placeholder), map ``channel`` of ``channels`` of layer ``name``."""
        self._data, self._name = data, name
        self.canvas.set_data(data)
        if data is None:
            self.title.setText(no_input())
            self.stats.setText("")
            self.set_paragraphs([])
            self.player.set_count(0)
            return
        self._write_texts(data, name, channel, channels)
        self.player.set_count(data.count)
        self._show_step(self.player.step())

    def _write_texts(self, data: Any, name: str, channel: int, channels: int) -> None:
        """Set the title, the explanation and the stats line for ``data``."""
        raise NotImplementedError

    def _show_step(self, step: int) -> None:
        if self._data is not None:
            self.canvas.set_step(step)
            self.player.set_caption(self._caption(step))

    def _caption(self, step: int) -> str:
        """The player's caption at ``step``: where the animation is."""
        raise NotImplementedError

    def _show_channels(self, channel: int, channels: int) -> None:
        """Let the spin box pick one of ``channels`` maps, showing ``channel``, without echoing back."""
        with signals_blocked(self.channel_box):
            self.channel_box.setRange(0, channels - 1)
            self.channel_box.setValue(channel)

    def _channel_chosen(self, channel: int) -> None:
        if self._trace is not None:
            self.set_trace(self._trace, self._layer_index, channel)

    def _hovered(self, step: int) -> None:
        self.player.pause()
        self.player.set_step(step)

    def data(self) -> Any:
        """What the view shows now."""
        return self._data

    def channel(self) -> int:
        """The map shown now (the main window keeps it when a new stroke arrives)."""
        return self.channel_box.value()


def run_family(family: LayerFamily, argv: Sequence[str] = tuple(sys.argv[1:])) -> None:
    """Open ``family``'s forward view (``--backward``: its backward view) of the first layer of its kinds
    in the bundled model, on a sample digit: ``python -m explainer.gui.layers.<family module>``."""
    backward = "--backward" in argv

    def make(model: Sequential, x: np.ndarray, label: int) -> QWidget:
        trace = model.trace(x[None, None], [label] if backward else None)
        index = next(i for i, record in enumerate(trace.layers) if record.kind in family.kinds)
        if backward:
            return family.backward_view(trace, index, 0)
        view = family.forward_view()
        view.set_trace(trace, index, 0)  # type: ignore[attr-defined]
        return view

    run_alone(make)
