"""HTTP routes for taking your data with you: export as JSON or CSV, import it back."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody

from steady import clock
from steady.auth import Principal
from steady.errors import BAD_INPUT
from steady.portability import service
from steady.portability.reading import read_export
from steady.portability.schemas import CsvCollection, ExportDocument, ImportSummary

IMPORT_MAX_BYTES = 10 * 1024 * 1024


def _attachment(name: str, extension: str) -> dict[str, str]:
    stamp = clock.now().date().isoformat()
    return {"content-disposition": f'attachment; filename="steady-{name}-{stamp}.{extension}"'}


@get("/export", operation_id="export_everything")
async def export_everything(principal: NamedDependency[Principal]) -> Response[ExportDocument]:
    """Everything Steady holds for you, as one JSON file."""
    document = await service.export_document(principal.user_id)
    return Response(document, headers=_attachment("export", "json"))


@get("/export/csv/{collection:str}", operation_id="export_csv", media_type="text/csv")
async def export_csv(
    principal: NamedDependency[Principal], collection: FromPath[CsvCollection]
) -> Response[str]:
    """One kind of record as CSV (checkins, commitments, completions, grounding_sessions,
    toolkit)."""
    document = await service.export_document(principal.user_id)
    return Response(
        service.csv_for(document, collection),
        media_type="text/csv; charset=utf-8",
        headers=_attachment(collection, "csv"),
    )


def _export_file(data: JSONBody[ExportDocument]) -> ExportDocument:
    """Names the body ``import_export`` reads, for the OpenAPI document. The handler reads
    the raw bytes itself (see ``reading.py``), so this is never called."""
    return data


@post(
    "/import",
    operation_id="import_export",
    responses=BAD_INPUT,
    request_max_body_size=IMPORT_MAX_BYTES,
    status_code=200,
    dependencies={"export_file": Provide(_export_file, sync_to_thread=False)},
    opt={"answers": (413,)},
)
async def import_export(
    principal: NamedDependency[Principal], request: Request[Any, Any, Any]
) -> ImportSummary:
    """Bring an export file into this account: nothing is duplicated, nothing overwritten
    that the account deleted since, and if anything in it is invalid nothing is written."""
    document = await read_export(await request.body())
    return await service.import_document(principal.user_id, document)


router = Router(
    path="/api",
    tags=["your data"],
    route_handlers=[export_everything, export_csv, import_export],
)
