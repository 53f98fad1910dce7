"""Statements: who said what, verbatim or reported, about whom, and with what stance.

Three readings, in order, each quotation attributed once:
  reported speech  a speech verb with a clausal complement ("Meng said that …", "X warned …")
  direct quotes    a quotation and the nearest attribution in its paragraph ('"…," he said.')
  continuations    a paragraph that opens a quotation with no attribution of its own goes to
                   the speaker of the paragraph before
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, Statement
from kg.extract.mentions import Resolver
from kg.extract.quotes import Quote, find_quotes
from kg.nlp import labels as L

SPEECH_VERBS = {
    "say", "tell", "warn", "stress", "note", "add", "state", "insist", "claim", "accuse", "deny", "urge",
    "announce", "report", "cite", "quote", "assert", "argue", "emphasize", "emphasise", "reiterate", "remark",
    "declare", "comment", "explain", "confirm", "acknowledge", "predict", "vow", "pledge", "promise",
    "suggest", "blame", "criticize", "criticise", "condemn", "reject", "threaten", "write", "reply", "respond",
    "caution", "maintain", "allege", "admit", "demand", "underline", "underscore", "tweet", "hope", "believe",
}
STANCE = {"deny": "denies", "reject": "denies", "refute": "denies", "dismiss": "denies",
          "accuse": "accuses", "blame": "accuses", "allege": "accuses", "charge": "accuses", "criticize": "accuses",
          "criticise": "accuses", "condemn": "accuses", "warn": "warns", "threaten": "warns", "caution": "warns",
          "agree": "agrees", "urge": "calls_for", "call": "calls_for", "demand": "calls_for", "appeal": "calls_for"}
_CONTENT_STANCE = [(re.compile(r"\b(den(y|ies|ied)|groundless|baseless|refute[sd]?|reject(s|ed)?)\b", re.I), "denies"),
                   (re.compile(r"\b(accus\w+|blam\w+|behind the)\b", re.I), "accuses"),
                   (re.compile(r"\b(warn\w*|threat\w*|will win)\b", re.I), "warns"),
                   (re.compile(r"\b(urg\w+|call(s|ed)? (on|for)|should)\b", re.I), "calls_for"),
                   (re.compile(r"\b(agree\w*|consensus)\b", re.I), "agrees")]
_SPEAKER_KINDS = (PERSON, ORGANIZATION, COUNTRY)


def extract_statements(doc: Doc, index: EntityIndex, resolver: Resolver) -> list[Statement]:
    quotes = find_quotes(doc.text)
    used: dict[Quote, tuple[str, str]] = {}
    out: list[Statement] = []
    for sent in doc.sents:
        for tok in sent:
            if _is_cue(tok) and not _inside(tok.idx, quotes):
                st = _reported(tok, sent, index, resolver, quotes, used)
                if st:
                    out.append(st)
        out += _according_to(sent, index, resolver)
    out += _direct(doc, index, resolver, quotes, used, out)
    return _dedupe(out)


def _is_cue(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS


def _inside(i: int, quotes: list[Quote]) -> bool:
    return any(q.start <= i < q.end for q in quotes)


def _speaker(cue: Token, resolver: Resolver) -> tuple[str | None, bool]:
    """The entity that speaks through `cue`, and whether a pronoun had to be resolved."""
    # "X cited/quoted Mr Meng as saying": the one quoted speaks.
    if cue.lemma_.lower() == "say" and cue.dep_ in ("pcomp", "advcl") and cue.head.lower_ == "as":
        host = cue.head.head
        obj = next((c for c in host.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return resolver.resolve(obj), obj.lower_ in ("he", "she", "him", "her")
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and cue.dep_ in ("advcl", L.CONJ, "xcomp", "ccomp") and cue.tag_ in ("VBG", "VBD", "VBZ", "VB"):
        subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None, False
    key = resolver.resolve(subj)
    if key and resolver.index.entities[key].kind not in _SPEAKER_KINDS:
        return None, False
    return key, subj.pos_ == "PRON"


def _reported(cue: Token, sent: Span, index: EntityIndex, resolver: Resolver, quotes: list[Quote],
              used: dict[Quote, tuple[str, str]]) -> Statement | None:
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if comp is None and cue.lemma_.lower() in ("deny", "accuse", "blame", "reject", "urge", "warn", "condemn"):
        comp = next((c for c in cue.children if c.dep_ in ("dobj", "xcomp")), None)
    if comp is None:
        return None
    speaker, via_pronoun = _speaker(cue, resolver)
    if speaker is None:
        return None
    span = sent.doc[comp.left_edge.i: comp.right_edge.i + 1]
    inner = [q for q in quotes if span.start_char <= q.start and q.end <= span.end_char + 1]
    covering = [q for q in quotes if q.start <= span.start_char and span.end_char <= q.end + 1]
    if covering and not inner:
        return None  # the whole complement is a quotation; the direct-quote reading attributes it
    used.update({q: (speaker, cue.lemma_.lower()) for q in inner})
    content = _clean(span.text)
    quote = " … ".join(q.text for q in inner) or None
    return _statement(speaker, cue, content, quote, sent, index, 0.7 if via_pronoun else 0.8)


def _according_to(sent: Span, index: EntityIndex, resolver: Resolver) -> list[Statement]:
    """'…, according to a White House statement.' -> the statement's source says the rest."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            speaker = resolver.resolve(pobj) if pobj is not None else None
            if speaker is None:
                continue
            rest = sent.doc[sent.start: tok.i].text if tok.i - sent.start > 3 else sent.doc[pobj.right_edge.i + 1: sent.end].text
            out.append(_statement(speaker, tok, _clean(rest), None, sent, index, 0.7))
    return out


