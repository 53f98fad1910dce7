"""The saved-query catalogue: `queries/*.rq` files with a readable, typed header.

Header lines start with `#+ ` (in the spirit of grlc's decorators):

    #+ summary: People, the roles they hold and where
    #+ description: One row per role a document states.
    #+ param: entity string required  Label, alias or IRI of the entity
    #+ param: since date optional  Only facts on or after this date
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryError

PARAM_TYPES = ("string", "iri", "date", "integer", "decimal", "boolean")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_QUERY_FORM = re.compile(r"^\s*(?:PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    sparql: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        body = "\n".join(line for line in self.sparql.splitlines() if not line.lstrip().startswith("#"))
        m = _QUERY_FORM.search(body)
        return m.group(1).upper() if m else "SELECT"


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """A SavedQuery from the text of an .rq file; the header must have a summary."""
    summary = ""
    description: list[str] = []
    params: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#+"):
            continue
        key, _, value = line[2:].strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description.append(value)
        elif key == "param":
            parts = value.split(None, 3)
            if len(parts) < 2 or parts[1] not in PARAM_TYPES:
                raise QueryError(f"query {name}: bad param line {value!r} (want: NAME TYPE [required|optional] TEXT)")
            required = len(parts) > 2 and parts[2] == "required"
            desc = parts[3] if len(parts) > 3 else (parts[2] if len(parts) > 2 and parts[2] not in ("required", "optional") else "")
            params.append(Parameter(parts[0], parts[1], required, desc))
    if not summary:
        raise QueryError(f"query {name}: header has no '#+ summary:' line")
    return SavedQuery(name, text, summary, " ".join(description), tuple(params))


class Catalogue:
    """The saved queries of a folder, looked up by name (never by path)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.rq")) if self.folder.is_dir() else []

    def all(self) -> list[SavedQuery]:
        return [self.get(n) for n in self.names()]

    def get(self, name: str) -> SavedQuery:
        if not _NAME.match(name) or name not in self.names():
            raise QueryError(f"no saved query named {name!r}; `kg query --list` shows them")
        path = self.folder / f"{name}.rq"
        return parse_saved_query(name, path.read_text(encoding="utf-8"))
