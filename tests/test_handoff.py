"""Handoff files: export, verify, the next stage's roster and its sources (issue 6)."""

from __future__ import annotations

import csv
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from support import PIN, ranking_json, run_cli, write_csv
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows
from skillscore.errors import RefusedError
from skillscore.exchange.handoff import PackageError, export_package
from skillscore.exchange.handoff_read import read_package
from skillscore.actions.competition import Competition as _Competition
create_from_packages = _Competition.create_from_packages
from skillscore.exchange.results import fingerprint_of
from test_handoff_support import (
    CODES, MARKS_HEADER, code_args, export, exported_code, make_sitting, prelim_package, read, team_marks, team_rows,
    tie_free_marks,
)

FINGERPRINT = re.compile(r"成绩指纹：([0-9a-f]{64})")


def codes_of(packages) -> list[str]:
    return code_args(*packages)[1:]


def cli_ok(*args):
    out = run_cli(*args)
    assert out.returncode == 0, out.stderr
    return out


def contestants(path: Path) -> list:
    with Competition(path) as comp:
        return comp.contestants()


def origins(path: Path) -> dict[str, dict]:
    with Competition(path) as comp:
        doc = comp.results_document()
    return {c["id_number"]: c["origin"] for c in doc["contestants"]}


def advancing_ids(sitting: Path) -> dict[str, tuple[str, int]]:
    """ID number -> (number, rank) of the advancing contestants, read through the CLI."""
    doc = ranking_json(sitting)
    with Competition(sitting) as comp:
        id_of = {c.no: c.id_number for c in comp.contestants()}
    out = {}
    for row in doc["rows"]:
        if row["advances"]:
            for no in row["members"] or [row["no"]]:
                out[id_of[no]] = (no, row["rank"])
    return out


# -- the round trip the issue asks for, all through the CLI --------------------------------
def test_three_prelims_to_semifinal_to_final_through_the_cli(tmp_path):
    packages, expected = [], {}
    for i, (prefix, district) in enumerate([("D", "东城区"), ("X", "西城区"), ("C", "朝阳区")]):
        sitting = tmp_path / f"{prefix}.sqlite"
        rows = roster_rows(35 + 5 * i, seed=100 + i, prefix=prefix)
        cli_ok("new", sitting, "--event", "29", "--stage", "prelim", "--committee", f"{district}初赛组委会",
               "--date", "2025-09-01", "--pin", PIN)
        cli_ok("roster", "import", sitting, write_csv(tmp_path / f"{prefix}-r.csv", ROSTER_HEADER, rows))
        cli_ok("marks", "import", sitting,
               write_csv(tmp_path / f"{prefix}-m.csv", MARKS_HEADER, tie_free_marks([r[0] for r in rows])))
        final = cli_ok("finalize", sitting, "--pin", PIN).stdout
        package = tmp_path / f"{district}.sspkg"
        exported = cli_ok("export", sitting, package).stdout
        fingerprint = re.search(r"[0-9a-f]{64}", final).group(0)
        assert fingerprint in exported
        code = exported_code(exported, package)
        verified = cli_ok("verify", package, "--code", code).stdout
        assert FINGERPRINT.search(verified).group(1) == fingerprint and "未被改动" in verified
        assert f"{district}初赛组委会" in verified and "初赛" in verified
        packages.append(package)
        expected.update({id_: (f"{district}初赛组委会", no, rank) for id_, (no, rank) in advancing_ids(sitting).items()})

    semi = tmp_path / "semi.sqlite"
    cli_ok("new", semi, "--from", *packages, *code_args(*packages), "--stage", "semifinal",
           "--committee", "市复赛组委会", "--date", "2025-10-15", "--pin", PIN)
    got = origins(semi)
    assert set(got) == set(expected)  # exactly the advancing contestants, nobody retyped
    for id_, origin in got.items():
        assert (origin["committee"], origin["no"], origin["rank"]) == expected[id_]
        assert origin["stage"] == "prelim"
    listed = cli_ok("sources", semi).stdout
    for package in packages:
        assert read(package).fingerprint in listed

    semi_rows = [c for c in contestants(semi)]
    cli_ok("marks", "import", semi,
           write_csv(tmp_path / "semi-m.csv", MARKS_HEADER, tie_free_marks([c.no for c in semi_rows])))
    cli_ok("finalize", semi, "--pin", PIN)
    semi_pkg = tmp_path / "semi.sspkg"
    exported_code(cli_ok("export", semi, semi_pkg).stdout, semi_pkg)
    cli_ok("verify", semi_pkg, *code_args(semi_pkg))

    final = tmp_path / "final.sqlite"
    # --event beside --from: the event is the files' own (once ignored without a word)
    both = run_cli("new", final, "--from", semi_pkg, *code_args(semi_pkg), "--event", "5", "--stage", "final",
                   "--committee", "市决赛组委会", "--pin", PIN)
    assert both.returncode == 2 and "不能再用 --event 5 指定" in both.stderr and not final.exists()
    cli_ok("new", final, "--from", semi_pkg, *code_args(semi_pkg), "--stage", "final", "--committee", "市决赛组委会",
           "--date", "2025-11-20", "--pin", PIN)
    assert set(origins(final)) == set(advancing_ids(semi))
    assert {o["committee"] for o in origins(final).values()} == {"市复赛组委会"}
    final_rows = contestants(final)
    cli_ok("marks", "import", final,
           write_csv(tmp_path / "final-m.csv", MARKS_HEADER, tie_free_marks([c.no for c in final_rows])))
    cli_ok("finalize", final, "--pin", PIN)
    final_pkg = tmp_path / "final.sspkg"
    exported_code(cli_ok("export", final, final_pkg).stdout, final_pkg)
    verified = cli_ok("verify", final_pkg, *code_args(final_pkg)).stdout
    assert "决赛" in verified and "纳入技能人才库" in verified


