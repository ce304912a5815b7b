"""The facade: ``Competition(path)`` with one typed method per user action (after Anki's
Collection). Each action validates, writes in one transaction together with its audit
entries, and returns what changed. Rankings are derived from marks on demand; a finalised
stage reads its stored, fingerprinted results instead. Opening the file and reading it
are in opened.py, the class this one mixes every action into.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from .. import COMPETITION_NAME, __version__
from ..catalog import event as catalog_event
from ..errors import RefusedError, UsageError
from ..messages import register
from ..model import Info, CertificatePolicy, Entry, Stage, Standings, Status
from ..model import ImportLog  # noqa: F401  (re-exported: callers import it from the facade)
from ..storage.pin import hash_pin
from ..exchange.results import RESULTS_FORMAT, ranking_body, ranking_utf8, tie_methods
from ..rules.marks import format_mark, mark_from_text
from ..rules.collector import collector_paused
from ..rules.standings import compute_standings
from ..rules.units import build_units, individual_units_stored
from ..storage.database import Store
from ..storage.backup import list_backups
from .double_entry import DoubleEntryMixin
from .decisions import DecisionsMixin
from .entry import EntryMixin
from .guard import GuardMixin
from .safety import SafetyMixin
from .panel import PanelMixin, check_scheme, scheme_to_json
from .desks import DeskMixin
from .next_stage import NextStageMixin
from .mark_feed import MarkFeedMixin
from .checkin import CheckinMixin
from .draw import DrawMixin
from .day_sheets import DaySheetsMixin
from .codes import CodesMixin
from .sealing import SealingMixin
from .appeals import AppealsMixin
from .opened import Clock, OpenedFile, _now, default_operator

# What the desk needs besides the facade's methods, re-exported so that ui/ imports only
# this module of the core's file side (tests/test_layout.py holds it to that).
from ..storage.backup import REASONS as BACKUP_REASONS, backup_dir  # noqa: F401,E402
from .desks import merge_report_lines, value_text  # noqa: F401,E402
from .panel import parse_modules  # noqa: F401,E402
from .safety import copy_file  # noqa: F401,E402
from .checkin import PARTS, CheckinCard, part_word  # noqa: F401,E402
from .day_sheets import DAY_SHEETS  # noqa: F401,E402
from ..rules.panel import PanelScheme

register(
    {
        "pin_wrong": ("裁判长口令错误，操作未执行", "The chief judge's PIN is wrong; nothing was done"),
        "pin_empty": ("裁判长口令不能为空", "The chief judge's PIN must not be empty"),
        "not_finalized": ("本阶段尚未定稿", "This stage is not finalised"),
        "committee_empty": ("请填写组委会名称", "The committee's name is required"),
        "committee_one_line": ("组委会名称须为一行文字（不含换行等控制字符）", "The committee's name must be one line of text"),
        "reason_required": ("请填写理由", "A reason is required"),
        "quota_too_large": (
            "晋级名额 {quota} 超过上限：{ranked} 名参赛时最多 {ceiling} 名（30%，向下取整）",
            "Quota {quota} is too large: with {ranked} ranked the most is {ceiling} (30%, rounded down)",
        ),
        "quota_negative": ("晋级名额不能为负数", "The quota cannot be negative"),
        "quota_final": ("决赛不设晋级名额", "The final has no advancement quota"),
        "levels_invalid": (
            "取证等级「{value}」无效：应为 1–5 中的若干个，如 1,2,3,4",
            "levels '{value}' are not valid: give some of 1–5, e.g. 1,2,3,4",
        ),
        "tie_not_a_group": (
            "{value} 不是一个并列待定的组：当前并列待定的组为 {groups}",
            "{value} is not a tie to be decided; the current ones are {groups}",
        ),
        "tie_order_incomplete": (
            "排序必须恰好包含该并列组的全部成员 {members}",
            "The order must name exactly the members of the tied group: {members}",
        ),
        "finalize_incomplete": (
            "不能定稿：{count} 名选手成绩待录入（{nos}）",
            "Cannot finalise: {count} contestant(s) still have marks not entered ({nos})",
        ),
        "finalize_ties": (
            "不能定稿：仍有并列待定（{groups}），请组委会裁定或抽签",
            "Cannot finalise: ties to be decided remain ({groups}); the committee must order them or draw lots",
        ),
        "finalize_empty": ("不能定稿：名单为空", "Cannot finalise: the roster is empty"),
        "contestant_unknown": ("编号 {no} 不在名单中", "Number {no} is not on the roster"),
        "field_unknown": ("无法修改字段 {field}", "Field {field} cannot be changed"),
        "date_invalid": ("日期「{value}」格式不对：应为 YYYY-MM-DD", "date '{value}' is not valid: write YYYY-MM-DD"),
        "stage_unknown": ("阶段「{value}」无效：应为 prelim、semifinal 或 final", "stage '{value}' must be prelim, semifinal or final"),
        "unsafe_location": (
            "{path} 位于{kind_zh}上。SQLite 文件在U盘或网络共享上直接修改可能损坏，请先复制到本机硬盘再打开"
            "（界面中“复制到本机”，或命令 skillscore copy FILE 目标路径）。",
            "{path} is on a {kind_en}. Working on an SQLite file there can damage it: copy it to the local disk first "
            "(the desk offers this; or skillscore copy FILE TARGET).",
        ),
        "policy_unknown": ("取证名次规则「{value}」无效", "certificate policy '{value}' is not known"),
    }
)


def parse_levels(text: str | None) -> tuple[int, ...] | None:
    if text is None or text == "":
        return None
    try:
        levels = tuple(sorted({int(x) for x in str(text).replace("，", ",").split(",") if x.strip()}))
    except ValueError:
        raise UsageError("levels_invalid", value=text) from None
    if not levels or any(l not in range(1, 6) for l in levels):
        raise UsageError("levels_invalid", value=text)
    return levels


def parse_date(text: str | dt.date | None) -> dt.date:
    if isinstance(text, dt.date):
        return text
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError("date_invalid", value=text) from None


class Competition(SafetyMixin, EntryMixin, DecisionsMixin, GuardMixin, DoubleEntryMixin, PanelMixin, DeskMixin,
                  NextStageMixin, MarkFeedMixin, CheckinMixin, DrawMixin, DaySheetsMixin, CodesMixin, SealingMixin,
                  AppealsMixin, OpenedFile):
    """One committee's sitting of one event at one stage, in one SQLite file."""

    def __init__(self, path: str | Path, *, operator: str | None = None, clock: Clock | None = None,
                 desk: bool = False, check_alongside: bool = False):
        """Opens the file (opened.py says how ``desk`` and ``check_alongside`` open it)."""
        super().__init__(path, operator=operator, clock=clock, desk=desk, check_alongside=check_alongside)
        self._after_opening()

    @classmethod
    def taking_over(cls, opened: OpenedFile) -> "Competition":
        """The facade over a file already open (the desk's first frame read it): the same
        connection and hold, with every action. ``opened`` is not to be used after this."""
        comp = cls.__new__(cls)
        vars(comp).update(vars(opened))
        comp._after_opening()
        return comp

    def _after_opening(self) -> None:
        self._changed_since_backup = False
        newest = list_backups(self.path)
        self._last_backup = newest[0].at if newest else None

    # -- creating ------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        event_no: int,
        stage: str | Stage,
        committee: str,
        pin: str,
        date: str | dt.date | None = None,
        quota: int | None = None,
        levels: tuple[int, ...] | None = None,
        pass_mark: Decimal = Decimal("60"),
        double_entry: bool = False,
        panel: PanelScheme | None = None,
        operator: str | None = None,
        clock: Clock | None = None,
    ) -> "Competition":
        ev = catalog_event(event_no)
        try:
            stage = Stage(stage)
        except ValueError:
            raise UsageError("stage_unknown", value=stage) from None
        if not (pin or "").strip():  # spaces alone are no PIN: nothing to type them from
            raise UsageError("pin_empty")
        committee = cls.committee_name(committee)
        if panel is not None:
            check_scheme(panel)
        date = parse_date(date)
        if quota is not None:
            if stage is Stage.FINAL:
                raise RefusedError("quota_final")
            if quota < 0:
                raise RefusedError("quota_negative")
        store = Store.create(Path(path))
        comp = None
        try:
            operator = operator or default_operator()
            now = (clock or _now)().isoformat(timespec="seconds")
            settings = {
                "event_no": str(ev.no),
                "stage": stage.value,
                "committee": committee,
                "date": date.isoformat(),
                "levels": ",".join(map(str, levels or ev.levels)),
                "quota": "" if quota is None else str(quota),
                "pass_mark": str(pass_mark),
                "certificate_policy": CertificatePolicy.OVERALL.value,
                "finalized": "0",
                "version": "1",
                "double_entry": "1" if double_entry else "0",
                "practical_scheme": scheme_to_json(panel) if panel else "",
                "created_by": f"skillscore {__version__}",
            }
            with store.transaction():
                for key, value in settings.items():
                    store.set_meta(key, value)
                store.set_meta("pin_hash", hash_pin(pin))
                store.audit(at=now, operator=operator, action="create", new=settings)
            store.close()
            comp = cls(path, operator=operator, clock=clock)
        except BaseException:
            store.close()
            Path(path).unlink(missing_ok=True)
            raise
        return comp

    @staticmethod
    def committee_name(text: str | None) -> str:
        """The committee as every sheet's header and the handoff file name it: one line,
        not blank (spaces around it dropped)."""
        name = (text or "").strip()
        if not name:
            raise UsageError("committee_empty")
        if any(ch < " " or ch == "\x7f" for ch in name):
            raise UsageError("committee_one_line")
        return name

    def close(self) -> None:
        """Close the file; a session that changed something leaves a backup behind."""
        try:
            if self._changed_since_backup:
                self.backup("close")
        finally:
            self.store.close()

    def __enter__(self) -> "Competition":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sync(self) -> bool:
        """Before each action of the desk: True when another program (the command line, a
        worker) changed the file since the last look, so every view must read it anew."""
        changed = self.store.sync()
        if changed:
            self._live = None  # the live ranking's cache was read from the old file
        return changed

    # -- reading -------------------------------------------------------------------
    def standings(self, info: Info | None = None, roster: list[tuple] | None = None) -> Standings:
        """The live ranking, computed by the pure rules from the marks as they are now
        (``roster``: the rows of ``_roster_rows()`` when the caller has read them already)."""
        info = info or self.info()
        if info.rules.team_size > 1:
            units = build_units(self.contestants(), self.entries(), info.rules.team_size)
        else:
            units = self._individual_units(roster)
        return compute_standings(units, info.rules, self.tie_decisions())

    # What a unit needs, then what the results document carries of each person besides.
    _UNIT_COLUMNS = "c.no, c.name, c.union_card, m.theory, m.practical, m.status"
    _PERSON_COLUMNS = _UNIT_COLUMNS + ", c.id_number, c.sex, c.birth_date, c.category, c.unit, c.team, c.phone, c.origin"

    def _roster_rows(self, columns: str = _PERSON_COLUMNS) -> list[tuple]:
        """Every contestant with the stored texts of their marks, in roster order, in one
        query (a join, sorted by SQLite: ~20 ms at 10,000)."""
        return self.store.db.execute(
            f"SELECT {columns} FROM contestants c LEFT JOIN marks m ON m.no = c.no ORDER BY c.seq").fetchall()

    def _individual_units(self, roster: list[tuple] | None = None) -> list:
        """An individual event's units from one query of just the columns a unit needs:
        at 10,000 contestants ~25 ms instead of ~70 ms through contestants() and entries().
        The same units as build_units (tests/test_rules.py holds them equal)."""
        if roster is None:
            roster = self._roster_rows(self._UNIT_COLUMNS)
        # Statuses read as entries() reads them: a text the program does not know (a newer
        # version's, a hand edit) is refused, never "no status".
        with self._stored_values():
            return individual_units_stored(roster)

    def ranking(self) -> dict:
        """The contract's ``ranking --json`` object."""
        info = self.info()
        if info.finalized:
            return self._finalized_ranking(info)
        self._refuse_if_sealed()  # RULES.md §12.3: withheld until the reveal
        return {**self._ranking_head(info), **ranking_body(self.standings(info))}

    def ranking_json(self) -> str:
        """``json.dumps(self.ranking(), ensure_ascii=False)``."""
        return self.ranking_json_utf8().decode("utf-8")

    def ranking_json_utf8(self) -> bytes:
        """``ranking_json()`` in UTF-8, what the command prints: without a dict per row while
        the sitting is open (exchange/results.ranking_utf8)."""
        info = self.info()
        if info.finalized:
            return json.dumps(self._finalized_ranking(info), ensure_ascii=False).encode("utf-8")
        self._refuse_if_sealed()  # RULES.md §12.3: withheld until the reveal
        return ranking_utf8(self._ranking_head(info), self.standings(info))

    def _finalized_ranking(self, info: Info) -> dict:
        """The ranking as finalised: the stored document's, not one computed again."""
        doc = self.finalized_document()
        body = {k: doc["ranking"][k] for k in ("ranked", "advance_quota", "complete", "warnings", "rows")}
        return {**self._ranking_head(info), **body}

    @staticmethod
    def _ranking_head(info: Info) -> dict:
        ev = info.event
        return {
            "event": {"no": ev.no, "name": ev.name, "certified": ev.certified, "team_size": ev.team_size},
            "stage": info.stage.value,
            "committee": info.committee,
            "finalized": info.finalized,
            "version": info.version,
            "fingerprint": info.fingerprint,
        }

    def results_document(self, info: Info | None = None) -> dict:
        """Everything the finalised results consist of; its SHA-256 is the fingerprint."""
        info = info or self.info()
        self._refuse_if_sealed()
        roster = self._roster_rows()  # the people; an individual event's units come from the same rows
        standings = self.standings(info, roster)
        # The next committee needs the phones of those who go on only (issue 14): the
        # document (and so the handoff file) carries no one else's; the roster keeps them.
        going = {no for s in standings.rows if s.advances for no in (s.unit.members or (s.unit.key,))}
        # Marks go text → mark → text, as everywhere: a legacy "-0.00" is written "0.00".
        # A status the program does not know raises, as entries() does.
        people = [
            {
                "no": no, "name": name, "id_number": id_number, "sex": sex,
                "birth_date": birth_date, "category": category, "unit": unit,
                "union_card": bool(card), "team": team or None,
                "phone": phone if no in going else "",
                "theory": format_mark(mark_from_text(t)), "practical": format_mark(mark_from_text(p)),
                "status": Status(s).value if s else None,
                "origin": json.loads(origin) if origin else None,
            }
            for no, name, card, t, p, s, id_number, sex, birth_date, category, unit, team, phone, origin in roster
        ]
        ev, rules = info.event, info.rules
        body = ranking_body(standings)
        body["tie_methods"] = tie_methods(standings)
        doc = {
            "format": RESULTS_FORMAT,
            "competition": COMPETITION_NAME,
            "event": {"no": ev.no, "name": ev.name, "host": ev.host, "certified": ev.certified,
                      "team_size": ev.team_size, "levels": list(rules.levels)},
            "stage": info.stage.value,
            "committee": info.committee,
            "date": info.date.isoformat(),
            "version": info.version,
            "settings": {"quota": rules.quota, "pass_mark": str(rules.pass_mark),
                         "certificate_policy": rules.certificate_policy.value},
            "ranking": body,
            "contestants": people,
            "admitted": self.admitted(),
            "tie_decisions": [
                {"order": list(d.order), "total": str(d.total), "practical": str(d.practical),
                 "method": d.method, "reason": d.reason, "seed": d.seed}
                for d in self.tie_decisions()
            ],
        }
        scheme = self.panel_scheme()
        if scheme is not None:
            # How each practical mark was reached, for the next committee and the judges'
            # sheet. Only with a panel: a single-mark file's document (and fingerprint) is
            # exactly what it was. A team's members each carry the team's judges' marks.
            doc["practical_scheme"] = json.loads(scheme_to_json(scheme))
            owner, sheets = self._panel_owner(), self.panel_sheets()
            for person in people:
                sheet = sheets.get(owner.get(person["no"], person["no"]), {})
                person["panel"] = {module: {str(j): format_mark(score) for j, score in sorted(judges.items())}
                                   for module, judges in sheet.items()}
        times = self.codes_times()
        if times["sealed_at"]:
            # Marked under codes: the fact and the times travel, never the key. A file that
            # never sealed has exactly the document (and fingerprint) it always had.
            doc["codes"] = times
        return doc

    def finalized_document(self) -> dict:
        info = self.info()
        if not info.finalized:
            raise RefusedError("not_finalized")
        row = self.store.db.execute("SELECT document FROM finalizations WHERE version=?", [info.version]).fetchone()
        return json.loads(row[0])

    def audit_entries(self):
        return self._shown_audit(self.store.audit_entries())  # while sealed: codes, never 编号

    def verify_audit(self) -> list[str]:
        return self.store.verify_audit()

    # -- helpers for actions -----------------------------------------------------------
    def _stamp(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _audit(self, action: str, **fields) -> None:
        self.store.audit(at=self.store.stamp(self._stamp), operator=self.operator, action=action, **fields)

    def _refuse_if_finalized(self, info: Info | None = None) -> Info:
        """Every action that writes starts here: local disk only, and not once finalised."""
        self.check_location()
        info = info or self.info()
        if info.finalized:
            raise RefusedError("finalized", version=info.version)
        return info

    @staticmethod
    def _need_reason(reason: str | None) -> str:
        if not reason or not reason.strip():
            raise UsageError("reason_required")
        return reason.strip()

    # -- the desk's live ranking (issue 4): re-read only what changed ------------------------
    def live_standings(self) -> Standings:
        """``standings()`` for a screen that asks after every keystroke.

        Keeps the roster, marks and tie decisions it read last time. When the only changes
        since then are marks (audit entries "mark"), it applies those entries to the marks
        it holds instead of re-reading every row, which at 10,000 contestants costs more
        than ranking them. Any other change (roster, ties, settings, finalising, a wrong
        PIN …), made here or by another connection, reads everything again.
        """
        if self.codes_sealed:  # RULES.md §12.3: the desk shows 已加密，解密后显示, no rows
            return Standings(rows=(), ranked=0, advance_quota=None, warnings=(), tie_groups=())
        cache = getattr(self, "_live", None)
        if cache is not None:
            rows = self.store.db.execute(
                "SELECT id, action, subject, field, new FROM audit WHERE id > ? ORDER BY id", [cache["seen"]]
            ).fetchall()
            if all(action == "mark" and field in ("theory", "practical", "status") for _, action, _, field, _ in rows):
                entries = cache["entries"]
                for _, _, no, field, new in rows:
                    value = (Status(new) if new else None) if field == "status" else mark_from_text(new)
                    entries[no] = entries.get(no, Entry())._replace(**{field: value})
                if rows:
                    cache["seen"] = rows[-1][0]
                    self._refresh_units(cache, {no for _, _, no, _, _ in rows})
            else:
                cache = None
        if cache is None:
            seen = self.store.db.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
            info = self.info()
            cache = {"seen": seen, "rules": info.rules, "contestants": self.contestants(),
                     "entries": dict(self.entries()), "decisions": self.tie_decisions()}
            cache["units"] = build_units(cache["contestants"], cache["entries"], info.rules.team_size)
            self._live = cache
        with collector_paused():  # ~5 ms per keystroke (rules/live.py says why)
            return compute_standings(cache["units"], cache["rules"], cache["decisions"])

    @staticmethod
    def _refresh_units(cache: dict, changed: set[str]) -> None:
        """Rebuild only the changed contestants' units (a team event rebuilds its teams)."""
        if cache["rules"].team_size > 1:
            cache["units"] = build_units(cache["contestants"], cache["entries"], cache["rules"].team_size)
            return
        index = cache.setdefault("index", {u.key: i for i, u in enumerate(cache["units"])})
        people = cache.setdefault("people", {c.no: c for c in cache["contestants"]})
        fresh = build_units([people[no] for no in changed if no in people], cache["entries"], 1)
        for unit in fresh:
            cache["units"][index[unit.key]] = unit

    # -- the backups dialog (issue 7) shows the folder set with set_second_backup_folder ----------
    def second_backup_folder(self) -> Path | None:
        folder = self.store.meta("second_backup_folder")
        return Path(folder) if folder else None
