"""A page that runs one background job at a time on the data set (training, evaluation): how it starts.

``WorkerPage`` holds a page's one worker (a :class:`explainer.gui.jobs.StepWorker`), its data source and
the loader that may replace it, and stops the worker when the page closes (the Filters and Debiasing
pages, which wire their workers themselves). ``JobPage`` finds the job's data (the loader given with
``set_data_loader``, else the files of its :class:`~explainer.gui.state.DataSource`) and starts the worker
with its reports wired to the page. ``PausableJobPage`` adds the Pause / Resume and Stop buttons' logic
(the Train and Gradient descent pages). The threads and their shutdown are ``explainer.gui.jobs``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from explainer.gui.i18n import tr
from explainer.gui.jobs import SHUTDOWN_TIMEOUT_MS, StepWorker, stop_workers
from explainer.gui.kit.widgets import button
from explainer.gui.state import DataSource

Loader = Callable[[], Any]
"""Returns the job's data; called on the worker thread (reading the files takes a while)."""


class WorkerPage(QWidget):
    """A page running at most one worker at a time on its data source (``_data``; ``_loader``, given with
    :meth:`set_data_loader`, replaces the source's files): it keeps the worker in ``_worker`` while it runs
    and stops it when the page closes."""

    def __init__(self, data: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data if data is not None else DataSource(parent=self)
        self._worker: StepWorker | None = None
        self._loader: Loader | None = None

    def set_data_loader(self, loader: Loader | None) -> None:
        """Run the job on what ``loader()`` returns instead of the data source's files (None: the source's
        again)."""
        self._loader = loader

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


class JobPage(WorkerPage):
    """Base of the pages that run a job; subclasses make ``data_picker``, ``progress_bar`` and
    ``status_label`` and implement ``_on_progress``, ``_failure_text`` and ``_on_finished`` (called once the
    page has forgotten the finished worker)."""

    data_picker: Any
    progress_bar: QProgressBar
    status_label: QLabel

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
        worker.sigFinished.connect(self._job_finished)  # type: ignore[attr-defined]
        self._worker = worker
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(loading)
        self._show_status(status)
        worker.start()

    def _job_finished(self, result: object) -> None:
        """The job ended (its result, None when it failed): forget the worker, then ``_on_finished``."""
        self._worker = None
        self._on_finished(result)  # type: ignore[attr-defined]

    def _on_error(self, message: str) -> None:
        """The job failed with ``message``: say so on the status line, in the warning colour."""
        self._show_status(self._failure_text().format(message=message), error=True)

    def _failure_text(self) -> str:
        """What the status line says when the job fails, in the current language ({message}: why)."""
        raise NotImplementedError

    def _show_status(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the status line, in the palette's warning colour for an error."""
        role = QPalette.ColorRole.BrightText if error else QPalette.ColorRole.WindowText
        self.status_label.setForegroundRole(role)
        self.status_label.setText(text)


class PausableJobPage(JobPage):
    """A :class:`JobPage` whose job can be held, resumed and stopped from the page's own buttons.

    The page is in one of four states: "idle", "running", "paused" or "stopping" (after Stop, until the
    job ends). Subclasses lay out the row of :meth:`_job_buttons` (Start calls their ``start``), enter
    "running" when they start a job and "idle" when it ends (:meth:`_set_state`),
    and implement :meth:`_enable_settings` (what may change while idle) and :meth:`_pause_tips`; the
    ``_job_*`` hooks say on the status line what happened.
    """

    start_button: QPushButton
    pause_button: QPushButton
    stop_button: QPushButton

    def __init__(self, data: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(data, parent)
        self._state = "idle"

    def _job_buttons(self) -> QHBoxLayout:
        """Make ``start_button`` (calls ``self.start``), ``pause_button`` and ``stop_button``: a row."""
        self.start_button = button("start", self.start)  # type: ignore[attr-defined]
        self.pause_button = button("pause", self.toggle_pause)
        self.stop_button = button("stop", self.stop)
        row = QHBoxLayout()
        for control in (self.start_button, self.pause_button, self.stop_button):
            row.addWidget(control)
        return row

    def pause(self) -> None:
        """Hold the job after the step under way."""
        if self._worker is not None and self._state == "running":
            self._worker.pause()
            self._set_state("paused")
            self._job_paused()

    def resume(self) -> None:
        """Go on after :meth:`pause`."""
        if self._worker is not None and self._state == "paused":
            self._worker.resume()
            self._set_state("running")
            self._job_resumed()

    def stop(self) -> None:
        """End the job after the step under way; what it did so far stays."""
        if self._worker is not None:
            self._worker.stop()
            self._set_state("stopping")
            self._job_stopping()

    def toggle_pause(self) -> None:
        """The pause button: resume a held job, else hold it."""
        if self._state == "paused":
            self.resume()
        else:
            self.pause()

    def _set_state(self, state: str) -> None:
        """Enter ``state`` and enable the controls that make sense in it."""
        self._state = state
        self._enable_settings(state == "idle")
        self.pause_button.setEnabled(state in ("running", "paused"))
        self.stop_button.setEnabled(state in ("running", "paused"))
        self._set_pause_text()

    def _name_job_buttons(self, start_tip: str, stop_tip: str) -> None:
        """Name the Start, Pause / Resume and Stop buttons in the current language (``retranslate_ui``),
        with the tooltips of Start and Stop."""
        self.start_button.setText(tr("Start"))
        self.start_button.setToolTip(start_tip)
        self.stop_button.setText(tr("Stop"))
        self.stop_button.setToolTip(stop_tip)
        self._set_pause_text()

    def _set_pause_text(self) -> None:
        """The pause button says what it will do: Resume a held job, else Pause."""
        paused = self._state == "paused"
        resume_tip, pause_tip = self._pause_tips()
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        self.pause_button.setToolTip(resume_tip if paused else pause_tip)

    def _enable_settings(self, idle: bool) -> None:
        """Enable the start button and the settings of a job only while ``idle``."""
        raise NotImplementedError

    def _pause_tips(self) -> tuple[str, str]:
        """The pause button's tooltips in the current language: (while held, while running)."""
        raise NotImplementedError

    def _job_paused(self) -> None:
        """The job was held (after :meth:`pause`)."""

    def _job_resumed(self) -> None:
        """The job goes on (after :meth:`resume`)."""

    def _job_stopping(self) -> None:
        """The job was asked to stop (after :meth:`stop`)."""
