"""The draw in the competition file (RULES.md §12.2): by seed exactly as the rule says,
recorded by hand all or nothing, moves and redraws guarded by the PIN, all audited."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

import openpyxl
import pytest

from skillscore.errors import InputError, PinError, RefusedError, UsageError

from day_support import individual, open_file, team
from support import PIN, write_csv


def by_hand(seed: str, keys: list[str], stations: int) -> list[tuple[str, int, int]]:
    """The rule written out again, independently of rules/draw.py."""
    order = sorted(keys, key=lambda k: hashlib.sha256(f"{seed}|{k}".encode()).hexdigest())
    m = -(-len(order) // stations)
    q, r = divmod(len(order), m)
    seats, i = [], 0
    for session in range(1, m + 1):
        for station in range(1, q + (1 if session <= r else 0) + 1):
            seats.append((order[i], session, station))
            i += 1
    return seats


def test_the_worked_example_of_the_rules(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        comp.make_draw(2, "示例")
        assert comp.draw_rows() == [("A004", 1, 1), ("A003", 1, 2), ("A001", 2, 1), ("A005", 2, 2), ("A002", 3, 1)]
        assert comp.draw_table() == {"seed": "示例", "stations": 2, "rows": [
            {"no": "A004", "session": 1, "station": 1}, {"no": "A003", "session": 1, "station": 2},
            {"no": "A001", "session": 2, "station": 1}, {"no": "A005", "session": 2, "station": 2},
            {"no": "A002", "session": 3, "station": 1}]}


@pytest.mark.parametrize("n, stations", [(23, 4), (30, 7), (9, 9), (10, 3)])
def test_the_same_seed_gives_the_same_draw_on_another_file(tmp_path, n, stations):
    one, two = individual(tmp_path, n, name="one.skillscore"), individual(tmp_path, n, name="two.skillscore")
    with open_file(one) as a, open_file(two) as b:
        a.make_draw(stations, "2025东城")
        b.make_draw(stations, "2025东城")
        rows = a.draw_rows()
        assert rows == b.draw_rows() == by_hand("2025东城", [f"A{k:03d}" for k in range(1, n + 1)], stations)
    sizes = Counter(s for _, s, _ in rows)
    assert max(sizes.values()) - min(sizes.values()) <= 1 and max(sizes.values()) <= stations
    assert len({(s, j) for _, s, j in rows}) == len(rows) == n  # every (session, station) once


def test_a_random_seed_is_sixteen_hex_digits_and_kept(tmp_path):
    with open_file(individual(tmp_path, 6)) as comp:
        comp.make_draw(4)
        seed, stations, kind = comp.draw_settings()
        assert len(seed) == 16 and int(seed, 16) >= 0 and (stations, kind) == (4, "seed")
        assert comp.draw_rows() == by_hand(seed, [f"A{k:03d}" for k in range(1, 7)], 4)


def test_units_with_a_stage_wide_status_are_not_drawn(tmp_path):
    path = individual(tmp_path, 6)
    with open_file(path) as comp:
        comp.set_mark("A002", "status", "弃权")
        comp.set_mark("A005", "status", "取消资格")
        comp.make_draw(3, "s")
        assert sorted(u for u, _, _ in comp.draw_rows()) == ["A001", "A003", "A004", "A006"]


def test_a_redraw_needs_the_pin_and_a_reason(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        comp.make_draw(2, "示例")
        before = comp.draw_rows()
        with pytest.raises(RefusedError) as e:
            comp.make_draw(2, "other")
        assert e.value.code == "draw_exists"
        with pytest.raises(UsageError):
            comp.make_draw(2, "other", redo=True, reason=" ", pin=PIN)
        with pytest.raises(PinError):
            comp.make_draw(2, "other", redo=True, reason="漏列一人", pin="0000")
        assert comp.draw_rows() == before
        comp.make_draw(3, "other", redo=True, reason="漏列一人", pin=PIN)
        assert comp.draw_table()["seed"] == "other" and comp.draw_rows() == by_hand("other", [
            f"A{k:03d}" for k in range(1, 6)], 3)
        draws = [e for e in comp.audit_entries() if e.action == "draw"]
        assert [d.reason for d in draws] == [None, "漏列一人"]
        assert '"seed": "示例"' in draws[0].new and "1-1:A004" in draws[0].new and "1-1:A004" in draws[1].old
        assert comp.verify_audit() == []


def test_moves_are_guarded_checked_and_audited(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        comp.make_draw(2, "示例")  # A004 1-1, A003 1-2, A001 2-1, A005 2-2, A002 3-1
        with pytest.raises(RefusedError) as e:
            comp.move_seat("A001", 1, 2, reason="设备故障", pin=PIN)
        assert e.value.code == "draw_station_taken" and "A003" in e.value.message("zh")
        with pytest.raises(RefusedError) as e:
            comp.move_seat("A001", 3, 3, reason="设备故障", pin=PIN)
        assert e.value.code == "draw_station_range"
        with pytest.raises(RefusedError) as e:
            comp.move_seat("A001", 5, 1, reason="设备故障", pin=PIN)
        assert e.value.code == "draw_session_gap"
        with pytest.raises(RefusedError):
            comp.move_seat("A002", 4, 1, reason="设备故障", pin=PIN)  # session 3 would be left empty
        with pytest.raises(RefusedError) as e:
            comp.move_seat("Z999", 3, 2, reason="设备故障", pin=PIN)
        assert e.value.code == "draw_not_a_unit"
        with pytest.raises(UsageError):
            comp.move_seat("A001", 3, 2, reason="", pin=PIN)
        with pytest.raises(PinError):
            comp.move_seat("A001", 3, 2, reason="设备故障", pin="1111")
        assert ("A001", 2, 1) in comp.draw_rows()
        assert comp.move_seat("A001", 3, 2, reason="2号工位设备故障", pin=PIN) == (2, 1)
        assert ("A001", 3, 2) in comp.draw_rows()
        move = [e for e in comp.audit_entries() if e.action == "draw_move"]
        assert [(m.subject, m.old, m.new, m.reason) for m in move] == [("A001", "2-1", "3-2", "2号工位设备故障")]
        sheet = comp.draw_sheet()
        assert sheet.seed == "示例" and any("2号工位设备故障" in r for r in sheet.remarks)
        assert next(s for s in sheet.seats if s.key == "A001").note  # the moved line says where it was


def hand_file(tmp_path, rows, suffix="csv", header=("编号", "场次", "工位号")):
    if suffix == "csv":
        return write_csv(tmp_path / "手工抽签.csv", list(header), [list(map(str, r)) for r in rows])
    book = openpyxl.Workbook()
    book.active.append(list(header))
    for r in rows:
        book.active.append(list(r))
    path = tmp_path / "手工抽签.xlsx"
    book.save(path)
    return path


GOOD = [("A001", 1, 1), ("A002", 1, 2), ("A003", 2, 1), ("A004", 2, 2), ("A005", 3, 1)]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_hand_draw_is_recorded_without_a_seed(tmp_path, suffix):
    with open_file(individual(tmp_path, 5)) as comp:
        comp.import_draw(hand_file(tmp_path, GOOD, suffix))
        assert comp.draw_rows() == GOOD
        assert comp.draw_table()["seed"] is None and comp.draw_settings() == (None, 2, "hand")
        assert comp.draw_sheet().seed is None
        assert [e.action for e in comp.audit_entries()][-1] == "draw_import"


@pytest.mark.parametrize("bad, row, column, code", [
    (("A009", 3, 1), 6, "编号", "draw_unit_unknown"),
    (("A001", 3, 1), 6, "编号", "draw_unit_twice"),
    (("A005", "三", 1), 6, "场次", "draw_session_range"),
    (("A005", 0, 1), 6, "场次", "draw_session_range"),
    (("A005", 3, 4), 6, "工位号", "draw_station_range"),
    (("A005", 2, 1), 6, "工位号", "draw_station_taken"),
    (("A005", 4, 1), 6, "场次", "draw_session_gap"),
    (("", 3, 1), 6, "编号", "no_missing"),
])
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_hand_draw_with_an_error_is_refused_by_file_row_and_column(tmp_path, bad, row, column, code, suffix):
    path = individual(tmp_path, 5)
    with open_file(path) as comp:
        comp.make_draw(2, "示例")
    before = sqlite3.connect(path).execute("SELECT * FROM draw_seats ORDER BY unit").fetchall()
    with open_file(path) as comp:
        with pytest.raises(InputError) as e:
            comp.import_draw(hand_file(tmp_path, GOOD[:4] + [bad], suffix), stations=3, redo=True, reason="改为手工抽签",
                             pin=PIN)
    problem = next(p for p in e.value.problems if p.code == code)
    assert (problem.file, problem.row, problem.column) == (f"手工抽签.{suffix}", row, column)
    assert "手工抽签" in e.value.message("zh") and f"第 {row} 行" in e.value.message("zh")
    assert sqlite3.connect(path).execute("SELECT * FROM draw_seats ORDER BY unit").fetchall() == before
    with open_file(path) as comp:
        assert comp.draw_settings()[2] == "seed"


def test_a_hand_draw_missing_a_unit_names_it(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        with pytest.raises(InputError) as e:
            comp.import_draw(hand_file(tmp_path, GOOD[:4]))
        assert [(p.code, p.value, p.column) for p in e.value.problems] == [("draw_unit_missing", "A005", "编号")]
        assert comp.draw_rows() == []


def test_a_hand_draw_over_a_draw_needs_the_pin_and_a_reason(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        comp.make_draw(2, "示例")
        with pytest.raises(RefusedError):
            comp.import_draw(hand_file(tmp_path, GOOD))
        with pytest.raises(PinError):
            comp.import_draw(hand_file(tmp_path, GOOD), redo=True, reason="现场抽签", pin="9")
        comp.import_draw(hand_file(tmp_path, GOOD), redo=True, reason="现场抽签", pin=PIN)
        assert comp.draw_rows() == GOOD


def test_teams_draw_as_units(tmp_path):
    with open_file(team(tmp_path, 5)) as comp:
        comp.make_draw(2, "示例")
        rows = comp.draw_rows()
        names = ["一队", "二队", "三队", "四队", "五队"]
        assert rows == by_hand("示例", names, 2)
        sheet = comp.draw_sheet()
        assert sheet.sitting.team_event and all("、" in s.name for s in sheet.seats)  # both members named
        person = next(p for p in comp.checkin_sheet().people if p.no == "A001")
        assert (person.team, (person.session, person.station)) == ("一队", next((s, j) for u, s, j in rows
                                                                               if u == "一队"))
        scores = comp.score_sheets()
        assert [u.label for u in scores.units] == [u for u, _, _ in rows] and not scores.sealed


def test_score_sheets_follow_session_and_station_and_carry_no_names(tmp_path):
    with open_file(individual(tmp_path, 5)) as comp:
        assert [u.label for u in comp.score_sheets().units] == ["A001", "A002", "A003", "A004", "A005"]
        comp.make_draw(2, "示例")
        data = comp.score_sheets()
        assert [(u.label, u.session, u.station) for u in data.units] == comp.draw_rows()
        assert data.judges == 1 and not data.modules
