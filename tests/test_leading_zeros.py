"""编号 and 评分号 of digits in an Excel sheet whose cells are numbers: Excel stores 001 as 1,
so the file says 1 where the roster says 001. Each reader takes it for the one known key of
that value (io/tables.zeros_restored) instead of refusing the row as unknown."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from support import PIN, write_csv
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows
from skillscore.errors import InputError
from skillscore.io.tables import zeros_restored
from skillscore.rules.panel import Module, PanelScheme

SCHEME = PanelScheme(3, "mean", (Module("实操", D(100)),))


def test_a_number_without_its_zeros_is_the_one_known_key_of_that_value():
    restore = zeros_restored({"001", "002", "010", "A001", "100"})
    assert [restore(t) for t in ("1", "2", "10", "001", "100")] == ["001", "002", "010", "001", "100"]
    assert restore("0010") == "010"  # zeros the roster has not: the same value
    assert [restore(t) for t in ("3", "A1", "", "1.0")] == ["3", "A1", "", "1.0"]  # unknown: as written
    both = zeros_restored({"01", "001"})  # two keys of one value: no guess
    assert both("1") == "1"
    assert zeros_restored({"1"})("001") == "1"  # a roster typed as numbers, a sheet with zeros


def sitting(tmp_path: Path, **create) -> Competition:
    rows = roster_rows(12, seed=5)
    for i, row in enumerate(rows, start=1):
        row[0] = f"{i:03d}"
    comp = Competition.create(tmp_path / "zeros.sqlite", event_no=29, stage="prelim", committee="东城区初赛组委会",
                              pin=PIN, date="2025-09-20", operator="测试", **create)
    comp.import_roster(write_csv(tmp_path / "roster.csv", ROSTER_HEADER, rows))
    return comp


def give_a_zero_code(comp: Competition, unit: str) -> str:
    """One code in ten begins with a zero (the codes are random): make sure ``unit``'s does,
    with the sitting's length and no other unit's code."""
    with sqlite3.connect(comp.path) as db:
        used = {code for (code,) in db.execute("SELECT code FROM codes")}
        width = len(next(iter(used)))
        code = next(c for c in (str(d).zfill(width) for d in range(1, 10)) if c not in used)
        db.execute("UPDATE codes SET code = ? WHERE unit = ?", (code, unit))
    db.close()
    return code


def numbers_sheet(path: Path, header: list[str], rows: list[list]) -> Path:
    """An .xlsx whose 编号 or 评分号 cells are numbers, as Excel saves 001 typed into a General cell."""
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_marks_by_number_cells_reach_the_contestants_with_zeros(tmp_path):
    with sitting(tmp_path) as comp:
        sheet = numbers_sheet(tmp_path / "marks.xlsx", ["编号", "理论知识", "技能操作"], [[1, 80, 90], [10, 70, 60]])
        comp.import_marks(sheet)
        entries = comp.entries()
        assert (entries["001"].theory, entries["001"].practical) == (D("80"), D("90"))
        assert (entries["010"].theory, entries["010"].practical) == (D("70"), D("60"))
        twice = numbers_sheet(tmp_path / "twice.xlsx", ["编号", "理论知识"], [[2, 80], ["002", 81], [13, 50]])
        with pytest.raises(InputError) as e:
            comp.import_marks(twice)
        found = {(p.code, p.row, p.value) for p in e.value.problems}
        assert found == {("no_duplicate", 3, "002"), ("no_unknown", 4, "13")}
        assert "002" not in comp.entries()  # nothing half-written


def test_marks_by_code_cells_reach_the_units_behind_codes_with_zeros(tmp_path):
    with sitting(tmp_path) as comp:
        comp.seal_codes(pin=PIN)
        key = {e.key: e.code for e in comp.codes_key(pin=PIN)}
        key["003"] = give_a_zero_code(comp, "003")
        rows = [[int(key[no]), 50 + i] for i, no in enumerate(("001", "003", "012"))]
        comp.import_marks(numbers_sheet(tmp_path / "coded.xlsx", ["评分号", "技能操作"], rows))
        practical = {no: e.practical for no, e in comp.entries().items() if e.practical is not None}
        assert practical == {"001": D("50"), "003": D("51"), "012": D("52")}


def test_panel_marks_by_number_cells(tmp_path):
    with sitting(tmp_path) as comp:
        comp.set_panel_scheme(SCHEME, pin=PIN)
        rows = [[4, "实操", j, 60 + j] for j in (1, 2, 3)]
        comp.import_panel_marks(numbers_sheet(tmp_path / "p.xlsx", ["编号", "模块", "裁判", "分数"], rows))
        assert comp.entries()["004"].practical == D("62.00")


def test_panel_marks_by_code_cells(tmp_path):
    with sitting(tmp_path) as comp:
        comp.set_panel_scheme(SCHEME, pin=PIN)
        comp.seal_codes(pin=PIN)
        code = int(give_a_zero_code(comp, "005"))
        rows = [[code, "实操", j, 70 + j] for j in (1, 2, 3)]
        comp.import_panel_marks(numbers_sheet(tmp_path / "c.xlsx", ["评分号", "模块", "裁判", "分数"], rows))
        assert comp.entries()["005"].practical == D("72.00")


def test_a_hand_draw_by_number_cells_seats_the_contestants_with_zeros(tmp_path):
    with sitting(tmp_path) as comp:
        rows = [[no, 1 + (no - 1) // 6, 1 + (no - 1) % 6] for no in range(1, 13)]
        comp.import_draw(numbers_sheet(tmp_path / "draw.xlsx", ["编号", "场次", "工位号"], rows))
        assert comp.draw_rows()[:2] == [("001", 1, 1), ("002", 1, 2)]
        assert {unit for unit, _, _ in comp.draw_rows()} == {f"{i:03d}" for i in range(1, 13)}
