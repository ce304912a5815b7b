"""Desk files (录入台文件, ``*.ssdesk``): the marks one desk entered since its last export.

Several desks at one venue each work on a copy of the main file (``skillscore copy``);
every copy shares the sitting's ``competition_id``. A desk file is a ZIP (safezip: the
same safety as handoff files) with two members:

  manifest.json  format 'skillscore-desk/1', program, competition_id, event, stage,
                 committee; the desk's name and id, the double-entry passes typed
                 (``entry_passes``), the export's sequence number from this desk; the desk
                 audit entries it covers (``since`` < id ≤ ``upto``) with the hashes of
                 entries ``since`` and ``upto``; the settings that must match the main file
                 (double entry, the practical scheme); when, by whom, how many; and the
                 SHA-256 and size of marks.json. Written in canonical JSON.
  marks.json     one item per change the desk's audit log records after ``since``:
                 {id, hash, kind, no, field, judge, pass, old, new, operator, at}. ``kind``
                 is 'mark' (theory/practical/status as stored: '85.50', 'absent',
                 'withdrawn' …), 'entry' (a double-entry pass: field theory/practical,
                 ``pass`` 1 or 2) or 'panel' (a judge's mark: ``field`` the module,
                 ``judge`` 1–9). ``id`` and ``hash`` are the desk's own audit entry.

Why audit entries rather than a list of current values: a desk copied from the main file
carries the main file's history up to the copy; the main file recognises those entries by
their hash (the same id and hash in its own log) and skips them, so no separate "start a
desk" step is needed, and a desk's first export never reverts what the main file changed
after the copy. Each later export starts where the last one ended (``since``), which the
main file checks against the ``upto`` hash of a desk file it merged, so a missing file is
noticed rather than silently skipped.

Since issue 14 (format 'skillscore-desk/2') marks.json is sealed (exchange/sealing.py) as
marks.json.sealed under the exporting desk's code, shown on that desk (the CLI prints it,
the GUI's export message shows it) and typed at the merging desk. One code per desk copy,
made at its first export and kept in its ``meta`` (``desk_code``): a note beside the desk
serves every later export. The salt is new for each file. The manifest stays readable
(``desk verify`` without the code checks the container); format 1 files still merge
without a code.

Reading never extracts to disk; anything a real desk file could not be is refused with a
message naming the file and what is wrong.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from .handoff_schema import HEX64, SchemaProblem, check_event_ref, get
from ..errors import RefusedError
from ..messages import register
from .results import canonical_json
from .safezip import (
    JSON_ERRORS, ContainerError, Limits, check_size, container_fail, loads_strict, member_digest, open_members,
    other_kind, read_file, read_member, zip_members,
)

DESK_FORMAT = "skillscore-desk/2"  # sealed; what export writes
PLAIN_FORMAT = "skillscore-desk/1"  # before issue 14: merged without a code
FORMAT_FAMILY = "skillscore-desk/"
MANIFEST, MARKS = "manifest.json", "marks.json"
SEALED_MARKS = "marks.json.sealed"
DESK_CODE_KEY = "desk_code"
WHAT = ("录入台文件", "desk file")
# A desk's first export carries the history its copy began with: ~250 bytes an item,
# 10,000 contestants' marks typed twice ≈ 15 MB. The caps leave ample room for that.
LIMITS = Limits(members=8, expected=2, total_bytes=128 * 1024 * 1024,
                member_bytes={MANIFEST: 64 * 1024, MARKS: 256 * 1024 * 1024, SEALED_MARKS: 64 * 1024 * 1024})

KINDS = ("mark", "entry", "panel")
MARK_FIELDS = ("theory", "practical", "status")
ITEM_KEYS = {"id", "hash", "kind", "no", "field", "judge", "pass", "old", "new", "operator", "at"}
MANIFEST_KEYS = {"format", "program", "competition_id", "event", "stage", "committee", "desk", "desk_id",
                 "entry_passes", "sequence", "since", "since_hash", "upto", "upto_hash", "settings",
                 "exported_at", "operator", "count", "members"}

register(
    {
        "desk_code_needed": (
            "{file} 已加密：请输入导出它的录入台上显示的交接码（--code）",
            "{file} is sealed: give the code shown on the desk that exported it (--code)",
        ),
        "desk_wrong_code": (
            "交接码打不开 {file}：可能是交接码输入有误（请核对导出它的录入台上显示的交接码），也可能是拿错了文件，"
            "或文件已损坏或被改动。未写入任何内容。",
            "The code does not open {file}: the code may be mistyped (compare it with the code shown on the "
            "exporting desk), or it is the wrong file, or the file is damaged or altered. Nothing was written.",
        ),
        "desk_code_line": ("本录入台交接码: {desk_code}", "desk code: {desk_code}"),
    }
)


@dataclass(frozen=True)
class DeskItem:
    """One item of marks.json: a change the desk's audit log records (that entry's id and hash), before and after."""

    id: int
    hash: str
    kind: str  # mark | entry | panel
    no: str
    field: str  # theory/practical/status, or the module's name for a judge's mark
    judge: int  # 1..k for a judge's mark, else 0
    pass_no: int  # 1 or 2 for a double-entry pass, else 0
    old: str | None
    new: str | None
    operator: str
    at: str

    @property
    def key(self) -> tuple[str, str, str, int, int]:
        return self.kind, self.no, self.field, self.judge, self.pass_no

    def as_json(self) -> dict:
        return {"id": self.id, "hash": self.hash, "kind": self.kind, "no": self.no, "field": self.field,
                "judge": self.judge, "pass": self.pass_no, "old": self.old, "new": self.new,
                "operator": self.operator, "at": self.at}


@dataclass(frozen=True)
class DeskFile:
    """A verified desk file: everything in it has passed every check."""

    path: Path
    manifest: dict
    items: tuple[DeskItem, ...]
    sha256: str  # of the whole file: merging the same file twice is recognised by it
    opened: bool = True  # False: a sealed file read without its code (manifest only)

    @property
    def desk(self) -> str:
        return self.manifest["desk"]

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]


# -- writing ------------------------------------------------------------------------------
def desk_file_bytes(manifest: dict, items: list[DeskItem], code: str) -> tuple[bytes, dict]:
    """The ZIP's bytes and the complete manifest (the sealed member's hash added)."""
    from .sealing import CIPHER, derive, new_kdf, seal

    marks = canonical_json([i.as_json() for i in items])
    kdf = new_kdf()
    nonce, sealed = seal(derive(code, kdf), SEALED_MARKS, marks, _aad(manifest["competition_id"]))
    manifest = {**manifest, "format": DESK_FORMAT, "program": f"skillscore {__version__}", "count": len(items),
                "members": {SEALED_MARKS: {**member_digest(sealed), "nonce": nonce}},
                "sealing": {"cipher": CIPHER, "kdf": kdf}}
    return zip_members({MANIFEST: canonical_json(manifest), SEALED_MARKS: sealed}), manifest


def _aad(competition_id: str) -> bytes:
    from .sealing import associated

    return associated(DESK_FORMAT, SEALED_MARKS, competition_id)


# -- reading ------------------------------------------------------------------------------
def read_desk_file(path: str | Path, code: str | None = None, *, open_sealed: bool = True) -> DeskFile:
    """Read and verify a desk file (a sealed one opened with ``code``); raise
    ContainerError naming what is wrong. ``open_sealed=False``: the container and
    manifest only, for ``desk verify`` without a code."""
    path = Path(path)
    return parse_desk_file(read_file(path, LIMITS, container_fail(WHAT, file=path.name)), path, code,
                           open_sealed=open_sealed)


def parse_desk_file(data: bytes, path: str | Path = "desk.ssdesk", code: str | None = None, *,
                    open_sealed: bool = True) -> DeskFile:
    """Verify a desk file's bytes; any failure is a ContainerError, never a traceback."""
    path = Path(path)
    fail = container_fail(WHAT, file=path.name)
    try:
        return _check(data, path, fail, code, open_sealed)
    except RefusedError:  # ContainerError, or a malformed code
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - fuzzed bytes reach odd corners of zipfile
        raise fail("unreadable", detail=f"{type(exc).__name__}: {exc}"[:200]) from None


