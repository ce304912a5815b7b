"""ReportLab's reading of a font file, kept between runs in the user's cache (issue 18).

ReportLab reads every glyph's metrics when it loads a TrueType file (``extractInfo``): about
0.13 s for the 5 MB WenQuanYi collection, on every command that prints a sheet. The font it
builds (``TTFont``: its attributes, with the parsed face) is pickled into the user's cache
folder (``system.folders.cache_dir``) under a name made of the font's name, the file's name,
size and modification time and ReportLab's and Python's versions, so any change to either
reads the font afresh; loading the pickle takes ~0.02 s. What is stored is exactly what
ReportLab's own ``__init__`` made, so a font from the cache is that font again; nothing of
ReportLab is replaced, even for a moment (sheets are also made in the desk's worker threads).
One part is restored only when first read: the face's glyph → characters map, which ReportLab
consults for harfbuzz shaping alone (no sheet shapes text), and whose 30,000 small lists were
half the loading time (``_GlyphToChar``). Two lists ReportLab only indexes, to cut a subset
out of the font, are stored as arrays of numbers (``_Metrics``; ``glyphPos`` an ``array``):
50,000 pairs and 50,000 numbers each load in ~0.1 ms instead of ~9 ms together.

Beside it, the code points the main font lacks (``coverage_gaps``, a few kilobytes of JSON):
a roster import asks of every name whether it needs a fallback font, and with that list it
asks without importing ReportLab or loading the font (~0.08 s of a 10,000-row import).

``pickle`` is imported where a font is read or stored: a roster import reads the gaps alone.

Written with ``system.files.atomic_path``, so a cache file that exists is whole; a new one
replaces the older ones of the same font. Any problem reading or writing it is ignored: the
font is then parsed as before. The pickle is only ever read from the user's own cache
folder, which only that user can write.
"""

from __future__ import annotations

import copy
import json
from array import array
import sys
from pathlib import Path
from typing import Callable
from weakref import WeakKeyDictionary

from ..system.files import atomic_path, prune_siblings
from ..system.folders import cache_dir


def tt_font(name: str, path: Path, *, cache: Path | None = None):
    """``TTFont(name, path, subfontIndex=0)``, from the cache when it is there."""
    from reportlab.pdfbase.ttfonts import TTFont

    stored = _stored_path(name, Path(path), cache)
    font = _load(stored) if stored is not None else None
    if font is None:
        font = TTFont(name, str(path), subfontIndex=0)
        if stored is not None:
            _store(font, stored, _prefix(name, Path(path)))
    return font


Gaps = list[tuple[int, int]]


def coverage_gaps(name: str, path: Path, compute: Callable[[], Gaps], *, cache: Path | None = None) -> Gaps:
    """The code-point ranges (first, last) the font lacks: ``compute()`` once, then from the cache."""
    stored = _stored_path(name, Path(path), cache, suffix=GAPS)
    if stored is not None:
        try:
            gaps = [(int(a), int(b)) for a, b in json.loads(stored.read_text(encoding="ascii"))]
            if gaps and all(0 <= a <= b <= 0x10FFFF for a, b in gaps):
                return gaps
        except Exception:  # missing, damaged or unreadable: ask the font again
            pass
    gaps = compute()
    if stored is not None:
        _keep(stored, _prefix(name, Path(path)), ".gaps.json",
              lambda part: part.write_text(json.dumps(gaps), encoding="ascii"))
    return gaps


# Each kind of file names its format: a program reading another format's file computes
# another name and never opens it (an older program once loaded a newer pickle whole).
PICKLE = "-f3.pickle"  # f3: hmetrics and glyphPos as arrays (f2: glyphToChar stored beside the face)
GAPS = "-g1.gaps.json"


def _stored_path(name: str, path: Path, cache: Path | None, suffix: str = PICKLE) -> Path | None:
    import reportlab  # its version only: the package's __init__ is light

    try:
        stat = path.stat()
        folder = cache if cache is not None else cache_dir(create=False) / "fonts"
    except Exception:  # no file, or no home folder to find a cache in: parse as before
        return None
    version = f"rl{reportlab.Version}-py{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"{_prefix(name, path)}{stat.st_size}-{stat.st_mtime_ns}-{version}{suffix}"


