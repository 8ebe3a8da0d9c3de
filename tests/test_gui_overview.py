"""The overview, the prediction bars and the map detail dialog, driven offscreen with real traces."""

from __future__ import annotations

import os
from itertools import pairwise
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from explainer.core import Conv2D, Dense, Flatten, MaxPool2D, ReLU, Sequential, reference_net
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.network.mapdetail import MapDetailDialog, detail_of
from explainer.gui.network.overview import OverviewView
from explainer.gui.network.prediction import PredictionView

REFERENCE_LABELS = [
    "input 1x28x28",
    "conv1 8x28x28",
    "relu1 8x28x28",
    "conv2 8x28x28",
    "relu2 8x28x28",
    "pool1 8x14x14",
    "conv3 16x14x14",
    "relu3 16x14x14",
    "conv4 16x14x14",
    "relu4 16x14x14",
    "pool2 16x7x7",
    "flatten 784",
    "dense1 10",
]


def digit(seed: int) -> np.ndarray:
    """A random blob image, different for every seed.

    Shape:
        returns ``(1, 1, 28, 28)`` float32 in [0, 1].
    """
    rng = np.random.default_rng(seed)
    image = np.zeros((28, 28), dtype=np.float32)
    rows, cols = np.mgrid[0:28, 0:28]
    for y, x in rng.uniform(6, 22, size=(6, 2)):
        image = np.maximum(image, np.exp(-((rows - y) ** 2 + (cols - x) ** 2) / 4.0))
    return image[None, None].astype(np.float32)


@pytest.fixture
def model() -> Sequential:
    """The reference network with random weights."""
    return reference_net(np.random.default_rng(0))


W = TypeVar("W", bound=QWidget)


