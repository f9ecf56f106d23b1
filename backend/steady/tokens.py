"""Opaque random tokens and the hashed form in which they are stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass


def new_session_token() -> str:
    """An opaque, unguessable token; only its hash is ever stored."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token: a database leak does not hand out live sessions."""
    return hashlib.sha256(token.encode()).hexdigest()


# Read aloud without confusion: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


@dataclass(frozen=True)
class InviteSecrets:
    """A one-time invite as given out (a link's token and a code to read aloud) and the
    hashes that are all the server keeps of them."""

    token: str
    code: str  # shown as ABCD-EFGH
    token_hash: str
    code_hash: str


def new_invite_secrets() -> InviteSecrets:
    """A fresh link token and spoken code (for a peer, or a circle)."""
    token = secrets.token_urlsafe(24)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return InviteSecrets(token, f"{code[:4]}-{code[4:]}", hash_token(token), hash_token(code))


def normalise_code(code: str) -> str:
    """A spoken code as typed ("abcd efgh", "ABCD-EFGH") in its one canonical form."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def invite_hashes(token: str | None, code: str | None) -> tuple[str | None, str | None]:
    """The stored forms to look an invite up by: its token's hash, or its code's."""
    if token:
        return hash_token(token), None
    if code:
        return None, hash_token(normalise_code(code))
    return None, None
