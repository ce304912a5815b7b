"""A value another program wrote into the file is refused naming the setting or the
contestant, the column and the value (actions/stored_values.py); a failure no stored value
explains is the program's own and is not blamed on the file."""

from __future__ import annotations

import sqlite3

import pytest

from support import prelim_small, run_cli

from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError


def _edit(path, sql: str, *values) -> None:
    """As another program would: straight into the file."""
    con = sqlite3.connect(path)
    con.execute(sql, values)
    con.commit()
    con.close()


@pytest.fixture(scope="module")
def sitting(tmp_path_factory):
    return prelim_small(tmp_path_factory.mktemp("stored") / "p.sqlite")


@pytest.fixture
def path(sitting, tmp_path):
    copy = tmp_path / "p.sqlite"
    copy.write_bytes(sitting.read_bytes())
    return copy


def test_a_mark_written_by_another_program_is_named_with_its_contestant_and_column(path):
    _edit(path, "UPDATE marks SET practical = 'abc' WHERE no = (SELECT no FROM marks ORDER BY no LIMIT 1 OFFSET 2)")
    no = sqlite3.connect(path).execute("SELECT no FROM marks WHERE practical = 'abc'").fetchone()[0]
    with Competition(path) as comp:
        for read in (comp.entries, comp.ranking, comp.ranking_json):
            with pytest.raises(RefusedError) as e:
                read()
            assert e.value.code == "file_mark_unreadable"
            assert e.value.params == {"path": str(path), "no": no, "column": "practical", "value": "abc"}
    done = run_cli("ranking", path)
    assert done.returncode == 1 and f"编号 {no} 的 practical 值「abc」无法读取" in done.stderr
    assert str(path) in done.stderr and "Traceback" not in done.stderr and "crash" not in done.stderr.lower()


@pytest.mark.parametrize("key, value", [("stage", "quarterfinal"), ("date", "2025-13-01"), ("levels", "3,x"),
                                        ("quota", "twelve"), ("pass_mark", "sixty"), ("event_no", "x1")])
def test_a_setting_written_by_another_program_is_named_with_its_value(path, key, value):
    _edit(path, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", key, value)
    with Competition(path) as comp, pytest.raises(RefusedError) as e:
        comp.info()
    assert e.value.code == "file_setting_unreadable" and e.value.params["key"] == key
    assert f"'{value}'" in e.value.message("en") and f"「{value}」" in e.value.message("zh")


def test_a_missing_setting_is_named(path):
    _edit(path, "DELETE FROM meta WHERE key = 'committee'")
    with Competition(path) as comp, pytest.raises(RefusedError) as e:
        comp.info()
    assert e.value.code == "file_setting_missing" and "committee" in e.value.message("zh")


def test_a_failure_no_stored_value_explains_is_not_blamed_on_the_file(path, monkeypatch):
    import skillscore.actions.competition as facade

    def broken(*args):
        raise ValueError("the program's own fault")
    monkeypatch.setattr(facade, "individual_units_stored", broken)
    with Competition(path) as comp, pytest.raises(ValueError, match="the program's own fault"):
        comp.ranking()
