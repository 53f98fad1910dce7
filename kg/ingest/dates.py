"""Publication-date detection in the header and footer lines news sites print."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

# Labelled dates, most trustworthy first: a "published" stamp beats an "updated" one.
_LABELLED = [
    re.compile(r"\b(?:first\s+)?published\s*(?:on|at)?\s*:?\s*(?P<d>[^|\n]{6,40}?)(?:\s*\||\s+\d{1,2}:\d{2}|$)", re.I | re.M),
    re.compile(r"\b(?:posted|dated?)\s*(?:on)?\s*:?\s*(?P<d>[^|\n]{6,40}?)(?:\s*\||\s+\d{1,2}:\d{2}|$)", re.I | re.M),
    re.compile(r"\b(?:last\s+)?updated\s*(?:on|at)?\s*:?\s*(?P<d>[^|\n]{6,40}?)(?:\s*\||\s+\d{1,2}:\d{2}|$)", re.I | re.M),
    re.compile(r"\bappeared in the print edition of .{3,60}? on (?P<d>[A-Z][a-z]+ \d{1,2},? \d{4})"),
    re.compile(r"\bthis (?:story|article|report) is from (?P<d>[A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})", re.I),
]
#: A month as news writes it: "Sept", "Oct.", "October" (a regular-expression fragment).
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A full date as headers print it: "July 16, 2018", "15 May 2023", "Sept. 4, 2023", "2023-09-04".
_FULL_DATE = re.compile(rf"\b(?:{MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
_HEADER_LINES = 8
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


def parse_date(text: str) -> date | None:
    """A calendar date from a free-form date string, or None."""
    text = text.strip(" :,.-|")
    m = _ISO.search(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not re.search(r"\d{4}", text):
        return None
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None


def find_publication_date(lines: list[str]) -> tuple[date | None, set[int]]:
    """The publication date found in `lines`, and the indexes of the lines that only carry it.

    A labelled stamp ("Published: …", "Updated …", "This story is from …") wins; else the first full
    date in a header line near the top that is not a sentence ("July 16, 2018", "September 4, 2023, Sochi",
    "Press release, 15 May 2023")."""
    for pattern in _LABELLED:
        for i, line in enumerate(lines):
            m = pattern.search(line)
            if m and (d := parse_date(m["d"])):
                only_date = len(line) < 120 and not line.rstrip().endswith((".", '"', "”"))
                return d, ({i} if only_date else set())
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if is_sentence(line):
            continue
        m = _FULL_DATE.search(line)
        if m and (d := parse_date(m[0])):
            return d, ({i} if is_header_date_line(line) else set())
    return None, set()


def is_sentence(line: str) -> bool:
    s = line.strip()
    return len(s) > 140 or s.endswith((".", '"', "”", "?", "!")) and len(s.split()) > 6


def is_header_date_line(line: str) -> bool:
    """A short line that is only a date, or a date and a place ("September 4, 2023, Sochi")."""
    s = line.strip()
    m = _FULL_DATE.search(s)
    if not m or len(s) > 60:
        return False
    rest = (s[:m.start()] + s[m.end():]).strip(" ,.-–—|")
    return not rest or (len(rest.split()) <= 3 and rest[:1].isupper() and not rest.endswith("."))


def header_place(line: str) -> str | None:
    """The place of a header date line ('Brussels, 23 June 2025', 'September 4, 2023, Sochi'): where the story
    was filed. Not a label ('Press release') or a weekday."""
    s = line.strip()
    m = _FULL_DATE.search(s)
    if not m or not is_header_date_line(s):
        return None
    rest = (s[:m.start()] + s[m.end():]).strip(" ,.-–—|")
    words = rest.replace(",", " ").split()
    if not words or not all(w[:1].isupper() for w in words) or any(w.lower() in _NOT_PLACES for w in words):
        return None
    return rest


_NOT_PLACES = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "updated",
                         "published", "posted", "date", "dated", "issued"])


def is_date_line(line: str) -> bool:
    """A short line that is only a date stamp ("Last Updated : Sep 13 2015 | 4:57 PM IST")."""
    s = line.strip()
    return len(s) < 90 and any(p.search(s) for p in _LABELLED[:3]) and not s.endswith(".")


#: "HELSINKI, July 16 (Reuters) -", "Pyongyang, June 19 (KCNA) --": a dateline with a month and day.
_DATELINE_DAY = re.compile(rf"^[A-Z][A-Za-z .'’-]{{1,40}},\s+(?P<d>{MONTH} \d{{1,2}}|\d{{1,2}} {MONTH})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def dateline_date(text: str) -> date | None:
    """The date of a dateline that gives no year, with the first year its own paragraph names
    ('Pyongyang, June 19 (KCNA) -- … on June 19, Juche 113 (2024)'); a year further on is more often
    the past the story recalls ('the deadliest clash since 2019')."""
    first = text.lstrip().split("\n", 1)[0]
    m = _DATELINE_DAY.match(first)
    year = _YEAR.search(first) if m else None
    return parse_date(f"{m['d']} {year[0]}") if m and year else None


#: "https://example.org/world/2023/03/15/envoys-meet", "…/2023-03-15/…", "…/20230315-…": a story's day in its address.
_URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:[/-]|$)")


def url_date(url: str | None) -> date | None:
    """The day a news address carries, when a story gives no other date."""
    m = _URL_DAY.search(url or "")
    if m is None:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
