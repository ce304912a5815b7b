"""The competition-day sheets (RULES.md §12), printed from small data and read back from
the PDF: titles, masked IDs (never the full number), the seed, no names on score sheets,
the confidential key, late appeals, the publication period; and nothing off the page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re

import pdfplumber
import pytest

from day_sheet_data import (
    CODES, IDS, PEOPLE, SITTING, TEAM_SITTING, appeals_data, checkin_data, draw_data, key_data, many_people,
    score_data,
)
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError, UsageError
from skillscore.rules.privacy import mask_id
from skillscore.reports import DAY_KINDS, write_report
from skillscore.reports.base import MARGIN_X, PAGE_W
from skillscore.reports.daydata import (
    CheckinData, CheckinPerson, DrawData, DrawEntry, KeyData, PublicationData, ScoreSheetsData, ScoreUnit,
)
from test_reports_sittings import all_chars, sittings, table_lines, unrotated  # noqa: F401  (sittings: fixture)

NAMES = [name for _, name, _ in PEOPLE]


def pdf_text(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() for p in pdf.pages]


def write(tmp_path, data, kind: str, lang: str = "zh") -> tuple[int, list[str]]:
    out = tmp_path / f"{kind}-{lang}.pdf"
    pages = write_report(data, kind, out, lang=lang)
    text = pdf_text(out)
    assert len(text) == pages
    assert_inside_margins(out)
    return pages, text


def assert_inside_margins(path) -> None:
    """No character is drawn past the printable area (a banner or a header running off)."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for ch in page.chars:
                assert MARGIN_X - 1 <= ch["x0"] and ch["x1"] <= PAGE_W - MARGIN_X + 1, (ch["text"], ch["x0"], ch["x1"])
                assert ch["top"] >= 0 and ch["bottom"] <= page.height


def row_of(pages: list[str], token: str) -> list[str]:
    """The one line holding ``token``."""
    hits = [toks for toks in table_lines(pages) if token in toks]
    assert len(hits) == 1, (token, hits)
    return hits[0]


# -- 签到表 --------------------------------------------------------------------------------
def test_checkin_sheet_one_group_per_part_ids_masked(tmp_path):
    pages, text = write(tmp_path, checkin_data(), "checkin")
    assert pages == 2
    for page, part in zip(text, ("理论知识", "技能操作")):
        assert "签到表" in page and part in page.splitlines()[2]
        assert "第 1 页 共 1 页" in page and "应到 5 人" in page
        for header in ("编号", "姓名", "身份证号", "工作单位", "场次", "工位号", "签名", "时间"):
            assert header in page
    for no, name, unit in PEOPLE:
        toks = row_of(text[:1], no)
        assert toks[:3] == [no, name, mask_id(IDS[no])]
    # By session then station: the draw's order.
    order = [toks[0] for toks in table_lines(text[:1]) if toks and toks[0] in {p[0] for p in PEOPLE}]
    assert order == ["A004", "A003", "A001", "A005", "A002"]
    assert row_of(text[:1], "A005")[-2:] == ["2", "2"]
    chars = "".join(all_chars(tmp_path / "checkin-zh.pdf"))
    for full in IDS.values():
        assert full not in chars and full[6:14] not in chars  # nor the birth date


def test_checkin_before_the_draw_has_no_session_columns_and_orders_by_number(tmp_path):
    _, text = write(tmp_path, checkin_data(drawn=False), "checkin")
    assert "场次" not in text[0] and "工位号" not in text[0]
    order = [toks[0] for toks in table_lines(text[:1]) if toks and toks[0].startswith("A0")]
    assert order == sorted(order)


def test_checkin_team_event_lists_every_member_with_the_team(tmp_path):
    people = [CheckinPerson("C001", "陈一", IDS["A001"], "北京地铁运营有限公司", team="一号线队"),
              CheckinPerson("C002", "陈二", IDS["A002"], "北京地铁运营有限公司", team="一号线队")]
    _, text = write(tmp_path, CheckinData(TEAM_SITTING, people, parts=("practical",)), "checkin")
    assert len(text) == 1 and "团队" in text[0] and "技能操作" in text[0] and "理论知识" not in text[0]
    assert row_of(text, "C002")[:3] == ["C002", "陈二", mask_id(IDS["A002"])]
    assert text[0].count("一号线队") == 2


