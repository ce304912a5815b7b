"""Practical marks under anonymous codes (RULES.md §12.3, issue 17): sealing, the key with
the PIN, entry by code only, rankings withheld, the reveal and the lock after it."""

from __future__ import annotations

import json
import re
import sqlite3
from decimal import ROUND_HALF_UP, Decimal

import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli, write_csv
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, mark_rows, roster_rows
from skillscore.errors import InputError, RefusedError
from skillscore.rules.codes import code_length

N = 30


def make_file(tmp_path, n: int = N, **create) -> tuple:
    """A sitting with roster and theory by 编号, and the practical marks still on paper."""
    path = tmp_path / "comp.sqlite"
    roster = roster_rows(n, seed=17)
    marks = mark_rows([r[0] for r in roster], seed=17)
    Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                       date="2025-09-20", **create).close()
    assert run_cli("roster", "import", path, write_csv(tmp_path / "roster.csv", ROSTER_HEADER, roster)).returncode == 0
    theory = write_csv(tmp_path / "theory.csv", ["编号", "理论知识"], [[m[0], m[1]] for m in marks])
    assert run_cli("marks", "import", path, theory).returncode == 0
    return path, {m[0]: m[1] for m in marks}, {m[0]: m[2] for m in marks}


def key_of(path) -> dict[str, str]:
    out = run_cli("codes", "key", path, "--pin", PIN, "--json")
    assert out.returncode == 0, out.stderr
    return {r["no"]: r["code"] for r in json.loads(out.stdout)["rows"]}


@pytest.fixture
def sealed(tmp_path):
    path, theory, practical = make_file(tmp_path)
    out = run_cli("codes", "seal", path, "--pin", PIN)
    assert out.returncode == 0, out.stderr
    return path, theory, practical


def by_code(tmp_path, path, practical, name="practical.csv"):
    key = key_of(path)
    return write_csv(tmp_path / name, ["评分号", "技能操作"], [[key[no], value] for no, value in practical.items()])


# -- sealing and the key ------------------------------------------------------------------------
def test_codes_are_distinct_digits_of_the_rules_length_and_not_in_number_order(sealed):
    path, _, _ = sealed
    key = key_of(path)
    codes = [key[no] for no in sorted(key)]
    assert len(key) == N and len(set(codes)) == N
    assert all(re.fullmatch(r"\d{%d}" % code_length(N), c) for c in codes)  # 30 units → 3 digits
    assert code_length(N) == 3
    assert codes != sorted(codes) and codes != sorted(codes, reverse=True)  # 1 in 30!/2: never by chance


def test_the_key_needs_the_pin_and_every_reading_is_audited(sealed):
    path, _, _ = sealed
    wrong = run_cli("codes", "key", path, "--pin", "0000", "--json")
    assert wrong.returncode == 1 and wrong.stdout == ""
    key_of(path)
    key_of(path)
    with Competition(path) as comp:
        actions = [e.action for e in comp.audit_entries()]
        seal = next(e for e in comp.audit_entries() if e.action == "codes_seal")
    assert actions.count("codes_key_read") == 2 and "pin_failed" in actions
    assert json.loads(seal.new) == {"count": N, "length": 3}  # the log itself never holds a code


def test_sealing_twice_or_after_practical_marks_is_refused(sealed, tmp_path):
    path, _, _ = sealed
    again = run_cli("codes", "seal", path, "--pin", PIN)
    assert again.returncode == 1 and "已" in again.stderr and "加密" in again.stderr
    (tmp_path / "b").mkdir()
    other, _, _ = make_file(tmp_path / "b")
    run_cli("marks", "import", other, write_csv(tmp_path / "p.csv", ["编号", "技能操作"], [["A001", "80"]]))
    late = run_cli("codes", "seal", other, "--pin", PIN, "--lang", "en")
    assert late.returncode == 1 and "before practical marking" in late.stderr


# -- while sealed ----------------------------------------------------------------------------------
def test_ranking_and_sheets_are_withheld_naming_the_seal(sealed, tmp_path):
    path, _, _ = sealed
    out = run_cli("ranking", path, "--json", "--lang", "en")
    assert out.returncode == 1 and "sealed" in out.stderr and out.stdout == ""
    sheet = run_cli("report", path, "results", "-o", tmp_path / "r.pdf")
    assert sheet.returncode == 1 and "已加密" in sheet.stderr and not (tmp_path / "r.pdf").exists()
    assert run_cli("finalize", path, "--pin", PIN).returncode == 1


