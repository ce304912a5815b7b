"""The competition day's commands (RULES.md §12.1, §12.2; CONTRACT.md):

    checkin FILE NO [NO ...] --part P [--pin PIN --reason TEXT]   checkin close FILE --part P --pin PIN
    checkin list FILE [--json]
    draw FILE --stations S [--seed TEXT] [--redo --reason TEXT --pin PIN]
    draw import FILE DRAW.(csv|xlsx) [--stations S] [--redo --reason TEXT --pin PIN]
    draw move FILE NO --session K --station J --reason TEXT --pin PIN    draw list FILE [--json]

A sub-command word (close, list, import, move) in the first place selects it; anything
else there is the FILE (a file really named "list" is written ./list). argparse cannot
choose between a sub-command and a positional, so each command takes its words and the
options of all its forms, and says which options a form does not take (exit 2).
"""

from __future__ import annotations

import json
import sys

from ..errors import UsageError
from ..messages import minute, register
from .common import _open, _pin, _say

register(
    {
        "checkin_usage": ("用法：skillscore checkin FILE NO [NO ...] --part P；checkin close FILE --part P --pin PIN；"
                          "checkin list FILE [--json]",
                          "usage: skillscore checkin FILE NO [NO ...] --part P; checkin close FILE --part P --pin PIN; "
                          "checkin list FILE [--json]"),
        "draw_usage": ("用法：skillscore draw FILE --stations S [--seed TEXT]；draw import FILE DRAW.csv；"
                       "draw move FILE NO --session K --station J --reason TEXT --pin PIN；draw list FILE [--json]",
                       "usage: skillscore draw FILE --stations S [--seed TEXT]; draw import FILE DRAW.csv; "
                       "draw move FILE NO --session K --station J --reason TEXT --pin PIN; draw list FILE [--json]"),
        "option_not_here": ("此用法不接受 {option}", "{option} does not belong to this form of the command"),
        "option_needed": ("此用法需要 {option}", "This form of the command needs {option}"),
        "checked_in": ("已检录 {no} {name}（{part}，{at}）", "Checked in {no} {name} ({part}, {at})"),
        "checked_in_late": ("迟到检录 {no} {name}（{part}，{at}，理由：{reason}）",
                            "Late check-in {no} {name} ({part}, {at}; reason: {reason})"),
        "checkin_cleared": ("　已撤销截止检录时记的缺考", "  the 缺考 written at the close is cleared"),
        "checkin_kept": ("　截止后该部分已录入成绩，成绩保持不变", "  a mark was entered since the close: it stays"),
        "already_in": ("{no} {name} 已于 {at} 检录（{part}）", "{no} {name} checked in already at {at} ({part})"),
        "checkin_closed_ok": ("{part}检录已截止：{count} 人记为缺考{nos}", "Check-in for {part} closed: {count} absent{nos}"),
        "checkin_list_head": ("编号\t理论知识\t技能操作", "No.\tTheory\tPractical"),
        "drawn": ("抽签完成：种子 {seed}，工位数 {stations}，{units} 个单位，{sessions} 场",
                  "Drawn: seed {seed}, {stations} stations, {units} units, {sessions} sessions"),
        "drawn_hand": ("已录入手工抽签：工位数 {stations}，{units} 个单位，{sessions} 场",
                       "Hand draw recorded: {stations} stations, {units} units, {sessions} sessions"),
        "draw_list_seed": ("抽签种子：{seed}　工位数：{stations}", "Seed: {seed}   stations: {stations}"),
        "draw_list_hand": ("手工抽签　工位数：{stations}", "Drawn by hand   stations: {stations}"),
        "draw_list_head": ("场次\t工位号\t编号", "Session\tStation\tNo."),
        "moved": ("已将 {no} 调至第 {session} 场 {station} 号工位（原 {old}）",
                  "Moved {no} to session {session} station {station} (was {old})"),
    }
)
PARTS = {"theory": ("理论知识", "theory"), "practical": ("技能操作", "practical")}
OPTIONS = {"part": "--part", "pin": "--pin", "reason": "--reason", "json": "--json", "stations": "--stations",
           "seed": "--seed", "redo": "--redo", "session": "--session", "station": "--station", "sheet": "--sheet"}


def _only(args, allowed: set[str], needed: set[str] = frozenset()) -> None:
    """Refuse options that belong to another form of the command, and missing ones.
    Given means not None and not a switch left off: ``--stations 0`` is given (0 == False,
    so ``in (None, False)`` took it for missing); the action then says 0 is not a number
    it takes."""
    for key, flag in OPTIONS.items():
        value = getattr(args, key, None)
        given = value is not None and value is not False
        if key not in allowed and given:
            raise UsageError("option_not_here", option=flag)
        if key in needed and not given:
            raise UsageError("option_needed", option=flag)


def _json_out(doc: dict) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _part(part: str, lang: str) -> str:
    return PARTS[part][lang == "en"]


