"""The next stage's roster from the previous stage's handoff packages (RULES.md §10), and
the sources it was built from.

Every advancing contestant of the given packages comes along with their personal data
and where they came from (``origin``: committee, stage, number and rank there, the
package's fingerprint and version); in the team event each advancing team brings all its
members. Nobody is retyped. Contestants get new numbers in the new file, in the order of
the packages and, within one, of their rank there: committees number independently, so
keeping the old numbers would collide.

A package arriving later joins the roster (``add_source``); a newer version of a
committee's package replaces the older one, and is refused if it would drop a contestant
who already has marks. Every change is one transaction with its audit entries.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..catalog import event as catalog_event
from ..errors import RefusedError, UsageError
from ..model import stage_name
from ..messages import register
from ..model import Stage

if TYPE_CHECKING:  # annotations only: the facade imports this module, never the reverse;
    # the handoff reader (zipfile, cryptography) is imported by the two commands that read one
    from ..exchange.handoff import Package
    from .competition import Competition

register(
    {
        "from_prelim": (
            "初赛没有上一阶段，不能由成绩交接文件生成名单：请用 --event 创建并导入名单",
            "A prelim has no previous stage to build from: create it with --event and import a roster",
        ),
        "from_no_packages": ("请至少给出一份成绩交接文件", "Give at least one handoff file"),
        "from_event_mismatch": (
            "成绩交接文件不属于同一竞赛项目：{package} 是 {found}，{other} 是 {expected}",
            "The handoff files are not of one event: {package} is {found}, {other} is {expected}",
        ),
        "from_stage_mismatch": (
            "{package} 是{found}的成绩，{stage}的名单只能来自{expected}的成绩交接文件",
            "{package} holds {found_en} results; a {stage_en} roster is built from {expected_en} handoff files only",
        ),
        "from_duplicate_package": (
            "{package} 与 {other} 是同一份成绩（成绩指纹相同）：每份成绩只能使用一次",
            "{package} and {other} are the same results (same fingerprint): each may be used once",
        ),
        "from_same_committee": (
            "{package} 与 {other} 都来自「{committee}」（第 {version} 版与第 {other_version} 版）：请只给出最新的一份",
            "{package} and {other} both come from '{committee}' (versions {version} and {other_version}): "
            "give only the newest",
        ),
        "from_duplicate_person": (
            "同一选手出现在两份成绩中：{name}（身份证号 {id_number}）在 {package} 中编号 {no}，在 {other} 中编号 {other_no}",
            "The same contestant is in two files: {name} (ID number {id_number}) is number {no} in {package} "
            "and number {other_no} in {other}",
        ),
        "source_person_taken": (
            "{package} 中的 {name}（身份证号 {id_number}）已在名单中，编号 {no}",
            "{name} (ID number {id_number}) of {package} is already on the roster as number {no}",
        ),
        "source_already_used": (
            "{package} 已经使用过（成绩指纹 {fingerprint} 相同），名单未改动",
            "{package} was already used (same fingerprint {fingerprint}); the roster was not changed",
        ),
        "source_not_newer": (
            "{package} 是「{committee}」的第 {version} 版，本文件已使用第 {used} 版：只能用更新的版本替换",
            "{package} is version {version} of '{committee}'; this file already uses version {used}: "
            "only a newer version can replace it",
        ),
        "source_drops_marked": (
            "用 {package} 替换旧版本会去掉已有成绩的选手：{names}。名单未改动。",
            "Replacing the older version with {package} would drop contestants who already have marks: {names}. "
            "The roster was not changed.",
        ),
        "source_unknown_event": (
            "{package} 的竞赛项目「{no} {name}」与本程序的项目目录不符",
            "{package}'s event '{no} {name}' does not match this program's catalogue",
        ),
    }
)


class Arrival(NamedTuple):
    """One advancing contestant of a package."""

    person: dict  # the contestant as the package's results carry them
    rank: int
    team: str  # the team's name in the package; '' in individual events
    pkg: Package


class Source(NamedTuple):
    """One handoff package the roster was built from (a row of ``sources``); ``replaced_by``: the newer one, if any."""

    fingerprint: str
    committee: str
    stage: str
    version: int
    file_name: str
    contestants: int
    added_at: str
    operator: str
    replaced_by: str | None


class SourceChange:
    """What ``add_source`` did, for the CLI and the GUI."""

    __slots__ = ("source", "added", "updated", "removed", "replaced")

    def __init__(self, source: Source) -> None:
        self.source = source
        self.added: list[str] = []
        self.updated: list[str] = []
        self.removed: list[str] = []
        self.replaced: Source | None = None


def advancing(pkg: Package) -> list[Arrival]:
    """The advancing contestants in rank order; a team's members in roster order."""
    people = {c["no"]: c for c in pkg.results["contestants"]}
    out = []
    for row in pkg.results["ranking"]["rows"]:
        if not row["advances"]:
            continue
        team = row["members"] is not None
        for no in row["members"] if team else [row["no"]]:
            out.append(Arrival(people[no], row["rank"], row["no"] if team else "", pkg))
    return out


