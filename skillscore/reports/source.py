"""What a sheet is drawn from: a results document the core computed, never the file.

A live (draft) sitting gives ``comp.results_document()``; a finalised one gives the stored
``comp.finalized_document()``, whose SHA-256 is the fingerprint (``comp.info().fingerprint``)
printed on the sheet and carried by the handoff file. A bare document can be passed too
(e.g. one read from a handoff file); it counts as finalised only with its fingerprint,
and that fingerprint must be the document's own, so a sheet can never print a wrong one.
A finalised competition file also gives the stage's handoff code (exchange/sealing.py),
which the results and advancement sheets print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import RefusedError
from ..messages import register
from ..exchange.results import fingerprint_of

register(
    {
        "report_fingerprint_mismatch": (
            "成绩指纹与成绩文档不符（文档的指纹为 {actual}），拒绝打印",
            "The fingerprint does not match the results document (its own is {actual}); nothing printed",
        ),
    }
)


@dataclass(frozen=True)
class SheetSource:
    """A results document to draw a sheet from: whether it is finalised, its fingerprint, the contestants by 编号."""

    doc: dict
    finalized: bool
    fingerprint: str | None
    people: dict[str, dict] = field(default_factory=dict)
    code: str | None = None  # the handoff code (交接码) of a finalised competition file's stage

    @property
    def ranking(self) -> dict:
        return self.doc["ranking"]

    @property
    def rows(self) -> list[dict]:
        return self.doc["ranking"]["rows"]

    @property
    def version(self) -> int:
        return int(self.doc.get("version") or 1)

    @property
    def team_event(self) -> bool:
        return int(self.doc["event"].get("team_size") or 1) > 1

    def members(self, row: dict) -> list[dict]:
        """The contestants behind a ranked unit: the team's members, or the contestant."""
        nos = row["members"] if row.get("members") else [row["no"]]
        return [self.people.get(no, {"no": no, "name": "", "id_number": "", "unit": ""}) for no in nos]


def load_source(comp_or_doc: Any, *, fingerprint: str | None = None) -> SheetSource:
    if isinstance(comp_or_doc, SheetSource):
        return comp_or_doc
    if isinstance(comp_or_doc, dict):
        doc = comp_or_doc
        if fingerprint is not None:
            actual = fingerprint_of(doc)
            if actual != fingerprint:
                raise RefusedError("report_fingerprint_mismatch", actual=actual)
        return _source(doc, fingerprint is not None, fingerprint)
    comp = comp_or_doc
    info = comp.info()
    if info.finalized:
        from ..exchange.sealing import stage_code

        # The code the export seals with; a bare document (from a handoff file) has none.
        code = stage_code(comp).code
        return _source(comp.finalized_document(), True, info.fingerprint, code)
    return _source(comp.results_document(info), False, None)


def _source(doc: dict, finalized: bool, fingerprint: str | None, code: str | None = None) -> SheetSource:
    people = {p["no"]: p for p in doc.get("contestants", [])}
    return SheetSource(doc=doc, finalized=finalized, fingerprint=fingerprint, people=people, code=code)
