"""Lookup tables built from kg/data: countries (names, demonyms, capitals), organizations, outlets, titles.

Pure Python (no spaCy objects), so extractors and the spaCy components share one source of truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from kg.data import read_table


@dataclass(frozen=True)
class GazetteerEntry:
    """A canonical entity known in advance."""

    name: str
    kind: str  # "Country" | "Organization"
    qid: str | None
    subtype: str = ""  # international | agency | government | party | media


@dataclass(frozen=True)
class CountryForm:
    """How a surface form refers to a country: by name, demonym or capital city."""

    country: GazetteerEntry
    form: str  # "name" | "demonym" | "capital"


def norm(text: str) -> str:
    """Lower-case, strip a leading article and trailing possessive, squeeze spaces and dots."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    s = re.sub(r"^(the)\s+", "", s)
    s = re.sub(r"('s|’s|'|’)$", "", s)
    return s.strip(" .,")


@lru_cache(maxsize=1)
def country_forms() -> dict[str, CountryForm]:
    """Normalized surface form -> how it names a country (curated table first, then pycountry)."""
    forms: dict[str, CountryForm] = {}
    for name, qid, aliases, demonyms, capitals in read_table("countries.tsv"):
        entry = GazetteerEntry(name, "Country", qid or None)
        for a in [name, *_split(aliases)]:
            forms.setdefault(norm(a), CountryForm(entry, "name"))
            forms.setdefault(norm(a.replace(".", "")), CountryForm(entry, "name"))
        for d in _split(demonyms):
            forms.setdefault(norm(d), CountryForm(entry, "demonym"))
        for c in _split(capitals):
            forms.setdefault(norm(c), CountryForm(entry, "capital"))
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        canonical = getattr(c, "common_name", c.name)
        known = next((forms[norm(n)] for n in names if norm(n) in forms), None)
        entry = known.country if known else GazetteerEntry(canonical, "Country", None)
        for n in names:
            forms.setdefault(norm(n), CountryForm(entry, "name"))
    return forms


@lru_cache(maxsize=1)
def organizations() -> dict[str, GazetteerEntry]:
    """Normalized name or alias -> organization (international bodies, agencies, parties, outlets)."""
    out: dict[str, GazetteerEntry] = {}
    for name, qid, subtype, aliases in read_table("organizations.tsv"):
        entry = GazetteerEntry(name, "Organization", qid or None, subtype)
        for a in [name, *_split(aliases)]:
            out.setdefault(norm(a), entry)
    for name, qid, aliases in read_table("outlets.tsv"):
        entry = GazetteerEntry(name, "Organization", qid or None, "media")
        for a in [name, *_split(aliases)]:
            out.setdefault(norm(a), entry)
    return out


@lru_cache(maxsize=1)
def outlet_surface_forms() -> frozenset[str]:
    """News agencies and outlets, names and aliases as written: an organization wherever they appear."""
    forms = {f for row in read_table("outlets.tsv") for f in [row[0], *_split(row[2])]}
    return frozenset(f[4:] if f.lower().startswith("the ") else f for f in forms)


@lru_cache(maxsize=1)
def organization_surface_forms() -> frozenset[str]:
    """Every organization and outlet name and alias as written in the tables (case kept)."""
    forms: set[str] = set()
    for row in read_table("organizations.tsv"):
        forms.update([row[0], *_split(row[3])])
    for row in read_table("outlets.tsv"):
        forms.update([row[0], *_split(row[2])])
    return frozenset(f.removeprefix("the ").removeprefix("The ") if f.lower().startswith("the ") else f for f in forms)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Lower-cased title variant -> normalized role ("spokesman" -> "Spokesperson")."""
    out: dict[str, str] = {}
    for role, variants in read_table("titles.tsv"):
        for v in _split(variants):
            out.setdefault(v.strip().lower(), role)
    return out


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Words a ministerial portfolio is written with ('Treasury', 'Natural Resources', 'Foreign Affairs')."""
    return frozenset(row[0].strip().lower() for row in read_table("portfolios.tsv"))


def lookup_country(text: str) -> CountryForm | None:
    return country_forms().get(norm(text))


def lookup_organization(text: str) -> GazetteerEntry | None:
    return organizations().get(norm(text))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]
