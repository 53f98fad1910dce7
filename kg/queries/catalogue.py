"""The saved-query catalogue: `queries/*.rq` files with a readable, typed header.

Header lines start with `#+ ` (in the spirit of grlc's decorators):

    #+ summary: People, the roles they hold and where
    #+ description: One row per role a document states.
    #+ param: entity string required  Label, alias or IRI of the entity
    #+ param: since date optional=0001-01-01  Only facts on or after this date
    #+ hidden: true

A hidden query is left out of the lists (`kg query --list`, /api/queries, the UI, the reference) but
runs by name like any other: the server's own pages (kg.server.describe) run their queries this way.

An optional parameter names its default (`optional=VALUE`, `optional=""` for an empty string): it is
always bound, so a query tests `STR(?keyword) = ""` rather than `BOUND(?keyword)`. Parameters are
bound by a VALUES block at the top of every WHERE group (kg.store.binding): use them in those groups
and in sub-SELECTs, not inside a nested group such as a UNION branch, where they are not yet bound.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryError
from kg.store.lexer import query_form, without_comments

PARAM_TYPES = ("string", "entity", "iri", "date", "integer", "decimal", "boolean")
_PARAM = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>" + "|".join(PARAM_TYPES) + r")\s+"
                    r"(?P<required>required|optional=(?P<default>\"[^\"]*\"|\S*))\s*(?P<desc>.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    description: str = ""
    default: str | None = None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    sparql: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    hidden: bool = False

    @property
    def text(self) -> str:
        """The query as people read it in the UI: no header, no comments (notes for whoever edits the file).

        >>> SavedQuery("q", '#+ summary: s\\nSELECT ?s  # a note\\nWHERE { ?s <http://x/#y> "#" }', "s").text
        'SELECT ?s\\nWHERE { ?s <http://x/#y> "#" }\\n'
        """
        stripped = without_comments(self.sparql)  # comments never span lines
        lines: list[str] = []
        for before, after in zip(self.sparql.splitlines(), stripped.splitlines(), strict=True):
            if after.strip() or (not before.strip() and lines and lines[-1]):  # keep blank lines, not emptied ones
                lines.append(after.rstrip())
        return "\n".join(lines).strip() + "\n"

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return query_form(self.sparql) or "SELECT"


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """A SavedQuery from the text of an .rq file; the header must have a summary."""
    summary = ""
    description: list[str] = []
    params: list[Parameter] = []
    hidden = False
    for line in text.splitlines():
        if not line.startswith("#+"):
            continue
        key, _, value = line[2:].strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description.append(value)
        elif key == "hidden":
            if value.lower() not in ("true", "false"):
                raise QueryError(f"query {name}: bad hidden line {value!r} (want: true or false)")
            hidden = value.lower() == "true"
        elif key == "param":
            m = _PARAM.match(value)
            if not m:
                raise QueryError(f"query {name}: bad param line {value!r} "
                                 "(want: NAME TYPE required|optional=DEFAULT DESCRIPTION)")
            default = None if m["default"] is None else m["default"].strip('"')
            params.append(Parameter(m["name"], m["type"], m["required"] == "required", m["desc"].strip(), default))
    if not summary:
        raise QueryError(f"query {name}: header has no '#+ summary:' line")
    return SavedQuery(name, text, summary, " ".join(description), tuple(params), hidden)


class Catalogue:
    """The saved queries of a folder, looked up by name (never by path).

    A query is parsed once and kept while its file's modification time and size stay the same, so
    a server answers from memory yet sees an edited or added `.rq` file on the next request."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._parsed: dict[str, tuple[tuple[int, int], SavedQuery]] = {}

    def names(self) -> list[str]:
        """The names of the listed queries (not the hidden ones), sorted."""
        return [q.name for q in self.all()]

    def all(self) -> list[SavedQuery]:
        """The listed queries: every one but those marked `#+ hidden: true`."""
        files = sorted(p.stem for p in self.folder.glob("*.rq")) if self.folder.is_dir() else []
        return [q for q in map(self.get, files) if not q.hidden]

    def get(self, name: str) -> SavedQuery:
        path = self.folder / f"{name}.rq"
        try:
            st = path.stat() if _NAME.match(name) else None
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):
            raise QueryError(f"no saved query named {name!r}; `kg query --list` shows them")
        stamp = (st.st_mtime_ns, st.st_size)
        kept = self._parsed.get(name)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        query = parse_saved_query(name, path.read_text(encoding="utf-8"))
        self._parsed[name] = (stamp, query)
        return query
