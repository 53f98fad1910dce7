"""Meetings, visits and talks: who took part, when, where, and whether it is still planned."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.data import word_list, word_map, words
from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, GROUP, IN_PERSON, ORGANIZATION, PERSON, PHONE, VIDEO, Meeting
from kg.extract.mentions import Resolver
from kg.extract.sides import ParticipantList, participant_lists
from kg.extract.venues import PHONE_WORDS, VIDEO_WORDS, meeting_place
from kg.extract.visits import GATHERING_NOUNS, LEADER_ROLES, gathering_parties, visit_parties
from kg.extract.when import WEEKDAYS, find_interval, resolve_date, shifted_day
from kg.nlp import labels as L
from kg.nlp.components import TITLES_KEY
from kg.nlp.find import sentences
from kg.nlp.gazetteer import titles
from kg.nlp.layout import dateline_and_byline_tokens

MEETING_VERBS = words("meetings", "verbs")
MEETING_NOUNS = words("meetings", "nouns")
#: Meeting verbs that need an object to be one: what is held or exchanged; a person received (empty: a person).
_NEEDS_OBJECT: dict[str, frozenset[str]] = {
    "hold": words("meetings", "held_objects"), "exchange": words("meetings", "exchanged_objects"),
    **{verb: frozenset() for verb in words("meetings", "verbs_of_a_person")}}
#: Meals that are meetings when working or official: "a working lunch", "a state banquet".
_MEALS = words("meetings", "meals")
_SIGNED = words("meetings", "signed_documents")
_FUTURE_MARKS = words("meetings", "future_marks")
_PARTICIPANT_KINDS = (PERSON, ORGANIZATION, COUNTRY, GROUP)
_REPRESENTATIVES = words("meetings", "representatives")
_ENVOYS = words("meetings", "envoys")
_CLAUSE_DEPS = {L.CCOMP, L.ADVCL, L.RELCL, L.CONJ, L.ACL, L.PARATAXIS, L.CSUBJ}
_FUTURE_DATES = word_list("meetings", "future_dates")
_PHONE_VERBS = words("meetings", "phone_verbs")
_REMOTE_NOUNS = words("meetings", "remote_nouns")
_MODE_PREPS = words("meetings", "mode_preps")
_STATE_BODIES = words("names", "body_heads") | words("mentions", "carriers")


def extract_meetings(doc: Doc, index: EntityIndex, resolver: Resolver, published: date | None) -> list[Meeting]:
    meetings: list[Meeting] = []
    narrative = NarrativeDate(doc, published)
    certainties: list[int] = []  # how each meeting's date was found (_EXPLICIT … _PUBLISHED)
    # whom "the two leaders" may mean: the people of the last meeting a verb told ("X spoke to Y"), not of
    # one a noun recalled ("X updated Y on his meeting with Z")
    last_told: tuple[str, ...] = ()
    for sent in sentences(doc):
        narrative.enter(sent)
        if sent.text.strip().rstrip("\"'”’").endswith("?"):
            continue  # "Will X meet Y in Munich?": asked, not told
        in_sentence: list[list[str]] = []  # "received by Xi on Monday, and on Tuesday sat down with Li": two
        unheld: set[int] = set()  # cues of meetings the sentence says were not held
        for cue in sent:
            if not _is_cue(cue) and cue.lower_ not in GATHERING_NOUNS or _a_topic(cue):
                continue
            if _not_held(cue):
                unheld.add(cue.i)  # "X could meet Y at the summit": nor is the summit their meeting
                continue
            if unheld and (not _is_cue(cue) or any(a.i in unheld for a in cue.ancestors)):
                continue
            if meetings and (_joins_the_event_told(cue) or _said_of_the_event_told(cue)):
                continue  # "X and Y also attended the talks", "It was their 12th summit": the talks already told
            host = None
            confidence = 0.8 if cue.pos_ == "VERB" else 0.7
            if cue.lemma_.lower() == "visit" and not _visits_someone(cue):
                parties = visit_parties(cue, resolver) or _at_invitation(cue, resolver)
                people = list(parties) if parties else []
                host, confidence = (parties[1], 0.6) if parties else (None, 0.0)
            else:
                people = _participants(cue, resolver, last_told) if _is_cue(cue) else []
            if len(people) < 2 and _names_a_pair(sent) and len(last_told) == 2:
                people = list(last_told)  # "the two presidents", said after their talks: the two
            if len(people) < 2 and not in_sentence:
                people, confidence = gathering_parties(cue, resolver), 0.5
            if len(people) < 2:
                continue
            for group in _separately(cue, _named_over_bodies(people, resolver), resolver):
                if in_sentence and (any(set(group) <= set(e) or set(e) <= set(group) for e in in_sentence) or not any(
                        index.entities[k].kind == PERSON for k in set(group) - {k for e in in_sentence for k in e})):
                    continue  # "met … for talks": one meeting, read twice; a second needs someone new
                in_sentence.append(group)
                planned = _is_planned(cue, sent)
                when, certainty = (narrative.shifted or _date(sent, published, planned, cue), _EXPLICIT)
                if when is None and not planned:
                    when, certainty = narrative.date
                elif when and _precision(when) == 0 and not planned and _within(narrative.date[0], when):
                    when = narrative.date[0]  # "(2024)" and the dateline's June 19: the day, not the year
                meetings.append(Meeting(
                    participants=tuple(group), cue=cue.lemma_.lower(), evidence=evidence_of(sent, index.document_id),
                    confidence=confidence, date=when, place=meeting_place(sent, index, group, cue), planned=planned,
                    host=host, mode=meeting_mode(cue)))
                certainties.append(certainty)
                if cue.pos_ == "VERB":
                    last_told = tuple(group)
    return _within_visits(_dedupe(_with_delegations(meetings, participant_lists(doc, index)), certainties))


def _not_held(cue: Token) -> bool:
    """A meeting the text says did not or may not take place: 'has not met', 'never met', 'refused to
    meet', 'wants to meet', 'could meet', 'cancelled the talks', 'a meeting is possible'."""
    if any(c.dep_ == L.NEG or c.lower_ == "never" for c in cue.children):
        return True
    if cue.pos_ in ("VERB", "AUX") and any(c.dep_ in L.AUX and c.lower_ in _HYPOTHETICAL_MODALS for c in cue.children):
        return True
    gov = cue.head
    if cue.dep_ == L.XCOMP and gov.pos_ == "ADJ" and gov.lemma_.lower() in _HYPOTHETICAL_WORDS:
        return True  # "would be willing to meet X"
    if cue.dep_ in (L.XCOMP, L.DOBJ) and gov.lemma_.lower() in _UNMEETING_VERBS:
        return True  # "refused to meet X", "called off the talks"
    if cue.dep_ == L.XCOMP and any(c.dep_ == L.NEG or c.lower_ == "never" for c in gov.children):
        return True  # "did not agree to meet X"
    if any(c.lemma_.lower() in _HYPOTHETICAL_WORDS for c in cue.children if c.dep_ == L.AMOD):
        return True  # "a possible meeting"
    if cue.dep_ == L.NSUBJPASS and gov.lemma_.lower() in _UNMEETING_VERBS:
        return True  # "a meeting between X and Y was cancelled"
    if cue.pos_ == "VERB" and any(c.dep_ == L.ADVCL and any(m.dep_ == L.MARK and m.lower_ in _CONDITIONS
                                                            for m in c.children) for c in cue.children):
        return True  # "X will meet Y if the ceasefire holds"
    return cue.dep_ in L.SUBJECTS and any(c.dep_ == L.ACOMP and c.lemma_.lower() in _HYPOTHETICAL_WORDS
                                          for c in gov.children)  # "a meeting is possible"


