"""Fuzzing `verify`: random bytes, random ZIPs and mutated real packages never end in a
traceback; every outcome is a verified package or a PackageError whose message renders in
both languages."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore import cli
from skillscore.exchange.handoff import Package, PackageError
from skillscore.exchange.handoff_read import parse_package
from skillscore.exchange.results import canonical_json
from support import without_values
from test_handoff_support import CODES, members, prelim_package, rezip

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz")
    path = prelim_package(folder, "东城区", committee="东城区初赛组委会", count=12, seed=5, prefix="D")
    ORIGINAL["code"] = CODES[path]  # fuzzing runs behind the cipher only where the bytes still authenticate
    return path.read_bytes()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-cli")


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
ORIGINAL: dict[str, str] = {}


def outcome(data: bytes) -> str:
    """'ok' or 'refused'; anything else (an exception that is not ours) fails the test.

    'ok' is allowed only for the very results that were signed: a changed byte may sit
    where a ZIP keeps no content (a timestamp, a comment), never in what was signed.
    """
    try:
        pkg = parse_package(data, "fuzz.sspkg", ORIGINAL["code"])
    except PackageError as refused:
        zh, en = refused.message("zh"), refused.message("en")
        assert "fuzz.sspkg" in zh and "fuzz.sspkg" in en
        for text in (zh, en):  # every placeholder filled (values, e.g. a member named '{_}', aside)
            assert not PLACEHOLDER.search(without_values(text, refused.params))
        return "refused"
    assert isinstance(pkg, Package)
    assert pkg.fingerprint == ORIGINAL.setdefault("fingerprint", pkg.fingerprint)
    # "program" is the writer's name for the record only: nothing reads or shows it, so a
    # changed byte there is harmless. Every field a committee relies on must be original.
    relied_on = canonical_json({k: v for k, v in pkg.manifest.items() if k != "program"})
    assert relied_on == ORIGINAL.setdefault("manifest", relied_on)
    assert canonical_json(pkg.audit) == ORIGINAL.setdefault("audit", canonical_json(pkg.audit))
    return "ok"


@pytest.fixture(scope="module", autouse=True)
def original(good):
    """What the unmutated package says: the only content an 'ok' may carry."""
    pkg = parse_package(good, "fuzz.sspkg", ORIGINAL["code"])
    ORIGINAL.update(fingerprint=pkg.fingerprint, audit=canonical_json(pkg.audit),
                    manifest=canonical_json({k: v for k, v in pkg.manifest.items() if k != "program"}))


def test_the_unmutated_package_passes(good):
    assert outcome(good) == "ok"


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(data):
    assert outcome(data) == "refused"


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_that_start_like_a_zip(data):
    assert outcome(b"PK\x03\x04" + data) == "refused"


@FUZZ
@given(entries=st.lists(st.tuples(st.text(min_size=1, max_size=30), st.binary(max_size=300)), max_size=6))
def test_random_zips(entries):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are part of the fuzz
        assert outcome(rezip(entries)) == "refused"


@FUZZ
@given(data=st.data())
def test_mutated_packages(good, data):
    mutated = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    outcome(bytes(mutated))  # some bytes (e.g. a ZIP timestamp) are not content: 'ok' is fine


@FUZZ
@given(data=st.data())
def test_truncated_and_spliced_packages(good, data):
    cut = data.draw(st.integers(0, len(good) - 1))
    insert = data.draw(st.binary(max_size=64))
    at = data.draw(st.integers(0, cut))
    outcome(good[:at] + insert + good[at:cut])  # 'ok' only if the signed content survived


@FUZZ
@given(data=st.data())
def test_mutated_members_rezipped(good, data):
    """Damage inside a member's content, with a ZIP that is itself sound (CRC recomputed)."""
    parts = members(good)
    name = data.draw(st.sampled_from(sorted(parts)))
    content = bytearray(parts[name])
    at = data.draw(st.integers(0, len(content) - 1))
    content[at] = data.draw(st.integers(0, 255).filter(lambda b: b != content[at]))
    parts[name] = bytes(content)
    result = outcome(rezip(sorted(parts.items())))
    # Only the manifest's informational "program" field may change unnoticed (outcome()
    # checks that every other field is the original); results and audit are signed.
    assert result == "refused" or name == "manifest.json"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_command_exits_0_or_1_and_never_raises(good, folder, data):
    mutated = bytearray(good)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    path = folder / "mutated.sspkg"
    path.write_bytes(bytes(mutated))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["verify", str(path), "--code", ORIGINAL["code"]])
    assert code in (0, 1)
    assert ("成绩指纹：" in out.getvalue()) == (code == 0)
    assert ("mutated.sspkg" in err.getvalue()) == (code == 1)
