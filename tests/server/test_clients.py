"""Standard SPARQL clients against a live server: the client examples of docs/how-to/clients.md (curl,
Apache Jena, SPARQLWrapper, rdflib), SPARQLWrapper's return formats on every query form, HTTP Basic auth.

Before: SPARQLWrapper's CONSTRUCT and DESCRIBE got 406 with its default return formats (it adds
`format=xml`, `n3`, `json-ld`, and kg let an unknown `format=` override Accept), writes took only a
Bearer header, and Jena's POSTed queries lost their body (see test_http11.py).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.server import jena
from tests.server.conftest import TOKEN, live_server, no_traceback

PREFIXES = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
README_URL = "127.0.0.1:7878"
CLIENTS = "docs/how-to/clients.md"  # the page whose examples these tests run


def client_examples() -> list[tuple[str, str, str]]:
    """(language, code, expected output) of each example on the docs page CLIENTS; a
    console block holds `$ command` lines each followed by its output, a python block is followed by
    a text block with what it prints."""
    blocks = re.findall(r"```(\w+)\n(.*?)```", (ROOT / CLIENTS).read_text(encoding="utf-8"), re.S)
    out = []
    for i, (lang, code) in enumerate(blocks):
        if lang == "console":
            out.append((lang, code, ""))
        elif lang == "python":
            following = blocks[i + 1] if i + 1 < len(blocks) else ("", "")
            out.append((lang, code, following[1] if following[0] == "text" else ""))
    return out


EXAMPLES = client_examples()


@pytest.fixture(scope="module")
def writable(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve --update-token` on a copy of the seed store (its queries run in the server's threads)."""
    folder = tmp_path_factory.mktemp("clients")
    shutil.copytree(seeds_store, folder / "store")
    log = folder / "server.log"
    with live_server(folder / "store", "--update-token", TOKEN, log=log) as url:
        yield url
    no_traceback(log)


