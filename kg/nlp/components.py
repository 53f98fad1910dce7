"""The project's spaCy components: line-break sentence starts, the diplomacy gazetteer, span repair.

Registered with spaCy's factory registry, so a pipeline config can name them
(`[components.kg_gazetteer] factory = "kg_gazetteer"`).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.nlp import labels as L
from kg.nlp.gazetteer import (
    country_forms,
    lookup_country,
    organization_surface_forms,
    outlet_surface_forms,
    portfolio_words,
    titles,
)
from kg.nlp.layout import dateline_and_byline_tokens

TITLES_KEY = "kg_titles"
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "dame", "lord", "h.e.", "shri", "smt", "smt."})
#: Honorifics that only stand before a person's name.
_PERSONAL_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "dame"})
#: Lower-case words inside personal names ("Ursula von der Leyen", "Faisal bin Farhan").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la",
                            "le", "ter", "ten", "bin", "ibn", "al", "el"})


def name_parts(full: str) -> tuple[str, ...]:
    """The words of a full name one may be called by alone: first, last and middle names ('Lula' of
    'Luiz Inacio Lula da Silva', 'Sisi' of 'Abdel Fattah el-Sisi'), not 'da', 'el' or 'Jr.'."""
    return tuple(w for w in re.split(r"[\s\-]+", full) if w and w not in NAME_PARTICLES and w not in ("Jr.", "Sr."))


_GOV_HEADS = ["ministry", "department", "council", "commission", "agency", "office", "parliament", "assembly",
              "senate", "congress", "bureau", "committee", "administration", "court", "party", "university",
              "institute", "academy", "school", "center", "centre", "army", "navy", "force", "forces", "police"]
#: Country names that are also common nouns; in lower case they are the noun ("the china", "a turkey").
_COMMON_NOUNS = frozenset({"china", "turkey", "chad", "jordan", "guinea"})
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
            self.title_matcher.add(variant, [nlp.tokenizer(variant), nlp.tokenizer(_plural(variant))])
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
            variant = doc.vocab.strings[match_id]
            title_spans.append(Span(doc, start, end, label=self.roles[variant]))
        doc.spans[TITLES_KEY] = [_with_portfolio(t) for t in filter_spans(title_spans)]
        return doc


#: Title words a portfolio may follow: "Minister of Treasury and Finance", "Secretary for Home Affairs".
PORTFOLIO_HEADS = frozenset({"minister", "ministers", "secretary", "commissioner", "undersecretary"})


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
    """Fix the span errors a general news model makes on diplomatic text: titles and possessives
    inside person spans, titles read as organizations, datelines and bylines read as entities."""
    _join_name_particles(doc)
    _join_cut_bodies(doc)
    title_spans = list(doc.spans.get(TITLES_KEY, []))
    title_tokens = {i for s in title_spans for i in range(s.start, s.end)}
    layout = dateline_and_byline_tokens(doc)
    outlets = {n.lower() for n in outlet_surface_forms()}
    forms = country_forms()
    surnames = {t.text for e in doc.ents if e.label_ == L.PERSON and len(e) > 1 for t in (e[0], e[-1])}
    name_tails = {tuple(t.lower_ for t in e[k:]) for e in doc.ents if e.label_ == L.PERSON for k in range(1, len(e) - 1)}
    ents: list[Span] = []
    for e in doc.ents:
        start, end, label = e.start, e.end, e.label_
        if e.text.lower() not in outlets and (e.start in layout or _DATELINE_TAIL.search(e.text)):
            continue  # "WASHINGTON •", "By Liu Xin": where and by whom, not who
        if label == L.ORG and not any(c.isupper() for c in e.text) or e.text in _COMMON_NOUNS:
            continue  # "the party congress", "packed the china": news text capitalises names
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if label == L.PERSON:
            start = _after_titles(doc, start, end, title_tokens)
        if all(t.lower_ in HONORIFICS for t in doc[start:end]):
            continue  # "H.E. Mr." read as an organization
        if label == L.ORG and end - 1 in title_tokens and doc[start:end].text.lower() not in outlets \
                and doc[_last_before_titles(start, end, title_tokens) - 1].lower_ not in ("of", "the", "for"):
            # "US National Security Advisor": a title, not an organization; what precedes it stays.
            # ("Office of the President" names a body: the title there is not held by anyone.)
            while end > start and end - 1 in title_tokens:
                end -= 1
            rest = doc[start:end].text
            label = L.GPE if rest and (rest in forms or rest.lower().strip(".") in forms) else L.ORG
        if label in (L.ORG, L.GPE) and "," in doc[start:end].text:
            ents.extend(_split_at_commas(doc, start, end, label, surnames))
            continue
        if label == L.ORG and (cut := _name_inside_body(doc, start, end, title_tokens)):
            ents.append(Span(doc, start, cut, label=L.GPE if lookup_country(doc[start:cut].text) else L.ORG))  # "Head of the Intelligence Organisation Ann Lee"
            start, label = cut, L.PERSON
        if label == L.ORG and start - 1 in title_tokens and _looks_like_a_name(doc[start:end]):
            label = L.PERSON  # "German Chancellor Olaf Scholz" read as an organization
        if label in (L.ORG, L.GPE) and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who" \
                and _looks_like_a_name(doc[start:end]):
            label = L.PERSON  # "Moussa Faki Mahamat, who chairs …": 'who' is said of people
        if label != L.PERSON and start > 0 and doc[start - 1].lower_ in _PERSONAL_HONORIFICS and end - start <= 3 \
                and all(_capitalised(t) or t.lower_ in NAME_PARTICLES for t in doc[start:end]):
            label = L.PERSON  # "Mr Albanese" read as a nationality, "Ms Mao" as a place
        if label in (L.ORG, L.GPE, L.LOC) and _in_apposition_to_a_title(doc, start, end, title_tokens) \
                and _looks_like_a_name(doc[start:end]):
            label = L.PERSON  # "Finland's president, Sauli Niinistö," / "Ann Lee, Canada's trade minister,"
        if (label in (L.ORG, L.GPE, L.LOC, L.FAC) and end - start == 1 and doc[start].text in surnames
                and not _used_as_place(doc[start])):
            label = L.PERSON  # "Hong said": a surname the model read as a place or company
        if label in (L.ORG, L.GPE, L.LOC, L.FAC) and end - start > 1 and tuple(t.lower_ for t in doc[start:end]) in name_tails:
            label = L.PERSON  # "Von der Leyen said" after "Ursula von der Leyen": the end of a name in the text
        if end > start:
            ents.append(Span(doc, start, end, label=label))
    ents = [e for e in ents if not _inside_a_title(e, title_spans)]
    ents += _names_after_titles(doc, ents, title_spans)
    ents += _names_after_honorifics(doc, ents)
    doc.ents = _one_type_per_name(_confirmed_in_headlines(
        doc, filter_spans(ents + _unlabelled_surnames(doc, ents, title_tokens)), layout))
    named = {i for e in doc.ents if e.label_ in (L.ORG, L.FAC, L.GPE) for i in range(e.start, e.end)}
    doc.spans[TITLES_KEY] = filter_spans([t for t in title_spans if t.start not in named])  # "UN General Assembly"
    return doc



def _last_before_titles(start: int, end: int, title_tokens: set[int]) -> int:
    """The end of a span once the titles closing it are taken off (at least its first token)."""
    while end > start + 1 and end - 1 in title_tokens:
        end -= 1
    return end


def _inside_a_title(ent: Span, title_spans: list[Span]) -> bool:
    """'Treasury' in 'Minister of Treasury and Finance': part of the title, not a body of its own."""
    return ent.label_ in (L.ORG, L.GPE) and any(t.start < ent.start and ent.end <= t.end for t in title_spans)


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


def _join_cut_bodies(doc: Doc) -> None:
    """'the Office of the President of' + 'Ukraine': a body's name cut after its 'of' is one organization."""
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


