"""The facade: ``Competition(path)`` with one typed method per user action (after Anki's
Collection). Each action validates, writes in one transaction together with its audit
entries, and returns what changed. Rankings are derived from marks on demand; a finalised
stage reads its stored, fingerprinted results instead.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import random
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from . import COMPETITION_NAME, __version__
from .catalog import Event, event as catalog_event
from .errors import RefusedError, UsageError
from .messages import register
from .model import ABSENT, CertificatePolicy, Contestant, Entry, Stage, StageRules, Standings, Status, TieDecision
from .pin import hash_pin
from .results import RESULTS_FORMAT, canonical_json, fingerprint_of, ranking_body, standing_row, tie_methods
from .rules.marks import format_mark, mark_from_text, parse_mark
from .rules.outcomes import default_quota
from .rules.standings import compute_standings
from .rules.units import build_units
from .store import Store
from .backup import create_backup, list_backups, restore_into
from .double_entry import DoubleEntryMixin
from .guard import GuardMixin
from .panel import PanelMixin, check_scheme, scheme_to_json
from .rules.panel import PanelScheme
from .location import unsafe_reason

Clock = Callable[[], dt.datetime]

register(
    {
        "pin_wrong": ("裁判长口令错误，操作未执行", "The chief judge's PIN is wrong; nothing was done"),
        "pin_empty": ("裁判长口令不能为空", "The chief judge's PIN must not be empty"),
        "finalized": (
            "本阶段已定稿（第 {version} 版），成绩只读。如需修改，请裁判长撤销定稿并说明理由。",
            "This stage is finalised (version {version}) and read-only. To change it, the chief judge must reopen it with a reason.",
        ),
        "not_finalized": ("本阶段尚未定稿", "This stage is not finalised"),
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


LOCATION_WORDS = {"removable": ("可移动磁盘（U盘）", "removable drive"), "network": ("网络共享", "network share")}


def default_operator() -> str:
    try:
        return os.environ.get("SKILLSCORE_OPERATOR") or getpass.getuser()
    except Exception:  # no login name (e.g. a service account): still record something
        return "unknown"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class Info:
    """What the header of every screen and sheet shows about the sitting."""

    event: Event
    stage: Stage
    committee: str
    date: dt.date
    rules: StageRules
    finalized: bool
    version: int
    fingerprint: str | None
    path: Path


@dataclass
class ImportLog:
    """What an import did, for the GUI's import log and the CLI (Anki's import log)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    changes: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return 0  # an import is all or nothing: a rejected file raises InputError instead


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


BACKUP_EVERY = dt.timedelta(minutes=10)


