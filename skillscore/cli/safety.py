"""Commands for backups, copying off a USB stick, settings, the PIN and double entry."""

from __future__ import annotations

from ..storage.backup import REASONS
from .common import _open, _pin, _say
from ..actions.competition import parse_levels
from ..errors import UsageError
from ..messages import register

register(
    {
        "backup_created": ("已备份：{path}", "Backed up: {path}"),
        "backup_none": ("还没有备份", "No backups yet"),
        "backup_restored": (
            "已从 {backup} 恢复；恢复前的状态已另存为 {safety}",
            "Restored from {backup}; the state before restoring was saved as {safety}",
        ),
        "copied": ("已复制到 {path}，请打开这个副本工作", "Copied to {path}: work on this copy"),
        "settings_changed": ("设置已修改：{what}", "Settings changed: {what}"),
        "pin_changed": ("裁判长口令已更改", "The chief judge's PIN was changed"),
        "pending_none": ("所有成绩两次录入一致，已全部确认", "Every mark is confirmed by two matching entries"),
        "pending_row": (
            "{no}\t{field}\t录入：{first}（{first_op}）\t复核：{second}（{second_op}）",
            "{no}\t{field}\tentry: {first} ({first_op})\tcheck: {second} ({second_op})",
        ),
        "settled": ("已裁定：{no} {field} = {value}", "Settled: {no} {field} = {value}"),
    }
)


def cmd_backup(args, lang):
    with _open(args) as comp:
        if args.action == "create":
            _say(lang, "backup_created", path=comp.backup("manual"))
        elif args.action == "list":
            found = comp.backups()
            if not found:
                _say(lang, "backup_none")
            for b in found:
                label = REASONS.get(b.reason, (b.reason, b.reason))[0 if lang != "en" else 1]
                print(f"{b.at:%Y-%m-%d %H:%M:%S}\t{label}\t{b.path}")
        else:
            if not args.backup:
                raise UsageError("backup_missing", path="—")
            safety = comp.restore(args.backup)
            _say(lang, "backup_restored", backup=args.backup, safety=safety)


def cmd_copy(args, lang):
    from ..actions.safety import copy_file

    _say(lang, "copied", path=copy_file(args.file, args.target))


def cmd_settings(args, lang):
    changed = []
    with _open(args) as comp:
        pin = _pin(args, lang)
        if args.levels:
            comp.set_levels(parse_levels(args.levels), pin=pin)
            changed.append(f"levels={args.levels}")
        if args.pass_mark:
            comp.set_pass_mark(args.pass_mark, pin=pin)
            changed.append(f"pass_mark={args.pass_mark}")
        if args.certificate_policy:
            comp.set_certificate_policy(args.certificate_policy, pin=pin)
            changed.append(f"certificate_policy={args.certificate_policy}")
        if args.double_entry:
            comp.set_double_entry(args.double_entry == "on", pin=pin)
            changed.append(f"double_entry={args.double_entry}")
        if args.second_backup_folder is not None:
            comp.set_second_backup_folder(args.second_backup_folder or None)
            changed.append(f"second_backup_folder={args.second_backup_folder}")
    _say(lang, "settings_changed", what=", ".join(changed) or "—")


def cmd_pin_change(args, lang):
    with _open(args) as comp:
        comp.change_pin(old=args.old_pin, new=args.new_pin)
    _say(lang, "pin_changed")


def cmd_marks_pending(args, lang):
    with _open(args) as comp:
        pending = comp.pending_marks()
    if not pending:
        _say(lang, "pending_none")
    for p in pending:
        field = {"theory": "理论知识", "practical": "技能操作"}[p.field]
        _say(lang, "pending_row", no=p.no, field=field, first=p.first or "—", first_op=p.first_operator or "—",
             second=p.second or "—", second_op=p.second_operator or "—")
    return 1 if any(p.disagrees for p in pending) else 0


def cmd_marks_settle(args, lang):
    with _open(args) as comp:
        comp.settle(args.no, args.field, args.value, pin=_pin(args, lang))
    _say(lang, "settled", no=args.no, field=args.field, value=args.value)


def add_commands(sub, command, groups) -> None:
    p = command("backup", cmd_backup, help="备份 / backups")
    p.add_argument("action", choices=["list", "create", "restore"])
    p.add_argument("file")
    p.add_argument("backup", nargs="?")

    p = command("copy", cmd_copy, help="复制到本机硬盘 / copy to the local disk")
    p.add_argument("file")
    p.add_argument("target")

    p = command("settings", cmd_settings, help="影响结果的设置（需裁判长口令）/ outcome settings (PIN)")
    p.add_argument("file")
    p.add_argument("--levels")
    p.add_argument("--pass-mark")
    p.add_argument("--certificate-policy", choices=["overall", "passers"])
    p.add_argument("--double-entry", choices=["on", "off"])
    p.add_argument("--second-backup-folder")
    p.add_argument("--pin")

    p = command("pin", cmd_pin_change, help="更改裁判长口令 / change the chief judge's PIN")
    p.add_argument("file")
    p.add_argument("--old-pin", required=True)
    p.add_argument("--new-pin", required=True)

    p = command("pending", cmd_marks_pending, "marks", help="复核未一致的成绩 / unconfirmed marks")
    p.add_argument("file")
    p = command("settle", cmd_marks_settle, "marks", help="裁判长裁定 / settle a mark")
    p.add_argument("file")
    p.add_argument("no")
    p.add_argument("field", choices=["theory", "practical"])
    p.add_argument("value")
    p.add_argument("--pin")
