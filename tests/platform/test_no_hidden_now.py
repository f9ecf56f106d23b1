"""No hidden "now": the server reads the wall clock only in ``steady/clock.py``, and the
tests only through ``tests/clock.py`` (which moves that clock). A read anywhere else is a
moment a test cannot move, the kind of thing that makes a suite pass on Tuesdays only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Calls that read the wall clock (matched on the end of the dotted name).
WALL_CLOCK = (
    "datetime.now",
    "datetime.utcnow",
    "datetime.today",
    "date.today",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
    # Piccolo's column defaults that stamp rows with the wall clock themselves.
    "TimestamptzNow",
    "TimestampNow",
    "DateNow",
)
SEAMS = {ROOT / "backend" / "steady" / "clock.py", ROOT / "tests" / "clock.py"}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) of every read of the wall clock in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if any(name == read or name.endswith("." + read) for read in WALL_CLOCK):
                found.append((node.lineno, name))
        elif isinstance(node, ast.ImportFrom) and node.module in {"time", "datetime"}:
            for alias in node.names:
                if node.module == "time" and alias.name in {"time", "time_ns", "localtime"}:
                    found.append((node.lineno, f"from time import {alias.name}"))
    return found


def _python_files() -> list[Path]:
    """The server's code and the tests. Not the Piccolo migrations: they are the schema's
    history, and their defaults only ever become SQL ``DEFAULT`` clauses."""
    folders = [ROOT / "backend" / "steady", ROOT / "tests", ROOT / "e2e"]
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*.py")
        if "piccolo_migrations" not in path.parts
    )


def test_only_the_clock_seams_read_the_wall_clock() -> None:
    hidden = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in _python_files()
        if path not in SEAMS
        for line, what in wall_clock_reads(path.read_text())
    ]
    assert hidden == [], "read the time through steady.clock (tests: the clock fixture):\n" + (
        "\n".join(hidden)
    )


def test_the_audit_finds_each_way_of_reading_the_clock() -> None:
    source = "\n".join(
        [
            "import datetime, time",
            "from time import time as seconds",
            "a = datetime.datetime.now(datetime.UTC)",
            "b = datetime.date.today()",
            "c = time.time()",
            "d = Timestamptz(default=TimestamptzNow())",
            "e = loop.time()",  # the event loop's monotonic clock: fine
        ]
    )
    assert [line for line, _ in wall_clock_reads(source)] == [2, 3, 4, 5, 6]
