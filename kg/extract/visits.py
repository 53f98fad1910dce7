"""Visits and gatherings read as meetings.

A leader's (or a state) visit to a country is a meeting with that country's head of state or government when
the article names one ("Xi's state visit to the US" + "US President Barack Obama" -> Xi meets
Obama, the host). A person going to summits or meetings of an international body meets that body
("will be in New York for a series of summits … of the UN").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.data import word_map, words
from kg.extract.entities import EntityIndex, entity_key
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, PLACE, Role
from kg.extract.mentions import Resolver
from kg.nlp import labels as L
from kg.nlp.gazetteer import lookup_country

#: Roles that lead a country and host its visitors.
LEADER_ROLES = words("visits", "leader_roles")
#: Seats of government that stand for their country as a destination.
SEATS = word_map("visits", "seats")
_NOT_ATTENDING = words("visits", "not_attending")
GATHERING_NOUNS = words("visits", "gathering_nouns")


def visit_parties(cue: Token, resolver: Resolver) -> tuple[str, str] | None:
    """(visitor, host leader) of 'X visits C', "X's visit to C", 'a visit by X to C'."""
    if cue.pos_ == "VERB":
        visitor_tok = next((c for c in cue.children if c.dep_ == L.NSUBJ), None)
        dest_tok = next((c for c in cue.children if c.dep_ == L.DOBJ), None)
    else:
        visitor_tok = next((c for c in cue.children if c.dep_ == L.POSS), None)
        if visitor_tok is None:
            by = next((c for c in cue.children if c.dep_ == L.PREP and c.lower_ == "by"), None)
            visitor_tok = next((c for c in by.children if c.dep_ == L.POBJ), None) if by is not None else None
        to = next((c for c in cue.children if c.dep_ == L.PREP and c.lower_ == "to"), None)
        if to is None and visitor_tok is not None:  # "a visit by X, …, to Washington"
            to = next((c for c in visitor_tok.subtree if c.dep_ == L.PREP and c.lower_ == "to"), None)
        dest_tok = next((c for c in to.children if c.dep_ == L.POBJ), None) if to is not None else None
    if visitor_tok is None or dest_tok is None:
        return None
    visitor = resolver.resolve(visitor_tok)
    if visitor is None or resolver.index.entities[visitor].kind != PERSON:
        return None
    state_visit = any(c.lower_ == "state" for c in cue.lefts)
    if not state_visit and not any(r.person == visitor and r.role_norm in LEADER_ROLES for r in resolver.roles):
        return None  # an envoy's visit need not include the head of state
    country = destination_country(dest_tok, resolver.index)
    host = leader_of(country, resolver.index, resolver.roles) if country else None
    if host is None or host == visitor or _same_country(visitor, country, resolver.roles, resolver.index):
        return None
    return visitor, host


def destination_country(tok: Token, index: EntityIndex) -> str | None:
    """The country a destination stands for: itself, its capital, or its seat of government."""
    key = index.entity_of(tok)
    name = country_of_place(key, index) if key is not None else None
    return entity_key(COUNTRY, name) if name is not None else None


def country_of_place(key: str, index: EntityIndex) -> str | None:
    """The name of the country a place stands in: itself, its capital's, or its seat of government's."""
    ent = index.entities.get(key)
    if ent is None:
        return None
    if ent.kind == COUNTRY:
        return ent.name
    name = ent.name.lower().removeprefix("the ")
    if name in SEATS:
        return SEATS[name]
    if ent.kind == PLACE and (cf := lookup_country(ent.name)) is not None:
        return cf.country.name
    return None


def leader_of(country: str, index: EntityIndex, roles: list[Role]) -> str | None:
    """The one person the article makes head of `country`; else the one leader it gives no country."""
    named = {r.person for r in roles if r.role_norm in LEADER_ROLES and r.organization == country and not r.former}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    placed = {r.person for r in roles if r.role_norm in LEADER_ROLES and r.organization}
    loose = {r.person for r in roles if r.role_norm in LEADER_ROLES and not r.organization and not r.former} - placed
    return loose.pop() if len(loose) == 1 else None


def _same_country(person: str, country: str | None, roles: list[Role], index: EntityIndex) -> bool:
    return any(r.person == person and r.organization == country for r in roles)


def gathering_parties(cue: Token, resolver: Resolver) -> list[str]:
    """'X will be in New York for summits … of the UN': X and the international bodies named."""
    if cue.lower_ not in GATHERING_NOUNS:
        return []
    gov = cue
    while gov.dep_ in (L.POBJ, L.PREP, L.CONJ) and gov.head != gov:
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX") or gov == cue or gov.lemma_.lower() in _NOT_ATTENDING:
        return []  # "ran for the Legislative Assembly" is a candidacy, not a gathering
    subj = next((c for c in gov.children if c.dep_ == L.NSUBJ), None)
    person = resolver.resolve(subj) if subj is not None else None
    if person is None or resolver.index.entities[person].kind != PERSON:
        return []
    bodies = [k for k in resolver.index.entities_in(cue.doc[cue.i: cue.right_edge.i + 1], (ORGANIZATION,))]
    return [person, *bodies] if bodies else []
