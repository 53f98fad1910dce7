"""Reading the W3C SPARQL 1.1 protocol / graph store / service description manifests with rdflib."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.collection import Collection

W3C = Path("/work/shared/w3c-sparql11")
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    statuses: set[int]  # acceptable status classes: 2, 3, 4, 5
    fmt: str | None = None
    boolean: bool | None = None


@dataclass
class ProtocolTest:
    name: str
    title: str
    graph_data: list[tuple[Path, str]] = field(default_factory=list)  # (file, graph IRI)
    requests: list[Request] = field(default_factory=list)


def _entries(g: rdflib.Graph) -> list[rdflib.term.Node]:
    manifest = next(g.subjects(rdflib.RDF.type, MF.Manifest))
    return list(Collection(g, g.value(manifest, MF.entries)))


def protocol_tests(folder: Path = W3C / "protocol") -> list[ProtocolTest]:
    g = rdflib.Graph().parse(folder / "manifest.ttl")
    out = []
    for entry in _entries(g):
        t = ProtocolTest(str(entry).split("#")[-1], str(g.value(entry, MF.name)))
        for gd in g.objects(entry, UT.graphData):
            t.graph_data.append((Path(str(g.value(gd, UT.graph)).removeprefix("file://")), str(g.value(gd, rdflib.RDFS.label))))
        action = g.value(entry, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            hl = g.value(req, HT.headers)
            for h in (Collection(g, hl) if hl else []):
                headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = g.value(req, HT.body)
            resp = g.value(req, HT.resp)
            statuses = {int(re.search(r"(\d)xx", str(s)).group(1)) for s in g.objects(resp, MF.expectedStatus)}
            fmt, boolean = g.value(resp, MF.expectedFormat), g.value(resp, MF.expectedBoolean)
            t.requests.append(Request(str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)), headers,
                                      str(g.value(body, CNT.chars)) if body is not None else None, statuses,
                                      str(fmt) if fmt is not None else None,
                                      boolean.toPython() if boolean is not None else None))
        out.append(t)
    return out


@dataclass
class GspStep:
    name: str
    method: str
    target: str
    headers: dict[str, str]
    body: str
    status: int
    response_body: str


def graph_store_tests(folder: Path = W3C / "http-rdf-update") -> list[GspStep]:
    """The graph-store tests: each entry's request and response, read from its Markdown comment."""
    g = rdflib.Graph().parse(folder / "manifest.ttl")
    steps = []
    for entry in _entries(g):
        text = next(str(c) for c in g.objects(entry, rdflib.RDFS.comment) if "#### Request" in str(c))
        req, _, resp = text.partition("#### Response")
        req_lines = _block(req.split("#### Request", 1)[1])
        resp_lines = _block(resp)
        method, target, _ = req_lines[0].split(" ", 2)
        headers, body = _headers_body(req_lines[1:])
        _status_headers, resp_body = _headers_body(resp_lines[1:])
        steps.append(GspStep(str(entry).split("#")[-1], method, target, headers, body, int(resp_lines[0].split()[0]), resp_body))
    return steps


def _block(text: str) -> list[str]:
    lines = [line[4:] if line.startswith("    ") else line for line in text.strip("\n").splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _headers_body(lines: list[str]) -> tuple[dict[str, str], str]:
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        key, _, value = lines[i].partition(":")
        headers[key.strip()] = value.strip()
        i += 1
    return headers, "\n".join(lines[i + 1:]).strip()
