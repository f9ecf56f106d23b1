"""Base structs for request and response bodies.

Request bodies reject fields they do not know (a typo never silently drops data), refuse
control characters in text (a NUL byte is text PostgreSQL cannot even store; newlines and
tabs are fine only in fields a person writes freely) and dates outside a sane range (a
check-in from the year 1 is a mistake, and date arithmetic on it fails). Responses omit
nothing and carry no defaults the client has to guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

import msgspec

Weekday = Annotated[int, msgspec.Meta(ge=1, le=7, description="ISO weekday: 1 is Monday.")]
LocalTime = Annotated[
    str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, local.")
]
# Ids the database hands out (serial columns): what fits in a 32-bit integer.
SERIAL_MAX = 2**31 - 1
# Revisions and counts the client echoes back: what a JavaScript number holds exactly.
COUNTER_MAX = 2**53 - 1

EARLIEST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FieldValueError(ValueError):
    """A field's value that the schema's types allow but Steady does not.

    Raised inside ``__post_init__``, msgspec reports it with the struct's location; the
    field is named first, between backticks, so ``steady.errors`` can name it precisely.
    """

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"`{field}`: {reason}")


def _check(field: str, value: Any, free_text: bool) -> None:
    if isinstance(value, str):
        pattern = _CONTROL_BUT_LINES if free_text else _CONTROL
        if pattern.search(value):
            allowed = " (new lines and tabs are fine)" if free_text else ""
            raise FieldValueError(field, f"must not contain control characters{allowed}")
    elif isinstance(value, datetime):
        day = value.astimezone(UTC).date() if value.tzinfo else value.date()
        if not EARLIEST_DAY <= day <= LAST_DAY:
            raise FieldValueError(field, f"must be between {EARLIEST_DAY} and {LAST_DAY}")
    elif isinstance(value, date):
        if not EARLIEST_DAY <= value <= LAST_DAY:
            raise FieldValueError(field, f"must be between {EARLIEST_DAY} and {LAST_DAY}")
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check(field, item, free_text)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check(field, key, False)
            _check(field, item, free_text)


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A request body: unknown fields are an error, not something quietly ignored."""

    # Fields a person writes freely, where new lines and tabs belong.
    free_text_fields: ClassVar[frozenset[str]] = frozenset()

    def __post_init__(self) -> None:
        for field in self.__struct_fields__:
            _check(field, getattr(self, field), field in self.free_text_fields)


class Output(msgspec.Struct, kw_only=True):
    """A response body."""
