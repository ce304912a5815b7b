"""``skillscore report FILE {results,advancement,certificates,awards,judges} -o OUT.pdf``
(``-o OUT.xlsx`` writes the results table as a spreadsheet).

Kept cheap to import: ReportLab and openpyxl load only when the command runs.
"""

from __future__ import annotations

from ..messages import register, render

KINDS = ("results", "advancement", "certificates", "awards", "judges")

register({"report_written": ("已生成 {path}（{count} 页）", "Wrote {path} ({count} page(s))"),
          "report_written_xlsx": ("已生成 {path}（{count} 行）", "Wrote {path} ({count} rows)")})


def cmd_report(args, lang):
    from ..actions.competition import Competition
    from ..reports import write_report

    with Competition(args.file, operator=args.operator) as comp:
        count = write_report(comp, args.kind, args.output, lang=lang,
                             with_statistics=args.with_statistics)
    code = "report_written_xlsx" if str(args.output).lower().endswith(".xlsx") else "report_written"
    print(render(code, lang, path=args.output, count=count))


def add_commands(sub, command, groups) -> None:
    p = command("report", cmd_report, help="打印成绩表、晋级名单、取证名单、获奖名单 / printed sheets (PDF, xlsx)")
    p.add_argument("file")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("-o", "--output", required=True, help="OUT.pdf, or OUT.xlsx for the results table")
    p.add_argument("--with-statistics", action="store_true",
                   help="成绩表后附成绩分布统计页 / add the statistics page after the results sheet")
