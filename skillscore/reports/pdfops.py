"""Text and lines written as PDF operators in bulk, the way ReportLab documents it for
dynamic (TrueType) fonts: ``font.splitString`` + ``getSubsetInternalName`` +
``canvas.addLiteral``.

Why not ``canvas.drawString``: a 10,000-row sheet has ~110,000 cell strings. Through the
text-object API every string costs a width computation and several pure-Python number
formattings (ReportLab's C accelerator is a separate, optional package); that alone took
over 2 s here. Writing the operators directly takes a fraction of that, and gives the
same PDF: the same embedded font subsets, the same text for extraction and search.

A string with characters the sheet font lacks is written as runs, each in the first font
of the fallback chain that has its glyphs (``fonts.runs``): one Tf between two Tj, and the
text position simply carries on. Strings are encoded once per document, so the check
costs one regex search per distinct string.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from .fonts import load, needs_fallback, runs


def rgb(colour) -> str:
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f}"


class TextOps:
    """One BT … ET block: strings placed at absolute positions in one font."""

    def __init__(self, canvas, font_name: str, encoded: dict[str, list[tuple[str, str]]] | None = None):
        self.canvas = canvas
        self.doc = canvas._doc  # the document the font subsets belong to
        self.font = pdfmetrics.getFont(font_name)
        self.ops: list[str] = []
        self.size = 0.0
        self.current = ""  # the font subset last selected with Tf
        # A string's subset codes never change once assigned within a document, so each
        # distinct string is encoded once (units repeat on thousands of rows); the caller
        # keeps ``encoded`` for the life of one document.
        self._encoded = {} if encoded is None else encoded

    def set_size(self, size: float) -> None:
        if size != self.size:
            self.size = size
            self.current = ""  # force Tf before the next string

    def colour(self, colour) -> None:
        self.ops.append(f"{rgb(colour)} rg")

    def invisible(self, on: bool) -> None:
        self.ops.append("3 Tr" if on else "0 Tr")

    def _encode(self, text: str) -> list[tuple[str, str]]:
        """``(subset font name, Tj operator)`` pairs; hex strings need no escaping of the
        subset's byte codes (parens, \\r, \\\\)."""
        doc = self.doc
        parts = [(self.font, text)] if not needs_fallback(text) else [(load(n), t) for n, t in runs(text)]
        return [(font.getSubsetInternalName(subset, doc), f"<{b.hex()}> Tj")
                for font, part in parts for subset, b in font.splitString(part, doc)]

    def show(self, x: float, y: float, text: str) -> None:
        ops = self.ops
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        chunks = self._encoded.get(text)
        if chunks is None:
            chunks = self._encoded[text] = self._encode(text)
        for name, shown in chunks:
            if name != self.current:
                ops.append(f"{name} {self.size:g} Tf")
                self.current = name
            ops.append(shown)

    def flush(self) -> None:
        if self.ops:
            self.canvas.addLiteral("BT\n" + "\n".join(self.ops) + "\nET\n0 g")
        self.ops = []
        self.current = ""


def fill_rects(canvas, rects: list[tuple[object, float, float, float, float]]) -> None:
    """Filled rectangles ``(colour, x, y, width, height)`` (row tints) in one literal."""
    if rects:
        body = " ".join(f"{rgb(col)} rg {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f" for col, x, y, w, h in rects)
        canvas.addLiteral(f"q {body} Q")


def stroke_lines(canvas, segments: list[tuple[float, float, float, float]], width: float, colour) -> None:
    """Many straight lines as one path: ``(x1, y1, x2, y2)`` each."""
    if not segments:
        return
    path = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l" for a, b, c, d in segments)
    canvas.addLiteral(f"q {width:g} w {rgb(colour)} RG {path} S Q")
