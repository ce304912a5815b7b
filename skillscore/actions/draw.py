"""抽签 the draw of sessions and stations (RULES.md §12.2). Mixed into Competition.

The seats live in ``draw_seats``; the seed, the number of stations S and how the draw was
made (``seed`` or ``hand``) in meta. A draw by seed is ``rules.draw.draw`` exactly, so the
printed seed recomputes it anywhere. A second draw, a hand draw over an existing one and
every move need the PIN and a reason; all of it is in the audit log.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import InputError, Problem, RefusedError, UsageError
from ..messages import register
from ..rules.draw import MAX_STATIONS, DrawError, check_hand_draw, check_stations, default_seed, draw

DRAW_COLUMNS: dict[str, tuple[str, ...]] = {
    "no": ("编号", "no", "团队", "team"),
    "session": ("场次", "session"),
    "station": ("工位号", "station", "工位"),
}

register(
    {
        "draw_exists": ("已经抽过签：重新抽签需要裁判长口令和理由（--redo --reason --pin）",
                        "The draw has been made: drawing again needs the PIN and a reason (--redo --reason --pin)"),
        "draw_none": ("还没有抽签", "No draw has been made"),
        "draw_nobody": ("没有可参加抽签的单位（名单为空，或都已缺考、弃权、取消资格）",
                        "No unit to draw (the roster is empty, or everyone is absent, withdrawn or disqualified)"),
        "draw_not_a_unit": ("{value} 不是参加抽签的单位", "{value} is not a unit of the draw"),
        "draw_seed_empty": ("抽签种子不能为空", "The seed must not be empty"),
        "draw_seed_invalid": ("抽签种子应为一行文字，不超过 {most} 个字符",
                              "The seed must be one line of text, at most {most} characters"),
        "draw_no_rows": ("文件中没有抽签记录：应每个参赛单位一行（编号、场次、工位号）",
                         "The file holds no draw: give one row per unit (编号, 场次, 工位号)"),
    }
)


SEED_MOST = 64  # far more than a number drawn from a hat or the 16 hex digits made here

# Digits beyond which a cell is not turned into an int: int(Decimal("1e999999")) takes
# minutes. Far above any session or station, so the rules still name 99999999999999999999
# as too large; a longer number stays text and is reported as written.
_MOST_DIGITS = 30


def _whole(text: str) -> object:
    """A cell as an int where it is one ("3", or Excel's 3.0); else the text, which the
    rules report as it was written."""
    try:
        number = Decimal(text)
    except (InvalidOperation, TypeError):
        return text
    whole = number.is_finite() and number == number.to_integral_value() and number.adjusted() < _MOST_DIGITS
    return int(number) if whole and text.strip() else text


def _checked_stations(stations: int) -> int:
    """S as the user gave it, refused (as an option, not a file problem) unless 1..MAX."""
    try:
        return check_stations(stations)
    except DrawError as e:
        raise RefusedError(e.code, value=e.value, **e.params) from None


class DrawMixin:
    # -- reading --------------------------------------------------------------------------
    def draw_keys(self) -> list[str]:
        """The units drawn: contestants (teams in the team event) without a stage-wide status."""
        barred = self.not_expected()
        people = [c for c in self.contestants() if c.no not in barred]
        if self.info().rules.team_size > 1:
            return list(dict.fromkeys(c.team for c in people))
        return [c.no for c in people]

    def draw_rows(self) -> list[tuple[str, int, int]]:
        """(unit, session, station) by session, then station; empty before a draw."""
        return [tuple(r) for r in self.store.db.execute(
            "SELECT unit, session, station FROM draw_seats ORDER BY session, station")]

    def draw_settings(self) -> tuple[str | None, int | None, str | None]:
        """(seed, stations S, kind 'seed' | 'hand'); all None before a draw."""
        stations = self.store.meta("draw_stations")
        kind = self.store.meta("draw_kind") or None
        return (self.store.meta("draw_seed") if kind == "seed" else None,
                int(stations) if stations else None, kind)

    def draw_table(self) -> dict:
        """The contract's ``draw list --json`` object."""
        seed, stations, _ = self.draw_settings()
        return {"seed": seed, "stations": stations,
                "rows": [{"no": u, "session": s, "station": j} for u, s, j in self.draw_rows()]}

    # -- acting -----------------------------------------------------------------------------
    def _guard_redo(self, redo: bool, reason: str | None, pin: str | None) -> str | None:
        """A draw over an existing one needs ``redo``, the PIN and a reason."""
        self._refuse_if_finalized()
        if not self.draw_rows():
            return None
        if not redo:
            raise RefusedError("draw_exists")
        reason = self._need_reason(reason)
        self.check_pin(pin)
        return reason

    def make_draw(self, stations: int, seed: str | None = None, *, redo: bool = False,
                  reason: str | None = None, pin: str | None = None) -> list[tuple[str, int, int]]:
        """Draw by seed (16 random hex digits when none is given). Returns the seats."""
        if seed is not None:
            # A space at either end is invisible on the printed record, yet changes every
            # digest: nobody could recompute the draw from the seed as printed (the desk
            # strips the seed it sends; the command line did not).
            seed = seed.strip()
        if seed is not None and not seed:
            raise UsageError("draw_seed_empty")
        if seed is not None and (len(seed) > SEED_MOST or any(unicodedata.category(ch)[0] == "C" for ch in seed)):
            # printed on the draw record's header and every page's foot: a line, readable
            raise UsageError("draw_seed_invalid", most=SEED_MOST)
        _checked_stations(stations)  # first: a wrong S is wrong whatever the file holds
        reason = self._guard_redo(redo, reason, pin)
        keys = self._keys_to_draw()
        import secrets  # here: it loads random and base64, which no other command needs

        seed = seed if seed is not None else default_seed(secrets.token_bytes)
        try:
            seats = [tuple(s) for s in draw(seed, keys, stations)]
        except DrawError as e:
            raise RefusedError(e.code, value=e.value, **e.params) from None
        self._store_draw(seats, seed, stations, "seed", reason)
        return seats

    def import_draw(self, path: str | Path, *, stations: int | None = None, redo: bool = False,
                    reason: str | None = None, pin: str | None = None, sheet: str | None = None):
        """A draw made by hand (编号, 场次, 工位号), all or nothing; every problem named by
        file, row and column. ``stations``: S (default: the largest station in the file)."""
        from ..io.tables import read_table, zeros_restored

        if stations is not None:
            _checked_stations(stations)
        reason = self._guard_redo(redo, reason, pin)
        keys = self._keys_to_draw()
        table = read_table(path, columns=DRAW_COLUMNS, required=set(DRAW_COLUMNS), sheet=sheet)
        if not table.rows:
            raise InputError([Problem("draw_no_rows", file=table.file)])
        restore = zeros_restored(set(keys))  # 001 in a number cell reads 1
        rows = [(restore(r.get("no")), _whole(r.get("session")), _whole(r.get("station"))) for r in table.rows]
        given = [j for _, _, j in rows if isinstance(j, int) and j >= 1]
        if stations is None:
            # S is the largest station written, but never beyond the bound: a station past
            # it is then reported on its row ("应为 1–999") rather than as a wrong S.
            stations = min(max(given, default=1), MAX_STATIONS)
        problems = check_hand_draw(rows, keys, stations)
        if problems:
            column = {k: table.columns_found.get(k, v[0]) for k, v in DRAW_COLUMNS.items()}
            raise InputError([
                Problem("no_missing" if p.code == "draw_unit_unknown" and not p.value else p.code, file=table.file,
                        row=table.rows[p.index].line if p.index is not None else None,
                        column=column[p.column] if p.column else None, value=p.value, params=p.params)
                for p in problems])
        seats = sorted(((k, s, j) for k, s, j in rows), key=lambda seat: (seat[1], seat[2]))
        self._store_draw(seats, None, stations, "hand", reason)
        return seats

    def _keys_to_draw(self) -> list[str]:
        """The units to draw; none at all is refused before anything is written (an empty
        draw would be stored as one of S = 1 and then count as made)."""
        keys = self.draw_keys()
        if not keys:
            raise RefusedError("draw_nobody")
        return keys

    def _store_draw(self, seats, seed: str | None, stations: int, kind: str, reason: str | None) -> None:
        old = self.draw_rows()
        self.backup("before-settings")
        with self.store.transaction():
            self.store.db.execute("DELETE FROM draw_seats")
            self.store.db.conn.executemany("INSERT INTO draw_seats(unit, session, station) VALUES (?,?,?)", seats)
            for key, value in (("draw_seed", seed or ""), ("draw_stations", str(stations)), ("draw_kind", kind)):
                self.store.set_meta(key, value)
            self._audit("draw" if kind == "seed" else "draw_import", reason=reason,
                        old={"seats": _seats_text(old)} if old else None,
                        new={"seed": seed, "stations": stations, "units": len(seats), "seats": _seats_text(seats)})
        self._changed()

    def move_seat(self, key: str, session: int, station: int, *, reason: str, pin: str) -> tuple[int, int] | None:
        """Move a unit to a free station of a session (another one, or one after the last):
        equipment failure. Returns where it was (None: not seated before)."""
        reason = self._need_reason(reason)
        self._refuse_if_finalized()
        seats = {u: (s, j) for u, s, j in self.draw_rows()}
        if not seats:
            raise RefusedError("draw_none")
        if key not in seats and key not in self.draw_keys():
            raise RefusedError("draw_not_a_unit", value=key)
        _, stations, _ = self.draw_settings()
        # Seats written without S (the sealed demo's) take the largest station in use; a
        # file drawn before S was bounded may hold a larger one: moves stay within the
        # bound, so the station written always fits SQLite's INTEGER.
        stations = min(stations or max(j for _, j in seats.values()), MAX_STATIONS)
        last = max(s for s, _ in seats.values())
        if isinstance(session, int) and session > last + 1:
            raise RefusedError("draw_session_gap", value=str(session), missing=last + 1)
        before = seats.pop(key, None)
        # The moved unit last: a clash is then reported as its own, naming the occupant.
        rows = [(u, s, j) for u, (s, j) in seats.items()] + [(key, session, station)]
        problems = check_hand_draw(rows, [u for u, _, _ in rows], stations)
        if problems:
            p = problems[0]
            raise RefusedError(p.code, value=p.value, **p.params)
        self.check_pin(pin)
        with self.store.transaction():
            self.store.db.execute("INSERT OR REPLACE INTO draw_seats(unit, session, station) VALUES (?,?,?)",
                                  [key, session, station])
            self._audit("draw_move", subject=key, old=_seat_text(before), new=_seat_text((session, station)),
                        reason=reason)
        self._changed()
        return before


def _seat_text(seat: tuple[int, int] | None) -> str | None:
    return f"{seat[0]}-{seat[1]}" if seat else None


def _seats_text(seats) -> str:
    """The whole table in one line for the log: session-station unit, in order."""
    return " ".join(f"{s}-{j}:{u}" for u, s, j in sorted(seats, key=lambda x: (x[1], x[2])))