#: Modals that make a meeting hypothetical: "could meet", "might hold talks".
_HYPOTHETICAL_MODALS = words("meetings", "hypothetical_modals")
#: Verbs whose complement is a meeting not held: "refused to meet", "cancelled the talks", "wants to meet".
_UNMEETING_VERBS = words("meetings", "unmeeting_verbs")
#: Words that make a meeting a possibility: "a possible meeting", "talks are unlikely".
_HYPOTHETICAL_WORDS = words("meetings", "hypothetical_words")
#: Conjunctions of a condition a meeting hangs on: "will meet Y if the ceasefire holds".
_CONDITIONS = words("meetings", "conditions")


def _joins_the_event_told(cue: Token) -> bool:
    """'attended the talks', 'took part in the meeting', 'participated in the talks': a definite event with no
    'with' of its own, which people join (their names are added to it by the participant lists)."""
    verb, event = (cue, next((c for c in cue.children if c.dep_ == L.DOBJ), None)) if cue.pos_ == "VERB" else (
        cue.head.head if cue.dep_ == L.POBJ else cue.head, cue)
    if event is None or verb.lemma_.lower() not in _JOINING_VERBS:
        return False
    return any(c.lower_ == "the" for c in event.children) and not any(
        c.dep_ == L.PREP and c.lower_ in ("with", "between") for c in event.children)


_JOINING_VERBS = words("meetings", "joining_verbs")


def _said_of_the_event_told(cue: Token) -> bool:
    """'It was the 12th summit between the two leaders', 'This was their first meeting': said of the event
    just told, not another one."""
    head = cue.head
    return cue.dep_ == L.ATTR and head.lemma_ == "be" and any(
        c.dep_ in L.SUBJECTS and c.lower_ in ("it", "this", "that") for c in head.children)


def _named_over_bodies(people: list[str], resolver: Resolver) -> list[str]:
    """'received the delegation of Russia headed by X, Russia's defence minister': the people, not also the
    country or body one of them holds a post of (countries and bodies take part only where nobody is named)."""
    ix = resolver.index
    held = {r.organization for r in resolver.roles if r.person in people and r.organization}
    named = [p for p in people if ix.entities[p].kind == PERSON]
    out = [p for p in people if not (ix.entities[p].kind in (COUNTRY, ORGANIZATION) and (p in held or len(named) >= 2))]
    return out if len(out) >= 2 else people


def _a_topic(cue: Token) -> bool:
    """'The leaders also discussed the G7 summit': a meeting that is what is talked of, not what is held."""
    return cue.pos_ in ("NOUN", "PROPN") and cue.dep_ == L.DOBJ and cue.head.lemma_.lower() in _TOPIC_VERBS


#: Verbs (lemmas) whose object is a subject of talk: "discussed the summit", "reviewed the talks".
_TOPIC_VERBS = words("meetings", "topic_verbs")


def _within_visits(meetings: list[Meeting]) -> list[Meeting]:
    """'X welcomed Y to Chequers today. The leaders … sat down for a working lunch with A and B': a reception
    and the talks or meal it opened, on the same day, are one meeting, of the wider set of people."""
    out = list(meetings)
    for m in meetings:
        if m.cue not in _RECEPTIONS or m.planned or m.date is None:
            continue
        wider = next((n for n in out if n is not m and n.date == m.date and not n.planned and n.mode == m.mode
                      and set(m.participants) < set(n.participants)
                      and abs(n.evidence.start - m.evidence.start) < _VISIT_REACH), None)
        if wider is not None:  # told as the reception, which says where and whose visit it was
            extra = tuple(p for p in wider.participants if p not in m.participants)
            out[out.index(m)] = replace(m, participants=m.participants + extra, place=m.place or wider.place)
            out.remove(wider)
    return out


#: Cues of receiving a visitor: the day's talks with the visitor belong to the visit.
_RECEPTIONS = words("meetings", "receptions")
#: How far apart (in characters) a reception and the talks it opened may be told.
_VISIT_REACH = 1000


def _with_delegations(meetings: list[Meeting], lists: list[ParticipantList]) -> list[Meeting]:
    """'The Russian delegation included X, Y …' after talks are reported: X and Y took part in them
    (the last held meeting reported before the list, within a few paragraphs, or anywhere before a list
    that names the talks: 'Officials present at the talks included …')."""
    out = list(meetings)
    previous: tuple[int, int] | None = None  # (end offset, meeting) of the list before
    for listed in lists:
        offset, people = listed.offset, listed.people
        if previous is not None and offset - previous[0] < _NEXT_LIST and not listed.event:
            n = previous[1]  # "Officials present at the talks included …. The Brazilian delegation included …"
        else:
            before = [n for n, m in enumerate(out) if m.evidence.start <= offset and not m.planned
                      and (listed.points_back or offset - m.evidence.start < _DELEGATION_REACH)]
            if not before:
                previous = None
                continue
            named = [n for n in before if listed.event and _EVENT_CUES.get(out[n].cue) == listed.event]
            n = max(named or before, key=lambda k: out[k].evidence.start)
        previous = (listed.end, n)
        extra = tuple(p for p in people if p not in out[n].participants)
        if extra:
            out[n] = replace(out[n], participants=out[n].participants + extra)
    return out


#: How far (in characters) a delegation list may follow the talks it belongs to.
_DELEGATION_REACH = 1500
#: A list this close after another list ends (in characters) names more people of the same talks.
_NEXT_LIST = 200
#: The event noun a list points back at, by the cue of the meeting it names: "present at the talks".
_EVENT_CUES = word_map("meetings", "event_cues")


