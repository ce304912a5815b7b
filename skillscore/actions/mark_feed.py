"""What changed in the marks since a point of the audit log: the desk's feed (issue 18).

Every write to the marks table is audited as "mark" (``_write_marks``) and every judge's
mark as "panel_mark", in the same transaction, so the log read from a known entry on
tells exactly which marks changed, whichever connection wrote them (the desk, a worker's
import). Other entries either change nothing the ranking reads (a value typed once in
double entry, a wrong PIN) or may change anything (roster, ties, settings, a restore...):
then the feed says so, and the reader starts again from the whole file.

Mixed into Competition (the desk reaches the file only through the facade); it reads and
writes nothing but the audit log it is given.
"""

from __future__ import annotations

from typing import NamedTuple

MARK_FIELDS = ("theory", "practical", "status")
# Entries that change no mark, roster entry, tie decision or setting.
UNRELATED = frozenset({"mark_entry", "pin_failed"})


class MarkChanges(NamedTuple):
    seen: int  # the last audit entry read
    marks: list[tuple[str, str, str | None, str | None]]  # (no, field, old, new), stored text
    panel: list[tuple[str, str, int, str | None]]  # (holder, module, judge, new score text)


class MarkFeedMixin:
    def mark_changes_since(self, seen: int, *, at_most: int = 2000) -> MarkChanges | None:
        """The mark changes logged after entry ``seen``, or None when anything else changed
        (or more than ``at_most`` entries were logged: reading everything is as cheap)."""
        return _changes(self.store.db.execute(
            "SELECT id, action, subject, field, old, new FROM audit WHERE id > ? ORDER BY id LIMIT ?",
            [seen, at_most + 1]).fetchall(), seen, at_most)


def _changes(rows, seen: int, at_most: int) -> MarkChanges | None:
    if len(rows) > at_most:
        return None
    marks, panel = [], []
    for _, action, subject, field, old, new in rows:
        if action == "mark" and field in MARK_FIELDS:
            marks.append((subject, field, old, new))
        elif action == "panel_mark":
            module, _, judge = (field or "").rpartition("/裁判")
            if not module or not judge.isdigit():
                return None
            panel.append((subject, module, int(judge), new))
        elif action not in UNRELATED:
            return None
    return MarkChanges(rows[-1][0] if rows else seen, marks, panel)
