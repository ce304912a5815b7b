"""The operators sheets are written with, made faster than ReportLab's own way (issue 18)
and held to the same result:

- the table of characters already assigned (``pdfops.Encodings.chars``) writes exactly the
  bytes ReportLab's ``splitString`` writes, string after string in one document, whatever
  the characters: CJK beyond the first 256 glyphs (several subsets), rare characters the
  fallback fonts draw, characters no font has, a no-break space, the empty string;
- the streams are Flate at level 1 while a sheet is written, and ReportLab's settings
  (and Python's switch interval) come back after it;
- pages compressed on another thread while the next are drawn make the very file the
  save's own compression makes, and leave nothing behind, also after a failure;
- a text measured by its shape (``fonts._Shapes``) has the width its own characters add
  up to, to the last bit;
- tie marks moved into place look as marks drawn in place (rasterised and compared)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from skillscore.reports.fonts import FONT, load, needs_fallback, register_font, runs
from skillscore.reports.pdfops import Encodings, TextOps

# Common names' characters, rare ones (extension B, drawn by a fallback font), one no
# font has (a private-use code point), digits, Latin, the no-break space and the marks.
ALPHABET = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
ALPHABET += list("0123456789.-·ABCabc （）") + ["\xa0", "𠀀", "𪚥", "\ue000", "▲", "◆", "✓", "〓"]
# Controls, U+0000, DEL, ignorable characters the font lacks (zero-width space, a variation
# selector), and 300 more CJK characters, so that examples cross the subsets' 256 codes.
ALPHABET += ["\x00", "\x01", "\x1f", "\x7f", "\u200b", "\ufe0f"] + [chr(c) for c in range(0x4E00, 0x4E00 + 300)]


def reportlab_encoding(font, doc, text: str) -> list[tuple[str, str]]:
    """What every string went through before the table: ReportLab, run by run."""
    parts = [(font, text)] if not needs_fallback(text) else [(load(n), t) for n, t in runs(text)]
    return [(f.getSubsetInternalName(subset, doc), f"<{b.hex()}> Tj")
            for f, part in parts for subset, b in f.splitString(part, doc)]


def many_subsets() -> list[str]:
    """Strings of 600 distinct CJK characters: the font's subsets hold 256 codes each."""
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 600)]
    return ["".join(chars[i:i + 7]) for i in range(0, 600, 7)] + ["".join(chars[::-37])]


def encode_both(texts: list[str], tmp_path) -> tuple[list, list]:
    register_font()
    ours = TextOps(Canvas(str(tmp_path / "ours.pdf")), FONT, Encodings())
    theirs_canvas = Canvas(str(tmp_path / "theirs.pdf"))
    font = load(FONT)
    return ([ours._encode(t) for t in texts],
            [reportlab_encoding(font, theirs_canvas._doc, t) for t in texts])


def test_strings_over_several_subsets_encode_as_reportlab_does(tmp_path):
    texts = many_subsets()
    texts += texts[::-1] + ["", "\xa0王", "王\xa0李", "𠀀王", "王\ue000李"] + texts
    ours, theirs = encode_both(texts, tmp_path)
    assert ours == theirs
    # The table was used: most strings came after their characters were assigned.
    names = {name for pairs in ours for name, _ in pairs}
    assert len(names) >= 3  # three subsets of the main font at least, and the fallback


def test_the_table_is_used_once_characters_are_known(tmp_path):
    register_font()
    ops = TextOps(Canvas(str(tmp_path / "x.pdf")), FONT, Encodings())
    first = ops._encode("王李张")
    calls = []
    ops._encode_new = lambda text: calls.append(text) or []
    assert ops._encode("张王李王") != []  # from the table, not through ReportLab
    assert calls == []
    ops._encode("赵")  # a new character goes through ReportLab
    assert calls == ["赵"]
    assert first[0][0].startswith("/F")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), min_size=1, max_size=60))
def test_any_strings_in_any_order_encode_as_reportlab_does(tmp_path, texts):
    ours, theirs = encode_both(texts, tmp_path)
    assert ours == theirs


