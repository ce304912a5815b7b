"""The page every sheet shares: A4 geometry, type sizes and colours (no drawing here, so
every sheet module and the base can import it without a circle)."""

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4

PAGE_W, PAGE_H = A4
MARGIN_X = 34.0  # 12 mm: inside every office printer's unprintable border
MARGIN_TOP = 32.0
MARGIN_BOTTOM = 24.0
FOOTER_H = 30.0
SIZE = 8.0  # table body
LEADING = 10.0
PAD_X = 2.5
PAD_Y = 2.2
ASCENT = 0.84  # baseline sits this many sizes below the top of a line

BLACK = HexColor("#000000")
GREY_TEXT = HexColor("#444444")
GRID = HexColor("#9A9A9A")
HEAD_FILL = HexColor("#E4E4E4")
SECTION_FILL = HexColor("#F1F1F1")
WARN = HexColor("#B00000")
# Row tints of UI.md (amber / red / blue); the marks carry the meaning in greyscale.
TINTS = {"practical": HexColor("#FBE7BC"), "unresolved": HexColor("#F7CACA"), "committee": HexColor("#D3E2F6")}
MARK_COLOURS = {"▲": HexColor("#A0670A"), "⚠": HexColor("#C00000"), "◆": HexColor("#1F4E9E"),
                "✓": HexColor("#1B7F3A")}
