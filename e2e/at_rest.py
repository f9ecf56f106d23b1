"""Looking for words that must not be at rest: in the server's files (the SQLite database,
its WAL, the log), raw, in hex and in base64 at each byte alignment."""

from __future__ import annotations

import base64
import subprocess
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


def _bytes_of(path: Path) -> bytes:
    """A file's bytes, read by another process: the server runs in this one, and closing
    any file handle on its database here would drop every POSIX lock this process holds
    on it (SQLite's locks included), so a second process using the database — the host's
    reset-keys command — would think itself the last and take the WAL away."""
    return subprocess.run(["cat", str(path)], capture_output=True, check=True).stdout  # noqa: S603, S607


def found_at_rest(canary: str, files: list[Path]) -> list[str]:
    """The names of the files holding the canary in any at-rest form."""
    blobs = {path.name: _bytes_of(path) for path in files if path.exists()}
    return [name for name, blob in blobs.items() for form in _forms(canary) if form in blob]
