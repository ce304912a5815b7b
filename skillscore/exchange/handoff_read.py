"""Checking a handoff package's bytes, member by member, never extracting to disk.

The container checks are safezip's (shared with the desk file). The order of the checks
is the order of trust: the ZIP's end record (before zipfile parses a central directory
that could hold millions of entries), member names, the manifest and its format version,
the member set, sizes and compression ratios, then hashes, the fingerprint, the schemas,
and last the audit log's hash chain.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..catalog import LEVEL_NAMES
from .sealing import WrongCode, associated, derive, normalize_code, unseal
from .handoff import (
    AUDIT, FORMAT_FAMILY, FORMATS, HASHED_MEMBERS, LIMITS, MANIFEST, MEMBERS, PACKAGE_FORMAT, RESULTS, SEALED,
    SEALED_HASHED, SEALED_MEMBERS, Package, PackageError, Unopened, count_results, package_fail,
)
from . import safezip
from .handoff_schema import SchemaProblem, check_audit, check_manifest, check_results
from ..errors import RefusedError
from ..messages import register, render
from ..model import stage_name
from .results import canonical_json
from .safezip import JSON_ERRORS, check_size, loads_strict, open_members, read_member
from .. import __version__

register(
    {
        "pkg_verified": ("成绩交接文件 {package} 完好，未被改动", "Handoff file {package} is intact and unaltered"),
        "pkg_container_verified": (
            "成绩交接文件 {package} 的文件结构和清单完好（内容已加密，未输入交接码）",
            "Handoff file {package}: the container and manifest are intact (the contents are sealed; no code given)",
        ),
        "pkg_line_not_opened": (
            "未输入交接码，加密的成绩和审计日志未经核对；用 --code 输入已签字成绩单上的交接码即可全部核对",
            "Without the code the sealed results and audit log were not checked; give the code printed on the "
            "signed sheet with --code to check everything",
        ),
        "pkg_line_event": ("竞赛项目：{no} {name}", "Event: {no} {name}"),
        "pkg_line_stage": ("阶段：{stage}", "Stage: {stage}"),
        "pkg_line_committee": ("组委会：{committee}", "Committee: {committee}"),
        "pkg_line_date": ("比赛日期：{date}", "Date: {date}"),
        "pkg_line_version": ("定稿版本：第 {version} 版", "Result version: {version}"),
        "pkg_line_counts": (
            "人数：参赛 {contestants} · 排名 {ranked} · 缺考 {absent} · 弃权 {withdrawn} · 取消资格 {disqualified} · 晋级 {advancing}",
            "Contestants {contestants} · ranked {ranked} · absent {absent} · withdrawn {withdrawn} · "
            "disqualified {disqualified} · advancing {advancing}",
        ),
        "pkg_line_teams": ("团队：{teams}", "Teams: {teams}"),
        "pkg_line_certificates": ("取证等级：{levels}", "Certificate levels: {levels}"),
        "pkg_line_awards": (
            "奖励：纳入技能人才库 {talent_pool} · 资助 {subsidies} 人共 {subsidy_yuan} 元 · 推荐参评劳动奖项 {labor_award_nominations}",
            "Awards: talent pool {talent_pool} · subsidy {subsidies} person(s), {subsidy_yuan} yuan · "
            "award nominations {labor_award_nominations}",
        ),
        "pkg_line_fingerprint": ("成绩指纹：{fingerprint}", "Fingerprint: {fingerprint}"),
    }
)


def check_package(data: bytes, path: Path, code: str | None = None, open_sealed: bool = True) -> Package | Unopened:
    """Every check, in the order of trust. A sealed file (format 2) is checked as a
    container first (manifest, member set, stored hashes), then, with ``code``, opened
    (the cipher authenticates each member) and checked exactly like a format 1 file.
    A malformed code is refused before anything is read; a code that does not open the
    file is ``pkg_wrong_code``."""
    fail = package_fail(path)
    zf, by_name = open_members(data, LIMITS, fail)
    if MANIFEST not in by_name:
        raise PackageError("zip_missing_member", package=path, member=MANIFEST)

    manifest_bytes = read_member(zf, by_name[MANIFEST], LIMITS, fail)
    manifest = _parse_json(manifest_bytes, "pkg_manifest_invalid", path)
    found = manifest.get("format") if isinstance(manifest, dict) else None
    if found not in FORMATS:
        kind = safezip.other_kind(found, FORMAT_FAMILY)
        if kind:
            raise package_fail(path)(kind)
        if isinstance(found, str) and found.startswith(FORMAT_FAMILY):
            raise PackageError("zip_format_unsupported", package=path, found=found[:40], supported=" / ".join(FORMATS),
                               program=f"skillscore {__version__}")
        raise PackageError("pkg_manifest_invalid", package=path,
                           reason=("schema_value", {"field": "format", "value": str(found)[:40]}))
    sealed = found == PACKAGE_FORMAT
    members, hashed = (SEALED_MEMBERS, SEALED_HASHED) if sealed else (MEMBERS, HASHED_MEMBERS)
    _schema(lambda: check_manifest(manifest, hashed, sealed=sealed), "pkg_manifest_invalid", path)
    if canonical_json(manifest) != manifest_bytes:
        raise PackageError("pkg_manifest_invalid", package=path, reason=("schema_not_canonical", {}))

    for name in members:
        if name not in by_name:
            raise PackageError("zip_missing_member", package=path, member=name)
    for name in by_name:
        if name not in members:
            raise PackageError("zip_extra_member", package=path, member=name)
    for name in hashed:  # sizes and ratios of both before decompressing either
        check_size(by_name[name], LIMITS, fail)
    contents = {}
    for name in hashed:
        content = read_member(zf, by_name[name], LIMITS, fail)
        if hashlib.sha256(content).hexdigest() != manifest["members"][name]["sha256"] \
                or len(content) != manifest["members"][name]["size"]:
            raise PackageError("zip_hash_mismatch", package=path, member=name)
        contents[name] = content
    if sealed:
        if not open_sealed:
            return Unopened(path=path, manifest=manifest, fingerprint=manifest["fingerprint"],
                            sha256=hashlib.sha256(data).hexdigest())
        if code is None or not code.strip() or code.strip() == "-":
            raise PackageError("pkg_code_needed", package=path)
        contents = _unseal(contents, manifest, normalize_code(code), path)

    doc = _parse_json(contents[RESULTS], "pkg_results_invalid", path)
    canonical = canonical_json(doc)
    actual = hashlib.sha256(canonical).hexdigest()
    if actual != manifest["fingerprint"]:
        raise PackageError("pkg_fingerprint_mismatch", package=path, expected=manifest["fingerprint"], actual=actual)
    if canonical != contents[RESULTS]:
        raise PackageError("pkg_results_invalid", package=path, reason=("schema_not_canonical", {}))
    _schema(lambda: check_results(doc), "pkg_results_invalid", path)
    _check_agreement(manifest, doc, path)

    audit = _parse_json(contents[AUDIT], "pkg_audit_invalid", path)
    _schema(lambda: check_audit(audit, fingerprint=actual, version=doc["version"], redacted=sealed),
            "pkg_audit_invalid", path)
    return Package(path=path, manifest=manifest, results=doc, audit=audit, fingerprint=actual,
                   sha256=hashlib.sha256(data).hexdigest())


def _unseal(stored: dict[str, bytes], manifest: dict, code: str, path: Path) -> dict[str, bytes]:
    """The plain members, each authenticated by the cipher under the code's key."""
    keys = derive(code, manifest["sealing"]["kdf"])
    plain = {}
    for name, member in sorted(SEALED.items()):
        aad = associated(PACKAGE_FORMAT, member, manifest["fingerprint"])
        try:
            plain[name] = unseal(keys, manifest["members"][member]["nonce"], stored[member], aad, LIMITS.limit(name))
        except WrongCode:
            raise PackageError("pkg_wrong_code", package=path) from None
        except ValueError:
            raise PackageError("zip_member_too_large", package=path, member=name, size=LIMITS.limit(name) + 1,
                               limit=LIMITS.limit(name)) from None
    return plain


