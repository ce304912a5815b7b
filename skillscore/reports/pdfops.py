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

import queue
import sys
import threading
import zlib
from contextlib import contextmanager
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics

from .fonts import load, needs_fallback, runs


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """Flate at level 1: a 10,000-row sheet's 8 MB of page operators compress in ~50 ms
    instead of ~140 ms at zlib's default level, for a file ~20 % larger (1.7 MB instead
    of 1.4 MB); PDF readers inflate both alike. A page stream ``PageFlate`` compressed
    already is taken from it."""

    def encode(self, text):
        done = PageFlate.done.pop(id(text), None)
        if done is not None and done[0] is text:
            return done[1]
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


class PageFlate:
    """A sheet's page streams compressed on the other core while the next pages are drawn.

    ReportLab compresses every page stream when the document is saved, ~50 ms of the
    10,000-row sheet's save after all its pages are drawn; zlib lets go of Python's lock
    while it compresses, so a thread can do it page by page meanwhile (issue 18). The
    results wait in ``done`` under the stream's id, with the stream itself, so a stream
    that is not the very same object is compressed afresh when saved (the same bytes:
    the same call on the same text)."""

    done: dict[int, tuple[str, bytes]] = {}  # shared by sheets written at once (desk workers)

    def __init__(self) -> None:
        self._todo: queue.SimpleQueue = queue.SimpleQueue()
        self._mine: list[int] = []
        self._thread = threading.Thread(target=self._work, name="page-flate", daemon=True)
        self._thread.start()

    def __enter__(self) -> "PageFlate":
        return self

    def __exit__(self, *exc) -> None:
        """After the save, or a failure: what the save did not take is dropped."""
        self.finish()
        for key in self._mine:
            self.done.pop(key, None)

    def show_page(self, canvas) -> None:
        """``canvas.showPage()``, and the page it closes handed to the thread."""
        canvas.showPage()
        stream = canvas._doc.Pages.pages[-1].stream
        if isinstance(stream, str):
            self._mine.append(id(stream))
            self._todo.put(stream)

    def _work(self) -> None:
        done = self.done
        while (stream := self._todo.get()) is not None:
            done[id(stream)] = (stream, zlib.compress(stream.encode("utf8"), 1))

    def finish(self) -> None:
        """Before the document is saved: wait for the pages still being compressed."""
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join()


SWITCH_INTERVAL = 0.001  # seconds; see pdf_streams


class _Streams:
    """Who is writing a sheet now: the desk writes sheets in worker threads, and two at once
    must not leave ReportLab's settings as the other found them (set by the first to
    start, put back by the last to finish)."""

    lock = threading.Lock()
    writers = 0
    saved: tuple = ()


@contextmanager
def pdf_streams():
    """While a sheet is written: Flate alone (ASCII85 on top only makes the file bigger,
    and is slow in pure Python), at level 1. ReportLab reads both settings from its
    module globals when the document is saved, so they are set around the whole writing
    and put back after it.

    And Python's switch interval at 1 ms instead of 5: ``PageFlate``'s thread needs
    Python's lock for a moment before and after each page it compresses, and waited up
    to 5 ms for it each time while the pages were drawn, so it compressed one page in
    three and left the rest to the save (issue 18)."""
    with _Streams.lock:
        if not _Streams.writers:
            _Streams.saved = (rl_config.useA85, pdfdoc.PDFZCompress, sys.getswitchinterval())
            rl_config.useA85, pdfdoc.PDFZCompress = 0, _FastFlate()
            sys.setswitchinterval(min(SWITCH_INTERVAL, _Streams.saved[2]))
        _Streams.writers += 1
    try:
        yield
    finally:
        with _Streams.lock:
            _Streams.writers -= 1
            if not _Streams.writers:
                rl_config.useA85, pdfdoc.PDFZCompress, interval = _Streams.saved
                sys.setswitchinterval(interval)


@lru_cache(maxsize=64)
def rgb(colour) -> str:
    # A sheet has a handful of colours and asks ~20,000 times at 10,000 rows (~1 µs each).
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f}"


class Encodings:
    """How one document's strings are written, kept by the caller for the life of that
    document: a glyph's subset and code never change once ReportLab has assigned them.

    ``strings``: each distinct string's ``(subset font name, Tj operator)`` pairs, so a
    string is encoded once (units repeat on thousands of rows). ``chars``: each character
    of the sheet font assigned so far, as ``(subset font name, two hex digits)``; a string
    made only of such characters is encoded from this table instead of by ReportLab's
    ``splitString``, a pure-Python loop of ~8 µs a string (34,000 distinct strings on a
    10,000-row sheet). Both give the same bytes (tests/test_pdfops.py). ``places``: each
    coordinate as written (``%.2f``): a table's rows sit at the same heights on every page
    and its columns at the same offsets, so ~220,000 numbers are a few thousand distinct."""

    def __init__(self) -> None:
        self.strings: dict[str, list[tuple[str, str]]] = {}
        self.chars: dict[str, tuple[str, str]] = {}
        self.places: dict[float, str] = {}


