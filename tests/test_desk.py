"""Several desks at one venue (issue 9): desk files exported, verified and merged.

Every desk works on a copy of the main file, as at a venue; each test types marks at the
desks, exports desk files, merges them into the main file and checks the marks, the
report, the held conflicts and the audit log."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from support import ACCEPTANCE, PIN, as_schema_4, run_cli, without_values, write_csv
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows
from skillscore.exchange.desk_file import read_desk_file
from skillscore.errors import RefusedError
from skillscore.model import ABSENT
from skillscore.rules.panel import Module, PanelScheme
from test_handoff_support import make_sitting, members, rehash, rezip, with_manifest

ROSTER = ACCEPTANCE / "prelim-small" / "roster.csv"


class Venue:
    """A main file and the desks copied from it, all closed at the end."""

    def __init__(self, folder: Path, **create):
        self.folder = folder
        self.main = Competition.create(folder / "main.sqlite", event_no=21, stage="prelim", committee="东城区初赛组委会",
                                       pin=PIN, date="2025-09-01", operator="主台", **create)
        self.main.import_roster(ROSTER)
        self.opened = [self.main]
        self.codes: dict[Path, str] = {}  # each desk file's code, as its desk shows it

    def merge(self, paths, **kw):
        """The main desk merges, typing each file's code from its desk (issue 14)."""
        return self.main.merge_desk_files(paths, codes=[self.codes[Path(p)] for p in paths], **kw)

    def desk(self, name: str, operator: str) -> Competition:
        path = self.main.copy_to(self.folder / f"{name}.sqlite")
        comp = Competition(path, operator=operator)
        self.opened.append(comp)
        return comp

    def read(self, path: Path):
        return read_desk_file(path, self.codes[Path(path)])

    def export(self, comp: Competition, name: str, **kw) -> Path:
        out = self.folder / f"{name}.ssdesk"
        self.codes[out] = comp.export_desk(out, **kw).code
        return out

    def close(self):
        for comp in self.opened:
            comp.close()


@pytest.fixture
def venue(tmp_path):
    v = Venue(tmp_path)
    yield v
    v.close()


def marks(comp: Competition) -> dict[str, tuple]:
    return {no: (e.theory, e.practical, e.status and e.status.value) for no, e in comp.entries().items()}


def changes(changes_) -> set[tuple]:
    return {(c.no, c.field, c.before, c.after) for c in changes_}


# -- identity ------------------------------------------------------------------------------
def test_every_copy_shares_the_sittings_identity_and_a_new_file_has_its_own(venue):
    ident = venue.main.store.meta("competition_id")
    assert len(ident) == 32 and int(ident, 16) >= 0
    assert venue.desk("一号台", "王芳").store.meta("competition_id") == ident
    other = Competition.create(venue.folder / "other.sqlite", event_no=21, stage="prelim", committee="东城区初赛组委会",
                               pin=PIN, date="2025-09-01")
    venue.opened.append(other)
    assert other.store.meta("competition_id") != ident


def test_an_older_file_gets_an_identity_when_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    Competition.create(path, event_no=21, stage="prelim", committee="x", pin=PIN, date="2025-09-01").close()
    as_schema_4(path)
    with Competition(path) as comp:
        first = comp.store.meta("competition_id")
        assert len(first) == 32 and comp.held_conflicts() == []
    with Competition(path) as comp:
        assert comp.store.meta("competition_id") == first  # given once, kept


# -- the five cases the issue names ----------------------------------------------------------
def test_disjoint_desks_each_add_their_marks(venue):
    a, b = venue.desk("一号台", "王芳"), venue.desk("二号台", "李军")
    a.set_mark("A001", "theory", "81.5")
    a.set_mark("A002", "practical", "缺考")
    b.set_mark("B003", "theory", "66")
    b.set_mark("B004", "status", "弃权")
    reports = venue.merge([venue.export(a, "a1", desk="一号台"), venue.export(b, "b1", desk="二号台")])
    assert [r.desk for r in reports] == ["一号台", "二号台"]
    assert changes(reports[0].added) == {("A001", "theory", None, "81.50"), ("A002", "practical", None, "absent")}
    assert changes(reports[1].added) == {("B003", "theory", None, "66.00"), ("B004", "status", None, "withdrawn")}
    assert all(not r.changed and not r.conflicts for r in reports)
    got = marks(venue.main)
    assert got["A001"][0] == D("81.50") and got["A002"][1] is ABSENT
    assert got["B003"][0] == D("66.00") and got["B004"][2] == "withdrawn"
    # The audit names who merged, the desk, the file and who typed each value.
    entries = venue.main.audit_entries()
    typed = next(e for e in entries if e.action == "mark" and e.subject == "A001")
    assert typed.operator == "主台" and "录入台「一号台」第 1 份" in typed.reason and "王芳" in typed.reason
    summary = [json.loads(e.new) for e in entries if e.action == "desk_merge"]
    assert [(s["file"], s["added"]) for s in summary] == [("a1.ssdesk", 2), ("b1.ssdesk", 2)]
    assert venue.main.verify_audit() == []


