"""裁判评分表 (internal): how each practical mark was reached, for files scored by a judging
panel (RULES.md §11). One line per ranked unit in the results' order; per module, each
judge's mark, the marks the trimmed mean dropped in brackets [78.00], the module result;
then the practical mark. The closing block states the scheme and each judge's statistics
(deviation from the panel, share of marks dropped; a judge far from the others is
flagged). Marked internal on every page: the public sheets show only the aggregate.

Drawn from the results document like every sheet (its ``practical_scheme`` and each
contestant's ``panel`` marks); module results, dropped marks and the statistics come from
the same pure rules (``rules.panel``) that derived the practical mark, so the sheet shows
exactly how the core reached it. A team's marks are its first member's (each member
carries the team's).
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import RefusedError
from ..messages import register
from ..rules.marks import format_mark
from ..rules.panel import Module, PanelScheme, aggregate_module, judge_statistics
from .common import mark_text
from .source import SheetSource
from .table import Column, Row, SheetSpec
from .words import word

register({"report_no_panel": (
    "这些成绩不是由评分裁判组打分（或定稿早于记录各裁判分数的版本），没有裁判评分表",
    "These results were not scored by a judging panel (or were finalised before judges' marks were kept), "
    "so there is no judges' sheet")})

WORDS = {
    "sheet_judges": ("裁判评分表", "Judges' marks"),
    "module": ("模块", "Module"),
    "judge": ("裁判{n}", "J{n}"),
    "module_result": ("模块成绩", "Module result"),
    "internal_judges": ("内部材料 · 裁判长及组委会存档 · 不得张贴公布",
                        "INTERNAL · for the chief judge and the committee's records · not for posting"),
    "scheme": ("评分方案：{judges} 名裁判，{aggregation}；模块 {modules}；各模块成绩四舍五入到两位小数后相加",
               "Scheme: {judges} judges, {aggregation}; modules {modules}; each module result rounded to 2 decimals, "
               "then added"),
    "mean": ("取平均", "mean"),
    "trimmed": ("去掉一个最高分和一个最低分后取平均", "trimmed mean (one highest and one lowest dropped)"),
    "dropped": ("[ ] 内为去掉的分数；空白为尚未评分", "[ ] marks dropped; blank: not marked yet"),
    "stats": ("裁判{judge}：评分 {marks} 次 · 平均偏差 {mean} · 平均绝对偏差 {mean_abs} · 被去掉 {dropped}{flag}",
              "Judge {judge}: {marks} marks · mean deviation {mean} · mean absolute deviation {mean_abs} · "
              "dropped {dropped}{flag}"),
    "flag": ("　⚠ 偏离其他裁判较多", "   ⚠ far from the other judges"),
}


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return word(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def scheme_of(doc: dict) -> PanelScheme:
    raw = doc.get("practical_scheme")
    if not raw:
        raise RefusedError("report_no_panel")
    return PanelScheme(int(raw["judges"]), raw["aggregation"],
                       tuple(Module(m["name"], Decimal(m["max"])) for m in raw["modules"]))


def unit_sheets(source: SheetSource) -> dict[str, dict[str, dict[int, Decimal]]]:
    """Unit (contestant or team) → module → judge → mark, from the document."""
    sheets = {}
    for row in source.rows:
        person = source.members(row)[0]
        sheets[row["no"]] = {module: {int(j): Decimal(s) for j, s in judges.items()}
                             for module, judges in (person.get("panel") or {}).items()}
    return sheets


def columns(scheme: PanelScheme, lang: str) -> list[Column]:
    # A4's table is 527 pt; the fixed columns leave the name at least 50 pt with 9 judges.
    judge_w = min(44.0, (527 - 176 - 50) // scheme.judges)
    return [
        Column("no", word("no", lang), 40),
        Column("name", word("name", lang)),
        Column("module", _w("module", lang), 52, size=7.5),
        *[Column(f"j{j}", _w("judge", lang, n=j), judge_w, "right", size=7.5, wrap=False)
          for j in range(1, scheme.judges + 1)],
        Column("result", _w("module_result", lang), 42, "right", wrap=lang == "en"),
        Column("practical", word("practical", lang), 42, "right", wrap=lang == "en"),
    ]


def _row(scheme: PanelScheme, row: dict, sheet: dict, lang: str) -> Row:
    """One unit: the module cells are tuples, one line per module, kept side by side."""
    per_judge: list[list[str]] = [[] for _ in range(scheme.judges)]
    results = []
    for module in scheme.modules:
        scores = sheet.get(module.name, {})
        result, dropped = aggregate_module(scores, scheme.judges, scheme.aggregation)
        for j in range(1, scheme.judges + 1):
            text = format_mark(scores[j]) if j in scores else ""
            per_judge[j - 1].append(f"[{text}]" if j in dropped else text)
        results.append(format_mark(result) if result is not None else "")
    missing = word("incomplete", lang) if row["status"] == "incomplete" else ""
    return Row((row["no"], row["name"], tuple(m.name for m in scheme.modules), *map(tuple, per_judge),
                tuple(results), mark_text(row["practical"], lang, missing=missing)))


def summary(scheme: PanelScheme, sheets: dict, lang: str) -> list[str]:
    modules = "、".join(f"{m.name}（{m.maximum}）" for m in scheme.modules) if lang != "en" else \
        ", ".join(f"{m.name} ({m.maximum})" for m in scheme.modules)
    lines = [_w("scheme", lang, judges=scheme.judges, aggregation=_w(scheme.aggregation, lang), modules=modules),
             _w("dropped", lang)]
    for s in judge_statistics(scheme, sheets):
        lines.append(_w("stats", lang, judge=s.judge, marks=s.marks, mean=f"{s.mean_deviation:+}",
                        mean_abs=s.mean_abs_deviation, dropped=f"{s.dropped_share:.1%}",
                        flag=_w("flag", lang) if s.flagged else ""))
    return lines


def build(source: SheetSource, lang: str = "zh") -> SheetSpec:
    scheme = scheme_of(source.doc)
    sheets = unit_sheets(source)
    body = [_row(scheme, row, sheets[row["no"]], lang) for row in source.rows]
    return SheetSpec(kind="judges", title=_w("sheet_judges", lang), columns=columns(scheme, lang), body=body,
                     summary=summary(scheme, sheets, lang), internal=True, internal_text=_w("internal_judges", lang))
