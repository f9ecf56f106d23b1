"""Serving the built PWA: static files, and index.html for the app's own routes.

Prerendered pages (``/crisis`` is ``crisis/index.html``) are served as files. Litestar's
html_mode answers other unknown paths with 404.html, so a reload on /toolkit would 404;
the not-found handler below serves the app's frame (``shell/index.html``, or
``index.html`` when there is no frame) for any extension-less, non-API GET instead, and
keeps JSON 404s for the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import MediaType, Request, Response, Router
from litestar.exceptions import NotFoundException
from litestar.response import File
from litestar.static_files import create_static_files_router


def static_router(dist: Path) -> Router:
    """The built frontend, served from ``/``."""
    return create_static_files_router(
        path="/", directories=[dist], html_mode=True, include_in_schema=False, name="pwa"
    )


def is_app_route(path: str) -> bool:
    """A path the PWA's router owns: not the API and not a file."""
    if path.startswith(("/api/", "/schema")) or path in {"/api", "/healthz"}:
        return False
    return "." not in path.rsplit("/", 1)[-1]


def not_found_handler(dist: Path | None) -> Any:
    """Serve the app shell for app routes; answer a JSON 404 for everything else."""
    frame = dist / "shell" / "index.html" if dist else None
    index = (
        frame if frame is not None and frame.is_file() else (dist / "index.html" if dist else None)
    )

    def handle(request: Request[Any, Any, Any], exc: NotFoundException) -> Response[Any]:
        if (
            index is not None
            and index.is_file()
            and request.method == "GET"
            and is_app_route(request.url.path)
        ):
            return File(index, media_type=MediaType.HTML, content_disposition_type="inline")
        return Response(
            {"status_code": 404, "detail": exc.detail or "Not found"},
            status_code=404,
            media_type=MediaType.JSON,
        )

    return handle
