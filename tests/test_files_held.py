"""Files held by other programs (issue 13.5; Windows refuses a rename over an open file with
PermissionError): an antivirus or indexer holding the target a moment is waited out with
backoff; a sheet or export open in Excel or WPS is refused with "close the file first",
nothing changed. The refusals are raised from the real file operations with monkeypatch."""

from __future__ import annotations

import os

import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import build_demo
from skillscore.errors import RefusedError
from skillscore.system import files


class Held:
    """os.replace refused ``times`` times (None: for ever), as Windows does for a held file."""

    def __init__(self, times: int | None):
        self.times, self.calls, self.real = times, 0, os.replace

    def __call__(self, source, target):
        self.calls += 1
        if self.times is None or self.calls <= self.times:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process",
                                  str(target))
        return self.real(source, target)


@pytest.fixture
def held(monkeypatch):
    def install(times):
        fake = Held(times)
        monkeypatch.setattr(files.os, "replace", fake)
        monkeypatch.setattr(files.time, "sleep", lambda s: slept.append(s))
        return fake

    slept: list[float] = []
    install.slept = slept
    return install


def test_a_rename_briefly_refused_is_retried_with_backoff(tmp_path, held):
    target = tmp_path / "成绩 表.csv"
    target.write_text("old", encoding="utf-8")
    fake = held(3)
    files.atomic_write_bytes(target, "new".encode())
    assert target.read_text(encoding="utf-8") == "new" and fake.calls == 4
    assert held.slept == [0.05, 0.1, 0.2]  # growing pauses
    assert sum(files.RETRY_DELAYS) == pytest.approx(1.55)
    assert [p.name for p in tmp_path.iterdir()] == ["成绩 表.csv"]  # no temporary file left


def test_a_file_open_in_excel_is_refused_with_close_it_first(tmp_path, held):
    target = tmp_path / "名单 导出.xlsx"
    target.write_bytes(b"what Excel has open")
    fake = held(None)
    with pytest.raises(RefusedError) as refused:
        files.atomic_write_bytes(target, b"new")
    assert "请先关闭该文件" in refused.value.message("zh") and str(target) in refused.value.message("zh")
    assert "Close it first" in refused.value.message("en")
    assert fake.calls == len(files.RETRY_DELAYS) + 1
    assert target.read_bytes() == b"what Excel has open"
    assert [p.name for p in tmp_path.iterdir()] == ["名单 导出.xlsx"]


@pytest.mark.parametrize("what", ["roster", "marks", "results", "results_xlsx", "backup"])
def test_every_output_of_the_facade_says_close_it_first(tmp_path, held, what):
    from skillscore.reports import write_report

    path = build_demo(tmp_path / "比赛 文件.sqlite")
    out = {"roster": tmp_path / "名单.xlsx", "marks": tmp_path / "成绩.csv", "results": tmp_path / "成绩表.pdf",
           "results_xlsx": tmp_path / "成绩表.xlsx"}.get(what)
    if out is not None:
        out.write_bytes(b"open elsewhere")
    with Competition(path) as comp:
        held(None)
        with pytest.raises(RefusedError) as refused:
            if what == "roster":
                comp.export_roster(out)
            elif what == "marks":
                comp.export_marks(out)
            elif what in ("results", "results_xlsx"):
                write_report(comp, "results", out)
            else:
                comp.backup("manual")
        held(0)  # the other program let go: closing (and its backup) works again
    assert refused.value.code == "output_in_use"
    if out is not None:
        assert out.read_bytes() == b"open elsewhere"
