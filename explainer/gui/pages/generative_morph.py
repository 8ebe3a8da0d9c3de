"""The morph: the decodings along the straight line between the μ of two inputs (the drawing, a gallery
image or an image file), as a strip, one frame large under a slider that can play, and a GIF export.

The strip depends on the drawing only when an end is the drawing; it is worked out when the morph is on
screen, not on every stroke behind another tab.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QSlider, QSpinBox, QWidget

import explainer
from explainer.data import MNIST, Dataset
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, class_name, tr, translate_error
from explainer.gui.kit.animation import ask_gif_path
from explainer.gui.kit.gif import save_gif
from explainer.gui.kit.mapboard import tile
from explainer.gui.kit.widgets import buddy_rows, button, hint, label, page_column, side_by_side
from explainer.gui.pages.generative_math import morph_latents
from explainer.gui.pages.generative_parts import DigitImage

MORPH_SAMPLES = 20
"""Gallery images offered as ends of the morph."""

PLAY_INTERVAL_MS = 150
"""Time per frame when the morph plays, and in the exported GIF."""

GIF_SCALE = 6
"""Each 28×28 frame is written this many times larger into the GIF (168×168 pixels)."""

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif"
"""The image files offered as an end of the morph (``explainer.load_image`` reads them)."""

DRAWING, FILE = "drawing", "file"
"""The ends that are not gallery images: the current drawing, an image file."""


class MorphPanel(FollowsLanguage, QWidget):
    """Two ends, the strip of decodings between their μ, a slider over it with Play, and Export GIF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("morph")
        self._vae: object | None = None
        self._drawing: np.ndarray | None = None
        self._samples = np.zeros((0, 28, 28), np.float32)
        self._labels = np.zeros(0, np.int64)
        self._dataset: Dataset = MNIST
        self._files: dict[int, np.ndarray] = {}
        self._mu: np.ndarray | None = None
        self._frames: np.ndarray | None = None
        self._line = np.zeros((0, 2), np.float32)
        self._direction = 1
        self._stale = True
        self.ends = [QComboBox(), QComboBox()]
        for index, box in enumerate(self.ends):
            box.setObjectName(f"morph_end_{index}")
            box.activated.connect(lambda item, index=index: self._end_chosen(index, item))
        self.steps_box = QSpinBox()
        self.steps_box.setObjectName("morph_steps")
        self.steps_box.setRange(3, 25)
        self.steps_box.setValue(10)
        self.steps_box.valueChanged.connect(self._changed)
        form = QFormLayout()
        self._captions = buddy_rows(form, (*self.ends, self.steps_box))
        self.strip = DigitImage("morph_strip", 56)
        self.frame = DigitImage("morph_frame", theme.GENERATIVE_DIGIT_PX)
        self.frame_caption = label("morph_frame_z")
        self.frame_caption.setFont(theme.font(mono=True))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("morph_slider")
        self.slider.valueChanged.connect(self._show_frame)
        self.play_button = button("morph_play", self.toggle_play)
        self.gif_button = button("morph_gif", self._export)
        self.status = hint()
        self.status.setObjectName("morph_status")
        self.explanation = hint()
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._advance)
        column = page_column(
            self,
            form,
            self.strip,
            side_by_side(self.slider, self.play_button, self.gif_button),
            side_by_side(self.frame, self.frame_caption, stretch=1),
            self.explanation,
            self.status,
            stretch=1,
        )
        column.addStretch(1)
        self._fill_ends()
        self.retranslate_ui()

    # ---------------------------------------------------------------- inputs
    def set_vae(self, vae: object | None) -> None:
        """Morph with ``vae`` from now on."""
        self._vae = vae
        self._changed()

    def set_drawing(self, x: np.ndarray | None) -> None:
        """The current drawing, ``(28, 28)`` in [0, 1] or None; it matters when an end is the drawing."""
        self._drawing = x
        if DRAWING in (self._kind(0), self._kind(1)):
            self._changed()

    def set_samples(self, images: np.ndarray, labels: np.ndarray, dataset: Dataset) -> None:
        """The gallery images to pick from (the first ``MORPH_SAMPLES``).

        Shape:
            images: ``(N, 28, 28)`` uint8 or float in [0, 1]; labels: ``(N,)``.
        """
        images = np.asarray(images[:MORPH_SAMPLES], np.float32)
        self._samples = images / 255 if images.size and images.max() > 1 else images
        self._labels = np.asarray(labels[:MORPH_SAMPLES])
        self._dataset = dataset
        self._files.clear()
        self._fill_ends()
        # From the drawing to the first gallery image of another class than the first one's.
        other = np.flatnonzero(self._labels != self._labels[0]) if len(self._labels) else np.zeros(0)
        self.ends[0].setCurrentIndex(0)
        self.ends[1].setCurrentIndex(int(other[0]) + 1 if len(other) else min(1, len(self._labels)))
        self._changed()

    def choose(self, end: int, source: str | int) -> None:
        """Make end ``end`` (0 or 1) the drawing (``"drawing"``) or gallery image ``source``."""
        box = self.ends[end]
        box.setCurrentIndex(0 if source == DRAWING else int(source) + 1)
        self._changed()

    def set_file_image(self, end: int, image: np.ndarray) -> None:
        """Make end ``end`` an image read from a file, preprocessed ``(28, 28)`` in [0, 1]."""
        self._files[end] = np.asarray(image, np.float32)
        self.ends[end].setCurrentIndex(self.ends[end].count() - 1)
        self._changed()

    # ---------------------------------------------------------------- outputs
    def endpoints_mu(self) -> np.ndarray | None:
        """The μ of both ends, ``(2, d)``, or None when an end is missing."""
        self.refresh()
        return self._mu

    def frames(self) -> np.ndarray | None:
        """The decodings along the line, ``(steps, 1, 28, 28)``, or None."""
        self.refresh()
        return self._frames

    def inputs(self) -> list[np.ndarray | None]:
        """The two ends' images ``(28, 28)`` (None where missing)."""
        return [self._input(0), self._input(1)]

    # ---------------------------------------------------------------- work
    def _kind(self, end: int) -> str | int:
        index = self.ends[end].currentIndex()
        if index <= 0:
            return DRAWING
        if index == self.ends[end].count() - 1:
            return FILE
        return index - 1

    def _input(self, end: int) -> np.ndarray | None:
        kind = self._kind(end)
        if kind == DRAWING:
            return self._drawing
        if kind == FILE:
            return self._files.get(end)
        return self._samples[int(kind)]

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Encode both ends and decode the line between their μ, if anything changed since the last time."""
        if not self._stale:
            return
        self._stale = False
        inputs = self.inputs()
        vae = self._vae
        if vae is None or any(x is None or x.shape != (28, 28) for x in inputs):
            self._mu = self._frames = None
            self.strip.set_image(None)
            self.frame.set_image(None)
            self.frame_caption.setText("")
            missing = vae is not None and any(x is None for x in inputs)
            self.status.setText(tr("Draw first: one end of the morph is your drawing.") if missing else "")
            return
        mu, _logvar = vae.encode(np.stack(inputs)[:, None])  # type: ignore[attr-defined]
        self._mu = np.asarray(mu)
        steps = self.steps_box.value()
        line = morph_latents(self._mu[0], self._mu[1], steps)
        self._frames = np.asarray(vae.decode(line))  # type: ignore[attr-defined]
        self._line = line
        self.strip.set_image(np.nan_to_num(tile(self._frames[:, 0], columns=steps)))
        self.slider.setRange(0, steps - 1)
        self.status.setText("")
        self._show_frame(self.slider.value())

    def _show_frame(self, index: int) -> None:
        if self._frames is None:
            return
        index = min(index, len(self._frames) - 1)
        self.frame.set_image(self._frames[index, 0])
        t = index / (len(self._frames) - 1)
        z = ", ".join(theme.format_value(float(v), 2) for v in self._line[index][:2])
        self.frame_caption.setText(f"t = {t:.2f}\nz = (1 − t)·μ₀ + t·μ₁\n  = ({z})")

    def toggle_play(self) -> None:
        """Play the morph back and forth, or pause it."""
        if self._timer.isActive():
            self._timer.stop()
        else:
            self._direction = 1
            self._timer.start()
        self.retranslate_ui()

    def is_playing(self) -> bool:
        """True while the morph plays."""
        return self._timer.isActive()

    def _advance(self) -> None:
        value = self.slider.value() + self._direction
        if not 0 <= value <= self.slider.maximum():
            self._direction = -self._direction
            value = self.slider.value() + self._direction
        self.slider.setValue(value)

    def gif_frames(self) -> list[np.ndarray]:
        """The GIF's frames: the strip's decodings there and back, each ``GIF_SCALE`` times larger,
        ``(28·GIF_SCALE, 28·GIF_SCALE, 3)`` uint8."""
        frames = self.frames()
        if frames is None:
            return []
        there = [np.clip(f[0] * 255 + 0.5, 0, 255).astype(np.uint8) for f in frames]
        scaled = [np.repeat(np.repeat(f, GIF_SCALE, 0), GIF_SCALE, 1) for f in there + there[-2:0:-1]]
        return [np.repeat(f[:, :, None], 3, axis=2) for f in scaled]

    def export_gif(self, path: str | Path) -> Path | None:
        """Write the morph as a looping GIF to ``path``; None when there is nothing to write."""
        frames = self.gif_frames()
        if not frames:
            return None
        written = save_gif(path, frames, delay_ms=PLAY_INTERVAL_MS)
        self.status.setText(tr("Saved {path}").format(path=written))
        return written

    def _export(self) -> None:
        path = ask_gif_path(self, "morph")
        if path:
            try:
                self.export_gif(path)
            except OSError as error:
                self.status.setText(str(error))

    def _end_chosen(self, end: int, item: int) -> None:
        if item == self.ends[end].count() - 1:
            path, _ = QFileDialog.getOpenFileName(
                self,
                tr("Open image"),
                "",
                tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_PATTERNS),
            )
            if not path:
                self.ends[end].setCurrentIndex(0)
            else:
                try:
                    image = self._dataset.preprocess(explainer.load_image(path))
                except BadInputError as error:
                    self.status.setText(translate_error(error))
                    self.ends[end].setCurrentIndex(0)
                else:
                    self.set_file_image(end, image)
                    return
        self._changed()

    def _fill_ends(self) -> None:
        for box in self.ends:
            index = box.currentIndex()
            box.clear()
            box.addItem("")
            for k, cls in enumerate(self._labels):
                box.addItem("")
                box.setItemData(k + 1, int(cls))
            box.addItem("")
            box.setCurrentIndex(max(index, 0))
        self._name_ends()

    def _name_ends(self) -> None:
        names = self._dataset.class_names
        for box in self.ends:
            box.setItemText(0, tr("Your drawing"))
            for k, cls in enumerate(self._labels):
                name = class_name(str(names[int(cls)])) if int(cls) < len(names) else str(cls)
                box.setItemText(k + 1, tr("Gallery image {n}: {name}").format(n=k + 1, name=name))
            box.setItemText(box.count() - 1, tr("An image file…"))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        for field, text in zip(
            (*self.ends, self.steps_box), (tr("From"), tr("To"), tr("Steps")), strict=True
        ):
            self._captions[field].setText(text)
        self._name_ends()
        self.play_button.setText(tr("Pause") if self.is_playing() else tr("Play"))
        self.gif_button.setText(tr("Export GIF…"))
        self.explanation.setText(
            tr(
                "Both images are encoded to their μ; the points on the straight line between them, "
                "z = (1 − t)·μ₀ + t·μ₁, are decoded. The first and last frames are the decodings of the two "
                "μ themselves, not the images: what the VAE keeps of them."
            )
        )
