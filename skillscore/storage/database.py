"""The competition file: one SQLite file per committee, event and stage.

Opened with WAL, synchronous=FULL and foreign keys on, but only after a read-only look has
found a competition file: nothing in some other program's file (or an empty one) is ever
changed. The schema carries a version and migrates forward; a file from a newer program is
refused. A file on a read-only medium opens read-only (immutable), and writes to it are
refused with the way out. Every user action is one transaction begun IMMEDIATE, so that
SQLite's busy timeout applies when another program holds the file (a deferred one fails at
once when it upgrades to write); after the wait it is refused as "in use", nothing written.
Its audit entries are written inside that same transaction. The audit
log is append-only (triggers refuse UPDATE and DELETE) and hash-chained; the chain's head
and length are kept in ``meta`` so that a removed last row is found too.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from ..errors import RefusedError
from ..messages import register
from ..system.files import absolute, byte_len
from ..system.locks import DeskLock, HeldElsewhere, SqliteHold, file_identity
from .connection import Connection, has_competition_tables
from .integrity import CheckAlongside, quick_check

SCHEMA_VERSION = 8
# The longest name of a competition file, in UTF-8 bytes: what the file systems allow (255)
# less the longest name SQLite and the backups derive from it ("-journal", ".backups",
# ".lock") and a margin.
NAME_LIMIT = 255 - 16
# The longest full path of a new competition file: SQLite's own limit is 512 bytes, and the
# backups' folder and names beside it need room (storage/backup.py).
PATH_LIMIT = 380
GENESIS = "0" * 64

register(
    {
        "file_missing": ("找不到竞赛文件：{path}", "Competition file not found: {path}"),
        "file_exists": (
            "文件已存在，不会覆盖：{path}。请换一个文件名。",
            "The file already exists and will not be overwritten: {path}. Choose another name.",
        ),
        "file_not_competition": (
            "{path} 不是 skillscore 竞赛文件（或已损坏）：{detail}",
            "{path} is not a skillscore competition file (or it is damaged): {detail}",
        ),
        "new_folder_missing": (
            "找不到文件夹 {folder}，无法建立 {path}：请先建立该文件夹，或另选位置",
            "There is no folder {folder} to make {path} in: make the folder first, or choose another place",
        ),
        "file_cannot_create": (
            "无法建立竞赛文件 {path}（系统拒绝在此写入）：{detail}",
            "Cannot make the competition file {path} (the system refuses to write there): {detail}",
        ),
        "file_is_folder": (
            "{path} 是一个文件夹，不是竞赛文件：请给出文件夹中的竞赛文件",
            "{path} is a folder, not a competition file: name the competition file in it",
        ),
        "store_empty": (
            "{path} 不是 skillscore 竞赛文件：这是一个空文件（0 字节），未作改动",
            "{path} is not a skillscore competition file: it is empty (0 bytes); left unchanged",
        ),
        "file_not_sqlite": (
            "{path} 不是 skillscore 竞赛文件：它不是 SQLite 数据库（其他格式，或已损坏），未作改动",
            "{path} is not a skillscore competition file: it is not an SQLite database (another format, "
            "or damaged); left unchanged",
        ),
        "file_other_sqlite": (
            "{path} 不是 skillscore 竞赛文件：这是其他程序的 SQLite 数据库，未作改动",
            "{path} is not a skillscore competition file: it is another program's SQLite database; left unchanged",
        ),
        "file_name_too_long": (
            "文件名太长：{name} 有 {size} 字节，最多 {limit} 字节（约 {chars} 个汉字），否则它的备份和日志文件"
            "无法建立。请用更短的文件名。",
            "The file name is too long: {name} has {size} bytes; at most {limit} (about {chars} Chinese "
            "characters), or its backups and journal files could not be made. Choose a shorter name.",
        ),
        "file_path_too_long": (
            "路径太长：{path} 的完整路径有 {size} 字节，最多 {limit} 字节，否则它的备份无法建立。"
            "请放在层级更浅的文件夹中，或用更短的文件名。",
            "The path is too long: {path} has {size} bytes in full; at most {limit}, or its backups could not be "
            "made. Choose a folder nearer the top of the drive, or a shorter name.",
        ),
        "file_busy": (
            "文件正被另一个程序使用：{path}。已等待 {seconds} 秒，未作任何改动；请关闭该程序后重试。",
            "The file is in use by another program: {path}. Waited {seconds} s and changed nothing; "
            "close that program and try again.",
        ),
        "file_read_only": (
            "{path} 位于只读介质上，只能查看，不能修改：请先复制到本机硬盘"
            "（界面中“复制到本机”，或命令 skillscore copy FILE 目标路径）",
            "{path} is on a read-only medium: it can be read but not changed. Copy it to the local disk first "
            "(the desk offers this; or skillscore copy FILE TARGET)",
        ),
        "file_held_by_desk": (
            "{path} 已在另一个录入窗口中打开（{who}，自 {since} 起）。同一文件只能在一个窗口中录入：请切换到那个窗口，"
            "或先将其关闭。",
            "{path} is already open in another desk window ({who}, since {since}). One file is worked in one "
            "window only: switch to that window, or close it first.",
        ),
        "file_too_new": (
            "{path} 由更新版本的程序写入（文件格式 {found}，本程序支持到 {supported}）。请升级程序后再打开。",
            "{path} was written by a newer program (file format {found}; this program reads up to "
            "{supported}). Install the newer program to open it.",
        ),
    }
)

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE contestants (
  no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  sex TEXT NOT NULL DEFAULT '',
  birth_date TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  union_card INTEGER NOT NULL DEFAULT 0,
  team TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL,
  origin TEXT
);
CREATE TABLE marks (
  no TEXT PRIMARY KEY REFERENCES contestants(no),
  theory TEXT,
  practical TEXT,
  status TEXT
);
CREATE TABLE overrides (
  no TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  operator TEXT NOT NULL
);
CREATE TABLE tie_decisions (
  id INTEGER PRIMARY KEY,
  members TEXT NOT NULL,
  ordering TEXT NOT NULL,
  total TEXT NOT NULL,
  practical TEXT NOT NULL,
  method TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  seed TEXT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL
);
CREATE TABLE finalizations (
  version INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  document TEXT NOT NULL,
  at TEXT NOT NULL,
  operator TEXT NOT NULL
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  field TEXT,
  old TEXT,
  new TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- A finalised stage is read-only for marks, whatever code path tries to write.
CREATE TRIGGER marks_frozen_insert BEFORE INSERT ON marks
  WHEN (SELECT value FROM meta WHERE key = 'finalized') = '1'
  BEGIN SELECT RAISE(ABORT, 'the stage is finalised'); END;
CREATE TRIGGER marks_frozen_update BEFORE UPDATE ON marks
  WHEN (SELECT value FROM meta WHERE key = 'finalized') = '1'
  BEGIN SELECT RAISE(ABORT, 'the stage is finalised'); END;
"""

