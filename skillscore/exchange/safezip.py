"""Small ZIP containers moved on USB sticks: written so that nothing is half-written,
read without ever extracting to disk and without trusting a byte of them.

Shared by the handoff package (成绩交接文件, handoff.py / handoff_read.py) and the desk
file (录入台文件, desk_file.py). Only the container lives here; what the members mean,
and which message a refusal shows, belongs to the caller. Every refusal goes through
the caller's ``fail(code, **params)``, which returns the exception to raise for one of
these problem codes:

  reading: missing_file · unreadable(detail) · too_large(size, limit) · not_zip(detail) ·
           too_many_members(count, expected) · unsafe_path(member) · duplicate_member(member) ·
           member_unsupported(member) · member_too_large(member, size, limit) ·
           ratio(member, ratio, limit) · member_damaged(member, detail)
  writing: folder_missing(path) · write_failed(path, detail) · readback_failed(path)

Reading checks in the order of trust: the size of the whole, the end record (before
zipfile parses a central directory that could list millions of entries), member names,
then for each member read its declared sizes and compression ratio (a zip bomb is
refused before it is decompressed) and a bounded read that must give exactly that size.

Generic ``ContainerError`` messages (``zip_*``) name the kind of file in the user's
language (成绩交接文件 / handoff file, 录入台文件 / desk file); what a file holds is refused
in its own words (the handoff's ``pkg_*``, the desk's schema problems).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from ..errors import RefusedError, system_reason
from ..system.files import atomic_path, holds_database
from ..messages import register, render

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: no clock in the bytes
JSON_ERRORS = (UnicodeDecodeError, ValueError, RecursionError)
Fail = Callable[..., Exception]

_END_RECORD = b"PK\x05\x06"
_DRIVE = re.compile(r"^[A-Za-z]:")

READBACK_FAILED = (
    "写入后读回的 {path} 与应写内容不一致（U 盘可能有问题），已删除该文件。请换一个 U 盘重试。",
    "{path} read back differently from what was written (the USB stick may be faulty); the file was "
    "deleted. Try another USB stick.",
)

register(
    {
        "zip_not_zip": (
            "{file} 不是有效的{what}（不是完整的 ZIP 文件，可能复制不完整）：{detail}",
            "{file} is not a valid {what} (not a complete ZIP file; the copy may be incomplete): {detail}",
        ),
        "zip_too_large": ("{file} 过大（{size} 字节，上限 {limit} 字节），不是正常的{what}",
                          "{file} is too large ({size} bytes, the limit is {limit}); it is not a normal {what}"),
        "zip_too_many_members": ("{file} 含有 {count} 个成员，{what}只应有 {expected} 个",
                                 "{file} holds {count} members; a {what} holds exactly {expected}"),
        "zip_unsafe_path": (
            "{file} 含有不安全的成员路径「{member}」（含 ..、绝对路径、盘符或反斜杠），已拒绝",
            "{file} holds an unsafe member path '{member}' (.., an absolute path, a drive or a backslash); refused",
        ),
        "zip_duplicate_member": ("{file} 中成员「{member}」出现了不止一次", "{file} holds member '{member}' more than once"),
        "zip_member_unsupported": ("{file} 中成员「{member}」已加密或使用了不支持的压缩方式",
                                   "{file}: member '{member}' is encrypted or uses an unsupported compression"),
        "zip_member_too_large": (
            "{file} 中成员「{member}」过大（{size} 字节，上限 {limit} 字节），疑似压缩炸弹",
            "{file}: member '{member}' is too large ({size} bytes, the limit is {limit}); it looks like a zip bomb",
        ),
        "zip_ratio": (
            "{file} 中成员「{member}」的压缩比异常（约 {ratio}:1，上限 {limit}:1），疑似压缩炸弹",
            "{file}: member '{member}' has an abnormal compression ratio (about {ratio}:1, the limit is {limit}:1); "
            "it looks like a zip bomb",
        ),
        "zip_member_damaged": ("{file} 中成员「{member}」已损坏：{detail}", "{file}: member '{member}' is damaged: {detail}"),
        "zip_missing_file": ("找不到{what}：{file}", "Not found: the {what} {file}"),
        "zip_unreadable": ("{file} 无法读取：{detail}", "{file} cannot be read: {detail}"),
        "zip_missing_member": ("{file} 缺少成员「{member}」", "{file} lacks the member '{member}'"),
        "zip_extra_member": ("{file} 含有多余的成员「{member}」", "{file} holds an unexpected member '{member}'"),
        "zip_hash_mismatch": (
            "{file} 中成员「{member}」的 SHA-256 与清单不符：文件已损坏或被改动",
            "{file}: the SHA-256 of member '{member}' does not match the manifest; the file is damaged or altered",
        ),
        "zip_format_unsupported": (
            "{file} 的文件格式为「{found}」，本程序（{program}）只能读取「{supported}」，请使用能读取该格式的程序版本",
            "{file} has the file format '{found}'; this program ({program}) reads '{supported}' only. "
            "Use a program version that reads it.",
        ),
        "zip_member_invalid": ("{file} 的 {member} 不符合格式：{detail}", "{file}: {member} breaks the format: {detail}"),
        "zip_folder_missing": ("目标文件夹不存在：{path}", "The target folder does not exist: {path}"),
        "zip_write_failed": ("无法写入{what} {path}：{detail}。没有留下写了一半的文件。",
                             "Could not write the {what} {path}: {detail}. No half-written file was left behind."),
        "zip_readback_failed": READBACK_FAILED,
        "zip_is_desk_file": (
            "{file} 是录入台文件，不是{what}：录入台文件请用 desk merge 合并到主文件",
            "{file} is a desk file, not a {what}: desk files are merged into the main file with desk merge",
        ),
        "zip_is_handoff_file": (
            "{file} 是成绩交接文件，不是{what}：成绩交接文件用于 verify、new --from、sources add 和 summary",
            "{file} is a handoff file, not a {what}: handoff files are for verify, new --from, sources add and summary",
        ),
        "zip_replaces_file": (
            "不会覆盖 {path}：它不是本场比赛可读的{what}（可能是别的文件，也可能已经损坏）。请换一个文件名，或先把它移到别处。",
            "Will not replace {path}: it is not a readable {what} of this sitting (another kind of file, or a damaged "
            "one). Choose another name, or move it elsewhere first.",
        ),
        "zip_replaces_other": (
            "不会覆盖 {path}：它是「{committee}」的{what}，不属于本场比赛。请换一个文件名，或先把它移到别处。",
            "Will not replace {path}: it is a {what} of '{committee}', not of this sitting. Choose another name, "
            "or move it elsewhere first.",
        ),
    }
)

# The containers this program writes, by the start of their manifest's format: their words
# (what ``refuse_replacing`` names when an output would land on one of them) and the problem
# code when one is given where the other belongs (``other_kind``).
OURS = {"skillscore-handoff/": (("成绩交接文件", "handoff file"), "is_handoff_file"),
        "skillscore-desk/": (("录入台文件", "desk file"), "is_desk_file")}


def family_of(found: object) -> str | None:
    """The family in OURS a manifest's ``format`` value belongs to; None for anything else."""
    return next((family for family in OURS if isinstance(found, str) and found.startswith(family)), None)


