"""The fingerprint printed on the signed sheet is the one `skillscore verify` reports for
the handoff file: the receiving committee can match the USB file to the paper."""

from __future__ import annotations

import json
import re

import pdfplumber

from support import ACCEPTANCE, PIN, run_cli


def test_sheet_fingerprint_equals_verified_package_fingerprint(tmp_path):
    folder = ACCEPTANCE / "final-capped"
    comp = tmp_path / "c.sqlite"
    for step in (["new", comp, "--event", "13", "--stage", "final", "--committee", "决赛组委会", "--date", "2025-11-01",
                  "--pin", PIN, "--levels", "2,3,4,5"],
                 ["roster", "import", comp, folder / "roster.csv"], ["marks", "import", comp, folder / "marks.csv"]):
        assert run_cli(*step).returncode == 0
    # Settle what blocks finalising: missing marks get a value, ties a committee order.
    doc = json.loads(run_cli("ranking", comp, "--json").stdout)
    missing = [r["no"] for r in doc["rows"] if r["status"] == "incomplete"]
    if missing:
        sheet = tmp_path / "m.csv"
        sheet.write_text("编号,理论知识,技能操作\n" + "".join(f"{no},61,62\n" for no in missing), encoding="utf-8")
        assert run_cli("marks", "import", comp, sheet).returncode == 0
        doc = json.loads(run_cli("ranking", comp, "--json").stdout)
    groups = {tuple(r["rank_range"]) for r in doc["rows"] if r["rank_range"]}
    for span in groups:
        order = sorted(r["no"] for r in doc["rows"] if r["rank_range"] and tuple(r["rank_range"]) == span)
        assert run_cli("tie", "resolve", comp, "--order", ",".join(order), "--reason", "裁定", "--pin", PIN).returncode == 0
    assert run_cli("finalize", comp, "--pin", PIN).returncode == 0, "finalise"
    assert run_cli("export", comp, tmp_path / "out.sspkg").returncode == 0
    verified = run_cli("verify", tmp_path / "out.sspkg")
    assert verified.returncode == 0
    [fingerprint] = re.findall(r"\b[0-9a-f]{64}\b", verified.stdout)
    assert run_cli("report", comp, "results", "-o", tmp_path / "r.pdf").returncode == 0
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace("\n", "").replace(" ", "")
    assert fingerprint in text