# Double entry (复核): each typed mark kept per pass (1 = entry, 2 = check) with who typed
# it; only agreeing passes reach ``marks``. PIN attempts are throttled through meta.
_SCHEMA_V2 = """
CREATE TABLE mark_entries (
  no TEXT NOT NULL REFERENCES contestants(no),
  field TEXT NOT NULL,
  pass INTEGER NOT NULL CHECK (pass IN (1, 2)),
  value TEXT,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (no, field, pass)
);
"""

# Handoff sources (成绩交接文件) a next-stage roster was built from; a newer version of a
# committee's file replaces the older one, which stays listed with ``replaced_by`` set.
_SCHEMA_V3 = """
CREATE TABLE sources (
  fingerprint TEXT PRIMARY KEY,
  committee TEXT NOT NULL,
  stage TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  contestants INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  operator TEXT NOT NULL,
  replaced_by TEXT REFERENCES sources(fingerprint)
);
"""

# MIGRATIONS[n] brings a file from schema n-1 to n.
# Judging panels (RULES.md §11): each judge's mark per contestant and module; the
# practical mark in ``marks`` is derived from these whenever one changes.
_SCHEMA_V4 = """
CREATE TABLE panel_marks (
  no TEXT NOT NULL REFERENCES contestants(no),
  module TEXT NOT NULL,
  judge INTEGER NOT NULL,
  score TEXT NOT NULL,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (no, module, judge)
);
"""

