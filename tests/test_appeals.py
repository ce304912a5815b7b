"""Appeals and publication (RULES.md §12.4, §12.5, issue 17): the register, the late flag,
decisions with corrected marks, the finalised stage, the sheets, and what the handoff
file carries of a sitting marked under codes."""

from __future__ import annotations

import json
import re

import pdfplumber
import pytest

from support import PIN, ranking_json, run_cli, write_csv
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError
from test_codes import by_code, key_of, make_file


def ok(*args):
    out = run_cli(*args)
    assert out.returncode == 0, out.stderr
    return out


def appeals(path) -> list[dict]:
    return json.loads(ok("appeal", "list", path, "--json").stdout)["rows"]


def pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.fixture
def revealed(tmp_path):
    """Marked under codes and revealed: the usual state when appeals come in."""
    path, theory, practical = make_file(tmp_path)
    ok("codes", "seal", path, "--pin", PIN)
    ok("marks", "import", path, by_code(tmp_path, path, practical))
    ok("codes", "reveal", path, "--pin", PIN)
    return path, theory, practical


@pytest.mark.parametrize("received, hours, late", [
    ("2025-09-20 13:00", None, False),  # within the 2 hours after 12:00
    ("2025-09-20 14:00", None, False),  # at the very minute the window ends: in time
    ("2025-09-20 14:01", None, True),
    ("2025-09-20 14:01", "3", False),  # the committee's own window
    ("2025-09-20 15:31", "3.5", True),
])
def test_late_flag_against_the_window_of_its_part(tmp_path, received, hours, late):
    path, _, _ = make_file(tmp_path, n=3)
    window = ["appeal", "window", path, "--part", "practical", "--ends", "2025-09-20 12:00"]
    ok(*window, *(["--hours", hours] if hours else []))
    ok("appeal", "add", path, "--no", "A001", "--by", "领队 张伟", "--subject", "实操计时有误", "--received", received)
    # The theory window does not apply to a practical appeal, and vice versa.
    ok("appeal", "window", path, "--part", "theory", "--ends", "2025-09-20 08:00", "--hours", "0")
    ok("appeal", "add", path, "--no", "A002", "--by", "选手本人", "--subject", "理论", "--part", "theory",
       "--received", "2025-09-20 08:00")
    rows = appeals(path)
    assert [(r["id"], r["no"], r["received"], r["late"]) for r in rows] == [
        (1, "A001", received, late), (2, "A002", "2025-09-20 08:00", False)]


def test_no_window_nothing_late_and_received_defaults_to_now(tmp_path):
    path, _, _ = make_file(tmp_path, n=3)
    out = ok("appeal", "add", path, "--no", "A003", "--by", "领队", "--subject", "成绩复核")
    assert "第 1 号申诉" in out.stdout
    (row,) = appeals(path)
    assert row["late"] is False and row["decision"] is None and row["changes"] == []
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row["received"])
    bad = run_cli("appeal", "add", path, "--no", "Z999", "--by", "x", "--subject", "y")
    assert bad.returncode == 1 and "Z999" in bad.stderr


def test_an_upheld_decision_corrects_marks_changes_the_ranking_and_the_log_names_the_appeal(revealed):
    path, _, practical = revealed
    before = ranking_json(path)
    last = before["rows"][-1]["no"]
    ok("appeal", "add", path, "--no", last, "--by", "领队", "--subject", "漏记一个模块")
    refused = run_cli("appeal", "decide", path, "1", "--upheld", "--reason", "复核属实", "--pin", "0000",
                      "--set", f"{last}:practical=100")
    assert refused.returncode == 1 and appeals(path)[0]["decision"] is None
    ok("appeal", "decide", path, "1", "--upheld", "--reason", "复核属实", "--pin", PIN,
       "--set", f"{last}:practical=100", "--set", f"{last}:theory=100")
    after = ranking_json(path)
    assert after["rows"][0]["no"] == last and before["rows"][0]["no"] != last
    (row,) = appeals(path)
    assert row["decision"] == "upheld" and row["reason"] == "复核属实"
    old = next(r for r in before["rows"] if r["no"] == last)
    assert row["changes"] == [{"no": last, "field": "practical", "old": old["practical"], "new": "100.00"},
                              {"no": last, "field": "theory", "old": old["theory"], "new": "100.00"}]
    with Competition(path) as comp:
        marks = [e for e in comp.audit_entries() if e.action == "mark" and e.subject == last]
    assert [e.reason for e in marks[-2:]] == ["申诉 1：复核属实"] * 2
    again = run_cli("appeal", "decide", path, "1", "--rejected", "--reason", "x", "--pin", PIN)
    assert again.returncode == 1 and "已于" in again.stderr


