"""Cross-document person linking: a bare surname joins the one full name that matches it.

A document that says only "Obama" mints the person "Obama"; once the store knows exactly one
person whose full name has that word as its first, last or a middle name ("Barack Obama"; "Lula" of
"Luiz Inacio Lula da Silva"; not a particle like "da"), the bare-name person is
declared `owl:sameAs` that person in the entities graph and takes its name as label, so queries
show one name for both. Document graphs stay exactly as extracted, so every document graph is
the same whatever else is in the store. Two candidates ("Xi Jinping", "Xi Xiaoxing") leave the bare
name alone, unless one is named in three times as many documents, or it is the surname of only one of them
("Holm": "Anna Holm", not "Holm Berger") named in as many documents as any other. "Donald J. Trump" joins "Donald
Trump", "Tomas Nunez" joins "Tomás Núñez"; a name the model took for an organization or a
place ("Trump" as a company) joins the person that dominates it; an entity documents spell two ways keeps one preferred label. Each link records
its reason (`dip:linkReason`). The step runs after each build over the whole store, before the prune
that clears the store's "pending" mark, so a build killed in between is completed by the next one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.nlp.components import NAME_PARTICLES, name_parts
from kg.nlp.gazetteer import lookup_country
from kg.rdf import name_key
from kg.rdf.namespaces import dip, term
from kg.rdf.terms import IRI, lit

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore


@dataclass(frozen=True)
class Link:
    short: str  # IRI of the bare-name (or variant) person
    full: str  # IRI of the person it joins
    name: str  # the bare name
    full_name: str
    reason: str = "surname"  # why: recorded as dip:linkReason beside owl:sameAs


#: A bare surname shared by several full names joins the one named in this many times more documents
#: ("Trump": Donald Trump in hundreds, Melania Trump in a few); comparable ones stay apart (Xi Jinping, Xi Xiaoxing).
DOMINANCE = 3
MIN_DOCUMENTS = 3

#: The terms the link queries and updates name, as N-Triples text.
PERSON, ORGANIZATION, PLACE, LINK_REASON, NAME_KEY = (dip(local).nt() for local in
                                                      ("Person", "Organization", "Place", "linkReason", "nameKey"))
PREF_LABEL, LABEL, SAME_AS = term("skos", "prefLabel").nt(), term("rdfs", "label").nt(), term("owl", "sameAs").nt()
ALT_LABEL = term("skos", "altLabel").nt()


def find_links(store: GraphStore) -> list[Link]:
    """Bare-name persons not linked yet that match exactly one full-name person (one of its names)."""
    entities = store.minter.special_graph("entities").nt()
    q = (f"SELECT DISTINCT ?p ?label ?linked WHERE {{ GRAPH {entities} {{ ?p a {PERSON} ; "
         f"{PREF_LABEL} ?label OPTIONAL {{ ?p {SAME_AS} ?linked FILTER(ISIRI(?linked) && "
         f"{store.minter.sparql_minted('linked')}) }} }} }}")
    rows = [(r["p"].value, r["label"].value, r["linked"]) for r in store.query(q, union=False).rows()
            if r["p"] and r["label"]]
    linked = {iri for iri, _, other in rows if other is not None}
    full = {(iri, label) for iri, label, _ in rows if len(label.split()) >= 2 and iri not in linked}
    links = _spelling_links(full)
    full = {(f, name) for f, name in full if f not in {link.short for link in links}}
    links += _variant_links(full)
    varied = {link.short for link in links}
    full = {(f, name) for f, name in full if f not in varied}
    ambiguous: dict[str, tuple[str, set[tuple[str, str]]]] = {}
    for iri, label, _ in rows:
        if len(label.split()) != 1 or iri in linked:
            continue
        matches = {(f, name) for f, name in full if _has_part(name, label) and f != iri}
        if len(matches) == 1:
            f, name = matches.pop()
            links.append(Link(iri, f, label, name))
        elif matches:
            ambiguous[iri] = (label, matches)
    if ambiguous:
        counts = _documents_naming(store, {f for _, ms in ambiguous.values() for f, _ in ms})
        for iri, (label, matches) in ambiguous.items():
            ranked = sorted(matches, key=lambda m: counts.get(m[0], 0), reverse=True)
            top, second = counts.get(ranked[0][0], 0), counts.get(ranked[1][0], 0)
            if top >= MIN_DOCUMENTS and top >= DOMINANCE * second:
                links.append(Link(iri, ranked[0][0], label, ranked[0][1], "dominant surname"))
            elif (surnamed := _the_one_surnamed(label, matches, counts)) is not None:
                links.append(Link(iri, surnamed[0], label, surnamed[1], "surname"))
    links += _people_taken_for_other_kinds(store, full)
    return sorted(links, key=lambda link: link.short)


def _the_one_surnamed(word: str, matches: set[tuple[str, str]], counts: dict[str, int]) -> tuple[str, str] | None:
    """'Holm' beside 'Anna Holm' and 'Holm Berger': the one full name that ends in the word, when it is
    named in as many documents as any other (a given name alone rarely stands for a person)."""
    ending = [(f, n) for f, n in matches if folded(name_parts(n)[-1]) == folded(word)] if all(
        name_parts(n) for _, n in matches) else []
    if len(ending) != 1:
        return None
    f, _ = ending[0]
    best = counts.get(f, 0)
    return ending[0] if best >= 1 and all(best >= counts.get(o, 0) for o, _ in matches) else None


def _people_taken_for_other_kinds(store: GraphStore, full: set[tuple[str, str]]) -> list[Link]:
    """'Trump' or 'Barack Obama' tagged an organization or a place in some documents joins the person named
    so in more documents (in as many, for the same full name), or a surname of one person named in several times more
    documents than any other. Known bodies (a Wikidata identity), countries and capitals stay apart."""
    entities = store.minter.special_graph("entities").nt()
    q = (f"SELECT DISTINCT ?o ?label ?kind WHERE {{ GRAPH {entities} {{ ?o a ?kind ; {PREF_LABEL} ?label "
         f"FILTER(?kind IN ({ORGANIZATION}, {PLACE})) FILTER NOT EXISTS {{ ?o {SAME_AS} ?other }} }} }}")
    orgs = [(r["o"].value, r["label"].value) for r in store.query(q, union=False).rows() if r["o"] and r["label"]]
    by_name = {name.lower(): (iri, name) for iri, name in full}
    candidates: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for iri, label in orgs:
        if lookup_country(label) is not None or label.isupper():
            continue  # "Washington" the government, "NATO": not people
        if len(label.split()) >= 2 and label.lower() in by_name:
            candidates[iri] = (label, [by_name[label.lower()]])
        elif len(label.split()) == 1:
            matches = [(f, name) for f, name in full if _has_part(name, label)]
            if matches:
                candidates[iri] = (label, matches)
    if not candidates:
        return []
    counts = _documents_naming(store, set(candidates) | {f for _, ms in candidates.values() for f, _ in ms})
    links = []
    for iri, (label, matches) in candidates.items():
        ranked = sorted(matches, key=lambda m: counts.get(m[0], 0), reverse=True)
        top = counts.get(ranked[0][0], 0)
        second = counts.get(ranked[1][0], 0) if len(ranked) > 1 else 0
        exact = len(label.split()) >= 2
        # a whole name ("Noam Chomsky") that some document calls a person is that person, at even counts too
        if (top >= counts.get(iri, 0) if exact else top > counts.get(iri, 0) and top >= MIN_DOCUMENTS
                and top >= DOMINANCE * max(second, 1)):
            links.append(Link(iri, ranked[0][0], label, ranked[0][1], "person named as an organization or place"))
    return links


def _has_part(name: str, word: str) -> bool:
    """Whether `word` is one of the names of `name`, whatever the case and accents ('Harris' in 'KAMALA HARRIS',
    'Nunez' in 'Tomás Núñez')."""
    return folded(word) in {folded(p) for p in name_parts(name)}


def folded(name: str) -> str:
    """A name without case, accents or hyphens: 'Tomás Núñez' and 'Tomas Nunez' fold alike."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐]+", " ", bare.lower()).strip()


