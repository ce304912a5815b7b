"""Eligibility rules (RULES.md §9): ID numbers, retirement age, who may compete."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore.errors import Problem
from skillscore.messages import render
from skillscore.rules.eligibility import (
    EligibilityError,
    IdInfo,
    add_months,
    check_character,
    check_eligibility,
    month_days,
    normalise_category,
    parse_id_number,
    retirement_age_months,
    retirement_date,
)

D = dt.date


def make_id(birth: dt.date, sex: str = "男", region: str = "110101", seq: str = "12") -> str:
    """A valid ID number: region, birth date, two sequence digits, sex digit, check digit."""
    sex_digit = "3" if sex == "男" else "4"
    first17 = f"{region}{birth:%Y%m%d}{seq}{sex_digit}"
    return first17 + check_character(first17)


def person(birth: dt.date, sex: str) -> IdInfo:
    return parse_id_number(make_id(birth, sex))


# --- ID numbers -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, birth, sex",
    [
        ("11010519491231002X", D(1949, 12, 31), "女"),  # the GB 11643 example, check X
        ("11010519491231002x", D(1949, 12, 31), "女"),  # lower-case x accepted
        (" 110105 19491231002X ", D(1949, 12, 31), "女"),  # stray spaces removed
        ("１１０１０５１９４９１２３１００２Ｘ", D(1949, 12, 31), "女"),  # full-width
        ("440524188001010014", D(1880, 1, 1), "男"),  # another published example
        (make_id(D(2000, 2, 29), "男"), D(2000, 2, 29), "男"),  # leap day
        (make_id(D(1970, 1, 1), "女", region="999999"), D(1970, 1, 1), "女"),  # any region
    ],
)
def test_valid_ids_parse(text, birth, sex):
    info = parse_id_number(text)
    assert info.birth_date == birth
    assert info.sex == sex
    assert len(info.id_number) == 18 and info.id_number == info.id_number.upper()
    assert info.region == info.id_number[:6]


@pytest.mark.parametrize(
    "text, code, params",
    [
        ("11010519491231002", "id_length", {"length": 17}),
        ("11010519491231002X1", "id_length", {"length": 19}),
        ("", "id_length", {"length": 0}),
        ("1101051949123100X2", "id_characters", {}),  # X only allowed last
        ("11010519491231002Y", "id_characters", {}),
        ("11010519491231002-", "id_characters", {}),
        ("11010519491231002?", "id_characters", {}),
        ("110105194912310021", "id_check_digit", {"expected": "X"}),
        ("110105194912310020", "id_check_digit", {"expected": "X"}),
        ("440524188001010015", "id_check_digit", {"expected": "4"}),
        ("110105194902300021", "id_birth_date", {"birth": "19490230"}),  # 30 Feb
        ("110105190102290021", "id_birth_date", {"birth": "19010229"}),  # 1901 not leap
        ("110105199013010021", "id_birth_date", {"birth": "19901301"}),  # month 13
    ],
)
def test_invalid_ids_are_refused_with_a_code(text, code, params):
    with pytest.raises(ValueError) as caught:
        parse_id_number(text)
    err = caught.value
    assert isinstance(err, EligibilityError)
    assert err.args[0] == code == err.code
    for key, value in params.items():
        assert err.params[key] == value
    # every code has a message in both languages; the error maps onto a Problem
    problem = Problem(err.code, file="r.csv", row=2, column="身份证号", value=err.value, params=err.params)
    assert err.value == "".join(text.split()).upper() or code == "id_length" and text == ""
    zh, en = problem.message("zh"), problem.message("en")
    assert zh.startswith("文件 r.csv 第 2 行 「身份证号」列：") and en.startswith("file r.csv, row 2")
    assert "{" not in zh + en and err.value in zh and err.value in en


def test_check_digit_message_names_the_expected_character():
    with pytest.raises(EligibilityError) as caught:
        parse_id_number("110105194912310021")
    err = caught.value
    assert render("id_check_digit", "zh", value=err.value, **err.params).startswith(
        "身份证号校验位错误：110105194912310021（应为 X）"
    )


@given(
    birth=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
    region=st.from_regex(r"[1-9][0-9]{5}", fullmatch=True),
    seq=st.from_regex(r"[0-9]{3}", fullmatch=True),
    lower=st.booleans(),
)
def test_any_valid_id_round_trips(birth, region, seq, lower):
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    text = first17 + check_character(first17)
    info = parse_id_number(text.lower() if lower else text)
    assert info.id_number == text
    assert info.birth_date == birth
    assert info.sex == ("男" if int(seq[-1]) % 2 else "女")
    assert info.region == region


@given(
    birth=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
    seq=st.from_regex(r"[0-9]{3}", fullmatch=True),
    wrong=st.sampled_from("0123456789X"),
)
def test_any_other_check_character_is_refused(birth, seq, wrong):
    first17 = f"110101{birth:%Y%m%d}{seq}"
    if wrong == check_character(first17):
        return
    with pytest.raises(EligibilityError, match="id_check_digit"):
        parse_id_number(first17 + wrong)


# --- retirement age -------------------------------------------------------------------

@pytest.mark.parametrize(
    "sex, category, birth, months",
    [
        # the examples in RULES.md §9
        ("男", None, D(1965, 3, 10), 60 * 12 + 1),
        ("男", None, D(1971, 6, 1), 61 * 12 + 8),
        ("女", "女工人", D(1976, 2, 1), 50 * 12 + 7),
        ("女", "女干部", D(1980, 12, 1), 57 * 12 + 9),
        ("女", "女干部", D(1982, 3, 1), 58 * 12),
        # men: last unaffected month, first affected, steps of 4 months, the cap
        ("男", None, D(1964, 12, 31), 720),
        ("男", None, D(1965, 1, 1), 721),
        ("男", None, D(1965, 4, 30), 721),
        ("男", None, D(1965, 5, 1), 722),
        ("男", None, D(1976, 8, 1), 720 + 35),  # m = 139
        ("男", None, D(1976, 9, 1), 720 + 36),  # m = 140: first month at the cap
        ("男", None, D(1976, 12, 1), 720 + 36),  # m = 143
        ("男", None, D(1977, 1, 1), 720 + 36),  # capped beyond
        ("男", None, D(1990, 1, 1), 756),
        ("男", "女干部", D(1965, 1, 1), 721),  # a category means nothing for men
        # women cadres
        ("女", "女干部", D(1969, 12, 31), 660),
        ("女", "女干部", D(1970, 1, 1), 661),
        ("女", "女干部", D(1970, 5, 1), 662),
        ("女", "女干部", D(1981, 8, 1), 660 + 35),
        ("女", "女干部", D(1981, 9, 1), 660 + 36),
        ("女", "女干部", D(1995, 1, 1), 696),
        # women workers: one more month every two
        ("女", "女工人", D(1974, 12, 31), 600),
        ("女", "女工人", D(1975, 1, 1), 601),
        ("女", "女工人", D(1975, 2, 28), 601),
        ("女", "女工人", D(1975, 3, 1), 602),
        ("女", "女工人", D(1984, 10, 1), 600 + 59),  # m = 117
        ("女", "女工人", D(1984, 11, 1), 600 + 60),  # m = 118: first month at the cap
        ("女", "女工人", D(1984, 12, 1), 600 + 60),
        ("女", "女工人", D(1995, 1, 1), 660),
        # aliases
        ("女", "cadre", D(1970, 1, 1), 661),
        ("女", "Worker", D(1975, 1, 1), 601),
        ("女", " 工人 ", D(1975, 1, 1), 601),
    ],
)
def test_retirement_age_months(sex, category, birth, months):
    assert retirement_age_months(sex, category, birth) == months


@pytest.mark.parametrize("category", [None, "", "  "])
def test_a_woman_needs_a_category_for_her_retirement_age(category):
    with pytest.raises(EligibilityError, match="category_required"):
        retirement_age_months("女", category, D(1975, 1, 1))


@pytest.mark.parametrize(
    "text, expected",
    [("女干部", "女干部"), ("女工人", "女工人"), ("CADRE", "女干部"), ("worker", "女工人"),
     ("", None), (None, None), ("  ", None)],
)
def test_normalise_category(text, expected):
    assert normalise_category(text) == expected


@pytest.mark.parametrize("text", ["干", "女", "管理岗", "staff"])
def test_unknown_category_is_refused(text):
    with pytest.raises(EligibilityError, match="category_invalid"):
        normalise_category(text)


def test_unknown_sex_is_refused():
    with pytest.raises(EligibilityError, match="sex_invalid"):
        retirement_age_months("M", None, D(1970, 1, 1))


@pytest.mark.parametrize(
    "birth, months, expected",
    [
        (D(1965, 3, 10), 721, D(2025, 4, 10)),
        (D(1965, 1, 31), 721, D(2025, 2, 28)),  # clamped to the month's end
        (D(1967, 1, 31), 721, D(2027, 2, 28)),
        (D(1964, 1, 31), 721, D(2024, 2, 29)),  # a leap year's February
        (D(1970, 8, 31), 661, D(2025, 9, 30)),
        (D(1976, 2, 29), 600, D(2026, 2, 28)),  # leap-day birth, common-year birthday
        (D(1976, 2, 29), 612, D(2027, 2, 28)),
        (D(1976, 2, 29), 648, D(2030, 2, 28)),
        (D(1976, 2, 29), 624, D(2028, 2, 29)),  # and a leap-year one
        (D(1975, 12, 15), 1, D(1976, 1, 15)),  # across a year end
        (D(1975, 12, 15), 0, D(1975, 12, 15)),
    ],
)
def test_retirement_date(birth, months, expected):
    assert retirement_date(birth, months) == expected
    assert add_months(birth, months) == expected


def test_month_lengths_are_the_calendars():
    import calendar

    years = [1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999]
    assert [month_days(y, m) for y in years for m in range(1, 13)] == \
        [calendar.monthrange(y, m)[1] for y in years for m in range(1, 13)]


# --- who may compete ------------------------------------------------------------------

STAGE = D(2025, 9, 1)


@pytest.mark.parametrize(
    "birth, sex, category, stage, expected",
    [
        # born on or before 2006-12-31
        (D(2006, 12, 31), "男", None, STAGE, []),
        (D(2007, 1, 1), "男", None, STAGE, ["born_too_late"]),
        (D(2007, 1, 1), "女", None, STAGE, ["born_too_late"]),
        # man born 1965-03-10 retires 60y1m later: 2025-04-10
        (D(1965, 3, 10), "男", None, D(2025, 4, 9), []),
        (D(1965, 3, 10), "男", None, D(2025, 4, 10), ["past_retirement"]),
        # last unaffected man: 60 exactly
        (D(1964, 12, 31), "男", None, D(2024, 12, 30), []),
        (D(1964, 12, 31), "男", None, D(2024, 12, 31), ["past_retirement"]),
        # a man at the cap: 63 years
        (D(1977, 5, 31), "男", None, D(2040, 5, 30), []),
        (D(1977, 5, 31), "男", None, D(2040, 5, 31), ["past_retirement"]),
        # born on the 31st, retirement month shorter: clamped to its end
        (D(1965, 1, 31), "男", None, D(2025, 2, 27), []),
        (D(1965, 1, 31), "男", None, D(2025, 2, 28), ["past_retirement"]),
        # women workers: born 1976-02-01 retires at 50y7m = 2026-09-01
        (D(1976, 2, 1), "女", "女工人", D(2026, 8, 31), []),
        (D(1976, 2, 1), "女", "女工人", D(2026, 9, 1), ["past_retirement"]),
        (D(1974, 12, 31), "女", "女工人", D(2024, 12, 30), []),
        (D(1974, 12, 31), "女", "女工人", D(2024, 12, 31), ["past_retirement"]),
        (D(1975, 1, 1), "女", "worker", D(2025, 1, 31), []),
        (D(1975, 1, 1), "女", "worker", D(2025, 2, 1), ["past_retirement"]),
        (D(1984, 11, 1), "女", "女工人", D(2039, 10, 31), []),  # capped at 55
        (D(1984, 11, 1), "女", "女工人", D(2039, 11, 1), ["past_retirement"]),
        # women cadres: born 1980-12-01 retires at 57y9m = 2038-09-01
        (D(1980, 12, 1), "女", "女干部", D(2038, 8, 31), []),
        (D(1980, 12, 1), "女", "女干部", D(2038, 9, 1), ["past_retirement"]),
        (D(1969, 12, 31), "女", "cadre", D(2024, 12, 30), []),
        (D(1969, 12, 31), "女", "cadre", D(2024, 12, 31), ["past_retirement"]),
        (D(1982, 3, 1), "女", "女干部", D(2040, 2, 29), []),  # capped at 58
        (D(1982, 3, 1), "女", "女干部", D(2040, 3, 1), ["past_retirement"]),
        # the same woman is eligible as a cadre and not as a worker
        (D(1975, 6, 1), "女", "女干部", STAGE, []),
        (D(1975, 6, 1), "女", "女工人", STAGE, ["past_retirement"]),
        # leap-day birth: 50 on 2026-02-28 (no 29th), retirement as a worker at 50y7m
        (D(1976, 2, 29), "女", "女工人", D(2026, 9, 28), []),
        (D(1976, 2, 29), "女", "女工人", D(2026, 9, 29), ["past_retirement"]),
        # no category: matters only from age 50 ...
        (D(1976, 2, 29), "女", None, D(2026, 2, 27), []),
        (D(1976, 2, 29), "女", None, D(2026, 2, 28), ["category_required"]),
        (D(1980, 1, 1), "女", None, STAGE, []),
        (D(1975, 6, 1), "女", None, STAGE, ["category_required"]),
        (D(1975, 6, 1), "女", "", STAGE, ["category_required"]),
        # ... and not once she is past retirement in both groups (cadre: 55y1m)
        (D(1970, 2, 15), "女", None, D(2025, 3, 14), ["category_required"]),
        (D(1970, 2, 15), "女", None, D(2025, 3, 15), ["past_retirement"]),
        (D(1960, 1, 1), "女", None, STAGE, ["past_retirement"]),
    ],
)
def test_check_eligibility(birth, sex, category, stage, expected):
    assert check_eligibility(person(birth, sex), category, stage) == expected


def test_eligibility_refuses_an_unknown_category_for_a_woman():
    with pytest.raises(EligibilityError, match="category_invalid"):
        check_eligibility(person(D(1975, 6, 1), "女"), "退休", STAGE)


@pytest.mark.parametrize("code", ["born_too_late", "past_retirement", "category_required"])
def test_every_eligibility_code_has_a_message_naming_the_row(code):
    problem = Problem(code, file="r.xlsx", row=7, column="身份证号", value="11010519491231002X")
    zh, en = problem.message("zh"), problem.message("en")
    assert zh.startswith("文件 r.xlsx 第 7 行 「身份证号」列：") and "{" not in zh
    assert en.startswith("file r.xlsx, row 7, column '身份证号': ") and "{" not in en
    if code != "category_required":
        assert "11010519491231002X" in zh and "11010519491231002X" in en


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(birth=st.dates(dt.date(1945, 1, 1), dt.date(2010, 12, 31)), female=st.booleans(),
       category=st.sampled_from([None, "", "女工人", "女干部", "cadre", "学生"]),
       stage=st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)))
def test_the_shortcut_for_the_young_answers_what_the_whole_rule_answers(birth, female, category, stage, monkeypatch):
    """check_eligibility skips the retirement dates of anyone younger than every rule's age;
    with the shortcut switched off (0 months) every answer, refusal included, is the same."""
    from skillscore.rules import eligibility

    info = eligibility.IdInfo("1" * 18, birth, eligibility.FEMALE if female else eligibility.MALE, "110101")

    def answer():
        try:
            return eligibility.check_eligibility(info, category, stage)
        except eligibility.EligibilityError as exc:
            return exc.code

    quick = answer()
    with monkeypatch.context() as m:
        m.setattr(eligibility, "_YOUNGEST_RULE_MONTHS", 0)
        assert answer() == quick
