"""The ranking as data: the contract's ``ranking --json`` object, and the finalised
results document whose SHA-256 is the fingerprint printed on the sheets and carried by
the handoff file. The same results always serialise to the same bytes.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from ..memo import Memo
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


def ranking_utf8(head: dict, standings: Standings) -> bytes:
    """``json.dumps({**head, **ranking_body(standings)}, ensure_ascii=False)`` encoded as
    UTF-8, the same bytes, written without building a dict per row: a row with nothing but
    one position and its answers goes through one template (any other row, and the head,
    through json.dumps itself). Bytes, not text: 10,000 rows with Chinese names are 2.5 MB,
    and as text every row and the whole are made twice as wide, then encoded again to be
    printed. At 10,000 rows ~25 ms instead of ~60 (issue 18); held equal to json.dumps' by
    tests/test_ranking_text.py. A text UTF-8 cannot hold (a lone surrogate in a
    hand-edited name) raises UnicodeEncodeError, as printing json.dumps' text would."""
    marks = Memo(_mark_json)  # each distinct mark's JSON, for this text only (10,000 rows: ~5,000)
    rows = []
    append = rows.append
    for s in standings.rows:
        # The row's fields, and its unit's, as locals in one step each, and what is looked up
        # by subscript (a dict's hit costs no call): ~0.6 µs a row less (10,000 rows).
        u, rank, rank_range, tie, _, advances, certificate, awards, undecided = s
        key, name, members, theory, practical, status, total, _, _, _ = u
        if members is not None or rank_range is not None or awards is not None or undecided:
            append(json.dumps(standing_row(s), ensure_ascii=False).encode())
            continue
        append(_ROW % (encode_basestring(key).encode(), encode_basestring(name).encode(), marks[theory],
                       marks[practical], marks[total], _STATUS_UTF8[status], b"null" if rank is None else b"%d" % rank,
                       _WORDS[tie], _LITERAL[advances], b"null" if certificate is None else b"%d" % certificate))
    opening = json.dumps({**head, **_ranking_summary(standings), "rows": []}, ensure_ascii=False).encode()
    # The rows go between the empty list's brackets, in one join: 2.5 MB copied once.
    return b"".join((opening[:-2], b", ".join(rows), b"]}"))


def _mark_json(value) -> bytes:
    shown = format_mark(value)  # digits and a point, or "absent": nothing to escape
    return b"null" if shown is None else b'"%s"' % shown.encode()


# The one-position row in json.dumps' own spelling; the fields in standing_row's order.
_ROW = (b'{"no": %b, "name": %b, "members": null, "theory": %b, "practical": %b, "total": %b, '
        b'"status": "%b", "rank": %b, "rank_range": null, "tie": %b, "advances": %b, "certificate": %b, '
        b'"awards": null, "undecided": []}')
_LITERAL = {None: b"null", True: b"true", False: b"false"}
_STATUS_UTF8 = {s: s.value.encode() for s in Status}
_WORDS = Memo(lambda word: json.dumps(word, ensure_ascii=False).encode())  # a tie's word: a handful


def tie_methods(standings: Standings) -> dict[str, str]:
    """For rows decided by the committee: 'committee' (with a reason) or 'lot'."""
    return {s.unit.key: s.tie_method for s in standings.rows if s.tie_method}
