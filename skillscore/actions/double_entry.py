"""Double entry (复核): each paper mark typed twice, by different operators (issue 7).

With double entry on, a typed theory or practical mark is kept as pass 1 (entry) or
pass 2 (check) in ``mark_entries``; only when both passes agree does the mark reach
``marks`` and count. Disagreements wait for the chief judge, who settles each with the
paper in hand (PIN). Mixed into ``Competition``.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import RefusedError
from ..messages import register
from ..rules.marks import format_mark, parse_mark

register(
    {
        "double_entry_same_operator": (
            "复核须由另一位录入员完成：编号 {no} 的{field}已由 {operator} 录入",
            "The check must be typed by another operator: {operator} already entered {field} of {no}",
        ),
        "double_entry_off": ("本文件未启用复核（双人录入）", "Double entry is not enabled in this file"),
        "finalize_unconfirmed": (
            "不能定稿：{count} 项成绩两次录入尚未一致（{items}），请裁判长对照原始成绩单裁定",
            "Cannot finalise: {count} mark(s) not yet confirmed by a matching second entry ({items}); "
            "the chief judge settles them with the paper sheet",
        ),
    }
)

FIELD_WORDS = {"theory": ("理论知识", "theory"), "practical": ("技能操作", "practical")}


class PendingMark(NamedTuple):
    """A mark double entry does not count yet: typed in one pass only, or in both with different values."""

    no: str
    field: str
    first: str | None  # stored text ('85.50', 'absent') or None when not typed
    first_operator: str | None
    second: str | None
    second_operator: str | None

    @property
    def disagrees(self) -> bool:
        return self.first is not None and self.second is not None and self.first != self.second


class DoubleEntryMixin:
    # Whether the file is typed twice (``double_entry``) is in opened.py: the first frame reads it.
    def _record_passes(self, updates: dict[str, dict[str, str | None]], pass_no: int) -> dict[str, dict[str, str | None]]:
        """Keep the typed marks as one pass; return the marks both passes now agree on.

        Runs inside the caller's transaction. A status goes straight through: it is not
        a number typed from a mark sheet.
        """
        agreed: dict[str, dict[str, str | None]] = {}
        other = 2 if pass_no == 1 else 1
        for no, fields in updates.items():
            for field, value in fields.items():
                if field not in FIELD_WORDS:
                    agreed.setdefault(no, {})[field] = value
                    continue
                row = self.store.db.execute(
                    "SELECT value, operator FROM mark_entries WHERE no=? AND field=? AND pass=?", [no, field, other]
                ).fetchone()
                if row and row[1] == self.operator:
                    raise RefusedError("double_entry_same_operator", no=no, field=FIELD_WORDS[field][0], operator=row[1])
                self.store.db.execute(
                    "INSERT OR REPLACE INTO mark_entries(no, field, pass, value, operator, at) VALUES (?,?,?,?,?,?)",
                    [no, field, pass_no, value, self.operator, self._stamp()],
                )
                self._audit("mark_entry", subject=no, field=field, new=value, reason=f"pass={pass_no}")
                # Agreement confirms the mark; disagreement (or a missing pass) means it
                # does not count until settled, so a previously confirmed value is withdrawn.
                agreed.setdefault(no, {})[field] = value if row and row[0] == value else None
        return agreed

    def confirmation_note(self, no: str, field: str) -> str | None:
        rows = dict(self.store.db.execute(
            "SELECT pass, operator FROM mark_entries WHERE no=? AND field=?", [no, field]).fetchall())
        if 1 in rows and 2 in rows:
            return f"复核一致：录入 {rows[1]} / 复核 {rows[2]}"
        return None

    def confirmations(self) -> list[tuple[str, str, str, str]]:
        """(no, field, who entered, who checked) for every mark both passes agree on."""
        rows = self.store.db.execute(
            "SELECT a.no, a.field, a.operator, b.operator FROM mark_entries a JOIN mark_entries b"
            " ON a.no = b.no AND a.field = b.field AND a.pass = 1 AND b.pass = 2 AND a.value IS b.value"
            " ORDER BY a.no, a.field"
        ).fetchall()
        return [tuple(r) for r in rows]

    def pending_marks(self) -> list[PendingMark]:
        """Marks typed once, or twice with different values: not counted yet."""
        rows = self.store.db.execute(
            "SELECT no, field, pass, value, operator FROM mark_entries ORDER BY no, field, pass"
        ).fetchall()
        by_mark: dict[tuple[str, str], dict[int, tuple[str, str]]] = {}
        for no, field, pass_no, value, operator in rows:
            by_mark.setdefault((no, field), {})[pass_no] = (value, operator)
        pending = []
        for (no, field), passes in by_mark.items():
            first, second = passes.get(1, (None, None)), passes.get(2, (None, None))
            if 1 in passes and 2 in passes and first[0] == second[0]:
                continue
            pending.append(PendingMark(no, field, first[0], first[1], second[0], second[1]))
        return self._shown_practical(pending)  # while sealed a practical one names its code

    def settle(self, no: str, field: str, text: str, *, pin: str) -> None:
        """The chief judge's reading of the paper sheet decides a disagreement, or a
        conflict a desk file's merge held (desk.py), with double entry on or off. While
        codes are sealed a practical mark is named by its code."""
        if field == "practical":
            no = self._practical_no(no)
        if not self.double_entry and not self.held_conflicts(no, field):
            raise RefusedError("double_entry_off")
        if self.store.db.execute("SELECT 1 FROM contestants WHERE no=?", [no]).fetchone() is None:
            raise RefusedError("contestant_unknown", no=no)  # (the write below would break a foreign key)
        self._refuse_if_finalized()
        self.check_pin(pin)
        value = format_mark(parse_mark(text))
        with self.store.transaction():
            for pass_no in (1, 2) if self.double_entry else ():
                self.store.db.execute(
                    "INSERT OR REPLACE INTO mark_entries(no, field, pass, value, operator, at) VALUES (?,?,?,?,?,?)",
                    [no, field, pass_no, value, f"裁判长（{self.operator}）", self._stamp()],
                )
            self._write_marks({no: {field: value}}, reason="裁判长对照原始成绩单裁定")
            self._release_conflicts(no, field, value)
