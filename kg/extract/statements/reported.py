"""Reported speech: a speech verb with its clause or noun phrase ('Meng said that …', 'China denied the
accusations'), a denied charge, speech nouns ("Clapper's assertion that …"), a colon introduction
('Trump at his news conference: "…"') and 'according to'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.data import words
from kg.extract.facts import PERSON, Statement
from kg.extract.speakers import CARRIER_NOUNS, SPEAKER_KINDS
from kg.extract.speech import (
    CHARACTERISING,
    CHARGE_NOUNS,
    DENIAL_VERBS,
    NOMINAL_OBJECT_CUES,
    READOUT_VERBS,
    SPEECH_NOUNS,
    clause_told,
    that_clause,
)
from kg.extract.statements.context import (
    Context,
    Found,
    after_layout,
    clean,
    quoted_part,
    statement,
    subject_left,
)
from kg.nlp import labels as L


def reported(cue: Token, sent: Span, ctx: Context, found: list[Found]) -> Found | None:
    lemma = cue.lemma_.lower()
    doc = sent.doc
    span: Span | None = None
    scope: Span | None = None  # where the statement's quotations are, when wider than its claim
    if cue.dep_ == L.RELCL and any(c.dep_ == L.DOBJ and c.tag_ in ("WDT", "WP") for c in cue.children):
        return None  # "the hack, which US officials have blamed on China": background to the report around it
    if lemma == "make":
        span = that_clause(cue)
    elif (comp := _content_clause(cue)) is not None:
        span = doc[comp.left_edge.i: comp.right_edge.i + 1]
        if comp.i < cue.i:
            span = after_layout(_trim_left_claim(span, subject_left(cue)), ctx.layout)
    elif (told := clause_told(cue)) is not None:
        span = doc[told.left_edge.i: told.right_edge.i + 1]
    elif lemma in DENIAL_VERBS and cue.dep_ == L.RELCL and cue.head.lemma_.lower() in CHARGE_NOUNS:
        return _denied_charge(cue, sent, ctx, found)
    elif lemma in NOMINAL_OBJECT_CUES and any(c.dep_ in (L.DOBJ, L.XCOMP) or c.dep_ == L.PREP and (lemma in (
            "call", "appeal") or lemma == "warn" and c.lower_ in ("against", "of") or lemma == "speak" and c.lower_ == "of")
            for c in cue.children):
        # "China has denied the accusations": the clause is the claim, up to the next comma.
        # It starts at the subject: a fronted "On Tuesday," or "In a statement to reporters," is not claimed.
        end = next((t.i for t in doc[cue.i: cue.right_edge.i + 1] if t.text in (",", ";")), cue.right_edge.i + 1)
        # "called the talks 'frank' and said …": the next verb is a statement of its own.
        end = min([end] + [c.left_edge.i - 1 for c in cue.children if c.dep_ == L.CONJ and c.pos_ == "VERB"
                           and c.i > cue.i])
        # A readout verb's claim is what was conveyed: "expressed serious concern about …", not its speaker.
        characterised = lemma in ("call", *CHARACTERISING) and any(c.dep_ == L.DOBJ for c in cue.children)
        # "…, hailing ties between …": a participle has no subject of its own to start the claim
        participle = cue.tag_ == "VBG" and cue.dep_ == L.ADVCL
        span = doc[cue.i if lemma in READOUT_VERBS or characterised or participle else subject_left(cue): end]
        # "KCNA criticized the meeting, calling it "a dangerous collusion"": the quotation after the comma
        # is the speaker's too, not left over for the next sentence's speaker.
        right = max([cue.i] + [c.right_edge.i for c in cue.children if c.i > cue.i and c.dep_ != L.CC
                               and not (c.dep_ == L.CONJ and c.pos_ in ("VERB", "AUX"))])  # not "and warned …"
        scope = doc[span.start: right + 1]
    else:
        span = that_clause(cue)  # "said in a statement that …" (the clause hangs off the noun)
    if span is None or len(span) == 0:
        return None
    speaker, via_pronoun = ctx.speakers.of(cue)
    if speaker is None:
        return None
    whole_quote, quote = quoted_part(scope or span, ctx, speaker, lemma)
    if whole_quote:
        return None
    st = statement(speaker, cue, clean(span.text), quote, sent, ctx.index, 0.7 if via_pronoun else 0.8)
    return Found(st, cue.i, span.start, span.end, sent.doc)


def _content_clause(cue: Token) -> Token | None:
    """The clause a cue reports: its complement clause, the one after it where there are two ('Speaking to
    reporters allowed to travel, X said Y had …'), and never one before a semicolon ('A; B calls for C')."""
    doc = cue.doc
    comps = [c for c in cue.children if c.dep_ == L.CCOMP and not (
        c.i < cue.i and any(t.text == ";" for t in doc[c.right_edge.i + 1: cue.i]))]
    after = [c for c in comps if c.i > cue.i and any(t.dep_ in L.SUBJECTS for t in c.children)]
    return after[0] if len(comps) > 1 and after else (comps[0] if comps else None)


def _trim_left_claim(span: Span, subject_left: int) -> Span:
    """'CLAIM, visiting President X said': the claim stops before the attribution and its modifiers."""
    doc = span.doc
    end = min(span.end, subject_left)
    comma = next((t.i for t in reversed(doc[span.start:end]) if t.text == ","), None)
    if comma is not None and end - comma <= 3 and all(t.pos_ in ("ADJ", "VERB", "ADV", "DET") for t in doc[comma + 1:end]):
        end = comma
    return doc[span.start:end]


def _denied_charge(cue: Token, sent: Span, ctx: Context, found: list[Found]) -> Found | None:
    """'…, with the US accusing X of Y, a charge China denies': the denial is of the accusation."""
    speaker, _ = ctx.speakers.of(cue)
    if speaker is None:
        return None
    earlier = [f for f in found if f.cue < cue.head.i]
    if earlier:
        content = earlier[-1].statement.content
    else:
        comma = next((t.i for t in reversed(sent[: cue.head.i - sent.start]) if t.text == ","), None)
        if comma is None:
            return None
        content = clean(sent.doc[sent.start:comma].text)
    st = statement(speaker, cue, content, None, sent, ctx.index, 0.6)
    return Found(st, cue.i, cue.head.i, cue.head.i, sent.doc)  # an empty range: it relays no one


def speech_nouns(sent: Span, ctx: Context, found: list[Found]) -> list[Found]:
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
        speaker, _ = ctx.speakers.resolve(poss)
        if speaker is None:
            continue
        span = doc[nxt.i + 1: nxt.head.right_edge.i + 1]
        if any(f.start <= span.start < f.end for f in found):
            continue
        st = statement(speaker, tok, clean(span.text), None, sent, ctx.index, 0.6)
        out.append(Found(st, tok.i, span.start, span.end, doc))
    return out


def colon_intro(sent: Span, ctx: Context) -> Found | None:
    """'Trump at his news conference: "…"', 'Sanders issues a statement: the leaders had …': a speaker
    introduces what follows the colon, with no speech verb or with 'issued a statement'."""
    doc, index = sent.doc, ctx.index
    colon = next((t for t in sent if t.text == ":" and not (t.i + 1 < sent.end and doc[t.i + 1].like_num
                                                              and doc[t.i - 1].like_num)), None)
    if colon is None or colon.i + 3 >= sent.end:
        return None
    left = doc[sent.start:colon.i]
    issued = any(t.lemma_.lower() in _ISSUING and any(c.lemma_.lower() in CARRIER_NOUNS for c in t.children)
                 for t in left) or any(t.lemma_.lower() in _BRIEFING and t.pos_ == "VERB" for t in left)
    quoted = doc[colon.i + 1].text in ('"', "“")
    acting = None  # "X defended the record, promising …: '…'": the person whose act the quotation spells out
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in _ISSUING | _BRIEFING for t in left):
        # a quotation of a sentence, not a name for something ('dubbed the fight: "Round two"')
        acting = _person_subject(left, ctx) if quoted and sent.end - colon.i > 6 else None
        if acting is None:
            return None
    # Without "issued a statement", only a quotation after the colon is speech ("Batman: Arkham VR" is a title).
    if not issued and not quoted:
        return None
    briefing = next((t for t in left if t.lemma_.lower() in _BRIEFING and t.pos_ == "VERB"), None)
    subject = next((c for c in briefing.children if c.dep_ in L.SUBJECTS), None) if briefing is not None else None
    key = ctx.speakers.resolve(subject)[0] if subject is not None else None  # "Adviser X briefs reporters:": X
    key = key or acting or next((k for t in left if (k := index.entity_of(t)) is not None), None)
    if key is None or index.entities[key].kind not in SPEAKER_KINDS:
        return None
    span = doc[colon.i + 1: sent.end]
    _, quote = quoted_part(span, ctx, key, "say")
    st = statement(key, None, clean(span.text), quote, sent, index, 0.7, cue_text="say")
    return Found(st, colon.i, span.start, span.end, doc)


