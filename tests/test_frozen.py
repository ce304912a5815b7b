"""The PyInstaller onedir build (build.spec) runs: packaging is kept honest from the start."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support import ACCEPTANCE, PIN, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    work = tmp_path_factory.mktemp("pyinstaller")
    out = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return work / "dist" / "skillscore"


def run(exe, *args):
    env = {**os.environ, "SKILLSCORE_OPERATOR": "冻结测试", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SKILLSCORE_LANG", None)
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, env=env)


def test_frozen_command_scores_an_acceptance_scenario(frozen, tmp_path):
    folder = ACCEPTANCE / "final-team"
    exe = frozen / "skillscore"
    comp = tmp_path / "comp.sqlite"
    for step in (["new", comp, "--event", "9", "--stage", "final", "--committee", "组委会", "--date",
                  "2025-09-01", "--pin", PIN],
                 ["roster", "import", comp, folder / "roster.csv"],
                 ["marks", "import", comp, folder / "marks.csv"]):
        out = run(exe, *step)
        assert out.returncode == 0, out.stderr
    out = run(exe, "ranking", comp, "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for want in expected["rows"]:
        have = next(r for r in got["rows"] if r["no"] == want["no"])
        assert {k: have[k] for k in want} == want
    assert got["warnings"] == expected["warnings"]


def test_frozen_bundle_carries_the_font_and_catalogue(frozen):
    internal = frozen / "_internal" / "resources"
    assert (internal / "fonts" / "wqy-microhei.ttc").stat().st_size > 4_000_000
    from skillscore.reports.fonts import FALLBACKS

    for name in FALLBACKS + ("LICENSE-hanazono.txt", "LICENSE-babelstone-han.txt"):  # rare names (issue 13)
        assert (internal / "fonts" / name).is_file(), name
    assert (internal / "catalog" / "events-2025.csv").is_file()


def test_frozen_command_prints_a_sheet_with_the_embedded_font(frozen, tmp_path):
    import pdfplumber

    folder = ACCEPTANCE / "prelim-small"
    exe = frozen / "skillscore"
    comp = tmp_path / "c.sqlite"
    run(exe, "new", comp, "--event", "21", "--stage", "prelim", "--committee", "组委会", "--date", "2025-09-01", "--pin", PIN)
    run(exe, "roster", "import", comp, folder / "roster.csv")
    run(exe, "marks", "import", comp, folder / "marks.csv")
    out = run(exe, "report", comp, "results", "-o", tmp_path / "r.pdf")
    assert out.returncode == 0, out.stderr
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = pdf.pages[0].extract_text()
        fonts = {c["fontname"] for c in pdf.pages[0].chars}
    assert "成绩表" in text and "B003" in text
    assert any("WenQuanYi" in f or "wqy" in f.lower() for f in fonts), fonts


def test_frozen_desk_passes_its_self_test(frozen):
    out = run(frozen / "skillscore-gui", "--self-test")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test ok" in out.stdout + out.stderr
