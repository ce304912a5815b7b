"""Roster and marks files as strangers bring them: sheets written by other programs,
CSVs saved from Excel. Each case once slipped through or was refused in the wrong words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli, write_csv

ROSTER = ACCEPTANCE / "prelim-small" / "roster.csv"


@pytest.fixture
def sitting(tmp_path) -> Path:
    path = tmp_path / "初赛.sqlite"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "组委会",
                   "--date", "2025-09-01", "--pin", PIN).returncode == 0
    assert run_cli("roster", "import", path, ROSTER).returncode == 0
    return path


def formula_marks(path: Path, cached: dict[str, str] | None = None) -> Path:
    """Practical marks as formulas (=E2+F2), the way openpyxl or a web system writes them:
    no computed result in the file. ``cached``: cell -> the <v> Excel would have saved."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["编号", "理论知识", "技能操作", "状态", "基础分", "加分"])
    for line, no in enumerate(["A001", "A002", "B003"], start=2):
        ws.append([no, "80", f"=E{line}+F{line}", None, 70, 5])
    book.save(path)
    if cached:
        with zipfile.ZipFile(path) as zf:
            parts = {i.filename: zf.read(i) for i in zf.infolist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        for cell, v in cached.items():
            start = sheet.index(f'<c r="{cell}"')
            end = sheet.index("</c>", start) + len("</c>")
            formula = sheet[start:end].split("<f>")[1].split("</f>")[0]
            kind = ' t="str"' if v == "" else ""
            sheet = sheet[:start] + f'<c r="{cell}"{kind}><f>{formula}</f><v>{v}</v></c>' + sheet[end:]
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
    return path


def test_formulas_without_a_computed_result_are_refused_not_taken_as_empty(sitting, tmp_path):
    before = ranking_json(sitting)
    out = run_cli("marks", "import", sitting, formula_marks(tmp_path / "成绩 公式.xlsx"))
    assert out.returncode == 1, out.stdout
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert "发现 3 处问题" in lines[0]
    assert "文件 成绩 公式.xlsx 第 2 行 「技能操作」列" in lines[1] and "公式" in lines[1]
    assert ranking_json(sitting) == before  # theory of the same rows not written either
    english = run_cli("--lang", "en", "marks", "import", sitting, tmp_path / "成绩 公式.xlsx")
    assert "row 2, column '技能操作'" in english.stderr and "formula" in english.stderr


def test_formulas_saved_with_their_results_import_and_a_cached_blank_stays_blank(sitting, tmp_path):
    path = formula_marks(tmp_path / "m.xlsx", cached={"C2": "75", "C3": "", "C4": "77.5"})
    out = run_cli("marks", "import", sitting, path)
    assert out.returncode == 0, out.stderr
    rows = {r["no"]: r for r in ranking_json(sitting)["rows"]}
    assert (rows["A001"]["practical"], rows["A002"]["practical"], rows["B003"]["practical"]) == \
        ("75.00", None, "77.50")


def test_a_roster_formula_without_a_result_is_named_as_a_formula(tmp_path):
    path = tmp_path / "s.sqlite"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "组委会",
                   "--date", "2025-09-01", "--pin", PIN).returncode == 0
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["编号", "姓名", "身份证号", "工作单位"])
    ws.append(["A001", '=CONCAT("史","子志")', "110102198911226810", "北京金隅集团股份有限公司"])
    book.save(tmp_path / "名单.xlsx")
    out = run_cli("roster", "import", path, tmp_path / "名单.xlsx")
    assert out.returncode == 1
    assert "第 2 行 「姓名」列：这一格是公式" in out.stderr and "不能为空" not in out.stderr


def test_an_id_number_in_excels_scientific_form_in_a_csv_says_excel_changed_it(tmp_path):
    path = tmp_path / "s.sqlite"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "组委会",
                   "--date", "2025-09-01", "--pin", PIN).returncode == 0
    roster = write_csv(tmp_path / "名单.csv", ["编号", "姓名", "身份证号", "工作单位"],
                       [["A001", "史子志", "1.10102E+17", "北京金隅集团股份有限公司"]], encoding="gb18030")
    out = run_cli("roster", "import", path, roster)
    assert out.returncode == 1
    assert "文件 名单.csv 第 2 行 「身份证号」列：身份证号被存成了数字（1.10102E+17）" in out.stderr
