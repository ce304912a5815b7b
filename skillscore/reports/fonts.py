"""The fonts of every sheet: WenQuanYi Micro Hei (TrueType outlines, Apache-2.0), from
the bundled .ttc, then two fallback fonts for the characters it lacks (issue 13), all
embedded as subsets so a sheet prints the same on any machine.

WenQuanYi has the basic CJK block but no CJK Extension A-H, and 276 characters of the
通用规范汉字表 are missing (刘䶮's 䶮, 赵孟𫖯's 𫖯). ``FALLBACKS`` fill that gap: subsets
of Hanazono Mincho (its two halves: HanaMinA has every character of the 表 and Ext A,
HanaMinB Ext B-F) and BabelStone Han (Ext G, H), cut by scripts/make_fallback_font.py to
exactly the CJK ideographs the fonts before them lack. Text is drawn in runs, each with the first font
that has the glyph; a character that no font has is drawn as ``PLACEHOLDER`` (never
dropped), and the roster import warns about it (``missing_glyphs``).

The marks of UI.md are checked against the font's character map, not assumed: the font
has ▲ ◆ ✓ but no ⚠ (U+26A0), so ``marks`` draws the tie marks as vector shapes (a box in
place of a mark would be a failure on signed paper).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from ..system.paths import FALLBACK_FONT_FILES, MAIN_FONT_FILE, fallback_font_path, font_path

FONT = "WenQuanYiMicroHei"
MAIN_FILE = MAIN_FONT_FILE
# Files and PostScript names (as set by the script), in the order they are tried.
FALLBACKS = FALLBACK_FONT_FILES
FALLBACK_NAMES = ("SkillscoreHanazonoA", "SkillscoreHanazonoB", "SkillscoreBabelStoneHan")
CHAIN = (FONT,) + FALLBACK_NAMES
# 〓 (geta mark), the typesetter's sign for "a character the type case lacks", from the main font.
PLACEHOLDER = "〓"
MARKS = "▲⚠◆✓"
# The CJK ideograph blocks as assigned in Unicode 15.0 (UnicodeData.txt First/Last lines).
CJK_BLOCKS = {
    "URO": range(0x4E00, 0x9FFF + 1), "A": range(0x3400, 0x4DBF + 1), "B": range(0x20000, 0x2A6DF + 1),
    "C": range(0x2A700, 0x2B739 + 1), "D": range(0x2B740, 0x2B81D + 1), "E": range(0x2B820, 0x2CEA1 + 1),
    "F": range(0x2CEB0, 0x2EBE0 + 1), "G": range(0x30000, 0x3134A + 1), "H": range(0x31350, 0x323AF + 1),
}


def font_file(name: str):
    """The font's file; the frozen app ships the fallbacks compressed (system/packed.py)."""
    return font_path() if name == FONT else fallback_font_path(FALLBACKS[FALLBACK_NAMES.index(name)])


def _utf16_to_unicode_cmap(original):
    """ReportLab writes each ToUnicode entry as ``<%04X>``, which for a character beyond
    U+FFFF gives five hex digits that no reader accepts (the text of 赵孟𫖯 would copy as
    "赵孟⭚"). The PDF reference wants UTF-16BE there, so those entries become surrogate
    pairs; entries of the basic plane stay byte for byte as ReportLab wrote them."""
    entry = re.compile(r"(?m)^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$")

    def utf16(m: re.Match) -> str:
        return f"{m[1]} <{chr(int(m[2], 16)).encode('utf-16-be').hex().upper()}>"

    def make(fontname, subset):
        return entry.sub(utf16, original(fontname, subset))

    make.patched = True
    return make


_loaded: dict[str, object] = {}
_loading = threading.Lock()


def load(name: str):
    """Register one font of the chain with ReportLab once per process and return it. The main
    font parses in ≈0.13 s and loads from the cache in ≈0.04 s (font_cache.py); a fallback
    only when a text needs it. Under a lock: the desk writes sheets in worker threads, and
    two first sheets at once had each registered a font object of its own under one name
    (both then failed, "redefining named object")."""
    font = _loaded.get(name)
    if font is None:
        with _loading:
            font = _loaded.get(name)
            if font is None:
                font = _loaded[name] = _register(name)
    return font


def _register(name: str):
    from reportlab.pdfbase import pdfmetrics, ttfonts

    from .font_cache import tt_font

    if not getattr(ttfonts.makeToUnicodeCMap, "patched", False):
        ttfonts.makeToUnicodeCMap = _utf16_to_unicode_cmap(ttfonts.makeToUnicodeCMap)
    font = tt_font(name, font_file(name))  # the parsed face kept in the user's cache
    font.face.makeSubset = _one_at_a_time(font.face.makeSubset)
    pdfmetrics.registerFont(font)
    return font


def _one_at_a_time(make_subset):
    """ReportLab cuts a sheet's font subset out of the face through the face's one read
    position (``TTFontParser._pos``): two sheets saved at once by the desk's worker threads
    interleaved their reads, and one failed (a KeyError in ``glyphSet``) one time in six."""
    lock = threading.Lock()

    def make(subset):
        with lock:
            return make_subset(subset)

    return make


