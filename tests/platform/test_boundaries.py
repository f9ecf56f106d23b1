"""The house's walls, checked on every build: a feature reaches another only through its
``service.py``, the events it announces (its ``events.py``) and the shapes in its
``schemas.py``, never its tables or routes; an ``events.py`` holds event classes and
nothing else; shared plumbing knows no feature; services know nothing of HTTP."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "backend" / "steady"
FEATURES = sorted(
    path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()
)
# The composition root: the one place that knows every feature.
ROOT = {"app.py", "piccolo_conf.py", "__main__.py"}
# What one feature may use of another.
OPEN_DOORS = {"service", "events", "schemas"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _imports_that(paths: Iterable[Path], crosses: Callable[[str], bool]) -> list[str]:
    """Every import in ``paths`` that ``crosses`` a wall, as "file imports module"."""
    return [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in paths
        for module in _imports(path)
        if crosses(module)
    ]


def _sources(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*.py") if "piccolo_migrations" not in path.parts]


def test_a_feature_reaches_another_only_through_its_service() -> None:
    breaches = []
    for feature in FEATURES:
        for path in _sources(PACKAGE / feature):
            for module in _imports(path):
                parts = module.split(".")
                if len(parts) < 3 or parts[0] != "steady" or parts[1] not in FEATURES:
                    continue
                other, door = parts[1], parts[2]
                if other == feature or door in OPEN_DOORS:
                    continue
                # A table may point at an account (a foreign key), as every feature's does.
                if (other, door, path.name) == ("accounts", "tables", "tables.py"):
                    continue
                breaches.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert breaches == []


def test_a_service_exports_only_what_others_use() -> None:
    """A ``service.py`` that re-exports its feature's modules (``__all__``) lists only what
    other features, or the app, import of it."""
    unused = []
    for path in PACKAGE.glob("*/service.py"):
        tree = ast.parse(path.read_text())
        exported = {
            element.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, ast.List)
            for element in node.value.elts
            if isinstance(element, ast.Constant)
        }
        door = f"steady.{path.parent.name}.service"
        used = {
            module.removeprefix(f"{door}.")
            for source in _sources(PACKAGE)
            if source.parent != path.parent
            for module in _imports(source)
            if module.startswith(f"{door}.")
        }
        unused += [f"{door}.{name}" for name in sorted(exported - used)]
    assert unused == []


def test_an_events_module_holds_only_events() -> None:
    """Another feature may import it, so it opens onto nothing but ``steady.events``."""
    breaches = _imports_that(
        PACKAGE.glob("*/events.py"),
        lambda module: module.startswith("steady") and not module.startswith("steady.events"),
    )
    assert breaches == []


def test_plumbing_knows_no_feature() -> None:
    breaches = _imports_that(
        (path for path in PACKAGE.glob("*.py") if path.name not in ROOT),
        lambda module: module.split(".")[:2][-1] in FEATURES and module.startswith("steady."),
    )
    assert breaches == []


def test_no_service_imports_litestar() -> None:
    breaches = _imports_that(
        PACKAGE.rglob("service.py"),
        lambda module: module == "litestar" or module.startswith("litestar."),
    )
    assert breaches == []


def test_the_walls_are_checked_on_something_real() -> None:
    assert {"accounts", "checkins", "reminders", "shifts", "sharing", "portability"} <= set(
        FEATURES
    )
    assert "steady.shifts.service" in _imports(PACKAGE / "commitments" / "service.py")
