"""赛务 menu entries for marking under codes and appeals (RULES.md §12.3–§12.4): seal (PIN,
then the 加密对照表 printed at once for the envelope), reprint the key (PIN, audited),
reveal with its checklist, the appeals register and its sheet. The competition-day tab
(issue 16) may take these over; each is one function of the desk window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from skillscore.errors import SkillscoreError

from . import operations as ops
from .i18n import current_lang

translate = QCoreApplication.translate


def _ask_pin(*args, **kwargs):
    """The chief judge's PIN dialog, loaded when first asked for, not at every start (issue 18)."""
    from .dialogs.pin import PinDialog

    return PinDialog.ask(*args, **kwargs)


def add_codes_menu(window, add_menu, action, open_session: bool) -> None:
    menu = add_menu(window.menuBar(), translate("CodesMenu", "赛务(&D)"))
    action(menu, translate("CodesMenu", "加密评分号…"), lambda: seal(window.desk), enabled=open_session, name="seal")
    action(menu, translate("CodesMenu", "打印加密对照表…"), lambda: print_key(window.desk), enabled=open_session,
           name="print_key")
    action(menu, translate("CodesMenu", "解密…"), lambda: reveal(window.desk), enabled=open_session, name="reveal")
    menu.addSeparator()
    action(menu, translate("CodesMenu", "申诉登记…"), lambda: open_appeals(window.desk), enabled=open_session,
           name="appeals")


def seal(desk, *, pin: str | None = None, key_out: str | None = None) -> bool:
    """Seal, then print the key for the sealed envelope with the same PIN."""
    if pin is None:
        answer = _ask_pin(desk, translate("CodesMenu", "加密评分号"), translate(
            "CodesMenu", "为每位选手（团队）生成评分号。加密后技能操作成绩只能按评分号录入，排名解密后才显示；"
                         "随后请打印加密对照表，装入密封袋由监督签封。"))
        if answer is None:
            return False
        pin = answer[0]
    try:
        count = desk.session.do(ops.seal_codes, pin=pin)
    except SkillscoreError as e:
        desk.show_message(e.message(current_lang()), True)
        return False
    desk.show_message(translate("CodesMenu", "已加密：{count} 个评分号。请打印加密对照表装入密封袋。").format(count=count))
    print_key(desk, key_out, pin=pin)
    return True


def print_key(desk, out: str | None = None, *, pin: str | None = None) -> None:
    if pin is None:
        answer = _ask_pin(desk, translate("CodesMenu", "打印加密对照表"),
                               translate("CodesMenu", "打印加密对照表须裁判长口令，每次打印记入日志。"))
        if answer is None:
            return
        pin = answer[0]
    print_day_sheet(desk, "key", out, pin=pin)


def print_day_sheet(desk, kind: str, out: str | None = None, *, pin: str | None = None) -> None:
    names = {"key": translate("CodesMenu", "加密对照表"), "appeals": translate("CodesMenu", "申诉处理登记表")}
    chosen_here = out is None
    out = out or desk._save_path(names[kind], f"{names[kind]}.pdf", "PDF (*.pdf)")
    if not out:
        return
    lang = current_lang()
    then = (lambda: desk.show_file(out)) if chosen_here else None
    desk._background(translate("Desk", "正在生成 PDF…"),
                     lambda c, p: ops.write_day_sheet(c, kind, out, lang=lang, pin=pin, progress=p),
                     translate("Desk", "已生成 {path}"), str(Path(out)), then)


def reveal(desk):
    from .dialogs.reveal import RevealDialog

    dialog = RevealDialog(desk, desk.session)
    dialog.finished.connect(lambda result: _revealed(desk, dialog, result))
    dialog.open()
    return dialog


def _revealed(desk, dialog, result) -> None:
    if result:
        desk.show_message(translate("CodesMenu", "已解密：排名已显示；技能操作成绩自此锁定，修改须裁判长口令并写明理由"))
    dialog.deleteLater()


def open_appeals(desk):
    from .views.appeals_view import open_register

    return open_register(desk, desk.session, printer=lambda out=None: print_day_sheet(desk, "appeals", out))
