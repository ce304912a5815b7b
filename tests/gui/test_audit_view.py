"""The audit view: a correction with its old and new value, filters by operator, contestant
and time, the chain check saying intact or altered (with the altered entry marked), and
the xlsx export of what the filters show. Real widgets, real files."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from PySide6.QtCore import QDateTime, Qt

from ui.audit_view import BROKEN, CORRECTION, AuditView
from ui.session import Session


@pytest.fixture
def corrected(demo_file):
    """The demo, then 李军 corrects A007's theory mark at the desk."""
    s = Session.open(demo_file, operator="李军")
    old = s.comp.entries()["A007"].theory
    s.set_mark("A007", "theory", "70.25")
    s.close()
    return demo_file, f"{old:.2f}"


@pytest.fixture
def session(corrected):
    s = Session.open(corrected[0], operator="王芳")
    yield s
    s.close()


@pytest.fixture
def view(qtbot, session):
    v = AuditView(session)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    return v


def shown(view, key):
    m = view.model
    col = m.column_of(key)
    return [m.index(r, col).data() for r in range(m.rowCount())]


def row_dict(view, r):
    m = view.model
    return {c.key: m.index(r, i).data() for i, c in enumerate(m.columns)}


def test_the_model_passes_qtmodeltester(qtmodeltester, view):
    qtmodeltester.check(view.model)
    view.no_edit.setText("A007")
    qtmodeltester.check(view.model)


def test_a_correction_shows_who_when_old_and_new_value(view, corrected):
    _, old = corrected
    top = row_dict(view, 0)  # newest first
    assert (top["operator"], top["action"], top["subject"], top["field"]) == ("李军", "录入成绩", "A007", "理论知识")
    assert (top["old"], top["new"]) == (old, "70.25")
    assert len(top["at"]) == 19 and top["at"][4] == "-"  # 2025-09-20 10:11:12
    assert view.model.index(0, 0).data(Qt.BackgroundRole).color() == CORRECTION
    assert view.model.index(0, view.model.column_of("new")).data(Qt.ToolTipRole) == "70.25"
    first_entry = row_dict(view, view.model.rowCount() - 1)
    assert first_entry["action"] == "创建竞赛文件"
    assert view.model.index(view.model.rowCount() - 1, 0).data(Qt.BackgroundRole) is None


def test_filter_by_operator_lists_the_operators_and_keeps_only_theirs(view):
    names = [view.operator_box.itemText(i) for i in range(view.operator_box.count())]
    assert names == ["全部", "李军", "演示"]
    view.operator_box.setCurrentIndex(names.index("李军"))
    assert set(shown(view, "operator")) == {"李军"} and view.model.rowCount() == 1
    assert "显示 1 条" in view.count.text()
    view.clear_filter()
    assert view.model.rowCount() == view.model.total


def test_filter_by_contestant_shows_their_whole_history(view, corrected):
    view.no_edit.setText("A007")
    assert set(shown(view, "subject")) == {"A007"}
    assert shown(view, "action") == ["录入成绩", "录入成绩", "录入成绩", "名单新增"]
    assert shown(view, "new")[0] == "70.25" and shown(view, "old")[0] == corrected[1]


def test_filter_by_time(view):
    entries = view.model.entries
    last = QDateTime.fromString(entries[-1].at[:16], "yyyy-MM-ddTHH:mm")
    view.since_check.setChecked(True)
    view.since_edit.setDateTime(last.addSecs(60))
    assert view.model.rowCount() == 0
    view.since_edit.setDateTime(last)
    assert 1 <= view.model.rowCount() <= len(entries)
    view.since_check.setChecked(False)
    view.until_check.setChecked(True)
    view.until_edit.setDateTime(last.addSecs(-24 * 3600))
    assert view.model.rowCount() == 0


def test_verify_says_the_log_is_intact(view):
    assert view.verify() is True
    assert view.result.isVisible()
    assert view.result.text().startswith(f"✓ 日志完整：{view.model.total} 条记录，哈希链无误")
    assert "#1B5E20" in view.result.styleSheet()


def tamper_update(path, entry_id, new):
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("UPDATE audit SET new=? WHERE id=?", [new, entry_id])
    db.commit()
    db.close()


def test_a_tampered_file_is_flagged_and_the_altered_entry_is_red(view, session):
    entry = session.comp.audit_entries()[-1]  # 李军's correction
    tamper_update(session.path, entry.id, "99.00")  # someone "improves" the correction behind the desk
    assert view.verify() is False
    text = view.result.text()
    assert text.startswith("✗ 日志已被改动！发现 1 处问题")
    assert f"第 {entry.id} 条记录：写入后内容被改动" in text
    assert "#C62828" in view.result.styleSheet()
    top = row_dict(view, 0)
    assert top["new"] == "99.00"  # the table shows the file as it is now …
    assert view.model.index(0, 0).data(Qt.BackgroundRole).color() == BROKEN  # … and marks it
    assert "被改动" in view.model.index(0, 0).data(Qt.ToolTipRole)
    assert view.model.index(1, 0).data(Qt.BackgroundRole) is None or \
        view.model.index(1, 0).data(Qt.BackgroundRole).color() != BROKEN


def test_a_deleted_entry_is_flagged_too(view, session):
    db = sqlite3.connect(session.path)
    db.execute("DROP TRIGGER audit_no_delete")
    db.execute("DELETE FROM audit WHERE id=(SELECT max(id) FROM audit)")
    db.commit()
    db.close()
    assert view.verify() is False
    assert "日志应有" in view.result.text()


def test_export_writes_what_the_filters_show(view, tmp_path):
    view.no_edit.setText("A007")
    out = view.export(tmp_path / "日志.xlsx")
    assert out == tmp_path / "日志.xlsx"
    wb = openpyxl.load_workbook(out)
    table = [list(r) for r in wb["审计日志"].iter_rows(values_only=True)]
    assert table[0] == ["序号", "时间", "录入员", "操作", "编号", "字段", "原值", "新值", "理由"]
    assert {r[4] for r in table[1:]} == {"A007"} and len(table) - 1 == view.model.rowCount()
    check = [list(r) for r in wb["校验"].iter_rows(values_only=True)]
    assert ["筛选条件", "编号：A007"] in check
    assert any(r[0] == "哈希链校验" and r[1].startswith("日志完整") for r in check)
    assert "已导出" in view.count.text()


def test_export_to_a_missing_folder_says_why(view, tmp_path):
    assert view.export(tmp_path / "nope" / "a.xlsx") is None
    assert "导出失败" in view.result.text() and "不存在" in view.result.text()


def test_in_english_the_verdict_and_values_read_in_english(qtbot, session):
    from ui.i18n import install_language

    install_language("en")
    v = AuditView(session)
    qtbot.addWidget(v)
    v.refresh()
    top = row_dict(v, 0)
    assert (top["action"], top["field"]) == ("Mark", "Theory")
    assert v.verify() and v.result.text().startswith("✓ Log intact:")
    tamper_update(session.path, session.comp.audit_entries()[-1].id, "1.00")
    assert not v.verify()
    assert "The log has been altered" in v.result.text() and "its content was changed after it was written" in v.result.text()


def test_ctrl_f_on_the_log_goes_to_the_number_filter(view):
    view.no_edit.setText("A0")
    view.find.open()
    assert view.no_edit.hasFocus() and view.no_edit.selectedText() == "A0"
