"""The installed program checks itself (``skillscore-gui --self-test``).

A frozen build can start and still be broken: a module PyInstaller did not see, a data
file left out, a DLL missing on a clean Windows. So the self-test does real work through
the real command: it scores the bundled acceptance scenario (a copy of
tests/acceptance/prelim-small) and compares every row with the expected ranking, prints
the results sheet as PDF with the embedded font, and writes it as xlsx and reads it back.
Each check that fails is named; any failure makes the self-test exit non-zero.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from ..system.paths import resources_dir

SCENARIO_PIN = "246810"


def scenario_dir() -> Path:
    return resources_dir() / "selftest"


def _cli(*args) -> str:
    """The command run in this process (a windowed program has no console to spawn one in)."""
    from .run import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args] + ["--operator", "自检"])
    if code != 0:
        raise RuntimeError(f"skillscore {args[0]} {args[1] if len(args) > 1 else ''} exited {code}: "
                           f"{err.getvalue().strip()}")
    return out.getvalue()


def _ranking(folder: Path, comp: Path) -> list[str]:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    from ..catalog import event

    levels = [] if tuple(meta["levels"]) == event(meta["event"]).levels else \
        ["--levels", ",".join(map(str, meta["levels"]))]
    _cli("new", comp, "--event", meta["event"], "--stage", meta["stage"], "--committee", "自检组委会",
         "--date", "2025-09-01", "--pin", SCENARIO_PIN, *levels)
    _cli("roster", "import", comp, folder / "roster.csv")
    _cli("marks", "import", comp, folder / "marks.csv")
    got = json.loads(_cli("ranking", comp, "--json"))
    wrong = [key for key, value in expected.items() if key != "rows" and got.get(key) != value]
    rows = {row["no"]: row for row in got["rows"]}
    for want in expected["rows"]:
        have = rows.get(want["no"], {})
        if {k: have.get(k) for k in want} != want:
            wrong.append(want["no"])
    if len(rows) != len(expected["rows"]):
        wrong.append(f"{len(rows)} rows, expected {len(expected['rows'])}")
    if wrong:
        raise RuntimeError(f"the scenario scored differently from expected.json: {', '.join(map(str, wrong))}")
    return [row["no"] for row in expected["rows"]]


def _pdf(comp: Path, out: Path) -> None:
    _cli("report", comp, "results", "-o", out)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise RuntimeError(f"{out.name} is not a whole PDF")
    if b"WenQuanYi" not in data:  # reportlab writes the font's name in the clear
        raise RuntimeError(f"{out.name} does not embed the bundled font")


def _xlsx(comp: Path, out: Path, numbers: list[str]) -> None:
    from openpyxl import load_workbook

    _cli("report", comp, "results", "-o", out)
    book = load_workbook(out, read_only=True)
    try:
        cells = {str(v) for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v is not None}
    finally:
        book.close()
    missing = [no for no in numbers if no not in cells]
    if missing:
        raise RuntimeError(f"{out.name} lacks participants {', '.join(missing)}")


def check_scoring() -> str:
    """Score, print and export the bundled scenario; RuntimeError naming what failed."""
    folder = scenario_dir()
    with tempfile.TemporaryDirectory(prefix="skillscore-selftest-") as tmp:
        comp = Path(tmp) / "自检.skillscore"
        numbers = _ranking(folder, comp)
        _pdf(comp, Path(tmp) / "成绩表.pdf")
        _xlsx(comp, Path(tmp) / "成绩表.xlsx", numbers)
    return f"scenario {folder.name or 'selftest'} {len(numbers)} rows, PDF, xlsx"
