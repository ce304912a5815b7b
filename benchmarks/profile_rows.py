"""Where the time goes, per row of issue 18: ``-X importtime`` and cProfile.

    python benchmarks/profile_rows.py [COUNT] > profiles.md

For each process row: the import time (sum of every module's own time) with the
heaviest top-level imports, then the functions with the most own time under cProfile.
The desk rows are profiled in process over the timed edits only (bench_desk.py with
BENCH_PROFILE). Prints Markdown.
"""

from __future__ import annotations

import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from run import MARK_HEADER, Bench  # noqa: E402
from skillscore.actions.competition import Competition  # noqa: E402
from skillscore.demo import ROSTER_HEADER, _write, mark_rows, roster_rows  # noqa: E402

LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def importtime(b: Bench, argv: list[str], top: int = 8) -> str:
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True,
                          env=b.env(SKILLSCORE_EXIT_AFTER_PAINT="1"))
    rows = [(int(s), int(c), len(indent), name) for s, c, indent, name in LINE.findall(done.stderr)]
    total = sum(r[0] for r in rows) / 1000
    heads = sorted((r for r in rows if r[2] == 0), key=lambda r: -r[1])[:top]
    return (f"imports: {total:.0f} ms in {len(rows)} modules; heaviest top-level: "
            + ", ".join(f"`{name}` {cum / 1000:.0f}" for _, cum, _, name in heads))


def top_functions(prof: Path, top: int = 12) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(prof), stream=out)
    total = stats.total_tt
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]
    lines = [f"cProfile total {total * 1000:.0f} ms; most own time (own ms / cumulative ms):"]
    for (file, line, name), (_, calls, own, cum, _) in rows:
        where = f"{Path(file).parent.name}/{Path(file).name}:{line}" if line else file
        lines.append(f"    {own * 1000:7.1f} {cum * 1000:8.1f}  {calls:>7}×  {name}  ({where})")
    return "\n".join(lines)


def cprofile(b: Bench, argv: list[str], folder: Path, tag: str) -> str:
    prof = folder / f"{tag}.prof"
    if argv[:2] == ["-m", "skillscore.cli"]:
        # The command's entry ends the process at once (system/console.exit_now), before
        # cProfile could write its file: run.py's own __main__ runs the same command and
        # returns (with the cycle collector on, so collections show in the profile).
        argv = ["-m", "skillscore.cli.run", *argv[2:]]
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), *argv]
    subprocess.run(cmd, check=True, capture_output=True, env=b.env(SKILLSCORE_EXIT_AFTER_PAINT="1"))
    return top_functions(prof)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from bench_panel import build_large_panel

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        b = Bench(quick=True, folder=folder, n=n, reps=1)
        big, small = b.sitting(n), b.sitting(150)
        rows = roster_rows(n, seed=n + 1)
        roster_csv = _write(folder / "roster.csv", ROSTER_HEADER, rows)
        marks_csv = _write(folder / "marks.csv", MARK_HEADER, mark_rows([r[0] for r in rows], seed=n + 1))
        with_roster = b.new_file("with-roster.sqlite")
        with Competition(with_roster, operator="基准") as comp:
            comp.import_roster(roster_csv)
        cases = [
            ("ranking FILE --json", lambda: ["-m", "skillscore.cli", "ranking", str(big), "--json"]),
            ("results sheet of 150", lambda: ["-m", "skillscore.cli", "report", str(small), "results", "-o",
                                              str(folder / "s.pdf")]),
            (f"results sheet of {n}", lambda: ["-m", "skillscore.cli", "report", str(big), "results", "-o",
                                               str(folder / "b.pdf")]),
            ("roster import", lambda: ["-m", "skillscore.cli", "roster", "import",
                                       str(b.new_file("r.sqlite")), str(roster_csv)]),
            ("marks import", lambda: ["-m", "skillscore.cli", "marks", "import",
                                      str(b.copy(with_roster, "m.sqlite")), str(marks_csv)]),
            ("desk cold start", lambda: ["-m", "ui.app", str(big), "--operator", "基准"]),
        ]
        print(f"## Profiles ({n} contestants)\n")
        for i, (name, argv) in enumerate(cases):
            print(f"### {name}\n\n{importtime(b, argv())}\n\n```\n{cprofile(b, argv(), folder, f'c{i}')}\n```\n")
        panel = folder / "panel.sqlite"
        build_large_panel(panel, n)
        for kind, path in (("typed", big), ("panel", panel)):
            prof = folder / f"desk-{kind}.prof"
            target = b.copy(path, f"desk-{kind}.sqlite")
            subprocess.run([sys.executable, str(HERE / "bench_desk.py"), kind, str(target), "10"], check=True,
                           capture_output=True, env=b.env(BENCH_PROFILE=str(prof)))
            title = "typed mark → ranking view" if kind == "typed" else "judge's mark → judges' grid"
            print(f"### {title} (10 edits, timed part only)\n\n```\n{top_functions(prof, 16)}\n```\n")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
