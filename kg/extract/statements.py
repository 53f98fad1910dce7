"""Statements: who said what, verbatim or reported, about whom, and with what stance.

Readings, each quotation attributed once:
  reported speech  a speech verb with a clausal complement ("Meng said that …", "X warned …"), or
                   with a noun phrase ("China denied the accusations": the whole clause is the claim)
  parenthetical    "CLAIM, the Chinese president said, …" / "…, CNN reported."
  speech nouns     "Clapper's assertion that …", "…, a charge China denies"
  according to     "…, according to a White House statement"
  direct quotes    a quotation and the nearest attribution in its paragraph ('"…," he said.')
  continuations    a paragraph that opens a quotation with no attribution of its own goes to
                   the speaker of the paragraph before
  transcripts      "Vladimir Putin: …" turns (kg.extract.transcripts)
A report of someone else's statement ("X said …, Xinhua reported") keeps only the inner speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import Statement
from kg.extract.mentions import Resolver
from kg.extract.quotes import Quote, find_quotes
from kg.extract.speakers import CARRIER_NOUNS, SPEAKER_KINDS, Speakers
from kg.extract.speech import (
    CHARGE_NOUNS,
    DENIAL_VERBS,
    NOMINAL_OBJECT_CUES,
    READOUT_VERBS,
    SPEECH_NOUNS,
    is_cue,
    reported_inside_another,
    stance_of,
    that_clause,
)
from kg.extract.transcripts import extract_transcript_statements
from kg.nlp import labels as L
from kg.nlp.layout import dateline_and_byline_tokens


@dataclass
class _Found:
    """A statement with the tokens it was read from, so nested reports can be told apart."""

    statement: Statement
    cue: int
    start: int  # token range of the content
    end: int
    doc: Doc


def extract_statements(doc: Doc, index: EntityIndex, resolver: Resolver) -> list[Statement]:
    quotes = find_quotes(doc.text)
    layout = dateline_and_byline_tokens(doc)
    used: dict[Quote, tuple[str, str]] = {}
    speakers = Speakers(resolver)
    out: list[Statement] = []
    for sent in doc.sents:
        found: list[_Found] = []
        for tok in sent:
            if is_cue(tok) and not _inside(tok.idx, quotes) and not any(c.dep_ == L.NEG for c in tok.children) \
                    and not reported_inside_another(tok):
                f = _parenthetical(tok, sent, index, speakers, quotes, used, layout) or _reported(
                    tok, sent, index, speakers, quotes, used, found, layout)
                if f:
                    found.append(f)
        found += _speech_nouns(sent, index, speakers, found)
        if not found and (f := _colon_intro(sent, index, speakers, quotes, used)) is not None:
            found.append(f)
        found = _nested(found)
        for f in found:
            speakers.remember(f.statement.speaker, list(sent))
        out += [f.statement for f in found]
        # "Xi told Scholz that …, according to CCTV": the outlet relays Xi's statement, as "…, Xinhua reported" does.
        out += [s for s in _according_to(sent, index, resolver) if not found]
    out += _direct(doc, index, speakers, quotes, used)
    out += extract_transcript_statements(doc, index)
    return _dedupe(out)


def _inside(i: int, quotes: list[Quote]) -> bool:
    return any(q.start <= i < q.end for q in quotes)


def _quoted_part(span: Span, quotes: list[Quote], used: dict[Quote, tuple[str, str]], speaker: str,
                 cue: str) -> tuple[bool, str | None]:
    """Whether `span` is wholly one quotation (left to the direct reading), and the quotes inside it."""
    inner = [q for q in quotes if span.start_char <= q.start and q.end <= span.end_char + 1]
    covering = [q for q in quotes if q.start <= span.start_char and span.end_char <= q.end + 1]
    if covering and not inner:
        return True, None
    used.update({q: (speaker, cue) for q in inner})
    return False, " … ".join(q.text for q in inner) or None


def _reported(cue: Token, sent: Span, index: EntityIndex, speakers: Speakers, quotes: list[Quote],
              used: dict[Quote, tuple[str, str]], found: list[_Found], layout: set[int]) -> _Found | None:
    lemma = cue.lemma_.lower()
    doc = sent.doc
    span: Span | None = None
    scope: Span | None = None  # where the statement's quotations are, when wider than its claim
    if cue.dep_ == L.RELCL and any(c.dep_ == L.DOBJ and c.tag_ in ("WDT", "WP") for c in cue.children):
        return None  # "the hack, which US officials have blamed on China": background to the report around it
    if lemma == "make":
        span = that_clause(cue)
    elif (comp := next((c for c in cue.children if c.dep_ == L.CCOMP and not (  # "A; B calls for C": A is not said
            c.i < cue.i and any(t.text == ";" for t in doc[c.right_edge.i + 1: cue.i]))), None)) is not None:
        span = doc[comp.left_edge.i: comp.right_edge.i + 1]
        if comp.i < cue.i:
            span = _after_layout(_trim_left_claim(span, _subject_left(cue)), layout)
    elif lemma in DENIAL_VERBS and cue.dep_ == L.RELCL and cue.head.lemma_.lower() in CHARGE_NOUNS:
        return _denied_charge(cue, sent, index, speakers, found)
    elif lemma in NOMINAL_OBJECT_CUES and any(c.dep_ in (L.DOBJ, L.XCOMP) or c.dep_ == L.PREP and lemma in (
            "call", "appeal") for c in cue.children):
        # "China has denied the accusations": the clause is the claim, up to the next comma.
        # It starts at the subject: a fronted "On Tuesday," or "In a statement to reporters," is not claimed.
        end = next((t.i for t in doc[cue.i: cue.right_edge.i + 1] if t.text in (",", ";")), cue.right_edge.i + 1)
        # "called the talks 'frank' and said …": the next verb is a statement of its own.
        end = min([end] + [c.left_edge.i - 1 for c in cue.children if c.dep_ == L.CONJ and c.pos_ == "VERB"
                           and c.i > cue.i])
        # A readout verb's claim is what was conveyed: "expressed serious concern about …", not its speaker.
        characterised = lemma in ("call", "describe") and any(c.dep_ == L.DOBJ for c in cue.children)
        span = doc[cue.i if lemma in READOUT_VERBS or characterised else _subject_left(cue): end]
        # "KCNA criticized the meeting, calling it "a dangerous collusion"": the quotation after the comma
        # is the speaker's too, not left over for the next sentence's speaker.
        right = max([cue.i] + [c.right_edge.i for c in cue.children if c.i > cue.i and c.dep_ != L.CC
                               and not (c.dep_ == L.CONJ and c.pos_ in ("VERB", "AUX"))])  # not "and warned …"
        scope = doc[span.start: right + 1]
    else:
        span = that_clause(cue)  # "said in a statement that …" (the clause hangs off the noun)
    if span is None or len(span) == 0:
        return None
    speaker, via_pronoun = speakers.of(cue)
    if speaker is None:
        return None
    whole_quote, quote = _quoted_part(scope or span, quotes, used, speaker, lemma)
    if whole_quote:
        return None
    st = _statement(speaker, cue, _clean(span.text), quote, sent, index, 0.7 if via_pronoun else 0.8)
    return _Found(st, cue.i, span.start, span.end, sent.doc)


def _after_layout(span: Span, layout: set[int]) -> Span:
    """'TOKYO, Aug 28 (Kyodo) - CLAIM, X said': the dateline is not part of the claim."""
    first = span.start
    while first < span.end and first in layout:
        first += 1
    return span.doc[first:span.end]


def _trim_left_claim(span: Span, subject_left: int) -> Span:
    """'CLAIM, visiting President X said': the claim stops before the attribution and its modifiers."""
    doc = span.doc
    end = min(span.end, subject_left)
    comma = next((t.i for t in reversed(doc[span.start:end]) if t.text == ","), None)
    if comma is not None and end - comma <= 3 and all(t.pos_ in ("ADJ", "VERB", "ADV", "DET") for t in doc[comma + 1:end]):
        end = comma
    return doc[span.start:end]


def _parenthetical(cue: Token, sent: Span, index: EntityIndex, speakers: Speakers, quotes: list[Quote],
                   used: dict[Quote, tuple[str, str]], layout: set[int]) -> _Found | None:
    """'CLAIM, visiting President Xi said, …': the attribution follows the claim after a comma."""
    doc = sent.doc
    if any(c.dep_ == L.CCOMP and c.i > cue.i and not any(t.text == "," for t in doc[cue.i + 1: c.left_edge.i + 1])
           for c in cue.children):
        return None  # "… said (on Friday) that …" is ordinary reported speech
    if any(c.dep_ == L.CCOMP and c.i < cue.i for c in cue.children):
        return None  # the parse already links the claim on the left
    subj = min((c for c in cue.children if c.dep_ in L.SUBJECTS), key=lambda c: abs(c.i - cue.i), default=None)
    if cue.dep_ == L.RELCL or (subj is not None and subj.tag_ in ("WP", "WDT")):
        return None  # "…, who told a hearing that …" describes the person before the comma
    left = min(subj.left_edge.i, cue.i) if subj is not None else cue.i
    k = left - 1
    while k > sent.start and left - k <= 2 and doc[k].text != "," and doc[k].pos_ in ("ADJ", "VERB", "ADV", "DET"):
        k -= 1  # "…, visiting Chinese President Xi said"
    if k <= sent.start + 3 or doc[k].text != ",":
        return None
    span = _after_layout(doc[sent.start:k], layout)
    if not _is_clause(span):
        return None  # "Of the process, he said, …", "In a statement to the BBC, the church denied …"
    speaker, via_pronoun = speakers.of(cue)
    if speaker is None:
        return None
    whole_quote, quote = _quoted_part(span, quotes, used, speaker, cue.lemma_.lower())
    if whole_quote or span.text.lstrip().startswith(("\"", "“")):
        return None
    st = _statement(speaker, cue, _clean(span.text), quote, sent, index, 0.7)
    return _Found(st, cue.i, span.start, span.end, sent.doc)


def _is_clause(span: Span) -> bool:
    """Whether `span` says something: it holds a finite verb, not only a fronted phrase or a date."""
    return any(t.tag_ in _FINITE for t in span)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _denied_charge(cue: Token, sent: Span, index: EntityIndex, speakers: Speakers,
                   found: list[_Found]) -> _Found | None:
    """'…, with the US accusing X of Y, a charge China denies': the denial is of the accusation."""
    speaker, _ = speakers.of(cue)
    if speaker is None:
        return None
    earlier = [f for f in found if f.cue < cue.head.i]
    if earlier:
        content = earlier[-1].statement.content
    else:
        comma = next((t.i for t in reversed(sent[: cue.head.i - sent.start]) if t.text == ","), None)
        if comma is None:
            return None
        content = _clean(sent.doc[sent.start:comma].text)
    st = _statement(speaker, cue, content, None, sent, index, 0.6)
    return _Found(st, cue.i, cue.head.i, cue.head.i, sent.doc)  # an empty range: it relays no one


def _speech_nouns(sent: Span, index: EntityIndex, speakers: Speakers, found: list[_Found]) -> list[_Found]:
    """"X's assertion that CLAIM": the possessor said the clause."""
    out = []
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() not in SPEECH_NOUNS or tok.pos_ != "NOUN" or tok.i + 1 >= sent.end:
            continue
        nxt = doc[tok.i + 1]
        poss = next((c for c in tok.children if c.dep_ == L.POSS), None)
        if poss is None or nxt.lower_ != "that" or nxt.dep_ != L.MARK:
            continue
        speaker, _ = speakers.resolve(poss)
        if speaker is None:
            continue
        span = doc[nxt.i + 1: nxt.head.right_edge.i + 1]
        if any(f.start <= span.start < f.end for f in found):
            continue
        st = _statement(speaker, tok, _clean(span.text), None, sent, index, 0.6)
        out.append(_Found(st, tok.i, span.start, span.end, doc))
    return out


def _colon_intro(sent: Span, index: EntityIndex, speakers: Speakers, quotes: list[Quote],
                 used: dict[Quote, tuple[str, str]]) -> _Found | None:
    """'Trump at his news conference: "…"', 'Sanders issues a statement: the leaders had …': a speaker
    introduces what follows the colon, with no speech verb or with 'issued a statement'."""
    doc = sent.doc
    colon = next((t for t in sent if t.text == ":" and not (t.i + 1 < sent.end and doc[t.i + 1].like_num
                                                              and doc[t.i - 1].like_num)), None)
    if colon is None or colon.i + 3 >= sent.end:
        return None
    left = doc[sent.start:colon.i]
    issued = any(t.lemma_.lower() in _ISSUING and any(c.lemma_.lower() in CARRIER_NOUNS for c in t.children)
                 for t in left)
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in _ISSUING for t in left):
        return None
    # Without "issued a statement", only a quotation after the colon is speech ("Batman: Arkham VR" is a title).
    if not issued and doc[colon.i + 1].text not in ('"', "“"):
        return None
    key = next((k for t in left if (k := index.entity_of(t)) is not None), None)
    if key is None or index.entities[key].kind not in SPEAKER_KINDS:
        return None
    span = doc[colon.i + 1: sent.end]
    _, quote = _quoted_part(span, quotes, used, key, "say")
    st = _statement(key, None, _clean(span.text), quote, sent, index, 0.7, cue_text="say")
    return _Found(st, colon.i, span.start, span.end, doc)


#: Verbs that put out a statement ("issues a statement:"), not themselves speech verbs.
_ISSUING = words("statements", "issuing")


def _nested(found: list[_Found]) -> list[_Found]:
    """One speaker per claim when reports nest.

    '…, Meng said, Xinhua reported' / 'Meng said that …, Xinhua reported': the trailing report yields
    to the statement it relays (whose content loses the trailing attribution); otherwise a statement
    whose content holds another speaker's cue ('X said …, Xinhua reported' parsed the other way) yields.
    """
    out: list[_Found] = []
    trailing = [f for f in found if _is_trailing(f)]
    for f in found:
        if f in trailing and any(g is not f and g.start <= f.cue < g.end and g.statement.speaker != f.statement.speaker
                                 for g in found):
            continue
        if any(g is not f and g not in trailing and f.start <= g.cue < f.end and g.statement.speaker != f.statement.speaker
               for g in found):
            continue
        for t in trailing:
            if t is not f and f.start <= t.cue < f.end:
                cut = _comma_before(t)
                if cut is not None and cut > f.start:
                    f = _Found(replace(f.statement, content=_clean(f.doc[f.start:cut].text)), f.cue, f.start, cut, f.doc)
        out.append(f)
    return out


def _subject_left(cue: Token) -> int:
    subj = min((c for c in cue.children if c.dep_ in L.SUBJECTS), key=lambda c: abs(c.i - cue.i), default=None)
    return min(subj.left_edge.i, cue.i) if subj is not None else cue.i


def _comma_before(f: _Found) -> int | None:
    i = _subject_left(f.doc[f.cue]) - 1
    return i if i > 0 and f.doc[i].text == "," else None


def _is_trailing(f: _Found) -> bool:
    """'…, Xinhua reported (on Friday).': an attribution closing its sentence."""
    cue = f.doc[f.cue]
    after = [t for t in cue.doc[cue.i + 1: cue.sent.end] if not t.is_punct]
    return _comma_before(f) is not None and len(after) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in after)


def _according_to(sent: Span, index: EntityIndex, resolver: Resolver) -> list[Statement]:
    """'…, according to a White House statement.' -> the statement's source says the rest."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == L.POBJ), None)
            speaker = resolver.resolve(pobj) if pobj is not None else None
            if speaker is None:
                continue
            rest = sent.doc[sent.start: tok.i].text if tok.i - sent.start > 3 else sent.doc[pobj.right_edge.i + 1: sent.end].text
            out.append(_statement(speaker, tok, _clean(rest), None, sent, index, 0.7))
    return out


