"""Runs one ``skillscore`` command: exit 0 done; 1 refused or invalid input (nothing
changed, a message on stderr); 2 wrong usage. Messages are Chinese unless ``--lang en`` or
SKILLSCORE_LANG=en.

Nothing else reaches the user either: output never fails on encoding and a closed pipe
ends the command quietly (system/console.py); another program holding the file is "in
use"; anything unexpected is written to a log file and named in one line
(system/crashlog.py).
"""

from __future__ import annotations

import sqlite3
import sys

from ..errors import SkillscoreError, os_refusal
from ..messages import default_lang, render
from ..system.console import quiet_closed_pipe, safe_streams
from ..system.crashlog import report_crash
from .parser import build_parser


def main(argv: list[str] | None = None) -> int:
    safe_streams()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    lang = args.lang or default_lang()
    if getattr(args, "json", False):
        safe_streams(utf8_stdout=True)
    try:
        result = args.func(args, lang)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return int(result or 0)
    except SkillscoreError as exc:
        _error(exc.message(lang))
        return exc.exit_code
    except BrokenPipeError:
        quiet_closed_pipe()
        return 0
    except KeyboardInterrupt:
        return 130
    except sqlite3.OperationalError as exc:
        from ..storage.database import busy_timeout, is_busy

        if not is_busy(exc):
            _error(report_crash(exc, lang, where="skillscore " + " ".join(sys.argv[1:])))
            return 1
        _error(render("file_busy", lang, path=getattr(args, "file", ""), seconds=f"{busy_timeout():g}"))
        return 1
    except OSError as exc:  # a folder or file the system refuses (permissions, a full disk …)
        _error(os_refusal(exc, lang))
        return 1
    except Exception as exc:  # noqa: BLE001 - the one place that turns any error into a line
        _error(report_crash(exc, lang, where="skillscore " + " ".join(sys.argv[1:])))
        return 1


def _error(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
