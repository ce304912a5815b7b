"""Long work (imports, reports, exports) off the GUI thread, with a progress dialog.

SQLite connections belong to the thread that opened them, so a task that writes opens its
own ``Competition`` inside the worker (``with_competition``); the window's session then
refreshes from the file when the task reports back on the GUI thread.
"""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from skillscore.actions.competition import Competition

from . import collector


class Task(QThread):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)

    def __init__(self, fn: Callable, parent=None):
        super().__init__(parent)
        self.fn = fn
        self.result = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn(self.report)
        except BaseException as exc:  # even SystemExit: handed to the GUI thread, which shows it and
            # releases the collector (an error that reached neither signal would hold it forever)
            self.error = exc
            self.failed.emit(exc)
        else:
            self.done.emit(self.result)

    def report(self, done: int, total: int) -> None:
        self.progress.emit(int(done), int(total))


def with_competition(session, action: Callable) -> Callable:
    """A task body that opens its own connection to the session's file, in the worker
    thread. A backup it made that missed the second folder is left with the session, which
    says so once the task is over (``Session.after`` / ``tell_backup_problem``)."""

    def body(progress):
        comp = Competition(session.path, operator=session.operator)
        try:
            with comp:
                return action(comp, progress)
        finally:
            if comp.second_backup_problem is not None:
                session.worker_backup_problem = comp.second_backup_problem

    return body


_running: set[Task] = set()


def run_task(parent: QWidget, label: str, fn: Callable, *, on_done: Callable, on_error: Callable,
             show_progress: bool = True) -> Task:
    dialog = None
    if show_progress:
        dialog = QProgressDialog(label, None, 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)  # quick work finishes without a flash of a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
    # Not parented to the widget: closing a dialog must never destroy a running thread
    # (Qt aborts the program on that). The task keeps itself alive until it finishes.
    task = Task(fn)
    _running.add(task)

    def progress(done: int, total: int) -> None:
        if dialog is not None and total > 0 and shiboken6.isValid(dialog):
            dialog.setRange(0, total)
            dialog.setValue(done)

    def finish(callback, value) -> None:
        collector.release()
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
        if shiboken6.isValid(parent):  # the window that asked may have closed meanwhile
            callback(value)

    task.progress.connect(progress)
    task.done.connect(lambda result: finish(on_done, result))
    task.failed.connect(lambda exc: finish(on_error, exc))
    task.finished.connect(lambda: (_running.discard(task), task.deleteLater()))
    collector.hold()  # a collection in the worker could destroy Qt objects off this thread
    task.start()
    return task
