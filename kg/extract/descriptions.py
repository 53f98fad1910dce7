"""Roles from descriptions: 'the French president' written where a name would be.

Wire copy names a person once and then describes them: "Emmanuel Macron and X spent five hours in talks.
The French president, who had flown to Moscow, said …". An analyst reads the description as the role of
the person it stands for. Two readings, both on the title spans the gazetteer marked:

  holder    the one person the document gives that title without a country takes the description's country
  subject   a description that is a sentence's subject continues the person who was the subject just before
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, PERSON, Role
from kg.nlp import labels as L

#: How many sentences back the person a subject description continues may be named.
_SUBJECT_REACH = 3


def described_holders(doc: Doc, roles: list[Role], titles: list[Span], index: EntityIndex) -> list[Role]:
    """'President Emmanuel Macron … The French president, who had flown to Moscow, said …': a description
    with a country, after the one person named with that title and no country, gives that person the country."""
    out = []
    positions: list[int] | None = None  # every token that names an entity, in order (sorted once)
    for t, country in _country_descriptions(doc, titles, index):
        same = [r for r in roles if r.role_norm == t.label_]
        if any(r.organization is not None for r in same):
            continue  # "the French president" where a president of another country is named too, or
            # where the French president is named: the description is his, not a country-less holder's
        holders = {r.person for r in same if r.organization is None}
        if positions is None:
            positions = sorted(index.token_entity)
        person = next((index.token_entity[positions[k]] for k in range(bisect_left(positions, t.start) - 1, -1, -1)
                       if index.token_entity[positions[k]] in holders), None)
        if person is not None:
            out.append(_role(t, person, country, index))
    return out


def described_subjects(doc: Doc, roles: list[Role], titles: list[Span], index: EntityIndex) -> list[Role]:
    """'X and Y spent five hours in talks. The French president, who had flown in, said that Y had assured
    him …': a description that is its sentence's subject stands for the person the sentences before had as
    their subject, leaving out anyone the sentence names and anyone the document gives another country or
    another holder of the title. Two people left in the nearest sentence that has any: nobody; and where the
    document gives someone a post of that country already, nobody either."""
    out: list[Role] = []
    known = list(roles)
    for t, country in _country_descriptions(doc, titles, index):
        if t.root.dep_ not in L.SUBJECTS or any(r.organization == country for r in known):
            continue  # someone holds a post of this country already: "the French leader" may well be them,
            # and the resolver reads a description whose holder is named
        excluded = set(index.entities_in(t.sent, (PERSON,))) | {
            r.person for r in known if _elsewhere(r, t.label_, country, index)}
        person = _continued_subject(doc, t, index, excluded)
        if person is not None:
            role = _role(t, person, country, index, confidence=0.5)
            out.append(role)
            known.append(role)
    return out


def _country_descriptions(doc: Doc, titles: list[Span], index: EntityIndex) -> list[tuple[Span, str]]:
    """Each singular 'the French president' with no name beside it, and the country its words give."""
    out = []
    for t in titles:
        if t.root.tag_ == "NNS" or not any(c.lower_ == "the" for c in t.root.children):
            continue
        if t.end < len(doc) and (index.entity_of(doc[t.end]) or doc[t.end].text == "," and t.end + 1 < len(doc)
                                 and _is_person(doc[t.end + 1], index)):
            continue  # a title with its name is no description
        country = next((k for c in t.root.lefts if (k := index.entity_of(c)) and index.entities[k].kind == COUNTRY),
                       None)
        if country is not None:
            out.append((t, country))
    return out


def _continued_subject(doc: Doc, t: Span, index: EntityIndex, excluded: set[str]) -> str | None:
    """The one person not excluded who is the subject of the nearest sentence before t's that has a person subject."""
    sent = t.sent
    for _ in range(_SUBJECT_REACH):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        subjects = _person_subjects(sent, index)
        if not subjects:
            continue
        left = [p for p in subjects if p not in excluded]
        if len(left) == 1:
            return left[0]
        if left:
            return None  # two people it may be: the text does not say which
    return None


def _person_subjects(sent: Span, index: EntityIndex) -> list[str]:
    """The people a sentence has as subjects, with the conjuncts of a joint subject ('X and Y met')."""
    out: list[str] = []
    for tok in sent:
        if tok.dep_ not in L.SUBJECTS:
            continue
        for head in (tok, *tok.conjuncts):
            key = index.entity_of(head)
            if key is not None and index.entities[key].kind == PERSON and key not in out:
                out.append(key)
    return out


def _elsewhere(r: Role, role_norm: str, country: str, index: EntityIndex) -> bool:
    """Whether a role ties its holder to another country than the description's, or is its title elsewhere."""
    if r.organization is None or r.organization == country:
        return False
    return r.role_norm == role_norm or index.entities[r.organization].kind == COUNTRY


def _is_person(tok: Token, index: EntityIndex) -> bool:
    key = index.entity_of(tok)
    return key is not None and index.entities[key].kind == PERSON


def _role(t: Span, person: str, country: str, index: EntityIndex, confidence: float = 0.6) -> Role:
    return Role(person=person, role=t.text, role_norm=t.label_, organization=country,
                evidence=evidence_of(t.sent, index.document_id), confidence=confidence)
