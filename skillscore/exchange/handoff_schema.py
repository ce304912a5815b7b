"""What a handoff package's JSON members must look like, checked by hand (no I/O).

The checks are written out rather than delegated to a JSON-Schema library: the shapes
are small, the messages must name the field in the user's language, and a 10,000-
contestant package has to pass in a fraction of a second. The manifest is ours alone,
so unknown keys in it are refused; the results document may grow new keys as the
program grows, so only the keys a receiving committee relies on are required (and a
judging panel's scheme and judges' marks, where a file carries them, must be well formed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from decimal import Decimal
from typing import Any

from ..messages import register
from ..model import Stage, Status
from .sealing import CIPHER, check_nonce, kdf_problem
from .results import RESULTS_FORMAT
from ..storage.database import GENESIS

register(
    {
        "schema_missing": ("缺少字段 {field}", "field {field} is missing"),
        "schema_type": ("字段 {field} 的类型不对：应为 {expected}", "field {field} has the wrong type: expected {expected}"),
        "schema_value": ("字段 {field} 的值「{value}」无效", "field {field} has an invalid value '{value}'"),
        "schema_unknown": ("多余的字段 {field}", "unexpected field {field}"),
        "schema_duplicate": ("{field} 中「{value}」重复", "'{value}' appears twice in {field}"),
        "schema_dangling": ("{field} 引用了名单中没有的编号「{value}」", "{field} refers to number '{value}', which is not in the list"),
        "schema_not_final": (
            "{field} 显示成绩尚未定稿（{value}）",
            "{field} shows results that are not final ({value})",
        ),
        "schema_json": ("不是有效的 JSON：{value}", "not valid JSON: {value}"),
        "schema_not_canonical": (
            "内容不是程序写出的规范格式（被重新编辑或排版过）",
            "not in the canonical form the program writes (it was edited or reformatted)",
        ),
        "audit_broken_chain": (
            "第 {value} 条记录的哈希链不符：日志在导出后被改动",
            "entry {value}: the hash chain does not hold; the log was changed after export",
        ),
        "audit_no_finalize": (
            "日志中没有与本文件成绩指纹一致的定稿记录",
            "the log has no finalisation entry matching this file's fingerprint",
        ),
    }
)

HEX64 = re.compile(r"^[0-9a-f]{64}$")
MARK_TEXT = re.compile(r"^\d{1,3}\.\d{2}$")
STAGES = {s.value for s in Stage}
STATUSES = {s.value for s in Status}
TIES = (None, "practical", "unresolved", "committee")  # a tuple: a JSON list is unhashable
AUDIT_FIELDS = ("id", "at", "operator", "action", "subject", "field", "old", "new", "reason", "prev_hash", "hash")


class SchemaProblem(ValueError):
    """One thing wrong with a JSON member; ``code`` and ``params`` render the reason."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


# -- small typed getters ---------------------------------------------------------------
_TYPE_NAMES = {str: "string", int: "integer", bool: "true/false", list: "list", dict: "object"}


def _is(value: Any, kind: type) -> bool:
    # bool is a subclass of int in Python; JSON keeps them apart and so do we.
    return type(value) is kind


def get(obj: dict, key: str, kind: type, where: str, *, optional: bool = False) -> Any:
    field = f"{where}.{key}" if where else key
    if key not in obj:
        raise SchemaProblem("schema_missing", field=field)
    value = obj[key]
    if value is None and optional:
        return None
    if not _is(value, kind):
        raise SchemaProblem("schema_type", field=field, expected=_TYPE_NAMES[kind] + (" / null" if optional else ""))
    return value


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"


def _value(field: str, value: Any) -> SchemaProblem:
    return SchemaProblem("schema_value", field=field, value=_short(value))


def _date(text: str, field: str) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise _value(field, text) from None


def _mark(value: Any, field: str, *, allow_absent: bool = True) -> None:
    if value is None or (allow_absent and value == "absent"):
        return
    if not (_is(value, str) and MARK_TEXT.match(value)):
        raise _value(field, value)


# -- manifest ---------------------------------------------------------------------------
MANIFEST_KEYS = {"format", "program", "competition", "event", "stage", "committee", "date", "version",
                 "fingerprint", "counts", "members"}
COUNT_KEYS = ("contestants", "teams", "ranked", "absent", "withdrawn", "disqualified", "advancing",
              "talent_pool", "subsidies", "subsidy_yuan", "labor_award_nominations")


def check_event_ref(m: dict) -> None:
    """A manifest's ``event``: exactly its number and name (handoff and desk files)."""
    event = get(m, "event", dict, "")
    if event.keys() != {"no", "name"}:
        raise _value("event", event)
    get(event, "no", int, "event")
    get(event, "name", str, "event")


