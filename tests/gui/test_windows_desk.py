"""What a double-click on Windows does, and F1: the desk started with a competition file
opens it, with a handoff file opens the handoff check; the user guide opens offline in
the desk's language with every picture it shows; settings go to the user folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QTextDocument

from helpers import answer_next_dialog
from test_handoff_support import prelim_package

pytestmark = pytest.mark.gui


def started(qtbot, *args, **kw):
    from ui.app import start_window

    window = start_window(*args, **kw)
    qtbot.addWidget(window)
    return window


def test_a_competition_file_on_the_command_line_opens_in_the_desk(qtbot, demo_file):
    window = started(qtbot, str(demo_file), operator="王芳")
    assert window.session is not None and window.session.path == demo_file
    assert "录入员：王芳" in window.desk.header.text()


def test_a_handoff_file_on_the_command_line_opens_the_handoff_check(qtbot, tmp_path):
    package = prelim_package(tmp_path, "东城区", committee="东城区初赛组委会", count=40, seed=1, prefix="D")
    seen = {}

    def look(dialog):
        seen["name"] = dialog.objectName()
        (card,) = dialog.picker.cards
        seen["path"], seen["committee"] = card.path, card.package.committee
        seen["ok"] = dialog.ok.isEnabled()  # nothing goes ahead before the paper is checked
        dialog.reject()

    answer_next_dialog(look)
    window = started(qtbot, str(package), operator="李娜")
    assert seen == {"name": "next_stage_dialog", "path": package, "committee": "东城区初赛组委会", "ok": False}
    assert window.session is None  # declined: the start page stays


def test_the_command_line_reaches_the_window(monkeypatch):
    from ui import app

    calls = []
    monkeypatch.setattr(app, "run", lambda file, **kw: calls.append((file, kw)) or 0)
    assert app.main([r"D:\大赛\初赛.sspkg"]) == 0
    assert calls[0][0] == r"D:\大赛\初赛.sspkg"


def test_f1_opens_the_guide_with_its_pictures_in_the_desks_language(qtbot, window):
    qtbot.keyClick(window, Qt.Key_F1)
    manual = window._manual
    assert manual.isVisible() and manual.windowTitle() == "使用手册"
    browser = manual.browser
    assert browser.source().toLocalFile().endswith("manual-zh.md")
    manual.follow(QUrl("#定稿"))  # the table of contents
    assert browser.source().toLocalFile().endswith("manual-zh.md") and browser.source().fragment() == "定稿"
    assert "skillscore 使用手册" in browser.toPlainText() and "并列名次" in browser.toPlainText()
    images = [fmt.toImageFormat().name() for block in _blocks(browser.document())
              for fmt in _formats(block) if fmt.isImageFormat()]
    assert len(images) >= 7
    for name in images:  # every picture resolves to a real image, offline
        image = browser.document().resource(QTextDocument.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    window.set_language("en")
    qtbot.keyClick(window, Qt.Key_F1)
    assert window._manual is manual and browser.source().toLocalFile().endswith("manual-en.md")
    assert "skillscore user guide" in browser.toPlainText()
    manual.follow(QUrl("manual-zh.md"))  # the link between the two languages stays inside
    assert browser.source().toLocalFile().endswith("manual-zh.md")
    manual.follow(QUrl("#定稿"))  # the table of contents
    assert browser.source().toLocalFile().endswith("manual-zh.md") and browser.source().fragment() == "定稿"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _formats(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment().charFormat()
        it += 1


def test_the_running_desk_keeps_its_settings_in_the_users_folder(monkeypatch, tmp_path):
    from ui.app import use_user_folders
    from ui.i18n import settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    try:
        use_user_folders()
        assert Path(settings().fileName()) == tmp_path / "config" / "skillscore" / "desk.ini"
    finally:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))


def test_new_files_and_usb_copies_go_to_documents_skillscore(monkeypatch, tmp_path):
    from ui.dialogs.start import default_folder
    from ui.mainwindow import local_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert default_folder() == tmp_path / "Documents" / "skillscore" and not default_folder().exists()
    assert local_folder() == tmp_path / "Documents" / "skillscore" and local_folder().is_dir()