def shown(qtbot, widget: W) -> W:
    """``widget`` shown and exposed (and closed by qtbot after the test)."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_overview(qtbot, model: Sequential, width: int, height: int) -> OverviewView:
    """An overview of ``model`` at ``width`` x ``height``, shown and exposed, with no trace yet."""
    widget = OverviewView()
    widget.set_model(model)
    widget.resize(width, height)
    return shown(qtbot, widget)


@pytest.fixture
def view(qtbot, model: Sequential) -> OverviewView:
    """An overview of the reference network, shown and exposed, with no trace yet."""
    return shown_overview(qtbot, model, 1400, 640)


def pixel(image: QImage, x: float, y: float) -> QColor:
    """The colour of ``image`` at a widget position (offscreen grabs are at device pixel ratio 1)."""
    return image.pixelColor(int(x), int(y))


def close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    """True when two colours differ by at most ``tolerance`` in every channel."""
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def move_to(widget, point: QPoint) -> None:
    """Move the pointer over ``widget`` (twice, so even a first move registers offscreen).

    The pointer goes to whichever window lies under it, so no other window may overlap ``widget``.
    """
    QTest.mouseMove(widget, point + QPoint(1, 0))
    QTest.mouseMove(widget, point)


def test_a_column_per_layer_with_names_and_shapes(view: OverviewView, model: Sequential) -> None:
    assert view.objectName() == "overview"
    assert view.column_labels() == REFERENCE_LABELS
    assert len(view.column_labels()) == len(model.layers) + 1
    assert view.findChild(PredictionView, "prediction") is view.prediction_view()


def test_columns_run_left_to_right_inside_the_widget(view: OverviewView, model: Sequential) -> None:
    rights = []
    for layer_index in range(-1, len(model.layers)):
        rect = view.map_rect(layer_index, 0)
        assert view.rect().contains(rect), (layer_index, rect)
        rights.append(rect.right())
    assert rights == sorted(rights) and len(set(rights)) == len(rights)
    assert view.prediction_view().geometry().left() > rights[-1]


@pytest.mark.parametrize("size", [(1400, 640), (1120, 790), (800, 450)])
def test_column_titles_never_overlap(view: OverviewView, size: tuple[int, int]) -> None:
    view.resize(*size)
    rects = view.column_title_rects()
    assert len(rects) == len(view.column_labels())
    for left, right in pairwise(rects):
        assert not left.intersects(right), (left, right)
    staggered = len({round(r.top()) for r in rects}) == 2
    assert staggered == (size == (800, 450))  # only the narrow window needs a second title row


def test_set_trace_paints_the_values_with_the_diverging_map(view: OverviewView, model: Sequential) -> None:
    blank = view.grab().toImage()
    trace = model.trace(digit(1))
    view.set_trace(trace)
    assert view.current_trace() is trace
    painted = view.grab().toImage()
    assert painted != blank
    values = trace.layers[2].output[0, 5]  # conv2 channel 5, 28x28
    rect = view.map_rect(2, 5)
    lo, hi = view.levels(2)
    for row, col in [(14, 14), (8, 20), (20, 6), *np.argwhere(np.abs(values) == np.abs(values).max())[:1]]:
        x = rect.left() + (col + 0.5) * rect.width() / 28
        y = rect.top() + (row + 0.5) * rect.height() / 28
        expected = theme.lut_color(theme.DIVERGING_LUT, (values[row, col] - lo) / (hi - lo))
        assert close(pixel(painted, x, y), expected), (row, col, values[row, col])
    view.set_trace(model.trace(digit(2)))
    assert view.grab().toImage() != painted
    view.set_trace(None)
    assert view.grab().toImage() == blank


def test_input_column_is_grey_from_black_to_white(view: OverviewView, model: Sequential) -> None:
    image = np.zeros((1, 1, 28, 28), dtype=np.float32)
    image[0, 0, :, 14:] = 1.0
    view.set_trace(model.trace(image))
    painted = view.grab().toImage()
    rect = view.map_rect(-1, 0)
    assert view.levels(-1) == (0.0, 1.0)
    assert close(pixel(painted, rect.left() + rect.width() * 0.25, rect.center().y()), QColor("black"))
    assert close(pixel(painted, rect.left() + rect.width() * 0.75, rect.center().y()), QColor("white"))


def peak(array: np.ndarray) -> float:
    """max |array|."""
    return float(np.abs(array).max())


def test_scale_modes_set_symmetric_levels_per_layer_block_or_globally(
    view: OverviewView, model: Sequential
) -> None:
    trace = model.trace(digit(3))
    view.set_trace(trace)
    outputs = [record.output for record in trace.layers]
    assert view.current_scale_mode() == "layer"
    for i, output in enumerate(outputs):
        assert view.levels(i) == pytest.approx((-peak(output), peak(output)), rel=1e-6)

    view.set_scale_mode("global")
    assert view.current_scale_mode() == "global"
    overall = max(peak(o) for o in outputs)
    assert all(view.levels(i) == pytest.approx((-overall, overall), rel=1e-6) for i in range(len(outputs)))

    view.set_scale_mode("block")
    # Blocks of the reference net: conv1..pool1, conv3..pool2 (+ flatten, the same numbers), dense1.
    for members in ([0, 1, 2, 3, 4], [5, 6, 7, 8, 9, 10], [11]):
        expected = max(peak(outputs[i]) for i in members)
        for i in members:
            assert view.levels(i) == pytest.approx((-expected, expected), rel=1e-6)
    assert view.levels(0) != view.levels(5)

    painted_block = view.grab().toImage()
    view.set_scale_mode("layer")
    assert view.grab().toImage() != painted_block
    with pytest.raises(BadInputError, match="scale mode"):
        view.set_scale_mode("per-pixel")


def test_hovering_a_map_reports_it_and_shows_its_min_and_max(
    qtbot, view: OverviewView, model: Sequential
) -> None:
    trace = model.trace(digit(4))
    view.set_trace(trace)
    plain = view.grab().toImage()
    with qtbot.waitSignal(view.sigMapHovered, timeout=1000) as blocker:
        move_to(view, view.map_rect(5, 3).center())
    assert blocker.args == [5, 3]
    assert view.hovered() == (5, 3)
    values = trace.layers[5].output[0, 3]
    text = view.hover_text()
    assert "conv3" in text and "3" in text
    assert theme.format_value(values.min(), 3) in text and theme.format_value(values.max(), 3) in text
    assert view.grab().toImage() != plain  # connections and the info box are drawn

    with qtbot.waitSignal(view.sigMapHovered, timeout=1000) as blocker:
        move_to(view, view.map_rect(-1, 0).center())
    assert blocker.args == [-1, 0]

    empty = view.map_rect(-1, 0).topLeft() - QPoint(4, 4)
    with qtbot.waitSignal(view.sigMapHovered, timeout=1000) as blocker:
        move_to(view, empty)
    assert blocker.args == [-1, -1]
    assert view.hover_text() == ""


def test_hovering_a_flatten_value_names_the_map_it_came_from(
    qtbot, view: OverviewView, model: Sequential
) -> None:
    trace = model.trace(digit(5))
    view.set_trace(trace)
    element = 3 * 49 + 2 * 7 + 4  # pool2 channel 3, row 2, col 4
    with qtbot.waitSignal(view.sigMapHovered, timeout=1000) as blocker:
        move_to(view, view.map_rect(10, element).center())
    assert blocker.args == [10, element]
    text = view.hover_text()
    assert "pool2 channel 3, row 2, col 4" in text
    assert theme.format_value(trace.layers[10].output[0, element], 3) in text


def test_clicking_a_map_emits_its_layer_and_channel(qtbot, view: OverviewView, model: Sequential) -> None:
    view.set_trace(model.trace(digit(6)))
    with qtbot.waitSignal(view.sigMapClicked, timeout=1000) as blocker:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.map_rect(9, 12).center())
    assert blocker.args == [9, 12]
    with qtbot.waitSignal(view.sigMapClicked, timeout=1000) as blocker:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.map_rect(11, 7).center())
    assert blocker.args == [11, 7]


def test_clicking_the_softmax_column_or_its_title_emits_the_dense_layer_and_class(
    qtbot, view: OverviewView, model: Sequential
) -> None:
    trace = model.trace(digit(6))
    view.set_trace(trace)
    bars = view.prediction_view()
    for k in (0, 4, 9):
        with qtbot.waitSignal(view.sigMapClicked, timeout=1000) as blocker:
            QTest.mouseClick(bars, Qt.MouseButton.LeftButton, pos=bars.rows()[k].center().toPoint())
        assert blocker.args == [11, k]
    with qtbot.waitSignal(view.sigMapClicked, timeout=1000) as blocker:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.prediction_title_rect().center().toPoint())
    assert blocker.args == [11, int(trace.prediction[0])]


def test_logits_sit_on_the_rows_of_their_class_probabilities(view: OverviewView, model: Sequential) -> None:
    view.set_trace(model.trace(digit(7)))
    prediction = view.prediction_view()
    for k, row in enumerate(prediction.rows()):
        centre = prediction.mapTo(view, row.center().toPoint())
        assert abs(view.map_rect(11, k).center().y() - centre.y()) <= 1


def test_the_prediction_highlights_the_most_probable_class(qtbot) -> None:
    bars = PredictionView()
    qtbot.addWidget(bars)
    bars.resize(220, 400)
    bars.show()
    qtbot.waitExposed(bars)
    assert bars.predicted_class() is None
    probs = np.full(10, 0.02)
    probs[3] = 0.82
    bars.set_probs(probs, [str(k) for k in range(10)])
    assert bars.predicted_class() == 3
    image = bars.grab().toImage()
    rows = bars.rows()
    background = [pixel(image, rows[k].left() + 2, rows[k].center().y()) for k in range(10)]
    assert not close(background[3], background[0], tolerance=10)
    assert all(close(background[k], background[0], tolerance=2) for k in range(10) if k != 3)
    with pytest.raises(BadInputError, match="probabilities"):
        bars.set_probs(np.ones(4) / 4)


def test_overview_feeds_the_prediction_from_the_trace(view: OverviewView, model: Sequential) -> None:
    trace = model.trace(digit(8))
    view.set_trace(trace)
    assert view.prediction_view().predicted_class() == int(trace.prediction[0])
    np.testing.assert_allclose(view.prediction_view().probs(), trace.probs[0])
    view.set_trace(None)
    assert view.prediction_view().predicted_class() is None


def test_gradient_quantity_shows_dl_d_output_or_nothing(view: OverviewView, model: Sequential) -> None:
    with_target = model.trace(digit(9), target=np.array([4]))
    view.set_quantity("gradient")
    view.set_trace(with_target)
    assert view.current_quantity() == "gradient"
    for i, record in enumerate(with_target.layers):
        assert view.levels(i) == pytest.approx(
            (-peak(record.grad_output), peak(record.grad_output)), rel=1e-6
        )
    gradients = view.grab().toImage()
    view.set_trace(model.trace(digit(9)))  # forward only: nothing to show
    blank = view.grab().toImage()
    assert blank != gradients
    view.set_trace(None)
    assert view.grab().toImage().copy(view.map_rect(2, 0)) == blank.copy(view.map_rect(2, 0))
    with pytest.raises(BadInputError, match="quantity"):
        view.set_quantity("weights")


def test_a_trace_of_another_model_is_refused(view: OverviewView) -> None:
    other = Sequential([Conv2D(1, 2, 3, padding=1), ReLU(), Flatten(), Dense(2 * 28 * 28, 10)])
    with pytest.raises(BadInputError, match="set_model"):
        view.set_trace(other.trace(digit(0)))


def test_any_model_is_laid_out_from_its_layer_kinds(qtbot) -> None:
    rng = np.random.default_rng(1)
    model = Sequential(
        [
            Conv2D(1, 3, 3, padding=1, rng=rng),
            ReLU(),
            MaxPool2D(2),
            Flatten(),
            Dense(3 * 14 * 14, 40, rng=rng),
            ReLU(),
            Dense(40, 10, rng=rng),
        ]
    )
    widget = shown_overview(qtbot, model, 1100, 600)
    assert widget.column_labels() == [
        "input 1x28x28",
        "conv1 3x28x28",
        "relu1 3x28x28",
        "pool1 3x14x14",
        "flatten 588",
        "dense1 40",
        "relu2 40",
        "dense2 10",
    ]
    trace = model.trace(digit(2))
    widget.set_trace(trace)
    widget.set_scale_mode("block")
    outputs = [record.output for record in trace.layers]
    # conv1..flatten | dense1, relu2 | dense2
    for members in ([0, 1, 2, 3], [4, 5], [6]):
        expected = max(peak(outputs[i]) for i in members)
        assert all(widget.levels(i) == pytest.approx((-expected, expected), rel=1e-6) for i in members)
    with qtbot.waitSignal(widget.sigMapHovered, timeout=1000) as blocker:
        move_to(widget, widget.map_rect(5, 17).center())
    assert blocker.args == [5, 17]
    assert theme.format_value(outputs[5][0, 17], 3) in widget.hover_text()

    # A 40-value vector is folded into 6 rows of 7 for the detail view; the 2 spare cells stay empty.
    dialog = MapDetailDialog(trace, 5, 17)
    qtbot.addWidget(dialog)
    values = dialog.view.values()
    assert values.shape == (6, 7) and np.isnan(values).sum() == 2
    np.testing.assert_array_equal(values.reshape(-1)[:40], outputs[5][0])
    assert dialog.view.cell_text(5, 6) == ""
    widget.hide()  # offscreen, the pointer goes to the topmost-listed window under it: keep only the dialog
    dialog.show()
    qtbot.waitExposed(dialog)
    move_to(dialog.view, dialog.view.cell_rect(2, 3).center())
    assert dialog.value_text() == f"value 17: {theme.format_value(outputs[5][0, 17], 4)}"


def test_views_export_to_png(tmp_path, view: OverviewView, model: Sequential) -> None:
    view.set_trace(model.trace(digit(1)))
    path = tmp_path / "overview.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() == view.width() and image.height() == view.height()


def test_zoom_scales_fonts_and_relayouts(view: OverviewView, model: Sequential) -> None:
    view.set_trace(model.trace(digit(1)))
    before = view.grab().toImage()
    size = theme.font().pointSizeF()
    try:
        theme.set_zoom(1.5)
        assert theme.zoom() == 1.5
        assert theme.font().pointSizeF() == pytest.approx(1.5 * size)
        assert view.grab().toImage() != before
    finally:
        theme.set_zoom(1.0)
    assert view.grab().toImage() == before


def test_dark_palette_repaints_the_overview(qtbot, view: OverviewView, model: Sequential) -> None:
    from PySide6.QtWidgets import QApplication

    view.set_trace(model.trace(digit(1)))
    light = view.grab().toImage()
    app = QApplication.instance()
    try:
        with qtbot.waitSignal(theme.notifier().sigChanged, timeout=1000):
            theme.apply_palette(app, dark=True)
        assert theme.current() is theme.DARK
        assert app.palette().window().color() == theme.DARK.background
        dark = view.grab().toImage()
        assert close(pixel(dark, 2, 2), theme.DARK.background)
        assert dark != light
    finally:
        theme.apply_palette(app, dark=False)


def test_map_detail_prints_and_reports_the_values(qtbot, model: Sequential) -> None:
    trace = model.trace(digit(3))
    dialog = shown(qtbot, MapDetailDialog(trace, 9, 6))  # pool2 channel 6, 7x7
    values = trace.layers[9].output[0, 6]
    title = dialog.title_text()
    assert "pool2" in title and "channel 6" in title and "16x7x7" in title
    summary = dialog.summary_text()
    assert theme.format_value(values.min(), 4) in summary and theme.format_value(values.max(), 4) in summary
    view = dialog.view
    assert view.numbers_shown()
    for row, col in [(0, 0), (3, 4), (6, 6)]:
        assert view.cell_text(row, col) == theme.format_value(values[row, col], 2)
    with qtbot.waitSignal(view.sigCellHovered, timeout=1000) as blocker:
        move_to(view, view.cell_rect(2, 5).center())
    assert blocker.args == [2, 5]
    assert dialog.value_text() == f"row 2, col 5: {theme.format_value(values[2, 5], 4)}"


def test_map_detail_follows_a_new_trace(qtbot, model: Sequential) -> None:
    # conv4 channel 4, 14x14: numbers printed
    dialog = shown(qtbot, MapDetailDialog(model.trace(digit(1)), 7, 4))
    move_to(dialog.view, dialog.view.cell_rect(5, 9).center())
    newer = model.trace(digit(2))
    dialog.set_trace(newer)
    values = newer.layers[7].output[0, 4]
    np.testing.assert_array_equal(dialog.view.values(), values)
    assert dialog.view.cell_text(5, 9) == theme.format_value(values[5, 9], 2)
    assert dialog.value_text() == f"row 5, col 9: {theme.format_value(values[5, 9], 4)}"


def test_map_detail_of_a_large_map_shows_values_on_hover_only(qtbot, model: Sequential) -> None:
    trace = model.trace(digit(4))
    dialog = shown(qtbot, MapDetailDialog(trace, 0, 2))  # conv1 channel 2, 28x28
    assert not dialog.view.numbers_shown()
    values = trace.layers[0].output[0, 2]
    move_to(dialog.view, dialog.view.cell_rect(13, 20).center())
    assert dialog.view.hovered_cell() == (13, 20)
    assert theme.format_value(values[13, 20], 4) in dialog.value_text()


def test_map_detail_of_a_flatten_value_shows_the_map_it_came_from(qtbot, model: Sequential) -> None:
    trace = model.trace(digit(5))
    element = 5 * 49 + 3 * 7 + 1
    dialog = MapDetailDialog(trace, 10, element)
    qtbot.addWidget(dialog)
    np.testing.assert_array_equal(dialog.view.values(), trace.layers[9].output[0, 5])
    assert "pool2 channel 5" in dialog.title_text()
    dialog.show()
    qtbot.waitExposed(dialog)
    move_to(dialog.view, dialog.view.cell_rect(3, 1).center())
    assert dialog.value_text().startswith(f"value {element}:")


def test_map_detail_of_the_input_and_of_gradients(qtbot, model: Sequential) -> None:
    trace = model.trace(digit(6), target=np.array([2]))
    dialog = MapDetailDialog(trace, -1, 0)
    qtbot.addWidget(dialog)
    np.testing.assert_array_equal(dialog.view.values(), trace.input[0, 0])
    gradient = MapDetailDialog(trace, 3, 1, quantity="gradient")
    qtbot.addWidget(gradient)
    np.testing.assert_array_equal(gradient.view.values(), trace.layers[3].grad_output[0, 1])
    with pytest.raises(BadInputError, match="no gradients"):
        detail_of(model.trace(digit(6)), 3, 1, quantity="gradient")


def test_theme_colour_maps() -> None:
    lut = theme.DIVERGING_LUT
    assert lut.shape == (256, 4) and lut.dtype == np.uint8
    assert lut[0, 2] > lut[0, 0]  # most negative: blue
    assert lut[255, 0] > lut[255, 2]  # most positive: red
    assert lut[127:129, :3].min() > 235  # zero: white
    assert theme.LIGHT.sequential_lut.shape == (256, 4)
    assert theme.symmetric_levels(np.array([-0.5, 2.0])) == (-2.0, 2.0)
    assert theme.symmetric_levels(np.zeros(3)) == (-1.0, 1.0)
    np.testing.assert_array_equal(theme.to_indices(np.array([-2.0, 0.0, 2.0]), (-2.0, 2.0)), [0, 128, 255])
    assert theme.format_value(-1.234) == "\u22121.23"
    assert theme.format_value(-0.001) == "0.00"
    image = theme.array_to_qimage(np.array([[-1.0, 1.0]]), (-1.0, 1.0), lut)
    assert image.pixelColor(0, 0) == QColor(*lut[0, :3]) and image.pixelColor(1, 0) == QColor(*lut[255, :3])


def test_a_gradient_map_detail_shows_activations_while_traces_have_no_gradients(
    qtbot, model: Sequential
) -> None:
    """Opened in Backward mode, the dialog keeps working when the student switches to Forward and back."""
    x = digit(3)
    dialog = MapDetailDialog(model.trace(x, target=[3]), 5, 2, quantity="gradient")
    qtbot.addWidget(dialog)
    forward = model.trace(x)
    dialog.set_trace(forward)
    np.testing.assert_array_equal(dialog.view.values(), forward.layers[5].output[0, 2])
    backward = model.trace(x, target=[3])
    dialog.set_trace(backward)
    np.testing.assert_array_equal(dialog.view.values(), backward.layers[5].grad_output[0, 2])


def test_colour_bar_labels_keep_tiny_gradients_readable() -> None:
    from explainer.gui.kit.colorbar import range_texts

    assert range_texts((-2.19, 2.19)) == ("\u22122.19", "2.19")
    assert range_texts((-17.74, 17.74)) == ("\u221217.7", "17.7")
    assert range_texts((-2.5e-08, 2.5e-08)) == ("\u22122.5e\u221208", "2.5e\u221208")
    assert range_texts((0.0, 0.0)) == ("0.00", "0.00")
    assert range_texts((0.0, 1.0), decimals=0) == ("0", "1")
