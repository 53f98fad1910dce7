"""Finding tokens by their words without walking the whole Doc: a Doc's attributes as one array.

Each extractor that looks for a handful of words ("including", "heads", "chairs") would otherwise build a
Token object for every token of the document; reading the lemma or lower-case array once is much cheaper.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token


def tokens_with_lemma(doc: Doc, lemmas: Iterable[str]) -> Iterator[Token]:
    """The tokens whose lemma (lower-cased as spaCy stores it, or as given) is one of `lemmas`, in order."""
    return _with(doc, LEMMA, {w for lemma in lemmas for w in (lemma, lemma.lower())})


def tokens_with_lower(doc: Doc, forms: Iterable[str]) -> Iterator[Token]:
    """The tokens whose lower-case form is one of `forms`, in order."""
    return _with(doc, LOWER, {f.lower() for f in forms})


def _with(doc: Doc, attr: int, words: set[str]) -> Iterator[Token]:
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in words}
    for i, value in enumerate(doc.to_array([attr]).tolist()):
        if value in wanted:
            yield doc[i]


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, found once per Doc: `doc.sents` walks every token each time it is read, and each
    extractor reads it. The bounds are kept in `doc.user_data` (plain numbers, which `Doc.to_bytes` packs)."""
    bounds = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None:
        bounds = doc.user_data[_SENTENCES_KEY] = [(s.start, s.end) for s in doc.sents]
    return [doc[a:b] for a, b in bounds]


_SENTENCES_KEY = "kg_sentence_bounds"
