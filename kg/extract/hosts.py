"""The host's country: who receives a visitor in a country's capital is read as that country's office-holder.

Wire copy and readouts often give the host a title and no country: "Macron flew on to Kyiv, where he
met President Zelensky"; "BEIJING — Australia's prime minister was received by President Xi"; "he
is scheduled to meet Foreign Minister X in Ankara". An analyst reads the host's post as one of the
country the meeting is in. The rule needs a visitor (someone travelling there, or a participant the
document ties to another country) so that "Biden met President X in Washington" gives X nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.facts import COUNTRY, PERSON, Meeting, Role
from kg.extract.visits import GATHERING_NOUNS, country_of_place
from kg.nlp import labels as L
from kg.nlp.gazetteer import lookup_country
from kg.nlp.layout import dateline_and_byline_tokens

#: Posts that belong to a country's government: a host holding one holds it for the host country.
NATIONAL_POSTS = words("hosts", "national_posts")
#: Verbs of going somewhere: their subject is the visitor, their destination the host country.
_TRAVEL_VERBS = words("hosts", "travel_verbs")
#: Gatherings whose venue is no host's country: "met Xi at the G20 summit in Buenos Aires".
_VENUES = words("hosts", "venues")


def fill_host_countries(doc: Doc, index: EntityIndex, roles: list[Role], meetings: list[Meeting],
                        dateline: str | None = None) -> list[Role]:
    """Roles whose holder hosted a visitor in a known country take that country, where none was written.

    `dateline` is the place of the dateline ingest took off the text, if it did."""
    known = {r.person: index.entities[r.organization].name for r in roles
             if r.organization and index.entities[r.organization].kind == COUNTRY}
    countries: dict[str, set[str]] = {}
    home = _dateline_country(doc) or (found.country.name if dateline and (found := lookup_country(dateline)) else None)
    for meeting in meetings:
        if meeting.cue in GATHERING_NOUNS or meeting.mode != "in person" or meeting.planned:
            continue  # a summit's venue is nobody's home; a call has no host country; a plan may change
        sent = _sentence_at(doc, meeting.evidence.start)
        if sent is None or any(t.lemma_.lower() in _VENUES and t.head.lower_ in ("at", "of") for t in sent):
            continue  # "met Xi at the G20 summit in Buenos Aires": the summit's venue, not a host's
        travellers = _travellers(sent, index)
        country = (country_of_place(meeting.place, index) if meeting.place else None) or \
            next(iter({c for _, c in travellers}), None) or _visited(sent, index) or \
            (home if not meeting.planned else None)
        if country is None:
            continue
        visitors = {p for p, c in travellers if c == country} | {
            p for p in meeting.participants if known.get(p) not in (None, country)}
        if not visitors or len({known.get(p) for p in visitors} - {None}) > 1:
            continue  # nobody came from abroad, or two foreign sides met on neutral ground
        for p in meeting.participants:
            if p not in visitors and p not in known and index.entities[p].kind == PERSON:
                countries.setdefault(p, set()).add(country)
    out = []
    for r in roles:
        found = countries.get(r.person, set())
        if (not r.organization and not r.relative_to and r.role_norm in NATIONAL_POSTS and len(found) == 1
                and (country := index.add_country(next(iter(found)))) is not None):
            r = replace(r, organization=country, confidence=0.5)
        out.append(r)
    return out


def _sentence_at(doc: Doc, char: int) -> Span | None:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None and len(tok) else None


def _travellers(sent: Span, index: EntityIndex) -> list[tuple[str, str]]:
    """(person, country) for 'X flew to Kyiv', 'X visited Riyadh', 'X arrived in Hanoi'."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TRAVEL_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ in L.SUBJECTS), None)
        person = index.entity_of(subject) if subject is not None else None
        if person is None or index.entities[person].kind != PERSON:
            continue
        for dest in _destinations(verb):
            if (country := _token_country(dest, index)) is not None:
                out.append((person, country))
                break
    return out


def _visited(sent: Span, index: EntityIndex) -> str | None:
    """The country of 'the President's second visit to the UK', 'a state visit to France' in the sentence."""
    for noun in sent:
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in ("visit", "trip"):
            for prep in noun.children:
                if prep.dep_ == L.PREP and prep.lower_ == "to":
                    for dest in prep.children:
                        if dest.dep_ == L.POBJ and (country := _token_country(dest, index)) is not None:
                            return country
    return None


def _destinations(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ == L.DOBJ] if verb.lemma_.lower() == "visit" else []
    for prep in verb.children:
        if prep.dep_ == L.PREP and prep.lower_ in ("to", "in", "into", "for"):
            out += [c for c in prep.children if c.dep_ == L.POBJ]
    return out


def _token_country(tok: Token, index: EntityIndex) -> str | None:
    key = index.entity_of(tok)
    return country_of_place(key, index) if key else None


def _dateline_country(doc: Doc) -> str | None:
    """The country of the story's dateline city ('KYIV —', 'NEW DELHI, March 3 -'), if the story opens with one
    (after its headline, byline and date lines)."""
    marked = sorted(i for i in dateline_and_byline_tokens(doc) if i < _DATELINE_WITHIN)
    runs: list[list[int]] = []
    for i in marked:  # a byline line and a dateline prefix are separate runs of marked tokens
        if runs and i == runs[-1][-1] + 1 and not doc[i - 1].is_space:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        words = [t.text for t in (doc[i] for i in run) if not t.is_space]
        words = words[:next((n for n, w in enumerate(words) if not w.isalpha()), len(words))]
        for n in range(len(words), 0, -1):
            if (found := lookup_country(" ".join(words[:n]))) is not None:
                return found.country.name
    return None


#: How far into a story its dateline may stand: past a headline, a byline and a date line.
_DATELINE_WITHIN = 80
