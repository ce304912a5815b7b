"""Opening a file at the desk: the integrity check runs while the desk reads the file
(issue 18) and is waited for before the window shows anything from it. A damaged file is
refused as before: one message naming it, the start page, and no hold left on the file."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from support import damage_the_audit_log


def test_a_damaged_file_is_refused_with_the_checks_words_and_leaves_no_hold(qtbot, demo_file, monkeypatch):
    from ui import mainwindow
    from ui.start_page import StartPage

    damage_the_audit_log(demo_file)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    for _ in range(2):  # a second try says the same: the first left no desk's hold behind
        w = mainwindow.MainWindow()
        qtbot.addWidget(w)
        w.show()
        assert not w.open_file(demo_file, operator="测试员")
        assert w.session is None and w.desk is None
        assert isinstance(w.centralWidget(), StartPage)
        w.close()
    assert len(said) == 2 and said[0] == said[1]
    # quick_check's findings, or SQLite's own "malformed" met first: as the command line says it
    assert str(demo_file) in said[0] and ("完整性" in said[0] or "已损坏" in said[0])
    assert "另一个录入窗口" not in said[0]


def test_a_whole_file_is_open_with_its_check_waited_for(qtbot, demo_file):
    from ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(demo_file, operator="测试员")
    store = w.session.comp.store
    assert store._check is None  # the check ran alongside and was waited for (Store.checked)
    assert w.desk.ranking_tab.model.rowCount() == 60
    w.close()
