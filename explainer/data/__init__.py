"""The data sets, Qt-free: :class:`Dataset` (shape, classes, files, splits, preprocessing, samples) and
:data:`MNIST`; the IDX reader (``mnist``), drawing-to-input preprocessing (``preprocess``) and training
augmentation (``augment``).
"""

from explainer.data.dataset import Dataset, Split, read_samples
from explainer.data.mnist import MNIST, load_mnist, mnist_dir, read_idx

__all__ = ["MNIST", "Dataset", "Split", "load_mnist", "mnist_dir", "read_idx", "read_samples"]
