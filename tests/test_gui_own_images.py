"""The Train page on your own images: a folder is previewed before training, a bad one is refused with the
folder named, and Start trains a network for the folder's classes that the whole window then works on."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from test_data_image_folder import shape_image, write_png

from explainer.data import MNIST
from explainer.gui import i18n, textcheck
from explainer.gui.kit.samples import sample_problem
from explainer.gui.mainwindow import MainWindow
from explainer.gui.pages.own_images import OwnImagesPanel
from explainer.gui.pages.training import TrainingView
from explainer.gui.state import Settings
from explainer.gui.training_worker import TrainingConfig


def folder(root: Path) -> Path:
    """``root/bar`` and ``root/post``, 8 PNGs each of mixed sizes, and a broken file in ``bar``."""
    for i in range(8):
        write_png(root / "bar" / f"{i}.png", shape_image("bar", 40 + 6 * i, 36, i % 3 - 1))
        write_png(root / "post" / f"{i}.png", 255 - shape_image("post", 36, 40 + 6 * i, i % 3 - 1))
    (root / "bar" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n cut")
    return root


def read(qtbot, panel: OwnImagesPanel, path: Path) -> object:
    """Read ``path`` in ``panel`` and wait for the preview."""
    with qtbot.waitSignal(panel.sigLoaded, timeout=30000) as blocker:
        panel.load(path)
    return blocker.args[0]


def test_the_preview_shows_each_class_its_count_and_the_skipped_files(qtbot, tmp_path: Path) -> None:
    view = TrainingView(sample_problem()[0])
    qtbot.addWidget(view)
    panel = view.own_images
    data = read(qtbot, panel, folder(tmp_path / "mine"))
    assert data is view.own_data() and data.class_names == ("bar", "post") and data.counts == (8, 8)
    captions = [panel.findChild(QLabel, f"own_class_{k}").text() for k in range(2)]
    assert captions == ["bar\n8 images", "post\n8 images"]
    thumbnails = [
        w for w in panel.preview.findChildren(QLabel) if w.pixmap() is not None and not w.pixmap().isNull()
    ]
    assert len(thumbnails) == 12  # 6 per class
    assert "16 images in 2 classes" in panel.status_label.text()
    assert "broken.png" in panel.skipped_label.text() and not panel.skipped_label.isHidden()
    assert "16 sizes" in panel.sizes_label.text()
    assert "shirt" in panel.recipe_label.text() and "cropped" in panel.recipe_label.text()
    assert view.images_spin.maximum() == data.dataset.max_training_images == 13

    panel.centre_check.setChecked(False)  # reads again without cropping
    qtbot.waitUntil(lambda: panel.worker() is None and panel.data() is not data, timeout=30000)
    assert not panel.data().centre and "not cropped" in panel.recipe_label.text()


@pytest.mark.parametrize(("make", "named"), [(lambda root: root.mkdir(), "found 0"), (None, "empty")])
def test_a_bad_folder_is_refused_naming_it(qtbot, tmp_path: Path, make, named: str) -> None:
    root = tmp_path / "mine"
    if make is None:
        write_png(root / "full" / "a.png", shape_image("bar", 30, 30, 0))
        (root / "empty").mkdir()
    else:
        make(root)
    panel = OwnImagesPanel()
    qtbot.addWidget(panel)
    assert read(qtbot, panel, root) is None and panel.data() is None
    text = panel.status_label.text()
    assert "Cannot use this folder" in text and str(root) in text and named in text
    assert panel.preview.isHidden()


def test_start_trains_a_network_for_the_folder_and_the_window_follows(
    qtbot, tmp_path: Path, settings
) -> None:
    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.show()
    view = window.show_page("training")
    data = read(qtbot, view.own_images, folder(tmp_path / "mine"))
    view.set_config(TrainingConfig(batch_size=4, epochs=2, snapshot_every=2))
    with qtbot.waitSignal(view.sigFinished, timeout=60000) as blocker:
        assert view.start()
    result = blocker.args[0]
    assert result.completed and result.val_accuracy is not None
    state = window.state
    assert state.dataset is data.dataset and list(state.model.class_names) == ["bar", "post"]
    assert state.model.predict_proba(data.inputs()[:2]).shape == (2, 2)
    combo = window.target_bar.class_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["bar", "post"]
    assert window.draw_heading.text() == "Draw or open an image", "neither digits nor clothes"
    assert window.gallery.count_samples() == 16  # the folder's images, up to 10 per class
    assert not any(action.isChecked() for action in window.dataset_group.actions())
    # The canvas is preprocessed the folder's way and traced by the new network.
    window.canvas.set_image(np.pad(np.ones((60, 12), np.float32), 100))
    window.trace_pending_input()
    assert window.current_trace().probs.shape == (1, 2)
    # The test-set page evaluates on the folder's validation images; back to MNIST from the menu.
    assert state.data.test_loader()()[0].shape == (data.validation_size, 28, 28)
    evaluation = window.show_page("evaluation")
    assert not evaluation.data_picker.findChild(QToolButton).isEnabled()  # no other folder for these
    window.findChild(QAction, "dataset_mnist").trigger()
    assert window.current_dataset() is MNIST and len(state.model.class_names) == 10
    window.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_preview_text_fits_in_both_languages(qtbot, tmp_path: Path, settings, language: str) -> None:
    if language != "en" and not i18n.cjk_font_families():
        pytest.skip(f"no font with Chinese glyphs installed (install {i18n.CJK_FONT_PACKAGE})")
    app = QApplication.instance()
    i18n.set_language(app, language, settings, remember=False)
    try:
        view = TrainingView(sample_problem()[0])
        qtbot.addWidget(view)
        view.resize(1100, 700)  # shorter than the page: the plots give way, not the texts
        view.show()
        qtbot.waitExposed(view)
        read(qtbot, view.own_images, folder(tmp_path / "mine"))
        QApplication.processEvents()  # the layout takes the new texts in on the next event-loop turn
        assert textcheck.problems(view.own_images) == []
        assert ("衬衫" if language == "zh_CN" else "shirt") in view.own_images.recipe_label.text()
    finally:
        i18n.set_language(app, "en", settings, remember=False)


def test_images_are_decoded_on_the_ui_thread_between_events(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Qt's decoders never run on a second thread (a warning from a damaged file would deadlock it)."""
    import threading

    import explainer

    threads: set[str] = set()
    real = explainer.load_image

    def recording(path, max_pixels=None):
        threads.add(threading.current_thread().name)
        return real(path, max_pixels)

    monkeypatch.setattr(explainer, "load_image", recording)
    panel = OwnImagesPanel()
    qtbot.addWidget(panel)
    data = read(qtbot, panel, folder(tmp_path / "mine"))
    assert data is not None and threads == {threading.main_thread().name}
    panel.load(tmp_path / "mine")
    assert panel.worker() is not None and panel.shutdown() and panel.worker() is None
