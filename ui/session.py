"""One open competition file at the desk: the facade, who works it, and what changed.

Widgets never touch the database: they read through the session's cached views of the
facade and act through ``Session.do`` (ui/operations.py). After an action the session
drops its caches and emits ``changed`` with what changed, and the window refreshes the
views that show it. Typed marks keep an undo list: Ctrl+Z writes the old value back as a
new, audited change.

The desk's first frame reads the file the session opened without the facade (``file``:
skillscore/actions/opened.py); the facade loads, and takes that open file over, the
first time anything else is asked (``comp``), right after that frame (issue 18).

The session holds the file for this desk (a second desk is refused) and, before each
action and every few seconds, asks whether another program (the command line) wrote it
meanwhile: then every view reads the file anew before anything is written over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import datetime as dt
import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from skillscore import __version__
from skillscore.actions.opened import OpenedFile
from skillscore.errors import PinError, SkillscoreError
from skillscore.model import Contestant, Entry, Standings, Status, TieDecision
from skillscore.rules.marks import mark_from_text
from skillscore.rules.standings import counts as standing_counts

from . import collector
from . import operations as ops
from .i18n import current_lang

if TYPE_CHECKING:
    from skillscore.actions.competition import Competition
    from skillscore.rules.panel import PanelScheme

COUNTS_KEY = "counts"
COUNT_NAMES = {"ranked", "quota", "incomplete", "unresolved", "too_few"}
# Counters kept by another build are computed afresh: its rules may differ from these.
COUNTS_FORM = f"skillscore {__version__}"


class Change(NamedTuple):
    kinds: frozenset[str]
    # The exact mark changes (no, field, old, new) when known, so the grid updates only
    # those rows instead of re-reading every mark.
    marks: tuple[tuple[str, str, str | None, str | None], ...] | None = None
    # The exact judges' marks changed (holder, module, judge, new), when known.
    panel: tuple[tuple[str, str, int, str | None], ...] | None = None


def input_text(stored: str | None) -> str:
    """A stored mark or status as the text that types it again (for undo)."""
    if stored is None:
        return ""
    return "缺考" if stored == "absent" else stored


class Session(QObject):
    changed = Signal(object)  # Change
    saved = Signal(object)  # dt.datetime of the last write
    outside = Signal()  # another program changed the file; the views were refreshed
    warning = Signal(str)  # something to tell that did not stop the action (the USB copy of a backup)

    def __init__(self, file: OpenedFile, *, demo: bool = False, parent: QObject | None = None):
        """``file``: the facade (a ``Competition``), or a file opened alone, which the facade
        takes over when first needed (``comp``)."""
        super().__init__(parent)
        # What the desk's first frame reads comes from ``file``; everything else from
        # ``comp``, which on a file opened alone is loaded after that frame (issue 18).
        self.file = file
        self._comp = None if type(file) is OpenedFile else file
        self.demo = demo
        self.worker_backup_problem = None  # a worker's connection missed the second folder
        self.undo_stack: list[list[tuple[str, str, str | None]]] = []
        self.last_saved: dt.datetime | None = None
        self._cache: dict = {}
        # The ranking kept between keystrokes, and the audit entry it has read up to.
        self._live = None  # skillscore.rules.live.LiveStandings, once ranked
        self._seen = 0
        self._live_read_at: tuple | None = None  # the file as it was when the ranking read it (Store.seen)
        self.counted_ahead = None  # skillscore.actions.counted.CountedAhead, for the first frame

    @classmethod
    def open(cls, path: str | Path, *, operator: str, demo: bool = False, check_alongside: bool = False) -> "Session":
        """``check_alongside``: the file's integrity check runs while the desk reads it; the
        opener must call ``checked`` before showing anything (MainWindow.open_file)."""
        return cls(OpenedFile(path, operator=operator, desk=True, check_alongside=check_alongside), demo=demo)

    @property
    def comp(self) -> Competition:
        """The facade, with every action; on a file the session opened, loaded and handed the
        open file the first time something beyond the first frame's reads is asked."""
        if self._comp is None:
            from skillscore.actions.competition import Competition

            self._comp = self.file = Competition.taking_over(self.file)
            self._comp.sleep = None  # a throttled PIN is refused with the wait, never sleeps the GUI thread
        return self._comp

    # -- reading (cached until the next change) -----------------------------------------------
    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def operator(self) -> str:
        return self.file.operator

    def _cached(self, key: str, read):
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    def info(self):
        return self._cached("info", self.file.info)

    def contestants(self) -> list[Contestant]:
        return self._cached("contestants", self.file.contestants)

    def entries(self) -> dict[str, Entry]:
        """Every contestant's marks (read-only: the kept ranking's own, when it is kept)."""
        if self._live is not None:
            return self._live.entries
        return self._cached("entries", self.file.entries)

    def standings(self) -> Standings:
        if self.codes_sealed():  # RULES.md §12.3: nothing ranked is shown until the reveal
            return Standings(rows=(), ranked=0, advance_quota=None, warnings=(), tie_groups=())
        if self._live is None:
            # The log's head first: a write landing meanwhile is read again, harmlessly.
            # Read through the opened file, not the facade: a file that keeps no counters
            # is ranked before the first frame, which the facade's loading would delay.
            self._seen = self.file.audit_head()
            self._live_read_at = self.file.store.seen()
            from skillscore.rules.live import LiveStandings  # loaded when first ranked (issue 18)

            self._live = LiveStandings(self.contestants(), self.file.entries(), self.info().rules,
                                       self.tie_decisions())
            self._live.span = None  # nothing to compare with: a view shows all of it
        return self._live.standings

    def standings_since(self) -> tuple[Standings, tuple[int, int]] | None:
        """(the standings before the last change, the rows [a, b) that differ) when known."""
        live = self._live
        if live is None or live.previous is None or live.span is None:
            return None
        return live.previous, live.span

    def tie_decisions(self) -> list[TieDecision]:
        return self._cached("tie_decisions", self.file.tie_decisions)

    def admitted(self) -> dict[str, str]:
        return self._cached("admitted", self.file.admitted)

    def finalize_blockers(self) -> list[tuple[str, dict]]:
        return self._cached("blockers", self.comp.finalize_blockers)

    def audit_entries(self):
        return self._cached("audit", self.comp.audit_entries)

    def draw_rows(self) -> list[tuple[str, int, int]]:
        """(unit, session, station) of the draw, empty before one (RULES.md §12.2)."""
        return self._cached("draw_rows", self.comp.draw_rows)

    def codes_sealed(self) -> bool:
        """Practical marks go by code and results are withheld (RULES.md §12.3)."""
        return self._cached("codes_sealed", lambda: bool(self.file.codes_sealed))

    def panel_scheme(self) -> PanelScheme | None:
        """The judging panel marking the practical part, or None (single marks)."""
        return self._cached("panel_scheme", self.file.panel_scheme)

    def holds_conflicts(self) -> bool:
        """A merge of desk files left conflicts for the chief judge."""
        return self._cached("holds_conflicts", self.file.holds_conflicts)

    @property
    def finalized(self) -> bool:
        return self.info().finalized

    def check_outside(self) -> bool:
        """Did another program write the file since we last looked? Then read it anew."""
        if not self.comp.sync():
            return False
        self._cache = {}
        self._live = None  # the kept ranking read the file before the other program wrote
        self.changed.emit(Change(ops.EVERYTHING))
        self.outside.emit()
        return True

    # -- acting ------------------------------------------------------------------------------
    def do(self, op, *args, **kwargs):
        """Run one action; on success refresh whatever it changed. Errors propagate unchanged."""
        self.check_outside()
        try:
            result = op(self.comp, *args, **kwargs)
        except PinError:
            self.after(frozenset())  # a wrong PIN is itself logged (and slows the next try)
            raise
        finally:
            self.tell_backup_problem()  # a refused action may have backed up first
        if op.changes:
            self.after(op.changes, marks=tuple(result) if op is ops.set_mark else None)
        return result

    def tell_backup_problem(self) -> None:
        """A backup could not be copied to the second folder (made here, or by a worker's
        own connection: ``worker_backup_problem``): said once, in the desk's language."""
        problems = [p for p in (self.comp.second_backup_problem, self.worker_backup_problem) if p]
        self.comp.second_backup_problem = self.worker_backup_problem = None
        if problems:
            self.warning.emit(problems[-1].message(current_lang()))

    @property
    def double_entry(self) -> bool:
        return self._cached("double_entry", lambda: bool(self.file.double_entry))

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
        self.check_outside()
        done: list[tuple] = []
        try:
            for no, field, text in cells:
                done.extend(ops.set_mark(self.comp, no, field, text, entry_pass))
        finally:
            if done:
                self.undo_stack.append([(n, f, old) for n, f, old, _ in done])
                self.after(ops.set_mark.changes, marks=tuple(done))
            self.tell_backup_problem()
        return done

    def undo(self) -> list[tuple] | None:
        """Write back the values before the last entry: a new change in the audit log."""
        if not self.undo_stack:
            return None
        self.check_outside()
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
            self.tell_backup_problem()
        return done

    def after(self, kinds: frozenset[str], *, marks: tuple | None = None) -> None:
        """Something changed the file (here or in a worker's connection): refresh."""
        keep = {}
        panel = None
        if not kinds:  # only the log grew
            keep = {k: v for k, v in self._cache.items() if k != "audit"}
        elif kinds == {ops.MARKS}:
            keep = {k: v for k, v in self._cache.items()
                    if k in ("info", "contestants", "tie_decisions", "admitted", "double_entry", "draw_rows")}
            if self._live is not None:
                marks, panel = self._follow_marks()
        self._cache = keep
        if kinds and kinds != {ops.MARKS}:
            self._live = None
        if ops.STAGE in kinds:
            self.undo_stack.clear()  # a reopened stage starts a fresh list of entries
        self.changed.emit(Change(frozenset(kinds), marks, panel))
        if kinds:
            self.last_saved = dt.datetime.now()
            self.saved.emit(self.last_saved)

    def _follow_marks(self):
        """Move the kept ranking by the marks the log says changed; the exact changes
        (marks, judges' marks) for the grids, or None for both when anything else changed."""
        feed = self.comp.mark_changes_since(self._seen)
        if feed is None:
            self._live = None
            return None, None
        self._seen = feed.seen
        live = self._live
        updates: dict[str, Entry] = {}
        for no, field, _old, new in feed.marks:
            value = (Status(new) if new else None) if field == "status" else mark_from_text(new)
            updates[no] = (updates.get(no) or live.entries.get(no) or Entry())._replace(**{field: value})
        collector.release_later(live.previous)  # the rows only it holds are freed between keystrokes
        live.apply(updates)
        # A grid applies a few hundred changes faster than it re-reads 10,000 rows.
        if len(feed.marks) > 500:
            return None, None
        return tuple(feed.marks), tuple(feed.panel)

    # -- the counters kept in the file for the next opening's first frame (issue 18) --------
    def kept_counts(self) -> dict | None:
        """The ranking's counters as this program last worked them out from the file as it
        is now (storage/database.py KEPT_FROM), or None: then they must be computed."""
        text = self.file.store.kept(COUNTS_KEY)
        try:
            kept = json.loads(text) if text else None
            if kept["program"] == COUNTS_FORM and set(kept["counts"]) == COUNT_NAMES:
                return kept["counts"]
        except (ValueError, TypeError, KeyError):
            pass  # written by another build: computed afresh, and kept again
        return None

    def counted(self) -> dict | None:
        """The counters SQLite counts for an individual event in the program's own marks
        (skillscore/actions/counted.py), without ranking; None: they must be ranked for.
        Counted ahead when the start began that (``counted_ahead``), else here."""
        ahead, self.counted_ahead = self.counted_ahead, None
        if self.codes_sealed():
            return None
        return self.file.counted(self.info().rules, self.tie_decisions(), ahead.result() if ahead else None)

    def keep_counts(self) -> bool:
        """Keep the counters of the ranking the desk holds, unless they are kept already, the
        ranking is withheld (sealed), or the file changed since the ranking read it."""
        if self._live is None or self._live_read_at is None or self.codes_sealed():
            return False
        counts = standing_counts(self._live.standings)
        if self.kept_counts() == counts:
            return False
        value = json.dumps({"program": COUNTS_FORM, "counts": counts}, sort_keys=True)
        return self.file.store.keep(COUNTS_KEY, value, self._live_read_at)

    def checked(self) -> None:
        """Refuse the file (RefusedError) if the integrity check run alongside found damage."""
        self.file.store.checked()

    def close(self) -> None:
        try:
            self.keep_counts()  # the next opening paints at once (issue 18)
        except (SkillscoreError, sqlite3.Error, OSError):
            pass  # only a head start for the next opening: never a reason to fail closing
        self.file.close()
