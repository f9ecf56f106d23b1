"""Sessions, CSRF and rate limits: the plumbing every signed-in request passes through.

This module knows nothing about where accounts live. ``create_app`` hands the session
middleware a resolver (the accounts feature's ``principal_for_token``) that turns the
opaque cookie token into a ``Principal``; routes ask for ``principal`` to require one.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import msgspec
from litestar import Request
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, TooManyRequestsException
from litestar.middleware.base import DefineMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState

SESSION_COOKIE = "steady_session"
CSRF_COOKIE = "steady_csrf"
CSRF_HEADER = "x-csrf-token"


class Principal(msgspec.Struct, frozen=True):
    """The signed-in person behind a request."""

    user_id: int
    session_id: int
    username: str
    # Set when the session's expiry slid forward, so the cookie is sent again.
    renewed_token: str | None = None


SessionResolver = Callable[[str], Awaitable[Principal | None]]


def new_session_token() -> str:
    """An opaque, unguessable token; only its hash is ever stored."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token: a database leak does not hand out live sessions."""
    return hashlib.sha256(token.encode()).hexdigest()


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


class SessionMiddleware:
    """Resolve the session cookie into ``scope["user"]`` (a ``Principal`` or ``None``)."""

    def __init__(
        self,
        app: ASGIApp,
        resolver: SessionResolver,
        session_lifetime: timedelta,
        force_secure: bool,
    ) -> None:
        self.app = app
        self.resolver = resolver
        self.session_lifetime = session_lifetime
        self.force_secure = force_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        principal: Principal | None = None
        token = _cookie_value(scope, SESSION_COOKIE)
        if token:
            principal = await self.resolver(token)
        scope["user"] = principal
        if principal is None or principal.renewed_token is None:
            await self.app(scope, receive, send)
            return
        cookie = session_cookie(
            principal.renewed_token, self.session_lifetime, is_https(scope, self.force_secure)
        )

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                if not any(
                    v.startswith(SESSION_COOKIE + "=") for v in headers.getall("set-cookie", [])
                ):
                    headers.add("set-cookie", cookie.to_header(header=""))
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def session_middleware(
    resolver: SessionResolver, session_lifetime: timedelta, force_secure: bool
) -> DefineMiddleware:
    """Middleware definition for ``create_app``."""
    return DefineMiddleware(
        SessionMiddleware,
        resolver=resolver,
        session_lifetime=session_lifetime,
        force_secure=force_secure,
    )


def require_principal(request: Request[Any, Any, Any]) -> Principal:
    """Dependency for routes that need a signed-in person: 401 otherwise."""
    principal = request.scope.get("user")
    if not isinstance(principal, Principal):
        raise NotAuthorizedException(detail="Please sign in to do that.")
    return principal


def optional_principal(request: Request[Any, Any, Any]) -> Principal | None:
    """Dependency for routes that answer both signed-in and signed-out visitors."""
    principal = request.scope.get("user")
    return principal if isinstance(principal, Principal) else None


def csrf_token_of(request: Request[Any, Any, Any]) -> str:
    """The CSRF token for this client, for pages and workers that cannot read cookies."""
    token = ScopeState.from_scope(request.scope).csrf_token
    return token if isinstance(token, str) else ""


def csrf_config(secret: str, secure: bool) -> CSRFConfig:
    """Double-submit CSRF protection on every state-changing request.

    The page reads the (non-HttpOnly) token cookie and echoes it in ``X-CSRF-Token``;
    a forged cross-site form can send the cookie but cannot read it to set the header.
    """
    return CSRFConfig(
        secret=secret,
        cookie_name=CSRF_COOKIE,
        header_name=CSRF_HEADER,
        cookie_secure=secure,
        cookie_samesite="strict",
        cookie_httponly=False,
        # Only the API takes part: static files and pages neither need nor set the token,
        # so parallel asset loads cannot race each other into a mismatched cookie.
        exclude=[r"^/(?!api/)."],
    )


class RateLimited(TooManyRequestsException):
    """Too many attempts in a window; ``Retry-After`` says when to try again."""


_limit_lock = asyncio.Lock()


async def enforce_rate_limit(
    request: Request[Any, Any, Any], bucket: str, key: str, limit: int, window_seconds: int
) -> None:
    """Count one attempt for ``key`` in ``bucket`` and refuse it past ``limit`` per window.

    Limits come from settings at request time, so tests and operators can tune them;
    counts live in the app's ``rate_limits`` store (in memory unless configured otherwise).
    """
    store = request.app.stores.get("rate_limits")
    now = int(time.time())
    window_start = now - now % window_seconds
    store_key = f"{bucket}:{hash_token(key)}:{window_start}"
    async with _limit_lock:
        raw = await store.get(store_key)
        count = int(raw or 0) + 1
        await store.set(store_key, str(count), expires_in=window_seconds)
    if count > limit:
        retry_after = max(1, window_start + window_seconds - now)
        raise RateLimited(
            detail="Too many attempts. Please wait a little and try again.",
            headers={"Retry-After": str(retry_after)},
        )


_BROWSERS = (
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Mac OS X", "Mac"),
    ("Windows", "Windows"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """A short, human name for a device ("Chrome on Android"), never the raw header."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), "")
    return f"{browser} on {system}" if system else browser


def client_address(request: Request[Any, Any, Any]) -> str:
    """The peer address rate limits count against (put a proxy's real-IP fix in front)."""
    return request.client.host if request.client else "unknown"


def _cookie_value(scope: Scope, name: str) -> str | None:
    raw = _header_value(scope, b"cookie")
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value:
            return value
    return None


def _header_value(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""
