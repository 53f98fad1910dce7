"""Benchmark `kg serve` against Oxigraph's own server (`oxigraph serve`) on the same data.

Prints requests/s of a light saved query and a heavy aggregate query on both servers (and the
ratio), then the p50 latency of every saved query on `kg serve`. Bounded: about 30-40 s.

    python benchmarks/bench_server.py [--store PATH] [--seconds 3] [--clients 4]

Without --store, the seed store is built into a temporary folder first (`kg build seeds`).
Needs the `oxigraph` CLI (pip install oxigraph).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.config import Settings  # noqa: E402
from kg.queries import Catalogue, with_prefixes  # noqa: E402
from kg.queries.params import bind  # noqa: E402

LIGHT = ("organization-members", {"org": "China"})
HEAVY = with_prefixes("""SELECT ?type (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(*) AS ?pairs) WHERE {
  ?s a ?type . ?s ?p ?o . ?x ?q ?s } GROUP BY ?type ORDER BY DESC(?pairs)""")
JSON = {"Accept": "application/sparql-results+json"}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {url}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"no answer from {url}")


def inline(name: str, values: dict[str, str]) -> str:
    """The saved query as plain SPARQL for Oxigraph: parameters given by a VALUES block."""
    query = Catalogue(Settings().queries_dir).get(name)
    terms = bind(query, values)
    sparql = with_prefixes(query.sparql)
    if not terms:
        return sparql
    block = "VALUES (" + " ".join(f"?{k}" for k in terms) + ") { (" + " ".join(t.nt() for t in terms.values()) + ") }"
    head, sep, tail = sparql.partition("WHERE {")
    return head + sep + " " + block + tail


def throughput(url: str, seconds: float, clients: int) -> float:
    """Requests per second with `clients` concurrent keep-alive clients."""
    counts = [0] * clients
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        with httpx.Client(timeout=60) as c:
            while time.monotonic() < stop:
                r = c.get(url, headers=JSON)
                r.raise_for_status()
                counts[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - t0)


def p50(url: str, n: int = 15, headers: dict[str, str] = JSON) -> float:
    with httpx.Client(timeout=60) as c:
        c.get(url, headers=headers).raise_for_status()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            c.get(url, headers=headers).raise_for_status()
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="kg store to serve (default: build seeds/ into a temp folder)")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()
    if not shutil.which("oxigraph"):
        raise SystemExit("the oxigraph CLI is missing: pip install oxigraph")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    procs = []
    try:
        store = Path(args.store) if args.store else tmp / "kg-store"
        if not args.store:
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--store", str(store)],
                           cwd=ROOT, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "kg", "dump", str(tmp / "dump.nq"), "--store", str(store)],
                       cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["oxigraph", "load", "--location", str(tmp / "ox"), "--file", str(tmp / "dump.nq")],
                       check=True, capture_output=True)
        kg_port, ox_port = free_port(), free_port()
        procs.append(subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(kg_port)],
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen(["oxigraph", "serve", "--location", str(tmp / "ox"), "--bind", f"127.0.0.1:{ox_port}",
                                       "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        kg, ox = f"http://127.0.0.1:{kg_port}", f"http://127.0.0.1:{ox_port}"
        wait(kg + "/api/queries", procs[0])
        wait(ox + "/query?query=ASK%7B%7D", procs[1])
        triples = httpx.get(kg + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}).json()
        print(f"data: {triples['results']['bindings'][0]['n']['value']} triples (union of graphs); "
              f"{args.clients} clients, {args.seconds:g} s per run")
        name, values = LIGHT
        cases = [
            (f"light saved query {name}", f"{kg}/api/queries/{name}?{urlencode(values)}",
             f"{ox}/query?{urlencode({'query': inline(name, values)})}"),
            ("heavy aggregate query", f"{kg}/sparql?{urlencode({'query': HEAVY})}", f"{ox}/query?{urlencode({'query': HEAVY})}"),
        ]
        print(f"{'case':40s} {'kg req/s':>10s} {'oxigraph req/s':>15s} {'kg/oxigraph':>12s}")
        for label, kg_url, ox_url in cases:
            a = throughput(kg_url, args.seconds, args.clients)
            b = throughput(ox_url, args.seconds, args.clients)
            print(f"{label:40s} {a:10.1f} {b:15.1f} {a / b:12.2f}")
        print("\np50 latency of each saved query on kg serve (15 sequential requests, warm):")
        samples = {"entity-profile": {"entity": "Xi Jinping"}, "statements-about": {"entity": "China"}}
        for q in Catalogue(Settings().queries_dir).all():
            url = f"{kg}/api/queries/{q.name}?{urlencode(samples.get(q.name, {}))}"
            accept = JSON if q.form in ("SELECT", "ASK") else {"Accept": "text/turtle"}
            print(f"  {q.name:24s} {p50(url, headers=accept):8.1f} ms")
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