def _check(data: bytes, path: Path, fail, code: str | None, open_sealed: bool) -> DeskFile:
    from .sealing import WrongCode, derive, normalize_code, unseal

    zf, by_name = open_members(data, LIMITS, fail)
    if MANIFEST not in by_name:
        raise fail("missing_member", member=MANIFEST)
    raw = read_member(zf, by_name[MANIFEST], LIMITS, fail)
    manifest = _json(raw, MANIFEST, fail)
    found = manifest.get("format") if isinstance(manifest, dict) else None
    kind = other_kind(found, FORMAT_FAMILY)
    if kind:
        raise fail(kind)
    if found not in (DESK_FORMAT, PLAIN_FORMAT) and isinstance(found, str) and found.startswith(FORMAT_FAMILY):
        raise fail("format_unsupported", found=found[:40], supported=f"{PLAIN_FORMAT} / {DESK_FORMAT}",
                   program=f"skillscore {__version__}")
    sealed = found == DESK_FORMAT
    member = SEALED_MARKS if sealed else MARKS
    for name in (MANIFEST, member):
        if name not in by_name:
            raise fail("missing_member", member=name)
    for name in by_name:
        if name not in (MANIFEST, member):
            raise fail("extra_member", member=name)
    _schema(lambda: check_manifest(manifest), MANIFEST, fail)
    if canonical_json(manifest) != raw:
        raise fail("member_invalid", member=MANIFEST, reason=("schema_not_canonical", {}))
    check_size(by_name[member], LIMITS, fail)
    content = read_member(zf, by_name[member], LIMITS, fail)
    listed = manifest["members"][member]
    if member_digest(content) != {"sha256": listed["sha256"], "size": listed["size"]}:
        raise fail("hash_mismatch", member=member)
    digest = hashlib.sha256(data).hexdigest()
    if sealed:
        if not open_sealed:
            return DeskFile(path=path, manifest=manifest, items=(), sha256=digest, opened=False)
        if code is None or not code.strip() or code.strip() == "-":
            raise ContainerError("desk_code_needed", what=WHAT, file=path.name)
        keys = derive(normalize_code(code), manifest["sealing"]["kdf"])
        try:
            content = unseal(keys, listed["nonce"], content, _aad(manifest["competition_id"]), LIMITS.limit(MARKS))
        except WrongCode:
            raise ContainerError("desk_wrong_code", what=WHAT, file=path.name) from None
        except ValueError:
            raise fail("member_too_large", member=MARKS, size=LIMITS.limit(MARKS) + 1, limit=LIMITS.limit(MARKS)) from None
    items = _schema(lambda: check_items(_json(content, MARKS, fail), manifest), MARKS, fail)
    return DeskFile(path=path, manifest=manifest, items=items, sha256=digest)


