"""The organising committee's summary from handoff packages: real xlsx and PDF read back."""

from __future__ import annotations

import pytest

from support import PIN, ranking_json, run_cli
from skillscore.actions.competition import Competition
from skillscore.demo import roster_rows
from skillscore.exchange.handoff_read import read_package
from skillscore.actions.competition import Competition as _Competition
create_from_packages = _Competition.create_from_packages
from skillscore.exchange.summary import HEADERS
from test_handoff_support import CODES, code_args, export, make_sitting, prelim_package, read, tie_free_marks


def _finish(path, folder, name):
    """Marks for everyone on a built roster, finalise, export."""
    with Competition(path) as comp:
        nos = [c.no for c in comp.contestants()]
    from support import write_csv

    with Competition(path) as comp:
        comp.import_marks(write_csv(folder / f"{name}-m.csv", ["编号", "理论知识", "技能操作", "状态"],
                                    tie_free_marks(nos)))
        comp.finalize(pin=PIN)
    return export(path, folder / f"{name}.sspkg")


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """Event 29: two prelims, their semifinal and its final; event 21: a prelim with
    absent, withdrawn and disqualified contestants."""
    folder = tmp_path_factory.mktemp("summary")
    east = prelim_package(folder, "东城区", committee="东城区初赛组委会", count=40, seed=1, prefix="D")
    west = prelim_package(folder, "西城区", committee="西城区初赛组委会", count=50, seed=2, prefix="X")
    semi = folder / "semi.sqlite"
    create_from_packages(semi, [east, west], codes=[CODES[east], CODES[west]], stage="semifinal", committee="市复赛组委会", pin=PIN).close()
    semi_pkg = _finish(semi, folder, "复赛")
    final = folder / "final.sqlite"
    create_from_packages(final, [semi_pkg], codes=[CODES[semi_pkg]], stage="final", committee="市决赛组委会", pin=PIN).close()
    final_pkg = _finish(final, folder, "决赛")
    rows = roster_rows(33, seed=21, prefix="M")
    marks = tie_free_marks([r[0] for r in rows])
    marks[30][1:4] = ["缺考", "缺考", ""]
    marks[31][3] = "弃权"
    marks[32][3] = "取消资格"
    other = export(make_sitting(folder, "other", committee="海淀区初赛组委会", event=21, rows=rows, marks=marks),
                   folder / "海淀区.sspkg")
    return {"east": east, "west": west, "semi": semi_pkg, "final": final_pkg, "other": other,
            "final_sitting": final, "folder": folder}


def read_xlsx(path):
    from openpyxl import load_workbook

    ws = load_workbook(path).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_summary_xlsx_counts_per_event_stage_and_committee(packages, tmp_path):
    out = tmp_path / "汇总.xlsx"
    given = [packages[k] for k in ("final", "other", "west", "semi", "east")]  # any order
    result = run_cli("summary", *given, "-o", out, *code_args(*given))
    assert result.returncode == 0, result.stderr
    assert "5 份成绩" in result.stdout
    rows = read_xlsx(out)
    assert "汇总数据" in rows[0][0]
    assert rows[1] == HEADERS
    body = {(r[0], r[2], r[3]): dict(zip(HEADERS, r)) for r in rows[2:]}
    # Sorted by event, stage order, committee; a subtotal where a stage has two committees.
    assert [(r[0], r[2], r[3]) for r in rows[2:]] == [
        (21, "初赛", "海淀区初赛组委会"),
        (29, "初赛", "东城区初赛组委会"), (29, "初赛", "西城区初赛组委会"), (29, "初赛", "小计"),
        (29, "复赛", "市复赛组委会"), (29, "决赛", "市决赛组委会"), (None, None, None),
    ]
    other = body[(21, "初赛", "海淀区初赛组委会")]
    assert (other["名单人数"], other["排名人数"], other["缺考"], other["弃权"], other["取消资格"], other["晋级"]) == (
        33, 30, 1, 1, 1, 9)
    east = body[(29, "初赛", "东城区初赛组委会")]
    assert (east["名单人数"], east["晋级"], east["三级/高级工"], east["四级/中级工"], east["五级/初级工"]) == (
        40, 12, 3, 5, 12)  # ranks 1–3; ≤ floor(20% of 40) = 8; ≤ floor(50% of 40) = 20
    assert east["成绩指纹"] == read(packages["east"]).fingerprint and east["定稿版本"] == 1
    sub = body[(29, "初赛", "小计")]
    assert sub["名单人数"] == 90 and sub["晋级"] == 12 + 15
    semi = body[(29, "复赛", "市复赛组委会")]
    assert semi["名单人数"] == 27 and semi["晋级"] == 8
    final = body[(29, "决赛", "市决赛组委会")]
    ranking = ranking_json(packages["final_sitting"])
    awards = [r["awards"] for r in ranking["rows"] if r["awards"]]
    assert final["纳入技能人才库"] == sum(a["talent_pool"] for a in awards) == 8
    assert final["资助人数"] == sum(1 for a in awards if a["subsidy_yuan"])
    assert final["资助金额（元）"] == sum(a["subsidy_yuan"] or 0 for a in awards) > 0
    assert final["推荐参评劳动奖项"] == 1 and final["一级/高级技师"] == 5 and final["二级/技师"] == 3
    total = body[(None, None, None)]
    assert total["竞赛项目"] == "合计" and total["名单人数"] == 33 + 90 + 27 + 8