def test_streams_are_flate_only_while_a_sheet_is_written_and_settings_come_back(tmp_path):
    import sys
    import zlib

    import pytest
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    from skillscore.reports.pdfops import SWITCH_INTERVAL, pdf_streams

    before = (rl_config.useA85, pdfdoc.PDFZCompress, sys.getswitchinterval())
    with pdf_streams():
        assert sys.getswitchinterval() == min(SWITCH_INTERVAL, before[2])
        data = b"BT /F1+0 9 Tf <0102> Tj ET\n" * 500
        packed = pdfdoc.PDFZCompress.encode(data)
        assert rl_config.useA85 == 0
        assert zlib.decompress(packed) == data
        assert packed == zlib.compress(data, 1)  # level 1, not zlib's default
        assert pdfdoc.PDFZCompress.pdfname == "FlateDecode"
    assert (rl_config.useA85, pdfdoc.PDFZCompress, sys.getswitchinterval()) == before
    with pytest.raises(RuntimeError), pdf_streams():
        raise RuntimeError("a failed sheet")
    assert (rl_config.useA85, pdfdoc.PDFZCompress, sys.getswitchinterval()) == before


def test_two_sheets_written_at_once_leave_reportlabs_settings_as_they_were():
    """The desk's worker threads: the first sheet finishes while the second is still being
    written, then the second finishes."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    from skillscore.reports.pdfops import pdf_streams

    before = (rl_config.useA85, pdfdoc.PDFZCompress)
    first, second = pdf_streams(), pdf_streams()
    first.__enter__()
    second.__enter__()
    fast = pdfdoc.PDFZCompress
    first.__exit__(None, None, None)
    assert pdfdoc.PDFZCompress is fast and rl_config.useA85 == 0  # the second still writes
    second.__exit__(None, None, None)
    assert (rl_config.useA85, pdfdoc.PDFZCompress) == before


def _raster(tmp_path, name: str, operators: str):
    import subprocess

    from PIL import Image

    pdf = tmp_path / f"{name}.pdf"
    c = Canvas(str(pdf), pagesize=(200, 60))
    c.addLiteral(operators)
    c.showPage()
    c.save()
    subprocess.run(["pdftoppm", "-r", "600", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / name)], check=True)
    return Image.open(tmp_path / f"{name}.png").convert("L")


def test_marks_moved_into_place_look_as_marks_drawn_in_place(tmp_path):
    """placed_marks (one shape per kind, translated) against mark_ops at each position:
    the same pixels at 600 dpi, but for the edge of a shape where positions differ by
    the last rounded hundredth of a point."""
    from PIL import ImageChops

    from skillscore.reports.base import MARK_COLOURS
    from skillscore.reports.marks import mark_ops, placed_marks

    marks = [(m, x, y, size) for m in MARK_COLOURS
             for x, y, size in ((10.333, 20.777, 9.0), (60.005, 8.125, 7.5), (120.5, 35.555, 9.0))]
    drawn_in_place = _raster(tmp_path, "in-place", "\n".join(mark_ops(m, x, y, s, MARK_COLOURS[m]) for m, x, y, s in marks))
    moved = _raster(tmp_path, "moved", placed_marks(marks, MARK_COLOURS))
    inked = sum(drawn_in_place.histogram()[:250])  # pixels darker than near-white
    assert inked > len(marks) * 200  # every mark was drawn, each of some size
    diff = ImageChops.difference(drawn_in_place, moved)
    differing = sum(diff.histogram()[65:])
    assert differing <= inked // 50, (differing, inked)
    assert "cm" in placed_marks(marks, MARK_COLOURS)


SHEETS_AT_ONCE = r"""
import shutil, sys, threading
from skillscore.actions.competition import Competition
from skillscore.reports import write_report
from reportlab.pdfbase import pdfdoc
from skillscore.reports.fonts import FONT, load

source, folder = sys.argv[1], sys.argv[2]
start = threading.Barrier(4)
failed, fonts = [], set()

