"""Backups, checks on open, unsafe locations, PIN roles and double entry (issue 7)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli, write_csv
from skillscore.storage.backup import KEEP_RECENT, backups_in, create_backup, integrity_problem, list_backups, rotate
from skillscore.actions.competition import Competition
from skillscore.errors import PinError, RefusedError
from skillscore.actions.guard import throttle_wait
from skillscore.system.location import unsafe_reason
from skillscore.storage.database import MIGRATIONS, SCHEMA_VERSION

SMALL = ACCEPTANCE / "prelim-small"


class Clock:
    def __init__(self, start=dt.datetime(2025, 9, 1, 8, 0, 0)):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **kw):
        self.now += dt.timedelta(**kw)


def small(tmp_path, name="c.sqlite", clock=None, **kw) -> Competition:
    comp = Competition.create(tmp_path / name, event_no=21, stage="prelim", committee="组委会", pin=PIN,
                              date="2025-09-01", operator="王芳", clock=clock, **kw)
    comp.import_roster(SMALL / "roster.csv")
    return comp


# -- backups ----------------------------------------------------------------------------------
def test_backups_are_taken_before_risky_actions_and_are_checked(tmp_path):
    comp = small(tmp_path)
    comp.import_marks(SMALL / "marks.csv")
    comp.resolve_tie(["B003", "B011"], reason="裁定", pin=PIN)
    comp.resolve_tie(["A010", "C006"], reason="裁定", pin=PIN)
    comp.set_mark("B013", "practical", "70")
    comp.finalize(pin=PIN)
    comp.reopen(reason="更正", pin=PIN)
    reasons = [b.reason for b in comp.backups()]
    for reason in ("before-import", "before-tie", "before-finalize", "finalize", "before-reopen"):
        assert reason in reasons
    assert all(integrity_problem(b.path) is None for b in comp.backups())
    comp.close()


def test_periodic_backup_every_ten_minutes_of_changes_and_on_close(tmp_path):
    clock = Clock()
    comp = small(tmp_path, clock=clock)
    count = len(comp.backups())
    clock.advance(minutes=3)
    comp.set_mark("A001", "theory", "80")
    assert len(comp.backups()) == count  # the import's backup is 3 minutes old
    clock.advance(minutes=8)
    comp.set_mark("A001", "theory", "81")
    assert comp.backups()[0].reason == "periodic"
    clock.advance(minutes=1)
    comp.set_mark("A001", "theory", "82")
    comp.close()
    again = Competition(tmp_path / "c.sqlite")
    newest = again.backups()[0]
    assert newest.reason == "close"
    con = sqlite3.connect(newest.path)
    assert con.execute("SELECT theory FROM marks WHERE no='A001'").fetchone()[0] == "82.00"
    again.close()


def test_rotation_keeps_recent_ones_and_one_per_day(tmp_path):
    live = tmp_path / "r.sqlite"
    sqlite3.connect(live).execute("CREATE TABLE t(x)").connection.close()
    start = dt.datetime(2025, 9, 1, 8)
    for day in range(5):
        for i in range(10):
            create_backup(live, "periodic", now=start + dt.timedelta(days=day, minutes=10 * i))
    left = backups_in(tmp_path / "r.sqlite.backups", "r")
    assert len(left) == KEEP_RECENT + 3  # 20 recent (days 3–4) + the newest of days 0, 1, 2
    assert {b.at.date() for b in left} == {(start + dt.timedelta(days=d)).date() for d in range(5)}
    assert rotate(tmp_path / "r.sqlite.backups", "r") == []


def test_second_folder_gets_a_copy(tmp_path):
    comp = small(tmp_path)
    usb = tmp_path / "usb"
    comp.set_second_backup_folder(usb)
    made = comp.backup()
    assert (usb / made.name).read_bytes() == made.read_bytes()
    comp.close()


def test_a_second_folder_that_went_away_keeps_the_backup_here_and_says_so(tmp_path):
    comp = small(tmp_path)
    usb = tmp_path / "usb"
    comp.set_second_backup_folder(usb)
    usb.rmdir()  # the stick pulled
    made = comp.backup()
    assert made.exists() and not usb.exists()  # kept here; nothing made where the stick was
    said = comp.second_backup_problem.message("zh")
    assert "不在（U盘拔出了？）" in said and str(usb) in said
    comp.set_mark("A001", "theory", "70")
    comp.close()  # closing backs up the change, and does not fail on the second copy
    assert list_backups(tmp_path / "c.sqlite")[0].reason == "close"
    path = tmp_path / "c.sqlite"
    out = run_cli("backup", "create", path)
    assert out.returncode == 0 and "不在（U盘拔出了？）" in out.stderr and "内部" not in out.stderr
    en = run_cli("backup", "create", path, "--lang", "en")  # worded where it is shown, in the command's language
    assert en.returncode == 0 and "the second folder" in en.stderr and "备份" not in en.stderr


def test_a_second_copy_the_system_refuses_keeps_the_backup_here_and_names_the_reason(tmp_path, monkeypatch):
    import shutil

    comp = small(tmp_path)
    usb = tmp_path / "usb"
    comp.set_second_backup_folder(usb)

    def full(source, target):
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(shutil, "copyfile", full)  # the stick full
    made = comp.backup()
    assert made.exists() and list(usb.iterdir()) == []  # kept here; no temporary left on the stick
    assert comp.second_backup_problem.message("zh") == (f"备份已保存在本机，但未能复制到第二备份位置 {usb}（磁盘或U盘已满）"
                                          "：请检查U盘是否插好")
    assert "(No space left on device)" in comp.second_backup_problem.message("en")
    comp.close()


@pytest.mark.parametrize("folder, words", [
    ("relative/dir", "不是完整路径"), ("c.sqlite.backups", "就是本机的备份文件夹"),
    ("plain.txt/sub", "无法使用"), ("with\0nul", "无法使用"),
])
def test_a_second_folder_that_cannot_work_is_refused_when_named(tmp_path, folder, words):
    comp = small(tmp_path)
    (tmp_path / "plain.txt").write_text("x")
    named = folder if folder.startswith("relative") else str(tmp_path / folder)
    with pytest.raises(RefusedError) as e:
        comp.set_second_backup_folder(named)
    assert words in e.value.message("zh")
    assert comp.second_backup_folder() is None
    comp.close()


def test_restore_through_the_cli_backs_up_the_current_state_first(tmp_path):
    comp = small(tmp_path)
    comp.close()
    path = tmp_path / "c.sqlite"
    assert run_cli("backup", "create", path).returncode == 0
    listed = run_cli("backup", "list", path).stdout
    first = listed.splitlines()[0].split("\t")[-1]
    marks = write_csv(tmp_path / "m.csv", ["编号", "理论知识"], [["A001", "99"]])
    assert run_cli("marks", "import", path, marks).returncode == 0
    out = run_cli("backup", "restore", path, first)
    assert out.returncode == 0, out.stderr
    assert next(r for r in ranking_json(path)["rows"] if r["no"] == "A001")["theory"] is None
    assert "before-restore" in run_cli("backup", "list", path).stdout
    assert run_cli("audit", path, "--verify").returncode == 0
    audit = run_cli("audit", path).stdout.splitlines()
    assert audit[-1].split("\t")[3] == "restore"


# -- checks on open ---------------------------------------------------------------------------
def test_a_file_from_a_newer_program_is_refused(tmp_path):
    small(tmp_path).close()
    con = sqlite3.connect(tmp_path / "c.sqlite")
    con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    out = run_cli("ranking", tmp_path / "c.sqlite")
    assert out.returncode == 1 and "更新版本" in out.stderr and "99" in out.stderr


def test_an_older_file_is_migrated_after_a_backup(tmp_path):
    small(tmp_path).close()
    path = tmp_path / "c.sqlite"
    con = sqlite3.connect(path)  # make it a version-1 file: drop what later migrations added
    for version in range(2, SCHEMA_VERSION + 1):
        for trigger in re.findall(r"CREATE TRIGGER (\w+)", MIGRATIONS[version]):
            con.execute(f"DROP TRIGGER IF EXISTS {trigger}")  # those on later tables went with them
        for table in re.findall(r"CREATE TABLE (\w+)", MIGRATIONS[version]):
            con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    con.commit()
    con.close()
    for b in list_backups(path):
        b.path.unlink()
    comp = Competition(path)
    assert comp.store.meta("schema_version") == str(SCHEMA_VERSION)
    assert [b.reason for b in comp.backups()] == ["before-migrate"]
    old = sqlite3.connect(comp.backups()[0].path)
    assert old.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "1"
    comp.close()


def test_a_damaged_file_is_refused_on_open(tmp_path):
    small(tmp_path).close()
    path = tmp_path / "c.sqlite"
    data = bytearray(path.read_bytes())
    for i in range(8192, min(len(data), 16384)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    out = run_cli("ranking", path)
    assert out.returncode == 1 and ("完整性" in out.stderr or "不是 skillscore" in out.stderr)
    assert "Traceback" not in out.stderr


# -- unsafe locations -------------------------------------------------------------------------
@pytest.mark.parametrize("mounts, path, expected", [
    ([("/dev/sda1", "/", "ext4"), ("/dev/sdb1", "/media/u/KINGSTON", "vfat")], "/media/u/KINGSTON/c.sqlite", "removable"),
    ([("/dev/sda1", "/", "ext4"), ("//srv/share", "/mnt/share", "cifs")], "/mnt/share/x/c.sqlite", "network"),
    ([("/dev/sda1", "/", "ext4"), ("srv:/export", "/home", "nfs4")], "/home/u/c.sqlite", "network"),
    ([("/dev/sda1", "/", "ext4")], "/home/u/c.sqlite", None),
])
def test_unsafe_locations_are_recognised(mounts, path, expected):
    assert unsafe_reason(path, mounts=mounts, removable_device=lambda d: False) == expected


def test_a_file_on_a_usb_stick_is_read_but_not_written_in_place(tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    comp = small(tmp_path, name="usb/c.sqlite")
    comp.close()
    env = {"SKILLSCORE_REMOVABLE_PATHS": str(usb)}
    assert run_cli("ranking", usb / "c.sqlite", env=env).returncode == 0
    marks = write_csv(tmp_path / "m.csv", ["编号", "理论知识"], [["A001", "99"]])
    out = run_cli("marks", "import", usb / "c.sqlite", marks, env=env)
    assert out.returncode == 1 and "U盘" in out.stderr and "复制到本机" in out.stderr
    out = run_cli("copy", usb / "c.sqlite", tmp_path / "local.sqlite", env=env)
    assert out.returncode == 0, out.stderr
    assert run_cli("marks", "import", tmp_path / "local.sqlite", marks, env=env).returncode == 0


# -- roles and the PIN ----------------------------------------------------------------------
def test_repeated_wrong_pins_slow_down_and_are_recorded(tmp_path):
    clock = Clock()
    comp = small(tmp_path, clock=clock)
    comp.import_marks(SMALL / "marks.csv")
    waits = []
    comp.sleep = waits.append
    for _ in range(5):
        with pytest.raises(PinError):
            comp.set_quota(1, pin="0000")
    assert waits == [throttle_wait(3), throttle_wait(4)] == [1.0, 2.0]
    clock.advance(seconds=10)  # waiting long enough costs nothing more
    comp.set_quota(1, pin=PIN)
    assert waits == [1.0, 2.0]
    assert comp.store.meta("pin_failures") == "0"
    assert [e.action for e in comp.audit_entries()].count("pin_failed") == 5
    assert throttle_wait(50) == 60.0
    # A screen never sleeps: it is told how long to wait instead.
    comp.sleep = None
    for _ in range(4):
        with pytest.raises(RefusedError):
            comp.set_quota(1, pin="0000")
    with pytest.raises(RefusedError) as exc:
        comp.set_quota(1, pin=PIN)
    assert exc.value.code == "pin_wait" and exc.value.params["seconds"] >= 1
    comp.close()


def test_changing_the_pin_needs_the_old_one(tmp_path):
    comp = small(tmp_path)
    comp.import_marks(SMALL / "marks.csv")
    with pytest.raises(PinError):
        comp.change_pin(old="1111", new="9999")
    comp.change_pin(old=PIN, new="9999")
    with pytest.raises(PinError):
        comp.set_quota(1, pin=PIN)
    comp.set_quota(1, pin="9999")
    comp.close()


def test_outcome_settings_need_the_pin(tmp_path):
    comp = small(tmp_path)
    comp.import_marks(SMALL / "marks.csv")
    with pytest.raises(PinError):
        comp.set_pass_mark("50", pin="0")
    comp.set_levels((4, 5), pin=PIN)
    comp.set_pass_mark("50", pin=PIN)
    comp.set_certificate_policy("passers", pin=PIN)
    rules = comp.info().rules
    assert (rules.levels, str(rules.pass_mark), rules.certificate_policy.value) == ((4, 5), "50", "passers")
    assert {e.field for e in comp.audit_entries() if e.action == "setting"} >= {"levels", "pass_mark", "certificate_policy"}
    comp.close()


# -- double entry -----------------------------------------------------------------------------
def test_double_entry_counts_a_mark_only_when_two_operators_agree(tmp_path):
    comp = small(tmp_path, double_entry=True)
    first = write_csv(tmp_path / "first.csv", ["编号", "理论知识", "技能操作"], [["A001", "80", "70"], ["A002", "81", "71"]])
    comp.import_marks(first)
    assert comp.entries().get("A001") is None or comp.entries()["A001"].theory is None  # not counted yet
    with pytest.raises(RefusedError) as exc:
        comp.import_marks(first, second_entry=True)  # the same operator cannot check herself
    assert exc.value.code == "double_entry_same_operator"
    checker = Competition(tmp_path / "c.sqlite", operator="李强")
    second = write_csv(tmp_path / "second.csv", ["编号", "理论知识", "技能操作"], [["A001", "80", "70"], ["A002", "18", "71"]])
    checker.import_marks(second, second_entry=True)
    entries = checker.entries()
    assert str(entries["A001"].theory) == "80.00" and str(entries["A001"].practical) == "70.00"
    assert entries["A002"].theory is None and str(entries["A002"].practical) == "71.00"
    [pending] = [p for p in checker.pending_marks() if p.no == "A002"]
    assert (pending.first, pending.second, pending.disagrees) == ("81.00", "18.00", True)
    blockers = dict(checker.finalize_blockers())
    assert "finalize_unconfirmed" in blockers
    with pytest.raises(PinError):
        checker.settle("A002", "theory", "81", pin="0")
    checker.settle("A002", "theory", "81", pin=PIN)
    assert str(checker.entries()["A002"].theory) == "81.00"
    confirmed = [e for e in checker.audit_entries() if e.action == "mark" and e.subject == "A001" and e.field == "theory"]
    assert confirmed[0].reason == "复核一致：录入 王芳 / 复核 李强"
    checker.close()
    comp.close()


def test_double_entry_through_the_cli(tmp_path):
    path = tmp_path / "d.sqlite"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "x", "--pin", PIN,
                   "--date", "2025-09-01", "--double-entry").returncode == 0
    assert run_cli("roster", "import", path, SMALL / "roster.csv").returncode == 0
    assert run_cli("marks", "import", path, SMALL / "marks.csv", "--operator", "甲").returncode == 0
    assert ranking_json(path)["ranked"] == 0
    out = run_cli("marks", "import", path, SMALL / "marks.csv", "--second-entry", "--operator", "甲")
    assert out.returncode == 1 and "另一位录入员" in out.stderr
    out = run_cli("marks", "import", path, SMALL / "marks.csv", "--second-entry", "--operator", "乙")
    assert out.returncode == 0, out.stderr
    assert ranking_json(path)["ranked"] == 11
    assert run_cli("marks", "pending", path).returncode == 0
    verified = run_cli("audit", path, "--verify")
    assert verified.returncode == 0 and "A002\ttheory\t甲 / 乙" in verified.stdout


def test_backups_made_within_one_second_are_listed_newest_first(tmp_path):
    live = tmp_path / "s.sqlite"
    sqlite3.connect(live).execute("CREATE TABLE t(x)").connection.close()
    now = dt.datetime(2025, 9, 1, 8, 0, 0)
    made = [create_backup(live, reason, now=now) for reason in ("periodic", "before-import", "before-tie")]
    assert [b.path for b in list_backups(live)] == made[::-1]


def test_a_stray_file_named_like_a_backup_with_no_such_time_is_not_listed(tmp_path):
    live = tmp_path / "s.sqlite"
    sqlite3.connect(live).execute("CREATE TABLE t(x)").connection.close()
    made = create_backup(live, "periodic", now=dt.datetime(2025, 9, 1, 8, 0, 5))
    stray = made.with_name("s-20251340-250000-periodic.sqlite")  # month 13: no such time
    stray.write_bytes(made.read_bytes())
    listed = list_backups(live)
    assert [b.path for b in listed] == [made] and listed[0].at == dt.datetime(2025, 9, 1, 8, 0, 5)