# Several desks at one venue (desk.py, issue 9). Every copy of a sitting shares one
# identity (128 random bits, given once: at creation, or here to an older file). The main
# file keeps the desk files it merged (by SHA-256) and the desk audit entries they
# brought (by hash), so nothing merges twice; a desk value that conflicts with the file's
# own is held until the chief judge settles it. judge/pass are 0 where they do not apply.
_SCHEMA_V5 = """
CREATE TABLE desk_merges (
  sha256 TEXT PRIMARY KEY,
  desk_id TEXT NOT NULL,
  desk TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  since INTEGER NOT NULL,
  upto INTEGER NOT NULL,
  upto_hash TEXT NOT NULL,
  file_name TEXT NOT NULL,
  summary TEXT NOT NULL,
  at TEXT NOT NULL,
  operator TEXT NOT NULL
);
CREATE TABLE desk_merged_items (
  hash TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL
);
CREATE TABLE desk_conflicts (
  kind TEXT NOT NULL,
  no TEXT NOT NULL,
  field TEXT NOT NULL,
  judge INTEGER NOT NULL DEFAULT 0,
  pass INTEGER NOT NULL DEFAULT 0,
  desk_id TEXT NOT NULL,
  desk TEXT NOT NULL,
  value TEXT,
  main_value TEXT,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (kind, no, field, judge, pass, desk_id)
);
INSERT OR IGNORE INTO meta(key, value) VALUES ('competition_id', lower(hex(randomblob(16))));
"""

# The competition day (RULES.md §12.1, §12.2): who checked in for which part and when, and
# where each unit (a contestant, or a team in the team event) works. The draw's seed, the
# number of stations and whether it was drawn or recorded by hand live in meta
# (draw_seed, draw_stations, draw_kind), as does each part's close (checkin_closed_<part>).
_SCHEMA_V6 = """
CREATE TABLE checkins (
  no TEXT NOT NULL REFERENCES contestants(no),
  part TEXT NOT NULL CHECK (part IN ('theory', 'practical')),
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  late_reason TEXT,
  PRIMARY KEY (no, part)
);
CREATE TABLE draw_seats (
  unit TEXT PRIMARY KEY,
  session INTEGER NOT NULL CHECK (session >= 1),
  station INTEGER NOT NULL CHECK (station >= 1),
  UNIQUE (session, station)
);
"""

# Marking under anonymous codes and appeals (RULES.md §12.3-§12.5). The key (unit → code)
# is only read through the PIN-guarded action; sealing and reveal times live in meta
# (codes_sealed_at, codes_revealed_at), as do the appeal windows (appeal_window_<part>).
_SCHEMA_V7 = """
CREATE TABLE codes (
  unit TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE
);
CREATE TABLE appeals (
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL,
  by TEXT NOT NULL,
  subject TEXT NOT NULL,
  part TEXT NOT NULL CHECK (part IN ('theory', 'practical')),
  received TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('upheld', 'rejected')),
  reason TEXT,
  decided_at TEXT,
  decided_by TEXT
);
CREATE TABLE appeal_changes (
  appeal_id INTEGER NOT NULL REFERENCES appeals(id),
  no TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('theory', 'practical')),
  old TEXT,
  new TEXT,
  PRIMARY KEY (appeal_id, no, field)
);
"""

# What the desk keeps between openings so that its first frame needs no ranking (issue 18):
# ``kept`` holds values worked out from the rest of the file, and any change to any table
# but the audit log empties it (SQLite's triggers, whatever code path writes), so a value
# found there always describes the file as it is. The audit chain's head and length move
# with every logged event, a printed sheet too, and change nothing a kept value says.
KEPT_FROM = ("meta", "contestants", "marks", "overrides", "tie_decisions", "finalizations", "mark_entries",
             "sources", "panel_marks", "desk_merges", "desk_merged_items", "desk_conflicts", "checkins",
             "draw_seats", "codes", "appeals", "appeal_changes")
_NOT_AUDIT_CHAIN = "WHEN NEW.key NOT IN ('audit_head', 'audit_count') "


def _schema_v8() -> str:
    lines = ["CREATE TABLE kept (key TEXT PRIMARY KEY, value TEXT NOT NULL);"]
    for table in KEPT_FROM:
        for event in ("INSERT", "UPDATE", "DELETE"):
            when = _NOT_AUDIT_CHAIN if table == "meta" and event != "DELETE" else ""
            lines.append(f"CREATE TRIGGER {table}_{event.lower()}_forgets_kept AFTER {event} ON {table} "
                         f"{when}BEGIN DELETE FROM kept; END;")
    return "\n".join(lines) + "\n"


MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3, 4: _SCHEMA_V4, 5: _SCHEMA_V5,
                              6: _SCHEMA_V6, 7: _SCHEMA_V7, 8: _schema_v8()}


class AuditEntry(NamedTuple):
    """One entry of the hash-chained audit log as stored: who did what to which value, when and why, and its hashes."""

    id: int
    at: str
    operator: str
    action: str
    subject: str | None
    field: str | None
    old: str | None
    new: str | None
    reason: str | None
    prev_hash: str
    hash: str


# json.dumps(…, ensure_ascii=False, separators=(",", ":")) builds this encoder on every call;
# built once, it writes the same bytes in half the time (an import hashes 10,000 entries).
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _entry_hash(prev_hash: str, id: int, at, operator, action, subject, field, old, new, reason) -> str:
    # hashlib here, not at the top: loading OpenSSL costs every command ~4 ms at start, and a
    # command that only reads never hashes (issue 18). Once loaded, this import is ~0.1 µs.
    import hashlib

    payload = _HASH_JSON.encode([prev_hash, id, at, operator, action, subject, field, old, new, reason])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def busy_timeout() -> float:
    """Seconds a write waits for another program's transaction (CONTRACT.md: 10 s).
    ``SKILLSCORE_BUSY_TIMEOUT`` changes it (the tests wait about 1 s)."""
    try:
        return max(0.0, float(os.environ.get("SKILLSCORE_BUSY_TIMEOUT", "10")))  # ok: seconds for sqlite3, not a mark
    except ValueError:
        return 10.0


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" (SQLITE_BUSY), whatever the operation."""
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY") or "database is locked" in str(exc))


