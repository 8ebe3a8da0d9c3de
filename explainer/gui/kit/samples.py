"""A model and a digit to run a view with when there is no window around it.

Every view opens alone (``python -m explainer.gui.layers.conv`` and so on), the tour needs a digit for a
blank canvas, and the benchmarks need something to draw. They all take it from here: the bundled model
and the first bundled sample digit when they exist, else ``reference_net()`` and a hand-made 7, so a
checkout without the assets still runs.
"""

from __future__ import annotations

import numpy as np

from explainer.core import Sequential, reference_net
from explainer.data import MNIST, Dataset
from explainer.errors import BadInputError
from explainer.modelio import load_model

SYNTHETIC_LABEL = 7
"""The class of :func:`synthetic_digit`."""


def synthetic_digit() -> np.ndarray:
    """A hand-made '7' for running the views without the bundled samples.

    Shape:
        returns ``(28, 28)`` float32 in [0, 1], ink bright on dark.
    """
    image = np.zeros((28, 28), np.float32)
    image[6:9, 7:22] = 1.0
    for row in range(9, 24):
        col = 21 - (row - 9) * 8 // 15
        image[row, col - 1 : col + 2] = 1.0
    return image


def sample_digit(dataset: Dataset = MNIST) -> tuple[np.ndarray, int]:
    """The first of ``dataset``'s bundled sample digits and its label, else :func:`synthetic_digit`.

    Shape:
        returns ``(H, W)`` float32 in [0, 1] (``(28, 28)`` for MNIST) and the label.
    """
    try:
        images, labels = dataset.load_samples()
    except BadInputError:
        return synthetic_digit(), SYNTHETIC_LABEL
    return images[0].astype(np.float32) / np.float32(255.0), int(labels[0])


def sample_problem() -> tuple[Sequential, np.ndarray, int]:
    """A model, a digit and its label: the bundled model (else ``reference_net()``) and :func:`sample_digit`.

    Shape:
        returns (model, x ``(28, 28)`` float32 in [0, 1], label).
    """
    try:
        model = load_model()
    except BadInputError:
        model = reference_net()
    return (model, *sample_digit())
