"""Handoff and desk files handled as strangers handle them: a desk file given where a
handoff file belongs, an export onto another committee's package, a summary that cannot
be written. Each case once gave a misleading message or destroyed a file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from support import PIN, run_cli
from skillscore.actions.competition import Competition
from test_handoff_support import code_args, export, make_sitting


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def desk_file(folder: Path, sitting: Path, name: str) -> Path:
    """A desk copy of ``sitting`` with one mark typed, exported as ``name``.ssdesk."""
    copy = folder / f"{name}.sqlite"
    with Competition(sitting) as comp:
        comp.copy_to(copy)
    with Competition(copy, operator="王芳") as comp:
        comp.set_mark(comp.contestants()[0].no, "theory", "81.5")
        comp.export_desk(folder / f"{name}.ssdesk", desk=name)
    return folder / f"{name}.ssdesk"


def test_an_export_never_replaces_another_sittings_handoff_file(tmp_path):
    east = make_sitting(tmp_path, "east", committee="东城区初赛组委会", seed=1)
    west = make_sitting(tmp_path, "west", committee="西城区初赛组委会", seed=2, prefix="W")
    package = export(east, tmp_path / "初赛.sspkg")
    kept = digest(package)
    out = run_cli("export", west, package)
    assert out.returncode == 1, out.stdout
    assert "不会覆盖" in out.stderr and "东城区初赛组委会" in out.stderr and "Traceback" not in out.stderr
    assert digest(package) == kept
    # The desk's export onto it is refused the same way; the sitting's own export replaces it.
    open_desk = make_sitting(tmp_path, "desk", committee="东城区初赛组委会", seed=3, finalize=False)
    out = run_cli("desk", "export", open_desk, package)
    assert out.returncode == 1 and "不会覆盖" in out.stderr and digest(package) == kept
    out = run_cli("export", east, package)
    assert out.returncode == 0, out.stderr


def test_a_desk_export_never_replaces_another_sittings_desk_file(tmp_path):
    main = make_sitting(tmp_path, "main", committee="东城区初赛组委会", finalize=False)
    other = make_sitting(tmp_path, "other", committee="西城区初赛组委会", finalize=False, prefix="W")
    desk = desk_file(tmp_path, main, "一号台")
    kept = digest(desk)
    out = run_cli("export", make_sitting(tmp_path, "done", committee="x", seed=4), desk)
    assert out.returncode == 1 and "录入台文件" in out.stderr and digest(desk) == kept
    out = run_cli("desk", "export", other, desk)
    assert out.returncode == 1 and "不会覆盖" in out.stderr and digest(desk) == kept


def test_an_export_never_replaces_a_file_that_is_not_a_package(tmp_path):
    """Export onto the roster (名单.xlsx) or a damaged package: refused, the file kept; an
    empty file holds nothing to lose and is written over."""
    done = make_sitting(tmp_path, "done", committee="东城区初赛组委会", seed=1)
    open_desk = make_sitting(tmp_path, "desk", committee="东城区初赛组委会", seed=2, finalize=False)
    roster = tmp_path / "名单.xlsx"
    roster.write_bytes(b"PK\x03\x04 the committee's roster")
    damaged = tmp_path / "初赛.sspkg"
    damaged.write_bytes(export(done, tmp_path / "whole.sspkg").read_bytes()[:-40])
    for target in (roster, damaged):
        kept = digest(target)
        for argv in (("export", done, target), ("desk", "export", open_desk, target)):
            out = run_cli(*argv)
            assert out.returncode == 1 and "不会覆盖" in out.stderr and target.name in out.stderr, out.stderr
            assert digest(target) == kept and "Traceback" not in out.stderr
    out = run_cli("export", done, roster, "--lang", "en")
    assert out.returncode == 1 and "Will not replace" in out.stderr and "handoff file" in out.stderr
    empty = tmp_path / "空.sspkg"
    empty.touch()
    assert run_cli("export", done, empty).returncode == 0 and empty.stat().st_size > 0


def test_a_desk_file_given_as_a_handoff_file_is_named_as_a_desk_file(tmp_path):
    main = make_sitting(tmp_path, "main", committee="东城区初赛组委会", finalize=False)
    desk = desk_file(tmp_path, main, "一号台")
    for args in (["verify", desk], ["summary", desk, "-o", tmp_path / "s.xlsx"],
                 ["new", tmp_path / "semi.sqlite", "--from", desk, "--stage", "semifinal", "--committee", "复赛",
                  "--pin", PIN]):
        out = run_cli(*args)
        assert out.returncode == 1, (args, out.stdout)
        assert "一号台.ssdesk 是录入台文件，不是成绩交接文件" in out.stderr, (args, out.stderr)
    assert not (tmp_path / "semi.sqlite").exists()


def test_a_handoff_file_given_as_a_desk_file_is_named_as_a_handoff_file(tmp_path):
    package = export(make_sitting(tmp_path, "east", committee="东城区初赛组委会"), tmp_path / "东城区.sspkg")
    main = make_sitting(tmp_path, "main", committee="东城区初赛组委会", finalize=False, seed=5)
    out = run_cli("desk", "merge", main, package, "--code", "2345-6789-ABCD-EFGH")
    assert out.returncode == 1
    assert "东城区.sspkg 是成绩交接文件，不是录入台文件" in out.stderr
    out = run_cli("--lang", "en", "desk", "verify", package)
    assert "is a handoff file, not a desk file" in out.stderr


def test_a_summary_that_cannot_be_written_is_called_a_summary(tmp_path):
    package = export(make_sitting(tmp_path, "east", committee="东城区初赛组委会"), tmp_path / "东城区.sspkg")
    (tmp_path / "汇总.xlsx").mkdir()
    out = run_cli("summary", package, *code_args(package), "-o", tmp_path / "汇总.xlsx")
    assert out.returncode == 1
    assert "无法写入汇总表" in out.stderr and "成绩交接文件" not in out.stderr
