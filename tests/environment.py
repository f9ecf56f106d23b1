"""What both test suites (API and browser) set before Steady is imported.

Settings are read from the environment when the app is built, so this module imports
nothing from ``steady``: each suite's conftest calls it first, then imports the app.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

# argon2id at its cheapest: the tests check behaviour, not hashing cost.
FAST_ARGON2 = {
    "STEADY_ARGON2_TIME_COST": "1",
    "STEADY_ARGON2_MEMORY_KIB": "8",
    "STEADY_ARGON2_PARALLELISM": "1",
}


def free_port() -> int:
    """A loopback port nobody is listening on now, for a server a test starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def use_test_settings(data_dir: Path, frontend_dir: Path, **more: str) -> None:
    """Cheap hashing and generous limits (the tests check behaviour, not cost), and no
    background dispatcher: tests run dispatch passes themselves, or read what was queued."""
    os.environ.update(
        {
            "STEADY_DATA_DIR": str(data_dir),
            "STEADY_FRONTEND_DIR": str(frontend_dir),
            **FAST_ARGON2,
            "STEADY_SIGNUP_PER_HOUR": "1000",
            "STEADY_SIGNIN_PER_MINUTE": "1000",
            "STEADY_DISPATCHER_ENABLED": "false",
            "STEADY_CIRCLE_TICK_SECONDS": "0",
            "STEADY_TIDY_SECONDS": "0",
            **more,
        }
    )
