"""Load test of `kg serve`: concurrent readers, a writer adding documents, and one runaway query.

`clients` threads (one keep-alive httpx client each) send saved queries with parameters and ad-hoc
SPARQL as fast as they are answered, while another thread POSTs a document to /api/documents about
every second and, part-way through, one client sends a cartesian-product query the server must stop
with 503 at its --timeout. Every other answer must be 2xx. Prints request counts, errors, latency
p50/p95/p99 (overall, and for requests sent after the runaway query was answered) and throughput.

    python benchmarks/load_test.py [--clients 50] [--seconds 30] [--timeout 5] [--store PATH]

Without --store, seeds/ is built into a temporary folder first; the served store is always a copy.
`KG_LOAD_SECONDS` sets the default duration. Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOKEN = "load-test-token-0123456789"
JSON = {"Accept": "application/sparql-results+json"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

# Saved queries with parameters, as a web page or script would call them.
SAVED = [
    ("organization-members", {"org": "China"}),
    ("organization-members", {}),
    ("entity-profile", {"entity": "Xi Jinping"}),
    ("entity-profile", {"entity": "Barack Obama"}),
    ("statements-about", {"entity": "China"}),
    ("statements-about", {"keyword": "cyber"}),
    ("timeline", {"since": "2015-01-01", "until": "2016-12-31"}),
    ("who-met-whom", {"include_planned": "true"}),
    ("people-roles", {"min_confidence": "0.5"}),
    ("contested-claims", {}),
    ("meeting-participants", {}),
]
PREFIX = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
ADHOC = [
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n) LIMIT 20",
    "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label LIMIT 50",
    "ASK { ?s a ?type }",
    "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"china\")) }",
    "SELECT ?d ?id WHERE { ?d dip:documentId ?id } ORDER BY ?id",
]
ARTICLES = [  # small hand-written articles, added besides the seed texts
    "Talks in Berlin\n\nBERLIN, May 2 - German Chancellor Olaf Scholz met French President Emmanuel Macron "
    "in Berlin on Tuesday. \"We stand together,\" Scholz said after the talks.\n",
    "Ministers meet in Geneva\n\nGENEVA, March 3 - US Secretary of State Antony Blinken met Russian Foreign "
    "Minister Sergei Lavrov in Geneva on Friday. Lavrov said the meeting was useful.\n",
    "Trade agreement signed\n\nTOKYO, June 9 - Japan and Australia signed a trade agreement on Monday, "
    "Japanese Prime Minister Fumio Kishida said. China denied that the deal was aimed at Beijing.\n",
]


@dataclass
class LoadReport:
    clients: int
    seconds: float = 0.0
    latencies: list[tuple[float, float]] = field(default_factory=list)  # (start offset s, latency s)
    kinds: dict[str, int] = field(default_factory=lambda: {"saved": 0, "sparql": 0})
    errors: list[str] = field(default_factory=list)
    documents_added: int = 0
    document_seconds: list[float] = field(default_factory=list)
    runaway_status: int | None = None
    runaway_seconds: float | None = None
    runaway_sent_at: float | None = None  # offsets from the start (s)
    runaway_answered_at: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def percentile(self, p: float, after: float | None = None) -> float:
        """The p-th percentile latency in ms (nearest rank), of requests started after `after` s if given."""
        xs = sorted(lat for start, lat in self.latencies if after is None or start >= after)
        if not xs:
            return float("nan")
        return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs)) - 1))] * 1000

    def lines(self) -> list[str]:
        out = [f"clients: {self.clients}, duration: {self.seconds:.1f} s",
               f"requests: {self.requests} ({self.kinds['saved']} saved queries, {self.kinds['sparql']} ad-hoc SPARQL), "
               f"errors: {len(self.errors)}",
               f"throughput: {self.requests / self.seconds:.1f} requests/s" if self.seconds else "throughput: -",
               f"latency ms: p50 {self.percentile(50):.1f}, p95 {self.percentile(95):.1f}, p99 {self.percentile(99):.1f}",
               f"documents added: {self.documents_added}"
               + (f" (each {min(self.document_seconds):.1f}-{max(self.document_seconds):.1f} s)" if self.document_seconds else "")]
        if self.runaway_status is not None:
            out.append(f"runaway query: HTTP {self.runaway_status} after {self.runaway_seconds:.2f} s")
            if self.runaway_sent_at is not None:
                after = self.runaway_sent_at
                out.append(f"from the runaway query on (sent at {after:.1f} s, answered at {self.runaway_answered_at:.1f} s): p50 {self.percentile(50, after):.1f}, p95 {self.percentile(95, after):.1f}, "
                           f"p99 {self.percentile(99, after):.1f} ms")
        out += [f"error: {e}" for e in sorted(set(self.errors))[:20]]
        return out


def _reader(url: str, report: LoadReport, stop: float, t0: float, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=60, headers=JSON) as client:
        while time.monotonic() < stop:
            accept = JSON["Accept"]
            if rng.random() < 0.6:
                name, params = rng.choice(SAVED)
                kind, req = "saved", (f"/api/queries/{name}", params)
            else:
                query = rng.choice(ADHOC)
                kind, req = "sparql", ("/sparql", {"query": PREFIX + query})
                accept = "text/turtle" if query.startswith("CONSTRUCT") else accept
            start = time.monotonic()
            try:
                r = client.get(req[0], params=req[1], headers={"Accept": accept})
                ok, what = 200 <= r.status_code < 300, f"HTTP {r.status_code} {r.text[:120]}"
            except httpx.HTTPError as e:
                ok, what = False, f"{type(e).__name__}: {e}"
            end = time.monotonic()
            with report.lock:
                report.latencies.append((start - t0, end - start))
                report.kinds[kind] += 1
                if not ok:
                    report.errors.append(f"{req[0]} {str(req[1])[-80:]}: {what}")


def _documents(url: str, token: str, texts: list[str], report: LoadReport, stop: float, every: float) -> None:
    with httpx.Client(base_url=url, timeout=120, headers={"Authorization": f"Bearer {token}"}) as client:
        n = 0
        while time.monotonic() < stop:
            start = time.monotonic()
            body = {"id": f"load-{n:04d}", "text": texts[n % len(texts)], "date": "2024-05-02", "title": f"load {n}"}
            try:
                r = client.post("/api/documents", json=body)
                ok, what = r.status_code == 201, f"HTTP {r.status_code} {r.text[:200]}"
            except httpx.HTTPError as e:
                ok, what = False, f"{type(e).__name__}: {e}"
            with report.lock:
                if ok:
                    report.documents_added += 1
                    report.document_seconds.append(time.monotonic() - start)
                else:
                    report.errors.append(f"POST /api/documents {body['id']}: {what}")
            n += 1
            time.sleep(max(0.0, every - (time.monotonic() - start)))


def _runaway(url: str, report: LoadReport, delay: float, t0: float) -> None:
    with httpx.Client(base_url=url, timeout=600, headers=JSON) as client:
        time.sleep(max(0.0, t0 + delay - time.monotonic()))
        start = time.monotonic()
        report.runaway_sent_at = start - t0
        try:
            status = client.get("/sparql", params={"query": RUNAWAY}).status_code
        except httpx.HTTPError:
            status = -1
        end = time.monotonic()
    report.runaway_status, report.runaway_seconds, report.runaway_answered_at = status, end - start, end - t0


def run_load(url: str, token: str, *, clients: int = 50, seconds: float = 30.0, doc_every: float = 1.0,
             texts: list[str] | None = None, runaway_after: float | None = None) -> LoadReport:
    """Drive the server at `url` for `seconds`; bounded: every thread stops sending at the deadline."""
    report = LoadReport(clients)
    texts = texts or ARTICLES
    t0 = time.monotonic()
    stop = t0 + seconds
    threads = [threading.Thread(target=_runaway, args=(url, report, runaway_after, t0), daemon=True)] if runaway_after is not None else []
    threads.append(threading.Thread(target=_documents, args=(url, token, texts, report, stop, doc_every), daemon=True))
    threads += [threading.Thread(target=_reader, args=(url, report, stop, t0, i), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, stop - time.monotonic()) + 180)
    report.seconds = time.monotonic() - t0
    return report


def seed_texts() -> list[str]:
    """The seed articles and the hand-written ones: what the writer thread adds, in turn."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + ARTICLES


def main() -> None:
    from tests.server.conftest import live_server

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="kg store to copy and serve (default: build seeds/ into a temp folder)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("KG_LOAD_SECONDS", 30)))
    ap.add_argument("--timeout", type=float, default=5.0, help="the server's --timeout (s)")
    ap.add_argument("--no-runaway", action="store_true", help="do not send the runaway query")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        store = Path(tmp) / "store"
        if args.store:
            shutil.copytree(args.store, store)
        else:
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--store", str(store)],
                           cwd=ROOT, check=True, capture_output=True)
        with live_server(store, "--update-token", TOKEN, "--timeout", str(args.timeout)) as url:
            before = httpx.get(url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}, headers=JSON)
            triples = before.json()["results"]["bindings"][0]["n"]["value"]
            print(f"server: kg serve --timeout {args.timeout:g} on a copy of the seed store ({triples} triples)")
            report = run_load(url, TOKEN, clients=args.clients, seconds=args.seconds, texts=seed_texts(),
                              runaway_after=None if args.no_runaway else args.seconds / 3)
            for line in report.lines():
                print(line)
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