def _spelling_links(full: set[tuple[str, str]]) -> list[Link]:
    """'Tomas Nunez' and 'Jose Pena' join 'Tomás Núñez' and 'José Peña': names
    documents spell with and without accents are one person, under the accented spelling."""
    by_form: dict[str, list[tuple[str, str]]] = {}
    for iri, name in full:
        by_form.setdefault(folded(name), []).append((iri, name))
    links = []
    for group in (g for g in by_form.values() if len(g) > 1):
        target, target_name = min(group, key=lambda m: (-sum(not c.isascii() for c in m[1]), m[1].isupper(), m))
        links += [Link(iri, target, name, target_name, "spelling") for iri, name in group if iri != target]
    return links


def _variant_links(full: set[tuple[str, str]]) -> list[Link]:
    """'Donald J. Trump' and 'Donald John Trump' join 'Donald Trump': the same first and last name, with
    middle names or initials, joins the one plain (two-word) form."""
    by_ends: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for iri, name in full:
        words = name.split()
        by_ends.setdefault((words[0].lower(), words[-1].lower()), []).append((iri, name))
    links = []
    for group in (g for g in by_ends.values() if len(g) > 1):
        plain = [(iri, name) for iri, name in group if len(name.split()) == 2]
        if len(plain) != 1:
            continue  # no single plain form to join, or several spellings of it
        target, target_name = plain[0]
        for iri, name in group:
            if iri != target and all(_middle(w) for w in name.split()[1:-1]):
                links.append(Link(iri, target, name, target_name, "middle name or initial"))
    return links


