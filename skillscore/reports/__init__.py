"""Printed sheets: 成绩表 results, 晋级名单 advancement, 取证名单 certificates, 获奖名单 awards,
and the internal 裁判评分表 judges (files scored by a judging panel).

    write_report(comp_or_doc, kind, out_path, *, progress=None, lang="zh")

``comp_or_doc`` is a ``Competition`` (its live results while the stage is a draft, its
stored finalised results once finalised) or a results document (finalised only if its
``fingerprint=`` is given and matches). ``progress(done, total)`` is called as pages are
drawn, for the GUI's progress dialog. A ``.xlsx`` path writes the results table as a
spreadsheet instead (results only).

The competition-day sheets (RULES.md §12) are drawn from plain data the caller reads
from the store (``reports.daydata``), not from the results document:

    write_report(data, kind, out_path, *, progress=None, lang="zh")

with ``kind`` in DAY_KINDS and ``data`` the matching class of DAY_DATA (checkin:
CheckinData, draw: DrawData, scoresheets: ScoreSheetsData, key: KeyData, appeals:
AppealsData, publication: PublicationData). The caller decides who may print what
(the key needs the PIN; publication a finalised stage, which the sheet checks again).

ReportLab and openpyxl are imported only when a sheet is written, so importing this
package (e.g. by the CLI) stays cheap; Pillow's image module, which ReportLab imports and no
sheet uses, loads only if something uses it (system/lazy_modules.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..errors import UsageError
from ..messages import register
from ..system.lazy_modules import defer

defer("PIL.Image")  # before any module of this package imports ReportLab: ~20 ms a sheet

RESULT_KINDS = ("results", "advancement", "certificates", "awards", "judges")
DAY_KINDS = ("checkin", "draw", "scoresheets", "key", "appeals", "publication")
KINDS = RESULT_KINDS + DAY_KINDS

register(
    {
        "report_kind": ("未知的表单「{value}」：应为 results、advancement、certificates、awards、judges、"
                        "checkin、draw、scoresheets、key、appeals 或 publication",
                        "Unknown sheet '{value}': use results, advancement, certificates, awards, judges, "
                        "checkin, draw, scoresheets, key, appeals or publication"),
        "report_day_data": ("表单 {kind} 需要 {expected} 数据，收到的是 {actual}",
                            "The {kind} sheet is drawn from {expected}, not from {actual}"),
        "report_format": ("输出文件 {path} 的扩展名应为 .pdf（成绩表也可为 .xlsx）",
                          "The output file {path} must end in .pdf (or .xlsx for the results sheet)"),
        "report_out_dir": ("输出目录 {path} 不存在", "The output folder {path} does not exist"),
        "report_xlsx_results_only": ("只有成绩表（results）可以导出为 .xlsx：{path}",
                                     "Only the results sheet can be written as .xlsx: {path}"),
        "report_statistics_results_only": ("统计页只能附在成绩表（results）的 PDF 之后",
                                           "The statistics page can only follow the results sheet, as PDF"),
    }
)


def build_spec(source, kind: str, lang: str = "zh"):
    """The sheet's columns and rows (no drawing), for ``kind`` in KINDS."""
    # Plain imports, not importlib by name: PyInstaller must see every sheet module.
    from . import advancement, awards, certificates, judges, results

    builders = {"results": results.build, "advancement": advancement.build,
                "certificates": certificates.build, "awards": awards.build, "judges": judges.build}
    if kind not in builders:
        raise UsageError("report_kind", value=kind)
    return builders[kind](source, lang)


def day_data_types() -> dict[str, type]:
    from . import daydata

    return {"checkin": daydata.CheckinData, "draw": daydata.DrawData, "scoresheets": daydata.ScoreSheetsData,
            "key": daydata.KeyData, "appeals": daydata.AppealsData, "publication": daydata.PublicationData}


def build_day_spec(data, kind: str, lang: str = "zh"):
    """A competition-day sheet's groups, columns and rows (no drawing); not publication,
    which is the results sheet's spec (``publication.build``)."""
    from . import appeals, checkin, draw_record, key, scoresheets

    builders = {"checkin": checkin.build, "draw": draw_record.build, "scoresheets": scoresheets.build,
                "key": key.build, "appeals": appeals.build}
    if kind not in builders:
        raise UsageError("report_kind", value=kind)
    return builders[kind](data, lang)


def write_day_sheet(data, kind: str, out_path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                    lang: str = "zh") -> int:
    """Write a competition-day sheet (PDF only); return the page count."""
    out_path = Path(out_path)
    if kind not in DAY_KINDS:
        raise UsageError("report_kind", value=kind)
    if out_path.suffix.lower() != ".pdf":
        raise UsageError("report_format", path=str(out_path))
    expected = day_data_types()[kind]
    if not isinstance(data, expected):
        raise UsageError("report_day_data", kind=kind, expected=expected.__name__, actual=type(data).__name__)
    if kind == "publication":
        from .publication import render

        return render(data, out_path, lang, progress)
    from .day import render_day

    return render_day(data.sitting, build_day_spec(data, kind, lang), out_path, lang, progress)


def write_report(comp_or_doc: Any, kind: str, out_path: str | Path, *,
                 progress: Callable[[int, int], None] | None = None, lang: str = "zh",
                 fingerprint: str | None = None, with_statistics: bool = False) -> int:
    """Write one sheet to ``out_path`` (.pdf, or .xlsx for results); return the page count
    (for xlsx: the number of table rows). ``with_statistics`` adds the statistics page
    (成绩分布统计) after the results sheet."""
    from .source import load_source

    if kind in DAY_KINDS:
        if with_statistics:
            raise UsageError("report_statistics_results_only")
        if fingerprint is not None:  # a programming error: the publication's goes in its data
            raise ValueError("fingerprint= is for results documents; give PublicationData(fingerprint=...)")
        return write_day_sheet(comp_or_doc, kind, out_path, progress=progress, lang=lang)
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if kind not in KINDS:
        raise UsageError("report_kind", value=kind)
    if suffix not in (".pdf", ".xlsx"):
        raise UsageError("report_format", path=str(out_path))
    if suffix == ".xlsx" and kind != "results":
        raise UsageError("report_xlsx_results_only", path=str(out_path))
    if with_statistics and (kind != "results" or suffix != ".pdf"):
        raise UsageError("report_statistics_results_only")
    source = load_source(comp_or_doc, fingerprint=fingerprint)
    if suffix == ".xlsx":
        from .xlsx import write_results_xlsx

        return write_results_xlsx(source, out_path, progress=progress, lang=lang)
    from .base import SheetRenderer

    spec = build_spec(source, kind, lang)
    renderer = SheetRenderer(source, spec, lang)
    if with_statistics:
        from .statistics_page import statistics_pages

        renderer.extra_pages.extend(statistics_pages(renderer, lang))
    return renderer.render(out_path, progress)
