"""The organising committee's summary (RULES.md §10: 12月10日前上报汇总数据), built from
handoff packages: per event, stage and committee the head counts, advancement,
certificates per level and awards, with subtotals per event and stage and a total.

Every package is verified first; the same results twice, or two files of one committee
for one event and stage, are refused rather than counted twice. openpyxl and ReportLab
are imported inside the writers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import COMPETITION_NAME
from ..errors import RefusedError
from .handoff_read import read_package
from .safezip import container_fail, write_safely
from ..model import stage_name
from ..messages import register

register(
    {
        "summary_duplicate": (
            "{package} 与 {other} 是同一份成绩（成绩指纹相同），不能重复统计",
            "{package} and {other} are the same results (same fingerprint); they cannot be counted twice",
        ),
        "summary_same_sitting": (
            "{package} 与 {other} 都是「{committee}」{stage}的成绩（第 {version} 版与第 {other_version} 版）：请只给出最新的一份",
            "{package} and {other} are both '{committee}' {stage_en} results (versions {version} and "
            "{other_version}): give only the newest",
        ),
    }
)

# A summary that cannot be written is refused in its own name (it was once called a handoff file).
WHAT = ("汇总表", "summary")
STAGE_ORDER = {"prelim": 0, "semifinal": 1, "final": 2}
LEVEL_HEADERS = ["一级/高级技师", "二级/技师", "三级/高级工", "四级/中级工", "五级/初级工"]
COUNT_COLUMNS = [
    ("registered", "名单人数"), ("teams", "团队数"), ("ranked", "排名人数"), ("absent", "缺考"),
    ("withdrawn", "弃权"), ("disqualified", "取消资格"), ("advancing", "晋级"),
]
AWARD_COLUMNS = [
    ("talent_pool", "纳入技能人才库"), ("subsidies", "资助人数"), ("subsidy_yuan", "资助金额（元）"),
    ("nominations", "推荐参评劳动奖项"),
]
HEADERS = (["竞赛项目编号", "竞赛项目", "阶段", "组委会", "定稿版本"] + [h for _, h in COUNT_COLUMNS]
           + LEVEL_HEADERS + [h for _, h in AWARD_COLUMNS] + ["成绩指纹", "文件"])


@dataclass(frozen=True)
class SummaryRow:
    """One row of the summary: one package's counts (a sitting), or their sum over an event and stage or over all."""

    kind: str  # "sitting", "subtotal" (one event and stage) or "total"
    event_no: int | None
    event_name: str
    stage: str  # "" on the total row
    committee: str
    version: int | None
    registered: int
    teams: int
    ranked: int
    absent: int
    withdrawn: int
    disqualified: int
    advancing: int
    certificates: tuple[int, int, int, int, int]
    talent_pool: int
    subsidies: int
    subsidy_yuan: int
    nominations: int
    fingerprint: str = ""
    file_name: str = ""

    def cells(self) -> list:
        """One spreadsheet row, in HEADERS order."""
        return ([self.event_no, self.event_name, stage_name(self.stage) if self.stage else "", self.committee,
                 self.version] + [getattr(self, k) for k, _ in COUNT_COLUMNS] + list(self.certificates)
                + [getattr(self, k) for k, _ in AWARD_COLUMNS] + [self.fingerprint, self.file_name])


_SUMMED = [k for k, _ in COUNT_COLUMNS] + [k for k, _ in AWARD_COLUMNS]


def _sitting_row(pkg) -> SummaryRow:
    c = pkg.counts
    return SummaryRow(
        kind="sitting", event_no=pkg.event_no, event_name=pkg.event_name, stage=pkg.stage,
        committee=pkg.committee, version=pkg.version, registered=c["contestants"], teams=c["teams"],
        ranked=c["ranked"], absent=c["absent"], withdrawn=c["withdrawn"], disqualified=c["disqualified"],
        advancing=c["advancing"], certificates=tuple(c["certificates"][str(l)] for l in range(1, 6)),
        talent_pool=c["talent_pool"], subsidies=c["subsidies"], subsidy_yuan=c["subsidy_yuan"],
        nominations=c["labor_award_nominations"], fingerprint=pkg.fingerprint, file_name=pkg.path.name,
    )


def _sum(rows: list[SummaryRow], kind: str, event_no, event_name: str, stage: str, label: str) -> SummaryRow:
    totals = {k: sum(getattr(r, k) for r in rows) for k in _SUMMED}
    levels = tuple(sum(r.certificates[i] for r in rows) for i in range(5))
    return SummaryRow(kind=kind, event_no=event_no, event_name=event_name, stage=stage, committee=label,
                      version=None, certificates=levels, **totals)