def _json(content: bytes, member: str, fail) -> Any:
    try:
        return loads_strict(content)
    except JSON_ERRORS as exc:
        raise fail("member_invalid", member=member, reason=("schema_json", {"value": str(exc)[:120]})) from None


def _schema(check, member: str, fail):
    try:
        return check()
    except SchemaProblem as problem:
        raise fail("member_invalid", member=member, reason=(problem.code, problem.params)) from None


def _bad(field: str, value: Any) -> SchemaProblem:
    return SchemaProblem("schema_value", field=field, value=str(value)[:40])


def check_manifest(m: Any) -> None:
    from .sealing import CIPHER, check_nonce, kdf_problem

    if not isinstance(m, dict):
        raise SchemaProblem("schema_type", field="manifest", expected="object")
    sealed = m.get("format") == DESK_FORMAT
    for key in sorted(m.keys() - MANIFEST_KEYS - ({"sealing"} if sealed else set())):
        raise SchemaProblem("schema_unknown", field=key)
    if get(m, "format", str, "") not in (DESK_FORMAT, PLAIN_FORMAT):
        raise _bad("format", m["format"])
    if sealed:
        sealing = get(m, "sealing", dict, "")
        if sealing.keys() != {"cipher", "kdf"} or sealing["cipher"] != CIPHER or kdf_problem(sealing["kdf"]):
            raise _bad("sealing", sealing)
    for key in ("program", "stage", "committee", "desk", "exported_at", "operator"):
        get(m, key, str, "")
    for key in ("competition_id", "desk_id"):
        if len(get(m, key, str, "")) != 32:
            raise _bad(key, m[key])
    for key in ("since_hash", "upto_hash"):
        if not HEX64.match(get(m, key, str, "")):
            raise _bad(key, m[key])
    for key in ("sequence", "since", "upto", "count"):
        if get(m, key, int, "") < 0:
            raise _bad(key, m[key])
    if m["sequence"] < 1 or m["upto"] < m["since"]:
        raise _bad("sequence/since/upto", [m["sequence"], m["since"], m["upto"]])
    check_event_ref(m)
    passes = get(m, "entry_passes", list, "")
    if passes not in ([], [1], [2], [1, 2]):
        raise _bad("entry_passes", passes)
    settings = get(m, "settings", dict, "")
    # codes_sealed_at: only from a desk copied after its file sealed codes (RULES.md §12.3).
    if settings.keys() - {"codes_sealed_at"} != {"double_entry", "practical_scheme"}:
        raise _bad("settings", sorted(settings))
    get(settings, "double_entry", bool, "settings")
    get(settings, "practical_scheme", str, "settings")
    if "codes_sealed_at" in settings:
        get(settings, "codes_sealed_at", str, "settings")
    members = get(m, "members", dict, "")
    member = SEALED_MARKS if sealed else MARKS
    entry = members.get(member)
    if members.keys() != {member} or not isinstance(entry, dict) \
            or entry.keys() != ({"sha256", "size", "nonce"} if sealed else {"sha256", "size"}) \
            or (sealed and not check_nonce(entry["nonce"])) \
            or not isinstance(entry["sha256"], str) or not HEX64.match(entry["sha256"]) \
            or type(entry["size"]) is not int or entry["size"] < 0:
        raise _bad("members", members)