# -- export ------------------------------------------------------------------------------
@pytest.fixture
def prelim(tmp_path):
    return make_sitting(tmp_path, "prelim", committee="东城区初赛组委会", count=40, seed=7)


def test_the_same_finalised_state_gives_the_same_bytes_and_fingerprint(prelim, tmp_path):
    a, b = tmp_path / "a.sspkg", tmp_path / "b.sspkg"
    assert exported_code(cli_ok("export", prelim, a).stdout, a) == exported_code(cli_ok("export", prelim, b).stdout, b)
    assert a.read_bytes() == b.read_bytes()
    pkg = read(a)
    with Competition(prelim) as comp:
        assert pkg.fingerprint == comp.info().fingerprint == fingerprint_of(comp.finalized_document())
    assert ranking_json(prelim)["fingerprint"] == pkg.fingerprint
    with zipfile.ZipFile(a) as zf:
        assert zf.namelist() == ["audit.json.sealed", "manifest.json", "results.json.sealed"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "skillscore-handoff/2"
    assert manifest["program"].startswith("skillscore ")
    assert manifest["counts"]["contestants"] == 40 and manifest["counts"]["advancing"] == 12
    assert manifest["version"] == 1 and manifest["stage"] == "prelim"


def test_the_package_holds_personal_data_marks_outcomes_and_the_audit_log(prelim, tmp_path):
    pkg = read(export(prelim, tmp_path / "p.sspkg"))
    person = pkg.results["contestants"][0]
    assert re.fullmatch(r"\d{17}[\dX]", person["id_number"]) and person["phone"].startswith("13")
    assert person["theory"] and person["practical"]
    row = pkg.results["ranking"]["rows"][0]
    assert row["rank"] == 1 and row["advances"] is True and row["certificate"] == 3
    actions = [e["action"] for e in pkg.audit]
    assert actions[0] == "create" and actions[-1] == "finalize"


def test_reopening_and_finalising_again_gives_a_new_version_and_fingerprint(prelim, tmp_path):
    first = read(export(prelim, tmp_path / "v1.sspkg"))
    with Competition(prelim) as comp:
        comp.reopen(reason="复核更正", pin=PIN)
        comp.set_mark("A001", "theory", "41.00")
        comp.finalize(pin=PIN)
    second = read(export(prelim, tmp_path / "v2.sspkg"))
    assert (first.version, second.version) == (1, 2)
    assert first.fingerprint != second.fingerprint


def test_export_refuses_a_stage_that_is_not_finalised(tmp_path):
    draft = make_sitting(tmp_path, "draft", committee="组委会", finalize=False)
    out = run_cli("export", draft, tmp_path / "x.sspkg")
    assert out.returncode == 1 and "尚未定稿" in out.stderr
    english = run_cli("export", draft, tmp_path / "x.sspkg", "--lang", "en")
    assert "not finalised" in english.stderr
    assert not (tmp_path / "x.sspkg").exists()


def test_export_refuses_results_changed_behind_the_programs_back(prelim, tmp_path):
    import sqlite3

    con = sqlite3.connect(prelim)
    doc = json.loads(con.execute("SELECT document FROM finalizations").fetchone()[0])
    doc["contestants"][0]["name"] = "冒名顶替"
    con.execute("UPDATE finalizations SET document=?", [json.dumps(doc, ensure_ascii=False)])
    con.commit()
    con.close()
    out = run_cli("export", prelim, tmp_path / "x.sspkg")
    assert out.returncode == 1 and "与成绩指纹不符" in out.stderr
    assert not (tmp_path / "x.sspkg").exists()


def test_export_writes_safely_and_leaves_no_temporary_file(prelim, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    steps = []
    with Competition(prelim) as comp:
        export_package(comp, stick / "old.sspkg")  # an older export of this sitting, replaced below
        result = export_package(comp, stick / "old.sspkg", progress=lambda done, total: steps.append((done, total)))
    assert steps[-1] == (3, 3)
    assert sorted(p.name for p in stick.iterdir()) == ["old.sspkg"]  # replaced, no .tmp- left
    assert read_package(stick / "old.sspkg", result.code).fingerprint == result.fingerprint
    assert os.stat(stick / "old.sspkg").st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_nothing_half_written(prelim, tmp_path):
    target = tmp_path / "is-a-folder.sspkg"
    target.mkdir()
    out = run_cli("export", prelim, target)
    assert out.returncode == 1 and "无法写入" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp-" in p.name) == []
    missing = run_cli("export", prelim, tmp_path / "no-such-folder" / "x.sspkg")
    assert missing.returncode == 1 and "目标文件夹不存在" in missing.stderr


def test_a_read_back_that_differs_deletes_the_file(prelim, tmp_path, monkeypatch):
    import skillscore.exchange.handoff as handoff

    # A stick that returns other bytes than it was given (a failing or fake-capacity stick).
    monkeypatch.setattr(handoff, "_read_from_medium", lambda path: b"garbage")
    with Competition(prelim) as comp, pytest.raises(RefusedError) as caught:
        export_package(comp, tmp_path / "bad.sspkg")
    assert caught.value.code == "handoff_readback_failed"
    assert list(tmp_path.glob("bad.sspkg*")) == []


def test_verify_prints_event_stage_committee_version_counts_and_fingerprint(prelim, tmp_path):
    package = export(prelim, tmp_path / "东城区.sspkg")
    out = cli_ok("verify", package, *code_args(package)).stdout
    for text in ("完好", "29 快递员", "阶段：初赛", "东城区初赛组委会", "第 1 版", "参赛 40", "晋级 12",
                 "三级/高级工 3"):
        assert text in out, text
    assert FINGERPRINT.search(out).group(1) == read(package).fingerprint
    english = cli_ok("verify", package, "--lang", "en", *code_args(package)).stdout
    assert "Stage: prelim" in english and "advancing 12" in english


def test_read_package_gives_the_gui_manifest_and_fingerprint(prelim, tmp_path):
    pkg = read(export(prelim, tmp_path / "p.sspkg"))
    assert (pkg.event_no, pkg.event_name, pkg.stage, pkg.committee, pkg.version) == (
        29, "快递员", "prelim", "东城区初赛组委会", 1)
    assert pkg.manifest["fingerprint"] == pkg.fingerprint
    assert pkg.counts["certificates"]["3"] == 3


# -- the next stage --------------------------------------------------------------------------
@pytest.fixture
def three(tmp_path):
    """Three finalised prelim packages of event 29 from three committees."""
    return [prelim_package(tmp_path, name, committee=f"{name}初赛组委会", count=40, seed=seed, prefix=prefix)
            for name, seed, prefix in (("东城区", 1, "D"), ("西城区", 2, "X"), ("朝阳区", 3, "C"))]


def test_new_from_numbers_by_package_then_rank_and_keeps_the_origin(three, tmp_path):
    semi = tmp_path / "semi.sqlite"
    create_from_packages(semi, three[:2], codes=codes_of(three[:2]), stage="semifinal", committee="复赛组委会", pin=PIN,
                         date="2025-10-01").close()
    people = contestants(semi)
    assert [c.no for c in people] == [f"{i:03d}" for i in range(1, 25)]
    got = origins(semi)
    first = read(three[0])
    assert [got[c.id_number]["rank"] for c in people[:12]] == list(range(1, 13))
    assert got[people[0].id_number] == {
        "committee": "东城区初赛组委会", "stage": "prelim", "no": "D001", "rank": 1, "team": None,
        "fingerprint": first.fingerprint, "version": 1}
    with Competition(semi) as comp:
        info = comp.info()
        assert (info.event.no, info.stage.value, info.committee) == (29, "semifinal", "复赛组委会")
        assert comp.verify_audit() == []
        actions = [e.action for e in comp.audit_entries()]
    assert actions.count("source_add") == 2 and actions.count("roster_add") == 24


def refused_new(tmp_path, *packages, stage="semifinal", lang=None):
    target = tmp_path / "next.sqlite"
    before = sorted(p.name for p in tmp_path.iterdir())
    args = ["new", target, "--from", *packages, *code_args(*packages), "--stage", stage, "--committee", "复赛组委会",
            "--pin", PIN]
    out = run_cli(*args, *(["--lang", lang] if lang else []))
    assert out.returncode == 1, out.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written
    return out.stderr


def test_new_from_refuses_the_same_file_twice(three, tmp_path):
    copy = tmp_path / "copy.sspkg"
    copy.write_bytes(three[0].read_bytes())
    CODES[copy] = CODES[three[0]]
    message = refused_new(tmp_path, three[0], copy)
    assert "东城区.sspkg" in message and "copy.sspkg" in message and "成绩指纹相同" in message


def test_new_from_refuses_one_contestant_in_two_files(tmp_path):
    shared = roster_rows(40, seed=1, prefix="D")
    other = roster_rows(40, seed=2, prefix="X")
    other[0] = ["X001", *shared[0][1:]]  # the same person (ID number), another committee
    a = prelim_package(tmp_path, "东城区", committee="东城区初赛组委会", rows=shared)
    b = prelim_package(tmp_path, "西城区", committee="西城区初赛组委会", rows=other)
    message = refused_new(tmp_path, a, b)
    assert shared[0][1] in message and shared[0][3] in message
    assert "D001" in message and "X001" in message and "东城区.sspkg" in message and "西城区.sspkg" in message


def test_new_from_refuses_another_event(three, tmp_path):
    other = prelim_package(tmp_path, "外项", committee="外项组委会", event=21, seed=9, prefix="W")
    message = refused_new(tmp_path, three[0], other)
    assert "外项.sspkg" in message and "不属于同一竞赛项目" in message


def test_new_from_refuses_a_stage_that_is_not_the_one_before(three, tmp_path):
    message = refused_new(tmp_path, three[0], stage="final")
    assert "东城区.sspkg 是初赛的成绩，决赛的名单只能来自复赛的成绩交接文件" in message
    english = refused_new(tmp_path, three[0], stage="final", lang="en")
    assert "holds prelim results; a final roster is built from semifinal handoff files only" in english
    message = refused_new(tmp_path, three[0], stage="prelim")
    assert "初赛没有上一阶段" in message


def test_new_from_refuses_two_versions_of_one_committee(tmp_path):
    sitting = make_sitting(tmp_path, "东城区", committee="东城区初赛组委会")
    v1 = export(sitting, tmp_path / "v1.sspkg")
    with Competition(sitting) as comp:
        comp.reopen(reason="更正", pin=PIN)
        comp.finalize(pin=PIN)
    v2 = export(sitting, tmp_path / "v2.sspkg")
    message = refused_new(tmp_path, v1, v2)
    assert "请只给出最新的一份" in message and "v1.sspkg" in message


def test_team_event_brings_all_members_of_advancing_teams_with_their_team(tmp_path):
    a_rows = team_rows(20, seed=11, prefix="T")
    b_rows = team_rows(20, seed=12, prefix="U")  # the same team names 第1队 … at another committee
    a = prelim_package(tmp_path, "甲", committee="甲初赛组委会", event=9, rows=a_rows, marks=team_marks(a_rows))
    b = prelim_package(tmp_path, "乙", committee="乙初赛组委会", event=9, rows=b_rows, marks=team_marks(b_rows))
    counts = read(a).counts  # head counts are persons; teams are counted apart
    assert (counts["contestants"], counts["teams"], counts["ranked"], counts["advancing"]) == (40, 20, 40, 12)
    semi = tmp_path / "semi.sqlite"
    create_from_packages(semi, [a, b], codes=codes_of([a, b]), stage="semifinal", committee="复赛组委会", pin=PIN).close()
    people = contestants(semi)
    assert len(people) == 2 * 2 * 6  # floor(30% of 20 teams) = 6 teams from each, two members each
    teams = {}
    for c in people:
        teams.setdefault(c.team, []).append(c)
    assert all(len(members) == 2 for members in teams.values()) and len(teams) == 12
    assert "第1队" in teams and "第1队（乙初赛组委会）" in teams
    got = origins(semi)
    assert {got[c.id_number]["team"] for c in teams["第1队（乙初赛组委会）"]} == {"第1队"}
    assert {c.id_number for c in teams["第1队"]} == {a_rows[0][3], a_rows[1][3]}
    doc = ranking_json(semi)
    assert doc["event"]["team_size"] == 2 and len(doc["rows"]) == 12


def test_an_admission_against_a_rule_travels_with_the_contestant(tmp_path):
    rows = roster_rows(40, seed=5, prefix="D")
    sitting = tmp_path / "p.sqlite"
    with Competition.create(sitting, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                            date="2025-09-01") as comp:
        comp.admit("D001", reason="经市总工会批准", pin=PIN)
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, rows))
        comp.import_marks(write_csv(tmp_path / "m.csv", MARKS_HEADER, tie_free_marks([r[0] for r in rows])))
        comp.finalize(pin=PIN)
    package = export(sitting, tmp_path / "p.sspkg")
    semi = tmp_path / "semi.sqlite"
    with create_from_packages(semi, [package], codes=codes_of([package]), stage="semifinal", committee="复赛组委会", pin=PIN) as comp:
        admitted = comp.admitted()
    assert list(admitted.values()) == ["东城区初赛组委会初赛已准予：经市总工会批准"]


