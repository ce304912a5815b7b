"""The audit log for people: who changed what, when and why, in words; filtered by operator,
contestant and time; its hash-chain check in plain language; exported to xlsx.

The log itself is written and chained by the store (store.py); this module only reads
``comp.audit_entries()`` and ``comp.verify_audit()``. Values are shown as a committee reads
them (缺考, 弃权, 理论知识), and personal data that sits in roster entries (ID numbers,
phones) is masked: an exported log travels further than the file does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import UsageError
from ..messages import register
from ..rules.privacy import mask_id

register(
    {
        "audit_time_invalid": (
            "时间「{value}」格式不对：应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]",
            "time '{value}' is not valid: write YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]",
        ),
        "audit_out_suffix": ("输出文件 {path} 的扩展名应为 .xlsx", "The output file {path} must end in .xlsx"),
        "audit_out_dir": ("输出目录 {path} 不存在", "The output folder {path} does not exist"),
        "audit_intact": ("日志完整：{count} 条记录，哈希链无误", "Log intact: {count} entries, hash chain verified"),
        "audit_altered": ("日志已被改动！发现 {count} 处问题：", "The log has been altered! {count} problem(s):"),
        "audit_exported": ("已导出 {path}（{shown} 条，共 {total} 条）", "Exported {path} ({shown} of {total} entries)"),
    }
)

COLUMNS = ("id", "at", "operator", "action", "subject", "field", "old", "new", "reason")
HEADERS = {
    "id": ("序号", "#"), "at": ("时间", "Time"), "operator": ("录入员", "Operator"), "action": ("操作", "Action"),
    "subject": ("编号", "No."), "field": ("字段", "Field"), "old": ("原值", "Old value"),
    "new": ("新值", "New value"), "reason": ("理由", "Reason"),
}
# Every action code the core writes (competition.py, double_entry.py, panel.py, guard.py,
# handoff_roster.py); an unknown code is shown as it is rather than hidden.
ACTIONS = {
    "create": ("创建竞赛文件", "Created file"), "roster_add": ("名单新增", "Roster: added"),
    "roster_update": ("名单修改", "Roster: changed"), "roster_remove": ("名单删除", "Roster: removed"),
    "admit": ("准予参赛", "Admitted"), "mark": ("录入成绩", "Mark"), "mark_entry": ("复核录入", "Double entry"),
    "panel_mark": ("裁判评分", "Judge's mark"), "set_quota": ("设置晋级名额", "Quota set"),
    "tie_committee": ("组委会裁定", "Decided by committee"), "tie_lot": ("抽签确定", "Decided by lot"),
    "finalize": ("定稿", "Finalised"), "reopen": ("撤销定稿", "Reopened"), "restore": ("从备份恢复", "Restored"),
    "setting": ("修改设置", "Setting"), "pin_failed": ("口令错误", "Wrong PIN"),
    "pin_changed": ("修改裁判长口令", "PIN changed"), "source_add": ("添加交接文件", "Handoff file added"),
    "source_replace": ("替换交接文件", "Handoff file replaced"),
    # the competition day (RULES.md §12.1, §12.2): actions/checkin.py, actions/draw.py
    "checkin": ("检录", "Checked in"), "checkin_late": ("迟到检录", "Late check-in"),
    "checkin_close": ("截止检录", "Check-in closed"), "draw": ("抽签", "Draw"),
    "draw_import": ("录入手工抽签", "Hand draw recorded"), "draw_move": ("调整工位", "Seat moved"),
}
FIELDS = {
    "theory": ("理论知识", "Theory"), "practical": ("技能操作", "Practical"), "status": ("状态", "Status"),
    "quota": ("晋级名额", "Quota"), "name": ("姓名", "Name"), "unit": ("工作单位", "Employer"),
    "id_number": ("身份证号", "ID number"), "phone": ("联系电话", "Phone"), "sex": ("性别", "Sex"),
    "birth_date": ("出生日期", "Birth date"), "category": ("人员类别", "Category"),
    "union_card": ("互助服务卡", "Mutual-aid card"), "team": ("团队", "Team"), "version": ("版本", "Version"),
    "order": ("排序", "Order"), "origin": ("来源", "Origin"),
    "seed": ("抽签种子", "Seed"), "stations": ("工位数", "Stations"), "units": ("单位数", "Units"),
    "seats": ("场次-工位:编号", "Session-station:no."), "absent": ("缺考", "Absent"), "count": ("人数", "Count"),
}
VALUES = {"absent": ("缺考", "Absent"), "withdrawn": ("弃权", "Withdrawn"),
          "disqualified": ("取消资格", "Disqualified")}
PRIVATE = {"id_number", "phone"}  # masked wherever they appear in an entry


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def header(key: str, lang: str = "zh") -> str:
    return _pick(HEADERS[key], lang)


def action_text(action: str, lang: str = "zh") -> str:
    return _pick(ACTIONS[action], lang) if action in ACTIONS else action


def field_text(field: str | None, lang: str = "zh") -> str:
    if not field:
        return ""
    return _pick(FIELDS[field], lang) if field in FIELDS else field


def _private(key: str | None, value) -> str:
    if value in (None, ""):
        return ""
    return mask_id(str(value)) if key == "id_number" else "***"


def value_text(entry, which: str, lang: str = "zh") -> str:
    """``entry.old`` or ``entry.new`` as a committee reads it."""
    raw = getattr(entry, which)
    if raw is None:
        return ""
    if entry.field in PRIVATE:
        return _private(entry.field, raw)
    if raw in VALUES and entry.action in ("mark", "mark_entry", "panel_mark"):
        return _pick(VALUES[raw], lang)
    if raw[:1] in "[{":
        try:
            data = json.loads(raw)
        except ValueError:
            return raw
        return _structured(data, lang)
    return raw


def _structured(data, lang: str) -> str:
    sep = ", " if lang == "en" else "；"
    if isinstance(data, list):
        return ("、" if lang != "en" else ", ").join(str(x) for x in data)
    if isinstance(data, dict):
        parts = []
        for k, v in data.items():
            shown = _private(k, v) if k in PRIVATE else ("" if v is None else v)
            if isinstance(shown, bool):
                shown = ("yes" if shown else "no") if lang == "en" else ("是" if shown else "否")
            if isinstance(shown, (dict, list)):
                shown = json.dumps(shown, ensure_ascii=False, sort_keys=True)
            parts.append(f"{field_text(k, lang)}={shown}")
        return sep.join(parts)
    return str(data)


def when(entry) -> dt.datetime:
    """The entry's wall-clock time as written (its own UTC offset dropped for comparing)."""
    return dt.datetime.fromisoformat(entry.at).replace(tzinfo=None)