# -- checks -------------------------------------------------------------------------------
def _event_text(pkg: Package) -> str:
    return f"{pkg.event_no} {pkg.event_name}"


def _stage_words(**stages: str) -> dict[str, str]:
    """Stage names for both languages' message texts: {key} in Chinese, {key_en} in English."""
    words = {key: stage_name(value, "zh") for key, value in stages.items()}
    return words | {f"{key}_en": stage_name(value, "en") for key, value in stages.items()}


def _check_fits(pkg: Package, stage: Stage, event_no: int, other: Package | None) -> None:
    """The package is of this event and of the stage just before ``stage``."""
    expected = stage.previous()
    if other is not None and pkg.event_no != event_no:
        raise RefusedError("from_event_mismatch", package=pkg.path.name, found=_event_text(pkg),
                           other=other.path.name, expected=_event_text(other))
    if pkg.stage != expected.value:
        raise RefusedError("from_stage_mismatch", package=pkg.path.name,
                           **_stage_words(found=pkg.stage, stage=stage.value, expected=expected.value))
    ev = catalog_event(pkg.event_no)
    if ev.name != pkg.event_name or ev.team_size != pkg.results["event"]["team_size"]:
        raise RefusedError("source_unknown_event", package=pkg.path.name, no=pkg.event_no, name=pkg.event_name)


def _check_batch(pkgs: list[Package], stage: Stage) -> None:
    first = pkgs[0]
    for i, pkg in enumerate(pkgs):
        _check_fits(pkg, stage, first.event_no, first)
        for other in pkgs[:i]:
            if pkg.fingerprint == other.fingerprint:
                raise RefusedError("from_duplicate_package", package=pkg.path.name, other=other.path.name)
            if pkg.committee == other.committee:
                raise RefusedError("from_same_committee", package=pkg.path.name, other=other.path.name,
                                   committee=pkg.committee, version=pkg.version, other_version=other.version)


def _check_people(arrivals: list[Arrival]) -> None:
    seen: dict[str, Arrival] = {}
    for a in arrivals:
        first = seen.setdefault(a.person["id_number"], a)
        if first is not a:
            raise RefusedError("from_duplicate_person", name=a.person["name"], id_number=a.person["id_number"],
                               package=first.pkg.path.name, no=first.person["no"],
                               other=a.pkg.path.name, other_no=a.person["no"])


# -- writing ------------------------------------------------------------------------------
def _stamp(comp: Competition) -> str:
    return comp.clock().isoformat(timespec="seconds")


def _audit(comp: Competition, action: str, **fields) -> None:
    comp.store.audit(at=_stamp(comp), operator=comp.operator, action=action, **fields)


def _origin(a: Arrival) -> dict:
    return {"committee": a.pkg.committee, "stage": a.pkg.stage, "no": a.person["no"], "rank": a.rank,
            "team": a.team or None, "fingerprint": a.pkg.fingerprint, "version": a.pkg.version}


def _record(a: Arrival, team: str) -> dict:
    p = a.person
    return {"name": p["name"], "id_number": p["id_number"], "unit": p["unit"], "sex": p["sex"],
            "birth_date": p["birth_date"], "category": p["category"], "union_card": p["union_card"],
            "team": team, "phone": p["phone"]}


