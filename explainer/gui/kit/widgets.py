"""Widgets every view makes the same way: named labels, buttons, choices and check boxes, headings, hints,
form rows, rows and columns; and the texts a widget keeps in the current language (:func:`translated`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explainer.gui import theme

TextSource = Callable[[], str]
"""Returns a text in the current language, e.g. ``lambda: tr("Clear")`` (the catalogue collects the literal
inside ``tr``, so the English text is written out there)."""

W = TypeVar("W", bound=QWidget)


class WidgetTexts(QObject):
    """The texts of one widget, kept as a child of it: each is set at once and again on every language switch.

    Qt forwards ``QEvent.LanguageChange`` from a widget to every child, so this follows a switch as the
    widget's own ``changeEvent`` does; the page's ``retranslate_ui`` keeps only what it computes. The setters
    are kept by name, so this holds no reference to the widget.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.sources: dict[str, TextSource] = {}

    def add(self, setter: str, source: TextSource) -> None:
        """Set the text with ``widget.<setter>(source())`` now and after every switch."""
        self.sources[setter] = source
        getattr(self.parent(), setter)(source())

    def apply(self) -> None:
        """Set every text again in the current language."""
        widget = self.parent()
        for setter, source in self.sources.items():
            getattr(widget, setter)(source())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.apply()
        return super().event(event)


