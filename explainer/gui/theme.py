"""The one place for look-and-feel: colour maps, light/dark palettes, fonts, sizes and the zoom factor.

Every GUI module takes its colours, lookup tables, fonts and spacing from here so that the app looks the
same everywhere and a teacher's zoom setting (``set_zoom``) scales all views at once.

Colour maps are 256-entry ``uint8`` RGBA lookup tables (LUTs): a value is mapped to an index 0..255 with
explicit levels and the colour is ``lut[index]``. Views that paint images themselves use
``lut_argb32(lut)`` to get the same table packed for ``QImage.Format_RGB32`` (the raster engine's native
format, so drawing needs no conversion).

- ``DIVERGING_LUT``: blue (negative) - white (zero) - red (positive), ColorBrewer RdBu as in CNN Explainer.
  Use it for activations, weights and gradients with symmetric levels ``(-m, +m)`` so white means zero.
- ``GREY_LUT``: black (0) to white (1), for the input pixels (ink is bright, as in the training digits).
- ``Theme.sequential_lut``: for probabilities, pale to strong on a light background and dark to bright on a
  dark one, so a likely class always stands out.

Widgets that cache anything drawn with theme colours or sizes connect to ``notifier().sigChanged``, which
fires after ``apply_palette`` and ``set_zoom``.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication


def _ramp(stops: list[str], n: int = 256) -> np.ndarray:
    """Interpolate evenly spaced hex colour stops linearly into an RGBA lookup table.

    Shape:
        returns ``(n, 4)`` uint8 RGBA, alpha 255.
    """
    rgb = np.array([[int(s[i : i + 2], 16) for i in (1, 3, 5)] for s in stops], dtype=np.float64)
    positions = np.linspace(0.0, 1.0, len(stops))
    t = np.linspace(0.0, 1.0, n)
    lut = np.empty((n, 4), dtype=np.uint8)
    for channel in range(3):
        lut[:, channel] = np.round(np.interp(t, positions, rgb[:, channel])).astype(np.uint8)
    lut[:, 3] = 255
    return lut


# ColorBrewer RdBu (11 classes), reversed so that negative is blue and positive is red.
DIVERGING_LUT: np.ndarray = _ramp(
    [
        "#053061",
        "#2166ac",
        "#4393c3",
        "#92c5de",
        "#d1e5f0",
        "#f7f7f7",
        "#fddbc7",
        "#f4a582",
        "#d6604d",
        "#b2182b",
        "#67001f",
    ]
)
"""Blue-white-red map for signed values with symmetric levels; ``(256, 4)`` uint8 RGBA."""

GREY_LUT: np.ndarray = _ramp(["#000000", "#ffffff"])
"""Black-to-white map for input pixels in [0, 1]; ``(256, 4)`` uint8 RGBA."""

SCALE_MODES = ("layer", "block", "global")
"""Colour ranges of the maps: each layer alone, each conv..pool block, or the whole network."""

# ColorBrewer YlGn: green, so probabilities never read as the blue or red of the diverging map.
_YLGN = ["#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#006837"]


def lut_argb32(lut: np.ndarray) -> np.ndarray:
    """Pack an RGBA lookup table as opaque 0xAARRGGBB words for ``QImage.Format_RGB32`` (read-only).

    Shape:
        lut: ``(256, 4)`` uint8 RGBA; returns ``(256,)`` uint32.
    """
    return _packed_lut(np.ascontiguousarray(lut, dtype=np.uint8).tobytes())


@functools.lru_cache(maxsize=16)
def _packed_lut(rgba: bytes) -> np.ndarray:
    """Cached by content: the views colour dozens of maps per redraw with the same few tables."""
    rgb = np.frombuffer(rgba, np.uint8).reshape(-1, 4)[:, :3].astype(np.uint32)
    packed = (np.uint32(0xFF000000) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)
    packed.setflags(write=False)
    return packed


def lut_color(lut: np.ndarray, t: float) -> QColor:
    """The colour of ``lut`` at position ``t`` in [0, 1] (clipped).

    Shape:
        lut: ``(256, 4)`` uint8 RGBA.
    """
    index = round(min(max(t, 0.0), 1.0) * (len(lut) - 1))
    r, g, b, a = (int(c) for c in lut[index])
    return QColor(r, g, b, a)


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """Levels ``(-m, +m)`` with ``m = max|values|`` so that zero sits in the middle of a diverging map.

    Shape:
        values: any shape; returns two floats. An all-zero or empty array gives ``(-1, 1)``.
    """
    m = float(max(values.max(), -values.min())) if values.size else 0.0
    m = m if np.isfinite(m) and m > 0.0 else 1.0
    return -m, m


def to_indices(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """Map values linearly to rounded LUT indices: ``levels[0]`` to 0, ``levels[1]`` to 255, clipped.

    Shape:
        values: any shape, float; returns the same shape, uint8.
    """
    lo, hi = levels
    scale = np.float32(255.0 / (hi - lo)) if hi > lo else np.float32(0.0)
    scaled = (np.asarray(values, dtype=np.float32) - np.float32(lo)) * scale + np.float32(0.5)
    np.clip(scaled, 0.0, 255.0, out=scaled)
    return scaled.astype(np.uint8)


def array_to_qimage(values: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> QImage:
    """Colour a 2-D array with ``lut`` between ``levels`` into a QImage that owns its pixels.

    Shape:
        values: ``(H, W)`` float; lut ``(256, 4)`` uint8; returns an ``H x W`` RGB32 image.
    """
    return indices_to_qimage(to_indices(values, levels), lut)


def indices_to_qimage(indices: np.ndarray, lut: np.ndarray) -> QImage:
    """An image of ``lut``'s colours at precomputed ``indices`` (see :func:`to_indices`), owning its pixels.

    Shape:
        indices: ``(H, W)`` uint8; lut ``(256, 4)`` uint8; returns an ``H x W`` RGB32 image.
    """
    pixels = np.ascontiguousarray(lut_argb32(lut)[indices])
    height, width = pixels.shape
    # copy(): the QImage must not point into a NumPy buffer that Python may free.
    return QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32).copy()


def format_value(value: float, decimals: int = 2) -> str:
    """Format a number for display with a fixed number of decimals and a true minus sign.

    Shape:
        value: a scalar.
    """
    text = f"{float(value):.{decimals}f}"
    if text.startswith("-"):
        # -0.00 reads as a negative number to a student; show it as 0.00.
        text = text[1:] if float(text[1:]) == 0.0 else "\u2212" + text[1:]
    return text


def format_significant(value: float, digits: int = 3) -> str:
    """A number with ``digits`` significant digits and a true minus sign (gradients are often ~1e-7).

    Shape:
        value: a scalar.
    """
    text = f"{float(value):.{digits}g}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", "\u2212")


def format_probability(p: float, rest: float, digits: int = 3) -> str:
    """A probability that keeps its tiny part: "1.03e−09", and "1 − 8.05e−09" where p rounds to 1.

    ``rest`` is 1 − p computed without cancellation (the sum of the other classes' probabilities): a
    float32 p of a confident class is exactly 1, but the loss and the gradient p − 1 live in that rest.

    Shape:
        p, rest: scalars.
    """
    if p >= 0.5 and 0 < rest < 10.0**-digits:
        return "1 \u2212 " + format_significant(rest, digits)
    return format_significant(p, digits)


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def subscript(text: str) -> str:
    """``text`` as a subscript: digits as Unicode subscript digits (``z₆``), anything else as ``_text``.

    Real subscript characters survive every font and language; a painted ``z_6`` lost its underscore
    under Chinese fonts and read "z 6".
    """
    return text.translate(_SUBSCRIPTS) if text.isdigit() else f"_{text}"


@dataclass(frozen=True)
class Theme:
    """One palette: the colours every view paints with.

    Shape:
        sequential_lut: ``(256, 4)`` uint8 RGBA, for probabilities in [0, 1].
    """

    name: str
    dark: bool
    background: QColor  # window background
    surface: QColor  # panels and map backgrounds
    text: QColor
    muted: QColor  # secondary text: shapes, axis labels
    frame: QColor  # thin outlines of maps and bars
    accent: QColor  # hovered map, its connections, the predicted class
    connection: QColor  # lines from a hovered map to its inputs
    sequential_lut: np.ndarray
    link: QColor  # links in text: the accent, darkened where it would be too faint to read


LIGHT = Theme(
    name="light",
    dark=False,
    background=QColor("#ffffff"),
    surface=QColor("#f1f3f5"),
    text=QColor("#212529"),
    muted=QColor("#61686f"),  # 5.1:1 on the surface, 5.6:1 on the background (WCAG AA: 4.5)
    frame=QColor("#ced4da"),
    accent=QColor("#f08c00"),
    connection=QColor(33, 37, 41, 110),
    sequential_lut=_ramp(_YLGN),
    link=QColor("#a85400"),  # the accent itself is 2.5:1 on white
)
"""The default light palette (white background)."""

DARK = Theme(
    name="dark",
    dark=True,
    background=QColor("#1e1f22"),
    surface=QColor("#2b2d31"),
    text=QColor("#e9ecef"),
    muted=QColor("#9aa0a6"),
    frame=QColor("#4a4d52"),
    accent=QColor("#ffc34d"),
    connection=QColor(233, 236, 239, 110),
    sequential_lut=_ramp(_YLGN[::-1]),
    link=QColor("#ffc34d"),
)
"""The dark palette, also kinder to projectors in a dim room."""


class ThemeNotifier(QObject):
    """Announces palette or zoom changes so that views can re-layout and repaint.

    Signals:
        sigChanged(): emitted after ``apply_palette`` and ``set_zoom``.
    """

    sigChanged = Signal()


_state: dict[str, object] = {"theme": LIGHT, "zoom": 1.0, "notifier": None}


def notifier() -> ThemeNotifier:
    """The single ThemeNotifier of the process (created on first use)."""
    if _state["notifier"] is None:
        _state["notifier"] = ThemeNotifier()
    return _state["notifier"]  # type: ignore[return-value]


def follow(slot: Callable[[], object]) -> None:
    """Call ``slot`` now and again after every palette or zoom change (a view applying its fonts)."""
    slot()
    notifier().sigChanged.connect(slot)


def current() -> Theme:
    """The active palette (LIGHT until ``apply_palette`` chooses otherwise)."""
    return _state["theme"]  # type: ignore[return-value]


def zoom() -> float:
    """The current zoom factor; 1.0 is normal, 1.5 suits a projector."""
    return _state["zoom"]  # type: ignore[return-value]


MIN_ZOOM = 0.5
MAX_ZOOM = 3.0


def set_zoom(factor: float) -> None:
    """Set the zoom factor (clamped to [MIN_ZOOM, MAX_ZOOM]) that scales fonts and maps everywhere.

    Updates the application font when a QApplication exists, then emits ``notifier().sigChanged``.
    """
    _state["zoom"] = float(min(max(factor, MIN_ZOOM), MAX_ZOOM))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setFont(font())
    notifier().sigChanged.emit()


@contextlib.contextmanager
def zoom_as(factor: float) -> Iterator[None]:
    """Let ``px`` and ``font`` measure at ``factor`` for a while, telling no one (to compare layouts)."""
    saved = _state["zoom"]
    _state["zoom"] = float(factor)
    try:
        yield
    finally:
        _state["zoom"] = saved


def px(value: float) -> int:
    """A length in logical pixels scaled by the zoom factor, at least 1."""
    return max(1, round(value * zoom()))


BASE_FONT_PT = 10.0
"""Base font size in points at zoom 1.0."""

FONT_FAMILY = "DejaVu Sans"
"""Preferred family (Qt falls back to the system sans-serif when it is missing)."""


def font(scale: float = 1.0, *, bold: bool = False, mono: bool = False) -> QFont:
    """A font ``scale`` times the base size, multiplied by the zoom factor."""
    f = QFont("DejaVu Sans Mono" if mono else FONT_FAMILY)
    f.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
    f.setPointSizeF(BASE_FONT_PT * scale * zoom())
    f.setBold(bold)
    return f


def apply_palette(app: QApplication, dark: bool) -> None:
    """Make ``app`` use the light or dark palette (with the Fusion style, which honours palettes fully).

    Also sets the application font for the current zoom and emits ``notifier().sigChanged``.
    """
    theme = DARK if dark else LIGHT
    _state["theme"] = theme
    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, theme.background)
    palette.setColor(role.WindowText, theme.text)
    palette.setColor(role.Base, theme.background)
    palette.setColor(role.AlternateBase, theme.surface)
    palette.setColor(role.ToolTipBase, theme.surface)
    palette.setColor(role.ToolTipText, theme.text)
    palette.setColor(role.PlaceholderText, theme.muted)
    palette.setColor(role.Text, theme.text)
    palette.setColor(role.Button, theme.surface)
    palette.setColor(role.ButtonText, theme.text)
    palette.setColor(role.BrightText, QColor("#ff6b6b"))
    palette.setColor(role.Highlight, theme.accent)
    palette.setColor(role.HighlightedText, QColor("#000000"))
    palette.setColor(role.Link, theme.link)
    palette.setColor(role.LinkVisited, theme.link)
    for disabled_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, disabled_role, theme.muted)
    app.setPalette(palette)
    app.setFont(font())
    notifier().sigChanged.emit()


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).

    Text needs 4.5 to pass level AA (large text and icons 3).
    """

    def luminance(color: QColor) -> float:
        channels = [color.redF(), color.greenF(), color.blueF()]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tinted_icon(icon: QIcon, color: QColor, side: int) -> QIcon:
    """``icon`` at ``side`` pixels recoloured to ``color``, keeping its shape and antialiased edges.

    The style's own icons are dark grey whatever the palette: unreadable on the dark one.
    """
    pixmap = icon.pixmap(side, side)
    with QPainter(pixmap) as painter:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), color)
    return QIcon(pixmap)


