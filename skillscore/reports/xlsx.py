"""The results sheet's table as a spreadsheet, for committees that file results in Excel or
WPS: the same rows, words and masking as the printed 成绩表, marks and totals as numbers
with two decimals (Decimal, never float), a title block naming the sitting, its status
and (once finalised) the fingerprint, a frozen, filterable header row.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from .. import COMPETITION_NAME
from ..errors import UsageError
from ..system.files import replace_file
from .common import tint
from .results import columns, row_cells
from .source import SheetSource
from .words import stage_name, word

NUMERIC = {"theory", "practical", "total"}
FILLS = {"practical": "FBE7BC", "unresolved": "F7CACA", "committee": "D3E2F6"}
WIDTHS = {"rank": 9, "no": 10, "name": 12, "unit": 40, "theory": 10, "practical": 10, "total": 10,
          "advances": 6, "certificate": 14, "note": 20}


def _number(text: str):
    try:
        return Decimal(text)
    except InvalidOperation:  # 缺考 / 待录入 / empty stay text
        return text or None


def _value(key: str, text):
    """A results sheet's cell as the spreadsheet holds it: marks and totals as numbers, a
    plain rank as a whole number, a team's members and their employers on one line each."""
    if key in NUMERIC:
        return _number(text)
    if key == "rank":
        return int(text) if text.isdigit() else text
    if isinstance(text, tuple):
        return ("、" if key == "name" else "；").join(text)
    return text


def write_results_xlsx(source: SheetSource, out_path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                       lang: str = "zh") -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise UsageError("report_out_dir", path=str(out_path.parent))
    doc, ranking = source.doc, source.ranking
    cols = columns(source, lang)
    keys = [c.key for c in cols]
    wb = Workbook()
    ws = wb.active
    ws.title = word("sheet_results", lang)[:31]
    status = (word("final_status", lang, version=source.version) if source.finalized
              else word("draft_status", lang))
    info = [word("committee", lang, value=doc["committee"]), word("date", lang, value=doc["date"]),
            word("counts", lang, units=len(source.rows), ranked=ranking["ranked"])]
    if ranking.get("advance_quota") is not None:
        info.append(word("quota", lang, value=ranking["advance_quota"]))
    title = [COMPETITION_NAME,
             word("event_line", lang, event=doc["event"]["name"], no=doc["event"]["no"],
                  stage=stage_name(doc["stage"], lang), sheet=word("sheet_results", lang)),
             "　".join(info), status]
    if source.finalized:
        title.append(word("fingerprint_footer", lang, version=source.version, fingerprint=source.fingerprint))
    title += [word(w, lang) for w in ranking.get("warnings", [])]
    for text in title:
        ws.append([text])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append([None])  # a blank row between the title block and the table
    ws.append([c.title for c in cols])
    head_row = ws.max_row
    thin = Side(style="thin", color="999999")
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E4E4E4")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin)
    number_cols = [i + 1 for i, k in enumerate(keys) if k in NUMERIC]
    rows = source.rows
    fills = {k: PatternFill("solid", fgColor=v) for k, v in FILLS.items()}
    cells = row_cells(source, keys, lang)  # the printed sheet's texts
    for n, row in enumerate(rows, 1):
        ws.append([_value(k, text) for k, text in zip(keys, cells(row))])
        shade = tint(row) if row["status"] == "ranked" else None
        if shade:
            for cell in ws[ws.max_row]:
                cell.fill = fills[shade]
        if progress and n % 500 == 0:
            progress(n, len(rows))
    for col in number_cols:
        for (cell,) in ws.iter_rows(min_row=head_row + 1, min_col=col, max_col=col):
            cell.number_format = "0.00"
    for i, key in enumerate(keys, 1):
        ws.column_dimensions[ws.cell(row=head_row, column=i).column_letter].width = WIDTHS.get(key, 12)
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    last_col = ws.cell(row=head_row, column=len(keys)).column_letter
    ws.auto_filter.ref = f"A{head_row}:{last_col}{max(ws.max_row, head_row)}"
    ws.print_title_rows = f"{head_row}:{head_row}"
    fd, tmp = tempfile.mkstemp(prefix=".~" + out_path.stem, suffix=".xlsx", dir=out_path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        replace_file(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if progress:
        progress(len(rows), len(rows))
    return len(rows)
