"""The class probabilities as horizontal bars, the predicted class highlighted.

Painted with QPainter in one pass (ten bars and twenty short texts) because it repaints on every stroke
segment; a pyqtgraph BarGraphItem would add a scene graph for no gain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import tr


def row_rects(area: QRectF, count: int, gap: float, max_height: float) -> list[QRectF]:
    """Split ``area`` into ``count`` equal rows (at most ``max_height`` tall), centred vertically.

    The overview lays out its last vector column (the logits) with the same call, so each logit sits on
    the same line as its probability bar.

    Shape:
        returns ``count`` rectangles, top to bottom.
    """
    if count <= 0:
        return []
    height = min(max_height, (area.height() - (count - 1) * gap) / count)
    height = max(height, 1.0)
    total = count * height + (count - 1) * gap
    top = area.top() + (area.height() - total) / 2
    return [QRectF(area.left(), top + i * (height + gap), area.width(), height) for i in range(count)]


ROW_GAP_PX = 4
"""Space between two class rows, before zoom."""

ROW_MAX_PX = 34
"""Tallest class row, before zoom."""


@dataclass(frozen=True)
class _RowLayout:
    """Fonts and rectangles of the class rows for one widget size and theme, computed once."""

    rows: list[QRectF]
    names: list[QRectF]
    tracks: list[QRectF]
    percent_x: float
    percent_baselines: list[float]
    name_font: QFont
    chosen_font: QFont
    percent_font: QFont
    chosen_percent_font: QFont


class PredictionView(QWidget):
    """Bars of the class probabilities with the most probable class highlighted (objectName "prediction").

    Shape:
        probabilities ``(K,)`` in [0, 1] with ``K == len(class_names)``.
    """

    def __init__(self, parent: QWidget | None = None, class_names: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("prediction")
        self.setToolTip(
            tr("Probability of each class (softmax of the logits); the top one is the prediction")
        )
        self._probs: np.ndarray | None = None
        self._change: np.ndarray | None = None
        self._class_names = [str(name) for name in class_names]
        self._layout: _RowLayout | None = None
        self._unusual: tuple[float, float] | None = None
        theme.notifier().sigChanged.connect(self._invalidate)

    def set_probs(self, probs: np.ndarray | None, class_names: Sequence[str] | None = None) -> None:
        """Show ``probs`` (None clears the bars); ``class_names`` defaults to the previous names.

        Shape:
            probs: ``(K,)``, or ``(1, K)`` for a single-sample batch.
        """
        if class_names is not None and list(class_names) != self._class_names:
            self._class_names = [str(name) for name in class_names]
            self._layout = None
            self.updateGeometry()  # one row per class: the size hint changed
        if probs is None:
            self._probs = None
        else:
            values = np.asarray(probs, dtype=np.float64).reshape(-1)
            if values.size != len(self._class_names):
                raise BadInputError(
                    f"got {values.size} probabilities for {len(self._class_names)} class names"
                )
            self._probs = values
        self.update()

    def set_change(self, change: np.ndarray | None) -> None:
        """Compare mode: show how much each probability changed (now − pinned) as a bar from the middle
        of each track, right for a rise, left for a fall, with the signed change in points; None: off.

        Shape:
            change: ``(K,)`` in [-1, 1].
        """
        self._change = None if change is None else np.asarray(change, np.float64).reshape(-1)
        self.update()

    def change(self) -> np.ndarray | None:
        """The probability changes shown now, ``(K,)``, or None outside compare mode."""
        return self._change

    def set_unusual(self, score: float | None, threshold: float = 0.0) -> None:
        """Warn under the bars that the input is unlike the training digits (``score`` > ``threshold``);
        None (or a score within the threshold) removes the warning."""
        self._unusual = None if score is None or score <= threshold else (float(score), float(threshold))
        self.update()

    def unusual_text(self) -> str:
        """The warning shown now ("" when none)."""
        if self._unusual is None:
            return ""
        score, threshold = self._unusual
        return tr(
            "Unusual input (score {score:.1f}; 99% of digits stay under {threshold:.1f}): this does not look "
            "like the digits the network was trained on, so its answer means little."
        ).format(score=score, threshold=threshold)

    def class_names(self) -> list[str]:
        """The names shown beside the bars, one per class."""
        return list(self._class_names)

    def probs(self) -> np.ndarray | None:
        """The probabilities shown now, ``(K,)``, or None when empty."""
        return self._probs

    def predicted_class(self) -> int | None:
        """Index of the highlighted (most probable) class, or None when no probabilities are shown."""
        return None if self._probs is None else int(np.argmax(self._probs))

    def rows(self) -> list[QRectF]:
        """The row of each class in widget coordinates, top to bottom.

        Shape:
            returns ``K`` rectangles.
        """
        return self._row_layout().rows

    def sizeHint(self) -> QSize:
        """Room for the label column, a bar and the percentage."""
        return QSize(theme.px(theme.PREDICTION_WIDTH_PX), len(self._class_names) * theme.px(ROW_MAX_PX))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows depend on the size: recompute them at the next paint."""
        super().resizeEvent(event)
        self._layout = None

    def _invalidate(self) -> None:
        """Theme or zoom changed: recompute fonts and rows, repaint."""
        self._layout = None
        self.update()

    def _row_layout(self) -> _RowLayout:
        """The cached fonts and rectangles, computed when the size, names, theme or zoom changed."""
        if self._layout is not None:
            return self._layout
        rows = row_rects(
            QRectF(self.rect()), len(self._class_names), theme.px(ROW_GAP_PX), theme.px(ROW_MAX_PX)
        )
        height = rows[0].height() if rows else 1.0
        size = min(1.2, max(0.7, height / theme.px(24)))
        name_font, chosen_font, percent_font = theme.font(size), theme.font(size, bold=True), theme.font(0.85)
        name_width = max(
            (QFontMetricsF(chosen_font).horizontalAdvance(n) for n in self._class_names), default=0.0
        )
        chosen_percent_font = theme.font(0.85, bold=True)
        percent_metrics = QFontMetricsF(chosen_percent_font)
        percent_width = percent_metrics.horizontalAdvance("100.0%")
        pad = theme.px(6)
        bar_left = name_width + 2 * pad
        bar_span = max(1.0, self.width() - bar_left - percent_width - 2 * pad)
        self._layout = _RowLayout(
            rows=rows,
            names=[QRectF(row.left() + pad, row.top(), name_width, row.height()) for row in rows],
            tracks=[
                QRectF(bar_left, row.top() + row.height() * 0.15, bar_span, row.height() * 0.7)
                for row in rows
            ],
            percent_x=bar_left + bar_span + pad,
            percent_baselines=[row.center().y() + percent_metrics.capHeight() / 2 for row in rows],
            name_font=name_font,
            chosen_font=chosen_font,
            percent_font=percent_font,
            chosen_percent_font=chosen_percent_font,
        )
        return self._layout

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint one row per class: name, bar, percentage; the predicted row on an accent background."""
        palette = theme.current()
        layout = self._row_layout()
        predicted = self.predicted_class()
        with QPainter(self) as painter:
            painter.setPen(Qt.PenStyle.NoPen)
            if predicted is not None:
                highlight = QColor(palette.accent)
                highlight.setAlpha(60)
                painter.setBrush(highlight)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.drawRoundedRect(layout.rows[predicted], theme.px(4), theme.px(4))
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setBrush(palette.surface)
            for track in layout.tracks:
                painter.drawRect(track)
            if self._probs is not None and self._change is not None:
                self._paint_change(painter, layout)
            elif self._probs is not None:
                for k, (track, p) in enumerate(zip(layout.tracks, self._probs, strict=True)):
                    if k == predicted:
                        painter.setPen(QPen(palette.accent, theme.px(2)))
                    painter.setBrush(theme.lut_color(palette.sequential_lut, float(p)))
                    painter.drawRect(
                        QRectF(track.left(), track.top(), max(track.width() * p, 1.0), track.height())
                    )
                    painter.setPen(Qt.PenStyle.NoPen)
            centred = int(Qt.AlignmentFlag.AlignCenter)
            painter.setFont(layout.name_font)
            painter.setPen(palette.text if self._probs is not None else palette.muted)
            for k, (rect, name) in enumerate(zip(layout.names, self._class_names, strict=True)):
                if k != predicted:
                    painter.drawText(rect, centred, name)
            if self._probs is not None and self._change is None:
                painter.setFont(layout.percent_font)
                painter.setPen(palette.muted)
                for k, (baseline, p) in enumerate(zip(layout.percent_baselines, self._probs, strict=True)):
                    if k != predicted:
                        painter.drawText(QPointF(layout.percent_x, baseline), f"{100.0 * p:.1f}%")
            self._paint_unusual(painter, layout)
            if predicted is not None:
                painter.setPen(palette.text)
                painter.setFont(layout.chosen_font)
                painter.drawText(layout.names[predicted], centred, self._class_names[predicted])
            if predicted is not None and self._change is None:
                painter.setFont(layout.chosen_percent_font)
                painter.drawText(
                    QPointF(layout.percent_x, layout.percent_baselines[predicted]),
                    f"{100.0 * self._probs[predicted]:.1f}%",  # type: ignore[index]
                )

    def _paint_change(self, painter: QPainter, layout: _RowLayout) -> None:
        """Each probability's change as a diverging bar from the track's middle and a signed number."""
        palette = theme.current()
        painter.setFont(layout.percent_font)
        for track, delta, baseline in zip(
            layout.tracks,
            self._change,
            layout.percent_baselines,
            strict=True,  # type: ignore[arg-type]
        ):
            middle, half = track.center().x(), track.width() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.lut_color(theme.DIVERGING_LUT, 0.5 + 0.5 * float(delta)))
            width = max(abs(float(delta)) * half, 1.0)
            left = middle if delta >= 0 else middle - width
            painter.drawRect(QRectF(left, track.top(), width, track.height()))
            painter.setPen(QPen(palette.muted, 1))
            painter.drawLine(QPointF(middle, track.top()), QPointF(middle, track.bottom()))
            painter.setPen(palette.text)
            points = round(100.0 * float(delta), 1) or 0.0  # no "−0.0"
            painter.drawText(QPointF(layout.percent_x, baseline), f"{points:+.1f}%")
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_unusual(self, painter: QPainter, layout: _RowLayout) -> None:
        """The warning in the free space under the rows (the rows stay aligned with the logits); when it
        does not fit there the status bar still says it."""
        text = self.unusual_text()
        if not text or not layout.rows:
            return
        pad = theme.px(4)
        bottom = layout.rows[-1].bottom()
        room = QRectF(pad, bottom + 2 * pad, self.width() - 2 * pad, self.height() - bottom - 3 * pad)
        painter.setFont(layout.percent_font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        needed = painter.boundingRect(QRectF(room.left(), room.top(), room.width(), 1e6), flags, text)
        if needed.height() > room.height():
            return
        box = QRectF(room.left() - pad, room.top() - pad, room.width() + 2 * pad, needed.height() + 2 * pad)
        warning = QColor(theme.current().accent)
        warning.setAlpha(60)
        painter.setPen(QPen(theme.current().accent, theme.px(1)))
        painter.setBrush(warning)
        painter.drawRoundedRect(box, theme.px(4), theme.px(4))
        painter.setPen(theme.current().text)
        painter.drawText(QRectF(room.left(), room.top(), room.width(), needed.height()), flags, text)
        painter.setPen(Qt.PenStyle.NoPen)


class PredictionPair(QGridLayout):
    """The probabilities before and after a change side by side, each under its caption (named by
    :meth:`set_captions`); the bars ``before`` and ``after`` are called ``before_name`` and ``after_name``."""

    def __init__(self, before_name: str, after_name: str) -> None:
        super().__init__()
        self.before_text, self.after_text = QLabel(), QLabel()
        self.before = PredictionView()
        self.before.setObjectName(before_name)
        self.after = PredictionView()
        self.after.setObjectName(after_name)
        self.addWidget(self.before_text, 0, 0)
        self.addWidget(self.after_text, 0, 1)
        self.addWidget(self.before, 1, 0)
        self.addWidget(self.after, 1, 1)

    def set_captions(self, before: str, after: str) -> None:
        """The captions over the two bars."""
        self.before_text.setText(before)
        self.after_text.setText(after)


def main() -> None:
    """Open the bars alone on made-up probabilities for the classes of the sample model."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui.kit.samples import sample_problem

    app = QApplication.instance() or QApplication(sys.argv)
    names = sample_problem()[0].class_names
    view = PredictionView(class_names=names)
    logits = np.random.default_rng(0).normal(0.0, 2.0, len(names))
    view.set_probs(np.exp(logits) / np.exp(logits).sum())
    view.setWindowTitle(tr("Prediction"))
    view.resize(theme.px(260), theme.px(380))
    view.show()
    app.exec()


if __name__ == "__main__":
    main()
