"""CSRF protection bound to the session: a token another session's page cannot use.

The page reads the token from a readable cookie (or ``GET /api/session``) and echoes it in
``X-CSRF-Token`` on every state-changing API request; a forged cross-site request can make
the browser send cookies but cannot read them to set the header. For a signed-in browser
the token is an HMAC of its session token, so it changes with every sign-in and sign-out
and a token taken from another session is refused. Before sign-in (sign-up, sign-in) the
token is a random nonce signed with the server's secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

from litestar import Request
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware.base import DefineMiddleware
from litestar.types import ASGIApp, HTTPResponseStartEvent, Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState

from steady.cookies import SESSION_COOKIE, cookie_value, is_https

CSRF_COOKIE = "steady_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
REFUSAL = "CSRF token missing or incorrect: reload the page and try again."


def _mac(secret: bytes, purpose: bytes, value: str) -> str:
    digest = hmac.new(secret, purpose + value.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


class CsrfTokens:
    """Makes and checks tokens with the server's secret."""

    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()

    def for_session(self, session_token: str) -> str:
        """The one token a signed-in browser's writes must carry."""
        return "s." + _mac(self._secret, b"csrf-session:", session_token)

    def anonymous(self) -> str:
        """A fresh token for a browser that is not signed in."""
        nonce = secrets.token_urlsafe(18)
        return f"a.{nonce}.{_mac(self._secret, b'csrf-anonymous:', nonce)}"

    def _is_anonymous(self, token: str) -> bool:
        kind, _, rest = token.partition(".")
        nonce, _, mac = rest.partition(".")
        expected = _mac(self._secret, b"csrf-anonymous:", nonce)
        return kind == "a" and bool(nonce) and hmac.compare_digest(mac, expected)

    def expected(self, session_token: str | None, cookie_token: str | None) -> str | None:
        """The token this browser must echo, from its cookies, if it can write at all."""
        if session_token:
            return self.for_session(session_token)
        if cookie_token and self._is_anonymous(cookie_token):
            return cookie_token
        return None


def csrf_cookie(token: str, secure: bool) -> Cookie:
    """Readable by the page (it echoes it), never sent cross-site."""
    return Cookie(
        key=CSRF_COOKIE, value=token, path="/", httponly=False, samesite="strict", secure=secure
    )


def csrf_token_of(request: Request[Any, Any, Any]) -> str:
    """The token this request's browser holds from now on (for bodies that hand it out)."""
    token = ScopeState.from_scope(request.scope).csrf_token
    return token if isinstance(token, str) else ""


class CsrfMiddleware:
    """Refuse API writes without this browser's token; keep its cookie current."""

    def __init__(self, app: ASGIApp, tokens: CsrfTokens, force_secure: bool) -> None:
        self.app = app
        self.tokens = tokens
        self.force_secure = force_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        held = cookie_value(scope, CSRF_COOKIE)
        expected = self.tokens.expected(cookie_value(scope, SESSION_COOKIE), held)
        if scope["method"] not in SAFE_METHODS:
            sent = _header(scope, CSRF_HEADER.encode())
            if expected is None or not hmac.compare_digest(sent.encode(), expected.encode()):
                await _refuse(send)
                return
        state = ScopeState.from_scope(scope)
        state.csrf_token = current = expected or self.tokens.anonymous()
        secure = is_https(scope, self.force_secure)

        async def send_with_token(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                token = self._token_after(headers, current)
                if token != held:
                    headers.add("set-cookie", csrf_cookie(token, secure).to_header(header=""))
            await send(message)

        await self.app(scope, receive, send_with_token)

    def _token_after(self, headers: MutableScopeHeaders, current: str) -> str:
        """The token for the session this response leaves the browser with."""
        for value in headers.getall("set-cookie", []):
            if value.startswith(SESSION_COOKIE + "="):
                session = value.split(";", 1)[0].split("=", 1)[1].strip('"')
                if not session or "Max-Age=0" in value:
                    return self.tokens.anonymous()
                return self.tokens.for_session(session)
        return current


def csrf_middleware(tokens: CsrfTokens, force_secure: bool) -> DefineMiddleware:
    """Middleware definition for ``create_app``."""
    return DefineMiddleware(CsrfMiddleware, tokens=tokens, force_secure=force_secure)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


async def _refuse(send: Send) -> None:
    body = json.dumps({"status_code": 403, "detail": REFUSAL, "errors": []}).encode()
    start: HTTPResponseStartEvent = {
        "type": "http.response.start",
        "status": 403,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    await send(start)
    await send({"type": "http.response.body", "body": body, "more_body": False})
