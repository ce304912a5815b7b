"""Real competition files for the sheet tests, and readers for the PDFs they print.

Imported by the test_reports*.py modules (it holds no tests itself). Every sitting is a
real SQLite file built through ``Competition``; every sheet is read back from the PDF.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest

from support import ACCEPTANCE, PIN
from skillscore.actions.competition import Competition
from skillscore.demo import build_demo

HEX64 = re.compile(r"\b[0-9a-f]{64}\b")
MARKS = "▲◆"


def acceptance_sitting(path: Path, name: str, *, finalize: bool, absent: tuple[str, ...] = ()) -> Path:
    """An acceptance scenario as a committee would run it: ties drawn by lot (fixed seed),
    listed contestants marked 缺考 for the stage, then finalised if asked."""
    folder = ACCEPTANCE / name
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    with Competition.create(path, event_no=meta["event"], stage=meta["stage"], committee="市总工会决赛组委会",
                            pin=PIN, date="2025-11-20", operator="测试员") as comp:
        comp.import_roster(folder / "roster.csv")
        comp.import_marks(folder / "marks.csv")
        for no in absent:
            comp.set_mark(no, "status", "缺考")
        if finalize:
            for group in comp.standings().tie_groups:
                comp.draw_lots(list(group), pin=PIN, seed="2025")
            comp.finalize(pin=PIN)
    return path


def demo_sitting(path: Path, *, finalize: bool = False, tie_at_cutoff: bool = False) -> Path:
    """The 60-contestant demo prelim (certificate-bearing). Finalised: the missing marks
    entered and the tie drawn. ``tie_at_cutoff``: A043 given A033's marks, so a tie
    straddles the quota of 16 (ranks 16–17) and advancement is undecided for both."""
    build_demo(path)
    with Competition(path, operator="测试员") as comp:
        if tie_at_cutoff:
            comp.set_mark("A043", "theory", "89.43")
            comp.set_mark("A043", "practical", "73.71")
        if finalize:
            for no in ("A058", "A059", "A060"):
                comp.set_mark(no, "practical", "70.00")
            for group in comp.standings().tie_groups:
                comp.draw_lots(list(group), pin=PIN, seed="2025")
            comp.finalize(pin=PIN)
    return path


@pytest.fixture(scope="session")
def sittings(tmp_path_factory) -> dict[str, Path]:
    """Built once per test session; tests copy a file before changing it."""
    root = tmp_path_factory.mktemp("sittings")
    return {
        "draft_prelim": demo_sitting(root / "draft_prelim.sqlite"),
        "final_prelim": demo_sitting(root / "final_prelim.sqlite", finalize=True),
        "cutoff_prelim": demo_sitting(root / "cutoff_prelim.sqlite", tie_at_cutoff=True),
        "final_awards": acceptance_sitting(root / "final_awards.sqlite", "final-awards", finalize=True,
                                           absent=("A006",)),
        "draft_final": acceptance_sitting(root / "draft_final.sqlite", "final-awards", finalize=False),
        "final_team": acceptance_sitting(root / "final_team.sqlite", "final-team", finalize=True),
    }


def copy_of(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / path.name
    shutil.copy(path, target)
    return target


def unrotated(obj) -> bool:
    """Not a character of the rotated watermark (pdfminer's "upright" counts 38° as upright)."""
    return obj.get("object_type") != "char" or abs(obj["matrix"][1]) < 1e-6


def upright_pages(pdf_path: Path) -> list[str]:
    """Each page's text without the rotated watermark (which would interleave with rows)."""
    with pdfplumber.open(pdf_path) as pdf:
        return [p.filter(unrotated).extract_text() for p in pdf.pages]


def all_chars(pdf_path: Path) -> list[str]:
    """Every character drawn on each page, watermark included, in drawing order."""
    with pdfplumber.open(pdf_path) as pdf:
        return ["".join(ch["text"] for ch in p.chars) for p in pdf.pages]


def table_lines(pages: list[str]) -> list[list[str]]:
    """The text lines of all pages, split into tokens."""
    return [line.split() for text in pages for line in text.splitlines()]


def lines_for(pages: list[str], no: str) -> list[list[str]]:
    """Lines whose second token is this number (the first line of that row)."""
    return [toks for toks in table_lines(pages) if len(toks) > 1 and toks[1] == no]


def rank_token(row: dict) -> str:
    if row["rank"] is not None:
        return str(row["rank"])
    a, b = row["rank_range"]
    return f"{a}–{b}"


def strip_marks(token: str) -> str:
    return token.rstrip(MARKS)
