"""Every name exactly as the ID card writes it (issue 13): rare characters (CJK Ext A-H,
the whole 通用规范汉字表) are printed with the bundled fallback fonts, read back from real
PDFs; a character no font has shows as 〓 and the roster import warns where it is."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pdfplumber
import pypdf
import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import build_demo
from skillscore.reports import write_report
from skillscore.reports.fonts import (CJK_BLOCKS, FALLBACKS, FONT, PLACEHOLDER, font_file, load, missing_glyphs,
                                      runs)
from support import PIN, run_cli

DATA = Path(__file__).resolve().parent / "data"
# name → (the rare character, the font that must draw it). 𰻝 is Ext G, 𮧵 Ext F.
RARE = {"刘䶮": ("䶮", "SkillscoreHanazonoA"), "赵孟𫖯": ("𫖯", "SkillscoreHanazonoA"),
        "王𬌗": ("𬌗", "SkillscoreHanazonoA"), "李𬭚": ("𬭚", "SkillscoreHanazonoA"),
        "张𰻝": ("𰻝", "SkillscoreBabelStoneHan"), "周𮧵": ("𮧵", "SkillscoreHanazonoB")}
PUA_NAME = "孙\ue000明"  # a private-use code point, as old ID-card systems used for rare characters


def rename(comp: Competition, folder: Path, names: dict[str, str], *, unit: dict[str, str] | None = None):
    """Re-import the roster with some names (and employers) changed, as a corrected file would."""
    comp.export_roster(folder / "roster.csv")
    with open(folder / "roster.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    col_name, col_unit = rows[0].index("姓名"), rows[0].index("工作单位")
    for row in rows[1:]:
        row[col_name] = names.get(row[0], row[col_name])
        row[col_unit] = (unit or {}).get(row[0], row[col_unit])
    with open(folder / "roster-fixed.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return comp.import_roster(folder / "roster-fixed.csv"), folder / "roster-fixed.csv"


@pytest.fixture(scope="module")
def rare_sitting(tmp_path_factory) -> Path:
    """The demo prelim, its seven best given rare names, then finalised: all on every sheet."""
    folder = tmp_path_factory.mktemp("rare")
    path = build_demo(folder / "rare.sqlite")
    with Competition(path, operator="测试员") as comp:
        rows = comp.results_document()["ranking"]["rows"]
        best = [r["no"] for r in rows if r["status"] == "ranked"][:7]
        log, _ = rename(comp, folder, dict(zip(best, list(RARE) + [PUA_NAME])))
        assert sorted(log.changed) == sorted(best) and len(log.warnings) == 1
        for no in ("A058", "A059", "A060"):
            comp.set_mark(no, "practical", "70.00")
        for group in comp.standings().tie_groups:
            comp.draw_lots(list(group), pin=PIN, seed="2025")
        comp.finalize(pin=PIN)
    return path


def drawn(pdf: Path) -> list[tuple[str, str]]:
    """(character, font name without the subset tag) of every character on every page."""
    with pdfplumber.open(pdf) as doc:
        return [(ch["text"], ch["fontname"].split("+", 1)[-1]) for page in doc.pages for ch in page.chars]


@pytest.mark.parametrize("kind", ["results", "advancement", "certificates"])
def test_rare_names_are_printed_whole_with_the_fallback_font(rare_sitting, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    with Competition(rare_sitting) as comp:
        write_report(comp, kind, out)
    chars = drawn(out)
    for name, (rare, font) in RARE.items():
        fonts = {f for ch, f in chars if ch == rare}
        assert fonts == {font}, (name, fonts)
    # Everything else on the sheet stays in the main font (no stray fallback).
    fallback = {ch for ch, f in chars if not f.startswith("WenQuanYi")}
    assert fallback == {rare for rare, _ in RARE.values()}
    # The extracted text has each name whole (ToUnicode of characters beyond U+FFFF).
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    for name in RARE:
        assert name in text, name
    # The character no font has: the placeholder, in the main font, never dropped.
    assert "孙〓明" in text and "\ue000" not in text
    assert (PLACEHOLDER, "WenQuanYiMicroHei-0") in chars


def test_a_sheet_without_rare_characters_embeds_only_the_main_font(tmp_path):
    path = build_demo(tmp_path / "plain.sqlite")
    out = tmp_path / "plain.pdf"
    with Competition(path) as comp:
        write_report(comp, "results", out)
    fonts = {f for _, f in drawn(out)}
    assert fonts == {"WenQuanYiMicroHei-0"}


def test_every_character_of_the_tongyong_guifan_table_has_a_glyph():
    table = [line.split()[1] for line in (DATA / "tongyong-guifan-8105.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert len(table) == len(set(table)) == 8105
    assert sum(ord(c) > 0xFFFF for c in table) == 196
    assert missing_glyphs("".join(table)) == ""
    main = load(FONT).face.charToGlyph
    assert sum(ord(c) not in main for c in table) == 276  # what the fallbacks add


def test_cjk_extensions_a_to_f_are_complete_and_g_h_as_far_as_any_free_font_goes():
    have = set(load(FONT).face.charToGlyph)
    for name in ("SkillscoreHanazonoA", "SkillscoreHanazonoB", "SkillscoreBabelStoneHan"):
        have |= set(load(name).face.charToGlyph)
    covered = {block: sum(c in have for c in codes) for block, codes in CJK_BLOCKS.items()}
    for block in ("URO", "A", "B", "C", "D", "E", "F"):
        assert covered[block] == len(CJK_BLOCKS[block]), block
    # BabelStone Han 15.0.5 is the only free TrueType font in Debian with Ext G and H glyphs.
    assert (covered["G"], covered["H"]) == (3045, 2271)


def test_the_fallback_fonts_carry_only_what_the_main_font_lacks():
    main = set(load(FONT).face.charToGlyph)
    seen: set[int] = set()
    for name in ("SkillscoreHanazonoA", "SkillscoreHanazonoB", "SkillscoreBabelStoneHan"):
        codes = set(load(name).face.charToGlyph)
        assert not codes & main and not codes & seen, name
        seen |= codes
    assert all(font_file(n).stat().st_size < 30e6 for n in ("SkillscoreHanazonoA", "SkillscoreHanazonoB"))
    for f in FALLBACKS + ("LICENSE-hanazono.txt", "LICENSE-babelstone-han.txt"):
        assert (font_file(FONT).parent / f).is_file(), f


def test_runs_split_text_by_font_and_mark_what_no_font_has():
    assert runs("张三 北京市第一机床厂") == [(FONT, "张三 北京市第一机床厂")]
    assert runs("赵孟𫖯之子") == [(FONT, "赵孟"), ("SkillscoreHanazonoA", "𫖯"), (FONT, "之子")]
    assert runs("孙\ue000明") == [(FONT, "孙〓明")]
    # Unassigned (after Ext H), private-use, plane 15: reported; a joiner is never drawn, so not.
    assert missing_glyphs("\U000323b0甲\ue000\U000f0000\u200d\ue000") == "\U000323b0\ue000\U000f0000"


def test_roster_import_warns_of_undrawable_characters_but_imports_them(tmp_path):
    path = build_demo(tmp_path / "warn.sqlite")
    with Competition(path, operator="测试员") as comp:
        log, fixed = rename(comp, tmp_path, {"A002": PUA_NAME, "A003": "赵孟𫖯"}, unit={"A004": "北京\U000f0001厂"})
        assert sorted(log.changed) == ["A002", "A003", "A004"]
        stored = {c.no: c for c in comp.contestants()}
    assert stored["A002"].name == PUA_NAME and stored["A004"].unit == "北京\U000f0001厂"  # as written
    where = [(w.code, w.file, w.row, w.column, w.params["chars"]) for w in log.warnings]
    assert where == [("glyph_missing", "roster-fixed.csv", 3, "姓名", "U+E000"),
                     ("glyph_missing", "roster-fixed.csv", 5, "工作单位", "U+F0001")]
    assert "第 3 行" in log.warnings[0].message("zh") and "〓" in log.warnings[0].message("zh")
    # The command says the same on stderr and still imports (nothing changes the second time).
    out = run_cli("roster", "import", path, fixed)
    assert out.returncode == 0, out.stderr
    assert "未变 60" in out.stdout
    assert "roster-fixed.csv 第 3 行 「姓名」列" in out.stderr and "U+E000" in out.stderr
    assert "第 5 行 「工作单位」列" in out.stderr and "U+F0001" in out.stderr


def test_rare_names_survive_xlsx_export_and_import_and_the_results_xlsx(rare_sitting, tmp_path):
    with Competition(rare_sitting) as comp:
        comp.export_roster(tmp_path / "名单.xlsx")
        write_report(comp, "results", tmp_path / "成绩.xlsx")
        names = {c.no: c.name for c in comp.contestants()}
    assert set(RARE) | {PUA_NAME} <= set(names.values())
    fresh = tmp_path / "fresh.sqlite"
    with Competition.create(fresh, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                            date="2025-09-20", operator="测试员") as comp:
        log = comp.import_roster(tmp_path / "名单.xlsx")
        assert {c.no: c.name for c in comp.contestants()} == names
    assert [w.params["chars"] for w in log.warnings] == ["U+E000"]
    sheet = openpyxl.load_workbook(tmp_path / "成绩.xlsx").active
    cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None}
    assert set(RARE) | {PUA_NAME} <= cells  # stored as written: the spreadsheet's own fonts draw it


def test_paragraph_text_gets_the_fallback_fonts_too(tmp_path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from skillscore.reports.fonts import markup, register_font

    assert markup("A&B <东城区>") == "A&amp;B &lt;东城区&gt;"
    text = "赵孟𫖯 & 张𰻝（孙\ue000明）"
    style = ParagraphStyle("p", fontName=register_font(), fontSize=10, leading=12)
    SimpleDocTemplate(str(tmp_path / "p.pdf")).build([Paragraph(markup(text), style)])
    chars = dict(drawn(tmp_path / "p.pdf"))
    assert (chars["𫖯"], chars["𰻝"], chars["〓"]) == ("SkillscoreHanazonoA", "SkillscoreBabelStoneHan",
                                                      "WenQuanYiMicroHei-0")
    assert "赵孟𫖯 & 张𰻝（孙〓明）" in pypdf.PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
