"""Several desks at one venue (issue 9). Mixed into Competition.

A desk works on a copy of the main file (``skillscore copy FILE TARGET``): the copy
shares the sitting's ``competition_id``. ``export_desk`` writes the marks the desk
entered since its last export as a desk file (desk_file.py); the main desk's
``merge_desk_files`` takes them in, and says of every value what it adds, changes,
leaves unchanged or holds as a conflict.

The rule, for each mark a desk file brings (the desk's value, and the value the desk
had before it changed it, its *base*):
  - equal to the main file's current value: unchanged;
  - the main file still holds the desk's base: the desk's own entry or correction is
    taken (added, or changed). This covers "the main value came from an earlier merge of
    the same desk" too: that value is then the desk's base;
  - otherwise two people typed different values for the same mark: a conflict. It is
    held (``desk_conflicts``), the main file keeps its value, the rest of the file
    merges, and finalising is refused until the chief judge, paper in hand, settles it
    (``settle``, or ``settle_conflict`` for a status or a judge's mark).
With double entry on, the desks' typed passes are the two entries: a desk file's pass-2
values go to the second pass under the desk's operator, exactly as if typed here, and
only agreeing passes count. Judges' marks (panel) merge first; the practical mark is
derived from them here, never taken from the desk, except 缺考 for the whole part.

Merging is one transaction (per command, all files or none) after a backup, with an
audit entry per value naming the desk, one per held conflict, and a summary per file.
The main file records each merged desk file by SHA-256 and each desk audit entry it took
by hash: merging the same file twice changes nothing, nor does a desk file that repeats
what was merged already. A file that continues an export the main file never merged is
refused (a desk file went missing), rather than merging out of order.

Make every desk's copy from the main file: a copy of a desk file that has exported
already would share that desk's identity (``desk_id``), and so its held conflicts.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ..errors import RefusedError
from ..messages import register, render
from ..rules.marks import MarkError, format_mark, mark_from_text, parse_mark, parse_status
from ..storage.database import GENESIS

register(
    {
        "desk_other_competition": (
            "{file} 不是本场比赛的录入台文件（它属于：{event} · {stage} · {committee}），不能合并。"
            "录入台须使用主文件的副本（skillscore copy）。",
            "{file} is not a desk file of this sitting (it belongs to: {event} · {stage} · {committee}); "
            "nothing was merged. A desk must work on a copy of the main file (skillscore copy).",
        ),
        "desk_settings_differ": (
            "{file} 的“{setting}”与本文件不同（录入台：{desk_value}；本文件：{main_value}），不能合并",
            "{file}: '{setting}' differs from this file (desk: {desk_value}; this file: {main_value}); nothing was merged",
        ),
        "desk_gap": (
            "{file}（录入台「{desk}」第 {sequence} 份）接续的是本文件尚未合并的一次导出：请先合并该录入台之前的录入台文件，"
            "或在该录入台用 skillscore desk export --all 重新导出全部录入",
            "{file} (desk '{desk}', export {sequence}) continues an export this file has not merged: merge that desk's "
            "earlier desk file first, or export everything again at that desk with skillscore desk export --all",
        ),
        "desk_contestant_unknown": (
            "{file}：编号 {no} 不在本文件的名单中，不能合并（请先在主文件导入名单）",
            "{file}: number {no} is not on this file's roster; nothing was merged (import the roster here first)",
        ),
        "desk_item_invalid": (
            "{file}：编号 {no} 的{field}「{value}」不是本文件允许的值，不能合并",
            "{file}: {field} of {no}, '{value}', is not a value this file allows; nothing was merged",
        ),
        "desk_no_conflict": ("编号 {no} 的{field}没有待裁定的录入台冲突", "There is no held desk conflict on {field} of {no}"),
        "desk_field_unknown": (
            "「{value}」不是可裁定的项：应为 theory、practical、status 或 模块/裁判号（如 实操/2）",
            "'{value}' cannot be settled: use theory, practical, status or MODULE/JUDGE (e.g. 实操/2)",
        ),
        "finalize_desk_conflicts": (
            "不能定稿：{count} 项录入台成绩冲突尚待裁判长对照原始成绩单裁定（{items}）",
            "Cannot finalise: {count} conflicting desk value(s) wait for the chief judge to settle them with the paper "
            "sheet ({items})",
        ),
    }
)

SETTLED = "裁判长对照原始成绩单裁定"
MARK_FIELDS = ("theory", "practical", "status")
FIELD_WORDS = {"theory": ("理论知识", "theory"), "practical": ("技能操作", "practical"), "status": ("状态", "status")}
VALUE_WORDS = {"absent": ("缺考", "absent"), "withdrawn": ("弃权", "withdrawn"),
               "disqualified": ("取消资格", "disqualified"), None: ("（空）", "(none)")}


def value_text(value: str | None, lang: str = "zh") -> str:
    words = VALUE_WORDS.get(value)
    return words[lang == "en"] if words else str(value)


def key_label(kind: str, field_: str, judge: int, pass_no: int, lang: str = "zh") -> str:
    """理论知识 · 技能操作（第 2 遍录入）· 实操 · 裁判 3, as the user reads a mark's place."""
    en = lang == "en"
    if kind == "panel":
        return f"{field_} · judge {judge}" if en else f"{field_} · 裁判 {judge}"
    words = FIELD_WORDS[field_][en]
    if kind == "entry":
        return f"{words} (pass {pass_no})" if en else f"{words}（第 {pass_no} 遍录入）"
    return words


