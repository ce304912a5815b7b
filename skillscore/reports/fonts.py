"""The one font of every sheet: WenQuanYi Micro Hei (TrueType outlines, Apache-2.0), from
the bundled .ttc, embedded as a subset so a sheet prints the same on any machine.

The marks of UI.md are checked against the font's character map, not assumed: the font
has ▲ ◆ ✓ but no ⚠ (U+26A0), so ``marks`` draws the tie marks as vector shapes (a box in
place of a mark would be a failure on signed paper).
"""

from __future__ import annotations

from functools import lru_cache

from ..system.paths import font_path

FONT = "WenQuanYiMicroHei"
MARKS = "▲⚠◆✓"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Load the font once per process (≈0.1 s for the 5 MB collection) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    return FONT


def width_function():
    """``width(text, size)`` in points for the sheet font: the sum of advance widths, as
    ReportLab computes it, without its per-call overhead (≈100,000 calls on a big sheet)."""
    from reportlab.pdfbase import pdfmetrics

    register_font()
    face = pdfmetrics.getFont(FONT).face
    get, default = face.charWidths.get, face.defaultWidth

    def width(text: str, size: float) -> float:
        return sum([get(ord(ch), default) for ch in text]) * size * 0.001

    return width


@lru_cache(maxsize=None)
def has_glyph(ch: str) -> bool:
    from reportlab.pdfbase import pdfmetrics

    register_font()
    return ord(ch) in pdfmetrics.getFont(FONT).face.charToGlyph


# The tie marks are always drawn as shapes: the font's ▲ and ◆ are small (0.6 em) and
# there is no ⚠, so three shapes of one size read as one family next to a rank.
TIE_MARKS = "▲⚠◆"


def vector_marks() -> str:
    """The marks drawn as shapes: the tie marks, and any other mark the font lacks."""
    return TIE_MARKS + "".join(m for m in MARKS if m not in TIE_MARKS and not has_glyph(m))
