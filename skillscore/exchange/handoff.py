"""Handoff packages (成绩交接文件): a finalised stage's results on a USB stick.

A package is a ZIP with three members:
  manifest.json  format, program, event, stage, committee, date, result version,
                 fingerprint, counts, and the SHA-256 and size of the other members
  results.json   canonical_json of the finalised results document, so its SHA-256 *is*
                 the fingerprint printed on the paper sheets
  audit.json     the competition file's hash-chained audit log
Since issue 14 (format 'skillscore-handoff/2') the two members with personal data are
sealed (exchange/sealing.py) as results.json.sealed and audit.json.sealed under the stage's
code (交接码), which the signed sheets print and the file never holds; the manifest stays
readable and lists, for each sealed member, the SHA-256 and size of the bytes as stored
(so the container is checked without the code) and its nonce, with the cipher and the
key derivation's parameters and salt under ``sealing``. Format 1 files (plain members)
are still read, without a code. Personal data is kept to what the next committee needs:
the results document carries phones of advancing contestants only (competition.py), and
the sealed audit log blanks the phones of everyone else in roster entries, marking each
such entry ``"redacted": true`` (its hash is the original's, so the chain still links).
Everything is deterministic (fixed timestamps, sorted members, canonical JSON, the
stage's stored salt, nonces from the content): the same finalised state gives the same
bytes. Reading never extracts to disk and refuses, with
a message naming the package and what is wrong, anything that a real package could not
be: damaged or altered members, unsafe paths, zip bombs, unknown format versions.

For the GUI: ``export_package(comp, out, progress=None)`` and ``read_package(path)``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..errors import RefusedError
from ..messages import register
from .results import canonical_json
from .safezip import READBACK_FAILED, ZIP_TIME, ContainerError, Limits, member_digest, read_from_medium, zip_members  # noqa: F401  (zip_members: re-exported)
from . import safezip
from .sealing import CIPHER, associated, derive, new_kdf, seal, stage_code  # its texts too (handoff_not_finalized)

PACKAGE_FORMAT = "skillscore-handoff/2"  # sealed; what export writes
PLAIN_FORMAT = "skillscore-handoff/1"  # before issue 14: read without a code
FORMATS = (PLAIN_FORMAT, PACKAGE_FORMAT)
FORMAT_FAMILY = "skillscore-handoff/"
MANIFEST, RESULTS, AUDIT = "manifest.json", "results.json", "audit.json"
SEALED = {RESULTS: "results.json.sealed", AUDIT: "audit.json.sealed"}  # plain name -> stored name
MEMBERS = (AUDIT, MANIFEST, RESULTS)  # sorted: the order they are written in (format 1)
HASHED_MEMBERS = (AUDIT, RESULTS)  # the manifest lists these (format 1)
SEALED_MEMBERS = tuple(sorted((MANIFEST, *SEALED.values())))
SEALED_HASHED = tuple(sorted(SEALED.values()))

# Limits, from measured sizes: 10,000 contestants make results.json 5.2 MB and an
# audit log of 11.9 MB (30,000 entries), 2.6 MB zipped. 100,000 contestants, more than
# any sitting, would be ~52 MB and ~120 MB. The caps leave room for that and for many
# corrections in the log, and refuse anything larger before it is decompressed.
MAX_MEMBERS = 16
MAX_MEMBER_BYTES = {MANIFEST: 64 * 1024, RESULTS: 128 * 1024 * 1024, AUDIT: 384 * 1024 * 1024}
# A sealed member is compressed before it is encrypted: its stored size is the zipped size.
MAX_MEMBER_BYTES |= {SEALED[RESULTS]: 64 * 1024 * 1024, SEALED[AUDIT]: 192 * 1024 * 1024}
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_CENTRAL_DIRECTORY = 64 * 1024
# Our JSON deflates about 8:1 (results) and 6:1 (audit). 100:1 is a bomb, not a roster.
MAX_RATIO = 100
LIMITS = Limits(members=MAX_MEMBERS, expected=len(MEMBERS), total_bytes=MAX_PACKAGE_BYTES,
                member_bytes=MAX_MEMBER_BYTES, central_directory=MAX_CENTRAL_DIRECTORY, ratio=MAX_RATIO)

WHAT = ("成绩交接文件", "handoff file")  # the container messages' word for this kind of file

register(
    {
        "handoff_stored_mismatch": (
            "竞赛文件 {path} 中保存的定稿成绩与成绩指纹不符（文件可能在程序之外被改动），不能导出",
            "The finalised results stored in {path} do not match their fingerprint (the file may have been "
            "changed outside the program); nothing was exported",
        ),
        "handoff_readback_failed": READBACK_FAILED,  # safezip's text, under the code callers know
        "handoff_exported": (
            "已导出成绩交接文件 {path}（第 {version} 版）· 成绩指纹 {fingerprint}",
            "Exported handoff file {path} (version {version}) · fingerprint {fingerprint}",
        ),
        "handoff_code_line": ("交接码: {handoff_code}", "code: {handoff_code}"),
        "pkg_code_needed": (
            "{package} 已加密：请输入该阶段已签字纸质成绩单上的交接码（--code）",
            "{package} is sealed: give the code (交接码) printed on the stage's signed results sheet (--code)",
        ),
        "pkg_wrong_code": (
            "交接码打不开 {package}：可能是交接码输入有误（请对照已签字的纸质成绩单），也可能是拿错了文件，"
            "或文件已损坏或被改动。未写入任何内容。",
            "The code does not open {package}: the code may be mistyped (compare it with the signed sheet), "
            "or it is the wrong file, or the file is damaged or altered. Nothing was written.",
        ),
        "pkg_missing_file": ("找不到成绩交接文件：{package}", "Handoff file not found: {package}"),
        "pkg_fingerprint_mismatch": (
            "{package} 的成绩与清单中的成绩指纹不符（清单 {expected}，实际 {actual}）：成绩在定稿后被改动，不能使用",
            "{package}: the results do not match the manifest's fingerprint (manifest {expected}, actual {actual}); "
            "the results were changed after finalising and cannot be used",
        ),
        "pkg_manifest_invalid": (
            "{package} 的清单 manifest.json 不符合格式：{detail}",
            "{package}: the manifest (manifest.json) breaks the format: {detail}",
        ),
        "pkg_results_invalid": (
            "{package} 的成绩 results.json 不符合格式：{detail}",
            "{package}: the results (results.json) break the format: {detail}",
        ),
        "pkg_audit_invalid": (
            "{package} 的审计日志 audit.json 有问题：{detail}",
            "{package}: the audit log (audit.json) is not sound: {detail}",
        ),
        "pkg_manifest_disagrees": (
            "{package} 的清单与成绩不一致：{field}（清单为 {manifest}，成绩为 {results}）",
            "{package}: the manifest disagrees with the results on {field} (manifest {manifest}, results {results})",
        ),
    }
)


class PackageError(ContainerError):
    """A handoff package is refused: in safezip's words (``zip_*``) for the container,
    in the handoff's own (``pkg_*``) for what it holds. ``reason`` is a nested message
    code rendered as the ``detail`` in the user's language (a schema problem, say)."""

    def __init__(self, code: str, *, package: str | Path, reason: tuple[str, dict] | None = None, **params: Any):
        name = Path(package).name
        super().__init__(code, what=WHAT, reason=reason, package=name, file=name, **params)


