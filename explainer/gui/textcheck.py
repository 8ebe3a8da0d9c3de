"""Where a window draws its text: record every run of text it paints, and find overlaps and cut-off text.

``record(widget)`` renders ``widget`` (and its visible children) onto ``RecordingDevice``, a paint device
whose engine rasterises nothing and keeps each run of text Qt hands it (``QPaintEngine.drawTextItem``):
``QPainter.drawText`` / ``drawStaticText`` in the views' own ``paintEvent`` code, and the text of QLabel,
buttons, tabs and menus drawn by the style. Each run becomes a ``TextBox``: its text, the rectangle of
its line (advance width x ascent + descent) and the rectangle it may show in (the painting widget's rect,
narrowed by the painter's clip, e.g. the rect given to ``drawText``), all in ``widget`` coordinates.

Views that cache a static layer in a pixmap paint it straight onto the painter while ``recording()`` is
true, so the text in the cache is recorded too.

``problems(boxes)`` lists every pair of runs that overlap and every run that does not fit where it may
show. ``short_labels(widget)`` adds the word-wrapped QLabels whose height is less than their text needs
(Qt skips lines that are wholly clipped, so they are never drawn and cannot be recorded).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPaintDevice, QPaintEngine, QPainterPath, QPixmap, QTextItem
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

TOLERANCE_PX = 1.0
"""Overlaps and overhangs up to this many pixels are rounding, not a fault."""

_state = {"recording": False}


def recording() -> bool:
    """True while ``record`` renders: cached layers must then be painted on the painter itself."""
    return _state["recording"]


@dataclass(frozen=True)
class TextBox:
    """One run of text as painted, in the coordinates of the recorded widget.

    ``rect``: the run's line box (advance x ascent + descent); ``ink``: its glyphs' outline bounds when
    the line box does not fit its bounds (else the line box): what must fit, since that is what shows;
    ``bounds``: where it may show (its widget's rect ∩ the painter's clip ∩ the parents' rects up to a
    scrolling viewport); ``visible``: the part of the window it can be seen in (∩ every parent);
    ``owner``: the painting widget's objectName or class, to say where a problem is; ``covered``: its
    widget painted an image over it afterwards (a map hiding a label: a fault); ``hidden``: its widget
    filled an opaque shape over it afterwards (a value tag over the cells: meant, and not compared).
    """

    text: str
    rect: QRectF
    ink: QRectF
    bounds: QRectF
    visible: QRectF
    owner: str
    covered: bool = False
    hidden: bool = False

    def __str__(self) -> str:
        r = self.rect
        return f"{self.text!r} [{self.owner}] at ({r.x():.0f}, {r.y():.0f}, {r.width():.0f}x{r.height():.0f})"


class _RecordingEngine(QPaintEngine):
    """Draws nothing; keeps a ``TextBox`` per text item."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.root = root
        self.boxes: list[TextBox] = []
        self._known: dict[QWidget, tuple[QRectF, QRectF]] = {}
        self._by_widget: dict[int, list[int]] = {}  # id(widget) -> indices into boxes
        self._extents: list[tuple[float, float, float, float]] = []  # each box's visible line box

    def begin(self, device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: object) -> None:
        pass

    def drawPixmap(self, rect: QRectF, pixmap: QPixmap, *args: object) -> None:
        if not pixmap.hasAlpha():  # a see-through pixmap (a plot's cached curves) hides nothing
            self._cover(rect)

    def drawImage(self, rect: QRectF, image: QImage, *args: object) -> None:
        if not image.hasAlphaChannel():
            self._cover(rect)

    def _cover(self, rect: QRectF, field: str = "covered") -> None:
        """Mark (``field``) the painting widget's text runs that a shape painted now at ``rect`` hides."""
        painter = self.painter()
        device = painter.device()
        widget = device if isinstance(device, QWidget) else self.root
        indices = self._by_widget.get(id(widget))
        if not indices:
            return
        left, top, right, bottom = painter.deviceTransform().mapRect(QRectF(rect)).getCoords()
        t = TOLERANCE_PX
        for index in indices:
            a, b, c, d = self._extents[index]  # plain floats: this runs for every image and filled shape
            if min(c, right) - max(a, left) > t and min(d, bottom) - max(b, top) > t:
                box = self.boxes[index]
                if not getattr(box, field):
                    self.boxes[index] = replace(box, **{field: True})

    def _fill(self, rect: QRectF) -> None:
        """A shape filled with an opaque solid brush hides the text under it."""
        brush = self.painter().brush()
        if brush.style() == Qt.BrushStyle.SolidPattern and brush.color().alpha() == 255:
            self._cover(rect, "hidden")

    def drawTiledPixmap(self, *args: object) -> None:
        pass

    def drawPath(self, path: QPainterPath) -> None:
        self._fill(path.boundingRect())

    def drawPolygon(self, *args: object) -> None:
        pass

    def drawRects(self, rects: list[QRectF], *args: object) -> None:
        for rect in rects:
            self._fill(QRectF(rect))

    def drawLines(self, *args: object) -> None:
        pass

    def drawEllipse(self, *args: object) -> None:
        pass

    def drawPoints(self, *args: object) -> None:
        pass

    def drawTextItem(self, position: QPointF, item: QTextItem) -> None:
        text = item.text()
        if not text.strip():
            return
        painter = self.painter()
        to_device = painter.deviceTransform()
        ascent = item.ascent()
        line = QRectF(position.x(), position.y() - ascent, item.width(), ascent + item.descent())
        device = painter.device()
        widget = device if isinstance(device, QWidget) else self.root
        bounds, visible = self._bounds(widget)
        if painter.hasClipping():
            clip = to_device.mapRect(painter.clipBoundingRect())
            visible = visible.intersected(clip)
            bounds = _within(bounds, clip, *_fixed_axes(widget))
        rect = to_device.mapRect(line)
        if rect.intersects(visible):  # text scrolled out of sight is not shown, so it cannot collide
            ink = rect
            if not _inside(rect, bounds):
                # The line box sticks out: measure the glyphs themselves (with any fallback font's outlines).
                path = QPainterPath()
                path.addText(position, item.font(), text)
                ink = to_device.mapRect(path.boundingRect())
            owner = widget.objectName() or type(widget).__name__
            self._by_widget.setdefault(id(widget), []).append(len(self.boxes))
            self._extents.append(rect.intersected(visible).getCoords())
            self.boxes.append(TextBox(text, rect, ink, bounds, visible, owner))

    def _bounds(self, widget: QWidget) -> tuple[QRectF, QRectF]:
        """Where ``widget`` may show text: its rect ∩ its parents' up to a scroll area's viewport (which
        scrolls, so cutting there is no fault); and where it is visible: ∩ every parent's rect."""
        if widget in self._known:
            return self._known[widget]
        root = self.root
        own = QRectF(QPointF(widget.mapTo(root, QPoint(0, 0))), QWidget.size(widget).toSizeF())
        # An item view paints its rows into its own viewport: a row half out of it is scrolled, not cut.
        fixed_x, fixed_y = _fixed_axes(widget)
        bounds, visible = _within(_UNBOUNDED, own, fixed_x, fixed_y), own
        child = widget
        while child is not root and child.parentWidget() is not None:
            parent = child.parentWidget()
            area = QRectF(QPointF(parent.mapTo(root, QPoint(0, 0))), QWidget.size(parent).toSizeF())
            visible = visible.intersected(area)
            parent_x, parent_y = _fixed_axes(parent)
            fixed_x, fixed_y = fixed_x and parent_x, fixed_y and parent_y
            bounds = _within(bounds, area, fixed_x, fixed_y)
            child = parent
        self._known[widget] = (bounds, visible)
        return bounds, visible


