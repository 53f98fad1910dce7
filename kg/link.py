"""Cross-document person linking: a bare surname joins the one full name that matches it.

A document that says only "Obama" mints the person "Obama"; once the store knows exactly one
person whose full name has that word as its first, last or a middle name ("Barack Obama"; "Lula" of
"Luiz Inacio Lula da Silva"; not a particle like "da"), the bare-name person is
declared `owl:sameAs` that person in the entities graph and takes its name as label, so queries
show one name for both. Document graphs stay exactly as extracted, so every document graph is
the same whatever else is in the store. Two candidates ("Xi Jinping", "Xi Xiaoxing") leave the bare
name alone. The step runs after each build over the whole store, before the prune that clears the
store's "pending" mark, so a build killed in between is completed by the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.nlp.components import name_parts
from kg.rdf import name_key
from kg.rdf.namespaces import DIP, OWL, RDFS, SKOS
from kg.rdf.terms import lit
from kg.store import KgStore


@dataclass(frozen=True)
class Link:
    short: str  # IRI of the bare-name person
    full: str  # IRI of the person it joins
    name: str  # the bare name
    full_name: str


def find_links(store: KgStore) -> list[Link]:
    """Bare-name persons not linked yet that match exactly one full-name person (one of its names)."""
    entities = store.minter.special_graph("entities").value
    q = (f"SELECT DISTINCT ?p ?label ?linked WHERE {{ GRAPH <{entities}> {{ ?p a <{DIP}Person> ; "
         f"<{SKOS}prefLabel> ?label OPTIONAL {{ ?p <{OWL}sameAs> ?linked FILTER(ISIRI(?linked) && "
         f"STRSTARTS(STR(?linked), \"{store.minter.base}\")) }} }} }}")
    rows = [(r["p"].value, r["label"].value, r["linked"]) for r in store.query(q, union=False).rows()
            if r["p"] and r["label"]]
    linked = {iri for iri, _, other in rows if other is not None}
    full = {(iri, label) for iri, label, _ in rows if len(label.split()) >= 2 and iri not in linked}
    links = []
    for iri, label, _ in rows:
        if len(label.split()) != 1 or iri in linked:
            continue
        matches = {(f, name) for f, name in full if label in name_parts(name) and f != iri}
        if len(matches) == 1:
            f, name = matches.pop()
            links.append(Link(iri, f, label, name))
    return sorted(links, key=lambda link: link.short)


def apply_links(store: KgStore, links: list[Link]) -> None:
    """Record each link in the entities graph: sameAs, and the full name as the bare person's label."""
    if not links:
        return
    ent = store.minter.special_graph("entities").value
    ops = []
    for link in links:
        s, name = f"<{link.short}>", lit(link.full_name).nt()
        ops.append(f"DELETE WHERE {{ GRAPH <{ent}> {{ {s} <{SKOS}prefLabel> ?l }} }}")
        ops.append(f"DELETE WHERE {{ GRAPH <{ent}> {{ {s} <{RDFS}label> ?l }} }}")
        ops.append(f"INSERT DATA {{ GRAPH <{ent}> {{ {s} <{OWL}sameAs> <{link.full}> ; "
                   f"<{SKOS}prefLabel> {name} ; <{RDFS}label> {name} ; "
                   f"<{DIP}nameKey> {lit(name_key(link.full_name)).nt()} . }} }}")
    store.update(" ;\n".join(ops))


def existing_links(store: KgStore) -> list[Link]:
    """Links made by earlier builds: re-applied, since a document written later re-adds the bare label."""
    ent = store.minter.special_graph("entities").value
    q = (f"SELECT DISTINCT ?p ?full ?name WHERE {{ GRAPH <{ent}> {{ ?p a <{DIP}Person> ; <{OWL}sameAs> ?full . "
         f"?full <{SKOS}prefLabel> ?name FILTER(STRSTARTS(STR(?full), \"{store.minter.base}\")) }} }}")
    return sorted((Link(r["p"].value, r["full"].value, "", r["name"].value) for r in store.query(q, union=False).rows()
                   if r["p"] and r["full"] and r["name"]), key=lambda link: link.short)


def link_people(store: KgStore) -> list[Link]:
    """Find and apply new links, re-apply earlier ones; returns the new links (for the build summary)."""
    links = find_links(store)
    apply_links(store, existing_links(store) + links)
    return links
