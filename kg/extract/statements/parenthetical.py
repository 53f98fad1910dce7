"""The parenthetical reading: 'CLAIM, visiting President Xi said, …' / '…, CNN reported.'"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.speech import is_cue
from kg.extract.statements.context import Context, Found, after_layout, clean, quoted_part, statement
from kg.nlp import labels as L


def parenthetical(cue: Token, sent: Span, ctx: Context) -> Found | None:
    """'CLAIM, visiting President Xi said, …': the attribution follows the claim after a comma."""
    doc = sent.doc
    if any(c.dep_ == L.CCOMP and c.i > cue.i and not any(t.text == "," for t in doc[cue.i + 1: c.left_edge.i + 1])
           for c in cue.children):
        return None  # "… said (on Friday) that …" is ordinary reported speech
    if any(c.dep_ == L.CCOMP and c.i < cue.i for c in cue.children):
        return None  # the parse already links the claim on the left
    subj = min((c for c in cue.children if c.dep_ in L.SUBJECTS), key=lambda c: abs(c.i - cue.i), default=None)
    inverted = [c for c in cue.children if c.dep_ in L.SUBJECTS and c.i > cue.i]
    if inverted and cue.i > sent.start and doc[cue.i - 1].text == ",":
        subj = inverted[0]  # "Recipients, said X, are required …": X, whatever the parser hung on 'said'
    if cue.dep_ == L.RELCL or (subj is not None and subj.tag_ in ("WP", "WDT")):
        return None  # "…, who told a hearing that …" describes the person before the comma
    if cue.tag_ == "VBG" and subj is None and not is_cue(cue.head):
        return None  # "X welcomed Y on Thursday, hailing ties …": the participle's own object is the claim
    left = min(subj.left_edge.i, cue.i) if subj is not None else cue.i
    k = left - 1
    while k > sent.start and left - k <= 2 and doc[k].text != "," and doc[k].pos_ in ("ADJ", "VERB", "ADV", "DET"):
        k -= 1  # "…, visiting Chinese President Xi said"
    rest = _resumed(cue, subj, sent)  # "The talks, X said, were frank": the claim goes on after the attribution
    if doc[k].text != "," or k <= sent.start + 3 and rest is None or k <= sent.start:
        return None
    span = after_layout(doc[sent.start:k], ctx.layout)
    if len(span) and span[0].tag_ in ("VBN", "VBG") and span[0].dep_ == L.ADVCL:
        return None  # "Asked whether the deal was close, X said: …": the question, not the claim
    if not _is_clause(span) and (rest is None or not _is_clause(doc[span.start:rest.end]) or len(span) > 8):
        return None  # "Of the process, he said, …", "In a statement to the BBC, the church denied …"
    speaker, via_pronoun = ctx.speakers.of(cue)
    if speaker is None:
        return None
    whole_quote, quote = quoted_part(span, ctx, speaker, cue.lemma_.lower())
    if whole_quote or span.text.lstrip().startswith(("\"", "“")):
        return None
    text = span.text if _is_clause(span) or rest is None else f"{span.text} {rest.text}"
    st = statement(speaker, cue, clean(text), quote, sent, ctx.index, 0.7)
    return Found(st, cue.i, span.start, span.end, sent.doc)


def _resumed(cue: Token, subj: Token | None, sent: Span) -> Span | None:
    """What follows a mid-sentence attribution set off by commas: ', X said, were frank and useful.'"""
    doc = sent.doc
    end = max(cue.i, subj.right_edge.i if subj is not None else cue.i)
    if end + 2 >= sent.end or doc[end + 1].text != ",":
        return None
    if doc[end + 2].text in ("\"", "“", "'") or doc[sent.start].pos_ in ("ADP", "SCONJ", "VERB"):
        return None  # '…, X said, "…"' is a quotation; 'Of the sanctions, X said, …' a fronted phrase
    last = sent.end - 1
    while last > end + 1 and doc[last].is_punct:
        last -= 1
    return doc[end + 2:last + 1] if last > end + 1 else None


def _is_clause(span: Span) -> bool:
    """Whether `span` says something: it holds a finite verb, not only a fronted phrase or a date."""
    return any(t.tag_ in _FINITE for t in span)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
