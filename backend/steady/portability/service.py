"""Export everything a person has in Steady, and import it back without duplicates."""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec

from steady import clock, db
from steady.accounts.service import account_view, time_zone_of
from steady.checkins.schemas import CheckinWrite
from steady.checkins.service import checkins
from steady.circles.service import posts_of
from steady.commitments.schemas import CommitmentWrite, CompletionWrite
from steady.commitments.service import (
    MAX_ACTIVE,
    active_count,
    check_tick_day,
    commitments,
    completions,
)
from steady.domain import Gone, InvalidField, InvalidFields, TooLarge
from steady.grounding.schemas import GroundingSessionWrite
from steady.grounding.service import sessions
from steady.portability.schemas import (
    IMPORT_MAX_RECORDS,
    CheckinRecord,
    CommitmentRecord,
    CompletionRecord,
    CsvCollection,
    ExportDocument,
    ExportedAccount,
    ExportedToolkit,
    GroundingSessionRecord,
    ImportedCounts,
    ImportSummary,
)
from steady.sync import Outcome, SyncedCollection
from steady.toolkit.schemas import ToolkitSections
from steady.toolkit.service import merge_items, read_toolkit

# Ids that already belong to another account are re-derived from this namespace, so the
# same file imported twice into one account maps to the same new ids (no duplicates).
IMPORT_NAMESPACE = uuid.UUID("5b0b3f6e-2c1d-4f1e-9a57-3e5f7c2a9d11")


def _records(views: Sequence[msgspec.Struct], record: type[msgspec.Struct]) -> list[Any]:
    out = []
    for view in views:
        fields = msgspec.structs.asdict(view)
        fields.pop("revision", None)
        out.append(msgspec.convert(fields, record))
    return out


async def export_document(account_id: int) -> ExportDocument:
    """Everything Steady holds for the account, as one document."""
    account = await account_view(account_id)
    plan = await read_toolkit(account_id)
    return ExportDocument(
        format="steady-export",
        version=1,
        exported_at=clock.now(),
        account=ExportedAccount(
            username=str(account["username"]), time_zone=str(account["time_zone"])
        )
        if account
        else None,
        toolkit=ExportedToolkit(
            sections=plan.sections, region=plan.region, setup_done=plan.setup_done
        )
        if plan.version
        else None,
        checkins=_records(await checkins.every(account_id), CheckinRecord),
        commitments=_records(await commitments.every(account_id), CommitmentRecord),
        completions=_records(await completions.every(account_id), CompletionRecord),
        grounding_sessions=_records(await sessions.every(account_id), GroundingSessionRecord),
        circle_posts=await posts_of(account_id),
    )


def _cell(value: object) -> str:
    """A value as the JSON export writes it (true, 2026-11-20T07:00:00Z), unquoted; lists
    joined with "; "."""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return msgspec.json.encode(value).decode().strip('"')


