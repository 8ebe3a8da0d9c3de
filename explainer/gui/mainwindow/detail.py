"""A layer's explanation in place of the overview: open it from a clicked map, keep it in step with the
drawing, rebuild it when it cannot follow, and go back to the overview.

A map of a layer no view explains (and the input image) opens large in a ``MapDetailDialog`` instead.
While the explanation or another tab hides the overview, the overview only notes that it missed a trace
and catches up when it is on screen again.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from explainer.core import Trace
from explainer.gui.i18n import tr
from explainer.gui.mainwindow.parts import single_shot

REBUILD_DELAY_MS = 150
"""A detail view that cannot follow a new trace in place is rebuilt once the strokes pause this long."""

FOLLOW_INTERVAL_MS = 100
"""An open layer explanation redraws at most this often while you draw (10 fps; the last trace always
arrives): it is a large view (a conv4 redraw costs 20-40 ms here), and redrawing it on every mouse move
would make the strokes themselves lag (benchmarks/bench_integration.py)."""


class LayerExplanation:
    """Mixin of ``MainWindow``: the layer explanation that takes the overview's place, and the map dialog."""

    def _init_explanation(self) -> None:
        """Nothing explained yet."""
        self._detail: QDialog | None = None
        # The layer explained in the detail panel: (direction "forward"/"backward", layer index, channel).
        self._explained: tuple[str, int, int] | None = None
        self._rebuild_timer = single_shot(self, REBUILD_DELAY_MS, self._rebuild_detail)
        self._follow_timer = single_shot(self, 0, self._follow_now)
        self._followed_at = 0.0
        self._overview_stale = False

    def detail_view(self) -> QWidget | None:
        """The layer explanation shown in place of the overview, or None."""
        return self.detail_panel.view()

    def show_overview(self) -> None:
        """Close the layer explanation and show the overview again."""
        self._explained = None
        self._rebuild_timer.stop()
        self._follow_timer.stop()
        self.detail_panel.set_view(None)
        self.detail_panel.set_side(None)
        self.network_stack.setCurrentIndex(0)
        self._show_overview_controls(True)
        self._catch_up_overview()

    def show_unit_field(self, layer: int, channel: int, row: int, col: int) -> None:
        """Open the Receptive fields lesson on unit ``(row, col)`` of ``channel`` of ``layer``: its field
        outlined on the input and its effective weight (a right click on a map of the overview)."""
        view = self.show_page("receptive")
        if view is not None and self.state.trace is not None:
            view.select_unit(layer, channel, row, col)

    def _open_map_detail(self, layer: int, channel: int) -> None:
        """Explain a clicked map's layer in place of the overview; the input image opens large instead."""
        trace = self.state.trace
        if trace is None:
            return
        view = None if layer < 0 else _make_explanation(trace, layer, channel)
        if view is None:
            self._open_map_dialog(trace, layer, channel)
            return
        self._show_explanation(view, trace, layer, channel)

    def _show_explanation(self, view: QWidget, trace: Trace, layer: int, channel: int) -> None:
        """Put ``view`` (explaining ``layer``) in place of the overview and give it the keys."""
        direction = "backward" if trace.has_gradients else "forward"
        self._explained = (direction, layer, channel)
        edited = getattr(view, "sigWeightEdited", None)
        if edited is not None:
            edited.connect(self.edit_weight)
        self.detail_panel.set_view(view, self._detail_heading())
        self.detail_panel.set_side(filter_side(trace, layer, channel))
        self.network_stack.setCurrentWidget(self.detail_panel)
        self._show_overview_controls(False)
        self.tabs.setCurrentWidget(self.network_page)
        view.setFocus()

    def edit_weight(
        self, layer: int, out_channel: int, in_channel: int, row: int, col: int, value: float
    ) -> None:
        """Use a copy of the model with one conv weight ``W[out_channel, in_channel, row, col]`` set to
        ``value``: the window's normal model path, so every later layer and view follows."""
        model = self.state.model.copy()
        model.layers[layer].params["W"][out_channel, in_channel, row, col] = value
        self.state.set_model(model)
        self.statusBar().showMessage(
            tr(
                "{name}: weight W[{o}, {c}, {r}, {k}] set to {v}. Model → Restore bundled model undoes it."
            ).format(
                name=model.layers[layer].name, o=out_channel, c=in_channel, r=row, k=col, v=f"{value:.3f}"
            ),
            8000,
        )

    def _show_overview_controls(self, shown: bool) -> None:
        """The colour-scale choice and the hint on the colours only concern the overview."""
        for widget in (self.scale_label, self.scale_combo):
            widget.setVisible(shown)
        self.quantity_hint.setVisible(shown and not self.is_presenting())

    def _detail_heading(self) -> str:
        """The line above the layer explanation: which pass, which layer."""
        if self._explained is None:
            return ""
        direction, layer, _channel = self._explained
        name = self.state.model.layers[layer].name
        if direction == "backward":
            return tr("Backward pass through {name}").format(name=name)
        return tr("Forward pass: {name}").format(name=name)

    def _open_map_dialog(self, trace: Trace, layer: int, channel: int) -> None:
        """Show one map large, with its values, in a dialog (the input image, or a layer no view explains)."""
        # Imported on first use: the detail dialog is not needed for the first paint.
        from explainer.gui.network.mapdetail import MapDetailDialog

        if self._detail is not None:
            self._detail.close()
        quantity = "gradient" if trace.has_gradients else "activation"
        self._detail = MapDetailDialog(trace, layer, channel, self, quantity=quantity)
        self._detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._detail.destroyed.connect(self._forget_detail)
        self._detail.show()

    def _follow_in_detail(self, trace: Trace | None) -> None:
        """Keep the open map dialog and layer explanation in step with the drawing.

        A view that can take the new trace gets it at most every ``FOLLOW_INTERVAL_MS`` (the latest one
        always arrives); one that cannot is rebuilt when the strokes pause, and at once when the trace
        switches between forward and backward. After Clear the dialog keeps the last map and a backward
        view its last numbers.
        """
        if self._detail is not None and trace is not None:
            self._detail.set_trace(trace)  # type: ignore[attr-defined]
        view = self.detail_panel.view()
        if self._explained is None or view is None:
            return
        direction, layer, channel = self._explained
        shown, channel = channel, _view_channel(view, channel)
        self._explained = (direction, layer, channel)
        if channel != shown and trace is not None:
            self.detail_panel.set_side(filter_side(trace, layer, channel))
        if trace is None:
            if direction == "forward":
                view.set_trace(None, layer, channel)  # type: ignore[attr-defined]
            return
        if ("backward" if trace.has_gradients else "forward") != direction:
            self._rebuild_detail()
        elif not hasattr(view, "set_trace"):
            self._rebuild_timer.start()
        elif not self._follow_timer.isActive():
            wait_ms = FOLLOW_INTERVAL_MS - (time.perf_counter() - self._followed_at) * 1000
            if wait_ms <= 0:
                self._follow_now()
            else:
                self._follow_timer.start(round(wait_ms))

    def _follow_now(self) -> None:
        """Give the open layer explanation the current trace."""
        view, trace = self.detail_panel.view(), self.state.trace
        if self._explained is None or view is None or trace is None:
            return
        _direction, layer, channel = self._explained
        self._followed_at = time.perf_counter()
        view.set_trace(trace, layer, channel)  # type: ignore[attr-defined]

    def _show_in_overview(self, trace: Trace | None) -> None:
        """Show a new trace in the overview, or only note it while a layer explanation or page hides it."""
        if self.overview.isVisibleTo(self):
            self.overview.set_trace(trace)
            self._overview_stale = False
        else:
            self._overview_stale = True

    def _catch_up_overview(self) -> None:
        """Give the overview the trace it missed while hidden, once it is on screen again."""
        if self._overview_stale and self.overview.isVisibleTo(self):
            self._show_in_overview(self.state.trace)

    def _rebuild_detail(self) -> None:
        """Build the explanation of the explained layer anew from the current trace, at the same step."""
        trace, old = self.state.trace, self.detail_panel.view()
        if self._explained is None or trace is None:
            return
        _direction, layer, channel = self._explained
        view = _make_explanation(trace, layer, channel)
        if view is None:
            self.show_overview()
            return
        player, old_player = getattr(view, "player", None), getattr(old, "player", None)
        if player is not None and old_player is not None and player.count() == old_player.count():
            player.set_step(old_player.step())
        self._show_explanation(view, trace, layer, channel)

    def _focus_detail(self) -> None:
        """After a stroke, hand the keys (space, arrows) back to the open explanation's player."""
        view = self.detail_panel.view()
        if view is not None and self.network_stack.currentWidget() is self.detail_panel:
            view.setFocus()

    def _forget_detail(self) -> None:
        """The detail dialog was closed."""
        self._detail = None


