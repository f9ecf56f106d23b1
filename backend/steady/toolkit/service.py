"""Reading and saving the safety plan with optimistic concurrency.

A write names the version it was edited from. If the stored plan moved on meanwhile
(another phone saved), the write is refused with the current plan, and the device merges
by item id, keeping both sides' new items, before sending again. Nothing is overwritten
silently.
"""

from __future__ import annotations

from uuid import UUID, uuid4

import msgspec

from steady import clock
from steady.accounts.service import account_locked
from steady.domain import InvalidField
from steady.toolkit.schemas import ITEMS_PER_SECTION, ToolkitSections, ToolkitView, ToolkitWrite
from steady.toolkit.tables import Toolkit


class Document(msgspec.Struct, kw_only=True):
    """What is stored in ``Toolkit.document``."""

    sections: ToolkitSections = msgspec.field(default_factory=ToolkitSections)
    region: str | None = None
    setup_done: bool = False


class VersionConflict(Exception):
    """The write was based on an older version than the one stored."""

    def __init__(self, current: ToolkitView) -> None:
        super().__init__("toolkit version conflict")
        self.current = current


def _view(row: dict[str, object] | None) -> ToolkitView:
    if row is None:
        return ToolkitView(
            version=0, sections=ToolkitSections(), region=None, setup_done=False, updated_at=None
        )
    raw = row["document"]
    document = msgspec.json.decode(raw if isinstance(raw, str | bytes) else "{}", type=Document)
    return ToolkitView(
        version=int(row["version"]),  # type: ignore[call-overload]
        sections=document.sections,
        region=document.region,
        setup_done=document.setup_done,
        updated_at=row["updated_at"],  # type: ignore[arg-type]
    )


async def _stored(account_id: int) -> dict[str, object] | None:
    row: dict[str, object] | None = (
        await Toolkit.select().where(Toolkit.account == account_id).first()
    )
    return row


async def read_toolkit(account_id: int) -> ToolkitView:
    """The account's plan; an empty one at version 0 if none was ever saved."""
    return _view(await _stored(account_id))


def _check_unique_ids(sections: ToolkitSections) -> None:
    seen: set[UUID] = set()
    for name in msgspec.structs.fields(ToolkitSections):
        for index, item in enumerate(getattr(sections, name.name)):
            if item.id in seen:
                raise InvalidField(
                    f"sections.{name.name}[{index}].id",
                    "Two items in your plan share one id. Reload the page and try again.",
                )
            seen.add(item.id)


async def save_toolkit(account_id: int, write: ToolkitWrite) -> ToolkitView:
    """Store the plan if it was edited from the current version; ``VersionConflict`` if not."""
    _check_unique_ids(write.sections)
    document = msgspec.json.encode(
        Document(sections=write.sections, region=write.region, setup_done=write.setup_done)
    ).decode()
    now = clock.now()
    async with account_locked(account_id):
        row = await _stored(account_id)
        if row is not None and row["last_change_id"] == write.change_id:
            return _view(row)  # a replay of the write already applied
        current_version = 0 if row is None else int(row["version"])  # type: ignore[call-overload]
        if write.base_version != current_version:
            raise VersionConflict(_view(row))
        if row is None:
            await Toolkit.insert(
                Toolkit(
                    account=account_id,
                    version=1,
                    document=document,
                    last_change_id=write.change_id,
                    updated_at=now,
                )
            )
        else:
            await Toolkit.update(
                {
                    Toolkit.version: current_version + 1,
                    Toolkit.document: document,
                    Toolkit.last_change_id: write.change_id,
                    Toolkit.updated_at: now,
                }
            ).where(Toolkit.account == account_id)
        return _view(await _stored(account_id))


async def merge_items(account_id: int, incoming: ToolkitSections, region: str | None) -> int:
    """Add items the plan does not have yet (matched by id), keeping everything it has.

    Used by import: bringing a plan back in never duplicates or loses an item. Returns
    how many items were added.
    """
    current = await read_toolkit(account_id)
    known = {
        item.id
        for field in msgspec.structs.fields(ToolkitSections)
        for item in getattr(current.sections, field.name)
    }
    merged: dict[str, list[object]] = {}
    added = 0
    for field in msgspec.structs.fields(ToolkitSections):
        mine = list(getattr(current.sections, field.name))
        new = [item for item in getattr(incoming, field.name) if item.id not in known]
        known.update(item.id for item in new)
        room = max(0, ITEMS_PER_SECTION - len(mine))
        merged[field.name] = mine + new[:room]
        added += len(new[:room])
    if not added and (current.region or region is None):
        return 0
    await save_toolkit(
        account_id,
        ToolkitWrite(
            change_id=uuid4(),
            base_version=current.version,
            sections=msgspec.convert(merged, ToolkitSections, from_attributes=True),
            region=current.region or region,
            setup_done=current.setup_done or added > 0,
        ),
    )
    return added