def test_overlapping_equal_values_are_unchanged_not_conflicts(venue):
    a, b = venue.desk("一号台", "王芳"), venue.desk("二号台", "李军")
    for desk in (a, b):
        desk.set_mark("A001", "theory", "80")
        desk.set_mark("A002", "theory", "70.5")
    b.set_mark("A005", "theory", "90")
    first, second = venue.merge([venue.export(a, "a1"), venue.export(b, "b1")])
    assert len(first.added) == 2
    assert changes(second.unchanged) == {("A001", "theory", "80.00", "80.00"), ("A002", "theory", "70.50", "70.50")}
    assert changes(second.added) == {("A005", "theory", None, "90.00")}
    assert second.conflicts == [] and venue.main.held_conflicts() == []


def test_conflicting_values_are_held_the_rest_merges_and_the_chief_judge_settles(venue):
    a, b = venue.desk("一号台", "王芳"), venue.desk("二号台", "李军")
    a.set_mark("A001", "theory", "80")
    b.set_mark("A001", "theory", "88")  # the same paper read differently
    b.set_mark("A002", "theory", "75")
    venue.merge([venue.export(a, "a1", desk="一号台")])
    (report,) = venue.merge([venue.export(b, "b1", desk="二号台")])
    assert changes(report.conflicts) == {("A001", "theory", "80.00", "88.00")}
    assert changes(report.added) == {("A002", "theory", None, "75.00")}
    assert marks(venue.main)["A001"][0] == D("80.00")  # the main file keeps its value meanwhile
    (held,) = venue.main.held_conflicts()
    assert (held.no, held.field, held.desk, held.value, held.main_value, held.operator) == \
        ("A001", "theory", "二号台", "88.00", "80.00", "李军")
    assert ("finalize_desk_conflicts", {"count": 1, "items": "A001 理论知识"}) in venue.main.finalize_blockers()
    with pytest.raises(RefusedError) as refused:
        venue.main.finalize(pin=PIN)
    assert refused.value.code in ("finalize_incomplete", "finalize_desk_conflicts")
    # Double entry is off in this file: settle still decides a held desk conflict.
    with pytest.raises(RefusedError):
        venue.main.settle("A001", "theory", "88", pin="0000")
    venue.main.settle("A001", "theory", "88", pin=PIN)
    assert marks(venue.main)["A001"][0] == D("88.00") and venue.main.held_conflicts() == []
    assert not any(code == "finalize_desk_conflicts" for code, _ in venue.main.finalize_blockers())
    settled = [e for e in venue.main.audit_entries() if e.action == "desk_conflict_settled"]
    assert [(e.subject, e.old, e.new) for e in settled] == [("A001", "88.00", "88.00")]
    with pytest.raises(RefusedError) as nothing:
        venue.main.settle("A002", "theory", "75", pin=PIN)  # nothing held there, double entry off
    assert nothing.value.code == "double_entry_off"


def test_a_status_conflict_is_settled_at_the_command_line(venue):
    a, b = venue.desk("一号台", "王芳"), venue.desk("二号台", "李军")
    a.set_mark("A001", "status", "弃权")
    b.set_mark("A001", "status", "取消资格")
    venue.merge([venue.export(a, "a1"), venue.export(b, "b1")])
    main = venue.main.path
    nothing = run_cli("desk", "settle", main, "A001", "theory", "80", "--pin", PIN)
    assert nothing.returncode == 1 and "没有待裁定的录入台冲突" in nothing.stderr
    wrong = run_cli("desk", "settle", main, "A001", "status", "取消资格", "--pin", "0000")
    assert wrong.returncode == 1 and "口令错误" in wrong.stderr
    done = run_cli("desk", "settle", main, "A001", "status", "取消资格", "--pin", PIN)
    assert done.returncode == 0, done.stderr
    assert marks(venue.main)["A001"][2] == "disqualified" and venue.main.held_conflicts() == []


