"""复核不一致 (issue 7): marks whose two entries disagree, and conflicts a desk merge held,
are listed for the chief judge, who settles each with the paper in hand and the PIN.
A wrong PIN changes nothing; the right one makes the mark count."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, roster_rows

from helpers import answer_next_dialog, audit_count, stored, write_csv

pytestmark = pytest.mark.gui
WRONG = "0000"


@pytest.fixture
def double(tmp_path) -> Path:
    """Double entry: 甲 types the entry pass, 乙 the check. A001's theory disagrees, A002's
    practical agrees (it counts), A003's theory is typed once so far."""
    path = tmp_path / "double.skillscore"
    with Competition.create(path, event_no=29, stage="prelim", committee="组委会", pin=DEMO_PIN, date="2025-09-20",
                            double_entry=True, operator="建档") as comp:
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, roster_rows(3, seed=3)))
    with Competition(path, operator="甲") as comp:
        comp.set_mark("A001", "theory", "77", entry_pass=1)
        comp.set_mark("A002", "practical", "66", entry_pass=1)
        comp.set_mark("A003", "theory", "50", entry_pass=1)
    with Competition(path, operator="乙") as comp:
        comp.set_mark("A001", "theory", "78", entry_pass=2)
        comp.set_mark("A002", "practical", "66", entry_pass=2)
    return path


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def open_dialog(qtbot, window):
    from ui.dialogs.pending_marks import PendingMarksDialog

    dialog = PendingMarksDialog(window, window.session)
    qtbot.addWidget(dialog)
    return dialog


def test_disagreements_are_listed_and_typed_once_marks_on_request(qtbot, window, double):
    assert not window.findChild(QAction, "pending").isEnabled()  # the demo: no double entry, nothing held
    assert window.open_file(double, operator="裁判长")
    assert window.findChild(QAction, "pending").isEnabled()
    dialog = open_dialog(qtbot, window)
    name = {c.no: c.name for c in window.session.contestants()}
    assert table_rows(dialog.entries) == [["A001", name["A001"], "理论知识", "77.00（甲）", "78.00（乙）", "✘ 不一致"]]
    assert not dialog.desk_box.isVisibleTo(dialog) and dialog.chosen.text() == "待裁定 1 项"
    dialog.typed_once.setChecked(True)
    assert [r[0] for r in table_rows(dialog.entries)] == ["A001", "A003"]
    assert table_rows(dialog.entries)[1][3:] == ["50.00（甲）", "—", "待复核（只录入一遍）"]


def test_a_wrong_pin_changes_nothing_and_the_right_pin_counts_the_mark(qtbot, window, double):
    assert window.open_file(double, operator="裁判长")
    dialog = open_dialog(qtbot, window)
    assert not dialog.settle_button.isEnabled()
    dialog.select("A001", "theory")
    assert dialog.chosen.text() == "编号 A001 · 理论知识" and dialog.value.text() == ""  # the paper decides
    before = audit_count(double)

    assert not dialog.settle("100.5", answer=(DEMO_PIN, ""))  # refused before the PIN matters
    assert dialog.message.text() == "分数 100.5 超出范围：应在 0–100 之间"  # the grid says the same
    assert not dialog.settle("77.5", answer=(WRONG, ""))
    assert dialog.message.text() == "裁判长口令错误，操作未执行"
    assert stored(double, "A001") is None and audit_count(double) == before  # no mark counts for A001
    assert [r[0] for r in table_rows(dialog.entries)] == ["A001"]

    def fill(pin_dialog):  # the real PIN dialog
        assert pin_dialog.objectName() == "pin_dialog"
        pin_dialog.pin.setText(DEMO_PIN)
        pin_dialog.accept()

    answer_next_dialog(fill)
    dialog.value.setText("77.5")
    dialog.settle_button.click()
    assert dialog.message.text() == "已裁定：A001 理论知识 = 77.5"
    assert stored(double, "A001").theory == Decimal("77.50")
    assert table_rows(dialog.entries) == [] and dialog.chosen.text() == "没有待裁定的不一致"
    # The desk counts it at once.
    marks = window.desk.marks_tab.model
    row = next(r for r in range(marks.rowCount()) if marks.data(marks.index(r, 0)) == "A001")
    assert marks.data(marks.index(row, marks.column_of("theory"))) == "77.50"
    with Competition(double) as comp:
        assert comp.pending_marks()[0].no == "A003"  # only the one typed once is left
        last = [e for e in comp.audit_entries() if e.action == "mark"][-1]
        assert (last.subject, last.field, last.new, last.operator) == ("A001", "theory", "77.50", "裁判长")