def check_manifest(m: Any, member_names: tuple[str, ...], *, sealed: bool = False) -> None:
    """A handoff manifest; ``sealed`` (format 2): members carry their nonce, and ``sealing``
    names the cipher and the key derivation (exchange/sealing.py)."""
    if not isinstance(m, dict):
        raise SchemaProblem("schema_type", field="manifest", expected="object")
    if sealed:
        _check_sealing(get(m, "sealing", dict, ""))
    for key in sorted(m.keys() - MANIFEST_KEYS - ({"sealing"} if sealed else set())):
        raise SchemaProblem("schema_unknown", field=key)
    for key in ("format", "program", "competition", "committee", "date", "stage", "fingerprint"):
        get(m, key, str, "")
    if m["stage"] not in STAGES:
        raise _value("stage", m["stage"])
    _date(m["date"], "date")
    if not HEX64.match(m["fingerprint"]):
        raise _value("fingerprint", m["fingerprint"])
    if get(m, "version", int, "") < 1:
        raise _value("version", m["version"])
    check_event_ref(m)
    counts = get(m, "counts", dict, "")
    if set(counts) != {*COUNT_KEYS, "certificates"}:
        raise _value("counts", sorted(counts))
    for key in COUNT_KEYS:
        if get(counts, key, int, "counts") < 0:
            raise _value(f"counts.{key}", counts[key])
    levels = get(counts, "certificates", dict, "counts")
    if set(levels) != {"1", "2", "3", "4", "5"} or any(not _is(v, int) or v < 0 for v in levels.values()):
        raise _value("counts.certificates", levels)
    members = get(m, "members", dict, "")
    if set(members) != set(member_names):
        raise _value("members", sorted(members))
    for name, entry in members.items():
        where = f"members.{name}"
        if not isinstance(entry, dict) or entry.keys() != {"sha256", "size", *(("nonce",) if sealed else ())}:
            raise _value(where, entry)
        if sealed and not check_nonce(entry["nonce"]):
            raise _value(f"{where}.nonce", entry["nonce"])
        if not (_is(entry["sha256"], str) and HEX64.match(entry["sha256"])):
            raise _value(f"{where}.sha256", entry["sha256"])
        if not _is(entry["size"], int) or entry["size"] < 0:
            raise _value(f"{where}.size", entry["size"])


def _check_sealing(sealing: dict) -> None:
    if sealing.keys() != {"cipher", "kdf"} or sealing["cipher"] != CIPHER:
        raise _value("sealing", sealing)
    problem = kdf_problem(sealing["kdf"])
    if problem:
        raise _value(f"sealing.{problem}", sealing["kdf"])


# -- results ----------------------------------------------------------------------------
def check_results(doc: Any) -> None:
    """The finalised results document: the keys and shapes a receiving committee uses."""
    if not isinstance(doc, dict):
        raise SchemaProblem("schema_type", field="results", expected="object")
    if get(doc, "format", str, "") != RESULTS_FORMAT:
        raise _value("format", doc["format"])
    for key in ("competition", "committee", "date", "stage"):
        get(doc, key, str, "")
    if doc["stage"] not in STAGES:
        raise _value("stage", doc["stage"])
    _date(doc["date"], "date")
    if get(doc, "version", int, "") < 1:
        raise _value("version", doc["version"])
    event = get(doc, "event", dict, "")
    if get(event, "no", int, "event") < 1:
        raise _value("event.no", event["no"])
    get(event, "name", str, "event")
    get(event, "certified", bool, "event")
    if get(event, "team_size", int, "event") < 1:
        raise _value("event.team_size", event["team_size"])
    levels = get(event, "levels", list, "event")
    if not levels or any(not _is(l, int) or not 1 <= l <= 5 for l in levels):
        raise _value("event.levels", levels)
    people = _check_contestants(get(doc, "contestants", list, ""))
    _check_panel(doc, people)  # optional: only files scored by a judging panel carry it
    _check_ranking(get(doc, "ranking", dict, ""), people, team=event["team_size"] > 1)
    admitted = get(doc, "admitted", dict, "")
    for no, reason in admitted.items():
        if not _is(reason, str):
            raise _value(f"admitted.{no}", reason)
    get(doc, "tie_decisions", list, "")
    # Marked under codes (RULES.md §12.3): when sealed and revealed, never the key.
    codes = doc.get("codes")
    if "codes" in doc:
        if not isinstance(codes, dict):
            raise SchemaProblem("schema_type", field="codes", expected=_TYPE_NAMES[dict])
        if codes.keys() != {"sealed_at", "revealed_at"}:
            raise _value("codes", codes)
        get(codes, "sealed_at", str, "codes")
        get(codes, "revealed_at", str, "codes")


