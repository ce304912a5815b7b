"""The PyInstaller onedir build (build.spec) runs: packaging is kept honest from the start."""

from __future__ import annotations

import json
import lzma
import os
import re
import subprocess
import sys
from pathlib import Path

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
    # The user's cache, where the packed fallback fonts are unpacked: beside the build, not in ~.
    cache = Path(exe).parent.parent / "user-cache"
    env = {**os.environ, "SKILLSCORE_OPERATOR": "冻结测试", "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache)}
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


def test_frozen_command_has_every_command(frozen):
    """Each command group is imported by name when its command runs (cli/parser.COMMANDS),
    which PyInstaller cannot see: build.spec lists them. Every command answers --help."""
    from skillscore.cli.parser import COMMANDS

    exe = frozen / "skillscore"
    for name in COMMANDS:
        out = run(exe, name, "--help")
        assert out.returncode == 0 and f"skillscore {name}" in out.stdout, (name, out.stderr[-2000:])


def test_frozen_bundle_carries_the_font_and_catalogue(frozen):
    internal = frozen / "_internal" / "resources"
    assert (internal / "fonts" / "wqy-microhei.ttc").stat().st_size > 4_000_000
    from skillscore.reports.fonts import FALLBACKS

    for name in ("LICENSE-hanazono.txt", "LICENSE-babelstone-han.txt"):  # rare names (issue 13)
        assert (internal / "fonts" / name).is_file(), name
    for name in FALLBACKS:  # compressed (issue 15); unpacked whole on first use
        assert not (internal / "fonts" / name).exists(), name
        packed = (internal / "fonts" / (name + ".xz")).read_bytes()
        assert lzma.decompress(packed) == (ROOT / "resources" / "fonts" / name).read_bytes()
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


def test_frozen_command_prints_a_rare_name_with_the_unpacked_fallback_font(frozen, tmp_path):
    import pdfplumber

    folder = ACCEPTANCE / "prelim-small"
    exe = frozen / "skillscore"
    comp = tmp_path / "c.sqlite"
    roster = [line.split(",") for line in (folder / "roster.csv").read_text(encoding="utf-8-sig").splitlines()]
    # 𫖯 (U+2B5AF, in the 通用规范汉字表) is in the packed HanaMinA subset, 𠀂 (U+20002, Ext B)
    # only in the packed HanaMinB one: both fonts must be unpacked and embedded.
    roster[1][1], roster[2][1] = "赵孟𫖯", "王𠀂"
    (tmp_path / "roster.csv").write_text("\n".join(",".join(r) for r in roster) + "\n", encoding="utf-8")
    run(exe, "new", comp, "--event", "21", "--stage", "prelim", "--committee", "组委会", "--date", "2025-09-01", "--pin", PIN)
    assert run(exe, "roster", "import", comp, tmp_path / "roster.csv").returncode == 0
    run(exe, "marks", "import", comp, folder / "marks.csv")
    out = run(exe, "report", comp, "results", "-o", tmp_path / "r.pdf")
    assert out.returncode == 0, out.stderr
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = pdf.pages[0].extract_text()
        font_of = {c["text"]: c["fontname"].split("+")[-1] for c in pdf.pages[0].chars}
    assert "赵孟𫖯" in text and "王𠀂" in text
    assert (font_of["𫖯"], font_of["𠀂"]) == ("SkillscoreHanazonoA", "SkillscoreHanazonoB")
    cache = frozen.parent / "user-cache" / "skillscore" / "unpacked"
    for name in ("hanazono-a-subset", "hanazono-b-subset"):
        unpacked = list(cache.glob(f"{name}-*.ttf"))
        assert [p.read_bytes() for p in unpacked] == [(ROOT / "resources" / "fonts" / f"{name}.ttf").read_bytes()]


def test_frozen_desk_passes_its_self_test(frozen, tmp_path):
    # --report: a windowed program on Windows may have no console to print to.
    out = run(frozen / "skillscore-gui", "--self-test", "--report", tmp_path / "verdict.txt")
    assert out.returncode == 0, out.stdout + out.stderr
    verdict = (tmp_path / "verdict.txt").read_text(encoding="utf-8")
    assert verdict.startswith("skillscore self-test ok") and "scenario selftest 14 rows, PDF, xlsx" in verdict


def test_frozen_self_test_fails_loudly_when_the_scenario_is_gone(frozen, tmp_path):
    import shutil

    copy = tmp_path / "skillscore"
    shutil.copytree(frozen, copy, symlinks=True)
    shutil.rmtree(copy / "_internal" / "resources" / "selftest")
    out = run(copy / "skillscore-gui", "--self-test", "--report", tmp_path / "verdict.txt")
    assert out.returncode == 1
    assert (tmp_path / "verdict.txt").read_text(encoding="utf-8").startswith("skillscore self-test FAILED")


ICU = ("libicudata", "libicui18n", "libicuuc")  # Linux's Qt ships ICU; Windows' Qt uses Windows' own


def test_frozen_onedir_is_slim(frozen):
    files = [p for p in frozen.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    icu = sum(p.stat().st_size for p in files if p.name.startswith(ICU))
    names = {p.name for p in files}
    # Issue 15's target, 120 MB, with the rare-name fonts packed (16 MB). Linux's Qt brings ICU
    # (~35 MB) that Windows' Qt does not; the Windows workflow checks the Windows onedir whole.
    assert total - icu < 120 * 2**20, f"{total / 2**20:.1f} MB, ICU {icu / 2**20:.1f}"
    assert total < 160 * 2**20, f"{total / 2**20:.1f} MB"
    assert not [p for p in frozen.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    assert {"qtbase_zh_CN.qm", "qtbase_en.qm"} <= names and not any(n.startswith("qt_de") for n in names)
    left_out = ("libqwayland", "libqgtk3", "libqjpeg", "libqopensslbackend", "libQt6Network", "_imaging", "libavif")
    assert not [n for n in names if n.startswith(left_out)]
    libpython = next(p for p in files if p.name.startswith("libpython"))
    assert libpython.stat().st_size < 10 * 2**20  # stripped (23 MB with its debug symbols)


def test_frozen_bundle_carries_the_icon_and_the_guide(frozen):
    internal = frozen / "_internal"
    assert (internal / "resources" / "icon" / "skillscore-256.png").is_file()
    for lang in ("zh", "en"):
        text = (internal / "docs" / "manual" / f"manual-{lang}.md").read_text(encoding="utf-8")
        for name in re.findall(r"\.\./screenshots/([\w.-]+\.png)", text):
            assert (internal / "docs" / "screenshots" / name).is_file(), name
    assert len(list((internal / "docs" / "screenshots").iterdir())) < len(list((ROOT / "docs" / "screenshots").iterdir()))


def test_the_portable_zip_holds_the_frozen_onedir(frozen, tmp_path):
    import zipfile

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_portable import make_zip

    count = make_zip(frozen, tmp_path / "portable.zip")
    with zipfile.ZipFile(tmp_path / "portable.zip") as zf:
        names = set(zf.namelist())
    assert count == len(names) and {"skillscore/skillscore-gui", "skillscore/skillscore"} <= names
