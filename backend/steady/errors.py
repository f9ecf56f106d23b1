"""Every 4xx a person can meet, as sentences a tired person understands.

Each answer lists its problems as ``{"field": "username", "message": "Your username needs at
least 3 characters."}``: the field, for the form to put the message beside the right input,
and a whole sentence the PWA shows as it is. Services raise domain errors (``steady.domain``)
whose messages are already sentences; the schema's own checks (lengths, ranges, formats) are
worded here, naming the field by what the person sees on screen (``LABELS``).
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import ClientException, SerializationException, ValidationException
from litestar.openapi.datastructures import ResponseSpec

from steady.domain import (
    Conflict,
    DomainError,
    Gone,
    InvalidField,
    InvalidFields,
    Limited,
    NotAllowed,
    NotFound,
    TooLarge,
)

# What each field is called on screen, as it reads inside a sentence.
LABELS: dict[str, str] = {
    "username": "your username",
    "passphrase": "your passphrase",
    "current_passphrase": "your current passphrase",
    "new_passphrase": "your new passphrase",
    "time_zone": "the time zone",
    "mood": "your mood",
    "energy": "your energy",
    "stress": "your stress",
    "connected": "how connected you feel",
    "context": "when this is",
    "body_signals": "a body signal",
    "tags": "a hard moment",
    "note": "your note",
    "setting_down": "what you're setting down",
    "recorded_at": "the time of the check-in",
    "local_date": "the day",
    "title": "the commitment",
    "why": "why it matters",
    "cadence": "how often",
    "weekdays": "the days",
    "on_date": "the date",
    "reminder_time": "the reminder time",
    "starts_on": "the first day",
    "text": "the text",
    "phone": "the phone number",
    "quiet_start": "the start of quiet hours",
    "quiet_end": "the end of quiet hours",
    "daily_cap": "the most reminders a day",
    "checkin_time": "the check-in reminder time",
    "decompress_minutes": "the time after a shift",
    "after_shift_minutes": "the time after a shift",
    "start": "the start",
    "end": "the end",
    "hours": "the shift length",
    "anchor": "the first day of the rotation",
    "on_days": "the days on",
    "off_days": "the days off",
    "started_at": "the start",
    "ended_at": "the end",
    "period": "the period",
    "parts": "what to share",
    "peer_id": "the peer",
    "token": "the invite link",
    "code": "the invite code",
    "preset": "the reply",
    "endpoint": "this phone's push address",
    "p256dh": "this phone's push key",
    "auth": "this phone's push secret",
    "duration_seconds": "how long it lasted",
    "exercise_id": "the exercise",
    "since": "the revision",
    "offset": "the position",
    "limit": "the page size",
}
# Fields whose format needs saying in their own words.
FORMATS: dict[str, str] = {
    "username": "Your username can use letters, numbers, dots, dashes and underscores,"
    " starting with a letter or a number.",
    "phone": "The phone number can use digits, spaces, brackets, dots and dashes, and may"
    " start with +.",
    "reminder_time": "The reminder time needs to be a time like 07:30.",
    "quiet_start": "The start of quiet hours needs to be a time like 22:00.",
    "quiet_end": "The end of quiet hours needs to be a time like 07:00.",
    "checkin_time": "The check-in reminder time needs to be a time like 20:00.",
}
_TYPE_WORDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "yes or no",
    "object": "an object",
    "array": "a list",
    "null": "empty",
}
_LIMITS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Expected `str` of length >= 1\b"), "{label} is needed."),
    (re.compile(r"Expected `array` of length >= 1\b"), "{label} needs at least one item."),
    (re.compile(r"Expected `str` of length >= (\d+)"), "{label} needs at least {0} characters."),
    (re.compile(r"Expected `str` of length <= (\d+)"), "{label} can be at most {0} characters."),
    (re.compile(r"Expected `array` of length >= (\d+)"), "{label} needs at least {0} items."),
    (re.compile(r"Expected `array` of length <= (\d+)"), "{label} can hold at most {0} items."),
    (re.compile(r"Expected `object` of length <= (\d+)"), "{label} can hold at most {0} items."),
    (re.compile(r"Expected `(?:int|float)` >= (\S+)"), "{label} needs to be at least {0}."),
    (re.compile(r"Expected `(?:int|float)` <= (\S+)"), "{label} can be at most {0}."),
    (re.compile(r"Expected `(?:int|float)` > (\S+)"), "{label} needs to be more than {0}."),
    (re.compile(r"Invalid enum value"), "{label} needs to be one of the choices offered."),
    (re.compile(r"Invalid UUID"), "{label} needs to be an id Steady made."),
    (re.compile(r"Invalid RFC3339 encoded datetime"), "{label} needs to be a date and time."),
    (re.compile(r"Invalid RFC3339 encoded date"), "{label} needs to be a date."),
    (re.compile(r"Invalid RFC3339 encoded time"), "{label} needs to be a time."),
    (re.compile(r"Expected `datetime` with a timezone"), "{label} needs a time zone offset."),
]
_MISSING = re.compile(r"Object missing required field `([^`]+)`")
_UNKNOWN = re.compile(r"Object contains unknown field `([^`]+)`")
_WRONG_TYPE = re.compile(r"Expected `([^`]+)`, got `([^`]+)`")
_PATTERN = re.compile(r"Expected `str` matching regex")
# A FieldValueError (steady.structs) names its field first: "`note`: must not ...".
_NAMED = re.compile(r"^`([^`]+)`: (.+)$", re.DOTALL)
_INDEXED = re.compile(r"\[\d+\]$")


class FieldError(msgspec.Struct, frozen=True):
    """One problem with one field of a request, as a sentence."""

    field: str
    message: str
    source: str = "body"


class ErrorBody(msgspec.Struct, frozen=True):
    """The body of every 4xx answer Steady gives."""

    status_code: int
    detail: str
    errors: list[FieldError] = []


BAD_INPUT = {
    400: ResponseSpec(
        data_container=ErrorBody,
        generate_examples=False,
        description="Bad input: each entry in errors names a field and says what would work.",
    )
}
"""``responses=`` for handlers that take input, so the OpenAPI (and the PWA's types) show it."""


def label_of(field: str) -> str:
    """How a field (``checkins[3].local_date``) is named inside a sentence."""
    last = field.rsplit(".", 1)[-1]
    name = _INDEXED.sub("", last)
    label = LABELS.get(name, "the " + name.replace("_", " "))
    parent = field[: -len(last)].rstrip(".")
    if parent or name != last:
        label += f" (at {field})"
    return label


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def plain_field_error(key: str, raw: str, source: str) -> FieldError:
    """Name the field precisely and say, in a sentence, what would work."""
    parent = "" if key in {"", "data", "body"} else key

    def located(name: str) -> str:
        return f"{parent}.{name}" if parent else name

    named = _NAMED.match(raw)
    if named:
        field = located(named.group(1))
        return FieldError(field, _sentence(f"{label_of(field)} {named.group(2)}."), source)
    missing = _MISSING.search(raw)
    if missing:
        field = located(missing.group(1))
        return FieldError(field, _sentence(f"{label_of(field)} is needed."), source)
    unknown = _UNKNOWN.search(raw)
    if unknown:
        field = located(unknown.group(1))
        return FieldError(field, f"Steady doesn't know a field called {field}.", source)
    field = parent or "body"
    label = label_of(field) if parent else "the request"
    wrong = _WRONG_TYPE.search(raw)
    if wrong:
        expected = " or ".join(
            _TYPE_WORDS.get(kind.strip(), kind.strip()) for kind in wrong.group(1).split("|")
        )
        return FieldError(field, _sentence(f"{label} needs to be {expected}."), source)
    if _PATTERN.search(raw):
        name = _INDEXED.sub("", field.rsplit(".", 1)[-1])
        text = FORMATS.get(name) or _sentence(f"{label} isn't in a form Steady understands.")
        return FieldError(field, text, source)
    for pattern, template in _LIMITS:
        found = pattern.search(raw)
        if found:
            return FieldError(
                field, _sentence(template.format(*found.groups(), label=label)), source
            )
    return FieldError(field, _sentence(f"{label} isn't right: {raw}."), source)


def _answer(
    status: int, detail: str, errors: list[FieldError], headers: dict[str, str] | None = None
) -> Response[ErrorBody]:
    return Response(
        ErrorBody(status_code=status, detail=detail, errors=errors),
        status_code=status,
        media_type=MediaType.JSON,
        headers=headers,
    )


def client_error_response(_: Request[Any, Any, Any], exc: ClientException) -> Response[ErrorBody]:
    """Answer a 4xx that lists every bad field with a sentence, never a generic failure."""
    extra = (
        exc.extra if isinstance(exc, ValidationException) and isinstance(exc.extra, list) else []
    )
    errors = [
        plain_field_error(
            str(item.get("key", "")), str(item.get("message", "")), str(item.get("source", "body"))
        )
        for item in extra
        if isinstance(item, dict)
    ]
    if errors:
        detail = " ".join(error.message for error in errors)
    else:
        detail = str(exc.detail)
        if isinstance(exc.__cause__, SerializationException):
            detail = "Steady couldn't read that request: it isn't valid JSON."
    return _answer(exc.status_code, detail, errors, exc.headers)


def domain_error_response(_: Request[Any, Any, Any], exc: DomainError) -> Response[ErrorBody]:
    """The one place a service's domain error becomes an HTTP answer."""
    field = getattr(exc, "field", None)
    errors = [FieldError(field=field, message=exc.message)] if field else []
    if isinstance(exc, InvalidFields):
        errors = [FieldError(field=name, message=message) for name, message in exc.problems]
    headers: dict[str, str] = {}
    if isinstance(exc, Limited):
        headers["Retry-After"] = str(exc.retry_after)
        status = 503 if exc.busy else 429
    else:
        status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
    return _answer(status, exc.message, errors, headers)


_STATUS: dict[type[DomainError], int] = {
    InvalidField: 400,
    InvalidFields: 400,
    NotAllowed: 403,
    NotFound: 404,
    Conflict: 409,
    Gone: 410,
    TooLarge: 413,
}


def too_deep_response(request: Request[Any, Any, Any], exc: RecursionError) -> Response[ErrorBody]:
    """A JSON body nested thousands deep (no Steady schema nests past a few levels): 400.

    Only the JSON decoder's own recursion error is the client's doing; any other is a bug
    and stays a 500."""
    if "deserializing" not in str(exc):
        raise exc
    return client_error_response(
        request,
        ClientException(detail="The request is nested far deeper than any Steady request."),
    )
