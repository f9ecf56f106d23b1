"""Sessions: who is behind a request, resolved once for every route that asks.

This module knows nothing about where accounts live. ``create_app`` hands the session
middleware a resolver (the accounts feature's ``principal_for_token``) that turns the
opaque cookie token into a ``Principal``; routes ask for ``principal`` to require one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import msgspec
from litestar import Request
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException
from litestar.middleware.base import DefineMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from steady.cookies import SESSION_COOKIE, cookie_value, is_https, session_cookie


class Principal(msgspec.Struct, frozen=True):
    """The signed-in person behind a request."""

    user_id: int
    session_id: int
    username: str
    # Set when the session's expiry slid forward, so the cookie is sent again.
    renewed_token: str | None = None


SessionResolver = Callable[[str], Awaitable[Principal | None]]


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
        token = cookie_value(scope, SESSION_COOKIE)
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
