"""加密评分: practical marks under anonymous codes (RULES.md §12.3). Mixed into Competition.

Sealing gives each unit without a stage-wide status a code (评分号) from ``secrets``. While
sealed, the facade's own word for a practical mark's owner is its code: ``set_mark``,
``set_panel_mark``, ``settle``, the imports and a desk's merge take codes for practical
marks and refuse a 编号; what they report back (changes, pending marks, held conflicts, the
audit log as shown) names the code. Ranking is withheld. The key (code → 编号) is read
only with the PIN, every reading audited. Revealing (PIN) needs every coded unit marked;
afterwards a practical change needs the PIN and a reason (``_practical_change``), and is
audited as a correction that the appeals register lists.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, NamedTuple

from ..errors import RefusedError
from ..messages import Words, minute, register

register({
    "codes_sealed_already": ("评分号已于 {at} 加密，不能再次加密", "The codes were sealed on {at}; they cannot be sealed again"),
    "codes_revealed_already": ("评分号已于 {at} 解密", "The codes were revealed on {at}"),
    "codes_not_sealed": ("本文件没有加密评分号", "This file has no sealed codes"),
    "codes_practical_exists": (
        "已有 {count} 个技能操作成绩按编号录入：加密须在技能操作评分之前",
        "{count} practical mark(s) were entered by number already: seal the codes before practical marking"),
    "codes_no_units": ("没有需要加密的选手（名单为空，或都已缺考、弃权、取消资格）",
                       "No unit to code: the roster is empty, or everyone has a stage-wide status"),
    "codes_sealed_by_no": (
        "技能操作成绩已加密：请按评分号录入，不能按编号或团队「{value}」录入",
        "Practical marks are sealed: give the code, not the number or team '{value}'"),
    "codes_unknown": ("评分号 {value} 不存在", "There is no code {value}"),
    "codes_blank": ("技能操作成绩已加密：请填写评分号", "Practical marks are sealed: give the code"),
    "codes_sealed_ranking": ("评分号已加密（{at}）：解密前不显示排名与成绩",
                             "The codes are sealed ({at}): rankings and results are withheld until the reveal"),
    "codes_reveal_missing": ("不能解密：{count} 个评分号尚无技能操作成绩（{codes}）",
                             "Cannot reveal: {count} code(s) still lack a practical mark ({codes})"),
    "codes_reveal_pending": ("不能解密：{count} 个评分号的技能操作成绩两次录入尚未一致（{codes}）",
                             "Cannot reveal: {count} code(s) have practical marks not yet confirmed by double entry ({codes})"),
    "codes_reveal_conflicts": ("不能解密：{count} 个评分号有录入台冲突待裁判长裁定（{codes}）",
                               "Cannot reveal: {count} code(s) have desk conflicts waiting for the chief judge ({codes})"),
    "practical_locked": (
        "已解密，技能操作成绩已锁定：修改编号 {no} 的成绩须裁判长口令并写明理由",
        "The codes are revealed and practical marks are locked: changing {no} needs the chief judge's PIN and a reason"),
    "codes_import_by_no": (
        "{file} 第 {row} 行：技能操作成绩已加密，须按评分号导入（「评分号」列代替「编号」列），不能按编号 {no} 导入",
        "{file} row {row}: practical marks are sealed; import them by code (a 评分号 / code column instead of 编号), "
        "not by number {no}"),
    "codes_desk_seal": (
        "{file} 的录入台副本与本文件的加密状态不同，其技能操作成绩不能合并：请从已加密的主文件重新复制录入台",
        "{file}: the desk's copy was not sealed as this file is, so its practical marks cannot merge; copy the desk "
        "again from the sealed main file"),
})

CORRECTION = "解密后更正："


def _shown_list(items: list[str], limit: int = 10) -> Words:
    """The first ``limit`` codes or numbers, listed as each language lists them."""
    more = "…" if len(items) > limit else ""
    return Words(", ".join(items[:limit]) + more, "、".join(items[:limit]) + more)


class CodedRow(NamedTuple):
    """A line of the code grid: nothing about the person but the code and the seat."""

    code: str
    session: int | None
    station: int | None
    practical: str | None  # the stored text: '85.50', 'absent', or None


if TYPE_CHECKING:
    from ..reports.daydata import Sitting


def sitting_of(info) -> Sitting:
    # reports.daydata defines a dozen dataclasses (~15 ms to import); it is imported where a
    # sheet is built, not by every command that opens a file.
    from ..reports.daydata import Sitting

    return Sitting(event=info.event.name, event_no=info.event.no, stage=info.stage.value, committee=info.committee,
                   date=info.date.isoformat(), team_event=info.rules.team_size > 1)


class CodesMixin:
    # -- state (``codes_sealed`` is in opened.py: the desk's first frame reads it) ---------------
    @property
    def codes_revealed(self) -> bool:
        return bool(self.store.meta("codes_revealed_at"))

    def codes_times(self) -> dict[str, str | None]:
        return {"sealed_at": self.store.meta("codes_sealed_at") or None,
                "revealed_at": self.store.meta("codes_revealed_at") or None}

    def _units_and_holders(self) -> dict[str, list[str]]:
        """unit key → its members' 编号 in roster order (the first holds a team's practical mark)."""
        team = self.info().rules.team_size > 1
        units: dict[str, list[str]] = {}
        for no, name in self.store.db.execute("SELECT no, team FROM contestants ORDER BY seq"):
            units.setdefault(name if team else no, []).append(no)
        return units

    def _code_of_no(self, nos=None) -> dict[str, str]:
        """编号 → its unit's code (members of a team share it); ``nos``: only these (a typed
        mark asks for one, on every keystroke)."""
        if nos is not None and len(nos) <= 500:
            column = "team" if self.info().rules.team_size > 1 else "no"  # a team's code is the team's
            marks = ",".join("?" * len(nos))
            return dict(self.store.db.execute(f"SELECT c.no, k.code FROM contestants c JOIN codes k"
                                              f" ON k.unit = c.{column} WHERE c.no IN ({marks})", list(nos)))
        codes = dict(self.store.db.execute("SELECT unit, code FROM codes"))
        return {no: codes[unit] for unit, members in self._units_and_holders().items() if unit in codes
                for no in members}

    # -- the facade's word for a practical mark's owner ----------------------------------------
    def _practical_no(self, key: str) -> str:
        """The 编号 a practical mark given for ``key`` belongs to; while sealed ``key`` must be a code."""
        if not self.codes_sealed:
            return key
        if not key.strip():
            raise RefusedError("codes_blank")
        row = self.store.db.execute("SELECT unit FROM codes WHERE code=?", [key]).fetchone()
        if row is None:
            # A team name only where there are teams: an individual's team is "", which a
            # blank key matched ("不能按编号或团队「」录入").
            known = self.store.db.execute("SELECT 1 FROM contestants WHERE no=? OR (team=? AND team!='')",
                                          [key, key]).fetchone()
            raise RefusedError("codes_sealed_by_no" if known else "codes_unknown", value=key)
        holder = self.store.db.execute("SELECT no FROM contestants WHERE no=? OR team=? ORDER BY seq LIMIT 1",
                                       [row[0], row[0]]).fetchone()
        return holder[0] if holder else row[0]

    def _shown_practical(self, items: list, no_at: int = 0, field_at: int | None = 1) -> list:
        """While sealed: the 编号 of each practical item replaced by its code (plain tuples,
        or records with a ``no`` field); theory and status items unchanged."""
        if not self.codes_sealed or not items:
            return items
        code_of = self._code_of_no({item.no if hasattr(item, "no") else item[no_at] for item in items})
        shown = []
        for item in items:
            if not hasattr(item, "no"):  # a plain tuple: the 编号 at no_at, the field at field_at
                if field_at is None or item[field_at] == "practical":
                    item = item[:no_at] + (code_of.get(item[no_at], item[no_at]),) + item[no_at + 1:]
            elif getattr(item, "kind", "mark") == "panel" or item.field == "practical":
                item = item._replace(no=code_of.get(item.no, item.no))
            shown.append(item)
        return shown

    def _shown_audit(self, entries: list) -> list:
        """The log as shown while sealed: practical entries name the code, never the 编号."""
        if not self.codes_sealed:
            return entries
        code_of = self._code_of_no()

        def practical(e) -> bool:
            field = e.field or ""
            return (e.action in ("panel_mark", "practical_correction") or field == "practical"
                    or field.startswith("practical/") or "/裁判" in field)
        return [e._replace(subject=code_of.get(e.subject, e.subject)) if practical(e) else e for e in entries]

    def _holder_of_code(self) -> dict[str, str]:
        """code → the 编号 holding its unit's practical mark (a team's first member)."""
        units = self._units_and_holders()
        return {code: units[unit][0] for unit, code in self.store.db.execute("SELECT unit, code FROM codes")
                if unit in units}

    def _read_coded_marks(self, path, sheet):
        """A marks file by 评分号 (once codes exist), as rows by 编号; None for a file by 编号."""
        if not self.codes_times()["sealed_at"]:
            return None
        from ..io.marks import read_coded_marks

        return read_coded_marks(path, codes=self._holder_of_code(), sheet=sheet)

    def _refuse_practical_by_no(self, rows, file: str) -> None:
        if self.codes_sealed:
            for row in rows:
                if "practical" in row.given:
                    raise RefusedError("codes_import_by_no", file=file, row=row.line, no=row.no)

    def _check_desk_codes(self, f) -> None:
        """A desk file's practical marks merge only from a desk sealed as this file is."""
        ours = self.store.meta("codes_sealed_at") or ""
        if ours != f.manifest["settings"].get("codes_sealed_at", "") and any(
                it.kind == "panel" or it.field == "practical" for it in f.items):
            raise RefusedError("codes_desk_seal", file=f.path.name)

    def _refuse_if_sealed(self) -> None:
        if self.codes_sealed:
            raise RefusedError("codes_sealed_ranking", at=minute(self.store.meta("codes_sealed_at")))

    # -- after the reveal: practical marks locked ----------------------------------------------
    def practical_locked(self) -> bool:
        """Codes were revealed: a practical mark changes only as a correction (RULES.md §12.4)."""
        return bool(self.store.meta("codes_revealed_at"))

    def _practical_guard(self, no: str, field: str, old, new) -> None:
        """Called by every write of a practical or judge's mark, inside its transaction."""
        if not self.practical_locked():
            return
        correction = getattr(self, "_correction", None)
        if correction is None:
            raise RefusedError("practical_locked", no=no)
        note, appeal = correction
        if appeal is None:  # an appeal's changes are listed under the appeal itself
            self._audit("practical_correction", subject=no, field=field, old=old, new=new, reason=note)

    @contextmanager
    def _correcting(self, note: str, appeal: int | None = None) -> Iterator[str]:
        self._correction = (note, appeal)
        try:
            yield note
        finally:
            self._correction = None

    @contextmanager
    def _practical_change(self, pin: str | None, reason: str | None) -> Iterator[str | None]:
        """A single practical change: after the reveal, with the PIN and a reason (checked
        here, before the change's transaction); otherwise nothing to add."""
        if not self.codes_revealed or (pin is None and reason is None):
            yield None
            return
        reason = self._need_reason(reason)
        self.check_pin(pin)
        with self._correcting(CORRECTION + reason) as note:
            yield note
