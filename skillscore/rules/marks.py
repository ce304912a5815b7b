"""Marks and totals (RULES.md §2–§3): exact decimals, half-up rounding, 缺考; the status
words a clerk types (缺考, 弃权, 取消资格)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from ..errors import SkillscoreError
from ..messages import register, render
from ..model import ABSENT, Mark, Status

CENT = Decimal("0.01")
HUNDRED = Decimal("100")
THEORY_WEIGHT = Decimal("0.3")
PRACTICAL_WEIGHT = Decimal("0.7")
ABSENT_WORDS = {"缺考", "absent", "ABSENT", "Absent"}
STATUS_WORDS = {
    "缺考": Status.ABSENT,
    "absent": Status.ABSENT,
    "弃权": Status.WITHDRAWN,
    "withdrawn": Status.WITHDRAWN,
    "取消资格": Status.DISQUALIFIED,
    "disqualified": Status.DISQUALIFIED,
}

_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]*)?$")  # ASCII digits: \d would take ٣ or ３ as well
# A mark typed with a Chinese IME in full-width mode (８５．５) reads as the same mark read
# from a file (io/tables.py cleans cells alike); any other script's digits are not a mark.
_FULL_WIDTH_NUMBER = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９．－"} | {0x3000: " "}
# A sitting has at most 10,001 distinct marks (0.00–100.00), so the functions that turn a
# stored text into a mark, two marks into a total and a mark into its text are cached: a
# 10,000-row ranking then does each Decimal operation once per distinct value (issue 18).
# Decimals equal in value give the same answer (each result is quantized), so equal keys
# sharing one cache entry changes nothing.
_DISTINCT = 1 << 16

register(
    {
        "mark_not_number": (
            "「{value}」不是分数：请填写 0–{maximum} 的数字（最多两位小数）或“缺考”",
            "'{value}' is not a mark: enter a number 0–{maximum} (at most 2 decimals) or 缺考",
        ),
        "score_not_number": (
            "「{value}」不是分数：请填写 0–{maximum} 的数字（最多两位小数）",
            "'{value}' is not a mark: enter a number 0–{maximum} (at most 2 decimals)",
        ),
        "score_absent": (
            "评委的分数不能是“缺考”：缺考请填在该选手的技能操作成绩中",
            "A judge's mark cannot be 缺考 (absent): mark the contestant's practical mark as absent instead",
        ),
        "mark_out_of_range": (
            "分数 {value} 超出范围：应在 0–{maximum} 之间",
            "mark {value} is out of range: it must be between 0 and {maximum}",
        ),
        "mark_too_many_decimals": (
            "分数 {value} 小数位过多：最多两位小数，系统不会自动四舍五入",
            "mark {value} has too many decimals: at most 2; the program never rounds a mark",
        ),
        "status_unknown": (
            "状态「{value}」无法识别：应为空、缺考、弃权或取消资格",
            "status '{value}' is not known: leave it empty or write 缺考, 弃权 or 取消资格",
        ),
    }
)


class MarkError(SkillscoreError, ValueError):
    """A typed mark or status word breaks RULES.md §2; ``code`` names the rule. A
    SkillscoreError, so every edge that reports the program's refusals reports this one in
    words (the command line once showed it as an internal error); still a ValueError for
    the readers that collect every bad cell of a file."""

    def __init__(self, code: str, value: str, maximum: Decimal = HUNDRED):
        self.value = value
        self.maximum = maximum
        # ``params`` without the value: callers add it themselves (a Problem keeps it apart).
        # The maximum as a person writes it: 0–100, 0–30, 0–12.5 (not 100.00).
        super().__init__(code, maximum=f"{maximum.normalize():f}")

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, value=self.value, **self.params)


def round2(value: Decimal) -> Decimal:
    """Half-up (四舍五入) to two decimals."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_mark(text: str | None, *, maximum: Decimal = HUNDRED, allow_absent: bool = True) -> Mark:
    """'' → None (not entered); '缺考' → ABSENT; '85.5' → Decimal('85.50').

    Anything else that is not 0..maximum with at most two decimals raises MarkError;
    nothing is rounded or clipped silently.
    """
    text = (text or "").strip()
    if not text.isascii():
        text = text.translate(_FULL_WIDTH_NUMBER).strip()
    if not text:
        return None
    if text in ABSENT_WORDS:
        if allow_absent:
            return ABSENT
        raise MarkError("score_absent", text, maximum)
    if not _NUMBER.match(text):
        raise MarkError("mark_not_number" if allow_absent else "score_not_number", text, maximum)
    value = Decimal(text)
    if value < 0 or value > maximum:
        raise MarkError("mark_out_of_range", text, maximum)
    if value != value.quantize(CENT):
        raise MarkError("mark_too_many_decimals", text, maximum)
    # "-0" passes the range check (it equals 0) but Decimal keeps its sign: -0.00 would be
    # stored, printed and fingerprinted. A mark has no sign.
    return value.copy_abs().quantize(CENT)


