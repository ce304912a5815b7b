"""What the competition-day sheets print, read from the file (RULES.md §12.1-§12.3): the
签到表, the 抽签记录表 and the 评分表 as ``reports.daydata`` values. The sheets never open
the file; who may see what is decided here (a score sheet is built without names).
Mixed into Competition.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time each method imports what it builds (actions/codes.py says why)
    from ..reports.daydata import CheckinData, DrawData, ScoreSheetsData, Sitting

DAY_SHEETS = ("checkin", "draw", "scoresheets")
REMARKS = {
    "redo": ("重新抽签，理由：{reason}", "Drawn again; reason: {reason}"),
    "move": ("{key}：第 {old_session} 场 {old_station} 号工位 → 第 {session} 场 {station} 号工位（{reason}）",
             "{key}: session {old_session} station {old_station} → session {session} station {station} ({reason})"),
    "seated": ("{key}：补排至第 {session} 场 {station} 号工位（{reason}）",
               "{key}: seated at session {session} station {station} ({reason})"),
    "moved_note": ("原第 {old_session} 场 {old_station} 号工位", "was session {old_session} station {old_station}"),
}


def _say(code: str, lang: str, **params) -> str:
    return REMARKS[code][1 if lang == "en" else 0].format(**params)


def _split(seat: str | None) -> dict:
    if not seat:
        return {}
    s, j = seat.split("-")
    return {"session": int(s), "station": int(j)}


class DaySheetsMixin:
    def sitting(self) -> Sitting:
        from ..reports.daydata import Sitting

        info = self.info()
        return Sitting(info.event.name, info.event.no, info.stage.value, info.committee, info.date.isoformat(),
                       team_event=info.rules.team_size > 1)

    def day_sheet(self, kind: str, lang: str = "zh"):
        """The data of the sheet ``kind`` (checkin, draw or scoresheets) for ``write_report``."""
        return {"checkin": self.checkin_sheet, "draw": self.draw_sheet, "scoresheets": self.score_sheets}[kind](lang)

    def _unit_seats(self) -> dict[str, tuple[int, int]]:
        return {u: (s, j) for u, s, j in self.draw_rows()}

    def checkin_sheet(self, lang: str = "zh") -> CheckinData:
        """Everyone expected (no stage-wide status), each member on their own line."""
        from ..reports.daydata import CheckinData, CheckinPerson

        seats, team = self._unit_seats(), self.info().rules.team_size > 1
        barred = self.not_expected()
        people = []
        for c in self.contestants():
            if c.no in barred:
                continue
            s, j = seats.get(c.team if team else c.no, (None, None))
            people.append(CheckinPerson(c.no, c.name, c.id_number, c.unit, c.team if team else "", s, j))
        return CheckinData(self.sitting(), people)

    def draw_sheet(self, lang: str = "zh") -> DrawData:
        from ..reports.daydata import DrawData, DrawEntry

        seed, stations, _ = self.draw_settings()
        team = self.info().rules.team_size > 1
        names: dict[str, list[str]] = {}
        units: dict[str, list[str]] = {}
        for c in self.contestants():
            key = c.team if team else c.no
            names.setdefault(key, []).append(c.name)
            if c.unit not in units.setdefault(key, []):
                units[key].append(c.unit)
        remarks, notes = self._draw_remarks(lang)
        seats = [DrawEntry(u, s, j, "、".join(names.get(u, [])), "、".join(units.get(u, [])), notes.get(u, ""))
                 for u, s, j in self.draw_rows()]
        return DrawData(self.sitting(), seed, stations or 0, seats, remarks)

    def _draw_remarks(self, lang: str) -> tuple[list[str], dict[str, str]]:
        """Since the last draw: its reason when it was a second one, then every move."""
        # Only the draw's own entries, not the whole log (a 10,000-mark file's log is 20,000
        # entries; the 赛务 tab asks this on opening).
        entries = self.store.db.execute(
            "SELECT action, subject, old, new, reason FROM audit"
            " WHERE action IN ('draw', 'draw_import', 'draw_move') ORDER BY id").fetchall()
        start = max((i for i, e in enumerate(entries) if e[0] in ("draw", "draw_import")), default=None)
        if start is None:
            return [], {}
        remarks = [_say("redo", lang, reason=entries[start][4])] if entries[start][4] else []
        notes: dict[str, str] = {}
        for _, subject, old_text, new_text, reason in entries[start + 1:]:  # the moves
            new, old = _split(new_text), _split(old_text)
            if old:
                remarks.append(_say("move", lang, key=subject, reason=reason, **new,
                                    **{f"old_{k}": v for k, v in old.items()}))
                notes.setdefault(subject, _say("moved_note", lang, **{f"old_{k}": v for k, v in old.items()}))
            else:
                remarks.append(_say("seated", lang, key=subject, reason=reason, **new))
        return remarks, notes

    def score_sheets(self, lang: str = "zh") -> ScoreSheetsData:
        """One sheet per judge (per module and judge with a panel): the drawn units in
        session and station order, or every expected unit by number before a draw. Until
        codes exist the label is the 编号 (the team name); never a name."""
        from ..reports.daydata import ScoreModule, ScoreSheetsData, ScoreUnit

        sealed = self.codes_sealed
        if sealed:
            # Once sealed the sheet goes to the judges: codes only (RULES.md §12.3). The
            # draw's rows name the 编号, which would undo the seal on paper.
            units = self.score_units()
        else:
            rows = self.draw_rows()
            units = ([ScoreUnit(u, s, j) for u, s, j in rows] if rows
                     else [ScoreUnit(key) for key in sorted(self.draw_keys())])
        scheme = self.panel_scheme()
        if scheme is None:
            return ScoreSheetsData(self.sitting(), sealed, units)
        return ScoreSheetsData(self.sitting(), sealed, units, judges=scheme.judges,
                               modules=[ScoreModule(m.name, Decimal(m.maximum)) for m in scheme.modules])