def _make_explanation(trace: Trace, layer: int, channel: int) -> QWidget | None:
    """The view explaining ``trace.layers[layer]``: backward when the trace has gradients, else forward.

    None when no layer family explains this layer's kind (the map then opens in a dialog).
    """
    # Imported on first use: no explanation is needed for the first paint.
    from explainer.gui.layers import registry

    try:
        registry.family(trace.layers[layer].kind)
    except ValueError:
        return None
    return registry.make_view(trace, layer, channel)


def filter_side(trace: Trace, layer: int, channel: int) -> QWidget | None:
    """What the filter of a clicked conv map (or of the ReLU right after it) looks for: its top 9 test
    images with their patch and its synthesised input, when they are known for these weights (bundled, or
    computed on the Filters page); else None."""
    from explainer.filters import atlas_for
    from explainer.gui.kit.filtergallery import FilterSide

    records = trace.layers
    if records[layer].kind != "conv2d":
        follows_conv = layer > 0 and records[layer - 1].kind == "conv2d"
        if not (follows_conv and records[layer].kind in ("relu", "leaky_relu")):
            return None
        layer -= 1
    atlas = atlas_for(trace)
    found = atlas.layer(layer) if atlas is not None else None
    if found is None or not 0 <= channel < len(found.top.indices):
        return None
    side = FilterSide(tr("What {name} channel {c} looks for").format(name=found.name, c=channel))
    indices = found.top.indices[channel]
    images = np.stack([atlas.images[int(i)][0] for i in indices])  # type: ignore[union-attr]
    side.gallery.set_channel(
        images, found.top.boxes[channel], found.top.values[channel], found.synthesised.images[channel, 0]
    )
    side.caption.setText(
        tr(
            "The {k} test images it responds to most (the outlined patch is what its strongest unit sees), "
            "and on the right an input made to excite it, from grey by gradient ascent."
        ).format(k=len(indices))
    )
    return side


def _view_channel(view: QWidget, clicked: int) -> int:
    """The map (or class) ``view`` shows now, when it can say; else the one that was clicked."""
    channel = getattr(view, "channel", None)
    return int(channel()) if callable(channel) else clicked
