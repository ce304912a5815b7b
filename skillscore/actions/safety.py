"""Where the file may be written, and its backups (issue 7). Mixed into Competition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..storage.backup import backup_dir, create_backup, list_backups, restore_into
from ..errors import RefusedError, system_reason
from ..messages import register
from ..system.location import unsafe_reason

BACKUP_EVERY = dt.timedelta(minutes=10)

register({
    "second_folder_relative": ("第二备份位置「{folder}」不是完整路径：请写出盘符或根目录，如 E:\\skillscore备份",
                               "The second backup folder '{folder}' is not a whole path: give its drive or root, "
                               "e.g. E:\\skillscore backups"),
    "second_folder_own": ("第二备份位置「{folder}」就是本机的备份文件夹：请选另一处（如U盘）",
                          "The second backup folder '{folder}' is this computer's own backups folder: choose "
                          "another place (a USB stick)"),
    "second_folder_bad": ("第二备份位置「{folder}」无法使用（{reason}）：请选另一个文件夹",
                          "The second backup folder '{folder}' cannot be used ({reason}): choose another folder"),
})
LOCATION_WORDS = {"removable": ("可移动磁盘（U盘）", "removable drive"), "network": ("网络共享", "network share")}


class SafetyMixin:
    # What the last backup's copy to the second folder met, if it failed (None: it did not);
    # worded by whoever shows it, in the user's language.
    second_backup_problem: RefusedError | None = None

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
        self.second_backup_problem = None
        path = create_backup(self.path, reason, now=now.replace(tzinfo=None), conn=self.store.db.conn,
                             second_folder=Path(second) if second else None, second_failed=self._second_failed)
        self._last_backup = now.replace(tzinfo=None)
        self._changed_since_backup = False
        return path

    def _second_failed(self, problem: RefusedError) -> None:
        """The last backup's copy to the second folder failed: the desk and the command
        say so (the backup itself, on this computer, was made)."""
        self.second_backup_problem = problem

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
        if folder:
            folder = _second_folder(Path(folder), backup_dir(self.path))
        with self.store.transaction():
            old = self.store.meta("second_backup_folder")
            self.store.set_meta("second_backup_folder", str(folder) if folder else "")
            self._audit("setting", field="second_backup_folder", old=old, new=str(folder) if folder else "")

    def copy_to(self, target: str | Path) -> Path:
        """Copy this file to ``target`` (e.g. a backup copy for another desk)."""
        return copy_file(self.path, target)


def _second_folder(folder: Path, own: Path) -> Path:
    """The folder a committee names for the second copies, checked once when named: whole
    (a relative one would follow the desk's working folder; ~ is the user's), not the
    file's own backups folder, made if need be, and writable."""
    if "\0" in str(folder):
        raise RefusedError("second_folder_bad", folder=str(folder).replace("\0", "␀"), reason="NUL")
    folder = folder.expanduser()
    if not folder.is_absolute():
        raise RefusedError("second_folder_relative", folder=str(folder))
    if folder.resolve() == own.resolve():
        raise RefusedError("second_folder_own", folder=str(folder))
    try:
        import tempfile  # here: it loads shutil and random, which no other command needs

        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise RefusedError("second_folder_bad", folder=str(folder), reason=system_reason(exc)) from None
    return folder


def copy_file(source: str | Path, target: str | Path) -> Path:
    """Copy a competition file off a USB stick or share without writing to it.

    Read-only, with SQLite's backup API, to a temporary name renamed into place: the
    source is never opened for writing, so no journal files appear on the stick.
    """
    import sqlite3

    from ..storage.database import look_before_copying
    from ..system.files import atomic_path

    target = Path(target)
    if target.exists():
        raise RefusedError("file_exists", path=str(target))
    # Refused if a folder, missing, empty or another program's; read immutable: no lock or
    # -shm/-wal files are created next to the source (unless a -wal is already there).
    source_conn = sqlite3.connect(look_before_copying(Path(source)), uri=True)
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
