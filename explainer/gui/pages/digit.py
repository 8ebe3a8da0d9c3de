"""A page that works on one digit with one model: it holds both and gives the digit as the network's batch."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from explainer.core import Sequential


class DigitPage(QWidget):
    """Base of the pages about one digit under one model (the attribution maps, the gradient check, Learn
    this example): the model ``_model`` and the digit ``_x``, None until the page's setters give them.

    Shape:
        ``_x`` holds the network input's pixels, e.g. ``(H, W)`` raw pixels in [0, 1] for one channel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: Sequential | None = None
        self._x: np.ndarray | None = None

    def batch(self) -> np.ndarray | None:
        """The digit as a batch of one, ``(1, C, H, W)``, or None."""
        if self._model is None or self._x is None:
            return None
        return self._x.reshape(1, *self._model.input_shape)
