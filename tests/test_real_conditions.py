"""Every command under real conditions (issue 13.2–13.4, 13.9; CONTRACT.md): a GBK console, no
console at all, a closed pipe, another program holding the file, files that are not ours,
a read-only medium, options before the command, and errors nobody foresaw. Each test runs
the real command in its own process on real files, unless it must reach inside."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, build_demo
from support import ROOT, run_cli, write_csv

MARKS_HEADER = ["编号", "理论知识", "技能操作", "状态"]
RARE = "王䶮"  # U+4DAE: in GB18030, not in GBK


@pytest.fixture
def sitting(tmp_path) -> Path:
    """The demo sitting in a folder with Chinese characters and a space, one rare name in it."""
    folder = tmp_path / "比赛 文件"
    folder.mkdir()
    path = build_demo(folder / "东城区 初赛.sqlite")
    with Competition(path, operator="测试") as comp:
        c = comp.contestants()[0]
        rows = [[c.no, RARE, c.sex, c.id_number, c.birth_date, c.category, c.unit, "", ""]]
        comp.import_roster(write_csv(folder / "改名.csv", ROSTER_HEADER, rows))
    return path


def run_bytes(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k != "SKILLSCORE_LANG"}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "skillscore.cli", *map(str, args)], capture_output=True,
                          env=full, cwd=ROOT)


def audit_count(path: Path) -> int:
    with Competition(path) as comp:
        return len(comp.audit_entries())


# -- 13.2 output never fails on encoding -------------------------------------------------------
def test_a_gbk_redirect_replaces_what_gbk_lacks_and_never_raises(sitting):
    out = run_bytes("ranking", sitting, env={"PYTHONIOENCODING": "gbk"})
    assert out.returncode == 0 and out.stderr == b""
    text = out.stdout.decode("gbk")  # every byte is GBK
    assert "快递员 · 初赛" in text and "王?" in text  # 䶮 and ✓ replaced, the rest intact
    for command in (["audit", sitting], ["audit", sitting, "--verify"], ["backup", "list", sitting],
                    ["stats", sitting]):
        out = run_bytes(*command, env={"PYTHONIOENCODING": "gbk"})
        assert out.returncode == 0 and b"Traceback" not in out.stderr, command


def test_json_is_utf8_whatever_the_console_encoding(sitting):
    for command in (["ranking", sitting, "--json"], ["stats", sitting, "--json"]):
        out = run_bytes(*command, env={"PYTHONIOENCODING": "gbk"})
        assert out.returncode == 0, out.stderr.decode("gbk", "replace")
        doc = json.loads(out.stdout.decode("utf-8"))
        if command[0] == "ranking":
            assert RARE in {row["name"] for row in doc["rows"]}


def test_no_console_at_all_as_in_the_windowed_build(sitting, monkeypatch):
    from skillscore.cli.run import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["ranking", str(sitting)]) == 0
    assert main(["ranking", str(sitting), "--json"]) == 0
    assert main(["ranking", str(sitting.with_name("missing.sqlite"))]) == 1


def test_a_closed_pipe_ends_the_command_quietly(sitting):
    command = f'"{sys.executable}" -m skillscore.cli ranking "{sitting}" | head -1'
    out = subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=ROOT, env=os.environ)
    assert out.stdout.startswith("快递员 · 初赛") and out.stdout.count("\n") == 1
    assert out.stderr == ""


def test_a_closed_pipe_ends_the_json_ranking_quietly_too(sitting):
    """``ranking --json`` writes its UTF-8 bytes straight to the stream beneath the text one."""
    command = f'"{sys.executable}" -m skillscore.cli ranking "{sitting}" --json | head -c 9'
    out = subprocess.run(["sh", "-c", command], capture_output=True, cwd=ROOT, env=os.environ)
    assert out.stdout == b'{"event":' and out.stderr == b""


@pytest.mark.parametrize("newline, end", [(None, os.linesep.encode()), ("\r\n", b"\r\n"), ("\n", b"\n")])
def test_utf8_bytes_print_after_pending_text_and_end_as_the_system_ends_lines(monkeypatch, newline, end):
    from skillscore.system.console import print_utf8

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("前")  # held by the text stream, not yet in raw
    print_utf8("{\"name\": \"王䶮\"}".encode("utf-8"))
    stream.flush()
    assert raw.getvalue() == "前{\"name\": \"王䶮\"}".encode("utf-8") + end


def test_utf8_bytes_go_through_a_stream_of_another_kind_as_text(monkeypatch):
    from skillscore.system.console import print_utf8

    for stream in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="gb18030")):
        monkeypatch.setattr(sys, "stdout", stream)
        print_utf8("王䶮".encode("utf-8"))
        stream.flush()
        shown = stream.getvalue() if isinstance(stream, io.StringIO) else stream.buffer.getvalue().decode("gb18030")
        assert shown == "王䶮\n"


# -- 13.3 another program holds the file -------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE meta SET value = value WHERE key = 'committee'")
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our input
    con.execute("ROLLBACK")
""")


