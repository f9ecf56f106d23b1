"""The export file: everything Steady holds for a person, in one JSON document.

Each record keeps its id, so importing the same file twice (or into the account it came
from) changes nothing, and importing it elsewhere never duplicates anything.
"""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from steady.checkins.schemas import CheckinWrite
from steady.circles.schemas import CirclePostRecord
from steady.commitments.schemas import CommitmentWrite, CompletionWrite
from steady.grounding.schemas import GroundingSessionWrite
from steady.structs import Input, Output
from steady.toolkit.schemas import Region, ToolkitSections


class CheckinRecord(CheckinWrite, kw_only=True):
    id: UUID


class CommitmentRecord(CommitmentWrite, kw_only=True):
    id: UUID


class CompletionRecord(CompletionWrite, kw_only=True):
    id: UUID


class GroundingSessionRecord(GroundingSessionWrite, kw_only=True):
    id: UUID


class ExportedAccount(Input):
    username: str
    time_zone: str


class ExportedToolkit(Input):
    sections: ToolkitSections
    region: Region | None = None
    setup_done: bool = False


# What one import may carry: years of daily use, bounded so one import cannot hold the
# server for long (it is written in small batches between everyone else's writes).
IMPORT_MAX_CHECKINS = 10_000
IMPORT_MAX_COMMITMENTS = 500
IMPORT_MAX_COMPLETIONS = 20_000
IMPORT_MAX_GROUNDING_SESSIONS = 10_000
IMPORT_MAX_RECORDS = 25_000
# A person's own circle posts travel with their export, but are not imported: a circle's
# rounds are its members' together, and end with them.
EXPORT_MAX_CIRCLE_POSTS = 50_000


class ExportDocument(Input):
    format: Literal["steady-export"]
    version: Literal[1]
    exported_at: datetime
    account: ExportedAccount | None = None
    toolkit: ExportedToolkit | None = None
    checkins: Annotated[list[CheckinRecord], msgspec.Meta(max_length=IMPORT_MAX_CHECKINS)] = (
        msgspec.field(default_factory=list)
    )
    commitments: Annotated[
        list[CommitmentRecord], msgspec.Meta(max_length=IMPORT_MAX_COMMITMENTS)
    ] = msgspec.field(default_factory=list)
    completions: Annotated[
        list[CompletionRecord], msgspec.Meta(max_length=IMPORT_MAX_COMPLETIONS)
    ] = msgspec.field(default_factory=list)
    grounding_sessions: Annotated[
        list[GroundingSessionRecord], msgspec.Meta(max_length=IMPORT_MAX_GROUNDING_SESSIONS)
    ] = msgspec.field(default_factory=list)
    circle_posts: Annotated[
        list[CirclePostRecord],
        msgspec.Meta(
            max_length=EXPORT_MAX_CIRCLE_POSTS,
            description="Your own posts in circles (kept in the file; not imported).",
        ),
    ] = msgspec.field(default_factory=list)

    def record_count(self) -> int:
        """Records of every kind together (toolkit items aside)."""
        return (
            len(self.checkins)
            + len(self.commitments)
            + len(self.completions)
            + len(self.grounding_sessions)
        )


class ImportedCounts(Output):
    checkins: int
    commitments: int
    completions: int
    grounding_sessions: int
    toolkit_items: int


class ImportSummary(Output):
    """What an import added, what it changed, and what was already here."""

    added: ImportedCounts
    updated: ImportedCounts
    # Records already here exactly as in the file: left alone.
    unchanged: int
    # Commitments beyond the active limit come in archived rather than being dropped.
    archived_commitments: int
    # Records deleted in this account since the export was made stay deleted.
    skipped: int


CsvCollection = Literal["checkins", "commitments", "completions", "grounding_sessions", "toolkit"]
