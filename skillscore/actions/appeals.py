"""申诉与仲裁: the appeals register (RULES.md §12.4). Mixed into Competition.

An appeal is recorded by anyone (also on a finalised stage: appeals come during the
publication period); the arbitration decision needs the PIN. An upheld decision may carry
corrected marks, applied in the decision's own transaction, each audited with the
appeal's number; on a finalised stage such a decision waits for the reopen. Whether an
appeal is late is worked out when read, against the window set for its part, so a window
set after the appeal still counts.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from ..errors import RefusedError, UsageError
from ..messages import minute, register
from ..rules.appeals import DEFAULT_APPEAL_HOURS, FIRST_YEAR, LAST_YEAR, in_years, is_late, window_in_years
from ..rules.marks import format_mark, parse_mark
from .codes import CORRECTION, sitting_of

if TYPE_CHECKING:  # imported where the sheet is built (actions/codes.py, sitting_of, says why)
    from ..reports.daydata import AppealsData

PARTS = ("theory", "practical")

register({
    "appeal_part": ("部分「{value}」无效：应为 theory（理论知识）或 practical（技能操作）",
                    "part '{value}' must be theory or practical"),
    "appeal_time": ("时间「{value}」格式不对：应为 YYYY-MM-DD HH:MM", "time '{value}' is not valid: write YYYY-MM-DD HH:MM"),
    "appeal_hours": ("时限「{value}」无效：应为不小于 0 的小时数", "hours '{value}' must be a number of hours, 0 or more"),
    "appeal_time_years": ("时间「{value}」无效：年份应在 {first}–{last} 年之间",
                          "time '{value}' is not valid: the year must be {first}–{last}"),
    "appeal_hours_years": ("时限「{value}」小时过长：{ends} 之后 {value} 小时已超出 {last} 年",
                           "hours '{value}' is too long: {value} hours after {ends} runs past the year {last}"),
    "appeal_unknown": ("没有第 {id} 号申诉", "There is no appeal no. {id}"),
    "appeal_decided": ("第 {id} 号申诉已于 {at} 裁决，不能再次裁决", "Appeal no. {id} was decided on {at}"),
    "appeal_rejected_changes": ("申诉驳回时不能更正成绩", "A rejected appeal cannot change marks"),
    "appeal_reopen_first": (
        "本阶段已定稿（第 {version} 版）：带成绩更正的仲裁决定须先由裁判长撤销定稿",
        "This stage is finalised (version {version}): reopen it before a decision that corrects marks"),
    "appeal_field": ("更正的项「{value}」无效：应为 theory 或 practical", "'{value}' cannot be corrected: use theory or practical"),
    "appeal_set": ("更正写法「{value}」无效：应为 编号:项=成绩，如 A001:practical=82.5",
                   "'{value}' is not a correction: write NO:FIELD=VALUE, e.g. A001:practical=82.5"),
    # One message per field: a Chinese field name passed into the English sentence read
    # "申诉人 is required" under --lang en.
    "appeal_empty_by": ("请填写申诉人", "Who filed the appeal is required"),
    "appeal_empty_subject": ("请填写申诉事由", "The subject of the appeal is required"),
    "appeal_line_by": ("申诉人须为一行文字（不含换行等控制字符）", "Who filed the appeal must be one line of text"),
    "appeal_empty_no": ("请填写申诉的编号（团体项目可填团队名称）",
                        "The number of the contestant appealing is required (or the team name)"),
    "appeal_change_blank": ("{no} 的更正没有填写新成绩：申诉成立时，请填写更正后的成绩（或“缺考”）",
                            "The correction of {no} gives no new mark: an upheld appeal writes the corrected mark "
                            "(or 缺考)"),
    "appeal_change_twice": ("{no} 的同一项更正填写了两次：每项只能更正一次",
                            "{no} has the same part corrected twice: correct each part once"),
})


class Appeal(NamedTuple):
    """One appeal of the register as read: who appealed and when, whether late, the decision, the marks it changed."""

    id: int
    no: str  # the 编号, or the team name in the team event
    by: str
    subject: str
    part: str
    received: str  # YYYY-MM-DD HH:MM
    late: bool
    decision: str | None
    reason: str | None
    decided_at: str | None
    decided_by: str | None
    # (no, field, old, new); while sealed a practical change's marks read None: the appeal
    # names a person, and no mark is shown beside a person until the reveal.
    changes: tuple[tuple[str, str, str | None, str | None], ...]


def parse_time(text: str | dt.datetime) -> dt.datetime:
    """A wall-clock time, minutes (the zone dropped: windows and appeals are one venue's)."""
    if isinstance(text, dt.datetime):
        value = text
    else:
        try:
            value = dt.datetime.fromisoformat(str(text).strip())
        except ValueError:
            raise UsageError("appeal_time", value=text) from None
    return value.replace(tzinfo=None, second=0, microsecond=0)


def input_time(text: str | dt.datetime) -> dt.datetime:
    """A time typed (or the clock's): parse_time, and in the years an appeal can be.
    Checked before anything is written: a stored "1-01-01 00:00" broke every later read."""
    value = parse_time(text)
    if not in_years(value):
        raise UsageError("appeal_time_years", value=text if isinstance(text, str) else time_stamp(value),
                         first=FIRST_YEAR, last=LAST_YEAR)
    return value


def stored_time(text: str) -> dt.datetime:
    """A time as stored. Files written before input_time may hold a year below 1000 without
    its zeros ("1-01-01 00:00"): read it rather than lock the register for good."""
    year, dash, rest = text.partition("-")
    return parse_time(year.zfill(4) + dash + rest)


def time_stamp(value: dt.datetime) -> str:
    return f"{value.year:04d}-{value:%m-%d %H:%M}"  # %Y leaves a year below 1000 unpadded


def window_value(ends: str | dt.datetime, hours) -> str:
    """The window as stored, every check passed first."""
    try:
        number = Decimal(str(hours))
    except InvalidOperation:
        raise UsageError("appeal_hours", value=hours) from None
    if not number.is_finite() or number < 0:
        raise UsageError("appeal_hours", value=number)
    end = input_time(ends)
    # A window is compared with every appeal of its part when the register is read:
    # one that ends past the calendar broke each read (and the sheet).
    if not window_in_years(end, number):
        raise UsageError("appeal_hours_years", value=hours, ends=time_stamp(end), last=LAST_YEAR)
    return json.dumps({"ends": time_stamp(end), "hours": str(number)}, ensure_ascii=False)


def parse_correction(text: str) -> tuple[str, str, str]:
    """'A001:practical=82.5' → ('A001', 'practical', '82.5')."""
    key, _, rest = text.partition(":")
    field, eq, value = rest.partition("=")
    if not key.strip() or not eq or field.strip() not in PARTS:
        raise UsageError("appeal_set" if field.strip() in PARTS or not eq else "appeal_field",
                         value=text if field.strip() in PARTS or not eq else field)
    return key.strip(), field.strip(), value.strip()


class AppealsMixin:
    # -- the window --------------------------------------------------------------------------------
    def set_appeal_window(self, part: str, ends: str | dt.datetime, *, hours=DEFAULT_APPEAL_HOURS) -> None:
        """The end of the part, and how many hours after it appeals are in time."""
        if part not in PARTS:
            raise UsageError("appeal_part", value=part)
        value = window_value(ends, hours)
        self.check_location()
        with self.store.transaction():
            key = f"appeal_window_{part}"
            old = self.store.meta(key)
            self.store.set_meta(key, value)
            self._audit("appeal_window", field=part, old=old, new=value)
        self._changed()

    def appeal_windows(self) -> dict[str, tuple[dt.datetime, Decimal]]:
        windows = {}
        for part in PARTS:
            raw = self.store.meta(f"appeal_window_{part}")
            if raw:
                data = json.loads(raw)
                windows[part] = (stored_time(data["ends"]), Decimal(data["hours"]))
        return windows

    def appeal_late(self, part: str, received: str | dt.datetime) -> bool:
        """Whether an appeal on ``part`` received then is late; the time is checked as
        add_appeal checks it, so a caller can work this out before recording."""
        window = self.appeal_windows().get(part)
        return window is not None and is_late(input_time(received), *window)

    # -- recording -----------------------------------------------------------------------------------
    def _appeal_unit(self, no: str) -> str:
        team = self.info().rules.team_size > 1
        # The team name only in the team event: in the individual event every contestant's
        # team is "", so an empty --no matched the first contestant and recorded the appeal
        # against them.
        if team:
            row = self.store.db.execute("SELECT no, team FROM contestants WHERE no=? OR team=? LIMIT 1",
                                        [no, no]).fetchone()
        else:
            row = self.store.db.execute("SELECT no, team FROM contestants WHERE no=?", [no]).fetchone()
        if row is None:
            raise RefusedError("contestant_unknown", no=no)
        return row[1] if team else row[0]

    def add_appeal(self, no: str, *, by: str, subject: str, part: str = "practical",
                   received: str | dt.datetime | None = None) -> int:
        if part not in PARTS:
            raise UsageError("appeal_part", value=part)
        for code, text in (("appeal_empty_no", no), ("appeal_empty_by", by), ("appeal_empty_subject", subject)):
            if not (text or "").strip():
                raise UsageError(code)
        if any(ch < " " or ch == "\x7f" for ch in by):
            # One line, as the desk's field takes it (the subject may have several).
            raise UsageError("appeal_line_by")
        unit = self._appeal_unit(no)
        at = time_stamp(input_time(received if received is not None else self.clock()))
        self.check_location()
        with self.store.transaction():
            cursor = self.store.db.execute(
                "INSERT INTO appeals(unit, by, subject, part, received) VALUES (?,?,?,?,?)",
                [unit, by.strip(), subject.strip(), part, at])
            appeal_id = cursor.lastrowid
            self._audit("appeal_add", subject=unit, field=part, new={"id": appeal_id, "by": by.strip(),
                                                                      "subject": subject.strip(), "received": at})
        self._changed()
        return appeal_id

    # -- deciding ------------------------------------------------------------------------------------
    def _correction_updates(self, changes, info) -> dict[str, dict[str, str | None]]:
        updates: dict[str, dict[str, str | None]] = {}
        seen: set[tuple[str, str]] = set()
        for key, field, text in changes:
            if field not in PARTS:
                raise UsageError("appeal_field", value=field)
            if (key, field) in seen:  # the last would have won, silently
                raise RefusedError("appeal_change_twice", no=key)
            seen.add((key, field))
            no = self._practical_no(key) if field == "practical" else key
            found = self.store.db.execute("SELECT team FROM contestants WHERE no=?", [no]).fetchone()
            if found is None:
                raise RefusedError("contestant_unknown", no=key)
            stored = format_mark(parse_mark(text))
            if stored is None:  # a blank cell in the decision erased the mark, unasked
                raise RefusedError("appeal_change_blank", no=key)
            if field == "practical" and stored not in (None, "absent") and self.panel_scheme():
                raise RefusedError("panel_practical_direct", no=key)
            targets = [no]
            if field == "practical" and info.rules.team_size > 1:
                targets = [r[0] for r in self.store.db.execute("SELECT no FROM contestants WHERE team=?", [found[0]])]
            for target in targets:
                updates.setdefault(target, {})[field] = stored
        return updates

    def decide_appeal(self, appeal_id: int, *, upheld: bool, reason: str, pin: str,
                      changes: list[tuple[str, str, str]] = ()) -> list[tuple]:
        """The arbitration decision; ``changes`` (key, field, text) only when upheld."""
        reason = self._need_reason(reason)
        row = None
        if -2 ** 63 <= appeal_id < 2 ** 63:  # past SQLite's 64-bit INTEGER no appeal can be (nor be looked up)
            row = self.store.db.execute("SELECT decision, decided_at FROM appeals WHERE id=?", [appeal_id]).fetchone()
        if row is None:
            raise RefusedError("appeal_unknown", id=appeal_id)
        if row[0]:
            raise RefusedError("appeal_decided", id=appeal_id, at=minute(row[1]))
        if changes and not upheld:
            raise RefusedError("appeal_rejected_changes")
        info = self.info()
        if changes and info.finalized:
            raise RefusedError("appeal_reopen_first", version=info.version)
        self.check_location()
        self.check_pin(pin)
        updates = self._correction_updates(changes, info)
        decision = "upheld" if upheld else "rejected"
        if updates:
            self.backup("before-import")
        with self.store.transaction():
            with self._correcting(f"申诉 {appeal_id}：{reason}", appeal_id) as note:
                if self.double_entry:  # both passes take the decided value, as when the chief judge settles
                    for no, fields in updates.items():
                        for field, value in fields.items():
                            for pass_no in (1, 2):
                                self.store.db.execute(
                                    "INSERT OR REPLACE INTO mark_entries(no, field, pass, value, operator, at)"
                                    " VALUES (?,?,?,?,?,?)",
                                    [no, field, pass_no, value, f"仲裁（{self.operator}）", self._stamp()])
                written = self._write_marks(updates, reason=note)
            self.store.db.conn.executemany(
                "INSERT OR REPLACE INTO appeal_changes(appeal_id, no, field, old, new) VALUES (?,?,?,?,?)",
                [(appeal_id, no, field, old, new) for no, field, old, new in written])
            self.store.db.execute("UPDATE appeals SET decision=?, reason=?, decided_at=?, decided_by=? WHERE id=?",
                                  [decision, reason, self._stamp(), self.operator, appeal_id])
            self._audit("appeal_decide", subject=str(appeal_id), field=decision, reason=reason,
                        new={"changes": len(written)})
        self._changed()
        return self._shown_practical(written)

    # -- reading -------------------------------------------------------------------------------------
    def appeals(self) -> list[Appeal]:
        windows, sealed = self.appeal_windows(), self.codes_sealed
        changes: dict[int, list[tuple]] = {}
        for appeal_id, no, field, old, new in self.store.db.execute(
                "SELECT appeal_id, no, field, old, new FROM appeal_changes ORDER BY appeal_id, no, field"):
            hidden = sealed and field == "practical"
            changes.setdefault(appeal_id, []).append((no, field, None if hidden else old, None if hidden else new))
        result = []
        for r in self.store.db.execute("SELECT id, unit, by, subject, part, received, decision, reason, decided_at,"
                                       " decided_by FROM appeals ORDER BY id").fetchall():
            window = windows.get(r[4])
            late = window is not None and is_late(stored_time(r[5]), window[0], window[1])
            result.append(Appeal(r[0], r[1], r[2], r[3], r[4], r[5], late, *r[6:], tuple(changes.get(r[0], []))))
        return result

    def corrections(self) -> list:
        """Practical marks changed after the reveal outside an appeal (PIN and reason)."""
        return self._shown_audit([e for e in self.store.audit_entries() if e.action == "practical_correction"])

    def appeals_sheet_data(self) -> AppealsData:
        """The 申诉处理登记表 for ``write_report(data, "appeals", …)``."""
        from ..reports.daydata import AppealEntry, AppealsData, MarkChange

        info = self.info()
        team = info.rules.team_size > 1
        names = {} if team else dict(self.store.db.execute("SELECT no, name FROM contestants"))
        entries = [AppealEntry(a.id, a.no, a.by, a.received, a.late, a.subject, a.part, names.get(a.no, ""),
                               a.decision, a.reason or "", tuple(MarkChange(*c) for c in a.changes))
                   for a in self.appeals()]
        # Corrections exist only after the reveal: nothing to hide any more.
        fixes = [AppealEntry(i, e.subject or "", e.operator, e.at, False, (e.reason or "").removeprefix(CORRECTION),
                             "practical", names.get(e.subject, ""), "correction", "",
                             (MarkChange(e.subject or "", e.field or "", e.old, e.new),))
                 for i, e in enumerate(self.corrections(), start=1)]
        return AppealsData(sitting_of(info), entries, sealed=self.codes_sealed, corrections=fixes)
