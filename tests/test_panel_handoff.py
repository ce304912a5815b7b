"""The judging panel's scheme and judges' marks travel in the handoff file and show on the
internal judges' sheet; the public sheet shows the aggregate only; a single-mark file's
results document, and so its fingerprint, is what it was before (issue 9)."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from support import ACCEPTANCE, PIN, run_cli, write_csv
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError
from skillscore.exchange.handoff import PackageError, export_package
from skillscore.exchange.handoff_read import parse_package, read_package
from skillscore.reports import write_report
from skillscore.exchange.results import canonical_json, fingerprint_of
from skillscore.rules.marks import format_mark
from skillscore.rules.panel import Module, PanelScheme, practical_from_panel
from test_handoff_support import CODES, make_sitting, members, plain_member, resealed, team_rows
from test_reports_sittings import upright_pages

SMALL = ACCEPTANCE / "prelim-small"
SCHEME = PanelScheme(3, "trimmed", (Module("实操", D(70)), Module("答辩", D(30))))


def judges_rows(nos: list[str]) -> list[list[str]]:
    """Contestant i: 实操 50.25+i, 52.50+i, 55.75+i (middle kept: 52.50+i); 答辩 20.25, 22.50,
    26.75 (22.50 kept): practical 75.00+i. The outer marks are dropped, and no total ties."""
    rows = []
    for i, no in enumerate(nos):
        for judge, score in enumerate((D("50.25"), D("52.50"), D("55.75")), start=1):
            rows.append([no, "实操", str(judge), str(score + i)])
        for judge, score in enumerate(("20.25", "22.50", "26.75"), start=1):
            rows.append([no, "答辩", str(judge), score])
    return rows


@pytest.fixture(scope="module")
def panel_package(tmp_path_factory):
    """A finalised panel sitting and its handoff file."""
    folder = tmp_path_factory.mktemp("panel")
    path = folder / "panel.sqlite"
    with Competition.create(path, event_no=21, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                            date="2025-09-01", panel=SCHEME, operator="测试员") as comp:
        comp.import_roster(SMALL / "roster.csv")
        nos = [c.no for c in comp.contestants()]
        comp.import_marks(write_csv(folder / "theory.csv", ["编号", "理论知识"],
                                    [[no, str(90 - i)] for i, no in enumerate(nos)]))
        comp.import_panel_marks(write_csv(folder / "judges.csv", ["编号", "模块", "裁判", "分数"], judges_rows(nos)))
        comp.finalize(pin=PIN)
        stats = comp.judge_statistics()
        CODES[folder / "panel.sspkg"] = export_package(comp, folder / "panel.sspkg").code
    return path, folder / "panel.sspkg", stats


def test_the_scheme_and_every_judges_mark_travel_in_the_handoff_file(panel_package):
    _, package, _ = panel_package
    pkg = read_package(package, CODES[package])
    doc = pkg.results
    assert doc["practical_scheme"] == {"kind": "panel", "judges": 3, "aggregation": "trimmed",
                                       "modules": [{"name": "实操", "max": "70"}, {"name": "答辩", "max": "30"}]}
    first = next(c for c in doc["contestants"] if c["panel"]["实操"]["1"] == "50.25")
    assert first["panel"] == {"实操": {"1": "50.25", "2": "52.50", "3": "55.75"},
                              "答辩": {"1": "20.25", "2": "22.50", "3": "26.75"}}
    assert first["practical"] == "75.00"
    # The receiving committee can work every practical mark out again from the package alone.
    scheme = PanelScheme(3, "trimmed", tuple(Module(m["name"], D(m["max"])) for m in doc["practical_scheme"]["modules"]))
    for c in doc["contestants"]:
        sheet = {m: {int(j): D(s) for j, s in js.items()} for m, js in c["panel"].items()}
        assert format_mark(practical_from_panel(scheme, sheet)[0]) == c["practical"], c["no"]
    out = run_cli("verify", package, "--code", CODES[package])
    assert out.returncode == 0 and pkg.fingerprint in out.stdout


def test_the_judges_sheet_shows_each_judges_mark_the_dropped_ones_and_the_statistics(panel_package, tmp_path):
    path, package, stats = panel_package
    pkg = read_package(package, CODES[package])
    out = tmp_path / "judges.pdf"
    # Printed from the handoff file's document, as the next committee would.
    assert write_report(pkg.results, "judges", out, fingerprint=pkg.fingerprint) == 1
    text = "\n".join(upright_pages(out))
    for expected in ("裁判评分表", "内部材料 · 裁判长及组委会存档", "[50.25]", "52.50", "[55.75]", "[20.25]", "22.50",
                     "[26.75]", "75.00", "88.00", "评分方案：3 名裁判，去掉一个最高分和一个最低分后取平均", pkg.fingerprint[:16]):
        assert expected in text, expected
    assert "[52.50]" not in text and "[22.50]" not in text  # kept marks are not bracketed
    # The statistics printed are the file's own judge_statistics().
    for s in stats:
        line = (f"裁判{s.judge}：评分 {s.marks} 次 · 平均偏差 {s.mean_deviation:+} · 平均绝对偏差 "
                f"{s.mean_abs_deviation} · 被去掉 {s.dropped_share:.1%}")
        assert line in text, line
    # Judges 1 and 3 gave every lowest and highest mark: all theirs were dropped, none of judge 2's.
    assert [(s.marks, s.dropped_share) for s in stats] == [(28, D("1.000")), (28, D("0.000")), (28, D("1.000"))]
    # And from the competition file through the command, in English too.
    en = run_cli("report", path, "judges", "-o", tmp_path / "judges-en.pdf", "--lang", "en")
    assert en.returncode == 0, en.stderr
    assert "Judges' marks" in "\n".join(upright_pages(tmp_path / "judges-en.pdf"))


def test_the_public_results_sheet_shows_only_the_aggregate(panel_package, tmp_path):
    path, _, _ = panel_package
    out = tmp_path / "results.pdf"
    assert run_cli("report", path, "results", "-o", out).returncode == 0
    text = "\n".join(upright_pages(out))
    assert "75.00" in text and "88.00" in text  # practical marks
    for judge_mark in ("50.25", "55.75", "20.25", "26.75"):
        assert judge_mark not in text
    assert "裁判1" not in text and "内部材料" not in text


def test_a_single_mark_file_has_no_judges_sheet(tmp_path):
    sitting = make_sitting(tmp_path, "single", committee="x")
    out = run_cli("report", sitting, "judges", "-o", tmp_path / "j.pdf")
    assert out.returncode == 1 and "没有裁判评分表" in out.stderr
    with Competition(sitting) as comp, pytest.raises(RefusedError):
        write_report(comp, "judges", tmp_path / "j2.pdf")
    assert not (tmp_path / "j.pdf").exists() and not (tmp_path / "j2.pdf").exists()


# Fingerprints of the acceptance scenarios' results documents, computed with the program as
# it was before judges' marks joined the document (commit 4560de1), committee 组委会, date
# 2025-09-01. A single-mark file must keep exactly the document, so these never change.
FINGERPRINTS_BEFORE = {
    "prelim-small": "8085d1f99df295be0afb2131813ebbc6b82b14c1ce211f10bcf599202651a092",
    "final-team": "2f160538705a687cde6c111331f54cea90cce5a2b72165a3a93c5ef28f9a27e9",
    "prelim-certified": "b5cede0cc9dc32ea086a1c7ef90148547ce377b59384476b12ed78486ae47cb0",
}


@pytest.mark.parametrize("name", sorted(FINGERPRINTS_BEFORE))
def test_a_single_mark_files_document_and_fingerprint_are_unchanged(tmp_path, name):
    folder = ACCEPTANCE / name
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    with Competition.create(tmp_path / "c.sqlite", event_no=meta["event"], stage=meta["stage"], committee="组委会",
                            pin=PIN, date="2025-09-01", levels=tuple(meta["levels"]), operator="t") as comp:
        comp.import_roster(folder / "roster.csv")
        comp.import_marks(folder / "marks.csv")
        doc = comp.results_document()
        phones = {c.no: c.phone for c in comp.contestants()}
    assert "practical_scheme" not in doc and all("panel" not in c for c in doc["contestants"])
    # Since issue 14 the document carries the phones of advancing contestants only; with
    # the others' phones put back it is byte for byte the document it always was.
    going = {no for r in doc["ranking"]["rows"] if r["advances"] for no in (r["members"] or [r["no"]])}
    assert all(c["phone"] == (phones[c["no"]] if c["no"] in going else "") for c in doc["contestants"])
    for c in doc["contestants"]:
        c["phone"] = phones[c["no"]]
    assert fingerprint_of(doc) == FINGERPRINTS_BEFORE[name]


def test_a_team_carries_its_judges_marks_on_every_member(tmp_path):
    scheme = PanelScheme(3, "mean", (Module("技能操作", D(100)),))
    rows = team_rows(2, seed=4, prefix="T")
    with Competition.create(tmp_path / "t.sqlite", event_no=9, stage="prelim", committee="x", pin=PIN,
                            date="2025-09-01", panel=scheme) as comp:
        from skillscore.demo import ROSTER_HEADER

        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER + ["团队"], rows))
        for judge, score in enumerate(("80", "81", "85"), start=1):
            comp.set_panel_mark(rows[1][0], "技能操作", judge, score)  # typed against the second member
        doc = comp.results_document()
    by_no = {c["no"]: c for c in doc["contestants"]}
    expected = {"技能操作": {"1": "80.00", "2": "81.00", "3": "85.00"}}
    assert by_no[rows[0][0]]["panel"] == by_no[rows[1][0]]["panel"] == expected
    assert by_no[rows[0][0]]["practical"] == by_no[rows[1][0]]["practical"] == "82.00"
    assert by_no[rows[2][0]]["panel"] == {}


# -- forged judges' marks are refused like any other forged result --------------------------
def _forge(package: bytes, edit, code: str) -> bytes:
    """Edit the results and recompute every hash the manifest holds, as a forger would;
    the receiving program must still refuse what is not well formed."""
    parts = members(package)
    manifest = json.loads(parts["manifest.json"])
    audit = plain_member(parts, manifest, "audit.json.sealed", code)
    doc = json.loads(plain_member(parts, manifest, "results.json.sealed", code))
    edit(doc)
    manifest["fingerprint"] = fingerprint_of(doc)
    return resealed(parts, manifest, {"results.json.sealed": canonical_json(doc), "audit.json.sealed": audit}, code)


@pytest.mark.parametrize("edit, field", [
    (lambda doc: doc["contestants"][0]["panel"]["实操"].update({"4": "60.00"}), "实操"),
    (lambda doc: doc["contestants"][0]["panel"]["答辩"].update({"1": "31.00"}), "答辩.1"),
    (lambda doc: doc["contestants"][0]["panel"].update({"展示": {"1": "10.00"}}), "panel"),
    (lambda doc: doc["practical_scheme"].update({"judges": 2}), "practical_scheme"),
    (lambda doc: doc.pop("practical_scheme"), "panel"),
])
def test_malformed_judges_marks_are_refused(panel_package, edit, field):
    _, package, _ = panel_package
    forged = _forge(package.read_bytes(), edit, CODES[package])
    with pytest.raises(PackageError) as refused:
        parse_package(forged, "forged.sspkg", CODES[package])
    assert refused.value.code == "pkg_results_invalid" and field in refused.value.message(), refused.value.message()