class Store:
    """Thin layer over the SQLite file; only ``Competition`` talks to it."""

    def __init__(self, db: Connection, path: Path, *, readonly: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        self._data_version: int | None = None
        self._desk_lock: DeskLock | None = None
        self._sqlite_hold: SqliteHold | None = None
        self._files: tuple | None = None  # the -wal and -shm the connection uses, while held
        self._audit_batch: _AuditBatch | None = None  # entries held back by audit_batch()
        self._check: CheckAlongside | None = None  # open(check_alongside=True) until checked()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> "Store":
        path = Path(path)
        size = len(path.name.encode("utf-8"))
        if size > NAME_LIMIT:  # SQLite's "-journal" and the backups' folder add 8 bytes
            raise RefusedError("file_name_too_long", name=path.name, size=size, limit=NAME_LIMIT,
                               chars=(NAME_LIMIT - len(".sqlite")) // 3)
        full = byte_len(absolute(path))
        if full > PATH_LIMIT:  # SQLite opens no path over 512 bytes, and the backups go deeper
            raise RefusedError("file_path_too_long", path=str(path), size=full, limit=PATH_LIMIT)
        if path.exists():
            raise RefusedError("file_exists", path=str(path))
        if not path.parent.is_dir():
            raise RefusedError("new_folder_missing", path=str(path), folder=str(path.parent))
        try:
            db = _connect(path)
        except sqlite3.OperationalError as exc:  # a folder the system will not write in (/proc, a CD)
            raise RefusedError("file_cannot_create", path=str(path), detail=str(exc)) from None
        store = cls(db, path)
        store._migrate(0)
        return store

    @classmethod
    def open(cls, path: Path, *, check_alongside: bool = False) -> "Store":
        """``check_alongside``: for a command that only reads and answers after closing, the
        integrity check runs while it works (integrity.py); the file is refused all the
        same, at its first write or at closing."""
        path = Path(path)
        readonly = look_before_opening(path)
        check = damage = None
        try:
            db = _connect(path, readonly=readonly)
            found = int(db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
            if check_alongside and found == SCHEMA_VERSION:  # an older file is checked before migrating
                check = CheckAlongside(lambda: _connect(path, readonly=readonly), path)
            else:
                damage = quick_check(db, path)
        except (sqlite3.DatabaseError, TypeError, ValueError) as exc:
            raise _opening_refusal(path, exc) from None
        if found > SCHEMA_VERSION:
            db.close()
            raise RefusedError("file_too_new", path=str(path), found=found, supported=SCHEMA_VERSION)
        if damage is not None:
            db.close()
            raise damage
        store = cls(db, path, readonly=readonly)
        store._check = check
        store._data_version = store._read_data_version()
        if found < SCHEMA_VERSION:
            if readonly:
                db.close()
                raise RefusedError("file_read_only", path=str(path))
            # An older file is migrated only after a backup of it as it was.
            from .backup import create_backup

            create_backup(path, "before-migrate", now=dt.datetime.now(), conn=db.conn)
            store._migrate(found)
        return store

    def _migrate(self, found: int) -> None:
        with self.transaction():
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[version]):
                    self.db.execute(statement)
            self.set_meta("schema_version", str(SCHEMA_VERSION))

    def checked(self) -> None:
        """Wait for the integrity check running alongside, if any, and refuse the file as
        opening would have when it found damage (or could not read the file)."""
        check, self._check = self._check, None
        outcome = check.wait() if check is not None else None
        if isinstance(outcome, (sqlite3.DatabaseError, TypeError, ValueError)):
            raise _opening_refusal(self.path, outcome) from None
        if outcome is not None:
            raise outcome

    def close(self) -> None:
        try:
            self.checked()  # a command answers after closing: never from a damaged file
        finally:
            if self._sqlite_hold is not None:
                self._sqlite_hold.release()  # before SQLite's close, which checkpoints under EXCLUSIVE
            try:
                self.db.close()
            finally:
                if self._desk_lock is not None:
                    self._desk_lock.release()
                    self._desk_lock = None

    # -- the desk's hold (system/locks.py says why SQLite's own is not enough) --------------
    def hold(self, operator: str) -> None:
        """Take the desk's hold on the file, or refuse naming the desk that has it."""
        if self.readonly:
            return  # nothing can be written there, by this desk or another
        try:
            # socket.gethostname is _socket's own; the socket module around it costs ~3 ms of
            # the desk's start (issue 18), and only a desk takes the hold.
            from _socket import gethostname

            self._desk_lock = DeskLock(self.path, {"operator": operator, "host": gethostname()})
        except HeldElsewhere as held:
            who = "、".join(str(x) for x in (held.owner.get("operator"), held.owner.get("host")) if x) or "?"
            raise RefusedError("file_held_by_desk", path=str(self.path), who=who,
                               since=held.owner.get("since", "?")) from None
        except OSError:
            self._desk_lock = None  # no lock file possible here (permissions): SQLite's locks still work
        self._take_sqlite_hold()

    def _take_sqlite_hold(self) -> None:
        self.db.execute("SELECT count(*) FROM meta").fetchone()  # the -wal and -shm exist from here on
        self._files = self._wal_files()
        self._sqlite_hold = SqliteHold(self.path)

    def _wal_files(self) -> tuple:
        return tuple(file_identity(self.path.with_name(self.path.name + suffix)) for suffix in ("-wal", "-shm"))

    def sync(self) -> bool:
        """Before an action: True when another program changed the file since the last look.

        A held store whose -wal or -shm is no longer the file on disk (another process
        believed it was the last user and deleted them) reconnects first, so nothing is
        read from or written into the deleted WAL."""
        if self._files is not None and self._wal_files() != self._files:
            self._reconnect()
            return True
        version = self._read_data_version()
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    def _read_data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _reconnect(self) -> None:
        if self._sqlite_hold is not None:
            self._sqlite_hold.release()
        self.db.close()
        self.db = _connect(self.path)
        self._take_sqlite_hold()
        self._data_version = self._read_data_version()

    # -- transactions ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action: everything inside commits together or not at all."""
        self.checked()  # nothing is written to a file before its integrity check has passed
        conn = self.db.conn
        if conn.in_transaction:  # nested: a savepoint inside the action's transaction
            with self.db.atomic():
                yield
            return
        if self.readonly:
            raise RefusedError("file_read_only", path=str(self.path))
        if self._files is not None:
            self.sync()
            conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise RefusedError("file_busy", path=str(self.path), seconds=f"{busy_timeout():g}") from None
            raise
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # -- kept values (KEPT_FROM) ----------------------------------------------------------
    def kept(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM kept WHERE key=?", [key]).fetchone()
        return None if row is None else row[0]

    def seen(self) -> tuple:
        """What ``keep`` compares: this connection, and SQLite's count of other programs'
        commits as this connection last saw it."""
        return self.db.conn, self._read_data_version()

    def keep(self, key: str, value: str, seen: tuple) -> bool:
        """Keep ``value``, worked out from the file as it was at ``seen`` (``seen()``
        taken before reading it), unless another program has written the file since:
        then the value may describe what is gone, and nothing is kept. Never audited: it
        changes nothing the file says. True when kept."""
        if self.readonly:
            return False
        try:
            with self.transaction():  # IMMEDIATE: no other program commits from here on
                # A new connection (the -wal was replaced: transaction reconnects) counts anew.
                if self.db.conn is not seen[0] or self._read_data_version() != seen[1]:
                    return False
                self.db.execute("INSERT OR REPLACE INTO kept(key, value) VALUES (?, ?)", [key, value])
        except RefusedError as exc:
            if exc.code == "file_busy":
                return False  # another program is writing: the value would be stale anyway
            raise
        return True

    # -- meta -------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])

    def all_meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    # -- audit ------------------------------------------------------------------------
    def audit(
        self,
        *,
        at: str,
        operator: str,
        action: str,
        subject: str | None = None,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        reason: str | None = None,
    ) -> None:
        """Append one entry; must be called inside the transaction of the change."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("audit entries are written inside the change's transaction")
        batch = self._audit_batch
        if batch is not None:
            head, count = batch.head, batch.count
        else:
            head = self.meta("audit_head", GENESIS)
            count = int(self.meta("audit_count", "0"))
        id = count + 1
        old, new = _text(old), _text(new)
        digest = _entry_hash(head, id, at, operator, action, subject, field, old, new, reason)
        row = (id, at, operator, action, subject, field, old, new, reason, head, digest)
        if batch is not None:
            batch.rows.append(row)
            batch.head, batch.count = digest, id
            return
        self.db.execute(_INSERT_AUDIT, row)
        self.set_meta("audit_head", digest)
        self.set_meta("audit_count", str(id))

    def stamp(self, now: Callable[[], str]) -> str:
        """The time for an audit entry: ``now()``, or inside a batch the batch's one time."""
        batch = self._audit_batch
        if batch is None:
            return now()
        if batch.at is None:
            batch.at = now()
        return batch.at

    @contextmanager
    def audit_batch(self) -> Iterator[None]:
        """Entries appended inside are chained in memory and written when it ends, with one
        ``executemany`` and one update of the log's head: a 10,000-row import writes its
        10,000 entries as one statement instead of 50,000 (issue 18). The chain, the hashes
        and the ids are those of one ``audit`` call at a time; the entries share one time,
        the batch's (``stamp``): one import is one change. Used inside the change's
        transaction, so an error inside still leaves nothing written. Entries are not tied
        to savepoints: a caller must not catch an error from a nested transaction inside a
        batch and go on (none does)."""
        if self._audit_batch is not None:  # already batching: the outer batch writes
            yield
            return
        self._audit_batch = _AuditBatch(self.meta("audit_head", GENESIS), int(self.meta("audit_count", "0")))
        try:
            yield
            batch = self._audit_batch
            if batch.rows:
                self.db.executemany(_INSERT_AUDIT, batch.rows)
                self.set_meta("audit_head", batch.head)
                self.set_meta("audit_count", str(batch.count))
        finally:
            self._audit_batch = None

    def audit_entries(self) -> list[AuditEntry]:
        rows = self.db.execute(
            "SELECT id, at, operator, action, subject, field, old, new, reason, prev_hash, hash"
            " FROM audit ORDER BY id"
        ).fetchall()
        return [AuditEntry(*r) for r in rows]

    def verify_audit(self) -> list[str]:
        """Problems with the chain, empty when intact."""
        problems = []
        expected_prev = GENESIS
        entries = self.audit_entries()
        for n, e in enumerate(entries, start=1):
            if e.id != n:
                problems.append(f"entry {n} is missing (found {e.id} in its place)")
                break
            if e.prev_hash != expected_prev:
                problems.append(f"entry {e.id}: the link to the previous entry is broken")
            if _entry_hash(e.prev_hash, e.id, e.at, e.operator, e.action, e.subject, e.field, e.old, e.new, e.reason) != e.hash:
                problems.append(f"entry {e.id}: its content was changed after it was written")
            expected_prev = e.hash
        if int(self.meta("audit_count", "0")) != len(entries):
            problems.append(f"the log should hold {self.meta('audit_count')} entries but holds {len(entries)}")
        elif entries and self.meta("audit_head") != entries[-1].hash:
            problems.append("the last entry does not match the recorded head of the log")
        return problems


_INSERT_AUDIT = ("INSERT INTO audit(id, at, operator, action, subject, field, old, new, reason, prev_hash, hash)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,?)")


class _AuditBatch:
    """The entries ``audit_batch`` holds back until it ends, and the chain's head and count after them."""

    __slots__ = ("rows", "head", "count", "at")

    def __init__(self, head: str, count: int) -> None:
        self.rows: list[tuple] = []
        self.head, self.count = head, count
        self.at: str | None = None  # one change, one moment: every entry of the batch carries it


# What json.dumps(value, ensure_ascii=False, sort_keys=True) writes, with the encoder built
# once (a roster import stores 10,000 records).
_VALUE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return _VALUE_JSON.encode(value)


def _statements(script: str) -> list[str]:
    """Split a schema script so it can run inside our own transaction.

    (sqlite3's executescript() would commit first, breaking the migration's atomicity.)
    """
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements


_READ_ONLY, _IMMUTABLE = "?mode=ro", "?mode=ro&immutable=1"


def sqlite_uri(uri: str) -> str:
    """A file URI as SQLite opens it. A Windows share (\\\\server\\share\\f.sqlite) is
    ``file://server/share/f.sqlite`` to pathlib, and SQLite refuses an authority unless built
    to allow one; ``file:////server/share/…`` names the same share as a path it opens."""
    if uri.startswith("file://") and not uri.startswith("file:///"):
        return "file:////" + uri[len("file://"):]
    return uri


def look_before_opening(path: Path, queries: tuple[str, ...] = (_READ_ONLY, _IMMUTABLE)) -> bool:
    """Refuse anything that is not a competition file before changing a byte of it (opening
    read-write would switch another program's file to WAL, or grow an empty one to 4 KB).
    Returns True when only a read-only (immutable) open works: a read-only medium."""
    if path.is_dir():
        raise RefusedError("file_is_folder", path=str(path))
    if not path.is_file():
        raise RefusedError("file_missing", path=str(path))
    if path.stat().st_size == 0:
        raise RefusedError("store_empty", path=str(path))
    uri = sqlite_uri(path.resolve().as_uri())
    for query in queries:
        try:
            con = sqlite3.connect(uri + query, uri=True, timeout=busy_timeout())
            try:
                ours = has_competition_tables(con)
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if name == "SQLITE_NOTADB":
                raise RefusedError("file_not_sqlite", path=str(path)) from None
            if is_busy(exc):
                raise RefusedError("file_busy", path=str(path), seconds=f"{busy_timeout():g}") from None
            if name.startswith("SQLITE_CANTOPEN") and query != queries[-1] and not _writable_here(path):
                continue  # a WAL file on a read-only medium: SQLite cannot make its -shm there
            raise RefusedError("file_not_competition", path=str(path), detail=str(exc)) from None
        if not ours:
            raise RefusedError("file_other_sqlite", path=str(path))
        return query == _IMMUTABLE
    raise AssertionError("unreachable")


def look_before_copying(path: Path) -> str:
    """``copy``'s source, refused as opening refuses it; returns the URI to read it by,
    which writes nothing beside it: the stick it is on gets no -wal or -shm file
    (immutable, unless a -wal is already there: the file was not closed, and SQLite must
    read it)."""
    wal_left = path.with_name(path.name + "-wal").exists()
    query = _READ_ONLY if wal_left else _IMMUTABLE
    look_before_opening(path, (query,))
    return sqlite_uri(path.resolve().as_uri()) + query


def _opening_refusal(path: Path, exc: BaseException) -> RefusedError:
    """Opening's words for what reading the file met: in use, or not a competition file."""
    if is_busy(exc):
        return RefusedError("file_busy", path=str(path), seconds=f"{busy_timeout():g}")
    return RefusedError("file_not_competition", path=str(path), detail=str(exc))


def _writable_here(path: Path) -> bool:
    """Whether the file's folder is writable (False on a read-only mount or medium)."""
    return os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)


def _connect(path: Path, *, readonly: bool = False) -> Connection:
    if readonly:
        # immutable: no -shm can be made on the medium, and nothing can change the file there.
        conn = sqlite3.connect(sqlite_uri(Path(path).resolve().as_uri()) + "?mode=ro&immutable=1", uri=True,
                               isolation_level=None)
        return Connection(conn)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout())
    db = Connection(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db