def translated(
    widget: W,
    *,
    text: TextSource | None = None,
    tip: TextSource | None = None,
    title: TextSource | None = None,
) -> W:
    """``widget`` with its text, tooltip and (group box) title declared once, where it is made: each is set
    now and again on every language switch. Returns ``widget``, so it can wrap the call that makes it.

    ``translated(button("clear", self.clear), text=lambda: tr("Clear"))``
    """
    texts = widget.findChild(WidgetTexts, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if texts is None:
        texts = WidgetTexts(widget)
    for setter, source in (("setText", text), ("setToolTip", tip), ("setTitle", title)):
        if source is not None:
            texts.add(setter, source)
    return widget


def label(name: str = "", *, wrap: bool = False, rich: bool = False) -> QLabel:
    """An empty label called ``name``; ``wrap``: it wraps its words; ``rich``: its text is HTML."""
    made = QLabel()
    made.setObjectName(name)
    made.setWordWrap(wrap)
    if rich:
        made.setTextFormat(Qt.TextFormat.RichText)
    return made


def heading(name: str = "") -> QLabel:
    """A bold section heading called ``name``; only the weight is set, so its size follows the app's font
    (zoom)."""
    made = label(name)
    font = QFont()
    font.setBold(True)
    made.setFont(font)
    return made


class TitleLabel(QLabel):
    """A view's big bold title called ``name`` (1.5 times the app's font, so it follows the zoom);
    ``wrap``: it wraps its words."""

    def __init__(self, name: str, *, wrap: bool = False) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(wrap)
        self._apply_font()
        theme.notifier().sigChanged.connect(self._apply_font)

    def _apply_font(self) -> None:
        self.setFont(theme.font(1.5, bold=True))


def hint() -> QLabel:
    """A short explanatory text that wraps and always keeps the height of its lines."""
    made = label(wrap=True)
    made.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return made


def button(name: str, slot: Callable[..., object]) -> QPushButton:
    """A push button called ``name`` that calls ``slot`` when clicked."""
    made = QPushButton()
    made.setObjectName(name)
    made.clicked.connect(slot)
    return made


def choice_box(name: str, slot: Callable[..., object] | None = None, items: Sequence[str] = ()) -> QComboBox:
    """A choice called ``name`` holding ``items``, calling ``slot`` (if given) whenever its index changes."""
    made = QComboBox()
    made.setObjectName(name)
    made.addItems(list(items))
    if slot is not None:
        made.currentIndexChanged.connect(slot)
    return made


def spin_box(
    name: str, low: int, high: int, value: int | None = None, slot: Callable[[int], object] | None = None
) -> QSpinBox:
    """A whole-number box called ``name`` from ``low`` to ``high`` showing ``value`` (default ``low``),
    calling ``slot`` (if given) whenever its value changes."""
    made = QSpinBox()
    made.setObjectName(name)
    made.setRange(low, high)
    if value is not None:
        made.setValue(value)
    if slot is not None:
        made.valueChanged.connect(slot)
    return made


def set_items(box: QComboBox, items: Sequence[str], current: int | None = None) -> None:
    """Make ``items`` the choices of ``box`` without announcing it (no signal), choosing item ``current``
    (None: the index chosen now), clipped to the new items; the items are left as they are when equal."""
    index = box.currentIndex() if current is None else current
    previous = box.blockSignals(True)
    if [box.itemText(i) for i in range(box.count())] != list(items):
        box.clear()
        box.addItems(list(items))
    box.setCurrentIndex(min(max(index, 0), len(items) - 1))
    box.blockSignals(previous)


def name_items(box: QComboBox, keys: Iterable[str], names: Mapping[str, str]) -> None:
    """Caption item ``i`` of ``box`` with ``names[keys[i]]`` (``keys`` in the order of the items)."""
    for index, key in enumerate(keys):
        box.setItemText(index, names[key])


def check_box(name: str, slot: Callable[[bool], object], *, checked: bool = False) -> QCheckBox:
    """A check box called ``name``, ticked if ``checked``, calling ``slot`` when toggled."""
    made = QCheckBox()
    made.setObjectName(name)
    made.setChecked(checked)
    made.toggled.connect(slot)
    return made


Fields = Iterable[QWidget] | Mapping[QWidget, TextSource]
"""Fields to caption, or each field with the text of its caption (``{box: lambda: tr("Epochs")}``)."""


def _caption(field: QWidget, fields: Fields) -> QLabel:
    """A label that is ``field``'s buddy, with the caption text ``fields`` declares for it (if any)."""
    caption = QLabel()
    caption.setBuddy(field)
    if isinstance(fields, Mapping):
        translated(caption, text=fields[field])
    return caption


def buddy_rows(form: QFormLayout, fields: Fields) -> dict[QWidget, QLabel]:
    """Add a row to ``form`` for each of ``fields``, captioned by a label that is its buddy (empty unless
    ``fields`` gives its text; else ``set_row_texts`` fills it); returns the captions by field."""
    captions = {}
    for field in fields:
        caption = _caption(field, fields)
        form.addRow(caption, field)
        captions[field] = caption
    return captions


def captioned_row(widgets: Fields, captions: dict[QWidget, QLabel] | None, spacing_px: int) -> QHBoxLayout:
    """``widgets`` side by side, each after a caption label that is its buddy (empty unless ``widgets``
    gives its text; stored in ``captions`` by widget unless that is None), ``spacing_px`` apart, the spare
    width after the last."""
    made = QHBoxLayout()
    for widget in widgets:
        caption = _caption(widget, widgets)
        if captions is not None:
            captions[widget] = caption
        made.addWidget(caption)
        made.addWidget(widget)
        made.addSpacing(theme.px(spacing_px))
    made.addStretch(1)
    return made


def set_row_texts(captions: dict[QWidget, QLabel], texts: dict[QWidget, tuple[str, str]]) -> None:
    """Give each field of ``texts`` its caption and tooltip: ``texts[field] = (caption, tip)``."""
    for field, (caption, tip) in texts.items():
        captions[field].setText(caption)
        field.setToolTip(tip)


def page_column(page: QWidget, *parts: QLayout | QWidget, stretch: int | None = -1) -> QVBoxLayout:
    """``page``'s layout, with the app's margins: ``parts`` one below the other, ``parts[stretch]`` taking
    the spare height (None: none of them, for the caller to add a stretch of its own)."""
    column = QVBoxLayout(page)
    margin = theme.px(theme.MARGIN_PX)
    column.setContentsMargins(margin, margin, margin, margin)
    _add_parts(column, parts, stretch)
    return column


def side_by_side(*parts: QLayout | QWidget, stretch: int = 0) -> QHBoxLayout:
    """``parts`` side by side, ``parts[stretch]`` (by default the first: a title) taking the spare width."""
    made = QHBoxLayout()
    _add_parts(made, parts, stretch)
    return made


def row(*parts: QLayout | QWidget) -> QHBoxLayout:
    """``parts`` side by side at their own widths, the spare width after the last."""
    made = QHBoxLayout()
    _add_parts(made, parts, None)
    made.addStretch(1)
    return made


def column(*parts: QLayout | QWidget) -> QVBoxLayout:
    """``parts`` one below the other at their own heights, the spare height below the last."""
    made = QVBoxLayout()
    _add_parts(made, parts, None)
    made.addStretch(1)
    return made


def _add_parts(layout: QBoxLayout, parts: Sequence[QLayout | QWidget], stretch: int | None) -> None:
    """Add ``parts`` to ``layout``; ``parts[stretch]`` (none when None) takes the spare room."""
    grows = None if stretch is None else parts[stretch]
    for part in parts:
        factor = 1 if part is grows else 0
        if isinstance(part, QLayout):
            layout.addLayout(part, factor)
        else:
            layout.addWidget(part, factor)


def scrolling(view: QWidget) -> QScrollArea:
    """``view`` in a frameless scroll area (called "view_scroll") that gives it all its room and scrolls
    when that is too little."""
    scroll = QScrollArea()
    scroll.setObjectName("view_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(view)
    return scroll
