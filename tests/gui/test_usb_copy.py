"""A file on a USB stick is not worked on in place: the desk offers a local copy (issue 7)."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from skillscore.demo import build_demo


def test_opening_from_a_usb_stick_works_on_a_local_copy(qtbot, tmp_path, monkeypatch):
    from ui import mainwindow

    usb = tmp_path / "usb"
    usb.mkdir()
    source = build_demo(usb / "初赛.skillscore")
    before = source.read_bytes()
    monkeypatch.setenv("SKILLSCORE_REMOVABLE_PATHS", str(usb))
    QStandardPaths.setTestModeEnabled(True)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    w = mainwindow.MainWindow()
    qtbot.addWidget(w)
    assert w.open_file(source, operator="测试员")
    opened = w.session.comp.path
    assert opened != source and opened.parent == mainwindow.local_folder()
    assert "U盘" in asked[0] and str(opened) in asked[0]
    w.session.comp.set_mark("A001", "theory", "77")  # the copy takes marks
    assert source.read_bytes() == before  # the stick is untouched
    assert not (usb / "初赛.skillscore-wal").exists()


def test_declining_the_copy_opens_nothing(qtbot, tmp_path, monkeypatch):
    from ui import mainwindow

    usb = tmp_path / "usb"
    usb.mkdir()
    source = build_demo(usb / "初赛.skillscore")
    monkeypatch.setenv("SKILLSCORE_REMOVABLE_PATHS", str(usb))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    w = mainwindow.MainWindow()
    qtbot.addWidget(w)
    assert not w.open_file(source, operator="测试员")