def _audit_field(kind: str, field_: str, judge: int, pass_no: int) -> str:
    # The same spelling the panel's own audit entries use for a judge's mark.
    return f"{field_}/裁判{judge}" if kind == "panel" else f"{field_}/pass{pass_no}" if kind == "entry" else field_


class DeskChange(NamedTuple):
    """One mark a desk file brought: the main file's value before, the desk's value."""

    kind: str
    no: str
    field: str
    judge: int
    pass_no: int
    before: str | None
    after: str | None

    def label(self, lang: str = "zh") -> str:
        return key_label(self.kind, self.field, self.judge, self.pass_no, lang)


class MergeReport:
    """What merging one desk file did: the marks it brought, as added, changed, unchanged or held as a conflict."""

    __slots__ = ("path", "desk", "sequence", "operator", "sha256", "already", "added", "changed", "unchanged",
                 "conflicts", "known")

    def __init__(self, path: Path, desk: str, sequence: int, operator: str, sha256: str) -> None:
        self.path, self.desk, self.sequence, self.operator, self.sha256 = path, desk, sequence, operator, sha256
        self.already: tuple[str, str] | None = None  # (when, by whom) this very file was merged before
        self.added: list[DeskChange] = []
        self.changed: list[DeskChange] = []
        self.unchanged: list[DeskChange] = []
        self.conflicts: list[DeskChange] = []
        self.known = 0  # entries the main file had already: its own history, or merged before

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed), "unchanged": len(self.unchanged),
                "conflicts": len(self.conflicts), "known": self.known}


class HeldConflict(NamedTuple):
    """A mark a desk file's merge held as a conflict: the desk's value and the main file's, until it is settled."""

    kind: str
    no: str
    field: str
    judge: int
    pass_no: int
    desk: str
    value: str | None  # the desk's value
    main_value: str | None  # the main file's value now
    operator: str  # who typed the desk's value, and when
    at: str

    def label(self, lang: str = "zh") -> str:
        return key_label(self.kind, self.field, self.judge, self.pass_no, lang)


class DeskExport(NamedTuple):
    """What ``export_desk`` wrote: the desk file, its sequence number from this desk, its item count and SHA-256."""

    path: Path
    desk: str
    sequence: int
    count: int
    sha256: str
    code: str = ""  # this desk's code (交接码), which the merging desk types


class _DryRun(Exception):
    """Raised inside the merge's transaction to roll a trial merge back."""


def _verdict(current: str | None, base: str | None, value: str | None) -> str:
    if value == current:
        return "unchanged"
    if current == base:
        return "added" if current is None else "changed"
    return "conflicts"


