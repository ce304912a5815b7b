"""Text and lines written as PDF operators in bulk, the way ReportLab documents it for
dynamic (TrueType) fonts: ``font.splitString`` + ``getSubsetInternalName`` +
``canvas.addLiteral``.

Why not ``canvas.drawString``: a 10,000-row sheet has ~110,000 cell strings. Through the
text-object API every string costs a width computation and several pure-Python number
formattings (ReportLab's C accelerator is a separate, optional package); that alone took
over 2 s here. Writing the operators directly takes a fraction of that, and gives the
same PDF: the same embedded font subsets, the same text for extraction and search.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics


def rgb(colour) -> str:
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f}"


class TextOps:
    """One BT … ET block: strings placed at absolute positions in one font."""

    def __init__(self, canvas, font_name: str, encoded: dict[str, list[tuple[int, str]]] | None = None):
        self.canvas = canvas
        self.doc = canvas._doc  # the document the font subsets belong to
        self.font = pdfmetrics.getFont(font_name)
        self.ops: list[str] = []
        self.size = 0.0
        self.subset = -1
        self._names: dict[int, str] = {}
        # A string's subset codes never change once assigned within a document, so each
        # distinct string is encoded once (units repeat on thousands of rows); the caller
        # keeps ``encoded`` for the life of one document.
        self._encoded = {} if encoded is None else encoded

    def set_size(self, size: float) -> None:
        if size != self.size:
            self.size = size
            self.subset = -1  # force Tf before the next string

    def colour(self, colour) -> None:
        self.ops.append(f"{rgb(colour)} rg")

    def invisible(self, on: bool) -> None:
        self.ops.append("3 Tr" if on else "0 Tr")

    def show(self, x: float, y: float, text: str) -> None:
        ops = self.ops
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        chunks = self._encoded.get(text)
        if chunks is None:
            # Hex strings need no escaping of the subset's byte codes (parens, \r, \\).
            chunks = self._encoded[text] = [(s, f"<{b.hex()}> Tj") for s, b in self.font.splitString(text, self.doc)]
        for subset, shown in chunks:
            if subset != self.subset:
                name = self._names.get(subset)
                if name is None:
                    name = self._names[subset] = self.font.getSubsetInternalName(subset, self.doc)
                ops.append(f"{name} {self.size:g} Tf")
                self.subset = subset
            ops.append(shown)

    def flush(self) -> None:
        if self.ops:
            self.canvas.addLiteral("BT\n" + "\n".join(self.ops) + "\nET\n0 g")
        self.ops = []
        self.subset = -1


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
