"""Side by side: the first convolution of the bundled MNIST network and of the Fashion-MNIST one.

Both networks have the reference architecture; this page loads each from ``assets/`` (whatever data set
the window works on) and shows their conv1 kernels and the conv1 feature maps they compute from one input
next to each other, on one diverging colour scale centred on zero, so that the two can be compared value
for value. The input is the window's drawing (the default) or a test image of either data set. A line
under the kernels quotes how alike each pair of kernels is (their correlation), measured on the real
weights.

Run alone: ``python -m explainer.gui.pages.sidebyside``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtWidgets import QWidget

import explainer
from explainer.core import Sequential
from explainer.data import FASHION_MNIST, MNIST, Dataset
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, class_name, shown_class_names, tr, translate_error
from explainer.gui.kit.mapboard import MapBoard, Panel, tile
from explainer.gui.kit.widgets import choice_box, heading, hint, label, page_column, set_items, side_by_side
from explainer.gui.layers import registry
from explainer.gui.pages.base import run_page, show_header

COMPARED = (MNIST, FASHION_MNIST)
"""The data sets whose bundled networks are compared, left to right."""

SOURCES = ("drawing", MNIST.name, FASHION_MNIST.name)
"""Where the input comes from: the window's drawing, or a test image of one of the data sets."""

KERNEL_COLUMNS = 4
"""Kernels and maps are tiled this many to a row (the reference net's 8 make two rows)."""


def first_conv(model: Sequential) -> int | None:
    """The index of the model's first convolution, found by kind; None when it has none."""
    conv = registry.kinds("conv")
    return next((i for i, layer in enumerate(model.layers) if layer.kind in conv), None)


def kernel_correlations(first: np.ndarray, second: np.ndarray) -> np.ndarray | None:
    """The Pearson correlation of each pair of kernels (kernel k of one net with kernel k of the other);
    None when the two layers differ in shape.

    Shape:
        first, second: conv weights ``(C_out, C_in, kH, kW)``; returns ``(C_out,)`` in [-1, 1].
    """
    if first.shape != second.shape:
        return None
    a = first.reshape(len(first), -1).astype(np.float64)
    b = second.reshape(len(second), -1).astype(np.float64)
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    return np.divide((a * b).sum(axis=1), norms, out=np.zeros(len(a)), where=norms > 0)


@dataclass(frozen=True)
class Network:
    """One bundled network of the comparison, or why it could not be loaded."""

    dataset: Dataset
    model: Sequential | None
    error: str | None = None

    @property
    def conv(self) -> int | None:
        """The index of its first convolution (None: no model, or no convolution)."""
        return None if self.model is None else first_conv(self.model)

    @property
    def kernels(self) -> np.ndarray | None:
        """Its conv1 weights ``(C_out, C_in, kH, kW)``, or None."""
        conv = self.conv
        return None if conv is None else self.model.layers[conv].params["W"]  # type: ignore[union-attr]


def load_networks() -> list[Network]:
    """The bundled networks of :data:`COMPARED`; one that cannot be read carries the message why."""
    networks = []
    for dataset in COMPARED:
        try:
            networks.append(Network(dataset, explainer.load_model(dataset.model_path)))
        except (BadInputError, OSError) as error:
            message = translate_error(error) if isinstance(error, BadInputError) else str(error)
            networks.append(Network(dataset, None, message))
    return networks


def _sentences(*parts: str) -> str:
    """Caption parts as one line, "; "-separated in English and "；" in Chinese (empty parts left out)."""
    return tr("; ").join(part for part in parts if part)


