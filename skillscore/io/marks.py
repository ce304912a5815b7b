"""Reading a marks file into validated values (CONTRACT.md "Marks files").

Nothing here writes: the facade applies the result in one transaction, or nothing.
A blank cell means "not in this file" and never erases a mark already entered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..messages import register
from ..model import Mark, Status
from ..rules.marks import MarkError, parse_mark, parse_status
from .columns import MARKS_COLUMNS, MARKS_REQUIRED, header
from .tables import read_table, zeros_restored

STATUS_LABELS = {
    Status.ABSENT: ("缺考", "Absent"),
    Status.WITHDRAWN: ("弃权", "Withdrawn"),
    Status.DISQUALIFIED: ("取消资格", "Disqualified"),
    Status.INCOMPLETE: ("待录入", "Not entered"),
    Status.RANKED: ("", ""),
}

register(
    {
        "marks_no_columns": (
            "成绩文件没有“理论知识”“技能操作”或“状态”列，无可导入的内容",
            "The marks file has no 理论知识 (theory), 技能操作 (practical) or 状态 (status) column",
        ),
        "no_unknown": (
            "编号 {value} 不在名单中：请先导入名单或核对编号",
            "number {value} is not on the roster: import the roster first or check the number",
        ),
        "roster_empty_for_marks": (
            "名单为空：成绩文件中的 {count} 个编号都不在名单中。请先导入名单，再导入成绩。",
            "The roster is empty: none of the {count} numbers in the marks file is on it. Import the roster first.",
        ),
        "code_unknown": ("评分号 {value} 不存在：请核对评分表", "there is no code {value}: check the score sheet"),
        "code_duplicate": ("评分号 {value} 在文件中出现了两次（另见第 {other} 行）",
                           "code {value} appears twice in the file (see also row {other})"),
        "code_file_columns": (
            "按评分号导入的文件只能有“评分号”和“技能操作”两列，不能有“{value}”列",
            "a file by code has only the 评分号 (code) and 技能操作 (practical) columns, not '{value}'"),
        "code_file_practical": ("按评分号导入的文件须有“技能操作”列", "a file by code needs the 技能操作 (practical) column"),
        "team_practical_differs": (
            "团队「{team}」的技能操作成绩在各成员行上不一致（{values}）：团队只有一个技能操作成绩",
            "team '{team}' has different practical marks on its members' rows ({values}): a team has one practical mark",
        ),
    }
)


@dataclass
class MarkRow:
    """One validated row of a marks file: the marks and status it gives one 编号, and its row number."""

    no: str
    line: int
    theory: Mark = None
    practical: Mark = None
    status: Status | None = None
    given: set[str] = field(default_factory=set)  # which of theory/practical/status the file sets


def read_marks(
    path: Path, *, known: set[str], team_of: dict[str, str] | None = None, sheet: str | None = None
) -> list[MarkRow]:
    """Every row of the marks file, validated; raises InputError listing every problem."""
    table = read_table(path, columns=MARKS_COLUMNS, required=MARKS_REQUIRED, sheet=sheet)
    name = table.file
    present = [k for k in ("theory", "practical", "status") if k in table.columns_found]
    if not present:
        raise InputError([Problem("marks_no_columns", file=name)])
    col = {k: table.columns_found.get(k, header(MARKS_COLUMNS, k)) for k in MARKS_COLUMNS}
    if not known:
        raise empty_roster(name, table.rows)
    problems: list[Problem] = []
    rows: list[MarkRow] = []
    seen: dict[str, int] = {}
    restore = zeros_restored(known)
    for r in table.rows:
        no = restore(r.values.get("no", "").strip())
        if not no:
            problems.append(Problem("no_missing", file=name, row=r.line, column=col["no"]))
            continue
        if no in seen:
            problems.append(Problem("no_duplicate", file=name, row=r.line, column=col["no"], value=no, params={"other": seen[no]}))
            continue
        seen[no] = r.line
        if no not in known:
            problems.append(Problem("no_unknown", file=name, row=r.line, column=col["no"], value=no))
            continue
        row = MarkRow(no, r.line)
        for part in ("theory", "practical"):
            text = r.values.get(part, "").strip()
            if part not in present or not text:
                continue
            try:
                setattr(row, part, parse_mark(text))
                row.given.add(part)
            except MarkError as e:
                problems.append(Problem(e.code, file=name, row=r.line, column=col[part], value=text, params=e.params))
        text = r.values.get("status", "").strip()
        if "status" in present and text:
            try:
                row.status = parse_status(text)
                row.given.add("status")
            except MarkError as e:
                problems.append(Problem(e.code, file=name, row=r.line, column=col["status"], value=text))
        rows.append(row)
    if team_of:
        problems.extend(_team_practical_problems(rows, team_of, name, col["practical"]))
    if problems:
        raise InputError(problems)
    return rows


def empty_roster(name: str, rows) -> InputError:
    """On an empty roster every number is unknown: one line with the count, not one per row."""
    count = len({r.values.get("no", "").strip() for r in rows} - {""})
    return InputError([Problem("roster_empty_for_marks", file=name, params={"count": count})])


CODED_COLUMNS = {**MARKS_COLUMNS, "code": ("评分号", "code")}


def read_coded_marks(path: Path, *, codes: dict[str, str], sheet: str | None = None) -> list[MarkRow] | None:
    """Practical marks by 评分号 (RULES.md §12.3): ``codes`` maps each code to the 编号
    that holds its unit's mark. None when the file has no 评分号 column (a file by 编号).
    Problems name the code, never a 编号."""
    try:
        table = read_table(path, columns=CODED_COLUMNS, required={"code"}, sheet=sheet)
    except InputError as e:
        if any(p.code == "missing_column" and p.column == "评分号" for p in e.problems):
            return None
        raise
    name = table.file
    others = [table.columns_found[k] for k in ("no", "theory", "status") if k in table.columns_found]
    if others:
        raise InputError([Problem("code_file_columns", file=name, row=table.header_row, column=others[0],
                                  value=others[0])])
    if "practical" not in table.columns_found:
        raise InputError([Problem("code_file_practical", file=name, row=table.header_row)])
    col = table.columns_found
    problems: list[Problem] = []
    rows: list[MarkRow] = []
    seen: dict[str, int] = {}
    restore = zeros_restored(codes)
    for r in table.rows:
        code = r.values.get("code", "").strip()
        where = {"file": name, "row": r.line, "column": col["code"], "value": code}
        if not code:
            problems.append(Problem("code_unknown", **where))
            continue
        code = restore(code)
        if code in seen:
            problems.append(Problem("code_duplicate", **where, params={"other": seen[code]}))
            continue
        seen[code] = r.line
        if code not in codes:
            problems.append(Problem("code_unknown", **where))
            continue
        text = r.values.get("practical", "").strip()
        if not text:
            continue
        try:
            rows.append(MarkRow(codes[code], r.line, practical=parse_mark(text), given={"practical"}))
        except MarkError as e:
            problems.append(Problem(e.code, file=name, row=r.line, column=col["practical"], value=text, params=e.params))
    if problems:
        raise InputError(problems)
    return rows


def _team_practical_problems(rows: list[MarkRow], team_of: dict[str, str], name: str, column: str) -> list[Problem]:
    by_team: dict[str, list[MarkRow]] = {}
    for row in rows:
        if "practical" in row.given:
            by_team.setdefault(team_of[row.no], []).append(row)
    problems = []
    for team, team_rows in by_team.items():
        values = {r.practical for r in team_rows}
        if len(values) > 1:
            shown = "、".join(sorted(str(v) if v is not None else "" for v in {str(v) for v in values}))
            problems.append(
                Problem("team_practical_differs", file=name, row=team_rows[-1].line, column=column,
                        params={"team": team, "values": shown})
            )
    return problems