def test_checkin_many_people_page_per_part(tmp_path):
    people = many_people(70)
    pages, text = write(tmp_path, CheckinData(SITTING, people), "checkin")
    per_part = pages // 2
    assert pages == 2 * per_part and per_part >= 2
    assert f"第 {per_part} 页 共 {per_part} 页" in text[per_part - 1]
    for part_pages in (text[:per_part], text[per_part:]):
        numbers = [toks[0] for toks in table_lines(part_pages) if toks and re.fullmatch(r"B\d{3}", toks[0])]
        assert numbers == [p.no for p in people]
    assert "应到 70 人" in text[per_part - 1] and "应到 70 人" not in text[0]


def test_checkin_in_english(tmp_path):
    _, text = write(tmp_path, checkin_data(), "checkin", "en")
    for words in ("Check-in sheet", "Theory", "Practical", "Session", "Station", "Signature", "Employer",
                  "Expected 5", "Page 1 of 1"):
        assert words in "\n".join(text), words


# -- 抽签记录表 -----------------------------------------------------------------------------
def test_draw_record_prints_seed_sizes_and_the_worked_example(tmp_path):
    _, text = write(tmp_path, draw_data(), "draw")
    page = text[0]
    assert "抽签记录表" in page and "抽签种子：示例" in page
    assert "工位数 S = 2" in page and "场次数 m = 3" in page and "参加抽签 5 人" in page
    for heading in ("第 1 场（2 人）", "第 2 场（2 人）", "第 3 场（1 人）"):
        assert heading in page
    rows = [toks for toks in table_lines(text) if len(toks) > 2 and toks[1] in CODES]
    assert [(t[0], t[1]) for t in rows] == [("1", "A004"), ("2", "A003"), ("1", "A001"), ("2", "A005"), ("1", "A002")]
    for toks in rows:
        digest = hashlib.sha256(f"示例|{toks[1]}".encode()).hexdigest()[:8]
        assert digest in toks
    for label in ("裁判长：", "监督：", "日期："):
        assert label in page
    assert "首次抽签漏列 A005" in page and "3号工位设备故障" in page


def test_a_hand_draw_says_so_and_has_no_digests(tmp_path):
    _, text = write(tmp_path, dataclasses.replace(draw_data(seed=None), remarks=()), "draw")
    assert "手工抽签" in text[0] and "抽签种子" not in text[0] and "排序值" not in text[0]
    assert "SHA-256" not in text[0]


def test_draw_record_in_english_for_a_team_event(tmp_path):
    data = DrawData(TEAM_SITTING, "0123456789abcdef", 3,
                    [DrawEntry("一号线队", 1, 1, "陈一、陈二"), DrawEntry("二号线队", 1, 2, "刘一、刘二")])
    _, text = write(tmp_path, data, "draw", "en")
    assert "Seed: 0123456789abcdef" in text[0] and "Draw record" in text[0]
    assert "Session 1 (2 teams)" in text[0] and "Team" in text[0]
    assert hashlib.sha256("0123456789abcdef|二号线队".encode()).hexdigest()[:8] in text[0]


# -- 评分表 ---------------------------------------------------------------------------------
def test_score_sheets_one_per_module_and_judge_codes_only(tmp_path):
    pages, text = write(tmp_path, score_data(), "scoresheets")
    assert pages == 6  # 2 modules × 3 judges, one page each
    subtitles = [page.splitlines()[2] for page in text]
    assert subtitles == [f"裁判 {j} · {m}" for m in ("实操（满分 70）", "答辩（满分 30）") for j in (1, 2, 3)]
    everything = "".join(all_chars(tmp_path / "scoresheets-zh.pdf"))
    for no, name, unit in PEOPLE:
        assert name not in everything and no not in everything and unit not in everything
    for page in text:
        codes = [t for toks in table_lines([page]) for t in toks if t in CODES.values()]
        # session and station order: A004, A003 | A001, A005 | A002
        assert codes == [CODES[k] for k in ("A004", "A003", "A001", "A005", "A002")]
        for words in ("评分号", "得分", "评分裁判：", "裁判长：", "已加密：按评分号评分", "第 1 页 共 1 页"):
            assert words in page


