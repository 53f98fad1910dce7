"""The project's spaCy components: line-break sentence starts, the diplomacy gazetteer, span repair.

Registered with spaCy's factory registry, so a pipeline config can name them
(`[components.kg_gazetteer] factory = "kg_gazetteer"`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp import labels as L
from kg.nlp.gazetteer import country_forms, organization_surface_forms, titles

TITLES_KEY = "kg_titles"
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "dame", "lord", "h.e."})
_GOV_HEADS = ["ministry", "department", "council", "commission", "agency", "office", "parliament", "assembly",
              "senate", "congress", "bureau", "committee", "administration", "court", "party", "university",
              "institute", "academy", "school", "center", "centre", "army", "navy", "force", "forces", "police"]
_DATELINE_TAIL = re.compile(r"[•—–]\s*$")


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: news paragraphs and headings never run together."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp)


class Gazetteer:
    """Marks countries, international bodies, agencies, outlets and government bodies as entities,
    and role titles as spans in `doc.spans["kg_titles"]` (label = normalized role)."""

    def __init__(self, nlp: Language) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")  # "WHO" is an organization, "who" is not
        names = _org_surface_forms()
        self.phrases.add(L.ORG, list(nlp.tokenizer.pipe(sorted(n for n in names if not _is_acronym(n)))))
        self.acronyms.add(L.ORG, list(nlp.tokenizer.pipe(sorted(n for n in names if _is_acronym(n)))))
        countries = sorted(f for f, cf in country_forms().items() if cf.form in ("name", "capital") and len(f) > 1)
        self.phrases.add(L.GPE, list(nlp.tokenizer.pipe(countries)))
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles = titles()
        for variant, _role in self.roles.items():
            self.title_matcher.add(variant, [nlp.tokenizer(variant)])
        self.bodies = Matcher(nlp.vocab)
        heads = {"LOWER": {"IN": _GOV_HEADS}}
        cap = {"IS_TITLE": True, "IS_SENT_START": False}
        conj = [{"LOWER": "and"}, {"IS_TITLE": True, "OP": "+"}]
        of_tail = [{"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True},
                   {"LOWER": {"IN": ["and", "of", "&"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "*"}]
        self.bodies.add("BODY", [[{"IS_TITLE": True, "OP": "*"}, {**heads, "IS_TITLE": True}],
                                 [cap, {"IS_TITLE": True, "OP": "*"}, *conj, {**heads, "IS_TITLE": True}],
                                 [{"LOWER": {"IN": ["ministry", "department", "office", "bureau"]}, "IS_TITLE": True}, *of_tail],
                                 [cap, {**heads, "IS_TITLE": True}, *of_tail]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in [*self.phrases(doc), *self.acronyms(doc)]:
            span = Span(doc, start, end, label=match_id)
            if span.label_ == L.GPE and not any(t.is_title or t.is_upper for t in span):
                continue  # "china" in lower case is porcelain, not a country
            found.append(span)
        model_ents = list(doc.ents)
        for _, start, end in self.bodies(doc):
            # Government bodies by pattern only fill gaps: a model ORG that overlaps is kept.
            span = Span(doc, start, end, label=L.ORG)
            if span.text.lower() not in self.roles and not any(
                    e.label_ == L.ORG and e.start < end and start < e.end for e in model_ents):
                found.append(span)
        doc.ents = _merge(model_ents, filter_spans(found))
        title_spans = []
        for match_id, start, end in self.title_matcher(doc):
            variant = doc.vocab.strings[match_id]
            title_spans.append(Span(doc, start, end, label=self.roles[variant]))
        doc.spans[TITLES_KEY] = filter_spans(title_spans)
        return doc


def _org_surface_forms() -> set[str]:
    return set(organization_surface_forms())


def _is_acronym(name: str) -> bool:
    return name.replace(".", "").replace("-", "").isupper() and len(name) <= 6


def _merge(model: list[Span], ours: list[Span]) -> list[Span]:
    """Our spans replace overlapping model spans, except a longer model span that contains ours
    ("Renmin University of China" keeps its "China")."""
    keep_model = []
    for e in model:
        inside = [s for s in ours if s.start < e.end and e.start < s.end]
        if not inside or all(e.start <= s.start and s.end <= e.end and len(e) > len(s) for s in inside) and e.label_ in (L.ORG, L.FAC, L.PERSON):
            keep_model.append(e)
    ours = [s for s in ours if not any(e.start <= s.start and s.end <= e.end for e in keep_model)]
    return filter_spans(keep_model + ours)


@Language.component("kg_span_repair")
def span_repair(doc: Doc) -> Doc:
    """Fix the span errors a general news model makes on diplomatic text:
    titles and possessives inside person spans, titles read as organizations, datelines as entities."""
    title_spans = list(doc.spans.get(TITLES_KEY, []))
    title_tokens = {i for s in title_spans for i in range(s.start, s.end)}
    forms = country_forms()
    surnames = {t.text for e in doc.ents if e.label_ == L.PERSON and len(e) > 1 for t in (e[0], e[-1])}
    ents: list[Span] = []
    for e in doc.ents:
        start, end, label = e.start, e.end, e.label_
        if _DATELINE_TAIL.search(e.text) or (e.text.isupper() and end < len(doc) and doc[end].text in "•—–"):
            continue
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if label == L.PERSON:
            lead = start
            while lead < end and (doc[lead].lower_ in HONORIFICS or lead in title_tokens):
                lead += 1
            start = lead
        if label == L.ORG and end - 1 in title_tokens:
            # "US National Security Advisor": a title, not an organization; what precedes it stays.
            while end > start and end - 1 in title_tokens:
                end -= 1
            rest = doc[start:end].text
            label = L.GPE if rest and (rest in forms or rest.lower().strip(".") in forms) else L.ORG
        if label in (L.ORG, L.GPE) and "," in doc[start:end].text:
            ents.extend(_split_at_commas(doc, start, end, label, surnames))
            continue
        if label in (L.ORG, L.GPE) and end - start == 1 and doc[start].text in surnames:
            label = L.PERSON  # "Hong said": a surname the model read as a place or company
        if end > start:
            ents.append(Span(doc, start, end, label=label))
    doc.ents = filter_spans(ents)
    doc.spans[TITLES_KEY] = filter_spans(title_spans)
    return doc


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
