"""The country a person is read as belonging to, from what the document says around their names.

Readouts and state media list officials by side ("The U.S. side included …", "On the Russian side
were …", "The Brazilian delegation included …", "… attended from the Japanese side"); wire copy
writes "Turkey's Hakan Fidan" or "Prince Faisal of Saudi Arabia". A title written without its
country ("Foreign Minister X") takes the country the person is read with here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.facts import COUNTRY, PERSON, Role
from kg.nlp import labels as L
from kg.nlp.find import sentences
from kg.nlp.gazetteer import titles

#: Nouns that name one party's people at talks: "the Russian side", "the Turkish delegation".
_SIDE_NOUNS = words("sides", "side_nouns")
#: "Senior Chinese officials present at the talks included …": officials as a side only with these words.
_GROUP_NOUNS = words("sides", "group_nouns")
_LISTING_WORDS = words("sides", "listing_words")
#: Verbs that put one person on another's side: "X accompanied Y", "Y is accompanied by X", "X joins Y".
_COMPANY_VERBS = words("sides", "company_verbs")


def person_countries(doc: Doc, index: EntityIndex, roles: list[Role]) -> dict[str, str]:
    """Person key -> country key, where the document ties the person to one country."""
    votes: dict[str, Counter[str]] = {}

    def vote(person: str, country: str, weight: int) -> None:
        votes.setdefault(person, Counter())[country] += weight

    for person, country in _side_members(doc, index):
        vote(person, country, 3)
    for r in roles:
        if r.organization and index.entities[r.organization].kind == COUNTRY:
            vote(r.person, r.organization, 2)
    for person, country in _named_with_country(doc, index):
        vote(person, country, 2)
    out = _decided(votes)
    for companion, principal in _companions(doc, index, roles):
        if companion not in out and principal in out:
            vote(companion, out[principal], 1)
    return _decided(votes)


def _decided(votes: dict[str, Counter[str]]) -> dict[str, str]:
    out = {}
    for person, counter in votes.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[person] = ranked[0][0]
    return out


def _companions(doc: Doc, index: EntityIndex, roles: list[Role]) -> list[tuple[str, str]]:
    """(companion, principal): 'X, who accompanied the prime minister', 'Kim is accompanied by X and Y',
    'X and Y join Trump'. A companion travels with the principal's side."""
    out = []
    for verb in doc:
        if verb.lemma_.lower() not in _COMPANY_VERBS or verb.pos_ not in ("VERB", "AUX", "NOUN"):
            continue  # the small model reads "X and Y join Trump" with a nominal "join" at times
        passive = next((c for c in verb.children if c.dep_ == L.NSUBJPASS), None)
        agent = next((c for c in verb.children if c.dep_ == L.AGENT), None)
        if passive is not None and agent is not None:
            principal_tok = passive
            companions = [t for c in agent.children if c.dep_ == L.POBJ for t in _with_conjuncts(c)]
            companions += [c for c in verb.children if c.dep_ == L.CONJ and c.pos_ == "PROPN"]  # "by X, …, and Y"
        else:
            subject = next((c for c in verb.children if c.dep_ == L.NSUBJ), None)
            if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == L.RELCL:
                subject = verb.head
            principal_tok = next((c for c in verb.children if c.dep_ == L.DOBJ), None)
            companions = _with_conjuncts(subject) if subject is not None else []
            companions += [t for w in _along_with(verb) for t in _with_conjuncts(w)]
        principal = _person_at(principal_tok, index, roles) if principal_tok is not None else None
        if principal is None:
            continue
        for tok in companions:
            if (companion := _person_at(tok, index, roles)) is not None and companion != principal:
                out.append((companion, principal))
    return out


def _along_with(verb: Token) -> list[Token]:
    """The people of 'accompanied the prime minister along with X': travelling with the subject."""
    out = []
    for prep in verb.children:
        if prep.dep_ == L.PREP and prep.lower_ == "along":
            prep = next((c for c in prep.children if c.lower_ == "with"), prep)
        if prep.dep_ == L.PREP and prep.lower_ == "with":
            out += [c for c in prep.children if c.dep_ == L.POBJ]
    return out


def _with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


def _person_at(tok: Token, index: EntityIndex, roles: list[Role]) -> str | None:
    """The person a token names, or the one holder of the title it is ('the prime minister')."""
    key = index.entity_of(tok)
    if key is not None:
        return key if index.entities[key].kind == PERSON else None
    written = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != L.DET)
    role = titles().get(written)
    if role is None:
        return None
    holders = {r.person for r in roles if r.role_norm == role and not r.former}
    if len(holders) > 1:  # "the prime minister" beside a premier and an acting prime minister: as written
        holders = {r.person for r in roles if r.role.lower() == written and not r.former}
    return holders.pop() if len(holders) == 1 else None


def _side_members(doc: Doc, index: EntityIndex) -> list[tuple[str, str]]:
    """(person, country) for each person a sentence lists under a country's side or delegation."""
    out = []
    for sent in sentences(doc):
        cues = [(tok.i, c) for tok in sent if (c := _side_country(tok, index, sent))]
        if not cues:
            continue
        persons = _person_starts(sent, index)
        if not persons:
            continue
        forward = cues[0][0] < persons[0][0]  # "On the Russian side were X" vs "X attended from the Japanese side"
        for i, person in persons:
            if forward:
                side = [c for j, c in cues if j < i]
                country = side[-1] if side else None
            else:
                side = [c for j, c in cues if j > i]
                country = side[0] if side else None
            if country:
                out.append((person, country))
    return out


