"""The table's cells as the base draws them (issue 18): each row in its own coordinates
(its text top at 0), each cell's operators worked out once per column and text and kept
for every later row that shows the same text.

- kept cells make the very file that cells worked out afresh on every row make, byte for
  byte, on sheets with ties, wrapped employers, teams' members and handwriting rows;
- what is drawn sits where it belongs: every character inside its row and its column,
  every tie mark's shape beside its rank on the rank's line."""

from __future__ import annotations

import pytest

from day_sheet_data import checkin_data, score_data
from skillscore.actions.competition import Competition
from skillscore.demo import build_large
from skillscore.reports import base, write_report

MARK_FILL = (0.627, 0.404, 0.039)  # ▲ (#A0670A) as pdfplumber reads the shape's fill


class _Forgetful(dict):
    """A column's cells that never keeps one: every row works its cells out afresh."""

    def __setitem__(self, key, value) -> None:
        pass


def _afresh(draw):
    """``_draw_table`` with cells that are never kept."""

    def afresh(renderer, *args):
        renderer._cells = [_Forgetful() for _ in renderer._cells]
        return draw(renderer, *args)

    return afresh


def zlib_pages(pdf: bytes) -> bytes:
    """The page streams of ``pdf``, inflated and joined."""
    import re
    import zlib

    return b"".join(zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S)
                    if m.group(1)[:1] == b"x")


@pytest.fixture(scope="module")
def sitting(tmp_path_factory):
    return build_large(tmp_path_factory.mktemp("cells") / "sitting.sqlite", 600)  # ~70 ties


@pytest.mark.parametrize("kind", ["results", "certificates", "advancement"])
def test_kept_cells_make_the_file_cells_worked_out_afresh_make(sitting, tmp_path, monkeypatch, kind):
    with Competition(sitting, operator="测试") as comp:
        write_report(comp, kind, tmp_path / "kept.pdf")
        monkeypatch.setattr(base.SheetRenderer, "_draw_table", _afresh(base.SheetRenderer._draw_table))
        write_report(comp, kind, tmp_path / "afresh.pdf")
    kept = (tmp_path / "kept.pdf").read_bytes()
    assert kept == (tmp_path / "afresh.pdf").read_bytes()
    assert kept.count(b"/Type /Page\n") >= 2


@pytest.mark.parametrize("kind, data", [("scoresheets", score_data()), ("checkin", checkin_data())])
def test_kept_cells_make_the_day_sheets_with_handwriting_rows_as_afresh(tmp_path, monkeypatch, kind, data):
    """The score sheets' and the check-in sheet's rows are taller for handwriting: their
    text is moved down inside the row (``Laid.pad``), which the row's coordinates carry,
    not the kept cell."""
    write_report(data, kind, tmp_path / "kept.pdf")
    monkeypatch.setattr(base.SheetRenderer, "_draw_table", _afresh(base.SheetRenderer._draw_table))
    write_report(data, kind, tmp_path / "afresh.pdf")
    kept = (tmp_path / "kept.pdf").read_bytes()
    assert kept == (tmp_path / "afresh.pdf").read_bytes()
    assert b" cm BT" in zlib_pages(kept)  # rows drawn in their own coordinates


def test_every_character_sits_in_its_row_and_column_and_every_tie_mark_beside_its_rank(sitting, tmp_path):
    import pdfplumber

    with Competition(sitting, operator="测试") as comp:
        write_report(comp, "results", tmp_path / "results.pdf")
    marks_seen = 0
    with pdfplumber.open(tmp_path / "results.pdf") as pdf:
        for page in pdf.pages[:-1]:
            # The grid: rules across the whole table, column lines through a stretch of rows
            # (not the edges of the watermark's letters).
            rules = sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h" and e["width"] > 500})
            columns = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v" and e["height"] > 100})
            table_top, table_bottom = rules[0], rules[-1]
            cells = [ch for ch in page.chars if table_top < ch["top"] < table_bottom and ch["text"].strip()
                     and ch["size"] < 20]  # not the watermark
            assert len(cells) > 500
            for ch in cells:
                # inside one row (between two neighbouring rules) and one column
                assert any(a - 0.5 <= ch["top"] and ch["bottom"] <= b + 0.5 for a, b in zip(rules, rules[1:])), ch
                assert any(a - 0.5 <= ch["x0"] and ch["x1"] <= b + 0.5 for a, b in zip(columns, columns[1:])), ch
            shapes = [c for c in page.curves if c.get("fill") and c.get("non_stroking_color")
                      and table_top < c["top"] < table_bottom  # not the footer's legend
                      and all(abs(a - b) < 0.01 for a, b in zip(c["non_stroking_color"], MARK_FILL))]
            ranks = [w for w in page.extract_words() if w["text"].endswith("▲") and w["text"][:-1].isdigit()]
            assert len(shapes) == len(ranks)
            for word in ranks:
                digits = [ch for ch in page.chars if ch["text"].isdigit() and abs(ch["top"] - word["top"]) < 0.5
                          and word["x0"] - 0.5 <= ch["x0"] < word["x1"]]
                right = max(ch["x1"] for ch in digits)
                beside = [s for s in shapes if right - 0.5 <= s["x0"] <= right + 3
                          and word["top"] <= (s["top"] + s["bottom"]) / 2 <= word["bottom"] + 0.5]
                assert len(beside) == 1, (word, right)
                marks_seen += 1
    assert marks_seen >= 20


@pytest.mark.parametrize("kind, data", [("scoresheets", score_data()), ("checkin", checkin_data())])
def test_text_in_a_row_made_taller_for_handwriting_sits_in_its_middle(tmp_path, kind, data):
    import pdfplumber

    write_report(data, kind, tmp_path / "day.pdf")
    lines_checked = 0
    with pdfplumber.open(tmp_path / "day.pdf") as pdf:
        for page in pdf.pages:
            rules = sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h" and e["width"] > 300})
            rows = [(a, b) for a, b in zip(rules[1:], rules[2:]) if b - a > 20]  # below the column titles
            for top, bottom in rows:
                chars = [ch for ch in page.chars if top < ch["top"] < bottom and ch["text"].strip() and ch["size"] < 20]
                for line_top in {round(ch["top"], 1) for ch in chars}:
                    line = [ch for ch in chars if round(ch["top"], 1) == line_top]
                    middle = (min(ch["top"] for ch in line) + max(ch["bottom"] for ch in line)) / 2
                    lines_checked += 1
                    if len({round(ch["top"], 1) for ch in chars}) == 1:  # a row of one line: centred
                        assert abs(middle - (top + bottom) / 2) < 1.5, (kind, line[0]["text"], middle, top, bottom)
    assert lines_checked >= 5
