"""Benchmark `kg serve` against Oxigraph's own server (`oxigraph serve`) on the same data.

Prints requests/s of a light saved query and a heavy aggregate query on both servers (and the
ratio), then the p50 latency of every saved query on `kg serve` and on Oxigraph's server (the same
query, parameters given as a VALUES block). Bounded: about two minutes on the seeds.

    python benchmarks/bench_server.py [--store PATH] [--seconds 3] [--rounds 3] [--clients 4] [--latency-only [--oxigraph]]

Without --store, the seed store is built into a temporary folder first (`kg build seeds`).
The comparison runs `kg serve --cache-mb 0`, so both servers evaluate every request; kg's answer
cache is measured on its own line. Latency is given cold (cache off: every call evaluates) and
warm (cache on: the first call fills it). `--latency-only` skips the throughput comparison (for big
stores); with `--oxigraph` it still times each query on `oxigraph serve-read-only` opened on the
store itself (no copy; the CLI must be the same Oxigraph version as pyoxigraph).
Needs the `oxigraph` CLI (pip install oxigraph) unless --latency-only without --oxigraph.
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
from kg.store.remote import bind_as_values  # noqa: E402

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
    """The saved query as plain SPARQL for Oxigraph: parameters given by VALUES blocks."""
    query = Catalogue(Settings().queries_dir).get(name)
    terms = bind(query, values)
    sparql = with_prefixes(query.sparql)
    if not terms:
        return sparql
    return bind_as_values(sparql, {k: t.nt() for k, t in terms.items()})  # as kg binds them on a remote store


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


def p50(url: str, n: int = 15, headers: dict[str, str] = JSON, budget: float = 60.0) -> tuple[float, int]:
    """Median milliseconds of up to n sequential requests (after one untimed), stopping after `budget` s."""
    with httpx.Client(timeout=600) as c:
        c.get(url, headers=headers).raise_for_status()
        times: list[float] = []
        stop = time.monotonic() + budget
        while len(times) < n and (not times or time.monotonic() < stop):
            t0 = time.perf_counter()
            c.get(url, headers=headers).raise_for_status()
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, len(times)


def start_kg(store: Path, *args: str) -> tuple[str, subprocess.Popen]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                             "--timeout", "600", *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait(url + "/api/queries", proc)
    return url, proc


def start_oxigraph(location: Path, *mode: str) -> tuple[str, subprocess.Popen]:
    """Oxigraph's own server on loopback (`serve`, or `serve-read-only` for a store kg also has open)."""
    port = free_port()
    proc = subprocess.Popen(["oxigraph", *(mode or ("serve",)), "--location", str(location), "--bind",
                             f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait(url + "/query?query=ASK%7B%7D", proc)
    return url, proc


def compare(store: Path, tmp: Path, kg: str, cached: str, args: argparse.Namespace, procs: list) -> str:
    """Requests/s of kg serve (no answer cache) and oxigraph serve on the same data; then kg with its cache.

    Returns the Oxigraph server's URL (it keeps running for the latency table)."""
    subprocess.run([sys.executable, "-m", "kg", "dump", str(tmp / "dump.nq"), "--store", str(store)],
                   cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["oxigraph", "load", "--location", str(tmp / "ox"), "--file", str(tmp / "dump.nq")],
                   check=True, capture_output=True)
    ox, proc = start_oxigraph(tmp / "ox")
    procs.append(proc)
    name, values = LIGHT
    light = f"/api/queries/{name}?{urlencode(values)}"
    ox_light = f"{ox}/query?{urlencode({'query': inline(name, values)})}"
    cases = [
        (f"light saved query {name}", kg + light, ox_light),
        ("heavy aggregate query", f"{kg}/sparql?{urlencode({'query': HEAVY})}", f"{ox}/query?{urlencode({'query': HEAVY})}"),
        ("light saved query, kg answer cache on", cached + light, ox_light),
    ]
    print(f"{'case':40s} {'kg req/s':>10s} {'oxigraph req/s':>15s} {'kg/oxigraph':>12s}")
    for label, kg_url, ox_url in cases:
        # Interleaved rounds, best of each: a burst of other load on the machine then hits both alike.
        a = b = 0.0
        for _ in range(args.rounds):
            a = max(a, throughput(kg_url, args.seconds, args.clients))
            b = max(b, throughput(ox_url, args.seconds, args.clients))
        print(f"{label:40s} {a:10.1f} {b:15.1f} {a / b:12.2f}")
    return ox


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="kg store to serve (default: build seeds/ into a temp folder)")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3, help="Interleaved throughput rounds per server (best of each).")
    ap.add_argument("--latency-only", action="store_true", help="Only the per-query latency (no throughput runs).")
    ap.add_argument("--oxigraph", action="store_true",
                    help="With --latency-only: also time each query on oxigraph serve-read-only opened on --store.")
    args = ap.parse_args()
    if (not args.latency_only or args.oxigraph) and not shutil.which("oxigraph"):
        raise SystemExit("the oxigraph CLI is missing: pip install oxigraph")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    procs = []
    try:
        store = Path(args.store) if args.store else tmp / "kg-store"
        if not args.store:
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--store", str(store)],
                           cwd=ROOT, check=True, capture_output=True)
        kg, proc = start_kg(store, "--cache-mb", "0")
        procs.append(proc)
        cached, proc = start_kg(store)
        procs.append(proc)
        triples = httpx.get(kg + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"},
                            timeout=600).json()
        print(f"data: {triples['results']['bindings'][0]['n']['value']} triples (union of graphs); "
              f"{args.clients} clients, {args.rounds} interleaved rounds of {args.seconds:g} s per server, best of each")
        ox = None
        if not args.latency_only:
            ox = compare(store, tmp, kg, cached, args, procs)
        elif args.oxigraph:
            ox, proc = start_oxigraph(store, "serve-read-only")
            procs.append(proc)
        print("\np50 latency of each saved query on kg serve, cold (--cache-mb 0: every call evaluates) and warm "
              "(answer cache on; the first call fills it)" + (", and on oxigraph serve:" if ox else ":"))
        samples = {"entity-profile": {"entity": "Xi Jinping"}, "statements-about": {"entity": "China"}}
        for q in Catalogue(Settings().queries_dir).all():
            values = samples.get(q.name, {})
            query = f"/api/queries/{q.name}?{urlencode(values)}"
            accept = JSON if q.form in ("SELECT", "ASK") else {"Accept": "text/turtle"}
            cold, runs = p50(kg + query, headers=accept)
            warm, _ = p50(cached + query, headers=accept)
            line = f"  {q.name:24s} cold {cold:9.1f} ms ({runs:2d} runs)   warm {warm:6.1f} ms"
            if ox:
                theirs, _ = p50(f"{ox}/query?{urlencode({'query': inline(q.name, values)})}", headers=accept)
                line += f"   oxigraph {theirs:9.1f} ms"
            print(line, flush=True)
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
