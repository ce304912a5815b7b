"""Every way a practical mark arrives works by code while sealed (issue 17): desks and
their files, judging panels (typed and imported), and the chief judge settling."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from support import PIN, write_csv
from skillscore.actions.desks import merge_report_lines
from skillscore.errors import InputError, RefusedError
from skillscore.rules.panel import Module, PanelScheme
from test_desk import Venue

SCHEME = PanelScheme(3, "mean", (Module("实操", D(70)), Module("答辩", D(30))))


@pytest.fixture
def venue(tmp_path):
    v = Venue(tmp_path)
    yield v
    v.close()


def keys(comp) -> dict[str, str]:
    return {e.key: e.code for e in comp.codes_key(pin=PIN)}


def test_a_desk_copied_after_sealing_types_by_code_and_merges(venue):
    venue.main.seal_codes(pin=PIN)
    key = keys(venue.main)
    desk = venue.desk("d1", "李娜")
    with pytest.raises(RefusedError):
        desk.set_mark("A001", "practical", "80")
    desk.set_mark(key["A001"], "practical", "80")
    desk.set_mark("A001", "theory", "70")
    (report,) = venue.merge([venue.export(desk, "d1")])
    assert {(c.no, c.field) for c in report.added} == {(key["A001"], "practical"), ("A001", "theory")}
    lines = "\n".join(merge_report_lines([report]))
    assert f"{key['A001']} 技能操作 80.00" in lines and "A001 技能操作" not in lines
    assert venue.main.entries()["A001"].practical == D("80")


def test_a_desk_copied_before_sealing_cannot_bring_practical_marks(venue):
    desk = venue.desk("early", "李娜")
    venue.main.seal_codes(pin=PIN)
    desk.set_mark("A002", "practical", "80")  # its own copy knows no codes: typed beside the 编号
    with pytest.raises(RefusedError) as e:
        venue.merge([venue.export(desk, "early")])
    assert e.value.code == "codes_desk_seal"
    theory_only = venue.desk("late_theory", "王芳")  # copied after: theory merges as ever
    theory_only.set_mark("A002", "theory", "66")
    venue.merge([venue.export(theory_only, "t")])
    assert venue.main.entries()["A002"].theory == D("66")


def test_held_desk_conflicts_on_practical_marks_name_codes_and_block_the_reveal(venue):
    venue.main.seal_codes(pin=PIN)
    key = keys(venue.main)
    a, b = venue.desk("a", "甲"), venue.desk("b", "乙")
    a.set_mark(key["A001"], "practical", "80")
    b.set_mark(key["A001"], "practical", "81")
    venue.merge([venue.export(a, "a"), venue.export(b, "b")])
    (held,) = venue.main.held_conflicts()
    assert held.no == key["A001"]
    assert ("codes_reveal_conflicts", {"count": 1, "codes": key["A001"]}) in venue.main.reveal_blockers()
    venue.main.settle_conflict(key["A001"], "practical", "81", pin=PIN)
    assert venue.main.held_conflicts() == [] and venue.main.entries()["A001"].practical == D("81")


def test_a_panel_is_marked_by_code_typed_and_imported(venue, tmp_path):
    main = venue.main
    main.set_panel_scheme(SCHEME, pin=PIN)
    main.seal_codes(pin=PIN)
    key = keys(main)
    with pytest.raises(RefusedError, match="give the code"):
        main.set_panel_mark("A001", "实操", 1, "60")
    for judge, score in ((1, "60"), (2, "61"), (3, "62")):
        main.set_panel_mark(key["A001"], "实操", judge, score)
    rows = [[key["A001"], "答辩", j, "25"] for j in (1, 2, 3)]
    main.import_panel_marks(write_csv(tmp_path / "p.csv", ["评分号", "模块", "裁判", "分数"], rows))
    assert main.entries()["A001"].practical == D("86.00")
    by_no = write_csv(tmp_path / "n.csv", ["编号", "模块", "裁判", "分数"], [["A002", "实操", 1, "50"]])
    with pytest.raises(InputError, match="评分号"):
        main.import_panel_marks(by_no)
    panel_entries = [e for e in main.audit_entries() if e.action == "panel_mark"]
    assert {e.subject for e in panel_entries} == {key["A001"]}
