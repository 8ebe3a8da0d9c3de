"""The one state object of the app: model, data set, input, trace and settings; views follow its signals.

Data flows one way: canvas image → the data set's preprocessing → ``model.trace`` → ``AppState`` → views.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from PySide6.QtCore import QObject, QSettings, Signal

from explainer.data import DATASETS, MNIST, Dataset, Split, dataset_named
from explainer.data.preprocess import resize_input
from explainer.errors import bad_input
from explainer.gui import theme
from explainer.gui.canvas import BRUSH_DEFAULT

if TYPE_CHECKING:
    from explainer.core import Sequential, Trace

DATA_DIR_KEY = "training/data_dir"
"""Settings key of the folder chosen for MNIST's files (in the app or with ``--data``)."""

DATASET_KEY = "data/dataset"
"""Settings key of the name of the data set in use (a key of :data:`explainer.data.DATASETS`)."""


def data_dir_key(name: str) -> str:
    """The settings key of the folder chosen for the files of the data set ``name``."""
    return DATA_DIR_KEY if name == MNIST.name else f"{DATA_DIR_KEY}_{name}"


@dataclass
class Settings:
    """User preferences the window reads at start-up and keeps up to date.

    ``dataset``: the name of the data set in use (see :data:`explainer.data.DATASETS`). ``data_dir``: the
    folder of its files chosen in the app or with ``--data``; None means the data set's default (see
    :meth:`explainer.data.Dataset.directory`). ``other_data_dirs``: the folders chosen for the other data
    sets, by name, kept for when the app switches back to one.
    """

    dark: bool = False
    zoom: float = 1.0
    brush_size: int = BRUSH_DEFAULT
    scale_mode: str = "layer"
    data_dir: Path | None = None
    dataset: str = MNIST.name
    other_data_dirs: dict[str, Path] = field(default_factory=dict)


def load_settings(store: QSettings) -> Settings:
    """Read the settings saved by ``save_settings``; missing or damaged values fall back to defaults."""
    defaults = Settings()

    def read(key: str, default: object, kind: type) -> object:
        try:
            return store.value(key, default, type=kind)
        except (TypeError, ValueError):
            return default

    def folder(name: str) -> Path | None:
        value = read(data_dir_key(name), "", str)
        return Path(value) if isinstance(value, str) and value else None

    zoom = read("zoom", defaults.zoom, float)
    scale_mode = read("scale_mode", defaults.scale_mode, str)
    dataset = read(DATASET_KEY, defaults.dataset, str)
    dataset = dataset if isinstance(dataset, str) and dataset in DATASETS else defaults.dataset
    others = {name: path for name in DATASETS if name != dataset and (path := folder(name)) is not None}
    return Settings(
        dark=bool(read("dark", defaults.dark, bool)),
        zoom=zoom if isinstance(zoom, float) and theme.MIN_ZOOM <= zoom <= theme.MAX_ZOOM else defaults.zoom,
        brush_size=int(read("brush_size", defaults.brush_size, int)),  # type: ignore[call-overload]
        scale_mode=scale_mode if scale_mode in theme.SCALE_MODES else defaults.scale_mode,
        data_dir=folder(dataset),
        dataset=dataset,
        other_data_dirs=others,
    )


def save_settings(settings: Settings, store: QSettings) -> None:
    """Write the settings; Qt saves via a temp file and a rename, so a crash cannot corrupt them."""
    store.setValue("dark", settings.dark)
    store.setValue("zoom", settings.zoom)
    store.setValue("brush_size", settings.brush_size)
    store.setValue("scale_mode", settings.scale_mode)
    store.setValue(DATASET_KEY, settings.dataset)
    folders = {**settings.other_data_dirs, settings.dataset: settings.data_dir}
    for name in DATASETS:
        chosen = folders.get(name)
        if chosen is None:
            store.remove(data_dir_key(name))
        else:
            store.setValue(data_dir_key(name), str(chosen))
    store.sync()


@functools.lru_cache(maxsize=1)
def _cached_splits(dataset: Dataset, directory: Path, train_images: int) -> tuple[Split, Split]:
    """``dataset.splits(directory, train_images)``, kept so a second run does not decompress the files again.

    Shape:
        See :meth:`explainer.data.Dataset.splits`.
    """
    return dataset.splits(directory, train_images)


