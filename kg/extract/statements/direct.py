"""Direct quotations: a quotation and the nearest attribution in its paragraph ('"…," he said.'), and
continuations (a paragraph that opens a quotation with no attribution of its own goes to the speaker of
the paragraph before)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.data import words
from kg.extract.facts import Statement
from kg.extract.quotes import Quote
from kg.extract.speakers import CARRIER_NOUNS
from kg.extract.speech import is_cue, reported_inside_another
from kg.extract.statements.context import Context, inside, statement
from kg.nlp import labels as L


def direct(ctx: Context) -> list[Statement]:
    doc, index, speakers, quotes, used = ctx.doc, ctx.index, ctx.speakers, ctx.quotes, ctx.used
    out: list[Statement] = []
    last: tuple[str, str] | None = None  # speaker and cue of the latest quotation
    text = doc.text  # spaCy rebuilds doc.text on every access: once per document, not per quote
    for q in quotes:
        if q in used:
            last = used[q]
            continue
        if q.words < 4:
            continue
        cue = _attribution(doc, text, q, quotes) if not (q.continued and last) else None
        if cue is None and _starts_paragraph(text, q.start):
            cue = _introduced(doc, text, q, quotes)  # "X tweeted using his account:" then the quotation
        if cue is not None:
            speaker, via_pronoun = speakers.of(cue)
            if speaker is None and (obj := _quoted_object(cue)) is not None:
                speaker, via_pronoun = speakers.resolve(obj)
            if speaker is None:
                continue
            sent = doc[cue.i].sent
            for part in quoted_sentences(q.text):
                st = statement(speaker, cue, part, part, sent, index, 0.7 if via_pronoun else 0.8)
                out.append(st)
            last = (speaker, st.cue)
        elif last and _starts_paragraph(text, q.start):
            sent = doc.char_span(q.start, q.end, alignment_mode="expand")
            assert sent is not None
            out += [statement(last[0], None, part, part, sent.sent, index, 0.6, cue_text=last[1])
                    for part in quoted_sentences(q.text)]
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def quoted_sentences(quote: str) -> list[str]:
    """A quotation of several sentences is several claims: each sentence of four words or more, in order
    (shorter ones stay with the sentence before: 'It is narrow. Very narrow.')."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(quote):
        if parts and len(piece.split()) < 4:
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def _attribution(doc: Doc, text: str, q: Quote, quotes: list[Quote], para_start: int | None = None,
                 para_end: int | None = None) -> Token | None:
    """The speech verb outside quotes nearest to the quotation, within its paragraph (or the one given)."""
    if para_start is None or para_end is None:
        para_start = text.rfind("\n", 0, q.start) + 1
        para_end = text.find("\n", q.end)
        para_end = len(text) if para_end < 0 else para_end
    para = doc.char_span(para_start, para_end, alignment_mode="expand")
    best: tuple[int, Token] | None = None
    for tok in para if para is not None else doc:
        if tok.idx < para_start or tok.idx >= para_end or inside(tok.idx, quotes) or not (
                is_cue(tok) or _issues_statement(tok)) or reported_inside_another(tok):
            continue  # "X said Y had informed Z … '…'": the quotation is X's
        dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


def _introduced(doc: Doc, text: str, q: Quote, quotes: list[Quote]) -> Token | None:
    """The speech verb of the paragraph before a quotation, when that paragraph ends with a colon."""
    para_end = text.rfind("\n", 0, q.start)
    while para_end > 0 and text[para_end - 1] == "\n":
        para_end -= 1
    if para_end <= 0 or not text[:para_end].rstrip().endswith(":"):
        return None
    para_start = text.rfind("\n", 0, para_end) + 1
    return _attribution(doc, text, Quote(para_end, para_end, "", False), quotes, para_start, para_end)


def _issues_statement(tok: Token) -> bool:
    """'X issued a statement regarding Y. "…"': the quotation after it is X's."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _ISSUING and any(
        c.dep_ == L.DOBJ and c.lemma_.lower() in CARRIER_NOUNS for c in tok.children)


#: Verbs that put out a statement ("issued a statement regarding …"), as in reported.py.
_ISSUING = words("statements", "issuing")


def _quoted_object(cue: Token) -> Token | None:
    """'media reports quoted the US President as saying': the dobj of quote/cite."""
    if cue.lemma_.lower() in ("quote", "cite"):
        return next((c for c in cue.children if c.dep_ == L.DOBJ), None)
    return None


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in "\"“”' ":
        j -= 1
    return j < 0 or text[j] == "\n"