def _is_cue(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and _other_cue(tok, lemma):
        return True
    if tok.pos_ == "VERB" and lemma == "visit":
        return any(c.dep_ == L.DOBJ for c in tok.children)  # "visiting President Xi said" is no visit
    if tok.pos_ == "VERB" and lemma == "sign":  # "X and Y signed a trade agreement": a signing ceremony
        return any(c.dep_ == L.DOBJ and c.lemma_.lower() in _SIGNED for c in tok.children) and not _is_planned(
            tok, tok.sent) and any(t.ent_type_ == L.PERSON for c in tok.children if c.dep_ in (L.NSUBJ, L.PREP)
                                   for t in c.subtree)  # people signing, not two companies
    if tok.pos_ in ("NOUN", "PROPN") and lemma == "visit":
        return any(c.dep_ == L.POSS or (c.dep_ == L.PREP and c.lower_ == "by") for c in tok.children) or (
            tok.dep_ == L.DOBJ and tok.head.lemma_.lower() in ("pay", "make")
            and any(t.lemma_.lower() == "invitation" for t in tok.sent))  # "At the invitation of X, Y paid a visit"
    if tok.pos_ == "VERB" and lemma == "meet" and any(c.dep_ == L.DOBJ and not _is_someone(c) for c in tok.children):
        return False  # "met the deadline", "met its targets"
    if tok.pos_ == "VERB" and lemma == "speak":  # "spoke by phone with his Polish counterpart", not "with reporters"
        return any(c.dep_ == L.POBJ and (c.ent_type_ in (L.PERSON, L.GPE, L.ORG) or c.lemma_.lower() == "counterpart")
                   or c.dep_ == L.PCOMP and any(d.dep_ == L.NSUBJ and d.ent_type_ == L.PERSON for d in c.children)
                   for p in _with_phrases(tok) if p.lower_ == "with" for c in p.children) or bool(_spoken_to(tok))
    if tok.pos_ == "VERB" and lemma == "sit":  # "sat down with Premier Li", "the two sit down for talks"
        return any(c.dep_ == L.PRT and c.lower_ == "down" for c in tok.children) and any(
            p.dep_ == L.PREP and (p.lower_ == "with" or p.lower_ == "for" and any(
                o.lemma_.lower() in _NEEDS_OBJECT["hold"] for o in p.children)) for p in tok.children)
    if tok.pos_ == "VERB" and lemma == "spend":  # "spent five hours in talks", "X and Y spent two hours together"
        heads = [tok, *(c for c in tok.children if c.dep_ == L.DOBJ)]
        in_talks = any(p.dep_ == L.PREP and p.lower_ == "in" and any(
            o.lemma_.lower() in _NEEDS_OBJECT["hold"] for o in p.children) for h in heads for p in h.children)
        # every subject: a dateline the parser took for one ("HELSINKI, July 16 - X and Y spent …") hides none
        people = [t for subj in tok.children if subj.dep_ == L.NSUBJ for t in subj.subtree
                  if t.ent_type_ == L.PERSON and t.ent_iob_ == "B"]
        near = [*tok.children, *(g for c in tok.children for g in c.children)]  # "two hours (alone)"
        together = len(people) >= 2 and any(c.dep_ in (L.DOBJ, L.NPADVMOD) and c.ent_type_ in (L.TIME, L.DATE)
                                            for c in near)
        return in_talks or together
    if tok.pos_ == "VERB" and lemma in ("receive", "welcome", "host", "meet", "greet") and _agent(tok) is not None:
        return True  # "Mr Albanese was received by President Xi"
    if tok.pos_ == "VERB" and lemma == "shake":  # "Trump and Kim shake hands", "shook hands with X"
        return any(c.dep_ == L.DOBJ and c.lower_ == "hands" for c in tok.children)
    if tok.pos_ == "VERB" and lemma in MEETING_VERBS:
        need = _NEEDS_OBJECT.get(lemma)
        if need is None:
            return True
        if not need:  # "Macron received Zelensky", "summoned China's ambassador"; not "welcomed the decision"
            return any(c.dep_ == L.DOBJ and (c.ent_type_ == L.PERSON or c.lemma_.lower() in _ENVOYS
                                             or c.lower_ in ("him", "her", "them")  # "X receives him"
                                             or c.is_title and c.lower_ in titles()  # "received Lao Deputy PM …"
                                             or c.lemma_.lower() in _PRESENTED and any(  # "the credentials of X"
                                                 t.ent_type_ == L.PERSON for t in c.subtree))
                       for c in tok.children)
        # "held talks", "held a round of consultations", "held a session of the dialogue"
        return any(o.lemma_.lower() in need for c in tok.children if c.dep_ in L.OBJECTS for o in (c, *_of_objects(c)))
    if tok.pos_ == "NOUN" and lemma in _MEALS:  # "a working lunch", "had dinner with X": not any meal
        return any(c.lower_ in ("working", "state", "official") for c in tok.children) or _shared_meal(tok)
    if tok.pos_ == "NOUN" and lemma in _REMOTE_NOUNS and meeting_mode(tok) == IN_PERSON:
        return False  # "a telephone conversation with X" is a call; "a conversation with CNN" is no meeting
    # "had a bilateral with X", where the model reads "bilateral" as an adjective
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "ADJ" and tok.dep_ in L.OBJECTS
    if nominal and _call_received(tok):
        return True
    if nominal and (lemma in MEETING_NOUNS or lemma in _REMOTE_NOUNS):
        return any(c.dep_ == L.PREP and c.lower_ in ("with", "between") for c in tok.children) or any(
            c.dep_ == L.POSS for c in tok.children) or bool(_called_on(tok)) or _held_by_several(tok) or len(
            _chaired_by(tok)) >= 2
    return False


def _other_cue(verb: Token, lemma: str) -> bool:
    """Verbs that are meetings only with a certain complement: 'greeted X', 'dined/huddled with X',
    'telephoned X', 'called on X' (not 'called on X to …'), 'joined X for talks', 'co-chaired the
    dialogue', 'attended a signing ceremony', 'X and Y spoke by phone', 'visited X at his residence'."""
    if lemma in _WITH_VERBS or verb.lower_ in _WITH_VERBS:  # the model lemmatizes "dined" as "din"
        return any(_is_someone(c) for p in _with_phrases(verb) if p.lower_ == "with" for c in p.children
                   if c.dep_ == L.POBJ) or len(_joint_subjects(verb)) >= 2  # "X and Y negotiated for hours"
    if lemma in _WITH_PERSON_VERBS:  # "discussed the crisis with X" (not "with reporters")
        return any(c.dep_ == L.POBJ and c.ent_type_ == L.PERSON for p in _with_phrases(verb) if p.lower_ == "with"
                   for c in p.children)
    if lemma in _GRANTING_VERBS:  # "granted an audience to X"
        return any(c.dep_ == L.DOBJ and c.lemma_.lower() in _AUDIENCES for c in verb.children) and bool(
            _granted_to(verb))
    if lemma == "call" and _called_on(verb):
        return True
    if lemma in _PHONE_VERBS:
        return _calls_someone(verb) and not any(c.dep_ in (L.XCOMP, L.CCOMP) for c in verb.children)
    if lemma == "greet":
        return any(c.dep_ == L.DOBJ and _is_someone(c) for c in verb.children)
    if lemma == "join":  # "joined X for talks", "X and Y were joined by Z for the talks"
        joined = [c for c in verb.children if c.dep_ == L.DOBJ] or ([a] if (a := _agent(verb)) is not None else [])
        return any(_is_someone(c) for c in joined) and any(
            p.dep_ == L.PREP and p.lower_ == "for" and any(o.lemma_.lower() in _NEEDS_OBJECT["hold"]
                                                            for o in p.children) for p in verb.children)
    if lemma == "witness":  # "X and Y witnessed the signing of five agreements": a signing ceremony
        return any(c.dep_ == L.DOBJ and c.lemma_.lower() in _WITNESSED for c in verb.children) and len(
            _joint_subjects(verb)) >= 2
    if lemma in _CHAIRING_VERBS or lemma == "attend":
        nouns = _CEREMONIES | _ATTENDED if lemma == "attend" else MEETING_NOUNS | _CHAIRED_BODIES
        # "the dialogue", "the fifth round of the strategic dialogue"
        objects = [o for c in verb.children if c.dep_ == L.DOBJ for o in (c, *(g for p in c.children if p.dep_ == L.PREP
                                                                                and p.lower_ == "of" for g in p.children))]
        apart = any(m.lower_ in _APART for o in objects for m in o.children)  # "chaired separate sessions"
        return any(o.lemma_.lower() in nouns for o in objects) and len(_joint_subjects(verb)) >= 2 and not apart
    if lemma == "speak":
        return len(_joint_subjects(verb)) >= 2 and meeting_mode(verb) != IN_PERSON
    return lemma == "visit" and _visits_someone(verb)


def _honoured(cue: Token) -> list[Token]:
    """The guest of 'a state banquet in honour of X' (the phrase may hang on the verb that hosts it)."""
    holders = [cue, cue.head] if cue.dep_ == L.DOBJ else [cue]
    return [g for h in holders for p in h.children if p.dep_ == L.PREP and p.lower_ == "in"
            for n in p.children if n.lower_ in ("honour", "honor")
            for of in n.children if of.lower_ == "of" for g in of.children if g.dep_ == L.POBJ]


def _shared_meal(meal: Token) -> bool:
    """'had dinner with President X', 'X and Y had breakfast together': a meal two named people shared."""
    verb = meal.head if meal.dep_ == L.DOBJ else None
    if verb is None:
        return False
    withs = [p for p in (*meal.children, *verb.children) if p.dep_ == L.PREP and p.lower_ == "with"]
    if any(c.dep_ == L.POBJ and c.ent_type_ == L.PERSON for p in withs for c in p.children):
        return True
    return len(_joint_subjects(verb)) >= 2 and any(c.lower_ == "together" for c in (*verb.children, *meal.children))


def _of_objects(noun: Token) -> list[Token]:
    """'a round of consultations', 'a session of the dialogue': the nouns a measure word is 'of'."""
    if noun.lemma_.lower() not in _MEASURES:
        return []
    return [o for p in noun.children if p.dep_ == L.PREP and p.lower_ == "of" for o in p.children if o.dep_ == L.POBJ]


def _granted_to(verb: Token) -> list[Token]:
    """The person of 'granted an audience to X'."""
    holders = [verb, *(c for c in verb.children if c.dep_ == L.DOBJ)]  # "to X" on the verb or on "audience"
    return [o for h in holders for p in h.children if p.dep_ in (L.PREP, L.DATIVE) and p.lower_ == "to"
            for o in p.children if o.dep_ == L.POBJ and _is_someone(o)]


def _at_invitation(cue: Token, resolver: Resolver) -> tuple[str, str] | None:
    """(visitor, host) of 'At the invitation of X, Y paid an official visit to C': the visitor is who pays the
    visit, the host who invited them."""
    gov = cue.head
    if cue.dep_ != L.DOBJ or gov.lemma_.lower() not in ("pay", "make"):
        return None
    visitor = next((k for c in gov.children if c.dep_ in L.SUBJECTS and (k := resolver.resolve(c))), None)
    inviter = next((k for t in cue.sent if t.lemma_.lower() == "invitation" for p in t.children
                    if p.dep_ == L.PREP and p.lower_ == "of" for o in p.children
                    if o.dep_ == L.POBJ and (k := resolver.resolve(o))), None)
    kinds = resolver.index.entities
    if visitor is None or inviter is None or visitor == inviter or PERSON not in (kinds[visitor].kind, kinds[inviter].kind):
        return None
    return visitor, inviter


def _visits_someone(verb: Token) -> bool:
    """'X visited Y at his residence': a visit to a person, not to a place."""
    return verb.pos_ == "VERB" and any(c.dep_ == L.DOBJ and c.ent_type_ == L.PERSON for c in verb.children)


def _joint_subjects(verb: Token) -> list[Token]:
    """'X and Y co-chaired …', 'X and his Greek counterpart Y discussed …': the person subjects of a verb,
    conjuncts included (a conjunct named beside it, in apposition, stands for that person)."""
    return [n for c in verb.children if c.dep_ in L.SUBJECTS for t in (c, *c.conjuncts)
            for n in (t, *(a for a in t.children if a.dep_ == L.APPOS)) if n.ent_type_ == L.PERSON]


def _called_on(tok: Token) -> list[Token]:
    """The person of 'called on X' (an in-person visit, not 'called on X to resign'), 'paid a courtesy call
    on X', 'received a phone call from X'."""
    lemma = tok.lemma_.lower()
    if lemma != "call":
        return []
    preps = ("on", "from") if tok.pos_ in ("NOUN", "PROPN") else ("on",)
    people = [o for p in tok.children if p.dep_ == L.PREP and p.lower_ in preps for o in p.children
              if o.dep_ == L.POBJ and _is_someone(o)]
    if any(t.lower_ == "to" and t.head.pos_ in ("VERB", "AUX") and t.i > tok.i for t in tok.sent):
        return []  # "called on Lind to resign": an appeal
    return people


def _held_by_several(noun: Token) -> bool:
    """'X and Y had a meeting', 'X and Y discussed trade at their meeting', 'X briefed Y during a meeting':
    a meeting noun under a verb whose subjects, or subject and object, are two people."""
    gov = noun.head
    while gov.dep_ in (L.POBJ, L.PREP) and gov.head != gov and gov.pos_ not in ("VERB", "AUX"):
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX") or noun.dep_ not in (L.DOBJ, L.POBJ) or (
            noun.dep_ == L.DOBJ and gov.lemma_.lower() not in ("have", "hold")):
        return False
    if noun.dep_ == L.POBJ and noun.head.lower_ not in _DURING_PREPS or any(
            c.dep_ == L.PREP and c.lower_ == "of" for c in noun.children):
        return False  # "praised Y during a meeting of the party": a body's meeting, not theirs
    people = _joint_subjects(gov) + [c for c in gov.children if c.dep_ == L.DOBJ and c.ent_type_ == L.PERSON]
    return len(people) >= 2


