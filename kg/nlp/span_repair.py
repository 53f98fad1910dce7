"""Span repair: the fixes, in order, to the spans a general news model gives diplomatic text.

`kg_span_repair` (registered in kg.nlp.components) runs REPAIRS over a document, one after the other;
the third of them, `fix_model_spans`, runs SPAN_FIXES over each span the model (and the gazetteer) gave.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.data import words
from kg.nlp import labels as L
from kg.nlp.components import _GOV_HEADS, HONORIFICS, NAME_PARTICLES, TITLES_KEY
from kg.nlp.find import tokens_with_lower
from kg.nlp.gazetteer import (
    country_forms,
    lookup_country,
    organization_surface_forms,
    outlet_surface_forms,
    portfolio_words,
)
from kg.nlp.layout import dateline_and_byline_tokens

#: Honorifics that only stand before a person's name.
_PERSONAL_HONORIFICS = words("names", "personal_honorifics")
#: Country names that are also common nouns; in lower case they are the noun ("the china", "a turkey").
_COMMON_NOUNS = words("names", "common_noun_countries")
_DATELINE_TAIL = re.compile(r"[•—–]\s*$")


@dataclass
class Repairing:
    """A document under repair: the entities so far, and what the gazetteer and the layout found."""

    doc: Doc
    title_spans: list[Span]
    title_tokens: set[int]
    layout: set[int]
    ents: list[Span] = field(default_factory=list)


Repair = Callable[[Repairing], None]


def repair_spans(doc: Doc) -> Doc:
    """Fix the span errors a general news model makes on diplomatic text: titles and possessives
    inside person spans, titles read as organizations, datelines and bylines read as entities."""
    title_spans = list(doc.spans.get(TITLES_KEY, []))
    r = Repairing(doc, title_spans, {i for s in title_spans for i in range(s.start, s.end)},
                  dateline_and_byline_tokens(doc))
    for repair in REPAIRS:
        repair(r)
    return doc


def join_name_particles(r: Repairing) -> None:
    """'Ursula von' + 'Leyen', 'Ali bin Hamad' + 'Al Kuwari': a name cut at its particles is one person."""
    doc = r.doc
    ents = list(doc.ents)
    changed = False
    for n, e in enumerate(ents):
        if e.label_ != L.PERSON:
            continue
        k = e.end
        had = any(t.lower_ in NAME_PARTICLES and t.is_lower for t in e)
        while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and (doc[k].is_lower or had and doc[k].is_title
                                                                    and doc[k].lower_ in _CAPITAL_PARTICLES):
            k += 1
        if any(doc[j].is_title for j in range(e.end, k)) and k < len(doc) and doc[k].ent_type_ not in ("", L.PERSON):
            continue  # "… bin Salman Al Jazeera": a body after the name
        if (k > e.end or doc[e.end - 1].lower_ in NAME_PARTICLES) and k < len(doc) and doc[k].is_title:
            ents[n] = Span(doc, e.start, k + 1, label=L.PERSON)
            changed = True
    if changed:
        kept = [e for e in ents if e.label_ == L.PERSON] + [
            e for e in ents if e.label_ != L.PERSON and not any(p.start < e.end and e.start < p.end for p in ents
                                                                if p.label_ == L.PERSON)]
        doc.ents = filter_spans(kept)


#: Particles that open a family name written capitalised: 'Al Thani', 'El Sisi'.
_CAPITAL_PARTICLES = words("names", "capital_particles")


def join_cut_bodies(r: Repairing) -> None:
    """'the Office of the President of' + 'Ukraine': a body's name cut after its 'of' is one organization."""
    doc = r.doc
    ents = list(doc.ents)
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == L.ORG and prev.end == e.start and e.label_ in (L.GPE, L.ORG, L.LOC)
                and doc[prev.end - 1].lower_ in ("of", "for")):
            out[-1] = Span(doc, prev.start, e.end, label=L.ORG)
        else:
            out.append(e)
    if len(out) != len(ents):
        doc.ents = out


@dataclass
class _Candidate:
    """One span of the model under repair: where it starts and ends, its label, whether it is dropped."""

    ent: Span
    start: int
    end: int
    label: str
    dropped: bool = False


@dataclass
class _ModelSpans:
    """What the span fixes read, and the spans they give."""

    doc: Doc
    title_tokens: set[int]
    layout: set[int]
    outlets: set[str]
    forms: set[str]
    surnames: set[str]
    name_tails: set[tuple[str, ...]]
    out: list[Span]


SpanFix = Callable[[_Candidate, _ModelSpans], None]


