"""Shared building blocks of the explanation views: the step player and the painting of cell grids.

``StepPlayer`` drives every animation (conv sliding, ReLU pixel by pixel, pooling windows): play/pause,
step, first/last, a speed slider and a scrubbing slider, with the keyboard (space, arrows, Home/End). The
views materialise the core's step generators into a list once per input, so any step is shown in O(1).

The maps themselves are painted with QPainter from cached QImages (theme LUT → RGB32), never one
pyqtgraph ViewBox per map (../shared/GUIDE.md §7). ``Grid`` places a map's cells on the widget and
answers hit tests; the ``paint_*`` helpers draw cell numbers, hatching and highlights on top.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
    QShortcut,
    QStaticText,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explainer.gui import textcheck, theme
from explainer.gui.export import export_widget_png
from explainer.gui.i18n import FollowsLanguage, tr
from explainer.gui.kit import widgets
from explainer.gui.kit.gif import save_gif

if TYPE_CHECKING:
    from explainer.core import Sequential, Trace

SPEEDS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
"""Animation speeds offered by the speed slider, in steps per second."""

DEFAULT_SPEED_INDEX = 3
"""Start at 4 steps per second: slow enough to follow the numbers."""


def keys_hint() -> str:
    """The keyboard help line under every animation."""
    return tr("Space: play / pause  ·  ← →: one step  ·  Home / End: first / last  ·  hover a map to jump")


def no_input() -> str:
    """Shown by a view (and a canvas) before there is a digit to explain."""
    return tr("Draw on the canvas (or pick a sample) to see how this layer computes its output.")


class Caption(QWidget):
    """A one-line text painted directly: changing it every frame costs a repaint, never a re-layout.

    (A QLabel asks its window to lay out again whenever its text changes width, which costs more than
    the whole animation frame.) It only ever grows, so the slider beside it does not jitter.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_caption")
        self._text = ""
        self._width = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        """The text shown."""
        return self._text

    def set_text(self, text: str) -> None:
        """Show ``text``; widen (once) when it does not fit."""
        self._text = text
        needed = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(text)) + theme.px(8)
        if needed > self._width:
            self._width = needed
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """One line of the widest text shown so far."""
        return QSize(self._width, math.ceil(QFontMetricsF(self.font()).height()) + theme.px(4))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, vertically centred."""
        with QPainter(self) as painter:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text
            )


class StepPlayer(FollowsLanguage, QWidget):
    """Play/pause, step ±1, first/last, speed and scrubbing for a sequence of animation steps.

    The scrub slider's value is the current step (the single source of truth). ``bind_keys(view)`` makes
    space, Left/Right and Home/End work anywhere inside ``view``.

    Signals:
        sigStepChanged(int): the current step changed (by the timer, a button, a key or the slider).
    """

    sigStepChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_player")
        pixmap = QStyle.StandardPixmap
        self._first = self._button(pixmap.SP_MediaSkipBackward)
        self._back = self._button(pixmap.SP_MediaSeekBackward)
        self._play = self._button(pixmap.SP_MediaPlay)
        self._play.setObjectName("play")
        self._forward = self._button(pixmap.SP_MediaSeekForward)
        self._last = self._button(pixmap.SP_MediaSkipForward)
        self._first.clicked.connect(self.home)
        self._back.clicked.connect(lambda: self.step_by(-1))
        self._play.clicked.connect(self.toggle)
        self._forward.clicked.connect(lambda: self.step_by(1))
        self._last.clicked.connect(self.end)

        self._scrub = QSlider(Qt.Orientation.Horizontal)
        self._scrub.setObjectName("scrub")
        self._scrub.setRange(0, 0)
        self._scrub.valueChanged.connect(self.sigStepChanged)

        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setObjectName("speed")
        self._speed.setRange(0, len(SPEEDS) - 1)
        self._speed.setValue(DEFAULT_SPEED_INDEX)
        self._speed.setFixedWidth(theme.px(110))
        self._speed_label = QLabel()
        self._speed.valueChanged.connect(self._speed_changed)

        self._caption = Caption()

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self._first, self._back, self._play, self._forward, self._last):
            layout.addWidget(button)
        layout.addWidget(self._scrub, 1)
        layout.addWidget(self._caption)
        layout.addSpacing(theme.px(12))
        self._speed_caption = QLabel()
        layout.addWidget(self._speed_caption)
        layout.addWidget(self._speed)
        layout.addWidget(self._speed_label)
        self.retranslate_ui()
        self._apply_theme()
        theme.notifier().sigChanged.connect(self._apply_theme)

    def _apply_theme(self) -> None:
        """Icons in the palette's text colour (the style's own are dark grey on either palette)."""
        for button in (self._first, self._back, self._play, self._forward, self._last):
            self._tint(button)

    def _tint(self, button: QToolButton) -> None:
        """Give ``button`` its standard icon in the palette's text colour, at the zoomed size."""
        side = theme.px(16)
        icon = self.style().standardIcon(button.property("standard_icon"))
        button.setIcon(theme.tinted_icon(icon, theme.current().text, side))
        button.setIconSize(QSize(side, side))

    def retranslate_ui(self) -> None:
        """Set the tooltips and labels in the current language."""
        for button, tip in (
            (self._first, tr("First step (Home)")),
            (self._back, tr("Step back (Left)")),
            (self._play, tr("Play / pause (Space)")),
            (self._forward, tr("Step forward (Right)")),
            (self._last, tr("Last step (End)")),
        ):
            button.setToolTip(tip)
        self._scrub.setToolTip(tr("Drag to move through the steps"))
        self._speed.setToolTip(tr("Animation speed"))
        self._speed_caption.setText(tr("Speed"))
        self._speed_changed(self._speed.value())

    def _button(self, icon: QStyle.StandardPixmap) -> QToolButton:
        """A flat tool button showing the style's ``icon`` (its tooltip names its key, see
        :meth:`retranslate_ui`; ``_apply_theme`` colours the icon)."""
        button = QToolButton()
        button.setProperty("standard_icon", icon)
        button.setAutoRaise(True)
        return button

    def bind_keys(self, view: QWidget) -> None:
        """Make space, Left/Right and Home/End control this player while focus is anywhere in ``view``."""
        actions: list[tuple[Qt.Key, Callable[[], None]]] = [
            (Qt.Key.Key_Space, self.toggle),
            (Qt.Key.Key_Left, lambda: self.step_by(-1)),
            (Qt.Key.Key_Right, lambda: self.step_by(1)),
            (Qt.Key.Key_Home, self.home),
            (Qt.Key.Key_End, self.end),
        ]
        for key, slot in actions:
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def count(self) -> int:
        """How many steps there are."""
        return self._scrub.maximum() + 1 if self._scrub.isEnabled() else 0

    def set_count(self, count: int) -> None:
        """Set the number of steps (0 disables the player); keeps the current step when still valid."""
        self._scrub.setEnabled(count > 0)
        for button in (self._first, self._back, self._play, self._forward, self._last):
            button.setEnabled(count > 0)
        self._scrub.setRange(0, max(count - 1, 0))
        if count == 0:
            self.pause()

    def step(self) -> int:
        """The current step."""
        return self._scrub.value()

    def set_step(self, step: int) -> None:
        """Show ``step`` (clipped to the valid range)."""
        self._scrub.setValue(min(max(step, 0), self._scrub.maximum()))

    def step_by(self, delta: int) -> None:
        """Move ``delta`` steps forward (negative: back); stops playback so the student can look."""
        self.pause()
        self.set_step(self.step() + delta)

    def home(self) -> None:
        """Go to the first step."""
        self.pause()
        self.set_step(0)

    def end(self) -> None:
        """Go to the last step."""
        self.pause()
        self.set_step(self._scrub.maximum())

    def is_playing(self) -> bool:
        """True while the animation runs."""
        return self._timer.isActive()

    def play(self) -> None:
        """Start the animation (from the beginning when it stands at the last step)."""
        if self.count() == 0:
            return
        if self.step() >= self._scrub.maximum():
            self.set_step(0)
        self._timer.start()
        self._play.setProperty("standard_icon", QStyle.StandardPixmap.SP_MediaPause)
        self._tint(self._play)

    def pause(self) -> None:
        """Stop the animation where it is."""
        self._timer.stop()
        self._play.setProperty("standard_icon", QStyle.StandardPixmap.SP_MediaPlay)
        self._tint(self._play)

    def toggle(self) -> None:
        """Play when paused, pause when playing."""
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def speed(self) -> float:
        """The animation speed in steps per second."""
        return SPEEDS[self._speed.value()]

    def set_caption(self, text: str) -> None:
        """Show ``text`` (e.g. where the kernel is) beside the slider."""
        self._caption.set_text(text)

    def caption(self) -> str:
        """The caption shown beside the slider."""
        return self._caption.text()

    def _speed_changed(self, index: int) -> None:
        speed = SPEEDS[index]
        self._speed_label.setText(tr("{n}/s").format(n=f"{speed:g}"))
        self._timer.setInterval(max(1, round(1000 / speed)))

    def _tick(self) -> None:
        if self.step() >= self._scrub.maximum():
            self.pause()
        else:
            self.set_step(self.step() + 1)


