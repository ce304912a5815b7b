"""SQLite's quick_check of a competition file: a damaged file is refused, never read into an
answer nor written to. Run at opening, or alongside a command that only reads.

Alongside: on a connection of its own, in a thread. Python's sqlite3 module lets go of the
GIL while SQLite works, so on a second core the check (~13 ms at 10,000 contestants, a
tenth of ``ranking --json``, issue 18) runs while the command reads and ranks. The store
waits for it before any write and when it closes, and such a command answers only after
closing (database.py ``Store.checked``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from ..errors import RefusedError
from ..messages import register

register({
    "file_damaged": (
        "{path} 未通过完整性检查（{detail}）：请用“备份”恢复最近的完好备份",
        "{path} failed its integrity check ({detail}): restore the latest good backup",
    ),
})


def quick_check(db, path: Path) -> RefusedError | None:
    """The refusal SQLite's quick_check of ``db`` calls for, or None when the file is whole."""
    problems = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    if problems == ["ok"]:
        return None
    return RefusedError("file_damaged", path=str(path), detail="; ".join(problems[:3]))


class CheckAlongside:
    """``quick_check`` on a connection from ``connect``, started now; ``wait`` gives what it
    found: None, the refusal, or the exception it met (the caller words that one)."""

    def __init__(self, connect: Callable, path: Path):
        self._outcome: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(connect, path), name="quick_check", daemon=True)
        self._thread.start()

    def _run(self, connect: Callable, path: Path) -> None:
        try:
            db = connect()
            try:
                self._outcome = quick_check(db, path)
            finally:
                db.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that waits, which raises it
            self._outcome = exc

    def wait(self) -> BaseException | None:
        self._thread.join()
        return self._outcome