class DataSource(QObject):
    """The data set the app trains and tests on, and the folder its files are in.

    The folder is the one chosen in the app (or given with ``--data``), else the data set's default: its
    environment variable, else the shared copy (:meth:`explainer.data.Dataset.directory`). The training and
    test panels share one source, so a folder chosen in one is used by the other.

    Signals:
        sigFolderChanged(object): a folder was chosen (a ``Path``).
    """

    sigFolderChanged = Signal(object)

    def __init__(
        self, dataset: Dataset = MNIST, folder: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._folder = folder

    @property
    def dataset(self) -> Dataset:
        """The data set: input shape, class names, splits, test set, preprocessing and sample digits."""
        return self._dataset

    def folder(self) -> Path | None:
        """The folder of the files: the chosen one, else the data set's default (None if neither)."""
        return self._folder if self._folder is not None else self._dataset.directory()

    def set_folder(self, folder: Path) -> None:
        """Read the files from ``folder`` from now on."""
        self._folder = folder
        self.sigFolderChanged.emit(folder)

    def training_loader(self, train_images: int) -> Callable[[], tuple[Split, Split]] | None:
        """Loads the first ``train_images`` training images and the validation set; None without a folder.

        The loader runs on a worker thread (reading the files takes a while); see
        :meth:`explainer.data.Dataset.splits`.
        """
        folder = self.folder()
        return (
            None if folder is None else functools.partial(_cached_splits, self._dataset, folder, train_images)
        )

    def test_loader(self) -> Callable[[], Split] | None:
        """Loads the test images and labels (on a worker thread); None without a folder."""
        folder = self.folder()
        return None if folder is None else functools.partial(self._dataset.test_set, folder)


@dataclass(frozen=True)
class Target:
    """What Backward mode differentiates, chosen by the user rather than fixed to one input.

    ``kind`` "label": the cross-entropy loss against the true class ``cls``; "class": the score (logit) of
    class ``cls`` ("explain class k"). ``cls`` None means the class the network predicts for the input now,
    so the target follows the drawing.
    """

    kind: Literal["label", "class"] = "label"
    cls: int | None = None

    def resolve(self, model: Sequential, batch: np.ndarray) -> np.ndarray:
        """The target array ``model.trace`` takes for ``batch``; a class out of range means "predicted".

        Shape:
            batch: ``(1, C, H, W)``; returns ``(1,)`` int64 class indices for "label", ``(1, K)`` float32
            one-hot dL/dlogits for "class".
        """
        classes = len(model.class_names)
        cls = self.cls
        if cls is None or not 0 <= cls < classes:
            # One extra forward pass (well under a millisecond); the trace needs its target up front.
            cls = int(model.predict_proba(batch)[0].argmax())
        if self.kind == "label":
            return np.array([cls], np.int64)
        onehot = np.zeros((1, classes), np.float32)
        onehot[0, cls] = 1.0
        return onehot


def same_architecture(a: Sequential, b: Sequential) -> bool:
    """True when both networks have the same layers, shapes and class names (only the weights may differ)."""
    if a is b:
        return True
    layers_a = [(layer.name, layer.kind) for layer in a.layers]
    layers_b = [(layer.name, layer.kind) for layer in b.layers]
    return (
        tuple(a.input_shape) == tuple(b.input_shape)
        and layers_a == layers_b
        and [tuple(s) for s in a.output_shapes()] == [tuple(s) for s in b.output_shapes()]
        and [str(n) for n in a.class_names] == [str(n) for n in b.class_names]
    )


class AppState(QObject):
    """Holds the model, the data set, the canvas image, the input, the current Trace, the target and the
    settings.

    :attr:`data` is the data set the model is for (its preprocessing turns canvas images into inputs) with
    the folder of its files, which it keeps in ``settings.data_dir``; :meth:`set_dataset` changes both.

    The window has **one target**, :attr:`chosen_target`: the ``Target`` Backward mode differentiates and
    the label every page (Learn, step-through, gradient check, tour) and the status bar use, kept in Forward
    mode too. Each new input resets it to the input's known label (a gallery or test-set digit) or else to
    "predicted", so a label picked for one digit never sticks to the next drawing.

    Signals (emitted synchronously, in this order when an input arrives):
        sigModelChanged(model): a new ``Sequential`` is in use.
        sigInputChanged(x): the network input changed; ``(H, W)`` float32 in [0, 1], or None when blank.
        sigChosenTargetChanged(target): :attr:`chosen_target` changed (a ``Target``), before the re-trace.
        sigTargetChanged(target): the target changed (None, a ``Target`` or an array), before the re-trace.
        sigTraceChanged(trace): the ``Trace`` of the current input, or None when there is no input.
        sigDataChanged(data): a new :attr:`data` (another data set) or a folder chosen for its files.

    Shape:
        image: ``(H, W)`` float in [0, 1] or uint8, ink bright on dark (what the canvas holds).
        input: ``(H, W)`` float32 in [0, 1], the model's input size (``(28, 28)`` for MNIST).
        target: None (forward only), a ``Target`` rule resolved for every input, ``(1,)`` class indices,
            or ``(1, K)`` explicit dL/dlogits.
    """

    sigModelChanged = Signal(object)
    sigInputChanged = Signal(object)
    sigChosenTargetChanged = Signal(object)
    sigTargetChanged = Signal(object)
    sigTraceChanged = Signal(object)
    sigDataChanged = Signal(object)

    def __init__(
        self,
        model: Sequential,
        settings: Settings | None = None,
        parent: QObject | None = None,
        *,
        dataset: Dataset | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._image: np.ndarray | None = None
        self._input: np.ndarray | None = None
        self._trace: Trace | None = None
        self._target: Target | np.ndarray | None = None
        self._chosen = Target()
        self.settings = settings if settings is not None else Settings()
        if dataset is None:
            dataset = dataset_named(self.settings.dataset)
        self.settings.dataset = dataset.name
        self.data = self._source(dataset)

    def _source(self, dataset: Dataset) -> DataSource:
        """A data source for ``dataset`` reading from the folder the settings keep for it."""
        data = DataSource(dataset, self.settings.data_dir, self)
        data.sigFolderChanged.connect(self._remember_folder)
        return data

    def _remember_folder(self, folder: Path) -> None:
        """Keep the chosen folder in the settings, which are saved when the app quits."""
        self.settings.data_dir = folder
        self.sigDataChanged.emit(self.data)

    def set_dataset(self, dataset: Dataset, model: Sequential) -> None:
        """Use ``dataset`` (its files, classes and preprocessing) and ``model``, a network for it, from now
        on; the canvas image is preprocessed again the new data set's way.

        The folder chosen for the old data set is kept in the settings for when it comes back. A new
        :class:`DataSource` (not the old one changed) tells the pages that the data set changed.
        """
        settings = self.settings
        if dataset != self.dataset:
            # Your own images live in their own folder (Dataset.location): no folder to remember for them.
            if settings.data_dir is not None and self.dataset.location is None:
                settings.other_data_dirs[settings.dataset] = settings.data_dir
            own = dataset.location is not None
            settings.data_dir = None if own else settings.other_data_dirs.pop(dataset.name, None)
            settings.dataset = dataset.name
            self.data.sigFolderChanged.disconnect(self._remember_folder)
            self.data = self._source(dataset)
            self.sigDataChanged.emit(self.data)
        # The old input may not fit the new model; it is made again below, the new data set's way.
        self.set_input(None)
        self.set_model(model)
        self.set_image(self._image)

    @property
    def dataset(self) -> Dataset:
        """The data set the model is for."""
        return self.data.dataset

    @property
    def model(self) -> Sequential:
        """The network in use."""
        return self._model

    @property
    def image(self) -> np.ndarray | None:
        """The last canvas image given to ``set_image`` (None before any)."""
        return self._image

    @property
    def input(self) -> np.ndarray | None:
        """The preprocessed ``(H, W)`` network input, or None when the canvas is blank."""
        return self._input

    @property
    def trace(self) -> Trace | None:
        """The Trace of the current input, or None when there is no input."""
        return self._trace

    @property
    def target(self) -> Target | np.ndarray | None:
        """The target as set: None (forward only), a ``Target`` rule, or a fixed target array."""
        return self._target

    @property
    def chosen_target(self) -> Target:
        """The window's one target (also in Forward mode, where nothing is differentiated)."""
        return self._chosen

    @property
    def label(self) -> int | None:
        """The true label the chosen target names, or None ("predicted", or a class score is explained)."""
        chosen = self._chosen
        return chosen.cls if chosen.kind == "label" else None

    def choose_target(self, target: Target) -> None:
        """Make ``target`` the window's one target; in Backward mode trace against it now."""
        if isinstance(self._target, Target):
            self.set_target(target)
        else:
            self._choose(target)

    def _choose(self, target: Target) -> bool:
        """Store the chosen target and announce it; False when it was already the one."""
        if target == self._chosen:
            return False
        self._chosen = target
        self.sigChosenTargetChanged.emit(target)
        return True

    def set_model(self, model: Sequential) -> None:
        """Use ``model`` from now on and re-trace the current input with it (resampled to its input size
        when that differs)."""
        self._model = model
        if self._input is not None and self._input.shape != model.input_shape[1:]:
            image = self._image
            source = self.dataset.preprocess(image) if image is not None else self._input
            self._input = self._fitted(source)
            self.sigInputChanged.emit(self._input)
        self.sigModelChanged.emit(model)
        self.retrace()

    def _fitted(self, x: np.ndarray) -> np.ndarray:
        """A preprocessed input at the model's input size (a 28x28 drawing for a 32x32 network).

        Shape:
            x: ``(h, w)``; returns ``model.input_shape[1:]``.
        """
        size = self._model.input_shape[1:]
        return x if x.shape == size else resize_input(x, size)

    def set_image(self, image: np.ndarray | None, label: int | None = None) -> None:
        """Preprocess a canvas image into the network input and trace it; blank or None clears the input.

        ``label``: the digit's known class (a gallery digit), which a new input makes the chosen target.

        Shape:
            ``image``: ``(H, W)`` float in [0, 1] or uint8 in [0, 255], ink bright on dark.
        """
        self._image = image
        x = None if image is None else self._fitted(self.dataset.preprocess(image))
        # Preprocessing returns zeros for a blank (or nearly blank, e.g. erased) image: that is no input.
        self.set_input(x if x is not None and x.any() else None, label)

    def set_input(self, x: np.ndarray | None, label: int | None = None) -> None:
        """Use ``x`` as the network input and trace it; an input equal to the current one changes nothing.

        A new input resets the chosen target's class to ``label`` (None: "predicted"), keeping its kind.

        Shape:
            ``x``: ``(H, W)`` float32 in [0, 1], or None for no input; another size is resampled to the
            model's.
        """
        x = None if x is None else np.asarray(x, np.float32)
        if x is not None and x.ndim == 2 and x.size:
            x = self._fitted(x)
        if x is not None and x.shape != self._model.input_shape[1:]:
            raise bad_input(
                "the input must be one {size} image, got an array of shape {shape}",
                size="x".join(map(str, self._model.input_shape[1:])),
                shape=str(x.shape),
            )
        if _same(x, self._input):
            return
        self._input = x
        self.sigInputChanged.emit(x)
        chosen = Target(self._chosen.kind, None if label is None else int(label))
        if self._choose(chosen) and isinstance(self._target, Target):
            self._target = chosen
            self.sigTargetChanged.emit(chosen)
        self.retrace()

    def set_target(self, target: Target | np.ndarray | None) -> None:
        """Trace with ``target`` from now on (None: forward only, no gradients) and re-trace.

        Shape:
            an array target is ``(1,)`` class indices or ``(1, K)`` dL/dlogits.
        """
        self._target = target if target is None or isinstance(target, Target) else np.asarray(target)
        if isinstance(target, Target):
            self._choose(target)
        self.sigTargetChanged.emit(self._target)
        self.retrace()

    def retrace(self) -> None:
        """Recompute the Trace of the current input with the current model and target, and announce it."""
        if self._input is None:
            self._trace = None
        else:
            batch = self._input.reshape((1, *self._model.input_shape))
            target = self._target
            if isinstance(target, Target):
                target = target.resolve(self._model, batch)
            self._trace = self._model.trace(batch, target)
        self.sigTraceChanged.emit(self._trace)


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """True when both are None or both are arrays with equal values."""
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the signals of ``objects`` while syncing them (from the state, or several controls at once),
    so the changes do not echo back."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous, strict=True):
            obj.blockSignals(was_blocked)