@dataclass(frozen=True)
class Grid:
    """Where a map of ``rows`` x ``cols`` cells sits on a widget: top-left corner and cell side in pixels.

    Shape:
        the map it places is ``(rows, cols)``.
    """

    left: float
    top: float
    cell: float
    rows: int
    cols: int

    def rect(self) -> QRectF:
        """The whole map."""
        return QRectF(self.left, self.top, self.cell * self.cols, self.cell * self.rows)

    def cells(self, row: int, col: int, rows: int = 1, cols: int = 1) -> QRectF:
        """The rectangle covering ``rows`` x ``cols`` cells from (row, col)."""
        return QRectF(
            self.left + col * self.cell, self.top + row * self.cell, cols * self.cell, rows * self.cell
        )

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The (row, col) under ``point``, or None outside the map."""
        col = int((point.x() - self.left) // self.cell)
        row = int((point.y() - self.top) // self.cell)
        return (row, col) if 0 <= row < self.rows and 0 <= col < self.cols else None


def fit_cell(width: float, height: float, rows: int, cols: int) -> float:
    """The largest cell side that fits ``rows`` x ``cols`` cells in ``width`` x ``height`` (≥ 1 pixel)."""
    return max(1.0, min(width / max(cols, 1), height / max(rows, 1)))


def paint_image(painter: QPainter, grid: Grid, image: QImage) -> None:
    """Draw ``image`` (one pixel per cell) over the grid, scaled without smoothing so cells stay crisp."""
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(grid.rect(), image)


def paint_cell_lines(painter: QPainter, grid: Grid, colour: QColor, min_cell: float = 9.0) -> None:
    """Thin lines between cells when the cells are large enough for lines to help, and a frame."""
    painter.setPen(QPen(colour, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    rect = grid.rect()
    if grid.cell >= min_cell:
        # One call for all lines: a conv4 explanation draws ~50 grids per rebuild.
        top, bottom, left, right = rect.top(), rect.bottom(), rect.left(), rect.right()
        xs = (grid.left + col * grid.cell for col in range(1, grid.cols))
        ys = (grid.top + row * grid.cell for row in range(1, grid.rows))
        painter.drawLines([QLineF(x, top, x, bottom) for x in xs] + [QLineF(left, y, right, y) for y in ys])
    painter.drawRect(rect)


def paint_values(
    painter: QPainter,
    grid: Grid,
    values: np.ndarray,
    levels: tuple[float, float],
    lut: np.ndarray = theme.DIVERGING_LUT,
    *,
    min_cell: float = 9.0,
    scale: float = 1.0,
    cells: Iterable[tuple[int, int]] | None = None,
) -> None:
    """``values`` in ``lut``'s colours between ``levels``, the cell lines (when cells are ``min_cell``
    wide) and each value printed in its cell (only ``cells`` when given) when a font of ``scale`` fits.

    Shape:
        values: ``(grid.rows, grid.cols)``.
    """
    indices = theme.to_indices(values, levels)
    paint_image(painter, grid, theme.indices_to_qimage(indices, lut))
    paint_cell_lines(painter, grid, theme.current().frame, min_cell)
    if fit_number_font(painter, grid.cell, scale=scale):
        paint_numbers(painter, grid, values, text_colours(lut, indices), cells=cells)


def hatch_brush(colour: QColor) -> QBrush:
    """The diagonal hatching that marks padding cells and cells no window reaches."""
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


def paint_padding(painter: QPainter, grid: Grid, padding: int | Sequence[int], colour: QColor) -> None:
    """Hatch the padding cells around a padded map so added values look different from real pixels.

    ``padding`` is one number for every side or ``(top, left, bottom, right)``, as ONNX writes pads.
    """
    top, left, bottom, right = (padding,) * 4 if isinstance(padding, int) else padding
    if max(top, left, bottom, right) <= 0:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(hatch_brush(colour))
    rows, cols = grid.rows, grid.cols
    inner = max(rows - top - bottom, 0)
    for rect in (
        grid.cells(0, 0, top, cols),
        grid.cells(rows - bottom, 0, bottom, cols),
        grid.cells(top, 0, inner, left),
        grid.cells(top, cols - right, inner, right),
    ):
        if rect.width() > 0 and rect.height() > 0:
            painter.drawRect(rect)


def paint_uncovered(painter: QPainter, grid: Grid, rows: int, cols: int, colour: QColor) -> None:
    """Cross-hatch the last ``rows`` rows and ``cols`` columns: cells that no window ever covers."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour, Qt.BrushStyle.DiagCrossPattern))
    if rows > 0:
        painter.drawRect(grid.cells(grid.rows - rows, 0, rows, grid.cols))
    if cols > 0:
        painter.drawRect(grid.cells(0, grid.cols - cols, grid.rows - max(rows, 0), cols))


