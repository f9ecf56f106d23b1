"""Opaque random tokens and the hashed form in which they are stored."""

from __future__ import annotations

import hashlib
import secrets


def new_session_token() -> str:
    """An opaque, unguessable token; only its hash is ever stored."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token: a database leak does not hand out live sessions."""
    return hashlib.sha256(token.encode()).hexdigest()