def _check_contestants(people: list) -> dict[str, dict]:
    by_no: dict[str, dict] = {}
    ids: set[str] = set()
    for i, c in enumerate(people):
        where = f"contestants[{i}]"
        if not isinstance(c, dict):
            raise SchemaProblem("schema_type", field=where, expected="object")
        for key in ("no", "name", "id_number", "unit", "sex", "birth_date", "category", "phone"):
            get(c, key, str, where)
        get(c, "union_card", bool, where)
        get(c, "team", str, where, optional=True)
        get(c, "origin", dict, where, optional=True)
        _mark(get(c, "theory", str, where, optional=True), f"{where}.theory")
        _mark(get(c, "practical", str, where, optional=True), f"{where}.practical")
        status = get(c, "status", str, where, optional=True)
        if status is not None and status not in ("absent", "withdrawn", "disqualified"):
            raise _value(f"{where}.status", status)
        if not c["no"]:
            raise _value(f"{where}.no", c["no"])
        if c["no"] in by_no:
            raise SchemaProblem("schema_duplicate", field="contestants.no", value=c["no"])
        if c["id_number"] in ids:
            raise SchemaProblem("schema_duplicate", field="contestants.id_number", value=c["id_number"])
        by_no[c["no"]] = c
        ids.add(c["id_number"])
    return by_no


def _check_panel(doc: dict, people: dict[str, dict]) -> None:
    """The practical scheme and each contestant's judges' marks (RULES.md §11): module →
    judge number → mark, each judge of the scheme, each mark within the module's maximum."""
    from ..rules.panel import Module, scheme_problem

    raw = doc.get("practical_scheme")
    if raw is None:
        for no, c in people.items():
            if "panel" in c:
                raise SchemaProblem("schema_unknown", field=f"contestants.{no}.panel")
        return
    if not isinstance(raw, dict) or raw.keys() != {"kind", "judges", "aggregation", "modules"} or raw["kind"] != "panel":
        raise _value("practical_scheme", raw)
    judges = get(raw, "judges", int, "practical_scheme")
    maxima: dict[str, Decimal] = {}
    for m in get(raw, "modules", list, "practical_scheme"):
        if not isinstance(m, dict) or m.keys() != {"name", "max"} or not _is(m["name"], str) \
                or not (_is(m["max"], str) and re.fullmatch(r"\d{1,3}(\.\d+)?", m["max"])):
            raise _value("practical_scheme.modules", m)
        maxima[m["name"]] = Decimal(m["max"])
    modules = tuple(Module(name, maximum) for name, maximum in maxima.items())
    if len(modules) != len(raw["modules"]) or scheme_problem(judges, get(raw, "aggregation", str, "practical_scheme"),
                                                             modules):
        raise _value("practical_scheme", raw)
    for no, c in people.items():
        where = f"contestants.{no}.panel"
        for module, marks in get(c, "panel", dict, f"contestants.{no}").items():
            if module not in maxima or not isinstance(marks, dict):
                raise _value(where, module)
            for judge, mark in marks.items():
                if not (judge.isdigit() and 1 <= int(judge) <= judges):
                    raise _value(f"{where}.{module}", judge)
                _mark(mark, f"{where}.{module}.{judge}", allow_absent=False)
                if mark is None or Decimal(mark) > maxima[module]:
                    raise _value(f"{where}.{module}.{judge}", mark)