def fix_model_spans(r: Repairing) -> None:
    """Each span the model gave, through SPAN_FIXES in order (a fix may drop it or add spans)."""
    doc = r.doc
    s = _ModelSpans(
        doc, r.title_tokens, r.layout, {n.lower() for n in outlet_surface_forms()}, country_forms(),
        {t.text for e in doc.ents if e.label_ == L.PERSON and len(e) > 1 for t in (e[0], e[-1])},
        {tuple(t.lower_ for t in e[k:]) for e in doc.ents if e.label_ == L.PERSON for k in range(1, len(e) - 1)},
        [])
    for e in doc.ents:
        c = _Candidate(e, e.start, e.end, e.label_)
        for fix in SPAN_FIXES:
            fix(c, s)
            if c.dropped:
                break
        if not c.dropped and c.end > c.start:
            s.out.append(Span(doc, c.start, c.end, label=c.label))
    r.ents = s.out


def drop_datelines_and_bylines(c: _Candidate, s: _ModelSpans) -> None:
    """"WASHINGTON •", "By Liu Xin": where and by whom, not who."""
    if c.ent.text.lower() not in s.outlets and (c.ent.start in s.layout or _DATELINE_TAIL.search(c.ent.text)):
        c.dropped = True


def drop_lower_case_bodies(c: _Candidate, s: _ModelSpans) -> None:
    """"the party congress", "packed the china": news text capitalises names."""
    if c.label == L.ORG and not any(ch.isupper() for ch in c.ent.text) or c.ent.text in _COMMON_NOUNS:
        c.dropped = True


def strip_possessives(c: _Candidate, s: _ModelSpans) -> None:
    """"Ukraine's": the possessive ending is no part of the name."""
    while c.end > c.start and s.doc[c.end - 1].text in ("'s", "’s", "'", "’"):
        c.end -= 1


def strip_articles(c: _Candidate, s: _ModelSpans) -> None:
    """"the United Nations": the article is no part of the name."""
    while c.start < c.end and s.doc[c.start].lower_ in ("the", "a", "an"):
        c.start += 1


def strip_leading_honorifics(c: _Candidate, s: _ModelSpans) -> None:
    """"H.E. Ann Lee" tagged a building: the honorific is no part of the name (and says it is a person's)."""
    while c.end - c.start > 1 and s.doc[c.start].lower_ in _PERSONAL_HONORIFICS:
        c.start += 1


