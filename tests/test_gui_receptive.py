"""The Receptive fields page and the Design tab's field and multiply-add columns, driven by their widgets."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from explainer.core import reference_net
from explainer.core.receptive import pixel_influence, receptive_field, unit_gradient
from explainer.gui.kit.samples import synthetic_digit
from explainer.gui.pages.design import COLUMNS, ArchitectureEditor
from explainer.gui.pages.receptive import ReceptiveFieldView


def test_influence_maps_follow_the_kernel_and_stride(qtbot) -> None:
    view = ReceptiveFieldView()
    qtbot.addWidget(view)
    view.size_spin.setValue(9)
    view.kernel_spin.setValue(5)
    view.stride_spin.setValue(2)
    valid, same = view.influence_maps()
    assert valid.tolist() == pixel_influence(9, 9, 5, 2, 0).tolist()
    assert same.tolist() == pixel_influence(9, 9, 5, 2, 2).tolist()
    assert valid[0, 0] < same[0, 0], "border pixels count less without padding"
    assert "same (P = 2)" in view.same_title.text()
    assert view.valid_map.cell_text(0, 0) == str(int(valid[0, 0])), "counts print as whole numbers"


def test_clicking_a_unit_outlines_its_field_and_shows_its_effective_weight(qtbot) -> None:
    model = reference_net()
    digit = synthetic_digit()
    view = ReceptiveFieldView()
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    qtbot.waitExposed(view)
    view.set_problem(model, digit, 7)
    pool2 = [layer.name for layer in model.layers].index("pool2")
    view.layer_combo.setCurrentIndex(view.layer_combo.findText("pool2"))
    view.channel_spin.setValue(3)
    QTest.mouseClick(view.layer_map, Qt.MouseButton.LeftButton, pos=view.layer_map.cell_rect(2, 5).center())
    assert view.field() == receptive_field(model, pool2, 2, 5) == (2, 14, 18, 28)
    expected = unit_gradient(model, digit.reshape(1, 1, 28, 28), pool2, 3, 2, 5)[0]
    np.testing.assert_allclose(view.effective_weight(), expected, rtol=1e-6)
    assert "rows 2–17 and columns 14–27" in view.field_summary.text()


def test_design_table_shows_field_and_work_as_you_edit(qtbot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)

    def column(name: str) -> list[str]:
        index = COLUMNS.index(name)
        return [editor.table.item(row, index).text() for row in range(editor.table.rowCount())]

    assert column("field")[1:4] == ["3×3", "3×3", "5×5"] and column("field")[-1] == "all"
    before = column("multiply_adds")[1]
    assert before == f"{8 * 9 * 28 * 28:,}"
    editor.kernel_spin.setValue(5)
    assert column("field")[1:4] == ["5×5", "5×5", "9×9"]
    assert column("multiply_adds")[1] != before


def test_a_right_click_on_a_unit_in_the_overview_opens_its_field(qtbot, settings) -> None:
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings

    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    images, labels = window.state.dataset.load_samples()
    window.put_digit(images[2], int(labels[2]))
    overview = window.overview
    pool2 = [layer.name for layer in window.state.model.layers].index("pool2")
    cell = QRectF(overview.map_rect(pool2, 5))
    # The middle of unit (5, 5) of the 7x7 map.
    point = QPointF(cell.left() + cell.width() * 5.5 / 7, cell.top() + cell.height() * 5.5 / 7)
    unit = overview.unit_at(point)
    assert unit == (pool2, 5, 5, 5)
    assert overview.unit_at(overview.map_rect(-1, 0).center().toPointF()) is None, "not the input"
    QTest.mouseClick(overview, Qt.MouseButton.RightButton, pos=point.toPoint())
    view = window.current_page().view()
    assert isinstance(view, ReceptiveFieldView)
    assert view.field() == receptive_field(window.state.model, pool2, 5, 5)
    assert window.tabs.currentWidget() is window.lesson_tabs