def sheet(i, kind):
    path = f"{folder}/s{i}.sqlite"
    shutil.copyfile(source, path)
    try:
        with Competition(path, operator="测试") as comp:
            start.wait()  # the four first sheets of this process: the fonts not loaded yet
            fonts.add(id(load(FONT)))  # what each sheet's renderer asks first
            write_report(comp, kind, f"{folder}/t{i}.pdf", with_statistics=kind == "results")
    except Exception as exc:
        failed.append(repr(exc))

threads = [threading.Thread(target=sheet, args=(i, k)) for i, k in enumerate(["results", "advancement", "certificates", "results"])]
[t.start() for t in threads]
[t.join() for t in threads]
print("failed:", failed)
print("font objects:", len(fonts))
print("settings back:", pdfdoc.PDFZCompress.__class__.__name__ == "PDFStreamFilterZCompress")
"""


def test_four_first_sheets_written_at_once_are_each_the_sheet_written_alone(tmp_path):
    """The desk writes sheets in worker threads: the first ones of a process load the fonts
    together (once, under a lock) and each comes out as it does alone."""
    import os
    import subprocess
    import sys

    from pypdf import PdfReader

    from skillscore.demo import build_large
    from skillscore.reports import write_report
    from skillscore.actions.competition import Competition

    source = build_large(tmp_path / "sitting.sqlite", 60)
    done = subprocess.run([sys.executable, "-c", SHEETS_AT_ONCE, str(source), str(tmp_path)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "failed: []" in done.stdout and "settings back: True" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "font objects: 1" in done.stdout, done.stdout  # loaded once, not once a thread
    for i, kind in enumerate(["results", "advancement", "certificates", "results"]):
        alone = tmp_path / f"alone{i}.pdf"
        with Competition(tmp_path / f"s{i}.sqlite", operator="测试") as comp:
            write_report(comp, kind, alone, with_statistics=kind == "results")
        together = [page.extract_text() for page in PdfReader(tmp_path / f"t{i}.pdf").pages]
        assert together == [page.extract_text() for page in PdfReader(alone).pages]
        assert len(together) >= 1 and together[0].strip()


def test_subsets_cut_from_one_face_by_four_threads_at_once_are_each_the_subset_cut_alone():
    """ReportLab reads the face through one read position while it cuts a sheet's subset:
    unguarded, four threads cutting at once failed with a KeyError, or could have embedded
    another glyph (fonts._one_at_a_time)."""
    import threading

    from skillscore.reports.fonts import FONT, load

    face = load(FONT).face
    subset = [0] + [cp for cp in range(0x4E00, 0x4E00 + 3000) if cp in face.charToGlyph]
    alone = face.makeSubset(subset)
    same, errors = [], []

    def cut():
        try:
            for _ in range(3):
                same.append(face.makeSubset(subset) == alone)
        except Exception as exc:  # noqa: BLE001 - the race's failure is what is counted
            errors.append(repr(exc))

    threads = [threading.Thread(target=cut) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and same == [True] * 12


def _sheet_pages_compressed(tmp_path, monkeypatch, name: str, *, ahead: bool) -> tuple[bytes, int]:
    """A results sheet of 120 contestants, its pages compressed alongside (``ahead``) or
    only by the save, as before; with how many compressed pages the save found waiting."""
    from reportlab.pdfgen.canvas import Canvas as PdfCanvas

    from skillscore.actions.competition import Competition
    from skillscore.demo import build_large
    from skillscore.reports import write_report
    from skillscore.reports.pdfops import PageFlate

    sitting = tmp_path / "sitting.sqlite"
    if not sitting.exists():
        build_large(sitting, 120)
    waiting = []
    with monkeypatch.context() as patch:
        save = PdfCanvas.save
        patch.setattr(PdfCanvas, "save", lambda canvas: waiting.append(len(PageFlate.done)) or save(canvas))
        if not ahead:
            patch.setattr(PageFlate, "show_page", lambda flate, canvas: canvas.showPage())
        with Competition(sitting, operator="测试") as comp:
            pages = write_report(comp, "results", tmp_path / name)
    assert PageFlate.done == {}  # nothing kept after the sheet
    assert pages >= 3
    return (tmp_path / name).read_bytes(), waiting[0]


def test_pages_compressed_while_the_next_are_drawn_make_the_file_the_save_makes(tmp_path, monkeypatch):
    ahead, waiting = _sheet_pages_compressed(tmp_path, monkeypatch, "ahead.pdf", ahead=True)
    at_save, none_waiting = _sheet_pages_compressed(tmp_path, monkeypatch, "at-save.pdf", ahead=False)
    assert ahead == at_save  # byte for byte
    assert none_waiting == 0 and waiting == ahead.count(b"/Type /Page\n")  # every page was ready


def test_a_sheet_that_fails_midway_leaves_no_pages_or_thread_behind(tmp_path, monkeypatch):
    import sys
    import threading

    import pytest

    from skillscore.actions.competition import Competition
    from skillscore.demo import build_large
    from skillscore.reports import base, write_report
    from skillscore.reports.pdfops import PageFlate

    interval = sys.getswitchinterval()
    draw = base.SheetRenderer._draw_page

    def failing(renderer, canvas, page, *args, **kwargs):
        if page == 3:
            raise RuntimeError("a disk pulled out")
        draw(renderer, canvas, page, *args, **kwargs)

    monkeypatch.setattr(base.SheetRenderer, "_draw_page", failing)
    build_large(tmp_path / "sitting.sqlite", 120)
    with Competition(tmp_path / "sitting.sqlite", operator="测试") as comp, pytest.raises(RuntimeError):
        write_report(comp, "results", tmp_path / "failed.pdf")
    assert PageFlate.done == {}
    assert not [t for t in threading.enumerate() if t.name == "page-flate"]
    assert sys.getswitchinterval() == interval
    assert not list(tmp_path.glob("*.pdf"))  # nothing half-written either


# Latin letters and signs of many widths, some a hair apart (530.76 and 531.25 thousandths).
WIDTHS = [chr(c) for c in range(0x21, 0x250)] + list("—…①㍻")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(ALPHABET + WIDTHS), max_size=24), min_size=1, max_size=30),
       st.sampled_from([7.0, 7.5, 8.0, 8.5, 9.0]))
def test_a_text_measured_by_its_shape_is_as_wide_as_its_characters(texts, size):
    """Texts measured in any order (so shapes are met before and after their stand-ins)
    against the plain sum of their characters' advance widths: equal as floats."""
    from skillscore.reports.fonts import FONT, _Widths, load, width_function

    width = width_function()
    widths = _Widths(load(FONT).face.charWidths)
    for text in texts + texts[::-1]:
        assert width(text, size) == sum([widths[ord(c)] for c in text]) * size * 0.001