def _direct(doc: Doc, index: EntityIndex, speakers: Speakers, quotes: list[Quote],
            used: dict[Quote, tuple[str, str]]) -> list[Statement]:
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
            speaker, via_pronoun = speakers.of(cue)
            if speaker is None and (obj := _quoted_object(cue)) is not None:
                speaker, via_pronoun = speakers.resolve(obj)
            if speaker is None:
                continue
            sent = doc[cue.i].sent
            for part in quoted_sentences(q.text):
                st = _statement(speaker, cue, part, part, sent, index, 0.7 if via_pronoun else 0.8)
                out.append(st)
            last = (speaker, st.cue)
        elif last and _starts_paragraph(text, q.start):
            sent = doc.char_span(q.start, q.end, alignment_mode="expand")
            assert sent is not None
            out += [_statement(last[0], None, part, part, sent.sent, index, 0.6, cue_text=last[1])
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


def _attribution(doc: Doc, text: str, q: Quote, quotes: list[Quote]) -> Token | None:
    """The speech verb outside quotes nearest to the quotation, within its paragraph."""
    para_start = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    para = doc.char_span(para_start, para_end, alignment_mode="expand")
    best: tuple[int, Token] | None = None
    for tok in para if para is not None else doc:
        if tok.idx < para_start or tok.idx >= para_end or not is_cue(tok) or _inside(tok.idx, quotes):
            continue
        dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


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


def _statement(speaker: str, cue: Token | None, content: str, quote: str | None, sent: Span, index: EntityIndex,
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


def _clean(text: str) -> str:
    t = text.strip().strip(",;:.").strip()
    t = re.sub(r"^that\s+", "", t)
    return t.strip("\"“” ").rstrip(",;:").strip()  # '…and bullets,"' keeps no comma


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str]] = set()
    out = []
    for s in statements:
        k = (s.speaker, s.content.lower())
        if k not in seen and s.content:
            seen.add(k)
            out.append(s)
    return out
