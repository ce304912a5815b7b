"""The results sheet's cells (``results.row_cells``, issue 18: the sheet's words looked up
once, not once a row) are what the shared cell helpers of reports/common.py give each
row: rank and tie mark, who, the marks with 缺考 and 待录入, ✓ and 待定, the level, the
note. The xlsx export takes the same texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillscore.reports.common import advances_text, level_text, note_text, rank_text, row_marks, who
from skillscore.reports.results import KEYS, columns, row_cells
from skillscore.reports.source import SheetSource

STATUSES = ["ranked", "absent", "withdrawn", "disqualified", "incomplete"]
MARKS = st.sampled_from([None, "absent", "0.00", "88.50", "100.00"])
NOS = st.sampled_from(["A001", "A002", "A003", "B001", "队1"])


def reference(source: SheetSource, row: dict, keys: list[str], lang: str) -> tuple:
    """The cells as the helpers give them, one helper call a cell."""
    no, name, _, unit = who(source, row, ids=False)
    theory, practical, total = row_marks(row, lang)
    ranked = row["status"] == "ranked"
    values = {"rank": rank_text(row), "no": no, "name": name, "unit": unit, "theory": theory,
              "practical": practical, "total": total,
              "advances": advances_text(row, lang) if ranked else "",
              "certificate": level_text(row, lang) if ranked else "", "note": note_text(source, row, lang)}
    return tuple(values[k] for k in keys)


rows = st.fixed_dictionaries({
    "no": NOS, "name": st.sampled_from(["董浩", "刘䶮", "第1队", ""]),
    "members": st.none() | st.lists(NOS, min_size=1, max_size=3),
    "theory": MARKS, "practical": MARKS, "total": st.sampled_from([None, "", "78.65"]),
    "status": st.sampled_from(STATUSES),
    "rank": st.none() | st.integers(1, 10001),
    "rank_range": st.none() | st.tuples(st.integers(1, 50), st.integers(51, 99)).map(list),
    "tie": st.sampled_from([None, "practical", "unresolved", "committee", "other"]),
    "advances": st.sampled_from([None, True, False]),
    "certificate": st.sampled_from([None, 0, 1, 3, 5]),
    "undecided": st.sampled_from([[], ["certificate"], ["advances"], None]),
})
person = st.fixed_dictionaries({"unit": st.sampled_from(["", "北京汽车集团有限公司"])},
                               optional={"name": st.sampled_from(["董浩", "刘䶮"])})
# As the document holds them: by 编号, each with its 编号; a row's member may be missing.
people = st.dictionaries(NOS, person).map(lambda found: {no: {"no": no, **p} for no, p in found.items()})


@settings(max_examples=300, deadline=None)
@given(st.lists(rows, min_size=1, max_size=8), people, st.sampled_from([1, 2, 3]), st.sampled_from(["zh", "en"]),
       st.sampled_from(["prelim", "final"]), st.booleans(),
       st.dictionaries(NOS, st.sampled_from(["lot", "committee"])))
def test_each_cell_is_what_the_helpers_give(body, folks, team_size, lang, stage, certified, methods):
    doc = {"stage": stage, "event": {"team_size": team_size, "certified": certified},
           "ranking": {"rows": body, "tie_methods": methods}}
    source = SheetSource(doc=doc, finalized=False, fingerprint=None, people=folks)
    keys = [c.key for c in columns(source, lang)]
    cells = row_cells(source, keys, lang)
    for row in body:
        assert cells(row) == reference(source, row, keys, lang)
    every = row_cells(source, list(KEYS), lang)  # every column, in any order
    assert every(body[0]) == reference(source, body[0], list(KEYS), lang)
    for key in KEYS:  # a column alone
        assert row_cells(source, [key], lang)(body[0]) == reference(source, body[0], [key], lang)
    backwards = list(reversed(KEYS))
    assert row_cells(source, backwards, lang)(body[0]) == reference(source, body[0], backwards, lang)
