"""The safety plan's shape: seven sections of short, ordered items.

The sections follow the structure of the Stanley-Brown safety plan, in Steady's own words.
"""

from datetime import datetime
from typing import Annotated, ClassVar
from uuid import UUID

import msgspec

from steady.grounding.schemas import ExerciseId
from steady.structs import Input, Output

ITEMS_PER_SECTION = 30
ItemText = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Phone = Annotated[
    str,
    msgspec.Meta(
        min_length=2,
        max_length=25,
        pattern=r"^\+?[0-9][0-9 ().-]*[0-9]$",
        description="Digits with optional +, spaces, dots, dashes or brackets; short codes too.",
    ),
]
Region = Annotated[str, msgspec.Meta(pattern=r"^([A-Z]{2}|INTL)$", description="ISO country code.")]


class ToolkitItem(Input):
    """One entry: a line of text, and for people and services, a number to call or text."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"text"})

    id: UUID
    text: ItemText
    phone: Phone | None = None
    # "Things I can do on my own" may open a grounding exercise directly.
    exercise: ExerciseId | None = None


Items = Annotated[list[ToolkitItem], msgspec.Meta(max_length=ITEMS_PER_SECTION)]


class ToolkitSections(Input):
    warning_signs: Items = msgspec.field(default_factory=list)
    on_my_own: Items = msgspec.field(default_factory=list)
    distractions: Items = msgspec.field(default_factory=list)
    people: Items = msgspec.field(default_factory=list)
    professionals: Items = msgspec.field(default_factory=list)
    safer_surroundings: Items = msgspec.field(default_factory=list)
    what_matters: Items = msgspec.field(default_factory=list)


class ToolkitWrite(Input):
    """The whole plan as the device has it, and the version it was edited from."""

    change_id: UUID
    base_version: Annotated[int, msgspec.Meta(ge=0)]
    sections: ToolkitSections
    region: Region | None = None
    setup_done: bool = False


class ToolkitView(Output):
    version: int
    sections: ToolkitSections
    region: str | None
    setup_done: bool
    updated_at: datetime | None


class ToolkitConflict(Output):
    """409: someone saved a newer version; merge with ``current`` and send again."""

    status_code: int
    detail: str
    current: ToolkitView