def csv_for(document: ExportDocument, collection: CsvCollection) -> str:
    """One collection of an export as CSV, byte for byte what the PWA writes offline for the
    same data (``features/portability/csv.ts``; ``test_csv_parity`` holds both to it):
    columns id first then by name, values as in the JSON export, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if collection == "toolkit":
        writer.writerow(["section", "position", "text", "phone", "exercise"])
        sections = document.toolkit.sections if document.toolkit else ToolkitSections()
        for field in msgspec.structs.fields(ToolkitSections):
            for position, item in enumerate(getattr(sections, field.name), start=1):
                writer.writerow(
                    [field.name, position, item.text, _cell(item.phone), _cell(item.exercise)]
                )
        return out.getvalue()
    rows: list[msgspec.Struct] = getattr(document, collection)
    record_types: dict[str, type[msgspec.Struct]] = {
        "checkins": CheckinRecord,
        "commitments": CommitmentRecord,
        "completions": CompletionRecord,
        "grounding_sessions": GroundingSessionRecord,
    }
    record_type = record_types[collection]
    names = [field.name for field in msgspec.structs.fields(record_type)]
    names = ["id", *sorted(name for name in names if name != "id")]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(getattr(row, name)) for name in names])
    return out.getvalue()


async def _own_id(collection: SyncedCollection[Any, Any], account_id: int, item_id: UUID) -> UUID:
    owner = await collection.owner_of(item_id)
    if owner is None or owner == account_id:
        return item_id
    return uuid.uuid5(IMPORT_NAMESPACE, f"{account_id}:{item_id}")


# Records written per transaction: small enough that another person's write waiting for
# the database waits for one batch at most, not for the whole import.
IMPORT_BATCH = 50
# Problems listed at once for a file that does not fit.
PROBLEMS_SHOWN = 20


class _Collection(NamedTuple):
    name: str
    collection: SyncedCollection[Any, Any]
    write: type[msgspec.Struct]


def _write_of(record: msgspec.Struct, write: type[msgspec.Struct]) -> tuple[UUID, Any]:
    fields = msgspec.structs.asdict(record)
    original: UUID = fields.pop("id")
    return original, msgspec.convert(fields, write)


async def _problems(document: ExportDocument, zone: ZoneInfo) -> list[tuple[str, str]]:
    """Every record checked by its own rules before anything is written (a slice at a
    time, so others' requests go through meanwhile)."""
    found: list[tuple[str, str]] = []
    kinds: list[tuple[_Collection, Sequence[Any]]] = [
        (_COMMITMENTS, document.commitments),
        (_CHECKINS, document.checkins),
        (_COMPLETIONS, document.completions),
        (_SESSIONS, document.grounding_sessions),
    ]
    for kind, records in kinds:
        for index, record in enumerate(records):
            _, data = _write_of(record, kind.write)
            try:
                if kind.collection.rules is not None:
                    kind.collection.rules(data)
                if kind is _COMPLETIONS:
                    check_tick_day(data, zone)
            except InvalidField as invalid:
                field = f"{kind.name}[{index}].{invalid.field}"
                found.append((field, f"{invalid.message} (at {field})"))
            if len(found) >= PROBLEMS_SHOWN:
                return found
            if index % IMPORT_BATCH == 0:
                await asyncio.sleep(0)
    return found


class _Tally(NamedTuple):
    added: int
    updated: int
    unchanged: int
    skipped: int
    ids: dict[UUID, UUID]


async def _save_all(kind: _Collection, account_id: int, records: Sequence[Any]) -> _Tally:
    """Write one kind of record in batches, each its own transaction; between batches
    other people's writes go through. Records already here exactly as in the file are
    left alone (and counted as such)."""
    added = updated = unchanged = skipped = 0
    ids: dict[UUID, UUID] = {}
    for start in range(0, len(records), IMPORT_BATCH):
        batch = []
        for record in records[start : start + IMPORT_BATCH]:
            original, data = _write_of(record, kind.write)
            ids[original] = await _own_id(kind.collection, account_id, original)
            batch.append((ids[original], data))
        async with db.current_engine().transaction():
            stored = await kind.collection.read_many(account_id, [i for i, _ in batch])
            for item_id, data in batch:
                if item_id in stored and kind.collection.unchanged(stored[item_id], data):
                    unchanged += 1
                    continue
                try:
                    outcome, _ = await kind.collection.save(account_id, item_id, data)
                except Gone:
                    outcome = Outcome.GONE  # a tick for a commitment deleted since
                if outcome is Outcome.CREATED:
                    added += 1
                elif outcome is Outcome.UPDATED:
                    updated += 1
                else:
                    skipped += 1
        await asyncio.sleep(0)
    return _Tally(added, updated, unchanged, skipped, ids)


async def import_document(account_id: int, document: ExportDocument) -> ImportSummary:
    """Bring an export into this account without duplicates.

    The whole file is checked first: if any record breaks a rule, nothing is written and
    every problem (up to twenty) is named. It is then written in small batches, so a large
    import never holds up anyone else's writes; if the server stops midway, importing the
    same file again finishes the job (records keep their ids, so nothing doubles)."""
    if document.record_count() > IMPORT_MAX_RECORDS:
        raise TooLarge(
            f"An import can bring at most {IMPORT_MAX_RECORDS} records at once;"
            f" this file has {document.record_count()}."
        )
    problems = await _problems(document, await time_zone_of(account_id))
    if problems:
        raise InvalidFields("Some records in this file can't be imported.", problems)
    toolkit_items = 0
    if document.toolkit is not None:
        toolkit_items = await merge_items(
            account_id, document.toolkit.sections, document.toolkit.region
        )
    active = await active_count(account_id)
    archived = 0
    commitments_in = []
    for record in document.commitments:
        if record.active and await commitments.owner_of(record.id) != account_id:
            if active >= MAX_ACTIVE:
                record = msgspec.structs.replace(record, active=False)
                archived += 1
            else:
                active += 1
        commitments_in.append(record)
    made = {"commitments": await _save_all(_COMMITMENTS, account_id, commitments_in)}
    commitment_ids = made["commitments"].ids
    ticks = [
        msgspec.structs.replace(
            tick, commitment_id=commitment_ids.get(tick.commitment_id, tick.commitment_id)
        )
        for tick in document.completions
    ]
    made["checkins"] = await _save_all(_CHECKINS, account_id, document.checkins)
    made["completions"] = await _save_all(_COMPLETIONS, account_id, ticks)
    made["grounding_sessions"] = await _save_all(_SESSIONS, account_id, document.grounding_sessions)

    def counts(part: str) -> ImportedCounts:
        return ImportedCounts(
            **{name: getattr(tally, part) for name, tally in made.items()},
            toolkit_items=toolkit_items if part == "added" else 0,
        )

    return ImportSummary(
        added=counts("added"),
        updated=counts("updated"),
        unchanged=sum(tally.unchanged for tally in made.values()),
        archived_commitments=archived,
        skipped=sum(tally.skipped for tally in made.values()),
    )


_COMMITMENTS = _Collection("commitments", commitments, CommitmentWrite)
_CHECKINS = _Collection("checkins", checkins, CheckinWrite)
_COMPLETIONS = _Collection("completions", completions, CompletionWrite)
_SESSIONS = _Collection("grounding_sessions", sessions, GroundingSessionWrite)
