"""The pieces under the sheets: ID masking, line breaking of Chinese text, pagination."""

from __future__ import annotations

import pytest

from skillscore.rules.privacy import mask_id
from skillscore.reports.table import CARRY_ROWS, Laid, Row, Section, Wrapper, paginate


@pytest.mark.parametrize("given,shown", [
    ("11010119900307123X", "110101********123X"),
    ("110101199003071234", "110101********1234"),
    (" 110101199003071234 ", "110101********1234"),
    ("1101011990", "**********"),  # too short to hide anything while showing 6 + 4
    ("", ""),
    (None, ""),
])
def test_mask_id_shows_first_six_and_last_four(given, shown):
    assert mask_id(given) == shown


def test_a_masked_id_hides_the_birth_date():
    masked = mask_id("110101199003071234")
    assert "19900307" not in masked and len(masked) == 18


# Every character one unit wide: easy to reason about line lengths.
def unit_width(text: str, size: float) -> float:
    return float(len(text))


@pytest.mark.parametrize("text,width,lines", [
    ("北京汽车集团有限公司", 20, ["北京汽车集团有限公司"]),
    ("北京汽车集团有限公司", 4, ["北京汽车", "集团有限", "公司"]),
    # A closing bracket never starts a line: it takes the character before it along.
    ("北京京东（集团）有限公司", 7, ["北京京东（集", "团）有限公司"]),
    # Numbers, Latin words and masked IDs stay whole when they fit on a line.
    ("编号 A1234 合格", 6, ["编号", "A1234", "合格"]),
    ("1234–1235⚠", 6, ["1234–", "1235⚠"]),
    # …and an opening bracket never ends one.
    ("Subsidy (yuan)", 9, ["Subsidy", "(yuan)"]),
    ("北京（集团）", 3, ["北京", "（集", "团）"]),
    # A run longer than the column is broken anyway (nothing is cut off).
    ("ABCDEFGHIJ", 4, ["ABCD", "EFGH", "IJ"]),
    ("", 4, [""]),
])
def test_wrapping(text, width, lines):
    assert Wrapper(unit_width).wrap(text, width, 8) == lines


def test_wrapping_loses_no_character():
    text = "中铁电气化局集团北京建安工程有限公司第三分公司（北京市丰台区）"
    for width in range(2, 40):
        out = Wrapper(unit_width).wrap(text, width, 8)
        assert "".join(out) == text
        assert all(len(line) <= width + 1 for line in out)  # +1: a bracket pulled back


def rows(n: int, height: float = 10.0) -> list[Laid]:
    return [Laid(Row((str(i),)), [[str(i)]], height) for i in range(n)]


def continued(section: Section) -> Laid:
    return Laid(Section(section.title + "（续）"), [[section.title]], 10.0)


def test_pages_fill_up_and_keep_the_order():
    plan = paginate(rows(25), first_room=100, room=120, closing=30, continued=continued)
    sizes = [len(p) for p in plan.pages]
    assert sizes[0] == 10 and sizes[1] == 12
    assert [l.item.cells[0] for p in plan.pages for l in p] == [str(i) for i in range(25)]


def test_a_section_heading_never_ends_a_page_and_is_repeated_when_continued():
    body = rows(9) + [Laid(Section("三级"), [["三级"]], 10.0)] + rows(15)
    plan = paginate(body, first_room=100, room=100, closing=0, continued=continued)
    assert not isinstance(plan.pages[0][-1].item, Section)
    assert isinstance(plan.pages[1][0].item, Section) and plan.pages[1][0].item.title == "三级"
    assert isinstance(plan.pages[2][0].item, Section) and plan.pages[2][0].item.title == "三级（续）"


def test_signatures_never_stand_alone_on_a_page():
    # 10 rows fill page 1 exactly; the closing block does not fit under them.
    plan = paginate(rows(10), first_room=100, room=100, closing=50, continued=continued)
    assert len(plan.pages) == 2 and len(plan.pages[1]) == CARRY_ROWS
    assert not plan.closing_on_new_page


def test_closing_block_goes_under_the_table_when_it_fits():
    plan = paginate(rows(5), first_room=100, room=100, closing=50, continued=continued)
    assert len(plan.pages) == 1 and not plan.closing_on_new_page
