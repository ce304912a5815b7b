"""The whole pipeline: units → placements → outcomes → one Standings (RULES.md §4–§8)."""

from __future__ import annotations

from itertools import groupby
from typing import Iterable

from ..model import CertificatePolicy, Stage, Standing, Standings, StageRules, Status, TieDecision, Unit
from .marks import passes
from .outcomes import UNDECIDED, awards_at, cap_level, decide_over_span, default_quota, raw_level
from .ranking import Placement, place, unresolved_groups

TOO_FEW = 30


def effective_quota(ranked: int, rules: StageRules) -> int | None:
    """The committee may set a smaller quota, never a larger one (§5)."""
    if not rules.stage.advances:
        return None
    ceiling = default_quota(ranked)
    return ceiling if rules.quota is None else min(rules.quota, ceiling)


def unit_passes(unit: Unit, rules: StageRules) -> bool:
    """Theory and practical at or above the pass mark; in a team, every member's theory."""
    return passes(unit.practical, rules.pass_mark) and all(
        passes(t, rules.pass_mark) for t in unit.member_theories
    )


def _certificate_spans(placements: list[Placement], rules: StageRules) -> dict[str, tuple[int, int]]:
    """The positions each passing unit competes for a level at, by the committee's policy."""
    spans: dict[str, tuple[int, int]] = {}
    passers_before = 0
    # Placements of one unresolved group share their first position and are adjacent.
    for _, same in groupby(placements, key=lambda p: p.first):
        passing = [p for p in same if unit_passes(p.unit, rules)]
        for p in passing:
            if rules.certificate_policy is CertificatePolicy.PASSERS:
                spans[p.unit.key] = (passers_before + 1, passers_before + len(passing))
            else:
                spans[p.unit.key] = (p.first, p.last)
        passers_before += len(passing)
    return spans


def compute_standings(
    units: Iterable[Unit], rules: StageRules, decisions: Iterable[TieDecision] = ()
) -> Standings:
    units = list(units)
    placements = place(units, decisions)
    ranked = len(placements)
    quota = effective_quota(ranked, rules)
    team_event = rules.team_size > 1
    cert_spans = _certificate_spans(placements, rules) if rules.certified else {}

    def level_at(pos: int) -> int | None:
        return cap_level(raw_level(rules.stage, pos, ranked), rules.levels)

    rows: list[Standing] = []
    for p in placements:
        undecided: list[str] = []

        def decide(field: str, rule, span: tuple[int, int]):
            answer = decide_over_span(span[0], span[1], rule)
            if answer is UNDECIDED:
                undecided.append(field)
                return None
            return answer

        span = (p.first, p.last)
        advances = False
        if quota is not None:
            advances = decide("advances", lambda pos: pos <= quota, span)
        certificate = None
        if p.unit.key in cert_spans:
            certificate = decide("certificate", level_at, cert_spans[p.unit.key])
        awards = None
        if rules.stage is Stage.FINAL:
            awards = decide("awards", lambda pos: awards_at(pos, p.unit, team_event), span)
        rows.append(
            Standing(p.unit, p.rank, None if p.rank is not None else span, p.tie, p.tie_method,
                     advances, certificate, awards, tuple(sorted(undecided)) if undecided else ())
        )
    rest = sorted((u for u in units if u.status is not Status.RANKED), key=lambda u: u.key)
    rows.extend(Standing(unit=u) for u in rest)

    groups = unresolved_groups(placements)
    warnings = set()
    if ranked < TOO_FEW:
        warnings.add("too_few_participants")
    if groups:
        warnings.add("unresolved_ties")
    if any(u.status is Status.INCOMPLETE for u in units):
        warnings.add("incomplete_marks")
    return Standings(tuple(rows), ranked, quota, tuple(sorted(warnings)), tuple(groups))
