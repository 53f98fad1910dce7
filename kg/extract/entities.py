"""Canonical entities and mentions of one document: names, aliases, surnames, metonymy.

"Barack Obama", "Obama" and "Mr Obama" become one Person; "US", "U.S." and "Washington" (speaking
as a government) become the Country United States. Keys are stable across documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.data import word_map, words
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, PLACE, Entity, Mention
from kg.nlp import labels as L
from kg.nlp.components import _GOV_HEADS, name_parts
from kg.nlp.gazetteer import lookup_country, lookup_organization, norm

_SPEAKING_DEPS = L.SUBJECTS | {L.POSS}


def entity_key(kind: str, name: str) -> str:
    """A stable key for an entity: its kind and normalized canonical name."""
    slug = re.sub(r"[^\w]+", " ", name.lower()).strip()
    return f"{kind.lower()}:{slug}"


class EntityIndex:
    """The entities of one document, with a map from token index to entity key."""

    def __init__(self, doc: Doc, document_id: str) -> None:
        self.doc = doc
        self.document_id = document_id
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.token_entity: dict[int, str] = {}
        self._aliases: dict[str, set[str]] = {}
        self._person_at: dict[int, str] = {}  # a mention's full name where its honorific overrules its text's
        self._resolve()

    # -- queries used by the extractors -------------------------------------------------------
    def entity_of(self, token: Token) -> str | None:
        return self.token_entity.get(token.i)

    def entities_in(self, span: Span, kinds: tuple[str, ...] | None = None) -> list[str]:
        """Keys of the entities mentioned in `span`, in order, without repeats."""
        out: list[str] = []
        for i in range(span.start, span.end):
            k = self.token_entity.get(i)
            if k and k not in out and (kinds is None or self.entities[k].kind in kinds):
                out.append(k)
        return out

    def mention_span(self, token: Token) -> Span | None:
        for m in self.doc.ents:
            if m.start <= token.i < m.end and m.start in self.token_entity:
                return m
        return None

    def name(self, key: str | None) -> str:
        return self.entities[key].name if key and key in self.entities else ""

    def add(self, kind: str, name: str, alias: str | None = None, **extra: object) -> str:
        """Register an entity found outside NER (a delegation, an organization from a title)."""
        key = entity_key(kind, name)
        self._register(key, kind, name, alias or name, **extra)
        return key

    def add_country(self, name: str) -> str | None:
        """The key of the country a gazetteer form names ('Beijing', 'Kyrgyz', 'United States'), registered
        among the document's entities if new there; None when the gazetteer knows no such country."""
        found = lookup_country(name)
        return self.add(COUNTRY, found.country.name, qid=found.country.qid) if found is not None else None

    # -- construction ---------------------------------------------------------------------------
    def _resolve(self) -> None:
        persons = self._person_clusters()
        acronyms = self._acronyms()
        for ent in self.doc.ents:
            if ent.label_ not in L.ENTITY_LABELS:
                continue
            ent, short = _split_parenthesis(ent)
            if short:
                acronyms.setdefault(short, ent)
            if ent.label_ == L.ORG and _shared_head(ent) and any(t.lower_ in ("and", ",") for t in ent):
                parts = _coordinated_parts(ent)  # "Defence and Foreign" (ministries): two bodies
                for part in parts[:-1]:
                    self._add_mention(part, persons, acronyms)
                ent = parts[-1]
            self._add_mention(ent, persons, acronyms)
        for key, aliases in self._aliases.items():
            self.entities[key] = replace(self.entities[key], aliases=tuple(sorted(aliases - {self.entities[key].name})))

    def _add_mention(self, ent: Span, persons: dict[str, str], acronyms: dict[str, Span]) -> None:
        """Key one entity span and record its mention and tokens."""
        if ent.text in acronyms:  # "OPM" after "Office of Personnel Management (OPM)"
            long = acronyms[ent.text]
            key, as_gov = self._key_for(long, persons)
            if key is not None:
                self._aliases.setdefault(key, set()).add(ent.text)
        else:
            key, as_gov = self._key_for(ent, persons)
        if key is None:
            return
        self.mentions.append(Mention(ent.text, ent.start_char, ent.end_char, ent.label_, key, as_gov))
        for i in range(ent.start, ent.end):
            self.token_entity[i] = key

    def _register(self, key: str, kind: str, name: str, alias: str, **extra: object) -> None:
        if key not in self.entities:
            self.entities[key] = Entity(key=key, kind=kind, name=name, **extra)  # type: ignore[arg-type]
        self._aliases.setdefault(key, set()).add(alias)

    def _acronyms(self) -> dict[str, Span]:
        """Acronyms defined in the text: 'Office of Personnel Management (OPM)' -> OPM: that span."""
        out: dict[str, Span] = {}
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ not in (L.ORG, L.GPE, L.FAC) or ent.end + 2 >= len(doc):
                continue
            short = doc[ent.end + 1]
            if doc[ent.end].text == "(" and doc[ent.end + 2].text == ")" and short.text.isupper() and len(short) > 1:
                initials = [t.text[0] for t in ent if t.text[:1].isupper()]
                if initials and initials[0] == short.text[0] and set(short.text) <= set(initials) | {"."}:
                    out[short.text] = ent
        return out

    def _person_clusters(self) -> dict[str, str]:
        """Each person surface form -> the full name it refers to in this document."""
        ents = [e for e in self.doc.ents if e.label_ == L.PERSON]
        full = Counter(e.text for e in ents if len(e.text.split()) >= 2)
        # "Kim Jong-un" and "Kim Jong Un", "WANG Yi" and "Wang Yi": one spelling, the one written most often.
        by_form: dict[str, list[str]] = {}
        for name in full:
            by_form.setdefault(_spelling(name), []).append(name)
        out: dict[str, str] = {name: _unshouted(max(by_form[_spelling(name)], key=lambda f: (full[f], not _shouts(f), f)))
                               for name in full}
        for name in full:  # "Von der Leyen", "Lula da Silva": the end of a longer name in the text
            longer = [f for f in full if _ends_name(f, name)]
            if longer:
                out[name] = max(longer, key=lambda f: (full[f], len(f)))
        for e in ents:
            if e.text in out:
                continue
            toks = e.text.lower().split()  # "Minister Tanaka" after "TANAKA Emi"
            cands = [f for f in full if any(t in {p.lower() for p in name_parts(_uninverted(f))} for t in toks)]
            if not cands:
                out[e.text] = e.text
                continue
            # Two people may share a surname (Xi Jinping, Xi Xiaoxing): the more frequent one wins,
            # then the one named last before this mention.
            before = [x.text for x in ents if x.start < e.start and x.text in cands]
            best = max(cands, key=lambda f: (full[f], before[::-1].index(f) * -1 if f in before else -99))
            out[e.text] = out.get(best, best)
        self._person_at = _by_honorific(ents, full, out)
        return out

    def _key_for(self, ent: Span, persons: dict[str, str]) -> tuple[str | None, bool]:
        text = ent.text.strip()
        if ent.label_ == L.PERSON:
            name = _uninverted(self._person_at.get(ent.start) or persons.get(text, text))
            if not re.search(r"[^\W\d_]{2}", name):
                return None, False  # "X." (the platform), initials alone: not a name to attach facts to
            key = entity_key(PERSON, name)
            self._register(key, PERSON, name, text)
            return key, False
        if (org := lookup_organization(text)) is not None:
            key = entity_key(ORGANIZATION, org.name)
            self._register(key, ORGANIZATION, org.name, text, qid=org.qid)
            return key, False
        if (cf := lookup_country(text)) is not None:
            if cf.form == "capital" and not self._speaks_as_government(ent):
                key = entity_key(PLACE, _place_name(text))
                self._register(key, PLACE, _place_name(text), text)
                return key, False
            key = entity_key(COUNTRY, cf.country.name)
            self._register(key, COUNTRY, cf.country.name, text, qid=cf.country.qid)
            return key, cf.form == "capital"
        if ent.label_ == L.NORP:
            return None, False
        if ent.label_ == L.ORG and (shared := _shared_head(ent)):
            name = f"{_strip_article(text)} {shared}"  # "the Justice, State and Treasury departments"
            key = entity_key(ORGANIZATION, name)
            self._register(key, ORGANIZATION, name, text)
            return key, False
        if ent.label_ == L.ORG:
            name, part_of = self._org_name(ent)
            key = entity_key(ORGANIZATION, name)
            self._register(key, ORGANIZATION, name, text, part_of=part_of)
            return key, False
        name = _place_name(text)
        key = entity_key(PLACE, name)
        self._register(key, PLACE, name, text)
        return key, False

    def _org_name(self, ent: Span) -> tuple[str, str | None]:
        """'Chinese Foreign Ministry', "Russia's Foreign Ministry" -> ('Foreign Ministry (China)', China's key)."""
        words = [t for t in ent if t.lower_ not in ("the",)]
        if len(words) > 2 and words[1].text in ("'s", "’s") and lookup_country(words[0].text) is not None:
            words = [words[0], *words[2:]]  # "Chile's Foreign Ministry" tagged whole: as "Chilean Foreign Ministry"
        text = "".join(t.text_with_ws for t in words).strip()
        first = words[0].text if words else ""
        cf = lookup_country(first) or (lookup_country(" ".join(t.text for t in words[:2])) if len(words) > 2 else None)
        if cf and len(words) > 1 and cf.form in ("demonym", "name"):
            n = 2 if not lookup_country(first) else 1
            rest = " ".join(t.text for t in words[n:])
            if rest and rest[0].isupper() and not lookup_country(rest):
                country_key = entity_key(COUNTRY, cf.country.name)
                self._register(country_key, COUNTRY, cf.country.name, first, qid=cf.country.qid)
                return f"{_ministry_form(rest)} ({cf.country.name})", country_key
        doc = ent.doc
        if ent.start >= 2 and doc[ent.start - 1].text in ("'s", "’s") and any(t.lower_ in _GOV_HEADS for t in words) \
                and (owner := lookup_country(doc[ent.start - 2].text)) is not None:
            # "Russia's Foreign Ministry": the country's own, not every country's "Foreign Ministry"
            country_key = entity_key(COUNTRY, owner.country.name)
            self._register(country_key, COUNTRY, owner.country.name, doc[ent.start - 2].text, qid=owner.country.qid)
            return f"{_ministry_form(_strip_article(text))} ({owner.country.name})", country_key
        return norm(text) and _strip_article(text), None

    def _speaks_as_government(self, ent: Span) -> bool:
        """'Beijing said', 'Washington's position': the capital stands for the government."""
        root = ent.root
        return root.dep_ in _SPEAKING_DEPS or (root.dep_ == L.CONJ and root.head.dep_ in L.SUBJECTS)