def _middle(word: str) -> bool:
    """A middle name or initial: 'J.', 'J', 'John' (capitalised, not a particle like 'bin')."""
    return word[:1].isupper() and word.lower() not in NAME_PARTICLES


def _documents_naming(store: GraphStore, iris: set[str]) -> dict[str, int]:
    """How many document graphs mention each of these entities."""
    if not iris:
        return {}
    values = " ".join(IRI(iri).nt() for iri in sorted(iris))
    q = (f"SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?e {{ {values} }} "
         f"GRAPH ?g {{ ?s ?p ?e }} }} GROUP BY ?e")
    return {r["e"].value: int(r["n"].value) for r in store.query(q, union=False).rows() if r["e"] and r["n"]}


def apply_links(store: GraphStore, links: list[Link]) -> None:
    """Record each link in the entities graph: sameAs, and the full name as the bare person's label."""
    if not links:
        return
    ent = store.minter.special_graph("entities").nt()
    ops = []
    for link in links:
        s, name = IRI(link.short).nt(), lit(link.full_name).nt()
        ops.append(f"DELETE WHERE {{ GRAPH {ent} {{ {s} {PREF_LABEL} ?l }} }}")
        ops.append(f"DELETE WHERE {{ GRAPH {ent} {{ {s} {LABEL} ?l }} }}")
        ops.append(f"DELETE WHERE {{ GRAPH {ent} {{ {s} {LINK_REASON} ?r }} }}")
        ops.append(f"INSERT DATA {{ GRAPH {ent} {{ {s} {SAME_AS} {IRI(link.full).nt()} ; "
                   f"{PREF_LABEL} {name} ; {LABEL} {name} ; {LINK_REASON} {lit(link.reason).nt()} ; "
                   f"{NAME_KEY} {lit(name_key(link.full_name)).nt()} . }} }}")
    store.update(" ;\n".join(ops))


def existing_links(store: GraphStore) -> list[Link]:
    """Links made by earlier builds: re-applied, since a document written later re-adds the bare label."""
    ent = store.minter.special_graph("entities").nt()
    q = (f"SELECT DISTINCT ?p ?full ?name ?reason WHERE {{ GRAPH {ent} {{ ?p {SAME_AS} ?full . "
         f"?full a {PERSON} ; {PREF_LABEL} ?name OPTIONAL {{ ?p {LINK_REASON} ?reason }} "
         f"FILTER({store.minter.sparql_minted('full')}) }} }}")
    return sorted((Link(r["p"].value, r["full"].value, "", r["name"].value,
                        r["reason"].value if r["reason"] else "surname")
                   for r in store.query(q, union=False).rows() if r["p"] and r["full"] and r["name"]),
                  key=lambda link: link.short)


def one_label_each(store: GraphStore) -> int:
    """An entity that documents name in two spellings ('Kim Jong Un', 'Kim Jong-un', 'XI Jinping') keeps one
    preferred label (not in capitals, then the longest, then the first in order); the others become
    alternative labels. Returns how many entities changed."""
    ent = store.minter.special_graph("entities").nt()
    q = (f"SELECT ?e ?l WHERE {{ GRAPH {ent} {{ ?e {PREF_LABEL} ?l }} }} ORDER BY ?e ?l")
    labels: dict[str, list[str]] = {}
    for r in store.query(q, union=False).rows():
        if r["e"] and r["l"]:
            labels.setdefault(r["e"].value, []).append(r["l"].value)
    ops = []
    for iri, names in labels.items():
        if len(names) < 2:
            continue
        keep = min(names, key=lambda n: (n.isupper(), -len(n), n))
        s = IRI(iri).nt()
        for other in names:
            if other != keep:
                ops.append(f"DELETE DATA {{ GRAPH {ent} {{ {s} {PREF_LABEL} {lit(other).nt()} . "
                           f"{s} {LABEL} {lit(other).nt()} }} }}")
                ops.append(f"INSERT DATA {{ GRAPH {ent} {{ {s} {ALT_LABEL} {lit(other).nt()} }} }}")
    if ops:
        store.update(" ;\n".join(ops))
    return sum(1 for names in labels.values() if len(names) > 1)


#: Link rounds per build: a round's links change labels and counts that the next round reads.
ROUNDS = 3


def link_people(store: GraphStore) -> list[Link]:
    """Find and apply new links, re-apply earlier ones; returns the new links (for the build summary)."""
    found: list[Link] = []
    for _ in range(ROUNDS):
        links = find_links(store)
        apply_links(store, existing_links(store) + links)
        found += links
        if not links:
            break
    one_label_each(store)
    return found
