"""The chief judge's PIN and every setting that changes outcomes (issue 7, "Roles").

Repeated wrong PINs slow down: from the third failure on, each further attempt waits
twice as long as the one before (1 s, 2 s, 4 s … capped at 60 s); every failure is in
the audit log. Mixed into ``Competition``.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from decimal import Decimal, InvalidOperation

from ..errors import PinError, RefusedError, UsageError
from ..messages import register
from ..model import CertificatePolicy
from ..storage.pin import hash_pin, pin_matches

FREE_ATTEMPTS = 2
MAX_WAIT_S = 60.0

register(
    {
        "pin_wait": (
            "口令连续输错，请 {seconds} 秒后再试",
            "Too many wrong PINs in a row: try again in {seconds} s",
        ),
        "pin_same": ("新口令不能与旧口令相同", "The new PIN must differ from the old one"),
        "pass_mark_invalid": ("及格线「{value}」无效：应为 0–100 的数", "pass mark '{value}' must be a number 0–100"),
        "double_entry_has_marks": (
            "已有成绩录入，不能再更改复核（双人录入）设置",
            "Marks have been entered: the double-entry setting can no longer change",
        ),
    }
)


def throttle_wait(failures: int) -> float:
    """Seconds an attempt must wait after ``failures`` wrong PINs in a row."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return min(MAX_WAIT_S, 2.0 ** (failures - FREE_ATTEMPTS - 1))


class GuardMixin:
    # How a throttled attempt waits. The CLI sleeps; a screen sets this to None so the
    # attempt is refused at once with the seconds left ("pin_wait") and nothing freezes.
    sleep = staticmethod(time.sleep)

    def check_pin(self, pin: str | None) -> None:
        failures = int(self.store.meta("pin_failures", "0"))
        wait = throttle_wait(failures)
        if wait:
            last = self.store.meta("pin_failed_at")
            elapsed = (self.clock() - dt.datetime.fromisoformat(last)).total_seconds() if last else wait
            if elapsed < wait:
                if self.sleep is None:
                    raise RefusedError("pin_wait", seconds=math.ceil(wait - elapsed))
                self.sleep(wait - elapsed)
        if pin and pin_matches(pin, self.store.meta("pin_hash", "")):
            if failures:
                with self.store.transaction():
                    self.store.set_meta("pin_failures", "0")
            return
        with self.store.transaction():
            self.store.set_meta("pin_failures", str(failures + 1))
            self.store.set_meta("pin_failed_at", self._stamp())
            self._audit("pin_failed", new=str(failures + 1))
        raise PinError("pin_wrong")

    def change_pin(self, *, old: str, new: str) -> None:
        if not (new or "").strip():  # spaces alone are no PIN
            raise UsageError("pin_empty")
        self.check_pin(old)
        if new == old:
            raise RefusedError("pin_same")
        with self.store.transaction():
            self.store.set_meta("pin_hash", hash_pin(new))
            self._audit("pin_changed")

    def _set_setting(self, key: str, value: str, pin: str) -> None:
        self._refuse_if_finalized()
        self.check_pin(pin)
        self.backup("before-settings")
        with self.store.transaction():
            old = self.store.meta(key)
            self.store.set_meta(key, value)
            self._audit("setting", field=key, old=old, new=value)

    def set_levels(self, levels: tuple[int, ...], *, pin: str) -> None:
        self._set_setting("levels", ",".join(map(str, levels)), pin)

    def set_pass_mark(self, mark: str | Decimal, *, pin: str) -> None:
        try:
            value = Decimal(str(mark))
        except InvalidOperation:
            raise UsageError("pass_mark_invalid", value=mark) from None
        if not value.is_finite() or not (0 <= value <= 100):  # (NaN cannot even be compared)
            raise UsageError("pass_mark_invalid", value=mark)
        self._set_setting("pass_mark", str(value), pin)

    def set_certificate_policy(self, policy: str, *, pin: str) -> None:
        try:
            CertificatePolicy(policy)
        except ValueError:
            raise UsageError("policy_unknown", value=policy) from None
        self._set_setting("certificate_policy", policy, pin)

    def set_double_entry(self, on: bool, *, pin: str) -> None:
        if self.store.db.execute("SELECT 1 FROM mark_entries UNION ALL SELECT 1 FROM marks LIMIT 1").fetchone():
            raise RefusedError("double_entry_has_marks")
        self._set_setting("double_entry", "1" if on else "0", pin)