def test_a_rejected_decision_changes_nothing_and_cannot_carry_marks(revealed):
    path, _, _ = revealed
    ok("appeal", "add", path, "--no", "A001", "--by", "领队", "--subject", "不服")
    out = run_cli("appeal", "decide", path, "1", "--rejected", "--reason", "无依据", "--pin", PIN,
                  "--set", "A001:practical=99")
    assert out.returncode == 1
    ok("appeal", "decide", path, "1", "--rejected", "--reason", "无依据", "--pin", PIN)
    assert appeals(path)[0]["decision"] == "rejected" and appeals(path)[0]["changes"] == []
    assert run_cli("appeal", "decide", path, "1", "--upheld", "--reason", "x", "--pin", PIN,
                   "--set", "A001:bonus=1").returncode == 2


def test_on_a_finalised_stage_corrections_wait_for_the_reopen(revealed):
    path, _, _ = revealed
    rows = ranking_json(path)["rows"]
    ties = [r["no"] for r in rows if r["tie"] == "unresolved"]
    if ties:
        ok("tie", "resolve", path, "--order", ",".join(ties), "--reason", "组委会裁定", "--pin", PIN)
    ok("finalize", path, "--pin", PIN)
    ok("appeal", "add", path, "--no", "A002", "--by", "选手本人", "--subject", "公示期内申诉")  # recording is fine
    args = ["appeal", "decide", path, "1", "--upheld", "--reason", "属实", "--pin", PIN, "--set", "A002:theory=99"]
    refused = run_cli(*args)
    assert refused.returncode == 1 and "撤销定稿" in refused.stderr
    ok("reopen", path, "--reason", "申诉成立须更正成绩", "--pin", PIN)
    ok(*args)
    assert ranking_json(path)["version"] == 2
    assert next(r for r in ranking_json(path)["rows"] if r["no"] == "A002")["theory"] == "99.00"


def test_the_register_sheet_lists_appeals_decisions_late_flags_and_changes(revealed, tmp_path):
    path, _, practical = revealed
    ok("appeal", "window", path, "--part", "practical", "--ends", "2025-09-20 12:00")
    ok("appeal", "add", path, "--no", "A004", "--by", "领队 李强", "--subject", "工位设备故障", "--received",
       "2025-09-20 15:00")
    ok("appeal", "add", path, "--no", "A005", "--by", "选手本人", "--subject", "评分偏低", "--received",
       "2025-09-20 13:00")
    ok("appeal", "decide", path, "2", "--upheld", "--reason", "裁判漏评", "--pin", PIN, "--set", "A005:practical=88.5")
    out = tmp_path / "appeals.pdf"
    ok("report", path, "appeals", "-o", out)
    text = pdf_text(out)
    assert "申诉处理登记表" in text and "工位设备故障" in text and "逾期" in text
    assert "申诉成立" in text and "待裁决" in text and "裁判漏评" in text
    assert f"{float(practical['A005']):.2f} → 88.50" in text


def test_appeals_while_sealed_never_show_a_practical_mark_beside_a_number(tmp_path):
    path, _, practical = make_file(tmp_path, n=4)
    ok("codes", "seal", path, "--pin", PIN)
    ok("marks", "import", path, by_code(tmp_path, path, practical))
    key = key_of(path)
    ok("appeal", "add", path, "--no", "A001", "--by", "领队", "--subject", "加分项漏计")
    refused = run_cli("appeal", "decide", path, "1", "--upheld", "--reason", "属实", "--pin", PIN,
                      "--set", "A001:practical=90")
    assert refused.returncode == 1 and "评分号" in refused.stderr  # while sealed: by code, as every practical mark
    ok("appeal", "decide", path, "1", "--upheld", "--reason", "属实", "--pin", PIN, "--set", f"{key['A001']}:practical=90")
    (row,) = appeals(path)
    assert row["changes"] == [{"no": "A001", "field": "practical", "old": None, "new": None}]
    out = tmp_path / "sealed.pdf"
    ok("report", path, "appeals", "-o", out)
    text = pdf_text(out)
    assert "已加密" in text and "90.00" not in text
    ok("codes", "reveal", path, "--pin", PIN)
    assert appeals(path)[0]["changes"][0]["new"] == "90.00"


