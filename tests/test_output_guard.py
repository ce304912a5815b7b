"""A competition file is never overwritten by an output or by a restore that is not its own
backup. Found by trying the commands as a stranger would (session 10): ``export FILE FILE``,
``desk export FILE FILE``, ``roster export comp.xlsx comp.xlsx`` or a sheet written to the
competition file's own name replaced it (every mark lost), and ``backup restore`` took an
empty file or another program's database, leaving a file that no longer opened."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from support import PIN, as_schema_4, prelim_small, ranking_json, run_cli
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError
from skillscore.system.files import atomic_write_bytes


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name, command", [
    ("comp.pdf", ["report", "{f}", "results", "-o", "{f}"]),
    ("comp.xlsx", ["report", "{f}", "results", "-o", "{f}"]),
    ("comp.xlsx", ["roster", "export", "{f}", "{f}"]),
    ("comp.ssdesk", ["desk", "export", "{f}", "{f}"]),
])
def test_an_output_given_the_competition_files_own_name_is_refused_and_the_file_kept(tmp_path, name, command):
    path = prelim_small(tmp_path / name)
    before, ranking = digest(path), ranking_json(path)
    logs = tmp_path / "state"
    out = run_cli(*[str(path) if a == "{f}" else a for a in command], env={"XDG_STATE_HOME": str(logs)})
    assert out.returncode == 1 and "比赛数据文件" in out.stderr and name in out.stderr, out.stderr
    assert "内部" not in out.stderr and not logs.exists()
    assert digest(path) == before and ranking_json(path) == ranking
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_the_handoff_export_onto_the_competition_file_is_refused(tmp_path):
    path = prelim_small(tmp_path / "comp.sqlite")
    with Competition(path) as comp:  # prelim-small: B013's practical missing, two ties unresolved
        comp.set_mark("B013", "practical", "70")
        for group in comp.standings().tie_groups:
            comp.draw_lots(list(group), pin=PIN, seed="1")
        comp.finalize(pin=PIN)
    before = digest(path)
    out = run_cli("export", path, path)
    assert out.returncode == 1 and "比赛数据文件" in out.stderr, out.stderr
    assert digest(path) == before


def test_any_database_is_kept_from_an_output_but_other_files_are_replaced(tmp_path):
    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE t(x)").connection.close()
    kept = db.read_bytes()
    with pytest.raises(RefusedError) as e:
        atomic_write_bytes(db, b"%PDF-1.4")
    assert e.value.code == "output_is_database" and db.read_bytes() == kept
    assert [p.name for p in tmp_path.iterdir()] == ["other.db"]
    old = tmp_path / "old.pdf"
    old.write_bytes(b"%PDF-1.4 old")
    atomic_write_bytes(old, b"%PDF-1.4 new")
    assert old.read_bytes() == b"%PDF-1.4 new"


@pytest.mark.parametrize("make", ["empty", "foreign", "other_sitting"])
def test_restore_takes_only_a_backup_of_this_competition(tmp_path, make):
    path = prelim_small(tmp_path / "comp.sqlite")
    source = tmp_path / "source.sqlite"
    if make == "empty":
        source.write_bytes(b"")
    elif make == "foreign":
        sqlite3.connect(source).execute("CREATE TABLE notes(x)").connection.close()
    else:
        prelim_small(source)
    before = ranking_json(path)
    logs = tmp_path / "state"
    out = run_cli("backup", "restore", path, source, env={"XDG_STATE_HOME": str(logs)})
    assert out.returncode == 1 and "不是本竞赛文件的备份" in out.stderr, out.stderr
    assert "内部" not in out.stderr and not logs.exists()
    assert ranking_json(path) == before
    assert run_cli("audit", path, "--verify").returncode == 0


def test_restore_of_a_copy_of_this_competition_still_works(tmp_path):
    path = prelim_small(tmp_path / "comp.sqlite")
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    assert run_cli("marks", "set", path, "A001", "theory", "12").returncode == 0
    out = run_cli("backup", "restore", path, copy)
    assert out.returncode == 0, out.stderr
    theory = next(r for r in ranking_json(path)["rows"] if r["no"] == "A001")["theory"]
    assert theory != "12.00"


def test_an_output_into_a_folder_that_is_not_there_names_the_folder(tmp_path):
    path = prelim_small(tmp_path / "comp.sqlite")
    out = run_cli("roster", "export", path, tmp_path / "没有的文件夹" / "名单.xlsx")
    assert out.returncode == 1 and "没有的文件夹" in out.stderr, out.stderr
    assert ".tmp" not in out.stderr and "内部" not in out.stderr  # once the temporary file's name



def test_the_backup_made_before_a_file_got_its_identity_restores_and_the_identity_stays(tmp_path):
    """A file from before competition ids (schema 4) is backed up before it is migrated; that
    backup has no id, and restoring it is still restoring this file (a second reader found
    the first version of the check refusing it)."""
    path = as_schema_4(prelim_small(tmp_path / "old.sqlite"))
    before = ranking_json(path)  # opening migrates it, after a backup of it as it was
    with Competition(path) as comp:
        identity = comp.store.meta("competition_id")
        (old,) = [b for b in comp.backups() if b.reason == "before-migrate"]
    assert run_cli("marks", "set", path, "A001", "theory", "12").returncode == 0
    out = run_cli("backup", "restore", path, old.path)
    assert out.returncode == 0, out.stderr
    assert ranking_json(path)["rows"] == before["rows"]
    with Competition(path) as comp:
        assert comp.store.meta("competition_id") == identity