# -- sources ---------------------------------------------------------------------------------
@pytest.fixture
def semi(three, tmp_path):
    path = tmp_path / "semi.sqlite"
    create_from_packages(path, three[:2], codes=codes_of(three[:2]), stage="semifinal", committee="复赛组委会", pin=PIN).close()
    return path


def test_a_late_file_joins_the_roster(semi, three):
    out = cli_ok("sources", "add", semi, three[2], *code_args(three[2]))
    assert "朝阳区初赛组委会" in out.stdout and "新增 12" in out.stdout
    people = contestants(semi)
    assert len(people) == 36 and people[-1].no == "036"
    assert {o["committee"] for o in origins(semi).values()} == {f"{d}初赛组委会" for d in ("东城区", "西城区", "朝阳区")}
    listed = cli_ok("sources", semi).stdout.splitlines()
    assert len(listed) == 4 and all(read(p).fingerprint in "\n".join(listed) for p in three)
    with Competition(semi) as comp:
        assert comp.verify_audit() == []
        assert [e.action for e in comp.audit_entries()].count("source_add") == 3


def test_the_same_file_cannot_join_twice(semi, three):
    out = run_cli("sources", "add", semi, three[0], *code_args(three[0]))
    assert out.returncode == 1 and "已经使用过" in out.stderr and "东城区.sspkg" in out.stderr


