"""Judging panels in the competition file (RULES.md §11, issue 9). Mixed into Competition.

The scheme lives in ``meta`` as JSON; each judge's mark in ``panel_marks``. Whenever a
judge's mark changes, the contestant's practical mark in ``marks`` is derived again from
the panel, in the same transaction and audited, so ranking and everything after it work
exactly as with a single practical mark.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ..errors import RefusedError, UsageError
from ..messages import register
from ..model import ABSENT
from ..rules.marks import format_mark, parse_mark
from ..rules.panel import JudgeStats, Module, ModuleResult, PanelScheme, judge_statistics, practical_from_panel, scheme_problem

register(
    {
        "panel_scheme_locked": ("已有技能操作成绩，评分方案不能再更改", "Practical marks exist: the scheme can no longer change"),
        "panel_off": ("本文件的技能操作不是由评分裁判组打分", "This file does not score the practical part by a judging panel"),
        "panel_practical_direct": (
            "本文件的技能操作成绩由各裁判分数汇总得出，不能直接录入（缺考除外）：编号 {no}",
            "This file derives practical marks from the judges' marks; they cannot be typed directly (except 缺考): {no}",
        ),
        "panel_spec_invalid": ("模块写法「{value}」无效：应为 名称:满分,名称:满分", "modules '{value}': write NAME:MAX,NAME:MAX"),
    }
)


def parse_modules(text: str) -> tuple[Module, ...]:
    """'操作:60,答辩:40' → modules; a bare number or '' means one module of 100."""
    if not text or not text.strip():
        return (Module("技能操作", Decimal(100)),)
    modules = []
    for part in text.replace("，", ",").split(","):
        name, _, maximum = part.partition(":")
        try:
            modules.append(Module(name.strip(), Decimal(maximum.strip() or "100")))
        except Exception:
            raise UsageError("panel_spec_invalid", value=text) from None
    return tuple(modules)


def scheme_to_json(scheme: PanelScheme) -> str:
    return json.dumps({"kind": "panel", "judges": scheme.judges, "aggregation": scheme.aggregation,
                       "modules": [{"name": m.name, "max": str(m.maximum)} for m in scheme.modules]},
                      ensure_ascii=False, sort_keys=True)


def scheme_from_json(text: str | None) -> PanelScheme | None:
    if not text:
        return None
    data = json.loads(text)
    if data.get("kind") != "panel":
        return None
    return PanelScheme(int(data["judges"]), data["aggregation"],
                       tuple(Module(m["name"], Decimal(m["max"])) for m in data["modules"]))


def check_scheme(scheme: PanelScheme) -> None:
    problem = scheme_problem(scheme.judges, scheme.aggregation, scheme.modules)
    if problem:
        raise UsageError(problem)


class PanelMixin:
    # The scheme in force (``panel_scheme``) is in opened.py: the first frame reads it.
    def set_panel_scheme(self, scheme: PanelScheme | None, *, pin: str) -> None:
        """Choose single marks (None) or a panel; only until the first practical mark."""
        if scheme is not None:
            check_scheme(scheme)
        self._refuse_if_finalized()
        self.check_pin(pin)
        has_marks = self.store.db.execute(
            "SELECT 1 FROM marks WHERE practical IS NOT NULL UNION ALL SELECT 1 FROM panel_marks LIMIT 1").fetchone()
        if has_marks:
            raise RefusedError("panel_scheme_locked")
        with self.store.transaction():
            old = self.store.meta("practical_scheme")
            new = scheme_to_json(scheme) if scheme else ""
            self.store.set_meta("practical_scheme", new)
            self._audit("setting", field="practical_scheme", old=old, new=new)

    def _panel_owner(self) -> dict[str, str]:
        """In the team event a team has one practical mark: its first member holds the panel's marks."""
        people = self.contestants()
        if self.info().rules.team_size <= 1:
            return {c.no: c.no for c in people}
        first: dict[str, str] = {}
        for c in people:
            first.setdefault(c.team, c.no)
        return {c.no: first[c.team] for c in people}

    def _owner_of(self, no: str) -> str | None:
        """``_panel_owner().get(no)`` for one contestant, without reading the roster (issue 18:
        a judge's mark typed at the desk reads only the rows it touches)."""
        row = self.store.db.execute("SELECT team FROM contestants WHERE no=?", [no]).fetchone()
        if row is None or self.info().rules.team_size <= 1:
            return None if row is None else no
        return self.store.db.execute("SELECT no FROM contestants WHERE team=? ORDER BY seq LIMIT 1",
                                     [row[0]]).fetchone()[0]

    def _members_of(self, owner: str) -> list[str]:
        """The contestants whose practical mark ``owner``'s panel marks make (the team, or itself)."""
        if self.info().rules.team_size <= 1:
            return [owner]
        return [n for (n,) in self.store.db.execute(
            "SELECT no FROM contestants WHERE team=(SELECT team FROM contestants WHERE no=?) ORDER BY seq", [owner])]

    def _panel_sheet(self, owner: str) -> dict[str, dict[int, Decimal]]:
        """``panel_sheets()[owner]`` alone."""
        sheet: dict[str, dict[int, Decimal]] = {}
        for module, judge, score in self.store.db.execute(
                "SELECT module, judge, score FROM panel_marks WHERE no=?", [owner]):
            sheet.setdefault(module, {})[judge] = Decimal(score)
        return sheet

    def panel_sheets(self) -> dict[str, dict[str, dict[int, Decimal]]]:
        """contestant → module → judge → mark."""
        sheets: dict[str, dict[str, dict[int, Decimal]]] = {}
        for no, module, judge, score in self.store.db.execute("SELECT no, module, judge, score FROM panel_marks"):
            sheets.setdefault(no, {}).setdefault(module, {})[judge] = Decimal(score)
        return sheets

    def panel_detail(self, no: str) -> tuple[Decimal | None, list[ModuleResult]]:
        scheme = self.panel_scheme()
        if scheme is None:
            raise RefusedError("panel_off")
        owner = self._owner_of(no) or no
        return practical_from_panel(scheme, self._panel_sheet(owner))

    def judge_statistics(self) -> list[JudgeStats]:
        scheme = self.panel_scheme()
        if scheme is None:
            raise RefusedError("panel_off")
        return judge_statistics(scheme, self.panel_sheets())

    def _refresh_practical(self, owners: set[str], scheme: PanelScheme) -> None:
        """Derive the practical mark of these contestants (and their team) from the panel."""
        if len(owners) <= 20:  # typed at the desk: read just these holders' rows
            members = {owner: self._members_of(owner) for owner in owners}
            sheets = {owner: self._panel_sheet(owner) for owner in owners}
            nos = [n for group in members.values() for n in group]
            current = dict(self.store.db.execute(
                f"SELECT no, practical FROM marks WHERE no IN ({','.join('?' * len(nos))})", nos).fetchall())
        else:  # an import: read everything once
            members = {}
            for no, owner in self._panel_owner().items():
                members.setdefault(owner, []).append(no)
            sheets = self.panel_sheets()
            current = dict(self.store.db.execute("SELECT no, practical FROM marks").fetchall())
        updates: dict[str, dict[str, str | None]] = {}
        for owner in owners:
            value, _ = practical_from_panel(scheme, sheets.get(owner, {}))
            stored = format_mark(value) if value is not None else None
            for member in members.get(owner, ()):
                if stored is None and current.get(member) == "absent":
                    continue  # 缺考 for the whole practical part stays until a full panel exists
                updates.setdefault(member, {})["practical"] = stored
        self._write_marks(updates, reason="由裁判组分数汇总")

    def set_panel_mark(self, no: str, module: str, judge: int, text: str | None, *, pin: str | None = None,
                       reason: str | None = None) -> None:
        """One judge's mark typed at the desk ('' removes it; 缺考 marks the whole part absent).
        While sealed ``no`` is the code; after the reveal a change needs ``pin`` and ``reason``."""
        scheme = self.panel_scheme()
        if scheme is None:
            raise RefusedError("panel_off")
        self._refuse_if_finalized()
        no = self._practical_no(no)
        m = scheme.module(module)
        if m is None:
            raise UsageError("panel_module_unknown", value=module, modules="、".join(x.name for x in scheme.modules))
        if not 1 <= int(judge) <= scheme.judges:
            raise UsageError("panel_judge_invalid", value=judge, judges=scheme.judges)
        score = parse_mark(text, maximum=m.maximum)
        owner = self._owner_of(no)
        if owner is None:
            raise RefusedError("contestant_unknown", no=no)
        with self._practical_change(pin, reason), self.store.transaction():
            if score is ABSENT:
                self._write_marks({n: {"practical": "absent"} for n in self._members_of(owner)})
            else:
                self._write_panel_scores([(owner, m.name, int(judge), score)])
                self._refresh_practical({owner}, scheme)
        self._changed()

    def _write_panel_scores(self, rows) -> None:
        for owner, module, judge, score in rows:
            old = self.store.db.execute(
                "SELECT score FROM panel_marks WHERE no=? AND module=? AND judge=?", [owner, module, judge]).fetchone()
            new = format_mark(score) if score is not None else None
            if (old[0] if old else None) == new:
                continue
            self._practical_guard(owner, f"{module}/裁判{judge}", old[0] if old else None, new)
            if new is None:
                self.store.db.execute("DELETE FROM panel_marks WHERE no=? AND module=? AND judge=?", [owner, module, judge])
            else:
                self.store.db.execute(
                    "INSERT OR REPLACE INTO panel_marks(no, module, judge, score, operator, at) VALUES (?,?,?,?,?,?)",
                    [owner, module, judge, new, self.operator, self._stamp()])
            self._audit("panel_mark", subject=owner, field=f"{module}/裁判{judge}", old=old[0] if old else None, new=new)

    def import_panel_marks(self, path: str | Path, *, sheet: str | None = None, pin: str | None = None,
                           reason: str | None = None):
        """A long file of judges' marks, all or nothing; practical marks derived after."""
        from ..model import ImportLog
        from ..io.panel import read_panel

        scheme = self.panel_scheme()
        if scheme is None:
            raise RefusedError("panel_off")
        self._refuse_if_finalized()
        owner_of = self._panel_owner()
        codes = self._holder_of_code() if self.codes_sealed else None  # while sealed: by 评分号 only
        rows = read_panel(Path(path), scheme=scheme, known=set(owner_of), sheet=sheet, codes=codes)
        log = ImportLog()
        self.backup("before-import")
        with self._practical_change(pin, reason), self.store.transaction():
            absent = {owner_of[r.no] for r in rows if r.score is ABSENT}
            self._write_marks({n: {"practical": "absent"} for n, o in owner_of.items() if o in absent}, log)
            scores = [(owner_of[r.no], r.module, r.judge, r.score) for r in rows if r.score is not ABSENT]
            self._write_panel_scores(scores)
            self._refresh_practical({s[0] for s in scores}, scheme)
        self._changed()
        return log
