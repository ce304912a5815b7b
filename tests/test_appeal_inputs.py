"""Bad values typed into the appeal and publication commands (found by fuzzing the command
line): each is refused with a clear message, no crash log, and nothing written. Before,
each printed 程序内部出错 or stored a row that broke every later read of the register."""

from __future__ import annotations

import json

import pytest

from support import PIN, ranking_json, run_cli, write_csv
from skillscore.actions.competition import Competition
from test_codes import make_file

RECEIVED = "2025-09-20 13:00"


def run(tmp_path, *args, lang: str | None = None):
    """The real command, its crash log (if any) kept under tmp_path/state."""
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), **({"SKILLSCORE_LANG": lang} if lang else {})}
    return run_cli(*args, env=env)


def refused(out, tmp_path, code: int, *words: str) -> None:
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    assert all(w in out.stderr for w in words), out.stderr
    assert "内部" not in out.stderr and "internal" not in out.stderr.lower()
    assert not (tmp_path / "state").exists()  # no crash log


def stored(path) -> tuple:
    """Everything these commands could write: the windows, the appeals, the audit log."""
    with Competition(path) as comp:
        return (comp.appeal_windows(), comp.appeals(), len(comp.audit_entries()))


def register_works(tmp_path, path) -> list[dict]:
    """add, list and the sheet all succeed; the list as read."""
    ok = run(tmp_path, "appeal", "add", path, "--no", "A001", "--by", "x", "--subject", "y", "--part", "theory",
             "--received", RECEIVED)
    assert ok.returncode == 0, ok.stderr
    assert run(tmp_path, "report", path, "appeals", "-o", tmp_path / "a.pdf").returncode == 0
    out = run(tmp_path, "appeal", "list", path, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["rows"]


@pytest.fixture
def small(tmp_path):
    return make_file(tmp_path, n=3)[0]


# -- the window ------------------------------------------------------------------------------------
@pytest.mark.parametrize("ends, hours, words", [
    ("9999-12-31 23:59", "48", ["「9999-12-31 23:59」", "2000–2099"]),
    ("0999-01-01 10:00", "2", ["「0999-01-01 10:00」", "2000–2099"]),
    ("2025-09-20 12:00", "99999999999", ["时限「99999999999」小时过长", "2099"]),
    ("2025-09-20 12:00", "1e400", ["时限「1e400」小时过长"]),
])
def test_a_window_outside_the_years_is_refused_and_nothing_is_stored(tmp_path, small, ends, hours, words):
    before = stored(small)
    out = run(tmp_path, "appeal", "window", small, "--part", "theory", "--ends", ends, "--hours", hours)
    refused(out, tmp_path, 2, *words)
    assert stored(small) == before
    (row,) = register_works(tmp_path, small)
    assert row["received"] == RECEIVED and row["late"] is False


def test_the_window_refusal_reads_in_english_too(tmp_path, small):
    out = run(tmp_path, "appeal", "window", small, "--part", "theory", "--ends", "2025-09-20 12:00",
              "--hours", "99999999999", lang="en")
    refused(out, tmp_path, 2, "hours '99999999999' is too long")


def test_a_window_may_end_in_the_last_minutes_of_2099_and_not_after(tmp_path, small):
    window = ["appeal", "window", small, "--part", "theory", "--ends", "2099-12-31 21:00"]
    out = run(tmp_path, *window, "--hours", "2.9")  # ends 23:54
    assert out.returncode == 0, out.stderr
    before = stored(small)
    refused(run(tmp_path, *window, "--hours", "3"), tmp_path, 2, "时限「3」小时过长", "2099-12-31 21:00")
    assert stored(small) == before


def test_a_window_stored_past_the_calendar_no_longer_breaks_the_register(tmp_path, small):
    # As an earlier version let it be stored: every add, list and sheet crashed on it.
    with Competition(small) as comp, comp.store.transaction():
        comp.store.set_meta("appeal_window_theory", json.dumps({"ends": "9999-12-31 23:59", "hours": "48"}))
    (row,) = register_works(tmp_path, small)
    assert row["late"] is False  # a window that never ends: nothing is late
    assert not (tmp_path / "state").exists()


# -- the time an appeal was received ------------------------------------------------------------
@pytest.mark.parametrize("received", ["0001-01-01 00:00", "0999-12-31 23:59", "9999-12-31 23:59", "2100-01-01 00:00"])
def test_an_implausible_received_time_is_refused_and_nothing_is_stored(tmp_path, small, received):
    before = stored(small)
    out = run(tmp_path, "appeal", "add", small, "--no", "A001", "--by", "x", "--subject", "y", "--part", "theory",
              "--received", received)
    refused(out, tmp_path, 2, f"时间「{received}」无效", "2000–2099")
    assert stored(small) == before
    assert [r["received"] for r in register_works(tmp_path, small)] == [RECEIVED]


def test_a_stored_year_without_its_zeros_no_longer_locks_the_register(tmp_path, small):
    # As an earlier version stored "0001-01-01 00:00": with a window for its part (the
    # late flag reads the time), every add, list and sheet then exited 2.
    assert run(tmp_path, "appeal", "window", small, "--part", "theory", "--ends", "2025-09-20 12:00").returncode == 0
    with Competition(small) as comp, comp.store.transaction():
        comp.store.db.execute("INSERT INTO appeals(unit, by, subject, part, received) VALUES (?,?,?,?,?)",
                              ["A002", "x", "y", "theory", "1-01-01 00:00"])
    rows = register_works(tmp_path, small)
    assert [(r["received"], r["late"]) for r in rows] == [("1-01-01 00:00", False), (RECEIVED, False)]
    assert not (tmp_path / "state").exists()


# -- deciding -----------------------------------------------------------------------------------
@pytest.mark.parametrize("appeal_id", ["99999999999999999999", "-99999999999999999999"])
def test_an_id_past_sqlite_integers_is_no_such_appeal(tmp_path, small, appeal_id):
    assert run(tmp_path, "appeal", "add", small, "--no", "A001", "--by", "x", "--subject", "y",
               "--received", RECEIVED).returncode == 0
    before = stored(small)
    out = run(tmp_path, "appeal", "decide", small, appeal_id, "--rejected", "--reason", "r", "--pin", PIN)
    refused(out, tmp_path, 1, f"没有第 {appeal_id} 号申诉")
    assert stored(small) == before



@pytest.mark.parametrize("sets, words", [
    (["A001:theory="], "A001 的更正没有填写新成绩"),  # once erased A001's theory mark, unasked
    (["A001:theory=70", "A001:theory=71"], "A001 的同一项更正填写了两次"),  # once the last silently won
])
def test_an_upheld_appeal_writes_no_blank_and_no_part_twice(tmp_path, small, sets, words):
    assert run(tmp_path, "appeal", "add", small, "--no", "A001", "--by", "x", "--subject", "y",
               "--received", RECEIVED).returncode == 0
    before, marks = stored(small), ranking_json(small)["rows"]
    out = run(tmp_path, "appeal", "decide", small, "1", "--upheld", "--reason", "r", "--pin", PIN,
              *[a for s in sets for a in ("--set", s)])
    refused(out, tmp_path, 1, words)
    assert stored(small) == before and ranking_json(small)["rows"] == marks


# -- publication ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def finalised(tmp_path_factory):
    """One finalised sitting for the publication tests (none of them writes to it)."""
    folder = tmp_path_factory.mktemp("final")
    path, _, practical = make_file(folder, n=5)
    marks = write_csv(folder / "practical.csv", ["编号", "技能操作"], [[no, v] for no, v in practical.items()])
    assert run_cli("marks", "import", path, marks).returncode == 0
    ties = [r["no"] for r in ranking_json(path)["rows"] if r["tie"] == "unresolved"]
    if ties:
        assert run_cli("tie", "resolve", path, "--order", ",".join(ties), "--reason", "组委会裁定",
                       "--pin", PIN).returncode == 0
    assert run_cli("finalize", path, "--pin", PIN).returncode == 0
    return path


@pytest.mark.parametrize("options, words", [
    (["--start", "bad"], ["日期「bad」格式不对", "YYYY-MM-DD"]),
    (["--start", "2025-9-1"], ["日期「2025-9-1」格式不对"]),
    (["--days", "0"], ["公示天数「0」无效"]),
    (["--days", "-1"], ["公示天数「-1」无效"]),
    (["--days", "999999999"], ["公示期", "999999999 天", "2000–2099"]),
    (["--start", "9999-12-30"], ["公示期「9999-12-30 起 5 天」无效"]),
    (["--start", "2099-12-30", "--days", "3"], ["公示期「2099-12-30 起 3 天」无效"]),
])
def test_a_bad_publication_period_is_a_usage_error_and_writes_no_sheet(tmp_path, finalised, options, words):
    out_pdf = tmp_path / "p.pdf"
    out = run(tmp_path, "report", finalised, "publication", "-o", out_pdf, *options)
    refused(out, tmp_path, 2, *words)
    assert not out_pdf.exists()


def test_a_publication_may_end_on_the_last_day_of_2099_and_not_after(tmp_path, finalised):
    out = run(tmp_path, "report", finalised, "publication", "-o", tmp_path / "p.pdf", "--start", "2099-12-27")
    assert out.returncode == 0, out.stderr  # 5 days: to 31 December
    late = run(tmp_path, "report", finalised, "publication", "-o", tmp_path / "q.pdf", "--start", "2099-12-28")
    refused(late, tmp_path, 2, "公示期「2099-12-28 起 5 天」无效")
    assert not (tmp_path / "q.pdf").exists()
