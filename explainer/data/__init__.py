"""The data sets, Qt-free: :class:`Dataset` (shape, classes, files, splits, preprocessing, samples) and
:data:`MNIST`; the IDX reader (``mnist``), drawing-to-input preprocessing (``preprocess``) and training
augmentation (``augment``).
"""

from explainer.data.dataset import Dataset, Split, read_samples
from explainer.data.mnist import MNIST, add_data_argument, load_mnist, mnist_dir, mnist_dir_or_say, read_idx

__all__ = [
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
