"""Read a roster or marks spreadsheet (.csv, .xlsx or Excel 97–2003 .xls) into rows keyed by column.

The importers describe the columns they want (canonical key -> accepted headers) and get
back cleaned strings with the row numbers a user sees in Excel, so every later message can
name file, row and column. Problems with the file as a whole (missing, unreadable, no
header, missing columns) are raised together as one InputError; judging the values is
left to the importers.
"""

from __future__ import annotations

import csv
import math
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Collection

from ..errors import InputError, Problem, system_reason
from ..messages import register

HEADER_SEARCH_ROWS = 10  # the header may sit below a title row or two
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
XLS_SUFFIXES = {".xls"}
CSV_SUFFIXES = {".csv"}

# Full-width digits, Latin letters and the characters of a number (．＋－), as typed with a
# Chinese IME in full-width mode, to ASCII; odd spaces to a plain space; invisible
# characters that Excel pastes carry dropped. Chinese punctuation such as （）、，：
# stays as written: it is part of unit names like 顺丰速运（北京）有限公司.
_FULL_WIDTH = "０１２３４５６７８９．＋－" + "".join(chr(c) for c in range(0xFF21, 0xFF3B)) + "".join(
    chr(c) for c in range(0xFF41, 0xFF5B)
)
_CLEAN = {ord(c): ord(c) - 0xFEE0 for c in _FULL_WIDTH}
_CLEAN |= {0x3000: " ", 0x00A0: " "}
_CLEAN |= {c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}
# Left out when matching headers: spaces ("身 份 证 号"), the * some forms put on required
# headers, and the separators of English aliases ("ID number" = "id_number").
_HEADER_NOISE = str.maketrans("", "", " *_-")


def clean(text: str) -> str:
    """Strip, full-width -> ASCII, and every run of whitespace -> one space."""
    if text.isascii():  # most cells (numbers, ID numbers, marks): nothing to translate
        return text if text.isalnum() else " ".join(text.split())
    return " ".join(text.translate(_CLEAN).split())


def _header_key(text: str) -> str:
    return clean(text).translate(_HEADER_NOISE).casefold()


@dataclass(frozen=True)
class Row:
    """One row below the header with something in the wanted columns: its cleaned text by column key."""

    line: int  # 1-based row number as Excel shows it (csv: record number, header counted)
    values: dict[str, str]  # key -> cleaned text ('' when empty); only columns found

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@dataclass
class Table:
    """A spreadsheet as read: its header row, the wanted columns found there, and the rows below it."""

    file: str  # display name: the file's name without folders
    header_row: int
    columns_found: dict[str, str]  # key -> the header as written in the file
    rows: list[Row]
    # (line, key) of xlsx cells stored as numbers: the text above is their rendering, and
    # for an ID number the digits past the 15th are already lost (Excel keeps 15).
    numeric_cells: set[tuple[int, str]] = field(default_factory=set)
    sheet: str | None = None

    def numeric_problems(self, key: str, code: str = "id_stored_as_number") -> list[Problem]:
        """One problem per cell of column ``key`` that was stored as a number."""
        column = self.columns_found.get(key)
        by_line = {row.line: row for row in self.rows}
        return [
            Problem(code, file=self.file, row=line, column=column, value=by_line[line].get(key))
            for line, k in sorted(self.numeric_cells)
            if k == key and line in by_line
        ]


@dataclass
class _RawRow:
    """One row as the file holds it, before the header is found: every cell as text, in column order."""

    line: int
    cells: list[str]
    numeric: frozenset[int] = frozenset()  # positions of cells that were numbers
    uncomputed: frozenset[int] = frozenset()  # positions of formulas the file holds no result for


def read_table(
    path: str | Path,
    *,
    columns: dict[str, tuple[str, ...]],
    required: set[str],
    sheet: str | None = None,
) -> Table:
    """Read ``path`` (.csv, or .xlsx: the first visible sheet or ``sheet``).

    ``columns`` maps each key to its accepted headers, Chinese first (the Chinese one is
    what messages name). Raises InputError with every file-level problem found.
    """
    unknown = required - columns.keys()
    if unknown:
        raise ValueError(f"required keys without headers: {sorted(unknown)}")
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError([Problem("file_not_found", file=name, params={"path": str(path)})])
    if suffix in CSV_SUFFIXES:
        raw, sheet_name = _read_csv(path, name), None
    elif suffix in XLSX_SUFFIXES or (suffix in XLS_SUFFIXES and _is_zip(path)):
        raw, sheet_name = _read_xlsx(path, name, sheet)  # an .xlsx merely named .xls reads as one
    elif suffix in XLS_SUFFIXES:
        raw, sheet_name = _read_xls(path, name, sheet)
    else:
        raise InputError([Problem("file_type_unsupported", file=name, params={"suffix": suffix})])
    return _build_table(raw, name, sheet_name, columns, required)