def _direct(doc: Doc, index: EntityIndex, resolver: Resolver, quotes: list[Quote],
            used: dict[Quote, tuple[str, str]], reported: list[Statement]) -> list[Statement]:
    out: list[Statement] = []
    last: tuple[str, str] | None = None  # speaker and cue of the latest quotation
    text = doc.text  # spaCy rebuilds doc.text on every access: once per document, not per quote
    for q in quotes:
        if q in used:
            last = used[q]
            continue
        if q.words < 4:
            continue
        cue = _attribution(doc, text, q, quotes)
        if cue is not None:
            speaker, via_pronoun = _speaker(cue, resolver)
            if speaker is None and (obj := _quoted_object(cue)) is not None:
                speaker, via_pronoun = resolver.resolve(obj), obj.pos_ == "PRON"
            if speaker is None:
                continue
            sent = doc[cue.i].sent
            st = _statement(speaker, cue, q.text, q.text, sent, index, 0.7 if via_pronoun else 0.8)
            out.append(st)
            last = (speaker, st.cue)
        elif last and _starts_paragraph(text, q.start):
            sent = doc.char_span(q.start, q.end, alignment_mode="expand")
            assert sent is not None
            out.append(_statement(last[0], None, q.text, q.text, sent.sent, index, 0.6, cue_text=last[1]))
    return out


def _attribution(doc: Doc, text: str, q: Quote, quotes: list[Quote]) -> Token | None:
    """The speech verb outside quotes nearest to the quotation, within its paragraph."""
    para_start = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    para = doc.char_span(para_start, para_end, alignment_mode="expand")
    best: tuple[int, Token] | None = None
    for tok in para if para is not None else doc:
        if tok.idx < para_start or tok.idx >= para_end or not _is_cue(tok) or _inside(tok.idx, quotes):
            continue
        dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


def _quoted_object(cue: Token) -> Token | None:
    """'media reports quoted the US President as saying': the dobj of quote/cite."""
    if cue.lemma_.lower() in ("quote", "cite"):
        return next((c for c in cue.children if c.dep_ == "dobj"), None)
    return None


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in "\"“”' ":
        j -= 1
    return j < 0 or text[j] == "\n"


def _statement(speaker: str, cue: Token | None, content: str, quote: str | None, sent: Span, index: EntityIndex,
               confidence: float, cue_text: str | None = None) -> Statement:
    lemma = cue.lemma_.lower() if cue is not None else (cue_text or "say")
    stance = STANCE.get(lemma)
    if stance is None:
        stance = next((s for rx, s in _CONTENT_STANCE if rx.search(content)), None)
    span = sent.doc.char_span(sent.start_char, sent.end_char)
    about = [k for k in (index.entities_in(span) if span is not None else []) if k != speaker]
    about = [k for k in about if _mentioned(index.entities[k].aliases + (index.entities[k].name,), content)]
    return Statement(speaker=speaker, cue=lemma, content=content, quote=quote, about=tuple(about), stance=stance,
                     evidence=evidence_of(sent, index.document_id), confidence=confidence)


def _mentioned(names: tuple[str, ...], text: str) -> bool:
    return any(n and re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def _clean(text: str) -> str:
    t = text.strip().strip(",;:").strip()
    t = re.sub(r"^that\s+", "", t)
    return t.strip("\"“” ")


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str]] = set()
    out = []
    for s in statements:
        k = (s.speaker, s.content.lower())
        if k not in seen and s.content:
            seen.add(k)
            out.append(s)
    return out
