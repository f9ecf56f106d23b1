"""The API's published contract: every status an operation can answer, with its body.

Most answers follow from what an operation is: one that takes input can answer 400 (and
413 for a body past the size limit), one that needs a session 401, a write refused for its
CSRF token 403, one that names a record in its path 404. The rest an operation declares
itself, as ``opt={"answers": (409, 429)}`` on its route decorator. ``document_answers``
adds them all to each handler before the OpenAPI document is first built, so the document
(and the PWA's generated types) lists exactly what the server says.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.openapi.datastructures import ResponseSpec
from litestar.routes import HTTPRoute
from litestar.status_codes import HTTP_204_NO_CONTENT

from steady.errors import ErrorBody

WHY = {
    400: "Bad input: each entry in errors names a field and what is wrong with it.",
    401: "Not signed in (or the session ended): sign in and try again.",
    403: "The CSRF token is missing, or belongs to another session.",
    404: "Nothing here for you (it may never have existed, or was taken back).",
    409: "It clashes with what is stored now; detail says how.",
    410: "It was deleted for good.",
    413: "The request is larger than Steady accepts.",
    429: "Too many attempts: wait for Retry-After seconds.",
    503: "Steady is busy: try again after Retry-After seconds.",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Parameters the framework fills in, not the client.
_INJECTED = frozenset({"principal", "request", "state", "settings", "passphrases"})


def _spec(status: int) -> ResponseSpec:
    return ResponseSpec(data_container=ErrorBody, generate_examples=False, description=WHY[status])


def answers_for(handler: Any, route: HTTPRoute) -> set[int]:
    """The error statuses a handler can answer, from its shape and its declared ``answers``."""
    parameters = handler.parsed_fn_signature.parameters
    statuses = set(handler.opt.get("answers", ()))
    takes_input = any(name not in _INJECTED for name in parameters)
    if takes_input:
        statuses.add(400)
    if "data" in parameters:
        statuses.add(413)
    principal = parameters.get("principal")
    if principal is not None and "None" not in repr(principal.annotation):
        statuses.add(401)
    if not handler.http_methods <= SAFE_METHODS:
        statuses.add(403)
    if route.path_parameters:
        statuses.update({400, 404})
    return statuses


def document_answers(app: Litestar) -> None:
    """Add every error answer to each API handler's documented responses."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or not route.path.startswith("/api"):
            continue
        for handler in route.route_handlers:
            declared = dict(handler.responses or {})
            if handler.status_code == HTTP_204_NO_CONTENT:
                declared.setdefault(
                    HTTP_204_NO_CONTENT,
                    ResponseSpec(data_container=None, description="Done; nothing to return."),
                )
            for status in sorted(answers_for(handler, route)):
                declared.setdefault(status, _spec(status))
            handler.responses = declared