def test_a_late_file_with_someone_already_on_the_roster_is_refused(semi, tmp_path):
    with Competition(semi) as comp:
        someone = comp.contestants()[0]
    rows = roster_rows(40, seed=4, prefix="H")
    rows[0] = ["H001", someone.name, rows[0][2], someone.id_number, *rows[0][4:]]
    rows[0][2], rows[0][4], rows[0][5] = someone.sex, someone.birth_date, someone.category
    late = prelim_package(tmp_path, "海淀区", committee="海淀区初赛组委会", rows=rows)
    out = run_cli("sources", "add", semi, late, *code_args(late))
    assert out.returncode == 1 and someone.id_number in out.stderr and "已在名单中" in out.stderr
    assert len(contestants(semi)) == 24


def newer_version(tmp_path, name: str, committee: str, seed: int, prefix: str, change) -> tuple[Path, Path]:
    """v1 and v2 packages of one committee; ``change(comp)`` is done between them."""
    sitting = make_sitting(tmp_path, f"{name}-file", committee=committee, seed=seed, prefix=prefix)
    v1 = export(sitting, tmp_path / f"{name}-v1.sspkg")
    with Competition(sitting) as comp:
        comp.reopen(reason="更正录入错误", pin=PIN)
        change(comp)
        comp.finalize(pin=PIN)
    return v1, export(sitting, tmp_path / f"{name}-v2.sspkg")


