"""The architecture editor: live shape table, presets, refusing impossible networks, building."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from pytestqt.qtbot import QtBot

from explainer.architectures import KERAS_MNIST, TINY_VGG, ArchitectureSpec, build
from explainer.core import Sequential, reference_net
from explainer.gui.pages.design import PADDING_CHOICES, ArchitectureEditor


def table_column(editor: ArchitectureEditor, column: int) -> list[str]:
    return [editor.table.item(row, column).text() for row in range(editor.table.rowCount())]


def test_editor_shows_the_reference_net_before_building(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    assert editor.objectName() == "arch_editor"
    assert editor.spec() == TINY_VGG
    assert editor.preset_combo.currentIndex() == 0
    names = table_column(editor, 0)
    assert names[0] == "input" and names[1:] == [layer.name for layer in reference_net().layers]
    assert table_column(editor, 1)[-2:] == ["784", "10"]
    assert "12,002 weights" in editor.total_label.text()
    assert editor.build_button.isEnabled() and editor.error() is None


def test_editor_refuses_an_impossible_network_with_a_message(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    built: list[Sequential] = []
    editor.sigModelProduced.connect(built.append)
    editor.stride_spin.setValue(2)  # 28 -> 14 -> 7 -> pool 3 -> 2 -> 1 -> pool: no room for a 2x2 window
    assert editor.error() is not None and "pool2" in editor.error()
    assert not editor.error_label.isHidden()
    assert "cannot be built" in editor.error_label.text() and "pool2" in editor.error_label.text()
    assert not editor.build_button.isEnabled()
    # The layers before the failing one stay in the table, shrinking to 1x1.
    assert table_column(editor, 1)[-1] == "16×1×1"
    assert editor.build_model() is None and built == []
    assert editor.preset_combo.currentText() == "Custom"
    editor.stride_spin.setValue(1)
    assert editor.error() is None and editor.error_label.isHidden() and editor.build_button.isEnabled()


def test_even_kernel_with_same_padding_is_explained(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.padding_combo.setCurrentIndex(PADDING_CHOICES.index("same"))
    editor.kernel_spin.setValue(4)
    assert editor.error() is not None and "odd kernel size" in editor.error()
    assert not editor.build_button.isEnabled()


def test_preset_combo_loads_the_keras_model(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.preset_combo.setCurrentIndex(1)
    editor.preset_combo.activated.emit(1)
    assert editor.spec() == KERAS_MNIST
    assert editor.channels_row.values() == (32, 64, 64)
    assert editor.dense_row.values() == (1024,)
    assert "755,658 weights" in editor.total_label.text()
    assert PADDING_CHOICES[editor.padding_combo.currentIndex()] == "same"


def test_changing_blocks_and_dense_layers_updates_the_table(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.blocks_spin.setValue(3)
    assert editor.channels_row.values() == (8, 16, 16)
    editor.dense_count_spin.setValue(2)
    assert len(editor.dense_row.values()) == 2
    spec = editor.spec()
    assert spec.conv_blocks == 3 and len(spec.dense) == 2
    rows = editor.rows()
    assert [row.shape for row in rows] == build(spec).output_shapes()
    editor.blocks_spin.setValue(1)
    assert editor.channels_row.values() == (8,)


def test_build_emits_a_fresh_model_matching_the_table(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.set_spec(
        ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(5,), pooling="avg", dense=(12,))
    )
    editor.seed_spin.setValue(3)
    with qtbot.waitSignal(editor.sigModelProduced) as blocker:
        editor.build_button.click()
    model: Sequential = blocker.args[0]
    assert model.output_shapes() == [row.shape for row in editor.rows()]
    assert [layer.kind for layer in model.layers][:3] == ["conv2d", "relu", "avgpool2d"]
    same_seed = build(editor.spec(), np.random.default_rng(3))
    np.testing.assert_array_equal(model.layers[0].params["W"], same_seed.layers[0].params["W"])
    assert "untrained" in editor.status_label.text()


def test_set_model_shows_its_architecture(qtbot: QtBot) -> None:
    editor = ArchitectureEditor(KERAS_MNIST)
    qtbot.addWidget(editor)
    editor.set_model(reference_net())
    assert editor.spec() == TINY_VGG


def test_the_batch_norm_box_puts_a_batch_norm_after_every_convolution(qtbot: QtBot) -> None:
    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.batch_norm_box.setChecked(True)
    assert editor.spec().batch_norm
    names = table_column(editor, 0)
    assert names[1:4] == ["conv1", "bn1", "relu1"] and names.count("bn4") == 1
    built: list[Sequential] = []
    editor.sigModelProduced.connect(built.append)
    editor.build_model()
    assert [layer.kind for layer in built[0].layers].count("batchnorm2d") == 4
