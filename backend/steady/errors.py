"""Turn validation failures into answers a person (and the form that sent them) can act on.

Litestar reports msgspec's errors with the parent's key for missing and unknown fields and
with type jargon ("Expected `str` of length >= 3"). Every 400 from Steady instead lists each
problem as ``{"field": "username", "message": "must be at least 3 characters"}``, so the
client can put the message beside the right input.
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
    Limited,
    NotFound,
    TooLarge,
)

_TYPE_WORDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "empty",
}

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Expected `str` of length >= (\d+)"), "must be at least {0} characters"),
    (re.compile(r"Expected `str` of length <= (\d+)"), "must be at most {0} characters"),
    (re.compile(r"Expected `array` of length >= (\d+)"), "needs at least {0} items"),
    (re.compile(r"Expected `array` of length <= (\d+)"), "can hold at most {0} items"),
    (re.compile(r"Expected `object` of length <= (\d+)"), "can hold at most {0} entries"),
    (re.compile(r"Expected `(?:int|float)` >= (\S+)"), "must be at least {0}"),
    (re.compile(r"Expected `(?:int|float)` <= (\S+)"), "must be at most {0}"),
    (re.compile(r"Expected `str` matching regex"), "is not in the expected format"),
    (re.compile(r"Invalid enum value '?([^']*)'?"), "'{0}' is not one of the allowed choices"),
    (re.compile(r"Invalid UUID"), "must be a UUID"),
    (re.compile(r"Invalid RFC3339 encoded datetime"), "must be a date and time (RFC 3339)"),
    (re.compile(r"Invalid RFC3339 encoded date"), "must be a date (YYYY-MM-DD)"),
    (re.compile(r"Invalid RFC3339 encoded time"), "must be a time (HH:MM)"),
]

# A FieldValueError (steady.structs) names its field first: "`note`: must not ...".
_NAMED = re.compile(r"^`([^`]+)`: (.+)$", re.DOTALL)
_MISSING = re.compile(r"Object missing required field `([^`]+)`")
_UNKNOWN = re.compile(r"Object contains unknown field `([^`]+)`")
_WRONG_TYPE = re.compile(r"Expected `([^`]+)`, got `([^`]+)`")


class FieldError(msgspec.Struct, frozen=True):
    """One problem with one field of a request."""

    field: str
    message: str
    source: str = "body"


class ErrorBody(msgspec.Struct, frozen=True):
    """The body of every 4xx answer Steady gives for bad input."""

    status_code: int
    detail: str
    errors: list[FieldError] = []


BAD_INPUT = {
    400: ResponseSpec(
        data_container=ErrorBody,
        generate_examples=False,
        description="Bad input: each entry in errors names a field and what is wrong with it.",
    )
}
"""``responses=`` for handlers that take input, so the OpenAPI (and the PWA's types) show it."""


def plain_field_error(key: str, raw: str, source: str) -> FieldError:
    """Name the field precisely and say what is wrong with it in plain words."""
    parent = "" if key in {"", "data", "body"} else key
    named = _NAMED.match(raw)
    if named:
        name, reason = named.groups()
        return FieldError(
            field=f"{parent}.{name}" if parent else name, message=reason, source=source
        )
    for pattern, reason in ((_MISSING, "is required"), (_UNKNOWN, "is not a field Steady knows")):
        found = pattern.search(raw)
        if found:
            name = found.group(1)
            return FieldError(
                field=f"{parent}.{name}" if parent else name, message=reason, source=source
            )
    field = parent or "body"
    wrong = _WRONG_TYPE.search(raw)
    if wrong:
        expected = " or ".join(
            _TYPE_WORDS.get(t.strip(), t.strip()) for t in wrong.group(1).split("|")
        )
        return FieldError(field=field, message=f"must be {expected}", source=source)
    for pattern, template in _RULES:
        found = pattern.search(raw)
        if found:
            return FieldError(field=field, message=template.format(*found.groups()), source=source)
    return FieldError(field=field, message=raw, source=source)


def client_error_response(_: Request[Any, Any, Any], exc: ClientException) -> Response[ErrorBody]:
    """Answer a 4xx that lists every bad field by name, never a generic failure."""
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
        detail = "; ".join(f"{e.field}: {e.message}" for e in errors)
    else:
        detail = str(exc.detail)
        if isinstance(exc.__cause__, SerializationException):
            detail = f"The request body is not valid JSON ({detail})."
    return Response(
        ErrorBody(status_code=exc.status_code, detail=detail, errors=errors),
        status_code=exc.status_code,
        media_type=MediaType.JSON,
        headers=exc.headers,
    )


def too_deep_response(request: Request[Any, Any, Any], exc: RecursionError) -> Response[ErrorBody]:
    """A JSON body nested thousands deep (no Steady schema nests past a few levels): 400.

    Only the JSON decoder's own recursion error is the client's doing; any other is a bug
    and stays a 500."""
    if "deserializing" not in str(exc):
        raise exc
    return client_error_response(
        request,
        ClientException(detail="The request body is nested far deeper than any Steady request."),
    )


def field_error(field: str, message: str, status_code: int = 400) -> ValidationException:
    """Raise-able 4xx for rules msgspec cannot express (for example an unknown time zone)."""
    return ValidationException(
        detail=f"{field}: {message}",
        extra=[{"key": field, "message": message, "source": "body"}],
        status_code=status_code,
    )


def domain_error_response(_: Request[Any, Any, Any], exc: DomainError) -> Response[ErrorBody]:
    """The one place a service's domain error becomes an HTTP answer."""
    headers: dict[str, str] = {}
    errors: list[FieldError] = []
    if isinstance(exc, InvalidField):
        status = 400
        errors.append(FieldError(field=exc.field, message=exc.message))
    elif isinstance(exc, NotFound):
        status = 404
    elif isinstance(exc, Conflict):
        status = 409
        if exc.field is not None:
            errors.append(FieldError(field=exc.field, message=exc.message))
    elif isinstance(exc, Gone):
        status = 410
    elif isinstance(exc, TooLarge):
        status = 413
    elif isinstance(exc, Limited):
        status = 503 if exc.busy else 429
        headers["Retry-After"] = str(exc.retry_after)
    else:
        status = 400
    return Response(
        ErrorBody(status_code=status, detail=exc.message, errors=errors),
        status_code=status,
        media_type=MediaType.JSON,
        headers=headers,
    )
