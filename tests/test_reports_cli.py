"""`skillscore report` as a committee runs it, the xlsx export, and write_report's edges:
refusals with their messages, nothing half-written, progress, documents, English."""

from __future__ import annotations

import os
import stat
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from support import run_cli
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError, UsageError
from skillscore.reports import write_report
from test_reports_sittings import HEX64, all_chars, sittings, upright_pages  # noqa: F401


@pytest.mark.parametrize("name,kind,pages", [
    ("draft_prelim", "results", 2), ("draft_prelim", "advancement", 1), ("draft_prelim", "certificates", 1),
    ("final_awards", "awards", 1),
])
def test_report_command_writes_the_pdf(sittings, tmp_path, name, kind, pages):
    out = tmp_path / f"{kind}.pdf"
    done = run_cli("report", sittings[name], kind, "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"已生成 {out}（{pages} 页）"
    assert out.read_bytes().startswith(b"%PDF-") and len(upright_pages(out)) == pages


@pytest.mark.parametrize("name,kind,message", [
    ("draft_prelim", "awards", "获奖名单只在决赛产生（本文件为初赛）"),
    ("final_awards", "advancement", "决赛不设晋级，没有晋级名单"),
    ("final_team", "certificates", "竞赛项目「复合材料试验工」不是取证项目，没有取证名单"),
])
def test_sheets_that_do_not_exist_for_the_stage_are_refused(sittings, tmp_path, name, kind, message):
    out = tmp_path / "x.pdf"
    done = run_cli("report", sittings[name], kind, "-o", out)
    assert done.returncode == 1 and done.stderr.strip() == message
    assert not out.exists() and not list(tmp_path.iterdir())


def test_refusals_in_english(sittings, tmp_path):
    done = run_cli("report", sittings["draft_prelim"], "awards", "-o", tmp_path / "x.pdf", "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.strip() == "The awards list exists only at the final (this file is the Preliminary)"


@pytest.mark.parametrize("args,fragment", [
    (["results", "-o", "{tmp}/x.txt"], "扩展名应为 .pdf"),
    (["awards", "-o", "{tmp}/x.xlsx"], "只有成绩表（results）可以导出为 .xlsx"),
    (["results", "-o", "{tmp}/missing/x.pdf"], "输出目录"),
    (["ranking", "-o", "{tmp}/x.pdf"], "无效的选择 'ranking'"),
])
def test_wrong_usage_exits_2_and_writes_nothing(sittings, tmp_path, args, fragment):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    done = run_cli("report", sittings["final_awards"], *argv)
    assert done.returncode == 2 and fragment in done.stderr
    assert not list(tmp_path.rglob("*.*"))


def test_the_ranking_command_does_not_load_reportlab_or_openpyxl():
    import subprocess
    import sys

    code = ("import sys; from skillscore.cli.parser import build_parser; build_parser(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- xlsx -----------------------------------------------------------------------------------
def test_results_as_xlsx_by_extension(sittings, tmp_path):
    out = tmp_path / "成绩表.xlsx"
    done = run_cli("report", sittings["final_awards"], "results", "-o", out)
    assert done.returncode == 0, done.stderr
    with Competition(sittings["final_awards"]) as comp:
        doc, info = comp.finalized_document(), comp.info()
    ws = load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(values) if r[0] == "名次")
    assert values[head] == ("名次", "编号", "姓名", "工作单位", "理论知识", "技能操作", "总成绩", "取证等级", "备注")
    title = "\n".join(str(r[0]) for r in values[:head] if r[0])
    assert "2025年北京市职工职业技能大赛" in title and info.fingerprint in title and "已定稿 · 第 1 版" in title
    body = values[head + 1:]
    rows = doc["ranking"]["rows"]
    assert [r[1] for r in body] == [r["no"] for r in rows]
    for got, want in zip(body, rows):
        if want["status"] == "ranked":
            assert isinstance(got[6], (Decimal, int, float))
            assert Decimal(str(got[6])).quantize(Decimal("0.01")) == Decimal(want["total"])
        else:
            assert got[6] is None
    for cells in ws.iter_rows(min_row=head + 2, min_col=5, max_col=7):
        for cell in cells:
            if isinstance(cell.value, (int, float, Decimal)):
                assert cell.number_format == "0.00"
    assert ws.freeze_panes == f"A{head + 2}"
    text = " ".join(str(v) for r in values for v in r if v is not None)
    for p in doc["contestants"]:
        assert p["id_number"] not in text and (not p["phone"] or p["phone"] not in text)


def test_draft_xlsx_says_draft(sittings, tmp_path):
    out = tmp_path / "d.xlsx"
    with Competition(sittings["draft_prelim"]) as comp:
        n = write_report(comp, "results", out)
        rows = len(comp.results_document()["ranking"]["rows"])
    assert n == rows == 60
    titles = [r[0] for r in load_workbook(out).active.iter_rows(max_row=6, values_only=True)]
    assert "草稿 · 未定稿，不作为正式成绩" in titles
    assert not any(HEX64.search(str(t)) for t in titles)


# -- write_report ----------------------------------------------------------------------------
def test_progress_reports_every_page(sittings, tmp_path):
    seen = []
    with Competition(sittings["draft_prelim"]) as comp:
        pages = write_report(comp, "results", tmp_path / "r.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, pages) for i in range(pages + 1)]


def test_a_failure_midway_leaves_no_file(sittings, tmp_path):
    def stop(done, total):
        if done == 1:
            raise KeyboardInterrupt  # the user cancels the progress dialog

    with Competition(sittings["draft_prelim"]) as comp, pytest.raises(KeyboardInterrupt):
        write_report(comp, "results", tmp_path / "r.pdf", progress=stop)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole_with_normal_permissions(sittings, tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    with Competition(sittings["final_awards"]) as comp:
        write_report(comp, "results", out)
    assert out.read_bytes().startswith(b"%PDF-")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_the_same_results_print_the_same_bytes(sittings, tmp_path):
    with Competition(sittings["final_awards"]) as comp:
        write_report(comp, "awards", tmp_path / "a.pdf")
        write_report(comp, "awards", tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_document_prints_as_final_only_with_its_own_fingerprint(sittings, tmp_path):
    with Competition(sittings["final_awards"]) as comp:
        doc, fp = comp.finalized_document(), comp.info().fingerprint
    write_report(doc, "results", tmp_path / "f.pdf", fingerprint=fp)
    assert set(HEX64.findall("".join(upright_pages(tmp_path / "f.pdf")))) == {fp}
    write_report(doc, "results", tmp_path / "d.pdf")
    assert "DRAFT" in "".join(all_chars(tmp_path / "d.pdf"))
    with pytest.raises(RefusedError) as err:
        write_report(doc, "results", tmp_path / "x.pdf", fingerprint="0" * 64)
    assert "成绩指纹与成绩文档不符" in err.value.message("zh")
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_kind_is_wrong_usage(sittings, tmp_path):
    with Competition(sittings["draft_prelim"]) as comp, pytest.raises(UsageError):
        write_report(comp, "diplomas", tmp_path / "x.pdf")


def test_english_sheet(sittings, tmp_path):
    out = tmp_path / "en.pdf"
    with Competition(sittings["final_awards"]) as comp:
        write_report(comp, "awards", out, lang="en")
    (text,) = upright_pages(out)
    for phrase in ("Rank No. Name ID number Employer Total", "Page 1 of 1", "Chief judge:", "Finalised · version 1",
                   "Subsidy", "(yuan)", "Talent pool"):
        assert phrase in text, phrase