def time_text(entry) -> str:
    return when(entry).isoformat(sep=" ", timespec="seconds")


# -- filtering --------------------------------------------------------------------------------
def parse_time(text: str | None, *, end: bool = False) -> dt.datetime | None:
    """'2025-09-20' (a whole day: from its start, or ``end`` to its last second) or an ISO
    date and time. Times are the venue's wall clock, as the log writes them."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime.combine(day, dt.time.max.replace(microsecond=0) if end else dt.time.min)
        return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).replace(tzinfo=None)
    except ValueError:
        raise UsageError("audit_time_invalid", value=text) from None


@dataclass(frozen=True)
class AuditFilter:
    """Which audit entries to show: by operator, by contestant, from and until a time; a field left None allows any."""

    operator: str | None = None  # exact 录入员 name
    contestant: str | None = None  # a number: entries about it, alone or in a tied group
    since: dt.datetime | None = None  # inclusive
    until: dt.datetime | None = None  # inclusive

    def matches(self, entry) -> bool:
        if self.operator and entry.operator != self.operator:
            return False
        if self.contestant and not about(entry, self.contestant):
            return False
        if self.since or self.until:
            at = when(entry)
            if self.since and at < self.since:
                return False
            if self.until and at > self.until:
                return False
        return True

    def describe(self, lang: str = "zh") -> str:
        en = lang == "en"
        parts = []
        if self.operator:
            parts.append(f"{header('operator', lang)}{': ' if en else '：'}{self.operator}")
        if self.contestant:
            parts.append(f"{header('subject', lang)}{': ' if en else '：'}{self.contestant}")
        if self.since:
            parts.append(("from " if en else "自 ") + self.since.isoformat(sep=" "))
        if self.until:
            parts.append(("until " if en else "至 ") + self.until.isoformat(sep=" "))
        return ("; " if en else "；").join(parts) or ("all entries" if en else "全部记录")


_GROUP_SPLIT = re.compile(r"[、,，]")


def about(entry, no: str) -> bool:
    """Is the entry about contestant ``no``? A tie decision names its whole group."""
    subject = entry.subject or ""
    return subject == no or no in _GROUP_SPLIT.split(subject)


def filter_entries(entries: Iterable, flt: AuditFilter) -> list:
    return [e for e in entries if flt.matches(e)]


def operators(entries: Iterable) -> list[str]:
    return sorted({e.operator for e in entries})


# -- the chain check in words ---------------------------------------------------------------------
_PROBLEMS = [
    (re.compile(r"entry (\d+) is missing \(found (\d+) in its place\)"), "第 {0} 条记录缺失（该位置是第 {1} 条）"),
    (re.compile(r"entry (\d+): the link to the previous entry is broken"), "第 {0} 条记录：与上一条记录的链接断开"),
    (re.compile(r"entry (\d+): its content was changed after it was written"), "第 {0} 条记录：写入后内容被改动"),
    (re.compile(r"the log should hold (\S+) entries but holds (\d+)"), "日志应有 {0} 条记录，实有 {1} 条（有记录被删除或插入）"),
    (re.compile(r"the last entry does not match the recorded head of the log"), "最后一条记录与文件记下的链尾不符"),
]


def problem_text(problem: str, lang: str = "zh") -> str:
    """A problem from ``verify_audit()`` (written in English by the store) in the user's
    language; one not known here is shown as it is."""
    if lang == "en":
        return problem
    for pattern, zh in _PROBLEMS:
        m = pattern.fullmatch(problem)
        if m:
            return zh.format(*m.groups())
    return problem


def verdict(problems: Sequence[str], count: int, lang: str = "zh") -> list[str]:
    """The check's result as lines: one line when intact, a heading and each problem if not."""
    from ..messages import render

    if not problems:
        return [render("audit_intact", lang, count=count)]
    return [render("audit_altered", lang, count=len(problems))] + [problem_text(p, lang) for p in problems]


