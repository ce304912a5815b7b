"""Check-in per part (RULES.md §12.1): by 编号 or ID number, closing marks exactly the
absentees 缺考 for that part, a late check-in needs the PIN and a reason, the team event."""

from __future__ import annotations

import pytest

from skillscore.errors import PinError, RefusedError
from skillscore.model import ABSENT

from day_support import Clock, individual, open_file, team
from support import PIN


def test_check_in_by_number_or_id_number_with_time_and_operator(tmp_path):
    clock = Clock()
    path = individual(tmp_path, 5, clock=clock)
    with open_file(path, clock) as comp:
        id_a002 = next(c.id_number for c in comp.contestants() if c.no == "A002")
        clock.later(41)
        cards = comp.check_in(["A001", id_a002.lower()], "theory")  # a reader may type a small x
        assert [(c.state, c.no, c.at) for c in cards] == [("in", "A001", "2025-09-20T08:41:00+08:00"),
                                                          ("in", "A002", "2025-09-20T08:41:00+08:00")]
        assert cards[1].id_masked == id_a002[:6] + "********" + id_a002[-4:]
        clock.later(5)
        again = comp.check_in(["A001"], "theory")
        assert (again[0].state, again[0].at) == ("already", "2025-09-20T08:41:00+08:00")  # the first time stands
        assert comp.checkin_counts("theory") == (2, 5) and comp.checkin_counts("practical") == (0, 5)
        rows = {r["no"]: r for r in comp.checkin_table()["rows"]}
        assert rows["A001"] == {"no": "A001", "theory": "2025-09-20T08:41:00+08:00", "practical": None}
        assert list(rows) == ["A001", "A002", "A003", "A004", "A005"]
        entries = [e for e in comp.audit_entries() if e.action == "checkin"]
        assert [(e.subject, e.field, e.operator) for e in entries] == [("A001", "theory", "检录员"),
                                                                       ("A002", "theory", "检录员")]


def test_an_id_number_not_on_the_roster_is_refused_and_nothing_written(tmp_path):
    with open_file(individual(tmp_path, 3)) as comp:
        assert comp.checkin_card("110101199001011237", "theory").state == "unknown"
        with pytest.raises(RefusedError) as e:
            comp.check_in(["A001", "110101199001011237"], "theory")
        assert e.value.code == "checkin_unknown" and "110101199001011237" in e.value.message("en")
        assert comp.checkin_counts("theory") == (0, 3)  # A001 was not checked in either


def test_withdrawn_and_disqualified_are_marked_and_refused(tmp_path):
    with open_file(individual(tmp_path, 4)) as comp:
        comp.set_mark("A002", "status", "弃权")
        comp.set_mark("A003", "status", "取消资格")
        assert comp.checkin_card("A002", "theory").state == "withdrawn"
        assert comp.checkin_card("A003", "practical").state == "disqualified"
        with pytest.raises(RefusedError) as e:
            comp.check_in(["A003"], "theory")
        assert "取消资格" in e.value.message("zh") and "disqualified" in e.value.message("en")
        assert comp.checkin_counts("theory") == (0, 2)  # 应到 leaves them out


def test_closing_marks_exactly_the_absentees_of_that_part(tmp_path):
    clock = Clock()
    path = individual(tmp_path, 6, clock=clock)
    with open_file(path, clock) as comp:
        comp.set_mark("A006", "status", "弃权")
        comp.check_in(["A001", "A002"], "theory")
        comp.check_in(["A003"], "practical")
        comp.set_mark("A004", "theory", "75")  # a mark already there: left alone
        assert [c.no for c in comp.checkin_absentees("theory")] == ["A003", "A005"]
        with pytest.raises(PinError):
            comp.close_checkin("theory", pin="0000")
        assert comp.checkin_closed("theory") is None
        clock.later(20)
        assert comp.close_checkin("theory", pin=PIN) == ["A003", "A005"]
        entries = comp.entries()
        assert entries["A003"].theory is ABSENT and entries["A005"].theory is ABSENT
        assert entries["A003"].practical is None and entries.get("A001") is None and entries["A004"].theory == 75
        assert "A006" not in entries or entries["A006"].theory is None
        assert comp.checkin_closed("theory") == "2025-09-20T08:20:00+08:00"
        assert comp.checkin_closed("practical") is None
        with pytest.raises(RefusedError):
            comp.close_checkin("theory", pin=PIN)
        close = [e for e in comp.audit_entries() if e.action == "checkin_close"]
        assert len(close) == 1 and '"absent": ["A003", "A005"]' in close[0].new
        assert comp.verify_audit() == []