def _call_received(noun: Token) -> list[Token]:
    """'X received a phone call from Y': the caller ('from' on the call or on the verb)."""
    if noun.dep_ != L.DOBJ or noun.head.lemma_.lower() not in _RECEIVING_CALLS or meeting_mode(noun) == IN_PERSON:
        return []
    return [o for h in (noun, noun.head) for p in h.children if p.dep_ == L.PREP and p.lower_ == "from"
            for o in p.children if o.dep_ == L.POBJ]


_RECEIVING_CALLS = words("meetings", "receiving_calls")


def _chaired_by(noun: Token) -> list[Token]:
    """'The summit, co-chaired by A and B, …': the people a meeting noun's participle says chaired or hosted it."""
    return [t for c in noun.children if c.dep_ in (L.ACL, L.APPOS) and c.lemma_.lower() in _CHAIRING
            for a in c.children if a.dep_ == L.AGENT for t in a.subtree if t.ent_type_ == L.PERSON and t.ent_iob_ == "B"]


#: Verbs of chairing or hosting a meeting, said by its participle: "co-chaired by", "hosted by".
_CHAIRING = words("meetings", "chairing_verbs") | words("meetings", "hosting_verbs")


def meeting_mode(cue: Token) -> str:
    """How the meeting a cue reports was held: "video" ('a video call', 'talks via videoconference', 'met
    virtually'), "phone" ('spoke by phone with', 'a telephone conversation', 'a call with', 'X called Y and
    they talked'), else "in person". Read from the cue, its compounds and modifiers, the objects of its
    'by'/'over'/'via'… phrases, and those of the verb a noun cue is the object of ('held a video
    conference'); never from another clause ('met X, a day after a phone call with Y' stays in person)."""
    heads = [cue]
    gov = cue
    while gov.pos_ != "VERB" and gov.dep_ in (L.POBJ, L.PREP, L.DOBJ) and gov.head != gov:
        gov = gov.head  # "held a video conference with", "took part in a phone call with"
    if gov != cue and gov.pos_ in ("VERB", "AUX"):
        heads.append(gov)
    near: list[Token] = list(heads)
    # "held talks via video link": the object's own 'via' phrase too
    heads += [c for h in list(heads) for c in h.children if c.dep_ == L.DOBJ and c.lemma_.lower() in MEETING_NOUNS]
    for h in heads:
        for c in h.children:
            if c.dep_ in (L.COMPOUND, L.AMOD, L.ADVMOD, L.NMOD, L.DOBJ):
                near += [c, *(g for g in c.children if g.dep_ in (L.COMPOUND, L.AMOD))]
            elif c.dep_ == L.PREP:  # "by phone", "via video link"; "virtually" hung on "on Monday"
                near += [a for a in c.children if a.dep_ == L.ADVMOD]
                for o in c.children:
                    if o.dep_ == L.POBJ and c.lower_ in _MODE_PREPS:
                        near += [o, *(g for g in o.children if g.dep_ in (L.COMPOUND, L.AMOD))]
    said = {t.lower_ for t in near} | {t.lemma_.lower() for t in near if t.pos_ != "VERB"}
    if said & VIDEO_WORDS:
        return VIDEO
    if cue.lemma_.lower() == "call" and any(c.dep_ == L.PREP and c.lower_ == "on" and not any(
            o.ent_type_ in (L.DATE, L.TIME) for o in c.children) for c in cue.children):
        return IN_PERSON  # "paid a courtesy call on X", "called on the President": a visit
    # "Holm called Lind and the two talked": a verb of calling someone, governing the cue or coordinated with it
    callers = [t for t in (cue.head if cue.dep_ == L.CONJ else None, gov) if t is not None and t.pos_ == "VERB"]
    if said & PHONE_WORDS or any(t.lemma_.lower() in _PHONE_VERBS and _calls_someone(t) for t in callers):
        return PHONE
    return IN_PERSON


