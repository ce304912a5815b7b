"""The ranking's own reading of an individual event (one query, ``_individual_units``) makes
exactly the units the general path makes from ``contestants()`` and ``entries()``: marks,
缺考, no mark, stage-wide statuses, union cards, roster order (issue 18)."""

from __future__ import annotations

from skillscore.actions.competition import Competition
from skillscore.demo import build_large
from skillscore.exchange.results import ranking_body
from skillscore.rules.standings import compute_standings
from skillscore.rules.units import build_units


def test_the_ranking_reads_the_units_the_general_path_builds(tmp_path):
    path = build_large(tmp_path / "c.sqlite", 60, missing=5)
    with Competition(path) as comp:
        nos = [c.no for c in comp.contestants()]
        comp.set_mark(nos[0], "theory", "缺考")
        comp.set_mark(nos[1], "practical", "缺考")
        comp.set_mark(nos[2], "theory", "缺考")
        comp.set_mark(nos[2], "practical", "缺考")
        comp.set_mark(nos[3], "status", "withdrawn")
        comp.set_mark(nos[4], "status", "disqualified")
        comp.set_mark(nos[5], "theory", "")
        comp.set_mark(nos[6], "theory", "-0")  # read back as 0.00, never -0.00
        comp.store.db.execute("DELETE FROM marks WHERE no = ?", [nos[7]])  # never entered at all
        general = build_units(comp.contestants(), comp.entries(), 1)
        read = comp._individual_units()
        assert read == general
        assert len({u.status for u in read}) >= 4 and any(u.union_card for u in read)
        info = comp.info()
        assert ranking_body(comp.standings(info)) == ranking_body(compute_standings(general, info.rules,
                                                                                     comp.tie_decisions()))
        assert comp.ranking()["rows"][0]["rank"] == 1


def test_a_status_the_program_does_not_know_stops_the_ranking_as_before(tmp_path):
    import pytest

    from skillscore.errors import RefusedError

    path = build_large(tmp_path / "c.sqlite", 40)
    with Competition(path) as comp:
        no = comp.contestants()[0].no
        comp.store.db.execute("UPDATE marks SET status = 'Withdrawn' WHERE no = ?", [no])  # as a hand edit would
        # Refused naming the file (once a bare ValueError, reported as the program's fault).
        for read in (comp.entries, comp._individual_units, comp.ranking):
            with pytest.raises(RefusedError) as e:
                read()
            assert e.value.code == "file_mark_unreadable" and "'Withdrawn'" in e.value.message("en")
            assert f"{no}'s status" in e.value.message("en")