# --- csv ------------------------------------------------------------------------------

def _read_csv(path: Path, name: str) -> list[_RawRow]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([_unreadable(name, exc)]) from None
    if data.startswith(b"PK\x03\x04"):
        raise InputError([Problem("file_csv_is_xlsx", file=name)])
    # UTF-8 strictly first (with or without BOM): GBK bytes almost never form valid UTF-8,
    # whereas GB18030 would accept much UTF-8 as nonsense.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError([Problem("file_encoding", file=name)])
    if "\x00" in text:  # binary data that happened to decode
        raise InputError([Problem("file_encoding", file=name)])
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        problem = Problem("file_csv_malformed", file=name, params={"reason": str(exc)})
        raise InputError([problem]) from None
    return [_RawRow(line, cells) for line, cells in enumerate(records, start=1)]


def _delimiter(text: str) -> str:
    # Excel's "Unicode text" and some exports separate with tabs; the csv default is a comma.
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    return "\t" if head.count("\t") > head.count(",") else ","


# --- xlsx -----------------------------------------------------------------------------

def _read_xlsx(path: Path, name: str, sheet: str | None) -> tuple[list[_RawRow], str]:
    import openpyxl  # imported here: csv-only use should not pay for it

    try:
        # read_only streams the sheet (fast for 10,000 rows); data_only gives formulas'
        # cached results, which is what the user sees in Excel.
        # openpyxl judges a path by its suffix: an .xlsx named .xls is handed over as bytes.
        source = path if path.suffix.lower() in XLSX_SUFFIXES else io.BytesIO(path.read_bytes())
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError([_unreadable(name, exc)]) from None
    except Exception:  # noqa: BLE001 - any parser failure on these bytes means "not xlsx"
        raise InputError([Problem("file_not_xlsx", file=name)]) from None
    try:
        if sheet is None:
            sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
            sheets = sheets or book.worksheets
            if not sheets:
                raise InputError([Problem("file_empty", file=name)])
            ws = sheets[0]
        elif sheet in book.sheetnames and sheet in [ws.title for ws in book.worksheets]:
            ws = book[sheet]
        else:
            raise InputError([Problem("sheet_missing", file=name, params={
                "sheet": sheet, "sheets": "、".join(book.sheetnames)})])
        # Some programs write a wrong <dimension> (e.g. A1:A1); without resetting it
        # read-only mode would silently drop the rest of the sheet.
        ws.reset_dimensions()
        try:
            formulas = _uncomputed_formulas(ws)
            rows = enumerate(ws.iter_rows(values_only=True), start=1)
            raw = [_xlsx_row(line, values, formulas.get(line, ())) for line, values in rows]
        except Exception:  # noqa: BLE001 - damaged sheet XML inside a valid zip
            raise InputError([Problem("file_not_xlsx", file=name)]) from None
        return raw, ws.title
    finally:
        book.close()  # read-only keeps the file open; Windows would lock it


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _uncomputed_formulas(ws) -> dict[int, frozenset[int]]:
    """Row -> 0-based positions of formula cells that hold no result. With data_only a
    formula reads as the result Excel or WPS saved with it; a file written by a program
    (openpyxl, a web system's export, a script that edited the sheet) holds none, so the
    cell reads as empty and a mark typed as =B2*0.6 would be silently "not entered".
    Read from the sheet's XML: openpyxl gives None both for no result and for a cached
    "" (=IF(B2="","",…), a blank the user sees), which Excel writes as t="str" <v></v>."""
    from xml.etree.ElementTree import iterparse

    try:
        with ws._get_source() as src:  # openpyxl's read-only sheet part; private, so guarded
            data = src.read()
    except Exception:  # noqa: BLE001 - cannot tell: read the values as before
        return {}
    if not _FORMULA_TAG.search(data):  # the usual sheet of typed values: no second parse
        return {}
    try:
        return _formula_cells_without_result(iterparse(io.BytesIO(data), events=("start", "end")))
    except Exception:  # noqa: BLE001 - XML openpyxl took but this parser does not: read as before
        return {}