def test_a_conflict_held_by_a_desk_merge_is_listed_and_settled(qtbot, window, tmp_path):
    """Two desks typed different statuses for A001; the merge held it for the chief judge."""
    roster = Path(__file__).resolve().parents[1] / "acceptance" / "prelim-small" / "roster.csv"
    main = tmp_path / "main.skillscore"
    with Competition.create(main, event_no=21, stage="prelim", committee="东城区初赛组委会", pin=DEMO_PIN,
                            date="2025-09-01", operator="主台") as comp:
        comp.import_roster(roster)
        files, codes = [], []
        for desk, operator, status in (("一号台", "王芳", "弃权"), ("二号台", "李军", "取消资格")):
            with Competition(comp.copy_to(tmp_path / f"{desk}.skillscore"), operator=operator) as copy:
                copy.set_mark("A001", "status", status)
                done = copy.export_desk(tmp_path / f"{desk}.ssdesk", desk=desk)
                files.append(done.path)
                codes.append(done.code)  # each desk's code, as its screen showed it
        comp.merge_desk_files(files, codes=codes)
        assert len(comp.held_conflicts()) == 1
    assert window.open_file(main, operator="裁判长")
    assert window.findChild(QAction, "pending").isEnabled()
    dialog = open_dialog(qtbot, window)
    assert not dialog.entry_box.isVisibleTo(dialog)  # double entry is off in this file
    (row,) = table_rows(dialog.conflicts)
    assert row[0] == "A001" and row[2:] == ["状态", "弃权", "录入台「二号台」：取消资格（李军）"]
    dialog.select("A001", "status", kind="desk")
    assert not dialog.settle("取消资格", answer=(WRONG, ""))
    assert stored(main, "A001").status.value == "withdrawn"
    assert dialog.settle("取消资格", answer=(DEMO_PIN, ""))
    assert stored(main, "A001").status.value == "disqualified"
    assert table_rows(dialog.conflicts) == [] and not dialog.desk_box.isVisibleTo(dialog)
    assert window.desk.session.comp.held_conflicts() == []


def test_the_menu_opens_the_list_for_the_file_on_the_desk(qtbot, window, double):
    assert window.open_file(double, operator="裁判长")
    seen = []

    def fill(dialog):
        seen.append((dialog.objectName(), dialog.windowTitle(), dialog.entries.rowCount()))
        dialog.reject()

    answer_next_dialog(fill)
    window.findChild(QAction, "pending").trigger()
    assert seen == [("pending_dialog", "复核不一致", 1)]


def test_while_sealed_a_practical_disagreement_is_named_by_its_code_alone(qtbot, window, tmp_path):
    """Issue 17: nothing of the person next to a code, not even in the chief judge's list."""
    path = tmp_path / "sealed-double.skillscore"
    with Competition.create(path, event_no=29, stage="prelim", committee="组委会", pin=DEMO_PIN, date="2025-09-20",
                            double_entry=True, operator="建档") as comp:
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, roster_rows(3, seed=3)))
        comp.seal_codes(pin=DEMO_PIN)
        key = {e.key: e.code for e in comp.codes_key(pin=DEMO_PIN)}
    with Competition(path, operator="甲") as comp:
        comp.set_mark(key["A002"], "practical", "66", entry_pass=1)
    with Competition(path, operator="乙") as comp:
        comp.set_mark(key["A002"], "practical", "67", entry_pass=2)
    assert window.open_file(path, operator="裁判长")
    dialog = open_dialog(qtbot, window)
    assert dialog.entries.horizontalHeaderItem(0).text() == "编号 / 评分号"
    assert table_rows(dialog.entries) == [[key["A002"], "", "技能操作", "66.00（甲）", "67.00（乙）", "✘ 不一致"]]
    person = next(c for c in window.session.contestants() if c.no == "A002")
    dialog.entries.selectRow(0)
    assert dialog.chosen.text() == f"评分号 {key['A002']} · 技能操作"
    shown = dialog.chosen.text() + "".join(t for row in table_rows(dialog.entries) for t in row)
    assert "A002" not in shown and person.name not in shown
