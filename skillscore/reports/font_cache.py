"""ReportLab's reading of a font file, kept between runs in the user's cache (issue 18).

ReportLab reads every glyph's metrics when it loads a TrueType file (``extractInfo``): about
0.13 s for the 5 MB WenQuanYi collection, on every command that prints a sheet. The face it
builds is pickled into the user's cache folder (``system.folders.cache_dir``) under a name
made of the font file's name, size and modification time and ReportLab's and Python's
versions, so any change to either reads the font afresh; loading the pickle takes ~0.04 s.
Written beside its final name and renamed, so a cache file that exists is whole. Any
problem reading or writing it is ignored: the font is then parsed as before. The pickle
is only ever read from the user's own cache folder, which only that user can write.

The face goes into ReportLab's own ``TTFont.__init__`` (its ``TTFontFace`` stood in for the
moment, under a lock), so everything else about the font stays ReportLab's.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path

from ..system.folders import cache_dir

_LOCK = threading.Lock()


def tt_font(name: str, path: Path, *, cache: Path | None = None):
    """``TTFont(name, path, subfontIndex=0)``, with the parsed face from the cache when it is there."""
    from reportlab.pdfbase import ttfonts

    face = _cached_face(Path(path), cache)
    if face is None:
        return ttfonts.TTFont(name, str(path), subfontIndex=0)
    with _LOCK:
        original = ttfonts.TTFontFace
        ttfonts.TTFontFace = lambda *args, **kwargs: face
        try:
            return ttfonts.TTFont(name, str(path), subfontIndex=0)
        finally:
            ttfonts.TTFontFace = original


def _cached_face(path: Path, cache: Path | None):
    import reportlab
    from reportlab.pdfbase.ttfonts import TTFontFace

    try:
        stat = path.stat()
        folder = cache if cache is not None else cache_dir(create=False) / "fonts"
    except OSError:
        return None
    version = f"rl{reportlab.Version}-py{sys.version_info[0]}{sys.version_info[1]}"
    stored = folder / f"{path.name}-{stat.st_size}-{stat.st_mtime_ns}-{version}.pickle"
    try:
        with open(stored, "rb") as f:
            face = pickle.load(f)
        if isinstance(face, TTFontFace):
            _restore_scale(face)
            return face
    except Exception:  # missing, damaged or from another ReportLab: parse the font again
        pass
    face = TTFontFace(str(path), subfontIndex=0)
    _store(face, stored)
    return face


def _restore_scale(face) -> None:
    # ReportLab keeps the em scale as a lambda (extractInfo), which pickle cannot carry.
    upem = face.unitsPerEm
    if upem == 1000:
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / upem
        face._pdfScale = lambda x: x * mult


def _store(face, stored: Path) -> None:
    scale = face.__dict__.pop("_pdfScale", None)
    part = stored.with_name(f"{stored.name}.{os.getpid()}.part")
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "wb") as f:
            pickle.dump(face, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, stored)
    except Exception:  # a cache that cannot be written costs only time
        try:
            part.unlink()
        except OSError:
            pass
    finally:
        if scale is not None:
            face._pdfScale = scale
