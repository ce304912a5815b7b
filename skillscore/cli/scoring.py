"""The sitting's own commands: new, roster, marks, ranking, ties, quota, finalise, reopen,
audit (CONTRACT.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog import level_name
from ..model import stage_name
from ..actions.competition import Competition, parse_levels
from ..errors import UsageError
from ..messages import register, render
from ..system.console import print_utf8
from .common import _open, _pin, _say

register(
    {
        "warning_prefix": ("注意：", "Warning: "),
        "created": ("已创建竞赛文件 {path}", "Created competition file {path}"),
        "imported": (
            "已导入 {file}：新增 {added}，修改 {changed}，未变 {unchanged}，拒绝 0",
            "Imported {file}: {added} added, {changed} changed, {unchanged} unchanged, 0 rejected",
        ),
        "admitted": ("已准予编号 {no} 参赛（理由已记入日志）", "Admitted number {no} (the reason is in the audit log)"),
        "tie_resolved": ("已按组委会裁定排序：{order}", "Ordered by the committee: {order}"),
        "tie_drawn": ("抽签结果：{order}（种子 {seed}）", "Drawn by lot: {order} (seed {seed})"),
        "finalized_ok": ("已定稿（第 {version} 版）· 成绩指纹 {fingerprint}", "Finalised (version {version}) · fingerprint {fingerprint}"),
        "reopened": ("已撤销定稿，现为第 {version} 版", "Reopened; now version {version}"),
        "audit_ok": ("审计日志完整：{count} 条记录，哈希链无误", "The audit log is intact: {count} entries, hash chain verified"),
        "audit_confirmations": (
            "复核确认的成绩 {count} 项（编号、字段、录入员 / 复核员）：",
            "{count} mark(s) confirmed by double entry (no., field, entered by / checked by):",
        ),
        "audit_bad": ("审计日志已被改动！", "The audit log has been altered!"),
        "exported": ("已导出 {path}", "Exported {path}"),
        "quota_set": ("晋级名额已设为 {quota}", "Quota set to {quota}"),
        "quota_not_number": ("晋级名额「{value}」不是整数：请填写人数（如 12），或 default 恢复默认",
                             "quota '{value}' is not a whole number: give a number of people (e.g. 12), or default"),
        "quota_too_many": ("晋级名额「{value}」位数过多：请填写人数（如 12）",
                           "quota '{value}' has too many digits: give a number of people (e.g. 12)"),
    }
)

WARNING_TEXT = {
    "too_few_participants": ("参赛人数不足30人", "Fewer than 30 contestants"),
    "unresolved_ties": ("有并列待定", "Ties to be decided"),
    "incomplete_marks": ("有成绩待录入", "Marks not entered"),
}
STATUS_TEXT = {
    "ranked": ("", ""),
    "incomplete": ("待录入", "Not entered"),
    "absent": ("缺考", "Absent"),
    "withdrawn": ("弃权", "Withdrawn"),
    "disqualified": ("取消资格", "Disqualified"),
}
TIE_MARK = {"practical": "▲", "unresolved": "⚠", "committee": "◆"}


def cmd_new(args, lang):
    from .panel import scheme_from_args

    if args.from_packages:
        if args.event is not None:  # the event is the handoff files' own; once ignored without a word
            raise UsageError("event_with_from", value=args.event)
        comp = Competition.create_from_packages(
            args.file, args.from_packages, codes=args.codes, stage=args.stage, committee=args.committee,
            pin=_pin(args, lang, twice=True), date=args.date, quota=args.quota,
            levels=parse_levels(args.levels), operator=args.operator,
        )
    else:
        if args.event is None:
            raise UsageError("event_required")
        comp = Competition.create(
            args.file, event_no=args.event, stage=args.stage, committee=args.committee,
            pin=_pin(args, lang, twice=True), date=args.date, quota=args.quota,
            levels=parse_levels(args.levels), operator=args.operator, double_entry=args.double_entry,
            panel=scheme_from_args(args),
        )
    comp.close()
    _say(lang, "created", path=args.file)


def _report_import(lang, file, log):
    _say(lang, "imported", file=Path(file).name, added=len(log.added), changed=len(log.changed),
         unchanged=len(log.unchanged))
    for warning in log.warnings:  # imported all the same; on stderr so stdout stays the summary
        print(render("warning_prefix", lang) + warning.message(lang), file=sys.stderr)


def cmd_roster_import(args, lang):
    with _open(args) as comp:
        _report_import(lang, args.roster, comp.import_roster(args.roster, sheet=args.sheet))


def cmd_roster_export(args, lang):
    with _open(args) as comp:
        comp.export_roster(args.out)
    _say(lang, "exported", path=args.out)


def cmd_marks_export(args, lang):
    with _open(args) as comp:
        comp.export_marks(args.out)
    _say(lang, "exported", path=args.out)


def cmd_roster_admit(args, lang):
    with _open(args) as comp:
        comp.admit(args.no, reason=args.reason, pin=_pin(args, lang))
    _say(lang, "admitted", no=args.no)


def cmd_marks_import(args, lang):
    if args.panel:
        with _open(args) as comp:
            _report_import(lang, args.marks, comp.import_panel_marks(args.marks, sheet=args.sheet,
                                                                 pin=args.pin, reason=args.reason))
        return
    with _open(args) as comp:
        _report_import(lang, args.marks, comp.import_marks(args.marks, sheet=args.sheet, second_entry=args.second_entry,
                                                           pin=args.pin, reason=args.reason))


def cmd_ranking(args, lang):
    # Printed after the file is closed: its integrity check, run alongside, has passed by then.
    with _open(args, check_alongside=True) as comp:
        answer = comp.ranking_json_utf8() if args.json else format_ranking(comp.ranking(), lang)
    if args.json:
        print_utf8(answer)  # UTF-8 already: 2.5 MB at 10,000 are not decoded and encoded again
    else:
        print(answer)


def _rank_text(row) -> str:
    if row["rank"] is not None:
        return str(row["rank"])
    if row["rank_range"]:
        return f"{row['rank_range'][0]}–{row['rank_range'][1]}"
    return ""


def format_ranking(doc: dict, lang: str) -> str:
    zh = lang != "en"
    ev = doc["event"]
    head = [
        f"{ev['name']} · {stage_name(doc['stage'], lang)} · {doc['committee']}",
        (f"参赛 {doc['ranked']} · 晋级名额 {doc['advance_quota'] if doc['advance_quota'] is not None else '—'}"
         if zh else f"Ranked {doc['ranked']} · quota {doc['advance_quota'] if doc['advance_quota'] is not None else '—'}"),
    ]
    if doc["fingerprint"]:
        head.append(render("finalized_ok", lang, version=doc["version"], fingerprint=doc["fingerprint"]))
    for w in doc["warnings"]:
        head.append("! " + WARNING_TEXT[w][0 if zh else 1])
    cols = ["名次", "编号", "姓名", "理论知识", "技能操作", "总成绩", "晋级", "取证等级", "备注"] if zh else [
        "Rank", "No.", "Name", "Theory", "Practical", "Total", "Adv.", "Level", "Note"]
    lines = ["\t".join(cols)]
    absent = "缺考" if zh else "Absent"
    for row in doc["rows"]:
        def mark(v):
            return absent if v == "absent" else (v or "")
        adv = {True: "✓", False: "", None: "?"}[row["advances"]]
        cert = level_name(row["certificate"], lang) if row["certificate"] else ("?" if "certificate" in row["undecided"] else "")
        note = TIE_MARK.get(row["tie"], "") + STATUS_TEXT[row["status"]][0 if zh else 1]
        if row["awards"]:
            a = row["awards"]
            bits = []
            if a["talent_pool"]:
                bits.append("纳入技能人才库" if zh else "Talent pool")
            if a["subsidy_yuan"]:
                bits.append(f"资助 {a['subsidy_yuan']} 元" if zh else f"Subsidy {a['subsidy_yuan']} yuan")
            if a["labor_award_nomination"]:
                bits.append("推荐参评劳动奖项" if zh else "Award nomination")
            note += " " + "、".join(bits)
        lines.append("\t".join([_rank_text(row), row["no"], row["name"], mark(row["theory"]), mark(row["practical"]),
                                row["total"] or "", adv, cert, note.strip()]))
    return "\n".join(head + lines)


def cmd_tie_resolve(args, lang):
    order = [x.strip() for x in args.order.split(",") if x.strip()]
    with _open(args) as comp:
        comp.resolve_tie(order, reason=args.reason, pin=_pin(args, lang))
    _say(lang, "tie_resolved", order="、".join(order))


def cmd_tie_draw(args, lang):
    group = [x.strip() for x in args.group.split(",") if x.strip()]
    with _open(args) as comp:
        order = comp.draw_lots(group, pin=_pin(args, lang), seed=args.seed)
        seed = comp.tie_decisions()[-1].seed
    _say(lang, "tie_drawn", order="、".join(order), seed=seed)


def cmd_finalize(args, lang):
    with _open(args) as comp:
        fp = comp.finalize(pin=_pin(args, lang))
        version = comp.info().version
    _say(lang, "finalized_ok", version=version, fingerprint=fp)


def cmd_reopen(args, lang):
    with _open(args) as comp:
        version = comp.reopen(reason=args.reason, pin=_pin(args, lang))
    _say(lang, "reopened", version=version)


def cmd_quota(args, lang):
    text = args.quota.strip()
    if text not in ("default", "") and not (text[1:] if text.startswith("-") else text).isdecimal():
        raise UsageError("quota_not_number", value=args.quota)
    if len(text) > 9:  # more people than any roster holds (and past 4,300 digits int() itself refuses)
        raise UsageError("quota_too_many", value=text[:12] + "…")
    quota = None if text in ("default", "") else int(text)
    with _open(args) as comp:
        comp.set_quota(quota, pin=_pin(args, lang))
    _say(lang, "quota_set", quota=args.quota)


def cmd_audit(args, lang):
    with _open(args) as comp:
        entries = comp.audit_entries()
        problems = comp.verify_audit() if args.verify else []
        confirmations = comp.confirmations() if args.verify and comp.double_entry else []
    if not args.verify:
        for e in entries:
            print("\t".join(str(x) if x is not None else "" for x in
                            (e.id, e.at, e.operator, e.action, e.subject, e.field, e.old, e.new, e.reason)))
        return 0
    if problems:
        print(render("audit_bad", lang), file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    _say(lang, "audit_ok", count=len(entries))
    if confirmations:
        _say(lang, "audit_confirmations", count=len(confirmations))
        for no, field, first, second in confirmations:
            print(f"  {no}\t{field}\t{first} / {second}")
    return 0


register({"event_required": ("请用 --event 指定竞赛项目编号，或用 --from 指定上一阶段的成绩交接文件",
                             "Give the event with --event, or the previous stage's handoff files with --from"),
          "event_with_from": ("使用 --from 时，竞赛项目取自交接文件，不能再用 --event {value} 指定",
                              "With --from the event is the handoff files' own: --event {value} cannot be given too")})


def add_commands(sub, command, groups) -> None:
    p = command("new", cmd_new, help="创建竞赛文件 / create a competition file")
    p.add_argument("file")
    p.add_argument("--event", type=int)
    p.add_argument("--from", dest="from_packages", nargs="+", metavar="PKG")
    p.add_argument("--code", dest="codes", nargs="+", metavar="CODE",
                   help="交接码，按 --from 文件的顺序 / the codes, in the order of the --from files")
    p.add_argument("--stage", required=True, choices=["prelim", "semifinal", "final"])
    p.add_argument("--committee", required=True)
    p.add_argument("--pin")
    p.add_argument("--date")
    p.add_argument("--quota", type=int)
    p.add_argument("--levels")
    p.add_argument("--double-entry", action="store_true", help="复核：每项成绩两人各录一次 / double entry")
    from .panel import add_scheme_options

    add_scheme_options(p)

    roster = groups["roster"] = sub.add_parser("roster", help="名单 / roster").add_subparsers(
        dest="roster_command", required=True)
    p = command("import", cmd_roster_import, roster)
    p.add_argument("file")
    p.add_argument("roster")
    p.add_argument("--sheet", help="工作表名称 / sheet name (default: the first sheet)")
    p = command("export", cmd_roster_export, roster)
    p.add_argument("file")
    p.add_argument("out", help="OUT.xlsx or OUT.csv")
    p = command("admit", cmd_roster_admit, roster)
    p.add_argument("file")
    p.add_argument("no")
    p.add_argument("--reason", required=True)
    p.add_argument("--pin")

    marks = groups["marks"] = sub.add_parser("marks", help="成绩 / marks").add_subparsers(
        dest="marks_command", required=True)
    p = command("import", cmd_marks_import, marks)
    p.add_argument("file")
    p.add_argument("marks")
    p.add_argument("--sheet", help="工作表名称 / sheet name (default: the first sheet)")
    p.add_argument("--second-entry", action="store_true", help="复核录入 / the check pass of double entry")
    p.add_argument("--panel", action="store_true", help="裁判组逐项分数 / judges' marks, one row each")
    p.add_argument("--pin", help="解密后更改技能操作成绩须裁判长口令 / practical changes after the reveal")
    p.add_argument("--reason")
    p = command("export", cmd_marks_export, marks)
    p.add_argument("file")
    p.add_argument("out", help="OUT.xlsx or OUT.csv")

    p = command("ranking", cmd_ranking, help="排名 / ranking")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")

    tie = groups["tie"] = sub.add_parser("tie", help="并列待定 / ties").add_subparsers(
        dest="tie_command", required=True)
    p = command("resolve", cmd_tie_resolve, tie)
    p.add_argument("file")
    p.add_argument("--order", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--pin")
    p = command("draw", cmd_tie_draw, tie)
    p.add_argument("file")
    p.add_argument("--group", required=True)
    p.add_argument("--pin")
    p.add_argument("--seed", help=argparse.SUPPRESS)

    p = command("quota", cmd_quota, help="设置晋级名额 / set the advancement quota")
    p.add_argument("file")
    p.add_argument("quota", help="a number, or 'default' for floor(30%% N)")  # %% : argparse formats help
    p.add_argument("--pin")

    p = command("finalize", cmd_finalize, help="定稿 / finalise")
    p.add_argument("file")
    p.add_argument("--pin")
    p = command("reopen", cmd_reopen, help="撤销定稿 / reopen")
    p.add_argument("file")
    p.add_argument("--reason", required=True)
    p.add_argument("--pin")

    p = command("audit", cmd_audit, help="审计日志 / audit log")
    p.add_argument("file")
    p.add_argument("--verify", action="store_true")
