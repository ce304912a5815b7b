"""Printed sheets: 成绩表 results, 晋级名单 advancement, 取证名单 certificates, 获奖名单 awards,
and the internal 裁判评分表 judges (files scored by a judging panel).

    write_report(comp_or_doc, kind, out_path, *, progress=None, lang="zh")

``comp_or_doc`` is a ``Competition`` (its live results while the stage is a draft, its
stored finalised results once finalised) or a results document (finalised only if its
``fingerprint=`` is given and matches). ``progress(done, total)`` is called as pages are
drawn, for the GUI's progress dialog. A ``.xlsx`` path writes the results table as a
spreadsheet instead (results only).

ReportLab and openpyxl are imported only when a sheet is written, so importing this
package (e.g. by the CLI) stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..errors import UsageError
from ..messages import register

KINDS = ("results", "advancement", "certificates", "awards", "judges")

register(
    {
        "report_kind": ("未知的表单「{value}」：应为 results、advancement、certificates、awards 或 judges",
                        "Unknown sheet '{value}': use results, advancement, certificates, awards or judges"),
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


def write_report(comp_or_doc: Any, kind: str, out_path: str | Path, *,
                 progress: Callable[[int, int], None] | None = None, lang: str = "zh",
                 fingerprint: str | None = None, with_statistics: bool = False) -> int:
    """Write one sheet to ``out_path`` (.pdf, or .xlsx for results); return the page count
    (for xlsx: the number of table rows). ``with_statistics`` adds the statistics page
    (成绩分布统计) after the results sheet."""
    from .source import load_source

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
