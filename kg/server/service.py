"""The SPARQL 1.1 Service Description answered by GET /sparql without a query (Turtle by default)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from kg.rdf.namespaces import PREFIXES
from kg.rdf.terms import IRI
from kg.server import negotiate
from kg.server.state import ServerState
from kg.store.formats import GRAPHS, RESULTS

#: The SPARQL 1.1 Service Description vocabulary.
SD = "http://www.w3.org/ns/sparql-service-description#"


def description_turtle(endpoint: str, update_endpoint: str | None) -> str:
    formats = ", ".join(IRI(f.w3c_uri).nt() for f in (*RESULTS, *GRAPHS))
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if update_endpoint else "")
    lines = [
        f"@prefix sd: {IRI(SD).nt()} .",
        f"@prefix rdfs: {IRI(PREFIXES['rdfs']).nt()} .",
        "",
        f"{IRI(endpoint + '#service').nt()} a sd:Service ;",
        f"    sd:endpoint {IRI(endpoint).nt()} ;",
        f"    sd:supportedLanguage {languages} ;",
        f"    sd:resultFormat {formats} ;",
        "    sd:feature sd:UnionDefaultGraph ;",
        '    rdfs:comment "kg: diplomacy news knowledge graph. The default graph is the union of all graphs; '
        'SERVICE and LOAD are refused." ;',
        "    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .",
    ]
    if update_endpoint:
        update = IRI(update_endpoint)
        lines += ["", f"{IRI(update_endpoint + '#service').nt()} a sd:Service ; sd:endpoint {update.nt()} ;",
                  "    sd:supportedLanguage sd:SPARQL11Update ."]
    return "\n".join(lines) + "\n"


def service_description(request: Request, state: ServerState) -> Response:
    from kg.store import KgStore

    endpoint = str(request.url.replace(query="", fragment=""))
    update = endpoint.rsplit("/sparql", 1)[0] + "/update" if state.update_token else None
    ttl = description_turtle(endpoint, update)
    media = negotiate.choose(["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"],
                             request.headers.get("accept"), request.query_params.get("format"), "graph")
    if media == "text/turtle":
        return Response(ttl, media_type="text/turtle", headers={"Vary": "Accept"})
    return Response(KgStore.convert_rdf(ttl, "text/turtle", media), media_type=media, headers={"Vary": "Accept"})
