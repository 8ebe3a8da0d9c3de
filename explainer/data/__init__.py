"""The data sets, Qt-free: :class:`Dataset` (shape, classes, files, splits, preprocessing, samples, bundled
model), :data:`MNIST` and :data:`FASHION_MNIST` (``fashion``), both in :data:`DATASETS`; your own images
(``own``: :func:`read_image_folder`, :func:`read_idx_images`, :func:`read_user_data`, each a
:class:`UserDataset` whose ``dataset`` is a :class:`Dataset`); the IDX reader (``mnist``), drawing-to-input
preprocessing (``preprocess``) and training augmentation (``augment``).
"""

from explainer.data.dataset import Dataset, Split, read_samples
from explainer.data.fashion import FASHION_MNIST, FASHION_MNIST_CLASSES
from explainer.data.mnist import MNIST, add_data_argument, load_mnist, mnist_dir, mnist_dir_or_say, read_idx
from explainer.data.own import (
    SkippedFile,
    UserDataset,
    read_idx_images,
    read_image_folder,
    read_user_data,
    to_input,
)
from explainer.errors import BadInputError

__all__ = [
    "DATASETS",
    "FASHION_MNIST",
    "FASHION_MNIST_CLASSES",
    "MNIST",
    "Dataset",
    "SkippedFile",
    "Split",
    "UserDataset",
    "add_data_argument",
    "dataset_named",
    "load_mnist",
    "mnist_dir",
    "mnist_dir_or_say",
    "read_idx",
    "read_idx_images",
    "read_image_folder",
    "read_samples",
    "read_user_data",
    "to_input",
]

DATASETS: dict[str, Dataset] = {dataset.name: dataset for dataset in (MNIST, FASHION_MNIST)}
"""The bundled data sets by name, in the order the app offers them."""


def dataset_named(name: str) -> Dataset:
    """The bundled data set called ``name`` (see :data:`DATASETS`).

    Raises:
        BadInputError: no bundled data set has that name.
    """
    try:
        return DATASETS[name]
    except KeyError:
        raise BadInputError(f"unknown data set {name!r}; expected one of {', '.join(DATASETS)}") from None