def _formula_cells_without_result(events) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = {}
    line = column = 0
    for event, el in events:
        tag = el.tag.rpartition("}")[2]
        if event == "start":
            if tag == "row":
                line = int(el.get("r") or line + 1)
                column = 0
            continue
        if tag == "c":
            ref = el.get("r")
            column = _column_index(ref) if ref else column + 1
            children = {child.tag.rpartition("}")[2]: child for child in el}
            if "f" in children:
                value = children.get("v")
                if value is None or (not value.text and el.get("t") != "str"):
                    found.setdefault(line, set()).add(column - 1)
        elif tag == "row":
            el.clear()
    return {line: frozenset(at) for line, at in found.items()}


def _column_index(ref: str) -> int:
    """'C7' -> 3."""
    index = 0
    for ch in ref:
        if not ch.isalpha():
            break
        index = index * 26 + ord(ch.upper()) - ord("A") + 1
    return index


def _is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


# --- xls (Excel 97–2003) ---------------------------------------------------------------

def _read_xls(path: Path, name: str, sheet: str | None) -> tuple[list[_RawRow], str]:
    """The same rows as an .xlsx gives: typed cells become the same texts, numbers are
    marked as numbers (an ID number stored as one is reported the same way)."""
    import xlrd  # imported here: only .xls files pay for it

    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except OSError as exc:
        raise InputError([_unreadable(name, exc)]) from None
    except Exception:  # noqa: BLE001 - any parser failure on these bytes means "not xls"
        raise InputError([Problem("file_not_xls", file=name)]) from None
    try:
        names = book.sheet_names()
        if not names:
            raise InputError([Problem("file_empty", file=name)])
        try:  # on_demand: a sheet is parsed here, and damaged records surface here
            if sheet is None:
                visible = [i for i in range(book.nsheets) if book.sheet_by_index(i).visibility == 0]
                ws = book.sheet_by_index((visible or [0])[0])
            elif sheet in names:
                ws = book.sheet_by_name(sheet)
            else:
                raise InputError([Problem("sheet_missing", file=name,
                                          params={"sheet": sheet, "sheets": "、".join(names)})])
            raw = [_xls_row(line, ws.row(line - 1), book.datemode, xlrd) for line in range(1, ws.nrows + 1)]
        except InputError:
            raise
        except Exception:  # noqa: BLE001 - xlrd asserts and indexes its way through bad records
            raise InputError([Problem("file_not_xls", file=name)]) from None
        return raw, ws.name
    finally:
        book.release_resources()


def _xls_row(line: int, cells, datemode: int, xlrd) -> _RawRow:
    values: list[object] = []
    numeric = []
    for i, cell in enumerate(cells):
        value = cell.value
        if cell.ctype == xlrd.XL_CELL_NUMBER:
            numeric.append(i)
            value = int(value) if value.is_integer() and abs(value) < 2**53 else value
        elif cell.ctype == xlrd.XL_CELL_DATE:
            value = xlrd.xldate_as_datetime(value, datemode)
        elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
            value = bool(value)
        elif cell.ctype == xlrd.XL_CELL_ERROR:
            value = xlrd.error_text_from_code.get(value, "#ERROR")
        elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            value = None
        values.append(cell_text(value))
    return _RawRow(line, values, frozenset(numeric))


def _xlsx_row(line: int, values: tuple, formulas: frozenset[int] | tuple = ()) -> _RawRow:
    cells = []
    numeric = []
    for i, value in enumerate(values):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numeric.append(i)
        cells.append(cell_text(value))
    uncomputed = frozenset(i for i in formulas if i < len(values) and values[i] is None)
    return _RawRow(line, cells, frozenset(numeric), uncomputed)