_UNBOUNDED = QRectF(-1e9, -1e9, 2e9, 2e9)


def _fixed_axes(widget: QWidget) -> tuple[bool, bool]:
    """Whether text cut at ``widget``'s edges is cut, across and down: not at a viewport's edges along
    an axis its scroll area can scroll (a scroll bar that is never shown cannot bring the text into view)."""
    if not _is_viewport(widget):
        return True, True
    area = widget.parentWidget()
    assert isinstance(area, QAbstractScrollArea)
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    return area.horizontalScrollBarPolicy() == off, area.verticalScrollBarPolicy() == off


def _within(bounds: QRectF, area: QRectF, across: bool, down: bool) -> QRectF:
    """``bounds`` narrowed to ``area`` across (left and right) and/or down (top and bottom)."""
    left, right, top, bottom = bounds.left(), bounds.right(), bounds.top(), bounds.bottom()
    if across:
        left, right = max(left, area.left()), min(right, area.right())
    if down:
        top, bottom = max(top, area.top()), min(bottom, area.bottom())
    return QRectF(QPointF(left, top), QPointF(max(left, right), max(top, bottom)))


def _is_viewport(widget: QWidget) -> bool:
    """True for the viewport of a scroll area (where item views such as the gallery paint their rows)."""
    owner = widget.parentWidget()
    return isinstance(owner, QAbstractScrollArea) and widget is owner.viewport()


