"""Anonymous codes (评分号) for marking the practical part under seal, RULES.md §12.3.

Pure: the random source is passed in (callers pass ``secrets.randbelow``; tests pass a
seeded fake). Each unit independently gets a code drawn uniformly from those still free,
so the codes carry nothing of the 编号, the station or the order the units came in.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..messages import register

register({"codes_duplicate_key": ("{value} 重复：每个单位只能有一个评分号",
                                  "{value} appears twice: each unit gets one code")})


class CodeError(ValueError):
    def __init__(self, code: str, value: object):
        super().__init__(code)
        self.code = code
        self.value = str(value)
        self.params: dict = {}


def code_length(n: int) -> int:
    """L = max(3, number of digits of 10·n): at least ten times as many codes as units, so
    a mistyped code is unlikely to be another unit's."""
    return max(3, len(str(10 * max(n, 0))))


def make_codes(keys: Iterable[str], randbelow: Callable[[int], int], avoid: Iterable[str] = ()) -> dict[str, str]:
    """key → code: digits only, all of length ``code_length(n)``, distinct. A code that
    equals one of the keys (numeric 编号 such as "001"), or one of ``avoid`` (the members'
    编号 in the team event, whose keys are team names), is never given, so a code typed
    into the 编号 column cannot silently hit a contestant."""
    keys = list(keys)
    length = code_length(len(keys))
    space = 10 ** length
    codes: dict[str, str] = {}
    used = set(keys) | set(avoid)
    for key in keys:
        if key in codes:
            raise CodeError("codes_duplicate_key", key)
        while True:  # at most 1 in 10 draws is taken: ends after ~1.1 draws on average
            code = str(randbelow(space)).zfill(length)
            if code not in used:
                break
        used.add(code)
        codes[key] = code
    return codes
