"""Parsing long texts: split at paragraph boundaries, parse the pieces, join the parses.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and its parser and NER need
memory in proportion to the text they get, so a long document is parsed in pieces of at most
`chunk_chars` characters that end at a blank line (else a line break, else a space). The pieces are
joined with `Doc.from_docs`, whose text is exactly the document's text, so every character offset a
fact records stays an offset into the document. Each piece is parsed on its own, so a heuristic that
looks across the whole document (a surname seen in full earlier names a person) does not cross pieces.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

#: Largest piece of text given to spaCy at once (a tenth of its own max_length).
CHUNK_CHARS = 100_000


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of `text`, each at most `limit` characters, whose concatenation is `text`.

    A piece ends after a blank line, else a line break, else a space, found in its second half;
    only a run of `limit // 2` characters with no whitespace at all is cut mid-word."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            i = text.rfind(sep, start + limit // 2, end)
            if i >= 0:
                cut = i + len(sep)
                break
        if cut < 0:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1,
                chunk_chars: int = CHUNK_CHARS) -> Iterator[Doc]:
    """One Doc per text, in order, like nlp.pipe; texts longer than `chunk_chars` are parsed in pieces."""
    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_text(text, chunk_chars) if len(text) > chunk_chars else [text]
            counts.append(len(parts))
            yield from parts

    parsed = iter(nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process))
    for first in parsed:
        n = counts.popleft()
        if n == 1:
            yield first
        else:
            docs = [first, *(next(parsed) for _ in range(n - 1))]
            yield Doc.from_docs(docs, ensure_whitespace=False)
