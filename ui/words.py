"""The words the desk shows for the core's codes (UI.md's table), Chinese source strings.

Kept in one place so every screen says the same thing; English comes from the .ts file.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillscore.catalog import level_name
from skillscore.model import ABSENT, Awards

from .i18n import current_lang

WORDS = {
    # stages
    "prelim": QT_TRANSLATE_NOOP("Words", "初赛"),
    "semifinal": QT_TRANSLATE_NOOP("Words", "复赛"),
    "final": QT_TRANSLATE_NOOP("Words", "决赛"),
    # statuses
    "ranked": QT_TRANSLATE_NOOP("Words", "已排名"),
    "incomplete": QT_TRANSLATE_NOOP("Words", "待录入"),
    "absent": QT_TRANSLATE_NOOP("Words", "缺考"),
    "withdrawn": QT_TRANSLATE_NOOP("Words", "弃权"),
    "disqualified": QT_TRANSLATE_NOOP("Words", "取消资格"),
    # ties
    "practical": QT_TRANSLATE_NOOP("Words", "技能操作成绩决定名次"),
    "unresolved": QT_TRANSLATE_NOOP("Words", "并列待定"),
    "committee": QT_TRANSLATE_NOOP("Words", "组委会裁定"),
    "lot": QT_TRANSLATE_NOOP("Words", "抽签确定"),
    # outcomes
    "advances": QT_TRANSLATE_NOOP("Words", "晋级"),
    "undecided": QT_TRANSLATE_NOOP("Words", "待定"),
    "talent_pool": QT_TRANSLATE_NOOP("Words", "纳入技能人才库"),
    "nomination": QT_TRANSLATE_NOOP("Words", "推荐参评劳动奖项"),
    "too_few_participants": QT_TRANSLATE_NOOP("Words", "参赛人数不足30人"),
    "unresolved_ties": QT_TRANSLATE_NOOP("Words", "有并列待定"),
    "incomplete_marks": QT_TRANSLATE_NOOP("Words", "有成绩待录入"),
    # fields
    "theory": QT_TRANSLATE_NOOP("Words", "理论知识"),
    "practical_mark": QT_TRANSLATE_NOOP("Words", "技能操作"),
    "status": QT_TRANSLATE_NOOP("Words", "状态"),
    "quota": QT_TRANSLATE_NOOP("Words", "晋级名额"),
}
ABSENT_INPUT = "缺考"  # what the 缺考 key types; the core reads it in either language


def word(key: str) -> str:
    return QCoreApplication.translate("Words", WORDS[key]) if key in WORDS else key


def field_word(field: str | None) -> str:
    if field == "practical":
        return word("practical_mark")
    return word(field) if field else ""


def mark_text(mark) -> str:
    """A mark as the desk shows it: '88.50', 缺考 or empty (not entered)."""
    if mark is None:
        return ""
    if mark is ABSENT:
        return word("absent")
    return f"{mark:.2f}" if isinstance(mark, Decimal) else str(mark)


def level_text(level: int | None) -> str:
    return level_name(level, current_lang()) if level else ""


def awards_text(awards: Awards | None) -> str:
    if awards is None:
        return ""
    bits = []
    if awards.talent_pool:
        bits.append(word("talent_pool"))
    if awards.subsidy_yuan:
        bits.append(QCoreApplication.translate("Words", "资助 {0} 元").format(awards.subsidy_yuan))
    if awards.labor_award_nomination:
        bits.append(word("nomination"))
    return join_words(bits)


def join_words(items) -> str:
    """A list as each language writes it: 甲、乙 / A, B."""
    return ("、" if current_lang() == "zh" else ", ").join(items)


def error_text(exc: BaseException) -> str:
    """What the desk says of a failure: the program's refusal, or the system's (a folder
    that is not there, a name too long), in the user's language; anything else is the
    program's own fault, logged, and named as such in one line."""
    from skillscore.errors import SkillscoreError, os_refusal

    lang = current_lang()
    if isinstance(exc, SkillscoreError):
        return exc.message(lang)
    if isinstance(exc, OSError):
        return os_refusal(exc, lang)
    from skillscore.system.crashlog import report_crash

    return report_crash(exc, lang, where="desk")
