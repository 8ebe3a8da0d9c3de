"""A page that runs one background job at a time on the data set (training, evaluation): how it starts.

``JobPage`` finds the job's data (the loader given with ``set_data_loader``, else the files of its
:class:`~explainer.gui.state.DataSource`), starts the worker (a :class:`explainer.gui.jobs.StepWorker`) with
its reports wired to the page, and stops it when the page closes. The threads and their shutdown are
``explainer.gui.jobs``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from explainer.gui.i18n import tr
from explainer.gui.jobs import SHUTDOWN_TIMEOUT_MS, StepWorker, stop_workers
from explainer.gui.state import DataSource

Loader = Callable[[], Any]
"""Returns the job's data; called on the worker thread (reading the files takes a while)."""


class JobPage(QWidget):
    """Base of the pages that run a job; subclasses make ``data_picker``, ``progress_bar`` and
    ``status_label`` and implement ``_on_progress``, ``_on_error`` and ``_on_finished`` (which starts by
    forgetting the worker: ``self._worker = None``)."""

    data_picker: Any
    progress_bar: QProgressBar
    status_label: QLabel

    def __init__(self, data: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data if data is not None else DataSource(parent=self)
        self._worker: StepWorker | None = None
        self._loader: Loader | None = None

    def worker(self) -> StepWorker | None:
        """The worker of the job under way, or None."""
        return self._worker

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop the job and wait for its thread (bounded); True when no thread runs any more."""
        return self._worker is None or stop_workers([self._worker], timeout_ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed as a window of its own: stop the job first."""
        self.shutdown()
        super().closeEvent(event)

    def _job_data(self, from_source: Loader | None) -> Loader | None:
        """The loader of ``set_data_loader``, else ``from_source`` (the data source's, None without a
        folder: the page then says so)."""
        if self._loader is not None:
            return self._loader
        if from_source is None:
            name = self._data.dataset.name
            self._show_status(
                tr("Choose the folder that holds the {name} files first.").format(name=name), error=True
            )
        return from_source

    def _start(self, worker: StepWorker, loading: str, status: str) -> None:
        """Make ``worker`` the page's job, its reports going to the page, and start it; the progress bar
        says ``loading`` until the first report, the status line ``status``."""
        worker.sigProgress.connect(self._on_progress)  # type: ignore[attr-defined]
        worker.sigError.connect(self._on_error)  # type: ignore[attr-defined]
        worker.sigFinished.connect(self._on_finished)  # type: ignore[attr-defined]
        self._worker = worker
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(loading)
        self._show_status(status)
        worker.start()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the status line, in the palette's warning colour for an error."""
        role = QPalette.ColorRole.BrightText if error else QPalette.ColorRole.WindowText
        self.status_label.setForegroundRole(role)
        self.status_label.setText(text)