def package_fail(package: str | Path) -> Callable[..., PackageError]:
    """safezip's ``fail`` for one package (a missing one keeps the handoff's own words)."""
    return lambda code, **params: PackageError("pkg_missing_file" if code == "missing_file" else "zip_" + code,
                                               package=package, **params)


# -- counts: one definition for the manifest, verify and the summary ---------------------
def count_results(doc: dict) -> dict:
    """Head counts of a results document, in persons (a team row counts its members)."""
    counts = {k: 0 for k in ("contestants", "teams", "ranked", "absent", "withdrawn", "disqualified",
                             "advancing", "talent_pool", "subsidies", "subsidy_yuan", "labor_award_nominations")}
    levels = {str(level): 0 for level in range(1, 6)}
    counts["contestants"] = len(doc["contestants"])
    for row in doc["ranking"]["rows"]:
        persons = len(row["members"]) if row["members"] is not None else 1
        if row["members"] is not None:
            counts["teams"] += 1
        if row["status"] in ("ranked", "absent", "withdrawn", "disqualified"):
            counts[row["status"]] += persons
        if row["advances"]:
            counts["advancing"] += persons
        if row["certificate"]:
            levels[str(row["certificate"])] += persons
        awards = row["awards"]
        if awards:
            counts["talent_pool"] += persons if awards["talent_pool"] else 0
            counts["labor_award_nominations"] += persons if awards["labor_award_nomination"] else 0
            if awards["subsidy_yuan"]:
                counts["subsidies"] += persons
                counts["subsidy_yuan"] += persons * awards["subsidy_yuan"]
    counts["certificates"] = levels
    return counts


