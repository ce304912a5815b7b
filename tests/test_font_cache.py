"""ReportLab's parse of the sheets' fonts kept in the user's cache (issue 18): the cached
face draws exactly what a freshly parsed one draws, and a damaged or stale cache is
read afresh, never trusted."""

from __future__ import annotations

import os
import pickle
import re

import pdfplumber
from reportlab.pdfbase import ttfonts

from skillscore.reports.font_cache import tt_font
from skillscore.reports.fonts import FALLBACK_NAMES, FONT, font_file

from support import ACCEPTANCE, PIN, run_cli

TEXT = "成绩表赵孟𫖯刘䶮ABC123（第21项）·"


def subset_bytes(font, text: str) -> bytes:
    face = font.face
    return face.makeSubset([face.charToGlyph.get(ord(c), 0) and ord(c) for c in text if ord(c) in face.charToGlyph])


def no_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the font was parsed again")
    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", refuse)


def test_the_cached_face_is_the_parsed_face(tmp_path, monkeypatch):
    path = font_file(FONT)
    parsed = ttfonts.TTFont("Parsed", str(path), subfontIndex=0)
    first = tt_font("Main", path, cache=tmp_path)  # parses and stores
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    no_parsing(monkeypatch)
    cached = tt_font("Main", path, cache=tmp_path)
    assert cached.__dict__.keys() == parsed.__dict__.keys() and cached.fontName == "Main"
    assert (cached._asciiReadable, cached.shapable) == (parsed._asciiReadable, parsed.shapable)
    for font in (first, cached):
        assert font.face.charWidths == parsed.face.charWidths
        assert font.face.charToGlyph == parsed.face.charToGlyph
        assert (font.face.ascent, font.face.descent, font.face.bbox) == (parsed.face.ascent, parsed.face.descent,
                                                                           parsed.face.bbox)
        assert font.stringWidth(TEXT, 12) == parsed.stringWidth(TEXT, 12)
        assert subset_bytes(font, "成绩表ABC123") == subset_bytes(parsed, "成绩表ABC123")  # what a PDF embeds
    # Stored as arrays (all ReportLab does is index them): the same numbers, glyph by glyph.
    assert len(cached.face.hmetrics) == len(parsed.face.hmetrics) > 30000
    assert list(cached.face.hmetrics) == parsed.face.hmetrics and cached.face.hmetrics[5] == parsed.face.hmetrics[5]
    assert list(cached.face.glyphPos) == parsed.face.glyphPos
    # Restored only when read (harfbuzz shaping alone reads it): still packed after drawing.
    assert cached.face.glyphToChar.blob is not None
    assert cached.face.glyphToChar == parsed.face.glyphToChar and cached.face.glyphToChar.blob is None
    assert cached.face.glyphToChar[parsed.face.charToGlyph[ord("成")]] == parsed.face.glyphToChar[
        parsed.face.charToGlyph[ord("成")]]
    assert pickle.loads(pickle.dumps(cached.face.glyphToChar)) == parsed.face.glyphToChar


def test_a_damaged_cache_is_read_afresh_and_replaced(tmp_path, monkeypatch):
    path = font_file(FALLBACK_NAMES[2])  # the smallest font of the chain
    tt_font("A", path, cache=tmp_path)
    stored = next(tmp_path.glob("*.pickle"))
    stored.write_bytes(stored.read_bytes()[:1000])  # cut off, as by a full disk
    font = tt_font("A", path, cache=tmp_path)
    assert font.face.numGlyphs == ttfonts.TTFont("C", str(path)).face.numGlyphs
    assert stored.stat().st_size > 1000  # written whole again
    no_parsing(monkeypatch)
    tt_font("A", path, cache=tmp_path)


def test_a_changed_font_file_is_never_met_by_an_old_cache(tmp_path):
    source = font_file(FALLBACK_NAMES[2])
    copy = tmp_path / "font.ttf"
    copy.write_bytes(source.read_bytes())
    cache = tmp_path / "cache"
    tt_font("A", copy, cache=cache)
    first = next(cache.glob("*.pickle"))
    os.utime(copy, ns=(1_000_000_000, 1_000_000_000))  # the program updated: another file
    tt_font("A", copy, cache=cache)
    kept = list(cache.glob("*.pickle"))
    assert len(kept) == 1 and kept[0] != first  # read afresh, and the old parse removed


def test_an_unwritable_cache_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    font = tt_font("A", font_file(FALLBACK_NAMES[2]), cache=blocked / "fonts")
    assert font.face.numGlyphs > 1000


def pdf_without_dates(path) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID \[<[0-9a-f]+><[0-9a-f]+>\]", b"", path.read_bytes())


