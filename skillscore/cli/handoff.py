"""The handoff commands: export, verify, sources, summary (CONTRACT.md).

Registered in ``cli.parser``. Kept cheap to import: the handoff modules (and
openpyxl / ReportLab for the summary) load inside the command functions.
"""

from __future__ import annotations

from ..errors import UsageError
from ..messages import register, render

register(
    {
        "sources_usage": (
            "用法：skillscore sources FILE 或 skillscore sources add FILE PKG [--code CODE]",
            "usage: skillscore sources FILE  or  skillscore sources add FILE PKG [--code CODE]",
        ),
        "sources_none": ("{file} 没有来源成绩交接文件", "{file} has no source handoff files"),
        "sources_header": (
            "组委会\t阶段\t版本\t晋级人数\t文件\t加入时间\t录入员\t状态\t成绩指纹",
            "Committee\tStage\tVersion\tAdvancing\tFile\tAdded\tOperator\tState\tFingerprint",
        ),
        "sources_in_use": ("使用中", "in use"),
        "sources_replaced": ("已被第 {version} 版替换", "replaced by version {version}"),
        "source_added": (
            "已加入 {file}（{committee} 第 {version} 版）：新增 {added}，更新 {updated}，移除 {removed}",
            "Added {file} ({committee}, version {version}): {added} added, {updated} updated, {removed} removed",
        ),
        "source_replaced_note": ("（替换了第 {version} 版）", " (replacing version {version})"),
        "summary_written": ("已生成汇总 {path}：{count} 份成绩", "Wrote the summary {path}: {count} result file(s)"),
        "summary_format": ("汇总只能输出为 .xlsx 或 .pdf：{path}", "The summary is written as .xlsx or .pdf only: {path}"),
    }
)


def cmd_export(args, lang):
    from ..actions.competition import Competition
    from ..exchange.handoff import export_package

    with Competition(args.file, operator=args.operator) as comp:
        result = export_package(comp, args.out)
    print(render("handoff_exported", lang, path=args.out, version=result.version, fingerprint=result.fingerprint))
    print(render("handoff_code_line", lang, handoff_code=result.code))


def cmd_verify(args, lang):
    """Without ``--code`` a sealed file's container and manifest are checked (exit 0 when
    they hold: CONTRACT.md) and the output says the contents were not; with it, everything."""
    from ..exchange.handoff_read import describe, inspect_package, read_package

    pkg = read_package(args.package, args.code) if args.code else inspect_package(args.package)
    print(describe(pkg, lang))


def cmd_sources(args, lang):
    rest = args.args
    if len(rest) == 1:
        return _list_sources(rest[0], args, lang)
    if len(rest) == 3 and rest[0] == "add":
        return _add_source(rest[1], rest[2], args, lang)
    if args.code:
        raise UsageError("sources_usage")
    raise UsageError("sources_usage")


def _list_sources(file, args, lang):
    from ..actions.competition import Competition
    from ..model import stage_name

    with Competition(file, operator=args.operator) as comp:
        sources = comp.sources()
    if not sources:
        print(render("sources_none", lang, file=file))
        return
    versions = {s.fingerprint: s.version for s in sources}
    print(render("sources_header", lang))
    for s in sources:
        state = (render("sources_replaced", lang, version=versions.get(s.replaced_by, "?")) if s.replaced_by
                 else render("sources_in_use", lang))
        print("\t".join([s.committee, stage_name(s.stage, lang), str(s.version), str(s.contestants), s.file_name,
                         s.added_at, s.operator, state, s.fingerprint]))


def _add_source(file, package, args, lang):
    from ..actions.competition import Competition

    with Competition(file, operator=args.operator) as comp:
        change = comp.add_source(package, args.code)
    s = change.source
    text = render("source_added", lang, file=s.file_name, committee=s.committee, version=s.version,
                  added=len(change.added), updated=len(change.updated), removed=len(change.removed))
    if change.replaced is not None:
        text += render("source_replaced_note", lang, version=change.replaced.version)
    print(text)


def cmd_summary(args, lang):
    from ..exchange.summary import summary_rows, write_summary_pdf, write_summary_xlsx

    out = str(args.out)
    if not out.lower().endswith((".xlsx", ".pdf")):
        raise UsageError("summary_format", path=out)
    rows = summary_rows(args.packages, args.codes)
    if out.lower().endswith(".xlsx"):
        write_summary_xlsx(rows, out)
    else:
        write_summary_pdf(rows, out)
    print(render("summary_written", lang, path=out, count=len(args.packages)))


def add_commands(sub, command, groups) -> None:
    p = command("export", cmd_export, help="导出成绩交接文件 / export the handoff file")
    p.add_argument("file")
    p.add_argument("out", metavar="OUT.sspkg")

    p = command("verify", cmd_verify, help="校验成绩交接文件 / verify a handoff file")
    p.add_argument("package", metavar="PKG")
    p.add_argument("--code", help="已签字成绩单上的交接码 / the code on the signed sheet")

    p = command("sources", cmd_sources, help="来源成绩交接文件 / source handoff files: FILE | add FILE PKG")
    p.add_argument("args", nargs="+", metavar="[add] FILE [PKG]")
    p.add_argument("--code", help="已签字成绩单上的交接码 / the code on the signed sheet")

    p = command("summary", cmd_summary, help="汇总数据 / summary for the organising committee")
    p.add_argument("packages", nargs="+", metavar="PKG")
    p.add_argument("-o", "--out", required=True, metavar="OUT.(xlsx|pdf)")
    p.add_argument("--code", dest="codes", nargs="+", metavar="CODE",
                   help="交接码，按文件顺序 / the codes, in the order of the files")
