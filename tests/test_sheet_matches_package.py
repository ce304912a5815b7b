"""The fingerprint printed on the signed sheet is the one `skillscore verify` reports for
the handoff file: the receiving committee can match the USB file to the paper. The code
(交接码) printed on the results and advancement sheets, in text and as a QR code, is the
one `skillscore export` printed, and it opens the file."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

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
    exported = run_cli("export", comp, tmp_path / "out.sspkg")
    assert exported.returncode == 0
    [code] = re.findall(r"^交接码: (\S+)$", exported.stdout, re.M)
    verified = run_cli("verify", tmp_path / "out.sspkg", "--code", code)
    assert verified.returncode == 0
    [fingerprint] = re.findall(r"\b[0-9a-f]{64}\b", verified.stdout)
    assert run_cli("report", comp, "results", "-o", tmp_path / "r.pdf").returncode == 0
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace("\n", "").replace(" ", "")
    assert fingerprint in text and code in text
    assert qr_codes(tmp_path / "r.pdf", tmp_path) == {code, fingerprint}


def qr_codes(pdf: Path, folder: Path) -> set[str]:
    """The QR codes on the sheet's last page (where the signatures are), as a scanner reads them."""
    import zxingcpp
    from PIL import Image

    with pdfplumber.open(pdf) as doc:
        last = len(doc.pages)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(last), "-l", str(last), "-singlefile", str(pdf),
                    str(folder / "page")], check=True)
    found = zxingcpp.read_barcodes(Image.open(folder / "page.png"))
    assert all(b.format == zxingcpp.BarcodeFormat.QRCode for b in found)
    return {b.text for b in found}


def test_the_prelim_sheets_print_the_code_that_export_printed_and_it_opens_the_file(tmp_path):
    from test_handoff_support import make_sitting

    sitting = make_sitting(tmp_path, "prelim", committee="东城区初赛组委会", count=30, seed=5, prefix="D")
    exported = run_cli("export", sitting, tmp_path / "p.sspkg", "--lang", "en")
    [code] = re.findall(r"^code: (\S+)$", exported.stdout, re.M)
    [fingerprint] = re.findall(r"\b[0-9a-f]{64}\b", exported.stdout)
    for kind, lang in (("results", "zh"), ("advancement", "zh"), ("advancement", "en")):
        out = tmp_path / f"{kind}-{lang}.pdf"
        assert run_cli("report", sitting, kind, "-o", out, "--lang", lang).returncode == 0
        with pdfplumber.open(out) as pdf:
            text = pdf.pages[-1].extract_text()
        assert code in text and ("交接码" in text if lang == "zh" else "Handoff code" in text)
        assert qr_codes(out, tmp_path) == {code, fingerprint}
    assert run_cli("report", sitting, "certificates", "-o", tmp_path / "c.pdf").returncode == 0
    with pdfplumber.open(tmp_path / "c.pdf") as pdf:  # the certificates list is not a handoff sheet
        assert code not in "".join(page.extract_text() for page in pdf.pages)
    assert run_cli("verify", tmp_path / "p.sspkg", "--code", code).returncode == 0
