"""Renderers: a run result to JSON, Markdown or CSV. Registered by name, like plugins."""

from __future__ import annotations

from collections.abc import Callable

from corroborate.errors import ConfigError
from corroborate.render.csv import render_csv
from corroborate.render.json import render_json, to_document
from corroborate.render.markdown import render_markdown

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "md": render_markdown,
    "csv": render_csv,
}


def register_renderer(name: str, renderer: Renderer) -> None:
    """Add an output format (third-party formats use this too)."""
    RENDERERS[name] = renderer


def get_renderer(name: str) -> Renderer:
    try:
        return RENDERERS[name]
    except KeyError:
        raise ConfigError(f"unknown format {name!r}; choose one of: "
                          f"{', '.join(sorted(RENDERERS))}") from None


__all__ = ["RENDERERS", "get_renderer", "register_renderer", "render_csv", "render_json",
           "render_markdown", "to_document"]