# -- writing ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportResult:
    """What ``export_package`` wrote: the package file, its fingerprint and result version, its size and SHA-256."""

    path: Path
    fingerprint: str
    version: int
    size: int
    sha256: str  # of the whole package file, as read back from the medium
    code: str = ""  # the handoff code (交接码) it is sealed under, as the sheets print it


def build_manifest(results: bytes, audit: bytes, doc: dict, fingerprint: str) -> dict:
    """A format 1 manifest (plain members); ``package_bytes`` seals it into format 2."""
    return {
        "format": PLAIN_FORMAT,
        "program": f"skillscore {__version__}",
        "competition": doc["competition"],
        "event": {"no": doc["event"]["no"], "name": doc["event"]["name"]},
        "stage": doc["stage"],
        "committee": doc["committee"],
        "date": doc["date"],
        "version": doc["version"],
        "fingerprint": fingerprint,
        "counts": count_results(doc),
        "members": {RESULTS: member_digest(results), AUDIT: member_digest(audit)},
    }


def advancing_numbers(doc: dict) -> set[str]:
    """The contestants (team members) who go on to the next stage."""
    return {no for row in doc["ranking"]["rows"] if row["advances"] for no in (row["members"] or [row["no"]])}


def redact_audit(entries: list[dict], keep: set[str]) -> list[dict]:
    """The audit log with the phones of everyone not in ``keep`` blanked in roster entries."""
    out = []
    for e in entries:
        if e["action"] in ("roster_add", "roster_update") and e["subject"] not in keep:
            e = _without_phone(e)
        out.append(e)
    return out


def _without_phone(e: dict) -> dict:
    if e["action"] == "roster_update":
        if e["field"] != "phone" or not (e["old"] or e["new"]):
            return e
        return {**e, "old": "" if e["old"] is not None else None, "new": "", "redacted": True}
    try:
        record = json.loads(e["new"] or "null")
    except ValueError:
        return e
    if not isinstance(record, dict) or not record.get("phone"):
        return e
    record["phone"] = ""
    return {**e, "new": json.dumps(record, ensure_ascii=False, sort_keys=True), "redacted": True}


def package_bytes(comp) -> tuple[bytes, dict]:
    """The sealed package of a finalised competition, in memory, with its manifest and code."""

    data, manifest = _plain_parts(comp)
    stage = stage_code(comp)
    kdf = new_kdf(stage.salt)
    keys = derive(stage.code, kdf)
    members, listed = {}, {}
    for plain, stored in sorted(SEALED.items()):
        nonce, sealed = seal(keys, stored, data[plain], associated(PACKAGE_FORMAT, stored, manifest["fingerprint"]))
        members[stored] = sealed
        listed[stored] = {**member_digest(sealed), "nonce": nonce}
    manifest = {**manifest, "format": PACKAGE_FORMAT, "members": listed, "sealing": {"cipher": CIPHER, "kdf": kdf}}
    members[MANIFEST] = canonical_json(manifest)
    return zip_members(members), {**manifest, "code": stage.code}


