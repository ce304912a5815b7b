"""Appeals and publication dates, RULES.md §12.4–12.5. Pure: every time is given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

DEFAULT_APPEAL_HOURS = 2
DEFAULT_PUBLICATION_DAYS = 5

# The years an appeal, a window or a publication may fall in. A time outside is a typing
# slip ("0001", "9999"): stored, it was unreadable or beyond the calendar and broke every
# later read of the register, so it is refused where it is typed.
FIRST_YEAR, LAST_YEAR = 2000, 2099
# More hours than that span holds end past LAST_YEAR whatever the part's end: refused
# before a sum that could not be made (1e400 hours) is even tried.
MAX_WINDOW_HOURS = Decimal((LAST_YEAR - FIRST_YEAR + 1) * 366 * 24)


def in_years(value: dt.date) -> bool:
    """Whether a date (or time) lies in the years FIRST_YEAR..LAST_YEAR."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def appeal_deadline(part_end: dt.datetime | None, hours: int | float | Decimal = DEFAULT_APPEAL_HOURS
                    ) -> dt.datetime | None:
    """The end of the window: the part's end plus ``hours``; None when no window is set."""
    if part_end is None:
        return None
    # Exact: 1.5 hours is 5,400 seconds, with no binary fraction on the way (RULES.md §3).
    return part_end + dt.timedelta(seconds=int(Decimal(str(hours)) * 3600))


def is_late(received: dt.datetime, part_end: dt.datetime | None,
            hours: int | float | Decimal = DEFAULT_APPEAL_HOURS) -> bool:
    """Received after the window (an appeal at the very minute the window ends is in
    time); with no window set, nothing is late. Both times must be alike (both aware or
    both naive): comparing the two kinds raises, rather than guessing a time zone."""
    try:
        deadline = appeal_deadline(part_end, hours)
    except ArithmeticError:  # past year 9999 (a window stored before windows were checked): never reached
        return False
    return deadline is not None and received > deadline


def window_in_years(part_end: dt.datetime, hours: int | float | Decimal) -> bool:
    """Whether the window ends by the end of LAST_YEAR (is_late can then always compare)."""
    if Decimal(str(hours)) > MAX_WINDOW_HOURS:
        return False
    try:
        return in_years(appeal_deadline(part_end, hours))
    except OverflowError:  # past year 9999
        return False


def publication_end(start: dt.date, days: int = DEFAULT_PUBLICATION_DAYS) -> dt.date:
    """The last day of a publication period of ``days`` calendar days starting on
    ``start`` (counting the first day: 5 days from 22 September end on 26 September)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(f"publication period must be at least one day: {days!r}")
    return start + dt.timedelta(days=days - 1)
