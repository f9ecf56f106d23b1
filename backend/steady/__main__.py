"""Command line: ``python -m steady serve | migrate | openapi | reset-keys USERNAME``.

``serve`` applies pending migrations before it listens, so ``make run`` is one step and a
fresh data folder needs nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from steady import db, migrations
from steady.settings import Settings


async def _migrate(settings: Settings) -> None:
    engine = db.make_engine(settings.resolved_database_url)
    try:
        await migrations.migrate(engine)
    finally:
        await db.close_engine(engine)


def serve(settings: Settings) -> None:
    """Migrate, then serve the app and API until interrupted."""
    import uvicorn

    from steady.app import create_app

    asyncio.run(_migrate(settings))
    print(f"Steady is running at http://{settings.host}:{settings.port}", flush=True)  # noqa: T201
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
        server_header=False,
    )


def write_openapi(out: str) -> None:
    """Write the OpenAPI document the frontend's types are generated from."""
    from steady.app import create_app

    app = create_app(Settings.from_env())
    schema = app.openapi_schema.to_schema()
    text = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")


async def _reset_keys(settings: Settings, username: str) -> str:
    from steady.accounts.keys import start_over_with_new_keys
    from steady.accounts.passphrases import Passphrases
    from steady.app import create_app

    engine = db.make_engine(settings.resolved_database_url)
    create_app(settings, engine)  # the features' listeners hear what the reset announces
    await db.open_engine(engine, pool_size=2)
    try:
        passphrases = Passphrases(
            time_cost=settings.argon2_time_cost,
            memory_kib=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
            slots=1,
        )
        return await start_over_with_new_keys(passphrases, username)
    finally:
        await db.close_engine(engine)


def reset_keys(settings: Settings, username: str) -> None:
    """For someone who lost both passphrase and recovery key: delete their keys and print a
    one-time passphrase to hand them in person. What was sealed to them stays sealed."""
    temporary = asyncio.run(_reset_keys(settings, username))
    print(  # noqa: T201
        f"{username} can sign in once with: {temporary}\n"
        "Their phone will make new keys. Nothing sealed to their old keys can be read again.",
        flush=True,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="steady", description="Run Steady.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="apply migrations and serve the app")
    commands.add_parser("migrate", help="apply pending database migrations")
    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--out", default="-")
    reset = commands.add_parser(
        "reset-keys", help="let someone who lost passphrase and recovery key start over"
    )
    reset.add_argument("username")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "serve":
        serve(settings)
    elif args.command == "migrate":
        asyncio.run(_migrate(settings))
    elif args.command == "reset-keys":
        reset_keys(settings, args.username)
    else:
        write_openapi(args.out)


if __name__ == "__main__":
    main()
