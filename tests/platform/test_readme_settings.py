"""The README's configuration table lists exactly the settings Steady reads, with their
defaults: a setting added, renamed or given a new default fails here until the README says
so too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec

from steady.settings import ENV_PREFIX, PUBLIC_PUSH_SERVICES, Settings

README = Path(__file__).resolve().parents[2] / "README.md"
# Defaults the table describes in words rather than as a value.
IN_WORDS = {
    "sqlite:///<data dir>/steady.db": "",
    "the public push services": PUBLIC_PUSH_SERVICES,
    "(empty)": "",
    "./data": "data",
}


def _table() -> dict[str, str]:
    """Each documented variable and its default, as written."""
    documented: dict[str, str] = {}
    for line in README.read_text().splitlines():
        if not line.startswith(f"| `{ENV_PREFIX}"):
            continue
        name_cell, default_cell = (cell.strip() for cell in line.strip("|").split("|")[:2])
        (name,) = re.findall(r"`([A-Z0-9_]+)`", name_cell)
        documented[name] = default_cell.strip("`")
    return documented


def _as_written(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_the_readme_lists_exactly_the_settings_with_their_defaults() -> None:
    documented = _table()
    fields = {
        ENV_PREFIX + field.name.upper(): field.default for field in msgspec.structs.fields(Settings)
    }
    assert sorted(documented) == sorted(fields)
    wrong = {
        name: (written, _as_written(fields[name]))
        for name, written in documented.items()
        if IN_WORDS.get(written, written) != _as_written(fields[name])
    }
    assert wrong == {}
