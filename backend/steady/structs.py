"""Base structs for request and response bodies.

Request bodies reject fields they do not know (a typo never silently drops data);
responses omit nothing and carry no defaults the client has to guess.
"""

import msgspec


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A request body: unknown fields are an error, not something quietly ignored."""


class Output(msgspec.Struct, kw_only=True):
    """A response body."""