class Competition(GuardMixin, DoubleEntryMixin, PanelMixin):
    """One committee's sitting of one event at one stage, in one SQLite file."""

    def __init__(self, path: str | Path, *, operator: str | None = None, clock: Clock | None = None):
        self.path = Path(path)
        self.operator = operator or default_operator()
        self.clock = clock or _now
        self.store = Store.open(self.path)
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
        if not pin:
            raise UsageError("pin_empty")
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

    # -- reading -------------------------------------------------------------------
    def info(self) -> Info:
        m = self.store.all_meta()
        ev = catalog_event(int(m["event_no"]))
        quota = m.get("quota") or None
        rules = StageRules(
            stage=Stage(m["stage"]),
            certified=ev.certified,
            levels=tuple(int(x) for x in m["levels"].split(",") if x),
            team_size=ev.team_size,
            quota=int(quota) if quota is not None else None,
            pass_mark=Decimal(m.get("pass_mark", "60")),
            certificate_policy=CertificatePolicy(m.get("certificate_policy", "overall")),
        )
        return Info(
            event=ev,
            stage=rules.stage,
            committee=m["committee"],
            date=dt.date.fromisoformat(m["date"]),
            rules=rules,
            finalized=m.get("finalized") == "1",
            version=int(m.get("version", "1")),
            fingerprint=m.get("fingerprint") or None,
            path=self.path,
        )

    def contestants(self) -> list[Contestant]:
        rows = self.store.db.execute(
            "SELECT no, name, id_number, unit, sex, birth_date, category, union_card, team, phone, seq"
            " FROM contestants ORDER BY seq"
        ).fetchall()
        return [Contestant(*r[:7], bool(r[7]), *r[8:]) for r in rows]

    def entries(self) -> dict[str, Entry]:
        rows = self.store.db.execute("SELECT no, theory, practical, status FROM marks").fetchall()
        return {
            no: Entry(mark_from_text(t), mark_from_text(p), Status(s) if s else None) for no, t, p, s in rows
        }

    def tie_decisions(self) -> list[TieDecision]:
        rows = self.store.db.execute(
            "SELECT ordering, total, practical, method, reason, seed FROM tie_decisions ORDER BY id"
        ).fetchall()
        return [TieDecision(tuple(json.loads(o)), Decimal(t), Decimal(p), m, r, s) for o, t, p, m, r, s in rows]

    def admitted(self) -> dict[str, str]:
        return dict(self.store.db.execute("SELECT no, reason FROM overrides").fetchall())

    def standings(self, info: Info | None = None) -> Standings:
        """The live ranking, computed by the pure rules from the marks as they are now."""
        info = info or self.info()
        units = build_units(self.contestants(), self.entries(), info.rules.team_size)
        return compute_standings(units, info.rules, self.tie_decisions())

    def ranking(self) -> dict:
        """The contract's ``ranking --json`` object."""
        info = self.info()
        if info.finalized:
            doc = self.finalized_document()
            body = {k: doc["ranking"][k] for k in ("ranked", "advance_quota", "complete", "warnings", "rows")}
        else:
            body = ranking_body(self.standings(info))
        ev = info.event
        return {
            "event": {"no": ev.no, "name": ev.name, "certified": ev.certified, "team_size": ev.team_size},
            "stage": info.stage.value,
            "committee": info.committee,
            "finalized": info.finalized,
            "version": info.version,
            "fingerprint": info.fingerprint,
            **body,
        }

    def results_document(self, info: Info | None = None) -> dict:
        """Everything the finalised results consist of; its SHA-256 is the fingerprint."""
        info = info or self.info()
        standings = self.standings(info)
        entries = self.entries()
        origins = dict(self.store.db.execute("SELECT no, origin FROM contestants").fetchall())
        people = []
        for c in self.contestants():
            e = entries.get(c.no, Entry())
            people.append(
                {
                    "no": c.no, "name": c.name, "id_number": c.id_number, "sex": c.sex,
                    "birth_date": c.birth_date, "category": c.category, "unit": c.unit,
                    "union_card": c.union_card, "team": c.team or None, "phone": c.phone,
                    "theory": format_mark(e.theory), "practical": format_mark(e.practical),
                    "status": e.status.value if e.status else None,
                    "origin": json.loads(origins[c.no]) if origins.get(c.no) else None,
                }
            )
        ev, rules = info.event, info.rules
        body = ranking_body(standings)
        body["tie_methods"] = tie_methods(standings)
        return {
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

    def finalized_document(self) -> dict:
        info = self.info()
        if not info.finalized:
            raise RefusedError("not_finalized")
        row = self.store.db.execute("SELECT document FROM finalizations WHERE version=?", [info.version]).fetchone()
        return json.loads(row[0])

    def audit_entries(self):
        return self.store.audit_entries()

    def verify_audit(self) -> list[str]:
        return self.store.verify_audit()

    # -- helpers for actions -----------------------------------------------------------
    def _stamp(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _audit(self, action: str, **fields) -> None:
        self.store.audit(at=self._stamp(), operator=self.operator, action=action, **fields)

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

    # -- safety: location and backups -----------------------------------------------------
    def check_location(self) -> None:
        """Refuse to write to a file on a removable drive or network share (DESIGN.md)."""
        kind = unsafe_reason(self.path)
        if kind:
            zh, en = LOCATION_WORDS[kind]
            raise RefusedError("unsafe_location", path=str(self.path), kind_zh=zh, kind_en=en)

    def backup(self, reason: str = "manual") -> Path:
        """A checked copy made with SQLite's backup API (and to the second folder, if set)."""
        second = self.store.meta("second_backup_folder") or None
        now = self.clock()
        path = create_backup(self.path, reason, now=now.replace(tzinfo=None), conn=self.store.db.conn,
                             second_folder=Path(second) if second else None)
        self._last_backup = now.replace(tzinfo=None)
        self._changed_since_backup = False
        return path

    def backup_on_open(self) -> Path | None:
        """The desk calls this when it opens a file after a pause of 10 minutes or more."""
        if self._last_backup is None or self.clock().replace(tzinfo=None) - self._last_backup >= BACKUP_EVERY:
            return self.backup("open")
        return None

    def _changed(self) -> None:
        """After every committed change: a backup at most every 10 minutes of changes."""
        self._changed_since_backup = True
        if self._last_backup is None or self.clock().replace(tzinfo=None) - self._last_backup >= BACKUP_EVERY:
            self.backup("periodic")

    def backups(self):
        return list_backups(self.path)

    def restore(self, backup: str | Path) -> Path:
        """Replace the file's content with a backup's; the current state is backed up first."""
        backup = Path(backup)
        if not backup.is_file():
            raise RefusedError("backup_missing", path=str(backup))
        self.check_location()
        safety = self.backup("before-restore")
        restore_into(self.store.db.conn, backup)
        with self.store.transaction():
            self._audit("restore", new=backup.name, reason=f"恢复前的状态已备份为 {safety.name}")
        self._changed_since_backup = False
        return safety

    def set_second_backup_folder(self, folder: str | Path | None) -> None:
        self.check_location()
        with self.store.transaction():
            old = self.store.meta("second_backup_folder")
            self.store.set_meta("second_backup_folder", str(folder) if folder else "")
            self._audit("setting", field="second_backup_folder", old=old, new=str(folder) if folder else "")

    def copy_to(self, target: str | Path) -> Path:
        """Copy this file (e.g. from a USB stick) to ``target`` on the local disk."""
        import sqlite3

        from .fsutil import atomic_path

        target = Path(target)
        if target.exists():
            raise RefusedError("file_exists", path=str(target))
        with atomic_path(target) as tmp:
            dest = sqlite3.connect(tmp)
            try:
                self.store.db.conn.backup(dest)
            finally:
                dest.close()
        return target

    # -- actions: roster -----------------------------------------------------------------
    def import_roster(self, path: str | Path, *, sheet: str | None = None) -> ImportLog:
        from .io.roster import read_roster

        info = self._refuse_if_finalized()
        existing = {c.no: c for c in self.contestants()}
        rows = read_roster(Path(path), stage_date=info.date, team_size=info.rules.team_size,
                           existing=existing, admitted=set(self.admitted()), sheet=sheet)
        log = ImportLog()
        self.backup("before-import")
        with self.store.transaction():
            for row in rows:
                c = row.contestant
                record = {k: getattr(c, k) for k in ("name", "id_number", "unit", "sex", "birth_date",
                                                     "category", "union_card", "team", "phone")}
                old = existing.get(c.no)
                if old is None:
                    self.store.db.execute(
                        "INSERT INTO contestants(no, name, id_number, unit, sex, birth_date, category,"
                        " union_card, team, phone, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        [c.no, c.name, c.id_number, c.unit, c.sex, c.birth_date, c.category,
                         int(c.union_card), c.team, c.phone, c.seq],
                    )
                    self._audit("roster_add", subject=c.no, new=record)
                    log.added.append(c.no)
                    continue
                diffs = [(k, getattr(old, k), v) for k, v in record.items() if getattr(old, k) != v]
                if not diffs:
                    log.unchanged.append(c.no)
                    continue
                for k, before, after in diffs:
                    self.store.db.execute(f"UPDATE contestants SET {k}=? WHERE no=?", [int(after) if k == "union_card" else after, c.no])
                    self._audit("roster_update", subject=c.no, field=k, old=str(before), new=str(after))
                    log.changes.append((c.no, k, str(before), str(after)))
                log.changed.append(c.no)
        self._changed()
        return log

    def export_roster(self, path: str | Path) -> Path:
        from .io.export import roster_table, write_table

        return write_table(path, *roster_table(self.contestants(), self.info().rules.team_size > 1), sheet="名单")

    def export_marks(self, path: str | Path) -> Path:
        from .io.export import marks_table, write_table

        return write_table(path, *marks_table(self.contestants(), self.entries()), sheet="成绩")

    def admit(self, no: str, *, reason: str, pin: str) -> None:
        """The chief judge admits a contestant against an eligibility rule (RULES.md §9)."""
        reason = self._need_reason(reason)
        self._refuse_if_finalized()
        self.check_pin(pin)
        with self.store.transaction():
            self.store.db.execute(
                "INSERT OR REPLACE INTO overrides(no, reason, at, operator) VALUES (?,?,?,?)",
                [no, reason, self._stamp(), self.operator],
            )
            self._audit("admit", subject=no, reason=reason)
        self._changed()

    # -- actions: marks ------------------------------------------------------------------
    def _team_of(self, info: Info) -> dict[str, str] | None:
        if info.rules.team_size <= 1:
            return None
        return {c.no: c.team for c in self.contestants()}

    def _write_marks(
        self, updates: dict[str, dict[str, str | None]], log: ImportLog | None = None, reason: str | None = None
    ) -> list[tuple]:
        """Apply {no: {field: stored text}} inside the caller's transaction; audit each change."""
        current = {r[0]: r[1:] for r in self.store.db.execute("SELECT no, theory, practical, status FROM marks")}
        changes = []
        for no, fields in updates.items():
            before = dict(zip(("theory", "practical", "status"), current.get(no, (None, None, None))))
            diffs = {k: v for k, v in fields.items() if before[k] != v}
            if not diffs:
                if log is not None:
                    log.unchanged.append(no)
                continue
            after = {**before, **diffs}
            self.store.db.execute(
                "INSERT INTO marks(no, theory, practical, status) VALUES (?,?,?,?)"
                " ON CONFLICT(no) DO UPDATE SET theory=excluded.theory, practical=excluded.practical, status=excluded.status",
                [no, after["theory"], after["practical"], after["status"]],
            )
            for k, v in diffs.items():
                note = reason or (self.confirmation_note(no, k) if self.double_entry else None)
                self._audit("mark", subject=no, field=k, old=before[k], new=v, reason=note)
                changes.append((no, k, before[k], v))
            if log is not None:
                (log.changed if no in current and any(before.values()) else log.added).append(no)
                log.changes.extend((no, k, before[k], v) for k, v in diffs.items())
        return changes

    def import_marks(self, path: str | Path, *, sheet: str | None = None, second_entry: bool = False) -> ImportLog:
        """Marks from a file, all or nothing. With double entry on, the file is one pass
        (``second_entry`` for the check pass) and only agreeing marks count."""
        from .io.marks import read_marks

        info = self._refuse_if_finalized()
        if second_entry and not self.double_entry:
            raise RefusedError("double_entry_off")
        team_of = self._team_of(info)
        contestants = self.contestants()
        rows = read_marks(Path(path), known={c.no for c in contestants}, team_of=team_of, sheet=sheet)
        panel = self.panel_scheme()
        updates: dict[str, dict[str, str | None]] = {}
        for row in rows:
            if panel and "practical" in row.given and row.practical is not ABSENT:
                raise RefusedError("panel_practical_direct", no=row.no)
            fields = updates.setdefault(row.no, {})
            for part in ("theory", "practical"):
                if part in row.given:
                    fields[part] = format_mark(getattr(row, part))
            if "status" in row.given:
                fields["status"] = row.status.value
            if team_of and "practical" in row.given:
                # The team's one practical mark goes on every member (RULES.md §8).
                for c in contestants:
                    if c.team == team_of[row.no]:
                        updates.setdefault(c.no, {})["practical"] = fields["practical"]
        log = ImportLog()
        self.backup("before-import")
        with self.store.transaction():
            if self.double_entry:
                updates = self._record_passes(updates, 2 if second_entry else 1)
            self._write_marks(updates, log)
        self._changed()
        return log

    def set_mark(self, no: str, field: str, text: str | None, *, entry_pass: int = 1) -> list[tuple]:
        """One typed value (GUI): theory, practical ('' clears, 缺考 = absent) or status.

        With double entry on, ``entry_pass`` says whether this is the entry (1) or the
        check (2); the returned changes are those to counted marks only."""
        info = self._refuse_if_finalized()
        people = {c.no: c for c in self.contestants()}
        if no not in people:
            raise RefusedError("contestant_unknown", no=no)
        if field in ("theory", "practical"):
            stored = format_mark(parse_mark(text))
            if field == "practical" and stored not in (None, "absent") and self.panel_scheme():
                raise RefusedError("panel_practical_direct", no=no)
        elif field == "status":
            from .io.marks import parse_status

            status = parse_status(text or "")
            stored = status.value if status else None
        else:
            raise UsageError("field_unknown", field=field)
        targets = [no]
        if field == "practical" and info.rules.team_size > 1:
            targets = [c.no for c in people.values() if c.team == people[no].team]
        updates = {t: {field: stored} for t in targets}
        with self.store.transaction():
            if self.double_entry:
                updates = self._record_passes(updates, entry_pass)
            changes = self._write_marks(updates)
        self._changed()
        return changes

    # -- actions: settings -----------------------------------------------------------------
    def set_quota(self, quota: int | None, *, pin: str) -> None:
        info = self._refuse_if_finalized()
        self.check_pin(pin)
        if not info.stage.advances:
            raise RefusedError("quota_final")
        if quota is not None:
            ranked = self.standings(info).ranked
            ceiling = default_quota(ranked)
            if quota < 0:
                raise RefusedError("quota_negative")
            if quota > ceiling:
                raise RefusedError("quota_too_large", quota=quota, ranked=ranked, ceiling=ceiling)
        with self.store.transaction():
            old = self.store.meta("quota")
            self.store.set_meta("quota", "" if quota is None else str(quota))
            self._audit("set_quota", field="quota", old=old, new="" if quota is None else str(quota))
        self._changed()

    # -- actions: ties -----------------------------------------------------------------------
    def _group(self, members: list[str], standings: Standings) -> tuple[str, ...]:
        for group in standings.tie_groups:
            if set(group) == set(members):
                return group
        groups = "；".join("、".join(g) for g in standings.tie_groups) or "—"
        raise RefusedError("tie_not_a_group", value="、".join(members), groups=groups)

    def _decide(self, order: list[str], method: str, reason: str, seed: str | None) -> None:
        standings = self.standings()
        group = self._group(order, standings)
        unit = next(s.unit for s in standings.rows if s.unit.key == group[0])
        self.backup("before-tie")
        with self.store.transaction():
            self.store.db.execute(
                "INSERT INTO tie_decisions(members, ordering, total, practical, method, reason, seed, at, operator)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [json.dumps(sorted(group), ensure_ascii=False), json.dumps(order, ensure_ascii=False),
                 str(unit.total), format_mark(unit.practical) if unit.practical is not ABSENT else "0.00",
                 method, reason, seed, self._stamp(), self.operator],
            )
            self._audit(f"tie_{method}", subject="、".join(sorted(group)), field="order",
                        new=order, reason=reason if method == "committee" else f"seed={seed}")
        self._changed()

    def resolve_tie(self, order: list[str], *, reason: str, pin: str) -> None:
        reason = self._need_reason(reason)
        self._refuse_if_finalized()
        self.check_pin(pin)
        if len(set(order)) != len(order):
            raise RefusedError("tie_order_incomplete", members="、".join(order))
        self._decide(list(order), "committee", reason, None)

    def draw_lots(self, group: list[str], *, pin: str, seed: str | None = None) -> list[str]:
        """Order a tied group by lot; the seed is kept so anyone can repeat the draw."""
        self._refuse_if_finalized()
        self.check_pin(pin)
        members = sorted(self._group(list(group), self.standings()))
        seed = seed or secrets.token_hex(8)
        order = list(members)
        random.Random(seed).shuffle(order)
        self._decide(order, "lot", "抽签确定", seed)
        return order

    # -- actions: finalising -----------------------------------------------------------------
    def finalize_blockers(self) -> list[tuple[str, dict]]:
        """What still stands in the way of finalising (RULES.md §10), as message codes."""
        info = self.info()
        if info.finalized:
            return [("finalized", {"version": info.version})]
        standings = self.standings(info)
        blockers = []
        if not standings.rows:
            blockers.append(("finalize_empty", {}))
        incomplete = [s.unit.key for s in standings.rows if s.unit.status is Status.INCOMPLETE]
        if incomplete:
            shown = "、".join(incomplete[:10]) + ("…" if len(incomplete) > 10 else "")
            blockers.append(("finalize_incomplete", {"count": len(incomplete), "nos": shown}))
        if standings.tie_groups:
            blockers.append(("finalize_ties", {"groups": "；".join("、".join(g) for g in standings.tie_groups)}))
        pending = self.pending_marks() if self.double_entry else []
        if pending:
            shown = "、".join(f"{p.no}" for p in pending[:10]) + ("…" if len(pending) > 10 else "")
            blockers.append(("finalize_unconfirmed", {"count": len(pending), "items": shown}))
        return blockers

    def finalize(self, *, pin: str) -> str:
        """Freeze the results, store them with their fingerprint, return the fingerprint."""
        self.check_pin(pin)
        blockers = self.finalize_blockers()
        if blockers:
            code, params = blockers[0]
            raise RefusedError(code, **params)
        info = self.info()
        doc = self.results_document(info)
        fingerprint = fingerprint_of(doc)
        self.backup("before-finalize")
        with self.store.transaction():
            self.store.db.execute(
                "INSERT OR REPLACE INTO finalizations(version, fingerprint, document, at, operator) VALUES (?,?,?,?,?)",
                [info.version, fingerprint, canonical_json(doc).decode("utf-8"), self._stamp(), self.operator],
            )
            self.store.set_meta("finalized", "1")
            self.store.set_meta("fingerprint", fingerprint)
            self._audit("finalize", new={"version": info.version, "fingerprint": fingerprint})
        self.backup("finalize")
        return fingerprint

    def reopen(self, *, reason: str, pin: str) -> int:
        reason = self._need_reason(reason)
        self.check_pin(pin)
        info = self.info()
        if not info.finalized:
            raise RefusedError("not_finalized")
        version = info.version + 1
        self.backup("before-reopen")
        with self.store.transaction():
            self.store.set_meta("finalized", "0")
            self.store.set_meta("fingerprint", "")
            self.store.set_meta("version", str(version))
            self._audit("reopen", field="version", old=str(info.version), new=str(version), reason=reason)
        self._changed()
        return version
