"""The results sheet's header holds a committee's name of any length (issue 13.9): the line of
committee, date, counts and quota wraps beside the draft notice instead of printing over it
or running past the table. Read back from the real PDF with pdfplumber."""

from __future__ import annotations

from collections import Counter

import pdfplumber
import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, mark_rows, roster_rows
from skillscore.reports import write_report
from support import write_csv

COMMITTEE_40 = "北京市东城区总工会职工职业技能大赛快递员项目初赛组织委员会暨东城区人力社保局"[:40]


def _sitting(tmp_path, committee: str):
    path = tmp_path / "比赛 文件.sqlite"
    rows = roster_rows(40, seed=3)
    comp = Competition.create(path, event_no=29, stage="prelim", committee=committee, pin=DEMO_PIN,
                              date="2025-09-20", operator="测试")
    comp.import_roster(write_csv(tmp_path / "名单.csv", ROSTER_HEADER, rows))
    comp.import_marks(write_csv(tmp_path / "成绩.csv", ["编号", "理论知识", "技能操作", "状态"],
                                mark_rows([r[0] for r in rows], seed=5, missing=0)))
    return comp


def _overlaps(a, b) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("length", [10, 18, 37, 40])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_committee_name_wraps_beside_the_draft_notice(tmp_path, length, lang):
    committee = COMMITTEE_40[:length]
    with _sitting(tmp_path, committee) as comp:
        out = tmp_path / "results.pdf"
        write_report(comp, "results", out, lang=lang)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        table = max(page.rects, key=lambda r: r["height"])
        chars = [c for c in page.chars if c["upright"] and c["bottom"] < table["top"] and c["size"] < 10]
        black = Counter(str(c["non_stroking_color"]) for c in chars).most_common(1)[0][0]
        red = [c for c in chars if str(c["non_stroking_color"]) != black and c["x0"] > page.width / 2]
        assert red, "the draft notice is printed at the right"
        notice = {"x0": min(c["x0"] for c in red), "x1": max(c["x1"] for c in red),
                  "top": min(c["top"] for c in red), "bottom": max(c["bottom"] for c in red)}
        info = [c for c in chars if c not in red and c["x0"] < notice["x0"]]
        assert committee in "".join(c["text"] for c in sorted(info, key=lambda c: (round(c["top"]), c["x0"])))
        assert not [c["text"] for c in info if _overlaps(c, notice)]
        assert all(table["x0"] - 1 <= c["x0"] and c["x1"] <= table["x1"] + 1 for c in chars)
        quota = "晋级名额" if lang == "zh" else "quota"
        assert quota in page.extract_text()
        # The table starts below the last header line: nothing printed over its top.
        assert max(c["bottom"] for c in chars) <= table["top"]