def test_practical_by_number_is_refused_by_code_accepted_theory_by_number_as_before(sealed, tmp_path):
    path, _, practical = sealed
    refused = run_cli("marks", "set", path, "A001", "practical", "80")
    assert refused.returncode == 1 and "评分号" in refused.stderr
    by_no = run_cli("marks", "import", path, write_csv(tmp_path / "no.csv", ["编号", "技能操作"], [["A002", "81"]]))
    assert by_no.returncode == 1 and "评分号" in by_no.stderr and "第 2 行" in by_no.stderr
    assert run_cli("marks", "set", path, "A001", "theory", "66").returncode == 0
    ok = run_cli("marks", "import", path, by_code(tmp_path, path, practical))
    assert ok.returncode == 0, ok.stderr
    with Competition(path) as comp:
        entries = comp.entries()
    assert {no: str(entries[no].practical) for no in practical} == {no: v for no, v in practical.items()}


def test_a_file_by_code_names_codes_in_its_problems_never_numbers(sealed, tmp_path):
    path, _, _ = sealed
    key = key_of(path)
    # Codes are drawn at random: the unknown one is the first of these the draw did not give
    # (a fixed "999" was, now and then, a contestant's code).
    unknown = next(c for c in ("999", "998", "997") if c not in key.values())
    bad = write_csv(tmp_path / "bad.csv", ["评分号", "技能操作"], [[key["A001"], "101"], [unknown, "80"]])
    with Competition(path) as comp, pytest.raises(InputError) as e:
        comp.import_marks(bad)
    text = e.value.message("zh")
    assert "第 2 行" in text and "101" in text and f"评分号 {unknown} 不存在" in text and "A001" not in text
    mixed = write_csv(tmp_path / "mixed.csv", ["评分号", "编号", "技能操作"], [[key["A001"], "A001", "80"]])
    with Competition(path) as comp, pytest.raises(InputError, match="编号"):
        comp.import_marks(mixed)


def test_what_the_facade_reports_while_sealed_names_codes(sealed):
    path, _, _ = sealed
    key = key_of(path)
    with Competition(path, operator="王芳") as comp:
        changes = comp.set_mark(key["A003"], "practical", "77.5")
        assert changes == [(key["A003"], "practical", None, "77.50")]
        comp.set_mark("A003", "theory", "70")
        shown = [(e.subject, e.field) for e in comp.audit_entries() if e.action == "mark"]
    assert (key["A003"], "practical") in shown and ("A003", "theory") in shown
    assert ("A003", "practical") not in shown
    listing = run_cli("audit", path).stdout
    assert not re.search(r"\tA003\tpractical\t", listing) and f"\t{key['A003']}\tpractical\t" in listing


# -- the reveal ------------------------------------------------------------------------------------
def independent_ranking(theory: dict, practical: dict) -> list[tuple[str, str]]:
    """Total = 30% theory + 70% practical, half-up to 2 decimals; by total, then practical."""
    def total(no):
        t = Decimal(theory[no]) * Decimal("0.3") + Decimal(practical[no]) * Decimal("0.7")
        return t.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    order = sorted(theory, key=lambda no: (-total(no), -Decimal(practical[no]), no))
    return [(no, f"{total(no):.2f}") for no in order]


def test_reveal_refused_while_incomplete_then_ranking_equals_an_independent_computation(sealed, tmp_path):
    path, theory, practical = sealed
    key = key_of(path)
    first = dict(list(practical.items())[:-2])
    run_cli("marks", "import", path, by_code(tmp_path, path, first, "first.csv"))
    refused = run_cli("codes", "reveal", path, "--pin", PIN)
    assert refused.returncode == 1 and "2 个评分号" in refused.stderr
    missing = [no for no in practical if no not in first]
    assert all(key[no] in refused.stderr for no in missing) and not any(no in refused.stderr for no in missing)
    run_cli("marks", "import", path, by_code(tmp_path, path, practical, "all.csv"))
    ok = run_cli("codes", "reveal", path, "--pin", PIN)
    assert ok.returncode == 0, ok.stderr
    got = ranking_json(path)
    assert [(r["no"], r["total"]) for r in got["rows"]] == independent_ranking(theory, practical)
    assert run_cli("codes", "reveal", path, "--pin", PIN).returncode == 1


def test_reveal_waits_for_double_entry_to_agree(tmp_path):
    path, _, _ = make_file(tmp_path, n=4, double_entry=True)
    with Competition(path, operator="甲") as comp:
        comp.seal_codes(pin=PIN)
        key = {e.key: e.code for e in comp.codes_key(pin=PIN)}
        for no in key:
            comp.set_mark(key[no], "practical", "80")
    with Competition(path, operator="乙") as comp:
        for no in list(key)[:3]:
            comp.set_mark(key[no], "practical", "80", entry_pass=2)
        comp.set_mark(key["A004"], "practical", "81", entry_pass=2)
        pending = [(p.no, p.first, p.second) for p in comp.pending_marks() if p.field == "practical"]
        assert pending == [(key["A004"], "80.00", "81.00")]  # theory typed once waits too, by 编号
        blockers = dict(comp.reveal_blockers())  # not counted yet, and unsettled: both say so
        assert blockers.keys() == {"codes_reveal_missing", "codes_reveal_pending"}
        assert blockers["codes_reveal_pending"] == {"count": 1, "codes": key["A004"]}
        with pytest.raises(RefusedError):
            comp.reveal_codes(pin=PIN)
        comp.settle(key["A004"], "practical", "81", pin=PIN)
        comp.reveal_codes(pin=PIN)
        assert comp.entries()["A004"].practical == Decimal("81")


