"""Reading a roster file into validated contestants (CONTRACT.md "Roster files", RULES.md §9).

Every problem is collected with its row and column; nothing is written here. Eligibility
violations are problems unless the chief judge admitted that number beforehand.

Warnings do not refuse the file: a printed text (name, employer, team) with a character
that no bundled font can draw is imported as written, and the caller is told where, so
the committee checks it against the ID card before the sheet shows 〓 in its place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..messages import register
from ..model import Contestant
from ..reports.fonts import missing_glyphs
from ..rules import eligibility
from .columns import ROSTER_COLUMNS, ROSTER_REQUIRED, header
from .tables import read_table

ELIGIBILITY_CODES = {"born_too_late", "past_retirement", "category_required"}
SEX_WORDS = {"男": "男", "女": "女", "m": "男", "male": "男", "f": "女", "female": "女"}
YES = {"是", "1", "yes", "y", "true", "有"}
NO = {"否", "0", "no", "n", "false", "无", ""}
# How Excel shows an ID number stored as a number (1.10102E+17), and writes it into a .csv
# saved from such a sheet: the same loss as a number cell in an .xlsx, and the same advice.
SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
PRINTED = ("name", "unit", "team")  # the roster's texts that appear on sheets and screens

register(
    {
        "value_required": ("「{column}」不能为空", "'{column}' must not be empty"),
        "sex_unknown": ("性别「{value}」无法识别：应为 男 或 女", "sex '{value}' is not known: write 男 or 女"),
        "sex_mismatch": (
            "性别「{value}」与身份证号不符（身份证号显示为 {expected}）",
            "sex '{value}' does not agree with the ID number (which says {expected})",
        ),
        "birth_date_invalid": (
            "出生日期「{value}」格式不对：应为 YYYY-MM-DD",
            "birth date '{value}' is not a date: write YYYY-MM-DD",
        ),
        "birth_date_mismatch": (
            "出生日期 {value} 与身份证号不符（身份证号显示为 {expected}）",
            "birth date {value} does not agree with the ID number (which says {expected})",
        ),
        "category_unknown": (
            "人员类别「{value}」无法识别：应为 女干部 或 女工人",
            "category '{value}' is not known: write 女干部 (cadre) or 女工人 (worker)",
        ),
        "union_card_unknown": (
            "互助服务卡「{value}」无法识别：应为 是 或 否",
            "union card '{value}' is not known: write 是 (yes) or 否 (no)",
        ),
        "id_duplicate": (
            "身份证号 {value} 重复（另见第 {other} 行）",
            "ID number {value} appears twice (see also row {other})",
        ),
        "id_changed": (
            "编号 {no} 已在竞赛文件中，但身份证号不同（文件中为 {expected}）：同一编号不能换人",
            "number {no} is already in the competition file with another ID number ({expected}): a number cannot change hands",
        ),
        "id_taken": (
            "身份证号 {value} 已属于编号 {other} 的选手",
            "ID number {value} already belongs to contestant {other}",
        ),
        "team_required": ("团体项目必须填写「团队」", "a team event needs the team (团队) column filled"),
        "glyph_missing": (
            "「{value}」中的 {chars} 没有任何内置字体能显示，表上将印作 〓：请核对身份证上的写法"
            "（生僻字应使用 Unicode 标准编码，不能用私用区或自造字编码）",
            "no bundled font can draw {chars} in '{value}'; the sheets will show 〓 in its place: check "
            "the ID card (a rare character needs its standard Unicode code point, not a private-use one)",
        ),
        "team_size_wrong": (
            "团队「{team}」有 {count} 名成员，本项目每队应为 {size} 人",
            "team '{team}' has {count} member(s); this event needs exactly {size} per team",
        ),
    }
)


@dataclass
class RosterRow:
    """One validated row of a roster file: the contestant, and the eligibility rules (RULES.md §9) they break."""

    line: int
    contestant: Contestant
    violations: list[str]  # eligibility rules broken (admitted numbers keep them for the record)


def _normal_date(text: str) -> str | None:
    text = text.strip()
    if len(text) == 10 and text[4] == text[7] == "-":  # already YYYY-MM-DD: only checked
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    text = text.replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-"))).isoformat()
    except ValueError:
        return None


def _category(text: str) -> str | None:
    text = text.strip()
    return {"女干部": "女干部", "cadre": "女干部", "女工人": "女工人", "worker": "女工人", "": ""}.get(text.lower() if text.isascii() else text)


def read_roster(
    path: Path,
    *,
    stage_date: dt.date,
    team_size: int,
    existing: dict[str, Contestant],
    admitted: set[str],
    sheet: str | None = None,
    warnings: list[Problem] | None = None,
) -> list[RosterRow]:
    """The validated rows; a problem refuses the whole file (InputError). ``warnings``, if
    given, receives what is imported but should be checked (``glyph_missing``)."""
    required = ROSTER_REQUIRED | ({"team"} if team_size > 1 else set())
    table = read_table(path, columns=ROSTER_COLUMNS, required=required, sheet=sheet)
    name = table.file
    col = {k: table.columns_found.get(k, header(ROSTER_COLUMNS, k)) for k in ROSTER_COLUMNS}
    numeric = table.numeric_cells
    problems: list[Problem] = []
    rows: list[RosterRow] = []
    seen_no: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    holder = {c.id_number: c.no for c in existing.values()}
    next_seq = max((c.seq for c in existing.values()), default=0) + 1

    for r in table.rows:
        v = {k: r.values.get(k, "").strip() for k in ROSTER_COLUMNS}

        def problem(code, key, value=None, **params):
            problems.append(Problem(code, file=name, row=r.line, column=col[key], value=value, params=params))

        for key in sorted(required, key=list(ROSTER_COLUMNS).index):
            if not v[key]:
                problem("team_required" if key == "team" else "value_required", key, column=col[key])
        if not v["no"]:
            continue
        if v["no"] in seen_no:
            problem("no_duplicate", "no", v["no"], other=seen_no[v["no"]])
            continue
        seen_no[v["no"]] = r.line
        if not v["id_number"]:
            continue
        if (r.line, "id_number") in numeric or SCIENTIFIC.match(v["id_number"]):
            problem("id_stored_as_number", "id_number", v["id_number"])
            continue
        try:
            info = eligibility.parse_id_number(v["id_number"])
        except ValueError as exc:
            problem(getattr(exc, "code", exc.args[0]), "id_number", v["id_number"], **getattr(exc, "params", {}))
            continue
        id_number = info.id_number
        if id_number in seen_id:
            problem("id_duplicate", "id_number", id_number, other=seen_id[id_number])
            continue
        seen_id[id_number] = r.line
        old = existing.get(v["no"])
        if old is not None and old.id_number != id_number:
            problem("id_changed", "id_number", id_number, no=v["no"], expected=old.id_number)
            continue
        if holder.get(id_number, v["no"]) != v["no"]:
            problem("id_taken", "id_number", id_number, other=holder[id_number])
            continue

        sex = info.sex
        if v["sex"]:
            given = SEX_WORDS.get(v["sex"].lower())
            if given is None:
                problem("sex_unknown", "sex", v["sex"])
            elif given != info.sex:
                problem("sex_mismatch", "sex", v["sex"], expected=info.sex)
        birth = info.birth_date.isoformat()
        if v["birth_date"]:
            given_date = _normal_date(v["birth_date"])
            if given_date is None:
                problem("birth_date_invalid", "birth_date", v["birth_date"])
            elif given_date != birth:
                problem("birth_date_mismatch", "birth_date", v["birth_date"], expected=birth)
        category = _category(v["category"])
        if category is None:
            problem("category_unknown", "category", v["category"])
            category = ""
        card = v["union_card"].lower()
        if card not in YES | NO:
            problem("union_card_unknown", "union_card", v["union_card"])

        violations = eligibility.check_eligibility(info, category or None, stage_date)
        if v["no"] not in admitted:
            for code in violations:
                problem(code, "category" if code == "category_required" else "id_number", v["id_number"])

        if warnings is not None:
            for key in PRINTED:
                chars = missing_glyphs(v[key])
                if chars:
                    warnings.append(Problem("glyph_missing", file=name, row=r.line, column=col[key], value=v[key],
                                            params={"chars": " ".join(f"U+{ord(c):04X}" for c in chars)}))

        seq = old.seq if old else next_seq
        if not old:
            next_seq += 1
        rows.append(
            RosterRow(
                r.line,
                Contestant(
                    no=v["no"], name=v["name"], id_number=id_number, unit=v["unit"], sex=sex,
                    birth_date=birth, category=category, union_card=card in YES, team=v["team"],
                    phone=v["phone"], seq=seq,
                ),
                violations,
            )
        )

    if team_size > 1 and not problems:
        problems.extend(_team_size_problems(rows, existing, team_size, name, col["team"]))
    if problems:
        raise InputError(problems)
    return rows


def _team_size_problems(rows, existing, team_size, name, column) -> list[Problem]:
    merged = dict(existing)
    last_line: dict[str, int] = {}
    for row in rows:
        merged[row.contestant.no] = row.contestant
        last_line[row.contestant.team] = row.line
    counts: dict[str, int] = {}
    for c in merged.values():
        counts[c.team] = counts.get(c.team, 0) + 1
    return [
        Problem("team_size_wrong", file=name, row=last_line.get(team), column=column,
                params={"team": team, "count": count, "size": team_size})
        for team, count in sorted(counts.items())
        if count != team_size
    ]
