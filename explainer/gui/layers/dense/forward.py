"""The flatten → dense → softmax forward view: how the last feature maps become class probabilities.

Left to right: the maps the dense layer receives, laid end to end as one flattened vector; the weights into
the chosen class drawn in the shape of those maps (what the class looks for); value × weight (where the
evidence for the class is); then every class's score z, e^z and probability with bars. The formula line
works the chosen class out with its numbers. Hovering a class in the table highlights its terms; the step
player walks through the classes.
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from explainer.core import Trace
from explainer.gui import theme
from explainer.gui.i18n import tr
from explainer.gui.kit.animation import CachedCanvas, DetailView, longest_word, no_input, wrapped_height
from explainer.gui.kit.colorbar import paint_colorbar, range_texts
from explainer.gui.kit.mapboard import atlas, format_big
from explainer.gui.layers.activation import DROPOUT_KINDS, as_grid
from explainer.gui.layers.dense.texts import (
    class_caption,
    features_title,
    forward_paragraphs,
    logit_line,
    probability_line,
    softmax_title,
)

FLATTEN_KINDS = ("flatten",)
"""Flatten: the maps laid out as one vector."""

DENSE_KINDS = ("dense",)
"""The fully connected layer."""

PASS_THROUGH = FLATTEN_KINDS + DROPOUT_KINDS
"""Layers between the last feature maps and the dense layer that do not change the numbers."""


class SoftmaxData:
    """The dense layer's input, weights and scores, and the softmax over them when they are the logits.

    Shape:
        features: ``(F,)``; weights: ``(F, K)``; bias, logits: ``(K,)``; probs: ``(K,)`` or None;
        maps_shape: ``(C, H, W)`` the features had before flattening, or None.
    """

    def __init__(
        self,
        features: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        logits: np.ndarray,
        probs: np.ndarray | None,
        maps_shape: tuple[int, int, int] | None,
        class_names: list[str],
    ) -> None:
        self.features = np.asarray(features, np.float32)
        self.weights = np.asarray(weights, np.float32)
        self.bias = np.asarray(bias, np.float32)
        self.logits = np.asarray(logits, np.float64)
        self.probs = None if probs is None else np.asarray(probs, np.float64)
        self.maps_shape = maps_shape
        self.class_names = class_names
        self.feature_levels = theme.symmetric_levels(self.features)
        self.weight_levels = theme.symmetric_levels(self.weights)

    @property
    def classes(self) -> int:
        """Number of outputs (classes)."""
        return self.logits.size

    @cached_property
    def exp(self) -> np.ndarray:
        """e^z of every score, shifted by the largest score so that it never overflows, then shifted back.

        Shape: ``(K,)`` float64.
        """
        top = float(self.logits.max())
        return np.exp(self.logits - top) * math.exp(top) if top < 700 else np.exp(self.logits - top)

    @property
    def exp_sum(self) -> float:
        """Σ e^z over the classes."""
        return float(self.exp.sum())

    def maps(self, values: np.ndarray) -> np.ndarray:
        """``values`` (one per feature) in the shape of the feature maps, or wrapped to a square grid.

        Shape:
            values ``(F,)``; returns ``(C, H, W)`` (``C = 1`` for a plain vector; NaN past its end).
        """
        if self.maps_shape is not None:
            return values.reshape(self.maps_shape)
        return as_grid(values)[None]

    def contributions(self, k: int) -> np.ndarray:
        """value × weight of every feature for class ``k``; they add up (with the bias) to its score.

        Shape: ``(F,)``.
        """
        return self.features * self.weights[:, k]


class SoftmaxCanvas(CachedCanvas):
    """Feature maps, the flattened strip, the chosen class's weights and value × weight, and the class table.

    The animation step (``set_step``) is the chosen class.

    Signals:
        sigHoverClass(int): the mouse is over this class's row (-1 when it leaves the table).
        sigClickClass(int): the student clicked this class's row.
    """

    sigHoverClass = Signal(int)
    sigClickClass = Signal(int)
    SIZE_HINT_PX = (1000, 520)
    _data: SoftmaxData | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("softmax_canvas", parent)
        self._needed = 0.0  # the height the last layout needed for all its text
        self._needed_w = 0.0  # and the width
        self._hover = -1
        self._panels: list[QRectF] = []
        self._strip = QRectF()
        self._rows: list[QRectF] = []
        self._columns: list[float] = []
        self._formula = QRectF()
        self._titles: list[QRectF] = []  # each panel's column above it: title, colour bar, its labels
        self._captions: list[QRectF] = []  # the same columns under the panels
        self._strip_label = QRectF()
        self._map_columns = 1
        self._images: dict[int, tuple[QImage, QImage]] = {}

    def minimumSizeHint(self) -> QSize:
        """Room for the header, the table's rows and the formula, and for every column's text across."""
        return QSize(
            max(theme.px(640), math.ceil(self._needed_w)), max(theme.px(300), math.ceil(self._needed))
        )

    def set_data(self, data: SoftmaxData | None) -> None:
        """Show ``data`` (None: the placeholder)."""
        self._images = {}
        super().set_data(data)
        if data is not None:
            self.lay_out(data)  # now, so the height its text needs is known before the first paint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the titles differently: lay out now, so the height needed follows."""
        super().resizeEvent(event)
        if self._data is not None:
            self.lay_out(self._data)

    def set_hover(self, k: int) -> None:
        """Outline class ``k``'s row (-1: none)."""
        self._hover = k
        self.update()

    def rows(self) -> list[QRectF]:
        """The table rows, one per class."""
        self.ensure_layout()
        return self._rows

    def _class_images(self, k: int) -> tuple[QImage, QImage]:
        """(weights, value × weight) atlases of class ``k``, cached."""
        data = self._data
        assert data is not None
        if k not in self._images:
            contributions = data.contributions(k)
            self._images[k] = (
                atlas(data.maps(data.weights[:, k]), data.weight_levels, self._map_columns),
                atlas(data.maps(contributions), theme.symmetric_levels(contributions), self._map_columns),
            )
        return self._images[k]

    def _texts(self, data: SoftmaxData) -> tuple[list[str], list[str], list[tuple[float, float]]]:
        """The three panels' titles, the captions under them (longest class name) and their levels."""
        title = features_title(data.maps_shape, data.features.size)
        widest = max(data.class_names, key=len)
        captions = [
            "",
            tr("what '{k}' looks for").format(k=widest),
            tr("evidence for '{k}'").format(k=widest),
        ]
        levels = [data.feature_levels, data.weight_levels, data.weight_levels]
        return [title, tr("weights into the class"), tr("value × weight")], captions, levels

    def _table_columns(self, data: SoftmaxData) -> list[float]:
        """Widths of the table's text columns: class, z, e^z, probability, each its heading or widest cell."""
        heading = QFontMetricsF(theme.font(0.9, bold=True)).horizontalAdvance
        cell = QFontMetricsF(theme.font(1.05)).horizontalAdvance
        sum_cell = QFontMetricsF(theme.font(1.05, bold=True)).horizontalAdvance
        space = cell("  ")
        samples = [
            (tr("class"), max(cell(name) for name in data.class_names), sum_cell(tr("sum"))),
            ("z", cell("−00.00"), 0.0),
            ("e^z", cell("0.00×10⁻⁰⁰"), sum_cell("0.000e+00")),
            (tr("probability") if data.probs is not None else "", cell("100.0 %"), sum_cell("100 %")),
        ]
        return [max(heading(text), *widths) + space for text, *widths in samples]

    def lay_out(self, data: SoftmaxData) -> None:
        """Place the panels, the strip, the table and the formula; every text gets the room it needs.

        A panel's column is as wide as its maps, but never narrower than the longest word of its title and
        caption or its colour bar's label; titles and captions wrap inside their column, and the header
        and caption rows are as tall as their longest text.
        """
        margin, gap = theme.px(10), theme.px(20)
        small = QFontMetricsF(theme.font(0.9))
        bold = QFontMetricsF(theme.font(1.0, bold=True))
        formula_w = self.width() - 2 * margin
        formula_h = max(
            wrapped_height(QFontMetricsF(theme.font(1.25)), formula_w, "\n".join(formula_lines(data, k)))
            for k in range(data.classes)
        ) + theme.px(16)
        row_min = QFontMetricsF(theme.font(1.05)).height()
        widths = self._table_columns(data)
        table_w = sum(widths) + theme.px(110)
        titles, captions, levels = self._texts(data)
        strip_w = theme.px(22)
        strip_text = tr("flatten\n{n}").format(n=data.features.size).split("\n")
        strip_col = max(strip_w, *(small.horizontalAdvance(t) for t in strip_text))
        least = [
            max(
                longest_word(small, titles[i]),
                longest_word(bold, captions[i]),
                small.horizontalAdvance("±" + range_texts(levels[i])[1]),
            )
            for i in range(3)
        ]
        room = self.width() - 2 * margin - table_w - strip_col - 4 * gap
        # The least width: every column at its text's width with maps of at least 2 pixels a cell.
        maps_w0 = data.maps(data.features).shape
        least_w = 2 * margin + table_w + strip_col + 4 * gap + sum(max(w, 2 * maps_w0[2]) for w in least)
        maps = data.maps(data.features)
        count, map_h, map_w = maps.shape

        def arrangement(columns: int) -> tuple[float, float]:
            """(panel width, panel height) of one map pixel for this many map columns."""
            rows = math.ceil(count / columns)
            return columns * (map_w + 1) - 1, rows * (map_h + 1) - 1

        def text_heights(pixel: float, columns: int) -> tuple[float, float]:
            """Heights of the header (titles, bar, its labels) and the captions under the panels."""
            panel = pixel * arrangement(columns)[0]
            cols = [max(panel, w) for w in least]
            title_h = max(wrapped_height(small, c, t) for c, t in zip(cols, titles, strict=True))
            caption_h = max(wrapped_height(bold, c, t) for c, t in zip(cols, captions, strict=True))
            header = title_h + theme.px(2) + theme.px(8) + 2 + small.height() + theme.px(6)
            return header, max(caption_h, small.height() * 2) + theme.px(8)

        def scale(columns: int, header: float, caption: float) -> float:
            """The largest map pixel that fits both the panels' width and the height left for them."""
            panel_w, panel_h = arrangement(columns)
            height = self.height() - 2 * margin - header - formula_h - caption
            high = max(0.0, height / panel_h)
            if sum(max(high * panel_w, w) for w in least) <= room:
                return high
            low = 0.0
            for _ in range(30):  # the width the panels take grows with the pixel: bisect
                middle = (low + high) / 2
                fits = sum(max(middle * panel_w, w) for w in least) <= room
                low, high = (middle, high) if fits else (low, middle)
            return low

        header, caption = text_heights(1.0, 1)
        for _ in range(2):  # the text rows depend on the panels' width, which depends on them
            self._map_columns = max(range(1, count + 1), key=lambda c: scale(c, header, caption))
            pixel = scale(self._map_columns, header, caption)
            header, caption = text_heights(pixel, self._map_columns)
        pixel = scale(self._map_columns, header, caption)
        panel_w, panel_h = (pixel * size for size in arrangement(self._map_columns))
        top = margin + header
        self._panels, self._titles, self._images = [], [], {}
        x = margin
        for index in range(3):
            column = max(panel_w, least[index])
            self._panels.append(QRectF(x, top, panel_w, panel_h))
            self._titles.append(QRectF(x, margin, column, header))
            x += column + gap
            if index == 0:
                self._strip = QRectF(x + (strip_col - strip_w) / 2, top, strip_w, panel_h)
                self._strip_label = QRectF(x, top + panel_h + theme.px(4), strip_col, caption)
                x += strip_col + gap
        below = top + panel_h + theme.px(4)
        self._captions = [QRectF(t.left(), below, t.width(), caption) for t in self._titles]
        height = self.height() - 2 * margin - header - formula_h
        row_h = max(min(height / (data.classes + 1), theme.px(34)), row_min)
        # The table takes all the width the panels leave, so its bars are as long as possible.
        table_left = x + gap
        table_w = self.width() - margin - table_left
        self._rows = [QRectF(table_left, top + i * row_h, table_w, row_h) for i in range(data.classes)]
        first = table_left + theme.px(6)
        self._columns = [first + sum(widths[:i]) for i in range(4)]
        self._formula = QRectF(
            margin, self.height() - margin - formula_h, self.width() - 2 * margin, formula_h
        )
        needed = 2 * margin + header + row_min * (data.classes + 1) + theme.px(4) + formula_h
        if abs(needed - self._needed) >= 1 or abs(least_w - self._needed_w) >= 1:
            self._needed, self._needed_w = needed, least_w
            self.updateGeometry()

    def paint_static(self, painter: QPainter, data: SoftmaxData) -> None:
        """Feature maps, the flattened strip, panel titles and the table's fixed numbers."""
        palette = theme.current()
        small = theme.font(0.9)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        features = atlas(data.maps(data.features), data.feature_levels, self._map_columns)
        painter.drawImage(self._panels[0], features)
        titles, _captions, levels = self._texts(data)
        for index, (title, level) in enumerate(zip(titles, levels, strict=True)):
            self._panel_title(painter, index, title, level if index < 2 else None, metrics)
        # The flattened vector: one thin band per value, top to bottom, in the maps' reading order.
        strip = theme.array_to_qimage(data.features[:, None], data.feature_levels, theme.DIVERGING_LUT)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self._strip, strip)
        painter.setPen(QPen(palette.frame, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._strip)
        painter.setPen(palette.muted)
        painter.drawText(
            self._strip_label, Qt.AlignmentFlag.AlignHCenter, tr("flatten\n{n}").format(n=data.features.size)
        )
        self._paint_table(painter, data)

    def _panel_title(
        self,
        painter: QPainter,
        index: int,
        title: str,
        levels: tuple[float, float] | None,
        metrics: QFontMetricsF,
    ) -> None:
        """A panel's title wrapped in its column, then (``levels`` not None) its colour bar at the bottom."""
        palette = theme.current()
        area = self._titles[index]
        bar_top = area.bottom() - theme.px(6) - metrics.height() - 2 - theme.px(8)
        painter.setPen(palette.text)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), bar_top - theme.px(2) - area.top()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            title,
        )
        if levels is not None:
            width = min(max(self._panels[index].width(), metrics.horizontalAdvance("±0.00")), theme.px(120))
            bar = QRectF(area.left(), bar_top, min(area.width(), width), theme.px(8))
            paint_colorbar(painter, bar, theme.DIVERGING_LUT, levels)

    def _paint_table(self, painter: QPainter, data: SoftmaxData) -> None:
        """Every class's z, e^z and probability, with a bar for the probability."""
        palette = theme.current()
        font = theme.font(1.05)
        painter.setFont(theme.font(0.9, bold=True))
        painter.setPen(palette.muted)
        heading_y = self._rows[0].top() - theme.px(8)
        headings = [tr("class"), "z", "e^z", tr("probability") if data.probs is not None else ""]
        for x, heading in zip(self._columns, headings, strict=True):
            painter.drawText(QPointF(x, heading_y), heading)
        painter.setFont(font)
        for k, row in enumerate(self._rows):
            painter.setPen(palette.text)
            cells = [data.class_names[k], theme.format_value(data.logits[k], 2)]
            if data.probs is not None:
                cells += [format_big(float(data.exp[k])), f"{100 * data.probs[k]:.1f} %"]
            for x, text in zip(self._columns, cells, strict=False):
                painter.drawText(
                    QRectF(x, row.top(), row.right() - x, row.height()), Qt.AlignmentFlag.AlignVCenter, text
                )
            if data.probs is not None:
                bar_left = self._columns[3] + QFontMetricsF(font).horizontalAdvance("100.0 % ")
                track = QRectF(
                    bar_left,
                    row.top() + row.height() * 0.25,
                    row.right() - bar_left - theme.px(6),
                    row.height() * 0.5,
                )
                painter.setPen(QPen(palette.frame, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(track)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.lut_color(palette.sequential_lut, float(data.probs[k])))
                painter.drawRect(
                    QRectF(track.left(), track.top(), track.width() * float(data.probs[k]), track.height())
                )
        if data.probs is not None:
            last = self._rows[-1]
            painter.setPen(palette.text)
            painter.setFont(theme.font(1.05, bold=True))
            for column, text in ((0, tr("sum")), (2, format_big(data.exp_sum)), (3, "100 %")):
                painter.drawText(
                    QRectF(self._columns[column], last.bottom() + theme.px(4), last.width(), last.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )

    def paint_dynamic(self, painter: QPainter, data: SoftmaxData) -> None:
        """The chosen class's weight and evidence maps, its highlighted row, and its formula."""
        palette = theme.current()
        k = self._step
        weights, evidence = self._class_images(k)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(self._panels[1], weights)
        painter.drawImage(self._panels[2], evidence)
        painter.setPen(palette.accent)
        painter.setFont(theme.font(1.0, bold=True))
        wrapped = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(self._captions[1], wrapped, tr("what '{k}' looks for").format(k=data.class_names[k]))
        painter.drawText(self._captions[2], wrapped, tr("evidence for '{k}'").format(k=data.class_names[k]))
        marker = self._rows[k]
        painter.fillRect(QRectF(marker.left(), marker.top(), theme.px(4), marker.height()), palette.accent)
        if 0 <= self._hover < data.classes and self._hover != k:
            painter.setPen(QPen(palette.accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rows[self._hover])
        painter.setPen(QPen(palette.accent, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rows[k])
        painter.setPen(palette.text)
        painter.setFont(theme.font(1.25))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self._formula, flags, "\n".join(formula_lines(data, k)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hovering a class row highlights its terms."""
        if not self.ensure_layout():
            return
        hit = next((k for k, row in enumerate(self._rows) if row.contains(event.position())), -1)
        if hit != self._hover:
            self.sigHoverClass.emit(hit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking a class row chooses that class."""
        hit = next((k for k, row in enumerate(self._rows) if row.contains(event.position())), -1)
        if hit >= 0:
            self.sigClickClass.emit(hit)


def formula_lines(data: SoftmaxData, k: int) -> list[str]:
    """Class ``k``'s score and probability worked out with the numbers."""
    name = data.class_names[k]
    evidence = float(data.contributions(k).sum())
    lines = [
        logit_line(
            name,
            theme.format_value(evidence, 3),
            theme.format_value(float(data.bias[k]), 3),
            theme.format_value(float(data.logits[k]), 3),
        )
    ]
    if data.probs is not None:
        exp, total = format_big(float(data.exp[k])), format_big(data.exp_sum)
        rest = float(np.delete(data.probs, k).astype(np.float64).sum())  # 1 − p without cancellation
        probability = theme.format_probability(float(data.probs[k]), rest, 4)
        lines.append(probability_line(name, exp, total, probability))
    return lines


def dense_inputs(trace: Trace, layer_index: int) -> tuple[int, tuple[int, int, int] | None]:
    """The dense layer a flatten/dense index stands for, and the map shape its input had before flattening.

    Shape:
        returns ``(dense_index, (C, H, W) or None)``.
    """
    dense = layer_index
    while trace.layers[dense].kind not in DENSE_KINDS:
        dense += 1
        if dense >= len(trace.layers):
            raise ValueError(f"no dense layer at or after layer {layer_index}")
    before = dense - 1
    while before >= 0 and trace.layers[before].kind in PASS_THROUGH:
        record = trace.layers[before]
        if record.kind in FLATTEN_KINDS and record.input.ndim == 4:
            channels, height, width = record.input.shape[1:]
            return dense, (channels, height, width)
        before -= 1
    return dense, None


class SoftmaxView(DetailView):
    """The explanation of flatten → dense → softmax (objectName ``"softmax_view"``).

    ``channel`` is the class (or, for a hidden dense layer, the output unit) shown first; the step player
    walks through the classes.

    Shape:
        set_arrays: features ``(F,)``, weights ``(F, K)``, bias ``(K,)``; maps_shape ``(C, H, W)`` with
        ``C·H·W = F`` or None.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("softmax_view", parent)
        self.finish_toolbar()
        self.canvas = SoftmaxCanvas()
        self.stage_layout.addWidget(self.canvas, 1)
        self.canvas.sigHoverClass.connect(self._hovered)
        self.canvas.sigClickClass.connect(self._clicked)
        self.player.sigStepChanged.connect(self._show_step)
        self._data: SoftmaxData | None = None
        self._name = "dense"

    def retranslate_ui(self) -> None:
        """Write the title, the caption and the explanation in the current language."""
        if self._data is not None:
            self._set_data(self._data, self._name, self.player.step())

    def set_trace(self, trace: Trace | None, layer_index: int, channel: int = 0) -> None:
        """Explain the dense layer at (or right after) ``layer_index``; show class ``channel`` first."""
        if trace is None:
            self._set_data(None, "", channel)
            return
        dense, maps_shape = dense_inputs(trace, layer_index)
        record = trace.layers[dense]
        final = all(layer.kind in DROPOUT_KINDS for layer in trace.layers[dense + 1 :])
        data = SoftmaxData(
            record.input[0],
            record.params["W"],
            record.params["b"],
            record.output[0],
            trace.probs[0] if final else None,
            maps_shape,
            [str(k) for k in range(record.output.shape[1])],
        )
        self._set_data(data, record.name, channel)

    def set_arrays(
        self,
        features: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        maps_shape: tuple[int, int, int] | None = None,
        *,
        name: str = "dense",
    ) -> None:
        """Explain a dense layer followed by softmax on plain arrays."""
        logits = np.asarray(features, np.float64) @ np.asarray(weights, np.float64) + np.asarray(bias)
        shifted = np.exp(logits - logits.max())
        names = [str(k) for k in range(logits.size)]
        data = SoftmaxData(features, weights, bias, logits, shifted / shifted.sum(), maps_shape, names)
        self._set_data(data, name, 0)

    def _set_data(self, data: SoftmaxData | None, name: str, chosen: int) -> None:
        self._data, self._name = data, name
        self.canvas.set_data(data)
        if data is None:
            self.title.setText(no_input())
            self.set_paragraphs([])
            self.player.set_count(0)
            return
        channels, height, width = data.maps_shape if data.maps_shape is not None else (0, 0, 0)
        self.set_paragraphs(forward_paragraphs(channels, height, width, data.features.size, data.classes))
        self.player.set_count(data.classes)
        self.player.set_step(min(max(chosen, 0), data.classes - 1))
        self._show_step(self.player.step())

    def _show_step(self, k: int) -> None:
        data = self._data
        if data is None:
            return
        self.canvas.set_step(k)
        self.title.setText(softmax_title(self._name, data.class_names[k]))
        self.player.set_caption(class_caption(data.class_names[k], k + 1, data.classes))

    def _hovered(self, k: int) -> None:
        self.canvas.set_hover(k)
        if self._data is not None:
            self.canvas.set_step(k if k >= 0 else self.player.step())

    def _clicked(self, k: int) -> None:
        self.player.pause()
        self.player.set_step(k)

    def data(self) -> SoftmaxData | None:
        """What the view shows now."""
        return self._data

    def chosen_class(self) -> int:
        """The class whose terms are shown."""
        return self.player.step()