def _calls_someone(verb: Token) -> bool:
    """'called President Lind' (which the parser may read as a naming, 'called X a liar'): one object, someone."""
    objects = [c for c in verb.children if c.dep_ in (L.DOBJ, L.OPRD)]
    return len(objects) == 1 and _is_someone(objects[0])


def _is_someone(tok: Token) -> bool:
    """A person, body or group one can meet: a name, a pronoun, 'his counterpart', 'Hamas leaders'."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "PRON" or tok.ent_type_ in _PARTY_TYPES or lemma in _REPRESENTATIVES or lemma in _PEOPLE
            or lemma in titles() or tok.lower_ in titles())


_PEOPLE = words("meetings", "people")
#: The entity types of someone one can meet (not "on Monday").
_PARTY_TYPES = (L.PERSON, L.ORG, L.GPE, L.NORP)
#: Verbs whose object is the person met: "met X", "greeted X", "telephoned X", "joined X for talks".
_OBJECT_MET = words("meetings", "object_met")
#: Verbs that are meetings with a person in a 'with' phrase: "dined with X", "huddled with X".
_WITH_VERBS = words("meetings", "with_verbs")
#: Verbs that are meetings only with a person named in their 'with' phrase: "discussed the crisis with X".
_WITH_PERSON_VERBS = words("meetings", "with_person_verbs")
#: Verbs of jointly leading a meeting: "X and Y co-chaired the dialogue".
_CHAIRING_VERBS = words("meetings", "chairing_verbs")
#: Plural nouns that stand for the leaders of the countries named with them: "the leaders of A and B".
_LEADER_NOUNS = words("meetings", "leader_nouns")
#: Bodies two people co-chair a session of: "co-chaired the Joint Commission".
_CHAIRED_BODIES = words("meetings", "chaired_bodies")
#: Words that set two people's events apart: "chaired separate sessions".
_APART = words("meetings", "apart")
#: What two people witness together at a ceremony: "witnessed the signing of five agreements".
_WITNESSED = words("meetings", "witnessed")
#: What an envoy presents to the one who receives it in person: "received the credentials of X".
_PRESENTED = words("meetings", "presented")
#: Events people attend together that are no meeting noun of their own: "attended a signing ceremony".
_CEREMONIES = words("meetings", "ceremonies")
#: Meetings that two people attending are at together (not a conference, an umbrella event).
_ATTENDED = words("meetings", "attended")
#: Words that measure out a meeting: "a round of talks", "a session of the dialogue".
_MEASURES = words("meetings", "measures")
#: Verbs of giving an audience, and the nouns for one: "granted an audience to X".
_GRANTING_VERBS = words("meetings", "granting_verbs")
_AUDIENCES = words("meetings", "audiences")
#: Prepositions of a meeting that was the occasion: "at their meeting", "during the talks".
_DURING_PREPS = words("meetings", "during_preps")


def _participants(cue: Token, resolver: Resolver, last: tuple[str, ...] = ()) -> list[str]:
    """Subjects, objects, possessors and 'with'/'between' complements of the cue, with their conjuncts
    (`last`: the participants of the meeting reported just before, whom 'the leaders' may mean)."""
    heads: list[Token] = []
    anchor = cue
    if cue.pos_ != "VERB":
        # "during their meeting": a plural possessor stands for the subjects of the verb, read below
        heads += [c for c in cue.children if c.dep_ == L.POSS and c.lower_ not in ("their", "our")]
        # "Rice had a frank exchange … in her meeting with Meng": the governing verb's subject.
        gov = cue.head
        while gov.dep_ in (L.POBJ, L.PREP, L.DOBJ) and gov.head != gov:
            gov = gov.head
        # "The leaders began with a walk before sitting down for a working lunch": past a verb with no subject
        while gov.dep_ == L.PCOMP and not any(c.dep_ in L.SUBJECTS for c in gov.children) and \
                gov.head.dep_ == L.PREP and gov.head.head != gov.head:
            gov = gov.head.head
        if gov.pos_ in ("VERB", "AUX") and not heads:
            heads += [c for c in gov.children if c.dep_ in L.SUBJECTS]
        heads += _chaired_by(cue) + _call_received(cue)
    else:
        heads += [cue.head if c.tag_ in ("WP", "WDT") and cue.dep_ == L.RELCL else c  # "Meloni, who met Orban"
                  for c in cue.children if c.dep_ in L.SUBJECTS]
        gov = cue
        while not heads and gov.dep_ in (L.CONJ, L.XCOMP, L.ADVCL, L.ACOMP, L.PCOMP) and gov.head != gov:
            gov = gov.head  # "Meloni is due to travel to Tunisia to meet Saied": the subject of 'is'
            if gov.dep_ == L.PREP and gov.head.pos_ in ("VERB", "AUX"):
                gov = gov.head  # "X told reporters after meeting Y": the subject of 'told'
            heads += [c for c in gov.children if c.dep_ in L.SUBJECTS]
        if not heads and gov.dep_ == L.ACL and gov.head.ent_type_ == L.PERSON:
            heads.append(gov.head)  # "X, speaking after meeting Y, said …": the participle's person
        if not heads:
            heads += _names_just_before(cue, resolver)
        heads += [c for c in cue.children if c.dep_ == L.DOBJ and cue.lemma_.lower() in _OBJECT_MET]
        # "met with A, chairman of X, and B": the parser hangs B on the verb after an apposition
        heads += [c for c in cue.children if c.dep_ == L.CONJ and c.pos_ == "PROPN" and c.ent_type_ == L.PERSON]
        if (agent := _agent(cue)) is not None:
            heads.append(agent)
    preps = _with_phrases(anchor)
    if cue.pos_ == "NOUN" and cue.dep_ == L.DOBJ:  # "had lunch with X": the verb holds the meal's 'with'
        preps += [p for p in cue.head.children if p.dep_ == L.PREP and p.lower_ == "with" and p not in preps]
    for prep in preps:
        heads += [c for c in prep.children if c.dep_ == L.POBJ]
        # "spoke with Prime Minister X of Y to congratulate her", parsed as 'with (X to congratulate)'
        heads += [d for c in prep.children if c.dep_ == L.PCOMP for d in c.children
                  if d.dep_ == L.NSUBJ and d.ent_type_ == L.PERSON]
        # "met with visiting President X", which the parser reads as 'with (visiting X)'
        heads += [d for c in prep.children if c.dep_ == L.PCOMP and c.lower_ == "visiting"
                  for d in c.children if d.dep_ == L.DOBJ]
    heads += _spoken_to(cue) + _called_on(cue) + (_granted_to(cue) if cue.lemma_.lower() in _GRANTING_VERBS else [])
    heads += _honoured(cue)
    if cue.pos_ != "VERB" and cue.dep_ == L.POBJ and cue.head.lower_ in _DURING_PREPS and gov.pos_ in ("VERB", "AUX"):
        heads += [c for c in gov.children if c.dep_ == L.DOBJ and c.ent_type_ == L.PERSON]  # "briefed Y during a meeting"
    out: list[str] = []
    layout = dateline_and_byline_tokens(cue.doc)  # "BEIJING, Oct. 17 (Xinhua) -- X held talks": not Xinhua
    for h in heads:
        named = [h, *_conjuncts(h)]
        for tok in named + [i for t in named for i in _included(t)]:
            if tok.i in layout:
                continue
            for key in _entities_of_phrase(tok, resolver, last):
                if key not in out:
                    out.append(key)
    if len(out) < 2 and cue.pos_ == "VERB":
        for h in (c for c in cue.children if c.dep_ in L.SUBJECTS):
            for tok in _mangled_conjuncts(h):
                for key in _entities_of_phrase(tok, resolver, last):
                    if key not in out:
                        out.append(key)
    return out


def _included(tok: Token) -> list[Token]:
    """'… and members of the war cabinet, including Defense Minister X (and Y)': the people a participant phrase
    lists (the parser may hang 'including' on the name before it)."""
    return [t for p in tok.children if p.dep_ == L.PREP and p.lower_ == "including"
            for o in p.children if o.dep_ == L.POBJ for t in (o, *o.conjuncts)]


def _separately(cue: Token, people: list[str], resolver: Resolver) -> list[list[str]]:
    """'X met separately with A and B', 'X held bilateral meetings with A and B', 'met A and B in separate
    meetings': two bilaterals, X with A and X with B; 'A and B met X separately': A with X and B with X;
    else the one meeting."""
    verb = cue
    while verb.pos_ != "VERB" and verb.dep_ in (L.DOBJ, L.POBJ, L.PREP) and verb.head != verb:
        verb = verb.head  # "held bilateral meetings with …": the subjects are the verb's
    apart = any(c.lower_ in ("separately", "individually") for c in verb.children) if verb.pos_ == "VERB" else False
    if not apart and not any(_a_series(n) for n in (cue, *verb.children, *(g for c in verb.children
                                                                         if c.dep_ == L.PREP for g in c.children))):
        return [people]
    subjects = [k for c in verb.children if c.dep_ in L.SUBJECTS for t in (c, *_conjuncts(c))
                if (k := resolver.resolve(t)) is not None and k in people]
    others = [k for k in people if k not in subjects]
    if len(subjects) >= 2 and len(others) == 1:  # "A and B also met X separately": A with X, B with X
        return [[k, others[0]] for k in subjects]
    if not subjects or len(others) < 2:
        return [people]
    return [[*subjects, k] for k in others]


def _a_series(noun: Token) -> bool:
    """'bilateral meetings', 'bilaterals', 'separate talks': meetings held one by one."""
    return noun.pos_ == "NOUN" and (noun.lower_ == "bilaterals" or noun.tag_ == "NNS" and any(
        c.lower_ in _SERIES_WORDS for c in noun.children if c.dep_ == L.AMOD))


_SERIES_WORDS = words("meetings", "series_words")


def _agent(verb: Token) -> Token | None:
    """The 'by' phrase of a passive verb: 'was received by President Xi' -> Xi."""
    by = next((c for c in verb.children if c.dep_ == L.AGENT), None)
    return next((c for c in by.children if c.dep_ == L.POBJ), None) if by is not None else None


def _mangled_conjuncts(subj: Token) -> list[Token]:
    """'European Commission President Ursula von der Leyen and Brazilian President Lula met': long
    coordinated names where the parser hung the coordination inside the subject's words instead of on
    its head. Both sides of each such conj (outside clauses) are participants."""
    out: list[Token] = []
    todo = list(subj.children)
    while todo:
        t = todo.pop()
        if t.dep_ in _CLAUSE_DEPS - {L.CONJ} or t.dep_ == L.PREP:
            continue
        if t.dep_ == L.CONJ and t.head != subj:
            out += [x for x in (t.head, t) if x not in out]
        todo += list(t.children)
    return out


def _names_just_before(cue: Token, resolver: Resolver) -> list[Token]:
    """'On the sidelines of the summit in Bali, Joe Biden and Xi Jinping met': the parser lost the subject;
    the coordinated names right before the verb are it."""
    out: list[Token] = []
    titled = {i for t in cue.doc.spans.get(TITLES_KEY, []) for i in range(t.start, t.end)}  # "President X and …"
    k = cue.i - 1
    while k >= cue.sent.start:
        tok = cue.doc[k]
        if resolver.index.entity_of(tok):
            if tok.ent_iob_ == "B" or k == cue.sent.start:
                out.append(tok)
        elif tok.lower_ not in ("and", ",", "'s", "’s") and tok.pos_ not in ("ADV", "AUX") and k not in titled:
            break
        k -= 1
    return out if len(out) >= 2 else []


def _spoken_to(verb: Token) -> list[Token]:
    """'The Prime Minister spoke to Dutch Prime Minister X': the person a 'speak' is 'to' (not 'to reporters',
    not 'to the BBC')."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "speak":
        return []
    return [c for p in verb.children if p.dep_ == L.PREP and p.lower_ == "to"
            for c in p.children if c.dep_ == L.POBJ and c.ent_type_ == L.PERSON]