def _join_name_particles(doc: Doc) -> None:
    """'Ursula von' + 'Leyen' (a place): a name cut at its particles is one person, 'Ursula von der Leyen'."""
    ents = list(doc.ents)
    changed = False
    for n, e in enumerate(ents):
        if e.label_ != L.PERSON:
            continue
        k = e.end
        while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and doc[k].is_lower:
            k += 1
        if (k > e.end or doc[e.end - 1].lower_ in NAME_PARTICLES) and k < len(doc) and doc[k].is_title:
            ents[n] = Span(doc, e.start, k + 1, label=L.PERSON)
            changed = True
    if changed:
        kept = [e for e in ents if e.label_ == L.PERSON] + [
            e for e in ents if e.label_ != L.PERSON and not any(p.start < e.end and e.start < p.end for p in ents
                                                                if p.label_ == L.PERSON)]
        doc.ents = filter_spans(kept)


#: Head words of a named body that a person's name may follow inside one model span.
_BODY_HEADS = frozenset(_GOV_HEADS) | {"organisation", "organization", "corporation", "company", "group", "bank",
                                      "fund", "foundation", "association", "authority", "service", "agency"}


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
    return (2 <= len(span) <= 4 and all(t.is_title or t.lower_ in NAME_PARTICLES for t in span)
            and not any(t.lower_ in _GOV_HEADS for t in span) and span.text not in organization_surface_forms()
            and lookup_country(span.text) is None)


