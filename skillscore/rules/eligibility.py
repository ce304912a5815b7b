"""Who may compete: resident ID numbers and the legal retirement age (RULES.md §9).

Pure functions of their arguments: the stage date is passed in, the clock is never read.
The ID check digit is our own code (GB 11643, ISO 7064 MOD 11-2) rather than
python-stdnum's, which rejects valid IDs of older people whose region codes were retired;
for the same reason the region code is not checked against any list.
"""

from __future__ import annotations

from typing import NamedTuple

import datetime as dt
from operator import mul

from ..messages import register

LATEST_BIRTH_DATE = dt.date(2006, 12, 31)  # 三(三): 2007年1月1日以前出生
MALE, FEMALE = "男", "女"
CADRE, WORKER = "女干部", "女工人"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"  # index = weighted sum mod 11

# Accepted spellings of 人员类别. Besides the documented values and English aliases we take
# the bare 干部/工人, which clerks often type when the column already implies a woman.
_CATEGORY_ALIASES = {
    "女干部": CADRE,
    "干部": CADRE,
    "cadre": CADRE,
    "女工人": WORKER,
    "工人": WORKER,
    "worker": WORKER,
}


class _Group(NamedTuple):
    """One row of the table in RULES.md §9 (NPC Standing Committee decision, 2024-09-13)."""

    original_years: int
    first_affected: tuple[int, int]  # (year, month) of the first birth month affected
    months_per_step: int  # extra months = m // months_per_step + 1
    cap_months: int


_MEN = _Group(60, (1965, 1), 4, 36)
_WOMEN_CADRE = _Group(55, (1970, 1), 4, 36)
_WOMEN_WORKER = _Group(50, (1975, 1), 2, 60)
_GROUPS = {MALE: _MEN, CADRE: _WOMEN_CADRE, WORKER: _WOMEN_WORKER}
# Below this age no rule below can apply: every group's age only grows from its original one,
# and a missing category matters from 50 (check_eligibility). Most of a roster is younger,
# so a 10,000-row import skips working out their retirement dates.
_YOUNGEST_RULE_MONTHS = min(50 * 12, *(g.original_years * 12 for g in _GROUPS.values()))


class EligibilityError(ValueError):
    """A value the rules cannot work with. ``args[0]`` is the message code.

    ``value`` is kept apart from ``params`` so the pair maps straight onto
    ``Problem(err.code, value=err.value, params=err.params, ...)``.
    """

    def __init__(self, code: str, value: str | None = None, **params: object):
        super().__init__(code)
        self.code = code
        self.value = value
        self.params = params


class IdInfo(NamedTuple):
    """What a checked resident ID number says (GB 11643): the birth date, sex and region code it holds."""

    id_number: str  # 18 characters, check character upper-case
    birth_date: dt.date
    sex: str  # 男 / 女
    region: str  # first six digits, unchecked (retired codes stay valid)


# Full-width digits and Ｘ/ｘ, in case an ID arrives without the table reader's cleaning.
_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)} | {0xFF38: "X", 0xFF58: "X"}


def check_character(first17: str) -> str:
    """The 18th character that GB 11643 requires after these 17 digits."""
    if len(first17) != len(_WEIGHTS):
        raise ValueError(f"{len(first17)} digits, not 17")
    total = sum(map(mul, map(int, first17), _WEIGHTS))  # in C: a roster checks 10,000 of these
    return _CHECK_CHARS[total % 11]


def parse_id_number(text: str) -> IdInfo:
    """Parse and check an 18-character resident ID number; raise EligibilityError."""
    value = "".join(str(text).translate(_TO_ASCII).split()).upper()
    if len(value) != 18:
        raise EligibilityError("id_length", value=value, length=len(value))
    if not (value[:17].isascii() and value[:17].isdigit() and value[17] in "0123456789X"):
        raise EligibilityError("id_characters", value=value)
    digits = value[6:14]
    try:
        birth = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise EligibilityError("id_birth_date", value=value, birth=digits) from None
    expected = check_character(value[:17])
    if value[17] != expected:
        raise EligibilityError("id_check_digit", value=value, expected=expected)
    sex = MALE if int(value[16]) % 2 else FEMALE
    return IdInfo(id_number=value, birth_date=birth, sex=sex, region=value[:6])


def normalise_category(text: str | None) -> str | None:
    """'女干部' / '女工人' (or an alias) -> the Chinese value; empty -> None."""
    if text is None:
        return None
    key = "".join(str(text).split()).casefold()
    if not key:
        return None
    if key in _CATEGORY_ALIASES:
        return _CATEGORY_ALIASES[key]
    raise EligibilityError("category_invalid", value=str(text).strip())


def retirement_age_months(sex: str, category: str | None, birth_date: dt.date) -> int:
    """The legal retirement age in months for this person (RULES.md §9).

    ``category`` matters only for women; a woman without one raises
    EligibilityError('category_required') because the two groups differ.
    """
    if sex == MALE:
        group = _MEN
    elif sex == FEMALE:
        cat = normalise_category(category)
        if cat is None:
            raise EligibilityError("category_required")
        group = _GROUPS[cat]
    else:
        raise EligibilityError("sex_invalid", value=sex)
    base = group.original_years * 12
    first_year, first_month = group.first_affected
    m = (birth_date.year - first_year) * 12 + (birth_date.month - first_month)
    if m < 0:
        return base
    return base + min(m // group.months_per_step + 1, group.cap_months)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; a day past the target month's end becomes its last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, month_days(year, month)))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without loading the calendar module (~3 ms
    of every roster import)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def retirement_date(birth_date: dt.date, months: int) -> dt.date:
    """The day the retirement age is reached: the first day the person is no longer eligible.

    Born on the 31st (or 29 February) and the target month is shorter: its last day.
    """
    return add_months(birth_date, months)