def _with_phrases(cue: Token) -> list[Token]:
    """'with'/'between'/'by' phrases of the cue, also when the parser hung them lower in the same
    clause ("exchanged views on combating crimes with X")."""
    out: list[Token] = []
    todo = list(cue.children)
    while todo:
        t = todo.pop(0)
        if t.dep_ in _CLAUSE_DEPS or (t.dep_ in L.SUBJECTS and t.head == cue):
            continue
        if t.dep_ == L.PREP and (t.lower_ in ("with", "between") or (t.lower_ == "by" and t.head == cue)):
            out.append(t)
            continue
        todo += list(t.children)
    return out


def _conjuncts(tok: Token, described: bool = False) -> list[Token]:
    """Coordinated participants, also through an apposition ("Kerry, secretary …, Johnson and Rice"); a
    title in apposition, and the titles coordinated with it, describe the one before them ("Kim, general
    secretary of X and president of Y"): they are no one else to resolve."""
    out = []
    for c in tok.children:
        if c.dep_ in (L.CONJ, L.APPOS):
            describing = (described or c.dep_ == L.APPOS) and not _names_someone(c)
            if not describing:
                out.append(c)
            out += _conjuncts(c, describing)
    return out


def _names_someone(tok: Token) -> bool:
    """A name (any entity type), not a title or common noun."""
    return bool(tok.ent_type_) or tok.pos_ == "PROPN" and tok.lemma_.lower() not in titles()