class RecordingDevice(QPaintDevice):
    """A paint device the size of ``root`` whose engine records text instead of drawing it."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self._size = QWidget.size(root)
        self._engine = _RecordingEngine(root)

    @property
    def boxes(self) -> list[TextBox]:
        """The text runs painted so far."""
        return self._engine.boxes

    def paintEngine(self) -> QPaintEngine:
        return self._engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        dpi = 96
        values = {
            m.PdmWidth: self._size.width(),
            m.PdmHeight: self._size.height(),
            m.PdmWidthMM: round(self._size.width() * 25.4 / dpi),
            m.PdmHeightMM: round(self._size.height() * 25.4 / dpi),
            m.PdmNumColors: 1 << 24,
            m.PdmDepth: 32,
            m.PdmDpiX: dpi,
            m.PdmDpiY: dpi,
            m.PdmPhysicalDpiX: dpi,
            m.PdmPhysicalDpiY: dpi,
            m.PdmDevicePixelRatio: 1,
            m.PdmDevicePixelRatioScaled: round(QPaintDevice.devicePixelRatioFScale()),
        }
        return values.get(metric, 0)


@contextmanager
def _recording() -> Iterator[None]:
    _state["recording"] = True
    try:
        yield
    finally:
        _state["recording"] = False


def record(widget: QWidget) -> list[TextBox]:
    """Every run of text ``widget`` and its visible children paint now, in ``widget`` coordinates."""
    device = RecordingDevice(widget)
    # Wrap the widgets Qt made on its own (tab bars, viewports): painter.device() then finds each as a widget.
    widget.findChildren(QWidget)
    with _recording():
        widget.render(device)
    return device.boxes


def _overlap(a: QRectF, b: QRectF) -> bool:
    """True when ``a`` and ``b`` share more than ``TOLERANCE_PX`` both across and down."""
    across = min(a.right(), b.right()) - max(a.left(), b.left())
    down = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    return across > TOLERANCE_PX and down > TOLERANCE_PX


def _inside(rect: QRectF, bounds: QRectF) -> bool:
    """True when ``rect`` lies inside ``bounds`` give or take ``TOLERANCE_PX``."""
    t = TOLERANCE_PX
    return bool(
        rect.left() >= bounds.left() - t
        and rect.right() <= bounds.right() + t
        and rect.top() >= bounds.top() - t
        and rect.bottom() <= bounds.bottom() + t
    )


def overlaps(boxes: list[TextBox]) -> list[tuple[TextBox, TextBox]]:
    """Every pair of shown text runs whose visible line boxes overlap (a sweep from left to right)."""
    shown = sorted(
        ((box.rect.intersected(box.visible), box) for box in boxes if not box.hidden),
        key=lambda pair: pair[0].left(),
    )
    found = []
    for i, (a_rect, a) in enumerate(shown):
        for b_rect, b in shown[i + 1 :]:
            if b_rect.left() >= a_rect.right() - TOLERANCE_PX:
                break
            if _overlap(a_rect, b_rect):
                found.append((a, b))
    return found


def clipped(boxes: list[TextBox]) -> list[TextBox]:
    """Every text run that does not fit in its widget, its parents or its painter's clip."""
    return [box for box in boxes if not _inside(box.ink, box.bounds)]


def short_labels(widget: QWidget) -> list[QLabel]:
    """Visible word-wrapped labels under ``widget`` that are shorter than their text needs."""
    found = []
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(widget) or not label.text() or not label.wordWrap():
            continue
        if label.heightForWidth(label.width()) > label.height() + TOLERANCE_PX:
            found.append(label)
    return found


def problems(widget: QWidget) -> list[str]:
    """What a reader would see wrong in ``widget`` now: overlapping runs, cut-off runs, short labels."""
    boxes = record(widget)
    found = [f"overlap: {a} / {b}" for a, b in overlaps(boxes)]
    found += [f"clipped: {box} in {box.bounds.getRect()}" for box in clipped(boxes)]
    found += [f"covered by an image: {box}" for box in boxes if box.covered]
    found += [
        f"too short: label {label.objectName() or label.text()[:40]!r} {label.height()} px < "
        f"{label.heightForWidth(label.width())} px"
        for label in short_labels(widget)
    ]
    return found


__all__ = [
    "RecordingDevice",
    "TextBox",
    "clipped",
    "overlaps",
    "problems",
    "record",
    "recording",
    "short_labels",
]
