"""The printed sheets, read back from real PDFs: who is on them, with which rank and total,
what personal data shows, the embedded font, draft marking, fingerprint and QR code."""

from __future__ import annotations

import re
import subprocess

import pypdf
import pytest

from skillscore.actions.competition import Competition
from skillscore.rules.privacy import mask_id
from skillscore.reports import write_report
from skillscore.reports.fonts import FONT, has_glyph
from test_reports_sittings import (  # noqa: F401  (sittings is a fixture)
    HEX64, all_chars, lines_for, rank_token, sittings, strip_marks, table_lines, unrotated, upright_pages,
)


def sheet(sittings, tmp_path, name: str, kind: str, **kw):
    """Print one sheet of one sitting; return (pdf path, the document it was drawn from, info)."""
    out = tmp_path / f"{name}-{kind}.pdf"
    with Competition(sittings[name]) as comp:
        info = comp.info()
        doc = comp.finalized_document() if info.finalized else comp.results_document()
        write_report(comp, kind, out, **kw)
    return out, doc, info


def people(doc) -> dict[str, dict]:
    return {p["no"]: p for p in doc["contestants"]}


# -- results ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["draft_prelim", "final_prelim", "final_awards", "cutoff_prelim"])
def test_every_ranked_contestant_appears_once_with_rank_and_total(sittings, tmp_path, name):
    pdf, doc, _ = sheet(sittings, tmp_path, name, "results")
    pages = upright_pages(pdf)
    ranked = [r for r in doc["ranking"]["rows"] if r["status"] == "ranked"]
    assert ranked
    for row in ranked:
        hits = lines_for(pages, row["no"])
        assert len(hits) == 1, (row["no"], hits)
        toks = hits[0]
        assert strip_marks(toks[0]) == rank_token(row), toks
        assert toks[2] == row["name"]
        # theory, practical, total in that order after the employer
        i = toks.index(row["total"])
        assert toks[i - 2:i] == [row["theory"] if row["theory"] != "absent" else "缺考",
                                 row["practical"] if row["practical"] != "absent" else "缺考"]


