"""The competition-day commands tried as a stranger at a venue would: wrong, odd and
out-of-order input (RULES.md §12, CONTRACT.md). Each test is a fault once found."""

from __future__ import annotations

import json

import pytest

from day_support import individual, ok, pdf_text, team
from support import PIN, run_cli


@pytest.fixture
def sitting(tmp_path):
    return individual(tmp_path, 5)


def key_of(path) -> dict[str, str]:
    return {r["no"]: r["code"] for r in json.loads(ok("codes", "key", path, "--pin", PIN, "--json"))["rows"]}


# -- 评分表 while sealed -------------------------------------------------------------------------
@pytest.mark.parametrize("drawn", [False, True])
def test_score_sheets_printed_while_sealed_show_codes_never_numbers(sitting, tmp_path, drawn):
    # The sheet went to the judges with every 编号 on it: the seal undone on paper.
    if drawn:
        ok("draw", sitting, "--stations", "2", "--seed", "示例")
    ok("codes", "seal", sitting, "--pin", PIN)
    codes = key_of(sitting)
    out = tmp_path / "评分表.pdf"
    ok("report", sitting, "scoresheets", "-o", out)
    text = pdf_text(out)
    assert "评分号" in text and "已加密" in text
    assert all(code in text for code in codes.values())
    assert not any(no in text for no in codes)


# -- appeals -------------------------------------------------------------------------------------
@pytest.mark.parametrize("no", ["", "  "])
def test_an_appeal_without_a_number_is_refused_not_filed_against_the_first_contestant(sitting, no):
    # In the individual event every team is "": an empty --no matched A001's team.
    out = run_cli("appeal", "add", sitting, "--no", no, "--by", "领队", "--subject", "复核")
    assert out.returncode == 2 and "编号" in out.stderr
    assert json.loads(ok("appeal", "list", sitting, "--json"))["rows"] == []


def test_a_team_appeal_still_takes_the_team_name(tmp_path):
    path = team(tmp_path, 2)
    ok("appeal", "add", path, "--no", "二队", "--by", "领队", "--subject", "复核")
    assert run_cli("appeal", "add", path, "--no", "", "--by", "领队", "--subject", "复核").returncode == 2
    assert [r["no"] for r in json.loads(ok("appeal", "list", path, "--json"))["rows"]] == ["二队"]


@pytest.mark.parametrize("field", ["--by", "--subject", "--no"])
def test_an_empty_appeal_field_is_named_in_english_under_lang_en(sitting, field):
    args = {"--no": "A001", "--by": "领队", "--subject": "复核", field: " "}
    out = run_cli("appeal", "add", sitting, *[x for kv in args.items() for x in kv], "--lang", "en")
    assert out.returncode == 2 and out.stderr.strip()
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in out.stderr.split("(")[0]), out.stderr


# -- 抽签记录表 before a draw ---------------------------------------------------------------------
def test_the_draw_record_before_a_draw_does_not_claim_a_hand_draw(sitting, tmp_path):
    out = tmp_path / "抽签.pdf"
    ok("report", sitting, "draw", "-o", out)
    text = pdf_text(out)
    assert "尚未抽签" in text and "手工抽签" not in text and "S = 0" not in text
    ok("draw", sitting, "--stations", "2", "--seed", "示例")
    ok("report", sitting, "draw", "-o", out)
    assert "尚未抽签" not in pdf_text(out)


# -- 检录 with full-width input ------------------------------------------------------------------
def test_check_in_takes_full_width_numbers_and_id_numbers(sitting):
    # A Chinese input method in full-width mode types Ａ００２: it looks like A002 to the clerk.
    from skillscore.actions.competition import Competition

    with Competition(sitting) as comp:
        id_a003 = next(c.id_number for c in comp.contestants() if c.no == "A003")
    wide = "".join(chr(ord(ch) + 0xFEE0) for ch in id_a003)
    out = ok("checkin", sitting, "Ａ００２", wide, "--part", "theory")
    assert "已检录 A002" in out and "已检录 A003" in out
    rows = {r["no"]: r for r in json.loads(ok("checkin", "list", sitting, "--json"))["rows"]}
    assert rows["A002"]["theory"] and rows["A003"]["theory"] and rows["A001"]["theory"] is None


# -- the seed as printed recomputes the draw -----------------------------------------------------
def test_spaces_around_the_seed_are_not_part_of_it(sitting, tmp_path):
    # Invisible on the printed record, a space changed every digest: the draw could not be
    # recomputed from the seed as printed (RULES.md §12.2 worked example: 示例, S = 2).
    ok("draw", sitting, "--stations", "2", "--seed", " 示例\u3000")
    doc = json.loads(ok("draw", "list", sitting, "--json"))
    assert doc["seed"] == "示例"
    assert [r["no"] for r in doc["rows"]] == ["A004", "A003", "A001", "A005", "A002"]


