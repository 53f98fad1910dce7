"""What the readings of one document share: the Context, a Found statement, and the helpers that
build a Statement from a cue and a claim."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import Meeting, Statement
from kg.extract.mentions import Resolver
from kg.extract.quotes import Quote, find_quotes
from kg.extract.speakers import Speakers
from kg.extract.speech import stance_of, that_clauses
from kg.nlp import labels as L
from kg.nlp.layout import dateline_and_byline_tokens


@dataclass
class Context:
    """One document under reading: its quotations, which of them a reading took (speaker and cue), the
    speakers met so far, and its dateline and byline tokens."""

    doc: Doc
    index: EntityIndex
    resolver: Resolver
    speakers: Speakers
    quotes: list[Quote]
    used: dict[Quote, tuple[str, str]]
    layout: set[int]

    @classmethod
    def of(cls, doc: Doc, index: EntityIndex, resolver: Resolver, meetings: Sequence[Meeting] = ()) -> Context:
        return cls(doc, index, resolver, Speakers(resolver, meetings), find_quotes(doc.text), {},
                   dateline_and_byline_tokens(doc))


@dataclass
class Found:
    """A statement with the tokens it was read from, so nested reports can be told apart."""

    statement: Statement
    cue: int
    start: int  # token range of the content
    end: int
    doc: Doc


def inside(i: int, quotes: list[Quote]) -> bool:
    return any(q.start <= i < q.end for q in quotes)


def quoted_part(span: Span, ctx: Context, speaker: str, cue: str) -> tuple[bool, str | None]:
    """Whether `span` is wholly one quotation (left to the direct reading), and the quotes inside it."""
    quotes = ctx.quotes
    inner = [q for q in quotes if span.start_char <= q.start and q.end <= span.end_char + 1]
    covering = [q for q in quotes if q.start <= span.start_char and span.end_char <= q.end + 1]
    if covering and not inner:
        return True, None
    ctx.used.update({q: (speaker, cue) for q in inner})
    return False, " … ".join(q.text for q in inner) or None


def claims(f: Found) -> list[str]:
    """The claims of one statement: 'that A, and that B' is two; so is 'A and B' when B has a subject of its own
    ('she felt X had been wronged and her campaign raised awareness'). A quotation stays whole."""
    parts = that_clauses(f.statement.content)
    if len(parts) > 1 or f.statement.quote or f.end - f.start < 8:
        return parts
    span = f.doc[f.start:f.end]
    head = next((t for t in span if not (f.start <= t.head.i < f.end) or t.head == t), None)
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return parts
    subject = next((s for s in head.children if s.dep_ in L.SUBJECTS and s.i < head.i), None)
    cuts = [c for c in head.children if c.dep_ == L.CONJ and c.pos_ in ("VERB", "AUX") and f.start < c.i < f.end
            and (any(s.dep_ in L.SUBJECTS and s.i > head.i for s in c.children) or _own_auxiliary(c, subject))]
    if not cuts:
        return parts
    out, start = [], f.start
    for c in cuts:
        end = c.left_edge.i
        while end > start and f.doc[end - 1].lower_ in ("and", "but", ",", ";"):
            end -= 1
        if end - start >= 3:
            out.append(clean(f.doc[start:end].text))
        start = c.left_edge.i
    if f.end - start >= 3:
        rest = f.doc[start:f.end]
        shared = subject is not None and not any(s.dep_ in L.SUBJECTS for s in rest.root.children)
        out.append(clean((f.doc[subject.left_edge.i:subject.i + 1].text + " " if shared else "") + rest.text))
    return out if len(out) > 1 else parts


def _own_auxiliary(verb: Token, subject: Token | None) -> bool:
    """'he had raised X, and had pressed for Y': a second verb with an auxiliary of its own, after a comma and
    'and', says a second thing of the same (short: a pronoun or a name) subject."""
    if subject is None or subject.i - subject.left_edge.i > 2:
        return False
    first = verb.left_edge
    doc = verb.doc
    return first.dep_ in L.AUX and first.head == verb and first.i >= 2 and doc[first.i - 1].lower_ == "and" \
        and doc[first.i - 2].text == ","


def after_layout(span: Span, layout: set[int]) -> Span:
    """'TOKYO, Aug 28 (Kyodo) - CLAIM, X said': the dateline is not part of the claim."""
    first = span.start
    while first < span.end and first in layout:
        first += 1
    return span.doc[first:span.end]


def subject_left(cue: Token) -> int:
    subj = min((c for c in cue.children if c.dep_ in L.SUBJECTS), key=lambda c: abs(c.i - cue.i), default=None)
    return min(subj.left_edge.i, cue.i) if subj is not None else cue.i


def statement(speaker: str, cue: Token | None, content: str, quote: str | None, sent: Span, index: EntityIndex,
              confidence: float, cue_text: str | None = None) -> Statement:
    lemma = cue.lemma_.lower() if cue is not None else (cue_text or "say")
    stance = stance_of(lemma, content)
    span = sent.doc.char_span(sent.start_char, sent.end_char)
    about = [k for k in (index.entities_in(span) if span is not None else []) if k != speaker]
    about = [k for k in about if _mentioned(index.entities[k].aliases + (index.entities[k].name,), content)]
    return Statement(speaker=speaker, cue=lemma, content=content, quote=quote, about=tuple(about), stance=stance,
                     evidence=evidence_of(sent, index.document_id), confidence=confidence)


def _mentioned(names: tuple[str, ...], text: str) -> bool:
    return any(n and re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def clean(text: str) -> str:
    t = text.strip().strip(",;:.").strip()
    t = re.sub(r"^that\s+", "", t)
    return t.strip("\"“” ").rstrip(",;:").strip()  # '…and bullets,"' keeps no comma