def test_unsealed_score_sheet_lists_numbers_without_names(tmp_path):
    _, text = write(tmp_path, score_data(sealed=False, judges=1, modules=()), "scoresheets")
    assert len(text) == 1
    page = text[0]
    assert "技能操作（满分 100）" in page and "裁判 1" not in page and "已加密" not in page
    numbers = [t for toks in table_lines(text) for t in toks if t in CODES]
    assert numbers == ["A004", "A003", "A001", "A005", "A002"]
    assert not any(name in page for name in NAMES)


def test_score_sheets_of_many_units_number_pages_per_judge(tmp_path):
    units = [ScoreUnit(f"{k:04d}") for k in range(1, 61)]
    data = ScoreSheetsData(SITTING, True, units, judges=2)
    pages, text = write(tmp_path, data, "scoresheets", "en")
    per_judge = pages // 2
    assert per_judge >= 2 and pages == 2 * per_judge
    assert text[0].splitlines()[2] == "Judge 1 · Practical (out of 100)"
    assert text[per_judge].splitlines()[2] == "Judge 2 · Practical (out of 100)"
    assert f"Page {per_judge} of {per_judge}" in text[pages - 1]
    assert "Chief judge:" in text[per_judge - 1] and "Chief judge:" not in text[0]


# -- 加密对照表 ------------------------------------------------------------------------------
def test_key_sheet_is_confidential_and_in_code_order(tmp_path):
    _, text = write(tmp_path, key_data(printing=2), "key")
    page = text[0]
    assert "加密对照表" in page and "机密" in page and "解密前不得拆封" in page and "第 2 次打印" in page
    rows = [toks for toks in table_lines(text) if len(toks) > 3 and toks[1] in CODES.values()]
    assert [t[1] for t in rows] == sorted(CODES.values())
    assert all(CODES[t[2]] == t[1] and t[3] == dict((p[0], p[1]) for p in PEOPLE)[t[2]] for t in rows)


def test_long_key_sheet_marks_every_page_confidential(tmp_path):
    from skillscore.reports.daydata import KeyEntry

    data = KeyData(SITTING, [KeyEntry(f"{k:04d}", f"B{k:03d}", f"选手{k}") for k in range(1, 90)])
    pages, text = write(tmp_path, data, "key", "en")
    assert pages >= 2
    assert all("CONFIDENTIAL" in page for page in text)


# -- 申诉处理登记表 -----------------------------------------------------------------------------
def test_appeals_register_lists_decisions_late_flag_and_changes(tmp_path):
    _, text = write(tmp_path, appeals_data(), "appeals")
    page = text[0]
    assert "申诉处理登记表" in page
    # An appeal's first line starts with its number (a wrapped reason's lines do not).
    starts = {toks[1]: toks for toks in table_lines(text) if len(toks) > 1 and toks[0].isdigit()}
    first, second, third = (starts[no] for no in ("A003", "A004", "A001"))
    assert first[0] == "1" and "申诉成立" in first and "逾期" not in first
    assert second[0] == "2" and "申诉驳回" in second and "逾期" in page.split("A004")[1].split("A001")[0]
    assert third[0] == "3" and "待裁决" in third
    assert "80.00 → 82.50" in page and "缺考 → 61.00" in page
    assert "申诉 3 件：成立 1，驳回 1，待裁决 1；其中逾期 1 件" in page
    for label in ("仲裁组长：", "裁判长：", "监督：", "日期："):
        assert label in page
    assert "2025-09-20" in page and "19:05" in page


