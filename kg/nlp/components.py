"""The project's spaCy components: line-break sentence starts, the diplomacy gazetteer, span repair.

Registered with spaCy's factory registry, so a pipeline config can name them
(`[components.kg_gazetteer] factory = "kg_gazetteer"`).
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.data import word_list, words
from kg.nlp import labels as L
from kg.nlp.gazetteer import (
    country_forms,
    organization_surface_forms,
    outlet_surface_forms,
    portfolio_words,
    titles,
)

TITLES_KEY = "kg_titles"
HONORIFICS = words("names", "honorifics")
#: Lower-case words inside personal names ("Ursula von der Leyen", "Faisal bin Farhan").
NAME_PARTICLES = words("names", "particles")


def name_parts(full: str) -> tuple[str, ...]:
    """The words of a full name one may be called by alone: first, last and middle names ('Lula' of
    'Luiz Inacio Lula da Silva', 'Sisi' of 'Abdel Fattah el-Sisi'), not 'da', 'el' or 'Jr.'."""
    return tuple(w for w in re.split(r"[\s\-]+", full) if w and w not in NAME_PARTICLES and w not in ("Jr.", "Sr."))


_GOV_HEADS = list(word_list("names", "body_heads"))


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: news paragraphs and headings never run together; and
    no sentence starts where nothing ends one ('… and Minister of Foreign Affairs | Ann Lee received …')."""
    # One array write: setting Token.is_sent_start checks the whole Doc each time (quadratic on long texts).
    starts = numpy.zeros((len(doc), 1), dtype="int64")
    starts[:1, 0] = 1
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            starts[tok.i, 0] = 1
        elif before.is_alpha and tok.is_alpha:
            starts[tok.i, 0] = -1
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64"))
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
        exact = {n for n in names if _is_acronym(n) or n[:1].islower()}
        self.phrases.add(L.ORG, list(nlp.tokenizer.pipe(sorted(names - exact))))
        self.acronyms.add(L.ORG, list(nlp.tokenizer.pipe(sorted(exact))))
        self.outlets = {n.lower() for n in outlet_surface_forms()}
        countries = sorted(f for f, cf in country_forms().items() if cf.form in ("name", "capital") and len(f) > 1)
        self.phrases.add(L.GPE, list(nlp.tokenizer.pipe(countries)))
        self.demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")  # "Ghanaian officials"; "french fries" is not
        forms = sorted({f.title() for f, cf in country_forms().items() if cf.form == "demonym"})
        self.demonyms.add(L.NORP, list(nlp.tokenizer.pipe(forms)))
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles = titles()
        for variant, _role in self.roles.items():
            # "foreign ministers", "secretaries": a plural names the same title for several holders
            # an abbreviation ("Gen.") is one token only as written capitalised: "gen." splits
            written = [nlp.tokenizer(variant.title())] if "." in variant else []
            self.title_matcher.add(variant, [nlp.tokenizer(variant), nlp.tokenizer(_plural(variant)), *written])
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
            if span.label_ == L.ORG and not (span[0].is_title or span[0].is_upper or span[0].text[:1].isdigit()):
                continue  # "the parliament voted", "a party congress": common nouns, not a named body
            found.append(span)
        model_ents = list(doc.ents)
        taken = {i for e in model_ents for i in range(e.start, e.end)}
        for _, start, end in self.demonyms(doc):
            # Demonyms only fill gaps: inside "Chinese Foreign Ministry" the model's organization stays.
            if not taken.intersection(range(start, end)):
                found.append(Span(doc, start, end, label=L.NORP))
        for _, start, end in self.bodies(doc):
            # Government bodies by pattern only fill gaps: a model ORG that overlaps is kept.
            span = Span(doc, start, end, label=L.ORG)
            if span.text.lower() not in self.roles and not any(
                    e.label_ == L.ORG and e.start < end and start < e.end for e in model_ents):
                found.append(span)
        doc.ents = _merge(model_ents, filter_spans(found), self.outlets)
        title_spans = []
        for match_id, start, end in self.title_matcher(doc):
            if doc[end - 1].pos_ == "VERB":
                continue  # "X, who heads the council": a verb, read by the role rules as one
            variant = doc.vocab.strings[match_id]
            title_spans.append(Span(doc, start, end, label=self.roles[variant]))
        doc.spans[TITLES_KEY] = [_with_portfolio(t) for t in filter_spans(title_spans)]
        return doc


#: Title words a portfolio may follow: "Minister of Treasury and Finance", "Secretary for Home Affairs".
PORTFOLIO_HEADS = words("names", "portfolio_heads")


def _with_portfolio(title: Span) -> Span:
    """'Minister' + 'of Energy and Natural Resources': the portfolio is part of the title, so the
    name after it is found and 'Treasury' is not read as the organization."""
    doc = title.doc
    if title[-1].lower_ not in PORTFOLIO_HEADS or title.end + 1 >= len(doc) or doc[title.end].lower_ not in ("of", "for"):
        return title
    words = portfolio_words()
    k = title.end + 1 + (doc[title.end + 1].lower_ == "the")
    end = None
    while k < len(doc):
        tok = doc[k]
        if tok.lower_ in words:
            k += 1
            end = k
        elif tok.lower_ in ("and", "&", ",") and end == k and k + 1 < len(doc) and doc[k + 1].lower_ in words:
            k += 1
        else:
            break
    return Span(doc, title.start, end, label=title.label_) if end else title


def _plural(variant: str) -> str:
    words = variant.split()
    last = words[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _org_surface_forms() -> set[str]:
    return set(organization_surface_forms())


def _is_acronym(name: str) -> bool:
    return name.replace(".", "").replace("-", "").isupper() and len(name) <= 6


def _merge(model: list[Span], ours: list[Span], outlets: set[str] = frozenset()) -> list[Span]:
    """Our spans replace overlapping model spans, except a longer model span that contains ours
    ("Renmin University of China" keeps its "China"). A news agency or outlet always wins: "Xinhua"
    is an organization inside "(Xinhua)", "Xinhua, Meng" or a byline."""
    keep_model = []
    for e in model:
        inside = [s for s in ours if s.start < e.end and e.start < s.end]
        contained = all(e.start <= s.start and s.end <= e.end and len(e) > len(s) for s in inside)
        if any(s.text.lower() in outlets for s in inside):
            contained = False
        if not inside or contained and e.label_ in (L.ORG, L.FAC, L.PERSON):
            keep_model.append(e)
    ours = [s for s in ours if not any(e.start <= s.start and s.end <= e.end for e in keep_model)]
    return filter_spans(keep_model + ours)


@Language.component("kg_span_repair")
def span_repair(doc: Doc) -> Doc:
    """Fix the span errors a general news model makes on diplomatic text (kg.nlp.span_repair.REPAIRS, in order)."""
    from kg.nlp.span_repair import repair_spans  # imported here: the repairs read this module's word lists

    return repair_spans(doc)

