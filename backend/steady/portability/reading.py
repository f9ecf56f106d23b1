"""Reading an export file without holding up anyone else.

Decoding a full-size file (25,000 records) in one go took a third of a second of the event
loop, during which no one else's request moved. The file is read in two steps instead:
its outline first, with each record kept as raw JSON, then the records a slice at a time,
letting other requests through between slices. Any problem is reported as the field it is
in (``checkins[12].local_date``), as the rest of the API does.
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
from litestar.exceptions import ValidationException

from steady.portability.schemas import (
    EXPORT_MAX_CIRCLE_POSTS,
    IMPORT_MAX_CHECKINS,
    IMPORT_MAX_COMMITMENTS,
    IMPORT_MAX_COMPLETIONS,
    IMPORT_MAX_GROUNDING_SESSIONS,
    CheckinRecord,
    CommitmentRecord,
    CompletionRecord,
    ExportDocument,
    ExportedAccount,
    ExportedToolkit,
    GroundingSessionRecord,
)
from steady.structs import Input

# Records decoded between two looks at the event loop.
SLICE = 500
_AT = re.compile(r"^(.*) - at `\$(.*)`$", re.DOTALL)


class _Outline(Input):
    """The export's top level, each record still raw JSON."""

    format: Literal["steady-export"]
    version: Literal[1]
    exported_at: datetime
    account: ExportedAccount | None = None
    toolkit: ExportedToolkit | None = None
    checkins: Annotated[list[msgspec.Raw], msgspec.Meta(max_length=IMPORT_MAX_CHECKINS)] = (
        msgspec.field(default_factory=list)
    )
    commitments: Annotated[list[msgspec.Raw], msgspec.Meta(max_length=IMPORT_MAX_COMMITMENTS)] = (
        msgspec.field(default_factory=list)
    )
    completions: Annotated[list[msgspec.Raw], msgspec.Meta(max_length=IMPORT_MAX_COMPLETIONS)] = (
        msgspec.field(default_factory=list)
    )
    grounding_sessions: Annotated[
        list[msgspec.Raw], msgspec.Meta(max_length=IMPORT_MAX_GROUNDING_SESSIONS)
    ] = msgspec.field(default_factory=list)
    # Circle posts are in an export, but not imported (see ExportDocument).
    circle_posts: Annotated[list[msgspec.Raw], msgspec.Meta(max_length=EXPORT_MAX_CIRCLE_POSTS)] = (
        msgspec.field(default_factory=list)
    )


def _invalid(error: msgspec.ValidationError | msgspec.DecodeError, where: str) -> Exception:
    """msgspec's error as the API's usual 400, its field located within the file."""
    found = _AT.match(str(error))
    message, path = (found.group(1), found.group(2)) if found else (str(error), "")
    key = f"{where}{path}".lstrip(".") or "body"
    if not isinstance(error, msgspec.ValidationError):  # (a ValidationError is a DecodeError)
        return ValidationException(detail=f"The file is not valid JSON ({error}).")
    return ValidationException(
        detail=f"{key}: {message}", extra=[{"key": key, "message": message, "source": "body"}]
    )


async def _records(raws: list[msgspec.Raw], kind: type[Any], name: str) -> list[Any]:
    records = []
    for start in range(0, len(raws), SLICE):
        for index in range(start, min(start + SLICE, len(raws))):
            try:
                records.append(msgspec.json.decode(raws[index], type=kind))
            except msgspec.ValidationError as error:
                raise _invalid(error, f"{name}[{index}]") from error
        await asyncio.sleep(0)
    return records


async def read_export(body: bytes) -> ExportDocument:
    """The export file in ``body``, checked against its schema, decoded a slice at a time."""
    try:
        outline = msgspec.json.decode(body, type=_Outline)
    except (msgspec.ValidationError, msgspec.DecodeError) as error:
        raise _invalid(error, "") from error
    await asyncio.sleep(0)
    return ExportDocument(
        format=outline.format,
        version=outline.version,
        exported_at=outline.exported_at,
        account=outline.account,
        toolkit=outline.toolkit,
        checkins=await _records(outline.checkins, CheckinRecord, "checkins"),
        commitments=await _records(outline.commitments, CommitmentRecord, "commitments"),
        completions=await _records(outline.completions, CompletionRecord, "completions"),
        grounding_sessions=await _records(
            outline.grounding_sessions, GroundingSessionRecord, "grounding_sessions"
        ),
    )