def test_a_write_waits_then_says_the_file_is_in_use_and_changes_nothing(sitting, tmp_path):
    marks = write_csv(tmp_path / "成绩 改.csv", MARKS_HEADER, [["A002", "12.5", "", ""]])
    with Competition(sitting) as before:
        count, a002 = len(before.audit_entries()), before.entries()["A002"].theory
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(sitting)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        out = run_cli("marks", "import", sitting, marks, env={"SKILLSCORE_BUSY_TIMEOUT": "1"})
        waited = time.monotonic() - started
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "文件正被另一个程序使用" in out.stderr and "东城区 初赛.sqlite" in out.stderr
        assert waited >= 0.9  # it did wait for the other program (SQLite's busy timeout applied)
        out = run_cli("--lang", "en", "roster", "admit", sitting, "A001", "--reason", "x", "--pin", DEMO_PIN,
                      env={"SKILLSCORE_BUSY_TIMEOUT": "1"})
        assert out.returncode == 1 and "in use by another program" in out.stderr
        assert run_cli("ranking", sitting, env={"SKILLSCORE_BUSY_TIMEOUT": "1"}).returncode == 0  # reads go on
    finally:
        holder.communicate("")
    with Competition(sitting) as comp:
        assert len(comp.audit_entries()) == count and comp.entries()["A002"].theory == a002
        assert comp.verify_audit() == []
    out = run_cli("marks", "import", sitting, marks)  # once the other program is done: written
    assert out.returncode == 0, out.stderr
    assert audit_count(sitting) == count + 1


# -- 13.4 no traceback reaches a user ----------------------------------------------------------
def test_an_unexpected_error_is_logged_and_named_in_one_line(sitting, tmp_path, monkeypatch, capsys):
    from skillscore.cli.run import main

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(self):
        raise ZeroDivisionError("a bug nobody foresaw")

    monkeypatch.setattr(Competition, "ranking", broken)
    assert main(["--lang", "en", "ranking", str(sitting)]) == 1
    err = capsys.readouterr().err
    logs = list((tmp_path / "state" / "skillscore" / "logs").glob("skillscore-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" in err
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: a bug nobody foresaw" in text and "ranking" in text


# -- 13.9 what a stranger hit --------------------------------------------------------------------
def test_options_before_the_command_are_honoured(sitting, tmp_path):
    marks = write_csv(tmp_path / "m.csv", MARKS_HEADER, [["A003", "61.5", "", ""]])
    out = run_cli("--operator", "王秘书", "marks", "import", sitting, marks)
    assert out.returncode == 0, out.stderr
    with Competition(sitting) as comp:
        assert comp.audit_entries()[-1].operator == "王秘书"
    out = run_cli("--lang", "en", "ranking", sitting)
    assert out.stdout.startswith("快递员 · prelim") and "Ranked" in out.stdout
    out = run_cli("ranking", sitting, "--lang", "en")  # after the command, as before
    assert "Ranked" in out.stdout
    out = run_cli("--lang", "en", "marks", "import", sitting, marks, "--operator", "李军")
    with Competition(sitting) as comp:  # nothing changed: no entry, but no refusal either
        assert comp.audit_entries()[-1].operator == "王秘书"
    assert out.returncode == 0 and "Imported" in out.stdout


def test_minus_zero_is_zero_everywhere(sitting, tmp_path):
    marks = write_csv(tmp_path / "m.csv", MARKS_HEADER, [["A004", "-0", "-0.00", ""], ["A005", "-0.0", "90", ""]])
    out = run_cli("marks", "import", sitting, marks)
    assert out.returncode == 0, out.stderr
    rows = {r["no"]: r for r in json.loads(run_cli("ranking", sitting, "--json").stdout)["rows"]}
    assert (rows["A004"]["theory"], rows["A004"]["practical"], rows["A004"]["total"]) == ("0.00", "0.00", "0.00")
    assert rows["A005"]["theory"] == "0.00"
    text = run_cli("ranking", sitting).stdout
    stats = run_cli("stats", sitting, "--json").stdout
    assert "-0." not in text and "-0." not in stats
    assert "-0." not in run_cli("audit", sitting).stdout
    with sqlite3.connect(sitting) as con:
        assert con.execute("SELECT theory, practical FROM marks WHERE no='A004'").fetchone() == ("0.00", "0.00")


def test_a_folder_is_named_a_folder(tmp_path):
    out = run_cli("ranking", tmp_path)
    assert out.returncode == 1 and "是一个文件夹" in out.stderr and "找不到" not in out.stderr
    out = run_cli("--lang", "en", "ranking", tmp_path)
    assert "is a folder" in out.stderr


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "通讯录.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE people (name TEXT)")
    con.execute("INSERT INTO people VALUES ('张三')")
    con.commit()
    con.close()
    empty = tmp_path / "空 文件.sqlite"
    empty.write_bytes(b"")
    text = tmp_path / "notes.sqlite"
    text.write_bytes("这不是数据库".encode() * 300)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (other, empty, text)}
    for path, words in ((other, "其他程序的 SQLite 数据库"), (empty, "空文件"), (text, "不是 SQLite 数据库")):
        for command in (["ranking", path], ["marks", "import", path, path], ["audit", path, "--verify"]):
            out = run_cli(*command)
            assert out.returncode == 1 and words in out.stderr and "不是 skillscore 竞赛文件" in out.stderr
            assert "no such table" not in out.stderr and "Traceback" not in out.stderr
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in before)  # no -wal, no -shm
    with sqlite3.connect(other) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_marks_file_on_an_empty_roster_says_so_once(tmp_path):
    path = tmp_path / "空名单.sqlite"
    assert run_cli("new", path, "--event", "29", "--stage", "prelim", "--committee", "东城",
                   "--pin", DEMO_PIN).returncode == 0
    rows = [[f"A{i:03d}", "80", "80", ""] for i in range(1, 201)]
    out = run_cli("marks", "import", path, write_csv(tmp_path / "成绩.csv", MARKS_HEADER, rows))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2 and "名单为空" in lines[1] and "200 个编号" in lines[1]


