"""The ranking as data: the contract's ``ranking --json`` object, and the finalised
results document whose SHA-256 is the fingerprint printed on the sheets and carried by
the handoff file. The same results always serialise to the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from ..model import Standing, Standings, Status
from ..rules.marks import format_mark

RESULTS_FORMAT = "skillscore-results/1"
_STATUS_TEXT = {s: s.value for s in Status}  # Enum's .value is a property: slow per row


def canonical_json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def fingerprint_of(results_doc: dict) -> str:
    return hashlib.sha256(canonical_json(results_doc)).hexdigest()


def standing_row(s: Standing) -> dict:
    # Once per row of every ranking and sheet (10,000 on the city-wide file).
    u = s.unit
    return {
        "no": u.key,
        "name": u.name,
        "members": list(u.members) if u.members is not None else None,
        "theory": format_mark(u.theory),
        "practical": format_mark(u.practical),
        "total": format_mark(u.total),
        "status": _STATUS_TEXT[u.status],
        "rank": s.rank,
        "rank_range": list(s.rank_range) if s.rank_range else None,
        "tie": s.tie,
        "advances": s.advances,
        "certificate": s.certificate,
        "awards": asdict(s.awards) if s.awards else None,
        "undecided": list(s.undecided) if s.undecided else [],
    }


def ranking_body(standings: Standings) -> dict:
    return {
        "ranked": standings.ranked,
        "advance_quota": standings.advance_quota,
        "complete": standings.complete,
        "warnings": list(standings.warnings),
        "rows": [standing_row(s) for s in standings.rows],
    }


def tie_methods(standings: Standings) -> dict[str, str]:
    """For rows decided by the committee: 'committee' (with a reason) or 'lot'."""
    return {s.unit.key: s.tie_method for s in standings.rows if s.tie_method}
