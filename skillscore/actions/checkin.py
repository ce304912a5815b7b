"""检录 check-in per part (RULES.md §12.1). Mixed into Competition.

A clerk checks a contestant in for theory or practical after seeing the ID card; the time
and the operator are stored in ``checkins``. Closing a part (PIN) writes 缺考 for that part
on everyone expected who has not checked in, in one audited change. A late check-in after
the close needs the PIN and a reason, and gives back the empty mark only where the 缺考 is
still the one the close wrote (no mark entered for that part since).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from ..errors import RefusedError, UsageError
from ..messages import minute, register
from ..model import Contestant, Status
from ..rules.privacy import mask_id

PARTS = ("theory", "practical")
# The reason on the 缺考 marks a close writes: a late check-in recognises them by it.
CLOSE_NOTE = "检录截止"
PART_WORDS = {"theory": ("理论知识", "theory"), "practical": ("技能操作", "practical")}

register(
    {
        "checkin_part": ("部分「{value}」无效：应为 theory 或 practical", "part '{value}' must be theory or practical"),
        "checkin_unknown": ("「{value}」既不是名单中的编号，也不是名单中的身份证号",
                            "'{value}' is neither a number nor an ID number on the roster"),
        "checkin_status": ("{no} {name} 已{status_zh}，不能检录", "{no} {name} is {status_en}: cannot check in"),
        "checkin_closed": ("{part_zh}检录已于 {at} 截止：迟到检录需要裁判长口令和理由",
                           "Check-in for {part_en} closed at {at}: a late check-in needs the PIN and a reason"),
        "checkin_already_closed": ("{part_zh}检录已于 {at} 截止", "Check-in for {part_en} already closed at {at}"),
        "checkin_nothing": ("没有给出编号或身份证号", "No number or ID number given"),
    }
)
STATUS_WORDS = {Status.ABSENT.value: ("缺考", "absent"), Status.WITHDRAWN.value: ("弃权", "withdrawn"),
                Status.DISQUALIFIED.value: ("取消资格", "disqualified")}


class CheckinCard(NamedTuple):
    """What the clerk sees for one scan. ``state``: ready (may check in now), in (just
    checked in), already (checked in before, at ``at``), closed (the part is closed: a late
    check-in needs the PIN), unknown, or the stage-wide status that bars it (absent,
    withdrawn, disqualified). ``cleared``: a late check-in gave back the empty mark."""

    state: str
    text: str  # what was typed or scanned
    no: str = ""
    name: str = ""
    unit: str = ""
    id_masked: str = ""
    team: str = ""
    session: int | None = None
    station: int | None = None
    at: str | None = None
    late_reason: str | None = None
    cleared: bool = False


def part_word(part: str, lang: str) -> str:
    return PART_WORDS[part][1 if lang == "en" else 0]


def _part_params(part: str) -> dict:
    return {"part_zh": PART_WORDS[part][0], "part_en": PART_WORDS[part][1]}


def _check_part(part: str) -> str:
    if part not in PARTS:
        raise UsageError("checkin_part", value=part)
    return part


class CheckinMixin:
    # -- reading ------------------------------------------------------------------------
    def find_contestant(self, text: str) -> Contestant | None:
        """A 编号, or an ID number as a card reader types it (x or X at the end)."""
        # Full-width as a Chinese input method in full-width mode types it (Ａ００２): it
        # looks the same as A002 to the clerk, who could not see why it was refused.
        text = unicodedata.normalize("NFKC", text or "").strip()
        people = self.contestants()
        for test in (lambda c: c.no == text, lambda c: c.id_number.upper() == text.upper(),
                     lambda c: c.no.casefold() == text.casefold()):
            found = next((c for c in people if text and test(c)), None)
            if found is not None:
                return found
        return None

    def checkin_times(self) -> dict[str, dict[str, tuple[str, str | None]]]:
        """no → part → (time, late reason)."""
        times: dict[str, dict[str, tuple[str, str | None]]] = {}
        for no, part, at, late in self.store.db.execute("SELECT no, part, at, late_reason FROM checkins"):
            times.setdefault(no, {})[part] = (at, late)
        return times

    def checkin_table(self) -> dict:
        """The contract's ``checkin list --json`` object, in roster order."""
        times = self.checkin_times()
        return {"rows": [{"no": c.no, **{p: times.get(c.no, {}).get(p, (None,))[0] for p in PARTS}}
                         for c in self.contestants()]}

    def checkin_closed(self, part: str) -> str | None:
        """When check-in for ``part`` was closed, or None while it is open."""
        return self.store.meta(f"checkin_closed_{_check_part(part)}") or None

    def not_expected(self) -> dict[str, Status]:
        """Who is not expected: a stage-wide status (in the team event, on any member of the
        team, RULES.md §8: the strongest one)."""
        entries = self.entries()
        own = {no: e.status for no, e in entries.items() if e.status is not None}
        if self.info().rules.team_size <= 1:
            return own
        teams: dict[str, list[str]] = {}
        for c in self.contestants():
            teams.setdefault(c.team, []).append(c.no)
        barred = {}
        for members in teams.values():
            statuses = [own[m] for m in members if m in own]
            for strongest in (Status.DISQUALIFIED, Status.WITHDRAWN, Status.ABSENT):
                if strongest in statuses:
                    barred.update({m: strongest for m in members})
                    break
        return barred

    def checkin_counts(self, part: str) -> tuple[int, int]:
        """(到场, 应到): people expected for the part (no stage-wide status) and those in."""
        barred = self.not_expected()
        expected = {c.no for c in self.contestants() if c.no not in barred}
        present = {no for no, p in self.store.db.execute("SELECT no, part FROM checkins") if p == _check_part(part)}
        return len(present & expected), len(expected)

    def checkin_absentees(self, part: str) -> list[Contestant]:
        """Whom closing ``part`` now would mark 缺考 for it (shown before the PIN is asked)."""
        return [c for c in self.contestants() if c.no in self._absentee_marks(part)]

    def _absentee_marks(self, part: str) -> dict[str, list[str]]:
        """no → the contestants whose ``part`` mark the close writes (the team's members for
        a team's practical). Someone with a mark for the part already is left alone: a mark
        shows they were there. In the team event the practical part is the team's: a team
        is absent only when none of its members checked in."""
        part = _check_part(part)
        barred = self.not_expected()
        checked = {no for no, p in self.store.db.execute("SELECT no, part FROM checkins") if p == part}
        marks = dict(self.store.db.execute(f"SELECT no, {part} FROM marks").fetchall())
        people = [c for c in self.contestants() if c.no not in barred]
        if part == "practical" and self.info().rules.team_size > 1:
            teams: dict[str, list[str]] = {}
            for c in people:
                teams.setdefault(c.team, []).append(c.no)
            absent = {}
            for members in teams.values():
                if not any(m in checked for m in members) and all(marks.get(m) is None for m in members):
                    absent.update({m: members for m in members})
            return absent
        return {c.no: [c.no] for c in people if c.no not in checked and marks.get(c.no) is None}

    def checkin_card(self, text: str, part: str) -> CheckinCard:
        """What a scan of ``text`` would do for ``part``, without doing it."""
        part = _check_part(part)
        c = self.find_contestant(text)
        if c is None:
            return CheckinCard("unknown", text)
        seat = self._seat_of(c)
        at, late = self.checkin_times().get(c.no, {}).get(part, (None, None))
        status = self.not_expected().get(c.no)
        state = ("already" if at else status.value if status else
                 "closed" if self.checkin_closed(part) else "ready")
        return CheckinCard(state, text, c.no, c.name, c.unit, mask_id(c.id_number), c.team,
                           *(seat or (None, None)), at, late)

    def _seat_of(self, c: Contestant) -> tuple[int, int] | None:
        key = c.team if self.info().rules.team_size > 1 else c.no
        row = self.store.db.execute("SELECT session, station FROM draw_seats WHERE unit=?", [key]).fetchone()
        return tuple(row) if row else None

    # -- acting --------------------------------------------------------------------------
    def check_in(self, texts: list[str], part: str, *, pin: str | None = None,
                 reason: str | None = None) -> list[CheckinCard]:
        """Check in everyone named (编号 or ID number), all or nothing. After the close,
        ``pin`` and ``reason`` make it a late check-in."""
        part = _check_part(part)
        self._refuse_if_finalized()
        if not texts:
            raise UsageError("checkin_nothing")
        cards, seen = [], set()
        for text in texts:
            card = self.checkin_card(text, part)
            if card.no not in seen or card.state == "unknown":  # a number typed twice counts once
                cards.append(card)
                seen.add(card.no)
        for card in cards:
            if card.state == "unknown":
                raise RefusedError("checkin_unknown", value=card.text)
            if card.state in STATUS_WORDS:
                zh, en = STATUS_WORDS[card.state]
                raise RefusedError("checkin_status", no=card.no, name=card.name, status_zh=zh, status_en=en)
        closed = self.checkin_closed(part)
        late = closed is not None and any(card.state == "closed" for card in cards)
        if late:
            if pin is None or not (reason or "").strip():
                raise RefusedError("checkin_closed", **_part_params(part), at=minute(closed))
            reason = self._need_reason(reason)
            self.check_pin(pin)
        done, at = [], self._stamp()
        with self.store.transaction():
            for card in cards:
                if card.state == "already":
                    done.append(card)
                    continue
                note = reason if card.state == "closed" else None
                self.store.db.execute("INSERT INTO checkins(no, part, at, operator, late_reason) VALUES (?,?,?,?,?)",
                                      [card.no, part, at, self.operator, note])
                self._audit("checkin_late" if note else "checkin", subject=card.no, field=part, new=at, reason=note)
                cleared = self._clear_close_mark(card.no, part) if note else False
                done.append(CheckinCard("in", card.text, card.no, card.name, card.unit, card.id_masked, card.team,
                                        card.session, card.station, at, note, cleared))
        self._changed()
        return done

    def _clear_close_mark(self, no: str, part: str) -> bool:
        """Give back the empty mark where the 缺考 is still the close's (RULES.md §12.1)."""
        close_id = self.store.db.execute("SELECT MAX(id) FROM audit WHERE action='checkin_close' AND field=?",
                                         [part]).fetchone()[0]
        members = [no]
        if part == "practical" and self.info().rules.team_size > 1:
            team = self.store.db.execute("SELECT team FROM contestants WHERE no=?", [no]).fetchone()[0]
            members = [r[0] for r in self.store.db.execute("SELECT no FROM contestants WHERE team=?", [team])]
        for m in members:
            last = self.store.db.execute("SELECT id, reason, new FROM audit WHERE action='mark' AND subject=? AND field=?"
                                         " ORDER BY id DESC LIMIT 1", [m, part]).fetchone()
            if close_id is None or last is None or last[0] < close_id or last[1] != CLOSE_NOTE or last[2] != "absent":
                return False
        self._write_marks({m: {part: None} for m in members}, reason="迟到检录")
        return True

    def close_checkin(self, part: str, *, pin: str) -> list[str]:
        """Close check-in for ``part``: 缺考 for every absentee in one audited change.
        Returns the numbers marked."""
        part = _check_part(part)
        self._refuse_if_finalized()
        closed = self.checkin_closed(part)
        if closed:
            raise RefusedError("checkin_already_closed", **_part_params(part), at=minute(closed))
        self.check_pin(pin)
        absent = sorted(self._absentee_marks(part))
        self.backup("before-settings")
        with self.store.transaction():
            at = self._stamp()
            self.store.set_meta(f"checkin_closed_{part}", at)
            self._audit("checkin_close", field=part, new={"absent": absent, "count": len(absent)})
            self._write_marks({no: {part: "absent"} for no in absent}, reason=CLOSE_NOTE)
        self._changed()
        return absent