def check_items(items: Any, manifest: dict) -> tuple[DeskItem, ...]:
    """Shapes only; whether the values fit this sitting is the merge's question."""
    if not isinstance(items, list):
        raise SchemaProblem("schema_type", field="marks", expected="list")
    if len(items) != manifest["count"]:
        raise _bad("count", manifest["count"])
    out, last_id, passes = [], manifest["since"], set()
    for n, it in enumerate(items):
        where = f"marks[{n}]"
        if not isinstance(it, dict) or it.keys() != ITEM_KEYS:
            raise _bad(where, it)
        ident = get(it, "id", int, where)
        if not last_id < ident <= manifest["upto"]:  # in the window, in the log's order
            raise _bad(f"{where}.id", ident)
        last_id = ident
        if not HEX64.match(get(it, "hash", str, where)):
            raise _bad(f"{where}.hash", it["hash"])
        kind = get(it, "kind", str, where)
        field = get(it, "field", str, where)
        judge, pass_no = get(it, "judge", int, where), get(it, "pass", int, where)
        shaped = {"mark": field in MARK_FIELDS and judge == 0 and pass_no == 0,
                  "entry": field in ("theory", "practical") and judge == 0 and pass_no in (1, 2),
                  "panel": bool(field) and 1 <= judge <= 9 and pass_no == 0}
        if not shaped.get(kind, False):
            raise _bad(where, [kind, field, judge, pass_no])
        if pass_no:
            passes.add(pass_no)
        if not get(it, "no", str, where):
            raise _bad(f"{where}.no", it["no"])
        get(it, "old", str, where, optional=True)
        get(it, "new", str, where, optional=True)
        get(it, "operator", str, where)
        get(it, "at", str, where)
        out.append(DeskItem(ident, it["hash"], kind, it["no"], field, judge, pass_no, it["old"], it["new"],
                            it["operator"], it["at"]))
    if sorted(passes) != manifest["entry_passes"]:
        raise _bad("entry_passes", manifest["entry_passes"])
    return tuple(out)

