"""Handoff packages (成绩交接文件): a finalised stage's results on a USB stick.

A package is a ZIP with three members:
  manifest.json  format, program, event, stage, committee, date, result version,
                 fingerprint, counts, and the SHA-256 and size of the other members
  results.json   canonical_json of the finalised results document, so its SHA-256 *is*
                 the fingerprint printed on the paper sheets
  audit.json     the competition file's hash-chained audit log
Everything is deterministic (fixed timestamps, sorted members, canonical JSON): the same
finalised state gives the same bytes. Reading never extracts to disk and refuses, with
a message naming the package and what is wrong, anything that a real package could not
be: damaged or altered members, unsafe paths, zip bombs, unknown format versions.

For the GUI: ``export_package(comp, out, progress=None)`` and ``read_package(path)``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .errors import RefusedError
from .messages import register, render
from .results import canonical_json
from .safezip import ZIP_TIME, Limits, member_digest, read_from_medium, zip_members  # noqa: F401  (zip_members: re-exported)
from . import safezip

PACKAGE_FORMAT = "skillscore-handoff/1"
FORMAT_FAMILY = "skillscore-handoff/"
MANIFEST, RESULTS, AUDIT = "manifest.json", "results.json", "audit.json"
MEMBERS = (AUDIT, MANIFEST, RESULTS)  # sorted: the order they are written in
HASHED_MEMBERS = (AUDIT, RESULTS)  # the manifest lists these

# Limits, from measured sizes: 10,000 contestants make results.json 5.2 MB and an
# audit log of 11.9 MB (30,000 entries), 2.6 MB zipped. 100,000 contestants, more than
# any sitting, would be ~52 MB and ~120 MB. The caps leave room for that and for many
# corrections in the log, and refuse anything larger before it is decompressed.
MAX_MEMBERS = 16
MAX_MEMBER_BYTES = {MANIFEST: 64 * 1024, RESULTS: 128 * 1024 * 1024, AUDIT: 384 * 1024 * 1024}
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_CENTRAL_DIRECTORY = 64 * 1024
# Our JSON deflates about 8:1 (results) and 6:1 (audit). 100:1 is a bomb, not a roster.
MAX_RATIO = 100
LIMITS = Limits(members=MAX_MEMBERS, expected=len(MEMBERS), total_bytes=MAX_PACKAGE_BYTES,
                member_bytes=MAX_MEMBER_BYTES, central_directory=MAX_CENTRAL_DIRECTORY, ratio=MAX_RATIO)

STAGE_NAMES = {"prelim": ("初赛", "prelim"), "semifinal": ("复赛", "semifinal"), "final": ("决赛", "final")}

register(
    {
        "handoff_not_finalized": (
            "本阶段尚未定稿，不能导出成绩交接文件：请裁判长先定稿",
            "This stage is not finalised, so no handoff file can be exported: the chief judge must finalise first",
        ),
        "handoff_stored_mismatch": (
            "竞赛文件 {path} 中保存的定稿成绩与成绩指纹不符（文件可能在程序之外被改动），不能导出",
            "The finalised results stored in {path} do not match their fingerprint (the file may have been "
            "changed outside the program); nothing was exported",
        ),
        "handoff_folder_missing": ("目标文件夹不存在：{path}", "The target folder does not exist: {path}"),
        "handoff_write_failed": (
            "无法写入成绩交接文件 {path}：{detail}。没有留下写了一半的文件。",
            "Could not write the handoff file {path}: {detail}. No half-written file was left behind.",
        ),
        "handoff_readback_failed": (
            "写入后读回的 {path} 与应写内容不一致（U 盘可能有问题），已删除该文件。请换一个 U 盘重试。",
            "{path} read back differently from what was written (the USB stick may be faulty); the file was "
            "deleted. Try another USB stick.",
        ),
        "handoff_exported": (
            "已导出成绩交接文件 {path}（第 {version} 版）· 成绩指纹 {fingerprint}",
            "Exported handoff file {path} (version {version}) · fingerprint {fingerprint}",
        ),
        "pkg_missing_file": ("找不到成绩交接文件：{package}", "Handoff file not found: {package}"),
        "pkg_not_zip": (
            "{package} 不是有效的成绩交接文件（不是完整的 ZIP 文件，可能复制不完整）：{detail}",
            "{package} is not a valid handoff file (not a complete ZIP file; the copy may be incomplete): {detail}",
        ),
        "pkg_too_large": (
            "{package} 过大（{size} 字节，上限 {limit} 字节），不是正常的成绩交接文件",
            "{package} is too large ({size} bytes, the limit is {limit}); it is not a normal handoff file",
        ),
        "pkg_too_many_members": (
            "{package} 含有 {count} 个成员，成绩交接文件只应有 {expected} 个",
            "{package} holds {count} members; a handoff file holds exactly {expected}",
        ),
        "pkg_unsafe_path": (
            "{package} 含有不安全的成员路径「{member}」（含 ..、绝对路径、盘符或反斜杠），已拒绝",
            "{package} holds an unsafe member path '{member}' (.., an absolute path, a drive or a backslash); refused",
        ),
        "pkg_duplicate_member": (
            "{package} 中成员「{member}」出现了不止一次",
            "{package} holds member '{member}' more than once",
        ),
        "pkg_missing_member": ("{package} 缺少成员「{member}」", "{package} lacks the member '{member}'"),
        "pkg_extra_member": ("{package} 含有多余的成员「{member}」", "{package} holds an unexpected member '{member}'"),
        "pkg_member_too_large": (
            "{package} 中成员「{member}」过大（{size} 字节，上限 {limit} 字节），疑似压缩炸弹",
            "{package}: member '{member}' is too large ({size} bytes, the limit is {limit}); it looks like a zip bomb",
        ),
        "pkg_ratio": (
            "{package} 中成员「{member}」的压缩比异常（约 {ratio}:1，上限 {limit}:1），疑似压缩炸弹",
            "{package}: member '{member}' has an abnormal compression ratio (about {ratio}:1, the limit is {limit}:1); "
            "it looks like a zip bomb",
        ),
        "pkg_member_unsupported": (
            "{package} 中成员「{member}」已加密或使用了不支持的压缩方式",
            "{package}: member '{member}' is encrypted or uses an unsupported compression",
        ),
        "pkg_member_damaged": (
            "{package} 中成员「{member}」已损坏：{detail}",
            "{package}: member '{member}' is damaged: {detail}",
        ),
        "pkg_hash_mismatch": (
            "{package} 中成员「{member}」的 SHA-256 与清单不符：文件已损坏或被改动",
            "{package}: the SHA-256 of member '{member}' does not match the manifest; the file is damaged or altered",
        ),
        "pkg_fingerprint_mismatch": (
            "{package} 的成绩与清单中的成绩指纹不符（清单 {expected}，实际 {actual}）：成绩在定稿后被改动，不能使用",
            "{package}: the results do not match the manifest's fingerprint (manifest {expected}, actual {actual}); "
            "the results were changed after finalising and cannot be used",
        ),
        "pkg_format_unsupported": (
            "{package} 的文件格式为「{found}」，本程序（{program}）只能读取「{supported}」，请使用能读取该格式的程序版本",
            "{package} has the file format '{found}'; this program ({program}) reads '{supported}' only. "
            "Use a program version that reads it.",
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
        "pkg_unreadable": ("{package} 无法读取：{detail}", "{package} cannot be read: {detail}"),
    }
)


class PackageError(RefusedError):
    """A handoff package is refused. ``reason`` is a nested message code rendered as
    the ``detail`` in the user's language (a schema problem, say)."""

    def __init__(self, code: str, *, package: str | Path, reason: tuple[str, dict] | None = None, **params: Any):
        self.reason = reason
        super().__init__(code, package=Path(package).name, **params)

    def message(self, lang: str = "zh") -> str:
        params = dict(self.params)
        if self.reason is not None:
            code, reason_params = self.reason
            params["detail"] = render(code, lang, **reason_params)
        return render(self.code, lang, **params)


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
    path: Path
    fingerprint: str
    version: int
    size: int
    sha256: str  # of the whole package file, as read back from the medium


