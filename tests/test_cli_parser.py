"""The parser built for one command (skillscore/cli/parser.py, issue 18) is the whole
parser's part for that command: the same commands, options, help and parsed values."""

from __future__ import annotations

import argparse

import pytest

from skillscore.cli.parser import COMMANDS, GROUPS, build_parser, command_name


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help_tree(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], str]:
    """Every parser's help below ``parser``, by the words that reach it."""
    tree = {path: parser.format_help()}
    for name, child in _subcommands(parser).items():
        tree.update(_help_tree(child, path + (name,)))
    return tree


WHOLE = build_parser()


def test_every_command_is_mapped_to_its_groups():
    assert list(COMMANDS) == list(_subcommands(WHOLE))  # in order: the usage line lists them so
    for groups in COMMANDS.values():
        assert list(groups) == [g for g in GROUPS if g in groups]  # "marks" is made before it is added to


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_built_alone_is_the_whole_parsers_command(name):
    alone = build_parser([name, "--help"])
    assert name in _subcommands(alone)
    assert all(set(COMMANDS[other]) & set(COMMANDS[name]) for other in _subcommands(alone))
    whole_tree = {k: v for k, v in _help_tree(WHOLE).items() if k[:1] == (name,)}
    alone_tree = {k: v for k, v in _help_tree(alone).items() if k[:1] == (name,)}
    assert alone_tree == whole_tree  # every sub-command, option, choice and help text


def test_a_command_built_alone_builds_less():
    scoring = {name for name, groups in COMMANDS.items() if groups == ("scoring",)} | {"marks"}
    assert set(_subcommands(build_parser(["ranking", "f.sqlite", "--json"]))) == scoring != set(COMMANDS)


@pytest.mark.parametrize("argv", [
    ["ranking", "a.sqlite", "--json"],
    ["--operator", "王秘书", "marks", "import", "a.sqlite", "m.csv", "--second-entry"],
    ["--lang=en", "marks", "set", "a.sqlite", "A001", "practical", "88.50"],
    ["--lang", "en", "--operator=张三", "tie", "resolve", "a.sqlite", "--order", "A1,A2", "--reason", "抽签",
     "--pin", "1234"],
    ["report", "a.sqlite", "results", "--out", "r.pdf"],
    ["codes", "seal", "a.sqlite", "--pin", "1234"],
])
def test_the_same_values_either_way(argv):
    try:
        whole = vars(WHOLE.parse_args(argv))
    except SystemExit:  # an argv this version does not take is no test of the two builds
        pytest.fail(f"{argv} is not a valid command line")
    assert vars(build_parser(argv).parse_args(argv)) == whole


@pytest.mark.parametrize("argv, name", [
    (["ranking", "f"], "ranking"),
    (["--operator", "marks", "ranking", "f"], "ranking"),  # the option's value is no command
    (["--lang", "en", "marks", "import"], "marks"),
    (["--lang=en", "report"], "report"),
    (["--help"], None),
    (["-h", "ranking"], None),
    (["--oper", "x", "ranking"], None),  # an abbreviation: argparse decides, with every command
    ([], None),
])
def test_the_command_named(argv, name):
    assert command_name(argv) == name


@pytest.mark.parametrize("argv", [["rankin", "f"], ["--oper", "x", "ranking", "f"], ["--help"]])
def test_anything_unclear_builds_every_command(argv):
    assert set(_subcommands(build_parser(argv))) == set(COMMANDS)


def test_a_wrong_command_is_told_the_same_either_way(capsys):
    with pytest.raises(SystemExit):
        build_parser(["rankin"]).parse_args(["rankin"])
    assert "无效的选择 'rankin'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["ranking", "f.sqlite", "--bogus"], ["--lang=xx", "ranking", "f"],
                                  ["report", "f.sqlite", "results", "-o", "r.pdf", "extra"], ["--operator", "-x", "ranking", "f"]])
def test_a_wrong_line_gets_the_whole_usage(argv, capsys):
    """An error at the top level prints the top level's usage: every command, built or not."""
    with pytest.raises(SystemExit):
        WHOLE.parse_args(argv)
    whole = capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser(argv).parse_args(argv)
    assert capsys.readouterr().err == whole
    assert "audit-export" in whole  # a command of another group than the one named


def test_the_whole_help_is_argparses_own():
    """The usage metavar spells the commands exactly as argparse would from its choices, so
    the whole parser's help is what it was without it."""
    action = next(a for a in WHOLE._actions if isinstance(a, argparse._SubParsersAction))
    assert action.metavar == "{%s}" % ",".join(action.choices)


@pytest.mark.parametrize("columns", ["57", "133", "", "abc", "0"])
def test_help_is_argparses_own_at_the_terminals_width(monkeypatch, columns):
    """The parser's formatter finds the width as shutil does (without loading it): every
    help text is what argparse's own formatter writes."""
    import shutil

    from skillscore.cli.parser import terminal_columns

    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    parser = build_parser()
    ours = _help_tree(parser)

    def plain(p: argparse.ArgumentParser) -> None:
        p.formatter_class = argparse.HelpFormatter
        for child in _subcommands(p).values():
            plain(child)
    plain(parser)
    assert _help_tree(parser) == ours and len(ours) > 50


@pytest.mark.parametrize("argv, env, words", [
    (["checkin", "f.sqlite", "A001", "--part", "foo"], {}, "错误：参数 --part：无效的选择 'foo'（可选：'theory', 'practical'）"),
    (["ranking"], {}, "错误：缺少以下参数：file"),
    (["ranking", "f.sqlite", "extra"], {}, "错误：无法识别的参数：extra"),
    (["quota", "f.sqlite"], {}, "用法：skillscore quota"),
    (["checkin", "f.sqlite", "A001", "--part", "foo", "--lang", "en"], {}, "error: argument --part: invalid choice: 'foo'"),
    (["--lang=en", "ranking"], {}, "error: the following arguments are required: file"),
    (["ranking"], {"SKILLSCORE_LANG": "en"}, "usage: skillscore ranking"),
])
def test_wrong_usage_is_told_in_the_commands_language(argv, env, words):
    """CONTRACT.md: messages are Chinese unless --lang en or SKILLSCORE_LANG=en; argparse's
    own sentences too (cli/argparse_words.py)."""
    from support import run_cli

    done = run_cli(*argv, env=env)
    assert done.returncode == 2 and words in done.stderr, done.stderr


def test_every_sentence_given_in_chinese_is_one_argparse_words():
    """Written for Python 3.11's argparse: a key it no longer uses would silently stay English."""
    import inspect

    from skillscore.cli.argparse_words import ZH

    source = inspect.getsource(argparse)
    assert [key for key in ZH if repr(key) not in source and repr(key).replace("'", '"') not in source] == []