def _prefix(name: str, path: Path) -> str:
    """What every cache file of this font, of any format or version, is named from."""
    return f"{name}-{path.name}-"


def _keep(stored: Path, prefix: str, kind: str, write: Callable[[Path], None]) -> None:
    """Write a cache file whole (``write`` fills a temporary path) and let it replace the
    font's older files of its ``kind`` (another file time, format, ReportLab or Python).
    A cache that cannot be written costs only time."""
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(stored) as part:
            write(part)
    except Exception:
        return
    prune_siblings(stored, prefix, kind)


class _GlyphToChar(dict):
    """A face's ``glyphToChar``, unpickled from ``blob`` the first time anything reads it."""

    def __init__(self, blob: bytes):
        super().__init__()
        self.blob: bytes | None = blob

    def _filled(self) -> "_GlyphToChar":
        if self.blob is not None:
            import pickle

            dict.update(self, pickle.loads(self.blob))
            self.blob = None
        return self

    def __reduce__(self):  # pickled or copied as the plain dict it stands for
        return dict, (dict(self._filled()),)


class _Metrics:
    """A face's ``hmetrics`` (each glyph's advance width and left side bearing), as two
    arrays. ReportLab reads it only as ``aw, lsb = hmetrics[glyph]`` and writes ``int(aw)``
    into a subset; the widths are kept as the floats or integers it stored, as doubles."""

    def __init__(self, pairs):
        self.widths = array("d", (aw for aw, _ in pairs))
        self.bearings = array("i", (lsb for _, lsb in pairs))  # read as unsigned shorts

    def __len__(self) -> int:
        return len(self.bearings)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self.widths[glyph], self.bearings[glyph]

    def __iter__(self):
        return zip(self.widths, self.bearings)


def _reader(name: str):
    def read(self, *args, **kwargs):
        return getattr(dict, name)(self._filled(), *args, **kwargs)
    return read


for _name in ("__getitem__", "__contains__", "__iter__", "__reversed__", "__len__", "__eq__", "__ne__", "__repr__",
              "__bool__", "__or__", "__ror__", "__ior__", "get", "setdefault", "keys", "values", "items", "pop",
              "popitem", "clear", "copy", "update", "__setitem__", "__delitem__"):
    if hasattr(dict, _name):
        setattr(_GlyphToChar, _name, _reader(_name))


def _load(stored: Path):
    import pickle

    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    try:
        with open(stored, "rb") as f:
            attributes = pickle.load(f)
        face = attributes.get("face") if isinstance(attributes, dict) else None
        if not isinstance(face, TTFontFace) or not isinstance(attributes.get("glyphToChar"), bytes) \
                or not isinstance(getattr(face, "hmetrics", None), _Metrics) \
                or not isinstance(getattr(face, "glyphPos", None), array):
            return None
        attributes["face"].glyphToChar = _GlyphToChar(attributes.pop("glyphToChar"))
        font = TTFont.__new__(TTFont)
        font.__dict__.update(attributes)
        font.state = WeakKeyDictionary()  # what __init__ starts with: no document seen yet
        _restore_scale(font.face)
        return font
    except Exception:  # missing, damaged or unreadable: parse the font again
        return None


def _restore_scale(face) -> None:
    # ReportLab keeps the em scale as a lambda (extractInfo), which pickle cannot carry.
    upem = face.unitsPerEm
    if upem == 1000:
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / upem
        face._pdfScale = lambda x: x * mult


def _store(font, stored: Path, prefix: str) -> None:
    import pickle

    # Copies: the font itself may already be drawing in another thread.
    face = copy.copy(font.face)
    face.__dict__.pop("_pdfScale", None)
    attributes = {k: v for k, v in font.__dict__.items() if k != "state"}
    attributes["face"] = face
    attributes["glyphToChar"] = pickle.dumps(face.__dict__.pop("glyphToChar"), protocol=pickle.HIGHEST_PROTOCOL)
    face.hmetrics, face.glyphPos = _Metrics(face.hmetrics), array("I", face.glyphPos)  # 32-bit offsets

    def write(part: Path) -> None:
        with open(part, "wb") as f:
            pickle.dump(attributes, f, protocol=pickle.HIGHEST_PROTOCOL)
    _keep(stored, prefix, ".pickle", write)