_PLURAL_BODIES = word_map("entities", "plural_bodies")

#: Words right before a name that tell the person's sex ('Mr.', 'Ms', 'spokeswoman'): the resolver's lists.
_HONORIFIC_SEXES = {w: "f" for w in words("mentions", "woman_before")} | {w: "m" for w in words("mentions", "man_before")}
_PRONOUN_SEXES = word_map("entities", "pronoun_sexes")


def _by_honorific(ents: list[Span], full: Counter[str], out: dict[str, str]) -> dict[int, str]:
    """'Mr. Holm' where the story names Anna Holm (her speech) and Erik Holm (his): the bare name goes to
    the full name of the honorific's sex, by mention index. The sex of a full name comes from a honorific
    before it or the first personal pronoun after it in its sentence, with no other person between."""
    sexes: dict[str, str] = {}
    for e in ents:
        if e.text in full and (sex := _honorific_sex(e) or _pronoun_sex(e)):
            sexes.setdefault(out.get(e.text, e.text), sex)
    picked: dict[int, str] = {}
    for e in ents:
        if e.text in full or not (sex := _honorific_sex(e)) or sexes.get(out.get(e.text, e.text), sex) == sex:
            continue
        words = {w.lower() for w in e.text.split()}
        fitting = {out.get(f, f) for f in full if words & {p.lower() for p in name_parts(_uninverted(f))}
                   and sexes.get(out.get(f, f)) == sex}
        if len(fitting) == 1:
            picked[e.start] = fitting.pop()
    return picked


