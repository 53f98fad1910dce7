"""Benchmark `kg serve` against Oxigraph's own server (`oxigraph serve`) on the same data.

Prints requests/s of a light saved query and a heavy aggregate query on both servers (and the
ratio), then the p50 latency of every saved query on `kg serve` and on Oxigraph's server (the same
query, parameters given as a VALUES block). Bounded: about two minutes on the seeds.

    python benchmarks/bench_server.py [--store PATH] [--seconds 3] [--rounds 3] [--clients 4] [--latency-only [--oxigraph]] [--entities 30]

Without --store, the seed store is built into a temporary folder first (`kg build seeds`).
The comparison runs `kg serve --cache-mb 0`, so both servers evaluate every request; kg's answer
cache is measured on its own line. Latency is given cold (cache off: every call evaluates), for the
first call on a default server once it has prepared the saved queries' default answers
(kg.server.prepared), and warm (cache on: after one call). Queries with an `entity` parameter are
then asked once each for `--entities` entities sampled from the store, cache off. `--latency-only` skips the throughput comparison (for big
stores); with `--oxigraph` it still times each query on `oxigraph serve-read-only` opened on the
store itself (no copy; the CLI must be the same Oxigraph version as pyoxigraph).
Needs the `oxigraph` CLI (pip install oxigraph) unless --latency-only without --oxigraph.
"""

from __future__ import annotations

import argparse
import random
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
from kg.store.binding import bind_as_values  # noqa: E402

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


CLIENT = httpx.Client(timeout=600)  # one keep-alive client: a new one costs ~30 ms of set-up per call


def first_call(url: str, headers: dict[str, str]) -> tuple[float, str]:
    """Milliseconds of one request and whether the cache answered it (X-KG-Cache)."""
    CLIENT.get(url.split("/api/", 1)[0] + "/api/status").raise_for_status()  # the connection is open
    t0 = time.perf_counter()
    r = CLIENT.get(url, headers=headers)
    r.raise_for_status()
    return (time.perf_counter() - t0) * 1000, r.headers.get("x-kg-cache", "")


def wait_prepared(url: str, limit: float = 600.0) -> dict:
    """Block until the server has prepared the default answers for its current store (GET /api/status)."""
    stop = time.monotonic() + limit
    while time.monotonic() < stop:
        status = httpx.get(url + "/api/status", timeout=60).json()
        done = status["prepared"]
        if done["generation"] == status["generation"] and not done["busy"]:
            return done
        time.sleep(0.2)
    raise SystemExit(f"answers not prepared within {limit:g} s")


def sample_entities(url: str, n: int, seed: int = 7) -> list[str]:
    """Names of n entities that take part in facts (speakers, participants, role holders, subjects)."""
    query = with_prefixes("SELECT DISTINCT ?l WHERE { ?f dip:participant|dip:speaker|dip:person|dip:about|"
                          "dip:organization ?e . ?e skos:prefLabel ?l }")
    rows = httpx.get(url + "/sparql", params={"query": query}, headers=JSON, timeout=600).json()["results"]["bindings"]
    names = sorted(r["l"]["value"] for r in rows)
    return random.Random(seed).sample(names, min(n, len(names)))


def distinct_calls(url: str, names: list[str]) -> None:
    """p50 of each entity-parameter saved query over many entities, each asked once (no repeats to cache)."""
    print(f"\np50 over {len(names)} entities sampled from the store, each asked once, kg serve --cache-mb 0:")
    for q in Catalogue(Settings().queries_dir).all():
        entity = next((p.name for p in q.parameters if p.type == "entity"), None)
        if entity is None:
            continue
        times = sorted(first_call(f"{url}/api/queries/{q.name}?{urlencode({entity: name})}", JSON)[0] for name in names)
        print(f"  {q.name:24s} {entity + '=…':8s} p50 {statistics.median(times):8.1f} ms   p90 "
              f"{times[int(0.9 * len(times)) - 1]:8.1f} ms   max {times[-1]:8.1f} ms", flush=True)


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
    ap.add_argument("--entities", type=int, default=30,
                    help="Entities to sample for the distinct-call latency of entity-parameter queries (0: skip).")
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
        prepared = wait_prepared(cached)  # before any timing: preparing competes for the processor
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
        print(f"\nkg serve prepared {prepared['answers']} default answers in {prepared['seconds']:.1f} s "
              f"(needing a parameter, failed or too large: {', '.join(prepared['skipped']) or 'none'})")
        print("p50 latency of each saved query on kg serve, cold (--cache-mb 0: every call evaluates), the first "
              "call on the default server once it has prepared its answers, and warm (answer cache on; after one "
              "call)" + (", and on oxigraph serve:" if ox else ":"))
        samples = {"entity-profile": {"entity": "Xi Jinping"}, "statements-about": {"entity": "China"}}
        for q in Catalogue(Settings().queries_dir).all():
            values = samples.get(q.name, {})
            query = f"/api/queries/{q.name}?{urlencode(values)}"
            accept = JSON if q.form in ("SELECT", "ASK") else {"Accept": "text/turtle"}
            cold, runs = p50(kg + query, headers=accept)
            first, how = first_call(cached + query, headers=accept)
            warm, _ = p50(cached + query, headers=accept)
            line = (f"  {q.name:24s} cold {cold:9.1f} ms ({runs:2d} runs)   first {first:7.1f} ms "
                    f"({'prepared' if how == 'hit' else 'evaluated'})   warm {warm:6.1f} ms")
            if ox:
                theirs, _ = p50(f"{ox}/query?{urlencode({'query': inline(q.name, values)})}", headers=accept)
                line += f"   oxigraph {theirs:9.1f} ms"
            print(line, flush=True)
        if args.entities:
            distinct_calls(kg, sample_entities(kg, args.entities))
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
