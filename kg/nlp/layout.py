"""News layout on a spaCy Doc: lines, datelines and bylines, whose names are not mentions.

"WASHINGTON •", "BEIJING, Sept 13 (Xinhua) --" and "By Liu Xin" say where and by whom a story was
filed; the place and the reporter are not actors of the story, so span repair drops them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.data import word_list

DASHES = frozenset({"•", "—", "–", "-", "--", "|", "·"})
_BYLINE_STARTS = word_list("layout", "byline_starts")
_MAX_DATELINE = 12
_MAX_BYLINE = 16


def lines(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) of the text's lines (a line break ends a line)."""
    start = 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                yield start, end
            start = tok.i + 1
    if start < len(doc):
        yield start, len(doc)


def dateline_and_byline_tokens(doc: Doc) -> set[int]:
    """Indices of tokens in a dateline prefix or a byline line (read once per document)."""
    cached = doc.user_data.get(_LAYOUT_KEY)
    if cached is None:
        cached = doc.user_data[_LAYOUT_KEY] = sorted(_dateline_and_byline_tokens(doc))  # a list: Doc.to_bytes packs it
    return set(cached)


_LAYOUT_KEY = "kg_dateline_and_byline_tokens"


def _dateline_and_byline_tokens(doc: Doc) -> set[int]:
    out: set[int] = set()
    for start, end in lines(doc):
        while start < end and doc[start].is_space:
            start += 1
        if start >= end:
            continue
        if _is_byline(doc, start, end):
            out.update(range(start, end))
            continue
        dash = next((i for i in range(start, min(end, start + _MAX_DATELINE)) if doc[i].text in DASHES), None)
        if dash is not None and dash > start and _is_dateline(doc, start, dash):
            out.update(range(start, dash + 1))
    return out


def _is_byline(doc: Doc, start: int, end: int) -> bool:
    head = " ".join(t.lower_ for t in doc[start:min(end, start + 3)])
    return end - start <= _MAX_BYLINE and doc[start].text[:1].isupper() and any(
        head == b or head.startswith(b + " ") for b in _BYLINE_STARTS)


def _is_dateline(doc: Doc, start: int, dash: int) -> bool:
    """A capitalised place (all caps, or followed by a date or an agency in brackets) then a dash."""
    prefix = doc[start:dash]
    depth, words = 0, []
    for t in prefix:  # the agency in brackets ("(dpa)") may be tagged as anything
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            words.append(t)
    if any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in words):
        return False
    bracketed = prefix[-1].text == ")" and any(t.text == "(" for t in prefix)
    return (prefix[0].is_upper and len(prefix[0].text) > 1) or bracketed
