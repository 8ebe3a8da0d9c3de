"""Fashion-MNIST (Zalando Research, 2017) as a :class:`Dataset`: clothes and shoes in MNIST's own files.

The four IDX files have MNIST's names, format and sizes (60,000 training and 10,000 test images of 28x28
grey pixels, 10 classes), so :func:`~explainer.data.mnist.load_mnist` reads them; only the folder, the
class names, the input preprocessing and the bundled samples differ.
"""

from __future__ import annotations

import dataclasses

from explainer.data.mnist import MNIST
from explainer.data.preprocess import to_fashion_mnist

__all__ = ["FASHION_MNIST", "FASHION_MNIST_CLASSES"]

FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
"""The ten class names in label order (label 0 is "T-shirt/top"), as the data set's authors give them."""

FASHION_MNIST = dataclasses.replace(
    MNIST,
    name="Fashion-MNIST",
    class_names=FASHION_MNIST_CLASSES,
    preprocess=to_fashion_mnist,
    folder="fashion-mnist",
    env_var="EXPLAINER_FASHION_MNIST_DIR",
    samples="fashion_samples.npz",
    model="fashion_mnist.npz",
)
"""Zalando's product photos: 60,000 training images (the last 5,000 of them for validation) and 10,000
test images, 28x28, garment bright on black, classes :data:`FASHION_MNIST_CLASSES`. Files from
``--data``, ``$EXPLAINER_FASHION_MNIST_DIR`` or ``../shared/data/fashion-mnist``. A drawing or a photo
becomes an input through :func:`~explainer.data.preprocess.to_fashion_mnist`: cropped to the object, its
longer side scaled to 28 pixels and its box centred (not its centre of mass, as for digits)."""