def paint_value_tag(painter: QPainter, cell: QRectF, text: str, bounds: QRectF) -> None:
    """A small label with ``text`` beside ``cell`` (right of it, or left when it would leave ``bounds``)."""
    palette = theme.current()
    font = theme.font(1.0, bold=True)
    metrics = QFontMetricsF(font)
    pad = theme.px(4)
    width, height = metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad
    left = cell.right() + pad
    if left + width > bounds.right():
        left = cell.left() - pad - width
    top = min(max(cell.center().y() - height / 2, bounds.top()), bounds.bottom() - height)
    tag = QRectF(left, top, width, height)
    painter.setPen(QPen(palette.accent, 1.5))
    painter.setBrush(palette.background)
    painter.drawRoundedRect(tag, 4, 4)
    painter.setFont(font)
    painter.setPen(palette.text)
    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)


def text_colours(lut: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """For every cell, True where dark text reads better than white on the cell's colour.

    Shape:
        lut: ``(256, 4)`` uint8; indices ``(H, W)`` uint8 LUT indices; returns ``(H, W)`` bool.
    """
    rgb = lut[indices, :3].astype(np.float32)
    return rgb @ np.array([0.299, 0.587, 0.114], np.float32) > 150.0


def paint_numbers(
    painter: QPainter,
    grid: Grid,
    values: np.ndarray,
    dark_text: np.ndarray,
    decimals: int = 2,
    cells: Iterable[tuple[int, int]] | None = None,
) -> None:
    """Print each value centred in its cell, dark or white for contrast (only ``cells`` when given).

    Shape:
        values, dark_text: ``(grid.rows, grid.cols)``.
    """
    dark, light = QColor("#111111"), QColor("#ffffff")
    font = painter.font()
    where = cells if cells is not None else np.ndindex(values.shape)
    for row, col in where:
        painter.setPen(dark if dark_text[row, col] else light)
        text = static_text(theme.format_value(values[row, col], decimals), font)
        size = text.size()
        centre = grid.cells(row, col).center()
        painter.drawStaticText(QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), text)


