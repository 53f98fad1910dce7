"""Cross-document person linking: a bare surname joins the one full name that matches it.

A document that says only "Obama" mints the person "Obama"; once the store knows exactly one
person whose full name starts or ends with that word ("Barack Obama"), every use of "Obama" is
rewritten to that person and "Obama" is kept as an alias. Two candidates ("Xi Jinping",
"Xi Xiaoxing") leave the bare name alone. The step runs after each build over the whole store.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.rdf.namespaces import DIP, SKOS
from kg.store import KgStore


@dataclass(frozen=True)
class Link:
    short: str  # IRI of the bare-name person
    full: str  # IRI of the person it joins
    name: str  # the bare name


def find_links(store: KgStore) -> list[Link]:
    """Bare-name persons that match exactly one full-name person (first or last word)."""
    entities = store.minter.special_graph("entities").value
    q = (f"SELECT DISTINCT ?p ?label WHERE {{ GRAPH <{entities}> {{ ?p a <{DIP}Person> ; <{SKOS}prefLabel> ?label }} }}")
    people = [(r["p"].value, r["label"].value) for r in store.query(q, union=False).rows() if r["p"] and r["label"]]
    full = [(iri, label.split()) for iri, label in people if len(label.split()) >= 2]
    links = []
    for iri, label in people:
        if len(label.split()) != 1:
            continue
        matches = {f for f, words in full if label in (words[0], words[-1]) and f != iri}
        if len(matches) == 1:
            links.append(Link(iri, matches.pop(), label))
    return sorted(links, key=lambda link: link.short)


def apply_links(store: KgStore, links: list[Link]) -> None:
    """Rewrite each bare-name person to the person it joins, in every graph, keeping the alias."""
    entities = store.minter.special_graph("entities").value
    for link in links:
        s, f = f"<{link.short}>", f"<{link.full}>"
        store.update(
            f"DELETE {{ GRAPH ?g {{ ?x ?p {s} }} }} INSERT {{ GRAPH ?g {{ ?x ?p {f} }} }} "
            f"WHERE {{ GRAPH ?g {{ ?x ?p {s} }} }};\n"
            f"DELETE {{ GRAPH <{entities}> {{ {s} ?p ?o }} }} WHERE {{ GRAPH <{entities}> {{ {s} ?p ?o }} }};\n"
            f"DELETE {{ GRAPH ?g {{ {s} ?p ?o }} }} INSERT {{ GRAPH ?g {{ {f} ?p ?o }} }} "
            f"WHERE {{ GRAPH ?g {{ {s} ?p ?o }} FILTER(?g != <{entities}>) }}")


def link_people(store: KgStore) -> list[Link]:
    """Find and apply the links; returns what was linked (for the build summary)."""
    links = find_links(store)
    apply_links(store, links)
    return links
