"""``skillscore codes {seal,key,reveal}``, ``skillscore appeal {window,add,decide,list}``,
``skillscore marks set`` and the sheets key, appeals, publication (RULES.md §12.3–§12.5)."""

from __future__ import annotations

import json
import sys

from ..messages import register, render
from .common import _open, _pin, _say

register({
    "codes_sealed_ok": ("已加密：{count} 个评分号。请立即打印加密对照表装入密封袋（skillscore report FILE key --pin）",
                        "Sealed: {count} codes. Print the key sheet for the sealed envelope now (skillscore report FILE "
                        "key --pin)"),
    "codes_revealed_ok": ("已解密：技能操作成绩自此锁定，修改须裁判长口令并写明理由",
                          "Revealed: practical marks are locked from now on; a change needs the PIN and a reason"),
    "appeal_window_ok": ("{part}申诉时限：{ends} 后 {hours} 小时内", "Appeals on {part}: within {hours} h after {ends}"),
    "appeal_added": ("已登记第 {id} 号申诉{late}", "Recorded appeal no. {id}{late}"),
    "appeal_late_note": ("（逾期）", " (late)"),
    "appeal_decided_ok": ("第 {id} 号申诉：{decision}，更正 {count} 项成绩", "Appeal no. {id}: {decision}, {count} mark(s) corrected"),
    "mark_set": ("已保存：更改 {count} 项", "Saved: {count} change(s)"),
})
PART_WORDS = {"theory": ("理论知识", "theory"), "practical": ("技能操作", "practical")}
DECISION_WORDS = {"upheld": ("申诉成立", "upheld"), "rejected": ("申诉驳回", "rejected"), None: ("待裁决", "pending")}


def _word(words: dict, key, lang: str) -> str:
    return words[key][lang == "en"]


def cmd_seal(args, lang):
    with _open(args) as comp:
        count = comp.seal_codes(pin=_pin(args, lang))
    _say(lang, "codes_sealed_ok", count=count)


