"""One open competition file at the desk: the facade, who works it, and what changed.

Widgets never touch the database: they read through the session's cached views of the
facade and act through ``Session.do`` (ui/operations.py). After an action the session
drops its caches and emits ``changed`` with what changed, and the window refreshes the
views that show it. Typed marks keep an undo list: Ctrl+Z writes the old value back as a
new, audited change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from skillscore.actions.competition import Competition
from skillscore.errors import PinError
from skillscore.model import Contestant, Entry, Standings, TieDecision

from . import operations as ops


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]
    # The exact mark changes (no, field, old, new) when known, so the grid updates only
    # those rows instead of re-reading every mark.
    marks: tuple[tuple[str, str, str | None, str | None], ...] | None = None


def input_text(stored: str | None) -> str:
    """A stored mark or status as the text that types it again (for undo)."""
    if stored is None:
        return ""
    return "缺考" if stored == "absent" else stored


class Session(QObject):
    changed = Signal(object)  # Change
    saved = Signal(object)  # dt.datetime of the last write

    def __init__(self, comp: Competition, *, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.comp = comp
        self.demo = demo
        self.undo_stack: list[list[tuple[str, str, str | None]]] = []
        self.last_saved: dt.datetime | None = None
        self._cache: dict = {}

    @classmethod
    def open(cls, path: str | Path, *, operator: str, demo: bool = False) -> "Session":
        comp = Competition(path, operator=operator)
        comp.sleep = None  # a throttled PIN is refused with the wait, never sleeps the GUI thread
        return cls(comp, demo=demo)

    # -- reading (cached until the next change) -----------------------------------------------
    @property
    def path(self) -> Path:
        return self.comp.path

    @property
    def operator(self) -> str:
        return self.comp.operator

    def _cached(self, key: str, read):
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    def info(self):
        return self._cached("info", self.comp.info)

    def contestants(self) -> list[Contestant]:
        return self._cached("contestants", self.comp.contestants)

    def entries(self) -> dict[str, Entry]:
        return self._cached("entries", self.comp.entries)

    def standings(self) -> Standings:
        live = getattr(self.comp, "live_standings", None)  # the facade's fast path, if present
        return self._cached("standings", live or (lambda: self.comp.standings(self.info())))

    def tie_decisions(self) -> list[TieDecision]:
        return self._cached("tie_decisions", self.comp.tie_decisions)

    def admitted(self) -> dict[str, str]:
        return self._cached("admitted", self.comp.admitted)

    def finalize_blockers(self) -> list[tuple[str, dict]]:
        return self._cached("blockers", self.comp.finalize_blockers)

    def audit_entries(self):
        return self._cached("audit", self.comp.audit_entries)

    def codes_sealed(self) -> bool:
        """Practical marks go by code and results are withheld (RULES.md §12.3)."""
        return self._cached("codes_sealed", lambda: bool(self.comp.codes_sealed))

    @property
    def finalized(self) -> bool:
        return self.info().finalized

    # -- acting ------------------------------------------------------------------------------
    def do(self, op, *args, **kwargs):
        """Run one action; on success refresh whatever it changed. Errors propagate unchanged."""
        try:
            result = op(self.comp, *args, **kwargs)
        except PinError:
            self.after(frozenset())  # a wrong PIN is itself logged (and slows the next try)
            raise
        if op.changes:
            self.after(op.changes, marks=tuple(result) if op is ops.set_mark else None)
        return result

    @property
    def double_entry(self) -> bool:
        return self._cached("double_entry", lambda: bool(getattr(self.comp, "double_entry", False)))

    def pending_marks(self) -> set[tuple[str, str]]:
        """(no, field) typed in one pass only, or differently in two: not counted yet."""
        if not self.double_entry:
            return set()
        return self._cached("pending", lambda: {(p.no, p.field) for p in self.comp.pending_marks()})

    def set_mark(self, no: str, field: str, text: str, entry_pass: int = 1, *, pin: str | None = None,
                 reason: str | None = None) -> list[tuple]:
        """One typed value; saved at once and remembered for Ctrl+Z (``pin``/``reason``:
        a practical mark changed after the reveal)."""
        changes = self.do(ops.set_mark, no, field, text, entry_pass, pin=pin, reason=reason)
        if changes:
            self.undo_stack.append([(n, f, old) for n, f, old, _ in changes])
        return changes

    def set_marks(self, cells: list[tuple[str, str, str]], entry_pass: int = 1) -> list[tuple]:
        """A pasted block: every cell saved, undone together by one Ctrl+Z."""
        done: list[tuple] = []
        try:
            for no, field, text in cells:
                done.extend(ops.set_mark(self.comp, no, field, text, entry_pass))
        finally:
            if done:
                self.undo_stack.append([(n, f, old) for n, f, old, _ in done])
                self.after(ops.set_mark.changes, marks=tuple(done))
        return done

    def undo(self) -> list[tuple] | None:
        """Write back the values before the last entry: a new change in the audit log."""
        if not self.undo_stack:
            return None
        entry = self.undo_stack.pop()
        done: list[tuple] = []
        try:
            for no, field, old in reversed(entry):
                done.extend(ops.set_mark(self.comp, no, field, input_text(old)))
        except Exception:
            self.undo_stack.append(entry)  # nothing lost: the user can try again
            raise
        finally:
            if done:
                self.after(ops.set_mark.changes, marks=tuple(done))
        return done

    def after(self, kinds: frozenset[str], *, marks: tuple | None = None) -> None:
        """Something changed the file (here or in a worker's connection): refresh."""
        keep = {}
        if not kinds:  # only the log grew
            keep = {k: v for k, v in self._cache.items() if k != "audit"}
        elif kinds == {ops.MARKS}:
            keep = {k: v for k, v in self._cache.items()
                    if k in ("info", "contestants", "tie_decisions", "admitted", "double_entry")}
        self._cache = keep
        if ops.STAGE in kinds:
            self.undo_stack.clear()  # a reopened stage starts a fresh list of entries
        self.changed.emit(Change(frozenset(kinds), marks))
        if kinds:
            self.last_saved = dt.datetime.now()
            self.saved.emit(self.last_saved)

    def close(self) -> None:
        self.comp.close()
