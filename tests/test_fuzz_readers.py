"""Hypothesis throws arbitrary bytes and near-valid sheets at the roster and marks readers:
no traceback ever reaches the user, and a rejected input leaves the file unchanged."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import ACCEPTANCE, PIN
from skillscore.actions.competition import Competition
from skillscore.errors import SkillscoreError

SMALL = ACCEPTANCE / "prelim-small"
ROSTER_TEXT = (SMALL / "roster.csv").read_text(encoding="utf-8")
MARKS_TEXT = (SMALL / "marks.csv").read_text(encoding="utf-8")


def digest(path) -> str:
    con = sqlite3.connect(path)
    rows = [repr(con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall())
            for t in ("contestants", "marks", "meta", "audit")]
    con.close()
    return hashlib.sha256("".join(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def comp(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "c.sqlite"
    c = Competition.create(path, event_no=21, stage="prelim", committee="x", pin=PIN, date="2025-09-01")
    c.import_roster(SMALL / "roster.csv")
    yield c
    c.close()


def mutate(text: str, data) -> bytes:
    raw = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "swap-cell"]))
        if not raw:
            break
        i = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[i] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del raw[i:i + data.draw(st.integers(1, 40))]
        elif kind == "insert":
            raw[i:i] = data.draw(st.sampled_from([b",", b"\n", b'"', b"\xff\xfe", "缺考".encode(), b"100.5", b"\x00"]))
        else:
            raw[i:i] = data.draw(st.sampled_from([b"A001", b"-1", b"88.123", "取消资格".encode(), b"1e9"]))
    return bytes(raw)


def attempt(comp, tmp_path, name: str, payload: bytes, importer: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    before = digest(comp.path)
    try:
        getattr(comp, importer)(path)
    except SkillscoreError as exc:
        assert exc.message("zh") and exc.message("en")
        assert digest(comp.path) == before


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.xlsx"]))
def test_random_bytes_as_marks(comp, tmp_path, payload, name):
    attempt(comp, tmp_path, name, payload, "import_marks")


@FUZZ
@given(st.data())
def test_mutated_marks_sheets(comp, tmp_path, data):
    attempt(comp, tmp_path, "m.csv", mutate(MARKS_TEXT, data), "import_marks")


@FUZZ
@given(st.data())
def test_mutated_rosters(comp, tmp_path, data):
    attempt(comp, tmp_path, "r.csv", mutate(ROSTER_TEXT, data), "import_roster")


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_as_an_xlsx_roster(comp, tmp_path, payload):
    attempt(comp, tmp_path, "r.xlsx", b"PK\x03\x04" + payload, "import_roster")
