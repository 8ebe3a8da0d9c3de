"""The one table of layer kinds in the GUI: which family explains each kind, and the views it builds.

Each family declares itself in its own module (``LayerFamily``: its kinds, forward and backward views,
texts and how the overview groups it); this module only lists them. The overview, the pages, the tour and
the main window ask here instead of naming kinds. A new layer type adds its family module and one entry
to ``FAMILIES``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explainer.core import Trace
from explainer.errors import BadInputError
from explainer.gui.kit.animation import DetailView
from explainer.gui.layers.activation import ACTIVATION, DROPOUT
from explainer.gui.layers.base import BackwardDetail, LayerFamily, backward_record
from explainer.gui.layers.conv import CONV
from explainer.gui.layers.dense import DENSE, FLATTEN
from explainer.gui.layers.generative import DECONV, RESHAPE
from explainer.gui.layers.norm import NORM
from explainer.gui.layers.pool import GLOBAL_POOL, POOL

FAMILIES: tuple[LayerFamily, ...] = (
    CONV,
    ACTIVATION,
    DROPOUT,
    NORM,
    POOL,
    GLOBAL_POOL,
    FLATTEN,
    DENSE,
    RESHAPE,
    DECONV,
)
"""Every layer family the GUI explains."""

_BY_KIND = {kind: family for family in FAMILIES for kind in family.kinds}


def family(kind: str) -> LayerFamily:
    """The family that explains layers of ``kind``; ValueError when none does."""
    if kind not in _BY_KIND:
        raise ValueError(f"no view family explains layers of kind {kind!r}")
    return _BY_KIND[kind]


def kinds(*names: str) -> frozenset[str]:
    """The layer kinds of the families called ``names`` (e.g. ``kinds("pool")``: max and average pooling)."""
    unknown = set(names) - {f.name for f in FAMILIES}
    if unknown:
        raise ValueError(f"no layer families called {sorted(unknown)}")
    return frozenset(kind for f in FAMILIES if f.name in names for kind in f.kinds)


def kinds_where(**flags: bool) -> frozenset[str]:
    """The layer kinds of the families whose grouping flags have these values, e.g.
    ``kinds_where(reads_own_channel=True)`` for the layers that compute each map from the same input map."""
    return frozenset(
        kind
        for f in FAMILIES
        if all(getattr(f, key) == value for key, value in flags.items())
        for kind in f.kinds
    )


def make_detail_view(
    trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
) -> DetailView:
    """The forward view explaining ``trace.layers[layer_index]``, chosen by its ``kind``, showing ``channel``.

    ``channel`` is the output map for conv, the map for activations and pooling, and the class for
    flatten/dense. Keep the view in sync with new input through its
    ``set_trace(trace, layer_index, channel)``.

    Raises:
        ValueError: no view explains this layer's kind.
    """
    kind = trace.layers[layer_index].kind
    if kind not in _BY_KIND:
        raise ValueError(f"no detail view explains layers of kind {kind!r}")
    view = _BY_KIND[kind].forward_view(parent)
    view.set_trace(trace, layer_index, channel)  # type: ignore[attr-defined]
    return view


def make_backward_view(
    trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None
) -> BackwardDetail:
    """The backward detail view for layer ``layer_index`` of ``trace`` (which must carry gradients).

    ``channel`` is the map to start on: the output channel of a conv, the channel of a pool or activation,
    the class of a dense layer. Raises BadInputError without gradients or for a kind no view explains.
    """
    record = backward_record(trace, layer_index)
    if record.kind not in _BY_KIND:
        raise BadInputError(f"no backward view for layer kind {record.kind!r}")
    return _BY_KIND[record.kind].backward_view(trace, layer_index, channel, parent)


def make_view(trace: Trace, layer_index: int, channel: int = 0, parent: QWidget | None = None) -> DetailView:
    """The view explaining ``trace.layers[layer_index]``: backward when the trace has gradients, else forward.

    Raises ValueError (BadInputError included) when no view explains the layer.
    """
    if trace.has_gradients:
        return make_backward_view(trace, layer_index, channel, parent)
    return make_detail_view(trace, layer_index, channel, parent)
