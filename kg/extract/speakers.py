"""Who speaks through a speech verb: the subject, a quoted person, a relative pronoun's antecedent,
a name written right before the verb when the parse lost it, or a document remembered earlier
("the statement said" after "the White House said in a statement").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.data import words
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, Meeting
from kg.extract.mentions import PERSONAL_PRONOUNS, Resolver
from kg.nlp import labels as L

SPEAKER_KINDS = (PERSON, ORGANIZATION, COUNTRY)
#: Nouns for a document or utterance that can stand as the speaker ("the statement said").
CARRIER_NOUNS = words("speakers", "carrier_nouns")
#: Plural nouns for the parties of talks just reported, with a number: "the two leaders", "both ministers".
_JOINT_NOUNS = words("speakers", "joint_nouns")
_DEFINITE_JOINT_NOUNS = words("speakers", "definite_joint_nouns")
_SIDE_NOUNS = words("speakers", "side_nouns")
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
#: Plural nouns for countries named just before, with a number: "the three countries said".
_COUNTRY_NOUNS = words("speakers", "country_nouns")
#: How many sentences back the countries of "the three countries" may be named.
_COUNTRY_REACH = 5
_SKIPPABLE = words("speakers", "skippable")


class Speakers:
    """Speaker resolution for one document, remembering which source issued which statement."""

    def __init__(self, resolver: Resolver, meetings: Sequence[Meeting] = ()) -> None:
        self.resolver = resolver
        self.carriers: dict[str, str] = {}  # "statement" -> the entity that issued the last one
        self.meetings = sorted(meetings, key=lambda m: m.evidence.start)

    def joint(self, tok: Token) -> list[str]:
        """'The two leaders reaffirmed …', 'Both ministers expressed …': the people of the talks reported
        last before it, when they are exactly as many as the words say; 'In a joint statement, they (the
        leaders) pledged …': all of them; 'the three countries said': the three countries named last."""
        if countries := self._countries_counted(tok):
            return countries
        joint_text = any(t.lower_ == "joint" for t in tok.sent)
        plural = tok.lemma_.lower() in _JOINT_NOUNS and tok.tag_ == "NNS" or tok.lower_ == "they" and joint_text
        if not plural:
            return []
        count = next((_COUNTS[c.lower_] for c in tok.children if c.lower_ in _COUNTS), None)
        # "The leaders reaffirmed …": with only its article, a subject that means the parties just met
        definite = tok.lemma_.lower() in _DEFINITE_JOINT_NOUNS and [c.lower_ for c in tok.children] == ["the"]
        if count is None and not joint_text and not definite:
            return []
        before = [m for m in self.meetings if m.evidence.start < tok.idx]
        if not before:
            return []
        ix = self.resolver.index
        people = [p for p in before[-1].participants if ix.entities[p].kind == PERSON]
        if tok.lemma_.lower() in _SIDE_NOUNS and not people:  # "Norway and Chile held talks … The two sides said"
            people = list(before[-1].participants)
        return people if len(people) == count or count is None and len(people) >= 2 else []

    def _countries_counted(self, tok: Token) -> list[str]:
        """'the three countries said …': the three countries named last before it (in its sentence or the
        few before), when there are that many."""
        if tok.lemma_.lower() not in _COUNTRY_NOUNS or tok.tag_ != "NNS":
            return []
        count = next((_COUNTS[c.lower_] for c in tok.children if c.lower_ in _COUNTS), None)
        if count is None:
            return []
        ix = self.resolver.index
        doc = tok.doc
        start = tok.sent.start
        for _ in range(_COUNTRY_REACH):
            if start > 0:
                start = doc[start - 1].sent.start
        found: list[str] = []
        for i in range(tok.i - 1, start - 1, -1):
            key = ix.token_entity.get(i)
            if key is not None and ix.entities[key].kind == COUNTRY and key not in found:
                found.append(key)
        return found[:count] if len(found) >= count else []

    def co_speakers(self, cue: Token) -> list[str]:
        """The other members of a joint subject, who say with the first what it says: 'the two leaders said',
        'Norway and Chile said'."""
        subj = next((c for c in cue.children if c.dep_ == L.NSUBJ), None)
        if subj is None:
            return []
        if joint := self.joint(subj):
            return joint[1:]
        ix = self.resolver.index
        first = self.resolver.resolve(subj)
        others = [k for c in subj.conjuncts if (k := self.resolver.resolve(c)) and ix.entities[k].kind in SPEAKER_KINDS]
        return [k for k in dict.fromkeys(others) if k != first]

    def remember(self, speaker: str, sentence_tokens: list[Token]) -> None:
        """'The White House said in a statement': a later 'the statement' is the White House's."""
        for t in sentence_tokens:
            if t.lemma_.lower() in CARRIER_NOUNS:
                self.carriers[t.lemma_.lower()] = speaker

    def of(self, cue: Token) -> tuple[str | None, bool]:
        """The entity that speaks through `cue`, and whether a pronoun had to be resolved."""
        lemma = cue.lemma_.lower()
        # "Xinhua cited Mr Meng as saying": the one quoted speaks.
        if lemma in ("cite", "quote") and any(c.dep_ == L.PREP and c.lower_ == "as" for c in cue.children):
            obj = next((c for c in cue.children if c.dep_ == L.DOBJ), None)
            if obj is not None:
                return self.resolve(obj)
        if lemma == "say" and cue.dep_ in (L.PCOMP, L.ADVCL) and cue.head.lower_ == "as":
            obj = next((c for c in cue.head.head.children if c.dep_ in (L.DOBJ, L.NSUBJPASS)), None)
            if obj is not None:
                return self.resolve(obj)
        # The subject nearest the verb ("says Xinhua, Meng made it clear": Meng); a passive subject
        # ("who had been accused") is spoken about, not speaking.
        subj = min((c for c in cue.children if c.dep_ == L.NSUBJ), key=lambda c: abs(c.i - cue.i), default=None)
        inverted = next((c for c in cue.children if c.dep_ == L.NSUBJ and c.i > cue.i), None)
        if inverted is not None and cue.i > 0 and cue.doc[cue.i - 1].text == ",":
            subj = inverted  # "Recipients, said X, are …": X speaks, whatever else hangs on 'said'
        if subj is None and cue.dep_ in (L.ADVCL, L.CONJ, L.XCOMP, L.CCOMP) and cue.tag_ in ("VBG", "VBD", "VBZ", "VB"):
            head = cue.head
            # "Yang noted that China was a victim, and said …": the conjunct hangs off the complement.
            if cue.dep_ == L.CONJ and head.dep_ == L.CCOMP and head.head.pos_ == "VERB":
                head = head.head
            subjects = [c for c in head.children if c.dep_ == L.NSUBJ]
            subj = subjects[0] if subjects else None
            if subj is not None and self.resolve(subj)[0] is None:
                # "Facebook co-founder X tweeted … and said", read with three subjects: the one that names someone
                subj = next((c for c in reversed(subjects) if self.resolve(c)[0] is not None), subj)
        if subj is not None and (members := self.joint(subj)):
            return members[0], True
        if subj is not None:
            key, pron = self.resolve(subj)
            if key is not None:
                return key, pron
        return self._adjacent(cue), False

    def resolve(self, tok: Token) -> tuple[str | None, bool]:
        ix = self.resolver.index
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == L.RELCL:
            return self.resolve(tok.head.head)
        key = self.resolver.resolve(tok)
        if key is None and tok.lemma_.lower() in CARRIER_NOUNS and not ix.entities_in(
                tok.doc[tok.left_edge.i: tok.right_edge.i + 1]):
            key = self.carriers.get(tok.lemma_.lower())
        if key and ix.entities[key].kind not in SPEAKER_KINDS:
            return None, False
        return key, tok.lower_ in PERSONAL_PRONOUNS

    def _adjacent(self, cue: Token) -> str | None:
        """'… - Mr Yang said he hoped …' parsed without a subject: the name just before the verb."""
        i = cue.i - 1
        while i >= cue.sent.start and cue.doc[i].lower_ in _SKIPPABLE:
            i -= 1
        if i < cue.sent.start:
            return None
        key = self.resolver.index.entity_of(cue.doc[i])
        if key and self.resolver.index.entities[key].kind == PERSON:
            return key
        return None
