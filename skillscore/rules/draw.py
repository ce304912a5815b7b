"""The draw of sessions (场次) and stations (工位), RULES.md §12.2.

Pure functions: the seed is given (``default_seed`` takes the random source as an
argument), nothing is read from a clock or a file. The order is the ascending SHA-256 hex
digest of ``"{seed}|{key}"`` in UTF-8, so anyone holding the printed seed can recompute the
draw with any SHA-256 tool: that is the point of the rule.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, NamedTuple, Sequence

from ..messages import register

register(
    {
        "draw_stations": ("工位数「{value}」无效：应为 1–{most} 之间的整数",
                          "The number of stations '{value}' is invalid: use a whole number from 1 to {most}"),
        "draw_duplicate_key": ("{value} 重复：每个参赛单位只能抽签一次", "{value} appears twice: each unit is drawn once"),
        "draw_unit_missing": ("{value} 不在抽签表中：每个参赛单位应恰好出现一次",
                              "{value} is missing from the draw: every unit must appear exactly once"),
        "draw_unit_twice": ("{value} 在抽签表中出现不止一次", "{value} appears more than once in the draw"),
        "draw_unit_unknown": ("{value} 不是本场参加抽签的单位（不在名单中，或已缺考、弃权、取消资格）",
                              "{value} is not a unit of this draw (not on the roster, or absent, withdrawn or "
                              "disqualified)"),
        "draw_session_range": ("场次「{value}」无效：应为从 1 起的整数", "Session '{value}' is invalid: use 1, 2, 3 …"),
        "draw_session_many": ("场次「{value}」无效：{units} 个单位最多分 {units} 场（场次从 1 起连续编号，每场至少一个单位）",
                              "Session '{value}' is invalid: {units} units make at most {units} sessions (numbered 1, "
                              "2, 3 … with at least one unit each)"),
        "draw_station_range": ("工位号「{value}」无效：应为 1–{stations} 之间的整数",
                               "Station '{value}' is invalid: use a whole number from 1 to {stations}"),
        "draw_station_taken": ("第 {session} 场的工位 {value} 已分给 {other}",
                               "Station {value} of session {session} is already given to {other}"),
        "draw_session_gap": ("场次不连续：第 {missing} 场没有人，场次应从 1 起连续编号",
                             "Sessions are not consecutive: session {missing} is empty; number them 1, 2, 3 …"),
    }
)


# The most stations S a draw may have. The rules set no number, but S is stored as an
# SQLite INTEGER, printed in the 40-point 工位号 column of the draw record and score sheets,
# and offered by the desk's spin boxes up to 999 (ui/views/draw_view.py): the core takes
# what the desk offers, so a mistyped 99999999999999999999 is refused by name instead of
# overflowing SQLite when a unit is later moved to such a station.
MAX_STATIONS = 999


class DrawError(ValueError):
    """A draw asked for with impossible input (a programming or usage error at the edge)."""

    def __init__(self, code: str, value: object, **params):
        super().__init__(code)
        self.code = code
        self.value = str(value)
        self.params: dict = params


class Seat(NamedTuple):
    """One unit's place: ``key`` is the 编号 (the team name in the team event)."""

    key: str
    session: int
    station: int


class DrawProblem(NamedTuple):
    """One thing wrong with a hand-made draw. ``index`` is the 0-based position in the rows
    given (None when no row is to blame: a missing unit); ``column`` is "no", "session" or
    "station" (the importer maps both onto its file, row and header)."""

    index: int | None
    column: str | None
    code: str
    value: str
    params: dict


def digest(seed: str, key: str) -> str:
    import hashlib  # not at the top: OpenSSL's loading (~4 ms) only when a draw is made

    return hashlib.sha256(f"{seed}|{key}".encode("utf-8")).hexdigest()


def default_seed(randbytes: Callable[[int], bytes]) -> str:
    """16 hexadecimal digits; the caller passes ``secrets.token_bytes``."""
    return randbytes(8).hex()


