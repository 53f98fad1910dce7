"""Resolving a noun phrase or pronoun to an entity: the shared coreference step of the extractors.

Pronouns go to the last person named before them; "the Chinese president" to the one person the
document gives that role (and country); a common-noun phrase to the entity that heads it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from kg.data import word_map, words
from kg.extract.entities import EntityIndex
from kg.extract.facts import COUNTRY, GROUP, ORGANIZATION, PERSON, PLACE, Role
from kg.nlp import labels as L
from kg.nlp.components import HONORIFICS, TITLES_KEY
from kg.nlp.gazetteer import lookup_country, titles
from kg.nlp.labels import SUBJECTS

PERSONAL_PRONOUNS = words("mentions", "personal_pronouns")
_FEMININE = {"she", "her"}
#: Words right before a name that say whether the text speaks of a woman or a man.
_WOMAN_BEFORE = words("mentions", "woman_before")
_MAN_BEFORE = words("mentions", "man_before")
_CARRIERS = words("mentions", "carriers")
_GROUP_NOUNS = words("mentions", "group_nouns")
#: Titles whose holder speaks for the one whose title it is: "X's spokesman said".
_SPEAKING_FOR = words("mentions", "speaking_for")


class Resolver:
    """Resolves tokens to entity keys using the document's entities and roles."""

    def __init__(self, index: EntityIndex, roles: list[Role]) -> None:
        self.index = index
        self.roles = roles
        self._titles = {t.root.i: t for t in index.doc.spans.get(TITLES_KEY, [])}
        self._positions = sorted(index.token_entity)  # every token that names an entity, in text order
        self._person_tokens = sorted(i for i, k in index.token_entity.items() if index.entities[k].kind == PERSON)
        self._women, self._men = self._genders()
        self._described = self._descriptions()
        #: (token, person) of every name and resolved description, in text order
        self._mentions = sorted([(j, index.token_entity[j]) for j in self._person_tokens] + list(self._described.items()))

    def _descriptions(self) -> dict[int, str]:
        """'The Prime Minister said …' where the document names one Prime Minister: a mention of that person,
        so a 'he' after it goes to them and not to someone named earlier."""
        out: dict[int, str] = {}
        doc = self.index.doc
        for i, t in self._titles.items():
            if t.end < len(doc) and self.index.entity_of(doc[t.end]) is not None:
                continue  # a title before a name is part of that mention
            tok = doc[i]
            # "The Prime Minister said", and readout style "Prime Minister reiterated", "EAM called on" (no article)
            bare = (tok.is_title or tok.is_upper) and not any(c.dep_ in (L.DET, L.POSS) for c in tok.children)
            if tok.dep_ in SUBJECTS and (any(c.lower_ == "the" for c in tok.children) or bare) and (
                    key := self._by_description(tok)) and any(
                    j < i and k == key for j, k in self.index.token_entity.items()):
                out[i] = key  # a subject, and someone named before it: not 'the ambassador's residence
        return out

    def people_in(self, start: int, end: int) -> list[str]:
        """The people named or described ('Prime Minister and President X visited …') in tokens start..end."""
        out: list[str] = []
        for k in range(bisect_left(self._mentions, (start, "")), len(self._mentions)):
            i, key = self._mentions[k]
            if i >= end:
                break
            if key not in out:
                out.append(key)
        return out

    def last_person_before(self, i: int, pronoun: str = "") -> str | None:
        """The person named last before token i; for 'she'/'he', not one the text calls a man/woman.

        A subject pronoun continues the subject before it ('Albanese was received by Xi and sat down
        with Li. He also met Zhao': Albanese): the person subject of its own sentence before it, else of
        the sentence before, if that person may be called so."""
        other = self._men if pronoun in _FEMININE else self._women if pronoun else set()
        tok = self.index.doc[i]
        if pronoun and tok.dep_ in (L.DOBJ, L.DATIVE, L.POBJ):
            other = other | self._clause_subjects(tok)  # "X receives him": him is not X
        if tok.dep_ in SUBJECTS and (topic := self._subject_before(tok, other)) is not None:
            return topic
        if tok.dep_ == L.POSS and (owner := self._clause_subject_of(tok, other)) is not None:
            return owner
        for k in range(bisect_left(self._mentions, (i, "")) - 1, -1, -1):
            j, key = self._mentions[k]
            if key not in other and not self._modifier(j):
                return key
        return None

    def _clause_subject_of(self, tok: Token, other: set[str]) -> str | None:
        """'The Prime Minister updated X on his meeting with Y': a possessive pronoun in a clause is its
        subject's, where the subject is a person it may be (a name, a description, a pronoun)."""
        verb = tok.head
        while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ == L.PREP) and verb.head != verb:
            verb = verb.head  # past a participle used as a preposition: "Following his talks …, X flew"
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        # "Following his talks with Y, X flew to Z": a fronted phrase's 'his' is the subject after it
        fronted = subject is not None and any(c.dep_ in (L.PREP, L.ADVCL) and c.i < subject.i and tok in c.subtree
                                              for c in verb.children)
        if subject is None or subject.i > tok.i and not fronted:
            return None
        key = self.index.entity_of(subject) or self._described.get(subject.i)
        if key is None and subject.lower_ in PERSONAL_PRONOUNS and (subject.lower_ in _FEMININE) == (
                tok.lower_ in _FEMININE):
            key = self.last_person_before(subject.i, subject.lower_)
        return key if key is not None and self.index.entities[key].kind == PERSON and key not in other else None

    def _modifier(self, j: int) -> bool:
        """'the Cruise video', 'the Obama administration': a name modifying a noun is no antecedent."""
        tok = self.index.doc[j]
        root = tok
        while root.dep_ == L.COMPOUND and self.index.token_entity.get(root.head.i) == self.index.token_entity.get(j):
            root = root.head
        head = root.head
        return root.dep_ in (L.COMPOUND, L.AMOD) and head.i not in self.index.token_entity and any(
            c.dep_ in (L.DET, L.POSS) for c in head.children)  # "the Cruise video", not a misparsed "X lands"

    def _clause_subjects(self, tok: Token) -> set[str]:
        """The people who are the subject of the clause an object pronoun sits in."""
        verb = tok.head.head if tok.dep_ == L.POBJ else tok.head
        out = set()
        for c in verb.children:
            if c.dep_ in SUBJECTS:
                key = self.index.entity_of(c) or next(
                    (k for a in c.children if a.dep_ == L.APPOS and (k := self.index.entity_of(a))), None)
                if key is not None:
                    out.add(key)
        return out

    def _subject_before(self, tok: Token, other: set[str]) -> str | None:
        doc = self.index.doc
        sent = tok.sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        # 'X dubbed the conflict: "…". He characterized …': past a sentence that is only a quotation
        earlier = doc[previous.start - 1].sent if previous is not None and previous.start > 0 and not any(
            t.dep_ in SUBJECTS for t in previous) else None
        for span, end in ((sent, tok.i), (previous, None), (earlier, None)):
            if span is None:
                continue
            for t in span:
                if end is not None and t.i >= end:
                    break
                key = self.index.entity_of(t) or self._described.get(t.i) or next(  # "Ukraine's president, X": X
                    (k for c in t.children if c.dep_ == L.APPOS and (k := self.index.entity_of(c))), None)
                if t.dep_ in SUBJECTS and key is not None and self.index.entities[key].kind == PERSON \
                        and key not in other:
                    return key
                if t.dep_ in SUBJECTS and t.lower_ in PERSONAL_PRONOUNS and (
                        t.lower_ in _FEMININE) == (tok.lower_ in _FEMININE):
                    return self.last_person_before(t.i, t.lower_)  # "He said … . '…,' he said": the same one
        return None

    def _genders(self) -> tuple[set[str], set[str]]:
        """People the text marks as women or men ('Ms Hua', 'spokeswoman Hua Chunying', 'Mr Wang')."""
        women: set[str] = set()
        men: set[str] = set()
        doc = self.index.doc
        for i in self._person_tokens:
            key = self.index.token_entity[i]
            if i > 0 and self.index.token_entity.get(i - 1) != key:
                word = doc[i - 1].lower_
                if word in _WOMAN_BEFORE:
                    women.add(key)
                elif word in _MAN_BEFORE:
                    men.add(key)
        return women - men, men - women

    def resolve(self, tok: Token, *, allow_groups: bool = False) -> str | None:
        """The entity a noun-phrase head (or pronoun) refers to, or None."""
        ix = self.index
        if tok.lower_ in PERSONAL_PRONOUNS:
            return self.last_person_before(tok.i, tok.lower_)
        if (key := ix.entity_of(tok)) is not None:
            return key
        for c in tok.children:  # "Ukraine's foreign minister, Dmytro Kuleba, said": the one named beside it
            if c.dep_ == L.APPOS and (key := ix.entity_of(c)) is not None and ix.entities[key].kind == PERSON:
                return key
        lemma = tok.lemma_.lower()
        subtree = tok.doc[tok.left_edge.i: tok.right_edge.i + 1]
        # A plural like "the two Chinese officials" points back at people named before, not at a body.
        if (lemma in titles() or tok.lower_ in titles() or tok.i in self._titles) and (
                (key := self._by_description(tok) if tok.tag_ != "NNS" else None) is not None or tok.tag_ != "NNS"
                or any(c.dep_ == L.NUMMOD or c.lower_ in ("the", "these", "those") for c in tok.children)):
            if key is None and any(c.lower_ in ("a", "an") for c in tok.children):
                # "A State Department spokesperson said", "an Israeli official said": the body they speak for
                found = ix.entities_in(subtree, (ORGANIZATION, COUNTRY))
                return found[0] if found else None
            if key is None and lemma in _SPEAKING_FOR and (owner := next(
                    (k for c in tok.children if c.dep_ == L.POSS and (k := ix.entity_of(c))), None)):
                return owner  # "X's spokesman said": X speaks
            return key
        if lemma in _CARRIERS or tok.lower_ in _CARRIERS:  # "South Korea's military said", "Chinese officials said"
            found = ix.entities_in(subtree, (PERSON, ORGANIZATION, COUNTRY))
            # "officials in Washington said"; "The ministry said" after "the Chinese Foreign Ministry"
            return found[0] if found else self._capital_in(subtree) or self._body_named_before(tok)
        if allow_groups and lemma in _GROUP_NOUNS:
            mods = [t for t in tok.lefts if lookup_country(t.text)]
            if mods:
                country = lookup_country(mods[0].text)
                assert country is not None
                name = f"{mods[0].text} {tok.text}"
                return ix.add(GROUP, name, part_of=f"country:{country.country.name.lower()}")
        return None

    def _body_named_before(self, tok: Token) -> str | None:
        """'The ministry said …': the body named last before it whose name has that word ('Foreign Ministry'),
        when 'the' is all that qualifies it."""
        if [c.lower_ for c in tok.children] != ["the"] or tok.tag_ != "NN":
            return None
        ix = self.index
        for i in range(tok.i - 1, -1, -1):
            key = ix.token_entity.get(i)
            if key and ix.entities[key].kind == ORGANIZATION and tok.lower_ in ix.entities[key].name.lower().split():
                return key
        return None

    def _named_after(self, title: Span) -> str | None:
        """The person whose name follows a title (past honorifics, or past 'and' and a second title where the
        first is a deputy's or a country's: not 'Prime Minister and President X', two people)."""
        doc, k = self.index.doc, title.end
        titles_at = {t.start: t for t in self._titles.values()} if title[0].lower_ in _RANKS or title.start > 0 and \
            lookup_country(doc[title.start - 1].text) is not None else {}
        while k < len(doc) and (doc[k].lower_ in HONORIFICS or doc[k].lower_ in ("and", "&") and k + 1 in titles_at):
            k = titles_at[k + 1].end if doc[k].lower_ in ("and", "&") else k + 1
        key = self.index.entity_of(doc[k]) if k < len(doc) else None
        return key if key and self.index.entities[key].kind == PERSON else None

    def _capital_in(self, span: Span) -> str | None:
        """The country whose capital a phrase names ('officials in Washington'): its government speaks."""
        for key in self.index.entities_in(span, (PLACE,)):
            found = lookup_country(self.index.entities[key].name)
            if found is not None and found.form == "capital":
                return self.index.add_country(found.country.name)
        return None

    def _by_description(self, tok: Token) -> str | None:
        """'the Chinese president', 'the Prime Minister' -> the person this document names President of
        China, Prime Minister."""
        title = self._titles.get(tok.i)
        role = title.label_ if title is not None else titles().get(tok.lemma_.lower()) or titles().get(tok.lower_)
        # "the top Russian diplomat": a description that names no post stands for the posts it may mean
        roles = set(_DESCRIBED_POSTS[tok.lemma_.lower()].split(";")) if tok.lemma_.lower() in _DESCRIBED_POSTS and \
            any(c.dep_ == L.DET and c.lower_ == "the" for c in tok.children) else {role}
        mods = [t for t in tok.lefts if lookup_country(t.text)]
        country = lookup_country(mods[0].text) if mods else None
        # "Prime Minister" is not the First Deputy Prime Minister: the rank words must agree.
        rank = _rank(title.text if title is not None else tok.text)
        people = {r.person for r in self.roles if r.role_norm in roles and _rank(r.role) == rank and (
            country is None or self.index.name(r.organization) == country.country.name)}
        # "Co-founder of Google, Sergey Brin, met …": a name inside the description's phrase is its holder.
        right = max([tok.i] + [c.right_edge.i for c in tok.rights if c.dep_ not in (L.CONJ, L.CC)])
        inside = self.index.entities_in(tok.doc[tok.i: right + 1], (PERSON,))  # not "… and President X"
        if len(inside) == 1:
            return inside[0]
        if title is not None and (holder := self._named_after(title)) is not None:
            return holder  # "Deputy Prime Minister and Minister of Foreign Affairs X", parsed apart from X
        # "The Prime Minister spoke to Dutch Prime Minister X": a description and a name in one sentence
        # are two people.
        people -= set(self.index.entities_in(tok.sent, (PERSON,)))
        if len(people) > 1 and tok.text.isupper() and len(tok.text) > 1:  # "EAM": the External Affairs Minister
            people = {r.person for r in self.roles if r.person in people and _initials(r.role) == tok.lower_} or people
        if len(people) <= 1:
            return people.pop() if people else None
        # "The President said …" with two presidents in the article: the one named most recently.
        named = self._positions
        for k in range(bisect_left(named, tok.i) - 1, -1, -1):
            if self.index.token_entity[named[k]] in people:
                return self.index.token_entity[named[k]]
        return None


_RANKS = words("mentions", "ranks")
#: Nouns of a definite description that names no post, and the posts (';') it may stand for.
_DESCRIBED_POSTS = word_map("mentions", "described_posts")


def _initials(title: str) -> str:
    """'External Affairs Minister' -> 'eam': the abbreviation a title is written as."""
    return "".join(w[0] for w in title.lower().replace("-", " ").split())


def _rank(title: str) -> frozenset[str]:
    """The words that make a title a lesser or other office than its normalized role: 'Deputy', 'Vice'."""
    return frozenset(w for w in title.lower().replace("-", " ").split() if w in _RANKS)