def parse_status(text: str | None) -> Status | None:
    """'' → None (no status); 缺考 / 弃权 / 取消资格 (or their English words) → the Status.
    Any other word raises MarkError("status_unknown")."""
    text = (text or "").strip()
    if not text:
        return None
    status = STATUS_WORDS.get(text) or STATUS_WORDS.get(text.lower())
    if status is None:
        raise MarkError("status_unknown", text)
    return status


def as_number(mark: Mark) -> Decimal:
    """A part marked 缺考 (or missing) counts as 0.00."""
    return mark if isinstance(mark, Decimal) else Decimal("0.00")


@lru_cache(maxsize=_DISTINCT)
def weighted_total(theory: Mark, practical: Mark) -> Decimal:
    """total = theory × 30% + practical × 70%, rounded half-up to 2 decimals."""
    return round2(as_number(theory) * THEORY_WEIGHT + as_number(practical) * PRACTICAL_WEIGHT)


@lru_cache(maxsize=_DISTINCT)
def cents(hundredths: int) -> Decimal:
    """Whole hundredths as a mark or total: 8850 → Decimal('88.50') (two decimals, as
    round2 gives them)."""
    return Decimal(hundredths).scaleb(-2)


@lru_cache(maxsize=_DISTINCT)
def hundredths(mark: Mark) -> int:
    """A mark in whole hundredths (缺考 or missing as 0): the ranking's exact sort key."""
    return int(as_number(mark) * 100)


@lru_cache(maxsize=_DISTINCT)
def exact_hundredths(mark: Mark) -> int | None:
    """``hundredths(mark)`` when the mark is what the program writes everywhere (0 or more,
    two decimals; 缺考 counts as 0), where a total in integers is the exact one; None for
    anything else a hand-edited file may hold (negative, three decimals)."""
    if mark.__class__ is not Decimal:
        return 0 if mark is ABSENT else None
    # Exact: in hundredths a whole number, which int() then keeps (a first sight of each
    # of a sitting's ~5,000 marks: ~0.5 µs instead of ~1.5 through hundredths and cents).
    scaled = mark.scaleb(2)
    h = int(scaled)
    return h if h >= 0 and scaled == h else None


def passes(mark: Mark, pass_mark: Decimal) -> bool:
    return isinstance(mark, Decimal) and mark >= pass_mark


@lru_cache(maxsize=_DISTINCT)
def format_decimal(value: Decimal) -> str:
    text = str(value)
    # Two decimals and no sign ("85.50": the point third from the end; an exponent's text
    # never has one there) is already the form: the mark as read from the file, mostly.
    if text[-3:-2] == "." and text[0] != "-":
        return text
    return str(round2(value) + 0)  # + 0 drops the sign of a zero (-0.00 → 0.00), nothing else


def format_mark(mark: Mark) -> str | None:
    """The contract's JSON form: '88.50', 'absent' or None."""
    if mark is None:
        return None
    if mark is ABSENT:
        return "absent"
    return format_decimal(mark)


@lru_cache(maxsize=_DISTINCT)
def mark_from_text(text: str | None) -> Mark:
    """Inverse of format_mark, for values stored in the competition file."""
    if text is None:
        return None
    if text == "absent":
        return ABSENT
    return Decimal(text) + 0  # a -0.00 stored before parse_mark dropped the sign reads as 0.00
