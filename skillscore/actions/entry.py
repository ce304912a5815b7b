"""Roster and marks actions of the facade: imports, exports, typed marks, admissions.
Mixed into Competition."""

from __future__ import annotations

from pathlib import Path

from ..errors import RefusedError, UsageError
from ..messages import register
from ..model import ABSENT, ImportLog, Info
from ..rules.marks import format_mark, parse_mark, parse_status
from .codes import _shown_list

register({
    "roster_sealed": ("评分号已加密：加密后名单不能增加选手或调整团队（{count} 人：{nos}）。"
                      "这些选手没有评分号，技能操作成绩无法录入；名单未作任何改动",
                      "The codes are sealed: after sealing no contestant can be added or moved to another team "
                      "({count}: {nos}). They would have no code, so no practical mark could be entered for them; "
                      "the roster was not changed"),
})


class EntryMixin:
    # -- actions: roster -----------------------------------------------------------------
    def import_roster(self, path: str | Path, *, sheet: str | None = None) -> ImportLog:
        from ..io.roster import read_roster

        info = self._refuse_if_finalized()
        existing = {c.no: c for c in self.contestants()}
        log = ImportLog()
        rows = read_roster(Path(path), stage_date=info.date, team_size=info.rules.team_size,
                           existing=existing, admitted=set(self.admitted()), sheet=sheet, warnings=log.warnings)
        if self.codes_sealed:
            self._refuse_new_units_while_sealed(rows, existing)
        self.backup("before-import")
        added = []  # written in one executemany: 10,000 single INSERTs cost ~50 ms more
        with self.store.transaction(), self.store.audit_batch():
            for row in rows:
                c = row.contestant
                record = {k: getattr(c, k) for k in ("name", "id_number", "unit", "sex", "birth_date",
                                                     "category", "union_card", "team", "phone")}
                old = existing.get(c.no)
                if old is None:
                    added.append((c.no, c.name, c.id_number, c.unit, c.sex, c.birth_date, c.category,
                                  int(c.union_card), c.team, c.phone, c.seq))
                    self._audit("roster_add", subject=c.no, new=record)
                    log.added.append(c.no)
                    continue
                diffs = [(k, getattr(old, k), v) for k, v in record.items() if getattr(old, k) != v]
                if not diffs:
                    log.unchanged.append(c.no)
                    continue
                for k, before, after in diffs:
                    self.store.db.execute(f"UPDATE contestants SET {k}=? WHERE no=?", [int(after) if k == "union_card" else after, c.no])
                    self._audit("roster_update", subject=c.no, field=k, old=str(before), new=str(after))
                    log.changes.append((c.no, k, str(before), str(after)))
                log.changed.append(c.no)
            self.store.db.executemany(
                "INSERT INTO contestants(no, name, id_number, unit, sex, birth_date, category,"
                " union_card, team, phone, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)", added)
        self._changed()
        return log

    @staticmethod
    def _refuse_new_units_while_sealed(rows, existing) -> None:
        """Every unit got its code when sealed, and the key went into the envelope (RULES.md
        §12.3): a contestant added after it, or moved to another team, would have no code,
        so no practical mark could reach him and the reveal would pass him by."""
        new = [r.contestant.no for r in rows if r.contestant.no not in existing]
        moved = [r.contestant.no for r in rows
                 if r.contestant.no in existing and r.contestant.team != existing[r.contestant.no].team]
        if new or moved:
            raise RefusedError("roster_sealed", count=len(new) + len(moved), nos=_shown_list(new + moved))

    def export_roster(self, path: str | Path) -> Path:
        from ..io.export import roster_table, write_table

        return write_table(path, *roster_table(self.contestants(), self.info().rules.team_size > 1), sheet="名单")

    def export_marks(self, path: str | Path) -> Path:
        from ..io.export import marks_table, write_table

        entries = self.entries()
        if self.codes_sealed:  # no practical mark beside a 编号 before the reveal (RULES.md §12.3)
            entries = {no: e._replace(practical=None) for no, e in entries.items()}
        return write_table(path, *marks_table(self.contestants(), entries), sheet="成绩")

    def admit(self, no: str, *, reason: str, pin: str) -> None:
        """The chief judge admits a contestant against an eligibility rule (RULES.md §9)."""
        reason = self._need_reason(reason)
        self._refuse_if_finalized()
        self.check_pin(pin)
        with self.store.transaction():
            self.store.db.execute(
                "INSERT OR REPLACE INTO overrides(no, reason, at, operator) VALUES (?,?,?,?)",
                [no, reason, self._stamp(), self.operator],
            )
            self._audit("admit", subject=no, reason=reason)
        self._changed()

    # -- actions: marks ------------------------------------------------------------------
    def _team_of(self, info: Info) -> dict[str, str] | None:
        if info.rules.team_size <= 1:
            return None
        return {c.no: c.team for c in self.contestants()}

    def _write_marks(
        self, updates: dict[str, dict[str, str | None]], log: ImportLog | None = None, reason: str | None = None
    ) -> list[tuple]:
        """Apply {no: {field: stored text}} inside the caller's transaction; audit each change."""
        if len(updates) <= 500:  # a typed mark or a small sheet: read just those rows
            marks = updates.keys()
            rows = self.store.db.execute(
                f"SELECT no, theory, practical, status FROM marks WHERE no IN ({','.join('?' * len(marks))})", list(marks))
        else:
            rows = self.store.db.execute("SELECT no, theory, practical, status FROM marks")
        current = {r[0]: r[1:] for r in rows}
        changes, written = [], []
        # Asked once, not per mark (each is a read of the file's settings; issue 18).
        double = self.double_entry
        locked = self.practical_locked()
        for no, fields in updates.items():
            before = dict(zip(("theory", "practical", "status"), current.get(no, (None, None, None))))
            diffs = {k: v for k, v in fields.items() if before[k] != v}
            if not diffs:
                if log is not None:
                    log.unchanged.append(no)
                continue
            for k, v in diffs.items():  # after the reveal practical marks are locked (codes.py)
                if k == "practical" and locked:
                    self._practical_guard(no, k, before[k], v)
            after = {**before, **diffs}
            written.append((no, after["theory"], after["practical"], after["status"]))
            for k, v in diffs.items():
                note = reason or (self.confirmation_note(no, k) if double else None)
                self._audit("mark", subject=no, field=k, old=before[k], new=v, reason=note)
                changes.append((no, k, before[k], v))
            if log is not None:
                (log.changed if no in current and any(before.values()) else log.added).append(no)
                log.changes.extend((no, k, before[k], v) for k, v in diffs.items())
        # One statement for the whole sheet (each number once: ``updates`` is keyed by it).
        self.store.db.executemany(
            "INSERT INTO marks(no, theory, practical, status) VALUES (?,?,?,?)"
            " ON CONFLICT(no) DO UPDATE SET theory=excluded.theory, practical=excluded.practical, status=excluded.status",
            written)
        return changes

    def import_marks(self, path: str | Path, *, sheet: str | None = None, second_entry: bool = False,
                     pin: str | None = None, reason: str | None = None) -> ImportLog:
        """Marks from a file, all or nothing. With double entry on, the file is one pass
        (``second_entry`` for the check pass) and only agreeing marks count. With codes,
        practical marks come by 评分号 (``pin``/``reason``: a change after the reveal)."""
        from ..io.marks import read_marks

        info = self._refuse_if_finalized()
        if second_entry and not self.double_entry:
            raise RefusedError("double_entry_off")
        team_of = self._team_of(info)
        contestants = self.contestants()
        rows = self._read_coded_marks(Path(path), sheet)  # None: a file by 编号
        if rows is None:
            rows = read_marks(Path(path), known={c.no for c in contestants}, team_of=team_of, sheet=sheet)
            self._refuse_practical_by_no(rows, Path(path).name)
        panel = self.panel_scheme()
        updates: dict[str, dict[str, str | None]] = {}
        for row in rows:
            if panel and "practical" in row.given and row.practical is not ABSENT:
                raise RefusedError("panel_practical_direct", no=row.no)
            fields = updates.setdefault(row.no, {})
            for part in ("theory", "practical"):
                if part in row.given:
                    fields[part] = format_mark(getattr(row, part))
            if "status" in row.given:
                fields["status"] = row.status.value
            if team_of and "practical" in row.given:
                # The team's one practical mark goes on every member (RULES.md §8).
                for c in contestants:
                    if c.team == team_of[row.no]:
                        updates.setdefault(c.no, {})["practical"] = fields["practical"]
        log = ImportLog()
        self.backup("before-import")
        with self._practical_change(pin, reason), self.store.transaction(), self.store.audit_batch():
            if self.double_entry:
                updates = self._record_passes(updates, 2 if second_entry else 1)
            self._write_marks(updates, log)
        self._changed()
        return log

    def set_mark(self, no: str, field: str, text: str | None, *, entry_pass: int = 1, pin: str | None = None,
                 reason: str | None = None) -> list[tuple]:
        """One typed value (GUI): theory, practical ('' clears, 缺考 = absent) or status.

        With double entry on, ``entry_pass`` says whether this is the entry (1) or the
        check (2); the returned changes are those to counted marks only. While codes are
        sealed a practical mark is given, and reported back, by its code; after the
        reveal changing one needs ``pin`` and ``reason`` (RULES.md §12.3)."""
        info = self._refuse_if_finalized()
        if field == "practical":
            no = self._practical_no(no)
        # One row by its number, not the whole roster: this runs on every keystroke.
        found = self.store.db.execute("SELECT team FROM contestants WHERE no=?", [no]).fetchone()
        if found is None:
            raise RefusedError("contestant_unknown", no=no)
        if field in ("theory", "practical"):
            stored = format_mark(parse_mark(text))
            if field == "practical" and stored not in (None, "absent") and self.panel_scheme():
                raise RefusedError("panel_practical_direct", no=no)
        elif field == "status":
            status = parse_status(text or "")
            stored = status.value if status else None
        else:
            raise UsageError("field_unknown", field=field)
        targets = [no]
        if field == "practical" and info.rules.team_size > 1:
            targets = [r[0] for r in self.store.db.execute("SELECT no FROM contestants WHERE team=?", [found[0]])]
        updates = {t: {field: stored} for t in targets}
        panel = self.panel_scheme() if field == "practical" else None
        with self._practical_change(pin, reason), self.store.transaction():
            if self.double_entry:
                updates = self._record_passes(updates, entry_pass)
            changes = self._write_marks(updates)
            if panel is not None and stored is None:
                # Clearing 缺考 (or the cell) in a panel file gives back the judges' mark.
                self._refresh_practical({self._owner_of(no)}, panel)
        self._changed()
        return self._shown_practical(changes)
