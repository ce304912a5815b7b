"""The tie marks of UI.md (▲ ⚠ ◆, and ✓ should a font lack it) as vector shapes, written as
PDF path operators. Each sits on the text baseline, about as tall as a capital letter, so
it reads as part of the line, in print and in greyscale.

Shapes rather than glyphs: the font has no ⚠ at all, and its ▲ and ◆ are small (0.6 em);
three shapes of one size read as one family beside a rank. A sheet of 10,000 can carry
thousands of marks, so each is a short string of operators, not canvas calls.
"""

from __future__ import annotations

from .pdfops import rgb

# Width of a drawn mark, in ems of the surrounding text (the caller leaves this much room).
VECTOR_EM = 1.0


def _pts(*xy: float) -> list[str]:
    return [f"{v:.2f}" for v in xy]


def mark_ops(mark: str, x: float, y: float, size: float, colour) -> str:
    """PDF operators drawing ``mark`` with its left edge at ``x`` and baseline at ``y``."""
    h, w = size * 0.82, size * 0.92
    left = x + (size * VECTOR_EM - w) / 2
    right, mid = left + w, left + w / 2
    col = rgb(colour)
    if mark == "⚠":
        # Warning sign: an outlined triangle with an exclamation mark inside.
        b = y - size * 0.04
        tri = "{} {} m {} {} l {} {} l h".format(*_pts(left, b, right, b, mid, b + h))
        bar = "{} {} m {} {} l".format(*_pts(mid, y + h * 0.30, mid, y + h * 0.64))
        dot = "{} {} {} {} re".format(*_pts(mid - size * 0.06, y + h * 0.09, size * 0.12, size * 0.12))
        return (f"q {col} RG {col} rg 1 j {size * 0.09:.2f} w {tri} S "
                f"{size * 0.1:.2f} w {bar} S {dot} f Q")
    if mark == "▲":
        return "q {} rg {} {} m {} {} l {} {} l h f Q".format(col, *_pts(left, y, right, y, mid, y + h))
    if mark == "◆":
        cy = y + h / 2
        return "q {} rg {} {} m {} {} l {} {} l {} {} l h f Q".format(
            col, *_pts(mid, y, right, cy, mid, y + h, left, cy))
    if mark == "✓":
        return "q {} RG 1 J 1 j {:.2f} w {} {} m {} {} l {} {} l S Q".format(
            col, size * 0.12, *_pts(left, y + h * 0.45, left + w * 0.38, y + h * 0.08, right, y + h * 0.9))
    raise ValueError(f"no shape for mark {mark!r}")


def placed_marks(marks: list[tuple[str, float, float, float]], colours: dict,
                 shapes: dict[tuple[str, float], str] | None = None) -> str:
    """Operators for many marks ``(mark, x, y, size)``: each kind and size drawn once at
    the origin, then moved into place by a translation (``cm``): ~1 µs a mark instead of
    ~6 for formatting every point anew (9,400 marks on the 10,000-row sheet). ``shapes``
    keeps the drawn shapes for later calls (a document's marks in one colour each)."""
    shapes = {} if shapes is None else shapes
    out = []
    for mark, x, y, size in marks:
        shape = shapes.get((mark, size))
        if shape is None:
            shape = shapes[(mark, size)] = mark_ops(mark, 0.0, 0.0, size, colours[mark])
        out.append(f"q 1 0 0 1 {x:.2f} {y:.2f} cm {shape} Q")
    return "\n".join(out)