class DeskMixin:
    # -- the desk: exporting ----------------------------------------------------------------
    def export_desk(self, out: str | Path, *, desk: str | None = None, everything: bool = False) -> DeskExport:
        """Write what this desk entered since its last export (``everything``: since the
        copy was made, for a desk file that went missing) to ``out``, a desk file."""
        import uuid

        from ..exchange.desk_file import DESK_CODE_KEY, WHAT, desk_file_bytes
        from ..exchange.desk_file import FORMAT_FAMILY
        from ..exchange.safezip import container_fail, refuse_replacing, write_safely
        from ..exchange.sealing import new_code

        self.check_location()  # the export moves this file's watermark
        info, meta = self.info(), self.store.all_meta()
        since = 0 if everything else int(meta.get("desk_watermark") or 0)
        upto = int(meta.get("audit_count") or 0)
        name = (desk or meta.get("desk_name") or self.operator).strip() or self.operator
        desk_id = meta.get("desk_id") or uuid.uuid4().hex
        sequence = int(meta.get("desk_sequence") or 0) + 1
        items = self._desk_items(since)
        manifest = {
            "competition_id": meta["competition_id"],
            "event": {"no": info.event.no, "name": info.event.name}, "stage": info.stage.value,
            "committee": info.committee, "desk": name, "desk_id": desk_id,
            "entry_passes": sorted({i.pass_no for i in items if i.pass_no}), "sequence": sequence,
            "since": since, "since_hash": self._audit_hash(since), "upto": upto, "upto_hash": self._audit_hash(upto),
            "settings": self._desk_settings(), "exported_at": self._stamp(), "operator": self.operator,
        }
        code = meta.get(DESK_CODE_KEY) or new_code()  # one per desk copy: see desk_file.py
        data, manifest = desk_file_bytes(manifest, items, code)
        # Over an earlier desk file of this sitting, yes (it is merged, or --all restores it);
        # over a handoff file or another sitting's desk file, no.
        refuse_replacing(out, lambda held: held["format"].startswith(FORMAT_FAMILY)
                         and held.get("competition_id") == manifest["competition_id"], WHAT)
        digest = write_safely(out, data, container_fail(WHAT))
        with self.store.transaction():
            for key, value in (("desk_watermark", upto), ("desk_sequence", sequence), ("desk_id", desk_id),
                               ("desk_name", name), (DESK_CODE_KEY, code)):
                self.store.set_meta(key, str(value))
            self._audit("desk_export", subject=name, new={"file": Path(out).name, "sequence": sequence, "since": since,
                                                          "upto": upto, "count": len(items), "sha256": digest})
        self._changed()
        return DeskExport(Path(out), name, sequence, len(items), digest, code)

    def _desk_settings(self) -> dict:
        settings = {"double_entry": self.double_entry, "practical_scheme": self.store.meta("practical_scheme") or ""}
        if self.store.meta("codes_sealed_at"):  # only then: other desk files stay as they were
            settings["codes_sealed_at"] = self.store.meta("codes_sealed_at")
        return settings

    def _audit_hash(self, entry_id: int) -> str:
        row = self.store.db.execute("SELECT hash FROM audit WHERE id=?", [entry_id]).fetchone()
        return row[0] if row else GENESIS

    def _desk_items(self, since: int):
        """The changes to marks this file's audit log records after entry ``since``."""
        from ..exchange.desk_file import DeskItem

        double, panel = self.double_entry, self.panel_scheme() is not None
        typed: dict[tuple, str | None] = {}  # a pass's value so far: its audit entries have no "old"
        items = []
        for e in self.store.audit_entries():
            found = None
            if e.action == "mark_entry":
                pass_no = int((e.reason or "").partition("=")[2] or 0)
                old, typed[(e.subject, e.field, pass_no)] = typed.get((e.subject, e.field, pass_no)), e.new
                if pass_no in (1, 2):
                    found = ("entry", e.subject, e.field, 0, pass_no, old, e.new)
            elif e.action == "mark" and e.field in MARK_FIELDS:
                if double and e.field != "status":
                    continue  # counted marks follow from the passes, which travel themselves
                if panel and e.field == "practical" and "absent" not in (e.old, e.new):
                    continue  # derived from the judges' marks, which travel themselves
                found = ("mark", e.subject, e.field, 0, 0, e.old, e.new)
            elif e.action == "panel_mark":
                module, _, judge = (e.field or "").rpartition("/裁判")
                found = ("panel", e.subject, module, int(judge), 0, e.old, e.new)
            if found and e.id > since:
                items.append(DeskItem(e.id, e.hash, *found, e.operator, e.at))
        return items

    # -- the main desk: merging -------------------------------------------------------------
    def merge_desk_files(self, paths: Iterable[str | Path], *, codes: list[str | None] | None = None,
                         dry_run: bool = False) -> list[MergeReport]:
        """Merge desk files in the order given, sealed ones opened with ``codes`` (one per
        file, in order); ``dry_run`` reports without writing."""
        from ..exchange.desk_file import read_desk_file
        from ..exchange.sealing import paired_codes

        self._refuse_if_finalized()
        paths = list(paths)
        # every file verified (and opened) before anything is written
        files = [read_desk_file(p, c) for p, c in zip(paths, paired_codes(paths, codes))]
        for f in files:
            self._check_belongs(f)
        if not dry_run:
            self.backup("before-import")
        reports: list[MergeReport] = []
        try:
            with self.store.transaction():
                for f in files:
                    reports.append(self._merge_one(f))
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        if not dry_run:
            self._changed()
        return reports

    def _check_belongs(self, f) -> None:
        m = f.manifest
        if m["competition_id"] != self.store.meta("competition_id"):
            from ..model import stage_name

            raise RefusedError("desk_other_competition", file=f.path.name, committee=m["committee"],
                               event=f"{m['event']['no']} {m['event']['name']}", stage=stage_name(m["stage"]))
        ours = self._desk_settings()
        for key, words in (("double_entry", "复核（双人录入）"), ("practical_scheme", "技能操作评分方案")):
            if m["settings"][key] != ours[key]:
                raise RefusedError("desk_settings_differ", file=f.path.name, setting=words,
                                   desk_value=str(m["settings"][key]) or "—", main_value=str(ours[key]) or "—")
        self._check_desk_codes(f)  # practical marks by code only from a desk sealed as this file is

    def _merge_one(self, f) -> MergeReport:
        m = f.manifest
        report = MergeReport(f.path, m["desk"], m["sequence"], m["operator"], f.sha256)
        row = self.store.db.execute("SELECT at, operator FROM desk_merges WHERE sha256=?", [f.sha256]).fetchone()
        if row:
            report.already = (row[0], row[1])
            report.known = len(f.items)
            return report
        self._check_continues(f)
        items = self._new_items(f)
        report.known = len(f.items) - len(items)
        self._check_items(f, items)
        collapsed: dict[tuple, list] = {}  # key → [base, value, last item], in the log's order
        for it in items:
            if it.key in collapsed:
                collapsed[it.key][1:] = [it.new, it]
            else:
                collapsed[it.key] = [it.old, it.new, it]
        by_kind = {kind: [(k, *v) for k, v in collapsed.items() if k[0] == kind] for kind in ("panel", "entry", "mark")}
        note = f"录入台「{report.desk}」第 {report.sequence} 份"
        self._merge_panel(f, report, by_kind["panel"], note)
        self._merge_entries(f, report, by_kind["entry"], note)
        self._merge_marks(f, report, by_kind["mark"], note)
        self.store.db.execute(
            "INSERT INTO desk_merges(sha256, desk_id, desk, sequence, since, upto, upto_hash, file_name, summary, at,"
            " operator) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [f.sha256, m["desk_id"], report.desk, report.sequence, m["since"], m["upto"], m["upto_hash"],
             f.path.name, json.dumps(report.counts()), self._stamp(), self.operator])
        self.store.db.conn.executemany("INSERT OR IGNORE INTO desk_merged_items(hash, sha256) VALUES (?,?)",
                                  [(it.hash, f.sha256) for it in items])
        for name in ("added", "changed", "unchanged", "conflicts"):  # while sealed, as the desk saw them: by code
            setattr(report, name, self._shown_practical(getattr(report, name)))
        self._audit("desk_merge", subject=report.desk, reason=note,
                    new={"file": f.path.name, "sha256": f.sha256, "desk_id": m["desk_id"], **report.counts()})
        return report

    def _check_continues(self, f) -> None:
        """The file starts where a merged one ended, or inside history shared with this file."""
        m = f.manifest
        if m["since"] == 0 or self._audit_hash(m["since"]) == m["since_hash"]:
            return
        if self.store.db.execute("SELECT 1 FROM desk_merges WHERE upto_hash=?", [m["since_hash"]]).fetchone():
            return
        raise RefusedError("desk_gap", file=f.path.name, desk=m["desk"], sequence=m["sequence"])

    def _new_items(self, f) -> list:
        """Leave out this file's own history up to the copy, and what was merged before."""
        m = f.manifest
        ours = dict(self.store.db.execute("SELECT id, hash FROM audit WHERE id > ? AND id <= ?", [m["since"], m["upto"]]))
        merged = {h for (h,) in self.store.db.execute("SELECT hash FROM desk_merged_items")}
        return [it for it in f.items if ours.get(it.id) != it.hash and it.hash not in merged]

    def _check_items(self, f, items) -> None:
        """All or nothing: a value this file would refuse if typed here refuses the merge."""
        known = {c.no for c in self.contestants()}
        owners = set(self._panel_owner().values())
        scheme = self.panel_scheme()
        for it in items:
            if it.no not in (owners if it.kind == "panel" else known):
                raise RefusedError("desk_contestant_unknown", file=f.path.name, no=it.no)
            if not self._allowed(it, scheme):
                raise RefusedError("desk_item_invalid", file=f.path.name, no=it.no, value=it.new,
                                   field=key_label(it.kind, it.field, it.judge, it.pass_no))

    @staticmethod
    def _allowed(it, scheme) -> bool:
        if it.new is None:
            return it.kind != "panel" or (scheme is not None and scheme.module(it.field) is not None)
        if it.field == "status" and it.kind == "mark":
            return it.new in ("absent", "withdrawn", "disqualified")
        module = scheme.module(it.field) if scheme and it.kind == "panel" else None
        if it.kind == "panel" and (module is None or it.judge > scheme.judges):
            return False
        try:
            mark = parse_mark(it.new, **({"maximum": module.maximum, "allow_absent": False} if module else {}))
        except MarkError:
            return False
        return format_mark(mark) == it.new  # the stored form exactly: '85.50', 'absent'

    def _judge(self, f, report, key, base, value, last, current, note) -> bool:
        """Sort one value into the report; hold a conflict; True if it is to be written."""
        kind, no, field_, judge, pass_no = key
        verdict = _verdict(current, base, value)
        getattr(report, verdict).append(DeskChange(kind, no, field_, judge, pass_no, current, value))
        where = [kind, no, field_, judge, pass_no, f.manifest["desk_id"]]
        if verdict == "conflicts":
            self.store.db.execute(
                "INSERT OR REPLACE INTO desk_conflicts(kind, no, field, judge, pass, desk_id, desk, value, main_value,"
                " operator, at, sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [*where, report.desk, value, current, last.operator, last.at, f.sha256])
            self._audit("desk_conflict", subject=no, field=_audit_field(kind, field_, judge, pass_no), old=current,
                        new=value, reason=f"{note}（{last.operator} {last.at}）：与本文件不一致，待裁判长裁定")
            return False
        # The desk now agrees, or corrected itself: its own earlier held value is superseded.
        self.store.db.execute("DELETE FROM desk_conflicts WHERE kind=? AND no=? AND field=? AND judge=? AND pass=?"
                              " AND desk_id=?", where)
        return verdict != "unchanged"

    @contextmanager
    def _typed_by(self, operator: str) -> Iterator[None]:
        """Record a desk's typist as who typed a pass or a judge's mark (the double-entry
        rule needs two different people); the merge's own entries name who merged."""
        merging, self.operator = self.operator, operator
        try:
            yield
        finally:
            self.operator = merging

    def _merge_panel(self, f, report, keys, note) -> None:
        if not keys:
            return
        current = {(no, mod, j): s for no, mod, j, s in self.store.db.execute(
            "SELECT no, module, judge, score FROM panel_marks")}
        by_operator: dict[str, list] = {}
        for key, base, value, last in keys:
            if self._judge(f, report, key, base, value, last, current.get((key[1], key[2], key[3])), note):
                by_operator.setdefault(last.operator, []).append((key[1], key[2], key[3], mark_from_text(value)))
        for operator, rows in by_operator.items():
            with self._typed_by(operator):
                self._write_panel_scores(rows)
        owners = {row[0] for rows in by_operator.values() for row in rows}
        if owners:
            self._refresh_practical(owners, self.panel_scheme())

    def _merge_entries(self, f, report, keys, note) -> None:
        current = {(no, fld, p): v for no, fld, p, v in self.store.db.execute(
            "SELECT no, field, pass, value FROM mark_entries")}
        groups: dict[tuple[int, str], dict[str, dict[str, str | None]]] = {}
        for key, base, value, last in keys:
            if self._judge(f, report, key, base, value, last, current.get((key[1], key[2], key[4])), note):
                groups.setdefault((key[4], last.operator), {}).setdefault(key[1], {})[key[2]] = value
        for (pass_no, operator), updates in groups.items():
            with self._typed_by(operator):
                agreed = self._record_passes(updates, pass_no)
            self._write_marks(agreed)  # counted marks carry the double-entry confirmation note

    def _merge_marks(self, f, report, keys, note) -> None:
        scheme = self.panel_scheme()
        current = {no: dict(zip(MARK_FIELDS, rest)) for no, *rest in self.store.db.execute(
            "SELECT no, theory, practical, status FROM marks")}
        by_operator: dict[str, dict[str, dict[str, str | None]]] = {}
        for key, base, value, last in keys:
            no, field_ = key[1], key[2]
            if scheme and field_ == "practical" and value not in (None, "absent"):
                continue  # the desk's judges' marks merged above; the mark is derived from them here
            if self._judge(f, report, key, base, value, last, current.get(no, {}).get(field_), note):
                by_operator.setdefault(last.operator, {}).setdefault(no, {})[field_] = value
        for operator, updates in by_operator.items():
            self._write_marks(updates, reason=f"{note}，录入员 {operator}")
        cleared = {no for updates in by_operator.values() for no, fs in updates.items()
                   if "practical" in fs and fs["practical"] is None}
        if scheme and cleared:
            owner = self._panel_owner()
            self._refresh_practical({owner[no] for no in cleared}, scheme)  # 缺考 withdrawn: back to the judges

    # -- held conflicts ---------------------------------------------------------------------
    def held_conflicts(self, no: str | None = None, field_: str | None = None, judge: int = 0) -> list[HeldConflict]:
        """Conflicts waiting for the chief judge; with ``no`` and ``field_``, those on one
        mark (``judge`` > 0: a judge's mark in that module; else theory/practical/status)."""
        sql = "SELECT kind, no, field, judge, pass, desk, value, operator, at FROM desk_conflicts"
        args: list = []
        if no is not None:
            sql += " WHERE no=? AND field=? AND judge=? AND (kind='panel') = ?"
            args = [no, field_, judge, judge > 0]
        rows = self.store.db.execute(sql + " ORDER BY no, field, judge, pass, desk", args).fetchall()
        return self._shown_practical([HeldConflict(k, n, fl, j, p, d, v, self._main_value(k, n, fl, j, p), op, at)
                                      for k, n, fl, j, p, d, v, op, at in rows])

    def _main_value(self, kind: str, no: str, field_: str, judge: int, pass_no: int) -> str | None:
        if kind == "panel":
            sql, args = "SELECT score FROM panel_marks WHERE no=? AND module=? AND judge=?", [no, field_, judge]
        elif kind == "entry":
            sql, args = "SELECT value FROM mark_entries WHERE no=? AND field=? AND pass=?", [no, field_, pass_no]
        else:
            sql, args = f"SELECT {field_} FROM marks WHERE no=?", [no]  # field_ is one of MARK_FIELDS
        row = self.store.db.execute(sql, args).fetchone()
        return row[0] if row else None

    def _release_conflicts(self, no: str, field_: str, value: str | None, judge: int = 0) -> None:
        """Inside the settling transaction: the held conflicts on this mark are decided."""
        for c in self.held_conflicts(no, field_, judge):
            self._audit("desk_conflict_settled", subject=no, field=_audit_field(c.kind, c.field, c.judge, c.pass_no),
                        old=c.value, new=value, reason=f"{SETTLED}（录入台「{c.desk}」）")
        self.store.db.execute("DELETE FROM desk_conflicts WHERE no=? AND field=? AND judge=? AND (kind='panel') = ?",
                              [no, field_, judge, judge > 0])

    def settle_conflict(self, no: str, field_: str, text: str, *, pin: str) -> None:
        """The chief judge settles a held conflict: ``field_`` is theory, practical (as
        ``settle``), status, or a judge's mark written MODULE/JUDGE (e.g. 实操/2)."""
        if field_ in ("theory", "practical"):
            if not self.double_entry and not self.held_conflicts(self._practical_no(no) if field_ == "practical"
                                                                  else no, field_):
                raise RefusedError("desk_no_conflict", no=no, field=field_)
            return self.settle(no, field_, text, pin=pin)
        module, judge = field_, 0
        if field_ != "status":
            module, _, number = field_.rpartition("/")
            number = number.removeprefix("裁判")
            # (a judge is one of a few; twenty digits would not even fit SQLite's integer)
            if not module or not number.isdigit() or len(number) > 3:
                raise RefusedError("desk_field_unknown", value=field_)
            judge = int(number)
            no = self._practical_no(no)  # a judge's mark: while sealed, named by its code
        if not self.held_conflicts(no, module, judge):
            raise RefusedError("desk_no_conflict", no=no, field=field_)
        self._refuse_if_finalized()
        self.check_pin(pin)
        scheme = self.panel_scheme()
        if judge:
            score = parse_mark(text, maximum=scheme.module(module).maximum, allow_absent=False)
            value = format_mark(score)
        else:
            status = parse_status(text or "")
            value = status.value if status else None
        with self.store.transaction():
            if judge:
                self._write_panel_scores([(no, module, judge, score)])
                self._refresh_practical({no}, scheme)
            else:
                self._write_marks({no: {"status": value}}, reason=SETTLED)
            self._release_conflicts(no, module, value, judge)
        self._changed()

    def desk_blockers(self) -> list[tuple[str, dict]]:
        """For finalize_blockers: held conflicts stand in the way of finalising."""
        held = self.held_conflicts()
        if not held:
            return []
        shown = "、".join(f"{c.no} {c.label()}" for c in held[:5]) + ("…" if len(held) > 5 else "")
        return [("finalize_desk_conflicts", {"count": len(held), "items": shown})]


register(
    {
        "desk_merged": (
            "{file}（录入台「{desk}」第 {sequence} 份，{operator}）：新增 {added}，修改 {changed}，未变 {unchanged}，"
            "冲突 {conflicts}，本文件已有 {known}",
            "{file} (desk '{desk}', export {sequence}, {operator}): {added} added, {changed} changed, {unchanged} "
            "unchanged, {conflicts} conflicting, {known} already here",
        ),
        "desk_already": ("{file} 已于 {at} 由 {operator} 合并过：本次未作任何改动",
                         "{file} was merged on {at} by {operator}: nothing changed now"),
        "desk_line_conflict": ("  ! {no} {label}：本文件 {main} · 录入台 {desk_value}（已搁置，待裁判长裁定）",
                               "  ! {no} {label}: this file {main} · desk {desk_value} (held for the chief judge)"),
    }
)


def merge_report_lines(reports: list[MergeReport], lang: str = "zh") -> list[str]:
    """What each merged desk file added, changed and left conflicting, a line each (CLI and desk)."""
    lines = []
    for r in reports:
        if r.already:
            lines.append(render("desk_already", lang, file=r.path.name, at=r.already[0], operator=r.already[1]))
            continue
        lines.append(render("desk_merged", lang, file=r.path.name, desk=r.desk, sequence=r.sequence,
                            operator=r.operator, **r.counts()))
        lines += [f"  + {c.no} {c.label(lang)} {value_text(c.after, lang)}" for c in r.added]
        lines += [f"  ~ {c.no} {c.label(lang)} {value_text(c.before, lang)} → {value_text(c.after, lang)}"
                  for c in r.changed]
        lines += [render("desk_line_conflict", lang, no=c.no, label=c.label(lang), main=value_text(c.before, lang),
                         desk_value=value_text(c.after, lang)) for c in r.conflicts]
    return lines
