"""The ASGI app: REST API under /api, the analyst's desk UI at /.

Static files come from package data by fixed name only: a request path never
reaches the file system.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corroborate.api import routes
from corroborate.api.errors import HANDLERS, SECURITY_HEADERS, ApiError
from corroborate.records import Report

Ingest = Callable[[Any, Sequence[Report]], Any]

# name in the URL -> (file in api/static, media type). Nothing else is served.
STATIC = {
    "app.js": ("app.js", "text/javascript; charset=utf-8"),
    "app.css": ("app.css", "text/css; charset=utf-8"),
    "countries.json": ("countries.json", "application/json"),
    "countries-LICENSE.txt": ("countries-LICENSE.txt", "text/plain; charset=utf-8"),
    "favicon.svg": ("favicon.svg", "image/svg+xml"),
}


@cache
def _package_file(name: str) -> bytes:
    return resources.files("corroborate.api").joinpath("static", name).read_bytes()


async def static_file(request: Request) -> Response:
    entry = STATIC.get(request.path_params["name"])
    if entry is None:
        raise ApiError(404, "no such static file; the UI is at /")
    filename, media_type = entry
    return Response(_package_file(filename), media_type=media_type,
                    headers={"cache-control": "no-cache"})


async def index(request: Request) -> Response:
    return Response(_package_file("index.html"), media_type="text/html; charset=utf-8",
                    headers={"cache-control": "no-cache"})


class SecurityHeaders:
    """Add the security headers to every response that does not set them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.encode() not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def default_ingest() -> Ingest:
    """The engine's ingest, with its pipeline loaded once on first use."""
    lock = threading.Lock()
    pipeline: list[Any] = []

    def ingest(store: Any, reports: Sequence[Report]) -> Any:
        from corroborate.engine.incremental import ingest_reports
        from corroborate.extract.pipeline import Pipeline

        with lock:  # one analysis at a time: the pipeline is not re-entrant
            if not pipeline:
                pipeline.append(Pipeline())
            return ingest_reports(store, reports, pipeline=pipeline[0])

    return ingest


def create_app(store: Any, *, ingest: Ingest | None = None, token: str | None = None,
               max_body: int = 2_000_000) -> Starlette:
    """Build the app over ``store``.

    Args:
        store: a ``corroborate.store`` Store.
        ingest: ``(store, reports) -> IngestResult``; defaults to the engine's ingest.
        token: bearer token needed to add reports; None makes the server read-only.
        max_body: largest request body accepted, in bytes (413 above it).
    """
    if token is not None and not token.strip():
        raise ValueError("token must be None (read-only) or a non-empty string")
    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/static/{name}", static_file, methods=["GET"]),
            Route("/api/incidents", routes.list_incidents, methods=["GET"]),
            Route("/api/incidents/{incident_id}", routes.get_incident, methods=["GET"]),
            Route("/api/reports", routes.add_reports, methods=["POST"]),
            Route("/api/reports/{report_id}", routes.get_report, methods=["GET"]),
            Route("/api/status", routes.status, methods=["GET"]),
            Route("/api/openapi.json", routes.openapi, methods=["GET"]),
        ],
        exception_handlers=dict(HANDLERS),
    )
    app.state.store = store
    app.state.ingest = ingest or default_ingest()
    app.state.token = token
    app.state.max_body = max_body
    app.add_middleware(SecurityHeaders)
    return app


def serve(store_url: str, *, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Run the desk on ``host:port`` over the store at ``store_url`` until interrupted."""
    import uvicorn

    from corroborate.store import open_store

    store = open_store(store_url)
    try:
        uvicorn.run(create_app(store, token=token), host=host, port=port,
                    log_level="info", server_header=False)
    finally:
        store.close()
