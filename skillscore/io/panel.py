"""Reading a panel-marks file: one row per judge's mark (CONTRACT.md "Panel marks")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import InputError, Problem
from ..messages import register
from ..model import ABSENT
from ..rules.marks import MarkError, parse_mark
from ..rules.panel import PanelScheme
from .marks import empty_roster
from .marks import CODED_COLUMNS  # noqa: F401  (registers code_unknown, which this reader reports too)
from .tables import read_table, zeros_restored

PANEL_COLUMNS = {"no": ("编号", "no"), "module": ("模块", "module"), "judge": ("裁判", "judge"),
                 "score": ("分数", "score")}

register(
    {
        "panel_module_required": (
            "评分方案有多个模块，必须填写「模块」",
            "the scheme has several modules: the module column must be filled",
        ),
        "panel_duplicate": (
            "编号 {no} 模块「{module}」裁判 {judge} 的分数出现了两次（另见第 {other} 行）",
            "the mark of {no}, module '{module}', judge {judge} appears twice (see also row {other})",
        ),
    }
)


@dataclass(frozen=True)
class PanelRow:
    """One judge's mark from a panel-marks file, validated: the contestant's 编号, module, judge and score (or 缺考)."""

    line: int
    no: str
    module: str
    judge: int
    score: Decimal | object  # Decimal, or ABSENT for the contestant's whole practical part


def read_panel(path: Path, *, scheme: PanelScheme, known: set[str], sheet: str | None = None,
               codes: dict[str, str] | None = None) -> list[PanelRow]:
    """``codes`` (code → 编号 holding the marks): marks sealed under codes, so the file
    names each contestant by 评分号 in place of 编号 (RULES.md §12.3)."""
    columns = PANEL_COLUMNS if codes is None else {**PANEL_COLUMNS, "no": ("评分号", "code")}
    required = {"no", "judge", "score"} | ({"module"} if len(scheme.modules) > 1 else set())
    table = read_table(path, columns=columns, required=required, sheet=sheet)
    name = table.file
    col = {k: table.columns_found.get(k, v[0]) for k, v in columns.items()}
    modules = "、".join(m.name for m in scheme.modules)
    if not known:
        raise empty_roster(name, table.rows)
    problems: list[Problem] = []
    rows: list[PanelRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    restore = zeros_restored(known if codes is None else codes)
    for r in table.rows:
        def problem(code, key, value=None, **params):
            problems.append(Problem(code, file=name, row=r.line, column=col[key], value=value, params=params))

        no = label = r.get("no").strip()  # ``label``: as the file wrote it (the code while sealed)
        if not no:
            problem("no_missing" if codes is None else "code_unknown", "no")
            continue
        no = restore(no)
        if codes is not None:
            if no not in codes:
                problem("code_unknown", "no", no)
                continue
            no = codes[no]
        elif no not in known:
            problem("no_unknown", "no", no)
            continue
        module_name = r.get("module").strip() or (scheme.modules[0].name if len(scheme.modules) == 1 else "")
        module = scheme.module(module_name)
        if not module_name:
            problem("panel_module_required", "module")
            continue
        if module is None:
            problem("panel_module_unknown", "module", module_name, modules=modules)
            continue
        judge_text = r.get("judge").strip()
        if not judge_text.isdigit() or not 1 <= int(judge_text) <= scheme.judges:
            problem("panel_judge_invalid", "judge", judge_text, judges=scheme.judges)
            continue
        judge = int(judge_text)
        text = r.get("score").strip()
        try:
            score = parse_mark(text, maximum=module.maximum)
        except MarkError as e:
            problem(e.code, "score", text, **e.params)
            continue
        if score is None:
            continue
        key = (no, module.name, judge)
        if key in seen:
            problem("panel_duplicate", "judge", judge_text, no=label, module=module.name, judge=judge, other=seen[key])
            continue
        seen[key] = r.line
        rows.append(PanelRow(r.line, no, module.name, judge, ABSENT if score is ABSENT else score))
    if problems:
        raise InputError(problems)
    return rows
