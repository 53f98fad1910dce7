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
]
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
    """The publication date found in `lines`, and the indexes of the lines that only carry it."""
    for pattern in _LABELLED:
        for i, line in enumerate(lines):
            m = pattern.search(line)
            if m and (d := parse_date(m["d"])):
                only_date = len(line) < 120 and not line.rstrip().endswith((".", '"', "”"))
                return d, ({i} if only_date else set())
    return None, set()


def is_date_line(line: str) -> bool:
    """A short line that is only a date stamp ("Last Updated : Sep 13 2015 | 4:57 PM IST")."""
    s = line.strip()
    return len(s) < 90 and any(p.search(s) for p in _LABELLED[:3]) and not s.endswith(".")
