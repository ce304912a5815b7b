"""The chief judge's decisions: quota, ties, finalising and reopening (RULES.md §4, §5, §10).
Mixed into Competition."""

from __future__ import annotations

import json

from ..errors import RefusedError
from ..messages import minute
from ..model import ABSENT, Standings, Status
from ..exchange.results import canonical_json, fingerprint_of
from ..rules.marks import format_mark
from ..rules.outcomes import default_quota


class DecisionsMixin:
    # -- actions: settings -----------------------------------------------------------------
    def set_quota(self, quota: int | None, *, pin: str) -> None:
        info = self._refuse_if_finalized()
        self.check_pin(pin)
        if not info.stage.advances:
            raise RefusedError("quota_final")
        if quota is not None:
            ranked = self.standings(info).ranked
            ceiling = default_quota(ranked)
            if quota < 0:
                raise RefusedError("quota_negative")
            if quota > ceiling:
                raise RefusedError("quota_too_large", quota=quota, ranked=ranked, ceiling=ceiling)
        with self.store.transaction():
            old = self.store.meta("quota")
            self.store.set_meta("quota", "" if quota is None else str(quota))
            self._audit("set_quota", field="quota", old=old, new="" if quota is None else str(quota))
        self._changed()

    # -- actions: ties -----------------------------------------------------------------------
    def _group(self, members: list[str], standings: Standings) -> tuple[str, ...]:
        self._refuse_if_sealed()  # a tie is part of the ranking: withheld until the reveal
        for group in standings.tie_groups:
            if set(group) == set(members):
                return group
        groups = "；".join("、".join(g) for g in standings.tie_groups) or "—"
        raise RefusedError("tie_not_a_group", value="、".join(members), groups=groups)

    def _decide(self, order: list[str], method: str, reason: str, seed: str | None) -> None:
        standings = self.standings()
        group = self._group(order, standings)
        unit = next(s.unit for s in standings.rows if s.unit.key == group[0])
        self.backup("before-tie")
        with self.store.transaction():
            self.store.db.execute(
                "INSERT INTO tie_decisions(members, ordering, total, practical, method, reason, seed, at, operator)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [json.dumps(sorted(group), ensure_ascii=False), json.dumps(order, ensure_ascii=False),
                 str(unit.total), format_mark(unit.practical) if unit.practical is not ABSENT else "0.00",
                 method, reason, seed, self._stamp(), self.operator],
            )
            self._audit(f"tie_{method}", subject="、".join(sorted(group)), field="order",
                        new=order, reason=reason if method == "committee" else f"seed={seed}")
        self._changed()

    def resolve_tie(self, order: list[str], *, reason: str, pin: str) -> None:
        reason = self._need_reason(reason)
        self._refuse_if_finalized()
        self.check_pin(pin)
        if len(set(order)) != len(order):
            raise RefusedError("tie_order_incomplete", members="、".join(order))
        self._decide(list(order), "committee", reason, None)

    def draw_lots(self, group: list[str], *, pin: str, seed: str | None = None) -> list[str]:
        """Order a tied group by lot; the seed is kept so anyone can repeat the draw."""
        import random  # here, as secrets: no other command loads them
        import secrets

        self._refuse_if_finalized()
        self.check_pin(pin)
        members = sorted(self._group(list(group), self.standings()))
        seed = seed or secrets.token_hex(8)
        order = list(members)
        random.Random(seed).shuffle(order)
        self._decide(order, "lot", "抽签确定", seed)
        return order

    # -- actions: finalising -----------------------------------------------------------------
    def finalize_blockers(self) -> list[tuple[str, dict]]:
        """What still stands in the way of finalising (RULES.md §10), as message codes."""
        info = self.info()
        if info.finalized:
            return [("finalized", {"version": info.version})]
        if self.codes_sealed:  # RULES.md §12.3: nothing is ranked before the reveal
            return [("codes_sealed_ranking", {"at": minute(self.codes_times()["sealed_at"])})]
        standings = self.standings(info)
        blockers = []
        if not standings.rows:
            blockers.append(("finalize_empty", {}))
        incomplete = [s.unit.key for s in standings.rows if s.unit.status is Status.INCOMPLETE]
        if incomplete:
            shown = "、".join(incomplete[:10]) + ("…" if len(incomplete) > 10 else "")
            blockers.append(("finalize_incomplete", {"count": len(incomplete), "nos": shown}))
        if standings.tie_groups:
            blockers.append(("finalize_ties", {"groups": "；".join("、".join(g) for g in standings.tie_groups)}))
        pending = self.pending_marks() if self.double_entry else []
        if pending:
            shown = "、".join(f"{p.no}" for p in pending[:10]) + ("…" if len(pending) > 10 else "")
            blockers.append(("finalize_unconfirmed", {"count": len(pending), "items": shown}))
        blockers += self.desk_blockers()  # conflicting values from desk files, held (desk.py)
        return blockers

    def finalize(self, *, pin: str) -> str:
        """Freeze the results, store them with their fingerprint, return the fingerprint."""
        self.check_pin(pin)
        blockers = self.finalize_blockers()
        if blockers:
            code, params = blockers[0]
            raise RefusedError(code, **params)
        info = self.info()
        doc = self.results_document(info)
        fingerprint = fingerprint_of(doc)
        self.backup("before-finalize")
        with self.store.transaction():
            self.store.db.execute(
                "INSERT OR REPLACE INTO finalizations(version, fingerprint, document, at, operator) VALUES (?,?,?,?,?)",
                [info.version, fingerprint, canonical_json(doc).decode("utf-8"), self._stamp(), self.operator],
            )
            self.store.set_meta("finalized", "1")
            self.store.set_meta("fingerprint", fingerprint)
            # The handoff code (交接码) the sheets print and the export seals with; never
            # in the results document, so the fingerprint is untouched (exchange/sealing.py).
            from ..exchange.sealing import make_stage_code  # cryptography: only when finalising

            make_stage_code(self.store, fingerprint)
            self._audit("finalize", new={"version": info.version, "fingerprint": fingerprint})
        self.backup("finalize")
        return fingerprint

    def reopen(self, *, reason: str, pin: str) -> int:
        reason = self._need_reason(reason)
        self.check_pin(pin)
        info = self.info()
        if not info.finalized:
            raise RefusedError("not_finalized")
        version = info.version + 1
        self.backup("before-reopen")
        with self.store.transaction():
            self.store.set_meta("finalized", "0")
            self.store.set_meta("fingerprint", "")
            self.store.set_meta("version", str(version))
            self._audit("reopen", field="version", old=str(info.version), new=str(version), reason=reason)
        self._changed()
        return version
