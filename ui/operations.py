"""Every action the desk takes, one line each over ``Competition`` (DESIGN.md).

No rule is computed here or anywhere in ui/: the facade validates, writes and audits.
Each action is tagged with what it changes, so the window refreshes exactly the views
that show it (``Session.do``). Every change also lands in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the actions are run on the facade the session hands them (ui/session.py)
    from skillscore.actions.competition import Competition

ROSTER = "roster"  # who is on the list
MARKS = "marks"  # marks and stage-wide statuses
TIES = "ties"  # tie decisions
STAGE = "stage"  # finalised / reopened
SETTINGS = "settings"  # quota and other settings
DAY = "day"  # check-in and the draw (RULES.md §12.1, §12.2)
EVERYTHING = frozenset({ROSTER, MARKS, TIES, STAGE, SETTINGS, DAY})


def changes(*kinds: str):
    def tag(fn):
        fn.changes = frozenset(kinds)
        return fn

    return tag


@changes(MARKS)
def set_mark(comp: Competition, no: str, field: str, text: str, entry_pass: int = 1, *, pin: str | None = None,
             reason: str | None = None) -> list[tuple]:
    """``pin``/``reason``: a practical mark changed after the reveal (RULES.md §12.3)."""
    return comp.set_mark(no, field, text, entry_pass=entry_pass, pin=pin, reason=reason)


@changes(ROSTER, MARKS)
def import_roster(comp: Competition, path: str | Path):
    return comp.import_roster(path)


@changes(MARKS)
def import_marks(comp: Competition, path: str | Path):
    return comp.import_marks(path)


@changes(ROSTER)
def admit(comp: Competition, no: str, *, reason: str, pin: str) -> None:
    return comp.admit(no, reason=reason, pin=pin)


@changes(TIES)
def resolve_tie(comp: Competition, order: list[str], *, reason: str, pin: str) -> None:
    return comp.resolve_tie(order, reason=reason, pin=pin)


@changes(TIES)
def draw_lots(comp: Competition, group: list[str], *, pin: str) -> list[str]:
    return comp.draw_lots(group, pin=pin)


@changes(SETTINGS)
def set_quota(comp: Competition, quota: int | None, *, pin: str) -> None:
    return comp.set_quota(quota, pin=pin)


@changes(STAGE)
def finalize(comp: Competition, *, pin: str) -> str:
    return comp.finalize(pin=pin)


@changes(STAGE)
def reopen(comp: Competition, *, reason: str, pin: str) -> int:
    return comp.reopen(reason=reason, pin=pin)


# -- output: these change nothing in the file -------------------------------------------
@changes()
def export_roster(comp: Competition, out: str | Path):
    return comp.export_roster(out)


@changes()
def export_marks(comp: Competition, out: str | Path):
    return comp.export_marks(out)


@changes()
def write_report(comp: Competition, kind: str, out: str | Path, *, lang: str, progress=None,
                 with_statistics: bool = False):
    from skillscore.actions.competition import DAY_SHEETS
    from skillscore.reports import write_report as write

    if kind in DAY_SHEETS:  # the day's sheets are drawn from what the facade reads for them
        return write(comp.day_sheet(kind, lang), kind, out, progress=progress, lang=lang)
    return write(comp, kind, out, progress=progress, lang=lang, with_statistics=with_statistics)


@changes()
def export_package(comp: Competition, out: str | Path, *, progress=None):
    from skillscore.exchange.handoff import export_package as export

    return export(comp, out, progress=progress)


# -- judging panels (RULES.md §11) ------------------------------------------------------
@changes(MARKS)
def set_panel_mark(comp: Competition, no: str, module: str, judge: int, text: str) -> None:
    return comp.set_panel_mark(no, module, judge, text)


# -- the chief judge settles, handoff sources, backups (issues 6 and 7) -------------------
@changes(MARKS)
def settle(comp: Competition, no: str, field: str, text: str, *, pin: str) -> None:
    return comp.settle(no, field, text, pin=pin)


@changes(MARKS)
def settle_conflict(comp: Competition, no: str, field: str, text: str, *, pin: str) -> None:
    return comp.settle_conflict(no, field, text, pin=pin)


@changes(ROSTER, MARKS)
def add_source(comp: Competition, package: str | Path, code: str | None = None):
    return comp.add_source(package, code)


@changes()
def backup(comp: Competition, reason: str = "manual") -> Path:
    return comp.backup(reason)


@changes(SETTINGS)
def set_second_backup_folder(comp: Competition, folder: str | Path | None) -> None:
    return comp.set_second_backup_folder(folder)


@changes(*EVERYTHING)
def restore(comp: Competition, backup: str | Path) -> Path:
    return comp.restore(backup)


# -- the competition day (RULES.md §12.1, §12.2) -----------------------------------------
# A late check-in may give back a mark, and a close writes 缺考: both change marks.
@changes(DAY, MARKS)
def check_in(comp: Competition, texts: list[str], part: str, *, pin: str | None = None, reason: str | None = None):
    return comp.check_in(texts, part, pin=pin, reason=reason)


@changes(DAY, MARKS)
def close_checkin(comp: Competition, part: str, *, pin: str) -> list[str]:
    return comp.close_checkin(part, pin=pin)


@changes(DAY)
def make_draw(comp: Competition, stations: int, seed: str, *, redo: bool = False, reason: str | None = None,
              pin: str | None = None):
    return comp.make_draw(stations, seed, redo=redo, reason=reason, pin=pin)


@changes(DAY)
def import_draw(comp: Competition, path: str | Path, *, stations: int | None = None, redo: bool = False,
                reason: str | None = None, pin: str | None = None):
    return comp.import_draw(path, stations=stations, redo=redo, reason=reason, pin=pin)


@changes(DAY)
def move_seat(comp: Competition, key: str, session: int, station: int, *, reason: str, pin: str):
    return comp.move_seat(key, session, station, reason=reason, pin=pin)


# -- marking under codes and appeals (RULES.md §12.3–§12.5, issue 17) -----------------------
@changes(STAGE, MARKS)
def seal_codes(comp: Competition, *, pin: str) -> int:
    return comp.seal_codes(pin=pin)


@changes(STAGE, MARKS)
def reveal_codes(comp: Competition, *, pin: str) -> None:
    return comp.reveal_codes(pin=pin)


@changes(SETTINGS)
def add_appeal(comp: Competition, no: str, *, by: str, subject: str, part: str, received: str | None = None) -> int:
    return comp.add_appeal(no, by=by, subject=subject, part=part, received=received)


@changes(MARKS)
def decide_appeal(comp: Competition, appeal_id: int, *, upheld: bool, reason: str, pin: str, changes=()) -> list:
    return comp.decide_appeal(appeal_id, upheld=upheld, reason=reason, pin=pin, changes=list(changes))


@changes(SETTINGS)
def set_appeal_window(comp: Competition, part: str, ends: str, *, hours: str = "2") -> None:
    return comp.set_appeal_window(part, ends, hours=hours)


@changes()
def write_day_sheet(comp: Competition, kind: str, out: str | Path, *, lang: str, pin: str | None = None, progress=None):
    """The key (PIN, audited as a printing) or the appeals register."""
    from skillscore.reports import write_report as write

    if kind == "key":
        return comp.write_key_sheet(out, pin=pin, lang=lang, progress=progress)
    return write(comp.appeals_sheet_data(), kind, out, progress=progress, lang=lang)
