"""Backups of the competition file, with SQLite's online backup API.

Each backup is written to a temporary name, checked with ``PRAGMA integrity_check`` and
only then given its real name, so a listed backup is always a good one. Backups live in a
folder beside the file (``NAME.backups/``) and, when the committee names one, a second
folder too (a USB stick). Rotation keeps the most recent ones and the newest one per day.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Callable, NamedTuple

from ..errors import RefusedError, system_reason
from ..system.files import NAME_MAX, PATH_BUDGET, absolute, atomic_path, byte_len, fit_name, fsync_dir
from ..messages import register
from .connection import has_competition_tables

KEEP_RECENT = 20
KEEP_DAYS = 60
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z_-]+)\.sqlite$")

register(
    {
        "backup_damaged": (
            "备份 {path} 未通过完整性检查，已弃用：{detail}",
            "Backup {path} failed its integrity check and was discarded: {detail}",
        ),
        "backup_missing": ("找不到备份：{path}", "Backup not found: {path}"),
        "second_backup_away": (
            "备份已保存在本机，但第二备份位置 {folder} 不在（U盘拔出了？）：插好U盘后，下次备份会再复制过去",
            "The backup is kept on this computer, but the second folder {folder} is not there (the USB stick "
            "pulled out?): plug it in, and the next backup is copied there again",
        ),
        "second_backup_failed": (
            "备份已保存在本机，但未能复制到第二备份位置 {folder}（{reason}）：请检查U盘是否插好",
            "The backup is kept on this computer, but copying it to the second folder {folder} failed ({reason}): "
            "check that the USB stick is plugged in",
        ),
        "backup_other_file": (
            "{path} 不是本竞赛文件的备份",
            "{path} is not a backup of this competition file",
        ),
    }
)

REASONS = {
    "manual": ("手动备份", "manual"),
    "open": ("打开时", "on open"),
    "periodic": ("定时（每10分钟）", "every 10 minutes"),
    "close": ("关闭时", "on close"),
    "before-import": ("导入前", "before import"),
    "before-tie": ("裁定并列前", "before a tie decision"),
    "before-finalize": ("定稿前", "before finalising"),
    "finalize": ("定稿后", "after finalising"),
    "before-reopen": ("撤销定稿前", "before reopening"),
    "before-restore": ("恢复备份前", "before restoring"),
    "before-migrate": ("升级文件格式前", "before migrating the file"),
    "before-settings": ("修改设置前", "before changing settings"),
}


class Backup(NamedTuple):
    """One backup file, with the time and the reason (a key of REASONS) its name records."""

    path: Path
    at: dt.datetime
    reason: str


# A backup's name adds its time, counter and reason (about 37 bytes) to the file's stem, and
# while it is written the temporary name adds 14 more; the backups' folder adds ".backups"
# to the file's name. An 80-character Chinese file name made every backup, and so every
# import, fail with "File name too long" (and a deep folder would pass SQLite's 512-byte
# path limit). So the folder and the backups' names are shortened where they must be (their
# start kept, a hash of the whole for uniqueness, see system/files.py fit_name); a file
# with a short name in a short path gets them as they always were.
BACKUP_NAME_EXTRA = len("-20250920-093000-999-before-settings.sqlite") + len("..12345678.tmp")
BACKUP_NAME_ROOM = 80  # what a backup's name needs at least, stem included


def backup_stem(stem: str, folder: Path | None = None) -> str:
    """The stem a backup's name in ``folder`` starts with (the file's stem, shortened if need be)."""
    limit = NAME_MAX if folder is None else min(NAME_MAX, PATH_BUDGET - byte_len(absolute(folder)) - 1)
    return fit_name(stem, BACKUP_NAME_EXTRA, limit)


def _is_stem(found: str, stem: str) -> bool:
    """Whether a backup's stem is ``stem``, whole or shortened by fit_name (in any folder)."""
    if found == stem:
        return True
    head, sep, digest = found.rpartition("~")
    return bool(sep) and digest == fit_name(stem, NAME_MAX + 1)[-8:] and stem.startswith(head)


def backup_dir(live: Path) -> Path:
    live = Path(live)
    limit = min(NAME_MAX, PATH_BUDGET - BACKUP_NAME_ROOM - byte_len(absolute(live.parent)) - 1)
    return live.with_name(fit_name(live.name, len(".backups"), limit) + ".backups")


def integrity_problem(path: Path) -> str | None:
    """None if SQLite's integrity_check says ok, else what it says."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:5])


def _stamp_time(at: str) -> dt.datetime:
    """'20250920-143005' (digits, as _NAME matched) → its time. Not strptime: its first use
    imports _strptime and the locale machinery, ~10 ms of every command (files open here)."""
    return dt.datetime(int(at[:4]), int(at[4:6]), int(at[6:8]), int(at[9:11]), int(at[11:13]), int(at[13:15]))


def list_backups(live: Path) -> list[Backup]:
    """This file's backups, newest first."""
    return backups_in(backup_dir(Path(live)), Path(live).stem)