def _side_country(tok: Token, index: EntityIndex, sent: Span) -> str | None:
    """The country of 'the U.S. side', 'the Turkish delegation', 'senior Chinese officials present'."""
    noun = tok.lower_
    if noun not in _SIDE_NOUNS and not (noun in _GROUP_NOUNS and _listed(tok)):
        return None
    k = tok.i - 1
    while k >= sent.start and k >= tok.i - 4:
        key = index.entity_of(tok.doc[k])
        if key and index.entities[key].kind == COUNTRY:
            return key
        if tok.doc[k].pos_ not in ("ADJ", "DET", "PROPN", "PART") and tok.doc[k].text not in ("'s", "’s"):
            return None
        k -= 1
    return None


def _listed(tok: Token) -> bool:
    """'Officials present at the talks included …': the group is the one a listing verb is about."""
    return tok.dep_ in L.SUBJECTS and (tok.head.lemma_ in _LISTING_WORDS
                                       or any(c.lemma_ in _LISTING_WORDS for c in tok.children))


def _person_starts(sent: Span, index: EntityIndex) -> list[tuple[int, str]]:
    out = []
    prev = None
    for tok in sent:
        key = index.entity_of(tok)
        if key and index.entities[key].kind == PERSON and key != prev:
            out.append((tok.i, key))
        prev = key
    return out


def _named_with_country(doc: Doc, index: EntityIndex) -> list[tuple[str, str]]:
    """'Turkey's Hakan Fidan', 'Prince Faisal bin Farhan of Saudi Arabia', 'Hossein Amir-Abdollahian of Iran'."""
    out = []
    for ent in doc.ents:
        person = index.entity_of(ent[0])
        if not person or index.entities[person].kind != PERSON:
            continue
        k = ent.start
        if k >= 2 and doc[k - 1].text in ("'s", "’s") and (c := index.entity_of(doc[k - 2])) \
                and index.entities[c].kind == COUNTRY:
            out.append((person, c))
        k = ent.end
        if k + 1 < len(doc) and doc[k].lower_ == "of":
            j = k + 1 + (doc[k + 1].lower_ == "the")
            if j < len(doc) and (c := index.entity_of(doc[j])) and index.entities[c].kind == COUNTRY:
                out.append((person, c))
    return out


#: Words of a sentence that lists who else took part in talks just reported: "The Turkish delegation
#: included …", "Present at the talks from the DPRK side were …", "Kim is accompanied by …".
_TAKING_PART = words("sides", "taking_part")


#: Events a list of people may point back at: "present at the talks", "sat in on the meeting".
_EVENT_NOUNS = words("sides", "event_nouns")


@dataclass(frozen=True)
class ParticipantList:
    """People a sentence lists as taking part in talks, and whether it names the talks ('present at the talks')."""

    offset: int
    people: list[str]
    points_back: bool
    event: str | None = None  # the event named: "talks" in 'present at the talks'
    end: int = 0  # character offset where the sentence ends


def participant_lists(doc: Doc, index: EntityIndex) -> list[ParticipantList]:
    """Each sentence that lists the people taking part in talks: 'The Turkish delegation included …',
    'X and Y sat in on the meeting', 'Their foreign ministers are also in the room'."""
    out = []
    for sent in sentences(doc):
        sitting_in = _sitting_in(sent) or _taking_part(sent)
        if not sitting_in and not any(t.lemma_.lower() in _TAKING_PART or t.lower_ in _TAKING_PART for t in sent):
            continue
        joining = _joining(sent)
        if not sitting_in and not joining and not any(
                t.lower_ in ("delegation", "delegations", "side", "present") or t.dep_ == L.AGENT
                or t.lemma_.lower() in ("include", "attend", "participate") for t in sent):
            continue  # "the delegation arrived" lists nobody
        if _absent(sent):
            continue  # "X was not present, but was briefed afterwards"
        people = [key for _, key in _person_starts(sent, index)]
        if people:
            event = next((t.lower_ for t in sent if t.lower_ in _EVENT_NOUNS
                          and any(c.lower_ == "the" for c in t.children)), None)
            out.append(ParticipantList(sent.start_char, people, event is not None or sitting_in or joining, event,
                                       sent.end_char))
    return out


def _joining(sent: Span) -> bool:
    """'X also joined the discussions': someone joining talks already told."""
    return any(t.lemma_.lower() == "join" and t.pos_ == "VERB" and any(
        c.dep_ == L.DOBJ and c.lower_ in _EVENT_NOUNS and any(d.lower_ == "the" for d in c.children)
        for c in t.children) for t in sent)


def _absent(sent: Span) -> bool:
    """A sentence that says its people did not take part: 'was not present', 'did not attend'."""
    return any((t.lower_ in _TAKING_PART or t.lemma_.lower() in _TAKING_PART) and any(
        c.dep_ == L.NEG for h in (t, t.head) for c in h.children) for t in sent)


def _taking_part(sent: Span) -> bool:
    """'X and Y took part in the talks' (not "China's part in the hacking")."""
    return any(t.lower_ == "part" and t.dep_ == L.DOBJ and t.head.lemma_.lower() == "take" for t in sent)


def _sitting_in(sent: Span) -> bool:
    """'X sat in on the meeting', 'X and Y are also in the room'."""
    for t in sent:
        if t.lemma_.lower() == "sit" and any(c.lower_ == "in" and c.dep_ in (L.PRT, L.PREP) for c in t.children):
            return True
        if t.lower_ == "room" and t.head.lower_ == "in" and any(c.lower_ == "the" for c in t.children) \
                and t.head.head.lemma_.lower() == "be":
            return True
    return False
