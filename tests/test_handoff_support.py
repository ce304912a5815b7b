"""Builders shared by the handoff tests (no tests here): finalised sittings made in process
through ``Competition``, their packages, and ZIP surgery for damaged packages."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from support import PIN, write_csv
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows
from skillscore.exchange.handoff import export_package
from skillscore.exchange.handoff_read import read_package
from skillscore.exchange.results import canonical_json

MARKS_HEADER = ["编号", "理论知识", "技能操作", "状态"]


def tie_free_marks(nos: list[str]) -> list[list[str]]:
    """No tie for the committee: within each hundred one practical mark and theory falling
    by 0.50, so up to 100 contestants rank in roster order and all pass (RULES.md §4, §6)."""
    return [[no, f"{99 - (i % 100) * 0.5:.2f}", f"{95 - (i // 100) * 0.4:.2f}", ""] for i, no in enumerate(nos)]


def make_sitting(folder: Path, name: str, *, committee: str, event: int = 29, stage: str = "prelim",
                 rows: list[list[str]] | None = None, count: int = 40, seed: int = 1, prefix: str = "A",
                 marks: list[list[str]] | None = None, finalize: bool = True) -> Path:
    """A sitting with a roster and complete, tie-free marks; finalised unless told not to."""
    path = folder / f"{name}.sqlite"
    rows = rows if rows is not None else roster_rows(count, seed=seed, prefix=prefix)
    with Competition.create(path, event_no=event, stage=stage, committee=committee, pin=PIN,
                            date="2025-09-01", operator="测试员") as comp:
        header = ROSTER_HEADER + ["团队"] * (len(rows[0]) - len(ROSTER_HEADER))  # team rosters
        comp.import_roster(write_csv(folder / f"{name}-roster.csv", header, rows))
        marks = marks if marks is not None else tie_free_marks([r[0] for r in rows])
        comp.import_marks(write_csv(folder / f"{name}-marks.csv", MARKS_HEADER, marks))
        if finalize:
            comp.finalize(pin=PIN)
    return path


# The code (交接码) each exported package is sealed under, as its signed sheet prints it:
# tests type it where a receiving committee would.
CODES: dict[Path, str] = {}
CODE_LINE = re.compile(r"^(?:交接码|code): (\S+)$", re.M)


def export(sitting: Path, out: Path) -> Path:
    with Competition(sitting) as comp:
        CODES[Path(out)] = export_package(comp, out).code
    return out


def exported_code(stdout: str, out: Path) -> str:
    """The code `skillscore export` printed, remembered for ``out``."""
    CODES[Path(out)] = CODE_LINE.search(stdout).group(1)
    return CODES[Path(out)]


def read(path: Path):
    """The package read as the receiving committee reads it, with its code."""
    return read_package(path, CODES[Path(path)])


def code_args(*paths: Path) -> list[str]:
    """``--code`` and each package's code, in the order of the packages."""
    return ["--code", *(CODES[Path(p)] for p in paths)]


def prelim_package(folder: Path, name: str, **kw) -> Path:
    return export(make_sitting(folder, name, **kw), folder / f"{name}.sspkg")


def team_rows(teams: int, *, seed: int, prefix: str, names: list[str] | None = None) -> list[list[str]]:
    """A team-event roster (event 9, two per team) with a 团队 column."""
    rows = roster_rows(teams * 2, seed=seed, prefix=prefix)
    team_names = names or [f"第{i + 1}队" for i in range(teams)]
    return [r + [team_names[i // 2]] for i, r in enumerate(rows)]


def team_marks(rows: list[list[str]]) -> list[list[str]]:
    """Members share their team's practical mark; totals differ between teams."""
    out = []
    for i, r in enumerate(rows):
        team = i // 2
        out.append([r[0], f"{60 + team * 1.5 + (i % 2) * 0.5:.2f}", f"{90 - team * 1.25:.2f}", ""])
    return out


# -- ZIP surgery ---------------------------------------------------------------------------
def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(entries: list[tuple[str, bytes]], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, content in entries:
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content, compress_type=compression)
    return buffer.getvalue()


def with_manifest(parts: dict[str, bytes], manifest: dict) -> bytes:
    parts = dict(parts)
    parts["manifest.json"] = canonical_json(manifest)
    return rezip(sorted(parts.items()))


def rehash(manifest: dict, name: str, content: bytes) -> dict:
    """The manifest with a member's hash and size recomputed, as a forger would."""
    import hashlib

    m = json.loads(json.dumps(manifest))
    m["members"][name] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    return m


# -- a forger who holds the code: contents opened, edited and sealed again -----------------
def plain_member(parts: dict[str, bytes], manifest: dict, member: str, code: str) -> bytes:
    from skillscore.exchange.sealing import associated, derive, unseal
    from skillscore.exchange.handoff import PACKAGE_FORMAT

    keys = derive(code, manifest["sealing"]["kdf"])
    return unseal(keys, manifest["members"][member]["nonce"], parts[member],
                  associated(PACKAGE_FORMAT, member, manifest["fingerprint"]), 1 << 30)


def resealed(parts: dict[str, bytes], manifest: dict, plain: dict[str, bytes], code: str) -> bytes:
    """Edited contents sealed again under ``code``, every hash and nonce fixed up."""
    from skillscore.exchange.sealing import associated, derive, seal
    from skillscore.exchange.handoff import PACKAGE_FORMAT

    parts, manifest = dict(parts), json.loads(json.dumps(manifest))
    keys = derive(code, manifest["sealing"]["kdf"])
    for member, content in plain.items():
        nonce, parts[member] = seal(keys, member, content, associated(PACKAGE_FORMAT, member, manifest["fingerprint"]))
        manifest["members"][member] = {**rehash(manifest, member, parts[member])["members"][member], "nonce": nonce}
    return with_manifest(parts, manifest)