# Sizes in logical pixels at zoom 1.0; multiply with px().
MARGIN_PX = 14
"""Space around a view's content."""

MAP_MIN_PX = 12
"""Smallest side of a feature map in the overview."""

MAP_MAX_PX = 96
"""Largest side of a feature map in the overview."""

MAP_GAP_PX = 5
"""Space between feature maps in one column."""

COLUMN_GAP_PX = 22
"""Least space between two overview columns (room for connection lines)."""

PREDICTION_WIDTH_PX = 190
"""Width of the class-probability column."""

COLORBAR_HEIGHT_PX = 10
"""Thickness of a colour bar."""

DETAIL_CELL_PX = 46
"""Side of one cell in the map detail view when its numbers are printed."""

DETAIL_NUMBERS_MAX = 14
"""Print the numbers in the cells of maps up to this many rows and columns."""

CAPTION_FONT_SCALE = 1.0
"""Size (times the base font) of the shapes under the overview's layer names (``8x28x28``): as large as
body text, since a class reads them from the back of the room (at 0.85 they were about 9 pixels)."""

LABEL_FONT_SCALE = 0.9
"""Size (times the base font) of the overview's colour-bar range labels, the smallest text it prints."""

SERIES_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")
"""Colours of several curves in one plot (the sanity check's six methods): the Okabe-Ito palette, told
apart with the common kinds of colour blindness, and readable on the light and the dark background."""

SANITY_PLOT_MAX_PX = 360
"""Tallest the sanity check's plot of ρ grows (before zoom): about the height of its two rows of maps, so
its legend stays on screen when the window is short."""

# ---- Constants added by the SHELL engineer (main window, canvas) go below this line. ----

CLASS_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
"""Colours of the ten classes in the Generative tab's latent map (Tableau's ten categories, the common
choice for MNIST latent scatters), told apart on the light and the dark background."""

LATENT_POINT_PX = 4
"""Diameter of a test digit's point in the latent map (before zoom): 10,000 of them still show the gaps
between the classes."""

GENERATIVE_DIGIT_PX = 168
"""Side (before zoom) of the large decoded digit beside the latent map and of the morph's frame."""
