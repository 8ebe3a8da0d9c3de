"""Zoom for projectors: maps and fonts grow together, the window stays on its screen, F11 presents.

Each screen size needs its own QApplication (the offscreen platform reads the screen from a config
file at start-up), so the window is measured in a child process running this file.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SCREENS = ("1280x720", "1440x880", "1920x1080")
ROOT = Path(__file__).resolve().parent.parent


def _fits(frame: list[int], screen: list[int]) -> bool:
    """True when the rectangle ``frame`` (x, y, w, h) lies inside ``screen``."""
    x, y, w, h = frame
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


@functools.cache
def _measure(screen: str) -> dict:
    """The child process's measurements on a screen of ``screen`` pixels (run once per screen)."""
    tmp_path = Path(tempfile.mkdtemp(prefix="zoom-"))
    width, height = (int(n) for n in screen.split("x"))
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}]})
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, __file__], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", SCREENS)
def test_zooming_in_never_shrinks_the_maps_and_the_window_stays_on_screen(screen: str) -> None:
    result = _measure(screen)
    steps = result["steps"]
    zooms = [step["zoom"] for step in steps]
    tiles = [step["tile"] for step in steps]
    fonts = [step["font"] for step in steps]
    assert len(steps) >= 3 and zooms[-1] > 1.3, steps  # Ctrl+= went at least two steps up
    assert zooms == sorted(zooms) and fonts == sorted(fonts), steps
    assert all(b >= a for a, b in itertools.pairwise(tiles)), f"tiles {tiles} at zooms {zooms}"
    for before, after in itertools.pairwise(step["columns"] for step in steps):  # each layer's own maps too
        assert all(b >= a for a, b in zip(before, after, strict=True)), (before, after, zooms)
    assert tiles[-1] > tiles[0], steps  # zooming in made the maps larger, not only kept them
    for step in steps:
        assert step["maps_above_bars"] and step["bars_in_view"], step  # the maps have the height they need
        assert _fits(step["frame"], result["available"]), step
        assert step["least"][0] <= result["available"][2] and step["least"][1] <= result["available"][3]


@pytest.mark.parametrize("screen", SCREENS)
def test_f11_presents_full_screen_with_larger_maps_and_esc_leaves(screen: str) -> None:
    result = _measure(screen)
    present = result["present"]
    assert present["frame"] == result["screen"], present
    assert present["least"][0] <= result["screen"][2] and present["least"][1] <= result["screen"][3]
    assert present["tile"] > result["steps"][0]["tile"], present
    assert present["maps_above_bars"] and present["bars_in_view"], present
    assert not present["menu_visible"] and not present["gallery_visible"] and present["canvas_visible"]
    left = result["left"]
    assert not left["presenting"] and left["menu_visible"] and left["gallery_visible"]
    assert _fits(left["frame"], result["available"]), left


def _probe() -> None:
    """In the child process: open the window, press Ctrl+= until the zoom stops growing, then F11 and Esc.

    Prints one JSON line with every measurement.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from explainer.data import MNIST
    from explainer.gui import theme
    from explainer.gui.app import create_window
    from explainer.gui.state import Settings

    window = create_window(settings=Settings())
    window.show()
    QTest.qWaitForWindowExposed(window)
    images, labels = MNIST.load_samples()
    window.open_digit(images[0], int(labels[0]))

    def settle() -> None:
        for _ in range(3):
            QTest.qWait(20)

    def rect(r) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]

    def state() -> dict:
        settle()
        least = window.minimumSizeHint()
        overview = window.overview
        maps = [
            overview.map_rect(index, k)
            for index in [-1, *spatial]
            for k in range(shapes_with_input[index][0])
        ]
        bars = overview.colour_bar_rects()
        viewport = overview.parentWidget().height()
        return {
            "maps_above_bars": max(m.bottom() for m in maps) < min(bar.top() for bar in bars),
            "bars_in_view": max(bar.bottom() for bar in bars) < viewport,
            "zoom": theme.zoom(),
            "tile": window.overview.map_side(),
            "columns": [window.overview.map_rect(index, 0).width() for index in spatial],
            "font": app.font().pointSizeF(),
            "frame": rect(window.frameGeometry()),
            "least": [least.width(), least.height()],
            "presenting": window.is_presenting(),
            "menu_visible": window.menuBar().isVisible(),
            "gallery_visible": window.gallery.isVisible(),
            "canvas_visible": window.canvas.isVisible(),
        }

    screen = window.screen()
    shapes = window.state.model.output_shapes()
    spatial = [index for index, shape in enumerate(shapes) if len(shape) == 3]  # layers drawn as maps
    shapes_with_input = {-1: tuple(window.state.model.input_shape), **dict(enumerate(shapes))}
    steps = [state()]
    for _ in range(12):
        QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        step = state()
        if step["zoom"] <= steps[-1]["zoom"]:
            break
        steps.append(step)
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_F11)
    present = state()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    left = state()
    result = {
        "screen": rect(screen.geometry()),
        "available": rect(screen.availableGeometry()),
        "steps": steps,
        "present": present,
        "left": left,
    }
    print(json.dumps(result))
    window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    _probe()