class _Numbers:
    """New contestant numbers: 001, 002 … after the highest roster position, never reused."""

    def __init__(self, comp: Competition, coming: int):
        rows = comp.store.db.execute("SELECT no, seq FROM contestants").fetchall()
        self.taken = {no for no, _ in rows}
        self.seq = max((seq for _, seq in rows), default=0)
        self.width = max(3, len(str(self.seq + coming)))

    def next(self) -> tuple[str, int]:
        while True:
            self.seq += 1
            no = f"{self.seq:0{self.width}d}"
            if no not in self.taken:
                self.taken.add(no)
                return no, self.seq


class _TeamNames:
    """A team keeps its name unless another committee's team has it already; then the
    committee is added, so two teams called 第1队 stay two teams."""

    def __init__(self, comp: Competition):
        self.used = {t for (t,) in comp.store.db.execute("SELECT DISTINCT team FROM contestants WHERE team != ''")}
        self.given: dict[tuple[str, str], str] = {}

    def keep(self, pkg_committee: str, source_team: str, name: str) -> None:
        self.given[(pkg_committee, source_team)] = name

    def name(self, a: Arrival) -> str:
        if not a.team:
            return ""
        key = (a.pkg.committee, a.team)
        if key not in self.given:
            name, n = a.team, 1
            if name in self.used:
                name = f"{a.team}（{a.pkg.committee}）"
            while name in self.used:
                n += 1
                name = f"{a.team}（{a.pkg.committee}·{n}）"
            self.used.add(name)
            self.given[key] = name
        return self.given[key]


def _insert(comp: Competition, a: Arrival, no: str, seq: int, team: str) -> None:
    record = _record(a, team)
    origin = _origin(a)
    comp.store.db.execute(
        "INSERT INTO contestants(no, name, id_number, unit, sex, birth_date, category, union_card, team, phone,"
        " seq, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [no, record["name"], record["id_number"], record["unit"], record["sex"], record["birth_date"],
         record["category"], int(record["union_card"]), team, record["phone"], seq,
         json.dumps(origin, ensure_ascii=False, sort_keys=True)],
    )
    _audit(comp, "roster_add", subject=no, new={**record, "origin": origin})
    reason = a.pkg.results["admitted"].get(a.person["no"])
    if reason:
        # An admission against an eligibility rule travels with the contestant.
        text = f"{a.pkg.committee}{stage_name(a.pkg.stage)}已准予：{reason}"
        comp.store.db.execute("INSERT OR REPLACE INTO overrides(no, reason, at, operator) VALUES (?,?,?,?)",
                              [no, text, _stamp(comp), comp.operator])
        _audit(comp, "admit", subject=no, reason=text)


def _record_source(comp: Competition, pkg: Package, count: int) -> Source:
    source = Source(pkg.fingerprint, pkg.committee, pkg.stage, pkg.version, pkg.path.name, count,
                    _stamp(comp), comp.operator, None)
    comp.store.db.execute(
        "INSERT INTO sources(fingerprint, committee, stage, version, file_name, contestants, added_at, operator)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [source.fingerprint, source.committee, source.stage, source.version, source.file_name, count,
         source.added_at, source.operator],
    )
    _audit(comp, "source_add", subject=pkg.committee,
           new={"fingerprint": pkg.fingerprint, "version": pkg.version, "file": pkg.path.name,
                "stage": pkg.stage, "contestants": count})
    return source


def _add_new(comp: Competition, pkg: Package, arrivals: list[Arrival], numbers: _Numbers, teams: _TeamNames,
             change: SourceChange | None = None) -> Source:
    for a in arrivals:
        no, seq = numbers.next()
        _insert(comp, a, no, seq, teams.name(a))
        if change is not None:
            change.added.append(no)
    return _record_source(comp, pkg, len(arrivals))


