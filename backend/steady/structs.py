"""Base structs for request and response bodies.

Request bodies reject fields they do not know (a typo never silently drops data);
responses omit nothing and carry no defaults the client has to guess.
"""

from typing import Annotated

import msgspec

Weekday = Annotated[int, msgspec.Meta(ge=1, le=7, description="ISO weekday: 1 is Monday.")]
LocalTime = Annotated[
    str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, local.")
]


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A request body: unknown fields are an error, not something quietly ignored."""


class Output(msgspec.Struct, kw_only=True):
    """A response body."""
