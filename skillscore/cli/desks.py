"""Commands for several desks at one venue (issue 9): export, verify, merge, conflicts,
settle. Registered in ``cli.parser``; cheap to import (the ZIP code loads inside
the commands)."""

from __future__ import annotations

from .common import _open, _pin, _say
from ..messages import register, render

register(
    {
        "desk_exported": (
            "已导出录入台文件 {path}（录入台「{desk}」第 {sequence} 份，成绩变动 {count} 项）· SHA-256 {sha256}",
            "Exported desk file {path} (desk '{desk}', export {sequence}, {count} change(s)) · SHA-256 {sha256}",
        ),
        "desk_verified": ("录入台文件 {file} 完好，未被改动", "Desk file {file} is intact and unaltered"),
        "desk_container_verified": ("录入台文件 {file} 的文件结构和清单完好（成绩已加密，未输入交接码）",
                                    "Desk file {file}: the container and manifest are intact (the marks are sealed; "
                                    "no code given)"),
        "desk_line_not_opened": ("未输入交接码，加密的成绩未经核对；用 --code 输入导出录入台显示的交接码即可全部核对",
                                 "Without the code the sealed marks were not checked; give the code shown on the "
                                 "exporting desk with --code to check everything"),
        "desk_line_desk": ("录入台：{desk}（第 {sequence} 份导出，{at} 由 {operator} 导出）",
                           "Desk: {desk} (export {sequence}, made {at} by {operator})"),
        "desk_line_passes": ("复核录入：第 {passes} 遍", "Double entry: pass {passes}"),
        "desk_line_count": ("成绩变动：{count} 项", "Changes: {count}"),
        "desk_line_id": ("比赛标识：{id}", "Sitting id: {id}"),
        "desk_line_sha": ("SHA-256：{sha256}", "SHA-256: {sha256}"),
        "desk_dry_run": ("试合并：以下是合并将带来的变动，文件未作任何改动", "Trial merge: what merging would do; nothing was changed"),
        "desk_conflicts_none": ("没有待裁定的录入台冲突", "No desk conflicts are held"),
        "desk_conflicts_head": ("编号\t项目\t本文件\t录入台\t录入台的值\t录入员\t时间",
                                "No.\tMark\tThis file\tDesk\tDesk's value\tTyped by\tAt"),
        "desk_conflicts_hint": (
            "请裁判长对照原始成绩单裁定：skillscore marks settle FILE 编号 theory|practical 分数 --pin，"
            "或 skillscore desk settle FILE 编号 status|模块/裁判号 值 --pin",
            "The chief judge settles each with the paper sheet: skillscore marks settle FILE NO theory|practical MARK "
            "--pin, or skillscore desk settle FILE NO status|MODULE/JUDGE VALUE --pin",
        ),
        "desk_settled": ("已裁定：{no} {field} = {value}", "Settled: {no} {field} = {value}"),
    }
)


def cmd_desk_export(args, lang):
    from ..exchange import desk_file  # noqa: F401 - registers desk_code_line, printed below

    with _open(args) as comp:
        done = comp.export_desk(args.out, desk=args.desk, everything=args.all)
    _say(lang, "desk_exported", path=args.out, desk=done.desk, sequence=done.sequence, count=done.count,
         sha256=done.sha256)
    _say(lang, "desk_code_line", desk_code=done.code)


def cmd_desk_verify(args, lang):
    from ..exchange.desk_file import read_desk_file
    from ..exchange import handoff_read  # noqa: F401 - registers the pkg_line_* texts printed below
    from ..model import stage_name

    f = read_desk_file(args.deskfile, args.code, open_sealed=bool(args.code))
    m = f.manifest
    _say(lang, "desk_verified" if f.opened else "desk_container_verified", file=f.path.name)
    _say(lang, "pkg_line_event", no=m["event"]["no"], name=m["event"]["name"])
    _say(lang, "pkg_line_stage", stage=stage_name(m["stage"], lang))
    _say(lang, "pkg_line_committee", committee=m["committee"])
    _say(lang, "desk_line_desk", desk=m["desk"], sequence=m["sequence"], at=m["exported_at"], operator=m["operator"])
    if m["entry_passes"]:
        _say(lang, "desk_line_passes", passes="、".join(map(str, m["entry_passes"])))
    _say(lang, "desk_line_count", count=m["count"])
    _say(lang, "desk_line_id", id=m["competition_id"])
    _say(lang, "desk_line_sha", sha256=f.sha256)
    if not f.opened:
        _say(lang, "desk_line_not_opened")


def cmd_desk_merge(args, lang):
    from ..actions.desks import merge_report_lines

    with _open(args) as comp:
        reports = comp.merge_desk_files(args.deskfiles, codes=args.codes, dry_run=args.dry_run)
    if args.dry_run:
        _say(lang, "desk_dry_run")
    print("\n".join(merge_report_lines(reports, lang)))


def cmd_desk_conflicts(args, lang):
    from ..actions.desks import value_text

    with _open(args) as comp:
        held = comp.held_conflicts()
    if not held:
        _say(lang, "desk_conflicts_none")
        return 0
    _say(lang, "desk_conflicts_head")
    for c in held:
        print("\t".join([c.no, c.label(lang), value_text(c.main_value, lang), c.desk, value_text(c.value, lang),
                         c.operator, c.at]))
    _say(lang, "desk_conflicts_hint")
    return 1  # like `marks pending`: something still waits for the chief judge


def cmd_desk_settle(args, lang):
    with _open(args) as comp:
        comp.settle_conflict(args.no, args.field, args.value, pin=_pin(args, lang))
    print(render("desk_settled", lang, no=args.no, field=args.field, value=args.value))


def add_commands(sub, command, groups) -> None:
    desk = sub.add_parser("desk", help="多个录入台 / several desks at one venue").add_subparsers(
        dest="desk_command", required=True)
    p = command("export", cmd_desk_export, desk, help="导出本录入台的录入 / export this desk's marks")
    p.add_argument("file")
    p.add_argument("out", metavar="OUT.ssdesk")
    p.add_argument("--desk", help="录入台名称（默认：录入员）/ desk name (default: the operator)")
    p.add_argument("--all", action="store_true",
                   help="导出复制以来的全部录入（补一份丢失的录入台文件）/ everything since the copy was made")
    p = command("verify", cmd_desk_verify, desk, help="校验录入台文件 / verify a desk file")
    p.add_argument("deskfile", metavar="DESKFILE")
    p.add_argument("--code", help="导出录入台显示的交接码 / the code shown on the exporting desk")
    p = command("merge", cmd_desk_merge, desk, help="合并录入台文件 / merge desk files into the main file")
    p.add_argument("file")
    p.add_argument("deskfiles", nargs="+", metavar="DESKFILE")
    p.add_argument("--code", dest="codes", nargs="+", metavar="CODE",
                   help="各录入台显示的交接码，按文件顺序 / the desks' codes, in the order of the files")
    p.add_argument("--dry-run", action="store_true", help="只显示将带来的变动 / show what would change, write nothing")
    p = command("conflicts", cmd_desk_conflicts, desk, help="待裁定的冲突 / conflicts held for the chief judge")
    p.add_argument("file")
    p = command("settle", cmd_desk_settle, desk, help="裁判长裁定冲突 / the chief judge settles a conflict (PIN)")
    p.add_argument("file")
    p.add_argument("no")
    p.add_argument("field", metavar="FIELD", help="theory | practical | status | 模块/裁判号 MODULE/JUDGE")
    p.add_argument("value")
    p.add_argument("--pin")
