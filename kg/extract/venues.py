"""Where a meeting was held ('in Lima', 'at the White House', 'flew to Kyiv, where …', the dateline), and how,
where only the title tells it ('Readout of the Secretary's Call with …')."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.facts import COUNTRY, IN_PERSON, ORGANIZATION, PERSON, PHONE, PLACE, VIDEO, Meeting
from kg.extract.mentions import Resolver
from kg.nlp import labels as L
from kg.nlp.gazetteer import lookup_country

#: Words that make a meeting a video call or a phone call ('videoconference', 'telephone').
VIDEO_WORDS = words("meetings", "video_words")
PHONE_WORDS = words("meetings", "phone_words")
#: Words that put a meeting somewhere other than where the story was filed: "on the sidelines of".
_ELSEWHERE = words("meetings", "elsewhere")


def meeting_place(sent: Span, index: EntityIndex, participants: list[str], cue: Token | None = None) -> str | None:
    """The place of 'in Washington', 'at the White House' (not a participant), outside a relative clause
    that says something else ('X, who is in China for a state visit, …')."""
    if cue is not None and (where := _where_clause_place(cue, index)) and where not in participants:
        return where  # "flew to Kyiv, where he met X"
    aside = {t.i for r in sent if r.dep_ in (L.RELCL, L.ACL) and (cue is None or cue.i not in
                                                                     {x.i for x in r.subtree}) for t in r.subtree}
    for tok in sent:
        if tok.i in aside:
            continue
        if tok.dep_ != L.POBJ or tok.head.lower_ not in ("in", "at"):
            continue
        if index.entity_of(tok) is None:
            tok = _named_by_of(tok, index)  # "in the Baltic resort of Palanga"
        if key := index.entity_of(tok):
            kind = index.entities[key].kind
            if key not in participants and (kind in (PLACE, COUNTRY) or tok.ent_type_ == L.FAC or
                                            (kind == ORGANIZATION and tok.head.lower_ == "at")):
                return key
    return None


def _named_by_of(noun: Token, index: EntityIndex) -> Token:
    """'the resort of Palanga', 'the city of Oslo': the place an 'of' names for an unnamed place noun."""
    for of in noun.children:
        if of.dep_ == L.PREP and of.lower_ == "of":
            for name in of.children:
                key = index.entity_of(name) if name.dep_ == L.POBJ else None
                if key and index.entities[key].kind == PLACE:
                    return name
    return noun


def _where_clause_place(cue: Token, index: EntityIndex) -> str | None:
    """The place a 'where' clause holding the cue hangs from: 'travelled to Oslo, where she met X'."""
    for head in (cue, *cue.ancestors):
        if head.dep_ == L.RELCL and any(c.lower_ == "where" for c in head.children):
            key = index.entity_of(head.head)
            if key and index.entities[key].kind in (PLACE, COUNTRY):
                return key
            # "travels to Greece on Tuesday, where …", the clause hung on the day: the place just before
            for tok in reversed(cue.doc[head.sent.start:head.head.i]):
                key = index.entity_of(tok)
                if key and index.entities[key].kind in (PLACE, COUNTRY) and tok.dep_ == L.POBJ:
                    return key
            return None
    return None


def place_from_dateline(meetings: list[Meeting], doc: Doc, index: EntityIndex, dateline: str | None,
                        published: date | None) -> list[Meeting]:
    """A meeting held in person around the story's day, in a sentence that names no other place, took place
    where the story was filed: 'RIYADH, Sept 10 (Reuters) - X held talks with Y on Tuesday'."""
    if not dateline:
        return meetings
    out = []
    for m in meetings:
        if m.place is None and m.mode == IN_PERSON and not m.planned and _near(m.date, published) and \
                not _names_another_place(doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand"), index):
            m = replace(m, place=index.add_country(dateline) if _is_country(dateline) else index.add(PLACE, dateline))
        out.append(m)
    return out


def place_from_visit(meetings: list[Meeting], doc: Doc, index: EntityIndex, resolver: Resolver) -> list[Meeting]:
    """'X paid an official visit to Singapore … During the visit, X called on Y': a meeting held in person by
    the visitor, told after the visit and before any other, took place where the visit went."""
    visits = _visits_told(doc, resolver)
    if not visits:
        return meetings
    out = []
    for m in meetings:
        told = [v for v in visits if v[0] <= m.evidence.start]
        if m.place is None and m.mode == IN_PERSON and not m.planned and told and told[-1][1] in m.participants \
                and told[-1][2] not in m.participants:
            m = replace(m, place=told[-1][2])
        out.append(m)
    return out


def _visits_told(doc: Doc, resolver: Resolver) -> list[tuple[int, str, str]]:
    """(offset, visitor, destination) of each visit told as done: 'paid a visit to C', 'visited C', "X's visit to C"."""
    index = resolver.index
    out = []
    for tok in doc:
        if tok.lemma_.lower() != "visit":
            continue
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == L.DOBJ else None
        if verb is None or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
            continue  # "will visit", "plans to pay a visit": not told as done
        dest = next((o for t in (tok, verb) for p in t.children if p.dep_ == L.PREP and p.lower_ == "to"
                     for o in p.children if o.dep_ == L.POBJ), None) if tok.pos_ != "VERB" else \
            next((c for c in tok.children if c.dep_ == L.DOBJ), None)
        subject = next((c for c in verb.children if c.dep_ == L.NSUBJ), None)
        visitor = resolver.resolve(subject) if subject is not None else None
        place = index.entity_of(dest) if dest is not None else None
        if visitor and index.entities[visitor].kind == PERSON and place and index.entities[place].kind in (PLACE, COUNTRY):
            out.append((tok.sent.start_char, visitor, place))
    return out


def mode_from_title(meetings: list[Meeting], title: str | None) -> list[Meeting]:
    """'Readout of the Secretary's Call with X' / 'X holds phone talks with Y': a meeting the body only says
    someone 'spoke' or 'talked' with another was held the way the title says."""
    words_ = re.findall(r"[a-z]+", (title or "").lower())
    calls = any(w in ("call", "calls") and nxt in ("with", "between") for w, nxt in zip(words_, words_[1:], strict=False))
    mode = VIDEO if set(words_) & VIDEO_WORDS else PHONE if calls or set(words_) & (PHONE_WORDS - {"call"}) else None
    if mode is None:
        return meetings
    return [replace(m, mode=mode) if m.cue in _UNSAID_MODE and m.mode == IN_PERSON and m.place is None else m
            for m in meetings]


_UNSAID_MODE = words("meetings", "unsaid_mode")


def _near(when: str | None, published: date | None, days: int = 7) -> bool:
    """Whether a meeting's day is within a week before the story's (or either is unknown)."""
    if when is None or published is None or len(when) != 10:
        return when is None or published is None
    return 0 <= (published - date.fromisoformat(when)).days <= days


def _names_another_place(sent: Span, index: EntityIndex) -> bool:
    """A sentence that sends someone somewhere or puts the meeting beside an event: 'flew to', 'on the
    sidelines of'."""
    if any(t.lower_ in _ELSEWHERE for t in sent):
        return True
    return any(t.dep_ == L.POBJ and (key := index.entity_of(t)) and index.entities[key].kind in (PLACE, COUNTRY)
               and t.head.lower_ not in ("of", "with", "by", "from") for t in sent)


def _is_country(name: str) -> bool:
    found = lookup_country(name)
    return found is not None and found.country.name.lower() == name.lower()
