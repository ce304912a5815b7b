"""Writing files so that a crash or a pulled USB stick never leaves half a file.

Write to a temporary name in the same folder, flush and fsync, rename over the target,
fsync the folder. A reader sees the old file or the new one, never a mixture.

On Windows a rename over a file fails with PermissionError while another program has it
open: an antivirus or the indexer for a moment (retried with backoff, about 1.5 s in
all), Excel or WPS for as long as the sheet is open there (then the user is asked to
close it; nothing was changed).
"""

from __future__ import annotations

import errno
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import RefusedError
from ..messages import register

register({"output_in_use": (
    "无法写入 {path}：该文件正被其他程序打开（如 Excel 或 WPS）。请先关闭该文件，再重试。",
    "Cannot write {path}: the file is open in another program (Excel or WPS, say). Close it first, then try again.",
), "output_is_database": (
    "不能写入 {path}：这是一个比赛数据文件（或其备份），写入会覆盖其中的全部成绩。请另选文件名。",
    "Will not write {path}: it is a competition file (or a backup of one), and writing would replace every mark in it. "
    "Choose another name.",
)})

_SQLITE_HEADER = b"SQLite format 3\x00"

# Limits of names and paths, in UTF-8 bytes (a Chinese character is 3): a file name may have
# 255 (Linux; Windows counts 255 UTF-16 units, fewer bytes never hurt), and SQLite's unix
# VFS opens no path longer than 512 (MAX_PATHNAME), so derived names keep under 496 to
# leave room for "-journal" and a margin.
NAME_MAX = 255
PATH_BUDGET = 496


def byte_len(text: str | Path) -> int:
    return len(str(text).encode("utf-8"))


def fit_name(name: str, extra: int, limit: int = NAME_MAX) -> str:
    """``name`` as it is when ``extra`` more bytes still fit in ``limit``; otherwise its start
    (whole characters) and ``~`` and a hash of the whole name, which keeps names apart."""
    if byte_len(name) + extra <= limit:
        return name
    import hashlib  # not at the top: OpenSSL's loading (~4 ms) only for a name too long

    digest = "~" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    room = max(0, limit - extra - len(digest))
    return name.encode("utf-8")[:room].decode("utf-8", errors="ignore") + digest


def absolute(path: str | Path) -> str:
    """The path as SQLite and the system see it: made absolute, without resolving links."""
    return os.path.abspath(path)


# Pauses between tries of a rename refused with PermissionError: 1.55 s in all.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


def replace_file(source: str | Path, target: str | Path) -> None:
    """os.replace, tried again while another program briefly holds the target; a target
    still held after the last try is refused with "close the file first". A database is
    never replaced: nothing written here is one over an existing file (backups and copies
    take new names), so a database there is the competition file given as an output's name
    by mistake (``export FILE FILE``), and replacing it would lose every mark."""
    if holds_database(target):
        raise RefusedError("output_is_database", path=str(target))
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise RefusedError("output_in_use", path=str(target)) from None
            time.sleep(delay)


def holds_database(path: str | Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:  # not there (the usual case), a folder, or unreadable: nothing to keep
        return False


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` durably."""
    target = Path(target)
    if not target.parent.is_dir():  # said of the folder, not of the temporary name made in it
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    # The temporary name adds 14 bytes to the target's: a name near the limits (long Chinese
    # names, deep folders) is shortened there, never the target's own.
    room = min(200, PATH_BUDGET - byte_len(absolute(target.parent)) - 1 - len("..12345678.tmp"))
    start = target.name.encode("utf-8")[:max(0, room)].decode("utf-8", errors="ignore")
    import tempfile  # here: it loads shutil and random, ~7 ms no read-only command needs

    fd, tmp = tempfile.mkstemp(prefix=f".{start}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        _readable_by_others(tmp_path)
        with open(tmp_path, "rb+") as f:
            os.fsync(f.fileno())
        replace_file(tmp_path, target)
        fsync_dir(target.parent)  # so the rename itself survives pulling the stick
    finally:
        tmp_path.unlink(missing_ok=True)


def _readable_by_others(path: Path) -> None:
    """mkstemp makes files 0600; a sheet or a handoff file is meant to be read by others."""
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(path, 0o666 & ~umask)
    except OSError:
        pass  # FAT sticks on Linux refuse chmod (EPERM); they have no modes anyway


def atomic_write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def prune_siblings(kept: Path, prefix: str, suffix: str, *,
                   middle: Callable[[str], bool] = lambda text: True) -> None:
    """Remove the files beside ``kept`` named ``prefix…suffix`` (``middle`` tests the part
    between): older copies of what ``kept`` is the new one of. One still open in another
    program (Windows) stays, to go next time."""
    for old in kept.parent.glob(f"{prefix}*{suffix}"):
        if old != kept and middle(old.name[len(prefix):len(old.name) - len(suffix)]):
            try:
                old.unlink()
            except OSError:
                pass