def strip_function_word_tails(c: _Candidate, s: _ModelSpans) -> None:
    """"the Great Hall of the People on Monday": a name ends in no preposition, article or conjunction."""
    while c.end - c.start > 1 and s.doc[c.end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ"):
        c.end -= 1


def cut_at_figures(c: _Candidate, s: _ModelSpans) -> None:
    """"showed Holm 43 percent to …" tagged one organization: a name ends before a figure."""
    if c.label not in _NAME_LABELS:
        return
    for k in range(c.start + 1, c.end):
        if s.doc[k].like_num and k + 1 < len(s.doc) and s.doc[k + 1].lower_ in _FIGURE_UNITS:
            c.end = k
            return


def strip_titles_before_names(c: _Candidate, s: _ModelSpans) -> None:
    """"US National Security Advisor Susan Rice": the person is "Susan Rice"."""
    if c.label == L.PERSON:
        c.start = _after_titles(s.doc, c.start, c.end, s.title_tokens)


def drop_bare_honorifics(c: _Candidate, s: _ModelSpans) -> None:
    """"H.E. Mr." read as an organization."""
    if all(t.lower_ in HONORIFICS for t in s.doc[c.start:c.end]):
        c.dropped = True


def cut_titles_read_as_bodies(c: _Candidate, s: _ModelSpans) -> None:
    """"US National Security Advisor": a title, not an organization; what precedes it stays."""
    doc, start, end, title_tokens = s.doc, c.start, c.end, s.title_tokens
    if c.label == L.ORG and end - 1 in title_tokens and doc[start:end].text.lower() not in s.outlets \
            and doc[_last_before_titles(start, end, title_tokens) - 1].lower_ not in ("of", "the", "for"):
        # ("Office of the President" names a body: the title there is not held by anyone.)
        while end > start and end - 1 in title_tokens:
            end -= 1
        rest = doc[start:end].text
        c.end = end
        c.label = L.GPE if rest and (rest in s.forms or rest.lower().strip(".") in s.forms) else L.ORG


def split_at_commas(c: _Candidate, s: _ModelSpans) -> None:
    """"Xinhua, Meng" read as one organization: the known organization, and a known surname as a person."""
    if c.label in (L.ORG, L.GPE) and "," in s.doc[c.start:c.end].text:
        s.out.extend(_split_at_commas(s.doc, c.start, c.end, c.label, s.surnames))
        c.dropped = True


def places_cut_before_their_city(c: _Candidate, s: _ModelSpans) -> None:
    """"the Great Hall of the People in Beijing" tagged one building: the building, then the capital."""
    doc = s.doc
    if c.label not in (L.FAC, L.ORG, L.LOC) or c.end - c.start < 4:
        return
    for k in range(c.start + 2, c.end - 1):
        if doc[k].lower_ == "in" and lookup_country(doc[k + 1:c.end].text) is not None:
            s.out.append(Span(doc, k + 1, c.end, label=L.GPE))
            c.end = k
            return


def split_countries_from_names(c: _Candidate, s: _ModelSpans) -> None:
    """"Ambassador to Laos Ann Lee" tagged one person: the country the title points to, then the person."""
    doc = s.doc
    if c.label != L.PERSON or c.end - c.start < 3 or c.start == 0 or doc[c.start - 1].lower_ not in ("to", "of"):
        return
    for cut in (c.start + 2, c.start + 1):
        if c.end - cut >= 2 and lookup_country(doc[c.start:cut].text) is not None:
            s.out.append(Span(doc, c.start, cut, label=L.GPE))
            c.start = cut
            return


def split_names_from_bodies(c: _Candidate, s: _ModelSpans) -> None:
    """"Head of the Intelligence Organisation Ann Lee": the body, then the person."""
    doc = s.doc
    if c.label == L.ORG and (cut := _name_inside_body(doc, c.start, c.end, s.title_tokens)):
        s.out.append(Span(doc, c.start, cut, label=L.GPE if lookup_country(doc[c.start:cut].text) else L.ORG))
        c.start, c.label = cut, L.PERSON


def names_after_titles(c: _Candidate, s: _ModelSpans) -> None:
    """"German Chancellor Olaf Scholz" read as an organization."""
    start = _after_titles(s.doc, c.start, c.end, s.title_tokens)  # "(Secretary of) Defense Lloyd Austin"
    if c.label == L.ORG and start - 1 in s.title_tokens and _looks_like_a_name(s.doc[start:c.end]):
        c.start, c.label = start, L.PERSON


def names_cut_at_the_front(c: _Candidate, s: _ModelSpans) -> None:
    """"were Choe Ryong Hae" tagged "Ryong Hae": an untagged capitalised name word the parser joins to it."""
    doc = s.doc
    if c.label != L.PERSON or c.start == 0 or c.start in s.title_tokens or c.start - 1 in s.title_tokens:
        return
    tok = doc[c.start - 1]
    if (tok.pos_ == "PROPN" and tok.dep_ == L.COMPOUND and c.start <= tok.head.i < c.end and tok.is_title
            and not tok.ent_type_ and not tok.is_sent_start and tok.lower_ not in HONORIFICS
            and not tok.text.endswith(".") and tok.lower_ not in _GREETINGS  # "Prof. X", "Thanks Don"
            and tok.i not in s.layout and (not doc[tok.i - 1].is_title or tok.i - 1 in s.title_tokens
                                           or doc[tok.i - 1].lower_ in _PERSONAL_HONORIFICS)):
        c.start -= 1


def bodies_read_as_places(c: _Candidate, s: _ModelSpans) -> None:
    """"a senior fellow at the Atlantic Forum" tagged a facility: after a title, a body's head makes a body."""
    k = c.start - 1
    while k >= 0 and s.doc[k].lower_ in ("the", "at", "of", "for"):
        k -= 1
    if c.label in (L.FAC, L.LOC) and c.end - c.start > 1 and s.doc[c.end - 1].lower_ in _INSTITUTION_HEADS \
            and k < c.start - 1 and k in s.title_tokens:
        c.label = L.ORG


def names_after_counterparts(c: _Candidate, s: _ModelSpans) -> None:
    """"his Greek counterpart Nikos Dimou" tagged a place: a counterpart is a person."""
    doc = s.doc
    if c.label in (L.ORG, L.GPE, L.LOC, L.FAC) and c.start > 0 and doc[c.start - 1].lower_ in _PERSON_NOUNS \
            and _looks_like_a_name(doc[c.start:c.end]):
        c.label = L.PERSON


def places_read_as_people(c: _Candidate, s: _ModelSpans) -> None:
    """"visited Incirlik Air Base" tagged a person: a name with a facility's head word is a place."""
    words_ = [t.lower_ for t in s.doc[c.start:c.end]]
    if c.label == L.PERSON and len(words_) >= 2 and (words_[-1] in _FACILITY_HEADS or words_[0] in _PLACE_OPENERS):
        c.label = L.FAC


def countries_read_as_people(c: _Candidate, s: _ModelSpans) -> None:
    """"Azerbaijani Foreign Minister X" with 'Azerbaijani' tagged a person: a nationality, before a title too."""
    doc = s.doc
    found = lookup_country(doc[c.start:c.end].text) if c.label == L.PERSON else None
    if found is not None and (found.form == "demonym" or c.end in s.title_tokens):
        c.label = L.NORP if found.form == "demonym" else L.GPE


def names_before_who(c: _Candidate, s: _ModelSpans) -> None:
    """"Moussa Faki Mahamat, who chairs …": 'who' is said of people."""
    doc, start, end = s.doc, c.start, c.end
    if c.label in (L.ORG, L.GPE) and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who" \
            and _looks_like_a_name(doc[start:end]):
        c.label = L.PERSON


def names_before_descriptions(c: _Candidate, s: _ModelSpans) -> None:
    """"Ann Lee-Hart, a former deputy president of Chile": a title after 'a' or 'the' describes a person."""
    doc, start, end = s.doc, c.start, c.end
    if c.label in (L.ORG, L.GPE) and end + 2 < len(doc) and doc[end].text == "," \
            and doc[end + 1].lower_ in ("a", "an", "the") \
            and any(i in s.title_tokens for i in range(end + 2, min(end + 6, len(doc)))) \
            and _looks_like_a_name(doc[start:end]):
        c.label = L.PERSON


def short_name_syllables(c: _Candidate, s: _ModelSpans) -> None:
    """"Choe Son" + "Hui tells": a name's short last syllable the model cut off, before a verb or a comma."""
    doc, end = s.doc, c.end
    if c.label != L.PERSON or c.end - c.start < 2 or end + 1 >= len(doc):
        return
    tail, after = doc[end], doc[end + 1]
    if tail.pos_ == "PROPN" and tail.is_title and tail.is_alpha and len(tail) <= 4 and not tail.ent_type_ \
            and tail.i not in s.title_tokens and (after.pos_ in ("VERB", "AUX") or after.text in (",", "'s", "’s")):
        c.end = end + 1


def names_after_honorifics(c: _Candidate, s: _ModelSpans) -> None:
    """"Mr Albanese" read as a nationality, "Ms Mao" as a place."""
    doc, start, end = s.doc, c.start, c.end
    if c.label != L.PERSON and start > 0 and doc[start - 1].lower_ in _PERSONAL_HONORIFICS and end - start <= 3 \
            and all(_capitalised(t) or t.lower_ in NAME_PARTICLES for t in doc[start:end]):
        c.label = L.PERSON


def names_beside_titles(c: _Candidate, s: _ModelSpans) -> None:
    """"Finland's president, Sauli Niinistö," / "Ann Lee, Canada's trade minister,"."""
    if c.label in (L.ORG, L.GPE, L.LOC) and _in_apposition_to_a_title(s.doc, c.start, c.end, s.title_tokens) \
            and _looks_like_a_name(s.doc[c.start:c.end]):
        c.label = L.PERSON


def surnames_read_as_places(c: _Candidate, s: _ModelSpans) -> None:
    """"Hong said": a surname the model read as a place or company."""
    if (c.label in (L.ORG, L.GPE, L.LOC, L.FAC) and c.end - c.start == 1 and s.doc[c.start].text in s.surnames
            and not _used_as_place(s.doc[c.start])):
        c.label = L.PERSON


def places_before_titles(c: _Candidate, s: _ModelSpans) -> None:
    """"Ohio Gov. Ann Lee" tagged two people: before a title bound to a place, a lone word is that place."""
    doc, end = s.doc, c.end
    if (c.label == L.PERSON and c.end - c.start == 1 and doc[c.start].text not in s.surnames
            and end + 1 < len(doc) and doc[end].lower_ in _PLACE_BOUND_TITLES and doc[end + 1].ent_type_ == L.PERSON):
        c.label = L.GPE


def platforms_read_as_people(c: _Candidate, s: _ModelSpans) -> None:
    """"posted on Chirper that …": what one posts or writes on is a platform, not a person."""
    tok = s.doc[c.end - 1]
    prep = tok.head
    if (c.label == L.PERSON and tok.dep_ == L.POBJ and prep.lower_ == "on" and prep.head.pos_ == "VERB"
            and prep.head.lemma_.lower() in _POSTING_VERBS and s.doc[c.start].text not in s.surnames):
        c.label = L.ORG


def name_tails(c: _Candidate, s: _ModelSpans) -> None:
    """"Von der Leyen said" after "Ursula von der Leyen": the end of a name in the text."""
    if c.label in (L.ORG, L.GPE, L.LOC, L.FAC) and c.end - c.start > 1 \
            and tuple(t.lower_ for t in s.doc[c.start:c.end]) in s.name_tails:
        c.label = L.PERSON


#: The fixes to each span of the model, in order.
SPAN_FIXES: tuple[SpanFix, ...] = (
    drop_datelines_and_bylines, drop_lower_case_bodies, strip_possessives, strip_articles,
    strip_leading_honorifics, strip_function_word_tails, cut_at_figures, strip_titles_before_names,
    drop_bare_honorifics, cut_titles_read_as_bodies, split_at_commas, places_cut_before_their_city,
    split_countries_from_names,
    split_names_from_bodies, names_after_titles, names_cut_at_the_front, bodies_read_as_places,
    names_after_counterparts, places_read_as_people, countries_read_as_people, names_before_who,
    names_before_descriptions, names_after_honorifics, names_beside_titles, surnames_read_as_places,
    places_before_titles, platforms_read_as_people, name_tails, short_name_syllables,
)


def drop_names_inside_titles(r: Repairing) -> None:
    """'Treasury' in 'Minister of Treasury and Finance': part of the title, not a body of its own."""
    r.ents = [e for e in r.ents if not _inside_a_title(e, r.title_spans)]


def add_names_after_titles(r: Repairing) -> None:
    """'President Kais Saied' where the model tagged nothing."""
    r.ents += _names_after_titles(r.doc, r.ents, r.title_spans)


def add_names_before_titles(r: Repairing) -> None:
    """'… and Peter Lind, minister of Foreign Trade' where the model tagged nothing."""
    r.ents += _names_before_titles(r.doc, r.ents, r.title_tokens)


def add_names_after_honorifics(r: Repairing) -> None:
    """'Mr Albanese said' where the model tagged nothing."""
    r.ents += _names_after_honorifics(r.doc, r.ents)


def add_unlabelled_surnames(r: Repairing) -> None:
    """'Meloni is due to travel …' where the model tagged nothing (overlaps resolved, longest first)."""
    r.ents = filter_spans(r.ents + _unlabelled_surnames(r.doc, r.ents, r.title_tokens))


def confirm_in_headlines(r: Repairing) -> None:
    """An entity in a title-case headline stays only if the body writes it too."""
    r.ents = _confirmed_in_headlines(r.doc, r.ents, r.layout)


def inverted_names(r: Repairing) -> None:
    """'Holm, Peter. A History of Salt': a reference list's 'Surname, Given names.' is one person."""
    r.ents = filter_spans(_inverted_names(r.doc, r.ents) + r.ents)


def people_who_think(r: Repairing) -> None:
    """'Halvorsen considered …' tagged a place: a name that thinks is a person, wherever the story writes it."""
    # A name the gazetteer knows may stand for its government ('Washington believes'), and a company thinks
    # too: a name tagged an organization needs a person's tag elsewhere in the story as well.
    people = {e.text for e in r.ents if e.label_ == L.PERSON}
    thinkers = {e.text for e in r.ents if (e.label_ in (L.GPE, L.LOC, L.FAC) or e.label_ == L.ORG and e.text in people)
                and _thinks(e)}
    if thinkers:
        r.ents = [Span(r.doc, e.start, e.end, label=L.PERSON) if e.text in thinkers and e.label_ in _NAME_LABELS
                  else e for e in r.ents]


def one_type_per_name(r: Repairing) -> None:
    """A name written as a person here and an organization there takes the type given more often."""
    r.ents = _one_type_per_name(r.ents)


def set_entities(r: Repairing) -> None:
    """The repaired spans become the document's entities."""
    r.doc.ents = r.ents


def free_titles_inside_names(r: Repairing) -> None:
    """"UN General Assembly": a title inside a named body, place or building is no title."""
    doc = r.doc
    named = {i for e in doc.ents if e.label_ in (L.ORG, L.FAC, L.GPE) for i in range(e.start, e.end)}
    doc.spans[TITLES_KEY] = filter_spans([t for t in r.title_spans if t.start not in named])


#: The repairs `kg_span_repair` runs, in order.
REPAIRS: tuple[Repair, ...] = (
    join_name_particles, join_cut_bodies, fix_model_spans, drop_names_inside_titles, add_names_after_titles,
    add_names_before_titles, add_names_after_honorifics, add_unlabelled_surnames, inverted_names,
    people_who_think, confirm_in_headlines, one_type_per_name, set_entities, free_titles_inside_names,
)


def _last_before_titles(start: int, end: int, title_tokens: set[int]) -> int:
    """The end of a span once the titles closing it are taken off (at least its first token)."""
    while end > start + 1 and end - 1 in title_tokens:
        end -= 1
    return end


def _inside_a_title(ent: Span, title_spans: list[Span]) -> bool:
    """'Treasury' in 'Minister of Treasury and Finance', 'Prince' in 'Crown Prince': part of the title."""
    return ent.label_ in (L.ORG, L.GPE, L.PERSON) and any(t.start < ent.start and ent.end <= t.end for t in title_spans)


def _one_type_per_name(ents: list[Span]) -> list[Span]:
    """A name written as a person in one place and an organization in another is one thing: the type it
    is given more often (a tie goes to the person when the words look like a name)."""
    votes: dict[str, Counter[str]] = {}
    for e in ents:
        if e.label_ in (L.PERSON, L.ORG) and len(e) >= 2:
            votes.setdefault(e.text, Counter())[e.label_] += 1
    relabel = {}
    for text, count in votes.items():
        if len(count) < 2:
            continue
        person, org = count[L.PERSON], count[L.ORG]
        span = next(e for e in ents if e.text == text)
        relabel[text] = L.PERSON if person > org or person == org and _looks_like_a_name(span) else L.ORG
    if not relabel:
        return ents
    return [Span(e.doc, e.start, e.end, label=relabel[e.text]) if e.text in relabel and e.label_ in (L.PERSON, L.ORG)
            else e for e in ents]


def _confirmed_in_headlines(doc: Doc, ents: list[Span], layout: set[int]) -> list[Span]:
    """A headline written in title case ('Hammering Hillary Clinton Over Remarks') makes the model see
    names everywhere: there an entity stays only if the body writes it too ('Hillary Clinton')."""
    # The headline (the first line), and headings of four capitalised words or more further down.
    headlines = [s for n, s in enumerate(doc.sents) if _title_case_line(s, 3 if n == 0 else 4)
                 and not any(i in layout for i in range(s.start, s.end)) and s[0].lower_ != "by"]  # a byline
    if not headlines:
        return ents
    inside = {i for s in headlines for i in range(s.start, s.end)}
    body = " ".join(s.text for s in doc.sents if s.start not in inside)

    def written(text: str) -> bool:
        return re.search(rf"\b{re.escape(text)}\b", body) is not None

    out = []
    for e in ents:
        if e.start not in inside or e.label_ in (L.DATE, L.CARDINAL, L.ORDINAL):
            out.append(e)
            continue
        # "Hammering Hillary Clinton": the part the body writes; "PM call with Mark Rutte": a surname it writes.
        start = next((k for k in range(e.start, e.end) if written(doc[k:e.end].text)), None)
        if start is not None:
            out.append(Span(doc, start, e.end, label=e.label_))
        elif e.label_ == L.PERSON and len(e) == 2 and written(e[-1].text):
            out.append(e)
    return out


def _title_case_line(sent: Span, at_least: int = 3) -> bool:
    """A line (not a sentence) whose words are all capitalised: a headline or heading."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < at_least or sent.text.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "as", "from", "vs"}
    caps = sum(1 for t in words if t.text[0].isupper() or t.lower_ in small)
    return caps == len(words) and sum(1 for t in words if t.text[0].isupper()) >= at_least


#: Head words of a named body that a person's name may follow inside one model span.
_BODY_HEADS = frozenset(_GOV_HEADS) | words("names", "more_body_heads")
#: Head words of a body's name that the model may tag a facility: "the Atlantic Forum", "the Wilson Center".
_INSTITUTION_HEADS = words("names", "institution_heads")
#: Words of address a name follows in letters and posts: "Thanks Don", "Hello Louise".
_GREETINGS = words("names", "greetings")


def _name_inside_body(doc: Doc, start: int, end: int, title_tokens: set[int]) -> int | None:
    """Where a person's name starts inside an organization span that follows 'TITLE of the':
    'Director General of the Atomic Energy Corporation Ann Lee' read as one organization."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "of", "for"):
        k -= 1
    if k == start - 1 or k < 0 or k not in title_tokens:
        return None
    for n in (4, 3, 2):
        cut = end - n
        if cut - 1 < start or not all(_capitalised(t) and t.lower_ not in _BODY_HEADS for t in doc[cut:end]):
            continue
        if cut - 1 > start and doc[cut - 1].lower_ in _BODY_HEADS:
            return cut
        if lookup_country(doc[start:cut].text):  # "President of Türkiye Recep Tayyip Erdogan" as one ORG
            return cut
    return None


def _in_apposition_to_a_title(doc: Doc, start: int, end: int, title_tokens: set[int]) -> bool:
    """'president, NAME,' or 'NAME, [the] [Country's] minister': a name set off by commas beside a title."""
    if start >= 2 and doc[start - 1].text == "," and start - 2 in title_tokens and \
            (end >= len(doc) or doc[end].text in (",", ".", ";") or doc[end].pos_ in ("VERB", "AUX")):
        return True
    if end < len(doc) and doc[end].text == ",":
        k = end + 1
        while k < min(len(doc), end + 6) and k not in title_tokens:
            if not (doc[k].pos_ in ("DET", "ADJ", "PROPN", "PART") or doc[k].text in ("'s", "’s")):
                return False
            k += 1
        return k in title_tokens
    return False


def _looks_like_a_name(span: Span) -> bool:
    """Two to four capitalised words, none the head of a body and not a known organization."""
    words = [t for t in span if t.text not in ("-", "‐")]  # "Mlambo-Ngcuka": one hyphenated surname
    return (2 <= len(words) <= 4 and all(t.is_title or t.lower_ in NAME_PARTICLES for t in words)
            and not any(t.lower_ in _GOV_HEADS for t in span) and span.text not in organization_surface_forms()
            and lookup_country(span.text) is None)


def _names_after_titles(doc: Doc, ents: list[Span], title_spans: list[Span]) -> list[Span]:
    """'his Iranian counterpart Hossein Amir-Abdollahian', 'President Kais Saied' where the model tagged
    nothing: two to four capitalised proper nouns right after a title or 'counterpart' are a name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    ends = [t.end for t in title_spans] + [t.i + 1 for t in doc if t.lower_ == "counterpart"]
    # "Ambassador to the Philippines MaryKay Carlson": the name follows the title's country.
    places = {e.start: e.end for e in ents if e.label_ == L.GPE}
    set_off = set()  # "the special envoy for Sudan, Ramtane Lamamra, met …": a name between commas
    for t in title_spans:  # ... and "President of the Republic of Türkiye Recep Tayyip Erdogan" its country
        end = t.end
        if t.end < len(doc) and doc[t.end].lower_ in ("to", "of", "for"):
            m = t.end + 1 + (t.end + 1 < len(doc) and doc[t.end + 1].lower_ == "the")
            if m in places:
                end = places[m]
                ends.append(end)
        if end + 1 < len(doc) and doc[end].text == ",":
            set_off.add(end + 1)
    ends += sorted(set_off)
    out = []
    for k in ends:
        j = k
        while (j < len(doc) and j not in taken and (doc[j].pos_ == "PROPN" and not doc[j].ent_type_
               and (_capitalised(doc[j]) or doc[j].lower_ in NAME_PARTICLES) and doc[j].lower_ not in _GOV_HEADS
               or _joins_a_hyphenated_name(doc, j) and j > k)
               and sum(t.text not in _HYPHENS for t in doc[k:j]) < 4):
            j += 1
        while j > k and doc[j - 1].lower_ in NAME_PARTICLES:
            j -= 1
        if k in set_off and (j >= len(doc) or doc[j].text != "," or not _looks_like_a_name(doc[k:j])
                             or any(t.lower_ in _BODY_HEADS or t.lower_ in portfolio_words() for t in doc[k:j])):
            continue
        if j - k >= 2 and (j >= len(doc) or not (doc[j].is_title and doc[j].pos_ == "PROPN")):
            out.append(Span(doc, k, j, label=L.PERSON))
    return out


def _joins_a_hyphenated_name(doc: Doc, j: int) -> bool:
    """The hyphen of 'Kassym-Jomart', written without spaces between two capitalised words."""
    return (doc[j].text in _HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and j + 1 < len(doc)
            and _capitalised(doc[j + 1]))


_HYPHENS = ("-", "‐")


def _names_before_titles(doc: Doc, ents: list[Span], title_tokens: set[int]) -> list[Span]:
    """Two to four capitalised proper nouns the model left untagged, after a comma, 'and' or the start of a
    clause and before ', [a|the] TITLE': a name in a list of officials."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for k in range(1, len(doc) - 2):
        if doc[k].text != "," or k - 1 in taken or k - 1 in title_tokens:
            continue
        j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ in ("a", "an", "the"))
        if j not in title_tokens:
            continue
        start = k
        while start > 0 and start - 1 not in taken and start - 1 not in title_tokens and doc[start - 1].pos_ == "PROPN" \
                and _capitalised(doc[start - 1]) and k - start < 4:
            start -= 1
        before = doc[start - 1] if start > 0 else None
        if k - start >= 2 and (before is None or before.lower_ in ("and", ",", "were", "was", "by", "with")) \
                and _looks_like_a_name(doc[start:k]) and not any(t.lower_ in portfolio_words() for t in doc[start:k]):
            out.append(Span(doc, start, k, label=L.PERSON))
    return out


