"""The competition file: one SQLite file per committee, event and stage.

Opened with WAL, synchronous=FULL and foreign keys on. The schema carries a version and
migrates forward; a file from a newer program is refused. Every user action is one
transaction, and its audit entries are written inside that same transaction. The audit
log is append-only (triggers refuse UPDATE and DELETE) and hash-chained; the chain's head
and length are kept in ``meta`` so that a removed last row is found too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from ..errors import RefusedError
from ..messages import register

SCHEMA_VERSION = 7
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
        "file_damaged": (
            "{path} 未通过完整性检查（{detail}）：请用“备份”恢复最近的完好备份",
            "{path} failed its integrity check ({detail}): restore the latest good backup",
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

MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3, 4: _SCHEMA_V4, 5: _SCHEMA_V5,
                              6: _SCHEMA_V6, 7: _SCHEMA_V7}


@dataclass(frozen=True)
class AuditEntry:
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


def _entry_hash(prev_hash: str, id: int, at, operator, action, subject, field, old, new, reason) -> str:
    payload = json.dumps(
        [prev_hash, id, at, operator, action, subject, field, old, new, reason],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store:
    """Thin layer over the SQLite file; only ``Competition`` talks to it."""

    def __init__(self, db: sqlite_utils.Database, path: Path):
        self.db = db
        self.path = path

    # -- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> "Store":
        path = Path(path)
        if path.exists():
            raise RefusedError("file_exists", path=str(path))
        store = cls(_connect(path), path)
        store._migrate(0)
        return store

    @classmethod
    def open(cls, path: Path) -> "Store":
        path = Path(path)
        if not path.is_file():
            raise RefusedError("file_missing", path=str(path))
        try:
            db = _connect(path)
            found = int(db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        except (sqlite3.DatabaseError, TypeError, ValueError) as exc:
            raise RefusedError("file_not_competition", path=str(path), detail=str(exc)) from None
        if found > SCHEMA_VERSION:
            db.close()
            raise RefusedError("file_too_new", path=str(path), found=found, supported=SCHEMA_VERSION)
        problems = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            db.close()
            raise RefusedError("file_damaged", path=str(path), detail="; ".join(problems[:3]))
        store = cls(db, path)
        if found < SCHEMA_VERSION:
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

    def close(self) -> None:
        self.db.close()

    # -- transactions ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action: everything inside commits together or not at all."""
        with self.db.atomic():
            yield

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
        head = self.meta("audit_head", GENESIS)
        count = int(self.meta("audit_count", "0"))
        id = count + 1
        old, new = _text(old), _text(new)
        digest = _entry_hash(head, id, at, operator, action, subject, field, old, new, reason)
        self.db.execute(
            "INSERT INTO audit(id, at, operator, action, subject, field, old, new, reason, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [id, at, operator, action, subject, field, old, new, reason, head, digest],
        )
        self.set_meta("audit_head", digest)
        self.set_meta("audit_count", str(id))

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


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


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


def _connect(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db