def backups_in(folder: Path, stem: str) -> list[Backup]:
    """The backups of the file named ``stem`` in ``folder`` (beside it, or on a USB stick)."""
    found = []
    for p in folder.glob("*.sqlite") if folder.is_dir() else ():
        m = _NAME.match(p.name)
        if m and _is_stem(m["stem"], stem):
            try:
                at = _stamp_time(m["at"])
            except ValueError:  # named like a backup, with no such time: not one of ours
                continue
            found.append((int(m["n"] or 1), Backup(p, at, m["reason"])))
    # Within one second, the name's counter (-2, -3 …) says which came later.
    return [b for _, b in sorted(found, key=lambda nb: (nb[1].at, nb[0]), reverse=True)]


def _copy_with_backup_api(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        dest.close()


def create_backup(
    live: Path, reason: str, *, now: dt.datetime, conn: sqlite3.Connection | None = None,
    second_folder: Path | None = None, second_failed: Callable[[RefusedError], None] | None = None,
) -> Path:
    """Back up ``live`` (through ``conn`` if the caller has it open) and rotate; then copy
    it to ``second_folder``. The second copy never fails the backup, nor the action that
    asked for it (a tie, closing the desk): the stick may have been pulled. What went wrong
    goes to ``second_failed`` as a refusal, worded where it is shown (or is raised, without it)."""
    live = Path(live)
    folder = backup_dir(live)
    folder.mkdir(exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    # Backups within the same second are numbered in the order they are made (-2, -3 …),
    # whatever their reason, so the list can always say which came later.
    n = len([b for b in backups_in(folder, live.stem) if b.at == now.replace(microsecond=0)]) + 1
    stem = backup_stem(live.stem, folder)
    name = f"{stem}-{stamp}-{reason}.sqlite" if n == 1 else f"{stem}-{stamp}-{n}-{reason}.sqlite"
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{stamp}-{n}-{reason}.sqlite"
    target = folder / name
    own = conn is None
    source = sqlite3.connect(live) if own else conn
    try:
        with atomic_path(target) as tmp:
            _copy_with_backup_api(source, tmp)
            problem = integrity_problem(tmp)
            if problem:
                raise RefusedError("backup_damaged", path=str(target), detail=problem)
    finally:
        if own:
            source.close()
    rotate(folder, live.stem)
    if second_folder:
        try:
            _copy_to_second(target, Path(second_folder), live.stem, name[len(stem):])
        except (OSError, ValueError, RefusedError) as exc:
            if second_failed is None:
                raise
            if not isinstance(exc, RefusedError):
                exc = RefusedError("second_backup_failed", folder=str(second_folder),
                                   reason=system_reason(exc))
            second_failed(exc)
    return target


def _copy_to_second(target: Path, second: Path, live_stem: str, tail: str) -> None:
    if not second.is_dir():  # not made here: a missing folder is a stick not plugged in
        raise RefusedError("second_backup_away", folder=str(second))
    far = backup_stem(live_stem, second)  # the stick's folder may be deeper
    with atomic_path(second / (far + tail)) as tmp:
        import shutil  # here: ~3 ms (its compression modules) every command would pay

        shutil.copyfile(target, tmp)
    rotate(second, live_stem)


def rotate(folder: Path, stem: str, *, keep_recent: int = KEEP_RECENT, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Keep the newest ``keep_recent`` backups and the newest one of each earlier day."""
    backups = backups_in(folder, stem)
    keep = {b.path for b in backups[:keep_recent]}
    newest_of_day: dict[dt.date, Path] = {}
    for b in backups:  # newest first, so the first seen of each day is its newest
        newest_of_day.setdefault(b.at.date(), b.path)
    keep |= {path for _, path in sorted(newest_of_day.items(), reverse=True)[:keep_days]}
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    if removed:
        fsync_dir(folder)
    return removed


def restore_into(live_conn: sqlite3.Connection, backup: Path) -> None:
    """Replace the live file's content with the backup's, inside SQLite (WAL-safe).

    Only a backup of this very competition (its ``competition_id``): an empty file or
    another program's database passes the integrity check, and restoring one left a file
    that no longer opened; another sitting's file would silently become this one. A
    backup from before files had an id (schema < 5: "before-migrate", or older) is taken
    if it is a competition file at all, and keeps this file's id."""
    problem = integrity_problem(backup)
    if problem:
        raise RefusedError("backup_damaged", path=str(backup), detail=problem)
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        ours, theirs = _competition_id(live_conn), _competition_id(source)
        if theirs != ours and (theirs is not None or not has_competition_tables(source)):
            raise RefusedError("backup_other_file", path=str(backup))
        source.backup(live_conn)
    finally:
        source.close()
    if theirs is None and ours is not None:  # the next opening migrates it; the id stays this file's
        live_conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('competition_id', ?)", [ours])


def _competition_id(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='competition_id'").fetchone()
    except sqlite3.DatabaseError:  # no meta table: not a competition file at all
        return None
    return row[0] if row else None
