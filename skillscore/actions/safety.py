"""Where the file may be written, and its backups (issue 7). Mixed into Competition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..storage.backup import create_backup, list_backups, restore_into
from ..errors import RefusedError
from ..system.location import unsafe_reason

BACKUP_EVERY = dt.timedelta(minutes=10)
LOCATION_WORDS = {"removable": ("可移动磁盘（U盘）", "removable drive"), "network": ("网络共享", "network share")}


class SafetyMixin:
    # -- safety: location and backups -----------------------------------------------------
    def check_location(self) -> None:
        """Refuse to write to a file on a removable drive or network share (DESIGN.md), or
        on a read-only medium (opened read-only: nothing can be written there)."""
        if self.store.readonly:
            raise RefusedError("file_read_only", path=str(self.path))
        # The file does not move while it is open: look at the mount table once.
        if not hasattr(self, "_location"):
            self._location = unsafe_reason(self.path)
        kind = self._location
        if kind:
            zh, en = LOCATION_WORDS[kind]
            raise RefusedError("unsafe_location", path=str(self.path), kind_zh=zh, kind_en=en)

    def backup(self, reason: str = "manual") -> Path:
        """A checked copy made with SQLite's backup API (and to the second folder, if set)."""
        second = self.store.meta("second_backup_folder") or None
        now = self.clock()
        path = create_backup(self.path, reason, now=now.replace(tzinfo=None), conn=self.store.db.conn,
                             second_folder=Path(second) if second else None)
        self._last_backup = now.replace(tzinfo=None)
        self._changed_since_backup = False
        return path

    def backup_on_open(self) -> Path | None:
        """The desk calls this when it opens a file after a pause of 10 minutes or more."""
        if self._last_backup is None or self.clock().replace(tzinfo=None) - self._last_backup >= BACKUP_EVERY:
            return self.backup("open")
        return None

    def _changed(self) -> None:
        """After every committed change: a backup at most every 10 minutes of changes."""
        self._changed_since_backup = True
        if self._last_backup is None or self.clock().replace(tzinfo=None) - self._last_backup >= BACKUP_EVERY:
            self.backup("periodic")

    def backups(self):
        return list_backups(self.path)

    def restore(self, backup: str | Path) -> Path:
        """Replace the file's content with a backup's; the current state is backed up first."""
        backup = Path(backup)
        if not backup.is_file():
            raise RefusedError("backup_missing", path=str(backup))
        self.check_location()
        safety = self.backup("before-restore")
        restore_into(self.store.db.conn, backup)
        with self.store.transaction():
            self._audit("restore", new=backup.name, reason=f"恢复前的状态已备份为 {safety.name}")
        self._changed_since_backup = False
        return safety

    def set_second_backup_folder(self, folder: str | Path | None) -> None:
        self.check_location()
        with self.store.transaction():
            old = self.store.meta("second_backup_folder")
            self.store.set_meta("second_backup_folder", str(folder) if folder else "")
            self._audit("setting", field="second_backup_folder", old=old, new=str(folder) if folder else "")

    def copy_to(self, target: str | Path) -> Path:
        """Copy this file to ``target`` (e.g. a backup copy for another desk)."""
        return copy_file(self.path, target)


def copy_file(source: str | Path, target: str | Path) -> Path:
    """Copy a competition file off a USB stick or share without writing to it.

    Read-only, with SQLite's backup API, to a temporary name renamed into place: the
    source is never opened for writing, so no journal files appear on the stick.
    """
    import sqlite3

    from ..system.files import atomic_path

    from ..storage.database import look_before_copying

    target = Path(target)
    if target.exists():
        raise RefusedError("file_exists", path=str(target))
    look_before_copying(Path(source))  # a folder, a missing or empty file, another program's database
    source = Path(source).resolve()
    # immutable=1: no lock or -shm/-wal files are created next to the source. Only when a
    # -wal file is already there (the file was not closed cleanly) must SQLite read it.
    wal_left = source.with_name(source.name + "-wal").exists()
    source_conn = sqlite3.connect(f"file:{source}?mode=ro{'' if wal_left else '&immutable=1'}", uri=True)
    try:
        with atomic_path(target) as tmp:
            dest = sqlite3.connect(tmp)
            try:
                source_conn.backup(dest)
            finally:
                dest.close()
    finally:
        source_conn.close()
    return target
