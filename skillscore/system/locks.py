"""The desk's hold on its competition file, kept whatever else the process opens.

What goes wrong without it (issue 13.8, reproduced by tests/gui/test_desk_hold.py):
SQLite on Linux and macOS locks with POSIX fcntl() record locks, and POSIX drops *every*
lock a process holds on a file the moment the process closes *any* descriptor of that
file. Qt's file dialog (its icon and MIME probing) opens and closes FILE.sqlite, -wal and
-shm while it lists their folder, so after Ctrl+P or 导出名单 the desk holds no lock at all
(/proc/locks shows the desk's SHARED range gone). The next command-line process then
believes it is the file's only user: it rebuilds the shared memory, and on closing it
checkpoints and *deletes* the -wal and -shm the desk still has open. The desk goes on
writing into that deleted WAL, a later import writes a fresh one the desk never sees, and
when the desk closes it checkpoints its stale pages over the import: the import is gone
and the audit chain, continued by the desk from its own head, still verifies.

``PRAGMA locking_mode=EXCLUSIVE`` is no cure: it shuts every other program out (the
command line may write while the desk is open), its lock is the same POSIX lock and is
dropped the same way, and the desk would then keep its WAL index privately on the heap
while another process builds a second one in the -shm: two writers on one WAL.

So the desk's hold does not rest on SQLite's POSIX locks alone:
1. ``DeskLock``: a lock file beside the competition file (``NAME.lock``) held with
   flock() (a BSD lock belongs to the open file description: closing other descriptors
   does not drop it) or, on Windows, msvcrt.locking (locks belong to the handle). A second
   desk finds it taken and is told who holds the file since when.
2. ``SqliteHold`` (Linux): SQLite's own hold restated as open-file-description locks
   (F_OFD_SETLK), which closing other descriptors does not drop either: a read lock on the
   database's SHARED byte range, so no other process may take EXCLUSIVE (believe it is the
   last user and delete the WAL), and on the -shm's DMS byte, so none believes it is the
   first and rebuilds the shared memory under the desk.
3. Everywhere, the store checks before each action that its -wal and -shm are still the
   files on disk (storage/database.py ``Store.sync``) and reconnects if not, and reads
   ``PRAGMA data_version`` to learn that another program wrote, so the desk reloads.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import struct
import sys
from pathlib import Path

# SQLite's lock bytes (os.h and os_unix.c): the SHARED range of the database file, and the
# "dead man switch" byte of the -shm that every connection holds a read lock on.
PENDING_BYTE = 0x40000000
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
SHM_DMS = (22 + 8) * 4 + 8  # UNIX_SHM_BASE + SQLITE_SHM_NLOCK



def _ofd_available() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import fcntl

    return hasattr(fcntl, "F_OFD_SETLK")


# Tests turn the Linux layer off to prove that the portable check (3.) suffices on its own.
OFD_AVAILABLE = _ofd_available()


class HeldElsewhere(Exception):
    """The lock file is held by another desk; ``owner`` is what it wrote there (may be {})."""

    def __init__(self, owner: dict):
        super().__init__(owner)
        self.owner = owner


def lock_path(file: Path) -> Path:
    return Path(file).with_name(Path(file).name + ".lock")


class DeskLock:
    """An exclusive lock on ``FILE.lock``, with who holds it written inside."""

    # Windows locks a byte far past the end, so the owner text stays readable to others.
    _WIN_OFFSET = 1 << 30

    def __init__(self, file: Path, owner: dict):
        self.path = lock_path(file)
        self._fd: int | None = None
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if not _try_lock(fd, self._WIN_OFFSET):
                raise HeldElsewhere(_read_owner(self.path))
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps({**owner, "pid": os.getpid(),
                                     "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M")},
                                    ensure_ascii=False).encode("utf-8"))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # an empty lock file says nobody holds it, even if it stays
        except OSError:
            pass
        if os.name == "nt":  # pragma: no cover - Windows only
            import msvcrt

            try:
                os.lseek(fd, self._WIN_OFFSET, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(fd)  # closing the only descriptor of this open file releases the flock
        try:
            self.path.unlink()
        except OSError:
            pass  # another desk may be taking it right now, or the folder is read-only


def _try_lock(fd: int, win_offset: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, win_offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_owner(path: Path) -> dict:
    try:
        owner = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return owner if isinstance(owner, dict) else {}


class SqliteHold:
    """Open-file-description read locks restating SQLite's hold (Linux; see above).

    Must be released before the SQLite connection closes: the connection's own close
    takes EXCLUSIVE to checkpoint, which these locks (rightly) refuse to anyone.
    """

    def __init__(self, database: Path):
        self._fds: list[int] = []
        if not OFD_AVAILABLE:
            return
        database = Path(database)
        for path, start, length in ((database, SHARED_FIRST, SHARED_SIZE),
                                    (database.with_name(database.name + "-shm"), SHM_DMS, 1)):
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue  # no -shm (a read-only open): nothing of SQLite's to restate
            if _ofd_read_lock(fd, start, length):
                self._fds.append(fd)
            else:
                os.close(fd)

    @property
    def active(self) -> bool:
        return bool(self._fds)

    def release(self) -> None:
        # Closing these descriptors drops the process's POSIX locks on the files too; the
        # caller is about to close its SQLite connection anyway.
        fds, self._fds = self._fds, []
        for fd in fds:
            os.close(fd)


def _ofd_read_lock(fd: int, start: int, length: int) -> bool:
    import fcntl

    # struct flock on 64-bit Linux: short l_type, short l_whence, off_t l_start, off_t
    # l_len, pid_t l_pid (0 for OFD locks), padded to 32 bytes.
    request = struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, start, length, 0)
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, request)
    except OSError:
        return False  # someone holds EXCLUSIVE right now; the portable check still guards
    return True


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of ``path``, or None when it is not there. Never opens the file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)
