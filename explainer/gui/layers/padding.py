"""Padding and output size as the convolution and pooling views say them, with the layer's own numbers.

ONNX files pad each side on its own (``pads = [top, left, bottom, right]``), and pools may round their
output size up (``ceil_mode``). The views draw the grid the windows really run over and print the
output-size formula filled in, e.g. ``H_out = ⌈(28 + 0 + 1 − 2) / 2⌉ + 1 = 15``. The sizes themselves come
from the core (``ops.output_size``); this module only puts them into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explainer.core.layers import Padding, resolve_pads
from explainer.core.ops import ceil_drops_last, output_size
from explainer.gui.i18n import tr


def layer_pads(config: Mapping[str, Any], kernel: int) -> Padding:
    """The padding per side of a conv or pool config (a trace's or a model file's)."""
    return resolve_pads(config.get("padding", 0), kernel)


def padding_words(pads: Padding) -> str:
    """ "1" for the same padding on every side, else "0 top, 0 left, 1 bottom, 1 right"."""
    if pads.uniform is not None:
        return str(pads.uniform)
    return tr("{t} top, {l} left, {b} bottom, {r} right").format(
        t=pads.top, l=pads.left, b=pads.bottom, r=pads.right
    )


def _size_line(axis: str, size: int, kernel: int, stride: int, begin: int, end: int, ceil_mode: bool) -> str:
    out = output_size(size, kernel, stride, begin, end, ceil_mode=ceil_mode)
    numbers = {"axis": axis, "n": size, "a": begin, "b": end, "k": kernel, "s": stride}
    if not ceil_mode:
        return tr("{axis}_out = ⌊({n} + {a} + {b} − {k}) / {s}⌋ + 1 = {out}").format(out=out, **numbers)
    dropped = ceil_drops_last(size, kernel, stride, begin, end)
    line = tr("{axis}_out = ⌈({n} + {a} + {b} − {k}) / {s}⌉ + 1 = {out}").format(out=out + dropped, **numbers)
    if dropped:
        line += " " + tr("− 1 = {out}: the last window would start on padding only, so it is dropped").format(
            out=out
        )
    return line


def output_size_lines(
    height: int, width: int, kernel: int, stride: int, pads: Padding, ceil_mode: bool = False
) -> str:
    """The output height and width as the formula with this layer's numbers, one line each (HTML)."""
    rows = _size_line("H", height, kernel, stride, pads.top, pads.bottom, ceil_mode)
    cols = _size_line("W", width, kernel, stride, pads.left, pads.right, ceil_mode)
    return f"{rows}<br>{cols}"


def output_size_paragraph(
    height: int, width: int, kernel: int, stride: int, pads: Padding, ceil_mode: bool = False
) -> tuple[str, str]:
    """(heading, body): the output-size rule in words, then filled in with this layer's numbers."""
    rule = (
        tr(
            "Output size = (H + P_top + P_bottom − K) / S + 1, rounded up (ceil mode), for an input of H "
            "pixels, padding P_top and P_bottom, window K and stride S; a last window that would start on "
            "the padding is dropped."
        )
        if ceil_mode
        else tr(
            "Output size = (H + P_top + P_bottom − K) / S + 1, rounded down, for an input of H pixels, "
            "padding P_top and P_bottom, kernel K and stride S (likewise for the width)."
        )
    )
    return tr("Output size"), f"{rule}<br>{output_size_lines(height, width, kernel, stride, pads, ceil_mode)}"


def uneven_padding_paragraph(pads: Padding, filler: str) -> tuple[str, str]:
    """(heading, body): why a layer pads its sides differently; ``filler`` says what the cells hold."""
    return (
        tr("Padding per side"),
        tr(
            "This layer pads each side on its own: {t} row(s) on top, {b} at the bottom, {l} column(s) on "
            "the left and {r} on the right, drawn hatched, holding {filler}. Exporters write this for "
            "“same” padding when the cells to add cannot be split equally between two sides (an even "
            "window, or a stride): TensorFlow's “SAME” puts the extra one at the bottom and right."
        ).format(t=pads.top, b=pads.bottom, l=pads.left, r=pads.right, filler=filler),
    )
