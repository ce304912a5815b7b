"""What the hall sees, as data: the ranking object of the open sitting, each unit's
employer, the rows as the wall shows them (formatted, never ranked here), and which
screen is the hall's. No painting; ``projector.py`` draws these rows.

Only the ranking object (no ID numbers, no phones) and employers go in, so nothing
private can come out.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple, Sequence

from skillscore.exchange.results import ranking_body

from .words import level_text, word


class HallRow(NamedTuple):
    cells: dict[str, str]
    tie: str | None = None  # "practical", "unresolved", "committee": a tint and a mark by the rank
    advances: bool = False
    cut_after: bool = False  # the thick cut-off line under this row


def employers_of(contestants) -> dict[str, str]:
    """Each ranked unit's employer: a contestant's own, or a team's members' joined."""
    out: dict[str, str] = {}
    teams: dict[str, list[str]] = {}
    for c in contestants:
        out[c.no] = c.unit
        if c.team:
            units = teams.setdefault(c.team, [])
            if c.unit not in units:
                units.append(c.unit)
    out.update({team: "、".join(units) for team, units in teams.items()})
    return out


def ranking_of(session) -> dict:
    """The contract's ranking object for the open sitting, from the standings the desk has
    already computed (cached in the session) rather than ranking the file again: with
    10,000 contestants that is 40 ms instead of 250 ms after every saved mark. A finalised
    stage shows its stored, fingerprinted results, as ``Competition.ranking`` does."""
    info = session.info()
    if info.finalized:
        return session.comp.ranking()
    ev = info.event
    return {
        "event": {"no": ev.no, "name": ev.name, "certified": ev.certified, "team_size": ev.team_size},
        "stage": info.stage.value, "committee": info.committee, "finalized": False,
        "version": info.version, "fingerprint": None, **ranking_body(session.standings()),
    }


def _mark(text: str | None) -> str:
    if text == "absent":
        return word("absent")
    return text or ""


def hall_rows(ranking: Mapping, employers: Mapping[str, str], *, hidden: bool) -> list[HallRow]:
    """The rows as the hall sees them, formatted from the core's ranking object only."""
    rows = ranking["rows"]
    if hidden:
        # By number, as the contract orders numbers (plain string order); nothing that
        # hints at a result.
        return [HallRow({"no": r["no"], "name": r["name"], "unit": employers.get(r["no"], "")})
                for r in sorted(rows, key=lambda r: r["no"])]
    advancing = [i for i, r in enumerate(rows) if r["status"] == "ranked" and r["advances"] is True]
    last_in = advancing[-1] if advancing and ranking.get("advance_quota") else None
    out = []
    for i, r in enumerate(rows):
        ranked = r["status"] == "ranked"
        if r["rank"] is not None:
            rank = str(r["rank"])
        elif r["rank_range"]:
            rank = f"{r['rank_range'][0]}–{r['rank_range'][1]}"
        else:
            rank = ""
        undecided = r.get("undecided") or []
        if not ranked:
            advances, level = "", ""
        else:
            advances = word("undecided") if r["advances"] is None else ("✓" if r["advances"] else "")
            level = word("undecided") if "certificate" in undecided else level_text(r["certificate"])
        total = r["total"] if ranked else word(r["status"])
        out.append(HallRow(
            {"rank": rank, "no": r["no"], "name": r["name"], "unit": employers.get(r["no"], ""),
             "theory": _mark(r["theory"]), "practical": _mark(r["practical"]), "total": total or "",
             "advances": advances, "certificate": level},
            tie=r["tie"] if ranked else None, advances=r["advances"] is True, cut_after=i == last_in))
    return out


def hall_screen(screens: Sequence, desk_screen=None):
    """The screen for the hall: another screen than the desk's when one is attached."""
    others = [s for s in screens if s is not desk_screen]
    if others and desk_screen is not None:
        return others[0]
    return desk_screen if desk_screen is not None else (screens[0] if screens else None)
