"""For the record, without a screen:

    skillscore stats FILE [--json]
    skillscore audit-export FILE OUT.xlsx [--by NAME] [--no NO] [--since TIME] [--until TIME]

``stats`` prints how the totals, theory and practical marks are spread, the cut-off and the
certificate-level lines, and the counts per employer. ``audit-export`` writes the audit log
(filtered by operator, contestant and time) to xlsx together with the hash-chain check; a
broken chain is said on stderr and in the file, and the export still happens, since the
export is how a supervisor gets to see the damage. (``--operator`` is taken: like every
command, it names who runs it; ``--by`` names whose entries to keep.)

Cheap to import: openpyxl loads only when the export runs.
"""

from __future__ import annotations

import json
import sys

from ..messages import render


def cmd_stats(args, lang):
    from ..rules import statistics as st
    from ..actions.competition import Competition

    with Competition(args.file, operator=args.operator) as comp:
        stats = st.of_competition(comp)
        info = comp.info()
    if args.json:
        sys.stdout.write(json.dumps(st.to_dict(stats), ensure_ascii=False) + "\n")
        return 0
    print(format_stats(stats, info, lang))
    return 0


def format_stats(stats, info, lang: str) -> str:
    from ..rules import statistics as st
    from ..catalog import level_name
    from ..reports.words import stage_name

    L = lambda key, **kw: st.label(key, lang, **kw)  # noqa: E731
    lines = [f"{info.event.name} · {stage_name(info.stage.value, lang)} · {info.committee}", L("title")]
    head = [L("ranked", n=stats.ranked)]
    if stats.quota is not None:
        head.append(L("quota", quota=stats.quota))
    if stats.cutoff:
        head.append(L("cutoff", total=f"{stats.cutoff.total:.2f}", rank=stats.cutoff.rank))
    lines.append(" · ".join(head))
    if stats.undecided_advance:
        lines.append(L("undecided", count=stats.undecided_advance))
    for t in stats.levels:
        lines.append(L("level_line", level=level_name(t.level, lang), total=f"{t.total:.2f}", rank=t.rank,
                       count=t.count))
    if not stats.ranked:
        lines.append(L("nobody"))
    for part in st.PARTS:
        d = stats.distributions[part]
        lines.append("")
        lines.append(L("histogram", part=L(part), n=d.summary.count))
        if d.summary.count:
            s = d.summary
            text = L("figures", mean=s.mean, median=s.median, stdev=s.stdev, minimum=s.minimum, maximum=s.maximum)
            lines.append(text + (L("absent_note", count=s.absent) if s.absent else ""))
        most = max((b.count for b in d.bins), default=0) or 1
        for b in d.bins:
            bar = "█" * round(30 * b.count / most) if b.count else ""
            lines.append(f"  {b.label:>7}  {b.count:>4}  {bar}")
    lines.append("")
    lines.append(L("units"))
    lines.append("\t".join([L("unit"), L("contestants"), L("ranked_col"), L("advancing"), L("certified")]))
    for u in stats.units:
        lines.append("\t".join([u.unit, str(u.contestants), str(u.ranked), str(u.advancing), str(u.certified)]))
    return "\n".join(lines)


def cmd_audit_export(args, lang):
    from ..reports.audit import AuditFilter, export_audit, parse_time, verdict
    from ..actions.competition import Competition

    flt = AuditFilter(operator=args.by, contestant=args.no, since=parse_time(args.since),
                      until=parse_time(args.until, end=True))
    with Competition(args.file, operator=args.operator) as comp:
        shown, total, problems = export_audit(comp, args.out, flt, lang=lang)
    print(render("audit_exported", lang, path=args.out, shown=shown, total=total))
    lines = verdict(problems, total, lang)
    if problems:
        print("\n".join(lines), file=sys.stderr)
    else:
        print(lines[0])
    return 0


def add_commands(sub, command, groups) -> None:
    p = command("stats", cmd_stats, help="成绩分布统计 / how the marks are spread")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p = command("audit-export", cmd_audit_export, help="导出审计日志（xlsx）/ export the audit log to xlsx")
    p.add_argument("file")
    p.add_argument("out", help="OUT.xlsx")
    p.add_argument("--by", metavar="NAME", help="只导出该录入员的记录 / only this operator's entries")
    p.add_argument("--no", metavar="NO", help="只导出该编号的记录 / only entries about this contestant")
    p.add_argument("--since", metavar="TIME", help="自 YYYY-MM-DD[THH:MM[:SS]]（含）/ from (inclusive)")
    p.add_argument("--until", metavar="TIME", help="至 YYYY-MM-DD[THH:MM[:SS]]（含）/ until (inclusive)")
