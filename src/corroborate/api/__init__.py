"""HTTP API and the analyst's desk web UI (needs the ``web`` extra)."""

from corroborate.api.app import create_app, serve

__all__ = ["create_app", "serve"]
