"""News outlets and agencies in mastheads and datelines ("IANS Washington", "WASHINGTON •")."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.data import read_table

_INLINE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'-]{2,30})(,\s*[A-Z][A-Za-z .]{2,20})?\s*(\([A-Za-z .]{2,30}\))?\s*[•—–-]+\s+(?=[A-Z\"“])")


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Lower-cased outlet name or alias -> canonical outlet name."""
    names: dict[str, str] = {}
    for row in read_table("outlets.tsv"):
        for alias in [row[0], *row[2].split(";")] if len(row) > 2 else [row[0]]:
            if alias.strip():
                names[alias.strip().lower()] = row[0]
    return names


def dateline_source(line: str, *, masthead: bool = False) -> str | None:
    """The outlet of a short line that is only an agency dateline or a masthead, else None."""
    s = line.strip()
    if not s or len(s.split()) > 7 or s.endswith((".", "?", "!", '"', "”")):
        return None
    low = s.lower()
    for alias, name in sorted(outlet_names().items(), key=lambda kv: -len(kv[0])):
        if low == alias or (not masthead and low.startswith(alias + " ") and s[len(alias) + 1:][:1].isupper()):
            return name
    return None


def split_inline_dateline(line: str) -> tuple[str | None, str]:
    """'WASHINGTON • Senior officials…' -> ('Washington', 'Senior officials…'): the dateline's place, kept as
    the document's metadata, and the line without it (datelines must not become entities)."""
    m = _INLINE_DATELINE.match(line)
    if m is None:
        return None, line
    return m["place"].strip().title(), line[m.end():]