def _swap_last_advancer(comp):
    # The 12th (last advancing) drops to the bottom; the 13th moves up and advances.
    comp.set_mark("D012", "theory", "0.00")
    comp.set_mark("D012", "practical", "0.00")


def test_a_newer_version_replaces_the_older_and_keeps_numbers(tmp_path):
    v1, v2 = newer_version(tmp_path, "东城区", "东城区初赛组委会", 1, "D", _swap_last_advancer)
    semi = tmp_path / "semi.sqlite"
    create_from_packages(semi, [v1], codes=codes_of([v1]), stage="semifinal", committee="复赛组委会", pin=PIN).close()
    before = {c.id_number: c.no for c in contestants(semi)}
    out = cli_ok("sources", "add", semi, v2, *code_args(v2))
    assert "替换了第 1 版" in out.stdout and "新增 1" in out.stdout and "移除 1" in out.stdout
    after = {c.id_number: c.no for c in contestants(semi)}
    kept = before.keys() & after.keys()
    assert len(kept) == 11 and all(before[k] == after[k] for k in kept)
    assert len(after) == 12 and "013" in after.values()
    assert {o["version"] for o in origins(semi).values()} == {2}
    with Competition(semi) as comp:
        sources = comp.sources()
        assert comp.verify_audit() == []
    assert [(s.version, s.replaced_by) for s in sources] == [(1, read(v2).fingerprint), (2, None)]
    listed = cli_ok("sources", semi).stdout
    assert "已被第 2 版替换" in listed and "使用中" in listed
    older = run_cli("sources", "add", semi, v1, *code_args(v1))
    assert older.returncode == 1 and "已经使用过" in older.stderr


