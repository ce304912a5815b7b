"""Runs one ``skillscore`` command: exit 0 done; 1 refused or invalid input (nothing
changed, a message on stderr); 2 wrong usage. Messages are Chinese unless ``--lang en`` or
SKILLSCORE_LANG=en.
"""

from __future__ import annotations

import sys

from ..errors import SkillscoreError
from ..messages import default_lang
from .parser import build_parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or default_lang()
    try:
        result = args.func(args, lang)
        return int(result or 0)
    except SkillscoreError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