def test_the_ranking_header_names_the_stage_in_the_users_language(sitting):
    assert run_cli("ranking", sitting).stdout.splitlines()[0] == "快递员 · 初赛 · 东城区初赛组委会"
    assert run_cli("--lang", "en", "ranking", sitting).stdout.splitlines()[0] == "快递员 · prelim · 东城区初赛组委会"


READ_ONLY_MEDIUM = textwrap.dedent("""
    set -e
    mount -t tmpfs none "$1"
    cp "$2" "$1/东城区 初赛.sqlite"
    mount -o remount,ro "$1"
    cd "$3"
    echo "== ranking"; "$4" -m skillscore.cli ranking "$1/东城区 初赛.sqlite" --json > "$5/ranking.json"; echo "rc=$?"
    echo "== import"; "$4" -m skillscore.cli marks import "$1/东城区 初赛.sqlite" "$6" || echo "rc=$?"
    echo "== copy"; "$4" -m skillscore.cli copy "$1/东城区 初赛.sqlite" "$5/本机 副本.sqlite"; echo "rc=$?"
    ls -a "$1"
""")


def test_a_file_on_a_read_only_medium_is_read_and_writes_say_why(sitting, tmp_path):
    """A real read-only mount (tmpfs in a private mount namespace, so no privileges needed)."""
    medium, out_dir = tmp_path / "medium", tmp_path / "out"
    medium.mkdir()
    out_dir.mkdir()
    marks = write_csv(tmp_path / "m.csv", MARKS_HEADER, [["A002", "12.5", "", ""]])
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    out = subprocess.run(["unshare", "-rm", "sh", "-c", READ_ONLY_MEDIUM, "sh", str(medium), str(sitting), str(ROOT),
                          sys.executable, str(out_dir), str(marks)], capture_output=True, text=True, env=env)
    assert "Traceback" not in out.stderr, out.stderr
    assert "== ranking\nrc=0" in out.stdout, out.stdout + out.stderr
    assert len(json.loads((out_dir / "ranking.json").read_text(encoding="utf-8"))["rows"]) == 60
    assert "只读介质" in out.stderr and "skillscore copy" in out.stderr and "rc=1" in out.stdout
    assert "不是 skillscore 竞赛文件" not in out.stderr
    with Competition(out_dir / "本机 副本.sqlite") as copy:  # the way out works
        assert copy.verify_audit() == [] and len(copy.contestants()) == 60


def test_a_command_ends_at_once_with_everything_it_wrote(tmp_path):
    """The command ends without tearing the interpreter down (console.exit_now): its output
    is whole, buffered text included, and its exit code is the command's."""
    script = (
        "import sys\n"
        "from skillscore.system.console import exit_now\n"
        "sys.stdout.write('行' * 200000)\n"  # more than any buffer: flushed before the end
        "sys.stderr.write('末')\n"
        "exit_now(3)\n"
        "print('never')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout.decode("utf-8") == "行" * 200000 and done.stderr.decode("utf-8") == "末"


def test_the_installed_command_exits_with_the_commands_code(sitting, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "skillscore.cli", "ranking", str(sitting), "--json"],
                        capture_output=True, timeout=120)
    refused = subprocess.run([sys.executable, "-m", "skillscore.cli", "ranking", str(tmp_path / "none.sqlite")],
                             capture_output=True, timeout=120)
    usage = subprocess.run([sys.executable, "-m", "skillscore.cli", "ranking"], capture_output=True, timeout=120)
    assert (ok.returncode, refused.returncode, usage.returncode) == (0, 1, 2)
    assert json.loads(ok.stdout)["rows"] and refused.stderr and not refused.stdout
