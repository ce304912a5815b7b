"""The one SQLite connection of an open competition file, and its nested transactions.

A plain ``sqlite3`` connection in autocommit mode (``isolation_level=None``): every
statement outside ``BEGIN`` commits on its own, and ``Store.transaction`` opens the one
``BEGIN IMMEDIATE`` of a user action. ``atomic`` nests a savepoint inside it, so that a part
of an action can fail and leave the rest. This replaces sqlite-utils, whose import alone
(it pulls in its table helpers and, where installed, numpy) cost more than reading a
10,000-contestant ranking (issue 18).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import count
from typing import Any, Iterable, Iterator, Sequence

_savepoints = count(1)


class Connection:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def atomic(self) -> Iterator["Connection"]:
        """A transaction, or a savepoint inside the open one: all of it or none of it."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return
        name = f"part_{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            # An error such as RAISE(ROLLBACK) in a trigger may have ended the whole
            # transaction already; then there is no savepoint left to roll back to.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")


def has_competition_tables(con: sqlite3.Connection) -> bool:
    """Whether a database has the tables every competition file has (another program's has
    not): asked before opening a file (database.py) and before restoring one (backup.py)."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {"meta", "audit"} <= tables
