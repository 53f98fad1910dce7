"""Direct quotations in a text: character ranges of quoted material, paragraph-aware.

News style leaves a quotation open at the end of a paragraph when the next paragraph goes on
quoting the same speaker; such a quote runs to the paragraph's end.
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

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        quotes += _in_paragraph(para.group(), para.start())
    return quotes


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
