"""The ranking as data: the contract's ``ranking --json`` object, and the finalised
results document whose SHA-256 is the fingerprint printed on the sheets and carried by
the handoff file. The same results always serialise to the same bytes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from ..model import Standing, Standings, Status
from ..rules.marks import format_mark

RESULTS_FORMAT = "skillscore-results/1"
_STATUS_TEXT = {s: s.value for s in Status}  # Enum's .value is a property: slow per row


def canonical_json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def fingerprint_of(results_doc: dict) -> str:
    import hashlib  # not at the top: OpenSSL's loading (~4 ms) only when a fingerprint is made

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
        "awards": s.awards._asdict() if s.awards else None,
        "undecided": list(s.undecided) if s.undecided else [],
    }


def ranking_body(standings: Standings) -> dict:
    return {**_ranking_summary(standings), "rows": [standing_row(s) for s in standings.rows]}


def _ranking_summary(standings: Standings) -> dict:
    """The body's fields before its rows."""
    return {
        "ranked": standings.ranked,
        "advance_quota": standings.advance_quota,
        "complete": standings.complete,
        "warnings": list(standings.warnings),
    }


def ranking_text(head: dict, standings: Standings) -> str:
    """``json.dumps({**head, **ranking_body(standings)}, ensure_ascii=False)``, the same
    text, written without building a dict per row: a row with nothing but one position
    and its answers goes through one template (any other row, and the head, through
    json.dumps itself). At 10,000 rows ~45 ms instead of ~60 (issue 18); the text is held
    equal to json.dumps' by tests/test_ranking_text.py."""
    marks: dict = {}  # each distinct mark's JSON, for this text only (10,000 rows: ~5,000 marks)

    def mark(value) -> str:
        text = marks.get(value)
        if text is None:
            shown = format_mark(value)  # digits and a point, or "absent": nothing to escape
            text = marks[value] = "null" if shown is None else f'"{shown}"'
        return text

    rows = []
    for s in standings.rows:
        # The row's fields as locals, in one step: ~0.3 µs a row less than reading each (10,000 rows).
        u, rank, rank_range, tie, _, advances, certificate, awards, undecided = s
        if u.members is not None or rank_range is not None or awards is not None or undecided:
            rows.append(json.dumps(standing_row(s), ensure_ascii=False))
            continue
        rows.append(_ROW % (encode_basestring(u.key), encode_basestring(u.name), mark(u.theory),
                            mark(u.practical), mark(u.total), _STATUS_TEXT[u.status],
                            "null" if rank is None else rank, _word_text(tie), _LITERAL[advances],
                            "null" if certificate is None else certificate))
    opening = json.dumps({**head, **_ranking_summary(standings), "rows": []}, ensure_ascii=False)
    return opening[:-2] + ", ".join(rows) + "]}"  # the rows go between the empty list's brackets


# The one-position row in json.dumps' own spelling; the fields in standing_row's order.
_ROW = ('{"no": %s, "name": %s, "members": null, "theory": %s, "practical": %s, "total": %s, '
        '"status": "%s", "rank": %s, "rank_range": null, "tie": %s, "advances": %s, "certificate": %s, '
        '"awards": null, "undecided": []}')
_LITERAL = {None: "null", True: "true", False: "false"}


@lru_cache(maxsize=64)
def _word_text(word: str | None) -> str:
    return json.dumps(word, ensure_ascii=False)


def tie_methods(standings: Standings) -> dict[str, str]:
    """For rows decided by the committee: 'committee' (with a reason) or 'lot'."""
    return {s.unit.key: s.tie_method for s in standings.rows if s.tie_method}