def build_manifest(results: bytes, audit: bytes, doc: dict, fingerprint: str) -> dict:
    return {
        "format": PACKAGE_FORMAT,
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


def package_bytes(comp) -> tuple[bytes, dict]:
    """The package of a finalised competition, in memory, with its manifest."""
    info = comp.info()
    if not info.finalized:
        raise RefusedError("handoff_not_finalized")
    doc = comp.finalized_document()
    results = canonical_json(doc)
    fingerprint = hashlib.sha256(results).hexdigest()
    if fingerprint != info.fingerprint:
        raise RefusedError("handoff_stored_mismatch", path=str(info.path))
    audit = canonical_json([vars(e) for e in comp.audit_entries()])
    manifest = build_manifest(results, audit, doc, fingerprint)
    data = zip_members({MANIFEST: canonical_json(manifest), RESULTS: results, AUDIT: audit})
    return data, manifest


_read_from_medium = read_from_medium  # looked up at each write: tests put a faulty stick here


def write_safely(out: str | Path, data: bytes) -> str:
    """Write for a USB stick (safezip.write_safely) with the handoff's messages.
    Returns the SHA-256; a failure leaves neither a temporary file nor a half-written ``out``."""
    def fail(code: str, **params: Any) -> RefusedError:
        return RefusedError("handoff_" + code, **params)

    return safezip.write_safely(out, data, fail, read_back=lambda path: _read_from_medium(path))


def export_package(comp, out: str | Path, progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Export the finalised stage of ``comp`` to ``out``. ``progress(step, steps)`` is
    called after each of the steps (collect and pack, write, read back)."""
    step = progress or (lambda done, total: None)
    data, manifest = package_bytes(comp)
    step(1, 3)
    digest = write_safely(out, data)
    step(3, 3)
    return ExportResult(Path(out), manifest["fingerprint"], manifest["version"], len(data), digest)


# -- reading ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Package:
    """A verified handoff package: everything in it has passed every check."""

    path: Path
    manifest: dict
    results: dict
    audit: list
    fingerprint: str
    sha256: str  # of the package file

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


def read_package(path: str | Path) -> Package:
    """Read and verify a package; raise PackageError naming what is wrong."""
    path = Path(path)
    data = safezip.read_file(path, LIMITS, lambda code, **params: PackageError("pkg_" + code, package=path, **params))
    return parse_package(data, path)


def parse_package(data: bytes, path: str | Path = "package.sspkg") -> Package:
    """Verify the bytes of a package. Any failure is a PackageError, never a traceback:
    fuzzed input reaches corners of zipfile and json that raise all sorts of things."""
    from .handoff_read import check_package

    path = Path(path)
    try:
        return check_package(data, path)
    except PackageError:
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - see docstring
        raise PackageError("pkg_unreadable", package=path, detail=f"{type(exc).__name__}: {exc}"[:200]) from None


def describe(pkg: Package, lang: str = "zh") -> str:
    """What ``verify`` prints: the sitting, the counts and the fingerprint."""
    from .handoff_read import describe_package

    return describe_package(pkg, lang)


# The roster side (next stage, sources) lives in handoff_roster, which imports this module;
# these wrappers keep ``from .handoff import create_from_packages`` (cli.py) working.
def create_from_packages(file, packages, **options):
    """The next stage's competition file from the previous stage's packages."""
    from .handoff_roster import create_from_packages as create

    return create(file, packages, **options)


def add_source(comp, package_path):
    """Another committee's package joins (or a newer version replaces) a roster."""
    from .handoff_roster import add_source as add

    return add(comp, package_path)


def list_sources(comp):
    """The packages a roster was built from, newest last (replaced ones included)."""
    from .handoff_roster import list_sources as listed

    return listed(comp)
