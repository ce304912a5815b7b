"""What a sheet module hands to the base: columns and rows of plain text, and the layout
of those rows into pages (wrapping, row heights, page breaks).

Rows are drawn straight on the canvas by ``base`` rather than through platypus' Table:
a 10,000-row sheet must print in well under 2.5 s, and platypus needs about 2 s for 5,000
plain rows here. Laying out first and drawing second also gives the page count before
the first page is drawn, which "第 x 页 共 y 页" needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Union

# Characters that must not start a line in Chinese typesetting (行首禁则): they are pulled
# back onto the previous line together with the character before them.
NO_LINE_START = set("）》」』】〕，。、；：？！…—–)]},.;:?!%")
# …and opening brackets must not end one (行尾禁则): they move down with what they open.
NO_LINE_END = set("（《「『【〔([{")
# Runs kept together when wrapping: numbers, Latin words, masked ID numbers, "5–6".
# Rows carried onto the closing page when the signatures do not fit under the table.
CARRY_ROWS = 3
_TOKENS = re.compile(r"[0-9A-Za-z.*/%+\-]+|\s+|.", re.S)


@dataclass(frozen=True)
class Column:
    """One column of a sheet's table: its key, title, width, alignment and font size."""

    key: str
    title: str
    width: float = 0.0  # points; 0 = takes what the fixed columns leave (one such column)
    align: str = "left"  # left | center | right
    size: float | None = None  # font size if not the body size (e.g. long ID numbers)
    wrap: bool = True  # False for short fixed-width values (marks, totals): no measuring


@dataclass(slots=True)
class Row:
    """One printed line of the table. A cell is a string, or a tuple of strings that each
    start on a new line (a team's members). ``fill`` tints the row (ties); ``rule_after``
    draws the advancement cut-off as a thick line under it."""

    cells: tuple
    fill: str | None = None
    rule_after: bool = False


@dataclass(slots=True)
class Section:
    """A heading across the table (a certificate level, the undecided group)."""

    title: str


@dataclass
class SheetSpec:
    """One results sheet as its module describes it: title, columns, rows, summary lines; internal or to be posted."""

    kind: str
    title: str
    columns: list[Column]
    body: list[Union[Row, Section]]
    summary: list[str] = field(default_factory=list)
    internal: bool = False
    tick: str | None = None  # what ✓ means on this sheet, for the legend (None: no ✓ printed)
    internal_text: str | None = None  # an internal sheet's banner, if not the assessment centre's


@dataclass(slots=True)
class Laid:
    """A body item with its text broken into lines per cell, and its height."""

    item: Union[Row, Section]
    lines: list[list[str]]
    height: float
    pad: float = 0.0  # extra room above the text: centres it in a row made taller for handwriting


Measure = Callable[[str, float], float]


class Wrapper:
    """Greedy line breaking with a cache: unit names repeat across thousands of rows."""

    def __init__(self, measure: Measure):
        self.measure = measure
        self._cache: dict[tuple[str, float, float], list[str]] = {}

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        key = (text, width, size)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._wrap(text, width, size)
        return hit

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        if not text or self.measure(text, size) <= width:
            return [text]
        lines: list[str] = []
        line, used = "", 0.0
        for token in _TOKENS.findall(text):
            if token.isspace() and not line:
                continue
            w = self.measure(token, size)
            if used + w <= width:
                line, used = line + token, used + w
                continue
            if token.isspace():
                lines.append(line)
                line, used = "", 0.0
                continue
            if line:
                if token[0] in NO_LINE_START and len(line) > 1:
                    token, line = line[-1] + token, line[:-1]
                kept = line.rstrip()
                if kept and kept[-1] in NO_LINE_END and len(kept) > 1:
                    token, kept = kept[-1] + token, kept[:-1].rstrip()
                line = kept
                lines.append(line)
            w = self.measure(token, size)
            if w > width:
                # A run longer than the column (a very long number): break it anywhere.
                *whole, line = self._hard_break(token, width, size)
                lines.extend(whole)
                used = self.measure(line, size)
            else:
                line, used = token, w
        if line or not lines:
            lines.append(line)
        return lines

    def _hard_break(self, token: str, width: float, size: float) -> list[str]:
        out, cur = [], ""
        for ch in token:
            if cur and self.measure(cur + ch, size) > width:
                out.append(cur)
                cur = ""
            cur += ch
        out.append(cur)
        return out


@dataclass
class Pagination:
    """The laid rows split into pages, and whether the closing block needs a page of its own."""

    pages: list[list[Laid]]
    closing_on_new_page: bool


def paginate(laid: list[Laid], *, first_room: float, room: float, closing: float, continued: Callable[[Section], Laid]) -> Pagination:
    """Split laid rows into pages: ``first_room`` points of table body on page 1 and
    ``room`` on later pages. A section heading never ends a page alone; a page that
    continues a section starts with the heading again, marked (续). The closing block
    (summary, signatures, fingerprint) needs ``closing`` points after the last row."""
    pages: list[list[Laid]] = [[]]
    left = first_room
    current: Section | None = None
    for i, item in enumerate(laid):
        need = item.height
        if isinstance(item.item, Section):
            nxt = laid[i + 1].height if i + 1 < len(laid) else 0.0
            need += nxt  # keep the heading with its first row
        if need > left and pages[-1]:
            pages.append([])
            left = room
            if current is not None and not isinstance(item.item, Section):
                head = continued(current)
                pages[-1].append(head)
                left -= head.height
        if isinstance(item.item, Section):
            current = item.item
        pages[-1].append(item)
        left -= item.height
    if closing > left:
        # Never a signature page without results on it: carry the last rows over, so the
        # signed page is visibly part of the table. Sections stay with their rows.
        last = pages[-1]
        carry = min(CARRY_ROWS, len(last) - 1)
        while carry > 0 and isinstance(last[-carry - 1].item, Section):
            carry += 1
        if carry > 0 and carry < len(last):
            moved = last[-carry:]
            del last[-carry:]
            head = [continued(current)] if current is not None and not isinstance(moved[0].item, Section) else []
            pages.append(head + moved)
            left = room - sum(m.height for m in pages[-1])
    return Pagination(pages=pages, closing_on_new_page=closing > left)