def _honorific_sex(ent: Span) -> str | None:
    """'m' after 'Mr.', 'f' after 'Mrs.' or 'Ms', else None."""
    return _HONORIFIC_SEXES.get(ent.doc[ent.start - 1].lower_) if ent.start > 0 else None


def _pronoun_sex(ent: Span) -> str | None:
    """The sex the first he/his/she/her after a name in its sentence tells, if no other person stands between."""
    for tok in ent.doc[ent.end:ent.sent.end]:
        if tok.ent_type_ == L.PERSON:
            return None
        if tok.lower_ in _PRONOUN_SEXES and tok.pos_ == "PRON":
            return _PRONOUN_SEXES[tok.lower_]
    return None


def _shared_head(ent: Span) -> str | None:
    """The singular head noun that coordinated names share: 'Justice' in 'the Justice and State departments'."""
    head = ent.root
    while head.dep_ == L.CONJ:
        head = head.head
    if head.dep_ in (L.NMOD, L.COMPOUND, L.AMOD) and head.head.lower_ in _PLURAL_BODIES and head.head.i > ent.end - 1:
        return _PLURAL_BODIES[head.head.lower_]
    return None


def _coordinated_parts(ent: Span) -> list[Span]:
    """'Defence and Foreign' -> 'Defence', 'Foreign' (each keeps the ORG label)."""
    parts, start = [], ent.start
    for t in ent:
        if t.lower_ in ("and", ","):
            if t.i > start:
                parts.append(Span(ent.doc, start, t.i, label=ent.label_))
            start = t.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return parts or [ent]