# -- checkin -------------------------------------------------------------------------------
def cmd_checkin(args, lang):
    words = args.words
    if words[0] == "close":
        if len(words) != 2:
            raise UsageError("checkin_usage")
        _only(args, {"part", "pin"}, {"part"})
        args.file = words[1]
        with _open(args) as comp:
            absent = comp.close_checkin(args.part, pin=_pin(args, lang))
        nos = ("：" + "、".join(absent) if lang != "en" else ": " + ", ".join(absent)) if absent else ""
        _say(lang, "checkin_closed_ok", part=_part(args.part, lang), count=len(absent), nos=nos)
        return
    if words[0] == "list":
        if len(words) != 2:
            raise UsageError("checkin_usage")
        _only(args, {"json"})
        args.file = words[1]
        with _open(args) as comp:
            doc = comp.checkin_table()
        if args.json:
            return _json_out(doc)
        _say(lang, "checkin_list_head")
        for row in doc["rows"]:
            print(f"{row['no']}\t{minute(row['theory'])}\t{minute(row['practical'])}")
        return
    if len(words) < 2:
        raise UsageError("checkin_usage")
    _only(args, {"part", "pin", "reason"}, {"part"})
    args.file = words[0]
    with _open(args) as comp:
        pin = _pin(args, lang) if args.reason is not None else args.pin
        cards = comp.check_in(words[1:], args.part, pin=pin, reason=args.reason)
    part = _part(args.part, lang)
    for card in cards:
        if card.state == "already":
            _say(lang, "already_in", no=card.no, name=card.name, at=minute(card.at), part=part)
        elif card.late_reason:
            _say(lang, "checked_in_late", no=card.no, name=card.name, part=part, at=minute(card.at),
                 reason=card.late_reason)
            _say(lang, "checkin_cleared" if card.cleared else "checkin_kept")
        else:
            _say(lang, "checked_in", no=card.no, name=card.name, part=part, at=minute(card.at))


# -- draw -----------------------------------------------------------------------------------
def _print_table(comp, lang) -> None:
    doc = comp.draw_table()
    if doc["seed"] is not None:
        _say(lang, "draw_list_seed", seed=doc["seed"], stations=doc["stations"])
    elif doc["rows"]:
        _say(lang, "draw_list_hand", stations=doc["stations"])
    _say(lang, "draw_list_head")
    for row in doc["rows"]:
        print(f"{row['session']}\t{row['station']}\t{row['no']}")


def _redo_pin(args, lang) -> str | None:
    return _pin(args, lang) if args.redo else args.pin


def cmd_draw(args, lang):
    words = args.words
    head = words[0]
    if head == "list":
        if len(words) != 2:
            raise UsageError("draw_usage")
        _only(args, {"json"})
        args.file = words[1]
        with _open(args) as comp:
            if args.json:
                return _json_out(comp.draw_table())
            return _print_table(comp, lang)
    if head == "move":
        if len(words) != 3:
            raise UsageError("draw_usage")
        _only(args, {"session", "station", "reason", "pin"}, {"session", "station", "reason"})
        args.file = words[1]
        with _open(args) as comp:
            old = comp.move_seat(words[2], args.session, args.station, reason=args.reason, pin=_pin(args, lang))
        _say(lang, "moved", no=words[2], session=args.session, station=args.station,
             old=f"{old[0]}-{old[1]}" if old else "—")
        return
    if head == "import":
        if len(words) != 3:
            raise UsageError("draw_usage")
        _only(args, {"stations", "redo", "reason", "pin", "sheet"})
        args.file = words[1]
        with _open(args) as comp:
            seats = comp.import_draw(words[2], stations=args.stations, redo=args.redo, reason=args.reason,
                                     pin=_redo_pin(args, lang), sheet=args.sheet)
            _say(lang, "drawn_hand", stations=comp.draw_settings()[1], units=len(seats),
                 sessions=max((s for _, s, _ in seats), default=0))
            _print_table(comp, lang)
        return
    if len(words) != 1:
        raise UsageError("draw_usage")
    _only(args, {"stations", "seed", "redo", "reason", "pin"}, {"stations"})
    args.file = head
    with _open(args) as comp:
        seats = comp.make_draw(args.stations, args.seed, redo=args.redo, reason=args.reason,
                               pin=_redo_pin(args, lang))
        _say(lang, "drawn", seed=comp.draw_settings()[0], stations=args.stations, units=len(seats),
             sessions=max((s for _, s, _ in seats), default=0))
        _print_table(comp, lang)


def add_commands(sub, command, groups) -> None:
    p = command("checkin", cmd_checkin, help="检录 / check-in: FILE NO... | close FILE | list FILE",
                description="skillscore checkin FILE NO [NO ...] --part P [--pin PIN --reason TEXT] | "
                            "checkin close FILE --part P --pin PIN | checkin list FILE [--json]")
    p.add_argument("words", nargs="+", metavar="ARG", help="[close|list] FILE [NO ...]")
    p.add_argument("--part", choices=list(PARTS))
    p.add_argument("--pin")
    p.add_argument("--reason", help="迟到检录的理由 / reason for a late check-in (with --pin)")
    p.add_argument("--json", action="store_true")

    p = command("draw", cmd_draw, help="抽签 / the draw: FILE --stations S | import FILE DRAW | move FILE NO | list FILE",
                description="skillscore draw FILE --stations S [--seed TEXT] [--redo --reason TEXT --pin PIN] | "
                            "draw import FILE DRAW.(csv|xlsx) | draw move FILE NO --session K --station J "
                            "--reason TEXT --pin PIN | draw list FILE [--json]")
    p.add_argument("words", nargs="+", metavar="ARG", help="[import|move|list] FILE [DRAW|NO]")
    p.add_argument("--stations", type=int, help="工位数 S / stations")
    p.add_argument("--seed", help="抽签种子 / seed (default: 16 random hex digits)")
    p.add_argument("--redo", action="store_true", help="重新抽签（需口令和理由）/ draw again (PIN and reason)")
    p.add_argument("--reason")
    p.add_argument("--pin")
    p.add_argument("--session", type=int)
    p.add_argument("--station", type=int)
    p.add_argument("--sheet", help="工作表名称 / sheet name (xlsx)")
    p.add_argument("--json", action="store_true")
