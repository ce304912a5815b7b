"""A competition file opened: the part of the facade that opens, holds and reads it.

``Competition`` (competition.py) is this class with every action mixed in. The desk's
start opens an ``OpenedFile`` alone, paints its first frame from these reads, and then
hands the open file to the facade (``Competition.taking_over``): the facade's fifteen
modules, and the rules they bring, load after the window has painted (issue 18). So this
module imports, of the actions, only the reading of stored values (stored_values.py), and
of the rules only the marks' reading; the panel's module loads for a file scored by one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import RefusedError
from ..messages import register
from ..model import Contestant, Entry, Info, TieDecision
from ..rules.marks import mark_from_text
from ..storage.database import Store
from .stored_values import READ_ERRORS, first_unreadable, read_info, read_status

if TYPE_CHECKING:
    from ..rules.panel import PanelScheme

Clock = Callable[[], dt.datetime]

register({
    # Read here (``info().finalized``), refused by every action (competition.py).
    "finalized": (
        "本阶段已定稿（第 {version} 版），成绩只读。如需修改，请裁判长撤销定稿并说明理由。",
        "This stage is finalised (version {version}) and read-only. To change it, the chief judge must reopen it with a reason.",
    ),
})


def default_operator() -> str:
    try:
        import getpass  # here: it loads the terminal module

        return os.environ.get("SKILLSCORE_OPERATOR") or getpass.getuser()
    except Exception:  # no login name (e.g. a service account): still record something
        return "unknown"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class OpenedFile:
    """One committee's file, open: its settings, roster and marks as they are now."""

    def __init__(self, path: str | Path, *, operator: str | None = None, clock: Clock | None = None,
                 desk: bool = False, check_alongside: bool = False):
        """``desk=True``: the desk's long-lived opening, which holds the file against a second
        desk and keeps its hold whatever else the process opens (system/locks.py).
        ``check_alongside``: the file's integrity check runs while the caller reads, which
        must answer only after closing (storage/integrity.py)."""
        self.path = Path(path)
        self.operator = operator or default_operator()
        self.clock = clock or _now
        self.store = Store.open(self.path, check_alongside=check_alongside)
        if desk:
            try:
                self.store.hold(self.operator)
            except BaseException:
                self.store.close()
                raise

    def close(self) -> None:
        self.store.close()

    @property
    def read_only(self) -> bool:
        """The file is on a read-only medium: it can be read, never changed."""
        return self.store.readonly

    @contextmanager
    def _stored_values(self):
        """Around reading the file's settings or marks: a value another program wrote there
        (a hand edit the program never makes: 'abc' as a mark, an unknown stage) is refused
        naming the file, the setting or contestant, and the value (stored_values.py). A
        failure no stored value explains is the program's own and goes on as it is."""
        try:
            yield
        except READ_ERRORS:
            marks = self.store.db.execute("SELECT no, theory, practical, status FROM marks ORDER BY no")
            fault = first_unreadable(self.store.all_meta(), marks)
            if fault is None:
                raise
            code, values = fault
            raise RefusedError(code, path=str(self.path), **values) from None

    # -- settings ------------------------------------------------------------------------------
    def info(self) -> Info:
        with self._stored_values():
            meta = self.store.all_meta()
            return read_info(meta, self.path, finalized=meta.get("finalized") == "1")

    @property
    def double_entry(self) -> bool:
        """Every mark is typed twice, by two clerks (double_entry.py)."""
        return self.store.meta("double_entry") == "1"

    @property
    def codes_sealed(self) -> bool:
        """Sealed and not yet revealed: practical marks go by code, rankings are withheld."""
        return bool(self.store.meta("codes_sealed_at")) and not self.store.meta("codes_revealed_at")

    def panel_scheme(self) -> PanelScheme | None:
        """The judging panel that marks the practical part (panel.py), or None: single marks."""
        text = self.store.meta("practical_scheme")
        if not text:  # most files: nothing to parse, and the panel's module stays unloaded
            return None
        from .panel import scheme_from_json

        return scheme_from_json(text)

    def holds_conflicts(self) -> bool:
        """A merge of desk files left conflicts for the chief judge (desks.py)."""
        return self.store.db.execute("SELECT EXISTS (SELECT 1 FROM desk_conflicts)").fetchone()[0] == 1

    # -- roster and marks ----------------------------------------------------------------------
    def contestants(self) -> list[Contestant]:
        return self._contestants("ORDER BY seq")

    def first_contestants(self, count: int) -> list[Contestant]:
        """The first ``count`` contestants by 编号, as the roster lists them (issue 18: the
        desk's first frame shows no more than a screenful)."""
        return self._contestants("ORDER BY no LIMIT ?", [count])

    def _contestants(self, order: str, parameters: list | None = None) -> list[Contestant]:
        rows = self.store.db.execute(
            "SELECT no, name, id_number, unit, sex, birth_date, category, union_card, team, phone, seq"
            " FROM contestants " + order, parameters).fetchall()
        return [Contestant(*r[:7], bool(r[7]), *r[8:]) for r in rows]

    def roster_size(self) -> tuple[int, int]:
        """(contestants, those of them the chief judge admitted against a rule)."""
        return self.store.db.execute(
            "SELECT (SELECT COUNT(*) FROM contestants),"
            " (SELECT COUNT(*) FROM overrides WHERE no IN (SELECT no FROM contestants))").fetchone()

    def admitted(self) -> dict[str, str]:
        return dict(self.store.db.execute("SELECT no, reason FROM overrides").fetchall())

    def entries(self) -> dict[str, Entry]:
        rows = self.store.db.execute("SELECT no, theory, practical, status FROM marks").fetchall()
        with self._stored_values():
            return {no: Entry(mark_from_text(t), mark_from_text(p), read_status(s)) for no, t, p, s in rows}

    @staticmethod
    def count_ahead(path: str | Path):
        """The counters' count of the file at ``path`` begun now, before opening it
        (counted.py ``CountedAhead``); ``counted`` takes its ``result()``."""
        from .counted import CountedAhead

        return CountedAhead(Path(path))

    def counted(self, rules, decisions: list[TieDecision], ahead=None) -> dict | None:
        """The ranking's counters as SQLite counts them (counted.py), or None where only
        ranking gives them exactly: a file that keeps none paints its first frame sooner.
        ``ahead``: a ``Tally`` counted before the file was opened here (``CountedAhead``),
        taken if nothing has been logged since."""
        from .counted import counts_from, tally

        if ahead is None or ahead.audit_head != self.audit_head():
            try:
                ahead = tally(self.store.db)
            except sqlite3.OperationalError:  # an SQLite without JSON (before 3.38), a busy file:
                return None  # only a shortcut: the ranking reads the file, and says what is wrong
        return counts_from(ahead, rules, decisions)

    def tie_decisions(self) -> list[TieDecision]:
        """The chief judge's tie decisions, in the order made (decisions.py makes them)."""
        rows = self.store.db.execute(
            "SELECT ordering, total, practical, method, reason, seed FROM tie_decisions ORDER BY id"
        ).fetchall()
        return [TieDecision(tuple(json.loads(o)), Decimal(t), Decimal(p), m, r, s) for o, t, p, m, r, s in rows]

    def audit_head(self) -> int:
        """The id of the newest audit entry (0 for none): where the desk's kept ranking
        starts following the log (mark_feed.py)."""
        return self.store.db.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