def test_summary_pdf_reads_back_with_every_fingerprint(packages, tmp_path):
    import pdfplumber

    out = tmp_path / "汇总.pdf"
    given = [packages[k] for k in ("east", "west", "semi", "final", "other")]
    result = run_cli("summary", *given, "-o", out, *code_args(*given))
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "2025年北京市职工职业技能大赛 汇总数据" in text
    for committee in ("东城区初赛组委会", "西城区初赛组委会", "市复赛组委会", "市决赛组委会", "海淀区初赛组委会"):
        assert committee in text
    for package in given:
        assert read(package).fingerprint in text.replace("\n", "")
    assert "合计" in text and "小计" in text and "纳入技" in text  # headers wrap in their cells


@pytest.mark.parametrize("kind", ["duplicate", "same sitting", "damaged", "format", "no code", "wrong code"])
def test_summary_refusals_write_nothing(kind, packages, tmp_path):
    folder = packages["folder"]
    out = tmp_path / ("汇总.txt" if kind == "format" else "汇总.xlsx")
    if kind == "duplicate":
        copy = tmp_path / "copy.sspkg"
        copy.write_bytes(packages["east"].read_bytes())
        CODES[copy] = CODES[packages["east"]]
        args, code, words = [packages["east"], copy], 1, ["不能重复统计", "copy.sspkg"]
    elif kind == "same sitting":
        sitting = make_sitting(tmp_path, "v", committee="东城区初赛组委会", count=40, seed=1, prefix="D")
        with Competition(sitting) as comp:
            comp.reopen(reason="更正", pin=PIN)
            comp.set_mark("D040", "theory", "10.00")
            comp.finalize(pin=PIN)
        newer = export(sitting, tmp_path / "东城区-v2.sspkg")
        args, code, words = [packages["east"], newer], 1, ["请只给出最新的一份", "东城区-v2.sspkg"]
    elif kind == "damaged":
        bad = tmp_path / "坏.sspkg"
        bad.write_bytes(packages["west"].read_bytes()[:-40])
        CODES[bad] = CODES[packages["west"]]
        args, code, words = [packages["east"], bad], 1, ["坏.sspkg"]
    elif kind == "format":
        args, code, words = [packages["east"]], 2, [".xlsx 或 .pdf"]
    else:  # a sealed file needs its code; another committee's code does not open it
        result = run_cli("summary", packages["east"], packages["west"], "-o", out,
                         *(["--code", CODES[packages["west"]], CODES[packages["east"]]] if kind == "wrong code" else []))
        words = ["交接码打不开 东城区.sspkg", "未写入任何内容"] if kind == "wrong code" else ["东城区.sspkg 已加密", "--code"]
        assert result.returncode == 1 and all(w in result.stderr for w in words), result.stderr
        assert not out.exists() and not list(tmp_path.glob("*.tmp-*"))
        return
    result = run_cli("summary", *args, "-o", out, *code_args(*args))
    assert result.returncode == code
    assert all(w in result.stderr for w in words), result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.tmp-*"))
    assert folder.exists()
