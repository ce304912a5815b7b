"""The command-line rows of issue 18 for two checkouts, measured alternately in one loop.

    python benchmarks/compare_trees.py BEFORE_DIR AFTER_DIR [--count 10000] [--rows cli|desk|all]

A machine of this class drifts by 1.5× within the hour, so a before/after pair measured
minutes apart can mislead; here each round runs the same command on both trees back to
back (which goes first alternates: the first of a pair measured faster), and F (a bare
``python3 -c "import json, sqlite3, decimal"``) is sampled in the same loop. One command's
time ranges ±30 % on this VM, so a difference under ~10 % needs 20 rounds or more. Each
tree runs its own code (``python -m skillscore.cli`` with the tree as the working
directory). ``--rows desk`` (or ``all``) times the desk's cold start instead (or as well):
``python -m ui.app FILE`` until its window, the file open, has painted (offscreen; the
desk prints the time of that paint and quits, as in benchmarks/run.py), on the 150 and
the large file (its counters kept, and kept by neither: as another program leaves it), and
a large file scored by a judging panel, against Q (benchmarks/qt_floor.py) sampled in the
same loop. Prints a
Markdown table of medians; asserts no time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from painted import until_paint  # benchmarks/, this script's folder

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], cwd: Path, cache: Path | None = None) -> float:
    env = {**os.environ, "PYTHONPATH": str(cwd), "SKILLSCORE_OPERATOR": "基准"}
    if cache is not None:
        # Each checkout's font file has its own modification time, which names the parsed
        # font in the cache; sharing one cache folder, the two trees would replace each
        # other's entry every round and both parse the font (~0.13 s) on every sheet.
        env["XDG_CACHE_HOME"] = str(cache)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def painted(argv: list[str], tree: Path, settings: Path, *, opened: bool = False) -> float:
    """A desk (or the Qt floor) of ``tree``, offscreen, until its first paint (``opened``:
    until it has read the rest too, and kept its counters)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings)}
    return until_paint(argv, env, cwd=tree, opened=opened)


def cli(tree: Path, *args) -> list[str]:
    return [sys.executable, "-m", "skillscore.cli", *map(str, args)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=15)  # one process ranges ±30 % here: medians need many
    ap.add_argument("--rows", choices=("cli", "desk", "all"), default="cli")
    args = ap.parse_args()
    trees = [args.before.resolve(), args.after.resolve()]
    for tree in trees:  # the frozen app has its bytecode; a checkout must too
        for package in ("skillscore", "ui"):
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / package)], check=True,
                           stdout=subprocess.DEVNULL)
    sys.path.insert(0, str(trees[1]))
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, _write, build_large, mark_rows, roster_rows

    folder = Path(tempfile.mkdtemp(prefix="skillscore-compare-"))
    big, small = build_large(folder / "big.sk", args.count), build_large(folder / "small.sk", 150)
    rows = roster_rows(args.count, seed=1)
    roster = _write(folder / "roster.csv", ROSTER_HEADER, rows)
    marks = _write(folder / "marks.csv", ["编号", "理论知识", "技能操作", "状态"], mark_rows([r[0] for r in rows], seed=1))
    times: dict[tuple[str, int], list[float]] = {}
    floor: list[float] = []
    qt_floor: list[float] = []

    def fresh(tree: Path, name: str, with_roster: bool) -> Path:
        path = folder / f"{name}-{time.monotonic_ns()}.sk"
        subprocess.run(cli(tree, "new", path, "--event", "29", "--stage", "prelim", "--committee", "组委会",
                           "--date", "2025-09-20", "--pin", DEMO_PIN), cwd=tree, check=True, stdout=subprocess.DEVNULL)
        if with_roster:
            subprocess.run(cli(tree, "roster", "import", path, roster), cwd=tree, check=True, stdout=subprocess.DEVNULL)
        return path

    caches = [folder / "cache-before", folder / "cache-after"]  # see timed()
    settings = folder / "settings"  # the desks' settings (recent files), away from the user's
    for i, tree in enumerate(trees):  # each tree's parsed font in its cache before timing
        timed(cli(tree, "report", small, "results", "-o", folder / "warm.pdf"), tree, caches[i])
    works = [
        (f"skillscore ranking FILE --json ({args.count})", lambda tree: cli(tree, "ranking", big, "--json")),
        ("results sheet of 150", lambda tree: cli(tree, "report", small, "results", "-o", folder / "s.pdf")),
        (f"results sheet of {args.count}", lambda tree: cli(tree, "report", big, "results", "-o", folder / "b.pdf")),
        (f"roster import, {args.count}-row csv", lambda tree: cli(tree, "roster", "import", fresh(tree, "r", False), roster)),
        (f"marks import, {args.count}-row csv", lambda tree: cli(tree, "marks", "import", fresh(tree, "m", True), marks)),
    ] if args.rows != "desk" else []
    desk = []
    if args.rows != "cli":
        from bench_panel import build_large_panel  # benchmarks/, this script's folder

        panel = build_large_panel(folder / "panel.sk", args.count)
        unkept = folder / "unkept.sk"
        for n, path in ((150, small), (args.count, big), (args.count, unkept), (args.count, panel)):
            what = {unkept: ", nothing kept", panel: ", scored by a judging panel"}.get(path, "")
            desk.append((f"desk cold start to a painted window ({n}{what})",
                         [sys.executable, "-m", "ui.app", path, "--operator", "基准"]))
        for tree in trees:  # a desk keeps its ranking's counters in the file it closes
            for path in (small, big, panel):
                painted([sys.executable, "-m", "ui.app", path, "--operator", "基准"], tree, settings, opened=True)

    def forget_counters() -> None:
        """``unkept``: the large file as another program leaves it (no counters kept)."""
        shutil.copyfile(big, unkept)
        db = sqlite3.connect(unkept)
        with db:
            db.execute("DELETE FROM kept")
        db.close()

    for round_ in range(args.rounds):
        # Each command on both trees back to back, the first of the two alternating: whichever
        # tree went first measured faster (5-10 %, two runs with the trees swapped).
        order = [0, 1] if round_ % 2 == 0 else [1, 0]
        for i in order:
            floor.append(timed([sys.executable, "-c", "import json, sqlite3, decimal"], trees[i], caches[i]))
        for work, command in works:
            for i in order:
                argv = command(trees[i])  # (an import's fresh file is made here, outside the timing)
                times.setdefault((work, i), []).append(timed(argv, trees[i], caches[i]))
        if desk:
            qt_floor.append(painted([sys.executable, str(HERE / "qt_floor.py")], trees[order[0]], settings))
        for work, argv in desk:
            for i in order:
                if "nothing kept" in work:
                    forget_counters()
                times.setdefault((work, i), []).append(painted(argv, trees[i], settings))
    f = statistics.median(floor)
    q = statistics.median(qt_floor) if qt_floor else None
    floors = f"F = {f * 1000:.0f} ms (median of {len(floor)})" + (f", Q = {q * 1000:.0f} ms (median of {len(qt_floor)})" if q else "")
    print(f"{floors}; {args.rounds} rounds; before {trees[0]}, after {trees[1]}\n")
    print("| work | before | after |\n|---|---|---|")
    for work in dict.fromkeys(w for w, _ in times):
        b, a = (statistics.median(times[(work, i)]) for i in (0, 1))
        unit, base = ("Q", q) if work.startswith("desk") else ("F", f)
        print(f"| {work} | {b * 1000:.0f} ms = {b / base:.1f} {unit} | {a * 1000:.0f} ms = {a / base:.1f} {unit} |")


if __name__ == "__main__":
    main()
