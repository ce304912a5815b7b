"""benchmarks/run.py --quick runs every row of issue 18's table (no time is asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ROWS = (
    "skillscore ranking FILE --json",
    "results sheet of 50",
    "results sheet of 300",
    "roster import, 300-row csv",
    "marks import, 300-row csv",
    "typed mark → ranking view",
    "judge's mark → judges' grid",
    "desk cold start to a painted window",
    "desk cold start, nothing kept",
)
NUMBER = r"\d+(\.\d+)?"


def test_quick_run_prints_every_row_with_figure_floor_ratio_and_verdict():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    assert lines[0] == "| work | figure | floor | ratio | target | holds |"
    body = lines[1:]
    assert len(body) == len(ROWS)
    for name, line in zip(ROWS, body):
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[0].startswith(name), (name, line)
        assert re.fullmatch(f"{NUMBER} ms", cells[1]), line
        assert re.fullmatch(f"([FQ] = )?{NUMBER} ms", cells[2]), line
        assert re.fullmatch(f"{NUMBER}( [FQ]|×)", cells[3]), line
        assert cells[4].startswith("≤ "), line
        assert cells[5] in ("yes", "no"), line
    # Every floor was measured in this run: the footnote counts its samples.
    assert re.search(r"F = median of \d+ runs", done.stdout) and re.search(r"Q = median of \d+ bare-Qt", done.stdout)


def test_only_the_command_line_rows_when_asked():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", "cli", "--count", "60"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    names = [line.strip("|").split("|")[0].strip() for line in done.stdout.splitlines()
             if line.startswith("| ") and "---" not in line][1:]
    assert [n.split(" (")[0].split(",")[0] for n in names] == [
        "skillscore ranking FILE --json", "results sheet of 50", "results sheet of 60", "roster import", "marks import"]
    assert "F = median of" in done.stdout and "Q = median" not in done.stdout  # no Qt floor was sampled


def test_comparing_two_trees_prints_each_row_for_both():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "compare_trees.py"), str(ROOT), str(ROOT),
                           "--count", "60", "--rounds", "1", "--rows", "all"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0] == "| work | before | after |"
    names = [r.strip("|").split("|")[0].strip() for r in rows[1:]]
    assert names == ["skillscore ranking FILE --json (60)", "results sheet of 150", "results sheet of 60",
                     "roster import, 60-row csv",
                     "marks import, 60-row csv",
                     "desk cold start to a painted window (150)", "desk cold start to a painted window (60)",
                     "desk cold start to a painted window (60, nothing kept)",
                     "desk cold start to a painted window (60, scored by a judging panel)"]
    for row in rows[1:6]:
        assert len(re.findall(f"{NUMBER} ms = {NUMBER} F", row)) == 2, row
    for row in rows[6:]:  # the desk against Q, the bare Qt window sampled in the same loop
        assert len(re.findall(f"{NUMBER} ms = {NUMBER} Q", row)) == 2, row


def test_every_benchmark_script_compiles():
    # A benchmark only runs when someone measures; a slip in one would wait unseen until then.
    scripts = sorted((ROOT / "benchmarks").glob("*.py"))
    assert len(scripts) >= 10
    for script in scripts:
        compile(script.read_text(encoding="utf-8"), str(script), "exec")  # SyntaxError names file and line


def test_the_desk_by_the_clock_prints_every_step_at_both_sizes():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "phases.py"), "60"], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {line.strip("|").split("|")[0].strip(): [c.strip() for c in line.strip("|").split("|")[1:]]
            for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line}
    assert rows["a typed mark, median of 7 edits"] == ["at 60", "at 60"]
    # Every step of a typed mark ran (a step never called would be missing), at both sizes.
    for step in ("save (the core's write)", "live ranking (LiveStandings.apply)", "paint (ranking view)", "whole edit"):
        assert all(re.fullmatch(f"{NUMBER} ms", cell) for cell in rows[step]), (step, rows.get(step))
    for step in ("open the file (Session.open)", "ranking (entries read, LiveStandings built)",
                 "employers (every contestant read)", "first paint after opening"):
        assert re.fullmatch(f"{NUMBER} ms", rows[step][0]), (step, rows.get(step))
    whole = float(rows["whole edit"][0].split()[0])
    assert float(rows["save (the core's write)"][0].split()[0]) < whole  # a step inside the edit


def test_the_sheet_by_the_clock_prints_every_step():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sheet_phases.py"), "60", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {line.strip("|").split("|")[0].strip(): line.strip("|").split("|")[1].strip()
            for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line}
    assert rows.pop("results sheet of 60, median of 1") == "ms"
    # Every step is printed as a time (at 60 rows a small one may round to 0 ms); the big ones ran.
    assert len(rows) == 14 and all(re.fullmatch(f"{NUMBER} ms", cell) for cell in rows.values()), rows
    for step in ("pages' tables: fills, text, grid (_draw_table)", "save: the PDF's objects written out (ReportLab)",
                 "read: the file, the ranking and the results document"):
        assert float(rows[step].split()[0]) > 0, step
    assert float(rows["write: the whole sheet"].split()[0]) <= float(rows["whole (in this process)"].split()[0])
