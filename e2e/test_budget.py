"""Byte budget: the JavaScript a first visit downloads stays at or under 40 KB gzipped."""

from __future__ import annotations

import gzip
import json

from .conftest import DIST

BUDGET_BYTES = 40 * 1024


def first_load_chunks() -> set[str]:
    """What every first visit downloads: the boot entry, the app it imports right after the
    first paint (its dynamic import), and everything those import statically. Lazy routes
    (imported dynamically by the app) load only when visited."""
    manifest = json.loads((DIST / ".vite" / "manifest.json").read_text())
    entry = next(key for key, chunk in manifest.items() if chunk.get("isEntry"))
    seen: set[str] = set()
    stack = [entry, *manifest[entry].get("dynamicImports", [])]
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        stack.extend(manifest[key].get("imports", []))
    return {manifest[key]["file"] for key in seen}


def gzipped_size(path: str) -> int:
    return len(gzip.compress((DIST / path).read_bytes(), compresslevel=9))


def test_first_load_javascript_is_within_budget(capsys: object) -> None:
    chunks = sorted(first_load_chunks())
    first_load = sum(gzipped_size(chunk) for chunk in chunks)
    every_js = sorted(
        p.relative_to(DIST).as_posix()
        for p in (DIST / "assets").glob("*.js")
        if not p.name.startswith("prerender-")  # build-time only, never shipped
    )
    total = sum(gzipped_size(chunk) for chunk in every_js)
    worker = gzipped_size("sw.js")
    with capsys.disabled():  # type: ignore[attr-defined]
        print(
            f"\nJS budget: first load {first_load / 1024:.1f} KB gzipped "
            f"({len(chunks)} chunks) of {BUDGET_BYTES // 1024} KB; "
            f"all app JS {total / 1024:.1f} KB; service worker {worker / 1024:.1f} KB"
        )
    assert first_load <= BUDGET_BYTES
