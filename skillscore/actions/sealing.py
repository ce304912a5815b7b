"""Sealing, the key and the reveal (RULES.md §12.3); the code grid's rows and the score
sheets' lines. Mixed into Competition; the rules of who sees what are in ``codes.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import RefusedError
from ..messages import minute
from ..rules.codes import code_length, make_codes
from .codes import CodedRow, _shown_list, sitting_of

if TYPE_CHECKING:  # imported where a sheet is built (actions/codes.py, sitting_of, says why)
    from ..reports.daydata import KeyEntry, ScoreUnit


class SealingMixin:
    # -- sealing ---------------------------------------------------------------------------------
    def _codes_refused(self) -> None:
        times = self.codes_times()
        if times["revealed_at"]:
            raise RefusedError("codes_revealed_already", at=minute(times["revealed_at"]))
        if times["sealed_at"]:
            raise RefusedError("codes_sealed_already", at=minute(times["sealed_at"]))

    def _coded_units(self) -> dict[str, list[str]]:
        """The units that get a code: those without a stage-wide status (RULES.md §12.3)."""
        status = {no for (no,) in self.store.db.execute("SELECT no FROM marks WHERE status IS NOT NULL")}
        return {unit: members for unit, members in self._units_and_holders().items()
                if not any(no in status for no in members)}

    def seal_codes(self, *, pin: str) -> int:
        """Give every unit its code (digits, one length, from ``secrets``); return how many."""
        self._refuse_if_finalized()
        self.check_pin(pin)
        self._codes_refused()
        typed = self.store.db.execute(
            "SELECT (SELECT COUNT(*) FROM marks WHERE practical IS NOT NULL AND practical != 'absent')"
            " + (SELECT COUNT(*) FROM panel_marks)").fetchone()[0]
        if typed:  # marks already seen beside a 编号 cannot become anonymous
            raise RefusedError("codes_practical_exists", count=typed)
        units = self._coded_units()
        if not units:
            raise RefusedError("codes_no_units")
        everyone = [no for members in self._units_and_holders().values() for no in members]
        import secrets  # here: it loads random and base64, which no other command needs

        codes = make_codes(units, secrets.randbelow, avoid=everyone)
        self.backup("before-settings")
        with self.store.transaction():
            self.store.db.execute("DELETE FROM codes")
            self.store.db.conn.executemany("INSERT INTO codes(unit, code) VALUES (?, ?)", codes.items())
            self.store.set_meta("codes_sealed_at", self._stamp())
            # The count and length only: the log is read without the PIN, the key is not.
            self._audit("codes_seal", new={"count": len(codes), "length": code_length(len(codes))})
        self._changed()
        return len(codes)

    # -- the key ---------------------------------------------------------------------------------
    def codes_key(self, *, pin: str) -> list[KeyEntry]:
        """code → unit (and name), in 编号 order; needs the PIN, every reading audited."""
        entries = self._key_entries(pin)
        with self.store.transaction():
            self._audit("codes_key_read", new={"count": len(entries)})
        return entries

    def _key_entries(self, pin: str) -> list[KeyEntry]:
        from ..reports.daydata import KeyEntry

        if not self.codes_times()["sealed_at"]:
            raise RefusedError("codes_not_sealed")
        self.check_location()
        self.check_pin(pin)
        team = self.info().rules.team_size > 1
        names = {} if team else dict(self.store.db.execute("SELECT no, name FROM contestants"))
        rows = self.store.db.execute("SELECT unit, code FROM codes ORDER BY unit").fetchall()
        return [KeyEntry(code=code, key=unit, name=names.get(unit, "")) for unit, code in rows]

    def key_printings(self) -> int:
        return self.store.db.execute("SELECT COUNT(*) FROM audit WHERE action='codes_key_printed'").fetchone()[0]

    def write_key_sheet(self, out, *, pin: str, lang: str = "zh", progress=None) -> int:
        """The 加密对照表 written to ``out`` (a PDF); returns its page count. The printing is
        audited, with the number the sheet shows, once the sheet is written: a sheet that
        could not be written (a wrong folder, a PDF held open by a viewer) is no printing."""
        from ..reports import write_report
        from ..reports.daydata import KeyData

        entries = self._key_entries(pin)
        printing = self.key_printings() + 1
        pages = write_report(KeyData(sitting_of(self.info()), entries, printing=printing), "key", out,
                             lang=lang, progress=progress)
        with self.store.transaction():
            self._audit("codes_key_printed", new={"count": len(entries), "printing": printing})
        return pages

    # -- the reveal ------------------------------------------------------------------------------
    def reveal_blockers(self) -> list[tuple[str, dict]]:
        """What stands in the way of the reveal, as message codes naming codes, never 编号."""
        times = self.codes_times()
        if not times["sealed_at"]:
            return [("codes_not_sealed", {})]
        if times["revealed_at"]:
            return [("codes_revealed_already", {"at": minute(times["revealed_at"])})]
        codes = dict(self.store.db.execute("SELECT unit, code FROM codes"))
        practical = dict(self.store.db.execute("SELECT no, practical FROM marks"))
        units = self._coded_units()
        missing = sorted(codes[u] for u, members in units.items()
                         if u in codes and any(practical.get(no) is None for no in members))
        blockers = []
        if missing:
            blockers.append(("codes_reveal_missing", {"count": len(missing), "codes": _shown_list(missing)}))
        pending = sorted({p.no for p in self.pending_marks() if p.field == "practical"} if self.double_entry else ())
        if pending:
            blockers.append(("codes_reveal_pending", {"count": len(pending), "codes": _shown_list(pending)}))
        held = sorted({c.no for c in self.held_conflicts() if c.kind == "panel" or c.field == "practical"})
        if held:
            blockers.append(("codes_reveal_conflicts", {"count": len(held), "codes": _shown_list(held)}))
        return blockers

    def reveal_codes(self, *, pin: str) -> None:
        self._refuse_if_finalized()
        self.check_pin(pin)
        blockers = self.reveal_blockers()
        if blockers:
            code, params = blockers[0]
            raise RefusedError(code, **params)
        self.backup("before-settings")
        with self.store.transaction():
            self.store.set_meta("codes_revealed_at", self._stamp())
            self._audit("codes_reveal", new={"count": self.store.db.execute("SELECT COUNT(*) FROM codes").fetchone()[0]})
        self._changed()

    # -- the code grid and the score sheets ------------------------------------------------------
    def _seats(self) -> dict[str, tuple[int, int]]:
        """unit → (session, station) from the draw (RULES.md §12.2), read here directly."""
        return {u: (s, t) for u, s, t in self.store.db.execute("SELECT unit, session, station FROM draw_seats")}

    def _seat_order(self, units: list[str], label: dict[str, str]) -> list[str]:
        """Session and station order; units without a seat after, by their label (the code
        while sealed, so the order gives away nothing of the 编号)."""
        seats = self._seats()
        return sorted(units, key=lambda u: (0, *seats[u], "") if u in seats else (1, 0, 0, label[u]))

    def coded_rows(self) -> list[CodedRow]:
        """The code grid (while sealed): code, seat and the practical mark, nothing else."""
        codes = dict(self.store.db.execute("SELECT unit, code FROM codes"))
        units = self._units_and_holders()
        practical = dict(self.store.db.execute("SELECT no, practical FROM marks"))
        seats = self._seats()
        order = self._seat_order([u for u in codes if u in units], codes)
        return [CodedRow(codes[u], *seats.get(u, (None, None)), practical.get(units[u][0])) for u in order]

    def score_units(self) -> list[ScoreUnit]:
        """The lines of the 评分表: codes while sealed (every coded unit), else the units
        without a stage-wide status by 编号 (team name), in session and station order."""
        from ..reports.daydata import ScoreUnit

        if self.codes_sealed:
            codes = dict(self.store.db.execute("SELECT unit, code FROM codes"))
            label = codes
        else:
            label = {u: u for u in self._coded_units()}
        seats = self._seats()
        return [ScoreUnit(label[u], *seats.get(u, (None, None))) for u in self._seat_order(list(label), label)]

    def coded_panel_sheets(self) -> list[tuple[str, dict, str | None]]:
        """The judges' grid while sealed: (code, module → judge → mark, the practical mark),
        in the code grid's order; a team's marks are those its first member holds."""
        sheets, units = self.panel_sheets(), self._units_and_holders()
        unit_of = {code: unit for unit, code in self.store.db.execute("SELECT unit, code FROM codes")}
        return [(r.code, sheets.get(units[unit_of[r.code]][0], {}), r.practical) for r in self.coded_rows()]