def cell_text(value: object) -> str:
    """What a typed Excel value means as text, without binary-float noise."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # before int: bool is an int. Never let TRUE become a mark 1.
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def zeros_restored(known: Collection[str]) -> Callable[[str], str]:
    """A lookup that gives back the known 编号 or code a cell means where Excel dropped its
    leading zeros (001 typed into a number cell is stored as 1), or where a file wrote zeros
    the roster has not: '1' → '001' when exactly one known key of digits has that value.
    Anything else comes back as written, for the caller to report as unknown."""
    by_value: dict[str, str | None] = {}

    def restore(text: str) -> str:
        if text in known or not text.isdigit():
            return text
        if not by_value:  # built on the first miss: files that match pay nothing
            for key in known:
                if key.isdigit():
                    value = key.lstrip("0")
                    by_value[value] = None if value in by_value else key  # two keys: ambiguous
        return by_value.get(text.lstrip("0")) or text

    return restore


def _float_text(value: float) -> str:
    # Excel holds 15 significant digits and shows at most that many, so that is the value the
    # user typed or sees: 85.05 -> '85.05', a computed 88.51499999999999 -> '88.515' (never
    # '85.04999999'), 90.0 -> '90'. An 18-digit ID stored as a number becomes
    # '110101199001011000': its lost digits are reported through Table.numeric_cells.
    if math.isnan(value) or math.isinf(value):
        return repr(value)
    text = format(value, ".15g")
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


# --- header and rows ------------------------------------------------------------------

def _build_table(raw: list[_RawRow], name: str, sheet: str | None,
                 columns: dict[str, tuple[str, ...]], required: set[str]) -> Table:
    lookup = {_header_key(h): key for key, headers in columns.items() for h in headers}
    for row in raw:
        row.cells = [clean(c) for c in row.cells]
    non_empty = [row for row in raw if any(row.cells)]
    if not non_empty:
        raise InputError([Problem("file_empty", file=name)])

    # The header is the first row near the top holding every required header; failing
    # that, the row matching most headers is taken to report what is missing.
    best, best_found = non_empty[0], {}
    for row in non_empty[:HEADER_SEARCH_ROWS]:
        found = _match_headers(row.cells, lookup)
        if required <= found.keys():
            best, best_found = row, found
            break
        if len(found) > len(best_found):
            best, best_found = row, found

    header = best
    problems = []
    for key, headers in columns.items():
        if key in required and key not in best_found:
            problems.append(Problem("missing_column", file=name, row=header.line, column=headers[0],
                                    params={"column": headers[0], "aliases": " / ".join(headers)}))
    positions: dict[str, int] = {}
    for key, places in best_found.items():
        positions[key] = places[0]
        for extra in places[1:]:
            problems.append(Problem("duplicate_column", file=name, row=header.line,
                                    column=header.cells[extra], value=header.cells[extra],
                                    params={"first": _column_letter(places[0]),
                                            "second": _column_letter(extra),
                                            "first_header": header.cells[places[0]]}))
    if problems:
        raise InputError(problems)

    rows: list[Row] = []
    numeric_cells: set[tuple[int, str]] = set()
    for row in raw:
        if row.line <= header.line:
            continue
        width = len(row.cells)
        values = {key: (row.cells[i] if i < width else "") for key, i in positions.items()}
        if row.uncomputed:  # only a formula cell of an .xlsx (asked per row of 10,000)
            problems.extend(Problem("formula_no_value", file=name, row=row.line, column=header.cells[i])
                            for key, i in positions.items() if i in row.uncomputed)
        # A row with nothing in our columns (blank, or a note in an unknown column such as
        # "制表人：…") is not a contestant.
        if not any(values.values()):
            continue
        rows.append(Row(row.line, values))
        for key, i in positions.items():
            if i in row.numeric:
                numeric_cells.add((row.line, key))
    if problems:  # read as empty, such a cell would import as "not entered" without a word
        raise InputError(problems)
    return Table(
        file=name,
        header_row=header.line,
        columns_found={key: header.cells[i] for key, i in positions.items()},
        rows=rows,
        numeric_cells=numeric_cells,
        sheet=sheet,
    )


def _match_headers(cells: list[str], lookup: dict[str, str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, text in enumerate(cells):
        key = lookup.get(_header_key(text)) if text else None
        if key is not None:
            found.setdefault(key, []).append(i)
    return found


def _column_letter(index: int) -> str:
    """0-based position -> Excel's column letters (a csv opened in Excel shows them too)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def _unreadable(name: str, exc: OSError) -> Problem:
    return Problem("file_unreadable", file=name, params={"reason": system_reason(exc)})


