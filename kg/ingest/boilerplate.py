"""Boilerplate removal for plain-text news: paywalls, widgets, link lists, captions, bylines.

Rules are about page furniture, never about article content, so they carry over to any site.
"""

from __future__ import annotations

import re

# A line that starts the page footer: everything from it on is dropped.
_FOOTER_START = re.compile(
    r"^\s*(\*?subscribe to\b|more from this section\b|next story\b|explore news\b|other stories you might like\b|"
    r"blog comments powered by\b|related (stories|articles|news)\b|read more:?$|recommended( for you)?:?$|"
    r"tip us off\b|send us news\b|more about$|also read:?$|advertisement$|comments?$|"
    r"share this (article|story)\b|follow us on\b|sign up for\b|download the .{1,40} app\b)",
    re.I,
)
# A line dropped wherever it appears.
_JUNK_LINE = re.compile(
    r"^\s*(image|photo|video|advertisement|ad|share|print|email|listen|comments?|posted in:.*|tags?:.*|"
    r"this article is more than .{1,20} old|(₹|\$|€|£)\s?[\d,.]+(/month)?|save \d+%|\d+ (months?|years?)|"
    r"renews automatically.*|.*\btelegram channel\b.*|don't miss .*|click here.*|"
    r"read also.*|also read.*|first published:.*|last updated\s*:.*|updated\s*:.*|published\s*:.*)\s*$",
    re.I,
)
# Photo captions marked as such: "... PHOTO: REUTERS", "(Photo: AP)", "Caption: ...".
_CAPTION = re.compile(r"(\bphoto(graph)?\s*(:|/|by)\s*[A-Z][\w .,&/-]{1,40}\)?\s*$|^\s*(caption|file photo)\s*:)", re.I)
# Agency credit lines at the end of wire stories: "REUTERS, NEW YORK TIMES", "AFP", "- IANS".
_CREDIT_LINE = re.compile(r"^\s*[-–—]?\s*[A-Z][A-Z .&]{1,30}(,\s*[A-Z][A-Z .&]{1,30})*\s*$")
# A byline: "By Liu Xin Source:Global Times Published: ..."; the source is kept as metadata.
_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*(\||,|source\s*:|$)", re.I)
_SOURCE = re.compile(r"\bsource\s*:\s*(?P<s>[A-Z][\w .&'-]{1,40}?)(?=\s+(published|updated|posted)\b|\s*\||\s*$)", re.I)
# A bare link list item or URL.
_LINKISH = re.compile(r"^\s*(https?://\S+|www\.\S+|[•·▪►»]\s*.{0,80})\s*$")
_PRINT_EDITION = re.compile(r"^\s*a version of this article appeared in the print edition of (?P<s>.+?)(?: on |,|$)", re.I)


def clean_lines(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The article's own lines, and metadata found in the furniture (byline source, print edition)."""
    meta: dict[str, str] = {}
    kept: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if _FOOTER_START.match(line):
            break
        if (m := _SOURCE.search(line)) and _BYLINE.match(line) or (m and len(line) < 120):
            meta.setdefault("source", m["s"].strip())
            continue
        if m := _PRINT_EDITION.match(line):
            meta.setdefault("source", m["s"].strip())
            continue
        if _BYLINE.match(line) and len(line) < 80 and not line.endswith("."):
            continue
        if not line:
            kept.append("")
            continue
        if _JUNK_LINE.match(line) or _CAPTION.search(line) or _LINKISH.match(line):
            continue
        if _CREDIT_LINE.match(line) and len(line.split()) <= 8 and i > len(lines) // 2:
            continue
        if _is_truncated_copy(line, lines[i + 1 : i + 3]):
            continue
        kept.append(line)
    return _squeeze_blank(kept), meta


def _is_truncated_copy(line: str, following: list[str]) -> bool:
    """Teaser text cut mid-word and repeated in full on the next line (a common scrape artefact)."""
    return len(line) > 40 and any(f.strip().startswith(line) and len(f.strip()) > len(line) for f in following)


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


# A live blog's entry time before its text: "18:25 - Zelensky lands in Vilnius".
_ENTRY_TIME = re.compile(r"^(\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|BST|CET|ET|local))?)\s+[-–—•|]\s+(?=\S)",
                         re.I)


def split_entry_time(line: str) -> str:
    """'18:25 - Zelensky lands …' -> '18:25' and 'Zelensky lands …' on a line of its own: the small model
    reads a name right after a time as part of the time, or the name and its verb as one noun."""
    return _ENTRY_TIME.sub(r"\1\n", line, count=1)