def test_key_sheet_needs_the_pin_and_counts_its_printings(revealed, tmp_path):
    path, _, _ = revealed
    assert run_cli("report", path, "key", "-o", tmp_path / "k0.pdf", "--pin", "9999").returncode == 1
    ok("report", path, "key", "-o", tmp_path / "k1.pdf", "--pin", PIN)
    ok("report", path, "key", "-o", tmp_path / "k2.pdf", "--pin", PIN)
    key = key_of(path)
    text = pdf_text(tmp_path / "k2.pdf")
    assert "加密对照表" in text and "第 2 次打印" in text
    assert all(f"{code} {no}" in text for no, code in key.items())
    with Competition(path) as comp:
        assert [e.action for e in comp.audit_entries()].count("codes_key_printed") == 2


def test_publication_of_a_finalised_stage_and_not_of_a_draft(revealed, tmp_path):
    path, _, _ = revealed
    draft = run_cli("report", path, "publication", "-o", tmp_path / "draft.pdf")
    assert draft.returncode == 1 and not (tmp_path / "draft.pdf").exists()
    ties = [r["no"] for r in ranking_json(path)["rows"] if r["tie"] == "unresolved"]
    if ties:
        ok("tie", "resolve", path, "--order", ",".join(ties), "--reason", "组委会裁定", "--pin", PIN)
    ok("finalize", path, "--pin", PIN)
    out = tmp_path / "pub.pdf"
    ok("report", path, "publication", "-o", out, "--start", "2025-09-22", "--days", "7", "--appeal-to", "区总工会二楼")
    text = pdf_text(out)
    assert "成绩公示" in text and "2025年9月22日至2025年9月28日（7 天）" in text and "区总工会二楼" in text
    default = tmp_path / "pub-default.pdf"
    ok("report", path, "publication", "-o", default)
    assert "东城区初赛组委会仲裁组" in pdf_text(default) and "（5 天）" in pdf_text(default)


def test_the_handoff_carries_the_reveal_and_not_the_key(revealed, tmp_path):
    path, _, _ = revealed
    ties = [r["no"] for r in ranking_json(path)["rows"] if r["tie"] == "unresolved"]
    if ties:
        ok("tie", "resolve", path, "--order", ",".join(ties), "--reason", "组委会裁定", "--pin", PIN)
    ok("finalize", path, "--pin", PIN)
    key = key_of(path)
    with Competition(path) as comp:
        doc = comp.finalized_document()
        times, fingerprint = comp.codes_times(), comp.info().fingerprint
    assert doc["codes"] == times and times["revealed_at"]
    text = json.dumps(doc, ensure_ascii=False)
    assert not any(f'"{code}"' in text for code in key.values())
    exported = ok("export", path, tmp_path / "x.sspkg")
    code = exported.stdout.split("交接码:")[1].split()[0]  # the handoff file is sealed (issue 14)
    verified = ok("verify", tmp_path / "x.sspkg", "--code", code)
    assert fingerprint in verified.stdout
    from skillscore.exchange.handoff_read import read_package

    assert read_package(tmp_path / "x.sspkg", code).results["codes"] == times


def test_a_file_that_never_sealed_has_the_document_it_always_had(tmp_path):
    path, _, practical = make_file(tmp_path, n=3)
    ok("marks", "import", path, write_csv(tmp_path / "p.csv", ["编号", "技能操作"], list(practical.items())))
    with Competition(path) as comp:
        doc = comp.results_document()
        assert "codes" not in doc and comp.appeals() == []
        with pytest.raises(RefusedError):
            comp.codes_key(pin=PIN)