_static_texts: dict[tuple[str, str], QStaticText] = {}


def static_text(text: str, font: QFont) -> QStaticText:
    """A laid-out text for ``font``, cached: drawing it skips the text layout that drawText redoes each time.

    Cell numbers repeat a lot (2 decimals), so the cache stays small; it is emptied past 20,000 entries.
    """
    key = (text, font.key())
    cached = _static_texts.get(key)
    if cached is None:
        if len(_static_texts) > 20_000:
            _static_texts.clear()
        cached = QStaticText(text)
        cached.setTextFormat(Qt.TextFormat.PlainText)
        cached.prepare(font=font)
        _static_texts[key] = cached
    return cached


def fit_number_font(painter: QPainter, cell: float, sample: str = "\u22120.00", scale: float = 1.0) -> bool:
    """Set a font on ``painter`` so that ``sample`` fits in a cell; False when the cell is too small."""
    font = theme.font(scale)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(sample)
    if width > cell * 0.92:
        size = font.pointSizeF() * cell * 0.92 / width
        if size < 6.0:
            return False
        font.setPointSizeF(size)
    painter.setFont(font)
    return True


def longest_word(metrics: QFontMetricsF, text: str) -> float:
    """The width of the widest piece Qt's word wrap can break ``text`` into (a word, or CJK characters)."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRectF(0, 0, 1, 1e6), flags, text).width() if text else 0.0


def wrapped_height(metrics: QFontMetricsF, width: float, text: str) -> float:
    """The height ``text`` takes word-wrapped to ``width``."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRectF(0, 0, max(width, 1.0), 1e6), flags, text).height() if text else 0.0


