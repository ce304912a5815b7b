"""The system's reasons for refusing (no such file, a full stick, a file in use) read in
Chinese in a Chinese message: Python gives errno's reasons in English (errors.system_reason)."""

from __future__ import annotations

import errno
import json

import pytest

from skillscore.errors import RefusedError, os_refusal, system_reason
from skillscore.messages import Words, render


def test_a_common_reason_reads_in_each_language():
    error = FileNotFoundError(errno.ENOENT, "No such file or directory", "/stick/成绩.sspkg")
    assert os_refusal(error, "zh") == "无法完成：操作系统拒绝访问 /stick/成绩.sspkg（文件或文件夹不存在）"
    assert os_refusal(error, "en").endswith("/stick/成绩.sspkg (No such file or directory)")


@pytest.mark.parametrize("number, zh", [(errno.ENOSPC, "磁盘或U盘已满"), (errno.EROFS, "磁盘或U盘是只读的"),
                                        (errno.EACCES, "正被其他程序使用")])
def test_a_refusal_carries_the_reason_in_both_languages(number, zh):
    reason = system_reason(OSError(number, "English words"))
    refusal = RefusedError("second_backup_failed", folder="E:\\备份", reason=reason)
    assert zh in refusal.message("zh") and "English words" in refusal.message("en")
    assert reason == "English words" and json.dumps({"reason": reason}) == '{"reason": "English words"}'


def test_windows_own_words_and_unknown_reasons_are_kept_as_the_system_gave_them():
    in_use = OSError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。")
    in_use.winerror = 32  # as Windows raises it: worded by the system, in its language
    assert system_reason(in_use) == "另一个程序正在使用此文件，进程无法访问。" and not isinstance(system_reason(in_use), Words)
    assert system_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == "Too many levels of symbolic links"
    assert system_reason(ValueError("embedded null byte")) == "embedded null byte"


def test_plain_values_render_as_before():
    assert render("os_refused", "zh", path="x", reason="原因") == "无法完成：操作系统拒绝访问 x（原因）"