def _entities_of_phrase(tok: Token, resolver: Resolver, last: tuple[str, ...] = ()) -> list[str]:
    """Entities a participant phrase names: its head entity, else the people in its own words
    (and the bodies of 'representatives from the Justice and State departments'); 'the leaders of Norway
    and Chile' are the people the article names as holding those posts."""
    return _holders_of_posts(tok, _phrase_entities(tok, resolver, last), resolver)


def _holders_of_posts(tok: Token, keys: list[str], resolver: Resolver) -> list[str]:
    """Each country of 'the leaders of A and B' / 'the Norwegian and Chilean foreign ministers' replaced by the
    one person the article names in that post for it (a country with no such holder stays)."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NNS" or not any(resolver.index.entities[k].kind == COUNTRY for k in keys):
        return keys
    title = next((t for t in tok.doc.spans.get(TITLES_KEY, []) if t.root == tok), None)
    posts = LEADER_ROLES if lemma in _LEADER_NOUNS else {title.label_} if title is not None else set()
    out: list[str] = []
    for key in keys:
        holders = {r.person for r in resolver.roles if r.organization == key and r.role_norm in posts and not r.former}
        person = holders.pop() if resolver.index.entities[key].kind == COUNTRY and len(holders) == 1 else key
        if person not in out:
            out.append(person)
    return out


def _phrase_entities(tok: Token, resolver: Resolver, last: tuple[str, ...] = ()) -> list[str]:
    if pair := _the_two(tok, resolver):
        return pair
    if _the_pair_just_met(tok) and len(last) == 2:
        return list(last)  # "Holm welcomed Lind to Oslo. The leaders began with a walk …": the two
    groups = tok.lemma_.lower() in _REPRESENTATIVES and (tok.tag_ == "NNS" or tok.lower_ in ("delegation", "team"))
    key = resolver.resolve(tok, allow_groups=True)
    if key and resolver.index.entities[key].kind in _PARTICIPANT_KINDS and not (  # "officials from A and B": both
            groups and tok.tag_ == "NNS" and resolver.index.entities[key].kind in (ORGANIZATION, COUNTRY)):
        return [key]
    kinds = (PERSON, ORGANIZATION, COUNTRY) if groups else (PERSON,)
    theirs = {t.i for c in tok.children if c.dep_ in (L.CONJ, L.CC) for t in c.subtree}
    span_keys = []
    for t in tok.subtree:
        k = resolver.index.entity_of(t)
        if t.i not in theirs and k and resolver.index.entities[k].kind in kinds and k not in span_keys and not (
                groups and _describes_something_else(t, tok, resolver)):
            span_keys.append(k)
    if not span_keys and tok.lemma_.lower() == "counterpart":  # "his Turkish counterpart", unnamed: Turkey
        span_keys = [k for c in tok.children if c.dep_ in (L.AMOD, L.COMPOUND) and (k := resolver.index.entity_of(c))
                     and resolver.index.entities[k].kind == COUNTRY][:1]
    return span_keys


def _describes_something_else(t: Token, group: Token, resolver: Resolver) -> bool:
    """'leaders of Japanese business groups': a country or body that only qualifies a noun of no state
    ('business groups'), not the group's own body ('officials of the Justice Department', 'Chinese officials')."""
    head = t.head
    return t.dep_ in (L.AMOD, L.COMPOUND, L.NMOD) and head != group and resolver.index.entity_of(head) is None \
        and head.lemma_.lower() not in _STATE_BODIES


def _names_a_pair(sent: Span) -> bool:
    """Whether the sentence speaks of 'the two presidents', 'both leaders' or, as its subject, 'the leaders'."""
    return any(_pair_phrase(t) or _the_pair_just_met(t) for t in sent)


def _pair_phrase(tok: Token) -> bool:
    """'the two leaders', 'both men'."""
    return tok.lemma_.lower() in _PAIR_NOUNS and tok.tag_ == "NNS" and any(
        c.lower_ in ("two", "both") for c in tok.children if c.dep_ in (L.NUMMOD, L.DET, L.PREDET))


def _the_pair_just_met(tok: Token) -> bool:
    """'The leaders began with a walk': a subject with nothing but its article, said of the two who just met
    ('the G7 leaders' and 'European leaders' are a wider group)."""
    return tok.dep_ in L.SUBJECTS and tok.tag_ == "NNS" and tok.lemma_.lower() in _DEFINITE_PAIR_NOUNS and [
        c.lower_ for c in tok.children] == ["the"]


def _the_two(tok: Token, resolver: Resolver) -> list[str]:
    """'Kishida and Yoon agreed …, as the two leaders held talks': 'the two leaders' (or 'both men')
    are the two people named last before it, in its sentence or else the one before; never a guess
    among three."""
    if not _pair_phrase(tok):
        return []
    doc, sent = tok.doc, tok.sent
    people = resolver.people_in(sent.start, tok.i)
    end, looked = sent.start, 0
    while not people and end > 0 and looked < _PAIR_REACH:
        # the sentences before, past ones that name nobody: "X and Y met. The session ran long. The two …"
        before = doc[end - 1].sent
        people = resolver.people_in(before.start, end)
        looked += sum(t.is_alpha for t in before) >= 3  # "4. The two leaders …": not the paragraph's number
        end = before.start
    return people if len(people) == 2 else []


#: How many sentences back 'the two leaders' may look for the two people it means.
_PAIR_REACH = 3
_PAIR_NOUNS = words("meetings", "pair_nouns")
#: Of those, the nouns that mean the pair with only an article: "The leaders began with a walk".
_DEFINITE_PAIR_NOUNS = words("meetings", "definite_pair_nouns")