@pytest.fixture(scope="module")
def read_only(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve` read-only on the seed store (its ad-hoc queries run in query processes)."""
    log = tmp_path_factory.mktemp("clients-ro") / "server.log"
    with live_server(seeds_store, log=log) as url:
        yield url
    no_traceback(log)


def test_the_docs_have_examples_for_each_client() -> None:
    code = "\n".join(c for _lang, c, _out in EXAMPLES)
    for client in ("curl ", "jena.py rsparql", "jena.py rupdate", "SPARQLWrapper(", "SPARQLStore(", "SPARQLUpdateStore("):
        assert client in code, client


@pytest.mark.parametrize(("lang", "code", "expected"), EXAMPLES,
                         ids=[f"{lang}-{i}" for i, (lang, _c, _e) in enumerate(EXAMPLES)])
def test_docs_client_example(lang: str, code: str, expected: str, writable: str,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    port = writable.rsplit(":", 1)[1]
    code = code.replace(README_URL, f"127.0.0.1:{port}")
    monkeypatch.setenv("KG_UPDATE_TOKEN", TOKEN)
    if lang == "python":
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, CLIENTS, "exec"), {"__name__": "docs_example"})  # our own docs
        assert printed.getvalue() == expected
        return
    if "jena.py" in code and (why := jena.missing()) is not None:
        pytest.skip(why)
    for command, output in _console(code):
        command = re.sub(r"^python ", f"{sys.executable} ", command)
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert done.stdout.replace("\r\n", "\n").rstrip("\n") == output.rstrip("\n"), command


def _console(block: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console transcript."""
    pairs: list[tuple[str, str]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], ""))
        elif pairs:
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + line + "\n")
    return pairs


QUERIES = {
    "SELECT": PREFIXES + "SELECT DISTINCT ?name WHERE { ?c a dip:Country ; skos:prefLabel ?name } ORDER BY ?name",
    "ASK": PREFIXES + 'ASK { ?c skos:prefLabel "India" }',
    "CONSTRUCT": PREFIXES + "CONSTRUCT { ?c skos:prefLabel ?name } WHERE { ?c a dip:Country ; skos:prefLabel ?name }",
    "DESCRIBE": "DESCRIBE <http://kg.example.org/id/person/xi-jinping>",
}
RESULT_FORMATS = ["JSON", "XML", "CSV", "TSV"]
GRAPH_FORMATS = ["JSON", "XML", "N3", "TURTLE", "JSONLD", "RDFXML"]
ALL_FORMATS = ["JSON", "XML", "N3", "TURTLE", "JSONLD", "CSV", "TSV", "RDFXML"]
#: The media type each return format gets, per kind of answer.
EXPECTED = {("results", "JSON"): "application/sparql-results+json", ("results", "XML"): "application/sparql-results+xml",
            ("results", "CSV"): "text/csv", ("results", "TSV"): "text/tab-separated-values",
            ("graph", "JSON"): "application/ld+json", ("graph", "XML"): "application/rdf+xml",
            ("graph", "N3"): "text/turtle", ("graph", "TURTLE"): "text/turtle",
            ("graph", "JSONLD"): "application/ld+json", ("graph", "RDFXML"): "application/rdf+xml"}


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("form", list(QUERIES))
@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_sparqlwrapper_return_format(read_only: str, fmt: str, form: str, method: str) -> None:
    """Each SPARQLWrapper return format on each query form: the type it asks for where that form has
    one, 406 with a reason where it has none (SPARQLWrapper itself warns it is unexpected)."""
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(read_only + "/sparql")
    client.setQuery(QUERIES[form])
    client.setReturnFormat(getattr(sw, fmt))
    client.setMethod(getattr(sw, method))
    kind = "results" if form in ("SELECT", "ASK") else "graph"
    with pytest.warns() if (kind, fmt) not in EXPECTED else contextlib.nullcontext():
        if (kind, fmt) not in EXPECTED:
            with pytest.raises(urllib.error.HTTPError) as err:
                client.query()
            assert err.value.code == 406 and b"not available here" in err.value.read()
            return
        response = client.query()
    assert response.response.headers["content-type"].split(";")[0] == EXPECTED[(kind, fmt)]
    _check(form, fmt, response.convert())


def _check(form: str, fmt: str, answer: object) -> None:
    """The converted answer holds what the query asks for."""
    if form == "SELECT":
        text = answer.toxml() if fmt == "XML" else answer.decode() if isinstance(answer, bytes) else str(answer)
        assert "India" in text and "China" in text
    elif form == "ASK":
        text = answer.toxml() if fmt == "XML" else answer.decode() if isinstance(answer, bytes) else str(answer)
        assert "true" in text.lower()
    else:
        if hasattr(answer, "serialize"):  # an rdflib Graph (XML, RDFXML, JSONLD)
            answer = answer.serialize(format="nt")
        text = answer.decode() if isinstance(answer, bytes) else str(answer)
        assert ("India" if form == "CONSTRUCT" else "Xi Jinping") in text


def test_rdflib_sparqlstore(read_only: str) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(read_only + "/sparql"))  # asks for SPARQL XML results or RDF/XML
    rows = list(g.query(PREFIXES + "SELECT ?p WHERE { ?p skos:prefLabel \"Xi Jinping\" }"))
    assert rows and rows[0][0] == URIRef("http://kg.example.org/id/person/xi-jinping")
    assert g.query(PREFIXES + "ASK { ?p a dip:Person }").askAnswer is True
    built = g.query(PREFIXES + "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a dip:Person ; skos:prefLabel ?n }")
    assert (URIRef("http://kg.example.org/id/person/xi-jinping"), None, Literal("Xi Jinping")) in built.graph


def test_basic_auth_carries_the_token(writable: str) -> None:
    """The update token as the password of HTTP Basic auth, any user name, on /update and the Graph Store."""
    update = {"update": "INSERT DATA { GRAPH <http://example.org/basic> { <http://example.org/b> "
                        "<http://example.org/p> 1 } }"}
    r = httpx.post(writable + "/update", data=update)
    assert r.status_code == 401 and r.headers["www-authenticate"] == 'Basic realm="kg", Bearer realm="kg"'
    assert httpx.post(writable + "/update", data=update, auth=("anyone", "wrong-token-xxxx")).status_code == 403
    assert httpx.post(writable + "/update", data=update, auth=("anyone", "")).status_code == 401
    assert httpx.post(writable + "/update", data=update, auth=("anyone", TOKEN)).status_code == 204
    r = httpx.put(writable + "/store", params={"graph": "http://example.org/basic2"}, auth=("kg", TOKEN),
                  content="<http://example.org/c> <http://example.org/p> 2 .", headers={"Content-Type": "text/turtle"})
    assert r.status_code == 201
    assert httpx.delete(writable + "/store", params={"graph": "http://example.org/basic2"},
                        auth=("kg", "wrong-token-xxxx")).status_code == 403
    r = httpx.post(writable + "/update", data=update, headers={"Authorization": "Basic not-base64!"})
    assert r.status_code == 401 and r.json()["status"] == 401


def test_sparqlwrapper_update_with_credentials(writable: str) -> None:
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(writable + "/sparql", updateEndpoint=writable + "/update")
    client.setMethod(sw.POST)
    client.setQuery('INSERT DATA { GRAPH <http://example.org/sw> { <http://example.org/s> <http://example.org/p> "sw" } }')
    with pytest.raises(sw.SPARQLExceptions.Unauthorized):
        client.query()
    client.setCredentials("sparqlwrapper", TOKEN)
    assert client.query().response.status == 204
    client.setQuery('ASK { <http://example.org/s> <http://example.org/p> "sw" }')
    client.setReturnFormat(sw.JSON)
    assert client.query().convert()["boolean"] is True


@pytest.mark.skipif(jena.missing() is not None, reason=str(jena.missing()))
def test_jena_rsparql_long_query_is_posted(read_only: str) -> None:
    """A query too long for a URL: Jena POSTs it, with `Upgrade: h2c` (its body used to be dropped: 400)."""
    values = " ".join(f'"v{i}"' for i in range(1500))
    query = PREFIXES + f"SELECT DISTINCT ?name WHERE {{ ?c a dip:Country ; skos:prefLabel ?name VALUES ?x {{ {values} }} }} ORDER BY ?name LIMIT 2"
    done = subprocess.run(jena.command("rsparql", "--service", read_only + "/sparql", "--results", "csv", query),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["name", "China", "India"]
