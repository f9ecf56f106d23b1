"""Conventions every response keeps: security headers, caching, health, OpenAPI, the SPA."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from piccolo.engine.base import Engine

from steady.app import create_app
from steady.settings import Settings
from tests.helpers import Api, http_client, lifespan_running


def assert_security_headers(response: httpx.Response) -> None:
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "http" not in csp  # no third-party origins
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in response.headers["permissions-policy"]


async def test_api_answers_carry_security_headers_and_are_never_cached(api: Api) -> None:
    response = await api.get("/api/session")
    assert_security_headers(response)
    assert response.headers["cache-control"] == "no-store"
    missing = await api.get("/api/nothing-here")
    assert missing.status_code == 404
    assert_security_headers(missing)


async def test_healthz_reports_the_database(api: Api) -> None:
    response = await api.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_openapi_is_published_at_schema(api: Api) -> None:
    response = await api.get("/schema/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/session" in paths
    assert "/api/checkins/{item_id}" in paths


@pytest.fixture
async def pwa_api(settings: Settings, engine: Engine, tmp_path: Path) -> AsyncIterator[Api]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Steady</title>")
    (dist / "crisis").mkdir()
    (dist / "crisis" / "index.html").write_text("<!doctype html><title>Crisis</title>")
    (dist / "shell").mkdir()
    (dist / "shell" / "index.html").write_text("<!doctype html><title>Frame</title>")
    (dist / "assets" / "index-abc123.js").write_text("console.log('hi')")
    app = create_app(
        Settings.from_env(
            {
                **os.environ,
                "STEADY_FRONTEND_DIR": str(dist),
                "STEADY_DATA_DIR": str(settings.data_dir),
            }
        ),
        engine,
    )
    async with lifespan_running(app), http_client(app) as client:
        yield Api(client)


async def test_prerendered_pages_and_the_frame_are_served_for_app_routes(pwa_api: Api) -> None:
    expected = {
        "/": "Steady",
        "/crisis": "Crisis",
        "/toolkit": "Frame",
        "/ground/box-breathing": "Frame",
    }
    for path, title in expected.items():
        response = await pwa_api.get(path)
        assert response.status_code == 200, path
        assert f"<title>{title}</title>" in response.text, path
        assert_security_headers(response)
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_immutable_and_missing_files_404(pwa_api: Api) -> None:
    asset = await pwa_api.get("/assets/index-abc123.js")
    assert asset.status_code == 200
    assert "immutable" in asset.headers["cache-control"]
    assert_security_headers(asset)
    assert (await pwa_api.get("/assets/missing.js")).status_code == 404
    assert (
        (await pwa_api.get("/api/unknown")).headers["content-type"].startswith("application/json")
    )