def _names_after_titles(doc: Doc, ents: list[Span], title_spans: list[Span]) -> list[Span]:
    """'his Iranian counterpart Hossein Amir-Abdollahian', 'President Kais Saied' where the model tagged
    nothing: two to four capitalised proper nouns right after a title or 'counterpart' are a name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    ends = [t.end for t in title_spans] + [t.i + 1 for t in doc if t.lower_ == "counterpart"]
    # "Ambassador to the Philippines MaryKay Carlson": the name follows the title's country.
    places = {e.start: e.end for e in ents if e.label_ == L.GPE}
    for t in title_spans:  # ... and "President of the Republic of Türkiye Recep Tayyip Erdogan" its country
        if t.end < len(doc) and doc[t.end].lower_ in ("to", "of"):
            m = t.end + 1 + (t.end + 1 < len(doc) and doc[t.end + 1].lower_ == "the")
            if m in places:
                ends.append(places[m])
    out = []
    for k in ends:
        j = k
        while (j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and not doc[j].ent_type_
               and (_capitalised(doc[j]) or doc[j].lower_ in NAME_PARTICLES) and doc[j].lower_ not in _GOV_HEADS
               and j - k < 4):
            j += 1
        while j > k and doc[j - 1].lower_ in NAME_PARTICLES:
            j -= 1
        if j - k >= 2 and (j >= len(doc) or not (doc[j].is_title and doc[j].pos_ == "PROPN")):
            out.append(Span(doc, k, j, label=L.PERSON))
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
                and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_title and tok.dep_ in ("nsubj", "dep", "ROOT"))
                # "Rice prices", but not "Sanders issues a statement" (a 'noun' with an object is a verb)
                and not (tok.dep_ == "compound" and tok.head.pos_ == "NOUN"
                         and not any(c.dep_ == "dobj" for c in tok.head.children))
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN")
                and not (tok.i > 0 and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN"
                         and not doc[tok.i - 1].is_sent_start and tok.i - 1 not in title_tokens)):
            out.append(Span(doc, tok.i, tok.i + 1, label=L.PERSON))
    return out


def _used_as_place(tok: Token) -> bool:
    """'officials in Washington', 'flew to Paris': a place even where someone of that surname is named."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in _PLACE_PREPOSITIONS and prep.head.lower_ != "according"


_PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "toward", "towards"}


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
