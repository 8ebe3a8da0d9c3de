"""The "Debiasing (DB-VAE)" lesson: which training digits are rare in the VAE's latent space, and how much
more often DB-VAE's adaptive resampling draws them (seed 002, 自适应重采样).

Every MNIST training digit is encoded by the bundled VAE; per latent dimension a histogram counts the
codes, a digit's density is the product of its bins' shares (:mod:`explainer.core.debias`), and its
resampling weight goes as 1 / (density + α). The page shows the histograms, the 32 rarest and the 32 most
common training digits with their weights as multiples of uniform sampling, and an α slider. It opens on
the bundled table (``assets/debias_mnist.npz``, :mod:`explainer.dbvae`); with the MNIST folder, Compute
encodes the training digits again in a worker, with progress.

Run alone: ``python -m explainer.gui.pages.debias``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QSlider, QVBoxLayout, QWidget

from explainer.data import MNIST
from explainer.dbvae import DEFAULT_ALPHA, RarityTable, bundled_encoder, load_rarity_table, rarity_steps
from explainer.errors import BadInputError
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, tr, translate_error
from explainer.gui.jobs import StepWorker
from explainer.gui.kit.rarity import DigitGrid, ShareHistograms
from explainer.gui.kit.widgets import button, heading, hint, label, page_column, row, translated
from explainer.gui.pages.base import run_page
from explainer.gui.pages.job import WorkerPage
from explainer.gui.state import DataSource

ALPHA_EXPONENTS = (-5.0, 0.0, 0.25)
"""The α slider: log10 α from -5 to 0 in steps of 0.25."""

_COMPUTED: dict[str, RarityTable] = {}
"""Tables computed in this session, by data folder, so opening the page again does not recompute."""


def alpha_of(position: int) -> float:
    """The α of a slider position (``10 ** (-5 + 0.25 * position)``)."""
    low, _high, step = ALPHA_EXPONENTS
    return float(10.0 ** (low + step * position))


def position_of(alpha: float) -> int:
    """The slider position nearest to ``alpha`` (> 0)."""
    low, high, step = ALPHA_EXPONENTS
    return round((min(max(math.log10(alpha), low), high) - low) / step)


class RarityWorker(StepWorker):
    """Encodes the training digits with the bundled VAE and builds their :class:`RarityTable`.

    Signals:
        sigProgress(done, total): codes computed so far.
    """

    sigProgress = Signal(int, int)

    def __init__(self, loader: Callable[[], Any], source: str) -> None:
        super().__init__()
        self._loader, self._source = loader, source

    def work(self) -> RarityTable | None:
        if self.checkpoint():
            return None
        try:
            (images, labels), _validation = self._loader()
            for done, total, table in rarity_steps(images, labels, bundled_encoder(), source=self._source):
                self.post(self.sigProgress, done, total)
                if table is not None:
                    return table
                if self.checkpoint():
                    return None
        except (BadInputError, OSError, ValueError) as error:
            self.post(self.sigError, translate_error(error))
        return None


class DebiasView(FollowsLanguage, WorkerPage):
    """The "Debiasing (DB-VAE)" page (objectName ``"debias"``): histograms, rarest and most common
    training digits with their weights, and α."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("debias")
        self._table: RarityTable | None = None
        self._computed = False
        self._error = ""
        self._build_widgets()
        self._load_bundled()
        self.retranslate_ui()

    # ----------------------------------------------------------------- public API
    def set_data_source(self, data: DataSource) -> None:
        """Compute from this source's MNIST training digits (only MNIST: the bundled VAE read digits)."""
        self._data = data
        cached = _COMPUTED.get(self._folder_key())
        if cached is not None:
            self._table, self._computed = cached, True
        self.retranslate_ui()

    def set_data_loader(self, loader: Callable[[], Any] | None) -> None:
        """Compute from ``loader()``'s ``(train, validation)`` splits (on the worker), not the source's."""
        super().set_data_loader(loader)
        self.retranslate_ui()

    def set_alpha(self, alpha: float) -> None:
        """Weigh the digits with this α (> 0; the slider's nearest step)."""
        self.alpha_slider.setValue(position_of(alpha))

    def alpha(self) -> float:
        """The α in use."""
        return alpha_of(self.alpha_slider.value())

    def table(self) -> RarityTable | None:
        """The table shown (None when there is none)."""
        return self._table

    def shown_weights(self) -> tuple[np.ndarray, np.ndarray]:
        """The weights under the rarest and the most common digits, as multiples of uniform, ``(k,)``."""
        table = self._table
        if table is None:
            return np.zeros(0), np.zeros(0)
        alpha = self.alpha()
        return table.relative_weights(table.rare_density, alpha), table.relative_weights(
            table.common_density, alpha
        )

    def compute(self) -> bool:
        """Encode the MNIST training digits in a worker; False (the reason shown) when it cannot start."""
        loader = self._job_loader()
        if loader is None or self._worker is not None:
            return False
        self._error = ""
        worker = RarityWorker(loader, self._source_text())
        worker.sigProgress.connect(self._on_progress)
        worker.sigError.connect(self._on_error)
        worker.sigFinished.connect(self._on_finished)
        self._worker = worker
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        worker.start()
        self.retranslate_ui()
        return True

    # ----------------------------------------------------------------- construction
    def _build_widgets(self) -> None:
        self.heading = translated(heading("debias_heading"), text=lambda: tr("Debiasing (DB-VAE)"))
        self.intro = translated(
            hint(),
            text=lambda: tr(
                "DB-VAE draws the training examples that are rare in the latent space more often (seed 002, "
                "adaptive resampling). The bundled VAE encodes every MNIST training digit; per latent "
                "dimension a histogram of 10 bins counts the codes. A digit's density is the share of the "
                "codes in its bin of z₁ times the share in its bin of z₂, and it is drawn with probability "
                "∝ 1 / (density + α), normalised over all digits. A small α favours the rare digits "
                "strongly; a large α samples almost uniformly."
            ),
        )
        self.alpha_label = label("debias_alpha_label")
        self.alpha_slider = QSlider(Qt.Orientation.Horizontal)
        self.alpha_slider.setObjectName("debias_alpha")
        low, high, step = ALPHA_EXPONENTS
        self.alpha_slider.setRange(0, round((high - low) / step))
        self.alpha_slider.setValue(position_of(DEFAULT_ALPHA))
        self.alpha_slider.setMinimumWidth(theme.px(200))
        self.alpha_slider.valueChanged.connect(self._show_weights)
        self.compute_button = translated(
            button("debias_compute", self.compute),
            text=lambda: tr("Compute from the training digits"),
            tip=lambda: tr(
                "Encode the {name} training digits with the bundled VAE again (about half a minute)"
            ).format(name=MNIST.name),
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("debias_progress")
        self.progress_bar.hide()
        controls = row(self.alpha_label, self.alpha_slider, self.compute_button, self.progress_bar)
        self.source_label = hint()
        self.source_label.setObjectName("debias_source")
        self.histograms = ShareHistograms()
        self.rare_title = translated(
            heading("debias_rare_title"), text=lambda: tr("The 32 rarest training digits: drawn most often")
        )
        self.common_title = translated(
            heading("debias_common_title"),
            text=lambda: tr("The 32 most common training digits: drawn least often"),
        )
        self.rare_grid, self.common_grid = DigitGrid("debias_rare"), DigitGrid("debias_common")
        grids = QHBoxLayout()
        grids.setSpacing(theme.px(theme.COLUMN_GAP_PX))
        for title, grid in ((self.rare_title, self.rare_grid), (self.common_title, self.common_grid)):
            title.setWordWrap(True)
            half = QVBoxLayout()
            half.addWidget(title)
            half.addWidget(grid, 1)
            grids.addLayout(half, 1)
        self.summary = hint()
        self.summary.setObjectName("debias_summary")
        column = page_column(
            self,
            self.heading,
            self.intro,
            controls,
            self.source_label,
            self.histograms,
            grids,
            self.summary,
            stretch=5,
        )
        column.setStretch(4, 1)

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self.compute_button.setEnabled(self._worker is None and self._can_compute())
        self.source_label.setText(self._source_status())
        self._show_table()

    # ----------------------------------------------------------------- showing
    def _load_bundled(self) -> None:
        try:
            self._table = load_rarity_table()
        except BadInputError as error:
            self._table, self._error = None, translate_error(error)

    def _show_table(self) -> None:
        table = self._table
        if table is None:
            self.histograms.set_histograms(np.zeros((0, 1)), np.zeros((0, 2)), [])
            self._show_weights()
            return
        titles = [
            tr("z{j}: share of the codes in each bin").format(j=theme.subscript(str(j + 1)))
            for j in range(len(table.shares))
        ]
        self.histograms.set_histograms(table.shares, table.edges, titles)
        self._show_weights()

    def _show_weights(self) -> None:
        """Captions (the weight of each digit), tooltips and the summary for the α in use."""
        alpha = self.alpha()
        self.alpha_label.setText(tr("α = {alpha}").format(alpha=theme.format_significant(alpha, 2)))
        table = self._table
        if table is None:
            for grid in (self.rare_grid, self.common_grid):
                grid.set_digits(np.zeros((0, 28, 28), np.uint8), [], [])
            self.summary.setText("")
            return
        rare, common = self.shown_weights()
        for grid, images, labels, indices, density, weights in (
            (
                self.rare_grid,
                table.rare_images,
                table.rare_labels,
                table.rare_indices,
                table.rare_density,
                rare,
            ),
            (
                self.common_grid,
                table.common_images,
                table.common_labels,
                table.common_indices,
                table.common_density,
                common,
            ),
        ):
            captions = [f"×{_multiple(weight)}" for weight in weights]
            tooltips = [
                tr(
                    "Training digit {index:,} (a {label}): density {density}, drawn with probability "
                    "{probability} per draw, {times} times as often as in uniform sampling"
                ).format(
                    index=int(index) + 1,
                    label=int(label),
                    density=theme.format_significant(float(dens), 3),
                    probability=theme.format_significant(float(weight) / table.count, 3),
                    times=_multiple(weight),
                )
                for index, label, dens, weight in zip(indices, labels, density, weights, strict=True)
            ]
            grid.set_digits(images, captions, tooltips)
        self.summary.setText(
            tr(
                "Under each digit: how many times as often as in uniform sampling it is drawn (×1: as "
                "often). With α = {alpha}, the rarest digit is drawn ×{rare} as often and the most common "
                "×{common}; the 32 rarest of the {count:,} digits together get {rare_share} of all draws "
                "(uniform: {uniform_share})."
            ).format(
                alpha=theme.format_significant(alpha, 2),
                rare=_multiple(float(rare[0])),
                common=_multiple(float(common[0])),
                count=table.count,
                rare_share=f"{rare.sum() / table.count:.2%}",
                uniform_share=f"{len(rare) / table.count:.3%}",
            )
        )

    def _source_status(self) -> str:
        """What the table shown is, and what Compute would do."""
        if self._worker is not None:
            return tr("Encoding the {name} training digits with the bundled VAE…").format(name=MNIST.name)
        if self._table is None:
            return tr("No table to show: {why}").format(why=self._error)
        table = self._table
        if self._computed:
            shown = tr("Shown: computed in this session from {count:,} {name} training digits.")
        else:
            shown = tr("Shown: the bundled table, from {count:,} {name} training digits and the bundled VAE.")
        shown = shown.format(count=table.count, name=MNIST.name)
        if self._error:
            shown += " " + tr("Could not compute: {why}").format(why=self._error)
        if self._data.dataset != MNIST:
            shown += " " + tr(
                "The bundled VAE was trained on MNIST digits, so this lesson shows MNIST whatever the data "
                "set in use."
            )
        elif not self._can_compute():
            shown += " " + tr("To compute it yourself, choose the MNIST folder in Train or Test set.")
        return shown

    # ----------------------------------------------------------------- the job
    def _can_compute(self) -> bool:
        return self._loader is not None or (self._data.dataset == MNIST and self._data.folder() is not None)

    def _job_loader(self) -> Callable[[], Any] | None:
        if self._loader is not None:
            return self._loader
        if not self._can_compute():
            return None
        return self._data.training_loader(MNIST.max_training_images)

    def _folder_key(self) -> str:
        folder = self._data.folder() if self._data.dataset == MNIST else None
        return "" if folder is None else str(folder)

    def _source_text(self) -> str:
        return f"{MNIST.name} training digits in {self._folder_key() or 'the given data'}, bundled VAE"

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)

    def _on_error(self, message: str) -> None:
        self._error = message

    def _on_finished(self, table: RarityTable | None) -> None:
        self._worker = None
        self.progress_bar.hide()
        if table is not None:
            self._table, self._computed = table, True
            if self._loader is None:
                _COMPUTED[self._folder_key()] = table
        self.retranslate_ui()


def _multiple(weight: float) -> str:
    """A weight relative to uniform, to two or three significant digits: 37, 4.2, 0.25."""
    return theme.format_significant(weight, 3 if weight >= 100 else 2)


if __name__ == "__main__":
    run_page(DebiasView)
