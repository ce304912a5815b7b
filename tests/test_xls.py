"""Excel 97–2003 (.xls) rosters and marks (issue 13.6), read with xlrd, with the same validation
and messages as .xlsx. The fixtures in tests/data/xls were written by LibreOffice Calc
(soffice --headless --convert-to xls): 名单 报名表.xls has a title row, its first sheet
stores the ID numbers as text and its second sheet (身份证号存成数字) as numbers;
成绩 录入.xls holds typed marks and a 缺考."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN
from skillscore.errors import InputError
from skillscore.io.columns import ROSTER_COLUMNS
from skillscore.io.tables import read_table
from support import run_cli

DATA = Path(__file__).resolve().parent / "data" / "xls"
ROSTER = DATA / "名单 报名表.xls"
MARKS = DATA / "成绩 录入.xls"
IDS = ["110106198404306678", "11010819850805763X", "110108197910238928", "11011119950409687X",
       "130102198710177067", "370102198502011833"]


@pytest.fixture
def fresh(tmp_path) -> Path:
    path = tmp_path / "比赛 文件" / "东城区 初赛.sqlite"
    path.parent.mkdir()
    out = run_cli("new", path, "--event", "29", "--stage", "prelim", "--committee", "东城区初赛组委会",
                  "--pin", DEMO_PIN, "--date", "2025-09-20")
    assert out.returncode == 0, out.stderr
    return path


def test_the_fixtures_are_real_biff_files_written_by_libreoffice():
    for path in (ROSTER, MARKS):
        data = path.read_bytes()
        assert data[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file, not a renamed xlsx
        assert b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in data  # its BIFF8 "Workbook" stream


def test_a_roster_and_marks_from_xls_files(fresh):
    out = run_cli("roster", "import", fresh, ROSTER)
    assert out.returncode == 0, out.stderr
    assert "新增 6" in out.stdout
    out = run_cli("marks", "import", fresh, MARKS)
    assert out.returncode == 0, out.stderr
    with Competition(fresh) as comp:
        assert [c.id_number for c in comp.contestants()] == IDS
        assert [c.name for c in comp.contestants()][:2] == ["顾杰", "刘强峰"]
        entries = comp.entries()
        rows = {r["no"]: r for r in comp.ranking()["rows"]}
    assert (str(entries["A001"].theory), str(entries["A001"].practical), rows["A001"]["total"]) == \
        ("85.05", "90.00", "88.52")
    assert rows["A003"]["status"] == "absent"
    assert str(entries["A002"].practical) == "70.25"


def _same_as_xlsx(tmp_path: Path, sheet: str) -> Path:
    """The same sheet saved as .xlsx by openpyxl, typed values kept as they are."""
    import xlrd

    book = xlrd.open_workbook(ROSTER)
    ws = book.sheet_by_name(sheet)
    out = openpyxl.Workbook()
    target = out.active
    for r in range(ws.nrows):
        target.append([None if c.ctype in (0, 6) else (int(c.value) if c.ctype == 2 else c.value) for c in ws.row(r)])
    path = tmp_path / "名单 报名表.xlsx"
    out.save(path)
    return path


def test_ids_stored_as_numbers_are_refused_with_the_messages_of_xlsx(fresh, tmp_path):
    sheet = "身份证号存成数字"
    out = run_cli("roster", "import", fresh, ROSTER, "--sheet", sheet)
    assert out.returncode == 1 and "身份证号被存成了数字" in out.stderr
    assert out.stderr.count("身份证号被存成了数字") == 4  # the two ending in X are text even there
    xlsx = run_cli("roster", "import", fresh, _same_as_xlsx(tmp_path, sheet))
    assert xlsx.returncode == 1
    assert out.stderr.replace("名单 报名表.xls", "F") == xlsx.stderr.replace("名单 报名表.xlsx", "F")
    with Competition(fresh) as comp:
        assert comp.contestants() == []  # all or nothing


def test_the_table_reader_marks_numeric_cells_as_for_xlsx():
    table = read_table(ROSTER, columns=ROSTER_COLUMNS, required={"no", "name", "id_number"},
                       sheet="身份证号存成数字")
    assert table.sheet == "身份证号存成数字" and table.header_row == 1
    assert [line for line, key in sorted(table.numeric_cells) if key == "id_number"] == [2, 4, 6, 7]
    first = read_table(ROSTER, columns=ROSTER_COLUMNS, required={"no", "name", "id_number"})
    assert first.sheet == "名单" and first.header_row == 2 and not first.numeric_cells  # below the title row
    assert [r.get("id_number") for r in first.rows] == IDS


def test_a_damaged_or_renamed_xls(fresh, tmp_path):
    damaged = tmp_path / "坏 文件.xls"
    damaged.write_bytes(ROSTER.read_bytes()[:3000])
    out = run_cli("roster", "import", fresh, damaged)
    assert out.returncode == 1 and "不是有效的 Excel 97–2003（.xls）文件" in out.stderr and "Traceback" not in out.stderr
    missing = run_cli("roster", "import", fresh, ROSTER, "--sheet", "决赛")
    assert missing.returncode == 1 and "找不到工作表“决赛”" in missing.stderr and "身份证号存成数字" in missing.stderr
    renamed = tmp_path / "其实是 xlsx.xls"
    renamed.write_bytes(_same_as_xlsx(tmp_path, "名单").read_bytes())
    out = run_cli("roster", "import", fresh, renamed)
    assert out.returncode == 0, out.stderr


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=9215), st.binary(min_size=1, max_size=64))
def test_a_damaged_xls_is_a_problem_never_a_traceback(tmp_path, offset, garbage):
    data = bytearray(ROSTER.read_bytes())
    data[offset:offset + len(garbage)] = garbage
    path = tmp_path / "r.xls"
    path.write_bytes(bytes(data))
    try:
        read_table(path, columns=ROSTER_COLUMNS, required={"no", "name", "id_number"})
    except InputError as e:
        assert all("{" not in p.message("zh") for p in e.problems)
