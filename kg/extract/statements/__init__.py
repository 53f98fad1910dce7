"""Statements: who said what, verbatim or reported, about whom, and with what stance.

Readings, each quotation attributed once:
  reported speech  a speech verb with a clausal complement ("Meng said that …", "X warned …"), or
                   with a noun phrase ("China denied the accusations": the whole clause is the claim)
                   (reported.py)
  parenthetical    "CLAIM, the Chinese president said, …" / "…, CNN reported." (parenthetical.py)
  speech nouns     "Clapper's assertion that …", "…, a charge China denies" (reported.py)
  according to     "…, according to a White House statement" (reported.py)
  direct quotes    a quotation and the nearest attribution in its paragraph ('"…," he said.') (direct.py)
  continuations    a paragraph that opens a quotation with no attribution of its own goes to
                   the speaker of the paragraph before (direct.py)
  transcripts      "Vladimir Putin: …" turns (kg.extract.transcripts)
A report of someone else's statement ("X said …, Xinhua reported") keeps only the inner speaker
(nesting.py). The readings share one Context per document (context.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.facts import Meeting, Statement
from kg.extract.mentions import Resolver
from kg.extract.speech import READOUT_VERBS, is_cue, reported_inside_another
from kg.extract.statements.context import Context, Found, claims, inside
from kg.extract.statements.direct import direct, quoted_sentences
from kg.extract.statements.nesting import nested
from kg.extract.statements.parenthetical import parenthetical
from kg.extract.statements.reported import according_to, colon_intro, reported, speech_nouns
from kg.extract.transcripts import extract_transcript_statements
from kg.nlp import labels as L
from kg.nlp.find import sentences

__all__ = ["extract_statements", "quoted_sentences"]


def extract_statements(doc: Doc, index: EntityIndex, resolver: Resolver,
                       meetings: Sequence[Meeting] = ()) -> list[Statement]:
    ctx = Context.of(doc, index, resolver, meetings)
    out: list[Statement] = []
    for sent in sentences(doc):
        found: list[Found] = []
        for tok in sent:
            if is_cue(tok) and not inside(tok.idx, ctx.quotes) and not any(c.dep_ == L.NEG for c in tok.children) \
                    and not reported_inside_another(tok) and not _declined(tok) and not _purpose(tok):
                f = parenthetical(tok, sent, ctx) or reported(tok, sent, ctx, found)
                if f:
                    found.append(f)
        found += speech_nouns(sent, ctx, found)
        if not found and (f := colon_intro(sent, ctx)) is not None:
            found.append(f)
        found = nested(found)
        for f in found:
            ctx.speakers.remember(f.statement.speaker, list(sent))
        out += [replace(f.statement, content=claim, speaker=speaker) for f in found
                for speaker in [f.statement.speaker, *ctx.speakers.co_speakers(doc[f.cue])]
                for claim in claims(f)]
        # "Xi told Scholz that …, according to CCTV": the outlet relays Xi's statement, as "…, Xinhua reported" does.
        out += [s for s in according_to(sent, ctx) if not found]
    out += direct(ctx)
    out += extract_transcript_statements(doc, index)
    return _dedupe(out)


def _purpose(tok: Token) -> bool:
    """'spoke with X to congratulate her': a readout verb in a purpose infinitive is why the call was made,
    not something said."""
    return tok.lemma_.lower() in READOUT_VERBS and tok.dep_ in (L.PCOMP, L.ADVCL, L.ACL) and any(
        c.dep_ in L.AUX and c.lower_ == "to" for c in tok.children)


def _declined(cue: Token) -> bool:
    """'She declined to say whether …', 'refused to comment on …': nothing was said."""
    return cue.dep_ == L.XCOMP and cue.head.lemma_.lower() in _DECLINING


#: Verbs (lemmas) of not saying: "declined to say", "refused to comment".
_DECLINING = words("statements", "declining")


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str]] = set()
    out = []
    for s in statements:
        k = (s.speaker, s.content.lower())
        if k not in seen and s.content:
            seen.add(k)
            out.append(s)
    return out