class ContainerError(RefusedError):
    """A container file is refused with a generic ``zip_*`` (or the caller's own) message.

    ``what`` names the kind of file (zh, en), filled in per language; ``reason`` is a
    nested message code rendered as the ``detail`` (a schema problem, say)."""

    def __init__(self, code: str, *, what: tuple[str, str], reason: tuple[str, dict] | None = None, **params: Any):
        self.what = what
        self.reason = reason
        super().__init__(code, **params)

    def message(self, lang: str = "zh") -> str:
        params = {**self.params, "what": self.what[1 if lang == "en" else 0]}
        if self.reason is not None:
            code, reason_params = self.reason
            params["detail"] = render(code, lang, **reason_params)
        return render(self.code, lang, **params)


def container_fail(what: tuple[str, str], **where: Any) -> Fail:
    """A ``fail`` giving ContainerError with the generic ``zip_*`` texts."""
    return lambda code, **params: ContainerError("zip_" + code, what=what, **where, **params)


@dataclass(frozen=True)
class Limits:
    """What a container of one kind may hold; anything more is refused unread."""

    members: int  # how many members the central directory may list
    expected: int  # how many a real one holds (for the message)
    total_bytes: int
    member_bytes: Mapping[str, int] = field(default_factory=dict)  # per name; others: other_bytes
    other_bytes: int = 64 * 1024
    central_directory: int = 64 * 1024
    ratio: int = 100  # our JSON deflates well under 10:1; 100:1 is a bomb, not a roster
    ratio_from: int = 1024 * 1024  # tiny members may compress well by chance

    def limit(self, name: str) -> int:
        return self.member_bytes.get(name, self.other_bytes)