def test_an_older_version_cannot_replace_a_newer(tmp_path):
    v1, v2 = newer_version(tmp_path, "东城区", "东城区初赛组委会", 1, "D", _swap_last_advancer)
    semi = tmp_path / "semi.sqlite"
    create_from_packages(semi, [v2], codes=codes_of([v2]), stage="semifinal", committee="复赛组委会", pin=PIN).close()
    out = run_cli("sources", "add", semi, v1, *code_args(v1))
    assert out.returncode == 1 and "只能用更新的版本替换" in out.stderr


def test_a_newer_version_that_drops_someone_with_marks_is_refused(tmp_path):
    v1, v2 = newer_version(tmp_path, "东城区", "东城区初赛组委会", 1, "D", _swap_last_advancer)
    semi = tmp_path / "semi.sqlite"
    with create_from_packages(semi, [v1], codes=codes_of([v1]), stage="semifinal", committee="复赛组委会", pin=PIN) as comp:
        dropped = next(c["no"] for c in comp.results_document()["contestants"] if c["origin"]["no"] == "D012")
        comp.set_mark(dropped, "theory", "77.00")
        audit_before = len(comp.audit_entries())
    out = run_cli("sources", "add", semi, v2, *code_args(v2))
    assert out.returncode == 1 and dropped in out.stderr and "已有成绩" in out.stderr
    with Competition(semi) as comp:
        assert len(comp.audit_entries()) == audit_before and len(comp.sources()) == 1


def test_sources_refuse_a_prelim_and_a_finalised_file(semi, three, tmp_path):
    prelim = make_sitting(tmp_path, "draft", committee="组委会", finalize=False)
    out = run_cli("sources", "add", prelim, three[2], *code_args(three[2]))
    assert out.returncode == 1 and "初赛没有上一阶段" in out.stderr
    with Competition(semi) as comp:
        nos = [c.no for c in comp.contestants()]
    write_csv(tmp_path / "semi-m.csv", MARKS_HEADER, tie_free_marks(nos))
    cli_ok("marks", "import", semi, tmp_path / "semi-m.csv")
    cli_ok("finalize", semi, "--pin", PIN)
    out = run_cli("sources", "add", semi, three[2], *code_args(three[2]))
    assert out.returncode == 1 and "已定稿" in out.stderr
    assert run_cli("sources", "remove", semi, three[2]).returncode == 2


def test_a_stick_that_refuses_chmod_still_gets_the_file(prelim, tmp_path, monkeypatch):
    # vfat without the 'quiet' mount option answers chmod with EPERM.
    def refuse(fd, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", refuse)
    with Competition(prelim) as comp:
        result = export_package(comp, tmp_path / "fat.sspkg")
    assert read_package(tmp_path / "fat.sspkg", result.code).fingerprint == result.fingerprint
