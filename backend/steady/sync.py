"""The shape every synced record shares: idempotent upserts, tombstones and a change feed.

A synced feature keeps two tables: live rows (``id`` chosen by the client, ``account``,
``revision``, ``created_at``, ``updated_at`` and its own columns) and tombstones (``id``,
``account``, ``revision``) for deleted rows, whose content is gone for good. Writes happen
inside the accounts feature's ``synced_write``, which hands out the account's next
revision; these helpers only need that number. Nothing here knows which feature it serves.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Generic, TypeVar
from uuid import UUID

import msgspec
from piccolo.columns import Column
from piccolo.table import Table

from steady import clock

W = TypeVar("W", bound=msgspec.Struct)
V = TypeVar("V", bound=msgspec.Struct)


class Outcome(enum.Enum):
    """What an idempotent write did."""

    CREATED = "created"
    UPDATED = "updated"
    # The id belongs to someone else: answered as "not found", so existence is not revealed.
    NOT_FOUND = "not_found"
    # The record was deleted (possibly on another device); a late edit does not revive it.
    GONE = "gone"


def column(table: type[Table], name: str) -> Column:
    """A table's column by name, for helpers that serve many tables."""
    found = table._meta.get_column_by_name(name)
    assert isinstance(found, Column)
    return found


async def _owner(table: type[Table], item_id: UUID) -> int | None:
    row = await (
        table.select(column(table, "account")).where(table._meta.primary_key == item_id).first()
    )
    return None if row is None else int(row["account"])


async def _whereabouts(
    table: type[Table], tombstones: type[Table], item_id: UUID
) -> tuple[int | None, bool]:
    """Who owns an id and whether it is deleted, in one query (this is every write's path)."""
    live, dead = table._meta.tablename, tombstones._meta.tablename
    rows = await table.raw(
        f'SELECT account, 0 AS buried FROM "{live}" WHERE id = {{}} '  # noqa: S608
        f'UNION ALL SELECT account, 1 AS buried FROM "{dead}" WHERE id = {{}}',
        item_id,
        item_id,
    )
    if not rows:
        return None, False
    buried = any(int(row["buried"]) for row in rows)
    return int(rows[0]["account"]), buried


async def upsert_owned(
    table: type[Table],
    tombstones: type[Table],
    *,
    item_id: UUID,
    account_id: int,
    revision: int,
    values: Mapping[str, Any],
) -> Outcome:
    """Create or replace one record by its client id; replaying the same write is harmless."""
    owner, buried = await _whereabouts(table, tombstones, item_id)
    if buried:
        return Outcome.GONE if owner == account_id else Outcome.NOT_FOUND
    now = clock.now()
    name = table._meta.tablename
    # Every synced write takes this path, so the SQL is written out rather than built
    # by Piccolo's query builder (which cost more than the database work; see README).
    # Identifiers come from table and struct definitions; every value is a parameter.
    if owner is None:
        row = {"id": item_id, "account": account_id, "revision": revision, **values}
        row |= {"created_at": now, "updated_at": now}
        names = ", ".join(f'"{column}"' for column in row)
        slots = ", ".join("{}" for _ in row)
        await table.raw(f'INSERT INTO "{name}" ({names}) VALUES ({slots})', *row.values())  # noqa: S608
        return Outcome.CREATED
    if owner != account_id:
        return Outcome.NOT_FOUND
    changes = {**values, "revision": revision, "updated_at": now}
    assignments = ", ".join(f'"{column}" = {{}}' for column in changes)
    await table.raw(
        f'UPDATE "{name}" SET {assignments} WHERE id = {{}}',  # noqa: S608
        *changes.values(),
        item_id,
    )
    return Outcome.UPDATED


async def delete_owned(
    table: type[Table], tombstones: type[Table], *, item_id: UUID, account_id: int, revision: int
) -> bool:
    """Delete a record and leave a tombstone; ``False`` if it was never the account's."""
    owner = await _owner(table, item_id)
    if owner is None:
        # Already deleted (a replayed delete) or never synced: one tombstone either way.
        buried_by = await _owner(tombstones, item_id)
        if buried_by is not None:
            return buried_by == account_id
    elif owner != account_id:
        return False
    else:
        await table.delete().where(table._meta.primary_key == item_id)
    await tombstones.insert(tombstones(id=item_id, account=account_id, revision=revision))
    return True


async def read_owned(table: type[Table], item_id: UUID, account_id: int) -> dict[str, Any] | None:
    """One live record, only if it belongs to ``account_id``."""
    row: dict[str, Any] | None = await (
        table.select()
        .where((table._meta.primary_key == item_id) & (column(table, "account") == account_id))
        .first()
    )
    return row


async def _after(
    table: type[Table], account_id: int, since: int, limit: int, columns: Sequence[Column]
) -> list[dict[str, Any]]:
    revision = column(table, "revision")
    rows: list[dict[str, Any]] = await (
        table.select(*columns)
        .where((column(table, "account") == account_id) & (revision > since))
        .order_by(revision)
        .limit(limit + 1)
    )
    return rows


