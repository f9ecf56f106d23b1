"""A person's reminder preferences until they change one: written here once, used by the
table's column defaults, the API's request defaults and planning."""

from __future__ import annotations

from typing import Any

QUIET_START = "22:00"
QUIET_END = "07:00"
DAILY_CAP = 6
AFTER_SHIFT_MINUTES = 30

DEFAULT_PREFS: dict[str, Any] = {
    "quiet_start": QUIET_START,
    "quiet_end": QUIET_END,
    "daily_cap": DAILY_CAP,
    "show_details": False,
    "checkin_time": None,
    "decompress_minutes": None,
    "after_shift_minutes": AFTER_SHIFT_MINUTES,
    "followups": False,
    "schedule": "",
}