def test_a_sheet_printed_from_the_cache_is_the_sheet_printed_without_it(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    comp = tmp_path / "c.sqlite"
    folder = ACCEPTANCE / "prelim-small"
    for step in (["new", comp, "--event", "21", "--stage", "prelim", "--committee", "组委会", "--date",
                  "2025-09-01", "--pin", PIN], ["roster", "import", comp, folder / "roster.csv"],
                 ["marks", "import", comp, folder / "marks.csv"]):
        assert run_cli(*step, env=env).returncode == 0
    for run in ("cold", "warm"):  # the first parses and stores, the second loads
        out = run_cli("report", comp, "results", "-o", tmp_path / f"{run}.pdf", env=env)
        assert out.returncode == 0, out.stderr
    assert list((tmp_path / "user-cache" / "skillscore" / "fonts").glob("WenQuanYiMicroHei-wqy-microhei.ttc-*.pickle"))
    assert pdf_without_dates(tmp_path / "cold.pdf") == pdf_without_dates(tmp_path / "warm.pdf")
    with pdfplumber.open(tmp_path / "warm.pdf") as pdf:
        text = pdf.pages[0].extract_text()
        fonts = {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars}
    assert "成绩表" in text and "B003" in text and all(f.startswith("WenQuanYiMicroHei") for f in fonts)


def test_no_home_folder_only_costs_time(monkeypatch):
    import skillscore.reports.font_cache as font_cache

    def no_home(**kwargs):
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(font_cache, "cache_dir", no_home)
    assert tt_font("A", font_file(FALLBACK_NAMES[2])).face.numGlyphs > 1000


def test_fonts_loaded_in_two_threads_at_once_each_get_their_own_face(tmp_path):
    import threading

    paths = {name: font_file(name) for name in (FONT, FALLBACK_NAMES[2])}
    got = {}

    def load(name):
        got[name] = tt_font(name, paths[name], cache=tmp_path)
    for _ in range(2):  # parsed, then from the cache
        threads = [threading.Thread(target=load, args=(name,)) for name in paths]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {name: f.face.filename for name, f in got.items()} == {name: str(p) for name, p in paths.items()}


def test_the_main_fonts_gaps_come_from_the_cache_without_reportlab_reading_the_font(tmp_path, monkeypatch):
    from skillscore.reports import fonts
    from skillscore.reports.font_cache import coverage_gaps

    path = font_file(FONT)
    gaps = coverage_gaps(FONT, path, fonts._main_gaps, cache=tmp_path)  # asks the font, stores
    assert [p.name.endswith(".gaps.json") for p in tmp_path.iterdir()] == [True]
    have = fonts.load(FONT).face.charToGlyph
    assert all(code not in have for a, b in gaps[:50] for code in range(a, min(b, a + 200) + 1))
    assert all(b + 1 in have for a, b in gaps[:-1])  # each gap ends where the font has a glyph again
    assert ord("䶮") in range(gaps[-1][0]) and any(a <= ord("䶮") <= b for a, b in gaps)

    def refuse():
        raise AssertionError("the font was asked again")
    assert coverage_gaps(FONT, path, refuse, cache=tmp_path) == gaps

    stored = next(tmp_path.iterdir())
    for damage in ("[[5, 3]]", "not json", "[]"):  # inverted, unreadable, empty: never trusted
        stored.write_text(damage)
        assert coverage_gaps(FONT, path, fonts._main_gaps, cache=tmp_path) == gaps
        assert coverage_gaps(FONT, path, refuse, cache=tmp_path) == gaps  # and written whole again


def test_a_roster_import_without_rare_characters_never_loads_a_font(tmp_path):
    """The second import in a fresh process neither imports ReportLab's font code nor reads
    the font: the gaps came from the first one's cache."""
    import subprocess
    import sys

    from skillscore.demo import ROSTER_HEADER, _write, roster_rows

    csv = _write(tmp_path / "roster.csv", ROSTER_HEADER, roster_rows(20, seed=3))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), LOCALAPPDATA=str(tmp_path / "cache"))
    script = (
        "import sys\n"
        "from skillscore.actions.competition import Competition\n"
        "c = Competition.create(sys.argv[1], event_no=29, stage='prelim', committee='x', pin='1', date='2025-09-20')\n"
        "c.import_roster(sys.argv[2]); c.close()\n"
        "print('reportlab.pdfbase.ttfonts' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.sqlite"), str(csv)], env=env,
                           capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", script, str(tmp_path / "b.sqlite"), str(csv)], env=env,
                           capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")
    assert list((tmp_path / "cache").rglob("*.gaps.json"))


def test_each_cache_format_names_itself_and_replaces_an_older_one(tmp_path):
    """An older program computes another file name and never opens a newer pickle; this one
    replaces the older format's file of the same font instead of keeping both."""
    from skillscore.reports.font_cache import PICKLE

    path = font_file(FALLBACK_NAMES[2])  # the smallest font of the chain
    older = tmp_path / f"A-{path.name}-1-2-rl0-py30.pickle"  # an older format's name
    older.write_bytes(b"from an older program")
    tt_font("A", path, cache=tmp_path)
    assert [p.name.endswith(PICKLE) for p in tmp_path.glob("*.pickle")] == [True]
    assert not older.exists()


def test_the_lazily_restored_map_behaves_as_a_dict_for_every_method():
    from skillscore.reports.font_cache import _GlyphToChar

    plain = {1: [65], 2: [66, 67], 3: [68]}

    def packed():
        return _GlyphToChar(pickle.dumps(plain))
    assert list(reversed(packed())) == list(reversed(plain)) and (packed() | {4: [1]}) == plain | {4: [1]}
    assert packed().popitem() == (3, [68])
    g = packed()
    g |= {5: [9]}
    assert dict(g.items()) == {**plain, 5: [9]}
    g = packed()
    g.clear()
    assert g.get(1) is None and len(g) == 0  # cleared stays cleared: the stored map is never read back
