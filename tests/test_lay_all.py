"""A sheet's body laid out a column at a time (``SheetRenderer.lay_all``, issue 18) gives
what laying out each row alone gives: the same lines per cell and the same heights, for
rows that wrap, rows with marks, a team's member cells, headings, and rows whose cell
count is not the table's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore.reports.base import SheetRenderer
from skillscore.reports.day import DayRenderer, DaySpec
from skillscore.reports.source import SheetSource
from skillscore.reports.table import Column, Row, Section, SheetSpec

COLUMNS = [
    Column("rank", "名次", 40, "center"),
    Column("no", "编号", 40),
    Column("name", "姓名", 44),
    Column("unit", "工作单位"),
    Column("total", "总成绩", 38, "right", wrap=False),
    Column("id", "身份证号", 70, size=6.5),
]
TEXTS = ["", "1", "5001▲", "12–14⚠", "◆3", "✓", "A05584", "董浩", "刘䶮", "赵孟𫖯", "欧阳娜娜娜娜娜娜",
         "北京首都开发控股（集团）有限公司第三分公司", "99.00", "110101********1234", "Subsidy (yuan) paid",
         "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", " 董浩 ", "  ",
         "10001–10002⚠", "北京首都开发控股（集团）有限公司▲第三分公司✓"]  # marked, and too wide
cell = st.sampled_from(TEXTS)
members = st.lists(cell, min_size=1, max_size=3).map(tuple)
row = st.builds(Row, st.lists(cell | members, min_size=len(COLUMNS), max_size=len(COLUMNS)).map(tuple))
plain_row = st.builds(Row, st.lists(cell, min_size=len(COLUMNS), max_size=len(COLUMNS)).map(tuple))
odd_row = st.builds(Row, st.lists(cell, min_size=0, max_size=len(COLUMNS) + 2).map(tuple))
body = st.lists(plain_row | plain_row | row | odd_row | st.builds(Section, cell), max_size=40)


def renderer(cls=SheetRenderer):
    if cls is DayRenderer:  # a day sheet's rows are taller, for handwriting
        return DayRenderer(None, DaySpec("checkin", "签到表", COLUMNS, [], [], row_height=24.0))
    return SheetRenderer(SheetSource(doc={}, finalized=False, fingerprint=None), SheetSpec("test", "测试", COLUMNS, []))


def one_by_one(r, items):
    return [(laid.item, [list(lines) for lines in laid.lines], laid.height, laid.pad) for laid in map(r.lay, items)]


def together(r, items):
    return [(laid.item, [list(lines) for lines in laid.lines], laid.height, laid.pad) for laid in r.lay_all(items)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body, body)
def test_laying_out_together_is_laying_out_one_by_one(first, second):
    # Each renderer keeps what it has laid out (a cache per column): a second body laid by
    # the same renderer meets texts seen before, as every later page of a sheet does.
    alone, batch = renderer(), renderer()
    for items in (first, second):
        assert together(batch, items) == one_by_one(alone, items)


def test_a_cell_that_wraps_makes_its_row_taller_and_only_its_row():
    r = renderer()
    long_unit = "北京首都开发控股（集团）有限公司第三分公司" * 3
    laid = r.lay_all([Row(("1", "A1", "董浩", "某公司", "99.00", "")), Row(("2", "A2", "李娜", long_unit, "98.00", ""))])
    assert len(laid[1].lines[3]) > 1 and "".join(laid[1].lines[3]) == long_unit
    assert laid[1].height > laid[0].height
    assert laid[0].height == r.lay(Row(("1", "A1", "董浩", "某公司", "99.00", ""))).height


def test_a_day_sheets_rows_are_made_taller_together_as_one_by_one():
    spec_rows = [Row(("1", "A1", "董浩", "某公司", "99.00", "")), Section("第一组"),
                 Row(("2", "A2", "李娜", "北京首都开发控股（集团）有限公司第三分公司" * 2, "98.00", ""))]
    alone, batch = renderer(DayRenderer), renderer(DayRenderer)
    assert together(batch, spec_rows) == one_by_one(alone, spec_rows)
    assert batch.lay_all(spec_rows[:1])[0].height == 24.0
