"""Bundled resources the frozen app ships compressed, unpacked once into the user's cache.

The rare-name fallback fonts (issue 13) are 38 MB of TrueType and 16 MB as xz; an installer
and a portable zip are smaller by the difference (issue 15). build.spec ships ``NAME.xz``
in place of ``NAME``; ``resource_file`` returns the plain file where it exists (a checkout,
tests) and otherwise unpacks the .xz into the cache the first time it is asked (about half
a second for the largest font) and returns that copy from then on.

The copy is written beside its final name, flushed to disk and renamed (atomic on Windows
and POSIX), so a copy that exists is whole, whatever happened to the laptop meanwhile; two
programs unpacking at once each write their own temporary file. Its name carries the
packed file's size, so a new version of the program never uses an old copy. Where the cache
cannot be written (a locked-down account) the system's temporary folder is used.
"""

from __future__ import annotations

import lzma
import os
import shutil
import tempfile
from pathlib import Path

from .folders import cache_dir

SUFFIX = ".xz"


def resource_file(path: Path, *, cache: Path | None = None) -> Path:
    """``path`` itself, or its unpacked copy when only ``path.xz`` is bundled. A resource
    missing in both forms returns ``path``: the caller reports it as it always did."""
    path = Path(path)
    packed = path.with_name(path.name + SUFFIX)
    if path.is_file() or not packed.is_file():
        return path
    name = f"{path.stem}-{packed.stat().st_size}{path.suffix}"
    places = [cache] if cache is not None else []
    places += [_user_cache(), Path(tempfile.gettempdir()) / "skillscore-unpacked"]
    problem: OSError | None = None
    for place in places:
        if place is None:
            continue
        target = place / name
        if target.is_file():
            return target
        try:
            return _unpack(packed, target)
        except OSError as exc:  # not writable here: try the next place
            problem = exc
    raise problem or FileNotFoundError(path)


def _user_cache() -> Path | None:
    try:
        return cache_dir(create=False) / "unpacked"
    except OSError:
        return None


def _unpack(packed: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        with lzma.open(packed) as source, open(part, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
    finally:
        if part.exists():
            part.unlink()
    return target
