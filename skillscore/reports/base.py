"""The shared base of every sheet: A4 portrait page template, the embedded font, header,
table, footer, closing block (signatures, fingerprint, QR) and the draft watermark.

A sheet module only builds a ``SheetSpec`` (columns and rows of text) from the results
document; everything that makes a page look like our page lives here, so all four sheets
share one look, one legend and one footer. Rows are laid out first (wrapping, heights,
page breaks) and drawn second, so "第 x 页 共 y 页" is known on page 1.
"""

from __future__ import annotations

import os
import re
import tempfile
from itertools import compress
from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from .. import COMPETITION_NAME, __version__
from ..errors import UsageError
from ..system.files import replace_file
from .fonts import FONT, MARKS, has_glyph, register_font, vector_marks, width_function
from .closing import GAP_ABOVE, closing_height, code_shown, draw_closing, draw_watermark
from .marks import VECTOR_EM, placed_marks
from .page import (  # noqa: F401  (re-exported: sheets import the page from the base)
    PAGE_W, PAGE_H, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, FOOTER_H, SIZE, LEADING, PAD_X, PAD_Y,
    ASCENT, BLACK, GREY_TEXT, GRID, HEAD_FILL, SECTION_FILL, WARN, TINTS, MARK_COLOURS,
)
from .pdfops import Encodings, PageFlate, Shapes, TextOps, fill_rects, pdf_streams, stroke_lines
from .source import SheetSource
from .table import Laid, Pagination, Row, Section, SheetSpec, Wrapper, paginate
from .words import stage_name, word

Progress = Callable[[int, int], None]

_MARK_SPLIT = re.compile(f"([{MARKS}])")


