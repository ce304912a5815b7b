"""Rare names on the desk and the projector (issue 13): the bundled fallback fonts are
registered with Qt and are what Qt actually draws 赵孟𫖯's 𫖯 with, whatever the machine has;
the import preview lists a character no font has, by row and column, and still imports."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont, QTextLayout
from PySide6.QtWidgets import QTableView

from skillscore.actions.competition import Competition
from skillscore.demo import build_demo
from ui.rare_screenshots import RARE_NAMES, rare_demo

from conftest import open_window
from helpers import write_csv

pytestmark = pytest.mark.gui
FAMILIES = ["WenQuanYi Micro Hei", "SkillscoreHanazonoA", "SkillscoreHanazonoB", "SkillscoreBabelStoneHan"]
# character → the family Qt must draw it with
DRAWN_WITH = {"䶮": "SkillscoreHanazonoA", "𫖯": "SkillscoreHanazonoA", "𬌗": "SkillscoreHanazonoA",
              "𬭚": "SkillscoreHanazonoA", "𮧵": "SkillscoreHanazonoB", "𰻝": "SkillscoreBabelStoneHan",
              "明": "WenQuanYi Micro Hei"}


def families_drawing(text: str, font: QFont) -> dict[str, str]:
    """Each character of ``text`` → the family of the font Qt lays it out with (one layout
    per character: a glyph run does not say where in the string it starts)."""
    out = {}
    for ch in text:
        layout = QTextLayout(ch, font)
        layout.beginLayout()
        layout.createLine().setLineWidth(10_000)
        layout.endLayout()
        runs = layout.glyphRuns()
        assert len(runs) == 1 and len(runs[0].glyphIndexes()) == 1, ch
        out[ch] = runs[0].rawFont().familyName()
    return out


def test_the_fallback_families_are_registered_and_on_the_application_font(qapp):
    from ui.i18n import font_families

    assert font_families() == FAMILIES
    assert set(FAMILIES) <= set(QFontDatabase.families())
    assert qapp.font().families() == FAMILIES
    assert qapp.font().family() == "WenQuanYi Micro Hei"  # the main font stays first


def test_qt_draws_each_rare_character_with_the_bundled_fallback(qapp):
    for name in RARE_NAMES[:-1]:
        drawn = families_drawing(name, qapp.font())
        for ch, family in drawn.items():
            assert family == DRAWN_WITH.get(ch, "WenQuanYi Micro Hei"), (name, ch, family)
    raw = QRawFont.fromFont(QFont("SkillscoreHanazonoA"))
    assert raw.familyName() == "SkillscoreHanazonoA" and raw.supportsCharacter(0x2B5AF)
    assert not QRawFont.fromFont(QFont("WenQuanYi Micro Hei")).supportsCharacter(0x2B5AF)
    assert QFontMetrics(qapp.font()).inFontUcs4(0x30EDD)  # 𰻝, Ext G, through the families


def test_the_ranking_tab_and_the_projector_show_the_rare_names(qtbot, tmp_path):
    from ui.hall_data import employers_of
    from ui.projector import ProjectorWindow

    window = open_window(qtbot, rare_demo(tmp_path))
    tab = window.desk.ranking_tab
    window.desk.tabs.setCurrentWidget(tab)
    model = tab.model
    shown = {model.data(model.index(r, model.column_of("name"))) for r in range(model.rowCount())}
    assert set(RARE_NAMES) <= shown
    view = next(v for v in tab.findChildren(QTableView) if v.model() is model)
    assert families_drawing("赵孟𫖯", view.font())["𫖯"] == "SkillscoreHanazonoA"
    assert not window.grab().isNull()
    wall = ProjectorWindow()
    qtbot.addWidget(wall)
    session = window.desk.session
    wall.refresh(session.comp.ranking(), employers_of(session.contestants()))
    font = wall._font(40)
    assert font.families() == FAMILIES and font.pixelSize() == 40
    assert families_drawing("张𰻝", font)["𰻝"] == "SkillscoreBabelStoneHan"
    window.close()


def test_the_import_preview_notes_a_character_no_font_has_and_still_imports(qtbot, tmp_path):
    path = build_demo(tmp_path / "demo.skillscore")
    window = open_window(qtbot, path)
    roster = tmp_path / "名单-更正.csv"
    with Competition(path) as comp:
        c = next(c for c in comp.contestants() if c.no == "A002")
    write_csv(roster, ["编号", "姓名", "身份证号", "工作单位"], [["A002", "孙\ue000明", c.id_number, c.unit]])
    dialog = window.desk.import_file("roster", str(roster))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state != "checking", timeout=10_000)
    assert dialog.state == "ready" and dialog.import_button.isEnabled()
    model = dialog.preview
    notes = model.data(model.index(0, model.column_of("notes")))
    assert notes.startswith("姓名：") and "U+E000" in notes and "〓" in notes
    assert "1 行有无法显示的字符" in dialog.summary.text()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=10_000)
    names = {c.no: c.name for c in window.desk.session.contestants()}
    assert names["A002"] == "孙\ue000明"
    window.close()


def test_the_rare_name_screenshots_are_made_and_stay_small(tmp_path):
    from PySide6.QtGui import QImage

    from ui.rare_screenshots import take

    sizes = {"desk-rare-names": (1366, 768), "projector-rare-names": (1920, 1080), "sheet-rare-names": (1654, 900)}
    written = take(tmp_path)
    assert {p.stem for p in written} == set(sizes)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == sizes[path.stem], path.name
        assert path.stat().st_size < 300_000, path.name
