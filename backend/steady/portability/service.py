"""Export everything a person has in Steady, and import it back without duplicates."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import msgspec
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_410_GONE

from steady import db
from steady.accounts.service import account_view
from steady.checkins.schemas import CheckinWrite
from steady.checkins.service import checkins
from steady.commitments.schemas import MAX_ACTIVE, CommitmentWrite, CompletionWrite
from steady.commitments.service import commitments, completions
from steady.commitments.tables import Commitment
from steady.grounding.schemas import GroundingSessionWrite
from steady.grounding.service import sessions
from steady.portability.schemas import (
    CheckinRecord,
    CommitmentRecord,
    CompletionRecord,
    CsvCollection,
    ExportDocument,
    ExportedAccount,
    ExportedToolkit,
    GroundingSessionRecord,
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
        exported_at=datetime.now(UTC),
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
    )


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def csv_for(document: ExportDocument, collection: CsvCollection) -> str:
    """One collection of an export as CSV (lists are joined with "; ")."""
    out = io.StringIO()
    writer = csv.writer(out)
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
    names = ["id", *[name for name in names if name != "id"]]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(getattr(row, name)) for name in names])
    return out.getvalue()


async def _own_id(collection: SyncedCollection[Any, Any], account_id: int, item_id: UUID) -> UUID:
    owner = await collection.owner_of(item_id)
    if owner is None or owner == account_id:
        return item_id
    return uuid.uuid5(IMPORT_NAMESPACE, f"{account_id}:{item_id}")


async def _save_all(
    name: str,
    collection: SyncedCollection[Any, Any],
    write: type[msgspec.Struct],
    account_id: int,
    records: Sequence[Any],
) -> tuple[int, int, dict[UUID, UUID]]:
    saved = skipped = 0
    ids: dict[UUID, UUID] = {}
    for index, record in enumerate(records):
        fields = msgspec.structs.asdict(record)
        original = fields.pop("id")
        item_id = ids[original] = await _own_id(collection, account_id, original)
        try:
            outcome, _ = await collection.save(account_id, item_id, msgspec.convert(fields, write))
        except ValidationException as invalid:
            raise _located(invalid, f"{name}[{index}]") from invalid
        except HTTPException as gone:
            if gone.status_code != HTTP_410_GONE:
                raise
            outcome = Outcome.GONE  # a tick for a commitment deleted since
        if outcome in {Outcome.CREATED, Outcome.UPDATED}:
            saved += 1
        else:
            skipped += 1
    return saved, skipped, ids


def _located(invalid: ValidationException, where: str) -> ValidationException:
    """The same 4xx, with each field named by its place in the file."""
    extra = invalid.extra if isinstance(invalid.extra, list) else []
    located = [{**item, "key": f"{where}.{item.get('key', '')}"} for item in extra]
    return ValidationException(
        detail=str(invalid.detail), extra=located, status_code=invalid.status_code
    )


async def import_document(account_id: int, document: ExportDocument) -> ImportSummary:
    """Bring an export into this account in one transaction: all of it, or nothing."""
    async with db.current_engine().transaction():
        toolkit_items = 0
        if document.toolkit is not None:
            toolkit_items = await merge_items(
                account_id, document.toolkit.sections, document.toolkit.region
            )
        active = await Commitment.count().where(
            (Commitment.account == account_id) & (Commitment.active.eq(True))
        )
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
        made_commitments, skipped_commitments, commitment_ids = await _save_all(
            "commitments", commitments, CommitmentWrite, account_id, commitments_in
        )
        ticks = [
            msgspec.structs.replace(
                tick, commitment_id=commitment_ids.get(tick.commitment_id, tick.commitment_id)
            )
            for tick in document.completions
        ]
        made_checkins, skipped_checkins, _ = await _save_all(
            "checkins", checkins, CheckinWrite, account_id, document.checkins
        )
        made_ticks, skipped_ticks, _ = await _save_all(
            "completions", completions, CompletionWrite, account_id, ticks
        )
        made_sessions, skipped_sessions, _ = await _save_all(
            "grounding_sessions",
            sessions,
            GroundingSessionWrite,
            account_id,
            document.grounding_sessions,
        )
    return ImportSummary(
        checkins=made_checkins,
        commitments=made_commitments,
        completions=made_ticks,
        grounding_sessions=made_sessions,
        toolkit_items=toolkit_items,
        archived_commitments=archived,
        skipped=skipped_checkins + skipped_commitments + skipped_ticks + skipped_sessions,
    )