def test_each_character_alone_is_as_wide_as_itself_whatever_was_measured_before():
    """Every character of both alphabets, forwards and backwards: a stand-in of another
    width (two widths a hair apart taken for one) shows here at once."""
    from skillscore.reports.fonts import FONT, _Widths, load, width_function

    widths = _Widths(load(FONT).face.charWidths)
    for order in (ALPHABET + WIDTHS, (ALPHABET + WIDTHS)[::-1]):
        width = width_function()
        assert [width(c, 8.0) for c in order] == [widths[ord(c)] * 8.0 * 0.001 for c in order]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(*[st.floats(-1000, 1000, allow_nan=False)] * 4), max_size=20),
       st.lists(st.tuples(st.sampled_from(["#E6E6E6", "#FFF2CC", "#1B7F3A"]), *[st.floats(-1000, 1000)] * 4),
                max_size=20))
def test_rules_and_tints_kept_for_a_document_are_written_as_formatted_afresh(segments, rects):
    """``Shapes`` gives each line and rectangle as its own formatting would, met first
    or again (the lists run twice through one document's ``Shapes``)."""
    from reportlab.lib.colors import HexColor

    from skillscore.reports.pdfops import Shapes, rgb

    kept = Shapes()
    rects = [(HexColor(c), x, y, w, h) for c, x, y, w, h in rects]
    for _ in range(2):
        assert [kept[s] for s in segments] == [f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l" for a, b, c, d in segments]
        assert [kept[r] for r in rects] == [f"{rgb(c)} rg {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f" for c, x, y, w, h in rects]