def _parse_json(content: bytes, code: str, path: Path):
    try:
        return loads_strict(content)
    except JSON_ERRORS as exc:
        raise PackageError(code, package=path, reason=("schema_json", {"value": str(exc)[:120]})) from None


def _schema(check, code: str, path: Path) -> None:
    try:
        check()
    except SchemaProblem as problem:
        raise PackageError(code, package=path, reason=(problem.code, problem.params)) from None


def _check_agreement(manifest: dict, doc: dict, path: Path) -> None:
    pairs = [
        ("competition", manifest["competition"], doc["competition"]),
        ("event.no", manifest["event"]["no"], doc["event"]["no"]),
        ("event.name", manifest["event"]["name"], doc["event"]["name"]),
        ("stage", manifest["stage"], doc["stage"]),
        ("committee", manifest["committee"], doc["committee"]),
        ("date", manifest["date"], doc["date"]),
        ("version", manifest["version"], doc["version"]),
    ]
    counts = count_results(doc)
    pairs += [(f"counts.{k}", manifest["counts"][k], counts[k]) for k in sorted(counts)]
    for field, said, found in pairs:
        if said != found:
            raise PackageError("pkg_manifest_disagrees", package=path, field=field,
                               manifest=json.dumps(said, ensure_ascii=False)[:60],
                               results=json.dumps(found, ensure_ascii=False)[:60])