def draw_order(seed: str, keys: Iterable[str]) -> list[str]:
    """The keys by ascending digest (the key itself breaks a SHA-256 collision, which will
    not happen, so the order never depends on the input's order)."""
    keys = list(keys)
    twice = [k for k, n in Counter(keys).items() if n > 1]
    if twice:
        raise DrawError("draw_duplicate_key", twice[0])
    return sorted(keys, key=lambda k: (digest(seed, k), k))


def check_stations(stations: object) -> int:
    """S as given, or DrawError: a whole number from 1 to MAX_STATIONS."""
    if isinstance(stations, bool) or not isinstance(stations, int) or not 1 <= stations <= MAX_STATIONS:
        raise DrawError("draw_stations", stations, most=MAX_STATIONS)
    return stations


def session_sizes(n: int, stations: int) -> list[int]:
    """m = ceil(n / S) sessions; with q = n // m, r = n % m, sessions 1..r hold q + 1 and
    the rest q. So the sessions differ by at most one unit and none exceeds S."""
    check_stations(stations)
    if n <= 0:
        return []
    m = -(-n // stations)
    q, r = divmod(n, m)
    return [q + 1] * r + [q] * (m - r)


def draw(seed: str, keys: Iterable[str], stations: int) -> list[Seat]:
    """The seats by session, then station: the first units of ``draw_order`` fill session 1
    at stations 1, 2, …, the next ones session 2, and so on."""
    order = draw_order(seed, keys)
    seats, i = [], 0
    for session, size in enumerate(session_sizes(len(order), stations), start=1):
        for station in range(1, size + 1):
            seats.append(Seat(order[i], session, station))
            i += 1
    return seats


def _whole(value: object) -> int | None:
    """A positive whole number, or None (the importer already turned cells into ints where
    it could; anything else is reported, never guessed)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return None
    return value


def check_hand_draw(rows: Sequence[tuple[str, object, object]], keys: Iterable[str],
                    stations: int) -> list[DrawProblem]:
    """The problems of a draw made by hand, rows of (key, session, station), in row order
    then missing units last. Accepted: every unit of ``keys`` exactly once, sessions
    numbered 1..m with none empty, stations within 1..S and none twice in a session.
    Not required (a committee's hand draw may have reasons): equal session sizes, stations
    used without gaps (a broken station stays empty)."""
    stations = check_stations(stations)
    wanted = list(keys)
    known = set(wanted)
    problems: list[DrawProblem] = []
    seen: set[str] = set()
    taken: dict[tuple[int, int], str] = {}
    first_row_of: dict[int, int] = {}
    for i, (key, session, station) in enumerate(rows):
        if key not in known:
            problems.append(DrawProblem(i, "no", "draw_unit_unknown", str(key), {}))
        elif key in seen:
            problems.append(DrawProblem(i, "no", "draw_unit_twice", key, {}))
        seen.add(key)
        s, j = _whole(session), _whole(station)
        if s is None:
            problems.append(DrawProblem(i, "session", "draw_session_range", str(session), {}))
        elif s > len(wanted):
            # Sessions run 1..m with none empty, so m <= n: a larger one is a typing slip.
            # Refused here, it also keeps the search for empty sessions below n steps long.
            problems.append(DrawProblem(i, "session", "draw_session_many", str(session), {"units": len(wanted)}))
            s = None
        else:
            first_row_of.setdefault(s, i)
        if j is None or j > stations:
            problems.append(DrawProblem(i, "station", "draw_station_range", str(station), {"stations": stations}))
        elif s is not None:
            other = taken.setdefault((s, j), key)
            if other != key:
                problems.append(DrawProblem(i, "station", "draw_station_taken", str(j),
                                            {"session": s, "other": other}))
    if first_row_of:
        missing = [s for s in range(1, max(first_row_of)) if s not in first_row_of]
        for s in missing:
            # Blame the first row of the next session used: most likely the mistyped one.
            after = min(k for k in first_row_of if k > s)
            problems.append(DrawProblem(first_row_of[after], "session", "draw_session_gap", str(after),
                                        {"missing": s}))
    problems.sort(key=lambda p: p.index)
    problems.extend(DrawProblem(None, "no", "draw_unit_missing", k, {}) for k in wanted if k not in seen)
    return problems