def _plain_parts(comp) -> tuple[dict[str, bytes], dict]:
    info = comp.info()
    if not info.finalized:
        raise RefusedError("handoff_not_finalized")
    doc = comp.finalized_document()
    results = canonical_json(doc)
    fingerprint = hashlib.sha256(results).hexdigest()
    if fingerprint != info.fingerprint:
        raise RefusedError("handoff_stored_mismatch", path=str(info.path))
    audit = canonical_json(redact_audit([e._asdict() for e in comp.audit_entries()], advancing_numbers(doc)))
    return {RESULTS: results, AUDIT: audit}, build_manifest(results, audit, doc, fingerprint)


_read_from_medium = read_from_medium  # looked up at each write: tests put a faulty stick here


def write_safely(out: str | Path, data: bytes) -> str:
    """Write for a USB stick (safezip.write_safely), refusals naming a handoff file.
    Returns the SHA-256; a failure leaves neither a temporary file nor a half-written ``out``."""
    def fail(code: str, **params: Any) -> ContainerError:
        # The read-back's code stays the handoff's own: callers (the GUI) tell it apart.
        return ContainerError("handoff_readback_failed" if code == "readback_failed" else "zip_" + code, what=WHAT,
                              **params)

    return safezip.write_safely(out, data, fail, read_back=lambda path: _read_from_medium(path))


def export_package(comp, out: str | Path, progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Export the finalised stage of ``comp`` to ``out``. ``progress(step, steps)`` is
    called after each of the steps (collect and pack, write, read back)."""
    step = progress or (lambda done, total: None)
    info = comp.info()
    safezip.refuse_replacing(out, lambda held: _same_sitting(held, info), WHAT)  # first: a refusal changes nothing
    data, manifest = package_bytes(comp)
    step(1, 3)
    digest = write_safely(out, data)
    step(3, 3)
    return ExportResult(Path(out), manifest["fingerprint"], manifest["version"], len(data), digest, manifest["code"])


def _same_sitting(held: dict, info) -> bool:
    """Whether a file already at the output is this sitting's handoff file (any version):
    the sitting as the summary tells sittings apart, by event, stage and committee."""
    return (held["format"].startswith(FORMAT_FAMILY) and isinstance(held.get("event"), dict)
            and (held["event"].get("no"), held.get("stage"), held.get("committee"))
            == (info.event.no, info.stage.value, info.committee))


# -- reading ------------------------------------------------------------------------------
class _Manifest:
    """What the readable manifest says (a checked package, opened or not)."""

    path: Path
    manifest: dict
    fingerprint: str

    @property
    def sealed(self) -> bool:
        return self.manifest["format"] == PACKAGE_FORMAT

    @property
    def event_no(self) -> int:
        return self.manifest["event"]["no"]

    @property
    def event_name(self) -> str:
        return self.manifest["event"]["name"]

    @property
    def stage(self) -> str:
        return self.manifest["stage"]

    @property
    def committee(self) -> str:
        return self.manifest["committee"]

    @property
    def version(self) -> int:
        return self.manifest["version"]

    @property
    def counts(self) -> dict:
        return self.manifest["counts"]


@dataclass(frozen=True)
class Package(_Manifest):
    """A verified handoff package: everything in it has passed every check."""

    path: Path
    manifest: dict
    results: dict
    audit: list
    fingerprint: str
    sha256: str  # of the package file


@dataclass(frozen=True)
class Unopened(_Manifest):
    """A sealed package read without its code: the container, the manifest and the stored
    members' hashes passed; nothing sealed was read, so only the manifest can be shown."""

    path: Path
    manifest: dict
    fingerprint: str
    sha256: str
