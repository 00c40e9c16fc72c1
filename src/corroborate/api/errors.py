"""One JSON error shape for every error the API returns.

``{"ok": false, "status": 404, "error": "not_found", "message": "..."}``: the
message says what to do. Internal errors never leak a traceback or the text of
the exception.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from corroborate.errors import CorroborateError, NotFound

log = logging.getLogger("corroborate.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    500: "internal_error",
}

# Headers every response carries, errors included (the 500 handler runs outside
# the header middleware, so responses built here add them themselves).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class ApiError(Exception):
    """An error to answer with: status, code and a message telling the caller what to do."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, *, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "status": status,
                            "error": code or CODES.get(status, "error"), "message": message}
    all_headers = {**SECURITY_HEADERS, "cache-control": "no-store", **(headers or {})}
    return JSONResponse(body, status_code=status, headers=all_headers)


async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, code=exc.code, headers=exc.headers)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = (f"nothing at {request.url.path}; see /api/openapi.json for the routes, "
                   "or / for the web interface")
    elif exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        message = f"{request.method} is not allowed on {request.url.path}; use {allowed}"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, message, headers=dict(exc.headers or {}))


async def on_corroborate_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CorroborateError)
    if isinstance(exc, NotFound):
        return error_response(404, f"{exc}; check the id (list them with /api/incidents)")
    status = exc.status if exc.status in CODES else 500
    if status >= 500:
        return await on_internal_error(request, exc)
    return error_response(status, str(exc))


async def on_internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "the server failed to answer this request; it has been "
                               "logged on the server. Retry, or report it with the time "
                               "of the request.")


HANDLERS = {
    ApiError: on_api_error,
    HTTPException: on_http_error,
    CorroborateError: on_corroborate_error,
    Exception: on_internal_error,
}