# -- xlsx ----------------------------------------------------------------------------------------
def row_values(entry, lang: str = "zh") -> list:
    return [entry.id, when(entry), entry.operator, action_text(entry.action, lang), entry.subject or "",
            field_text(entry.field, lang), value_text(entry, "old", lang), value_text(entry, "new", lang),
            entry.reason or ""]


WIDTHS = {"id": 7, "at": 20, "operator": 12, "action": 16, "subject": 14, "field": 12, "old": 24, "new": 40,
          "reason": 36}


def write_audit_xlsx(out_path: str | Path, entries: Sequence, *, problems: Sequence[str], total: int,
                     about_file: Sequence[tuple[str, str]] = (), flt: AuditFilter = AuditFilter(),
                     lang: str = "zh", now: dt.datetime | None = None) -> int:
    """Sheet 审计日志: the (filtered) entries, header in row 1, frozen and filterable.
    Sheet 校验: the file, the filter, and the chain check's result at export time.
    Written atomically; returns the number of entries written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..system.files import atomic_path

    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        raise UsageError("audit_out_suffix", path=str(out_path))
    if not out_path.parent.is_dir():
        raise UsageError("audit_out_dir", path=str(out_path.parent))
    en = lang == "en"
    wb = Workbook()
    ws = wb.active
    ws.title = "Audit log" if en else "审计日志"
    ws.append([header(k, lang) for k in COLUMNS])
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="E4E4E4")
    wrap = Alignment(wrap_text=True, vertical="top")
    for e in entries:
        ws.append(row_values(e, lang))
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd hh:mm:ss"
        for col in (7, 8, 9):
            ws.cell(ws.max_row, col).alignment = wrap
    for i, key in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = WIDTHS[key]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:I{max(ws.max_row, 1)}"

    check = wb.create_sheet("Check" if en else "校验")
    lines = verdict(problems, total, lang)
    info = list(about_file) + [
        ("Exported" if en else "导出时间", (now or dt.datetime.now()).isoformat(sep=" ", timespec="seconds")),
        ("Filter" if en else "筛选条件", flt.describe(lang)),
        ("Entries" if en else "记录条数", f"{len(entries)} / {total}"),
        ("Hash chain" if en else "哈希链校验", lines[0]),
    ] + [(None, line) for line in lines[1:]]
    for k, v in info:
        check.append([k, v])
    for r in range(1, check.max_row + 1):
        check.cell(r, 1).font = bold
    verdict_row = len(about_file) + 4
    check.cell(verdict_row, 2).font = Font(bold=True, color="1B7F3A" if not problems else "C00000")
    check.column_dimensions["A"].width = 16
    check.column_dimensions["B"].width = 90
    with atomic_path(out_path) as tmp:
        wb.save(tmp)
    return len(entries)


def export_audit(comp, out_path: str | Path, flt: AuditFilter = AuditFilter(), *, lang: str = "zh") -> tuple[int, int, list[str]]:
    """Check the chain, then write the filtered log of ``comp``; returns (written, total,
    problems). A broken chain does not stop the export: the 校验 sheet says so."""
    from .words import stage_name

    entries = comp.audit_entries()
    problems = comp.verify_audit()
    info = comp.info()
    en = lang == "en"
    about_file = [
        ("File" if en else "文件", str(comp.path)),
        ("Sitting" if en else "场次", f"{info.event.name} · {stage_name(info.stage.value, lang)} · {info.committee}"),
    ]
    shown = filter_entries(entries, flt)
    write_audit_xlsx(out_path, shown, problems=problems, total=len(entries), about_file=about_file, flt=flt,
                     lang=lang, now=comp.clock().replace(tzinfo=None))
    return len(shown), len(entries), problems