def test_a_desks_own_correction_is_a_change_and_the_main_files_later_change_survives(venue):
    venue.main.set_mark("A001", "theory", "60")
    a = venue.desk("一号台", "王芳")
    venue.main.set_mark("A001", "theory", "61")  # corrected at the main desk after the copy
    a.set_mark("A002", "theory", "70")
    (report,) = venue.merge([venue.export(a, "a1")])
    # The copy's older history (A001 = 60) is recognised as this file's own and not replayed.
    assert report.known == 1 and report.conflicts == [] and changes(report.added) == {("A002", "theory", None, "70.00")}
    assert marks(venue.main)["A001"][0] == D("61.00")
    a.set_mark("A002", "theory", "72")  # the desk corrects what it sent
    (report,) = venue.merge([venue.export(a, "a2")])
    assert changes(report.changed) == {("A002", "theory", "70.00", "72.00")} and report.conflicts == []
    a.set_mark("A001", "theory", "65")  # but a value the desk saw as 60 is now 61 here: a conflict
    (report,) = venue.merge([venue.export(a, "a3")])
    assert changes(report.conflicts) == {("A001", "theory", "61.00", "65.00")}
    a.set_mark("A001", "theory", "61")  # the desk comes round to the main file's value: nothing is held
    (report,) = venue.merge([venue.export(a, "a4")])
    assert changes(report.unchanged) == {("A001", "theory", "61.00", "61.00")}
    assert venue.main.held_conflicts() == []


def test_the_same_file_twice_changes_nothing(venue):
    a = venue.desk("一号台", "王芳")
    a.set_mark("A001", "theory", "80")
    a.set_mark("A002", "status", "取消资格")
    a1 = venue.export(a, "a1")
    first, again = venue.merge([a1, a1])  # twice in one command
    assert len(first.added) == 2 and again.already is not None and again.counts()["added"] == 0
    state = (marks(venue.main), venue.main.store.meta("audit_count"))
    out = run_cli("desk", "merge", venue.main.path, a1, "--code", venue.codes[a1])  # and again later, as another command
    assert out.returncode == 0 and "合并过" in out.stdout and "未作任何改动" in out.stdout
    assert (marks(venue.main), venue.main.store.meta("audit_count")) == state
    # A desk file that repeats merged entries (everything again, --all) adds nothing either.
    again_all = venue.export(a, "a-all", everything=True)
    (report,) = venue.merge([again_all])
    assert report.known == len(venue.read(again_all).items) and not report.added and not report.changed


def desk_code(stdout: str) -> str:
    """The code `desk export` prints for the merging desk to type."""
    return re.search(r"本录入台交接码: (\S+)", stdout).group(1)


# -- damaged and foreign desk files -----------------------------------------------------------
@pytest.fixture
def desk_file(venue):
    a = venue.desk("一号台", "王芳")
    a.set_mark("A001", "theory", "80")
    a.set_mark("A002", "theory", "81")
    return venue.export(a, "a1")


