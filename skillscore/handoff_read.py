"""Checking a handoff package's bytes, member by member, never extracting to disk.

The order of the checks is the order of trust: the ZIP's end record (before zipfile
parses a central directory that could hold millions of entries), member names, the
manifest and its format version, the member set, sizes and compression ratios, then
hashes, the fingerprint, the schemas, and last the audit log's hash chain.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

from .catalog import LEVEL_NAMES
from .handoff import (
    AUDIT, FORMAT_FAMILY, HASHED_MEMBERS, MANIFEST, MAX_CENTRAL_DIRECTORY, MAX_MEMBER_BYTES, MAX_MEMBERS,
    MAX_PACKAGE_BYTES, MAX_RATIO, MEMBERS, PACKAGE_FORMAT, RESULTS, STAGE_NAMES, Package, PackageError,
    count_results,
)
from .handoff_schema import SchemaProblem, check_audit, check_manifest, check_results
from .messages import register, render
from .results import canonical_json
from . import __version__

register(
    {
        "pkg_verified": ("成绩交接文件 {package} 完好，未被改动", "Handoff file {package} is intact and unaltered"),
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

_END_RECORD = b"PK\x05\x06"
_DRIVE = re.compile(r"^[A-Za-z]:")


def check_package(data: bytes, path: Path) -> Package:
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError("pkg_too_large", package=path, size=len(data), limit=MAX_PACKAGE_BYTES)
    _check_end_record(data, path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PackageError("pkg_not_zip", package=path, detail=str(exc)) from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageError("pkg_too_many_members", package=path, count=len(infos), expected=len(MEMBERS))
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _unsafe(info.orig_filename):
            raise PackageError("pkg_unsafe_path", package=path, member=info.orig_filename)
        if info.filename in by_name:
            raise PackageError("pkg_duplicate_member", package=path, member=info.filename)
        by_name[info.filename] = info
    if MANIFEST not in by_name:
        raise PackageError("pkg_missing_member", package=path, member=MANIFEST)

    manifest_bytes = _read_member(zf, by_name[MANIFEST], path)
    manifest = _parse_json(manifest_bytes, "pkg_manifest_invalid", path)
    found = manifest.get("format") if isinstance(manifest, dict) else None
    if found != PACKAGE_FORMAT:
        if isinstance(found, str) and found.startswith(FORMAT_FAMILY):
            raise PackageError("pkg_format_unsupported", package=path, found=found[:40], supported=PACKAGE_FORMAT,
                               program=f"skillscore {__version__}")
        raise PackageError("pkg_manifest_invalid", package=path,
                           reason=("schema_value", {"field": "format", "value": str(found)[:40]}))
    _schema(lambda: check_manifest(manifest, HASHED_MEMBERS), "pkg_manifest_invalid", path)
    if canonical_json(manifest) != manifest_bytes:
        raise PackageError("pkg_manifest_invalid", package=path, reason=("schema_not_canonical", {}))

    for name in MEMBERS:
        if name not in by_name:
            raise PackageError("pkg_missing_member", package=path, member=name)
    for name in by_name:
        if name not in MEMBERS:
            raise PackageError("pkg_extra_member", package=path, member=name)
    for name in HASHED_MEMBERS:  # sizes and ratios of both before decompressing either
        _check_size(by_name[name], path)
    contents = {}
    for name in HASHED_MEMBERS:
        content = _read_member(zf, by_name[name], path)
        if hashlib.sha256(content).hexdigest() != manifest["members"][name]["sha256"] \
                or len(content) != manifest["members"][name]["size"]:
            raise PackageError("pkg_hash_mismatch", package=path, member=name)
        contents[name] = content

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
    _schema(lambda: check_audit(audit, fingerprint=actual, version=doc["version"]), "pkg_audit_invalid", path)
    return Package(path=path, manifest=manifest, results=doc, audit=audit, fingerprint=actual,
                   sha256=hashlib.sha256(data).hexdigest())


def _check_end_record(data: bytes, path: Path) -> None:
    """Count the members from the end record before zipfile reads the directory."""
    tail = data[-(22 + 65535):]
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < 22:
        raise PackageError("pkg_not_zip", package=path, detail="no end of central directory record")
    _, disk, cd_disk, on_disk, total, cd_size, _, _ = struct.unpack("<4s4H2LH", tail[at:at + 22])
    # 0xFFFF means ZIP64, which only a file with 65,535 or more members would need.
    if total > MAX_MEMBERS or on_disk > MAX_MEMBERS:
        raise PackageError("pkg_too_many_members", package=path, count=max(total, on_disk), expected=len(MEMBERS))
    if cd_size > MAX_CENTRAL_DIRECTORY or disk or cd_disk:
        raise PackageError("pkg_not_zip", package=path, detail="abnormal central directory")


def _unsafe(name: str) -> bool:
    parts = name.split("/")
    return (not name or "\\" in name or "\x00" in name or name.startswith("/") or bool(_DRIVE.match(name))
            or ".." in parts)


def _check_size(info: zipfile.ZipInfo, path: Path) -> None:
    name = info.filename
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageError("pkg_member_unsupported", package=path, member=name)
    limit = MAX_MEMBER_BYTES[name]
    if info.file_size > limit:
        raise PackageError("pkg_member_too_large", package=path, member=name, size=info.file_size, limit=limit)
    # Tiny members may compress well by chance; a bomb needs size to do harm.
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise PackageError("pkg_ratio", package=path, member=name,
                           ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    _check_size(info, path)
    limit = MAX_MEMBER_BYTES[info.filename]
    try:
        with zf.open(info) as f:
            content = f.read(limit + 1)  # bounded even if the directory lies about the size
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise PackageError("pkg_member_damaged", package=path, member=info.filename, detail=str(exc)[:120]) from None
    if len(content) > limit:
        raise PackageError("pkg_member_too_large", package=path, member=info.filename, size=len(content), limit=limit)
    if len(content) != info.file_size:
        raise PackageError("pkg_member_damaged", package=path, member=info.filename, detail="size differs")
    return content


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed")


def _parse_json(content: bytes, code: str, path: Path):
    try:
        return json.loads(content.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
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


def stage_name(stage: str, lang: str = "zh") -> str:
    zh, en = STAGE_NAMES[stage]
    return en if lang == "en" else zh


def describe_package(pkg: Package, lang: str = "zh") -> str:
    counts = pkg.counts
    lines = [
        render("pkg_verified", lang, package=pkg.path.name),
        render("pkg_line_event", lang, no=pkg.event_no, name=pkg.event_name),
        render("pkg_line_stage", lang, stage=stage_name(pkg.stage, lang)),
        render("pkg_line_committee", lang, committee=pkg.committee),
        render("pkg_line_date", lang, date=pkg.manifest["date"]),
        render("pkg_line_version", lang, version=pkg.version),
        render("pkg_line_counts", lang, **counts),
    ]
    if counts["teams"]:
        lines.append(render("pkg_line_teams", lang, teams=counts["teams"]))
    if pkg.results["event"]["certified"]:
        levels = counts["certificates"]
        shown = " · ".join(f"{LEVEL_NAMES[int(k)][1 if lang == 'en' else 0]} {v}" for k, v in sorted(levels.items()))
        lines.append(render("pkg_line_certificates", lang, levels=shown))
    if pkg.stage == "final":
        lines.append(render("pkg_line_awards", lang, **counts))
    lines.append(render("pkg_line_fingerprint", lang, fingerprint=pkg.fingerprint))
    return "\n".join(lines)
