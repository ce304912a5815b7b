"""Roster and marks out to xlsx or csv, in exactly the format the importers read, so a
committee can work in Excel and bring the sheet back without loss."""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import UsageError
from ..system.files import atomic_path
from ..messages import register
from ..model import Contestant, Entry
from ..rules.marks import format_mark
from .columns import MARKS_COLUMNS, ROSTER_COLUMNS

register({"export_type": ("只能导出为 .xlsx 或 .csv：{path}", "Export to .xlsx or .csv only: {path}")})

STATUS_WORDS = {"absent": "缺考", "withdrawn": "弃权", "disqualified": "取消资格"}


def _mark_cell(mark) -> str:
    text = format_mark(mark)
    return "缺考" if text == "absent" else (text or "")


def roster_table(contestants: list[Contestant], team_event: bool) -> tuple[list[str], list[list[str]]]:
    keys = [k for k in ROSTER_COLUMNS if team_event or k != "team"]
    header = [ROSTER_COLUMNS[k][0] for k in keys]
    rows = []
    for c in contestants:
        values = {**{k: getattr(c, k) for k in keys if k != "union_card"}, "union_card": "是" if c.union_card else "否"}
        rows.append([values[k] for k in keys])
    return header, rows


def marks_table(contestants: list[Contestant], entries: dict[str, Entry]) -> tuple[list[str], list[list[str]]]:
    header = [MARKS_COLUMNS["no"][0], "姓名", MARKS_COLUMNS["theory"][0], MARKS_COLUMNS["practical"][0],
              MARKS_COLUMNS["status"][0]]
    rows = []
    for c in sorted(contestants, key=lambda c: c.no):
        e = entries.get(c.no, Entry())
        status = STATUS_WORDS.get(e.status.value, "") if e.status else ""
        rows.append([c.no, c.name, _mark_cell(e.theory), _mark_cell(e.practical), status])
    return header, rows


def write_table(path: str | Path, header: list[str], rows: list[list[str]], *, sheet: str = "Sheet1") -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError("export_type", path=str(path))
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            # UTF-8 with BOM: Excel on Chinese Windows then opens it without mojibake.
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                w.writerow(header)
                w.writerows(rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(sheet)
            ws.append(header)
            for row in rows:
                # Every cell as text: an ID number typed as a number would lose digits,
                # and a mark such as 85.50 keeps its two decimals.
                ws.append([str(v) for v in row])
            wb.save(tmp)
    return path
