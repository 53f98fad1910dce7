"""Direct quotations in a text: character ranges of quoted material, paragraph-aware.

News style leaves a quotation open at the end of a paragraph when the next paragraph goes on
quoting the same speaker; such a quote runs to the paragraph's end. The next paragraph reopens it with
a mark of its own, or (as some copy does) without one: then its words up to the first closing mark are
the same quotation, continued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = {'"': '"', "“": "”", "”": "”"}
_CLOSE = {'"', "”", "“"}


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted text, without the marks
    end: int
    text: str
    open_ended: bool  # ran to the end of its paragraph
    continued: bool = False  # goes on from the open quotation of the paragraph before, with no opening mark

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        p, base, skip = para.group(), para.start(), 0
        if quotes and quotes[-1].open_ended and (close := _first_closing(p)) is not None:
            body = p[:close].strip().rstrip(",").rstrip()  # '… early." After the match, X said, "…'
            if body:
                lead = len(p) - len(p.lstrip())
                quotes.append(Quote(base + lead, base + lead + len(body), body, False, continued=True))
            skip = close + 1
        quotes += _in_paragraph(p[skip:], base + skip)
    return quotes


def _first_closing(p: str) -> int | None:
    """Where the paragraph's first quotation mark is, if it closes (it follows a word or a stop, and no
    mark opens before it): the paragraph is a quotation continued."""
    i = next((k for k, ch in enumerate(p) if ch in _CLOSE or ch in _OPEN), None)
    if i is None or i == 0 or p[i - 1].isspace() or p[i] == "“":
        return None
    return i if i + 1 == len(p) or p[i + 1].isspace() or p[i + 1] in ",.;:)" else None


def _in_paragraph(p: str, base: int) -> list[Quote]:
    out: list[Quote] = []
    i = 0
    while i < len(p):
        ch = p[i]
        if ch in _OPEN and (i == 0 or not p[i - 1].isalnum() or ch == "“"):
            j = i + 1
            while j < len(p) and p[j] not in _CLOSE:
                j += 1
            inner_start, inner_end = i + 1, j
            raw = p[inner_start:inner_end]
            stripped = raw.strip().rstrip(",").rstrip()  # '"…," he said': the comma is the writer's
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                s = base + inner_start + lead
                out.append(Quote(s, s + len(stripped), stripped, j >= len(p)))
            i = j + 1
        else:
            i += 1
    return out
