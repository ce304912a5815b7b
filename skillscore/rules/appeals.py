"""Appeals and publication dates, RULES.md §12.4–12.5. Pure: every time is given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

DEFAULT_APPEAL_HOURS = 2
DEFAULT_PUBLICATION_DAYS = 5


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
    deadline = appeal_deadline(part_end, hours)
    return deadline is not None and received > deadline


def publication_end(start: dt.date, days: int = DEFAULT_PUBLICATION_DAYS) -> dt.date:
    """The last day of a publication period of ``days`` calendar days starting on
    ``start`` (counting the first day: 5 days from 22 September end on 26 September)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(f"publication period must be at least one day: {days!r}")
    return start + dt.timedelta(days=days - 1)
