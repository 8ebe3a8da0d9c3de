"""The settings a layer's config may hold in a model file, and the checks that keep a file's numbers sane.

Every layer class declares its ``schema``: setting name -> :class:`Setting` (a check and whether the
setting is required). A check returns None for a good value, else a short reason ("must be an integer").
The bounds are generous for a teaching net yet small enough that no file can exhaust memory or time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

MAX_CHANNELS = 256
MAX_FEATURES = 2**16
MAX_WINDOW = 32

Check = Callable[[Any], str | None]


class Setting(NamedTuple):
    """One setting of a layer's config: how to check a value, and whether the config must hold it."""

    check: Check
    required: bool


def is_int(value: Any) -> bool:
    """A JSON integer (bool is an int subclass in Python but not a number here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def int_in(lo: int, hi: int) -> Check:
    """A check for an integer in ``[lo, hi]``."""

    def check(value: Any) -> str | None:
        if not is_int(value):
            return "must be an integer"
        return None if lo <= value <= hi else f"must be between {lo} and {hi}"

    return check


def optional(check: Check) -> Check:
    """A check that also accepts null."""
    return lambda value: None if value is None else check(value)


def _four_sides(value: Any) -> str | None:
    """A list of four integers [top, left, bottom, right], each in [0, MAX_WINDOW]."""
    if not (isinstance(value, list) and len(value) == 4 and all(is_int(side) for side in value)):
        return "must be a list of four integers [top, left, bottom, right]"
    if not all(0 <= side <= MAX_WINDOW for side in value):
        return f"must have every side (top, left, bottom, right) between 0 and {MAX_WINDOW}"
    return None


def _number_or_sides(value: Any, numbers: str) -> str | None:
    """An integer in [0, MAX_WINDOW] or four of them; ``numbers`` says what else the setting takes."""
    if isinstance(value, list):
        return _four_sides(value)
    if is_int(value):
        return int_in(0, MAX_WINDOW)(value)
    return f"must be {numbers} or a list of four integers [top, left, bottom, right]"


def padding(value: Any) -> str | None:
    """Conv padding: a non-negative integer, 'valid', 'same' or four integers [top, left, bottom, right]."""
    return None if value in ("valid", "same") else _number_or_sides(value, "an integer, 'valid', 'same'")


def pool_padding(value: Any) -> str | None:
    """Pooling padding: a non-negative integer or four integers [top, left, bottom, right]."""
    return _number_or_sides(value, "an integer")


def boolean(value: Any) -> str | None:
    """A JSON true or false."""
    return None if isinstance(value, bool) else "must be true or false"


def float_in(lo: float, hi: float, *, hi_open: bool = False) -> Check:
    """A check for a finite number in ``[lo, hi]`` (or ``[lo, hi)``)."""

    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return "must be a finite number"
        if value < lo or value > hi or (hi_open and value == hi):
            return f"must be in [{lo}, {hi}{')' if hi_open else ']'}"
        return None

    return check


def one_of(*choices: str) -> Check:
    """A check for one of a few strings."""
    return lambda value: None if value in choices else f"must be one of {list(choices)}"


COUNT = int_in(1, MAX_CHANNELS)
WINDOW = int_in(1, MAX_WINDOW)
FEATURES = int_in(1, MAX_FEATURES)
INIT = one_of("he", "glorot")