def test_appeals_while_sealed_never_print_a_practical_mark(tmp_path):
    _, text = write(tmp_path, appeals_data(sealed=True), "appeals", "en")
    page = text[0]
    assert "80.00" not in page and "82.50" not in page
    assert "A003 Practical" in page and "A003 Theory" in page
    assert page.count("Sealed: shown after") == 1
    assert "Absent → 61.00" in page and "LATE" in page and "Upheld" in page


# -- 成绩公示 ---------------------------------------------------------------------------------
def test_publication_results_masked_period_and_where_to_appeal(sittings, tmp_path):
    with Competition(sittings["final_prelim"]) as comp:
        doc = comp.finalized_document()
        data = PublicationData(comp, dt.date(2025, 9, 22), "东城区总工会（东城区某某路 1 号），电话 010-12345678")
        pages, text = write(tmp_path, data, "publication")
    joined = "\n".join(text)
    assert "成绩公示" in text[0] and "已定稿" in text[0]
    assert "公示期：2025年9月22日至2025年9月26日（5 天）" in joined
    assert "请于公示期内提出：东城区总工会" in joined
    chars = "".join(all_chars(tmp_path / "publication-zh.pdf"))
    for person in doc["contestants"]:
        assert person["id_number"] not in chars
        assert mask_id(person["id_number"]) in joined
        if person.get("phone"):
            assert person["phone"] not in chars
    ranked = [r for r in doc["ranking"]["rows"] if r["status"] == "ranked"]
    for row in ranked:
        toks = row_of(text, row["no"])
        assert toks[2] == row["name"] and row["total"] in toks
    assert comp_fingerprint(sittings["final_prelim"]) in joined
    with pdfplumber.open(tmp_path / "publication-zh.pdf") as pdf:  # no watermark: nothing drawn rotated
        assert all(unrotated(ch) for page in pdf.pages for ch in page.chars)


def comp_fingerprint(path) -> str:
    with Competition(path) as comp:
        return comp.info().fingerprint


def test_publication_period_in_english_with_other_length(sittings, tmp_path):
    with Competition(sittings["final_team"]) as comp:
        data = PublicationData(comp, dt.date(2025, 11, 24), "the committee office, room 301", days=7)
        _, text = write(tmp_path, data, "publication", "en")
    joined = "\n".join(text)
    assert "Publication period: 2025-11-24 to 2025-11-30 (7 days)" in joined
    assert "the committee office, room 301" in joined


def test_publication_refuses_a_draft(sittings, tmp_path):
    with Competition(sittings["draft_prelim"]) as comp:
        with pytest.raises(RefusedError) as err:
            write_report(PublicationData(comp, dt.date(2025, 9, 22), "组委会办公室"), "publication", tmp_path / "p.pdf")
    assert err.value.code == "report_publication_draft"
    assert not (tmp_path / "p.pdf").exists()


# -- edges ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, data", [
    ("checkin", CheckinData(SITTING, [])),
    ("draw", DrawData(SITTING, "abc", 4, [])),
    ("scoresheets", ScoreSheetsData(SITTING, True, [])),
    ("key", KeyData(SITTING, [])),
    ("appeals", dataclasses.replace(appeals_data(), appeals=[])),
])
def test_empty_sheets_print_with_none_and_their_signatures(tmp_path, kind, data):
    pages, text = write(tmp_path, data, kind)
    assert pages == (2 if kind == "checkin" else 1)
    assert all("（无）" in page and "第 1 页 共 1 页" in page for page in text)


# -- dispatch ---------------------------------------------------------------------------------
def test_every_day_kind_is_dispatched_and_checks_its_data(tmp_path):
    assert DAY_KINDS == ("checkin", "draw", "scoresheets", "key", "appeals", "publication")
    with pytest.raises(UsageError) as err:
        write_report(key_data(), "scoresheets", tmp_path / "x.pdf")
    assert err.value.code == "report_day_data"
    assert "ScoreSheetsData" in err.value.message("en")
    with pytest.raises(UsageError):
        write_report(key_data(), "key", tmp_path / "x.xlsx")
    with pytest.raises(UsageError):
        write_report(key_data(), "key", tmp_path / "x.pdf", with_statistics=True)
    assert list(tmp_path.iterdir()) == []