def _flipped(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:  # a byte in the middle of the sealed marks' zipped data
        info = zf.getinfo("marks.json.sealed")
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def _edited_ciphertext(data: bytes, *, rehashed: bool = False, canonical: bool = True) -> bytes:
    parts = members(data)  # one byte of the sealed marks changed, the manifest left or re-hashed
    sealed = bytearray(parts["marks.json.sealed"])
    sealed[len(sealed) // 2] ^= 0x01
    parts["marks.json.sealed"] = bytes(sealed)
    manifest = json.loads(parts["manifest.json"])
    if rehashed:  # as a forger would, keeping the nonce
        entry = manifest["members"]["marks.json.sealed"]
        manifest["members"]["marks.json.sealed"] = {**rehash(manifest, "marks.json.sealed", parts["marks.json.sealed"])[
            "members"]["marks.json.sealed"], "nonce": entry["nonce"]}
    if not canonical:
        parts["manifest.json"] = json.dumps(manifest, indent=1).encode()
        return rezip(sorted(parts.items()))
    return with_manifest(parts, manifest)


@pytest.mark.parametrize("damage, words", [
    (_flipped, "已损坏"),
    (lambda data: data[: len(data) * 2 // 3], "不是有效的录入台文件"),
    (_edited_ciphertext, "SHA-256 与清单不符"),
    (lambda data: _edited_ciphertext(data, rehashed=True), "交接码打不开"),
    (lambda data: _edited_ciphertext(data, rehashed=True, canonical=False), "规范格式"),
    (lambda data: b"", "不是有效的录入台文件"),
])
def test_a_damaged_desk_file_is_refused_and_nothing_changes(venue, desk_file, damage, words):
    bad = venue.folder / "bad.ssdesk"
    bad.write_bytes(damage(desk_file.read_bytes()))
    before = (marks(venue.main), venue.main.store.meta("audit_count"))
    code = venue.codes[desk_file]
    verify = run_cli("desk", "verify", bad, "--code", code)
    assert verify.returncode == 1 and words in verify.stderr and "bad.ssdesk" in verify.stderr, verify.stderr
    merge = run_cli("desk", "merge", venue.main.path, desk_file, bad, "--code", code, code)  # one bad file: none merges
    assert merge.returncode == 1 and words in merge.stderr and "Traceback" not in merge.stderr
    assert (marks(venue.main), venue.main.store.meta("audit_count")) == before
    assert run_cli("desk", "verify", desk_file, "--code", code).returncode == 0


def test_a_desk_file_of_another_sitting_is_refused(venue):
    other = Competition.create(venue.folder / "other.sqlite", event_no=21, stage="prelim", committee="西城区初赛组委会",
                               pin=PIN, date="2025-09-01", operator="x")
    venue.opened.append(other)
    other.import_roster(ROSTER)  # the same roster, but not a copy of this sitting
    other.set_mark("A001", "theory", "99")
    foreign = venue.export(other, "foreign")
    with pytest.raises(RefusedError) as refused:
        venue.merge([foreign])
    assert refused.value.code == "desk_other_competition" and "西城区初赛组委会" in refused.value.message()
    assert marks(venue.main) == {}


def test_a_missing_desk_file_is_noticed_and_everything_again_recovers(venue):
    a = venue.desk("一号台", "王芳")
    a.set_mark("A001", "theory", "80")
    lost = venue.export(a, "a1")
    a.set_mark("A002", "theory", "70")
    second = venue.export(a, "a2")
    with pytest.raises(RefusedError) as refused:
        venue.merge([second])
    assert refused.value.code == "desk_gap" and "desk export --all" in refused.value.message()
    lost.unlink()
    (report,) = venue.merge([venue.export(a, "a3", everything=True)])
    assert changes(report.added) == {("A001", "theory", None, "80.00"), ("A002", "theory", None, "70.00")}


def test_a_value_this_file_would_refuse_refuses_the_merge(venue):
    a = venue.desk("一号台", "王芳")
    a.import_roster(write_csv(venue.folder / "extra.csv", ROSTER_HEADER, roster_rows(1, seed=9, prefix="Z")))
    a.set_mark("A001", "theory", "80")
    a.set_mark("Z001", "theory", "80")  # a contestant added at the desk only
    with pytest.raises(RefusedError) as refused:
        venue.merge([venue.export(a, "a1")])
    assert refused.value.code == "desk_contestant_unknown" and "Z001" in refused.value.message()
    assert marks(venue.main) == {}  # A001's good value waits with the rest


def test_a_dry_run_reports_and_writes_nothing(venue):
    a = venue.desk("一号台", "王芳")
    a.set_mark("A001", "theory", "80")
    a1 = venue.export(a, "a1")
    before = venue.main.store.meta("audit_count")
    (report,) = venue.merge([a1], dry_run=True)
    assert changes(report.added) == {("A001", "theory", None, "80.00")}
    assert marks(venue.main) == {} and venue.main.store.meta("audit_count") == before
    (report,) = venue.merge([a1])  # and the real merge still takes it
    assert len(report.added) == 1


def test_a_finalised_file_refuses_a_merge(tmp_path):
    sitting = make_sitting(tmp_path, "s", committee="x")  # finalised
    desk = tmp_path / "d.sqlite"
    assert run_cli("copy", sitting, desk).returncode == 0
    exported = run_cli("desk", "export", desk, tmp_path / "d.ssdesk")
    assert exported.returncode == 0
    out = run_cli("desk", "merge", sitting, tmp_path / "d.ssdesk", "--code", desk_code(exported.stdout))
    assert out.returncode == 1 and "已定稿" in out.stderr


# -- double entry: two desks are the two entries ------------------------------------------------
def test_with_double_entry_two_desks_typing_the_same_papers_are_the_two_entries(tmp_path):
    v = Venue(tmp_path, double_entry=True)
    try:
        first, check = v.desk("录入台", "王芳"), v.desk("复核台", "李军")
        for no, mark in (("A001", "80"), ("A002", "70"), ("A005", "90")):
            first.set_mark(no, "theory", mark, entry_pass=1)
        for no, mark in (("A001", "80"), ("A002", "75")):  # A002 misread; A005 not checked yet
            check.set_mark(no, "theory", mark, entry_pass=2)
        entry, checked = v.export(first, "entry"), v.export(check, "check")
        assert v.read(entry).manifest["entry_passes"] == [1]
        assert v.read(checked).manifest["entry_passes"] == [2]
        r1, r2 = v.merge([entry, checked])
        assert {(c.no, c.pass_no) for c in r1.added} == {("A001", 1), ("A002", 1), ("A005", 1)}
        assert {(c.no, c.pass_no) for c in r2.added} == {("A001", 2), ("A002", 2)} and not r2.conflicts
        got = marks(v.main)
        assert got["A001"][0] == D("80.00")  # both passes agree: it counts
        assert "A002" not in got or got["A002"][0] is None  # they disagree: waits for the chief judge
        assert v.main.confirmations() == [("A001", "theory", "王芳", "李军")]
        pending = {p.no: (p.first, p.first_operator, p.second, p.second_operator) for p in v.main.pending_marks()}
        assert pending == {"A002": ("70.00", "王芳", "75.00", "李军"), "A005": ("90.00", "王芳", None, None)}
        v.main.settle("A002", "theory", "75", pin=PIN)
        assert marks(v.main)["A002"][0] == D("75.00")
    finally:
        v.close()


def test_with_double_entry_one_person_cannot_type_both_passes_at_two_desks(tmp_path):
    v = Venue(tmp_path, double_entry=True)
    try:
        first, check = v.desk("录入台", "王芳"), v.desk("复核台", "王芳")
        first.set_mark("A001", "theory", "80", entry_pass=1)
        check.set_mark("A001", "theory", "80", entry_pass=2)
        files = [v.export(first, "entry"), v.export(check, "check")]
        with pytest.raises(RefusedError) as refused:
            v.merge(files)
        assert refused.value.code == "double_entry_same_operator"
        assert v.main.store.db.execute("SELECT COUNT(*) FROM mark_entries").fetchone()[0] == 0  # all or nothing
    finally:
        v.close()


# -- judging panels: judges' marks from several desks ------------------------------------------
def test_judges_marks_from_two_desks_merge_and_a_conflicting_one_is_settled(tmp_path):
    scheme = PanelScheme(3, "trimmed", (Module("实操", D(70)), Module("答辩", D(30))))
    v = Venue(tmp_path, panel=scheme)
    try:
        a, b = v.desk("一号台", "王芳"), v.desk("二号台", "李军")
        for j, score in enumerate((60, 62, 70), start=1):
            a.set_panel_mark("A001", "实操", j, str(score))
        for j, score in enumerate((25, 28.5, 20), start=1):
            b.set_panel_mark("A001", "答辩", j, str(score))
        b.set_panel_mark("A001", "实操", 2, "64")  # judge 2's sheet read differently
        r1, r2 = v.merge([v.export(a, "a1"), v.export(b, "b1")])
        assert len(r1.added) == 3 and len(r2.added) == 3
        assert changes(r2.conflicts) == {("A001", "实操", "62.00", "64.00")}
        assert v.main.entries()["A001"].practical == D("87.00")  # 62 + 25, derived here
        out = run_cli("desk", "conflicts", v.main.path)
        assert out.returncode == 1 and "实操 · 裁判 2" in out.stdout and "64.00" in out.stdout
        for typed, words in (("缺考", "评委的分数不能是“缺考”"), ("abc", "请填写 0–70 的数字（最多两位小数）")):
            refused = run_cli("desk", "settle", v.main.path, "A001", "实操/2", typed, "--pin", PIN)
            assert refused.returncode == 1 and words in refused.stderr and "或“缺考”" not in refused.stderr
        huge = run_cli("desk", "settle", v.main.path, "A001", "实操/" + "9" * 20, "64", "--pin", PIN)
        assert huge.returncode == 1 and "内部" not in huge.stderr, huge.stderr
        out = run_cli("desk", "settle", v.main.path, "A001", "实操/2", "64", "--pin", PIN)
        assert out.returncode == 0, out.stderr
        with Competition(v.main.path) as main:
            assert main.held_conflicts() == [] and main.entries()["A001"].practical == D("89.00")  # 64 + 25
    finally:
        v.close()


def test_absent_from_the_practical_part_travels_with_the_judges_marks(tmp_path):
    scheme = PanelScheme(3, "mean", (Module("技能操作", D(100)),))
    v = Venue(tmp_path, panel=scheme)
    try:
        a = v.desk("一号台", "王芳")
        for j in (1, 2, 3):
            a.set_panel_mark("A001", "技能操作", j, "80")
        a.set_mark("A002", "practical", "缺考")
        (report,) = v.merge([v.export(a, "a1")])
        assert v.main.entries()["A001"].practical == D("80.00")
        assert v.main.entries()["A002"].practical is ABSENT
        assert ("A002", "practical", None, "absent") in changes(report.added)
    finally:
        v.close()


# -- the command line, as the venue uses it ----------------------------------------------------
def test_the_desk_commands_end_to_end(tmp_path):
    main = tmp_path / "main.sqlite"
    assert run_cli("new", main, "--event", "21", "--stage", "prelim", "--committee", "x", "--pin", PIN,
                   "--date", "2025-09-01").returncode == 0
    assert run_cli("roster", "import", main, ROSTER).returncode == 0
    for desk in ("a", "b"):
        assert run_cli("copy", main, tmp_path / f"{desk}.sqlite").returncode == 0
    assert run_cli("marks", "import", tmp_path / "a.sqlite",
                   write_csv(tmp_path / "a.csv", ["编号", "理论知识"], [["A001", "80"], ["A002", "70"]]),
                   env={"SKILLSCORE_OPERATOR": "王芳"}).returncode == 0
    assert run_cli("marks", "import", tmp_path / "b.sqlite",
                   write_csv(tmp_path / "b.csv", ["编号", "理论知识"], [["A002", "71"], ["B003", "60"]]),
                   env={"SKILLSCORE_OPERATOR": "李军"}).returncode == 0
    out = run_cli("desk", "export", tmp_path / "a.sqlite", tmp_path / "a1.ssdesk", "--desk", "一号台")
    assert out.returncode == 0 and "第 1 份" in out.stdout and "2 项" in out.stdout, out.stderr
    other = run_cli("desk", "export", tmp_path / "b.sqlite", tmp_path / "b1.ssdesk", "--desk", "二号台")
    assert other.returncode == 0
    codes = [desk_code(out.stdout), desk_code(other.stdout)]
    verify = run_cli("desk", "verify", tmp_path / "a1.ssdesk", "--code", codes[0].lower().replace("-", " "))
    assert verify.returncode == 0 and "完好" in verify.stdout and "一号台" in verify.stdout and "x" in verify.stdout
    unopened = run_cli("desk", "verify", tmp_path / "a1.ssdesk")
    assert unopened.returncode == 0 and "未输入交接码" in unopened.stdout and codes[0] not in unopened.stdout
    needs = run_cli("desk", "merge", main, tmp_path / "a1.ssdesk")
    assert needs.returncode == 1 and "--code" in needs.stderr
    swapped = run_cli("desk", "merge", main, tmp_path / "a1.ssdesk", tmp_path / "b1.ssdesk", "--code", *codes[::-1])
    assert swapped.returncode == 1 and "交接码打不开 a1.ssdesk" in swapped.stderr
    trial = run_cli("desk", "merge", main, tmp_path / "a1.ssdesk", tmp_path / "b1.ssdesk", "--dry-run", "--code", *codes)
    assert trial.returncode == 0 and "未作任何改动" in trial.stdout and "! A002" in trial.stdout
    with Competition(main) as comp:
        assert comp.entries() == {}
    merged = run_cli("desk", "merge", main, tmp_path / "a1.ssdesk", tmp_path / "b1.ssdesk", "--lang", "en",
                     "--code", *codes)
    assert merged.returncode == 0, merged.stderr
    assert "+ A001 theory 80.00" in merged.stdout and "+ B003 theory 60.00" in merged.stdout
    assert "A002 theory: this file 70.00 · desk 71.00 (held for the chief judge)" in merged.stdout
    held = run_cli("desk", "conflicts", main)
    assert held.returncode == 1 and "二号台" in held.stdout and "71.00" in held.stdout
    assert run_cli("finalize", main, "--pin", PIN).returncode == 1
    settle = run_cli("marks", "settle", main, "A002", "theory", "71", "--pin", PIN)
    assert settle.returncode == 0, settle.stderr
    assert run_cli("desk", "conflicts", main).returncode == 0
    with Competition(main) as comp:
        assert comp.entries()["A002"].theory == D("71.00")
    assert run_cli("audit", main, "--verify").returncode == 0


def test_each_export_carries_what_is_new_since_the_last_one(venue):
    a = venue.desk("一号台", "王芳")
    a.set_mark("A001", "theory", "80")
    one = venue.read(venue.export(a, "a1"))
    two = venue.read(venue.export(a, "a2"))
    a.set_mark("A002", "theory", "70")
    a.set_mark("A002", "theory", "72")
    three = venue.read(venue.export(a, "a3"))
    assert [(i.no, i.old, i.new) for i in one.items] == [("A001", None, "80.00")]
    assert two.items == ()
    assert [(i.no, i.old, i.new) for i in three.items] == [("A002", None, "70.00"), ("A002", "70.00", "72.00")]
    assert [f.sequence for f in (one, two, three)] == [1, 2, 3]
    assert two.manifest["since"] == one.manifest["upto"] and three.manifest["since"] == two.manifest["upto"]
    assert three.manifest["since_hash"] == two.manifest["upto_hash"]
    assert {f.desk for f in (one, two, three)} == {"王芳"}  # the operator, when no --desk is given
    r1, r2, r3 = venue.merge([f.path for f in (one, two, three)])
    assert (len(r1.added), r2.counts()["added"], changes(r3.added)) == (1, 0, {("A002", "theory", None, "72.00")})


# -- fuzzing the reader: a desk file comes off a USB stick -------------------------------------
@pytest.fixture(scope="module")
def good_desk_file(tmp_path_factory) -> bytes:
    v = Venue(tmp_path_factory.mktemp("fuzz"))
    try:
        a = v.desk("一号台", "王芳")
        for no, mark in (("A001", "80"), ("A002", "缺考"), ("B003", "66.5")):
            a.set_mark(no, "theory", mark)
        out = v.export(a, "a1")
        return out.read_bytes(), v.codes[out]
    finally:
        v.close()


def test_mutated_desk_files_are_refused_or_unchanged_never_a_traceback(good_desk_file):
    from hypothesis import HealthCheck, example, given, settings
    from hypothesis import strategies as st

    from skillscore.exchange.desk_file import parse_desk_file
    from skillscore.exchange.safezip import ContainerError

    good_desk_file, code = good_desk_file
    original = parse_desk_file(good_desk_file, "fuzz.ssdesk", code)
    relied_on = lambda f: ({k: v for k, v in f.manifest.items() if k != "program"}, f.items)  # noqa: E731

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, len(good_desk_file) - 1), st.integers(1, 255)), min_size=1, max_size=4),
           st.none() | st.integers(0, len(good_desk_file) - 1))
    @example([(39, 17)], None)  # the first member's name, manifest.json, read as manifest.{son (CI found it)
    def mutate(flips, cut):
        data = bytearray(good_desk_file)
        for at, mask in flips:
            data[at] ^= mask
        try:
            f = parse_desk_file(bytes(data[:cut]), "fuzz.ssdesk", code)  # flipped bytes, perhaps cut short too
        except ContainerError as refused:
            assert "fuzz.ssdesk" in refused.message("zh") and "fuzz.ssdesk" in refused.message("en")
            assert "{" not in without_values(refused.message("en"), refused.params)  # no placeholder unfilled
            return
        assert relied_on(f) == relied_on(original)  # only bytes nothing reads (a ZIP timestamp) may differ

    mutate()