def _check_ranking(ranking: dict, people: dict[str, dict], *, team: bool) -> None:
    get(ranking, "ranked", int, "ranking")
    get(ranking, "advance_quota", int, "ranking", optional=True)
    if get(ranking, "complete", bool, "ranking") is not True:
        raise SchemaProblem("schema_not_final", field="ranking.complete", value="false")
    for w in get(ranking, "warnings", list, "ranking"):
        if not _is(w, str):
            raise _value("ranking.warnings", w)
    get(ranking, "tie_methods", dict, "ranking")
    rows = get(ranking, "rows", list, "ranking")
    seen_rows: set[str] = set()
    placed: set[str] = set()
    ranked = 0
    for i, r in enumerate(rows):
        where = f"ranking.rows[{i}]"
        if not isinstance(r, dict):
            raise SchemaProblem("schema_type", field=where, expected="object")
        no = get(r, "no", str, where)
        get(r, "name", str, where)
        if no in seen_rows:
            raise SchemaProblem("schema_duplicate", field="ranking.rows.no", value=no)
        seen_rows.add(no)
        members = get(r, "members", list, where, optional=True)
        if team != (members is not None):
            raise _value(f"{where}.members", members)
        for member in members if members is not None else [no]:
            if not _is(member, str) or member not in people:
                raise SchemaProblem("schema_dangling", field=f"{where}.members" if team else f"{where}.no", value=_short(member))
            if member in placed:
                raise SchemaProblem("schema_duplicate", field="ranking.rows", value=member)
            placed.add(member)
        for part in ("theory", "practical"):
            _mark(get(r, part, str, where, optional=True), f"{where}.{part}")
        _mark(get(r, "total", str, where, optional=True), f"{where}.total", allow_absent=False)
        status = get(r, "status", str, where)
        if status not in STATUSES:
            raise _value(f"{where}.status", status)
        if status == "incomplete":
            raise SchemaProblem("schema_not_final", field=f"{where}.status", value=status)
        rank = get(r, "rank", int, where, optional=True)
        if status == "ranked":
            ranked += 1
            if rank is None or rank < 1:
                raise SchemaProblem("schema_not_final", field=f"{where}.rank", value=_short(rank))
        elif rank is not None:
            raise _value(f"{where}.rank", rank)
        if get(r, "rank_range", list, where, optional=True) is not None:
            raise SchemaProblem("schema_not_final", field=f"{where}.rank_range", value=_short(r["rank_range"]))
        if r.get("tie") not in TIES or "tie" not in r:
            raise _value(f"{where}.tie", r.get("tie"))
        if r["tie"] == "unresolved":
            raise SchemaProblem("schema_not_final", field=f"{where}.tie", value="unresolved")
        if get(r, "advances", bool, where, optional=True) is None:
            raise SchemaProblem("schema_not_final", field=f"{where}.advances", value="null")
        level = get(r, "certificate", int, where, optional=True)
        if level is not None and not 1 <= level <= 5:
            raise _value(f"{where}.certificate", level)
        awards = get(r, "awards", dict, where, optional=True)
        if awards is not None:
            get(awards, "talent_pool", bool, f"{where}.awards")
            get(awards, "labor_award_nomination", bool, f"{where}.awards")
            get(awards, "subsidy_yuan", int, f"{where}.awards", optional=True)
        if get(r, "undecided", list, where):
            raise SchemaProblem("schema_not_final", field=f"{where}.undecided", value=_short(r["undecided"]))
    if ranked != ranking["ranked"]:
        raise _value("ranking.ranked", ranking["ranked"])
    missing = people.keys() - placed
    if missing:
        raise SchemaProblem("schema_dangling", field="ranking.rows", value=min(missing))


# -- audit log --------------------------------------------------------------------------
AUDIT_KEYS = frozenset(AUDIT_FIELDS)
# The same JSON as store._entry_hash, with one encoder instead of one per call: checking
# 30,000 entries is then twice as fast. Every verify of a real export proves they agree.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_sha256 = hashlib.sha256


def _hash(prev: str, n: int, e: dict) -> str:
    payload = _ENCODER.encode([prev, n, e["at"], e["operator"], e["action"], e["subject"], e["field"],
                               e["old"], e["new"], e["reason"]])
    return _sha256(payload.encode("utf-8")).hexdigest()


def check_audit(entries: Any, *, fingerprint: str, version: int, redacted: bool = False) -> None:
    """The hash chain holds, and its last finalisation is this package's results.

    With ``redacted`` (a sealed package), a roster entry may carry ``"redacted": true``:
    a phone was blanked for the export, so its hash cannot be recomputed; it must still
    link to the entries before and after it (its ``prev_hash``, the next one's)."""
    if not isinstance(entries, list):
        raise SchemaProblem("schema_type", field="audit", expected="list")
    prev = GENESIS
    last_final: dict | None = None
    for n, e in enumerate(entries, start=1):
        where = f"audit[{n}]"
        blanked = redacted and type(e) is dict and e.get("redacted") is True \
            and e.get("action") in ("roster_add", "roster_update")
        if type(e) is not dict or e.keys() != (AUDIT_KEYS | {"redacted"} if blanked else AUDIT_KEYS):
            raise _value(where, e)
        if type(e["id"]) is not int or e["id"] != n:
            raise _value(f"{where}.id", e["id"])
        for key in ("at", "operator", "action", "prev_hash", "hash"):
            if type(e[key]) is not str:
                get(e, key, str, where)  # raises with the field named
        for key in ("subject", "field", "old", "new", "reason"):
            if e[key] is not None and type(e[key]) is not str:
                get(e, key, str, where, optional=True)
        if e["prev_hash"] != prev or (e["hash"] != _hash(prev, n, e) if not blanked else not HEX64.match(e["hash"])):
            raise SchemaProblem("audit_broken_chain", value=n)
        prev = e["hash"]
        if e["action"] in ("finalize", "reopen"):
            last_final = e
    try:
        final = json.loads(last_final["new"]) if last_final and last_final["action"] == "finalize" else None
    except (TypeError, ValueError):
        final = None
    if not isinstance(final, dict) or final.get("fingerprint") != fingerprint or final.get("version") != version:
        raise SchemaProblem("audit_no_finalize")