def test_a_late_check_in_needs_the_pin_and_a_reason_and_clears_the_close_s_absent(tmp_path):
    clock = Clock()
    with open_file(individual(tmp_path, 4, clock=clock), clock) as comp:
        comp.close_checkin("practical", pin=PIN)
        assert comp.checkin_card("A001", "practical").state == "closed"
        with pytest.raises(RefusedError) as e:
            comp.check_in(["A001"], "practical")
        assert e.value.code == "checkin_closed"
        with pytest.raises(PinError):
            comp.check_in(["A001"], "practical", pin="1", reason="地铁故障")
        clock.later(25)
        card = comp.check_in(["A001"], "practical", pin=PIN, reason="地铁故障")[0]
        assert (card.state, card.late_reason, card.cleared) == ("in", "地铁故障", True)
        assert comp.entries()["A001"].practical is None
        # A mark entered after the close stays: the late check-in does not touch it.
        comp.set_mark("A002", "practical", "")
        comp.set_mark("A002", "practical", "缺考")  # typed by a clerk: no longer the close's
        comp.set_mark("A003", "practical", "66")
        for no in ("A002", "A003"):
            card = comp.check_in([no], "practical", pin=PIN, reason="迟到")[0]
            assert card.cleared is False
        entries = comp.entries()
        assert entries["A002"].practical is ABSENT and entries["A003"].practical == 66
        late = [e for e in comp.audit_entries() if e.action == "checkin_late"]
        assert [(e.subject, e.reason) for e in late] == [("A001", "地铁故障"), ("A002", "迟到"), ("A003", "迟到")]
        assert comp.checkin_times()["A001"]["practical"] == ("2025-09-20T08:25:00+08:00", "地铁故障")


def test_the_team_event_checks_in_each_member_and_closes_by_team_for_practical(tmp_path):
    with open_file(team(tmp_path, 3)) as comp:
        comp.check_in(["A001", "A002", "A003"], "theory")  # 一队 both, 二队 one member, 三队 nobody
        comp.check_in(["A001", "A003"], "practical")
        assert comp.checkin_counts("theory") == (3, 6)
        assert comp.close_checkin("theory", pin=PIN) == ["A004", "A005", "A006"]  # each member's own theory
        assert comp.close_checkin("practical", pin=PIN) == ["A005", "A006"]  # only 三队 is absent as a team
        entries = comp.entries()
        assert entries["A004"].practical is None and entries["A005"].practical is ABSENT
        card = comp.check_in(["A006"], "practical", pin=PIN, reason="车辆故障")[0]
        assert card.cleared and comp.entries()["A005"].practical is None  # the team's one mark, both members
        standings = {u.unit.key: u.unit for u in comp.standings().rows}
        assert standings["三队"].theory is ABSENT


def test_a_finalised_stage_refuses_check_in(tmp_path):
    path = individual(tmp_path, 2)
    with open_file(path) as comp:
        for no in ("A001", "A002"):
            comp.set_mark(no, "theory", "80")
            comp.set_mark(no, "practical", "70" if no == "A001" else "71")
        comp.finalize(pin=PIN)
        with pytest.raises(RefusedError) as e:
            comp.check_in(["A001"], "theory")
        assert e.value.code == "finalized"
