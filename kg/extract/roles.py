"""Person–role–organization facts from titles around person names.

Patterns (all on the parse and the title spans the gazetteer marked):
  pre-modifier   "US Secretary of State John Kerry", "FBI director James Comey",
                 "Secretary of the Department of Homeland Security Jeh Johnson"
  possessive     "Xi Jinping's special envoy Meng Jianzhu" (a role relative to a person)
  apposition     "Wu Xinbo, director of the Center for American Studies at Fudan University"
  relative       "Meng, who is the country's domestic security chief"
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.data import word_map, words
from kg.extract.descriptions import described_holders, described_subjects
from kg.extract.entities import EntityIndex, entity_key
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, Meeting, Role
from kg.extract.hosts import NATIONAL_POSTS
from kg.extract.sides import person_countries
from kg.extract.visits import country_of_place
from kg.nlp import labels as L
from kg.nlp.components import HONORIFICS, PORTFOLIO_HEADS, TITLES_KEY
from kg.nlp.find import tokens_with_lemma, tokens_with_lower
from kg.nlp.gazetteer import lookup_country, lookup_organization, portfolio_words, titles

_ORG_KINDS = (ORGANIZATION, COUNTRY)
_FORMER = words("roles", "former")
_QUALIFIERS = words("roles", "qualifiers")


def extract_roles(doc: Doc, index: EntityIndex) -> list[Role]:
    every = list(doc.spans.get(TITLES_KEY, []))
    # A plural title ("their foreign ministers, X and Y") names holders only beside it.
    titles = [t for t in every if not _plural_title(t)]
    persons = [e for e in doc.ents if e.label_ == L.PERSON and index.entity_of(e[0])]
    roles: list[Role] = []
    for p in persons:
        pkey = index.entity_of(p[0])
        assert pkey is not None
        roles += _pre_modifier(doc, p, pkey, titles, index)
        roles += _apposition(doc, p, pkey, titles, index)
    roles += _predicates(doc, titles, index) + _named_beside(doc, every, index) + _heading_verbs(doc, index)
    roles += _including(doc, index)
    roles += _counterparts(doc, roles, index)
    roles = _dedupe(_fill_from_descriptions(doc, roles, titles, index), index)
    roles = _dedupe(roles + described_holders(doc, roles, titles, index), index)
    roles = _dedupe(roles + described_subjects(doc, roles, titles, index), index)
    return _fill_from_person_countries(doc, roles, index)


def _plural_title(t: Span) -> bool:
    return t.text.lower() not in titles() and t.root.tag_ in ("NNS", "NNPS")


#: Titles whose holder's country says nothing of the body they serve: a professor, a company's chief.
_NOT_NATIONAL = words("roles", "not_national")  # a rank is no post of a country
#: Capitalised words before a title that qualify it rather than name its body: "Opposition leader".
_NOT_BODIES = words("roles", "not_bodies")
#: Styles of address before a title: 'His Royal Highness Prince X'.
_STYLES = words("roles", "styles")


def _fill_from_person_countries(doc: Doc, roles: list[Role], index: EntityIndex) -> list[Role]:
    """'Foreign Minister Sergei Lavrov' on 'the Russian side': a title written without its country takes
    the country the document ties its holder to (a side, a delegation, 'Turkey's X', another role)."""
    countries = person_countries(doc, index, roles)
    out = []
    for r in roles:
        if not r.organization and not r.relative_to and r.role_norm not in _NOT_NATIONAL and r.person in countries:
            r = replace(r, organization=countries[r.person], confidence=0.6)
        out.append(r)
    return out


#: Government posts a document's own country fills when no country is written ("Prime Minister X" in a
#: story about one country); a president or king is rarely left without one, and "president" may be a region's.
_HOME_POSTS = NATIONAL_POSTS - {"President", "King"}
#: A document's home country: named at least this often, and this many times as often as any other.
_HOME_MENTIONS, _HOME_DOMINANCE = 3, 2


def fill_from_title_country(roles: list[Role], index: EntityIndex) -> list[Role]:
    """'Secretary of State X' with no country anywhere: a title only one country's government uses is that
    country's post (`title_countries` in kg/data/words/roles.toml)."""
    out = []
    for r in roles:
        country = _TITLE_COUNTRIES.get(r.role.lower().removeprefix("the ").strip())
        if country and not r.organization and not r.relative_to and (key := index.add_country(country)) is not None:
            r = replace(r, organization=key, confidence=0.5)
        out.append(r)
    return _dedupe(out, index)


#: Titles only one country's government uses, and that country.
_TITLE_COUNTRIES = word_map("roles", "title_countries")


def fill_from_home_country(roles: list[Role], index: EntityIndex, dateline: str | None = None,
                           meetings: list[Meeting] | tuple[Meeting, ...] = ()) -> list[Role]:
    """'Prime Minister X' in a story that is about one country: a government post of that country (read
    after the hosts of visits have taken the country they received a visitor in); a president too where
    the story was filed in that country ('MOSCOW - … President X')."""
    counts = Counter(m.entity for m in index.mentions if index.entities[m.entity].kind == COUNTRY)
    ranked = counts.most_common(2)
    filed = lookup_country(dateline) if dateline else None
    if filed is not None:
        # "WASHINGTON - President X signed …": a story filed in a country, naming no other country as often,
        # is about that country's government; "WASHINGTON - … China …" does not say whose posts
        own = counts.get(entity_key(COUNTRY, filed.country.name), 0)
        if any(n >= own for k, n in counts.items() if k != entity_key(COUNTRY, filed.country.name)):
            return roles
        if not any(not r.organization and not r.relative_to and r.role_norm in NATIONAL_POSTS for r in roles) or (
                home_key := index.add_country(filed.country.name)) is None:
            return roles
        home = home_key
    elif not ranked or ranked[0][1] < _HOME_MENTIONS or len(ranked) > 1 and ranked[0][1] < _HOME_DOMINANCE * ranked[1][1]:
        return roles
    else:
        home = ranked[0][0]
    posts = NATIONAL_POSTS if filed is not None else _HOME_POSTS
    # "… travels to Greece, where he will meet Prime Minister X": X, met abroad (not the one who went), holds
    # no post of the home's
    abroad = {p for m in meetings if m.place and (c := country_of_place(m.place, index)) and c != index.name(home)
              for p in m.participants[1:]} - {m.participants[0] for m in meetings}
    return _dedupe([replace(r, organization=home, confidence=0.45)
                    if not r.organization and not r.relative_to and r.role_norm in posts and r.person not in abroad
                    else r for r in roles], index)


def _fill_from_descriptions(doc: Doc, roles: list[Role], titles: list[Span], index: EntityIndex) -> list[Role]:
    """'Obama's national security adviser said …' then 'national security adviser Susan Rice': a role
    written without its organization takes it from the one unnamed description of that role."""
    described: dict[tuple[str, frozenset[str]], set[tuple[str | None, str | None]]] = {}
    written: dict[tuple[str, frozenset[str]], set[str]] = {}
    for t in titles:
        if t.root.tag_ == "NNS":
            continue  # "EU foreign ministers" describe a group, not the one holder named later
        if t.end < len(doc) and index.entity_of(doc[t.end]) and index.entities[index.entity_of(doc[t.end])].kind == PERSON:
            continue  # a title before a name is not a description
        if t.end + 1 < len(doc) and doc[t.end].text == "," and _starts_person(doc, t.end + 1, index):
            continue  # "South Korea's president, Yoon Suk Yeol": named beside it, not a description
        if _joined_titles(doc, t, titles, index):
            continue  # "Deputy Prime Minister and Foreign Minister X": one holder's two titles
        probe = Span(doc, _qualified_start(doc, t, index), t.end, label=t.label_)
        org, relative = _modifiers(doc, probe, index)
        if org or relative:
            key = (t.label_, _own_words(probe.text, t.label_))
            described.setdefault(key, set()).add((org, relative))
            written.setdefault(key, set()).add(t.text.lower())
    holders: dict[tuple[str, frozenset[str]], set[str]] = {}
    for r in roles:
        if not r.organization and not r.relative_to:
            holders.setdefault((r.role_norm, _own_words(r.role, r.role_norm)), set()).add(r.person)
    out = []
    for r in roles:
        # "Environment Minister" does not take the organization of a "Foreign Affairs minister".
        key = (r.role_norm, _own_words(r.role, r.role_norm))
        found = described.get(key, set())
        # "the Australian prime minister" is not "Premier Li", named too: among holders, the one so written
        fits = len(holders.get(key, ())) == 1 or r.role.lower() in written.get(key, ())
        if fits and not r.organization and not r.relative_to and len(found) == 1:
            org, relative = next(iter(found))
            r = replace(r, organization=org, relative_to=relative, confidence=0.6)
        out.append(r)
    return out


def _own_words(role: str, role_norm: str) -> frozenset[str]:
    """The words of a role that no variant of its normalized role has: 'environment' in 'Environment Minister';
    a rank ('deputy', 'vice') always counts: a deputy's description does not describe the principal."""
    common = _variant_words(role_norm) - _RANKS
    return frozenset(w for w in role.lower().split() if w not in common)


#: Words of rank inside a title that the normalized role drops ('Deputy Prime Minister' -> Prime Minister).
_RANKS = words("mentions", "ranks")
#: Normalized titles of those posted to another country or body: 'Ambassador to Laos'.
_ENVOYS = words("roles", "envoys")


@cache
def _variant_words(role_norm: str) -> frozenset[str]:
    return frozenset(w for v, n in titles().items() if n == role_norm for w in v.split())


def _modifiers(doc: Doc, title: Span, index: EntityIndex) -> tuple[str | None, str | None]:
    """The organization and possessor person written before a title ('Chinese President Xi's special envoy')."""
    org: str | None = None
    relative: str | None = None
    k = title.start
    while k > title.sent.start:
        tok = doc[k - 1]
        key = index.entity_of(tok)
        if tok.text in ("'s", "’s") and k >= 2 and (owner := index.entity_of(doc[k - 2])):
            if index.entities[owner].kind == PERSON:
                relative = owner
            else:
                org = org or owner
            break
        if key and index.entities[key].kind in _ORG_KINDS:
            org = org or key
            k -= 1
        elif tok.lower_ in ("the", "a", "an") or tok.pos_ == "ADJ":
            k -= 1
        else:
            break
    return org, relative


def _title_ending_at(titles: list[Span], i: int) -> Span | None:
    return next((t for t in titles if t.end == i), None)


def _pre_modifier(doc: Doc, p: Span, pkey: str, titles: list[Span], index: EntityIndex) -> list[Role]:
    """TITLE [and TITLE] [of the ORG] PERSON, with country/org/possessor modifiers before the titles."""
    i = p.start
    org_after: str | None = None
    # "Secretary of the Department of Homeland Security Jeh Johnson": an org between title and name.
    j = i
    posted_to: int | None = None
    while j > p.sent.start and doc[j - 1].ent_type_ in (L.ORG, L.GPE) and index.entity_of(doc[j - 1]):
        j -= 1
    if j < i:
        k = j
        while k > p.sent.start and doc[k - 1].lower_ in ("the", "of", "for"):
            k -= 1
        if k < j and doc[k].lower_ in ("of", "for") or (k < j and doc[k - 1:k] and _title_ending_at(titles, k)):
            org_after = index.entity_of(doc[j])
            i = k
        elif doc[k - 1].lower_ == "to" and (envoy := _title_ending_at(titles, k - 1)) and envoy.label_ in _ENVOYS:
            i, posted_to = k - 1, i  # "Vietnamese Ambassador to Laos X": the role says where; its country is before
    while i > p.sent.start and doc[i - 1].lower_ in HONORIFICS:
        i -= 1  # "Prime Minister Shri Narendra Modi", "President H.E. Mr. X"
    title = _title_ending_at(titles, i)
    if title is None:
        return []
    while (office := _title_ending_at(titles, title.start)) is not None:
        title = office  # "Foreign Minister Prince Faisal", "Army Chief General X": the office, not the rank
    start = _qualified_start(doc, title, index)
    org: str | None = org_after
    relative: str | None = None
    former = False
    title_end = posted_to or title.end  # where the role's words end: after its body when a country owns both
    # Walk left over modifiers: countries, organizations, a possessor, other title words.
    k = start
    also: list[Span] = []  # "Deputy Prime Minister and Minister of Foreign Affairs X": the titles before
    while k > p.sent.start:
        tok = doc[k - 1]
        key = index.entity_of(tok)
        if tok.lower_ in _FORMER:
            former = True
            k -= 1
        elif tok.lower_ in ("and", "&") and not also and (before := _title_ending_at(titles, k - 1)) is not None \
                and org is None and relative is None:
            also.append(before)
            k = _qualified_start(doc, before, index)
        elif tok.text == ")" and (opening := next((j for j in range(k - 2, max(k - 5, p.sent.start) - 1, -1)
                                                  if doc[j].text == "("), None)) is not None:
            k = opening  # "People's Republic of China (PRC) Director …": past the acronym
        elif key and index.entities[key].kind in _ORG_KINDS:
            if org_after and org == org_after and index.entities[key].kind == COUNTRY and \
                    index.entities[org_after].kind == ORGANIZATION:
                org, title_end = key, p.start  # "PRC Director of the Office of the Commission X": the country's
            org = org or key
            k -= 1
        elif tok.text in ("'s", "’s") and k >= 2 and index.entity_of(doc[k - 2]):
            owner = index.entity_of(doc[k - 2])
            if owner and index.entities[owner].kind == PERSON:
                relative = relative or owner
            elif owner:
                org = org or owner
            k -= 2
            while k > p.sent.start and index.entity_of(doc[k - 1]) == owner:
                k -= 1
        elif tok.ent_type_ == L.NORP and index.entity_of(tok):
            org = org or index.entity_of(tok)
            k -= 1
        elif org is None and relative is None and _body_word(tok) and title[-1].lower_ not in PORTFOLIO_HEADS:
            first = k - 1
            while first > p.sent.start and _body_word(doc[first - 1]) and k - first < 4:
                first -= 1
            org = _named_body(doc[first:k].text, index)  # "Acme co-founder X", "House Speaker X", "WHO chief X"
            k = first
        else:
            break
    if org is None and relative is None:
        # "Prime Minister and President X": a bare title may name someone told before; a deputy's rarely
        also = [b for b in also if b[0].lower_ in _RANKS]
        org = _of_after_name(doc, p, index)  # "King Abdullah II of Jordan"
    conf = 0.85 if org or relative else 0.55
    sent = p.sent
    return [Role(person=pkey, role=doc[s:e].text, role_norm=t.label_, organization=org, relative_to=relative,
                 former=former, evidence=evidence_of(sent, index.document_id), confidence=conf)
            for t, s, e in [(title, start, title_end)] + [(b, _qualified_start(doc, b, index), b.end) for b in also]]


def _including(doc: Doc, index: EntityIndex) -> list[Role]:
    """'former members of the Church, including musician A and actor B', 'officials of the ministry, such as
    A': each person listed holds the plural's post in its body."""
    out = []
    for tok in tokens_with_lower(doc, ("including", "as")):
        if not (tok.lower_ == "including" or tok.lower_ == "as" and any(c.lower_ == "such" for c in tok.children)):
            continue
        group = tok.head
        role = titles().get(group.lemma_.lower())
        if tok.dep_ != L.PREP or group.tag_ != "NNS" or role is None:
            continue
        body = next((k for p in group.children if p.dep_ == L.PREP and p.lower_ == "of" for o in p.children
                     if o.dep_ == L.POBJ and (k := index.entity_of(o)) and index.entities[k].kind in _ORG_KINDS), None)
        body = body or next((k for c in group.lefts if (k := index.entity_of(c))
                             and index.entities[k].kind in _ORG_KINDS), None)
        if body is None:
            continue
        former = any(c.lower_ in _FORMER for c in group.lefts)
        written = ("former " if former else "") + group.lemma_.lower()
        for head in (c for c in tok.children if c.dep_ == L.POBJ):
            for person in (head, *head.conjuncts):
                key = index.entity_of(person)
                if key and index.entities[key].kind == PERSON:
                    out.append(Role(person=key, role=written, role_norm=role, organization=body, former=former,
                                    evidence=evidence_of(tok.sent, index.document_id), confidence=0.7))
    return out


def _counterparts(doc: Doc, roles: list[Role], index: EntityIndex) -> list[Role]:
    """'Foreign Minister X and his Greek counterpart Y': Y holds X's post, in the country written beside it."""
    out = []
    for tok in tokens_with_lemma(doc, ("counterpart",)):
        named = [a for a in tok.children if a.dep_ == L.APPOS] + ([doc[tok.i + 1]] if tok.i + 1 < len(doc) else [])
        person = next((k for a in named if (k := index.entity_of(a)) and index.entities[k].kind == PERSON), None)
        country = next((k for c in tok.children if c.dep_ in (L.AMOD, L.COMPOUND, L.NMOD)
                        and (k := index.entity_of(c)) and index.entities[k].kind == COUNTRY), None)
        if person is None or country is None:
            continue
        before = [k for t in doc[tok.sent.start:tok.i] if (k := index.entity_of(t)) and index.entities[k].kind == PERSON]
        posts = [r for r in roles if before and r.person == before[-1] and not r.former and r.role_norm in _COUNTERPART_POSTS]
        if len(posts) == 1 and posts[0].organization != country:
            out.append(Role(person=person, role=posts[0].role_norm, role_norm=posts[0].role_norm, organization=country,
                            evidence=evidence_of(tok.sent, index.document_id), confidence=0.7))
    return out


#: Posts a 'counterpart' holds too: a government's national posts, and an envoy's or a commander's.
_COUNTERPART_POSTS = NATIONAL_POSTS | words("roles", "counterpart_posts")


def _named_body(name: str, index: EntityIndex) -> str:
    """The key of a body named before a title: the gazetteer's ('UN' is the United Nations), else as written."""
    if (found := lookup_organization(name)) is not None:
        return index.add(ORGANIZATION, found.name, qid=found.qid)
    return index.add_country(name) or index.add(ORGANIZATION, name)


def _joined_titles(doc: Doc, t: Span, titles: list[Span], index: EntityIndex) -> bool:
    """A title joined by 'and' to a next title that a person's name follows."""
    k = t.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("and", "&"):
        return False
    nxt = next((o for o in titles if o.start == k + 1 or o.start > k + 1 and o.start - k <= 3
                and all(doc[j].dep_ == L.COMPOUND or doc[j].lower_ in portfolio_words() for j in range(k + 1, o.start))),
               None)
    return nxt is not None and _starts_person(doc, _past_honorifics(doc, nxt.end), index)


def _body_word(tok: Token) -> bool:
    """A capitalised name word no model tagged, written before a title: the body the title is held in."""
    return (tok.pos_ == "PROPN" and tok.dep_ == L.COMPOUND and (tok.is_title or tok.is_upper) and len(tok) > 1
            and not tok.ent_type_ and tok.lower_ not in _QUALIFIERS and tok.lower_ not in _FORMER
            and tok.lower_ not in _NOT_BODIES and tok.lower_ not in _STYLES and tok.lower_ not in titles())


def _of_after_name(doc: Doc, p: Span, index: EntityIndex) -> str | None:
    """The organization or country in 'of (the) ORG' right after a titled name, or after a comma ('Senior
    researcher X, of the University of Y, said')."""
    k = p.end
    if k + 1 < p.sent.end and doc[k].text == "," and doc[k + 1].lower_ == "of":
        k += 1
    if k >= p.sent.end or doc[k].lower_ != "of":
        return None
    k += 1
    if k < p.sent.end and doc[k].lower_ == "the":
        k += 1
    key = index.entity_of(doc[k]) if k < p.sent.end else None
    return key if key and index.entities[key].kind in _ORG_KINDS else None


def _qualified_start(doc: Doc, title: Span, index: EntityIndex) -> int:
    """Where the role's own words begin: 'Acting', 'Shadow', 'Emeritus' and a portfolio written before the
    title ('Environment Minister', 'Shadow Home Secretary') are part of it, not its organization."""
    k = title.start
    while k > title.sent.start and title.start - k < 3:
        tok = doc[k - 1]
        # A ministry's portfolio ("Fisheries Minister"); before other titles a name is their body ("Acme co-founder").
        portfolio = (tok.dep_ == L.COMPOUND and tok.pos_ in ("PROPN", "NOUN") and (tok.is_title or tok.is_lower)
                     and not tok.ent_type_ and index.entity_of(tok) is None
                     and (title[-1].lower_ in PORTFOLIO_HEADS or not _body_word(tok))
                     or tok.lower_ in portfolio_words() and tok.ent_type_ in ("", L.ORG))  # "External Affairs"
        # "foreign" in "EU foreign policy chief" qualifies the portfolio, not the person.
        of_portfolio = tok.pos_ == "ADJ" and tok.dep_ == L.AMOD and k <= tok.head.i < title.start and not tok.ent_type_
        # "interior and overseas minister": two portfolios of one post
        joined = tok.lower_ in ("and", "&") and k - 1 > title.sent.start and k < title.start and (
            doc[k - 2].lower_ in portfolio_words() or doc[k - 2].pos_ in ("NOUN", "ADJ") and doc[k - 2].is_lower
            and not doc[k - 2].ent_type_)
        if tok.lower_ not in _QUALIFIERS and not portfolio and not of_portfolio and not joined or tok.lower_ in _STYLES:
            break
        k -= 1
    return k


def _apposition(doc: Doc, p: Span, pkey: str, titles: list[Span], index: EntityIndex) -> list[Role]:
    """PERSON, [a|the] [modifiers] TITLE [(of|at) ORG …] [, and TITLE …]  and  PERSON, who is … TITLE.

    State media lists every post a person holds ('Choe, member of the Presidium of the Political Bureau
    of the WPK, first vice-president of the Commission and chairman of …'): each is a role, up to the
    next person or verb.
    """
    sent = p.sent
    k = p.end
    if k >= sent.end or doc[k].text != ",":
        return []
    left = _title_ending_at(titles, p.start - 1) if p.start >= 2 and doc[p.start - 1].text == "," else None
    if left is not None and any(d.lower_ == "the" for d in left.root.children):
        return []  # "the Foreign Secretary, X, the Defence Secretary, Y": X's title is on the left
    k += 1
    if k + 1 < sent.end and doc[k].like_num and doc[k + 1].text == ",":
        k += 2  # "X, 19, a member of the church": past the age
    relative_clause = ended = False
    if k < sent.end and doc[k].lower_ == "who":
        relative_clause, ended = True, _served_until(doc[k].head)  # "X, who served as … from 2013 to 2021"
        k += 1
        while k < sent.end and doc[k].lemma_ in ("be", "serve", "as", "also", "now", "currently", "become", "remain",
                                                 "later", "then"):
            k += 1
    out: list[Role] = []
    while k < sent.end:
        role, k = _listed_title(doc, k, pkey, p, titles, index, relative_clause, first=not out)
        if role is None:
            break
        out.append(replace(role, former=True) if ended else role)
    return out


def _listed_title(doc: Doc, k: int, pkey: str, p: Span, titles: list[Span], index: EntityIndex,
                  relative_clause: bool, first: bool) -> tuple[Role | None, int]:
    """One 'a TITLE of ORG' of an apposition starting at token k, and where the next one may start."""
    sent = p.sent
    if first and k < sent.end and doc[k].lower_ in ("and", "or", "while", "but"):
        return None, k  # "Fumio Kishida, and South Korea's president, …": the next item, not an apposition
    while k < sent.end and doc[k].lower_ in ("and", ",", "as", "well"):
        k += 1
    limit = min(sent.end, k + 8)
    # "the Norwegian prime minister's chief of staff": a title in the possessive is someone else's
    title = next((t for t in titles if k <= t.start < limit and not (
        t.end < len(doc) and doc[t.end].text in ("'s", "’s"))), None)
    if title is None:
        return None, k
    between = doc[k:title.start]
    # "the acting president of Peru": a qualifier the model reads as a verb is no verb
    if any(t.text in (",", ";") or t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in _QUALIFIERS for t in between):
        return None, k  # "X, is on an official visit": a clause, not an apposition
    if title.root.dep_ == L.AMOD and title.root.head.i >= title.end and not any(
            t.start <= title.root.head.i < t.end for t in titles):
        return None, k  # "an official visit": a title word describing a thing (not "chief" of "chief officer")
    if index.entities_in(between, (PERSON,)):
        return None, k
    org: str | None = None
    former = any(t.lower_ in _FORMER for t in between)
    for t in between:  # "a Chinese diplomat", "the country's domestic security chief"
        key = index.entity_of(t)
        if key and index.entities[key].kind in _ORG_KINDS:
            org = key
    if org is None and any(t.lower_ == "country" for t in between):
        org = _country_of(pkey, index, doc, p)
    # After the title: "of/at the ORG (at|of the ORG)*" up to the next separator.
    stop = _segment_end(doc, title.end, sent.end, titles)
    relative = _serving(doc, title, stop, index)  # "national security adviser to Prime Minister X"
    if relative is None and any(index.entities[e].kind == PERSON for e in index.entities_in(doc[title.end:stop])):
        return None, k  # the title belongs to the next person: "Kerry, Secretary … Jeh Johnson"
    if org is None and relative is None:
        org = _body_of(doc[title.end:min(stop, title.end + 14)], title, index)
    if org is None and relative is None and not relative_clause and first and not _national(title):
        return None, stop
    role = Role(person=pkey, role=title.text, role_norm=title.label_, organization=org, relative_to=relative,
                former=former, evidence=evidence_of(sent, index.document_id),
                confidence=0.8 if org or relative else 0.5)
    nxt = stop
    if nxt < sent.end and doc[nxt].text == "," and _starts_person(doc, nxt + 1, index):
        return role, sent.end  # "X, minister of Defence, Y, …": the list goes on with the next person
    return role, nxt


def _serving(doc: Doc, title: Span, stop: int, index: EntityIndex) -> str | None:
    """The person a title serves: 'adviser to Prime Minister X', 'undersecretary to the president X'."""
    if title.end >= stop or doc[title.end].lower_ != "to":
        return None
    for tok in doc[title.end + 1:stop]:
        key = index.entity_of(tok)
        if key is not None:
            return key if index.entities[key].kind == PERSON else None
        if not (tok.pos_ in ("DET", "PROPN", "NOUN", "ADJ") or tok.is_title):
            return None
    return None


def _segment_end(doc: Doc, k: int, end: int, titles: list[Span]) -> int:
    """Where one listed post ends: a comma, semicolon or parenthesis (not an acronym's), or an 'and' before
    another title."""
    starts = {t.start for t in titles}
    i = k
    while i < end:
        tok = doc[i]
        if tok.text == "(" and (close := next((j for j in range(i + 1, min(end, i + 6)) if doc[j].text == ")"),
                                              None)) is not None:
            i = close + 1  # "the Workers' Party of Korea (WPK), first vice-president …": the acronym is the body's
            continue
        if tok.text in (",", ";", ".", "(") or tok.pos_ == "VERB" and tok.dep_ not in (L.AMOD, L.COMPOUND):
            return i
        if tok.lower_ == "and" and any(j in starts for j in range(i + 1, min(end, i + 4))):
            return i
        i += 1
    return end


def _starts_person(doc: Doc, i: int, index: EntityIndex) -> bool:
    key = index.entity_of(doc[i]) if i < len(doc) else None
    return key is not None and index.entities[key].kind == PERSON


def _body_of(after: Span, title: Span, index: EntityIndex) -> str | None:
    """The organization or country a title is 'of', 'at' or 'for' ('to' only for an adviser's country)."""
    envoy = title.label_ in _ENVOY_ROLES
    for tok in after:
        key = index.entity_of(tok)
        if key and tok.head.lemma_.lower() in _NATIONAL_BODIES and (
                tok.ent_type_ == L.NORP or (cf := lookup_country(tok.text)) is not None and cf.form == "demonym"):
            # "spokesman for the Indonesian military": that country's body, named as written
            return index.add(ORGANIZATION, f"{tok.text} {tok.head.text}", part_of=key)
        if key and index.entities[key].kind == ORGANIZATION and _a_portfolio(index.mention_span(tok)):
            continue  # "minister of National Defence": the portfolio, not a body; the country is filled later
        if key and index.entities[key].kind in _ORG_KINDS and tok.ent_type_ != L.NORP:
            prep = next((t for t in reversed(after.doc[after.start:tok.i]) if t.pos_ == "ADP"), None)
            if envoy and prep is not None and prep.lower_ in ("to", "in"):
                return None  # "the ambassador to Moscow": where the envoy serves, not whom for
            return _outermost(tok, key, after, index)
    return None


def _a_portfolio(name: Span | None) -> bool:
    """Whether a name is only a ministerial portfolio's words ('National Defence', 'Foreign Affairs')."""
    words_ = [t.lower_ for t in name or () if t.is_alpha and t.lower_ not in ("and", "of", "the", "national")]
    return bool(words_) and all(w in portfolio_words() for w in words_)


def _outermost(tok: Token, key: str, within: Span, index: EntityIndex) -> str:
    """'member of the Political Bureau of the CPC Central Committee': the body the chain of 'of's ends in,
    which the inner ones belong to."""
    doc = tok.doc
    i = tok.i
    while True:
        while i < within.end and index.entity_of(doc[i]) == key:
            i += 1
        j = i + 1 + (i + 1 < within.end and doc[i + 1].lower_ == "the")
        if i >= within.end or doc[i].lower_ != "of" or j >= within.end:
            return key
        nxt = index.entity_of(doc[j])
        if not nxt or index.entities[nxt].kind not in _ORG_KINDS or doc[j].ent_type_ == L.NORP:
            return key
        key, i = nxt, j


#: Nouns a nationality makes a country's own body: "the Indonesian military", "the Chinese government".
_NATIONAL_BODIES = words("roles", "national_bodies")

#: Roles whose 'to COUNTRY' names where the holder is sent, not the country served.
_ENVOY_ROLES = words("roles", "envoy_roles")


def _national(title: Span) -> bool:
    """A title bare of its body that the country of its holder completes ('minister of Defence')."""
    return title.label_ not in _NOT_NATIONAL


def _predicates(doc: Doc, titles: list[Span], index: EntityIndex) -> list[Role]:
    """PERSON is/became/was named/was elected [as] TITLE (of|for|to ORG); PERSON served/resigned as TITLE.

    Only with an organization, country or possessor ('was appointed China's foreign minister'): a bare
    'became president' says too little. Resigning, quitting, retiring or stepping down make it a former role.
    """
    out: list[Role] = []
    for t in titles:
        head = t.root
        verb = head.head
        if head.dep_ == L.POBJ and verb.lower_ == "as":
            verb = verb.head
        elif head.dep_ not in (L.ATTR, L.OPRD, L.XCOMP):
            continue
        lemma = verb.lemma_.lower()
        if lemma == "take" and any(c.dep_ == L.PRT and c.lower_ == "over" for c in verb.children):
            lemma = "become"  # "took over as head of the IMF"
        if lemma not in _PREDICATE_VERBS or verb.i > t.start:
            continue
        subj = next((c for c in verb.children if c.dep_ in (L.NSUBJ, L.NSUBJPASS)), None)
        if subj is None and verb.dep_ == L.XCOMP:  # "X was forced to resign as minister"
            subj = next((c for c in verb.head.children if c.dep_ in (L.NSUBJ, L.NSUBJPASS)), None)
        if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == L.RELCL:
            subj = verb.head  # "Wang Yi, who became foreign minister in 2013"
        pkey = index.entity_of(subj) if subj is not None else None
        if pkey is None or index.entities[pkey].kind != PERSON:
            continue
        left = lemma in _LEAVING_VERBS or lemma in _SUCCESSION_VERBS and subj.dep_ == L.NSUBJPASS or _served_until(verb)
        if role := _held_title(doc, t, pkey, index, left, 0.75):
            out.append(role)
            if lemma in _SUCCESSION_VERBS and (other := _successor_or_predecessor(verb, index)):
                out.append(replace(role, person=other, former=not left))  # "X succeeded Y as minister": Y was
        elif t.label_ in _HOME_POSTS:  # "X resigned as Foreign Affairs minister": the country is filled later
            out.append(Role(person=pkey, role=_singular(t), role_norm=t.label_, organization=None, former=left,
                            evidence=evidence_of(t.sent, index.document_id), confidence=0.45))
    return out


def _successor_or_predecessor(verb: Token, index: EntityIndex) -> str | None:
    """The other holder of 'X succeeded Y as …' (Y, before) or 'Y was replaced as … by X' (X, after)."""
    agent = next((g for c in verb.children if c.dep_ == L.AGENT for g in c.children if g.dep_ == L.POBJ), None)
    other = next((c for c in verb.children if c.dep_ == L.DOBJ), agent)
    key = index.entity_of(other) if other is not None else None
    return key if key and index.entities[key].kind == PERSON else None


#: Verbs that say someone holds the top post of a body: "X, who heads Ukraine's presidential office".
_HEADING_VERBS = {"head": ("head", "Head"), "chair": ("chair", "Chairman"), "lead": ("leader", "Head"),
                  "direct": ("director", "Director"), "run": ("head", "Head"), "command": ("commander", "Head")}


def _heading_verbs(doc: Doc, index: EntityIndex) -> list[Role]:
    """PERSON heads/chairs/leads ORG ('Moussa Faki, who chairs the AU Commission', 'X now heads the bank')."""
    out: list[Role] = []
    for verb in tokens_with_lemma(doc, _HEADING_VERBS):
        if verb.pos_ != "VERB" or (entry := _HEADING_VERBS.get(verb.lemma_.lower())) is None:
            continue
        obj = next((c for c in verb.children if c.dep_ == L.DOBJ), None)
        org = _organization_in(obj, index) if obj is not None else None
        subj = next((c for c in verb.children if c.dep_ in (L.NSUBJ,)), None)
        if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == L.RELCL:
            subj = verb.head  # "Faki, who chairs the Commission"
            if index.entity_of(subj) is None and subj.dep_ == L.APPOS:
                subj = subj.head  # "X, a former diplomat who now heads the centre"
        pkey = index.entity_of(subj) if subj is not None else None
        if org is None or pkey is None or index.entities[pkey].kind != PERSON:
            continue
        former = verb.tag_ == "VBD" and not any(c.lower_ in ("now", "currently") for c in verb.children)
        out.append(Role(person=pkey, role=entry[0], role_norm=entry[1], organization=org, former=former,
                        evidence=evidence_of(verb.sent, index.document_id), confidence=0.75))
    return out


def _organization_in(phrase: Token, index: EntityIndex) -> str | None:
    """The organization or country a noun phrase names ('the AU Commission', "Ukraine's presidential office")."""
    own = index.entity_of(phrase)  # the head's own name first: "the Bank established by the BRICS countries"
    if own and index.entities[own].kind in _ORG_KINDS:
        return own
    keys = [k for t in phrase.subtree if t.i < phrase.i and (k := index.entity_of(t))
            and index.entities[k].kind in _ORG_KINDS]
    return keys[-1] if keys else None


def _named_beside(doc: Doc, titles: list[Span], index: EntityIndex) -> list[Role]:
    """"Ukraine's foreign minister, Dmytro Kuleba, said …": a title with its holder in apposition."""
    out: list[Role] = []
    for t in titles:
        if any(d.dep_ == L.DET and d.lower_ in ("a", "an", "another", "one") for d in t.root.children):
            continue  # "another Chinese official, spokesman Hong Lei": a loose description, not the title held
        if _starts_person(doc, _past_honorifics(doc, t.end), index):
            continue  # "Foreign Minister X and her Bolivian counterpart Y": the title is X's; Y is another's
        holders = [c for c in t.root.children if c.dep_ == L.APPOS]
        comma = next((p.right_edge.i + 1 for p in t.root.children if p.dep_ == L.PREP and p.i == t.end
                      and p.lower_ in ("of", "for", "to")), t.end)  # "the President of Ukraine, …", "ambassador to X,"
        # "Co-founder of Google, X, met …" with X hung on Google: the first comma after the body
        comma = next((k for k in range(t.end, comma) if doc[k].text == ","), comma)
        j = _past_honorifics(doc, comma + 1)  # "…, H.E. Mr. X"
        if not holders and j < len(doc) and doc[comma].text == "," and _starts_person(doc, j, index) \
                and _definite(t) and not _plural_title(t):
            name = index.mention_span(doc[j])
            if name is not None and name.end < len(doc) and (doc[name.end].text in (",", "and", ";", ".") or (
                    doc[name.end].pos_ == "VERB" and doc[name.end].dep_ != L.AMOD and _opens_clause(t))):
                # "…, the Defence Secretary, X, and …": a list read as one phrase; "Malaysia's Prime
                # Minister, X said": the name is the subject
                holders = [doc[j]]
        for c in holders:
            # "Their foreign ministers, Turkey's Hakan Fidan and Sweden's Tobias Billström": each one named
            for holder in [c, *(x for x in c.conjuncts)] if _plural_title(t) else [c]:
                pkey = index.entity_of(holder)
                if pkey is None or index.entities[pkey].kind != PERSON:
                    continue
                role = _held_title(doc, t, pkey, index, False, 0.8)
                definite = any(d.lower_ == "the" for d in t.root.children)
                if role is None and (_plural_title(t) or definite):  # "the Foreign Secretary, X": filled later
                    role = Role(person=pkey, role=_singular(t), role_norm=t.label_, organization=None,
                                evidence=evidence_of(t.sent, index.document_id), confidence=0.55)
                if role:
                    out.append(role)
    return out


def _opens_clause(t: Span) -> bool:
    """Whether the title's phrase opens its clause ('…, Malaysia's Prime Minister, X said'), so that a name
    after it is the subject, not 'the word of the Russian leader, X said'."""
    first = t.root.left_edge
    return first.i == t.sent.start or t.doc[first.i - 1].text == ","


def _definite(t: Span) -> bool:
    """'the Defence Secretary', "Malaysia's Prime Minister", and a sentence opening with 'Co-founder of X':
    a title that names one post, not 'a member'."""
    return any(d.lower_ == "the" or d.dep_ == L.POSS for d in t.root.children) or (
        t.start == t.sent.start and t[0].is_title)


def _past_honorifics(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].lower_ in HONORIFICS:
        i += 1
    return i


def _singular(span: Span) -> str:
    """'foreign ministers' -> 'foreign minister': the title one holder holds."""
    if span.root.tag_ != "NNS" or span.root.i != span.end - 1:
        return span.text
    return span.doc[span.start:span.end - 1].text_with_ws + span.root.lemma_


def _held_title(doc: Doc, t: Span, pkey: str, index: EntityIndex, left: bool, confidence: float) -> Role | None:
    """The role a person holds through title `t`, with the organization written before or after it
    ('China's foreign minister', 'president of Brazil'); None without one: a bare title says too little."""
    start = _qualified_start(doc, t, index)
    org, relative = _modifiers(doc, Span(doc, start, t.end, label=t.label_), index)
    if org is None and relative is None:
        org = _organization_after(t.root, index)
    if org is None and relative is None and any(c.dep_ == L.POSS and c.lower_ == "its" for c in t.root.children):
        org = _its_body(t.root, index)  # "Chile said that its ambassador, X, …"
    if org is None and relative is None:
        return None
    former = left or any(x.lower_ in _FORMER for x in doc[max(start - 2, t.sent.start):start])
    return Role(person=pkey, role=_singular(doc[start:t.end]), role_norm=t.label_, organization=org, relative_to=relative,
                former=former, evidence=evidence_of(t.sent, index.document_id), confidence=confidence)


_PREDICATE_VERBS = words("roles", "predicate_verbs")
_SUCCESSION_VERBS = words("roles", "succession_verbs")
_LEAVING_VERBS = words("roles", "leaving_verbs")


def _organization_after(head: Token, index: EntityIndex) -> str | None:
    """'president of China', 'ambassador to Japan', 'director at the agency': the body the title is of."""
    for prep in head.children:
        if prep.dep_ != L.PREP or prep.lower_ not in ("of", "for", "to", "at"):
            continue
        for tok in prep.subtree:
            key = index.entity_of(tok)
            if key and index.entities[key].kind in _ORG_KINDS and tok.ent_type_ != L.NORP:
                return key
    return None


def _served_until(verb: Token) -> bool:
    """'served as prime minister from 2013 to 2021', 'was president until 2019': a post held and left."""
    return verb.tag_ == "VBD" and verb.lemma_.lower() in ("serve", "be", "remain") and any(
        c.dep_ == L.PREP and c.lower_ in ("from", "until", "till", "between") and any(
            t.ent_type_ == L.DATE for t in c.subtree) for c in verb.children)


def _its_body(head: Token, index: EntityIndex) -> str | None:
    """The country or body 'its' stands for: that of the last subject before it, in its sentence or the one
    before ('Chile said …', 'The government in Oslo did not respond. But its foreign minister …')."""
    doc, sent = head.doc, head.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for subject in reversed([t for t in doc[start:head.i] if t.dep_ in (L.NSUBJ, L.NSUBJPASS)]):
        for tok in subject.subtree:
            key = index.entity_of(tok)
            if key and index.entities[key].kind in _ORG_KINDS:
                return key
            if key and (country := country_of_place(key, index)):  # "the government in Lima"
                return index.add_country(country)
    return None


def _country_of(pkey: str, index: EntityIndex, doc: Doc, p: Span) -> str | None:
    """'the country' in a description of a person: the country named most often before it."""
    counts: dict[str, int] = {}
    for i in range(0, p.start):
        key = index.token_entity.get(i)
        if key and index.entities[key].kind == COUNTRY:
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else None  # type: ignore[arg-type]


def _dedupe(roles: list[Role], index: EntityIndex) -> list[Role]:
    """One role per (person, normalized role, organization), written as its fullest form ('Crown Prince' over
    'Prince'); an org-less duplicate is dropped, and so is an org-less short form of a fuller title the
    person holds ('Secretary' beside 'Secretary of State')."""
    best: dict[tuple[str, str, str | None], Role] = {}
    for r in roles:
        k = (r.person, r.role_norm, r.organization or r.relative_to)
        if k in best and set(best[k].role.lower().split()) < set(r.role.lower().split()):
            best[k] = replace(r, confidence=max(r.confidence, best[k].confidence))  # "Crown Prince" over "Prince"
        elif k in best and set(r.role.lower().split()) < set(best[k].role.lower().split()):
            best[k] = replace(best[k], confidence=max(r.confidence, best[k].confidence))
        elif k not in best or r.confidence > best[k].confidence:
            best[k] = r
    with_org = {(r.person, r.role_norm) for r in best.values() if r.organization or r.relative_to}
    fuller = [(r.person, set(r.role.lower().split())) for r in best.values()]
    held = Counter(r.person for r in best.values())
    return [r for k, r in best.items() if k[2] is not None or (r.person, r.role_norm) not in with_org and not any(
        p == r.person and set(r.role.lower().split()) < words_ for p, words_ in fuller)
        and not (r.role.endswith(".") and held[r.person] > 1)]  # "Sudan's army chief, Gen. X": a rank beside a post