# -- 加密对照表 to a wrong place ------------------------------------------------------------------
@pytest.mark.parametrize("where", ["missing/key.pdf", "key.xlsx"])
def test_a_key_sheet_refused_for_its_output_logs_no_printing(sitting, tmp_path, where):
    # The reading was audited as printing no. 1 before the output was refused: the log then
    # held printings that never happened, and the next real sheet said 第 2 次打印.
    from skillscore.actions.competition import Competition

    ok("codes", "seal", sitting, "--pin", PIN)
    out = run_cli("report", sitting, "key", "-o", tmp_path / where, "--pin", PIN)
    assert out.returncode == 2 and out.stderr.strip()
    with Competition(sitting) as comp:
        assert comp.key_printings() == 0
    ok("report", sitting, "key", "-o", tmp_path / "key.pdf", "--pin", PIN)
    assert "第 1 次打印" in pdf_text(tmp_path / "key.pdf")


def test_a_key_sheet_the_system_could_not_write_logs_no_printing(sitting, tmp_path):
    # The desk reads the key and writes the sheet in one call (ui/operations.write_day_sheet):
    # a PDF held open by a viewer on Windows, here a folder where the file should go, failed
    # only after the reading had been logged as a printing.
    from skillscore.actions.competition import Competition

    ok("codes", "seal", sitting, "--pin", PIN)
    (tmp_path / "held.pdf").mkdir()
    with Competition(sitting) as comp:
        with pytest.raises(OSError):
            comp.write_key_sheet(tmp_path / "held.pdf", pin=PIN)
        assert comp.key_printings() == 0
        assert comp.write_key_sheet(tmp_path / "key.pdf", pin=PIN) >= 1
        assert comp.write_key_sheet(tmp_path / "again.pdf", pin=PIN) >= 1
        assert comp.key_printings() == 2
        assert [e.action for e in comp.audit_entries()][-2:] == ["codes_key_printed"] * 2
    assert "第 1 次打印" in pdf_text(tmp_path / "key.pdf") and "第 2 次打印" in pdf_text(tmp_path / "again.pdf")


def test_refusals_show_a_time_as_people_read_it(sitting):
    # "评分号已于 2026-12-03T19:47:43+00:00 加密": the stored stamp, as check-in never showed it.
    ok("codes", "seal", sitting, "--pin", PIN)
    for args in (["codes", "seal", sitting, "--pin", PIN], ["ranking", sitting]):
        out = run_cli(*args)
        assert out.returncode == 1
        stamp = out.stderr.split("于 " if "于 " in out.stderr else "（")[1][:16]
        assert len(stamp) == 16 and stamp[10] == " " and "T" not in out.stderr and "+" not in out.stderr


def test_the_key_of_a_team_event_has_no_empty_column(tmp_path):
    path = team(tmp_path, 2)
    ok("codes", "seal", path, "--pin", PIN)
    lines = ok("codes", "key", path, "--pin", PIN).splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 2 and not line.endswith("\t") for line in lines)


def test_who_filed_an_appeal_is_one_line_and_a_subject_of_several_lists_on_one(sitting):
    out = run_cli("appeal", "add", sitting, "--no", "A001", "--by", "领队\n王", "--subject", "复核")
    assert out.returncode == 2 and "一行文字" in out.stderr
    assert json.loads(ok("appeal", "list", sitting, "--json"))["rows"] == []
    ok("appeal", "add", sitting, "--no", "A001", "--by", "领队", "--subject", "第一行\n第二行")  # as the desk takes it
    assert json.loads(ok("appeal", "list", sitting, "--json"))["rows"][0]["subject"] == "第一行\n第二行"
    assert len(ok("appeal", "list", sitting).splitlines()) == 1


def test_no_contestant_joins_or_changes_team_while_the_codes_are_sealed(tmp_path):
    # A contestant added after sealing had no code: his practical mark was refused by number
    # and by code, and the reveal went through without him.
    from day_support import ROSTER_HEADER, roster_rows, write_csv

    from skillscore.actions.competition import Competition

    path = individual(tmp_path, 5)
    ok("codes", "seal", path, "--pin", PIN)
    six = write_csv(tmp_path / "six.csv", ROSTER_HEADER, roster_rows(6, seed=16))
    with Competition(path) as comp:
        before = [c.no for c in comp.contestants()]
        late = [r[0] for r in roster_rows(6, seed=16) if r[0] not in before]
        assert len(before) == 5 and len(late) >= 1
    out = run_cli("roster", "import", path, six)
    assert out.returncode == 1 and "加密后名单不能增加选手" in out.stderr and late[0] in out.stderr
    with Competition(path) as comp:
        assert [c.no for c in comp.contestants()] == before

    (tmp_path / "t").mkdir()
    teams = team(tmp_path / "t", 2)
    ok("codes", "seal", teams, "--pin", PIN)
    rows = [r + [["一队", "二队"][i // 2]] for i, r in enumerate(roster_rows(4, seed=9))]
    rows[1][-1], rows[2][-1] = "二队", "一队"  # two members swap teams
    moved = write_csv(tmp_path / "moved.csv", ROSTER_HEADER + ["团队"], rows)
    out = run_cli("roster", "import", teams, moved)
    assert out.returncode == 1 and "调整团队" in out.stderr and rows[1][0] in out.stderr


def test_a_blank_code_while_sealed_is_no_code_not_a_number(sitting):
    ok("codes", "seal", sitting, "--pin", PIN)
    out = run_cli("marks", "set", sitting, "", "practical", "80")
    assert out.returncode == 1 and "请填写评分号" in out.stderr, out.stderr  # once: 不能按编号或团队「」录入
