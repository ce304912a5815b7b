"""Commands for judging panels: the scheme and the judges' statistics (issue 9)."""

from __future__ import annotations

from .common import _open, _pin, _say
from ..messages import register
from ..actions.panel import parse_modules
from ..rules.panel import PanelScheme

register(
    {
        "panel_scheme_set": ("评分方案：{judges} 名裁判，{aggregation}，模块 {modules}",
                             "Scheme: {judges} judges, {aggregation}, modules {modules}"),
        "panel_scheme_single": ("评分方案：单一技能操作成绩", "Scheme: a single practical mark"),
        "judge_stats_head": ("裁判\t评分数\t平均偏差\t平均绝对偏差\t被去掉比例\t提示",
                             "Judge\tMarks\tMean dev.\tMean abs. dev.\tDropped\tNote"),
        "judge_flag": ("偏离其他裁判较多", "far from the other judges"),
    }
)
AGG_WORDS = {"mean": ("平均", "mean"), "trimmed": ("去掉一个最高分和一个最低分后平均", "trimmed mean")}


def scheme_from_args(args) -> PanelScheme | None:
    if not args.panel_judges:
        return None
    return PanelScheme(args.panel_judges, args.aggregation, parse_modules(args.panel_modules or ""))


def cmd_panel_scheme(args, lang):
    scheme = scheme_from_args(args)
    with _open(args) as comp:
        comp.set_panel_scheme(scheme, pin=_pin(args, lang))
    _say_scheme(lang, scheme)


def _say_scheme(lang, scheme):
    if scheme is None:
        _say(lang, "panel_scheme_single")
        return
    _say(lang, "panel_scheme_set", judges=scheme.judges, aggregation=AGG_WORDS[scheme.aggregation][lang == "en"],
         modules="、".join(f"{m.name}（{m.maximum}）" for m in scheme.modules))


def cmd_panel_show(args, lang):
    with _open(args) as comp:
        _say_scheme(lang, comp.panel_scheme())


def cmd_panel_stats(args, lang):
    with _open(args) as comp:
        stats = comp.judge_statistics()
    _say(lang, "judge_stats_head")
    from ..messages import render

    for s in stats:
        note = render("judge_flag", lang) if s.flagged else ""
        print(f"{s.judge}\t{s.marks}\t{s.mean_deviation:+}\t{s.mean_abs_deviation}\t{s.dropped_share:.1%}\t{note}")


def add_scheme_options(p) -> None:
    p.add_argument("--panel-judges", type=int, help="裁判人数 3–9 / judges per panel")
    p.add_argument("--panel-modules", help="模块:满分,… 如 实操:70,答辩:30 / NAME:MAX,…")
    p.add_argument("--aggregation", choices=["mean", "trimmed"], default="trimmed")


def add_commands(sub, command, groups) -> None:
    panel = sub.add_parser("panel", help="裁判组评分 / judging panel").add_subparsers(dest="panel_command", required=True)
    p = command("scheme", cmd_panel_scheme, panel, help="设置评分方案 / set the scheme (PIN)")
    p.add_argument("file")
    add_scheme_options(p)
    p.add_argument("--pin")
    p = command("show", cmd_panel_show, panel)
    p.add_argument("file")
    p = command("stats", cmd_panel_stats, panel, help="裁判评分统计 / judge statistics")
    p.add_argument("file")
