"""Chinese by default, English from the menu and remembered; the translations are complete."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from ui.i18n import current_lang, install_language, saved_lang, settings, translation_file
from ui.mainwindow import MainWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "skillscore_en.ts"


def tab_titles(desk) -> list[str]:
    return [desk.tabs.tabText(i) for i in range(desk.tabs.count())]


def test_the_desk_starts_in_chinese(desk):
    assert current_lang() == "zh"
    assert tab_titles(desk) == ["名单", "赛务", "成绩录入", "排名", "统计", "定稿与输出", "日志"]
    assert desk.header.text() == ("2025年北京市职工职业技能大赛 · 快递员 · 初赛 · 东城区初赛组委会 · 录入员：测试员")


def test_english_from_the_menu_is_applied_everywhere_and_remembered(qtbot, window):
    window.findChild(QAction, "lang_en").trigger()
    desk = window.desk
    assert tab_titles(desk) == ["Roster", "Competition day", "Marks entry", "Ranking", "Statistics", "Finalise && output", "Log"]
    assert desk.tabs.tabBar().tabText(5).replace("&&", "&") == "Finalise & output"
    assert desk.header.text().endswith("快递员 · Prelim · 东城区初赛组委会 · Operator: 测试员")
    model = desk.ranking_tab.model
    assert model.headerData(model.column_of("practical"), Qt.Horizontal) == "Practical"
    row = next(i for i, r in enumerate(model.rows) if r.unit.key == "A015")
    assert model.data(model.index(row, model.column_of("rank")), Qt.ToolTipRole).startswith("Tie to be decided: total 78.65")
    assert desk.counter_buttons["incomplete"].text() == "Not entered 3"
    # Core messages come in the chosen language too.
    desk.finalize_tab.refresh()
    assert "Cannot finalise: 3 contestant(s) still have marks not entered" in desk.finalize_tab.checklist.text()
    assert settings().value("lang") == "en" and saved_lang() == "en"
    # The next start reads the remembered language.
    install_language("zh")
    from ui.app import make_app

    make_app(lang=None)
    assert current_lang() == "en"
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.menuBar().actions()[0].text() == "&File"
    window.findChild(QAction, "lang_zh").trigger()
    assert tab_titles(window.desk)[0] == "名单" and saved_lang() == "zh"


def test_english_headers_are_not_truncated_on_the_ranking(qtbot, window):
    window.set_language("en")
    view = window.desk.ranking_tab.view
    header = view.horizontalHeader()
    model = view.model()
    for i, column in enumerate(model.columns):
        if view.isColumnHidden(i) or column.key == "unit":
            continue
        text = model.headerData(i, Qt.Horizontal)
        assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(text) + 10, text
    certificate = model.column_of("certificate")
    longest = max((model.data(model.index(r, certificate)) for r in range(model.rowCount())), key=len)
    assert header.sectionSize(certificate) >= view.fontMetrics().horizontalAdvance(longest) + 8


def desk_sources() -> list[str]:
    """The desk's Python files under version control (work in progress elsewhere in ui/
    joins the check once committed)."""
    out = subprocess.run(["git", "ls-files", "ui"], capture_output=True, text=True, cwd=ROOT)
    tracked = [ROOT / p for p in out.stdout.split() if p.endswith(".py")] if out.returncode == 0 else []
    return sorted(str(p) for p in (tracked or (ROOT / "ui").rglob("*.py")) if p.is_file())


def _messages(path: Path) -> list[ET.Element]:
    return [m for c in ET.parse(path).getroot() for m in c.findall("message")]


def test_every_string_has_an_english_translation():
    unfinished = [m.find("source").text for m in _messages(TS)
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not (m.find("translation").text or "").strip()]
    assert unfinished == []


def test_the_ts_file_holds_every_string_of_the_code_and_the_qm_is_compiled_from_it(tmp_path):
    lupdate, lrelease = shutil.which("pyside6-lupdate"), shutil.which("pyside6-lrelease")
    assert lupdate and lrelease, "pyside6-lupdate/pyside6-lrelease come with PySide6"
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = desk_sources()
    out = subprocess.run([lupdate, *sources, "-ts", str(copy)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert [m for m in _messages(copy) if m.find("translation").get("type") == "unfinished"] == [], \
        "new strings in ui/: run pyside6-lupdate and translate them"
    qm = tmp_path / "check.qm"
    out = subprocess.run([lrelease, str(TS), "-qm", str(qm)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert qm.read_bytes() == translation_file("en").read_bytes(), "run pyside6-lrelease on the .ts"


def test_the_bundled_font_is_the_application_font(qapp):
    from ui.i18n import font_family

    assert font_family() == "WenQuanYi Micro Hei"
    assert QCoreApplication.instance().font().family() == "WenQuanYi Micro Hei"