def _person_subject(left: Span, ctx: Context) -> str | None:
    """The person subject of the main verb before a colon ('During Questions, X defended the record: …')."""
    root = next((t for t in left if t.head.i >= left.end or t.head == t), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ == L.NSUBJ), None)
    key = ctx.speakers.resolve(subject)[0] if subject is not None else None
    return key if key is not None and ctx.index.entities[key].kind == PERSON else None


#: Verbs that put out a statement ("issues a statement:"), not themselves speech verbs.
_ISSUING = words("statements", "issuing")
#: Verbs that introduce what follows a colon as said: "X briefs reporters: …", "X tells the pool: …".
_BRIEFING = words("statements", "briefing")


def according_to(sent: Span, ctx: Context) -> list[Statement]:
    """'…, according to a White House statement.' -> the statement's source says the rest."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == L.POBJ), None)
            speaker = ctx.resolver.resolve(pobj) if pobj is not None else None
            if speaker is None:
                continue
            rest = sent.doc[sent.start: tok.i].text if tok.i - sent.start > 3 else sent.doc[pobj.right_edge.i + 1: sent.end].text
            out.append(statement(speaker, tok, clean(rest), None, sent, ctx.index, 0.7))
        elif tok.lower_ == "words" and tok.head.lower_ == "in" and (found := _in_the_words_of(tok, sent, ctx)):
            out.append(found)
    return out


def _in_the_words_of(words_tok: Token, sent: Span, ctx: Context) -> Statement | None:
    """'…, in the words of the prosecutor, X, QC, "…"': the quotation after it is X's."""
    of = next((c for c in words_tok.children if c.dep_ == L.PREP and c.lower_ == "of"), None)
    holder = next((c for c in of.children if c.dep_ == L.POBJ), None) if of is not None else None
    if holder is None:
        return None
    speaker = ctx.resolver.resolve(holder) or next(
        (k for t in sent.doc[holder.i: holder.right_edge.i + 1] if (k := ctx.index.entity_of(t))
         and ctx.index.entities[k].kind in SPEAKER_KINDS), None)
    quote = next((q for q in ctx.quotes if q.start > holder.idx and q.start < sent.end_char + 1 and q not in ctx.used),
                 None)
    if speaker is None or quote is None or ctx.index.entities[speaker].kind not in SPEAKER_KINDS:
        return None
    ctx.used[quote] = (speaker, "say")
    return statement(speaker, words_tok, quote.text, quote.text, sent, ctx.index, 0.7, cue_text="say")