def _retirement_dates(info: IdInfo, category: str | None) -> list[dt.date]:
    """One date when the group is known; for a woman without a category, both groups'."""
    cat = normalise_category(category) if info.sex == FEMALE else None
    if info.sex == FEMALE and cat is None:
        cats: list[str | None] = [WORKER, CADRE]
    else:
        cats = [cat]
    birth = info.birth_date
    return [retirement_date(birth, retirement_age_months(info.sex, c, birth)) for c in cats]


def check_eligibility(info: IdInfo, category: str | None, stage_date: dt.date) -> list[str]:
    """Codes of the rules this person breaks on ``stage_date`` ([] = eligible).

    - 'born_too_late': born after 2006-12-31.
    - 'past_retirement': stage_date on or after birth + retirement age. For a woman without
      a category this is reported only if she is past it in both groups (then the
      category cannot change the answer).
    - 'category_required': a woman aged 50 or more on the stage date (the roster contract's
      rule; below 50 neither group can have retired her) whose category is empty,
      unless she is past retirement in both groups.
    An unrecognised category raises EligibilityError('category_invalid').
    """
    problems = []
    # Too young is all there is to say of one born too late; and the age arithmetic below
    # cannot reach past year 9999 (an ID number may claim a birth in 9999).
    too_young = info.birth_date > LATEST_BIRTH_DATE
    if too_young:
        problems.append("born_too_late")
    if too_young or stage_date < add_months(info.birth_date, _YOUNGEST_RULE_MONTHS):
        if category is not None and info.sex == FEMALE:
            normalise_category(category)  # an unknown category is refused at any age
        return problems
    dates = _retirement_dates(info, category)
    if stage_date >= max(dates):
        problems.append("past_retirement")
    elif len(dates) > 1 and stage_date >= add_months(info.birth_date, 50 * 12):
        problems.append("category_required")
    return problems


register(
    {
        "id_length": (
            "身份证号应为 18 位，此处为 {length} 位：{value}。请对照身份证核对后重新填写。",
            "The ID number must have 18 characters, this one has {length}: {value}. "
            "Check it against the ID card and enter it again.",
        ),
        "id_characters": (
            "身份证号含有无效字符：{value}。前 17 位只能是数字，最后一位是数字或 X。"
            "请对照身份证核对后重新填写。",
            "The ID number contains invalid characters: {value}. The first 17 must be digits, "
            "the last a digit or X. Check it against the ID card and enter it again.",
        ),
        "id_birth_date": (
            "身份证号中的出生日期 {birth} 不是有效日期：{value}。请对照身份证核对后重新填写。",
            "The birth date {birth} in the ID number is not a real date: {value}. "
            "Check it against the ID card and enter it again.",
        ),
        "id_check_digit": (
            "身份证号校验位错误：{value}（应为 {expected}）。多为其中某一位录入有误，"
            "请对照身份证逐位核对，不要只改最后一位。",
            "ID number check digit is wrong: {value} (expected {expected}). Usually another "
            "character was mistyped: check every character against the ID card, not just "
            "the last one.",
        ),
        "category_invalid": (
            "人员类别只能填写“女干部”或“女工人”（男选手可留空）：{value}。",
            "The category (人员类别) must be 女干部 (cadre) or 女工人 (worker), or empty "
            "for men: {value}.",
        ),
        "category_required": (
            "女选手年满 50 周岁，须填写人员类别（女干部 或 女工人）才能确定法定退休年龄。"
            "请在「人员类别」列填写后重新导入。",
            "This contestant is a woman aged 50 or more: fill in the category (女干部 cadre "
            "or 女工人 worker) so her legal retirement age can be determined, then import "
            "again.",
        ),
        "sex_invalid": (
            "性别只能是“男”或“女”：{value}。",
            "Sex must be 男 (male) or 女 (female): {value}.",
        ),
        # The three codes of check_eligibility name only the ID number ({value}): the rule
        # is in the text, and the birth date can be read from the number itself.
        "born_too_late": (
            "出生日期晚于 2006年12月31日，不符合参赛条件（须 2007年1月1日以前出生）：{value}。"
            "请核对身份证号；确属特殊情况，须由组委会写明理由准予参赛。",
            "Born after 2006-12-31: contestants must be born before 2007-01-01 ({value}). "
            "Check the ID number; only the committee may admit this contestant, with a "
            "written reason.",
        ),
        "past_retirement": (
            "比赛日期已达到法定退休年龄，不符合参赛条件：{value}。请核对身份证号和人员类别"
            "（女干部 / 女工人）；确属特殊情况，须由组委会写明理由准予参赛。",
            "Past the legal retirement age on the stage date ({value}). Check the ID number "
            "and the category (女干部 cadre / 女工人 worker); only the committee may admit "
            "this contestant, with a written reason.",
        ),
    }
)
