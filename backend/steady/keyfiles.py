"""Secrets that live in the data folder: made on first start, never committed.

Files are created with ``O_EXCL`` and mode 0600, so two instances starting together
agree on one key and no other local user can read it.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make: Callable[[], bytes]) -> bytes:
    """The file's bytes, writing ``make()`` there first if the file does not exist yet."""
    # The data folder holds the database and keys: only this user may look inside.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    content = make()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    return content


def load_or_create_secret_key(data_dir: Path) -> str:
    """The signing secret for CSRF tokens."""
    return read_or_create(data_dir / "secret_key", lambda: secrets.token_hex(32).encode()).decode()
