"""argparse's own sentences (its usage line, help headings and wrong-usage errors) in the
command's language. CONTRACT.md: messages are Chinese by default; argparse writes English.

argparse words every sentence through its module's ``_`` and ``ngettext`` (gettext), looked
up when the sentence is made, so ``speak`` gives it ours before the parser is built (the help
headings are made then). The keys are Python 3.11's texts; a sentence another Python version
words differently stays English rather than failing.
"""

from __future__ import annotations

import argparse
import gettext

from ..messages import default_lang

ZH = {
    "usage: ": "用法：",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "以下参数须给出其一：%s",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助并退出",
}


def language_of(argv: list[str] | None) -> str:
    """The language ``argv`` asks for (its last ``--lang``), else SKILLSCORE_LANG's."""
    asked = None
    words = list(argv or [])
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            asked = words[i + 1]
        elif word.startswith("--lang="):
            asked = word.split("=", 1)[1]
    return asked if asked in ("zh", "en") else default_lang()


def speak(lang: str) -> None:
    """From now on argparse words its sentences in ``lang`` ("zh" or "en")."""
    if lang == "en":
        argparse._, argparse.ngettext = gettext.gettext, gettext.ngettext
    else:
        argparse._ = _zh
        argparse.ngettext = _zh_plural


def _zh(text: str) -> str:
    return ZH.get(text, text)


def _zh_plural(one: str, many: str, n: int) -> str:
    return _zh(one if n == 1 else many)