class SideBySideView(FollowsLanguage, QWidget):
    """The conv1 kernels and feature maps of the MNIST and the Fashion-MNIST network, side by side
    (objectName "side_by_side").

    ``set_input`` gives the window's drawing, used while the input choice is "Your drawing";
    ``set_dataset`` marks the data set the window works on.

    Shape:
        the drawing ``x`` is ``(28, 28)`` float32 in [0, 1] (the network input), or None.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_by_side")
        self._networks = load_networks()
        self._drawing: np.ndarray | None = None
        self._dataset: Dataset = MNIST
        self._samples: dict[str, tuple[np.ndarray, np.ndarray]] = {}

        self.title = heading("title")
        self.source_text = label("source_text")
        self.source_box = choice_box("source", self._source_changed, ["", "", ""])
        self.class_text = label("class_text")
        self.class_box = choice_box("sample_class", self._refresh)
        top = side_by_side(self.title, self.source_text, self.source_box, self.class_text, self.class_box)
        self.intro = hint()
        self.intro.setObjectName("intro")
        self.comparison = hint()
        self.comparison.setObjectName("comparison")
        self.kernels_heading = heading("kernels_heading")
        self.kernel_board = MapBoard(columns=len(COMPARED))
        self.kernel_board.setObjectName("kernel_board")
        self.maps_heading = heading("maps_heading")
        self.message = hint()
        self.message.setObjectName("message")
        self.map_board = MapBoard(columns=len(COMPARED) + 1)
        self.map_board.setObjectName("map_board")
        page_column(
            self,
            top,
            self.intro,
            self.kernels_heading,
            self.kernel_board,
            self.comparison,
            self.maps_heading,
            self.message,
            self.map_board,
            stretch=7,
        )
        self.retranslate_ui()

    # ---- the page's setters

    def set_input(self, x: np.ndarray | None) -> None:
        """The window's drawing (None: a blank canvas); shown while the input is "Your drawing".

        Shape:
            x: ``(28, 28)`` float in [0, 1].
        """
        self._drawing = None if x is None else np.asarray(x, np.float32)
        if self.source() == "drawing":
            self._refresh()

    def set_dataset(self, dataset: Dataset) -> None:
        """Mark the network of ``dataset`` as the one the window uses."""
        self._dataset = dataset
        self._refresh()

    def set_source(self, source: str) -> None:
        """Take the input from ``source``: "drawing" or the name of a compared data set (its test image of
        the class chosen beside it)."""
        self.source_box.setCurrentIndex(SOURCES.index(source))

    # ---- what it shows (for tests and the tour)

    def source(self) -> str:
        """Where the input comes from now (one of :data:`SOURCES`)."""
        return SOURCES[max(0, self.source_box.currentIndex())]

    def networks(self) -> list[Network]:
        """The compared networks, left to right."""
        return list(self._networks)

    def current_input(self) -> np.ndarray | None:
        """The input both networks read now ``(28, 28)`` in [0, 1], or None (a blank canvas)."""
        source = self.source()
        if source == "drawing":
            return self._drawing
        images, labels = self._samples_of(source)
        wanted = np.flatnonzero(labels == self.class_box.currentIndex())
        if len(wanted) == 0:
            return None
        return images[int(wanted[0])].astype(np.float32) / np.float32(255.0)

    def feature_maps(self) -> list[np.ndarray | None]:
        """Each network's conv1 output for :meth:`current_input` ``(C_out, H, W)``, or None."""
        x = self.current_input()
        return [None if x is None else self._maps(network, x) for network in self._networks]

    def correlations(self) -> np.ndarray | None:
        """The correlation of each kernel pair of the two networks ``(C_out,)``, or None."""
        first, second = (network.kernels for network in self._networks)
        if first is None or second is None:
            return None
        return kernel_correlations(first, second)

    # ---- texts

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title, self.intro)
        self.source_text.setText(tr("Input:"))
        names = {
            "drawing": tr("Your drawing"),
            MNIST.name: tr("An MNIST test digit"),
            FASHION_MNIST.name: tr("A Fashion-MNIST test image"),
        }
        for index, source in enumerate(SOURCES):
            self.source_box.setItemText(index, names[source])
        self.source_box.setToolTip(tr("Both networks read the same input: your drawing or a test image"))
        self.class_text.setText(tr("Class:"))
        self.class_box.setToolTip(tr("The first test image of this class in the gallery"))
        self.kernels_heading.setText(tr("conv1 kernels (red: positive weight, blue: negative)"))
        self.maps_heading.setText(tr("conv1 feature maps for this input"))
        self._fill_classes()
        self._refresh()

    def _fill_classes(self) -> None:
        """The class choice lists the classes of the chosen data set (empty for the drawing)."""
        source = self.source()
        dataset = next((d for d in COMPARED if d.name == source), None)
        set_items(self.class_box, [] if dataset is None else shown_class_names(dataset.class_names))
        # Greyed out rather than hidden for the drawing: the row keeps its layout.
        self.class_box.setEnabled(dataset is not None)
        self.class_text.setEnabled(dataset is not None)

    @staticmethod
    def _column_title(network: Network) -> str:
        """A column's title: which network it is."""
        if network.dataset.name == MNIST.name:
            return tr("Trained on MNIST digits")
        return tr("Trained on Fashion-MNIST clothes")

    def _in_use(self, network: Network) -> str:
        """A caption line for the network of the data set the window works on now (else empty); a caption
        wraps where a title would be cut."""
        in_use = network.dataset.name == self._dataset.name
        return tr("The window works on this data set now") if in_use else ""

    def _comparison_text(self) -> str:
        """What the correlations of the kernel pairs say, with the numbers."""
        r = self.correlations()
        if r is None or len(r) == 0:
            return tr("The two first layers differ in shape, so their kernels cannot be paired.")
        most = int(np.argmin(r))
        text = tr(
            "Kernel k of one network against kernel k of the other: their correlation is {median} in the "
            "median (1 means the same pattern); the pair that differs most is kernel {k} (counted from "
            "the top left, along the rows), r = {r}. All pairs: {values}."
        ).format(
            median=theme.format_value(float(np.median(r)), 2),
            k=most,
            r=theme.format_value(float(r[most]), 2),
            values=tr(", ").join(theme.format_value(float(v), 2) for v in r),
        )
        seeds = {None if n.model is None else n.model.metadata.get("seed") for n in self._networks}
        if len(seeds) == 1 and None not in seeds:
            # A space after a Western full stop, none after a Chinese one.
            text += ("" if text.endswith("。") else " ") + tr(
                "Both started from the same random kernels (seed {seed}), so what differs was learnt."
            ).format(seed=seeds.pop())
        return text

    # ---- drawing

    def _source_changed(self) -> None:
        self._fill_classes()
        self._refresh()

    def _samples_of(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The gallery images and labels of data set ``name`` (empty when its file is missing)."""
        if name not in self._samples:
            dataset = next(d for d in COMPARED if d.name == name)
            try:
                self._samples[name] = dataset.load_samples()
            except BadInputError:
                self._samples[name] = (np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64))
        return self._samples[name]

    @staticmethod
    def _maps(network: Network, x: np.ndarray) -> np.ndarray | None:
        """The conv1 output of ``network`` for ``x`` ``(C_out, H, W)``, or None."""
        model, conv = network.model, network.conv
        if model is None or conv is None or x.shape != model.input_shape[1:]:
            return None
        trace = model.trace(x.reshape(1, *model.input_shape))
        return trace.layers[conv].output[0]

    def _prediction(self, network: Network, x: np.ndarray | None) -> str:
        """What the network answers for ``x``, for its column's caption."""
        model = network.model
        if model is None:
            return network.error or ""
        if x is None or x.shape != model.input_shape[1:]:
            return ""
        probs = model.predict_proba(x.reshape(1, *model.input_shape))[0]
        k = int(np.argmax(probs))
        return tr("It answers {name} ({percent:.0%})").format(
            name=class_name(str(model.class_names[k])), percent=float(probs[k])
        )

    def _refresh(self) -> None:
        """Redraw both boards and the texts with the numbers from the current input and kernels."""
        kernels = [network.kernels for network in self._networks]
        shown = [k[:, 0] for k in kernels if k is not None]
        k_levels = theme.symmetric_levels(np.concatenate([k.ravel() for k in shown])) if shown else (-1, 1)
        panels = [
            Panel(
                self._column_title(network),
                tile(weights[:, 0], min(KERNEL_COLUMNS, len(weights))),
                k_levels,
                caption=self._in_use(network),
            )
            for network, weights in zip(self._networks, kernels, strict=True)
            if weights is not None
        ]
        self.kernel_board.set_panels(panels)
        self.comparison.setText(self._comparison_text())

        x = self.current_input()
        maps = self.feature_maps()
        if x is None:
            self.message.setText(
                tr("Draw on the canvas, or choose a test image above, to see the maps both networks compute.")
            )
            self.message.show()
            self.map_board.set_panels([])
            self.map_board.hide()
            return
        self.message.hide()
        self.map_board.show()
        present = [m for m in maps if m is not None]
        m_levels = (
            theme.symmetric_levels(np.concatenate([m.ravel() for m in present])) if present else (-1, 1)
        )
        # The input at the scale of one map, so that its strokes can be matched with the maps'.
        spaced = np.full((KERNEL_COLUMNS, *x.shape), np.nan)
        spaced[0] = x
        panels = [Panel(tr("Input"), tile(spaced, KERNEL_COLUMNS), (0.0, 1.0), theme.GREY_LUT, numbers=False)]
        for network, feature in zip(self._networks, maps, strict=True):
            if feature is None:
                continue
            columns = min(KERNEL_COLUMNS, len(feature))
            panels.append(
                Panel(
                    self._column_title(network),
                    tile(feature, columns),
                    m_levels,
                    numbers=False,
                    caption=_sentences(self._prediction(network, x), self._in_use(network)),
                )
            )
        self.map_board.set_panels(panels)


if __name__ == "__main__":
    run_page(SideBySideView)