class TextOps:
    """One BT … ET block: strings placed at absolute positions in one font."""

    def __init__(self, canvas, font_name: str, encodings: Encodings | None = None):
        self.canvas = canvas
        self.doc = canvas._doc  # the document the font subsets belong to
        self.font = pdfmetrics.getFont(font_name)
        self.ops: list[str] = []
        self.size = 0.0
        self.current = ""  # the font subset last selected with Tf
        encodings = encodings or Encodings()
        self._encoded, self._chars, self._places = encodings.strings, encodings.chars, encodings.places

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
        chars = self._chars
        try:
            coded = [chars[ch] for ch in text]
        except KeyError:  # a character not seen yet (or not in the sheet font)
            return self._encode_new(text)
        if not coded:
            return []
        out: list[tuple[str, str]] = []
        name, digits = coded[0]
        for subset, pair in coded[1:]:
            if subset == name:
                digits += pair
            else:
                out.append((name, f"<{digits}> Tj"))
                name, digits = subset, pair
        out.append((name, f"<{digits}> Tj"))
        return out

    def _encode_new(self, text: str) -> list[tuple[str, str]]:
        """Through ReportLab, which assigns the new characters their codes; the sheet
        font's assignments then go into the table for the next strings."""
        doc, font = self.doc, self.font
        parts = [(font, text)] if not needs_fallback(text) else [(load(n), t) for n, t in runs(text)]
        out = [(f.getSubsetInternalName(subset, doc), f"<{b.hex()}> Tj")
               for f, part in parts for subset, b in f.splitString(part, doc)]
        assigned = font.state[doc].assignments if doc in font.state else {}
        for ch in text:
            n = assigned.get(ord(ch))
            if n is not None:  # (a no-break space is written as a space, never assigned itself)
                self._chars[ch] = (font.getSubsetInternalName(n >> 8, doc), f"{n & 0xFF:02x}")
        return out

    def place(self, at: float) -> str:
        """A coordinate as written."""
        written = self._places.get(at)
        if written is None:
            written = self._places[at] = "%.2f" % at
        return written

    def alone(self, x: float, y: float, text: str, size: float) -> str:
        """What ``show`` writes for ``text`` at (x, y) in ``size``, its subset selected
        first, as one string, without adding it to the block."""
        ops, current = self.ops, self.current
        self.ops, self.current, self.size = [], "", size
        self.show(x, y, text)
        written = "\n".join(self.ops)
        self.ops, self.current = ops, current
        return written

    def show(self, x: float, y: float, text: str) -> None:
        ops, places = self.ops, self._places
        at_x = places.get(x)
        if at_x is None:
            at_x = places[x] = "%.2f" % x
        at_y = places.get(y)
        if at_y is None:
            at_y = places[y] = "%.2f" % y
        ops.append(f"1 0 0 1 {at_x} {at_y} Tm")
        chunks = self._encoded.get(text)
        if chunks is None:
            chunks = self._encoded[text] = self._encode(text)
        for name, shown in chunks:
            if name != self.current:
                ops.append(f"{name} {self.size:g} Tf")
                self.current = name
            ops.append(shown)

    def flush(self) -> None:
        block = self.block()
        if block:
            self.canvas.addLiteral(block)

    def block(self) -> str:
        """The operators so far as one BT … ET block ("" if none), and start anew."""
        block = "BT\n" + "\n".join(self.ops) + "\nET\n0 g" if self.ops else ""
        self.ops = []
        self.current = ""
        return block


class Shapes(dict):
    """Rectangles and lines as written, kept for one document: a table's rows sit at the
    same heights on every page, so its ~19,000 rules and tints at 10,000 rows are a few
    hundred distinct (issue 18). Keys: ``(colour, x, y, width, height)`` for a filled
    rectangle, ``(x1, y1, x2, y2)`` for a line."""

    def __missing__(self, key: tuple) -> str:
        if len(key) == 5:
            colour, x, y, w, h = key
            written = self[key] = f"{rgb(colour)} rg {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f"
        else:
            written = self[key] = "%.2f %.2f m %.2f %.2f l" % key
        return written


def fill_rects(canvas, rects: list[tuple[object, float, float, float, float]], written: Shapes | None = None) -> None:
    """Filled rectangles ``(colour, x, y, width, height)`` (row tints) in one literal."""
    if rects:
        body = " ".join(map((written if written is not None else Shapes()).__getitem__, rects))
        canvas.addLiteral(f"q {body} Q")


def stroke_lines(canvas, segments: list[tuple[float, float, float, float]], width: float, colour,
                 written: Shapes | None = None) -> None:
    """Many straight lines as one path: ``(x1, y1, x2, y2)`` each."""
    if not segments:
        return
    path = " ".join(map((written if written is not None else Shapes()).__getitem__, segments))
    canvas.addLiteral(f"q {width:g} w {rgb(colour)} RG {path} S Q")