def blend(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background`` as an opaque colour.

    Translucent strokes are slow in Qt's raster engine (a long alpha-blended line costs about a
    millisecond here), so animation frames draw with opaque blends instead.
    """
    return QColor(
        round(colour.red() * amount + background.red() * (1 - amount)),
        round(colour.green() * amount + background.green() * (1 - amount)),
        round(colour.blue() * amount + background.blue() * (1 - amount)),
    )


def paint_band(painter: QPainter, source: QRectF, target: QRectF, colour: QColor) -> None:
    """Two thin lines joining the right edge of ``source`` to the left edge of ``target`` (a light funnel)."""
    painter.setPen(QPen(colour, 1))
    painter.drawLine(source.topRight(), target.topLeft())
    painter.drawLine(source.bottomRight(), target.bottomLeft())


def paint_highlight(painter: QPainter, rect: QRectF, colour: QColor, width: float = 3.0) -> None:
    """Outline ``rect`` with a thick pen (the window or cell the animation is at)."""
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def image_rgb(image: QImage) -> np.ndarray:
    """Copy a QImage into an RGB array.

    Shape:
        returns ``(H, W, 3)`` uint8.
    """
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width, stride = rgb.height(), rgb.width(), rgb.bytesPerLine()
    rows = np.frombuffer(rgb.constBits(), np.uint8, count=height * stride).reshape(height, stride)
    return rows[:, : width * 3].reshape(height, width, 3).copy()


def record_gif(widget: QWidget, player: StepPlayer, steps: Iterable[int], path: str | Path) -> Path:
    """Show each of ``steps`` in turn, grab ``widget`` and write the frames as a looping GIF.

    The player's speed sets the frame delay; the step shown before recording is restored afterwards.
    """
    start = player.step()
    player.pause()
    frames = []
    for step in steps:
        player.set_step(step)
        frames.append(image_rgb(widget.grab().toImage()))
    player.set_step(start)
    return save_gif(path, frames, delay_ms=round(1000 / min(player.speed(), 20.0)))


def ask_png(parent: QWidget, widget: QWidget, name: str) -> None:
    """Ask where to save ``widget`` as a PNG and save it there."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export as PNG"), f"{name}.png", tr("PNG image (*.png)"))
    if path:
        export_widget_png(widget, path)


