"""The whole pipeline: units → placements → outcomes → one Standings (RULES.md §4–§8)."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from ..model import CertificatePolicy, Stage, Standing, Standings, StageRules, Status, TieDecision, Unit, new_record
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
    mark = rules.pass_mark
    if not passes(unit.practical, mark):
        return False
    theories = unit.member_theories
    if len(theories) == 1:  # an individual: skip the generator, this runs per contestant
        return passes(theories[0], mark)
    return all(passes(t, mark) for t in theories)


def _certificate_spans(placements: list[Placement], rules: StageRules, passers_before: int = 0,
                       passing: list[bool] | None = None) -> dict[str, tuple[int, int]]:
    """The positions each passing unit competes for a level at, by the committee's policy.

    ``passers_before``: passing units placed before ``placements`` (when they are a slice);
    ``passing``: whether each placement's unit passes, when the caller has asked already."""
    if passing is None:
        passing = [unit_passes(p.unit, rules) for p in placements]
    if rules.certificate_policy is not CertificatePolicy.PASSERS:
        return {p.unit.key: (p.first, p.last) for p, ok in zip(placements, passing) if ok}
    spans: dict[str, tuple[int, int]] = {}
    i, n = 0, len(placements)
    while i < n:
        # Placements of one unresolved group share their first position and are adjacent.
        j = i + 1
        while j < n and placements[j].first == placements[i].first:
            j += 1
        passers = [p for p, ok in zip(placements[i:j], passing[i:j]) if ok]
        for p in passers:
            spans[p.unit.key] = (passers_before + 1, passers_before + len(passers))
        passers_before += len(passers)
        i = j
    return spans


class Answers(NamedTuple):
    """What every position earns with ``ranked`` units ranked: asked once, looked up per row."""

    rules: StageRules
    ranked: int
    quota: int | None
    level_at: list[int | None]  # index 0 unused
    final: bool
    team_event: bool


def answers_for(ranked: int, rules: StageRules) -> Answers:
    level_at: list[int | None] = [None] * (ranked + 1)
    if rules.certified:
        _fill_levels(level_at, ranked, rules)
    return Answers(rules, ranked, effective_quota(ranked, rules), level_at, rules.stage is Stage.FINAL,
                   rules.team_size > 1)


def _fill_levels(level_at: list[int | None], ranked: int, rules: StageRules) -> None:
    """level_at[pos] for positions 1..ranked. Levels are nested: they only worsen down the
    list (3, 4, 5, then none), so each run of one level is found by bisection instead of
    asking every position: the desk asks again whenever the number ranked changes, and
    at 10,000 asking each position cost ~6 ms a keystroke."""

    def level(pos: int) -> int | None:
        raw = raw_level(rules.stage, pos, ranked)
        return None if raw is None else cap_level(raw, rules.levels)

    pos = 1
    while pos <= ranked:
        value = level(pos)
        if value is None:  # once a position earns none, so do all after it
            return
        low, high = pos, ranked  # the run's last position lies in [low, high]
        while low < high:
            middle = (low + high + 1) // 2
            if level(middle) == value:
                low = middle
            else:
                high = middle - 1
        level_at[pos:low + 1] = [value] * (low + 1 - pos)
        pos = low + 1


def compute_standings(
    units: Iterable[Unit], rules: StageRules, decisions: Iterable[TieDecision] = ()
) -> Standings:
    units = list(units)
    placements = place(units, decisions)
    ranked = len(placements)
    answers = answers_for(ranked, rules)
    cert_spans = _certificate_spans(placements, rules) if rules.certified else {}
    rows = standing_rows(placements, answers, cert_spans)
    rest = sorted((u for u in units if u.status is not Status.RANKED), key=lambda u: u.key)
    rows.extend(Standing(unit=u) for u in rest)
    groups = unresolved_groups(placements)
    incomplete = any(u.status is Status.INCOMPLETE for u in units)
    return Standings(tuple(rows), ranked, answers.quota, standings_warnings(ranked, bool(groups), incomplete),
                     tuple(groups))


def standings_warnings(ranked: int, unresolved: bool, incomplete: bool) -> tuple[str, ...]:
    warnings = set()
    if ranked < TOO_FEW:
        warnings.add("too_few_participants")
    if unresolved:
        warnings.add("unresolved_ties")
    if incomplete:
        warnings.add("incomplete_marks")
    return tuple(sorted(warnings))


def standing_rows(placements: list[Placement], answers: Answers, cert_spans: dict[str, tuple[int, int]]) -> list[Standing]:
    """One Standing per placement: what its position (or its tie's span of positions) earns."""
    quota, level_at, final, team_event = answers.quota, answers.level_at, answers.final, answers.team_event
    rows: list[Standing] = []
    for p in placements:
        unit, first, last, tie, tie_method = p  # in one step: ~0.1 µs a row less than by name
        if first == last:  # the common case: one position, every answer decided
            advances = quota is not None and first <= quota
            span = cert_spans.get(unit.key)
            certificate = level_at[span[0]] if span and span[0] == span[1] else None
            awards = awards_at(first, unit, team_event) if final else None
            if span is None or span[0] == span[1]:
                rows.append(new_record(Standing, (unit, first, None, tie, tie_method, advances, certificate, awards, ())))
                continue
        # An unresolved tie (or a tie among passers): ask each rule over the whole span.
        undecided: list[str] = []

        def decide(field: str, rule, span: tuple[int, int]):
            answer = decide_over_span(span[0], span[1], rule)
            if answer is UNDECIDED:
                undecided.append(field)
                return None
            return answer

        advances = False
        if quota is not None:
            advances = decide("advances", lambda pos: pos <= quota, (first, last))
        certificate = None
        if unit.key in cert_spans:
            certificate = decide("certificate", level_at.__getitem__, cert_spans[unit.key])
        awards = None
        if final:
            awards = decide("awards", lambda pos: awards_at(pos, unit, team_event), (first, last))
        rows.append(
            Standing(unit, p.rank, None if p.rank is not None else (first, last), p.tie, p.tie_method,
                     advances, certificate, awards, tuple(sorted(undecided)) if undecided else ())
        )
    return rows


def counts(st: Standings) -> dict[str, int | None]:
    """The desk's counters (参赛, 晋级, 待录, 并列待定, too few) for ``st``."""
    return {
        "ranked": st.ranked,
        "quota": st.advance_quota,
        # Ranked rows come first; only the rows after them can be incomplete.
        "incomplete": sum(1 for s in st.rows[st.ranked:] if s.unit.status is Status.INCOMPLETE),
        "unresolved": len(st.tie_groups),
        "too_few": int("too_few_participants" in st.warnings),
    }


def counts_of(ranked: int, incomplete: int, unresolved: int, rules: StageRules) -> dict[str, int | None]:
    """``counts`` of the standings with these numbers of units ranked, incomplete and
    unresolved ties, without ranking them (actions/counted.py counts them in SQLite)."""
    return {"ranked": ranked, "quota": effective_quota(ranked, rules), "incomplete": incomplete,
            "unresolved": unresolved,
            "too_few": int("too_few_participants" in standings_warnings(ranked, unresolved > 0, incomplete > 0))}