def _names_after_honorifics(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Mr Albanese said' where the model tagged nothing: the capitalised words after 'Mr' are a name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc[:-1]:
        if tok.lower_ not in _PERSONAL_HONORIFICS:
            continue
        j = tok.i + 1
        while j < len(doc) and j not in taken and _capitalised(doc[j]) and j - tok.i <= 3:
            j += 1
        if j > tok.i + 1 and not any(k in taken for k in range(tok.i + 1, j)):
            out.append(Span(doc, tok.i + 1, j, label=L.PERSON))
    return out


def _capitalised(tok: Token) -> bool:
    """'Carlson', 'MaryKay', 'McCarthy': an upper-case initial, then lower case (not an acronym)."""
    return tok.text[:1].isupper() and any(c.islower() for c in tok.text[1:])


def _unlabelled_surnames(doc: Doc, ents: list[Span], title_tokens: set[int]) -> list[Span]:
    """'Meloni is due to travel …' where the model tagged nothing: the surname of a person named elsewhere
    in the article (a proper noun standing alone) is that person."""
    surnames = {e[-1].text for e in ents if e.label_ == L.PERSON and len(e) > 1 and e[-1].text[:1].isupper()}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc:
        if (tok.text in surnames and tok.i not in taken and not tok.ent_type_
                and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_title and tok.dep_ in (L.NSUBJ, L.DEP, L.ROOT))
                # "Rice prices", but not "Sanders issues a statement" (a 'noun' with an object is a verb)
                and not (tok.dep_ == L.COMPOUND and tok.head.pos_ == "NOUN"
                         and not any(c.dep_ == L.DOBJ for c in tok.head.children))
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN")
                and not (tok.i > 0 and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN"
                         and not doc[tok.i - 1].is_sent_start and tok.i - 1 not in title_tokens)):
            out.append(Span(doc, tok.i, tok.i + 1, label=L.PERSON))
    return out


