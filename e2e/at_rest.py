"""Looking for words that must not be at rest: in the server's files (the SQLite database,
its WAL, the log), raw, in hex and in base64 at each byte alignment."""

from __future__ import annotations

import base64
from pathlib import Path


def _forms(canary: str) -> list[bytes]:
    """The canary as it could sit at rest: raw, hex, and base64 at each of the three byte
    alignments (its characters that don't depend on what came before it)."""
    raw = canary.encode()
    forms = [raw, raw.hex().encode(), raw.hex().upper().encode()]
    for pad in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * pad + raw)
            skip = (pad * 4 + 2) // 3
            forms.append(encoded[skip + 1 : -3])
    return forms


def found_at_rest(canary: str, files: list[Path]) -> list[str]:
    blobs = {path.name: path.read_bytes() for path in files if path.exists()}
    return [name for name, blob in blobs.items() for form in _forms(canary) if form in blob]
