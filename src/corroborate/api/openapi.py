"""The OpenAPI 3 description of the API, written by hand to match routes.py."""

from __future__ import annotations

from typing import Any

from corroborate.records.incident import STATUSES


def _json(schema_ref: str, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


ERROR = _json("#/components/schemas/Error", "error (the one error shape)")
ERRORS = {str(code): ERROR for code in (400, 404, 405, 500)}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}


LIST_PARAMETERS = [
    _query("date_from", "incidents on or after (YYYY-MM-DD, YYYY-MM or YYYY)",
           {"type": "string"}),
    _query("date_to", "incidents on or before (YYYY-MM-DD, YYYY-MM or YYYY)",
           {"type": "string"}),
    _query("country", "ISO 3166-1 alpha-2 code", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
    _query("event_type", "explosion, shooting, armed_attack, ...", {"type": "string"}),
    _query("status", "incidents with at least one fact of this status",
           {"type": "string", "enum": list(STATUSES)}),
    _query("q", "words that must all occur in places or entities", {"type": "string"}),
    _query("limit", "page size", {"type": "integer", "minimum": 0, "maximum": 500,
                                  "default": 50}),
    _query("offset", "rows to skip", {"type": "integer", "minimum": 0, "default": 0}),
]


def _id_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


REPORT_INPUT = {
    "type": "object",
    "description": "one report: text or html, plus optional metadata",
    "properties": {k: {"type": "string"} for k in
                   ("text", "html", "url", "outlet", "published", "language", "title", "id")},
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["ok", "status", "error", "message"],
        "properties": {"ok": {"type": "boolean", "enum": [False]},
                       "status": {"type": "integer"}, "error": {"type": "string"},
                       "message": {"type": "string", "description": "what to do"}},
    },
    "IncidentSummary": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                       "event_date": {"type": "string", "nullable": True},
                       "event_type": {"type": "string", "nullable": True},
                       "place": {"type": "object"}, "reports": {"type": "integer"},
                       "headline": {"type": "object"},
                       "contested": {"type": "array", "items": {"type": "string"}}},
    },
    "IncidentList": {
        "type": "object",
        "properties": {"ok": {"type": "boolean"}, "count": {"type": "integer"},
                       "limit": {"type": "integer"}, "offset": {"type": "integer"},
                       "incidents": {"type": "array",
                                     "items": {"$ref": "#/components/schemas/IncidentSummary"}}},
    },
    "IncidentDetail": {
        "type": "object",
        "description": "incident is Incident.to_dict() (see docs/json-contract.md)",
        "properties": {"ok": {"type": "boolean"}, "incident": {"type": "object"},
                       "title": {"type": "string"},
                       "fact_order": {"type": "array", "items": {"type": "string"}},
                       "reports": {"type": "array", "items": {"type": "object"}},
                       "places": {"type": "array", "items": {"type": "object"}}},
    },
    "ReportDetail": {
        "type": "object",
        "properties": {"ok": {"type": "boolean"}, "report": {"type": "object"},
                       "incident": {"type": "string", "nullable": True},
                       "claims": {"type": "array", "items": {"type": "object"}},
                       "entities": {"type": "array", "items": {"type": "object"}},
                       "places": {"type": "array", "items": {"type": "object"}}},
    },
    "ReportsInput": {
        "type": "object", "required": ["reports"],
        "properties": {"reports": {"type": "array", "minItems": 1, "maxItems": 500,
                                   "items": REPORT_INPUT}},
    },
    "IngestResult": {
        "type": "object",
        "properties": {"ok": {"type": "boolean"}, "received": {"type": "integer"},
                       "added": {"type": "integer"}, "unchanged": {"type": "integer"},
                       "incidents": {"type": "array", "items": {"type": "string"}},
                       "diagnostics": {"type": "array", "items": {"type": "object"}}},
    },
}


def schema() -> dict[str, Any]:
    """The OpenAPI document served at /api/openapi.json."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "corroborate", "version": "0.1.0",
                 "description": "Reconciled incident records built from many news reports."},
        "paths": {
            "/api/incidents": {"get": {
                "summary": "List incidents", "parameters": LIST_PARAMETERS,
                "responses": {"200": _json("#/components/schemas/IncidentList", "incidents"),
                              **ERRORS}}},
            "/api/incidents/{incident_id}": {"get": {
                "summary": "One incident with facts, claims, timeline and reports",
                "parameters": [_id_param("incident_id")],
                "responses": {"200": _json("#/components/schemas/IncidentDetail", "incident"),
                              **ERRORS}}},
            "/api/reports/{report_id}": {"get": {
                "summary": "One report: text, metadata, claims and entity mentions with spans",
                "parameters": [_id_param("report_id")],
                "responses": {"200": _json("#/components/schemas/ReportDetail", "report"),
                              **ERRORS}}},
            "/api/reports": {"post": {
                "summary": "Add reports (bearer token needed; 403 when the server is read-only)",
                "security": [{"bearer": []}],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ReportsInput"}},
                    "multipart/form-data": {"schema": {
                        "type": "object",
                        "properties": {"file": {"type": "array", "items": {
                            "type": "string", "format": "binary"}},
                            "text": {"type": "string"},
                            **{k: {"type": "string"} for k in
                               ("url", "outlet", "published", "language", "title")}}}}}},
                "responses": {"200": _json("#/components/schemas/IngestResult", "ingested"),
                              **{str(c): ERROR for c in (400, 401, 403, 413, 415, 500)}}}},
            "/api/status": {"get": {
                "summary": "Whether the server accepts reports, and how many it holds",
                "responses": {"200": {"description": "status"}, **ERRORS}}},
            "/api/openapi.json": {"get": {
                "summary": "This document", "responses": {"200": {"description": "OpenAPI"}}}},
        },
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