def _inverted_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Surname, Given.' standing alone, the given names tagged a person, a capitalised title after it."""
    people = {i for e in ents if e.label_ == L.PERSON for i in range(e.start, e.end)}
    out = []
    for tok in tokens_with_lower(doc, (",",)):
        if tok.i < 1 or tok.i + 2 >= len(doc) or not doc[tok.i - 1].is_title:
            continue
        start = tok.i - 1 if doc[tok.i - 1].is_title else None
        if start is not None and start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1  # a two-word surname
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and (doc[end].is_title or _INITIAL.match(doc[end].text)):
            end += 1
        if (start is None or end == tok.i + 1 or end >= len(doc) or doc[end].text != "."
                or not (start == 0 or doc[start].is_sent_start or doc[start - 1].text in (".", ":", ")"))
                or not any(i in people for i in range(tok.i + 1, end))
                or lookup_country(doc[tok.i + 1:end].text) is not None
                or end + 1 < len(doc) and not (doc[end + 1].is_title or doc[end + 1].is_space)):
            continue
        out.append(Span(doc, start, end, label=L.PERSON))
    return out


_INITIAL = re.compile(r"^[A-Z]\.$")


def _thinks(ent: Span) -> bool:
    """A one-word name the gazetteer does not know, with no article, as the subject of a verb of thought."""
    tok = ent.root
    return (len(ent) == 1 and tok.dep_ == L.NSUBJ and tok.head.lemma_.lower() in _THINKING_VERBS
            and lookup_country(ent.text) is None and ent.text not in organization_surface_forms()
            and ent.text.istitle() and not any(c.lower_ in ("the", "a", "an") for c in tok.children))


