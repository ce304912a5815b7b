"""The competition day at the command line (CONTRACT.md): checkin, checkin close/list,
draw, draw import/move/list, and the sheets checkin, draw, scoresheets read back. Both
forms of each command: a sub-command word first, or the FILE first."""

from __future__ import annotations

import json

import pytest

from skillscore.actions.competition import Competition
from skillscore.rules.privacy import mask_id

from day_support import individual, ok, pdf_text, team
from support import PIN, run_cli, write_csv


@pytest.fixture
def sitting(tmp_path):
    return individual(tmp_path, 5)


def test_check_in_list_close_and_late(sitting):
    with Competition(sitting) as comp:
        id_a002 = next(c.id_number for c in comp.contestants() if c.no == "A002")
    out = ok("checkin", sitting, "A001", id_a002, "--part", "theory")
    assert "已检录 A001" in out and "已检录 A002" in out
    assert "already" in ok("checkin", sitting, "A001", "--part", "theory", "--lang", "en")
    rows = {r["no"]: r for r in json.loads(ok("checkin", "list", sitting, "--json"))["rows"]}
    assert rows["A001"]["theory"] and rows["A001"]["practical"] is None and rows["A003"]["theory"] is None
    refused = run_cli("checkin", sitting, "110101199001011237", "--part", "theory")
    assert refused.returncode == 1 and "110101199001011237" in refused.stderr
    assert "A003、A004、A005" in ok("checkin", "close", sitting, "--part", "theory", "--pin", PIN)
    late = run_cli("checkin", sitting, "A003", "--part", "theory")
    assert late.returncode == 1 and "截止" in late.stderr
    out = ok("checkin", sitting, "A003", "--part", "theory", "--pin", PIN, "--reason", "地铁故障")
    assert "迟到检录 A003" in out and "撤销" in out
    with Competition(sitting) as comp:
        entries = comp.entries()
        assert entries["A003"].theory is None and str(entries["A004"].theory) == "ABSENT"


@pytest.mark.parametrize("args", [
    ["checkin"], ["checkin", "close"], ["checkin", "list"], ["checkin", "{f}", "--part", "theory"],
    ["checkin", "{f}", "A001"], ["checkin", "list", "{f}", "--part", "theory"],
    ["checkin", "close", "{f}", "A001", "--part", "theory", "--pin", PIN],
    ["draw", "{f}"], ["draw", "list", "{f}", "--stations", "3"], ["draw", "move", "{f}", "A001", "--session", "1"],
    ["draw", "import", "{f}"], ["draw", "{f}", "extra", "--stations", "2"],
])
def test_wrong_usage_exits_2(sitting, args):
    out = run_cli(*[a.format(f=sitting) for a in args])
    assert out.returncode == 2, (args, out.stderr)
    assert "Traceback" not in out.stderr


def test_draw_by_seed_list_move_and_redo(sitting):
    out = ok("draw", sitting, "--stations", "2", "--seed", "示例")
    assert "示例" in out and "3 场" in out
    doc = json.loads(ok("draw", "list", sitting, "--json"))
    assert doc == {"seed": "示例", "stations": 2, "rows": [
        {"no": "A004", "session": 1, "station": 1}, {"no": "A003", "session": 1, "station": 2},
        {"no": "A001", "session": 2, "station": 1}, {"no": "A005", "session": 2, "station": 2},
        {"no": "A002", "session": 3, "station": 1}]}
    assert run_cli("draw", sitting, "--stations", "2").returncode == 1  # a second draw is guarded
    assert run_cli("draw", sitting, "--stations", "2", "--redo", "--reason", "重抽", "--pin", "0").returncode == 1
    moved = ok("draw", "move", sitting, "A001", "--session", "3", "--station", "2", "--reason", "设备故障", "--pin", PIN)
    assert "A001" in moved and "2-1" in moved
    taken = run_cli("draw", "move", sitting, "A004", "--session", "3", "--station", "2", "--reason", "x", "--pin", PIN)
    assert taken.returncode == 1 and "A001" in taken.stderr
    ok("draw", sitting, "--stations", "3", "--redo", "--reason", "重新抽签", "--pin", PIN)
    doc = json.loads(ok("draw", "list", sitting, "--json"))
    assert doc["stations"] == 3 and len(doc["seed"]) == 16 and len(doc["rows"]) == 5
    assert "抽签种子" in ok("draw", "list", sitting)


def test_draw_import_refuses_with_file_row_and_column_then_records(sitting, tmp_path):
    bad = write_csv(tmp_path / "抽签.csv", ["编号", "场次", "工位号"],
                    [["A001", "1", "1"], ["A002", "1", "1"], ["A003", "2", "1"], ["A004", "2", "2"], ["A005", "3", "1"]])
    out = run_cli("draw", "import", sitting, bad)
    assert out.returncode == 1 and "抽签.csv" in out.stderr and "第 3 行" in out.stderr and "工位号" in out.stderr
    assert json.loads(ok("draw", "list", sitting, "--json"))["rows"] == []
    good = write_csv(tmp_path / "抽签2.csv", ["no", "session", "station"],
                     [["A001", "1", "1"], ["A002", "1", "2"], ["A003", "2", "1"], ["A004", "2", "2"], ["A005", "3", "1"]])
    ok("draw", "import", sitting, good)
    doc = json.loads(ok("draw", "list", sitting, "--json"))
    assert doc["seed"] is None and doc["stations"] == 2 and doc["rows"][1] == {"no": "A002", "session": 1, "station": 2}


def test_the_team_event_lists_teams(tmp_path):
    path = team(tmp_path, 3)
    ok("draw", path, "--stations", "2", "--seed", "s")
    assert {r["no"] for r in json.loads(ok("draw", "list", path, "--json"))["rows"]} == {"一队", "二队", "三队"}


def test_the_sheets_read_back(sitting, tmp_path):
    ok("draw", sitting, "--stations", "2", "--seed", "示例")
    with Competition(sitting) as comp:
        people = {c.no: c for c in comp.contestants()}
    ok("report", sitting, "checkin", "-o", tmp_path / "签到表.pdf")
    text = pdf_text(tmp_path / "签到表.pdf")
    assert "签到表" in text and "理论知识" in text and "技能操作" in text
    for c in people.values():
        assert mask_id(c.id_number) in text and c.id_number not in text and c.name in text
    ok("report", sitting, "draw", "-o", tmp_path / "抽签.pdf")
    text = pdf_text(tmp_path / "抽签.pdf")
    assert "抽签记录表" in text and "抽签种子：示例" in text and "监督" in text
    ok("report", sitting, "scoresheets", "-o", tmp_path / "评分表.pdf", "--lang", "en")
    text = pdf_text(tmp_path / "评分表.pdf")
    assert "Score sheet" in text and all(no in text for no in people)
    assert not any(c.name in text for c in people.values())  # 编号 only, never a name
    assert text.index("A004") < text.index("A003") < text.index("A001") < text.index("A005") < text.index("A002")