def _split_parenthesis(ent: Span) -> tuple[Span, str | None]:
    """'World Health Organization (WHO' read as one span: the name, and the acronym it defines."""
    paren = next((t.i for t in ent if t.text == "("), None)
    if paren is None or paren == ent.start:
        return ent, None
    inner = ent.doc[paren + 1: ent.end]
    short = inner.text.rstrip(")").strip()
    name = Span(ent.doc, ent.start, paren, label=ent.label_)
    return name, (short if short.isupper() and len(inner) == 1 else None)


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def _place_name(text: str) -> str:
    return _strip_article(text).rstrip(",. ")


def _spelling(name: str) -> str:
    """A name's letters without case, hyphens or dots: 'Kim Jong-un' ~ 'Kim Jong Un' ~ 'KIM Jong Un'."""
    return " ".join(re.sub(r"[-.‐]", " ", name).lower().split())


def _ministry_form(name: str) -> str:
    """One name for a country's ministry however the story writes it: 'Ministry of Foreign Affairs', 'Foreign
    Affairs Ministry' -> 'Foreign Ministry'; 'Ministry of Defence' -> 'Defence Ministry'."""
    m = _MINISTRY_OF.match(name) or _PORTFOLIO_MINISTRY.match(name)
    if m is None:
        return name
    portfolio = m["portfolio"]
    return f"{_SHORT_PORTFOLIOS.get(portfolio.lower(), portfolio)} Ministry"


_MINISTRY_OF = re.compile(r"^Ministry of (?:the )?(?P<portfolio>[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*){0,2})$")
_PORTFOLIO_MINISTRY = re.compile(r"^(?P<portfolio>[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*){0,2}) Ministry$")
#: Portfolios a ministry's short name writes shorter: 'Foreign Affairs' -> 'Foreign'.
_SHORT_PORTFOLIOS = word_map("entities", "short_portfolios")


def _uninverted(name: str) -> str:
    """'Holm, Peter' (a reference list's order) -> 'Peter Holm'."""
    surname, comma, given = name.partition(", ")
    return f"{given} {surname}" if comma and "," not in given and given[:1].isupper() else name


def _shouts(name: str) -> bool:
    """A name with a surname in capitals beside other words that are not: 'TANAKA Emi', 'LI Wei'."""
    words = name.split()
    return any(w.isupper() and len(w) > 1 for w in words) and not all(w.isupper() for w in words)


def _unshouted(name: str) -> str:
    """'TANAKA Emi' -> 'Tanaka Emi': the surname a protocol style writes in capitals, as a name."""
    return " ".join(w.capitalize() if w.isupper() and w.isalpha() and not re.fullmatch(r"[IVXLC]+", w) else w
                    for w in name.split()) if _shouts(name) else name  # not the "II" of "Abdullah II"


def _ends_name(longer: str, short: str) -> bool:
    """'Ursula von der Leyen' ends with 'Von der Leyen' (any case); at least one given name before it."""
    lw, sw = longer.lower().split(), short.lower().split()
    return len(lw) > len(sw) and lw[-len(sw):] == sw