def ask_gif_path(parent: QWidget, name: str) -> str:
    """Ask where to save an animated GIF; empty when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export animation"), f"{name}.gif", tr("GIF animation (*.gif)")
    )
    return path


class DetailView(FollowsLanguage, QWidget):
    """The frame every explanation view shares: title, toolbar, stage, step player and a text column.

    Subclasses put their painted widgets into ``stage_layout``, extra controls into ``toolbar``, and react
    to ``player.sigStepChanged``. The text column holds the plain-words explanation (``set_paragraphs``).
    A language switch re-sets the frame's texts and calls ``retranslate_ui``, where subclasses write their
    own texts again (the ones built from data included).
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = widgets.TitleLabel("title", wrap=True)
        self.toolbar = widgets.side_by_side(self.title)
        self.png_button = widgets.button("export_png", lambda: ask_png(self, self, self.objectName()))

        self.stage = QWidget()
        self.stage.setObjectName("stage")
        self.stage_layout = QVBoxLayout(self.stage)
        self.stage_layout.setContentsMargins(0, 0, 0, 0)
        self.player = StepPlayer()
        self.player.bind_keys(self)
        self.keys = widgets.label("keys_hint")

        self.text = widgets.label("explanation", wrap=True, rich=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(theme.px(220))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stage, 1)
        left_layout.addWidget(self.player)
        left_layout.addWidget(self.keys)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([theme.px(900), theme.px(320)])

        layout = QVBoxLayout(self)
        margin = theme.px(theme.MARGIN_PX)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addLayout(self.toolbar)
        layout.addWidget(splitter, 1)
        self._paragraphs: list[tuple[str, str]] = []
        self._retranslate_frame()
        self._apply_theme()
        theme.notifier().sigChanged.connect(self._apply_theme)

    def changeEvent(self, event: QEvent) -> None:
        """A language switch: the frame's texts here, the subclass's in ``retranslate_ui``."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_frame()
        super().changeEvent(event)

    def _retranslate_frame(self) -> None:
        self.png_button.setText(tr("Save PNG…"))
        self.png_button.setToolTip(tr("Save this view as a PNG image"))
        self.keys.setText(keys_hint())

    def retranslate_ui(self) -> None:
        """Write the view's own texts in the current language (subclasses; the frame does its own)."""

    def finish_toolbar(self) -> None:
        """Append the PNG button after the subclass's own controls."""
        self.toolbar.addWidget(self.png_button)

    def set_paragraphs(self, paragraphs: list[tuple[str, str]]) -> None:
        """Show (heading, body) pairs in the text column."""
        self._paragraphs = paragraphs
        self.text.setText("".join(f"<p><b>{head}</b><br>{body}</p>" for head, body in paragraphs))

    def export_png(self, path: str | Path) -> Path:
        """Save the whole view as a PNG at ``path``; returns the path written."""
        return export_widget_png(self, path)

    def _apply_theme(self) -> None:
        self.text.setFont(theme.font(1.1))
        self.keys.setFont(theme.font(0.9))
        palette = theme.current()
        self.keys.setStyleSheet(f"color: {palette.muted.name()}")


def run_alone(make: Callable[[Sequential, np.ndarray, int], QWidget]) -> None:
    """Open ``make(model, x, label)`` on :func:`~explainer.gui.kit.samples.sample_problem` in its own window
    and run the event loop: ``python -m explainer.gui.<package>.<name>``."""
    import sys

    from PySide6.QtWidgets import QApplication

    from explainer.gui.kit.samples import sample_problem

    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply_palette(app, dark=False)
    view = make(*sample_problem())
    view.resize(theme.px(1400), theme.px(860))
    view.show()
    app.exec()


def preview(make: Callable[[Trace], QWidget]) -> None:
    """Open ``make(trace)`` on the (unlabelled) trace of the sample problem in its own window."""
    run_alone(lambda model, x, _label: make(model.trace(x.reshape(1, *model.input_shape))))


