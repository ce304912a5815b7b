"""The backups dialog (issue 7): the file's backups listed with their reason in words, a
backup on demand, a restore that brings an earlier mark back (the current state backed
up first) and reloads the desk, and the second backup folder."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from skillscore.storage.backup import REASONS
from skillscore.actions.competition import Competition

from helpers import answer_next_dialog, stored

pytestmark = pytest.mark.gui


def backups_of(path: Path):
    with Competition(path) as comp:
        return comp.backups()


def mark_in(backup: Path, no: str) -> str | None:
    """What a backup holds, read without opening it as a competition file."""
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return con.execute("SELECT theory FROM marks WHERE no=?", [no]).fetchone()[0]
    finally:
        con.close()


def rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_backups_are_listed_newest_first_with_reasons_in_words_and_one_is_made_on_demand(qtbot, window, demo_file):
    from ui.dialogs.backups import BackupsDialog

    window.desk.session.set_mark("A058", "practical", "70")  # a change: the first one is backed up
    dialog = BackupsDialog(window, window.session)
    qtbot.addWidget(dialog)
    listed = {b.path.name: b for b in backups_of(demo_file)}
    assert listed and sorted(r[3] for r in rows(dialog)) == sorted(listed)
    for at, reason, _, name in rows(dialog):
        assert (at, reason) == (listed[name].at.strftime("%Y-%m-%d %H:%M:%S"), REASONS[listed[name].reason][0])
    # Newest first, in the order they were made even within one second (the demo's own
    # backups: the roster's import, then the marks', then the close).
    assert [listed[r[3]].reason for r in rows(dialog)][:3] == ["close", "before-import", "before-import"]
    marks_import, roster_import = (listed[r[3]].path.stat().st_mtime_ns for r in rows(dialog)[1:3])
    assert marks_import > roster_import
    assert dialog.folder.text() == f"备份文件夹：{demo_file.with_name(demo_file.name + '.backups')}"
    assert rows(dialog)[0][2].endswith(" KB")
    assert not dialog.restore_button.isEnabled()  # nothing selected yet

    made = dialog.backup_now()
    assert made is not None and made.is_file() and made.parent == demo_file.with_name(demo_file.name + ".backups")
    assert rows(dialog)[0][1:4:2] == ["手动备份", made.name] and len(rows(dialog)) == len(listed) + 1
    assert dialog.table.item(0, 3).toolTip() == str(made)
    assert dialog.selected() == made and dialog.restore_button.isEnabled()
    assert dialog.message.text() == f"已备份：{made}"


def test_english_reasons(qtbot, window):
    from ui.dialogs.backups import BackupsDialog

    window.set_language("en")
    dialog = BackupsDialog(window, window.session)
    qtbot.addWidget(dialog)
    dialog.backup_now()
    assert rows(dialog)[0][1] == "manual" and dialog.windowTitle() == "Backups"
    assert dialog.message.text().startswith("Backed up: ")


def answer_question(button) -> None:
    """Answer the confirmation box once it is the dialog on top."""
    def go():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return QTimer.singleShot(20, go)
        box.button(button).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, go)


def test_restore_brings_back_an_earlier_mark_leaves_a_before_restore_backup_and_reloads_the_desk(qtbot, window,
                                                                                                 demo_file):
    from ui.dialogs.backups import BackupsDialog

    session = window.desk.session
    session.set_mark("A001", "theory", "80")
    dialog = BackupsDialog(window, session)
    qtbot.addWidget(dialog)
    earlier = dialog.backup_now()
    dialog.close()
    session.set_mark("A001", "theory", "90")
    assert stored(demo_file, "A001").theory == Decimal("90.00")

    answers = []

    def fill(backups):
        backups.select(earlier)
        answer_question(QMessageBox.No)  # thought better of it: nothing happens
        backups.restore_button.click()
        answers.append(stored(demo_file, "A001").theory)
        answer_question(QMessageBox.Yes)
        backups.restore_button.click()

    answer_next_dialog(fill)
    window.findChild(QAction, "backups").trigger()
    assert answers == [Decimal("90.00")]
    assert stored(demo_file, "A001").theory == Decimal("80.00")
    # The desk reads the file afresh: a new session, the grid and the ranking show 80.
    assert window.session is not session
    marks = window.desk.marks_tab.model
    row = next(r for r in range(marks.rowCount()) if marks.data(marks.index(r, 0)) == "A001")
    assert marks.data(marks.index(row, marks.column_of("theory"))) == "80.00"
    ranked = {r.unit.key: r for r in window.desk.ranking_tab.model.rows}
    assert ranked["A001"].unit.theory == Decimal("80.00")
    # The state before restoring was kept, with the 90 in it.
    safety = next(b for b in backups_of(demo_file) if b.reason == "before-restore")
    assert mark_in(safety.path, "A001") == "90.00"
    assert window.statusBar().currentMessage() == f"已从 {earlier.name} 恢复；恢复前的状态已另存为 {safety.path.name}"
    with Competition(demo_file) as comp:
        last = [e for e in comp.audit_entries() if e.action == "restore"][-1]
        assert last.new == earlier.name and comp.verify_audit() == []


def test_the_second_backup_folder_gets_a_copy_of_every_backup(qtbot, window, demo_file, tmp_path):
    from ui.dialogs.backups import BackupsDialog

    usb = tmp_path / "U盘" / "备份"
    dialog = BackupsDialog(window, window.session)
    qtbot.addWidget(dialog)
    assert dialog.second.text() == ""
    dialog.second.setText(str(usb))
    dialog.save_second.click()
    assert dialog.message.text() == f"第二备份位置已设为 {usb}"
    made = dialog.backup_now()
    assert (usb / made.name).read_bytes() == made.read_bytes()
    again = BackupsDialog(window, window.session)
    qtbot.addWidget(again)
    assert again.second.text() == str(usb)  # remembered in the file
    assert again.set_second_folder("")
    assert again.message.text() == "已取消第二备份位置"
    with Competition(demo_file) as comp:
        assert comp.second_backup_folder() is None
        settings = [e for e in comp.audit_entries() if e.action == "setting" and e.field == "second_backup_folder"]
    assert [s.new for s in settings] == [str(usb), ""]


def test_a_second_folder_gone_missing_never_stops_the_desk_and_is_said(qtbot, window, demo_file, tmp_path):
    """The stick pulled after it was named: drawing lots crashed with an internal error and
    closing the desk raised (found by driving the desk with wrong input, session 10)."""
    from ui.dialogs.backups import BackupsDialog

    usb = tmp_path / "stick"
    dialog = BackupsDialog(window, window.session)
    qtbot.addWidget(dialog)
    for bad, words in (("relative/dir", "不是完整路径"), (str(backup_dir_of(demo_file)), "就是本机的备份文件夹")):
        assert not dialog.set_second_folder(bad)
        assert words in dialog.message.text()
    assert dialog.set_second_folder(str(usb))
    usb.rmdir()
    usb.write_text("not a folder any more")  # what a pulled stick's mount point can become
    made = dialog.backup_now()
    assert made is not None and made.exists()  # kept on this computer
    assert "不在（U盘拔出了？）" in window.desk.strip.text() and str(usb) in window.desk.strip.text()
    window.session.comp.set_mark("A001", "theory", "61")
    window.close()  # closing backs up the change: no exception (pytest-qt fails on one), the backup made
    assert backups_of(demo_file)[0].reason == "close"


def backup_dir_of(path: Path) -> Path:
    from skillscore.storage.backup import backup_dir

    return backup_dir(path)
