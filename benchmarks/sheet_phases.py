"""Where a results sheet's time goes, by the clock alone (issue 18).

    python benchmarks/sheet_phases.py [COUNT] [ROUNDS]     # default 10,000 contestants, 5 rounds

The sheet of 10,000 is the row of issue 18's table that sits at its line (18 F). Under
cProfile the per-cell steps (``TextOps.show``, 107,000 calls) weigh several times what they
cost: session 21 cut the largest of them and the whole command moved by nothing. Here the
named steps of one sheet are timed with ``perf_counter`` in this process (a wrapper per
call, a handful of calls per page), each round a whole sheet, medians printed as a table.
Steps nest: the layout, the pages and the save inside "write"; an indented step inside the
one above it. Asserts no time.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from clocked import clock, spent  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFontFace  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from skillscore.actions.competition import Competition  # noqa: E402
from skillscore.demo import build_large  # noqa: E402
from skillscore.reports import base, pdfops, results, write_report  # noqa: E402
from skillscore.reports.pdfops import PageFlate  # noqa: E402
from skillscore.reports.source import load_source  # noqa: E402

STEPS = (
    (results, "build", "the sheet's rows of text (results.build)"),
    (base.SheetRenderer, "lay_all", "layout: every row's lines and heights (lay_all)"),
    (base.SheetRenderer, "_column_lines", "  of which: columns' text wrapped (_column_lines)"),
    (base.SheetRenderer, "_draw_table", "pages' tables: fills, text, grid (_draw_table)"),
    (base.SheetRenderer, "_draw_header", "pages' headers"),
    (base.SheetRenderer, "_draw_footer", "pages' footers"),
    (base.SheetRenderer, "flush_vectors", "pages' marks outside the table's cells (flush_vectors)"),
    (PageFlate, "show_page", "pages closed and handed to the compressing thread"),
    (Canvas, "save", "save: the PDF's objects written out (ReportLab)"),
    (TTFontFace, "makeSubset", "  of which: the font subsets made"),
    (pdfops._FastFlate, "encode", "  of which: Flate left to the save (pages are compressed alongside)"),
)


def one_sheet(path: Path, out: Path) -> dict[str, float]:
    spent.clear()
    start = time.perf_counter()
    with Competition(path, check_alongside=True) as comp:
        source = load_source(comp)
    read = time.perf_counter()
    write_report(source, "results", out, lang="zh")
    done = time.perf_counter()
    return {"read: the file, the ranking and the results document": read - start,
            **dict(spent), "write: the whole sheet": done - read, "whole (in this process)": done - start}


def main() -> None:
    gc.disable()  # as the command runs (skillscore.cli.entry): no cycle collector
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for cls, name, step in STEPS:
        clock(cls, name, step)
    with tempfile.TemporaryDirectory() as tmp:
        path = build_large(Path(tmp) / "sheet.sqlite", count)
        out = Path(tmp) / "results.pdf"
        one_sheet(path, out)  # the font's cache and the modules, as every later sheet finds them
        runs = [one_sheet(path, out) for _ in range(rounds)]
    order = ["read: the file, the ranking and the results document", *(step for _, _, step in STEPS),
             "write: the whole sheet", "whole (in this process)"]
    print(f"| results sheet of {count}, median of {rounds} | ms |\n|---|---|")
    for step in order:
        values = [run.get(step, 0.0) for run in runs]
        print(f"| {step} | {statistics.median(values) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
