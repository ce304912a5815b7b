"""The words printed on the sheets, Chinese first, English second (UI.md's table).

Kept apart from the drawing code so the screens, the CLI and the sheets can be checked
against one list, and so a sheet module reads as layout, not as a dictionary.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # columns
    "rank": ("名次", "Rank"),
    "seq": ("序号", "#"),
    "no": ("编号", "No."),
    "name": ("姓名", "Name"),
    "team": ("团队", "Team"),
    "sex": ("性别", "Sex"),
    "id_number": ("身份证号", "ID number"),
    "unit": ("工作单位", "Employer"),
    "theory": ("理论知识", "Theory"),
    "practical": ("技能操作", "Practical"),
    "total": ("总成绩", "Total"),
    "advances": ("晋级", "Adv."),
    "certificate": ("取证等级", "Certificate level"),
    "note": ("备注", "Note"),
    "talent_pool": ("纳入技能人才库", "Talent pool"),
    "union_card": ("互助服务卡", "Mutual-aid card"),
    "subsidy": ("资助", "Subsidy (yuan)"),
    "nomination": ("推荐参评劳动奖项", "Award nominee"),
    # sheet titles
    "sheet_results": ("成绩表", "Results"),
    "sheet_advancement": ("晋级名单", "Advancement list"),
    "sheet_certificates": ("取证名单", "Certificate list"),
    "sheet_awards": ("获奖名单", "Awards list"),
    # stages
    "prelim": ("初赛", "Preliminary"),
    "semifinal": ("复赛", "Semifinal"),
    "final": ("决赛", "Final"),
    # statuses and marks
    "absent": ("缺考", "Absent"),
    "withdrawn": ("弃权", "Withdrawn"),
    "disqualified": ("取消资格", "Disqualified"),
    "incomplete": ("待录入", "Not entered"),
    "tie_practical": ("技能操作成绩决定名次", "Placed by practical mark"),
    "tie_unresolved": ("并列待定", "Tie to be decided"),
    "tie_committee": ("组委会裁定", "Decided by committee"),
    "tie_lot": ("抽签确定", "Decided by lot"),
    "undecided": ("待定", "Open"),
    "yes": ("是", "Yes"),
    "no_": ("否", "No"),
    "yuan": ("{amount} 元", "{amount}"),  # English: the column header says (yuan)
    "subsidy_amount": ("资助 {amount} 元", "Subsidy {amount} yuan"),
    # header block
    "event_line": ("{event}（第{no}项）· {stage} · {sheet}", "{event} (event {no}) · {stage} · {sheet}"),
    "committee": ("组委会：{value}", "Committee: {value}"),
    "date": ("比赛日期：{value}", "Date: {value}"),
    "counts": ("参赛 {units} · 排名人数 N = {ranked}", "Entered {units} · ranked N = {ranked}"),
    "quota": ("晋级名额 {value}", "Advancement quota {value}"),
    "too_few_participants": ("参赛人数不足30人", "Fewer than 30 contestants"),
    "unresolved_ties": ("有并列待定，尚不能定稿", "Ties to be decided; cannot be finalised yet"),
    "incomplete_marks": ("有成绩待录入，尚不能定稿", "Marks not entered; cannot be finalised yet"),
    "draft_status": ("草稿 · 未定稿，不作为正式成绩", "DRAFT · not finalised, not the official results"),
    "final_status": ("已定稿 · 第 {version} 版", "Finalised · version {version}"),
    "internal": ("内部材料 · 报送技能鉴定机构 · 不得张贴公布",
                 "INTERNAL · for the skills assessment centre · not for posting"),
    "internal_short": ("内部材料 不得张贴", "Internal, not for posting"),
    "continued": ("（续）", " (continued)"),
    "people": ("{count} 人", "{count}"),
    # footer, legend and closing block
    "page_of": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "legend": ("▲ 技能操作成绩决定名次　⚠ 并列待定（名次显示为“5–6”）　◆ 组委会裁定/抽签确定",
               "▲ placed by practical mark   ⚠ tie to be decided (rank shown as “5–6”)   "
               "◆ decided by committee/lot"),
    "legend_tick": ("　✓ {meaning}", "   ✓ {meaning}"),
    "fingerprint_footer": ("第 {version} 版 · 成绩指纹 {fingerprint}", "Version {version} · fingerprint {fingerprint}"),
    "draft_footer": ("草稿（第 {version} 版，未定稿）", "DRAFT (version {version}, not finalised)"),
    "handoff_code_title": ("交接码（打开成绩交接文件用，与 U 盘分开保管）",
                           "Handoff code (opens the handoff file; keep it apart from the USB stick)"),
    "qr_code_caption": ("交接码", "code"),
    "qr_fingerprint_caption": ("成绩指纹", "fingerprint"),
    "fingerprint_title": ("成绩指纹（SHA-256，与成绩交接文件一致）", "Fingerprint (SHA-256, as carried by the handoff file)"),
    "fingerprint_hint": ("核对：skillscore verify 交接文件 输出的指纹应与此相同",
                         "Check: `skillscore verify PKG` must print the same fingerprint"),
    "chief_judge": ("裁判长", "Chief judge"),
    "supervisor": ("监督", "Supervisor"),
    "scorer": ("记分员", "Scorer"),
    "sign_date": ("日期", "Date"),
    "watermark_zh": ("草稿", "DRAFT"),
    "watermark_en": ("DRAFT", "DRAFT"),
    "nobody": ("（无）", "(none)"),
    # per-sheet summaries
    "summary_results": ("排名 {ranked} 人；未排名 {unranked} 人{detail}", "{ranked} ranked; {unranked} not ranked{detail}"),
    "summary_advancement": ("晋级 {count} 人（晋级名额 {quota}）{undecided}",
                            "{count} advance (quota {quota}){undecided}"),
    "summary_undecided": ("；另有 {count} 人晋级待定", "; {count} more to be decided"),
    "summary_certificates": ("取证 {count} 人：{levels}", "{count} certificates: {levels}"),
    "summary_awards": ("纳入技能人才库 {pool} 人；资助合计 {total} 元（{paid} 人）；推荐参评劳动奖项 {nominated} 人",
                       "Talent pool {pool}; subsidies {total} yuan in all ({paid} people); award nominations {nominated}"),
    "summary_awards_team": ("纳入技能人才库 {pool} 人（团队赛不设资助和劳动奖项推荐）",
                            "Talent pool {pool} (team events have no subsidy or award nomination)"),
    "section_undecided_advance": ("晋级待定（并列待定，待组委会裁定或抽签）",
                                  "Advancement open (tie to be decided by the committee or by lot)"),
    "section_undecided_level": ("取证等级待定（并列待定）", "Certificate level open (tie to be decided)"),
    "section_undecided_awards": ("奖励待定（并列待定）", "Awards open (tie to be decided)"),
}


def word(key: str, lang: str = "zh", **params) -> str:
    zh, en = WORDS[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text


def stage_name(stage: str, lang: str = "zh") -> str:
    return word(stage, lang)
