"""The session cookie, and reading cookies from a raw ASGI scope (before any request exists)."""

from __future__ import annotations

from datetime import timedelta

from litestar.datastructures import Cookie
from litestar.types import Scope

SESSION_COOKIE = "steady_session"


def is_https(scope: Scope, force_secure: bool) -> bool:
    """Whether cookies for this request must carry ``Secure``."""
    return force_secure or scope.get("scheme") == "https"


def session_cookie(token: str, max_age: timedelta, secure: bool) -> Cookie:
    """The session cookie: HttpOnly so page scripts never see it, SameSite=Lax."""
    return Cookie(
        key=SESSION_COOKIE,
        value=token,
        max_age=int(max_age.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def expired_session_cookie(secure: bool) -> Cookie:
    """A cookie that tells the browser to forget the session at once."""
    return Cookie(
        key=SESSION_COOKIE,
        value="",
        max_age=0,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def cookie_value(scope: Scope, name: str) -> str | None:
    """One cookie's value from the request's ``Cookie`` header, if present and not empty."""
    for key, raw in scope.get("headers", []):
        if key != b"cookie":
            continue
        for part in raw.decode("latin-1").split(";"):
            cookie, _, value = part.strip().partition("=")
            if cookie == name and value:
                return value
    return None