def _remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def create_from_packages(
    competition_class,
    file: str | Path,
    packages: list[str | Path],
    *,
    codes: list[str | None] | None = None,
    stage: str,
    committee: str,
    pin: str,
    date: str | dt.date | None = None,
    quota: int | None = None,
    levels: tuple[int, ...] | None = None,
    operator: str | None = None,
    clock=None,
) -> Competition:
    """Create ``file`` for ``stage`` with every advancing contestant of ``packages``.

    Everything is checked before the file is created; a failure after that removes it,
    so a refusal never leaves a file behind.
    """
    path = Path(file)
    if path.exists():
        raise RefusedError("file_exists", path=str(path))
    committee = competition_class.committee_name(committee)  # before reading any package
    try:
        stage = Stage(stage)
    except ValueError:
        raise UsageError("stage_unknown", value=stage) from None
    if stage.previous() is None:
        raise RefusedError("from_prelim")
    if not packages:
        raise UsageError("from_no_packages")
    from ..exchange.handoff_read import read_package
    from ..exchange.sealing import paired_codes

    pkgs = [read_package(p, c) for p, c in zip(packages, paired_codes(packages, codes))]
    _check_batch(pkgs, stage)
    batches = [advancing(p) for p in pkgs]
    _check_people([a for batch in batches for a in batch])
    carried = {tuple(p.results["event"]["levels"]) for p in pkgs}
    comp = competition_class.create(path, event_no=pkgs[0].event_no, stage=stage, committee=committee, pin=pin,
                                       date=date, quota=quota, levels=levels or (carried.pop() if len(carried) == 1 else None),
                                       operator=operator, clock=clock)
    try:
        with comp.store.transaction():
            numbers = _Numbers(comp, sum(map(len, batches)))
            teams = _TeamNames(comp)
            for pkg, batch in zip(pkgs, batches):
                _add_new(comp, pkg, batch, numbers, teams)
    except BaseException:
        comp.close()
        _remove_files(path)
        raise
    return comp


# -- sources of an existing file ----------------------------------------------------------
def list_sources(comp: Competition) -> list[Source]:
    rows = comp.store.db.execute(
        "SELECT fingerprint, committee, stage, version, file_name, contestants, added_at, operator, replaced_by"
        " FROM sources ORDER BY added_at, rowid"
    ).fetchall()
    return [Source(*r) for r in rows]


