"""Jinja2 templates (autoescaped) from kg/server/templates."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from kg.server.state import TEMPLATES


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)