_THINKING_VERBS = words("names", "thinking_verbs")


def _used_as_place(tok: Token) -> bool:
    """'officials in Washington', 'flew to Paris': a place even where someone of that surname is named."""
    prep = tok.head
    return tok.dep_ == L.POBJ and prep.lower_ in _PLACE_PREPOSITIONS and prep.head.lower_ != "according"


_PLACE_PREPOSITIONS = words("names", "place_prepositions")
_FIGURE_UNITS = words("names", "figure_units")
_PERSON_NOUNS = words("names", "person_nouns")
_FACILITY_HEADS = words("names", "facility_heads")
_PLACE_OPENERS = words("names", "place_openers")
_PLACE_BOUND_TITLES = words("names", "place_bound_titles")
_POSTING_VERBS = words("names", "posting_verbs")
_NAME_LABELS = (L.PERSON, L.ORG, L.GPE, L.LOC, L.FAC, L.NORP)


def _after_titles(doc: Doc, start: int, end: int, title_tokens: set[int]) -> int:
    """First token of a person's name after leading honorifics, titles and the country they qualify
    ("US National Security Advisor Susan Rice" -> "Susan Rice")."""
    lead = start
    while lead < end - 1:
        if doc[lead].lower_ in HONORIFICS or lead in title_tokens:
            lead += 1
            continue
        country = next((n for n in (3, 2, 1) if lead + n < end and lead + n in title_tokens
                        and lookup_country(doc[lead:lead + n].text)), 0)
        if not country:
            break
        lead += country
    return lead if lead < end else start


def _split_at_commas(doc: Doc, start: int, end: int, label: str, surnames: set[str]) -> list[Span]:
    """'Xinhua, Meng' read as one ORG: keep the known organization, and a known surname as a person."""
    out: list[Span] = []
    part = start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            if i > part:
                span = doc[part:i]
                if span.text in organization_surface_forms() or span.text.lower() in organization_surface_forms():
                    out.append(Span(doc, part, i, label=L.ORG))
                elif len(span) == 1 and span.text in surnames:
                    out.append(Span(doc, part, i, label=L.PERSON))
            part = i + 1
    return out