async def changes_since(
    table: type[Table],
    tombstones: type[Table],
    *,
    account_id: int,
    since: int,
    limit: int,
) -> tuple[list[dict[str, Any]], list[UUID], int, bool]:
    """Live rows and deletions after revision ``since``, oldest first, one page at a time.

    Returns ``(rows, deleted_ids, cursor, more)``; ask again with ``since=cursor`` while
    ``more`` is true. Both queries use the ``(account, revision)`` index.
    """
    live = await _after(table, account_id, since, limit, [])
    dead = await _after(
        tombstones,
        account_id,
        since,
        limit,
        [tombstones._meta.primary_key, column(tombstones, "revision")],
    )
    merged = sorted(
        [(int(row["revision"]), row, True) for row in live]
        + [(int(row["revision"]), row, False) for row in dead],
        key=lambda entry: entry[0],
    )
    page, more = merged[:limit], len(merged) > limit
    cursor = page[-1][0] if page else since
    rows = [row for _, row, alive in page if alive]
    deleted = [row["id"] for _, row, alive in page if not alive]
    return rows, deleted, cursor, more


class Page(msgspec.Struct, Generic[V]):
    """One page of a change feed, before it is wrapped in a feature's response struct."""

    items: list[V]
    deleted: list[UUID]
    cursor: int
    more: bool


class SyncedCollection(Generic[W, V]):
    """A feature's synced records: what every synced endpoint does, named once.

    ``revision_for`` is the accounts feature's ``synced_write`` (passed in, because shared
    plumbing never imports a feature); ``values`` turns a write struct into column values.
    """

    def __init__(
        self,
        table: type[Table],
        tombstones: type[Table],
        view: type[V],
        revision_for: Callable[[int], AbstractAsyncContextManager[int]],
        values: Callable[[W], Mapping[str, Any]] = msgspec.structs.asdict,
        rules: Callable[[W], None] | None = None,
        check: Callable[[int, UUID, W], Awaitable[None]] | None = None,
        after_save: Callable[[int, UUID, W, bool], Awaitable[None]] | None = None,
        after_delete: Callable[[int, UUID], Awaitable[None]] | None = None,
    ) -> None:
        self.table = table
        self.tombstones = tombstones
        self.view = view
        self.revision_for = revision_for
        self.values = values
        # Rules about the record alone (raise a 4xx): checked before anything is written,
        # so an import can check a whole file first.
        self.rules = rules
        # Rules that need the database (raise a 4xx), checked inside the write's transaction.
        self.check = check
        # Derived rows to keep in step (an index for insights), written in the same transaction.
        self.after_save = after_save
        # Dependent records to delete with it (a commitment's completions), same transaction.
        self.after_delete = after_delete

    def to_view(self, row: Mapping[str, Any]) -> V:
        """A stored row as its response struct."""
        return msgspec.convert(row, self.view, strict=False)

    async def save(self, account_id: int, item_id: UUID, data: W) -> tuple[Outcome, V | None]:
        """Create or replace the record under the device's id; replays leave one row.

        Returns what happened and, when stored, the record as it now reads (built from
        what was written, saving a query on every write).
        """
        if self.rules is not None:
            self.rules(data)
        async with self.revision_for(account_id) as revision:
            if self.check is not None:
                await self.check(account_id, item_id, data)
            values = self.values(data)
            outcome = await upsert_owned(
                self.table,
                self.tombstones,
                item_id=item_id,
                account_id=account_id,
                revision=revision,
                values=values,
            )
            if outcome not in {Outcome.CREATED, Outcome.UPDATED}:
                return outcome, None
            if self.after_save is not None:
                await self.after_save(account_id, item_id, data, outcome is Outcome.CREATED)
            return outcome, self.to_view({**values, "id": item_id, "revision": revision})

    async def read(self, account_id: int, item_id: UUID) -> V | None:
        """One of the account's own records."""
        row = await read_owned(self.table, item_id, account_id)
        return None if row is None else self.to_view(row)

    async def read_many(self, account_id: int, item_ids: Sequence[UUID]) -> dict[UUID, V]:
        """Several of the account's own records by id, in one query."""
        if not item_ids:
            return {}
        rows = await self.table.select().where(
            (column(self.table, "account") == account_id)
            & self.table._meta.primary_key.is_in(list(item_ids))
        )
        return {row["id"]: self.to_view(row) for row in rows}

    def unchanged(self, stored: V, data: W) -> bool:
        """Whether writing ``data`` would leave the stored record as it is."""
        values = self.values(data)
        return all(getattr(stored, name, None) == value for name, value in values.items())

    async def delete(self, account_id: int, item_id: UUID) -> bool:
        """Delete for good, leaving a tombstone so other devices drop it too."""
        async with self.revision_for(account_id) as revision:
            deleted = await delete_owned(
                self.table,
                self.tombstones,
                item_id=item_id,
                account_id=account_id,
                revision=revision,
            )
            if deleted and self.after_delete is not None:
                await self.after_delete(account_id, item_id)
            return deleted

    async def changes(self, account_id: int, since: int, limit: int) -> Page[V]:
        """What changed after revision ``since``: records and deleted ids, oldest first."""
        rows, deleted, cursor, more = await changes_since(
            self.table, self.tombstones, account_id=account_id, since=since, limit=limit
        )
        return Page(
            items=[self.to_view(r) for r in rows], deleted=deleted, cursor=cursor, more=more
        )

    async def every(self, account_id: int) -> list[V]:
        """All of the account's records, oldest change first (for export)."""
        found: list[V] = []
        since = 0
        while True:
            page = await self.changes(account_id, since, 500)
            found.extend(page.items)
            if not page.more:
                return found
            since = page.cursor

    async def owner_of(self, item_id: UUID) -> int | None:
        """Which account a record id belongs to (live or deleted), if any."""
        return await _owner(self.table, item_id) or await _owner(self.tombstones, item_id)