def _has_marks(comp: Competition, nos: list[str]) -> list[str]:
    marked = {no for (no,) in comp.store.db.execute(
        "SELECT no FROM marks WHERE theory IS NOT NULL OR practical IS NOT NULL OR status IS NOT NULL")}
    tables = {t for (t,) in comp.store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "mark_entries" in tables:  # double entry keeps typed marks apart until they agree
        marked |= {no for (no,) in comp.store.db.execute("SELECT DISTINCT no FROM mark_entries")}
    return [no for no in nos if no in marked]


def add_source(comp: Competition, package_path: str | Path, code: str | None = None) -> SourceChange:
    """Add a package to the roster of ``comp``, or let a newer version replace an older;
    ``code`` opens a sealed package."""
    info = comp.info()
    if info.finalized:
        raise RefusedError("finalized", version=info.version)
    if info.stage.previous() is None:
        raise RefusedError("from_prelim")
    from ..exchange.handoff_read import read_package

    pkg = read_package(package_path, code)
    if pkg.event_no != info.event.no:
        raise RefusedError("from_event_mismatch", package=pkg.path.name, found=_event_text(pkg),
                           other=info.path.name, expected=f"{info.event.no} {info.event.name}")
    _check_fits(pkg, info.stage, info.event.no, None)
    sources = list_sources(comp)
    if any(s.fingerprint == pkg.fingerprint for s in sources):
        raise RefusedError("source_already_used", package=pkg.path.name, fingerprint=pkg.fingerprint[:16] + "…")
    old = next((s for s in sources if s.replaced_by is None and s.committee == pkg.committee
                and s.stage == pkg.stage), None)
    if old is not None and pkg.version <= old.version:
        raise RefusedError("source_not_newer", package=pkg.path.name, committee=pkg.committee,
                           version=pkg.version, used=old.version)
    arrivals = advancing(pkg)
    _check_people(arrivals)

    roster = comp.store.db.execute("SELECT no, id_number, team, origin FROM contestants ORDER BY seq").fetchall()
    from_old = {}
    others = {}
    for no, id_number, team, origin in roster:
        o = json.loads(origin) if origin else None
        if old is not None and o and o.get("fingerprint") == old.fingerprint:
            from_old[id_number] = (no, team, o)
        else:
            others[id_number] = (no, o)
    for a in arrivals:
        if a.person["id_number"] in others:
            no, _ = others[a.person["id_number"]]
            raise RefusedError("source_person_taken", package=pkg.path.name, name=a.person["name"],
                               id_number=a.person["id_number"], no=no)
    arriving_ids = {a.person["id_number"] for a in arrivals}
    dropped = [no for id_number, (no, _, _) in from_old.items() if id_number not in arriving_ids]
    marked = _has_marks(comp, dropped)
    if marked:
        raise RefusedError("source_drops_marked", package=pkg.path.name, names="、".join(marked[:20]))

    with comp.store.transaction():
        numbers = _Numbers(comp, len(arrivals))
        teams = _TeamNames(comp)
        for _, team, o in from_old.values():
            if team and o.get("team"):
                teams.keep(pkg.committee, o["team"], team)
        change = SourceChange(source=None)  # type: ignore[arg-type]
        new = [a for a in arrivals if a.person["id_number"] not in from_old]
        for a in arrivals:
            if a.person["id_number"] in from_old:
                no, team, _ = from_old[a.person["id_number"]]
                if _update(comp, no, a, team):
                    change.updated.append(no)
        for no in dropped:
            _remove(comp, no)
            change.removed.append(no)
        for a in new:
            no, seq = numbers.next()
            _insert(comp, a, no, seq, teams.name(a))
            change.added.append(no)
        change.source = _record_source(comp, pkg, len(arrivals))
        if old is not None:
            comp.store.db.execute("UPDATE sources SET replaced_by=? WHERE fingerprint=?", [pkg.fingerprint, old.fingerprint])
            _audit(comp, "source_replace", subject=pkg.committee, old=old.fingerprint, new=pkg.fingerprint)
            change.replaced = old
    return change


def _update(comp: Competition, no: str, a: Arrival, team: str) -> bool:
    """A kept contestant takes the newer package's data and origin; each change audited."""
    current = comp.store.db.execute(
        "SELECT name, id_number, unit, sex, birth_date, category, union_card, team, phone, origin"
        " FROM contestants WHERE no=?", [no]).fetchone()
    keys = ("name", "id_number", "unit", "sex", "birth_date", "category", "union_card", "team", "phone")
    before = dict(zip(keys, current[:9]))
    before["union_card"] = bool(before["union_card"])
    after = _record(a, team)
    origin = json.dumps(_origin(a), ensure_ascii=False, sort_keys=True)
    changed = False
    for k in keys:
        if before[k] != after[k]:
            value = int(after[k]) if k == "union_card" else after[k]
            comp.store.db.execute(f"UPDATE contestants SET {k}=? WHERE no=?", [value, no])
            _audit(comp, "roster_update", subject=no, field=k, old=str(before[k]), new=str(after[k]))
            changed = True
    if origin != current[9]:
        comp.store.db.execute("UPDATE contestants SET origin=? WHERE no=?", [origin, no])
        _audit(comp, "roster_update", subject=no, field="origin", old=current[9], new=origin)
        changed = True
    return changed


def _remove(comp: Competition, no: str) -> None:
    row = comp.store.db.execute("SELECT name, id_number, origin FROM contestants WHERE no=?", [no]).fetchone()
    comp.store.db.execute("DELETE FROM marks WHERE no=?", [no])
    comp.store.db.execute("DELETE FROM overrides WHERE no=?", [no])
    comp.store.db.execute("DELETE FROM contestants WHERE no=?", [no])
    _audit(comp, "roster_remove", subject=no, old={"name": row[0], "id_number": row[1], "origin": row[2]})


class NextStageMixin:
    """The facade's door to the above (mixed into Competition): this module never imports
    the facade, so reading handoff files and building from them stay free of circles."""

    @classmethod
    def create_from_packages(cls, file, packages, **options):
        """The next stage's competition file from the previous stage's handoff files."""
        return create_from_packages(cls, file, packages, **options)

    def sources(self) -> list[Source]:
        """The handoff files this roster was built from, newest last (replaced ones too)."""
        return list_sources(self)

    def add_source(self, package_path: str | Path, code: str | None = None) -> SourceChange:
        """Another committee's handoff file joins (or a newer version replaces) the roster;
        a sealed file is opened with ``code`` (交接码)."""
        return add_source(self, package_path, code)
