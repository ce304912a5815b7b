"""Value types shared by the rules, the store and the edges (NamedTuples: immutable, and
built as classes several times faster than frozen dataclasses, which every command pays
for at start, issue 18).

A mark is a ``Decimal`` (0–100, two decimals), ``ABSENT`` (缺考 for that part) or
``None`` (not entered yet). Marks are never binary floats.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .catalog import Event


class _Absent:
    """The 缺考 marker for one part; compares as 0.00 for ordering (RULES.md §4)."""

    _instance: "_Absent | None" = None

    def __new__(cls) -> "_Absent":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self):
        return (_Absent, ())


ABSENT = _Absent()
Mark = Decimal | _Absent | None


class Stage(str, Enum):
    PRELIM = "prelim"
    SEMIFINAL = "semifinal"
    FINAL = "final"

    @property
    def advances(self) -> bool:
        return self is not Stage.FINAL

    def previous(self) -> "Stage | None":
        order = list(Stage)
        i = order.index(self)
        return order[i - 1] if i else None


class Status(str, Enum):
    """Where a ranked unit stands. The last three are stage-wide statuses."""

    RANKED = "ranked"
    INCOMPLETE = "incomplete"
    ABSENT = "absent"
    WITHDRAWN = "withdrawn"
    DISQUALIFIED = "disqualified"


# A stage-wide status on any team member applies to the team; the strongest wins (§8).
STATUS_PRECEDENCE = (Status.DISQUALIFIED, Status.WITHDRAWN, Status.ABSENT)


class CertificatePolicy(str, Enum):
    OVERALL = "overall"  # thresholds use the rank among all N ranked (default, RULES.md §6)
    PASSERS = "passers"  # thresholds use the rank among those who passed


# ``new_record(Cls, (every field, in order))`` builds a NamedTuple without the Python-level
# __new__ that fills in defaults: 0.15 µs instead of 0.3. For the 10,000 units, placements
# and standings every ranking makes (issue 18); anywhere else, call the class.
new_record = tuple.__new__


class Contestant(NamedTuple):
    # A NamedTuple (immutable, several times cheaper to build than a frozen dataclass):
    # opening a 10,000-contestant file builds one per contestant.
    no: str
    name: str
    id_number: str
    unit: str
    sex: str = ""
    birth_date: str = ""
    category: str = ""
    union_card: bool = False
    team: str = ""
    phone: str = ""
    seq: int = 0  # roster order, used for a team's member order


class Entry(NamedTuple):
    """The marks and stage-wide status of one contestant as entered."""

    theory: Mark = None
    practical: Mark = None
    status: Status | None = None  # only ABSENT, WITHDRAWN, DISQUALIFIED or None


class Unit(NamedTuple):
    """What is ranked: a contestant, or a team in the team event.

    Unit and Standing are NamedTuples rather than frozen dataclasses: both are immutable,
    but tuples build several times faster, and 10,000 of each are made per keystroke.
    """

    key: str  # contestant number, or team name
    name: str
    members: tuple[str, ...] | None  # member numbers for a team, else None
    theory: Mark
    practical: Mark
    status: Status
    total: Decimal | None  # rounded half-up to 2 decimals; None unless ranked
    union_card: bool = False
    # For certificates: every member's own theory must pass (RULES.md §8).
    member_theories: tuple[Mark, ...] = ()
    # The ranking keys (total, practical; 缺考 as 0) in hundredths, as integers: sorting
    # 10,000 integer pairs is several times faster than sorting Decimal pairs.
    rank_key: tuple[int, int] | None = None


class TieDecision(NamedTuple):
    """The committee's order for a fully tied group, by reason or by lot."""

    order: tuple[str, ...]  # unit keys, first = better
    total: Decimal
    practical: Decimal
    method: str  # "committee" or "lot"
    reason: str = ""
    seed: str | None = None


STAGE_NAMES = {"prelim": ("初赛", "prelim"), "semifinal": ("复赛", "semifinal"), "final": ("决赛", "final")}


def stage_name(stage: str, lang: str = "zh") -> str:
    """初赛 / 复赛 / 决赛 (or the English word) for a stage's value."""
    zh, en = STAGE_NAMES[stage]
    return en if lang == "en" else zh


class StageRules(NamedTuple):
    """Everything about the sitting that the rules need."""

    stage: Stage
    certified: bool
    levels: tuple[int, ...] = (1, 2, 3, 4, 5)
    team_size: int = 1
    quota: int | None = None  # a committee's smaller quota; None = floor(30% N)
    pass_mark: Decimal = Decimal("60")
    certificate_policy: CertificatePolicy = CertificatePolicy.OVERALL


class Awards(NamedTuple):
    """What a position in the final earns (RULES.md §7): talent pool, a subsidy in yuan, a labour-award nomination."""

    talent_pool: bool
    subsidy_yuan: int | None
    labor_award_nomination: bool


class Standing(NamedTuple):
    """One row of the ranking: a unit and everything the rules decided for it."""

    unit: Unit
    rank: int | None = None
    rank_range: tuple[int, int] | None = None
    tie: str | None = None  # None, "practical", "unresolved", "committee"
    tie_method: str | None = None  # "committee" or "lot" for a decided group
    advances: bool | None = False
    certificate: int | None = None
    awards: Awards | None = None
    undecided: tuple[str, ...] = ()


class Standings(NamedTuple):
    """The ranking: a row per unit (the ranked in order, then the rest), how many are ranked, the quota and warnings."""

    rows: tuple[Standing, ...]  # the desk's kept ranking: a LiveRows (rules/live_rows.py), read-only alike
    ranked: int
    advance_quota: int | None
    warnings: tuple[str, ...]
    tie_groups: tuple[tuple[str, ...], ...] = ()  # unresolved groups

    @property
    def complete(self) -> bool:
        return all(r.unit.status is not Status.INCOMPLETE for r in self.rows)


class Info(NamedTuple):
    """What the header of every screen and sheet shows about the sitting."""

    event: Event
    stage: Stage
    committee: str
    date: dt.date
    rules: StageRules
    finalized: bool
    version: int
    fingerprint: str | None
    path: Path


class ImportLog:
    """What an import did, for the GUI's import log and the CLI (Anki's import log)."""

    __slots__ = ("added", "changed", "unchanged", "changes", "warnings")

    def __init__(self) -> None:
        self.added: list[str] = []
        self.changed: list[str] = []
        self.unchanged: list[str] = []
        self.changes: list[tuple[str, str, str | None, str | None]] = []
        self.warnings: list = []  # Problems that did not refuse the file (glyph_missing)

    @property
    def rejected(self) -> int:
        return 0  # an import is all or nothing: a rejected file raises InputError instead
