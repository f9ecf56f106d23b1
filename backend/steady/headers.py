"""Security and caching headers on every response, pages and assets included.

Set in a ``before_send`` hook rather than per route: Litestar's static files and its
not-found answers bypass route middleware, and the page itself needs the CSP most.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        # WebAssembly may compile (Argon2id on the phone); JavaScript eval stays forbidden.
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "screen-wake-lock=(self)",
    ]
)

SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": PERMISSIONS_POLICY,
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}

IMMUTABLE = "public, max-age=31536000, immutable"


def cache_policy(path: str) -> str:
    """Hashed build assets are immutable; API answers are private; the rest revalidates."""
    if path.startswith("/api/") or path == "/healthz":
        return "no-store"
    if path.startswith("/assets/"):
        return IMMUTABLE
    return "no-cache"


async def add_security_headers(message: Message, scope: Scope) -> None:
    """``before_send`` hook: stamp the headers on each response's start message."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    for name, value in SECURITY_HEADERS.items():
        headers[name] = value
    if scope.get("scheme") == "https":
        headers["strict-transport-security"] = "max-age=31536000"
    headers["cache-control"] = cache_policy(scope.get("path", ""))
