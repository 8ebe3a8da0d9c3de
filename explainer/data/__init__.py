"""The data sets, Qt-free: :class:`Dataset` (shape, classes, files, splits, preprocessing, samples),
:data:`MNIST` and :data:`FASHION_MNIST` (``fashion``); the IDX reader (``mnist``), drawing-to-input
preprocessing (``preprocess``) and training augmentation (``augment``).
"""

from explainer.data.dataset import Dataset, Split, read_samples
from explainer.data.fashion import FASHION_MNIST, FASHION_MNIST_CLASSES
from explainer.data.mnist import MNIST, add_data_argument, load_mnist, mnist_dir, mnist_dir_or_say, read_idx

__all__ = [
    "FASHION_MNIST",
    "FASHION_MNIST_CLASSES",
    "MNIST",
    "Dataset",
    "Split",
    "add_data_argument",
    "load_mnist",
    "mnist_dir",
    "mnist_dir_or_say",
    "read_idx",
    "read_samples",
]
