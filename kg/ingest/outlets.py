"""News outlets and agencies in mastheads and datelines ("IANS Washington", "WASHINGTON •")."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.data import read_table
from kg.ingest.dates import MONTH
from kg.nlp.gazetteer import lookup_country

#: "WASHINGTON —", "PARIS (AP) —", "RIYADH, Sept 10 (Reuters) -", "Pyongyang, October 6 (KCNA) --", "SOCHI,
#: September 4. /TASS/.", "Riyadh, March 4, 2025, SPA --": a place in capitals, or in title case when a day or an
#: agency follows it, then a dash.
_INLINE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3}|(?P<titled>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    rf"(?:,?\s+(?P<day>{MONTH} \d{{1,2}}|\d{{1,2}} {MONTH})(?:,? \d{{4}})?)?"
    r"(?:\s*(?P<agency>\([A-Za-z .]{2,30}\)|(?<=\d),\s*[A-Z]{2,10})?\s*(?:[•—–]+|-{1,2})"
    r"|(?P<slashed>\.\s*/[A-Za-z .-]{2,30}/\.))"
    r"\s+(?=[A-Z\"“])")


#: "NEW DELHI: …", "ISLAMABAD, March 3 (APP): …": a place in capitals, a day, an agency, then a colon.
_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3})"
    rf"(?:,?\s+(?:{MONTH} \d{{1,2}}|\d{{1,2}} {MONTH})(?:,? \d{{4}})?)?"
    r"\s*(?P<agency>\([A-Za-z .]{2,30}\))?\s*:\s+(?=[A-Z\"“])")


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
    if m is None or len(m["place"]) < 3 or (m["titled"] and not (m["day"] or m["agency"] or m["slashed"])):
        return _colon_dateline(line)
    return m["place"].split("/")[0].strip().title(), line[m.end():]


def _colon_dateline(line: str) -> tuple[str | None, str]:
    """'NEW DELHI: Prime Minister …', 'ISLAMABAD, March 3 (APP): …': a colon ends the dateline where the place is
    a country or a capital the gazetteer knows, or an agency is named ('QUESTION:' and 'MR X:' are no places)."""
    m = _COLON_DATELINE.match(line)
    if m is None or not (m["agency"] or lookup_country(m["place"].split("/")[0]) is not None):
        return None, line
    return m["place"].split("/")[0].strip().title(), line[m.end():]