class CachedCanvas(FollowsLanguage, QWidget):
    """A painted widget with a static layer cached in a pixmap and a light layer repainted every frame.

    ``set_data`` holds what is drawn (``_data``; the canvas has content once there is some) and
    ``set_step`` the animation step (``_step``). Subclasses implement ``lay_out`` (places everything for the
    data at the current size), ``paint_static`` (what does not move) and ``paint_dynamic`` (the
    animation's highlights); each is given the data. The cache is dropped on resize, on a theme change and
    by ``invalidate()`` when the data changes, so a frame costs one pixmap blit plus a few shapes. A
    language switch drops it too: the static layer holds painted words.
    """

    SIZE_HINT_PX: tuple[int, int] = (900, 460)
    """The natural size, before zoom."""

    MINIMUM_PX: tuple[int, int] | None = None
    """The least size, before zoom; None leaves it to the layout."""

    def retranslate_ui(self) -> None:
        """Paint the words of the static layer again in the current language."""
        self.invalidate()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMouseTracking(True)
        if self.MINIMUM_PX is not None:
            self.setMinimumSize(theme.px(self.MINIMUM_PX[0]), theme.px(self.MINIMUM_PX[1]))
        self._data: Any = None
        self._step = 0
        self._static: QPixmap | None = None
        self._dirty = QRegion()
        theme.notifier().sigChanged.connect(self.invalidate)

    def sizeHint(self) -> QSize:
        """``SIZE_HINT_PX`` at the current zoom."""
        return QSize(theme.px(self.SIZE_HINT_PX[0]), theme.px(self.SIZE_HINT_PX[1]))

    def set_data(self, data: Any) -> None:
        """Show ``data`` (None: the placeholder) and rebuild the static layer."""
        self._data = data
        self.invalidate()

    def set_step(self, step: int) -> None:
        """Show animation step ``step``."""
        self._step = step
        self.update_dynamic()

    def dynamic_region(self) -> QRegion | None:
        """Where ``paint_dynamic`` draws for the current step, or None for "anywhere" (the default)."""
        return None

    def update_dynamic(self) -> None:
        """Schedule a repaint of what the step changes: the old and the new dynamic region only.

        Repainting a small region costs a fraction of a full frame (the cached layer is blitted and the
        shapes are rasterised only inside it).
        """
        region = self.dynamic_region() if self._static is not None else None
        if region is None:
            self._dirty = QRegion()
            self.update()
            return
        self.update(self._dirty.united(region))
        self._dirty = region

    def has_content(self) -> bool:
        """True when there is something to draw (else a placeholder text is shown): there is data."""
        return self._data is not None

    def lay_out(self, data: Any) -> None:
        """Place what is drawn for ``data`` at the current size (before the static layer is painted)."""

    def paint_static(self, painter: QPainter, data: Any) -> None:
        """Paint the parts that do not change between animation steps."""
        raise NotImplementedError

    def paint_dynamic(self, painter: QPainter, data: Any) -> None:
        """Paint the current step's highlights over the static layer."""
        raise NotImplementedError

    def invalidate(self) -> None:
        """Forget the static layer (new data, size or theme) and repaint."""
        self._static = None
        self._dirty = QRegion()
        self.update()

    def ensure_layout(self) -> bool:
        """Build the static layer (and so the layout) if needed; False when there is no content."""
        if not self.has_content():
            return False
        if self._static is None:
            self.lay_out(self._data)
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(theme.current().background)
            with QPainter(pixmap) as painter:
                self.paint_static(painter, self._data)
                self._static = pixmap
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay out again at the new size."""
        self._static = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The cached static layer, then the dynamic one; a hint when there is nothing to show."""
        with QPainter(self) as painter:
            palette = theme.current()
            if not self.ensure_layout():
                painter.fillRect(self.rect(), palette.background)
                painter.setPen(palette.muted)
                painter.setFont(theme.font(1.2))
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(self.rect(), flags, no_input())
                return
            assert self._static is not None
            if textcheck.recording():
                painter.save()
                self.paint_static(
                    painter, self._data
                )  # the cached layer itself, so the recorder sees its text
                painter.restore()
            else:
                ratio = self._static.devicePixelRatio()
                for rect in event.region():
                    source = QRectF(
                        rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
                    )
                    painter.drawPixmap(QRectF(rect), self._static, source)
            self.paint_dynamic(painter, self._data)
            if self._dirty.isEmpty():
                # After a full repaint, remember where this step drew so the next step can erase it.
                self._dirty = self.dynamic_region() or QRegion()