def test_unranked_contestants_follow_the_ranked_with_their_status(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    lines = table_lines(upright_pages(pdf))
    rows = doc["ranking"]["rows"]
    nos = {r["no"] for r in rows}
    # A ranked row starts with its rank, an unranked one with its number.
    where = {next(t for t in toks[:2] if t in nos): i for i, toks in enumerate(lines) if nos & set(toks[:2])}
    last_ranked = max(where[r["no"]] for r in rows if r["status"] == "ranked")
    words = {"absent": "缺考", "withdrawn": "弃权", "incomplete": "待录入"}
    unranked = [r for r in rows if r["status"] != "ranked"]
    assert {r["status"] for r in unranked} == set(words)
    for r in unranked:
        assert where[r["no"]] > last_ranked
        toks = lines[where[r["no"]]]
        assert toks[0] == r["no"] or toks[1] == r["no"]  # no rank in front
        assert toks[-1] == words[r["status"]]


def test_tie_marks_notes_and_cut_off(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    pages = upright_pages(pdf)
    rows = {r["no"]: r for r in doc["ranking"]["rows"]}
    by_practical = [no for no, r in rows.items() if r["tie"] == "practical"]
    unresolved = [no for no, r in rows.items() if r["tie"] == "unresolved"]
    assert by_practical and unresolved
    lines = table_lines(pages)
    for no in by_practical:
        (toks,) = lines_for(pages, no)
        assert toks[0].endswith("▲")
        # The note is the last column; it may wrap onto the row's second line.
        nxt = lines[lines.index(toks) + 1]
        assert toks[-1] == "技能操作成绩决定名次" or toks[-1] + nxt[-1] == "技能操作成绩决定名次"
    for no in unresolved:
        (toks,) = lines_for(pages, no)
        a, b = rows[no]["rank_range"]
        assert toks[0] == f"{a}–{b}" and toks[-1] == "并列待定"
    # The legend explains every mark on every page.
    for text in pages:
        assert "▲ 技能操作成绩决定名次" in text and "并列待定（名次显示为“5–6”）" in text
        assert "◆ 组委会裁定/抽签确定" in text and "✓ 晋级" in text


def test_committee_and_lot_decisions_are_named(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "final_awards", "results")
    pages = upright_pages(pdf)
    decided = [r for r in doc["ranking"]["rows"] if r["tie"] == "committee"]
    assert decided
    for r in decided:
        (toks,) = lines_for(pages, r["no"])
        assert toks[0].endswith("◆") and toks[-1] == "抽签确定"


def test_header_page_numbers_and_signatures(sittings, tmp_path):
    pdf, _, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    pages = upright_pages(pdf)
    assert len(pages) >= 2
    first = pages[0]
    for text in ("2025年北京市职工职业技能大赛", "快递员（第29项）· 初赛 · 成绩表", "组委会：东城区初赛组委会",
                 "比赛日期：2025-09-20", "排名人数 N = 55", "晋级名额 16"):
        assert text in first
    assert "参赛人数不足30人" not in "".join(pages)
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页 共 {len(pages)} 页" in text
        # the table header is repeated on every page with rows
        assert "名次 编号 姓名 工作单位 理论知识 技能操作 总成绩 晋级 取证等级 备注" in text
        assert "快递员" in text and "东城区初赛组委会" in text
    last = pages[-1]
    for label in ("裁判长：", "监督：", "记分员：", "日期："):
        assert label in last


def test_fewer_than_30_warning_is_printed(sittings, tmp_path):
    pdf, _, _ = sheet(sittings, tmp_path, "final_team", "results")
    (text,) = upright_pages(pdf)
    assert "参赛人数不足30人" in text and "排名人数 N = 11" in text


def test_team_rows_list_members_with_their_employers(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "final_team", "results")
    text = upright_pages(pdf)[0]
    who = people(doc)
    assert len(doc["ranking"]["rows"]) == 11
    for row in doc["ranking"]["rows"]:
        for no in row["members"]:
            assert f"{no} {who[no]['name']}" in text
    assert "名次 团队 姓名 工作单位" in text


def test_long_unit_names_wrap_inside_their_column(sittings, tmp_path):
    import pdfplumber

    pdf, doc, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    long_units = {p["unit"] for p in doc["contestants"] if len(p["unit"]) > 20}
    assert long_units
    with pdfplumber.open(pdf) as doc_pdf:
        page = doc_pdf.pages[0]
        words = {w["text"]: w for w in page.extract_words()}
        left, right = words["工作单位"], words["理论知识"]
        # the column's edges are the grid lines around the header words
        edges = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
        col_left = max(x for x in edges if x <= left["x0"])
        col_right = min(x for x in edges if x >= left["x1"])
        assert col_right <= right["x0"]
        table = max(page.rects, key=lambda r: r["height"])  # the table's outer border
        column = page.filter(unrotated).crop((col_left, table["top"], col_right, table["bottom"]))
        inside = column.extract_text().replace("\n", "")
        chars = [c for c in page.chars if unrotated(c) and col_left <= c["x0"] < col_right
                 and table["top"] <= c["top"] and c["bottom"] <= table["bottom"]]
        assert chars
        assert all(c["x1"] <= col_right for c in chars)
    assert any(unit in inside for unit in long_units)


# -- personal data ---------------------------------------------------------------------------
@pytest.mark.parametrize("name,kind", [
    ("final_prelim", "results"), ("final_prelim", "advancement"), ("final_awards", "awards"),
    ("final_awards", "results"), ("cutoff_prelim", "advancement"), ("final_team", "awards"),
])
def test_public_sheets_never_show_full_id_numbers_or_phones(sittings, tmp_path, name, kind):
    pdf, doc, _ = sheet(sittings, tmp_path, name, kind)
    text = "".join(all_chars(pdf))
    for p in doc["contestants"]:
        assert p["id_number"] not in text
        assert not p["phone"] or p["phone"] not in text


@pytest.mark.parametrize("name,kind", [("final_prelim", "advancement"), ("final_awards", "awards"),
                                       ("final_team", "awards")])
def test_public_lists_identify_people_by_masked_id(sittings, tmp_path, name, kind):
    pdf, doc, _ = sheet(sittings, tmp_path, name, kind)
    text = "\n".join(upright_pages(pdf))
    masked = re.findall(r"\b\d{6}\*{8}\d{3}[\dX]\b", text)
    assert masked
    who = people(doc)
    listed = {no for toks in table_lines([text]) for no in toks if no in who}
    assert listed
    for no in listed:
        assert mask_id(who[no]["id_number"]) in text


def test_certificate_list_has_full_ids_by_level_and_is_marked_internal(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "final_prelim", "certificates")
    pages = upright_pages(pdf)
    text = "\n".join(pages)
    who = people(doc)
    holders = [r for r in doc["ranking"]["rows"] if r["certificate"]]
    assert holders
    for r in holders:
        assert who[r["no"]]["id_number"] in text
    for r in doc["ranking"]["rows"]:
        if not r["certificate"]:
            assert who[r["no"]]["id_number"] not in text
        assert not who[r["no"]]["phone"] or who[r["no"]]["phone"] not in text
    for page in pages:
        assert "内部材料" in page
    assert "内部材料 · 报送技能鉴定机构 · 不得张贴公布" in pages[0]
    # Sections in level order, each followed by its holders.
    order = [text.index(h) for h in ("三级/高级工", "四级/中级工", "五级/初级工")]
    assert order == sorted(order)
    counts = {lvl: sum(1 for r in holders if r["certificate"] == lvl) for lvl in (3, 4, 5)}
    assert f"取证 {len(holders)} 人：三级/高级工 {counts[3]} 人、四级/中级工 {counts[4]} 人、五级/初级工 {counts[5]} 人" in text


# -- advancement and awards ------------------------------------------------------------------
def test_advancement_lists_exactly_those_who_advance(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "final_prelim", "advancement")
    pages = upright_pages(pdf)
    rows = doc["ranking"]["rows"]
    going = [r for r in rows if r["advances"]]
    quota = doc["ranking"]["advance_quota"]
    assert len(going) == quota == doc["ranking"]["ranked"] * 30 // 100
    for r in rows:
        hits = lines_for(pages, r["no"])
        assert len(hits) == (1 if r["advances"] else 0), r["no"]
        if r["advances"]:
            assert strip_marks(hits[0][0]) == rank_token(r)
    assert f"晋级 {quota} 人（晋级名额 {quota}）" in "".join(pages)


def test_a_tie_at_the_cut_off_is_listed_as_undecided(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "cutoff_prelim", "advancement")
    text = "\n".join(upright_pages(pdf))
    open_ = [r for r in doc["ranking"]["rows"] if r["advances"] is None]
    assert {r["no"] for r in open_} == {"A033", "A043"}
    head = text.index("晋级待定（并列待定，待组委会裁定或抽签）")
    for r in open_:
        assert text.index(f" {r['no']} ") > head
    assert "另有 2 人晋级待定" in text


def test_awards_show_pool_subsidies_and_nomination(sittings, tmp_path):
    pdf, doc, _ = sheet(sittings, tmp_path, "final_awards", "awards")
    pages = upright_pages(pdf)
    text = "\n".join(pages)
    who = people(doc)
    total = 0
    for r in doc["ranking"]["rows"]:
        a = r["awards"]
        hits = lines_for(pages, r["no"])
        if not a or not (a["talent_pool"] or a["subsidy_yuan"] or a["labor_award_nomination"]):
            assert not hits
            continue
        (toks,) = hits
        line = " ".join(toks)
        assert ("是" if who[r["no"]]["union_card"] else "否") in toks
        if a["subsidy_yuan"]:
            assert f"{a['subsidy_yuan']} 元" in line
            total += a["subsidy_yuan"]
        else:
            assert "元" not in line
        assert line.count("✓") == int(a["talent_pool"]) + int(a["labor_award_nomination"])
    assert total > 0
    assert f"资助合计 {total} 元" in text and "推荐参评劳动奖项 1 人" in text and "纳入技能人才库 10 人" in text


# -- font, draft, fingerprint ----------------------------------------------------------------
def test_the_font_is_embedded_as_a_subset_and_no_other_font_is_used(sittings, tmp_path):
    for name, kind in (("draft_prelim", "results"), ("final_awards", "awards"), ("final_prelim", "certificates")):
        pdf, _, _ = sheet(sittings, tmp_path, name, kind)
        for page in pypdf.PdfReader(pdf).pages:
            fonts = page["/Resources"]["/Font"]
            assert fonts
            for ref in fonts.values():
                font = ref.get_object()
                assert re.fullmatch(r"/[A-Z]{6}\+" + FONT + r"-0", font["/BaseFont"])
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_marks_the_font_lacks_are_drawn_not_printed_as_boxes(sittings, tmp_path):
    assert has_glyph("▲") and has_glyph("◆") and has_glyph("✓")
    assert not has_glyph("⚠")  # so ⚠ must be a drawn shape
    pdf, _, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    for text in all_chars(pdf):
        assert "⚠" not in text
        assert all(has_glyph(ch) for ch in set(text) if not ch.isspace())


@pytest.mark.parametrize("name,finalized", [("draft_prelim", False), ("final_prelim", True),
                                            ("draft_final", False), ("final_awards", True)])
def test_draft_watermark_exactly_when_not_finalised(sittings, tmp_path, name, finalized):
    pdf, _, info = sheet(sittings, tmp_path, name, "results")
    assert info.finalized is finalized
    for chars in all_chars(pdf):
        assert ("DRAFT" in chars) is not finalized
        assert ("草稿" in chars) is not finalized


def test_the_watermark_is_one_form_on_every_page_with_the_pages_alpha(sittings, tmp_path):
    """Drawn once per document and placed on each page (issue 18), with the alpha set on
    the page, since ReportLab gives a form no ExtGState (the rendering: the test below)."""
    pdf, _, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    pages = pypdf.PdfReader(pdf).pages
    assert len(pages) > 1
    forms = set()
    for page in pages:
        xobjects = page["/Resources"]["/XObject"]
        (name, ref), = xobjects.items()
        forms.add(ref.idnum)
        assert f"{name} Do".encode() in page.get_contents().get_data()
        states = [s.get_object() for s in page["/Resources"]["/ExtGState"].values()]
        assert [s["/ca"] for s in states] == [0.2]
    assert len(forms) == 1


def test_every_page_carries_the_whole_footer_and_running_header(sittings, tmp_path):
    """The footer's legend and the running header are written once and repeated on later
    pages (issue 18): each page still has them, the legend's ⚠ drawn as a shape (the font
    has none, so only its operators show it: ``1 j``, the shape's line join)."""
    pdf, _, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    texts = upright_pages(pdf)
    streams = [page.get_contents().get_data() for page in pypdf.PdfReader(pdf).pages]
    assert len(texts) > 1
    for k, (text, stream) in enumerate(zip(texts, streams), start=1):
        assert "技能操作成绩决定名次" in text and "草稿（第 1 版，未定稿）" in text
        assert f"第 {k} 页 共 {len(texts)} 页" in text
        assert b" 1 j " in stream
        if k > 1:
            assert "成绩表" in text.splitlines()[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_watermark_shows_through_on_every_page(tmp_path, lang):
    """Pages holding only the watermark, rendered: light grey letters (20 % of #808080 over
    white, 229-230) on each page, the form's as much as the first's, never #808080 itself."""
    from types import SimpleNamespace

    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    from skillscore.reports.closing import draw_watermark
    from skillscore.reports.fonts import register_font

    register_font()
    c = Canvas(str(tmp_path / "w.pdf"))
    for _ in range(3):
        draw_watermark(SimpleNamespace(lang=lang), c)
        c.showPage()
    c.save()
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(tmp_path / "w.pdf"), str(tmp_path / "w")], check=True)
    for k in (1, 2, 3):
        shades = {v for _, v in Image.open(tmp_path / f"w-{k}.png").convert("L").getcolors(256)}
        assert min(shades) in (229, 230) and 255 in shades


@pytest.mark.parametrize("name,kind", [("final_prelim", "results"), ("final_prelim", "certificates"),
                                       ("final_awards", "awards"), ("final_team", "results")])
def test_the_fingerprint_printed_is_the_finalised_one(sittings, tmp_path, name, kind):
    pdf, _, info = sheet(sittings, tmp_path, name, kind)
    pages = upright_pages(pdf)
    for text in pages:
        assert set(HEX64.findall(text)) == {info.fingerprint}
        assert f"第 {info.version} 版" in text
    assert "成绩指纹（SHA-256，与成绩交接文件一致）" in pages[-1]


def test_drafts_print_no_fingerprint(sittings, tmp_path):
    pdf, _, _ = sheet(sittings, tmp_path, "draft_prelim", "results")
    assert not HEX64.findall("".join(all_chars(pdf)))


def test_the_qr_code_scans_to_the_fingerprint(sittings, tmp_path):
    import zxingcpp
    from PIL import Image

    pdf, _, info = sheet(sittings, tmp_path, "final_awards", "awards")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [(b.format, b.text) for b in found] == [(zxingcpp.BarcodeFormat.QRCode, info.fingerprint)]


def test_a_reopened_stage_prints_a_draft_again(sittings, tmp_path):
    from support import PIN
    from test_reports_sittings import copy_of

    path = copy_of(sittings["final_awards"], tmp_path)
    with Competition(path, operator="测试员") as comp:
        comp.reopen(reason="复核成绩", pin=PIN)
        out = tmp_path / "reopened.pdf"
        write_report(comp, "results", out)
    chars = "".join(all_chars(out))
    assert "DRAFT" in chars and not HEX64.findall(chars)
    assert "草稿（第 2 版，未定稿）" in upright_pages(out)[0]


# -- every acceptance scenario, every sheet -------------------------------------------------------
SCENARIOS = ["prelim-certified", "prelim-no-level5", "prelim-small", "prelim-team", "semifinal-no-level5",
             "final-awards", "final-capped", "final-team"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_scenario_prints_every_sheet_it_has(tmp_path, scenario):
    import json

    from support import ACCEPTANCE
    from skillscore.errors import RefusedError
    from test_reports_sittings import acceptance_sitting

    meta = json.loads((ACCEPTANCE / scenario / "meta.json").read_text(encoding="utf-8"))
    path = acceptance_sitting(tmp_path / "s.sqlite", scenario, finalize=False)
    exists = {"results": True, "advancement": meta["stage"] != "final",
              "certificates": meta["certified"], "awards": meta["stage"] == "final"}
    with Competition(path) as comp:
        doc = comp.results_document()
        for kind, expected in exists.items():
            out = tmp_path / f"{kind}.pdf"
            if not expected:
                with pytest.raises(RefusedError):
                    write_report(comp, kind, out)
                assert not out.exists()
                continue
            write_report(comp, kind, out)
            reader = pypdf.PdfReader(out)
            assert all(tuple(round(float(v)) for v in p.mediabox[2:]) == (595, 842) for p in reader.pages)  # A4
            pages = upright_pages(out)
            ranked = [r for r in doc["ranking"]["rows"] if r["status"] == "ranked"]
            if kind == "results":
                for row in ranked:
                    (toks,) = lines_for(pages, row["no"])
                    assert strip_marks(toks[0]) == rank_token(row) and row["total"] in toks
            if kind == "certificates":
                text = "\n".join(pages)
                who = people(doc)
                for row in ranked:
                    if row["certificate"] and "certificate" not in row["undecided"]:
                        assert all(who[no]["id_number"] in text for no in row["members"] or [row["no"]])
