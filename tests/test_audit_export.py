"""The audit log for people: filters, values in words with personal data masked, the chain
check in Chinese, a real xlsx read back, a tampered file, and the CLI commands."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import openpyxl
import pytest

from support import PIN, run_cli
from skillscore.reports import audit as ae
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows
from skillscore.errors import UsageError
from skillscore.storage.database import AuditEntry


class Clock:
    """Injected time: each reading is one minute after the last, from 2025-09-20 09:00."""

    def __init__(self):
        self.now = dt.datetime(2025, 9, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def __call__(self):
        self.now += dt.timedelta(minutes=1)
        return self.now

    def jump(self, **kw):
        self.now += dt.timedelta(**kw)


def write_roster(path, rows):
    import csv

    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([ROSTER_HEADER, *rows])
    return path


@pytest.fixture
def sitting(tmp_path):
    """Five contestants; 王芳 types marks, 李军 corrects one the next day and settles a tie."""
    clock = Clock()
    path = tmp_path / "s.skillscore"
    rows = roster_rows(5, seed=7)
    comp = Competition.create(path, event_no=29, stage="prelim", committee="测试组委会", pin=PIN,
                              date="2025-09-20", operator="王芳", clock=clock)
    with comp:
        comp.import_roster(write_roster(tmp_path / "r.csv", rows))
        for no, t, p in [("A001", "80.00", "90.00"), ("A002", "70.00", "60.00"), ("A003", "70.00", "60.00"),
                         ("A004", "55.00", "50.00")]:
            comp.set_mark(no, "theory", t)
            comp.set_mark(no, "practical", p)
        comp.set_mark("A005", "status", "弃权")
    clock.jump(days=1)
    with Competition(path, operator="李军", clock=clock) as comp:
        comp.set_mark("A001", "practical", "91.50")  # the correction
        comp.set_mark("A004", "theory", "缺考")
        comp.resolve_tie(["A003", "A002"], reason="现场复核后裁定", pin=PIN)
    return path, rows


def entries_of(path):
    with Competition(path) as comp:
        return comp.audit_entries()


# -- filters --------------------------------------------------------------------------------------
def test_filter_by_operator_keeps_only_that_operators_entries(sitting):
    entries = entries_of(sitting[0])
    kept = ae.filter_entries(entries, ae.AuditFilter(operator="李军"))
    assert kept and {e.operator for e in kept} == {"李军"}
    assert len(kept) == sum(e.operator == "李军" for e in entries)
    assert ae.operators(entries) == ["李军", "王芳"]


def test_filter_by_contestant_includes_the_tie_decision_that_names_their_group(sitting):
    kept = ae.filter_entries(entries_of(sitting[0]), ae.AuditFilter(contestant="A002"))
    assert [e.action for e in kept] == ["roster_add", "mark", "mark", "tie_committee"]
    assert kept[-1].subject == "A002、A003"
    # "A00" is not a number on the roster: nothing matches by prefix.
    assert ae.filter_entries(entries_of(sitting[0]), ae.AuditFilter(contestant="A00")) == []


@pytest.mark.parametrize("since, until, operators", [
    ("2025-09-21", None, {"李军"}),
    (None, "2025-09-20", {"王芳"}),  # a date alone as the end means the whole day
    ("2025-09-20T09:00", "2025-09-20T09:02:00", {"王芳"}),
    ("2025-09-22", None, set()),
])
def test_filter_by_time_is_inclusive_and_a_bare_date_covers_the_day(sitting, since, until, operators):
    flt = ae.AuditFilter(since=ae.parse_time(since), until=ae.parse_time(until, end=True))
    kept = ae.filter_entries(entries_of(sitting[0]), flt)
    assert {e.operator for e in kept} == operators
    for e in kept:
        at = ae.when(e)
        assert (flt.since is None or at >= flt.since) and (flt.until is None or at <= flt.until)


@pytest.mark.parametrize("text", ["2025-13-01", "yesterday", "2025/09/20"])
def test_a_time_that_is_not_iso_is_refused_with_the_value_named(text):
    with pytest.raises(UsageError) as err:
        ae.parse_time(text)
    assert text in err.value.message("zh") and "YYYY-MM-DD" in err.value.message("zh")


# -- values in words -------------------------------------------------------------------------------
def entry(action="mark", field="theory", old=None, new=None, subject="A001"):
    return AuditEntry(1, "2025-09-20T09:00:00+08:00", "王芳", action, subject, field, old, new, None, "0", "1")


@pytest.mark.parametrize("e, which, zh, en", [
    (entry(old="absent"), "old", "缺考", "Absent"),
    (entry(field="status", new="withdrawn"), "new", "弃权", "Withdrawn"),
    (entry(new="88.50"), "new", "88.50", "88.50"),
    (entry(action="roster_update", field="phone", old="13812345678", new="13900000000"), "new", "***", "***"),
    (entry(action="tie_lot", field="order", new='["A003","A002"]'), "new", "A003、A002", "A003, A002"),
])
def test_values_read_as_words_and_phones_never_show(e, which, zh, en):
    assert ae.value_text(e, which, "zh") == zh
    assert ae.value_text(e, which, "en") == en


def test_a_roster_entry_shows_the_record_with_the_id_number_masked_and_no_phone(sitting):
    path, rows = sitting
    added = next(e for e in entries_of(path) if e.action == "roster_add" and e.subject == "A001")
    text = ae.value_text(added, "new")
    id_number, phone = rows[0][3], rows[0][8]
    assert id_number in added.new and phone in added.new  # the log itself keeps them …
    assert id_number not in text and phone not in text  # … the view and the export don't
    assert f"身份证号={id_number[:6]}********{id_number[-4:]}" in text
    assert f"姓名={rows[0][1]}" in text and "联系电话=***" in text


@pytest.mark.parametrize("problem, zh", [
    ("entry 3: its content was changed after it was written", "第 3 条记录：写入后内容被改动"),
    ("entry 4: the link to the previous entry is broken", "第 4 条记录：与上一条记录的链接断开"),
    ("entry 2 is missing (found 3 in its place)", "第 2 条记录缺失（该位置是第 3 条）"),
    ("the log should hold 9 entries but holds 8", "日志应有 9 条记录，实有 8 条（有记录被删除或插入）"),
    ("the last entry does not match the recorded head of the log", "最后一条记录与文件记下的链尾不符"),
    ("something new", "something new"),
])
def test_each_chain_problem_reads_in_chinese(problem, zh):
    assert ae.problem_text(problem, "zh") == zh
    assert ae.problem_text(problem, "en") == problem


# -- xlsx ----------------------------------------------------------------------------------------
def read_xlsx(path):
    wb = openpyxl.load_workbook(path)
    return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)], \
        [list(r) for r in wb.worksheets[1].iter_rows(values_only=True)], wb.sheetnames


def test_export_writes_every_entry_with_chinese_headers_and_the_correction_old_and_new(sitting, tmp_path):
    path, _ = sitting
    out = tmp_path / "log.xlsx"
    with Competition(path) as comp:
        shown, total, problems = ae.export_audit(comp, out)
        entries = comp.audit_entries()
    assert (shown, total, problems) == (len(entries), len(entries), [])
    table, check, names = read_xlsx(out)
    assert names == ["审计日志", "校验"]
    assert table[0] == ["序号", "时间", "录入员", "操作", "编号", "字段", "原值", "新值", "理由"]
    assert [r[0] for r in table[1:]] == [e.id for e in entries]
    fix = next(r for r in table[1:] if r[4] == "A001" and r[6] == "90.00")
    assert isinstance(fix[1], dt.datetime) and fix[1].date() == dt.date(2025, 9, 21)
    assert fix[2:] == ["李军", "录入成绩", "A001", "技能操作", "90.00", "91.50", None]
    tie = next(r for r in table[1:] if r[3] == "组委会裁定")
    assert (tie[4], tie[7], tie[8]) == ("A002、A003", "A003、A002", "现场复核后裁定")
    assert ["哈希链校验", f"日志完整：{total} 条记录，哈希链无误"] in check
    assert not list(tmp_path.glob(".log.xlsx*"))  # the temporary file is gone


def test_export_with_a_filter_says_which_and_how_many(sitting, tmp_path):
    path, _ = sitting
    out = tmp_path / "log.xlsx"
    flt = ae.AuditFilter(operator="李军", contestant="A001")
    with Competition(path) as comp:
        shown, total, _ = ae.export_audit(comp, out, flt)
    table, check, _ = read_xlsx(out)
    assert shown == len(table) - 1 == 1
    assert ["筛选条件", "录入员：李军；编号：A001"] in check
    assert ["记录条数", f"1 / {total}"] in check


def tamper(path, entry_id=None, new="99.99"):
    """What someone with an SQLite editor could do: drop the guard and rewrite a mark."""
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER audit_no_update")
    if entry_id is None:
        entry_id = db.execute("SELECT id FROM audit WHERE action='mark' AND subject='A001' AND field='practical'"
                              " ORDER BY id DESC LIMIT 1").fetchone()[0]
    db.execute("UPDATE audit SET new=? WHERE id=?", [new, entry_id])
    db.commit()
    db.close()
    return entry_id


def test_a_tampered_log_is_still_exported_and_the_check_sheet_says_it_was_altered(sitting, tmp_path):
    path, _ = sitting
    bad = tamper(path)
    out = tmp_path / "log.xlsx"
    with Competition(path) as comp:
        _, _, problems = ae.export_audit(comp, out)
    assert problems
    table, check, _ = read_xlsx(out)
    assert any(r[0] == bad and r[7] == "99.99" for r in table[1:])
    assert ["哈希链校验", f"日志已被改动！发现 {len(problems)} 处问题："] in check
    assert [None, f"第 {bad} 条记录：写入后内容被改动"] in check


def test_a_failed_export_leaves_the_previous_file_whole(sitting, tmp_path, monkeypatch):
    path, _ = sitting
    out = tmp_path / "log.xlsx"
    with Competition(path) as comp:
        ae.export_audit(comp, out)
        before = out.read_bytes()

        def broken_save(self, filename):
            open(filename, "wb").write(b"half")
            raise OSError("disk full")

        monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
        with pytest.raises(OSError):
            ae.export_audit(comp, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "log" in p.name) == ["log.xlsx"]


@pytest.mark.parametrize("name, code", [("log.csv", "audit_out_suffix"), ("missing/log.xlsx", "audit_out_dir")])
def test_a_wrong_output_path_is_wrong_usage(sitting, tmp_path, name, code):
    with Competition(sitting[0]) as comp, pytest.raises(UsageError) as err:
        ae.export_audit(comp, tmp_path / name)
    assert err.value.code == code


# -- CLI ---------------------------------------------------------------------------------------
def test_cli_audit_export_filters_and_reports_the_chain(sitting, tmp_path):
    path, _ = sitting
    out = tmp_path / "a.xlsx"
    done = run_cli("audit-export", path, out, "--by", "王芳", "--no", "A004", "--until", "2025-09-20")
    assert done.returncode == 0, done.stderr
    assert "日志完整" in done.stdout and "（3 条，共" in done.stdout
    table, _, _ = read_xlsx(out)
    assert [(r[2], r[4]) for r in table[1:]] == [("王芳", "A004")] * 3


def test_cli_audit_export_of_a_tampered_file_warns_on_stderr(sitting, tmp_path):
    path, _ = sitting
    bad = tamper(path)
    done = run_cli("audit-export", path, tmp_path / "a.xlsx")
    assert done.returncode == 0
    assert "日志已被改动" in done.stderr and f"第 {bad} 条记录" in done.stderr
    en = run_cli("audit-export", path, tmp_path / "b.xlsx", "--lang", "en")
    assert "The log has been altered" in en.stderr and f"entry {bad}: its content was changed" in en.stderr


def test_cli_audit_export_with_a_bad_time_is_wrong_usage_and_writes_nothing(sitting, tmp_path):
    done = run_cli("audit-export", sitting[0], tmp_path / "a.xlsx", "--since", "昨天")
    assert done.returncode == 2 and "昨天" in done.stderr
    assert not (tmp_path / "a.xlsx").exists()


def test_cli_stats_prints_the_figures_the_core_computes(sitting):
    path, _ = sitting
    from skillscore.rules import statistics as st

    done = run_cli("stats", path, "--json")
    assert done.returncode == 0, done.stderr
    with Competition(path) as comp:
        expected = st.to_dict(st.of_competition(comp))
    assert json.loads(done.stdout) == expected
    totals = expected["distributions"]["total"]
    # A001 80/91.5 → 88.05; A002/A003 70/60 → 63.00; A004 缺考/50 → 35.00.
    assert [b["count"] for b in totals["bins"]] == [0, 0, 0, 1, 0, 0, 2, 0, 1, 0]
    assert totals["mean"] == "62.26"  # 249.05 / 4 = 62.2625
    text = run_cli("stats", path)
    assert text.returncode == 0
    assert "排名人数 N = 4" in text.stdout and "总成绩分布（4 人，每 10 分一组）" in text.stdout
    assert "理论知识" in text.stdout and "缺考 1 人，计为 0.00" in text.stdout