def summary_rows(packages: list[str | Path], codes: list[str | None] | None = None) -> list[SummaryRow]:
    """The summary's rows; ``codes`` open sealed packages, one per package in order."""
    from .sealing import paired_codes

    pkgs = [read_package(p, c) for p, c in zip(packages, paired_codes(packages, codes))]
    for i, pkg in enumerate(pkgs):
        for other in pkgs[:i]:
            if pkg.fingerprint == other.fingerprint:
                raise RefusedError("summary_duplicate", package=pkg.path.name, other=other.path.name)
            if (pkg.event_no, pkg.stage, pkg.committee) == (other.event_no, other.stage, other.committee):
                raise RefusedError("summary_same_sitting", package=pkg.path.name, other=other.path.name,
                                   committee=pkg.committee, stage=stage_name(pkg.stage), stage_en=pkg.stage,
                                   version=pkg.version, other_version=other.version)
    sittings = sorted((_sitting_row(p) for p in pkgs), key=lambda r: (r.event_no, STAGE_ORDER[r.stage], r.committee))
    out: list[SummaryRow] = []
    group: list[SummaryRow] = []
    for row in sittings + [None]:
        if group and (row is None or (row.event_no, row.stage) != (group[0].event_no, group[0].stage)):
            if len(group) > 1:
                g = group[0]
                out.append(_sum(group, "subtotal", g.event_no, g.event_name, g.stage, "小计"))
            group = []
        if row is not None:
            out.append(row)
            group.append(row)
    out.append(_sum(sittings, "total", None, "合计", "", ""))
    return out


def title() -> str:
    return f"{COMPETITION_NAME} 汇总数据"


# -- xlsx ---------------------------------------------------------------------------------
def write_summary_xlsx(rows: list[SummaryRow], out: str | Path) -> None:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append([title()])
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.fill = PatternFill("solid", fgColor="E4E4E4")
    for row in rows:
        ws.append(row.cells())
        if row.kind != "sitting":
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    widths = [8, 14, 6, 22, 6] + [7] * (len(HEADERS) - 7) + [66, 24]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "E3"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_safely(out, buffer.getvalue(), container_fail(WHAT))


# -- pdf ----------------------------------------------------------------------------------


def write_summary_pdf(rows: list[SummaryRow], out: str | Path) -> None:
    """A4 landscape: the counts table, then each file's full fingerprint to match the
    signed paper sheets."""
    import io

    # First: the reports package defers Pillow before ReportLab loads it. The sheets' font,
    # registered once per process and read from the user's cache (reports/font_cache.py).
    from ..reports.fonts import markup, register_font
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_font()
    head = ParagraphStyle("head", fontName=font, fontSize=6.5, leading=8, alignment=1, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=7, leading=8.5, wordWrap="CJK")
    big = ParagraphStyle("title", fontName=font, fontSize=14, leading=18, spaceAfter=6)
    small = ParagraphStyle("small", fontName=font, fontSize=7.5, leading=10)

    headers = HEADERS[:-2]  # fingerprints follow in their own table, at full length
    data = [[Paragraph(h, head) for h in headers]]
    for r in rows:
        values = r.cells()[:-2]
        data.append([Paragraph(markup("" if v is None else str(v)), cell) if i in (1, 3) else ("" if v is None else str(v))
                     for i, v in enumerate(values)])
    numbers = len(headers) - 5
    widths = [13 * mm, 26 * mm, 10 * mm, 40 * mm, 10 * mm] + [(277 * mm - 99 * mm) / numbers] * numbers
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), font, 7),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9A9A9A")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (5, 1), (-1, -1), "RIGHT"),
    ]
    for i, r in enumerate(rows, start=1):
        if r.kind != "sitting":
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F1F1F1")))
    table.setStyle(TableStyle(style))

    prints = [[Paragraph(h, head) for h in ("竞赛项目", "阶段", "组委会", "定稿版本", "成绩指纹（SHA-256）")]]
    for r in rows:
        if r.kind == "sitting":
            prints.append([Paragraph(markup(f"{r.event_no} {r.event_name}"), cell), stage_name(r.stage),
                           Paragraph(markup(r.committee), cell), str(r.version), r.fingerprint])
    fp_table = Table(prints, colWidths=[36 * mm, 12 * mm, 50 * mm, 14 * mm, 150 * mm], repeatRows=1)
    fp_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 7),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9A9A9A")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawRightString(landscape(A4)[0] - 10 * mm, 7 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=12 * mm, title=title(), author="skillscore")
    story = [Paragraph(title(), big),
             Paragraph("人数均按人计（团体项目按成员计）；取证与奖励按最终名次。", small), Spacer(1, 4),
             table, Spacer(1, 10), Paragraph("成绩指纹（与各组委会签字的纸质成绩表核对）", small), Spacer(1, 3),
             fp_table]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    write_safely(out, buffer.getvalue(), container_fail(WHAT))
