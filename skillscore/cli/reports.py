"""``skillscore report FILE {results,advancement,certificates,awards,judges} -o OUT.pdf``
(``-o OUT.xlsx`` writes the results table as a spreadsheet), and the competition day's
sheets ``checkin``, ``draw`` and ``scoresheets`` (RULES.md §12), drawn from what the facade
reads for them (``Competition.day_sheet``).

Kept cheap to import: ReportLab and openpyxl load only when the command runs.
"""

from __future__ import annotations

from ..messages import register, render

RESULT_KINDS = ("results", "advancement", "certificates", "awards", "judges")
DAY_KINDS = ("checkin", "draw", "scoresheets")
KINDS = RESULT_KINDS + DAY_KINDS
CODES_KINDS = ("key", "appeals", "publication")  # fed by cli/codes.py (RULES.md §12.3–§12.5)

register({"report_written": ("已生成 {path}（{count} 页）", "Wrote {path} ({count} page(s))"),
          "report_written_xlsx": ("已生成 {path}（{count} 行）", "Wrote {path} ({count} rows)")})


def cmd_report(args, lang):
    from ..actions.competition import Competition
    from ..reports import write_report

    if args.kind in RESULT_KINDS:
        from ..reports.source import load_source

        # Drawn from what is read here, once the file is closed: its integrity check runs
        # alongside the reading (storage/integrity.py) and has passed before a sheet is written.
        with Competition(args.file, operator=args.operator, check_alongside=True) as comp:
            source = load_source(comp)
        count = write_report(source, args.kind, args.output, lang=lang, with_statistics=args.with_statistics)
        _say_written(args.output, count, lang)
        return
    with Competition(args.file, operator=args.operator) as comp:
        if args.kind in CODES_KINDS:
            from .codes import day_report

            count = day_report(comp, args, lang)
        else:
            count = write_report(comp.day_sheet(args.kind, lang), args.kind, args.output, lang=lang,
                                 with_statistics=args.with_statistics)
    _say_written(args.output, count, lang)


def _say_written(output, count: int, lang: str) -> None:
    code = "report_written_xlsx" if str(output).lower().endswith(".xlsx") else "report_written"
    print(render(code, lang, path=output, count=count))


def add_commands(sub, command, groups) -> None:
    p = command("report", cmd_report, help="打印成绩表、晋级名单、取证名单、获奖名单、签到表、抽签记录表、评分表 / printed sheets (PDF, xlsx)")
    p.add_argument("file")
    p.add_argument("kind", choices=KINDS + CODES_KINDS)
    p.add_argument("-o", "--output", required=True, help="OUT.pdf, or OUT.xlsx for the results table")
    p.add_argument("--with-statistics", action="store_true",
                   help="成绩表后附成绩分布统计页 / add the statistics page after the results sheet")
    p.add_argument("--pin", help="加密对照表须裁判长口令 / the key sheet needs the chief judge's PIN")
    p.add_argument("--start", help="公示开始日期 YYYY-MM-DD（默认今天）/ publication start (default: today)")
    p.add_argument("--days", type=int, default=5, help="公示天数（默认 5）/ publication days (default 5)")
    p.add_argument("--appeal-to", help="公示期内申诉的受理方式 / where to appeal during the publication")
