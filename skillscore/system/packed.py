"""Bundled resources the frozen app ships compressed, unpacked once into the user's cache.

The rare-name fallback fonts (issue 13) are 38 MB of TrueType and 16 MB as xz; an installer
and a portable zip are smaller by the difference (issue 15). build.spec ships ``NAME.xz``
in place of ``NAME``; ``resource_file`` returns the plain file where it exists (a checkout,
tests) and otherwise unpacks the .xz into the cache the first time it is asked (about half
a second for the largest font) and returns that copy from then on.

The copy is written with ``files.atomic_path`` (a temporary name beside it, fsync, rename),
so a copy that exists is whole, whatever happened to the laptop meanwhile; two programs
unpacking at once each write their own temporary file. Its name carries the
packed file's size, so a new version of the program never uses an old copy, and unpacking a
new copy removes the older ones. Where the cache cannot be written (a locked-down account)
a new private temporary folder is used, never a copy someone else could have left.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RefusedError
from .files import atomic_path, prune_siblings
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
    problem: OSError | None = None
    for place in ([cache] if cache is not None else []) + [_user_cache()]:
        if place is None:
            continue
        target = place / name
        if target.is_file():
            return target
        try:
            unpacked = _unpack(packed, target)
        except OSError as exc:  # not writable here: try the next place
            problem = exc
            continue
        # Copies unpacked by an older version of the program go (each is tens of MB).
        prune_siblings(unpacked, f"{path.stem}-", path.suffix, middle=str.isdigit)
        return unpacked
    import tempfile  # here: the desk asks for its fonts before its first frame (issue 18)

    # Last: a folder of this process's own, never one a copy could already be waiting in
    # (the temporary folder is shared with every other account on the machine).
    try:
        return _unpack(packed, Path(tempfile.mkdtemp(prefix="skillscore-unpacked-")) / name)
    except OSError as exc:
        raise problem or exc


def _user_cache() -> Path | None:
    try:
        return cache_dir(create=False) / "unpacked"
    except Exception:  # no home folder to find a cache in (a service account): the next place
        return None


def _unpack(packed: Path, target: Path) -> Path:
    import lzma
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_path(target) as part, lzma.open(packed) as source, open(part, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    except RefusedError as exc:  # the name held by another program throughout: not here
        raise PermissionError(str(exc)) from None
    return target
