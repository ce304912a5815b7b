"""Cell texts shared by the sheets (and the xlsx export): ranks with their tie marks, marks,
statuses, levels, and the contestant columns, with ID numbers masked unless a sheet is
internal. Everything here only formats what the core computed; no rule is applied.
"""

from __future__ import annotations

from ..catalog import level_name
from ..rules.privacy import mask_id
from .source import SheetSource
from .words import word

TIE_MARKS = {"practical": "▲", "unresolved": "⚠", "committee": "◆"}
TICK = "✓"


def rank_text(row: dict) -> str:
    if row.get("rank") is not None:
        text = str(row["rank"])
    elif row.get("rank_range"):
        a, b = row["rank_range"]
        text = f"{a}–{b}"
    else:
        return ""
    return text + TIE_MARKS.get(row.get("tie"), "")


def mark_text(value: str | None, lang: str, *, missing: str = "") -> str:
    if value == "absent":
        return word("absent", lang)
    if value is None:
        return missing
    return value


def row_marks(row: dict, lang: str) -> tuple[str, str, str]:
    """Theory, practical, total as printed: 缺考 for an absent part, 待录入 for a missing one
    of an incomplete contestant (the only rows that can lack a mark)."""
    missing = word("incomplete", lang) if row["status"] == "incomplete" else ""
    return (mark_text(row["theory"], lang, missing=missing), mark_text(row["practical"], lang, missing=missing),
            row["total"] or "")


def tie_note(source: SheetSource, row: dict, lang: str) -> str:
    tie = row.get("tie")
    if tie == "practical":
        return word("tie_practical", lang)
    if tie == "unresolved":
        return word("tie_unresolved", lang)
    if tie == "committee":
        method = source.ranking.get("tie_methods", {}).get(row["no"], "committee")
        return word("tie_lot" if method == "lot" else "tie_committee", lang)
    return ""


def note_text(source: SheetSource, row: dict, lang: str) -> str:
    """备注: the tie note of a ranked row, or the status of a row without rank."""
    if row["status"] != "ranked":
        return word(row["status"], lang)
    return tie_note(source, row, lang)


def advances_text(row: dict, lang: str) -> str:
    if row["advances"] is None:
        return word("undecided", lang)
    return TICK if row["advances"] else ""


def level_text(row: dict, lang: str) -> str:
    if "certificate" in (row.get("undecided") or []):
        return word("undecided", lang)
    return level_name(row["certificate"], lang) if row.get("certificate") else ""


def tint(row: dict) -> str | None:
    return row.get("tie") if row.get("tie") in TIE_MARKS else None


def person_id(person: dict, *, internal: bool) -> str:
    return (person.get("id_number") or "") if internal else mask_id(person.get("id_number"))


def who(source: SheetSource, row: dict, *, internal: bool = False, ids: bool = True) -> tuple:
    """The (编号, 姓名, 身份证号, 工作单位) cells of a ranked unit. For a team: the team's
    name, then one entry per member (number and name, ID, employer) side by side.
    ``ids=False``: a sheet without the ID column gets "" there (it masks no number it
    would throw away: ~6 ms at 10,000)."""
    members = source.members(row)
    if not source.team_event:
        p = members[0]
        return row["no"], row["name"], person_id(p, internal=internal) if ids else "", p.get("unit", "")
    return (row["no"], tuple(f"{p['no']} {p.get('name', '')}" for p in members),
            tuple(person_id(p, internal=internal) if ids else "" for p in members),
            tuple(p.get("unit", "") for p in members))


def quota_rule_index(source: SheetSource) -> int | None:
    """Index (into the ranked rows) of the last row inside the advancement quota, where the
    cut-off line is drawn; None at the final or with a quota of 0."""
    quota = source.ranking.get("advance_quota")
    ranked = source.ranking.get("ranked", 0)
    if not quota or quota > ranked:
        return None
    return quota - 1