def describe_package(pkg: Package | Unopened, lang: str = "zh") -> str:
    """What ``verify`` prints. A sealed file read without its code shows its manifest and
    says that the contents were not checked."""
    counts = pkg.counts
    opened = isinstance(pkg, Package)
    lines = [
        render("pkg_verified" if opened else "pkg_container_verified", lang, package=pkg.path.name),
        render("pkg_line_event", lang, no=pkg.event_no, name=pkg.event_name),
        render("pkg_line_stage", lang, stage=stage_name(pkg.stage, lang)),
        render("pkg_line_committee", lang, committee=pkg.committee),
        render("pkg_line_date", lang, date=pkg.manifest["date"]),
        render("pkg_line_version", lang, version=pkg.version),
        render("pkg_line_counts", lang, **counts),
    ]
    if counts["teams"]:
        lines.append(render("pkg_line_teams", lang, teams=counts["teams"]))
    if (pkg.results["event"]["certified"] if opened else any(counts["certificates"].values())):
        levels = counts["certificates"]
        shown = " · ".join(f"{LEVEL_NAMES[int(k)][1 if lang == 'en' else 0]} {v}" for k, v in sorted(levels.items()))
        lines.append(render("pkg_line_certificates", lang, levels=shown))
    if pkg.stage == "final":
        lines.append(render("pkg_line_awards", lang, **counts))
    lines.append(render("pkg_line_fingerprint", lang, fingerprint=pkg.fingerprint))
    if not opened:
        lines.append(render("pkg_line_not_opened", lang))
    return "\n".join(lines)


def read_package(path: str | Path, code: str | None = None) -> Package:
    """Read and verify a package, opening a sealed one with ``code`` (a format 1 file needs
    none and ignores it); raise PackageError naming what is wrong, ``pkg_code_needed``
    for a sealed file without a code and ``pkg_wrong_code`` when the code does not open it."""
    path = Path(path)
    data = safezip.read_file(path, LIMITS, package_fail(path))
    return parse_package(data, path, code)


def inspect_package(path: str | Path) -> Package | Unopened:
    """What can be checked without a code: a format 1 file completely, a sealed one's
    container and manifest (``Unopened``)."""
    path = Path(path)
    data = safezip.read_file(path, LIMITS, package_fail(path))
    return parse_package(data, path, None, open_sealed=False)


def parse_package(data: bytes, path: str | Path = "package.sspkg", code: str | None = None, *,
                  open_sealed: bool = True) -> Package | Unopened:
    """Verify the bytes of a package. Any failure is a PackageError, never a traceback:
    fuzzed input reaches corners of zipfile and json that raise all sorts of things."""
    path = Path(path)
    try:
        return check_package(data, path, code, open_sealed)
    except RefusedError:  # PackageError, or a malformed code (sealing.normalize_code)
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - see docstring
        raise PackageError("zip_unreadable", package=path, detail=f"{type(exc).__name__}: {exc}"[:200]) from None


def describe(pkg: Package | Unopened, lang: str = "zh") -> str:
    """What ``verify`` prints: the sitting, the counts and the fingerprint."""
    return describe_package(pkg, lang)