def _is_planned(cue: Token, sent: Span) -> bool:
    """A meeting still to come: 'will meet', 'is due to hold talks', 'talks next week'; a verb in the past
    tense tells of one held ('later in the day, he called on X')."""
    if cue.tag_ == "VBD":
        return False
    around = {t.lower_ for t in cue.children} | {t.lower_ for t in cue.head.children} | {cue.head.lower_}
    if any(e.label_ == L.DATE and any(w in e.text.lower() for w in _FUTURE_DATES) for e in sent.ents):
        return True
    if around & _FUTURE_MARKS or any(t.lower_ in ("ahead", "upcoming") and t.i < cue.i and cue.i - t.i < 6 for t in sent):
        return True
    return any(t.tag_ == "MD" and t.lower_ in ("will", "would", "shall") for t in cue.ancestors for t in t.children)


def _date(sent: Span, published: date | None, planned: bool, cue: Token | None = None) -> str | None:
    if interval := find_interval(sent.text, published, future=planned):
        return interval
    # The date of the cue's own clause first ("received … on Monday, and on Tuesday sat down with …"),
    # and the most precise one: "June 19" beats a "(2024)" the model split off.
    clause = set()
    if cue is not None and cue.pos_ == "VERB":
        clause = {t.i for t in cue.subtree} - {t.i for c in cue.children if c.dep_ == L.CONJ for t in c.subtree}
    dates = [(ent.root.i in clause, d) for ent in sent.ents
             if (ent.label_ == L.DATE or ent.label_ == L.TIME and _names_a_day(ent))  # "on Wednesday night"
             and not _since(ent, cue) and (d := resolve_date(ent.text, published, future=planned))]
    best = max(dates, key=lambda md: (_precision(md[1]), md[0]), default=None)
    return best[1] if best else None


def _since(ent: Span, cue: Token | None = None) -> bool:
    """'their first meeting since January', 'the first talks since X and Y met in December': a date after a
    'since' that follows the cue is one the meeting is counted from, not its own."""
    if ent.root.head.lower_ in _SINCE or ent.start > 0 and ent.doc[ent.start - 1].lower_ in _SINCE:
        return True
    return cue is not None and any(t.lower_ in _SINCE for t in ent.doc[cue.i + 1:ent.start])


_SINCE = words("meetings", "since")


def _names_a_day(ent: Span) -> bool:
    """A time of day that names its day: 'Wednesday night', 'Monday morning'."""
    return any(t.lower_ in WEEKDAYS for t in ent)


def _within(day: str | None, interval: str) -> bool:
    if not day or "/" in day or "/" not in interval:
        return False
    a, b = interval.split("/")
    return a <= day <= b


def _precision(iso: str) -> int:
    """A day beats a span of days, which beats a month or a year."""
    if "/" not in iso:
        return 2
    a, b = iso.split("/")
    return 1 if (date.fromisoformat(b) - date.fromisoformat(a)).days <= 7 else 0


_EXPLICIT, _NARRATED, _LEAD, _PUBLISHED = 3, 2, 1, 0


class NarrativeDate:
    """The day a story is telling when a sentence names none: the last date of its paragraph, else the
    dateline's or the lead's, else the publication date ('Kim Jong Un extended a warm welcome …')."""

    def __init__(self, doc: Doc, published: date | None) -> None:
        self.published = published
        self.lead: str | None = None
        self.current: str | None = None
        self.text = doc.text
        self._seen = 0
        self._named: str | None = None
        self.shifted: str | None = None  # the day of this sentence's "a day earlier", "the next day"
        self.section: str | None = None
        for k, sent in enumerate(sentences(doc)):
            if k >= 2 or self.lead:
                break
            self.lead = _day(sent, published)

    def enter(self, sent: Span) -> None:
        """Move on to `sent`: the day the sentence before it named (in the same paragraph) is the story's."""
        # A blank line since the last sentence starts a new paragraph (counted once: doc.text is rebuilt
        # on every access, and a long document has thousands of sentences).
        if self.text.count("\n\n", self._seen, sent.start_char):
            self.current = None
        elif self._named:
            self.current = self._named
        self._seen = sent.start_char
        told = self._named or self.current or self.lead  # "On Tuesday … . A day earlier he was in Riyadh"
        self.shifted = shifted_day(sent.text, told)
        self._named = self.shifted or _day(sent, self.published)
        if self._named and _is_heading(sent):
            self.section = self._named  # a live blog's "Wednesday, February 27": the day of what follows

    @property
    def date(self) -> tuple[str | None, int]:
        """The story's day here, and how sure: the paragraph's or section's day, else the lead's, else publication."""
        if self.current or self.section:
            return self.current or self.section, _NARRATED
        if self.lead:
            return self.lead, _LEAD
        return (self.published.isoformat() if self.published else None), _PUBLISHED


def _day(sent: Span, published: date | None) -> str | None:
    """The first past day a sentence names ('on Monday', 'June 19'), not a span of days or a month."""
    for ent in sent.ents:
        if ent.label_ == L.DATE and (d := resolve_date(ent.text, published)) and len(d) == 10:
            return d
    return None


def _is_heading(sent: Span) -> bool:
    """A line of its own with no sentence-final stop: a heading."""
    text = sent.text.strip()
    return len(text.split()) <= 8 and not text.endswith((".", "!", "?", '"', "”"))


def _vague_in_person(a: Meeting, a_sure: int, b: Meeting, b_sure: int) -> bool:
    """Whether one of two meetings of different modes is in person only by default, with neither a date nor
    a place of its own (a headline's "Holm and Lind hold talks"), so that it is the other one, a call, retold."""
    return any(m.mode == IN_PERSON and other.mode != IN_PERSON and m.place is None and sure < _EXPLICIT
               for m, sure, other in ((a, a_sure, b), (b, b_sure, a)))


def _dedupe(meetings: list[Meeting], certainties: list[int]) -> list[Meeting]:
    """One meeting per set of participants and day: a headline's or lead's mention takes the date and place
    the body gives, while two meetings of the same people on days the text tells apart stay two, and so do a
    call and a meeting (or a phone and a video call), unless the meeting is one only by default (`_vague_in_person`)."""
    kept: list[tuple[Meeting, int]] = []
    for m, sure in zip(meetings, certainties, strict=True):
        k = frozenset(m.participants)
        for n, (first, first_sure) in enumerate(kept):
            if frozenset(first.participants) != k or first.planned != m.planned:
                continue
            if first.mode != m.mode and not _vague_in_person(first, first_sure, m, sure):
                continue  # "met in Oslo on Monday …; later that day the two spoke by phone": two
            if first.date and m.date and first.date != m.date and min(sure, first_sure) >= _NARRATED:
                continue  # "Wednesday: Trump and Kim shake hands" / "Thursday: Trump and Kim resume talks"
            date = first.date if first_sure >= sure else m.date
            # "in person" is what a meeting is when nothing says otherwise: a headline's "talks" is the body's call
            mode = m.mode if first.mode == IN_PERSON else first.mode
            kept[n] = (replace(first, date=date or first.date or m.date, place=first.place or m.place, mode=mode),
                       max(sure, first_sure))
            break
        else:
            kept.append((m, sure))
    return [m for m, _ in kept]