def test_the_codes_a_reveal_waits_for_are_listed_as_each_language_lists(sealed, tmp_path):
    path, _, practical = sealed
    key = key_of(path)
    three = [key[no] for no in ("A001", "A002", "A003")]
    rest = {no: m for no, m in practical.items() if no not in ("A001", "A002", "A003")}
    assert run_cli("marks", "import", path, by_code(tmp_path, path, rest)).returncode == 0
    zh = run_cli("codes", "reveal", path, "--pin", PIN)
    en = run_cli("codes", "reveal", path, "--pin", PIN, "--lang", "en")
    shown = sorted(three)
    assert zh.returncode == en.returncode == 1
    assert "、".join(shown) in zh.stderr and ", ".join(shown) in en.stderr and "、" not in en.stderr


def test_after_the_reveal_a_practical_change_needs_pin_and_reason_and_is_listed(sealed, tmp_path):
    path, _, practical = sealed
    run_cli("marks", "import", path, by_code(tmp_path, path, practical))
    assert run_cli("codes", "reveal", path, "--pin", PIN).returncode == 0
    locked = run_cli("marks", "set", path, "A001", "practical", "90")
    assert locked.returncode == 1 and "锁定" in locked.stderr
    again = run_cli("marks", "import", path, write_csv(tmp_path / "x.csv", ["编号", "技能操作"], [["A001", "90"]]))
    assert again.returncode == 1 and "锁定" in again.stderr
    no_reason = run_cli("marks", "set", path, "A001", "practical", "90", "--pin", PIN)
    assert no_reason.returncode == 2
    ok = run_cli("marks", "set", path, "A001", "practical", "90", "--pin", PIN, "--reason", "加分漏计")
    assert ok.returncode == 0, ok.stderr
    assert run_cli("marks", "set", path, "A001", "theory", "50").returncode == 0  # theory is not locked
    with Competition(path) as comp:
        (fix,) = comp.corrections()
        data = comp.appeals_sheet_data()
    assert (fix.subject, fix.old, fix.new, fix.reason) == ("A001", f"{Decimal(practical['A001']):.2f}", "90.00",
                                                           "解密后更正：加分漏计")
    assert [(c.key, c.subject, c.decision) for c in data.corrections] == [("A001", "加分漏计", "correction")]


def test_score_units_list_codes_in_session_and_station_order(sealed):
    path, _, _ = sealed
    key = key_of(path)
    with sqlite3.connect(path) as db:  # part 1's draw writes these rows; the order is what matters here
        db.executemany("INSERT INTO draw_seats(unit, session, station) VALUES (?,?,?)",
                       [("A005", 2, 1), ("A002", 1, 2), ("A009", 1, 1)])
    with Competition(path) as comp:
        units = comp.score_units()
        rows = comp.coded_rows()
    assert [(u.label, u.session, u.station) for u in units[:3]] == [
        (key["A009"], 1, 1), (key["A002"], 1, 2), (key["A005"], 2, 1)]
    rest = [u.label for u in units[3:]]
    assert rest == sorted(rest) and set(rest) == set(key.values()) - {key["A009"], key["A002"], key["A005"]}
    assert [r.code for r in rows] == [u.label for u in units]


def test_a_team_event_codes_teams_and_a_code_marks_every_member(tmp_path):
    team = ACCEPTANCE / "prelim-team"
    path = tmp_path / "team.sqlite"
    Competition.create(path, event_no=9, stage="prelim", committee="团队组委会", pin=PIN, date="2025-09-20").close()
    assert run_cli("roster", "import", path, team / "roster.csv").returncode == 0
    assert run_cli("codes", "seal", path, "--pin", PIN).returncode == 0
    key = key_of(path)
    with Competition(path) as comp:
        teams = {c.team: [] for c in comp.contestants()}
        for c in comp.contestants():
            teams[c.team].append(c.no)
        assert set(key) == set(teams)  # the key names teams, not members
        assert not set(key.values()) & {no for members in teams.values() for no in members}
        with pytest.raises(RefusedError, match="第1队"):
            comp.set_mark("第1队", "practical", "80")
        changes = comp.set_mark(key["第1队"], "practical", "80")
        assert changes == [(key["第1队"], "practical", None, "80.00")] * 2
        entries = comp.entries()
    assert [str(entries[no].practical) for no in teams["第1队"]] == ["80.00", "80.00"]