register(
    {
        # The 编号 column's problems, found by every reader (roster, marks, judges' marks, a
        # draw): registered here, which all of them import.
        "no_missing": ("编号为空", "the contestant number (编号) is empty"),
        "no_duplicate": (
            "编号 {value} 在文件中出现了两次（另见第 {other} 行）",
            "number {value} appears twice in the file (see also row {other})",
        ),
        "file_not_found": (
            "找不到这个文件（{path}）。请检查文件名和所在的文件夹。",
            "File not found ({path}). Check the file name and its folder.",
        ),
        "file_unreadable": (
            "无法读取文件（{reason}）。如果它正在 Excel 或 WPS 中打开，请先关闭后再导入。",
            "The file cannot be read ({reason}). If it is open in Excel or WPS, close it "
            "and import again.",
        ),
        "file_type_unsupported": (
            "不支持“{suffix}”类型的文件。请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再导入。",
            "Files of type '{suffix}' are not supported. Save it from Excel or WPS as .xlsx "
            "or .csv and import again.",
        ),
        "file_not_xlsx": (
            "这不是有效的 Excel（.xlsx）文件，可能已损坏或只是改了扩展名。"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
            "This is not a valid Excel (.xlsx) file: it may be damaged or merely renamed. "
            "Open it in Excel or WPS, save it as .xlsx and import again.",
        ),
        "file_not_xls": (
            "这不是有效的 Excel 97–2003（.xls）文件，可能已损坏或只是改了扩展名。"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
            "This is not a valid Excel 97–2003 (.xls) file: it may be damaged or merely renamed. "
            "Open it in Excel or WPS, save it as .xlsx and import again.",
        ),
        "file_csv_is_xlsx": (
            "这个 .csv 文件实际上是 Excel 文件。请把扩展名改为 .xlsx，或用 Excel 另存为 CSV 后再导入。",
            "This .csv file is really an Excel workbook. Rename it to .xlsx, or save it from "
            "Excel as CSV, and import again.",
        ),
        "file_encoding": (
            "无法识别文件的文字编码（只支持 UTF-8 和 GBK）。请用 Excel 或 WPS 另存为"
            "“CSV UTF-8”或 .xlsx 后再导入。",
            "The file's text encoding is not recognised (UTF-8 and GBK are supported). Save "
            "it from Excel or WPS as 'CSV UTF-8' or .xlsx and import again.",
        ),
        "file_csv_malformed": (
            "无法按 CSV 格式读取（{reason}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
            "The file cannot be read as CSV ({reason}). Open it in Excel or WPS, save it as "
            ".xlsx and import again.",
        ),
        "file_empty": (
            "文件中没有任何内容。请确认选择了正确的文件和工作表。",
            "The file has no content. Check that you chose the right file and sheet.",
        ),
        "sheet_missing": (
            "找不到工作表“{sheet}”。文件中的工作表有：{sheets}。",
            "There is no sheet '{sheet}'. The file's sheets are: {sheets}.",
        ),
        "missing_column": (
            "缺少这一列（可写作：{aliases}）。请在标题行加上「{column}」列后重新导入。",
            "This column is missing (accepted headers: {aliases}). Add a '{column}' column "
            "to the header row and import again.",
        ),
        "duplicate_column": (
            "第 {second} 列的标题“{value}”与第 {first} 列的“{first_header}”是同一项。"
            "请删除或改名其中一列后重新导入。",
            "The header '{value}' of column {second} means the same as '{first_header}' in "
            "column {first}. Delete or rename one of them and import again.",
        ),
        "formula_no_value": (
            "这一格是公式，但文件中没有保存它的计算结果（文件可能是由其他程序生成或改动的）。"
            "请用 Excel 或 WPS 打开该文件并保存，再重新导入。",
            "This cell holds a formula, but the file holds no computed result for it (the file was "
            "probably made or changed by another program). Open it in Excel or WPS, save it and import again.",
        ),
        "id_stored_as_number": (
            "身份证号被存成了数字（{value}），超过 15 位的数字已被 Excel 改掉。请把该列设置为"
            "“文本”格式，重新输入身份证号后再导入。",
            "The ID number was stored as a number ({value}); Excel has changed the digits "
            "beyond the 15th. Format the column as Text, type the ID numbers again and "
            "import again.",
        ),
    }
)