class SheetRenderer:
    def __init__(self, source: SheetSource, spec: SheetSpec, lang: str = "zh"):
        register_font()
        self.source, self.spec, self.lang = source, spec, lang
        self.vector = vector_marks()
        self._strip_vectors = re.compile(f"[{re.escape(self.vector)}]").subn
        self._widths: dict[float, dict[str, float]] = {}
        self._width = width_function()
        self.wrapper = Wrapper(self.measure)
        self.x0 = MARGIN_X
        self.width = PAGE_W - 2 * MARGIN_X
        self._place_columns()
        self._vectors: list[tuple[str, float, float, float]] = []
        # Pages appended after the sheet (e.g. the statistics page): each a
        # ``draw(canvas, top)`` drawn under the running header, with the same footer.
        self.extra_pages: list[Callable] = []

    # -- measuring and laying out --------------------------------------------------------
    def measure(self, text: str, size: float) -> float:
        # One cache per size, keyed by the text: called ~100,000 times on a big sheet.
        cache = self._widths.get(size)
        if cache is None:
            cache = self._widths[size] = {}
        width = cache.get(text)
        if width is None:
            if _MARK_SPLIT.search(text):
                plain, drawn = self._strip_vectors("", text)  # the shapes are drawn, not the glyphs
                width = self._width(plain, size) + drawn * VECTOR_EM * size
            else:
                width = self._width(text, size)
            cache[text] = width
        return width

    def _place_columns(self) -> None:
        cols = self.spec.columns
        fixed = sum(c.width for c in cols)
        flex = [c for c in cols if not c.width]
        rest = self.width - fixed
        if len(flex) != 1 or rest < 40:
            raise ValueError(f"sheet {self.spec.kind}: columns need one flexible column and room for it")
        self.col_w = [c.width or rest for c in cols]
        self.col_x = []
        x = self.x0
        for w in self.col_w:
            self.col_x.append(x)
            x += w
        self.col_size = [c.size or SIZE for c in cols]
        # Per column: the lines each text wrapped into (units repeat on thousands of rows).
        self.col_seen: list[dict[str, list[str]]] = [{} for c in cols]
        self.col_wraps = [c.wrap for c in cols]

    def lay_all(self, items: list[Row | Section]) -> list[Laid]:
        """``[self.lay(item) for item in items]``, the same lines and heights, with the rows
        of plain text laid a column at a time: a column's texts are looked up in its cache
        in one pass (~10 per row on a 10,000-row sheet, most seen before), and a row's
        height is the most lines any of its columns wrapped into (issue 18)."""
        columns = len(self.col_w)  # a row of more or fewer cells is laid out alone, as lay does it
        is_plain = [type(item) is Row and len(item.cells) == columns and tuple not in map(type, item.cells)
                    for item in items]
        laid: list = [None if p else self.lay(item) for p, item in zip(is_plain, items)]
        plain = list(compress(range(len(items)), is_plain))
        if not plain:
            return laid
        rows = [items[k] for k in plain]
        by_column = [self._column_lines(k, cells) for k, cells in enumerate(zip(*(row.cells for row in rows)))]
        most = [1] * len(rows)
        for lines in by_column:
            counts = list(map(len, lines))
            if max(counts) > 1:
                most = list(map(max, most, counts))
        for k, row, lines, n in zip(plain, rows, zip(*by_column), most):
            laid[k] = Laid(row, lines, n * LEADING + 2 * PAD_Y)
        return laid

    def _column_lines(self, k: int, cells: tuple[str, ...]) -> list[list[str]]:
        """Each cell of column ``k`` as its lines, from the column's cache; a text seen
        for the first time is measured (and wrapped only if it does not fit)."""
        seen = self.col_seen[k]
        lines = list(map(seen.get, cells))
        if None not in lines:
            return lines
        wraps, size = self.col_wraps[k], self.col_size[k]
        inner = self.col_w[k] - 2 * PAD_X
        for i, cell in enumerate(cells):
            if lines[i] is not None:
                continue
            hit = seen.get(cell)
            if hit is None:
                # What wrap gives a text that fits, without its cache: measure is _width for
                # a text without marks (not kept: the column's cache keeps the answer); a
                # rank with a tie mark (most ranks of a big sitting) is measured and kept,
                # as drawing it asks for its width again.
                if not wraps or not cell:
                    fits = True
                elif _MARK_SPLIT.search(cell):
                    fits = self.measure(cell, size) <= inner
                else:
                    fits = self._width(cell, size) <= inner
                hit = [cell] if fits else self.wrapper.wrap(cell, inner, size)
                seen[cell] = hit
            lines[i] = hit
        return lines

    def lay(self, item: Row | Section) -> Laid:
        if isinstance(item, Section):
            return Laid(item, [[item.title]], LEADING + 2 * PAD_Y + 2)
        wrap = self.wrapper.wrap
        parts = max((len(cell) for cell in item.cells if isinstance(cell, tuple)), default=0)
        if parts:
            return self._lay_members(item, parts)
        lines, most = [], 1
        for cell, w, size, seen, wraps in zip(item.cells, self.col_w, self.col_size, self.col_seen, self.col_wraps):
            cell_lines = seen.get(cell)
            if cell_lines is None:
                cell_lines = seen[cell] = wrap(cell, w - 2 * PAD_X, size) if wraps else [cell]
            lines.append(cell_lines)
            if len(cell_lines) > most:
                most = len(cell_lines)
        return Laid(item, lines, most * LEADING + 2 * PAD_Y)

    def _lay_members(self, item: Row, parts: int) -> Laid:
        """A team's row: tuple cells hold one entry per member, kept side by side, so a
        member's ID number and employer stay on that member's line even when one wraps."""
        members: dict[int, list[list[str]]] = {}
        plain: dict[int, list[str]] = {}
        for i, (cell, w, size) in enumerate(zip(item.cells, self.col_w, self.col_size)):
            inner = w - 2 * PAD_X
            if isinstance(cell, tuple):
                members[i] = [self.wrapper.wrap(part, inner, size) for part in cell]
            else:
                plain[i] = self.wrapper.wrap(cell, inner, size)
        heights = [max(len(m[k]) for m in members.values() if k < len(m)) for k in range(parts)]
        lines = []
        for i in range(len(item.cells)):
            if i in plain:
                lines.append(plain[i])
                continue
            padded = []
            for k, h in enumerate(heights):
                part = members[i][k] if k < len(members[i]) else []
                padded.extend(part + [""] * (h - len(part)))
            lines.append(padded)
        most = max(1, *(len(l) for l in lines))
        return Laid(item, lines, most * LEADING + 2 * PAD_Y)

    def _head_lines(self) -> list[list[str]]:
        return [self.wrapper.wrap(c.title, w - 2 * PAD_X, SIZE) for c, w in zip(self.spec.columns, self.col_w)]

    def _warnings(self) -> list[str]:
        codes = self.source.ranking.get("warnings", [])
        return [word(code, self.lang) for code in codes if code in ("too_few_participants", "unresolved_ties",
                                                                     "incomplete_marks")]

    INFO_SIZE = 8.5
    INFO_LEADING = 12.0

    def _info_lines(self) -> list[str]:
        """Committee, date, counts and quota, wrapped to the room the status leaves beside
        them: a committee of 18 characters printed 晋级名额 over the red draft notice, one of
        37 ran past the table."""
        doc, lang, size = self.source.doc, self.lang, self.INFO_SIZE
        ranking = self.source.ranking
        parts = [word("committee", lang, value=doc["committee"]), word("date", lang, value=doc["date"]),
                 word("counts", lang, units=len(self.source.rows), ranked=ranking["ranked"])]
        if ranking.get("advance_quota") is not None:
            parts.append(word("quota", lang, value=ranking["advance_quota"]))
        sep = "   " if lang == "en" else "　"
        room = self.width - self.measure(self._status(), size) - 12
        lines: list[str] = []
        line = ""
        for part in parts:
            joined = f"{line}{sep}{part}" if line else part
            if self.measure(joined, size) <= room:
                line = joined
                continue
            if line:
                lines.append(line)
            pieces = self.wrapper.wrap(part, room, size)  # one part wider than the room
            lines.extend(pieces[:-1])
            line = pieces[-1]
        return lines + [line]

    def _full_header_height(self) -> float:
        h = 22 + 19 + 14 + self.INFO_LEADING * (len(self._info_lines()) - 1) + 14 * len(self._warnings())
        if self.spec.internal:
            h += 18
        return h + 6

    RUNNING_HEADER_H = 18.0



    def layout(self) -> Pagination:
        self.head_lines = self._head_lines()
        self.head_h = max(len(l) for l in self.head_lines) * LEADING + 2 * PAD_Y
        body = self.spec.body or [Section(word("nobody", self.lang))]
        laid = self.lay_all(body)
        bottom = MARGIN_BOTTOM + FOOTER_H
        first_room = PAGE_H - MARGIN_TOP - self._full_header_height() - self.head_h - bottom
        room = PAGE_H - MARGIN_TOP - self.RUNNING_HEADER_H - self.head_h - bottom

        def continued(section: Section) -> Laid:
            return self.lay(Section(section.title + word("continued", self.lang)))

        return paginate(laid, first_room=first_room, room=room, closing=closing_height(len(self.spec.summary), self.source.finalized,
                                                                                           bool(code_shown(self))),
                        continued=continued)

    # -- drawing -------------------------------------------------------------------------
    def render(self, out_path: str | Path, progress: Progress | None = None) -> int:
        """Write the PDF (atomically: a failed run leaves no half-written file); return pages."""
        out_path = Path(out_path)
        if not out_path.parent.is_dir():
            raise UsageError("report_out_dir", path=str(out_path.parent))
        plan = self.layout()
        sheet_pages = len(plan.pages) + (1 if plan.closing_on_new_page else 0)
        pages = sheet_pages + len(self.extra_pages)
        if progress:
            progress(0, pages)
        fd, tmp = tempfile.mkstemp(prefix=".~" + out_path.stem, suffix=".pdf", dir=out_path.parent)
        os.close(fd)
        try:
            # Level-1 Flate, no ASCII85, while this document is written; pages compressed as they close.
            with pdf_streams(), PageFlate() as flate:
                # initialFontName: otherwise ReportLab lists Helvetica (never embedded) on every page.
                c = Canvas(tmp, pagesize=A4, pageCompression=1, invariant=1, initialFontName=FONT, initialFontSize=SIZE)
                self._encodings = Encodings()
                self._lines: dict[tuple, tuple[str, list, float]] = {}  # see text()
                self._cells: list[dict] = [{} for _ in self.col_w]  # see _cell()
                self._shapes: dict[tuple[str, float], str] = {}  # the tie marks' shapes, drawn once
                self._rules = Shapes()  # the table's rules and tints as written
                self._metadata(c)
                for i in range(pages):
                    if i >= sheet_pages:
                        self._draw_extra_page(c, i + 1, pages, self.extra_pages[i - sheet_pages])
                        flate.show_page(c)
                        if progress:
                            progress(i + 1, pages)
                        continue
                    items = plan.pages[i] if i < len(plan.pages) else []
                    self._draw_page(c, i + 1, pages, items, table=i < len(plan.pages), closing=i == sheet_pages - 1)
                    flate.show_page(c)
                    if progress:
                        progress(i + 1, pages)
                flate.finish()
                c.save()
            os.chmod(tmp, 0o666 & ~_umask())
            replace_file(tmp, out_path)  # retried while an antivirus holds it; refused while Excel does
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return pages

    def _metadata(self, c: Canvas) -> None:
        doc = self.source.doc
        c.setTitle(f"{COMPETITION_NAME} {doc['event']['name']} {stage_name(doc['stage'], self.lang)} {self.spec.title}")
        c.setAuthor(doc.get("committee", ""))
        c.setCreator(f"skillscore {__version__}")
        c.setSubject(self.source.fingerprint or word("draft_status", self.lang))

    def _draw_page(self, c: Canvas, page: int, pages: int, items: list[Laid], *, table: bool, closing: bool) -> None:
        self._vectors = []
        y = self._draw_header(c, page == 1)
        if table:
            y = self._draw_table(c, y, items)
        if closing:
            draw_closing(self, c, y - GAP_ABOVE)
        self._draw_footer(c, page, pages)
        self.flush_vectors(c)
        if not self.source.finalized:
            draw_watermark(self, c)

    def _draw_extra_page(self, c: Canvas, page: int, pages: int, draw: Callable) -> None:
        self._vectors = []
        draw(c, self._draw_header(c, False))
        self._draw_footer(c, page, pages)
        self.flush_vectors(c)
        if not self.source.finalized:
            draw_watermark(self, c)

    def put(self, ops: TextOps, x: float, y: float, text: str, size: float, colour=BLACK) -> None:
        """One string with its baseline at y; marks get their colour, tie marks a shape."""
        if not _MARK_SPLIT.search(text):
            ops.show(x, y, text)
            return
        for part in _MARK_SPLIT.split(text):
            if not part:
                continue
            if part in self.vector:
                self._vectors.append((part, x, y, size))
                if has_glyph(part):
                    # An invisible glyph under the shape: copied or extracted text keeps ▲/◆.
                    ops.invisible(True)
                    ops.show(x, y, part)
                    ops.invisible(False)
                x += VECTOR_EM * size
                continue
            if part in MARK_COLOURS:
                ops.colour(MARK_COLOURS[part])
                ops.show(x, y, part)
                ops.colour(colour)
            else:
                ops.show(x, y, part)
            x += self.measure(part, size)

    def text(self, c: Canvas, x: float, y: float, text: str, size: float, *, align: str = "left",
             colour=BLACK) -> float:
        """A single line outside the table; returns its width. A line drawn before at the
        same place is repeated as written then (its operators and its marks' shapes): the
        running header and the footer's legend are the same on every page, and writing
        them out again cost ~40 µs a page (issue 18)."""
        key = (x, y, text, size, align, colour)
        line = self._lines.get(key)
        if line is None:
            width = self.measure(text, size)
            if align == "center":
                x -= width / 2
            elif align == "right":
                x -= width
            ops = TextOps(c, FONT, self._encodings)
            ops.set_size(size)
            ops.colour(colour)
            before = len(self._vectors)
            self.put(ops, x, y, text, size, colour)
            line = self._lines[key] = (ops.block(), self._vectors[before:], width)
        else:
            self._vectors.extend(line[1])
        if line[0]:
            c.addLiteral(line[0])
        return line[2]

    def flush_vectors(self, c: Canvas) -> None:
        if self._vectors:
            c.addLiteral(placed_marks(self._vectors, MARK_COLOURS, self._shapes))
        self._vectors = []

    def _event_line(self) -> str:
        doc = self.source.doc
        return word("event_line", self.lang, event=doc["event"]["name"], no=doc["event"]["no"],
                    stage=stage_name(doc["stage"], self.lang), sheet=self.spec.title)

    def _status(self) -> str:
        if self.source.finalized:
            return word("final_status", self.lang, version=self.source.version)
        return word("draft_status", self.lang)

    def _draw_header(self, c: Canvas, first: bool) -> float:
        doc, lang = self.source.doc, self.lang
        top = PAGE_H - MARGIN_TOP
        right = self.x0 + self.width
        status_colour = BLACK if self.source.finalized else WARN
        if not first:
            y = top - 9
            status_w = self.text(c, right, y, self._status(), 8, align="right", colour=status_colour)
            running = f"{COMPETITION_NAME} · {self._event_line()} · {doc['committee']}"
            room = self.width - status_w - 12
            size = max(6.0, min(8.0, 8.0 * room / max(self.measure(running, 8.0), 1.0)))  # shrink to fit
            while self.measure(running, size) > room and len(running) > 1:
                running = running[:-2] + "…"  # and past the smallest size, shorten
            self.text(c, self.x0, y, running, size, colour=GREY_TEXT)
            return top - self.RUNNING_HEADER_H
        y = top - 16
        self.text(c, PAGE_W / 2, y, COMPETITION_NAME, 16, align="center")
        y -= 20
        self.text(c, PAGE_W / 2, y, self._event_line(), 12.5, align="center")
        y -= 17
        self.text(c, right, y, self._status(), self.INFO_SIZE, align="right", colour=status_colour)
        for i, line in enumerate(self._info_lines()):
            if i:
                y -= self.INFO_LEADING
            self.text(c, self.x0, y, line, self.INFO_SIZE)
        for warning in self._warnings():
            y -= 14
            self.text(c, self.x0, y, "⚠ " + warning, 8.5, colour=WARN)
        if self.spec.internal:
            y -= 18
            text = self.spec.internal_text or word("internal", lang)
            c.setStrokeColor(WARN)
            c.setLineWidth(1)
            c.rect(self.x0, y - 4, self.measure(text, 9.5) + 12, 16, stroke=1, fill=0)
            self.text(c, self.x0 + 6, y, text, 9.5, colour=WARN)
        return top - self._full_header_height()

    def _draw_table(self, c: Canvas, top: float, items: list[Laid]) -> float:
        cols, col_x, col_w = self.spec.columns, self.col_x, self.col_w
        x0, x1 = self.x0, self.x0 + self.width
        head_bottom = top - self.head_h
        # Fills first (header, tinted rows, section headings), then text over them, then grid.
        fills = [(HEAD_FILL, head_bottom, self.head_h)]
        spans, y = [], head_bottom
        for laid in items:
            fill = SECTION_FILL if isinstance(laid.item, Section) else TINTS.get(laid.item.fill)
            if fill is not None:
                fills.append((fill, y - laid.height, laid.height))
            spans.append((y, laid))
            y -= laid.height
        bottom = y
        fill_rects(c, [(colour, x0, y_, self.width, h) for colour, y_, h in fills], self._rules)
        ops = TextOps(c, FONT, self._encodings)
        ops.colour(BLACK)
        ops.set_size(SIZE)
        base = top - PAD_Y - ASCENT * SIZE
        for lines, x, w in zip(self.head_lines, col_x, col_w):
            for j, line in enumerate(lines):
                self.put(ops, x + (w - self.measure(line, SIZE)) / 2, base - j * LEADING, line, SIZE)
        ops.flush()
        thin = [(x, top, x, head_bottom) for x in col_x[1:]] + [(x0, head_bottom, x1, head_bottom)]
        thick = []
        # Per column: how to place a line (0 left, 1 right, 2 centre), from where, at what
        # size, and how far its first baseline sits below the row's text top.
        self._column_places = [(0, x + PAD_X, size, ASCENT * size) if col.align == "left" else
                               (1, x + w - PAD_X, size, ASCENT * size) if col.align == "right" else
                               (2, x + w / 2, size, ASCENT * size)
                               for col, x, w, size in zip(cols, col_x, col_w, self.col_size)]
        self._scratch = TextOps(c, FONT, self._encodings)
        cells, cell, place = self._cells, self._cell, ops.place
        rows = []
        for row_top, laid in spans:
            row_bottom = row_top - laid.height
            item = laid.item
            if isinstance(item, Section):
                heading = TextOps(c, FONT, self._encodings)
                heading.set_size(SIZE + 0.5)
                self.put(heading, x0 + PAD_X, row_top - PAD_Y - 1 - ASCENT * (SIZE + 0.5), laid.lines[0][0], SIZE + 0.5)
                rows.append(heading.block())
                thin.append((x0, row_bottom, x1, row_bottom))
                continue
            # A row is drawn in its own coordinates, its text top at 0, so a cell's
            # operators are the same on every row it appears in: worked out once per
            # column and text (~45,000 of the 107,000 cells of a 10,000-row sheet), then
            # joined as they are (issue 18).
            keys = [lines[0] if len(lines) == 1 else tuple(lines) for lines in laid.lines]
            known = list(map(dict.get, cells, keys))
            if None in known:  # texts met for the first time in their column
                for k, kept in enumerate(known):
                    if kept is None:
                        known[k] = cell(k, keys[k], laid.lines[k])
            text = "\n".join(known)
            rows.append(f"q 1 0 0 1 0 {place(row_top - PAD_Y - laid.pad)} cm BT\n{text}\nET Q")
            (thick if item.rule_after else thin).append((x0, row_bottom, x1, row_bottom))
        c.addLiteral("\n".join(rows))
        # Column lines run through each stretch of table rows (section headings span the table).
        run_top = None
        for row_top, laid in spans + [(bottom, None)]:
            if laid is not None and not isinstance(laid.item, Section):
                run_top = row_top if run_top is None else run_top
                continue
            if run_top is not None:
                thin.extend((x, run_top, x, row_top) for x in col_x[1:])
                run_top = None
        stroke_lines(c, thin, 0.35, GRID, self._rules)
        c.setStrokeColor(BLACK)
        c.setLineWidth(0.8)
        c.rect(x0, bottom, self.width, top - bottom, stroke=1, fill=0)
        stroke_lines(c, thick, 1.8, BLACK, self._rules)
        return bottom

    def _cell(self, k: int, key: str | tuple, lines: list[str]) -> str:
        """Column ``k``'s cell of ``lines`` as operators in its row's coordinates (text top
        at 0), kept for every later row with the same text: its font selected afresh,
        as the cell before it may end in another subset; the shapes of its tie marks
        drawn between two text objects (paths cannot be drawn inside one)."""
        align, anchor, size, drop = self._column_places[k]
        ops = self._scratch
        if not key:
            text = self._cells[k][key] = ""  # an empty cell writes nothing
            return text
        if type(key) is str and not _MARK_SPLIT.search(key):  # one line without marks: most cells
            # anchor: left edge of the text, its right edge, or its centre
            text = self._cells[k][key] = ops.alone(
                anchor if align == 0 else anchor - self.measure(key, size) / align, -drop, key, size)
            return text
        ops.size, ops.current = size, ""  # a Tf before its first string
        before = len(self._vectors)
        for j, line in enumerate(lines):
            if line:
                # anchor: left edge of the text, its right edge, or its centre
                lx = anchor if align == 0 else anchor - self.measure(line, size) / align
                self.put(ops, lx, -drop - j * LEADING, line, size)
        text, ops.ops = "\n".join(ops.ops), []
        marks = self._vectors[before:]
        if marks:
            del self._vectors[before:]
            text += f"\nET\n{placed_marks(marks, MARK_COLOURS, self._shapes)}\nBT"
        self._cells[k][key] = text
        return text

    def _draw_footer(self, c: Canvas, page: int, pages: int) -> None:
        lang = self.lang
        y_rule = MARGIN_BOTTOM + FOOTER_H - 8
        stroke_lines(c, [(self.x0, y_rule, self.x0 + self.width, y_rule)], 0.4, GRID)
        legend = word("legend", lang)
        if self.spec.tick:
            legend += word("legend_tick", lang, meaning=self.spec.tick)
        self.text(c, self.x0, MARGIN_BOTTOM + 11, legend, 7, colour=GREY_TEXT)
        if self.source.finalized:
            left = word("fingerprint_footer", lang, version=self.source.version, fingerprint=self.source.fingerprint)
        else:
            left = word("draft_footer", lang, version=self.source.version)
        if self.spec.internal:
            left = word("internal_short", lang) + " · " + left
        self.text(c, self.x0, MARGIN_BOTTOM, left, 7, colour=BLACK if self.source.finalized else WARN)
        self.text(c, self.x0 + self.width, MARGIN_BOTTOM, word("page_of", lang, page=page, pages=pages), 8,
                  align="right")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