def register_font() -> str:
    load(FONT)
    return FONT


def _main_gaps() -> list[tuple[int, int]]:
    gaps, prev = [], -1
    for code in sorted(load(FONT).face.charToGlyph):
        if code > prev + 1:
            gaps.append((prev + 1, code - 1))
        prev = code
    gaps.append((prev + 1, 0x10FFFF))
    return gaps


@lru_cache(maxsize=1)
def _not_in_main() -> re.Pattern:
    """A character class of every code point the main font lacks: one regex search tells
    whether a string needs the slow path (≈0.3 µs on a name; 30,000 strings in 10 ms). The
    ranges come from the user's cache when they are there (font_cache.coverage_gaps)."""
    from .font_cache import coverage_gaps

    gaps = coverage_gaps(FONT, font_file(FONT), _main_gaps)
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in gaps)
    return re.compile(f"[{body}]")


def needs_fallback(text: str) -> bool:
    return _not_in_main().search(text) is not None


def _ignorable(ch: str) -> bool:
    """Controls, format characters and variation selectors: not drawn, so never missing."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or "\ufe00" <= ch <= "\ufe0f" or (
        "\U000e0100" <= ch <= "\U000e01ef")


@lru_cache(maxsize=None)
def font_of(ch: str) -> str | None:
    """The first font of the chain that has ``ch`` (None: none has it)."""
    code = ord(ch)
    for name in CHAIN:
        if code in load(name).face.charToGlyph:
            return name
    return None


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as ``(font name, text)`` runs; a character no font has becomes PLACEHOLDER."""
    if not needs_fallback(text):
        return [(FONT, text)]
    out: list[tuple[str, str]] = []
    for ch in text:
        name = font_of(ch)
        if name is None:
            name, ch = (FONT, ch) if _ignorable(ch) else (FONT, PLACEHOLDER)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return out


def markup(text: str) -> str:
    """``text`` for a platypus Paragraph: XML-escaped, each fallback run in its <font>, so
    Paragraph-based pages (the competition summary) draw rare characters too."""
    from xml.sax.saxutils import escape

    if not needs_fallback(text):
        return escape(text)
    parts = []
    for name, part in runs(text):
        load(name)  # registered before the Paragraph looks the name up
        parts.append(escape(part) if name == FONT else f'<font name="{name}">{escape(part)}</font>')
    return "".join(parts)


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` that no bundled font can draw, each once, in order."""
    if not needs_fallback(text):
        return ""
    seen = dict.fromkeys(ch for ch in text if not _ignorable(ch) and font_of(ch) is None)
    return "".join(seen)


class _Widths(dict):
    """Advance widths (1/1000 em) by code point: the main font's, and on a miss the width of
    the glyph that will be drawn (a fallback font's, or the placeholder's)."""

    def __missing__(self, code: int) -> float:
        ch = chr(code)
        name = font_of(ch)
        if name is None:
            name, code = (FONT, code) if _ignorable(ch) else (FONT, ord(PLACEHOLDER))
        face = load(name).face
        width = self[ord(ch)] = face.charWidths.get(code, face.defaultWidth)
        return width


class _Shapes(dict):
    """Each character's stand-in for measuring: the first character met with the same
    advance width (a ``str.translate`` table). Texts of one shape have one width, to the
    last bit, as the same widths are added in the same order: 10,000 ID numbers, ranks
    and two-character names are a few dozen shapes (issue 18)."""

    def __init__(self, widths: _Widths):
        super().__init__()
        self.widths = widths
        self.first: dict[float, str] = {}  # advance width → its stand-in

    def __missing__(self, code: int) -> str:
        stand_in = self[code] = self.first.setdefault(self.widths[code], chr(code))
        return stand_in


def width_function():
    """``width(text, size)`` in points as drawn through ``runs``: the sum of advance widths, as
    ReportLab computes it, without its per-call overhead (≈100,000 calls on a big sheet),
    added once per shape of text (``_Shapes``)."""
    widths = _Widths(load(FONT).face.charWidths)
    shapes = _Shapes(widths)
    ems: dict[str, float] = {}  # shape → its advance widths added

    def width(text: str, size: float) -> float:
        shape = text.translate(shapes)
        em = ems.get(shape)
        if em is None:
            em = ems[shape] = sum([widths[c] for c in map(ord, shape)])
        return em * size * 0.001

    return width


@lru_cache(maxsize=None)
def has_glyph(ch: str) -> bool:
    """Whether the main font has ``ch`` (the marks are judged against the main font only)."""
    return ord(ch) in load(FONT).face.charToGlyph


# The tie marks are always drawn as shapes: the font's ▲ and ◆ are small (0.6 em) and
# there is no ⚠, so three shapes of one size read as one family next to a rank.
TIE_MARKS = "▲⚠◆"


def vector_marks() -> str:
    """The marks drawn as shapes: the tie marks, and any other mark the font lacks."""
    return TIE_MARKS + "".join(m for m in MARKS if m not in TIE_MARKS and not has_glyph(m))
