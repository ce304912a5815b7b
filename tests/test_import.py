"""Rosters and marks in from real xlsx and csv files; every bad input names its rule and
leaves the competition file exactly as it was (issue 3)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from openpyxl import Workbook

from support import ACCEPTANCE, PIN, write_csv
from skillscore.actions.competition import Competition
from skillscore.errors import InputError, PinError
from skillscore.rules.eligibility import check_character

HEADER = ["编号", "姓名", "性别", "身份证号", "出生日期", "人员类别", "工作单位", "互助服务卡", "联系电话"]


def an_id(birth: str, male: bool, region: str = "110101", seq: int = 12) -> str:
    first17 = f"{region}{birth.replace('-', '')}{seq:02d}{1 if male else 2}"
    return first17 + check_character(first17)


def person(no, birth="1985-03-04", male=True, **over):
    row = {"编号": no, "姓名": "张三", "性别": "男" if male else "女", "身份证号": an_id(birth, male),
           "出生日期": birth, "人员类别": "" if male else "女干部", "工作单位": "北京京东物流有限公司",
           "互助服务卡": "是", "联系电话": "13800000000"}
    row.update(over)
    return [row[h] for h in HEADER]


@pytest.fixture
def comp(tmp_path):
    c = Competition.create(tmp_path / "c.sqlite", event_no=29, stage="prelim", committee="组委会", pin=PIN,
                           date="2025-09-01", operator="测试员")
    yield c
    c.close()


def digest(c: Competition) -> str:
    con = sqlite3.connect(c.path)
    text = "\n".join(con.iterdump())
    con.close()
    return hashlib.sha256(text.encode()).hexdigest()


def codes(exc: InputError) -> list[str]:
    return [p.code for p in exc.problems]


def test_xlsx_roster_with_a_title_row_and_any_column_order(comp, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年北京市职工职业技能大赛 快递员 报名表"])
    ws.merge_cells("A1:F1")
    order = ["工作单位", "身份证号", "姓名", "编号", "互助服务卡", "联系电话"]
    ws.append(order)
    for i in range(1, 4):
        r = dict(zip(HEADER, person(f"A00{i}", birth=f"198{i}-05-06")))
        ws.append([r[h] for h in order])
    ws.append([])
    ws.append([])
    wb.save(tmp_path / "名单.xlsx")
    log = comp.import_roster(tmp_path / "名单.xlsx")
    assert log.added == ["A001", "A002", "A003"]
    people = comp.contestants()
    assert people[1].birth_date == "1982-05-06" and people[1].sex == "男" and people[1].union_card


def test_gbk_csv_written_by_excel_on_chinese_windows(comp, tmp_path):
    path = write_csv(tmp_path / "名单.csv", HEADER, [person("A001", 工作单位="顺丰速运（北京）有限公司")], encoding="gbk")
    comp.import_roster(path)
    assert comp.contestants()[0].unit == "顺丰速运（北京）有限公司"


def test_full_width_digits_and_spaces_are_tolerated(comp, tmp_path):
    comp.import_roster(write_csv(tmp_path / "r.csv", HEADER, [person("A001")]))
    marks = write_csv(tmp_path / "m.csv", [" 编号 ", "理论知识", "技能操作"], [["Ａ００１", "８５．５", "　９０　"]])
    comp.import_marks(marks)
    e = comp.entries()["A001"]
    assert (str(e.theory), str(e.practical)) == ("85.50", "90.00")


@pytest.mark.parametrize("rows, code, column", [
    ([person("A001", 身份证号=an_id("1985-03-04", True)[:-1] + "0")], None, "身份证号"),  # check digit (fixed below)
    ([person("A001", 性别="女")], "sex_mismatch", "性别"),
    ([person("A001", 出生日期="1985-03-05")], "birth_date_mismatch", "出生日期"),
    ([person("A001"), person("A002")], "id_duplicate", "身份证号"),
    ([person("A001"), person("A001", birth="1990-01-01")], "no_duplicate", "编号"),
    ([person("A001", birth="2007-01-01")], "born_too_late", "身份证号"),
    ([person("A001", birth="1960-05-01")], "past_retirement", "身份证号"),
    ([person("A001", birth="1974-05-01", male=False, 人员类别="")], "category_required", "人员类别"),
    ([person("A001", 人员类别="男干部")], "category_unknown", "人员类别"),
    ([person("A001", 姓名="")], "value_required", "姓名"),
    ([person("A001", 互助服务卡="也许")], "union_card_unknown", "互助服务卡"),
    ([person("A001", 身份证号="11010119850304")], "id_length", "身份证号"),
])
def test_bad_roster_rows_name_the_rule_and_change_nothing(comp, tmp_path, rows, code, column):
    if code is None:  # a wrong check digit: make sure the last character really is wrong
        good = an_id("1985-03-04", True)
        rows = [person("A001", 身份证号=good[:-1] + ("1" if good[-1] != "1" else "2"))]
        code = "id_check_digit"
    before = digest(comp)
    with pytest.raises(InputError) as exc:
        comp.import_roster(write_csv(tmp_path / "r.csv", HEADER, rows))
    problem = next(p for p in exc.value.problems if p.code == code)
    assert problem.column == column and problem.file == "r.csv" and problem.row >= 2
    assert f"第 {problem.row} 行" in problem.message("zh")
    assert digest(comp) == before


def test_eligibility_boundaries_on_the_stage_date(comp, tmp_path):
    # A man born 1965-03-10 retires at 60 years 1 month: 2025-04-10. Stage date 2025-09-01.
    with pytest.raises(InputError) as exc:
        comp.import_roster(write_csv(tmp_path / "r.csv", HEADER, [person("A001", birth="1965-03-10")]))
    assert codes(exc.value) == ["past_retirement"]
    # Born 1966-01: retires at 60 years 4 months (2026-05): still eligible.
    comp.import_roster(write_csv(tmp_path / "r2.csv", HEADER, [person("A002", birth="1966-01-15")]))


def test_admitting_against_a_rule_needs_the_pin_and_a_reason(comp, tmp_path):
    roster = write_csv(tmp_path / "r.csv", HEADER, [person("A001", birth="2007-02-01")])
    with pytest.raises(InputError):
        comp.import_roster(roster)
    with pytest.raises(PinError):
        comp.admit("A001", reason="组委会特批", pin="0000")
    comp.admit("A001", reason="组委会特批：技校在读选手", pin=PIN)
    comp.import_roster(roster)
    assert [c.no for c in comp.contestants()] == ["A001"]
    admit = [e for e in comp.audit_entries() if e.action == "admit"]
    assert admit[0].subject == "A001" and "技校在读" in admit[0].reason


def test_existing_numbers_update_and_refuse_a_new_identity(comp, tmp_path):
    comp.import_roster(write_csv(tmp_path / "r.csv", HEADER, [person("A001"), person("A002", birth="1990-01-01")]))
    log = comp.import_roster(write_csv(tmp_path / "r2.csv", HEADER, [
        person("A001", 工作单位="北京市燃气集团有限责任公司"), person("A002", birth="1990-01-01"), person("A003", birth="1991-01-01")]))
    assert (log.added, log.changed, log.unchanged) == (["A003"], ["A001"], ["A002"])
    assert [e.field for e in comp.audit_entries() if e.action == "roster_update"] == ["unit"]
    before = digest(comp)
    with pytest.raises(InputError) as exc:
        comp.import_roster(write_csv(tmp_path / "r3.csv", HEADER, [person("A001", birth="1970-01-01")]))
    assert codes(exc.value) == ["id_changed"]
    with pytest.raises(InputError) as exc:
        comp.import_roster(write_csv(tmp_path / "r4.csv", HEADER, [person("B009", birth="1990-01-01")]))
    assert codes(exc.value) == ["id_taken"]
    assert digest(comp) == before


def test_team_event_needs_teams_of_exactly_two(tmp_path):
    c = Competition.create(tmp_path / "t.sqlite", event_no=9, stage="prelim", committee="x", pin=PIN, date="2025-09-01")
    header = HEADER + ["团队"]
    rows = [person("T1") + ["甲"], person("T2", birth="1990-01-01") + ["甲"], person("T3", birth="1991-01-01") + ["乙"]]
    with pytest.raises(InputError) as exc:
        c.import_roster(write_csv(tmp_path / "r.csv", header, rows))
    assert codes(exc.value) == ["team_size_wrong"] and exc.value.problems[0].params["team"] == "乙"
    rows.append(person("T4", birth="1992-01-01") + ["乙"])
    c.import_roster(write_csv(tmp_path / "r.csv", header, rows))
    with pytest.raises(InputError) as exc:
        c.import_marks(write_csv(tmp_path / "m.csv", ["编号", "理论知识", "技能操作"],
                                 [["T1", "80", "70"], ["T2", "80", "71"]]))
    assert codes(exc.value) == ["team_practical_differs"]
    # One member row carrying the team's practical mark sets it for the whole team.
    c.import_marks(write_csv(tmp_path / "m.csv", ["编号", "技能操作"], [["T3", "66.5"]]))
    assert str(c.entries()["T4"].practical) == "66.50"
    c.close()


def test_reimport_reports_added_changed_unchanged(comp, tmp_path):
    comp.import_roster(write_csv(tmp_path / "r.csv", HEADER, [person("A001"), person("A002", birth="1990-01-01")]))
    first = comp.import_marks(write_csv(tmp_path / "m.csv", ["编号", "理论知识"], [["A001", "80"]]))
    assert (first.added, first.changed, first.unchanged) == (["A001"], [], [])
    again = comp.import_marks(write_csv(tmp_path / "m2.csv", ["编号", "理论知识", "技能操作"],
                                        [["A001", "80.00", ""], ["A002", "70", "缺考"]]))
    assert (again.added, again.changed, again.unchanged) == (["A002"], [], ["A001"])
    third = comp.import_marks(write_csv(tmp_path / "m3.csv", ["编号", "理论知识"], [["A001", "81"]]))
    assert third.changed == ["A001"] and third.changes == [("A001", "theory", "80.00", "81.00")]
    # A blank cell never erases a mark.
    comp.import_marks(write_csv(tmp_path / "m4.csv", ["编号", "理论知识"], [["A001", ""]]))
    assert str(comp.entries()["A001"].theory) == "81.00"


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_then_import_is_lossless(tmp_path, suffix):
    folder = ACCEPTANCE / "prelim-small"
    a = Competition.create(tmp_path / "a.sqlite", event_no=21, stage="prelim", committee="x", pin=PIN, date="2025-09-01")
    a.import_roster(folder / "roster.csv")
    a.import_marks(folder / "marks.csv")
    a.export_roster(tmp_path / f"roster.{suffix}")
    a.export_marks(tmp_path / f"marks.{suffix}")
    b = Competition.create(tmp_path / "b.sqlite", event_no=21, stage="prelim", committee="x", pin=PIN, date="2025-09-01")
    b.import_roster(tmp_path / f"roster.{suffix}")
    b.import_marks(tmp_path / f"marks.{suffix}")
    assert b.contestants() == a.contestants()
    assert b.entries() == a.entries()
    assert b.ranking()["rows"] == a.ranking()["rows"]
    # Bringing the same sheet back into the original changes nothing.
    log = a.import_marks(tmp_path / f"marks.{suffix}")
    assert log.changed == [] and log.added == [] and len(log.unchanged) == 14
    a.close()
    b.close()


def test_named_sheet(comp, tmp_path):
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由报名网站导出"])
    ws = wb.create_sheet("名单")
    ws.append(HEADER)
    ws.append(person("A001"))
    wb.save(tmp_path / "x.xlsx")
    comp.import_roster(tmp_path / "x.xlsx", sheet="名单")
    assert len(comp.contestants()) == 1
    with pytest.raises(InputError) as exc:
        comp.import_roster(tmp_path / "x.xlsx", sheet="不存在")
    assert codes(exc.value) == ["sheet_missing"]


def test_id_typed_as_a_number_in_excel_is_caught(comp, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    row = person("A001")
    row[3] = int(an_id("1985-03-04", True)[:17] + "0")  # Excel keeps 15 digits
    ws.append(row)
    wb.save(tmp_path / "n.xlsx")
    with pytest.raises(InputError) as exc:
        comp.import_roster(tmp_path / "n.xlsx")
    assert codes(exc.value) == ["id_stored_as_number"]
