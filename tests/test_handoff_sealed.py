"""Personal data on the USB stick (issue 14): handoff and desk files sealed under a code
(交接码) printed on the signed paper; what a lost stick gives away, what a wrong code does,
and old unsealed files still opening."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from support import PIN, run_cli
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError
from skillscore.exchange.sealing import ALPHABET, META_KEY, normalize_code, stage_code
from skillscore.exchange.handoff import PackageError, build_manifest
from skillscore.exchange.handoff_read import read_package
from skillscore.exchange.results import canonical_json, fingerprint_of
from skillscore.exchange.safezip import member_digest, zip_members
from test_handoff_support import CODES, export, make_sitting, members

SEMI = ["--stage", "semifinal", "--committee", "市复赛组委会", "--pin", PIN]


@pytest.fixture(scope="module")
def sitting(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sealed")
    path = make_sitting(folder, "东城区", committee="东城区初赛组委会", count=40, seed=11, prefix="D")
    return path, export(path, folder / "东城区.sspkg")


def roster(path: Path):
    with Competition(path) as comp:
        return comp.contestants()


def inflated(data: bytes) -> list[bytes]:
    """Every member as stored and as unzipped: "in the clear" means in neither."""
    out = [data]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        out += [zf.read(name) for name in zf.namelist()]
    return out


def test_no_name_id_number_phone_or_code_in_the_clear(sitting):
    path, package = sitting
    blobs = inflated(package.read_bytes())
    code = CODES[package]
    people = roster(path)
    assert len(people) == 40 and all(c.phone for c in people)
    for c in people:
        for value in (c.name, c.id_number, c.phone):
            assert not any(value.encode() in blob for blob in blobs), value
    for form in (code, code.replace("-", ""), code.lower()):
        assert not any(form.encode() in blob for blob in blobs)
    # … while the manifest stays readable for the container check and the paper.
    manifest = json.loads(members(package.read_bytes())["manifest.json"])
    assert manifest["committee"] == "东城区初赛组委会" and manifest["counts"]["contestants"] == 40
    assert manifest["sealing"]["kdf"]["name"] == "scrypt" and manifest["sealing"]["cipher"] == "AES-256-GCM"


def test_phones_travel_for_advancing_contestants_only(sitting):
    path, package = sitting
    pkg = read_package(package, CODES[package])
    going = {no for r in pkg.results["ranking"]["rows"] if r["advances"] for no in (r["members"] or [r["no"]])}
    phones = {c.no: c.phone for c in roster(path)}
    assert len(going) == 12
    assert {c["no"]: c["phone"] for c in pkg.results["contestants"]} == {
        no: phone if no in going else "" for no, phone in phones.items()}
    log = canonical_json(pkg.audit).decode()
    assert all((phone in log) == (no in going) for no, phone in phones.items())
    assert sum(1 for e in pkg.audit if e.get("redacted")) == 40 - 12  # one roster_add each
    with Competition(path) as comp:  # the file itself keeps every phone and its whole log
        assert comp.verify_audit() == [] and all(c.phone for c in comp.contestants())


def test_verify_without_the_code_checks_the_container_and_prints_the_fingerprint(sitting):
    _, package = sitting
    pkg = read_package(package, CODES[package])
    for lang, words in (("zh", "未输入交接码"), ("en", "Without the code")):
        out = run_cli("verify", package, "--lang", lang)
        assert out.returncode == 0, out.stderr
        assert pkg.fingerprint in out.stdout and words in out.stdout and CODES[package] not in out.stdout


@pytest.mark.parametrize("typed", [
    lambda code: code.lower().replace("-", ""),
    lambda code: " ".join(code.split("-")),
    lambda code: "".join(chr(ord(ch) + 0xFEE0) for ch in code).replace("\uff0d", "\u2014"),  # full-width, a dash
])
def test_the_code_is_typed_any_way_a_person_types_it(sitting, typed):
    _, package = sitting
    out = run_cli("verify", package, "--code", typed(CODES[package]))
    assert out.returncode == 0 and "未被改动" in out.stdout, out.stderr


def test_a_wrong_missing_or_malformed_code_is_refused_and_nothing_is_written(sitting, tmp_path):
    _, package = sitting
    code = CODES[package]
    wrong = "".join(ALPHABET[(ALPHABET.index(ch) + 1) % len(ALPHABET)] if ch != "-" else ch for ch in code)
    target = tmp_path / "复赛.sqlite"
    cases = [(["--code", wrong], ["交接码打不开 东城区.sspkg", "未写入任何内容"]),
             ([], ["东城区.sspkg 已加密", "--code"]),
             (["--code", "0O1I-L234-5678-9ABC"], ["格式不对"]),
             (["--code", code, code], ["2 个交接码", "1 个文件"])]
    for extra, words in cases:
        out = run_cli("new", target, "--from", package, *extra, *SEMI)
        assert out.returncode in (1, 2) and all(w in out.stderr for w in words), out.stderr
        assert "Traceback" not in out.stderr and sorted(tmp_path.iterdir()) == []
    en = run_cli("verify", package, "--code", wrong, "--lang", "en")
    assert en.returncode == 1 and "mistyped" in en.stderr and "altered" in en.stderr
    # A roster's sources: the wrong code leaves the file as it was.
    assert run_cli("new", target, "--from", package, "--code", code, *SEMI).returncode == 0
    with Competition(target) as comp:
        before = comp.store.meta("audit_count"), len(comp.contestants())
    out = run_cli("sources", "add", target, package, "--code", wrong)
    assert out.returncode == 1 and "交接码打不开" in out.stderr
    with Competition(target) as comp:
        assert (comp.store.meta("audit_count"), len(comp.contestants())) == before


def test_one_code_per_finalised_version_never_in_the_results(tmp_path):
    path = make_sitting(tmp_path, "s", committee="西城区初赛组委会", count=20, seed=4, prefix="X")
    first = run_cli("export", path, tmp_path / "a.sspkg").stdout
    again = run_cli("export", path, tmp_path / "b.sspkg").stdout
    with Competition(path) as comp:
        code = stage_code(comp).code
        stored = json.loads(comp.store.meta(META_KEY))
        assert stored["fingerprint"] == comp.info().fingerprint == fingerprint_of(comp.finalized_document())
        assert code not in canonical_json(comp.finalized_document()).decode()
    assert f"交接码: {code}" in first and f"交接码: {code}" in again
    assert normalize_code(code) == code and len(code.replace("-", "")) == 16
    with Competition(path) as comp:
        comp.reopen(reason="更正", pin=PIN)
        comp.finalize(pin=PIN)
        renewed = stage_code(comp).code
    assert renewed != code
    english = run_cli("export", path, tmp_path / "c.sspkg", "--lang", "en").stdout
    assert f"code: {renewed}" in english
    with pytest.raises(PackageError) as refused:
        read_package(tmp_path / "c.sspkg", code)  # the first version's code does not open the second
    assert refused.value.code == "pkg_wrong_code"
    with pytest.raises(RefusedError):
        normalize_code("ABCD-EFGH")


def _old_package(path: Path, out: Path) -> Path:
    """A handoff file as the program wrote it before issue 14 (format 1, nothing sealed,
    every phone and the whole log in plain JSON)."""
    with Competition(path) as comp:
        doc = comp.finalized_document()
        results = canonical_json(doc)
        audit = canonical_json([e._asdict() for e in comp.audit_entries()])
    manifest = build_manifest(results, audit, doc, fingerprint_of(doc))
    out.write_bytes(zip_members({"manifest.json": canonical_json(manifest), "results.json": results,
                                 "audit.json": audit}))
    return out


def test_an_old_unsealed_file_still_opens_without_a_code(sitting, tmp_path):
    old_sitting = make_sitting(tmp_path, "old", committee="朝阳区初赛组委会", count=30, seed=9, prefix="C")
    old = _old_package(old_sitting, tmp_path / "朝阳区.sspkg")
    verified = run_cli("verify", old)
    assert verified.returncode == 0 and "完好，未被改动" in verified.stdout and "未输入交接码" not in verified.stdout
    _, sealed = sitting
    semi = tmp_path / "semi.sqlite"
    out = run_cli("new", semi, "--from", old, sealed, "--code", "-", CODES[sealed], *SEMI)
    assert out.returncode == 0, out.stderr
    with Competition(semi) as comp:
        assert {json.loads(o)["committee"] for (o,) in comp.store.db.execute("SELECT origin FROM contestants")} == {
            "朝阳区初赛组委会", "东城区初赛组委会"}


def test_an_old_unsealed_desk_file_still_merges_without_a_code(tmp_path):
    from skillscore.exchange.desk_file import MARKS, PLAIN_FORMAT, read_desk_file

    main = make_sitting(tmp_path, "main", committee="东城区初赛组委会", count=10, seed=2, prefix="A", finalize=False)
    with Competition(main) as comp:
        desk_path = comp.copy_to(tmp_path / "desk.sqlite")
    with Competition(desk_path, operator="王芳") as desk:
        desk.set_mark("A001", "theory", "12")
        done = desk.export_desk(tmp_path / "d.ssdesk")
    sealed = read_desk_file(done.path, done.code)
    marks = canonical_json([i.as_json() for i in sealed.items])
    manifest = {k: v for k, v in sealed.manifest.items() if k != "sealing"}
    manifest |= {"format": PLAIN_FORMAT, "members": {MARKS: member_digest(marks)}}
    old = tmp_path / "old.ssdesk"
    old.write_bytes(zip_members({"manifest.json": canonical_json(manifest), MARKS: marks}))
    assert not any(b'"12.00"' in blob for blob in inflated(done.path.read_bytes()))  # sealed: no mark in the clear
    out = run_cli("desk", "merge", main, old)
    assert out.returncode == 0, out.stderr
    with Competition(main) as comp:
        assert str(comp.entries()["A001"].theory) == "12.00"