# -- reading ------------------------------------------------------------------------------
def read_file(path: Path, limits: Limits, fail: Fail) -> bytes:
    """The file's bytes, refusing one too large before reading it."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise fail("missing_file")
        if size > limits.total_bytes:
            raise fail("too_large", size=size, limit=limits.total_bytes)
        return path.read_bytes()
    except FileNotFoundError:
        raise fail("missing_file") from None
    except OSError as exc:
        raise fail("unreadable", detail=system_reason(exc)) from None


def open_members(data: bytes, limits: Limits, fail: Fail) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    """The ZIP and its members by name, once the whole, the end record and the names pass."""
    if len(data) > limits.total_bytes:
        raise fail("too_large", size=len(data), limit=limits.total_bytes)
    _check_end_record(data, limits, fail)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise fail("not_zip", detail=str(exc)) from None
    infos = zf.infolist()
    if len(infos) > limits.members:
        raise fail("too_many_members", count=len(infos), expected=limits.expected)
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if unsafe_name(info.orig_filename):
            raise fail("unsafe_path", member=info.orig_filename)
        if info.filename in by_name:
            raise fail("duplicate_member", member=info.filename)
        by_name[info.filename] = info
    return zf, by_name


def _check_end_record(data: bytes, limits: Limits, fail: Fail) -> None:
    """Count the members from the end record before zipfile reads the directory."""
    tail = data[-(22 + 65535):]
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < 22:
        raise fail("not_zip", detail="no end of central directory record")
    _, disk, cd_disk, on_disk, total, cd_size, _, _ = struct.unpack("<4s4H2LH", tail[at:at + 22])
    # 0xFFFF means ZIP64, which only a file with 65,535 or more members would need.
    if total > limits.members or on_disk > limits.members:
        raise fail("too_many_members", count=max(total, on_disk), expected=limits.expected)
    if cd_size > limits.central_directory or disk or cd_disk:
        raise fail("not_zip", detail="abnormal central directory")


def unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (not name or "\\" in name or "\x00" in name or name.startswith("/") or bool(_DRIVE.match(name))
            or ".." in parts)


def check_size(info: zipfile.ZipInfo, limits: Limits, fail: Fail) -> None:
    """Refuse by the directory's word, before decompressing anything."""
    name = info.filename
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise fail("member_unsupported", member=name)
    limit = limits.limit(name)
    if info.file_size > limit:
        raise fail("member_too_large", member=name, size=info.file_size, limit=limit)
    if info.file_size > limits.ratio_from and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise fail("ratio", member=name, ratio=info.file_size // max(info.compress_size, 1), limit=limits.ratio)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, fail: Fail) -> bytes:
    check_size(info, limits, fail)
    limit = limits.limit(info.filename)
    try:
        with zf.open(info) as f:
            content = f.read(limit + 1)  # bounded even if the directory lies about the size
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise fail("member_damaged", member=info.filename, detail=str(exc)[:120]) from None
    if len(content) > limit:
        raise fail("member_too_large", member=info.filename, size=len(content), limit=limit)
    if len(content) != info.file_size:
        raise fail("member_damaged", member=info.filename, detail="size differs")
    return content


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed")


def loads_strict(content: bytes) -> Any:
    """JSON from UTF-8 bytes, refusing NaN and Infinity; raises one of JSON_ERRORS."""
    return json.loads(content.decode("utf-8"), parse_constant=_reject_constant)


def member_digest(content: bytes) -> dict:
    """How a manifest lists a member."""
    return {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}


# -- writing ------------------------------------------------------------------------------
def zip_members(members: dict[str, bytes]) -> bytes:
    """A deterministic ZIP: fixed time, fixed attributes, members in sorted order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the default differs between Windows and Unix
            info.external_attr = 0o100644 << 16
            zf.writestr(info, members[name], compresslevel=6)
    return buffer.getvalue()


def read_from_medium(path: Path) -> bytes:
    with open(path, "rb") as f:
        # Drop the cached pages first where the OS allows it, so the bytes come from the stick.
        if hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass  # advice only: some file systems do not take it
        return f.read()


def other_kind(found: object, own_family: str) -> str | None:
    """The problem code (for ``fail``) when a manifest's format is our other container:
    a desk file given where a handoff file belongs, or the other way round, is named as
    such rather than as a manifest with a bad format value."""
    family = family_of(found)
    return None if family is None or family == own_family else OURS[family][1]


def held_manifest(path: str | Path) -> dict | None:
    """The manifest of a container of ours already at ``path``; None for anything else
    (nothing there, a folder, another kind of file, a damaged one). Never raises."""
    path = Path(path)
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as f:
            f.seek(max(0, path.stat().st_size - (22 + 65535)))
            _check_end_record(f.read(), Limits(members=16, expected=3, total_bytes=0), _not_ours)
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("manifest.json")
            if info.file_size > 64 * 1024:
                return None
            manifest = loads_strict(zf.read(info))
    except Exception:  # noqa: BLE001 - whatever it is, it is not a container of ours to keep
        return None
    return manifest if isinstance(manifest, dict) and family_of(manifest.get("format")) else None


def _has_content(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:  # unreadable: writing there fails with its own message
        return False


def _not_ours(code: str, **params: Any) -> Exception:
    return ValueError(code)


def refuse_replacing(out: str | Path, mine: Callable[[dict], bool], what: tuple[str, str]) -> None:
    """Refuse to write a ``what`` over a handoff or desk file that ``mine`` does not own, or
    over any other file with something in it: an output name mistyped on a stick would
    otherwise destroy another committee's results (``desk export`` onto 东城区.sspkg,
    another sitting's export onto its package) or the roster (export onto 名单.xlsx).
    Exporting again over the sitting's own earlier file stays the ordinary way to replace it."""
    held = held_manifest(out)
    if held is None:
        if holds_database(out):  # the competition file itself: the stronger warning
            raise RefusedError("output_is_database", path=str(out))
        if _has_content(Path(out)):
            raise ContainerError("zip_replaces_file", what=what, path=str(out))
        return
    if mine(held):
        return
    what = OURS[family_of(held["format"])][0]
    raise ContainerError("zip_replaces_other", what=what, path=str(out), committee=str(held.get("committee", ""))[:60])


def write_safely(out: str | Path, data: bytes, fail: Fail,
                 read_back: Callable[[Path], bytes] = read_from_medium) -> str:
    """Write for a USB stick: temporary name in the same folder, flush, fsync, rename,
    fsync the folder, then read back from the medium and compare. Returns the SHA-256.

    A failure leaves neither a temporary file nor a half-written ``out``.
    """
    out = Path(out)
    folder = out.parent
    if not folder.is_dir():
        raise fail("folder_missing", path=str(folder))
    digest = hashlib.sha256(data).hexdigest()
    try:
        with atomic_path(out) as tmp:
            tmp.write_bytes(data)
        back = read_back(out)
    except OSError as exc:
        raise fail("write_failed", path=str(out), detail=system_reason(exc)) from None
    if hashlib.sha256(back).hexdigest() != digest:
        out.unlink(missing_ok=True)
        raise fail("readback_failed", path=str(out))
    return digest