def cmd_key(args, lang):
    with _open(args) as comp:
        rows = comp.codes_key(pin=_pin(args, lang))
    if args.json:
        doc = {"rows": [{"no": e.key, "code": e.code} for e in rows]}
        sys.stdout.buffer.write((json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"))
        sys.stdout.flush()
        return
    for e in rows:
        print("\t".join(x for x in (e.code, e.key, e.name) if x))  # a team has no name column


def cmd_reveal(args, lang):
    with _open(args) as comp:
        comp.reveal_codes(pin=_pin(args, lang))
    _say(lang, "codes_revealed_ok")


def cmd_window(args, lang):
    with _open(args) as comp:
        comp.set_appeal_window(args.part, args.ends, hours=args.hours)
        ends, hours = comp.appeal_windows()[args.part]
    _say(lang, "appeal_window_ok", part=_word(PART_WORDS, args.part, lang), ends=f"{ends:%Y-%m-%d %H:%M}", hours=hours)


def cmd_add(args, lang):
    with _open(args) as comp:
        # Worked out before the appeal is recorded: a failure after the write left the row
        # stored behind an error. One reading of the clock serves both.
        received = args.received if args.received is not None else comp.clock()
        late = comp.appeal_late(args.part, received)
        appeal_id = comp.add_appeal(args.no, by=args.by, subject=args.subject, part=args.part, received=received)
    _say(lang, "appeal_added", id=appeal_id, late=render("appeal_late_note", lang) if late else "")


def cmd_decide(args, lang):
    from ..actions.appeals import parse_correction

    changes = [parse_correction(text) for text in args.set or ()]
    with _open(args) as comp:
        written = comp.decide_appeal(args.id, upheld=args.upheld, reason=args.reason, pin=_pin(args, lang),
                                     changes=changes)
    _say(lang, "appeal_decided_ok", id=args.id, decision=_word(DECISION_WORDS, "upheld" if args.upheld else "rejected",
                                                                lang), count=len(written))


def appeal_rows(comp) -> list[dict]:
    return [{"id": a.id, "no": a.no, "by": a.by, "subject": a.subject, "received": a.received, "late": a.late,
             "decision": a.decision, "reason": a.reason,
             "changes": [{"no": no, "field": field, "old": old, "new": new} for no, field, old, new in a.changes]}
            for a in comp.appeals()]


def cmd_list(args, lang):
    with _open(args) as comp:
        rows = appeal_rows(comp)
        sealed = comp.codes_sealed
    if args.json:
        sys.stdout.buffer.write((json.dumps({"rows": rows}, ensure_ascii=False) + "\n").encode("utf-8"))
        sys.stdout.flush()
        return
    hidden = "已加密" if lang != "en" else "sealed"
    for r in rows:
        late = render("appeal_late_note", lang).strip() if r["late"] else ""
        changes = "；".join(f"{c['no']} {_word(PART_WORDS, c['field'], lang)} "
                           + (hidden if sealed and c["field"] == "practical" else f"{c['old'] or '—'} → {c['new'] or '—'}")
                           for c in r["changes"])
        subject = " ".join(r["subject"].splitlines())  # one appeal, one line (the desk takes several)
        print("\t".join([str(r["id"]), r["no"], r["by"], r["received"] + late, subject,
                         _word(DECISION_WORDS, r["decision"], lang), r["reason"] or "", changes]))


def cmd_mark_set(args, lang):
    with _open(args) as comp:
        changes = comp.set_mark(args.key, args.field, args.value, pin=args.pin, reason=args.reason)
    _say(lang, "mark_set", count=len(changes))


def day_report(comp, args, lang) -> int:
    """The sheets key, appeals and publication for ``skillscore report`` (cli/reports.py)."""
    from ..reports import write_report
    from ..reports.daydata import PublicationData

    if args.kind == "key":
        return comp.write_key_sheet(args.output, pin=_pin(args, lang), lang=lang)
    if args.kind == "appeals":
        data = comp.appeals_sheet_data()
    else:
        info = comp.info()
        from ..actions.competition import parse_date  # a slip in --start is a usage error, as for create --date

        start = parse_date(args.start) if args.start else comp.clock().date()
        where = args.appeal_to or (f"{info.committee}仲裁组（书面提出，注明编号、姓名和事由）" if lang != "en" else
                                   f"the arbitration group of {info.committee} (in writing, with number, name and reason)")
        data = PublicationData(results=comp, start=start, appeal_to=where, days=args.days)
    return write_report(data, args.kind, args.output, lang=lang)


def add_commands(sub, command, groups) -> None:
    codes = groups["codes"] = sub.add_parser("codes", help="加密评分 / anonymous codes").add_subparsers(
        dest="codes_command", required=True)
    for name, func, helptext in (("seal", cmd_seal, "加密 / seal"), ("key", cmd_key, "加密对照表 / the key"),
                                 ("reveal", cmd_reveal, "解密 / reveal")):
        p = command(name, func, codes, help=helptext)
        p.add_argument("file")
        p.add_argument("--pin")
        if name == "key":
            p.add_argument("--json", action="store_true")

    appeal = groups["appeal"] = sub.add_parser("appeal", help="申诉 / appeals").add_subparsers(
        dest="appeal_command", required=True)
    p = command("window", cmd_window, appeal, help="申诉时限 / the window of a part")
    p.add_argument("file")
    p.add_argument("--part", required=True, choices=["theory", "practical"])
    p.add_argument("--ends", required=True, help="YYYY-MM-DD HH:MM")
    p.add_argument("--hours", default="2")
    p = command("add", cmd_add, appeal, help="登记申诉 / record an appeal")
    p.add_argument("file")
    p.add_argument("--no", required=True)
    p.add_argument("--by", required=True)
    p.add_argument("--subject", required=True)
    p.add_argument("--part", default="practical", choices=["theory", "practical"])
    p.add_argument("--received", help="YYYY-MM-DD HH:MM (default: now)")
    p = command("decide", cmd_decide, appeal, help="仲裁决定 / decide")
    p.add_argument("file")
    p.add_argument("id", type=int)
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--upheld", action="store_true")
    verdict.add_argument("--rejected", action="store_true")
    p.add_argument("--reason", required=True)
    p.add_argument("--pin")
    p.add_argument("--set", action="append", metavar="NO:FIELD=VALUE")
    p = command("list", cmd_list, appeal, help="申诉处理登记 / the register")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")

    p = command("set", cmd_mark_set, "marks", help="录入一项成绩（加密时技能操作按评分号）/ one mark (by code while sealed)")
    p.add_argument("file")
    p.add_argument("key", help="编号, or the 评分号 for a practical mark while sealed")
    p.add_argument("field", choices=["theory", "practical", "status"])
    p.add_argument("value")
    p.add_argument("--pin", help="解密后更改技能操作成绩 / a practical change after the reveal")
    p.add_argument("--reason")
