"""The REST endpoints. Each reads ``request.app.state`` (store, token, limits)."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse

from corroborate.api import uploads, views
from corroborate.api.errors import ApiError
from corroborate.api.openapi import schema
from corroborate.records import Diagnostic, Report
from corroborate.records.incident import STATUSES

LIST_PARAMS = ("date_from", "date_to", "country", "event_type", "status", "q", "limit", "offset")
MAX_LIMIT = 500
# Ids are report hashes or ids given in input; anything else is refused early.
ID_RE = re.compile(r"^[A-Za-z0-9._:\-]{1,200}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def ok(body: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"ok": True, **body}, status_code=status,
                        headers={"cache-control": "no-store"})


def _int_param(params: Any, name: str, default: int, high: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) > high:
        raise ApiError(400, f"{name} must be a whole number from 0 to {high} (got {raw[:40]!r})")
    return int(raw)


def list_filters(params: Any) -> dict[str, Any]:
    """Validate the list query; unknown parameters are refused so typos do not pass."""
    unknown = sorted(set(params) - set(LIST_PARAMS))
    if unknown:
        raise ApiError(400, f"unknown parameter(s) {', '.join(unknown)[:200]}; "
                            f"accepted: {', '.join(LIST_PARAMS)}")
    filters: dict[str, Any] = {k: params.get(k) or None for k in LIST_PARAMS[:6]}
    for key in ("date_from", "date_to"):
        if filters[key] and not DATE_RE.match(filters[key]):
            raise ApiError(400, f"{key} must be YYYY-MM-DD, YYYY-MM or YYYY")
    if filters["country"] and not re.fullmatch(r"[A-Za-z]{2}", filters["country"]):
        raise ApiError(400, "country must be an ISO 3166-1 alpha-2 code such as IR")
    if filters["status"] and filters["status"] not in STATUSES:
        raise ApiError(400, f"status must be one of {', '.join(STATUSES)}")
    if filters["q"] and len(filters["q"]) > 500:
        raise ApiError(400, "q is longer than 500 characters; shorten the query")
    filters["limit"] = _int_param(params, "limit", 50, MAX_LIMIT)
    filters["offset"] = _int_param(params, "offset", 0, 10**9)
    return filters


def _checked_id(raw: str, what: str) -> str:
    if not ID_RE.match(raw):
        raise ApiError(404, f"no {what} with that id; ids are letters, digits and . _ : -")
    return raw


async def list_incidents(request: Request) -> JSONResponse:
    filters = list_filters(request.query_params)
    store = request.app.state.store
    incidents = store.list_incidents(**filters)
    return ok({"incidents": [views.incident_summary(i) for i in incidents],
               "limit": filters["limit"], "offset": filters["offset"],
               "count": len(incidents)})


async def get_incident(request: Request) -> JSONResponse:
    incident_id = _checked_id(request.path_params["incident_id"], "incident")
    store = request.app.state.store
    return ok(views.incident_detail(store, store.get_incident(incident_id)))


async def get_report(request: Request) -> JSONResponse:
    report_id = _checked_id(request.path_params["report_id"], "report")
    store = request.app.state.store
    return ok(views.report_detail(store, store.get_analysis(report_id)))


async def status(request: Request) -> JSONResponse:
    state = request.app.state
    return ok({"writable": state.token is not None, "reports": state.store.report_count(),
               "max_body": state.max_body})


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(schema(), headers={"cache-control": "no-cache"})


# ---------------------------------------------------------------- writing


def check_token(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise ApiError(403, "this server is read-only: start it with a token "
                            "(corroborate serve --token ...) to add reports")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "adding reports needs 'Authorization: Bearer <token>'",
                       headers={"www-authenticate": 'Bearer realm="corroborate"'})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "the bearer token is wrong; use the token the server was started with")


async def read_capped(request: Request, limit: int) -> bytes:
    """Read the body, refusing it (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is {declared} bytes; the limit is {limit}. "
                            "Send fewer or smaller reports per request.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is over the {limit}-byte limit; "
                                "send fewer or smaller reports per request")
        chunks.append(chunk)
    return b"".join(chunks)


def _replay(body: bytes) -> Callable[[], Any]:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def parse_form(request: Request, body: bytes, max_bytes: int) -> list[uploads.Item]:
    replay = Request(request.scope, receive=_replay(body))
    try:
        form = await replay.form(max_files=50, max_fields=50, max_part_size=max_bytes)
    except Exception as exc:  # multipart's own errors carry no status we can trust
        raise ApiError(400, f"the multipart body could not be read ({type(exc).__name__}); "
                            "send files in a 'file' field") from None
    items: list[uploads.Item] = []
    # A browser sends an unnamed, empty part for a file input left blank.
    files = [v for _, v in form.multi_items()
             if isinstance(v, UploadFile) and (v.filename or v.size)]
    for index, upload in enumerate(files, start=1):
        data = await upload.read()
        items.extend(uploads.from_upload(upload.filename or "", data, index=index,
                                         max_bytes=max_bytes))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        meta = {k: v for k, v in form.items() if isinstance(v, str)}
        items.extend(uploads.from_pasted(text, meta, max_bytes=max_bytes))
    if not items:
        raise ApiError(400, "the form holds no report: fill 'text' or upload "
                            ".txt, .html or .jsonl files in 'file'")
    return items


async def add_reports(request: Request) -> JSONResponse:
    check_token(request)
    state = request.app.state
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/json", "multipart/form-data"):
        raise ApiError(415, "send application/json ({\"reports\": [...]}) or "
                            "multipart/form-data with files")
    body = await read_capped(request, state.max_body)
    if ctype == "application/json":
        items = uploads.from_json(body, max_bytes=state.max_body)
    else:
        items = await parse_form(request, body, state.max_body)
    reports = [i for i in items if isinstance(i, Report)]
    diagnostics = [i for i in items if isinstance(i, Diagnostic)]
    result = await run_in_threadpool(state.ingest, state.store, reports) if reports else None
    return ok(_ingest_body(result, diagnostics, len(reports)))


def _ingest_body(result: Any, diagnostics: list[Diagnostic], given: int) -> dict[str, Any]:
    get = (result.get if isinstance(result, dict)
           else (lambda k, d=None: getattr(result, k, d)))
    found = [*diagnostics, *(get("diagnostics", ()) or ())]
    return {
        "received": given,
        "added": get("added", 0) or 0,
        "unchanged": get("unchanged", 0) or 0,
        "incidents": list(get("incidents", ()) or ()),
        "diagnostics": [d.to_dict() if isinstance(d, Diagnostic) else d for d in found],
    }


